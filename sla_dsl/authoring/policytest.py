"""``sla test``: policy authors' own expectations, written in YAML and run like ``opa test``.

Design notes
------------
* A test file holds ``cases``; each case has a ``name`` and one kind of
  question with its ``expect``:

  ``deadline: {priority: P1, from: TIME}``
      expect the response due time (ISO 8601 with offset); ``attributes:
      {plan: premium}`` asks for the rule those attributes select (issue 13).
  ``maintenance: {from: DATE, to: DATE}``
      expect the list of windows as ``START/END`` strings, compared as instants
      (``13:00:00Z`` is ``22:00:00+09:00``).
  ``business_time: {from: TIME, to: TIME}`` / ``add_business_time: {from: TIME, hours: N}``
      expect a number of business hours / an instant, counted on the policy's default calendar (the
      first priority's whose response counts business time), or on the one ``calendar: NAME`` names (a
      calendar of the version in force at ``from``: another is refused at the value, with the near one).
  ``events: [...]`` (or ``events_file: PATH``, relative to the test file) with
  ``period: {from, to, as_of}``
      expect a mapping: ``incidents``, ``outages``, ``planned_stops`` map an id
      to a status (``met``, ``breached``, ... or for stops ``true``/``false``)
      or to a mapping of report fields; ``availability`` maps fields of the
      availability row of the first measured service (floats compared to 1e-9;
      a failure names the service); ``violations`` lists
      ``{kind, id}`` that must be present; ``no_violations`` is ``true`` (none
      at all) or a list of kinds that must not occur. ``availability_periods``
      and ``credits`` map ``SERVICE:YYYY-MM-DD`` (a service and the first day of
      its measurement period; ``SERVICE:YYYY-MM-DD:plan=premium`` for a target
      with ``when``) to a ratio / a credit percentage, or to fields.
      ``breach_credits`` maps ``PRIORITY:TARGET:YYYY-MM-DD`` (``P1:respond:2026-11-01``;
      ``P1:resolve@resolution:...`` for a target on a named clock, ``...:plan=premium`` for a rule
      with ``when``; the day is the row's ``start``, the first day of its whole measurement period,
      also when the evaluated period cuts it) to the credit percentage, or to fields
      (:func:`breach_credit_key`). Two versions' lines in one period give a row each under one such
      key: each is then keyed with ``:version=V`` after it, the version whose credit line it is, as its
      ``policy_versions`` column gives it (the first of several with one line; any of them names it),
      and the key without it is refused naming theirs (:func:`_breach_credit_rows`); a key with nothing
      after ``:version=`` is E162 where it is written, naming them too (:func:`_refuse_no_version`).
      ``credit_totals`` maps ``YYYY-MM-DD`` (the first day of a period of the header's ``credit total``)
      to the credit owed after the cap, or to fields (``credits`` before it, ``cap``, ``complete``).
      ``targets`` maps ``ID:TARGET`` (an incident and one of its named targets,
      ``ID:TARGET@CLOCK`` for its target on that clock) or ``ID:notify.NAME``
      (an incident's or an outage's notification rule: the row's kind and name
      as the JSON gives them; ``ID:NAME`` too while no other row of the record
      has that name) to a status or fields (:class:`TargetKeys`). A key two
      rows share (``INC-1:resolve`` of a ``resolve`` target and of ``notify
      resolve``) is refused with the full keys, each of which names one row.
      A key the report does not have is named with the nearest it has, else
      those of its incident or service, else the first few (:func:`_missing`).

  ``expect`` can hold only what the author cares about: fields that are not
  named are not checked. But every key is one the test reads
  (:func:`check_case`, before any case runs): a key it does not read (a
  misspelt ``incidents``, ``as_of`` or ``attributes``, ``expected_failure``
  on a case, a key beside ``cases``) is refused at its line and column with
  the keys it reads and the near one; so is a kind of violation no report
  lists (:data:`VIOLATION_KINDS`) and an ``expect`` that checks nothing
  (``{}``, ``no_violations: false`` alone). A case that checks what it does
  not say it checks, or nothing, could never fail. The fields a row names are
  those of the report's rows in its JSON (:func:`row_model`), and a value of a
  field with few values (a status, ``true``/``false``) is one it can hold
  (:func:`_check_rows`): a misspelt field or status is refused at it with the
  fields or values and the near one, not found different when the case runs.
  ``ID:response`` under ``targets`` (the plain ``respond within``, as ``sla
  deadline --target`` names it) has no row there: it is refused at the key,
  saying the verdict is the incident's ``status`` (:func:`_plain_response`).
* An expected time (a deadline, an instant, a window's edges, a report field
  the report gives as an instant) is an instant: one without an offset is
  refused as a ``from`` without one is (E162), and it is compared as an
  instant, not as text.
* ``sla test POLICY... TESTS...`` takes the policy's versions as ``sla
  evaluate`` does (files, or directories of ``*.sla`` files; :func:`split_paths`
  tells them from the test files after them), and answers each case by the
  version in force at its ``from`` (:func:`run_case`), with the note ``sla
  deadline`` gives (:class:`Outcome`'s ``notes``); a version numbered after
  another that takes effect later (W307 of ``sla check``) is said on stderr as
  ``sla deadline`` says it, the results and exit status unchanged, once; with
  ``--format json``, in the ``notes`` of each case that reaches it instead (the
  document stays the list of cases), as ``sla deadline``'s JSON carries its
  notes. Only of a case whose question reaches the date of the version with the
  higher number, as ``sla deadline`` and ``sla maintenance`` filter it
  (:meth:`Outcome.reach`: a ``deadline``'s or ``add_business_time``'s ``from``,
  a ``business_time``'s, ``maintenance``'s or ``period``'s range), or that
  version answers as the earliest. A test file
  first, a policy after the test files or no test file is wrong usage saying
  what to write.
  Business time (``business_time``, ``add_business_time``) is counted to the
  end of its span on the calendars of the version in force at ``from``, as the
  evaluator counts one incident's on the version in force at its clock start
  (interpretation reading 17) and ``sla deadline`` from ``--from``; a version
  that takes effect within the span is named in a note saying it is not used
  (:func:`_counted_from`), so that a case says which calendars it counted on.
* YAML timestamps stay strings, so times are read once, by the same rules as
  the command that answers the question: ISO 8601 with an offset, or a plain
  date meaning 00:00 in the policy's zone where that command takes one
  (``maintenance`` as ``sla maintenance``, a ``period`` as ``sla evaluate``);
  ``deadline`` and the business-time questions take instants only, as ``sla
  deadline --from`` does, a date or a time without an offset refused at the
  value with the line to write in the policy's zone (:func:`_time`). The file
  is read by :mod:`.testyaml`, with limits on its size, nesting and aliases: a
  hostile file is a located error, never a hang or a crash.
* A malformed test file is an input error naming the file, the line and
  column of the key, item or value at fault (:class:`.testyaml.Map` keeps
  them; the case's line when none is known) and the case:
  ``FILE:LINE:COL: error: [E16x] case `NAME`: ...`` with a ``help`` line.
  E160: not a test file (unreadable, invalid YAML, a key given twice in one
  mapping, a key the test does not read, a case without a question or an
  ``expect``, an ``expect`` that checks nothing); E161: too large; E162: a
  value of the wrong kind (hours that are not a number from 0 to 100,000, a
  number of hours to expect that is not a finite number, a time that is not
  text or has no offset, a kind of violation no report lists); E163: a range
  that is reversed (``maintenance``) or empty (a ``period``). ``sla test``
  prints it in its own frame only (:mod:`sla_dsl.cli.author`). Events given
  inline are checked like a log's lines, and their errors name the test
  file's lines: their problems are left for the evaluator to settle with its
  own (a priority the policy does not know), so every problem is said at
  once, as for a log file (an ``events_file`` is read the same way). An event
  whose form is wrong is checked for those values too (:func:`~sla_dsl.events.validate.values_only`),
  so that one line with a time without an offset and an unknown priority says
  both.
* A case that fails prints expected and actual side by side. Exit 1 on any
  failure, and when no case runs (:func:`select`): a ``--run`` that no case's
  name contains (a typo) is named with some of the names there are, and test
  files with no case (``cases: []``) as such, since a run that checks nothing
  must not pass. What the test file says is shown, not obeyed: control characters
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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from types import UnionType
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel

from ..errors import InputError, NaiveDatetimeError, place
from ..evaluation.in_force import VersionsInForce, effective_start
from ..events import EventLog, Problem, validate_mapping
from ..events.problems import EventSourceError, event_problems_in
from ..events.reader import misnamed_problems
from ..events.schema import declare_types
from ..events.validate import values_only
from ..i18n import format_date
from ..i18n import message as said
from ..i18n.authoring import names
from ..lang.diagnostics import WordedInputError, suggest, words
from ..policy.compiled import Policy
from ..report import Report
from ..report.escape import printable
from ..report.incident_rows import TargetRow
from ..report.periods import breach_credit_key, compact
from . import testyaml
from .replay import violation_words
from .testyaml import problem

QUESTIONS = ("deadline", "maintenance", "business_time", "add_business_time", "events", "events_file")
#: The keys of each question's mapping (``events`` and ``events_file`` take a ``period`` beside them).
QUESTION_KEYS: dict[str, tuple[str, ...]] = {
    "deadline": ("priority", "from", "attributes"),
    "maintenance": ("from", "to"),
    "business_time": ("from", "to", "calendar"),
    "add_business_time": ("from", "hours", "calendar"),
}
#: The keys of a case's ``period``.
PERIOD_KEYS = ("from", "to", "as_of")
#: What the ``expect`` of a case with events may check.
SECTIONS = (
    "incidents",
    "outages",
    "planned_stops",
    "targets",
    "availability",
    "availability_periods",
    "credits",
    "breach_credits",
    "credit_totals",
    "violations",
    "no_violations",
)
#: The keys of an item of ``expect.violations``.
VIOLATION_KEYS = ("kind", "id")
#: The kinds of violation a report lists (:class:`~sla_dsl.report.Violation`'s ``kind``).
VIOLATION_KINDS = (
    "response_breached",
    "target_breached",
    "notice_breached",
    "stop_notice_invalid",
    "backup_missed",
    "backup_retention",
    "backup_zone",
    "availability",
    "data",
)
#: The field of a report row that a bare value under each section of ``expect`` is, as :func:`_run_events`
#: compares it (``INC-1: met`` is ``INC-1: {status: met}``).
BARE_FIELD = {
    "incidents": "status",
    "outages": "notice_status",
    "planned_stops": "notice_ok",
    "targets": "status",
    "availability": "ratio",
    "availability_periods": "ratio",
    "credits": "credit_percent",
    "breach_credits": "credit",
    "credit_totals": "owed",
}
_T = TypeVar("_T")
#: Most business hours ``add_business_time`` may add (57 years of 7-hour business days).
MAX_HOURS = 100_000

#: A place in a test file: (line, column) from 1; column 0 when only the line is known, (0, 0) neither.
Place = tuple[int, int]


@dataclass
class Case:
    """One expectation from a test file."""

    name: str
    file: str
    line: int
    spec: dict[str, Any]
    #: the language of what is said about the case (``ja`` or ``en``)
    lang: str = "en"
    #: the policy's time zone, when known: an expected time written without its offset is shown with the
    #: policy's (:func:`_instant`)
    zone: dt.tzinfo | None = None


@dataclass
class Outcome:
    """The result of one case: passed, or the lines that explain the failure."""

    case: Case
    problems: list[str] = field(default_factory=list)
    #: which versions answered, when several were given or none was in force yet (``judged under version
    #: 2 (effective 2026-10-01)``, as ``sla deadline``'s note says it), in the case's language
    notes: list[str] = field(default_factory=list)
    #: what the case's question reaches, to say W307 of (:meth:`reach`): its first instant, its end (``None``:
    #: an instant alone) and the versions that answered it
    reached: tuple[dt.datetime, dt.datetime | None, tuple[Policy, ...]] | None = None
    #: the notes of versions numbered after another that takes effect later that the question reaches
    #: (W307 of ``sla check``, :meth:`~sla_dsl.evaluation.in_force.VersionsInForce.shadowed`), in the case's
    #: language: said on stderr in text, in ``notes`` in JSON
    shadowed: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems

    def reach(self, start: dt.datetime, end: dt.datetime | None, used: Sequence[Policy]) -> None:
        """Keep what the question asks: the instant ``start`` (or the range ``[start, end)``), answered by
        ``used``."""
        self.reached = (start, end, tuple(used))

    def note(self, text: str | None) -> None:
        """Keep ``text`` among the notes, once (``None``: nothing to note)."""
        if text is not None and text not in self.notes:
            self.notes.append(text)


def load_cases(path: Path, lang: str = "en", zone: dt.tzinfo | None = None) -> list[Case]:
    """The cases of one YAML test file (InputError with file and line when it is malformed, in ``lang``;
    ``zone``: the policy's, the offset an expected time written without one is shown with).

    Every key is one the test reads (:func:`check_case`): a misspelt key is refused where it is written,
    never ignored, so a case cannot pass for checking what it does not check; every case's, at once."""
    read = _load(path, lang, zone)
    errors = [e for e in read if isinstance(e, InputError)]
    if errors:
        raise joined(errors, lang)
    return [c for c in read if isinstance(c, Case)]


def _load(path: Path, lang: str, zone: dt.tzinfo | None) -> list[Case | InputError]:
    """Each case of a test file, in order: the case when it says only what the test reads, else its error; an
    :class:`InputError` when the file holds no list of cases."""
    doc = testyaml.load(path, lang)
    if not isinstance(doc, dict) or not doc:
        raise problem(
            f"{path}:1",
            "E160",
            said("author.test.not_cases", lang, key="cases"),
            said("author.test.not_cases.help", lang, start="cases:"),
            lang,
        )
    for key in doc:  # (a misspelt `cases` first: named where it is written, with `cases`)
        if key != "cases":
            raise problem(
                _where(str(path), _place(doc, key), 1),
                "E160",
                said("author.test.unknown_top_key", lang, key=key),
                _keys_help(key, ("cases",), lang),
                lang,
            )
    if not isinstance(doc.get("cases"), list):  # (`cases:` with nothing under it, or no list)
        raise problem(
            _where(str(path), _place(doc, "cases"), 1),
            "E160",
            said("author.test.cases_not_list", lang, key="cases"),
            said("author.test.cases_not_list.help", lang, key="cases", item="- name: ..."),
            lang,
        )
    read: list[Case | InputError] = []  # (every case's error, said at once, each where it is written)
    for n, raw in enumerate(doc["cases"], 1):
        line = getattr(raw, "line", 0)
        if not isinstance(raw, dict):
            help = said("author.test.not_mapping.help", lang, example="- name: ...")
            at = _where(str(path), _item_place(doc, "cases", n - 1), 0)
            read.append(problem(at, "E160", said("author.test.not_mapping", lang, n=n), help, lang))
            continue
        name = str(raw.get("name") or said("author.test.case_n", lang, n=n))
        case = Case(name=name, file=str(path), line=line, spec=raw, lang=lang, zone=zone)
        try:
            check_case(case)
        except InputError as exc:
            read.append(exc)
            continue
        read.append(case)
    return read


def joined(errors: Sequence[InputError], lang: str) -> InputError:
    """The errors of several cases (each in its own frame: :func:`.testyaml.problem`) as one."""
    if len(errors) == 1:
        return errors[0]
    return InputError("\n".join(str(e) for e in errors), lang=lang, framed=True)


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


# ---- what a case may say ----------------------------------------------------------------------


def check_case(case: Case, known: dict[str, tuple[str, ...]] | None = None) -> None:
    """Refuse a case that says what the test does not read, or checks nothing (E160, E162 at the key).

    A key no question reads (``expected_failure``, ``asof``, ``incident`` for ``incidents``), a kind of
    violation no report lists, an ``expect`` with nothing to check, a value its field cannot hold: each
    would make the case pass whatever the policy does, or fail it whatever the policy does. ``known``:
    the names the policy knows for a field of a row (:func:`policy_names`; when the policy is read), so
    that ``priority: P9`` is refused where it is written too."""
    raw, lang, name = case.spec, case.lang, case.name
    for key in raw:
        if key not in ("name", "expect", "period", *QUESTIONS):
            asked = [q for q in QUESTIONS if q in raw]
            keys = _case_keys(asked[0]) if len(asked) == 1 else ("name", *QUESTIONS, "period", "expect")
            near = suggest(str(key), ("name", "expect", "period", *QUESTIONS))
            message = said("author.test.unknown_case_key", lang, key=key)
            raise _bad(case, "E160", message, _keys_help(key, keys, lang, near), _place(raw, key))
    where = f"{case.file}:{case.line}"
    asked = [q for q in QUESTIONS if q in raw]
    if "events_file" in asked and "events" in asked:
        both = said("author.test.both_events", lang, name=name, events="events", events_file="events_file")
        raise problem(where, "E160", both, said("author.test.keep_one", lang), lang)
    if len(asked) != 1:
        questions = names(QUESTIONS, lang)
        example = 'deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}'
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
    question = asked[0]
    if question in QUESTION_KEYS:
        if "period" in raw:
            message = said(
                "author.test.period_only_events", lang, period="period", events="events", events_file=("events_file")
            )
            raise _bad(case, "E160", message, _keys_help("period", _case_keys(question), lang), _place(raw, "period"))
        _known_keys(raw[question], QUESTION_KEYS[question], case, question)
        return
    _known_keys(raw.get("period"), PERIOD_KEYS, case, "period")
    _check_expect(case, known or {})


def _case_keys(question: str) -> tuple[str, ...]:
    """The keys of a case that asks ``question``."""
    return ("name", question, "expect") if question in QUESTION_KEYS else ("name", question, "period", "expect")


def _keys_help(key: object, keys: tuple[str, ...], lang: str, near: str | None = None) -> str:
    """``did you mean `near`? the keys are ...`` (the near one found among ``keys`` unless given)."""
    near = near or suggest(str(key), keys)
    listed = names(keys, lang)
    if near:
        return said("author.test.keys_near", lang, near=near, keys=listed)
    return said("author.test.keys", lang, keys=listed)


def _known_keys(mapping: Any, keys: tuple[str, ...], case: Case, where: str) -> None:
    """Refuse a key of ``mapping`` (the value of ``where``) that is not one of ``keys`` (E160 at the key)."""
    if not isinstance(mapping, dict):
        return  # (a question that is not a mapping: refused when it is asked, as `needs`)
    for key in mapping:
        if key not in keys:
            message = said("author.test.unknown_key", case.lang, key=key, where=where)
            raise _bad(case, "E160", message, _keys_help(key, keys, case.lang), _place(mapping, key))


def _check_expect(case: Case, known: dict[str, tuple[str, ...]]) -> None:
    """The ``expect`` of a case with events: a mapping of :data:`SECTIONS` that checks something, each value
    one its field can hold (``known``: the names the policy knows, by field)."""
    raw, lang = case.spec, case.lang
    expect, at = raw["expect"], _place(raw, "expect")
    if expect is not None and not isinstance(expect, dict):
        message = said("author.test.expect_sections", lang, key="expect", sections=names(SECTIONS, lang))
        raise _bad(case, "E162", message, said("author.test.example", lang, example=_CHECK_EXAMPLE), at)
    expect = expect or {}
    _known_keys(expect, SECTIONS, case, "expect")
    for section in expect:
        _check_rows(expect, str(section), case, known)
    if "no_violations" in expect:
        _check_kinds(expect, case)
    if "violations" in expect:
        _check_violations(expect, case)
    if not any(_checks(key, value) for key, value in expect.items()):
        raise _bad(
            case,
            "E160",
            said("author.test.checks_nothing", lang, expect="expect"),
            said("author.test.checks_nothing.help", lang, example=_CHECK_EXAMPLE),
            at,
        )


_CHECK_EXAMPLE = "incidents: {INC-1: met}"


def _checks(section: str, value: Any) -> bool:
    """Whether ``value`` under ``section`` of ``expect`` checks anything (an empty one, or
    ``no_violations: false``, does not)."""
    if section == "no_violations":
        return value is True or (isinstance(value, list | str) and bool(value))
    if isinstance(value, dict | list | str):
        return bool(value)
    return value is not None


def _kinds_help(kind: str, lang: str) -> str:
    near = suggest(kind, VIOLATION_KINDS)
    listed = names(VIOLATION_KINDS, lang)
    if near:
        return said("author.test.kinds_near", lang, near=near, kinds=listed)
    return said("author.test.kinds", lang, kinds=listed)


def _known_kind(kind: Any, case: Case, where: str, at: Place) -> None:
    if str(kind) not in VIOLATION_KINDS:
        message = said("author.test.unknown_kind", case.lang, kind=kind, where=where)
        raise _bad(case, "E162", message, _kinds_help(str(kind), case.lang), at)


def _check_kinds(expect: Any, case: Case) -> None:
    """``no_violations``: ``true`` (none at all), ``false``, or a kind or list of kinds a report lists."""
    quiet = expect["no_violations"]
    if quiet is None or isinstance(quiet, bool):
        return
    if isinstance(quiet, str):
        _known_kind(quiet, case, "expect.no_violations", _place(expect, "no_violations"))
        return
    if not isinstance(quiet, list):
        message = said("author.test.not_kinds", case.lang, key="expect.no_violations", true="true")
        example = said("author.test.example", case.lang, example="no_violations: [response_breached]")
        raise _bad(case, "E162", message, example, _place(expect, "no_violations"))
    for i, kind in enumerate(quiet):
        _known_kind(kind, case, "expect.no_violations", _item_place(expect, "no_violations", i))


def _check_violations(expect: Any, case: Case) -> None:
    """``violations``: a list of ``{kind, id}``, each kind one a report lists."""
    wanted, lang = expect["violations"], case.lang
    example = said("author.test.example", lang, example="- {kind: response_breached, id: INC-1}")
    if wanted is None:
        return
    if not isinstance(wanted, list):
        message = said("author.test.violations_list", lang, key="expect.violations", example="{kind, id}")
        raise _bad(case, "E162", message, example, _place(expect, "violations"))
    for i, v in enumerate(wanted):
        at = _item_place(expect, "violations", i)
        if not isinstance(v, dict):
            message = said("author.test.violations_list", lang, key="expect.violations", example="{kind, id}")
            raise _bad(case, "E162", message, example, at)
        _known_keys(v, VIOLATION_KEYS, case, "expect.violations")
        for key in VIOLATION_KEYS:
            if key not in v:
                needs = said("author.test.needs", lang, name=case.name, key=key)
                raise problem(_where(case.file, _start(v), case.line), "E160", needs, example, lang)
        _known_kind(v["kind"], case, "expect.violations", _place(v, "kind"))


def row_model(section: str) -> type[BaseModel] | None:
    """The model of the report's rows that ``section`` of ``expect`` checks (their JSON fields): the report's
    field of that name (a list of rows; one row for ``availability``), a target's for ``targets``; none for
    a section of no rows (``violations``)."""
    if section == "targets":
        return TargetRow
    given = Report.model_fields.get(section)
    if given is None:
        return None
    args = get_args(given.annotation)
    model = args[0] if args else given.annotation
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def row_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields a row of ``model`` has in the report's JSON (those the JSON leaves out are not)."""
    return (*(k for k, f in model.model_fields.items() if not f.exclude), *model.model_computed_fields)


def field_values(annotation: Any) -> tuple[Any, ...] | None:
    """The values a field of this type can hold when they are few (a status: a ``Literal``'s; ``true`` and
    ``false``), with ``None`` when it may be null; None when they are not few (a time, a number, a text)."""
    if annotation is bool:
        return (True, False)
    origin = get_origin(annotation)
    if origin is Literal:
        return get_args(annotation)
    if origin is Union or origin is UnionType:
        out: list[Any] = []
        for arg in get_args(annotation):
            few = (None,) if arg is type(None) else field_values(arg)
            if few is None:
                return None
            out += few
        return tuple(out)
    return None


def field_kind(annotation: Any) -> tuple[str | None, bool]:
    """What a field of this type holds, as ``expect`` writes it: ``number``, ``whole`` (a number of things),
    ``text``, ``instant`` (a time with its offset), ``texts`` (a list of text), ``list``, ``mapping``; None
    when it is not checked (a field of few values: :func:`field_values`). With whether it may be null."""
    nullable = False
    if get_origin(annotation) in (Union, UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(get_args(annotation))
        if len(args) != 1:
            return None, nullable
        annotation = args[0]
    kinds: dict[Any, str] = {int: "whole", float: "number", str: "text", dt.datetime: "instant"}
    if not isinstance(annotation, type) or annotation is bool:
        kind = ("texts" if get_args(annotation) == (str,) else "list") if get_origin(annotation) is list else None
        return kind, nullable
    if issubclass(annotation, BaseModel):
        return "mapping", nullable
    return kinds.get(annotation), nullable


def _fits(kind: str, value: Any) -> bool:
    """Whether ``value`` is written as a field of ``kind`` holds it (an instant's text is read after)."""
    if kind in ("number", "whole"):
        number = isinstance(value, int | float) and not isinstance(value, bool)
        try:
            finite = number and math.isfinite(float(value))
        except OverflowError:  # (an integer beyond any float)
            finite = False
        return finite and (kind == "number" or float(value).is_integer())
    if kind in ("text", "instant"):
        return isinstance(value, str)
    if kind == "texts":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, list if kind == "list" else dict)


#: Where ``expect`` names the policy's own names, by field: a row's field and what the policy names so
#: (:func:`policy_names`).
NAMED_FIELDS = ("priority", "service", "clock")


def policy_names(versions: VersionsInForce) -> dict[str, tuple[str, ...]]:
    """The names each of :data:`NAMED_FIELDS` can hold under any of the policy's versions: its priorities,
    services and clocks, in the order written."""
    out: dict[str, dict[str, None]] = {name: {} for name in NAMED_FIELDS}
    for policy in versions.policies:
        model = policy.model
        out["priority"].update(dict.fromkeys(p.id for p in model.priorities))
        out["service"].update(dict.fromkeys(s.name for s in model.services))
        out["clock"].update(dict.fromkeys(c.name for c in model.clocks))
    return {name: tuple(found) for name, found in out.items()}


#: A mapping written under each section of ``expect`` whose value is not one (:func:`_check_rows`).
SECTION_EXAMPLES = {
    "incidents": "incidents: {{{ident}: met}}",
    "outages": "outages: {{{ident}: met}}",
    "planned_stops": "planned_stops: {{{ident}: true}}",
    "targets": 'targets: {{"{ident}:resolve": met}}',
    "availability_periods": 'availability_periods: {{"{ident}:2026-11-01": 0.999}}',
    "credits": 'credits: {{"{ident}:2026-11-01": 10}}',
    "breach_credits": 'breach_credits: {{"{ident}:respond:2026-11-01": 10}}',
    "credit_totals": 'credit_totals: {{"{ident}": 30}}',
}
#: The id each example names when the value written names none.
SECTION_IDS = {
    "incidents": "INC-1",
    "outages": "OUT-1",
    "planned_stops": "STOP-1",
    "targets": "INC-1",
    "availability_periods": "content",
    "credits": "content",
    "breach_credits": "P1",
    "credit_totals": "2026-11-01",
}


def _check_rows(expect: Any, section: str, case: Case, known: dict[str, tuple[str, ...]]) -> None:
    """Each row ``section`` of ``expect`` names: a mapping of rows (E162 at the value otherwise), every field
    one its report rows have (E160 at the key, with the fields and the near one), every value one its field
    can hold: of a field with few values (a status) one of them, of any other its kind (a number, a text, a
    time with its offset, a list), of a field naming the policy's names (``priority``) one the policy has
    (``known``); E162 at the value, with what to write. So that a misspelt field or status, or a value of
    the wrong kind, is refused where it is written, not found different from the report when the case runs."""
    model, wanted = row_model(section), expect[section]
    if model is None or section not in BARE_FIELD:  # (`violations`: a list of its own, _check_violations)
        return
    if section == "availability":  # (the fields of the one row, or its ratio)
        _check_row(model, section, None, wanted, expect, section, case, known)
    elif isinstance(wanted, dict):
        for ident, want in wanted.items():
            _check_row(model, section, str(ident), want, wanted, ident, case, known)
    elif wanted is not None:  # (`incidents: INC-1`: not a mapping of rows)
        ident = wanted if isinstance(wanted, str) and wanted.strip() else SECTION_IDS[section]
        example = SECTION_EXAMPLES[section].format(ident=ident.strip())
        message = said("author.test.rows_mapping", case.lang, where=f"expect.{section}", field=BARE_FIELD[section])
        raise _bad(
            case, "E162", message, said("author.test.write", case.lang, line=example), _value_place(expect, section)
        )


def _check_row(
    model: type[BaseModel],
    section: str,
    ident: str | None,
    want: Any,
    holder: Any,
    key: Any,
    case: Case,
    known: dict[str, tuple[str, ...]],
) -> None:
    """One row's expectation ``want`` (fields, or the value of :data:`BARE_FIELD`), written under ``key`` of
    ``holder``."""
    where = f"expect.{section}" + (f".{ident}" if ident is not None else "")
    if isinstance(want, dict):
        fields = row_fields(model)
        for name, value in want.items():
            if name not in fields:
                message = said("author.test.unknown_key", case.lang, key=name, where=where)
                raise _bad(case, "E160", message, _keys_help(name, fields, case.lang), _place(want, name))
            _check_value(model, where, str(name), value, case, _value_place(want, name), known)
    elif section in BARE_FIELD:
        _check_value(model, where, BARE_FIELD[section], want, case, _value_place(holder, key), known)


def _check_value(
    model: type[BaseModel],
    where: str,
    name: str,
    value: Any,
    case: Case,
    at: Place,
    known: dict[str, tuple[str, ...]],
) -> None:
    """E162 at ``at`` when ``value`` is not one field ``name`` of ``model`` can hold: one of its few values
    (a status), a value of its kind (:func:`field_kind`), one of the policy's names (``known``)."""
    given = model.model_fields.get(name)
    if given is None:  # (a computed field: not checked)
        return
    few = field_values(given.annotation)
    if few is not None:
        if not any(type(value) is type(v) and value == v for v in few):
            _refuse_value(where, name, value, [value_text(v) for v in few], case, at)
        return
    kind, nullable = field_kind(given.annotation)
    if kind is None or (value is None and nullable):
        return
    if not _fits(kind, value):
        raise _wrong_kind(where, name, kind, value, case, at)
    if kind == "instant":
        _instant(value, f"{where}.{name}", case, at, key=name)
    elif name in known and known[name] and value not in known[name]:
        _refuse_value(where, name, value, list(known[name]), case, at)


def _refuse_value(where: str, name: str, value: Any, listed: list[str], case: Case, at: Place) -> None:
    """E162 at ``at``: ``value`` is none of the values ``listed`` that field ``name`` can hold (the near one
    named)."""
    shown = value_text(value)
    near = suggest(shown, listed)
    lang = case.lang
    help = (
        said("author.test.values_near", lang, near=near, values=names(listed, lang))
        if near
        else said("author.test.values", lang, values=names(listed, lang))
    )
    message = said("author.test.unknown_value", lang, where=where, field=name, value=shown)
    raise _bad(case, "E162", message, help, at)


#: Fields that are a fraction (``0.999``), not a percentage: a ``99.9%`` written for one is ``0.999``.
FRACTIONS = ("ratio",)


def _wrong_kind(where: str, name: str, kind: str, value: Any, case: Case, at: Place) -> InputError:
    """E162 at ``at``: ``value`` is not of the ``kind`` field ``name`` holds, with the line to write (the
    number a text such as ``"15%"`` means, a text in quotes, an example)."""
    lang = case.lang
    line: str | None = None
    if kind in ("number", "whole") and isinstance(value, str):
        text = value.strip()
        percent = text.endswith("%")
        try:
            number = float(text.removesuffix("%").strip())
        except ValueError:
            number = math.nan
        if math.isfinite(number):
            number = number / 100 if percent and name in FRACTIONS else number
            line = f"{name}: {int(number) if number.is_integer() else round(number, 12)!r}"
    elif kind == "text" and value is not None and not isinstance(value, list | dict):
        line = f'{name}: "{value_text(value)}"'
    examples = {
        "number": f"{name}: 1.5",
        "whole": f"{name}: 3",
        "text": f'{name}: "..."',
        "instant": f'{name}: "2026-11-30T12:00:00+09:00"',
        "texts": f"{name}: [INC-1, INC-2]",
        "list": f"{name}: [...]",
        "mapping": f"{name}: {{...}}",
    }
    shown = value_text(value)
    message = said(
        "author.test.wrong_kind",
        lang,
        where=where,
        field=name,
        kind=said(f"author.test.kind.{kind}", lang),
        value=shown[:60],
    )
    return _bad(case, "E162", message, said("author.test.write", lang, line=line or examples[kind]), at)


def value_text(value: Any) -> str:
    """A value of a test file or a report as a message shows it: text as it is, anything else as YAML and
    JSON write it (``true``, ``null``, ``0.5``)."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)


# ---- running --------------------------------------------------------------------------------


def _place(mapping: Any, key: str) -> Place:
    """Where ``key`` of ``mapping`` is written (a mapping not read from a file: nowhere)."""
    return mapping.place(key) if isinstance(mapping, testyaml.Map) else (0, 0)


def _value_place(mapping: Any, key: str) -> Place:
    """Where the value of ``key`` of ``mapping`` is written."""
    return mapping.value_place(key) if isinstance(mapping, testyaml.Map) else (0, 0)


def _item_place(mapping: Any, key: str, index: int) -> Place:
    """Where item ``index`` of the list under ``key`` of ``mapping`` is written."""
    return mapping.item_place(key, index) if isinstance(mapping, testyaml.Map) else (0, 0)


def _start(mapping: Any) -> Place:
    """Where ``mapping`` starts (its ``{`` or first key)."""
    return (mapping.line, mapping.column) if isinstance(mapping, testyaml.Map) else (0, 0)


def _where(file: str, at: Place, line: int) -> str:
    """``FILE:LINE:COL`` of ``at``, ``FILE:LINE`` when only its line (else ``line``) is known."""
    row, column = at
    return place(file, row, column) if row and column else place(file, row or line)


def _bad(case: Case, code: str, message: str, help: str | None = None, at: Place = (0, 0)) -> InputError:
    """A located error in one case: at ``at`` (a key or item of the file), else at the case's line."""
    return problem(
        _where(case.file, at, case.line),
        code,
        said("author.test.in_case", case.lang, name=case.name, message=message),
        help,
        case.lang,
    )


def _time(policy: Policy, q: Any, what: str, case: Case, instant: bool = False) -> dt.datetime:
    """Time ``what`` of question ``q``: ISO 8601 with an offset, or (unless ``instant``) a date meaning 00:00 in
    the policy's zone, as the command that answers the question takes it: ``sla deadline --from`` takes an
    instant only (so do the business-time questions, counted as it counts), ``sla maintenance`` and ``sla
    evaluate`` a date too. A date or time without an offset where an instant is needed is refused (E162 at
    the value) with the line to write, in the policy's zone."""
    from ..calendars.timeargs import in_zone, parse_edge, parse_instant

    value, at = _field(q, what, case), _place(q, what)
    if not isinstance(value, str):
        example = said("author.test.example", case.lang, example="2026-11-27T16:00:00+09:00")
        raise _bad(case, "E162", said("author.test.not_time", case.lang, what=what), example, at)
    try:
        if instant:
            return parse_instant(value, what, case.lang, policy.tz)
        return parse_edge(value, policy.tz, what, case.lang)
    except NaiveDatetimeError as exc:
        naive = in_zone(dt.datetime.fromisoformat(value.strip()), policy.tz)
        line = f'{what}: "{naive.isoformat()}"'
        raise _bad(case, "E162", str(exc), _offset_help(case, line), at) from None
    except InputError as exc:
        raise _bad(case, "E162", str(exc), None, at) from None


def _offset_help(case: Case, line: str) -> str:
    """What to write for a time of the case's question given without its offset: ``line``, said as the
    question takes it (each key written out, for the error-code page: :mod:`sla_dsl.docs.code_words`)."""
    lang, spec = case.lang, case.spec
    if "deadline" in spec:  # (as `sla deadline --from`)
        return said("author.test.date_not_instant.help", lang, line=line)
    if "business_time" in spec:
        return said("author.test.date_not_instant.business_time", lang, line=line, what="business_time")
    if "add_business_time" in spec:
        return said("author.test.date_not_instant.add_business_time", lang, line=line, what="add_business_time")
    return said("author.test.date_not_instant.edge", lang, line=line)  # (a maintenance range, a period)


def _instant(
    value: Any, what: str, case: Case, at: Place, key: str | None = None, line: str | None = None
) -> dt.datetime:
    """An expected instant: ISO 8601 with an offset (E162 at ``at`` otherwise, as for ``from``). One written
    without its offset is shown with the policy's, as the line to write: ``key: "..."`` (``key``: the key it
    is written under, ``what`` unless given; ``line``: the line to write, when the caller knows it better,
    as the window an edge of which it is); a date alone is said to need its time."""
    from ..calendars.timeargs import parse_instant

    if not isinstance(value, str):
        example = said("author.test.example", case.lang, example="2026-11-30T12:00:00+09:00")
        raise _bad(case, "E162", said("author.test.not_instant", case.lang, what=what), example, at)
    try:
        return parse_instant(value, what, case.lang, case.zone)
    except NaiveDatetimeError as exc:
        raise _bad(case, "E162", str(exc), _naive_help(case, value, key or what, line), at) from None
    except InputError as exc:
        raise _bad(case, "E162", str(exc), None, at) from None


def with_offset(value: str, zone: dt.tzinfo | None) -> str | None:
    """``value``, a time without its offset, with the offset it has in ``zone`` (``None``: no zone, or no
    time; where the clock shows it twice, its first time; where the clock skips it, the jump:
    :func:`~sla_dsl.calendars.timeargs.in_zone`); one with an offset as it is."""
    from ..calendars.timeargs import in_zone

    text = value.strip()
    try:
        t = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if t.tzinfo is not None:
        return text
    return in_zone(t, zone).isoformat() if zone is not None else None


def _naive_help(case: Case, value: str, key: str, line: str | None) -> str | None:
    """The help for an expected time written without its offset: the line to write with the policy's offset
    (``line`` if given); for a date alone, that a time is needed, with the date's offset. ``None`` when the
    policy's zone is not known."""
    fixed = with_offset(value, case.zone)
    if fixed is None:
        return None
    if len(value.strip()) <= 10:  # (a date alone: the time is to be said, not guessed)
        shown = f'{key}: "{fixed[:10]}THH:MM{fixed[19:]}"'
        return said("author.test.expect_time.help", case.lang, line=shown)
    return said("author.test.expect_offset.help", case.lang, line=line or f'{key}: "{fixed}"')


def _field(spec: Any, key: str, case: Case) -> Any:
    if not isinstance(spec, dict) or key not in spec:
        needs = said("author.test.needs", case.lang, name=case.name, key=key)
        raise problem(_where(case.file, _start(spec), case.line), "E160", needs, lang=case.lang)
    return spec[key]


def _number(
    value: Any, what: str, case: Case, low: float = -math.inf, high: float = math.inf, at: Place = (0, 0)
) -> float:
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
            at,
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


def _is_instant(value: Any) -> bool:
    """Whether ``value`` is the text of an instant as a report writes one (ISO 8601 with an offset)."""
    if not isinstance(value, str) or len(value) <= 10:
        return False
    try:
        return dt.datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _expect_rows(
    section: str,
    expected: Any,
    rows: dict[str, dict[str, Any]],
    key: str,
    case: Case,
    written: list[str] | None = None,
    named: dict[str, tuple[str, tuple[str, ...]]] | None = None,
) -> Iterator[str]:
    """What differs between the rows ``expected`` (id to ``key``'s value, or to fields) and the report's.

    A key the report does not have is named with the keys it has (:func:`_missing`; ``written``: the keys
    to offer, every key of ``rows`` unless given; ``named``: of ``targets``, each incident's priority and
    the named targets the policy gives it, :func:`_no_such_target`). An expected time of a field the report
    gives as an instant must be one (E162 at it, as ``from``)."""
    lang = case.lang
    if expected is None:  # (checks nothing: refused when it is all `expect` says, see _checks)
        return
    if not isinstance(expected, dict):
        yield said("author.test.expected_mapping", lang, section=section, key=key)
        return
    for ident, want in expected.items():
        row = rows.get(str(ident))
        if row is None and section == "targets" and str(ident).rpartition(":")[2] == PLAIN_RESPONSE:
            written_in = expected if isinstance(expected, testyaml.Map) else case.spec["expect"].get(section)
            raise _plain_response(str(ident), want, case, _place(written_in, ident))
        if row is None:
            keys = list(rows) if written is None else written
            mine = {str(k) for k in expected}  # (a key the case names itself is no other's misspelling)
            others = [k for k in keys if k not in mine]
            record = str(ident).rpartition(":")[0]
            if section == "targets" and named and record in named and not _near(str(ident), others):
                yield _no_such_target(str(ident), want, named[record], keys, lang)
                continue
            yield _missing(section, str(ident), keys, lang, others)
            continue
        wanted = want if isinstance(want, dict) else {key: want}
        for fname, value in wanted.items():
            if fname not in row:
                yield said("author.test.no_field", lang, section=section, ident=ident, field=fname)
                continue
            actual = row[fname]
            if _is_instant(actual) and value is not None:
                at = _place(want, fname) if isinstance(want, dict) else _place(expected, ident)
                same = _instant(value, str(fname), case, at) == dt.datetime.fromisoformat(actual)
            else:
                same = _same(value, actual)
            if not same:
                yield said(
                    "author.test.field_differs",
                    lang,
                    section=section,
                    ident=ident,
                    field=fname,
                    expected=value_text(value),
                    actual=value_text(actual),
                )


#: The name ``sla deadline --target`` gives the plain ``respond within`` (no row of ``targets``).
PLAIN_RESPONSE = "response"


def _plain_response(ident: str, want: Any, case: Case, at: Place) -> InputError:
    """E160 at a key of ``targets`` naming the plain ``respond within`` (``INC-1:response``, as ``sla deadline
    --target response`` names it), which the report has no row of there: its verdict is the incident's own
    ``status`` (``incidents: {INC-1: {status: met}}``), said with the line to write."""
    record = ident.rpartition(":")[0]
    status = want.get("status", "met") if isinstance(want, dict) else want
    example = f"incidents: {{{record}: {{status: {value_text(status)}}}}}"
    message = said("author.test.plain_response", case.lang, ident=ident)
    return _bad(case, "E160", message, said("author.test.plain_response.help", case.lang, example=example), at)


#: What a key of ``targets`` puts between the id and the name of a notification rule (``INC-1:notify.ack``).
NOTIFY_KEY = "notify."


@dataclass
class TargetKeys:
    """The rows of a section of a report by the keys that name them (:func:`_keyed_rows`): of ``targets``
    (an incident's named targets, an incident's or an outage's notification rules), of ``breach_credits``
    (:func:`_breach_credit_rows`), and of the other sections, one key per row.

    Each row of ``targets`` has its full key, which no other row has: ``ID:TARGET@CLOCK`` for a target on a
    clock, ``ID:notify.NAME`` for a notification rule (its kind, ``notify``, and its name, as the JSON gives
    them). ``ID:NAME`` alone names it too, when no other row of the record has that name: a notification
    rule named like a target kind (``notify resolve``) shares ``INC-1:resolve`` with the ``resolve``
    target, two targets of one kind on two clocks share theirs; such a key is in :attr:`shared`, with
    the full keys of the rows that share it, and names none."""

    #: every key that names one row, full or short
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: the short keys several rows share, each with their full keys
    shared: dict[str, list[str]] = field(default_factory=dict)
    #: the key to write for each row, in the report's order: its short one unless shared, else its full one
    written: list[str] = field(default_factory=list)


#: The sections whose keys name a record first, then what of it (``INC-1:resolve``, ``content:2026-11-01``).
RECORD_KEYED = ("targets", "availability_periods", "credits", "breach_credits")


def _near(ident: str, others: list[str]) -> list[str]:
    """The keys of ``others`` near ``ident`` (a misspelt key's)."""
    return difflib.get_close_matches(ident, others, n=3, cutoff=0.6)


def _no_such_target(ident: str, want: Any, named: tuple[str, tuple[str, ...]], keys: list[str], lang: str) -> str:
    """``targets`` ``ID:NAME`` of an incident whose priority has no named target ``NAME``: said with the
    priority, the named targets it has (with the incident's keys of them), and where the plain ``respond
    within`` is checked instead (``incidents: {ID: met}``, as :func:`_plain_response` says it)."""
    record, _, target = ident.rpartition(":")
    priority, targets = named
    status = want.get("status", "met") if isinstance(want, dict) else want
    example = f"incidents: {{{record}: {value_text(status)}}}"
    if not targets:
        return said("author.test.no_named_targets", lang, ident=ident, priority=priority, example=example)
    mine = [k for k in keys if k.startswith(f"{record}:")]
    listed = _shown(mine, lang) if mine else names(targets, lang)
    return said(
        "author.test.no_named_target",
        lang,
        ident=ident,
        priority=priority,
        target=target.partition("@")[0],
        targets=listed,
        example=example,
    )


def _missing(section: str, ident: str, keys: list[str], lang: str, others: list[str]) -> str:
    """``ident`` is not a key of ``section`` in the report: said with the keys near it (among ``others``,
    those the case does not name), else those of its record (an incident's targets, a service's periods),
    else the first few keys of the section, else that the section has none; so that a misspelt key says
    what to write."""
    text = said("author.test.row_missing", lang, section=section, ident=ident)
    near = _near(ident, others)
    if near:
        return text + said("author.test.rows_near", lang, keys=_shown(near, lang))
    if section in RECORD_KEYED:
        # (a target's name has no colon; a service's name neither: the record is before the last / first one)
        record = ident.rpartition(":")[0] if section == "targets" else ident.partition(":")[0]
        mine = [k for k in keys if record and k.startswith(f"{record}:")]
        if mine:
            return text + said("author.test.rows_of", lang, record=record, keys=_shown(mine, lang))
    if keys:
        return text + said("author.test.rows_are", lang, keys=_shown(keys, lang))
    return text + said("author.test.rows_none", lang, section=section)


def _shown(keys: list[str], lang: str) -> str:
    """The first :data:`NAMES_SHOWN` of ``keys`` in backticks, and how many more there are."""
    shown = said("author.sep.list", lang).join(f"`{k}`" for k in keys[:NAMES_SHOWN])
    more = len(keys) - NAMES_SHOWN
    return shown + (said("author.test.more_keys", lang, n=more) if more > 0 else "")


def _ambiguous(ident: str, full: list[str], lang: str, section: str = "targets") -> str:
    """``targets ID:NAME`` that several rows share: said with their full keys, each of which names one row
    (:class:`TargetKeys`); as a target and a notification rule that share the name when one is a rule. A key
    of ``breach_credits`` that rows of several versions share (:func:`_breach_credit_rows`), alike."""
    choices = said("author.sep.list", lang).join(f"`{k}`" for k in full)
    if section == "breach_credits":
        return said("author.test.row_ambiguous_versions", lang, section=section, ident=ident, choices=choices)
    notify = any(k.rpartition(":")[2].startswith(NOTIFY_KEY) for k in full)
    key = "author.test.row_ambiguous_notify" if notify else "author.test.row_ambiguous"
    return said(key, lang, section=section, ident=ident, choices=choices)


def _target_rows(report: dict[str, Any]) -> TargetKeys:
    """The targets and notices of a report by their keys (:class:`TargetKeys`)."""
    out = TargetKeys()
    short: dict[str, list[str]] = {}
    pairs: list[tuple[str, str]] = []
    records = [(r["id"], r["targets"]) for r in report["incidents"]]
    records += [(r["id"], r["notices"]) for r in report["outages"]]
    for ident, rows in records:
        for x in rows:
            key = f"{ident}:{x['name']}"
            if x.get("kind") == "notify":
                full = f"{ident}:{NOTIFY_KEY}{x['name']}"
            else:
                full = f"{key}@{x['clock']}" if x.get("clock") else key
            out.rows[full] = x
            short.setdefault(key, []).append(full)
            pairs.append((key, full))
    out.shared = {k: v for k, v in short.items() if len(v) > 1}
    for key, (full, *more) in short.items():
        if not more and key != full:
            out.rows.setdefault(key, out.rows[full])
    out.written = list(dict.fromkeys(full if key in out.shared else key for key, full in pairs))
    return out


#: What a key of ``breach_credits`` ends with when rows of several versions would share it
#: (``P1:respond:2026-11-01:version=2026.2``), as ``:plan=premium`` ends one of a rule with ``when``.
VERSION_KEY = ":version="


def _refuse_no_version(wanted: dict[Any, Any], keys: TargetKeys, case: Case) -> None:
    """E162 at a key of ``breach_credits`` that names no version after ``:version=``
    (``P1:respond:2026-11-01:version=``), with the keys that name the rows of its key by version (the key
    alone when one row has it, the report's keys near it when none has)."""
    for ident in wanted:
        base, sep, version = str(ident).partition(VERSION_KEY)
        if not sep or version.strip():
            continue
        lang = case.lang
        choices = keys.shared.get(base)
        others = _near(base, keys.written) or keys.written
        if choices:
            help = said("author.test.version_empty.help", lang, keys=_shown(choices, lang))
        elif base in keys.rows:
            help = said("author.test.version_empty.one", lang, keys=f"`{base}`")
        elif others:
            help = said("author.test.version_empty.none", lang, key=base, keys=_shown(others, lang))
        else:
            help = said("author.test.version_empty.nothing", lang, key=base)
        message = said("author.test.version_empty", lang, ident=str(ident))
        written_in = wanted if isinstance(wanted, testyaml.Map) else case.spec["expect"].get("breach_credits")
        raise _bad(case, "E162", message, help, _place(written_in, ident))


def _keyed_rows(section: str, report: dict[str, Any], versions: VersionsInForce) -> TargetKeys:
    """The rows of ``section`` of a report (its JSON) by the keys a test file names them by: ``incidents``,
    ``outages``, ``planned_stops`` by id; ``targets`` by ``ID:TARGET[@CLOCK]``, ``ID:notify.NAME`` (a
    notification rule, :func:`_target_rows`); ``availability`` (one row) by its service, else its period;
    ``availability_periods`` and ``credits`` by ``SERVICE:YYYY-MM-DD`` (the service and its period's first
    day), ``SERVICE:YYYY-MM-DD:plan=premium`` for a target with ``when`` (issue 13), as in violation ids;
    ``breach_credits`` by ``PRIORITY:TARGET[@CLOCK]:YYYY-MM-DD[:plan=premium][:version=V]``
    (:func:`_breach_credit_rows`)."""
    if section == "targets":
        return _target_rows(report)
    if section == "breach_credits":
        return _breach_credit_rows(report, versions)
    rows: dict[str, dict[str, Any]]
    if section == "availability":
        row = report["availability"]
        ident = row.get("service") or f"{report['period']['start'][:10]}..{report['period']['end'][:10]}"
        rows = {ident: row}
    elif section in ("availability_periods", "credits"):
        rows = {  # (by the row's id: a figure's row and a target's that start on one day are two)
            str(
                r.get("id")
                or f"{r['service']}:{str(r['start'])[:10]}" + (f":{compact(r['when'])}" if r.get("when") else "")
            ): r
            for r in report[section]
        }
    elif section == "credit_totals":  # (by the first day of the cap's period: one row per period)
        rows = {str(r["start"])[:10]: r for r in report[section]}
    else:
        rows = {str(r["id"]): r for r in report[section]}
    return TargetKeys(rows, {}, list(rows))


def _breach_credit_rows(report: dict[str, Any], versions: VersionsInForce) -> TargetKeys:
    """The ``breach_credits`` rows of a report by their keys (:class:`TargetKeys`): each by
    :func:`~sla_dsl.report.periods.breach_credit_key` (``P1:respond:2026-11-01``, its measurement period's
    first day as the row's ``start`` gives it, a period the evaluated one cuts too), which two versions'
    lines in one period share (their credits differ: a row each); then each of those rows by that key and
    ``:version=V``, the version whose credit line the row is, as the report's ``policy_versions`` column says
    (the first of several that share the line, each of the others naming it too; the version that judged its
    incidents only for a row whose column is empty), and the shared key, in :attr:`TargetKeys.shared` with
    the keys of those rows in the versions' order (effective date: the keys a case that writes the shared one
    is offered), names none."""
    out = TargetKeys()
    judged_by = {str(r["id"]): str(r["policy_version"]) for r in report["incidents"]}
    rank = {p.version: k for k, p in enumerate(sorted(versions.policies, key=lambda p: p.effective))}
    # (``shared_cap`` is in the JSON only when several lines share the period: null to a case otherwise)
    keyed = [(breach_credit_key(r), {**r, "shared_cap": r.get("shared_cap")}) for r in report["breach_credits"]]
    short: dict[str, list[dict[str, Any]]] = {}
    for key, r in keyed:
        short.setdefault(key, []).append(r)
    for key, r in keyed:
        if len(short[key]) == 1:
            out.rows[key] = r
            out.written.append(key)
            continue
        # (as the report's column names the row: the versions whose credit line it is, not those that judged
        # its incidents, which differ for a line a later version states again)
        listed = [str(v) for v in r.get("policy_versions") or ()]
        used = {judged_by[i] for i in r["incidents"] if i in judged_by}
        first = min(used, key=lambda v: (rank.get(v, len(rank)), v)) if used else ""
        version, *others = listed or [first]
        full = f"{key}{VERSION_KEY}{version}"
        out.rows[full] = r
        for other in others:  # (each version the column lists names the row; the first is written)
            out.rows.setdefault(f"{key}{VERSION_KEY}{other}", r)
        out.written.append(full)
        out.shared.setdefault(key, []).append(full)

    def in_force_order(full: str) -> tuple[int, str]:
        version = full.rpartition(VERSION_KEY)[2]
        return rank.get(version, len(rank)), version

    for fulls in out.shared.values():  # (in the versions' order, not the report's rows')
        fulls.sort(key=in_force_order)
    return out


def run_case(policy: Policy | Sequence[Policy] | VersionsInForce, case: Case) -> Outcome:
    """Run one case against ``policy``: one policy, or its versions (refused first as :func:`load_cases`
    refuses it, if it says what the test does not read).

    Of several versions, each question is answered by the version in force at its ``from``, as ``sla
    deadline`` and ``sla maintenance`` answer it (:class:`VersionsInForce`; each maintenance
    window by the version in force at its start), and events are judged under them all, as ``sla
    evaluate`` judges them; the outcome's notes name the versions used, as those commands' notes do."""
    versions = in_force(policy)
    if case.zone is None:  # (the policy's zone, for an expected time written without its offset)
        case = replace(case, zone=versions.earliest.tz)
    check_case(case, policy_names(versions))
    spec, expect, out = case.spec, case.spec["expect"], Outcome(case)
    at, lang, zone = _place(spec, "expect"), case.lang, versions.earliest  # (every version has its zone)
    if "deadline" in spec:
        q, errors = spec["deadline"], _Errors(case)  # (every value's problem said at once)
        start = errors.read(lambda: _time(zone, q, "from", case, True))
        due = errors.read(partial(_deadline, versions, q, start, case, out)) if start is not None else None
        want = errors.read(lambda: _instant(expect, "expect", case, at))
        errors.raise_any()
        assert start is not None  # (else raised)
        out.reach(start, None, [versions.at(start)])  # (as `sla deadline`: its `--from`)
        if due != want:
            shown = due.isoformat() if due is not None else None
            out.problems.append(said("author.test.differs", lang, what="deadline", expected=expect, actual=shown))
    elif "add_business_time" in spec:
        q, errors = spec["add_business_time"], _Errors(case)
        start = errors.read(lambda: _time(zone, q, "from", case, True))
        hours = errors.read(lambda: _number(_field(q, "hours", case), "hours", case, 0, MAX_HOURS, _place(q, "hours")))
        used = versions.at(start) if start is not None else None
        named = errors.read(partial(_calendar, used, q, "add_business_time", case)) if used is not None else None
        want = errors.read(lambda: _instant(expect, "expect", case, at))
        errors.raise_any()
        assert start is not None and hours is not None and used is not None  # (else raised)
        out.note(versions.note(used, start, lang))
        out.reach(start, None, [used])  # (counted on the version in force at `from`, as a deadline)
        got = used.add_business_time(start, dt.timedelta(hours=hours), named)
        _counted_from(versions, used, start, got, "add_business_time", out)
        if got != want:
            out.problems.append(
                said("author.test.differs", lang, what="add_business_time", expected=expect, actual=got.isoformat())
            )
    elif "business_time" in spec:
        q, errors = spec["business_time"], _Errors(case)
        a = errors.read(lambda: _time(zone, q, "from", case, True))
        b = errors.read(lambda: _time(zone, q, "to", case, True))
        used = versions.at(a) if a is not None else None
        named = errors.read(partial(_calendar, used, q, "business_time", case)) if used is not None else None
        want_hours = errors.read(lambda: _number(expect, "expect", case, at=at))
        errors.raise_any()
        assert a is not None and b is not None and used is not None  # (else raised)
        out.note(versions.note(used, a, lang))
        out.reach(a, b, [used])
        hours = used.business_time_between(a, b, named).total_seconds() / 3600
        _counted_from(versions, used, a, b, "business_time", out)
        if not _same(want_hours, hours):
            out.problems.append(
                said("author.test.hours_differ", lang, what="business_time", expected=expect, actual=f"{hours:g}")
            )
    elif "maintenance" in spec:
        out.problems += _maintenance(versions, case, out)
    else:
        with event_problems_in(lang):  # a bad event is said in the case's language
            out.problems += list(_run_events(versions, case, out))
    if out.reached is not None:  # (W307 of the versions the question reaches, as `sla maintenance` says it)
        first, last, answered = out.reached
        out.shadowed = versions.shadowed(lang, first, last, answered)
    return out


def _calendar(used: Policy, q: Any, question: str, case: Case) -> str | None:
    """The calendar a business-time question counts on: the one its ``calendar`` names, a calendar of the
    version in force at its ``from`` (E162 at the value otherwise, with the calendars it has and the near
    one); ``None`` without the key: the policy's default, the calendar of the first priority whose response
    counts business time (:attr:`~sla_dsl.policy.compiled.Policy.default_calendar_name`)."""
    if not isinstance(q, dict) or "calendar" not in q:
        return None
    name, known = q["calendar"], [c.name for c in used.model.calendars]
    if isinstance(name, str) and name in known:
        return name
    _refuse_value(question, "calendar", name, known, case, _value_place(q, "calendar"))
    return None


class _Errors:
    """The problems of one case's values (its ``from``, ``to``, ``hours``, priority, ``calendar`` and
    ``expect``), each read before any is used and all said at once (:func:`joined`), each at its value: a
    ``from`` and an ``expect`` both without an offset are both said, as a log's lines are."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.found: list[InputError] = []

    def read(self, read: Callable[[], _T]) -> _T | None:
        """What ``read`` reads; ``None`` when it is refused (the refusal kept)."""
        try:
            return read()
        except InputError as exc:
            self.found.append(exc)
            return None

    def raise_any(self) -> None:
        """Raise the refusals kept, together (nothing when there are none)."""
        if self.found:
            raise joined(self.found, self.case.lang)


def _deadline(versions: VersionsInForce, q: Any, start: dt.datetime, case: Case, out: Outcome) -> dt.datetime:
    """The response due time a ``deadline`` question asks for, under the version in force at ``start`` (E162 at
    its ``attributes`` or ``priority`` when the version cannot answer it)."""
    lang = case.lang
    given = q.get("attributes") if isinstance(q, dict) else None
    if given is not None and not isinstance(given, dict):
        example = said("author.test.example", lang, example="attributes: {plan: premium}")
        message = said("author.test.not_attributes", lang, what="deadline.attributes")
        raise _bad(case, "E162", message, example, _place(q, "attributes"))
    priority = _field(q, "priority", case)
    attrs = {str(k): str(v) for k, v in (given or {}).items()}
    used = versions.at(start)
    out.note(versions.note(used, start, lang))
    if versions.several:  # (what the version in force at `from` lacks, and when a later one has it)
        _check_given(versions, used, str(priority), attrs, case, q)
    try:
        return used.response_due(str(priority), start, attrs or None, lang)
    except KeyError as exc:
        raise _bad(case, "E162", str(exc.args[0]), None, _place(q, "priority")) from None
    except InputError as exc:  # (a due time after the supported years is worded: said in the case's language)
        shown = exc.words.text(lang) if isinstance(exc, WordedInputError) else str(exc)
        text, _, help = shown.partition(f"\n{said('diag.word.help', lang)}: ")
        where = "from" if isinstance(exc, WordedInputError) or not given else "attributes"
        raise _bad(case, "E162", text.split("\n")[0], help or None, _place(q, where)) from None


def in_force(policy: Policy | Sequence[Policy] | VersionsInForce) -> VersionsInForce:
    """The versions to run cases against: one policy, several versions of it (refused as ``sla evaluate``
    refuses versions that cannot be judged together), or those already read."""
    if isinstance(policy, VersionsInForce):
        return policy
    return VersionsInForce([policy] if isinstance(policy, Policy) else list(policy))


def _check_given(
    versions: VersionsInForce, used: Policy, priority: str, attrs: dict[str, str], case: Case, q: Any
) -> None:
    """E162 at ``priority`` (else at ``attributes``) when the version in force at the case's ``from`` does
    not define the priority or declare an attribute or value asked (:meth:`VersionsInForce.lacks`)."""
    lacking = versions.lacks(used, priority, attrs, case.lang, "from")
    if lacking:
        told, help = lacking[0]  # (the first thing it lacks: the priority's, else the first attribute's)
        where = "priority" if not used.model.rules_of(priority) else "attributes"
        raise _bad(case, "E162", told, help, _place(q, where))


def _range(policy: Policy, q: Any, case: Case, what: str) -> tuple[dt.datetime, dt.datetime]:
    """``from`` and ``to`` of a question, ``to`` after ``from`` (E163 at ``to`` otherwise)."""
    a = _time(policy, q, "from", case)
    b = _time(policy, q, "to", case)
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
            _place(q, "to"),
        )
    return a, b


def _window(text: str, case: Case, at: Place) -> tuple[dt.datetime, dt.datetime]:
    """An expected window ``START/END``: two instants with offsets (E162 at the item otherwise)."""
    parts = text.split("/")
    if len(parts) != 2:
        example = '"2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00"'
        message = said("author.test.window_item", case.lang, key="expect", item=text, form="START/END")
        raise _bad(case, "E162", message, said("author.test.example", case.lang, example=example), at)
    edges = [p.strip() for p in parts]
    line = '- "' + "/".join(with_offset(e, case.zone) or e for e in edges) + '"'  # (both edges with offsets)
    return _instant(edges[0], "expect", case, at, line=line), _instant(edges[1], "expect", case, at, line=line)


def _maintenance(versions: VersionsInForce, case: Case, out: Outcome) -> list[str]:
    """The windows expected against those of the policy, compared as instants (``Z`` or ``+09:00`` alike):
    each window the version's in force at its start, as ``sla maintenance`` gives them (noted in ``out``)."""
    a, b = _range(versions.earliest, case.spec["maintenance"], case, "maintenance_range")
    expect = case.spec["expect"]
    if expect is None:
        expect = []
    if not isinstance(expect, list) or not all(isinstance(x, str) for x in expect):
        raise _bad(
            case,
            "E162",
            said("author.test.windows_list", case.lang, key="expect", form="START/END"),
            said("author.test.example", case.lang, example='["2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00"]'),
            _place(case.spec, "expect"),
        )
    wanted = [_window(text, case, _item_place(case.spec, "expect", i)) for i, text in enumerate(expect)]
    found = versions.windows(a, b)
    for w, used in found:
        out.note(versions.note(used, w.start, case.lang))
    out.reach(a, b, [versions.at(a), *(p for _, p in found)])  # (as `sla maintenance`: the range and its windows)
    windows = [(w.start, w.end) for w, _ in found]
    if wanted == windows:
        return []
    lines = [said("author.test.windows_differ", case.lang)]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wanted, windows, autojunk=False).get_opcodes():
        if op != "equal":  # (the expected as written, the actual as the policy's zone writes it)
            lines += [f"  - {text}" for text in expect[i1:i2]]
            lines += [f"  + {s.isoformat()}/{e.isoformat()}" for s, e in windows[j1:j2]]
    return lines


def _inline_log(events: Any, case: Case, at: Place, declared: frozenset[str] = frozenset()) -> EventLog:
    """The events given in the case, each checked like a log line that names its line in the test file;
    their problems left for the evaluator to settle with its own (a priority the policy does not know),
    so that every problem of every event is said at once, as for a log file."""
    if not isinstance(events, list):
        raise _bad(
            case,
            "E162",
            said("author.test.events_list", case.lang, key="events"),
            said("author.test.events_list.help", case.lang, example="- {event: ..., at: ..., id: ...}"),
            at,
        )
    log = EventLog(case.file)
    problems: list[Problem] = []
    types = declare_types(declared)
    for item in events:
        line = getattr(item, "line", 0) or case.line
        data = dict(item) if isinstance(item, dict) else item
        misnamed = misnamed_problems(case.file, line, data) if isinstance(data, dict) else []
        if misnamed:  # (`Cause:`, `attributes.plan:`: refused as a log's line is, never passed over)
            problems += misnamed
            continue
        ev, found = validate_mapping(data, case.file, line, types)
        if ev is None:
            problems += found
            ev = values_only(data, found, case.file, line, types)
        if ev is not None:
            log.add_event(ev, line)
    log.problems.extend(problems)
    return log.finish(False, defer=True)


def _unreadable_log(case: Case, path: Path, exc: EventSourceError) -> InputError:
    """E160 at the value of ``events_file``: the log it names cannot be opened or read at all (no such
    file, not allowed), with the system's reason in the case's language and the path it was read at; a
    directory with no table file in it, as the reader says it (naming it), never with an empty reason. The
    log named is the file that failed, as the reader names it: of a directory, the file in it (a link to
    nothing, ``logs/part-1.parquet``), not the directory, which the system's reason would not fit."""
    said_by_reader = dict(exc.words.args)
    detail = said_by_reader.get("detail")
    failed = said_by_reader.get("name")
    told = (
        exc.words
        if detail is None
        else words(
            "author.test.events_file_unreadable",
            key="events_file",
            path=failed if isinstance(failed, str) and failed else str(path),
            detail=detail,
        )
    )
    help = said("author.test.events_file_unreadable.help", case.lang, key="events_file")
    return _bad(case, "E160", told.text(case.lang), help, _value_place(case.spec, "events_file"))


def _events_file(case: Case) -> str:
    """The path ``events_file`` names; E160 at its value when it names none (``""``, blanks, nothing, a list or
    a mapping): joined to the test file's directory, an empty one would read that directory as the log."""
    value = case.spec["events_file"]
    if value is None or isinstance(value, (list, dict)) or not str(value).strip():
        message = said("author.test.events_file_empty", case.lang, key="events_file")
        help = said("author.test.events_file_empty.help", case.lang, example="events_file: events.jsonl")
        raise _bad(case, "E160", message, help, _value_place(case.spec, "events_file"))
    return str(value)


def _run_events(versions: VersionsInForce, case: Case, out: Outcome) -> Iterator[str]:
    """What differs between the case's ``expect`` and the report of its events, judged under every version
    as ``sla evaluate`` judges them (each record under the version in force at its start); the versions in
    force over the period are noted in ``out``."""
    from ..evaluation import evaluate
    from ..events.reader import read_events
    from ..policy.compiled import declared_types

    spec, expect = case.spec, case.spec["expect"] or {}
    declared = declared_types(versions.policies)
    if "events_file" in spec:
        path = Path(case.file).parent / _events_file(case)
        try:
            log = read_events(path, declared=declared, defer=True)
        except EventSourceError as exc:  # (a bad line of a log that is read keeps its own frame, in the log)
            raise _unreadable_log(case, path, exc) from None
    else:
        log = _inline_log(spec["events"], case, _place(spec, "events"), declared)
    period = _field(spec, "period", case)
    start, end = _range(versions.earliest, period, case, "period")
    lang = case.lang
    as_of = _time(versions.earliest, period, "as_of", case) if "as_of" in period else None
    over = _in_force_over(versions, start, end)
    for used, since in over:
        out.note(versions.note(used, since, lang))
    out.reach(start, end, [p for p, _ in over])  # (the period, judged under the versions in force over it)
    policy = versions.policies if versions.several else versions.policies[0]
    judged = evaluate(policy, log, start, end, as_of)
    report = judged.model_dump(mode="json")
    for section, bare in BARE_FIELD.items():  # (in the order of the sections: what differs is said so)
        if section not in expect:
            continue
        keys = _keyed_rows(section, report, versions)
        wanted = expect[section]
        if section == "availability":  # the first measured service's figures, named by the service
            wanted = {ident: wanted for ident in keys.rows}
        if section == "breach_credits" and isinstance(wanted, dict):
            _refuse_no_version(wanted, keys, case)
        for ident in wanted if isinstance(wanted, dict) else ():
            if str(ident) in keys.shared:
                yield _ambiguous(str(ident), keys.shared[str(ident)], lang, section)
        if keys.shared and isinstance(wanted, dict):
            wanted = {k: v for k, v in wanted.items() if str(k) not in keys.shared}
        named = _named_targets(report, versions) if section == "targets" else None
        yield from _expect_rows(section, wanted, keys.rows, bare, case, keys.written, named)
    if "violations" in expect:
        have = {(v["kind"], v["id"]) for v in report["violations"]}
        for v in expect["violations"] or []:
            if (str(v.get("kind")), str(v.get("id"))) not in have:
                shown = json.dumps(v, ensure_ascii=False, default=str)
                yield said("author.test.violation_missing", lang, key="violations", violation=shown)
    quiet = expect.get("no_violations")
    if quiet:
        kinds = None if quiet is True else {str(k) for k in quiet} if isinstance(quiet, list) else {str(quiet)}
        found = [v for v in judged.violations if kinds is None or v.kind in kinds]
        worded = violation_words(policy, judged, found, lang)
        for v, text in zip(found, worded, strict=True):
            yield said("author.test.violation_found", lang, key="violations", kind=v.kind, ident=v.id, message=text)


def _named_targets(report: dict[str, Any], versions: VersionsInForce) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each incident of a report by its id: its priority and the names of the named targets the policy's rules
    of that priority give (under any version, in the order written)."""
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for row in report["incidents"]:
        priority = str(row.get("priority") or "")
        found = [t.name for p in versions.policies for rule in p.model.rules_of(priority) for t in rule.targets]
        out[str(row["id"])] = (priority, tuple(dict.fromkeys(found)))
    return out


def _counted_from(
    versions: VersionsInForce, used: Policy, start: dt.datetime, end: dt.datetime, what: str, out: Outcome
) -> None:
    """Note in ``out`` each version that takes effect within ``[start, end)`` but does not count there: business
    time from ``start`` is counted on the calendars of ``used``, the version in force at ``start``, to the end,
    as the evaluator counts an incident's on the version in force at its clock start (interpretation reading
    17) and ``sla deadline`` from ``--from``; not on each instant's version."""
    for policy, _ in _in_force_over(versions, start, end)[1:]:
        if policy is not used:
            effective = format_date(policy.effective, "ja") if out.case.lang == "ja" else policy.effective.isoformat()
            out.note(
                said(
                    "author.test.counted_on_one_version",
                    out.case.lang,
                    what=what,
                    version=used.version,
                    later=policy.version,
                    effective=effective,
                )
            )


