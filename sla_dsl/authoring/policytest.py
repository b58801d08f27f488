"""``sla test``: policy authors' own expectations, written in YAML and run like ``opa test``.

Design notes
------------
* A test file holds ``cases``; each case has a ``name`` and one kind of
  question with its ``expect``:

  ``deadline: {priority: P1, from: TIME}``
      expect the response due time (ISO 8601 with offset); ``attributes:
      {plan: premium}`` asks for the rule those attributes select (issue 13).
  ``maintenance: {from: DATE, to: DATE}``
      expect the list of windows as ``START/END`` strings.
  ``business_time: {from: TIME, to: TIME}`` / ``add_business_time: {from: TIME, hours: N}``
      expect a number of business hours / an instant.
  ``events: [...]`` (or ``events_file: PATH``, relative to the test file) with
  ``period: {from, to, as_of}``
      expect a mapping: ``incidents``, ``outages``, ``planned_stops`` map an id
      to a status (``met``, ``breached``, ... or for stops ``true``/``false``)
      or to a mapping of report fields; ``availability`` maps fields of the
      availability row (floats compared to 1e-9); ``violations`` lists
      ``{kind, id}`` that must be present; ``no_violations`` is ``true`` (none
      at all) or a list of kinds that must not occur. ``availability_periods``
      and ``credits`` map ``SERVICE:YYYY-MM-DD`` (a service and the first day of
      its measurement period; ``SERVICE:YYYY-MM-DD:plan=premium`` for a target
      with ``when``) to a ratio / a credit percentage, or to fields.
      ``targets`` maps ``ID:TARGET`` (an incident and one of its named targets,
      or an outage and one of its notification rules) to a status or fields.

  ``expect`` can hold only what the author cares about: fields that are not
  named are not checked.
* YAML timestamps stay strings, so times are read once, by the same rules as
  the command line: ISO 8601 with an offset, or a plain date meaning 00:00 in
  the policy's zone. The file is read by :mod:`.testyaml`, with limits on its
  size, nesting and aliases: a hostile file is a located error, never a hang
  or a crash.
* A malformed test file is an input error naming the file, the line and the
  case: ``FILE:LINE: error: [E16x] case `NAME`: ...`` with a ``help`` line.
  E160: not a test file (unreadable, invalid YAML, a key given twice in one
  mapping, a case without a question or an ``expect``); E161: too large;
  E162: a value of the wrong kind (hours that are not a number from 0 to
  100,000, a number of hours to expect that is not a finite number, a time
  that is not text); E163: a range that is reversed (``maintenance``) or
  empty (a ``period``). Events given inline are checked like a log's lines,
  and their errors name the test file's lines.
* A case that fails prints expected and actual side by side. Exit 1 on any
  failure. What the test file says is shown, not obeyed: control characters
  in names and messages are escaped (:func:`~sla_dsl.report.escape.printable`).
* Every line a person reads (``PASS``/``FAIL`` or 成功/失敗, the counts, what a
  case found, a malformed file) is worded from the catalogue (``author.test.*``)
  in ``--lang``, else the policy's primary language; each :class:`Case` carries
  the language its file was read in. YAML keys, ids and values stay as written
  (in backticks in Japanese). A violation found where none was expected is
  worded as the report words it (:func:`~.replay.violation_words`; the
  evaluator's message in English), a bad time as :mod:`~sla_dsl.calendars.timeargs`
  says it in the case's language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import math
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events import EventInputError, EventLog, Problem, validate_mapping
from ..events.problems import event_problems_in
from ..events.schema import declare_types
from ..i18n import message as said
from ..i18n.authoring import names
from ..lang.diagnostics import WordedInputError
from ..policy.compiled import Policy
from ..report.escape import printable
from ..report.periods import compact
from . import testyaml
from .replay import violation_words
from .testyaml import problem

QUESTIONS = ("deadline", "maintenance", "business_time", "add_business_time", "events", "events_file")
#: Most business hours ``add_business_time`` may add (57 years of 7-hour business days).
MAX_HOURS = 100_000


@dataclass
class Case:
    """One expectation from a test file."""

    name: str
    file: str
    line: int
    spec: dict[str, Any]
    #: the language of what is said about the case (``ja`` or ``en``)
    lang: str = "en"


@dataclass
class Outcome:
    """The result of one case: passed, or the lines that explain the failure."""

    case: Case
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def load_cases(path: Path, lang: str = "en") -> list[Case]:
    """The cases of one YAML test file (InputError with file and line when it is malformed, in ``lang``)."""
    doc = testyaml.load(path, lang)
    if not isinstance(doc, dict) or not isinstance(doc.get("cases"), list):
        raise problem(
            f"{path}:1",
            "E160",
            said("author.test.not_cases", lang, key="cases"),
            said("author.test.not_cases.help", lang, start="cases:"),
            lang,
        )
    cases = []
    for n, raw in enumerate(doc["cases"], 1):
        line = getattr(raw, "line", 0)
        if not isinstance(raw, dict):
            help = said("author.test.not_mapping.help", lang, example="- name: ...")
            raise problem(str(path), "E160", said("author.test.not_mapping", lang, n=n), help, lang)
        name = str(raw.get("name") or said("author.test.case_n", lang, n=n))
        where = f"{path}:{line}"
        asked = [q for q in QUESTIONS if q in raw]
        if "events_file" in asked and "events" in asked:
            both = said("author.test.both_events", lang, name=name, events="events", events_file="events_file")
            raise problem(where, "E160", both, said("author.test.keep_one", lang), lang)
        if len(asked) != 1:
            questions = names(QUESTIONS[:-1], lang)
            example = "deadline: {priority: P1, from: 2026-11-27T16:00:00+09:00}"
            raise problem(
                where,
                "E160",
                said("author.test.one_question", lang, name=name, questions=questions),
                said("author.test.one_question.help", lang, example=example, expect="expect"),
                lang,
            )
        if "expect" not in raw:
            no_expect = said("author.test.no_expect", lang, name=name, expect="expect")
            raise problem(where, "E160", no_expect, said("author.test.no_expect.help", lang), lang)
        cases.append(Case(name=name, file=str(path), line=line, spec=dict(raw), lang=lang))
    return cases


def test_files(paths: list[str], lang: str = "en") -> list[Path]:
    """The YAML files named, and those inside named directories (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            if not found:
                raise InputError(said("author.test.no_test_file", lang, path=raw, ext=".yaml"), lang=lang)
            out.extend(found)
        else:
            out.append(p)
    return out


# ---- running --------------------------------------------------------------------------------


def _bad(case: Case, code: str, message: str, help: str | None = None, line: int = 0) -> InputError:
    """A located error in one case."""
    where = f"{case.file}:{line or case.line}"
    return problem(
        where, code, said("author.test.in_case", case.lang, name=case.name, message=message), help, case.lang
    )


def _time(policy: Policy, value: Any, what: str, case: Case) -> dt.datetime:
    from ..calendars.timeargs import parse_edge

    if not isinstance(value, str):
        example = said("author.test.example", case.lang, example="2026-11-27T16:00:00+09:00")
        raise _bad(case, "E162", said("author.test.not_time", case.lang, what=what), example)
    try:
        return parse_edge(value, policy.tz, what, case.lang)
    except InputError as exc:
        raise _bad(case, "E162", str(exc)) from None


def _field(spec: Any, key: str, case: Case) -> Any:
    if not isinstance(spec, dict) or key not in spec:
        needs = said("author.test.needs", case.lang, name=case.name, key=key)
        raise problem(f"{case.file}:{case.line}", "E160", needs, lang=case.lang)
    return spec[key]


def _number(value: Any, what: str, case: Case, low: float = -math.inf, high: float = math.inf, line: int = 0) -> float:
    """A finite number (or the text of one) in [low, high], else a located error."""
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            number = float(value)
        except OverflowError:  # an integer beyond any float
            number = None
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            number = None
    if number is None or not math.isfinite(number) or not low <= number <= high:
        shown = json.dumps(value, ensure_ascii=False, default=str) if not isinstance(value, str) else value
        finite = math.isfinite(low) and math.isfinite(high)
        limits = said("author.test.limits", case.lang, low=f"{low:g}", high=f"{high:,g}") if finite else ""
        raise _bad(
            case,
            "E162",
            said("author.test.not_number", case.lang, what=what, limits=limits, shown=shown[:60]),
            said("author.test.plain_number", case.lang),
            line,
        )
    return number


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
        try:
            return abs(float(expected) - float(actual)) <= 1e-9
        except OverflowError:
            return False
    if isinstance(expected, str) and isinstance(actual, str):
        try:
            return dt.datetime.fromisoformat(expected) == dt.datetime.fromisoformat(actual)
        except ValueError:
            return expected == actual
    return bool(expected == actual)


def _expect_rows(
    section: str, expected: Any, rows: dict[str, dict[str, Any]], key: str, lang: str = "en"
) -> Iterator[str]:
    if not isinstance(expected, dict):
        yield said("author.test.expected_mapping", lang, section=section, key=key)
        return
    for ident, want in expected.items():
        row = rows.get(str(ident))
        if row is None:
            yield said("author.test.row_missing", lang, section=section, ident=ident)
            continue
        wanted = want if isinstance(want, dict) else {key: want}
        for fname, value in wanted.items():
            if fname not in row:
                yield said("author.test.no_field", lang, section=section, ident=ident, field=fname)
            elif not _same(value, row[fname]):
                yield said(
                    "author.test.field_differs",
                    lang,
                    section=section,
                    ident=ident,
                    field=fname,
                    expected=repr(value),
                    actual=repr(row[fname]),
                )


def _target_rows(report: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    """The targets of a report keyed ``ID:TARGET`` and, for a target on a named clock, also
    ``ID:TARGET@CLOCK``; and the ``ID:TARGET`` keys two targets share (two ``first reply`` targets on
    two clocks), each with the keys that tell them apart."""
    rows: dict[str, dict[str, Any]] = {}
    seen: dict[str, list[str]] = {}
    for r in report["incidents"]:
        for x in r["targets"]:
            key = f"{r['id']}:{x['name']}"
            full = f"{key}@{x['clock']}" if x.get("clock") else key
            rows[full] = x
            seen.setdefault(key, []).append(full)
            rows.setdefault(key, x)
    for r in report["outages"]:
        for x in r["notices"]:
            rows[f"{r['id']}:{x['name']}"] = x
    return rows, {k: v for k, v in seen.items() if len(v) > 1}


def run_case(policy: Policy, case: Case) -> Outcome:
    """Run one case against ``policy``."""
    spec, expect, out = case.spec, case.spec["expect"], Outcome(case)
    if "deadline" in spec:
        q = spec["deadline"]
        start = _time(policy, _field(q, "from", case), "from", case)
        given = q.get("attributes") if isinstance(q, dict) else None
        if given is not None and not isinstance(given, dict):
            example = said("author.test.example", case.lang, example="attributes: {plan: premium}")
            raise _bad(case, "E162", said("author.test.not_attributes", case.lang, what="deadline.attributes"), example)
        try:
            attrs = {str(k): str(v) for k, v in (given or {}).items()}
            due = policy.response_due(str(_field(q, "priority", case)), start, attrs or None, case.lang)
        except KeyError as exc:
            raise _bad(case, "E162", str(exc.args[0])) from None
        except InputError as exc:  # (a due time after the supported years is worded: said in the case's language)
            shown = exc.words.text(case.lang) if isinstance(exc, WordedInputError) else str(exc)
            text, _, help = shown.partition(f"\n{said('diag.word.help', case.lang)}: ")
            raise _bad(case, "E162", text.split("\n")[0], help or None) from None
        if not _same(str(expect), due.isoformat()):
            out.problems.append(
                said("author.test.differs", case.lang, what="deadline", expected=expect, actual=due.isoformat())
            )
    elif "add_business_time" in spec:
        q = spec["add_business_time"]
        start = _time(policy, _field(q, "from", case), "from", case)
        hours = _number(_field(q, "hours", case), "hours", case, 0, MAX_HOURS, getattr(q, "line", 0))
        got = policy.add_business_time(start, dt.timedelta(hours=hours))
        if not _same(str(expect), got.isoformat()):
            out.problems.append(
                said(
                    "author.test.differs", case.lang, what="add_business_time", expected=expect, actual=got.isoformat()
                )
            )
    elif "business_time" in spec:
        q = spec["business_time"]
        a = _time(policy, _field(q, "from", case), "from", case)
        b = _time(policy, _field(q, "to", case), "to", case)
        want = _number(expect, "expect", case)
        hours = policy.business_time_between(a, b).total_seconds() / 3600
        if not _same(want, hours):
            out.problems.append(
                said("author.test.hours_differ", case.lang, what="business_time", expected=expect, actual=f"{hours:g}")
            )
    elif "maintenance" in spec:
        out.problems += _maintenance(policy, case)
    else:
        with event_problems_in(case.lang):  # a bad event is said in the case's language
            out.problems += list(_run_events(policy, case))
    return out


def _range(policy: Policy, q: Any, case: Case, what: str) -> tuple[dt.datetime, dt.datetime]:
    """``from`` and ``to`` of a question, ``to`` after ``from`` (E163 otherwise)."""
    a = _time(policy, _field(q, "from", case), "from", case)
    b = _time(policy, _field(q, "to", case), "to", case)
    if b <= a:
        how = "reversed" if b < a else "empty"
        keys = {"k_from": "from", "k_to": "to"}
        shown = said(f"author.test.{what}", case.lang)
        raise _bad(
            case,
            "E163",
            said(f"author.test.{how}", case.lang, what=shown, end=b.isoformat(), start=a.isoformat(), **keys),
            said("author.test.swap", case.lang, **keys)
            if b < a
            else said("author.test.after", case.lang, range="[from, to)", **keys),
            getattr(q, "line", 0),
        )
    return a, b


def _maintenance(policy: Policy, case: Case) -> list[str]:
    a, b = _range(policy, case.spec["maintenance"], case, "maintenance_range")
    expect = case.spec["expect"]
    if expect is None:
        expect = []
    if not isinstance(expect, list) or not all(isinstance(x, str) for x in expect):
        raise _bad(
            case,
            "E162",
            said("author.test.windows_list", case.lang, key="expect", form="START/END"),
            said("author.test.example", case.lang, example='["2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00"]'),
        )
    windows = [f"{w.start.isoformat()}/{w.end.isoformat()}" for w in policy.maintenance_windows(a, b)]
    if expect == windows:
        return []
    return [said("author.test.windows_differ", case.lang)] + [
        f"  {d}" for d in difflib.ndiff(expect, windows) if d[:1] in "-+"
    ]


def _inline_log(events: Any, case: Case, declared: frozenset[str] = frozenset()) -> EventLog:
    """The events given in the case, each checked like a log line that names its line in the test file."""
    if not isinstance(events, list):
        raise _bad(
            case,
            "E162",
            said("author.test.events_list", case.lang, key="events"),
            said("author.test.events_list.help", case.lang, example="- {event: ..., at: ..., id: ...}"),
        )
    log = EventLog(case.file)
    problems: list[Problem] = []
    for item in events:
        line = getattr(item, "line", 0) or case.line
        data = dict(item) if isinstance(item, dict) else item
        ev, found = validate_mapping(data, case.file, line, declare_types(declared))
        if ev is None:
            problems += found
        else:
            log.add_event(ev, line)
    if problems:
        raise EventInputError(problems)
    return log


def _run_events(policy: Policy, case: Case) -> Iterator[str]:
    from ..evaluation import evaluate
    from ..events.reader import read_events

    spec, expect = case.spec, case.spec["expect"]
    if "events_file" in spec:
        log = read_events(Path(case.file).parent / str(spec["events_file"]), declared=policy.event_types)
    else:
        log = _inline_log(spec["events"], case, policy.event_types)
    period = _field(spec, "period", case)
    start, end = _range(policy, period, case, "period")
    lang = case.lang
    as_of = _time(policy, period["as_of"], "as_of", case) if "as_of" in period else None
    judged = evaluate(policy, log, start, end, as_of)
    report = judged.model_dump(mode="json")
    if not isinstance(expect, dict):
        keys = ("incidents", "outages", "planned_stops", "availability", "violations")
        sections = names(keys, lang)
        yield said("author.test.expect_sections", lang, key="expect", sections=sections)
        return
    for section, key in (("incidents", "status"), ("outages", "notice_status"), ("planned_stops", "notice_ok")):
        if section in expect:
            rows = {str(r["id"]): r for r in report[section]}
            yield from _expect_rows(section, expect[section], rows, key, lang)
    if "targets" in expect:  # keyed `ID:TARGET` (an incident's named target or an outage's notice rule)
        rows, twice = _target_rows(report)
        for ident in expect["targets"] if isinstance(expect["targets"], dict) else ():
            if str(ident) in twice:
                choices = ("、" if lang == "ja" else ", ").join(f"`{k}`" for k in twice[str(ident)])
                yield said("author.test.row_ambiguous", lang, section="targets", ident=ident, choices=choices)
        wanted = (
            {k: v for k, v in expect["targets"].items() if str(k) not in twice}
            if isinstance(expect["targets"], dict)
            else expect["targets"]
        )
        yield from _expect_rows("targets", wanted, rows, "status", lang)
    if "availability" in expect:
        yield from _expect_rows(
            "availability", {"": expect["availability"]}, {"": report["availability"]}, "ratio", lang
        )
    for section, key in (("availability_periods", "ratio"), ("credits", "credit_percent")):
        if section in expect:  # keyed `SERVICE:YYYY-MM-DD` (the service and its period's first day),
            # `SERVICE:YYYY-MM-DD:plan=premium` for a target with `when` (issue 13), as in violation ids
            rows = {
                f"{r['service']}:{str(r['start'])[:10]}" + (f":{compact(r['when'])}" if r.get("when") else ""): r
                for r in report[section]
            }
            yield from _expect_rows(section, expect[section], rows, key, lang)
    if "violations" in expect:
        wanted = expect["violations"] or []
        if not isinstance(wanted, list):
            raise _bad(
                case,
                "E162",
                said("author.test.violations_list", lang, key="expect.violations", example="{kind, id}"),
                said("author.test.example", lang, example="- {kind: response_breached, id: INC-1}"),
            )
        have = {(v["kind"], v["id"]) for v in report["violations"]}
        for v in wanted:
            if not isinstance(v, dict) or (str(v.get("kind")), str(v.get("id"))) not in have:
                shown = json.dumps(v, ensure_ascii=False, default=str)
                yield said("author.test.violation_missing", lang, key="violations", violation=shown)
    quiet = expect.get("no_violations")
    if quiet:
        kinds = None if quiet is True else {str(k) for k in quiet} if isinstance(quiet, list) else {str(quiet)}
        found = [v for v in judged.violations if kinds is None or v.kind in kinds]
        worded = violation_words(policy, judged, found, lang)
        for v, text in zip(found, worded, strict=True):
            yield said("author.test.violation_found", lang, key="violations", kind=v.kind, ident=v.id, message=text)


def run(policy: Policy, files: list[Path], only: str | None = None, lang: str = "en") -> list[Outcome]:
    """Load and run every case of ``files`` (only those whose name contains ``only``, if given), in ``lang``."""
    cases = [c for f in files for c in load_cases(f, lang)]
    return [run_case(policy, c) for c in cases if only is None or only in c.name]


def render(outcomes: list[Outcome], verbose: bool = False, lang: str = "en") -> str:
    """``opa test``-like text: failures with their explanation, then the counts (in ``lang``)."""
    lines: list[str] = []
    ok, bad = said("author.test.pass", lang), said("author.test.fail", lang)
    for o in outcomes:
        if o.passed and not verbose:
            continue
        where = f"{o.case.file}:{o.case.line}"
        lines.append(
            printable(said("author.test.case", lang, result=ok if o.passed else bad, where=where, name=o.case.name))
        )
        lines += [printable(f"    {p}") for p in o.problems]
    passed = sum(o.passed for o in outcomes)
    failed = len(outcomes) - passed
    if lines:
        lines.append("-" * 72)
    lines.append(said("author.test.count", lang, result=ok, n=passed, total=len(outcomes)))
    if failed:
        lines.append(said("author.test.count", lang, result=bad, n=failed, total=len(outcomes)))
    return "\n".join(lines) + "\n"


def cmd_test(args: argparse.Namespace) -> int:
    """``sla test POLICY TESTS...``."""
    from ..lang.diagnostics import policy_language
    from ..policy import load_policy

    policy = load_policy(args.policy)
    lang = args.lang or policy_language(policy.model)  # as sla_dsl.cli.langs: --lang, else the primary language
    with event_problems_in(lang):  # (a result after the supported years too: in the command's language)
        outcomes = run(policy, test_files(args.tests, lang), args.run, lang)
    if args.format == "json":
        doc = [
            {"name": o.case.name, "file": o.case.file, "line": o.case.line, "passed": o.passed, "problems": o.problems}
            for o in outcomes
        ]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(outcomes, args.verbose, lang))
    return 0 if all(o.passed for o in outcomes) else 1
