"""What the engineers' pages say of the report's JSON and of the API's event errors is what the code does.

* The report's JSON ends with ``breach_credits`` (added after ``backups_taken``), but the API pages and the
  report's field table still called ``backups_taken`` "the JSON's last key" / 「JSON の最後のキー」: a page
  that names a last key names the JSON's last key.
* The events pages said the Python API's ``EventInputError`` stays English, where ``sla_dsl.evaluate`` raises
  it in the policy's primary language (as the API page says); only ``read_events`` raises it in English.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError
from sla_dsl.reader import read_events

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "docs" / "engineers"
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
BAD = {"event": "incident.reported", "id": "X", "at": "2026-11-02T10:00:00+09:00", "priority": "P9"}


@cache
def last_key() -> str:
    report = sla_dsl.evaluate(sla_dsl.load_policy(CLICKSOKO), str(EXAMPLE), "2026-11-01", "2026-12-01")
    keys = list(json.loads(report.model_dump_json()))
    assert keys[-4:] == ["backups_taken", "breach_credits", "credit_totals", "generator"]
    return keys[-1]


def keys_called_last(text: str) -> list[str]:
    """The keys a page calls the JSON's last: a table row's key whose row says so, and a key named beside the
    words in prose (``(`key`, the JSON's last key)``, 「最後のキー `key`」)."""
    found: list[str] = []
    for line in text.splitlines():
        row = re.match(r"\| `(\w+)` \|", line)
        if row and ("last key" in line.lower() or "最後のキー" in line):
            found.append(row.group(1))
        elif not row:
            found += re.findall(r"`(\w+)`, the JSON's last key", line)
            found += re.findall(r"最後のキー\s*`(\w+)`", line)
    return found


@pytest.mark.parametrize("page", ["api.en.md", "api.ja.md", "reports.en.md", "reports.ja.md"])
def test_a_page_that_names_the_last_key_names_the_json_s(page: str) -> None:
    named = keys_called_last((PAGES / page).read_text("utf-8"))
    assert all(key == last_key() for key in named), named
    assert "backups_taken" in (PAGES / page).read_text("utf-8")


def test_evaluate_raises_in_the_policy_s_language_and_read_events_in_english(tmp_path: Path) -> None:
    policy = sla_dsl.load_policy(CLICKSOKO)
    with pytest.raises(EventInputError) as by_evaluate:
        sla_dsl.evaluate(policy, [BAD], "2026-11-01", "2026-12-01")
    assert by_evaluate.value.lang == "ja" and "ポリシーにありません" in str(by_evaluate.value)
    assert by_evaluate.value.problems[0].message == "unknown priority `P9` in `incident.reported`"
    log = tmp_path / "events.jsonl"
    log.write_text(json.dumps({**BAD, "at": "2026-11-02T10:00:00"}) + "\n", "utf-8")
    for given in ({}, {"policy": policy}):
        with pytest.raises(EventInputError) as by_reader:
            read_events(log, **given)  # type: ignore[arg-type]
        assert getattr(by_reader.value, "lang", None) is None and "has no UTC offset" in str(by_reader.value)
        assert "時差" in str(by_reader.value.in_lang("ja"))


def _paragraph(text: str, start: str) -> str:
    at = text.index(start)
    end = text.find("\n\n", at)
    return " ".join(text[at : end if end >= 0 else len(text)].split())


def test_the_events_pages_say_which_event_errors_stay_english() -> None:
    en = _paragraph((PAGES / "events.en.md").read_text("utf-8"), "What programs read stays English")
    ja = _paragraph((PAGES / "events.ja.md").read_text("utf-8"), "プログラムが読むものは英語のままです")
    for said in (en, ja):
        assert "Python の API の `EventInputError`" not in said and "the Python API's `EventInputError`" not in said
        assert "`read_events`" in said and "`sla_dsl.evaluate`" in said
    assert "`sla_dsl.evaluate` raises its `EventInputError` in the policy's primary language" in en
    assert "`sla_dsl.evaluate` の `EventInputError` は、コマンドが示すのと同じく、ポリシーの主言語で書きます" in ja
