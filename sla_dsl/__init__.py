"""sla-dsl: service-level agreements as checkable policies.

The public surface is small: :func:`load_policy` compiles a ``.sla`` file (or
text) into a :class:`Policy`; :func:`evaluate` judges events against it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Mapping
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ._version import __version__
from .errors import InputError, NaiveDatetimeError, SlaError

if TYPE_CHECKING:
    from .evaluation import ArrowStream, LazyTable
    from .events.compact import EventLog
    from .events.problems import EventInputError
    from .lang.compile import Compiled
    from .lang.diagnostics import Diagnostic, PolicyError
    from .policy.compiled import Policy
    from .report import Report
    from .report.tables import report_tables


#: Names served on first use (PEP 562), so that ``import sla_dsl`` stays cheap
#: and the ``sla`` command can set itself up before the heavy imports. Hidden from
#: type checkers, which read the imports above: a name that is not one of the
#: package's (``sla_dsl.evalute``) is an error to them, as it is when run.
_LAZY = {
    "ArrowStream": ".evaluation",
    "Compiled": ".lang.compile",
    "Diagnostic": ".lang.diagnostics",
    "EventInputError": ".events.problems",
    "LazyTable": ".evaluation",
    "PolicyError": ".lang.diagnostics",
    "Policy": ".policy.compiled",
    "report_tables": ".report.tables",
}


if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        if name in _LAZY:
            value = getattr(importlib.import_module(_LAZY[name], __name__), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ArrowStream",
    "Compiled",
    "Diagnostic",
    "EventInputError",
    "InputError",
    "LazyTable",
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
    """Compile a policy; raise `PolicyError` listing every error if it has any. The path of an event log
    (named as one: ``events.jsonl``, ``logs.csv.gz``, ``logs.parquet``) is no policy: ``InputError``
    saying to give it to ``sla_dsl.evaluate``, as the commands that read policies refuse it."""
    from .cli.parsing import is_log_name
    from .policy.load import _looks_like_path
    from .policy.load import load_policy as _load

    if isinstance(path_or_text, PathLike) or (isinstance(path_or_text, str) and _looks_like_path(path_or_text)):
        path = str(path_or_text)
        if is_log_name(path):
            from .i18n import message
            from .report.escape import printable

            run = f"sla_dsl.evaluate(policy, {path!r}, start, end)"
            raise InputError(message("author.api.log_given", "en", path=printable(path), run=printable(run)))
    return _load(path_or_text)


def evaluate(
    policy: Policy | Iterable[Policy],
    events: Iterable[Any | Mapping[str, Any]] | EventLog | ArrowStream | LazyTable | str | PathLike[str],
    start: dt.datetime | dt.date | str,
    end: dt.datetime | dt.date | str,
    as_of: dt.datetime | dt.date | str | None = None,
    *,
    skip_invalid: bool = False,
) -> Report:
    """Judge ``events`` against ``policy`` (or several versions of it) over [start, end).

    ``start``, ``end``, ``as_of``: datetimes with a UTC offset, dates (00:00 in the policy's time
    zone), or the same as text (``"2026-11-01"``, ``"2026-11-01T00:00:00+09:00"``), as the command takes them.
    ``as_of``: the instant the report is as of (events dated after it are ignored: what could be known
    then); ``None`` is ``end``, as the command's ``--as-of`` defaults to ``--to``: a period not over yet is
    then judged as if nothing more happened before its end (a backup window still to come is missed, an open
    incident breached at its due time). Give the current time to judge a period that is still running.

    ``events``: event models or dicts (any iterable of them), a log read by ``sla_dsl.reader.read_events``,
    a ``pyarrow.Table``, pandas or polars DataFrame, polars LazyFrame or other Arrow stream of the columnar
    event schema (one row per event; a bad row is named by row and column), or the path of a log file, read
    as ``sla evaluate`` reads it (JSON Lines, CSV, Parquet, Arrow, a directory).

    ``skip_invalid``: leave every invalid event out, its line listed in ``report.input.skipped``, as
    ``sla evaluate --skip-invalid`` does (the policy's checks too: an unknown priority), instead of
    raising ``EventInputError`` with all of them.

    A log given is left as it was: it can be judged again, over another period or as of another time,
    or by two threads at once. ``as_of`` before ``start`` raises ``InputError``, as the command refuses
    it; a policy that is not a ``Policy`` or an iterable of them (a list, a generator), ``TypeError``.
    """
    from .evaluation import evaluate as _evaluate
    from .evaluation import named_lang
    from .i18n import message

    if isinstance(policy, (str, PathLike)):  # (in the language of the policy the path names: named_lang)
        said = message("author.api.policy_path.evaluate", named_lang(policy), path=repr(str(policy)))
        raise TypeError(said)
    # (any iterable of versions is read once, as a list: evaluation.policy_list)
    versions = cast("Policy | list[Policy]", policy)
    return _evaluate(versions, cast("Iterable[Any]", events), start, end, as_of, skip_invalid=skip_invalid)
