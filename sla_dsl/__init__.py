"""sla-dsl: service-level agreements as checkable policies.

The public surface is small: :func:`load_policy` compiles a ``.sla`` file (or
text) into a :class:`Policy`; :func:`evaluate` judges events against it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError, NaiveDatetimeError, SlaError

if TYPE_CHECKING:
    from .compile import Compiled
    from .diagnostics import Diagnostic, PolicyError
    from .policy import Policy
    from .report import Report

#: Names served on first use (PEP 562), so that ``import sla_dsl`` stays cheap
#: and the ``sla`` command can set itself up before the heavy imports.
_LAZY = {"Compiled": ".compile", "Diagnostic": ".diagnostics", "PolicyError": ".diagnostics", "Policy": ".policy"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "Compiled",
    "Diagnostic",
    "InputError",
    "NaiveDatetimeError",
    "Policy",
    "PolicyError",
    "SlaError",
    "__version__",
    "compile_policy",
    "evaluate",
    "load_policy",
]


def compile_policy(path_or_text: str | Path) -> Compiled:
    """Compile a policy file or text, returning the model and all diagnostics (never raises)."""
    from .compile import compile_path, compile_text

    if isinstance(path_or_text, Path) or _looks_like_path(path_or_text):
        return compile_path(path_or_text)
    return compile_text(path_or_text)


def load_policy(path_or_text: str | Path) -> Policy:
    """Compile a policy; raise :class:`PolicyError` listing every error if it has any."""
    from .diagnostics import PolicyError
    from .policy import Policy

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


def evaluate(
    policy: Policy | Sequence[Policy],
    events: Iterable[Any | Mapping[str, Any]],
    start: dt.datetime,
    end: dt.datetime,
    as_of: dt.datetime | None = None,
) -> Report:
    """Judge ``events`` against ``policy`` (or several versions of it) over [start, end)."""
    from .evaluation import evaluate as _evaluate

    return _evaluate(policy, events, start, end, as_of)
