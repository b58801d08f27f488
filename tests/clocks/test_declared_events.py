"""Event types declared in a policy (issue 12): the checks, hand-worked first-reply verdicts on a declared
event, the columnar path against the reference path, and the authoring tools.

Calendar of the verdicts: Tokyo business hours 09:00-12:00 and 13:00-18:00, Monday to Friday; Mon 23 Nov
2026 is Labour Thanksgiving Day. A first reply to a chat is due 30 business minutes after
``incident.chat_started`` (a type the policy declares) and met by the next ``incident.responded``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from evaluate.helpers import POLICY_PATH, TZ
from evaluate.test_columns import BASE, events, instants
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.lang.compile import compile_text

HEADER = """sla "Chat desk" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
}

article 5 "対応目標" / "Service targets"

calendar business "営業時間" / "Business hours" [art 5] {
  days mon..fri
  hours 09:00-12:00, 13:00-18:00
  holidays JP
}

clock response "応答" / "Response" [art 5] {
  starts at incident.reported
}
"""
CHAT = """
event incident.chat_started "チャット開始" / "Chat started" [art 5]

clock chat "チャットへの初回回答" / "First reply to a chat" [art 5] {
  starts at incident.chat_started
  stops at incident.responded
}
"""
PRIORITY = """
priority P1 "緊急" / "Urgent" [art 5] {
  definition "停止" / "Stopped"
  respond within 4 business hours
  first reply within 30 business minutes on chat
}
"""
TEXT = HEADER + CHAT + PRIORITY


def codes(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in compile_text(text).diagnostics]


def line_of(text: str, needle: str, nth: int = 1) -> int:
    lines = [i for i, x in enumerate(text.splitlines(), 1) if needle in x]
    return lines[nth - 1]


# ---- checks ----------------------------------------------------------------------------------


def test_the_policy_is_clean() -> None:
    assert codes(TEXT) == []


def test_a_declaration_may_come_after_the_rules_that_name_it() -> None:
    text = HEADER + CHAT.split("\n", 2)[2] + PRIORITY + CHAT.split("\n", 2)[1] + "\n"
    assert text.index("starts at incident.chat_started") < text.index("event incident.chat_started")
    assert codes(text) == []


def test_a_syntax_error_elsewhere_does_not_lose_the_declared_names() -> None:
    """Read declaration by declaration after a syntax error, the rules still know the declared types."""
    text = TEXT + '\nexclude "broken\n'
    found = codes(text)
    assert found and all(c != "E208" for c, _ in found), found


def test_an_undeclared_type_is_refused_at_its_place_with_a_suggestion_over_both() -> None:
    text = TEXT.replace("starts at incident.chat_started", "starts at incident.chat_startd")
    (diag,) = [d for d in compile_text(text).diagnostics if d.code == "E208"]
    assert diag.span.line == line_of(text, "starts at incident.chat_startd")
    # (with the declaration to write: a type of the policy's own is no typo of a near one)
    declare = 'A type of the policy\'s own is declared first: `event incident.chat_startd "…" / "…"`'
    assert diag.help == f"did you mean `incident.chat_started`? {declare}"
    # the suggestion is over both lists: the declared type is offered for a near miss of it
    near = TEXT.replace("stops at incident.responded", "stops at incident.chat_start")
    (diag1,) = [d for d in compile_text(near).diagnostics if d.code == "E208"]
    assert diag1.help is not None and diag1.help.startswith("did you mean `incident.chat_started`?")
    # a name near nothing, of a form that could be declared, says how to declare it
    other = TEXT.replace("starts at incident.chat_started", "starts at incident.qqqq_wwww")
    (diag2,) = [d for d in compile_text(other).diagnostics if d.code == "E208"]
    assert diag2.help is not None and diag2.help.startswith('declare it first: `event incident.qqqq_wwww "…" / "…"`')
    assert "incident.chat_started" in diag2.help
    # a name that cannot be declared gets the suggestion alone
    third = TEXT.replace("stops at incident.responded", "stops at outage.respondd")
    (diag3,) = [d for d in compile_text(third).diagnostics if d.code == "E208"]
    assert diag3.help is not None and "declare" not in diag3.help


def test_e247_a_type_declared_twice() -> None:
    text = TEXT + '\nevent incident.chat_started "チャット" / "Chat"\n'
    assert codes(text) == [("E247", line_of(text, "event incident.chat_started", 2))]


def test_a_contract_type_declared_again_is_a_relabel() -> None:
    """No E248 any more: the statement gives the contract's type the policy's words
    (tests/policy/test_event_relabel.py)."""
    text = TEXT + '\nevent incident.responded "回答" / "Responded"\n'
    assert compile_text(text).diagnostics == []


def test_e249_a_family_that_cannot_be_extended() -> None:
    for name in ("outage.paged", "stop.postponed", "backup.verified", "ticket.opened"):
        text = TEXT + f'\nevent {name} "x" / "x"\n'
        (diag,) = compile_text(text).diagnostics
        assert (diag.code, diag.span.line) == ("E249", line_of(text, f"event {name}")), name
        assert diag.help is not None and "write `event incident." + name.split(".")[1] in diag.help
    # and a rule cannot name such a type either: it is not declared
    text = TEXT + '\nevent outage.paged "x" / "x"\n'
    text = text.replace("stops at incident.responded", "stops at outage.paged")
    assert "E208" in [c for c, _ in codes(text)]


def test_w247_a_declared_type_that_no_rule_names() -> None:
    text = TEXT + '\nevent incident.callback "折り返し" / "Called back"\n'
    (diag,) = compile_text(text).diagnostics
    assert (diag.code, diag.is_error, diag.span.line) == ("W247", False, line_of(text, "event incident.callback"))


def test_a_declaration_needs_a_label() -> None:
    text = TEXT + "\nevent incident.callback\n"
    assert [c for c, _ in codes(text)] and all(c.startswith("E01") for c, _ in codes(text))


def test_every_kind_of_rule_may_name_a_declared_type() -> None:
    text = TEXT.replace(
        "  first reply within 30 business minutes on chat\n",
        "  first reply within 30 business minutes on chat\n"
        "  update every 4 business hours on chat by incident.chat_started\n"
        "  complete on incident.chat_started\n",
    ).replace(
        "  stops at incident.responded\n",
        "  pauses at incident.chat_started until incident.responded\n"
        "  stops at incident.responded\n  resets at incident.chat_started\n",
    )
    text += """
