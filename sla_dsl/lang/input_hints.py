"""What an author probably meant where the parser stopped at input written the Japanese way.

A policy is written in ASCII syntax, but its authors type Japanese every day: a full-width
``１０：００``, a wave dash in ``10:00～18:00``, ``、`` between list items, 「」 around a text, ``2026/04/01``
or ``2026年4月1日`` for a date, ``4営業時間`` for a duration, ``月..金`` for weekdays, ``UTC+9`` for a zone,
``第3水曜日`` for the nth weekday of a month, ``22時`` for a time of day.
Each is a parse error; :func:`hint_for` names the character or form that is wrong and gives the line to
write instead, located at the word the parser stopped at.

Design notes
------------
* **Only a sure rewrite.** A hint is given when the rewrite of the word is unambiguous and the parser
  expects that kind of value there (a date where ``DATE`` is expected, a weekday where a name is):
  otherwise the parser's own "unexpected ..., expected ..." stands alone.
* **The word.** The text around the stopping point up to white space (U+3000 included), a brace, a
  bracket or a comment: ``10:00～18:00`` whole, so that the help shows the whole range rewritten.
* **ASCII digits only.** The grammar reads ``[0-9]``: a full-width ``４`` or another script's digit
  (``٧``) gets the ASCII form here, like any other full-width character.
* **A rewrite that is valid there.** Made half-width, a word must be one the parser can take where it
  stopped (``fits``: a terminal it expects matches it): ``優先度３`` is ``優先度3``, still no name, so the
  help says how a name is written and that the Japanese goes in the quoted label after it. A full-width
  ``＃`` is the exception: ``#`` begins a comment, which the parser never expects (the lexer drops it),
  so its half-width form is given wherever it stands.
* **Invisible characters.** A no-break space (U+00A0), a zero-width space (U+200B), a byte-order mark
  inside the file (U+FEFF) look like a space or like nothing in an editor: the message names the
  character by its code point at its column, and the help says to replace it with a normal space or to
  delete it (U+3000, the full-width space, has a message of its own).
* **No arithmetic in a duration.** ``60*2 minutes`` (the parser stops at ``*``) is written ``120 minutes``:
  the value where the expression is a sum of products of whole numbers, else only that there is none.
* **No decimals in a duration.** ``4.5 business hours`` is written ``270 business minutes``: the same
  length in the largest smaller unit that makes it whole (hours, minutes and seconds of any calendar;
  elapsed weeks and days too, which are exact; not business days or months, whose length varies).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .diagnostics import Code, Words, suggest, words

__all__ = [
    "POLICY_CALENDARS",
    "POLICY_RESTARTING_CLOCKS",
    "SHORT_UNITS",
    "Hint",
    "business_calendar",
    "calendar_after",
    "hint_for",
    "japanese_duration",
    "policy_calendars",
    "restarting_clocks",
    "short_unit",
]


@dataclass(frozen=True)
class Hint:
    """Where the mistake is (offsets ``start``..``end`` of the text), what to quote, and what to write."""

    start: int
    end: int
    help: Words
    #: the input the message quotes (``text[start:end]`` unless said otherwise)
    word: str
    #: a message of its own (else the parser's "unexpected ..."), with its code
    message: Words | None = None
    code: str | None = None


#: Ends of a word: white space (a full-width space too), braces, brackets and a comment.
_STOP = " \t\n\u3000{}[]#"

#: Characters with an ASCII form of their own meaning, not only their full-width shape.
_WAVES = "~\uff5e\u301c\u2053\u223c"  # ~ ～ 〜 ⁓ ∼
_COMMAS = "\u3001\uff0c"  # 、，
_OPEN_QUOTES = "\u300c\u300e\u201c\u2018\u301d\uff02"  # 「 『 “ ‘ 〝 ＂
_CLOSE_QUOTES = "\u300d\u300f\u201d\u2019\u301f\u301e\uff02"  # 」 』 ” ’ 〟 〞 ＂

_WEEKDAYS = {"月": "mon", "火": "tue", "水": "wed", "木": "thu", "金": "fri", "土": "sat", "日": "sun"}
_WEEKDAY_WORD = re.compile("([月火水木金土日])(?:曜日|曜)?")
_WEEKDAY_LIST = re.compile(
    "[月火水木金土日](?:曜日|曜)?(?:(?:\\.\\.|[~\uff5e\u301c\\-\u30fc\u3001,\uff0c\u30fb])[月火水木金土日](?:曜日|曜)?)*"
)

_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")
#: Ordinals written as English words (`every month on first sun`), by their number.
_ORDINAL_WORDS = {"first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5"}

#: The nth (or last) weekday or business day, the Japanese way: `第3水曜日`, `第2営業日`, `最終金曜日`, with
#: its month before it (`11月第4木曜日`, a yearly holiday's day).
_NTH_DAY = re.compile("(?:([0-9]{1,2})月)?(?:第([0-9]+)|(最終))週?の?(?:([月火水木金土日])(?:曜日|曜)?|(営業日))?")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: A time of day the Japanese way: `22時`, `9時30分`, `9時半`.
_JP_TIME = re.compile("([0-9]{1,2})時(?:([0-9]{1,2})分|(半))?")
_TIMES = re.compile(r"[0-9]{2}:[0-9]{2}(?:-[0-9]{2}:[0-9]{2})?(?:, [0-9]{2}:[0-9]{2}(?:-[0-9]{2}:[0-9]{2})?)*")

#: Characters an editor shows as a space or not at all, by their catalogue name (``diag.char.<hex>``);
#: a space of another kind is replaced by a normal one, the others are deleted.
_INVISIBLE_SPACES = {"\u00a0": "00a0", "\u202f": "202f", "\u205f": "205f"} | {
    chr(c): "2000" for c in range(0x2000, 0x200B)
}
_INVISIBLE_MARKS = {"\u00ad": "00ad", "\u200b": "200b", "\u200c": "200c", "\u200d": "200d", "\u2060": "2060"} | {
    "\ufeff": "feff"
}

#: A duration's fraction and the rest of it: `.5 business hours` after the amount `4`.
_FRACTION = re.compile(
    r"\.([0-9]+)[ \t]+(?:([A-Za-z_][A-Za-z0-9_]*)[ \t]+)?(second|minute|hour|day|week|month)s?(?![A-Za-z0-9_])"
)
#: Arithmetic after a duration's amount: `*2` of `60*2 minutes`, ` + 30` of `60 + 30 minutes`.
_OPERATORS = "*×+-/÷"
_EXPRESSION = re.compile(r"(?:[ \t]*[*×+\-/÷][ \t]*[0-9]+)+")
#: The calendar (if any) and the unit after an amount: ` business minutes`, ` minutes`.
_UNIT_AFTER = re.compile(
    r"[ \t]+(?:([A-Za-z_][A-Za-z0-9_]*)[ \t]+)?(second|minute|hour|day|week|month)s?(?![A-Za-z0-9_])"
)
#: Each unit in the next smaller one, where that is exact (business days and months are not).
_SMALLER = {"week": ("day", 7), "day": ("hour", 24), "hour": ("minute", 60), "minute": ("second", 60)}

#: A unit written short, as other tools write it (`4h`, `90m`, `90min`): the unit it means.
SHORT_UNITS = {
    "s": "second",
    "sec": "second",
    "secs": "second",
    "m": "minute",
    "min": "minute",
    "mins": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "d": "day",
    "w": "week",
    "wk": "week",
    "wks": "week",
}
#: Words that follow a duration in a statement and are no calendar's name (`within 3h after ...`).
_AFTER_DURATION = frozenset({"before", "after", "on", "from", "by", "if", "without", "of", "plus", "else", "or"})
#: A duration's fraction with its unit written short or touching it, and the calendar written after it:
#: `.5h business` after the amount `1` (`1.5 h`, `2.5d`, `1.5hours` too).
_SHORT_FRACTION = re.compile(
    r"\.([0-9]+)[ \t]*("
    + "|".join(sorted(SHORT_UNITS, key=len, reverse=True))
    + r"|(?:second|minute|hour|day|week|month)s?)"
    r"(?![A-Za-z0-9_])(?:[ \t]+([A-Za-z_][A-Za-z0-9_]*))?"
)


def calendar_after(word: str | None) -> str | None:
    """``word``, the name written after a duration's unit (``4h business``), as the duration's calendar; ``None``
    where it is none (a keyword that follows a duration: ``within 3h after``)."""
    return word if word is not None and word not in _AFTER_DURATION else None


def short_unit(amount: str, word: str, calendar: str | None = None) -> str | None:
    """``4 business hours`` for the amount ``4`` and the unit written ``h`` (or ``hrs``, ``min``, a misspelt
    unit near one), with the calendar named; ``None`` when ``word`` is no unit written short or misspelt."""
    units = ("second", "minute", "hour", "day", "week", "month")
    unit = SHORT_UNITS.get(word.lower())
    if unit is None:
        near = suggest(word, [*units, *(u + "s" for u in units)])
        unit = near.removesuffix("s") if near else None
    if unit is None:
        return None
    one = amount.lstrip("0") == "1"
    return f"{amount} {calendar + ' ' if calendar else ''}{unit}{'' if one else 's'}"


#: Country names a Japanese author may write for the `holidays` package's codes.
_COUNTRIES = {
    "日本": "JP",
    "米国": "US",
    "アメリカ": "US",
    "英国": "GB",
    "イギリス": "GB",
    "中国": "CN",
    "韓国": "KR",
    "台湾": "TW",
    "ドイツ": "DE",
    "フランス": "FR",
    "シンガポール": "SG",
    "インド": "IN",
}

_JP_UNITS = {
    "時間": "hour",
    "日": "day",
    "日間": "day",
    "分": "minute",
    "分間": "minute",
    "秒": "second",
    "秒間": "second",
    "週": "week",
    "週間": "week",
    "か月": "month",
    "ヶ月": "month",
    "ケ月": "month",
    "カ月": "month",
    "ヵ月": "month",
    "か月間": "month",
    "ヶ月間": "month",
    "カ月間": "month",
}
_JP_DURATION = re.compile(
    "([0-9]*)[ \u3000]*(営業)?(" + "|".join(sorted(_JP_UNITS, key=len, reverse=True)) + ")(?:以内|後|前)?"
)


def _digit(ch: str) -> str:
    """``ch`` as ASCII when it is a digit of any script or a full-width form, else as it is."""
    if ch.isascii():
        return ch
    value = unicodedata.decimal(ch, None)
    if value is not None:
        return str(value)
    folded = unicodedata.normalize("NFKC", ch)
    return folded if folded.isascii() and len(folded) == 1 else ch


def _folded(text: str) -> str:
    """``text`` with full-width forms and other scripts' digits in ASCII (nothing else changed)."""
    return "".join(_digit(ch) for ch in text)


