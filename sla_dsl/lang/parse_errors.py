"""A syntax error of Lark's as a located diagnostic: :func:`lark_error_to_diagnostic`.

Where the parser stopped is not always where the mistake is. First come the mistakes it meets later than
where they are (a text ended early, E014; a duration's amount without its unit, E015; ``outside hours``
without its calendar's name, E011 at ``hours``; a line that ends with a comma, E011 at the comma) and
input with an ASCII form or in another tool's words (:mod:`.input_hints`, :mod:`.peer_words`); then the
parser's own
"unexpected ..., expected ...": E011 at a token it cannot take, E010 at a character the lexer cannot read
(``$``, a full-width ``｛``).

Both list what the parser could take where it stopped: the terminals its state accepts, each tried
(``_state_expected`` in :mod:`.parser`). The contextual lexer's own set for that state (``allowed`` of
Lark's error) is the state's LALR lookaheads, merged across every place its rules are used: after a
declaration's head or a statement that may end, it holds declaration keywords and other blocks' words
too (``article``, ``at``, ``[``). And both get the help of what is being written there
(:func:`.parser.form_help`): a character at the start of a line after a statement that may end there
begins a new statement, so the help shows the block's lines, not the statement above.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

from lark import Token, Tree
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .diagnostics import Diagnostic, Words, diagnostic, listing, suggest, words
from .input_hints import (
    POLICY_CALENDARS,
    POLICY_RESTARTING_CLOCKS,
    business_calendar,
    calendar_after,
    policy_calendars,
    restarting_clocks,
    short_unit,
)
from .model import EVENT_TYPES, Span
from .parser import (
    _EXAMPLE_LANGUAGES,
    _TEXT_STATEMENT,
    DECL_KEYWORDS,
    _author_hint,
    _duration_units,
    _hinted,
    _is_top_level,
    _last_leaf,
    _leading_words,
    _line_rest,
    _or_list,
    _peer,
    _place,
    _place_of,
    _rewritten,
    _span_of,
    _stack,
    _state_expected,
    _terminal_patterns,
    _token_span,
    _unexpected,
    _units,
    _word_of,
    expected_words,
    form_help,
    parse_tree,
    text_statement,
)
from .peer_words import STATEMENT_HOME
from .values import event_labels

__all__ = ["declared_calendars", "lark_error_to_diagnostic"]


#: The calendars the whole policy declares (the text parsed may be one of its declarations), for a help that
#: names them (:func:`_outside_without_calendar`).
_CALENDARS: ContextVar[tuple[str, ...]] = ContextVar("_CALENDARS", default=())
_CALENDAR_HEAD = re.compile(r"^calendar[ \t]+([A-Za-z_]\w*)", re.M)


def declared_calendars(text: str) -> tuple[str, ...]:
    """The names of the calendars ``text`` declares (each ``calendar NAME`` at the start of a line), in order."""
    return tuple(dict.fromkeys(hit.group(1) for hit in _CALENDAR_HEAD.finditer(text)))


def lark_error_to_diagnostic(
    err: UnexpectedInput,
    text: str,
    line_offset: int = 0,
    languages: Sequence[str] = (),
    calendars: Sequence[str] = (),
    policy_text: str = "",
) -> Diagnostic:
    """Turn a Lark exception into a located diagnostic with a helpful message; ``languages``, those the
    policy declares (its examples are written in them: :func:`.parser.as_declared`); ``calendars``, the names
    of its calendars (:func:`declared_calendars` of the whole policy); ``policy_text``, the whole policy
    ``text`` is part of (its calendars' names and labels, :func:`.input_hints.policy_calendars`, and its
    clocks that restart, :func:`.input_hints.restarting_clocks`)."""
    said = _EXAMPLE_LANGUAGES.set(tuple(languages))
    named = _CALENDARS.set(tuple(calendars))
    labelled = POLICY_CALENDARS.set(policy_calendars(policy_text or text))
    restarting = POLICY_RESTARTING_CLOCKS.set(restarting_clocks(policy_text or text))
    statement = _TEXT_STATEMENT.set(text_statement(_stack(err)))
    try:
        return _to_diagnostic(err, text, line_offset)
    finally:
        _TEXT_STATEMENT.reset(statement)
        POLICY_RESTARTING_CLOCKS.reset(restarting)
        POLICY_CALENDARS.reset(labelled)
        _CALENDARS.reset(named)
        _EXAMPLE_LANGUAGES.reset(said)


def _to_diagnostic(err: UnexpectedInput, text: str, line_offset: int) -> Diagnostic:
    if isinstance(err, UnexpectedToken | UnexpectedCharacters):
        expected = _expected(err)
        found = _met_later(err, text, expected, line_offset)
        if found is not None:
            return found
        if isinstance(err, UnexpectedCharacters):
            return _unreadable(err, text, expected, line_offset)
        if err.token.type != "$END":
            return _unexpected_token(err, text, expected, line_offset)
    if isinstance(err, UnexpectedEOF | UnexpectedToken):
        return _ended(err, text, line_offset)
    line = (getattr(err, "line", 1) or 1) + line_offset
    col = getattr(err, "column", 1) or 1
    return diagnostic(
        "E010", words("diag.E010.unreadable"), Span(line=line, column=col), help=words("diag.help.reference")
    )


def _expected(err: UnexpectedToken | UnexpectedCharacters) -> set[str]:
    """The terminals the parser could take where it stopped (its state's, each tried); Lark's own set where
    they cannot be tried."""
    fallback = err.expected if isinstance(err, UnexpectedToken) else err.allowed
    return _state_expected(err) or set(fallback or set())


def _met_later(
    err: UnexpectedToken | UnexpectedCharacters, text: str, expected: set[str], line_offset: int
) -> Diagnostic | None:
    """The mistakes the parser meets later than where they are, or that have an ASCII form or another tool's
    words (``None`` for any other error)."""
    token = err.token if isinstance(err, UnexpectedToken) and err.token.type != "$END" else None
    pos = (err.token.start_pos if isinstance(err, UnexpectedToken) else err.pos_in_stream) or 0
    stack = _stack(err)
    unlabelled = _event_without_words(stack, expected, text, line_offset) or _outside_without_calendar(
        stack, expected, text, line_offset
    )
    if unlabelled is not None:
        return unlabelled
    if token is not None or isinstance(err, UnexpectedCharacters):
        found = (
            _trailing_comma(stack, text, pos, line_offset)
            or _quote_inside(stack, text, pos, line_offset)
            or _hinted(err, text, pos, expected, line_offset)
            or _peer(err, text, pos, expected, line_offset)
        )
        if found is not None:
            return found
    return _missing_unit(stack, expected, token, line_offset, text)


def _unexpected_token(err: UnexpectedToken, text: str, expected: set[str], line_offset: int) -> Diagnostic:
    """E011 at a token the parser cannot take (E016 between declarations)."""
    tok = err.token
    value = str(tok)
    line = (err.line or 1) + line_offset
    col = err.column or 1
    end_col = (tok.end_column or col + len(value)) if tok.end_line == tok.line else col + len(value)
    span = Span(line=line, column=col, end_line=line, end_column=end_col)
    if _is_top_level(expected) and re.fullmatch(r"[A-Za-z_]+", value):
        # (a statement's keyword is a statement outside its block: `notice` is no misspelt `notify`)
        near = suggest(value, DECL_KEYWORDS) if value not in STATEMENT_HOME else None
        if near:
            return diagnostic(
                "E016",
                words("diag.E016.misspelt", word=value, near=near),
                span,
                help=words("diag.help.write", fix=near),
            )
        return diagnostic(
            "E016",
            words("diag.E016", word=value),
            span,
            help=words("diag.E016.help", keywords=_or_list([f"`{k}`" for k in DECL_KEYWORDS], 20)),
        )
    hinted = _author_hint(err, text, expected, line_offset)
    if hinted is not None:
        return hinted
    stack = _stack(err)
    if _duration_units(expected) and len(stack) >= 2 and re.fullmatch(r"[A-Za-z_]+", value):
        # `4 business h`: a unit written short after the calendar (the duration to write)
        calendar, amount = stack[-1], stack[-2]
        if isinstance(amount, Token) and amount.type == "INT" and isinstance(calendar, Token):
            fix = short_unit(str(amount), value, str(calendar))
            if fix is not None:
                return _unexpected(value, expected, span, help_text=words("diag.help.write", fix=fix))
    return _unexpected(value, expected, span, fallback=form_help(_stack(err), expected, tok), block=_place_of(err))


def _unreadable(err: UnexpectedCharacters, text: str, expected: set[str], line_offset: int) -> Diagnostic:
    """E010 at a character the lexer cannot read (E014 at a quote that opens a text never closed), located
    at its word; listed and helped as a token there would be (:func:`_unexpected_token`)."""
    pos = err.pos_in_stream or 0
    line = (err.line or 1) + line_offset
    col = err.column or 1
    ch = text[pos] if 0 <= pos < len(text) else ""
    word_match = re.match(r"[^\s{}\[\],/]+", text[pos:])
    word = word_match.group() if word_match else ch
    span = Span(line=line, column=col, end_line=line, end_column=col + max(1, len(word)))
    if ch == '"':
        return diagnostic("E014", words("diag.E014"), span, help=words("diag.E014.help"))
    # (the word as the token the parser stopped at: on a line after a statement that may end there, a new
    # statement begins, and the help is about the block's lines, not the statement above)
    here = Token("UNREADABLE", word, start_pos=pos, line=err.line, column=col)
    help_text = form_help(_stack(err), expected, here)
    return _unexpected(word, expected, span, code="E010", fallback=help_text, block=_place_of(err))


def _ended(err: UnexpectedEOF | UnexpectedToken, text: str, line_offset: int) -> Diagnostic:
    """E012 where the text ends before what is being written does."""
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
    stack = _stack(err)
    return diagnostic(
        "E012",
        words("diag.E012.expected", expected=_or_list(want)) if want else words("diag.E012"),
        span,
        help=words("diag.E012.help")
        if "RBRACE" in expected
        else form_help(stack, expected)
        if stack
        else words("diag.help.reference"),
    )


# -- mistakes the parser meets later than where they are ----------------------------------------------------


def _event_without_words(stack: list[Any], expected: set[str], text: str, line_offset: int) -> Diagnostic | None:
    """``event backup.completed`` without its words (a relabel of a contract type, or a declaration), the
    parser stopped at what follows (the next line, a ``[art ...]``, the end of the text): E011 at the end of
    the type, with the line to write in the languages the policy declares (its ``[art ...]`` kept)."""
    if "STRING" not in expected or len(stack) != 2 or not all(isinstance(v, Token) for v in stack):
        return None
    keyword, name = stack
    if keyword != "event" or name.type != "EVENT" or name.end_pos is None or name.end_line is None:
        return None
    end = text.find("\n", name.end_pos)
    rest = text[name.end_pos : end if end >= 0 else len(text)].split("#", 1)[0].strip()
    ref = re.fullmatch(r"\[[^\]\n\"]*\]", rest)
    fix = f"event {name} {event_labels(_EXAMPLE_LANGUAGES.get())}" + (f" {ref.group()}" if ref else "")
    line, column = name.end_line + line_offset, name.end_column or 1
    return diagnostic(
        "E011",
        words("diag.E011.relabel_words" if str(name) in EVENT_TYPES else "diag.E011.event_words", name=str(name)),
        Span(line=line, column=column, end_line=line, end_column=column + 1),
        help=words("diag.help.write", fix=fix),
    )


def _outside_without_calendar(stack: list[Any], expected: set[str], text: str, line_offset: int) -> Diagnostic | None:
    """``, plus 24 hours if received outside hours`` (Request Tracker's OutOfHours read as English): ``hours``
    was read as the calendar's name and the parser stopped at what follows (the next line): E011 at
    ``hours``, with the line to write (the policy's first calendar named there) and the calendars there are."""
    pats = _terminal_patterns()
    if not expected or not {pats.get(n) for n in expected} <= {"hour", "hours"} or len(stack) < 2:
        return None
    outside, name = stack[-2], stack[-1]
    if not (isinstance(outside, Token) and isinstance(name, Token)) or str(outside) != "outside":
        return None
    if str(name) not in ("hour", "hours") or name.start_pos is None:
        return None
    calendars = _CALENDARS.get()
    part = _place(stack).part
    first = part[0] if part and isinstance(part[0], Token) and part[0].start_pos is not None else outside
    written = " ".join(text[first.start_pos or 0 : name.start_pos].split())
    fix = f"{written} {calendars[0] if calendars else 'business'} {name}"
    known = listing((f"`{c}`" for c in calendars), ", ") if calendars else words("diag.phrase.none")
    return diagnostic(
        "E011",
        words("diag.E011.outside_calendar", word=str(name)),
        _token_span(name, line_offset),
        help=words("diag.help.outside_calendar", fix=fix, known=known),
    )


def _trailing_comma(stack: list[Any], text: str, pos: int, line_offset: int) -> Diagnostic | None:
    """A statement's line that ends with a comma, no item after it (``credit below 99.5% 10%, below 95.0% 25%,``):
    line breaks are not significant, so the parser read on into the next line and stopped there, at pos (the
    block's ``}``, a statement's keyword, or the word after the next line's first, read as one more item). E011
    at the comma, with the line without it, when the text without that comma parses past pos (one list rule
    for every statement: ``days``, ``hours``, ``starts at``, ``notice ... by``, ``languages`` alike); ``None``
    otherwise (a comma the statement needs: ``emergency without notice,``)."""
    place = _place(stack)
    if not place.opened or not place.part:
        return None
    end = text.rfind("\n", 0, pos)  # (the end of the line above pos's, then of each blank or comment line)
    while end >= 0:
        begin = text.rfind("\n", 0, end) + 1
        line = _line_rest(text, begin)
        if line:
            break
        end = begin - 1
    else:
        return None
    if not line.endswith(","):
        return None
    comma = begin + len(line) - 1
    without = text[:comma] + " " + text[comma + 1 :]  # (the comma as a blank: every offset after it stays)
    end = comma
    try:
        end = max(comma, _statement_end(parse_tree(without), comma))
    except UnexpectedInput as again:
        tok = getattr(again, "token", None)
        stop = tok.start_pos if isinstance(tok, Token) else getattr(again, "pos_in_stream", None)
        if stop is None or stop <= pos:
            return None
    except LarkError:
        return None
    first = place.part[0]
    start = begin + len(line) - len(line.lstrip())
    if isinstance(first, Token) and first.start_pos is not None and first.start_pos < start:
        start = first.start_pos  # (a statement begun on a line above)
    word = _word_of(first)
    name = "if not a business day" if word == "if" else _leading_words(place.part) or word
    return diagnostic(
        "E011",
        words("diag.E011.trailing_comma", statement=name),
        _span_of(text, comma, comma + 1, line_offset),
        help=words("diag.help.trailing_comma", fix=" ".join(without[start:end].split())),
    )


def _statement_end(tree: Tree[Token], at: int) -> int:
    """The end of the statement of ``tree`` (a parsed declaration) that holds offset ``at`` or ends before it
    (the statement a comma at ``at`` ended: its next line may go on with it, ``hours 2026-12-28,`` then
    ``10:00-12:00``); ``at`` where none does."""
    return max(
        (
            st.meta.end_pos
            for decl in tree.children
            if isinstance(decl, Tree)
            for st in decl.children
            if isinstance(st, Tree) and not st.meta.empty and st.meta.start_pos <= at
        ),
        default=at,
    )


def _unit_example(amount: str, before: Token | None) -> str:
    """A duration to write for ``amount`` without a unit (``before``: the keyword before it): elapsed days
    where a backup or a notice counts them, business hours where a target does (on the policy's calendar a
    hint writes them with: :func:`.input_hints.business_calendar`)."""
    one = amount.lstrip("0") == "1"
    if before is not None and str(before) in ("keep", "every", "notice"):
        return f"{amount} day{'' if one else 's'}"
    if before is not None and str(before) == "received":  # `same day if received 4 hours before ...`
        return f"{amount} hour{'' if one else 's'}"
    return f"{amount} {business_calendar()} hour{'' if one else 's'}"


#: The keywords that follow a duration in a statement (``notice 7 days before``, ``10 business days
#: after``, ``within 2 hours on chat``): after an amount, read as its calendar, they mean the unit is missing.
_AFTER_DURATION = frozenset({"before", "after", "on", "from", "by", "if"})


def _with_unit(text: str, amount: Token, example: str) -> str | None:
    """The line of ``amount`` written with its unit (``example``: the amount and unit), when it parses past
    it; ``None`` otherwise (:func:`_rewritten`)."""
    if amount.start_pos is None or amount.end_pos is None:
        return None
    line_start = text.rfind("\n", 0, amount.start_pos) + 1
    start = line_start + len(text[line_start : amount.start_pos]) - len(text[line_start : amount.start_pos].lstrip())
    at = amount.start_pos - start
    return _rewritten(text, start, lambda line: line[:at] + example + line[at + len(str(amount)) :])


def _missing_unit(
    stack: list[Any], expected: set[str], token: Token | None, line_offset: int, text: str = ""
) -> Diagnostic | None:
    """E015 at a duration's amount or unknown unit where the parser stopped later (the next line's first
    word read as the duration's calendar, or its ``}``, or the keyword after the duration: ``notice 7
    before``), else ``None``.

    ``token``: the token the parser stopped at (``None``: a character it could not read); ``text``: the
    text parsed (the line to write is shown when the amount has words after it)."""
    units = _duration_units(expected)
    top = stack[-1] if stack else None
    amount: Token | None = None
    depth = 1  # how many values of the stack the amount and what follows it take
    continued = False  # whether the statement goes on after the amount (`notice 7 before start date`)
    if isinstance(top, Tree) and top.data == "duration" and len(top.children) == 3:
        # `respond within 4` + `same day if ...`: `4 same day` read as a duration of calendar `same`
        first, name = top.children[0], top.children[1]
        if isinstance(first, Token) and isinstance(name, Token) and (name.line or 0) > (first.line or 0):
            amount = first
    elif len(stack) >= 2 and units and isinstance(top, Token) and top.type == "NAME":
        first = stack[-2]
        if isinstance(first, Token) and first.type == "INT":
            if (top.line or 0) > (first.line or 0):  # `respond within 5` + `complete on ...`
                amount, depth = first, 2
            elif str(top) in _AFTER_DURATION and token is not None:  # `notice 7 before start date`
                amount, depth, continued = first, 2, True
            elif token is None or token.type != "NAME" or (token.line or 0) > (top.line or 0):
                # `4 hrs` + a new line, `keep 7 dayz }`, `4h business`: the word after the amount is the unit,
                # unknown (the duration to write when it is one written short or misspelt)
                return diagnostic(
                    "E015",
                    words("diag.E015", word=str(top)),
                    _token_span(top, line_offset),
                    help=_unit_help(str(first), str(top), calendar_after(_word_after(text, top))),
                )
    elif units and isinstance(top, Token) and top.type == "INT":
        if token is None or token.type != "NAME" or (token.line or 0) > (top.line or 0):
            amount = top  # `keep 7` + `}`
    if amount is None:
        return None
    before = _last_leaf(stack[-depth - 1]) if len(stack) > depth else None
    example = _unit_example(str(amount), before)
    line = _with_unit(text, amount, example) if continued and text else None  # (the line to write)
    return diagnostic(
        "E015",
        words("diag.E015.missing"),
        _token_span(amount, line_offset),
        help=words("diag.E015.missing.line", fix=line) if line else words("diag.E015.missing.help", example=example),
    )


def _word_after(text: str, tok: Token) -> str | None:
    """The word after ``tok`` on its line (``business`` after ``4h``), if any."""
    if tok.end_pos is None:
        return None
    hit = re.match(r"[ \t]+([A-Za-z_][A-Za-z0-9_]*)", text[tok.end_pos :])
    return hit.group(1) if hit else None


def _unit_help(amount: str, word: str, calendar: str | None) -> Words:
    """The help for a unit ``word`` the language has not (``h``, ``min``, ``hrs``): the duration to write, with
    the ``calendar`` written (``4 business hours``); the units there are where ``word`` is none of theirs."""
    fix = short_unit(amount, word, calendar)
    if fix is not None and calendar is None and word in ("Day", "Days") and amount.isdigit():
        # ServiceNow's duration field (`1 Day`): on a schedule, a day is 24 of its hours, not a business day
        name = business_calendar()
        hours = f"{int(amount) * 24} {name} hours"
        business = f"{amount} {name} day{'' if amount == '1' else 's'}"
        return words("diag.help.peer.sn_day", fix=fix, schedule=hours, business=business)
    if fix is not None:
        return words("diag.help.write", fix=fix)
    return words("diag.help.units", units=_units())


def _quote_inside(stack: list[Any], text: str, pos: int, line_offset: int) -> Diagnostic | None:
    """E014 where a text ended early: the parser stopped right after a text, at a word that touches it.

    An odd number of quotes on the rest of the line means the text before was not closed where it
    should be (its closing quote is missing: the next text's opening one closed it); an even number, that
    a quote inside the text ended it (``"本書の"変更"する"``)."""
    prev = _last_leaf(stack[-1]) if stack else None
    if prev is None or prev.type != "STRING" or prev.end_pos != pos or pos >= len(text) or text[pos].isspace():
        return None
    eol = text.find("\n", pos)
    rest = text[pos : eol if eol >= 0 else len(text)]
    quotes = len(re.findall(r'(?<!\\)"', rest))
    line = (prev.line or 1) + line_offset
    if quotes % 2:
        column = prev.column or 1
        span = Span(line=line, column=column, end_line=line, end_column=column + 1)
        return diagnostic("E014", words("diag.E014"), span, help=words("diag.E014.help"))
    if quotes:
        column = (prev.end_column or 2) - 1
        span = Span(line=line, column=column, end_line=line, end_column=column + 1)
        return diagnostic("E014", words("diag.E014.inner_quote"), span, help=words("diag.E014.inner_quote.help"))
    return None
