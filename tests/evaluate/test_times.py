"""The evaluator's epoch → local time helpers agree with ``datetime.fromtimestamp`` in every kind of zone."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.evaluation.common import Rules
from sla_dsl.i18n import offset_if_repeated

from .helpers import policy

ZONES = ["Asia/Tokyo", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "America/St_Johns", "UTC"]


def _epochs(tz: ZoneInfo) -> list[float]:
    """Every 7 minutes (and a few odd seconds) over two days around each offset change of 2026."""
    out: list[float] = []
    t = int(dt.datetime(2026, 1, 1, tzinfo=tz).timestamp())
    end = int(dt.datetime(2027, 1, 1, tzinfo=tz).timestamp())
    prev = dt.datetime.fromtimestamp(t, tz).utcoffset()
    while t < end:
        off = dt.datetime.fromtimestamp(t, tz).utcoffset()
        if off != prev:
            out += [float(x) for x in range(t - 86400, t + 86400, 419)]
            out += [t - 1.0, float(t), t + 1.0, t + 0.25, t - 1800.0, t + 1799.0]
            prev = off
        t += 3600
    out += [1767225600.0 + k * 3599.5 for k in range(50)]
    return out


@pytest.mark.parametrize("zone", ZONES)
def test_dt_and_fmt_match_fromtimestamp(zone: str) -> None:
    rules = Rules(policy())
    rules.tz = ZoneInfo(zone)
    for e in _epochs(rules.tz):
        want = dt.datetime.fromtimestamp(e, rules.tz)
        got = rules.dt(e)
        assert (got.replace(tzinfo=None), got.fold, got.utcoffset()) == (
            want.replace(tzinfo=None),
            want.fold,
            want.utcoffset(),
        ), e
        assert got.tzinfo is want.tzinfo
        assert rules.fmt(e) == f"{want:%a %d %b %H:%M}" + offset_if_repeated(want), e  # (a time shown twice)
