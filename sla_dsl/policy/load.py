"""Text or files to compiled policies: the language stage's compiler plus the checks on calendars.

Every caller that turns a policy text into diagnostics or a :class:`Policy`
(the API, ``sla check``, the language server, ``sla fmt``, ``sla diff``) comes
through here, so that all of them report the same diagnostics, the calendar-
computed ones (:mod:`.checks`) included.

Design notes
------------
* :func:`load_policies` reads files and directories as every command that takes
  versions does (:func:`policy_files`): a directory is its ``*.sla`` files in
  name order, without its hidden files (a name that starts with ``.``: the
  ``._a.sla`` that macOS writes beside ``a.sla`` on a shared drive is no
  policy), and a file named twice (by two names, or as a file and in its
  directory) is read once, where it came first.
* It refuses a directory without policies and versions that cannot be judged
  together in ``lang`` (a command's ``--lang``), else in the primary language
  of the policy concerned (English for a directory, which has none); the words
  come from the catalogue (``author.load.*``), and the
  :class:`~sla_dsl.errors.InputError` carries the language it is written in.
  A refusal of versions is said as ``sla check`` says it: the place of the
  line it is about (``b.sla:10:3``), its code and the words of its diagnostic
  (``diag.E304``-``diag.E307``), then its ``help:`` line (``author.load.refused``).
* Those refusals are :func:`check_versions`, which the evaluation's version list
  (:class:`sla_dsl.evaluation.common.Versions`) calls too: the API, replay and the
  Dask/Spark entries put versions together without this loader, and there the order
  of a list must not choose between two versions of one day either. They are,
  in this order: two versions of one effective date, named at the ``effective``
  line of the one numbered after the other, whose help gives the line to write,
  whichever order the files come in (else of the later one in the list); a version of another
  policy (another ``sla "name"`` than the earliest version's: the language has
  no renaming, and the site groups versions by their name), named at its
  ``sla`` line; two versions of one ``version`` (a report and the JSON's
  ``policy_version`` name the version that judged each item by it, so two of
  one number would be told apart by nothing, and ``sla serve`` refuses a second
  one too), named at the later one's ``version`` line; a time zone other
  than the earliest version's. Each is located where the model's header says
  its statement stands in the text that was compiled (``version_span``,
  ``effective_span``, ``timezone_span``), never by reading the file again: a
  file saved since (an author editing while ``sla serve`` reloads) may hold
  another line there. A version not read from a file is named without a
  line at its ``effective`` and ``version``.
* Every version must share the earliest one's ``timezone``: a report shows every
  instant in one zone and reads business hours in it, so a later version in another
  zone would show its incidents in the wrong zone and mix them in the totals. The
  refusal names the later version's ``timezone`` line.
* ``sla check`` reads its arguments as ``sla evaluate`` does (a directory is
  its ``*.sla`` files in name order, each file once, :func:`compile_versions`) and
  checks the policies it is given as versions of one policy (:func:`version_findings`),
  so that a set of versions it passes is one ``sla evaluate`` accepts: the
  refusals above are errors there, in their words: E304 (the same effective
  date), E307 (another name), E306 (the same ``version``) and E305 (another
  time zone), located at the version's ``effective``, ``sla``, ``version`` or
  ``timezone`` line. Only policies without errors are compared (the others are
  refused on their own). :func:`compare_versions` gives each finding with the
  version it names and the same line there, for the language server, which
  shows a finding about a file that is not open on the open one it names.
* ``sla diff OLD NEW`` compares any two files, but warns of a pair that is no
  change from OLD to NEW (:func:`successor_findings`): NEW taking effect before
  OLD (W308, at NEW's ``effective`` line: it does not follow it) and each
  refusal the two would get as versions of one policy (E304-E307 of
  :func:`compare_versions`, as warnings, where ``sla check`` locates them).
* Versions are ordered by their dates, whatever their numbers. A ``version``
  of numbers separated by dots (``2026.1``, ``2026.10``, ``3``) is compared
  number by number (:func:`version_order`; ``2026.10`` after ``2026.9``, a
  trailing ``.0`` changes nothing), and a version numbered after another but
  taking effect before it is warning W307 (naming the other's file in backticks, as E304-E307 and W308 do,
  so that no word runs into it): the one with the later date takes
  over on that date, and the version with the higher number is never in force
  again (``2026.2`` on 2026-01-01 and ``2026.1`` on 2026-04-01: November is
  judged under 2026.1). A version written otherwise (``"spring"``) has no
  order and is never warned of. Two versions are of one ``version`` when
  their texts are the same (``2026.1`` and ``2026.1.0`` are two, as in
  ``sla serve``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple, NoReturn

from ..errors import InputError, place
from ..i18n import format_date, message
from ..lang import compile as _lang
from ..lang import model as m
from ..lang.compile import Compiled
from ..lang.diagnostics import (
    Both,
    Diagnostic,
    PolicyError,
    Severity,
    Words,
    diagnostic,
    policy_language,
    words,
)
from ..lang.source import read_policy_stdin_digest
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
    text, diags, digest = read_policy_stdin_digest(file)
    if text is None:
        return Compiled("", file, None, diags)
    compiled = compile_text(text, file)
    compiled.sha256 = digest  # (of the bytes read, as of a file)
    return compiled


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
    path = compiled.file if compiled.file != "<policy>" else None
    policy = Policy(compiled.model, path=path, sha256=compiled.sha256, source=compiled.source)
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
    name order, its hidden files left out; one with none is refused, in ``lang``), each file once: one
    named again (by another name, or as a file of a directory given too) is read where it came first."""
    files: list[Path] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        found = directory_policies(p, raw, lang) if p.is_dir() else [p]
        for f in found:
            if (key := same_file_key(f)) not in seen:
                seen.add(key)
                files.append(f)
    return files


