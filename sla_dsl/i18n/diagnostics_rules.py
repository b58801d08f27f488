"""The wording of policy diagnostics about rules that look wrong and checks on real calendars: W2xx, E25x, E3xx, W3xx.

Design notes
------------
* A part of :data:`sla_dsl.i18n.diagnostics.DIAGNOSTICS` (merged there), with the same key scheme
  (``diag.<code>[.<variant>]``); a reason that a message gives after a colon or in parentheses is
  a phrase of its own (``diag.W250.why.taken``), chosen by the checker from what it found, so no
  English is computed at run time.
* Syntax the templates quote is a ``{kw_*}`` field from :data:`RULE_SYNTAX` (merged into
  :data:`sla_dsl.i18n.diagnostics.SYNTAX`).
* Times in a message (W301's "a clock starting Thu 2026-04-02 14:00") are a ``diag.phrase.moment``
  with a weekday phrase, written the language's way: ``Thu 2026-04-02 14:00`` /
  ``2026-04-02(木) 14:00``.
"""

from __future__ import annotations

from .msg import Msg

#: Syntax the templates below quote (fields ``{kw_*}``), the same in every language.
RULE_SYNTAX: dict[str, str] = {
    "kw_first_reply_on": "first reply within 4 business hours on <clock>",
    "kw_availability_example": "availability target 99.5%",
    "kw_monthly": "monthly",
    "kw_quarterly": "quarterly",
    "kw_open": "open",
    "kw_days_example": "days mon..fri",
    "kw_hours_example": "hours 10:00-18:00",
    "kw_starts_at": "starts at",
    "kw_timezone": "timezone",
    "kw_version": "version",
    "kw_effective": "effective",
    "kw_ja": "ja",
    "kw_ja_text": '"日本語"',
    "kw_ja_pair": '"日本語" / "English"',
    "kw_except_planned": "except planned stops",
    "kw_except_maintenance": "except maintenance",
    "kw_maintenance": "maintenance",
    "kw_planned_stop_example": "planned stop { notice 1 week before start date by email }",
    "kw_maintenance_example": "maintenance regular { every month on 3rd wed, 22:00-24:00 }",
    "kw_when_in": "when plan in (premium, gold)",
}

_WEEKDAYS = {
    "mon": Msg("月", "Mon"),
    "tue": Msg("火", "Tue"),
    "wed": Msg("水", "Wed"),
    "thu": Msg("木", "Thu"),
    "fri": Msg("金", "Fri"),
    "sat": Msg("土", "Sat"),
    "sun": Msg("日", "Sun"),
}

