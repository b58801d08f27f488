"""From source text to a checked :class:`~sla_dsl.lang.model.PolicyModel`.

The stages run in order (read → parse → build → check); each returns
diagnostics instead of raising, and :func:`compile_text` gathers them all.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lark.exceptions import LarkError, UnexpectedInput

from . import model as m
from .check import DeepCheck, check_model
from .diagnostics import Diagnostic, Severity
from .parser import MAX_POLICY_BYTES, lark_error_to_diagnostic, parse_tree, split_declarations
from .transformer import Builder

#: How many diagnostics are worth showing before the rest is noise.
MAX_DIAGNOSTICS = 50


class Compiled:
    """The result of compiling one text: the model (if any) and every diagnostic."""

    def __init__(self, source: str, file: str, model: m.PolicyModel | None, diagnostics: list[Diagnostic]):
        self.source = source
        self.file = file
        self.model = model
        self.diagnostics = diagnostics

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


def _unreadable(
    file: str, message: str, help: str | None = None, line: int = 1, col: int = 1
) -> tuple[None, list[Diagnostic]]:
    """No text, and the E001 diagnostic saying why."""
    span = m.Span(line=line, column=col, end_line=line, end_column=col + 1)
    return None, [Diagnostic(code="E001", message=message, span=span, help=help, file=file)]


def read_source(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    """Read a policy file as UTF-8 text, or say why it cannot be read."""
    file = str(path)

    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return _unreadable(file, "no such file")
    except IsADirectoryError:
        return _unreadable(file, "this is a directory, not a policy file")
    except OSError as exc:
        return _unreadable(file, f"cannot read the file: {exc.strerror or exc}")
    return decode_source(data, file)


def decode_source(data: bytes, file: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode bytes as a policy text, refusing binary and oversized input."""

    if len(data) > MAX_POLICY_BYTES:
        return _unreadable(file, f"the file is {len(data):,} bytes; a policy may be at most {MAX_POLICY_BYTES:,}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return _unreadable(file, "the file is not UTF-8 text", "save the policy as UTF-8", line, col)
    if "\x00" in text:
        head = text[: text.index("\x00")]
        line = head.count("\n") + 1
        col = len(head) - head.rfind("\n")
        return _unreadable(file, "the file contains a NUL byte; it is not a text file", None, line, col)
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


_DECL_NAME = re.compile(r"\s*(calendar|service|maintenance|clock|priority|notify|backup|exclude|planned)\s+(\w+)")
_KIND_OF = {"notify": "notify", "exclude": "exclude", "planned": "planned_stop"}


def parse_and_build(
    text: str, file: str, dropped: set[tuple[str, str]] | None = None
) -> tuple[dict[str, list[Any]], list[Diagnostic]]:
    """Parse ``text`` (all of it, or declaration by declaration) and build model nodes.

    ``dropped`` collects (kind, name) of declarations lost to errors.
    """
    dropped = dropped if dropped is not None else set()
    try:
        tree = parse_tree(text)
    except UnexpectedInput:
        pass
    except LarkError as exc:  # pragma: no cover - defensive: any other Lark failure
        span = m.Span()
        return {}, [Diagnostic(code="E100", message=f"cannot parse: {exc}", span=span, file=file)]
    else:
        builder = Builder(file)
        built = builder.build(tree)
        dropped |= builder.dropped
        return built, builder.diagnostics

    chunks, diags = split_declarations(text)
    diags = [d.model_copy(update={"file": file}) for d in diags]
    decls: dict[str, list[Any]] = {}
    for chunk in chunks:
        if len([d for d in diags if d.is_error]) >= MAX_DIAGNOSTICS:
            break
        if not chunk.text.strip():
            continue
        try:
            tree = parse_tree(chunk.text)
        except UnexpectedInput as exc:
            d = lark_error_to_diagnostic(exc, chunk.text, chunk.first_line - 1)
            unclosed = any(x.code == "E103" and x.span.line == chunk.first_line for x in diags)
            if not (unclosed and d.code == "E102"):
                diags.append(d.model_copy(update={"file": file}))
            head = _DECL_NAME.match(chunk.text)
            if head:
                dropped.add((_KIND_OF.get(head.group(1), head.group(1)), head.group(2)))
            continue
        builder = Builder(file, chunk.first_line - 1)
        for kind, nodes in builder.build(tree).items():
            decls.setdefault(kind, []).extend(nodes)
        diags.extend(builder.diagnostics)
        dropped |= builder.dropped
    return decls, diags


def assemble(decls: dict[str, list[Any]], file: str, diags: list[Diagnostic]) -> tuple[m.PolicyModel, bool]:
    """Put the declarations together; report a missing or repeated header.

    Returns the model and whether it has a real header (without one, a
    placeholder lets the reference checks still run).
    """
    headers: list[m.Header] = decls.get("header", [])
    if not headers and not any(d.is_error for d in diags):
        diags.append(
            Diagnostic(
                code="E217",
                message="the policy has no `sla` header",
                span=m.Span(),
                help='start the file with `sla "Name" { format 1  version "1"  effective 2026-04-01  '
                "timezone Asia/Tokyo }`",
                file=file,
            )
        )
    for extra in headers[1:]:
        diags.append(
            Diagnostic(
                code="E200",
                message="a second `sla` header",
                span=extra.span,
                help="a policy file has one header",
                file=file,
            )
        )
    header = headers[0] if headers else m.Header(name="", version="", effective=dt.date(1970, 1, 1), timezone="UTC")
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
        span=m.Span(line=1, column=1, end_line=1, end_column=1),
    )
    return model, bool(headers)


def compile_text(text: str, file: str = "<policy>", deep: Sequence[DeepCheck] = ()) -> Compiled:
    """Compile a policy text; never raises for bad input. ``deep``: checks on compiled calendars."""
    dropped: set[tuple[str, str]] = set()
    decls, diags = parse_and_build(text, file, dropped)
    model, has_header = assemble(decls, file, diags)
    found = check_model(model, dropped, computed=has_header and not any(d.is_error for d in diags), deep=deep)
    diags.extend(d.model_copy(update={"file": file}) for d in found)
    diags.sort(key=lambda d: (d.span.line, d.span.column, d.severity is Severity.WARNING))
    # the same problem found twice (e.g. by two stages) is shown once
    unique = list({(d.code, d.span, d.message): d for d in diags}.values())
    return Compiled(text, file, model if has_header else None, unique[: MAX_DIAGNOSTICS * 2])


def compile_path(path: str | Path, deep: Sequence[DeepCheck] = ()) -> Compiled:
    """Read and compile a policy file; never raises for bad input."""
    text, diags = read_source(path)
    if text is None:
        return Compiled("", str(path), None, diags)
    return compile_text(text, str(path), deep)