def directory_policies(folder: Path, raw: str, lang: str | None = None) -> list[Path]:
    """The ``*.sla`` files of a directory in name order, without its hidden files (a name that starts
    with ``.``, such as the ``._a.sla`` macOS leaves beside ``a.sla`` on a shared drive); one with none
    is refused, in ``lang`` (``raw``: the directory as given)."""
    found = sorted(f for f in folder.glob("*.sla") if not f.name.startswith("."))
    if not found:
        said = lang or "en"  # no policy to take a language from
        raise InputError(message("author.load.no_policy_file", said, path=raw, ext=".sla"), lang=said)
    return found


def same_file_key(path: str | Path) -> str:
    """What names one file however it is written: its absolute path, links resolved."""
    return os.path.normcase(os.path.realpath(path))


def load_policies(paths: list[str], lang: str | None = None) -> list[Policy]:
    """Every policy version named by files or directories of ``*.sla`` files (refusals in ``lang``)."""
    files = policy_files(paths, lang)
    policies = [load_policy(f) for f in files]  # (a Path: never read as the text of a policy)
    check_versions(policies, lang, [str(f) for f in files])
    return policies


def check_versions(policies: Sequence[Policy], lang: str | None = None, names: Sequence[str] | None = None) -> None:
    """Refuse versions that cannot be judged together: two that take effect the same day (which
    one is in force would depend on their order), a version of another policy (another ``sla``
    name than the earliest's), two with one ``version`` (a report names the version that judged
    each item, and could not tell them apart) and one whose time zone is not the earliest's.

    ``names``: where each came from (default: its file, else ``<policy>``); refusals in ``lang``,
    else in the primary language of the version refused."""
    where = list(names) if names is not None else [p.path or "<policy>" for p in policies]
    seen: dict[dt.date, tuple[str, Policy]] = {}
    for f, pol in zip(where, policies, strict=True):
        if pol.effective in seen:
            # refused at the version numbered after the other (its help: the line to write), whichever order
            # the files came in; else at the later one in the list
            at, refused, other, earlier = f, pol, *seen[pol.effective]
            mine_order, other_order = version_order(pol.version), version_order(earlier.version)
            if mine_order is not None and other_order is not None and other_order > mine_order:
                at, refused, other, earlier = other, earlier, f, pol
            text = words(
                "diag.E304",
                version=refused.version,
                effective=_date(pol.effective),
                other=words("author.load.version_of", path=_file_of(other, earlier), version=earlier.version),
            )
            help_words = e304_help(refused.version, earlier.version, pol.effective)
            _refuse("E304", _statement_line(at, refused, "effective"), text, help_words, lang, refused)
        seen[pol.effective] = (f, pol)
    ordered = sorted(zip(where, policies, strict=True), key=lambda fp: fp[1].effective)
    first_name, first = ordered[0] if ordered else ("", None)
    for f, pol in ordered[1:]:
        assert first is not None
        if pol.name == first.name:
            continue
        text = words(
            "diag.E307",
            version=pol.version,
            name=pol.name,
            first=first.name,
            other=words("author.load.version_of", path=_file_of(first_name, first), version=first.version),
        )
        _refuse("E307", _header_line(f, pol), text, words("diag.E307.help", first=first.name), lang, pol)
    by_version: dict[str, tuple[str, Policy]] = {}
    for f, pol in ordered:
        if pol.version not in by_version:
            by_version[pol.version] = (f, pol)
            continue
        other, earlier = by_version[pol.version]
        text = words(
            "diag.E306",
            version=pol.version,
            effective=_date(pol.effective),
            other=_file_of(other, earlier),
            other_effective=_date(earlier.effective),
        )
        latest = pol is ordered[-1][1]
        help_words = _e306_help([p.version for _, p in ordered] if latest else [])
        _refuse("E306", _statement_line(f, pol, "version"), text, help_words, lang, pol)
    for f, pol in ordered[1:]:
        assert first is not None
        zone, earlier_zone = pol.model.header.timezone, first.model.header.timezone
        if zone == earlier_zone:
            continue
        text = words(
            "diag.E305",
            version=pol.version,
            zone=zone,
            first=earlier_zone,
            other=words("author.load.version_of", path=_file_of(first_name, first), version=first.version),
        )
        _refuse("E305", _timezone_line(f, pol), text, words("diag.E305.help", zone=earlier_zone), lang, pol)


