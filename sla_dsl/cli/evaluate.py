"""``sla evaluate`` and ``sla explain``: judge an event log, or explain one verdict.

POLICY may be given several times, or as a directory of ``*.sla`` files: each
is a version of the policy (Article 5) and every item is judged under the one
in force when its clock started. ``--from``/``--to`` take ISO 8601 times with
an offset, or plain dates meaning 00:00 in the policy's time zone. Bad input
raises :class:`~sla_dsl.errors.InputError`; ``sla``'s main turns it into a
message on stderr and exit status 1, with nothing on stdout.

The period is at most ten years (:data:`~sla_dsl.calendars.bounds.MAX_PERIOD_YEARS`)
in the supported years; ``explain`` without ``--from``/``--to`` takes the days
the item's events cover, under the same cap, after the events outside the
supported years have been refused with their lines.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from typing import Any

from ..calendars.bounds import MAX_PERIOD, MAX_PERIOD_YEARS
from ..calendars.timeargs import parse_edge
from ..errors import InputError
from ..events.reader import read_events
from ..events.schema import EventLog
from ..policy import load_policies
from ..report.escape import printable

FORMATS = ("text", "json", "markdown", "html")


def add_parsers(sub: Any) -> None:
    """Register ``evaluate`` and ``explain`` on the ``sla`` subparsers."""
    p = sub.add_parser("evaluate", help="judge an event log against a policy over a period")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="POLICY... EVENTS",
        help="policy files or directories (versions), then the event log (.jsonl or .csv)",
    )
    _period_args(p, required=True)
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--lang", choices=("en", "ja"), default="en", help="language of markdown/html/text")
    p.add_argument(
        "--limit",
        type=_count,
        default=50,
        metavar="N",
        help="rows of the text summary's long lists (incidents not met, violations); 0 lists all (default: 50)",
    )
    p.add_argument(
        "--skip-invalid", action="store_true", help="leave out invalid event lines (listed on stderr and in the report)"
    )
    p.add_argument(
        "--no-walk", action="store_true", help="leave the day-by-day business-time walk out of explanations (faster)"
    )
    p.set_defaults(func=cmd_evaluate)

    e = sub.add_parser("explain", help="explain the verdict on one incident, outage, stop or backup")
    e.add_argument("paths", nargs="+", metavar="POLICY... EVENTS ID")
    _period_args(e, required=False)
    e.add_argument("--format", choices=("text", "json"), default="text")
    e.add_argument("--skip-invalid", action="store_true")
    e.set_defaults(func=cmd_explain)


def _period_args(p: argparse.ArgumentParser, required: bool) -> None:
    p.add_argument(
        "--from",
        dest="start",
        required=required,
        metavar="TIME",
        help="period start: ISO 8601 with offset, or a date (00:00 policy time)",
    )
    p.add_argument("--to", dest="end", required=required, metavar="TIME", help="period end (exclusive)")
    p.add_argument("--as-of", dest="as_of", metavar="TIME", help="judge as of this instant (default: --to)")


def _progress() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(lines: int, _bytes: int) -> None:
        print(f"\rsla: read {lines:,} lines", end="", file=sys.stderr, flush=True)

    return show


def _read(path: str, skip_invalid: bool) -> EventLog:
    progress = _progress()
    # Deferred: the problems of the lines are reported with those the policy check finds, in one run.
    log = read_events(path, skip_invalid=skip_invalid, progress=progress, defer=True)
    if progress is not None and log.count >= 100_000:
        print(file=sys.stderr)
    return log


def _split(paths: list[str], tail: int, usage: str) -> tuple[list[str], list[str]]:
    if len(paths) < tail + 1:
        raise InputError(f"expected {usage}")
    return paths[:-tail], paths[-tail:]


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``sla evaluate POLICY... EVENTS --from --to``: print the report."""
    # Millions of small acyclic objects (events, verdicts, rows) live until the
    # report is written: the cyclic collector would walk them again and again.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _evaluate(args)
    finally:
        if enabled:
            gc.enable()


