"""From source text to a checked :class:`~sla_dsl.lang.model.PolicyModel`.

The stages run in order (read → parse → build → check); each returns
diagnostics instead of raising, and :func:`compile_text` gathers them all.
Reading is :mod:`.source`'s, whatever the text came from. At most
``2 * MAX_DIAGNOSTICS`` diagnostics are kept: :attr:`Compiled.omitted` counts
the rest, and :attr:`Compiled.unchecked` the declarations that error recovery
did not read once ``MAX_DIAGNOSTICS`` errors were found, so that a reader can
say how much is not shown.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..i18n import message
from . import model as m
from .compiled_cache import cached
from .diagnostics import Code, Diagnostic, Severity, diagnostic, words
from .source import decode_policy, read_policy_file, read_policy_file_digest, text_digest

if TYPE_CHECKING:
    from lark import Token, Tree

    from .check import DeepCheck
    from .check_clocks import Spots

#: How many diagnostics are worth showing before the rest is noise.
MAX_DIAGNOSTICS = 50

#: The lines of a clock that name events (:func:`statement_spots` keeps where each event stands).
_CLOCK_EVENT_LINES = frozenset({"k_starts", "k_pauses", "k_not_due", "k_stops", "k_resets", "k_restarts", "k_cancels"})


def _not_shown(omitted: int, unchecked: int, lang: str) -> str | None:
    """:meth:`Compiled.not_shown` in a language other than English, from the catalogue."""
    parts = [message("diag.word.not_shown", lang, count=f"{omitted:,}")] if omitted else []
    if unchecked:
        parts.append(message("diag.word.unchecked", lang, count=f"{unchecked:,}", limit=str(MAX_DIAGNOSTICS)))
    return "、".join(parts) or None


class Compiled:
    """The result of compiling one text: the model (if any) and every diagnostic.

    The model is ``None`` when the text has no header to read the policy's languages from. A header
    lost to errors whose ``languages`` statement can be read still gives a model (with a placeholder
    header that has those languages), so that the diagnostics are in the policy's language; as any
    model with errors, it is for words only, never to be judged with.
    """

    def __init__(
        self,
        source: str,
        file: str,
        model: m.PolicyModel | None,
        diagnostics: list[Diagnostic],
        omitted: int = 0,
        unchecked: int = 0,
        spots: Spots | None = None,
        sha256: str | None = None,
    ):
        self.source = source
        self.file = file
        self.model = model
        self.diagnostics = diagnostics
        #: the SHA-256 (hex) of the text as given (:mod:`.source`): a file's bytes as read, a ``str``'s UTF-8
        #: bytes; ``None`` for a text refused before it was read
        self.sha256 = sha256
        #: diagnostics found but not kept (past the cap)
        self.omitted = omitted
        #: declarations not read because error recovery stopped after ``MAX_DIAGNOSTICS`` errors
        self.unchecked = unchecked
        #: where the lines that checks point at stand (:func:`statement_spots`): checks of several
        #: versions (:mod:`sla_dsl.policy.load`) point at a version's ``effective`` line with it
        self.spots: Spots = spots or {}

    def not_shown(self, lang: str = "en") -> str | None:
        """What the kept diagnostics leave out, in words (``7,899 more not shown``) in ``lang``, or ``None``."""
        if lang != "en":
            return _not_shown(self.omitted, self.unchecked, lang)
        parts = []
        if self.omitted:
            parts.append(f"{self.omitted:,} more not shown")
        if self.unchecked:
            plural = "s" if self.unchecked != 1 else ""
            parts.append(
                f"{self.unchecked:,} declaration{plural} not read (checking stops after {MAX_DIAGNOSTICS} errors)"
            )
        return "; ".join(parts) or None

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def read_source(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """Read a policy file as text, or say why it cannot be read (see :mod:`.source`)."""
    return read_policy_file(path)


def decode_source(data: bytes | str, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes or a ``str`` as policy text, refusing binary and oversized input (see :mod:`.source`)."""
    return decode_policy(data, file)


_DECL_NAME = re.compile(
    r"\s*(calendar|service|maintenance|clock|priority|notify|backup|exclude|planned|attribute|article|item)(?:\s+(\w+)|(?![\w.]))"
)


def _dropped_key(head: re.Match[str]) -> tuple[str, str]:
    """(kind, name) of a declaration that did not parse, as :func:`.transformer.dropped_key` gives them."""
    from .transformer import PLANNED_STOP

    kind = head.group(1)
    return ("planned_stop", PLANNED_STOP) if kind == "planned" else (kind, head.group(2) or "")


