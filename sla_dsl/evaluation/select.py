"""Which rules judge an incident, chosen by the attributes it carries.

Design notes
------------
* An incident's attributes are those of its ``incident.reported`` event, read
  under the version in force at its clock start (like the priority); an
  attribute it does not give takes the version's default. An attribute whose
  ``changes at`` lists event types changes with each event of such a type that
  gives it, read as a reprioritisation is (:func:`read_changes`: the last
  change counts, a change to a value the judging version does not declare is
  not applied); the attributes in force then choose the rules. One that version
  does not declare (another version does), or a value it does not list, is a
  ``data`` violation at the report (:func:`note_attributes`), the verdict
  unchanged; such incidents take the per-incident path. The rule of each
  priority id is the first in file order whose ``when`` holds
  (:mod:`sla_dsl.lang.conditions`).
* ``Rules.priorities`` of a version already holds the rules for default
  attributes, so an incident without attributes needs nothing from here. One
  with attributes is judged under a *view* of the version's :class:`Rules`
  whose ``priorities`` are the rules its attributes select: every part of the
  evaluator that looks up ``rules.priorities[priority]`` then reads the right
  rule, and a reprioritised incident finds the new priority's rule for the
  same attributes. Views are shared by the attribute sets that select the same
  rules, and each version works out the rules of one set of attributes once
  (:func:`rules_for`): an incident of a policy of thousands of priorities
  costs a look-up, not a pass over them (the rules of an id come from the
  model's index, :meth:`~sla_dsl.lang.model.PolicyModel.rules_of`).
* The columnar path judges buckets of one (version, priority) under the
  version's own rules, so incidents whose attributes select other rules are
  handed to the per-incident path (:func:`hand_off`), and so are those with an
  event of a type some ``changes at`` lists (``Ctx.changes``, gathered by
  :func:`collect_changes` from the attributes the readers noted beside the
  events, ``EventLog.unread``: such a type carries none in the contract); the
  two paths stay byte-identical (a property test runs both on random logs with
  attributes and changes).
* Event checks (before judging, with the other checks of the log): an
  attribute no version declares is E128, a value its declaration does not list
  is E129, each naming the event's line (``incident.reported`` and
  ``outage.started`` alike). The texts are read from the family's distinct
  payloads (:func:`distinct_payloads`, shared with ``check_log``'s checks): one
  pass in C over a million records instead of one Python pass per check.
* Notify rules with ``when`` (issue 13) are not alternatives: every rule whose
  condition holds applies. A record's attributes are read at its first event
  (``incident.reported``, ``outage.started``) under the version judging it,
  with that version's defaults; :func:`not_for` says which condition a record
  does not meet, and the rule's row is then ``not_applicable`` with that
  reason. Incidents with notify rules already go to the per-incident path, so
  the columnar path needs nothing more.
* Attributes anywhere else are not read: an incident keeps those of its
  report but for the changes above (on an event of a type that changes other
  attributes, each attribute it does not change is said on its own:
  ``attribute_unlisted``), an outage those of its start, and planned stops and
  backups have none. An event that gives them anyway (``EventLog.unread``, noted by the
  readers) is a ``data`` violation at its line (:func:`note_unread`), never
  taken in silence: its other facts count as they are. So is any other field
  of the contract on a type that does not carry it (a ``priority`` on a
  response, a ``cause`` on an outage's end), unless it repeats the value in
  force: a ticket system that stamps the incident's priority on every event
  says nothing new, while a response stamped with another priority may mean
  its author thought it reprioritised the incident. A field no type of the
  family carries (``kind`` on an outage, ``start`` on an incident:
  ``UNCARRIED_BY_FAMILY``) has no value in force: it is said once per item and
  value, at the first event that gives the value, so a monitoring export that
  stamps ``"kind": "outage"`` on every outage event gets one violation per
  outage. The first is the one the evaluator reads first (:mod:`.order`): by
  time, then type in the order of :data:`~sla_dsl.events.compact.RANK` (the
  contract's types, then the declared ones by name; never the codes, which a
  process gives declared types in the order it first meets them), then line. It
  never depends on the order of ``EventLog.unread`` nor of the lines, so every
  reader, a partitioned run, a log without lines (the API, ``sla serve``'s
  store) and every process name the same one.
"""

