"""``..., plus E if received outside CAL hours``: more time for a cycle that starts out of hours (RT's OutOfHours).

Request Tracker's service levels have an ``OutOfHours`` modifier: when the
event a deadline counts from (the ticket's creation for ``Resolve``) comes
outside the level's business hours, its minutes are added to the deadline's
own. RT's example, ``'2h' => { Resolve => { RealMinutes => 60*2 }, OutOfHours
=> { Resolve => { RealMinutes => +60*24 } } }``: a ticket created at night has
26 hours, one created in hours 2 hours. Here each cycle of the target's clock
(its start, each reset) that starts outside the calendar's open hours has
D + E of running time, the others D.

Calendar: Click So-ko's business hours, 10:00-12:00 and 13:00-18:00 Tokyo on
business days. Mon 2 Nov 2026 is a business day, Tue 3 Nov a holiday (Culture
Day), Sat 7 Nov a weekend. Target: resolve within 2 hours on ``resolution``,
plus 24 hours if received outside business hours. Worked by hand:

* reported Mon 10:30 (in hours): 2 h, due 12:30; resolved 12:00, 90 minutes used: met.
* reported Mon 20:00 (night): 26 h, due Tue 3 Nov 22:00; resolved Tue 21:00, 25 h used: met
  (without the tail it ran out Mon 22:00).
* reported Mon 18:00 (the close: outside): due Tue 20:00; resolved Tue 21:00: breached at 20:00.
* reported Mon 12:30 (the lunch hour): due Tue 14:30.
* reported Tue 3 Nov 11:00 (a holiday, in the hours of a weekday): due Wed 4 Nov 13:00; reported
  Sat 7 Nov 11:00: due Sun 8 Nov 13:00.
* reported Mon 09:00 (before the opening: 26 h), reset Mon 18:30 after 9.5 h (outside: a new cycle of
  26 h), resolved Tue 20:00: due Tue 20:30, 25.5 h used, met. Reset at 10:30 instead (in hours): the new
  cycle has 2 h, due 12:30; resolved 13:00: breached at 12:30.
* reported Fri 6 Nov 20:00 (26 h), reset Mon 9 Nov 10:30: the first cycle ran 62.5 h and ran out Sat 7 Nov
  22:00: breached, with its 26 h (the judged cycle's target).
* business time, resolve within 4 business hours plus 7 business hours: reported Fri 6 Nov 19:00 has 11
  business hours, Mon 9 Nov 7 h and Tue 10 Nov 10:00-12:00 and 13:00-15:00: due Tue 15:00; resolved Tue
  14:00 with 10 business hours used: met. Reported Mon 9 Nov 11:00 (in hours): 4 business hours, 11:00-12:00
  and 13:00-16:00: due 16:00; resolved 17:00: breached at 16:00.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from evaluate.helpers import ev, t
from evaluate.test_targets import CLICKSOKO

import sla_dsl
from clocks.helpers import sla
from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.authoring.hover import hover_text
from sla_dsl.docs.targets import targets_html
from sla_dsl.docs.text import calendar_labels
from sla_dsl.lang.compile import compile_text

ROOT = Path(__file__).resolve().parents[2]

CLOCK = """
clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.reprioritized
}
"""

TAIL = ", plus 24 hours if received outside business hours"
RESOLVE = f"  resolve within 2 hours on resolution{TAIL}\n"
BUSINESS = "  resolve within 4 business hours on resolution, plus 7 business hours if received outside business hours\n"
P1 = "  respond within 4 business hours\n"


def policy_text(targets: str = RESOLVE, plain: str = P1) -> str:
    return CLICKSOKO.replace(P1, plain + targets, 1) + CLOCK


def target(events: list[dict[str, Any]], targets: str = RESOLVE, as_of: str | None = None) -> Any:
    report = sla_dsl.evaluate(sla_dsl.load_policy(policy_text(targets)), events, "2026-11-01", "2026-12-01", as_of)
    (row,) = report.incidents
    (got,) = row.targets
    return got, report


def reported(at: str) -> dict[str, Any]:
    return ev("incident.reported", at, "A", priority="P1")


def resolved(at: str) -> dict[str, Any]:
    return ev("incident.resolved", at, "A")


def reset(at: str) -> dict[str, Any]:
    return ev("incident.reprioritized", at, "A", priority="P1")


def line_of(text: str, needle: str) -> int:
    return next(i for i, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_the_policy_is_clean() -> None:
    assert [d.code for d in compile_text(policy_text()).diagnostics] == []
    assert [d.code for d in compile_text(policy_text(BUSINESS)).diagnostics] == []
    model = sla_dsl.load_policy(policy_text()).model
    (rule,) = model.priority("P1").targets
    assert rule.out_of_hours is not None
    assert (str(rule.out_of_hours.extra), rule.out_of_hours.calendar) == ("24 hours", "business")


def test_received_in_hours_has_the_target_alone() -> None:
    got, _ = target([reported("2026-11-02 10:30"), resolved("2026-11-02 12:00")])
    assert (got.status, got.due, got.target_minutes, got.used_minutes) == ("met", t("2026-11-02 12:30"), 120, 90)
    assert got.out_of_hours is None
    assert not [s for s in got.explain if "outside" in s.text]


def test_received_at_night_has_the_extra_time() -> None:
    got, report = target([reported("2026-11-02 20:00"), resolved("2026-11-03 21:00")])
    assert (got.status, got.due, got.target_minutes, got.used_minutes) == ("met", t("2026-11-03 22:00"), 1560, 1500)
    assert not [v for v in report.violations if v.kind == "target_breached"]
    texts = [s.text for s in got.explain]
    assert "clock `resolution` started Mon 02 Nov 20:00, outside business hours: 24 hours added" in texts
    assert texts[-1] == (
        "resolution within 2 hours plus 24 hours of running time on clock `resolution` (due Tue 03 Nov 22:00): "
        "25h used: met"
    )
    assert got.out_of_hours is not None and got.out_of_hours.at == t("2026-11-02 20:00")
    assert got.out_of_hours.extra_minutes == 1440
    (row,) = report.incidents
    as_json = row.model_dump(mode="json")["targets"][0]
    assert as_json["target_minutes"] == 1560 and "out_of_hours" not in as_json  # (the JSON's explain says it)
    # without the tail the same incident ran out Mon 22:00
    plain, _ = target(
        [reported("2026-11-02 20:00"), resolved("2026-11-03 21:00")], "  resolve within 2 hours on resolution\n"
    )
    assert (plain.status, plain.due) == ("breached", t("2026-11-02 22:00"))


def test_received_at_the_close_is_outside_and_can_still_run_out() -> None:
    got, report = target([reported("2026-11-02 18:00"), resolved("2026-11-03 21:00")])
    assert (got.status, got.due, got.target_minutes) == ("breached", t("2026-11-03 20:00"), 1560)
    (v,) = [v for v in report.violations if v.kind == "target_breached"]
    assert v.at == t("2026-11-03 20:00")


def test_the_lunch_hour_is_out_of_hours() -> None:
    got, _ = target([reported("2026-11-02 12:30"), resolved("2026-11-03 14:00")])
    assert (got.status, got.due, got.target_minutes) == ("met", t("2026-11-03 14:30"), 1560)


@pytest.mark.parametrize(
    ("at", "due"),
    [("2026-11-03 11:00", "2026-11-04 13:00"), ("2026-11-07 11:00", "2026-11-08 13:00")],
    ids=["holiday", "weekend"],
)
def test_a_holiday_or_a_weekend_is_out_of_hours(at: str, due: str) -> None:
    got, _ = target([reported(at)], as_of="2026-11-08T10:00:00+09:00" if at.startswith("2026-11-07") else None)
    assert (got.due, got.target_minutes) == (t(due), 1560)
    assert got.out_of_hours is not None and got.out_of_hours.at == t(at)


def test_a_reset_cycle_starting_out_of_hours_has_the_extra_time() -> None:
    got, _ = target([reported("2026-11-02 09:00"), reset("2026-11-02 18:30"), resolved("2026-11-03 20:00")])
    assert (got.status, got.due, got.target_minutes, got.used_minutes) == ("met", t("2026-11-03 20:30"), 1560, 1530)
    assert got.out_of_hours is not None and got.out_of_hours.at == t("2026-11-02 18:30")


def test_a_reset_cycle_starting_in_hours_has_the_target_alone() -> None:
    got, _ = target([reported("2026-11-02 09:00"), reset("2026-11-02 10:30"), resolved("2026-11-02 13:00")])
    assert (got.status, got.due, got.target_minutes) == ("breached", t("2026-11-02 12:30"), 120)
    assert got.out_of_hours is None


def test_an_earlier_cycle_is_judged_with_its_own_extra_time() -> None:
    got, _ = target([reported("2026-11-06 20:00"), reset("2026-11-09 10:30"), resolved("2026-11-09 11:00")])
    assert (got.status, got.due, got.target_minutes, got.used_minutes) == (
        "breached",
        t("2026-11-07 22:00"),
        1560,
        3750,
    )
    assert got.explain[-1].text.endswith("ran out Sat 07 Nov 22:00, before the reset Mon 09 Nov 10:30: breached")
    # an earlier cycle that started in hours ran out with its 2 hours, whatever the next one has
    got, _ = target([reported("2026-11-02 10:00"), reset("2026-11-02 20:00"), resolved("2026-11-02 21:00")])
    assert (got.status, got.due, got.target_minutes) == ("breached", t("2026-11-02 12:00"), 120)


def test_business_time_plus_business_time() -> None:
    got, _ = target([reported("2026-11-06 19:00"), resolved("2026-11-10 14:00")], BUSINESS)
    assert (got.status, got.due, got.target_minutes, got.used_minutes) == ("met", t("2026-11-10 15:00"), 660, 600)
    assert "clock `resolution` started Fri 06 Nov 19:00, outside business hours: 7 business hours added" in [
        s.text for s in got.explain
    ]
    got, _ = target([reported("2026-11-09 11:00"), resolved("2026-11-09 17:00")], BUSINESS)
    assert (got.status, got.due, got.target_minutes) == ("breached", t("2026-11-09 16:00"), 240)


# ---- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "code", "message", "help"),
    [
        (
            "  resolve within 2 business hours on resolution, plus 24 hours if received outside business hours\n",
            "E222",
            "the target `2 business hours` counts business time of calendar `business` but the `24 hours` added "
            "out of hours counts elapsed time",
            "`resolve within 2 business hours on resolution, plus 24 business hours if received outside business "
            "hours`",
        ),
        (
            "  resolve within 2 hours on resolution, plus 7 business hours if received outside business hours\n",
            "E222",
            "the target `2 hours` counts elapsed time but the `7 business hours` added out of hours counts business "
            "time of calendar `business`",
            "`resolve within 2 hours on resolution, plus 7 hours if received outside business hours`",
        ),
        (
            "  resolve within 2 hours on resolution, plus 1 month if received outside business hours\n",
            "E243",
            "`1 month` of elapsed time is not a fixed amount of running time",
            "write it in days or weeks",
        ),
        (
            "  resolve within 2 hours on resolution, plus 24 hours if received outside busines hours\n",
            "E207",
            "no calendar is called `busines`",
            "did you mean `business`?",
        ),
    ],
    ids=["business-plus-elapsed", "elapsed-plus-business", "months", "unknown-calendar"],
)
def test_a_tail_that_cannot_be_judged_is_refused_at_its_line(line: str, code: str, message: str, help: str) -> None:
    text = policy_text(line)
    found = [d for d in compile_text(text).diagnostics if d.is_error]
    assert [d.code for d in found] == [code], [d.message for d in found]
    (d,) = found
    assert d.message.startswith(message) and d.help is not None and help in d.help, (d.message, d.help)
    assert d.span.line == line_of(text, "on resolution, plus")
    # where the problem is: the time added, or the calendar's name
    word = "busines " if code == "E207" else line.split("plus ")[1].split(" if")[0]
    assert text.splitlines()[d.span.line - 1][d.span.column - 1 :].startswith(word)
    ja = f"{d.text('ja')} {d.help_text('ja')}"
    assert ja != f"{d.message} {d.help}"  # worded in Japanese from the catalogue


def test_the_japanese_of_the_mix_of_kinds() -> None:
    (d,) = compile_text(policy_text(RESOLVE.replace("2 hours", "2 business hours"))).diagnostics
    assert d.text("ja") == (
        "目標 `2 business hours` はカレンダー `business` の営業時間で数えますが、営業時間外の受付に加算する "
        "`24 hours` は経過時間で数えます。一つのクロックの計測時間として足し合わせることはできません"
    )
    assert d.help_text("ja") == (
        "加算する時間も目標と同じ種類の時間で書いてください：`resolve within 2 business hours on resolution, "
        "plus 24 business hours if received outside business hours`"
    )


def test_the_plain_respond_within_refuses_the_tail_and_shows_a_named_clock() -> None:
    plain = "  respond within 4 business hours, plus 1 business day if received outside business hours\n"
    text = policy_text(plain=plain)
    (d,) = [d for d in compile_text(text).diagnostics if d.is_error]
    assert d.code == "E242" and d.span.line == line_of(text, "respond within 4 business hours, plus")
    assert text.splitlines()[d.span.line - 1][d.span.column - 1 :].startswith(", plus 1 business day")
    assert d.message.startswith("the plain `respond within` runs from the response clock's start")
    example = "respond within 4 business hours on reply, plus 1 business day if received outside business hours"
    assert d.help == f"measure it on a named clock: `{example}`"
    assert d.text("ja").startswith("単純な `respond within` は応答クロックの開始から")
    assert d.help_text("ja") == f"名前付きのクロックで測ってください：`{example}`"
    # the line it shows is one to write: on a clock called `reply`, it is accepted
    clock = CLOCK.replace("resolution", "reply").replace("resets at incident.reprioritized", "")
    fixed = CLICKSOKO.replace(P1, P1 + f"  {example}\n", 1) + clock
    assert [d.code for d in compile_text(fixed).diagnostics if d.is_error] == []


def test_update_every_does_not_take_the_tail() -> None:
    line = f"  update every 4 business hours on resolution by incident.info_provided{TAIL}\n"
    codes = [d.code for d in compile_text(policy_text(line)).diagnostics]
    assert codes and codes[0] in ("E010", "E011"), codes


# ---- words: the site, the hover, explain, diff, fmt ------------------------------------------


def test_the_site_says_the_extra_time_in_both_languages() -> None:
    model = sla_dsl.load_policy(policy_text()).model
    p1 = model.priority("P1")
    with calendar_labels(model):
        assert "解決：「解決までの時間」で2時間以内（営業時間外の受付は24時間を加算）" in targets_html(p1, model, "ja")
        assert (
            "Resolution: within 2 hours on the “Time to resolution” clock "
            "(plus 24 hours if received outside business hours)" in targets_html(p1, model, "en")
        )
    other = sla_dsl.load_policy(policy_text(RESOLVE.replace("outside business", "outside always"))).model
    with calendar_labels(other):
        ja = targets_html(other.priority("P1"), other, "ja")
        assert "（「24時間365日」の営業時間外の受付は24時間を加算）" in ja
        assert "outside the open hours of “24 hours, 365 days”" in targets_html(other.priority("P1"), other, "en")


def test_the_hover() -> None:
    text = policy_text()
    model = sla_dsl.load_policy(text).model
    line = line_of(text, TAIL) - 1
    said = hover_text(model, text, line, text.splitlines()[line].index("outside"))
    assert said is not None and "**out of hours** `resolve` on clock `resolution`" in said
    assert "starts outside the open hours of calendar `business` has 2 hours + 24 hours of running time" in said
    (clock,) = [c for c in model.clocks if c.name == "resolution"]
    assert "- measures: P1 resolve 2 hours (+24 hours out of hours)" in hover_clock(clock, model)


@pytest.mark.parametrize(
    ("lang", "said", "row"),
    [
        (
            "ja",
            "解決（解決までの時間）：起算が営業時間外のため24時間を加算（2時間＋24時間）",
            "| A | 解決 | 解決までの時間 | 達成 |",
        ),
        (
            "en",
            "Resolution (Time to resolution): started outside business hours, 24 hours added (2 hours + 24 hours)",
            "| A | Resolution | Time to resolution | met |",
        ),
    ],
)
def test_sla_explain_and_the_report(tmp_path: Path, lang: str, said: str, row: str) -> None:
    policy, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    policy.write_text(policy_text(), "utf-8")
    events = [reported("2026-11-02 20:00"), resolved("2026-11-03 21:00")]
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    done = sla("explain", str(policy), str(log), "A", "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert said in done.stdout, done.stdout
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--lang", lang, "--format", "markdown"]
    done = sla("evaluate", str(policy), str(log), *period)
    assert done.returncode in (0, 1), done.stderr  # 1: violations (the plain response was never given)
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(row)]
    assert len(lines) == 1 and lines[0].endswith("| 25:00 / 26:00 |"), lines


@pytest.mark.parametrize(
    ("old", "new", "lang", "line"),
    [
        (
            "  resolve within 2 hours on resolution\n",
            RESOLVE,
            "ja",
            "~ P1 優先度１の計測目標：解決までの時間で解決2時間以内 → "
            "解決までの時間で解決2時間以内（営業時間外の受付は24時間を加算）",
        ),
        (
            "  resolve within 2 hours on resolution\n",
            RESOLVE,
            "en",
            "~ P1 Priority 1 targets on clocks: resolve within 2 hours on Time to resolution -> "
            "resolve within 2 hours on Time to resolution, plus 24 hours if received outside business hours",
        ),
        (
            RESOLVE,
            RESOLVE.replace("24 hours", "12 hours"),
            "ja",
            "~ P1 優先度１の計測目標：解決までの時間で解決2時間以内（営業時間外の受付は24時間を加算） → "
            "解決までの時間で解決2時間以内（営業時間外の受付は12時間を加算）",
        ),
        (
            RESOLVE,
            RESOLVE.replace("outside business", "outside always"),
            "en",
            "~ P1 Priority 1 targets on clocks: resolve within 2 hours on Time to resolution, plus 24 hours if "
            "received outside business hours -> resolve within 2 hours on Time to resolution, plus 24 hours if "
            "received outside the open hours of “24 hours, 365 days”",
        ),
    ],
    ids=["added-ja", "added-en", "changed-ja", "calendar-en"],
)
def test_sla_diff_says_the_tail(tmp_path: Path, old: str, new: str, lang: str, line: str) -> None:
    before, after = tmp_path / "old.sla", tmp_path / "new.sla"
    before.write_text(policy_text(old), "utf-8")
    after.write_text(policy_text(new), "utf-8")
    done = sla("diff", str(before), str(after), "--lang", lang)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [line]


def test_fmt_keeps_the_line(tmp_path: Path) -> None:
    path = tmp_path / "p.sla"
    path.write_text(policy_text(RESOLVE.replace(", plus", " ,  plus")), "utf-8")
    done = sla("fmt", str(path))
    assert done.returncode == 0, done.stderr
    assert RESOLVE in path.read_text("utf-8")
    assert sla("fmt", str(path), "--check").returncode == 0


def test_the_keywords_are_highlighted() -> None:
    from pygments.token import Keyword

    from sla_dsl.lang.lexer import SlaLexer

    words = {v: tok for tok, v in SlaLexer().get_tokens(RESOLVE) if v.strip()}
    assert words["plus"] in Keyword and words["outside"] in Keyword and words["received"] in Keyword
    grammar = json.loads((ROOT / "editors" / "sla.tmLanguage.json").read_text("utf-8"))
    assert "|outside|" in grammar["repository"]["keyword"]["match"]
    assert "|plus|" in grammar["repository"]["keyword"]["match"]


def test_a_calendar_without_hours_cannot_tell_out_of_hours() -> None:
    calendar = 'calendar days_only "営業日" / "Business days" {\n  days mon..fri\n}\n'
    line = "  resolve within 2 hours on resolution, plus 24 hours if received outside days_only hours\n"
    text = policy_text(line) + calendar
    (d,) = [d for d in compile_text(text).diagnostics if d.is_error]
    assert (d.code, d.span.line) == ("E206", line_of(text, "outside days_only"))
    assert d.message.startswith("the out-of-hours test counts business time of calendar `days_only`"), d.message
    assert d.text("ja").startswith("営業時間外の受付の判定はカレンダー `days_only` の営業時間で数えますが"), d.text(
        "ja"
    )
