"""Rules `sla check` used to accept that the evaluator never judged, or judged for another target.

* A `credit` line belongs to the nearest availability target above it (notes in between do not
  matter); a second credit line of one target is E212, never moved to the general target.
* A completion rule names incident events only (E220): an incident's records hold its own events.
* A completion by silence whose `after` and `without` name one event: `without` is never applied (E220).
* Lines of a clock's life cycle that never act (E221): an event that both stops and resets, a pause at
  an event that also stops or resets, the report in `stops at`, `pauses at`, `until` or `resets at`.
  A clock's other start events stopping or resetting it do act (their later records): accepted.
"""

from __future__ import annotations

from typing import Any

import pytest

import sla_dsl
from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

HEAD = """sla "T" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages ja, en
}
attribute plan "契約" / "Plan" {
  value standard "標準" / "Standard"
  value premium "上位" / "Premium"
  default standard
}
calendar always "常時" / "24x7" {
  days mon..sun
  hours 00:00-24:00
}
clock response "応答" / "Response" {
  starts at incident.reported
}
"""
P1 = 'priority P1 "緊急" / "Urgent" {\n  respond within 1 hour\n}\n'
#: a five-hour outage in November: 99.3056% of the month
OUTAGE = [
    {"event": "outage.started", "at": "2026-11-10T00:00:00Z", "id": "O1"},
    {"event": "outage.ended", "at": "2026-11-10T05:00:00Z", "id": "O1"},
]


def service(*lines: str) -> str:
    return (
        HEAD
        + 'service content "配信" / "Content" {\n  hours always\n'
        + "".join(f"  {x}\n" for x in lines)
        + "}\n"
        + P1
    )


def diagnostics(text: str) -> list[Diagnostic]:
    return list(compile_text(text, "p.sla").diagnostics)


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.split("\n"), 1) if needle in ln)


def credits_owed(text: str) -> list[tuple[Any, float, float]]:
    report = sla_dsl.evaluate(sla_dsl.load_policy(text), OUTAGE, "2026-11-01", "2026-12-01")
    return sorted(((c.when, c.below, c.credit_percent) for c in report.credits), key=str)


# -- 1. credit lines belong to the target above them ---------------------------------------------


def test_a_note_between_a_plan_target_and_its_credit_line_keeps_the_tiers_with_the_plan() -> None:
    text = service(
        "availability target 99.9% monthly when plan = premium",
        'note "プレミアムは返金あり" / "Premium customers get credits."',
        "credit below 99.5% 10%, below 99.0% 25%",
        "availability target 99.5% monthly",
    )
    assert diagnostics(text) == []
    model = compile_text(text).model
    assert model is not None
    (svc,) = model.services
    assert [(t.below, t.credit) for t in svc.plan_targets[0].credits] == [(99.5, 10), (99.0, 25)]
    assert svc.credits == ()  # the general target owes nothing
    assert credits_owed(text) == [("plan = premium", 99.5, 10.0)]


def test_each_credit_line_goes_to_the_nearest_target_above_it_with_or_without_when() -> None:
    text = service(
        "availability target 99.5% monthly",
        "credit below 99.5% 10%",
        "availability target 99.9% monthly when plan = premium",
        "credit below 99.9% 20%",
    )
    # (the premium target below the general one can never apply: W256, but its tiers are its own)
    assert [d.code for d in diagnostics(text)] == ["W256"]
    model = compile_text(text).model
    assert model is not None
    (svc,) = model.services
    assert [t.credit for t in svc.credits] == [10] and [t.credit for t in svc.plan_targets[0].credits] == [20]


def test_a_credit_line_above_every_target_is_the_general_target_s() -> None:
    text = service("credit below 99.5% 10%", "availability target 99.5% monthly")
    assert diagnostics(text) == []
    assert credits_owed(text) == [(None, 99.5, 10.0)]