def _in_force_over(versions: VersionsInForce, start: dt.datetime, end: dt.datetime) -> list[tuple[Policy, dt.datetime]]:
    """The versions in force over ``[start, end)``, each with the instant it is first in force there: the
    one in force at ``start``, then each that takes effect before ``end``."""
    found = [(versions.at(start), start)]
    for policy in sorted(versions.policies, key=lambda p: p.effective):
        since = effective_start(policy)
        if start < since < end:
            found.append((policy, since))
    return found


def run(
    policy: Policy | Sequence[Policy], files: list[Path], only: str | None = None, lang: str = "en"
) -> list[Outcome]:
    """Load and run every case of ``files`` (only those whose name contains ``only``, if given), in ``lang``,
    against one policy or its versions (:func:`run_case`)."""
    versions = in_force(policy)
    cases = [c for f in files for c in load_cases(f, lang)]
    return [run_case(versions, c) for c in cases if only is None or only in c.name]


#: How many names of cases a ``--run`` that selects none lists.
NAMES_SHOWN = 5


def select(cases: list[Case], only: str | None, tests: list[str], lang: str = "en") -> list[Case]:
    """The cases whose name contains ``only`` (every case without it); an :class:`InputError` (exit 1) when
    that is none, since a run that checks nothing must not pass: a ``--run`` no name contains is named
    with some of the names there are (and how to list them all), test files ``tests`` with no case at
    all are named as such."""
    chosen = [c for c in cases if only is None or only in c.name]
    if chosen:
        return chosen
    if not cases:
        files = said("author.sep.list", lang).join(tests)  # (joined as the language joins a list)
        raise InputError(said("author.test.no_case", lang, tests=files, key="cases"), lang=lang)
    shown = said("author.sep.list", lang).join(f"`{c.name}`" for c in cases[:NAMES_SHOWN])
    more = len(cases) - NAMES_SHOWN
    if more > 0:
        shown += said("author.test.more_cases", lang, n=more)
    raise InputError(said("author.test.run_none", lang, text=only, names=shown, verbose="-v"), lang=lang)


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
        lines += [printable(f"    {said('author.test.note', lang, note=n)}") for n in o.notes]
    passed = sum(o.passed for o in outcomes)
    failed = len(outcomes) - passed
    if lines:
        lines.append("-" * 72)
    lines.append(said("author.test.count", lang, result=ok, n=passed, total=len(outcomes)))
    if failed:
        lines.append(said("author.test.count", lang, result=bad, n=failed, total=len(outcomes)))
    return "\n".join(lines) + "\n"


