"""The timers' lines of the log (an alert fired or withdrawn, an alert the database did not record...), in the
policy's primary language.

Design notes
------------
* Every line is a catalogue entry (:mod:`sla_dsl.i18n.serve`, ``serve.timers.*``), as the sender's lines
  (``serve.webhook.*``) and the other lines about the policy; the language is the policy's primary one
  (:func:`~sla_dsl.report.words.default_lang` of the versions in use: :func:`timer_lang`).
* An alert is named by :func:`alert_name`. In Japanese by what a person reads elsewhere: its item
  (``案件 `A-1```, ``障害 `O-1```), its target by the report's words (``report.targets.*``) or, for a
  notification rule, by its label in the policy (of the version the item is judged under), its state by
  the dashboard's words (要注意, 未達) and its instant as the report writes a time (with its seconds when it
  has some). In English as the lines were written before (``incident.at_risk response A-1 at
  2026-11-30T11:00:00+09:00``): the kinds and the instants the webhook bodies and ``GET /alerts`` give.
  The alert of one of a clock's several warning thresholds names it after the state in both (``要注意・
  しきい値75%``, ``incident.target_at_risk (75%)``): the lines of its thresholds differ by more than the time.
* An item's id is quoted as a line of the log quotes it (:func:`shown_id`): at most :data:`SHOWN`
  characters, its control characters as their escapes (an id must not rewrite the reader's terminal or
  forge a line of the log).
* The error a line quotes (a database driver's first line) is the one the other lines quote, in English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..errors import printable
from ..i18n import Lang, as_lang, format_date, message, offset_on_change
from ..policy.compiled import Policy
from ..report.target_names import target_among, target_word
from ..report.words import PolicyWords, default_lang
from .tracking import AT_RISK, BREACHED, INCIDENT_NOTICE, OUTAGE_NOTICE, RESPONSE, TARGET_AT_RISK, TARGET_BREACHED

#: How much of an item's id a line of the log quotes (an id may be as long as an event's line).
SHOWN = 80
#: The at-risk kinds (every other kind of alert is a due one: a target or a notice breached).
_AT_RISK = frozenset({AT_RISK, TARGET_AT_RISK})
#: The kinds whose target is a notification rule (named by its label).
_NOTICES = frozenset({INCIDENT_NOTICE, OUTAGE_NOTICE})


def timer_lang(policies: Sequence[Policy]) -> Lang:
    """The language of the timers' lines: the policy's primary language (English without a policy)."""
    return as_lang(default_lang(policies), "en")


def shown_id(item: str, lang: str = "en") -> str:
    """An item's id as a line of the log quotes it: at most :data:`SHOWN` characters, and how long it is; its
    control characters as their escapes."""
    shown = printable(item[:SHOWN])
    return shown if len(item) <= SHOWN else message("serve.timers.cut", lang, id=shown, count=len(item))


def when(t: float, tz: dt.tzinfo, lang: str) -> str:
    """An instant as a line of the log says it: ``2026年11月30日(月) 11:00`` (``11:00:30`` when it has seconds)
    in Japanese, as the report writes a time (on a day the zone changes its offset, with that offset:
    ``2027年3月28日(日) 03:00 (+02:00)``, :func:`~sla_dsl.i18n.offset_on_change`); ISO 8601 in English, as the
    webhook bodies give it."""
    moment = dt.datetime.fromtimestamp(t, tz)
    if lang != "ja":
        return moment.isoformat()
    seconds = f":{moment.second:02d}" if moment.second or moment.microsecond else ""
    return (
        f"{format_date(moment.date(), 'ja')} {moment.hour:02d}:{moment.minute:02d}{seconds}{offset_on_change(moment)}"
    )


def late(seconds: float, lang: str) -> str:
    """How long after its instant an alert fired, as a line of the log says it: to the millisecond under a
    minute (``0.020 秒``, ``0.020 s``: a timer's own lag), else in days, hours and minutes, those that are not
    zero (``8日19時間4分``, ``8 days 19 hours 4 minutes``: an alert fired at a start, for the time the service
    was stopped), never as a count of seconds no one reads."""
    if seconds < 60:
        return message("serve.timers.late.seconds", lang, seconds=f"{max(seconds, 0.0):.3f}")
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    parts = [
        message(f"serve.timers.late.{unit}", lang, n=f"{n:,}", s="" if n == 1 else "s")
        for unit, n in (("days", days), ("hours", hours), ("minutes", mins))
        if n
    ]
    return ("" if lang == "ja" else " ").join(parts)


def target_of_key(key: str) -> tuple[str | None, str | None]:
    """(target, clock) an alert's key names (``kind#target@clock|id|instant``); (None, None) when it names none
    (the response target, an outage's first notification rule)."""
    head = key.split("|", 1)[0]
    if "#" not in head:
        return None, None
    named = head.split("#", 1)[1]
    target, _, clock = named.partition("@")
    return target, clock or None


def threshold_of_key(key: str) -> float | None:
    """The warning threshold an at-risk alert's key names (``kind%75#target@clock|id|instant``: one of a
    clock's several, ``at risk at 50%, 75% of target``); None when it names none."""
    kind = key.split("|", 1)[0].split("#", 1)[0]
    _, sep, percent = kind.partition("%")
    try:
        return float(percent) if sep else None
    except ValueError:
        return None


def _label(
    kind: str, target: str | None, clock: str | None, version: str | None, policies: Sequence[Policy], lang: str
) -> str:
    """The target's name in ``lang``: the report's word for its kind (a next reply by its clock's label, of the
    version the item is judged under: :mod:`sla_dsl.report.target_names`), a notification rule's label."""
    if kind in (AT_RISK, BREACHED) or target == RESPONSE:
        return message("report.targets.respond", lang)
    own = [p for p in policies if p.version == version] or sorted(policies, key=lambda p: p.effective)
    if kind in _NOTICES:
        for p in own:
            rule = next((n for n in p.model.notifications if n.name == target), None)
            if rule is not None and rule.label.text(lang):
                return rule.label.text(lang)
        return message("report.targets.notify", lang)
    if target is not None and kind in (TARGET_AT_RISK, TARGET_BREACHED):
        policy = next((p for p in own if any(c.name == clock for c in p.model.clocks)), None)
        try:
            if policy is None:
                return target_word(None, target, clock, lang)
            return target_among(PolicyWords([policy], lang), target, clock)  # (with its clock, as the dashboard)
        except KeyError:
            return f"`{printable(target)}`"
    return message("report.targets.notify", lang)


def alert_name(
    kind: str,
    item: str,
    instant: float,
    *,
    lang: str,
    tz: dt.tzinfo,
    policies: Sequence[Policy],
    target: str | None = None,
    clock: str | None = None,
    version: str | None = None,
    en_target: bool = False,
    threshold: float | None = None,
) -> str:
    """An alert as a line of the log names it (see the design notes); in English its target (and clock) only
    with ``en_target``, as the lines that named it did; the warning threshold of one of a clock's several,
    in both (``incident.target_at_risk (75%) ...``, ``（要注意・しきい値75%、...）``)."""
    outage = kind == OUTAGE_NOTICE
    if lang == "ja":
        subject = message("serve.timers.outage" if outage else "serve.timers.incident", lang, id=shown_id(item, lang))
        state = message("serve.dashboard.s_at_risk" if kind in _AT_RISK else "serve.dashboard.s_breached", lang)
        named = _label(kind, target, clock, version, policies, lang)
    else:
        subject, state = shown_id(item), kind
        on = f"@{clock}" if clock else ""
        named = f"{printable((target or '') + on)} " if en_target else ""
    of = "" if threshold is None else message("serve.timers.threshold", lang, percent=f"{threshold:g}")
    at = when(instant, tz, lang)
    return message("serve.timers.alert", lang, kind=state, threshold=of, target=named, subject=subject, at=at)