def _is_fullwidth(ch: str) -> bool:
    return "\uff01" <= ch <= "\uff5e"


def japanese_duration(word: str, number: str | None = None) -> str | None:
    """``4 business hours`` for ``４営業時間`` (``number``: the amount written before the word), in the unit the
    word says (``30 business minutes`` for ``30 営業分``), else ``None`` (business weeks and months, which
    business time is not counted in: :func:`hint_for` says so)."""
    hit = _JP_DURATION.fullmatch(_folded(word))
    if hit is None:
        return None
    amount = hit.group(1) or number
    if not amount:
        return None
    unit = _JP_UNITS[hit.group(3)]
    if hit.group(2) and unit in ("week", "month"):
        return None
    plural = "" if amount.lstrip("0") == "1" else "s"
    return f"{amount} {'business ' if hit.group(2) else ''}{unit}{plural}"


#: A calendar's declaration in a policy's text: its name and its first label (the Japanese one, written first).
_CALENDAR = re.compile(r'^[ \t]*calendar[ \t]+([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+"((?:[^"\\\n]|\\.)*)")?', re.M)

#: The calendars of the whole policy whose part is parsed (:func:`policy_calendars`): a part is one
#: declaration, and a hint in a priority writes a duration with one of the file's calendars.
POLICY_CALENDARS: ContextVar[tuple[tuple[str, str, bool], ...]] = ContextVar("POLICY_CALENDARS", default=())


