"""What the later stages ask of the language stage while they run, without its parser.

Design notes
------------
* The evaluator, the event readers and the compiled policy need a few names
  of the language (which event types a policy may declare, what a name is,
  the declared types with their zone, a policy's languages, an elapsed duration as a timedelta).
  They live here, apart from :mod:`.values`, :mod:`.event_types` and
  :mod:`.check`, which import the parser (lark): a policy read back from the
  cache (:mod:`.compiled_cache`) is judged without loading it. Those modules
  give the same names (imported from here).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from . import model as m

__all__ = [
    "CHECK_HORIZON_DAYS",
    "EXTENDABLE",
    "UNDECLARED",
    "Declared",
    "as_timedelta",
    "declarable",
    "grammar_text",
    "is_name",
    "policy_languages",
]

#: The languages of a policy that declares none: English first, as before ``languages`` existed.
UNDECLARED = ("en", "ja")

#: How many days after the effective date the computed checks look at.
CHECK_HORIZON_DAYS = 400

#: A name of the language: the grammar's ``NAME`` (a declaration's, an attribute's, a value's).
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

#: The families whose event types a policy may declare (:mod:`.event_types`).
EXTENDABLE: tuple[str, ...] = ("incident",)
_EVENT_NAME = re.compile(r"[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*")


def is_name(word: str) -> bool:
    """Whether ``word`` can be written as a name in a policy (``plan``, ``Plan_Name``; not ``Plan Name``)."""
    return _NAME.fullmatch(word) is not None


def declarable(name: str) -> bool:
    """Whether a policy may declare an event type of this name (``incident.<word>``, not a contract one)."""
    return _EVENT_NAME.fullmatch(name) is not None and name.split(".")[0] in EXTENDABLE and name not in m.EVENT_TYPES


def policy_languages(header: m.Header) -> tuple[str, ...]:
    """The policy's languages, primary first (:data:`UNDECLARED` when it declares none)."""
    return header.languages or UNDECLARED


def as_timedelta(d: m.Duration) -> dt.timedelta:
    """An elapsed duration as a timedelta (a month as 28 days, its shortest).

    Only ``d``'s own unit is converted, as whole seconds: building every unit's
    timedelta for the amount overflowed ``timedelta`` (``200000000 weeks``) for a
    number of seconds or minutes well within the documented maximum.
    """
    seconds_per = 28 * 86400 if d.unit is m.TimeUnit.MONTH else m.UNIT_SECONDS[d.unit]
    return dt.timedelta(seconds=d.amount * seconds_per)


class Declared(frozenset[str]):
    """The event types the policies a log is read for declare, the ``declared`` set every reader takes
    (:func:`sla_dsl.policy.declared_types`), with the zone of those policies' clock (:attr:`zone`): a line
    refused for a time without an offset (E105) is shown that time with the offset it has there
    (:func:`sla_dsl.events.validate.offset_help`). Only the words of a refused line read the zone; a reader
    asks it what it asks any set. Any other set, or one of policies of several zones, has none."""

    zone: dt.tzinfo | None = None

    @classmethod
    def of(cls, names: Iterable[str], zone: dt.tzinfo | None) -> Declared:
        """The types ``names``, of policies whose clock is ``zone``."""
        out = cls(names)
        out.zone = zone
        return out


def grammar_text() -> str:
    """The language's grammar (``grammars/sla.lark``): from the installed package, else beside it (an
    editable install, which reads the repository's ``grammars``)."""
    try:
        return resources.files("sla_dsl.grammars").joinpath("sla.lark").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        here = Path(__file__).resolve().parent.parent / "grammars" / "sla.lark"
        return here.read_text("utf-8")
