"""Static checks over a built model: references, and rules that look wrong.

Errors here are about references between declarations (an undefined calendar,
a duplicate priority). Warnings are about policies that are valid but
suspicious; they are found by computing, not by comparing numbers. Checks
that need compiled calendars (the P1 same-day guideline is checked by working
out real deadlines) belong to the policy stage, which hands them in as
``deep`` checks: this stage never imports a later one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from ..i18n.terms import ordinal
from . import model as m
from . import service_plans
from .check_clocks import Spots, check_clocks, spot
from .check_day_targets import check_day_targets
from .check_not_due import check_not_due
from .check_same_day import check_same_day
from .conditions import check_conditions, tests_any
from .credit_total import check as check_credit_total
from .diagnostics import Code, Diagnostic, Severity, Words, diagnostic, did_you_mean_words, listing, words
from .event_types import check as check_event_types
from .languages import check_languages, check_value_labels
from .peer_words import ELAPSED_WORDS
from .plain import CHECK_HORIZON_DAYS as CHECK_HORIZON_DAYS
from .plain import as_timedelta
from .values import legacy_zone, text_problems


def _err(code: str, message: str | Words, span: m.Span, help: str | Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help)


def _warn(code: str, message: str | Words, span: m.Span, help: str | Words | None = None) -> Diagnostic:
    return diagnostic(code, message, span, help=help, severity=Severity.WARNING)


#: A check that needs more than the model (compiled calendars): given by a later stage.
DeepCheck = Callable[[m.PolicyModel], list[Diagnostic]]

#: The kinds of declaration that may name an event (the users :func:`.event_types.check` looks at).
_EVENT_USERS = frozenset({"clock", "priority", "notify"})


def check_model(
    model: m.PolicyModel,
    dropped: set[tuple[str, str]] | None = None,
    computed: bool = True,
    deep: Sequence[DeepCheck] = (),
    spots: Spots | None = None,
    source: str = "",
) -> list[Diagnostic]:
    """Every reference error and warning about ``model``.

    ``dropped`` names declarations already reported broken: references to them
    are not reported again, nor what they may have covered or used (the coverage
    of a priority one of whose rules was dropped, a clock or event unused).
    ``computed`` runs the checks that compute, first the ``deep`` ones that the
    policy stage gives (deadlines on compiled calendars). ``spots``: where the
    lines that checks point at stand (:data:`.check_clocks.Spots`); without one,
    a finding about such a line points at its declaration. ``source``: the policy
    text, where a message quotes a line as written (:func:`written`) and whose texts are read as written
    (:func:`.values.text_problems`: a backslash that is no escape, a control character).
    """
    dropped = dropped or set()
    spots = spots or {}

    def broken(kind: str) -> set[str]:
        return {n for k, n in dropped if k == kind}

    out: list[Diagnostic] = []
    out += _duplicates(model)
    out += _calendar_refs(model, broken("calendar"), spots)
    out += _item_refs(model, dropped)
    out += _article_refs(model, broken("article"))
    out += _not_judged(model, spots, source)
    out += _nothing_excused(model, broken("planned_stop"), broken("maintenance"), spots)
    out += check_conditions(
        model, broken("attribute"), broken("priority"), spots, users_dropped=bool(broken("priority") | broken("notify"))
    )
    plans_known = not any(d.code == "E251" for d in out) and not tests_any(model, broken("attribute"))
    out += service_plans.checks(model) if plans_known else []  # issue 13
    # a rule dropped for its own error may have used a clock or an event: none is said unused
    out += check_clocks(model, broken("clock"), users_dropped=bool(broken("priority")), spots=spots)
    out += check_day_targets(model)  # `by 16:00 of 1st business day`, `by end of ... on CLOCK`
    out += check_not_due(model)  # `not due at A until B` on a clock with update or day-based targets
    out += check_event_types(model, users_dropped=any(k in _EVENT_USERS for k, _ in dropped))
    out += check_same_day(model)
    out += check_credit_total(model)
    out += check_languages(model)
    out += check_value_labels(model)
    out += _header_zone(model)
    if computed and not any(d.is_error for d in out):
        for check in deep:
            out += check(model)
        out += _maintenance_overlap(model)
        out += _retention(model)
    out += text_problems(source)  # (the texts as written: E017, W017; after the deep checks, which it never hides)
    return out


def _duplicates(model: m.PolicyModel) -> list[Diagnostic]:
    out = []
    groups: list[tuple[str, list[tuple[str, m.Span]]]] = [
        ("calendar", [(c.name, c.span) for c in model.calendars]),
        ("service", [(s.name, s.span) for s in model.services]),
        ("maintenance", [(x.name, x.span) for x in model.maintenance]),
        ("clock", [(c.name, c.span) for c in model.clocks]),
        ("priority", [(p.id, p.span) for p in model.priorities if p.when is None]),
        ("notification", [(n.name, n.span) for n in model.notifications]),
        ("backup", [(b.kind, b.span) for b in model.backups]),
        ("exclusion", [(e.cause, e.span) for e in model.exclusions]),
        ("item", [(str(i.number), i.span) for i in model.items]),
        ("article", [(str(a.number), a.span) for a in model.articles]),
        ("planned-stop rule", [(p.name, p.span) for p in model.planned_stops]),
    ]
    for kind, entries in groups:
        first: dict[str, m.Span] = {}
        for name, span in entries:
            if name in first:
                out.append(
                    _err(
                        "E200",
                        words("diag.E200", kind=words(f"diag.E200.kind.{kind}"), name=name),
                        span,
                        help=words("diag.E200.help", line=str(first[name].line)),
                    )
                )
            else:
                first[name] = span
    return out


def _header_zone(model: m.PolicyModel) -> list[Diagnostic]:
    """W204: the header's zone is an abbreviation the zone folder keeps (``EST``, ``MST``), not a place's.
    (A calendar's own zone is warned of where it is read, :mod:`.calendar_decl`.)"""
    zone = model.header.timezone
    legacy = legacy_zone(zone)
    if legacy is None:
        return []
    return [_warn("W204", words("diag.W204", zone=zone), model.header.timezone_span, help=legacy)]


def _counted_on(duration: m.Duration) -> Callable[[str], str]:
    """``duration`` as written with another calendar's name: ``4 desk hours`` for ``4 business hours``."""
    return lambda calendar: str(duration.model_copy(update={"calendar": calendar}))


def _nth_day_of(nth: int) -> Callable[[str], str]:
    """The day of ``respond by end of 1st business day`` as written with another calendar: ``1st desk day``."""
    return lambda calendar: f"{ordinal(nth)} {calendar} day"


def _calendar_refs(model: m.PolicyModel, broken: set[str], spots: Spots) -> list[Diagnostic]:
    cals = {c.name: c for c in model.calendars}
    # the calendars the file declares, those refused for their own errors too: a name near one is its typo
    declared = [*cals, *sorted(broken - cals.keys())]
    out: list[Diagnostic] = []

    # the calendar a word copied from an example (`4 business hours`, `1st business day`, `close of business`)
    # is to be rewritten with: the file's first one with hours on some weekday that is not open around the
    # clock (business hours, not a `24x7` one), else the first one with hours
    with_hours = [c for c in model.calendars if c.has_hours and c.open_weekdays()]
    counted = next((c for c in with_hours if not _never_closed(c)), with_hours[0] if with_hours else None)

    def need(
        name: str,
        span: m.Span,
        business: bool,
        what: str | Words,
        elapsed: str | None = None,
        rewrite: Callable[[str], str] | None = None,
    ) -> None:
        if name in broken:
            return
        if name not in cals:
            known = listing((f"`{c}`" for c in declared), ", ") if declared else words("diag.phrase.none")
            example = f"calendar {name} {{ ... }}"
            out.append(
                _err(
                    "E207",
                    words("diag.E207", name=name),
                    span,
                    help=(words("diag.E207.elapsed", fix=elapsed) if elapsed and name in ELAPSED_WORDS else None)
                    or did_you_mean_words(name, declared)
                    # (the word names a calendar, though examples make it look like a keyword of the
                    # language: say so, with the words written with one of the file's calendars)
                    or (
                        words(
                            "diag.E207.help.rewrite", name=name, fix=rewrite(counted.name), example=example, known=known
                        )
                        if rewrite is not None and counted is not None
                        else None
                    )
                    or words("diag.E207.help", example=example, known=known),
                )
            )
        elif business and (not cals[name].has_hours or not cals[name].open_weekdays()):
            missing = "hours" if not cals[name].has_hours else "days"
            out.append(
                _err(
                    "E206",
                    words("diag.E206", what=what, name=name, missing=words(f"diag.E206.missing.{missing}")),
                    span,
                    help=words(
                        "diag.E206.help", add="hours 10:00-18:00" if missing == "hours" else "days mon..fri", name=name
                    ),
                )
            )

    for node in m.walk(model):
        if isinstance(node, m.Duration) and node.calendar is not None:  # (`120 real minutes`: elapsed time meant)
            elapsed = str(node.model_copy(update={"calendar": None}))
            need(node.calendar, node.span, True, f"`{node}`", elapsed, _counted_on(node))
        elif isinstance(node, m.ByEndOf):
            need(node.calendar, node.span, True, words("diag.E206.what.target"), rewrite=_nth_day_of(node.nth))
        elif isinstance(node, m.SameDayGuideline):
            need(node.calendar, node.span, True, words("diag.E206.what.same-day"), rewrite=lambda c: f"close of {c}")
        elif isinstance(node, m.ServiceHours) and node.calendar is not None:
            need(node.calendar, node.span, False, words("diag.E206.what.service"))
    for mt in model.maintenance:
        if mt.calendar is not None:
            at = spot(spots, "maintenance", mt.span, "calendar")  # (its `calendar NAME`, not the block)
            need(mt.calendar, at, False, words("diag.E206.what.maintenance"))
    for n in model.notifications:
        if n.only_during is not None:
            need(n.only_during, n.only_during_span, True, words("diag.E206.what.condition"))
    for p in model.priorities:  # `, plus 24 hours if received outside business hours`
        for t in p.targets:
            if t.out_of_hours is not None:
                ooh = t.out_of_hours
                need(ooh.calendar, ooh.calendar_span, True, words("diag.E206.what.out_of_hours"))
                if ooh.calendar in cals and _never_closed(cals[ooh.calendar]):
                    out.append(_never_outside(ooh, cals.values()))
    return out


def _never_outside(ooh: m.OutOfHours, calendars: Iterable[m.Calendar]) -> Diagnostic:
    """W264: an out-of-hours addition on a calendar open at every hour of every day, which no receipt is
    outside of (the help names the calendars with closed time, if there are)."""
    closes = [f"`{c.name}`" for c in calendars if c.has_hours and c.open_weekdays() and not _never_closed(c)]
    help = (
        words("diag.W264.help", known=listing(closes, ", "))
        if closes
        else words("diag.W264.help.none", calendar=ooh.calendar)
    )
    return _warn("W264", words("diag.W264", calendar=ooh.calendar), ooh.calendar_span, help=help)


def _never_closed(cal: m.Calendar) -> bool:
    """Whether ``cal`` is open at every instant: its open weekdays' hours cover the whole week (``mon..sun
    00:00-24:00``), and it has no holiday, closure or hours of a date."""
    dated = cal.date_hours or cal.closed_hours or cal.closed or cal.closed_yearly
    if dated or cal.holidays or cal.named_holidays or cal.yearly_holidays:
        return False
    week = 7 * 1440
    spans: list[tuple[int, int]] = []
    for day in cal.open_weekdays():
        for r in cal.weekday_ranges(day):
            start, end = day.index * 1440 + r.start.minutes, day.index * 1440 + r.end_minutes
            spans += [(start, min(end, week)), *([(0, end - week)] if end > week else [])]  # (Sunday overnight)
    reach = 0
    for start, end in sorted(spans):
        if start > reach:
            return False
        reach = max(reach, end)
    return reach >= week


def _item_refs(model: m.PolicyModel, dropped: set[tuple[str, str]]) -> list[Diagnostic]:
    names: dict[str, set[str]] = {
        "calendar": {c.name for c in model.calendars},
        "service": {s.name for s in model.services},
        "maintenance": {x.name for x in model.maintenance},
        "clock": {c.name for c in model.clocks},
        "priority": {p.id for p in model.priorities},
        "notify": {n.name for n in model.notifications},
        "backup": {b.kind for b in model.backups},
        "exclude": {e.cause for e in model.exclusions},
        "planned_stop": {p.name for p in model.planned_stops},
    }
    out = []
    for item in model.items:
        for r in item.rules:
            pool = names.get(r.kind, set())
            if r.name not in pool and (r.kind, r.name) not in dropped:
                near = pool | {n for k, n in dropped if k == r.kind}  # (one refused for its own error too)
                text = (
                    words("diag.E218.planned_stop", item=str(item.number))
                    if r.kind == "planned_stop"
                    else words("diag.E218", item=str(item.number), kind=words(f"diag.E218.kind.{r.kind}"), name=r.name)
                )
                out.append(_err("E218", text, r.span, help=did_you_mean_words(r.name, near) or _rule_help(r, pool)))
    return out


def _rule_help(ref: m.ItemRef, pool: set[str]) -> Words:
    """The help of E218 where no defined name is near: the declaration to write, or the reference to drop."""
    if ref.kind == "planned_stop":
        return words("diag.E218.help.planned_stop", example="planned stop { notice ... }")
    known = listing((f"`{n}`" for n in sorted(pool)), ", ") if pool else words("diag.phrase.none")
    example = f'exclude {ref.name} "…"' if ref.kind == "exclude" else f"{ref.kind} {ref.name} {{ ... }}"
    return words("diag.E218.help", example=example, known=known)


def _article_refs(model: m.PolicyModel, broken: set[str]) -> list[Diagnostic]:
    if not model.articles:
        return []
    numbers = {a.number for a in model.articles}
    out = []
    for node in m.walk(model):
        if isinstance(node, m.ArticleRef) and node.article not in numbers and str(node.article) not in broken:
            out.append(
                _warn(
                    "W304",
                    words("diag.W304", article=str(node.article)),
                    node.span,
                    help=words("diag.W304.help", example=f'article {node.article} "..." / "..."'),
                )
            )
    return out


def _maintenance_overlap(model: m.PolicyModel) -> list[Diagnostic]:
    out = []
    cals = {c.name: c for c in model.calendars}
    for mt in model.maintenance:
        cal = cals.get(mt.calendar or "")
        if cal is None:
            continue
        for rng in cal.hours:
            if mt.hours.start.minutes < rng.end.minutes and rng.start.minutes < mt.hours.end.minutes:
                out.append(
                    _warn(
                        "W302",
                        words("diag.W302", name=mt.name, window=str(mt.hours), hours=str(rng), calendar=cal.name),
                        mt.hours.span,
                        help=words("diag.W302.help"),
                    )
                )
                break
    return out


def _retention(model: m.PolicyModel) -> list[Diagnostic]:
    out = []
    for b in model.backups:
        if b.every is None or b.keep is None:
            continue
        if b.every.calendar is None and b.keep.calendar is None and as_timedelta(b.keep) < as_timedelta(b.every):
            out.append(
                _warn(
                    "W303",
                    words("diag.W303", kind=b.kind, keep=Code(str(b.keep)), every=Code(str(b.every))),
                    b.keep.span,
                    help=words("diag.W303.help", every=Code(str(b.every))),
                )
            )
    return out


def _nothing_excused(
    model: m.PolicyModel, stops_broken: set[str], maintenance_broken: set[str], spots: Spots
) -> list[Diagnostic]:
    """W258: an ``except`` of a service's hours that can never take effect, as nothing declares what it names.

    ``except planned stops`` excuses the windows of validly noticed planned stops, and a stop is noticed
    validly only under a ``planned stop`` block (without one the evaluator says "the policy has no
    planned-stop rule: the stop is not excused"); ``except maintenance`` excuses the windows of the
    ``maintenance`` blocks. With no such block the word is accepted and judged, and excuses nothing:
    a warning, as for a rule that can never apply (W250, W256), not an error (the policy is valid and
    what it does is defined). Not said when such a block was refused for its own error, nor when an
    item's ``rules`` names one (E218 already says the block is missing: one finding for it). The finding
    points at the word, where the compiler hands in its spot (``("service", line, column,
    "except:maintenance")`` or ``"except:planned_stops"``, of the service's declaration), else at the
    ``hours`` line; its help gives the ``hours`` line without the words that excuse nothing.
    """
    named = {r.kind for item in model.items for r in item.rules}  # (an item naming a missing one: E218)
    no_windows = not (model.maintenance or maintenance_broken or "maintenance" in named)
    no_stops = not (model.planned_stops or stops_broken or "planned_stop" in named)
    out: list[Diagnostic] = []
    for svc in model.services:
        hours = svc.hours
        idle_windows = hours.except_maintenance and no_windows
        idle_stops = hours.except_planned_stops and no_stops
        if not (idle_windows or idle_stops):
            continue
        kept = [
            said
            for said, stays in (
                ("maintenance", hours.except_maintenance and not idle_windows),
                ("planned stops", hours.except_planned_stops and not idle_stops),
            )
            if stays
        ]
        line = f"hours {hours.calendar}" + (f" except {', '.join(kept)}" if kept else "")
        for word, idle in (("maintenance", idle_windows), ("planned_stops", idle_stops)):
            if idle:
                at = spots.get(("service", svc.span.line, svc.span.column, f"except:{word}"), hours.span)
                said = words(f"diag.W258.{word}", name=svc.name)
                out.append(_warn("W258", said, at, help=words(f"diag.W258.{word}.help", hours=line)))
    return out


#: The code of a rule the language accepts but the evaluator would not judge (see :func:`_not_judged`).
NOT_JUDGED = "E220"


def written(source: str, span: m.Span) -> str:
    """The text of ``source`` at ``span`` on one line, as a message quotes a statement the author wrote: its
    comments left out, its blanks run together (``""`` where there is no source)."""
    if not source or span == m.NO_SPAN:
        return ""
    lines = source.split("\n")[span.line - 1 : span.end_line]
    if not lines:
        return ""
    lines[-1] = lines[-1][: span.end_column - 1]
    lines[0] = lines[0][span.column - 1 :]
    return " ".join(" ".join(ln.split("#", 1)[0] if '"' not in ln else ln for ln in lines).split())


def _not_judged(model: m.PolicyModel, spots: Spots | None = None, source: str = "") -> list[Diagnostic]:
    """Rules that parse but that the evaluator would ignore or misread: refused, never silently accepted.

    The evaluator judges one planned-stop rule, one notification target on an ``outage.*`` event, any
    number of measured services, maintenance windows without notice (no event announces one), and
    backups taken in windows of N hours (N dividing a day) or every N elapsed days, weeks or months.
    Anything beyond that is an error here until the evaluator judges it, so a policy that passes
    ``sla check`` is enforced as written. (A second completion by silence is refused where it is read,
    :mod:`.transformer`: the model holds one.) A notify rule's events are pointed at where they stand
    (``spots``: the ``met by`` event of another kind of record, the ``after`` event that starts no
    judged target), else at the rule. A notice is quoted as written (``source``: the text, and ``spots``:
    where its line stands), channels and all.
    """
    spots = spots or {}
    out: list[Diagnostic] = []

    def refuse(span: m.Span, variant: str, **args: str) -> None:
        key = f"diag.E220.{variant}"
        out.append(_err(NOT_JUDGED, words(key, **args), span, help=words(f"{key}.help", **args)))

    for stop in model.planned_stops[1:]:
        refuse(stop.span, "planned_stop", name=stop.name, first=model.planned_stops[0].name)
    day_units = (m.TimeUnit.DAY, m.TimeUnit.WEEK, m.TimeUnit.MONTH)
    for stop in model.planned_stops:
        lead = stop.notice
        if stop.anchor is m.NoticeAnchor.START_DATE and (lead.calendar is not None or lead.unit not in day_units):
            at = spot(spots, "planned_stop", stop.span, "notice")
            said = (written(source, at) if at != stop.span else "") or (
                f"notice {lead} before start date by {', '.join(stop.channels)}"
            )
            from_start = re.sub(r"\bstart\s+date\b", "start", said, count=1)
            refuse(lead.span, "notice", notice=said, notice_start=from_start)
    for mt in model.maintenance:  # (no event announces a window: its notice would go unjudged)
        if mt.notice is not None:
            refuse(mt.notice.span, "maintenance_notice", name=mt.name, lead=f"notice {mt.notice} before")
    for n in model.notifications:
        if n.after.split(".")[0] != n.met_by.split(".")[0]:
            refuse(
                spot(spots, "notify", n.span, "met_by"), "notify_records", name=n.name, after=n.after, met_by=n.met_by
            )
        elif not n.after.startswith(("outage.", "incident.")):
            refuse(spot(spots, "notify", n.span, "after"), "notify_event", name=n.name, after=n.after)
    for b in model.backups:
        if b.continuous and b.every is None and not b.other_zone and b.keep is None:  # nothing says it broke
            refuse(b.span, "continuous", kind=b.kind)
        every = b.every
        if every is None:
            continue
        hourly = every.unit is m.TimeUnit.HOUR and every.amount > 0 and 24 % every.amount == 0
        sub_hour = every.unit in (m.TimeUnit.SECOND, m.TimeUnit.MINUTE)
        if every.calendar is not None or sub_hour or (every.unit is m.TimeUnit.HOUR and not hourly):
            refuse(every.span, "backup", kind=b.kind, every=str(every))
    return out
