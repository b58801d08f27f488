"""Text to parse trees, and Lark's errors to our diagnostics.

The Lark parser is built once (LALR, contextual lexer) and cached. A clean file
is parsed in one pass. When that fails, the file is cut into its top-level
declarations (each begins on a line at brace depth 0 with a declaration
keyword) and each piece is parsed on its own, so that independent errors in
several declarations are all reported in one run. A declaration keyword at
column 1 inside an unclosed block ends that block with a diagnostic and the
count of braces starts again there, so that one missing `}` or one extra `{`
is one error, not one for every declaration after it (no block of the
grammar holds another, which tells a wrapped statement such as
`rules calendar business,` / `service content` from a new declaration). Every
step of that recovery is linear in the size of the text (one scan for braces,
one pass over the lines): a file of thousands of unclosed blocks is a
plausible accident, not only an attack.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import lark
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..files import cache_dir
from .diagnostics import Code, Diagnostic, Listing, Words, diagnostic, did_you_mean_words, listing, suggest, words
from .model import Span

DECL_KEYWORDS = (
    "sla",
    "article",
    "calendar",
    "service",
    "planned",
    "maintenance",
    "clock",
    "priority",
    "notify",
    "backup",
    "exclude",
    "item",
    "attribute",
    "event",
)

#: Named terminals in words, for "expected ..." messages (in other languages: :data:`TERMINAL_EXAMPLES`).
TERMINAL_WORDS = {
    "STRING": 'a quoted text such as "営業時間"',
    "NAME": "a name",
    "EVENT": "an event type such as `incident.reported`",
    "TZ": "a time zone such as `Asia/Tokyo`",
    "DATE": "a date such as `2026-04-01`",
    "MONTHDAY": "a month and day such as `12-29`",
    "TIME": "a time of day such as `10:00`",
    "ORDINAL": "an ordinal such as `4th`",
    "PERCENT": "a percentage such as `75%`",
    "REFNUM": "an article number such as `3.1.4`",
    "INT": "a number",
    "$END": "the end of the file",
}

#: The example each named terminal's phrase shows (``diag.expected.<NAME>`` in the catalogue).
TERMINAL_EXAMPLES = {
    "STRING": '"営業時間"',
    "NAME": "",
    "EVENT": "incident.reported",
    "TZ": "Asia/Tokyo",
    "DATE": "2026-04-01",
    "MONTHDAY": "12-29",
    "TIME": "10:00",
    "ORDINAL": "4th",
    "PERCENT": "75%",
    "REFNUM": "3.1.4",
    "INT": "",
    "$END": "",
}

UNITS = ("seconds", "minutes", "hours", "days", "weeks", "months")
UNIT_WORDS = {
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
}


def _grammar_text() -> str:
    try:
        return resources.files("sla_dsl.grammars").joinpath("sla.lark").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        here = Path(__file__).resolve().parent.parent / "grammars" / "sla.lark"
        return here.read_text("utf-8")


def build_parser(**options: Any) -> Lark:
    """A new Lark parser for the policy grammar; ``options`` add to the standard ones."""
    grammar = _grammar_text()
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        propagate_positions=True,
        maybe_placeholders=False,
        cache=_cache_file(grammar, options) or False,
        **options,
    )


def _cache_file(grammar: str, options: dict[str, Any]) -> str | None:
    """Where the built LALR tables are kept: a fresh process loads them in ~30 ms instead of ~500 ms.

    Never Lark's default (a predictable name in the shared temp directory, loaded
    with pickle before any check): only the private folder of :func:`cache_dir`,
    keyed by the grammar, the options, Lark's and Python's versions.
    """
    folder = cache_dir()
    if folder is None:
        return None
    key = "|".join([grammar, repr(sorted(options)), lark.__version__, sys.version])
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return str(folder / f"parser-{digest}.lark")


@cache
def get_parser() -> Lark:
    """The Lark parser for policies, built once."""
    return build_parser()


@cache
def _terminal_patterns() -> dict[str, str]:
    """Terminal name -> the literal it stands for, for anonymous keyword terminals."""
    out: dict[str, str] = {}
    for term in get_parser().terminals:
        if term.pattern.type == "str":
            out[term.name] = term.pattern.value
    return out


@dataclass
class Chunk:
    """A top-level declaration's text and the line it starts on."""

    text: str
    first_line: int


