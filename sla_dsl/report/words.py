"""Phrases built from the policy for the report and ``sla explain``: targets, durations, rule labels, articles.

Design notes
------------
* Every phrase comes from the message catalogue (:mod:`sla_dsl.i18n`) in the
  language asked for; names of rules (priorities, backup kinds, exclusions)
  come from the policy's own labels, never from their identifiers.
* A priority is named by its id and a label true of every rule of it
  (:func:`priority_label`): the label its rules share, else each of their labels
  once (``urgent 緊急（VIP）／緊急``), wherever a row counts the priority as a
  whole (the summary, the trend, the responses table, a violation of an
  incident whose rule is not known); a row of one incident names the rule that
  judged it when known (:meth:`PolicyWords.priority_of`, ``urgent 緊急（VIP）``).
  A row that counts incidents several versions judged names the priority by
  the labels of each of those versions, each once (:meth:`PolicyWords.priority_in`,
  ``P1 優先度１／優先度１（緊急）``), never by the version at ``from`` alone: a
  version that did not relabel it adds no label, so such a row reads as one
  version's. The appendix of articles names a rule the versions a report used
  label differently alike (:meth:`PolicyWords.rules_at`).
  A row read back from JSON does not say which rule judged it: the rule is
  the one whose response target gives the row's ``response_due`` from its
  ``clock_start`` when exactly one does (:func:`_rule_by_due`), else not known.
  The change notice names an item's priority alike (:mod:`sla_dsl.authoring.semdiff`).
* :class:`PolicyWords` reads the version of the policy in force at the start
  of the period (the earliest version when none is yet): labels and targets of
  the report's summary are that version's; each verdict row names its own, and
  is worded (target, calendar, rules) from the version that judged it
  (:meth:`PolicyWords.for_row`); a priority's target in the summary is worded
  from every version the report names as used: in force during the period, or
  judging a row it lists (``report.sections.target_during``), and so is every
  other target of the summary (``report.sections._during``).
* A version is found by what says which it is: a compact verdict's own policy
  (its rules'), a version's name and date (:class:`~sla_dsl.report.PolicyRef`),
  and only for a row read back from JSON, which names its version alone
  (``policy_version``), by that name (of two so named, the one in force at the
  row's start): never the first of several that share a name.
* An article reference is shown as the SLA writes it, ``第3条の(2)`` / ``Art. 3.2``, and linked (in
  HTML) to the anchor ``art-3-2`` of the report's appendix of articles. An
  exclusion is named under the article its ``exclude`` rule cites, and without
  a number when it cites none (:meth:`PolicyWords.excluded_because`): no
  article number is fixed in the catalogue.
* The rules of a priority are looked up by its id (:meth:`PolicyWords.rules_of`,
  the model's index of its priorities), never by a scan of the policy's
  priorities: a policy of thousands of priorities is worded per priority and
  per incident.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal, localcontext
from typing import NamedTuple

from pydantic import BaseModel

from ..errors import SlaError
from ..i18n import CATALOGUE, format_date, format_datetime, format_minutes, message
from ..i18n.terms import UNITS, Amount, ordinal
from ..i18n.width import display_width
from ..lang import model as lm
from ..lang.plain import policy_languages
from ..policy.compiled import Policy, day_due_kept


class Link(NamedTuple):
    """A cell that links to the appendix anchor ``anchor`` (HTML); plain text elsewhere."""

    text: str
    anchor: str


class Mark(NamedTuple):
    """A cell with a tone: ``bad`` (a breach), ``warn`` (at risk) or ``good`` (met)."""

    text: str
    tone: str


class Anchor(NamedTuple):
    """A cell that is the target ``anchor`` of links (the appendix of articles)."""

    text: str
    anchor: str


class Links(NamedTuple):
    """A cell of several links (a priority whose rules cite different articles), ``sep`` between them."""

    links: tuple[Link, ...]
    sep: str

    @property
    def text(self) -> str:
        return self.sep.join(link.text for link in self.links)


Cell = str | Link | Links | Mark | Anchor

_REF = re.compile(r"(\d+(?:\.\d+)*)")

#: the widest a relabelled event type's label in quotes may be (display columns: a full-width character
#: counts two) to head a column of its times (:meth:`PolicyWords.event_column`); a table of the text report
#: is as wide as its widest cell, and the times under it are 15 columns wide
HEADER_WIDTH = 30


def anchor(ref: str) -> str:
    """``art-3-2`` for ``3.2`` (or ``Article 3.2``)."""
    found = _REF.search(ref)
    return "art-" + (found.group(1).replace(".", "-") if found else "x")


def ref_number(ref: str | lm.ArticleRef | None) -> str | None:
    """``3.2`` from an article reference or a violation's ``ref`` text (``Article 3.2``)."""
    if ref is None:
        return None
    if isinstance(ref, lm.ArticleRef):
        return str(ref)
    found = _REF.search(ref)
    return found.group(1) if found else None


