"""Text or files to compiled policies: the language stage's compiler plus the checks on calendars.

Every caller that turns a policy text into diagnostics or a :class:`Policy`
(the API, ``sla check``, the language server, ``sla fmt``, ``sla diff``) comes
through here, so that all of them report the same diagnostics, the calendar-
computed ones (:mod:`.checks`) included.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import InputError
from ..lang import compile as _lang
from ..lang.compile import Compiled
from ..lang.diagnostics import PolicyError
from .checks import DEEP_CHECKS
from .compiled import Policy


def compile_text(text: str, file: str = "<policy>") -> Compiled:
    """Compile a policy text with every check; never raises for bad input."""
    return _lang.compile_text(text, file, DEEP_CHECKS)


def compile_path(path: str | Path) -> Compiled:
    """Read and compile a policy file with every check; never raises for bad input."""
    return _lang.compile_path(path, DEEP_CHECKS)


def compile_policy(path_or_text: str | Path) -> Compiled:
    """Compile a policy file or text, returning the model and all diagnostics (never raises)."""
    if isinstance(path_or_text, Path) or _looks_like_path(path_or_text):
        return compile_path(path_or_text)
    return compile_text(path_or_text)


def load_policy(path_or_text: str | Path) -> Policy:
    """Compile a policy; raise :class:`PolicyError` listing every error if it has any."""
    compiled = compile_policy(path_or_text)
    if compiled.model is None or compiled.errors:
        raise PolicyError(compiled.errors or compiled.diagnostics, compiled.source)
    policy = Policy(compiled.model, path=compiled.file if compiled.file != "<policy>" else None)
    policy.warnings = compiled.warnings
    return policy


def _looks_like_path(s: str) -> bool:
    if "\n" in s or "{" in s:
        return False
    return s.endswith(".sla") or Path(s).exists()


def load_policies(paths: list[str]) -> list[Policy]:
    """Every policy version named by files or directories of ``*.sla`` files."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(p.glob("*.sla"))
            if not found:
                raise InputError(f"{raw}: directory holds no .sla policy file")
            files.extend(found)
        else:
            files.append(p)
    policies = [load_policy(str(f)) for f in files]
    seen: dict[dt.date, str] = {}
    for f, pol in zip(files, policies, strict=True):
        if pol.effective in seen:
            raise InputError(
                f"{f}: version {pol.version} takes effect on {pol.effective}, the same day as {seen[pol.effective]}"
            )
        seen[pol.effective] = f"{f} (version {pol.version})"
    return policies
