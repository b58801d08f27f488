"""Catalogue section: ``sla serve``: its live dashboard (:mod:`sla_dsl.serve.dashboard`), keys
``serve.dashboard.*``; a refusal of ``GET /report``'s ``as_of`` (``serve.report.*``); the problems of a
request's events only the service has (``serve.events.*``); and
what it refuses before it listens (``serve.start.*``); what a reload (SIGHUP) says in the log
(``serve.reload.*``) and a new version refused (``serve.policy.*``); the log lines of the webhook
deliveries (``serve.webhook.*``); those of a stored incident whose version does not define its priority
(``serve.not_judged.*``) and why ``GET /incidents/ID`` answers one stored but not judged
(``serve.incident.*``); the start's line of the stored events the versions in use cannot judge
(``serve.unjudged.*``); the timers' lines (``serve.timers.*``: an alert fired, withdrawn, not recorded).

Design notes
------------
* Moved here from the dashboard's module-local ja/en dicts, word for word; the page embeds
  them (:data:`DASHBOARD_WORDS` in that order) as the words its script reads (``W.title``,
  ``W["s_" + status]``). A row names its target with the report's words (``report.targets.*``).
* A problem of an event is answered in English, as every error body of the service is
  (``Problem.render("ja")`` gives the Japanese). ``GET /report``'s refusals of its ``as_of``
  (``serve.report.*``, and the CLI's ``author.time.as_of_before`` naming the request's fields) are
  in the report's language, as ``sla evaluate`` words them.
* What the service says of a policy (a version refused at start or at a reload) is in that policy's
  primary language (a refusal at start: in ``--lang`` when given, as ``sla serve`` words its other
  refusals at start: an address it cannot listen on, a database it cannot open, ``serve.start.*``,
  ``serve.db.*``); ``POST /policies`` answers in English, as every error body (the same keys, in ``en``).
* A failure the log would say once a second while the database is away is said once, then a count
  every minute, then once when it is over (``serve.repeats.*``), in the language of the line it quotes.
* The link to the other language is that language's own name (``site.lang_name`` in it),
  not a word of this section.
* The log lines of the webhook deliveries (an attempt failed, a delivery failed for good, the
  deliveries moved or posted again at a start) are in the policy's primary language, as the other
  lines of the log about the policy; the error they quote (``HTTP 500``, a redirect's host, the HTTP
  client's words for a network error) is the one ``GET /alerts`` keeps, in English as every field
  of the API, but a redirect and a ``Retry-After`` delay are said in the line's language.
* So are the timers' lines (``serve.timers.*``, :mod:`sla_dsl.serve.timer_words`) and the start's lines
  of what the versions in use cannot judge (``serve.unjudged.*``, ``serve.not_judged.*``). In Japanese an
  alert is named by what a person reads (``案件 `A-1` の応答（要注意、2026年11月30日(月) 11:00）``): the
  target by its word or label, the state by the dashboard's word; in English as before, by the kind and
  the target's name the webhook bodies give. Only the error quoted (a database's) stays in English.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["DASHBOARD_WORDS", "SERVE"]

SERVE: dict[str, Msg] = {
    "serve.dashboard.title": Msg("SLA ライブ状況", "SLA live status"),
    "serve.dashboard.open": Msg("対応中の目標", "Open targets"),
    "serve.dashboard.id": Msg("ID", "ID"),
    "serve.dashboard.priority": Msg("優先度", "Priority"),
    "serve.dashboard.target": Msg("目標", "Target"),
    "serve.dashboard.status": Msg("状態", "Status"),
    "serve.dashboard.due": Msg("期限", "Due"),
    # the header of the time left: in business time when every row counts it; else the plain header, and every
    # time marked with what it counts (as the report's tables: report.left, report.left_plain)
    "serve.dashboard.left": Msg("残り（営業時間）", "Left (business time)"),
    "serve.dashboard.left_plain": Msg("残り", "Left"),
    "serve.dashboard.in_business": Msg("（営業時間）", " (business time)"),
    "serve.dashboard.in_elapsed": Msg("（経過時間）", " (elapsed)"),
    "serve.dashboard.maintenance": Msg("次回の定期メンテナンス", "Next regular maintenance"),
    "serve.dashboard.availability": Msg("今月の稼働率", "Availability this month"),
    "serve.dashboard.none": Msg("なし", "none"),
    "serve.dashboard.overdue": Msg("超過", "overdue"),
    "serve.dashboard.s_open": Msg("対応中", "open"),
    "serve.dashboard.s_at_risk": Msg("要注意", "at risk"),
    "serve.dashboard.s_breached": Msg("未達", "breached"),
    "serve.dashboard.s_paused": Msg("一時停止中", "paused"),
    "serve.dashboard.updated": Msg("更新", "Updated"),
    # the button that stops and starts again the page's updates (the countdowns every second, the data every
    # 10 seconds: WCAG 2.2.2), and what the page says while they stand still
    "serve.dashboard.pause": Msg("自動更新を一時停止", "Pause updates"),
    "serve.dashboard.resume": Msg("自動更新を再開", "Resume updates"),
    "serve.dashboard.held": Msg("自動更新は一時停止中です", "Updates are paused"),
    # the rows shown of the open targets (the page's script fills in the numbers), and the links to the others
    "serve.dashboard.shown": Msg("全 {total} 件のうち {first}〜{last} 件目を表示", "{first}–{last} of {total} shown"),
    "serve.dashboard.first": Msg("先頭へ", "First"),
    "serve.dashboard.next": Msg("次へ", "Next"),
    # the next maintenance window, as the site's table of windows says it ({date}: ``2026年12月24日(木)``,
    # {hours}: :func:`sla_dsl.i18n.window_hours`, ``22:00〜24:00``, ``22:00〜翌02:00``); a longer one both ends
    "serve.window.day": Msg("{date} {hours}", "{date} {hours}"),
    "serve.window.days": Msg("{start}〜{end}", "{start} to {end}"),
    # GET /report?as_of= with nothing after it (refused, not taken as absent)
    "serve.report.as_of_empty": Msg(
        "`as_of` が空です。時刻（`{example}`）か日付（`YYYY-MM-DD`）を書くか、`as_of` を省いてください"
        "（省くと `to` の時点の報告書です）",
        "`as_of` is empty: give a time (`{example}`) or a date (`YYYY-MM-DD`), or leave `as_of` out "
        "(the report is then as of `to`)",
    ),
    # POST /events: a text the database cannot store (PostgreSQL's text holds no U+0000)
    "serve.events.nul": Msg(
        "フィールド `{field}` に文字 `U+0000`（`NUL`）があります。サービスのデータベースには保存できません",
        "field `{field}` holds the character U+0000 (NUL), which the service's database cannot store",
    ),
    "serve.events.nul.help": Msg(
        "送る前にその文字（JSON では `\\u0000`）を取り除いてください",
        "remove the character (`\\u0000` in JSON) before sending the event",
    ),
    # `sla serve --token-file`: a token no client could send in an HTTP header
    "serve.start.token_not_ascii": Msg(
        "{path}: トークンに `ASCII` の印字可能文字でない文字 {char} があります。"
        "`HTTP` クライアントはヘッダーを `ASCII` で送るため、このトークンを付けたリクエストは認証されません。"
        "英数字と `ASCII` の記号だけのトークンにしてください",
        "{path}: the token holds {char}, which is not printable ASCII: HTTP clients send headers as ASCII, so "
        "no request would carry this token and no write could be authorized; use letters, digits and ASCII "
        "punctuation only",
    ),
    # `sla serve` at start: a version served before whose text now means something else (refused, exit 1)
    "serve.start.version_changed": Msg(
        "{path}：版 {version} の内容が、このデータベースで最初に使ったときから変わっています。"
        "このまま起動すると、保存済みのイベントをすべて変更後の規則で判定し直すことになり、期限が動いて、"
        "同じ案件にもう一度アラートが出ます。そのため起動しません。変更点：\n{changes}",
        "{path}: version {version} has changed since this database was first served with it: started so, the "
        "service would judge every stored event again under the changed rules, due times would move and the same "
        "incidents would be alerted again, so it does not start. What changed:\n{changes}",
    ),
    "serve.start.version_changed.help": Msg(
        "ファイルを元の内容に戻し、変更は新しい `version` と将来の日付の `effective` を付けた新しい版として"
        "加えてください（対応中の案件は、起算した時点の版のまま判定されます）。保存済みのイベントをすべて"
        "変更後の内容で判定し直すことが本当に意図したものである場合に限り、データベースで `{sql}` を実行して"
        "から起動してください（期限が動いた案件には新しい時刻でアラートがもう一度出て、当てはまらなくなった"
        "アラートは取り消します）",
        "restore the file's text, and make the change a new version with a new `version` and a future "
        "`effective` date (open incidents keep the version their clock started under); only if judging every "
        "stored event again under the changed text is really meant, run `{sql}` on the database, then start "
        "(incidents whose due times move are alerted again, and the alerts that no longer hold are withdrawn)",
    ),
    "serve.start.version_begun": Msg(
        "{path}：版 {version} はこのデータベースでまだ使ったことのない新しい版ですが、適用開始日 {effective} は"
        "すでに始まっています。このまま起動すると、その日からの保存済みのイベントをこの版で判定し直すことになり、"
        "期限が動いて、同じ案件にもう一度アラートが出ます。そのため起動しません",
        "{path}: version {version} was never served by this database, and its `effective` date {effective} has "
        "begun: started so, the service would judge the events stored from that date again under it, due times "
        "would move and the same incidents would be alerted again, so it does not start",
    ),
    "serve.start.version_begun.help": Msg(
        "新しい版は将来の日付から適用します。`effective` を将来の日付（`effective {tomorrow}` 以降）にしてください"
        "（対応中の案件は、起算した時点の版のまま判定されます）。その日からの保存済みのイベントをこの版で判定し直す"
        "ことが本当に意図したものである場合に限り、データベースで `{sql}` を実行してから起動してください"
        "（期限が動いた案件には新しい時刻でアラートがもう一度出て、当てはまらなくなったアラートは取り消します）",
        "a new version takes effect from a future date: write a future `effective` date (`effective {tomorrow}` "
        "or later), so that open incidents keep the version their clock started under; only if judging the "
        "events stored from that date again under this version is really meant, run `{sql}` on the database, "
        "then start (incidents whose due times move are alerted again, and the alerts that no longer hold are "
        "withdrawn)",
    ),
    # (in place of the changes, when the text stored no longer compiles)
    "serve.start.changes_unknown": Msg(
        "（保存されている本文をこのリリースでは読めないため、変更点を示せません）",
        "(the text stored cannot be read by this release, so what changed cannot be said)",
    ),
    # a version added over HTTP (stored in the database) that this release no longer compiles: its first diagnostic
    "serve.start.stored_uncompilable": Msg(
        "データベースに保存したポリシーの版をコンパイルできなくなりました：{error}",
        "a policy version stored in the database no longer compiles: {error}",
    ),
    # a version served that no policy file gives (posted, reloaded, or its file removed) and that has not taken
    # effect yet: still served (a warning at start), and the statements that take it back (`{sql}`)
    "serve.start.unfiled": Msg(
        "{path}：版 {version}（適用開始日 {effective}）はどのポリシーのファイルにもありませんが、このデータベースで"
        "使ってきた版なので、使い続けます（`POST /policies` か再読み込みで加えた版か、ファイルを外した版です）",
        "{path}: version {version} (effective {effective}) is in none of the policy files, and is still served, as "
        "every version this database has served (one added by `POST /policies` or a reload, or whose file was removed)",
    ),
    "serve.start.unfiled.help": Msg(
        "この版を取り下げるには、適用開始日より前に、このデータベースを使うサービスをすべて止め、データベースで "
        "`{sql}` を実行してから起動してください。使い続けるなら、このままでかまいません",
        "to take this version back, before its effective date stop every service on this database, run `{sql}` on "
        "the database, then start again; to keep it, nothing is needed",
    ),
    # SIGHUP (`systemctl reload`): the policy files read again
    "serve.reload.not_reloaded": Msg(
        "ポリシーのファイルを読み直せませんでした。使用中の版はそのままです：",
        "policy files not reloaded (the versions in use stay as they were):",
    ),
    "serve.reload.not_reloaded.help": Msg(
        "読み直しでは、ファイルの新しい版をすべて加えるか、一つも加えないかのどちらかです（起動も、すべての版を"
        "使って始めるか、始めないかのどちらかです）。ほかのファイルの新しい版も加えていません。"
        "このファイルを直してから、もう一度 `SIGHUP` を送ってください",
        "a reload adds the new versions of all the files or of none, as a start serves every version or does not "
        "start: the new versions of the other files are not added either; fix this file, then send SIGHUP again",
    ),
    "serve.reload.held": Msg(
        "起動中に `SIGHUP` を受けました。準備ができたので、ポリシーのファイルを読み直します",
        "SIGHUP received while starting: the policy files are read again now that the service is ready",
    ),
    "serve.reload.in_file": Msg("{path}：{said}", "{path}: {said}"),
    "serve.reload.version_changed": Msg(
        "{path}：版 {version} は使用中ですが、ファイルの内容が変わっています。この変更は適用していません"
        "（使用中の版はそのままです）。変更点：\n{changes}",
        "{path}: version {version} is in use and its file has changed: the change is NOT applied (the version "
        "in use stays as it was). What changed:\n{changes}",
    ),
    "serve.reload.version_changed.help": Msg(
        "変更には新しい `version` と将来の日付の `effective` を付けて、新しい版（別のファイル）として加え、"
        "このファイルは元の内容に戻してください。使用中の版と内容が異なるままでは、次の起動は拒否されます",
        "give the change a new `version` and a future `effective` date, as a new version in a file of its own, "
        "and restore this file: while it differs from the version in use, the next start is refused",
    ),
    # the same, of a version that has not taken effect: it may still be corrected under its number
    "serve.reload.version_changed.upcoming_help": Msg(
        "版 {version} はまだ適用が始まっていないので、この版のまま直すこともできます：適用開始日より前に、"
        "このデータベースを使うサービスをすべて止め、データベースで `{sql}` を実行してから起動すると、"
        "このファイルの内容で版 {version} を加えます。そうしないなら、このファイルを元の内容に戻すか、"
        "変更に新しい `version` と将来の日付の `effective` を付けて、新しい版（別のファイル）として加えてください。"
        "使用中の版と内容が異なるままでは、次の起動は拒否されます",
        "version {version} has not taken effect yet, so it can still be corrected under its number: before its "
        "effective date stop every service on this database, run `{sql}` on the database, then start, and "
        "version {version} is added with this file's text; otherwise restore this file, or give the change a new "
        "`version` and a future `effective` date, as a new version in a file of its own: while it differs from "
        "the version in use, the next start is refused",
    ),
    # a line of the log about a reload (SIGHUP), in the language of what it says
    "serve.reload.line": Msg("再読み込み：{said}", "reload: {said}"),
    # a version in use, as a refusal of `POST /policies` names it (never where the server keeps its file)
    "serve.policy.in_use": Msg("使用中のポリシー", "the policy in use"),
    # the log line of a version added (posted or reloaded), in the policy's language
    "serve.reload.added": Msg(
        "版 `{version}` を加えました（適用開始日 {effective}）",
        "policy version {version} added, effective {effective}",
    ),
    # the file of a version in use no longer among the policy files (a warning at each reload): the version stays
    # served; how to take it back before its date (`{sql}`), or that a version in force cannot be
    "serve.reload.file_gone": Msg(
        "{path}：版 {version}（適用開始日 {effective}）のファイルが、ポリシーのファイルの中にもうありません。"
        "ファイルを外しても版は取り下げられないので、版 {version} は使い続けます",
        "{path}: the file of version {version} (effective {effective}) is no longer among the policy files; "
        "removing a file does not take its version back, so version {version} is still served",
    ),
    "serve.reload.file_gone.help": Msg(
        "この版を取り下げるには、適用開始日より前に、このデータベースを使うサービスをすべて止め、データベースで "
        "`{sql}` を実行してから、このファイルなしで起動してください。取り下げないなら、ファイルを元に戻してください",
        "to take this version back, before its effective date stop every service on this database, run `{sql}` on "
        "the database, then start without this file; to keep it, put the file back",
    ),
    "serve.reload.file_gone.begun_help": Msg(
        "版 {version} はすでに適用が始まっていて、その日からの案件はこの版で判定しているので、取り下げる方法は"
        "ありません。ファイルを元に戻してください。規則を変えるには、新しい `version` と将来の日付の `effective` を"
        "付けて、新しい版として加えてください",
        "version {version} has taken effect and the incidents from its date are judged under it, so there is no way "
        "to take it back: put the file back; to change the rules, add a new version with a new `version` and a "
        "future `effective` date",
    ),
    # the log lines of the webhook deliveries, in the policy's primary language (the error of an attempt as
    # `GET /alerts` keeps it: `HTTP 500`, the HTTP client's own words for a network error)
    "serve.webhook.attempt_failed": Msg(
        "送信先 {webhook}：アラート {alert} の {attempt} 回目の送信に失敗しました：{error}",
        "webhook {webhook}: alert {alert}: attempt {attempt} failed: {error}",
    ),
    "serve.webhook.retry_after": Msg(
        "（`Retry-After` の指定により、次の送信は {seconds} 秒後）",
        " (Retry-After: next try in {seconds} s)",
    ),
    "serve.webhook.redirect": Msg("{status}（{location} への転送）", "{status} redirect to {location}"),
    "serve.webhook.about": Msg("（{kind} {id}）", " ({kind} {id})"),
    "serve.webhook.refused": Msg(
        "送信先 {webhook}：アラート {alert}{about}を届けられませんでした：{error}。受信側がこのアラートを拒否しており"
        "（408、425、429 以外のクライアントエラー）、もう一度送っても拒否されるため、次の起動までは送りません。"
        "受信側を直すか、`--webhook` に正しい `URL` を指定して、再起動してください"
        "（起動時に、届けられなかったアラートを、そのとき指定された送信先へもう一度送ります）",
        "webhook {webhook}: alert {alert}{about} not delivered: {error}; the receiver refuses it (a client error "
        "other than 408, 425 and 429) and would refuse it again, so it is not posted again before the next start: "
        "fix the receiver, or give its right URL with --webhook, then restart (at a start, the alerts that failed "
        "are posted again, to the webhooks then given)",
    ),
    "serve.webhook.redirected": Msg(
        "送信先 {webhook}：アラート {alert}{about}を届けられませんでした：{error}。"
        "転送（リダイレクト）には従わないため、次の起動までは送りません。"
        "受信側自身の `URL` を `--webhook` に指定して、再起動してください"
        "（起動時に、届けられなかったアラートを、そのとき指定された送信先へもう一度送ります）",
        "webhook {webhook}: alert {alert}{about} not delivered: {error}; redirects are not followed, so it is not "
        "posted again before the next start: give the receiver's own URL with --webhook, then restart (at a "
        "start, the alerts that failed are posted again, to the webhooks then given)",
    ),
    "serve.webhook.not_recorded": Msg(
        "送信先 {webhook}：送信の結果をデータベースに記録できません：{error}",
        "webhook {webhook}: cannot record a delivery: {error}",
    ),
    "serve.webhook.not_read": Msg(
        "送信先 {webhook}：送るアラートをデータベースから読めません：{error}",
        "webhook {webhook}: cannot read deliveries: {error}",
    ),
    "serve.webhook.not_given_back": Msg(
        "停止時に、送信を始めていなかった {count} 件の配信を戻せませんでした：{error}",
        "webhooks: cannot give back {count} deliveries: {error}",
    ),
    # at a start: the deliveries that failed, and those to a webhook no longer given
    "serve.webhook.again": Msg(
        "送信先 {webhook}：届けられなかった（転送またはクライアントエラーの）アラート {count} 件を、もう一度送ります",
        "webhook {webhook}: its {count} alert(s) that failed (a redirect or a client error) are posted again",
    ),
    "serve.webhook.moved": Msg(
        "送信先 {webhook} は指定されなくなりました。まだ届けていないアラート {count} 件は、"
        "代わりに今回指定された送信先（{given}）へ送ります",
        "webhook {webhook} is no longer given: its {count} alert(s) not delivered are posted to the webhooks "
        "given ({given}) instead",
    ),
    "serve.webhook.kept": Msg(
        "送信先 {webhook} は指定されなくなりました。まだ届けていないアラート {count} 件は、今回指定された送信先"
        "（{given}）にもすでに配信があるため（状態は `GET /alerts` にあります）、重ねては送りません",
        "webhook {webhook} is no longer given: its {count} alert(s) not delivered already have a delivery to the "
        "webhooks given ({given}) (GET /alerts shows its state), and are not posted to them again",
    ),
    "serve.webhook.dropped": Msg(
        "送信先 {webhook} は指定されなくなり、`--webhook` の指定もありません。まだ届けていないアラート {count} 件は"
        "送りません（`GET /alerts` に一覧があります）",
        "webhook {webhook} is no longer given and no --webhook is: its {count} alert(s) not delivered are "
        "dropped (GET /alerts lists them)",
    ),
    # a webhook not given here that another server on the database posts to (it said so lately): its deliveries
    # are that server's, left alone at this start
    "serve.webhook.held_elsewhere": Msg(
        "送信先 {webhook} は今回指定されていませんが、同じデータベースの別のサーバーが {seconds} 秒前まで"
        "この送信先へ送っていました。まだ届けていないアラート {count} 件は、そのサーバーに任せて動かしません"
        "（そのサーバーが止まって 5 分を過ぎてから起動すると、今回指定された送信先へ移すか、指定がなければ送りません）",
        "webhook {webhook} is not given here, but another server on this database posted to it {seconds} s ago: "
        "its {count} alert(s) not delivered are left to that server (a start 5 minutes after that server has "
        "stopped moves them to the webhooks then given, or drops them when none is)",
    ),
    "serve.webhook.not_held": Msg(
        "送信先をデータベースに記録し直せません：{error}",
        "webhooks: cannot record again which webhooks this server posts to: {error}",
    ),
    "serve.webhook.not_let_go": Msg(
        "停止時に、このサーバーの送信先の記録をデータベースから消せませんでした（5 分後に消えます）：{error}",
        "webhooks: cannot record that this server stops posting to its webhooks (the record lapses in 5 "
        "minutes): {error}",
    ),
    # a failure said again: still going on (every minute), over, or followed by another one (serve/repeats.py)
    "serve.repeats.again": Msg(
        "同じ失敗が続いています（この {seconds} 秒にさらに {count} 回）：{said}",
        "still failing ({count} more time(s) in the last {seconds} s): {said}",
    ),
    "serve.repeats.over": Msg(
        "解消しました（{seconds} 秒のあいだに {count} 回）：{said}",
        "over after {count} time(s) in {seconds} s: {said}",
    ),
    "serve.repeats.replaced": Msg(
        "別の失敗に変わりました（それまで {seconds} 秒のあいだに {count} 回）：{said}",
        "another failure now (this one came {count} time(s) in {seconds} s): {said}",
    ),
    # a request answered 503: the database cannot be used now
    "serve.database_away": Msg(
        "{request}：データベースを使えないため 503 で応答しました：{error}",
        "database unavailable: {request} answered 503: {error}",
    ),
    # a request answered 503 while a PostgreSQL server answers nothing (serve/watchdog.py): its connection given up
    "serve.database_stalled": Msg(
        "{request}：データベース {database} が {seconds} 秒応答しないため 503 で応答しました（`--db-stall`）",
        "database not answering: {request} answered 503: {database} answered nothing for {seconds} s (`--db-stall`)",
    ),
    # the watchdog of a PostgreSQL server (serve/watchdog.py): it answers nothing, answers again; a new connection
    # refused meanwhile (the driver's error, quoted by the lines of the timers and the senders)
    "serve.db.stalled": Msg(
        "データベース {database} が {seconds} 秒応答しません（`--db-stall`）。応答を待っていた接続 {count} 本を切り、"
        "応答が戻るまで新しい接続はしません（リクエストにはすべて 503 で答えます）",
        "the database {database} answered nothing for {seconds} s (`--db-stall`): {count} connection(s) waiting "
        "on it given up, and no new one is made until it answers again (every request is answered 503)",
    ),
    "serve.db.answers_again": Msg(
        "データベース {database} がふたたび応答しています（{seconds} 秒のあいだ応答しませんでした）",
        "the database {database} answers again (it answered nothing for {seconds} s)",
    ),
    "serve.db.stalled.refused": Msg(
        "データベースが {seconds} 秒応答しないため、応答が戻るまで新しい接続はしません",
        "the database answered nothing for {seconds} s: no new connection until it answers again",
    ),
    "serve.db.watch_failed": Msg(
        "データベースの応答の見張りで予期しない例外が起きました（続けて見張ります）：{error}",
        "the watch on the database's answers met an unexpected exception (it goes on watching): {error}",
    ),
    # a request answered 500: an exception the service did not expect, and where in the package it was raised
    # (never a traceback, the SQL or a value it carries: an event's data may be confidential)
    "serve.internal_error": Msg(
        "{request}：内部エラーのため 500 で応答しました：{error}（{place} で発生）",
        "internal error: {request}: {error} at {place}",
    ),
    # an exception in a line of the log (store.brief): where in the package it was raised
    "serve.brief.placed": Msg(
        "{error}（{place} で発生）",
        "{error} at {place}",
    ),
    "serve.internal_error.unplaced": Msg(
        "{request}：内部エラーのため 500 で応答しました：{error}",
        "internal error: {request}: {error}",
    ),
    # the line once the service listens
    "serve.ready": Msg(
        "{addresses} で受け付けを始めました（版：{versions}、データベース：{database}、送信先 {webhooks} 件）",
        "serving on {addresses} (versions: {versions}; database: {database}; {webhooks} webhook(s))",
    ),
    "serve.ready.version": Msg("{version}（{effective}から）", "{version} (from {effective})"),
    # between the items of a list in a line of the log (the versions and addresses of serve.ready)
    "serve.sep.list": Msg("、", ", "),
    # a `--db` value refused before anything is opened (wrong usage, exit 2), and a database not opened (exit 1)
    "serve.db.not_a_url": Msg(
        "`--db` の `{url}` はデータベースの `URL` ではありません。`SQLite` のファイルは `{hint}` のように書きます"
        "（絶対パスはスラッシュ 4 つ：`sqlite:////var/lib/sla/sla.db`）",
        "--db `{url}` is not a database URL: an SQLite file is written `{hint}` (an absolute path takes four "
        "slashes: `sqlite:////var/lib/sla/sla.db`)",
    ),
    "serve.db.unsupported": Msg(
        "`--db` の `{scheme}:...` は使えないデータベースの `URL` です。`sqlite:///PATH` か "
        "`postgresql://USER@HOST:PORT/DB` を指定してください",
        "unsupported database URL `{scheme}:...`: give `sqlite:///PATH` or `postgresql://USER@HOST:PORT/DB`",
    ),
    "serve.db.invalid": Msg(
        "`--db` の `{url}` を読めません：{why}",
        "--db `{url}` cannot be read: {why}",
    ),
    "serve.db.port": Msg(
        "ポート {port} は 1 から 65535 までの数ではありません",
        "the port {port} is not a number from 1 to 65535",
    ),
    "serve.db.no_file": Msg(
        "`--db` の `{url}` はファイルを示していません。メモリー上のデータベースはサービスの接続の間で共有できない"
        "（接続ごとに別の空のデータベースになる）ため、ファイルを `sqlite:///sla.db` のように指定してください"
        "（絶対パスはスラッシュ 4 つ：`sqlite:////var/lib/sla/sla.db`）",
        "--db `{url}` names no file: a database in memory cannot be shared by the service's connections (each "
        "would have its own, empty one), so give a file, as `sqlite:///sla.db` (an absolute path takes four "
        "slashes: `sqlite:////var/lib/sla/sla.db`)",
    ),
    "serve.db.query": Msg(
        "`--db` の `{url}` のクエリ（{names}）は使えません。サービスはファイルを読み書きできるように自分で開くので、"
        "`SQLite` のファイルはパスだけで `{hint}` のように書きます",
        "--db `{url}` has query parameters ({names}) the service does not take: it opens the file itself, to "
        "read and write, so an SQLite file is given by its path alone, as `{hint}`",
    ),
    "serve.db.cannot_use": Msg("データベースを使えません：{error}", "cannot use the database: {error}"),
    "serve.db.cannot_open": Msg("データベースを開けません：{error}", "cannot open the database: {error}"),
    "serve.db.cannot_open_file": Msg(
        "データベースのファイル {file} を開けません：{error}",
        "cannot open the database file {file}: {error}",
    ),
    "serve.db.relative": Msg(
        "（`--db sqlite:///{given}` は作業ディレクトリ {cwd} からの相対パスです。"
        "絶対パスはスラッシュ 4 つで書きます：`sqlite:////var/lib/sla/sla.db`）",
        " (`--db sqlite:///{given}` names a path relative to the working directory {cwd}; an absolute path "
        "takes four slashes: `sqlite:////var/lib/sla/sla.db`)",
    ),
    # PostgreSQL at start (exit 1): the --db value named (its password masked), the driver's first line (never the
    # SQL), and a help line (diag.word.help) under it: a database not opened (away, a wrong host, port, name, user
    # or password), a right its user lacks (SQLSTATE 42501), a wait passed, anything else it refused
    "serve.db.cannot_open_at": Msg(
        "データベース `{url}` を開けません：{error}",
        "cannot open the database `{url}`: {error}",
    ),
    "serve.db.cannot_open_at.help": Msg(
        "ホスト、ポート、データベース名、ユーザー、パスワードを確かめてください。パスワードは `URL` に書くか"
        "（`postgresql://USER:PASSWORD@HOST:PORT/DB`）、`PostgreSQL` のクライアントが読む環境変数 `PGPASSWORD` "
        "かファイル `~/.pgpass` で渡します",
        "check the host, the port, the database's name, the user and the password; a password is given in the URL "
        "(`postgresql://USER:PASSWORD@HOST:PORT/DB`), or in the environment variable `PGPASSWORD` or the file "
        "`~/.pgpass`, which PostgreSQL's client library reads",
    ),
    # (in place of the driver's line, which would quote a part of the password as the host it could not find)
    "serve.db.password_at": Msg(
        "パスワードの中の `@` が `%40` と書かれていないため、その後ろをホストとして読みました"
        "（`URL` のパスワードでは `@` を `%40`、`%` を `%25` と書きます）",
        "the password holds an `@` not written `%40`, so what follows it was read as the host (in a URL's "
        "password, `@` is written `%40` and `%` is written `%25`)",
    ),
    "serve.db.no_right": Msg(
        "データベース `{url}` で、サービスに要る権限がユーザーにありません：{error}",
        "the user lacks a right the service needs on the database `{url}`: {error}",
    ),
    "serve.db.no_right.help": Msg(
        "ユーザーがデータベースを所有している（`createdb -O USER DB` で作る）か、所有者がこのリリースで一度起動して"
        "スキーマを最新にしたうえで、すべてのテーブルに `SELECT`、`INSERT`、`UPDATE`、`DELETE` の権限を、"
        "すべてのシーケンスに `USAGE` の権限を持っている必要があります（運用の手引き「`sla serve` の運用」の"
        "「データベース」の節）",
        "the user must own the database (`createdb -O USER DB`), or, once its owner has brought the schema up to "
        "date by a start of this release, have `SELECT`, `INSERT`, `UPDATE` and `DELETE` on every table and "
        "`USAGE` on every sequence (the operators' guide “Running `sla serve`”, section “The database”)",
    ),
    "serve.db.busy": Msg(
        "データベース `{url}` が待ちの上限までに応えませんでした：{error}",
        "the database `{url}` did not answer within its wait: {error}",
    ),
    "serve.db.busy.help": Msg(
        "ほかのセッションがサービスのテーブルをロックしていないか（スキーマを更新中のサーバー、長いトランザクション。"
        "`pg_stat_activity` で分かります）を確かめてから、もう一度起動してください",
        "look for another session holding a lock on the service's tables (a server bringing the schema up to "
        "date, a long transaction: `pg_stat_activity` shows them), then start again",
    ),
    "serve.db.refused": Msg(
        "データベース `{url}` を使えません：{error}",
        "cannot use the database `{url}`: {error}",
    ),
    "serve.db.refused.help": Msg(
        "`--db` がこのサービスのデータベースを示し、そのサーバーが書き込みを受け付ける（スタンバイでない）ことを"
        "確かめてください",
        "check that `--db` names the service's own database, on a server that takes writes (not a standby)",
    ),
    # a start that took the schema steps of a newer release on an older release's database (a line of the log)
    "serve.db.upgraded": Msg(
        "データベース {database} のスキーマを版 {before} から版 {after} に更新しました。これより前のリリースは、"
        "このデータベースをもう開けません（前のリリースに戻すには、更新の前に取ったバックアップを戻してください）",
        "the database {database} was upgraded from schema version {before} to {after}: releases before this "
        "one can no longer open it (to go back to the previous release, restore the backup taken before the "
        "upgrade)",
    ),
    # an SQLite file of another application (tables, none of them `schema_version`): refused before anything is
    # written to it (exit 1); its tables named, at most a few
    "serve.db.foreign": Msg(
        "データベースのファイル {file} には、ほかのアプリケーションのテーブル（{tables}）があり、`sla serve` の"
        "データベースではないため、何も書き込まずに止めました。`--db` には新しいファイルか、`sla serve` が作った"
        "データベースを指定してください",
        "the database file {file} holds another application's tables ({tables}), not a database of `sla serve`: "
        "nothing was written to it; give `--db` a new file, or a database `sla serve` made",
    ),
    "serve.db.foreign.sep": Msg("、", ", "),
    "serve.db.foreign.more": Msg("ほか {count} 個", "{count} more"),
    # the schema is newer than this program's (exit 1; SQLite or PostgreSQL)
    "serve.db.newer": Msg(
        "データベース `{url}` のスキーマの版 {current} は、このプログラムの版 {newest} より新しいものです："
        "`sla-dsl` を更新してください（前のリリースに戻したのであれば、新しいリリースがこのデータベースで最初に"
        "起動する前に取ったバックアップを戻してください）",
        "the database `{url}` has schema version {current}, newer than this program's {newest}: upgrade sla-dsl "
        "(to go back to an earlier release, restore the backup taken before the newer one first started on it)",
    ),
    # the address given cannot be listened on (before any database work), and a malformed --webhook
    "serve.start.cannot_listen": Msg(
        "{host} のポート {port} で受け付けられません：{reason}",
        "cannot listen on {host} port {port}: {reason}",
    ),
    "serve.start.cannot_listen.in_use": Msg(
        "ほかのプロセスがすでにこのポートを使っています（このポートで `sla serve` がもう動いていないか"
        "確かめるか、`--port` に別のポートを指定してください）",
        "another process is listening on it already (check that no `sla serve` is running on it, or give "
        "another --port)",
    ),
    "serve.start.cannot_listen.host": Msg(
        "`--host` の {host} はこの機械のアドレスではないか、名前を引けません",
        "--host {host} is not an address of this machine, or its name cannot be resolved",
    ),
    "serve.start.webhook_malformed": Msg(
        "`--webhook` の `{url}` は正しい `URL` ではありません：{why}",
        "--webhook `{url}` is not a valid URL: {why}",
    ),
    "serve.start.webhook_no_host": Msg("送信先のホストがありません", "it names no host"),
    "serve.start.webhook_bracket": Msg(
        "ホストの `[` が `]` で閉じられていません（`IPv6` アドレスは `http://[::1]:8080/` のように書きます）",
        "the host's `[` is not closed by `]` (an IPv6 address is written as `http://[::1]:8080/`)",
    ),
    "serve.start.webhook_ipv6": Msg(
        "角かっこの中の {host} は `IPv6` アドレスではありません",
        "{host} in brackets is not an IPv6 address",
    ),
    "serve.start.webhook_host": Msg("ホスト名 {host} を読めません", "the host name {host} cannot be read"),
    "serve.start.webhook_long": Msg("長すぎます", "it is too long"),
    "serve.start.webhook_unreadable": Msg("`URL` として読めない部分があります", "part of it cannot be read as a URL"),
    "serve.start.webhook_space": Msg(
        "空白か制御文字があります（`URL` の中では `%20` のように書きます）",
        "it holds a blank or a control character (write it as `%20` in a URL)",
    ),
    # the log lines of a stored incident's priority its version does not define (GET /report lists each among
    # its violations as data): an event that makes one, and at a start the incidents not judged
    "serve.not_judged.incident": Msg(
        "案件 `{id}` は保存しましたが、判定していません。優先度 `{priority}` が、この案件を判定する版 {version}"
        "（起算した時点の版）に定められていないためです{later}。この案件は現在の状況・メトリクス・アラートに現れず、"
        "`GET /report` では違反のデータの項目に挙がります",
        "incident `{id}` is stored but not judged: its priority `{priority}` is not defined in version {version}, "
        "which judges it (the version in force at its clock start){later}; it is left out of the live answers, the "
        "metrics and the alerts, and GET /report lists it among the violations as data",
    ),
    "serve.not_judged.unapplied": Msg(
        "案件 `{id}` の {at} の優先度の変更（`{priority}` へ）は適用していません。優先度 `{priority}` が、この案件を"
        "判定する版 {version}（起算した時点の版）に定められていないためです{later}。案件は優先度 `{in_force}` のまま"
        "判定し、`GET /report` では違反のデータの項目に挙がります",
        "incident `{id}`: the reprioritisation to `{priority}` at {at} is not applied: priority `{priority}` is not "
        "defined in version {version}, which judges the incident (the version in force at its clock start){later}; "
        "the incident is judged as `{in_force}`, and GET /report lists it among the violations as data",
    ),
    "serve.not_judged.later": Msg(
        "（版 {version} には {effective} から定められています）",
        " (version {version} defines it, from {effective})",
    ),
    "serve.not_judged.help": Msg(
        "案件は起算した時点の版のまま判定します。判定させるには、版 {version} に定められた優先度（{defined}）への"
        " `incident.reprioritized` を送ってください。起算の時刻が誤っている場合は、イベントの時刻を確かめてください",
        "an incident keeps the version in force at its clock start: to have it judged, send an "
        "`incident.reprioritized` to a priority version {version} defines ({defined}); if its clock start is wrong, "
        "check the events' times",
    ),
    "serve.not_judged.unapplied.help": Msg(
        "案件は起算した時点の版のまま判定します。優先度を変えるには、版 {version} に定められた優先度（{defined}）への"
        " `incident.reprioritized` を送ってください。起算の時刻が誤っている場合は、イベントの時刻を確かめてください",
        "an incident keeps the version in force at its clock start: to change its priority, send an "
        "`incident.reprioritized` to a priority version {version} defines ({defined}); if its clock start is wrong, "
        "check the events' times",
    ),
    "serve.not_judged.start": Msg(
        "保存済みの案件 {count} 件を判定していません。判定する版（起算した時点の版）に優先度が定められていないため"
        "です：{items}。これらは現在の状況・メトリクス・アラートに現れず、`GET /report` では違反のデータの項目に"
        "挙がります",
        "{count} stored incident(s) are not judged, as the version that judges each (the one in force at its clock "
        "start) does not define its priority: {items}; they are left out of the live answers, the metrics and the "
        "alerts, and GET /report lists them among the violations as data",
    ),
    "serve.not_judged.start_unapplied": Msg(
        "保存済みの案件 {count} 件で、優先度の変更を適用していません。判定する版（起算した時点の版）にその優先度が"
        "定められていないためです：{items}。`GET /report` では違反のデータの項目に挙がります",
        "{count} stored incident(s) have a reprioritisation that is not applied, as the version that judges each "
        "(the one in force at its clock start) does not define the priority: {items}; GET /report lists them "
        "among the violations as data",
    ),
    "serve.not_judged.start.help": Msg(
        "案件は起算した時点の版のまま判定します。判定させるには、その版に定められた優先度への "
        "`incident.reprioritized` を送ってください（`GET /incidents/{{id}}` が案件ごとに示します）",
        "an incident keeps the version in force at its clock start: send an `incident.reprioritized` to a priority "
        "its version defines to have it judged (GET /incidents/{{id}} shows each)",
    ),
    # the note of GET /incidents/ID on an incident stored but not in the live view (sla_dsl.serve.tracking), in the
    # language of the service's answers (`lang`, else the policy's primary language)
    "serve.incident.ahead": Msg(
        "まだ判定していません。この案件の `{event}` イベントの時刻がサービスの時計より後です（許される時計のずれの"
        "範囲内なので保存しました）。その時刻から判定します",
        "not judged yet: its {event} event is dated after the service's clock (stored within the clock skew "
        "allowed); it is judged from that instant on",
    ),
    "serve.incident.unknown": Msg(
        "{said}。`{report}` は違反のデータの項目に挙げます", "{said}: a data violation, which {report} lists"
    ),
    "serve.incident.not_judged": Msg(
        "判定していません。理由は `{report}` が示します（違反のデータの項目と `{skipped}`）",
        "not judged: {report} says why (its data violations and {skipped})",
    ),
    "serve.not_judged.item": Msg(
        "`{id}`（優先度 `{priority}`、版 {version}）",
        "`{id}` (priority `{priority}`, version {version})",
    ),
    "serve.not_judged.more": Msg("ほか {count} 件", "and {count} more"),
    "serve.not_judged.and": Msg("、", ", "),
    "serve.not_judged.unchecked": Msg(
        "保存済みの案件の優先度を確かめられません：{error}",
        "cannot check the stored incidents' priorities: {error}",
    ),
    "serve.not_judged.unchecked_batch": Msg(
        "案件の優先度を確かめられません：{error}",
        "cannot check the incidents' priorities: {error}",
    ),
    # at a start: the stored events the versions in use cannot judge (left out, as GET /report's input.skipped)
    "serve.unjudged.start": Msg(
        "保存済みのイベント {count} 件は、使用中の版では判定できないため、現在の状況・メトリクス・アラートに含めて"
        "いません（`GET /report` では `input.skipped` に挙がります）：{reasons}",
        "{count} stored event(s) cannot be judged under the policy versions in use, and are left out of the live "
        "answers, the metrics and the alerts (GET /report lists them in input.skipped): {reasons}",
    ),
    "serve.unjudged.reason": Msg("[{code}] {said}：{count} 件", "[{code}] {said}: {count}"),
    "serve.unjudged.and": Msg("；", "; "),
    "serve.unjudged.unchecked": Msg(
        "保存済みのイベントを使用中の版で判定できるか、確かめられません：{error}",
        "cannot check the stored events against the policy versions in use: {error}",
    ),
    # the timers' lines of the log (sla_dsl.serve.timer_words), in the policy's primary language: an alert is
    # named by its item, its target's name, its state and its instant in Japanese, and by its kind, target
    # and id as GET /alerts gives them in English (as the lines were written before)
    "serve.timers.alert": Msg(
        "{subject} の{target}（{kind}{threshold}、{at}）", "{kind}{threshold} {target}{subject} at {at}"
    ),
    # the warning threshold of an at-risk alert of a clock with several (`at risk at 50%, 75% of target`)
    "serve.timers.threshold": Msg("・しきい値{percent}%", " ({percent}%)"),
    "serve.timers.incident": Msg("案件 `{id}`", "{id}"),
    "serve.timers.outage": Msg("障害 `{id}`", "{id}"),
    # an id longer than a line quotes: its first characters, and how long it is
    "serve.timers.cut": Msg("{id}…（{count} 文字）", "{id}... ({count} characters)"),
    "serve.timers.fired": Msg(
        "アラートを発報しました（その時刻の {late}後）：{alert}",
        "alert {alert} (fired {late} after)",
    ),
    # how late an alert fired (sla_dsl.serve.timer_words.late): to the millisecond under a minute, else in
    # days, hours and minutes (8日19時間4分, 8 days 19 hours 4 minutes), the parts that are not zero
    "serve.timers.late.seconds": Msg("{seconds} 秒", "{seconds} s"),
    "serve.timers.late.days": Msg("{n}日{s:.0}", "{n} day{s}"),
    "serve.timers.late.hours": Msg("{n}時間{s:.0}", "{n} hour{s}"),
    "serve.timers.late.minutes": Msg("{n}分{s:.0}", "{n} minute{s}"),
    "serve.timers.withdrawn": Msg(
        "アラートを取り消しました：{alert}。発報の後に届いたイベントも含めて判定し直したところ、{reason}"
        "（アラート {id}）",
        "alert withdrawn: {alert}: judged with the events that arrived after it was fired, {reason} (alert {id})",
    ),
    "serve.timers.reason.met": Msg("目標は期限内に満たされていました", "its target was met in time"),
    "serve.timers.reason.excluded": Msg("案件は対象外です", "the incident is excluded"),
    "serve.timers.reason.changed": Msg(
        "目標はこの時刻にこの状態になりません",
        "its target does not reach this transition at this instant",
    ),
    # an alert judged again under a policy version accepted on purpose (an edit of a version in use, a new
    # version from a date that had begun) that those rules no longer have at its instant
    "serve.timers.reason.policy_changed": Msg(
        "目標はこの時刻にこの状態になりません",
        "its target does not reach this transition at this instant",
    ),
    "serve.timers.withdrawn_policy": Msg(
        "アラートを取り消しました：{alert}。意図して受け入れた版を含め、いま使っている版の規則で判定し直したところ、"
        "{reason}（アラート {id}）",
        "alert withdrawn: {alert}: judged again under the policy versions now served, one of them accepted on "
        "purpose, {reason} (alert {id})",
    ),
    "serve.timers.not_checked": Msg(
        "タイマー：{alert}のアラートを判定し直せません：{error}",
        "timers: cannot check alert {alert} again: {error}",
    ),
    "serve.timers.withdrawal_not_recorded": Msg(
        "タイマー：{alert}のアラートの取り消しを記録できません：{error}",
        "timers: the withdrawal of alert {alert} cannot be recorded: {error}",
    ),
    "serve.timers.not_recorded": Msg(
        "タイマー：{alert}のアラートを記録できません（まもなくもう一度試します）：{error}",
        "timers: cannot record alert {alert} (tried again shortly): {error}",
    ),
    "serve.timers.skipped": Msg(
        "タイマー：{alert}のアラートは記録できないため、飛ばします（その後のアラートは止めません。"
        "再起動時にもう一度だけ試します）：{error}",
        "timers: alert {alert} cannot be recorded and is skipped (the alerts after it are not held up; a restart "
        "tries it once more): {error}",
    ),
    "serve.timers.not_judged": Msg(
        "タイマー：対応中の案件と障害を判定できません：{error}",
        "timers: cannot judge the open items: {error}",
    ),
    "serve.timers.alert_not_recorded": Msg(
        "タイマー：アラートを記録できません（まもなくもう一度試します）：{error}",
        "timers: cannot record an alert (tried again shortly): {error}",
    ),
    "serve.timers.not_checked_all": Msg(
        "タイマー：発報したアラートを、その後に保存したイベントと照らし合わせられません：{error}",
        "timers: cannot check the alerts fired against the events stored since: {error}",
    ),
    "serve.timers.withdrawal_not_recorded_any": Msg(
        "タイマー：アラートの取り消しを記録できません（まもなくもう一度試します）：{error}",
        "timers: cannot record a withdrawal (tried again shortly): {error}",
    ),
    # a new version refused (POST /policies answers in English; a reloaded file is said in its language)
    "serve.policy.loaded": Msg(
        "版 `{version}` はすでに読み込まれています",
        "version `{version}` is already loaded",
    ),
    "serve.policy.loaded.help": Msg(
        "新しい本文には新しい版の番号（`version`）を付けてください",
        "give the new text a new version",
    ),
    "serve.policy.begun": Msg(
        "版 `{version}` の適用開始日 {effective} は、すでに始まっています",
        "version `{version}` would take effect on {effective}, which has begun",
    ),
    "serve.policy.begun.help": Msg(
        "新しい版は将来の日付から適用します。`effective` を将来の日付（`effective {tomorrow}` 以降）にしてください"
        "（対応中の案件は、起算した時点の版のまま判定されます）",
        "a new version takes effect from a future date: write a future `effective` date (`effective {tomorrow}` "
        "or later), so that open incidents keep the version their clock started under",
    ),
}

#: The words the dashboard's script reads, by its name for them (``serve.dashboard.<name>``), in page order.
DASHBOARD_WORDS: tuple[str, ...] = tuple(
    k.removeprefix("serve.dashboard.") for k in SERVE if k.startswith("serve.dashboard.")
)
