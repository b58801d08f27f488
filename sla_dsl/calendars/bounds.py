"""The supported years and the longest period judged at once: the bounds of every time computation.

Design notes
------------
* **Why a range.** The calendar's index of open intervals, its searches for a
  business day and the evaluator's walks over a period all run over days or
  years. Unbounded, a time in year 1 or 9999, or a duration of ten billion
  hours, made them loop for ever (the index was clamped to the years
  ``datetime`` can hold, and a search past the clamp never ended) or overflow
  ``datetime`` and ``timedelta``. So the engine supports the years
  :data:`FIRST_YEAR` to :data:`LAST_YEAR`, one named range, documented in the
  language reference.
* **Where it is checked.** Where times come in: command-line flags and ``sla
  test`` files (:mod:`.timeargs`), the policy's effective date (a computed
  check of ``sla check``), event times (the evaluator, naming the line), and the
  entry of every public operation of :class:`~.business.BusinessCalendar`, of
  the recurrences and of the compiled policy. Outside it they raise
  :class:`OutOfRangeError`, an :class:`~sla_dsl.errors.InputError` (exit 1):
  the caller that knows the flag, the span or the line names it.
* **Worded, not written.** This stage knows no command and no language, so an
  :class:`OutOfRangeError` carries catalogue words (``bounds.*``, a
  :class:`~sla_dsl.lang.diagnostics.WordedInputError`): its text is English
  (the API's, byte for byte what it always said) unless a language is given,
  and a command writes it in its own language (``--lang``, else the policy's
  primary one) with :func:`~sla_dsl.events.problems.event_problems_in`, as it
  writes an event log's problems. What lies outside (``what``: a flag, "time",
  "the result") is words too (``bounds.what.*``, :func:`flag_words`).
* **In wall-clock terms** a supported time lies between 1900-01-01 00:00 and
  2201-01-01 00:00 in its own offset (so ``--to 2201-01-01`` ends a period
  that covers 2200), and a supported date between 1900-01-01 and 2200-12-31.
  The arithmetic works on instants: it accepts every instant of those wall
  times in every zone, :data:`MIN_EPOCH` to :data:`MAX_EPOCH` (a day wider on
  either side than the range in UTC), and its index covers the local years
  one wider (:data:`INDEX_FIRST_YEAR`, :data:`INDEX_LAST_YEAR`), clipped to
  those instants.
* **Results too.** The index never reaches past :data:`MAX_EPOCH`, and its
  open intervals end at 00:00 on 2201-01-01 on the calendar's own wall clock
  (:func:`last_instant`; they start at 1900-01-01 00:00, :func:`first_instant`),
  so an addition that would land outside the range raises "after the supported
  years" instead of growing the index, overflowing or giving a time in 2201.
  A result shown in the policy's zone is checked against that zone's end too
  (a calendar of another zone may end later). A duration longer than the
  whole range (:data:`MAX_SPAN_SECONDS`) is refused before any work.
* **A deadline counted from an event** (an incident's response due time, a
  named clock target's, a notification's, an outage's notice, a planned stop's
  notice deadline, a backup's end of retention) is such a result. It is not
  left to fail the run unlocated: before anything is judged, the evaluator
  works out every deadline the policies count from each event
  (:mod:`sla_dsl.evaluation.deadline_times`), and an event whose deadline lies
  outside the range is problem E124 on its line, settled with the log's other
  problems (raised together, or left out with ``skip_invalid``), as an event
  time outside them is E123. A completion by silence whose deadline lies after
  the range is no such problem: it never comes within the supported years, so
  the incident is simply not completed by it (nothing is shown for it).
* **The period** of one evaluation is at most :data:`MAX_PERIOD_YEARS` years
  (:data:`MAX_PERIOD`, leap days included): the walks over days, windows and
  report rows grow with it. A longer stretch is judged in several runs.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from zoneinfo import ZoneInfo

from ..errors import InputError
from ..lang.diagnostics import WordedInputError, Words, words
from .intervals import wall_to_epoch

__all__ = [
    "DATE",
    "FIRST_DATE",
    "FIRST_YEAR",
    "INDEX_FIRST_YEAR",
    "INDEX_LAST_YEAR",
    "LAST_DATE",
    "LAST_YEAR",
    "MAX_EPOCH",
    "MAX_PERIOD",
    "MAX_PERIOD_YEARS",
    "MAX_SPAN_SECONDS",
    "MIN_EPOCH",
    "RANGE",
    "RESULT",
    "TIME",
    "OutOfRangeError",
    "check_date",
    "check_epoch",
    "check_period",
    "check_span",
    "check_time",
    "epoch_text",
    "first_instant",
    "flag_words",
    "last_instant",
    "range_words",
]

#: The first and the last year the engine computes with.
FIRST_YEAR = 1900
LAST_YEAR = 2200
FIRST_DATE = dt.date(FIRST_YEAR, 1, 1)
LAST_DATE = dt.date(LAST_YEAR, 12, 31)
#: The supported wall-clock times: from the first date's 00:00 to the 00:00 after the last date.
_FIRST_WALL = dt.datetime(FIRST_YEAR, 1, 1)
_END_WALL = dt.datetime(LAST_YEAR + 1, 1, 1)
#: Every instant of a supported wall time, in any zone (offsets are less than a day).
MIN_EPOCH = int((_FIRST_WALL - dt.datetime(1970, 1, 1)).total_seconds()) - 86_400
MAX_EPOCH = int((_END_WALL - dt.datetime(1970, 1, 1)).total_seconds()) + 86_400
#: The local years the calendar's index may cover (one more on either side, for every zone).
INDEX_FIRST_YEAR = FIRST_YEAR - 1
INDEX_LAST_YEAR = LAST_YEAR + 1
#: No duration longer than this fits in the range.
MAX_SPAN_SECONDS = MAX_EPOCH - MIN_EPOCH
#: The longest period one evaluation judges.
MAX_PERIOD_YEARS = 10
MAX_PERIOD = dt.timedelta(days=365 * MAX_PERIOD_YEARS + 3)
#: How messages name the range (the English of :func:`range_words`).
RANGE = f"the supported years, {FIRST_YEAR} to {LAST_YEAR}"


def range_words() -> Words:
    """The supported years as a phrase (``{range}`` of the ``bounds.*`` messages)."""
    return words("bounds.range", first=str(FIRST_YEAR), last=str(LAST_YEAR))


#: The first and last date a message asks for (``write a date from ... to ...``).
_DATES = {"first_date": FIRST_DATE.isoformat(), "last_date": LAST_DATE.isoformat()}
#: The first and last wall-clock time a message asks for (``write a time from ... to ...``): the last is
#: the 00:00 after the last date, which ``--to 2201-01-01`` gives.
FIRST_TIME_TEXT = _FIRST_WALL.isoformat(sep=" ", timespec="minutes")
END_TIME_TEXT = _END_WALL.isoformat(sep=" ", timespec="minutes")
_TIMES = {"first_date": FIRST_TIME_TEXT, "last_date": END_TIME_TEXT}
#: What lies outside, in words (``bounds.what.*``).
TIME = words("bounds.what.time")
DATE = words("bounds.what.date")
RESULT = words("bounds.what.result")


def flag_words(flag: str) -> Words:
    """A command's flag (``--from``) as what lies outside: the flag as written, in every language."""
    return words("bounds.what.flag", flag=flag)