RULE_DIAGNOSTICS: dict[str, Msg] = {
    # shared phrases
    "diag.phrase.every_incident": Msg("すべての案件", "every incident"),
    "diag.phrase.every_customer": Msg("すべての顧客", "every customer"),
    "diag.phrase.no_combination": Msg(
        "条件を満たす属性の値の組み合わせがありません", "no combination of attribute values meets its condition"
    ),
    "diag.phrase.range": Msg("扱える年（{first} 年から {last} 年まで）", "the supported years, {first} to {last}"),
    "diag.phrase.moment": Msg("{date}({weekday}) {time}", "{weekday} {date} {time}"),
    **{f"diag.phrase.weekday.{k}": v for k, v in _WEEKDAYS.items()},
    # E224, E225: targets due at an instant of a business day
    "diag.E224": Msg(
        "`{time}` はカレンダー `{calendar}` のどの日の営業時間（{hours}）にも入りません。"
        "期限は営業時間内に収めるため、`{time}` ではなくその日の始業時刻か終業時刻になります",
        "`{time}` is outside the hours of calendar `{calendar}` ({hours}) on every day: the due instant is kept "
        "within the day's hours, so it would be the day's opening or close, never `{time}`",
    ),
    "diag.E224.help": Msg(
        "営業時間内の時刻を書くか、終業時刻までなら `{by_end}` と書いてください",
        "write a time within the hours, or `{by_end}` for the day's close",
    ),
    "diag.E225": Msg(
        "`{kind}` の目標は営業日の決まった時刻が期限で、クロック `{clock}` の一時停止（{line} 行目）では動きません。"
        "一時停止は判定されません",
        "the `{kind}` target falls due at an instant of a business day, which a pause of clock `{clock}` "
        "(line {line}) could not move: its pauses would not be judged",
    ),
    "diag.E225.help": Msg(
        "一時停止で止まる計測時間で数えるには `{within}` と書くか、一時停止のないクロックで測ってください",
        "to count running time, which pauses stop, write `{within}`; or measure it on a clock without pauses",
    ),
    # E249: an event type that cannot be declared
    "diag.E249": Msg("`{name}` は宣言できません。{what}", "`{name}` cannot be declared: {what}"),
    "diag.E249.what.fixed": Msg(
        "`{family}` のイベントは契約で決まった流れをたどります",
        "`{family}` events have the contract's fixed life cycle",
    ),
    "diag.E249.what.family": Msg("`{family}` はイベントの系統ではありません", "`{family}` is not a family of events"),
    "diag.E249.help": Msg(
        "宣言できるのは案件のイベントの種類だけです：`{example}` と書いてください",
        "only incident event types can be declared: write `{example}`",
    ),
    # E254, W259: the events that change an incident's attribute (`changes at`)
    "diag.E254.family": Msg(
        "`{name}` は案件のイベントではないため、属性 `{attribute}` を変えることはできません"
        "（障害の属性は、その障害の間ずっと変わりません）",
        "`{name}` is not an incident event: it cannot change attribute `{attribute}` (an outage's attributes "
        "hold for its whole life)",
    ),
    "diag.E254.family.help": Msg(
        "案件のイベントを書いてください（例：`{declaration}` と宣言して `changes at {example}`）",
        "name an incident event, e.g. `changes at {example}` with `{declaration}`",
    ),
    "diag.E254.report": Msg(
        "`incident.reported` は案件の最初の属性を与えるイベントで、属性 `{attribute}` を後から変える"
        "イベントではありません",
        "`incident.reported` gives the attributes an incident starts with: it does not change attribute "
        "`{attribute}` later",
    ),
    "diag.E254.report.help": Msg(
        "報告の後で属性を変えるイベントを書いてください（例：`{declaration}` と宣言して `changes at {example}`）",
        "name the event that changes it after the report, e.g. `changes at {example}` with `{declaration}`",
    ),
    "diag.E254.twice": Msg(
        "`{name}` が属性 `{attribute}` の `changes at` に二度書かれています",
        "`{name}` is listed twice in the `changes at` of attribute `{attribute}`",
    ),
    "diag.E254.twice.help": Msg("それぞれ一度だけ書いてください：`{line}`", "list each once: `{line}`"),
    "diag.W259": Msg(
        "属性 `{attribute}` を試す `when` がないため、`changes at` のイベントで属性が変わっても、"
        "適用される規定は変わりません",
        "no `when` tests attribute `{attribute}`: a change at its `changes at` events would change no rule",
    ),
    "diag.W259.help": Msg(
        "優先度か案件の通知の規定で試すか（例：`when {attribute} = {value}`）、`changes at` の行を削除してください",
        "test it in a priority rule or an incident's notify rule (e.g. `when {attribute} = {value}`), "
        "or remove the `changes at` line",
    ),
    # E252, W250, W251: the rules of one priority chosen by attributes
    "diag.E252": Msg(
        "優先度 `{pid}` の案件で{shown}のものは、`{pid}` のどの規定にも当てはまりません",
        "an incident of priority `{pid}` with {shown} matches no rule of `{pid}`",
    ),
    "diag.E252.many": Msg(
        "優先度 `{pid}` の案件で{shown}のものは、`{pid}` のどの規定にも当てはまりません"
        "（当てはまらない組み合わせは{count}通りあります）",
        "an incident of priority `{pid}` with {shown} matches no rule of `{pid}` ({count} combinations do not)",
    ),
    "diag.E252.unproved": Msg(
        "優先度 `{pid}` の規定の条件は組み合わせが多すぎ（{count}通り超）、どの案件もいずれかの規定に"
        "当てはまることを確かめられません",
        "the conditions of priority `{pid}` split the attribute values into more than {count} cases: "
        "it cannot be proved that every incident matches a rule of `{pid}`",
    ),
    "diag.E252.help": Msg(
        "どの条件にも当てはまらない案件のために、`{kw_when}` のない `{example}` を最後に書いてください",
        "add a last `{example}` without `{kw_when}`, for the incidents no condition takes",
    ),
    "diag.W250": Msg(
        "優先度 `{pid}` のこの規定が適用されることはありません：{why}",
        "this rule of priority `{pid}` can never apply: {why}",
    ),
    "diag.W250.why.taken": Msg(
        "当てはまる案件はすべて、先に{line}行目の規定が取ります",
        "every incident it matches is taken first by the rule on line {line}",
    ),
    "diag.W250.help": Msg(
        "一つの優先度の規定はファイルの順に試され、最初に当てはまったものが適用されます。"
        "より限定的な規定を一般的な規定の上に移すか、この規定を削除してください",
        "rules of one priority are tried in file order and the first that matches applies: "
        "move the more specific rule above the general one, or remove this one",
    ),
    # (a condition whose own tests contradict one another: moving the rule changes nothing)
    "diag.W250.help.none": Msg(
        "条件のテストを同時に満たすことはできません（案件の属性の値はそれぞれ一つで、`{kw_and}` はすべてのテストが"
        "成り立つことを求めます）。条件を直すか（二つの値のどちらかなら `{kw_when_in}` のように書きます）、"
        "この規定を削除してください",
        "its tests cannot all hold at once (an incident has one value of each attribute, and `{kw_and}` needs "
        "every test to hold): correct the condition (for either of two values, write `{kw_when_in}`), "
        "or remove this rule",
    ),
    "diag.W251": Msg(
        "{shown}のとき、`{pid}` のこの規定と{line}行{column}列の規定の両方が当てはまります。先の規定が適用されます",
        "for {shown} both this rule of `{pid}` and the one on line {line}:{column} match; the earlier one applies",
    ),
    "diag.W251.help": Msg(
        "条件を互いに重ならないようにするか、{shown}のための規定を先に移してください",
        "make the conditions exclusive, or move the rule meant for {shown} first",
    ),
    # E253, W252, W253: credit tiers
    "diag.E253": Msg(
        "サービス `{name}` は返金を定めていますが、稼働率を約束していません",
        "service `{name}` owes credits but promises no availability",
    ),
    "diag.E253.help": Msg(
        "サービスに `{kw_availability_example}`（`{kw_monthly}` または `{kw_quarterly}` を付けて）を書いてください",
        "add `{kw_availability_example}` (with `{kw_monthly}` or `{kw_quarterly}`) to the service",
    ),
    "diag.E253.twice": Msg("{below}%未満の返金の段階が二つあります", "two credit tiers below {below}%"),
    "diag.E253.twice.help": Msg("一つの値には一つの返金を定めてください", "give each figure one credit"),
    "diag.W252": Msg(
        "{below}%未満の返金（{credit}%）が、{above}%未満の返金（{above_credit}%）より多くありません",
        "the credit below {below}% ({credit}%) is not more than below {above}% ({above_credit}%)",
    ),
    "diag.W252.help": Msg(
        "稼働率が低いほど、返金は多くするのが普通です", "a lower availability should owe a larger credit"
    ),
    "diag.W253": Msg(
        "返金が目標の{target}%より高い{below}%未満から発生します",
        "a credit is owed below {below}%, above the target {target}%",
    ),
    "diag.W253.help": Msg("返金は通常、目標の値から始まります", "credits usually start at the target figure"),
    # W254, W255: notify rules with conditions
    "diag.W254": Msg(
        "通知 `{name}` が適用されることはありません：`{when}` を満たす属性の値の組み合わせがありません",
        "notification `{name}` can never apply: no combination of attribute values meets `{when}`",
    ),
    "diag.W254.help": Msg(
        "ある属性を `=` で、別の属性を同じ値の `!=` で試す条件は成り立ちません。条件を直すか、規定を削除してください",
        "a test of one attribute with `=` and another with `!=` the same value never holds: "
        "correct the condition or remove the rule",
    ),
    "diag.W255": Msg(
        "{shown}のとき、この通知と{line}行{column}列の `{other}` の両方が適用されます"
        "（どちらも `{after}` で始まり `{met_by}` で達成されます）。それぞれが判定されます",
        "for {shown} both this notification and `{other}` on line {line}:{column} apply "
        "(both start at `{after}` and are met by `{met_by}`): each is judged",
    ),
    "diag.W255.help": Msg(
        "条件が成り立つ通知の規定はすべて適用されます。一方が他方に代わるものなら、条件を互いに重ならないように"
        "してください（例：もう一方の規定に `{example}`）",
        "every notify rule whose condition holds applies; if one replaces the other, make the conditions "
        "exclusive (e.g. `{example}` on the other rule)",
    ),
    # W256, W257: availability targets chosen by attributes
    "diag.W256": Msg(
        "サービス `{name}` のこの稼働率の目標が適用されることはありません：{why}",
        "this availability target of service `{name}` can never apply: {why}",
    ),
    "diag.W256.why.fallback": Msg(
        "上にある `{kw_when}` のない目標がすべての顧客を取ります",
        "the target without `{kw_when}` above it takes every customer",
    ),
    "diag.W256.why.taken": Msg(
        "当てはまる顧客はすべて、先に{line}行目の目標が取ります",
        "every customer it matches is taken first by the target on line {line}",
    ),
    "diag.W256.help": Msg(
        "一つのサービスの目標はファイルの順に試され、最初に当てはまったものが適用されます。"
        "`{kw_when}` のある目標を、ない目標の上に書くか、この目標を削除してください",
        "targets of one service are tried in file order and the first that matches applies: "
        "write the targets with `{kw_when}` above the one without, or remove this one",
    ),
    "diag.W257": Msg(
        "{shown}のとき、`{name}` のこの稼働率の目標と{line}行{column}列の目標の両方が当てはまります。"
        "先の目標が適用されます",
        "for {shown} both this availability target of `{name}` and the one on line {line}:{column} match; "
        "the earlier one applies",
    ),
    "diag.W257.help": Msg(
        "条件を互いに重ならないようにするか、{shown}のための目標を先に移してください",
        "make the conditions exclusive, or move the target meant for {shown} first",
    ),
    # W258: an `except` of a service's hours with nothing to excuse (no block declares what it names)
    "diag.W258.planned_stops": Msg(
        "サービス `{name}` の提供時間の `{kw_except_planned}` は効果がありません：ポリシーに `{kw_planned_stop}` "
        "のブロックがないため、有効な事前通知のある計画停止はなく、除外される停止もありません",
        "`{kw_except_planned}` in the hours of service `{name}` never takes effect: the policy has no "
        "`{kw_planned_stop}` block, so no stop is validly noticed and none is excused",
    ),
    "diag.W258.planned_stops.help": Msg(
        "`{hours}` と書くか、事前通知のある停止を除外するなら、通知の規定を `{kw_planned_stop}` のブロックに"
        "書いてください（例：`{kw_planned_stop_example}`）",
        "write `{hours}`, or add a `{kw_planned_stop}` block with the notice a stop needs "
        "(e.g. `{kw_planned_stop_example}`) to excuse noticed stops",
    ),
    "diag.W258.maintenance": Msg(
        "サービス `{name}` の提供時間の `{kw_except_maintenance}` は効果がありません：ポリシーに "
        "`{kw_maintenance}` のブロックがないため、除外する定期メンテナンスの枠がありません",
        "`{kw_except_maintenance}` in the hours of service `{name}` never takes effect: the policy has no "
        "`{kw_maintenance}` block, so there is no maintenance window to excuse",
    ),
    "diag.W258.maintenance.help": Msg(
        "`{hours}` と書くか、定期メンテナンスの枠を `{kw_maintenance}` のブロックで定めてください"
        "（例：`{kw_maintenance_example}`）",
        "write `{hours}`, or declare the windows with a `{kw_maintenance}` block (e.g. `{kw_maintenance_example}`)",
    ),
    # W248: the same-day guideline beside named response targets
    "diag.W248": Msg(
        "優先度 `{pid}` の当日対応の目安は、単純な `{kw_respond_within}` にだけ適用され、{which}には適用されません",
        "the same-day guideline of {pid} applies to its plain `{kw_respond_within}` only, not to {which}",
    ),
    "diag.W248.help": Msg(
        "目安は応答のクロックで判定されます。別のクロックで当日中の回答を求めるなら、そのクロックの目標として"
        "書いてください（例：`{kw_first_reply_on}`）",
        "the guideline is judged on the response clock; to expect a same-day answer on another clock, "
        "write it as a target on that clock (e.g. `{kw_first_reply_on}`)",
    ),
    # W241: a start event after one every record has
    "diag.W241": Msg(
        "クロック `{clock}`：{dead}が使われることはありません。{every}に `{opening}` があり、"
        "それが先に書かれているため、クロックは常に `{opening}` から始まります",
        "clock `{clock}`: {dead} can never apply: {every} has `{opening}`, written before it, so the clock "
        "always starts at `{opening}`",
    ),
    "diag.W241.every.incident": Msg("すべての案件", "every incident"),
    "diag.W241.every.outage": Msg("すべての障害", "every outage"),
    "diag.W241.help": Msg(
        "`{kw_starts_at}` のイベントは書かれた順に試され、届いている最初のイベントでクロックが始まります。"
        "今の判定のままにするなら、使われない候補を削除してください（`{kept}`）。"
        "そのイベントが届いたときにそこから始めるなら、先に書いてください（`{meant}`。判定が変わります）",
        "the events of `{kw_starts_at}` are tried in the order written, and the first that came starts the clock: "
        "to keep the verdicts as they are, remove the alternatives that never apply (`{kept}`); "
        "to start at such an event when it comes, write it first (`{meant}`: this changes the verdicts)",
    ),
    "diag.W241.help.remove": Msg(
        "使われない候補を削除してください（`{kept}`）。判定は変わりません",
        "remove the alternatives that never apply (`{kept}`): the verdicts stay as they are",
    ),
    # W262: a text with no Japanese where Japanese is declared
    "diag.W262": Msg(
        "ポリシーは `{kw_ja}` を宣言していますが、この文には日本語がありません。"
        "日本語のレポートには書かれたとおりに表示されます",
        "this text has no Japanese, and the policy declares `{kw_ja}`: a Japanese report shows it as written",
    ),
    "diag.W262.help": Msg("日本語で書いてください：`{kw_ja_text}`", "write it in Japanese: {kw_ja_text}"),
    "diag.W262.help.pair": Msg(
        "日本語と英語の組で書いてください：`{kw_ja_pair}`", "write it as a pair, the Japanese first: {kw_ja_pair}"
    ),
    # W302 - W304: suspicious rules
    "diag.W302": Msg(
        "定期メンテナンス `{name}`（{window}）がカレンダー `{calendar}` の営業時間 {hours} と重なっています",
        "maintenance `{name}` ({window}) overlaps business hours {hours} of calendar `{calendar}`",
    ),
    "diag.W302.help": Msg(
        "メンテナンスの時間を営業時間の外に移すか、サポートも止まることを確かめてください",
        "move the window outside business hours, or confirm that support stops too",
    ),
    "diag.W303": Msg(
        "バックアップ `{kind}` の保存期間は{keep}ですが、取得は{every}ごとです。バックアップが一つもない時間があります",
        "backup `{kind}` is kept {keep} but taken every {every}: there are times with no backup at all",
    ),
    "diag.W303.help": Msg("少なくとも{every}は保存してください", "keep it at least {every}"),
    "diag.W304": Msg("第{article}条は宣言されていません", "article {article} is not declared"),
    "diag.W304.help": Msg("`{example}` を宣言するか、参照を直してください", "declare `{example}` or fix the reference"),
    # E301 - E303, W301, W305, W306: checks on the compiled calendars
    "diag.E301": Msg("適用開始日 `{date}` が{range}の外です", "the effective date `{date}` is outside {range}"),
    "diag.E301.help": Msg(
        "適用開始日は{first}から{last}までの日付で書いてください", "write an effective date from {first} to {last}"
    ),
    "diag.E302": Msg("カレンダー `{name}` は一度も営業しません：{why}", "calendar `{name}` is never open: {why}"),
    "diag.E302.why.no_days": Msg("営業日がありません", "it has no days"),
    "diag.E302.why.no_hours": Msg("営業時間がありません", "it has no hours"),
    "diag.E302.why.closed": Msg(
        "{first}から{last}までのすべての日が休業です", "every day from {first} to {last} is closed"
    ),
    "diag.E302.no_days.help": Msg(
        "カレンダー `{name}` に営業する曜日を書いてください（例：`{kw_days_example}`）",
        "add the days it is open to calendar `{name}`, e.g. `{kw_days_example}`",
    ),
    "diag.E302.no_hours.help": Msg(
        "カレンダー `{name}` に営業時間を書いてください（例：`{kw_hours_example}`）",
        "add its opening hours to calendar `{name}`, e.g. `{kw_hours_example}`",
    ),
    "diag.E302.closed.help": Msg(
        "すべての日を覆う休業や祝日を削除するか、`{kw_open}` の日付を書いてください",
        "remove the closures or holidays that cover every day, or add `{kw_open}` dates",
    ),
    "diag.E303": Msg(
        "優先度 `{pid}`：目標の期限を計算できません（{reason}）",
        "priority `{pid}`: the deadlines of the target cannot be worked out ({reason})",
    ),
    "diag.E303.reason.calendar": Msg(
        "カレンダー `{calendar}`：結果が{range}より後になります", "calendar `{calendar}`: the result is after {range}"
    ),
    "diag.E303.reason.elapsed": Msg(
        "`{duration}` を加えると、結果が{range}より後になります", "adding `{duration}`: the result is after {range}"
    ),
    "diag.E303.help": Msg(
        "期限が{range}に収まるように、目標を短くしてください",
        "shorten the target, so that its deadlines fall in {range}",
    ),
    # E304 - E307, W307: versions checked together (sla_dsl.policy.load), the errors in the words of the refusals
    "diag.E304": Msg(
        "版 {version} の適用開始日 {effective} は、{other}と同じ日です",
        "version {version} takes effect on {effective}, the same day as {other}",
    ),
    "diag.E304.help": Msg(
        "その日から適用される版がファイルの順で決まってしまいます。適用開始日を変えるか、どちらかの版を外してください",
        "which version is in force from that day would depend on the order of the files: "
        "give this version another effective date, or leave one of them out",
    ),
    # the same, at the version numbered after the other: the line to write
    "diag.E304.help.next": Msg(
        "その日から適用される版がファイルの順で決まってしまいます。版 {version} が新しい版なら、"
        "`{kw_effective} {day}` 以降の日付を書くか、どちらかの版を外してください",
        "which version is in force from that day would depend on the order of the files: if version {version} is "
        "the new one, write `{kw_effective} {day}` or a later date, or leave one of them out",
    ),
    "diag.E305": Msg(
        "版 {version} のタイムゾーン `{zone}` は、{other}の `{first}` と異なります",
        "version {version} is in time zone `{zone}`, not `{first}` as {other} is",
    ),
    "diag.E305.help": Msg(
        "前の版のタイムゾーンのまま（`{kw_timezone} {zone}`）にしてください。"
        "報告はすべての時刻を一つのタイムゾーンで示します",
        "keep the time zone of the earlier versions (`{kw_timezone} {zone}`): a report shows every time in one zone",
    ),
    "diag.E306": Msg(
        "版 {version}（適用開始日 {effective}）は、{other}（適用開始日 {other_effective}）と同じ版です",
        "version {version} (effective {effective}) is also the version of {other}, which takes effect on "
        "{other_effective}",
    ),
    "diag.E306.help": Msg(
        "後の版の `{kw_version}` を上げてください。レポートと `JSON` の `policy_version` は、"
        "判定した版を版の番号で示すため、同じ番号の二つの版を見分けられません",
        "raise the later version's `{kw_version}`: a report and the JSON's `policy_version` name the version "
        "that judged each item by its number, and cannot tell two of one number apart",
    ),
    # the same, at the latest version: the line to write, numbered after every version given
    "diag.E306.help.next": Msg(
        "後の版の `{kw_version}` を上げてください（`{line}`）。レポートと `JSON` の `policy_version` は、"
        "判定した版を版の番号で示すため、同じ番号の二つの版を見分けられません",
        "raise the later version's `{kw_version}` (`{line}`): a report and the JSON's `policy_version` name the "
        "version that judged each item by its number, and cannot tell two of one number apart",
    ),
    "diag.E307": Msg(
        "版 {version} はポリシー `{name}` のもので、{other}の `{first}` と異なります",
        "version {version} is of the policy `{name}`, not `{first}` as {other} is",
    ),
    "diag.E307.help": Msg(
        '一つのポリシーの版はどれも同じ名前（`{kw_sla} "{first}"`）です。'
        "名前を直すか、別のポリシーは別に指定してください",
        'the versions of one policy share its name (`{kw_sla} "{first}"`): correct the name, or give '
        "another policy to a command of its own",
    ),
    "diag.W307": Msg(
        "版 {version} の適用開始日は {effective} ですが、番号の小さい{other}の適用開始日は"
        "それより後の {other_effective} です。ある日に適用されるのはその日までに最後に適用が始まった版なので、"
        "版 {version} が適用されるのは {last} までです",
        "version {version} takes effect on {effective}, but {other}, a lower version, takes effect later, on "
        "{other_effective}: the version in force on a day is the last to take effect by then, so version {version} "
        "is in force only until {last}",
    ),
    "diag.W307.help": Msg(
        "新しい版には、大きい番号と後の適用開始日を付けてください。版 {version} が新しい版なら "
        "`{kw_effective} {day}` 以降の日付を、版 {other_version} が新しい版ならその `{kw_version}` を "
        "{version} より大きい番号にしてください",
        "a later version takes a higher number and a later effective date: if version {version} is the new one, "
        "write `{kw_effective} {day}` or a later date; if version {other_version} is, give it a `{kw_version}` "
        "higher than {version}",
    ),
    # the new version of a comparison (OLD NEW) taking effect before the old one: no change it follows
    "diag.W308": Msg(
        "版 {version} の適用開始日 {effective} は、{other}の適用開始日 {other_effective} より前です。"
        "この版は、その版に続く版ではありません",
        "version {version} takes effect on {effective}, before {other}, which takes effect on {other_effective}: "
        "it does not follow it",
    ),
    "diag.W308.help": Msg(
        "変更のお知らせは、新しい版を前の版に続く変更として告知します。前の版より後の適用開始日を付けるか、"
        "二つのファイルの順を入れ替えてください。このまま書くお知らせは、新しい版が前の版に続かないことを記します",
        "a change notice announces the new version as a change that follows the old one: give it an effective "
        "date after the old version's, or swap the two files; a notice written as they are says that the new "
        "version does not follow the old one",
    ),
    "diag.W301": Msg(
        "優先度 `{pid}`：{start}に始まるクロックの期限は{due}で、同じ日ではありません。"
        "当日対応の目安が応答目標と矛盾しています",
        "priority `{pid}`: a clock starting {start} is due {due}, not the same day, so the same-day "
        "guideline contradicts the response target",
    ),
    "diag.W301.help": Msg(
        "目標を短くするか、目安を `{example}` にしてください",
        "shorten the target or make the guideline `{example}`",
    ),
    "diag.W301.help.short": Msg(
        "その日の営業時間（{hours}）は目標より短いため、締め切りをどれだけ早くしても同じ日には収まりません。"
        "目標を短くするか、目安を外してください",
        "that day's hours ({hours}) are shorter than the target, so no lead before close keeps it the same day:"
        " shorten the target or drop the guideline",
    ),
    "diag.W301.help.day_based": Msg(
        "`{target}` の期限は受付日より後の営業日で、受付の当日になることはありません。"
        "当日対応の目安を外すか、目標を営業時間で書いてください（例：`respond within 4 business hours`）",
        "`{target}` is due on a business day after the day of receipt, never the same day: drop the guideline "
        "or write the target in business time (e.g. `respond within 4 business hours`)",
    ),
    "diag.W305": Msg(
        "カレンダー `{name}`：`{statement}` は祝日（{holiday}）を営業日にします",
        "calendar `{name}`: `{statement}` opens a national holiday ({holiday})",
    ),
    "diag.W305.help": Msg(
        "その日付の営業時間が適用されます。祝日に営業することを明示するには、隣に `{open}` と書いてください",
        "the date's hours apply; write `{open}` next to them to say the holiday is worked",
    ),
    "diag.W306": Msg(
        "カレンダー `{name}`：`{statement}` はその日のすべての時間を休業にします",
        "calendar `{name}`: `{statement}` closes every hour of the day",
    ),
    "diag.W306.help": Msg(
        "一日を休業にするには `{closed}` と書いてください（その日は営業日でなくなります）",
        "write `{closed}` to close the whole day (it then stops being a business day)",
    ),
    # service credits per breached target (`credit 5% per breach` in a priority)
    "diag.E266": Msg(
        "優先度 `{priority}` の `{kw_credit}` 行の上に目標の行がありません（どの目標のクレジットか決まりません）",
        "the `{kw_credit}` line of priority `{priority}` has no target line above it: it belongs to no target",
    ),
    "diag.E266.help": Msg(
        "クレジットが属する目標の行（例：`{kw_respond_within}`）のすぐ下に `{line}` と書いてください",
        "write `{line}` below the target line it belongs to (e.g. below `{kw_respond_within}`)",
    ),
    "diag.E212.breach_credit": Msg(
        "{line}行目の目標に二つ目の `{kw_credit}` 行があります",
        "the target on line {line} has a second `{kw_credit}` line",
    ),
    "diag.E212.breach_credit.help": Msg(
        "一つの目標の `{kw_credit}` の行は一行です。残す一行：`{example}`（{first}行目）。この行は消してください",
        "one target has one `{kw_credit}` line: keep `{example}` (line {first}) and remove this one",
    ),
    "diag.W263": Msg(
        "上限 `{cap}` が未達1件あたりのクレジット `{percent}` より小さいため、未達1件で上限を超えます",
        "the cap `{cap}` is below the credit of one breach `{percent}`: one breach already owes more than it",
    ),
    "diag.W263.help": Msg(
        "上限を未達1件あたりのクレジット以上に上げてください。例：`{example}`",
        "raise the cap to the credit per breach or more, e.g. `{example}`",
    ),
    # E267, E268, W265: the header's cap on the sum of every credit of a period (`credit total at most 30%`)
    "diag.E267": Msg(
        "このクレジットの測定期間（`{period}`）が、クレジット合計の上限の期間（`{cap}`）と違います",
        "this credit is measured `{period}`, but the cap on the total of credits is `{cap}`",
    ),
    "diag.E267.help": Msg(
        "期間の違うクレジットの百分率は足し合わせられません。"
        "この行を `{period}` で測るか、上限の行を直してください（`{line}`）",
        "percentages of different periods' fees cannot be added: "
        "measure this line `{period}`, or change the cap (`{line}`)",
    ),
    "diag.E267.help.target": Msg(
        "期間の違うクレジットの百分率は足し合わせられません。"
        "上の稼働率の目標を `{period}` で測るか、上限の行を直してください（`{line}`）",
        "percentages of different periods' fees cannot be added: "
        "measure the availability target above it `{period}`, or change the cap (`{line}`)",
    ),
    "diag.E268": Msg(
        "クレジット合計の上限は、一部の顧客（`when`）だけのクレジットがある契約には書けません",
        "a cap on the total of credits cannot be written where credits are owed to some customers only (`when`)",
    ),
    "diag.E268.help": Msg(
        "レポートはクレジットを期間ごとに合計し、顧客ごとには合計しません。"
        "各 `credit` 行の `at most` で上限を定めてください",
        "the report sums credits per period, not per customer: cap each `credit` line with its own `at most`",
    ),
    "diag.W265": Msg(
        "クレジット合計の上限 {cap} が、{line}行目のクレジット {credit} より小さいため、"
        "そのクレジットは全額支払われることがありません",
        "the cap on the total of credits {cap} is below the credit of {credit} on line {line}: "
        "it is never owed in full",
    ),
    "diag.W265.help": Msg(
        "そのクレジットを支払うには上限を上げてください。例：`{example}`",
        "to owe that credit, raise the cap, e.g. `{example}`",
    ),
}
