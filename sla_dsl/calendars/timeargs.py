"""Times and dates given on the command line (and in `sla test` files), read one way everywhere.

``--from`` and friends are ISO 8601 with a UTC offset (``2026-11-27T17:30:00+09:00``);
where the contract allows it, a plain date ``YYYY-MM-DD`` means 00:00 of that day
in the policy's time zone. A bad value raises :class:`~sla_dsl.errors.InputError`
naming the flag and the value, which the CLI prints on one line with exit 1; so
does a time outside the supported years (:mod:`.bounds`), before any arithmetic.

Design notes
------------
* The message is worded from the catalogue (``author.time.*``) in ``lang``, the
  command's language when it has a policy (``--lang``, else the policy's primary
  language); English by default. A time outside the supported years is
  :func:`~.bounds.check_time`'s own worded refusal, naming the flag, written in ``lang``.
* A Japanese error carries ``lang="ja"`` so ``sla``'s main writes its ``error``
  word in Japanese too; an English one carries none, as before.
* Two slips of a person writing a time get words of their own rather than "not a
  time" (:func:`slip`): a day its month does not have (``2027-02-29``: February
  2027 has no 29th), and 24:00 (the end of a day, as a timetable writes it),
  which the help writes again as 00:00 of the next day. The event readers say
  the same of an event's time (E104).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..errors import InputError, NaiveDatetimeError
from ..i18n import message
from ..lang.diagnostics import Arg, Both, words
from .bounds import (
    MAX_PERIOD,
    MAX_PERIOD_YEARS,
    OutOfRangeError,
    check_time,
    flag_words,
)

EXAMPLE = "2026-11-27T17:30:00+09:00"
#: the standard the times follow, named as it is written (not translated)
STANDARD = "ISO 8601"
#: the period's flags, named as they are written (fields of ``author.time.*``: not translated)
FLAGS = {"from_flag": "--from", "to_flag": "--to"}


def error_lang(lang: str) -> str | None:
    """The ``lang`` an error carries: Japanese when it is, none (English) otherwise."""
    return "ja" if lang == "ja" else None


def _checked(t: dt.datetime, flag: str, text: str, lang: str) -> dt.datetime:
    """:func:`~.bounds.check_time`, its refusal worded in ``lang``."""
    try:
        return check_time(t, flag_words(flag), text)
    except OutOfRangeError as exc:
        raise OutOfRangeError(exc.words, error_lang(lang)) from None


#: A date at the start of a text (a time may follow it), and a time of 24:00 after it.
_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?=$|[T ]|\s)")
_HOUR_24 = re.compile(r"\s*(\d{4}-\d{2}-\d{2})([T ])24(:00(?::00(?:[.,]0+)?)?)(?=$|[Zz+-]|\s)")
_MONTHS = "January February March April May June July August September October November December".split()


def slip(text: str) -> tuple[str, dict[str, Arg]] | None:
    """Why ``text``, which is no ISO 8601 time or date Python reads, is none, when a person's slip: ``no_day``
    (a day its month lacks, ``2027-02-29``: ``month``, ``day``) or ``hour_24`` (``2026-11-04T24:00:00+09:00``:
    ``fixed``, the same instant as 00:00 of the next day, written as given); None for anything else."""
    day = _DAY.match(text)
    if day is None:
        return None
    year, month, number = (int(g) for g in day.groups())
    if 1 <= month <= 12 and 28 < number <= 31 and number > calendar.monthrange(year, month)[1]:
        ordinal = f"{number}{'st' if number == 31 else 'th'}"
        return "no_day", {
            "month": Both(f"{year} 年 {month} 月", f"{_MONTHS[month - 1]} {year}"),
            "day": Both(f"{number} 日", ordinal),
        }
    late = _HOUR_24.match(text)
    if late is None:
        return None
    try:
        after = dt.date.fromisoformat(late[1]) + dt.timedelta(days=1)
    except (ValueError, OverflowError):
        return None
    return "hour_24", {"fixed": f"{after.isoformat()}{late[2]}00{late[3]}{text[late.end() :].rstrip()}"}


def _not_read(text: str, flag: str, lang: str) -> str | None:
    """What :func:`slip` finds in ``text`` given for ``flag``, worded in ``lang``; None when nothing."""
    found = slip(text.strip())
    if found is None:
        return None
    kind, args = found
    return words(f"author.time.{kind}", flag=flag, text=text, **args).text(lang)


def parse_instant(text: str, flag: str, lang: str = "en", zone: dt.tzinfo | None = None) -> dt.datetime:
    """An ISO 8601 time that carries a UTC offset (errors in ``lang``; one without its offset is shown with the
    offset it has in ``zone``, the policy's, when given: :func:`no_offset`)."""
    try:
        t = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        said = _not_read(text, flag, lang) or message(
            "author.time.not_instant", lang, flag=flag, text=text, standard=STANDARD, example=EXAMPLE
        )
        raise InputError(said, lang=error_lang(lang)) from None
    if t.tzinfo is None or t.utcoffset() is None:
        said = no_offset(t.replace(tzinfo=None), zone, flag, text, lang)
        raise NaiveDatetimeError(said, lang=error_lang(lang))
    return _checked(t, flag, text, lang)


def no_offset(wall: dt.datetime, zone: dt.tzinfo | None, flag: str, text: str, lang: str) -> str:
    """Why ``text`` (wall time ``wall``), given for ``flag``, is refused: it has no UTC offset. With ``zone``
    (the policy's), the example is ``text`` itself with the offset it has there; a time that zone's clock shows
    twice (the hour it goes back) is said to occur twice, with both offsets; one it skips (the hour it goes
    forward), to be skipped, from which time to which. Without ``zone``, a fixed example."""
    if zone is None:
        return message("author.time.no_offset", lang, flag=flag, text=text, example=EXAMPLE)
    from ..i18n.places import zone_name  # (Babel's names: only for a time refused for its missing offset)

    place = zone_name(getattr(zone, "key", str(zone)), lang)
    kind, args = offset_advice(wall, zone)
    if kind == "zone" and len(text.strip()) <= 10:  # (a date alone: its time is to be said, not guessed)
        args["example"] = f"{args['example'][:10]}THH:MM{args['example'][19:]}"
    if kind != "zone":
        args["zone"] = place
    return message(f"author.time.no_offset.{kind}", lang, flag=flag, text=text, **args)


def offset_advice(wall: dt.datetime, zone: dt.tzinfo) -> tuple[str, dict[str, str]]:
    """What to write for wall time ``wall`` (naive) in ``zone``: ``("zone", {example})``, the instant with its
    offset; ``("twice", {first, second})`` where the clock goes back over it; ``("skipped", {day, since, to,
    example})`` where it jumps over it. The one reading of a time given without an offset, for the command
    line (:func:`no_offset`) and an event's ``at`` (E105: :func:`sla_dsl.events.validate.offset_help`)."""
    shown = readings(wall, zone)
    if len(shown) == 2:
        return "twice", {"first": shown[0].isoformat(), "second": shown[1].isoformat()}
    if not shown:
        since, jump = skipped(wall, zone)
        return "skipped", {
            "day": since.date().isoformat(),
            "since": f"{since:%H:%M}",
            "to": f"{jump:%H:%M}" if jump.date() == since.date() else f"{jump:%Y-%m-%d %H:%M}",
            "example": jump.isoformat(),
        }
    return "zone", {"example": shown[0].isoformat()}


def readings(wall: dt.datetime, zone: dt.tzinfo) -> tuple[dt.datetime, ...]:
    """The instants at which the clock of ``zone`` shows wall time ``wall`` (naive), in order, each in
    ``zone``: one; two where the clock goes back over it (the second with ``fold=1``); none where it skips
    it."""
    found: list[dt.datetime] = []
    for fold in (0, 1):
        t = wall.replace(tzinfo=zone, fold=fold).astimezone(dt.UTC).astimezone(zone)
        if t.replace(tzinfo=None, fold=0) == wall and all(t.utcoffset() != f.utcoffset() for f in found):
            found.append(t)
    return tuple(found)


def skipped(wall: dt.datetime, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    """Where the clock of ``zone`` skips wall time ``wall`` (naive; :func:`readings` has none): the wall time
    it jumps from (naive) and the instant it jumps at, in ``zone`` (shown as the time it jumps to)."""
    before = wall.replace(tzinfo=zone, fold=0).utcoffset() or dt.timedelta()
    after = wall.replace(tzinfo=zone, fold=1).utcoffset() or dt.timedelta()
    base = calendar.timegm(wall.timetuple())
    lo, hi = base - int(after.total_seconds()), base - int(before.total_seconds())  # (the jump is in (lo, hi])
    while hi - lo > 1:  # the first second on the later offset
        mid = (lo + hi) // 2
        if dt.datetime.fromtimestamp(mid, zone).utcoffset() == before:
            lo = mid
        else:
            hi = mid
    since = dt.datetime.fromtimestamp(hi - 1, zone).replace(tzinfo=None) + dt.timedelta(seconds=1)
    return since, dt.datetime.fromtimestamp(hi, zone)


def in_zone(wall: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """Wall time ``wall`` (naive) with the offset it has in ``zone``, the line to write for it: where the
    clock shows it twice, its first time; where the clock skips it, the instant of the jump."""
    shown = readings(wall, zone)
    return shown[0] if shown else skipped(wall, zone)[1]


def parse_edge(text: str, tz: dt.tzinfo, flag: str, lang: str = "en") -> dt.datetime:
    """An ISO 8601 time with offset, or a date meaning 00:00 of it in ``tz`` (errors in ``lang``; a time
    without its offset shown with the offset it has in ``tz``)."""
    value = text.strip()
    if len(value) > 10:
        return parse_instant(value, flag, lang, tz)
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        said = _not_read(text, flag, lang) or message(
            "author.time.not_edge", lang, flag=flag, text=text, standard=STANDARD, form="YYYY-MM-DD"
        )
        raise InputError(said, lang=error_lang(lang)) from None
    return _checked(dt.datetime(d.year, d.month, d.day, tzinfo=tz), flag, text, lang)


def check_period_args(start: dt.datetime, end: dt.datetime, lang: str = "en", as_of: dt.datetime | None = None) -> None:
    """Refuse an empty period, one longer than the most one evaluation judges, and an ``--as-of`` before
    its start, worded in ``lang``.

    The same checks stay in the API's entries (:func:`sla_dsl.evaluation.judge`, which ``evaluate`` and
    ``evaluate_log`` run: :func:`~sla_dsl.evaluation.period_bounds` and
    :func:`~sla_dsl.evaluation.check_as_of`), in the same English words; the commands check first so
    that their refusal is in the command's language. The command's own step,
    :func:`sla_dsl.evaluation.judge_log`, checks the period but takes an ``as_of`` before it: the
    trend judges a month of the period alone as of the report's ``as_of``, which may come earlier.
    """
    if end <= start:
        raise InputError(message("author.time.empty_period", lang, **FLAGS), lang=error_lang(lang))
    if end - start > MAX_PERIOD:
        said = message(
            "author.time.long_period",
            lang,
            start=start.isoformat(),
            end=end.isoformat(),
            years=MAX_PERIOD_YEARS,
            **FLAGS,
        )
        raise InputError(said, lang=error_lang(lang))
    if as_of is not None and as_of < start:
        said = message(
            "author.time.as_of_before",
            lang,
            as_of=as_of.isoformat(),
            start=start.isoformat(),
            as_of_flag="--as-of",
            **FLAGS,
        )
        raise InputError(said, lang=error_lang(lang))
