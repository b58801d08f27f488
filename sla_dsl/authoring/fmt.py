"""``sla fmt``: one canonical layout for policy files, comments kept in place.

Design notes
------------
* The formatter only changes whitespace. It parses the text with a second Lark
  parser built from the same grammar whose lexer callbacks record every token
  (keywords and punctuation included) and every comment. The parse tree says
  where declarations and statements begin and end; the recorded tokens give
  their exact text, which is printed unchanged. As a safety net the result is
  parsed again and must give the same token sequence and the same model by
  meaning, or :class:`FormatError` is raised and nothing is written. Its message
  is worded from the catalogue (``author.fmt.*``) in the language
  :func:`format_text` is given (the command's; English by default).
* Layout: declarations at column 1 with a blank line between them (consecutive
  one-line declarations of the same kind, such as ``exclude``, keep the
  spacing they had), one statement per line indented by 2, ``}`` on its own
  line. Prose texts (``text``, ``note``, ``definition``, ``guideline``) put the
  English on a continuation line that starts with ``/`` aligned under the
  Japanese; other text pairs do so only when the line would pass 120 columns.
  ``complete`` starts each ``, or`` alternative on a continuation line; other
  long comma lists wrap after a comma. Widths count East Asian wide characters
  as two columns, as a terminal shows them. Laying out takes time linear in
  the text (a binary search per wrapped line or per blank-line question, never
  a rescan of the rest of a list or of every comment).
* Comments: a comment after code stays at the end of the line that holds the
  token before it; trailing comments of one block are aligned at column 48
  (or further right when the code is longer). A comment on its own line stays
  before the line that holds the next token (or before ``}``, or at the end of
  the file). One blank line is kept where the source had one or more between
  statements or comments, never right after ``{`` or before ``}``. A comment's
  text is kept exactly but for the ASCII blanks after it (a U+3000 ideographic
  space at its end stays). A comment after the word before a text pair's text
  puts the text on a line of its own, one level deeper, with the ``/`` under it. A block's ``{`` stays on
  its heading's line even when comments stand between them: one after the heading's last word stays at
  the end of that line, the others go first in the body, in their order.
* Line ends and the byte-order mark: :func:`format_text` takes and gives the
  normalised text (LF, no BOM, as :mod:`sla_dsl.lang.source` reads it), and a
  file is formatted when that text is. ``sla fmt`` (files and ``-``) and the
  language server write the result in the file's :class:`LineStyle`: the line
  end of its first line (CRLF stays CRLF) and its BOM, so a file formatted by
  one is formatted for the others.
* What is formatted: a text that parses, whatever else ``sla check`` finds in
  it (an undeclared calendar, ``E207``, is check's to say). ``sla fmt`` and the
  language server both leave alone only a text with a syntax error
  (:func:`syntax_errors`, ``E010``-``E016``), and say those.
* Times and dates in their canonical form: the parser accepts ``9:00`` and ``2026-4-1``, the formatter
  writes ``09:00`` and ``2026-04-01`` (every number of a time, date, month-day and year-month in two
  digits at least, :func:`_canonical`). The only change beside whitespace; the check of the result
  compares the tokens in that form, and the meaning as always.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from lark import Lark, Token, Tree
from lark.exceptions import LarkError

from ..errors import SlaError
from ..i18n import message
from ..i18n.width import display_width

if TYPE_CHECKING:
    from ..lang.diagnostics import Diagnostic

#: Lines longer than this (in display columns) are wrapped where the layout allows.
WIDTH = 120
#: 1-based column where trailing comments start when the code leaves room.
COMMENT_COLUMN = 48
INDENT = "  "
#: Statements whose text pair always wraps (prose, usually long).
PROSE = frozenset({"a_text", "note", "q_definition", "q_guideline"})


class FormatError(SlaError):
    """The formatter could not lay out a text without changing it (a bug, never silent)."""

    def __init__(self, key: str, lang: str = "en", **fields: object) -> None:
        super().__init__(message(key, lang, **fields))
        if lang == "ja":  # sla's main writes its `error` word in Japanese too
            self.lang = lang


@dataclass(frozen=True)
class LineStyle:
    """How a policy file writes what the parser reads: its line end and whether it starts with a byte-order
    mark. :func:`format_text` works on the normalised text (LF, no BOM); ``sla fmt`` and the language
    server write its result back in the style of the text it came from (:meth:`of`, :meth:`apply`)."""

    newline: str = "\n"
    bom: bool = False

    @classmethod
    def of(cls, raw: str | bytes) -> LineStyle:
        """The style of a text as it was read (bytes or ``str``): its first line end (CRLF, a lone CR or
        LF; LF when it has none) and its byte-order mark."""
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
        bom = text.startswith("\ufeff")
        cr, lf = text.find("\r"), text.find("\n")
        if cr < 0 or 0 <= lf < cr:
            newline = "\n"
        else:
            newline = "\r\n" if lf == cr + 1 else "\r"
        return cls(newline=newline, bom=bom)

    def apply(self, text: str) -> str:
        """``text`` (normalised: LF, no BOM) written in this style."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return "\ufeff" + text if self.bom else text


