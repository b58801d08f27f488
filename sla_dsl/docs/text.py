"""Words and formats of the rendered pages, in Japanese and English.

Design notes
------------
* The policy supplies every *value* (labels, durations, hours, dates); this
  module supplies only the words around them: column heads, the units of a
  duration, weekday names, and sentence frames such as "postponed from ...".
  ``T`` is one table of ``key -> (ja, en)``; :func:`t` picks a language.
* The Japanese forms follow the source document (``4営業時間``, ``1営業日``,
  ``7日間``, ``1ヶ月``, ``毎月第4木曜日``, ``10:00〜12:00``) so a reader can
  set the rendered page beside the original and find the same words.
* Every function here is pure and takes the language as ``lang`` (``"ja"`` or
  ``"en"``); nothing reads the clock or the file system.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from ..lang import model as m

LANGS: tuple[str, ...] = ("ja", "en")

#: Words around the values, by key: (Japanese, English).
T: dict[str, tuple[str, str]] = {
    "lang_name": ("日本語", "English"),
    "article": ("第{n}条（{title}）", "Article {n} ({title})"),
    "provider": ("提供者", "Provider"),
    "version": ("版", "Version"),
    "effective": ("適用開始日", "Effective"),
    "timezone": ("時間帯", "Time zone"),
    "source_lines": ("ポリシー定義 {a}〜{b} 行", "policy source, lines {a}-{b}"),
    "source_page": ("ポリシー定義（ソース）", "Policy source"),
    "no": ("項番", "No."),
    "service": ("サービス内容", "Service"),
    "standard": ("基準値（設定値）", "Standard (set value)"),
    "sec_service_hours": ("サービス提供時間帯", "Service hours"),
    "sec_items": ("本サービスの SLA 設定項目", "SLA items of this service"),
    "sec_response": ("障害発生時の対応", "Response when a failure occurs"),
    "sec_other": ("その他の規定", "Other rules"),
    "calendars": ("営業日カレンダー", "Business calendars"),
    "item_name": ("サービス項目名", "Item"),
    "item_desc": ("サービス項目の説明", "Description"),
    "item_value": ("備考", "Note / value"),
    "item_rules": ("規定", "Rules"),
    "prio": ("問題の優先順位", "Priority"),
    "definition": ("定義", "Definition"),
    "target": ("応答目標時間", "Response target"),
    "guideline": ("完了指針", "Completion guideline"),
    "completion": ("完了条件", "Completes"),
    "kind": ("種類", "Kind"),
    "method": ("方式", "Method"),
    "frequency": ("頻度", "Frequency"),
    "retention": ("保管期間", "Retention"),
    "location": ("保管場所", "Location"),
    "backups": ("データ管理（バックアップ）", "Data management (backups)"),
    "another_zone": ("異なるアベイラビリティ・ゾーン", "in a different availability zone"),
    "continuous": ("逐次バックアップ", "continuous"),
    "always": ("常時", "always"),
    "except_maint": ("定期メンテナンスを除く", "except regular maintenance"),
    "except_planned": ("計画停止を除く", "except planned stops"),
    "availability_measured": ("稼働率を測定（目標値なし）", "availability is measured (no target)"),
    "availability_target": ("稼働率目標 {p}", "availability target {p}"),
    "holidays": ("{c}の祝日を除く", "except {c} public holidays"),
    "closed": ("休業日: {d}", "closed: {d}"),
    "open_extra": ("営業日とする日: {d}", "also open: {d}"),
    "day_hours": ("1営業日 = {h}", "1 business day = {h}"),
    "maint_when": ("実施日時", "When"),
    "maint_roll_next": (
        "当該日が非営業日の場合は、翌営業日に延期されます。",
        "If that day is not a business day, the maintenance is postponed to the next business day.",
    ),
    "maint_roll_previous": (
        "当該日が非営業日の場合は、前営業日に繰り上げられます。",
        "If that day is not a business day, the maintenance is brought forward to the previous business day.",
    ),
    "maint_roll_skip": (
        "当該日が非営業日の場合は、その月は実施しません。",
        "If that day is not a business day, the maintenance is skipped.",
    ),
    "maint_roll_keep": (
        "当該日が非営業日でも、そのまま実施します。",
        "The maintenance takes place even when that day is not a business day.",
    ),
    "notice_none": ("メール等での事前案内はいたしません。", "No advance notice by e-mail or otherwise is given."),
    "notice_before": ("{d}前までに通知します。", "Notice is given {d} before."),
    "maint_excused": ("この時間帯は稼働率の計算から除きます。", "These windows are excused from availability."),
    "maint_counts": ("この時間帯はダウンタイムとして数えます。", "These windows count as downtime."),
    "next_windows": (
        "今後 {n} 回の定期メンテナンス（{d} 以降）",
        "The next {n} regular maintenance windows (from {d})",
    ),
    "date": ("日付", "Date"),
    "window": ("時間帯", "Window"),
    "remark": ("備考", "Note"),
    "postponed": ("{d}（{r}）から延期", "postponed from {d} ({r})"),
    "brought_forward": ("{d}（{r}）から繰り上げ", "brought forward from {d} ({r})"),
    "upcoming_moves": ("今後 {y} 年間の延期", "Moved windows in the next {y} years"),
    "no_moves": ("該当なし", "none"),
    "stop_notice": ("{anchor}の {d}前までに{ch}にて通知します。", "Notice by {ch} at least {d} before the {anchor}."),
    "anchor_start_date": ("作業実施日", "day of the work"),
    "anchor_start": ("停止開始時刻", "start of the stop"),
    "emergency_downtime": (
        "当社が緊急と判断した場合は、事前の通知なくサービスの全部または一部を停止することがあります"
        "（この停止はダウンタイムとして数えます）。",
        "In an emergency the Company may stop all or part of the service without notice "
        "(such a stop counts as downtime).",
    ),
    "emergency_excused": (
        "当社が緊急と判断した場合は、事前の通知なくサービスの全部または一部を停止することがあります"
        "（この停止は稼働率の計算から除きます）。",
        "In an emergency the Company may stop all or part of the service without notice "
        "(such a stop is excused from availability).",
    ),
    "clock_starts": ("応答目標時間の起算点: {e}", "The response clock starts at: {e}"),
    "else": ("、なければ ", ", or else "),
    "at_risk": (
        "運用上の警告（契約本文ではありません）: 目標時間の {p} 経過で「要注意」",
        "Operational warning (not contract text): at risk at {p} of the target",
    ),
    "by_end_of": ("{n}営業日目の終業時刻まで", "by the end of the {n} business day"),
    "same_day_rule": (
        "当日回答の目安: 営業日の {cut} まで（終業時刻 {close} の {d}前）に受けた{p}の案件は、当日中に回答します。",
        "Same-day answer: a {p} case received on a business day by {cut} ({d} before the {close} close) "
        "is answered the same day.",
    ),
    "same_day_check": (
        "例: {day} {cut} に受けた場合の期限は {due}。",
        "Example: received {day} at {cut}, due {due}.",
    ),
    "examples": ("計算例", "Worked examples"),
    "example_intro": (
        "{start} に応答の起算が始まった場合の期限（ポリシーから計算）:",
        "Deadlines for a clock that starts {start}, computed from the policy:",
    ),
    "clock_start": ("起算", "Clock starts"),
    "due": ("期限", "Due"),
    "complete_on": ("{e} で完了", "on {e}"),
    "complete_silence": (
        "{a} の後、{u} がないまま {d} 経過で完了",
        "{d} after {a} without {u}",
    ),
    "or": ("、または ", ", or "),
    "notify_within": ("{e} から {d} 以内に、{m} で達成。", "Within {d} after {e}; met by {m}."),
    "notify_only": ("{e} が {c} の営業時間内の場合に限ります。", "Only when {e} falls within {c} business hours."),
    "exclusions_intro": (
        "次のいずれかに起因するサービス停止は SLA の適用外とします。",
        "The SLA does not apply to the following:",
    ),
    "history": ("改版履歴", "Version history"),
    "changes": ("変更点", "Changes"),
    "first_version": ("初版", "first version"),
    "added": ("追加", "added"),
    "removed": ("削除", "removed"),
    "changed": ("変更", "changed"),
    "no_changes": ("意味上の変更なし", "no change in meaning"),
    "every_n": ("{n}{u}ごとに 1回", "once every {n} {u}"),
    "every_day": ("毎日 1回", "once a day"),
    "every_week": ("毎週 1回", "once a week"),
    "every_month": ("毎月 1回", "once a month"),
    "keep": ("{d}分まで管理", "kept for up to {d}"),
    "see_section": ("{s} を参照", "see {s}"),
    "source_of": ("原文", "Original text"),
}

_WEEKDAY_JA = ("月", "火", "水", "木", "金", "土", "日")
_WEEKDAY_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAY_EN_LONG = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Units: (Japanese elapsed, Japanese business, English singular).
_UNITS: dict[m.TimeUnit, tuple[str, str, str]] = {
    m.TimeUnit.MINUTE: ("分", "営業分", "minute"),
    m.TimeUnit.HOUR: ("時間", "営業時間", "hour"),
    m.TimeUnit.DAY: ("日間", "営業日", "day"),
    m.TimeUnit.WEEK: ("週間", "営業週", "week"),
    m.TimeUnit.MONTH: ("ヶ月", "営業月", "month"),
}

_CHANNELS: dict[str, tuple[str, str]] = {"email": ("メール", "e-mail"), "web": ("Web", "the web")}

#: Readable names of the contract's events.
EVENT_LABELS: dict[str, tuple[str, str]] = {
    "incident.reported": ("障害の報告を受けた時点", "the failure report is received"),
    "incident.product_suspected": (
        "原因が製品による可能性があると判断した時点",
        "the Company judges the product may be the cause",
    ),
    "incident.responded": ("エンド・ユーザー様への一次回答", "the first answer reaches the end user"),
    "incident.info_provided": ("エンド・ユーザー様への情報提供", "information is handed to the end user"),
    "incident.customer_replied": ("エンド・ユーザー様からの返答", "the end user answers"),
    "incident.resolved": (
        "回避策または問題解決に必要な情報の受領",
        "a workaround or the information needed is received",
    ),
    "incident.reprioritized": ("優先度の変更", "the priority changes"),
    "outage.started": ("サービス停止の開始", "the service becomes unavailable"),
    "outage.ended": ("サービスの再開", "the service is available again"),
    "outage.recognized": ("当社が障害を認知した時点", "the Company recognises the failure"),
    "outage.notified": ("障害状況の一報の通知", "the first report of the failure's status is sent"),
    "stop.announced": ("計画停止の通知", "a planned stop is announced"),
    "backup.completed": ("バックアップの完了", "a backup completes"),
    "backup.deleted": ("バックアップの削除", "a backup is deleted"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The words for ``key`` in ``lang``, with ``values`` filled in."""
    ja, en = T[key]
    text = ja if lang == "ja" else en
    return text.format(**values) if values else text