from __future__ import annotations

import copy
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple

import numpy as np
import orjson
from numpy.typing import NDArray

from ..events.problems import problem
from ..events.schema import (
    BUILTIN_COUNT,
    CODE,
    FAMILY_OF,
    KNOWN_FIELDS,
    PAYLOAD_BY_CODE,
    RANK,
    TYPES,
    UNCARRIED_BY_FAMILY,
    EventLog,
    Rec,
    Unread,
    attributes_text,
)
from ..lang import conditions
from ..lang import model as m
from ..lang.diagnostics import Both, Words, listing, words
from ..lang.plain import is_name
from ..report import DataDiff, DataNote
from ..report.data_notes import note_text
from ..report.violation_rows import DataWhat
from .common import Ctx, Memo, Rules, Versions, wall_text
from .event_times import Taken

REPORTED, STARTED = CODE["incident.reported"], CODE["outage.started"]

_DECODED: dict[str, dict[str, str]] = {}


def attributes_of(payload: tuple[Any, ...]) -> dict[str, str]:
    """The attributes an ``incident.reported`` payload carries (empty when none)."""
    text = payload[2] if len(payload) > 2 else None
    if text is None:
        return {}
    hit = _DECODED.get(text)
    if hit is None:
        hit = orjson.loads(text)
        if len(_DECODED) < 10_000:
            _DECODED[text] = hit
    return hit


def assignment(rules: Rules, attrs: dict[str, str]) -> dict[str, str]:
    """``attrs`` completed with the version's defaults (attributes it does not declare are left out)."""
    full = conditions.defaults(rules.model)
    full.update((k, v) for k, v in attrs.items() if k in full)
    return full


def chosen(rules: Rules, pid: str, attrs: dict[str, str]) -> m.Priority | None:
    """The rule of priority ``pid`` that applies to an incident with ``attrs`` under ``rules``."""
    return conditions.select(rules.model.rules_of(pid), assignment(rules, attrs))


def explain(rules: Rules, pid: str, attrs: dict[str, str], lang: str = "en") -> str | None:
    """Why that rule applies, when the priority has conditional rules (None otherwise)."""
    if not any(p.when is not None for p in rules.model.rules_of(pid)):
        return None
    rule = chosen(rules, pid, attrs)
    return conditions.reason(rule, assignment(rules, attrs), lang) if rule is not None else None


def rules_for(rules: Rules, payload: tuple[Any, ...]) -> Rules:
    """The rules that judge an incident reported with ``payload`` (the version's own when nothing differs)."""
    return rules_chosen(rules, attributes_of(payload))


def rules_chosen(rules: Rules, attrs: dict[str, str]) -> Rules:
    """The rules that judge an incident whose attributes in force are ``attrs`` (as given: those of its
    report, each change applied, :func:`read_changes`), the version's own when nothing differs."""
    if not attrs or not rules.model.attributes:
        return rules
    full = assignment(rules, attrs)
    # (the rules an assignment selects, looked up once per version: a view copies the version's ``__dict__``,
    # so the memo names the object it belongs to; None for the version's own rules, not a reference to them)
    owned = rules.__dict__.get("_by_assignment")
    if owned is None or owned[0] != id(rules):
        owned = rules.__dict__["_by_assignment"] = (id(rules), {})
    memo: dict[tuple[tuple[str, str], ...], Rules | None] = owned[1]
    said = tuple(full.items())
    if said in memo:
        return memo[said] or rules
    picked = {pid: conditions.select(rules.model.rules_of(pid), full) for pid in rules.priorities}
    if all(picked[pid] is rules.priorities[pid] for pid in picked):
        view = rules
    else:
        views: dict[tuple[int, ...], Rules] = rules.__dict__.setdefault("_views", {})
        key = tuple(id(p) for p in picked.values())
        shared = views.get(key)
        if shared is None:
            shared = copy.copy(rules)
            shared.priorities = {pid: p or rules.priorities[pid] for pid, p in picked.items()}
            views[key] = shared
        view = shared
    if len(memo) < 10_000:
        memo[said] = None if view is rules else view
    return view


def conditional(versions: Versions) -> bool:
    """Whether any version has a rule with a ``when`` condition."""
    return any(p.when is not None for r in versions.rules for p in r.model.priorities)


