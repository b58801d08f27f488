"""The Japanese of the event reference's descriptions (``<!-- sla:events-schema -->``), keyed by their English.

Design notes
------------
* gettext-style: the key is the description exactly as :func:`sla_dsl.docs.schema.events_schema` holds it
  (an event model's docstring, a field's ``#:`` doc, or the words :mod:`sla_dsl.docs.fielddocs` gives a
  ``const`` field), and the value its Japanese. A doc edited in the code is a new key, so the Japanese page
  is not built until its note is written again (:mod:`sla_dsl.docs.field_notes`); a test lists the notes
  missing and the notes no description uses any more.
* Code stays code: what the English writes ````like this```` the Japanese writes the same, byte for byte
  (the table shows both as ``<code>``).
* A field's note is a table's: a noun phrase, clauses in the plain form (だ・である), without a final 。,
  as the English has no final period (the report's notes are written the same way). An event's (the
  model's docstring, a paragraph under the event's heading) is a sentence of the page (です・ます).
"""

from __future__ import annotations

__all__ = ["EVENT_NOTES"]

#: English description -> its Japanese.
EVENT_NOTES: dict[str, str] = {
    # the event types (the models' docstrings)
    "A backup was taken.": "バックアップを取得しました。",
    "A failure report is received.": "障害の報告を受け付けました。",
    "A workaround or solution was received.": "エンド・ユーザー様が回避策または問題解決に必要な情報を受領しました。",
    "Information handed to the end user.": "エンド・ユーザー様に情報を提供しました。",
    "Notice of a planned stop for [start, end).": "``[start, end)`` の計画停止を通知しました。",
    "The Company judges the product may be the cause (the response clock starts).": (
        "製品が原因の可能性があると当社が判断しました（応答のクロックが動き始めます）。"
    ),
    "The Company recognises the failure.": "当社が障害を認知しました。",
    "The backup ``id`` (from its ``backup.completed``) was deleted.": (
        "``id`` のバックアップ（その ``backup.completed`` で取得したもの）を削除しました。"
    ),
    "The end user answered.": "エンド・ユーザー様が返答しました。",
    "The first answer reaches the end user.": "エンド・ユーザー様に一次回答が届きました。",
    "The first report of the failure's status is sent.": "障害状況の一報を通知しました。",
    "The priority changed (the clock keeps its start).": "優先度が変わりました（クロックの起算時刻は変わりません）。",
    "The service becomes unavailable.": "サービスが利用できなくなりました。",
    "The service is available again.": "サービスが再び利用できるようになりました。",
    # the fields
    "always this value: it names the type of the object": "常にこの値で、イベントの種類を示す",
    "how the notice was sent (``email``): the policy says which channels make a notice valid": (
        "通知を送った手段（``email``）。どの手段による通知を有効とするかはポリシーが定める"
    ),
    "the availability zone the backup is stored in": "バックアップを保存したアベイラビリティーゾーン",
    "the backup kind the policy declares (``database``, ``files``, ``machine_image``, ``continuous``)": (
        "ポリシーが宣言するバックアップの種類（``database``、``files``、``machine_image``、``continuous``）"
    ),
    'the incident\'s attributes that the policy declares (``{"plan": "premium"}``): they choose its rules': (
        'ポリシーが宣言する案件の属性（``{"plan": "premium"}``）。案件に適用する規定を選ぶ'
    ),
    "the incident, outage, planned stop or backup this event belongs to (``INC-054``, ``OUT-09``)": (
        "このイベントが属する案件・障害・計画停止・バックアップ（``INC-054``、``OUT-09``）"
    ),
    "the kind of the deleted backup": "削除したバックアップの種類",
    "the measured service that is down (absent: every measured service)": (
        "停止している測定対象のサービス（ないときは、測定対象のすべてのサービス）"
    ),
    "the new priority: the target changes, the clock keeps its start": (
        "新しい優先度。目標は変わるが、クロックの起算時刻は変わらない"
    ),
    'the outage\'s attributes that the policy declares (``{"plan": "premium"}``): they choose its notify rules': (
        'ポリシーが宣言する障害の属性（``{"plan": "premium"}``）。障害に適用する ``notify`` の規定を選ぶ'
    ),
    "the priority the policy declares (``P1``): it sets the response target": (
        "ポリシーが宣言する優先度（``P1``）。応答目標を決める"
    ),
    "the zone of the service itself: a ``continuous`` backup must be in another one": (
        "サービス自体のゾーン。``continuous`` のバックアップは、これとは別のゾーンに取得しなければならない"
    ),
    "what caused the failure, one the policy declares (one it excludes puts it outside the SLA)": (
        "障害の原因で、ポリシーが宣言するもの（ポリシーが適用除外とするものなら SLA の適用外）"
    ),
    "what caused the outage, one the policy declares (``force_majeure``, ``customer_fault`` are not downtime)": (
        "サービス停止の原因で、ポリシーが宣言するもの（``force_majeure``、``customer_fault`` は停止時間にならない）"
    ),
    "when it happened: ISO 8601 with a UTC offset (``2026-11-02T10:15:00+09:00``); converted to the policy's zone": (
        "起きた時刻。時差の付いた ISO 8601（``2026-11-02T10:15:00+09:00``）で書き、"
        "ポリシーのタイムゾーンの時刻に変換する"
    ),
    "when the announced stop begins": "通知した計画停止の開始時刻",
    "when the announced stop ends (after ``start``)": "通知した計画停止の終了時刻（``start`` より後）",
}
