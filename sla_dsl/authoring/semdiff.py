"""``sla diff``: what changed between two versions of a policy, by meaning.

Design notes
------------
* Two compiled models are compared, never two texts: layout, comments, spans
  and the order of declarations do not count. Declarations are matched by
  their identity (a calendar by name, a priority by id, an item by number, the
  header and the planned-stop rule as singletons); a declaration only in NEW
  is ``added``, only in OLD ``removed``.
* Matched declarations are compared field by field over the model's own
  fields, so every change the language can express is reported, including
  fields added to the model later (they fall back to a generic wording).
  Fields whose order has no meaning (weekdays, holidays, closed dates,
  channels, completion events, item rules) are compared as sets; the order of
  ``clock ... starts at`` events is a preference and counts.
* Wording is in English or Japanese. Business hours also get what a reader
  cares about: breaks (the gaps between ranges, such as lunch) added or
  removed, and opening or closing times moved.
* ``--format markdown`` is a change notice a provider can send to customers:
  the versions, the effective date of NEW and the changes grouped by article.
* Exit status: 0 whether or not the versions differ; with ``--exit-code``, 1
  when they differ (like ``git diff --exit-code``); 1 also when a policy has
  errors (diagnostics on stderr).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..lang import model as m

Lang = Literal["en", "ja"]
Op = Literal["added", "removed", "changed"]

#: Model fields whose values form a set: order has no meaning.
UNORDERED = frozenset(
    {"days", "holidays", "closed", "closed_yearly", "open", "channels", "rules", "on"}
    | {"pauses", "stops", "resets", "targets"}
    | {"day_hours", "date_hours", "closed_hours", "named_holidays"}
)

SECTIONS: dict[str, tuple[str, str]] = {
    "header": ("policy", "ポリシー"),
    "article": ("article", "条"),
    "calendar": ("calendar", "カレンダー"),
    "service": ("service", "サービス"),
    "planned_stop": ("planned stops", "計画停止"),
    "maintenance": ("maintenance", "定期メンテナンス"),
    "clock": ("clock", "起算点"),
    "priority": ("priority", "優先度"),
    "notify": ("notification", "通知"),
    "backup": ("backup", "バックアップ"),
    "exclude": ("exclusion", "適用除外"),
    "item": ("SLA item", "SLA 項目"),
    "attribute": ("attribute", "属性"),
    "event_type": ("event type", "イベント種別"),
}

FIELDS: dict[str, tuple[str, str]] = {
    "name": ("name", "名称"),
    "format": ("file format", "ファイル形式"),
    "version": ("version", "版"),
    "effective": ("effective date", "適用開始日"),
    "timezone": ("time zone", "タイムゾーン"),
    "provider": ("provider", "提供者"),
    "title": ("title", "表題"),
    "source": ("source document", "原文"),
    "languages": ("languages", "言語"),
    "text": ("text", "本文"),
    "label": ("label", "名称"),
    "ref": ("article reference", "条項番号"),
    "days": ("days", "営業日"),
    "hours": ("hours", "時間帯"),
    "holidays": ("public holidays", "祝日"),
    "closed": ("closed dates", "休業日"),
    "closed_yearly": ("yearly closures", "毎年の休業期間"),
    "open": ("extra open dates", "臨時営業日"),
    "day_hours": ("hours of some weekdays", "曜日別の時間帯"),
    "date_hours": ("hours of some dates", "日付別の時間帯"),
    "closed_hours": ("closed hours of some dates", "一部時間の休業"),
    "named_holidays": ("named holidays", "独自の休日"),
    "notes": ("notes", "注記"),
    "availability_measured": ("availability measured", "稼働率の測定"),
    "availability_target": ("availability target", "稼働率目標"),
    "notice": ("notice", "事前通知"),
    "anchor": ("notice counted from", "通知期限の基準"),
    "channels": ("notice channels", "通知手段"),
    "emergency_allowed": ("emergency stops without notice", "緊急時の無通知停止"),
    "emergency_counts_as_downtime": ("emergency stops count as downtime", "緊急停止の停止時間算入"),
    "on": ("day", "実施日"),
    "roll": ("if not a business day", "非営業日の場合"),
    "calendar": ("calendar", "カレンダー"),
    "excused": ("excused from availability", "稼働率からの除外"),
    "starts": ("starts at", "起算点"),
    "at_risk_percent": ("at-risk warning", "警告しきい値"),
    "pauses": ("pauses", "一時停止"),  # issue 12: clocks and named targets
    "stops": ("stops at", "停止"),
    "resets": ("resets at", "リセット"),
    "targets": ("targets on clocks", "計測目標"),
    "definition": ("definition", "定義"),
    "target": ("response target", "応答目標時間"),
    "same_day": ("same-day guideline", "当日回答の目安"),
    "completion": ("completion", "完了条件"),
    "within": ("within", "通知期限"),
    "after": ("counted from", "起算イベント"),
    "met_by": ("met by", "達成イベント"),
    "only_during": ("applies only when recognised during", "適用条件"),
    "method": ("method", "方式"),
    "credits": ("service credits", "サービスクレジット"),
    "plan_targets": ("availability targets by condition", "条件付きの稼働率目標"),  # issue 13
    "plan_targets_first": ("conditional targets above the general one", "一般の目標より前の条件付き目標"),
    "period": ("measurement period", "測定期間"),
    "values": ("values", "値"),
    "default": ("default value", "既定値"),
    "when": ("condition", "適用条件"),
    "every": ("frequency", "頻度"),
    "continuous": ("continuous", "逐次"),
    "keep": ("retention", "保管期間"),
    "other_zone": ("in another zone", "別ゾーン"),
    "description": ("description", "説明"),
    "value": ("value", "設定値"),
    "title_label": ("title", "表題"),
}

WEEKDAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "ja": ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"),
}
UNIT_JA = {"minute": "分", "hour": "時間", "day": "日", "week": "週間", "month": "か月"}
ROLL = {
    "keep": ("stays on its day", "移動しない"),
    "next": ("moves to the next business day", "翌営業日に延期"),
    "previous": ("moves to the previous business day", "前営業日に前倒し"),
    "skip": ("is skipped", "実施しない"),
}
YES_NO = {True: ("yes", "あり"), False: ("no", "なし")}
NONE = ("none", "なし")


@dataclass(frozen=True)
class Change:
    """One difference between OLD and NEW: a declaration added or removed, or one field changed."""

    op: Op
    section: str
    key: str
    field: str | None
    old: Any = None
    new: Any = None
    #: article the change belongs to (for grouping a notice)
    article: int | None = None
    #: what a reader cares about beyond old -> new (e.g. "break 12:00-13:00 removed"), en and ja
    details: tuple[tuple[str, str], ...] = ()
    #: the label of the declaration, to name it for people
    label: m.Label | None = None


# ---- value rendering -------------------------------------------------------------------------


class Words:
    """Renders model values as words in one language, with the calendars' labels at hand."""

    def __init__(self, lang: Lang, calendars: dict[str, m.Calendar], notice: bool = False) -> None:
        self.lang = lang
        self.calendars = calendars
        #: name things by their labels, for readers who do not know the policy file
        self.notice = notice

    def pick(self, pair: tuple[str, str]) -> str:
        """The English or Japanese half of ``pair``."""
        return pair[0] if self.lang == "en" else pair[1]

    def ordinal(self, n: int) -> str:
        """``4th`` / ``第4``."""
        if self.lang == "ja":
            return f"第{n}"
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def duration(self, d: m.Duration) -> str:
        """``4 business hours`` / ``4時間（当社営業時間）``."""
        if self.lang == "en":
            return str(d)
        unit = UNIT_JA[d.unit.value]
        if d.calendar is None:
            return f"{d.amount}{unit}"
        cal = self.calendars.get(d.calendar)
        name = cal.label.text("ja") if cal is not None and cal.label.ja else d.calendar
        if "営業" in name and d.unit.value in ("minute", "hour", "day"):
            return f"{d.amount}営業{unit}"
        return f"{d.amount}{unit}（{name}）"

    def recurrence(self, r: m.Recurrence) -> str:
        """``4th Thursday of every month`` / ``毎月第4木曜日``."""
        wd = WEEKDAY_NAMES[self.lang]
        ja = self.lang == "ja"
        several = isinstance(r, m.NthWeekday) and bool(r.also)
        if isinstance(r, m.Monthly) and (r.since is not None or isinstance(r, m.LastWeekday) or several):
            return self._monthly(r)
        if isinstance(r, m.NthWeekday):
            day = wd[r.weekday.index]
            if r.nth == -1:
                return f"毎月最終{day}" if ja else f"last {day} of every month"
            return f"毎月{self.ordinal(r.nth)}{day}" if ja else f"{self.ordinal(r.nth)} {day} of every month"
        if isinstance(r, m.DayOfMonth):
            if r.day == -1:
                return "毎月末日" if ja else "last day of every month"
            return f"毎月{r.day}日" if ja else f"day {r.day} of every month"
        if isinstance(r, m.DayOfYear):
            return f"毎年{r.month}月{r.day}日" if ja else f"every year on {r.month:02d}-{r.day:02d}"
        return f"毎週{wd[r.weekday.index]}" if ja else f"every {wd[r.weekday.index]}"

    def _monthly(self, r: m.Monthly) -> str:
        """Issue 11's monthly forms: several ordinals, the last weekday, every Nth month from a month."""
        ja = self.lang == "ja"
        if isinstance(r, m.NthWeekday):
            day = WEEKDAY_NAMES[self.lang][r.weekday.index]
            nths = [("最終" if ja else "last") if n == -1 else self.ordinal(n) for n in (r.nth, *r.also)]
            base = ("・".join(nths) + day) if ja else f"{', '.join(nths)} {day}"
        elif isinstance(r, m.DayOfMonth):
            base = ("末日" if ja else "last day") if r.day == -1 else (f"{r.day}日" if ja else f"day {r.day}")
        else:
            base = "最終平日" if ja else "last weekday"
        if r.since is None:
            return f"毎月{base}" if ja else f"{base} of every month"
        y, mo = r.since
        return (
            f"{y}年{mo}月から{r.every}か月ごとの{base}" if ja else f"{base} of every {r.every} months from {y}-{mo:02d}"
        )

    def target(self, t: m.Target) -> str:
        """A response target in words."""
        if isinstance(t, m.Within):
            return self.duration(t.duration)
        if self.lang == "ja":
            return f"{self.ordinal(t.nth)}営業日の終業まで"
        return f"by the end of the {self.ordinal(t.nth)} {t.calendar} day"

    def label(self, lab: m.Label) -> str:
        """A text pair: the chosen language, quoted."""
        return f"「{lab.text('ja')}」" if self.lang == "ja" else f'"{lab.text("en")}"'

    def clock_part(self, v: m.Pause | m.ClockTarget) -> str:
        """A pause reason or a named target in words (issue 12)."""
        if isinstance(v, m.Pause):
            return f"{v.at} until {v.until}" if self.lang == "en" else f"{v.at} から {v.until} まで"
        kind = {
            "respond": ("respond", "応答"),
            "resolve": ("resolve", "解決"),
            "first_reply": ("first reply", "初回回答"),
        }
        by = ", ".join(v.by)
        if v.kind == "update":
            if self.lang == "en":
                return f"update every {self.duration(v.duration)} on {v.clock} by {by}"
            return f"{v.clock} で {self.duration(v.duration)} ごとに更新（{by}）"
        if self.lang == "en":
            return f"{kind[v.kind][0]} within {self.duration(v.duration)} on {v.clock}"
        return f"{v.clock} で {kind[v.kind][1]} {self.duration(v.duration)} 以内"

    def value(self, v: Any) -> str:
        """Any model value in words."""
        if v is None:
            return self.pick(NONE)
        if isinstance(v, bool):
            return self.pick(YES_NO[v])
        if isinstance(v, m.Duration):
            return self.duration(v)
        if isinstance(v, m.NthWeekday | m.DayOfMonth | m.LastWeekday | m.DayOfYear | m.WeeklyOn):
            return self.recurrence(v)
        if isinstance(v, m.DayHours):
            days = ",".join(self.value(d) for d in v.days)
            return f"{days} {', '.join(str(r) for r in v.ranges)}"
        if isinstance(v, m.DateHours):
            dates = ", ".join(self.value(d) for d in v.dates)
            return f"{dates} {', '.join(str(r) for r in v.ranges)}"
        if isinstance(v, m.NamedHoliday):
            return f"{v.date.isoformat()} {self.label(v.label)}"
        if isinstance(v, m.Within | m.ByEndOf):
            return self.target(v)
        if isinstance(v, m.Roll):
            return self.pick(ROLL[v.value])
        if isinstance(v, m.Pause | m.ClockTarget):  # issue 12
            return self.clock_part(v)
        if isinstance(v, m.Label):
            return self.label(v) if (v.ja or v.en) else self.pick(NONE)
        if isinstance(v, m.TimeRange | m.ArticleRef | m.Condition):
            return str(v)
        if isinstance(v, m.AvailabilityTarget):  # issue 13: `availability target 99.9% when plan = premium`
            tiers = ", ".join(self.value(t) for t in v.credits) or self.pick(NONE)
            return (
                f"{v.percent:g}% {self.value(v.period)} when {v.when}; {self.pick(('credits', 'クレジット'))} {tiers}"
            )
        if isinstance(v, m.CreditTier):  # issue 13
            return f"below {v.below:g}%: {v.credit:g}%" if self.lang == "en" else f"{v.below:g}% 未満: {v.credit:g}%"
        if isinstance(v, m.MeasurePeriod):
            return self.pick(
                {"month": ("monthly", "月ごと"), "quarter": ("quarterly", "四半期ごと")}.get(
                    v.value, ("per evaluated period", "評価期間ごと")
                )
            )
        if isinstance(v, m.DateRange):
            return v.first.isoformat() if v.first == v.last else f"{v.first.isoformat()}..{v.last.isoformat()}"
        if isinstance(v, m.YearlyRange):
            a = f"{v.first[0]:02d}-{v.first[1]:02d}"
            return a if v.first == v.last else f"{a}..{v.last[0]:02d}-{v.last[1]:02d}"
        if isinstance(v, m.Weekday):
            return WEEKDAY_NAMES[self.lang][v.index][: 3 if self.lang == "en" else 1]
        if isinstance(v, m.NoticeAnchor):
            return (
                self.pick(("the start date", "開始日"))
                if v is m.NoticeAnchor.START_DATE
                else self.pick(("the start time", "開始時刻"))
            )
        if isinstance(v, m.SameDayGuideline):
            en = f"same day if received {self.duration(v.before_close)} before close of {v.calendar}"
            return en if self.lang == "en" else f"終業の{self.duration(v.before_close)}前までの受付は当日回答"
        if isinstance(v, m.SilenceCompletion):
            if self.lang == "ja":
                return f"{v.after} の後 {self.duration(v.duration)} {v.unless} がない場合"
            return f"{self.duration(v.duration)} after {v.after} without {v.unless}"
        if isinstance(v, m.Completion):
            parts = [*(f"on {e}" if self.lang == "en" else f"{e} で完了" for e in sorted(v.on))]
            if v.silence is not None:
                parts.append(self.value(v.silence))
            return (", or " if self.lang == "en" else "、または ").join(parts) or self.pick(NONE)
        if isinstance(v, m.ServiceHours):
            if v.always:
                base = self.pick(("always", "常時"))
            else:
                base = v.calendar or ""
            ex = [self.pick(("maintenance", "定期メンテナンス"))] if v.except_maintenance else []
            if v.except_planned_stops:
                ex.append(self.pick(("planned stops", "計画停止")))
            if ex:
                base += (" except " if self.lang == "en" else " （除く: ") + ", ".join(ex)
                base += "" if self.lang == "en" else "）"
            return base
        if isinstance(v, m.ItemRef):
            return f"{v.kind} {v.name}" if v.kind != "planned_stop" else "planned stop"
        if isinstance(v, float):
            return f"{v:g}%"
        if isinstance(v, tuple | list):
            if not v:
                return self.pick(NONE)
            return ", ".join(self.value(x) for x in v)
        if isinstance(v, BaseModel):
            return json.dumps(m.meaning(v), ensure_ascii=False)
        return str(v)


