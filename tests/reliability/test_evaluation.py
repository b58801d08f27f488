"""Issue 17, items 6, 7, 8, 10, 14, 29, 31 (sla test): how events are judged and how reports are written."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.policy import Policy
from sla_dsl.reader import read_events
from sla_dsl.report.render import render, render_explain

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
TZ = ZoneInfo("Asia/Tokyo")


@cache
def policy() -> Policy:
    return sla_dsl.load_policy(POLICY)


def t(text: str) -> dt.datetime:
    """``"2026-11-02 10:00"`` as a Tokyo time."""
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def ev(event: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    """An event dict with a Tokyo time given as ``YYYY-MM-DD HH:MM``."""
    return {"event": event, "at": t(at).isoformat(), "id": ident, **fields}


EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
NOV, DEC = t("2026-11-01 00:00"), t("2026-12-01 00:00")


def _both(events: list[dict[str, Any]], start: dt.datetime = NOV, end: dt.datetime = DEC) -> dict[str, Any]:
    """The JSON report on the columnar path, checked to equal the per-incident path's."""
    fast = judge_log(policy(), log_from(events), start, end).report().model_dump(mode="json")
    slow = judge_log(policy(), log_from(events), start, end, batch=False).report().model_dump(mode="json")
    assert fast == slow
    return fast


def _data(report: dict[str, Any]) -> list[str]:
    return [v["message"] for v in report["violations"] if v["kind"] == "data"]


def _sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


# ---- item 6: a backup completed twice counts once, on its first day ------------------------------


def test_item06_a_repeated_backup_completion_does_not_fill_a_missed_day() -> None:
    events = [
        ev("backup.completed", "2026-11-02 02:00", "DB-1", kind="database"),
        ev("backup.completed", "2026-11-03 02:00", "DB-1", kind="database"),  # the same backup again
    ]
    r = _both(events, t("2026-11-02 00:00"), t("2026-11-04 00:00"))
    days = {b["day"]: (b["status"], b["backups"]) for b in r["backups"] if b["kind"] == "database"}
    assert days == {"2026-11-02": ("ok", 1), "2026-11-03": ("missed", 0)}
    assert {(v["kind"], v["id"]) for v in r["violations"]} >= {
        ("backup_missed", "database:2026-11-03"),
        ("data", "DB-1"),
    }
    assert any("<events>:2: backup `DB-1` completed again; the first counts" in m for m in _data(r))


# ---- item 7: a resolution before the report is bad data, on both paths ---------------------------


@pytest.mark.parametrize("kind", ["resolved", "info_provided", "customer_replied", "product_suspected"])
def test_item07_an_incident_event_before_its_report_is_bad_data(kind: str) -> None:
    events = [
        ev(f"incident.{kind}", "2026-11-02 09:00", "I"),
        ev("incident.reported", "2026-11-02 10:00", "I", priority="P1"),
        ev("incident.responded", "2026-11-02 10:30", "I"),
    ]
    r = _both(events)
    assert _data(r) == [f"<events>:1: incident.{kind} before incident.reported"]


# ---- item 8: same-instant contradictions are read by content, not by line -------------------------

AT = "2026-11-02 10:00"


@pytest.mark.parametrize("flip", [False, True])
def test_item08_two_reports_at_one_instant_give_one_verdict_whatever_the_line_order(flip: bool) -> None:
    reports = [
        ev("incident.reported", AT, "I", priority="P1"),
        ev("incident.reported", AT, "I", priority="P3"),
    ]
    events = [*(reports[::-1] if flip else reports), ev("incident.responded", "2026-11-02 16:00", "I")]
    r = _both(events)
    (row,) = r["incidents"]
    # P1 (4 business hours, due 15:00) is read first: content order, the stricter priority
    assert (row["priority"], row["status"]) == ("P1", "breached")
    (msg,) = _data(r)
    first, second = (2, 1) if flip else (1, 2)
    assert msg == (
        f"<events>:{second}: incident.reported of `I` on line {second} contradicts line {first} "
        "at the same instant (priority `P3` vs `P1`); same-instant events are read in content order, "
        f"not line order: line {first} first"
    )