def undeclared(rules: Rules, attrs: dict[str, str]) -> list[tuple[str, str, bool]]:
    """The attributes of ``attrs`` the version of ``rules`` does not read as given: (name, value, whether
    the version declares the attribute at all), in the order given."""
    declared = {a.name: a.values for a in rules.model.attributes}
    out: list[tuple[str, str, bool]] = []
    for name, value in attrs.items():
        values = declared.get(name)
        if values is None or value not in values:
            out.append((name, value, values is not None))
    return out


def note_attributes(ctx: Ctx, ident: str, rules: Rules, rep: Rec) -> None:
    """A ``data`` violation at the report of incident ``ident`` for each attribute it carries that the
    version judging it (``rules``) does not declare (``attribute_undeclared``: the version reads it as
    absent, its default or general rule applies), or whose value that version does not list
    (``value_undeclared``): another version declares them (none: E128, E129, before judging). The
    verdict is the one the version gives; the note says the attribute was not read as given."""
    attrs = attributes_of(rep[2])
    if not attrs:
        return
    for name, value, known in undeclared(rules, attrs):
        what: DataWhat = "value_undeclared" if known else "attribute_undeclared"
        note = DataNote(what=what, event=TYPES[REPORTED], attribute=name, value=value, version=rules.version)
        ctx.bad_data(ident, note, rep[3], rep[0])


def uneven(versions: Versions) -> bool:
    """Whether the versions declare different attributes or values (an incident may then carry one its
    judging version does not declare: :func:`note_attributes`)."""
    first = {(a.name, v) for a in versions.rules[0].model.attributes for v in a.values}
    return any({(a.name, v) for a in r.model.attributes for v in a.values} != first for r in versions.rules[1:])


def hand_off(versions: Versions, slow: NDArray[np.bool_], plain: NDArray[np.int64], payloads: list[Any]) -> Any:
    """For the columnar path: mark as slow the plain incidents whose attributes select other rules
    than the defaults in some version, or that some version does not declare (the per-incident path
    notes them: :func:`note_attributes`); those that select the defaults, declared by every version,
    stay on columns.

    ``plain`` are the positions of the plain incidents and ``payloads`` their report's payloads;
    returns them without those handed to the per-incident path.
    """
    when, differ = conditional(versions), uneven(versions)
    if not when and not differ:
        return plain, payloads
    same: dict[str, bool] = {}  # attributes text -> selects every version's default rules, declared by each

    def default(text: str) -> bool:
        hit = same.get(text)
        if hit is None:
            attrs = attributes_of((None, None, text))
            hit = same[text] = all(
                (not when or rules_chosen(r, attrs) is r) and not (differ and undeclared(r, attrs))
                for r in versions.rules
            )
        return hit

    keep = [k for k, pl in enumerate(payloads) if len(pl) < 3 or pl[2] is None or default(pl[2])]
    if len(keep) == len(payloads):
        return plain, payloads
    gone = np.setdiff1d(np.arange(len(payloads)), np.array(keep, dtype=np.int64))
    slow[plain[gone]] = True
    return plain[np.array(keep, dtype=np.int64)], [payloads[k] for k in keep]


def distinct_payloads(group: dict[str, list[Rec]]) -> set[tuple[Any, ...]]:
    """The distinct payloads of a family's records, in one pass in C: within a family each type with
    payload fields has its own number of them (:data:`PAYLOAD_SIZES`), so a payload's length names its type."""
    return set(map(_PAYLOAD, chain.from_iterable(group.values())))


_PAYLOAD = itemgetter(2)
#: The type of each (family, payload length) of the contract's types with payload fields.
PAYLOAD_SIZES: dict[tuple[int, int], int] = {
    (FAMILY_OF[c], len(PAYLOAD_BY_CODE[c])): c for c in range(BUILTIN_COUNT) if PAYLOAD_BY_CODE[c]
}
assert len(PAYLOAD_SIZES) == sum(1 for c in range(BUILTIN_COUNT) if PAYLOAD_BY_CODE[c]), "payload lengths collide"


