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
"""

from __future__ import annotations

import datetime as dt

from ..errors import InputError, NaiveDatetimeError
from ..i18n import message
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


def parse_instant(text: str, flag: str, lang: str = "en") -> dt.datetime:
    """An ISO 8601 time that carries a UTC offset (errors in ``lang``)."""
    try:
        t = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        said = message("author.time.not_instant", lang, flag=flag, text=text, standard=STANDARD, example=EXAMPLE)
        raise InputError(said, lang=error_lang(lang)) from None
    if t.tzinfo is None or t.utcoffset() is None:
        said = message("author.time.no_offset", lang, flag=flag, text=text, example=EXAMPLE)
        raise NaiveDatetimeError(said, lang=error_lang(lang))
    return _checked(t, flag, text, lang)


def parse_edge(text: str, tz: dt.tzinfo, flag: str, lang: str = "en") -> dt.datetime:
    """An ISO 8601 time with offset, or a date meaning 00:00 of it in ``tz`` (errors in ``lang``)."""
    value = text.strip()
    if len(value) > 10:
        return parse_instant(value, flag, lang)
    try:
        d = dt.date.fromisoformat(value)
    except ValueError:
        said = message("author.time.not_edge", lang, flag=flag, text=text, standard=STANDARD, form="YYYY-MM-DD")
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
