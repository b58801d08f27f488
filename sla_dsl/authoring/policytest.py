"""``sla test``: policy authors' own expectations, written in YAML and run like ``opa test``.

Design notes
------------
* A test file holds ``cases``; each case has a ``name`` and one kind of
  question with its ``expect``:

  ``deadline: {priority: P1, from: TIME}``
      expect the response due time (ISO 8601 with offset).
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
      at all) or a list of kinds that must not occur.

  ``expect`` can hold only what the author cares about: fields that are not
  named are not checked.
* YAML timestamps stay strings (the implicit timestamp resolver is removed),
  so times are read once, by the same rules as the command line: ISO 8601
  with an offset, or a plain date meaning 00:00 in the policy's zone.
* A malformed test file is an input error naming the file and line; a case
  that fails prints expected and actual side by side. Exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..policy.compiled import Policy

QUESTIONS = ("deadline", "maintenance", "business_time", "add_business_time", "events", "events_file")


class _Map(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps (times stay strings) and with line numbers on mappings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    out = _Map({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


@dataclass
class Case:
    """One expectation from a test file."""

    name: str
    file: str
    line: int
    spec: dict[str, Any]


@dataclass
class Outcome:
    """The result of one case: passed, or the lines that explain the failure."""

    case: Case
    problems: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.problems


def load_cases(path: Path) -> list[Case]:
    """The cases of one YAML test file (InputError with file and line when it is malformed)."""
    try:
        doc = yaml.load(path.read_text("utf-8"), Loader=_Loader)
    except FileNotFoundError:
        raise InputError(f"{path}: no such test file") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"{where}: invalid YAML: {exc.problem}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("cases"), list):
        raise InputError(f"{path}:1: a test file is a mapping with a `cases` list")
    cases = []
    for n, raw in enumerate(doc["cases"], 1):
        line = getattr(raw, "line", 0)
        if not isinstance(raw, dict):
            raise InputError(f"{path}: case {n} is not a mapping")
        name = str(raw.get("name") or f"case {n}")
        asked = [q for q in QUESTIONS if q in raw]
        if "events_file" in asked and "events" in asked:
            raise InputError(f"{path}:{line}: case `{name}` has both `events` and `events_file`")
        if len(asked) != 1:
            raise InputError(f"{path}:{line}: case `{name}` must ask exactly one of {', '.join(QUESTIONS[:-1])}")
        if "expect" not in raw:
            raise InputError(f"{path}:{line}: case `{name}` has no `expect`")
        cases.append(Case(name=name, file=str(path), line=line, spec=dict(raw)))
    return cases


def test_files(paths: list[str]) -> list[Path]:
    """The YAML files named, and those inside named directories (sorted)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            if not found:
                raise InputError(f"{raw}: directory holds no .yaml test file")
            out.extend(found)
        else:
            out.append(p)
    return out


# ---- running --------------------------------------------------------------------------------


def _time(policy: Policy, value: Any, what: str, case: Case) -> dt.datetime:
    from ..calendars.timeargs import parse_edge

    if not isinstance(value, str):
        raise InputError(f"{case.file}:{case.line}: case `{case.name}`: `{what}` must be a time or date string")
    try:
        return parse_edge(value, policy.tz, what)
    except InputError as exc:
        raise InputError(f"{case.file}:{case.line}: case `{case.name}`: {exc}") from None


def _field(spec: Any, key: str, case: Case) -> Any:
    if not isinstance(spec, dict) or key not in spec:
        raise InputError(f"{case.file}:{case.line}: case `{case.name}` needs `{key}`")
    return spec[key]


def _same(expected: Any, actual: Any) -> bool:
    if isinstance(expected, float | int) and not isinstance(expected, bool) and isinstance(actual, float | int):
        return abs(float(expected) - float(actual)) <= 1e-9
    if isinstance(expected, str) and isinstance(actual, str):
        try:
            return dt.datetime.fromisoformat(expected) == dt.datetime.fromisoformat(actual)
        except ValueError:
            return expected == actual
    return bool(expected == actual)


def _expect_rows(section: str, expected: Any, rows: dict[str, dict[str, Any]], key: str) -> Iterator[str]:
    if not isinstance(expected, dict):
        yield f"{section}: expected a mapping of id to {key} or to fields"
        return
    for ident, want in expected.items():
        row = rows.get(str(ident))
        if row is None:
            yield f"{section} {ident}: expected in the report, but it is not there"
            continue
        wanted = want if isinstance(want, dict) else {key: want}
        for fname, value in wanted.items():
            if fname not in row:
                yield f"{section} {ident}: the report has no field `{fname}`"
            elif not _same(value, row[fname]):
                yield f"{section} {ident} {fname}: expected {value!r}, got {row[fname]!r}"