_SCAN = re.compile(r'"(?:\\.|[^"\\\n])*"?|#[^\n]*|[{}]|\n')
# (`event.x`, `service.y` at column 1 are event names, not declarations)
_DECL_AT_START = re.compile(r"(" + "|".join(DECL_KEYWORDS) + r")(?![\w.])")

#: Declaration keywords that no statement uses: at column 1 they always begin a declaration. The others
#: (`calendar business` in a maintenance block, `rules service content` wrapped onto a new line) may
#: continue a block.
TOP_LEVEL_ONLY = frozenset({"sla", "article", "item", "attribute", "event"})


def split_declarations(text: str) -> tuple[list[Chunk], list[Diagnostic]]:
    """Cut ``text`` into top-level declarations; report blocks left open.

    A declaration starts on a line that begins (at column 1) with a declaration keyword, when no block is
    open there. Inside a block left open, such a line starts a new declaration (the open one gets E013
    and the count of braces starts again) unless it can be a statement of that block: a keyword that
    statements use too, and the next brace is the ``}`` that closes the block (no block holds another).
    A block that holds a ``{`` of its own gets no E013: the parse of its text points at that ``{``.
    """
    lines = text.split("\n")
    braces: list[tuple[int, str]] = []  # (line index, brace), outside texts and comments, in order
    line_idx = 0
    for m in _SCAN.finditer(text):
        tok = m.group()
        if tok == "\n":
            line_idx += 1
        elif tok in ("{", "}"):
            braces.append((line_idx, tok))
    starts = [0]
    diags: list[Diagnostic] = []
    depth = 0
    nested = False  # a `{` inside the open block: the parse reports it
    b = 0  # the next brace not counted yet
    for idx, ln in enumerate(lines):
        head = _DECL_AT_START.match(ln) if idx else None
        if head is not None:
            if depth == 0:
                starts.append(idx)
            elif head.group(1) in TOP_LEVEL_ONLY or b == len(braces) or braces[b][1] == "{":
                if not nested:
                    diags.append(_unclosed(starts[-1], idx))
                starts.append(idx)
                depth, nested = 0, False
        while b < len(braces) and braces[b][0] == idx:
            if braces[b][1] == "{":
                nested = nested or depth > 0
                depth += 1
            elif depth > 0:
                depth -= 1
            if depth == 0:
                nested = False
            b += 1
    chunks = []
    for a, z in itertools.pairwise([*starts, len(lines)]):
        chunks.append(Chunk("\n".join(lines[a:z]), a + 1))
    return chunks, diags


def _unclosed(start: int, next_start: int) -> Diagnostic:
    """E013 for the block opened by the declaration on line index ``start``, still open at ``next_start``."""
    return diagnostic(
        "E013",
        words("diag.E013"),
        Span(line=start + 1, column=1, end_line=start + 1, end_column=2),
        help=words("diag.E013.help", line=str(next_start + 1)),
    )


def parse_tree(text: str) -> Tree[Token]:
    """Parse a whole policy text; raises Lark errors."""
    return get_parser().parse(text)


def describe_expected(expected: set[str]) -> list[str]:
    """Expected terminal names as words, keywords in backticks, sorted."""
    return [_en(w) for w in expected_words(expected)]


def _en(w: str | Code | Words) -> str:
    if isinstance(w, Code):
        return w.syntax
    return w.text("en") if isinstance(w, Words) else w


def _units() -> Listing:
    return listing((Code(u) for u in UNITS), ", ")


