"""Catalogue section: what the authors' tools and the policy loader say about a policy (keys ``author.*``).

Design notes
------------
* ``author.load.*``: :func:`sla_dsl.policy.load.load_policies` (a directory without
  policies; two versions on one day, of another name, of one ``version`` or in another
  time zone: ``author.load.refused``, the place and code before the words of ``sla
  check``'s ``diag.E304``-``diag.E307``, with their help; ``author.load.same_day`` is
  ``sla serve``'s, for a reloaded file); ``author.policy.*``: the compiled policy's
  refusals (:mod:`sla_dsl.policy.compiled`: an attribute or value the policy does not
  declare, no rule that applies, no business calendar); ``author.test.*``: ``sla test``
  (:mod:`sla_dsl.authoring.policytest`, :mod:`sla_dsl.authoring.testyaml`);
  ``author.replay.*``: ``sla replay``'s summary; ``author.fmt.*`` and ``author.lsp.*``:
  ``sla fmt`` and the language server when they cannot do what was asked (``author.fmt.*``
  also words :class:`~sla_dsl.authoring.fmt.FormatError`); ``author.time.*``: a bad time
  given on the command line or in a test file (:mod:`sla_dsl.calendars.timeargs`).
* The English is exactly what the tools printed before the catalogue (tests compare
  it with ``--lang en``). The Japanese quotes in backticks every name from the
  policy, the test file or the system (YAML keys, ids, statuses, an OS error text),
  so no English word stands outside them; Latin text the Japanese needs (``.sla``,
  a YAML example) arrives as a field.
* Lists are joined with ``author.sep.*`` (``、`` / ``, ``), so no caller picks a
  separator by language; a list of names from a file or the policy (YAML keys,
  attribute values) is :func:`names`: in backticks in Japanese, bare in English
  as the tools always wrote them.
"""

from __future__ import annotations

from collections.abc import Iterable

from .msg import Msg

__all__ = ["AUTHORING", "names"]