@pytest.mark.parametrize("flip", [False, True])
def test_item08_an_outage_started_with_and_without_an_exclusion_at_one_instant(flip: bool) -> None:
    starts = [
        ev("outage.started", "2026-11-10 10:00", "O", cause="force_majeure"),
        ev("outage.started", "2026-11-10 10:00", "O"),
    ]
    events = [*(starts[::-1] if flip else starts), ev("outage.ended", "2026-11-10 12:00", "O")]
    r = _both(events)
    (row,) = r["outages"]
    # the start without a cause is read first (absent before stated): counted downtime
    assert (row["cause"], row["downtime_minutes"]) == (None, 120.0)
    assert r["availability"]["downtime_minutes"] == 120.0
    (msg,) = _data(r)
    assert "outage.started of `O`" in msg and "cause `force_majeure` vs none" in msg
    assert re.search(r"on line \d contradicts line \d at the same instant", msg)


# ---- item 10: the violations' order does not depend on the lines' order ---------------------------


def _shuffled(tmp_path: Path, seed: int) -> Path:
    lines = EXAMPLE.read_text("utf-8").splitlines()
    random.Random(seed).shuffle(lines)
    out = tmp_path / f"shuffled-{seed}.jsonl"
    out.write_text("\n".join(lines) + "\n", "utf-8")
    return out


def _json(path: Path, batch: bool = True) -> bytes:
    out = io.BytesIO()
    judge_log(policy(), read_events(path), NOV, DEC, batch=batch).write_json(out)
    return out.getvalue()


def test_item10_a_shuffled_log_gives_the_same_json_bytes(tmp_path: Path) -> None:
    base = _json(EXAMPLE)
    for seed in (1, 2, 3):
        assert _json(_shuffled(tmp_path, seed)) == base
        assert _json(_shuffled(tmp_path, seed), batch=False) == base
    violations = json.loads(base)["violations"]
    keys = [(v["at"] is None, v["at"] and dt.datetime.fromisoformat(v["at"]), v["kind"], v["id"]) for v in violations]
    assert keys == sorted(keys, key=lambda k: (k[0], k[1] or NOV, k[2], k[3]))  # by time, kind, id


def test_item10_every_format_lists_violations_in_the_same_order(tmp_path: Path) -> None:
    shuffled = _shuffled(tmp_path, 7)
    for fmt in ("text", "markdown", "html"):
        outputs = set()
        for path in (EXAMPLE, shuffled):
            res = judge_log(policy(), read_events(path), NOV, DEC)
            outputs.add(render(res.skeleton, fmt, incidents=res.incidents, violations=res.violations()))
        assert len(outputs) == 1, fmt


# ---- item 14 and 31: sla test files that are hostile or wrong are located errors ------------------


