"""No English fragment in the Japanese of the event readers, and the API's refusals of ``policy`` and
``events`` in the policy's language.

The readers' Japanese said 「UTC オフセット」 where the rest of the catalogue says 時差; a line orjson
refused with a message the catalogue did not know (``failed to allocate memory``: a line cut short inside
arrays nested hundreds deep) and a CSV error of the same kind showed their English bare in a Japanese
sentence. ``sla_dsl.evaluate([policy, "v2.sla"], ...)`` and ``read_events(..., policy=[policy, None])``
refused in English whatever the policy's language, and the text of ``not_events`` was written twice
(in the readers and in the catalogue). ``sla replay`` judged an empty log without the warning ``sla
evaluate`` gives.
"""

from __future__ import annotations

import csv
import re
import string
from functools import cache
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.events.csv_reader import csv_detail
from sla_dsl.events.problems import EventInputError, not_events
from sla_dsl.i18n import CATALOGUE, message
from sla_dsl.lang.diagnostics import words
from sla_dsl.reader import read_events, read_text

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`
MONTH = ("2026-11-01", "2026-12-01")
#: Latin words the readers' Japanese may hold outside code spans and fields: names of formats, standards and
#: units of size, which Japanese writes in Latin letters too.
ALLOWED = {"JSON", "CSV", "Parquet", "Arrow", "Feather", "IPC", "UTF-8", "ISO 8601", "MiB", "KiB"}
#: The catalogue's entries that the readers (``sla_dsl.reader``, ``sla_dsl.events``) and the API's refusals
#: of what it is given write.
READER_KEYS = sorted(
    k for k in CATALOGUE if k.startswith(("events.", "author.api.events_", "author.api.policy_", "author.api.version_"))
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*(?: \d+)?")


def latin_outside_code(template: str) -> set[str]:
    """The Latin words of a Japanese template outside code spans (`...`) and its fields ({name})."""
    text = re.sub(r"`[^`]*`", "", template)
    text = "".join(literal for literal, _, _, _ in string.Formatter().parse(text))
    return set(_WORD.findall(text))


def test_the_scan_finds_a_fragment() -> None:
    assert latin_outside_code("`{field}` は UTC オフセット付きの ISO 8601 の時刻です（`at`、{kind}）") == {
        "UTC",
        "ISO 8601",
    }


@pytest.mark.parametrize("key", READER_KEYS)
def test_no_english_word_in_the_readers_japanese(key: str) -> None:
    assert latin_outside_code(CATALOGUE[key].ja) <= ALLOWED, CATALOGUE[key].ja


def test_the_offset_is_called_as_the_rest_of_the_catalogue_calls_it() -> None:
    """時差, as the policy's and the API's own refusals say it (「時刻 `…` には時差がありません」)."""
    assert not [k for k in READER_KEYS if "オフセット" in CATALOGUE[k].ja]
    assert any("時差" in CATALOGUE[k].ja for k in CATALOGUE if k.startswith("author."))
    (p,) = _problems('{"event":"incident.responded","at":"2026-11-02T11:00:00","id":"INC-1"}')
    assert p.code == "E105" and p.text("ja") == "`at` に時差（`+09:00` など）がありません：`2026-11-02T11:00:00`"
    assert p.message == "`at` has no UTC offset: `2026-11-02T11:00:00`"  # (the English as before)


def _problems(text: str) -> list[sla_dsl.events.Problem]:
    with pytest.raises(EventInputError) as info:
        read_text(text, "ev.jsonl")
    return info.value.problems


def test_orjson_s_message_the_catalogue_did_not_know() -> None:
    (p,) = _problems("[" * 1100)  # a line cut short inside deeply nested arrays
    assert p.message.startswith("invalid JSON: failed to allocate memory at column ")  # (the English as before)
    assert "failed" not in p.text("ja") and "メモリを確保できません" in p.text("ja"), p.text("ja")


def test_a_library_s_english_the_catalogue_does_not_know_is_quoted_in_japanese() -> None:
    detail = csv_detail(csv.Error("a message the csv module may add one day"))
    said = words("events.E111.unreadable", detail=detail)
    assert said.text("en") == "CSV row cannot be read: a message the csv module may add one day"
    assert said.text("ja") == "CSV の行を読めません：`a message the csv module may add one day`"


@cache
def japanese() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY)


@cache
def english() -> sla_dsl.Policy:
    text = POLICY.read_text("utf-8")
    assert "  languages ja, en " in text
    return sla_dsl.load_policy(text.replace("  languages ja, en ", "  languages en, ja ", 1))


def test_a_version_that_is_no_policy_is_refused_in_the_policy_s_language() -> None:
    with pytest.raises(TypeError) as ja:
        sla_dsl.evaluate([japanese(), "v2.sla"], [], *MONTH)
    text = str(ja.value)
    assert "`policy[1]`" in text and "`sla_dsl.load_policy('v2.sla')`" in text and "渡してください" in text, text
    assert latin_outside_code(text) == set(), text
    with pytest.raises(TypeError) as other:
        sla_dsl.evaluate([japanese(), 3], [], *MONTH)
    assert str(other.value) == "`policy[1]` には `Policy` を渡してください（`int` が渡されました）"
    # English: as it always said
    with pytest.raises(TypeError) as en:
        sla_dsl.evaluate([english(), "v2.sla"], [], *MONTH)
    assert str(en.value) == "policy[1]: expected a Policy, found str: load it with sla_dsl.load_policy('v2.sla')"
    # nothing to take a language from: English
    with pytest.raises(TypeError, match=r"^policy: expected a Policy or a sequence of its versions, found int$"):
        sla_dsl.evaluate(3, [], *MONTH)  # type: ignore[arg-type]


def test_read_events_refuses_a_version_that_is_no_policy_in_the_policy_s_language() -> None:
    log = ROOT / "examples" / "events-2026-11.jsonl"
    with pytest.raises(TypeError) as ja:
        read_events(log, policy=[japanese(), None])
    assert str(ja.value) == (
        "`policy` には `Policy`（`sla_dsl.load_policy`）かその版の並びを渡してください（並びに `NoneType` があります）"
    )
    with pytest.raises(TypeError) as en:
        read_events(log, policy=[english(), None])
    assert str(en.value) == "policy: expected a Policy (sla_dsl.load_policy) or its versions, found NoneType among them"


def test_not_events_is_the_catalogue_s_one_text() -> None:
    assert str(not_events(b"x")) == message("author.api.events_type", "en", kind="bytes")
    assert str(not_events(b"x", "ja")) == message("author.api.events_type", "ja", kind="bytes")
    with pytest.raises(TypeError) as ja:
        sla_dsl.evaluate(japanese(), b"x", *MONTH)
    assert str(ja.value) == str(not_events(b"x", "ja"))


def test_replay_warns_of_a_log_without_events(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "none.jsonl"
    empty.write_text("\n# nothing yet\n", "utf-8")
    assert main(["replay", str(POLICY), str(POLICY), str(empty), "--from", MONTH[0], "--to", MONTH[1]]) == 0
    err = capsys.readouterr().err
    assert f"sla: 警告: イベントログ `{empty}` にイベントがありません" in err, err
