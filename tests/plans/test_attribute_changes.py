"""An incident's attributes may change during its life: ``attribute plan { ... changes at incident.plan_changed }``.

An event of a listed type that carries ``"attributes": {"plan": "premium"}`` changes the attribute from then on,
read as a reprioritisation is (the last change counts, after the completion too; a change to a value the
judging version does not declare is not applied); the rule of each priority is chosen by the attributes in
force and judges the whole incident from its original clock start. Expectations are worked by hand below.

The policy: P1 premium ``respond within 1 hour`` (elapsed), P1 otherwise ``respond within 4 business hours``
(10:00-12:00 and 13:00-18:00 on weekdays but Japanese holidays: Tue 3 Nov 2026 is Culture Day); P2 ``1
business day`` (7 business hours); a notification rule for premium incidents (30 minutes after the report,
met by the response). Mon 2 Nov 2026 10:00: a premium P1 is due 11:00, a standard one 15:00.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import random
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

import sla_dsl
from sla_dsl.authoring.diff_changes import diff_models
from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.hover import completing, hover_text
from sla_dsl.authoring.semdiff import render_text
from sla_dsl.cli.app import main
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.events.problems import EventInputError
from sla_dsl.policy import Policy
from sla_dsl.policy.load import compile_text
from sla_dsl.report import Report

TZ = ZoneInfo("Asia/Tokyo")

TEXT = """\
sla "Changes" {
  format 1
  version "2026.1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

event incident.plan_changed "契約プランの変更" / "Plan changed"

attribute plan "契約プラン" / "Plan" {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
  changes at incident.plan_changed
}

attribute channel "受付窓口" / "Support line" {
  value ja "日本語" / "Japanese"
  value en "英語" / "English"
  default ja
}

calendar business "営業日" / "Business days" {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

priority P1 "緊急（プレミアム）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  complete on incident.resolved
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  complete on incident.resolved
}

priority P2 "高（英語窓口）" / "High (English line)" {
  when channel = en
  respond within 2 business hours
  complete on incident.resolved
}

priority P2 "高" / "High" {
  respond within 1 business day
  complete on incident.resolved
}
"""

NOTIFY = """
notify premium_ack "プレミアムの受付通知" / "Premium acknowledgement" {
  when plan = premium
  within 30 minutes after incident.reported
  met by incident.responded
}
"""


def load(text: str = TEXT) -> Policy:
    compiled = compile_text(text, "changes.sla")
    assert compiled.model is not None and not compiled.errors, [d.message for d in compiled.diagnostics]
    return Policy(compiled.model)


def t(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def ev(event: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"event": event, "at": t(at).isoformat(), "id": ident, **fields}


def run(events: list[dict[str, Any]], start: str = "2026-11-01", end: str = "2026-12-01", **kw: Any) -> Report:
    return sla_dsl.evaluate(kw.pop("policy", None) or load(), events, t(start), t(end), **kw)


def rows(report: Report) -> dict[str, Any]:
    return {i.id: i for i in report.incidents}


def data(report: Report) -> list[str]:
    return [v.message for v in report.violations if v.kind == "data"]


# -- the rule in force --------------------------------------------------------------------------------

CHANGED = [
    ev("incident.reported", "2026-11-02 10:00", "A", priority="P1"),
    ev("incident.plan_changed", "2026-11-02 10:20", "A", attributes={"plan": "premium"}),
    ev("incident.responded", "2026-11-02 11:30", "A"),
]


def test_a_change_before_the_response_is_judged_by_the_premium_rule_from_the_clock_start() -> None:
    # standard: due 15:00 (10-12, 13-15), the response at 11:30 met; premium from 10:20 on: 1 hour elapsed
    # counted from the clock start (10:00), the time used kept: due 11:00, the response at 11:30 breached
    (row,) = run(CHANGED).incidents
    assert (row.response_due, row.status) == (t("2026-11-02 11:00"), "breached")
    assert row.rule == 0  # the first rule of P1: `when plan = premium`
    said = [s.text for s in row.explain]
    step = "attribute plan changed standard → premium at incident.plan_changed Mon 02 Nov 10:20: the rule of P1 "
    assert any(s.startswith(step + "`when plan = premium` (line ") for s in said)
    # before the change was read (as of 10:10): the standard rule
    (before,) = run(CHANGED, as_of=t("2026-11-02 10:10")).incidents
    assert (before.response_due, before.status) == (t("2026-11-02 15:00"), "open")


def test_the_last_change_counts_and_a_stamped_value_says_nothing() -> None:
    log = [
        ev("incident.reported", "2026-11-02 10:00", "B", priority="P1", attributes={"plan": "premium"}),
        ev("incident.plan_changed", "2026-11-02 10:20", "B", attributes={"plan": "standard"}),
        ev("incident.plan_changed", "2026-11-02 10:30", "B", attributes={"plan": "premium"}),
        ev("incident.plan_changed", "2026-11-02 10:40", "B", attributes={"plan": "standard"}),
        ev("incident.plan_changed", "2026-11-02 10:50", "B", attributes={"plan": "standard"}),  # (in force)
        ev("incident.responded", "2026-11-02 11:30", "B"),
    ]
    report = run(log)
    (row,) = report.incidents
    assert (row.response_due, row.status) == (t("2026-11-02 15:00"), "met")
    assert [c.new for c in row.attribute_changes] == ["standard", "premium", "standard"]
    assert data(report) == []


def test_a_change_after_the_completion_counts_as_a_reprioritisation_after_it_does() -> None:
    log = [
        # C: standard, responded 11:30 (due 15:00: met), resolved 12:00; premium from 16:00: due 11:00, breached
        ev("incident.reported", "2026-11-02 10:00", "C", priority="P1"),
        ev("incident.responded", "2026-11-02 11:30", "C"),
        ev("incident.resolved", "2026-11-02 12:00", "C"),
        ev("incident.plan_changed", "2026-11-02 16:00", "C", attributes={"plan": "premium"}),
        # R: P2 (due Wed 4 Nov 10:00: 7 business hours, Tue 3 Nov a holiday) raised to P1 after its completion:
        # P1 standard, due 15:00, met
        ev("incident.reported", "2026-11-02 10:00", "R", priority="P2"),
        ev("incident.responded", "2026-11-02 11:30", "R"),
        ev("incident.resolved", "2026-11-02 12:00", "R"),
        ev("incident.reprioritized", "2026-11-02 16:00", "R", priority="P1"),
    ]
    report = run(log)
    got = rows(report)
    assert (got["R"].priority, got["R"].response_due, got["R"].status) == ("P1", t("2026-11-02 15:00"), "met")
    c = got["C"]
    assert (c.response_due, c.status, c.completed_at) == (t("2026-11-02 11:00"), "breached", t("2026-11-02 12:00"))
    assert [v.id for v in report.violations if v.kind == "response_breached"] == ["C"]


def test_a_breach_a_change_makes_is_listed_in_the_period_of_the_change() -> None:
    # reported Fri 30 Oct 17:00 as standard: due Mon 2 Nov 14:00 (17-18, 10-12, 13-14), responded Mon 11:00:
    # met. Premium from Mon 12:00: due Fri 30 Oct 18:00, breached, settled at the change (in November)
    log = [
        ev("incident.reported", "2026-10-30 17:00", "D", priority="P1"),
        ev("incident.responded", "2026-11-02 11:00", "D"),
        ev("incident.plan_changed", "2026-11-02 12:00", "D", attributes={"plan": "premium"}),
    ]
    november = run(log, "2026-11-01", "2026-12-01")
    (row,) = november.incidents
    assert (row.response_due, row.status) == (t("2026-10-30 18:00"), "breached")
    assert [(v.kind, v.id) for v in november.violations] == [("response_breached", "D")]
    october = run(log, "2026-10-01", "2026-11-01")  # (as of 1 Nov: no response yet, the change not read)
    (row,) = october.incidents
    assert (row.response_due, row.status) == (t("2026-11-02 14:00"), "open")


def test_a_notify_rule_with_when_reads_the_attributes_in_force() -> None:
    # premium from 10:20: the rule applies, due 10:30 (30 minutes after the report), the response at 11:30 late
    (row,) = run(CHANGED, policy=load(TEXT + NOTIFY)).incidents
    (notice,) = [x for x in row.targets if x.name == "premium_ack"]
    assert (notice.status, notice.due) == ("breached", t("2026-11-02 10:30"))
    unchanged = [e for e in CHANGED if e["event"] != "incident.plan_changed"]
    (row,) = run(unchanged, policy=load(TEXT + NOTIFY)).incidents
    assert [x.status for x in row.targets if x.name == "premium_ack"] == ["not_applicable"]


# -- what is not read -------------------------------------------------------------------------------


def test_attributes_on_a_type_that_changes_none_are_still_a_data_violation() -> None:
    log = [
        ev("incident.reported", "2026-11-02 10:00", "F", priority="P1"),
        ev("incident.responded", "2026-11-02 11:30", "F", attributes={"plan": "premium"}),
    ]
    report = run(log)
    (row,) = report.incidents
    assert (row.response_due, row.status) == (t("2026-11-02 15:00"), "met")
    assert data(report) == [
        "<events>:2: attributes on incident.responded of `F` are not read; those of incident.reported count"
    ]


def test_of_two_attributes_only_the_listed_one_changes() -> None:
    log = [
        ev("incident.reported", "2026-11-02 10:00", "G", priority="P1"),
        ev("incident.plan_changed", "2026-11-02 10:20", "G", attributes={"plan": "premium", "channel": "en"}),
        ev("incident.plan_changed", "2026-11-02 10:30", "G", attributes={"plan": "premium", "channel": "ja"}),
    ]
    report = run(log)
    (row,) = report.incidents
    assert row.response_due == t("2026-11-02 11:00")  # (premium)
    # `channel` is not changed by that type: said once, for `channel` alone (`ja` repeats the value in force)
    assert data(report) == [
        "<events>:2: attribute `channel` = `en` on incident.plan_changed of `G` is not read: that event type does "
        "not change `channel` (only the types its `changes at` lists do); the value in force counts"
    ]


def test_an_undeclared_name_or_value_on_a_change_is_an_event_error_at_its_line() -> None:
    log = [
        ev("incident.reported", "2026-11-02 10:00", "E", priority="P1"),
        ev("incident.plan_changed", "2026-11-02 10:20", "E", attributes={"plan": "gold"}),
        ev("incident.plan_changed", "2026-11-02 10:30", "E", attributes={"tier": "x"}),
        ev("incident.plan_changed", "2026-11-02 10:40", "E", attributes={"plan": 3}),
    ]
    with pytest.raises(EventInputError) as err:
        run(log)
    assert [(p.line, p.code) for p in err.value.problems] == [(2, "E129"), (3, "E128"), (4, "E109")]
    assert all(p.help for p in err.value.problems)
    assert "`gold`" in err.value.problems[0].message
    # (with `--skip-invalid` those lines are left out and listed; the incident keeps its report's attributes)
    report = run(log, skip_invalid=True)
    assert (report.incidents[0].response_due, report.input.skipped[0][:3]) == (t("2026-11-02 15:00"), "<ev")


def test_a_change_to_a_value_the_judging_version_lacks_is_not_applied() -> None:
    v2 = TEXT.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-12-01")
    v2 = v2.replace(
        '  value premium "プレミアム" / "Premium"\n',
        '  value premium "プレミアム" / "Premium"\n  value gold "ゴールド" / "Gold"\n',
    )
    policies = [load(), load(v2)]
    log = [
        ev("incident.reported", "2026-11-02 10:00", "V", priority="P1"),
        ev("incident.plan_changed", "2026-11-02 10:10", "V", attributes={"plan": "premium"}),
        ev("incident.plan_changed", "2026-11-02 10:20", "V", attributes={"plan": "gold"}),
    ]
    report = sla_dsl.evaluate(policies, log, t("2026-11-01"), t("2026-12-01"))
    (row,) = report.incidents
    assert (row.policy_version, row.response_due) == ("2026.1", t("2026-11-02 11:00"))  # premium kept
    assert [(c.old, c.new) for c in row.attribute_changes] == [("standard", "premium")]
    assert data(report) == [
        "<events>:3: incident.plan_changed of `V` changes attribute `plan` to `gold`, which version 2026.1, which "
        "judges it, does not declare: not applied, the value in force is kept"
    ]


def test_two_changes_at_one_instant_that_disagree_are_a_contradiction_read_in_content_order() -> None:
    log = [
        ev("incident.reported", "2026-11-02 10:00", "H", priority="P1"),
        ev("incident.plan_changed", "2026-11-02 10:20", "H", attributes={"plan": "standard"}),
        ev("incident.plan_changed", "2026-11-02 10:20", "H", attributes={"plan": "premium"}),
    ]
    said = []
    for order in (log, [log[0], log[2], log[1]]):  # (the lines shuffled: only the line numbers follow them)
        report = run(order)
        (row,) = report.incidents
        assert row.response_due == t("2026-11-02 15:00")  # premium, then standard: content order
        said += data(report)
    assert said == [
        f"<events>:{b}: incident.plan_changed of `H` on line {b} contradicts line {a} at the same instant (attributes "
        f'`{{"plan":"standard"}}` vs `{{"plan":"premium"}}`); same-instant events are read in content order, not '
        f"line order: line {a} first"
        for a, b in ((3, 2), (2, 3))
    ]


# -- one reading everywhere -------------------------------------------------------------------------


def test_the_columns_and_the_per_incident_path_agree() -> None:
    rnd = random.Random(7)
    log: list[dict[str, Any]] = []
    for n in range(60):
        at = t("2026-11-02 09:00") + dt.timedelta(minutes=37 * n)
        ident = f"I{n}"
        log.append(
            {"event": "incident.reported", "at": at.isoformat(), "id": ident, "priority": rnd.choice(["P1", "P2"])}
        )
        if rnd.random() < 0.5:
            later = at + dt.timedelta(minutes=rnd.randint(0, 300))
            attrs = {"plan": rnd.choice(["premium", "standard"])} | ({"channel": "en"} if rnd.random() < 0.2 else {})
            log.append({"event": "incident.plan_changed", "at": later.isoformat(), "id": ident, "attributes": attrs})
        if rnd.random() < 0.7:
            later = at + dt.timedelta(minutes=rnd.randint(0, 600))
            log.append({"event": "incident.responded", "at": later.isoformat(), "id": ident})
    policy = load()
    fast = judge_log(policy, log_from(log, declared=policy.event_types), t("2026-11-01"), t("2026-12-01"))
    slow = judge_log(policy, log_from(log, declared=policy.event_types), t("2026-11-01"), t("2026-12-01"), batch=False)
    assert fast.report().model_dump_json() == slow.report().model_dump_json()
    assert any(i.attribute_changes for i in fast.report().incidents)


def test_partitions_by_id_give_the_one_run_report() -> None:
    """Dask and Spark judge partitions that hold all the events of their ids: the attributes a change event
    gives come with its row, so nothing else is needed."""
    pd = pytest.importorskip("pandas")
    from sla_dsl.evaluation.partition import finish, merge
    from sla_dsl.events.reader import read_jsonl
    from sla_dsl.scale import judge_table

    rnd = random.Random(3)
    lines = []
    for n in range(30):
        at = t("2026-11-02 09:00") + dt.timedelta(minutes=41 * n)
        ident = f"I{n}"
        lines.append(
            {"event": "incident.reported", "at": at.isoformat(), "id": ident, "priority": rnd.choice(["P1", "P2"])}
        )
        for _ in range(rnd.randint(0, 2)):
            attrs = {"plan": rnd.choice(["premium", "standard"])} | ({"channel": "en"} if rnd.random() < 0.3 else {})
            later = at + dt.timedelta(minutes=rnd.randint(-30, 300))
            lines.append({"event": "incident.plan_changed", "at": later.isoformat(), "id": ident, "attributes": attrs})
        if rnd.random() < 0.7:
            later = at + dt.timedelta(minutes=rnd.randint(0, 400))
            lines.append({"event": "incident.responded", "at": later.isoformat(), "id": ident})
    policy, start, end = load(), t("2026-11-01"), t("2026-12-01")
    text = "".join(json.dumps(e) + "\n" for e in lines).encode()
    one = io.BytesIO()
    judge_log(policy, read_jsonl(io.BytesIO(text), "<events>", declared=policy.event_types), start, end).write_json(one)
    columns = ["event", "at", "id", "priority", "attributes", "line"]
    frame = pd.DataFrame([{**e, "line": k} for k, e in enumerate(lines, 1)], columns=columns)
    frame = frame.astype({c: object for c in columns[:-1]}).where(frame.notna(), None).astype({"line": "int64"})
    where = frame["id"].map({ident: rnd.randrange(3) for ident in sorted(set(frame["id"]))})
    merged = merge([judge_table(policy, frame[where == k], start, end) for k in range(3)])
    out = io.BytesIO()
    finish(policy, merged, start, end).write_json(out)
    assert out.getvalue() == one.getvalue()
    assert b"attribute `channel` = `en` on incident.plan_changed" in one.getvalue()


def _sla(*args: str | Path) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([str(a) for a in args])
    return code, out.getvalue()


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    policy, log = tmp_path / "changes.sla", tmp_path / "events.jsonl"
    policy.write_text(TEXT, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in CHANGED), "utf-8")
    return policy, log


def test_explain_says_the_change_its_event_and_line_and_the_rule_since(files: tuple[Path, Path]) -> None:
    policy, log = files
    code, ja = _sla("explain", policy, log, "A", "--lang", "ja")
    assert code == 0
    assert (
        f"11月2日(月) 10:20  「契約プランの変更」：契約プランをスタンダードからプレミアムに変更（{log}:2）。"
        "以後は P1 緊急（プレミアム） の規定を適用（期限は起算時刻から再計算）"
    ) in ja
    code, en = _sla("explain", policy, log, "A", "--lang", "en")
    assert code == 0
    assert (
        f"Mon 2 Nov 10:20  “Plan changed”: Plan changed from Standard to Premium ({log}:2); from then on the rule "
        "P1 Urgent (premium) applies (due time recomputed from the clock start)"
    ) in en
    assert "Incident A (P1 Urgent (premium), policy version 2026.1): breached" in en


def test_an_sla_test_file_says_a_change_in_its_events(tmp_path: Path) -> None:
    """``sla test`` cases give their events inline: a change event's attributes are read there too (a YAML
    mapping of names is compared as a dict is)."""
    policy, tests = tmp_path / "changes.sla", tmp_path / "changes.yaml"
    policy.write_text(TEXT, "utf-8")
    tests.write_text(
        "cases:\n"
        "  - name: premium from 10:20, due 11:00 from the clock start\n"
        "    events:\n"
        '      - {event: incident.reported, at: "2026-11-02T10:00:00+09:00", id: A, priority: P1}\n'
        '      - {event: incident.plan_changed, at: "2026-11-02T10:20:00+09:00", id: A, attributes: {plan: premium}}\n'
        '      - {event: incident.responded, at: "2026-11-02T11:30:00+09:00", id: A}\n'
        "    period: {from: 2026-11-01, to: 2026-12-01}\n"
        "    expect:\n"
        "      incidents:\n"
        '        A: {status: breached, response_due: "2026-11-02T11:00:00+09:00"}\n',
        "utf-8",
    )
    assert _sla("test", policy, tests, "--lang", "en") == (0, "PASS: 1/1\n")


def test_diff_says_a_change_event_added_or_removed() -> None:
    old = compile_text(TEXT.replace("  changes at incident.plan_changed\n", ""), "old.sla").model
    new = compile_text(TEXT, "new.sla").model
    assert old is not None and new is not None
    said = {
        (lang, a is old): render_text(a, b, diff_models(a, b), lang)  # type: ignore[arg-type]
        for lang in ("ja", "en")
        for a, b in ((old, new), (new, old))
    }
    assert said[("ja", True)] == "~ 契約プランの案件の途中で変更するイベントを追加：「契約プランの変更」\n"
    assert said[("ja", False)] == "~ 契約プランの案件の途中で変更するイベントを削除：「契約プランの変更」\n"
    assert said[("en", True)] == "~ Plan change events added: “Plan changed”\n"
    assert said[("en", False)] == "~ Plan change events removed: “Plan changed”\n"


def test_fmt_writes_the_line_in_its_canonical_form_and_keeps_its_meaning() -> None:
    messy = TEXT.replace(
        "  changes at incident.plan_changed\n", "    changes   at incident.plan_changed ,  incident.reprioritized # x\n"
    )
    out = format_text(messy)
    assert "  changes at incident.plan_changed, incident.reprioritized  # x\n" in out
    assert format_text(out) == out
    model = compile_text(out, "f.sla").model
    assert model is not None
    assert next(a for a in model.attributes if a.name == "plan").changes == (
        "incident.plan_changed",
        "incident.reprioritized",
    )


def test_hover_on_the_attribute_says_which_events_change_it() -> None:
    pm = compile_text(TEXT, "h.sla").model
    assert pm is not None
    line = TEXT.splitlines().index('attribute plan "契約プラン" / "Plan" {')
    en, ja = hover_text(pm, TEXT, line, 11, "en"), hover_text(pm, TEXT, line, 11, "ja")
    assert en is not None and "changed during an incident by `incident.plan_changed` (“Plan changed”)" in en
    assert ja is not None and "案件の途中で`incident.plan_changed`（「契約プランの変更」）により変わります" in ja
    other = TEXT.splitlines().index('attribute channel "受付窓口" / "Support line" {')
    said = hover_text(pm, TEXT, other, 11, "en")
    assert said is not None and "kept for the incident's whole life" in said


def test_completion_in_an_attribute_block_offers_the_line_and_incident_events_after_it() -> None:
    typed = TEXT.replace("  changes at incident.plan_changed\n", "  ch\n")
    where = completing(typed, typed.splitlines().index("  ch"), 4)
    assert where is not None and where.accepts is not None and "changes" in where.accepts
    typed = TEXT.replace("  changes at incident.plan_changed\n", "  changes at inc\n")
    where = completing(typed, typed.splitlines().index("  changes at inc"), len("  changes at inc"))
    assert where is not None and where.accepts == frozenset({"EVENT"}) and where.events == ("incident.",)


# -- sla check ----------------------------------------------------------------------------------------


def _found(line: str, extra: str = "") -> list[tuple[str, int, int, str, str]]:
    text = TEXT.replace("  changes at incident.plan_changed\n", line) + extra
    out = []
    for d in compile_text(text, "c.sla").diagnostics:
        out.append((d.code, d.span.line, d.span.column, d.message, d.help or ""))
    return out


LINE = TEXT.splitlines().index("  changes at incident.plan_changed") + 1


@pytest.mark.parametrize(
    ("line", "code", "column", "said", "help"),
    [
        (
            "  changes at incident.plan_chaged\n",
            "E208",
            14,
            "unknown event type `incident.plan_chaged`",
            "did you mean `incident.plan_changed`? A type of the policy's own is declared first: "
            '`event incident.plan_chaged "…" / "…"`',
        ),
        (
            "  changes at outage.started\n",
            "E254",
            14,
            "`outage.started` is not an incident event: it cannot change attribute `plan` (an outage's attributes "
            "hold for its whole life)",
            "name an incident event, e.g. `changes at incident.plan_changed` with "
            '`event incident.plan_changed "…" / "…"`',
        ),
        (
            "  changes at incident.reported\n",
            "E254",
            14,
            "`incident.reported` gives the attributes an incident starts with: it does not change attribute "
            "`plan` later",
            "name the event that changes it after the report, e.g. `changes at incident.plan_changed` with "
            '`event incident.plan_changed "…" / "…"`',
        ),
        (
            "  changes at incident.plan_changed, incident.reprioritized, incident.plan_changed\n",
            "E254",
            61,
            "`incident.plan_changed` is listed twice in the `changes at` of attribute `plan`",
            "list each once: `changes at incident.plan_changed, incident.reprioritized`",
        ),
        (
            "  changes at incident.plan_changed\n  changes at incident.reprioritized\n",
            "E212",
            3,
            "`changes` is given twice in this block",
            f"keep one; the first is on line {LINE}",
        ),
    ],
    ids=["unknown", "outage", "report", "twice", "two-lines"],
)
def test_a_wrong_changes_line_is_located_with_the_line_to_write(
    line: str, code: str, column: int, said: str, help: str
) -> None:
    every = _found(line)
    found = [f for f in every if f[0] == code]
    assert found == [(code, LINE + (1 if code == "E212" else 0), column, said, help)]
    # nothing else (W247 when `incident.plan_changed`, declared, is then named by no rule)
    assert {f[0] for f in every} <= {code, "W247"}


def test_the_japanese_words_of_the_checks() -> None:
    text = TEXT.replace("  changes at incident.plan_changed\n", "  changes at outage.started, incident.reported\n")
    said = [d.text("ja") for d in compile_text(text, "c.sla").diagnostics if d.code == "E254"]
    assert said == [
        "`outage.started` は案件のイベントではないため、属性 `plan` を変えることはできません"
        "（障害の属性は、その障害の間ずっと変わりません）",
        "`incident.reported` は案件の最初の属性を与えるイベントで、属性 `plan` を後から変えるイベントではありません",
    ]


CHANNEL = 'attribute channel "受付窓口" / "Support line" {'


def test_a_changing_attribute_no_when_reads_is_a_warning() -> None:
    text = TEXT.replace("  default ja\n", "  default ja\n  changes at incident.plan_changed\n").replace(
        "  when channel = en\n", ""
    )
    found = [d for d in compile_text(text, "w.sla").diagnostics if d.code == "W259"]
    assert [(d.span.line, d.span.column, d.is_error, d.message) for d in found] == [
        (
            # the `changes at` line, not the attribute's
            text.splitlines().index("  changes at incident.plan_changed", text.splitlines().index(CHANNEL)) + 1,
            3,
            False,
            "no `when` tests attribute `channel`: a change at its `changes at` events would change no rule",
        )
    ]
    assert found[0].help == (
        "test it in a priority rule or an incident's notify rule (e.g. `when channel = en`), or remove the "
        "`changes at` line"
    )
    # tested by a `when` (here of P2's rules): no warning; a declared type named only there is no W247 either
    assert [d.code for d in compile_text(TEXT, "w.sla").diagnostics] == []


def test_no_unread_attribute_is_said_when_a_rule_that_may_read_it_did_not_parse() -> None:
    """A priority rule dropped for its own syntax error may be the one whose `when` tests the attribute:
    W259 (with its help to remove the `changes at` line the policy needs) is not said then."""
    changing = TEXT.replace("  default ja\n", "  default ja\n  changes at incident.plan_changed\n")
    broken = changing.replace(
        "  when channel = en\n  respond within 2 business hours\n",
        "  when channel = en\n  respond within 2 business hours at\n",
    )
    assert broken != changing
    codes = [d.code for d in compile_text(broken, "w.sla").diagnostics]
    assert "E011" in codes and "W259" not in codes
    # the same rule without its `when`, parsed: the attribute is read by no rule, and that is said
    unread = changing.replace("  when channel = en\n", "")
    assert "W259" in [d.code for d in compile_text(unread, "w.sla").diagnostics]
