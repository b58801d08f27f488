"""``sla deadline``, ``sla maintenance`` and ``sla calendar``: the calendar on the command line.

Design notes
------------
* Each command reads its policies as ``sla evaluate`` does
  (:func:`~sla_dsl.policy.load.load_policies`: files, or directories of
  ``*.sla`` files, each a version of the policy under Article 5) and prints
  times as ISO 8601 in the policy's zone with its offset, one per line in text
  form (``deadline``: the due time; ``maintenance``: ``START/END`` per window
  starting in ``[from, to)``), or one JSON document with ``--format json``;
  ``maintenance --format ics`` writes an iCalendar feed
  (:mod:`sla_dsl.report.ical`, the writer of the site's ``maintenance.ics``).
* Each result comes from the version in force at its start, as the evaluator
  chooses it (:class:`sla_dsl.evaluation.in_force.VersionsInForce`):
  ``deadline`` the one in force at ``--from``, ``maintenance`` each window's
  at the window's start (the windows the evaluator excuses outages in),
  ``calendar`` each day's at its 00:00; before the earliest version, the
  earliest. The versions used are named as the evaluator's explanations name
  them (``judged under version 2026.1 (effective 2026-04-01)``, and ``no
  version in force yet: ...`` for a result before the earliest; one policy
  alone is named only then): a note in the command's language, on stderr as
  ``sla: note: ...`` in text and iCalendar form (stdout keeps what scripts
  read: a due time, ``START/END`` lines, a feed), and as ``notes`` in a JSON
  document (absent when there is none, so that one policy in force gives the
  bytes it always gave). With several versions the JSON names each window's
  and day's ``policy_version``; its ``policy`` is the version in force at
  ``--from`` (``calendar``: on the month's first day, whose calendar names the
  grid). A version numbered after another that takes effect later (W307) is
  noted only when the question reaches the date of the higher-numbered one
  (``deadline``: ``--from`` at or after its 00:00; ``maintenance``: ``--to``
  after it; ``calendar``: a day of the month or the window range after it), or
  when that version answers as the earliest: before it neither answers
  (:meth:`~sla_dsl.evaluation.in_force.VersionsInForce.shadowed`).
* A time without its UTC offset is refused with the line to write in the policy's zone: the time with the
  offset it has there, both where the clock shows it twice, the jump where it skips it
  (:func:`~sla_dsl.calendars.timeargs.no_offset`).
* Bad values (an unparseable or naive time, an unknown priority, ``--to`` not
  after ``--from``, a malformed month, a time or month outside the supported
  years) raise :class:`~sla_dsl.errors.InputError` with the flag and the value
  in backticks, read inside :func:`~sla_dsl.errors.flag_values`: ``sla``'s
  main prints it and exits 2 (wrong usage, the contract's code; 1 is for an
  invalid policy or log). A due time that would fall after the supported years
  names ``--from`` too, and exits 1 (the policy's targets run past them).
  Missing or unknown flags are argparse's usage errors (exit 2).
* ``deadline --target NAME`` (repeatable) and ``--all`` print, instead of the response's due time alone,
  a line per target (``KEY  DUE  LABEL``; in JSON a ``targets`` list, each labelled in the languages the
  policy declares, never in one it does not): ``response`` for the plain
  ``respond within``, and each named target of the rule the attributes select by the key the report's
  rows give it. Their due times are the evaluator's for an incident whose clocks all start at ``--from``
  and never pause (:func:`~sla_dsl.evaluation.target_dues.target_dues`: the judge of named targets
  itself, never a copy of its arithmetic). A name the rule does not have is wrong usage (exit 2), as an
  unknown priority is, naming those it has.
* ``calendar`` prints a month like ``cal``: a day followed by ``.`` is not a
  business day, ``*`` a holiday or closure, ``M`` the day a maintenance window
  starts (``.M``, ``*M``: a window on a day that is not a business day, the
  cells of such a month one wider); a legend below names the holidays and the
  windows. Its heading names the calendar's zone as the site does
  (:func:`~sla_dsl.i18n.places.zone_name`: ``ロンドン時間`` / ``London time``),
  never by its IANA id in Japanese, and the grid is on that zone's clock: a
  window marks, and is listed on, the day it starts there, with its hours on
  that clock (a calendar with its own zone shows a window of the policy's
  Sunday 08:00 Tokyo on New York's Saturday, 19:00-20:00). The JSON lists the
  same windows, with times in the policy's zone as every command writes them.
  A window due on a day of the month that its roll moved into another month (a
  closure over the month's end) is in neither month's list of windows starting
  there: the day it was due says where it went, a line under the legend
  (``24  定期メンテナンス停止：2027-01-04 に移動（休業日）``) and, in the JSON, that
  day's ``maintenance_moved_away`` (the windows as ``maintenance`` lists them;
  absent on every other day) (:func:`_moved_away`).
* A window's JSON (``maintenance`` and ``calendar``) says why it moved in each language its version
  declares, as ``deadline`` labels its targets: ``reason`` (English) and ``reason_ja`` (Japanese) of a
  policy declaring both or none, ``reason`` alone of ``languages en``, ``reason_ja`` alone of ``languages
  ja``. These fields are not the report's contract (its ``maintenance`` rows keep their English
  ``reason``), and a field for an undeclared language held no text of it: the policy's label in the other
  language, or the catalogue's word (``休業日``) beside an English-only policy.
* Words a person reads (the grid's, the iCalendar summaries, an unknown
  priority or calendar, a bad policy's diagnostics) are in ``--lang``, else the
  policy's primary language (:mod:`.langs`); the grid's words come from the
  catalogue (:mod:`sla_dsl.i18n.cli`).
* Text from the policy written for a terminal (the grid's heading and legend:
  the policy's name, the calendar's and the maintenance windows' labels,
  holiday names; a version in a ``sla: note: ...``) shows every control
  character as its escape (:func:`~sla_dsl.report.escape.printable`: ``\\x1b``,
  ``\\u202e``, a newline as ``\\n``), so that it neither drives the terminal nor
  splits a line. JSON keeps the exact texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from ..calendars.bounds import FIRST_YEAR, LAST_YEAR, OutOfRangeError
from ..calendars.intervals import wall_to_epoch
from ..calendars.timeargs import EXAMPLE, FLAGS, error_lang, parse_edge, parse_instant
from ..errors import InputError, UsageError, flag_values
from ..events.problems import event_problems_in
from ..i18n import LANGS, format_date, message, offset_on_change
from ..i18n.width import display_width
from ..lang import model as m
from ..lang.check_clocks import response_clock
from ..lang.diagnostics import words
from ..lang.plain import policy_languages
from ..report.escape import printable
from .langs import lang_option, model_lang

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from ..calendars.business import BusinessCalendar
    from ..calendars.recurrence import Window
    from ..evaluation.in_force import VersionsInForce
    from ..policy.compiled import Policy

#: the grid's day marks and their catalogue words (``cli.calendar.legend.<name>``), in legend order
LEGEND = {".": "closed", "*": "holiday", "M": "maintenance"}
MONTHS_EN = ("January February March April May June July August September October November December").split()


def add_parsers(sub: argparse._SubParsersAction[Any], lang: str = "en") -> None:
    """Register ``deadline``, ``maintenance`` and ``calendar`` on the ``sla`` subparsers, their help in ``lang``."""

    def h(key: str, **fields: object) -> str:
        return message(f"cli.help.{key}", lang, **fields)

    p = sub.add_parser("deadline", help=h("deadline"))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=h("versions.deadline"))
    p.add_argument("--priority", required=True, metavar="P", help=h("deadline.priority"))
    p.add_argument("--from", dest="start", required=True, metavar="TIME", help=h("deadline.from", example=EXAMPLE))
    p.add_argument(
        "--attribute",
        dest="attributes",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=h("deadline.attribute"),
    )
    which = p.add_mutually_exclusive_group()
    which.add_argument(
        "--target", dest="targets", action="append", default=[], metavar="NAME", help=h("deadline.target")
    )
    which.add_argument("--all", dest="all_targets", action="store_true", help=h("deadline.all"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=h("deadline.format"))
    lang_option(p, lang, "policy")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser("maintenance", help=h("maintenance"))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=h("versions.maintenance"))
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help=h("maintenance.from"))
    p.add_argument("--to", dest="end", required=True, metavar="DATE", help=h("maintenance.to"))
    p.add_argument("--format", choices=("text", "json", "ics"), default="text", help=h("maintenance.format"))
    lang_option(p, lang, "maintenance")
    p.set_defaults(func=cmd_maintenance)

    p = sub.add_parser("calendar", help=h("calendar"))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=h("versions.calendar"))
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=h("calendar.month"))
    p.add_argument("--calendar", dest="calendar_name", metavar="NAME", help=h("calendar.calendar"))
    lang_option(p, lang, "calendar")
    p.add_argument("--format", choices=("text", "json"), default="text", help=h("calendar.format"))
    p.set_defaults(func=cmd_calendar)


def _load(args: argparse.Namespace) -> VersionsInForce:
    """The versions ``args.policy`` names, read as ``sla evaluate`` reads them (refusals in ``--lang``)."""
    from ..evaluation.in_force import VersionsInForce
    from ..policy import load_policies

    return VersionsInForce(load_policies(args.policy, args.lang))


def _check_given(versions: VersionsInForce, policy: Policy, pid: str, given: dict[str, str], lang: str) -> None:
    """InputError in ``lang`` when ``policy`` (the version in force at ``--from``) does not define priority
    ``pid`` or declare an attribute or value of ``given``: naming that version and its date, and the first
    later version that has it, from its date (:meth:`~sla_dsl.evaluation.in_force.VersionsInForce.lacks`)."""
    lines: list[str] = []
    for told, help in versions.lacks(policy, pid, given, lang, "--from"):
        lines.append(told)
        if help is not None:
            lines.append(f"{message('diag.word.help', lang)}: {help}")
    if lines:
        raise InputError("\n".join(lines), lang=error_lang(lang))


def _say(notes: Iterable[str | None], lang: str) -> list[str]:
    """``notes`` without repeats or gaps, each written on stderr as ``sla: note: ...`` in ``lang`` (a control
    character of a version's name as its escape)."""
    kept = _kept(notes)
    word = message("cli.note", lang)
    for note in kept:
        print(printable(f"sla: {word}: {note}"), file=sys.stderr)
    return kept


def _kept(notes: Iterable[str | None]) -> list[str]:
    """``notes`` in order, without repeats or ``None``."""
    return [n for n in dict.fromkeys(notes) if n is not None]


def _unknown(kind: str, name: str, known: Iterable[str], lang: str) -> str:
    """``unknown priority `P9` (this policy has P1, P2)`` in ``lang``, from the catalogue."""
    return message(f"cli.unknown.{kind}", lang, name=name, known=("、" if lang == "ja" else ", ").join(known))


def _lang(args: argparse.Namespace, versions: VersionsInForce) -> str:
    """The language of the output: ``--lang``, else the policy's primary one (as its diagnostics; of its
    earliest version, as ``sla evaluate``'s report)."""
    return model_lang(args, versions.earliest.model)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_deadline(args: argparse.Namespace) -> int:
    """``sla deadline``: print the response due time, under the version in force at ``--from``."""
    versions = _load(args)
    lang = _lang(args, versions)
    with flag_values():
        start = parse_instant(args.start, "--from", lang, versions.earliest.tz)  # (every version's zone)
        policy = versions.at(start)
        given = _attributes(args.attributes, lang)
        if versions.several:  # (what the version in force at --from lacks, named with it and when a later has it)
            _check_given(versions, policy, args.priority, given, lang)
        try:
            priority = policy.priority(args.priority, given, lang)
        except KeyError:
            ids = dict.fromkeys(p.id for p in policy.model.priorities)
            raise InputError(_unknown("priority", args.priority, ids, lang), lang=lang) from None
        wanted = _wanted(args.targets, priority, lang) if args.targets else None
    try:
        with event_problems_in(lang):  # (the calendars' refusals, in the command's language)
            due = policy.due(priority.target, start)
            named = _named(policy, priority, start, due, wanted) if wanted is not None or args.all_targets else None
    except OutOfRangeError as exc:  # (the due time is after the supported years: why, after the flag it came from)
        said = words("cli.deadline.after_range", flag="--from", value=args.start, reason=exc.words)
        raise OutOfRangeError(said, error_lang(lang)) from None
    notes = [versions.note(policy, start, lang), *versions.shadowed(lang, start, used=[policy])]
    if args.format == "json":
        data: dict[str, object] = {
            "policy": {"name": policy.name, "version": policy.version},
            "priority": priority.id,
            "clock_start": start.astimezone(policy.tz).isoformat(),
            "response_due": due.isoformat(),
            # the rule the attributes select (issue 13): its line and condition (null: none)
            "attributes": given,
            "rule": {"line": priority.span.line, "when": str(priority.when) if priority.when else None},
        }
        if named is not None:
            data["targets"] = [_target_json(policy, d) for d in named]
        _print_json(_noted(data, notes))
    elif named is not None:
        width = max(len(d.key) for d in named)
        for d in named:
            print(printable(f"{d.key:<{width}}  {_iso(d.due)}  {_label(policy, d, lang)}"))
        _say(notes, lang)
    else:
        print(due.isoformat())
        _say(notes, lang)
    return 0


#: The key of the plain ``respond within`` among the targets (``response_due`` of a report's row): a named
#: target's key is its kind (``respond`` for ``respond within ... on CLOCK``), never this one.
RESPONSE = "response"


class _Due(NamedTuple):
    """A line of ``sla deadline --target``/``--all``: a target's key, its kind, its clock, its due time and
    the out-of-hours extra its start earned (the named target's :class:`~sla_dsl.evaluation.target_dues.TargetDue`;
    the response's: no extra)."""

    key: str
    kind: str
    clock: str | None
    due: dt.datetime | None
    extra: m.Duration | None
    calendar: str | None


def _wanted(names: list[str], priority: m.Priority, lang: str) -> list[str]:
    """The ``--target`` names, once each in the order given (InputError in ``lang`` for one the rule of the
    priority that applies does not have, naming those it has)."""
    keys = [RESPONSE, *dict.fromkeys(t.name for t in priority.targets)]
    wanted = list(dict.fromkeys(n.strip() for n in names))
    on_clock: dict[str, list[str]] = {}  # (a clock's name given for a target's: `--target first_response`)
    for t in priority.targets:
        on_clock.setdefault(t.clock, []).append(t.name)
    for name in wanted:
        if name not in keys:
            sep = message("author.sep.list", lang)
            known = sep.join(f"`{k}`" for k in keys)
            if name in on_clock:
                measured = sep.join(f"`{k}`" for k in dict.fromkeys(on_clock[name]))
                said = message("cli.unknown.target.clock", lang, name=name, priority=priority.id, targets=measured)
            else:
                said = message("cli.unknown.target", lang, name=name, priority=priority.id, known=known)
            raise InputError(said, lang=error_lang(lang))
    return wanted


def _named(
    policy: Policy, priority: m.Priority, start: dt.datetime, due: dt.datetime, wanted: list[str] | None
) -> list[_Due]:
    """The response (due ``due``) and the named targets of ``priority`` for clocks starting at ``start``, due as
    the evaluator judges them (:func:`~sla_dsl.evaluation.target_dues.target_dues`); of ``wanted`` only, in
    its order (all, in the rule's order, when None)."""
    from ..evaluation.target_dues import target_dues

    clock = response_clock(policy.model)
    out = [_Due(RESPONSE, "respond", clock.name if clock is not None else None, due, None, None)]
    for d in target_dues(policy, priority, start.timestamp()):
        ooh = d.target.out_of_hours if d.out_of_hours is not None else None
        out.append(
            _Due(d.key, d.target.kind, d.clock, d.due, ooh.extra if ooh else None, ooh.calendar if ooh else None)
        )
    return out if wanted is None else [d for name in wanted for d in out if d.key == name]


def _iso(t: dt.datetime | None) -> str:
    return t.isoformat() if t is not None else "-"


def _label(policy: Policy, d: _Due, lang: str) -> str:
    """A target as a person reads it in ``lang``: ``解決（解決までの時間）`` / ``Resolution (Time to
    resolution)``, a next reply by its clock's label alone (:mod:`sla_dsl.report.target_names`: ``Reply to
    each message``, never "First reply"), with the out-of-hours extra its start earned."""
    from ..report.target_names import target_on
    from ..report.words import PolicyWords

    w = PolicyWords([policy], lang)
    label = target_on(w, d.kind, d.clock)
    if d.extra is None or d.calendar is None:
        return label
    if d.calendar == m.BUSINESS:  # (what "business hours" means in a policy)
        return message("cli.deadline.target.out_of_hours", lang, label=label, extra=w.duration(d.extra))
    cal = w.calendar_label(d.calendar)
    return message("cli.deadline.target.out_of_hours_on", lang, label=label, extra=w.duration(d.extra), calendar=cal)


def _target_json(policy: Policy, d: _Due) -> dict[str, object]:
    """A target of ``sla deadline --format json``: its key, kind, clock, label in each language the policy
    declares (both, ``ja`` first, for one that declares none), due time and the out-of-hours extra its start
    earned (null: none). A language the policy does not declare has none of its texts: its label would mix
    the catalogue's words with the policy's texts in another language (``応答（Create）``)."""
    ooh = None if d.extra is None or d.calendar is None else {"calendar": d.calendar, "extra": str(d.extra)}
    declared = policy_languages(policy.model.header)
    return {
        "key": d.key,
        "kind": d.kind,
        "clock": d.clock,
        "label": {lang: _label(policy, d, lang) for lang in LANGS if lang in declared},
        "due": d.due.isoformat() if d.due is not None else None,
        "out_of_hours": ooh,
    }


def _noted(data: dict[str, object], notes: Iterable[str | None]) -> dict[str, object]:
    """A JSON document with its ``notes`` (the versions used), when it has any."""
    kept = _kept(notes)
    return {**data, "notes": kept} if kept else data


def _attributes(pairs: list[str], lang: str) -> dict[str, str]:
    """``--attribute NAME=VALUE`` flags as a mapping (InputError in ``lang`` for one without ``=`` or given
    twice)."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, eq, value = pair.partition("=")
        name, value = name.strip(), value.strip()
        if not eq or not name or not value:
            example = "--attribute plan=premium"
            raise _said("cli.attribute.not_pair", lang, flag="--attribute", pair=pair, example=example)
        if name in out:
            raise _said("cli.attribute.twice", lang, flag="--attribute", name=name)
        out[name] = value
    return out


def _said(key: str, lang: str, **fields: object) -> InputError:
    """The input error ``key`` of the catalogue, in ``lang`` (``help:`` in that language too)."""
    return InputError(message(key, lang, help=message("diag.word.help", lang), **fields), lang=error_lang(lang))


def _window_json(w: Window, policy: Policy, several: bool = False) -> dict[str, object]:
    """A window in JSON, from the version ``policy``; with the ``policy_version`` it comes from when
    ``several`` versions are given. Why it moved is said in each language that version declares
    (``reason`` in English, ``reason_ja`` in Japanese; both for one that declares none), as ``sla deadline``
    labels its targets: a language the policy does not declare has none of its texts, and the field would
    hold the policy's label in the other language (``Company outing``) or the catalogue's word beside it
    (``休業日``)."""
    declared = policy_languages(policy.model.header)
    data: dict[str, object] = {
        "start": w.start.isoformat(),
        "end": w.end.isoformat(),
        "name": w.name,
        "scheduled": w.scheduled.isoformat(),
        "day": w.day.isoformat(),
        "moved": w.moved,
    }
    if "en" in declared:
        data["reason"] = w.reason
    if "ja" in declared:
        data["reason_ja"] = w.reason_ja
    if several:
        data["policy_version"] = policy.version
    return data


def cmd_maintenance(args: argparse.Namespace) -> int:
    """``sla maintenance``: print every window starting in [from, to), each from the version in force at its
    start."""
    versions = _load(args)
    lang = _lang(args, versions)
    tz = versions.earliest.tz  # (every version's: a later one in another zone is refused)
    with flag_values():
        start = parse_edge(args.start, tz, "--from", lang)
        end = parse_edge(args.end, tz, "--to", lang)
        if end <= start:
            said = message("author.time.not_after", lang, start=args.start, end=args.end, **FLAGS)
            raise InputError(said, lang="ja" if lang == "ja" else None)
    with event_problems_in(lang):
        found = versions.windows(start, end)
    windows = [w for w, _ in found]
    policy = versions.at(start)  # (the document's policy: the version in force at --from)
    notes = [versions.note(p, w.start, lang) for w, p in found]
    notes += versions.shadowed(lang, start, end, used=[policy, *(p for _, p in found)])
    if args.format == "ics":
        from ..report.ical import write_maintenance_ics

        _say(notes, lang)
        sys.stdout.flush()
        write_maintenance_ics(policy, windows, lang, start, sys.stdout.buffer)  # (streamed: a decade is megabytes)
        sys.stdout.buffer.flush()
        return 0
    if args.format == "json":
        data: dict[str, object] = {
            "policy": {"name": policy.name, "version": policy.version},
            "from": start.astimezone(policy.tz).isoformat(),
            "to": end.astimezone(policy.tz).isoformat(),
            "maintenance": [_window_json(w, p, versions.several) for w, p in found],
        }
        _print_json(_noted(data, notes))
    else:
        for w in windows:
            print(f"{w.start.isoformat()}/{w.end.isoformat()}")
        _say(notes, lang)
    return 0


def _month(text: str, lang: str) -> tuple[dt.date, dt.date]:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise _said("cli.month.not_month", lang, flag="--month", text=text, example="2026-09")
    year, month = int(match[1]), int(match[2])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        said = words("cli.month.out_of_range", flag="--month", text=text, first=str(FIRST_YEAR), last=str(LAST_YEAR))
        raise OutOfRangeError(said, error_lang(lang))
    first = dt.date(year, month, 1)
    return first, dt.date(year + month // 12, month % 12 + 1, 1)


def cmd_calendar(args: argparse.Namespace) -> int:
    """``sla calendar``: print a month grid with business days, holidays and maintenance, each day by the
    version in force that day."""
    from ..i18n.places import zone_name  # (Babel's tables: only for the grid's heading)

    versions = _load(args)
    lang = _lang(args, versions)
    with flag_values():
        first, after = _month(args.month, lang)
    days = [first + dt.timedelta(days=k) for k in range((after - first).days)]
    tz = versions.earliest.tz  # (every version's: a later one in another zone is refused)
    of_day = {d: versions.at(dt.datetime(d.year, d.month, d.day, tzinfo=tz)) for d in days}
    cals: dict[int, BusinessCalendar] = {}
    for version in dict.fromkeys(of_day.values()):  # the versions in force during the month
        try:  # (a policy with no calendar to show when none is named: the policy's problem, exit 1)
            cals[id(version)] = version.calendar(args.calendar_name)
        except KeyError:  # a --calendar the policy does not have: wrong usage
            names = [c.name for c in version.model.calendars]
            raise UsageError(_unknown("calendar", args.calendar_name, names, lang), lang=lang) from None
    day_cal = {d: cals[id(of_day[d])] for d in days}
    policy, cal = of_day[first], day_cal[first]  # (the month's first day's: the grid's title)
    grid = cal.tz  # the grid's clock, its heading's: the calendar's zone (its own, or the policy's)
    with event_problems_in(lang):  # the windows starting in the month on that clock
        found = versions.windows(_midnight(first, grid), _midnight(after, grid))
    windows = [w for w, _ in found]
    labels = {
        id(w): mt.label.text(lang) or mt.name for w, p in found for mt in p.model.maintenance if mt.name == w.name
    }
    notes = [versions.note(of_day[d], dt.datetime(d.year, d.month, d.day, tzinfo=tz), lang) for d in days]
    asked = (min(_midnight(first, tz), _midnight(first, grid)), max(_midnight(after, tz), _midnight(after, grid)))
    notes += versions.shadowed(lang, *asked, used=[*of_day.values(), *(p for _, p in found)])
    starts: dict[dt.date, list[Window]] = {}  # (every window starting on a day: several maintenances may)
    for w in windows:
        starts.setdefault(w.start.astimezone(grid).date(), []).append(w)
    with event_problems_in(lang):
        away = _moved_away(versions, first, after, grid)
    if args.format == "json":
        data: dict[str, object] = {
            "month": args.month,
            "calendar": cal.name,
            "timezone": cal.tz.key,
            "days": [
                _day_json(
                    d,
                    day_cal[d],
                    of_day[d] if versions.several else None,
                    lang,
                    [_window_json(w, p, versions.several) for w, p in away.get(d, ())],
                )
                for d in days
            ],
            "maintenance": [_window_json(w, p, versions.several) for w, p in found],
        }
        _print_json(_noted(data, notes))
        return 0
    marks: dict[dt.date, str] = {}
    for d in days:  # what kind of day, then whether a window starts on it: `.M` a weekend day's window
        c = day_cal[d]
        kind = "" if c.is_business_day(d) else "*" if c.holiday_name(d) else "."
        marks[d] = kind + "M" if d in starts else kind or " "
    wide = max(len(mark) for mark in marks.values())  # (a cell of `cal`'s width, one wider for two marks)
    month = str(first.month) if lang == "ja" else MONTHS_EN[first.month - 1]
    title = message("cli.calendar.title", lang, year=str(first.year), month=month)
    shown = cal.model.label.text(lang) or cal.name  # (its label in the command's language; its id only without one)
    # its zone as the site names it (``ロンドン時間`` / ``London time``; its id only for a zone of no known name)
    zone = zone_name(cal.tz.key, lang)
    lines = [f"{title}  {message('cli.calendar.heading', lang, policy=policy.name, calendar=shown, zone=zone)}", ""]
    weekdays = message("cli.calendar.weekdays", lang).split()
    lines.append("".join(" " * (3 - display_width(n)) + n + " " * wide for n in weekdays).rstrip())
    row = [" " * (3 + wide)] * first.weekday()
    for d in days:
        row.append(f"{d.day:>3}{marks[d]:<{wide}}")
        if d.weekday() == 6:
            lines.append("".join(row).rstrip())
            row = []
    if row:
        lines.append("".join(row).rstrip())
    lines.append("")
    lines.append("   ".join(f"{k} {message(f'cli.calendar.legend.{v}', lang)}" for k, v in LEGEND.items()))
    for d in days:
        name = day_cal[d].holiday_name(d, lang)
        if name and not day_cal[d].is_business_day(d):
            lines.append(f"{d.day:>3}* {name}")
        for w in starts.get(d, ()):
            # on the grid's clock; a time of a day the clock changes its offset with that offset, as the report
            # writes it (01:00 (+01:00)-04:00 (+02:00) is two hours)
            opens, closes = w.start.astimezone(grid), w.end.astimezone(grid)
            midnight = closes.date() > opens.date() and closes.time() == dt.time()
            end = "24:00" if midnight else f"{closes:%H:%M}{offset_on_change(closes)}"
            hours = f"{opens:%H:%M}{offset_on_change(opens)}-{end}"
            text = f"{d.day:>3}M {labels.get(id(w), w.name)} {hours}"
            if w.moved:
                reason = w.reason_ja if lang == "ja" else w.reason
                text += message("cli.calendar.moved", lang, day=_day(w.scheduled, first, lang), reason=reason)
            lines.append(text)
        for w, p in away.get(d, ()):  # due this day, moved into another month: where it went
            label = next((mt.label.text(lang) or mt.name for mt in p.model.maintenance if mt.name == w.name), w.name)
            reason = w.reason_ja if lang == "ja" else w.reason
            day = _day(w.day, first, lang)
            said = message("cli.calendar.moved_to", lang, label=label, day=day, reason=reason or "")
            lines.append(f"{d.day:>3}  {said}")
    print("\n".join(map(printable, lines)))  # (the policy's texts: its name, labels, holiday names)
    _say(notes, lang)
    return 0


def _day(d: dt.date, first: dt.date, lang: str) -> str:
    """A day a window was due or moved to, as the command's language writes dates (``11月24日(火)``,
    ``Tue 24 Nov``), with its year when it is not the month's (a window moved over the new year)."""
    return format_date(d, lang, year=d.year != first.year)


