"""The monthly report's and ``sla explain``'s wording: keys ``report.*`` and ``explain.*``.

Fields in braces are filled by :func:`sla_dsl.i18n.message`; dates, times and
durations among them are written the language's way.
"""

from __future__ import annotations

from .msg import Msg
from .terms import CHANNELS

REPORT: dict[str, Msg] = {
    # -- head -----------------------------------------------------------------------
    "report.title": Msg("サービスレベル報告書", "Service level report"),
    "report.heading": Msg("{name} サービスレベル報告書（{month}）", "{name}: service level report, {month}"),
    "report.period": Msg("対象期間：{start} 〜 {end}（{as_of} 時点）", "Period: {start} to {end} (as of {as_of})"),
    "report.version": Msg("適用した規定の版：{versions}。", "Policy version: {versions}."),
    # every version the report used (in force during the period, or judging a row it lists), more than one
    "report.versions": Msg("適用した規定の版：{versions}。", "Policy versions: {versions}."),
    # something judged from before the earliest version's date: judged under it (as `sla explain` says per row)
    "report.versions.none_yet": Msg(
        "{effective}より前に適用中の規定の版はありません。"
        "それより前の分は、与えられた中で最も早い規定の版 {version} で判定しました。",
        "No version in force yet before {effective}: what falls before it is judged under version {version}, "
        "the earliest given.",
    ),
    # what reproduces the report (the head's last line): each version's fingerprint (the first 12 hex digits
    # of the SHA-256 of its text as read: `sha256sum`), and the tool that wrote it, its name and version
    "report.about": Msg(
        "この報告書について：規定ファイルのハッシュ値（SHA-256 の先頭12桁）{fingerprints}。作成ツール {tool}。",
        "About this report: policy fingerprint (first 12 hex digits of SHA-256) {fingerprints}; made with {tool}.",
    ),
    "report.about.fingerprints": Msg(
        "この報告書について：規定ファイルのハッシュ値（SHA-256 の先頭12桁）{fingerprints}。",
        "About this report: policy fingerprint (first 12 hex digits of SHA-256) {fingerprints}.",
    ),
    "report.about.tool": Msg("この報告書について：作成ツール {tool}。", "About this report: made with {tool}."),
    # one version's fingerprint in report.about: `2026.1：267906f1a994`
    "report.about.version": Msg("{version}：{digest}", "{version}: {digest}"),
    # lines of the event log left out by --skip-invalid: the head says so, a section lists them
    "report.skipped.head.one": Msg(
        "イベントログの {n} 行を不正なため除外しました。"
        "判定はその行を除いた記録によるものです（「{section}」に一覧）。",
        "{n} line of the event log was left out as invalid (--skip-invalid): the verdicts rest on the rest "
        "of the log (listed under “{section}”).",
    ),
    "report.skipped.head.other": Msg(
        "イベントログの {n} 行を不正なため除外しました。"
        "判定はそれらの行を除いた記録によるものです（「{section}」に一覧）。",
        "{n} lines of the event log were left out as invalid (--skip-invalid): the verdicts rest on the rest "
        "of the log (listed under “{section}”).",
    ),
    "report.skipped.title": Msg("除外したイベント行", "Event lines left out"),
    "report.skipped.line": Msg("行", "Line"),
    "report.skipped.code": Msg("コード", "Code"),
    "report.skipped.problem": Msg("問題", "Problem"),
    # a report read back from its JSON: the problems' words are in `input.skipped` only (in English)
    "report.skipped.not_listed": Msg(
        "各行の問題は、JSON 形式の報告書の `input.skipped` にあります。",
        "Each line's problems are in the JSON report's `input.skipped`.",
    ),
    "report.tz_japan": Msg("時刻はすべて日本時間です。", "All times are Japan time (UTC+09:00)."),
    "report.tz_zone": Msg("時刻はすべて{zone}です。", "All times are {zone}."),
    # a maintenance window's hours (:func:`sla_dsl.i18n.window_hours`), as the site's table of the next windows
    # and the dashboard write them: one that ends later the next day says so
    "report.window.hours": Msg("{start}〜{end}", "{start}–{end}"),
    "report.window.overnight": Msg("{start}〜翌{end}", "{start}–{end} the next day"),
    "report.tz_offset": Msg("時刻はすべて協定世界時から{offset}の時刻です。", "All times are at UTC{offset}."),
    # an offset the zone changed to during the period (report.zones): ``UTC-3、11月4日(日)からUTC-2``
    "report.tz_from": Msg("{day}から{offset}", "{offset} from {day}"),
    "report.tz_sep": Msg("、", ", "),
    "report.none": Msg("該当なし", "none"),
    # an empty cell of the HTML report's tables, drawn as "-": what a screen reader says for it instead of "dash"
    "report.cell.empty": Msg("なし", "none"),
    # the text report's line under a heading with no rows (full-width brackets in Japanese)
    "report.none_line": Msg("（該当なし）", "(none)"),
    "report.more": Msg(
        "… ほか {n} 件（`--limit 0` で全件表示。`json`・`markdown`・`html` は常に全件）",
        "… and {n} more (--limit 0 lists all; json, markdown and html always do)",
    ),
    "report.article": Msg("条項 {ref}", "Art. {ref}"),
    # an article's number as the SLA writes it (第 2 条の(2); the items of article 3's table by 項番): see
    # report/words.article_words; only Japanese reads a number so, English keeps `Art. 3.1.4`
    "report.article.n": Msg("第{n}条", "Art. {n}"),
    "report.article.paragraph": Msg("の({n})", ".{n}"),
    "report.article.item": Msg(" 項番{n}", ".{n}"),
    "report.day_end": Msg("{day}まで", "by the end of {day}"),
    "report.yes": Msg("はい", "yes"),
    "report.no": Msg("いいえ", "no"),
    # -- summary ----------------------------------------------------------------------
    "report.summary": Msg("総括", "Summary"),
    "report.commitment": Msg("項目", "Commitment"),
    "report.target": Msg("目標", "Target"),
    "report.result": Msg("実績", "Result"),
    "report.verdict": Msg("評価", "Verdict"),
    "report.verdict.met": Msg("達成", "met"),
    "report.verdict.not_met": Msg("未達", "not met"),
    "report.verdict.watch": Msg("要注意", "at risk"),
    "report.verdict.measured": Msg("測定のみ", "measured only"),
    "report.verdict.unverified": Msg("確認できず", "cannot be verified"),
    # nothing judged yet, only open items (a response or a notice not yet due)
    "report.verdict.pending": Msg("判定待ち", "pending"),
    # an availability figure below target over a period not yet over (or cut by the report's period)
    "report.verdict.below_so_far": Msg("未達（暫定）", "not met so far"),
    # ... and at or above it so far: not final either, never "met" (the words of `explain.avail.so_far.met`)
    "report.verdict.met_so_far": Msg("集計中（ここまでは達成）", "not final (met so far)"),
    "report.commit.response": Msg("{label}の応答", "{label}: response"),
    "report.commit.availability": Msg("稼働率", "Availability"),
    "report.commit.notice": Msg("{label}", "{label}"),
    "report.commit.stops": Msg("計画停止の事前通知", "Notice of planned stops"),
    "report.commit.backup": Msg("{label}", "{label}"),
    "report.commit.continuous": Msg("{label}（別ゾーン）", "{label} (another zone)"),
    "report.target.within": Msg("{duration}以内", "within {duration}"),
    "report.target.by_end": Msg("{nth}営業日目の終業時刻まで", "by the end of the {nth} business day"),
    "report.target.by_time": Msg("{nth}営業日目の{time}まで", "by {time} on the {nth} business day"),
    # a priority's target that a version in force later in the period changed (issue: versions)
    "report.target.changed": Msg("{target}（{changes}）", "{target} ({changes})"),
    "report.target.from": Msg("{day}から{target}", "{target} from {day}"),
    "report.target.from_sep": Msg("、", "; "),
    "report.target.percent": Msg("{percent}%以上", "at least {percent}%"),
    "report.target.none": Msg("目標値の定めなし", "no target stated"),
    # a notification rule that applies only when the event it counts from falls in open hours (`only if
    # outage.recognized during business hours`): from the recognition in business hours, as Article 3 says;
    # from another event ({event}: ``サービスの再開``), or in the hours of another calendar, by their words
    "report.target.notice": Msg(
        "{duration}以内（営業時間内に認知した場合）", "within {duration} (when recognised in business hours)"
    ),
    "report.target.notice_during": Msg(
        "{duration}以内（{event}が営業時間内の場合）", "within {duration} (when {event} falls in business hours)"
    ),
    "report.target.notice_during_on": Msg(
        "{duration}以内（{event}が「{calendar}」の営業時間内の場合）",
        "within {duration} (when {event} falls within the open hours of “{calendar}”)",
    ),
    "report.target.stop_notice": Msg(
        "開始日の{duration}前までに{channels}で", "{duration} before the start date, by {channels}"
    ),
    # `notice 5 days before start` (no `date`): counted from the instant the stop starts, not its day
    "report.target.stop_notice_start": Msg(
        "開始時刻の{duration}前までに{channels}で", "{duration} before the start time, by {channels}"
    ),
    "report.target.daily": Msg("毎日1回以上", "at least once a day"),
    "report.target.every": Msg("{duration}ごと", "every {duration}"),
    "report.target.zone": Msg("主ゾーンとは別のゾーンに取得", "taken in a zone other than the primary one"),
    # a named target of a priority (issue 12) as the policy words it: a periodic update by these events
    "report.target.update": Msg("{duration}ごとに{by}", "{by} at least every {duration}"),
    "report.target.or": Msg("または", " or "),
    # after a named target: its out-of-hours time (Request Tracker's OutOfHours), on the `business` calendar
    # (what "business hours" means in a policy) and on another, by its label
    "report.target.out_of_hours": Msg(
        "（営業時間外の受付は{extra}を加算）", " (plus {extra} if received outside business hours)"
    ),
    "report.target.out_of_hours_on": Msg(
        "（「{calendar}」の営業時間外の受付は{extra}を加算）",
        " (plus {extra} if received outside the open hours of “{calendar}”)",
    ),
    # a figure of several measurement periods: the lowest, named by its period (a month, or its span)
    "report.result.lowest_month": Msg("{figure}（最も低い月：{period}）", "{figure} (lowest month: {period})"),
    "report.result.lowest_period": Msg(
        "{figure}（最も低い測定期間：{period}）", "{figure} (lowest measurement period: {period})"
    ),
    "report.result.ratio": Msg("{met}/{judged} 件達成（{percent}）", "{met} of {judged} met ({percent})"),
    "report.result.nothing": Msg("判定の対象なし", "nothing to judge"),
    # an availability figure over no measured time (the JSON's ratio 1.0): no figure in words
    "report.result.nothing_measured": Msg("測定した時間なし", "no time measured"),
    # what is not judged yet, after what is (``2/3 件達成（66.7%）、対応中 1 件``)
    "report.result.open": Msg("対応中 {n} 件", "{n} open"),
    "report.result.at_risk": Msg("要注意 {n} 件", "{n} at risk"),
    "report.result.awaiting": Msg("通知待ち {n} 件", "{n} awaiting notice"),
    "report.result.sep": Msg("、", ", "),
    # incidents listed because still open at the period's start, their response judged before it
    "report.result.earlier": Msg(
        "前の期間に応答の判定が確定した案件（前の期間の報告書で計上済み）は、"
        "上の応答の件数に含めていません：一覧の {n} 件。",
        "Incidents listed whose response was judged in an earlier period (counted in that period's report) "
        "are not counted in the responses above: {n}.",
    ),
    "report.result.later": Msg(
        "対象期間の終了後に応答の判定が確定した案件（終了時点で未完了のため次の期間の報告書にも載り、"
        "そちらで計上します）は、上の応答の件数に含めていません：一覧の {n} 件。",
        "Incidents listed whose response was judged after the period's end (not completed then, so listed "
        "again in the next period's report, which counts them) are not counted in the responses above: {n}.",
    ),
    "report.incidents_later": Msg(
        "この表の件数には、対象期間の終了後に応答の判定が確定した {n} 件"
        "（次の期間の報告書で計上する案件）を含みます。総括ではこれらを数えません。",
        "These counts include {n} incidents whose response was judged after the period's end (counted in the "
        "next period's report); the summary does not count them.",
    ),
    "report.incidents_earlier": Msg(
        "この表の件数には、前の期間に応答の判定が確定した {n} 件"
        "（対象期間の開始時点で未完了のため一覧に載る案件）を含みます。総括ではこれらを数えません。",
        "These counts include {n} incidents whose response was judged in an earlier period (listed because "
        "they were not completed at the period's start); the summary does not count them again.",
    ),
    "report.result.days": Msg("{ok}/{days} 日実施", "{ok} of {days} days taken"),
    "report.result.windows": Msg(
        "{ok}/{windows} 回実施（{duration}ごとの取得期間）", "{ok} of {windows} windows of {duration} taken"
    ),
    # windows whose length a version in force from mid-period changed (the target column says each length)
    "report.result.windows_changed": Msg("{ok}/{windows} 回実施（取得期間ごと）", "{ok} of {windows} windows taken"),
    # backup days or windows not over at `as_of`, after those judged (`24/24 日実施、未確定 6 日`)
    "report.result.day_pending": Msg("未確定 {n} 日", "{n} day pending"),
    "report.result.days_pending": Msg("未確定 {n} 日", "{n} days pending"),
    "report.result.window_pending": Msg("未確定 {n} 回", "{n} window pending"),
    "report.result.windows_pending": Msg("未確定 {n} 回", "{n} windows pending"),
    "report.result.stops": Msg("{ok}/{total} 件有効", "{ok} of {total} valid"),
    "report.result.retention_bad": Msg("保存期間前の削除 {n} 件", "{n} deleted before retention"),
    "report.result.zone_ok": Msg("問題なし", "no problem found"),
    "report.result.none_taken": Msg("記録なし", "none recorded"),
    "report.result.zone_bad": Msg("ゾーンに問題のあるバックアップ {n} 件", "backups with a zone problem: {n}"),
    "report.result.zone_unstated": Msg(
        "ゾーンの記載がなく確認できないバックアップ {n} 件", "backups that state no zone (cannot be verified): {n}"
    ),
    # -- durations -----------------------------------------------------------------------
    "report.unit.second": Msg("{n}秒", "{n} second"),
    "report.unit.seconds": Msg("{n}秒", "{n} seconds"),
    "report.unit.minute": Msg("{n}分", "{n} minute"),
    "report.unit.minutes": Msg("{n}分", "{n} minutes"),
    "report.unit.hour": Msg("{n}時間", "{n} hour"),
    "report.unit.hours": Msg("{n}時間", "{n} hours"),
    "report.unit.day": Msg("{n}日", "{n} day"),
    "report.unit.days": Msg("{n}日", "{n} days"),
    "report.unit.week": Msg("{n}週間", "{n} week"),
    "report.unit.weeks": Msg("{n}週間", "{n} weeks"),
    "report.unit.month": Msg("{n}ヶ月", "{n} month"),
    "report.unit.months": Msg("{n}ヶ月", "{n} months"),
    "report.unit.business": Msg("{n}営業{unit}", "{n} business {unit}"),
    "report.unit.business_hour": Msg("時間", "hour"),
    "report.unit.business_hours": Msg("時間", "hours"),
    "report.unit.business_day": Msg("日", "day"),
    "report.unit.business_days": Msg("日", "days"),
    "report.unit.business_minute": Msg("分", "minute"),
    "report.unit.business_minutes": Msg("分", "minutes"),
    "report.unit.business_second": Msg("秒", "second"),
    "report.unit.business_seconds": Msg("秒", "seconds"),
    "report.unit.business_week": Msg("週", "week"),
    "report.unit.business_weeks": Msg("週", "weeks"),
    "report.unit.business_month": Msg("月", "month"),
    "report.unit.business_months": Msg("月", "months"),
    "report.unit.on_calendar": Msg("{amount}（{calendar}）", "{amount} ({calendar})"),
    "report.hmm": Msg("{hmm}（時間:分）", "{hmm} (h:mm)"),
    # -- availability ------------------------------------------------------------------
    "report.availability": Msg("稼働率", "Availability"),
    "report.item": Msg("項目", "Item"),
    "report.time_hmm": Msg("時間（時間:分）", "Time (h:mm)"),
    # (a report with a duration that is not whole minutes: every duration to the second)
    "report.time_hmmss": Msg("時間（時間:分:秒）", "Time (h:mm:ss)"),
    "report.period_time": Msg("対象期間", "Period"),
    "report.measured": Msg("測定時間", "Measured time"),
    "report.downtime": Msg("停止時間", "Downtime"),
    "report.ratio": Msg("稼働率", "Availability"),
    "report.excused": Msg("除外時間（定期メンテナンス・通知済み計画停止）", "Excused (maintenance, noticed stops)"),
    # (the service is provided in a calendar's hours: the time outside them is excused too)
    "report.excused_hours": Msg(
        "除外時間（定期メンテナンス・通知済み計画停止・サービス提供時間外）",
        "Excused (maintenance, noticed stops, outside the service hours)",
    ),
    # outages excluded by the policy's exclusions ({articles}: the articles they cite, ``第4条``)
    "report.excluded": Msg("適用外", "Excluded"),
    "report.excluded.under": Msg("適用外（{articles}）", "Excluded ({articles})"),
    "report.overlap_note": Msg(
        "停止時間は重なった時間を1回だけ数えます。各障害の停止時間の合計 {sum} に対し、合計の停止時間は {total} です。",
        "Overlapping outages count once: the outages' own downtimes add to {sum}, the total downtime is {total}.",
    ),
    # (a policy measuring several services: the whole-period figures are those of the first one)
    "report.overlap_note_service": Msg(
        "停止時間は重なった時間を1回だけ数えます。「{service}」に算入する各障害の停止時間の合計 {sum} に対し、"
        "合計の停止時間は {total} です。",
        "Overlapping outages count once: the own downtimes of the outages counted against “{service}” add to "
        "{sum}, its total downtime is {total}.",
    ),
    "report.availability_of": Msg(
        "この表は、稼働率を測定する最初のサービス「{service}」の数値です。サービスごとの数値は「{periods}」にあります。",
        "These are the figures of “{service}”, the first service whose availability is measured; each "
        "service's are under “{periods}”.",
    ),
    # -- incidents ----------------------------------------------------------------------
    "report.incidents": Msg("障害対応：応答目標", "Incidents: response targets"),
    "report.priority": Msg("優先度", "Priority"),
    # between the labels of the rules of a priority with `when` whose labels differ (`urgent 緊急（VIP）／緊急`)
    "report.priority.labels_sep": Msg("／", " / "),
    "report.total": Msg("件数", "Total"),
    "report.achieved": Msg("達成率", "Achieved"),
    "report.completed": Msg("完了", "Completed"),
    "report.status.met": Msg("達成", "met"),
    "report.status.breached": Msg("未達", "breached"),
    "report.status.open": Msg("対応中", "open"),
    "report.status.at_risk": Msg("要注意", "at risk"),
    "report.status.excluded": Msg("適用外", "excluded"),
    "report.not_met": Msg("目標未達の案件", "Incidents not met"),
    "report.at_risk": Msg("期限が近い案件（要注意）", "Incidents at risk"),
    "report.id": Msg("ID", "ID"),
    "report.clock_start": Msg("起算時刻", "Clock start"),
    "report.due": Msg("期限", "Due"),
    "report.responded": Msg("応答", "Responded"),
    # the header of how late (how long left): in business time when every row counts it, else the plain
    # header, and every time marked with what it counts (report.late_elapsed, report.in_business)
    "report.late": Msg("超過", "Late by"),
    "report.late_business": Msg("超過（営業時間）", "Late by (business time)"),
    "report.late_elapsed": Msg("{late}（経過時間）", "{late} (elapsed)"),
    "report.in_business": Msg("{time}（営業時間）", "{time} (business time)"),
    # late, but with no business time past the due time (both in closed hours): never a time of 0:00, which
    # reads as not late; as a table's cell and in a sentence (``report.late_by_outside``)
    "report.late_outside": Msg("営業時間外に超過", "late outside business hours"),
    # how late in a sentence, one phrase: business time, elapsed time (never a marked time inside the
    # sentence's parentheses), late outside business hours
    "report.late_by": Msg("{late} 超過", "{late} late"),
    "report.late_by_elapsed": Msg("経過時間で {late} 超過", "{late} late, elapsed time"),
    "report.late_by_outside": Msg("営業時間外に超過", "late outside business hours"),
    "report.left": Msg("残り（営業時間）", "Left (business time)"),
    "report.left_plain": Msg("残り", "Left"),
    # the warning threshold an at-risk target has passed, when its clock has several (`at risk at 50%, 75% of
    # target`): the column of the incidents at risk, and after the status in the table of targets, `sla explain`'s
    # headline and the dashboard of `sla serve`
    "report.risk.threshold": Msg("警告", "Warning"),
    "report.risk.passed": Msg("目標の {percent}% が経過", "{percent}% of target used"),
    "report.risk.status": Msg("{status}（{passed}）", "{status} ({passed})"),
    "report.no_response": Msg("応答なし", "no response"),
    # where the policy relabels `incident.responded` (`event incident.responded "…" / "…"`): {event} its label
    # in quotes; a column of a relabelled type's times is headed by it (PolicyWords.event_column), or, when it
    # is too wide for a header, by the catalogue's header with this note under the table
    "report.no_response.relabelled": Msg("{event}なし", "no {event}"),
    "report.column_event": Msg("「{column}」の列は、{event}を記録した時刻です", "{column}: when {event} was recorded"),
    # -- outages -------------------------------------------------------------------------
    # (the heading when the outages' one notification rule has no label, or there is none; else
    # ``report.outages.named`` or ``report.outages.several``)
    "report.outages": Msg("障害と復旧情報通知", "Outages and recovery notices"),
    # what an outage's notice is called under a notification rule without a label (else: its label)
    "report.outage_notice": Msg("復旧情報通知", "recovery notice"),
    "report.start": Msg("開始", "Start"),
    "report.end": Msg("終了", "End"),
    "report.still_open": Msg("継続中", "ongoing"),
    "report.notice_due": Msg("通知期限", "Notice due"),
    "report.notified_at": Msg("通知日時", "Notified"),
    "report.downtime_hmm": Msg("停止時間（時間:分）", "Downtime (h:mm)"),
    "report.downtime_hmmss": Msg("停止時間（時間:分:秒）", "Downtime (h:mm:ss)"),
    "report.notice": Msg("通知", "Notice"),
    "report.reason": Msg("理由", "Reason"),
    "report.na.outside_hours": Msg(
        "営業時間外に認知したため通知目標の対象外", "recognised outside business hours: no notice target"
    ),
    "report.na.not_recognised": Msg(
        "当社が障害を認知していないため対象外", "not recognised by the Company: no notice target"
    ),
    "report.na.still_open": Msg("障害が継続中", "the outage is still going on"),
    # the version that judged the outage has no notification rule on an outage event
    "report.na.no_outage_rule": Msg(
        "障害時の通知の規定がないため対象外", "no notification rule for outages: no notice target"
    ),
    "report.na.condition": Msg(
        "{has}のため対象外（{when}の場合に適用）", "not applicable: {has} (applies when {when})"
    ),
    # {values}: the values' labels (issue 16: `value premium "プレミアム" / "Premium"`), Japanese without spaces
    "report.when.eq": Msg("{attribute}が{values}", "{attribute} is {values}"),
    "report.when.ne": Msg("{attribute}が{values}以外", "{attribute} is not {values}"),
    "report.when.in": Msg("{attribute}が{values}のいずれか", "{attribute} is one of {values}"),
    "report.when.not_in": Msg("{attribute}が{values}のいずれでもない", "{attribute} is none of {values}"),
    "report.when.and": Msg("、かつ", " and "),
    "report.when.customers": Msg("{who}の顧客", "customers whose {who}"),
    "report.when.others": Msg("その他の顧客", "other customers"),
    "report.when.rest": Msg("その他", "otherwise"),
    # a rule without `when` beside a rule of its priority left out (it has no such target): whom it is for
    "report.when.except": Msg("{conditions}の場合以外", "unless {conditions}"),
    "report.when.or": Msg("、または", " or "),
    "report.na.no_rule": Msg("通知目標の定めなし", "no notice target in the policy"),
    "report.na.excused": Msg(
        "停止時間から除外（定期メンテナンス・通知済み計画停止）", "inside excused time (maintenance or noticed stop)"
    ),
    # an outage or incident whose cause is one the policy excludes: with the exclusion's article (``第6条``)
    # when it cites one
    "report.na.excluded": Msg("適用外（{cause}）", "excluded ({cause})"),
    "report.na.excluded_under": Msg("{article}により適用外（{cause}）", "excluded under {article} ({cause})"),
    "report.notice.met": Msg("期限内に通知", "notified in time"),
    "report.notice.breached": Msg("期限超過", "late"),
    "report.notice.open": Msg("通知待ち", "awaiting notice"),
    # -- planned stops and maintenance -------------------------------------------------------
    "report.stops": Msg("計画停止", "Planned stops"),
    "report.notice_at": Msg("通知日時", "Notice sent"),
    "report.notice_deadline": Msg("通知期限", "Notice deadline"),
    "report.channel": Msg("手段", "Channel"),
    "report.valid": Msg("有効", "Valid"),
    "report.stop.valid": Msg("有効な事前通知", "valid notice"),
    "report.stop.notice": Msg("{at} {channel}で通知：{why}", "{at} by {channel}: {why}"),
    "report.stop.none": Msg("事前通知なし", "no notice"),
    # (interpretation, reading 13: downtime is the outages' time; such a stop only excuses none of it)
    "report.stop.invalid_note": Msg(
        "有効な通知のない計画停止は除外時間になりません。その時間帯に起きた障害は停止時間として数えます。",
        "A planned stop without a valid notice is not excused: outages during its window count as downtime.",
    ),
    # the channels' Japanese as the site and the change notice say them; the English is the channel's name
    **{
        f"report.channel.{name}": Msg(words.ja, "e-mail" if name == "email" else name)
        for name, words in CHANNELS.items()
    },
    "report.channel.other": Msg("その他（{channel}）", "other ({channel})"),
    "report.maintenance": Msg("定期メンテナンス", "Regular maintenance"),
    "report.moved": Msg("延期", "Moved"),
    "report.moved_from": Msg("{scheduled}から延期（非営業日）", "moved from {scheduled} (not a business day)"),
    # moved from a holiday or closure of the rule's calendar, by its name, as the site and the .ics say it
    "report.moved_from_holiday": Msg("{scheduled}（{holiday}）から延期", "moved from {scheduled} ({holiday})"),
    "report.scheduled": Msg("予定どおり", "as scheduled"),
    # -- backups -------------------------------------------------------------------------------
    "report.backups": Msg("バックアップ", "Backups"),
    "report.kind": Msg("種類", "Kind"),
    "report.backup.ok": Msg("実施", "Taken"),
    "report.backup.missed": Msg("未実施", "Missed"),
    "report.backup.pending": Msg("未確定", "Pending"),
    "report.days_missed": Msg("未実施日", "Days missed"),
    "report.windows_missed": Msg("未実施の取得期間", "Windows missed"),
    "report.days_windows_missed": Msg("未実施の日・取得期間", "Days or windows missed"),
    # -- violations --------------------------------------------------------------------------------
    "report.violations": Msg("違反・要対応事項（{n} 件）", "Violations and items to act on ({n})"),
    "report.when": Msg("日時", "When"),
    "report.what": Msg("区分", "Kind"),
    "report.message": Msg("内容", "Details"),
    "report.rule": Msg("規定", "Article"),
    # the version that judged an incident row, a column only where several versions judged the report's incidents
    "report.judged_version": Msg("判定した版", "Version"),
    "report.kind.response_breached": Msg("応答目標の未達", "response target breached"),
    # (any notification rule's, an outage's or an incident's: the details name the rule)
    "report.kind.notice_breached": Msg("通知の遅延", "notice late"),
    "report.kind.stop_notice_invalid": Msg("計画停止の通知不備", "invalid planned-stop notice"),
    "report.kind.backup_missed": Msg("バックアップ未実施", "backup missed"),
    "report.kind.backup_retention": Msg("保存期間前の削除", "deleted before retention"),
    "report.kind.backup_zone": Msg("バックアップのゾーン不備", "backup zone problem"),
    "report.kind.availability": Msg("稼働率の目標未達", "availability below target"),
    "report.kind.data": Msg("イベント記録の不備", "event log problem"),
    "report.kind.other": Msg("その他", "other"),
    # ({late}: how late in one phrase, ``report.late_by``, ``report.late_by_elapsed``, ``report.late_by_outside``)
    "report.v.response_late": Msg(
        "{priority}の応答期限 {due} に対し {responded} に応答（{late}）",
        "{priority} response due {due}: responded {responded} ({late})",
    ),
    # (where the policy relabels `incident.responded`: {event} its label in quotes, as `sla explain` says it)
    "report.v.response_late.relabelled": Msg(
        "{priority}の応答期限 {due} に対し {responded} に{event}を記録（{late}）",
        "{priority} response due {due}: {event} recorded {responded} ({late})",
    ),
    "report.v.response_none.relabelled": Msg(
        "{priority}の応答期限 {due} を過ぎても{event}の記録なし（{as_of} 時点）",
        "{priority} response due {due}: no {event} recorded as of {as_of}",
    ),
    "report.v.response_none": Msg(
        "{priority}の応答期限 {due} を過ぎても応答なし（{as_of} 時点）",
        "{priority} response due {due}: no response as of {as_of}",
    ),
    # a response breach listed in a period after its due time: made one by a later change (dated at it)
    "report.v.settled_by_change": Msg(
        "{text}。{at} の優先度または属性の変更で未達が確定",
        "{text}; a breach from the change of priority or attribute at {at}",
    ),
    # (a notice under an outage rule without a label; under a labelled one, ``report.v.notify_late``)
    "report.v.notice_late": Msg(
        "復旧情報通知の期限 {due} に対し {at} に通知（{late}）",
        "recovery notice due {due}: sent {at} ({late})",
    ),
    # (where the policy relabels the event that meets the rule, `outage.notified`: {event} its label in quotes)
    "report.v.notice_late.relabelled": Msg(
        "復旧情報通知の期限 {due} に対し {at} に{event}を記録（{late}）",
        "recovery notice due {due}: {event} recorded {at} ({late})",
    ),
    "report.v.notice_none.relabelled": Msg(
        "復旧情報通知の期限 {due} を過ぎても{event}の記録なし（{as_of} 時点）",
        "recovery notice due {due}: no {event} recorded as of {as_of}",
    ),
    "report.v.notice_none": Msg(
        "復旧情報通知の期限 {due} を過ぎても通知なし（{as_of} 時点）",
        "recovery notice due {due}: none sent as of {as_of}",
    ),
    "report.v.stop": Msg("{start} 開始の計画停止：{why}", "planned stop starting {start}: {why}"),
    "report.v.missed": Msg("{day} に{kind}の取得なし", "no {kind} taken on {day}"),
    "report.v.retention": Msg(
        "{kind}：{taken} 取得分を {deleted} に削除（保存期限 {keep_until}）",
        "{kind} taken {taken} deleted {deleted}, before {keep_until}",
    ),
    "report.v.zone_same": Msg(
        "{kind}：{at} に主ゾーンと同じゾーンで取得",
        "{kind} at {at} was taken in the primary zone itself",
    ),
    "report.v.availability": Msg(
        "稼働率 {ratio} が目標 {target}% を下回る", "availability {ratio} below the target {target}%"
    ),
    "report.v.data": Msg("イベント記録の不備：{detail}", "event log problem: {detail}"),
    "report.v.data_engine": Msg(
        "イベント記録に不備があります（技術者向けの詳細：{detail}）", "event log problem: {detail}"
    ),
    "report.v.target_engine": Msg(
        "対応目標を期限までに達成できませんでした（技術者向けの詳細：{detail}）", "target missed: {detail}"
    ),
    "report.v.kind_engine": Msg("{kind}（技術者向けの詳細：{detail}）", "{kind}: {detail}"),
    # -- a ``data`` violation's contradiction (:class:`~sla_dsl.report.DataNote`) ------------------
    "report.event": Msg("{words}（`{name}`）", "{words} (`{name}`)"),
    "report.data.at": Msg("{text}（{where}）", "{where}: {text}"),
    # how a note names the lines it cites (report/data_notes.py): a text log's line; a table's row, in its
    # file (in a directory of files, the file the note is at: its row alone; another: its row and file)
    "report.data.line": Msg("{n} 行目", "line {n}"),
    "report.data.row": Msg("{n} 行目", "row {n}"),
    "report.data.row_of": Msg("{file} の {n} 行目", "row {n} of {file}"),
    "report.data.unknown_incident": Msg(
        "案件 `{id}` のイベントがありますが、その報告（`incident.reported`）の記録がありません",
        "event for unknown incident `{id}` (no incident.reported)",
    ),
    "report.data.unknown_outage": Msg(
        "障害 `{id}` のイベントがありますが、その障害の発生（`outage.started`）の記録がありません",
        "event for unknown outage `{id}` (no outage.started)",
    ),
    "report.data.unknown_backup": Msg(
        "バックアップ `{id}` の削除（`backup.deleted`）がありますが、その完了（`backup.completed`）の記録がありません",
        "backup.deleted for unknown backup `{id}` (no backup.completed)",
    ),
    # an unknown id that is a known one in another Unicode form (report/data_notes.py, evaluation/id_forms.py)
    "report.data.other_form.composed": Msg(
        "{text}。ID `{id}` は、{line}に記録のある ID `{known}` と文字の表し方（濁点などを一文字に合成するか、"
        "分けて書くか）だけが違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id `{id}` is written in another Unicode form than `{known}`, the id opened at {line} "
        "(a character composed in one, decomposed in the other): ids are compared as written, so these are two; "
        "write them the same way",
    ),
    "report.data.other_form.composed.unlined": Msg(
        "{text}。ID `{id}` は、ログにある ID `{known}` と文字の表し方（濁点などを一文字に合成するか、"
        "分けて書くか）だけが違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id `{id}` is written in another Unicode form than `{known}`, an id the log opens "
        "(a character composed in one, decomposed in the other): ids are compared as written, so these are two; "
        "write them the same way",
    ),
    "report.data.other_form.width": Msg(
        "{text}。ID `{id}` は、{line}に記録のある ID `{known}` と文字の幅（全角か半角か）などの表し方だけが"
        "違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id `{id}` is written in another Unicode form than `{known}`, the id opened at {line} "
        "(full-width or half-width characters, or another compatibility form): ids are compared as written, "
        "so these are two; write them the same way",
    ),
    "report.data.other_form.width.unlined": Msg(
        "{text}。ID `{id}` は、ログにある ID `{known}` と文字の幅（全角か半角か）などの表し方だけが"
        "違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id `{id}` is written in another Unicode form than `{known}`, an id the log opens "
        "(full-width or half-width characters, or another compatibility form): ids are compared as written, "
        "so these are two; write them the same way",
    ),
    "report.data.reported_again": Msg(
        "案件 `{id}` が再び報告されています。最初の報告を採ります",
        "incident `{id}` reported again; the first report counts",
    ),
    "report.data.started_again": Msg(
        "障害 `{id}` の発生が再び記録されています。最初の記録を採ります",
        "outage `{id}` started again; the first start counts",
    ),
    "report.data.ended_again": Msg(
        "障害 `{id}` のサービスの再開が再び記録されています。最初の記録を採ります",
        "outage `{id}` ended again; the first end counts",
    ),
    "report.data.completed_again": Msg(
        "バックアップ `{id}` の完了が再び記録されています。最初の記録を採ります",
        "backup `{id}` completed again; the first counts",
    ),
    "report.data.before": Msg("{event}が{first}より前に記録されています", "{event} before {first}"),
    "report.data.ended_before_started": Msg(
        "サービスの再開（`outage.ended`、{end}）が障害の発生（`outage.started`、{start}）より前です。"
        "再開していないものとして扱います",
        "outage.ended {end} before outage.started {start}; treated as still open",
    ),
    "report.data.kind_differs": Msg(
        "バックアップ `{id}` は{other_kind}として完了し、{kind}として削除されています",
        "backup `{id}` deleted as {kind} but completed as {other_kind}",
    ),
    "report.data.zone_unstated": Msg(
        "{start} に完了した{kind} `{id}` の記録に{fields}の記載がなく、別ゾーンで取得されたことを確認できません",
        "{kind} `{id}` completed {start} states no {fields}: taking it in another zone cannot be verified",
    ),
    "report.data.field_unread": Msg(
        "`{id}` の{event}に{fields}がありますが、この種類のイベントの項目ではないため読みません",
        "{event} of `{id}` gives {fields}, which that event type does not carry: not read",
    ),
    "report.data.field.priority": Msg("優先度（`priority`）", "`priority`"),
    "report.data.field.cause": Msg("原因（`cause`）", "`cause`"),
    "report.data.field.service": Msg("サービス（`service`）", "`service`"),
    "report.data.field.channel": Msg("通知手段（`channel`）", "`channel`"),
    "report.data.field.start": Msg("開始時刻（`start`）", "`start`"),
    "report.data.field.end": Msg("終了時刻（`end`）", "`end`"),
    "report.data.field.kind": Msg("種別（`kind`）", "`kind`"),
    "report.data.field.zone": Msg("取得ゾーン（`zone`）", "`zone`"),
    "report.data.field.primary_zone": Msg("主ゾーン（`primary_zone`）", "`primary_zone`"),
    "report.data.fields_and": Msg("と", " and "),
    "report.data.priority_unknown": Msg(
        "優先度 `{priority}` は規定の版 {version} に定められていません",
        "priority `{priority}` is not defined in version {version}",
    ),
    "report.data.conflict": Msg(
        "{line}の `{id}` の{event}の記録が、同時刻の {other_line}の記録と内容が食い違っています（{diff}）。"
        "同時刻のイベントは行の順ではなく内容の順に読むため、{other_line}を先に採ります",
        "{event} of `{id}` on {line} contradicts {other_line} at the same instant ({diff}); "
        "same-instant events are read in content order, not line order: {other_line} first",
    ),
    "report.data.conflict_unlined": Msg(
        "`{id}` の{event}の記録が、同時刻の別の記録と内容が食い違っています（{diff}）。"
        "同時刻のイベントは内容の順に読みます",
        "{event} of `{id}` contradicts another at the same instant ({diff}); "
        "same-instant events are read in content order",
    ),
    "report.data.attributes_unread": Msg(
        "`{id}` の{event}に属性（`attributes`）がありますが、読みません。属性は{first}のものを採ります",
        "attributes on {event} of `{id}` are not read; those of {first} count",
    ),
    "report.data.attributes_none": Msg(
        "`{id}` の{event}に属性（`attributes`）がありますが、読みません。計画停止とバックアップに属性はありません",
        "attributes on {event} of `{id}` are not read; planned stops and backups have none",
    ),
    "report.data.attribute_undeclared": Msg(
        "`{id}` の{event}の属性 `{attribute}`（値 `{value}`）は、この案件を判定する規定の版 {version} "
        "に宣言されていないため読みません。この属性がないものとして判定します",
        "attribute `{attribute}` = `{value}` on {event} of `{id}` is not declared in version {version}, "
        "which judges it: not read, judged as without it",
    ),
    "report.data.value_undeclared": Msg(
        "`{id}` の{event}の属性 `{attribute}` の値 `{value}` は、この案件を判定する規定の版 {version} "
        "に宣言されていません。この版にこの値のための規定はありません",
        "value `{value}` of attribute `{attribute}` on {event} of `{id}` is not declared in version {version}, "
        "which judges it: that version has no rule written for it",
    ),
    "report.data.attribute_unlisted": Msg(
        "`{id}` の{event}の属性 `{attribute}`（値 `{value}`）は読みません。この種類のイベントでは属性 `{attribute}` "
        "は変わりません（変わるのは、その `changes at` に書かれたイベントだけです）。その時点の値を採ります",
        "attribute `{attribute}` = `{value}` on {event} of `{id}` is not read: that event type does not change "
        "`{attribute}` (only the types its `changes at` lists do); the value in force counts",
    ),
    "report.data.change_undeclared": Msg(
        "`{id}` の{event}は属性 `{attribute}` を値 `{value}` に変えますが、この案件を判定する規定の版 {version} "
        "にはこの属性またはこの値が宣言されていないため、適用しません。その時点の値を採ります",
        "{event} of `{id}` changes attribute `{attribute}` to `{value}`, which version {version}, which judges "
        "it, does not declare: not applied, the value in force is kept",
    ),
    # the notes about an incident's attributes on a customer's page: the policy's labels, the id and an
    # undeclared name or value quoted as data, no keyword of the policy language (report/data_notes.py)
    "report.data.labelled.attribute_undeclared": Msg(
        "{id}の{event}にある{attribute}（{value}）は、この案件を判定する規定の版 {version} "
        "に定められていないため読みません。この属性がないものとして判定します",
        "{attribute} ({value}) on {event} of {id} is not read: version {version}, which judges the incident, "
        "does not define it; judged as without it",
    ),
    "report.data.labelled.value_undeclared": Msg(
        "{id}の{event}にある{attribute}の値{value}は、この案件を判定する規定の版 {version} "
        "に定められていません。この版にこの値のための規定はありません",
        "the value {value} of {attribute} on {event} of {id} is not defined in version {version}, which judges "
        "the incident: that version has no rule for it",
    ),
    "report.data.labelled.attribute_unlisted": Msg(
        "{id}の{event}にある{attribute}（{value}）は読みません。この種類のイベントでは{attribute}は変わらないため、"
        "その時点の値を採ります",
        "{attribute} ({value}) on {event} of {id} is not read: this kind of event does not change {attribute}; "
        "the value in force counts",
    ),
    "report.data.labelled.change_undeclared": Msg(
        "{id}の{event}は{attribute}を{value}に変えますが、この案件を判定する規定の版 {version} "
        "にはこの属性またはこの値が定められていないため、適用しません。その時点の値を採ります",
        "{event} of {id} changes {attribute} to {value}, which version {version}, which judges the incident, "
        "does not define: not applied, the value in force is kept",
    ),
    # every other note on a customer's page alike: ids and the log's values quoted as data, event types by
    # the policy's labels or the contract's words (``site.event.*``), fields in words, no keyword, no backtick
    "report.data.labelled.unknown_incident": Msg(
        "案件{id}のイベントがありますが、その{first}の記録がありません",
        "there are events of incident {id}, but no record of {first}",
    ),
    "report.data.labelled.unknown_outage": Msg(
        "障害{id}のイベントがありますが、その{first}の記録がありません",
        "there are events of outage {id}, but no record of {first}",
    ),
    "report.data.labelled.unknown_backup": Msg(
        "バックアップ{id}の削除がありますが、その{first}の記録がありません",
        "backup {id} is deleted, but there is no record of {first}",
    ),
    "report.data.labelled.other_form.composed": Msg(
        "{text}。ID{id}は、{line}に記録のあるID{known}と文字の表し方（濁点などを一文字に合成するか、"
        "分けて書くか）だけが違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id {id} is written in another Unicode form than {known}, the id opened at {line} "
        "(a character composed in one, decomposed in the other): ids are compared as written, so these are two; "
        "write them the same way",
    ),
    "report.data.labelled.other_form.composed.unlined": Msg(
        "{text}。ID{id}は、ログにあるID{known}と文字の表し方（濁点などを一文字に合成するか、"
        "分けて書くか）だけが違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id {id} is written in another Unicode form than {known}, an id the log opens "
        "(a character composed in one, decomposed in the other): ids are compared as written, so these are two; "
        "write them the same way",
    ),
    "report.data.labelled.other_form.width": Msg(
        "{text}。ID{id}は、{line}に記録のあるID{known}と文字の幅（全角か半角か）などの表し方だけが"
        "違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id {id} is written in another Unicode form than {known}, the id opened at {line} "
        "(full-width or half-width characters, or another compatibility form): ids are compared as written, "
        "so these are two; write them the same way",
    ),
    "report.data.labelled.other_form.width.unlined": Msg(
        "{text}。ID{id}は、ログにあるID{known}と文字の幅（全角か半角か）などの表し方だけが"
        "違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください",
        "{text}; the id {id} is written in another Unicode form than {known}, an id the log opens "
        "(full-width or half-width characters, or another compatibility form): ids are compared as written, "
        "so these are two; write them the same way",
    ),
    "report.data.labelled.reported_again": Msg(
        "案件{id}が再び報告されています。最初の報告を採ります",
        "incident {id} is reported again; the first report counts",
    ),
    "report.data.labelled.started_again": Msg(
        "障害{id}の発生が再び記録されています。最初の記録を採ります",
        "outage {id} is started again; the first start counts",
    ),
    "report.data.labelled.ended_again": Msg(
        "障害{id}のサービスの再開が再び記録されています。最初の記録を採ります",
        "outage {id} is ended again; the first end counts",
    ),
    "report.data.labelled.completed_again": Msg(
        "バックアップ{id}の完了が再び記録されています。最初の記録を採ります",
        "backup {id} is completed again; the first completion counts",
    ),
    "report.data.labelled.before": Msg(
        "{id}の{event}が{first}より前に記録されています", "{event} of {id} is recorded before {first}"
    ),
    "report.data.labelled.ended_before_started": Msg(
        "{event}（{end}）が{first}（{start}）より前です。再開していないものとして扱います",
        "{event} ({end}) comes before {first} ({start}); the outage is treated as still open",
    ),
    "report.data.labelled.kind_differs": Msg(
        "バックアップ{id}は{other_kind}として完了し、{kind}として削除されています",
        "backup {id} was completed as {other_kind} but deleted as {kind}",
    ),
    "report.data.labelled.zone_unstated": Msg(
        "{start} に完了した{kind}{id}の記録に{fields}の記載がなく、別ゾーンで取得されたことを確認できません",
        "{kind} {id}, completed {start}, states no {fields}: taking it in another zone cannot be verified",
    ),
    "report.data.labelled.field_unread": Msg(
        "{id}の{event}に{fields}がありますが、この種類のイベントの項目ではないため読みません",
        "{event} of {id} gives {fields}, which that kind of event does not carry: not read",
    ),
    "report.data.labelled.field.priority": Msg("優先度", "priority"),
    "report.data.labelled.field.cause": Msg("原因", "cause"),
    "report.data.labelled.field.attributes": Msg("属性", "attributes"),
    "report.data.labelled.field.service": Msg("サービス", "service"),
    "report.data.labelled.field.channel": Msg("通知手段", "notice channel"),
    "report.data.labelled.field.start": Msg("開始時刻", "start time"),
    "report.data.labelled.field.end": Msg("終了時刻", "end time"),
    "report.data.labelled.field.kind": Msg("種別", "kind"),
    "report.data.labelled.field.zone": Msg("取得ゾーン", "zone"),
    "report.data.labelled.field.primary_zone": Msg("主ゾーン", "primary zone"),
    "report.data.labelled.priority_unknown": Msg(
        "優先度{priority}は規定の版 {version} に定められていません",
        "priority {priority} is not defined in version {version}",
    ),
    "report.data.labelled.conflict": Msg(
        "{line}の{id}の{event}の記録が、同時刻の {other_line}の記録と内容が食い違っています（{diff}）。"
        "同時刻のイベントは行の順ではなく内容の順に読むため、{other_line}を先に採ります",
        "{event} of {id} on {line} contradicts {other_line} at the same instant ({diff}); "
        "same-instant events are read in content order, not line order: {other_line} first",
    ),
    "report.data.labelled.conflict_unlined": Msg(
        "{id}の{event}の記録が、同時刻の別の記録と内容が食い違っています（{diff}）。同時刻のイベントは内容の順に読みます",
        "{event} of {id} contradicts another at the same instant ({diff}); "
        "same-instant events are read in content order",
    ),
    "report.data.labelled.diff": Msg("{name}が{value}、もう一方は{other}", "{name} {value} vs {other}"),
    "report.data.labelled.attributes_unread": Msg(
        "{id}の{event}に属性がありますが、読みません。属性は{first}のものを採ります",
        "attributes on {event} of {id} are not read; those of {first} count",
    ),
    "report.data.labelled.attributes_none": Msg(
        "{id}の{event}に属性がありますが、読みません。計画停止とバックアップに属性はありません",
        "attributes on {event} of {id} are not read; planned stops and backups have none",
    ),
    "report.data.labelled.clock_after_completion": Msg(
        "{id}の{event}は、案件が{completed} に{by}完了した後の記録です。クロック{clock}はこのイベントで動く"
        "はずでしたが、完了した案件は何も測らないため、このイベントは読みません",
        "{event} of {id} comes after the incident was completed at {completed} {by}: clock {clock} would act "
        "on it, but a completed incident measures nothing, so it is not read",
    ),
    "report.data.clock_after_completion": Msg(
        "`{id}` の{event}は、案件が{completed}に{by}完了した後の記録です。クロック{clock}はこのイベントで動く"
        "はずでしたが、完了した案件は何も測らないため、このイベントは読みません。数えるには、`complete on` で"
        "案件をもっと後のイベントで完了させてください",
        "{event} of `{id}` comes after the incident was completed at {completed} {by}: clock {clock} would act "
        "on it, but a completed incident measures nothing, so it is not read; to count it, complete the "
        "incident at a later event (`complete on`)",
    ),
    "report.data.completed_by": Msg("{event}で", "by {event}"),
    "report.data.completed_by_silence": Msg("返答がないまま期間が過ぎて", "by its silence rule"),
    "report.data.diff": Msg("`{name}` が{value}、もう一方は{other}", "{name} {value} vs {other}"),
    "report.data.none": Msg("なし", "none"),
    # -- violations of named targets (issue 12), worded from the violation's data ------------------
    "report.kind.target_breached": Msg("対応目標の未達", "target breached"),
    "report.goal.respond": Msg("応答", "response"),
    "report.goal.resolve": Msg("解決", "resolution"),
    "report.goal.first_reply": Msg("初回回答", "first reply"),
    "report.goal.next_reply": Msg("次回回答", "next reply"),
    # a next reply by its clock's label within a sentence, quoted as the other sentences quote a label
    "report.goal.labelled": Msg("「{label}」", "“{label}”"),
    "report.goal.update": Msg("定期更新", "periodic update"),
    "report.goal.named": Msg("{priority}の{goal}", "{priority} {goal}"),
    # a due time passed while the clock was not due (`not due at`): {at} the end of that hold
    "report.v.held_due": Msg("{due}（保留の終わる {at} まで適用なし）", "{due} (not applied until {at})"),
    "report.v.goal_late": Msg("{goal}の期限 {due} に対し {at} に完了", "{goal} due {due}: done {at}"),
    "report.v.goal_none": Msg(
        "{goal}の期限 {due} を過ぎても未完了（{as_of} 時点）", "{goal} due {due}: not done as of {as_of}"
    ),
    "report.v.goal_missed": Msg("{goal}の期限 {due} までに完了なし", "{goal} due {due}: not done by then"),
    "report.v.goal_cancelled": Msg(
        "{goal}の期限 {due} を過ぎた後、{at} に取り消し", "{goal} due {due}: cancelled {at}, after it ran out"
    ),
    "report.v.goal_reset": Msg(
        "{goal}の期限 {due} を過ぎた後、{at} にクロックをリセット", "{goal} due {due}: reset {at}, after it ran out"
    ),
    "report.v.goal_updates": Msg(
        "{goal}：{n} 回が遅延または未実施（期限 {due}）", "{goal}: {n} late or not sent (due {due})"
    ),
    "report.v.notify_late": Msg(
        "{goal}の期限 {due} に対し {at} に送信（{late}）", "{goal} due {due}: sent {at} ({late})"
    ),
    # (where the policy relabels the one event that stops the target's clock, or meets the notification rule:
    # {event} its label in quotes)
    "report.v.goal_late.relabelled": Msg(
        "{goal}の期限 {due} に対し {at} に{event}を記録", "{goal} due {due}: {event} recorded {at}"
    ),
    "report.v.goal_none.relabelled": Msg(
        "{goal}の期限 {due} を過ぎても{event}の記録なし（{as_of} 時点）",
        "{goal} due {due}: no {event} recorded as of {as_of}",
    ),
    "report.v.notify_late.relabelled": Msg(
        "{goal}の期限 {due} に対し {at} に{event}を記録（{late}）", "{goal} due {due}: {event} recorded {at} ({late})"
    ),
    "report.v.notify_none.relabelled": Msg(
        "{goal}の期限 {due} を過ぎても{event}の記録なし（{as_of} 時点）",
        "{goal} due {due}: no {event} recorded as of {as_of}",
    ),
    "report.v.notify_none": Msg(
        "{goal}の期限 {due} を過ぎても送信なし（{as_of} 時点）", "{goal} due {due}: none sent as of {as_of}"
    ),
    # -- trend --------------------------------------------------------------------------------------
    "report.articles": Msg("参照した規定", "Articles referred to"),
    "report.article_title": Msg("条の表題", "Article title"),
    "report.rules": Msg("この条項による規定", "Rules under it"),
    "report.keep": Msg("{keep}保存", "kept {keep}"),
    "report.trend": Msg("前月までとの比較", "Trend against earlier months"),
    "report.month": Msg("月", "Month"),
    "report.breaches": Msg("応答目標の未達", "Response breaches"),
    # -- timeline -------------------------------------------------------------------------------------
    "report.timeline": Msg("稼働状況", "Availability timeline"),
    # the chart's title and aria text, counted in words (English singulars): a calendar month, or another
    # period by its two ends (report.periods.range)
    "report.timeline.title": Msg(
        "{period}の稼働状況：{outages}、{maintenance}、{stops}",
        "Availability in {period}: {outages}, {maintenance}, {stops}",
    ),
    "report.timeline.title_span": Msg(
        "{period}の稼働状況：{outages}、{maintenance}、{stops}",
        "Availability over {period}: {outages}, {maintenance}, {stops}",
    ),
    "report.timeline.outages.one": Msg("障害 {n} 件", "{n} outage"),
    "report.timeline.outages.other": Msg("障害 {n} 件", "{n} outages"),
    "report.timeline.maintenance.one": Msg("定期メンテナンス {n} 件", "{n} maintenance window"),
    "report.timeline.maintenance.other": Msg("定期メンテナンス {n} 件", "{n} maintenance windows"),
    # (the stops the chart draws: those validly noticed, named as the legend names them, report.legend.stop)
    "report.timeline.stops.one": Msg("通知済み計画停止 {n} 件", "{n} noticed planned stop"),
    "report.timeline.stops.other": Msg("通知済み計画停止 {n} 件", "{n} noticed planned stops"),
    # report.timeline.unlabelled of one outage
    "report.timeline.unlabelled.one": Msg(
        "ほか {n} 件の障害はラベルを省略（一覧は「{table}」）", "{n} more outage not labelled: see “{table}”"
    ),
    "report.legend.up": Msg("稼働", "available"),
    "report.legend.maintenance": Msg("定期メンテナンス", "maintenance"),
    "report.legend.stop": Msg("通知済み計画停止", "noticed planned stop"),
    "report.legend.excluded": Msg("適用外の障害", "excluded outage"),
    "report.legend.downtime": Msg("障害（停止時間に算入）", "outage (counted as downtime)"),
    "report.legend.excused_outage": Msg("除外時間内の障害", "outage inside excused time"),
    # the label of an outage in the timeline that counts no downtime: why, in words (not its colour alone)
    "report.timeline.not_counted.excluded": Msg("{label} 適用外", "{label} excluded"),
    "report.timeline.not_counted.excused": Msg("{label} 除外時間内", "{label} excused"),
    "report.tip.maintenance": Msg("定期メンテナンス {start} 〜 {end}", "maintenance {start} to {end}"),
    "report.tip.stop": Msg("計画停止 {id} {start} 〜 {end}", "planned stop {id} {start} to {end}"),
    "report.tip.outage": Msg(
        "{id} {start} 〜 {end}、停止時間 {downtime}", "{id} {start} to {end}, downtime {downtime}"
    ),
    "report.pdf_note": Msg(
        "印刷またはPDF保存にはブラウザーの印刷機能を使います。", "Use the browser's print to print or save as PDF."
    ),
    "report.print.page": Msg("{page} / {pages} ページ", "Page {page} of {pages}"),
    # -- explain ---------------------------------------------------------------------------------------
    "explain.incident": Msg(
        "案件 {id}（{priority}、規定の版 {version}）：{status}",
        "Incident {id} ({priority}, policy version {version}): {status}",
    ),
    # under an explanation's period: the versions used (`sla deadline`'s note: cli.versions.none_yet)
    "explain.note": Msg("注記：{note}", "Note: {note}"),
    # an incident with named targets (issue 12): its status is the response's; how many of the others broke
    "explain.incident.targets": Msg(
        "案件 {id}（{priority}、規定の版 {version}）：応答は{status}、ほかの目標 {n} 件中 {bad} 件が未達",
        "Incident {id} ({priority}, policy version {version}): response {status}; {bad} of {n} other targets breached",
    ),
    "explain.incident.targets.one": Msg(
        "案件 {id}（{priority}、規定の版 {version}）：応答は{status}、ほかの目標 {n} 件中 {bad} 件が未達",
        "Incident {id} ({priority}, policy version {version}): response {status}; {bad} of {n} other target breached",
    ),
    "explain.outage": Msg(
        "障害 {id}（規定の版 {version}）：停止時間 {downtime}、{rule}：{notice}",
        "Outage {id} (policy version {version}): downtime {downtime}, {rule}: {notice}",
    ),
    "explain.stop": Msg(
        "計画停止 {id}（規定の版 {version}）：{verdict}", "Planned stop {id} (policy version {version}): {verdict}"
    ),
    "explain.retention": Msg("バックアップ {id}（{kind}）：{verdict}", "Backup {id} ({kind}): {verdict}"),
    "explain.retention.ok": Msg("保存期間を守って削除", "deleted after its retention"),
    "explain.retention.bad": Msg("保存期間前に削除", "deleted before its retention"),
    "explain.backup_day": Msg("{kind}（{day}）：{status}", "{kind} on {day}: {status}"),
    # a kind taken every N hours: one window of the day
    "explain.backup_window": Msg("{kind}（{start} 〜 {end}）：{status}", "{kind} from {start} to {end}: {status}"),
    "explain.violation": Msg("{id}：{kind}", "{id}: {kind}"),
    "explain.period": Msg("判定期間：{start} 〜 {end}（{as_of} 時点）", "Judged over {start} to {end} (as of {as_of})"),
    "explain.rule": Msg("根拠：{article}（{title}）{rule}", "Under: {article} ({title}), {rule}"),
    "explain.zone.same": Msg(
        "主ゾーンと同じゾーンのため、別ゾーンの条件を満たしません",
        "the primary zone itself: the other-zone rule is not met",
    ),
    "explain.reported": Msg("障害の報告を受付（{priority}）", "failure reported ({priority})"),
    "explain.cause": Msg("原因：{cause}", "cause: {cause}"),
    "explain.clock_start": Msg("応答目標の起算（{event}）", "response clock starts ({event})"),
    "explain.event.incident.reported": Msg("障害報告の受付", "report received"),
    "explain.event.incident.product_suspected": Msg("製品が原因の可能性ありと判断", "product judged a possible cause"),
    "explain.due": Msg("応答期限：{target}", "response due: {target}"),
    # the response clock starts outside the open time of the calendar its target counts: when and why business
    # time starts counting (`{day}`: the day the clock starts on; `{time}`: that day's opening or closing time)
    "explain.count_from": Msg("営業時間の計算は{start}から（{why}）", "business time counts from {start} ({why})"),
    "explain.count_from.holiday": Msg("{day}は祝日：{name}", "{day} is a holiday: {name}"),
    # (a Japanese page's holiday of a country the `holidays` package has no Japanese names for)
    "explain.count_from.holiday.unnamed": Msg("{day}は祝日", "{day} is a holiday"),
    "explain.count_from.named": Msg("{day}は休業日：{name}", "{day} is a holiday: {name}"),
    "explain.count_from.closure": Msg("{day}は休業日", "{day} is a company closure"),
    "explain.count_from.closed": Msg("{day}は営業日ではありません", "{day} is not a business day"),
    "explain.count_from.before": Msg("始業前：{day}は{time}に始業", "before opening: {day} opens at {time}"),
    "explain.count_from.after": Msg("終業後：{day}は{time}に終業", "after hours: {day} closes at {time}"),
    "explain.count_from.outside": Msg("{day}の営業時間外", "outside {day}'s business hours"),
    # (its {day} in a calendar's own zone, other than the policy's: `explain.day_in_zone`)
    "explain.count_from.outside.zoned": Msg("{day}の営業時間外", "outside the business hours of {day}"),
    # a calendar's day or opening/closing time on its own clock, when its zone is not the policy's ({z}: the
    # zone as the site names it, ``ロンドン時間``; the time as the site's cut-off says it, `site.clock_in_zone`)
    "explain.day_in_zone": Msg("{z}の{day}", "{day} ({z})"),
    "explain.clock_in_zone": Msg("{z}{t}", "{t} {z}"),
    # a time of a business day kept within that day's hours (`by 16:00 of 1st business day`, the day closing at 15:00)
    "explain.due.close": Msg("（その日は{time}に終業）", " (that day closes at {time})"),
    "explain.due.opening": Msg("（その日は{time}に始業）", " (that day opens at {time})"),
    "explain.reprioritized": Msg(
        "優先度を {priority} に変更（期限を起算時刻から再計算）",
        "priority changed to {priority} (due time recomputed from the clock start)",
    ),
    # an attribute changed by an event its `changes at` lists (the rule chosen from then on)
    "explain.attribute_changed": Msg(
        "{event}：{attribute}を{old}から{new}に変更（{where}）。以後は {rule} の規定を適用（期限は起算時刻から再計算）",
        "{event}: {attribute} changed from {old} to {new} ({where}); from then on the rule {rule} applies "
        "(due time recomputed from the clock start)",
    ),
    "explain.attribute_changed.unlined": Msg(
        "{event}：{attribute}を{old}から{new}に変更。以後は {rule} の規定を適用（期限は起算時刻から再計算）",
        "{event}: {attribute} changed from {old} to {new}; from then on the rule {rule} applies "
        "(due time recomputed from the clock start)",
    ),
    "explain.reprioritized_unapplied": Msg(
        "優先度を `{priority}` に変更する記録がありますが、適用しません。この案件を判定する規定の版 {version} "
        "に優先度 `{priority}` は定められていません",
        "priority change to `{priority}` not applied: version {version}, which judges the incident, "
        "does not define `{priority}`",
    ),
    "explain.responded": Msg("応答（{verdict}）", "responded ({verdict})"),
    "explain.in_time": Msg("期限内", "in time"),
    "explain.late": Msg("期限から {late} 超過", "{late} after the due time"),
    "explain.late_elapsed": Msg("期限から経過時間で {late} 超過", "{late} after the due time, elapsed time"),
    "explain.late_outside": Msg("期限後、営業時間外に超過", "after the due time, outside business hours"),
    "explain.no_response": Msg("この時点で応答なし：{status}", "no response by then: {status}"),
    "explain.at_risk": Msg(
        "起算から目標の {percent}% の営業時間が経過", "{percent}% of the target's business time has passed"
    ),
    # (one of a clock's several warning thresholds, ``at risk at 50%, 75% of target``: its instant)
    "explain.at_risk.threshold": Msg(
        "{what}：目標の {percent}% に達する時点（警告）", "{what}: {percent}% of the target reached (warning)"
    ),
    # (a target of elapsed time, ``within 1 hour``: counted around the clock, not in business hours)
    "explain.at_risk.elapsed": Msg(
        "起算から目標の {percent}% の時間が経過（経過時間）", "{percent}% of the target's time has passed (elapsed)"
    ),
    "explain.same_day": Msg("当日中の回答目安（{verdict}）", "same-day guideline ({verdict})"),
    "explain.same_day.met": Msg("目安どおり", "kept"),
    "explain.same_day.missed": Msg("目安を超過（違反ではない）", "not kept (not a breach)"),
    "explain.declared_event": Msg("{event}を記録", "{event} recorded"),
    # the steps of a contract event the policy gives words of its own (`event outage.notified "…" / "…"`):
    # {event} is its label in quotes, in place of the contract's words the sentence above it says (a step
    # with nothing more to say is `explain.declared_event`)
    "explain.reported.relabelled": Msg("{event}を記録（{priority}）", "{event} recorded ({priority})"),
    "explain.reprioritized.relabelled": Msg(
        "{event}を記録：{priority}（期限を起算時刻から再計算）",
        "{event} recorded: {priority} (due time recomputed from the clock start)",
    ),
    "explain.responded.relabelled": Msg("{event}を記録（{verdict}）", "{event} recorded ({verdict})"),
    # its {verdict}: the response target's, named, as the event's words are not that target's and a named
    # target's step may stand just above (`「お客様への初回回答」を記録（応答は期限内）`)
    "explain.responded.verdict": Msg("応答は{verdict}", "response {verdict}"),
    "explain.outage.started_service.relabelled": Msg(
        "{event}を記録（「{service}」）", "{event} recorded (“{service}”)"
    ),
    "explain.outage.ended.relabelled": Msg("{event}を記録（停止 {duration}）", "{event} recorded (down {duration})"),
    "explain.outage.notified.relabelled": Msg("{event}を記録（{verdict}）", "{event} recorded ({verdict})"),
    "explain.outage.notified_counted.relabelled": Msg("{event}を記録（{verdict}）", "{event} recorded ({verdict})"),
    "explain.stop.announced.relabelled": Msg(
        "{event}を記録（{channel}、{verdict}）", "{event} recorded (by {channel}; {verdict})"
    ),
    "explain.backup.taken.relabelled": Msg("{kind}：{event}を記録", "{kind}: {event} recorded"),
    "explain.retention.taken.relabelled": Msg("{kind}：{event}を記録", "{kind}: {event} recorded"),
    "explain.retention.deleted.relabelled": Msg("{event}を記録（{verdict}）", "{event} recorded ({verdict})"),
    "explain.backup.zones.relabelled": Msg(
        "{kind}：{event}を記録（ゾーン：{zone}、主ゾーン：{primary}）",
        "{kind}: {event} recorded (zone: {zone}, primary zone: {primary})",
    ),
    # an outage the rule counts from the recognition of, when the policy words it (`report.na.*` otherwise)
    "report.na.not_recognised.relabelled": Msg("{event}がないため対象外", "no notice target until {event}"),
    "report.na.outside_hours.relabelled": Msg(
        "{event}が営業時間外のため通知目標の対象外", "{event} outside business hours: no notice target"
    ),
    "explain.info_provided": Msg("情報を提供", "information provided"),
    "explain.customer_replied": Msg("エンド・ユーザー様から返答", "the end user replied"),
    "explain.resolved": Msg(
        "回避策または問題解決に必要な情報を受領（完了）",
        "workaround or information needed to solve the problem received (completed)",
    ),
    # an incident completed by another event its rule's `complete on` names: that event's own step, completed
    "explain.completed_on": Msg("{event}（完了）", "{event} (completed)"),
    # (completed, by an event not known: no policy to read the rule's `complete on` from)
    "explain.completed": Msg("案件が完了", "the incident completed"),
    # what a target's clock did (issue 12's clocks), at the event that did it
    "explain.clock.start": Msg("{clock}：計測開始（{event}）", "{clock}: starts ({event})"),
    "explain.clock.pause": Msg("{clock}：一時停止（{event}、{until}まで）", "{clock}: paused ({event}) until {until}"),
    "explain.clock.resume": Msg("{clock}：再開（{event}）", "{clock}: resumes ({event})"),
    "explain.clock.stop": Msg("{clock}：計測終了（{event}）", "{clock}: stops ({event})"),
    "explain.clock.reset": Msg(
        "{clock}：リセット（{event}）、ゼロから計測し直し", "{clock}: reset ({event}), counts again from zero"
    ),
    "explain.clock.restart": Msg(
        "{clock}：停止後の再始動（{event}）、ゼロから計測", "{clock}: starts again after its stop ({event}), from zero"
    ),
    "explain.clock.cancel": Msg(
        "{clock}：計測の取り消し（{event}）、目標は判定せずに取り下げ",
        "{clock}: cancelled ({event}), its targets withdrawn unjudged",
    ),
    # a target whose judged cycle started out of hours (`, plus 24 hours if received outside business hours`),
    # on the `business` calendar (what "business hours" means in a policy), and on another by its label
    "explain.out_of_hours": Msg(
        "{what}：起算が営業時間外のため{extra}を加算（{d}＋{extra}）",
        "{what}: started outside business hours, {extra} added ({d} + {extra})",
    ),
    "explain.out_of_hours.on": Msg(
        "{what}：起算が「{calendar}」の営業時間外のため{extra}を加算（{d}＋{extra}）",
        "{what}: started outside the open hours of “{calendar}”, {extra} added ({d} + {extra})",
    ),
    # a cycle of a target's clock (its start, each reset or restart) other than the one the target's verdict
    # is of: {start} the cycle's start, {status} its outcome (`report.targets.met`) with its due time
    "explain.cycle": Msg("{what}：{start}からの計測は{status}", "{what}, cycle from {start}: {status}"),
    "explain.cycle.due": Msg("、期限 {due}", ", due {due}"),
    "explain.cycle.reset": Msg(
        "{what}：{start}からの計測は期限 {due} の前にリセット",
        "{what}, cycle from {start}: reset before its due time {due}",
    ),
    "explain.cycle.reset_paused": Msg(
        "{what}：{start}からの計測は一時停止中にリセット", "{what}, cycle from {start}: reset while paused"
    ),
    "explain.clock.completed": Msg("{clock}：案件の完了により計測終了", "{clock}: stops, the incident is completed"),
    "explain.clock.ignored": Msg(
        "{clock}：一時停止中のため変化なし（{event}、{until}を待っています）",
        "{clock}: already paused, {event} changes nothing (waiting for {until})",
    ),
    # `not due at A until B`: the clock counts on with no deadline applied, then its deadlines apply again
    "explain.clock.hold": Msg(
        "{clock}：{event}により期限の適用を保留（計測は継続、{until}まで）",
        "{clock}: not due from {event} (counting on, no deadline applied until {until})",
    ),
    "explain.clock.unhold": Msg("{clock}：{event}により期限の適用を再開", "{clock}: due again at {event}"),
    # a target whose due time passed while its clock was not due, stopped before the hold ended: met
    "explain.held_met": Msg(
        "{what}：期限 {due} は期限の保留中に過ぎたため、達成",
        "{what}: its due time {due} passed while not due: met",
    ),
    # a target whose due time passed during a hold and whose clock still ran when the hold ended
    "explain.held_breach": Msg(
        "{what}：期限 {due} は保留中に過ぎ、保留の終わる {at} に未達",
        "{what}: its due time {due} passed while not due, breached when the hold ended {at}",
    ),
    "explain.completed_silence": Msg(
        "情報提供後、返答がないまま{duration}が経過（完了）",
        "{duration} passed after information with no reply (completed)",
    ),
    # a silence rule on other events, or on the contract's the policy relabels: each by its words
    "explain.completed_silence.events": Msg(
        "{after}の後、{unless}がないまま{duration}が経過（完了）",
        "{duration} passed after {after} without {unless} (completed)",
    ),
    "explain.excluded": Msg("適用外（{cause}）：目標なし", "excluded ({cause}): no target"),
    "explain.excluded_under": Msg(
        "{article}により適用外（{cause}）：目標なし", "excluded under {article} ({cause}): no target"
    ),
    "explain.outage.started": Msg("サービス停止", "service unavailable"),
    "explain.outage.started_service": Msg("「{service}」が停止", "“{service}” unavailable"),
    "explain.outage.ended": Msg("サービス復旧（停止 {duration}）", "service available again (down {duration})"),
    "explain.outage.recognized": Msg("当社が障害を認知", "the Company recognised the failure"),
    "explain.outage.notice_due": Msg("復旧情報通知の期限：{due}", "recovery notice due {due}"),
    "explain.outage.notified": Msg("障害状況の一報を通知（{verdict}）", "first status report sent ({verdict})"),
    # (no notification rule set a due time for it: not judged)
    "explain.outage.notified_plain": Msg("障害状況の一報を通知", "first status report sent"),
    # (one rule's verdict on the notice, when several rules judge the outage)
    "explain.outage.rule_verdict": Msg("{rule}：{verdict}", "{rule}: {verdict}"),
    "explain.outage.no_notice": Msg("この時点で通知なし：{status}", "no notice by then: {status}"),
    # a first notice sent before the event the rule counts from ({event}, in words): it does not count, and
    # none that counts was sent (said as `explain.outage.no_notice` is); a later one that counts
    "explain.outage.early": Msg(
        "目標の起算点である{event}より前のため、目標の達成に数えません",
        "before {event}, which the target counts from: it does not count for the target",
    ),
    "explain.outage.early_plain": Msg(
        "目標の起算点となるイベントより前のため、目標の達成に数えません",
        "before the event the target counts from: it does not count for the target",
    ),
    "explain.outage.no_counted_notice": Msg(
        "この時点で目標に数える通知なし：{status}", "no notice that counts for the target by then: {status}"
    ),
    "explain.outage.notified_counted": Msg("障害状況の報告を通知（{verdict}）", "status report sent ({verdict})"),
    # the time of an outage that is not downtime, with the reasons the outages table gives ({reasons})
    "explain.outage.excused_why": Msg(
        "うち {duration} は停止時間に数えません（{reasons}）", "{duration} of it is not downtime ({reasons})"
    ),
    # (the outage is itself excluded by an exclusion of the policy: none of it is downtime)
    "explain.outage.excluded_time": Msg("うち {duration} は停止時間に数えません", "{duration} of it is not downtime"),
    "explain.outage.overlap": Msg(
        "他の障害と重なる時間は合計の停止時間では1回だけ数えます",
        "time overlapping another outage counts once in the total downtime",
    ),
    # an outage across an edge of the judged period: the part outside it
    "explain.outage.before_period": Msg(
        "判定期間の開始：停止のうちこれより前の {duration} は期間外で、この期間の停止時間に数えません",
        "the period starts: the {duration} of the outage before it is outside the period and not counted in it",
    ),
    "explain.outage.after_period": Msg(
        "判定期間の終了：停止のうちこれより後の {duration} は期間外で、この期間の停止時間に数えません",
        "the period ends: the {duration} of the outage after it is outside the period and not counted in it",
    ),
    "explain.stop.window": Msg("計画停止の予定：{start} 〜 {end}", "planned stop scheduled {start} to {end}"),
    "explain.stop.announced": Msg("{channel}で通知（{verdict}）", "announced by {channel} ({verdict})"),
    "explain.stop.verdict_ok": Msg("有効：停止時間は除外時間", "valid: the window is excused"),
    "explain.stop.verdict_ok_counted": Msg(
        "有効：ただし、どのサービスの時間も計画停止を除かないため、その時間帯の障害は停止時間に算入",
        "valid, but no service's hours leave planned stops out: outages during its window count as downtime",
    ),
    "explain.stop.verdict_ok_some": Msg(
        "有効：{services}では除外時間（計画停止を除かないほかのサービスでは、その時間帯の障害は停止時間に算入）",
        "valid: the window is excused for {services} (for the other services, whose hours do not leave planned"
        " stops out, outages during it count as downtime)",
    ),
    "explain.stop.verdict_bad": Msg(
        "有効な通知なし：除外時間にならず、その時間帯の障害は停止時間に算入",
        "no valid notice: not excused, outages during its window count as downtime",
    ),
    "explain.retention.taken": Msg("{kind}：バックアップを取得", "{kind} taken"),
    "explain.retention.keep": Msg("保存期限：{keep_until}（{keep}保存）", "keep until {keep_until} ({keep})"),
    "explain.retention.deleted": Msg("削除（{verdict}）", "deleted ({verdict})"),
    "explain.backup.taken": Msg("{kind}：バックアップを取得", "{kind} taken"),
    "explain.backup.window": Msg("{day} の取得期間：{start} 〜 {end}", "window for {day}: {start} to {end}"),
    "explain.backup.none": Msg("期間内に取得の記録なし：未実施", "no backup recorded in the window: missed"),
    "explain.backup.pending": Msg("この時点で期間が終わっていないため未確定", "the window is not over yet: pending"),
    "explain.cause.failure": Msg("障害", "failure"),
    "explain.cause.emergency": Msg("緊急停止", "emergency stop"),
    # (the outage is due to planned work: not a planned stop, whose window alone, validly noticed, excuses time)
    "explain.cause.planned": Msg("計画作業", "planned work"),
    "explain.cause.force_majeure": Msg("不可抗力", "force majeure"),
    "explain.cause.customer_fault": Msg("利用者の故意または過失", "the user's intent or negligence"),
    # why an outage's time in a planned stop's window counts: the stop's notice is not valid ({why}: its
    # notices, as the report's planned-stop table says them), or the outage's service does not leave stops out
    "explain.outage.in_stop.invalid": Msg(
        "計画停止 {id}（{end} まで）の時間帯：有効な通知がないため（{why}）除外時間にならず、"
        "その間の障害は停止時間に算入",
        "in the window of planned stop {id} (until {end}): no valid notice ({why}), not excused: outages during it "
        "count as downtime",
    ),
    "explain.outage.in_stop.not_left_out": Msg(
        "計画停止 {id}（{end} まで）の時間帯：通知は有効だが、「{service}」の提供時間帯は計画停止を除かないため、"
        "その間の障害は停止時間に算入",
        "in the window of planned stop {id} (until {end}): validly noticed, but the hours of “{service}” do not "
        "leave planned stops out: outages during it count as downtime",
    ),
    # an outage due to planned work that no announced planned stop's window meets; {downtime}: the row's
    "explain.outage.planned_uncovered": Msg(
        "その時間帯に通知された計画停止はなく、除外時間になるのは有効な事前通知のある計画停止"
        "（または定期メンテナンス）の時間帯だけのため、停止時間 {downtime}",
        "no planned stop was announced for its time, and only the window of a validly noticed planned stop "
        "(or a maintenance window) excuses time: downtime {downtime}",
    ),
    # (planned work that the windows of announced stops meet only in part: the time in none of them)
    "explain.outage.planned_outside": Msg(
        "うち {duration} は通知されたどの計画停止の時間帯にも入りません",
        "{duration} of it lies outside the window of every planned stop announced",
    ),
    "explain.outage.notice_due_line": Msg("{rule}の期限", "{rule} due"),
    # the same with the rule's target, as an incident's due line says its own (応答期限：4営業時間以内)
    "explain.outage.notice_due_target": Msg("{rule}の期限：{target}", "{rule} due: {target}"),
    "explain.stop.late_channel": Msg("期限後、かつ規定外の手段", "too late, and by a channel not allowed"),
    "explain.stop.bad_channel": Msg("規定外の手段", "a channel not allowed"),
    "explain.stop.too_late": Msg("期限後", "too late"),
    "explain.stop.deadline_line": Msg(
        "有効な通知の期限（{channels}による通知）", "deadline of a valid notice (by {channels})"
    ),
    "explain.stop.window_line": Msg(
        "計画停止の開始（{end} まで）：{verdict}", "planned stop starts (until {end}): {verdict}"
    ),
    "explain.retention.keep_line": Msg("保存期限（{keep}保存）", "end of retention ({keep})"),
    "explain.retention.deleted_plain": Msg("削除", "deleted"),
    "explain.backup.window_line": Msg("取得期間の開始（{end} まで）", "the day's window opens (until {end})"),
    "explain.backup.hours_window_line": Msg("取得期間の開始（{end} まで）", "the window opens (until {end})"),
    "explain.backup.zones": Msg(
        "{kind}：バックアップを取得（ゾーン：{zone}、主ゾーン：{primary}）",
        "{kind} taken (zone: {zone}, primary zone: {primary})",
    ),
    "explain.backup.no_zone": Msg("記載なし", "not stated"),
    # {forms}: every kind of id explain takes, with its form (explain.form.*, joined by explain.form.sep)
    "explain.not_found": Msg(
        "{start} 〜 {end} に `{id}` という案件・障害・計画停止・バックアップ・違反・測定期間・"
        "目標未達のサービスクレジットはありません（説明できる ID：{forms}）",
        "no incident, outage, planned stop, backup, violation, measurement period or credit per missed target "
        "`{id}` in the period {start} to {end} (the ids explain takes: {forms})",
    ),
    "explain.form.sep": Msg("／", "; "),
    "explain.form.item": Msg(
        "案件・障害・計画停止・バックアップはイベントログの ID",
        "an incident, outage, planned stop or backup by its id",
    ),
    "explain.form.violation": Msg(
        "違反はレポートの違反一覧の ID", "a violation by the id the report's violations give"
    ),
    # {example}: an id of the report (else of the policy) of that form
    "explain.form.backup": Msg(
        "バックアップの日は `種類:年-月-日`、数時間ごとの取得期間は開始時刻の "
        "`種類:年-月-日T時:分:秒+時差`（例：`{example}`）",
        "a backup day `KIND:YYYY-MM-DD`, a window of hours `KIND:YYYY-MM-DDTHH:MM:SS+HH:MM` by its start (`{example}`)",
    ),
    "explain.form.period": Msg(
        "サービスの測定期間は `サービス名:初日`（例：`{example}`）",
        "a service's measurement period `SERVICE:YYYY-MM-DD`, its first day (`{example}`)",
    ),
    "explain.form.credit": Msg(
        "目標未達のサービスクレジットは `優先度:目標:測定期間の初日`（例：`{example}`）",
        "a credit per missed target `PRIORITY:TARGET:YYYY-MM-DD`, the first day of its period (`{example}`)",
    ),
    # `sla explain P1:respond:2026-12-01` (report/explain_credits.py): a row of breach_credits
    "explain.credit.head": Msg(
        "サービスクレジット {priority}、{target}、{period}：料金の {credit}",
        "Service credit {priority}, {target}, {period}: {credit} of the fee",
    ),
    "explain.credit.head.open": Msg(
        "サービスクレジット {priority}、{target}、{period}：ここまでで料金の {credit}（確定前）",
        "Service credit {priority}, {target}, {period}: {credit} of the fee so far (not final)",
    ),
    "explain.credit.head.cut": Msg(
        "サービスクレジット {priority}、{target}、{period}：測定期間全体を対象とする報告で確定",
        "Service credit {priority}, {target}, {period}: settled by a report over the whole period",
    ),
    # each incident counted, at its target's due time; {outcome}: explain.credit.done / not_done
    "explain.credit.breach": Msg(
        "{id} の期限：未達（{outcome}）、{n} 件目", "{id} due: missed ({outcome}), breach {n}"
    ),
    "explain.credit.done.respond": Msg("{at} に応答", "responded {at}"),
    "explain.credit.not_done.respond": Msg("この時点で応答なし", "no response by then"),
    "explain.credit.done.clock": Msg("{at} に計測終了", "clock stopped {at}"),
    "explain.credit.not_done.clock": Msg("この時点で計測中", "clock not stopped by then"),
    "explain.credit.per.month": Msg("月", "month"),
    "explain.credit.per.quarter": Msg("四半期", "quarter"),
    "explain.credit.per.whole": Msg("評価期間", "evaluated period"),
    # the credit line the row is of, with the versions that state it
    "explain.credit.line.cap": Msg(
        "クレジットの規定（規定の版 {versions}）：目標未達1件につき料金の {per}、{every}あたり上限 {cap}",
        "credit line (policy version {versions}): {per} of the fee per missed target, at most {cap} per {every}",
    ),
    "explain.credit.line": Msg(
        "クレジットの規定（規定の版 {versions}）：目標未達1件につき料金の {per}（{every}ごとに合計、上限の定めなし）",
        "credit line (policy version {versions}): {per} of the fee per missed target, summed per {every}, no cap",
    ),
    "explain.credit.sum": Msg("目標未達 {n} 件 × {per} ＝ {sum}", "{n} missed × {per} = {sum}"),
    "explain.credit.capped": Msg(
        "上限 {cap} を超えるため、上限を適用：{credit}", "above the cap of {cap}: the cap applies, {credit}"
    ),
    "explain.credit.within": Msg("上限 {cap} の範囲内：{credit}", "within the cap of {cap}: {credit}"),
    "explain.credit.whole_fee": Msg("料金の全額を超えるため：{credit}", "more than the whole fee: {credit}"),
    # (a cap the period's rows share, settled in the order of their first missed target)
    "explain.credit.shared": Msg(
        "この測定期間のほかの行と合わせて上限 {shared}（最初の目標未達が早い行から順に、上限の残りの範囲で返還）："
        "この行は {credit}",
        "at most {shared} with this period's other rows, each credited in the order of its first missed target "
        "what is left under it: {credit} for this row",
    ),
    "explain.credit.owed": Msg("料金の {credit} をクレジットとして返還", "{credit} of the fee is credited"),
    "explain.credit.owed.open": Msg(
        "ここまでで料金の {credit}（測定期間が終わっていないため確定していません）",
        "{credit} of the fee so far (not final: the period is not over)",
    ),
    # (a period the evaluated one cuts: how to judge the whole of it)
    "explain.credit.whole": Msg(
        "測定期間全体の判定：`--from {start} --to {end}`", "a report over the whole period: `--from {start} --to {end}`"
    ),
    # the cap on the sum of every credit of the period (`credit total at most 30% monthly`) this credit counts
    # towards (report/explain_credit_total.py): {credit} this one, {credits} the period's total before the cap
    "explain.credit_total.over": Msg(
        "クレジットの合計の上限（{ref}）：この測定期間のクレジットの合計は、"
        "このクレジット {credit} を含めて {credits}。上限 {cap} を超えるため、測定期間全体で返還するのは料金の {owed}",
        "cap on the total of credits ({ref}): the period's credits, this {credit} among them, add up to {credits}, "
        "above the cap of {cap}: {owed} of the fee is credited for the period in all",
    ),
    "explain.credit_total.within": Msg(
        "クレジットの合計の上限（{ref}）：この測定期間のクレジットの合計は、"
        "このクレジット {credit} を含めて {credits}。上限 {cap} 以内のため、測定期間全体で料金の {owed} を返還",
        "cap on the total of credits ({ref}): the period's credits, this {credit} among them, add up to {credits}, "
        "within the cap of {cap}: {owed} of the fee is credited for the period in all",
    ),
    "explain.credit_total.not_final": Msg(
        "（測定期間が終わっていないため確定していません）", " (not final: the period is not over)"
    ),
    "explain.no_events": Msg(
        "イベントログに `{id}` のイベントがありません", "the event log has no events about `{id}`"
    ),
    # ... but about an id of other capitals ({near}: as the log writes it)
    "explain.no_events.case": Msg(
        "イベントログに `{id}` のイベントがありません。`{near}` の誤りではありませんか？"
        "（ID は大文字と小文字を区別します）",
        "the event log has no events about `{id}`: did you mean `{near}`? (ids are case-sensitive)",
    ),
    # every line about the id was left out with --skip-invalid (cli/explain.py): nothing of it is left to explain;
    # {where}: those lines, located as the skipped lines are (`events.jsonl:3`)
    "explain.left_out.one": Msg(
        "`{id}` のイベントは不正なため除外したので、説明できるものがありません"
        "（`--skip-invalid`。除外した行：{where}）",
        "nothing is left to explain about `{id}`: its line was left out as invalid (`--skip-invalid`): {where}",
    ),
    "explain.left_out.other": Msg(
        "`{id}` のイベントは不正なため除外したので、説明できるものがありません"
        "（`--skip-invalid`。除外した行：{where}）",
        "nothing is left to explain about `{id}`: its lines were left out as invalid (`--skip-invalid`): {where}",
    ),
    # an id of the form of a service's measurement period (`content:2026-11-02`) that no period of the report
    # has; {ids}: the ids of those it has (explain.not_found.period.none: it has none)
    "explain.not_found.period": Msg(
        "{start} 〜 {end} に `{id}` という測定期間はありません（この判定期間の測定期間：{ids}）",
        "no measurement period `{id}` in the period {start} to {end} (its measurement periods: {ids})",
    ),
    # `sla explain KEY:version=V` where rows of a credit per missed target share KEY and V is none of theirs
    # ({ids}: the KEY:version=V that name one, from the rows' policy_versions)
    "explain.not_found.credit_version": Msg(
        "{start} 〜 {end} の目標未達のサービスクレジットに `{id}` という行はありません（版ごとの行の ID：{ids}）",
        "no row of credits per missed target `{id}` in the period {start} to {end} (its rows by version: {ids})",
    ),
    # `sla explain KEY:version=` (no version after `version=`): the ids of the key's rows by version
    "explain.credit_version.empty": Msg(
        "`{id}` は `version=` の後に版を書いていません。行のクレジットを定めた版を書いてください"
        "（{start} 〜 {end} の `{base}` の版ごとの行の ID：{ids}）",
        "`{id}` names no version after `version=`: write the version whose credit line the row is "
        "(the rows of `{base}` by version in the period {start} to {end}: {ids})",
    ),
    "explain.credit_version.empty.none": Msg(
        "`{id}` は `version=` の後に版を書いていません。また、{start} 〜 {end} の目標未達のサービスクレジットに "
        "`{base}` という行はありません",
        "`{id}` names no version after `version=`, and there is no row of credits per missed target `{base}` "
        "in the period {start} to {end}",
    ),
    "explain.not_found.period.none": Msg(
        "{start} 〜 {end} に `{id}` という測定期間はありません（この判定期間に稼働率を測定するサービスはありません）",
        "no measurement period `{id}` in the period {start} to {end} (no service's availability is measured in it)",
    ),
    # `sla explain SERVICE:YYYY-MM-DD` (report/explain_availability.py): a service's measurement period; the
    # headline's verdict (below target: report.kind.availability)
    "explain.avail.head.met": Msg("稼働率の目標達成", "availability target met"),
    "explain.avail.head.open": Msg("稼働率（集計中）", "availability not final"),
    "explain.avail.head.figure": Msg("稼働率（目標値の定めなし）", "availability (no target)"),
    # {kind}: report.credits.month / quarter / whole
    "explain.avail.start": Msg(
        "測定期間（{kind}）の開始（{end} まで）", "the measurement period ({kind}) starts (until {end})"
    ),
    # a period cut by the evaluated one (a quarter in a report of one month): the whole, and the part judged
    "explain.avail.start.cut": Msg(
        "測定期間（{kind}、{whole_start} 〜 {whole_end}）のうち判定する部分（{start} 〜 {end}）の開始",
        "the judged part ({start} to {end}) of the measurement period ({kind}, {whole_start} to {whole_end}) starts",
    ),
    "explain.avail.until": Msg("{end} まで", "until {end}"),
    "explain.avail.still_open": Msg("判定時点で継続中", "still open at the as-of time"),
    # each stretch not measured, at its start; {duration}: its time in the period not counted before it
    "explain.avail.maintenance": Msg(
        "「{id}」（定期メンテナンス、{until}）：この期間の除外時間 {duration}",
        "“{id}” (regular maintenance, {until}): {duration} of excused time in the period",
    ),
    "explain.avail.planned_stop": Msg(
        "計画停止 {id}（{until}、通知は有効）：この期間の除外時間 {duration}",
        "planned stop {id} ({until}, validly noticed): {duration} of excused time in the period",
    ),
    "explain.avail.emergency": Msg(
        "緊急停止 {id}（{until}）：停止時間に数えない除外時間 {duration}",
        "emergency stop {id} ({until}): {duration} of excused time, not downtime",
    ),
    "explain.avail.counted_before": Msg(
        "（ほかの除外時間と重なる {duration} は1回だけ数えます）",
        " ({duration} overlapping other time not measured counts once)",
    ),
    "explain.avail.stop_counted": Msg(
        "計画停止 {id}（{until}）：有効な通知がないため除外時間にならず、その間の障害は停止時間に算入",
        "planned stop {id} ({until}): no valid notice, not excused: outages during it count as downtime",
    ),
    "explain.avail.stop_not_left_out": Msg(
        "計画停止 {id}（{until}）：このサービスの提供時間帯は計画停止を除かないため、その間の障害は停止時間に算入",
        "planned stop {id} ({until}): this service's hours do not leave planned stops out: outages during it"
        " count as downtime",
    ),
    # an outage of the service that overlaps the period; {parts}: explain.avail.part.*, joined
    "explain.avail.outage": Msg(
        "障害 {id}（{until}）：この期間に {minutes}、{parts}", "outage {id} ({until}): {minutes} in the period; {parts}"
    ),
    "explain.avail.part.down": Msg("停止時間 {duration}", "downtime {duration}"),
    "explain.avail.part.shared": Msg(
        "{ids} と重なる {duration} は {ids} で数え済み", "{duration} overlapping {ids} already counted there"
    ),
    "explain.avail.part.excused": Msg("除外時間内の {duration} は数えません", "{duration} in excused time not counted"),
    "explain.avail.part.excused_hours": Msg(
        "サービス提供時間外または除外時間内の {duration} は数えません",
        "{duration} outside the service hours or in excused time not counted",
    ),
    "explain.avail.part.excluded": Msg(
        "適用外の障害と重なる {duration} は数えません", "{duration} overlapping an excluded outage not counted"
    ),
    "explain.avail.part.excluded_self": Msg(
        "適用外のため {duration} は測定時間から除きます", "excluded: its {duration} is taken out of the measured time"
    ),
    "explain.avail.part.emergency": Msg(
        "停止時間に数えない緊急停止のため {duration} は測定時間から除きます",
        "an emergency stop that is not downtime: its {duration} is taken out of the measured time",
    ),
    # (an outage that is not downtime, part of it already not measured: what it takes out, then the rest)
    "explain.avail.part.excluded_self.part": Msg(
        "適用外のため測定時間から除くのは {duration}",
        "excluded: {duration} of it is taken out of the measured time",
    ),
    "explain.avail.part.emergency.part": Msg(
        "停止時間に数えない緊急停止のため測定時間から除くのは {duration}",
        "an emergency stop that is not downtime: {duration} of it is taken out of the measured time",
    ),
    "explain.avail.part.already": Msg(
        "うち {duration} は除外時間と重なり、1回だけ数えます",
        "{duration} of it overlaps excused time and counts once",
    ),
    # (a service provided in a calendar's hours)
    "explain.avail.part.already_hours": Msg(
        "うち {duration} はサービス提供時間外または除外時間内で、すでに測定時間に含まれません",
        "{duration} of it lies outside the service hours or in excused time, not measured anyway",
    ),
    "explain.avail.part.outside": Msg(
        "期間外の {duration} はこの期間に数えません", "{duration} outside the period not counted in it"
    ),
    # the period's end: as_of before it; a period cut by the judged one; a period over
    "explain.avail.not_over": Msg(
        "判定時点では測定期間が終わっていません（ここまでの数値）",
        "the measurement period is not over at the as-of time (the figures so far)",
    ),
    "explain.avail.cut": Msg(
        "判定期間が測定期間の一部だけのため、確定した数値ではありません",
        "the judged period holds only part of the measurement period: the figures are not final",
    ),
    "explain.avail.end": Msg("測定期間の終了", "the measurement period ends"),
    # the computation, a line each
    "explain.avail.base": Msg("期間の長さ：{span}", "length of the period: {span}"),
    "explain.avail.base.as_of": Msg(
        "判定時点までの期間の長さ：{span}", "length of the period up to the as-of time: {span}"
    ),
    "explain.avail.base.hours": Msg(
        "サービス提供時間（「{calendar}」の営業時間）：{hours}（期間 {span} から時間外 {closed} を除く）",
        "service hours (the open hours of “{calendar}”): {hours} (the period's {span} less {closed} outside them)",
    ),
    "explain.avail.base.hours.as_of": Msg(
        "判定時点までのサービス提供時間（「{calendar}」の営業時間）：{hours}（期間 {span} から時間外 {closed} を除く）",
        "service hours up to the as-of time (the open hours of “{calendar}”): {hours} (the period's {span} less"
        " {closed} outside them)",
    ),
    "explain.avail.measured": Msg(
        "測定時間 ＝ {base} − 除外時間 {excused} − 適用外 {excluded} ＝ {measured}",
        "measured time = {base} − {excused} excused − {excluded} excluded = {measured}",
    ),
    "explain.avail.downtime": Msg("停止時間 ＝ {terms} ＝ {total}", "downtime = {terms} = {total}"),
    "explain.avail.downtime.none": Msg(
        "停止時間 ＝ {total}（数える障害なし）", "downtime = {total} (no outage counted)"
    ),
    "explain.avail.ratio": Msg(
        "稼働率 ＝（測定時間 − 停止時間）÷ 測定時間 ＝（{measured} − {downtime}）÷ {measured} ＝ {ratio}",
        "availability = (measured − downtime) / measured = ({measured} − {downtime}) / {measured} = {ratio}",
    ),
    "explain.avail.ratio.none": Msg(
        "測定した時間なし：稼働率は {ratio} とします", "no time measured: the availability is {ratio}"
    ),
    "explain.avail.no_target": Msg("目標値の定めなし（測定のみ）", "no target: measured only"),
    # {who}: whom the target is for, in brackets (report.when.*), or empty; {verdict}: report.credits.met / below
    "explain.avail.target": Msg("目標 {target}{who}：{verdict}", "target {target}{who}: {verdict}"),
    "explain.avail.so_far.met": Msg("集計中（ここまでは達成）", "not final (met so far)"),
    "explain.avail.so_far.below": Msg("集計中（ここまでは未達）", "not final (below target so far)"),
    "explain.avail.credit": Msg(
        "サービスクレジット：料金の {credit}（稼働率 {ratio} が {below} を下回ったため、{article}）",
        "service credit: {credit} of the fee (availability {ratio} below {below}, {article})",
    ),
    "explain.avail.credit.plain": Msg(
        "サービスクレジット：料金の {credit}（稼働率 {ratio} が {below} を下回ったため）",
        "service credit: {credit} of the fee (availability {ratio} below {below})",
    ),
    "explain.avail.no_credit": Msg(
        "クレジットの段階に当たらないため、サービスクレジットなし", "no credit tier applies: no service credit"
    ),
    "explain.avail.credit_later": Msg(
        "測定期間が確定していないため、サービスクレジットはまだ生じません",
        "the measurement period is not final: no service credit is owed yet",
    ),
    # `--as-of` before every event of the id: nothing about it is judged yet
    "explain.after_as_of": Msg(
        "`{id}` の最初のイベント（{first}）は判定時点 {as_of} より後のため、まだ判定していません",
        "the first event about `{id}` ({first}) is after the as-of time {as_of}: it is not judged yet",
    ),
    # `--format parquet --output DIR`: the tables that cannot be written (report/tables.py); {reason}: events.os.*
    "report.parquet.cannot_write": Msg("{path}: 表を書けません：{reason}", "{path}: cannot write the table: {reason}"),
    "report.parquet.dir_in_place": Msg(
        "{path}: 表を書けません：その場所にディレクトリがあります",
        "{path}: cannot write the table: a directory is in its place",
    ),
    "report.parquet.cannot_create": Msg(
        "{path}: 出力先のディレクトリを作れません：{reason}", "{path}: cannot create the output directory: {reason}"
    ),
    "report.parquet.not_a_dir": Msg(
        "{path}: ディレクトリではありません（{option} には表を書くディレクトリを指定します）",
        "{path}: not a directory ({option} names the directory the tables go into)",
    ),
}
