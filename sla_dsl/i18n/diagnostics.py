"""The wording of policy diagnostics (``sla check`` and every command that reads a bad policy): keys ``diag.*``.

Design notes
------------
* Keys are ``diag.<code>`` or ``diag.<code>.<variant>`` for the message and ``help`` of one code
  (a code found in several situations has a variant per situation), ``diag.word.*`` for the words
  around them (``error``, ``help``, the count at the end), ``diag.help.*`` for help texts several
  codes share, and ``diag.expected.*`` for the phrases of a parse error's "expected ..." list.
* The English side is exactly the English the diagnostic has always had: the diagnostic's
  ``message`` and ``help`` fields are filled from it (:func:`sla_dsl.lang.diagnostics.diagnostic`),
  and the malformed-policy goldens check them. (Changes since the QA reviews: a parse error's
  "expected ..." list cut short says so in its phrase, ``diag.expected.cut``: ``a, b, among others``,
  was ``a, b or ...``; in Japanese ``a、bなど``, was ``a、b、ほか``; so does E204's list of
  subdivisions, ``diag.phrase.cut``, was ``a, b, …`` / ``a、b、ほか``. Every syntax error has a help,
  ``diag.help.*_form`` where no better one is known; E212 names a statement by its keywords
  (``if not a business day``), not by the grammar's rule (``roll``).)
* Policy syntax is never translated: keywords, names and examples arrive as fields and are shown in
  backticks, in both languages. Where the English writes a keyword bare (``valid units are minutes,
  hours``), the field is a :class:`~sla_dsl.lang.diagnostics.Code`, bare in English and in backticks
  in Japanese, so a Japanese sentence holds no Latin word outside backticks (a test checks it).
* Syntax a message quotes whatever its arguments (``stops at``) is a ``{kw_*}`` field from :data:`SYNTAX`,
  so the Japanese templates hold no Latin word at all (``tests/report/test_catalogue.py`` checks every entry).
* A code without an entry here still renders, in English: :meth:`Diagnostic.text` falls back. Every code
  the checker emits has one (``tests/policy/test_japanese_diagnostics.py`` checks it); the codes about the
  file and single values are in :mod:`.diagnostics_values`, rules that look wrong and the checks on
  compiled calendars in :mod:`.diagnostics_rules`, both merged into :data:`DIAGNOSTICS` and :data:`SYNTAX`.
"""

from __future__ import annotations

from .diagnostics_input import INPUT_DIAGNOSTICS
from .diagnostics_peers import PEER_DIAGNOSTICS
from .diagnostics_rules import RULE_DIAGNOSTICS, RULE_SYNTAX
from .diagnostics_values import VALUE_DIAGNOSTICS, VALUE_SYNTAX
from .msg import Msg

#: Policy syntax the messages quote, the same in every language: fields ``{kw_*}`` of every ``diag.*`` entry
#: (filled by :meth:`sla_dsl.lang.diagnostics.Words.text`), so no template holds a Latin word of its own.
SYNTAX: dict[str, str] = {
    "kw_date": "YYYY-MM-DD",
    "kw_month_day": "MM-DD",
    "kw_month_day_example": "12-29",
    "kw_last_day": "last day",
    "kw_stops_at": "stops at",
    "kw_stops_example": "stops at incident.resolved",
    "kw_respond_within": "respond within",
    "kw_responded": "incident.responded",
    "kw_on_clock": "respond within 4 business hours on <clock>",
    "kw_business_days": "20 business days",
    "kw_incident_any": "incident.*",
    "kw_replied": "incident.customer_replied",
    "kw_languages": "languages ja, en",
    "kw_en": "en",
    "kw_pair": '"日本語" / "English"',
    "kw_sla": "sla",
    "kw_availability_target": "availability target",
    "kw_when": "when",
    "kw_hours_business": "hours business",
    "kw_hours_always": "hours always except maintenance",
    "kw_notice_example": "notice 1 week before start date by email",
    "kw_every_month": "every month on 4th thu, 22:00-24:00",
    "kw_calendar_business": "calendar business",
    "kw_starts_example": "starts at incident.product_suspected, else incident.reported",
    "kw_respond_example": "respond within 4 business hours",
    "kw_notify_within": "within 3 business hours after outage.recognized",
    "kw_met_by": "met by outage.notified",
    "kw_every_day": "every 1 day",
    "kw_continuous": "continuous",
    "kw_and": "and",
    "kw_planned_stop": "planned stop",
    "kw_notice_days": "notice 7 days before start date",
    "kw_after_recognized": "after outage.recognized",
    "kw_outage_any": "outage.*",
    "kw_every_hours": "every 12 hours",
    "kw_days": "days",
    "kw_hours": "hours",
    "kw_values_example": "values standard, premium",
    "kw_until_replied": "until incident.customer_replied",
    "kw_until": "until",
    "kw_notice_none": "notice none",
    "kw_reported": "incident.reported",
    "kw_other_zone": "in another zone",
    "kw_keep": "keep 7 days",
    "kw_stop_announced": "stop.announced",
    "kw_credit": "credit",
    "kw_resets_at": "resets at",
    "kw_restarts_at": "restarts at",
    "kw_cancels_at": "cancels at",
    "kw_without": "without",
    "kw_resolved": "incident.resolved",
    "kw_event_decl": 'event incident.<name> "…" / "…"',
    "kw_silence_example": "after incident.info_provided without incident.customer_replied",
    "kw_shift_jis": "Shift_JIS",
    "kw_or": "or",
    "kw_response": "response",
    "kw_rules": "rules",
    "kw_complete_on": "complete on",
    "kw_holiday": "holiday",
    "kw_at_most": "at most",
    "kw_breach_credit": "credit 5% per breach, at most 20% monthly",
    "kw_not_due_at": "not due at",
    "kw_pauses_at": "pauses at",
    **VALUE_SYNTAX,
    **RULE_SYNTAX,
}

_UNEXPECTED: dict[str, Msg] = {
    "": Msg("`{word}` はここには書けません", "unexpected `{word}`"),
    ".expected": Msg(
        "`{word}` はここには書けません。ここに書けるのは{expected}です", "unexpected `{word}`, expected {expected}"
    ),
    ".input": Msg("ここに書かれた内容を読み取れません", "unexpected input"),
    ".input_expected": Msg(
        "ここに書かれた内容を読み取れません。ここに書けるのは{expected}です", "unexpected input, expected {expected}"
    ),
}

