"""``sla replay``'s summary names what it lists by the policy's labels, in the words of its language.

Before, the summary showed internal identifiers: a notice rule by its name (``O1 recovery：対象外 → 達成``,
not 復旧情報通知時間), a service by its name (`` `content`（2026-11-01 からの月）``, not
デジタルコンテンツ管理サービス), and in English statuses and kinds as the JSON names them
(``not_applicable -> met``, ``response_breached I5``); a backup kind by its name; the versions of a
directory joined with an English comma in Japanese (``2026.1 → 2026.1, 2026.2``); and it never said
which version of a directory judged each incident. The JSON keeps its ids, and now says which version
judged each incident on each side (``old_policy_version``, ``new_policy_version``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.authoring.replay import render_text, replay
from sla_dsl.cli import main
from sla_dsl.policy import load_policies

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`, version 2026.1
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]
TOKYO = dt.timezone(dt.timedelta(hours=9))
EVENTS = [
    # judged by 2026.1 under both: alike
    {"event": "incident.reported", "at": "2026-11-10T10:00:00+09:00", "id": "I1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-10T13:30:00+09:00", "id": "I1"},
    # judged by 2026.2 under NEW (2 business hours): breached
    {"event": "incident.reported", "at": "2026-11-17T10:00:00+09:00", "id": "I5", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-17T14:30:00+09:00", "id": "I5"},
    # recognised outside business hours: no notice due under 2026.1, due under 2026.2
    {"event": "outage.started", "at": "2026-11-26T22:00:00+09:00", "id": "O3", "cause": "failure"},
    {"event": "outage.recognized", "at": "2026-11-26T22:05:00+09:00", "id": "O3"},
    {"event": "outage.ended", "at": "2026-11-26T22:50:00+09:00", "id": "O3"},
    {"event": "outage.notified", "at": "2026-11-26T22:30:00+09:00", "id": "O3"},
]


def _later(text: str) -> str:
    """Version 2026.2 from 16 November: P1 in 2 business hours, the recovery notice for every outage,
    maintenance from 23:00 (the outage of O3 no longer falls in it), no AMI backup."""
    out = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    for old, new in (
        ("respond within 4 business hours", "respond within 2 business hours"),
        ("  only if outage.recognized during business hours\n", ""),
        ("every month on 4th thu, 22:00-24:00", "every month on 4th thu, 23:00-24:00"),
        (", backup machine_image\n", "\n"),
    ):
        assert old in out
        out = out.replace(old, new)
    ami = out.index("backup machine_image ")
    return out[:ami] + out[out.index("}\n", ami) + 2 :]


def _files(tmp_path: Path) -> tuple[Path, Path]:
    both = tmp_path / "both"
    both.mkdir()
    text = POLICY.read_text("utf-8")
    (both / "clicksoko-2026.1.sla").write_text(text, "utf-8")
    (both / "clicksoko-2026.2.sla").write_text(_later(text), "utf-8")
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return both, events


def _sla(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    assert main(["replay", *argv, *PERIOD]) == 0
    return capsys.readouterr().out


def test_japanese_names_things_by_their_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both, events = _files(tmp_path)
    out = _sla(capsys, str(POLICY), str(both), str(events))
    lines = out.splitlines()
    assert lines[0].startswith("再判定 Click So-ko 2026.1 → 2026.1、2026.2：2026年11月1日(日) 00:00 〜 ")
    assert (
        "  I5 P1 優先度１：達成 → 未達（期限 2026年11月17日(火) 15:00 → 2026年11月17日(火) 12:00、"
        "応答 2026年11月17日(火) 14:30）（2026.2 で判定）"
    ) in lines
    assert "  O3 復旧情報通知時間：対象外 → 達成（期限 - → 2026年11月27日(金) 14:00）" in lines
    assert "  O3：通知 対象外 → 達成、停止時間 0 → 50 分" in lines
    assert any(
        x.startswith(
            "  デジタルコンテンツ管理サービス、11月1日(日) 00:00 〜 12月1日(火) 00:00（月次）、"
            "稼働率の測定値（目標なし）："
        )
        for x in lines
    ), out
    assert "  AMI バックアップ（OSドライブバックアップ） 2026年11月16日(月)：未実施 → -" in lines
    # (a violation keeps its id, as the report's table lists it and `sla explain` takes it: `machine_image:2026-11-16`)
    summary = out.split("\n違反：\n")[0]
    for word in ("recovery", "content", "machine_image", "not_applicable", ", "):
        assert word not in summary, word
    assert ", " not in out


def test_english_says_statuses_and_kinds_in_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both, events = _files(tmp_path)
    out = _sla(capsys, "--lang", "en", str(POLICY), str(both), str(events))
    lines = out.splitlines()
    assert lines[0].startswith("replay Click So-ko 2026.1 -> 2026.1, 2026.2: Sun 1 Nov 2026 00:00 to ")
    assert (
        "  I5 P1 Priority 1: met -> breached (due Tue 17 Nov 2026 15:00 -> Tue 17 Nov 2026 12:00, "
        "responded Tue 17 Nov 2026 14:30) (judged by 2026.2)"
    ) in lines
    assert "  O3 Recovery-information notice time: not applicable -> met (due - -> Fri 27 Nov 2026 14:00)" in lines
    assert "  O3: notice not applicable -> met, downtime 0 -> 50 min" in lines
    assert any(
        x.startswith(
            "  Digital content management service, Sun 1 Nov 00:00 - Tue 1 Dec 00:00 (month), "
            "measured availability (no target): "
        )
        for x in lines
    ), out
    assert "  AMI backup (OS drive backup) Mon 16 Nov 2026: Missed -> -" in lines
    assert any(x.startswith("  + response target breached I5: P1 Priority 1 response due ") for x in lines), out
    summary = out.split("\nviolations:\n")[0]
    for word in ("recovery", "content,", "machine_image", "not_applicable", "None"):
        assert word not in summary, word
    assert "response_breached" not in out and "backup_missed" not in out


def test_the_json_keeps_its_ids_and_says_which_version_judged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    both, events = _files(tmp_path)
    doc = json.loads(_sla(capsys, "--format", "json", str(POLICY), str(both), str(events)))
    assert doc["new"]["version"] == "2026.1, 2026.2"  # (the JSON's value, in no language)
    [i5] = doc["incidents"]
    assert (i5["id"], i5["old_policy_version"], i5["new_policy_version"]) == ("I5", "2026.1", "2026.2")
    assert [(x["id"], x["target"], x["old_status"]) for x in doc["targets"]] == [("O3", "recovery", "not_applicable")]
    assert {p["service"] for p in doc["availability_periods"]} == {"content"}
    assert {b["kind"] for b in doc["backups"]} == {"machine_image"}
    assert {v["kind"] for v in doc["violations"]} == {"response_breached", "backup_missed"}
    text = json.dumps(doc)
    assert "worded" not in text and "Recovery" not in text and "復旧" not in text


def test_the_version_is_said_on_each_side_with_several(tmp_path: Path) -> None:
    both, _ = _files(tmp_path)
    versions = load_policies([str(both)])
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    single = sla_dsl.load_policy(POLICY)
    # OLD a directory, NEW one file: the old verdict's version
    text = render_text(replay(versions, single, EVENTS, start, end, lang="en"), "en")
    assert "I5 P1 Priority 1: breached -> met (" in text and ") (judged by 2026.2 under the old versions)\n" in text
    text = render_text(replay(versions, single, EVENTS, start, end, lang="ja"), "ja")
    assert "）（旧版では 2026.2 で判定）\n" in text
    # both directories: both sides' (the new side's 2026.2 its own, slower)
    slower = _later(POLICY.read_text("utf-8")).replace(
        "respond within 2 business hours", "respond within 5 business hours"
    )
    other = [versions[0], sla_dsl.load_policy(slower)]
    text = render_text(replay(versions, other, EVENTS, start, end, lang="ja"), "ja")
    assert "  I5 P1 優先度１：未達 → 達成（" in text and "）（2026.2 → 2026.2 で判定）\n" in text
    # one version a side: nothing said
    text = render_text(replay(single, sla_dsl.load_policy(_later(POLICY.read_text("utf-8"))), EVENTS, start, end), "en")
    assert "judged by" not in text
