"""``sla test``: the shipped expectations for clicksoko.sla pass; failures read well."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.policytest import load_cases, run, run_case
from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
TESTS = ROOT / "policies" / "tests"
CASES = [c for f in sorted(TESTS.glob("*.yaml")) for c in load_cases(f)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{Path(c.file).stem}:{c.line}")
def test_clicksoko_expectations(case: object) -> None:
    outcome = run_case(load_policy(POLICY), case)  # type: ignore[arg-type]
    assert outcome.passed, "\n".join(outcome.problems)


def test_there_are_cases_of_every_kind() -> None:
    kinds = {next(k for k in ("deadline", "maintenance", "events", "business_time") if k in c.spec) for c in CASES
             if any(k in c.spec for k in ("deadline", "maintenance", "events", "business_time"))}  # fmt: skip
    assert kinds == {"deadline", "maintenance", "events", "business_time"} and len(CASES) >= 20


def test_cli_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["test", "--lang", "en", str(POLICY), str(TESTS)]) == 0
    assert capsys.readouterr().out.startswith(f"PASS: {len(CASES)}/{len(CASES)}")


FAILING = """\
cases:
  - name: wrong deadline
    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}
    expect: "2026-11-27T20:00:00+09:00"
  - name: wrong window
    maintenance: {from: 2026-11-01, to: 2026-12-01}
    expect: ["2026-11-19T22:00:00+09:00/2026-11-20T00:00:00+09:00"]
  - name: wrong verdict
    period: {from: 2026-11-30, to: 2026-12-07}
    events:
      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-1, priority: P1}
      - {event: incident.responded, at: "2026-11-30T16:00:00+09:00", id: INC-1}
    expect:
      incidents: {INC-1: met, INC-9: met}
"""


def test_failures_are_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "failing.yaml"
    path.write_text(FAILING, "utf-8")
    assert main(["test", "--lang", "en", str(POLICY), str(path)]) == 1
    out = capsys.readouterr().out
    assert f"FAIL: {path}:2: wrong deadline" in out
    assert "deadline: expected 2026-11-27T20:00:00+09:00, got 2026-11-30T12:00:00+09:00" in out
    assert "  - 2026-11-19T22:00:00+09:00/2026-11-20T00:00:00+09:00" in out
    assert "  + 2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00" in out
    assert "incidents INC-1 status: expected `met`, got `breached`" in out
    assert "incidents INC-9: expected in the report, but it is not there" in out
    assert out.rstrip().endswith("FAIL: 3/3")


def test_run_filters_by_name(tmp_path: Path) -> None:
    path = tmp_path / "failing.yaml"
    path.write_text(FAILING, "utf-8")
    outcomes = run(load_policy(POLICY), [path], only="window")
    assert [o.case.name for o in outcomes] == ["wrong window"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("cases: [\n", "invalid YAML"),
        ("- 1\n", "a test file is a mapping with a `cases` list"),
        ("cases:\n  - name: x\n    expect: 1\n", "must ask exactly one of"),
        ("cases:\n  - name: x\n    deadline: {priority: P1}\n    expect: 1\n", "case `x` needs `from`"),
        (
            'cases:\n  - name: x\n    deadline: {priority: P9, from: "2026-11-27T00:00:00+09:00"}\n    expect: 1\n',
            "unknown priority `P9`",
        ),
        (
            "cases:\n  - name: x\n    deadline: {priority: P1, from: '2026-11-27T10:00'}\n    expect: 1\n",
            "no UTC offset",
        ),
    ],
)
def test_bad_test_files_are_located_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, "utf-8")
    assert main(["test", "--lang", "en", str(POLICY), str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and str(path) in err and "Traceback" not in err


TWO_CLOCKS = """\
sla "Desk" { format 1 version "1" effective 2026-01-01 timezone UTC languages en }
clock response "Response" { starts at incident.reported }
clock first "First" { starts at incident.reported  stops at incident.responded }
clock next "Next" { starts at incident.customer_replied  stops at incident.responded }
priority P1 "P1" {
  respond within 4 hours
  first reply within 1 hour on first
  first reply within 2 hours on next
}
"""

TWO_CLOCKS_CASES = """\
cases:
  - name: two first replies
    period: {from: 2026-11-01, to: 2026-12-01}
    events:
      - {event: incident.reported, at: "2026-11-02T10:00:00Z", id: Z1, priority: P1}
      - {event: incident.responded, at: "2026-11-02T10:30:00Z", id: Z1}
      - {event: incident.customer_replied, at: "2026-11-02T11:00:00Z", id: Z1}
      - {event: incident.responded, at: "2026-11-02T14:00:00Z", id: Z1}
    expect:
      targets:
        "Z1:first_reply@first": met
        "Z1:first_reply@next": breached
  - name: which one
    period: {from: 2026-11-01, to: 2026-12-01}
    events:
      - {event: incident.reported, at: "2026-11-02T10:00:00Z", id: Z1, priority: P1}
    expect:
      targets: {"Z1:first_reply": open}
"""


def test_two_targets_of_one_kind_on_two_clocks_are_told_apart(tmp_path: Path) -> None:
    """``ID:TARGET@CLOCK`` names each; ``ID:TARGET`` alone, which one the later target used to answer
    for, is refused with the keys to write."""
    policy = load_policy(TWO_CLOCKS)
    path = tmp_path / "t.yaml"
    path.write_text(TWO_CLOCKS_CASES, "utf-8")
    first, second = (run_case(policy, c) for c in load_cases(path))
    assert first.passed, first.problems
    assert second.problems == [
        "targets Z1:first_reply: the incident has targets of this kind on several clocks: "
        "write one of `Z1:first_reply@first`, `Z1:first_reply@next`"
    ]
