"""E124 quotes the time a deadline is counted from as the row gives it: a ``timestamp`` cell in its column's
zone, in UTC for a UTC column (as E123 quotes one), as the columnar page says. A UTC column was quoted in
the policy's zone, a time the row never gave."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import sla_dsl
from sla_dsl.events.problems import EventInputError

ROOT = Path(__file__).resolve().parents[2]
POLICY_PATH = ROOT / "policies" / "clicksoko.sla"
#: 2200-12-31 23:00 in Tokyo: a P3 response due five business days later falls after the supported years
LATE = dt.datetime(2200, 12, 31, 14, 0, tzinfo=dt.UTC)


def _refused(events: object) -> str:
    with pytest.raises(EventInputError) as err:
        sla_dsl.evaluate(sla_dsl.load_policy(POLICY_PATH), events, "2200-12-01", "2201-01-01")
    said = str(err.value.in_lang("en"))
    assert "[E124]" in said
    return said


def _table(zone: str) -> pa.Table:
    return pa.table(
        {
            "event": ["incident.reported"],
            "at": pa.array([LATE], pa.timestamp("us", tz=zone)),
            "id": ["INC-3"],
            "priority": ["P3"],
        }
    )


@pytest.mark.parametrize("zone", ["UTC", "+00:00"])
def test_a_utc_column_is_quoted_in_utc(tmp_path: Path, zone: str) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(_table(zone), path)
    for events in (str(path), _table(zone), _table(zone).to_pandas()):
        assert "from `2200-12-31T14:00:00Z`)" in _refused(events)


def test_a_column_of_another_zone_is_quoted_in_it(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(_table("America/New_York"), path)
    assert "from `2200-12-31T09:00:00-05:00`)" in _refused(str(path))


def test_models_given_as_python_times_are_quoted_in_the_policy_zone() -> None:
    events = [{"event": "incident.reported", "at": LATE, "id": "INC-3", "priority": "P3"}]
    assert "from `2200-12-31T23:00:00+09:00`)" in _refused(events)
