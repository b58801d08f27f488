"""Times and dates given on the command line (and in `sla test` files), read one way everywhere.

``--from`` and friends are ISO 8601 with a UTC offset (``2026-11-27T17:30:00+09:00``);
where the contract allows it, a plain date ``YYYY-MM-DD`` means 00:00 of that day
in the policy's time zone. A bad value raises :class:`~sla_dsl.errors.InputError`
naming the flag and the value, which the CLI prints on one line with exit 1; so
does a time outside the supported years (:mod:`.bounds`), before any arithmetic.
"""

from __future__ import annotations

import datetime as dt

from ..errors import InputError, NaiveDatetimeError
from .bounds import check_time

EXAMPLE = "2026-11-27T17:30:00+09:00"


def parse_instant(text: str, flag: str) -> dt.datetime:
    """An ISO 8601 time that carries a UTC offset."""
    try:
        t = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"{flag} `{text}` is not an ISO 8601 time (write e.g. `{EXAMPLE}`)") from None
    if t.tzinfo is None or t.utcoffset() is None:
        raise NaiveDatetimeError(f"{flag} `{text}` has no UTC offset (write e.g. `{EXAMPLE}`)")
    return check_time(t, flag, text)


def parse_edge(text: str, tz: dt.tzinfo, flag: str) -> dt.datetime:
    """An ISO 8601 time with offset, or a date meaning 00:00 of it in ``tz``."""
    value = text.strip()
    if len(value) > 10:
        return parse_instant(value, flag)
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{flag} `{text}` is not an ISO 8601 time or a date (YYYY-MM-DD)") from None
    return check_time(dt.datetime(d.year, d.month, d.day, tzinfo=tz), flag, text)
