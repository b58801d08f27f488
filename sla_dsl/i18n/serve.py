"""Catalogue section: ``sla serve``: its live dashboard (:mod:`sla_dsl.serve.dashboard`), keys
``serve.dashboard.*``; a refusal of ``GET /report``'s ``as_of`` (``serve.report.*``); the problems of a
request's events only the service has (``serve.events.*``); and
what it refuses before it listens (``serve.start.*``).

Design notes
------------
* Moved here from the dashboard's module-local ja/en dicts, word for word; the page embeds
  them (:data:`DASHBOARD_WORDS` in that order) as the words its script reads (``W.title``,
  ``W["s_" + status]``). A row names its target with the report's words (``report.targets.*``).
* A problem of an event is answered in English, as every error body of the service is
  (``Problem.render("ja")`` gives the Japanese). ``GET /report``'s refusals of its ``as_of``
  (``serve.report.*``, and the CLI's ``author.time.as_of_before`` naming the request's fields) are
  in the report's language, as ``sla evaluate`` words them.
* The link to the other language is that language's own name (``site.lang_name`` in it),
  not a word of this section.
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
    "serve.dashboard.left": Msg("残り（営業時間）", "Left (business time)"),
    "serve.dashboard.maintenance": Msg("次回の定期メンテナンス", "Next regular maintenance"),
    "serve.dashboard.availability": Msg("今月の稼働率", "Availability this month"),
    "serve.dashboard.none": Msg("なし", "none"),
    "serve.dashboard.overdue": Msg("超過", "overdue"),
    "serve.dashboard.s_open": Msg("対応中", "open"),
    "serve.dashboard.s_at_risk": Msg("要注意", "at risk"),
    "serve.dashboard.s_breached": Msg("未達", "breached"),
    "serve.dashboard.s_paused": Msg("一時停止中", "paused"),
    "serve.dashboard.updated": Msg("更新", "Updated"),
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
}

#: The words the dashboard's script reads, by its name for them (``serve.dashboard.<name>``), in page order.
DASHBOARD_WORDS: tuple[str, ...] = tuple(
    k.removeprefix("serve.dashboard.") for k in SERVE if k.startswith("serve.dashboard.")
)
