"""Error types that reach the command line as a clean message and exit code 1 (2 for wrong usage).

Policy problems are :class:`~sla_dsl.lang.diagnostics.Diagnostic` lists wrapped in
:class:`PolicyError`; bad times, unknown priorities and bad event lines raise
:class:`InputError` (or a subclass) with a one-line, located message. The same
error about the value of a command's flag (``--from garbage``, ``--priority P9``)
is wrong usage, not invalid input: the command turns it into :class:`UsageError`
(:func:`flag_values`), which exits 2 as the contract says.

Every error of the package pickles, so that one raised in a worker process (``ProcessPoolExecutor``,
``multiprocessing``, Dask, Spark) reaches the caller as itself: it is rebuilt with its arguments and
attributes as they were (:func:`_unpickled`), not by calling its ``__init__`` again with its text, which
an error built from diagnostics or catalogue words refuses (a ``PolicyError``'s text is no list of
diagnostics: the pool broke, and every task pending with it). An error rebuilt from its words instead
(:class:`~sla_dsl.lang.diagnostics.WordedInputError`, ``EventInputError``) says so itself.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any


class PicklesAsIs(Exception):
    """An exception that pickles as it is: rebuilt from its arguments and attributes, its ``__init__`` (which
    may want other arguments, or word its message again) not run again. Every error of the package is one, the
    internal ones too (a worker of a process pool sends what it raised back to its parent)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpickled, (type(self), self.args), self.__dict__ or None


def _unpickled(cls: type[PicklesAsIs], args: tuple[object, ...]) -> PicklesAsIs:
    """An error unpickled: ``cls`` with the arguments it was made with (its attributes are set after)."""
    exc = cls.__new__(cls)
    exc.args = args
    return exc


class SlaError(PicklesAsIs):
    """Base of every error the package raises on purpose."""

    #: the language its message is written in, when it was chosen for a policy (``sla``'s main then
    #: writes the ``error`` before it in that language too); ``None``: English
    lang: str | None = None
    #: its text is already one or more located frames (``file:LINE: error: [E1xx] ...``, the form of
    #: ``sla check``'s diagnostics): ``sla``'s main prints it as it is, not after a ``sla: error:`` of its own
    framed: bool = False


class InputError(SlaError, ValueError):
    """An input (time, priority, event line, argument value) is invalid."""

    def __init__(self, *args: object, lang: str | None = None, framed: bool = False) -> None:
        super().__init__(*args)
        if lang is not None:
            self.lang = lang
        if framed:
            self.framed = True


class NaiveDatetimeError(InputError):
    """A datetime without a UTC offset was given where an instant is needed."""


class UsageError(InputError):
    """A command was called wrongly: a flag's value is invalid, or flags do not go together (exit 2)."""


@contextlib.contextmanager
def flag_values() -> Iterator[None]:
    """Read a command's flag values: an :class:`InputError` raised inside is the caller's wrong usage
    (:class:`UsageError`, exit 2), not an invalid policy or log (exit 1), with the same message."""
    try:
        yield
    except UsageError:
        raise
    except InputError as exc:
        raise UsageError(*exc.args, lang=exc.lang) from None


def place(file: str, line: int = 0, column: int = 0) -> str:
    """Where a located message is: ``file:line:column``, ``file:line`` without a column, the file alone
    without a line (a file that was never read: not there, a directory, one the system will not open).
    The one form of every located frame (``FILE:3:7: error: [E207] ...``), whoever builds it."""
    if not line:
        return file
    return f"{file}:{line}:{column}" if column else f"{file}:{line}"


# ---- text from the input, shown in a message --------------------------------------------------
# (the rule is :mod:`sla_dsl.report.escape`'s: a value from a log never writes a control character,
# a line of its own or a reversed run of text where a person reads it; nor an invisible character,
# which would make two different ids (``INC-A``, ``INC-A`` and a zero-width space) read alike. A
# backslash is left as it is: messages quote paths, and a Windows path must read as one.)

_CONTROL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]"
)
_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    short = _SHORT.get(ch)
    if short is not None:
        return short
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character shown as its escape (``\\x1b``, ``\\r``, ``\\u202e``), and every
    invisible one (a zero-width space ``\\u200b``, a byte-order mark ``\\ufeff``)."""
    if text.isprintable():
        return text
    return _CONTROL.sub(_escape, text)