# ---- lexing with every token recorded ------------------------------------------------------


class _Comments:
    """Collects the comments the lexer skips (through Lark's ``lexer_callbacks``)."""

    def __init__(self) -> None:
        self.found: list[Token] = []
        self.lock = threading.Lock()

    def __call__(self, tok: Token) -> Token:
        self.found.append(tok)
        return tok


_COMMENTS = _Comments()


@cache
def _recording_parser() -> Lark:
    # keep_all_tokens leaves keywords and punctuation in the tree, so the tree
    # holds every token of the text; only comments need the lexer callback.
    from ..lang.parser import build_parser

    return build_parser(keep_all_tokens=True, lexer_callbacks={"COMMENT": _COMMENTS})


def lex(text: str) -> tuple[Tree[Token], list[Token], list[Token]]:
    """Parse ``text`` and return the tree, every token and every comment (Lark errors pass through)."""
    parser = _recording_parser()
    with _COMMENTS.lock:
        _COMMENTS.found = []
        try:
            tree = parser.parse(text)
        finally:
            comments, _COMMENTS.found = _COMMENTS.found, []
    tokens = sorted(tree.scan_values(lambda v: isinstance(v, Token)), key=lambda t: t.start_pos or 0)
    return tree, [_canonical(t) for t in tokens], comments


#: Tokens written with their numbers in two digits at least: ``09:00``, ``2026-04-01``, ``12-01``, ``2026-03``.
_PADDED = frozenset({"TIME", "DATE", "MONTHDAY", "YEARMONTH"})


def _canonical(tok: Token) -> Token:
    """``tok`` as the formatter writes it: ``09:00`` for ``9:00``, ``2026-04-01`` for ``2026-4-1``."""
    if tok.type not in _PADDED:
        return tok
    value = str(tok)
    padded = "".join(part.zfill(2) if part.isdigit() else part for part in re.split(r"([-:])", value))
    return tok if padded == value else tok.update(value=padded)


def _comment_text(comment: Token) -> str:
    """A comment as the layout writes it: without the spaces, tabs and line ends after it, but kept
    exactly otherwise (a U+3000 ideographic space at its end is part of it)."""
    return str(comment).rstrip(" \t\r\n")


# ---- layout ----------------------------------------------------------------------------------


@dataclass
class _Line:
    indent: int
    first: int  # index of the first token
    last: int  # index of the last token (inclusive)
    text: str = ""
    group: int = -1  # lines of one group align their trailing comments
    #: one blank line before this line (or before its first leading comment)
    blank: bool = False
    #: statement-level line whose blank line follows the source (not forced)
    free: bool = False
    comment_indent: int = 0
    leading: list[tuple[str, bool]] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)


def _spaced(prev: str, tok: Token) -> bool:
    """Whether :func:`_join` puts a space between ``prev`` and ``tok``."""
    value = str(tok)
    return not (value in (",", "]", ":", "..", "-", ")") or prev in ("[", "..", "-", "(") or tok.type == "COMMA")


def _join(toks: list[Token]) -> str:
    out: list[str] = []
    prev: str | None = None
    for tok in toks:
        value = str(tok)
        if prev is not None and _spaced(prev, tok):
            out.append(" ")
        out.append(value)
        prev = value
    return "".join(out)