@pytest.mark.parametrize("when", [" when plan = premium", ""])
def test_a_second_credit_line_of_one_target_is_refused_at_its_line_and_never_moved(when: str) -> None:
    text = service(
        f"availability target 99.9% monthly{when}",
        "credit below 99.9% 5%",
        'note "注" / "Note"',
        "credit below 99.5% 10%, below 99.0% 25%",
        *(["availability target 99.5% monthly"] if when else []),
    )
    (d,) = diagnostics(text)
    assert (d.code, d.span.line, d.span.column) == ("E212", line_of(text, "below 99.5% 10%"), 3)
    target = line_of(text, "availability target 99.9%")
    assert d.message == f"the `availability target` on line {target} has a second `credit` line"
    assert d.help is not None and "`credit below 99.9% 5%, below 99.5% 10%, below 99.0% 25%`" in d.help
    assert f"the first is on line {line_of(text, 'below 99.9% 5%')}" in d.help
    assert d.text("ja") == f"{target}行目の `availability target` に二つ目の `credit` 行があります"


def test_the_split_reproducer_no_longer_gives_the_general_target_the_plan_s_tiers() -> None:
    text = service(
        "availability target 99.9% monthly when plan = premium",
        "credit below 99.9% 5%",
        "credit below 99.5% 10%, below 99.0% 25%",
        "availability target 99.5% monthly",
    )
    assert [d.code for d in diagnostics(text)] == ["E212"]
    fixed = text.replace("credit below 99.9% 5%\n  credit below", "credit below 99.9% 5%, below")
    assert diagnostics(fixed) == []
    assert credits_owed(fixed) == [("plan = premium", 99.5, 10.0)]


# -- 2. completion on events of other records -----------------------------------------------------


@pytest.mark.parametrize(
    ("completion", "event"),
    [
        ("complete on outage.ended", "outage.ended"),
        ("complete on backup.completed", "backup.completed"),
        ("complete on incident.resolved, or 1 hour after outage.started without incident.customer_replied", "outage"),
        ("complete on incident.resolved, or 1 hour after incident.info_provided without outage.ended", "outage"),
    ],
)
def test_a_completion_naming_an_event_of_another_record_is_refused_at_the_event(completion: str, event: str) -> None:
    text = HEAD + f'priority P1 "緊急" / "Urgent" {{\n  respond within 1 hour\n  {completion}\n}}\n'
    (d,) = diagnostics(text)
    col = completion.index(event) + 3
    assert (d.code, d.span.line, d.span.column) == ("E220", line_of(text, "complete on"), col)
    assert d.message.endswith("it would not be judged") and "`incident.*`" in d.message and d.help


def test_a_declared_incident_event_completes() -> None:
    text = (
        HEAD
        + 'event incident.closed "終了" / "Closed"\n'
        + 'priority P1 "緊急" / "Urgent" {\n  respond within 1 hour\n'
        + "  complete on incident.closed, or 1 day after incident.info_provided without incident.closed\n}\n"
    )
    assert diagnostics(text) == []


def test_the_silence_rule_with_one_event_for_after_and_without_is_refused_at_without() -> None:
    rule = "complete on incident.resolved, or 1 day after incident.info_provided without incident.info_provided"
    text = HEAD + f'priority P1 "緊急" / "Urgent" {{\n  respond within 1 hour\n  {rule}\n}}\n'
    (d,) = diagnostics(text)
    assert (d.code, d.span.column) == ("E220", rule.rindex("incident.info_provided") + 3)
    assert "`without` is never applied" in d.message and "incident.customer_replied" in (d.help or "")


# -- 3. clock lines that never act ---------------------------------------------------------------


def clock(*lines: str) -> str:
    body = "".join(f"  {x}\n" for x in lines)
    return (
        HEAD
        + f'clock c "時計" / "Clock" {{\n{body}}}\n'
        + 'priority P1 "緊急" / "Urgent" {\n  respond within 1 hour\n  resolve within 1 day on c\n}\n'
    )


