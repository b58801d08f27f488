"""Catalogue section: the language server's hovers (keys ``author.hover.*``), in the document's primary language,
and its answers about the session (keys ``author.lsp_session.*``), in the server's language.

Design notes
------------
* What ``sla lsp`` shows on hover (:mod:`sla_dsl.authoring.hover` and
  :mod:`sla_dsl.authoring.clock_words`; :func:`~sla_dsl.authoring.hover.declared_event_hover`,
  :func:`~sla_dsl.authoring.hover.when_hover`): a duration with a worked example (a target's counted
  forward; a notice's, a backup's ``every`` and ``keep``, a same-day lead, each as its rule reads it), a calendar,
  a clock's life cycle, a target's out-of-hours time, an event, an attribute value, and which
  rule, availability target or notify rule applies to which attribute values.
* The English is what the hovers said before the catalogue, word for word, except where a
  calendar now also names its zone and its holidays as places (``time zone Europe/London:
  London time (UTC+0, UTC+1 in summer)``, ``holidays GB-ENG (England)``).
* The Japanese uses the words the report and the site use: the clock's life cycle as the
  site says it (``site.targets.*``), target kinds as the report's (``応答``, ``解決``), places
  and zones by :mod:`.places`. Names the author wrote (a calendar, a clock, an event type, an
  attribute and its values, ``when`` conditions) stay as written, in backticks, followed in
  Japanese by their words where the policy or the site has them
  (``author.hover.named``: ``` `business`（当社営業時間）```).
* ``author.lsp_session.*``: what :mod:`sla_dsl.authoring.lsp` answers a request it will not do
  because of where the session stands (before ``initialize``, after ``shutdown``, a second
  ``initialize``, an unknown method, parameters that do not fit, a document not open), what
  :mod:`sla_dsl.authoring.lspframing` answers a message it cannot read (``.framing.*``), and the
  server's log lines on stderr, which an editor shows in its output panel (``.log.*``). They
  concern no policy, so they are in the server's language (the client's ``locale`` when it is
  Japanese, else the primary language of the policy open in the editor, else English; the
  environment's when the client names no locale and no policy is open: see
  :attr:`~sla_dsl.authoring.lsp.Documents.lang`), or the document's when they are about one. The
  words of the protocol (``initialize``, ``shutdown``, ``exit``) and what the client sent (a method,
  a URI, the reason the parameters were refused, a Python error) are quoted as they are, in
  backticks in Japanese. :data:`LSP_SESSION` is part of
  :data:`HOVER`, the section :mod:`.catalogue` registers.
* ``{words:.0}`` in an English template takes the field and shows none of it (as
  ``site.business_hours`` does with its ``{s:.0}``): the English hover names a calendar, an
  attribute or an event as the policy writes it, which an English reader reads as words.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["HOVER", "LSP_SESSION"]

_KINDS = {
    "respond": Msg("応答", "respond"),
    "resolve": Msg("解決", "resolve"),
    "first_reply": Msg("初回回答", "first reply"),
    "update": Msg("定期更新", "update"),
}

_WEEKDAYS = {
    "mon": Msg("月", "mon"),
    "tue": Msg("火", "tue"),
    "wed": Msg("水", "wed"),
    "thu": Msg("木", "thu"),
    "fri": Msg("金", "fri"),
    "sat": Msg("土", "sat"),
    "sun": Msg("日", "sun"),
}

#: ``author.lsp_session.<what>``: the language server's answers about the session (see the design notes)
LSP_SESSION: dict[str, Msg] = {
    "author.lsp_session.not_initialized": Msg(
        "サーバーはまだ初期化されていません。先に `initialize` を送ってください",
        "the server is not initialized yet; send `initialize` first",
    ),
    "author.lsp_session.initialized_twice": Msg(
        "サーバーは初期化済みです。`initialize` は一度だけ送れます",
        "the server is already initialized; `initialize` may be sent once",
    ),
    "author.lsp_session.shut_down": Msg(
        "サーバーは `shutdown` を受けて終了を待っています。受け付けるのは `exit` だけです",
        "the server has been shut down; it takes only `exit` now",
    ),
    "author.lsp_session.unknown_method": Msg(
        "このサーバーには `{method}` というメソッドはありません", "this server has no method `{method}`"
    ),
    "author.lsp_session.invalid_params": Msg(
        "`{method}` のパラメーターが正しくありません：{reason}", "invalid parameters for `{method}`: {reason}"
    ),
    # the reason: the first field at fault, by its path in the message (`params.position.line`)
    "author.lsp_session.param_missing": Msg("`{path}` がありません", "`{path}` is missing"),
    "author.lsp_session.param_invalid": Msg(
        "`{path}` の値が正しくありません（`{error}`）", "`{path}` has an invalid value: {error}"
    ),
    "author.lsp_session.params_other": Msg("`{error}`", "{error}"),
    "author.lsp_session.not_jsonrpc": Msg(
        'この通信のメッセージとして読めません。`"jsonrpc": "2.0"` が必要です',
        'not a JSON-RPC 2.0 message: it needs `"jsonrpc": "2.0"`',
    ),
    # the framing of the client's messages on stdin (sla_dsl.authoring.lspframing): answered with a JSON-RPC error
    # and written in the log (stderr, which an editor shows in its output panel), in the server's language
    "author.lsp_session.framing.not_json": Msg(
        "メッセージの本文が `JSON` ではありません（`{error}`）", "the message body is not JSON: {error}"
    ),
    "author.lsp_session.framing.too_deep": Msg(
        "メッセージの本文は入れ子が深すぎて読めません", "the message body nests too deeply to be read"
    ),
    "author.lsp_session.framing.not_object": Msg(
        "メッセージの本文が `JSON` のオブジェクトではありません", "the message body is not a JSON object"
    ),
    "author.lsp_session.framing.not_jsonrpc": Msg(
        "メッセージが `JSON-RPC 2.0` のものではありません", "the message is not JSON-RPC 2.0"
    ),
    "author.lsp_session.framing.no_length": Msg(
        "`Content-Length` ヘッダーがないメッセージは読めません。`Content-Length: <bytes>` が必要です",
        "cannot read a message with no Content-Length header: it needs `Content-Length: <bytes>`",
    ),
    "author.lsp_session.framing.bad_length": Msg(
        "ヘッダー `Content-Length: {value}` のメッセージは読めません。`Content-Length: <bytes>` が必要です",
        "cannot read a message with the header `Content-Length: {value}`: it needs `Content-Length: <bytes>`",
    ),
    "author.lsp_session.framing.too_large": Msg(
        "{size} バイトのメッセージは、このサーバーが読む上限の {limit} バイトを超えています",
        "a message of {size} bytes is over the {limit} this server reads",
    ),
    "author.lsp_session.framing.not_read": Msg(
        "この依頼は読めませんでした。`Content-Length` ヘッダーがないか、正しくありません",
        "this request was not read: its Content-Length header is missing or invalid",
    ),
    # what the log says of the client's input only (no answer goes back)
    "author.lsp_session.framing.ended_in_headers": Msg(
        "メッセージのヘッダーの途中で入力が終わりました", "the input ended inside a message's headers"
    ),
    "author.lsp_session.framing.ended_in_body": Msg(
        "メッセージの本文の途中で入力が終わりました（{size} バイトのうち {read} バイト）",
        "the input ended inside a message body ({read} of {size} bytes)",
    ),
    "author.lsp_session.framing.skipped": Msg(
        "`Content-Length` ヘッダーの前の {count} バイトを読み飛ばしました",
        "skipped {count} bytes before a `Content-Length` header",
    ),
    # the server's log lines (stderr) about what went wrong outside an answer: a document's URI and a method as
    # given, the Python error quoted as it is (in backticks in Japanese)
    "author.lsp_session.log.internal_check": Msg(
        "`{uri}` の検査中に内部エラーが発生しました：`{error}`", "internal error while checking {uri}: {error}"
    ),
    "author.lsp_session.log.internal_versions": Msg(
        "`{uri}` と同じディレクトリの版を比べている間に内部エラーが発生しました：`{error}`",
        "internal error while comparing the versions beside {uri}: {error}",
    ),
    "author.lsp_session.log.internal_handler": Msg(
        "`{handler}` で内部エラーが発生しました：`{error}`", "internal error in {handler}: {error}"
    ),
    "author.lsp_session.log.internal": Msg("内部エラー：`{error}`", "{error}"),
    "author.lsp_session.log.change_not_open": Msg(
        "`{uri}` への変更を無視しました。文書が開かれていません", "ignored a change to {uri}: the document is not open"
    ),
    "author.lsp_session.log.params_ignored": Msg(
        "`{method}` を無視しました。パラメーターが正しくありません：{reason}",
        "ignored `{method}`: its parameters do not fit: {reason}",
    ),
    "author.lsp_session.not_open": Msg(
        "文書 `{uri}` は開かれていません。エディターで開いてから依頼してください",
        "the document {uri} is not open; open it in the editor first",
    ),
}

#: ``author.hover.<what>``
HOVER: dict[str, Msg] = {
    # a name the author wrote, with its words in Japanese (see the design notes)
    "author.hover.named": Msg("`{name}`（{words}）", "`{name}`{words:.0}"),
    # a duration, with a worked example on the policy's calendar
    "author.hover.duration": Msg(
        "**{d}** ＝ カレンダー {calendar}の営業時間で{hours}時間："
        "{start_date} {start} に起算すると、期限は {due_date} {due}",
        "**{d}** = {hours} h of {calendar} time: from {start} due {due} ({start_date} to {due_date})",
    ),
    "author.hover.duration.elapsed": Msg(
        "**{d}**（経過時間）：{start_date} {start} に起算すると、期限は {due_date} {due}",
        "**{d}** of elapsed time: from {start} {start_date} due {due} {due_date}",
    ),
    "author.hover.duration.undeclared": Msg(
        "**{d}**：カレンダー `{calendar}` は宣言されていません", "**{d}**: calendar `{calendar}` is not declared"
    ),
    # durations that are no target: each read as the rule it stands in reads it (not counted forward to a due)
    "author.hover.notice.date": Msg(
        "**{d}**（停止の開始日の前）：停止の開始日の{back}前の日以前に送った通知を有効とする"
        "（日付は {zone} の日付で、その日のうちなら時刻は問わない）：{stop}に始まる停止には{last}以前の通知が必要",
        "**{d}** before the start date: a notice is valid when sent on or before the date {back} before the "
        "stop's start date ({zone} dates, any time that day): a stop starting {stop} needs notice sent on or "
        "before {last}",
    ),
    "author.hover.notice.date.unjudged": Msg(
        "**{d}**：開始日の前の通知期間は日・週・月で数えます（エラー `E220`）",
        "**{d}**: a notice before the start date counts days, weeks or months (error E220)",
    ),
    "author.hover.notice.start": Msg(
        "**{d}**（停止の開始時刻の前）：停止の開始時刻の{lead}前までに送った通知を有効とする："
        "{start_date} {start} に始まる停止には {due_date} {due} までの通知が必要",
        "**{d}** before the start: a notice is valid when sent at least {lead} before the stop starts: a stop "
        "starting {start} {start_date} needs notice by {due} {due_date}",
    ),
    "author.hover.window_notice": Msg(
        "**{d}**：メンテナンスの各回の開始前に必要な通知の期間", "**{d}** of notice before each window starts"
    ),
    "author.hover.backup.hours": Msg(
        "**{d}**：{zone} の毎日0時から{lead}ごとに区切った枠（{windows}）ごとに、完了したバックアップが一つ以上必要",
        "**{d}**: judged in windows of {lead} from each midnight in {zone} ({windows}); each window needs a "
        "completed backup",
    ),
    "author.hover.backup.day": Msg(
        "**{d}**：{zone} の暦日（0時から24時まで）ごとに、完了したバックアップが一つ以上必要",
        "**{d}**: each calendar day in {zone} (00:00-24:00) needs a completed backup",
    ),
    "author.hover.backup.days": Msg(
        "**{d}**：{zone} の暦日ごとに、その日で終わる{d}のうちに完了したバックアップが一つ以上必要："
        "{day}は{first}0時からその日の終わりまでに完了したもので満たされる",
        "**{d}**: each calendar day in {zone} needs a completed backup in the {d} ending with it: {day} is met "
        "by one completed from {first} 00:00 to the end of {day}",
    ),
    "author.hover.backup.unjudged": Msg(
        "**{d}**：バックアップの間隔としては判定されません（1日を割り切る時間数か、経過時間の日・週・月で"
        "書いてください。エラー `E220`）",
        "**{d}** is not judged as a backup interval: write hours that divide a day, or elapsed days, weeks or "
        "months (error E220)",
    ),
    "author.hover.keep": Msg(
        "**{d}** ＝ カレンダー {calendar}の営業時間で{hours}時間の保存期間："
        "{start_date} {start} に完了したバックアップは {due_date} {due} まで保存が必要（それより前の削除は違反）",
        "**{d}** = {hours} h of {calendar} time to keep: a backup completed {start} ({start_date}) must be kept "
        "until {due} ({due_date}); deleted earlier, a retention violation",
    ),
    "author.hover.keep.elapsed": Msg(
        "**{d}**（経過時間）の保存期間：{start_date} {start} に完了したバックアップは {due_date} {due} まで"
        "保存が必要（それより前の削除は違反）",
        "**{d}** of elapsed time to keep: a backup completed {start} {start_date} must be kept until {due} "
        "{due_date}; deleted earlier, a retention violation",
    ),
    "author.hover.same_day": Msg(
        "**{d}**（終業前）：カレンダー {calendar}の営業日に、終業の{lead}前までに計測を始めた案件は当日中の応答が目安",
        "**{d}** before close: an incident whose clock starts at least {lead} before the close of a business day "
        "of calendar {calendar} is to be answered that day",
    ),
    "author.hover.same_day.example": Msg(
        "（{date}は終業 {close} なので {cut} まで）", " (on {date}, closing {close}: by {cut})"
    ),
    "author.hover.same_day.example.shift": Msg(
        "（{day}の営業日は {close} に終業なので {cut} まで）", " ({day}'s shift, closing {close}: by {cut})"
    ),
    # a calendar
    "author.hover.calendar": Msg("**カレンダー `{name}`**", "**calendar {name}**"),
    "author.hover.calendar.zone": Msg("タイムゾーン `{zone}`：{title}", "time zone {zone}: {title}"),
    "author.hover.calendar.days": Msg("{days} {hours}（1日{per_day}時間）", "{days} {hours} ({per_day} h a day)"),
    "author.hover.calendar.run": Msg("{first}〜{last}", "{first}..{last}"),
    "author.hover.calendar.day_sep": Msg("・", ", "),
    "author.hover.calendar.range": Msg("{start}〜{end}", "{start}-{end}"),
    "author.hover.calendar.overnight": Msg("{start}〜翌{end}", "{start}-{end}"),
    "author.hover.calendar.no_hours": Msg("営業時間なし", "no hours"),
    "author.hover.calendar.closed": Msg("営業日なし", "days none; hours none"),
    "author.hover.calendar.holidays": Msg("祝日（{codes}）：{places}の祝日は休業", "holidays {codes} ({places})"),
    "author.hover.calendar.closures": Msg("休業日の規則 {n} 件", "{n} closure rule(s)"),
    "author.hover.calendar.dates": Msg(
        "独自の営業時間がある日 {dates} 件、一部休業 {partial} 件",
        "{dates} date(s) with own hours, {partial} partial closure(s)",
    ),
    **{f"author.hover.weekday.{k}": v for k, v in _WEEKDAYS.items()},
    # a clock's life cycle and the targets measured on it
    "author.hover.clock": Msg("**クロック `{name}`** {label}", "**clock `{name}`** {label}"),
    "author.hover.clock.starts": Msg("- 計測開始：{events}", "- starts at {events}"),
    "author.hover.clock.else": Msg("、なければ ", ", else "),
    "author.hover.clock.pauses": Msg("- {at}から{until}まで一時停止", "- pauses at {at} until {until}"),
    "author.hover.clock.not_due": Msg(
        "- {at}から{until}まで期限を適用しない（計測は継続）",
        "- not due at {at} until {until} (counts on, no deadline applied)",
    ),
    # between the events a pause waits for (``until B, C``: the first of them to come resumes it)
    "author.hover.clock.or": Msg("または", " or "),
    "author.hover.clock.stops": Msg("- {events}で停止", "- stops at {events}"),
    "author.hover.clock.resets": Msg("- {events}で0から計測し直し", "- starts again from zero at {events}"),
    "author.hover.clock.restarts": Msg(
        "- 停止後は{events}で0から計測を再開", "- once stopped, starts again from zero at {events}"
    ),
    "author.hover.clock.cancels": Msg(
        "- {events}で計測を取り消し（目標は判定せずに取り下げ）",
        "- cancelled at {events}: its targets withdrawn, unjudged",
    ),
    "author.hover.clock.at_risk": Msg("- 目標の{percent}%が経過すると要注意", "- at risk at {percent}% of a target"),
    "author.hover.clock.at_risks": Msg(
        "- 目標の{first}が経過すると要注意、{percents}の各時点で警告",
        "- at risk at {first} of a target, warned at each of {percents}",
    ),
    "author.hover.clock.measures": Msg("- 計測する目標：{targets}", "- measures: {targets}"),
    "author.hover.clock.target": Msg("`{pid}` の{kind} {duration}{extra}", "{pid} {kind} {duration}{extra}"),
    # a target of one rule of a priority with several (``when``): the rule named by its label
    "author.hover.clock.target.labelled": Msg(
        "`{pid}` {label}の{kind} {duration}{extra}", "{pid} {label}: {kind} {duration}{extra}"
    ),
    # a rule named by its line too, when its label does not tell it from another rule of its id
    "author.hover.clock.rule_line": Msg("{label}（{line}行目）", "{label} (line {line})"),
    "author.hover.clock.extra": Msg("（営業時間外の受付は{extra}を加算）", " (+{extra} out of hours)"),
    "author.hover.clock.target_sep": Msg("、", "; "),
    **{f"author.hover.kind.{k}": v for k, v in _KINDS.items()},
    # a target's out-of-hours time (``, plus 24 hours if received outside business hours``)
    "author.hover.ooh": Msg(
        "**営業時間外の受付** クロック `{clock}` の{kind}目標", "**out of hours** `{kind}` on clock `{clock}`"
    ),
    # ... of a next reply (a first reply on a clock that restarts), {kind} its clock's label quoted or 次回回答
    "author.hover.ooh.next_reply": Msg(
        "**営業時間外の受付** クロック `{clock}` の{kind}目標", "**out of hours** {kind} on clock `{clock}`"
    ),
    "author.hover.ooh.outside": Msg(
        "- クロックの計測（開始、やり直し、再開のたびに始まる一回分）がカレンダー {calendar}の営業時間外に"
        "始まると、計測できる時間は {total}",
        "- a cycle of the clock (its start, each reset or restart) that starts outside the open hours of "
        "calendar {calendar} has {total} of running time",
    ),
    "author.hover.ooh.inside": Msg(
        "- 営業時間内に始まると {duration}", "- one that starts in its open hours has {duration}"
    ),
    "author.hover.ooh.total": Msg("{duration}＋{extra}", "{duration} + {extra}"),
    # events
    "author.hover.event": Msg("イベントログのイベント {event}", "event {event} of the event log"),
    # an event of the contract with its words, in English too (as its completion's detail)
    "author.hover.event_named": Msg("`{name}`（{words}）", "`{name}` ({words})"),
    # a contract event the policy gives words of its own (`event incident.responded "…" / "…"`): the contract's
    "author.hover.relabelled": Msg(
        "この規定が付けた名称です（契約での名称：{words}）。意味と扱いは契約のとおりです",
        "in this policy's words (the contract's: {words}); its meaning is the contract's",
    ),
    "author.hover.declared": Msg(
        "このポリシーが宣言するイベント `{name}`：{labels}\n\n"
        "イベントログに記録できます（`event`、`at`、`id`）。クロック、目標、完了条件、通知規則で指定できます",
        "event `{name}` declared by this policy: {labels}\n\n"
        "The event log may carry it (`event`, `at`, `id`); clocks, targets, completion and notify rules may name it.",
    ),
    # an attribute (its name in its declaration): its values, and the events that change it (`changes at`)
    "author.hover.attribute": Msg(
        "**属性 {attribute}**：値は {values}（既定値 `{default}`）",
        "**attribute {attribute}**: values {values} (default `{default}`)",
    ),
    "author.hover.attribute.changes": Msg(
        "案件の途中で{events}により変わります。各優先度の規定はその時点の値（最後の変更）で選ばれ、目標は起算時刻から"
        "判定します（使った時間はそのまま）",
        "changed during an incident by {events}: the rule of each priority is chosen by the value in force (the "
        "last change), its target judged from the clock start (the time used kept)",
    ),
    "author.hover.attribute.fixed": Msg(
        "案件の報告（`incident.reported`）が与え、案件の間ずっと変わりません"
        "（変えるイベントは `changes at` で指定します）",
        "given by the report (`incident.reported`) and kept for the incident's whole life (`changes at` names "
        "the events that change it)",
    ),
    # an attribute value
    "author.hover.value": Msg(
        "**属性 {attribute}の値 `{value}`**：{labels}", "**value `{value}`** of attribute {attribute}: {labels}"
    ),
    "author.hover.value.unlabelled": Msg("ラベルなし（書かれたとおりに表示）", "no label (shown as written)"),
    # a completion's detail for an attribute value: its attribute and its label(s)
    "author.hover.value.detail": Msg("{attr}：{label}", "{attr}: {label}"),
    # which rule, target or notify rule applies to which attribute values: one line per combination
    "author.hover.case": Msg("- {shown}：{said}", "- {shown}: {said}"),
    "author.hover.rules": Msg(
        "**優先度 `{pid}`**：上から順に、条件が当てはまる最初の規定を適用",
        "**priority {pid}**: the first rule in file order whose condition holds applies",
    ),
    "author.hover.rules.too_many": Msg(
        "**優先度 `{pid}`**：属性の値の組み合わせが多すぎて一覧にできません",
        "**priority {pid}**: too many combinations of attribute values to list",
    ),
    "author.hover.rules.line": Msg("{line} 行目", "line {line}"),
    "author.hover.rules.line_when": Msg("{line} 行目（`when {when}`）", "line {line} (`when {when}`)"),
    "author.hover.rules.none": Msg("規定なし（エラー `E252`）", "no rule (error E252)"),
    "author.hover.targets": Msg(
        "**サービス `{name}`**：上から順に、条件が当てはまる最初の稼働率目標を適用",
        "**service {name}**: the first availability target in file order whose condition holds",
    ),
    "author.hover.targets.too_many": Msg(
        "**サービス `{name}`**：属性の値の組み合わせが {n} 通りを超えるため一覧にできません",
        "**service {name}**: more than {n} combinations of attribute values",
    ),
    "author.hover.targets.month": Msg("{percent}%（月ごと）", "{percent}% monthly"),
    "author.hover.targets.quarter": Msg("{percent}%（四半期ごと）", "{percent}% quarterly"),
    "author.hover.targets.period": Msg("{percent}%（評価期間ごと）", "{percent}%"),
    "author.hover.targets.none": Msg("稼働率の約束なし", "no availability promise"),
    "author.hover.targets.line": Msg("（{line} 行目、`when {when}`）", " (line {line}, `when {when}`)"),
    "author.hover.targets.fallback": Msg("（`when` のない目標）", " (the target without `when`)"),
    "author.hover.notices": Msg(
        "**通知規則**：条件が当てはまる通知規則はすべて適用（択一ではありません）",
        "**notifications**: every notify rule whose condition holds applies (they are not alternatives)",
    ),
    "author.hover.notices.too_many": Msg(
        "**通知規則**：属性の値の組み合わせが {n} 通りを超えるため一覧にできません",
        "**notifications**: more than {n} combinations of attribute values",
    ),
    "author.hover.notices.rule": Msg("`{name}`（{line} 行目）", "`{name}` (line {line})"),
    "author.hover.notices.none": Msg("なし", "none"),
    # a priority's `credit 5% per breach, at most 25% monthly`
    "author.hover.breach_credit": Msg(
        "**目標未達1件あたりのサービスクレジット**：優先度 `{priority}` の{target}を守れなかった案件1件につき"
        "料金の{percent}。{cap}。未達は期限の時刻が属する測定期間に数えます",
        "**Service credit per missed target**: {percent} of the fee for each incident that misses the {target}"
        " of priority `{priority}`; {cap}. A miss counts in the measurement period of its due time",
    ),
    "author.hover.breach_credit.response": Msg("応答目標", "response target"),
    "author.hover.breach_credit.named": Msg("起算点 {clock} の{kind}目標", "{kind} target on clock {clock}"),
    "author.hover.breach_credit.kind.respond": Msg("応答", "response"),
    "author.hover.breach_credit.kind.resolve": Msg("解決", "resolution"),
    "author.hover.breach_credit.kind.first_reply": Msg("初回回答", "first reply"),
    "author.hover.breach_credit.kind.update": Msg("定期更新", "update"),
    "author.hover.breach_credit.cap": Msg("{period}ごとの上限は{cap}", "at most {cap} per {period}"),
    "author.hover.breach_credit.no_cap": Msg(
        "{period}ごとに合計し、上限は料金の100%", "summed per {period}, at most the whole fee"
    ),
    "author.hover.breach_credit.period.month": Msg("暦月", "calendar month"),
    "author.hover.breach_credit.period.quarter": Msg("四半期", "calendar quarter"),
    "author.hover.breach_credit.period.period": Msg("評価期間", "evaluated period"),
    "author.hover.credit_total": Msg(
        "**サービスクレジットの合計の上限**：{period}ごとに、稼働率のクレジットと目標未達1件あたりのクレジットを"
        "合計し、返還するのは料金の{percent}まで",
        "**Cap on the total of service credits**: per {period}, the availability credits and the credits per "
        "missed target are added up, and at most {percent} of the fee is owed",
    ),
    **LSP_SESSION,  # (one section of the catalogue: the language server's words)
}