def _file_of(name: str, pol: Policy) -> str:
    """``name``, where a refused version's other came from, as :func:`_quoted` names it: its file in backticks
    (```m1/a.sla```), so that no word of a sentence runs into it; a version named otherwise (``sla serve``'s
    versions in use, in words; ``<request>``) as it is named."""
    return f"`{name}`" if pol.path is not None and name == pol.path else name


def _refuse(code: str, where: str, text: Words, help_text: Words, lang: str | None, pol: Policy) -> NoReturn:
    """A refusal of :func:`check_versions`: ``where`` (``file:line:column``), its code, the words ``sla check``
    says it in and its ``help:`` line, in ``lang``, else in the primary language of the version ``pol`` refused."""
    said = lang or policy_language(pol.model)
    head = message("author.load.refused", said, path=where, code=code, text=text.text(said))
    raise InputError(f"{head}\n{message('diag.word.help', said)}: {help_text.text(said)}", lang=said)


def _timezone_line(name: str, pol: Policy) -> str:
    """``file:line:column`` of the version's ``timezone`` line (the name alone without a place)."""
    return _at(name, pol.model.header.timezone_span)


def _header_line(name: str, pol: Policy) -> str:
    """``file:line:column`` of the version's ``sla "name"`` line (the name alone without a place)."""
    return _at(name, pol.model.header.span)


def _statement_line(name: str, pol: Policy, keyword: str) -> str:
    """``file:line:column`` of the version's ``keyword`` line (``version``, ``effective``) in the text it was
    compiled from, never its file read again: edited since, it may hold another line there (the name alone
    for a policy not read from a file, or a model not compiled from a text)."""
    if pol.path is None:
        return name
    header = pol.model.header
    return _at(name, header.version_span if keyword == "version" else header.effective_span)


def _at(name: str, span: m.Span) -> str:
    """``file:line:column`` of ``span`` (``name`` alone for no span)."""
    return name if span == m.NO_SPAN else place(name, span.line, span.column)


def statement_span(source: str, header: m.Header, keyword: str) -> m.Span | None:
    """Where the header statement ``keyword "..."`` or ``keyword 2026-04-01`` stands in ``source`` (``sla
    "name"``, ``version "2026.1"``, ``effective 2026-04-01``): the keyword and its text or date, looked for in
    the lines of ``header``'s span, outside texts and comments; ``None`` when it is not found there (the model
    keeps the span of the header, not of each of its lines)."""
    if header.span == m.NO_SPAN:
        return None
    lines = source.split("\n")
    for number in range(header.span.line, min(header.span.end_line, len(lines)) + 1):
        line = lines[number - 1]
        i = header.span.column - 1 if number == header.span.line else 0
        while i < len(line):
            ch = line[i]
            if ch == "#":
                break
            if ch == '"':
                i = _after_text(line, i)
                continue
            found = _STATEMENT.match(line, i)
            if found and found["keyword"] == keyword and (i == 0 or not _WORD.match(line[i - 1])):
                return m.Span(line=number, column=i + 1, end_line=number, end_column=found.end() + 1)
            i += 1
    return None