def esc(text: str) -> str:
    """``text`` escaped for HTML."""
    return html.escape(text, quote=True)


def label(lab: m.Label, lang: str) -> str:
    """A label's text in ``lang`` (falling back to the other language)."""
    return lab.text(lang)


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th`` ..."""
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def duration(d: m.Duration, lang: str) -> str:
    """``4 business hours`` / ``4営業時間``; ``7 days`` / ``7日間``."""
    ja_elapsed, ja_business, en = _UNITS[d.unit]
    if lang == "ja":
        return f"{d.amount}{ja_business if d.is_business else ja_elapsed}"
    unit = en + ("s" if d.amount != 1 else "")
    return f"{d.amount} {d.calendar + ' ' if d.calendar else ''}{unit}"


def every(d: m.Duration, lang: str) -> str:
    """A frequency: ``once a day`` / ``毎日 1回``."""
    if d.amount == 1 and not d.is_business and d.unit in (m.TimeUnit.DAY, m.TimeUnit.WEEK, m.TimeUnit.MONTH):
        return t(f"every_{d.unit.value}", lang)
    ja_unit = _UNITS[d.unit][0].removesuffix("間")
    unit = _UNITS[d.unit][2] + ("s" if d.amount != 1 else "")
    return t("every_n", lang, n=d.amount, u=ja_unit if lang == "ja" else unit)


def clock(c: m.ClockTime, lang: str) -> str:
    """``22:00``; 24:00 stays 24:00 (the end of the day)."""
    return str(c)


def time_range(r: m.TimeRange, lang: str) -> str:
    """``10:00–12:00`` / ``10:00〜12:00``."""
    return f"{r.start}{'〜' if lang == 'ja' else '–'}{r.end}"


def time_ranges(rs: Sequence[m.TimeRange], lang: str) -> str:
    """Several ranges: ``10:00–12:00, 13:00–18:00``."""
    return ("、" if lang == "ja" else ", ").join(time_range(r, lang) for r in rs)


def weekday(i: int, lang: str, long: bool = False) -> str:
    """The name of weekday ``i`` (0 = Monday)."""
    if lang == "ja":
        return _WEEKDAY_JA[i] + ("曜日" if long else "")
    return (_WEEKDAY_EN_LONG if long else _WEEKDAY_EN)[i]


def weekdays(days: Sequence[m.Weekday], lang: str) -> str:
    """Runs of weekdays: ``Mon–Fri`` / ``月〜金``."""
    idx = sorted({d.index for d in days})
    runs: list[tuple[int, int]] = []
    for i in idx:
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    dash = "〜" if lang == "ja" else "–"
    parts = [weekday(a, lang) if a == b else f"{weekday(a, lang)}{dash}{weekday(b, lang)}" for a, b in runs]
    return ("・" if lang == "ja" else ", ").join(parts)


def date(d: dt.date, lang: str) -> str:
    """``2026年4月23日（木）`` / ``Thu 2026-04-23``."""
    if lang == "ja":
        return f"{d.year}年{d.month}月{d.day}日（{weekday(d.weekday(), lang)}）"
    return f"{weekday(d.weekday(), lang)} {d.isoformat()}"


def moment(t_: dt.datetime, lang: str) -> str:
    """A date and time: ``2026年4月3日（金）17:00`` / ``Fri 2026-04-03 17:00``."""
    return f"{date(t_.date(), lang)} {t_:%H:%M}"


def date_range(r: m.DateRange, lang: str) -> str:
    """A single date or ``first..last``."""
    if r.first == r.last:
        return date(r.first, lang)
    return f"{date(r.first, lang)}{'〜' if lang == 'ja' else ' – '}{date(r.last, lang)}"


def yearly_range(r: m.YearlyRange, lang: str) -> str:
    """``12月29日〜1月3日`` / ``12-29 to 01-03`` (every year)."""
    (m1, d1), (m2, d2) = r.first, r.last
    if lang == "ja":
        one = f"毎年{m1}月{d1}日"
        return one if r.first == r.last else f"{one}〜{m2}月{d2}日"
    one = f"{m1:02d}-{d1:02d}"
    return f"every year {one}" if r.first == r.last else f"every year {one} to {m2:02d}-{d2:02d}"


def recurrence(on: m.Recurrence, lang: str) -> str:
    """``毎月第4木曜日`` / ``the 4th Thursday of every month``."""
    ja = lang == "ja"
    if isinstance(on, m.NthWeekday):
        wd = weekday(on.weekday.index, lang, long=True)
        if on.nth == -1:
            return f"毎月最終{wd}" if ja else f"the last {wd} of every month"
        return f"毎月第{on.nth}{wd}" if ja else f"the {ordinal(on.nth)} {wd} of every month"
    if isinstance(on, m.DayOfMonth):
        if on.day == -1:
            return "毎月末日" if ja else "the last day of every month"
        return f"毎月{on.day}日" if ja else f"day {on.day} of every month"
    if isinstance(on, m.DayOfYear):
        return f"毎年{on.month}月{on.day}日" if ja else f"every year on {on.month:02d}-{on.day:02d}"
    wd = weekday(on.weekday.index, lang, long=True)
    return f"毎週{wd}" if ja else f"every {wd}"


def channel(name: str, lang: str) -> str:
    """A notice channel: ``email`` -> ``メール`` / ``e-mail``."""
    ja, en = _CHANNELS.get(name, (name, name))
    return ja if lang == "ja" else en


def event(name: str, lang: str) -> str:
    """A readable name for a contract event, with its code."""
    ja, en = EVENT_LABELS.get(name, (name, name))
    return f"{ja if lang == 'ja' else en} (<code>{esc(name)}</code>)"


def join(parts: Sequence[str], lang: str) -> str:
    """Items of a list: ``a, b`` / ``a、b``."""
    return ("、" if lang == "ja" else ", ").join(parts)


def percent(value: float) -> str:
    """``75%`` (no trailing ``.0``)."""
    return f"{value:g}%"