# ---- comparing -------------------------------------------------------------------------------


def _entities(pm: m.PolicyModel) -> list[tuple[str, str, m.Node]]:
    """(section, key, node) for every declaration of a model."""
    out: list[tuple[str, str, m.Node]] = [("header", "", pm.header)]
    out += [("article", str(a.number), a) for a in pm.articles]
    out += [("calendar", c.name, c) for c in pm.calendars]
    out += [("service", s.name, s) for s in pm.services]
    out += [("planned_stop", "", p) for p in pm.planned_stops]
    out += [("maintenance", x.name, x) for x in pm.maintenance]
    out += [("clock", c.name, c) for c in pm.clocks]
    # a rule with a condition is its own declaration: `P1 when plan = premium` (issue 13)
    out += [("priority", p.id if p.when is None else f"{p.id} when {p.when}", p) for p in pm.priorities]
    out += [("attribute", a.name, a) for a in pm.attributes]
    out += [("event_type", e.name, e) for e in pm.event_types]  # declared event types (issue 12)
    out += [("notify", n.name, n) for n in pm.notifications]
    out += [("backup", b.kind, b) for b in pm.backups]
    out += [("exclude", e.cause, e) for e in pm.exclusions]
    out += [("item", str(i.number), i) for i in pm.items]
    return out


