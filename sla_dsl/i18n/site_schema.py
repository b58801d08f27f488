"""Catalogue section: the words around the engineers' generated schema tables (:mod:`sla_dsl.docs.schema`,
:mod:`sla_dsl.docs.event_types`): keys ``site.schema.*``.

Design notes
------------
* The tables of the Events and Reports pages (``<!-- sla:events-schema -->``, ``<!-- sla:report-schema -->``)
  are written in the page's language. This section holds their fixed words: the table head, "yes" / "no",
  how a type is composed ("array of", "or"), the sentence that links the schema file, the note on a
  custom serializer, and the section on the event types the policies declare. The English is exactly
  what the pages said before this section (a test compares it).
* A field's description is not here: it comes from the model's own field doc, in English, and its
  Japanese from the gettext-style tables :mod:`.field_notes_events` and :mod:`.field_notes_report`
  (keyed by the English text, so a changed doc asks for a new note).
* JSON Schema's own words (``string``, ``date-time``) and the models' names are not translated: the
  Japanese page shows them as code, the English page as it always has. So a model's heading is
  ``site.schema.model.<Name>``: on the Japanese page a title in words with the name in code, on the
  English page the name alone.
* Code and names arrive as fields (``{event}``, ``{name}``): the Japanese templates hold no Latin letters.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["SITE_SCHEMA"]

SITE_SCHEMA: dict[str, Msg] = {
    # the table of one event type or report object
    "site.schema.field": Msg("フィールド", "Field"),
    "site.schema.type": Msg("型", "Type"),
    "site.schema.required": Msg("必須", "Required"),
    "site.schema.description": Msg("説明", "Description"),
    "site.schema.yes": Msg("はい", "yes"),
    "site.schema.no": Msg("いいえ", "no"),
    # a type: {type} is a JSON Schema type (code on the Japanese page), {format} its format
    "site.schema.array_of": Msg("{type} の配列", "array of {type}"),
    "site.schema.or": Msg(" または ", " or "),
    "site.schema.format": Msg("{type}（{format}）", "{type} ({format})"),
    # the schema files ({link}: the file's Markdown link; {standard}: "JSON Schema 2020-12")
    "site.schema.events_file": Msg(
        "全体のスキーマは {link} です（{standard} 形式、1 行に 1 イベント）。",
        "The full schema: {link} ({standard}, one event per line).",
    ),
    "site.schema.report_file": Msg(
        "全体のスキーマは {link} です（{standard} 形式）。", "The full schema: {link} ({standard})."
    ),
    # a report object written by a custom serializer (``Period``): its table is of the model's fields
    "site.schema.custom_serializer": Msg(
        "{description}独自のシリアライザーで書き出すため、出力のキーは下の表のフィールド名と異なることがあります"
        "（モデルを参照してください）。",
        "{description} Written by a custom serializer: the JSON keys may differ from the field names below "
        "(see the model).",
    ),
    # the event types the site's policies declare (sla_dsl.docs.event_types.declared_markdown)
    "site.schema.declared.title": Msg("ポリシーが宣言するイベントの種類", "Event types the policies declare"),
    "site.schema.declared.text": Msg(
        "ポリシーは、独自の案件のイベントの種類を追加できます（{example}）。そのポリシーのイベントログには、"
        "その種類のイベントを含められます。必要なのは {event}、{at}、{id} だけで、ほかに必要なフィールドは"
        "ありません。その種類を宣言していないポリシーで判定するログは、その行で受け付けません（{code}）。",
        "A policy may add incident event types of its own ({example}). "
        "The log of that policy may carry them, with {event}, {at} and {id} and no other field it needs; "
        "a log judged by a policy that does not declare the type is refused at that line ({code}).",
    ),
    # its table's head: the type, its label in Japanese (「日本語」 on both pages) and in English, the policy
    "site.schema.declared.english": Msg("英語", "English"),
    "site.schema.declared.policy": Msg("ポリシー", "Policy"),
    # a report object's heading: a title in words with the model's name in code; in English the name alone
    **{
        f"site.schema.model.{name}": Msg(f"{title}（`{{name}}`）", "{name}")
        for name, title in (
            ("Report", "レポート全体"),
            ("Availability", "稼働率"),
            ("AvailabilityPeriod", "測定期間ごとの稼働率"),
            ("BackupRow", "バックアップの判定"),
            ("CreditRow", "サービスクレジット"),
            ("Generator", "レポートを書いたツール"),
            ("BreachCreditRow", "目標未達1件あたりのサービスクレジット"),
            ("CreditTotalRow", "測定期間のクレジットの合計と上限"),
            ("IncidentRow", "案件の判定"),
            ("InputSummary", "読み込みの要約"),
            ("MaintenanceRow", "定期メンテナンスの枠"),
            ("OutageRow", "障害の判定"),
            ("Period", "評価期間"),
            ("PolicyRef", "ポリシーと版"),
            ("RetentionRow", "バックアップの削除と保存期間"),
            ("SameDay", "当日中の回答目安"),
            ("Step", "説明のステップ"),
            ("StopRow", "計画停止の判定"),
            ("TargetRow", "名前付きの目標の判定"),
            ("TrendFigure", "推移の数値"),
            ("TrendMonth", "推移の月"),
            ("Violation", "違反・要対応事項"),
        )
    },
}