def cmd_test(args: argparse.Namespace) -> int:
    """``sla test POLICY... TESTS...``: the policy's versions (files, or directories of ``*.sla`` files, as
    ``sla evaluate`` reads them), then the test files (:func:`split_paths`)."""
    from ..lang.diagnostics import policy_language
    from ..policy import load_policies

    given = [*args.policy, *args.tests]  # (a test file first is refused before: sla_dsl.cli.author)
    first = split_paths(given)
    policies = load_policies(given[:first], args.lang)
    versions = in_force(policies)
    lang = args.lang or policy_language(versions.earliest.model)  # as sla_dsl.cli.langs: --lang, else primary
    tests = given[first:]
    _check_order(given, first, lang)
    with event_problems_in(lang):  # (a result after the supported years too: in the command's language)
        outcomes = _run_all(versions, tests, args.run, lang)
    if args.format == "json":  # (in each case's notes, as the versions that answered it: the list stays the document)
        doc = [
            {"name": o.case.name, "file": o.case.file, "line": o.case.line, "passed": o.passed, "problems": o.problems}
            | ({"notes": [*o.notes, *o.shadowed]} if o.notes or o.shadowed else {})
            for o in outcomes
        ]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:  # (W307 of the versions some case reaches, once each, as `sla deadline` says it)
        for note in dict.fromkeys(n for o in outcomes for n in o.shadowed):
            print(printable(f"sla: {said('cli.note', lang)}: {note}"), file=sys.stderr)
        sys.stdout.write(render(outcomes, args.verbose, lang))
    return 0 if all(o.passed for o in outcomes) else 1


