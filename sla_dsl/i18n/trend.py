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
    "report.trend.availability": Msg("稼働率（{service}）", "Availability ({service})"),
    "report.trend.target": Msg("{priority}の{target}（{clock}）", "{priority}: {target} ({clock})"),
    "report.trend.cell_faults": Msg("ゾーンの問題 {n}件", "zone problems: {n}"),
    "report.trend.faults_change": Msg("{value}件", "{value}"),
    "report.trend.note": Msg(
        "各月の数値は、その月を対象期間とする報告書と同じく {as_of} 時点で判定したものです"
        "（応答・各目標・通知・計画停止の事前通知・バックアップは達成件数／判定件数、稼働率は月内の"
        "測定期間で最も低い値、逐次バックアップはゾーンに問題のあったバックアップの件数）。"
        "案件の応答・目標・通知の判定は、確定した月に1回だけ数えます（月末に未完了で翌月の報告書にも載る案件は、"
        "判定が確定した月の数値に入ります）。"
        "前月比は当月と前月の差をポイント（件数は件）で示します。",
        "Each month is judged as its own report would judge it, as of {as_of} (responses, targets, "
        "notices, planned-stop notices and backups: met of judged; availability: the lowest measurement "
        "period in the month; continuous backups: how many had a zone problem). An incident's response, "
        "target or notice counts once, in the month it was settled in (an incident still open at a month's "
        "end is listed by the next month's report too). The change is the current month against the one "
        "before, in percentage points (for a count, its difference).",
    ),
}
