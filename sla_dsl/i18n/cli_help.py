"""Catalogue section: the ``sla`` command's help and usage errors (keys ``cli.help.*``).

Design notes
------------
* Every text of the command's parsers (:mod:`sla_dsl.cli.parsing`, :mod:`sla_dsl.cli.app` and
  the command modules' ``add_parsers``): the top description, each subcommand's help and
  description, every option's help, and argparse's own words (the ``usage:`` prefix, the
  section titles, ``-h``'s and ``--version``'s help). Their language is
  :func:`sla_dsl.cli.langs.help_lang`'s: no policy has been read yet.
* The English is exactly what ``sla --help`` printed before (argparse's own words included),
  so ``--lang en`` prints the same bytes; ``docs/engineers/cli.en.md`` shows it.
* ``cli.help.error.*`` are argparse's usage errors: their English is Python 3.11 argparse's
  template word for word (``%s`` as a field), since :func:`sla_dsl.cli.parsing.usage_error`
  matches argparse's English message against it to find the names and values it quotes; the
  Japanese keeps them as argparse quoted them (``'nope'``, ``--from, --to``).
* In Japanese, option names, metavars, choices and every other Latin token are in backticks,
  as in the command's other Japanese messages; the terms are the report's and the site's
  (案件, 障害, 計画停止, 定期メンテナンス, 判定, 起算時刻, 主言語).
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["CLI_HELP"]

#: ``cli.help.<command>[.<option>]``; argparse's own words and errors under ``cli.help.{usage,...,error}``
CLI_HELP: dict[str, Msg] = {
    # argparse's own words
    "cli.help.usage": Msg("使用法: ", "usage: "),
    "cli.help.positionals": Msg("位置引数", "positional arguments"),
    "cli.help.options": Msg("オプション", "options"),
    "cli.help.help": Msg("このヘルプを表示して終了します", "show this help message and exit"),
    "cli.help.version": Msg("バージョンを表示して終了します", "show program's version number and exit"),
    # argparse's usage errors (English: Python 3.11's templates, which usage_error matches)
    "cli.help.error.required": Msg(
        "次の引数を指定してください：{arguments}", "the following arguments are required: {arguments}"
    ),
    "cli.help.error.unrecognized": Msg(
        "解釈できない引数があります：{arguments}", "unrecognized arguments: {arguments}"
    ),
    "cli.help.error.ambiguous": Msg(
        "オプション {option} があいまいです（{matches} のどれにも当たります）",
        "ambiguous option: {option} could match {matches}",
    ),
    "cli.help.error.one_of_required": Msg(
        "引数 {arguments} のどれかを指定してください", "one of the arguments {arguments} is required"
    ),
    "cli.help.error.argument": Msg("引数 {argument}：{message}", "argument {argument}: {message}"),
    "cli.help.error.invalid_choice": Msg(
        "{value} は選べません（{choices} から選んでください）", "invalid choice: {value} (choose from {choices})"
    ),
    "cli.help.error.expected_one": Msg("値を一つ指定してください", "expected one argument"),
    "cli.help.error.expected_at_least_one": Msg("値を一つ以上指定してください", "expected at least one argument"),
    "cli.help.error.invalid_value": Msg(
        "{value} は {type} の値として正しくありません", "invalid {type} value: {value}"
    ),
    "cli.help.error.not_allowed_with": Msg(
        "引数 {argument} と一緒には指定できません", "not allowed with argument {argument}"
    ),
    "cli.help.error.ignored_explicit": Msg(
        "値を取りません（{value} が指定されています）", "ignored explicit argument {value}"
    ),
    # the commands' own usage errors, after argparse: a webhook that is no web address (`sla serve`)
    "cli.help.error.webhook": Msg(
        "`--webhook` の `{url}` は `http://` か `https://` で始まるアドレスではありません",
        "--webhook `{url}` is not an http:// or https:// URL",
    ),
    # `sla serve` before it listens: its extra, its token file, an address others can reach
    "cli.serve.needs_extra": Msg(
        "`sla serve` には追加パッケージ `serve` が必要です（モジュール `{module}` がありません）："
        "`pip install 'sla-dsl[serve]'`",
        "`sla serve` needs the `serve` extra (missing module `{module}`): pip install 'sla-dsl[serve]'",
    ),
    "cli.serve.token_unreadable": Msg(
        "{path}: トークンのファイルを読めません：{reason}", "{path}: cannot read the token file: {reason}"
    ),
    "cli.serve.token_short": Msg(
        "{path}: トークンは16文字以上にしてください", "{path}: the token must be at least 16 characters"
    ),
    "cli.serve.open": Msg(
        "{host} で `--token-file` なしに待ち受けます。ポート {port} に届く人は誰でも、イベントとポリシーを書き込めます",
        "listening on {host} without --token-file: anyone who can reach port {port} can write events and policies",
    ),
    # a flag's value the command's own types refuse (argparse puts `argument FLAG: ` before them)
    "cli.help.value.not_whole": Msg("`{text}` は整数ではありません", "`{text}` is not a whole number"),
    "cli.help.value.negative": Msg("`{text}` は負の数です", "`{text}` is negative"),
    "cli.help.value.out_of_range": Msg("`{text}` は範囲外です", "`{text}` is out of range"),
    # `--lang`, as every command that reads a policy adds it (cli/langs.py), and what it sets
    "cli.help.lang": Msg(
        "{what}の言語（省略時はポリシーの主言語：ヘッダーの `languages` の最初の言語。"
        "言語を宣言していないときやヘッダーを読めないときは英語）",
        "language of {what} (default: the policy's primary language, from `languages` "
        "in its header; English when it declares none or the header cannot be read)",
    ),
    "cli.help.lang.messages": Msg("メッセージ", "the messages"),
    "cli.help.lang.policies": Msg("ポリシーについてのメッセージ", "the messages about the policies"),
    "cli.help.lang.policy": Msg("ポリシーについてのメッセージ", "the messages about the policy"),
    "cli.help.lang.diff": Msg(
        "変更の文言とポリシーについてのメッセージ", "the wording and the messages about the policies"
    ),
    "cli.help.lang.maintenance": Msg(
        "iCalendar の予定の件名とポリシーについてのメッセージ",
        "the iCalendar summaries and the messages about the policy",
    ),
    "cli.help.lang.calendar": Msg(
        "曜日・祝日・凡例の名前とポリシーについてのメッセージ",
        "weekday, holiday and legend names and the messages about the policy",
    ),
    "cli.help.lang.serve": Msg(
        "起動時の拒否（提供できないポリシー、待ち受けられないアドレス、開けないデータベース）",
        "the refusals at start (a policy that cannot be served, an address or a database that cannot be used)",
    ),
    # options several commands share
    "cli.help.period.from": Msg(
        "期間の始まり：時差の付いた ISO 8601 の時刻、または日付（ポリシーのタイムゾーンの 00:00）",
        "period start: ISO 8601 with offset, or a date (00:00 policy time)",
    ),
    "cli.help.period.to": Msg("期間の終わり（この時刻を含みません）", "period end (exclusive)"),
    "cli.help.as_of": Msg(
        "この時点で判定します（省略時は `--to`。`--to` がまだ来ていなければ、そう注記します）",
        "judge as of this instant (default: --to; a --to still to come is noted on stderr)",
    ),
    "cli.help.quiet": Msg("端末に進捗バーを表示しません", "no progress bar on the terminal"),
    "cli.help.text_or_json": Msg("`text` か `json`（省略時は `text`）", "text or json (default: text)"),
    # sla
    "cli.help.description": Msg(
        "SLA ポリシーを検査し、イベントログをポリシーに照らして判定します。",
        "Check SLA policies and judge event logs against them.",
    ),
    # sla check
    "cli.help.check": Msg(
        "ポリシーを構文解析・コンパイルし、静的に検査します", "parse, compile and statically check policies"
    ),
    "cli.help.check.errors_only": Msg("警告を表示しません", "do not report warnings"),
    "cli.help.check.policy": Msg(
        "ポリシーのファイルかディレクトリ（版ごと。版どうしも合わせて検査します）。標準入力は `-`",
        "policy files or directories (versions, also checked together); `-` for stdin",
    ),
    # POLICY of sla deadline, sla maintenance and sla calendar: versions, as sla evaluate reads them
    "cli.help.versions.deadline": Msg(
        "ポリシーのファイルかディレクトリ（版ごと）。`--from` の時点で有効な版で計算します",
        "policy files or directories (versions); the version in force at --from is used",
    ),
    "cli.help.versions.maintenance": Msg(
        "ポリシーのファイルかディレクトリ（版ごと）。各時間帯は、その開始時点で有効な版によります",
        "policy files or directories (versions); each window is the version's in force at its start",
    ),
    "cli.help.versions.calendar": Msg(
        "ポリシーのファイルかディレクトリ（版ごと）。各日は、その日に有効な版によります",
        "policy files or directories (versions); each day is the version's in force that day",
    ),
    # sla deadline
    "cli.help.deadline": Msg(
        "`TIME` に起算する案件の応答期限を表示します",
        "the response due time of an incident whose clock starts at TIME",
    ),
    "cli.help.deadline.priority": Msg("優先度の ID（例：`P1`）", "priority id, e.g. P1"),
    "cli.help.deadline.from": Msg("起算時刻（例：`{example}`）", "clock start, e.g. {example}"),
    "cli.help.deadline.attribute": Msg(
        "案件の属性（例：`plan=premium`。繰り返し指定できます。指定しない属性は既定値になります）",
        "an attribute the incident carries, e.g. plan=premium (repeatable; others take their default)",
    ),
    "cli.help.deadline.format": Msg(
        "`text`：応答期限、`json`：JSON の文書一つ", "text: the due time; json: one document"
    ),
    "cli.help.deadline.target": Msg(
        "応答期限の代わりにこの目標の期限を表示します。レポートの行の名前で指定します（`resolve`、`first_reply`、"
        "`update` など。応答は `response`。繰り返し指定でき、目標ごとに 1 行です）。どのクロックも `TIME` に"
        "始まり、一時停止もリセットもない案件の期限です。一時停止やリセットのある案件は、イベントとともに "
        "`sla explain` で確かめてください",
        "show this target's due time instead, by the name report rows give it (resolve, first_reply, update; "
        "response for the response; repeatable, a line each), for an incident whose clocks all start at TIME "
        "and never pause or reset (for pauses and resets, run sla explain on the events)",
    ),
    "cli.help.deadline.all": Msg(
        "応答と、当てはまる優先度の規定のすべての目標の期限を 1 行ずつ表示します（`--target` と同じく、"
        "一時停止もリセットもない案件の期限）",
        "show the response and every named target of the priority's applying rule, one line each (as --target: "
        "clocks start at TIME, no pause or reset)",
    ),
    # sla maintenance
    "cli.help.maintenance": Msg(
        "`--from` から `--to` の前までに始まる定期メンテナンスの時間帯を表示します",
        "regular-maintenance windows starting in [from, to)",
    ),
    "cli.help.maintenance.from": Msg(
        "`YYYY-MM-DD`（ポリシーのタイムゾーンの 00:00）", "YYYY-MM-DD (00:00 policy time)"
    ),
    "cli.help.maintenance.to": Msg("`YYYY-MM-DD`（この日を含みません）", "YYYY-MM-DD, exclusive"),
    "cli.help.maintenance.format": Msg(
        "`text`：1 行に一つの `START/END`、`json`：JSON の文書一つ、`ics`：iCalendar のフィード（`RFC 5545`）",
        "text: START/END per line; json: one document; ics: an iCalendar feed (RFC 5545)",
    ),
    # sla calendar
    "cli.help.calendar": Msg(
        "営業カレンダーの 1ヶ月を `cal` のように表示します", "a month of the business calendar, like cal"
    ),
    "cli.help.calendar.month": Msg("表示する月（例：`2026-09`）", "the month to show, e.g. 2026-09"),
    "cli.help.calendar.calendar": Msg(
        "カレンダー（省略時は応答目標のカレンダー）", "calendar (default: the response clock's)"
    ),
    "cli.help.calendar.format": Msg(
        "`text`：月のカレンダー表、`json`：JSON の文書一つ", "text: a month grid; json: one document"
    ),
    # sla evaluate
    "cli.help.evaluate": Msg(
        "期間内のイベントログをポリシーに照らして判定します", "judge an event log against a policy over a period"
    ),
    "cli.help.evaluate.policy": Msg(
        "ポリシーのファイルかディレクトリ（版ごと）。案件と障害は、それぞれのクロックが始まった時点で有効な版で"
        "判定します",
        "policy files or directories (versions); each incident and outage is judged under the version in force "
        "when its clock started",
    ),
    "cli.help.evaluate.events": Msg(
        "判定するイベントログ一つ（`.jsonl`、`.csv`、`.parquet`、`.arrow`、`Parquet` のファイルを置いた"
        "ディレクトリ、標準入力は `-`）。複数のログは先に一つにまとめてください",
        "the one event log to judge (.jsonl, .csv, .parquet, .arrow, a directory of Parquet files, or `-` "
        "for stdin); merge several logs into one first",
    ),
    "cli.help.evaluate.skip_invalid": Msg(
        "不正なイベントの行を除外します（除外した行は標準エラー出力とレポートに示します）",
        "leave out invalid event lines (listed on stderr and in the report)",
    ),
    "cli.help.evaluate.format": Msg(
        "出力形式（省略時は `text`）。`parquet` はレポートの表ごとに一つのファイルを `--output DIR` に書きます。"
        "`pdf` は `html` のレポートをヘッドレスの `Chromium`（`PATH` にある `chromium`、"
        "または `SLA_CHROMIUM` が指すプログラム）で `A4` に印刷し、`--output FILE` に書くか、"
        "端末でない標準出力に書きます",
        "output format (default: text); parquet writes one file per report table into --output DIR; "
        "pdf prints the html report on A4 with headless Chromium (`chromium` on PATH, or the program "
        "SLA_CHROMIUM names) into --output FILE, or onto stdout when it is not a terminal",
    ),
    "cli.help.evaluate.output": Msg(
        "`--format parquet` では表を書くディレクトリ（必須）。ほかの形式では、標準出力の代わりにレポートを書くファイル"
        "（全体を置き換えるか、まったく変えないかのどちらかです）",
        "with --format parquet: the directory to write the tables into (required); with the other formats: "
        "the file to write the report into instead of stdout (replaced whole, or not at all)",
    ),
    "cli.help.evaluate.lang": Msg(
        "`text`・`markdown`・`html`・`pdf` の言語（省略時はポリシーの主言語）",
        "language of text/markdown/html/pdf (default: the policy's primary language)",
    ),
    "cli.help.evaluate.limit": Msg(
        "テキストの要約の長い一覧（目標未達の案件、違反）に出す行数。`0` ですべて（省略時は 50）",
        "rows of the text summary's long lists (incidents not met, violations); 0 lists all (default: 50)",
    ),
    "cli.help.evaluate.no_walk": Msg(
        "判定の説明から営業時間の日ごとの経過を省きます（速くなります）",
        "leave the day-by-day business-time walk out of explanations (faster)",
    ),
    "cli.help.evaluate.no_trend": Msg(
        "レポートから月ごとの推移を省きます（長いログで速くなります。`trend` は空になります）",
        "leave the month-by-month trend out of the report (faster on long logs; 'trend' is then empty)",
    ),
    # sla explain
    "cli.help.explain": Msg(
        "案件・障害・計画停止・バックアップ 1 件の判定の理由を示します",
        "explain the verdict on one incident, outage, stop or backup",
    ),
    "cli.help.explain.policy": Msg(
        "ポリシーのファイルかディレクトリ（版ごと。`sla evaluate` と同じ）",
        "policy files or directories (versions), as sla evaluate reads them",
    ),
    "cli.help.explain.events": Msg(
        "レポートを判定したイベントログ一つ", "the one event log the report was judged from"
    ),
    "cli.help.explain.id": Msg(
        "レポートに載る ID（案件・障害・計画停止・バックアップ・違反・測定期間・目標未達のサービスクレジット。"
        "例：`INC-001`、`files:2026-11-14`、`portal:2026-11-01`、`P1:respond:2026-12-01`）",
        "an id the report lists (an incident, outage, stop, backup, violation, measurement period or credit per "
        "missed target), e.g. INC-001, files:2026-11-14, portal:2026-11-01, P1:respond:2026-12-01",
    ),
    "cli.help.explain.skip_invalid": Msg(
        "不正なイベントの行を除外します（除外した行は標準エラー出力に示します）",
        "leave out invalid event lines (listed on stderr)",
    ),
    "cli.help.explain.format": Msg(
        "`text`：理由を時刻順に、`json`：判定の行", "text: the reasons in time order; json: the rows"
    ),
    "cli.help.explain.lang": Msg(
        "説明の言語（省略時はポリシーの主言語）", "language of the text (default: the policy's primary language)"
    ),
    # sla fmt
    "cli.help.fmt": Msg(
        "ポリシーを標準の書式に整形します（コメントは残します）",
        "rewrite policies in the canonical layout (comments kept)",
    ),
    "cli.help.fmt.description": Msg(
        "ポリシーファイルを標準の書式に整形し、そのファイルに書き戻します。ディレクトリは、その中の `*.sla` ファイルを"
        "それぞれ整形します。`-` は標準入力から読み、標準出力に書きます。構文を読めるポリシーは、検査のエラーがあっても"
        "整形します。構文を読めないポリシーがあるとき（そのファイルは変えません）と、`--check` で整形されていない"
        "ファイルがあるときは終了コード 1 で終わります。",
        "Rewrite policy files in the canonical layout, in place; a directory's *.sla files each; `-` reads stdin "
        "and writes stdout. A policy that parses is formatted even when its checks find errors. "
        "Exit 1 when a policy does not parse (it is left alone) or, with --check, when a file is not formatted.",
    ),
    "cli.help.fmt.policy": Msg(
        "ポリシーのファイルかディレクトリ（標準入力は `-`）", "policy files or directories, or `-` for stdin"
    ),
    "cli.help.fmt.check": Msg(
        "何も変えず、整形が必要なら `diff -u` 形式の差分を表示して終了コード 1 で終わります",
        "change nothing; print a unified diff and exit 1 if needed",
    ),
    # sla diff
    "cli.help.diff": Msg(
        "ポリシーの二つの版で何が変わったかを意味で比べます",
        "what changed between two versions of a policy, by meaning",
    ),
    "cli.help.diff.description": Msg(
        "ポリシーの二つの版を意味で比べます。レイアウト、コメント、順序の違いは数えません。"
        "違いの有無によらず終了コードは 0 です（`--exit-code` を付けると、`git diff` と同じく違いがあるとき 1）。"
        "新版が旧版より後に適用されないときや、二つが一つのポリシーの版として受け付けられないときは、"
        "違いを示したうえで標準エラー出力に警告します。新版が旧版より後に適用されないときの変更のお知らせは、"
        "変更を告知しません。",
        "Compare two policy versions by meaning: layout, comments and order do not count. "
        "Exit 0 whether or not they differ (1 with --exit-code when they differ, like git diff). "
        "When NEW does not take effect after OLD, or the two would be refused as versions of one policy, "
        "the differences are shown with a warning on stderr; the change notice of a NEW that does not take "
        "effect after OLD announces no change.",
    ),
    "cli.help.diff.old": Msg("前の版のポリシーファイル", "the policy file of the earlier version"),
    "cli.help.diff.new": Msg("後の版のポリシーファイル", "the policy file of the later version"),
    "cli.help.diff.format": Msg(
        "`text`、`json`、`markdown` のどれか（省略時は `text`）", "text, json or markdown (default: text)"
    ),
    "cli.help.diff.exit_code": Msg(
        "版の意味が違うとき終了コード 1 で終わります", "exit 1 when the versions differ in meaning"
    ),
    # sla replay
    "cli.help.replay": Msg(
        "仮定比較：一つのイベントログを二つの版で判定し、変わるところを示します",
        "what-if: judge one event log under two versions and show what changes",
    ),
    "cli.help.replay.description": Msg(
        "同じイベントを `OLD` と `NEW` で判定し、判定が変わる案件、稼働率の変化、定期メンテナンスの時間帯の移動、"
        "新たに出る違反と消える違反を示します。",
        "Evaluate the same events under OLD and NEW and report incidents that flip, availability "
        "moving, maintenance windows moving and violations appearing or going away.",
    ),
    "cli.help.replay.old": Msg("変更前の版のポリシー", "the policy before the change"),
    "cli.help.replay.new": Msg("変更後の版のポリシー", "the policy after the change"),
    "cli.help.replay.events": Msg(
        "両方の版で判定するイベントログ一つ", "the one event log to judge under both versions"
    ),
    "cli.help.replay.from": Msg("期間の始まり（ISO 8601 の時刻か日付）", "period start (ISO 8601 or date)"),
    "cli.help.replay.to": Msg("期間の終わり（この時刻を含みません）", "period end, exclusive"),
    "cli.help.replay.exit_code": Msg(
        "判定が一つでも変わると終了コード 1 で終わります", "exit 1 when any verdict changes"
    ),
    # sla test
    "cli.help.test": Msg(
        "`YAML` に書いた期待をポリシーに対して確かめます（`opa test` のように）",
        "run YAML expectations against a policy, like opa test",
    ),
    "cli.help.test.description": Msg(
        "`YAML` のテストファイル（またはそれを入れたディレクトリ）のケースを `POLICY` に対して実行します。"
        "`POLICY` には版をいくつでも書けます（`sla evaluate` と同じく、ファイルか `*.sla` ファイルを入れた"
        "ディレクトリ）。"
        "失敗したケースがあるとき（読みやすい差分を示します）、テストファイルが不正なとき、"
        "実行するケースが一つもないときは終了コード 1 で終わります。",
        "Run the cases of YAML test files (or directories of them) against POLICY, given as sla evaluate takes "
        "its versions (files, or directories of *.sla files). "
        "Exit 1 when a case fails (with a readable diff), a test file is invalid or no case runs.",
    ),
    "cli.help.test.policy": Msg(
        "ケースを実行するポリシーのファイルかディレクトリ（版ごと）。"
        "各ケースは、その `from` の時点で有効な版で判定します",
        "policy files or directories (versions) to run the cases against; each case is judged under the version"
        " in force at its `from`",
    ),
    "cli.help.test.tests": Msg(
        "`YAML` ファイル、または `*.yaml` ファイルを入れたディレクトリ",
        "YAML files or directories holding *.yaml files",
    ),
    "cli.help.test.run": Msg(
        "名前に `TEXT` を含むケースだけを実行します（一つもなければ終了コード 1）",
        "run only cases whose name contains TEXT (exit 1 when none does)",
    ),
    "cli.help.test.verbose": Msg("失敗だけでなく、すべてのケースを示します", "list every case, not only failures"),
    # sla lsp
    "cli.help.lsp": Msg(
        "エディター向けの言語サーバーを起動します（標準入出力）", "run the language server (stdio) for editors"
    ),
    "cli.help.lsp.description": Msg(
        "標準入出力で話す言語サーバー（`Language Server Protocol`）です。`.sla` ファイルの診断、ホバー、"
        "定義への移動、整形、補完を提供します。`pygls` パッケージが必要です。",
        "A Language Server Protocol server over stdio: diagnostics, hover, go-to-definition, "
        "formatting and completion for .sla files. Needs the `pygls` package.",
    ),
    "cli.help.lsp.stdio": Msg(
        "標準入出力を使います（既定で、ただ一つの通信手段です）", "use stdio (the default and only transport)"
    ),
    # sla serve
    "cli.help.serve": Msg(
        "SLA をリアルタイムで追跡するサービスを起動します（`HTTP API`、タイマー、アラート、ダッシュボード）",
        "run the live SLA tracking service (HTTP API, timers, alerts, dashboard)",
    ),
    "cli.help.serve.policy": Msg(
        "ポリシーのファイルかディレクトリ（版ごと）", "policy files or directories (versions)"
    ),
    "cli.help.serve.db": Msg(
        "`sqlite:///FILE`（省略時は `sla.db`）または `postgresql://...`",
        "sqlite:///FILE (default sla.db) or postgresql://...",
    ),
    "cli.help.serve.host": Msg("待ち受けるアドレス（省略時は 127.0.0.1）", "address to listen on (default: 127.0.0.1)"),
    "cli.help.serve.port": Msg("ポート番号（省略時は 8080）", "port (default: 8080)"),
    "cli.help.serve.token_file": Msg(
        "書き込みに必要なベアラートークンを書いたファイル", "file holding the bearer token required for writes"
    ),
    "cli.help.serve.webhook": Msg(
        "アラートをこの `URL` に送ります（繰り返し指定できます）", "post alerts to this URL (may be repeated)"
    ),
    "cli.help.serve.max_body": Msg(
        "リクエスト本文の大きさの上限（省略時は 10 MiB）", "largest request body (default 10 MiB)"
    ),
    "cli.help.serve.clock_skew": Msg(
        "イベントの時刻がサービスの時計より何秒先まで受け付けるか"
        "（システム間の時計のずれ。0 から 86400、省略時は 300）",
        "how many seconds after the service's clock an event may be dated and still be stored (clock skew "
        "between systems; 0 to 86400, default 300)",
    ),
    "cli.help.serve.db_stall": Msg(
        "`PostgreSQL` のサーバーが何も応答しなくなってから、それを待つ接続を切るまでの秒数"
        "（止まったサーバー。1 から 86400、省略時は 30）",
        "how many seconds a PostgreSQL server may answer nothing (frozen) before the connections waiting on "
        "it are given up (1 to 86400, default 30)",
    ),
}