def policy_calendars(text: str) -> tuple[tuple[str, str, bool], ...]:
    """The calendars the policy ``text`` declares, in order: name, first label, and whether it is open around
    the clock (its block has hours ``00:00-24:00``)."""
    found = list(_CALENDAR.finditer(text))
    out = []
    for k, hit in enumerate(found):
        block = text[hit.end() : found[k + 1].start() if k + 1 < len(found) else len(text)]
        block = block[: block.find("\n}") if "\n}" in block else len(block)]
        out.append((hit.group(1), hit.group(2) or "", "00:00-24:00" in block))
    return tuple(out)


#: A clock's declaration and its block (to its closing brace at the start of a line).
_CLOCK_BLOCK = re.compile(r"^[ \t]*clock[ \t]+([A-Za-z_][A-Za-z0-9_]*)[^{\n]*\{(.*?)^\}", re.M | re.S)

#: The clocks of the whole policy whose part is parsed that start again at a message (``restarts at``): a
#: next reply is measured on one (:func:`restarting_clocks`).
POLICY_RESTARTING_CLOCKS: ContextVar[tuple[str, ...]] = ContextVar("POLICY_RESTARTING_CLOCKS", default=())


def restarting_clocks(text: str) -> tuple[str, ...]:
    """The names of the clocks the policy ``text`` declares with a ``restarts at`` line, in order."""
    return tuple(
        hit.group(1) for hit in _CLOCK_BLOCK.finditer(text) if re.search(r"\brestarts[ \t]+at\b", hit.group(2))
    )


