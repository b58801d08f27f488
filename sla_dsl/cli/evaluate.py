"""``sla evaluate`` and ``sla explain``: judge an event log, or explain one verdict.

POLICY may be given several times, or as a directory of ``*.sla`` files: each
is a version of the policy (Article 5) and every item is judged under the one
in force when its clock started. One EVENTS follows them (``POLICY [POLICY ...]
EVENTS``; argparse gives it the last path): the pairs do not repeat, and a path
named as an event log among the policies (``a.jsonl``, ``b.csv``, a
``.parquet``) is refused as wrong usage naming it, with the way to merge the
logs (:func:`~.parsing.refuse_logs_among_policies`), before it is read as a policy.
``--from``/``--to`` take ISO 8601 times with
an offset, or plain dates meaning 00:00 in the policy's time zone. Bad input
raises :class:`~sla_dsl.errors.InputError`; ``sla``'s main turns it into a
message on stderr and exit status 1, with nothing on stdout; a bad flag value
or flags that do not go together are wrong usage, exit 2
(:class:`~sla_dsl.errors.UsageError`).

The period is at most ten years (:data:`~sla_dsl.calendars.bounds.MAX_PERIOD_YEARS`)
in the supported years. ``explain`` lives in :mod:`.explain`: without
``--from``/``--to`` it judges the item over the month its report covers.
Text, Markdown, HTML and PDF are in the policy's primary language unless
``--lang`` says otherwise; ``--format pdf`` prints the HTML report with headless
Chromium (:mod:`sla_dsl.report.pdf`) into ``--output FILE``, or onto stdout when
that is not a terminal; without a Chromium it stops before judging anything.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, NoReturn

from ..calendars.timeargs import check_period_args, parse_edge
from ..errors import InputError, UsageError, flag_values
from ..events.problems import by_line, event_problems_in, no_events_warning, os_reason
from ..events.reader import read_events
from ..events.schema import EventLog
from ..files import atomic_file, collector_paused
from ..i18n import message
from ..lang.diagnostics import Arg, Code, words
from ..policy import Policy, declared_types, load_policies
from ..report.escape import printable
from ..report.pdf import html_to_pdf, require_chromium
from .explain import explain_command, explain_options
from .langs import usage_lang
from .parsing import refuse_logs_among_policies, whole_number
from .progress import Phase, reading_bar, say_skipped

FORMATS = ("text", "json", "markdown", "html", "parquet", "pdf")
#: Where ``sla evaluate`` keeps its verdicts when the process ends right after the command
#: (:func:`sla_dsl._entry.run` sets it): left to the operating system rather than freed object by object.
KEPT: list[object] | None = None


def add_parsers(sub: Any, lang: str = "en") -> None:
    """Register ``evaluate`` and ``explain`` on the ``sla`` subparsers, their help in ``lang``."""

    def h(key: str) -> str:
        return message(f"cli.help.{key}", lang)

    # POLICY then one EVENTS (``POLICY [POLICY ...] EVENTS``): argparse gives the last path to EVENTS
    p = sub.add_parser("evaluate", help=h("evaluate"))
    p.add_argument("policies", nargs="+", metavar="POLICY", help=h("evaluate.policy"))
    p.add_argument("events", metavar="EVENTS", help=h("evaluate.events"))
    _period_args(p, lang, required=True)
    p.add_argument("--format", choices=FORMATS, default="text", help=h("evaluate.format"))
    p.add_argument("--output", metavar="PATH", help=h("evaluate.output"))
    p.add_argument("--quiet", action="store_true", help=h("quiet"))
    p.add_argument("--lang", choices=("ja", "en"), default=None, help=h("evaluate.lang"))
    p.add_argument("--limit", type=whole_number(lang), default=50, metavar="N", help=h("evaluate.limit"))
    p.add_argument("--skip-invalid", action="store_true", help=h("evaluate.skip_invalid"))
    p.add_argument("--no-walk", action="store_true", help=h("evaluate.no_walk"))
    p.add_argument("--no-trend", action="store_true", help=h("evaluate.no_trend"))
    p.set_defaults(func=cmd_evaluate, usage_error=p.error)  # exit 2

    e = sub.add_parser("explain", help=h("explain"))
    e.add_argument("policies", nargs="+", metavar="POLICY", help=h("explain.policy"))
    e.add_argument("events", metavar="EVENTS", help=h("explain.events"))
    e.add_argument("ident", metavar="ID", help=h("explain.id"))
    _period_args(e, lang, required=False)
    e.add_argument("--format", choices=("text", "json"), default="text", help=h("explain.format"))
    e.add_argument("--skip-invalid", action="store_true", help=h("explain.skip_invalid"))
    e.add_argument("--quiet", action="store_true", help=h("quiet"))
    explain_options(e, lang)
    e.set_defaults(func=explain_command)


def _period_args(p: argparse.ArgumentParser, lang: str, required: bool) -> None:
    p.add_argument(
        "--from", dest="start", required=required, metavar="TIME", help=message("cli.help.period.from", lang)
    )
    p.add_argument("--to", dest="end", required=required, metavar="TIME", help=message("cli.help.period.to", lang))
    p.add_argument("--as-of", dest="as_of", metavar="TIME", help=message("cli.help.as_of", lang))


def _read(
    path: str, skip_invalid: bool, quiet: bool = False, declared: frozenset[str] = frozenset(), lang: str = "en"
) -> EventLog:
    with reading_bar(path, quiet, lang=lang) as progress:
        # Deferred: the problems of the lines are reported with those the policy check finds, in one run.
        return read_events(path, skip_invalid=skip_invalid, progress=progress, defer=True, declared=declared)


def cmd_evaluate(args: argparse.Namespace) -> int:
    """``sla evaluate POLICY... EVENTS --from --to``: print the report."""
    # Millions of small acyclic objects (events, verdicts, rows) live until the
    # report is written: the cyclic collector would walk them again and again.
    with collector_paused():
        return _evaluate(args)


def _evaluate(args: argparse.Namespace) -> int:
    from ..report.words import default_lang

    policy_paths, events_path = args.policies, args.events
    refuse_logs_among_policies(policy_paths, events_path, "evaluate", usage_lang(args))
    policies = load_policies(policy_paths, args.lang)
    tz = min(policies, key=lambda p: p.effective).tz
    tlang = args.lang or default_lang(policies)  # a bad time is said in the language of the report
    args.said_lang = tlang  # (Ctrl-C's message too)
    with flag_values():
        start = parse_edge(args.start, tz, "--from", tlang)
        end = parse_edge(args.end, tz, "--to", tlang)
        as_of = parse_edge(args.as_of, tz, "--as-of", tlang) if args.as_of else None
        check_period_args(start, end, tlang, as_of)
    if args.output == "-":  # the standard output, as `-` is the standard input where a command reads
        args.output = None
    if args.output == "":
        _usage("output_empty", tlang)
    if args.format == "parquet" and not args.output:
        _usage("parquet_needs_output", tlang)
    if args.format == "pdf" and not args.output and sys.stdout.isatty():
        _usage("pdf_needs_output", tlang)
    if args.output:  # before the work, not after it
        _check_not_an_input(args.output, args.format, [p.path for p in policies if p.path], events_path, tlang)
        if args.format == "parquet":
            from ..report.tables import check_output_dir, not_a_dir

            if not_a_dir(Path(args.output)):  # (a wrong value of the option: usage, as a directory for a file)
                said = words("report.parquet.not_a_dir", path=printable(args.output), option=Code("--output"))
                raise UsageError(said.text(tlang), lang=tlang)
            with event_problems_in(tlang):
                check_output_dir(args.output)
        else:
            _check_output_file(args.output, tlang)
    browser = require_chromium(tlang) if args.format == "pdf" else None  # before the work, not after it
    phase = Phase(args.quiet, tlang)
    try:
        with event_problems_in(tlang):
            code = _judge_and_write(args, policies, events_path, (start, end, as_of), browser, phase)
    finally:
        phase.close()  # before any message of an error, and before the shell's prompt
    if as_of is None and code == 0:  # (after the report: an error is said first and alone)
        _say_end_not_come(args.end, end, tlang)
    return code


def _judge_and_write(
    args: argparse.Namespace,
    policies: list[Policy],
    events_path: str,
    period: tuple[dt.datetime, dt.datetime, dt.datetime | None],
    browser: str | None,
    phase: Phase,
) -> int:
    from ..evaluation import judge_log
    from ..evaluation.trend import add_trend
    from ..report.render import render

    start, end, as_of = period
    log = _read(events_path, args.skip_invalid, args.quiet, declared_types(policies), phase.lang)
    empty = no_events_warning(log, phase.lang)  # (said after the progress line is gone)
    phase.say("judging")
    result = judge_log(policies, log, start, end, as_of, skip_invalid=args.skip_invalid, walk=not args.no_walk)
    skipped = by_line(log.left_out, phase.lang)  # the report's `skipped`, in the command's language
    if KEPT is not None:
        KEPT.append(result)
    if not args.no_trend:
        add_trend(result, policies, log, judge_log, skip_invalid=args.skip_invalid)  # trend by month (issue 16)
    if KEPT is not None:
        KEPT.append(log)  # freeing a year's records one by one costs a twentieth of a second; the process ends
    del log  # the verdicts keep what they need
    phase.close()  # the lines below, and a report on this terminal, start on a clean line
    say_skipped(skipped, phase.lang)
    if empty is not None:
        print(empty, file=sys.stderr)
    if args.format in ("json", "parquet"):  # (the other formats say it in the report's head)
        _say_none_yet(result.skeleton, result.incidents, phase.lang)
    _say_shadowed(policies, phase.lang)
    if args.output or not sys.stdout.isatty():
        phase.say("writing")
    if args.format == "parquet":
        from ..evaluation.breach_columns import violation_blocks
        from ..evaluation.explain_columns import incident_blocks
        from ..report.tables import write_parquet

        # From the compact verdicts, a block at a time, on columns: never the whole pydantic report.
        write_parquet(
            result.skeleton,
            args.output,
            incidents=incident_blocks(result.ctx, result.incidents),
            violations=violation_blocks(result.violations()),
        )
    elif args.format == "json":
        from ..evaluation.json_blocks import IncidentItems, ViolationItems
        from ..report.render import write_json

        # Streamed, the rows written from columns a block at a time (the same bytes as
        # ``result.write_json``, the row path): never all in memory at once.
        with _output(args.output, phase.lang) as out:
            write_json(
                result.skeleton,
                IncidentItems(result.ctx, result.incidents),
                out,
                ViolationItems(result.violations()),
            )
    elif args.format == "pdf":
        html = render(
            result.skeleton,
            "html",
            lang=args.lang,
            policies=policies,
            incidents=result.incidents,
            violations=result.violations(),
        )
        pdf = html_to_pdf(html, browser, lang=phase.lang, dated=result.skeleton.period.as_of)  # (its as_of)
        with _output(args.output, phase.lang) as out:
            out.write(pdf)
    else:
        text = render(
            result.skeleton,
            args.format,
            lang=args.lang,
            policies=policies,
            incidents=result.incidents,
            violations=result.violations(),
            limit=args.limit or None,
        )
        if args.output is None:
            with _stdout_errors(phase.lang):
                sys.stdout.write(text)
                sys.stdout.flush()  # here, where a full disk is this command's error, not at exit
        else:
            with _output(args.output, phase.lang) as out:
                out.write(text.encode("utf-8"))
    return 0


def _say_end_not_come(given: str, end: dt.datetime, lang: str, now: dt.datetime | None = None) -> None:
    """On stderr, that ``--as-of`` was left out (it is then ``--to``, the contract's default) over a period
    whose end is after the machine's clock: the report judges as missed and breached what is only still to
    come. Only said: the report itself never reads the clock, and is the same whenever it is made."""
    now = now or dt.datetime.now(dt.UTC)
    if end <= now:
        return
    local = now.astimezone(end.tzinfo).replace(microsecond=0).isoformat()
    note = message("cli.evaluate.as_of_after_now", lang, to=printable(given.strip()), now=f"--as-of {local}")
    print(printable(f"sla: {message('cli.note', lang)}: {note}"), file=sys.stderr)


def _say_none_yet(report: Any, incidents: Any, lang: str) -> None:
    """On stderr, as ``sla deadline`` notes it (``sla: note: no version in force yet: ...``), that the report
    judges something from before the earliest version's date under that version: the JSON and the tables
    have it in each such row's steps only, where a person running the command does not see it."""
    from ..i18n import format_date
    from ..report.sections import before_any_version

    early = before_any_version(report, incidents)
    if early is None or early.effective is None:
        return
    day = format_date(early.effective, "ja") if lang == "ja" else early.effective.isoformat()
    note = message("cli.versions.none_yet", lang, version=early.version, effective=day)
    print(printable(f"sla: {message('cli.note', lang)}: {note}"), file=sys.stderr)


def _say_shadowed(policies: list[Policy], lang: str) -> None:
    """On stderr, as ``sla deadline`` notes it, each version numbered after another that takes effect later
    (W307 of ``sla check``): from the other's date on everything is judged under the other, which the report
    shows only as the version of each row. Said in every format: the JSON report has no notes."""
    from ..evaluation.in_force import shadowed_notes

    for note in shadowed_notes(policies, lang):
        print(printable(f"sla: {message('cli.note', lang)}: {note}"), file=sys.stderr)


@contextlib.contextmanager
def _stdout_errors(lang: str) -> Iterator[None]:
    """A failed write of the report on stdout (a full disk, a closed descriptor) as this command's
    error (exit 1) naming it, in ``lang``; a reader that went away (``| head``) stays what it is."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _said(lang, "stdout_failed", reason=os_reason(exc)) from None


#: the refusals of an ``--output`` the command cannot use as given: wrong usage (exit 2), as a bad value
#: of any flag; a write that fails (a full disk) is not
USAGE = frozenset({"output_is_input", "output_in_events", "output_is_dir", "output_no_dir", "output_parent_not_dir"})


def _said(lang: str, key: str, **args: Arg) -> InputError:
    """The error ``cli.evaluate.<key>`` in ``lang`` (a :class:`UsageError` for :data:`USAGE`)."""
    kind = UsageError if key in USAGE else InputError
    return kind(words(f"cli.evaluate.{key}", option="--output", **args).text(lang), lang=lang)


def _not_a_file(path: str) -> bool:
    """Whether ``path`` names something that exists and is not a regular file (a device, a pipe)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _usage(key: str, lang: str) -> NoReturn:
    """A usage error (exit 2) of options that parse but do not go together, in the command's language
    (``sla: エラー: …``, as its other refusals; not argparse's English ``usage:`` and ``error:``)."""
    raise UsageError(message(f"cli.evaluate.{key}", lang), lang=lang)


def _check_not_an_input(output: str, fmt: str, policies: list[str], events: str, lang: str) -> None:
    """Refuse an ``--output`` that would overwrite what the command reads: the event log or a policy
    file (``policies``: the files the versions were read from; the same file under any name), or, for
    the tables of ``--format parquet``, a place inside the directory of events being read (the next run
    would read them as events, or they would replace its files)."""
    targets = [output] if fmt != "parquet" else [os.path.join(output, f"{n}.parquet") for n in _table_names()]
    inputs = [(events, "events")] if events != "-" and not os.path.isdir(events) else []  # (``-``: stdin)
    inputs += [(p, "policy") for p in policies]
    for path, what in inputs:
        if any(_same_file(target, path) for target in targets):
            raise _said(lang, "output_is_input", path=printable(output), what=words(f"cli.evaluate.what.{what}"))
    if fmt == "parquet" and os.path.isdir(events):
        inside, root = os.path.realpath(output), os.path.realpath(events)
        below = os.path.relpath(inside, root).split(os.sep)
        # (a name the reader passes over, ``_tables`` or ``.tables``, is no place it reads)
        if below[0] != ".." and not any(part[:1] in ("_", ".") and part not in (".", "..") for part in below):
            raise _said(lang, "output_in_events", path=printable(output), events=printable(events))


def _table_names() -> tuple[str, ...]:
    from ..report.tables import TABLE_NAMES

    return TABLE_NAMES


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # (one of them does not exist: not the same file)
        return False


def _check_output_file(path: str, lang: str) -> None:
    """Refuse an ``--output`` file that cannot be written where it is asked for: a directory, or a
    file in a directory that does not exist or is no directory (``big.txt/x.json``); for a symbolic
    link, where it points (as the report is written there: a dangling link into a missing directory too)."""
    if os.path.isdir(path):
        raise _said(lang, "output_is_dir", path=printable(path))
    target = os.path.realpath(path) if os.path.islink(path) else path
    parent = os.path.dirname(target) or "."
    if os.path.lexists(parent) and not os.path.isdir(parent):
        raise _said(lang, "output_parent_not_dir", path=printable(path), parent=printable(parent))
    if not os.path.isdir(parent):
        raise _said(lang, "output_no_dir", path=printable(path), parent=printable(parent))


@contextlib.contextmanager
def _output(path: str | None, lang: str) -> Iterator[IO[bytes]]:
    """Where a report's bytes go: stdout, or the file ``path`` (``--output``), replaced whole when the
    block ends or left as it was (see :func:`~sla_dsl.files.atomic_file`)."""
    if path is None:
        with _stdout_errors(lang):
            sys.stdout.flush()
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
        return
    try:
        if _not_a_file(path):  # /dev/stdout, a pipe, a terminal: written into, never replaced
            with open(path, "wb") as fh:
                yield fh
        else:
            with atomic_file(path, plain_new=True) as fh:
                yield fh
    except OSError as exc:
        raise _said(lang, "output_failed", path=printable(path), reason=os_reason(exc)) from None
