"""The wording of policy diagnostics about the file and single values: E001, E2xx of values, zones, calendars.

Design notes
------------
* A part of :data:`sla_dsl.i18n.diagnostics.DIAGNOSTICS` (merged there), kept apart so that
  neither module grows past what a reader takes in at once; the keys follow the same scheme
  (``diag.<code>[.<variant>]``, ``diag.help.*`` for help texts several codes share).
* Policy syntax a template quotes whatever its arguments is a ``{kw_*}`` field from
  :data:`VALUE_SYNTAX` (merged into :data:`sla_dsl.i18n.diagnostics.SYNTAX`), so no Japanese
  template holds a Latin word of its own. Where the English writes such syntax bare (``ISO 3166``,
  ``UTF-8``), the Japanese puts it in backticks.
* An operating system's reason for not reading a file (``errno``) is a word of its own per errno
  (``diag.E001.os.<ERRNO>``), its English exactly the C library's text, so that the Japanese
  holds no English; an errno not listed here is quoted as the system gives it, in backticks.
"""

from __future__ import annotations

from .msg import Msg

#: Syntax the templates below quote (fields ``{kw_*}``), the same in every language.
VALUE_SYNTAX: dict[str, str] = {
    "kw_utf8": "UTF-8",
    "kw_nul": "NUL",
    "kw_tokyo": "Asia/Tokyo",
    "kw_iana": "IANA",
    "kw_tz": "tz",
    "kw_utc": "UTC",
    "kw_etc_gmt": "Etc/GMT",
    "kw_day_range": "mon..fri",
    "kw_percent_example": "99.5%",
    "kw_iso": "ISO 3166",
    "kw_holidays": "holidays",
    "kw_jp": "JP",
    "kw_format1": "format 1",
    "kw_1st": "1st",
    "kw_5th": "5th",
    "kw_last": "last",
    "kw_every_dots": "every ...",
    "kw_5_business_days": "5 business days",
    "kw_every_3_months": "every 3 months from 2026-03",
    "kw_yyyy_mm": "YYYY-MM",
    "kw_month_example": "2026-03",
    "kw_ordinals": "2nd, 4th thu",
    "kw_closed": "closed",
    "kw_closed_yearly": "closed yearly",
}

#: The operating system's reasons a policy file cannot be read, by errno name (English: glibc's ``strerror``).
OS_REASONS: dict[str, Msg] = {
    "EACCES": Msg("アクセスが許可されていません", "Permission denied"),
    "EPERM": Msg("操作が許可されていません", "Operation not permitted"),
    "EIO": Msg("入出力エラーです", "Input/output error"),
    "ELOOP": Msg("シンボリックリンクの階層が多すぎます", "Too many levels of symbolic links"),
    "ENAMETOOLONG": Msg("ファイル名が長すぎます", "File name too long"),
    "ENOTDIR": Msg("パスの途中にディレクトリでないものがあります", "Not a directory"),
    "EMFILE": Msg("開いているファイルが多すぎます", "Too many open files"),
    "ENFILE": Msg("システム全体で開いているファイルが多すぎます", "Too many open files in system"),
    "ENXIO": Msg("デバイスまたはアドレスがありません", "No such device or address"),
    "ENODEV": Msg("デバイスがありません", "No such device"),
    "ENOMEM": Msg("メモリが足りません", "Cannot allocate memory"),
    "EINVAL": Msg("引数が正しくありません", "Invalid argument"),
    "EAGAIN": Msg("リソースが一時的に使えません", "Resource temporarily unavailable"),
    "EBUSY": Msg("デバイスまたはリソースが使用中です", "Device or resource busy"),
    "ETXTBSY": Msg("テキストファイルが使用中です", "Text file busy"),
    "EOVERFLOW": Msg("値がデータ型に収まりません", "Value too large for defined data type"),
}