def percent_against(ratio: float, target: float | None, digits: int) -> str:
    """An availability ``ratio`` (a fraction) in percent with ``digits`` decimals, as every figure shown
    beside a target or a credit tier ``target`` (in percent) is written: never on the other side of it
    than the figure is. A figure below the target (``ratio * 100 < target``, as the evaluator judges it)
    that would round up to the target is cut down instead (0.99499961 against 99.5: ``99.4999%``, not
    ``99.5000%``); one at or above it never shows under it (where the evaluator's product and the exact
    value straddle the target, it gets the decimals it needs). Without a target, the figure rounded to
    the nearest. ``sla explain`` says a period's figure through this too (:mod:`.periods`)."""
    step = Decimal(1).scaleb(-digits)
    with localcontext() as ctx:
        ctx.prec = 80  # (the exact binary value times 100: no rounding before the quantize)
        exact = Decimal(ratio) * 100
        shown = exact.quantize(step, ROUND_HALF_EVEN)
        if target is not None:
            goal = Decimal(repr(float(target)))  # the target as written (99.5)
            if ratio * 100 < target:
                if shown >= goal:
                    shown = exact.quantize(step, ROUND_FLOOR)
                while shown >= goal:  # (only where the float and the exact value straddle the target)
                    shown -= step
            else:
                more = digits
                while shown < goal and more < digits + 6:
                    more += 1
                    shown = exact.quantize(Decimal(1).scaleb(-more), ROUND_HALF_EVEN)
                if shown < goal:
                    shown = exact.quantize(Decimal(1).scaleb(-more), ROUND_CEILING)
    return f"{shown:f}%"


def hours_minutes(minutes: float, seconds: bool = False) -> str:
    """A number of minutes as ``h:mm`` (rounded to the minute, as :func:`sla_dsl.i18n.format_minutes`),
    or with ``seconds`` as ``h:mm:ss`` (rounded to the second): ``0.6667`` → ``0:00:40``."""
    if not seconds:
        return format_minutes(minutes)
    total = round(minutes * 60)
    sign = "-" if total < 0 else ""
    h, rest = divmod(abs(total), 3600)
    return f"{sign}{h:,}:{rest // 60:02d}:{rest % 60:02d}"


def in_seconds(minutes: Iterable[float]) -> bool:
    """Whether durations must be shown to the second (:func:`hours_minutes`) for rows and their total to
    add up as shown: some figure is not a whole number of minutes (three outages of 40 seconds each
    read ``0:01`` but added to ``0:02``)."""
    return any(round(m * 60) % 60 for m in minutes)


def default_lang(policies: Sequence[Policy]) -> str:
    """The primary language of the policy (of its earliest version); English without a policy."""
    if not policies:
        return "en"
    return policy_languages(min(policies, key=lambda p: p.effective).model.header)[0]


def event_words(name: str, lang: str, declared: Mapping[str, lm.Label]) -> str:
    """A readable name for an event type: a contract event's words, a declared event's label in quotes
    (``declared``: the policy's event types by name, :attr:`~sla_dsl.lang.model.PolicyModel.event_types`);
    a contract event the policy relabels (``event incident.responded "…" / "…"``) by the policy's label in
    quotes, as a declared one; empty when it has neither."""
    label = declared.get(name)
    text = label.text(lang) if label is not None else ""
    if text:
        return message("site.declared_event", lang, label=text)
    key = f"site.event.{name}"
    return message(key, lang) if key in CATALOGUE else ""


def priority_label(rules: Iterable[lm.Priority], lang: str) -> str:
    """The label that names a priority of ``rules`` (its rules, in file order) in ``lang``: the label they
    share, else each label once in file order (``緊急（VIP）／緊急`` / ``Urgent (VIP) / Urgent``), so that
    it is true of every incident of the priority, whichever rule judged it; empty when none has a label.
    The report and the change notice (:mod:`sla_dsl.authoring.semdiff`) name a priority by it."""
    labels = dict.fromkeys(t for t in (r.label.text(lang) for r in rules) if t)
    return message("report.priority.labels_sep", lang).join(labels)


#: the fields whose time a row starts at, the first a row has: which version of a name judged it (several
#: versions of one name: the one in force then, :meth:`PolicyWords.version`)
_ROW_STARTS = ("clock_start", "start", "completed_at", "deleted_at")