def _run_all(versions: VersionsInForce, tests: list[str], only: str | None, lang: str) -> list[Outcome]:
    """Load and run every case of the test files ``tests`` (those whose name contains ``only``), in ``lang``: the
    errors of every file and case said at once, each in its own frame (:func:`joined`), not the first alone."""
    read: list[Case | InputError] = []  # (in the order written: the files', then their cases')
    for path in test_files(tests, lang):
        try:
            read += _load(path, lang, versions.earliest.tz)
        except InputError as exc:
            if not exc.framed:
                raise
            read.append(exc)
    cases = [c for c in read if isinstance(c, Case)]
    if not cases and read:
        raise joined([e for e in read if isinstance(e, InputError)], lang)
    chosen = {id(c) for c in select(cases, only, tests, lang)}
    outcomes, errors = [], []
    for item in read:
        if isinstance(item, InputError):
            errors.append(item)
        elif id(item) in chosen:
            try:
                outcomes.append(run_case(versions, item))
            except InputError as exc:
                if not exc.framed:  # (one with no frame of its own, an event log's: said as it is)
                    raise
                errors.append(exc)
    if errors:
        raise joined(errors, lang)
    return outcomes


#: How a test file's name ends.
TEST_SUFFIXES = (".yaml", ".yml")
#: What a refusal of ``sla test``'s paths says to write.
USAGE = "sla test POLICY... TESTS..."


