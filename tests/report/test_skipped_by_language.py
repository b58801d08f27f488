"""The JSON report's lines left out by ``--skip-invalid`` in the policy's languages.

``input.skipped`` said each line left out in the engine's English, also for a Japanese policy: the one text a
Japanese reader of the JSON had was English. The contract keeps ``skipped`` English (for programs that match
it); ``input.skipped_by_language`` now gives the same texts in each language the policy declares, the primary
first, only when a line was left out (a report without one keeps its bytes).
"""

from __future__ import annotations

import json
from pathlib import Path

import sla_dsl

from .helpers import EXAMPLE, MONTH, POLICY, sla

BAD = '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "X9", "priority": "P9"}\n'


def _log(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text(EXAMPLE.read_text("utf-8") + BAD, "utf-8")
    return path


def test_the_lines_left_out_are_said_in_each_language_of_the_policy(tmp_path: Path) -> None:
    log = _log(tmp_path)
    code, out, err = sla("evaluate", POLICY, log, *MONTH, "--format", "json", "--skip-invalid", "--no-trend")
    assert code == 0, err
    said = json.loads(out)["input"]
    [english] = said["skipped"]
    assert "unknown priority `P9`" in english  # (the contract's, unchanged)
    assert list(said["skipped_by_language"]) == ["ja", "en"]
    [japanese] = said["skipped_by_language"]["ja"]
    assert "[E120] `incident.reported` の優先度 `P9` はポリシーにありません" in japanese, japanese
    assert "unknown priority" not in japanese
    assert said["skipped_by_language"]["en"] == said["skipped"]
    # (the API's report alike)
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), log, "2026-11-01", "2026-12-01", skip_invalid=True)
    assert report.model_dump(mode="json")["input"]["skipped_by_language"]["ja"] == [japanese]


def test_an_english_policy_has_english_only(tmp_path: Path) -> None:
    text = POLICY.read_text("utf-8")
    assert "languages ja, en" in text
    english = tmp_path / "en.sla"
    english.write_text(text.replace("languages ja, en", "languages en, ja"), "utf-8")
    code, out, err = sla("evaluate", english, _log(tmp_path), *MONTH, "--format", "json", "--skip-invalid")
    assert code == 0, err
    assert list(json.loads(out)["input"]["skipped_by_language"]) == ["en", "ja"]


def test_a_report_with_no_line_left_out_keeps_its_keys() -> None:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json", "--no-trend")
    assert code == 0, err
    assert list(json.loads(out)["input"]) == ["events", "duplicates", "skipped"]