def business_calendar() -> str:
    """The calendar a hint writes a business duration with (``4 business hours``): ``business`` where the
    policy declares it or declares no calendar, else its first calendar that is not open around the clock
    (else its first), the one ``sla check`` then rewrites ``business`` with (:data:`POLICY_CALENDARS`)."""
    calendars = POLICY_CALENDARS.get()
    if not calendars or any(name == "business" for name, _, _ in calendars):
        return "business"
    return next((name for name, _, always in calendars if not always), calendars[0][0])


def _calendar_label_duration(text: str, pos: int, number: str | None) -> tuple[int, str, str] | None:
    """``4 tokyo hours`` for the amount ``number`` and a calendar's Japanese label written as the unit at ``pos``
    (``4 東京営業時間``, ``以内`` after it too): the end of the label, the label, and the duration; else ``None``."""
    if number is None:
        return None
    for name, label, _ in POLICY_CALENDARS.get():
        if label and not label.isascii() and text.startswith(label, pos):
            end = pos + len(label)
            end += 2 if text.startswith("以内", end) else 0
            one = number.lstrip("0") == "1"
            return end, label, f"{number} {name} hour{'' if one else 's'}"
    return None


def _whole_duration(amount: str, fraction: str, calendar: str | None, unit: str, days: bool = False) -> str | None:
    """``270 business minutes`` for ``4`` ``5`` ``business`` ``hour`` (4.5 business hours): the same length
    in the first smaller unit that makes it whole; ``None`` when there is none (business days, months;
    below days where ``days``: a notice before a start date counts whole days)."""
    try:
        value = Decimal(f"{amount}.{fraction}")
    except InvalidOperation:
        return None
    while value != value.to_integral_value():
        if unit not in _SMALLER or (calendar is not None and unit in ("week", "day")) or (days and unit == "day"):
            return None
        unit, factor = _SMALLER[unit]
        value *= factor
    n = int(value)
    return f"{n} {calendar + ' ' if calendar else ''}{unit}{'' if n == 1 else 's'}"


def _decimal_duration(text: str, pos: int, before: str) -> Hint | None:
    """The hint for ``4.5 business hours`` (the parser stopped at ``.5``, ``before`` the amount read), and for
    ``1.5h business``, its unit written short with the calendar after it (``1.5 h``, ``2.5d`` too)."""
    hit = _FRACTION.match(text, pos)
    end = hit.end() if hit is not None else 0  # (where the duration ends: the calendar after a short unit too)
    if hit is not None:
        calendar, unit = hit.group(2), hit.group(3)
    else:
        hit = _SHORT_FRACTION.match(text, pos)
        if hit is None:
            return None
        calendar = calendar_after(hit.group(3))
        unit = SHORT_UNITS.get(hit.group(2).lower()) or hit.group(2).removesuffix("s")
        end = hit.end() if calendar is not None else hit.end(2)
    start = pos - len(before)
    word = text[start : hit.start(1) + len(hit.group(1))]
    if calendar in ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days"):
        return None  # (`4.5 hours days`: another mistake)
    days = re.match(r"[ \t]+before[ \t]+start[ \t]+date\b", text[end:]) is not None
    fix = _whole_duration(before, hit.group(1), calendar, unit, days)
    help = (
        words("diag.help.decimal_duration", fix=fix)
        if fix is not None
        else words("diag.help.decimal_duration.none", example=_whole_duration(before, "0", calendar, unit) or "")
    )
    return Hint(start, start + len(word), help, word, words("diag.E010.decimal", word=word), "E010")