#: How far a roll may move a window from the day it was due (the recurrence looks as far for the days it rolls).
_ROLL_REACH = dt.timedelta(days=366)


def _moved_away(
    versions: VersionsInForce, first: dt.date, after: dt.date, grid: ZoneInfo
) -> dict[dt.date, list[tuple[Window, Policy]]]:
    """The windows due on a day of the month ``[first, after)`` that their roll moved to a day of another
    month on the grid's clock (``next business day`` over a closure at the month's end), by the day they
    were due, each with its version: the month lists the windows starting in it, and these start in none
    of its days."""
    lo = max(first - _ROLL_REACH, dt.date(FIRST_YEAR, 1, 1))
    hi = min(after + _ROLL_REACH, dt.date(LAST_YEAR, 12, 31))
    out: dict[dt.date, list[tuple[Window, Policy]]] = {}
    for w, p in versions.windows(_midnight(lo, grid), _midnight(hi, grid)):
        if w.moved and first <= w.scheduled < after and not first <= w.start.astimezone(grid).date() < after:
            out.setdefault(w.scheduled, []).append((w, p))
    return out


def _midnight(d: dt.date, tz: ZoneInfo) -> dt.datetime:
    """The first instant of day ``d`` on the clock of ``tz`` (where the clock skips 00:00, the jump)."""
    return dt.datetime.fromtimestamp(wall_to_epoch(d, 0, tz), tz)


def _day_json(
    d: dt.date, cal: BusinessCalendar, policy: Policy | None, lang: str, away: list[dict[str, object]]
) -> dict[str, object]:
    """A day of ``sla calendar --format json``; with the ``policy_version`` in force that day when ``policy``
    is given (several versions), and the windows due that day that moved into another month when ``away``
    holds any (:func:`_moved_away`)."""
    data: dict[str, object] = {
        "date": d.isoformat(),
        "business_day": cal.is_business_day(d),
        "holiday": cal.holiday_name(d, lang),
    }
    if policy is not None:
        data["policy_version"] = policy.version
    if away:
        data["maintenance_moved_away"] = away
    return data
