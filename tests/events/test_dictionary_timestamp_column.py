"""A dictionary-encoded timestamp column (``dictionary<values=timestamp[us, tz=...]>``: a pyarrow
``dictionary_encode``, an Arrow file's, a pandas ``Categorical`` of zoned times) is read as its times,
as a dictionary-encoded text column is read as its texts: it was refused with E116 before. A
dictionary of times without a zone is still E116, for the zone it lacks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pyarrow as pa
import pyarrow.feather as pf
import pytest

from sla_dsl.events.arrow import read_table
from sla_dsl.events.arrow_files import read_arrow
from sla_dsl.events.problems import EventInputError

TOKYO = ZoneInfo("Asia/Tokyo")
TIMES = [dt.datetime(2026, 11, 2, 10, tzinfo=TOKYO), dt.datetime(2026, 11, 2, 11, tzinfo=TOKYO)]
AT = pa.array(TIMES, pa.timestamp("us", tz="Asia/Tokyo"))


def _table(at: pa.Array) -> pa.Table:
    return pa.table(
        {"event": ["incident.reported", "incident.responded"], "at": at, "id": ["I", "I"], "priority": ["P1", None]}
    )


def _filed(events: Any) -> Any:
    return read_table(events).groups[0]


def test_a_dictionary_of_zoned_times_is_read_as_its_times(tmp_path: Path) -> None:
    plain = _filed(_table(AT))
    encoded = _table(AT.dictionary_encode())
    assert (
        str(encoded.schema.field("at").type)
        == "dictionary<values=timestamp[us, tz=Asia/Tokyo], indices=int32, ordered=0>"
    )
    assert _filed(encoded) == plain
    path = tmp_path / "events.arrow"
    pf.write_feather(encoded, path)
    assert read_arrow(path).groups[0] == plain


def test_a_pandas_categorical_of_zoned_times_is_read_as_its_times() -> None:
    frame = _table(AT).to_pandas()
    frame["at"] = frame["at"].astype("category")
    assert _filed(frame) == _filed(_table(AT))


def test_a_dictionary_of_naive_times_is_still_refused_for_its_zone() -> None:
    naive = pa.array([t.replace(tzinfo=None) for t in TIMES], pa.timestamp("us")).dictionary_encode()
    with pytest.raises(EventInputError) as info:
        read_table(_table(naive))
    (p,) = info.value.problems
    assert p.code == "E116" and p.message == "column `at` is a timestamp without a time zone (`timestamp[us]`)"