#: A declaration that is the header: `sla` after blank lines and comments.
_HEADER_AT_START = re.compile(r"(?:\s|#[^\n]*\n)*sla(?![\w.])")  # (a comment whole: no `sla` in its words)


class Recovery:
    """What error recovery left unread (declarations after the error cap) and read of a broken header."""

    def __init__(self) -> None:
        self.unchecked = 0
        #: the languages of the first header when it could not be built or parsed (``()``: it declares
        #: none), ``None`` when there is no such header or its ``languages`` could not be read either
        self.languages: tuple[str, ...] | None = None


def statement_spots(tree: Tree[Token], offset: int, spots: dict[tuple[str, int, int, str], m.Span]) -> None:
    """Add to ``spots`` where the statements that checks point at stand in the declarations of ``tree``
    (lines after ``offset``): the model keeps the span of a declaration, not of each of its lines.

    Keys (:data:`.check_clocks.Spots`): ``("header", line, column, "effective")``, the header's
    ``effective`` line (a version's, which the checks of versions point at); ``("maintenance", line,
    column, "calendar")``, the calendar's name in a window's ``calendar NAME``; ``("clock", line,
    column, "starts")``, a clock's ``starts at``
    line, and ``("clock", line, column, "start:<i>")``, the i-th event it names (from 0); ``("service",
    line, column, "except:maintenance")`` and ``"except:planned_stops"``, the words of a service's
    ``hours ... except ...``; ``("attribute", line, column, "changes")``, an attribute's ``changes at``
    line; ``("clock", line, column, "event:<name>:<k>")``, the ``k``-th place (from
    0, in file order) a clock's ``starts at``, ``pauses at ... until``, ``stops at``, ``resets at``,
    ``restarts at`` or ``cancels at`` names event ``name``; ``("notify", line, column, "after")`` and
    ``"met_by"``, the events of a notify rule's ``within ... after`` and ``met by``; ``line`` and
    ``column`` are those of the declaration (its node's span), so two declarations of one name keep
    their own. And ``("update", line, column, "by:<i>")``: the i-th event (from 0) of the ``update every
    ... by`` line of a priority at that line and column (the target's own span); ``("planned_stop", line,
    column, "notice")``, a planned stop's ``notice`` line (quoted as written where it is refused).
    """
    from lark import Token, Tree

    from .values import _span as span_of

    for decl in tree.children:
        if (
            not isinstance(decl, Tree)
            or decl.data
            not in ("header", "maintenance", "clock", "service", "priority", "notify", "attribute", "planned_stop")
            or decl.meta.empty
        ):
            continue
        at = (str(decl.data), decl.meta.line + offset, decl.meta.column)
        named: dict[str, int] = {}  # (a clock's events: how many times each was named so far)
        for st in decl.children:
            if not isinstance(st, Tree):
                continue
            toks = [t for t in st.children if isinstance(t, Token)]
            if str(st.data) in _CLOCK_EVENT_LINES:
                for tok in (t for t in toks if t.type == "EVENT"):
                    k = named.get(str(tok), 0)
                    named[str(tok)] = k + 1
                    spots.setdefault((*at, f"event:{tok}:{k}"), span_of(tok, offset))
            if st.data == "h_effective":
                spots.setdefault((*at, "effective"), span_of(st, offset))
            elif st.data == "m_calendar" and toks:
                spots.setdefault((*at, "calendar"), span_of(toks[0], offset))
            elif st.data in ("n_within", "n_met") and decl.data == "notify":
                what = "after" if st.data == "n_within" else "met_by"
                for tok in (t for t in toks if t.type == "EVENT"):
                    spots.setdefault((*at, what), span_of(tok, offset))
            elif st.data == "q_update" and not st.meta.empty:
                stmt = ("update", st.meta.line + offset, st.meta.column)
                for i, tok in enumerate(t for t in toks if t.type == "EVENT"):
                    spots.setdefault((*stmt, f"by:{i}"), span_of(tok, offset))
            elif st.data == "p_notice":
                spots.setdefault((*at, "notice"), span_of(st, offset))
            elif st.data == "t_changes":
                spots.setdefault((*at, "changes"), span_of(st, offset))
            elif st.data == "k_starts":
                spots.setdefault((*at, "starts"), span_of(st, offset))
                for i, tok in enumerate(toks):
                    spots.setdefault((*at, f"start:{i}"), span_of(tok, offset))
            elif st.data == "s_hours":
                for ex in st.children:
                    if isinstance(ex, Tree) and not ex.meta.empty:
                        word = "maintenance" if ex.data == "ex_maintenance" else "planned_stops"
                        spots.setdefault((*at, f"except:{word}"), span_of(ex, offset))


