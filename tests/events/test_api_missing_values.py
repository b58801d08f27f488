"""pandas' missing values in the API's dicts read as the same frame's null cells: absent, or a required field missing.

``pd.read_csv(...).to_dict("records")`` gives a NaN (a float) for an empty cell, ``pd.NaT`` for an empty time:
passed to ``sla_dsl.evaluate`` the dicts stopped at the first NaN ``cause`` (``E106 field `cause` must be a
string, found a number``, no help), and a ``NaT`` ``at`` was ``E104 ... found a time``, where the same frame,
passed as a DataFrame, reads them as absent. Both forms now agree, cell for cell; pandas is not imported by
the reader to tell them (``sla_dsl.events.validate.no_value``).
"""

from __future__ import annotations

import io
import math
from typing import Any

import pytest

from sla_dsl.events import EventInputError
from sla_dsl.events.reader import log_from
from sla_dsl.events.validate import kind_of, no_value

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

EXPORT = """event,at,id,priority,cause
incident.reported,2026-11-02T10:00:00+09:00,INC-1,P1,
outage.started,2026-11-03T10:00:00+09:00,OUT-1,,
outage.ended,2026-11-03T11:00:00+09:00,OUT-1,,
outage.started,2026-11-04T10:00:00+09:00,OUT-2,,maintenance
"""


def outcome(events: Any) -> Any:
    """The log's events, or its problems as (line, code, message, help)."""
    try:
        return log_from(events).groups
    except EventInputError as exc:
        return [(p.line, p.code, p.message, p.help) for p in exc.problems]


def test_a_frame_read_from_csv_reads_alike_as_a_dataframe_and_as_dicts() -> None:
    frame = pd.read_csv(io.StringIO(EXPORT))
    records = frame.to_dict("records")
    assert isinstance(records[0]["cause"], float) and math.isnan(records[0]["cause"])  # (what pandas gives)
    as_dicts = outcome(records)
    assert not isinstance(as_dicts, list), as_dicts  # no problem: every NaN an absent field
    assert as_dicts == outcome(frame)


def test_a_required_field_missing_is_the_same_e102_in_both_forms() -> None:
    frame = pd.read_csv(io.StringIO(EXPORT + ",2026-11-05T10:00:00+09:00,OUT-3,,\n"))
    said = outcome(frame.to_dict("records"))
    assert said == [(5, "E102", "missing field `event`", None)]
    assert [(code, message) for _, code, message, _ in outcome(frame)] == [
        (code, message) for _, code, message, _ in said
    ]


@pytest.mark.parametrize("missing", [pd.NaT, None, float("nan"), pd.NA, np.datetime64("NaT"), np.float64("nan")])
def test_no_time_is_a_missing_at_whatever_pandas_wrote(missing: Any) -> None:
    records = [{"event": "incident.reported", "at": missing, "id": "INC-1", "priority": "P1"}]
    assert outcome(records) == [(1, "E102", "missing field `at` (required for every event)", None)]
    frame = pd.DataFrame({"event": ["incident.reported"], "at": [pd.NaT], "id": ["INC-1"], "priority": ["P1"]})
    assert [(code, message) for _, code, message, _ in outcome(frame)] == [
        ("E102", "missing field `at` (required for every event)")
    ]


def test_the_missing_values_are_told_without_pandas_and_said_as_no_value() -> None:
    assert all(no_value(v) for v in (float("nan"), pd.NaT, pd.NA, np.datetime64("NaT"), np.float64("nan")))
    assert not any(no_value(v) for v in (None, 0.0, "nan", "", pd.Timestamp("2026-11-02T10:00:00+09:00"), 1))
    assert kind_of(float("nan")) == kind_of(None) == kind_of(pd.NaT)
    # inside `attributes` a NaN is no text: said as a null is, not as a number
    records = [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I", "priority": "P1"}]
    records[0]["attributes"] = {"plan": float("nan")}
    [(_, code, message, _)] = outcome(records)
    assert code == "E106" and message.endswith("found null"), message
