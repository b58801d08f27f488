"""Text or files to compiled policies: the language stage's compiler plus the checks on calendars.

Every caller that turns a policy text into diagnostics or a :class:`Policy`
(the API, ``sla check``, the language server, ``sla fmt``, ``sla diff``) comes
through here, so that all of them report the same diagnostics, the calendar-
computed ones (:mod:`.checks`) included.

Design notes
------------
* :func:`load_policies` refuses a directory without policies and two versions
  that take effect the same day in ``lang`` (a command's ``--lang``), else in
  the primary language of the policy concerned (English for a directory, which
  has none); the words come from the catalogue (``author.load.*``), and the
  :class:`~sla_dsl.errors.InputError` carries the language it is written in.
* Those refusals are :func:`check_versions`, which the evaluation's version list
  (:class:`sla_dsl.evaluation.common.Versions`) calls too: the API, replay and the
  Dask/Spark entries put versions together without this loader, and there the order
  of a list must not choose between two versions of one day either.
* Every version must share the earliest one's ``timezone``: a report shows every
  instant in one zone and reads business hours in it, so a later version in another
  zone would show its incidents in the wrong zone and mix them in the totals. The
  refusal names the later version's ``timezone`` line (found in its file within the
  header's span; a policy compiled from text is named by its version).
* ``sla check`` reads its arguments as ``sla evaluate`` does (a directory is
  its ``*.sla`` files in name order, :func:`compile_versions`) and checks the
  policies it is given as versions of one policy (:func:`version_findings`),
  so that a set of versions it passes is one ``sla evaluate`` accepts: the
  refusals above are errors there, E304 (the same effective date, in the words
  of the refusal) and E305 (another time zone), located at the version's
  ``effective`` or ``timezone`` line. Only policies without errors are
  compared (the others are refused on their own).
* Versions are ordered by their dates, whatever their numbers. A ``version``
  of numbers separated by dots (``2026.1``, ``2026.10``, ``3``) is compared
  number by number (:func:`version_order`; ``2026.10`` after ``2026.9``, a
  trailing ``.0`` changes nothing), and a version numbered after another but
  taking effect before it is warning W307: the one with the later date takes
  over on that date, and the version with the higher number is never in force
  again (``2026.2`` on 2026-01-01 and ``2026.1`` on 2026-04-01: November is
  judged under 2026.1). A version written otherwise (``"spring"``) has no
  order and is never warned of.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..i18n import format_date, message
from ..lang import compile as _lang
from ..lang import model as m
from ..lang.compile import Compiled
from ..lang.diagnostics import Both, Diagnostic, PolicyError, Severity, diagnostic, policy_language, words
from ..lang.source import read_policy_stdin
from .checks import DEEP_CHECKS
from .compiled import Policy


def compile_text(text: str, file: str = "<policy>") -> Compiled:
    """Compile a policy text with every check; never raises for bad input."""
    return _lang.compile_text(text, file, DEEP_CHECKS)


def compile_path(path: str | Path) -> Compiled:
    """Read and compile a policy file with every check; never raises for bad input."""
    return _lang.compile_path(path, DEEP_CHECKS)


def compile_stdin(file: str = "<stdin>") -> Compiled:
    """Read and compile a policy from the standard input with every check; never raises for bad input."""
    text, diags = read_policy_stdin(file)
    if text is None:
        return Compiled("", file, None, diags)
    return compile_text(text, file)


def compile_policy(path_or_text: str | Path) -> Compiled:
    """Compile a policy file or text, returning the model and all diagnostics (never raises for bad
    input; another type than a path or text is a TypeError naming it)."""
    if not isinstance(path_or_text, str | Path):
        raise TypeError(f"path_or_text: expected a path or a policy's text, found {type(path_or_text).__name__}")
    if isinstance(path_or_text, Path) or _looks_like_path(path_or_text):
        return compile_path(path_or_text)
    return compile_text(path_or_text)


def load_policy(path_or_text: str | Path) -> Policy:
    """Compile a policy; raise :class:`PolicyError` listing every error if it has any."""
    compiled = compile_policy(path_or_text)
    if compiled.model is None or compiled.errors:
        raise PolicyError(
            compiled.errors or compiled.diagnostics,
            compiled.source,
            policy_language(compiled.model),
            header_read=compiled.model is not None,
        )
    policy = Policy(compiled.model, path=compiled.file if compiled.file != "<policy>" else None)
    policy.warnings = compiled.warnings
    return policy


def _looks_like_path(s: str) -> bool:
    """Whether ``compile_policy`` reads ``s`` as a file's path rather than as a policy's text. Text has a
    line break or a brace (every policy has its ``sla "..." {`` header). One line without either is a
    path when it names a ``.sla`` file or a file that exists, or when it has no quote and looks like a
    path (a path separator, or a file extension such as ``.txt``): so a missing file is E001 (no such
    file), not a syntax error in its name. The empty text is no path (a policy without its header, E217)."""
    if not s.strip() or "\n" in s or "{" in s:
        return False
    if s.endswith(".sla") or Path(s).exists():
        return True
    return '"' not in s and (any(c in s for c in _SEPARATORS) or bool(_EXTENSION.search(s)))


#: What separates the folders of a path, here or on Windows.
_SEPARATORS = frozenset({"/", "\\", os.sep, os.altsep or "/"})
#: A file name's extension at the end of a text: a dot, a letter, then letters or digits (``.txt``,
#: ``.sla2``; not the ``.1`` of ``2026.1``).
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,9}$")


def policy_files(paths: list[str], lang: str | None = None) -> list[Path]:
    """The policy files that files or directories of ``*.sla`` files name, in order (a directory's in
    name order; one with none is refused, in ``lang``)."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(p.glob("*.sla"))
            if not found:
                said = lang or "en"  # no policy to take a language from
                raise InputError(message("author.load.no_policy_file", said, path=raw, ext=".sla"), lang=said)
            files.extend(found)
        else:
            files.append(p)
    return files


def load_policies(paths: list[str], lang: str | None = None) -> list[Policy]:
    """Every policy version named by files or directories of ``*.sla`` files (refusals in ``lang``)."""
    files = policy_files(paths, lang)
    policies = [load_policy(f) for f in files]  # (a Path: never read as the text of a policy)
    check_versions(policies, lang, [str(f) for f in files])
    return policies


def check_versions(policies: Sequence[Policy], lang: str | None = None, names: Sequence[str] | None = None) -> None:
    """Refuse versions that cannot be judged together: two that take effect the same day (which
    one is in force would depend on their order) and one whose time zone is not the earliest's.

    ``names``: where each came from (default: its file, else ``<policy>``); refusals in ``lang``,
    else in the primary language of the version refused."""
    where = list(names) if names is not None else [p.path or "<policy>" for p in policies]
    seen: dict[dt.date, tuple[str, str]] = {}
    for f, pol in zip(where, policies, strict=True):
        if pol.effective in seen:
            said = lang or policy_language(pol.model)
            other, version = seen[pol.effective]
            raise InputError(
                message(
                    "author.load.same_day",
                    said,
                    path=f,
                    version=pol.version,
                    effective=pol.effective if said == "ja" else pol.effective.isoformat(),
                    other=message("author.load.version_of", said, path=other, version=version),
                ),
                lang=said,
            )
        seen[pol.effective] = (f, pol.version)
    ordered = sorted(zip(where, policies, strict=True), key=lambda fp: fp[1].effective)
    first_name, first = ordered[0] if ordered else ("", None)
    for f, pol in ordered[1:]:
        assert first is not None
        zone, earlier = pol.model.header.timezone, first.model.header.timezone
        if zone == earlier:
            continue
        said = lang or policy_language(pol.model)
        text = message(
            "author.load.timezone",
            said,
            path=_timezone_line(f, pol),
            version=pol.version,
            zone=zone,
            first=earlier,
            other=message("author.load.version_of", said, path=first_name, version=first.version),
        )
        help_text = message("author.load.timezone.help", said, zone=earlier)
        raise InputError(f"{text}\n{message('diag.word.help', said)}: {help_text}", lang=said)


def _timezone_line(name: str, pol: Policy) -> str:
    """``file:line:column`` of the version's ``timezone`` line (the name alone for a policy not read
    from a file)."""
    span = pol.model.header.timezone_span
    return name if span == m.NO_SPAN else f"{name}:{span.line}:{span.column}"


#: A version that has an order: numbers separated by dots (``2026.1``, ``3``, ``1.10.2``).
_NUMBERED = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def version_order(version: str) -> tuple[int, ...] | None:
    """The order of a version: its numbers, compared one by one (``2026.1`` < ``2026.2`` < ``2026.10``;
    a trailing ``.0`` changes nothing); ``None`` for a version that is not numbers (no order)."""
    text = version.strip()
    if not _NUMBERED.fullmatch(text) or len(text) > 64:
        return None
    numbers = [int(n) for n in text.split(".")]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def compile_versions(paths: Sequence[str], lang: str | None = None) -> list[Compiled]:
    """Every policy that ``paths`` name, compiled, as ``sla check`` reads them: a file, a directory's
    ``*.sla`` files in name order (one without any is refused in ``lang``, as by ``sla evaluate``) or
    ``-`` (the standard input); each with the findings about them as versions of one policy
    (:func:`version_findings`)."""
    out: list[Compiled] = []
    for raw in paths:
        if raw == "-":
            out.append(compile_stdin())
        elif Path(raw).is_dir():
            out += [compile_path(f) for f in policy_files([raw], lang)]
        else:
            out.append(compile_path(raw))
    return version_findings(out)


def version_findings(compiled: Sequence[Compiled]) -> list[Compiled]:
    """``compiled`` with the findings about them as versions of one policy added to the versions they are
    about: E304 (the same effective date as an earlier one in the list, as :func:`check_versions`
    refuses it), E305 (another time zone than the earliest version's) and W307 (numbered after a version
    that takes effect later). Policies with errors are left out of the comparison; the others are new
    :class:`Compiled` values when they gain a finding (a compiled file may be shared by a cache)."""
    found: dict[int, list[Diagnostic]] = {}
    valid = [(i, c) for i, c in enumerate(compiled) if c.model is not None and not c.errors]
    if len(valid) < 2:
        return list(compiled)
    seen: dict[dt.date, tuple[str, str]] = {}
    for i, c in valid:
        assert c.model is not None
        header = c.model.header
        if header.effective in seen:
            other, version = seen[header.effective]
            found.setdefault(i, []).append(
                diagnostic(
                    "E304",
                    words(
                        "diag.E304",
                        version=header.version,
                        effective=_date(header.effective),
                        other=words("author.load.version_of", path=other, version=version),
                    ),
                    _effective_line(c),
                    help=words("diag.E304.help"),
                )
            )
        else:
            seen[header.effective] = (c.file, header.version)
    by_date = sorted(valid, key=lambda ic: _header(ic[1]).effective)
    first = by_date[0][1]
    for i, c in by_date[1:]:
        header, earliest = _header(c), _header(first)
        if header.timezone != earliest.timezone:
            found.setdefault(i, []).append(
                diagnostic(
                    "E305",
                    words(
                        "diag.E305",
                        version=header.version,
                        zone=header.timezone,
                        first=earliest.timezone,
                        other=words("author.load.version_of", path=first.file, version=earliest.version),
                    ),
                    header.timezone_span if header.timezone_span != m.NO_SPAN else header.span,
                    help=words("diag.E305.help", zone=earliest.timezone),
                )
            )
    dates = sorted({_header(c).effective for _, c in valid})
    for i, c in valid:
        header = _header(c)
        order = version_order(header.version)
        if order is None:
            continue
        # a version with a lower number taking effect later: the first of them (by date) takes over
        lower = [
            o
            for _, o in by_date
            if (numbered := version_order(_header(o).version)) is not None
            and numbered < order
            and _header(o).effective > header.effective
        ]
        if not lower:
            continue
        o = lower[0]
        until = next(d for d in dates if d > header.effective) - dt.timedelta(days=1)
        found.setdefault(i, []).append(
            diagnostic(
                "W307",
                words(
                    "diag.W307",
                    version=header.version,
                    effective=_date(header.effective),
                    other=words("author.load.version_of", path=o.file, version=_header(o).version),
                    other_effective=_date(_header(o).effective),
                    last=_date(until),
                ),
                _effective_line(c),
                help=words("diag.W307.help"),
                severity=Severity.WARNING,
            )
        )
    out = list(compiled)
    for i, extra in found.items():
        c = out[i]
        diags = [*c.diagnostics, *(d.model_copy(update={"file": c.file}) for d in extra)]
        diags.sort(key=lambda d: (d.span.line, d.span.column, d.severity is Severity.WARNING))
        out[i] = Compiled(c.source, c.file, c.model, diags, c.omitted, c.unchecked, c.spots)
    return out


def _header(c: Compiled) -> m.Header:
    assert c.model is not None
    return c.model.header


def _date(d: dt.date) -> Both:
    """A date as the refusals of :func:`check_versions` write it: ``2026年4月1日(水)`` / ``2026-04-01``."""
    return Both(format_date(d, "ja"), d.isoformat())


def _effective_line(c: Compiled) -> m.Span:
    """The span of the version's ``effective`` line (its header's, if it was not found)."""
    header = _header(c)
    return c.spots.get(("header", header.span.line, header.span.column, "effective"), header.span)