def _split_after_commas(toks: list[Token], start: int, indent: int) -> list[tuple[int, int, int]]:
    """Greedy wrap of toks[start:] after commas: (indent, first, last) pieces.

    A piece that does not fit in :data:`WIDTH` ends after its last comma that fits (after its first
    comma when none fits). Linear in the tokens (with a binary search per piece): the widths of runs
    of tokens are differences of running sums, since :func:`_join` puts its space before a token by
    that token and the one before it alone, and a width is the sum of its characters' widths."""
    n = len(toks)
    # ends[i]: the width of _join(toks[:i + 1]); a run toks[lo:hi + 1] is ends[hi] - ends[lo] + own[lo] wide
    own = [display_width(str(t)) for t in toks]
    ends: list[int] = []
    total = 0
    for i, tok in enumerate(toks):
        total += own[i] + (1 if i > 0 and _spaced(str(toks[i - 1]), tok) else 0)
        ends.append(total)
    commas = [k for k in range(start, n - 1) if toks[k].type == "COMMA"]
    comma_ends = [ends[k] for k in commas]  # (never decreasing)
    pieces: list[tuple[int, int, int]] = []
    lo = start
    cur_indent = indent
    while lo < n:
        hi = n - 1
        room = WIDTH - cur_indent + ends[lo] - own[lo]  # the most ends[k] may be for toks[lo:k + 1] to fit
        if ends[n - 1] > room:
            first = bisect.bisect_left(commas, lo)
            if first < len(commas):
                fits = bisect.bisect_right(comma_ends, room, lo=first) - 1
                hi = commas[max(fits, first)]
        pieces.append((cur_indent, lo, hi))
        lo = hi + 1
        cur_indent = indent + 2
    return pieces


def _statement_pieces(kind: str, toks: list[Token], indent: int) -> list[tuple[int, int, int]]:
    """How one statement is laid out: (indent, first, last) token ranges, relative to ``toks``."""
    slash = next((i for i, t in enumerate(toks) if t.type == "SLASH"), None)
    if slash is not None and slash > 0 and slash == len(toks) - 2:
        one = " " * indent + _join(toks)
        if kind in PROSE or display_width(one) > WIDTH:
            head = " " * indent + _join(toks[: slash - 1]) + " "
            return [(indent, 0, slash - 1), (display_width(head) - 2, slash, len(toks) - 1)]
        return [(indent, 0, len(toks) - 1)]
    if kind == "q_complete":
        cuts = [i for i in range(1, len(toks)) if toks[i].type == "OR" and toks[i - 1].type == "COMMA"]
        bounds = [0, *cuts, len(toks)]
        return [(indent if n == 0 else indent + 2, a, b - 1) for n, (a, b) in enumerate(itertools.pairwise(bounds))]
    return _split_after_commas(toks, 0, indent)


