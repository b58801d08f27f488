"""Catalogue section: ``sla diff``'s words (keys ``diff.*``), for :mod:`sla_dsl.authoring.semdiff`.

Design notes
------------
* What changed is found by :mod:`sla_dsl.authoring.diff_changes`; every word that
  says it is here: the names of sections and fields, weekdays, units, the
  sentences of a change line and of the markdown change notice.
* The English is what ``sla diff`` printed before the catalogue, byte for byte
  (golden files compare it), but for conditions and attribute values, now in
  words with the policy's labels (``契約プランがプレミアム`` / ``Plan is Premium``,
  from :mod:`sla_dsl.report.conditions`), and for business time in the change
  notice, now said as the policy page says it (``7 business hours (English desk
  hours)``, was ``7 hours (English desk hours)``), and for time zones and holiday
  codes, now places in words (:mod:`.places`) with the id after them for the author
  (``London time (Europe/London)``, ``England (GB-ENG)``), in the notice the words
  only, as the site says them (``London time (UTC+0, UTC+1 in summer)``, ``England``).
* Every entry has the same fields in both languages (a test checks it). Where one
  language does not say a value the other needs (the English ordinal's suffix,
  the calendar's name in an English duration, the zero-padded month of an
  English date), its template holds the field with zero width: ``{suffix:.0}``.
* The Japanese is set as the site sets it (:mod:`sla_dsl.docs.text`), so the
  change notice and the site's version history need no touching up: ``：``
  after a label, ``〜`` in a range of times or dates (``10:00〜12:00``,
  ``22:00〜翌02:00``), dates as ``2026年10月1日``, no space between Japanese
  words, and business time said as business time on its calendar, as the
  policy page says it (``7営業時間（英語窓口の受付時間）``, never ``7時間（…）``).
  Units and channels are the words of :mod:`.terms`, which the site and the
  report share: an amount of time counted (``7日``, ``1ヶ月``) where the notice
  says it as a lead time, a frequency or a limit (a target time: ``3日以内``),
  and as a length (``diff.duration.length.*``: ``7日間``) where it is one (a
  retention, how long a silence lasts).
  A label that follows the kind of a declaration added or removed is quoted
  (``適用除外「お客様の責」を追加``). The English is as it was, but for business
  time in the notice (above) and a range that ends at midnight, ``22:00-24:00``
  as on the page however it is written; and since the QA review of ``sla diff``,
  a maintenance window's hours are its ``window`` (``実施時間帯``, was the
  calendar's ``opening hours``), the policy's languages are named
  (``Japanese, English``, was ``ja, en``) and weekdays are joined by ``, ``
  (``Fri, Sat``, was ``Fri,Sat``). Since the QA review of the change notice, a
  time limit is worded as the SLA words it (``diff.within``: ``3営業時間以内`` /
  ``within 3 business hours``, was ``3営業時間`` / ``3 business hours``), so a
  notification's target is its ``target`` (was ``within``), and a priority
  named by its label is named as the report names it (``diff.priority.name``:
  ``P1 優先度１`` / ``P1 Priority 1``, was ``優先度１（P1）`` / ``Priority 1 (P1)``).
  Since the review of calendar changes, the author's English text names the
  declarations inside a value by their labels as every other form does
  (``within 7 business hours (English desk hours)``, was ``within 7 desk_en
  hours``; event types, calendars and clocks by their words), and a change of a
  calendar's week is said per weekday: ``diff.field.hours`` when every open day
  changes alike, else each run of weekdays changed alike as ``day_hours`` with
  its details, a weekday opened or closed with ``diff.added.one`` /
  ``diff.removed.one`` and ``diff.field.days`` (``当社営業時間の営業日を追加：
  土は10:00〜13:00`` / ``Company business hours days added: Sat 10:00-13:00``).
  Since the QA review of versions, the English notice starts a line with a
  capital where these words begin it (``Planned stops notice: ...``, done by
  :func:`~sla_dsl.authoring.semdiff.change_text`, not here), says a change to
  the Japanese text alone as such (``diff.changed.japanese``, was the Japanese
  texts in 「」), and a notice of a NEW that does not follow OLD announces no
  change (``diff.md.compared.*``, ``diff.md.not_following``).
  Since the contract manager's QA of a year-end version, a calendar's
  ``closed`` dates are the company's own (``会社独自の休業日`` / ``company
  closure days``, was ``休業日`` / ``closed dates``; yearly alike): the public
  holidays close it too. Since the QA of Article 5 changes, Japanese names every
  company closure ``休業日`` (yearly ``会社独自の毎年の休業日``, was ``休業期間``;
  a named ``holiday`` ``名前のある会社独自の休業日``, was ``独自の休日``), as the
  report's explanations and ``sla calendar``'s legend do; English names them
  ``company closure days`` alike (``yearly company closure days``, was
  ``yearly company closures``; ``named company closure days``, was ``named
  holidays``). The notice writes a date with its weekday
  (:func:`~sla_dsl.i18n.format_date`, not ``diff.date``: ``2026年11月16日(月)``
  / ``Mon 16 Nov 2026``, was ``2026年11月16日`` / ``2026-11-16``) and says once
  the zone of its dates and times (``diff.md.zone``, ``diff.md.zones``,
  ``diff.md.zone.calendars``).
"""