def refuse_tests_first(paths: list[str], lang: str, given: str | None = None) -> None:
    """Refuse (wrong usage) a test file given where the policy goes, first: it would be read as a policy (its
    first line a syntax error). Said in ``given`` (``--lang``), else in the primary language of the policy
    given after it when its header can be read (as ``sla test``'s other words), else in ``lang`` (the help's)."""
    from ..errors import UsageError

    if paths and paths[0].endswith(TEST_SUFFIXES):
        lang = given or _declared_lang(paths[1:]) or lang
        raise UsageError(said("author.test.tests_first", lang, path=printable(paths[0]), usage=USAGE), lang=lang)


def _declared_lang(paths: list[str]) -> str | None:
    """The primary language the header of the first policy file among ``paths`` declares (``ja`` or ``en``), when
    it can be read; ``None`` otherwise."""
    from ..lang.source import file_languages

    for raw in paths:
        if raw.endswith(".sla") and Path(raw).is_file():
            declared = file_languages(raw)
            return ("ja" if declared[0] == "ja" else "en") if declared else None
    return None


def _is_policy(raw: str) -> bool:
    """Whether a path after the first of ``sla test`` names a version of the policy: a ``.sla`` file, or a
    directory of ``*.sla`` files that holds no test file (a directory of both is one of test files)."""
    p = Path(raw)
    if not p.is_dir():
        return p.name.endswith(".sla")
    try:
        names = [f.name for f in p.iterdir() if not f.name.startswith(".")]
    except OSError:  # (not listed: read as test files are, and refused there with the system's reason)
        return False
    return any(n.endswith(".sla") for n in names) and not any(n.endswith(TEST_SUFFIXES) for n in names)


def split_paths(paths: list[str]) -> int:
    """Where the test files start among the paths of ``sla test``: the first path is the policy, and so is
    each next one that names a version of it (:func:`_is_policy`), as ``sla evaluate`` takes them."""
    n = 1
    while n < len(paths) and _is_policy(paths[n]):
        n += 1
    return n


def _check_order(paths: list[str], first: int, lang: str) -> None:
    """Refuse (wrong usage) paths that name no test file after the policies, a test file given first (read as
    the policy), or a policy among the test files (read as a test file): each saying what to write."""
    from ..errors import UsageError

    usage = USAGE
    if first == len(paths):
        raise UsageError(said("author.test.no_tests", lang, usage=usage, ext=".yaml"), lang=lang)
    later = next((p for p in paths[first:] if _is_policy(p)), None)
    if later is not None:
        raise UsageError(said("author.test.policy_after_tests", lang, path=printable(later), usage=usage), lang=lang)