class OutOfRangeError(WordedInputError):
    """A time, a date, a duration or a result lies outside the supported years.

    Worded from the catalogue (``bounds.*``): English unless ``lang`` is given; :meth:`in_lang`
    gives the same error in a command's language."""


def check_time(t: dt.datetime, what: Words, text: str | None = None) -> dt.datetime:
    """``t`` itself when its wall-clock time is in the supported range; else OutOfRangeError naming ``what``."""
    wall = t.replace(tzinfo=None, fold=0)
    if not _FIRST_WALL <= wall <= _END_WALL:
        raise OutOfRangeError(
            words("bounds.time", what=what, text=text or t.isoformat(), range=range_words(), **_TIMES)
        )
    return t


def check_date(d: dt.date, what: Words, text: str | None = None) -> dt.date:
    """``d`` itself when it is a supported date; else OutOfRangeError naming ``what``."""
    if not FIRST_DATE <= d <= LAST_DATE:
        raise OutOfRangeError(
            words("bounds.date", what=what, text=text or d.isoformat(), range=range_words(), **_DATES)
        )
    return d


def epoch_text(seconds: float) -> str:
    """An instant given in epoch seconds as ISO 8601 in UTC (``Z``), whatever its year: the proleptic
    Gregorian calendar, a year past 9999 or before 1 written with its sign (``+10000-01-01T00:59:59Z``,
    ``0000-12-31T23:00:00Z``, ``-0001-...``: year 0 is 1 BC, as ISO 8601 counts)."""
    if not math.isfinite(seconds):
        return f"{seconds} seconds after 1970-01-01T00:00:00Z"
    whole = math.floor(seconds)
    micro = round((seconds - whole) * 1_000_000)
    if micro == 1_000_000:
        whole, micro = whole + 1, 0
    days, second = divmod(whole, 86_400)
    year, month, day = _civil(days)
    y = f"{year:04d}" if 0 <= year <= 9999 else f"{year:+05d}"
    hh, rest = divmod(second, 3600)
    clock = f"{hh:02d}:{rest // 60:02d}:{rest % 60:02d}" + (f".{micro:06d}" if micro else "")
    return f"{y}-{month:02d}-{day:02d}T{clock}Z"