def check_attributes(
    versions: Versions, log: EventLog, taken: Taken, payloads: dict[int, set[tuple[Any, ...]]] | None = None
) -> None:
    """File E128 (undeclared attribute) and E129 (undeclared value) for each ``incident.reported`` or
    ``outage.started`` that has one, and for each event of a type some version's ``changes at`` lists
    (:func:`_check_changes`), and note those events in ``taken``, out of the log once every check has
    seen them (as the other checks do: :class:`~.event_times.Taken`).

    ``payloads`` may give, per family, its distinct payloads (:func:`distinct_payloads`) or a superset."""
    declared: dict[str, set[str]] = {}
    for version in versions.rules:
        for a in version.model.attributes:
            declared.setdefault(a.name, set()).update(a.values)
    labels = _value_labels(versions)
    for group, code in ((log.incidents, REPORTED), (log.outages, STARTED)):
        found = payloads.get(FAMILY_OF[code]) if payloads is not None else None
        got = distinct_payloads(group) if found is None else found
        _check_group(declared, log, taken, group, code, got, labels)
    codes = listed_codes(versions)
    if codes and log.unread:
        _check_changes(declared, log, taken, codes, labels)


#: Per attribute, each label of its values folded (``プレミアム``, ``premium``) -> the value's name and its label
#: in each language: what E129 answers an event that gives a value by its label.
ValueLabels = dict[str, dict[str, tuple[str, Both]]]


def _value_labels(versions: Versions) -> ValueLabels:
    """Each attribute's values by their labels in any language, folded; the latest version's first."""
    out: ValueLabels = {}
    for version in reversed(versions.rules):
        for a in version.model.attributes:
            found = out.setdefault(a.name, {})
            for v in a.labels:
                ja, en = v.label.ja, v.label.en
                for label in (ja, en):
                    if label:
                        found.setdefault(label.casefold(), (v.name, Both(ja or en or v.name, en or ja or v.name)))
    return out


def _check_changes(
    declared: dict[str, set[str]], log: EventLog, taken: Taken, codes: frozenset[int], labels: ValueLabels
) -> None:
    """E128, E129 for the attributes an event of a type some version's ``changes at`` lists gives, as for
    a report's (its attributes are read), and E109 for attributes that are not an object of names; each
    at the event's line, the event noted in ``taken``."""
    for u in log.unread:
        if u.family != _INCIDENTS or u.field != "attributes" or u.code not in codes:
            continue
        if u.value is None:
            said = words("events.E109.object", field="attributes", example='`{"plan": "premium"}`')
            found = [("E109", said, words("events.E109.object.help", example='`{"plan": "premium"}`'))]
        else:
            found = _problems(declared, attributes_of((None, None, u.value)), TYPES[u.code], labels)
        if not found:
            continue
        recs = log.incidents.get(u.ident, [])
        place = next((i for i, r in enumerate(recs) if (r[0], r[1], r[3]) == (u.epoch, u.code, u.line)), None)
        if place is None:
            continue  # (not an event of this log)
        for code, message, help in found:
            log.problems.append(problem(log.source, u.line, code, message, help))
        taken.add(log.incidents, u.ident, place)


def _check_group(
    declared: dict[str, set[str]],
    log: EventLog,
    taken: Taken,
    group: dict[str, list[Rec]],
    code: int,
    payloads: set[tuple[Any, ...]],
    labels: ValueLabels,
) -> None:
    # the distinct payloads of the group (most carry no attributes), then each distinct text once
    size = len(PAYLOAD_BY_CODE[code])
    texts = {p[2] for p in payloads if len(p) == size}
    texts.discard(None)
    bad = {t for t in texts if _problems(declared, attributes_of((None, None, t)), TYPES[code], labels)}
    if not bad:
        return
    for ident in [i for i, recs in group.items() if any(_attrs_text(r, code) in bad for r in recs)]:
        for place, r in enumerate(group[ident]):
            text = _attrs_text(r, code)
            if text not in bad:
                continue
            for found, message, help in _problems(declared, attributes_of((None, None, text)), TYPES[code], labels):
                log.problems.append(problem(log.source, r[3], found, message, help))
            taken.add(group, ident, place)


def _attrs_text(r: Rec, code: int) -> str | None:
    """The attributes text of an ``incident.reported`` / ``outage.started`` record (None: none, or another type)."""
    if r[1] != code or len(r[2]) <= 2:
        return None
    text: str | None = r[2][2]
    return text