def expected_words(expected: set[str]) -> list[str | Code | Words]:
    """:func:`describe_expected` as catalogue words (for other languages), in the same order."""
    pats = _terminal_patterns()
    found: dict[str, str | Code | Words] = {}

    def add(w: str | Code | Words) -> None:
        found.setdefault(_en(w), w)

    if any(pats.get(n) in UNIT_WORDS for n in expected):
        add(words("diag.expected.unit", units=_units()))
    for name in expected:
        if pats.get(name) in UNIT_WORDS:
            continue
        if name in pats:
            add(f"`{pats[name]}`")
        elif name in TERMINAL_WORDS:
            example = TERMINAL_EXAMPLES.get(name, "")
            add(words(f"diag.expected.{name}", **({"example": example} if example else {})))
        elif name == "LBRACE":
            add("`{`")
        else:
            add(Code(name.lower()))
    return [found[k] for k in sorted(found, key=lambda w: (not w.startswith("`"), w))]


def _state_expected(err: UnexpectedToken) -> set[str]:
    """The terminals the parser could really accept where it stopped.

    The LALR table alone over-approximates after shared rules such as ``label``
    (its lookaheads are merged across contexts), so each candidate is tried.
    """
    ip = getattr(err, "interactive_parser", None)
    if ip is None:
        return set()
    try:
        return {t for t in ip.accepts() if t.isupper() or t == "$END"}
    except Exception:
        return set()


def _last_token(err: UnexpectedToken) -> Token | None:
    state = getattr(err, "state", None)
    stack = getattr(state, "value_stack", None) or []
    last = stack[-1] if stack else None
    return last if isinstance(last, Token) else None


def _is_unit_set(expected: set[str]) -> bool:
    words = set(_expected_keywords(expected))
    return bool(words) and words <= UNIT_WORDS


def _is_top_level(expected: set[str]) -> bool:
    words = set(_expected_keywords(expected))
    return len(words & set(DECL_KEYWORDS)) >= 5


def _expected_keywords(expected: set[str]) -> list[str]:
    pats = _terminal_patterns()
    return [pats[n] for n in expected if n in pats and re.fullmatch(r"[a-z]+", pats[n])]


def _or_list(items: list[str | Code | Words], limit: int = 8) -> Listing:
    """``a, b or c``, cut after ``limit`` items with ``...``."""
    if len(items) > limit:
        items = [*items[:limit], words("diag.expected.more")]
    return listing(items)


