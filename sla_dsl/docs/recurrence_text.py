"""The site's words for issue 11's monthly recurrences (several ordinals, every Nth month from a month).

Kept apart from :mod:`.text` (which calls it) so that neither imports the other.
"""

from __future__ import annotations

from ..i18n.terms import UNITS
from ..lang import model as m

__all__ = ["recurrence_text"]

_WEEKDAYS_JA = ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")  # fmt: skip


def recurrence_text(on: m.Monthly, lang: str) -> str:
    """``2026年3月から3ヶ月ごとの末日`` / ``the last day of every 3rd month from March 2026``;
    ``毎月第2・第4木曜日`` / ``the 2nd and 4th Thursday of every month``."""
    ja = lang == "ja"
    if isinstance(on, m.NthWeekday):
        wd = (_WEEKDAYS_JA if ja else _WEEKDAYS_EN)[on.weekday.index]
        nths = (on.nth, *on.also)
        if ja:
            base = "・".join("最終" if n == -1 else f"第{n}" for n in nths) + wd
        else:
            words = ["last" if n == -1 else _ordinal(n) for n in nths]
            base = f"the {', '.join(words[:-1])} and {words[-1]} {wd}" if len(words) > 1 else f"the {words[0]} {wd}"
    elif isinstance(on, m.DayOfMonth):
        base = ("末日" if ja else "the last day") if on.day == -1 else (f"{on.day}日" if ja else f"day {on.day}")
    else:
        base = "最終平日" if ja else "the last weekday"
    if on.since is None:
        return f"毎月{base}" if ja else f"{base} of every month"
    y, mo = on.since
    if ja:
        return f"{y}年{mo}月から{on.every}{UNITS['month'].counted}ごとの{base}"
    every = "month" if on.every == 1 else f"{_ordinal(on.every)} month"
    return f"{base} of every {every} from {_MONTHS_EN[mo - 1]} {y}"