from __future__ import annotations

from .msg import Msg
from .terms import CHANNELS, EN_MONTHS, UNITS

__all__ = ["DIFF"]


#: ``diff.<kind>.<key>``
DIFF: dict[str, Msg] = {
    "diff.section.header": Msg("規定", "policy"),
    "diff.section.article": Msg("条", "article"),
    "diff.section.calendar": Msg("カレンダー", "calendar"),
    "diff.section.service": Msg("サービス", "service"),
    "diff.section.planned_stop": Msg("計画停止", "planned stops"),
    "diff.section.maintenance": Msg("定期メンテナンス", "maintenance"),
    "diff.section.clock": Msg("起算点", "clock"),
    "diff.section.priority": Msg("優先度", "priority"),
    "diff.section.notify": Msg("通知", "notification"),
    "diff.section.backup": Msg("バックアップ", "backup"),
    "diff.section.exclude": Msg("適用除外", "exclusion"),
    "diff.section.item": Msg("SLA 項目", "SLA item"),
    "diff.section.attribute": Msg("属性", "attribute"),
    "diff.section.event_type": Msg("イベント種別", "event type"),
    "diff.field.name": Msg("名称", "name"),
    "diff.field.format": Msg("ファイル形式", "file format"),
    "diff.field.version": Msg("版", "version"),
    "diff.field.effective": Msg("適用開始日", "effective date"),
    "diff.field.timezone": Msg("タイムゾーン", "time zone"),
    "diff.field.provider": Msg("提供者", "provider"),
    "diff.field.title": Msg("表題", "title"),
    "diff.field.source": Msg("原文", "source document"),
    "diff.field.languages": Msg("言語", "languages"),
    "diff.field.text": Msg("本文", "text"),
    "diff.field.label": Msg("名称", "label"),
    "diff.field.ref": Msg("条項番号", "article reference"),
    "diff.field.days": Msg("営業日", "days"),
    "diff.field.hours": Msg("時間帯", "opening hours"),
    # a maintenance window's hours are no opening hours: the section's own word (`diff.field.<section>.<field>`)
    "diff.field.maintenance.hours": Msg("実施時間帯", "window"),
    "diff.field.holidays": Msg("祝日", "public holidays"),
    # the company's own closures (`closed`), not its public holidays (`holidays`), which close it too: a calendar
    # that only closed on holidays had no closures of this kind, not no closed days
    "diff.field.closed": Msg("会社独自の休業日", "company closure days"),
    "diff.field.closed_yearly": Msg("会社独自の毎年の休業日", "yearly company closure days"),
    "diff.field.open": Msg("臨時営業日", "extra open dates"),
    "diff.field.day_hours": Msg("曜日別の時間帯", "hours of some weekdays"),
    "diff.field.date_hours": Msg("日付別の時間帯", "hours of some dates"),
    "diff.field.closed_hours": Msg("一部時間の休業", "closed hours of some dates"),
    # a named holiday (`holiday DATE "name"`) is a company closure with a name: one word for both in each language,
    # the catalogue's (`休業日`, as the report's explanations and `sla calendar` say one; `company closure days`)
    "diff.field.named_holidays": Msg("名前のある会社独自の休業日", "named company closure days"),
    "diff.field.yearly_holidays": Msg("名前のある会社独自の毎年の休業日", "yearly named company closure days"),
    "diff.field.notes": Msg("注記", "notes"),
    "diff.field.rules": Msg("値を決める規定", "rules giving its value"),
    "diff.field.availability_measured": Msg("稼働率の測定", "availability measured"),
    "diff.field.availability_target": Msg("稼働率目標", "availability target"),
    "diff.field.notice": Msg("事前通知", "notice"),
    "diff.field.anchor": Msg("通知期限の基準", "notice counted from"),
    "diff.field.channels": Msg("通知手段", "notice channels"),
    "diff.field.emergency_allowed": Msg("緊急時の無通知停止", "emergency stops without notice"),
    "diff.field.emergency_counts_as_downtime": Msg("緊急停止の停止時間算入", "emergency stops count as downtime"),
    "diff.field.on": Msg("実施日", "day"),
    "diff.field.roll": Msg("非営業日の場合", "if not a business day"),
    "diff.field.calendar": Msg("カレンダー", "calendar"),
    "diff.field.excused": Msg("稼働率からの除外", "excused from availability"),
    "diff.field.starts": Msg("起算点", "starts at"),
    "diff.field.at_risk_percent": Msg("警告しきい値", "at-risk warning"),
    "diff.field.pauses": Msg("一時停止", "pauses"),
    "diff.field.not_due": Msg("期限の保留", "not due at"),
    "diff.field.stops": Msg("停止", "stops at"),
    "diff.field.resets": Msg("リセット", "resets at"),
    "diff.field.restarts": Msg("停止後の再始動", "restarts at"),
    "diff.field.cancels": Msg("取り消し", "cancels at"),
    # the events that change an attribute during an incident's life (`changes at`)
    "diff.field.attribute.changes": Msg("案件の途中で変更するイベント", "change events"),
    "diff.field.targets": Msg("計測目標", "targets on clocks"),
    # one named target of a priority, in the notice (the site's history), which says only the one that changed
    "diff.field.clock_target": Msg("計測目標", "target on a clock"),
    "diff.field.definition": Msg("定義", "definition"),
    "diff.field.target": Msg("応答目標時間", "response target"),
    "diff.field.same_day": Msg("当日回答の目安", "same-day guideline"),
    "diff.field.completion": Msg("完了条件", "completion"),
    "diff.field.within": Msg("通知目標時間", "target"),
    "diff.field.after": Msg("起算イベント", "counted from"),
    "diff.field.met_by": Msg("達成イベント", "met by"),
    "diff.field.only_during": Msg("適用条件", "applies only when recognised during"),
    "diff.field.method": Msg("方式", "method"),
    "diff.field.credits": Msg("サービスクレジット", "service credits"),
    "diff.field.plan_targets": Msg("条件付きの稼働率目標", "availability targets by condition"),
    # rules of a priority and targets of a service are tried in file order, the first that holds applies
    "diff.field.order": Msg("規定の適用順", "order of rules"),
    "diff.field.target_order": Msg("稼働率目標の適用順", "order of availability targets"),
    # the clock that measures every priority's plain response target: `response`, else the first clock
    "diff.field.response_clock": Msg("応答目標時間を計る起算点", "clock of the response target"),
    "diff.field.period": Msg("測定期間", "measurement period"),
    "diff.field.values": Msg("値", "values"),
    "diff.field.labels": Msg("値の名称", "value label"),
    "diff.field.default": Msg("既定値", "default value"),
    "diff.field.when": Msg("適用条件", "condition"),
    "diff.field.every": Msg("頻度", "frequency"),
    "diff.field.continuous": Msg("逐次", "continuous"),
    "diff.field.keep": Msg("保存期間", "retention"),
    "diff.field.other_zone": Msg("別ゾーン", "in another zone"),
    "diff.field.description": Msg("説明", "description"),
    "diff.field.value": Msg("設定値", "value"),
    "diff.field.title_label": Msg("表題", "title"),
    # weekdays (0 = Monday): long and short
    **{
        f"diff.weekday.{i}": Msg(ja, en)
        for i, (ja, en) in enumerate(
            zip(
                ("月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"),
                ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
                strict=True,
            )
        )
    },
    **{
        f"diff.day.{i}": Msg(ja, en)
        for i, (ja, en) in enumerate(
            zip("月火水木金土日", ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), strict=True)
        )
    },
    # ordinals: the English suffix chosen by the number's last digits
    "diff.ordinal.st": Msg("第{n}", "{n}st"),
    "diff.ordinal.nd": Msg("第{n}", "{n}nd"),
    "diff.ordinal.rd": Msg("第{n}", "{n}rd"),
    "diff.ordinal.th": Msg("第{n}", "{n}th"),
    # durations: elapsed, and business time on a calendar (`{calendar}` is `business`: every form and language
    # names a calendar by its label, since the review of `sla diff`'s English), a calendar other than
    # `business` named after the amount by its label (`diff.on_calendar`), as on the policy page
    # elapsed time counted (`7日前`, `2日ごと`) and as a length (`7日間`): the words of `terms.UNITS`
    **{
        f"diff.duration.{unit}.{n}": Msg(f"{{n}}{words.counted}", f"{{n}} {unit}{'s' if n == 'other' else ''}")
        for unit, words in UNITS.items()
        for n in ("one", "other")
    },
    **{
        f"diff.duration.length.{unit}.{n}": Msg(f"{{n}}{words.length}", f"{{n}} {unit}{'s' if n == 'other' else ''}")
        for unit, words in UNITS.items()
        for n in ("one", "other")
    },
    **{
        f"diff.duration.business.{unit}.{n}": Msg(
            f"{{n}}{words.business}{{calendar:.0}}", f"{{n}} {{calendar}} {unit}{'s' if n == 'other' else ''}"
        )
        for unit, words in UNITS.items()
        for n in ("one", "other")
    },
    "diff.on_calendar": Msg("（{label}）", " ({label})"),
    # business days of a calendar whose standard day changed, with the business hours they mean in the version
    # (`1営業日以内（8営業時間）` / `within 1 business day (8 business hours)`); on a calendar other than
    # `business`, with its label
    "diff.in_hours": Msg("（{hours}）", " ({hours})"),
    "diff.in_hours.on": Msg("（{label}、{hours}）", " ({label}, {hours})"),
    # those hours when they are no whole hours nor a short fraction of one (`7営業時間20分`, as the site says it)
    "diff.in_hours.minutes": Msg("{h}営業時間{m}分{hs:.0}{ms:.0}", "{h} business hour{hs} {m} minute{ms}"),
    "diff.by_end": Msg(
        "{n}営業日目の終業時刻まで{nth:.0}{calendar:.0}", "by the end of the {nth} {calendar} day{n:.0}"
    ),
    "diff.by_time": Msg("{n}営業日目の{time}まで{nth:.0}{calendar:.0}", "by {time} on the {nth} {calendar} day{n:.0}"),
    "diff.quoted": Msg("「{text}」", '"{text}"'),
    # a time limit, as the SLA words it (`3営業時間以内`): a priority's response target, a notification's target
    "diff.within": Msg("{duration}以内", "within {duration}"),
    # a label after the kind of a declaration added or removed
    "diff.named": Msg("「{text}」", "{text}"),
    # a time zone or a holiday code in the author's text: its words, then the id as the file writes it
    "diff.coded": Msg("{words}（{code}）", "{words} ({code})"),
    # a calendar without a zone of its own: the policy's zone
    "diff.zone.policy": Msg("規定と同じ{zone}", "the policy's {zone}"),
    "diff.none": Msg("なし", "none"),
    "diff.yes": Msg("あり", "yes"),
    "diff.no": Msg("なし", "no"),
    # recurrences
    "diff.rec.last_weekday": Msg("毎月最終{day}", "last {day} of every month"),
    "diff.rec.nth_weekday": Msg("毎月{nth}{day}", "{nth} {day} of every month"),
    "diff.rec.last_day": Msg("毎月末日", "last day of every month"),
    "diff.rec.day": Msg("毎月{day}日", "day {day} of every month"),
    "diff.rec.weekly": Msg("毎週{day}", "every {day}"),
    # the day of a yearly holiday (`holiday yearly 4th thu of nov`, `holiday yearly last mon of may`)
    "diff.rec.yearly_nth": Msg("毎年{month}の{nth}{day}", "every year on the {nth} {day} of {month}"),
    "diff.rec.yearly_last": Msg("毎年{month}の最終{day}", "every year on the last {day} of {month}"),
    "diff.rec.last": Msg("最終", "last"),
    "diff.rec.nths": Msg("{nths}{day}", "{nths} {day}"),
    "diff.rec.sep": Msg("・", ", "),
    "diff.rec.base.last_day": Msg("末日", "last day"),
    "diff.rec.base.day": Msg("{day}日", "day {day}"),
    "diff.rec.base.last_weekday": Msg("最終平日", "last weekday"),
    "diff.rec.monthly": Msg("毎月{base}", "{base} of every month"),
    "diff.rec.every_months": Msg(
        f"{{year}}年{{month}}月から{{every}}{UNITS['month'].counted}ごとの{{base}}{{mm:.0}}",
        "{base} of every {every} months from {year}-{mm}{month:.0}",
    ),
    # values
    "diff.roll.keep": Msg("移動しない", "stays on its day"),
    "diff.roll.next": Msg("翌営業日に延期", "moves to the next business day"),
    "diff.roll.previous": Msg("前営業日に前倒し", "moves to the previous business day"),
    "diff.roll.skip": Msg("実施しない", "is skipped"),
    "diff.pause": Msg("{at}から{until}まで", "{at} until {until}"),
    "diff.pause.or": Msg("または", " or "),
    # a hold of a clock (`not due at A until B`): counted on, no deadline applied from A until B
    "diff.not_due": Msg("{at}から{until}まで期限を適用しない", "not due from {at} until {until}"),
    "diff.clock.update": Msg("{clock}で{duration}ごとに更新（{by}）", "update every {duration} on {clock} by {by}"),
    "diff.clock.target": Msg("{clock}で{kind}{duration}以内", "{kind} within {duration} on {clock}"),
    # a named target due at an instant of a business day (`resolve by end of 2nd business day on resolution`)
    "diff.clock.target_by": Msg("{clock}で{kind}{due}", "{kind} {due} on {clock}"),
    # a target's out-of-hours time (Request Tracker's OutOfHours): on the `business` calendar (what "business
    # hours" means in a policy, unnamed in Japanese), and on another by its label
    "diff.clock.out_of_hours": Msg(
        "（営業時間外の受付は{extra}を加算{calendar:.0}）",
        ", plus {extra} if received outside business hours{calendar:.0}",
    ),
    "diff.clock.out_of_hours.on": Msg(
        "（{calendar}の営業時間外の受付は{extra}を加算）",
        ", plus {extra} if received outside the open hours of “{calendar}”",  # (as the report and the site)
    ),
    "diff.clock.kind.respond": Msg("応答", "respond"),
    "diff.clock.kind.resolve": Msg("解決", "resolve"),
    "diff.clock.kind.first_reply": Msg("初回回答", "first reply"),
    # an availability target with its credits: the Japanese keeps the tiers in brackets, so that the 、 between
    # tiers is not read as the one between targets
    "diff.plan_target": Msg(
        "{when}の場合は{period}の稼働率{percent}%（サービスクレジット：{tiers}）",
        "{percent}% {period} when {when}; credits {tiers}",
    ),
    "diff.plan_target.all": Msg(
        "{period}の稼働率{percent}%（サービスクレジット：{tiers}）", "{percent}% {period}; credits {tiers}"
    ),
    "diff.credit_tier": Msg("{below}%未満で{credit}%", "below {below}%: {credit}%"),
    # a service credit per breached target (`credit 5% per breach, at most 25% monthly`)
    "diff.field.breach_credit": Msg("目標未達1件あたりのサービスクレジット", "credit per breach"),
    "diff.breach_credit": Msg(
        "{target}の未達1件につき{percent}%（{period}）", "{percent}% per breach of {target}, {period}"
    ),
    "diff.breach_credit.cap": Msg(
        "{target}の未達1件につき{percent}%（{period}の上限{cap}%）",
        "{percent}% per breach of {target}, at most {cap}% {period}",
    ),
    # the header's cap on the total of every credit of a period (`credit total at most 30% monthly [art 6]`)
    "diff.field.credit_total": Msg("サービスクレジットの合計の上限", "cap on the total of service credits"),
    "diff.credit_total": Msg("{period}の合計{percent}%まで", "at most {percent}% in total, {period}"),
    "diff.credit_total.ref": Msg(
        "{period}の合計{percent}%まで（{article}）", "at most {percent}% in total, {period} ({article})"
    ),
    "diff.breach_credit.response": Msg("応答目標", "the response target"),
    "diff.breach_credit.named": Msg("{clock}での{kind}目標", "the {kind} target on {clock}"),
    "diff.breach_credit.kind.respond": Msg("応答", "response"),
    "diff.breach_credit.kind.resolve": Msg("解決", "resolution"),
    "diff.breach_credit.kind.first_reply": Msg("初回回答", "first reply"),
    "diff.breach_credit.kind.update": Msg("更新", "update"),
    "diff.period.month": Msg("月ごと", "monthly"),
    "diff.period.quarter": Msg("四半期ごと", "quarterly"),
    "diff.period.other": Msg("評価期間ごと", "per evaluated period"),
    "diff.anchor.start_date": Msg("開始日", "the start date"),
    "diff.anchor.start": Msg("開始時刻", "the start time"),
    "diff.same_day": Msg(
        "終業の{duration}前までの受付は当日回答{calendar:.0}",
        "same day if received {duration} before close of {calendar}",
    ),
    "diff.silence": Msg(
        "{after}の後、{unless}がないまま{duration}が経過した場合", "{duration} after {after} without {unless}"
    ),
    "diff.completion.on": Msg("{event}で完了", "on {event}"),
    "diff.list.sep": Msg("、", ", "),
    "diff.completion.or": Msg("、または", ", or "),
    "diff.hours.always": Msg("常時", "always"),
    "diff.hours.maintenance": Msg("定期メンテナンス", "maintenance"),
    "diff.hours.planned_stops": Msg("計画停止", "planned stops"),
    "diff.hours.except": Msg("{base}（{excepted}を除く）", "{base} except {excepted}"),
    # the channels of a planned-stop notice (`by email, web`): the English is the name, as `sla diff` printed it
    **{f"diff.channel.{name}": Msg(words.ja, name) for name, words in CHANNELS.items()},
    # times and dates
    "diff.time_range": Msg("{start}〜{end}", "{start}-{end}"),
    "diff.time_range.overnight": Msg("{start}〜翌{end}", "{start}-{end}"),
    "diff.day_hours": Msg("{days}は{ranges}", "{days} {ranges}"),
    "diff.day.sep": Msg("・", ", "),
    "diff.date": Msg("{year}年{month}月{day}日{iso:.0}", "{iso}{year:.0}{month:.0}{day:.0}"),
    "diff.range": Msg("{first}〜{last}", "{first}..{last}"),
    # in the change notice (the customers' words, the site's version history): dates of the year in words
    "diff.range.words": Msg("{first}〜{last}", "{first} to {last}"),
    # a yearly closure NEW adds, with the first day it closes under NEW (on or after its effective date)
    "diff.first_on": Msg("{value}（初回は{date}）", "{value} (first on {date})"),
    "diff.month_day.words": Msg("{month}{day}日", "{month} {day}"),
    "diff.rec.yearly.words": Msg("毎年{date}", "every year on {date}"),
    **{f"diff.month.{n}": Msg(f"{n}月", name) for n, name in enumerate(EN_MONTHS, 1)},
    "diff.named_holiday": Msg("{date}{label}", "{date} {label}"),
    "diff.key.when": Msg("{id}、{when}", "{id} when {when}"),
    # the alternatives of a priority (its rules) or of a service (its availability targets) by their conditions:
    # an item of their order, and a rule or target in a sentence
    "diff.order.when": Msg("「{when}」", "when {when}"),
    "diff.order.always": Msg("条件なし", "no condition"),
    "diff.order.sep": Msg("、", "; "),
    "diff.rule.when": Msg("「{when}」の規定", "the rule when {when}"),
    "diff.rule.always": Msg("条件なしの規定", "the rule without a condition"),
    "diff.target.when": Msg("「{when}」の目標", "the target when {when}"),
    "diff.target.always": Msg("条件なしの目標", "the target without a condition"),
    # the languages of a policy (`languages ja, en`) by their names
    "diff.language.ja": Msg("日本語", "Japanese"),
    "diff.language.en": Msg("英語", "English"),
    # what a change to business hours means
    "diff.detail.break_removed": Msg("休憩{start}〜{end}を廃止", "break {start}-{end} removed"),
    "diff.detail.break_added": Msg("休憩{start}〜{end}を追加", "break {start}-{end} added"),
    "diff.detail.opens": Msg("開始時刻：{old} → {new}", "opens {old} -> {new}"),
    "diff.detail.closes": Msg("終了時刻：{old} → {new}", "closes {old} -> {new}"),
    "diff.detail.hours_a_day": Msg("1日の営業時間：{old}時間 → {new}時間", "{old} -> {new} business hours a day"),
    # what a change of the order of rules means: which rule now applies where both hold
    "diff.detail.precedence": Msg(
        "両方に当てはまる案件には{first}を{then}より先に適用",
        "{first} now applies before {then} where both hold",
    ),
    "diff.detail.target_precedence": Msg(
        "両方に当てはまるお客様には{first}を{then}より先に適用",
        "{first} now applies before {then} to customers both are for",
    ),
    # a condition rewritten that matches the same values both versions declare, not the same of a value one adds:
    # for whom it now applies, or does not, as written before (`P1 when plan != standard` -> `plan in (premium,
    # gold)` with a value `platinum` added)
    "diff.detail.applies_also": Msg("{whom}の場合にも適用", "now also applies where {whom}"),
    "diff.detail.applies_not": Msg("{whom}の場合は対象外", "does not apply where {whom}"),
    "diff.whom.sep": Msg("、または", " or "),
    # a change line
    "diff.article": Msg("第{n}条", "article {n}"),
    "diff.item": Msg("SLA 項目{n}", "SLA item {n}"),
    "diff.subject": Msg("{section} {key}", "{section} {key}"),
    "diff.subject.priority": Msg("{section} {key}", "{key}{section:.0}"),
    # a priority named by its label, as the report names it (`P1 優先度１`: its id, which customers see on their
    # tickets, then its label); a rule with `when` followed by its condition
    "diff.priority.name": Msg("{id} {label}", "{id} {label}"),
    "diff.priority.when": Msg("{name}（{when}の場合）", "{name} (when {when})"),
    # the rule without `when` of a priority with rules that have one (their labels are often the same)
    "diff.priority.otherwise": Msg("{name}（その他の場合）", "{name} (in all other cases)"),
    # a clock's start with fallbacks (`starts at A, else B`): A, and B only when there is no A
    "diff.starts.else": Msg("{first}（なければ{rest}）", "{first}, or else {rest}"),
    "diff.starts.else.sep": Msg("、それもなければ", ", or else "),
    # a credit tier of a service (its threshold), of the target with a condition
    "diff.field.credit_tier": Msg("サービスクレジット（{below}%未満）", "credit below {below}%"),
    "diff.field.credit_tier.when": Msg(
        "{when}の場合のサービスクレジット（{below}%未満）", "credit below {below}% when {when}"
    ),
    # the kind of a declaration added or removed before its label (quoted in Japanese: `diff.named`)
    "diff.subject.kind": Msg("{section}{subject}", "{section}: {subject}"),
    # a contract event type the policy gives words of its own (`event incident.responded "…" / "…"`), named by
    # the contract's words for it ({event}); its label ({label}) given, changed or taken back (words only)
    # ({event} and {label} quoted alike, as `diff.quoted` quotes a label)
    "diff.subject.relabel": Msg("契約のイベント{event}", "the contract's event {event}"),
    "diff.relabel.added": Msg(
        "契約のイベント{event}を規定の名称で表示：{label}", "the contract's event {event} now called {label}"
    ),
    "diff.relabel.removed": Msg(
        "契約のイベント{event}の規定の名称{label}を削除（契約の名称に戻ります）",
        "the contract's event {event} no longer called {label} (the contract's words again)",
    ),
    "diff.added": Msg("{subject}を追加", "new {subject}"),
    "diff.added.described": Msg("{subject}を追加：{desc}", "new {subject}: {desc}"),
    "diff.added.bracketed": Msg("{subject}を追加{desc}", "new {subject} {desc}"),
    "diff.removed": Msg("{subject}を削除", "{subject} removed"),
    "diff.removed.described": Msg("{subject}を削除：{desc}", "{subject} removed: {desc}"),
    "diff.removed.bracketed": Msg("{subject}を削除{desc}", "{subject} removed {desc}"),
    "diff.changed": Msg("{subject}の{field}：{old} → {new}", "{subject} {field}: {old} -> {new}"),
    # (a subject whose label already ends with the field's word: `応答目標時間の起算点`, not its 起算点 again)
    "diff.changed.own": Msg("{subject}：{old} → {new}", "{subject}: {old} -> {new}"),
    # a change to the Japanese text of a value alone, in English: the English as it stands (the Japanese line of a
    # change to the English alone shows the English texts, which a reader of the Japanese may read)
    "diff.changed.japanese": Msg(
        "{subject}の{field}：日本語の文言のみ変更（英語は変更なし：{text}）",
        "{subject} {field}: Japanese wording changed (English unchanged: {text})",
    ),
    "diff.changed.japanese.own": Msg(
        "{subject}：日本語の文言のみ変更（英語は変更なし：{text}）{field:.0}",
        "{subject}: Japanese wording changed (English unchanged: {text}){field:.0}",
    ),
    # one of a field's values added or removed, the others kept (a priority's named target, in the notice)
    "diff.added.one": Msg("{subject}の{field}を追加：{value}", "{subject} {field} added: {value}"),
    "diff.removed.one": Msg("{subject}の{field}を削除：{value}", "{subject} {field} removed: {value}"),
    "diff.details": Msg("（{details}）", " ({details})"),
    "diff.details.sep": Msg("、", "; "),
    "diff.decl.priority": Msg("（応答目標時間：{target}）", " (respond {target})"),
    "diff.decl.maintenance": Msg("（{recurrence}の{hours}）", " ({recurrence} {hours})"),
    # what a service added or removed promises: its hours, its availability targets with their credits
    "diff.decl.service": Msg("（{parts}）", " ({parts})"),
    "diff.decl.sep": Msg("、", "; "),
    "diff.decl.service.hours": Msg("提供時間：{hours}", "hours {hours}"),
    "diff.decl.service.target": Msg("{period}の稼働率{percent}%", "availability target {percent}% {period}"),
    "diff.decl.service.target.when": Msg(
        "{when}の場合は{period}の稼働率{percent}%", "availability target {percent}% {period} when {when}"
    ),
    "diff.decl.service.credits": Msg("（サービスクレジット：{tiers}）", ", credits {tiers}"),
    "diff.decl.service.measured": Msg("稼働率を測定", "availability measured"),
    "diff.no_change": Msg("意味の変更はありません", "no change in meaning"),
    # the markdown change notice
    "diff.md.title": Msg("# 「{name}」変更のお知らせ", "# Change notice: {name}"),
    "diff.md.previous": Msg(
        "- 変更前：{version}版（{effective}適用）", "- Previous: version {version} (effective {effective})"
    ),
    "diff.md.new": Msg(
        "- 変更後：{version}版（**{effective}適用**）", "- New: version {version} (**effective {effective}**)"
    ),
    "diff.md.intro.provider": Msg(
        "{provider}は、「{name}」を{effective}より以下のとおり変更いたします。",
        "{provider} is changing the {name} as follows, with effect from {effective}.",
    ),
    "diff.md.intro": Msg(
        "「{name}」を{effective}より以下のとおり変更いたします。",
        "We are changing the {name} as follows, with effect from {effective}.",
    ),
    "diff.md.no_change": Msg("変更内容はありません。", "There is no change in substance."),
    # the zone of the notice's dates and times, said once as the report's head says it (`report.tz_zone`), the
    # zone as the policy page's header says it; each version's where they differ; a calendar's own zone
    "diff.md.zone": Msg("日付と時刻はすべて{zone}です。", "All dates and times are in {zone}."),
    "diff.md.zones": Msg(
        "日付と時刻は、{old}版では{old_zone}、{new}版では{new_zone}です。",
        "Dates and times are in {old_zone} in version {old}, and in {new_zone} in version {new}.",
    ),
    "diff.md.zone.calendars": Msg(
        "ただし、独自のタイムゾーンを持つカレンダーの時間帯は、そのタイムゾーンの時刻です。",
        " The hours of a calendar with a time zone of its own are in that zone.",
    ),
    # the notice of a NEW that takes effect on or before OLD's date: no change announced, the differences listed
    "diff.md.compared.title": Msg("# 「{name}」二つの版の違い", "# Differences between two versions: {name}"),
    "diff.md.compared.old": Msg(
        "- 比較元：{version}版（{effective}適用）", "- Compared: version {version} (effective {effective})"
    ),
    "diff.md.compared.new": Msg(
        "- 比較先：{version}版（{effective}適用）", "- Compared with: version {version} (effective {effective})"
    ),
    "diff.md.not_following": Msg(
        "これは変更のお知らせではありません。{new}版の適用開始日（{new_effective}）は{old}版の適用開始日"
        "（{old_effective}）より後ではなく、{new}版は{old}版に続く版ではありません。以下は二つの版の違いです。",
        "This is not a change notice: version {new} (effective {new_effective}) does not take effect after version "
        "{old} (effective {old_effective}), so it does not follow it. The differences between the two versions are "
        "listed below.",
    ),
    # on stderr after the refusals two files compared would get as versions of one policy (E304-E307)
    "diff.refused": Msg(
        "この二つのファイルは、上の理由により一つのポリシーの版としては受け付けられません。違いはそのまま示します",
        "these two files would be refused as versions of one policy, for the reasons above; their differences "
        "are shown all the same",
    ),
    # a directory given as OLD or NEW (E001): what `sla diff` compares, the versions the directory holds (each
    # file's `version` and `effective`, the earliest first) and the command with the directory's version in it
    "diff.directory.help": Msg(
        "`sla diff` は二つのポリシーファイル、前の版と後の版を比べます。ディレクトリではなく、版のファイルを"
        "指定してください",
        "`sla diff` compares two policy files, an earlier version and a later one: give a version's file, "
        "not a directory",
    ),
    "diff.directory.help.versions": Msg(
        "`sla diff` は二つのポリシーファイル、前の版と後の版を比べます。ディレクトリではなく、その中の版のファイルを"
        "指定してください：{versions}",
        "`sla diff` compares two policy files, an earlier version and a later one. Give a version's file, not the "
        "directory: {versions}",
    ),
    "diff.directory.help.command": Msg(
        "`sla diff` は二つのポリシーファイル、前の版と後の版を比べます。ディレクトリではなく、その中の版のファイルを"
        "指定してください：{versions}。たとえば `{command}` と書きます",
        "`sla diff` compares two policy files, an earlier version and a later one. Give a version's file, not the "
        "directory: {versions}; for example `{command}`",
    ),
    "diff.directory.version": Msg(
        "{file} は版 {version}（{effective} から適用）", "{file} (version {version}, effective {effective})"
    ),
    "diff.md.general": Msg("全般", "General"),
    "diff.md.article": Msg("第{n}条", "Article {n}"),
    "diff.md.article_titled": Msg("第{n}条（{title}）", "Article {n} {title}"),
}