def _problems(
    declared: dict[str, set[str]], attrs: dict[str, str], event: str, labels: ValueLabels | None = None
) -> list[tuple[str, Words, Words]]:
    out: list[tuple[str, Words, Words]] = []
    for name, value in attrs.items():
        values = declared.get(name)
        if values is None:
            known = listing([f"`{n}`" for n in sorted(declared)], ", ")
            out.append(
                (
                    "E128",
                    words("events.E128", name=name, event=event),
                    words("events.E128.help.known", known=known)
                    if declared
                    # (the declaration to write only for a name a policy can write: never `attribute Plan Name`)
                    else words("events.E128.help.none", name=name)
                    if is_name(name)
                    else words("events.E128.help.none.leave_out"),
                )
            )
        elif value not in values:
            listed = listing([f"`{v}`" for v in sorted(values)], ", ")
            # (`Enterprise` for `enterprise`: a desk's export that writes a field's value as its title)
            meant = next((v for v in sorted(values) if v.casefold() == value.casefold()), None)
            # (`プレミアム` for `value premium "プレミアム" / "Premium"`: a desk's export that writes the value's title)
            labelled = (labels or {}).get(name, {}).get(value.casefold()) if meant is None else None
            out.append(
                (
                    "E129",
                    words("events.E129", value=value, name=name, event=event),
                    words("events.E129.help.case", name=meant, listed=listed)
                    if meant is not None
                    else words(
                        "events.E129.help.label", value=value, attribute=name, name=labelled[0], label=labelled[1]
                    )
                    if labelled is not None
                    else words("events.E129.help", listed=listed),
                )
            )
    return out


#: The event that opens an item of a family and carries its attributes (stops and backups have none).
_OPENED_BY = {FAMILY_OF[REPORTED]: TYPES[REPORTED], FAMILY_OF[STARTED]: TYPES[STARTED]}
#: The events that open an item: its first counts, a repeat is not read.
_OPENERS = frozenset({REPORTED, STARTED})
_INCIDENTS = FAMILY_OF[REPORTED]


def note_unread(ctx: Ctx, log: EventLog) -> None:
    """A ``data`` violation for each event that gives a field of the contract its type does not carry
    (once per event: an exact repeat is one; attributes apart from the other fields), unless the field
    repeats the value in force (:func:`_in_force`), its line was left out or it comes after ``as_of``.
    A field no type of the family carries has no value in force: it is said once per item and value, at
    the first event that gives that value (time, then type by :data:`RANK`, then line)."""
    rank = RANK[:]  # (one copy for the whole pass: see RANK)
    fields_of: dict[tuple[int, str, int, float, int], list[str]] = {}
    first_of: dict[tuple[int, str, str, Any], tuple[float, int, int, int]] = {}
    changed = ctx.changes  # (incidents whose attributes their own reading says: :func:`read_changes`)
    for u in log.unread:
        if u.epoch > ctx.as_of:
            continue
        if u.ident in changed and u.field == "attributes" and u.family == _INCIDENTS:
            continue
        recs = log.groups[u.family].get(u.ident, [])
        if not any(r[0] == u.epoch and r[1] == u.code and r[3] == u.line for r in recs):
            continue  # (left out by skip_invalid: listed as skipped)
        if u.field in UNCARRIED_BY_FAMILY[u.family]:
            if u.value is not None:  # (a monitoring export that stamps every outage event with a kind)
                told, mark = (u.family, u.ident, u.field, u.value), (u.epoch, rank[u.code], u.line, u.code)
                earlier = first_of.get(told)
                if earlier is None or mark < earlier:
                    first_of[told] = mark
                continue
        elif u.value is not None and u.value == _in_force(recs, u.field, u.epoch):
            continue  # (a system that stamps the incident's priority on every event says nothing new)
        fields_of.setdefault((u.family, u.ident, u.code, u.epoch, u.line), []).append(u.field)
    for (family, ident, field, _), (epoch, _, line, code) in first_of.items():
        fields_of.setdefault((family, ident, code, epoch, line), []).append(field)
    seen: set[tuple[int, str, int, float]] = set()
    # (in the evaluator's order of events; an exact repeat's lowest line is named)
    for (family, ident, code, epoch, line), fields in sorted(
        fields_of.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][3], rank[kv[0][2]], kv[0][4])
    ):
        key = (family, ident, code, epoch)
        if key in seen:
            continue  # (an exact repeat: the lowest line is named)
        seen.add(key)
        if "attributes" in fields:
            first = _OPENED_BY.get(family)
            what = "attributes_unread" if first is not None else "attributes_none"
            ctx.bad_data(ident, DataNote(what=what, event=TYPES[code], first=first or ""), line, epoch)
        rest = sorted((f for f in fields if f != "attributes"), key=KNOWN_FIELDS.index)
        if rest:
            ctx.bad_data(ident, DataNote(what="field_unread", event=TYPES[code], fields=rest), line, epoch)


