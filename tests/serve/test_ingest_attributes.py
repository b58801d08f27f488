"""``POST /events`` refuses an attribute or a value the policies do not declare (E128, E129) before anything
of the batch is stored, with the help ``sla evaluate`` gives: the ingest runs the log's checks
(:func:`sla_dsl.evaluation.check_log`), not a check of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.serve.ingest import Rejected, parse_body

ROOT = Path(__file__).resolve().parents[2]


def _refused(attributes: dict[str, str]) -> dict[str, object]:
    policy = sla_dsl.load_policy(ROOT / "policies" / "examples" / "plans.sla")
    line = {
        "event": "incident.reported",
        "at": "2026-11-02T10:00:00+09:00",
        "id": "X1",
        "priority": "P1",
        "attributes": attributes,
    }
    with pytest.raises(Rejected) as refused:
        parse_body(json.dumps(line).encode("utf-8"), [policy])
    problems = refused.value.json()["problems"]
    assert isinstance(problems, list) and len(problems) == 1
    problem = problems[0]
    assert isinstance(problem, dict)
    return problem


def test_a_value_in_other_capitals_is_e129_with_the_value_meant() -> None:
    problem = _refused({"plan": "Premium"})
    assert (problem["code"], problem["line"]) == ("E129", 1)
    assert "`premium`" in str(problem["help"])


def test_an_attribute_not_declared_is_e128() -> None:
    problem = _refused({"tier": "gold"})
    assert (problem["code"], problem["line"]) == ("E128", 1)
    assert "`plan`" in str(problem["help"])


def test_a_value_written_by_its_label_is_e129_with_the_name_to_write() -> None:
    """``プレミアム`` is the label of ``value premium "プレミアム" / "Premium"``: the help names the value to
    write (before, only the list of values), as E120 does for a priority's label."""
    problem = _refused({"plan": "プレミアム"})
    assert (problem["code"], problem["line"]) == ("E129", 1)
    assert str(problem["help"]) == (
        "`プレミアム` is the label of value `premium` (Premium) of attribute `plan`: "
        "the event gives its name, `premium`"
    )
