"""Text to parse trees, and what a syntax error's diagnostic says (:mod:`.parse_errors` builds it).

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

A declaration opened by a misspelt keyword (``prority P2 {``) is read as the declaration it misspells
and refused by the builder (E016): it is one error, and what refers to its name is not reported again.
Where the parser stops, the diagnostic points at the mistake itself: a duration's amount without a
unit, not the next line's word read as its calendar; input typed the Japanese way (a full-width
``１０：００``, ``～``, 「」, ``2026/04/01``) gets the ASCII to write (:mod:`.input_hints`).

Every syntax error has a help, from what the parser had read when it stopped (its stack: the
declarations read whole are trees, then the keyword of the one being read, its head, its ``{``, the
statements read whole, and the tokens of the statement being written). Syntax an author used to
another tool writes gets the line to write (:func:`_author_hint`): a list joined with ``or``
(``stops at A or B``, ``pauses at A until B or C``, ``complete on A or B``), ``when a = x or a = y``,
a named target without ``on CLOCK``, ``sla "名前" / "Name"``, a text pair without its ``/``; and the
other tool's own words (:mod:`.peer_words`: ``first_reply_time``, ``schedule``, ``goal`` ...). Any
other error gets the form of what is being written (:func:`form_help`): the statement begun
(:data:`STATEMENT_FORMS`, from the language reference; a test parses each), the block's lines where a
statement begins, the declaration's head (:data:`HEAD_FORMS`), or the declarations there are between
them. The texts of those forms, and the quoted text an "expected ..." list shows, are written in the
languages the policy declares (:func:`as_declared`): a policy of ``languages en`` is shown
``holiday 2026-11-26 "Thanksgiving"``, one of ``languages ja`` ``holiday 2026-11-26 "感謝祭"``, one
that declares both (or none, read as both) the pair.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import os
import re
import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import lark
from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..files import atomic_file, cache_dir, keep_recent
from .diagnostics import Code, Diagnostic, Listing, Words, diagnostic, did_you_mean_words, listing, suggest, words
from .input_hints import hint_for
from .line_hints import line_hint, written_forms
from .model import Span
from .peer_words import STATEMENT_HOME, TARGET_CLOCKS, peer_hint
from .plain import grammar_text

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
    "STRING": 'a quoted text such as "Business hours"',
    "NAME": "a name",
    "EVENT": "an event type such as `incident.reported`",
    "TZ": "a time zone such as `Asia/Tokyo`",
    "DATE": "a date such as `2026-04-01`",
    "MONTHDAY": "a month and day such as `12-29`",
    "TIME": "a time of day such as `10:00`",
    "ORDINAL": "an ordinal such as `4th`",
    "REGION": "a country and subdivision such as `US-NY`",
    "YEARMONTH": "a year and month such as `2026-03`",
    "PERCENT": "a percentage such as `75%`",
    "REFNUM": "an article number such as `3.1.4`",
    "INT": "a number",
    "$END": "the end of the file",
}

#: The example each named terminal's phrase shows (``diag.expected.<NAME>`` in the catalogue); the quoted
#: text's follows the policy's languages (:func:`_text_example`): this one where it declares Japanese alone.
TERMINAL_EXAMPLES = {
    "STRING": '"営業時間"',
    "NAME": "",
    "EVENT": "incident.reported",
    "TZ": "Asia/Tokyo",
    "DATE": "2026-04-01",
    "MONTHDAY": "12-29",
    "TIME": "10:00",
    "ORDINAL": "4th",
    "REGION": "US-NY",
    "YEARMONTH": "2026-03",
    "PERCENT": "75%",
    "REFNUM": "3.1.4",
    "INT": "",
    "$END": "",
}

#: The languages of the policy whose syntax error is being described (its header's ``languages``; empty
#: when it declares none or they are not known), which the examples of its help are written in.
_EXAMPLE_LANGUAGES: ContextVar[tuple[str, ...]] = ContextVar("_EXAMPLE_LANGUAGES", default=())
#: A text pair of an example (``"感謝祭" / "Thanksgiving"``): the Japanese text, then the English one.
_EXAMPLE_PAIR = re.compile(r'"([^"]*)" / "([^"]*)"')


def as_declared(form: str) -> str:
    """A form of the language reference (an example of ours, never the author's text) as the policy being
    described writes its texts: each pair (``"感謝祭" / "Thanksgiving"``) as its one text where the policy
    declares one language (``"Thanksgiving"`` for ``languages en``, ``"感謝祭"`` for ``languages ja``),
    the pair where it declares both or none."""
    declared = set(_EXAMPLE_LANGUAGES.get())
    if len(declared) != 1:
        return form
    side = 1 if "ja" in declared else 2
    return _EXAMPLE_PAIR.sub(lambda hit: f'"{hit.group(side)}"', form)


#: The quoted text a statement takes that is no text of a language, by its keyword: the example of an
#: "expected ..." list right after that keyword (``version 2026.1``: ``"2026.1"``, where a label's
#: ``"Business hours"`` said nothing of what a version is), the same in every language.
STATEMENT_TEXTS = {"version": '"2026.1"', "source": '"sla-ja.txt"'}
#: The keyword the parser stopped right after, when :data:`STATEMENT_TEXTS` has its example ("" otherwise).
_TEXT_STATEMENT: ContextVar[str] = ContextVar("_TEXT_STATEMENT", default="")


def text_statement(stack: list[Any]) -> str:
    """The keyword of :data:`STATEMENT_TEXTS` the parser's ``stack`` ends with (``version``), else ``""``."""
    last = stack[-1] if stack else None
    word = _terminal_patterns().get(last.type, "") if isinstance(last, Token) else ""
    return word if word in STATEMENT_TEXTS else ""


def _text_example() -> str | Words:
    """The quoted text an "expected ..." list shows: the value of the statement being written where it is
    no language's text (:data:`STATEMENT_TEXTS`); else in the one language the policy declares, else in
    the language of the message (``diag.expected.STRING.example``)."""
    if _TEXT_STATEMENT.get():
        return STATEMENT_TEXTS[_TEXT_STATEMENT.get()]
    declared = set(_EXAMPLE_LANGUAGES.get())
    if declared == {"en"}:
        return '"Business hours"'
    if declared == {"ja"}:
        return TERMINAL_EXAMPLES["STRING"]
    return words("diag.expected.STRING.example")


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
    return grammar_text()


#: The parser tables kept in the cache folder (:func:`_cache_file`): ``parser-<key>.lark``.
PARSER_PREFIX = "parser-"
PARSER_SUFFIX = ".lark"
#: How many parser tables the folder keeps, the least recently used removed first (those this process
#: uses last): each is ~200 KB and there is one per grammar, set of options, Lark and Python; this
#: installation uses two (the policy parser, ``sla fmt``'s), a few others may share the folder.
PARSERS_KEPT = 8
#: The options given to a parser loaded from its tables rather than kept in them (Lark's own cache keeps
#: them out too): callbacks and classes, not data.
_GIVEN_AT_LOAD = frozenset({"lexer_callbacks", "postlex", "transformer", "tree_class", "_plugins"})
#: the names of the parser tables this process has read or written (pruned last: :func:`_keep_parsers`)
_parsers_used: set[str] = set()


def build_parser(**options: Any) -> Lark:
    """A new Lark parser for the policy grammar; ``options`` add to the standard ones.

    Its LALR tables are kept in the private cache folder (:func:`_cache_file`): a fresh process loads them
    in ~30 ms instead of building them in ~500 ms. Not through Lark's ``cache`` option, which writes the
    file in place (a process starting meanwhile read a torn file, and built and wrote it again) and whose
    files nothing removed: the tables are written whole under a temporary name and renamed into place
    (:func:`~sla_dsl.files.atomic_file`), and the folder keeps the :data:`PARSERS_KEPT` most recently used
    (:func:`_keep_parsers`). A file that cannot be read or written is a miss, never an error."""
    grammar = _grammar_text()
    settings: dict[str, Any] = {
        "parser": "lalr",
        "lexer": "contextual",
        "propagate_positions": True,
        "maybe_placeholders": False,
        **options,
    }
    path = _cache_file(grammar, options)
    if path is not None:
        loaded = _load_tables(path, {k: v for k, v in settings.items() if k in _GIVEN_AT_LOAD})
        if loaded is not None:
            return loaded
    built = Lark(grammar, **settings)
    if path is not None:
        _save_tables(built, path)
    return built


def _load_tables(path: str, given: dict[str, Any]) -> Lark | None:
    """The parser kept at ``path`` (with the options ``given`` at load), or None when there is none to read."""
    try:
        with open(path, "rb") as fh:
            # (what Lark.load does, with the options Lark's own cache gives at load; lark is pinned below 2)
            loaded: Lark = Lark.__new__(Lark)._load(fh, **given)
    except Exception:
        return None
    name = Path(path).name
    _parsers_used.add(name)
    with contextlib.suppress(OSError):  # (removed meanwhile by another process's prune: still loaded)
        os.utime(path)  # recently used
    return loaded


def _save_tables(parser: Lark, path: str) -> None:
    """Keep ``parser``'s tables at ``path``, written whole then renamed into place, and prune the others."""
    try:
        with atomic_file(path) as fh:
            parser.save(fh, _GIVEN_AT_LOAD)
    except Exception:
        return
    _parsers_used.add(Path(path).name)
    _keep_parsers(Path(path).parent)


def _keep_parsers(folder: Path) -> None:
    """Remove the parser tables of ``folder`` past the :data:`PARSERS_KEPT` most recently used (those of this
    process last), and the temporary files of writes killed before their rename (:func:`~sla_dsl.files.keep_recent`)."""
    with contextlib.suppress(OSError):
        keep_recent(folder, PARSER_PREFIX, PARSER_SUFFIX, PARSERS_KEPT, used=frozenset(_parsers_used))


def _cache_file(grammar: str, options: dict[str, Any]) -> str | None:
    """Where the built LALR tables are kept (see :func:`build_parser`).

    Never Lark's default (a predictable name in the shared temp directory, loaded
    with pickle before any check): only the private folder of :func:`cache_dir`,
    keyed by the grammar, the options (the values of those kept in the tables), Lark's and
    Python's versions, and the form of the file (the tables as :meth:`lark.Lark.save` writes them).
    """
    folder = cache_dir()
    if folder is None:
        return None
    kept = sorted((k, repr(v)) for k, v in options.items() if k not in _GIVEN_AT_LOAD)
    named = sorted(options)
    key = "|".join(["Lark.save", grammar, repr(named), repr(kept), lark.__version__, sys.version])
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    return str(folder / f"{PARSER_PREFIX}{digest}{PARSER_SUFFIX}")


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


#: What follows each declaration keyword at the start of its declaration (a name when not listed here).
_DECL_NEXT = {
    "sla": re.compile(r'\s+"'),
    "article": re.compile(r"\s+[0-9]"),
    "item": re.compile(r"\s+[0-9]"),
    "planned": re.compile(r"\s+stop(?![\w.])"),
    "event": re.compile(r"\s+[a-z_][a-z0-9_]*\."),
}
_NAME_NEXT = re.compile(r"\s+[A-Za-z_]")
_WORD_AT_START = re.compile(r"[A-Za-z_]+(?![\w.])")
#: How many misspelt declaration keywords one parse reads past; more fail it (a file of them is no policy).
_MAX_RECOVERED = 50
#: Where a misspelt keyword is noted on the declaration recovery read it as (:func:`misspelt_keyword_of`).
_MISSPELT = "sla_misspelt_keyword"


def misspelt_keyword(word: str, text: str, after: int) -> str | None:
    """The declaration keyword that ``word`` misspells (``prority`` for ``priority``), when ``text`` goes
    on at ``after`` (the end of the word) as that declaration does (a name, ``stop``, a number or a text);
    else ``None``."""
    near = _near_keyword(word)
    if near is None or not _DECL_NEXT.get(near, _NAME_NEXT).match(text, after):
        return None
    return near


@lru_cache(maxsize=4096)
def _near_keyword(word: str) -> str | None:
    """The declaration keyword ``word`` is a misspelling of, if any (a file repeats its words)."""
    if len(word) > 16 or word in DECL_KEYWORDS or not re.fullmatch(r"[A-Za-z_]+", word):
        return None
    return suggest(word, DECL_KEYWORDS)


def misspelt_declaration(word: str, near: str, line: int, column: int) -> Diagnostic:
    """E016 for a declaration opened by ``word``, a misspelling of the keyword ``near``, at ``line``:``column``."""
    span = Span(line=line, column=column, end_line=line, end_column=column + len(word))
    return diagnostic(
        "E016", words("diag.E016.misspelt", word=word, near=near), span, help=words("diag.help.write", fix=near)
    )


def misspelt_keyword_of(decl: Tree[Token]) -> Token | None:
    """The misspelt keyword that opened ``decl`` (a declaration :func:`parse_tree` read in its keyword's
    place), or ``None`` for a declaration written right."""
    found = getattr(decl.meta, _MISSPELT, None)
    return found if isinstance(found, Token) else None


def split_declarations(text: str) -> tuple[list[Chunk], list[Diagnostic]]:
    """Cut ``text`` into top-level declarations; report blocks left open.

    A declaration starts on a line that begins (at column 1) with a declaration keyword, when no block is
    open there. Inside a block left open, such a line starts a new declaration (the open one gets E013
    and the count of braces starts again) unless it can be a statement of that block: a keyword that
    statements use too, and the next brace is the ``}`` that closes the block (no block holds another).
    A block that holds a ``{`` of its own gets no E013: the parse of its text points at that ``{``.
    A line that begins with a misspelt declaration keyword where no block is open (``prority P2 {``)
    starts a declaration too, with E016: the declaration before it is read on its own, and the
    misspelling is reported even when its block holds another error.
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
    at = 0  # offset of line `idx` in `text`
    for idx, ln in enumerate(lines):
        head = _DECL_AT_START.match(ln) if idx else None
        # (a block's head line: a one-line declaration misspelt is read where it stands, see parse_tree)
        word = _WORD_AT_START.match(ln) if idx and head is None and depth == 0 and "{" in ln else None
        near = misspelt_keyword(word.group(), text, at + word.end()) if word else None
        if word is not None and near is not None:
            starts.append(idx)
            diags.append(misspelt_declaration(word.group(), near, idx + 1, 1))
        at += len(ln) + 1
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
    """Parse a whole policy text; raises Lark errors.

    A declaration opened by a misspelt keyword (``prority P2 {``, :func:`misspelt_keyword`) is read as
    that declaration, marked with the word (:func:`misspelt_keyword_of`): the builder reports it (E016)
    and drops it, and references to its name are not reported again.
    """
    misspelt: list[Token] = []

    def recover(err: UnexpectedInput) -> bool:
        if not isinstance(err, UnexpectedToken) or err.token.type != "NAME" or err.token.end_pos is None:
            return False
        if len(misspelt) >= _MAX_RECOVERED:  # error recovery (split_declarations) stops at a bound too
            return False
        tok = err.token
        near = misspelt_keyword(str(tok), text, tok.end_pos)
        if near is None or not _is_top_level(_state_expected(err) or set(err.expected)):
            return False
        kind = next(n for n, v in _terminal_patterns().items() if v == near)
        err.interactive_parser.feed_token(Token.new_borrow_pos(kind, str(tok), tok))
        misspelt.append(tok)
        return True

    tree = get_parser().parse(text, on_error=recover)
    if misspelt:
        at = {(t.line, t.column): t for t in misspelt}
        for decl in tree.children:
            if isinstance(decl, Tree) and not decl.meta.empty and (decl.meta.line, decl.meta.column) in at:
                setattr(decl.meta, _MISSPELT, at[(decl.meta.line, decl.meta.column)])
    return tree


@cache
def _terminal_regexps() -> dict[str, re.Pattern[str]]:
    """Terminal name -> the pattern it matches (a keyword's literal too), for whether a rewrite fits."""
    return {term.name: re.compile(term.pattern.to_regexp()) for term in get_parser().terminals}


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

    units = _duration_units(expected)  # (else `hours` or `day` is a keyword there: `hours business`)
    if units:
        add(words("diag.expected.unit", units=_units()))
    for name in expected:
        if units and pats.get(name) in UNIT_WORDS:
            continue
        if name in pats:
            add(f"`{pats[name]}`")
        elif name in TERMINAL_WORDS:
            shown = _text_example() if name == "STRING" else TERMINAL_EXAMPLES.get(name, "")
            add(words(f"diag.expected.{name}", **({"example": shown} if shown else {})))
        elif name == "LBRACE":
            add("`{`")
        else:
            add(Code(name.lower()))
    return [found[k] for k in sorted(found, key=lambda w: (not w.startswith("`"), w))]


def _state_expected(err: UnexpectedInput) -> set[str]:
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


def _is_top_level(expected: set[str]) -> bool:
    words = set(_expected_keywords(expected))
    return len(words & set(DECL_KEYWORDS)) >= 5


def _expected_keywords(expected: set[str]) -> list[str]:
    pats = _terminal_patterns()
    return [pats[n] for n in expected if n in pats and re.fullmatch(r"[a-z]+", pats[n])]


def _or_list(items: list[str | Code | Words], limit: int = 8) -> Listing | Words:
    """``a, b or c`` / ``a、b、c``; a longer list cut after ``limit`` items, and said so as part of the phrase
    (``diag.expected.cut``): ``a, b, c, among others`` / ``a、b、cなど``."""
    if len(items) > limit:
        return words("diag.expected.cut", items=listing(items[:limit], ", "))
    return listing(items)


def _stack(err: UnexpectedInput) -> list[Any]:
    """The values the parser had read when it stopped (tokens and trees), oldest first."""
    state = getattr(err, "state", None)
    return list(getattr(state, "value_stack", None) or [])


def _last_leaf(value: Any) -> Token | None:
    """The last token of a value of the parser's stack (a token, or the rightmost one of a tree)."""
    while isinstance(value, Tree):
        if not value.children:
            return None
        value = value.children[-1]
    return value if isinstance(value, Token) else None


def _span_of(text: str, start: int, end: int, line_offset: int) -> Span:
    """The span of ``text[start:end]`` (cut at the end of its first line), lines counted from ``line_offset``."""
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    eol = text.find("\n", start)
    end = max(start + 1, min(end, eol if eol >= 0 else len(text)))
    return Span(line=line + line_offset, column=column, end_line=line + line_offset, end_column=column + end - start)


def _token_span(tok: Token, line_offset: int) -> Span:
    line = (tok.line or 1) + line_offset
    column = tok.column or 1
    return Span(line=line, column=column, end_line=line, end_column=column + len(str(tok)))


def _duration_units(expected: set[str]) -> bool:
    """Whether the parser expects a duration's unit (every unit: not a keyword that is also one, as
    ``hours business`` or ``on day 15``)."""
    return set(UNITS) <= set(_expected_keywords(expected))


def _hinted(err: UnexpectedInput, text: str, pos: int, expected: set[str], line_offset: int) -> Diagnostic | None:
    """The parse error at ``pos`` with the hint of :func:`.input_hints.hint_for`, when it has one."""
    if pos >= len(text) or text[pos] == '"':
        return None
    stack = _stack(err)
    prev = _last_leaf(stack[-1]) if stack else None
    pats = _terminal_patterns()
    literals = {pats[n] for n in expected if n in pats}
    amount = str(prev) if prev is not None and prev.type == "INT" else None
    place = _place(stack)
    head = HEAD_FORMS.get(place.block or "", "").split()
    example = head[1] if not place.opened and len(head) > 1 and re.fullmatch(r"[A-Za-z_]\w*", head[1]) else "P3"

    def fits(word: str) -> bool:
        return any(rx.match(word) for name, rx in _terminal_regexps().items() if name in expected)

    hint = hint_for(text, pos, expected, literals, amount, fits, example)
    hint = hint or line_hint(
        text, pos, expected, place.block, place.opened, as_declared, lambda at, change: _rewritten(text, at, change)
    )
    if hint is None:
        return None
    span = _span_of(text, hint.start, hint.end, line_offset)
    code = hint.code or ("E010" if isinstance(err, UnexpectedCharacters) else "E011")
    if hint.message is not None:
        return diagnostic(code, hint.message, span, help=hint.help)
    return _unexpected(hint.word, expected, span, code=code, help_text=hint.help)


def _peer(err: UnexpectedInput, text: str, pos: int, expected: set[str], line_offset: int) -> Diagnostic | None:
    """The parse error at ``pos`` with the help of :func:`.peer_words.peer_hint`: another tool's way of
    writing it, located at its whole word (E016 between declarations)."""
    place = _place(_stack(err))
    hint = peer_hint(text, pos, place.block, place.opened)
    if hint is None:
        return None
    span = _span_of(text, hint.start, hint.end, line_offset)
    if place.block is None:
        return diagnostic("E016", words("diag.E016", word=hint.word(text)), span, help=hint.help)
    code = "E010" if isinstance(err, UnexpectedCharacters) else "E011"
    return _unexpected(hint.word(text), expected, span, code=code, help_text=hint.help)


def _in_backticks(value: str) -> str:
    """``value`` as it goes between the backticks a message puts around ``{word}``: one that holds a backtick
    is padded with one backtick fewer than the longest run of them it holds, so that the message quotes it as
    Markdown's code span does (`` ` ``), not as a run of three (``unexpected ```, ...``)."""
    if "`" not in value:
        return value
    ticks = "`" * max(map(len, re.findall("`+", value)))
    return f"{ticks} {value} {ticks}"


def _printable(value: str) -> str:
    return "".join(
        ch if ch.isprintable() else f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" for ch in value
    )


def _unexpected(
    value: str,
    expected: set[str],
    span: Span,
    code: str = "E011",
    help_text: Words | None = None,
    fallback: Words | None = None,
    block: str | None = None,
) -> Diagnostic:
    """ "unexpected ``value``, expected ..." with the help it calls for (``help_text``: that help; else
    a guess at what was meant, else ``fallback``: what is being written looks like, :func:`form_help`).
    ``block``: the keyword of the declaration being read, if known (a statement of its own is not said to
    belong in another block)."""
    if help_text is not None:
        return diagnostic(code, _unexpected_words(value, expected, code), span, help=help_text)
    return _unexpected_guess(value, expected, span, code, fallback, block)


def _unexpected_words(value: str, expected: set[str], code: str) -> Words:
    want = expected_words(expected)
    value = _printable(value)
    shown = _in_backticks(value if len(value) <= 40 else value[:37] + "...")
    key = f"diag.{code}" if value else f"diag.{code}.input"
    if want:
        return words(f"{key}.expected" if value else f"{key}_expected", word=shown, expected=_or_list(want))
    return words(key, word=shown) if value else words(key)


def _unexpected_guess(
    value: str,
    expected: set[str],
    span: Span,
    code: str = "E011",
    fallback: Words | None = None,
    block: str | None = None,
) -> Diagnostic:
    message = _unexpected_words(value, expected, code)
    value = _printable(value)
    help_text: Words | None = None
    keywords = _expected_keywords(expected)
    if _duration_units(expected) and not (set(keywords) - UNIT_WORDS):
        near = suggest(value, sorted(UNIT_WORDS))
        help_text = (
            words("diag.help.units_near", near=near, units=_units())
            if near
            else words("diag.help.units", units=_units())
        )
    elif keywords and re.fullmatch(r"[A-Za-z_]+", value) and value not in STATEMENT_HOME:
        help_text = did_you_mean_words(value, keywords)  # (a statement's keyword is no misspelling)
    homes = STATEMENT_HOME.get(value, "").split("` or `")
    if (
        help_text is None
        and value in STATEMENT_HOME
        and value not in keywords
        and _block_name(block or "") not in homes
    ):
        blocks = listing(f"`{b}`" for b in homes)
        help_text = words("diag.help.belongs_in", word=value, block=blocks)
    if help_text is None and value in UNIT_WORDS and "NAME" in expected:
        help_text = words("diag.help.unit_here", word=value, example="4 business hours")
    return diagnostic(code, message, span, help=help_text or fallback)


# -- what a syntax error's help shows: the form of what is being written --------------------------------------

#: The statements of each block (by its declaration's keyword), by their first word, each with the lines
#: it is written as (from the language reference; a test parses every one in its block). A syntax error
#: inside a statement shows its forms; one where a statement begins, the first form of the first two.
STATEMENT_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "sla": {
        "version": ('version "2026.1"',),
        "effective": ("effective 2026-04-01",),
        "format": ("format 1",),
        "timezone": ("timezone Asia/Tokyo",),
        "provider": ('provider "MIC株式会社" / "MIC Co., Ltd."',),
        "title": ('title "Click So-ko における SLA" / "Click So-ko SLA"',),
        "source": ('source "clicksoko-sla-ja.txt"',),
        "languages": ("languages ja, en",),
        "credit": ("credit total at most 30% monthly",),
    },
    "article": {"text": ('text "本文" / "Text"',)},
    "calendar": {
        "days": ("days mon..fri", "days mon, wed..fri"),
        "hours": ("hours 10:00-12:00, 13:00-18:00", "hours sat 10:00-13:00", "hours 2026-12-28 10:00-12:00"),
        "holidays": ("holidays JP", "holidays US-NY, JP"),
        "holiday": (
            'holiday 2026-11-26 "感謝祭" / "Thanksgiving"',
            'holiday yearly 05-01 "創立記念日" / "Founding day"',
            'holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"',
            'holiday yearly last mon of may "戦没者追悼記念日" / "Memorial Day"',
        ),
        "closed": ("closed 2026-08-13..2026-08-15, 2026-05-01", "closed yearly 12-29..01-03"),
        "open": ("open 2026-12-26",),
        "timezone": ("timezone Europe/London",),
    },
    "service": {
        "hours": ("hours business", "hours always except maintenance, planned stops"),
        "availability": (
            "availability measured",
            "availability target 99.5% monthly",
            "availability target 99.9% when plan = premium",
        ),
        "credit": ("credit below 99.5% 10%, below 99.0% 25%",),
    },
    "planned": {
        "notice": ("notice 1 week before start date by email",),
        "emergency": ("emergency without notice, counts as downtime", "emergency without notice, excused"),
    },
    "maintenance": {
        "every": (
            "every month on 4th thu, 22:00-24:00",
            "every month on last day, 23:00-24:00",
            "every week on sun, 03:00-04:00",
            "every 3 months from 2026-03 on last day, 22:00-02:00",
        ),
        "if": ("if not a business day: next business day", "if not a business day: skip"),
        "calendar": ("calendar business",),
        "notice": ("notice none",),
        "counts": ("counts as downtime",),
    },
    "clock": {
        "starts": ("starts at incident.reported", "starts at incident.product_suspected, else incident.reported"),
        "stops": ("stops at incident.resolved", "stops at incident.info_provided, incident.resolved"),
        "pauses": (
            "pauses at incident.info_provided until incident.customer_replied",
            "pauses at incident.info_provided until incident.customer_replied, incident.responded",
        ),
        "not": ("not due at incident.info_provided until incident.reopened",),
        "resets": ("resets at incident.reprioritized",),
        "restarts": ("restarts at incident.customer_replied",),
        "cancels": ("cancels at incident.withdrawn",),
        "at": ("at risk at 75% of target", "at risk at 50%, 75% of target"),
    },
    "priority": {
        "respond": (
            "respond within 4 business hours",
            "respond by end of 1st business day",
            "respond within 2 hours on chat",
        ),
        "complete": (
            "complete on incident.resolved",
            "complete on incident.resolved, or 10 business days after incident.info_provided "
            "without incident.customer_replied",
        ),
        "resolve": (
            "resolve within 3 business days on resolution",
            "resolve by end of 2nd business day on resolution",
        ),
        "first": ("first reply within 2 business hours on reply", "first reply by 12:00 of 1st business day on reply"),
        "update": ("update every 4 business hours on resolution by incident.responded",),
        "same": ("same day if received 4 hours before close of business",),
        "definition": ('definition "サービスが完全に停止" / "The service has stopped completely"',),
        "guideline": ('guideline "回避策を受取る" / "The end user receives a workaround"',),
        "credit": ("credit 5% per breach, at most 25% monthly",),
    },
    "notify": {
        "within": ("within 3 business hours after outage.recognized",),
        "met": ("met by outage.notified",),
        "only": ("only if outage.recognized during business hours",),
    },
    "backup": {
        "every": ("every 1 day", "every 12 hours"),
        "keep": ("keep 7 days", "keep 1 month"),
        "method": ('method "ダンプによるフルデータバックアップ" / "Full data backup by dump"',),
        "continuous": ("continuous",),
        "in": ("in another zone",),
    },
    "item": {
        "description": ('description "障害状況の一報を通知するまでの時間" / "Time until the first report is sent"',),
        "rules": ("rules notify recovery", "rules planned stop, maintenance regular, calendar business"),
        "value": ('value "3 営業時間以内" / "Within 3 business hours"',),
    },
    "attribute": {
        "value": ('value premium "プレミアム" / "Premium"',),
        "default": ("default standard",),
        "values": ("values standard, premium",),
        "changes": ("changes at incident.plan_changed",),
    },
}

#: A target with an out-of-hours addition (Request Tracker's ``OutOfHours``), by the target's first word: the
#: form a syntax error inside the addition shows.
OUT_OF_HOURS_FORMS: dict[str, str] = {
    "respond": "respond within 2 hours on reply, plus 24 hours if received outside business hours",
    "resolve": "resolve within 2 hours on resolution, plus 24 hours if received outside business hours",
    "first": "first reply within 2 hours on reply, plus 24 hours if received outside business hours",
}

#: Statements several blocks hold, and the blocks that hold them.
SHARED_FORMS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    "note": (
        ('note "夜間、週末、休日を含まない。" / "Nights, weekends and holidays are not counted."',),
        frozenset(STATEMENT_FORMS) - {"sla", "article", "item"},
    ),
    "when": (
        ("when plan = premium and channel = en", "when plan in (standard, premium)"),
        frozenset({"priority", "notify"}),
    ),
}

#: How each declaration begins (a test parses each).
HEAD_FORMS: dict[str, str] = {
    "sla": 'sla "Click So-ko" {',
    "article": 'article 3 "サービスレベル" / "Service levels"',
    "calendar": 'calendar business "当社営業時間" / "Company business hours" [art 2.1.2] {',
    "service": 'service support "保守支援" / "Maintenance support" [art 2.1.2] {',
    "planned": 'planned stop "計画停止" / "Planned stops" [art 2.2] {',
    "maintenance": 'maintenance regular "定期メンテナンス停止" / "Regular maintenance stop" [art 2.3] {',
    "clock": 'clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {',
    "priority": 'priority P1 "優先度１" / "Priority 1" [art 3.2] {',
    "notify": 'notify recovery "復旧情報通知時間" / "Recovery-information notice time" [art 3.1.4] {',
    "backup": 'backup database "データベースバックアップ" / "Database backup" [art 3.1.7] {',
    "exclude": 'exclude force_majeure "天災地変その他の不可抗力" / "Force majeure" [art 4]',
    "item": 'item 4 "復旧情報通知時間" / "Recovery-information notice time" [art 3.1.4] {',
    "attribute": 'attribute plan "契約プラン" / "Plan" {',
    "event": 'event incident.chat_started "チャット開始" / "Chat started" [art 5]',
}

#: The separator of the items of each list statement (`stops at A, B`), for a list written with `or`.
_LIST_SEPARATORS: dict[tuple[str, str], str] = {
    **{("clock", kw): ", " for kw in ("stops", "resets", "restarts", "cancels", "pauses", "not", "at")},
    ("clock", "starts"): ", else ",
    ("priority", "complete"): ", or on ",
    ("priority", "update"): ", ",
    **{("calendar", kw): ", " for kw in ("days", "hours", "holidays", "closed", "open")},
    ("maintenance", "every"): ", ",
    ("planned", "notice"): ", ",
    ("item", "rules"): ", ",
    ("attribute", "values"): ", ",
    ("sla", "languages"): ", ",
    ("service", "hours"): ", ",
}


class _Place(NamedTuple):
    """Where the parser stopped: the declaration being read and what of it is written so far."""

    #: the keyword of the declaration being read (``planned`` for ``planned stop``); ``None`` between them
    block: str | None
    #: whether its ``{`` is read (a statement is being written), else its head is
    opened: bool
    #: the values of the statement being written (its head, before ``{``), oldest first; ``[]`` where one begins
    part: list[Any]


def _place(stack: list[Any]) -> _Place:
    """The place of a parse error, from the parser's stack: the declarations read whole are trees on it,
    so the first token is the keyword of the one being read; after its ``{``, the statements read whole
    are trees too, and the tokens after them are the statement being written."""
    at = next((i for i, v in enumerate(stack) if isinstance(v, Token)), None)
    block = _terminal_patterns().get(stack[at].type) if at is not None else None
    if at is None or block not in DECL_KEYWORDS:
        return _Place(None, False, [])
    rest = stack[at + 1 :]
    brace = next((i for i, v in enumerate(rest) if isinstance(v, Token) and v.type == "LBRACE"), None)
    if any(isinstance(v, Token) and v.type == "RBRACE" for v in rest):  # read whole, not reduced yet
        return _Place(None, False, [])
    if brace is None:
        return _Place(block, False, rest)
    part = rest[brace + 1 :]
    while part and isinstance(part[0], Tree) and str(part[0].data).startswith("__"):  # (statements read)
        part = part[1:]
    return _Place(block, True, part)


def _place_of(err: UnexpectedInput) -> str | None:
    """The keyword of the declaration the parser was reading when it stopped (``None``: between them)."""
    return _place(_stack(err)).block


def _block_name(block: str) -> str:
    return "planned stop" if block == "planned" else block


#: The inlined rules of a keyword and its plural (``hours`` or ``hour``): on the parser's stack, a tree
#: without children (so is a maintenance's ``every month``, a ``month_step`` without ``3 ... from``).
_WORD_RULES = {"_hour": "hours", "_day": "days", "_week": "weeks", "_month": "months", "month_step": "months"}


def _word_of(value: Any) -> str:
    """The keyword a value of the parser's stack is (``""`` for any other value)."""
    if isinstance(value, Tree):
        return "" if value.children else _WORD_RULES.get(str(value.data), "")
    word = _terminal_patterns().get(value.type, "") if isinstance(value, Token) else ""
    return word if re.fullmatch(r"[a-z]+", word) else ""


def _leading_words(part: list[Any]) -> str:
    """The keywords a statement begins with, as written (``respond by``, ``closed yearly``); not the
    words of inlined rules, whose tokens are not kept (``hours`` or ``hour``)."""
    out = itertools.takewhile(bool, (_word_of(v) if isinstance(v, Token) else "" for v in part))
    return " ".join(out)


def _last_of(part: list[Any]) -> Token | None:
    """The last token of the values ``part`` (``None`` if they hold none)."""
    return next((t for t in map(_last_leaf, reversed(part)) if t is not None), None)


def statement_forms(block: str, word: str) -> tuple[str, ...]:
    """The forms of the statement of ``block`` that begins with ``word`` (``()`` for none)."""
    own = STATEMENT_FORMS.get(block, {}).get(word)
    if own:
        return own
    shared, blocks = SHARED_FORMS.get(word, ((), frozenset()))
    return shared if block in blocks else ()


def _block_forms(block: str) -> Words:
    """A help that shows the lines a block holds (where a statement begins)."""
    firsts = [forms[0] for forms in list(STATEMENT_FORMS[block].values())[:2]]
    return words(
        "diag.help.block_forms", block=_block_name(block), forms=listing(f"`{as_declared(f)}`" for f in firsts)
    )


def form_help(stack: list[Any], expected: set[str], token: Token | None = None) -> Words:
    """What the declaration or statement being written looks like, where the parser stopped in it: a
    generic help, true wherever the parser stops (the forms of the statement begun, else of the block's
    statements, else the head of the declaration, else the declarations there are).

    ``token``: the token the parser stopped at, on a line after a statement that may end there (a new
    statement begins there: the block's forms are shown, not those of the line above)."""
    place = _place(stack)
    if place.block is None:
        return words("diag.E016.help", keywords=_or_list([f"`{k}`" for k in DECL_KEYWORDS], 20))
    if not place.opened:
        kinds = [v.type for v in place.part if isinstance(v, Token)]
        if "LSQB" in kinds and "RSQB" not in kinds:
            return words("diag.help.ref_form", form="[art 3.1.4]")
        return words("diag.help.head_form", keyword=_block_name(place.block), form=as_declared(HEAD_FORMS[place.block]))
    first = _word_of(place.part[0]) if place.part else ""
    forms = statement_forms(place.block, first) if first else ()
    if place.block == "priority" and first in OUT_OF_HOURS_FORMS and any(_word_of(v) == "plus" for v in place.part):
        forms = (OUT_OF_HOURS_FORMS[first],)  # (inside the out-of-hours addition)
    last = _last_of(place.part)
    if token is not None and last is not None and (token.line or 0) > (last.line or 0) and "RBRACE" in expected:
        forms = ()  # (the statement above is whole: another begins here)
    if not forms:
        return _block_forms(place.block)
    begun = _leading_words(place.part)
    run = [(_word_of(v), isinstance(v, Tree)) for v in itertools.takewhile(_word_of, place.part)]
    keywords = {w for w in _terminal_patterns().values() if re.fullmatch(r"[a-z]+", w)}
    picked = written_forms(forms, run, len(place.part) > len(run), keywords)
    name = "if not a business day" if first == "if" else begun or first
    return words("diag.help.statement_form", statement=name, forms=listing(f"`{as_declared(f)}`" for f in picked))


def _line_rest(text: str, start: int) -> str:
    """``text`` from ``start`` to the end of its line, without a comment and the blanks at its end."""
    eol = text.find("\n", start)
    line = text[start : eol if eol >= 0 else len(text)]
    hit = _SCAN.search(line)  # (a `#` inside a text is no comment)
    while hit is not None and not hit.group().startswith("#"):
        hit = _SCAN.search(line, hit.end())
    return (line[: hit.start()] if hit is not None else line).rstrip()


def _statement_text(text: str, part: list[Any]) -> str:
    """The statement being written as it stands in ``text``, from its first word to its last value read."""
    first = part[0]
    last = _last_leaf(part[-1])
    if not isinstance(first, Token) or first.start_pos is None or last is None or last.end_pos is None:
        return ""
    return " ".join(text[first.start_pos : last.end_pos].split())


def _author_hint(err: UnexpectedToken, text: str, expected: set[str], line_offset: int) -> Diagnostic | None:
    """What an author who knows another tool's way meant, where the language says it otherwise or not at
    all: a list joined with ``or`` (``until B or C`` too), a named target without its
    clock, a condition of ``or``, a policy's name given in two languages, a cap on a service's ``credit``
    line. ``None`` for any other error."""
    place = _place(_stack(err))
    tok = err.token
    value = str(tok)
    if place.block is None or tok.start_pos is None:
        return None
    span = _token_span(tok, line_offset)
    if place.block == "sla" and not place.opened and value == "/" and len(place.part) == 1:
        return _policy_name(place.part[0], text, tok.end_pos or tok.start_pos, span, expected)
    before = place.part[-1] if place.part else None
    if tok.type == "STRING" and "SLASH" in expected and before is not None:
        # `"営業時間" "Business hours"`: a pair without its `/`
        first = _last_leaf(before)
        if first is not None and first.type == "STRING" and first.line == tok.line:
            return _unexpected(value, expected, span, help_text=words("diag.help.pair", fix=f"{first} / {tok}"))
    word = _word_of(place.part[0]) if place.opened and place.part else ""
    last = _last_of(place.part)
    if not word or last is None:
        return None
    if place.block == "priority" and word in TARGET_CLOCKS and expected == {"ON"}:
        rest = _line_rest(text, tok.start_pos) if last.line == tok.line else ""
        if not re.search(r"(^|\s)on\s", rest):  # (one that names it further on has another mistake)
            return _target_without_clock(place.part, tok, text, line_offset)
    if place.block == "priority" and word == "update" and value in (",", "plus"):
        tail = _update_tail(place.part, tok, text, line_offset)
        if tail is not None:
            return tail
    if place.block == "service" and word == "credit" and value == "at":
        cap = _credit_cap(place.part, tok, text, line_offset)
        if cap is not None:
            return cap
    if last.line != tok.line or value not in (",", "or"):  # (else the `or` continues no list of this line)
        return None
    if value == "," and place.block == "priority" and _day_based(place.part):
        if re.match(r",\s*plus\b", text[tok.start_pos :]):  # (an out-of-hours tail on a day-based target)
            first = place.part[0]  # (the line as written, without its tail)
            at = first.start_pos if isinstance(first, Token) and first.start_pos is not None else tok.start_pos
            form = " ".join(text[at : tok.start_pos].split()) or "resolve by end of 2nd business day on resolution"
            return _unexpected(value, expected, span, help_text=words("diag.help.day_no_tail", form=form))
    kinds = [v.type for v in place.part if isinstance(v, Token)]
    if value == "or" and "WHEN" in kinds and kinds[-3:] == ["NAME", "EQUAL", "NAME"]:
        return _unexpected(value, expected, span, help_text=_when_or(place, text))
    if value == "or" and "COMMA" in expected and (place.block, word) in _LIST_SEPARATORS:
        first = place.part[0]
        # (`hours` is a tree without its token: the line of `or` is rewritten)
        at = first.start_pos if isinstance(first, Token) and first.start_pos is not None else None
        at = at if at is not None else text.rfind("\n", 0, tok.start_pos) + 1
        sep = _LIST_SEPARATORS[(place.block, word)]
        fixed = _rewritten(text, at, lambda line: _joined(line, word, sep))
        if fixed is not None:
            return _unexpected(value, expected, span, help_text=words("diag.help.list_or", sep=sep.strip(), fix=fixed))
    return None


#: An out-of-hours addition at the end of a line: `, plus 24 hours if received outside business hours`.
_TAIL = re.compile(r",[ \t]*plus\b.*")


def _update_tail(part: list[Any], tok: Token, text: str, line_offset: int) -> Diagnostic | None:
    """E011 at ``plus`` of an ``update every`` line with an out-of-hours addition (``..., plus 24 hours if
    received outside business hours``, which only ``respond``, ``resolve`` and ``first reply`` take): the
    line to write without it (with ``by`` and an event, where it has none yet). ``None`` for another error."""
    at = tok.start_pos or 0
    if str(tok) == ",":
        hit = re.match(r",[ \t]*(plus)\b", text[at:])
        comma, plus = at, at + hit.start(1) if hit else -1
    else:
        comma = len(text[:at].rstrip(" \t")) - 1
        plus = at if comma >= 0 and text[comma] == "," else -1
    first = part[0]
    if plus < 0 or not isinstance(first, Token) or first.start_pos is None:
        return None
    form = " ".join(text[first.start_pos : comma].split())
    form = form if " by " in form else f"{form} by incident.responded"
    return diagnostic(
        "E011",
        words("diag.E011.update_tail"),
        _span_of(text, plus, plus + len("plus"), line_offset),
        help=words("diag.help.update_tail", form=form),
    )


#: A cap on a service's `credit` line, as a priority's credit per breach takes one: `at most 30% monthly`.
_CAP = re.compile(r"at[ \t]+most\b(?:[ \t]+[0-9]+(?:\.[0-9]+)?%)?(?:[ \t]+(?:monthly|quarterly|per[ \t]+period)\b)?")


def _credit_cap(part: list[Any], tok: Token, text: str, line_offset: int) -> Diagnostic | None:
    """E011 at ``at most 30% monthly`` on a service's ``credit`` line (the parser stopped at ``at``): a cap is
    a priority's credit per breach's (``credit 5% per breach, at most 20% monthly``), which adds up breaches;
    an availability credit owes one tier a period, already the most it can owe. The help gives the line
    without the cap (the form of a line of tiers where it has none: ``credit at most 50% monthly``, or cannot
    be rewritten so). ``None`` for another ``at``."""
    at = tok.start_pos or 0
    cap = _CAP.match(text, at)
    first = part[0]
    if cap is None or not isinstance(first, Token) or first.start_pos is None:
        return None
    fixed = None
    if first.line == tok.line:
        begin, end = at - first.start_pos, cap.end() - first.start_pos

        def change(line: str) -> str:
            return line[:begin].rstrip(" \t").removesuffix(",").rstrip(" \t") + line[end:]

        fixed = _rewritten(text, first.start_pos, change)
    if fixed is not None and "below" in fixed.split():
        help_text = words("diag.help.credit_cap", fix=fixed)
    else:  # (`credit at most 50% monthly`: a line of no tier, or one not rewritten so)
        help_text = words("diag.help.credit_cap.tiers", form=STATEMENT_FORMS["service"]["credit"][0])
    return diagnostic("E011", words("diag.E011.credit_cap"), _span_of(text, at, cap.end(), line_offset), help=help_text)


def _day_based(part: list[Any]) -> bool:
    """Whether the statement being written is a day-based target (``resolve by end of 2nd business day on
    resolution``, ``respond by 16:00 of 1st business day``): ``by`` followed by the day it is due."""
    kinds = [v.type if isinstance(v, Token) else str(v.data) if isinstance(v, Tree) else "" for v in part]
    return any(a == "BY" and b in ("_day_due", "END", "TIME") for a, b in itertools.pairwise(kinds))


def _joined(line: str, word: str, sep: str) -> str:
    """``line`` with its items joined by ``sep`` instead of ``or`` (``complete``: each alternative is ``on
    EVENT`` or a silence rule)."""
    if word != "complete":
        return re.sub(r"\s+or\s+", sep, line)
    return re.sub(
        r"\s+or\s+(on\s+)?(?=([a-z_][a-z0-9_]*\.)?)",
        lambda hit: ", or on " if hit.group(1) or hit.group(2) else ", or ",
        line,
    )


def _rewritten(text: str, start: int, change: Callable[[str], str]) -> str | None:
    """The line of ``text`` from ``start`` as ``change`` rewrites it, when that is a sure rewrite: the
    text with it parses past it (an error further on is another one). ``None`` otherwise."""
    line = _line_rest(text, start)
    new = change(line)
    if new == line:
        return None
    try:
        parse_tree(text[:start] + new + text[start + len(line) :])
    except UnexpectedInput as err:
        token = getattr(err, "token", None)
        at = token.start_pos if isinstance(token, Token) else getattr(err, "pos_in_stream", None)
        if at is None or at <= start + len(new):
            return None
    except lark.exceptions.LarkError:
        return None
    return " ".join(new.split())


def _policy_name(name: Any, text: str, after: int, span: Span, expected: set[str]) -> Diagnostic:
    """``sla "日本語" / "English" {``: the policy's name is one text; its title in each language is a
    ``title`` line of the header."""
    first = str(name)
    second = re.match(r'\s*("(?:\\.|[^"\\\n])*")', text[after:])
    other = second.group(1) if second else '"English"'
    help_text = words("diag.help.policy_name", head=f"sla {first} {{", title=f"title {first} / {other}")
    return _unexpected("/", expected, span, help_text=help_text)


def _when_or(place: _Place, text: str) -> Words:
    """The help for ``when a = x or ...``: ``a in (x, y)`` for values of one attribute (when that parses),
    else that form and a rule per test."""
    when = next(v for v in place.part if isinstance(v, Token) and v.type == "WHEN")
    attribute, value = str(place.part[-3]), str(place.part[-1])
    same = re.compile(r"when\s+([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)((?:\s+or\s+\1\s*=\s*[A-Za-z_]\w*)+)\b")

    def change(line: str) -> str:
        hit = same.match(line)
        if hit is None:
            return line
        values = [hit.group(2), *re.findall(r"=\s*([A-Za-z_]\w*)", hit.group(3))]
        return f"when {hit.group(1)} in ({', '.join(values)})" + line[hit.end() :]

    fixed = _rewritten(text, when.start_pos or 0, change)
    if fixed is not None:
        hit = re.match(r"when [^)]*\)", fixed)
        return words("diag.help.when_in", fix=hit.group() if hit else fixed)
    key = "diag.help.when_or.notify" if place.block == "notify" else "diag.help.when_or"
    return words(key, example=f"{attribute} in ({value}, …)")


def _target_without_clock(part: list[Any], tok: Token, text: str, line_offset: int) -> Diagnostic:
    """E011 at a named target written without ``on CLOCK`` (``resolve within 2 business days``): it is
    measured on a named clock with ``stops at``; the line to write, and the clock to declare."""
    word = str(part[0])
    kind = "first reply" if word == "first" else "update every" if word == "update" else word
    clock, declared = TARGET_CLOCKS[word]
    written = _statement_text(text, part)
    last = _last_leaf(part[-1])
    same_line = last is not None and tok.line == last.line
    if same_line and tok.type == "NAME":  # `resolve within 2 business days resolution`: the clock, without `on`
        fix = f"{written} on {tok}"
    elif same_line and str(tok) == "by":  # `update every 4 hours by incident.responded` (an addition dropped)
        fix = f"{written} on {clock} {_TAIL.split(_line_rest(text, tok.start_pos or 0))[0]}"
    else:
        fix = f"{written} on {clock}"
    first = part[0]
    start = first.start_pos or 0
    end = last.end_pos if last is not None and last.end_pos is not None else start + len(word)
    return diagnostic(
        "E011",
        words("diag.E011.no_clock", kind=kind),
        _span_of(text, start, end, line_offset),
        help=words("diag.help.target_clock", fix=fix, clock=declared),
    )
