"""Catalogue section: the ``sla`` command's own words about a policy, beside its diagnostics (keys ``cli.*``).

Design notes
------------
* Diagnostics themselves are :mod:`.diagnostics` (``diag.*``); this section holds the lines a
  command prints around them: what ``sla fmt`` did with each file and the count at the end,
  the docs build's line before a policy that does not compile, a priority or calendar the
  policy does not declare, the words of ``sla calendar``'s month grid, and the notes of
  ``sla deadline``, ``sla maintenance`` and ``sla calendar`` naming the version they used. They are written
  in the language :mod:`sla_dsl.cli.langs` chooses (``--lang``, else the policy's primary
  language).
* English plurals are separate keys (``.one`` / ``.other``) with the same fields; Japanese
  counts need no plural, so both keys say the same there.
* The English is exactly what the commands printed before the catalogue (tests compare it).
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["CLI"]

#: ``cli.<command>.<key>``
CLI: dict[str, Msg] = {
    # the progress bar and phase line of `sla evaluate` and `sla explain` on a terminal (cli/progress.py)
    "cli.interrupted": Msg("中断しました", "interrupted"),
    "cli.stopped": Msg("`{signal}` を受けて終了しました", "stopped by {signal}"),
    # what a command prints could not be written (cli/app.py; {reason}: the system's, events.os.*)
    "cli.cannot_write": Msg("出力を書けません：{reason}", "cannot write the output: {reason}"),
    "cli.progress.reading": Msg("読み込み中", "reading"),
    "cli.progress.lines": Msg("{n} 行", "{n} lines"),
    "cli.progress.rows": Msg(" 行", " rows"),
    "cli.progress.events": Msg(" 件", " events"),
    "cli.progress.judging": Msg("判定中", "judging"),
    "cli.progress.writing": Msg("レポートを出力中", "writing the report"),
    # `sla evaluate`: where the report cannot go ({option}: `--output`; {reason}: the system's, events.os.*)
    "cli.evaluate.stdout_failed": Msg(
        "標準出力にレポートを書けません：{reason}", "cannot write the report on the standard output: {reason}"
    ),
    "cli.evaluate.parquet_needs_output": Msg(
        "`--format parquet` はファイルを書きます。表を書くディレクトリを `--output DIR` で指定してください",
        "`--format parquet` writes files: give the directory with `--output DIR`",
    ),
    "cli.evaluate.pdf_needs_output": Msg(
        "`--format pdf` はバイナリのファイルを書きます。"
        "`--output FILE` で指定するか、標準出力をリダイレクトしてください",
        "`--format pdf` writes a binary file: give it with `--output FILE`, or redirect stdout",
    ),
    "cli.evaluate.output_empty": Msg(
        "`--output` が空です。レポートを書くファイル（`--format parquet` ではディレクトリ）を指定してください",
        "`--output` is empty: give the file to write the report into (the directory, with `--format parquet`)",
    ),
    "cli.evaluate.output_is_input": Msg(
        "`{option}` の `{path}` は読み込む{what}です。レポートで上書きしないよう、別の場所を指定してください",
        "{option} `{path}` is the {what} being read: give another place, so that the report does not overwrite it",
    ),
    "cli.evaluate.output_in_events": Msg(
        "`{option}` の `{path}` は読み込むイベントのディレクトリ `{events}` の中です。別の場所を指定してください"
        "（書いた表が次の実行でイベントとして読まれます）",
        "{option} `{path}` is inside `{events}`, the directory of events being read: give another place "
        "(the tables written there would be read as events by the next run)",
    ),
    "cli.evaluate.what.events": Msg("イベントログ", "event log"),
    "cli.evaluate.what.policy": Msg("ポリシー", "policy"),
    "cli.evaluate.output_is_dir": Msg(
        "`{option}` の `{path}` はディレクトリです。レポートを書くファイルを指定してください",
        "{option} `{path}` is a directory: give the file to write the report into",
    ),
    "cli.evaluate.output_no_dir": Msg(
        "`{option}` の `{path}`：ディレクトリ `{parent}` がありません",
        "{option} `{path}`: there is no directory `{parent}`",
    ),
    "cli.evaluate.output_parent_not_dir": Msg(
        "`{option}` の `{path}`：`{parent}` はディレクトリではありません",
        "{option} `{path}`: `{parent}` is not a directory",
    ),
    "cli.evaluate.output_failed": Msg(
        "`{option}` の `{path}`：レポートを書けません：{reason}", "{option} `{path}`: cannot write the report: {reason}"
    ),
    # `--format pdf`: no Chromium to print with, or one that fails (report/pdf.py; {env}: `SLA_CHROMIUM`;
    # {why}: .env_not_program or .not_on_path; {help}: diag.word.help; {reason}: events.os.*;
    # {said}: the last line Chromium wrote on its standard error, as it is)
    "cli.evaluate.pdf.no_chromium": Msg(
        "`--format pdf` には `Chromium` が必要です：{why}\n{help}: `Chromium` をインストールするか、{env} に"
        " `Chromium` か `Chrome` のパスを設定してください。または `--format html` で書いて、ブラウザーから"
        "印刷してください",
        "`--format pdf` needs Chromium: {why}\n{help}: install Chromium, or set {env} to the path of a Chromium"
        " or Chrome; or write `--format html` and print it from a browser",
    ),
    "cli.evaluate.pdf.env_not_program": Msg(
        "{env} の `{value}` は実行できるプログラムではありません",
        "{env} is `{value}`, which is not a program that can be run",
    ),
    "cli.evaluate.pdf.not_on_path": Msg(
        "`Chromium` が見つかりません（{names} のどれも `PATH` にありません）",
        "no Chromium found: none of {names} is on PATH",
    ),
    "cli.evaluate.pdf.timeout": Msg(
        "`Chromium`（`{browser}`）が {seconds} 秒以内にレポートを印刷しませんでした",
        "Chromium (`{browser}`) did not print the report within {seconds} s",
    ),
    "cli.evaluate.pdf.cannot_run": Msg(
        "`Chromium`（`{browser}`）を実行できません：{reason}", "cannot run Chromium (`{browser}`): {reason}"
    ),
    "cli.evaluate.pdf.failed": Msg(
        "`Chromium`（`{browser}`）がレポートを印刷しませんでした（終了コード {code}）",
        "Chromium (`{browser}`) did not print the report (exit code {code})",
    ),
    "cli.evaluate.pdf.failed_said": Msg(
        "`Chromium`（`{browser}`）がレポートを印刷しませんでした（終了コード {code}）：{said}",
        "Chromium (`{browser}`) did not print the report (exit code {code}): {said}",
    ),
    # the date the PDF is given is not a date ({env}: `SOURCE_DATE_EPOCH`; {help}: diag.word.help)
    "cli.evaluate.pdf.bad_epoch": Msg(
        "{env} の `{value}` は 1970年1月1日 00:00（協定世界時）からの秒数ではありません\n{help}: {env} には"
        "整数の秒数（`date +%s` が書く形、9999年まで）を設定するか、設定を外してください",
        "{env} is `{value}`, which is not a number of seconds since 1970-01-01 00:00 UTC\n{help}: set {env} to"
        " whole seconds (as `date +%s` writes them, up to the year 9999), or unset it",
    ),
    # `sla evaluate` and `sla explain`: an event log among the policies ({n}: its place among the paths;
    # {usage}: the paths the command takes; {merge}: a command that merges logs)
    "cli.policies.log_given": Msg(
        "{n} 番目のパス `{path}` はイベントログで、ポリシーではありません。`sla {command}` が読むのはポリシーだけです。"
        "ログを判定するには、ポリシーの後にログを指定して `sla evaluate` を使ってください（`{run}`）",
        "`{path}` (path {n}) is an event log, not a policy: `sla {command}` reads policies only; to judge the "
        "log, give it to `sla evaluate` after the policies (`{run}`)",
    ),
    "cli.evaluate.log_among_policies": Msg(
        "{n} 番目のパス `{path}` はイベントログですが、ポリシーの位置にあります。`sla {command}` が一度に判定する"
        "イベントログは一つだけで、ポリシーの後に指定します（`{usage}`）。複数のログは先に一つにまとめるか"
        "（`{merge}`）、`Parquet` のファイルを一つのディレクトリに置いて、そのディレクトリを `EVENTS` に"
        "指定してください",
        "`{path}` (path {n}) is an event log where a policy is expected: `sla {command}` judges one event log "
        "per run, given after the policies (`{usage}`); merge the logs into one first (`{merge}`), or put "
        "Parquet files in one directory and give it as EVENTS",
    ),
    # `sla evaluate --skip-invalid`: before each line left out, on stderr
    "cli.evaluate.skipped": Msg("除外した行", "skipped"),
    # `sla explain` with one edge of the period, the other the month's whose report lists {id}
    "cli.explain.as_of.no_from": Msg(
        "`--as-of` の `{as_of}` は、`{id}` を載せる月次レポートの月初め（`{start}`）より前です。`--from` がないため、"
        "期間はその月です。`--as-of` を `{start}` 以後にするか、`{as_of}` より前の `--from` を指定してください",
        "--as-of `{as_of}` is before the start of the month whose report lists `{id}` (`{start}`), the period"
        " taken without `--from`: give an `--as-of` from `{start}` on, or a `--from` before `{as_of}`",
    ),
    "cli.explain.empty.no_from": Msg(
        "期間が空です：`--from` がないため、期間は `{id}` を載せる月次レポートの月初め（`{start}`）からですが、"
        "`--to` の `{end}` はそれより後ではありません。`{end}` より前の `--from` を指定するか、"
        "`--to` を `{start}` より後にしてください",
        "the period is empty: without `--from` it starts at the start of the month whose report lists `{id}`"
        " (`{start}`), and `--to` `{end}` is not after that: give a `--from` before `{end}`, or a `--to` after"
        " `{start}`",
    ),
    "cli.explain.empty.no_to": Msg(
        "期間が空です：`--to` がないため、期間は `{id}` を載せる月次レポートの月末（`{end}` の前）までですが、"
        "`--from` の `{start}` はそれより前ではありません。`{start}` より後の `--to` を指定するか、"
        "`--from` を `{end}` より前にしてください",
        "the period is empty: without `--to` it ends at the end of the month whose report lists `{id}`"
        " (`{end}`), and `--from` `{start}` is not before that: give a `--to` after `{start}`, or a `--from`"
        " before `{end}`",
    ),
    "cli.fmt.stdin_twice": Msg(
        "`-`（標準入力）が 2 回以上指定されています。標準入力は 1 度しか読めません",
        "`-` (the standard input) is given more than once: the standard input can be read only once",
    ),
    "cli.fmt.not_formatted": Msg(
        "整形していません（ポリシーの構文を読めません）", "not formatted (the policy does not parse)"
    ),
    "cli.fmt.reformatted.one": Msg(
        "{changed} 件を整形し、{unchanged} 件は変更なし", "{changed} file reformatted, {unchanged} left unchanged"
    ),
    "cli.fmt.reformatted.other": Msg(
        "{changed} 件を整形し、{unchanged} 件は変更なし", "{changed} files reformatted, {unchanged} left unchanged"
    ),
    "cli.fmt.would.one": Msg(
        "{changed} 件は整形が必要、{unchanged} 件は変更なし",
        "{changed} file would be reformatted, {unchanged} left unchanged",
    ),
    "cli.fmt.would.other": Msg(
        "{changed} 件は整形が必要、{unchanged} 件は変更なし",
        "{changed} files would be reformatted, {unchanged} left unchanged",
    ),
    # `sla calendar`: the month grid (the month's English name or its number arrive as {month})
    "cli.calendar.title": Msg("{year}年{month}月", "{month} {year}"),
    "cli.calendar.weekdays": Msg("月 火 水 木 金 土 日", "Mon Tue Wed Thu Fri Sat Sun"),
    "cli.calendar.legend.closed": Msg("営業日以外", "not a business day"),
    "cli.calendar.legend.holiday": Msg("祝日・休業日", "holiday or closure"),
    "cli.calendar.legend.maintenance": Msg("定期メンテナンス開始日", "maintenance window starts"),
    # (the heading, after the month: the policy, the calendar and its zone; Japanese in full-width brackets)
    "cli.calendar.heading": Msg("{policy} · {calendar}（{zone}）", "{policy} · {calendar} ({zone})"),
    # (the day a window was due, written as every other date of the command's language: 11月24日(火))
    "cli.calendar.moved": Msg("（{day}（{reason}）から延期）", " (moved from {day}: {reason})"),
    # a window due on the day, moved into another month ({day}: the day it moved to, ISO 8601)
    "cli.calendar.moved_to": Msg("{label}：{day}に移動（{reason}）", "{label}: moved to {day} ({reason})"),
    # `sla deadline`, `sla maintenance`, `sla calendar`: the versions used (Article 5), as the evaluator's
    # explanations name them (the English is theirs, word for word); on stderr as `sla: note: ...`
    "cli.note": Msg("注記", "note"),
    "cli.versions.judged": Msg(
        "規定の版 {version}（{effective} から適用）で判定しました",
        "judged under version {version} (effective {effective})",
    ),
    # `sla evaluate` without --as-of over a period that ends after the machine's clock ({to}: --to's value;
    # {now}: an --as-of of the clock's time, the option to give)
    "cli.evaluate.as_of_after_now": Msg(
        "期間の終わり（`--to` {to}）はまだ来ていません。`--as-of` を指定していないため、その時点までに"
        "ログにないことは起きなかったものとして判定しました（これから来るバックアップの時間帯は取得なし、"
        "対応中の案件は期限の時点で未達）。現時点で判定するには `{now}` を指定してください",
        "the period's end (--to {to}) has not come yet: without --as-of it is judged as if nothing more happened"
        " before it (a backup window still to come is missed, an open incident breached at its due time); to"
        " judge as of now, give `{now}`",
    ),
    "cli.versions.none_yet": Msg(
        "適用中の版はまだありません：与えられた中で最も早い規定の版 {version}（{effective} から適用）で判定しました",
        "no version in force yet: judged under version {version} (effective {effective}), the earliest given",
    ),
    # a version numbered after another that takes effect later (W307 of `sla check`): the commands that judge
    # under the versions say that the higher number never applies from the other's date on
    "cli.versions.shadowed": Msg(
        "規定の版 {version}（{effective} から適用）は規定の版 {other}（{other_effective} から適用）より番号が"
        "大きいのに、先に適用が始まります。ある日に適用されるのはその日までに最後に適用が始まった版なので、"
        "{other_effective} 以降はすべて版 {other} で判定し、版 {version} は適用しません（`sla check` の `W307`）",
        "version {version} (effective {effective}) is numbered after version {other} (effective {other_effective}) "
        "but takes effect before it: the version in force on a day is the last to take effect by then, so from "
        "{other_effective} on everything is judged under version {other}, never under version {version} "
        "(`W307` of `sla check`)",
    ),
    # `sla deadline --priority` and `sla calendar --calendar` naming what the policy does not declare
    "cli.unknown.priority": Msg(
        "優先度 `{name}` はありません（このポリシーの優先度：{known}）",
        "unknown priority `{name}` (this policy has {known})",
    ),
    # `sla deadline` given several versions: what the version in force at --from lacks, and when a later has it
    "cli.version.unknown_priority": Msg(
        "優先度 `{name}` は、`{flag}` の時点で適用中の規定の版 {version}（{effective} から適用）にありません"
        "（この版の優先度：{known}）",
        "unknown priority `{name}` in version {version} (effective {effective}), the version in force at "
        "`{flag}` (it has {known})",
    ),
    "cli.version.unknown_attribute": Msg(
        "属性 `{name}` は、`{flag}` の時点で適用中の規定の版 {version}（{effective} から適用）に宣言されていません",
        "unknown attribute `{name}` in version {version} (effective {effective}), the version in force at `{flag}`",
    ),
    "cli.version.no_value": Msg(
        "属性 `{name}` の値 `{value}` は、`{flag}` の時点で適用中の規定の版 {version}（{effective} から適用）"
        "に宣言されていません",
        "attribute `{name}` has no value `{value}` in version {version} (effective {effective}), the version in "
        "force at `{flag}`",
    ),
    "cli.version.priority_from": Msg(
        "優先度 `{name}` は規定の版 {version} が {effective} から定めています",
        "version {version} defines `{name}` from {effective}",
    ),
    "cli.version.attribute_from": Msg(
        "属性 `{name}` は規定の版 {version} が {effective} から宣言しています",
        "version {version} declares attribute `{name}` from {effective}",
    ),
    "cli.version.value_from": Msg(
        "属性 `{name}` の値 `{value}` は規定の版 {version} が {effective} から宣言しています",
        "version {version} declares `{name}` = `{value}` from {effective}",
    ),
    "cli.unknown.calendar": Msg(
        "カレンダー `{name}` はありません（このポリシーのカレンダー：{known}）",
        "unknown calendar `{name}` (this policy has {known})",
    ),
    # `sla deadline --attribute` and `sla calendar --month` given what they do not take
    "cli.attribute.not_pair": Msg(
        "`{flag}` の `{pair}` は `NAME=VALUE` の形ではありません\n{help}: 例えば `{example}` と書いてください",
        "{flag} `{pair}` is not NAME=VALUE\n{help}: write e.g. `{example}`",
    ),
    "cli.attribute.twice": Msg(
        "`{flag}` の `{name}` が 2 回指定されています\n{help}: 属性は 1 回ずつ指定してください",
        "{flag} `{name}` is given twice\n{help}: give each attribute once",
    ),
    "cli.month.not_month": Msg(
        "`{flag}` の `{text}` は月ではありません（`YYYY-MM` の形で、例えば `{example}` と書いてください）",
        "{flag} `{text}` is not a month (write YYYY-MM, e.g. `{example}`)",
    ),
    # `sla deadline`: a due time after the supported years ({reason}: the arithmetic's own, bounds.*)
    "cli.deadline.after_range": Msg("`{flag}` の `{value}`：{reason}", "{flag} `{value}`: {reason}"),
    # `sla deadline --target`/`--all`: a target of the priority's rule by its key, and its line's label: the
    # target (report.targets.*) on its clock (the clock's label), with the out-of-hours extra its start earned
    "cli.unknown.target": Msg(
        "優先度 `{priority}` に目標 `{name}` はありません（この優先度の目標：{known}）",
        "priority `{priority}` has no target `{name}` (it has {known})",
    ),
    # `sla deadline --target first_response`: the name of a clock a target of the priority is measured on
    "cli.unknown.target.clock": Msg(
        "優先度 `{priority}` に目標 `{name}` はありません：`{name}` はクロックの名前で、"
        "このクロックで測る目標は {targets} です",
        "priority `{priority}` has no target `{name}`: `{name}` is a clock, and the targets measured on it "
        "are {targets}",
    ),
    "cli.deadline.target.out_of_hours": Msg(
        "{label}、営業時間外の受付のため{extra}を加算", "{label}, plus {extra}: received outside business hours"
    ),
    "cli.deadline.target.out_of_hours_on": Msg(
        "{label}、「{calendar}」の営業時間外の受付のため{extra}を加算",
        "{label}, plus {extra}: received outside the open hours of “{calendar}”",
    ),
    "cli.month.out_of_range": Msg(
        "`{flag}` の `{text}` は扱える年（{first} 年から {last} 年まで）の外です。"
        "{first}-01 から {last}-12 までの月を書いてください",
        "{flag} `{text}` is outside the supported years, {first} to {last} "
        "(write a month from {first}-01 to {last}-12)",
    ),
    "cli.docs.not_compiled": Msg("ポリシー {path} にエラーがあります：", "policy {path} does not compile:"),
    "cli.docs.slug_clash": Msg(
        'ポリシー {first}（`sla "{first_name}"`）と {second}（`sla "{second_name}"`）のページのアドレスが'
        "同じ `{slug}` になります。一方のページがもう一方のページを置き換えてしまうため、サイトを作成しません。"
        "`mkdocs.yml` の `sla` プラグインの設定に `slugs:` を加え、ポリシーごとのアドレスを書いてください"
        '（`slugs: {{"{second_name}": hosting-plus}}` のように、名前ごとに英小文字・数字・ハイフンで）',
        'the pages of policy {first} (`sla "{first_name}"`) and of {second} (`sla "{second_name}"`) '
        "would have the same address `{slug}`, one replacing the other, so the site is not built: "
        "give each its own address under `slugs:` in the `sla` plugin's settings in `mkdocs.yml` "
        '(`slugs: {{"{second_name}": hosting-plus}}`: small letters, digits and hyphens, by policy name)',
    ),
    "cli.docs.slug_unknown": Msg(
        '`mkdocs.yml` の `slugs:` にある `sla "{name}"` は、`policies:` のどのポリシーの名前でもありません'
        "（ポリシーの名前：{names}）。ポリシーの `sla` の名前をそのまま書いてください",
        'the name `sla "{name}"` under `slugs:` in `mkdocs.yml` is no policy of `policies:` (the policies: {names}): '
        "write a policy's `sla` name as it is",
    ),
    "cli.docs.slug_invalid": Msg(
        '`mkdocs.yml` の `slugs:` で `sla "{name}"` に書いたアドレス `{slug}` は使えません。'
        "英小文字・数字と、その間のハイフンで書いてください（`hosting-plus` など）",
        'the address `{slug}` given to `sla "{name}"` under `slugs:` in `mkdocs.yml` is not one: '
        "write small letters and digits, with hyphens between them (`hosting-plus`)",
    ),
}
