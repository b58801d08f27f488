"""Error types that reach the command line as a clean message and exit code 1.

Policy problems are :class:`~sla_dsl.lang.diagnostics.Diagnostic` lists wrapped in
:class:`PolicyError`; bad times, unknown priorities and bad event lines raise
:class:`InputError` (or a subclass) with a one-line, located message.
"""

from __future__ import annotations


class SlaError(Exception):
    """Base of every error the package raises on purpose."""


class InputError(SlaError, ValueError):
    """An input (time, priority, event line, argument value) is invalid."""


class NaiveDatetimeError(InputError):
    """A datetime without a UTC offset was given where an instant is needed."""
