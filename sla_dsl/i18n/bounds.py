"""Catalogue section: a time, a date, a duration or a result outside the supported years (keys ``bounds.*``).

Design notes
------------
* :class:`~sla_dsl.calendars.bounds.OutOfRangeError` is raised by the calendars, the recurrences and
  the compiled policy, which know no command and no language: it carries these words
  (:class:`~sla_dsl.lang.diagnostics.Words`), English unless a language is given, and a command
  writes it in its own (``--lang``, else the policy's primary language) with
  :func:`~sla_dsl.events.problems.event_problems_in`.
* The English is exactly what the engine said before this section (tests compare it).
* ``bounds.what.*`` name what lies outside (a flag, a time, the result of an addition): the
  ``{what}`` of ``bounds.time``, ``bounds.date`` and ``bounds.span``. A flag and the user's values
  are never translated: in backticks in Japanese, as the flags of ``author.time.*`` are.
* ``{range}`` is ``bounds.range``, the supported years as a phrase, so every message names them alike.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["BOUNDS"]

#: ``bounds.<what>[.<variant>]``
BOUNDS: dict[str, Msg] = {
    "bounds.range": Msg("扱える年（{first} 年から {last} 年まで）", "the supported years, {first} to {last}"),
    # a value outside the range (calendars/bounds.py: check_time, check_date, check_epoch, check_span)
    "bounds.time": Msg(
        "{what} `{text}` は{range}の外です。{first_date} から {last_date} までの時刻を書いてください",
        "{what} `{text}` is outside {range} (write a time from {first_date} to {last_date})",
    ),
    "bounds.date": Msg(
        "{what} `{text}` は{range}の外です。{first_date} から {last_date} までの日付を書いてください",
        "{what} `{text}` is outside {range} (write a date from {first_date} to {last_date})",
    ),
    "bounds.span": Msg("{what}は{range}を超えます", "{what} is longer than {range}"),
    # what lies outside (the `{what}` above)
    "bounds.what.flag": Msg("`{flag}` の", "{flag}"),
    "bounds.what.time": Msg("時刻", "time"),
    "bounds.what.date": Msg("日付", "date"),
    "bounds.what.result": Msg("結果", "the result"),
    "bounds.what.calendar_time": Msg("カレンダー `{calendar}` の時刻", "calendar `{calendar}`: time"),
    "bounds.what.business_seconds": Msg(
        "カレンダー `{calendar}` の {seconds} 秒の営業時間", "calendar `{calendar}`: business time of {seconds} seconds"
    ),
    "bounds.what.business_time": Msg("`{amount}` の営業時間", "`{amount}` of business time"),
    "bounds.what.duration": Msg("`{duration}` の長さ", "`{duration}`"),
    # a result of the arithmetic outside the range (calendars/business*.py, policy/compiled.py)
    "bounds.calendar_result": Msg(
        "カレンダー `{calendar}`：結果が{range}の外になります", "calendar `{calendar}`: the result is outside {range}"
    ),
    "bounds.calendar_result.after": Msg(
        "カレンダー `{calendar}`：結果が{range}より後になります", "calendar `{calendar}`: the result is after {range}"
    ),
    "bounds.calendar_result.before": Msg(
        "カレンダー `{calendar}`：結果が{range}より前になります", "calendar `{calendar}`: the result is before {range}"
    ),
    "bounds.adding.after": Msg(
        "`{duration}` を加えると、結果が{range}より後になります", "adding `{duration}`: the result is after {range}"
    ),
    "bounds.adding.before": Msg(
        "`{duration}` を加えると、結果が{range}より前になります", "adding `{duration}`: the result is before {range}"
    ),
    "bounds.no_business_day.after": Msg(
        "カレンダー `{calendar}` には、`{date}` より後の営業日が{range}の中にありません",
        "calendar `{calendar}` has no business day after `{date}` in {range}",
    ),
    "bounds.no_business_day.before": Msg(
        "カレンダー `{calendar}` には、`{date}` より前の営業日が{range}の中にありません",
        "calendar `{calendar}` has no business day before `{date}` in {range}",
    ),
    "bounds.business_days": Msg("`{n}` 営業日は{range}に収まりません", "`{n}` business days do not fit in {range}"),
    "bounds.years": Msg(
        "カレンダー `{calendar}`：年 `{first_year}`..`{last_year}` は{range}の外です",
        "calendar `{calendar}`: years `{first_year}`..`{last_year}` are outside {range}",
    ),
}
