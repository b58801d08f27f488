"""``sla deadline --all --format json`` labels each target in the languages the policy declares, and no other.

A policy written in English only (``languages en``) has no Japanese texts: a ``ja`` label would be the
catalogue's Japanese around the policy's English (``応答（Create）``), a text in a language the policy does not
declare. The same holds the other way round for ``languages ja``. A policy that declares none is read as
``en, ja`` and keeps both labels, as does one that declares both. The response due time alone (no ``--target``
or ``--all``) is the contract's document and has no labels at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.cli.app import main

HEADER = """\
sla "RT desk" {{
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Europe/London
{languages}}}

"""

EN = """\
calendar business "Business hours" {
  days mon..fri
  hours 08:00-17:00
  holidays GB-ENG
}

clock response "Create" {
  starts at incident.reported
}

clock resolution "Resolution" {
  starts at incident.reported
  stops at incident.resolved
}

priority P1 "2h" {
  respond within 1 business hour
  resolve within 2 hours on resolution, plus 24 hours if received outside business hours
  complete on incident.resolved
}
"""

JA = (
    EN.replace('"Business hours"', '"営業時間"')
    .replace('"Create"', '"作成"')
    .replace('"Resolution"', '"解決までの時間"')
    .replace('"2h"', '"2時間対応"')
)

BOTH = (
    EN.replace('"Business hours"', '"営業時間" / "Business hours"')
    .replace('"Create"', '"作成" / "Create"')
    .replace('"Resolution"', '"解決までの時間" / "Resolution"')
    .replace('"2h"', '"2時間対応" / "2h"')
)

#: Sunday 01:30 BST, the night the clocks go back: outside business hours, so the resolution earns its extra
START = "2026-10-25T01:30:00+01:00"


def policy(tmp_path: Path, languages: str, body: str) -> Path:
    path = tmp_path / "rt.sla"
    path.write_text(HEADER.format(languages=f"  languages {languages}\n" if languages else "") + body, "utf-8")
    return path


def deadline(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> dict[str, Any]:
    code = main(["deadline", str(path), "--priority", "P1", "--from", START, "--format", "json", *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return dict(json.loads(out.out))


@pytest.mark.parametrize(
    ("languages", "body", "labels"),
    [
        ("en", EN, {"en": ["Response (Create)", "Resolution (Resolution), plus 24 hours: received outside"]}),
        ("ja", JA, {"ja": ["応答（作成）", "解決（解決までの時間）、営業時間外の受付のため24時間を加算"]}),
        (
            "ja, en",
            BOTH,
            {
                "ja": ["応答（作成）", "解決（解決までの時間）、営業時間外の受付のため24時間を加算"],
                "en": ["Response (Create)", "Resolution (Resolution), plus 24 hours: received outside"],
            },
        ),
        ("", BOTH, {"ja": ["応答（作成）", "解決（解決までの時間）"], "en": ["Response (Create)", "Resolution"]}),
    ],
    ids=["en", "ja", "ja-en", "undeclared"],
)
def test_each_target_is_labelled_in_the_declared_languages_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, languages: str, body: str, labels: dict[str, list[str]]
) -> None:
    doc = deadline(capsys, policy(tmp_path, languages, body), "--all")
    targets = doc["targets"]
    assert [t["key"] for t in targets] == ["response", "resolve"]
    for t in targets:
        assert list(t["label"]) == list(labels), t  # (the keys in their old order: ja, then en)
    for lang, starts in labels.items():
        for t, start in zip(targets, starts, strict=True):
            assert t["label"][lang].startswith(start), t["label"]
    if languages == "en":  # no word of Japanese anywhere in what an English-only policy's targets say
        assert not any("\u3040" <= c <= "\u9fff" for t in targets for c in json.dumps(t, ensure_ascii=False))


def test_the_response_due_time_alone_is_unchanged(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Without ``--target`` or ``--all`` the document is the contract's: no ``targets``, no labels."""
    doc = deadline(capsys, policy(tmp_path, "en", EN))
    assert doc == {
        "policy": {"name": "RT desk", "version": "1.0"},
        "priority": "P1",
        "clock_start": START,
        "response_due": "2026-10-26T09:00:00+00:00",
        "attributes": {},
        "rule": {"line": 24, "when": None},
    }


def test_a_named_target_alone_is_labelled_in_the_declared_language(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    doc = deadline(capsys, policy(tmp_path, "en", EN), "--target", "resolve")
    ((target),) = doc["targets"]
    assert target["label"] == {"en": "Resolution (Resolution), plus 24 hours: received outside business hours"}
    assert target["out_of_hours"] == {"calendar": "business", "extra": "24 hours"}
