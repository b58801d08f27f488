"""The terms the report, the change notice and the SLA site share: units of time and notice channels.

Design notes
------------
* Each output says these in sentences of its own (:mod:`.report`, :mod:`.diff`,
  :mod:`.site`), but a reader sets them side by side, so the words themselves
  are here, once. It imports nothing of the package, so every stage may use
  it without an import circle. The keys are the
  policy file's words (``day``, ``email``): a test checks them against
  :class:`sla_dsl.lang.model.TimeUnit` and :data:`sla_dsl.lang.values.CHANNELS`.
* Units follow the original SLA: the month is ``ヶ月`` (``1ヶ月分``), never ``か月``;
  the week ``週間`` (``1週間前``). Elapsed days have two forms. An amount that
  stands as a length of time says so, ``7日間`` (a retention: ``7日間分``; how
  long a silence lasts); an amount followed by a word that makes it a point or
  a rate is counted, ``7日`` (a lead time ``7日前``, a frequency ``2日ごと``, a
  target ``3日以内``): never ``7日間前``. The other units read the same in both
  (``1週間前``, ``1ヶ月ごと``, ``4時間以内``), and so does business time
  (``3営業日前``). :class:`Amount` carries both forms, and :func:`fit` picks the
  one a sentence's template needs (:func:`sla_dsl.i18n.message` calls it for every
  message), so a template decides and no caller has to;
  an amount that stands alone but means a lead time, a frequency or a limit
  (the change notice's ``事前通知：7日``) is said counted by its caller.
* Channels of a planned-stop notice: one Japanese word each, and the English the
  site says (the change notice's English is the channel's name, as ``sla diff``
  always printed it). ``web`` is ``ウェブ``, as the notice wrote it (the site
  wrote ``Web``, the report ``ウェブ掲載``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from .msg import Msg

__all__ = [
    "CHANNELS",
    "COUNTING_WORDS",
    "PLACES",
    "UNITS",
    "Amount",
    "ChannelWords",
    "UnitWords",
    "counts",
    "fit",
    "ordinal",
]


class UnitWords(NamedTuple):
    """A unit of time in Japanese: as a length, counted (before 前, ごと, 以内), and of business time."""

    length: str
    counted: str
    business: str


#: Units of a duration by their name in a policy file (``TimeUnit`` values).
#: The months' names in English, January first (the standard library's follow the machine's locale): the
#: report's month headings, the site's yearly dates and the version history's share them.
EN_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

UNITS: dict[str, UnitWords] = {
    "second": UnitWords("秒", "秒", "営業秒"),
    "minute": UnitWords("分", "分", "営業分"),
    "hour": UnitWords("時間", "時間", "営業時間"),
    "day": UnitWords("日間", "日", "営業日"),
    "week": UnitWords("週間", "週間", "営業週"),
    "month": UnitWords("ヶ月", "ヶ月", "営業月"),
}

#: The words after which an amount of time is counted (``7日前``, ``2日ごと``, ``3日以内``), not a length.
COUNTING_WORDS: tuple[str, ...] = ("前", "ごと", "以内")


class Amount(str):
    """An amount of time in words, as a length (``7日間``, the text itself) and ``counted`` (``7日``)."""

    counted: str

    def __new__(cls, length: str, counted: str | None = None) -> Amount:
        said = super().__new__(cls, length)
        said.counted = length if counted is None else counted
        return said


def counts(template: str, field: str) -> bool:
    """Whether ``{field}`` in ``template`` is followed by a counting word (``{d}前までに``, ``{d:>4}ごと``)."""
    placeholder = r"\{" + re.escape(field) + r"(?:[!:][^{}]*)?\}"
    return re.search(placeholder + "(?:" + "|".join(COUNTING_WORDS) + ")", template) is not None


def fit(template: str, values: Mapping[str, object]) -> dict[str, object]:
    """``values`` with each :class:`Amount` as the Japanese ``template`` says it: counted before a counting
    word, else a length; other values as they are (an English amount reads the same either way)."""
    return {k: v.counted if isinstance(v, Amount) and counts(template, k) else v for k, v in values.items()}


def ordinal(n: int) -> str:
    """An English ordinal: ``1st``, ``2nd``, ``3rd``, ``4th``, ``11th`` ..."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


class ChannelWords(NamedTuple):
    """A channel of a planned-stop notice in Japanese and in the site's English."""

    ja: str
    en: str


#: The channels of a planned-stop notice by their name in a policy file (``by email, web``).
CHANNELS: dict[str, ChannelWords] = {
    "email": ChannelWords("メール", "e-mail"),
    "web": ChannelWords("ウェブ", "the web"),
    "phone": ChannelWords("電話", "phone"),
    "letter": ChannelWords("書面", "letter"),
    "portal": ChannelWords("ポータル", "the portal"),
}

#: The sentence frames of places and time zones (:mod:`.places` names them; a section of the catalogue).
PLACES: dict[str, Msg] = {
    # a zone by its place: ``ロンドン時間``
    "place.zone": Msg("{place}時間", "{place} time"),
    # a policy's zone with its offsets: ``日本標準時（UTC+9）``
    "place.zone.titled": Msg("{name}（{offsets}）", "{name} ({offsets})"),
    "place.zone.summer": Msg("{standard}、夏時間は{summer}", "{standard}, {summer} in summer"),
    "place.zone.utc": Msg("協定世界時", "UTC"),
    "place.zone.utc.titled": Msg("協定世界時（UTC）", "Coordinated Universal Time (UTC)"),
    # a subdivision without words of its own: its country and its code
    "place.subdivision": Msg("{country}・{code}", "{country} ({code})"),
}