VALUE_DIAGNOSTICS: dict[str, Msg] = {
    # E001: the policy file cannot be read as text
    "diag.E001.surrogate": Msg(
        "テキストに正しくない文字があります（対になっていないサロゲート）",
        "the text is not valid Unicode (a lone surrogate)",
    ),
    "diag.E001.not_utf8": Msg("ファイルが `{kw_utf8}` のテキストではありません", "the file is not {kw_utf8} text"),
    "diag.E001.help.utf8": Msg("ポリシーを `{kw_utf8}` で保存してください", "save the policy as {kw_utf8}"),
    "diag.E001.nul": Msg(
        "ファイルに `{kw_nul}` バイトがあります。テキストファイルではありません",
        "the file contains a {kw_nul} byte; it is not a text file",
    ),
    "diag.E001.nul.help": Msg(
        "示した位置の `{kw_nul}` バイトを消してください。"
        "テキストではないファイルなら、ポリシーファイルを指定しているか確かめてください",
        "remove the {kw_nul} byte at the place shown; if the file is not text, check that this is the policy file",
    ),
    "diag.E001.too_big": Msg(
        "{what}の大きさは{size}バイトです。ポリシーは{most}バイトまでです",
        "{what} is {size} bytes; a policy may be at most {most}",
    ),
    "diag.E001.too_big.unknown": Msg(
        "{what}の大きさが{most}バイトを超えています。ポリシーは{most}バイトまでです",
        "{what} is more than {most} bytes; a policy may be at most {most}",
    ),
    "diag.E001.what.policy": Msg("ポリシー", "the policy"),
    "diag.E001.what.file": Msg("ファイル", "the file"),
    "diag.E001.what.input": Msg("入力", "the input"),
    "diag.E001.too_big.help": Msg(
        "ポリシーは数キロバイトのテキストです。ポリシーファイルを指定しているか確かめてください",
        "a policy is a few KiB of text; check that this is the policy file",
    ),
    "diag.E001.directory": Msg(
        "これはディレクトリです。ポリシーファイルではありません", "this is a directory, not a policy file"
    ),
    "diag.E001.missing": Msg("そのようなファイルはありません", "no such file"),
    "diag.E001.os": Msg("ファイルを読み取れません：{reason}", "cannot read the file: {reason}"),
    "diag.E001.stdin_closed": Msg(
        "標準入力が閉じられているため、ポリシーを読み取れません", "cannot read the policy: the standard input is closed"
    ),
    **{f"diag.E001.os.{name}": msg for name, msg in OS_REASONS.items()},
    # E201: ranges that run backwards
    "diag.E201.days": Msg("曜日の範囲 `{range}` が逆向きです", "the day range `{range}` runs backwards"),
    "diag.E201.days.help": Msg(
        "早い曜日を先に書いてください（例：`{kw_day_range}`）", "write the earlier day first, e.g. `{kw_day_range}`"
    ),
    "diag.E201.dates": Msg(
        "日付の範囲 `{range}` は終わりが始まりより前です", "the date range `{range}` ends before it starts"
    ),
    "diag.E201.dates.help": Msg("早い日付を先に書いてください：`{fix}`", "write the earlier date first: `{fix}`"),
    # E204: holiday sets
    "diag.E204": Msg("`{code}` という祝日の国はありません", "unknown holiday country `{code}`"),
    "diag.E204.help": Msg(
        "`{kw_holidays}` パッケージが扱う `{kw_iso}` の国コードを書いてください（例：`{kw_jp}`）",
        "write an {kw_iso} country code known to the `{kw_holidays}` package, e.g. `{kw_jp}`",
    ),
    "diag.E204.candidate": Msg("`{code}`（{country}）", "`{code}` ({country})"),
    "diag.E204.help.case": Msg("{candidates}の誤りではありませんか？", "did you mean {candidates}?"),
    "diag.E204.help.language": Msg(
        "`{code}` は言語のコードで、国のコードではありません。{candidates}の誤りではありませんか？",
        "`{code}` is a language code, not a country code: did you mean {candidates}?",
    ),
    "diag.E204.help.alpha3": Msg(
        "`{kw_holidays}` パッケージは `{code}`（`{kw_iso}` の3文字のコード）を扱いません。{candidates}と書いてください",
        "the `{kw_holidays}` package does not take `{code}` (an {kw_iso} three-letter code): write {candidates}",
    ),
    "diag.E204.help.sport": Msg(
        "`{code}` はオリンピックなどのスポーツで使われる国の略号で、`{kw_iso}` の国コードではありません。"
        "{candidates}の誤りではありませんか？",
        "`{code}` is a country's code in sports (the Olympics'), not an {kw_iso} code: did you mean {candidates}?",
    ),
    "diag.E204.subdivision": Msg(
        "祝日の国 `{country}` に `{code}` という地域はありません",
        "unknown subdivision `{code}` of holiday country `{country}`",
    ),
    "diag.E204.subdivision.help": Msg("`{country}` の地域は{listed}です", "subdivisions of `{country}` are {listed}"),
    "diag.E204.subdivision.help_near": Msg(
        "`{name}` の誤りではありませんか？`{country}` の地域は{listed}です",
        "did you mean `{name}`? subdivisions of `{country}` are {listed}",
    ),
    "diag.E204.subdivision.help_none": Msg(
        "`{kw_holidays}` パッケージには `{country}` の地域がありません。`{country}` と書いてください",
        "the `{kw_holidays}` package has no subdivisions of `{country}`: write `{country}`",
    ),
    # a list cut short, said as part of its phrase (as a parse error's, `diag.expected.cut`)
    "diag.phrase.cut": Msg("{items}など", "{items}, among others"),
    # E205 (the header's zone) and E235 (a calendar's zone), with the help texts they share
    "diag.E205": Msg("`{zone}` というタイムゾーンはありません", "unknown time zone `{zone}`"),
    "diag.E205.host": Msg(
        "`{zone}` は `{kw_iana}` のタイムゾーンではありません", "`{zone}` is not an {kw_iana} time zone"
    ),
    "diag.E235": Msg(
        "カレンダー `{name}`：`{zone}` というタイムゾーンはありません",
        "calendar `{name}`: unknown time zone `{zone}`",
    ),
    "diag.E235.host": Msg(
        "カレンダー `{name}`：`{zone}` は `{kw_iana}` のタイムゾーンではありません",
        "calendar `{name}`: `{zone}` is not an {kw_iana} time zone",
    ),
    "diag.help.zone.localtime": Msg(
        "`{zone}` は `{kw_sla}` を動かすマシンのタイムゾーンなので、期限がマシンによって変わります。"
        "ゾーンの `{kw_iana}` 名を書いてください（例：`{kw_tokyo}`）",
        "`{zone}` is the zone of the machine that runs `{kw_sla}`, so deadlines would depend on the host; "
        "write the {kw_iana} name of the zone, e.g. `{kw_tokyo}`",
    ),
    "diag.help.zone.Factory": Msg(
        "`{zone}` は `{kw_tz}` データベースの、未設定のゾーンを表す仮の名前で、場所ではありません。"
        "ゾーンの `{kw_iana}` 名を書いてください（例：`{kw_tokyo}`）",
        "`{zone}` is the {kw_tz} database's placeholder for an unset zone, not a place; "
        "write the {kw_iana} name of the zone, e.g. `{kw_tokyo}`",
    ),
    "diag.help.zone.posixrules": Msg(
        "`{zone}` は `{kw_tz}` データベースの夏時間の既定の規則で、場所ではありません。"
        "ゾーンの `{kw_iana}` 名を書いてください（例：`{kw_tokyo}`）",
        "`{zone}` is the {kw_tz} database's default daylight-saving rule, not a place; "
        "write the {kw_iana} name of the zone, e.g. `{kw_tokyo}`",
    ),
    "diag.help.zone.path": Msg(
        "タイムゾーンは `{kw_tokyo}` のような `{kw_iana}` 名で、パスではありません",
        "a time zone is an {kw_iana} name such as `{kw_tokyo}`, not a path",
    ),
    "diag.help.zone.folder": Msg(
        "`{folder}` はゾーンファイルの別形式のフォルダーです。ゾーンの名前を書いてください（例：`{kw_tokyo}`）",
        "`{folder}` is a variant folder of the zone files; write the zone's name, e.g. `{kw_tokyo}`",
    ),
    "diag.help.zone.unknown": Msg(
        "`{kw_tokyo}` のような `{kw_iana}` のゾーン名を書いてください",
        "write an {kw_iana} zone name such as `{kw_tokyo}`",
    ),
    "diag.help.zone.candidate": Msg("`{zone}`（{place}）", "`{zone}` ({place})"),
    "diag.help.zone.abbreviation": Msg(
        "`{zone}` は時刻の略称で、タイムゾーンの名前ではありません。{candidates}と書いてください",
        "`{zone}` is an abbreviation, not the name of a time zone: write {candidates}",
    ),
    "diag.help.zone.abbreviation.many": Msg(
        "`{zone}` はいくつもの地域で使われる略称で、タイムゾーンの名前ではありません。"
        "その場所のゾーン名を書いてください（例：{candidates}）",
        "`{zone}` is an abbreviation several regions use, not the name of a time zone: "
        "write the zone of the place meant, such as {candidates}",
    ),
    "diag.help.zone.offset": Msg(
        "`{zone}` は `{kw_utc}` との時差で、タイムゾーンの名前ではありません。"
        "場所のゾーン名を書いてください（例：`{kw_tokyo}`）",
        "`{zone}` is an offset from {kw_utc}, not the name of a time zone: write the zone of the place, "
        "e.g. `{kw_tokyo}`",
    ),
    "diag.help.zone.offset.fixed": Msg(
        "`{zone}` は `{kw_utc}` との時差で、タイムゾーンの名前ではありません。"
        "場所のゾーン名を書いてください（例：`{kw_tokyo}`）。夏時間のない一定の時差にするなら `{fixed}` です"
        "（`{kw_etc_gmt}` のゾーンは符号が逆です）",
        "`{zone}` is an offset from {kw_utc}, not the name of a time zone: write the zone of the place, "
        "e.g. `{kw_tokyo}`; the same offset all year, without summer time, is `{fixed}` "
        "(the sign of the `{kw_etc_gmt}` zones is inverted)",
    ),
    "diag.W204": Msg(
        "`{zone}` は `{kw_tz}` データベースが古いシステムのために残している略称で、場所のタイムゾーンではありません",
        "`{zone}` is an abbreviation the {kw_tz} database keeps for old systems, not the time zone of a place",
    ),
    "diag.W204.help": Msg(
        "その場所のゾーン名を書いてください（夏時間の有無も、その場所のとおりになります）：{candidates}",
        "write the zone of the place (its summer time, if any, is then the place's): {candidates}",
    ),
    "diag.help.zone.unreadable": Msg(
        "このマシンのゾーンデータベースはこのゾーンを読めません。"
        "`{kw_tokyo}` のような `{kw_iana}` のゾーンを書いてください",
        "the zone database of this machine cannot read this zone; write an {kw_iana} zone such as `{kw_tokyo}`",
    ),
    # E213: ordinals that name no day
    "diag.E213.business_day": Msg(
        "応答期限とする `{nth}` 営業日はありません", "there is no `{nth}` business day to respond by"
    ),
    "diag.E213.business_day.help": Msg(
        "営業日は `{kw_1st}`（最初の営業日）から `{last}` までで数えてください",
        "count business days from `{kw_1st}` (the first) to `{last}`",
    ),
    "diag.E213.suffix": Msg("序数 `{nth}` の書き方が数と合っていません", "ordinal `{nth}` is not spelt as its number"),
    "diag.E213.suffix.help": Msg("`{right}` と書いてください", "write `{right}`"),
    "diag.E213.weekday": Msg("月の中に `{nth}` の曜日はありません", "there is no `{nth}` weekday in a month"),
    "diag.E213.weekday.help": Msg(
        "`{kw_1st}` から `{kw_5th}` まで、または `{kw_last}` と書いてください",
        "write {kw_1st} to {kw_5th}, or `{kw_last}`",
    ),
    # E214: the header's format
    "diag.E214": Msg("形式 `{format}` には対応していません", "format `{format}` is not supported"),
    "diag.E214.help": Msg("このバージョンが読めるのは `{kw_format1}` です", "this version of sla reads `{kw_format1}`"),
    # E215: a value out of its range, or two statements that contradict
    "diag.E215.too_long": Msg(
        "`{amount}` {unit}は、最も長い期間の{most} {unit}を超えています",
        "`{amount}` {unit} is longer than the longest duration, {most} {unit}",
    ),
    "diag.E215.too_long.help": Msg(
        "期間はその単位で{years}年分までです：{limits}",
        "a duration is at most {years} years' worth in its unit: {limits}",
    ),
    "diag.E215.zero": Msg("期間は0より長くしてください", "a duration must be more than zero"),
    "diag.E215.zero.help": Msg("1以上の数を書いてください（例：`{example}`）", "write 1 or more, e.g. `{example}`"),
    "diag.E215.percent": Msg(
        "`{value}` は0より大きく100以下の百分率ではありません", "`{value}` is not a percentage above 0 and at most 100"
    ),
    "diag.E215.percent.help": Msg(
        "0より大きく100以下の百分率を書いてください（例：`{kw_percent_example}`）",
        "write a percentage above 0 and at most 100, e.g. `{kw_percent_example}`",
    ),
    "diag.E215.risk_range": Msg(
        "`{value}` は、しきい値を複数書くときの警告のしきい値（0%より大きく100%未満）ではありません",
        "`{value}` is not a warning threshold of several (above 0% and below 100%)",
    ),
    "diag.E215.risk_order": Msg(
        "`{value}` が前のしきい値 `{before}` より大きくありません",
        "`{value}` is not above the threshold before it, `{before}`",
    ),
    "diag.E215.risk.help": Msg(
        "警告のしきい値は小さい順に、同じものを繰り返さずに書いてください：`{line}`",
        "write the warning thresholds lowest first, each once: `{line}`",
    ),
    "diag.E215.channel": Msg("`{channel}` という通知の手段はありません", "unknown notice channel `{channel}`"),
    "diag.E215.channel.help": Msg("通知の手段は{channels}です", "channels are {channels}"),
    "diag.E215.condition": Msg(
        "条件は `{named}` を指定していますが、クロックは `{after}` で始まります",
        "the condition names `{named}` but the clock starts at `{after}`",
    ),
    "diag.E215.condition.help": Msg("`{example}` と書いてください", "write `{example}`"),
    "diag.E215.backup": Msg(
        "バックアップ `{kind}` に `{kw_continuous}` と `{kw_every_dots}` の両方が書かれています",
        "backup `{kind}` is both `{kw_continuous}` and `{kw_every_dots}`",
    ),
    "diag.E215.backup.help": Msg("どちらか一つにしてください", "keep one of them"),
    # E216, E219: units and numbers
    "diag.E216": Msg("`{unit}` は営業時間の単位ではありません", "`{unit}` is not a unit of business time"),
    "diag.E216.help": Msg(
        "営業時間は分・時間・日で数えてください（例：`{kw_5_business_days}`）",
        "count business time in minutes, hours or days, e.g. `{kw_5_business_days}`",
    ),
    "diag.E219": Msg("`{number}` は大きすぎる数です", "`{number}` is too large a number"),
    "diag.E219.help": Msg(
        "条・項目・節の番号は{digits}桁までです", "article, item and section numbers have at most {digits} digits"
    ),
    # E230: time ranges
    "diag.E230": Msg("時間の範囲 `{range}` の長さが0です", "the time range `{range}` has zero length"),
    "diag.E230.help": Msg(
        "範囲は始まりの後に終わります（`10:00-18:00`）。終わりが始まりより早い範囲は夜をまたぎます"
        "（`22:00-06:00`）。一日すべては `00:00-24:00` です",
        "a range ends after it starts (`10:00-18:00`); a range whose end is earlier runs overnight "
        "(`22:00-06:00`); a whole day is `00:00-24:00`",
    ),
    "diag.E230.end_of_day": Msg(
        "時間の範囲 `{range}` が、その日の終わりである `24:00` から始まっています",
        "the time range `{range}` starts at `24:00`, the end of the day",
    ),
    "diag.E230.end_of_day.help": Msg(
        "範囲は `00:00` から `23:59` までの時刻で始めてください。`24:00` は終わりにだけ使えます",
        "start a range at `00:00` to `23:59`; `24:00` is only an end",
    ),
    # E232: hours or a partial closure on a day the calendar closes
    "diag.E232": Msg(
        "カレンダー `{name}`：`{statement}` は、このカレンダーが休業にしている日です（{why}）",
        "calendar `{name}`: `{statement}` is on a day the calendar closes ({why})",
    ),
    "diag.E232.why.holiday": Msg("{line}行目の祝日", "holiday on line {line}"),
    "diag.E232.why.closed": Msg("{line}行目の `{kw_closed}`", "`{kw_closed}` on line {line}"),
    "diag.E232.why.closed_yearly": Msg("{line}行目の `{kw_closed_yearly}`", "`{kw_closed_yearly}` on line {line}"),
    "diag.E232.hours.help": Msg(
        "`{date}` の休業を削除するか、`{open}` と書いてその日を営業日にしてください",
        "remove the closure of `{date}`, or write `{open}` to work it",
    ),
    "diag.E232.closed.help": Msg(
        "その日はすでに一日休業です：`{statement}` を削除してください",
        "the whole day is already closed: remove `{statement}`",
    ),
    # E234: monthly steps and ordinals
    "diag.E234.step": Msg("`{step}` は月の間隔になっていません", "`{step}` is not a step of months"),
    "diag.E234.step.help": Msg(
        "間隔は1から120ヶ月までで書いてください（例：`{kw_every_3_months}`）",
        "write a step from 1 to 120 months, e.g. `{kw_every_3_months}`",
    ),
    "diag.E234.since": Msg("`{month}` は対応する年の月ではありません", "`{month}` is not a month of a supported year"),
    "diag.E234.since.help": Msg(
        "規則の最初の月を `{kw_yyyy_mm}` の形で書いてください（例：`{kw_month_example}`）",
        "write the first month the rule names as {kw_yyyy_mm}, e.g. `{kw_month_example}`",
    ),
    "diag.E234.twice": Msg("`{ordinal}` が二度書かれています", "`{ordinal}` is listed twice"),
    "diag.E234.twice.help": Msg(
        "各序数は一度だけ書いてください（例：`{kw_ordinals}`）", "name each ordinal once, e.g. `{kw_ordinals}`"
    ),
    # W201-W203: small slips
    "diag.W201": Msg("`{written}`：単数形と複数形が合っていません", "`{written}`: singular and plural do not agree"),
    "diag.W201.help": Msg("`{fixed}` と書いてください", "write `{fixed}`"),
    "diag.W202": Msg("同じ曜日が二度書かれています", "a weekday is listed twice"),
    "diag.W202.help": Msg(
        "`{day}` は一度だけ書いてください。二度目は無視されます", "write `{day}` once (the repeat is ignored)"
    ),
    "diag.W203": Msg(
        "カレンダー `{name}`：祝日の地域 `{region}` が二度書かれています",
        "calendar `{name}`: holiday region `{region}` is listed twice",
    ),
    "diag.W203.help": Msg(
        "一つだけ残してください（最初のものは{line}行目にあります）", "keep one (the first is on line {line})"
    ),
}
