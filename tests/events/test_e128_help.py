"""E128's help suggests an ``attribute`` declaration only for a key a policy can write as a name.

A QA pass gave an event ``"attributes": {"Plan Name": "gold"}`` for a policy that declares no attribute:
the help said ``declare it with `attribute Plan Name { values ... }```, which does not parse, and for a key
with control characters ``attribute \\x1b[2Jplan\\u202e { … }``. Now a key that is no name of the
language (the grammar's ``NAME``) is only to be left out of the event, in both languages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "examples" / "helpdesk.sla"  # declares no attribute; `languages ja, en`


def _evaluate(tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str, lang: str = "en") -> str:
    event = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}
    event["attributes"] = {key: "gold"}  # type: ignore[assignment]
    log = tmp_path / "e.jsonl"
    log.write_text(json.dumps(event) + "\n", "utf-8")
    capsys.readouterr()
    code = main(["evaluate", "--lang", lang, str(POLICY), str(log), "--from", "2026-11-01", "--to", "2026-12-01"])
    err = capsys.readouterr().err
    assert code == 1 and f"{log}:1: " in err and "[E128]" in err, err
    return err


@pytest.mark.parametrize("key", ["Plan Name", "\x1b[2Jplan\u202e", "plan-name", "1plan", "プラン"])
def test_a_key_that_is_no_name_is_only_to_be_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    err = _evaluate(tmp_path, capsys, key)
    assert "help: the policy declares no attributes: leave it out of the event" in err, err
    assert "attribute " not in err.split("help:", 1)[1]
    assert "\x1b" not in err and "\u202e" not in err


def test_a_key_that_is_no_name_is_only_to_be_left_out_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _evaluate(tmp_path, capsys, "Plan Name", "ja")
    assert "ヒント: ポリシーは属性を宣言していません。イベントから外してください" in err, err
    assert "`attribute" not in err


@pytest.mark.parametrize("key", ["plan", "Plan_Name", "_tier2"])
def test_a_key_that_is_a_name_still_gets_its_declaration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    err = _evaluate(tmp_path, capsys, key)
    assert f"declare it with `attribute {key} {{ values ... }}` or leave it out of the event" in err, err


def test_is_name_is_the_grammar_s_name() -> None:
    from sla_dsl.lang.values import is_name

    grammar = (ROOT / "grammars" / "sla.lark").read_text("utf-8")
    hit = re.search(r"^NAME: /(.+)/$", grammar, re.M)
    assert hit is not None
    name = re.compile(hit.group(1))
    for word in ["plan", "Plan_Name", "_x", "x9", "Plan Name", "9x", "plan-name", "プラン", "ｐｌａｎ", "", "a\u202e"]:
        assert is_name(word) == (name.fullmatch(word) is not None), word