def _case(tmp_path: Path, text: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp_path / "case.yaml"
    path.write_text(text, "utf-8")
    return path, _sla("test", "--lang", "en", POLICY, path)  # the English; tests/author checks the Japanese


ADD = 'cases:\n  - name: add\n    add_business_time: {{from: "2026-11-30T11:30:00+09:00", hours: {}}}\n    expect: x\n'


@pytest.mark.parametrize("hours", [".nan", ".inf", "-.inf", "1e300", '"four"', "-3", "[1]"])
def test_item14_hours_that_are_not_a_number_of_hours_are_located_errors(tmp_path: Path, hours: str) -> None:
    path, res = _case(tmp_path, ADD.format(hours))
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr
    assert f"{path}:3:" in res.stderr and "case `add`" in res.stderr and "`hours`" in res.stderr


@pytest.mark.parametrize("expect", [".nan", '"seven"', "[7]"])
def test_item14_a_business_time_expectation_must_be_a_number(tmp_path: Path, expect: str) -> None:
    text = (
        "cases:\n  - name: bt\n"
        '    business_time: {from: "2026-11-30T09:00:00+09:00", to: "2026-11-30T19:00:00+09:00"}\n'
        f"    expect: {expect}\n"
    )
    path, res = _case(tmp_path, text)
    assert res.returncode == 1 and "internal error" not in res.stderr
    assert f"{path}:4:5:" in res.stderr and "case `bt`" in res.stderr and "`expect`" in res.stderr  # at `expect`


@pytest.mark.parametrize("shape", ["[", "{a: "])
def test_item14_deep_nesting_is_refused_with_its_line(tmp_path: Path, shape: str) -> None:
    close = "]" if shape == "[" else "}"
    deep = shape * 10_000 + "1" + close * 10_000
    path, res = _case(tmp_path, f"cases:\n  - name: deep\n    expect: {deep}\n")
    assert res.returncode == 1, res.stderr
    assert "internal error" not in res.stderr and "Traceback" not in res.stderr
    assert re.search(rf"{re.escape(str(path))}:3:\d+: .*nested more than \d+ levels", res.stderr)


def test_item14_aliases_that_expand_without_end_are_refused(tmp_path: Path) -> None:
    bomb = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    bomb += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    text = "\n".join(bomb) + "\ncases:\n  - name: bomb\n    maintenance: {from: 2026-11-01, to: 2026-12-01}\n"
    path, res = _case(tmp_path, text + "    expect: *a8\n")
    assert res.returncode == 1, res.stderr
    assert str(path) in res.stderr and "internal error" not in res.stderr and "too large" in res.stderr


def test_item14_a_large_test_file_is_refused(tmp_path: Path) -> None:
    path, res = _case(tmp_path, "cases: []\n" + "# padding\n" * 2_000_000)
    assert res.returncode == 1 and f"{path}: " in res.stderr and "too large" in res.stderr


def test_item14_event_errors_in_a_test_file_name_its_lines(tmp_path: Path) -> None:
    text = (
        "cases:\n  - name: bad event\n    period: {from: 2026-11-01, to: 2026-12-01}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-02T10:00:00+09:00", id: I, priority: P1}\n'
        '      - {event: incident.responded, at: "2026-11-02T10:00", id: I}\n'
        "    expect: {no_violations: true}\n"
    )
    path, res = _case(tmp_path, text)
    assert res.returncode == 1 and "internal error" not in res.stderr
    assert f"{path}:6: error: [E105]" in res.stderr


@pytest.mark.parametrize(("to", "how"), [("2026-11-01", "reversed"), ("2026-12-01", "empty")])
def test_item14_a_reversed_or_empty_period_in_a_test_file_is_located(tmp_path: Path, to: str, how: str) -> None:
    text = (
        f"cases:\n  - name: p\n    period: {{from: 2026-12-01, to: {to}}}\n    events: []\n"
        "    expect: {no_violations: true}\n"
    )
    path, res = _case(tmp_path, text)
    assert res.returncode == 1 and "internal error" not in res.stderr
    assert f"{path}:3:32: error: [E163] case `p`: the period is {how}" in res.stderr and "help:" in res.stderr


def test_item31_a_reversed_maintenance_range_is_a_located_error(tmp_path: Path) -> None:
    text = "cases:\n  - name: backwards\n    maintenance: {from: 2026-12-01, to: 2026-11-01}\n    expect: []\n"
    path, res = _case(tmp_path, text)
    assert res.returncode == 1, res.stdout
    assert f"{path}:3:37: error: [E163] case `backwards`: the maintenance range is reversed" in res.stderr
    assert "help: swap `from` and `to`" in res.stderr


# ---- item 29: ids are shown, never obeyed, by a terminal or a Markdown/HTML viewer ----------------

HOSTILE = {
    "ESC": "INC-\x1b[2J\x1b[31mPWNED",
    "CR": "INC-1\rINC-2",
    "HTML": "<img src=x onerror=alert(1)>|x\n## heading",
    "BIDI": "INC-\u202egnp.exe",
}