def _arithmetic(text: str, pos: int, before: str) -> Hint | None:
    """The hint for ``60*2 minutes`` (the parser stopped at the operator after the amount ``before``): an amount
    is one number; the duration to write where the expression is a product or a sum of whole numbers (``120
    minutes``), with its calendar and unit as written after it."""
    head = len(text[:pos].rstrip(" \t"))
    start = head - len(before)
    if start < 0 or text[start:head] != before:
        return None
    hit = _EXPRESSION.match(text, head)
    if hit is None or pos >= hit.end():
        return None
    word = text[start : hit.end()]
    unit = _UNIT_AFTER.match(text, hit.end())
    value = _computed(word)
    help = words("diag.help.arithmetic")
    if value and unit is not None:  # (`120 minutes`, `120 business minutes`)
        calendar = unit.group(1)
        fix = f"{value} {calendar + ' ' if calendar else ''}{unit.group(2)}{'' if value == 1 else 's'}"
        help = words("diag.help.write", fix=fix)
    return Hint(start, hit.end(), help, word, words("diag.E010.arithmetic", word=word), "E010")


def _computed(expression: str) -> int | None:
    """The value of a sum of products of whole numbers (``60*2``, ``60 + 30``, ``2×60×60``); ``None`` for any
    other expression (a difference, a quotient)."""
    if re.search(r"[-/÷]", expression):
        return None
    total = 0
    for term in expression.split("+"):
        product = 1
        for factor in re.split(r"[*×]", term):
            product *= int(factor.strip())
        total += product
    return total


def _invisible(ch: str, pos: int) -> Hint | None:
    """The hint for a character an editor does not show, named by its code point; ``None`` for another."""
    key = _INVISIBLE_SPACES.get(ch) or _INVISIBLE_MARKS.get(ch)
    if key is None:
        return None
    help = words("diag.help.invisible.space" if ch in _INVISIBLE_SPACES else "diag.help.invisible.delete")
    message = words("diag.E010.invisible", code=Code(f"U+{ord(ch):04X}"), name=words(f"diag.char.{key}"))
    return Hint(pos, pos + 1, help, ch, message=message, code="E010")


def _nth_day(word: str, ordinal: bool, last: bool) -> str | None:
    """What to write for ``word`` when it is a day written the Japanese way (:data:`_NTH_DAY`):
    ``3rd wed`` for ``第3水曜日`` (``4th thu of nov`` for ``11月第4木曜日``), ``2nd business day`` for
    ``第2営業日``, ``last fri`` for ``最終金曜日``, where the parser takes an ordinal (``ordinal``) or
    ``last``. ``None`` for any other word."""
    hit = _NTH_DAY.fullmatch(_folded(word))
    if hit is None or not (ordinal if hit.group(2) else last) or (hit.group(1) and not hit.group(4)):
        return None
    month = int(hit.group(1) or 0)
    if (hit.group(1) and not 1 <= month <= 12) or (hit.group(3) and hit.group(5)):  # (`最終営業日` has no form)
        return None
    fix = _ordinal(str(int(hit.group(2)))) if hit.group(2) else "last"
    if hit.group(4):
        fix += f" {_WEEKDAYS[hit.group(4)]}" + (f" of {_MONTHS[month - 1]}" if month else "")
    return fix + (" business day" if hit.group(5) else "")


def _japanese_time(word: str, literals: set[str]) -> str | None:
    """``22:00-24:00`` for ``22時～24時`` (a time or times of day written with ``時`` and ``分``), else ``None``."""
    folded = _folded(word)
    if "時" not in folded:
        return None
    out = _JP_TIME.sub(lambda m: f"{int(m.group(1)):02d}:{30 if m.group(3) else int(m.group(2) or 0):02d}", folded)
    out = re.sub(r"\s*,\s*", ", ", _ascii_word(out, literals | {"-"})[0].strip())
    return out if _TIMES.fullmatch(out) else None


