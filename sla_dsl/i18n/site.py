"""The SLA site's wording (the policy pages' words around the policy's values): keys ``site.*``.

Filled by the site's generator (:mod:`sla_dsl.docs`, through :func:`sla_dsl.docs.text.t`
and :func:`sla_dsl.docs.text.event`); read with :func:`sla_dsl.i18n.message`. The
Japanese follows the original document's own forms (``4営業時間``, ``毎月第4木曜日``),
with full-width punctuation.
"""

from __future__ import annotations

from .msg import Msg
from .terms import EN_MONTHS

SITE: dict[str, Msg] = {
    "site.lang_name": Msg(ja="日本語", en="English"),
    "site.english_only_title": Msg(ja="英語のページ", en="In English"),
    "site.english_only": Msg(ja="このページは英語でのみ書かれています。", en="This page is written in English only."),
    # the page of a policy in a language it is not written in (`languages en`): shown in the policy's own
    "site.written_only_title.en": Msg(ja="英語のみの SLA", en="In English only"),
    "site.written_only.en": Msg(
        ja="この SLA のポリシー定義は英語でのみ書かれているため、このページは英語で表示します。",
        en="This SLA's policy definition is written in English only.",
    ),
    "site.written_only_title.ja": Msg(ja="日本語のみの SLA", en="In Japanese only"),
    "site.written_only.ja": Msg(
        ja="この SLA のポリシー定義は日本語でのみ書かれています。",
        en="This SLA's policy definition is written in Japanese only, so this page is shown in Japanese.",
    ),
    "site.article": Msg(ja="第{n}条（{title}）", en="Article {n} ({title})"),
    "site.provider": Msg(ja="提供者", en="Provider"),
    "site.version": Msg(ja="版", en="Version"),
    "site.effective": Msg(ja="適用開始日", en="Effective"),
    "site.timezone": Msg(ja="標準時", en="Time zone"),
    # the header's `credit total at most 30% monthly [art 6.3]`
    "site.credit_total": Msg(ja="クレジットの上限", en="Credit cap"),
    "site.credit_total.text": Msg(
        ja="{per}のサービスクレジットの合計は、料金の {p} まで",
        en="service credits together at most {p} of the fee, {per}",
    ),
    "site.credit_total.ref": Msg(ja="（第{n}条）", en=" (Article {n})"),
    # a policy that owes no service credit at all: said, so that a customer does not look for them
    "site.no_credits": Msg(ja="目標未達時の補償", en="Compensation"),
    "site.no_credits.text": Msg(
        ja="なし（この SLA には、目標を達成できなかった場合の返金やサービスクレジットの定めはありません）",
        en="none (this SLA provides no refund or service credit when a target is missed)",
    ),
    "site.source_lines": Msg(ja="ポリシー定義の {a}〜{b} 行目", en="policy source, lines {a}-{b}"),
    "site.source_line": Msg(ja="ポリシー定義の {a} 行目", en="policy source, line {a}"),
    "site.reading": Msg(ja="読み方", en="Reading"),
    "site.reading_head": Msg(
        ja="以下は、この条を当社がどう読み、どう計算するかの説明です（契約本文ではありません）。",
        en="How the Company reads and computes this article (not contract text):",
    ),
    "site.contract_label": Msg(ja="契約本文（原文のとおり）", en="Contract text (as in the original)"),
    # the page of a later version that keeps the original of an earlier one ({v}): whose text the box is
    "site.contract_label_of": Msg(
        ja="契約本文（版 {v} の原文のとおり）", en="Contract text (as in the original of version {v})"
    ),
    "site.contract_version": Msg(
        ja="各条の原文の枠の後に示す規定は、このページの版 {page} のもので、"
        "版 {v} からの変更点は{history}に示しています。",
        en="The rules shown after each article's original text are those of version {page}, the version this page "
        "shows; the changes since version {v} are listed in the {history}.",
    ),
    # the sentences of an article's text in the page's version ({v}) that the original does not have
    "site.version_text": Msg(ja="版 {v} で定めた本文", en="Text set by version {v}"),
    "site.intro_ja": Msg(
        ja="各条の枠内は契約本文（原文のとおり）です。枠の後の表と「読み方」は、当社がその条をどう読み、どう計算するかの説明で、契約本文ではありません。",
        en="Each article's framed text is the contract, word for word; what follows it is the Company's reading.",
    ),
    "site.intro_policy": Msg(
        ja="このページは SLA のポリシー定義から作成しています。"
        "「読み方」と記した文は、SLA が明記していない点を当社がどう読むかの説明です。",
        en="This page is built from the SLA's policy definition. "
        "Sentences marked “Reading” are how the Company reads a point the SLA leaves open.",
    ),
    "site.intro_en": Msg(
        ja="この英語のページは日本語の原文の読み方です。契約本文は日本語の原文です。",
        en="This English page is a reading of the Japanese original, which is the contract. "
        "Sentences marked “Reading” are how the Company reads a point the SLA leaves open.",
    ),
    "site.ics_link": Msg(ja="カレンダーに登録（iCalendar）", en="Subscribe in your calendar (iCalendar)"),
    "site.ics_hint": Msg(
        ja="：今後1年間の定期メンテナンスの日時を、カレンダーのアプリで購読できます。",
        en=": the next year of regular maintenance windows, for any calendar program.",
    ),
    "site.source_page": Msg(ja="ポリシー定義（ソース）", en="Policy source"),
    # the page of a version published ahead of its date (Article 5): from when it applies, what applies until then
    "site.ahead_title": Msg(ja="{date}から適用する版", en="Applies from {date}"),
    "site.ahead": Msg(
        ja="この版（{version}）は{date}から適用します。", en="This version ({version}) applies from {date}."
    ),
    "site.ahead_until_one": Msg(ja="それまでは版 {v} を適用します。", en="Until then, version {v} applies."),
    # ({v}: the versions, the later ones with the date each takes over from: `2026.2（2026年6月1日(月)から）`)
    "site.ahead_until_many": Msg(
        ja="それまでは、次の版を順に適用します：{v}。", en="Until then, versions {v} apply in turn."
    ),
    "site.ahead_from": Msg(ja="{v}（{date}から）", en="{v} (from {date})"),
    "site.ahead_sep": Msg(ja="、", en=", "),
    "site.ahead_computed": Msg(
        ja="このページの計算例は{date}以降のものです。定期メンテナンスの日程は{today}からのもので、"
        "各回をその日に適用する版の日程で示します（カレンダーの購読（iCalendar）も同じです）。",
        en="The worked examples on this page are from {date}. The maintenance windows are from {today}, "
        "each as the version in force on its day sets it (the calendar feed, iCalendar, too).",
    ),
    # a maintenance window set by another version than the page's (in force on its day)
    "site.window_version": Msg(ja="版 {v} による日程", en="set by version {v}"),
    # the version history on a page with no page of each version (the customers' site)
    "site.history_in_force": Msg(ja="{date}時点で適用中の版です。", en="The version in force on {date}."),
    "site.history_not_shown": Msg(
        ja="このページはこの版ではなく、{date}から適用する版 {v} の内容を示します。",
        en="This page does not show this version: it shows version {v}, which applies from {date}.",
    ),
    # the site's chrome: the tooltip of a heading's ¶, and the page for an address with no page
    "site.permalink": Msg(ja="この見出しへのリンク", en="Permanent link"),
    "site.not_found_title": Msg(ja="ページが見つかりません", en="Page not found"),
    "site.not_found": Msg(
        ja="このアドレスのページはありません。アドレスをお確かめください。",
        en="There is no page at this address. Please check the address.",
    ),
    "site.not_found_home": Msg(ja="ホームページへ", en="Go to the home page"),
    "site.no": Msg(ja="項番", en="No."),
    "site.service": Msg(ja="サービス内容", en="Service"),
    "site.standard": Msg(ja="基準値（設定値）", en="Standard (set value)"),
    "site.sec_service_hours": Msg(ja="サービス提供時間帯", en="Service hours"),
    "site.sec_items": Msg(ja="本サービスの SLA 設定項目", en="SLA items of this service"),
    "site.sec_response": Msg(ja="障害発生時の対応", en="Response when a failure occurs"),
    "site.sec_other": Msg(ja="その他の規定", en="Other rules"),
    "site.calendars": Msg(ja="営業日カレンダー", en="Business calendars"),
    "site.item_name": Msg(ja="サービス項目名", en="Item"),
    "site.item_desc": Msg(ja="サービス項目の説明", en="Description"),
    "site.item_value": Msg(ja="備考", en="Note / value"),
    "site.item_rules": Msg(ja="詳細", en="Details"),
    # under the rule without `when` of a priority with rules that have one (the others say whom they are for)
    "site.rule_otherwise": Msg(ja="その他の場合に適用します。", en="Applies in all other cases."),
    "site.prio": Msg(ja="問題の優先順位", en="Priority"),
    "site.definition": Msg(ja="定義", en="Definition"),
    "site.target": Msg(ja="応答目標時間", en="Response target"),
    "site.guideline": Msg(ja="完了指針", en="Completion guideline"),
    "site.completion": Msg(ja="完了条件", en="Completes"),
    "site.kind": Msg(ja="種類", en="Kind"),
    "site.method": Msg(ja="方式", en="Method"),
    "site.frequency": Msg(ja="頻度", en="Frequency"),
    "site.retention": Msg(ja="保存期間", en="Retention"),
    "site.location": Msg(ja="保管場所", en="Location"),
    # the attributes records carry (`attribute plan`), each with its values and the one taken when none is given
    "site.attributes": Msg(ja="属性", en="Attributes"),
    "site.attributes_intro": Msg(
        ja="案件と障害の記録には次の属性があり、その値によって適用される規定が変わる場合があります。",
        en="Incidents and outages carry these attributes; some rules apply only for certain values.",
    ),
    "site.attribute_default": Msg(ja="（指定がない場合は{v}）", en=" ({v} when none is given)"),
    "site.backups": Msg(ja="データ管理（バックアップ）", en="Data management (backups)"),
    "site.another_zone": Msg(ja="異なるアベイラビリティ・ゾーン", en="in a different availability zone"),
    # an empty cell of a table, drawn "—": what a screen reader says for it instead of "em dash"
    "site.empty": Msg(ja="なし", en="none"),
    "site.continuous": Msg(ja="逐次バックアップ", en="continuous"),
    # the frequency column of the backups table: how often, not the kind again
    "site.continuous.frequency": Msg(ja="逐次", en="continuous"),
    # the zone in the SLA items table's remark, a clause of its sentence (the backups table's column says
    # the place, ``site.another_zone``)
    "site.another_zone.summary": Msg(ja="異なるアベイラビリティ・ゾーンで取得", en="in a different availability zone"),
    "site.always": Msg(ja="常時", en="always"),
    # what a service's hours leave out, said once for both (``（定期メンテナンス、計画停止を除く）``, as sla diff
    # says it), not ``を除く`` after each
    "site.except": Msg(ja="{x}を除く", en="except {x}"),
    "site.except_maint": Msg(ja="定期メンテナンス", en="regular maintenance"),
    "site.except_planned": Msg(ja="計画停止", en="planned stops"),
    "site.availability_measured": Msg(ja="稼働率を測定（目標値なし）", en="availability is measured (no target)"),
    "site.holidays": Msg(ja="{c}の祝日を除く", en="except public holidays in {c}"),
    "site.closed": Msg(ja="休業日：{d}", en="closed: {d}"),
    "site.open_extra": Msg(ja="営業日とする日：{d}", en="also open: {d}"),
    "site.day_hours": Msg(ja="1営業日は{h}", en="1 business day = {h}"),
    # an exact amount of business time ({s}: the English plural's "s")
    "site.business_hours": Msg(ja="{h}営業時間{s:.0}", en="{h} business hour{s}"),
    "site.business_hours_minutes": Msg(ja="{h}営業時間{m}分{s:.0}", en="{h} business hour{s} {m} minutes"),
    # a business duration counted on a calendar other than `business`, named by its label
    "site.on_calendar": Msg(ja="（{c}）", en=" ({c})"),
    # a day of the year (`closed yearly 08-13..08-15`, `every year on 08-13`), in English in words as the
    # version history says it (`August 13 to August 15`), never as the file writes it (`08-13`)
    "site.month_day": Msg(ja="{month}{d}日", en="{month} {d}"),
    "site.yearly_on": Msg(ja="毎年{a}", en="every year on {a}"),
    "site.yearly_range": Msg(ja="毎年{a}〜{b}", en="every year from {a} to {b}"),
    **{f"site.month.{n}": Msg(ja=f"{n}月", en=name) for n, name in enumerate(EN_MONTHS, 1)},
    # a time range past midnight, on the day it starts
    "site.overnight": Msg(ja="{s}〜翌{e}", en="{s}–{e} the next day"),
    # an availability target of a service: its measurement period, and whom it is for when the service has several
    "site.availability_period": Msg(ja="稼働率目標 {p}（{per}）", en="availability target {p} ({per})"),
    "site.availability_for": Msg(ja="稼働率目標 {p}（{per}、{who}）", en="availability target {p} ({per}; {who})"),
    "site.availability_never": Msg(
        ja="稼働率目標 {p}（{per}、{who}）：前に書かれた目標が先に適用されるため、適用されません",
        en="availability target {p} ({per}; {who}): never applies, as a target written before it applies first",
    ),
    "site.maint_when": Msg(ja="実施日時", en="When"),
    "site.maint_roll_next": Msg(
        ja="実施日が当社非営業日の場合は、その後の最初の営業日に実施するものとして計算します。",
        en="If that day is not a business day, the maintenance is taken to move to the next business day.",
    ),
    "site.maint_roll_previous": Msg(
        ja="当該日が非営業日の場合は、前営業日に繰り上げられます。",
        en="If that day is not a business day, the maintenance is brought forward to the previous business day.",
    ),
    "site.maint_roll_skip": Msg(
        ja="当該日が非営業日の場合は、その月は実施しません。",
        en="If that day is not a business day, the maintenance is skipped.",
    ),
    "site.maint_roll_keep": Msg(
        ja="当該日が非営業日でも、そのまま実施します。",
        en="The maintenance takes place even when that day is not a business day.",
    ),
    "site.notice_none": Msg(ja="事前の案内はありません。", en="No advance notice is given."),
    "site.notice_before": Msg(ja="{d}前までに通知します。", en="Notice is given {d} before."),
    "site.maint_excused": Msg(
        ja="この時間帯は稼働率の計算から除きます。", en="These windows are excused from availability."
    ),
    "site.maint_counts": Msg(ja="この時間帯は停止時間として数えます。", en="These windows count as downtime."),
    "site.next_windows": Msg(
        ja="今後{n}回の定期メンテナンス（{d}以降）", en="The next {n} regular maintenance windows (from {d})"
    ),
    "site.date": Msg(ja="日付", en="Date"),
    "site.window": Msg(ja="時間帯", en="Window"),
    "site.remark": Msg(ja="備考", en="Note"),
    "site.postponed": Msg(ja="{d}（{r}）から延期", en="postponed from {d} ({r})"),
    "site.brought_forward": Msg(ja="{d}（{r}）から繰り上げ", en="brought forward from {d} ({r})"),
    "site.upcoming_moves": Msg(ja="今後{y}年間の延期", en="Moved windows in the next {y} years"),
    # (a policy with a rule that skips a window on a day that is not a business day)
    "site.upcoming_moves_skips": Msg(
        ja="今後{y}年間の延期・中止", en="Moved and skipped windows in the next {y} years"
    ),
    # a scheduled day `if not a business day: skip` drops ({r}: the holiday, or "not a business day")
    "site.skipped": Msg(ja="実施しません（{r}）", en="skipped ({r})"),
    # the rule of each window, in the table of the next windows of a policy with several
    "site.maint_rule": Msg(ja="定期メンテナンス", en="Maintenance"),
    # a window whose real length differs from its hours on the wall clock: the clocks change in it
    "site.real_length": Msg(
        ja="夏時間の切り替えのため、実際の長さは{d}", en="lasts {d}, as the clocks change that night"
    ),
    "site.elapsed_h": Msg(ja="{h}時間{s:.0}", en="{h} hour{s}"),
    "site.elapsed_m": Msg(ja="{m}分{s:.0}", en="{m} minute{s}"),
    "site.elapsed_hm": Msg(ja="{h}時間{m}分{hs:.0}{ms:.0}", en="{h} hour{hs} {m} minute{ms}"),
    "site.no_moves": Msg(ja="該当なし", en="none"),
    "site.stop_notice": Msg(
        ja="{anchor}の{d}前までに{ch}にて通知します。", en="Notice by {ch} at least {d} before the {anchor}."
    ),
    "site.anchor_start_date": Msg(ja="作業実施日", en="day of the work"),
    "site.anchor_start": Msg(ja="停止開始時刻", en="start of the stop"),
    "site.emergency_downtime": Msg(
        ja="事前の通知なく行う緊急の停止は、稼働率の計算では停止時間として数えます。",
        en="A stop made without notice in an emergency counts as downtime in the availability figure.",
    ),
    "site.emergency_excused": Msg(
        ja="事前の通知なく行う緊急の停止は、稼働率の計算から除きます。",
        en="A stop made without notice in an emergency is left out of the availability figure.",
    ),
    "site.clock_starts": Msg(ja="応答目標時間の起算点：{e}", en="The response clock starts at {e}."),
    # a clock other than the one the response target counts on: by its label, else by what it measures
    "site.clock_starts_named": Msg(ja="「{c}」の起算点：{e}", en="The “{c}” clock starts at {e}."),
    "site.clock_for": Msg(ja="{g}目標時間", en="{g}"),
    # `starts at A, else B`: after the contract's judgement that the product may be the cause (Click So-ko's
    # words), after any other event
    "site.else": Msg(ja="。その判断がない場合は", en="; when there is no such judgement, at "),
    "site.else.none": Msg(ja="。それがない場合は", en="; when there is none, at "),
    "site.at_risk": Msg(
        ja="運用上の警告（契約本文ではありません）：目標時間の{p}が経過した案件を「要注意」とします。",
        en="Operational warning (not contract text): a case is at risk once {p} of its target has passed.",
    ),
    "site.at_risk.several": Msg(
        ja="運用上の警告（契約本文ではありません）：目標時間の{first}が経過した案件を「要注意」とし、{p}の各時点で警告します。",
        en="Operational warning (not contract text): a case is at risk once {first} of its target has passed, "
        "warned at each of {p}.",
    ),
    "site.by_end_of": Msg(ja="{n}営業日目の終業時刻まで", en="by the end of the {n} business day"),
    "site.by_time_of": Msg(ja="{n}営業日目の{time}まで", en="by {time} on the {n} business day"),
    "site.same_day_rule": Msg(
        ja="当日回答の目安：営業日の{cut}まで（終業時刻{close}の{d}前）に受けた{p}の案件は、応答目標時間の期限が同じ日のうちになります。",
        en="Same-day guideline: for a {p} case received on a business day by {cut} ({d} before the {close} close), "
        "the response target falls due the same day.",
    ),
    "site.same_day_check": Msg(
        ja="例：{day} {cut}に受けた場合の期限は{due}です。", en=" Example: received {day} at {cut}, due {due}."
    ),
    # the same-day cutoff on the wall clock of its calendar's own zone ({z}: ``ロンドン時間``)
    "site.clock_in_zone": Msg(ja="{z}{t}", en="{t} {z}"),
    "site.examples": Msg(ja="計算例", en="Worked examples"),
    "site.example_intro": Msg(
        ja="{start}に応答の起算が始まった場合の期限（ポリシーから計算）：",
        en="Deadlines for a clock that starts {start}, computed from the policy:",
    ),
    "site.clock_start": Msg(ja="起算", en="Clock starts"),
    "site.due": Msg(ja="期限", en="Due"),
    # a worked example's instant also on the wall clock of its calendar's own zone ({z}: ``ロンドン時間``)
    "site.local_time": Msg(ja="{t}（{z} {local}）", en="{t} ({z}: {local})"),
    "site.complete_on": Msg(ja="{e}で完了", en="on {e}"),
    "site.complete_silence": Msg(ja="{a}の後、{u}がないまま{d}が経過した時点で完了", en="{d} after {a} without {u}"),
    "site.or": Msg(ja="、または", en=", or "),
    "site.notify_within": Msg(ja="{e}から{d}以内に、{m}を行います。", en="Within {d} of {e}; met by {m}."),
    "site.notify_only": Msg(
        ja="{e}が「{c}」の営業時間内の場合に限ります。",
        en="Only when {e} falls within the open hours of the “{c}” calendar.",
    ),
    # the same, for a calendar whose label already says it is hours (当社営業時間): ``当社営業時間内``, as the
    # SLA says it, not 「当社営業時間」の営業時間内
    "site.notify_only.hours": Msg(
        ja="{e}が{c}内の場合に限ります。",
        en="Only when {e} falls within the open hours of the “{c}” calendar.",
    ),
    # the exclusions of a policy (`exclude …`): its heading where no article's or section's heading names
    # them, and the line above their list, neutral (an exclusion may be of incidents as well as of stops)
    "site.exclusions": Msg(ja="適用除外", en="Exclusions"),
    "site.exclusions_intro": Msg(
        ja="次のいずれかの場合は、SLA の適用外とします。", en="The SLA does not apply in any of the following cases:"
    ),
    "site.exclusions_intro.one": Msg(
        ja="次の場合は、SLA の適用外とします。", en="The SLA does not apply in the following case:"
    ),
    "site.history": Msg(ja="改版履歴", en="Version history"),
    "site.changes": Msg(ja="変更点", en="Changes"),
    "site.first_version": Msg(ja="初版", en="first version"),
    "site.added": Msg(ja="追加", en="added"),
    "site.removed": Msg(ja="削除", en="removed"),
    "site.changed": Msg(ja="変更", en="changed"),
    "site.no_changes": Msg(ja="意味上の変更なし", en="no change in meaning"),
    "site.every_n": Msg(ja="{n}{u}ごとに1回", en="once every {n} {u}"),
    "site.every_one": Msg(ja="1{u}ごとに1回", en="once every {u}"),
    "site.every_day": Msg(ja="毎日1回", en="once a day"),
    "site.every_week": Msg(ja="毎週1回", en="once a week"),
    "site.every_month": Msg(ja="毎月1回", en="once a month"),
    "site.keep": Msg(ja="{d}分まで管理", en="kept for up to {d}"),
    "site.see_section": Msg(ja="{s} を参照", en="see {s}"),
    "site.source_of": Msg(ja="原文", en="Original text"),
    # an event type the policy declares, by its label (``event incident.chat_started "チャット開始"``)
    "site.declared_event": Msg(ja="「{label}」", en="“{label}”"),
    "site.event_types": Msg(
        ja="この規定が定めるイベント（イベントログに記録できる種別）：",
        en="Event types this policy adds to the event log:",
    ),
    # the contract's event types the policy gives words of its own (``event incident.responded "…" / "…"``)
    "site.event_relabels": Msg(
        ja="この規定が契約のイベントに付ける名称（意味と扱いは契約のとおり）：",
        en="The contract's events, in this policy's words (their meaning is the contract's):",
    ),
    # readable names of the contract's events (``incident.reported`` ...)
    "site.event.incident.reported": Msg(ja="障害の報告を受けた時点", en="the receipt of the failure report"),
    "site.event.incident.product_suspected": Msg(
        ja="問題の原因を製品による可能性があると判断した時点",
        en="the Company's judgement that the product may be the cause",
    ),
    "site.event.incident.responded": Msg(ja="エンド・ユーザー様への一次回答", en="the first answer to the end user"),
    "site.event.incident.info_provided": Msg(
        ja="エンド・ユーザー様への情報提供", en="information given to the end user"
    ),
    "site.event.incident.customer_replied": Msg(ja="エンド・ユーザー様からの返答", en="a reply from the end user"),
    "site.event.incident.resolved": Msg(
        ja="回避策または問題解決に必要な情報の受領", en="the receipt of a workaround or the information needed"
    ),
    "site.event.incident.reprioritized": Msg(ja="優先度の変更", en="a change of priority"),
    # (an outage's start: never "stop", which is a planned stop's word)
    "site.event.outage.started": Msg(ja="障害の発生", en="the start of the outage"),
    "site.event.outage.ended": Msg(ja="サービスの再開", en="the service's return"),
    "site.event.outage.recognized": Msg(ja="当社が障害を認知した時点", en="the Company's recognition of the failure"),
    "site.event.outage.notified": Msg(ja="障害状況の一報の通知", en="the first report of the failure's status"),
    "site.event.stop.announced": Msg(ja="計画停止の通知", en="the notice of a planned stop"),
    "site.event.backup.completed": Msg(ja="バックアップの完了", en="a completed backup"),
    "site.event.backup.deleted": Msg(ja="バックアップの削除", en="a deleted backup"),
}