def lark_error_to_diagnostic(err: UnexpectedInput, text: str, line_offset: int = 0) -> Diagnostic:
    """Turn a Lark exception into a located diagnostic with a helpful message."""
    line = (getattr(err, "line", 1) or 1) + line_offset
    col = getattr(err, "column", 1) or 1
    if isinstance(err, UnexpectedToken) and err.token.type != "$END":
        tok = err.token
        value = str(tok)
        expected = _state_expected(err) or set(err.expected)
        end_col = (tok.end_column or col + len(value)) if tok.end_line == tok.line else col + len(value)
        span = Span(line=line, column=col, end_line=line, end_column=end_col)
        prev = _last_token(err)
        if (
            prev is not None
            and prev.type == "NAME"
            and _is_unit_set(expected)
            and not re.fullmatch(r"[A-Za-z_]+", value)
        ):
            # `keep 7 dayz }`: the word before is the unknown unit
            pspan = Span(
                line=(prev.line or 1) + line_offset,
                column=prev.column or 1,
                end_line=(prev.line or 1) + line_offset,
                end_column=(prev.column or 1) + len(str(prev)),
            )
            near = suggest(str(prev), sorted(UNIT_WORDS))
            return diagnostic(
                "E015",
                words("diag.E015", word=str(prev)),
                pspan,
                help=words("diag.help.units_near", near=near, units=_units())
                if near
                else words("diag.help.units", units=_units()),
            )
        if _is_top_level(expected) and re.fullmatch(r"[A-Za-z_]+", value):
            near = suggest(value, DECL_KEYWORDS)
            return diagnostic(
                "E016",
                words("diag.E016", word=value),
                span,
                help=words("diag.help.did_you_mean", name=near)
                if near
                else words("diag.E016.help", keywords=_or_list([f"`{k}`" for k in DECL_KEYWORDS], 20)),
            )
        return _unexpected(value, expected, span)
    if isinstance(err, UnexpectedCharacters):
        pos = err.pos_in_stream or 0
        ch = text[pos] if 0 <= pos < len(text) else ""
        word_match = re.match(r"[^\s{}\[\],/]+", text[pos:])
        word = word_match.group() if word_match else ch
        span = Span(line=line, column=col, end_line=line, end_column=col + max(1, len(word)))
        expected = set(err.allowed or set())
        if ch == '"':
            return diagnostic("E014", words("diag.E014"), span, help=words("diag.E014.help"))
        return _unexpected(word, expected, span, code="E010")
    if isinstance(err, UnexpectedEOF | UnexpectedToken):
        expected = set(getattr(err, "expected", set()) or set())
        lines = text.split("\n")
        last = len(lines)
        span = Span(
            line=last + line_offset,
            column=len(lines[-1]) + 1,
            end_line=last + line_offset,
            end_column=len(lines[-1]) + 2,
        )
        want = expected_words(expected)
        return diagnostic(
            "E012",
            words("diag.E012.expected", expected=_or_list(want)) if want else words("diag.E012"),
            span,
            help=words("diag.E012.help") if "RBRACE" in expected else None,
        )
    return diagnostic("E010", words("diag.E010.unreadable"), Span(line=line, column=col))


#: Which block each statement keyword belongs to, for "wrong block" help.
STATEMENT_HOME = {
    "days": "calendar", "hours": "calendar` or `service", "holidays": "calendar", "closed": "calendar",
    "open": "calendar", "respond": "priority", "definition": "priority", "same": "priority",
    "complete": "priority", "guideline": "priority", "starts": "clock", "within": "notify",
    "only": "notify", "met": "notify", "method": "backup", "keep": "backup", "continuous": "backup",
    "every": "backup` or `maintenance", "notice": "planned stop` or `maintenance", "emergency": "planned stop",
    "availability": "service", "description": "item", "value": "item", "rules": "item",
    "text": "article", "format": "sla", "version": "sla", "effective": "sla", "timezone": "sla",
    "provider": "sla", "title": "sla", "source": "sla",
}  # fmt: skip


def _printable(value: str) -> str:
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in value)


def _unexpected(value: str, expected: set[str], span: Span, code: str = "E011") -> Diagnostic:
    want = expected_words(expected)
    value = _printable(value)
    shown = value if len(value) <= 40 else value[:37] + "..."
    key = f"diag.{code}" if value else f"diag.{code}.input"
    message = (
        words(f"{key}.expected" if value else f"{key}_expected", word=shown, expected=_or_list(want))
        if want
        else words(key, word=shown)
        if value
        else words(key)
    )
    help_text: Words | None = None
    keywords = _expected_keywords(expected)
    if keywords and set(keywords) & UNIT_WORDS and not (set(keywords) - UNIT_WORDS):
        near = suggest(value, sorted(UNIT_WORDS))
        help_text = (
            words("diag.help.units_near", near=near, units=_units())
            if near
            else words("diag.help.units", units=_units())
        )
    elif keywords and re.fullmatch(r"[A-Za-z_]+", value):
        help_text = did_you_mean_words(value, keywords)
    if help_text is None and value in STATEMENT_HOME and value not in keywords:
        blocks = listing(f"`{b}`" for b in STATEMENT_HOME[value].split("` or `"))
        help_text = words("diag.help.belongs_in", word=value, block=blocks)
    if help_text is None and value in UNIT_WORDS and "NAME" in expected:
        help_text = words("diag.help.unit_here", word=value, example="4 business hours")
    return diagnostic(code, message, span, help=help_text)
