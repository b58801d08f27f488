"""Catalogue section: the problems of an event log, E100-E130 (keys ``events.*``).

Design notes
------------
* A problem of an event line is read by the same people as a diagnostic of the
  policy, so it is written in the same language: ``--lang``, else the policy's
  primary one. Its English is the plain ``message`` and ``help`` of
  :class:`~sla_dsl.events.problems.Problem` (tools, the JSON report's ``skipped``
  and the 422 bodies of ``sla serve`` read it); the Japanese is written from the
  same entry and arguments (:class:`~sla_dsl.lang.diagnostics.Words`), so the two
  cannot drift apart.
* The English is exactly what the readers printed before this section (tests
  compare it).
* Fields hold what is never translated: the user's values, field and column
  names, examples to copy (``2026-11-02T10:00:00+09:00``, a shell command), and
  details an outside library or the system words (an OS error, a CSV error).
  Nested phrases that are translated ("a number", "priority") are entries of
  their own (``events.kind.*``, ``events.field.*``).
* The frame of a problem is the same in every language, as a policy
  diagnostic's: ``events.jsonl:3: error: [E102] …`` and ``  ヒント: …``, so the
  tools and editors that match ``file:line: error: [E1xx] …`` read both.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["EVENTS"]

#: ``events.<code or word>[.<variant>]``
EVENTS: dict[str, Msg] = {
    # where a problem is (events/problems.py)
    "events.where.row": Msg("{n} 行目", "row {n}"),
    "events.where.column": Msg("列 `{name}`", "column `{name}`"),
    "events.summary.line.one": Msg("不正なイベントが {n} 行あります", "{n} invalid event line"),
    "events.summary.line.other": Msg("不正なイベントが {n} 行あります", "{n} invalid event lines"),
    "events.summary.row.one": Msg("不正なイベントが {n} 行あります", "{n} invalid event row"),
    "events.summary.row.other": Msg("不正なイベントが {n} 行あります", "{n} invalid event rows"),
    "events.summary.by_code": Msg("{summary}（{codes}）", "{summary} ({codes})"),
    "events.summary.code": Msg("{code}：{n} 行", "{code} on {n}"),
    "events.summary.problems.one": Msg("問題が {n} 件あります", "{n} problem"),
    "events.summary.problems.other": Msg("問題が {n} 件あります", "{n} problems"),
    "events.summary.and_problems.one": Msg(
        "{summary}。ほかに問題が {n} 件あります", "{summary}, and {n} other problem"
    ),
    "events.summary.and_problems.other": Msg(
        "{summary}。ほかに問題が {n} 件あります", "{summary}, and {n} other problems"
    ),
    "events.summary.code.times": Msg("{code}：{n} 件", "{code}: {n}"),
    "events.join": Msg("{first}。{second}", "{first}; {second}"),
    # what a JSON value is (E101, E104, E106)
    "events.kind.null": Msg("`null` ", "null"),
    "events.kind.bool": Msg("真偽値", "a boolean"),
    "events.kind.number": Msg("数値", "a number"),
    "events.kind.string": Msg("文字列", "a string"),
    "events.kind.array": Msg("配列", "an array"),
    "events.kind.object": Msg("オブジェクト", "an object"),
    "events.kind.time": Msg("日時", "a time"),
    "events.kind.date": Msg("日付（時刻なし）", "a date without a time of day"),
    "events.kind.time_of_day": Msg("時刻（日付なし）", "a time of day without a date"),
    "events.kind.bytes": Msg("バイト列", "bytes"),
    "events.kind.duration": Msg("時間の長さ", "a duration"),
    "events.kind.other": Msg("型 {name} の値", "a value of type {name}"),
    # a log file that cannot be opened (and the system's words for why, which a report's output shares)
    "events.cannot_read": Msg("{name}: イベントを読めません：{detail}", "{name}: cannot read events: {detail}"),
    "events.lazy_failed": Msg(
        "{name}: `polars` の `LazyFrame` のクエリが失敗したため、イベントを読めません：{detail}",
        "{name}: cannot read events: the query of the polars `LazyFrame` failed: {detail}",
    ),
    "events.stdin_closed": Msg("標準入力が閉じています", "the standard input is closed"),
    "events.os.enoent": Msg("ファイルがありません", "No such file or directory"),
    "events.os.eacces": Msg("アクセスする権限がありません", "Permission denied"),
    "events.os.eisdir": Msg("ディレクトリです", "Is a directory"),
    "events.os.enotdir": Msg("パスの途中がディレクトリではありません", "Not a directory"),
    "events.os.eexist": Msg("同じ名前のファイルがあります", "File exists"),
    "events.os.enospc": Msg("ディスクに空きがありません", "No space left on device"),
    "events.os.edquot": Msg("ディスクの割り当て量を超えました", "Disk quota exceeded"),
    "events.os.efbig": Msg("ファイルが大きすぎます", "File too large"),
    "events.os.erofs": Msg("読み取り専用のファイルシステムです", "Read-only file system"),
    "events.os.eio": Msg("入出力エラーです", "Input/output error"),
    "events.os.eloop": Msg("シンボリックリンクが循環しています", "Too many levels of symbolic links"),
    "events.os.enametoolong": Msg("ファイル名が長すぎます", "File name too long"),
    "events.os.enxio": Msg("読み書きできる相手のないデバイスかソケットです", "No such device or address"),
    "events.os.ebadf": Msg("ファイル記述子が閉じているか、この向きには開かれていません", "Bad file descriptor"),
    "events.os.eperm": Msg("この操作は許可されていません", "Operation not permitted"),
    "events.os.espipe": Msg("パイプやソケットで、読む位置を移せません", "Illegal seek"),
    "events.os.emfile": Msg("開いているファイルが多すぎます", "Too many open files"),
    "events.os.enomem": Msg("メモリが足りません", "Cannot allocate memory"),
    "events.os.ebusy": Msg("ファイルかデバイスが使用中です", "Device or resource busy"),
    "events.os.einval": Msg("システムがこの操作を受け付けません", "Invalid argument"),
    "events.os.estale": Msg("ネットワークファイルシステム上のファイルが古くなっています", "Stale file handle"),
    "events.os.exdev": Msg("ファイルシステムをまたいで移せません", "Invalid cross-device link"),
    "events.os.enotempty": Msg("ディレクトリが空ではありません", "Directory not empty"),
    "events.os.other": Msg("システムのエラーです（{reason}）", "{reason}"),
    "events.os.stdout_closed": Msg("標準出力が閉じています", "the standard output is closed"),
    "events.no_tables": Msg(
        "{name}: ディレクトリに Parquet・Arrow のファイル（{patterns}）がありません",
        "{name}: no Parquet or Arrow files ({patterns}) in the directory",
    ),
    # E100: not JSON
    "events.E100.at": Msg(
        "JSON として読めません（{column} 文字目）：{detail}", "invalid JSON: {detail} at column {column}"
    ),
    "events.E100.plain": Msg("JSON として読めません：{detail}", "invalid JSON: {detail}"),
    "events.E100.repeated": Msg(
        "JSON のオブジェクトにキー `{key}` が 2 回以上あります", "key `{key}` is given more than once in one object"
    ),
    "events.E100.repeated.help": Msg(
        "キーは 1 つのオブジェクトに 1 回ずつ書いてください。どちらの値を取るべきか決められません",
        "give each key once: which of its values is meant cannot be told",
    ),
    "events.E100.array.help": Msg(
        "イベントログは 1 行に 1 つの JSON オブジェクトを書く `JSON Lines` です。JSON の配列や、複数の行に整形した"
        "オブジェクトではありません（例：{example}）",
        "an event log is JSON Lines, one JSON object per line: not a JSON array, nor objects pretty-printed over "
        "several lines (e.g. {example})",
    ),
    "events.E100.not_jsonl": Msg(
        "ここまでの {first} 行はどれも JSON ではなく、このログは `JSON Lines` ではないようです。"
        "ここで読み込みを止めました（読んでいない行があと {left} 行あります）",
        "the {first} lines so far are none of them JSON: the log does not seem to be JSON Lines; "
        "reading stopped here ({left} more lines not read)",
    ),
    "events.E100.not_jsonl.help": Msg(
        "イベントログは 1 行に 1 つの JSON オブジェクトを書く `JSON Lines` か、見出し行 `event,at,id,…` のある CSV"
        "（名前を `.csv` で終える）です",
        "an event log is JSON Lines, one JSON object per line, or CSV with a header row `event,at,id,…` "
        "(its name ending in `.csv`)",
    ),
    "events.E100.empty_body": Msg("リクエスト本文にイベントがありません", "no events in the request body"),
    "events.E100.empty_body.help": Msg(
        "1 行に 1 つの JSON オブジェクトを送ってください", "send one JSON object a line"
    ),
    # what orjson says about a line it refuses, by its words
    "events.json.literal": Msg("不正なリテラルです（{literal} が必要です）", "invalid literal, expected '{literal}'"),
    "events.json.end": Msg("データが途中で終わっています", "unexpected end of data"),
    "events.json.bom": Msg(
        "UTF-8 のバイト順マークはここでは使えません",
        "UTF-8 byte order mark (BOM) is not supported",
    ),
    "events.json.trailing_comma": Msg("末尾のカンマは使えません", "trailing comma is not allowed"),
    "events.json.colon": Msg(
        "予期しない文字です（キーの後には `:` が必要です）", "unexpected character, expected ':' after key"
    ),
    "events.json.comma": Msg(
        "予期しない文字です（`,` か {close} が必要です）", "unexpected character, expected ',' or {close}"
    ),
    "events.json.key": Msg(
        "予期しない文字です（文字列のキーが必要です）", "unexpected character, expected a string key"
    ),
    "events.json.value": Msg(
        "予期しない文字です（JSON の値が必要です）", "unexpected character, expected a JSON value"
    ),
    "events.json.after": Msg("値の後ろに余分な内容があります", "unexpected content after document"),
    "events.json.exponent": Msg("指数の符号の後に数字がありません", "no digit after exponent sign"),
    "events.json.sign": Msg("符号の後に数字がありません", "no digit after sign"),
    "events.json.point": Msg("小数点の後に数字がありません", "no digit after decimal point"),
    "events.json.escape": Msg("文字列のエスケープが不正です", "invalid escaped sequence in string"),
    "events.json.leading_zero": Msg("先頭が 0 の数は使えません", "number with leading zero is not allowed"),
    "events.json.control": Msg("文字列に制御文字があります", "unexpected control character in string"),
    "events.json.low_surrogate": Msg(
        "文字列の `\\ud800`〜`\\udbff` の後のエスケープが下位サロゲートではありません",
        "invalid low surrogate in string",
    ),
    "events.json.high_surrogate": Msg(
        "文字列の下位サロゲート（`\\udc00`〜`\\udfff`）の前に上位サロゲートがありません",
        "invalid high surrogate in string",
    ),
    "events.json.no_low_surrogate": Msg(
        "文字列の上位サロゲート（`\\ud800`〜`\\udbff`）の後に下位サロゲートがありません", "no low surrogate in string"
    ),
    "events.json.bad_escape": Msg("文字列のエスケープが不正です", "invalid escape in string"),
    "events.json.infinity": Msg(
        "数が大きすぎて、倍精度の浮動小数点数では無限大になります", "number is infinity when parsed as double"
    ),
    "events.json.depth": Msg("入れ子が深すぎます", "depth limit exceeded"),
    # (a line cut short inside arrays nested hundreds deep: `[[[[…` with no end)
    "events.json.memory": Msg("読むためのメモリを確保できません", "failed to allocate memory"),
    # E101-E109: a line that is JSON but not an event (events/validate.py)
    "events.E101": Msg("JSON オブジェクトが必要ですが、{kind}です", "expected a JSON object, found {kind}"),
    # an item of the API's list of events that is neither a dict nor an event model (events/reader.py)
    "events.E101.api": Msg(
        "イベントには辞書か `sla_dsl` のイベントのモデル（`sla_dsl.events.schema`）が必要ですが、`{name}` です",
        "expected an event as a dict or an event model of sla_dsl (`sla_dsl.events.schema`), found `{name}`",
    ),
    "events.E101.api.help": Msg(
        "フィールドを辞書にして渡してください：`{convert}`", "pass its fields as a dict: `{convert}`"
    ),
    "events.E102.event": Msg("フィールド `event` がありません", "missing field `event`"),
    "events.E102.field": Msg(
        "フィールド `{field}` がありません（`{event}` に必要です）", "missing field `{field}` (required for `{event}`)"
    ),
    "events.E102.base": Msg(
        "フィールド `{field}` がありません（どのイベントにも必要です）",
        "missing field `{field}` (required for every event)",
    ),
    "events.E102.help.close": Msg(
        "`{found}` がありますが、`{field}` の誤りではありませんか？", "found `{found}`: did you mean `{field}`?"
    ),
    "events.E102.help.no_column": Msg("表に列 `{name}` がありません", "the table has no column `{name}`"),
    "events.E103": Msg("イベント種別 `{name}` はありません", "unknown event type `{name}`"),
    "events.E103.help.declare": Msg(
        '独自の種別はポリシーで宣言してください：`event {name} "…" / "…"`',
        'a type of your own must be declared in the policy: `event {name} "…" / "…"`',
    ),
    "events.E103.help.declare_or": Msg("{declare}。または、{mean}", "{declare}; or {mean}"),
    "events.E103.help.known": Msg("使える種別：{known}", "known types: {known}"),
    "events.E103.help.known_declared": Msg(
        "使える種別：{known}。ポリシーが宣言した種別：{mine}", "known types: {known}; declared by the policy: {mine}"
    ),
    "events.E104.number": Msg(
        "`{field}` は数値で、ISO 8601 の時刻ではありません：`{value}`",
        "`{field}` is a number, not an ISO 8601 time: `{value}`",
    ),
    "events.E104.text": Msg(
        "`{field}` は ISO 8601 の時刻ではありません：`{value}`", "`{field}` is not an ISO 8601 time: `{value}`"
    ),
    "events.E104.kind": Msg(
        "`{field}` は時差の付いた ISO 8601 の時刻でなければなりませんが、{kind}です",
        "`{field}` must be an ISO 8601 time with a UTC offset, found {kind}",
    ),
    "events.E104.help": Msg(
        "時刻は時差の付いた ISO 8601 で書いてください（例：{example}）",
        "write the time as ISO 8601 with a UTC offset, e.g. {example}",
    ),
    "events.E104.help.epoch": Msg(
        "時刻は時差の付いた ISO 8601 で書いてください（例：{example}）。エポック秒やミリ秒は読みません",
        "write the time as ISO 8601 with a UTC offset, e.g. {example}: epoch seconds and milliseconds are not read",
    ),
    "events.E104.help.number": Msg(
        "時刻は時差の付いた ISO 8601 の文字列で書いてください（例：{example}）。エポック秒やミリ秒の数値は"
        '読みません（`pandas` の `to_json` なら `date_format="iso"`）',
        "write the time as an ISO 8601 string with a UTC offset, e.g. {example}: a number of epoch seconds or "
        'milliseconds is not read (pandas\' `to_json`: `date_format="iso"`)',
    ),
    "events.E104.help.string": Msg(
        "時刻は時差の付いた ISO 8601 の文字列で書いてください（例：{example}）",
        "write the time as ISO 8601 with a UTC offset, e.g. {example}, as a string",
    ),
    # a slip in a time (sla_dsl.calendars.timeargs.slip): {month} `2027 年 2 月` / `February 2027`, {day} `29 日` /
    # `29th`; {fixed}: the same instant written as 00:00 of the next day
    "events.E104.no_day": Msg(
        "`{field}` は ISO 8601 の時刻ではありません：`{value}`（存在しない日です。{month}に {day}はありません）",
        "`{field}` is not an ISO 8601 time: `{value}`: the day does not exist ({month} has no {day})",
    ),
    "events.E104.hour_24": Msg(
        "`{field}` の 24:00 は読みません：`{value}`",
        "`{field}` is not an ISO 8601 time: `{value}`: 24:00 is not accepted",
    ),
    "events.E104.hour_24.help": Msg(
        "翌日の 00:00 として `{fixed}` と書いてください", "write 00:00 of the next day: `{fixed}`"
    ),
    "events.E105": Msg(
        "`{field}` に時差（`+09:00` など）がありません：`{value}`", "`{field}` has no UTC offset: `{value}`"
    ),
    "events.E105.help": Msg("時差を書いてください（例：{example}）", "write the offset, e.g. {example}"),
    # the same with the policy's zone known (validate.offset_help): {example} the line's time with the offset it
    # has there; {zone} the zone as people name its clock (`ベルリン時間` / `Berlin time`)
    "events.E105.help.zone": Msg(
        "ポリシーの時差を付けて {example} と書いてください", "write it with the policy's offset: {example}"
    ),
    # the same for a time in ServiceNow's stored form (`2026-11-02 01:15:00`), which its table API gives in UTC:
    # {utc} that reading (`2026-11-02T01:15:00Z`)
    "events.E105.help.zone_glide": Msg(
        "ポリシーの時差を付けて {example} と書いてください。`ServiceNow` のテーブル `API` が返す時刻"
        "（この形で、協定世界時です）なら {utc} と書きます",
        "write it with the policy's offset: {example}; a time from ServiceNow's table API (this form, in UTC) is {utc}",
    ),
    "events.E105.help.twice": Msg(
        "{zone}では時計が戻るため、この時刻は二度あります：一度目なら {first}、二度目なら {second} と書いてください",
        "{zone} shows it twice (the clock goes back): write {first} for the first time or {second} for the second",
    ),
    "events.E105.help.skipped": Msg(
        "{zone}では {day} に時計が {since} から {to} に進むため、この時刻はありません（例：{example}）",
        "{zone} skips it: on {day} the clock goes from {since} straight to {to} (write e.g. {example})",
    ),
    "events.E106": Msg(
        "フィールド `{field}` は文字列でなければなりませんが、{kind}です",
        "field `{field}` must be a string, found {kind}",
    ),
    "events.E106.number.help": Msg("値は文字列で書いてください：{example}", "write the value as a string: {example}"),
    "events.E106.number.help.digits": Msg(
        "値は文字列で書いてください（書いた数字をそのまま二重引用符で囲みます）",
        "write the value as a string: its digits as written, in double quotes",
    ),
    "events.E107": Msg("フィールド `{field}` が空です", "field `{field}` is empty"),
    "events.E107.help.empty_cell": Msg(
        "表のセルの空のテキストは空の値で、`null` のセルと違い、値のないフィールドではありません。"
        "`pyarrow` の `read_csv` は CSV の空のセルを空のテキストとして読みます。{option} を渡すと、"
        "CSV ファイルと同じく値のないセルとして読みます",
        "a table's cell of empty text is an empty value, not an absent field as a null cell is; pyarrow's "
        "`read_csv` reads a CSV's empty cells as empty text: with {option} they are absent, as in the CSV file",
    ),
    "events.E108": Msg("`end` が `start` より後ではありません", "`end` is not after `start`"),
    "events.E106.attribute_value": Msg(
        "属性 `{name}` の値は文字列でなければなりませんが、{kind}です",
        "attribute `{name}` must have a string value, found {kind}",
    ),
    "events.E106.attribute_name": Msg(
        "属性の名前は文字列でなければなりませんが、{kind}です", "an attribute's name must be a string, found {kind}"
    ),
    "events.E107.attribute_value": Msg("属性 `{name}` の値が空です", "attribute `{name}` has an empty value"),
    "events.E107.attribute_name": Msg("属性の名前が空です", "an attribute's name is empty"),
    "events.E106.unicode": Msg(
        "フィールド `{field}` のバイト列が UTF-8 のテキストではありません",
        "field `{field}` holds bytes that are not UTF-8 text",
    ),
    "events.E109.object": Msg(
        "フィールド `{field}` は {example} のような JSON オブジェクトでなければなりません",
        "field `{field}` must be a JSON object such as {example}",
    ),
    # (on an event of a type a `changes at` lists, whose attributes are read: names and values as text)
    "events.E109.object.help": Msg(
        "属性の名前と値を文字列で書いてください（例：{example}）",
        "give the attributes' names and values as strings, e.g. {example}",
    ),
    "events.E109": Msg("{detail}", "{detail}"),
    "events.E109.field": Msg("フィールド `{field}`：{detail}", "field `{field}`: {detail}"),
    "events.E109.repeated": Msg(
        "フィールド `{field}` にキー `{key}` が 2 回以上あります", "field `{field}` gives key `{key}` more than once"
    ),
    "events.E109.repeated.help": Msg(
        "キーは 1 回ずつにしてください。どちらの値を取るべきか決められません",
        "give each key once: which of its values is meant cannot be told",
    ),
    "events.E109.misnamed": Msg(
        "キー {keys} は読みません。契約のフィールド名は小文字で、前後に空白を付けません",
        "key {keys} is not read: the contract's field names are lower case, with no blanks around them",
    ),
    "events.E109.misnamed.help": Msg("{found} は {names} と書いてください", "write {found} as {names}"),
    "events.E109.flattened": Msg(
        "キー {keys} は読みません。属性は 1 つのオブジェクト `attributes` で渡します",
        "key {keys} is not read: the attributes are one object, `attributes`",
    ),
    "events.E109.flattened.help": Msg(
        "属性は 1 つのオブジェクト `attributes` にまとめてください（{example}）。"
        "`pd.json_normalize` は `max_level=0` を渡さないと属性をキーに分けます",
        "give them in one object `attributes`, as {example}; "
        "`pd.json_normalize` splits them into keys unless given `max_level=0`",
    ),
    # E110, E111: CSV (events/reader.py)
    "events.E110.unreadable": Msg("CSV の見出し行を読めません：{detail}", "CSV header cannot be read: {detail}"),
    "events.E110.lacks": Msg("CSV の見出し行に列 {columns} がありません", "CSV header lacks column {columns}"),
    "events.E110.lacks.help": Msg(
        "1 行目に列名を書いてください（例：{example}）", "the first row must name the columns, e.g. {example}"
    ),
    "events.E110.not_csv": Msg(
        "1 行目は JSON ではなく、CSV の見出し行（列 {columns}）に見えますが、CSV として読める見出しではありません。"
        "このログは読みません",
        "the first line is not JSON but looks like a CSV header (columns {columns}), not one read as CSV: "
        "the log is not read",
    ),
    "events.E110.not_csv.later": Msg(
        "空行とコメントの行を除いた最初の行が JSON ではなく、CSV の見出し行（列 {columns}）に見えますが、"
        "CSV として読める見出しではありません。このログは読みません",
        "the first line that is neither blank nor a comment is not JSON but looks like a CSV header "
        "(columns {columns}), not one read as CSV: the log is not read",
    ),
    "events.E110.case.help": Msg(
        "列名は小文字です：{found} は {names} と書いてください",
        "column names are lower case: write {found} as {names}",
    ),
    "events.E110.separator.help": Msg(
        "列は {sep} ではなくカンマ（`,`）で区切ってください（例：`event,at,id,priority`）",
        "separate the columns with commas (`,`), not {sep} (e.g. `event,at,id,priority`)",
    ),
    "events.E110.repeated": Msg(
        "CSV の見出し行で列 {columns} が重複しています（{places} 列目）",
        "CSV header names column {columns} more than once (columns {places})",
    ),
    "events.E110.repeated.help": Msg(
        "列名は 1 回ずつにしてください。同じ名前の 2 つ目のセルが 1 つ目を黙って置き換えてしまいます",
        "name each column once: a second cell of the same name would silently replace the first",
    ),
    "events.E111.unreadable": Msg("CSV の行を読めません：{detail}", "CSV row cannot be read: {detail}"),
    "events.E110.unclosed": Msg(
        "CSV の見出し行で開いた引用符が閉じられていません", "a quote opened in the CSV header is never closed"
    ),
    "events.E111.unclosed": Msg(
        "{line} 行目の {column} 文字目で開いた引用符がファイルの終わりまで閉じられていません。"
        "次の行からは改めて 1 行ずつ読みます",
        "a quote opened at line {line}, column {column} is never closed: the lines after it are read as rows",
    ),
    "events.E111.unclosed.held": Msg(
        "{line} 行目の {column} 文字目で開いた引用符がファイルの終わりまで閉じられていません。"
        "その後の {limit} MiB を超える行は読み直せないため、ファイルの残りを読んでいません",
        "a quote opened at line {line}, column {column} is never closed, and the lines after it are over"
        " {limit} MiB, too many to read again as rows: the rest of the file is not read",
    ),
    "events.csv.unclosed.help": Msg(
        '引用符で始めたセルは引用符で閉じてください（セルの中の引用符は `""` と 2 つ重ねます）',
        'close every quoted cell with a quote (a quote inside a cell is written twice: `""`)',
    ),
    # what the csv module says of a row it cannot read (its English), as `detail` above
    "events.csv.field_limit": Msg("セルが上限の {limit} 文字を超えています", "field larger than field limit ({limit})"),
    "events.E111.unreadable.help": Msg(
        "セルは 128 KiB までです。引用符はすべて閉じてください", "a cell holds at most 128 KiB; close every quote"
    ),
    "events.E111.cells": Msg(
        "セルが {cells} 個ありますが、見出し行の列は {columns} 個です",
        "{cells} cells but the header names {columns} columns",
    ),
    "events.E111.cells.help": Msg(
        '区切りと引用符を確かめてください。カンマを含む値は `"` で囲みます（例：`"Tokyo, Japan"`）',
        'check the separators and quotes: a value holding a comma is written in `"` (e.g. `"Tokyo, Japan"`)',
    ),
    # (a row over several lines: a quoted cell holds a line end; csv_reader._spanned)
    "events.E111.cells.lines": Msg(
        "セルが {cells} 個ありますが、見出し行の列は {columns} 個です。{line} 行目の {column} 文字目で開いた"
        "引用符のセルが {end} 行目で閉じるため、この行は {first}〜{last} 行目にわたります",
        "{cells} cells but the header names {columns} columns: the row runs over lines {first}-{last}, as the"
        " quoted cell opened at line {line}, column {column} closes at line {end}",
    ),
    "events.E111.cells.lines.help": Msg(
        "引用符のセルは閉じる引用符まで改行をまたいで続きます。{line} 行目の {column} 文字目の引用符が値の一部なら、"
        'セル全体を引用符で囲み、その引用符を 2 つ重ねてください（`"""至急"` は `"至急` と読みます）',
        "a quoted cell runs to its closing quote, over line ends: if the quote at line {line}, column {column}"
        ' is text, write the cell in quotes with that quote doubled (`"""urgent"` reads as `"urgent`)',
    ),
    "events.E111.stray": Msg(
        "{line} 行目の {column} 文字目で開いた引用符のセルが {end} 行目の {end_column} 文字目の引用符で閉じ、"
        "その後に `{after}` が続いています。この行は {line} 行目で終わりとし、次の行からは改めて 1 行ずつ読みます",
        "the quoted cell opened at line {line}, column {column} is closed at line {end}, column {end_column}"
        " by a quote followed by `{after}`: the row ends at line {line}, the lines after it are read as rows",
    ),
    "events.csv.stray.help": Msg(
        'セルの中の引用符は `""` と 2 つ重ねて書き、引用符で始まる値はセル全体を引用符で囲みます'
        '（`"""至急"` は `"至急` と読みます）',
        'a quote inside a quoted cell is written twice (`""`), and a value that starts with a quote is'
        ' quoted whole (`"""urgent"` reads as `"urgent`)',
    ),
    "events.E103.csv_comment.help": Msg(
        "CSV のコメント（`#` の行）は見出し行より前にだけ書けます。見出し行より後の行はすべてデータです",
        "a CSV comment (a `#` line) goes before the header only: every line after the header is data",
    ),
    "events.E103.csv_header.help": Msg(
        "この行は見出し行の繰り返しです（見出し行のある CSV ファイルを `cat` でつなぐと入ります）。"
        "2 つ目からのファイルは見出し行を除いてつないでください（例：`(cat a.csv; tail -n +2 b.csv) > all.csv`）",
        "the line repeats the header (CSV files joined with `cat`, each with its header): join them without"
        " the headers after the first, e.g. `(cat a.csv; tail -n +2 b.csv) > all.csv`",
    ),
    # E112-E114: lines and streams (events/lines.py)
    "events.E112.runaway": Msg(
        "行が 1 MiB を超え、{limit} MiB 以内に終わりがありません。ここで読み込みを止めました",
        "line is longer than 1 MiB and has no end within {limit} MiB: reading stopped here",
    ),
    "events.E112.long": Msg(
        "行が 1 MiB を超えています（{length} {unit}）", "line is longer than 1 MiB ({length} {unit})"
    ),
    # (a later line of a CSV row, a quoted cell over several lines: the row is named by its first line)
    "events.E112.runaway.at_line": Msg(
        "{line} 行目が 1 MiB を超え、{limit} MiB 以内に終わりがありません。ここで読み込みを止めました",
        "line {line} is longer than 1 MiB and has no end within {limit} MiB: reading stopped here",
    ),
    "events.E112.long.at_line": Msg(
        "{line} 行目が 1 MiB を超えています（{length} {unit}）", "line {line} is longer than 1 MiB ({length} {unit})"
    ),
    "events.E112.help": Msg(
        "イベントの行は改行を含めて 1 MiB（{most} バイト）までで、1 行に 1 イベントです。"
        "このファイルはイベントログですか？",
        "an event line holds at most 1 MiB ({most} bytes), its end of line included: "
        "one event per line; is this file an event log?",
    ),
    "events.unit.bytes": Msg("バイト", "bytes"),
    "events.unit.characters": Msg("文字", "characters"),
    "events.E113": Msg(
        "行が UTF-8 のテキストではありません：{column} 文字目のバイト `0x{byte}`",
        "line is not UTF-8 text: byte `0x{byte}` at column {column}",
    ),
    "events.E113.at_line": Msg(
        "{line} 行目が UTF-8 のテキストではありません：{column} 文字目のバイト `0x{byte}`",
        "line {line} is not UTF-8 text: byte `0x{byte}` at column {column}",
    ),
    "events.E113.help": Msg(
        "イベントログは UTF-8 のテキストです。ファイルが `Shift_JIS`/`CP932`（日本語版 `Windows`）なら変換してください"
        "（例：{example}）",
        "event logs are UTF-8 text: if the file is Shift_JIS/CP932 (Japanese Windows), convert it, e.g. {example}",
    ),
    "events.E113.wide": Msg(
        "ファイルが {encoding} のテキストで、UTF-8 ではありません（先頭のバイト {bytes}）。このファイルは読みません",
        "the file is {encoding} text, not UTF-8 (it starts with the bytes {bytes}): it is not read",
    ),
    "events.E113.wide.help": Msg(
        "UTF-8 に変換してください（例：{example}）。`Excel` からは「`CSV UTF-8 (コンマ区切り)`」で保存してください",
        'convert it to UTF-8, e.g. {example}; from Excel, save the sheet as "CSV UTF-8 (Comma delimited)"',
    ),
    "events.E113.workbook": Msg(
        "ファイルが `Excel` のブック（{kind}）で、テキストではありません。このファイルは読みません",
        "the file is an Excel workbook ({kind}), not text: it is not read",
    ),
    "events.E113.workbook.help": Msg(
        "`Excel` でシートを「`CSV UTF-8 (コンマ区切り)`」で保存し、その CSV を渡してください",
        'in Excel, save the sheet as "CSV UTF-8 (Comma delimited)" and give that CSV',
    ),
    "events.E114.compression": Msg(
        "ログは {kind} で圧縮されていて、ここでは読めません", "the log is {kind}-compressed, which is not read here"
    ),
    "events.E114.compression.help": Msg(
        "先に展開する（{tool}）か、{formats} のどれかで圧縮し直してください",
        "decompress it first ({tool}), or compress it with {formats}",
    ),
    "events.E114.damaged": Msg(
        "{kind} で圧縮されたログがここで壊れているか、途切れています：{detail}",
        "the {kind}-compressed log is damaged or cut short here: {detail}",
    ),
    "events.E114.damaged.help": Msg(
        "この行より後は読めません。ログをもう一度コピーするか、{check} で確かめてください",
        "the lines after this one cannot be read: copy the log again, or check it with {check}",
    ),
    "events.E114.ended": Msg(
        "終わりの印より前でファイルが終わっています", "the file ends before its end-of-stream marker"
    ),
    "events.E114.checksum": Msg("チェックサムが合いません", "the checksum does not match"),
    "events.E114.length": Msg(
        "展開した長さが記録と合いません", "the decompressed length does not match the recorded one"
    ),
    "events.E114.method": Msg("{kind} の知らない圧縮方式です", "a compression method {kind} does not know"),
    "events.E114.not_kind": Msg("{kind} で圧縮されたデータではありません", "not {kind}-compressed data"),
    "events.E114.corrupt": Msg("圧縮されたデータが壊れています", "the compressed data is corrupt"),
    "events.E114.unreadable": Msg(
        "この行より後のログを読めません：{detail}", "cannot read the log past this line: {detail}"
    ),
    "events.E114.unreadable.help": Msg("この行より後は読めません", "the lines after this one cannot be read"),
    # E115-E117: Parquet and Arrow tables (events/table_schema.py, events/arrow_files.py)
    "events.no_events": Msg(
        "イベントログ `{source}` にイベントがありません（空のファイルか、空行・コメント・見出し行だけです）。"
        "判定する案件はありません",
        "the event log `{source}` holds no events (the file is empty, or holds only blank lines, comments or a "
        "header): there is nothing to judge",
    ),
    "events.no_events.rows": Msg(
        "イベントログ `{source}` にイベントがありません（表に行が 1 行もありません）。判定する案件はありません",
        "the event log `{source}` holds no events (its table has no rows): there is nothing to judge",
    ),
    "events.E115.lacks": Msg("表に列 {columns} がありません", "table lacks column {columns}"),
    "events.E115.lacks.help": Msg(
        "イベントの表には列 `event`、`at`、`id` が必要です", "every event table has the columns `event`, `at` and `id`"
    ),
    "events.E115.blanks.help": Msg(
        "列名は小文字で、前後に空白を付けません：{found} は {names} と書いてください",
        "column names are lower case, with no blanks around them: write {found} as {names}",
    ),
    "events.E115.mean.help": Msg(
        "列 `{name}` は `{column}` の誤りではありませんか？イベントの表には列 `event`、`at`、`id` が必要です",
        "did you mean `{name}` for `{column}`? every event table has the columns `event`, `at` and `id`",
    ),
    "events.E115.flattened": Msg(
        "表の列 {columns} は読みません。属性は 1 つの列 `attributes` で渡します",
        "table column {columns} is not read: the attributes are one column, `attributes`",
    ),
    "events.E110.flattened": Msg(
        "CSV の見出し行の列 {columns} は読みません。属性は 1 つの列 `attributes` で渡します",
        "CSV column {columns} is not read: the attributes are one column, `attributes`",
    ),
    "events.flattened.help": Msg(
        "属性は 1 つの列 `attributes` にまとめてください（`map`、`struct`、またはオブジェクトの JSON のテキスト。"
        "例：{example}）。`pd.json_normalize` は `max_level=0` を渡さないと属性を列に分けます",
        "give them in one column `attributes` (a `map`, a `struct`, or an object's JSON text such as {example}); "
        "`pd.json_normalize` splits them into columns unless given `max_level=0`",
    ),
    "events.E115.index.help": Msg(
        "`DataFrame` のインデックス {columns} は列として読みません。`df.reset_index()` で列に戻してください",
        "the frame's index {columns} is not read as a column: `df.reset_index()` makes it one again",
    ),
    "events.E115.repeated": Msg("表で列 {columns} が重複しています", "table names column {columns} more than once"),
    "events.E115.repeated.help": Msg("列名は 1 回ずつにしてください", "name each column once"),
    "events.E116.naive": Msg(
        "列 `{name}` はタイムゾーンのないタイムスタンプです（`{type}`）",
        "column `{name}` is a timestamp without a time zone (`{type}`)",
    ),
    "events.E116.naive.help": Msg(
        "時刻はタイムゾーン付き（例：{example}）か、時差の付いた ISO 8601 のテキストで保存してください",
        "store the instants with their zone, e.g. {example}, or as ISO 8601 text with an offset",
    ),
    "events.E116.type": Msg(
        "列 `{name}` の型は `{type}` で、{want}ではありません", "column `{name}` has type `{type}`, not {want}"
    ),
    "events.E116.type.help": Msg("`{name}` は{want}として保存してください", "store `{name}` as {want}"),
    "events.E116.epoch.help": Msg(
        "`{name}` は{want}として保存してください。エポック秒やミリ秒の数値は読みません（{how}）",
        "store `{name}` as {want}: a number of epoch seconds or milliseconds is not read ({how})",
    ),
    # the remedy in the library of the table given (a file's, a stream's of no known library: in words)
    "events.E116.epoch.how.pandas": Msg(
        '`pandas` なら `pd.to_datetime(df["{name}"], unit="ms", utc=True)`、秒なら `unit="s"`',
        'pandas: `pd.to_datetime(df["{name}"], unit="ms", utc=True)`, `unit="s"` for seconds',
    ),
    "events.E116.epoch.how.polars": Msg(
        '`polars` なら `pl.from_epoch("{name}", time_unit="ms").dt.replace_time_zone("UTC")`、秒なら `time_unit="s"`',
        'polars: `pl.from_epoch("{name}", time_unit="ms").dt.replace_time_zone("UTC")`, `time_unit="s"` for seconds',
    ),
    "events.E116.epoch.how.pyarrow": Msg(
        '`pyarrow` なら `pc.cast(table["{name}"], pa.timestamp("ms", tz="UTC"))`、秒なら `pa.timestamp("s", tz="UTC")`',
        'pyarrow: `pc.cast(table["{name}"], pa.timestamp("ms", tz="UTC"))`, `pa.timestamp("s", tz="UTC")` for seconds',
    ),
    "events.E116.epoch.how.other": Msg(
        "協定世界時（`UTC`）のタイムスタンプに変換してから渡してください", "convert them to timestamps in UTC first"
    ),
    "events.E116.number.help": Msg(
        "`{name}` は{want}として保存してください。数値の列はテキストとして読みません（{how}）",
        "store `{name}` as {want}: a column of numbers is not read as text ({how})",
    ),
    "events.E116.number.how.pandas": Msg(
        "`pandas` なら {example} で列をテキストとして読み込みます", "pandas: {example} reads the column as text"
    ),
    "events.E116.number.how.polars": Msg(
        '`polars` なら `pl.col("{name}").cast(pl.String)` で列をテキストにします',
        'polars: `pl.col("{name}").cast(pl.String)` makes the column text',
    ),
    "events.E116.number.how.pyarrow": Msg(
        '`pyarrow` なら `pc.cast(table["{name}"], pa.string())` で列をテキストにします',
        'pyarrow: `pc.cast(table["{name}"], pa.string())` makes the column text',
    ),
    "events.E116.number.how.other": Msg(
        "列をテキストとして読み込むか、テキストに変換してください", "read the column as text, or convert it to text"
    ),
    "events.want.time": Msg(
        "タイムゾーン付きのタイムスタンプか ISO 8601 のテキスト", "a timestamp with a time zone or ISO 8601 text"
    ),
    "events.want.text": Msg("テキスト（`string`）", "text (`string`)"),
    "events.E117.pipe": Msg(
        "{what}の中身は {kind}のファイルです。{name} はパイプからではなく、ファイルから読みます",
        "{what} is {kind} file: {name} is read from a file, not from a pipe",
    ),
    "events.word.stdin": Msg("標準入力", "the standard input"),
    "events.word.pipe": Msg("パイプ", "the pipe"),
    "events.word.arrow": Msg("Arrow IPC 形式", "an Arrow IPC"),
    "events.word.parquet": Msg("Parquet 形式", "a Parquet"),
    "events.E117.help.stdin": Msg(
        "`-` の代わりにファイルのパスを指定してください（Parquet ファイルのディレクトリも読めます）",
        "give the file's path instead of `-` (a directory of Parquet files is read too)",
    ),
    "events.E117.help.pipe": Msg(
        "パイプの代わりにファイルのパスを指定してください（Parquet ファイルのディレクトリも読めます）",
        "give the file's path instead of a pipe (a directory of Parquet files is read too)",
    ),
    "events.E117.not_file": Msg(
        "{name} はファイルではありません（名前付きパイプ、ソケット、デバイスのどれかです）",
        "{name} is not a file (a named pipe, a socket or a device)",
    ),
    "events.E117.not_file.help": Msg(
        "Parquet と Arrow IPC の表は、終わりに目次があるのでファイルから読みます。ファイルに保存してから渡してください",
        "a Parquet or Arrow IPC table is read from a file, whose end holds its footer: save it to a file first",
    ),
    "events.E117.not_table": Msg(
        "イベントのディレクトリにある {name} は Parquet でも Arrow IPC でもありません",
        "{name} in the directory of events is neither Parquet nor Arrow IPC",
    ),
    "events.E117.not_table.help": Msg(
        "ディレクトリには Parquet か Arrow IPC のイベントだけを置いてください"
        "（名前が `_` か `.` で始まるファイルとディレクトリは読み飛ばします）",
        "keep only Parquet or Arrow IPC files of events in the directory"
        " (files and directories whose names start with `_` or `.` are passed over)",
    ),
    "events.E117.compressed": Msg(
        "{kind} で圧縮されたファイルの中身は {table}のファイルです", "the {kind} file holds {table} file"
    ),
    "events.E117.compressed.help": Msg(
        "展開してから（{tool}）、展開したファイルのパスを指定してください",
        "decompress it first ({tool}) and give the decompressed file's path",
    ),
    "events.E117.unreadable": Msg(
        "ファイルを Parquet または Arrow として読めません：{detail}",
        "cannot read the file as Parquet or Arrow: {detail}",
    ),
    "events.E117.thrift": Msg("ファイルの目次（フッター）が壊れています", "the file's footer is damaged"),
    "events.E117.no_footer": Msg(
        "ファイルの終わりに Parquet の目次（フッター）がありません。途切れているか、Parquet ではありません",
        "the file ends without a Parquet footer: it is cut short, or not Parquet",
    ),
    "events.E117.too_short": Msg(
        "Parquet のファイルとしては短すぎます（{size} バイト）", "the file is too short to be Parquet ({size} bytes)"
    ),
    "events.E117.empty": Msg("ファイルが空です（0 バイト）", "the file is empty (0 bytes)"),
    "events.E117.page": Msg("圧縮されたデータのページが壊れています", "a page of compressed data is damaged"),
    "events.E117.page_header": Msg(
        "データのページが壊れています（ページのヘッダーを読めません）",
        "a data page is damaged (its header cannot be read)",
    ),
    "events.E117.cut": Msg(
        "書いてあるはずのデータの前でファイルが終わっています。途切れているか、この形式ではありません",
        "the file ends before the data it announces: it is cut short, or not in this format",
    ),
    "events.E117.other": Msg("読み込みライブラリのエラーです（{detail}）", "{detail}"),
    "events.E117.feather1": Msg(
        "Feather の古い形式（バージョン 1）のファイルです。この形式は読めません",
        "the file is in Feather's first format (version 1), which is not read",
    ),
    "events.E117.feather1.help": Msg(
        "Feather バージョン 2（Arrow IPC）で書き直してください："
        '`pyarrow.feather.write_feather(pyarrow.feather.read_table("{file}"), "{file}.arrow")`',
        "write it again as Feather version 2 (Arrow IPC): "
        '`pyarrow.feather.write_feather(pyarrow.feather.read_table("{file}"), "{file}.arrow")`',
    ),
    "events.E117.unreadable.help": Msg(
        "イベントは Parquet か Arrow IPC を書き出せるツール（{tools}）で書いてください",
        "write the events with a Parquet or Arrow IPC writer ({tools})",
    ),
    # E120-E124, E128-E130: events checked against the policies (evaluation/)
    "events.E120": Msg(
        "`{event}` の{field} `{value}` はポリシーにありません", "unknown {field} `{value}` in `{event}`"
    ),
    "events.E120.help.known": Msg("ポリシーにあるのは {listed} です", "the policy knows {listed}"),
    # a value the policy knows written in other capitals (`p1` for `P1`, `Premium` for `premium`)
    "events.E120.help.case": Msg(
        "`{name}` の誤りではありませんか？ポリシーにあるのは {listed} です",
        "did you mean `{name}`? the policy knows {listed}",
    ),
    # a priority written by its label, as a desk names it (Zendesk's `urgent` for the rule `P1 "緊急" / "Urgent"`)
    "events.E120.help.label": Msg(
        "`{value}` は優先度 `{name}`（{label}）の名称です。イベントの優先度には `{name}` を書いてください",
        "`{value}` is the label of priority `{name}` ({label}): the event gives its id, `{name}`",
    ),
    "events.E120.help.none": Msg("ポリシーに{fields}の定義がありません", "the policy defines no {fields}"),
    "events.field.priority": Msg("優先度", "priority"),
    "events.field.cause": Msg("原因", "cause"),
    "events.field.backup_kind": Msg("バックアップ種別", "backup kind"),
    "events.field.service": Msg("サービス", "service"),
    "events.fields.priority": Msg("優先度", "priorities"),
    "events.fields.cause": Msg("原因", "causes"),
    "events.fields.backup_kind": Msg("バックアップ種別", "backup kinds"),
    "events.fields.service": Msg("サービス", "services"),
    "events.E123.at": Msg(
        "時刻 `{time}` は扱える年（{first} 年から {last} 年まで）の外です",
        "time `{time}` is outside the supported years, {first} to {last}",
    ),
    "events.E123.named": Msg(
        "`{name}` の時刻 `{time}` は扱える年（{first} 年から {last} 年まで）の外です",
        "the `{name}` time `{time}` is outside the supported years, {first} to {last}",
    ),
    # (no `--skip-invalid` here: `sla replay` and `sla test` judge logs too, and have no such option)
    "events.E123.help": Msg("{first} から {last} までの時刻を書いてください", "write a time from {first} to {last}"),
    # E123 in `sla serve` (serve/ingest.py): a time the live view cannot judge, before its window or after its clock
    "events.E123.live_window": Msg(
        "時刻 `{time}` は、サービスが判定する {days} 日間の始まり（{first}）より前です",
        "time `{time}` is before {first}, the start of the {days} days the service judges",
    ),
    "events.E123.live_window.help": Msg(
        "これほど古いイベントは、それ自身の期間について `sla evaluate` で判定してください",
        "judge events this old with `sla evaluate` over their own period",
    ),
    "events.E123.future": Msg(
        "時刻 `{time}` はサービスの時計（{now}）より先で、時計のずれとして認める {seconds} 秒を超えています",
        "time `{time}` is later than the service's clock, {now}, by more than the {seconds} seconds allowed "
        "for clock skew",
    ),
    "events.E123.future.help": Msg(
        "イベントは起きてから送ります。年・日付・タイムゾーンを確かめるか、その時刻になってから送ってください",
        "an event is sent once it has happened: check its year, date and time zone, or send it when its time has come",
    ),
    # E124: a deadline counted from an event falls outside the supported years (evaluation/deadline_times.py)
    "events.E124": Msg(
        "{what}が{range}{side}になります（`{time}` から `{rule}`）",
        "{what} falls {side} {range} (`{rule}` from `{time}`)",
    ),
    "events.E124.side.after": Msg("より後", "after"),
    "events.E124.side.before": Msg("より前", "before"),
    "events.E124.side.outside": Msg("の外", "outside"),
    "events.E124.what.due": Msg("案件 `{id}` の応答期限", "the response due time of incident `{id}`"),
    "events.E124.what.same_day": Msg("案件 `{id}` の当日対応の目安", "the same-day guideline of incident `{id}`"),
    "events.E124.what.target": Msg(
        "案件 `{id}` のクロック{clock}の目標の期限", "the deadline of incident `{id}` on clock {clock}"
    ),
    # (``name``: the notification rule by its label in the message's language, quoted, else by its name in
    # backticks, as evaluation/deadline_times.py words it: 「受付」 / “Acknowledgement”, `ack`)
    "events.E124.what.notify_incident": Msg(
        "案件 `{id}` の通知{name}の期限", "the deadline of notification {name} of incident `{id}`"
    ),
    "events.E124.what.notify_outage": Msg(
        "障害 `{id}` の通知{name}の期限", "the deadline of notification {name} of outage `{id}`"
    ),
    "events.E124.what.stop": Msg("計画停止 `{id}` の通知の期限", "the notice deadline of planned stop `{id}`"),
    "events.E124.what.retention": Msg(
        "バックアップ `{id}` の保存期間の終わり", "the end of the retention of backup `{id}`"
    ),
    "events.E124.help": Msg(
        "期限は{range}の中でしか計算できません。このイベントは判定できないので、ログから除いてください",
        "deadlines are worked out within {range}: this event cannot be judged; leave it out of the log",
    ),
    "events.E128": Msg("`{event}` の属性 `{name}` はポリシーにありません", "unknown attribute `{name}` in `{event}`"),
    "events.E128.help.known": Msg("ポリシーが宣言している属性：{known}", "the policy declares the attributes {known}"),
    "events.E128.help.none": Msg(
        "ポリシーは属性を宣言していません。`attribute {name} {{ values ... }}` で宣言するか、"
        "イベントから外してください",
        "the policy declares no attributes: declare it with `attribute {name} {{ values ... }}` or leave it out of "
        "the event",
    ),
    # (a key that is no name of the language, `Plan Name`: no declaration can name it)
    "events.E128.help.none.leave_out": Msg(
        "ポリシーは属性を宣言していません。イベントから外してください",
        "the policy declares no attributes: leave it out of the event",
    ),
    "events.E129": Msg(
        "`{event}` の属性 `{name}` の値 `{value}` は宣言されていません",
        "unknown value `{value}` of attribute `{name}` in `{event}`",
    ),
    "events.E129.help": Msg("使える値：{listed}", "its values are {listed}"),
    # a declared value written in other capitals (`Enterprise` for `enterprise`), as E120's `events.E120.help.case`
    "events.E129.help.case": Msg(
        "`{name}` の誤りではありませんか？使える値：{listed}", "did you mean `{name}`? its values are {listed}"
    ),
    # a declared value written by its label (`プレミアム` for `value premium "プレミアム" / "Premium"`), as E120's
    # `events.E120.help.label`
    "events.E129.help.label": Msg(
        "`{value}` は属性 `{attribute}` の値 `{name}`（{label}）の名称です。イベントには `{name}` を書いてください",
        "`{value}` is the label of value `{name}` ({label}) of attribute `{attribute}`: "
        "the event gives its name, `{name}`",
    ),
    # the partials of a Dask or Spark run that split an id's events (evaluation/partition.py: PartitionError)
    "events.partition.split": Msg(
        "`id` が `{id}` のイベントが二つのパーティションに分かれています：イベントは `{key}` でパーティションに"
        "分けてください{more}\n  ヒント: {help}",
        "the events of id `{id}` are in two partitions: partition the events by `{key}`{more}\n  help: {help}",
    ),
    # partials of a Dask or Spark run made by another version of sla-dsl than the client's (evaluation/partition.py)
    "events.partition.version": Msg(
        "部分結果が別のバージョンの `sla-dsl` で作られています：クライアントとすべてのワーカー"
        "（エグゼキューター）に同じバージョンをインストールしてください",
        "partial results from another version of `sla-dsl`: install one version on the client and on every "
        "worker or executor",
    ),
    "events.partition.more.one": Msg("（ほかに {n} 個の `id` も分かれています）", " ({n} more id split)"),
    "events.partition.more.other": Msg("（ほかに {n} 個の `id` も分かれています）", " ({n} more ids split)"),
    "events.partition.help": Msg(
        "`id` は前後の空白を除いた値で分けてください（` INC-2 ` は `INC-2` です）。`sla_dsl.dask` と "
        "`sla_dsl.spark` のシャッフルはそう分けます。`partitioned=True` で渡すファイルも同じように分けてください",
        "bucket the events by the id stripped of the blanks at either end (` INC-2 ` is the id `INC-2`), as "
        "`sla_dsl.dask` and `sla_dsl.spark` shuffle them; files given with `partitioned=True` must be bucketed so "
        "too",
    ),
}
