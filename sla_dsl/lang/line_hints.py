"""What a line of a block means where the parser stopped on it or just after it: the help of the syntax
error (:func:`line_hint`, called by :mod:`.parser` after the hints of :mod:`.input_hints`), the forms of a
statement its words so far fit (:func:`written_forms`), and the one line to write for two ``at risk``
lines of a clock (:func:`merged_risk_help`, E212).

Design notes
------------
* **A statement of another block.** A line begun with a statement that only another block holds
  (``holiday`` in a ``priority``, ``stops at`` in a ``calendar``) says where it is written, as a
  statement's keyword anywhere already does (:data:`.peer_words.STATEMENT_HOME`). The keywords here
  (:data:`LINE_HOME`) begin a statement but also stand inside others (``at`` in ``stops at``, ``if`` in
  ``same day if``, ``in`` in ``when plan in (...)``), so only the first word of a line is read so.
* **A holiday over several days.** ``holiday yearly 12-29..01-03 "年末年始"``: a ``holiday`` line names
  one day; a run of days is closed with ``closed yearly 12-29..01-03`` (``closed A..B`` for dates).
* **A holiday without its name.** ``holiday yearly 3rd wed of dec`` goes on to the next line for its name:
  the parser stops at that line's first word. The error is put at the end of the ``holiday`` line, with
  the line to write (the name of the example in the languages the policy declares).
* **Thresholds joined with ``and``.** ``at risk at 50% and 75% of target`` is written with ``,``.
* **A unit without its count.** ``every days`` (a backup's; ``update every hours``): ``every 1 day``. A
  maintenance's ``every months`` parses (its W201 is the builder's, :mod:`.values`).
* **A text without its quotes.** ``version 2027.1``, where a line takes a text: the help is the line with
  the author's words quoted, ``version "2027.1"`` (when it parses so), not the form's own example.
* **The forms of the statement begun.** A statement's keywords so far, ``every month on``, are compared
  word by word with each form, ``month`` and ``months`` alike (the grammar keeps one rule for both):
  the monthly forms, not the one of ``every 3 months``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from lark import Token, Tree

from .diagnostics import Words, listing, words
from .input_hints import Hint

__all__ = ["LINE_HOME", "line_hint", "merged_risk_help", "written_forms"]

#: Statements the first word of a line begins, by that word: the statement's keywords and the blocks that
#: hold it (``a` or `b``), for a line of another block (the words of :data:`.peer_words.STATEMENT_HOME`
#: are told wherever they stand).
LINE_HOME: dict[str, tuple[str, str]] = {
    "holiday": ("holiday", "calendar"),
    "stops": ("stops at", "clock"),
    "pauses": ("pauses at", "clock"),
    "not": ("not due at", "clock"),
    "resets": ("resets at", "clock"),
    "restarts": ("restarts at", "clock"),
    "cancels": ("cancels at", "clock"),
    "at": ("at risk", "clock"),
    "resolve": ("resolve", "priority"),
    "first": ("first reply", "priority"),
    "update": ("update every", "priority"),
    "if": ("if not a business day", "maintenance"),
    "counts": ("counts as downtime", "maintenance"),
    "in": ("in another zone", "backup"),
    "changes": ("changes at", "attribute"),
    "default": ("default", "attribute"),
    "values": ("values", "attribute"),
    "languages": ("languages", "sla"),
}

_FIRST_WORD = re.compile(r"[ \t]*([A-Za-z_]\w*)")
_DAY = r"[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}-[0-9]{2}"
#: `holiday yearly 12-29..01-03`, `holiday 2026-12-29..2027-01-03`: a range where a day is named.
_HOLIDAY_RANGE = re.compile(rf"[ \t]*holiday[ \t]+(yearly[ \t]+)?({_DAY})[ \t]*\.\.[ \t]*({_DAY})(?![0-9])")
#: `at risk at 50% and 75% of target`: the thresholds of one line.
_RISK = re.compile(r"[ \t]*at[ \t]+risk[ \t]+at[ \t]+(.+?)[ \t]+of[ \t]+target[ \t]*$")
#: `at risk at 75%` (or `... 75% of`): a line of thresholds that does not end with `of target`.
_RISK_OPEN = re.compile(r"[ \t]*at[ \t]+risk[ \t]+at[ \t]+(.+?%)(?:[ \t]+(of))?[ \t]*$")
#: `respond within 30 minutes 24x7`: an elapsed duration (a count and a unit, no calendar's name) said to
#: count around the clock.
_AROUND = re.compile(
    r"[ \t]*((?:respond|resolve|first[ \t]+reply)[ \t]+within)[ \t]+"
    r"([0-9]+[ \t]+(?:second|minute|hour|day|week|month)s?)[ \t]+"
    r"(24[ \t]*[x*/×][ \t]*7|24/7|around[ \t]+the[ \t]+clock|round[ \t]+the[ \t]+clock)(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_RISK_JOIN = re.compile(r"[ \t]*(?:,|\band\b)[ \t]*")
_PERCENT = re.compile(r"[0-9]+(?:\.[0-9]+)?%")
#: The name a holiday line without one is shown with (as the policy's languages write it).
HOLIDAY_NAME = '"休日の名前" / "Name of the holiday"'


#: The line of a text from an offset as a change rewrites it, when the text with it parses past it, else ``None``.
Rewrite = Callable[[int, Callable[[str], str]], str | None]

_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)"
#: `hours mon-thu 10:00-18:00`: a run of weekdays written with `-` (the language writes `mon..thu`).
_WEEKDAY_DASH = re.compile(rf"\b({_WEEKDAY})[ \t]*[-~][ \t]*({_WEEKDAY})\b")
#: `10:0`: a time of day with one digit of minutes, `0` (`10:00` meant).
_SHORT_MINUTES = re.compile(r"(?<![0-9:])([0-9]{1,2}):0(?![0-9])")
#: `holidays 2026-12-29`, `holidays 12-29..01-03`: dates on a `holidays` line, which takes countries.
_DAYS = rf"(?:{_DAY})(?:[ \t]*\.\.[ \t]*(?:{_DAY}))?"
#: `every days`: a unit without its count after `every` (a backup's, an update's), `every 1 day` meant.
_EVERY_UNIT = re.compile(r"\b(every)[ \t]+((second|minute|hour|day|week|month)s?)\b")
_HOLIDAYS_DATES = re.compile(rf"[ \t]*holidays[ \t]+({_DAYS}(?:[ \t]*,[ \t]*{_DAYS})*)[ \t]*$")


def _line(text: str, pos: int) -> tuple[int, str]:
    """The start of the line holding ``pos``, and that line without its comment (kept where it holds a
    text, in which a ``#`` is no comment)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    return start, line.split("#", 1)[0] if '"' not in line else line


def _block_name(block: str) -> str:
    return "planned stop" if block == "planned" else block


def line_hint(
    text: str,
    pos: int,
    expected: set[str],
    block: str | None,
    opened: bool,
    shown: Callable[[str], str] = lambda form: form,
    rewritten: Rewrite | None = None,
) -> Hint | None:
    """The hint for the line of ``text`` where the parser stopped at ``pos``, inside declaration ``block``
    (its keyword) with its ``{`` read (``opened``); ``expected``: the terminals it could take there;
    ``shown``: an example as the policy writes its texts; ``rewritten``: the line from an offset as a change
    rewrites it, when the text with it parses past it (:func:`.parser._rewritten`; no line is given without
    it). ``None`` where the line is none of the above."""
    if block is None or not opened:
        return None
    start, line = _line(text, pos)
    return (
        _misplaced(line, start, pos, block)
        or _holiday_range(line, start, pos, block)
        or _risk_and(text, line, start, pos, block)
        or _holiday_name(text, start, pos, expected, block, shown)
        or _risk_target(text, start, pos, block, rewritten)
        or _around_the_clock(line, start, pos, block, rewritten)
        or _holidays_dates(line, start, pos, block, shown, rewritten)
        or _hours_line(line, start, pos, block, rewritten)
        or _every_count(line, start, pos, expected, rewritten)
        or _unquoted(text, start, pos, expected, rewritten)
    )


#: The words of a text written without its quotes: up to a quote, a `/` (of a pair), a brace, a bracket or a
#: comment.
_UNQUOTED = re.compile(r'[^"/#{}\[\]\n]*')


def _unquoted(text: str, start: int, pos: int, expected: set[str], rewritten: Rewrite | None) -> Hint | None:
    """A text written without its quotes where the line takes one (``version 2027.1``, ``source sla.txt``):
    the line with the author's own words quoted, when it parses so (``version "2027.1"``). Words without a
    letter are taken for a text only on a ``version`` line."""
    found = _UNQUOTED.match(text, pos)
    words_at = found.group().rstrip(" \t") if found else ""
    if "STRING" not in expected or rewritten is None or not words_at:
        return None
    first = _FIRST_WORD.match(text, start)
    if not re.search(r"[^\W\d_]", words_at) and (first is None or first.group(1) != "version"):
        return None  # (a number is a version's text; elsewhere, `holiday 2026-11-26 3`, no name meant)
    at = pos - start
    fix = rewritten(start, lambda line: f'{line[:at]}"{words_at}"{line[at + len(words_at) :]}')
    if fix is None:
        return None
    return Hint(pos, pos + len(words_at), words("diag.help.quotes_missing", fix=fix), words_at)


def _misplaced(line: str, start: int, pos: int, block: str) -> Hint | None:
    """A line begun, at ``pos``, with a statement of another block (:data:`LINE_HOME`)."""
    first = _FIRST_WORD.match(line)
    if first is None or start + first.start(1) != pos or first.group(1) not in LINE_HOME:
        return None
    phrase, homes = LINE_HOME[first.group(1)]
    blocks = homes.split("` or `")
    if _block_name(block) in blocks:
        return None
    said = words("diag.help.belongs_in", word=phrase, block=listing(f"`{b}`" for b in blocks))
    return Hint(pos, pos + len(first.group(1)), said, first.group(1))


def _holiday_range(line: str, start: int, pos: int, block: str) -> Hint | None:
    """``holiday yearly 12-29..01-03 ...`` (the parser stopped at ``..``): the ``closed`` line of those days."""
    hit = _HOLIDAY_RANGE.match(line)
    if block != "calendar" or hit is None or not start + hit.end(2) <= pos < start + hit.start(3):
        return None
    fix = f"closed {'yearly ' if hit.group(1) else ''}{hit.group(2)}..{hit.group(3)}"
    at = start + line.index("..", hit.end(2))
    return Hint(at, at + 2, words("diag.help.holiday_range", fix=fix), "..")


def _risk_and(text: str, line: str, start: int, pos: int, block: str) -> Hint | None:
    """``at risk at 50% and 75% of target`` (the parser stopped at ``and``): the thresholds joined with
    ``,``, lowest first."""
    hit = _RISK.match(line.rstrip())
    inside = hit is not None and start + hit.start(1) < pos < start + hit.end(1)
    if block != "clock" or hit is None or not inside or not re.match(r"and\b", text[pos:]):
        return None
    items = _RISK_JOIN.split(hit.group(1))
    if not all(_PERCENT.fullmatch(item) for item in items):
        return None
    fix = f"at risk at {_thresholds(items)} of target"
    return Hint(pos, pos + 3, words("diag.help.list_and", fix=fix), "and")


def _thresholds(items: Sequence[str]) -> str:
    """Percentages as written, each value once, lowest first."""
    by_value: dict[float, str] = {}
    for item in items:
        by_value.setdefault(float(item.rstrip("%")), item)
    return ", ".join(by_value[v] for v in sorted(by_value))


def _holiday_name(
    text: str, start: int, pos: int, expected: set[str], block: str, shown: Callable[[str], str]
) -> Hint | None:
    """A ``holiday`` line without its name: the parser expects a text at the first word of a later line."""
    if block != "calendar" or "STRING" not in expected or text[start:pos].strip():
        return None
    found = _above(text, start)
    if found is None:
        return None
    begin, above = found
    if '"' in above or not re.match(r"[ \t]*holiday[ \t]", above):
        return None
    end = begin + len(above.rstrip())
    fix = f"{' '.join(above.split())} {shown(HOLIDAY_NAME)}"
    message = words("diag.E011.holiday_name")
    return Hint(end, end + 1, words("diag.help.holiday_name", fix=fix), "", message, "E011")


def _above(text: str, start: int) -> tuple[int, str] | None:
    """The start of the last line before the line starting at ``start`` with a statement on it (blank and
    comment lines passed over), and that line without its comment; ``None`` when there is none."""
    at = start - 1  # (the end of the line above)
    while at > 0:
        begin = text.rfind("\n", 0, at) + 1
        above = text[begin:at]
        above = above.split("#", 1)[0] if '"' not in above else above
        if above.strip():
            return begin, above
        at = begin - 1
    return None


def _risk_target(text: str, start: int, pos: int, block: str, rewritten: Rewrite | None) -> Hint | None:
    """An ``at risk at`` line without ``of target`` (``at risk at 75%``): the parser stops at the first word of
    the next line (the clock's ``}``). The error is put at the end of the ``at risk`` line, with the line to
    write, when the text with it parses past it."""
    if block != "clock" or text[start:pos].strip() or rewritten is None:
        return None
    found = _above(text, start)
    if found is None:
        return None
    begin, above = found
    hit = _RISK_OPEN.match(above.rstrip())
    if hit is None:
        return None
    items = _RISK_JOIN.split(hit.group(1))
    if not all(_PERCENT.fullmatch(item) for item in items):
        return None
    fixed = rewritten(begin, lambda ln: f"{ln[: len(above.rstrip())]} {'target' if hit.group(2) else 'of target'}")
    if fixed is None:
        return None
    end = begin + len(above.rstrip())
    message = words("diag.E011.risk_target")
    return Hint(end, end + 1, words("diag.help.write", fix=fixed), "", message, "E011")


def _around_the_clock(line: str, start: int, pos: int, block: str, rewritten: Rewrite | None) -> Hint | None:
    """``respond within 30 minutes 24x7`` (the parser stopped at ``24x7``): elapsed time (a duration without a
    calendar's name) already counts every hour of every day; the line without the word, when it parses so."""
    hit = _AROUND.match(line.rstrip())
    if block != "priority" or hit is None or start + hit.start(3) != pos or rewritten is None:
        return None
    fixed = rewritten(start, lambda ln: ln[: hit.end(2)] + ln[hit.end(3) :])
    if fixed is None:
        return None
    said = words("diag.help.around_the_clock", duration=hit.group(2), fix=fixed)
    return Hint(pos, start + hit.end(3), said, hit.group(3))


def _holidays_dates(
    line: str, start: int, pos: int, block: str, shown: Callable[[str], str], rewritten: Rewrite | None
) -> Hint | None:
    """``holidays 2026-12-29`` (the parser stopped at the date): ``holidays`` takes countries' public holidays;
    a day of the company's own is a ``holiday`` line with its name, or closed (``closed`` for several days)."""
    hit = _HOLIDAYS_DATES.match(line.rstrip())
    if block != "calendar" or hit is None or start + hit.start(1) != pos or rewritten is None:
        return None
    days = " ".join(hit.group(1).split()).replace(" ..", "..").replace(".. ", "..")
    yearly = "yearly " if len(days.split(",")[0].split("..")[0]) == 5 else ""  # (`12-29`: a day of every year)
    closed = rewritten(start, lambda _: f"closed {yearly}{days}")
    if closed is None:
        return None
    end = start + hit.end(1)
    if "," in days or ".." in days:
        said = words("diag.help.holidays_dates", keyword="holidays", closed=closed)
    else:
        holiday = f"holiday {yearly}{days} {shown(HOLIDAY_NAME)}"
        said = words("diag.help.holidays_date", keyword="holidays", holiday=holiday, closed=closed)
    return Hint(pos, end, said, line[hit.start(1) : hit.end(1)])


def _hours_line(line: str, start: int, pos: int, block: str, rewritten: Rewrite | None) -> Hint | None:
    """A calendar's ``hours`` line with weekdays joined by ``-`` (``mon-thu``: ``mon..thu``) or a time with one
    digit of minutes (``10:0``: ``10:00``): the line to write, when it parses so."""
    first = _FIRST_WORD.match(line)
    if block != "calendar" or first is None or first.group(1) != "hours" or rewritten is None:
        return None
    fixed = rewritten(start, lambda ln: _SHORT_MINUTES.sub(r"\1:00", _WEEKDAY_DASH.sub(r"\1..\2", ln)))
    if fixed is None:
        return None
    word = re.match(r"[-~]|[0-9]{1,2}:[0-9]*|[^ \t,]+", line[pos - start :])  # (the dash, the time, the word)
    here = word.group() if word else line[pos - start : pos - start + 1]
    return Hint(pos, pos + len(here), words("diag.help.write", fix=fixed), here)


def _every_count(line: str, start: int, pos: int, expected: set[str], rewritten: Rewrite | None) -> Hint | None:
    """``every days`` (a backup's, or ``update every hours``): the parser stopped at the unit, where a count
    goes; the line with one (``every 1 day``), when it parses so."""
    hit = _EVERY_UNIT.search(line)
    if hit is None or start + hit.start(2) != pos or "INT" not in expected or rewritten is None:
        return None
    fixed = rewritten(start, lambda ln: _EVERY_UNIT.sub(r"\1 1 \3", ln, count=1))
    if fixed is None:
        return None
    return Hint(pos, start + hit.end(2), words("diag.help.write", fix=fixed), hit.group(2))


def written_forms(forms: Sequence[str], run: Sequence[tuple[str, bool]], more: bool, keywords: set[str]) -> list[str]:
    """The forms of ``forms`` the statement written so far fits: ``run``, its keywords before any value
    (each with whether the grammar reads it as itself or its plural: ``month`` or ``months``), compared
    word by word; when ``more`` (a value follows them), not those where another keyword follows them
    (``holiday 2026-11-26`` is no ``holiday yearly``). All of them where none fits."""
    fit = [f for f in forms if _fits(f.split(), run)] or list(forms)
    if run and more:
        fit = [f for f in fit if ([*f.split()[len(run) : len(run) + 1], ""][0]) not in keywords] or fit
    return fit


def _fits(said: list[str], run: Sequence[tuple[str, bool]]) -> bool:
    if len(said) < len(run):
        return False
    for word, (keyword, plural) in zip(said, run, strict=False):
        word = word.rstrip(",:")
        if word != keyword and not (plural and word == keyword.removesuffix("s")):
            return False
    return True


def merged_risk_help(first: Tree[Token], second: Tree[Token], line: int) -> Words:
    """The help of E212 for a second ``at risk`` line of a clock (``line``: that of the first): the one
    line that holds the thresholds of both, lowest first; where that line could not be written (several
    thresholds with one of 100%), that one is to be kept."""
    items = [str(t) for st in (first, second) for t in st.children if isinstance(t, Token)]
    merged = _thresholds(items)
    if "," in merged and any(float(item.rstrip("%")) >= 100 for item in items):
        return words("diag.help.keep_one", line=str(line))
    return words("diag.E212.risk.help", example=f"at risk at {merged} of target", line=str(line))