def _in_force(recs: list[Rec], field: str, epoch: float) -> Any:
    """The value of ``field`` in force at ``epoch`` among an item's events that carry it: that of the
    last such event at or before ``epoch``, else of the first one; None when none carries it. A repeated
    report (or start) is not read, the first one counts: its value is never in force."""
    last: tuple[float, int, Any] | None = None
    first: tuple[float, int, Any] | None = None
    opening = {r[1]: min((q[0], q[3]) for q in recs if q[1] == r[1]) for r in recs if r[1] in _OPENERS}
    for r in recs:
        fields = PAYLOAD_BY_CODE[r[1]]
        if field not in fields:
            continue
        if r[1] in opening and (r[0], r[3]) != opening[r[1]]:
            continue  # (a repeat of the report: "the first report counts")
        mark = (r[0], r[3], r[2][fields.index(field)])
        if r[0] <= epoch and (last is None or mark[:2] > last[:2]):
            last = mark
        if first is None or mark[:2] < first[:2]:
            first = mark
    found = last or first
    return None if found is None else found[2]


#: the steps of :func:`rule_steps` of a version (or a view of one), by priority
_NOTES: Memo[dict[str, list[Any]]] = Memo(lambda rules: {})


def rule_steps(rules: Rules, pid: str, ref: str | None) -> list[Any]:
    """The explanation step saying which rule of ``pid`` applies and why (none without conditions)."""
    kept = rules.memo(_NOTES)
    hit = kept.get(pid)
    if hit is not None:
        return hit
    all_rules = rules.model.rules_of(pid)
    rule = rules.priorities.get(pid)
    out: list[Any] = []
    if rule is not None and any(p.when is not None for p in all_rules):
        which = f"`when {rule.when}`" if rule.when is not None else "without a condition"
        n = all_rules.index(rule) + 1 if rule in all_rules else 0
        out.append(
            {
                "text": f"the rule of {pid} {which} (line {rule.span.line}) applies: rule {n} of {len(all_rules)}, "
                "the first whose condition the incident's attributes meet",
                "at": None,
                "ref": ref,
            }
        )
    kept[pid] = out
    return out


def record_attributes(rules: Rules, recs: list[Rec], code: int, attrs: dict[str, str] | None = None) -> dict[str, str]:
    """The full assignment of a record read at its first ``code`` event (``incident.reported`` or
    ``outage.started``): the attributes it carries, the version's defaults for the rest. ``attrs``: an
    incident's attributes in force when some were changed (:func:`read_changes`), read instead."""
    if attrs is not None:
        return assignment(rules, attrs)
    first = next((r for r in recs if r[1] == code), None)
    return assignment(rules, attributes_of(first[2]) if first is not None else {})


class Unmet(NamedTuple):
    """A notify rule's ``when`` that a record's attributes do not meet."""

    when: str
    #: the values of the attributes the condition tests, as the record carries them (or by default)
    attributes: dict[str, str]

    @property
    def text(self) -> str:
        """The explanation step, in the engine's English."""
        shown = ", ".join(f"{a} = {v}" for a, v in self.attributes.items())
        return f"applies only when {self.when}; this one has {shown}: not applicable"


