"""``sla deadline``, ``sla maintenance`` and ``sla calendar``: the calendar on the command line.

Design notes
------------
* Each command loads the policy with :func:`sla_dsl.load_policy` and prints
  times as ISO 8601 in the policy's zone with its offset, one per line in text
  form (``deadline``: the due time; ``maintenance``: ``START/END`` per window
  starting in ``[from, to)``), or one JSON document with ``--format json``;
  ``maintenance --format ics`` writes an iCalendar feed
  (:mod:`sla_dsl.report.ical`, the writer of the site's ``maintenance.ics``).
* Bad values (an unparseable or naive time, an unknown priority, ``--to`` not
  after ``--from``, a malformed month, a time or month outside the supported
  years) raise :class:`~sla_dsl.errors.InputError` with the flag and the value
  in backticks, read inside :func:`~sla_dsl.errors.flag_values`: ``sla``'s
  main prints it and exits 2 (wrong usage, the contract's code; 1 is for an
  invalid policy or log). A due time that would fall after the supported years
  names ``--from`` too, and exits 1 (the policy's targets run past them).
  Missing or unknown flags are argparse's usage errors (exit 2).
* ``calendar`` prints a month like ``cal``: a day followed by ``.`` is not a
  business day, ``*`` a holiday or closure, ``M`` the day a maintenance window
  starts; a legend below names the holidays and the windows.
* Words a person reads (the grid's, the iCalendar summaries, an unknown
  priority or calendar, a bad policy's diagnostics) are in ``--lang``, else the
  policy's primary language (:mod:`.langs`); the grid's words come from the
  catalogue (:mod:`sla_dsl.i18n.cli`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..calendars.bounds import FIRST_YEAR, LAST_YEAR, OutOfRangeError
from ..calendars.timeargs import EXAMPLE, FLAGS, error_lang, parse_edge, parse_instant
from ..errors import InputError, UsageError, flag_values
from ..events.problems import event_problems_in
from ..i18n import message, offset_if_repeated
from ..i18n.width import display_width
from ..lang.diagnostics import words
from .langs import lang_option, model_lang

if TYPE_CHECKING:
    from ..calendars.recurrence import Window
    from ..policy.compiled import Policy

#: the grid's day marks and their catalogue words (``cli.calendar.legend.<name>``), in legend order
LEGEND = {".": "closed", "*": "holiday", "M": "maintenance"}
MONTHS_EN = ("January February March April May June July August September October November December").split()


def add_parsers(sub: argparse._SubParsersAction[Any], lang: str = "en") -> None:
    """Register ``deadline``, ``maintenance`` and ``calendar`` on the ``sla`` subparsers, their help in ``lang``."""

    def h(key: str, **fields: object) -> str:
        return message(f"cli.help.{key}", lang, **fields)

    p = sub.add_parser("deadline", help=h("deadline"))
    p.add_argument("policy", metavar="POLICY")
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
    p.add_argument("--format", choices=("text", "json"), default="text", help=h("deadline.format"))
    lang_option(p, lang, "policy")
    p.set_defaults(func=cmd_deadline)

    p = sub.add_parser("maintenance", help=h("maintenance"))
    p.add_argument("policy", metavar="POLICY")
    p.add_argument("--from", dest="start", required=True, metavar="DATE", help=h("maintenance.from"))
    p.add_argument("--to", dest="end", required=True, metavar="DATE", help=h("maintenance.to"))
    p.add_argument("--format", choices=("text", "json", "ics"), default="text", help=h("maintenance.format"))
    lang_option(p, lang, "maintenance")
    p.set_defaults(func=cmd_maintenance)

    p = sub.add_parser("calendar", help=h("calendar"))
    p.add_argument("policy", metavar="POLICY")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help=h("calendar.month"))
    p.add_argument("--calendar", dest="calendar_name", metavar="NAME", help=h("calendar.calendar"))
    lang_option(p, lang, "calendar")
    p.add_argument("--format", choices=("text", "json"), default="text", help=h("calendar.format"))
    p.set_defaults(func=cmd_calendar)


def _load(path: str) -> Policy:
    from ..policy import load_policy

    return load_policy(path)


def _unknown(kind: str, name: str, known: Iterable[str], lang: str) -> str:
    """``unknown priority `P9` (this policy has P1, P2)`` in ``lang``, from the catalogue."""
    return message(f"cli.unknown.{kind}", lang, name=name, known=("、" if lang == "ja" else ", ").join(known))


def _lang(args: argparse.Namespace, policy: Policy) -> str:
    """The language of the output: ``--lang``, else the policy's primary one (as its diagnostics)."""
    return model_lang(args, policy.model)


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cmd_deadline(args: argparse.Namespace) -> int:
    """``sla deadline``: print the response due time."""
    policy = _load(args.policy)
    with flag_values():
        start = parse_instant(args.start, "--from", _lang(args, policy))
        given = _attributes(args.attributes, _lang(args, policy))
        try:
            priority = policy.priority(args.priority, given, _lang(args, policy))
        except KeyError:
            ids = dict.fromkeys(p.id for p in policy.model.priorities)
            lang = _lang(args, policy)
            raise InputError(_unknown("priority", args.priority, ids, lang), lang=lang) from None
    try:
        with event_problems_in(_lang(args, policy)):  # (the calendars' refusals, in the command's language)
            due = policy.due(priority.target, start)
    except OutOfRangeError as exc:  # (the due time is after the supported years: why, after the flag it came from)
        said = words("cli.deadline.after_range", flag="--from", value=args.start, reason=exc.words)
        raise OutOfRangeError(said, error_lang(_lang(args, policy))) from None
    if args.format == "json":
        _print_json(
            {
                "policy": {"name": policy.name, "version": policy.version},
                "priority": priority.id,
                "clock_start": start.astimezone(policy.tz).isoformat(),
                "response_due": due.isoformat(),
                # the rule the attributes select (issue 13): its line and condition (null: none)
                "attributes": given,
                "rule": {"line": priority.span.line, "when": str(priority.when) if priority.when else None},
            }
        )
    else:
        print(due.isoformat())
    return 0


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


