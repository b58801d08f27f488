"""The wording of the monthly report's trend against earlier months (issue 16): keys ``report.trend.*``.

The section's title is ``report.trend`` of :mod:`.report`. Fields in braces are filled by
:func:`sla_dsl.i18n.message`; the figures arrive formatted.
"""

from __future__ import annotations

from .msg import Msg

TREND: dict[str, Msg] = {
    "report.trend.change": Msg("前月比", "Change from the month before"),
    "report.trend.current": Msg("{month}（当月）", "{month} (this report)"),
    "report.trend.span": Msg("{start}から{end}まで", "{start} to {end}"),
    "report.trend.cell": Msg("{percent}（{met}/{judged}件）", "{percent} ({met} of {judged})"),
    "report.trend.cell_days": Msg("{percent}（{met}/{judged}日）", "{percent} ({met} of {judged} days)"),
    "report.trend.cell_windows": Msg("{percent}（{met}/{judged}回）", "{percent} ({met} of {judged} windows)"),
    "report.trend.points": Msg("{value}ポイント", "{value} pt"),
    # a change said in words, not by its colour and sign alone (WCAG 1.4.1): better or worse for the customer
    "report.trend.better": Msg("{change}（改善）", "{change} (better)"),
    "report.trend.worse": Msg("{change}（悪化）", "{change} (worse)"),
    "report.trend.availability": Msg("稼働率（{service}）", "Availability ({service})"),
    "report.trend.target": Msg("{priority}の{target}（{clock}）", "{priority}: {target} ({clock})"),
    # (a next reply, called by its clock's label: :mod:`sla_dsl.report.target_names`)
    "report.trend.target.own": Msg("{priority}の{target}", "{priority}: {target}"),
    "report.trend.cell_faults": Msg("ゾーンの問題 {n}件", "zone problems: {n}"),
    # after it, the backups that state no zone (a month with none completed reads report.result.none_taken)
    "report.trend.cell_unverified": Msg("確認できず {n}件", "not verifiable: {n}"),
    "report.trend.faults_change": Msg("{value}件", "{value}"),
    # the note under the table: when the months were judged, then what its figures are, worded from the
    # commitments the table has (sla_dsl.report.sections.trend_note): no availability or backups where the
    # policy has none
    "report.trend.note": Msg(
        "各月の数値は、その月を対象期間とする報告書と同じく {as_of} 時点で判定したものです。",
        "Each month is judged as its own report would judge it, as of {as_of}.",
    ),
    "report.trend.note_figures": Msg("数値は、{figures}です。", "Figures shown: {figures}."),
    "report.trend.note_sep": Msg("、", "; "),
    "report.trend.note_counted": Msg("{items}が達成件数／判定件数", "{items} as met of judged"),
    "report.trend.note_availability": Msg(
        "稼働率が月内の測定期間で最も低い値", "availability as the lowest measurement period in the month"
    ),
    "report.trend.note_continuous": Msg(
        "逐次バックアップがゾーンに問題のあったバックアップの件数",
        "continuous backups as how many had a zone problem",
    ),
    "report.trend.note_item.response": Msg("応答", "responses"),
    "report.trend.note_item.target": Msg("各目標", "targets"),
    "report.trend.note_item.notice": Msg("通知", "notices"),
    "report.trend.note_item.stop_notice": Msg("計画停止の事前通知", "planned-stop notices"),
    "report.trend.note_item.backup": Msg("バックアップ", "backups"),
    # {items}: what of an incident the table counts (``応答・目標・通知`` / ``response, target or notice``)
    "report.trend.note_incidents": Msg(
        "案件の{items}の判定は、確定した月に1回だけ数えます（月末に未完了で翌月の報告書にも載る案件は、"
        "判定が確定した月の数値に入ります）。",
        "An incident's {items} counts once, in the month it was settled in (an incident "
        "still open at a month's end is listed by the next month's report too).",
    ),
    "report.trend.note_incident.response": Msg("応答", "response"),
    "report.trend.note_incident.target": Msg("目標", "target"),
    "report.trend.note_incident.notice": Msg("通知", "notice"),
    "report.trend.note_change": Msg(
        "前月比は当月と前月の差をポイントで示します。",
        "The change is the current month against the one before, in percentage points.",
    ),
    "report.trend.note_change_faults": Msg(
        "前月比は当月と前月の差をポイント（件数は件）で示します。",
        "The change is the current month against the one before, in percentage points (for a count, its difference).",
    ),
}