def not_for(
    rules: Rules, when: m.Condition | None, recs: list[Rec], code: int, given: dict[str, str] | None = None
) -> Unmet | None:
    """The condition of a notify rule that this record does not meet (None: the rule applies); ``given``:
    an incident's attributes in force when some were changed (the rule reads those, as its priority's does)."""
    if when is None:
        return None
    attrs = record_attributes(rules, recs, code, given)
    if conditions.holds(when, attrs):
        return None
    return Unmet(str(when), {a: attrs.get(a, "") for a in dict.fromkeys(t.attribute for t in when.tests)})


def applies_text(
    rules: Rules, when: m.Condition | None, recs: list[Rec], code: int, given: dict[str, str] | None = None
) -> str | None:
    """The explanation step of a notify rule with ``when`` that applies to this record (None: no ``when``)."""
    if when is None:
        return None
    attrs = record_attributes(rules, recs, code, given)
    shown = ", ".join(f"{a} = {attrs.get(a, '')}" for a in dict.fromkeys(t.attribute for t in when.tests))
    return f"{shown}: the rule `when {when}` applies"


# -- attributes changed during an incident's life (``changes at``) ------------------------------------


class Given(NamedTuple):
    """The attributes a later event of an incident gives (its type carries none in the contract: the
    readers note them beside the event, ``EventLog.unread``)."""

    at: float
    code: int
    line: int
    #: their canonical text (:func:`~sla_dsl.events.fields.attributes_text`); None: not an object of names
    text: str | None


class AttrChange(NamedTuple):
    """An attribute that an event of a type its ``changes at`` lists changed (:func:`read_changes`)."""

    at: float
    line: int
    code: int
    name: str
    old: str
    new: str
    #: the rule of the incident's priority that the attributes in force after it select: its position
    #: among the rules of that id, in file order (None: none, or not worked out)
    rule: int | None = None


class InForce(NamedTuple):
    """An incident's attributes in force (:func:`read_changes`)."""

    #: as given: the report's, each change applied (the version's defaults are not added)
    given: dict[str, str]
    #: each change, with the attributes in force after it
    changes: list[tuple[AttrChange, dict[str, str]]]


def listed_codes(versions: Versions) -> frozenset[int]:
    """The event codes some version's ``changes at`` lists."""
    return frozenset().union(*(r.changes for r in versions.rules))


def collect_changes(ctx: Ctx, log: EventLog) -> None:
    """Hand the per-incident reading (``ctx.changes``) the attributes given on the later events of each
    incident that has an event of a type some version's ``changes at`` lists, all of them (listed or
    not: the version judging the incident decides, :func:`read_changes`), those after ``as_of`` or of a
    line left out apart. :func:`note_unread` leaves those to it. Before the events are put in order, as
    :func:`note_unread` reads them: an exact repeat's copies are all there."""
    ctx.changes = changes_of(ctx.versions, log, ctx.as_of)


def changes_of(versions: Versions, log: EventLog, as_of: float) -> dict[str, list[Given]]:
    """Per incident that has an event (at or before ``as_of``, its line not left out) of a type some
    version's ``changes at`` lists, the attributes given on each of its later events (:func:`collect_changes`;
    the range check of :mod:`.deadline_times` reads them too)."""
    out: dict[str, list[Given]] = {}
    codes = listed_codes(versions)
    if not codes or not log.unread:
        return out
    found: dict[str, list[Unread]] = {}
    for u in log.unread:
        if u.family == _INCIDENTS and u.field == "attributes" and u.epoch <= as_of:
            found.setdefault(u.ident, []).append(u)
    for ident, said in found.items():
        if not any(u.code in codes for u in said):
            continue
        kept = {(r[0], r[1], r[3]) for r in log.incidents.get(ident, ())}
        given = [Given(u.epoch, u.code, u.line, u.value) for u in said if (u.epoch, u.code, u.line) in kept]
        if any(g.code in codes for g in given):
            out[ident] = given
    return out


