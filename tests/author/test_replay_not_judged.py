"""``sla replay`` still runs when a log holds what only one version knows (a priority NEW adds).

Before, replaying a log with an incident of priority P4 from a version that adds P4 aborted with
``E120 unknown priority `P4` ... the policy knows P1, P2, P3``: the what-if of adding a priority could
not be run on the log it is meant for, and the message did not say which version refused it. Now the
version that cannot judge an event judges nothing of its id (``not_judged``), the other judges it,
and the summary lists the events each version cannot judge; a line neither version can judge is
still the log's error (exit 1), as ``sla evaluate`` says it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.replay import replay
from sla_dsl.cli import main
from sla_dsl.events import EventInputError

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`
TOKYO = dt.timezone(dt.timedelta(hours=9))
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-P4", "priority": "P4"},
    {"event": "incident.responded", "at": "2026-11-03T10:00:00+09:00", "id": "INC-P4"},
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-P1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-02T16:00:00+09:00", "id": "INC-P1"},
]


def _with_p4(tmp_path: Path) -> Path:
    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2026.2"')
    end = text.index("}\n", text.index("priority P3 ")) + 2
    p4 = 'priority P4 "優先度４" / "Priority 4" [art 3.2] {\n  respond within 10 business days\n}\n\n'
    path = tmp_path / "p4.sla"
    path.write_text(text[:end] + "\n" + p4 + text[end:], "utf-8")
    return path


def _log(tmp_path: Path, *extra: dict[str, str]) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in [*EVENTS, *extra]), "utf-8")
    return path


def _sla(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["replay", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_incident_old_cannot_judge_is_not_judged_under_old(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new, log = _with_p4(tmp_path), _log(tmp_path)
    code, out, err = _sla(capsys, str(POLICY), str(new), str(log), *PERIOD, "--lang", "en", "--exit-code")
    assert (code, err) == (1, ""), err
    assert (
        "  INC-P4 P4 Priority 4: not judged -> met (due - -> Mon 16 Nov 2026 18:00, responded Tue 3 Nov 2026 10:00)\n"
        in out
    )
    assert (
        "events the old version (2026.1) cannot judge (their ids are not judged under it):\n"
        f"  {log}:1 (INC-P4): [E120] unknown priority `P4` in `incident.reported`\n"
    ) in out
    assert "INC-P1" not in out.split("incident statuses")[0]  # judged alike under both
    code, out, err = _sla(capsys, str(POLICY), str(new), str(log), *PERIOD)  # Japanese, the policy's language
    assert (code, err) == (0, ""), err
    assert "  INC-P4 P4 優先度４：判定できない → 達成（" in out
    assert (
        "旧版（2026.1）では判定できないイベント（その ID は旧版では判定していません）：\n"
        f"  {log}:1（INC-P4）：[E120] `incident.reported` の優先度 `P4` はポリシーにありません\n"
    ) in out


def test_the_other_way_round_new_cannot_judge_it(tmp_path: Path) -> None:
    old, new = load_policy(_with_p4(tmp_path)), load_policy(POLICY)
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    result = replay(old, new, EVENTS, start, end)
    assert [(i.id, i.old_status, i.new_status) for i in result.incidents] == [("INC-P4", "met", "not_judged")]
    assert [(n.version, n.family, n.id, n.line, n.code) for n in result.not_judged] == [
        ("new", "incident", "INC-P4", 1, "E120")
    ]
    assert not [v for v in result.violations if v.id == "INC-P4"]  # no `data` noise from its other events
    doc = result.model_dump(mode="json")
    assert doc["not_judged"] == [
        {
            "version": "new",
            "family": "incident",
            "id": "INC-P4",
            "source": "<events>",
            "line": 1,
            "code": "E120",
            "message": "unknown priority `P4` in `incident.reported`",
        }
    ]
    assert result.changed


def test_what_neither_version_can_judge_is_the_logs_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p9 = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-P9", "priority": "P9"}
    new, log = _with_p4(tmp_path), _log(tmp_path, p9)
    code, out, err = _sla(capsys, str(POLICY), str(new), str(log), *PERIOD, "--lang", "en")
    assert (code, out) == (1, "")
    assert f"{log}:5: error: [E120] unknown priority `P9` in `incident.reported`" in err
    assert "the policy knows `P1`, `P2`, `P3`, `P4`" in err  # (NEW's words) and only that line
    assert ":1: error" not in err
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    with pytest.raises(EventInputError):
        replay(load_policy(POLICY), load_policy(POLICY), [*EVENTS], start, end)


def test_one_policy_on_both_sides_still_changes_nothing(tmp_path: Path) -> None:
    new = load_policy(_with_p4(tmp_path))
    start, end = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)
    assert not replay(new, new, EVENTS, start, end).changed