class _Layout:
    def __init__(
        self, text: str, tree: Tree[Token], toks: list[Token], comments: list[Token], lang: str = "en"
    ) -> None:
        self.text = text
        self.lang = lang  # of a FormatError
        self.toks = toks
        self.comments = comments
        self.starts = [t.start_pos or 0 for t in toks]
        self.comment_lines = [c.line or 1 for c in comments]
        self.lines: list[_Line] = []
        self.line_of: list[int] = [-1] * len(toks)
        self.group = 0
        self.tail: list[tuple[str, bool]] = []
        #: the ``{`` of each declaration's body: it stays on its heading's line, whatever comments stand before it
        self.braces: set[int] = set()
        #: tokens a comment follows on their line: a line of the layout ends there, so the comment stays
        #: after what it followed (a comment on each item of a wrapped list)
        self.commented = self._commented()
        self._build(tree)

    def _commented(self) -> set[int]:
        out: set[int] = set()
        for c in self.comments:
            prev = bisect.bisect_left(self.starts, c.start_pos or 0) - 1
            if prev >= 0 and self.toks[prev].end_line == c.line:
                out.add(prev)
        return out

    def _cut(
        self, pieces: list[tuple[int, int, int]], base: int, indent: int, kept: int = -1
    ) -> list[tuple[int, int, int]]:
        """``pieces`` (token ranges relative to ``base``) also cut after each token a comment follows: the
        rest goes on a continuation line (a ``/`` of a text pair under the text, as a wrapped pair). Not after
        the token ``kept`` (an index of :attr:`toks`): the last of a heading, whose ``{`` stays with it."""
        out: list[tuple[int, int, int]] = []
        for n, (p_indent, lo, hi) in enumerate(pieces):
            if n > 0 and out[-1] != pieces[n - 1] and self.toks[base + lo].type == "SLASH":
                p_indent = self._under_text(out, base)  # a comment moved the text before this `/`
            start = lo
            for k in range(lo, hi):
                if base + k not in self.commented or base + k == kept:
                    continue
                out.append((p_indent if start == lo else self._continued(out, base, indent), start, k))
                start = k + 1
            out.append((p_indent if start == lo else self._continued(out, base, indent), start, hi))
        return out

    def _continued(self, done: list[tuple[int, int, int]], base: int, indent: int) -> int:
        """The indent of a line that continues the piece ``done[-1]`` after a comment."""
        p_indent, _, hi = done[-1]
        nxt = base + hi + 1
        if nxt < len(self.toks) and self.toks[nxt].type == "SLASH":
            return self._under_text(done, base)
        return max(p_indent, indent + 2)

    def _under_text(self, done: list[tuple[int, int, int]], base: int) -> int:
        """The indent of a ``/`` that starts a line after ``done[-1]``, the line that ends with the text of
        its pair: the English under the text. A text alone on its line (a comment after the word before it)
        goes one level deeper, and the ``/`` takes its place."""
        p_indent, lo, hi = done[-1]
        if hi > lo:
            return display_width(" " * p_indent + _join(self.toks[base + lo : base + hi]) + " ") - 2
        done[-1] = (p_indent + 2, lo, hi)
        return p_indent

    # token index of a source position
    def _index(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def _add(self, indent: int, first: int, last: int, **kw: object) -> _Line:
        line = _Line(indent=indent, first=first, last=last, **kw)  # type: ignore[arg-type]
        line.text = " " * indent + _join(self.toks[first : last + 1])
        for i in range(first, last + 1):
            self.line_of[i] = len(self.lines)
        self.lines.append(line)
        return line

    def _build(self, tree: Tree[Token]) -> None:
        prev_kind: str | None = None
        prev_one_line = False
        for n, decl in enumerate(c for c in tree.children if isinstance(c, Tree)):
            a = self._index(decl.meta.start_pos)
            b = self._index(decl.meta.end_pos) - 1
            brace = next((i for i in range(a, b + 1) if self.toks[i].type == "LBRACE"), None)
            kind = str(decl.data)
            one_line = brace is None
            group_one = one_line and prev_one_line and kind == prev_kind
            self.group += 1
            head_last = b if brace is None else brace
            if brace is not None:
                self.braces.add(brace)
            # (a comment after the heading does not leave its `{` alone on a line: attach_comments)
            kept = -1 if brace is None else brace - 1
            for p, (indent, lo, hi) in enumerate(self._cut([(0, 0, head_last - a)], a, 0, kept)):
                if p == 0:
                    head = self._add(0, a + lo, a + hi, group=self.group, blank=n > 0, free=group_one)
                    head.comment_indent = 0
                else:
                    self._add(indent, a + lo, a + hi, group=self.group).comment_indent = indent
            prev_kind, prev_one_line = kind, one_line
            if brace is None:
                continue
            self.group += 1
            body = decl
            if kind == "article":
                body = next(c for c in decl.children if isinstance(c, Tree) and c.data == "article_body")
            stmts = [c for c in body.children if isinstance(c, Tree) and c.meta.start_pos > (self.starts[brace])]
            for k, st in enumerate(stmts):
                sa = self._index(st.meta.start_pos)
                sb = self._index(st.meta.end_pos) - 1
                pieces = self._cut(_statement_pieces(str(st.data), self.toks[sa : sb + 1], 2), sa, 2)
                for p, (indent, lo, hi) in enumerate(pieces):
                    line = self._add(indent, sa + lo, sa + hi, group=self.group, free=p == 0 and k > 0)
                    line.comment_indent = 2 if p == 0 else indent
            close = self._add(0, b, b, group=self.group + 1)
            close.comment_indent = 2
            self.group += 1
        if any(i < 0 for i in self.line_of):
            raise FormatError("author.fmt.lost_token", self.lang)

    def attach_comments(self) -> None:
        """Put each comment on or before the line it belongs to.

        A comment between a heading and its ``{`` (the brace on a line of its own) keeps the brace on the
        heading's line: one after the heading's last word stays at the end of that line; the others, on
        lines of their own or after the ``{`` when that line already ends with one, go first in the body,
        in their order (their place in the text after the heading)."""
        last_line_end = 0  # line number of the previous element (token or comment)
        tok_i = 0
        moved: set[int] = set()  # the `{` before which comments went into the body
        for c in self.comments:
            pos = c.start_pos or 0
            while tok_i < len(self.toks) and self.starts[tok_i] < pos:
                tok_i += 1
            prev = tok_i - 1
            text = _comment_text(c)
            c_line = c.line or 1
            if prev >= 0:
                last_line_end = max(last_line_end, self.toks[prev].end_line or 1)
            trails = prev >= 0 and self.toks[prev].end_line == c_line
            if trails and prev in self.braces and (prev in moved or self.lines[self.line_of[prev]].trailing):
                trails = False  # (after a `{` whose line ends with a comment already: first in the body)
            if trails:
                self.lines[self.line_of[prev]].trailing.append(text)
            else:
                blank = last_line_end > 0 and c_line - last_line_end >= 2
                if tok_i in self.braces:  # (between a heading and its `{`: first in the body)
                    moved.add(tok_i)
                    self.lines[self.line_of[tok_i + 1]].leading.append((text, blank))
                elif tok_i < len(self.toks):
                    self.lines[self.line_of[tok_i]].leading.append((text, blank))
                else:
                    self.tail.append((text, blank))
            last_line_end = c_line

    def render(self) -> str:
        """The formatted text."""
        widths: dict[int, int] = {}
        for line in self.lines:
            if line.trailing:
                widths[line.group] = max(widths.get(line.group, 0), display_width(line.text))
        out: list[str] = []
        prev_tok_line = 0
        for idx, line in enumerate(self.lines):
            tok = self.toks[line.first]
            is_close = tok.type == "RBRACE" and line.indent == 0
            after_open = idx > 0 and self.toks[self.lines[idx - 1].last].type == "LBRACE"
            first_in_file = idx == 0
            for ci, (text, blank) in enumerate(line.leading):
                if ci == 0:
                    if first_in_file or after_open:
                        blank = False
                    elif line.indent == 0 and not is_close and not line.free:
                        blank = True
                if blank:
                    out.append("")
                out.append(" " * line.comment_indent + text)
            # a blank line before the code itself
            src_blank = self._gap(prev_tok_line, line)
            if is_close:
                want = False
            elif line.leading:
                want = src_blank
            elif first_in_file or after_open:
                want = False
            elif line.indent == 0 and not line.free:
                want = line.blank
            else:
                want = src_blank and (line.free or line.indent == 0)
            if want and out and out[-1] != "":
                out.append("")
            code = line.text
            if line.trailing:
                column = max(COMMENT_COLUMN - 1, widths[line.group] + 2)
                code += " " * (column - display_width(code)) + " ".join(line.trailing)
            out.append(code)
            prev_tok_line = self.toks[line.last].end_line or 1
        for text, blank in self.tail:
            if blank:
                out.append("")
            out.append(text)
        while out and out[0] == "":
            out.pop(0)
        return "\n".join(out) + "\n"

    def _gap(self, prev_tok_line: int, line: _Line) -> bool:
        """Blank line in the source between the previous element and this line's first token."""
        tok_line = self.toks[line.first].line or 1
        # the last comment on a line before the token's (comments come in source order): a binary search
        before = bisect.bisect_left(self.comment_lines, tok_line) - 1
        last = max(prev_tok_line, self.comment_lines[before]) if before >= 0 else prev_tok_line
        return tok_line - last >= 2


#: The codes of a text that does not parse (``E010``-``E016``): the only errors that keep a policy from
#: being formatted.
SYNTAX_CODES = frozenset(f"E01{n}" for n in range(7))


def syntax_errors(errors: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The errors among ``errors`` (a compiled policy's) that say its text does not parse: ``sla fmt`` and the
    language server's formatting refuse a text with any, and format every other, whatever ``sla check`` finds
    in it."""
    return [d for d in errors if d.code in SYNTAX_CODES]


def format_text(text: str, lang: str = "en") -> str:
    """The canonical layout of a valid policy text (FormatError in ``lang`` if the text does not parse)."""
    from ..lang.source import decode_policy

    clean, refused = decode_policy(text)  # the one reader of policy text: line ends, BOM, NUL, size
    if clean is None:
        raise FormatError("author.fmt.refused", lang, reason=refused[0].text(lang))
    text = clean
    try:
        tree, toks, comments = lex(text)
    except LarkError as exc:
        raise FormatError("author.fmt.no_parse", lang, error=exc) from None
    layout = _Layout(text, tree, toks, comments, lang)
    layout.attach_comments()
    result = layout.render()
    _verify(text, result, toks, comments, lang)
    return result


def _verify(before: str, after: str, toks: list[Token], comments: list[Token], lang: str = "en") -> None:
    """The formatted text must hold the same tokens, the same comments and mean the same."""
    from ..lang.compile import compile_text
    from ..lang.model import meaning

    try:
        _, toks2, comments2 = lex(after)
    except LarkError as exc:
        raise FormatError("author.fmt.result_no_parse", lang, error=exc) from None
    if [str(t) for t in toks] != [str(t) for t in toks2]:
        raise FormatError("author.fmt.changed_tokens", lang)
    if [_comment_text(c) for c in comments] != [str(c) for c in comments2]:
        raise FormatError("author.fmt.lost_comment", lang)
    old, new = compile_text(before).model, compile_text(after).model
    if (old is None) != (new is None) or (old is not None and new is not None and meaning(old) != meaning(new)):
        raise FormatError("author.fmt.changed_meaning", lang)