#: A header statement with a text or a date: its keyword, then the text (``version "2026.1"``) or the date
#: (``effective 2026-04-01``).
_STATEMENT = re.compile(r'(?P<keyword>[A-Za-z_]+)[ \t]+(?:"(?:[^"\\]|\\.)*"|[0-9]{4}-[0-9]{2}-[0-9]{2}\b)')
_WORD = re.compile(r"[A-Za-z0-9_]")


def _after_text(line: str, i: int) -> int:
    """The index after the text that opens with the quote at ``i`` (the line's end, if it is not closed)."""
    j = i + 1
    while j < len(line):
        if line[j] == "\\":
            j += 2
        elif line[j] == '"':
            return j + 1
        else:
            j += 1
    return len(line)


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


def shadowed(policies: Sequence[Policy]) -> list[tuple[Policy, Policy]]:
    """Each version numbered after another that takes effect later (W307 of ``sla check``), with the first
    such version by date: the one that takes over on its date, so that the version with the higher number is
    never in force again. Versions not numbered have no order and are left out."""
    by_date = sorted(policies, key=lambda p: p.effective)
    found: list[tuple[Policy, Policy]] = []
    for pol in by_date:
        order = version_order(pol.version)
        if order is None:
            continue
        lower = [
            o
            for o in by_date
            if (numbered := version_order(o.version)) is not None and numbered < order and o.effective > pol.effective
        ]
        if lower:
            found.append((pol, lower[0]))
    return found


def next_version(versions: Sequence[str]) -> str | None:
    """A version numbered after every one of ``versions``: the highest numbered one with its last number plus
    one (``2026.1`` -> ``2026.2``, ``2026.9`` -> ``2026.10``); None when none is numbered."""
    numbered = [v.strip() for v in versions if version_order(v) is not None]
    if not numbered:
        return None
    highest = max(numbered, key=lambda v: version_order(v) or ())
    *head, last = highest.split(".")
    return ".".join([*head, str(int(last) + 1)])


def e304_help(version: str, other: str, effective: dt.date) -> Words:
    """The help of E304 at ``version``, which takes effect on ``effective`` as ``other`` does: when it is
    numbered after ``other`` (the new one), the ``effective`` line to write, the day after; else the rule."""
    mine, theirs = version_order(version), version_order(other)
    if mine is None or theirs is None or mine <= theirs:
        return words("diag.E304.help")
    day = (effective + dt.timedelta(days=1)).isoformat()
    return words("diag.E304.help.next", version=version, day=day)


def _e306_help(versions: Sequence[str]) -> Words:
    """The help of E306 at the latest version, which takes ``versions`` (all of them) into account: the
    ``version`` line to write, numbered after every one (:func:`next_version`); else (a version before
    others, or none numbered) the rule alone."""
    after = next_version(versions)
    if after is None:
        return words("diag.E306.help")
    return words("diag.E306.help.next", line=f'version "{after}"')


def compile_versions(paths: Sequence[str], lang: str | None = None) -> list[Compiled]:
    """Every policy that ``paths`` name, compiled, as ``sla check`` reads them: a file, a directory's
    ``*.sla`` files in name order without its hidden files (one without any is refused in ``lang``, as
    by ``sla evaluate``) or ``-`` (the standard input), each file once (:func:`policy_files`); each with
    the findings about them as versions of one policy (:func:`version_findings`)."""
    out: list[Compiled] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            out.append(compile_stdin())
            continue
        folder = Path(raw).is_dir()
        for f in directory_policies(Path(raw), raw, lang) if folder else [raw]:
            if (key := same_file_key(f)) not in seen:
                seen.add(key)
                out.append(compile_path(f))
    return version_findings(out)


class VersionFinding(NamedTuple):
    """A finding about versions checked together (:func:`compare_versions`)."""

    #: the index of the version it is about (where ``sla check`` reports it)
    at: int
    #: the index of the other version it names
    other: int
    #: the finding, located in the version ``at``
    diagnostic: Diagnostic
    #: the same statement in the version ``other`` (its ``version``, ``effective``, ``sla`` or ``timezone`` line)
    other_span: m.Span