DIAGNOSTICS: dict[str, Msg] = {
    # the words around every diagnostic
    "diag.word.error": Msg("エラー", "error"),
    "diag.word.warning": Msg("警告", "warning"),
    "diag.word.help": Msg("ヒント", "help"),
    "diag.word.summary": Msg("エラー{errors}件、警告{warnings}件", "{errors} errors, {warnings} warnings"),
    "diag.word.not_shown": Msg("ほか{count}件は表示していません", "{count} more not shown"),
    # the count at the end of `sla check`, then what it leaves out (`diag.word.not_shown`, per file)
    "diag.word.summary_more": Msg("{summary}。{more}", "{summary}; {more}"),
    # str() of a PolicyError: its first diagnostic's header, then how many more it holds (or none at all)
    "diag.word.and_more": Msg("{first}（ほか{more}件）", "{first} (and {more} more)"),
    "diag.word.invalid_policy": Msg("ポリシーが正しくありません", "invalid policy"),
    "diag.word.unchecked": Msg(
        "{count}件の宣言は読んでいません（エラーが{limit}件に達したところで検査を止めます）",
        "{count} declarations not read (checking stops after {limit} errors)",
    ),
    # shared phrases
    "diag.phrase.none": Msg("なし", "none"),
    "diag.help.did_you_mean": Msg("`{name}` の誤りではありませんか？", "did you mean `{name}`?"),
    "diag.help.units": Msg("使える単位は{units}です", "valid units are {units}"),
    "diag.help.units_near": Msg(
        "`{near}` の誤りではありませんか？使える単位は{units}です", "did you mean `{near}`? valid units are {units}"
    ),
    "diag.help.belongs_in": Msg("`{word}` は{block}ブロックの中に書きます", "`{word}` belongs in a {block} block"),
    # what to write instead of input written the Japanese way (`sla_dsl.lang.input_hints`)
    "diag.help.write": Msg("`{fix}` と書いてください", "write `{fix}`"),
    # a business week or month written in Japanese (`1 営業週`): business time is counted in minutes, hours or days
    "diag.help.business_weeks": Msg(
        "営業時間は分・時間・日で数えます。`{word}` は `{example}` のように営業日で書いてください",
        "business time is counted in minutes, hours or days: write `{word}` in business days, e.g. `{example}`",
    ),
    "diag.help.char": Msg(
        "`{char}` の代わりに半角の `{ascii}` を書いてください：`{fix}`", "write `{ascii}` instead of `{char}`: `{fix}`"
    ),
    "diag.help.fullwidth": Msg(
        "全角文字は使えません。半角で `{fix}` と書いてください", "full-width characters cannot be used: write `{fix}`"
    ),
    "diag.help.digits": Msg(
        "`{char}` は使えません。半角の数字で `{fix}` と書いてください", "`{char}` is no ASCII digit: write `{fix}`"
    ),
    "diag.help.fullwidth_space": Msg(
        "全角スペースの代わりに半角スペースを書いてください", "use a normal space instead of the full-width space"
    ),
    "diag.help.quotes": Msg(
        '文字列は半角の `"` で囲んでください：`{fix}`', 'enclose a text in ASCII double quotes `"`: `{fix}`'
    ),
    "diag.help.quotes_missing": Msg(
        '文字列は半角の `"` で囲んでください：`{fix}`', 'a text is enclosed in double quotes `"`: `{fix}`'
    ),
    "diag.help.date": Msg("日付は `{fix}` のように書いてください", "write the date as `{fix}`"),
    "diag.help.yearmonth": Msg("年月は `{fix}` のように書いてください", "write the year and month as `{fix}`"),
    "diag.help.monthday": Msg("月日は `{fix}` のように書いてください", "write the month and day as `{fix}`"),
    "diag.help.decimal_point": Msg(
        "小数点は `.` です：`{fix}` と書いてください", "the decimal point is `.`: write `{fix}`"
    ),
    "diag.help.ordinal": Msg("序数で `{fix}` と書いてください", "write an ordinal: `{fix}`"),
    "diag.help.nth_day": Msg("「{word}」は英語で `{fix}` と書いてください", "write `{word}` in English: `{fix}`"),
    "diag.help.time": Msg("時刻は `{fix}` のように書いてください", "write the time of day as `{fix}`"),
    "diag.help.weekdays": Msg("曜日は英語の略語で `{fix}` と書いてください", "write weekdays in English: `{fix}`"),
    "diag.help.country": Msg("国コードで `{fix}` と書いてください", "write the country code: `{fix}`"),
    "diag.help.country_example": Msg(
        "国コードで書いてください（例：`{example}`）", "write the country code, e.g. `{example}`"
    ),
    "diag.help.zone_offset": Msg(
        "タイムゾーンは地域の名前で書いてください（例：`{example}`）。`{given}` の時差のまま固定するなら `{fix}` です",
        "write the time zone as a place, e.g. `{example}`; the fixed offset `{given}` is `{fix}`",
    ),
    "diag.help.unit_here": Msg(
        "ここでは `{word}` は単位として読まれます。単位の前にカレンダー名を書いてください（例：`{example}`）",
        "`{word}` is a unit here; name the calendar before it, e.g. `{example}`",
    ),
    # what the statement or declaration being written looks like, where a syntax error stops
    # (`sla_dsl.lang.parser.form_help`): every syntax error has a help, at least this one
    "diag.help.statement_form": Msg(
        "`{statement}` の行は{forms}のように書きます", "`{statement}` lines are written like {forms}"
    ),
    "diag.help.block_forms": Msg(
        "`{block}` ブロックの行は{forms}のように書きます。ブロックは `}}` で閉じます",
        "lines of `{block}` blocks are written like {forms}; `}}` closes the block",
    ),
    "diag.help.head_form": Msg(
        "`{keyword}` の宣言は `{form}` のように書きます", "`{keyword}` declarations are written like `{form}`"
    ),
    "diag.help.day_no_tail": Msg(
        "日単位の期限（`by end of ...`、`by HH:MM of ...`）には時間外の加算（`, plus ... if received outside ...`）を"
        "付けられません：受付日は数えないので、受付が時間外でも期限は変わりません。`{form}` と書きます",
        "a day-based target (`by end of ...`, `by HH:MM of ...`) takes no out-of-hours tail (`, plus ... if "
        "received outside ...`): the day of receipt is never counted, so a receipt outside the hours does not "
        "move it; write `{form}`",
    ),
    "diag.help.ref_form": Msg(
        "条項の参照は `{form}` のように書きます", "an article reference is written like `{form}`"
    ),
    "diag.help.reference": Msg(
        "書き方は言語リファレンスにあります", "the language reference shows how this is written"
    ),
    # what an author used to another tool meant (`sla_dsl.lang.parser._author_hint`)
    "diag.help.pair": Msg(
        "二つの言語の文は `/` でつなぎます：`{fix}`", "join the texts of two languages with `/`: `{fix}`"
    ),
    "diag.help.list_and": Msg(
        "`{kw_and}` ではなく `,` でつなぎます：`{fix}`", "join the items with `,`, not `{kw_and}`: `{fix}`"
    ),
    "diag.help.holiday_range": Msg(
        "`{kw_holiday}` の行は一日に名前を付けます。続く日を休業にするなら `{fix}` と書きます"
        "（名前を付けるなら、一日ずつ `{kw_holiday}` の行を書きます）",
        "a `{kw_holiday}` line names one day: close a run of days with `{fix}` (or name each day on a "
        "`{kw_holiday}` line of its own)",
    ),
    "diag.E011.holiday_name": Msg("`{kw_holiday}` の行に休日の名前がありません", "the `{kw_holiday}` line has no name"),
    "diag.help.holiday_name": Msg("休日の名前を付けて `{fix}` と書いてください", "name the holiday: `{fix}`"),
    # `at risk at 75%` without `of target` (line_hints._risk_target): said at the end of its line
    "diag.E011.risk_target": Msg(
        "`at risk` の行の最後に `of target` がありません", "the `at risk` line does not end with `of target`"
    ),
    # `respond within 30 minutes 24x7` (line_hints._around_the_clock): {duration} `30 minutes`
    "diag.help.around_the_clock": Msg(
        "経過時間（`{duration}`）は、もともと毎日 24 時間数えます。`{fix}` と書いてください",
        "elapsed time (`{duration}`) already counts around the clock, every hour of every day: write `{fix}`",
    ),
    # `event backup.completed` without its words (parse_errors._event_without_words)
    "diag.E011.relabel_words": Msg(
        "イベント `{name}` の言い換えに言葉がありません。ポリシーの各言語で言葉を書いてください",
        "the relabel of `{name}` has no words: it needs them in each language the policy declares",
    ),
    "diag.E011.event_words": Msg(
        "イベント `{name}` の宣言に言葉がありません。ポリシーの各言語で言葉を書いてください",
        "the declaration of `{name}` has no words: it needs them in each language the policy declares",
    ),
    "diag.help.list_or": Msg(
        "`{kw_or}` ではなく `{sep}` でつなぎます：`{fix}`", "join the items with `{sep}`, not `{kw_or}`: `{fix}`"
    ),
    "diag.help.when_in": Msg(
        "一つの属性のいくつかの値のどれかは `{fix}` と書きます",
        "any of several values of one attribute is written `{fix}`",
    ),
    "diag.help.when_or": Msg(
        "`{kw_when}` の条件は `{kw_and}` でしかつなげません。一つの属性のいくつかの値は `{example}` と書きます。"
        "別々の属性の条件のどれかで選ぶには、条件ごとに規定を書いてください（上から最初に当てはまる規定が"
        "適用されます）",
        "the tests of a `{kw_when}` are joined with `{kw_and}` only: several values of one attribute are "
        "`{example}`; to choose by either of tests on different attributes, write a rule for each (the first "
        "rule that matches applies)",
    ),
    "diag.help.when_or.notify": Msg(
        "`{kw_when}` の条件は `{kw_and}` でしかつなげません。一つの属性のいくつかの値は `{example}` と書きます。"
        "別々の属性の条件のどれかで通知するには、互いに重ならない条件の規定を一つずつ書いてください"
        "（条件の成り立つ規定はすべて適用されます）",
        "the tests of a `{kw_when}` are joined with `{kw_and}` only: several values of one attribute are "
        "`{example}`; to notify on either of tests on different attributes, write a rule for each with "
        "conditions that exclude each other (every rule whose condition holds applies)",
    ),
    "diag.help.policy_name": Msg(
        "ポリシーの名前は一つの文字列です。`{head}` と書き、各言語の題名はヘッダーの中に `{title}` と書いてください",
        "the policy's name is one text: write `{head}`, and its title in each language on a line of the "
        "header: `{title}`",
    ),
    "diag.help.target_clock": Msg(
        "名前付きの目標は `{kw_stops_at}` のあるクロックで測ります：`{fix}` と書き、そのクロックがなければ"
        "宣言してください（例：`{clock}`）",
        "a named target is measured on a clock that has `{kw_stops_at}`: write `{fix}`, and declare the clock "
        "if there is none, e.g. `{clock}`",
    ),
    # what a parse error says the parser expected
    # a list cut short, said as part of its phrase: `ここに書けるのは`a`、`b`などです` / `expected a, b, among others`
    "diag.expected.cut": Msg("{items}など", "{items}, among others"),
    "diag.expected.unit": Msg("単位（{units}）", "a unit ({units})"),
    "diag.expected.STRING": Msg("引用符で囲んだ文字列（例：{example}）", "a quoted text such as {example}"),
    "diag.expected.STRING.example": Msg('"営業時間"', '"Business hours"'),
    "diag.expected.NAME": Msg("名前", "a name"),
    "diag.expected.EVENT": Msg("イベントの種類（例：`{example}`）", "an event type such as `{example}`"),
    "diag.expected.TZ": Msg("タイムゾーン（例：`{example}`）", "a time zone such as `{example}`"),
    "diag.expected.DATE": Msg("日付（例：`{example}`）", "a date such as `{example}`"),
    "diag.expected.MONTHDAY": Msg("月日（例：`{example}`）", "a month and day such as `{example}`"),
    "diag.expected.TIME": Msg("時刻（例：`{example}`）", "a time of day such as `{example}`"),
    "diag.expected.ORDINAL": Msg("序数（例：`{example}`）", "an ordinal such as `{example}`"),
    "diag.expected.REGION": Msg("国と地域のコード（例：`{example}`）", "a country and subdivision such as `{example}`"),
    "diag.expected.YEARMONTH": Msg("年月（例：`{example}`）", "a year and month such as `{example}`"),
    "diag.expected.PERCENT": Msg("百分率（例：`{example}`）", "a percentage such as `{example}`"),
    "diag.expected.REFNUM": Msg("条項番号（例：`{example}`）", "an article number such as `{example}`"),
    "diag.expected.INT": Msg("数", "a number"),
    "diag.expected.$END": Msg("ファイルの終わり", "the end of the file"),
    # E01x: the policy's syntax
    **{f"diag.E010{k}": v for k, v in _UNEXPECTED.items()},
    **{f"diag.E011{k}": v for k, v in _UNEXPECTED.items()},
    "diag.E010.unreadable": Msg("この部分を読み取れません", "cannot read this"),
    "diag.E011.no_clock": Msg(
        "`{kind}` の目標に、測るクロックの指定がありません",
        "the `{kind}` target does not name the clock it is measured on",
    ),
    # `, plus 24 hours if received outside hours` (parse_errors._outside_without_calendar): {word} `hours`
    "diag.E011.outside_calendar": Msg(
        "`outside` と `{word}` の間にカレンダーの名前がありません",
        "no calendar is named between `outside` and `{word}`",
    ),
    "diag.help.outside_calendar": Msg(
        "営業時間外かどうかを判定するカレンダーの名前を書いてください：`{fix}`（定義済みのカレンダー：{known}）",
        "name the calendar whose open hours the receipt is tested against: write `{fix}`; calendars here: {known}",
    ),
    # `update every ... by EVENT, plus 24 hours if received outside ...` (parser._update_tail)
    "diag.E011.update_tail": Msg(
        "`update every` の目標には営業時間外の受付の加算を付けられません",
        "an `update every` target takes no out-of-hours addition",
    ),
    "diag.help.update_tail": Msg(
        "更新は、受付の時刻にかかわらず、クロックの計測時間の一定の間隔ごとに求められます。`{form}` と書いてください",
        "updates are due at each interval of the clock's running time, whenever the incident was received: "
        "write `{form}`",
    ),
    # `credit below 99.5% 10%, below 95.0% 25%, at most 30% monthly` in a service (parser._credit_cap)
    "diag.E011.credit_cap": Msg(
        "可用性のクレジットには上限を付けられません：段階のクレジットが、すでに一つの期間に発生する最大です",
        "an availability credit takes no cap: its tiers are already the most a period can owe",
    ),
    "diag.help.credit_cap": Msg(
        "上限のない行を書いてください：`{fix}`（`{kw_at_most}` は優先度の未達1件あたりのクレジットの上限です："
        "`{kw_breach_credit}`）",
        "write the line without the cap: `{fix}` (`{kw_at_most}` caps a priority's credit per breach: "
        "`{kw_breach_credit}`)",
    ),
    # `credit at most 50% monthly` in a service: a line of no tier
    "diag.help.credit_cap.tiers": Msg(
        "上限は削除してください：サービスの `{kw_credit}` 行には段階だけを書きます（例：`{form}`）。"
        "`{kw_at_most}` は優先度の未達1件あたりのクレジットの上限です：`{kw_breach_credit}`",
        "remove the cap: a service's `{kw_credit}` line gives only its tiers, as `{form}` (`{kw_at_most}` caps a "
        "priority's credit per breach: `{kw_breach_credit}`)",
    ),
    # a list that ends with a comma at the end of its line (parse_errors._trailing_comma): {statement} `credit`
    "diag.E011.trailing_comma": Msg(
        "`{statement}` の行がカンマで終わっていて、その後に続く項目がありません",
        "the `{statement}` line ends with a comma, and no item follows it",
    ),
    "diag.help.trailing_comma": Msg(
        "行末のカンマを削除してください：`{fix}`", "remove the comma at the end of the line: `{fix}`"
    ),
    "diag.E012": Msg("ファイルが途中で終わっています", "unexpected end of file"),
    "diag.E012.expected": Msg(
        "ファイルが途中で終わっています。続きに書けるのは{expected}です",
        "unexpected end of file, expected {expected}",
    ),
    "diag.E012.help": Msg(
        "`{{` で始めたブロックの `}}` が抜けているようです", "a block opened with `{{` is probably missing its `}}`"
    ),
    "diag.E013": Msg("このブロックが閉じていません", "this block is not closed"),
    "diag.E013.help": Msg(
        "{line}行目の宣言より前に `}}` を書いてください", "add `}}` before the next declaration on line {line}"
    ),
    "diag.E014": Msg("文字列が閉じていません", "this text is not closed"),
    "diag.E014.help": Msg('同じ行の中で文字列を `"` で閉じてください', 'end the text with `"` on the same line'),
    "diag.E014.inner_quote": Msg('文字列の中の `"` で文字列が終わっています', 'a `"` inside this text ends it'),
    "diag.E014.inner_quote.help": Msg(
        '文字列の中の `"` は `\\"` と書くか、「」に置き換えてください',
        'write a quote inside a text as `\\"`',
    ),
    "diag.E015": Msg("`{word}` は単位ではありません", "`{word}` is not a unit"),
    "diag.E015.missing": Msg("単位がありません", "the unit is missing"),
    "diag.E015.missing.help": Msg("`{example}` のように書いてください", "write e.g. `{example}`"),
    "diag.E010.fullwidth_space": Msg("全角スペースはここには書けません", "a full-width space cannot be used here"),
    "diag.E016": Msg("どのブロックにも属さない `{word}` があります", "unexpected `{word}` outside any block"),
    "diag.E016.help": Msg(
        "宣言は{keywords}のいずれかで始まります。上のブロックの一部なら、その前の `}}` でブロックが早く閉じています",
        "a declaration starts with {keywords}; if this belongs to the block above, a `}}` closes it too early",
    ),
    # a text as written (`sla_dsl.lang.values.text_problems`): a backslash that is no escape, E017; a
    # character the documents do not show as written, W017
    "diag.E017": Msg(
        "`{escape}` は文字列に書けるエスケープではありません", "`{escape}` is not an escape a text can have"
    ),
    "diag.E017.help": Msg(
        'バックスラッシュは `\\\\` と書いてください（例：`"C:\\\\data"`）。'
        '文字列に書けるエスケープは `\\"`（引用符）、`\\\\`（バックスラッシュ）、`\\n`（改行）、`\\t`（タブ）です',
        'write `\\\\` for a backslash, e.g. `"C:\\\\data"`; the escapes of a text are `\\"` (a quote), '
        "`\\\\` (a backslash), `\\n` (a new line) and `\\t` (a tab)",
    ),
    "diag.E017.foreign.help": Msg(
        "文字列に `{escape}` のエスケープはありません。文字そのものを書き、バックスラッシュは `\\\\` と"
        '書いてください（例：`"C:\\\\data"`）',
        'a text has no `{escape}` escape: write the character itself, and `\\\\` for a backslash (e.g. `"C:\\\\data"`)',
    ),
    "diag.W017.control": Msg(
        "文字列に、文書に表示されない制御文字 {code} があります",
        "this text holds a control character, {code}, that the documents do not show",
    ),
    "diag.W017.control.help": Msg(
        "この文字を削除してください（文書では見えず、契約の文言が書かれたとおりに読めません）",
        "delete it, so that the documents show the contract text as it was written",
    ),
    "diag.W017.bidi": Msg(
        "文字列に、文書でその後の文字の並びを変える文字 {code} があります",
        "this text holds {code}, which reorders the text after it in the documents",
    ),
    "diag.W017.bidi.help": Msg(
        "この文字を削除してください（文書では見えず、その後の文字が書かれた順と違って並びます）",
        "delete it, so that the documents show the contract text in the order it was written",
    ),
    # E001 for a file saved in Shift_JIS (the rest of E001 is in `diagnostics_values`)
    "diag.E001.shift_jis": Msg(
        "ファイルが `{kw_utf8}` のテキストではありません（`{kw_shift_jis}` で保存されているようです）",
        "the file is not {kw_utf8} text (it looks like {kw_shift_jis})",
    ),
    "diag.E001.help.shift_jis": Msg(
        "ポリシーを `{kw_shift_jis}` ではなく `{kw_utf8}` で保存し直してください",
        "save the policy again as {kw_utf8}, not {kw_shift_jis}",
    ),
    # E2xx: references between declarations
    "diag.E200": Msg("{kind} `{name}` が二度定義されています", "{kind} `{name}` is defined twice"),
    "diag.E200.help": Msg(
        "最初の定義は{line}行目にあります。どちらかの名前を変えるか、削除してください",
        "the first definition is on line {line}; rename or remove one",
    ),
    "diag.E200.kind.calendar": Msg("カレンダー", "calendar"),
    "diag.E200.kind.service": Msg("サービス", "service"),
    "diag.E200.kind.maintenance": Msg("定期メンテナンス", "maintenance"),
    "diag.E200.kind.clock": Msg("クロック", "clock"),
    "diag.E200.kind.priority": Msg("優先度", "priority"),
    "diag.E200.kind.notification": Msg("通知", "notification"),
    "diag.E200.kind.backup": Msg("バックアップ", "backup"),
    "diag.E200.kind.exclusion": Msg("適用除外", "exclusion"),
    "diag.E200.kind.item": Msg("項目", "item"),
    "diag.E200.kind.article": Msg("条", "article"),
    "diag.E200.kind.planned-stop rule": Msg("計画停止の規定", "planned-stop rule"),
    "diag.E200.kind.attribute": Msg("属性", "attribute"),
    "diag.E200.header": Msg("`{keyword}` ヘッダーが二つあります", "a second `{keyword}` header"),
    "diag.E200.header.help": Msg("ポリシーファイルのヘッダーは一つです", "a policy file has one header"),
    "diag.E206": Msg(
        "{what}はカレンダー `{name}` の営業時間で数えますが、このカレンダーには{missing}がありません",
        "{what} counts business time of calendar `{name}`, which has no business {missing}",
    ),
    "diag.E206.what.target": Msg("この目標", "the target"),
    "diag.E206.what.same-day": Msg("当日対応の目安", "the same-day guideline"),
    "diag.E206.what.service": Msg("このサービス", "the service"),
    "diag.E206.what.maintenance": Msg("この定期メンテナンス", "the maintenance"),
    "diag.E206.what.condition": Msg("この条件", "the condition"),
    "diag.E206.what.out_of_hours": Msg("営業時間外の受付の判定", "the out-of-hours test"),
    "diag.E206.missing.hours": Msg("営業時間", "hours"),
    "diag.E206.missing.days": Msg("営業日", "days"),
    "diag.E206.help": Msg("カレンダー `{name}` に `{add}` を書いてください", "add `{add}` to calendar `{name}`"),
    "diag.E207": Msg("`{name}` という名前のカレンダーはありません", "no calendar is called `{name}`"),
    "diag.E207.help": Msg(
        "`{example}` を定義してください（定義済みのカレンダー：{known}）", "define `{example}`; calendars here: {known}"
    ),
    # `4 business hours`, `1st business day`, `close of business` copied into a policy without a calendar
    # `business`: the word names a calendar (`{fix}`: the words with the file's first calendar with hours;
    # `{example}`: the calendar's declaration)
    "diag.E207.help.rewrite": Msg(
        "`{name}` は営業時間を数えるカレンダーの名前です。定義済みのカレンダーで `{fix}` のように書くか、"
        "`{example}` を定義してください（定義済みのカレンダー：{known}）",
        "`{name}` names the calendar whose hours count: write `{fix}` with a calendar defined here, or "
        "define `{example}`; calendars here: {known}",
    ),
    # `120 real minutes` (Request Tracker's RealMinutes): elapsed time, which names no calendar
    "diag.E207.elapsed": Msg(
        "経過時間はカレンダーの名前を付けずに書きます：`{fix}`", "elapsed time is written with no calendar: `{fix}`"
    ),
    "diag.E218": Msg(
        "項目{item}が参照している{kind} `{name}` は定義されていません",
        "item {item} refers to {kind} `{name}`, which is not defined",
    ),
    "diag.E218.planned_stop": Msg(
        "項目{item}が参照している計画停止の規定は定義されていません",
        "item {item} refers to planned-stop rule, which is not defined",
    ),
    "diag.E218.help": Msg(
        "`{example}` を定義するか、項目の `{kw_rules}` から外してください（定義済み：{known}）",
        "define `{example}`, or take it out of the item's `{kw_rules}` (defined: {known})",
    ),
    "diag.E218.help.planned_stop": Msg(
        "`{example}` を定義するか、項目の `{kw_rules}` から外してください",
        "define `{example}`, or take it out of the item's `{kw_rules}`",
    ),
    "diag.E218.kind.calendar": Msg("カレンダー", "calendar"),
    "diag.E218.kind.service": Msg("サービス", "service"),
    "diag.E218.kind.maintenance": Msg("定期メンテナンス", "maintenance"),
    "diag.E218.kind.clock": Msg("クロック", "clock"),
    "diag.E218.kind.priority": Msg("優先度", "priority"),
    "diag.E218.kind.notify": Msg("通知", "notify"),
    "diag.E218.kind.backup": Msg("バックアップ", "backup"),
    "diag.E218.kind.exclude": Msg("適用除外", "exclude"),
    "diag.E217": Msg("ポリシーに `{keyword}` ヘッダーがありません", "the policy has no `{keyword}` header"),
    "diag.E217.help": Msg("ファイルの先頭に `{example}` を書いてください", "start the file with `{example}`"),
    "diag.E010.cannot_parse": Msg("構文を読み取れません：{detail}", "cannot parse: {detail}"),
    "diag.E010.cannot_parse.help": Msg(
        "言語リファレンスと見比べてください。正しく書けているなら、チェッカーの不具合として報告してください",
        "compare the text with the language reference; if it is written right, report this as a bug of the checker",
    ),
    "diag.E251": Msg("`{name}` という名前の属性はありません", "no attribute is called `{name}`"),
    "diag.E251.help": Msg(
        "`{example}` を宣言してください（宣言済みの属性：{known}）", "declare `{example}`; attributes here: {known}"
    ),
    "diag.E251.value": Msg("属性 `{name}` に値 `{value}` はありません", "attribute `{name}` has no value `{value}`"),
    "diag.E251.value.help": Msg("この属性の値は{values}です", "its values are {values}"),
    "diag.help.keep_one": Msg(
        "一つだけ残してください（最初のものは{line}行目にあります）", "keep one; the first is on line {line}"
    ),
    # clocks and their targets
    "diag.E240": Msg("`{name}` という名前のクロックはありません", "no clock is called `{name}`"),
    "diag.E240.help": Msg(
        "`{example}` を定義してください（定義済みのクロック：{known}）", "define `{example}`; clocks here: {known}"
    ),
    "diag.E241": Msg(
        "クロック `{clock}` に `{kw_stops_at}` がないため、"
        "このクロックで測る `{kind}` の目標は達成されることがありません",
        "clock `{clock}` has no `{kw_stops_at}`: the `{kind}` target on it could never be met",
    ),
    "diag.E241.help": Msg(
        "クロック `{clock}` に `{kw_stops_example}` などを書いてください",
        "add e.g. `{kw_stops_example}` to clock `{clock}`",
    ),
    "diag.E242": Msg(
        "クロック `{clock}` は単純な `{kw_respond_within}` の目標を測ります。この目標はクロックの開始から最初の "
        "`{kw_responded}` までなので、このクロックの一時停止・停止・リセットは判定されません",
        "clock `{clock}` measures the plain `{kw_respond_within}` targets, which run from the clock start to the first "
        "{kw_responded}: its pauses, stops and resets would not be judged",
    ),
    "diag.E242.help": Msg(
        "一時停止などは別のクロックに書き、目標でそのクロックを指定してください：`{kw_on_clock}`",
        "put the life cycle on another clock and name it in the target: `{kw_on_clock}`",
    ),
    "diag.E242.help.declare": Msg(
        "単純な `{kw_respond_within}` は `{kw_response}` という名前のクロックで測り、それがなければ最初のクロック"
        "（ここでは `{clock}`）で測ります。`{declare}` を宣言してください。`{clock}` は一時停止などをそのまま"
        "持ち、それを指定する目標を測ります",
        "the plain `{kw_respond_within}` is measured on the clock called `{kw_response}`, else on the first clock "
        "(here `{clock}`): declare `{declare}`, and `{clock}` keeps its life cycle for the targets that name it",
    ),
    "diag.E242.out_of_hours": Msg(
        "単純な `{kw_respond_within}` は応答クロックの開始から最初の `{kw_responded}` までを一つの目標で測るため、"
        "営業時間外の受付に加算する時間は判定されません",
        "the plain `{kw_respond_within}` runs from the response clock's start to the first `{kw_responded}` "
        "against one target: time added for a report received out of hours would not be judged",
    ),
    "diag.E242.out_of_hours.help": Msg(
        "名前付きのクロックで測ってください：`{example}`", "measure it on a named clock: `{example}`"
    ),
    "diag.E222": Msg(
        "目標 `{duration}` は{kind}で数えますが、営業時間外の受付に加算する `{extra}` は{extra_kind}で数えます。"
        "一つのクロックの計測時間として足し合わせることはできません",
        "the target `{duration}` counts {kind} but the `{extra}` added out of hours counts {extra_kind}: "
        "they do not add up as running time on one clock",
    ),
    "diag.E222.elapsed": Msg("経過時間", "elapsed time"),
    "diag.E222.business": Msg("カレンダー `{calendar}` の営業時間", "business time of calendar `{calendar}`"),
    "diag.E222.help": Msg(
        "加算する時間も目標と同じ種類の時間で書いてください：`{line}`",
        "count the time added in the same kind of time as the target: `{line}`",
    ),
    # an out-of-hours addition on a calendar never closed (`mon..sun 00:00-24:00`, no holiday): check._never_outside
    "diag.W264": Msg(
        "営業時間外の受付の加算は適用されることがありません：カレンダー `{calendar}` は毎日すべての時間に開いています",
        "the out-of-hours addition never applies: calendar `{calendar}` is open at every hour of every day",
    ),
    "diag.W264.help": Msg(
        "閉まっている時間のあるカレンダー（{known}）を書くか、加算を削除してください",
        "name a calendar with closed hours ({known}), or remove the addition",
    ),
    "diag.W264.help.none": Msg(
        "加算を削除するか、閉まっている時間のあるカレンダーを宣言して `{calendar}` の代わりに書いてください",
        "remove the addition, or declare a calendar with closed hours and name it instead of `{calendar}`",
    ),
    "diag.E243": Msg(
        "経過時間の `{duration}` は一定の長さではありません",
        "`{duration}` of elapsed time is not a fixed amount of running time",
    ),
    "diag.E243.help": Msg(
        "日（{days}）か週（{weeks}）で、または営業日（`{kw_business_days}`）で書いてください",
        "write it in {days} or {weeks}, or in business days (`{kw_business_days}`)",
    ),
    "diag.E244": Msg(
        "{what}が `{name}` を指定していますが、クロックは案件のイベントでのみ動きます",
        "{what} names `{name}`: clocks run on incident events only",
    ),
    "diag.E244.update": Msg("この更新の目標", "an update"),
    "diag.E244.clock": Msg("クロック `{clock}` ", "clock `{clock}`"),
    "diag.E244.help": Msg(
        "`{kw_incident_any}` のイベント（例：`{kw_replied}`）を指定してください",
        "name an `{kw_incident_any}` event, e.g. `{kw_replied}`",
    ),
    "diag.E245": Msg(
        "クロック `{clock}` は `{event}` で一時停止し、同じイベントで再開します",
        "clock `{clock}` pauses at `{event}` until the same event",
    ),
    "diag.E245.help": Msg(
        "再開させるイベントを指定してください（例：`{kw_until_replied}`）",
        "name the event that resumes it, e.g. `{kw_until_replied}`",
    ),
    "diag.E245.help.drop": Msg(
        "`{kw_until}` から `{event}` を外してください。ほかのイベントのうち最初に起きたもので再開します：`{fix}`",
        "take `{event}` out of `{kw_until}`: the pause resumes at whichever of the others comes first: `{fix}`",
    ),
    "diag.E245.twice": Msg(
        "クロック `{clock}` の `{at}` での一時停止は、再開させるイベント `{event}` を二度書いています",
        "clock `{clock}` names `{event}` twice among the events that resume its pause at `{at}`",
    ),
    "diag.E245.twice.help": Msg("各イベントは一度だけ書いてください：`{fix}`", "name each event once: `{fix}`"),
    "diag.E245.not_due": Msg(
        "クロック `{clock}` は `{event}` で期限を保留し、同じイベントで保留を終えます",
        "clock `{clock}` is not due at `{event}` until the same event",
    ),
    "diag.E245.not_due.help": Msg(
        "保留を終えるイベントを指定してください（例：`{kw_until_replied}`）",
        "name the event that ends the hold, e.g. `{kw_until_replied}`",
    ),
    "diag.E245.not_due.help.drop": Msg(
        "`{kw_until}` から `{event}` を外してください。ほかのイベントのうち最初に起きたもので保留が終わります：`{fix}`",
        "take `{event}` out of `{kw_until}`: the hold ends at whichever of the others comes first: `{fix}`",
    ),
    "diag.E245.not_due.twice": Msg(
        "クロック `{clock}` の `{at}` での期限の保留は、保留を終えるイベント `{event}` を二度書いています",
        "clock `{clock}` names `{event}` twice among the events that end its hold at `{at}`",
    ),
    # a not-due line on a clock whose update or day-based target is not judged with holds
    "diag.E226": Msg(
        "クロック `{clock}` の期限の保留は、このクロックで測る `{kind}` の目標（{line} 行目）には適用できません。"
        "保留は判定されません",
        "clock `{clock}` holds its deadlines back, which the `{kind}` target on it (line {line}) is not judged "
        "with: the hold would not be judged",
    ),
    "diag.E226.help": Msg(
        "`{kind}` の目標は保留のない別のクロックで測るか、この `{kw_not_due_at}` の行を外してください",
        "measure the `{kind}` target on another clock without a hold, or take this `{kw_not_due_at}` line out",
    ),
    "diag.E221": Msg(
        "クロック `{clock}` は `{event}` での一時停止を二度定めています",
        "clock `{clock}` pauses at `{event}` twice",
    ),
    "diag.E221.pause_twice.help": Msg(
        "一時停止は一行にまとめてください（最初の行は{line}行目です）。再開させるイベントを並べると、"
        "そのうち最初に起きたもので再開します：`{fix}`",
        "write the pause as one line (the first is on line {line}): with the events that resume it listed, "
        "it resumes at whichever comes first: `{fix}`",
    ),
    "diag.E221.stop_reset": Msg(
        "クロック `{clock}` は `{event}` で停止とリセットの両方を定めています。リセットが先に働くため、"
        "このイベントで停止することはありません",
        "clock `{clock}` both stops and resets at `{event}`: the reset is applied first, so the clock never "
        "stops there",
    ),
    "diag.E221.stop_reset.help": Msg(
        "`{event}` は `{kw_stops_at}` と `{kw_resets_at}` のどちらか一方にだけ書いてください"
        "（停止はクロックを終わらせ、リセットはゼロから数え直させます）",
        "name `{event}` in one of `{kw_stops_at}` and `{kw_resets_at}`: a stop ends the clock for good, "
        "a reset starts it again from zero",
    ),
    "diag.E221.pause_stop": Msg(
        "クロック `{clock}` は `{event}` で一時停止しますが、同じイベントで停止もします。停止が先に働くため、"
        "この一時停止は働きません",
        "clock `{clock}` pauses at `{event}`, which also stops it: the stop is applied first, so the pause never acts",
    ),
    "diag.E221.pause_stop.help": Msg(
        "一時停止には別のイベントを指定するか、`{kw_stops_at}` から `{event}` を外してください",
        "pause at another event, or take `{event}` out of `{kw_stops_at}`",
    ),
    "diag.E221.pause_reset": Msg(
        "クロック `{clock}` は `{event}` で一時停止しますが、同じイベントでリセットもします。リセットが先に"
        "働くため、この一時停止は働きません",
        "clock `{clock}` pauses at `{event}`, which also resets it: the reset is applied first, so the pause "
        "never acts",
    ),
    "diag.E221.pause_reset.help": Msg(
        "一時停止には別のイベントを指定するか、`{kw_resets_at}` から `{event}` を外してください",
        "pause at another event, or take `{event}` out of `{kw_resets_at}`",
    ),
    "diag.E221.restart_reset": Msg(
        "クロック `{clock}` は `{event}` でリセットと再始動の両方を定めています。リセットが先に働くため、"
        "この再始動は働きません",
        "clock `{clock}` both resets and restarts at `{event}`: the reset is applied first, so the restart never acts",
    ),
    "diag.E221.restart_reset.help": Msg(
        "`{event}` は `{kw_resets_at}` と `{kw_restarts_at}` のどちらか一方にだけ書いてください"
        "（リセットはいつでもゼロから数え直させ、再始動は停止した後にだけ働きます）",
        "name `{event}` in one of `{kw_resets_at}` and `{kw_restarts_at}`: a reset starts the clock again "
        "from zero whenever it comes, a restart only once the clock has stopped",
    ),
    "diag.E221.stop_restart": Msg(
        "クロック `{clock}` は `{event}` で停止と再始動の両方を定めています。動いているクロックはそのたびに止まり、"
        "止まっているクロックはそのたびに再始動するため、どちらの行も書いたとおりには働きません",
        "clock `{clock}` both stops and restarts at `{event}`: each one stops a running clock and restarts a "
        "stopped one, so neither line acts as written",
    ),
    "diag.E221.stop_restart.help": Msg(
        "`{event}` は `{kw_stops_at}` と `{kw_restarts_at}` のどちらか一方にだけ書き、もう一方には別のイベントを"
        "書いてください（たとえば、回答で止め、お客様の返信で再始動します）",
        "name `{event}` in one of `{kw_stops_at}` and `{kw_restarts_at}` and another event in the other (stop at "
        "the answer, restart at the customer's reply)",
    ),
    "diag.E221.restart_never": Msg(
        "クロック `{clock}` は `{event}` で再始動しますが、`{kw_stops_at}` がありません。クロックを止めるのは"
        "案件の完了だけで、完了した案件は何も測らないため、この再始動は働きません",
        "clock `{clock}` restarts at `{event}` but has no `{kw_stops_at}`: only the incident's completion "
        "stops it, and a completed incident measures nothing, so the restart never acts",
    ),
    "diag.E221.restart_never.help": Msg(
        "クロックを止めるイベントを `{kw_stops_at}` で指定してください（例：`{kw_stops_example}`）",
        "say which event stops the clock with `{kw_stops_at}`, e.g. `{kw_stops_example}`",
    ),
    "diag.E221.cancel_stop": Msg(
        "クロック `{clock}` は `{event}` で停止と取り消しの両方を定めています。取り消しが先に働くため、"
        "このイベントで停止して目標を判定することはありません",
        "clock `{clock}` both stops and cancels at `{event}`: the cancel is applied first, so the clock never "
        "stops there to have its targets judged",
    ),
    "diag.E221.cancel_stop.help": Msg(
        "`{event}` は `{kw_stops_at}` と `{kw_cancels_at}` のどちらか一方にだけ書いてください"
        "（停止では目標の達成・未達を判定し、取り消しでは判定せずに目標を取り下げます）",
        "name `{event}` in one of `{kw_stops_at}` and `{kw_cancels_at}`: a stop has the targets judged (met "
        "or breached), a cancel withdraws them unjudged",
    ),
    "diag.E221.cancel_reset": Msg(
        "クロック `{clock}` は `{event}` でリセットと取り消しの両方を定めています。リセットが先に働くため、"
        "この取り消しは働きません",
        "clock `{clock}` both resets and cancels at `{event}`: the reset is applied first, so the cancel never acts",
    ),
    "diag.E221.cancel_reset.help": Msg(
        "`{event}` は `{kw_resets_at}` と `{kw_cancels_at}` のどちらか一方にだけ書いてください"
        "（リセットはゼロから数え直させ、取り消しは目標を取り下げます）",
        "name `{event}` in one of `{kw_resets_at}` and `{kw_cancels_at}`: a reset starts the clock again from "
        "zero, a cancel withdraws its targets",
    ),
    "diag.E221.pause_cancel": Msg(
        "クロック `{clock}` は `{event}` で一時停止しますが、同じイベントで取り消しもします。取り消しが先に"
        "働くため、この一時停止は働きません",
        "clock `{clock}` pauses at `{event}`, which also cancels it: the cancel is applied first, so the pause "
        "never acts",
    ),
    "diag.E221.pause_cancel.help": Msg(
        "一時停止には別のイベントを指定するか、`{kw_cancels_at}` から `{event}` を外してください",
        "pause at another event, or take `{event}` out of `{kw_cancels_at}`",
    ),
    "diag.E221.report": Msg(
        "クロック `{clock}` の `{keyword}` が `{kw_reported}` を指定しています。報告は各案件の最初のイベントで、"
        "クロックの開始と同時かそれより前に来るため、この指定は働きません",
        "clock `{clock}` names `{kw_reported}` in `{keyword}`: the report is each incident's first event and "
        "comes at or before the clock's start, so this never acts",
    ),
    # `not due at A until B` (the clock counts on, its deadlines held back) against the clock's other lines
    "diag.E221.not_due_pause": Msg(
        "クロック `{clock}` は `{event}` で一時停止と期限の保留の両方を定めています。一時停止は計測を止め、"
        "保留は計測を続けたまま期限を適用しないため、このイベントの意味が定まりません",
        "clock `{clock}` both pauses and holds its deadlines at `{event}`: a pause stops the counting, a hold "
        "keeps counting and applies no deadline, so the event would mean both",
    ),
    "diag.E221.not_due_pause.help": Msg(
        "`{event}` は `{kw_pauses_at}` の行と `{kw_not_due_at}` の行のどちらか一方にだけ書いてください"
        "（止めた時間を期限に足すなら一時停止、期限だけを外すなら保留です）",
        "name `{event}` in either the `{kw_pauses_at}` line or the `{kw_not_due_at}` line: pause to add the "
        "time to the deadline, hold to only keep the deadline from applying",
    ),
    "diag.E221.not_due_stops": Msg(
        "クロック `{clock}` は `{event}` で期限を保留しますが、同じイベントで停止もします。停止が先に働くため、"
        "この保留は働きません",
        "clock `{clock}` is not due at `{event}`, which also stops it: the stop is applied first, so the hold "
        "never acts",
    ),
    "diag.E221.not_due_stops.help": Msg(
        "保留には別のイベントを指定するか、`{kw_stops_at}` から `{event}` を外してください",
        "hold at another event, or take `{event}` out of `{kw_stops_at}`",
    ),
    "diag.E221.not_due_resets": Msg(
        "クロック `{clock}` は `{event}` で期限を保留しますが、同じイベントでリセットもします。リセットが先に"
        "働くため、この保留は働きません",
        "clock `{clock}` is not due at `{event}`, which also resets it: the reset is applied first, so the hold "
        "never acts",
    ),
    "diag.E221.not_due_resets.help": Msg(
        "保留には別のイベントを指定するか、`{kw_resets_at}` から `{event}` を外してください",
        "hold at another event, or take `{event}` out of `{kw_resets_at}`",
    ),
    "diag.E221.not_due_cancels": Msg(
        "クロック `{clock}` は `{event}` で期限を保留しますが、同じイベントで取り消しもします。取り消しが先に"
        "働くため、この保留は働きません",
        "clock `{clock}` is not due at `{event}`, which also cancels it: the cancel is applied first, so the "
        "hold never acts",
    ),
    "diag.E221.not_due_cancels.help": Msg(
        "保留には別のイベントを指定するか、`{kw_cancels_at}` から `{event}` を外してください",
        "hold at another event, or take `{event}` out of `{kw_cancels_at}`",
    ),
    "diag.E221.report.help": Msg(
        "クロックの開始より後に来るイベントを指定してください（例：`{kw_replied}`）",
        "name an event that comes after the clock starts, e.g. `{kw_replied}`",
    ),
    "diag.E223.start": Msg(
        "クロック `{clock}` が始まるのは {events} だけですが、優先度 `{priority}` は同じイベントで案件を完了します"
        "（{line}行目の `{kw_complete_on}`）。クロックは始まると同時に止まり、その時間は数えられないため、"
        "判定されません",
        "clock `{clock}` starts only at {events}, where priority `{priority}` completes the incident "
        "(`{kw_complete_on}`, line {line}): the clock stops as it starts and its time never counts; it would not "
        "be judged",
    ),
    "diag.E223.pause": Msg(
        "クロック `{clock}` は `{event}` で一時停止しますが、優先度 `{priority}` は同じイベントで案件を完了します"
        "（{line}行目の `{kw_complete_on}`）。一時停止は案件の終わりと同時に始まり、`{kw_until}` は働かないため、"
        "判定されません",
        "clock `{clock}` pauses at `{event}`, where priority `{priority}` completes the incident "
        "(`{kw_complete_on}`, line {line}): the pause begins as the incident ends, so its `{kw_until}` never acts; "
        "it would not be judged",
    ),
    "diag.E223.until": Msg(
        "クロック `{clock}` は `{event}` で一時停止から再開しますが、優先度 `{priority}` は同じイベントで案件を"
        "完了します（{line}行目の `{kw_complete_on}`）。クロックは再開と同時に止まるため、この再開は働きません",
        "clock `{clock}` resumes at `{event}`, where priority `{priority}` completes the incident "
        "(`{kw_complete_on}`, line {line}): the clock stops as it resumes, so this never acts",
    ),
    "diag.E223.until.help": Msg(
        "`{kw_until}` から `{event}` を外してください（一時停止中のクロックも、案件の完了で止まります）",
        "take `{event}` out of `{kw_until}`: the completion stops the paused clock there anyway",
    ),
    "diag.E223.restart": Msg(
        "クロック `{clock}` は `{event}` で再始動しますが、優先度 `{priority}` は同じイベントで案件を完了します"
        "（{line}行目の `{kw_complete_on}`）。新しい計測は始まると同時に終わるため、この再始動は働きません",
        "clock `{clock}` restarts at `{event}`, where priority `{priority}` completes the incident "
        "(`{kw_complete_on}`, line {line}): the new cycle ends as it begins, so the restart never acts",
    ),
    "diag.E223.reset": Msg(
        "クロック `{clock}` は `{event}` でリセットしますが、優先度 `{priority}` は同じイベントで案件を完了します"
        "（{line}行目の `{kw_complete_on}`）。新しい計測は始まると同時に終わるため、目標はそれまでに数えた時間"
        "ではなく、この空の計測（使った時間0分）で判定されます",
        "clock `{clock}` resets at `{event}`, where priority `{priority}` completes the incident "
        "(`{kw_complete_on}`, line {line}): the new cycle ends as it begins, so its targets would be judged on "
        "that empty cycle (0 minutes used) instead of the time counted before it",
    ),
    "diag.E223.reset.help": Msg(
        "`{kw_resets_at}` から `{event}` を外してください。目標は、案件の完了までにクロックが数えた時間で判定されます",
        "take `{event}` out of `{kw_resets_at}`: its targets are then judged on the time the clock counted up to "
        "the incident's completion",
    ),
    "diag.E223.restart_stopped": Msg(
        "クロック `{clock}` は停止した後 `{event}` で再始動しますが、止まるのは {stops} だけで、優先度 "
        "`{priority}` はそこで案件を完了します（{line}行目の `{kw_complete_on}`）。完了した案件は何も測らない"
        "ため、この再始動は働きません",
        "clock `{clock}` restarts at `{event}` once stopped, but it stops only at {stops}, where priority "
        "`{priority}` completes the incident (`{kw_complete_on}`, line {line}): a completed incident measures "
        "nothing, so the restart never acts",
    ),
    "diag.E223.restart_stopped.help": Msg(
        "案件の完了を後のイベントにするか（`{kw_complete_on}` にクロックの停止より後のイベントを書きます）、"
        "案件の完了より前に来るイベントでクロックを止めてください。再始動が働くのは案件が完了する前だけです",
        "complete the incident at a later event than the clock's stop (`{kw_complete_on}`), or stop the clock at "
        "an event that comes before the incident completes: a restart acts only while the incident is open",
    ),
    "diag.E223.help.stop": Msg(
        "クロックが止まるイベントで案件を完了させるか（`{kw_complete_on} {stop}`）、案件の完了より前に来る"
        "イベントを指定してください",
        "complete the incident where the clock stops instead, `{kw_complete_on} {stop}`, or name an event that "
        "comes before the incident completes",
    ),
    "diag.E223.help": Msg(
        "案件の完了より前に来るイベントを指定するか、案件の完了を後のイベントにしてください",
        "name an event that comes before the incident completes, or complete it at a later event",
    ),
    "diag.E246": Msg(
        "優先度 `{priority}` に、クロック `{clock}` で測る `{kind}` の目標が二つあります",
        "priority `{priority}` has two `{kind}` targets on clock `{clock}`",
    ),
    "diag.W240": Msg("クロック `{clock}` を使う目標がありません", "clock `{clock}` is not used by any target"),
    "diag.W240.help": Msg(
        "このクロックで目標を測ってください（例：`{example}`）", "measure a target on it, e.g. `{example}`"
    ),
    # values
    "diag.E203": Msg("`{time}` は時刻ではありません", "`{time}` is not a time of day"),
    "diag.E203.help": Msg(
        "時刻は00:00から24:00までです（24:00はその日の終わり）",
        "times run from 00:00 to 24:00 (24:00 is the end of the day)",
    ),
    "diag.E208": Msg("`{name}` というイベントの種類はありません", "unknown event type `{name}`"),
    "diag.E208.help": Msg("イベントの種類は{types}です", "event types are {types}"),
    "diag.E208.help.declare": Msg(
        "先に `{example}` で宣言してください。イベントの種類は{types}です",
        "declare it first: `{example}`; event types are {types}",
    ),
    "diag.E208.help.declare_or": Msg(
        "`{near}` の誤りではありませんか？独自の種類なら、先に `{example}` で宣言してください",
        "did you mean `{near}`? A type of the policy's own is declared first: `{example}`",
    ),
    "diag.E209": Msg("`{date}` は正しい日付ではありません", "`{date}` is not a valid date"),
    "diag.E209.help": Msg("実在する日付を `{kw_date}` の形で書いてください", "write a real date as {kw_date}"),
    "diag.E209.month_day": Msg("`{date}` は正しい月日ではありません", "`{date}` is not a valid month and day"),
    "diag.E209.month_day.help": Msg(
        "`{kw_month_day}` の形で書いてください（例：`{kw_month_day_example}`）",
        "write {kw_month_day}, e.g. {kw_month_day_example}",
    ),
    "diag.E209.day": Msg("`{day}` 日という日はありません", "day `{day}` is not a day of a month"),
    "diag.E209.day.help": Msg(
        "1から31まで、または `{kw_last_day}` と書いてください", "write 1 to 31, or `{kw_last_day}`"
    ),
    "diag.E210": Msg("`{word}` という曜日はありません", "unknown weekday `{word}`"),
    "diag.E210.help": Msg("`{weekday}` と書いてください。曜日は{days}です", "write `{weekday}`; weekdays are {days}"),
    "diag.E210.help_near": Msg(
        "`{near}` の誤りではありませんか？曜日は{days}です", "did you mean `{near}`? weekdays are {days}"
    ),
    "diag.E210.help_none": Msg("曜日は{days}です", "weekdays are {days}"),
    # a month of `holiday yearly 4th thu of nov`
    "diag.E210.month": Msg("`{word}` という月はありません", "unknown month `{word}`"),
    "diag.E210.month.help": Msg("`{month}` と書いてください。月は{months}です", "write `{month}`; months are {months}"),
    "diag.E210.month.help_near": Msg(
        "`{near}` の誤りではありませんか？月は{months}です", "did you mean `{near}`? months are {months}"
    ),
    "diag.E210.month.help_none": Msg("月は{months}です", "months are {months}"),
    # the languages a policy declares
    "diag.E260": Msg("`{code}` という言語は扱えません", "unknown language `{code}`"),
    # {fix}: the author's `languages` line without the unknown code (sla_dsl.lang.languages.written_languages)
    "diag.E260.help": Msg(
        "書ける言語は `ja`（日本語）と `en`（英語）です。`{fix}` と書いてください（最初の言語が主言語です）",
        "the languages are `ja` (Japanese) and `en` (English): write `{fix}` (the first is the primary language)",
    ),
    "diag.E260.help_near": Msg(
        "{hint}書ける言語は `ja`（日本語）と `en`（英語）です。`{fix}` と書いてください（最初の言語が主言語です）",
        "{hint}; the languages are `ja` (Japanese) and `en` (English): write `{fix}` "
        "(the first is the primary language)",
    ),
    "diag.E261": Msg("言語 `{code}` が二度書かれています", "language `{code}` is listed twice"),
    "diag.E261.help": Msg("各言語は一度だけ書いてください", "list each language once"),
    "diag.E262": Msg(
        "この文は、ポリシーが宣言する言語 `{lang}` で空です",
        "this text is empty in `{lang}`, a language the policy declares",
    ),
    "diag.E262.help": Msg(
        "宣言したすべての言語で書いてください：`{kw_pair}`", "write the text in every declared language: {kw_pair}"
    ),
    "diag.E263": Msg(
        "ポリシーは `{kw_en}` を宣言していますが、この文には英語版がありません",
        "this text has no English version, and the policy declares `{kw_en}`",
    ),
    "diag.E263.help": Msg("日本語と英語の組で書いてください：`{kw_pair}`", "write it as a pair: {kw_pair}"),
    "diag.E264": Msg("日本語と英語が逆になっています", "the Japanese and English texts are the wrong way round"),
    "diag.E264.help": Msg("日本語を先にして `{fix}` と書いてください", "write the Japanese first: `{fix}`"),
    # a declaration without a statement it needs, or with one twice
    "diag.E211.header": Msg("`{kw_sla}` ヘッダーに `{field}` がありません", "the `{kw_sla}` header has no `{field}`"),
    "diag.E211.header.help": Msg("ヘッダーに `{example}` を書いてください", "add `{example}` to the header"),
    "diag.E211.service": Msg(
        "サービス `{name}` に稼働時間の指定がありません", "service `{name}` does not say its hours"
    ),
    "diag.E211.service.help": Msg(
        "`{kw_hours_business}` や `{kw_hours_always}` などを書いてください",
        "add e.g. `{kw_hours_business}` or `{kw_hours_always}`",
    ),
    "diag.E211.planned": Msg(
        "計画停止の規定に事前通知の指定がありません", "the planned-stop rule does not say its notice"
    ),
    "diag.E211.planned.help": Msg("`{kw_notice_example}` などを書いてください", "add e.g. `{kw_notice_example}`"),
    "diag.E211.maintenance": Msg(
        "定期メンテナンス `{name}` に実施日時の指定がありません", "maintenance `{name}` does not say when it happens"
    ),
    "diag.E211.maintenance.help": Msg("`{kw_every_month}` などを書いてください", "add e.g. `{kw_every_month}`"),
    "diag.E211.maintenance_calendar": Msg(
        "定期メンテナンス `{name}` は営業日でない日を避けて移りますが、カレンダーを指定していません",
        "maintenance `{name}` moves off non-business days but names no calendar",
    ),
    "diag.E211.maintenance_calendar.help": Msg(
        "`{example}` のように、営業日を数えるカレンダーを書いてください（定義済みのカレンダー：{known}）",
        "add the calendar whose business days count, such as `{example}`; calendars here: {known}",
    ),
    "diag.E211.maintenance_calendar.help_unknown": Msg(
        "営業日を数えるカレンダーを、このポリシーで定義した名前で `calendar 名前` と書いてください"
        "（カレンダーがなければ `calendar business {{ days mon..fri }}` のように定義します）",
        "add `calendar NAME`, naming the calendar of this policy whose business days count "
        "(declare one if it has none: `calendar business {{ days mon..fri }}`)",
    ),
    "diag.E211.clock": Msg(
        "クロック `{name}` に開始させるイベントの指定がありません", "clock `{name}` does not say which event starts it"
    ),
    "diag.E211.clock.help": Msg("`{kw_starts_example}` などを書いてください", "add e.g. `{kw_starts_example}`"),
    "diag.E211.priority": Msg("優先度 `{name}` に応答目標がありません", "priority `{name}` has no response target"),
    "diag.E211.priority.help": Msg("`{kw_respond_example}` などを書いてください", "add e.g. `{kw_respond_example}`"),
    "diag.E211.notify": Msg("通知 `{name}` に{what}がありません", "notification `{name}` has no {what}"),
    "diag.E211.notify.help": Msg(
        "通知には `{kw_notify_within}` と `{kw_met_by}` が必要です",
        "a notification needs `{kw_notify_within}` and `{kw_met_by}`",
    ),
    "diag.E211.backup": Msg(
        "バックアップ `{name}` に取得する頻度の指定がありません", "backup `{name}` does not say how often it is taken"
    ),
    "diag.E211.backup.help": Msg(
        "`{kw_every_day}` または `{kw_continuous}` を書いてください", "add `{kw_every_day}` or `{kw_continuous}`"
    ),
    "diag.E212": Msg("{what}がこのブロックに二度書かれています", "{what} is given twice in this block"),
    "diag.E212.what.availability": Msg(
        "`{kw_when}` のない `{kw_availability_target}` ", "`{kw_availability_target}` without `{kw_when}`"
    ),
    "diag.E212.what.response": Msg("応答目標", "the response target"),
    "diag.E212.credit": Msg(
        "{line}行目の `{kw_availability_target}` に二つ目の `{kw_credit}` 行があります",
        "the `{kw_availability_target}` on line {line} has a second `{kw_credit}` line",
    ),
    "diag.E212.credit.help": Msg(
        "一つの目標の段階はすべて一つの `{kw_credit}` 行に書いてください（例：`{example}`。"
        "最初の行は{line}行目にあります）",
        "write every tier of one target on one `{kw_credit}` line, e.g. `{example}`; the first is on line {line}",
    ),
    "diag.E212.risk.help": Msg(
        "警告の割合はすべて一つの行に書いてください：`{example}`（最初の行は{line}行目にあります）",
        "write every threshold on one line: `{example}`; the first is on line {line}",
    ),
    "diag.E212.when.help": Msg(
        "条件を `{kw_and}` でつないで一つにしてください（最初の `{kw_when}` は{line}行目にあります）",
        "join the tests with `{kw_and}`; the first `{kw_when}` is on line {line}",
    ),
    # rules the language accepts but the evaluator would not judge
    "diag.E220.planned_stop": Msg(
        "二つ目の計画停止の規定 `{name}` は判定されません（判定されるのは最初の規定 `{first}` だけです）",
        "a second planned-stop rule `{name}`: only the first one ({first}) is judged; it would not be judged",
    ),
    "diag.E220.planned_stop.help": Msg(
        "計画停止の通知の規定はすべて一つの `{kw_planned_stop}` ブロックに書いてください",
        "put every notice rule of planned stops in one `{kw_planned_stop}` block",
    ),
    "diag.E220.notice": Msg(
        "`{notice}` は判定されません。開始日より前の通知は、カレンダー上の経過日・週・月の整数で数えます",
        "`{notice}`: a notice before the start date is counted in whole elapsed days, weeks or months of the "
        "calendar; it would not be judged",
    ),
    "diag.E220.notice.help": Msg(
        "`{kw_notice_days}` などと書くか、開始時刻から `{notice_start}` で数えてください",
        "write e.g. `{kw_notice_days}`, or count from the start instant with `{notice_start}`",
    ),
    "diag.E220.notify_records": Msg(
        "通知の目標 `{name}` は `{after}` で始まり、別の種類の記録のイベント `{met_by}` で達成されるため、"
        "判定されません",
        "notification target `{name}` starts on `{after}` but is met by `{met_by}`, an event of another kind "
        "of record; it would not be judged",
    ),
    "diag.E220.notify_records.help": Msg(
        "一つの記録のイベントで始めて達成してください（例：`{kw_after_recognized}` と `{kw_met_by}`）",
        "start and meet it on events of one record, e.g. `{kw_after_recognized}` and `{kw_met_by}`",
    ),
    "diag.E220.notify_event": Msg(
        "通知の目標 `{name}` は `{after}` で始まるため、判定されません（判定されるのは `{kw_outage_any}` か "
        "`{kw_incident_any}` のイベントで始まる目標だけです）",
        "notification target `{name}` starts on `{after}`: only targets after an `{kw_outage_any}` or "
        "`{kw_incident_any}` event are judged; it would not be judged",
    ),
    "diag.E220.notify_event.help": Msg(
        "障害か案件のイベントで目標を始めてください（例：`{kw_after_recognized}`）",
        "start the target on an outage or incident event, e.g. `{kw_after_recognized}`",
    ),
    "diag.E220.backup": Msg(
        "バックアップ `{kind}` の `{every}` ごとの取得は判定されません。バックアップは、1日を割り切る時間数"
        "（1、2、3、4、6、8、12、24時間）の枠ごとか、日・週・月単位の経過ごとに判定します",
        "backup `{kind}` every `{every}`: backups are judged in windows of N hours that divide a day "
        "(1, 2, 3, 4, 6, 8, 12 or 24), or every N elapsed days, weeks or months; it would not be judged",
    ),
    "diag.E220.backup.help": Msg(
        "`{kw_every_hours}` や `{kw_every_day}` などと書いてください",
        "write e.g. `{kw_every_hours}` or `{kw_every_day}`",
    ),
    "diag.E220.maintenance_notice": Msg(
        "定期メンテナンス `{name}` の通知 `{lead}` は判定されません。メンテナンスの枠を知らせるイベントがログに"
        "ないためです",
        "maintenance `{name}` needs notice `{lead}`: no event of the log announces a maintenance window; "
        "it would not be judged",
    ),
    "diag.E220.maintenance_notice.help": Msg(
        "`{kw_notice_none}` と書いてください。通知の要る停止は計画停止として `{kw_stop_announced}` で知らせると、"
        "その通知が判定されます",
        "write `{kw_notice_none}`; a stop that needs notice, announced as a planned stop with "
        "`{kw_stop_announced}`, has its notice judged",
    ),
    "diag.E220.response_start": Msg(
        "応答のクロック `{clock}` の開始イベントに `{kw_reported}` がないため、判定されません（応答の目標は、"
        "開始イベントがないとき報告の時刻から数えます）",
        "response clock `{clock}` does not start at `{kw_reported}`: the response target counts from the "
        "report when none of its start events came; it would not be judged",
    ),
    "diag.E220.response_start.help": Msg(
        "最後の候補として報告を加えてください（例：`{starts}, else {kw_reported}`）",
        "add the report as the last fallback, e.g. `{starts}, else {kw_reported}`",
    ),
    "diag.E220.continuous": Msg(
        "逐次バックアップ `{kind}` は、保存場所も保存期間も定めていないため、判定されません"
        "（途切れたことを示すイベントはログにありません）",
        "continuous backup `{kind}` says neither where it is kept nor for how long, and no event of the log "
        "says continuity broke; it would not be judged",
    ),
    "diag.E220.continuous.help": Msg(
        "`{kw_other_zone}`（各バックアップの保存ゾーンを判定します）か `{kw_keep}` を加えてください",
        "add `{kw_other_zone}` (each backup's zone is judged) or `{kw_keep}`",
    ),
    "diag.E220.silence": Msg(
        "優先度 `{priority}` の二つ目の無応答による完了は判定されません（判定されるのは {line} 行目の一つ目だけです）",
        "a second completion by silence in priority `{priority}`: only the first one (line {line}) is judged; "
        "it would not be judged",
    ),
    "diag.E220.silence.help": Msg("無応答による完了は一つにしてください", "keep one completion by silence"),
    "diag.E220.completion_event": Msg(
        "優先度 `{priority}` の完了の規則が指定する `{event}` は案件のイベントではないため、判定されません"
        "（案件を完了させるのは `{kw_incident_any}` のイベントだけです）",
        "the completion rule of priority `{priority}` names `{event}`, not an incident event: only "
        "`{kw_incident_any}` events complete an incident; it would not be judged",
    ),
    "diag.E220.completion_event.help": Msg(
        "案件のイベント（例：`{kw_resolved}`）か、ポリシーで宣言した `{kw_incident_any}` の種類"
        "（`{kw_event_decl}`）を指定してください",
        "name an incident event, e.g. `{kw_resolved}`, or an `{kw_incident_any}` type the policy declares "
        "(`{kw_event_decl}`)",
    ),
    "diag.E220.silence_same": Msg(
        "優先度 `{priority}` の無応答による完了は、`{event}` の後に同じ `{event}` がないことを待ちます。"
        "同じイベントは待ちを打ち切らずに最初から数え直させるため、`{kw_without}` は判定されません",
        "the completion by silence of priority `{priority}` waits after `{event}` without `{event}`: the same "
        "event starts the wait again instead of ending it, so `{kw_without}` is never applied; it would not be "
        "judged",
    ),
    "diag.E220.silence_same.help": Msg(
        "`{kw_without}` には待ちを打ち切るイベントを指定してください（例：`{kw_silence_example}`）",
        "name in `{kw_without}` the event that ends the wait, e.g. `{kw_silence_example}`",
    ),
    # calendars as declared
    "diag.E202": Msg("営業時間の範囲 `{a}` と `{b}` が重なっています", "hour ranges `{a}` and `{b}` overlap"),
    "diag.E202.next_day": Msg(
        "営業時間の範囲 `{a}` と翌日の `{b}` が重なっています", "hour ranges `{a}` and the next day's `{b}` overlap"
    ),
    # two `hours` lines that name one weekday (`hours mon..sat 09:00-18:00`, `hours sat 10:00-14:00`): the
    # later one read as replacing the earlier one's hours ({days}: the weekdays both name; {line}: the line
    # naming more weekdays; {fix}: it without those)
    "diag.E202.help.two_lines": Msg(
        "`{days}` は {first} 行目と {second} 行目の `hours` の両方にあります。同じ曜日を書いた行の時間帯は"
        "足し合わされ、後の行で置き換わることはありません。{line} 行目を `{fix}` と書いてください",
        "`{days}` is on both `hours` lines {first} and {second}: the hours of lines naming one weekday are "
        "added together, a later line does not replace them; write line {line} as `{fix}`",
    ),
    "diag.E202.help": Msg(
        "営業時間は重ならない範囲で書きます。一つにまとめるか、どちらかをずらしてください"
        "（終わりが始まりより早い範囲は、夜をまたいで翌日まで続きます）",
        "business hours are separate ranges; merge them or move one (a range whose end is earlier than its "
        "start runs overnight into the next day)",
    ),
    "diag.E231": Msg(
        "カレンダー `{name}`：{days}の営業時間がありますが、`{kw_days}` はその曜日を営業日にしていません",
        "calendar `{name}`: hours for {days}, which `{kw_days}` does not open",
    ),
    "diag.E231.help": Msg(
        "`{kw_days}` に{days}を加えるか、その営業時間を削除してください",
        "add {days} to `{kw_days}`, or remove those hours",
    ),
    "diag.W231": Msg(
        "カレンダー `{name}`：`{line}` はどの曜日にも当てはまりません", "calendar `{name}`: `{line}` applies to no day"
    ),
    "diag.W231.help": Msg(
        "営業日の曜日にはすべて専用の `{kw_hours}` 行があります。"
        "この行か、この行が当てはまるべき曜日の行を削除してください",
        "every open weekday has its own `{kw_hours}` line; remove this line or the weekday lines it should cover",
    ),
    "diag.E233": Msg(
        "カレンダー `{name}` は `{day}` を営業日にしていますが、営業時間がありません",
        "calendar `{name}` opens `{day}` but gives it no hours",
    ),
    "diag.E233.help": Msg(
        "`{example}`（その曜日の営業時間）を書くか、営業日すべてに `{kw_hours}` 行を書いてください",
        "add `{example}` (its hours), or an `{kw_hours}` line for every open day",
    ),
    "diag.E233.open": Msg(
        "カレンダー `{name}`：`{open}` は `{day}` を営業日にしますが、この曜日には営業時間がありません",
        "calendar `{name}`: `{open}` works a `{day}`, which has no hours",
    ),
    "diag.E233.open.help": Msg(
        "代わりにその日の営業時間を書いてください：`{example}`", "give the date its hours instead: `{example}`"
    ),
    "diag.E236": Msg(
        "カレンダー `{name}`：`{date}` の営業時間が二度書かれています",
        "calendar `{name}`: `{date}` is given hours twice",
    ),
    "diag.E236.help": Msg(
        "各日付の `{kw_hours}` 行は一つにしてください（最初のものは{line}行目にあります）",
        "give each date one `{kw_hours}` line (the first is on line {line})",
    ),
    "diag.W230": Msg(
        "カレンダー `{name}`：`{closed}` は、このカレンダーが営業しない日の時間を休業にしています",
        "calendar `{name}`: `{closed}` closes hours of a day the calendar does not open",
    ),
    "diag.W230.help": Msg(
        "日付を確かめてください。一部の時間の休業は、営業日の時間を減らすだけです",
        "check the date; a partial closure only removes hours of an open day",
    ),
    "diag.W232": Msg(
        "カレンダー `{name}`：祝日 `{date}` に名前が二度付けられています",
        "calendar `{name}`: holiday `{date}` is named twice",
    ),
    "diag.W232.help": Msg(
        "一つだけ残してください（最初のものは{line}行目にあります）", "keep one (the first is on line {line})"
    ),
    "diag.W232.yearly": Msg(
        "カレンダー `{name}`：毎年の祝日 `{rule}` に名前が二度付けられています",
        "calendar `{name}`: yearly holiday `{rule}` is named twice",
    ),
    "diag.W232.covered": Msg(
        "カレンダー `{name}`：祝日 `{date}` は、毎年の祝日 `{rule}` の日です",
        "calendar `{name}`: holiday `{date}` is the day of yearly holiday `{rule}`",
    ),
    "diag.W232.covered.help": Msg(
        "{line}行目の `holiday yearly {rule}` で毎年祝日になります。この行を削除してください"
        "（残すと、{date}の名前はこの行のものになります）",
        "`holiday yearly {rule}` on line {line} makes it a holiday every year: remove this line "
        "(if kept, {date} takes its name)",
    ),
    # declared event types and attributes
    "diag.E247": Msg("イベントの種類 `{name}` が二度宣言されています", "event type `{name}` is declared twice"),
    # (a contract type given the policy's words twice: `event incident.responded "…" / "…"` on two lines)
    "diag.E247.relabel": Msg(
        "契約のイベントの種類 `{name}` の名称が二度定められています",
        "the contract's event type `{name}` is given new words twice",
    ),
    "diag.W247": Msg(
        "イベントの種類 `{name}` は宣言されていますが、どの規定も使っていません",
        "event type `{name}` is declared but no rule names it",
    ),
    "diag.W247.help": Msg(
        "イベントログに含めることはできますが、何も判定されません。クロック・目標・完了・通知の規定で使うか、"
        "宣言を削除してください",
        "the event log may carry it, but nothing is judged on it: name it in a clock, target, completion or "
        "notify rule, or remove the declaration",
    ),
    "diag.E250": Msg("属性 `{name}` に値が一つもありません", "attribute `{name}` lists no values"),
    "diag.E250.help": Msg(
        "取りうる値を書いてください（例：`{kw_values_example}`）",
        "add the values it may take, e.g. `{kw_values_example}`",
    ),
    "diag.E250.twice": Msg(
        "属性 `{name}` の値 `{value}` が二度書かれています", "value `{value}` of attribute `{name}` is listed twice"
    ),
    "diag.E250.twice.help": Msg("各値は一度だけ書いてください", "list each value once"),
    "diag.E250.default": Msg(
        "属性 `{name}` の既定値 `{default}` は、その値の一つではありません",
        "the default `{default}` of attribute `{name}` is not one of its values",
    ),
    "diag.E250.default.help": Msg("{values}のいずれかを選んでください", "choose one of {values}"),
    # labels of attribute values (issue 16)
    "diag.W260": Msg(
        "属性 `{name}` の値 `{value}` に名称がありません。日本語のページには書かれたとおりに表示されます",
        "value `{value}` of attribute `{name}` has no label: a Japanese page shows it as written",
    ),
    "diag.W260.help": Msg(
        "名称を付けて一行に書いてください：`{example}`", "write it on a line of its own with its label: `{example}`"
    ),
    "diag.W261": Msg(
        "属性 `{name}` の値 `{first}` と `{value}` の名称が同じ `{text}` です",
        "values `{first}` and `{value}` of attribute `{name}` have the same label `{text}`",
    ),
    "diag.W261.help": Msg(
        "値ごとに異なる名称を付けてください。同じ名称では読み手が区別できません",
        "give each value a label of its own: a reader cannot tell them apart",
    ),
    "diag.E265": Msg(
        "属性 `{name}` の値 `{value}` が二度書かれ、名称が付けられています",
        "value `{value}` of attribute `{name}` is written twice, with a label",
    ),
    "diag.E265.help": Msg(
        "どちらか一方だけを残してください（{line}行目にも `{value}` があります）",
        "keep one of the two: line {line} writes `{value}` too",
    ),
    # the file and single values (E001, E2xx), rules that look wrong and computed checks (W2xx, E3xx, W3xx)
    **VALUE_DIAGNOSTICS,
    **RULE_DIAGNOSTICS,
    **INPUT_DIAGNOSTICS,
    **PEER_DIAGNOSTICS,
}
