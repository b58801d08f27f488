"""sla-dsl: service-level agreements as checkable policies.

The public surface is small: :func:`load_policy` compiles a ``.sla`` file (or
text) into a :class:`Policy`; :func:`evaluate` judges events against it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .errors import InputError, NaiveDatetimeError, SlaError

if TYPE_CHECKING:
    from .events.compact import EventLog
    from .events.problems import EventInputError
    from .lang.compile import Compiled
    from .lang.diagnostics import Diagnostic, PolicyError
    from .policy.compiled import Policy
    from .report import Report
    from .report.tables import report_tables

#: Names served on first use (PEP 562), so that ``import sla_dsl`` stays cheap
#: and the ``sla`` command can set itself up before the heavy imports.
_LAZY = {
    "Compiled": ".lang.compile",
    "Diagnostic": ".lang.diagnostics",
    "EventInputError": ".events.problems",
    "PolicyError": ".lang.diagnostics",
    "Policy": ".policy.compiled",
    "report_tables": ".report.tables",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Compiled",
    "Diagnostic",
    "EventInputError",
    "InputError",
    "NaiveDatetimeError",
    "Policy",
    "PolicyError",
    "SlaError",
    "__version__",
    "compile_policy",
    "evaluate",
    "load_policy",
    "report_tables",
]


def compile_policy(path_or_text: str | Path) -> Compiled:
    """Compile a policy file or text, returning the model and all diagnostics (never raises for bad
    input; another type than a path or text is a TypeError naming it)."""
    from .policy.load import compile_policy as _compile

    return _compile(path_or_text)


def load_policy(path_or_text: str | Path) -> Policy:
    """Compile a policy; raise `PolicyError` listing every error if it has any."""
    from .policy.load import load_policy as _load

    return _load(path_or_text)


def evaluate(
    policy: Policy | Sequence[Policy],
    events: Iterable[Any | Mapping[str, Any]] | EventLog | str | PathLike[str],
    start: dt.datetime | dt.date | str,
    end: dt.datetime | dt.date | str,
    as_of: dt.datetime | dt.date | str | None = None,
    *,
    skip_invalid: bool = False,
) -> Report:
    """Judge ``events`` against ``policy`` (or several versions of it) over [start, end).

    ``start``, ``end``, ``as_of``: datetimes with a UTC offset, dates (00:00 in the policy's time
    zone), or the same as text (``"2026-11-01"``, ``"2026-11-01T00:00:00+09:00"``), as the command takes them.

    ``events``: event models or dicts, a log read by ``sla_dsl.reader.read_events``, a
    ``pyarrow.Table``, pandas or polars DataFrame of the columnar event schema (one row per event; a bad
    row is named by row and column), or the path of a log file, read as ``sla evaluate`` reads it (JSON
    Lines, CSV, Parquet, Arrow, a directory).

    ``skip_invalid``: leave every invalid event out, its line listed in ``report.input.skipped``, as
    ``sla evaluate --skip-invalid`` does (the policy's checks too: an unknown priority), instead of
    raising ``EventInputError`` with all of them.

    A log given is left as it was: it can be judged again, over another period or as of another time,
    or by two threads at once. ``as_of`` before ``start`` raises ``InputError``, as the command refuses
    it; a policy that is not a ``Policy`` or a sequence of them, ``TypeError``.
    """
    from .evaluation import evaluate as _evaluate

    if isinstance(policy, (str, PathLike)):  # (a path would fail deep inside as "not iterable")
        raise TypeError(f"evaluate() takes a Policy, not a path: load it with sla_dsl.load_policy({str(policy)!r})")
    return _evaluate(policy, events, start, end, as_of, skip_invalid=skip_invalid)
