"""Which version of a policy answers a question asked at an instant, for the tools that answer one.

Design notes
------------
* ``sla deadline``, ``sla maintenance``, ``sla calendar`` (:mod:`sla_dsl.cli.times`) and ``sla test``
  (:mod:`sla_dsl.authoring.policytest`) answer each question by the version in force at its instant, as
  the evaluator chooses it (:meth:`.common.Versions.at`: the last to take effect by then, at 00:00 of its
  ``effective`` date in its zone; before them all, the earliest), and name the version used in the same
  words (``cli.versions.*``). :class:`VersionsInForce` is that one choice and its words, here, below
  both the authoring tools and the command line, so that both import it.
* Several versions are refused as ``sla evaluate`` refuses versions that cannot be judged together
  (:class:`.common.Versions`, built only for several: one policy is in force throughout).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..i18n import format_date, message

if TYPE_CHECKING:
    from ..calendars.recurrence import Window
    from ..policy.compiled import Policy
    from .common import Versions

__all__ = ["VersionsInForce", "effective_start", "shadowed_notes"]


class VersionsInForce:
    """The versions of a policy a tool was given, and which one is in force at an instant (the evaluator's
    choice), with the note naming it in the tool's language."""

    def __init__(self, policies: Sequence[Policy]) -> None:
        self.policies = list(policies)
        self.earliest = min(self.policies, key=lambda p: p.effective)
        self.several = len(self.policies) > 1
        self._versions: Versions | None = None
        if self.several:  # (refuses versions not judged together)
            from .common import Versions

            self._versions = Versions(self.policies)

    def at(self, t: dt.datetime) -> Policy:
        """The version in force at ``t``."""
        if self._versions is None:
            return self.policies[0]
        policy: Policy = self._versions.at(t.timestamp()).policy
        return policy

    def note(self, policy: Policy, t: dt.datetime, lang: str) -> str | None:
        """What an answer from ``policy`` at ``t`` says of it in ``lang``: the version, when several were
        given, or that none is in force yet (``t`` before the earliest's date); ``None`` for one policy in
        force."""
        early = t.timestamp() < effective_start(policy).timestamp()  # (instants, as the evaluator compares)
        if not self.several and not early:
            return None
        key = "cli.versions.none_yet" if early else "cli.versions.judged"
        return message(key, lang, version=policy.version, effective=_date(policy.effective, lang))

    def shadowed(
        self,
        lang: str,
        start: dt.datetime | None = None,
        end: dt.datetime | None = None,
        used: Iterable[Policy] = (),
    ) -> list[str]:
        """The notes of versions numbered after another that takes effect later (:func:`shadowed_notes`): of
        every such version when no question is given (``start`` ``None``: ``sla test``, many questions);
        else of those the question reaches, the instant ``start`` (or the range ``[start, end)``) at or
        after 00:00 of the higher-numbered version's date, from when the fault decides which version answers
        (before it, neither is in force), or an answer from that version (``used``: the earliest, before
        every date)."""
        if not self.several:
            return []
        if start is None:
            return shadowed_notes(self.policies, lang)
        answered = list(used)

        def reached(high: Policy) -> bool:
            begins = effective_start(high).timestamp()
            last = end.timestamp() > begins if end is not None else start.timestamp() >= begins
            return last or any(p is high for p in answered)

        return shadowed_notes(self.policies, lang, reached)

    def windows(self, start: dt.datetime | dt.date, end: dt.datetime | dt.date) -> list[tuple[Window, Policy]]:
        """Every regular-maintenance window starting in ``[start, end)``, each from the version in force at
        its start (as the evaluator keeps a version's windows), in time order; of one policy, in the order
        it gives them."""
        if self._versions is None:
            policy = self.policies[0]
            return [(w, policy) for w in policy.maintenance_windows(start, end)]
        out = [
            (w, policy)
            for policy in sorted(self.policies, key=lambda p: p.effective)
            for w in policy.maintenance_windows(start, end)
            if self.at(w.start) is policy
        ]
        out.sort(key=lambda wp: (wp[0].start.timestamp(), wp[0].end.timestamp()))
        return out

    def lacks(
        self, policy: Policy, priority: str, given: dict[str, str], lang: str, flag: str
    ) -> list[tuple[str, str | None]]:
        """What ``policy``, the version in force at the question's instant (given as ``flag``), lacks of
        priority ``priority`` and the attributes ``given`` (name to value), in ``lang``: each as what it
        lacks (``cli.version.*``) and the help naming the first later version that has it, from its date
        (``None`` when no later version has it); nothing when it lacks nothing."""
        fields = {"version": policy.version, "effective": _date(policy.effective, lang), "flag": flag}
        out: list[tuple[str, str | None]] = []
        if not policy.model.rules_of(priority):
            known = message("author.sep.list", lang).join(dict.fromkeys(p.id for p in policy.model.priorities))
            told = message("cli.version.unknown_priority", lang, name=priority, known=known, **fields)
            later = self._later(policy, priority, kind="priority")
            out.append((told, self._from(later, "cli.version.priority_from", lang, name=priority)))
        declared = {a.name: a.values for a in policy.model.attributes}
        for name, value in given.items():
            if name not in declared:
                told = message("cli.version.unknown_attribute", lang, name=name, **fields)
                later = self._later(policy, name)
                out.append((told, self._from(later, "cli.version.attribute_from", lang, name=name)))
            elif value not in declared[name]:
                told = message("cli.version.no_value", lang, name=name, value=value, **fields)
                later = self._later(policy, name, value)
                out.append((told, self._from(later, "cli.version.value_from", lang, name=name, value=value)))
        return out

    def _later(self, policy: Policy, name: str, value: str | None = None, kind: str = "attribute") -> Policy | None:
        """The first version after ``policy``, by date, that defines priority ``name`` (``kind``
        ``priority``) or declares attribute ``name`` (with ``value``, when given)."""

        def has(p: Policy) -> bool:
            if kind == "priority":
                return bool(p.model.rules_of(name))
            return any(a.name == name and (value is None or value in a.values) for a in p.model.attributes)

        later = sorted((p for p in self.policies if p.effective > policy.effective), key=lambda p: p.effective)
        return next((p for p in later if has(p)), None)

    @staticmethod
    def _from(later: Policy | None, key: str, lang: str, **fields: str) -> str | None:
        """The help naming ``later`` and its date (``None`` without one)."""
        if later is None:
            return None
        return message(key, lang, version=later.version, effective=_date(later.effective, lang), **fields)


def effective_start(policy: Policy) -> dt.datetime:
    """When ``policy`` takes effect: 00:00 of its ``effective`` date in its zone (the evaluator's)."""
    eff = policy.effective
    return dt.datetime(eff.year, eff.month, eff.day, tzinfo=policy.tz)


def shadowed_notes(policies: Sequence[Policy], lang: str, keep: Callable[[Policy], bool] | None = None) -> list[str]:
    """What a command judging ``policies`` says of each version numbered after another that takes effect later
    (W307 of ``sla check``, :func:`~sla_dsl.policy.load.shadowed`), in ``lang``: from the other's date on,
    everything is judged under the other, and the version with the higher number never applies again. Said,
    never refused (the judging is the documented one), as a note (``cli.versions.shadowed``); of the versions
    with the higher number that ``keep`` keeps, when given."""
    from ..policy.load import shadowed

    return [
        message(
            "cli.versions.shadowed",
            lang,
            version=high.version,
            effective=_date(high.effective, lang),
            other=low.version,
            other_effective=_date(low.effective, lang),
        )
        for high, low in shadowed(policies)
        if keep is None or keep(high)
    ]


def _date(day: dt.date, lang: str) -> str:
    return format_date(day, "ja") if lang == "ja" else day.isoformat()