def _hostile_result() -> Any:
    events = []
    for n, ident in enumerate(HOSTILE.values()):
        events.append(ev("incident.reported", f"2026-11-{n + 2:02d} 10:00", ident, priority="P1"))
    events.append(ev("outage.started", "2026-11-10 10:00", HOSTILE["ESC"]))
    events.append(ev("outage.ended", "2026-11-10 11:00", HOSTILE["ESC"]))
    return judge_log(policy(), log_from(events), NOV, DEC)


def _document(fmt: str) -> str:
    res = _hostile_result()
    return render(res.skeleton, fmt, incidents=res.incidents, violations=res.violations())


def test_item29_the_text_report_escapes_control_characters() -> None:
    out = _document("text")
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert "INC-\\x1b[2J\\x1b[31mPWNED" in out and "INC-1\\rINC-2" in out and "INC-\\u202egnp.exe" in out


def test_item29_explain_escapes_control_characters() -> None:
    res = _hostile_result()
    out = render_explain(res.skeleton, res.find(HOSTILE["ESC"]), "text")
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_item29_markdown_cells_cannot_break_the_table_or_inject_html() -> None:
    out = _document("markdown")
    assert "<img" not in out and "\n## heading" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;\\|x\\\\n## heading" in out
    tables: list[list[str]] = [[]]
    for line in out.splitlines():
        if line.startswith("|"):
            tables[-1].append(line)
        elif tables[-1]:
            tables.append([])
    for table in filter(None, tables):
        widths = {len(re.split(r"(?<!\\)\|", row)) for row in table}
        assert len(widths) == 1, table  # every row has the header's cells


def test_item29_html_escapes_markup_and_control_characters() -> None:
    out = _document("html")
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;|x\\n## heading" in out
    assert "\x1b" not in out and "\r" not in out


def test_item29_json_keeps_the_exact_id() -> None:
    res = _hostile_result()
    out = io.BytesIO()
    res.write_json(out)
    ids = {row["id"] for row in json.loads(out.getvalue())["incidents"]}
    assert ids == set(HOSTILE.values())


def test_item29_replay_text_escapes_control_characters() -> None:
    from sla_dsl.authoring.replay import render_text, replay

    tighter = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 1 business hours")
    events = [
        ev("incident.reported", "2026-11-02 10:00", HOSTILE["ESC"], priority="P1"),
        ev("incident.responded", "2026-11-02 13:30", HOSTILE["ESC"]),
    ]
    out = render_text(replay(policy(), sla_dsl.load_policy(tighter), events, NOV, DEC))
    assert "\x1b" not in out and "\\x1b[2J" in out


def test_item29_sla_test_output_escapes_control_characters(tmp_path: Path) -> None:
    text = 'cases:\n  - name: "evil \\e[2J name"\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
    _, res = _case(tmp_path, text + '    expect: "2026-11-27T20:00:00+09:00"\n')
    assert res.returncode == 1 and "\x1b" not in res.stdout and "evil \\x1b[2J name" in res.stdout


def test_issue13_an_unknown_incident_cause_is_located_like_an_outage_cause(tmp_path: Path) -> None:
    """Issue 13: a misspelt cause must not turn an excluded incident into a breached one."""
    from sla_dsl.evaluation import evaluate_log
    from sla_dsl.events import EventInputError, read_text

    policy = sla_dsl.load_policy(str(ROOT / "policies" / "clicksoko.sla"))
    log = read_text(
        '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"INC-1","priority":"P1",'
        '"cause":"force_majuere"}\n',
        "ev.jsonl",
    )
    with pytest.raises(EventInputError) as info:
        evaluate_log(policy, log, dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    (problem,) = info.value.problems
    assert (problem.line, problem.code) == (1, "E122")
    assert "unknown cause `force_majuere`" in problem.message and "`force_majeure`" in (problem.help or "")