@pytest.mark.parametrize(
    ("lines", "needle", "words"),
    [
        (
            ["starts at incident.reported", "stops at incident.responded", "resets at incident.responded"],
            "stops at",
            "both stops and resets at `incident.responded`",
        ),
        (
            [
                "starts at incident.reported",
                "pauses at incident.resolved until incident.customer_replied",
                "stops at incident.resolved",
            ],
            "pauses at",
            "pauses at `incident.resolved`, which also stops it",
        ),
        (
            [
                "starts at incident.reported",
                "pauses at incident.info_provided until incident.customer_replied",
                "stops at incident.resolved",
                "resets at incident.info_provided",
            ],
            "pauses at",
            "pauses at `incident.info_provided`, which also resets it",
        ),
        (
            ["starts at incident.reported", "stops at incident.reported, incident.resolved"],
            "stops at",
            "names `incident.reported` in `stops at`",
        ),
        (
            ["starts at incident.reported", "stops at incident.resolved", "resets at incident.reported"],
            "resets at",
            "names `incident.reported` in `resets at`",
        ),
        (
            [
                "starts at incident.product_suspected, else incident.reported",
                "pauses at incident.reported until incident.customer_replied",
                "stops at incident.resolved",
            ],
            "pauses at",
            "names `incident.reported` in `pauses at`",
        ),
    ],
)
def test_a_clock_line_that_never_acts_is_refused_at_its_event(lines: list[str], needle: str, words: str) -> None:
    text = clock(*lines)
    (d,) = diagnostics(text)
    line = line_of(text, needle)
    assert (d.code, d.span.line, d.span.column) == ("E221", line, len(needle) + 4)
    assert words in d.message and d.help


def test_a_clock_stops_where_it_does_not_also_reset() -> None:
    """The same clock is judged without the reset; with it, the reset would be applied first (refused)."""
    text = clock("starts at incident.customer_replied", "stops at incident.responded")
    log = [
        {"event": "incident.reported", "at": "2026-11-16T10:00:00Z", "id": "I", "priority": "P1"},
        {"event": "incident.customer_replied", "at": "2026-11-16T11:00:00Z", "id": "I"},
        {"event": "incident.responded", "at": "2026-11-16T11:30:00Z", "id": "I"},
    ]

    def resolve(text: str) -> str:
        report = sla_dsl.evaluate(sla_dsl.load_policy(text), log, "2026-11-01", "2026-12-01", "2026-11-20")
        (t,) = [t for i in report.incidents for t in i.targets if t.kind == "resolve"]
        return str(t.status)

    assert resolve(text) == "met"
    both = text.replace("stops at incident.responded", "stops at incident.responded\n  resets at incident.responded")
    assert [d.code for d in diagnostics(both)] == ["E221"]


def test_a_start_event_that_repeats_may_stop_or_reset_its_clock() -> None:
    """Left alone: the start record is passed over, but the event's later records act."""
    for life in (
        "stops at incident.customer_replied",
        "stops at incident.responded\n  resets at incident.customer_replied",
    ):
        text = clock("starts at incident.customer_replied", life)
        assert diagnostics(text) == [], life
    text = clock("starts at incident.customer_replied", "stops at incident.customer_replied")
    log = [
        {"event": "incident.reported", "at": "2026-11-16T10:00:00Z", "id": "I", "priority": "P1"},
        {"event": "incident.customer_replied", "at": "2026-11-16T11:00:00Z", "id": "I"},
        {"event": "incident.customer_replied", "at": "2026-11-16T12:00:00Z", "id": "I"},
    ]
    report = sla_dsl.evaluate(sla_dsl.load_policy(text), log, "2026-11-01", "2026-12-01", "2026-11-20")
    (t,) = [t for i in report.incidents for t in i.targets if t.kind == "resolve"]
    assert (str(t.status), t.used_minutes) == ("met", 60.0)


def test_a_clock_starting_on_an_outage_event_is_refused() -> None:
    text = clock("starts at outage.started", "stops at incident.resolved")
    assert [d.code for d in diagnostics(text)] == ["E244"]


def test_every_new_message_is_japanese_in_a_japanese_policy() -> None:
    texts = [
        service("availability target 99.5%", "credit below 99.5% 10%", "credit below 99% 20%"),
        HEAD + 'priority P1 "緊急" / "Urgent" {\n  respond within 1 hour\n  complete on outage.ended\n}\n',
        clock("starts at incident.reported", "stops at incident.reported"),
    ]
    for text in texts:
        (d,) = diagnostics(text)
        ja = d.render(text, lang="ja")
        assert "ヒント" in ja and "error: [E" in ja, ja