def _civil(days: int) -> tuple[int, int, int]:
    """(year, month, day) of the day ``days`` after 1970-01-01 in the proleptic Gregorian calendar, any
    year (H. Hinnant's ``civil_from_days``, on whole numbers)."""
    z = days + 719_468
    era = z // 146_097
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


@functools.cache
def first_instant(tz: ZoneInfo) -> int:
    """Epoch seconds of 1900-01-01 00:00 on ``tz``'s wall clock: the first supported instant there."""
    return max(wall_to_epoch(FIRST_DATE, 0, tz), MIN_EPOCH)


@functools.cache
def last_instant(tz: ZoneInfo) -> int:
    """Epoch seconds of 2201-01-01 00:00 on ``tz``'s wall clock: the last supported instant there. A
    result of the arithmetic shown in ``tz`` lies no later (business time ends there)."""
    return min(wall_to_epoch(_END_WALL.date(), 0, tz), MAX_EPOCH)


def check_epoch(seconds: float, what: Words) -> float:
    """``seconds`` itself when the arithmetic accepts that instant; else OutOfRangeError naming ``what``."""
    if not MIN_EPOCH <= seconds <= MAX_EPOCH:
        raise OutOfRangeError(words("bounds.time", what=what, text=epoch_text(seconds), range=range_words(), **_TIMES))
    return seconds


def check_span(seconds: int, what: Words) -> int:
    """``seconds`` itself when a duration that long can fit in the range; else OutOfRangeError."""
    if abs(seconds) > MAX_SPAN_SECONDS:
        raise OutOfRangeError(words("bounds.span", what=what, range=range_words()))
    return seconds


def check_period(start: float, end: float, start_text: str, end_text: str) -> None:
    """Refuse a period (epoch seconds) longer than :data:`MAX_PERIOD`, naming ``--from`` and ``--to``."""
    if end - start > MAX_PERIOD.total_seconds():
        raise InputError(
            f"the period from --from `{start_text}` to --to `{end_text}` is longer than "
            f"{MAX_PERIOD_YEARS} years, the most one evaluation judges "
            f"(judge it in periods of at most {MAX_PERIOD_YEARS} years)"
        )