def read_changes(ctx: Ctx | None, ident: str, rules: Rules, rep: Rec | None, given: list[Given]) -> InForce:
    """The attributes in force on incident ``ident`` judged under version ``rules`` (reported by ``rep``;
    None: never reported), read as the priority in force is (:func:`.incidents.in_force`): the report's,
    then each event of a type the version's ``changes at`` lists for an attribute, in the evaluator's
    order of events (time, type, content), the last one counting, whenever it comes (after the
    completion too); those after ``as_of`` are not in ``given``. Said as ``data`` violations at their
    lines: a change to an attribute or value that version does not declare (not applied: the value in
    force is kept, ``change_undeclared``), an attribute given on a type that does not change it, unless it
    repeats the value in force (``attribute_unlisted``; on a type that changes none, or on an incident
    never reported, ``attributes_unread`` as before), and two events of one type at one instant that
    give different attributes (``conflict``: read in content order). ``ctx`` None: nothing is said (the
    range check of :mod:`.deadline_times` reads the attributes in force before the judge)."""
    attrs = dict(attributes_of(rep[2])) if rep is not None else {}
    said = ctx.bad_data if ctx is not None else _silent
    out: list[tuple[AttrChange, dict[str, str]]] = []
    listed = rules.changes if rep is not None else {}
    declared = {a.name: a.values for a in rules.model.attributes}
    defaults = conditions.defaults(rules.model)
    rank = RANK[:]  # (one copy for the whole sort: see RANK)
    ordered = sorted(given, key=lambda g: (g.at, rank[g.code], g.text is not None, g.text or "", g.line))
    unread: dict[tuple[float, int], Given] = {}  # (per event of a type that changes none: the lowest line)
    last: Given | None = None  # (the event read last, and the first of its instant and type: what a repeat is
    first: Given | None = None  # compared with, and what a contradiction names, as :mod:`.order` names it)
    for g in ordered:
        names = listed.get(g.code)
        if not names:
            if g.text is None or g.text != attributes_text(attrs):
                told = unread.get((g.at, g.code))
                if told is None or g.line < told.line:
                    unread[(g.at, g.code)] = g
            continue
        if last is not None and first is not None and (last.at, last.code) == (g.at, g.code):
            if last.text == g.text:
                continue  # (an exact repeat: the lowest line counts)
            if ctx is not None:
                _conflict(ctx, ident, first, g)
        else:
            first = g
        last = g
        told_attrs = attributes_of((None, None, g.text)) if g.text is not None else {}
        for name, value in told_attrs.items():
            now = attrs.get(name, defaults.get(name, ""))
            if name not in names:
                if value != now:
                    note = DataNote(what="attribute_unlisted", event=TYPES[g.code], attribute=name, value=value)
                    said(ident, note, g.line, g.at)
                continue
            if value not in declared.get(name, ()):
                note = DataNote(
                    what="change_undeclared", event=TYPES[g.code], attribute=name, value=value, version=rules.version
                )
                said(ident, note, g.line, g.at)
                continue
            attrs[name] = value
            if value != now:
                out.append((AttrChange(g.at, g.line, g.code, name, now, value), dict(attrs)))
    for g in unread.values():
        note = DataNote(what="attributes_unread", event=TYPES[g.code], first=TYPES[REPORTED])
        said(ident, note, g.line, g.at)
    return InForce(attrs, out)


def _silent(ident: str, note: DataNote, line: int = 0, at: float | None = None) -> None:
    """Says nothing (:func:`read_changes` without a ``ctx``)."""


def _conflict(ctx: Ctx, ident: str, first: Given, other: Given) -> None:
    """Two events of one type at one instant that give different attributes: a ``data`` violation naming
    both lines (as :func:`.order.report_conflicts` names two that disagree in their fields)."""
    name = TYPES[other.code]
    diff = [DataDiff(name="attributes", value=other.text, other=first.text)]
    unlined = DataNote(what="conflict_unlined", event=name, diff=diff)
    if not (first.line and other.line):
        ctx.bad_data(ident, unlined, 0, other.at)
        return
    key = note_text(unlined, ident, "en", wall_text, str, str)  # (the same words without the lines)
    note = DataNote(what="conflict", event=name, line=other.line, other_line=first.line, diff=diff)
    ctx.bad_data(ident, note, other.line, other.at, key=key)


def rule_position(rules: Rules, pid: str, attrs: dict[str, str]) -> int | None:
    """Which rule of ``pid`` the attributes ``attrs`` (as given) select under version ``rules``: its
    position among the rules of that id, in file order (None: none)."""
    rule = chosen(rules, pid, attrs)
    return next((k for k, p in enumerate(rules.model.rules_of(pid)) if p is rule), None)
