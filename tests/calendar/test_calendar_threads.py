"""One compiled calendar shared by threads (a service judging several reports with one loaded policy).

The index grows on demand and starts afresh for a time far from it: a thread whose query made the index
cover its times must answer from that index, not from the calendar's, which another thread may have
replaced meanwhile with one of other years (a report then judged with the business hours of 2090, with
no error, and the other thread's valid time refused as outside the supported years).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from calendar_reference import CALENDARS

from sla_dsl.calendars.business import BusinessCalendar
from sla_dsl.calendars.business_index import BusinessIndex

TOKYO = ZoneInfo("Asia/Tokyo")


def calendar() -> BusinessCalendar:
    cal, zone = CALENDARS["clicksoko"]
    return BusinessCalendar(cal, ZoneInfo(zone))


def epoch(*args: int) -> int:
    return int(dt.datetime(*args, tzinfo=TOKYO).timestamp())  # type: ignore[misc]


def far_away(cal: BusinessCalendar) -> None:
    """What another thread does meanwhile: a query 64 years away, which starts a fresh index there."""
    assert cal.between(dt.datetime(2090, 3, 1, tzinfo=TOKYO), dt.datetime(2090, 3, 8, tzinfo=TOKYO))


@pytest.fixture
def interleaved(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[BusinessCalendar], None]]:
    """Each time the calendar given has made its index cover a query, another thread replaces that index
    with one far away before the query goes on: the interleaving a shared policy meets under threads,
    forced at the one place it matters."""
    cover = BusinessIndex._cover
    shared: list[BusinessCalendar] = []

    def cover_then_other_thread(self: BusinessIndex, *args: Any) -> Any:
        made = cover(self, *args)
        if shared and self is shared[0] and threading.current_thread() is threading.main_thread():
            other = threading.Thread(target=far_away, args=(self,))
            other.start()
            other.join()
        return made

    monkeypatch.setattr(BusinessIndex, "_cover", cover_then_other_thread)
    yield shared.append


QUERIES: dict[str, Callable[[BusinessCalendar], object]] = {
    "between": lambda cal: cal.between(
        dt.datetime(2026, 11, 2, 9, tzinfo=TOKYO), dt.datetime(2026, 11, 9, 9, tzinfo=TOKYO)
    ),
    "between in microseconds": lambda cal: cal.between(
        dt.datetime(2026, 11, 2, 9, 0, 0, 5, tzinfo=TOKYO), dt.datetime(2026, 11, 9, 9, tzinfo=TOKYO)
    ),
    "is_business_time": lambda cal: [
        cal.is_business_time(dt.datetime(2026, 11, d, h, tzinfo=TOKYO)) for d in (2, 3, 7) for h in (8, 11, 15)
    ],
    "between_many": lambda cal: cal.between_many(
        np.array([epoch(2026, 11, 2, 9), epoch(2026, 11, 20, 9)]), np.array([epoch(2026, 11, 9, 9), epoch(2026, 12, 1)])
    ).tolist(),
    "add_many": lambda cal: cal.add_many(np.array([epoch(2026, 11, 2, 9), epoch(2026, 11, 27, 16)]), 4 * 3600).tolist(),
    "add_many backwards": lambda cal: cal.add_many(np.array([epoch(2026, 11, 2, 9)]), np.array([-4 * 3600])).tolist(),
}


@pytest.mark.parametrize("query", QUERIES)
def test_a_query_answers_from_the_index_it_made_whatever_another_thread_makes_meanwhile(
    query: str, interleaved: Callable[[BusinessCalendar], None]
) -> None:
    alone = QUERIES[query](calendar())
    cal = calendar()
    interleaved(cal)
    assert QUERIES[query](cal) == alone
    assert QUERIES[query](cal) == alone  # (and again, from the index as another thread left it)


def test_a_day_of_receipt_read_while_another_thread_empties_the_memo() -> None:
    """The open time of a day is memoised, the memo emptied when it is full: a thread emptying it between
    another's look-up and its read is no KeyError."""

    class EmptiedMeanwhile(dict[dt.date, Any]):
        def __contains__(self, key: object) -> bool:
            found = super().__contains__(key)
            self.clear()  # (another thread, the memo full)
            return found

        def get(self, key: dt.date, default: Any = None) -> Any:
            found = super().get(key, default)
            self.clear()
            return found

    cal = calendar()
    day = dt.date(2026, 11, 2)
    alone = cal.open_span(day)
    cal._span_cache = EmptiedMeanwhile({day: alone})
    assert cal.open_span(day) == alone