class PolicyWords:
    """Words of one policy version in one language."""

    def __init__(
        self, policies: Sequence[Policy], lang: str, start: dt.date | None = None, year: int | None = None
    ) -> None:
        self.lang = lang
        #: the year times are written without (the report's, when its period lies in one year)
        self.year = year
        in_force = [p for p in policies if start is None or p.effective <= start]
        self.policy: Policy | None = (
            (max(in_force, key=lambda p: p.effective) if in_force else min(policies, key=lambda p: p.effective))
            if policies
            else None
        )
        self.model: lm.PolicyModel | None = self.policy.model if self.policy else None
        #: every version given, by effective date (:meth:`version`, :meth:`during`)
        self.policies: list[Policy] = sorted(policies, key=lambda p: p.effective)
        #: :meth:`unrelabelled` of each version's model, shared by the copies of these words (by the model's
        #: id, language and year; the model kept beside it, so that an id reused is not taken for it)
        self._unrelabelled: dict[tuple[int, str, int | None], tuple[lm.PolicyModel, PolicyWords]] = {}
        #: :func:`_rule_by_due` by its arguments, shared by the copies of these words (kept here, not for the
        #: process: a version read anew for each report would be kept alive by its entries)
        self._by_due: dict[tuple[Policy, str, dt.datetime, dt.datetime], int | None] = {}

    def version(self, name: str | None, effective: dt.date | None = None, at: dt.datetime | None = None) -> PolicyWords:
        """These words for the version that judged a row: the version named ``name`` (its ``policy_version``),
        of date ``effective`` when it is known (two versions are never of one day), else of those so named
        the one in force at ``at`` (the row's start, when known), else the first; these words themselves
        when they are that version's, or ``name`` is None or names none given."""
        if name is None or self.policy is None:
            return self
        named = [p for p in self.policies if p.version == name]
        if effective is not None:
            named = [p for p in named if p.effective == effective] or named
        elif len(named) > 1 and at is not None:
            begun = [p for p in named if p.effective <= at.date()]
            named = [max(begun, key=lambda p: p.effective)] if begun else named
        return self._of(named[0]) if named else self

    def _of(self, policy: Policy) -> PolicyWords:
        """These words for ``policy`` (one of :attr:`policies`)."""
        if policy is self.policy:
            return self
        other = copy.copy(self)
        other.policy, other.model = policy, policy.model
        return other

    def judging(self, judged: Collection[tuple[str, dt.date | None]]) -> list[PolicyWords]:
        """The words of each version given that ``judged`` names, by effective date: ``(version, effective)``
        as :func:`~sla_dsl.report.judging_versions` gives the versions that judged some rows (``effective``
        None: a row read back from JSON, by its ``policy_version`` alone); empty when it names none."""
        return [self._of(p) for p in self.policies if (p.version, p.effective) in judged or (p.version, None) in judged]

    def during(self, versions: Sequence[object]) -> list[PolicyWords]:
        """The words of each version given (those a report names as used: :class:`~sla_dsl.report.PolicyRef`
        with ``version`` and ``effective``, or version names), by effective date; these words alone when
        none is known."""
        wanted = {(getattr(v, "version", v), getattr(v, "effective", None)) for v in versions}
        out = [self._of(p) for p in self.policies if (p.version, p.effective) in wanted or (p.version, None) in wanted]
        return out or [self]

    def defining(self, has: Callable[[lm.PolicyModel], bool], first: Sequence[PolicyWords] = ()) -> PolicyWords:
        """The words of the version that defines what ``has`` looks for in a model (a priority, a rule, a
        service), to name it by: these words when their version has it, else the first of ``first`` (the
        versions in force during the period, as a summary row takes them) that has it, else the version
        nearest to these that has it (a later one first: the one that adds it); these words when none has it."""
        if self.model is not None and has(self.model):
            return self
        for v in first:
            if v.model is not None and has(v.model):
                return v
        mine = self.policy.effective if self.policy is not None else dt.date.min
        later = [p for p in self.policies if p.effective > mine]
        earlier = [p for p in reversed(self.policies) if p.effective < mine]
        return next((self._of(p) for p in [*later, *earlier] if has(p.model)), self)

    def at(self, day: dt.date) -> PolicyWords:
        """These words for the version in force on ``day`` (the earliest before any is)."""
        begun = [p for p in self.policies if p.effective <= day]
        return self._of(begun[-1] if begun else self.policies[0]) if self.policies else self

    def for_row(self, row: object) -> PolicyWords:
        """These words for the version that judged ``row``: the policy of the rules a compact verdict was
        judged by, else the version its ``policy_version`` names (of those so named, the one in force at
        its start)."""
        if isinstance(row, BaseModel):  # a report's row: its fields as stored (a field it lacks is no error)
            fields = row.__dict__
            name = fields.get("policy_version")
            if not isinstance(name, str) or self.policy is None:
                return self  # (as :meth:`version` answers)
            # (its start tells apart only versions of one name: not looked for when one version is given, as
            # for thousands of rows of a year's outages table)
            starts = (t for k in _ROW_STARTS if isinstance(t := fields.get(k), dt.datetime))
            return self.version(name, at=next(starts, None) if len(self.policies) > 1 else None)
        policy = getattr(getattr(row, "rules", None), "policy", None)
        if isinstance(policy, Policy):
            found = next((p for p in self.policies if p is policy), None)
            if found is None:  # (another load of the same version: by name and date)
                return self.version(policy.version, policy.effective)
            return self._of(found)
        name = getattr(row, "policy_version", None)
        start = next((t for k in _ROW_STARTS if isinstance(t := getattr(row, k, None), dt.datetime)), None)
        return self.version(name if isinstance(name, str) else None, at=start)

    def with_year(self) -> PolicyWords:
        """The same words, writing every time with its year."""
        other = copy.copy(self)
        other.year = None
        return other

    def m(self, key: str, **params: object) -> str:
        """The catalogue's ``key`` in this language (an amount of time from :meth:`duration` counted where the
        sentence counts it, ``3日以内``, else a length, ``7日間保存``: :func:`sla_dsl.i18n.message`)."""
        return message(key, self.lang, **params)

    def article_ref(self, num: str) -> str:
        """An article's number as the SLA writes it in this language: in Japanese ``3`` is ``第3条``, ``2.2``
        ``第2条の(2)`` and ``3.1.4`` ``第3条の(1) 項番4`` (a number of another form ``条項 {num}``); in English
        ``Art. 3.2``."""
        return article_words(num, self.lang)

    def t(self, t: dt.datetime | None) -> str:
        """A time in this language (``2026年11月2日(月) 15:00``; without the year in :attr:`year`), ``-`` for None."""
        return format_datetime(t, self.lang, year=t is None or t.year != self.year)

    def d(self, d: dt.date) -> str:
        """A date in this language (``2026年11月2日(月)``; without the year in :attr:`year`)."""
        return format_date(d, self.lang, year=d.year != self.year)

    def by_end_of(self, t: dt.datetime | None) -> str:
        """A deadline: ``11月18日(水)まで`` when it is a midnight (the end of the day before), else the time."""
        if t is not None and t.hour == t.minute == t.second == 0:
            return self.m("report.day_end", day=self.d(t.date() - dt.timedelta(days=1)))
        return self.t(t)

    # -- rules ----------------------------------------------------------------------
    def priority(self, pid: str) -> str:
        """``P1 優先度１``: the id and a label true of every rule of the priority (:func:`priority_label`:
        of rules with ``when`` of different labels, each, ``urgent 緊急（VIP）／緊急``), since a row counted
        per id is not one rule's (issue 13); the id alone when no rule has a label."""
        return f"{pid} {priority_label(self.rules_of(pid), self.lang)}".strip()

    def priority_in(self, pid: str, versions: Sequence[PolicyWords]) -> str:
        """``P1 優先度１／優先度１（緊急）``: priority ``pid`` as :meth:`priority` names it, of a row that counts
        incidents judged by several ``versions`` (the words of those that judged them, by effective date): a
        label true of every rule of the priority in each, each label once in order (a version that did not
        relabel it adds none, so the name is that of one version); :meth:`priority` when none has it."""
        rules = [r for v in versions for r in v.rules_of(pid)]
        return f"{pid} {priority_label(rules, self.lang)}".strip() if rules else self.priority(pid)

    def priority_of(self, row: object) -> str:
        """The priority of incident ``row`` as :meth:`priority` names it, with the label of the rule that
        judged it when that is known (:meth:`judged_by`) and labelled: ``urgent 緊急（VIP）``."""
        pid = str(getattr(row, "priority", ""))
        rule = self.judged_by(row)
        label = rule.label.text(self.lang) if rule is not None else ""
        return f"{pid} {label}" if label else self.priority(pid)

    def rules_of(self, pid: str) -> tuple[lm.Priority, ...]:
        """Every rule of priority ``pid`` in this version, in file order (empty: none, or no policy), from
        the model's index of its priorities (:meth:`~sla_dsl.lang.model.PolicyModel.rules_of`)."""
        return self.model.rules_of(pid) if self.model is not None else ()

    def priority_rule(self, pid: str) -> lm.Priority | None:
        """The first rule with id ``pid`` (whether this version has the priority); an incident's words
        come from the rule that judged it (:meth:`rule_of`)."""
        rules = self.rules_of(pid)
        return rules[0] if rules else None

    def judged_by(self, row: object) -> lm.Priority | None:
        """The rule that judged incident ``row``, as the evaluator chose it by the incident's attributes
        (issue 13): a compact verdict's own rules, or the position an :class:`IncidentRow` keeps
        (``rule``) among these words' rules of its priority; None when the row does not say (read
        back from JSON) or these words have no policy. These words must be those of the version that
        judged it (:meth:`for_row`)."""
        pid = getattr(row, "priority", None)
        if not isinstance(pid, str) or self.model is None:
            return None
        chosen = getattr(getattr(row, "rules", None), "priorities", None)
        if isinstance(chosen, Mapping):  # a compact verdict: judged under these rules
            rule = chosen.get(pid)
            return rule if isinstance(rule, lm.Priority) else None
        k = getattr(row, "rule", None)
        same = self.rules_of(pid)
        if k is None and len(same) > 1 and self.policy is not None:  # (a row read back from JSON: by its due time)
            start, due = getattr(row, "clock_start", None), getattr(row, "response_due", None)
            if isinstance(start, dt.datetime) and isinstance(due, dt.datetime):
                key = (self.policy, pid, start, due)
                if key not in self._by_due:
                    if len(self._by_due) > 4096:
                        self._by_due.clear()
                    self._by_due[key] = _rule_by_due(*key)
                k = self._by_due[key]
        return same[k] if isinstance(k, int) and 0 <= k < len(same) else None

    def rule_of(self, row: object) -> lm.Priority | None:
        """The rule whose words an incident row is worded in: the one that judged it (:meth:`judged_by`),
        else the rule of its priority for default attributes (what judges an incident without any)."""
        rule = self.judged_by(row)
        pid = getattr(row, "priority", None)
        if rule is not None or self.model is None or not isinstance(pid, str):
            return rule
        try:
            return self.model.priority(pid)
        except KeyError:
            return None

    def backup_kind(self, kind: str) -> str:
        """The policy's label of a backup kind (the kind itself when the policy has none)."""
        rule = self.backup_rule(kind)
        return rule.label.text(self.lang) if rule is not None and (rule.label.ja or rule.label.en) else kind

    def event(self, name: str) -> str:
        """An event type as a reader knows it, with its name in the log: ``エンド・ユーザー様への一次回答
        （`incident.responded`）`` (:func:`event_words`); the name alone when it has no words."""
        words = self._event_words(name)
        return message("report.event", self.lang, words=words, name=name) if words else f"`{name}`"

    def event_plain(self, name: str) -> str:
        """An event type in words only (``エンド・ユーザー様への情報提供``, :func:`event_words`), else its name."""
        return self._event_words(name) or f"`{name}`"

    def _event_words(self, name: str) -> str:
        declared = {e.name: e.label for e in self.model.event_types} if self.model is not None else {}
        return event_words(name, self.lang, declared)

    def relabelled(self, name: str) -> bool:
        """Whether the policy gives the contract's event type ``name`` words of its own (``event
        incident.responded "…" / "…"``): a sentence of the catalogue that words the event itself has a
        variant taking ``{event}`` (:meth:`event_plain`) for it."""
        label = self.model.relabel(name) if self.model is not None else None
        return label is not None and bool(label.text(self.lang))

    def event_column(self, name: str, key: str) -> tuple[str, str | None]:
        """The header of a column of the times of contract event ``name`` (the catalogue's ``key``,
        ``Responded``) and what a note under its table says of it: where the policy relabels the type, its
        label in quotes (``“First reply to the customer”``), or, when that is wider than
        :data:`HEADER_WIDTH`, the catalogue's header and a note naming the event its times are of
        (``Responded: when “…” was recorded``); no note otherwise."""
        header = self.m(key)
        if not self.relabelled(name):
            return header, None
        said = self.event_plain(name)
        if display_width(said) <= HEADER_WIDTH:
            return said, None
        return header, self.m("report.column_event", column=header, event=said)

    def unrelabelled(self) -> PolicyWords:
        """These words with the contract's words for every contract event type (the policy's relabels left
        out): what a rule says in them is what it means, whatever words the version gives its events."""
        if self.model is None or not any(e.relabels for e in self.model.event_types):
            return self
        # (one per model and language, kept: a summary asks it of every row, and a fresh copy's lookups of
        # its rules would start cold each time, in time growing with the policy)
        key = (id(self.model), self.lang, self.year)
        found = self._unrelabelled.get(key)
        if found is None or found[0] is not self.model:
            other = copy.copy(self)
            other.model = self.model.model_copy(update={"event_types": self.model.declared_events})
            found = self._unrelabelled[key] = (self.model, other)
        return found[1]

    def backup_kind_shown(self, kind: str) -> str:
        """:meth:`backup_kind` in running text: a kind without a label as the name it has, in backticks."""
        label = self.backup_kind(kind)
        return f"`{kind}`" if label == kind else label

    def backup_rule(self, kind: str) -> lm.Backup | None:
        if self.model is None:
            return None
        return next((b for b in self.model.backups if b.kind == kind), None)

    def cause(self, cause: str | None) -> str:
        """The label of a cause the policy excludes (``exclude``; the cause itself when it has none)."""
        if cause is None:
            return "-"
        if self.model is not None:
            for ex in self.model.exclusions:
                if ex.cause == cause and (ex.label.ja or ex.label.en):
                    return ex.label.text(self.lang)
        return cause

    def exclusion(self, cause: str | None) -> lm.Exclusion | None:
        """The ``exclude`` rule of ``cause`` in this version (None: it excludes no such cause)."""
        if cause is None or self.model is None:
            return None
        return next((ex for ex in self.model.exclusions if ex.cause == cause), None)

    def excluded_because(self, cause: str | None, plain: str, under: str) -> str:
        """Why an outage or incident is excluded, in the catalogue's words ``plain`` (``{cause}``) or, when
        its exclusion cites an article, ``under`` (``{article}`` and ``{cause}``): ``第6条により適用外
        （お客様の責による問題）``. The article is the one the policy gives that exclusion, never a fixed one."""
        ex = self.exclusion(cause)
        num = ref_number(ex.ref if ex is not None else None)
        if num is None:
            return self.m(plain, cause=self.cause(cause))
        return self.m(under, cause=self.cause(cause), article=self.article_ref(num))

    def exclusion_refs(self, causes: Iterable[str | None] | None = None) -> list[str]:
        """The article numbers the exclusions cite, once each in order: of ``causes`` (those that applied),
        or of every exclusion of this version (None); empty when none cites one."""
        rules = (
            list(self.model.exclusions if self.model is not None else ())
            if causes is None
            else [ex for ex in map(self.exclusion, dict.fromkeys(causes)) if ex is not None]
        )
        return list(dict.fromkeys(n for n in (ref_number(ex.ref) for ex in rules) if n is not None))

    def clock_label(self, name: str) -> str:
        """A named clock by its label in this language (its name in backticks when it has none)."""
        clock = next((c for c in self.model.clocks if c.name == name), None) if self.model is not None else None
        label = clock.label.text(self.lang) if clock is not None else ""
        return label or f"`{name}`"

    def clock_target_words(self, t: lm.ClockTarget) -> str:
        """A named target of a priority as the policy words it (issue 12): ``2営業日以内`` / ``within 2
        business days``, with its out-of-hours time (``（営業時間外の受付は24時間を加算）``); a periodic
        update as ``4営業時間ごとにエンド・ユーザー様への一次回答または…`` / ``… at least every 4 business hours``."""
        if t.by_day is not None:  # `resolve by end of 2nd business day on resolution`
            return self.target_words(t.by_day)
        assert t.duration is not None  # (a target not due on a business day has a duration)
        d = self.duration(t.duration)
        if t.kind == "update":
            by = self.m("report.target.or").join(self.event_plain(e) for e in t.by)
            return self.m("report.target.update", duration=d, by=by)
        said = self.m("report.target.within", duration=d)
        ooh = t.out_of_hours
        if ooh is None:
            return said
        extra = self.duration(ooh.extra)
        if ooh.calendar == lm.BUSINESS:  # what "business hours" means in a policy
            return said + self.m("report.target.out_of_hours", extra=extra)
        cal = self.calendar_label(ooh.calendar)
        return said + self.m("report.target.out_of_hours_on", extra=extra, calendar=cal)

    def channel(self, channel: str | None) -> str:
        """``メール`` for ``email``; an unknown channel as ``その他（fax）``."""
        if not channel:
            return "-"
        key = f"report.channel.{channel}"
        try:
            return self.m(key)
        except KeyError:
            return self.m("report.channel.other", channel=channel)

    def article(self, ref: str | lm.ArticleRef | None) -> Cell:
        """A link to the article, or ``-``."""
        num = ref_number(ref)
        if num is None:
            return "-"
        return Link(self.article_ref(num), anchor(num))

    def articles(self, refs: Iterable[str | lm.ArticleRef | None]) -> Cell:
        """A link to each article ``refs`` cite, once each in order (:meth:`article` for one), or ``-``."""
        nums = list(dict.fromkeys(n for n in map(ref_number, refs) if n is not None))
        if len(nums) <= 1:
            return self.article(nums[0] if nums else None)
        links = tuple(Link(self.article_ref(n), anchor(n)) for n in nums)
        return Links(links, "、" if self.lang == "ja" else ", ")

    def article_title(self, num: str) -> str:
        """The title of article ``num``'s first part (``3.2`` → Article 3's title)."""
        if self.model is None:
            return ""
        top = int(num.split(".")[0])
        return next((a.title.text(self.lang) for a in self.model.articles if a.number == top), "")

    def rules_at(self, num: str, versions: Sequence[PolicyWords] = ()) -> list[str]:
        """Labels of the rules that cite article ``num``, each once, in the policy's order: of this version, or
        of each of ``versions`` (those a report used, by effective date), a rule they share (a priority's by
        its id and ``when``, any other by its name) named by each of their labels once, as a priority counted
        over versions is (``優先度１／優先度１（緊急）``: :meth:`priority_in`); a rule only a later version
        has after those of its kind the earlier ones have."""
        found: dict[tuple[int, str, str, int], list[str]] = {}  # (kind of rule, name, `when`, which of that name)
        for v in versions or [self]:
            seen: Counter[tuple[int, str, str]] = Counter()
            for kind, rule, text in v._citing(num):
                name = getattr(rule, "id", None) or getattr(rule, "name", None) or getattr(rule, "kind", None)
                ident = (kind, str(name or getattr(rule, "cause", "")), str(getattr(rule, "when", None)))
                labels = found.setdefault((*ident, seen[ident]), [])
                seen[ident] += 1
                if text not in labels:
                    labels.append(text)
        sep = self.m("report.priority.labels_sep")
        # (stable: within a kind, in the order first met)
        return list(dict.fromkeys(sep.join(found[k]) for k in sorted(found, key=lambda k: k[0])))

    def _citing(self, num: str) -> Iterable[tuple[int, lm.Node, str]]:
        """Each rule of this version that cites article ``num`` and has a label in this language: its kind
        (the position of its group in the policy's order), the rule, its label."""
        if self.model is None:
            return
        md = self.model
        groups: list[Sequence[lm.Node]] = [
            md.calendars,
            md.services,
            md.planned_stops,
            md.maintenance,
            md.clocks,
            md.priorities,
            md.notifications,
            md.backups,
            md.exclusions,
        ]
        for kind, group in enumerate(groups):
            for rule in group:
                ref = getattr(rule, "ref", None)
                label = getattr(rule, "label", None)
                if ref is not None and str(ref) == num and isinstance(label, lm.Label):
                    text = label.text(self.lang)
                    if text:
                        yield kind, rule, text

    # -- durations and targets ----------------------------------------------------------
    def duration(self, d: lm.Duration) -> str:
        """``4営業時間`` / ``4 business hours``; ``7 days``; ``7日間`` as a length, counted ``7日`` (an
        :class:`~sla_dsl.i18n.terms.Amount`: :meth:`m` says it counted before 前, ごと, 以内)."""
        plural = "s" if d.amount != 1 or self.lang == "ja" else ""
        unit = d.unit.value + plural
        if d.calendar is None:
            counted = self.m(f"report.unit.{unit}", n=d.amount)
            if self.lang != "ja":
                return counted
            return Amount(f"{d.amount}{UNITS[d.unit.value].length}", counted)
        # time counted on a calendar is its business time, as the site and the change notice say it:
        # 4営業時間, and on a calendar other than ``business`` by its label, 4営業時間（英語窓口）
        said = self.m("report.unit.business", n=d.amount, unit=self.m(f"report.unit.business_{unit}"))
        if d.calendar == lm.BUSINESS:
            return said
        return self.m("report.unit.on_calendar", amount=said, calendar=self.calendar_label(d.calendar))

    def target(self, pid: str, rule: lm.Priority | None = None) -> str:
        """The response target of a priority: ``4営業時間以内`` / ``within 4 business hours``; of
        ``rule`` when given (the rule that judged an incident, :meth:`rule_of`), else of its first rule."""
        rule = rule if rule is not None else self.priority_rule(pid)
        if rule is None:
            return "-"
        t = rule.target
        return self.target_words(t)

    def target_words(self, t: lm.Target) -> str:
        """A response target in words: ``4営業時間以内`` / ``within 4 business hours``; ``2営業日目の終業時刻まで``
        / ``by the end of the 2nd business day`` (``1営業日目の16:00まで`` / ``by 16:00 on the 1st business
        day``), on a calendar other than ``business`` by its label too."""
        if isinstance(t, lm.Within):
            return self.m("report.target.within", duration=self.duration(t.duration))
        nth = t.nth if self.lang == "ja" else ordinal(t.nth)
        if t.at is None:
            said = self.m("report.target.by_end", nth=nth)
        else:
            said = self.m("report.target.by_time", nth=nth, time=str(t.at))
        if t.calendar is None or t.calendar == lm.BUSINESS:
            return said
        return self.m("report.unit.on_calendar", amount=said, calendar=self.calendar_label(t.calendar))

    def kept_within(self, t: lm.Target | None, start: dt.datetime, due: dt.datetime) -> str:
        """Why a ``by 16:00 of 1st business day`` is due at another time, after the target's words: ``（その日は
        15:00に終業）`` / `` (that day closes at 15:00)`` when that day closes before it (opens after it:
        ``始業``, ``opens``); empty otherwise."""
        if not isinstance(t, lm.ByEndOf) or t.at is None or self.policy is None:
            return ""
        cal = self.policy.calendar(t.calendar)
        kept = day_due_kept(cal, t, start)
        if kept is None:
            return ""
        return self.m(f"explain.due.{kept}", time=self.wall_time(cal.tz, due))

    def other_zone(self, tz: dt.tzinfo) -> str:
        """A calendar's own zone (its ``tz``) as the site names it (``ロンドン時間`` / ``London time``:
        :func:`~sla_dsl.i18n.places.zone_name`) when it is not the policy's, whose clock every other time of
        a sentence is on; empty when it is."""
        key = getattr(tz, "key", None)
        if self.policy is None or key is None or key == getattr(self.policy.tz, "key", None):
            return ""
        from ..i18n.places import zone_name  # (Babel's tables: only for a calendar of another zone)

        return zone_name(key, self.lang)

    def wall_time(self, tz: dt.tzinfo, t: dt.datetime) -> str:
        """``t`` on the wall clock of a calendar's zone ``tz`` (an opening or closing time of its day), that
        zone named when it is not the policy's, as the site names a cut-off on it (``site.clock_in_zone``):
        ``17:00``, ``ロンドン時間17:00`` / ``17:00 London time``."""
        shown = f"{t.astimezone(tz):%H:%M}"
        zone = self.other_zone(tz)
        return self.m("explain.clock_in_zone", t=shown, z=zone) if zone else shown

    def wall_day(self, tz: dt.tzinfo, d: dt.date) -> str:
        """Day ``d`` of a calendar of zone ``tz`` (its holiday, its day off), the zone named when it is not
        the policy's (that zone's day may be the day before or after the policy's): ``ロンドン時間の11月15日(日)``
        / ``Sun 15 Nov (London time)``."""
        zone = self.other_zone(tz)
        return self.m("explain.day_in_zone", day=self.d(d), z=zone) if zone else self.d(d)

    def risk_thresholds(self, clock: str | None = None) -> tuple[float, ...]:
        """Every warning threshold of this version's clock ``clock``, lowest first; None: the clock the plain
        response targets count on (``response``, else the first, as the evaluator takes it)."""
        clocks = self.model.clocks if self.model is not None else ()
        found = next((c for c in clocks if c.name == (clock or "response")), None)
        if found is None and clock is None and clocks:
            found = clocks[0]
        return found.risk_thresholds if found is not None else ()

    def threshold_passed(self, percent: float | None, clock: str | None = None) -> str:
        """The warning threshold an at-risk target has passed, ``目標の 75% が経過`` / ``75% of target used``,
        when its clock (``clock``: as :meth:`risk_thresholds`) has several (``at risk at 50%, 75% of target``):
        with one, "at risk" says it all, and the words are empty (so is a row that names none)."""
        if percent is None or len(self.risk_thresholds(clock)) < 2:
            return ""
        return self.m("report.risk.passed", percent=f"{percent:g}")

    def at_risk_status(self, status: str, word: str, percent: float | None, clock: str | None = None) -> str:
        """A status as a table or a headline shows it: ``word`` (the status's word), for ``at_risk`` with the
        threshold passed when the clock has several (``要注意（目標の 75% が経過）`` / ``at risk (75% of target
        used)``: :meth:`threshold_passed`)."""
        passed = self.threshold_passed(percent, clock) if status == "at_risk" else ""
        return self.m("report.risk.status", status=word, passed=passed) if passed else word

    def service_label(self, name: str) -> str:
        """A service by its label in this language (any version's, this one's first), its name when it has none."""
        models = [self.model] if self.model is not None else []
        models += [p.model for p in self.policies]
        svc = next((s for md in models for s in md.services if s.name == name and (s.label.ja or s.label.en)), None)
        return svc.label.text(self.lang) if svc is not None else name

    def calendar_label(self, name: str) -> str:
        """A calendar by its label in this language, its name when it has none."""
        cal = next((c for c in self.model.calendars if c.name == name), None) if self.model is not None else None
        return cal.label.text(self.lang) if cal is not None and (cal.label.ja or cal.label.en) else name