def run_case(policy: Policy, case: Case) -> Outcome:
    """Run one case against ``policy``."""
    spec, expect, out = case.spec, case.spec["expect"], Outcome(case)
    if "deadline" in spec:
        q = spec["deadline"]
        start = _time(policy, _field(q, "from", case), "from", case)
        try:
            due = policy.response_due(str(_field(q, "priority", case)), start)
        except KeyError as exc:
            raise InputError(f"{case.file}:{case.line}: case `{case.name}`: {exc.args[0]}") from None
        if not _same(str(expect), due.isoformat()):
            out.problems.append(f"deadline: expected {expect}, got {due.isoformat()}")
    elif "add_business_time" in spec:
        q = spec["add_business_time"]
        start = _time(policy, _field(q, "from", case), "from", case)
        got = policy.add_business_time(start, dt.timedelta(hours=float(_field(q, "hours", case))))
        if not _same(str(expect), got.isoformat()):
            out.problems.append(f"add_business_time: expected {expect}, got {got.isoformat()}")
    elif "business_time" in spec:
        q = spec["business_time"]
        a = _time(policy, _field(q, "from", case), "from", case)
        b = _time(policy, _field(q, "to", case), "to", case)
        hours = policy.business_time_between(a, b).total_seconds() / 3600
        if not _same(float(expect), hours):
            out.problems.append(f"business_time: expected {expect} hours, got {hours:g}")
    elif "maintenance" in spec:
        q = spec["maintenance"]
        a = _time(policy, _field(q, "from", case), "from", case)
        b = _time(policy, _field(q, "to", case), "to", case)
        windows = [f"{w.start.isoformat()}/{w.end.isoformat()}" for w in policy.maintenance_windows(a, b)]
        want = [str(x) for x in (expect or [])]
        if want != windows:
            out.problems.append("maintenance windows differ (- expected, + actual):")
            out.problems += [f"  {d}" for d in difflib.ndiff(want, windows) if d[:1] in "-+"]
    else:
        out.problems += list(_run_events(policy, case))
    return out


def _run_events(policy: Policy, case: Case) -> Iterator[str]:
    from ..evaluation import evaluate
    from ..events.reader import log_from, read_events

    spec, expect = case.spec, case.spec["expect"]
    if "events_file" in spec:
        log = read_events(Path(case.file).parent / str(spec["events_file"]))
    else:
        events = spec["events"]
        if not isinstance(events, list):
            raise InputError(f"{case.file}:{case.line}: case `{case.name}`: `events` must be a list")
        log = log_from([dict(e) if isinstance(e, dict) else e for e in events], source=f"{case.file} ({case.name})")
    period = _field(spec, "period", case)
    start = _time(policy, _field(period, "from", case), "from", case)
    end = _time(policy, _field(period, "to", case), "to", case)
    as_of = _time(policy, period["as_of"], "as_of", case) if "as_of" in period else None
    report = evaluate(policy, log, start, end, as_of).model_dump(mode="json")
    if not isinstance(expect, dict):
        yield "expect: a mapping of incidents, outages, planned_stops, availability, violations"
        return
    for section, key in (("incidents", "status"), ("outages", "notice_status"), ("planned_stops", "notice_ok")):
        if section in expect:
            rows = {str(r["id"]): r for r in report[section]}
            yield from _expect_rows(section, expect[section], rows, key)
    if "availability" in expect:
        yield from _expect_rows("availability", {"": expect["availability"]}, {"": report["availability"]}, "ratio")
    if "violations" in expect:
        have = {(v["kind"], v["id"]) for v in report["violations"]}
        for v in expect["violations"] or []:
            if not isinstance(v, dict) or (str(v.get("kind")), str(v.get("id"))) not in have:
                yield f"violations: expected {json.dumps(v, ensure_ascii=False)}, not in the report"
    quiet = expect.get("no_violations")
    if quiet:
        kinds = None if quiet is True else {str(k) for k in quiet} if isinstance(quiet, list) else {str(quiet)}
        for v in report["violations"]:
            if kinds is None or v["kind"] in kinds:
                yield f"violations: expected none, got {v['kind']} {v['id']}: {v['message']}"


def run(policy: Policy, files: list[Path], only: str | None = None) -> list[Outcome]:
    """Load and run every case of ``files`` (only those whose name contains ``only``, if given)."""
    cases = [c for f in files for c in load_cases(f)]
    return [run_case(policy, c) for c in cases if only is None or only in c.name]


def render(outcomes: list[Outcome], verbose: bool = False) -> str:
    """``opa test``-like text: failures with their explanation, then the counts."""
    lines: list[str] = []
    for o in outcomes:
        if o.passed and not verbose:
            continue
        lines.append(f"{'PASS' if o.passed else 'FAIL'}: {o.case.file}:{o.case.line}: {o.case.name}")
        lines += [f"    {p}" for p in o.problems]
    passed = sum(o.passed for o in outcomes)
    failed = len(outcomes) - passed
    if lines:
        lines.append("-" * 72)
    lines.append(f"PASS: {passed}/{len(outcomes)}")
    if failed:
        lines.append(f"FAIL: {failed}/{len(outcomes)}")
    return "\n".join(lines) + "\n"


def cmd_test(args: argparse.Namespace) -> int:
    """``sla test POLICY TESTS...``."""
    from ..policy import load_policy

    policy = load_policy(args.policy)
    outcomes = run(policy, test_files(args.tests), args.run)
    if args.format == "json":
        doc = [
            {"name": o.case.name, "file": o.case.file, "line": o.case.line, "passed": o.passed, "problems": o.problems}
            for o in outcomes
        ]
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render(outcomes, args.verbose))
    return 0 if all(o.passed for o in outcomes) else 1