def parse_and_build(
    text: str,
    file: str,
    dropped: set[tuple[str, str]] | None = None,
    recovery: Recovery | None = None,
    spots: dict[tuple[str, int, int, str], m.Span] | None = None,
) -> tuple[dict[str, list[Any]], list[Diagnostic]]:
    """Parse ``text`` (all of it, or declaration by declaration) and build model nodes.

    ``dropped`` collects (kind, name) of declarations lost to errors; ``recovery``
    counts the declarations not read once ``MAX_DIAGNOSTICS`` errors were found, and
    keeps the languages of a header lost to errors; ``spots``, where the statements
    that checks point at stand (:func:`statement_spots`).
    """
    # (the parser and its stages load here, not with the module: a policy read back from the cache
    # (:func:`compile_path`) needs none of them, nor lark)
    from lark.exceptions import LarkError, UnexpectedInput

    from .event_types import declared_in
    from .languages import header_languages
    from .parse_errors import declared_calendars, lark_error_to_diagnostic
    from .parser import parse_tree, split_declarations
    from .transformer import Builder

    dropped = dropped if dropped is not None else set()
    recovery = recovery if recovery is not None else Recovery()
    spots = spots if spots is not None else {}
    try:
        tree = parse_tree(text)
    except UnexpectedInput:
        pass
    except LarkError as exc:  # pragma: no cover - defensive: any other Lark failure
        span = m.Span()
        said = words("diag.E010.cannot_parse", detail=Code(str(exc).strip().split("\n", 1)[0]))
        return {}, [diagnostic("E010", said, span, help=words("diag.E010.cannot_parse.help"), file=file)]
    else:
        builder = Builder(file)
        builder.source = text
        builder.declared_events = declared_in(text)
        builder.policy_languages = header_languages(text) or ()  # (the first block's: the header's, as a rule)
        built = builder.build(tree)
        statement_spots(tree, 0, spots)
        dropped |= builder.dropped
        if "header" not in built:
            recovery.languages = builder.header_languages
        return built, builder.diagnostics

    chunks, diags = split_declarations(text)
    diags = [d.model_copy(update={"file": file}) for d in diags]
    # running counts, not scans of `diags`: thousands of unclosed blocks must stay linear
    unclosed = {d.span.line for d in diags if d.code == "E013"}
    n_errors = sum(d.is_error for d in diags)
    decls: dict[str, list[Any]] = {}
    header_seen = False  # (the languages are the first header's)
    # (a syntax error's examples are written in the languages the first header declares, read however broken)
    first = next((c for c in chunks if _HEADER_AT_START.match(c.text)), None)
    declared = (header_languages(first.text) if first is not None else None) or ()
    calendars = declared_calendars(text)  # (a syntax error's help may name them)
    for k, chunk in enumerate(chunks):
        if n_errors >= MAX_DIAGNOSTICS:
            recovery.unchecked = sum(1 for c in chunks[k:] if c.text.strip())
            break
        if not chunk.text.strip():
            continue
        try:
            tree = parse_tree(chunk.text)
        except UnexpectedInput as exc:
            d = lark_error_to_diagnostic(exc, chunk.text, chunk.first_line - 1, declared, calendars, text)
            if not (chunk.first_line in unclosed and d.code == "E012"):
                diags.append(d.model_copy(update={"file": file}))
                n_errors += d.is_error
            head = _DECL_NAME.match(chunk.text)
            # (a declaration without its name is known only for clocks: any clock name may have been meant)
            if head and (head.group(2) or head.group(1) == "clock"):
                dropped.add(_dropped_key(head))
            if not header_seen and _HEADER_AT_START.match(chunk.text):
                header_seen = True
                recovery.languages = header_languages(chunk.text)
            continue
        builder = Builder(file, chunk.first_line - 1)
        builder.source = chunk.text
        builder.declared_events = declared_in(text)
        builder.policy_languages = declared
        built = builder.build(tree)
        statement_spots(tree, chunk.first_line - 1, spots)
        if not header_seen and builder.header_languages is not None:
            header_seen = True
            recovery.languages = None if "header" in built else builder.header_languages
        for kind, nodes in built.items():
            decls.setdefault(kind, []).extend(nodes)
        diags.extend(builder.diagnostics)
        n_errors += sum(d.is_error for d in builder.diagnostics)
        dropped |= builder.dropped
    return decls, diags