def _ordinal(n: str) -> str:
    k = int(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{n}{suffix}"


def _name_like(example: str, fix: str) -> str:
    """``example`` (a name, ``P1``) with the number ``fix`` ends with, if both end with one (``P3`` for
    ``優先度3``)."""
    number = re.search(r"[0-9]+$", fix.strip())
    if number is None or not re.search(r"[0-9]$", example):
        return example
    return re.sub(r"[0-9]+$", number.group(), example)


def _word_bounds(text: str, pos: int) -> tuple[int, int]:
    """The word around ``pos`` (see the design notes)."""
    start = pos
    while start > 0 and text[start - 1] not in _STOP and text[start - 1] != '"':
        start -= 1
    end = pos
    while end < len(text) and text[end] not in _STOP:
        end += 1
    return start, max(end, pos + 1)


def _dates(word: str, expected: set[str]) -> str | None:
    """``2026-04-01`` for ``2026/04/01`` or ``2026年4月1日`` (and month-days, year-months), else ``None``."""
    w = _folded(word)
    out = w
    if "DATE" in expected:
        out = re.sub(
            r"([0-9]{4})[/.年]([0-9]{1,2})[/.月]([0-9]{1,2})日?",
            lambda m: f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}",
            out,
        )
        # the day first, with dots, as German and most of Europe write it: `01.04.2026` (never with slashes,
        # which the United States write month first)
        out = re.sub(
            r"(?<![0-9])(?<![0-9]\.)([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})(?![0-9])",
            lambda m: f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}" if int(m.group(2)) <= 12 else m[0],
            out,
        )
    if "YEARMONTH" in expected:
        out = re.sub(r"([0-9]{4})[/.年]([0-9]{1,2})月?", lambda m: f"{m.group(1)}-{int(m.group(2)):02d}", out)
    if "MONTHDAY" in expected:
        out = re.sub(r"([0-9]{1,2})[/月]([0-9]{1,2})日?", lambda m: f"{int(m.group(1)):02d}-{int(m.group(2)):02d}", out)
    out = re.sub(r"[" + _WAVES + "]", "..", out)
    return out if out != w and re.fullmatch(r"[0-9.\-]+", out) else None


def _zone(word: str) -> str | None:
    """``Etc/GMT-9`` for ``UTC+9`` (``Etc/`` zones count west of Greenwich as positive), else ``None``."""
    hit = re.fullmatch(r"(?:UTC|GMT|utc|gmt)?([+\-])([0-9]{1,2})(?::?00)?", _folded(word))
    if hit is None or int(hit.group(2)) > 14:
        return None
    hours = int(hit.group(2))
    if hours == 0:
        return "Etc/UTC"
    return f"Etc/GMT{'-' if hit.group(1) == '+' else '+'}{hours}"


def _ascii_word(word: str, literals: set[str]) -> tuple[str, list[str]]:
    """``word`` in ASCII syntax, and the characters changed for a meaning of their own (not a full-width
    shape): a wave dash is ``-`` in a time range and ``..`` between dates or days, ``、`` is ``,``."""
    wave = "-" if "-" in literals or ".." not in literals else ".."
    out: list[str] = []
    special: list[str] = []
    for ch in word:
        if ch in _WAVES:
            out.append(wave)
            special.append(ch)
        elif ch in _COMMAS:
            out.append(", ")
            special.append(ch)
        elif ch in _OPEN_QUOTES or ch in _CLOSE_QUOTES:
            out.append('"')
            special.append(ch)
        else:
            out.append(_digit(ch))
    return "".join(out), special