def _count(text: str) -> int:
    """A whole number >= 0, for argparse (a bad one is a usage error, exit 2)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"`{text}` is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"`{text}` is negative")
    return value


def _evaluate(args: argparse.Namespace) -> int:
    from ..evaluation import judge_log
    from ..report.render import render

    policy_paths, (events_path,) = _split(args.paths, 1, "POLICY... EVENTS")
    policies = load_policies(policy_paths)
    tz = min(policies, key=lambda p: p.effective).tz
    start = parse_edge(args.start, tz, "--from")
    end = parse_edge(args.end, tz, "--to")
    as_of = parse_edge(args.as_of, tz, "--as-of") if args.as_of else None
    log = _read(events_path, args.skip_invalid)
    result = judge_log(policies, log, start, end, as_of, skip_invalid=args.skip_invalid, walk=not args.no_walk)
    del log  # the verdicts keep what they need
    for line in result.skeleton.input.skipped:
        print(f"sla: skipped: {printable(line)}", file=sys.stderr)
    if args.format == "json":
        # Streamed: the rows of a large log are never all in memory at once.
        sys.stdout.flush()
        result.write_json(sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(
            render(
                result.skeleton,
                args.format,
                lang=args.lang,
                policies=policies,
                incidents=result.incidents,
                violations=result.violations(),
                limit=args.limit or None,
            )
        )
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """``sla explain POLICY... EVENTS ID``: print the explanation of one item."""
    from ..evaluation import judge_log
    from ..evaluation.event_times import check_event_times
    from ..report.render import render_explain

    policy_paths, (events_path, ident) = _split(args.paths, 2, "POLICY... EVENTS ID")
    policies = load_policies(policy_paths)
    tz = min(policies, key=lambda p: p.effective).tz
    log = _read(events_path, args.skip_invalid)
    check_event_times(log)  # a time outside the supported years is its line's problem, not part of a period
    if args.start and args.end:
        start, end = parse_edge(args.start, tz, "--from"), parse_edge(args.end, tz, "--to")
    else:
        try:
            start, end = _span(log, ident, tz)
        except InputError:
            log.settle(args.skip_invalid)  # the problems of the lines come first, when there are any
            raise
        if args.start:
            start = parse_edge(args.start, tz, "--from")
        if args.end:
            end = parse_edge(args.end, tz, "--to")
    as_of = parse_edge(args.as_of, tz, "--as-of") if args.as_of else None
    result = judge_log(policies, log, start, end, as_of, skip_invalid=args.skip_invalid)
    rows = result.find(ident)
    if not rows:
        raise InputError(
            f"no incident, outage, planned stop or backup deletion `{ident}` "
            f"in the period {start.isoformat()} to {end.isoformat()}"
        )
    sys.stdout.write(render_explain(result.skeleton, rows, args.format))
    return 0


def _span(log: EventLog, ident: str, tz: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """A default period for ``explain``: the days the item's events cover (or the whole log), at most
    :data:`~sla_dsl.calendars.bounds.MAX_PERIOD` long."""
    what = f"the events about `{ident}`"
    epochs = [r[0] for g in log.groups for r in g.get(ident, ())]
    epochs += [x for r in log.stops.get(ident, ()) for x in r[2][1:] if x is not None]
    if not epochs:
        what = f"the event log (it has no events about `{ident}`)"
        epochs = [r[0] for g in log.groups for recs in g.values() for r in recs]
    if not epochs:
        raise InputError(f"the event log has no events about `{ident}`")
    lo = dt.datetime.fromtimestamp(min(epochs), tz).date()
    hi = dt.datetime.fromtimestamp(max(epochs), tz).date() + dt.timedelta(days=1)
    if hi - lo > MAX_PERIOD:
        raise InputError(
            f"{what} run from {lo} to {hi}, longer than {MAX_PERIOD_YEARS} years, the most one evaluation judges "
            f"(give the period to explain with --from and --to, at most {MAX_PERIOD_YEARS} years apart)"
        )
    return dt.datetime(lo.year, lo.month, lo.day, tzinfo=tz), dt.datetime(hi.year, hi.month, hi.day, tzinfo=tz)