_DOTTED = re.compile(r"[0-9]+(?:\.[0-9]+)*")


def article_words(num: str, lang: str) -> str:
    """An article's number in ``lang`` (:meth:`PolicyWords.article_ref`): the Japanese follows the SLA's own
    references (``第 2 条の(2)``, and the items of article 3's table by their 項番)."""
    parts = num.split(".") if lang == "ja" and _DOTTED.fullmatch(num) else None
    if parts is None:
        return message("report.article", lang, ref=num)
    said = message("report.article.n", lang, n=parts[0])
    if len(parts) > 1:
        said += message("report.article.paragraph", lang, n=parts[1])
    if len(parts) > 2:
        said += message("report.article.item", lang, n=".".join(parts[2:]))
    return said


def _rule_by_due(policy: Policy, pid: str, start: dt.datetime, due: dt.datetime) -> int | None:
    """Which rule of priority ``pid`` judged an incident whose row does not say (read back from JSON): the
    position of the one rule whose response target, from the clock's start ``start``, falls due at ``due`` (the
    row's ``response_due``); None when none does, or more than one (their words may differ: not known)."""
    found: list[int] = []
    for k, rule in enumerate(policy.model.rules_of(pid)):
        try:
            at = policy.due(rule.target, start)
        except (SlaError, ValueError, TypeError, KeyError):  # (a time outside the years, a calendar missing)
            continue
        if at.timestamp() == due.timestamp():  # (as instants: a repeated hour)
            found.append(k)
    return found[0] if len(found) == 1 else None
