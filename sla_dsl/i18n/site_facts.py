"""Catalogue section: the facts of the policy that hand-written pages of the site ask for (``{{ sla.NAME }}``,
filled by :mod:`sla_dsl.docs.facts`): keys ``site.facts.*``.

Design notes
------------
* The project's reading of the SLA (``docs/original/interpretation.*.md``) is written in the plain
  style of a specification (``である``), not the polite style of the policy page: these frames follow it.
* Every value is a field: durations, times and dates from :mod:`sla_dsl.docs.text`, labels from the
  policy, event and backup names as the event log writes them (in code), so no English word and no
  internal identifier is in the Japanese templates themselves.
* A sentence that a policy may leave without its subject (no planned stop, no backup) has a variant
  that says so, so the page never reads as a sentence with a hole in it.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["SITE_FACTS"]

SITE_FACTS: dict[str, Msg] = {
    "site.facts.none": Msg("なし", "none"),
    "site.facts.list_sep": Msg("、", ", "),
    "site.facts.and": Msg("{a}と{b}", "{a} and {b}"),
    # a name the event log writes, with its words (``incident.reported``（障害の報告を受けた時点）)
    "site.facts.named": Msg("{code}（{words}）", "{code} ({words})"),
    # a priority by its label and its id: 優先度１（P1）
    "site.facts.priority": Msg("{label}（{id}）", "{label} ({id})"),
    "site.facts.labelled": Msg("{label}：{text}", "{label}: {text}"),
    # business days and hours
    "site.facts.day_run": Msg("{a}から{b}", "{a} to {b}"),
    "site.facts.days_except": Msg("{days}（{h}）", "{days}, {h}"),
    "site.facts.quoted": Msg("「{d}」", "“{d}”"),
    "site.facts.equals": Msg("{a} ＝ {b}", "{a} = {b}"),
    "site.facts.plus": Msg("{start} ＋ {d} ＝ {due}", "{start} + {d} = {due}"),
    "site.facts.close_example": Msg("{sum} であり、{other} ではない", "{sum}, not {other}"),
    # the response clock's start, in order of preference
    "site.facts.clock_first": Msg("{e}があればその時点", "at {e} when that event exists"),
    "site.facts.clock_else": Msg("、なければ", "; otherwise "),
    "site.facts.clock_last": Msg("{e}の時点", "at {e}"),
    "site.facts.at_risk": Msg(
        "このポリシーは、目標時間の{p}で運用上の警告を宣言している（契約本文ではない追加である）。",
        "The policy declares an operational warning at {p} of the target (an addition, not contract text).",
    ),
    "site.facts.at_risk.several": Msg(
        "このポリシーは、目標時間の{p}の各時点で運用上の警告を宣言している（契約本文ではない追加である）。要注意となるのは{first}からである。",
        "The policy declares operational warnings at each of {p} of the target (an addition, not contract text); "
        "a case is at risk from {first}.",
    ),
    "site.facts.no_at_risk": Msg(
        "このポリシーは警告しきい値を宣言していないため、要注意となる案件はない。",
        "The policy declares no threshold, so no case is ever at risk.",
    ),
    # the same-day guideline ({d} before the close; {target} the priority's response target)
    "site.facts.same_day": Msg(
        "営業日の{cut}（終業時刻{close}の{d}前）以前に起算した{p}の案件は、期限が同じ日のうちでなければならない。"
        "エンジンはこれを報告し、ポリシーの静的な検査が、これが{p}の応答目標時間（{target}）と合っていることを確かめる。",
        "A {p} case whose clock starts on a business day at or before {cut} ({d} before the {close} close) must be "
        "due the same day. The engine reports it; a static check of the policy verifies that it agrees with the "
        "{p} response target ({target}).",
    ),
    "site.facts.no_same_day": Msg("このポリシーには当日回答の目安がない。", "The policy has no same-day guideline."),
    # a notification target
    "site.facts.notify_due": Msg("期限は{e}から{d}後である。", "Due {d} after {e}."),
    "site.facts.notify_only": Msg(
        "ただし、その瞬間が営業時間内の場合に**限る**。そうでない場合、目標は{na}である。",
        "**Only** when that instant is inside business hours; otherwise the target is {na}.",
    ),
    "site.facts.notify_only_on": Msg(
        "ただし、その瞬間が「{c}」の営業時間内の場合に**限る**。そうでない場合、目標は{na}である。",
        "**Only** when that instant is inside the open hours of the “{c}” calendar; otherwise the target is {na}.",
    ),
    "site.facts.not_applicable": Msg("{code}（対象外）", "{code}"),
    "site.facts.notify_met": Msg("最初の{m}で達成となる。", "Met by the first {m}."),
    # planned stops: the notice, and stops without one
    "site.facts.stop_notice_date": Msg(
        "停止の開始日の{d}前の日以前に{ch}で送った通知を有効とする（日付は{z}の日付：{stop}の停止には"
        "{last}以前に送った通知が必要で、その日のうちなら時刻は問わない）。",
        "Valid when sent by {ch} on or before the calendar date {d} before the stop's start date ({z} dates: "
        "a stop on {stop} needs notice sent on or before {last}, any time that day).",
    ),
    "site.facts.stop_notice_start": Msg(
        "停止の開始時刻の{d}前までに{ch}で送った通知を有効とする。",
        "Valid when sent by {ch} at least {d} before the stop starts.",
    ),
    "site.facts.any_channel": Msg("いずれかの手段", "any means"),
    "site.facts.stop_other_channel": Msg(
        "ほかの手段による通知や、それより後の通知は有効でない。",
        "A notice by another channel, or a later one, is not valid.",
    ),
    "site.facts.stop_later": Msg("それより後の通知は有効でない。", "A later notice is not valid."),
    "site.facts.no_planned_stop": Msg("このポリシーには計画停止の規定がない。", "The policy has no planned-stop rule."),
    "site.facts.emergency_downtime": Msg(
        "通知なしに行えるが、**除外時間にはならない**：停止時間として数える。",
        "Allowed without notice, but **not excused**: they count as downtime.",
    ),
    "site.facts.emergency_excused": Msg(
        "通知なしに行え、除外時間になる：停止時間として数えない。",
        "Allowed without notice, and excused: they do not count as downtime.",
    ),
    "site.facts.no_emergency": Msg(
        "このポリシーには通知なしの緊急停止の規定がない。", "The policy makes no provision for stops without notice."
    ),
    # regular maintenance
    "site.facts.maint_when": Msg("{on}の{s}から{e}まで。", "{s} to {e} on {on}."),
    "site.facts.midnight": Msg("24:00（翌日の00:00）", "24:00 (the next day's 00:00)"),
    "site.facts.next_day": Msg("翌日の{e}", "{e} the next day"),
    "site.facts.roll_next": Msg(
        "その日が営業日でない場合は、その後の最初の営業日の同じ時間帯に移る。",
        "If that day is not a business day, the window moves to the same hours on the next business day after it.",
    ),
    "site.facts.roll_previous": Msg(
        "その日が営業日でない場合は、その前の最後の営業日の同じ時間帯に移る。",
        "If that day is not a business day, the window moves to the same hours on the last business day before it.",
    ),
    "site.facts.roll_skip": Msg(
        "その日が営業日でない場合は、その回は行わない。", "If that day is not a business day, that window is skipped."
    ),
    "site.facts.roll_keep": Msg(
        "その日が営業日でなくても、その日に行う。", "The window stays on its day even when that is not a business day."
    ),
    "site.facts.maint_notice_none": Msg("通知は要らない。", "No notice is needed."),
    "site.facts.maint_notice": Msg("{d}前までに通知する。", "Notice is given {d} before."),
    "site.facts.no_maintenance": Msg(
        "このポリシーには定期メンテナンスがない。", "The policy has no regular maintenance."
    ),
    # availability targets
    "site.facts.availability": Msg(
        "このポリシーが定める稼働率目標：{list}。", "The policy's availability targets: {list}."
    ),
    "site.facts.availability_one": Msg("{svc}は{p}（{per}）", "{svc}: {p} ({per})"),
    "site.facts.availability_for": Msg("{svc}は{p}（{per}、{who}）", "{svc}: {p} ({per}; {who})"),
    "site.facts.no_availability": Msg(
        "このポリシーも稼働率の目標値を定めず、測定だけを行う。",
        "The policy sets no target either: availability is only measured.",
    ),
    # backups
    "site.facts.backup_daily": Msg(
        "{z}の暦日ごとに、毎日取得する種類（{kinds}）のそれぞれについて、完了したバックアップが少なくとも一つ必要である。"
        "それがない日は{missed}である。",
        "Each calendar day in {z} needs at least one completed backup of each daily kind ({kinds}). "
        "A day without one is {missed}.",
    ),
    "site.facts.missed": Msg("{code}（未実施）", "{code}"),
    "site.facts.kept": Msg("{kinds}は{d}", "{kinds}: {d}"),
    "site.facts.backup_keep": Msg(
        "保存期間（{list}）より前に削除したバックアップは、保存期間の違反である。",
        "A backup deleted before its retention ({list}) is a retention violation.",
    ),
    "site.facts.backup_months": Msg("月は暦の月で数える。", "Months count by calendar month arithmetic."),
    "site.facts.backup_zone": Msg(
        "{kinds}は、プライマリのゾーンとは異なるゾーンになければならない。",
        "{kinds} backups must be in a zone different from the primary zone.",
    ),
    "site.facts.no_backups": Msg("このポリシーにはバックアップの規定がない。", "The policy has no backup rule."),
    # completion of a case
    "site.facts.complete_on": Msg("{p}：案件は{e}で完了する。", "{p}: the incident completes at {e}."),
    "site.facts.complete_only": Msg("{p}：案件は{e}でだけ完了する。", "{p}: only {e} completes the incident."),
    "site.facts.complete_silence": Msg(
        "または、最後の{a}の後に{u}がないまま{d}が経過した時点で、自動的に完了する。",
        "Or it completes automatically {d} after the latest {a} with no later {u}.",
    ),
    "site.facts.complete_after": Msg(
        "{p}：案件は、最後の{a}の後に{u}がないまま{d}が経過した時点で、自動的に完了する。",
        "{p}: the incident completes automatically {d} after the latest {a} with no later {u}.",
    ),
    "site.facts.complete_none": Msg("{p}：完了の規定はない。", "{p}: no completion rule."),
    "site.facts.or": Msg("{a}または{b}", "{a} or {b}"),
    "site.facts.with_hours": Msg("{d}（{h}）", "{d} ({h})"),
}
