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
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..i18n import message
from ..lang import compile as _lang
from ..lang import model as m
from ..lang.compile import Compiled
from ..lang.diagnostics import PolicyError, policy_language
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
    if "\n" in s or "{" in s:
        return False
    return s.endswith(".sla") or Path(s).exists()


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
