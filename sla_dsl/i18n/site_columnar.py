"""Catalogue section: the words of the generated tables of the engineers' Parquet and Arrow page
(:mod:`sla_dsl.docs.columnar`, ``docs/engineers/columnar.{ja,en}.md``): keys ``site.columnar.*``.

Design notes
------------
* The English is exactly what the page held before it had a Japanese twin: the English page is
  checked against the generated blocks byte for byte (``tests/events/test_arrow_docs.py``).
* The Arrow schema and the JSON Schema of a row are code blocks, the same on both pages; only the
  tables and the sentences around them are translated here.
* Product and format names (``Arrow``, ``JSON``) arrive as fields, as they stay on the page;
  column names, types and event names are code, never translated.
* ``site.columnar.kind.<kind>`` names a column's kind
  (:attr:`sla_dsl.events.table_schema.ColumnSpec.kind`: ``text``, ``time``, ``map``).
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["SITE_COLUMNAR"]

SITE_COLUMNAR: dict[str, Msg] = {
    # the heads of the tables' columns
    "site.columnar.column": Msg("列", "column"),
    "site.columnar.kind": Msg("種類", "kind"),
    "site.columnar.in": Msg("含むイベント", "in"),
    "site.columnar.type": Msg("型", "type"),
    "site.columnar.null": Msg("値なし", "null"),
    # the columnar event schema: a column's kind, and the event types that carry it
    "site.columnar.kind.text": Msg("テキスト", "text"),
    "site.columnar.kind.time": Msg("時刻", "time"),
    "site.columnar.kind.map": Msg("マップ", "map"),
    "site.columnar.every": Msg("すべてのイベント", "every event"),
    # {type}: an event type, as code; Japanese without a space before the parenthesis
    "site.columnar.optional": Msg("{type}（任意）", "{type} (optional)"),
    "site.columnar.sep": Msg("、", ", "),
    # {name}: ``Arrow``, ``JSON`` (names, the same in every language; "JSON Schema" is two Latin words in a row,
    # which a Japanese page's prose never holds: "JSON スキーマ")
    "site.columnar.arrow": Msg(
        "{name} のスキーマ（エンジンが書き出す形です。時刻はどのタイムゾーンのものも読みます）：",
        "{name} schema (as the engine writes one; times in any zone are read):",
    ),
    "site.columnar.json": Msg("一行の {name} スキーマ：", "{name} Schema of one row:"),
    # the report's tables: whether a column's cell may be null
    "site.columnar.yes": Msg("可", "yes"),
    "site.columnar.no": Msg("不可", "no"),
    # after the tables: a list column is written by its items' type ({written}: ``list<string>``), where a
    # file's schema names the field that holds them too ({parquet}: Parquet's ``element``, {arrow}: pyarrow's;
    # {format}, {name}: ``Parquet``, ``pyarrow``, names, the same in every language)
    "site.columnar.list": Msg(
        "リストの列は要素の型で {written} と書いています。ファイルのスキーマでは、要素を入れるフィールドの"
        "名前も付けて、{format} では {parquet}、{name} の表では {arrow} と表示されますが、同じ型です"
        "（名前は値の一部ではありません）。",
        "A list column is written by its items' type, {written}. A file's schema names the field that holds them "
        "too: {parquet} in {format}, {arrow} in a {name} table; the same type (the name is no part of the values).",
    ),
}