notify chat_ack "チャット受付通知" / "Chat acknowledgement" [art 5] {
  within 1 business hour after incident.chat_started
  met by incident.responded
}
"""
    found = [c for c, _ in codes(text)]
    assert "E208" not in found, found


# ---- hand-worked verdicts ----------------------------------------------------------------------


def _ev(kind: str, at: str, ident: str, **fields: Any) -> dict[str, Any]:
    return {"event": f"incident.{kind}", "at": f"2026-11-{at}:00+09:00", "id": ident, **fields}


LOG = [
    # C1: a chat at Tue 24 10:00 answered at 10:20 -> due 10:30, 20 min used: met
    _ev("reported", "24T09:00", "C1", priority="P1"),
    _ev("chat_started", "24T10:00", "C1"),
    _ev("responded", "24T10:20", "C1"),
    # C2: a chat at Tue 24 11:50: 10 min before lunch, 20 after -> due 13:20; answered 13:30: breached
    _ev("reported", "24T11:00", "C2", priority="P1"),
    _ev("chat_started", "24T11:50", "C2"),
    _ev("responded", "24T13:30", "C2"),
    # C3: a chat on Fri 20 at 17:50: 10 min, then the weekend and the holiday Mon 23 -> due Tue 24 09:20
    _ev("reported", "20T17:40", "C3", priority="P1"),
    _ev("chat_started", "20T17:50", "C3"),
    # C4: no chat: the first reply to a chat does not apply
    _ev("reported", "24T09:00", "C4", priority="P1"),
    _ev("responded", "24T09:10", "C4"),
]
AS_OF = dt.datetime(2026, 11, 24, 9, 10, tzinfo=TZ)


def _report(as_of: dt.datetime, batch: bool = True) -> Any:
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    pol = sla_dsl.load_policy(TEXT)
    log = log_from(LOG, declared=pol.event_types)
    return judge_log(pol, log, start, end, as_of, batch=batch).report()


def _chat(report: Any, ident: str) -> Any:
    row = next(r for r in report.incidents if r.id == ident)
    (target,) = row.targets
    return target


def test_first_reply_on_a_declared_event_met_and_breached() -> None:
    report = _report(dt.datetime(2026, 11, 25, tzinfo=TZ))
    c1, c2 = _chat(report, "C1"), _chat(report, "C2")
    assert (c1.status, c1.due.isoformat(), c1.used_minutes) == ("met", "2026-11-24T10:30:00+09:00", 20)
    assert (c2.status, c2.due.isoformat(), c2.used_minutes) == ("breached", "2026-11-24T13:20:00+09:00", 40)
    breached = [(v.kind, v.id, v.at.isoformat()) for v in report.violations if v.kind == "target_breached"]
    assert ("target_breached", "C2", "2026-11-24T13:20:00+09:00") in breached
    assert "C1" not in [i for _, i, _ in breached]
    assert _chat(report, "C4").status == "not_applicable"


def test_first_reply_across_a_weekend_and_a_holiday_is_open_then_breached() -> None:
    before = _chat(_report(AS_OF), "C3")  # Tue 24 09:10: 10 + 10 min used
    assert (before.status, before.due.isoformat(), before.used_minutes) == ("open", "2026-11-24T09:20:00+09:00", 20)
    after = _chat(_report(dt.datetime(2026, 11, 24, 9, 30, tzinfo=TZ)), "C3")
    assert (after.status, after.due.isoformat()) == ("breached", "2026-11-24T09:20:00+09:00")


def test_both_paths_give_the_same_report_on_the_hand_worked_log() -> None:
    for as_of in (AS_OF, dt.datetime(2026, 11, 25, tzinfo=TZ)):
        fast = _report(as_of).model_dump(mode="json")
        assert fast == _report(as_of, batch=False).model_dump(mode="json")


# ---- the columnar path against the reference path ------------------------------------------------

# The response clock of Click So-ko starting at a declared event, and P2/P3 completed by silence after
# one: plain incidents, judged on the columns (declared codes there); and a first reply to a chat on
# P2, whose incidents go to the per-incident path.
_CLICKSOKO = POLICY_PATH.read_text("utf-8")
ON_COLUMNS = (
    _CLICKSOKO.replace(
        "  starts at incident.product_suspected, else incident.reported",
        "  starts at incident.chat_started, else incident.reported",
    ).replace("10 business days after incident.info_provided", "10 business days after incident.chat_started")
    + '\nevent incident.chat_started "チャット開始" / "Chat started" [art 3.2]\n'
)
ON_TARGETS = _CLICKSOKO.replace(
    "  respond within 1 business day ",
    "  first reply within 2 business hours on chat\n  respond within 1 business day ",
) + CHAT.replace("[art 5]", "[art 3.2]")


@st.composite
def with_chats(draw: st.DrawFn) -> list[dict[str, Any]]:
    evs: list[dict[str, Any]] = draw(events())
    ids = sorted({e["id"] for e in evs}) or ["I0"]
    for _ in range(draw(st.integers(0, 4))):
        at = draw(instants())
        evs.insert(
            draw(st.integers(0, len(evs))),
            {"event": "incident.chat_started", "at": at.isoformat(), "id": draw(st.sampled_from(ids))},
        )
    return evs


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=with_chats(), which=st.booleans(), data=st.data())
def test_columns_agree_with_the_per_incident_path_on_declared_events(
    evs: list[dict[str, Any]], which: bool, data: st.DataObject
) -> None:
    pol = sla_dsl.load_policy(ON_COLUMNS if which else ON_TARGETS)
    times = sorted({dt.datetime.fromisoformat(e["at"]) for e in evs})
    start = data.draw(st.sampled_from([BASE, BASE + dt.timedelta(days=5), *times]))
    as_of = data.draw(st.sampled_from([BASE + dt.timedelta(days=20), BASE + dt.timedelta(days=60), *times]))
    end = dt.datetime(2027, 3, 1, tzinfo=TZ)

    def report(batch: bool) -> Any:
        log = log_from(evs, declared=pol.event_types)
        return judge_log(pol, log, start, end, as_of, batch=batch).report().model_dump(mode="json")

    assert report(True) == report(False)


def test_the_policies_of_the_property_are_clean_and_judge_the_declared_event() -> None:
    assert [d.code for d in compile_text(ON_COLUMNS).diagnostics] == []
    assert [d.code for d in compile_text(ON_TARGETS).diagnostics] == []
    pol = sla_dsl.load_policy(ON_COLUMNS)
    log = [
        {"event": "incident.reported", "at": "2026-11-24T09:00:00+09:00", "id": "A", "priority": "P1"},
        {"event": "incident.chat_started", "at": "2026-11-24T11:00:00+09:00", "id": "A"},
    ]
    start, end = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
    (row,) = sla_dsl.evaluate(pol, log, start, end, dt.datetime(2026, 11, 24, 12, tzinfo=TZ)).incidents
    # the response clock starts at the chat (11:00), not at the report: 4 business hours of 10-12, 13-18
    assert row.clock_start.isoformat() == "2026-11-24T11:00:00+09:00"
    assert row.response_due is not None and row.response_due.isoformat() == "2026-11-24T16:00:00+09:00"


# ---- authoring tools ----------------------------------------------------------------------------


def test_sla_diff_sees_a_declared_type_added_removed_and_relabelled() -> None:
    from sla_dsl.authoring.semdiff import diff_models, render_text

    base = compile_text(TEXT).model
    relabelled = compile_text(TEXT.replace('"Chat started"', '"Chat opened"')).model
    assert base is not None and relabelled is not None
    text = render_text(base, relabelled, diff_models(base, relabelled))
    assert '~ Chat opened label: "Chat started" -> "Chat opened"' in text
    more = compile_text(TEXT + '\nevent incident.callback "折り返し" / "Called back"\n').model
    assert more is not None
    added = render_text(base, more, diff_models(base, more))
    assert "+ new event type: Called back" in added
    removed = render_text(more, base, diff_models(more, base))
    assert removed.startswith("- event type: Called back removed")
    ja = render_text(base, more, diff_models(base, more), lang="ja")
    assert "イベント種別「折り返し」を追加" in ja


def test_fmt_lays_out_a_declaration_and_keeps_its_meaning() -> None:
    from sla_dsl.authoring.fmt import format_text

    messy = TEXT.replace(
        'event incident.chat_started "チャット開始" / "Chat started" [art 5]',
        'event   incident.chat_started\n   "チャット開始"   /  "Chat started"   [art 5]',
    )
    formatted = format_text(messy)
    assert 'event incident.chat_started "チャット開始" / "Chat started" [art 5]\n' in formatted
    assert format_text(formatted) == formatted


def test_lsp_hover_completion_and_definition_of_a_declared_type() -> None:
    from sla_dsl.authoring.hover import declarations, hover_text

    model = compile_text(TEXT).model
    assert model is not None
    line = next(i for i, x in enumerate(TEXT.splitlines()) if "starts at incident.chat_started" in x)
    shown = hover_text(model, TEXT, line, len("  starts at incident.ch"))
    assert shown is not None and "declared by this policy: チャット開始 / Chat started" in shown
    node = declarations(model)["incident.chat_started"]
    assert node.span.line == line_of(TEXT, "event incident.chat_started")


def test_the_highlighters_know_the_declaration() -> None:
    import json
    from pathlib import Path

    from pygments.token import Keyword, Name

    from sla_dsl.lang.lexer import SlaLexer

    toks = [(k, v) for k, v in SlaLexer().get_tokens('event incident.chat_started "チャット開始"\n') if v.strip()]
    assert toks[:2] == [(Keyword.Declaration, "event"), (Name.Class, "incident.chat_started")]
    root = Path(__file__).resolve().parents[2]
    grammar = json.loads((root / "editors" / "sla.tmLanguage.json").read_text("utf-8"))
    match = re.match(grammar["repository"]["declaration"]["match"], "event incident.chat_started")
    assert match is not None and match.groups() == ("event", "incident.chat_started")


def test_the_site_lists_declared_types_by_label_without_internal_names_in_japanese() -> None:
    from sla_dsl.docs.render import PageContext, render_policy

    pol = sla_dsl.load_policy(TEXT)
    ja = render_policy(pol, PageContext(lang="ja", source_url=""))
    en = render_policy(pol, PageContext(lang="en", source_url=""))
    seen = re.sub(r"<[^>]+>", "", ja)
    assert '<li id="event-incident-chat-started">チャット開始</li>' in ja
    assert "「チャット開始」" in seen  # the chat clock starts at it, named by its label
    assert "chat_started" not in seen
    assert "Chat started (<code>incident.chat_started</code>)" in en
    assert "“Chat started”" in en


def test_the_engineers_event_reference_lists_declared_types_in_both_languages() -> None:
    from sla_dsl.docs.event_types import declared_markdown

    model = compile_text(TEXT).model
    assert model is not None
    table = declared_markdown([("Chat desk 1", model)])
    assert "| `incident.chat_started` | チャット開始 | Chat started | Chat desk 1 |" in table
    assert declared_markdown([("Click So-ko", compile_text(_CLICKSOKO).model)]) == ""  # type: ignore[list-item]


# ---- the same-day guideline and named response targets (item 4) ----------------------------------


def test_w248_the_same_day_guideline_is_not_applied_to_a_named_response_target() -> None:
    text = TEXT.replace(
        "  respond within 4 business hours\n",
        "  respond within 4 business hours\n  same day if received 4 hours before close of business\n",
    )
    (diag,) = compile_text(text).diagnostics
    assert (diag.code, diag.is_error, diag.span.line) == ("W248", False, line_of(text, "same day if received"))
    assert "`first reply ... on chat`" in diag.message
    # without a named response target the guideline is the plain response's, as before: no warning
    plain = text.replace("  first reply within 30 business minutes on chat\n", "")
    assert all(d.code != "W248" for d in compile_text(plain).diagnostics)