def _article_of(section: str, key: str, node: m.Node) -> int | None:
    if section == "article":
        return int(key)
    ref = getattr(node, "ref", None)
    if isinstance(ref, m.ArticleRef):
        return ref.article
    return None


def _plain(value: Any, field: str) -> Any:
    """A value by meaning; sets for unordered fields."""
    if isinstance(value, BaseModel):
        return m.meaning(value)
    if isinstance(value, tuple):
        items = [_plain(v, "") for v in value]
        if field in UNORDERED:
            return sorted(json.dumps(i, sort_keys=True, ensure_ascii=False) for i in items)
        return items
    return value


def _gaps(hours: Sequence[m.TimeRange]) -> set[tuple[int, int]]:
    ordered = sorted(hours, key=lambda r: r.start.minutes)
    return {(a.end.minutes, b.start.minutes) for a, b in itertools.pairwise(ordered)}


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _hours_details(old: Sequence[m.TimeRange], new: Sequence[m.TimeRange]) -> tuple[tuple[str, str], ...]:
    """Breaks added or removed, opening and closing times moved, hours per day."""
    out: list[tuple[str, str]] = []
    go, gn = _gaps(old), _gaps(new)
    for a, b in sorted(go - gn):
        out.append((f"break {_hhmm(a)}-{_hhmm(b)} removed", f"休憩 {_hhmm(a)}-{_hhmm(b)} を廃止"))
    for a, b in sorted(gn - go):
        out.append((f"break {_hhmm(a)}-{_hhmm(b)} added", f"休憩 {_hhmm(a)}-{_hhmm(b)} を追加"))
    if old and new:
        o0, n0 = min(r.start.minutes for r in old), min(r.start.minutes for r in new)
        o1, n1 = max(r.end.minutes for r in old), max(r.end.minutes for r in new)
        if o0 != n0:
            out.append((f"opens {_hhmm(o0)} -> {_hhmm(n0)}", f"開始 {_hhmm(o0)} → {_hhmm(n0)}"))
        if o1 != n1:
            out.append((f"closes {_hhmm(o1)} -> {_hhmm(n1)}", f"終了 {_hhmm(o1)} → {_hhmm(n1)}"))
    total_o = sum(r.end.minutes - r.start.minutes for r in old)
    total_n = sum(r.end.minutes - r.start.minutes for r in new)
    if total_o != total_n:
        out.append(
            (
                f"{total_o / 60:g} -> {total_n / 60:g} business hours a day",
                f"1日の営業時間 {total_o / 60:g}時間 → {total_n / 60:g}時間",
            )
        )
    return tuple(out)