#: ``author.<tool>.<key>``
AUTHORING: dict[str, Msg] = {
    "author.sep.list": Msg("、", ", "),
    "author.sep.help": Msg("。", "; "),
    "author.sep.kinds": Msg("、", "; "),
    # the policy loader (sla_dsl.policy.load)
    "author.load.no_policy_file": Msg(
        "{path}：ディレクトリにポリシーファイル（`{ext}`）がありません", "{path}: directory holds no {ext} policy file"
    ),
    # a refusal of versions judged together (E304-E307), in the words `sla check` says it in (`diag.E30x`): where,
    # its code, the words
    "author.load.refused": Msg("{path}：[{code}] {text}", "{path}: [{code}] {text}"),
    "author.load.version_of": Msg("{path}（版 {version}）", "{path} (version {version})"),
    # the compiled policy (sla_dsl.policy.compiled)
    "author.policy.unknown_attribute": Msg("属性 `{name}` はありません", "unknown attribute `{name}`"),
    "author.policy.declares": Msg("このポリシーの属性：{known}", "the policy declares {known}"),
    "author.policy.attribute": Msg("`{name}`（{values}）", "`{name}` ({values})"),
    "author.policy.no_attributes": Msg("このポリシーは属性を宣言していません", "the policy declares no attributes"),
    "author.policy.no_value": Msg(
        "属性 `{name}` に値 `{value}` はありません", "attribute `{name}` has no value `{value}`"
    ),
    "author.policy.values_are": Msg("値は {values} です", "its values are {values}"),
    "author.policy.values_near": Msg(
        "`{near}` の誤りではありませんか？値は {values} です", "did you mean `{near}`? its values are {values}"
    ),
    # what a method of the compiled policy is given that is not what it takes (a TypeError, an
    # InputError: in the policy's primary language, as its other refusals)
    "author.policy.attribute_type": Msg(
        "`attributes` の `{name}` の値は文字列で渡してください（`{kind}` が渡されました）",
        "attributes: the value of `{name}` must be text, found {kind}",
    ),
    "author.policy.attribute_name_type": Msg(
        "`attributes` の名前は文字列で渡してください（`{kind}` の `{name}` が渡されました）",
        "attributes: a name must be text, found {kind} `{name}`",
    ),
    "author.policy.attributes_type": Msg(
        "`attributes` には名前と値の `Mapping`（`dict` など）を渡してください（`{kind}` が渡されました）",
        "attributes: expected a mapping of names to values, found {kind}",
    ),
    "author.policy.time_type": Msg(
        "時刻には、時差を持つ `datetime` か `ISO 8601` の文字列を渡してください（`{kind}` が渡されました）",
        "time: expected a datetime with a UTC offset or ISO 8601 text, found {kind}",
    ),
    "author.policy.edge_type": Msg(
        "`{what}` には `datetime`、`date`、またはそれらの `ISO 8601` の文字列を渡してください"
        "（`{kind}` が渡されました）",
        "{what}: expected a datetime, a date or ISO 8601 text, found {kind}",
    ),
    "author.policy.delta_type": Msg(
        "`delta` には `timedelta` を渡してください（`{kind}` が渡されました）",
        "delta: expected a timedelta, found {kind}",
    ),
    "author.policy.priority_type": Msg(
        "優先度の ID には文字列を渡してください（`{kind}` が渡されました）",
        "priority: expected a priority's id as text, found {kind}",
    ),
    "author.policy.lang_value": Msg(
        "`lang` には {known} のどちらかを渡してください（`{given}` が渡されました）",
        "lang: expected one of {known}, found {given}",
    ),
    "author.policy.date_type": Msg(
        "`d` には `date`（`datetime` ではない日付）を渡してください（`{kind}` が渡されました）",
        "d: expected a date, found {kind}",
    ),
    "author.policy.target_type": Msg(
        "`target` にはポリシーの目標（`policy.priority('P1').target`）を渡してください（`{kind}` が渡されました）。"
        "優先度の応答期限には `response_due` を使ってください",
        "target: expected a target of the policy (policy.priority('P1').target), found {kind}; for a "
        "priority's response due time, use response_due",
    ),
    "author.policy.not_instant": Msg(
        "時刻 `{text}` は `ISO 8601` 形式の時刻ではありません（例：`{example}`）",
        "time `{text}` is not an ISO 8601 time (write e.g. `{example}`)",
    ),
    "author.policy.no_offset": Msg(
        "時刻 `{text}` には時差（`+09:00` など）がありません（例：`{example}`）",
        "time `{text}` has no UTC offset (write e.g. `{example}`)",
    ),
    "author.policy.naive": Msg(
        "時刻 `{text}` には時差がありません（タイムゾーンを付けてください：`{example}`）",
        "time `{text}` has no UTC offset (give it a time zone: `{example}`)",
    ),
    "author.policy.no_rule": Msg(
        "優先度 `{pid}` の規定には、{shown} に当てはまるものがありません",
        "no rule of priority `{pid}` applies to {shown}",
    ),
    "author.policy.given": Msg("属性 `{name}` が `{value}`", "{name} = {value}"),
    "author.policy.no_calendar": Msg(
        "このポリシーには営業時間のある営業カレンダーがありません。"
        "{example} を追加するか、カレンダーを指定してください",
        "the policy declares no business calendar with hours: add {example} or name one",
    ),
    # what the API's evaluation entries (sla_dsl.evaluate, sla_dsl.evaluation) refuse, in the policy's primary
    # language as the policy's methods (the English is what they always said)
    "author.api.edge_type": Msg(
        "`{what}` には時差を持つ `datetime`、`date`、またはそれらの `ISO 8601` の文字列を渡してください"
        "（`{kind}` が渡されました）",
        "{what}: expected a datetime with a UTC offset, a date or ISO 8601 text, found {kind}",
    ),
    "author.api.naive": Msg(
        "`{what}` の `{text}` には時差がありません（時差を持つ `datetime` を渡してください）",
        "{what} `{text}` has no UTC offset",
    ),
    # `events` of another type than the API takes (sla_dsl.events.reader.log_from): what it takes; the one text of
    # sla_dsl.events.problems.not_events (also raised in English by the table reader, pyarrow or pandas given a column)
    "author.api.events_type": Msg(
        "`events` にはイベントのモデルか `dict`、`pyarrow` の `Table` か `DataFrame`、またはイベントログのファイルの"
        "パスを渡してください（`{kind}` が渡されました）",
        "events: expected event models or dicts, a pyarrow Table or a DataFrame, or a log file's path; found {kind}",
    ),
    # one event (a dict) given as `events`: its keys would be read as events
    "author.api.events_mapping": Msg(
        "`events` にはイベントのモデルか `dict` の並び（リスト）、`pyarrow` の `Table` か `DataFrame`、または"
        "イベントログのファイルのパスを渡してください（`{kind}` が渡されました。イベントが一つなら `[event]` として"
        "渡してください）",
        "events: expected an iterable of event models or dicts (a list of them), a pyarrow Table or a "
        "DataFrame, or a log file's path; found {kind} (one event? pass [event])",
    ),
    # `events` of sla_dsl.dask.evaluate / judge that is neither a Dask DataFrame nor Parquet paths (sla_dsl/dask.py)
    # sla_dsl.dask given paths that are not Parquet files (sla_dsl/dask.py: _files)
    "author.api.dask_no_parquet": Msg(
        "{path}：ディレクトリに Parquet ファイル（`*.parquet`）がありません",
        "{path}: no Parquet files (`*.parquet`) in the directory",
    ),
    "author.api.dask_arrow_ipc": Msg(
        "{path}：Arrow IPC ファイルです。`Dask` が読むのは Parquet ファイル（`*.parquet`、`*.pq`）です"
        "（Arrow IPC のログは `sla_dsl.evaluate` がこのプロセスで判定します）",
        "{path}: an Arrow IPC file: Dask reads Parquet files (`*.parquet`, `*.pq`) (an Arrow IPC log: "
        "sla_dsl.evaluate judges it in this process)",
    ),
    "author.api.dask_not_parquet": Msg(
        "{path}：Parquet ファイル（`*.parquet`、`*.pq`）でもそのディレクトリでもありません",
        "{path}: not a Parquet file (`*.parquet`, `*.pq`) or a directory of them",
    ),
    "author.api.dask_no_files": Msg(
        "判定する Parquet ファイルが渡されていません（空の並び）",
        "no Parquet files to evaluate (an empty list)",
    ),
    # a Policy compiled from text given to sla_dsl.dask / sla_dsl.spark (sla_dsl/scale.py: policy_texts)
    "author.api.policy_without_file": Msg(
        "テキストからコンパイルしたポリシーには、ワーカーに送るファイルがありません。"
        "ポリシーのファイル（`load_policy` に渡したパス）かテキストを渡してください",
        "a policy compiled from text has no file to send to workers: give its file or text",
    ),
    "author.api.dask_events_type": Msg(
        "`events` には `Dask` の `DataFrame` か Parquet ファイルのパスを渡してください（`{kind}` が渡されました。"
        "メモリ上の表は `sla_dsl.evaluate` がこのプロセスで判定します。`dask.dataframe.from_pandas` で `Dask` の "
        "`DataFrame` にすることもできます）",
        "events: expected a Dask DataFrame or Parquet paths, found {kind} (a table in memory: sla_dsl.evaluate "
        "judges it in this process, or dask.dataframe.from_pandas makes a Dask DataFrame of it)",
    ),
    # a Dask worker or Spark executor whose sla_dsl is other code than the client's (sla_dsl/scale.py: arguments)
    "author.api.other_code": Msg(
        "ワーカー（エグゼキューター）`{host}` の `sla-dsl`（`{path}`）はクライアントと異なるコードか、"
        "異なるリリースの `holidays`（祝日のデータ）で動いています。"
        "結果は組み合わせません：クライアントと同じリリースの `sla-dsl` と `holidays` をすべてのワーカー"
        "（エグゼキューター）で動かしてください",
        "the worker (executor) `{host}` runs other `sla-dsl` code ({path}) or another release of `holidays` (the "
        "national holidays) than the client: no result is combined; run the client's releases of `sla-dsl` and "
        "`holidays` on every worker (executor)",
    ),
    # a Dask worker of a release older than the check of the client's code: it fails to take a task of this one,
    # its refusal of the call's arguments recognised on the client (sla_dsl/scale.py: older_code)
    "author.api.older_code": Msg(
        "ワーカーの `sla-dsl` は、クライアントのコードを確かめる前の古いリリースで、"
        "このリリースのタスクを受け取れません（`{detail}`）。"
        "結果は組み合わせません：クライアントと同じリリースの `sla-dsl` と `holidays` を"
        "すべてのワーカーで動かしてください",
        "a worker runs an older release of `sla-dsl`, one from before the check of the client's code, which cannot "
        "take this release's tasks (`{detail}`): no result is combined; run the client's releases of `sla-dsl` and "
        "`holidays` on every worker",
    ),
    # `events` of sla_dsl.spark.evaluate / judge that is no Spark DataFrame (sla_dsl/spark.py)
    "author.api.spark_events_type": Msg(
        "`events` には `Spark` の `DataFrame` を渡してください（`{kind}` が渡されました。メモリ上の表は "
        "`sla_dsl.evaluate` がこのプロセスで判定します。Parquet ファイルは `spark.read.parquet` で読んでください）",
        "events: expected a Spark DataFrame, found {kind} (a table in memory: sla_dsl.evaluate judges it in this "
        "process; Parquet files: spark.read.parquet)",
    ),
    # `Evaluation.write_json(out)` given a text stream (or no stream): refused before anything is written
    "author.api.stream_type": Msg(
        "`out` にはバイナリのストリームを渡してください（`{kind}` が渡されました）。`write_json` は "
        "`sla evaluate --format json` と同じ UTF-8 のバイト列を書きます：`sys.stdout.buffer`、"
        '`open(path, "wb")`、`io.BytesIO()` などを渡してください',
        "out: expected a binary stream, found {kind}: write_json writes the UTF-8 bytes of "
        '`sla evaluate --format json`; pass sys.stdout.buffer, open(path, "wb") or io.BytesIO()',
    ),
    "author.api.log_type": Msg(
        "`log` には `sla_dsl.reader.read_events` で読んだ `EventLog` を渡してください（`{kind}` が渡されました）",
        "log: expected an EventLog (sla_dsl.reader.read_events), found {kind}",
    ),
    # what the API's entries refuse as `policy` (sla_dsl.evaluation.policy_list; `read_events(policy=...)`: the
    # `.reader` forms): in the primary language of the versions given among them, English when none is a policy;
    # a path (or a policy's text) in the primary language of the policy it names (sla_dsl.evaluation.named_lang)
    "author.api.policy_type": Msg(
        "`policy` には `Policy` かその版の並びを渡してください（`{kind}` が渡されました）",
        "policy: expected a Policy or a sequence of its versions, found {kind}",
    ),
    "author.api.policy_path": Msg(
        "`policy` にはパスではなく `Policy` を渡してください（`sla_dsl.load_policy({path})` で読み込めます）",
        "policy: expected a Policy, not a path: load it with sla_dsl.load_policy({path})",
    ),
    # `sla_dsl.evaluate` given a path (or a policy's text), in the language of the policy it names
    "author.api.policy_path.evaluate": Msg(
        "`evaluate()` にはパスではなく `Policy` を渡してください（`sla_dsl.load_policy({path})` で読み込めます）",
        "evaluate() takes a Policy, not a path: load it with sla_dsl.load_policy({path})",
    ),
    "author.api.version_type": Msg(
        "`policy[{k}]` には `Policy` を渡してください（`{kind}` が渡されました）",
        "policy[{k}]: expected a Policy, found {kind}",
    ),
    "author.api.version_path": Msg(
        "`policy[{k}]` には `Policy` を渡してください（`{kind}` が渡されました。`sla_dsl.load_policy({path})` で"
        "読み込めます）",
        "policy[{k}]: expected a Policy, found {kind}: load it with sla_dsl.load_policy({path})",
    ),
    "author.api.policy_type.reader": Msg(
        "`policy` には `Policy`（`sla_dsl.load_policy`）かその版の並びを渡してください（`{kind}` が渡されました）",
        "policy: expected a Policy (sla_dsl.load_policy) or its versions, found {kind}",
    ),
    "author.api.version_type.reader": Msg(
        "`policy` には `Policy`（`sla_dsl.load_policy`）かその版の並びを渡してください（並びに `{kind}` があります）",
        "policy: expected a Policy (sla_dsl.load_policy) or its versions, found {kind} among them",
    ),
    # `sla_dsl.load_policy` given an event log's path (named as the commands tell one: cli.policies.log_given)
    "author.api.log_given": Msg(
        "`{path}` はイベントログで、ポリシーではありません。`sla_dsl.load_policy` が読むのはポリシーだけです。"
        "ログを判定するには、ポリシーの後にログを渡して `sla_dsl.evaluate` を使ってください（`{run}`）",
        "`{path}` is an event log, not a policy: `sla_dsl.load_policy` reads policies only; to judge the log, "
        "give it to `sla_dsl.evaluate` after the policy (`{run}`)",
    ),
    # a business calendar's refusals (sla_dsl.calendars.business_index), of what a checked policy never
    # reaches but the Python API may be asked
    "author.calendar.no_holiday_data": Msg(
        "カレンダー `{calendar}`：`{code}` の祝日のデータがありません",
        "calendar `{calendar}`: no holiday data for `{code}`",
    ),
    "author.calendar.not_day_range": Msg(
        "カレンダー `{calendar}`：時間 `{hours}` は一日の時間の範囲ではありません",
        "calendar `{calendar}`: hours `{hours}` are not a range of a day",
    ),
    "author.calendar.no_business_day.after": Msg(
        "カレンダー `{calendar}` には、`{date}` より後の10年間に営業日がありません",
        "calendar `{calendar}` has no business day within 10 years after `{date}`",
    ),
    "author.calendar.no_business_day.before": Msg(
        "カレンダー `{calendar}` には、`{date}` より前の10年間に営業日がありません",
        "calendar `{calendar}` has no business day within 10 years before `{date}`",
    ),
    "author.calendar.not_business_unit": Msg(
        "`{unit}` は営業時間の単位ではありません（秒、分、時間、日のどれかを使ってください）",
        "`{unit}` is not a business-time unit (use seconds, minutes, hours or days)",
    ),
    "author.calendar.negative_days": Msg("営業日の数 `{n}` が負の数です", "business day count `{n}` is negative"),
    "author.calendar.nothing_open": Msg(
        "カレンダー `{calendar}` には、探した年 `{first_year}`..`{last_year}` に営業時間がありません",
        "calendar `{calendar}` has no business time in the years `{first_year}`..`{last_year}` it was searched over",
    ),
    # sla test: results
    "author.test.pass": Msg("成功", "PASS"),
    "author.test.fail": Msg("失敗", "FAIL"),
    "author.test.case": Msg("{result}：{where}：{name}", "{result}: {where}: {name}"),
    "author.test.count": Msg("{result}：{n}/{total}", "{result}: {n}/{total}"),
    # sla test: what a case found
    "author.test.expected_mapping": Msg(
        "`{section}`：ID から `{key}` または項目への対応を書いてください",
        "{section}: expected a mapping of id to {key} or to fields",
    ),
    "author.test.row_missing": Msg(
        "`{section}` の `{ident}`：レポートにありません",
        "{section} {ident}: expected in the report, but it is not there",
    ),
    "author.test.row_ambiguous": Msg(
        "`{section}` の `{ident}`：この案件には同じ種類の目標が複数のクロックにあります。"
        "{choices} のいずれかで書いてください",
        "{section} {ident}: the incident has targets of this kind on several clocks: write one of {choices}",
    ),
    "author.test.row_ambiguous_notify": Msg(
        "`{section}` の `{ident}`：目標と通知の規定が同じ名前です。{choices} のいずれかで書いてください",
        "{section} {ident}: a target and a notification rule share this name: write one of {choices}",
    ),
    "author.test.row_ambiguous_versions": Msg(
        "`{section}` の `{ident}`：このキーには規定の版ごとの行が複数あります。{choices} のいずれかで書いてください",
        "{section} {ident}: rows of several versions of the policy share this key: write one of {choices}",
    ),
    # a key of `breach_credits` with nothing after `:version=` (policytest._refuse_no_version): the keys of its rows
    "author.test.version_empty": Msg(
        "`breach_credits` のキー `{ident}` は `version=` の後に版を書いていません",
        "the key `{ident}` of `breach_credits` names no version after `version=`",
    ),
    "author.test.version_empty.help": Msg(
        "`version=` の後に、行のクレジットを定めた版を書いてください：{keys}",
        "write the version whose credit line the row is after `version=`: {keys}",
    ),
    "author.test.version_empty.one": Msg(
        "このキーの行は一つだけなので、`:version=` を付けずに書いてください：{keys}",
        "one row has this key: write it without `:version=`: {keys}",
    ),
    "author.test.version_empty.none": Msg(
        "レポートに `{key}` の行はありません。レポートにあるキー：{keys}",
        "the report has no row `{key}`; it has {keys}",
    ),
    "author.test.version_empty.nothing": Msg(
        "レポートに `{key}` の行はなく、`breach_credits` の行は一つもありません",
        "the report has no row `{key}`, and none under `breach_credits`",
    ),
    # (after `row_missing`: what the report has instead)
    "author.test.rows_near": Msg("。{keys} の誤りではありませんか？", "; did you mean {keys}?"),
    "author.test.rows_of": Msg("。レポートにある `{record}` のキー：{keys}", "; the report has {keys} for `{record}`"),
    "author.test.rows_are": Msg("。レポートにあるキー：{keys}", "; the report has {keys}"),
    "author.test.rows_none": Msg(
        "。レポートの `{section}` には一つもありません", "; the report has none under `{section}`"
    ),
    "author.test.more_keys": Msg(" ほか {n} 件", " and {n} more"),
    "author.test.no_field": Msg(
        "`{section}` の `{ident}`：レポートに項目 `{field}` はありません",
        "{section} {ident}: the report has no field `{field}`",
    ),
    "author.test.field_differs": Msg(
        "`{section}` の `{ident}` の `{field}`：期待 `{expected}`、実際 `{actual}`",
        "{section} {ident} {field}: expected `{expected}`, got `{actual}`",
    ),
    # a key of `targets` for the plain `respond within`, whose verdict is the incident's own (policytest)
    "author.test.plain_response": Msg(
        "`targets` にキー `{ident}` はありません。名前のない `respond within` の判定は `targets` ではなく、"
        "案件の `status` です",
        "unknown key `{ident}` in `targets`: the verdict of the plain `respond within` is the incident's own "
        "`status`, not a row of `targets`",
    ),
    # `targets: {"INC-1:resolve": met}` for an incident whose priority has no such named target
    "author.test.no_named_target": Msg(
        "`targets` の `{ident}`：{priority} には名前の付いた目標 `{target}` がありません"
        "（この案件の目標：{targets}）。名前のない `respond within` の判定は `{example}` で確かめます",
        "targets {ident}: priority {priority} has no named target `{target}` (this incident's: {targets}); "
        "the plain `respond within` is checked as `{example}`",
    ),
    "author.test.no_named_targets": Msg(
        "`targets` の `{ident}`：{priority} には名前の付いた目標が一つもありません。"
        "名前のない `respond within` の判定は `{example}` で確かめます",
        "targets {ident}: priority {priority} has no named target; the plain `respond within` is checked as "
        "`{example}`",
    ),
    "author.test.plain_response.help": Msg("`{example}` と書いてください", "write `{example}`"),
    "author.test.differs": Msg("`{what}`：期待 {expected}、実際 {actual}", "{what}: expected {expected}, got {actual}"),
    # a business-time question whose span a later version takes effect within (policytest._counted_from)
    "author.test.counted_on_one_version": Msg(
        "`{what}` は、`from` に計測を始めた案件と同じく、`from` の時点で有効な規定の版 {version} の"
        "カレンダーで最後まで数えました。"
        "期間中の {effective} から適用される規定の版 {later} のカレンダーは使っていません",
        "{what} is counted to the end on the calendars of version {version}, in force at `from`, as an incident "
        "whose clock starts at `from` is judged; version {later}, effective {effective} within the span, "
        "is not used",
    ),
    "author.test.hours_differ": Msg(
        "`{what}`：期待 {expected} 時間、実際 {actual} 時間", "{what}: expected {expected} hours, got {actual}"
    ),
    "author.test.windows_differ": Msg(
        "定期メンテナンスの時間帯が違います（- 期待、+ 実際）：", "maintenance windows differ (- expected, + actual):"
    ),
    "author.test.expect_sections": Msg(
        "`{key}` は {sections} を書くマッピングにしてください",
        "`{key}` must be a mapping of {sections}",
    ),
    "author.test.violation_missing": Msg(
        "`{key}`：期待した `{violation}` がレポートにありません", "{key}: expected {violation}, not in the report"
    ),
    "author.test.violation_found": Msg(
        "`{key}`：違反はないはずが `{kind}` `{ident}`：{message}",
        "{key}: expected none, got {kind} {ident}: {message}",
    ),
    # sla test: a malformed test file (E160-E163)
    # (the frame, as a diagnostic's and an event problem's `  ヒント: …`: an ASCII colon in every language)
    "author.test.help": Msg("\n  {help}: {text}", "\n  {help}: {text}"),
    "author.test.in_case": Msg("ケース `{name}`：{message}", "case `{name}`: {message}"),
    "author.test.case_n": Msg("ケース {n}", "case {n}"),
    "author.test.no_test_file": Msg(
        "{path}：ディレクトリにテストファイル（`{ext}`）がありません", "{path}: directory holds no {ext} test file"
    ),
    "author.test.no_case": Msg(
        "{tests}：実行するケースがありません（テストファイルの `{key}` にケースが一つもありません）",
        "{tests}: no case to run (the test files hold no case under `{key}`)",
    ),
    "author.test.run_none": Msg(
        "`--run` の `{text}` を名前に含むケースがありません。ケースの名前：{names}"
        "（`--run` なしに `{verbose}` を付けて実行すると、すべての名前を表示します）",
        "--run `{text}`: no case's name contains it; the cases are {names} "
        "(run without --run and with {verbose} to list every name)",
    ),
    "author.test.more_cases": Msg(" ほか {n} 件", " and {n} more"),
    # sla test: the paths it is given (the policy's versions first, then the test files), and its notes
    "author.test.no_tests": Msg(
        "テストファイルがありません：`{usage}` のように、ポリシー（`.sla` ファイル、または版ごとのファイルを入れた"
        "ディレクトリ）の後に、テストファイル（`{ext}`）かそれを入れたディレクトリを書いてください",
        "no test file: write `{usage}`, the policy (.sla files, or directories of versions) then the test files"
        " ({ext}) or directories of them",
    ),
    "author.test.tests_first": Msg(
        "`{path}` はテストファイルです。`{usage}` のように、ポリシーを先に書いてください",
        "`{path}` is a test file: write the policy first, `{usage}`",
    ),
    "author.test.policy_after_tests": Msg(
        "`{path}` はテストファイルの後にあるポリシーです。`{usage}` のように、ポリシーの版をすべて先に書いてください",
        "`{path}` is a policy after the test files: write every version of the policy first, `{usage}`",
    ),
    "author.test.note": Msg("注記：{note}", "note: {note}"),
    "author.test.no_such_file": Msg("テストファイルがありません", "no such test file"),
    "author.test.cannot_read": Msg("読み込めません：{reason}", "cannot read: {reason}"),
    "author.test.too_large": Msg(
        "テストファイルが大きすぎます：{limit} バイトを超えています", "test file too large: more than {limit} bytes"
    ),
    "author.test.too_large.help": Msg(
        "ケースを複数のファイルに分けるか、長いイベントログを `{key}` に置いてください",
        "split the cases over several files, or keep long event logs in `{key}`",
    ),
    "author.test.not_utf8": Msg("{encoding} のテキストではありません", "not {encoding} text"),
    "author.test.invalid_yaml": Msg("{yaml} として読めません：{problem}", "invalid {yaml}: {problem}"),
    "author.test.repeated_key": Msg(
        "同じマッピングにキー `{key}` が 2 回以上あります（最初は {at}）",
        "key `{key}` is given more than once in one mapping (first at {at})",
    ),
    "author.test.repeated_key.help": Msg(
        "キーは 1 つのマッピングに 1 回だけ書いてください。両方の値が要るなら、"
        "1 つのリストかマッピングにまとめるか、ケースを 2 つに分けてください",
        "give each key once: if both values are meant, merge them into one list or mapping, or split the case in two",
    ),
    "author.test.too_deep": Msg("入れ子が {limit} 段を超えています", "nested more than {limit} levels deep"),
    "author.test.too_deep.help": Msg(
        "テストのケースに要る入れ子は数段です：ケース、その問い、そのイベント",
        "a test case needs a few levels: a case, its question, its events",
    ),
    "author.test.too_many_values": Msg(
        "テストファイルが大きすぎます：エイリアスが表す値が {limit} 個を超えています",
        "test file too large: its aliases stand for more than {limit} values",
    ),
    "author.test.too_many_values.help": Msg(
        "エイリアス（`{alias}`）はアンカーが名付けたものを繰り返します。入れ子を減らしてください",
        "an alias (`{alias}`) repeats what its anchor names: nest them less",
    ),
    "author.test.alias_loop": Msg("エイリアスが自分を含む値を指しています", "an alias refers to a value that holds it"),
    "author.test.alias_loop.help": Msg("循環を取り除いてください", "remove the loop"),
    "author.test.not_cases": Msg(
        "テストファイルは `{key}` のリストを持つマッピングです", "a test file is a mapping with a `{key}` list"
    ),
    "author.test.not_cases.help": Msg("ファイルを `{start}` で始めてください", "start the file with `{start}`"),
    "author.test.cases_not_list": Msg("`{key}` の下にケースのリストがありません", "`{key}` holds no list of cases"),
    "author.test.cases_not_list.help": Msg(
        "`{key}:` の下に、各ケースを `{item}` の形で字下げして書いてください",
        "write each case under `{key}:`, indented, as `{item}`",
    ),
    "author.test.not_mapping": Msg("ケース {n} がマッピングではありません", "case {n} is not a mapping"),
    "author.test.not_mapping.help": Msg(
        "各ケースを `{example}` の形で書いてください", "write each case as `{example}`"
    ),
    "author.test.both_events": Msg(
        "ケース `{name}` に `{events}` と `{events_file}` の両方があります",
        "case `{name}` has both `{events}` and `{events_file}`",
    ),
    "author.test.keep_one": Msg("どちらか一つにしてください", "keep one of them"),
    "author.test.one_question": Msg(
        "ケース `{name}` は {questions} のどれか一つだけを問うてください",
        "case `{name}` must ask exactly one of {questions}",
    ),
    "author.test.one_question.help": Msg(
        "例：`{example}` と、期待する期限を `{expect}` に", "e.g. `{example}` with the due time as `{expect}`"
    ),
    "author.test.no_expect": Msg("ケース `{name}` に `{expect}` がありません", "case `{name}` has no `{expect}`"),
    "author.test.no_expect.help": Msg("答えがどうなるべきかを書いてください", "say what the answer must be"),
    "author.test.needs": Msg("ケース `{name}` には `{key}` が必要です", "case `{name}` needs `{key}`"),
    "author.test.not_time": Msg(
        "`{what}` は時刻か日付の文字列で書いてください", "`{what}` must be a time or date string"
    ),
    "author.test.example": Msg("例：`{example}`", "e.g. `{example}`"),
    "author.test.not_number": Msg(
        "`{what}` は{limits}有限の数で書いてください。`{shown}` と書かれています",
        "`{what}` must be a finite number{limits}, found `{shown}`",
    ),
    "author.test.limits": Msg("{low}から{high}までの", " from {low} to {high}"),
    "author.test.plain_number": Msg(
        "`3` や `1.5` のように数だけを書いてください", "write a plain number, e.g. `3` or `1.5`"
    ),
    "author.test.not_attributes": Msg("`{what}` はマッピングで書いてください", "`{what}` must be a mapping"),
    "author.test.maintenance_range": Msg("定期メンテナンスの範囲", "maintenance range"),
    "author.test.period": Msg("期間", "period"),
    "author.test.reversed": Msg(
        "{what}が逆です：`{k_to}`（{end}）が `{k_from}`（{start}）より後ではありません",
        "the {what} is reversed: `{k_to}` ({end}) is not after `{k_from}` ({start})",
    ),
    "author.test.empty": Msg(
        "{what}が空です：`{k_to}`（{end}）が `{k_from}`（{start}）より後ではありません",
        "the {what} is empty: `{k_to}` ({end}) is not after `{k_from}` ({start})",
    ),
    "author.test.swap": Msg("`{k_from}` と `{k_to}` を入れ替えてください", "swap `{k_from}` and `{k_to}`"),
    "author.test.after": Msg(
        "`{k_to}` を `{k_from}` より後にしてください。範囲は {range} です",
        "give `{k_to}` after `{k_from}`: the range is {range}",
    ),
    "author.test.windows_list": Msg(
        "`{key}` は `{form}` の時間帯のリストで書いてください", "`{key}` must be a list of `{form}` windows"
    ),
    "author.test.events_file_unreadable": Msg(
        "`{key}` のログ `{path}` を読めません：{detail}", "cannot read the log `{path}` of `{key}`: {detail}"
    ),
    "author.test.events_file_unreadable.help": Msg(
        "`{key}` はテストファイルのあるディレクトリからのパスです", "`{key}` is a path from the test file's directory"
    ),
    # `events_file: ""` (or nothing): no path, which would read the test file's own directory as the log
    "author.test.events_file_empty": Msg("`{key}` にログのパスがありません", "`{key}` names no log"),
    "author.test.events_file_empty.help": Msg(
        "テストファイルのあるディレクトリからのログのパスを書いてください（例：`{example}`）",
        "write the path of the log from the test file's directory, e.g. `{example}`",
    ),
    "author.test.events_list": Msg("`{key}` はリストで書いてください", "`{key}` must be a list"),
    "author.test.events_list.help": Msg(
        "1 項目に 1 イベントを書いてください：`{example}`", "write one event per item: `{example}`"
    ),
    "author.test.violations_list": Msg(
        "`{key}` は `{example}` のリストで書いてください", "`{key}` must be a list of `{example}`"
    ),
    # sla test: a key or value the test does not read (E160, E162 at the key)
    "author.test.unknown_top_key": Msg(
        "テストファイルの最上位にキー `{key}` はありません", "unknown key `{key}` at the top of the test file"
    ),
    "author.test.unknown_case_key": Msg("キー `{key}` はありません", "unknown key `{key}`"),
    "author.test.unknown_key": Msg("`{where}` にキー `{key}` はありません", "unknown key `{key}` in `{where}`"),
    "author.test.keys": Msg("書けるキーは {keys} です", "the keys are {keys}"),
    "author.test.keys_near": Msg(
        "`{near}` の誤りではありませんか？書けるキーは {keys} です", "did you mean `{near}`? the keys are {keys}"
    ),
    "author.test.unknown_value": Msg(
        "`{where}` の `{field}` に `{value}` は書けません", "`{value}` is not a value of `{field}` in `{where}`"
    ),
    "author.test.values": Msg("書ける値は {values} です", "the values are {values}"),
    "author.test.values_near": Msg(
        "`{near}` の誤りではありませんか？書ける値は {values} です", "did you mean `{near}`? the values are {values}"
    ),
    "author.test.date_not_instant.help": Msg(
        "期限を計算するコマンドの `--from` と同じく、時差の付いた時刻を書いてください：`{line}`",
        "write a time with its UTC offset, as `sla deadline --from` takes: `{line}`",
    ),
    "author.test.date_not_instant.business_time": Msg(
        "`{what}` は時差の付いた二つの時刻の間の営業時間を数えます：`{line}` と書いてください",
        "`{what}` counts the business time between two times with their UTC offsets: write `{line}`",
    ),
    "author.test.date_not_instant.add_business_time": Msg(
        "`{what}` は時差の付いた時刻に営業時間を足します：`{line}` と書いてください",
        "`{what}` adds business hours to a time with its UTC offset: write `{line}`",
    ),
    # an expected time without its offset (policytest._instant): the line to write with the policy's
    "author.test.expect_offset.help": Msg(
        "期待する時刻は時刻どうしで比べます。ポリシーの時差を付けて `{line}` と書いてください",
        "an expected time is compared as an instant: give it the policy's UTC offset, `{line}`",
    ),
    "author.test.expect_time.help": Msg(
        "期待するのは日付ではなく時刻です。時刻と時差を書いてください：`{line}`",
        "an expected time is an instant, not a date: write its time and UTC offset, `{line}`",
    ),
    "author.test.date_not_instant.edge": Msg(
        "時刻には時差を付けてください（日付だけならポリシーのタイムゾーンの 0 時です）：`{line}`",
        "give a time its UTC offset (a date alone is 00:00 in the policy's zone): `{line}`",
    ),
    # a value of `expect` of the wrong kind (policytest._check_value): a text for a number, ...
    "author.test.rows_mapping": Msg(
        "`{where}` は ID から `{field}` か項目へのマッピングで書いてください",
        "`{where}` must be a mapping of id to `{field}` or to fields",
    ),
    "author.test.wrong_kind": Msg(
        "`{where}` の `{field}` は{kind}で書いてください。`{value}` と書かれています",
        "`{field}` in `{where}` must be {kind}, found `{value}`",
    ),
    "author.test.kind.number": Msg("数", "a number"),
    "author.test.kind.whole": Msg("整数", "a whole number"),
    "author.test.kind.text": Msg("文字列", "text"),
    "author.test.kind.instant": Msg("時差の付いた時刻の文字列", "a time string with a UTC offset"),
    "author.test.kind.texts": Msg("文字列のリスト", "a list of text"),
    "author.test.kind.list": Msg("リスト", "a list"),
    "author.test.kind.mapping": Msg("マッピング", "a mapping"),
    "author.test.write": Msg("`{line}` と書いてください", "write `{line}`"),
    "author.test.period_only_events": Msg(
        "`{period}` は `{events}` か `{events_file}` を問うケースにだけ書けます",
        "`{period}` goes only with `{events}` or `{events_file}`",
    ),
    "author.test.unknown_kind": Msg(
        "`{where}` の `{kind}` は違反の種類ではありません", "`{kind}` in `{where}` is not a kind of violation"
    ),
    "author.test.kinds": Msg("違反の種類は {kinds} です", "the kinds are {kinds}"),
    "author.test.kinds_near": Msg(
        "`{near}` の誤りではありませんか？違反の種類は {kinds} です", "did you mean `{near}`? the kinds are {kinds}"
    ),
    "author.test.not_kinds": Msg(
        "`{key}` は `{true}` か、違反の種類かそのリストで書いてください",
        "`{key}` must be `{true}`, a kind of violation or a list of kinds",
    ),
    "author.test.checks_nothing": Msg(
        "`{expect}` に確かめることが書かれていません。何も確かめないケースは失敗しません",
        "`{expect}` checks nothing: a case that checks nothing cannot fail",
    ),
    "author.test.checks_nothing.help": Msg(
        "レポートが示すべきことを書いてください（例：`{example}`）", "say what the report must show, e.g. `{example}`"
    ),
    "author.test.not_instant": Msg(
        "`{what}` は時差の付いた時刻の文字列で書いてください", "`{what}` must be a time string with a UTC offset"
    ),
    "author.test.window_item": Msg(
        "`{key}` の `{item}` は `{form}` の時間帯ではありません", "`{item}` in `{key}` is not a `{form}` window"
    ),
    # sla test: what PyYAML finds wrong in a test file, in words (sla_dsl.authoring.testyaml)
    "author.test.yaml.at": Msg("{line} 行目 {column} 文字目", "line {line}, column {column}"),
    "author.test.yaml.tab": Msg(
        "タブ文字で字下げしたり、値を始めたりはできません", "a tab cannot indent a line or start a value"
    ),
    "author.test.yaml.tab.help": Msg("字下げには空白を使ってください", "indent with spaces"),
    "author.test.yaml.char": Msg("`{char}` で値を始めることはできません", "a value cannot start with `{char}`"),
    "author.test.yaml.char.help": Msg(
        "この文字で始まる値は引用符で囲んでください（例：`{example}`）",
        "quote a value that starts with it (e.g. `{example}`)",
    ),
    "author.test.yaml.unclosed": Msg(
        "`{open}`（{at}）が `{close}` で閉じられないまま、ファイルが終わっています",
        "expected `{close}` to close the `{open}` at {at}, but the file ends",
    ),
    "author.test.yaml.unclosed.help": Msg(
        "最後の項目の後に `{close}` を書いてください", "write `{close}` after its last item"
    ),
    "author.test.yaml.flow": Msg(
        "`{open}`（{at}）の中で、`,` か `{close}` が来るはずのところに{found}があります",
        "expected `,` or `{close}` inside the `{open}` at {at}, but found {found}",
    ),
    "author.test.yaml.flow.help": Msg(
        "`{open}` の中の項目は `,` で区切り、最後の項目の後を `{close}` で閉じてください",
        "separate the items inside `{open}` with `,` and write `{close}` after the last one",
    ),
    "author.test.yaml.end": Msg(
        "値が来るはずのところで、ファイルが終わっています", "expected a value, but the file ends"
    ),
    "author.test.yaml.no_value": Msg("値が来るはずのところに{found}があります", "expected a value, but found {found}"),
    "author.test.yaml.indent": Msg(
        "{found}が、{at}から始まる{what}の続きとして読めません", "{found} does not continue the {what} at {at}"
    ),
    "author.test.yaml.indent.help": Msg(
        "同じマッピングのキーと同じリストの `-` は、同じ数の空白で字下げしてください。"
        "引用符で囲んだ値は、閉じる引用符で終わります",
        "indent the keys of one mapping, and the `-` of one list, by the same number of spaces; "
        "a quoted value ends at its closing quote",
    ),
    "author.test.yaml.mapping": Msg("マッピング", "mapping"),
    "author.test.yaml.list": Msg("リスト", "list"),
    "author.test.yaml.mapping_value": Msg(
        "ここに `:` は書けません。値の中の `: ` は、キーの終わりとして読まれます",
        "a `:` is not allowed here: `: ` inside a value reads as the end of a key",
    ),
    "author.test.yaml.mapping_value.help": Msg(
        "`: ` を含む値は引用符で囲み（例：`{example}`）、キーは同じマッピングのほかのキーと同じ字下げで書いてください",
        "quote a value that holds `: ` (e.g. `{example}`), and indent a key as the other keys of its mapping",
    ),
    "author.test.yaml.not_here": Msg("ここに{found}は書けません", "{found} is not allowed here"),
    "author.test.yaml.quote": Msg(
        "引用符 `{quote}`（{at}）が閉じられないまま、ファイルが終わっています",
        "the quote `{quote}` at {at} is not closed before the end of the file",
    ),
    "author.test.yaml.quote_separator": Msg(
        "引用符 `{quote}`（{at}）の中に、文書の区切り `{separator}` があります",
        "the quote `{quote}` at {at} holds a document separator `{separator}`",
    ),
    "author.test.yaml.quote.help": Msg("文字列の終わりに `{quote}` を書いてください", "end the string with `{quote}`"),
    "author.test.yaml.escape": Msg(
        "二重引用符の文字列に、使えないエスケープ `\\{char}` があります",
        "unknown escape `\\{char}` in a double-quoted string",
    ),
    "author.test.yaml.hex_escape": Msg(
        "エスケープ `\\{letter}` の後には 16 進数の数字が {n} 桁必要です",
        "the escape `\\{letter}` needs {n} hexadecimal digits",
    ),
    "author.test.yaml.escape.help": Msg(
        "`\\` そのものは `\\\\` と書くか、値を単一引用符（`'...'`）で囲んでください",
        "write a backslash itself as `\\\\`, or quote the value with single quotes (`'...'`)",
    ),
    "author.test.yaml.anchor_twice": Msg(
        "アンカー `&{name}` が 2 回あります（最初は {at}）", "anchor `&{name}` is given twice (first at {at})"
    ),
    "author.test.yaml.anchor_twice.help": Msg(
        "アンカーにはそれぞれ別の名前を付けてください", "give each anchor a name of its own"
    ),
    "author.test.yaml.no_anchor": Msg(
        "エイリアス `*{name}` の指すアンカー `&{name}` が、それより前にありません",
        "alias `*{name}` names no anchor `&{name}` before it",
    ),
    "author.test.yaml.no_anchor.help": Msg(
        "エイリアスより前にある値に `&{name}` を付けてください", "put `&{name}` on a value before the alias"
    ),
    "author.test.yaml.no_name": Msg("`{sign}` の後に名前がありません", "expected a name after `{sign}`"),
    "author.test.yaml.no_name.help": Msg(
        "`{sign}` で始まる値は引用符で囲んでください（例：`{example}`）",
        "quote a value that starts with `{sign}` (e.g. `{example}`)",
    ),
    "author.test.yaml.simple_key": Msg(
        "{at}から始まるキーの後に `:` がありません", "expected `:` after the key at {at}"
    ),
    "author.test.yaml.simple_key.help": Msg(
        "キーと値は `キー: 値` の形で書いてください", "write a key and its value as `key: value`"
    ),
    "author.test.yaml.documents": Msg(
        "1 つのファイルに文書が 2 つ以上あります", "expected a single document, but found another"
    ),
    "author.test.yaml.documents.help": Msg(
        "1 つのファイルには文書を 1 つだけ書き、ケースはすべて `{key}` の下に並べてください",
        "write one document per file, with every case under `{key}`",
    ),
    "author.test.yaml.tag": Msg("タグ `{tag}` は使えません", "tag `{tag}` is not supported"),
    "author.test.yaml.tag.help": Msg(
        "タグを外してください。テストファイルに書けるのは、文字列、数、真偽値、リスト、マッピングです",
        "remove the tag: a test file holds strings, numbers, booleans, lists and mappings",
    ),
    "author.test.yaml.complex_key": Msg("リストやマッピングはキーにできません", "a list or mapping cannot be a key"),
    "author.test.yaml.complex_key.help": Msg("キーは文字列で書いてください", "write each key as a string"),
    "author.test.yaml.character": Msg(
        "{yaml} に書けない文字 `{char}` があります", "character `{char}` is not allowed in {yaml}"
    ),
    "author.test.yaml.character.help": Msg(
        "制御文字は、二重引用符の中にエスケープで書いてください（例：`{example}`）",
        "write a control character as an escape inside double quotes (e.g. `{example}`)",
    ),
    "author.test.yaml.other": Msg(
        "この位置の書き方が {yaml} の文法に合いません", "this is not written as {yaml} allows"
    ),
    "author.test.yaml.token.end": Msg("ファイルの終わり", "the end of the file"),
    "author.test.yaml.token.value": Msg("値", "a value"),
    "author.test.yaml.token.key": Msg("キー", "a key"),
    "author.test.yaml.token.item": Msg("リストの項目（`-`）", "a list item (`-`)"),
    "author.test.yaml.token.block_end": Msg("ブロックの終わり", "the end of a block"),
    "author.test.yaml.token.alias": Msg("エイリアス", "an alias"),
    "author.test.yaml.token.anchor": Msg("アンカー", "an anchor"),
    "author.test.yaml.token.tag": Msg("タグ", "a tag"),
    "author.test.yaml.token.document_start": Msg("文書の区切り（`---`）", "a document start (`---`)"),
    "author.test.yaml.token.document_end": Msg("文書の終わり（`...`）", "a document end (`...`)"),
    "author.test.yaml.token.directive": Msg("ディレクティブ（`%`）", "a directive (`%`)"),
    "author.test.yaml.token.sign": Msg("記号 `{sign}` ", "`{sign}`"),
    # times on the command line and in `sla test` files (sla_dsl.calendars.timeargs)
    "author.time.not_instant": Msg(
        "`{flag}` の `{text}` は `{standard}` 形式の時刻ではありません（例：`{example}`）",
        "{flag} `{text}` is not an {standard} time (write e.g. `{example}`)",
    ),
    "author.time.no_offset": Msg(
        "`{flag}` の `{text}` には時差（`+09:00` など）がありません（例：`{example}`）",
        "{flag} `{text}` has no UTC offset (write e.g. `{example}`)",
    ),
    # the same with the policy's zone known (timeargs.no_offset): {example} the text with the offset it has
    # there; {zone} the zone as people name its clock (`ベルリン時間` / `Berlin time`)
    "author.time.no_offset.zone": Msg(
        "`{flag}` の `{text}` には時差がありません（ポリシーの時差を付けて `{example}` と書いてください）",
        "{flag} `{text}` has no UTC offset (write it with the policy's offset: `{example}`)",
    ),
    "author.time.no_offset.twice": Msg(
        "`{flag}` の `{text}` には時差がありません。{zone}では時計が戻るため、この時刻は二度あります："
        "一度目なら `{first}`、二度目なら `{second}` と書いてください",
        "{flag} `{text}` has no UTC offset, and {zone} shows it twice (the clock goes back): "
        "write `{first}` for the first time or `{second}` for the second",
    ),
    "author.time.no_offset.skipped": Msg(
        "`{flag}` の `{text}` には時差がありません。{zone}では {day} に時計が {since} から {to} に進むため、"
        "この時刻はありません（例：`{example}`）",
        "{flag} `{text}` has no UTC offset, and {zone} skips it: on {day} the clock goes from {since} "
        "straight to {to} (write e.g. `{example}`)",
    ),
    "author.time.not_edge": Msg(
        "`{flag}` の `{text}` は `{standard}` 形式の時刻でも日付（`{form}`）でもありません",
        "{flag} `{text}` is not an {standard} time or a date ({form})",
    ),
    # a slip in a time (sla_dsl.calendars.timeargs.slip): {month} `2027 年 2 月` / `February 2027`, {day} `29 日` /
    # `29th`; {fixed}: the same instant written as 00:00 of the next day
    "author.time.no_day": Msg(
        "`{flag}` の `{text}` は存在しない日です：{month}に {day}はありません",
        "{flag} `{text}` is a day that does not exist: {month} has no {day}",
    ),
    "author.time.hour_24": Msg(
        "`{flag}` の `{text}` の 24:00 は読みません：翌日の 00:00 として `{fixed}` と書いてください",
        "{flag} `{text}`: 24:00 is not accepted: write 00:00 of the next day, `{fixed}`",
    ),
    "author.time.empty_period": Msg(
        "期間が空です：`{to_flag}` は `{from_flag}` より後にしてください",
        "the period is empty: `{to_flag}` must be after `{from_flag}`",
    ),
    "author.time.as_of_before": Msg(
        "`{as_of_flag}` の `{as_of}` が `{from_flag}` の `{start}` より前です：期間が始まる前には何も判定できません"
        "（`{as_of_flag}` を省くと `{to_flag}` の時点です）",
        "{as_of_flag} `{as_of}` is before {from_flag} `{start}`: nothing of the period can be judged before it "
        "starts (without {as_of_flag}, the report is as of {to_flag})",
    ),
    "author.time.not_after": Msg(
        "`{to_flag}` の `{end}` が `{from_flag}` の `{start}` より後ではありません",
        "{to_flag} `{end}` is not after {from_flag} `{start}`",
    ),
    "author.time.long_period": Msg(
        "`{from_flag}` の `{start}` から `{to_flag}` の `{end}` までの期間は、一度に判定できる {years} 年を超えています"
        "（{years} 年以内の期間に分けて判定してください）",
        "the period from {from_flag} `{start}` to {to_flag} `{end}` is longer than {years} years, the most one "
        "evaluation judges (judge it in periods of at most {years} years)",
    ),
    # sla replay: the summary
    # (the period after a colon: the versions of a side are a list, joined with 「、」 / ", ")
    "author.replay.title": Msg(
        "再判定 {name} {old} → {new}：{start} 〜 {end}（{as_of} 時点）",
        "replay {name} {old} -> {new}: {start} to {end} (as of {as_of})",
    ),
    "author.replay.unchanged": Msg("判定の変化はありません", "no verdict changes"),
    "author.replay.incidents": Msg("判定が変わる案件：", "incidents whose verdict changes:"),
    "author.replay.incident": Msg(
        "  {id} {priority}：{old} → {new}（期限 {old_due} → {new_due}、応答 {responded}）{judged}",
        "  {id} {priority}: {old} -> {new} (due {old_due} -> {new_due}, responded {responded}){judged}",
    ),
    # which version judged the incident, when NEW (or OLD, or both) has several versions
    "author.replay.judged_by": Msg("（{version} で判定）", " (judged by {version})"),
    "author.replay.judged_by.old": Msg(
        "（旧版では {version} で判定）", " (judged by {version} under the old versions)"
    ),
    "author.replay.judged_by.both": Msg("（{old} → {new} で判定）", " (judged by {old} -> {new})"),
    "author.replay.moved_due": Msg(
        "期限だけが動き、判定は変わらない案件（{n} 件）：{ids}", "due time moved, verdict unchanged ({n}): {ids}"
    ),
    "author.replay.targets": Msg("判定か期限が変わる目標：", "targets whose verdict or due time changes:"),
    "author.replay.target": Msg(
        "  {id} {target}：{old} → {new}（期限 {old_due} → {new_due}）",
        "  {id} {target}: {old} -> {new} (due {old_due} -> {new_due})",
    ),
    # a target on a clock, named with the clock's label as the report's table of targets names it
    "author.replay.target_on": Msg("{target}（{clock}）", "{target} ({clock})"),
    "author.replay.outages": Msg("障害：", "outages:"),
    "author.replay.outage": Msg(
        "  {id}：通知 {old} → {new}、停止時間 {old_minutes} → {new_minutes} 分",
        "  {id}: notice {old} -> {new}, downtime {old_minutes} -> {new_minutes} min",
    ),
    "author.replay.stops": Msg("計画停止：", "planned stops:"),
    "author.replay.stop": Msg("  {id}：通知の有効性 {old} → {new}", "  {id}: notice {old} -> {new}"),
    "author.replay.windows": Msg("定期メンテナンスの時間帯：", "maintenance windows:"),
    # a window: its day and its hours as the report writes them (`2026年11月26日(木) 22:00〜24:00`)
    "author.replay.window": Msg("{day} {hours}", "{day} {hours}"),
    "author.replay.window_moved": Msg("  移動 {old} → {new}", "  moved {old} -> {new}"),
    "author.replay.window_removed": Msg("  削除 {window}", "  removed {window}"),
    "author.replay.window_added": Msg("  追加 {window}", "  added {window}"),
    "author.replay.availability": Msg(
        "稼働率：{old} → {new}（測定 {old_measured} → {new_measured} 分、停止時間 {old_down} → {new_down} 分）",
        "availability: {old} -> {new} (measured {old_measured} -> {new_measured} min, "
        "downtime {old_down} -> {new_down} min)",
    ),
    "author.replay.periods": Msg("サービスと測定期間ごとの稼働率：", "availability by service and measurement period:"),
    # (the period as the report's tables write it: `11月1日(日) 00:00 〜 12月1日(火) 00:00（月次）`)
    # ({kind}: which row of the report it is, a figure measured without a target or a target's row, by
    # author.replay.period_kind.*, two joined by an arrow when one side's row is a figure and the other's a target)
    "author.replay.period": Msg(
        "  {service}{when}、{period}、{kind}：{old} → {new}"
        "（{target}測定 {old_measured} → {new_measured} 分、停止時間 {old_down} → {new_down} 分）",
        "  {service}{when}, {period}, {kind}: {old} -> {new} "
        "({target}measured {old_measured} -> {new_measured} min, downtime {old_down} -> {new_down} min)",
    ),
    "author.replay.period_kind.figure": Msg("稼働率の測定値（目標なし）", "measured availability (no target)"),
    "author.replay.period_kind.target": Msg("目標の行", "target row"),
    "author.replay.period_target": Msg("目標 {target}：{old} → {new}、", "target {target}: {old} -> {new}; "),
    "author.replay.met.true": Msg("達成", "met"),
    "author.replay.met.false": Msg("未達", "not met"),
    "author.replay.not_judged.old": Msg(
        "旧版（{version}）では判定できないイベント（その ID は旧版では判定していません）：",
        "events the old version ({version}) cannot judge (their ids are not judged under it):",
    ),
    "author.replay.not_judged.new": Msg(
        "新版（{version}）では判定できないイベント（その ID は新版では判定していません）：",
        "events the new version ({version}) cannot judge (their ids are not judged under it):",
    ),
    "author.replay.not_judged.line": Msg(
        "  {where}（{id}）：[{code}] {message}", "  {where} ({id}): [{code}] {message}"
    ),
    "author.replay.not_judged": Msg("判定できない", "not judged"),
    # a side judging something from before its earliest version's date (the note is cli.versions.none_yet)
    "author.replay.note.old": Msg("旧版について、{note}", "old version: {note}"),
    "author.replay.note.new": Msg("新版について、{note}", "new version: {note}"),
    "author.replay.backups": Msg("バックアップ：", "backups:"),
    "author.replay.backup": Msg("  {kind} {when}：{old} → {new}", "  {kind} {when}: {old} -> {new}"),
    "author.replay.credits": Msg("サービスクレジット：", "service credits:"),
    "author.replay.credit": Msg(
        "  {service}{when}（{start} から）：{old} → {new}", "  {service}{when} from {start}: {old} -> {new}"
    ),
    "author.replay.credit_when": Msg("（`{when}`）", " when {when}"),
    # whom a service's target is for (report.when.customers / others), after the service's label
    "author.replay.whom": Msg("（{who}）", " ({who})"),
    # the periods of the header's cap on the total of credits (`credit total at most 30% monthly`)
    "author.replay.credit_totals": Msg(
        "サービスクレジットの合計（上限の適用後）：", "total of service credits, after the cap:"
    ),
    "author.replay.credit_total": Msg(
        "  {start} からの測定期間（{kind}）：{old} → {new}", "  the {kind} from {start}: {old} -> {new}"
    ),
    "author.replay.credit_total.side": Msg(
        "{owed}（上限適用前の合計 {credits}、上限 {cap}）", "{owed} ({credits} before the cap of {cap})"
    ),
    "author.replay.credit_total.none": Msg("行なし（上限がないか、クレジットなし）", "no row (no cap, or no credit)"),
    "author.replay.breach_credits": Msg(
        "目標未達1件あたりのサービスクレジット：", "service credits per missed target:"
    ),
    "author.replay.breach_credit.added": Msg("  追加 {what}：{new}", "  added {what}: {new}"),
    "author.replay.breach_credit.removed": Msg("  削除 {what}：{old}", "  removed {what}: {old}"),
    "author.replay.breach_credit.changed": Msg("  変更 {what}：{old} → {new}", "  changed {what}: {old} -> {new}"),
    "author.replay.breach_credit.what": Msg("{priority}、{target}、{period}", "{priority}, {target}, {period}"),
    "author.replay.breach_credit.side": Msg("未達 {n} 件、クレジット {credit}", "{n} missed, {credit} credited"),
    "author.replay.breach_credit.shared": Msg(
        "（この測定期間のほかの行と合わせて上限 {cap}）", " (at most {cap} with the period's other rows)"
    ),
    "author.replay.breach_credit.not_final": Msg("（未確定）", " (not final)"),
    "author.replay.breach_credit.incidents": Msg("、対象案件 {old} → {new}", "; incidents {old} -> {new}"),
    "author.replay.breach_credit.counts": Msg(
        "。目標未達1件あたりのサービスクレジット：{counts}", "; service credits per missed target: {counts}"
    ),
    "author.replay.breach_credit.count.added": Msg("追加 {n} 件", "{n} added"),
    "author.replay.breach_credit.count.removed": Msg("削除 {n} 件", "{n} removed"),
    "author.replay.breach_credit.count.changed": Msg("変更 {n} 件", "{n} changed"),
    "author.replay.none": Msg("なし", "none"),
    "author.replay.violations": Msg("違反：", "violations:"),
    "author.replay.violations_zones": Msg(
        "違反（各版の言葉のままです。+ の時刻は{new_zone}、- の時刻は{old_zone}）：",
        "violations (as each version words them: times of + in {new_zone}, of - in {old_zone}):",
    ),
    "author.replay.zones": Msg(
        "時刻はすべて旧版（{old}）のタイムゾーン、{zone}で示します。新版（{new}）のタイムゾーンは{new_zone}です",
        "all times are in {zone}, the time zone of the old version ({old}); the new version ({new}) is in {new_zone}",
    ),
    "author.replay.violation": Msg("  {mark} {kind} {id}：{message}", "  {mark} {kind} {id}: {message}"),
    "author.replay.statuses": Msg("案件の判定：{counts}", "incident statuses: {counts}"),
    "author.replay.count": Msg("{status} {old} 件 → {new} 件", "{status} {old} -> {new}"),
    "author.replay.absent": Msg("なし", "absent"),
    "author.replay.true": Msg("有効", "valid"),
    "author.replay.false": Msg("無効", "not valid"),
    # sla fmt and the language server, when they cannot do what was asked
    "author.fmt.refused": Msg("このテキストは整形できません：{reason}", "cannot format this text: {reason}"),
    "author.fmt.no_parse": Msg(
        "構文を読めないテキストは整形できません：`{error}`", "cannot format a text that does not parse: {error}"
    ),
    "author.fmt.result_no_parse": Msg(
        "整形した結果の構文が読めません：`{error}`", "the formatted text does not parse: {error}"
    ),
    "author.fmt.lost_token": Msg("整形で、どの文にも属さない字句が残りました", "a token is outside every statement"),
    "author.fmt.changed_tokens": Msg(
        "整形でポリシーの字句が変わりました", "formatting changed the tokens of the policy"
    ),
    "author.fmt.lost_comment": Msg("整形でコメントが失われました", "formatting lost a comment"),
    "author.fmt.changed_meaning": Msg(
        "整形でポリシーの意味が変わりました", "formatting changed the meaning of the policy"
    ),
    # the end of `sla fmt`'s count (`cli.fmt.would.*`, `cli.fmt.reformatted.*`): the files not formatted
    "author.fmt.failed": Msg("、{failed} 件はエラー", ", {failed} not formatted (errors)"),
    "author.fmt.cannot_write": Msg(
        "書き込めません：{reason}。ファイルは変更していません", "cannot write: {reason}; the file is unchanged"
    ),
    "author.lsp.cannot_format": Msg("整形できません：{reason}", "cannot format: {reason}"),
    # (formatting is refused only for syntax errors, fmt.syntax_errors: the first is named, where sla check puts it)
    "author.lsp.syntax_errors.one": Msg(
        "文書に構文エラーがあります。{line} 行目 {column} 文字目：{message}。"
        "このエラーを直してから整形してください（`sla check` でも表示されます）",
        "the document has a syntax error at line {line}, column {column}: {message}. "
        "Fix it to format the document (`sla check` shows it too)",
    ),
    "author.lsp.syntax_errors.other": Msg(
        "文書に構文エラーが {count} 件あります。最初のエラーは {line} 行目 {column} 文字目：{message}。"
        "構文エラーを直してから整形してください（`sla check` ですべて表示されます）",
        "the document has {count} syntax errors, the first at line {line}, column {column}: {message}. "
        "Fix them to format the document (`sla check` lists them all)",
    ),
    "author.lsp.internal_check": Msg(
        "このポリシーの検査中に内部エラーが発生しました：`{error}`",
        "internal error while checking this policy: {error}",
    ),
    "author.lsp.internal_check.help": Msg(
        "`{program}` の不具合です。ポリシーを添えて報告してください",
        "this is a bug in {program}; please report it with the policy",
    ),
    # a finding of versions compared (sla_dsl.authoring.lspversions) about a file not open, on the open one it names
    "author.lsp.other_version": Msg(
        "同じポリシーの別の版 {place} についての指摘：{message}",
        "in another version of this policy, {place}: {message}",
    ),
    "author.lsp.internal": Msg(
        "`{program}`：内部エラー：`{error}`（`{program}` の不具合です。報告してください）",
        "{program}: internal error: {error} (a bug in {program}; please report it)",
    ),
}


def names(items: Iterable[str], lang: str) -> str:
    """Names a person does not read as words (YAML keys, attribute values): ```a`、`b``` / ``a, b``."""
    if lang == "ja":
        return "、".join(f"`{item}`" for item in items)
    return ", ".join(items)
