"""Hypothesis strategies for policies: from the language's constructs, then mutated.

Design notes
------------
- **Grammar-aware first.** A policy is built from declarations: those of
  ``policies/clicksoko.sla`` (split at its top-level keywords) and new ones
  written from templates that follow ``grammars/sla.lark`` rule by rule. The
  values in them (numbers, durations, times, dates, month-days, ordinals, zones,
  holiday regions, percentages, names, strings) come from pools that mix the
  ordinary with the extreme: zero, 4,300-digit numbers, year 1 and 9999,
  ``24:00``, zone names that are not zones. Most policies therefore get past
  the parser and reach the checks, the calendars and the commands behind them.
- **Then structure, then bytes.** Some policies get their nesting broken
  (a brace dropped or added, a block wrapped in another, a declaration repeated
  many times, the text cut short), and some get byte-level damage (bit flips,
  NUL, invalid UTF-8, a byte-order mark, CR-only or CRLF line ends, U+2028).
- **Commands.** Every policy is checked; a few further commands drawn per input
  (deadline, maintenance, calendar, evaluate, replay, diff, fmt, test, explain)
  take it through the rest of the product. Arguments are always well-formed so
  that any exit status but 0 or 1 is a finding.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from .harness import POLICY, ROOT

SOURCE = POLICY.read_text("utf-8")
KEYWORDS = ["sla", "article", "calendar", "service", "planned", "maintenance", "clock", "priority", "notify"]
KEYWORDS += ["backup", "exclude", "item", "attribute"]
TESTS = [str(p) for p in sorted((ROOT / "policies" / "tests").glob("*.yaml"))]


def declarations(text: str) -> list[str]:
    """Top-level declarations of a policy, each with its trailing comments (split at column-0 keywords)."""
    starts = [m.start() for m in re.finditer(rf"^(?:{'|'.join(KEYWORDS)})\b", text, flags=re.M)]
    return [text[a:b].rstrip() + "\n" for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


DECLS = declarations(SOURCE)
HEADER, BODY = DECLS[0], DECLS[1:]

# -- values: a sane set (most policies pass `sla check`) and a wild one -------------------------------

HUGE = ["9" * 20, "1" + "0" * 4301, "99999999999999", "2147483648", "18446744073709551616"]
EVENTS = ["incident.reported", "incident.product_suspected", "incident.responded", "incident.info_provided"]
EVENTS += ["incident.customer_replied", "incident.resolved", "incident.reprioritized", "outage.started"]
EVENTS += ["outage.ended", "outage.recognized", "outage.notified", "stop.announced", "backup.completed"]
EVENTS += ["backup.deleted"]
GOOD_ZONES = ["Asia/Tokyo", "UTC", "Etc/UTC", "Etc/GMT+12", "Etc/GMT-14", "America/St_Johns", "Asia/Kathmandu"]
GOOD_ZONES += ["Pacific/Kiritimati", "Europe/London", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia"]
GOOD_ZONES += ["America/Sao_Paulo", "Europe/Dublin", "Africa/Casablanca", "Antarctica/Troll", '"Asia/Tokyo"']
BAD_ZONES = ["localtime", "Factory", "posixrules", "Asia/Nowhere", '"../../etc/passwd"', "Etc/GMT+99", "EST5EDT"]
BAD_ZONES += ["right/UTC", '"Asia/../Asia/Tokyo"', "utc", '""', '"/usr/share/zoneinfo/Asia/Tokyo"']
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
UNITS = ["minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months"]
CLOCKS = ["00:00", "00:30", "08:30", "09:00", "10:00", "12:00", "13:00", "17:30", "18:00", "22:00", "23:59", "24:00"]


Strategy = st.SearchStrategy[str]


def _pick(items: list[str]) -> st.SearchStrategy[str]:
    return st.sampled_from(items)


def _joined(item: st.SearchStrategy[str], sep: str = ", ") -> st.SearchStrategy[str]:
    return st.lists(item, min_size=1, max_size=4).map(sep.join)


@st.composite
def _sane_ranges(draw: st.DrawFn) -> str:
    """One to three hour ranges in order, none overlapping."""
    n = draw(st.sampled_from([2, 2, 4, 6]))
    clocks = sorted(draw(st.lists(_pick(CLOCKS), min_size=n, max_size=n, unique=True)))
    return ", ".join(f"{a}-{b}" for a, b in zip(clocks[::2], clocks[1::2], strict=True))


@st.composite
def _sane_days(draw: st.DrawFn) -> str:
    a, b = sorted(draw(st.lists(st.integers(0, 6), min_size=2, max_size=2)))
    return WEEKDAYS[a] if a == b else f"{WEEKDAYS[a]}..{WEEKDAYS[b]}"


@st.composite
def _sane_duration(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return f"{draw(st.integers(1, 40))} business {draw(_pick(['minutes', 'hours', 'hour', 'days', 'day']))}"
    unit = draw(_pick(["minutes", "hours", "days", "weeks", "week", "months"]))
    return f"{draw(st.integers(1, 400 if unit in ('minutes', 'hours', 'days') else 120))} {unit}"


@st.composite
def _wild_date(draw: st.DrawFn) -> str:
    year = draw(st.one_of(st.sampled_from([1, 2, 1899, 1970, 2026, 2200, 9998, 9999]), st.integers(1, 9999)))
    month = draw(st.one_of(st.integers(1, 12), st.sampled_from([0, 13, 99])))
    day = draw(st.one_of(st.integers(1, 28), st.sampled_from([0, 29, 30, 31, 32, 99])))
    return f"{year:04d}-{month:02d}-{day:02d}"


def _time(hours: st.SearchStrategy[int], minutes: st.SearchStrategy[int]) -> st.SearchStrategy[str]:
    return st.tuples(hours, minutes).map(lambda p: f"{p[0]:02d}:{p[1]:02d}")


WILD_INTS = st.one_of(
    st.integers(0, 12).map(str),
    st.sampled_from(["0", "1", "7", "24", "31", "60", "100", "365", "999", "10000", "999999999"]),
    st.integers(0, 10**7).map(str),
    st.integers(0, 10).map(lambda n: "0" * n + "1"),
    st.sampled_from(HUGE),
)
WILD_TIMES = _time(st.one_of(st.integers(0, 24), st.sampled_from([25, 99])), st.sampled_from([0, 30, 59, 60, 99]))


@dataclass(frozen=True)
class Values:
    """Where each kind of value in a policy comes from."""

    ints: st.SearchStrategy[str]
    dates: st.SearchStrategy[str]
    times: st.SearchStrategy[str]
    ranges: st.SearchStrategy[str]
    days: st.SearchStrategy[str]
    monthdays: st.SearchStrategy[str]
    durations: st.SearchStrategy[str]
    zones: st.SearchStrategy[str]
    holidays: st.SearchStrategy[str]
    weekdays: st.SearchStrategy[str]
    ordinals: st.SearchStrategy[str]
    percents: st.SearchStrategy[str]
    texts: st.SearchStrategy[str]
    calendars: st.SearchStrategy[str]
    events: st.SearchStrategy[str]
    wild: bool = False


SANE = Values(
    ints=st.integers(1, 400).map(str),
    dates=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    times=_pick(CLOCKS),
    ranges=_sane_ranges(),
    days=_sane_days(),
    monthdays=st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)).map(lambda d: d.strftime("%m-%d")),
    durations=_sane_duration(),
    zones=_pick(GOOD_ZONES),
    holidays=_pick(["JP", "JP", "US", "GB", "DE", "US-NY"]),
    weekdays=_pick(WEEKDAYS),
    ordinals=_pick(["1st", "2nd", "3rd", "4th", "5th"]),
    percents=_pick(["0%", "50%", "75%", "99.5%", "100%"]),
    texts=_pick(['"x"', '"日本語"', '"a\\"b"', '"' + "長" * 300 + '"']),
    calendars=_pick(["business", "business", "always"]),
    events=_pick(EVENTS),
)
WILD = Values(
    ints=WILD_INTS,
    dates=_wild_date(),
    times=WILD_TIMES,
    ranges=_joined(st.tuples(WILD_TIMES, WILD_TIMES).map("-".join)),
    days=_joined(st.one_of(_pick(WEEKDAYS), st.tuples(_pick(WEEKDAYS), _pick(WEEKDAYS)).map("..".join))),
    monthdays=_time(st.integers(0, 13), st.integers(0, 32)).map(lambda t: t.replace(":", "-")),
    durations=st.tuples(WILD_INTS, _pick(["", "business ", "always ", "elapsed ", "nowhere "]), _pick(UNITS)).map(
        lambda p: f"{p[0]} {p[1]}{p[2]}"
    ),
    zones=st.one_of(_pick(GOOD_ZONES), _pick(BAD_ZONES)),
    holidays=_pick(["JP", "US", "US-NY", "GB", "XX", "JP-13", "US-ZZ", "jp", "NYSE", "ECB", "US-"]),
    weekdays=_pick([*WEEKDAYS, "monday", "xyz", "Mon"]),
    ordinals=_pick(["0th", "1st", "4th", "5th", "6th", "31st", "99th", "1th", "00th", "9" * 30 + "th"]),
    percents=_pick(["0%", "1%", "75%", "99.95%", "100%", "100.0%", "1000%", "0.0001%", "9" * 30 + "%"]),
    texts=_pick(['"x"', '""', '"日本語"', '"\\u0000"', '"\\q"', '"' + "長" * 2000 + '"', '"\u202etext"', '"\t"']),
    calendars=_pick(["business", "always", "business", "nowhere", "never"]),
    events=_pick([*EVENTS, "incident.unknown", "nothing.here"]),
    wild=True,
)


def _or(sane: st.SearchStrategy[str], *edges: str) -> st.SearchStrategy[str]:
    return st.one_of(sane, _pick(list(edges)))


EDGE = Values(
    ints=_or(SANE.ints, "1", "29", "31", "120", "520", "3650", "87600"),
    dates=_or(SANE.dates, "1900-01-01", "1900-01-02", "2200-12-31", "2200-12-01", "2024-02-29", "2100-02-28"),
    times=_or(SANE.times, "00:00", "24:00", "23:59", "00:01"),
    ranges=_or(SANE.ranges, "00:00-24:00", "23:59-24:00", "00:00-00:01", "00:00-12:00, 12:00-24:00"),
    days=_or(SANE.days, "sun", "sat..sun", "mon..sun", "wed"),
    monthdays=_or(SANE.monthdays, "02-29", "12-31", "01-01", "02-28"),
    durations=_or(
        SANE.durations,
        "3650 days",
        "120 months",
        "520 weeks",
        "87600 hours",
        "5256000 minutes",
        "3650 business days",
        "25550 business hours",
        "1 minute",
        "1 business minute",
        "1 always day",
    ),
    zones=_or(SANE.zones, "Pacific/Kiritimati", "Etc/GMT+12", "Pacific/Apia", "Antarctica/Troll", "Africa/Casablanca"),
    holidays=_or(SANE.holidays, "JP", "US", "IL", "SA", "IN", "CN", "NZ", "AU-TAS"),
    weekdays=_or(SANE.weekdays, "sat", "sun"),
    ordinals=_or(SANE.ordinals, "5th", "5th", "1st"),
    percents=_or(SANE.percents, "0%", "100%", "0.001%", "99.999%"),
    texts=SANE.texts,
    calendars=SANE.calendars,
    events=SANE.events,
)
"""Values that are legal but at the edges: the longest durations, the first and last supported
years, a whole day of business hours, leap days, fifth weekdays, zones with odd offsets."""


def _labels(v: Values) -> st.SearchStrategy[str]:
    pair = st.tuples(v.texts, v.texts).map(lambda p: f" {p[0]} / {p[1]}")
    return st.one_of(st.just(""), v.texts.map(lambda t: " " + t), pair)


def _spans(v: Values, item: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """One or more ``a`` or ``a..b`` (in order unless wild: ISO dates and month-days sort as text)."""
    pair = st.tuples(item, item).map(lambda p: "..".join(p if v.wild else sorted(p)))
    return _joined(st.one_of(item, pair))


def _block(head: str, statements: list[str]) -> str:
    body = "".join(f"  {s}\n" for s in statements)
    return f"{head} {{\n{body}}}\n"


def _statements(*options: st.SearchStrategy[str]) -> st.SearchStrategy[list[str]]:
    """Any subset of the statements, in any order, some repeated."""
    return st.lists(st.one_of(*options), max_size=len(options) + 2)


@st.composite
def _each(draw: st.DrawFn, v: Values, required: list[Strategy], *optional: Strategy) -> list[str]:
    """Sane: every required statement once and some optional ones once; wild: any mix of them all."""
    if v.wild:
        return draw(_statements(*required, *optional))
    return [draw(r) for r in required] + [draw(o) for o in optional if draw(st.booleans())]


@st.composite
def credit_total(draw: st.DrawFn, v: Values) -> str:
    """The header's cap on the sum of a period's credits: ``credit total at most 30% monthly [art 3]``."""
    period = draw(_pick(["", " monthly", " quarterly", " per period"]))
    ref = draw(_pick(["", " [art 3]"] if not v.wild else ["", " [art 3]", " [art 99]", " [art]"]))
    return f"credit total at most {draw(v.percents)}{period}{ref}"


def _capped(text: str, cap: str) -> str:
    """A header with the credit total cap ``cap`` as its last statement."""
    head, close, rest = text.rpartition("}")
    return f"{head}  {cap}\n{close}{rest}"


@st.composite
def header(draw: st.DrawFn, v: Values) -> str:
    """An ``sla "..." { ... }`` header; a sane one has every required statement."""
    stmts = [
        f"format {draw(_pick(['1'])) if not v.wild else draw(_pick(['1', '1', '2', '0', HUGE[0]]))}",
        f'version "{draw(_pick(["2026.1", "2026.2", "", "x"]))}"',
        f"effective {draw(v.dates)}",
        f"timezone {draw(v.zones)}",
        f"provider{draw(_labels(v)) or ' ' + draw(v.texts)}",
    ]
    if v.wild or draw(st.booleans()):
        stmts.append(draw(credit_total(v)))
    if v.wild:
        keep = draw(st.lists(st.booleans(), min_size=len(stmts), max_size=len(stmts)))
        stmts = [s for s, k in zip(stmts, keep, strict=True) if k or s.startswith(("effective", "timezone"))]
    return _block(f'sla "Fuzz{draw(_pick(["", " So-ko", "長"]))}"', draw(st.permutations(stmts)))


@st.composite
def calendar(draw: st.DrawFn, v: Values, name: str | None = None) -> str:
    """A ``calendar`` block (a sane one always has days and hours)."""
    name = name or draw(_pick(["business", "business", "always", "other", "x"]))
    days = v.days.map(lambda s: f"days {s}")
    hours = v.ranges.map(lambda s: f"hours {s}")
    months = _pick(MONTHS) if not v.wild else _pick([*MONTHS, "november", "xyz", "Nov", "mon"])
    nth = st.tuples(st.one_of(v.ordinals, st.just("last")), v.weekdays, months).map(" {0[0]} {0[1]} of {0[2]}".format)
    yearly = st.tuples(st.one_of(v.monthdays.map(" {}".format), nth), v.texts, v.texts)
    extra = _statements(
        _joined(v.holidays).map(lambda s: f"holidays {s}"),
        yearly.map(lambda p: f"holiday yearly{p[0]} {p[1]} / {p[2]}"),
        _spans(v, v.dates).map(lambda s: f"closed {s}"),
        _spans(v, v.monthdays).map(lambda s: f"closed yearly {s}"),
        _spans(v, v.dates).map(lambda s: f"open {s}"),
    )
    if v.wild:
        stmts = draw(_statements(days, hours, extra.map("\n  ".join)))
    else:
        stmts = [draw(days), draw(hours), *draw(extra)]
    return _block(f"calendar {name}{draw(_labels(v))}", stmts)


@st.composite
def maintenance(draw: st.DrawFn, v: Values, name: str | None = None) -> str:
    """A ``maintenance`` block with any recurrence and roll rule."""
    recurrence = draw(
        st.one_of(
            st.tuples(v.ordinals, v.weekdays).map(lambda p: f"month on {p[0]} {p[1]}"),
            v.weekdays.map(lambda d: f"month on last {d}"),
            st.just("month on last day"),
            (st.integers(1, 31).map(str) if not v.wild else v.ints).map(lambda n: f"month on day {n}"),
            v.monthdays.map(lambda d: f"year on {d}"),
            v.weekdays.map(lambda d: f"week on {d}"),
        )
    )
    roll = draw(_pick(["next business day", "previous business day", "skip", "keep"]))
    every = v.ranges.map(lambda r: f"every {recurrence}, {r.split(', ')[0]}")
    notice = st.one_of(st.just("notice none"), v.durations.map(lambda d: f"notice {d} before"))
    if not v.wild:
        stmts = [draw(every), f"if not a business day: {roll}", f"calendar {draw(v.calendars)}", draw(notice)]
        stmts += ["counts as downtime"] if draw(st.booleans()) else []
    else:
        stmts = draw(
            _statements(
                every, st.just(f"if not a business day: {roll}"), v.calendars.map(lambda c: f"calendar {c}"), notice
            )
        )
    return _block(f"maintenance {name or draw(_pick(['regular', 'nightly']))}", stmts)


# -- attributes and `when` conditions (issue 13) -------------------------------------------------------

#: The attributes a sane policy declares: ``attribute NAME { values ...  default ... }``.
ATTRIBUTES = {"plan": ["standard", "premium", "gold"], "channel": ["ja", "en"]}


@st.composite
def attribute(draw: st.DrawFn, v: Values, name: str | None = None) -> str:
    """An ``attribute`` declaration (wild: no values, a value twice, a default that is not a value)."""
    name = name or draw(_pick(list(ATTRIBUTES)))
    values = list(ATTRIBUTES.get(name, ["a", "b"]))
    if not v.wild:
        default = draw(st.one_of(st.none(), _pick(values)))
        # issue 16: the values listed, or each on a `value` line with a label
        listing = [f"values {', '.join(values)}"]
        lines = [f"value {x}{draw(_labels(v))}" for x in values]
        stmts = [*draw(st.sampled_from([listing, lines])), *([f"default {default}"] if default else [])]
    else:
        listed = draw(st.lists(_pick([*values, "x", "default", "when"]), max_size=5))
        stmts = draw(
            _statements(
                st.just(f"values {', '.join(listed)}") if listed else st.just("values"),
                _pick([*values, "nope"]).map(lambda d: f"default {d}"),
                st.tuples(_pick([*values, "x", "value"]), _labels(v)).map(lambda p: f"value {p[0]}{p[1]}"),
            )
        )
    return _block(f"attribute {name}{draw(_labels(v))}", stmts)


@st.composite
def condition(draw: st.DrawFn, v: Values) -> str:
    """A ``when`` statement over the declared attributes (wild: undeclared names and values too)."""
    names = list(ATTRIBUTES) + (["tier", "when", "P1"] if v.wild else [])
    tests = []
    for _ in range(draw(st.integers(1, 3 if not v.wild else 6))):
        name = draw(_pick(names))
        values = ATTRIBUTES.get(name, ["x"]) + (["nope", "premium"] if v.wild else [])
        some = draw(st.lists(_pick(values), min_size=1, max_size=3))
        form = draw(_pick(["=", "!=", "in", "not in"]))
        tests.append(f"{name} {form} {some[0]}" if form in ("=", "!=") else f"{name} {form} ({', '.join(some)})")
    return "when " + " and ".join(tests)


@st.composite
def plan_rules(draw: st.DrawFn, v: Values) -> list[str]:
    """Rules with ``when`` that mostly pass ``sla check``: a P1 for some plans (before the general
    one), a notify rule on outages, and a service with a target per plan and its own credits."""
    p1 = [draw(condition(v)), f"respond within {draw(v.durations)}"]
    after = draw(_pick(["outage.started", "outage.recognized"]))
    notice = [draw(condition(v)), f"within {draw(v.durations)} after {after}", "met by outage.notified"]
    figures = ["99.99%", "99.9%", "99.5%", "99%", "95%"]
    hi, lo = sorted(draw(st.lists(_pick(figures), min_size=2, max_size=2, unique=True)), key=figures.index)
    period = draw(_pick(["", " monthly", " quarterly", " per period"]))
    targets = [f"availability target {hi}{period} {draw(condition(v))}", f"credit below {hi} 10%, below {lo} 25%"]
    targets += [f"availability target {lo}"] if draw(st.booleans()) else []
    return [
        _block('priority P1 "優先度（条件付き）" / "Priority (by attributes)"', p1),
        _block('notify first_report "第一報" / "First report"', notice),
        _block('service premium "配信" / "Delivery"', ["hours always", *targets]),
    ]


@st.composite
def priority(draw: st.DrawFn, v: Values, name: str | None = None) -> str:
    """A ``priority`` block: a target, perhaps a same-day rule, a completion (sane: one of each),
    perhaps a ``when`` condition."""
    silence = st.tuples(v.durations, v.events, v.events).map(lambda p: f"{p[0]} after {p[1]} without {p[2]}")
    completion = _joined(st.one_of(v.events.map(lambda e: f"on {e}"), silence), ", or ")
    target = st.one_of(
        v.durations.map(lambda d: f"respond within {d}"),
        st.tuples(v.ordinals, v.calendars).map(lambda p: f"respond by end of {p[0]} {p[1]} day"),
    )
    same_day = st.tuples(v.durations, v.calendars).map(lambda p: f"same day if received {p[0]} before close of {p[1]}")
    if not v.wild:
        stmts = [draw(target), *([draw(same_day)] if draw(st.booleans()) else []), "complete " + draw(completion)]
        stmts = ([draw(condition(v))] if draw(st.integers(0, 3)) == 0 else []) + stmts
    else:
        stmts = draw(
            _statements(
                target, same_day, completion.map(lambda c: f"complete {c}"), st.just('guideline "g"'), condition(v)
            )
        )
    return _block(f"priority {name or draw(_pick(['P1', 'P2', 'P3', 'P4']))}{draw(_labels(v))}", stmts)


@st.composite
def others(draw: st.DrawFn, v: Values, kind: str | None = None, name: str | None = None) -> str:
    """One of the remaining declarations: service, planned stop, clock, notify, backup, exclude, item, article."""
    kinds = ["service", "planned", "clock", "notify", "backup", "exclude", "item", "article", "attribute"]
    kind = kind or draw(_pick(kinds))
    if kind == "attribute":
        return draw(attribute(v, name))
    if kind == "service":
        hours = v.calendars.map(lambda c: f"hours {c} except maintenance, planned stops")
        period = _pick(["", " monthly", " quarterly", " per period"])
        target = st.tuples(v.percents, period).map(lambda p: f"availability target {p[0]}{p[1]}")
        tiers = _joined(st.tuples(v.percents, v.percents).map(lambda p: f"below {p[0]} {p[1]}")).map("credit ".__add__)
        # a target with `when` and the credit line right below it (issue 13)
        plan = st.tuples(target, condition(v), tiers).map(lambda p: f"{p[0]} {p[1]}\n  {p[2]}")
        stmts = draw(_each(v, [hours], st.just("availability measured"), target, tiers, plan))
        return _block(f"service {name or draw(_pick(['content', 'support']))}", stmts)
    if kind == "planned":
        notice = st.tuples(v.durations, _pick(["start", "start date"])).map(lambda p: f"notice {p[0]} before {p[1]}")
        emergency = _pick(["emergency without notice, counts as downtime", "emergency without notice, excused"])
        return _block("planned stop", draw(_each(v, [notice.map(lambda n: n + " by email")], emergency)))
    if kind == "clock":
        starts = _joined(v.events, ", else ").map(lambda s: f"starts at {s}")
        risk = v.percents.map(lambda p: f"at risk at {p} of target")
        # `not due at A until B[, C]` (RT's IgnoreOnStatuses): its own event in `until`, one of another record,
        # on the response clock, all among what the checker must refuse with a located error
        hold = st.tuples(v.events, _joined(v.events)).map(lambda p: f"not due at {p[0]} until {p[1]}")
        return _block(f"clock {name or 'response'}", draw(_each(v, [starts], risk, hold)))
    if kind == "notify":
        within = st.tuples(v.durations, v.events).map(lambda p: f"within {p[0]} after {p[1]}")
        only = st.tuples(v.events, v.calendars).map(lambda p: f"only if {p[0]} during {p[1]} hours")
        met = v.events.map(lambda e: f"met by {e}")
        return _block(f"notify {name or 'recovery'}", draw(_each(v, [within, met], only, condition(v))))
    if kind == "backup":
        every = st.one_of(v.durations.map(lambda d: f"every {d}"), st.just("continuous"))
        stmts = draw(_each(v, [every], v.durations.map(lambda d: f"keep {d}"), st.just("in another zone")))
        return _block(f"backup {name or draw(_pick(['database', 'files', 'extra']))}", stmts)
    if kind == "exclude":
        return f"exclude {draw(_pick(['force_majeure', 'customer_fault', 'x']))}{draw(_labels(v))}\n"
    if kind == "item":
        kinds = _pick(["priority", "calendar", "backup"])
        rules = draw(_joined(st.tuples(kinds, _pick(["P1", "business", "database", "x"])).map(" ".join)))
        return _block(f"item {draw(v.ints)}", [f"rules {rules}"])
    return _block(f"article {draw(v.ints)}{draw(_labels(v))}", ["text" + (draw(_labels(v)) or ' "t"')])


def same_kind(v: Values, decl: str) -> st.SearchStrategy[str]:
    """A new declaration of the kind and name of ``decl`` (so that references to it still resolve)."""
    kind, _, rest = decl.partition(" ")
    name = re.match(r"\w+", rest)
    ident = name.group(0) if name else None
    if kind == "calendar":
        return calendar(v, ident)
    if kind == "maintenance":
        return maintenance(v, ident)
    if kind == "priority":
        return priority(v, ident)
    return others(v, kind, ident) if kind in ("service", "planned", "clock", "notify", "backup") else st.just(decl)


# -- mutations -----------------------------------------------------------------------------------------

TOKEN = re.compile(
    r'(?P<string>"(?:\\.|[^"\\\n])*")|(?P<comment>#[^\n]*)|(?P<date>\d{4}-\d{1,2}-\d{1,2})'
    r"|(?P<time>\d{1,2}:\d{2})|(?P<monthday>\d{1,2}-\d{1,2})|(?P<ordinal>\d+(?:st|nd|rd|th)\b)"
    r"|(?P<percent>\d+(?:\.\d+)?%)|(?P<int>\d+)|(?P<zone>[A-Za-z]+/[A-Za-z_/]+)|(?P<name>[A-Za-z_][\w.]*)"
)


NAMES = ["business", "always", "P1", "P2", "regular", "response", "database", "force_majeure", "x", "A" * 300]


def _replacement(v: Values, kind: str) -> st.SearchStrategy[str]:
    names = st.one_of(_pick(NAMES), v.weekdays, _pick(UNITS), v.holidays, v.events)
    comments = _pick(["# \u2028 x", "#\x0c", "# \x85", "#"])
    return {
        "string": v.texts,
        "date": v.dates,
        "time": v.times,
        "monthday": v.monthdays,
        "ordinal": v.ordinals,
        "percent": v.percents,
        "int": v.ints,
        "zone": v.zones,
        "name": names,
        "comment": comments,
    }[kind]


@st.composite
def mutate_values(draw: st.DrawFn, text: str, v: Values) -> str:
    """Replace a few value tokens of ``text`` by others of the same kind (sane: never names or comments)."""
    spots = [m for m in TOKEN.finditer(text) if m.lastgroup is not None]
    if not v.wild:  # keep names, comments and the numbers that identify (item 3, format 1)
        fixed = ("item ", "article ", "format ")
        spots = [m for m in spots if m.lastgroup not in ("name", "comment") and not text[: m.start()].endswith(fixed)]
    if not spots:
        return text
    chosen = sorted(set(draw(st.lists(st.integers(0, len(spots) - 1), min_size=1, max_size=4))), reverse=True)
    for i in chosen:
        m = spots[i]
        assert m.lastgroup is not None
        text = text[: m.start()] + draw(_replacement(v, m.lastgroup)) + text[m.end() :]
    return text


@st.composite
def mutate_nesting(draw: st.DrawFn, text: str) -> str:
    """Break the block structure: drop or add braces, wrap, repeat a declaration, cut the text short."""
    how = draw(st.sampled_from(["drop", "add", "wrap", "repeat", "cut", "open"]))
    braces = [i for i, c in enumerate(text) if c in "{}"]
    if how == "drop" and braces:
        i = draw(st.sampled_from(braces))
        return text[:i] + text[i + 1 :]
    if how == "add":
        i = draw(st.integers(0, len(text)))
        return text[:i] + draw(st.sampled_from(["{", "}", "{ }", "{{{{", "}}}}"])) + text[i:]
    if how == "wrap":
        decls = declarations(text)
        if decls:
            i = draw(st.integers(0, len(decls) - 1))
            decls[i] = "priority P9 {\n" + decls[i] + "}\n"
            return "".join(decls)
    if how == "repeat":
        decls = declarations(text)
        if decls:
            i = draw(st.integers(0, len(decls) - 1))
            decls.insert(i, decls[i] * draw(st.integers(1, 60)))
            return "".join(decls)
    if how == "open":
        return text + draw(st.sampled_from(["priority P1 {\n", "calendar x {\n"])) * draw(st.integers(1, 200))
    return text[: draw(st.integers(0, len(text)))]


SPECIAL_BYTES = [b"\x00", b"\xff", b"\xc3", b"\r", b"\x0c", b"\xc2\x85", b"\xe2\x80\xa8", b"\xef\xbb\xbf", b"\x1b"]


@st.composite
def mutate_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """Byte-level damage: flips, insertions of awkward bytes, deletions, copies, line-end changes."""
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["flip", "insert", "delete", "copy", "crlf", "cr", "bom"]))
        i = draw(st.integers(0, len(data)))
        if how == "flip" and data:
            i = min(i, len(data) - 1)
            data = data[:i] + bytes([data[i] ^ (1 << draw(st.integers(0, 7)))]) + data[i + 1 :]
        elif how == "insert":
            data = data[:i] + draw(st.sampled_from(SPECIAL_BYTES)) + data[i:]
        elif how == "delete":
            data = data[:i] + data[i + draw(st.integers(1, 64)) :]
        elif how == "copy":
            j = draw(st.integers(0, len(data)))
            data = data[:i] + data[j : j + draw(st.integers(1, 256))] + data[i:]
        elif how == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif how == "cr":
            data = data.replace(b"\n", b"\r")
        else:
            data = b"\xef\xbb\xbf" + data
    return data


# -- whole policies and their commands ----------------------------------------------------------------


@st.composite
def policy_text(draw: st.DrawFn, v: Values) -> str:
    """A policy from clicksoko's declarations and new ones, values drawn from ``v``.

    Sane: clicksoko's declarations, a few replaced by new ones of the same kind and name or
    with values changed, perhaps one more declaration. Wild: any mix, order and repetition.
    """
    capped = credit_total(v).map(lambda cap: _capped(HEADER, cap))  # (clicksoko's header with the cap)
    head = draw(st.one_of(st.just(HEADER), header(v), mutate_values(HEADER, v), capped))
    if not v.wild:
        body = list(BODY)
        for _ in range(draw(st.integers(1, 4))):
            i = draw(st.integers(0, len(body) - 1))
            body[i] = draw(st.one_of(mutate_values(body[i], v), same_kind(v, body[i])))
        if draw(st.booleans()):
            body.append(draw(st.one_of(calendar(v, "extra"), maintenance(v, "extra"), priority(v, "P4"))))
        if draw(st.booleans()):  # attributes and rules with `when` (issue 13), special cases first
            body = [draw(attribute(v, "plan")), draw(attribute(v, "channel")), *draw(plan_rules(v)), *body]
        return head + "\n" + "\n".join(body)
    pool = st.one_of(
        _pick(BODY),
        _pick(BODY).flatmap(lambda d: mutate_values(d, v)),
        calendar(v),
        maintenance(v),
        priority(v),
        others(v),
        attribute(v),
    )
    body = draw(st.lists(pool, min_size=1, max_size=12))
    if draw(st.booleans()):
        body = draw(st.permutations(body))
    return head + "\n" + "\n".join(body)


@st.composite
def instants(draw: st.DrawFn, v: Values) -> str:
    """A ``--from`` time for ``sla deadline``: ordinary, on a boundary, or at the ends of the calendar."""
    date = draw(st.one_of(_pick(["2026-11-27", "2026-12-31", "2026-04-01", "2027-09-23"]), v.dates))
    clock = draw(_pick(["10:00:00", "17:59:59.999999", "18:00:00", "00:00:00", "23:59:59", "12:30:00"]))
    offset = draw(_pick(["+09:00", "Z", "-12:00", "+14:00", "+05:45", "-03:30"]))
    return f"{date}T{clock}{offset}"


@st.composite
def commands(draw: st.DrawFn, text: str, v: Values) -> list[list[str]]:
    """``sla check`` and a few more commands over the policy ``{file}``."""
    prios = re.findall(r"^priority\s+(\w+)", text, flags=re.M) or ["P1"]
    start = draw(st.one_of(v.dates, _pick(["2026-01-01", "2026-11-01"])))
    end = draw(st.one_of(v.dates, _pick(["2027-01-01"])))
    odd_years = st.sampled_from([1, 1900, 2200, 9999] if v.wild else [1900, 2200])
    year = draw(st.one_of(st.integers(1990, 2100), odd_years))
    given = [f"{k}={draw(_pick(vals))}" for k, vals in ATTRIBUTES.items() if draw(st.booleans())]
    if v.wild:
        given += draw(st.lists(_pick(["plan=nope", "tier=x", "plan", "=", "plan==premium", "plan=premium"])))
    attrs = [a for g in given for a in ("--attribute", g)]
    options = [
        ["deadline", "{file}", "--priority", draw(_pick(prios)), "--from", draw(instants(v)), *attrs],
        ["maintenance", "{file}", "--from", start, "--to", end],
        ["calendar", "{file}", "--month", f"{year:04d}-{draw(st.integers(1, 12)):02d}"],
        ["evaluate", "{file}", "{log}", "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"],
        ["evaluate", "{policy}", "{file}", "{log}", "--from", "2026-11-01", "--to", "2026-12-01"],
        ["replay", "{policy}", "{file}", "{log}", "--from", "2026-11-01", "--to", "2026-12-01"],
        ["diff", "{policy}", "{file}", "--format", draw(_pick(["text", "json", "markdown"]))],
        ["fmt", "--check", "{file}"],
        ["test", "{file}", *TESTS],
        ["explain", "{file}", "{log}", "INC-001"],
    ]
    chosen = draw(st.lists(st.sampled_from(options), max_size=3, unique_by=lambda c: c[0]))
    return [["check", "{file}"], *chosen]


ALL_COMMANDS = [
    ["check", "{file}"],
    ["deadline", "{file}", "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
    ["maintenance", "{file}", "--from", "2026-01-01", "--to", "2027-01-01"],
    ["calendar", "{file}", "--month", "2026-11"],
    ["evaluate", "{file}", "{log}", "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"],
    ["diff", "{policy}", "{file}"],
    ["fmt", "--check", "{file}"],
]
"""The commands a corpus policy goes through when its file names none."""


@dataclass(frozen=True)
class PolicyCase:
    """A generated policy and the commands to run on it."""

    data: bytes
    commands: list[list[str]]

    def __repr__(self) -> str:
        return f"PolicyCase(<{len(self.data)} bytes>, {self.commands})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


@st.composite
def policy_cases(draw: st.DrawFn) -> PolicyCase:
    """A policy (grammar-aware, then perhaps broken in structure or bytes) and its commands."""
    v = draw(st.sampled_from([SANE, SANE, EDGE, WILD, WILD]))
    text = draw(policy_text(v))
    if v.wild and draw(st.integers(0, 2)) == 0:
        text = draw(mutate_nesting(text))
    data = text.encode("utf-8")
    if v.wild and draw(st.integers(0, 3)) == 0:
        data = draw(mutate_bytes(data))
    return PolicyCase(data, draw(commands(text, v)))


def corpus_commands(path: Path) -> list[list[str]]:
    """The commands a corpus file names on ``# fuzz:`` lines at its top, or the default set."""
    named = []
    for raw in path.read_bytes().splitlines()[:20]:
        line = raw.decode("utf-8", "replace")
        if line.startswith("# fuzz: "):
            named.append(shlex.split(line[len("# fuzz: ") :]))
        elif line.strip() and not line.startswith("#"):
            break
    return named or ALL_COMMANDS