def assemble(
    decls: dict[str, list[Any]], file: str, diags: list[Diagnostic], languages: tuple[str, ...] = ()
) -> tuple[m.PolicyModel, bool]:
    """Put the declarations together; report a missing or repeated header.

    Returns the model and whether it has a real header (without one, a
    placeholder lets the reference checks still run; it has ``languages``, those
    of a header lost to errors).
    """
    headers: list[m.Header] = decls.get("header", [])
    if not headers and not any(d.is_error for d in diags):
        example = 'sla "Name" { format 1  version "1"  effective 2026-04-01  timezone Asia/Tokyo }'
        diags.append(
            diagnostic(
                "E217",
                words("diag.E217", keyword="sla"),
                m.Span(),
                help=words("diag.E217.help", example=example),
                file=file,
            )
        )
    for extra in headers[1:]:
        diags.append(
            diagnostic(
                "E200",
                words("diag.E200.header", keyword="sla"),
                extra.span,
                help=words("diag.E200.header.help"),
                file=file,
            )
        )
    header = (
        headers[0]
        if headers
        else m.Header(name="", version="", effective=dt.date(1970, 1, 1), timezone="UTC", languages=languages)
    )
    model = m.PolicyModel(
        header=header,
        articles=tuple(decls.get("article", [])),
        calendars=tuple(decls.get("calendar", [])),
        services=tuple(decls.get("service", [])),
        planned_stops=tuple(decls.get("planned_stop", [])),
        maintenance=tuple(decls.get("maintenance", [])),
        clocks=tuple(decls.get("clock", [])),
        priorities=tuple(decls.get("priority", [])),
        notifications=tuple(decls.get("notify", [])),
        backups=tuple(decls.get("backup", [])),
        exclusions=tuple(decls.get("exclude", [])),
        items=tuple(decls.get("item", [])),
        attributes=tuple(decls.get("attribute", [])),
        event_types=tuple(decls.get("event_type", [])),
        span=m.Span(line=1, column=1, end_line=1, end_column=1),
    )
    return model, bool(headers)


def compile_text(text: str, file: str = "<policy>", deep: Sequence[DeepCheck] = ()) -> Compiled:
    """Compile a policy text; never raises for bad input. ``deep``: checks on compiled calendars."""
    clean, refused = decode_policy(text, file)
    if clean is None:
        return _refused(file, refused)
    compiled = _compile(clean, file, deep)
    compiled.sha256 = text_digest(text)
    return compiled


def _refused(file: str, diags: list[Diagnostic]) -> Compiled:
    """A file refused before parsing (E001): no model, unless its header's ``languages`` could be read
    from its bytes (a Shift_JIS file), when a placeholder carries them so that every command words the
    refusal in the policy's language, as for a header lost to errors."""
    languages = next((d.languages for d in diags if d.languages), None)
    if languages is None:
        return Compiled("", file, None, diags)
    model, _ = assemble({}, file, [], languages)  # (its own E217 is not said: the file was not read)
    return Compiled("", file, model, diags)


def _compile(text: str, file: str, deep: Sequence[DeepCheck]) -> Compiled:
    """Compile a text that :mod:`.source` has read."""
    from .check import check_model

    dropped: set[tuple[str, str]] = set()
    recovery = Recovery()
    spots: dict[tuple[str, int, int, str], m.Span] = {}
    decls, diags = parse_and_build(text, file, dropped, recovery, spots)
    model, has_header = assemble(decls, file, diags, recovery.languages or ())
    computed = has_header and not any(d.is_error for d in diags)
    found = check_model(model, dropped, computed=computed, deep=deep, spots=spots, source=text)
    diags.extend(d.model_copy(update={"file": file}) for d in found)
    diags.sort(key=lambda d: (d.span.line, d.span.column, d.severity is Severity.WARNING))
    # the same problem found twice (e.g. by two stages) is shown once
    unique = list({(d.code, d.span, d.message): d for d in diags}.values())
    kept = unique[: MAX_DIAGNOSTICS * 2]
    # a header lost to errors whose `languages` could be read still gives the policy its language
    keep = has_header or recovery.languages is not None
    return Compiled(
        text,
        file,
        model if keep else None,
        kept,
        omitted=len(unique) - len(kept),
        unchecked=recovery.unchecked,
        spots=spots,
    )


def compile_path(path: str | Path, deep: Sequence[DeepCheck] = ()) -> Compiled:
    """Read and compile a policy file; never raises for bad input."""
    text, diags, digest = read_policy_file_digest(path)
    if text is None:
        return _refused(str(path), diags)
    file = str(path)
    compiled = cached(file, text, deep, lambda: _compile(text, file, deep))
    compiled.sha256 = digest  # (of the bytes: two files of one text after line ends are normalised differ)
    return compiled
