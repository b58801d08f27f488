"""Catalogue section: the customer report's tables of targets, availability periods and credits
(:mod:`sla_dsl.report.targets`, :mod:`sla_dsl.report.periods`, :mod:`sla_dsl.report.credits`), the
outages table's line per notification rule (:mod:`sla_dsl.report.operations`) and the timeline's
note on labels left out (:mod:`sla_dsl.report.chart`)."""

from __future__ import annotations

from .msg import Msg

__all__ = ["TABLES"]

#: ``report.<table>.<key>``
TABLES: dict[str, Msg] = {
    "report.credits.periods": Msg("サービス別・測定期間別の稼働率", "Availability per service and measurement period"),
    "report.credits.credits": Msg("サービスクレジット", "Service credits"),
    "report.credits.service": Msg("サービス", "Service"),
    "report.credits.period": Msg("測定期間", "Period"),
    "report.credits.ratio": Msg("稼働率", "Availability"),
    "report.credits.target": Msg("目標", "Target"),
    "report.credits.result": Msg("結果", "Result"),
    "report.credits.credit": Msg("クレジット", "Credit"),
    "report.credits.why": Msg("根拠", "Explanation"),
    "report.credits.met": Msg("達成", "met"),
    "report.credits.below": Msg("未達", "below target"),
    "report.credits.open": Msg("集計中", "not final"),
    "report.credits.month": Msg("月次", "month"),
    "report.credits.quarter": Msg("四半期", "quarter"),
    "report.credits.whole": Msg("評価期間", "evaluated period"),
    "report.credits.explain": Msg(
        "稼働率 {ratio} が {below} を下回ったため、料金の {credit} をクレジットとして返還（{ref}）",
        "availability {ratio} is below {below}: {credit} of the fee is credited ({ref})",
    ),
    "report.credits.no_article": Msg("条項の指定なし", "no article given"),
    # service credits per breached target (`credit 5% per breach` in a priority)
    "report.breach_credits.title": Msg("目標未達1件あたりのサービスクレジット", "Service credits per missed target"),
    "report.breach_credits.priority": Msg("優先度", "Priority"),
    "report.breach_credits.target": Msg("目標", "Target"),
    "report.breach_credits.period": Msg("測定期間", "Period"),
    "report.breach_credits.breaches": Msg("未達件数", "Missed"),
    "report.breach_credits.credit": Msg("クレジット", "Credit"),
    "report.breach_credits.why": Msg("根拠", "Explanation"),
    "report.breach_credits.on_clock": Msg("{kind}（{clock}）", "{kind} ({clock})"),
    "report.breach_credits.for": Msg("{target}（{who}）", "{target} ({who})"),
    "report.breach_credits.explain": Msg(
        "目標未達{n}件 × {per} により、料金の {credit} をクレジットとして返還（{ref}。対象案件：{incidents}）",
        "{n} missed × {per}: {credit} of the fee is credited ({ref}; incidents {incidents})",
    ),
    "report.breach_credits.explain.cap": Msg(
        "目標未達{n}件 × {per}（上限 {cap}）により、料金の {credit} をクレジットとして返還"
        "（{ref}。対象案件：{incidents}）",
        "{n} missed × {per}, at most {cap}: {credit} of the fee is credited ({ref}; incidents {incidents})",
    ),
    # a period several credit lines (versions) share: their rows together owe at most the highest cap
    "report.breach_credits.explain.shared": Msg(
        "目標未達{n}件 × {per}（この測定期間のほかの行と合わせて上限 {shared}）により、料金の {credit} を"
        "クレジットとして返還（{ref}。対象案件：{incidents}）",
        "{n} missed × {per}, at most {shared} with this period's other rows: {credit} of the fee is credited "
        "({ref}; incidents {incidents})",
    ),
    "report.breach_credits.explain.cap.shared": Msg(
        "目標未達{n}件 × {per}（上限 {cap}。この測定期間のほかの行と合わせて上限 {shared}）により、料金の "
        "{credit} をクレジットとして返還（{ref}。対象案件：{incidents}）",
        "{n} missed × {per}, at most {cap}, and at most {shared} with this period's other rows: {credit} of the "
        "fee is credited ({ref}; incidents {incidents})",
    ),
    "report.breach_credits.shared": Msg(
        "{priority}、{target}、{period}：この測定期間の{rows}行は合わせて {cap} を上限とします（各行の上限のうち"
        "最も高いもの）。最初の目標未達が早い行から順に、上限の残りの範囲でクレジットを返還します。",
        "{priority}, {target}, {period}: the period's {rows} rows together are capped at {cap}, the highest cap "
        "among them; each is credited, in the order of its first missed target, what is left under it.",
    ),
    "report.breach_credits.not_final": Msg(
        "。測定期間が終わっていないため確定していません。", "; not final: the period is not over."
    ),
    "report.breach_credits.sep": Msg("、", ", "),
    # a measurement period the evaluated one cuts: its cap is the whole period's, so it owes nothing here
    "report.breach_credits.explain.cut": Msg(
        "この報告の範囲の目標未達は{n}件（対象案件：{incidents}）。上限は測定期間全体に対するものであるため、"
        "クレジットは測定期間全体を対象とする報告で確定します（{ref}）。",
        "{n} missed in this report's part of the period (incidents {incidents}); the cap is the whole "
        "period's, so the credit is settled by a report over the whole period ({ref})",
    ),
    "report.breach_credits.no_article": Msg("条項の指定なし", "no article given"),
    # the header's cap on the sum of every credit of a period (`credit total at most 30% monthly`)
    "report.credit_totals.title": Msg("クレジットの合計と上限", "Total of service credits and its cap"),
    "report.credit_totals.period": Msg("測定期間", "Period"),
    "report.credit_totals.credits": Msg("上限適用前の合計", "Total before the cap"),
    "report.credit_totals.cap": Msg("上限", "Cap"),
    "report.credit_totals.owed": Msg("返還するクレジット", "Credit owed"),
    "report.credit_totals.why": Msg("根拠", "Explanation"),
    "report.credit_totals.explain.over": Msg(
        "この測定期間のクレジットの合計 {credits} が上限 {cap} を超えるため、"
        "料金の {owed} をクレジットとして返還（{ref}）",
        "the period's credits add up to {credits}, above the cap of {cap}: {owed} of the fee is credited ({ref})",
    ),
    "report.credit_totals.explain.within": Msg(
        "この測定期間のクレジットの合計 {credits} は上限 {cap} 以内のため、"
        "料金の {owed} をクレジットとして返還（{ref}）",
        "the period's credits add up to {credits}, within the cap of {cap}: {owed} of the fee is credited ({ref})",
    ),
    "report.credit_totals.not_final": Msg(
        "。測定期間が終わっていないため確定していません。", "; not final: the period is not over."
    ),
    "report.credit_totals.no_article": Msg("条項の指定なし", "no article given"),
    "report.targets.title": Msg("目標別の判定", "Verdicts per target"),
    "report.targets.id": Msg("ID", "ID"),
    "report.targets.target": Msg("目標", "Target"),
    "report.targets.clock": Msg("計測", "Measured on"),
    "report.targets.status": Msg("判定", "Status"),
    "report.targets.due": Msg("期限", "Due"),
    "report.targets.used": Msg("経過 / 目標", "Used / target"),
    "report.targets.respond": Msg("応答", "Response"),
    # a named target with the clock it is measured on (:func:`sla_dsl.report.target_names.target_on`)
    "report.targets.on": Msg("{target}（{clock}）", "{target} ({clock})"),
    "report.targets.resolve": Msg("解決", "Resolution"),
    "report.targets.first_reply": Msg("初回回答", "First reply"),
    # a first reply on a clock that restarts at each message, whose clock has no label (Zendesk's next reply)
    "report.targets.next_reply": Msg("次回回答", "Next reply"),
    "report.targets.update": Msg("定期更新", "Periodic update"),
    "report.targets.notify": Msg("通知", "Notification"),
    "report.targets.met": Msg("達成", "met"),
    "report.targets.breached": Msg("未達", "breached"),
    "report.targets.open": Msg("対応中", "open"),
    "report.targets.paused": Msg("一時停止中", "paused"),
    "report.targets.at_risk": Msg("要注意", "at risk"),
    "report.targets.excluded": Msg("適用外", "excluded"),
    "report.targets.not_applicable": Msg("対象外", "not applicable"),
    "report.targets.cancelled": Msg("取り消し", "cancelled"),
    "report.targets.missed": Msg("（{n} 回遅延）", " ({n} missed)"),
    # the outages table when several notification rules judge an outage: a line per rule
    "report.outages.rule": Msg("通知目標", "Notice target"),
    # the heading of the outages table after the one notification rule on outages (its label), or several
    "report.outages.named": Msg("障害と通知（{rule}）", "Outages and notices ({rule})"),
    "report.outages.several": Msg("障害と通知", "Outages and notices"),
    # the heading of the outages table when no version that judged the period has a notification rule on outages
    "report.outages.plain": Msg("障害", "Outages"),
    "report.outages.no_event": Msg("{event}がないため対象外", "no notice target until {event}"),
    "report.outages.outside_hours": Msg(
        "{event}が{calendar}外のため通知目標の対象外", "{event} outside {calendar}: no notice target"
    ),
    # a notice the rule does not count (sent before the event it counts from), in the notice column, and the
    # note under the table saying why ({event}: the events those rules count from, in words)
    "report.outages.early": Msg("{time}（目標に数えない）", "{time} (not counted)"),
    "report.outages.early_note": Msg(
        "「目標に数えない」とした通知は、通知目標の起算点である{event}より前に送られたため、目標の達成に数えません。",
        "A notice marked “not counted” was sent before {event}, which its notice target counts from: it does not "
        "meet the target.",
    ),
    "report.outages.early_note.plain": Msg(
        "「目標に数えない」とした通知は、通知目標の起算点となるイベントより前に送られたため、目標の達成に数えません。",
        "A notice marked “not counted” was sent before the event its notice target counts from: it does not meet "
        "the target.",
    ),
    # the outages table of a policy with several services: the service each outage is of, in a column when
    # the outages listed are of different services (an outage naming none counts against every measured
    # service), else in a note under the table
    "report.outages.service": Msg("サービス", "Service"),
    "report.outages.every_service": Msg("すべてのサービス", "every service"),
    "report.outages.one_service": Msg(
        "一覧の障害は、すべて「{service}」の障害です。", "Every outage listed is of “{service}”."
    ),
    "report.outages.every_service_note": Msg(
        "一覧の障害は、どれもサービスを指定していないため、測定するすべてのサービスの障害として数えます。",
        "No outage listed names a service: each counts against every measured service.",
    ),
    # the outages table's column on an outage's time that is not its downtime (report/outage_reasons.py):
    # each reason with its time ({duration}), joined by `report.outages.off.sep`; beside the downtime column
    "report.outages.not_counted": Msg("数えない時間", "Not counted"),
    "report.outages.off": Msg("{reason}：{duration}", "{reason}: {duration}"),
    "report.outages.off.sep": Msg("、", "; "),
    "report.outages.off.hours": Msg("サービス提供時間外（{calendar}）", "outside the service hours ({calendar})"),
    "report.outages.off.stop": Msg("通知済みの計画停止 {id}", "noticed planned stop {id}"),
    # the outage itself is an emergency stop the planned-stop rule does not count as downtime
    "report.outages.off.emergency": Msg("停止時間に数えない緊急停止", "emergency stop not counted as downtime"),
    # ... or overlaps one, or an outage an exclusion applies to, of its service ({id}: that outage's)
    "report.outages.off.emergency_other": Msg(
        "停止時間に数えない緊急停止 {id} と重なる時間", "overlapping emergency stop {id} (not downtime)"
    ),
    "report.outages.off.excluded_other": Msg("適用外の障害 {id} と重なる時間", "overlapping excluded outage {id}"),
    # the part of an outage before the report's period or after its end
    "report.outages.off.outside": Msg("対象期間外", "outside the period"),
    # the timeline: outages whose labels fit no row above the bar
    "report.timeline.unlabelled": Msg(
        "ほか {n} 件の障害はラベルを省略（一覧は「{table}」）", "{n} more outages not labelled: see “{table}”"
    ),
    "report.periods.period_below": Msg(
        "{start}〜{end} の稼働率 {ratio} が目標 {target}% を下回る",
        "availability {ratio} from {start} to {end} below the target {target}%",
    ),
    "report.periods.range": Msg("{start} 〜 {end}", "{start} - {end}"),
    "report.periods.range_kind": Msg("{range}（{kind}）", "{range} ({kind})"),
    "report.periods.window_missed": Msg("{start}〜{end} に{kind}の取得なし", "no {kind} taken from {start} to {end}"),
}
