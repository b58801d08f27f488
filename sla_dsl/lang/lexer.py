"""A Pygments lexer for the sla policy language (``.sla`` files).

Design notes
------------
* Registered through the ``pygments.lexers`` entry point (name and alias
  ``sla``, filename ``*.sla``), so ```` ```sla ```` fences highlight in any
  Markdown or Sphinx site that uses Pygments, and ``pygmentize x.sla`` works.
* The lexer mirrors the terminals of ``grammars/sla.lark`` but does not parse:
  it must colour broken files too, so it never emits ``Error`` tokens for
  unknown words; a word it does not know is a plain ``Name``.
* Token choices: declaration keywords are ``Keyword.Declaration`` and the name
  after them ``Name.Class``; other statement words ``Keyword``; units and
  weekdays ``Keyword.Type`` / ``Name.Constant``, months as weekdays
  (``holiday yearly 4th thu of nov``); dates, month-days and times
  ``Literal.Date``; ``[art 3.1.4]`` is ``Name.Decorator``; event names
  (``incident.reported``) ``Name.Function``; time zones ``String.Symbol``.
* Only a top-level declaration gets ``Keyword.Declaration`` and its name ``Name.Class``: inside a block
  (state ``block``, entered at ``{``) ``calendar business`` names a calendar (a maintenance block's
  ``calendar``, an item's ``rules calendar business``) and its words are statement words, as the
  TextMate grammar reads them; a block left open ends at a line that begins with a declaration no
  statement begins with (``sla``, ``article``, ``item``, ``attribute``, ``event``), as there.
* The nth day of a calendar (``by end of 2nd business day``): the calendar's name is ``Name.Variable``,
  as in a duration.
* Digits are ASCII (``[0-9]``), as the grammar's: a full-width ``４`` is no number.
* Keyword lists are tuples here rather than read from the grammar at import
  time: Pygments loads lexers in contexts where the package data may not be
  importable, and the test suite checks the lists against the grammar.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar, cast

from pygments.lexer import RegexLexer, bygroups, include, words
from pygments.token import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)

from .parser import DECL_KEYWORDS

__all__ = ["DECLARATIONS", "KEYWORDS", "UNITS", "SlaLexer"]

#: Words that open a top-level declaration (the parser's own list).
DECLARATIONS: tuple[str, ...] = DECL_KEYWORDS

#: Other keywords of the grammar (statement words).
KEYWORDS: tuple[str, ...] = (
    "format",
    "version",
    "effective",
    "timezone",
    "provider",
    "title",
    "source",
    "languages",
    "text",
    "note",
    "days",
    "hours",
    "holidays",
    "holiday",
    "from",
    "closed",
    "yearly",
    "open",
    "except",
    "stops",
    "stop",
    "availability",
    "measured",
    "target",
    "notice",
    "before",
    "start",
    "date",
    "by",
    "emergency",
    "without",
    "counts",
    "as",
    "downtime",
    "excused",
    "every",
    "on",
    "last",
    "year",
    "if",
    "not",
    "a",
    "business",
    "next",
    "previous",
    "skip",
    "keep",
    "none",
    "starts",
    "at",
    "else",
    "risk",
    "of",
    "definition",
    "respond",
    "within",
    "when",  # attributes, conditions and credits (issue 13)
    "and",
    "values",
    "default",
    "changes",  # an attribute that incidents change during their life (`changes at incident.plan_changed`)
    "credit",
    "below",
    "monthly",
    "quarterly",
    "per",
    "period",
    "breach",  # a service credit per breached target (`credit 5% per breach, at most 25% monthly`)
    "most",
    "total",  # the header's cap on the total of credits (`credit total at most 30% monthly`)
    "pauses",  # clocks and named targets (issue 12)
    "until",
    "due",  # `not due at A until B` (a clock's deadlines held back)
    "resets",
    "restarts",
    "cancels",
    "resolve",
    "first",
    "reply",
    "update",
    "end",
    "same",
    "received",
    "plus",  # the out-of-hours tail of a named target (Request Tracker's OutOfHours)
    "outside",
    "close",
    "complete",
    "or",
    "after",
    "guideline",
    "only",
    "during",
    "met",
    "method",
    "continuous",
    "in",
    "another",
    "zone",
    "description",
    "value",
    "rules",
    "art",
)

#: Units of a duration.
UNITS: tuple[str, ...] = (
    "seconds",
    "second",
    "minutes",
    "minute",
    "hours",
    "hour",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
)

#: ``bygroups`` is untyped in the stubs; this is the same callable with a type.
_groups = cast(Callable[..., Any], bygroups)

_HEADER = re.compile(r'^\s*sla\s+"', re.MULTILINE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "weekday")  # (`on last weekday`: Monday-Friday)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")  # (`4th thu of nov`)
_UNIT_RE = r"(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b"


class SlaLexer(RegexLexer):
    """Highlights ``.sla`` policy files."""

    name = "SLA policy"
    aliases: ClassVar[Sequence[str]] = ["sla"]
    filenames: ClassVar[Sequence[str]] = ["*.sla"]
    mimetypes: ClassVar[Sequence[str]] = ["text/x-sla"]
    url = "https://pypi.org/project/sla-dsl/"
    #: Wins ``*.sla`` over Pygments' Slash lexer when there is no text to analyse.
    priority = 0.2

    @staticmethod
    def analyse_text(text: str) -> float:
        """How likely ``text`` is a policy: certain when it opens with an ``sla "..."`` header."""
        return 0.9 if _HEADER.search(text) else 0.0

    tokens: ClassVar[dict[str, list[Any]]] = {
        # top level: declarations and their names; a block's `{` enters "block"
        "root": [
            include("plain"),
            # declaration keyword followed by the declared name
            (
                r"\b(calendar|service|maintenance|clock|priority|notify|backup|exclude|attribute)(\s+)([A-Za-z_]\w*)\b",
                _groups(Keyword.Declaration, Whitespace, Name.Class),
            ),
            (r"\b(planned)(\s+)(stop)\b(?!s)", _groups(Keyword.Declaration, Whitespace, Keyword.Declaration)),
            # a declared event type (issue 12): `event incident.chat_started`
            (
                r"\b(event)(\s+)([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)",
                _groups(Keyword.Declaration, Whitespace, Name.Class),
            ),
            (r"\b(sla|article|item)\b", Keyword.Declaration),
            (r"\{", Punctuation, "block"),
            include("words"),
        ],
        # inside a block: a declaration keyword is a statement's word (`calendar business` in a maintenance
        # block, `rules calendar business` in an item names a calendar, it declares none), as the TextMate
        # grammar reads it; a block left open ends at `}` or where a line begins with a declaration no
        # statement begins with (as the parser reads it)
        "block": [
            (r"^(sla|article|item)(?![\w.])", Keyword.Declaration, "#pop"),
            (r"^(attribute)(\s+)([A-Za-z_]\w*)\b", _groups(Keyword.Declaration, Whitespace, Name.Class), "#pop"),
            (
                r"^(event)(\s+)([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)",
                _groups(Keyword.Declaration, Whitespace, Name.Class),
                "#pop",
            ),
            include("plain"),
            (r"\{", Punctuation, "#push"),
            (r"\}", Punctuation, "#pop"),
            include("words"),
        ],
        "plain": [
            (r"\s+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"', String.Double, "string"),
            (
                r"(\[)(\s*)(art)(\s+)([0-9]+(?:\.[0-9]+)*)(\s*)(\])",
                _groups(Punctuation, Whitespace, Name.Decorator, Whitespace, Name.Decorator, Whitespace, Punctuation),
            ),
        ],
        "words": [
            (r"[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*", Name.Function),
            (r"\b[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)+", String.Symbol),
            (r"\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b", Literal.Date),
            (r"\b[0-9]{1,2}-[0-9]{1,2}\b", Literal.Date),
            (r"\b[0-9]{1,2}:[0-9]{2}\b", Literal.Date),
            # the nth day of a calendar (`by end of 2nd business day`): the calendar's name as in a duration
            (
                r"\b([0-9]+(?:st|nd|rd|th))(\s+)(?!" + _UNIT_RE + r")([A-Za-z_]\w*)(\s+)(days?)\b",
                _groups(Number.Integer, Whitespace, Name.Variable, Whitespace, Keyword.Type),
            ),
            (r"\b[0-9]+(?:st|nd|rd|th)\b", Number.Integer),
            (r"\b[0-9]+(?:\.[0-9]+)?%", Number),
            # a duration: amount, optional calendar name, unit
            (
                r"\b([0-9]+)(\s+)(?!" + _UNIT_RE + r")([A-Za-z_]\w*)(\s+)(" + _UNIT_RE + ")",
                _groups(Number.Integer, Whitespace, Name.Variable, Whitespace, Keyword.Type),
            ),
            (r"\b([0-9]+)(\s+)(" + _UNIT_RE + ")", _groups(Number.Integer, Whitespace, Keyword.Type)),
            (r"[0-9]+", Number.Integer),
            (words(_WEEKDAYS + _MONTHS, prefix=r"\b", suffix=r"\b"), Name.Constant),
            (words(UNITS, prefix=r"\b", suffix=r"\b"), Keyword.Type),
            (words(KEYWORDS, prefix=r"\b", suffix=r"\b"), Keyword),
            (words(DECLARATIONS, prefix=r"\b", suffix=r"\b"), Keyword),
            (r"[A-Za-z_]\w*", Name),
            (r"\.\.|-|/", Operator),
            (r"[{}\[\],:]", Punctuation),
            (r".", Text),
        ],
        "string": [
            (r"\\.", String.Escape),
            (r'"', String.Double, "#pop"),
            (r'[^"\\\n]+', String.Double),
            (r"\n", String.Double, "#pop"),
        ],
    }