def version_findings(compiled: Sequence[Compiled]) -> list[Compiled]:
    """``compiled`` with the findings about them as versions of one policy added to the versions they are
    about (:func:`compare_versions`). Policies with errors are left out of the comparison; the others are
    new :class:`Compiled` values when they gain a finding (a compiled file may be shared by a cache)."""
    found: dict[int, list[Diagnostic]] = {}
    for finding in compare_versions(compiled):
        found.setdefault(finding.at, []).append(finding.diagnostic)
    out = list(compiled)
    for i, extra in found.items():
        c = out[i]
        diags = [*c.diagnostics, *(d.model_copy(update={"file": c.file}) for d in extra)]
        diags.sort(key=lambda d: (d.span.line, d.span.column, d.severity is Severity.WARNING))
        out[i] = Compiled(c.source, c.file, c.model, diags, c.omitted, c.unchecked, c.spots)
    return out


def compare_versions(compiled: Sequence[Compiled]) -> list[VersionFinding]:
    """The findings about ``compiled`` as versions of one policy, each with the version it is about and
    the one it names: E304 (the same effective date as an earlier one in the list), E307 (another ``sla``
    name than the earliest version's), E306 (the ``version`` of a version that takes effect earlier) and
    E305 (another time zone than the earliest version's), as :func:`check_versions` refuses them, and W307
    (numbered after a version that takes effect later). Policies with errors are left out."""
    found: list[VersionFinding] = []
    valid = [(i, c) for i, c in enumerate(compiled) if c.model is not None and not c.errors]
    if len(valid) < 2:
        return found
    seen: dict[dt.date, int] = {}
    for i, c in valid:
        assert c.model is not None
        header = c.model.header
        if header.effective in seen:
            # at the version numbered after the other (where its help says the line to write), whichever
            # order the files came in; else at the later one in the list
            at, j = (
                (seen[header.effective], i)
                if _numbered_after(seen[header.effective], i, compiled)
                else (i, seen[header.effective])
            )
            mine, other = compiled[at], compiled[j]
            version = _header(mine).version
            found.append(
                VersionFinding(
                    at,
                    j,
                    diagnostic(
                        "E304",
                        words(
                            "diag.E304",
                            version=version,
                            effective=_date(header.effective),
                            other=words("author.load.version_of", path=_quoted(other), version=_header(other).version),
                        ),
                        _effective_line(mine),
                        help=e304_help(version, _header(other).version, header.effective),
                    ),
                    _effective_line(other),
                )
            )
        else:
            seen[header.effective] = i
    by_date = sorted(valid, key=lambda ic: _header(ic[1]).effective)
    f, first = by_date[0]
    for i, c in by_date[1:]:
        header, earliest = _header(c), _header(first)
        if header.name != earliest.name:
            found.append(
                VersionFinding(
                    i,
                    f,
                    diagnostic(
                        "E307",
                        words(
                            "diag.E307",
                            version=header.version,
                            name=header.name,
                            first=earliest.name,
                            other=words("author.load.version_of", path=_quoted(first), version=earliest.version),
                        ),
                        _name_line(c),
                        help=words("diag.E307.help", first=earliest.name),
                    ),
                    _name_line(first),
                )
            )
        if header.timezone != earliest.timezone:
            found.append(
                VersionFinding(
                    i,
                    f,
                    diagnostic(
                        "E305",
                        words(
                            "diag.E305",
                            version=header.version,
                            zone=header.timezone,
                            first=earliest.timezone,
                            other=words("author.load.version_of", path=_quoted(first), version=earliest.version),
                        ),
                        _zone_line(c),
                        help=words("diag.E305.help", zone=earliest.timezone),
                    ),
                    _zone_line(first),
                )
            )
    by_version: dict[str, int] = {}
    for i, c in by_date:
        header = _header(c)
        if header.version not in by_version:
            by_version[header.version] = i
            continue
        j = by_version[header.version]
        earlier = compiled[j]
        found.append(
            VersionFinding(
                i,
                j,
                diagnostic(
                    "E306",
                    words(
                        "diag.E306",
                        version=header.version,
                        effective=_date(header.effective),
                        other=_quoted(earlier),
                        other_effective=_date(_header(earlier).effective),
                    ),
                    _version_statement(c),
                    help=_e306_help([_header(o).version for _, o in by_date] if c is by_date[-1][1] else []),
                ),
                _version_statement(earlier),
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
            (j, o)
            for j, o in by_date
            if (numbered := version_order(_header(o).version)) is not None
            and numbered < order
            and _header(o).effective > header.effective
        ]
        if not lower:
            continue
        j, o = lower[0]
        until = next(d for d in dates if d > header.effective) - dt.timedelta(days=1)
        found.append(
            VersionFinding(
                i,
                j,
                diagnostic(
                    "W307",
                    words(
                        "diag.W307",
                        version=header.version,
                        effective=_date(header.effective),
                        other=words("author.load.version_of", path=_quoted(o), version=_header(o).version),
                        other_effective=_date(_header(o).effective),
                        last=_date(until),
                    ),
                    _effective_line(c),
                    help=words(
                        "diag.W307.help",
                        version=header.version,
                        other_version=_header(o).version,
                        day=(_header(o).effective + dt.timedelta(days=1)).isoformat(),
                    ),
                    severity=Severity.WARNING,
                ),
                _effective_line(o),
            )
        )
    return found


def successor_findings(old: Compiled, new: Compiled) -> list[Diagnostic]:
    """What a comparison of ``old`` with ``new`` (``sla diff OLD NEW``, policies without errors) warns of,
    each in the file it is about: ``new`` taking effect before ``old`` (W308, at its ``effective`` line: it
    does not follow it), and every refusal the two would get as versions of one policy
    (:func:`compare_versions`: E304-E307, as warnings, since two files of any kind may be compared)."""
    found: list[Diagnostic] = []
    header, earlier = _header(new), _header(old)
    if header.effective < earlier.effective:
        text = words(
            "diag.W308",
            version=header.version,
            effective=_date(header.effective),
            other=words("author.load.version_of", path=_quoted(old), version=earlier.version),
            other_effective=_date(earlier.effective),
        )
        at = _effective_line(new)
        found.append(diagnostic("W308", text, at, words("diag.W308.help"), Severity.WARNING, new.file))
    for finding in compare_versions([old, new]):
        d = finding.diagnostic
        if d.is_error:
            file = (old, new)[finding.at].file
            found.append(d.model_copy(update={"severity": Severity.WARNING, "file": file}))
    return found


def _numbered_after(i: int, j: int, compiled: Sequence[Compiled]) -> bool:
    """Whether the version at ``i`` is numbered after the one at ``j`` (both numbered)."""
    mine, theirs = version_order(_header(compiled[i]).version), version_order(_header(compiled[j]).version)
    return mine is not None and theirs is not None and mine > theirs


def _quoted(c: Compiled) -> str:
    """The file of ``c`` in its own quoting (```m1/a.sla```), so that no word of a sentence runs into it; a version
    given without its text (``sla serve``'s versions in use, named in words: ``使用中のポリシー``) as it is named."""
    return f"`{c.file}`" if c.source else c.file


def _header(c: Compiled) -> m.Header:
    assert c.model is not None
    return c.model.header


def _date(d: dt.date) -> Both:
    """A date as the refusals of :func:`check_versions` write it: ``2026年4月1日(水)`` / ``2026-04-01``."""
    return Both(format_date(d, "ja"), d.isoformat())


def _version_statement(c: Compiled) -> m.Span:
    """The span of the version's ``version "..."`` statement (its header's first line, if it was not
    found)."""
    header = _header(c)
    return statement_span(c.source, header, "version") or _first_line(header.span)


def _name_line(c: Compiled) -> m.Span:
    """The span of the version's ``sla "name"`` (its header's first line, if it was not found)."""
    header = _header(c)
    return statement_span(c.source, header, "sla") or _first_line(header.span)


def _first_line(span: m.Span) -> m.Span:
    """``span`` cut to its first line (a caret under one line, not a whole block)."""
    if span.end_line == span.line:
        return span
    return m.Span(line=span.line, column=span.column, end_line=span.line, end_column=span.column + 1)


def _zone_line(c: Compiled) -> m.Span:
    """The span of the version's ``timezone`` line (its header's, if it was not found)."""
    header = _header(c)
    return header.timezone_span if header.timezone_span != m.NO_SPAN else header.span


def _effective_line(c: Compiled) -> m.Span:
    """The span of the version's ``effective`` line (its header's, if it was not found)."""
    header = _header(c)
    return c.spots.get(("header", header.span.line, header.span.column, "effective"), header.span)