def _window_json(w: Window) -> dict[str, object]:
    return {
        "start": w.start.isoformat(),
        "end": w.end.isoformat(),
        "name": w.name,
        "scheduled": w.scheduled.isoformat(),
        "day": w.day.isoformat(),
        "moved": w.moved,
        "reason": w.reason,
        "reason_ja": w.reason_ja,
    }


def cmd_maintenance(args: argparse.Namespace) -> int:
    """``sla maintenance``: print every window starting in [from, to)."""
    policy = _load(args.policy)
    with flag_values():
        start = parse_edge(args.start, policy.tz, "--from", _lang(args, policy))
        end = parse_edge(args.end, policy.tz, "--to", _lang(args, policy))
        if end <= start:
            lang = _lang(args, policy)
            said = message("author.time.not_after", lang, start=args.start, end=args.end, **FLAGS)
            raise InputError(said, lang="ja" if lang == "ja" else None)
    with event_problems_in(_lang(args, policy)):
        windows = policy.maintenance_windows(start, end)
    if args.format == "ics":
        from ..report.ical import maintenance_ics

        sys.stdout.flush()
        sys.stdout.buffer.write(maintenance_ics(policy, windows, _lang(args, policy), start))
        sys.stdout.buffer.flush()
        return 0
    if args.format == "json":
        _print_json(
            {
                "policy": {"name": policy.name, "version": policy.version},
                "from": start.astimezone(policy.tz).isoformat(),
                "to": end.astimezone(policy.tz).isoformat(),
                "maintenance": [_window_json(w) for w in windows],
            }
        )
    else:
        for w in windows:
            print(f"{w.start.isoformat()}/{w.end.isoformat()}")
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
    """``sla calendar``: print a month grid with business days, holidays and maintenance."""
    policy = _load(args.policy)
    lang = _lang(args, policy)
    with flag_values():
        first, after = _month(args.month, lang)
    try:  # (a policy with no calendar to show when none is named: the policy's problem, exit 1)
        cal = policy.calendar(args.calendar_name)
    except KeyError:  # a --calendar the policy does not have: wrong usage
        names = [c.name for c in policy.model.calendars]
        raise UsageError(_unknown("calendar", args.calendar_name, names, lang), lang=lang) from None
    with event_problems_in(lang):
        windows = policy.maintenance_windows(first, after)
    labels = {mt.name: mt.label.text(lang) or mt.name for mt in policy.model.maintenance}
    days = [first + dt.timedelta(days=k) for k in range((after - first).days)]
    starts: dict[dt.date, list[Window]] = {}  # (every window starting on a day: several maintenances may)
    for w in windows:
        starts.setdefault(w.start.date(), []).append(w)
    if args.format == "json":
        _print_json(
            {
                "month": args.month,
                "calendar": cal.name,
                "timezone": cal.tz.key,
                "days": [
                    {
                        "date": d.isoformat(),
                        "business_day": cal.is_business_day(d),
                        "holiday": cal.holiday_name(d, lang),
                    }
                    for d in days
                ],
                "maintenance": [_window_json(w) for w in windows],
            }
        )
        return 0
    marks: dict[dt.date, str] = {}
    for d in days:
        if d in starts:
            marks[d] = "M"
        elif cal.holiday_name(d) and not cal.is_business_day(d):
            marks[d] = "*"
        elif not cal.is_business_day(d):
            marks[d] = "."
        else:
            marks[d] = " "
    month = str(first.month) if lang == "ja" else MONTHS_EN[first.month - 1]
    title = message("cli.calendar.title", lang, year=str(first.year), month=month)
    shown = cal.model.label.text(lang) or cal.name  # (its label in the command's language; its id only without one)
    lines = [f"{title}  {policy.name} · {shown} ({cal.tz.key})", ""]
    weekdays = message("cli.calendar.weekdays", lang).split()
    lines.append("".join(" " * (3 - display_width(n)) + n + " " for n in weekdays).rstrip())
    row = ["    "] * first.weekday()
    for d in days:
        row.append(f"{d.day:>3}{marks[d]}")
        if d.weekday() == 6:
            lines.append("".join(row).rstrip())
            row = []
    if row:
        lines.append("".join(row).rstrip())
    lines.append("")
    lines.append("   ".join(f"{k} {message(f'cli.calendar.legend.{v}', lang)}" for k, v in LEGEND.items()))
    for d in days:
        name = cal.holiday_name(d, lang)
        if name and not cal.is_business_day(d):
            lines.append(f"{d.day:>3}* {name}")
        for w in starts.get(d, ()):
            # (a time of the hour the clock repeats with its offset, as the report writes it)
            end = "24:00" if w.end.date() > w.day and w.end.hour == 0 else f"{w.end:%H:%M}{offset_if_repeated(w.end)}"
            hours = f"{w.start:%H:%M}{offset_if_repeated(w.start)}-{end}"
            text = f"{d.day:>3}M {labels.get(w.name, w.name)} {hours}"
            if w.moved:
                reason = w.reason_ja if lang == "ja" else w.reason
                text += message("cli.calendar.moved", lang, day=f"{w.scheduled:%m-%d}", reason=reason)
            lines.append(text)
    print("\n".join(lines))
    return 0