def diff_models(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning between two policy models, in the order of NEW's declarations."""
    olds = {(s, k): n for s, k, n in _entities(old)}
    news = {(s, k): n for s, k, n in _entities(new)}
    changes: list[Change] = []
    order = list(news) + [key for key in olds if key not in news]
    for section, key in order:
        o, n = olds.get((section, key)), news.get((section, key))
        if o is None and n is not None:
            label = getattr(n, "label", None)
            changes.append(
                Change("added", section, key, None, new=n, article=_article_of(section, key, n), label=label)
            )
            continue
        if n is None and o is not None:
            label = getattr(o, "label", None)
            changes.append(
                Change("removed", section, key, None, old=o, article=_article_of(section, key, o), label=label)
            )
            continue
        assert o is not None and n is not None
        article = _article_of(section, key, n)
        for field in type(n).model_fields:
            if field == "span":
                continue
            ov, nv = getattr(o, field), getattr(n, field)
            if _plain(ov, field) == _plain(nv, field):
                continue
            details: tuple[tuple[str, str], ...] = ()
            if section == "calendar" and field == "hours":
                details = _hours_details(ov, nv)
            label = getattr(n, "label", None)
            changes.append(Change("changed", section, key, field, ov, nv, article, details, label))
    return changes


# ---- rendering -------------------------------------------------------------------------------


def _subject(c: Change, w: Words) -> str:
    """What a change is about: the words of the policy file, or in a notice or Japanese its label."""
    section = w.pick(SECTIONS[c.section])
    if c.section in ("header", "planned_stop"):
        return section
    if c.section == "article":
        return f"第{c.key}条" if w.lang == "ja" else f"article {c.key}"
    label = c.label
    if _by_label(c, w) and label is not None:
        text = label.text(w.lang)
        return f"{text}（{c.key}）" if w.lang == "ja" else f"{text} ({c.key})"
    if c.section == "item":
        return f"SLA 項目 {c.key}" if w.lang == "ja" else f"SLA item {c.key}"
    if c.section == "priority" and w.lang == "en":
        return c.key
    return f"{section} {c.key}"


def _by_label(c: Change, w: Words) -> bool:
    """Whether the subject of ``c`` is named by its label rather than its key."""
    if c.section in ("header", "planned_stop", "article"):
        return False
    return (w.lang == "ja" or w.notice) and c.label is not None and bool(c.label.ja or c.label.en)


def _declaration_words(c: Change, node: Any, w: Words) -> str:
    section = c.section
    label = getattr(node, "label", None) or getattr(node, "title", None)
    shown = isinstance(label, m.Label) and (label.ja or label.en) and not _by_label(c, w)
    text = w.label(label) if isinstance(label, m.Label) and shown else ""
    if section == "priority" and isinstance(node, m.Priority):
        target = w.target(node.target)
        text += f" (respond within {target})" if w.lang == "en" else f"（応答目標時間 {target}）"
    if section == "maintenance" and isinstance(node, m.Maintenance):
        text += (
            f" ({w.recurrence(node.on)} {node.hours})"
            if w.lang == "en"
            else f"（{w.recurrence(node.on)} {node.hours}）"
        )
    return text.strip()


def change_text(c: Change, w: Words) -> str:
    """One change as a line of text in the chosen language."""
    subject = _subject(c, w)
    arrow = " -> " if w.lang == "en" else " → "
    if _by_label(c, w) and c.op != "changed":
        subject = (
            f"{w.pick(SECTIONS[c.section])} {subject}" if w.lang == "ja" else f"{SECTIONS[c.section][0]}: {subject}"
        )
    if c.op == "added":
        desc = _declaration_words(c, c.new, w)
        sep = "" if desc.startswith("（") else ": "
        return (f"new {subject}" if w.lang == "en" else f"{subject}を追加") + (f"{sep}{desc}" if desc else "")
    if c.op == "removed":
        desc = _declaration_words(c, c.old, w)
        return (f"{subject} removed" if w.lang == "en" else f"{subject}を削除") + (f": {desc}" if desc else "")
    field = w.pick(FIELDS.get(c.field or "", (c.field or "", c.field or "")))
    if c.section == "header" and c.field in ("version", "effective"):
        field = w.pick(FIELDS[c.field])
    shown = w
    if w.value(c.old) == w.value(c.new):
        # only the other language's text changed: show that one
        shown = Words("ja" if w.lang == "en" else "en", w.calendars, w.notice)
    line = f"{subject} {field}: {shown.value(c.old)}{arrow}{shown.value(c.new)}"
    if w.lang == "ja":
        line = f"{subject}の{field}: {shown.value(c.old)}{arrow}{shown.value(c.new)}"
    if c.details:
        line += (
            " (" + "; ".join(w.pick(d) for d in c.details) + ")"
            if w.lang == "en"
            else "（" + "、".join(w.pick(d) for d in c.details) + "）"
        )
    return line


def _words(old: m.PolicyModel, new: m.PolicyModel, lang: Lang, notice: bool = False) -> Words:
    calendars = {c.name: c for c in old.calendars} | {c.name: c for c in new.calendars}
    return Words(lang, calendars, notice)


def render_text(old: m.PolicyModel, new: m.PolicyModel, changes: list[Change], lang: Lang = "en") -> str:
    """One line per change, marked ``+`` (added), ``-`` (removed) or ``~`` (changed)."""
    w = _words(old, new, lang)
    if not changes:
        return ("no change in meaning" if lang == "en" else "意味の変更はありません") + "\n"
    mark = {"added": "+", "removed": "-", "changed": "~"}
    return "".join(f"{mark[c.op]} {change_text(c, w)}\n" for c in changes)


def render_json(old: m.PolicyModel, new: m.PolicyModel, changes: list[Change], lang: Lang = "en") -> str:
    """The changes as JSON: the two versions, and each change with its values by meaning and in words."""
    w = _words(old, new, lang)

    def version(pm: m.PolicyModel) -> dict[str, Any]:
        return {"name": pm.header.name, "version": pm.header.version, "effective": pm.header.effective.isoformat()}

    rows = []
    for c in changes:
        rows.append(
            {
                "op": c.op,
                "section": c.section,
                "key": c.key,
                "field": c.field,
                "article": c.article,
                "old": _jsonable(c.old, c.field or ""),
                "new": _jsonable(c.new, c.field or ""),
                "details": [w.pick(d) for d in c.details],
                "text": change_text(c, w),
            }
        )
    doc = {"old": version(old), "new": version(new), "equal": not changes, "changes": rows}
    return json.dumps(doc, ensure_ascii=False, indent=2, default=str) + "\n"


def _jsonable(value: Any, field: str) -> Any:
    if value is None:
        return None
    plain = _plain(value, field)
    if field in UNORDERED and isinstance(plain, list):
        return [json.loads(x) for x in plain]
    return plain


def render_markdown(old: m.PolicyModel, new: m.PolicyModel, changes: list[Change], lang: Lang = "en") -> str:
    """A change notice for customers: versions, effective date, changes grouped by article."""
    w = _words(old, new, lang, notice=True)
    h = new.header
    name = h.title.text(lang) or h.name
    provider = h.provider.text(lang)
    effective = h.effective.isoformat()
    lines: list[str] = []
    if lang == "ja":
        lines.append(f"# {name} 変更のお知らせ")
        lines.append("")
        lines.append(f"- 変更前: 版 {old.header.version}（{old.header.effective.isoformat()} 適用）")
        lines.append(f"- 変更後: 版 {h.version}（**{effective} 適用**）")
        lines.append("")
        who = f"{provider}は、" if provider else ""
        lines.append(f"{who}{name} を {effective} より以下のとおり変更いたします。")
    else:
        lines.append(f"# Change notice: {name}")
        lines.append("")
        lines.append(f"- Previous: version {old.header.version} (effective {old.header.effective.isoformat()})")
        lines.append(f"- New: version {h.version} (**effective {effective}**)")
        lines.append("")
        who = f"{provider} is changing" if provider else "We are changing"
        lines.append(f"{who} the {name} as follows, with effect from {effective}.")
    lines.append("")
    if not changes:
        lines.append("変更内容はありません。" if lang == "ja" else "There is no change in substance.")
        return "\n".join(lines) + "\n"
    groups: dict[int | None, list[Change]] = {}
    for c in changes:
        groups.setdefault(c.article, []).append(c)
    titles = {a.number: a.title for a in new.articles} | {
        a.number: a.title for a in old.articles if a.number not in {x.number for x in new.articles}
    }
    for article in sorted(groups, key=lambda a: (a is not None, a or 0)):
        if article is None:
            heading = "全般" if lang == "ja" else "General"
        else:
            title = titles.get(article)
            t = f" {title.text(lang)}" if title is not None and (title.ja or title.en) else ""
            heading = (
                f"第{article}条{'（' + t.strip() + '）' if t else ''}" if lang == "ja" else f"Article {article}{t}"
            )
        lines.append(f"## {heading}")
        lines.append("")
        for c in groups[article]:
            lines.append(f"- {change_text(c, w)}")
        lines.append("")
    return "\n".join(lines)


RENDERERS: dict[str, Callable[[m.PolicyModel, m.PolicyModel, list[Change], Lang], str]] = {
    "text": render_text,
    "json": render_json,
    "markdown": render_markdown,
}


def load_model(path: str) -> m.PolicyModel:
    """Compile a policy file; raise :class:`PolicyError` with every error if it has any."""
    from ..lang.diagnostics import PolicyError
    from ..policy.load import compile_path

    compiled = compile_path(path)
    if compiled.model is None or compiled.errors:
        raise PolicyError(compiled.errors or compiled.diagnostics, compiled.source)
    return compiled.model


def cmd_diff(args: argparse.Namespace) -> int:
    """``sla diff OLD NEW [--format] [--lang] [--exit-code]``."""
    old, new = load_model(args.old), load_model(args.new)
    changes = diff_models(old, new)
    sys.stdout.write(RENDERERS[args.format](old, new, changes, args.lang))
    return 1 if args.exit_code and changes else 0
