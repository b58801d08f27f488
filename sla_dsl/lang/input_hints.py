"""What an author probably meant where the parser stopped at input written the Japanese way.

A policy is written in ASCII syntax, but its authors type Japanese every day: a full-width
``１０：００``, a wave dash in ``10:00～18:00``, ``、`` between list items, 「」 around a text, ``2026/04/01``
or ``2026年4月1日`` for a date, ``4営業時間`` for a duration, ``月..金`` for weekdays, ``UTC+9`` for a zone.
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
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .diagnostics import Words, words

__all__ = ["Hint", "hint_for", "japanese_duration"]


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
    """``4 business hours`` for ``４営業時間`` (``number``: the amount written before the word), else ``None``."""
    hit = _JP_DURATION.fullmatch(_folded(word))
    if hit is None:
        return None
    amount = hit.group(1) or number
    if not amount:
        return None
    unit = _JP_UNITS[hit.group(3)]
    if hit.group(2) and unit not in ("hour", "day"):
        return None
    plural = "" if amount.lstrip("0") == "1" else "s"
    return f"{amount} {'business ' if hit.group(2) else ''}{unit}{plural}"


def _ordinal(n: str) -> str:
    k = int(n)
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{n}{suffix}"


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
) -> Hint | None:
    """The hint for input at ``pos`` of ``text`` that the parser could not take.

    ``expected``: the terminal names the parser could take there; ``literals``: the keywords and
    punctuation among them (``-``, ``..``); ``before``: the token just before (an amount before a unit).
    """
    if pos >= len(text):
        return None
    ch = text[pos]
    if ch == "\u3000":
        return Hint(
            pos,
            pos + 1,
            words("diag.help.fullwidth_space"),
            ch,
            message=words("diag.E010.fullwidth_space"),
            code="E010",
        )
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
        if fix is not None and unit is not None:
            shown = (unit.group(2) or "") + unit.group(3)
            return Hint(at, end, words("diag.help.write", fix=fix), shown, words("diag.E015", word=shown), "E015")
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
    # an ordinal written as a number: `on 4 thu`
    if "ORDINAL" in expected and re.fullmatch(r"[0-9]+", here):
        after = _NEXT_WORD.match(text, end)
        fix = _ordinal(here) + (f" {after.group(1)}" if after and after.group(1) in _WEEKDAYS.values() else "")
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
