"""Error types that reach the command line as a clean message and exit code 1.

Policy problems are :class:`~sla_dsl.lang.diagnostics.Diagnostic` lists wrapped in
:class:`PolicyError`; bad times, unknown priorities and bad event lines raise
:class:`InputError` (or a subclass) with a one-line, located message.
"""

from __future__ import annotations


class SlaError(Exception):
    """Base of every error the package raises on purpose."""

    #: the language its message is written in, when it was chosen for a policy (``sla``'s main then
    #: writes the ``error`` before it in that language too); ``None``: English
    lang: str | None = None


class InputError(SlaError, ValueError):
    """An input (time, priority, event line, argument value) is invalid."""

    def __init__(self, *args: object, lang: str | None = None) -> None:
        super().__init__(*args)
        if lang is not None:
            self.lang = lang


class NaiveDatetimeError(InputError):
    """A datetime without a UTC offset was given where an instant is needed."""