def hint_for(
    text: str,
    pos: int,
    expected: set[str],
    literals: set[str],
    before: str | None = None,
    fits: Callable[[str], bool] | None = None,
    name_example: str = "P3",
) -> Hint | None:
    """The hint for input at ``pos`` of ``text`` that the parser could not take.

    ``expected``: the terminal names the parser could take there; ``literals``: the keywords and
    punctuation among them (``-``, ``..``); ``before``: the token just before (an amount before a unit);
    ``fits``: whether the parser could take a word there (a half-width rewrite is only given when it
    can); ``name_example``: a name to show where a name is expected (``P3``).
    """
    if pos >= len(text):
        return None
    ch = text[pos]
    invisible = _invisible(ch, pos)
    if invisible is not None:
        return invisible
    if ch == "." and before is not None and text[pos - len(before) : pos] == before:
        decimal = _decimal_duration(text, pos, before)
        if decimal is not None:
            return decimal
    if ch in _OPERATORS and before is not None and literals & {"hours", "days"}:
        arithmetic = _arithmetic(text, pos, before)
        if arithmetic is not None:
            return arithmetic
    if ch == "\u3000":
        return Hint(
            pos,
            pos + 1,
            words("diag.help.fullwidth_space"),
            ch,
            message=words("diag.E010.fullwidth_space"),
            code="E010",
        )
    if ch == "\uff03":  # `＃`: a comment, which the grammar never expects (the lexer drops it)
        return Hint(pos, pos + 1, words("diag.help.fullwidth", fix="#"), ch)
    start, end = _word_bounds(text, pos)
    word = text[start:end]
    here = text[pos:end]
    # a duration with a Japanese unit: `4営業時間`, `5 営業日`
    if {"NAME", "INT"} & expected or literals & {"hours", "days"}:
        number = before if before is not None and before.isdigit() else None
        at, fix = pos, japanese_duration(here, number)
        if fix is None and start < pos:  # `4営業時間`: the amount is part of the word
            at, fix = start, japanese_duration(word)
        unit = _JP_DURATION.fullmatch(_folded(text[at:end]))
        if fix is not None and " business " in fix:  # (with the file's calendar: it may have no `business`)
            fix = fix.replace(" business ", f" {business_calendar()} ", 1)
        labelled = _calendar_label_duration(text, pos, number) if fix is None else None
        if labelled is not None:  # a calendar's label written as the unit: `4 東京営業時間`
            label_end, label, fix = labelled
            return Hint(
                pos, label_end, words("diag.help.write", fix=fix), label, words("diag.E015", word=label), "E015"
            )
        if fix is not None and unit is not None:
            shown = (unit.group(2) or "") + unit.group(3)
            return Hint(at, end, words("diag.help.write", fix=fix), shown, words("diag.E015", word=shown), "E015")
        if fix is None and unit is not None and unit.group(2) and (number or unit.group(1)):
            # `1 営業週`: business time is not counted in weeks or months (E216); in business days it is
            shown = unit.group(2) + unit.group(3)
            help = words("diag.help.business_weeks", word=shown, example=f"5 {business_calendar()} days")
            return Hint(at, end, help, shown, words("diag.E015", word=shown), "E015")
    # a date, a month-day or a year-month written with slashes or 年月日
    if {"DATE", "YEARMONTH", "MONTHDAY"} & expected:
        fix = _dates(here, expected)
        if fix is not None:
            kind = "yearmonth" if re.fullmatch(r"[0-9]{4}-[0-9]{2}", fix) else "date"
            kind = "monthday" if re.fullmatch(r"[0-9]{2}-[0-9]{2}(\.\.[0-9]{2}-[0-9]{2})?", fix) else kind
            return Hint(pos, end, words(f"diag.help.{kind}", fix=fix), here)
    # a decimal comma in a percentage: `99,5%`
    if "PERCENT" in expected:
        hit = re.fullmatch(r"([0-9]+)[,\u3001\uff0c]([0-9]+)[%\uff05]", _folded(here))
        if hit is not None:
            return Hint(pos, end, words("diag.help.decimal_point", fix=f"{hit.group(1)}.{hit.group(2)}%"), here)
    # the nth weekday or business day written the Japanese way: `第3水曜日`, `第2営業日`
    bare = here.rstrip(",\u3001\uff0c") or here
    nth = _nth_day(bare, "ORDINAL" in expected, "last" in literals)
    if nth is not None:
        return Hint(pos, pos + len(bare), words("diag.help.nth_day", word=bare, fix=nth), bare)
    # a time of day written with `時`: `22時-24時`
    clock = _japanese_time(bare, literals) if "TIME" in expected else None
    if clock is not None:
        return Hint(pos, pos + len(bare), words("diag.help.time", fix=clock), bare)
    # an ordinal written as a number, `on 4 thu`, or as a word, `on first sun`, `by end of first business day`
    if "ORDINAL" in expected and (re.fullmatch(r"[0-9]+", here) or here.lower() in _ORDINAL_WORDS):
        after = _NEXT_WORD.match(text, end)
        number = here if here.isdigit() else _ORDINAL_WORDS[here.lower()]
        fix = _ordinal(number) + (f" {after.group(1)}" if after and after.group(1) in _WEEKDAYS.values() else "")
        return Hint(pos, end, words("diag.help.ordinal", fix=fix), here)
    # a zone as an offset from UTC: `UTC+9`
    zone = _zone(word) if "TZ" in expected or re.match("(?i)utc|gmt", word) else None
    if zone is not None:
        return Hint(start, end, words("diag.help.zone_offset", example="Asia/Tokyo", given=word, fix=zone), word)
    # weekdays in Japanese: `月..金`, `月曜日`
    if "NAME" in expected and _WEEKDAY_LIST.fullmatch(here):
        fix = _WEEKDAY_WORD.sub(lambda m: _WEEKDAYS[m.group(1)], here)
        fix = re.sub("[~\uff5e\u301c\\-\u30fc]", "..", fix)
        fix = re.sub("[\u3001,\uff0c\u30fb]", ", ", fix)
        return Hint(pos, end, words("diag.help.weekdays", fix=fix), here)
    # a country by its Japanese name: `holidays 日本`
    if "REGION" in expected and not here.isascii():
        code = _COUNTRIES.get(here)
        return Hint(
            pos,
            end,
            words("diag.help.country", fix=code) if code else words("diag.help.country_example", example="JP"),
            here,
        )
    # a text in Japanese quotes, or in none
    if "STRING" in expected and ch in _OPEN_QUOTES:
        close = next((i for i in range(pos + 1, len(text)) if text[i] in _CLOSE_QUOTES or text[i] == "\n"), -1)
        if close > pos and text[close] != "\n":
            inner = text[pos + 1 : close]
            return Hint(pos, close + 1, words("diag.help.quotes", fix=f'"{inner}"'), text[pos : close + 1])
    if "STRING" in expected and not here.isascii() and '"' not in here.rstrip('"'):  # (`当社"`: its opening one)
        line_end = text.find("\n", pos)
        rest = text[pos : line_end if line_end >= 0 else len(text)]
        words_end = re.match(r"[^\"/#\[{}]*", rest)
        phrase = (words_end.group() if words_end else here).rstrip(" \t\u3000") or here
        return Hint(pos, pos + len(phrase), words("diag.help.quotes_missing", fix=f'"{phrase}"'), phrase)
    # any other character with an ASCII form: full-width shapes, wave dashes, `、`, other digits
    word = word.rstrip(",")
    here = here.rstrip(",") or here
    end = pos + len(here)
    fix, special = _ascii_word(word, literals)
    if fix == word:
        return None
    here_fix = _ascii_word(here, literals)[0].strip()
    if fits is not None and here_fix != here and not (here_fix.isascii() and fits(here_fix)):
        # (made half-width, it is still nothing the parser can take here: `優先度３` is `優先度3`)
        if "NAME" not in expected:
            return None
        example = _name_like(name_example, fix)
        return Hint(pos, end, words("diag.help.name_ascii", name=example, fix=f'{example} "{here}"'), here)
    changed = [c for c in dict.fromkeys(word) if c not in special and _digit(c) != c]
    kinds = list(dict.fromkeys(special))
    if len(kinds) == 1 and all(_is_fullwidth(c) for c in changed):
        # one character with a meaning of its own: named, with its ASCII form (full-width shapes around it
        # are rewritten in the example too)
        bad = kinds[0]
        at = text.index(bad, start)
        ascii_form = _ascii_word(bad, literals)[0].strip()
        return Hint(at, at + 1, words("diag.help.char", char=bad, ascii=ascii_form, fix=fix.strip()), bad)
    if not kinds and changed and all(_is_fullwidth(c) for c in changed):
        return Hint(pos, end, words("diag.help.fullwidth", fix=fix), here)
    if not kinds and changed and all(c.isdigit() for c in changed):  # another script's digits: `٧`
        return Hint(pos, end, words("diag.help.digits", char=changed[0], fix=fix), here)
    return Hint(pos, end, words("diag.help.write", fix=fix.strip()), here)
