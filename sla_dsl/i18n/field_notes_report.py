"""Japanese notes for the report schema's field descriptions: English description → Japanese.

Design notes
------------
* The engineers' Reports page is generated from the report's JSON Schema: the serialization
  schema (:func:`sla_dsl.docs.schema.report_schema`) and, for objects written by a custom
  serializer (``Period``), the validation schema (see :func:`sla_dsl.docs.schema.report_markdown`).
  Every model's and every property's ``description`` there is English, written in the source as
  ``#:`` comments on the model fields (:mod:`sla_dsl.report`, the evaluation models). The Japanese
  page looks each one up here.
* Keyed by the English text itself, byte for byte, the way gettext keys a translation by its
  msgid: an edited English note stops matching, and a test asks for its Japanese again. Never
  edit a key by hand to make it match; translate the new English.
* The terms are the report's, the site's and the reference pages' (:mod:`.report`, :mod:`.tables`,
  :mod:`.site`, ``docs/reference/language.ja.md``): 案件 (incident), 障害 (outage), 計画停止,
  定期メンテナンス, 稼働率, 停止時間 (downtime), 除外時間 (excused), 適用外 (excluded under
  Article 4), 規定の版 (policy version), 起算時刻 (clock start), 名前付きの目標 and クロック,
  通知の規定 (notification rule), 取得期間 (a backup's window), 判定 (verdict).
* Inline ``code`` (field names, values, event types, examples) stays exactly as in the English,
  byte for byte; a half-open range the English writes bare, ``[from, to)``, is code here too.
* The notes are a reference table's: だ・である or noun endings. A property's note is a phrase
  without a final 。, as the English has no final period (clauses inside it end in 。); a model's
  note is a sentence.
"""

from __future__ import annotations

__all__ = ["REPORT_NOTES"]

#: English description (exactly as in the schemas) -> its Japanese
REPORT_NOTES: dict[str, str] = {
    # -- Report ----------------------------------------------------------------------------------------------
    'The whole evaluation report (``model_dump(mode="json")`` is the contract\'s JSON).': (
        '評価レポートの全体（``model_dump(mode="json")`` の結果が、約束する形式の JSON）。'
    ),
    "the policy version in force at ``from`` (its name, version and effective date)": (
        "``from`` の時点で有効な規定の版（名前、版、適用開始日）"
    ),
    "the evaluated period [from, to) and the instant it is judged as of": (
        "評価期間 ``[from, to)`` と、判定の基準とする時点"
    ),
    (
        "every incident whose response clock starts in [from, to), or that started earlier and is not completed at "
        "``from``; by clock start, then id"
    ): (
        "応答クロックが ``[from, to)`` に起算するすべての案件と、"
        "それより前に起算して ``from`` の時点で完了していない案件。起算時刻の順、次に ID の順"
    ),
    "every outage that starts in [from, to) or is still open at ``from``; by start, then id": (
        "``[from, to)`` に始まるすべての障害と、``from`` の時点で継続中の障害。開始の順、次に ID の順"
    ),
    "every announced planned stop whose window starts in [from, to) or runs across ``from``; by start, then id": (
        "通知された計画停止のうち、停止の時間帯が ``[from, to)`` に始まるもの、または ``from`` をまたぐものすべて。"
        "開始の順、次に ID の順"
    ),
    "the regular-maintenance windows that start in [from, to), by start": (
        "``[from, to)`` に始まる定期メンテナンスの枠。開始の順"
    ),
    (
        "availability of the policy's first measured service (``availability.service``) over the whole period "
        "(per service and measurement period: ``availability_periods``)"
    ): (
        "ポリシーで稼働率を測定する最初のサービス（``availability.service``）の、"
        "期間全体の稼働率（サービス別・測定期間別の稼働率は ``availability_periods``）"
    ),
    (
        "one row per daily backup kind per calendar day of the period in the policy's time zone (per window for a "
        "kind taken every N hours)"
    ): (
        "毎日取得するバックアップの種類ごと、"
        "期間内のポリシーのタイムゾーンでの暦日ごとに1行（N 時間ごとに取得する種類は取得期間ごとに1行）"
    ),
    (
        "every breach, missed backup, retention violation, invalid stop notice, period below target and "
        "contradiction in the events, by ``at`` (those without one last), then kind, id and message; a response "
        "breach due before ``from`` belongs to an earlier report and is not listed again"
    ): (
        "すべての未達、バックアップの未実施、保存期間の違反、計画停止の通知不備、目標を下回った期間、イベントの矛盾。"
        "``at`` の順（``at`` のないものは最後）、次に種類、ID、メッセージの順。"
        "期限が ``from`` より前の応答目標の未達は、前のレポートに属するため再び挙げない"
    ),
    "every backup deleted in the period, and whether it kept its retention; by deletion, then id": (
        "期間内に削除されたすべてのバックアップと、保存期間を守ったかどうか。削除の順、次に ID の順"
    ),
    "every policy version given (Article 5), by effective date": "与えられたすべての規定の版（第5条）。適用開始日の順",
    "the policy's IANA time zone (``Asia/Tokyo``), in which every time of the report is written": (
        "ポリシーの IANA のタイムゾーン（``Asia/Tokyo``）。レポートの時刻はすべてこのタイムゾーンで書く"
    ),
    "what was read from the event log": "イベントログから読んだもの",
    "availability of each measured service per measurement period, and the credits owed": (
        "測定する各サービスの測定期間ごとの稼働率と、発生するクレジット"
    ),
    (
        "the service credit owed for each complete measurement period below its target; empty when none is owed"
    ): "目標を下回った完了済みの測定期間ごとに発生するサービスクレジット。発生しない場合は空",
    (
        "the trend against earlier months, oldest first, the current month last: each calendar month of "
        "the period, and before it each whole month the event log reaches back to (at most 13 months), every figure "
        "judged as of ``as_of``; empty when that is a single month"
    ): (
        "前月までとの比較。古い月から順に並べ、当月を最後に置く：期間内の各暦月と、その前の、"
        "イベントログがさかのぼる範囲にある丸1ヶ月の各月（最大13ヶ月）。数値はすべて ``as_of`` の時点で判定する。"
        "それが1ヶ月だけの場合は空"
    ),
    (
        "per backup kind, how many backups of it completed in the period (each id's first completion), by kind; a "
        "kind with none is absent: the summary reads a continuous kind with none as none recorded, not verified; "
        "null when not known (a report read back from a JSON written without this key)"
    ): (
        "バックアップの種類ごとの、期間内に完了したバックアップの数（ID ごとに最初の完了を数える）。種類順。"
        "1件もない種類は含まない：総括は、1件もない逐次バックアップの種類を「記録なし」「確認できず」とする。"
        "不明な場合（このキーを持たない JSON から読み戻したレポート）は null"
    ),
    # -- Availability ----------------------------------------------------------------------------------------
    "Measured time, downtime and their ratio over the period.": "期間全体の測定時間、停止時間、およびその比率。",
    (
        "minutes measured, of the policy's first measured service: ``period_minutes`` less ``excused_minutes`` and "
        "``excluded_minutes``; fractional (seconds / 60)"
    ): (
        "ポリシーで稼働率を測定する最初のサービスの測定時間（分）："
        "``period_minutes`` から ``excused_minutes`` と ``excluded_minutes`` を引いたもの。小数（秒 / 60）"
    ),
    (
        "minutes of downtime: the union of the counted outages inside the measured time, overlapping outages counted "
        "once"
    ): "停止時間（分）：測定時間内の、算入する障害の和集合。重なった障害は1回だけ数える",
    "(measured - downtime) / measured, a fraction from 0 to 1 (0.9933 is 99.33%); 1.0 when nothing was measured": (
        "(測定時間 - 停止時間) / 測定時間。0 から 1 の小数（0.9933 は 99.33%）。測定した時間がない場合は 1.0"
    ),
    "minutes from ``from`` to ``to`` or ``as_of``, whichever is first (time after ``as_of`` is not measured yet)": (
        "``from`` から、``to`` と ``as_of`` のうち早いほうまでの時間（分）（``as_of`` より後の時間はまだ測定しない）"
    ),
    (
        "minutes of it excused: regular-maintenance windows and validly noticed planned stops (and emergency stops "
        "when the policy excuses them, and the time outside the service's hours when it is provided in a "
        "calendar's hours), overlaps counted once"
    ): (
        "そのうち除外時間（分）：定期メンテナンスの枠と、有効に通知された計画停止（およびポリシーが除外とする場合の"
        "緊急停止と、サービスをカレンダーの営業時間に提供する場合のその時間外）。重なりは1回だけ数える"
    ),
    (
        "minutes of outages excluded by the policy (``exclude``: ``force_majeure``, ``customer_fault``) that are "
        "not already excused"
    ): (
        "ポリシーが適用除外とする障害（``exclude``：``force_majeure``、``customer_fault``）の時間（分）のうち、"
        "除外時間にまだ含まれていないもの"
    ),
    (
        "the measured service's availability target in percent (``99.5``): its target without ``when`` (every "
        "customer no other target names), as the service's figure is one for all of them; a target with ``when`` (a "
        "plan's ``99.9% monthly when plan = premium``) is a row of ``availability_periods`` with its ``when``, as "
        "that one is too, each judged there (``met``); null when the service has no target without ``when`` (Click "
        "So-ko: measured only)"
    ): (
        "測定するサービスの稼働率目標（百分率、``99.5``）。サービスの数値はすべての顧客に共通なので、``when`` の"
        "ない目標（ほかの目標の対象でないすべての顧客向け）。``when`` のある目標（契約プランの "
        "``99.9% monthly when plan = premium``）は、``when`` のない目標と同じく ``availability_periods`` に "
        "``when`` とともに一行ずつあり、そこで判定する（``met``）。``when`` のない目標がなければ null"
        "（Click So-ko は測定のみ）"
    ),
    "the steps that explain the figure, in the engine's English": "数値を説明するステップ（エンジンの英語の文言）",
    (
        "the name of the service these figures measure (``content``): the first service with availability "
        "measured in the policy version in force at ``from``; only its outages and those naming no service count "
        "here (every measured service: ``availability_periods``); null when that version measures none"
    ): (
        "これらの数値が測定するサービスの名前（``content``）：``from`` の時点で有効な規定の版で稼働率を測定する"
        "最初のサービス。そのサービスの障害と、サービスを指定しない障害だけをここに算入する"
        "（測定対象のすべてのサービスは ``availability_periods``）。その版が何も測定しない場合は null"
    ),
    # -- AvailabilityPeriod ----------------------------------------------------------------------------------
    "A measured service's availability over one measurement period (a month, a quarter, the period).": (
        "測定するサービスの、一つの測定期間（月、四半期、評価期間）の稼働率。"
    ),
    "the measured service's name in the policy (``content``)": "ポリシーでの、測定するサービスの名前（``content``）",
    (
        "the measurement period of the service's target: ``month`` (calendar month, the default), ``quarter`` "
        "(calendar quarter) or ``period`` (the evaluated period), in the policy's time zone"
    ): (
        "サービスの目標の測定期間：``month``（暦月、既定）、``quarter``（暦の四半期）、``period``（評価期間）"
        "のいずれか。ポリシーのタイムゾーンで数える"
    ),
    "the start of the measurement period cut to the evaluated one, ISO 8601 in the policy's time zone": (
        "評価期間で切った測定期間の開始。ポリシーのタイムゾーンでの ISO 8601"
    ),
    "its end (exclusive), cut the same way": "その終了（この時刻を含まない）。同じく評価期間で切る",
    "the whole measurement period lies in the evaluated one and is over at ``as_of``": (
        "測定期間の全体が評価期間の中にあり、かつ ``as_of`` の時点で終わっている"
    ),
    (
        "minutes measured from ``start`` to ``end`` or ``as_of``, whichever is first, less excused and excluded "
        "time; fractional"
    ): (
        "``start`` から、``end`` と ``as_of`` のうち早いほうまでの測定時間（分）から、"
        "除外時間と適用外の時間を引いたもの。小数"
    ),
    "minutes of downtime of this service in it, overlapping outages counted once": (
        "その期間内のこのサービスの停止時間（分）。重なった障害は1回だけ数える"
    ),
    "(measured - downtime) / measured, a fraction from 0 to 1; 1.0 when nothing was measured": (
        "(測定時間 - 停止時間) / 測定時間。0 から 1 の小数。測定した時間がない場合は 1.0"
    ),
    "the service's availability target in percent (``99.5``); null when the policy states none": (
        "サービスの稼働率目標（百分率、``99.5``）。ポリシーに定めがない場合は null"
    ),
    (
        "``ratio`` x 100 is at least ``target`` (also for an incomplete period: the figure so far); null without a "
        "target"
    ): (
        "``ratio`` × 100 が ``target`` 以上である（完了していない期間でも、その時点までの数値で判定する）。"
        "目標がない場合は null"
    ),
    "the service's article (``Article 2.1.1``); null when it cites none": (
        "サービスの条項（``Article 2.1.1``）。条項を示していない場合は null"
    ),
    (
        "the ``when`` condition of the availability target this row judges, as written: the customers it "
        "is promised to; null for the service's target without ``when`` (or no target)"
    ): (
        "この行が判定する稼働率目標の ``when`` 条件。書かれたとおり：その目標を約束する顧客。"
        "サービスの ``when`` のない目標（または目標がない場合）は null"
    ),
    # -- BackupRow -------------------------------------------------------------------------------------------
    "Whether a daily backup kind was taken on one calendar day.": (
        "毎日取得するバックアップの種類を、ある暦日に取得したかどうか。"
    ),
    "the backup kind as the policy names it (``database``, ``files``, ``machine_image``)": (
        "ポリシーでの名前によるバックアップの種類（``database``、``files``、``machine_image``）"
    ),
    (
        "the calendar day judged (``YYYY-MM-DD``), in the policy's time zone; for a window of N hours, the day the "
        "window starts on"
    ): "判定する暦日（``YYYY-MM-DD``、ポリシーのタイムゾーン）。N 時間の取得期間では、その取得期間が始まる日",
    (
        "``ok``: at least one ``backup.completed`` of the kind in the day (or window); ``missed``: none, and the day "
        "is over at ``as_of`` (a ``backup_missed`` violation is listed); ``pending``: none yet and the day is not "
        "over at ``as_of``"
    ): (
        "``ok``：その日（または取得期間）にその種類の ``backup.completed`` が1件以上ある。``missed``：1件もなく、"
        "``as_of`` の時点でその日が終わっている（``backup_missed`` の違反を挙げる）。``pending``：まだ1件もなく、"
        "``as_of`` の時点でその日が終わっていない"
    ),
    "how many backups of the kind completed in the day (or window)": (
        "その日（または取得期間）に完了したその種類のバックアップの数"
    ),
    "for a kind taken every N hours: the start of the window of N hours this row judges": (
        "N 時間ごとに取得する種類について：この行が判定する N 時間の取得期間の開始時刻"
    ),
    "the end of that window (exclusive); null, as ``window_start``, for a kind taken daily": (
        "その取得期間の終了（この時刻を含まない）。毎日取得する種類では、``window_start`` と同じく null"
    ),
    # -- CreditRow -------------------------------------------------------------------------------------------
    "A service credit owed for one measurement period: the figure, the tier it fell in, the article.": (
        "一つの測定期間について発生したサービスクレジット：数値、該当した段階、条項。"
    ),
    "the start of the (complete) measurement period the credit is for, as in ``availability_periods``": (
        "クレジットの対象となる（完了した）測定期間の開始。``availability_periods`` と同じ"
    ),
    "its end (exclusive)": "その終了（この時刻を含まない）",
    "the period's availability, a fraction from 0 to 1": "その期間の稼働率。0 から 1 の小数",
    "the service's availability target in percent (``99.5``)": "サービスの稼働率目標（百分率、``99.5``）",
    (
        "the figure in percent of the credit tier that applies: the lowest tier ``ratio`` x 100 is below (``99.0`` "
        "for ``below 99.0% 25%``)"
    ): (
        "適用されるクレジットの段階の数値（百分率）："
        "``ratio`` × 100 が下回る段階のうち最も低いもの（``below 99.0% 25%`` なら ``99.0``）"
    ),
    "the credit owed, in percent of the period's fee (``25.0``)": (
        "発生するクレジット。その期間の料金に対する百分率（``25.0``）"
    ),
    "the article of the credits (``Article 2.1.1``); null when it cites none": (
        "クレジットの条項（``Article 2.1.1``）。条項を示していない場合は null"
    ),
    "the steps that explain the credit, in the engine's English": (
        "クレジットを説明するステップ（エンジンの英語の文言）"
    ),
    (
        "the ``when`` condition of the target whose tiers give this credit: the customers it is owed to; "
        "null for the service's target without ``when``"
    ): (
        "このクレジットを与える段階を持つ目標の ``when`` 条件：クレジットの対象となる顧客。"
        "サービスの ``when`` のない目標では null"
    ),
    # -- IncidentRow -----------------------------------------------------------------------------------------
    "The verdict on one incident's response target (and its completion).": (
        "一つの案件の応答目標（およびその完了）の判定。"
    ),
    "the incident's id from the log (``INC-054``)": "ログにある案件の ID（``INC-054``）",
    "the priority judged: the last ``incident.reprioritized`` at or before ``as_of``, else the reported one": (
        "判定に用いる優先度：``as_of`` 以前の最後の ``incident.reprioritized`` によるもの、なければ報告時のもの"
    ),
    (
        "when the response clock started, ISO 8601 in the policy's time zone with its offset: the event the policy's "
        "clock starts at (Click So-ko: ``incident.product_suspected``, else ``incident.reported``)"
    ): (
        "応答クロックの起算時刻。ポリシーのタイムゾーンでの時差の付いた ISO 8601："
        "ポリシーのクロックが起算するイベント（Click So-ko では ``incident.product_suspected``、"
        "なければ ``incident.reported``）"
    ),
    (
        "``clock_start`` plus the priority's response target (business time for Click So-ko), from the original "
        "clock start after a reprioritisation; null when ``status`` is ``excluded``"
    ): (
        "``clock_start`` に優先度の応答目標（Click So-ko では営業時間）を加えた時刻。優先度の変更後も、"
        "元の起算時刻から数える。``status`` が ``excluded`` の場合は null"
    ),
    "the first ``incident.responded`` at or before ``as_of``; null when none": (
        "``as_of`` 以前の最初の ``incident.responded``。ない場合は null"
    ),
    (
        "``met``: responded at or before ``response_due``; ``breached``: responded later, or no response and "
        "``as_of`` is after ``response_due``; ``at_risk``: no response, not yet due, and the business time used "
        "reached the clock's warning threshold (Click So-ko: 75% of the target); ``open``: no response and not yet "
        "due, below the threshold; ``excluded``: the cause is one the policy excludes"
    ): (
        "``met``：``response_due`` 以前に応答した。``breached``：それより後に応答した、"
        "または応答がなく ``as_of`` が ``response_due`` より後。``at_risk``：応答がなく、期限前で、"
        "使った営業時間がクロックの警告しきい値に達した（Click So-ko では目標の 75%）。``open``：応答がなく、"
        "期限前で、しきい値未満。``excluded``：原因がポリシーの適用除外事由"
    ),
    "``at_risk``: the last of the response clock's warning thresholds passed, in percent of the target (``75`` "
    "of ``at risk at 50%, 75% of target``); null for any other status": (
        "``at_risk``：越えた応答クロックの警告しきい値のうち最後のもの。目標に対する百分率（``at risk at 50%, 75% of "
        "target`` の ``75``）。ほかの状態では null"
    ),
    (
        "when the incident completed: its ``incident.resolved``, or (P2, P3 of Click So-ko) the end of the silence "
        "rule after the latest ``incident.info_provided``; null when not completed as of ``as_of``"
    ): (
        "案件が完了した時刻：その ``incident.resolved``、または（Click So-ko の P2、P3 では）"
        "最後の ``incident.info_provided`` の後の、無応答による完了の規則の期間の終わり。"
        "``as_of`` の時点で完了していない場合は null"
    ),
    "when the failure report was received (``incident.reported``), same form": (
        "障害の報告を受けた時刻（``incident.reported``）。形式は同じ"
    ),
    "the event the clock started at, without ``incident.``: ``reported`` or ``product_suspected``": (
        "クロックが起算したイベント（``incident.`` を除いたもの）：``reported`` または ``product_suspected``"
    ),
    (
        "how it completed: ``resolved`` (a completion event) or ``silence`` (no reply within the silence rule's "
        "time); null when not completed"
    ): (
        "完了の仕方：``resolved``（完了イベント）または ``silence``（無応答による完了の規則の時間内に返答がない）。"
        "完了していない場合は null"
    ),
    "the ``cause`` given in ``incident.reported``; null when none": (
        "``incident.reported`` で与えられた ``cause``。ない場合は null"
    ),
    (
        "the same-day guideline of the priority (P1 for Click So-ko); null for a priority without one and for an "
        "``excluded`` incident"
    ): "優先度の当日対応の目安（Click So-ko では P1）。目安のない優先度と、``excluded`` の案件では null",
    "the policy version in force at the clock start, which judged the incident (Article 5)": (
        "起算時刻に有効で、案件を判定した規定の版（第5条）"
    ),
    "the steps that explain the verdict, in time order, in the engine's English": (
        "判定を説明するステップ。時刻の順で、エンジンの英語の文言"
    ),
    "the named targets and incident notification rules, in the policy's order": (
        "名前付きの目標と、案件の通知の規定。ポリシーでの順"
    ),
    # -- InputSummary ----------------------------------------------------------------------------------------
    "What was read: events filed, exact duplicates dropped, lines skipped.": (
        "読んだものの概要：取り込んだイベント、除いた完全な重複、読み飛ばした行。"
    ),
    "how many events were read and filed, exact repeats included (lines left out not included)": (
        "読み込んで取り込んだイベントの数。完全な重複を含む（除いた行は含まない）"
    ),
    "how many of them repeated another event exactly and were counted once": (
        "そのうち、ほかのイベントと完全に同じで、1回だけ数えたものの数"
    ),
    (
        "one text per line left out by ``--skip-invalid``, in line order (where it is and its problems); empty "
        "without that option"
    ): "``--skip-invalid`` で除いた行ごとに一つのテキスト。行の順（行の位置とその問題）。このオプションがなければ空",
    (
        "the texts of ``skipped`` in each language the policy declares (``ja``, ``en``; English for a policy that "
        'declares none), by language, the primary first: ``{"ja": [...], "en": [...]}``; only when a line was '
        "left out (``skipped`` stays in the engine's English, for programs that match it)"
    ): (
        "``skipped`` のテキストを、ポリシーが宣言する言語（``ja``、``en``。宣言しないポリシーでは英語）ごとに、"
        '主言語から順に示したもの：``{"ja": [...], "en": [...]}``。除いた行があるときだけあります'
        "（``skipped`` は、それに一致させるプログラムのため、エンジンの英語のままです）"
    ),
    # -- Generator -------------------------------------------------------------------------------------------
    "What wrote the report: the tool's name and version.": "レポートを書いたもの：ツールの名前と版。",
    "the tool's name (``sla-dsl``, the package's)": "ツールの名前（パッケージの名前 ``sla-dsl``）",
    "its version (``sla --version``, ``sla_dsl.__version__``)": "その版（``sla --version``、``sla_dsl.__version__``）",
    # -- MaintenanceRow --------------------------------------------------------------------------------------
    "A regular-maintenance window that starts in the period or runs across its start.": (
        "期間内に始まる定期メンテナンスの枠、または期間の始まりをまたぐ枠。"
    ),
    "the start of the window, ISO 8601 in the policy's time zone with its offset": (
        "枠の開始。ポリシーのタイムゾーンでの時差の付いた ISO 8601"
    ),
    "its end (exclusive); a window to ``24:00`` ends at 00:00 of the next day": (
        "その終了（この時刻を含まない）。``24:00`` までの枠は翌日の 00:00 に終わる"
    ),
    "the maintenance rule's name in the policy (``regular``)": (
        "ポリシーでの定期メンテナンスの規定の名前（``regular``）"
    ),
    "the date the recurrence schedules (Click So-ko: the 4th Thursday), before any move; null when unknown": (
        "繰り返しが定める予定日（Click So-ko では第4木曜日）。移す前の日付。不明な場合は null"
    ),
    (
        "true when the scheduled date was not a business day and the window moved (Click So-ko: to the next business "
        "day)"
    ): "予定日が営業日でなく、枠を移した場合は true（Click So-ko では次の営業日へ）",
    "why it moved, in English: the holiday's name or ``not a business day``; null when not moved": (
        "移した理由（英語）：祝日の名前、または ``not a business day``。移していない場合は null"
    ),
    (
        "true (the default) when the window's time is excused from the availability of each service whose hours "
        "say ``except maintenance``; false when the maintenance rule says ``counts as downtime``"
    ): (
        "営業時間に ``except maintenance`` と書いた各サービスの稼働率の計算から、"
        "枠の時間を除外する場合は true（既定）。定期メンテナンスの規則に ``counts as downtime`` と書いた場合は false"
    ),
    (
        "the policy version in force at the window's start, which laid it and by whose calendar it moved (Article "
        "5); null in a report read back from a JSON written without this key"
    ): (
        "枠の開始時点で有効で、その枠を定め、そのカレンダーで枠を移した規定の版（第5条）。"
        "このキーを持たない JSON から読み戻したレポートでは null"
    ),
    # -- OutageRow -------------------------------------------------------------------------------------------
    "The verdict on one outage: its downtime and the recovery-notice target.": (
        "一つの障害の判定：停止時間と、復旧情報通知の目標。"
    ),
    "the outage's id from the log (``OUT-09``)": "ログにある障害の ID（``OUT-09``）",
    "when the service became unavailable (``outage.started``), ISO 8601 in the policy's time zone with its offset": (
        "サービスが利用できなくなった時刻（``outage.started``）。ポリシーのタイムゾーンでの時差の付いた ISO 8601"
    ),
    "when it was available again (``outage.ended``); null when still open at ``as_of``": (
        "サービスが再び利用できるようになった時刻（``outage.ended``）。``as_of`` の時点で継続中の場合は null"
    ),
    (
        "minutes of this outage counted as downtime, inside the period up to ``as_of`` (an open outage runs to "
        "``as_of``), less time its ``service`` does not measure (outside its hours, excused or excluded); "
        "fractional. Overlapping outages each count their own minutes here, so those counting against "
        "``availability.service`` can add up to more than ``availability.downtime_minutes``"
    ): (
        "この障害のうち停止時間として数える時間（分）："
        "期間内の ``as_of`` までの時間（継続中の障害は ``as_of`` まで続くものとする）から、"
        "その ``service`` が測定しない時間（サービス提供時間帯の外、除外時間、適用外の時間）を引いたもの。小数。"
        "重なった障害はここではそれぞれ自分の時間を数えるため、``availability.service`` に算入する障害の合計が "
        "``availability.downtime_minutes`` より大きくなることがある"
    ),
    (
        "when the notice of the first notification rule on an outage event falls due: the rule's ``within`` after "
        "the first event of the kind it counts from (its ``after``: ``outage.started``, ``outage.recognized``, ...; "
        "Click So-ko: 3 business hours after ``outage.recognized``); null when ``notice_status`` is "
        "``not_applicable`` or ``excluded``"
    ): (
        "障害のイベントに対する最初の通知の規定の期限：規定が起点とする種類の最初のイベント"
        "（その ``after``：``outage.started``、``outage.recognized`` など）から、規定の ``within`` が経過した時刻"
        "（Click So-ko では ``outage.recognized`` から3営業時間）。"
        "``notice_status`` が ``not_applicable`` または ``excluded`` の場合は null"
    ),
    (
        "the first notification rule's verdict: ``met``: the event it is met by (``outage.notified``), its first "
        "at or after the event the rule counts from, at or before ``notice_due``; ``breached``: that event later, "
        "or none and ``as_of`` is after ``notice_due``; ``open``: none yet and not yet due; ``not_applicable``: "
        "no target: the version that judged the outage has no notification rule on an outage event, the rule's "
        "``when`` does not hold for the outage, the event the rule counts from is not in the log by ``as_of`` "
        "(Click So-ko: not recognised), or it falls outside the hours the rule names (``only if ... during``; "
        "Click So-ko: recognised outside business hours); ``excluded``: the cause is one the policy excludes "
        "(``exclude``)"
    ): (
        "最初の通知の規定の判定。``met``：規定を満たすイベント（``outage.notified``）のうち、"
        "規定が起点とするイベント以後の最初のものが ``notice_due`` 以前にある。``breached``：それが期限より後、"
        "またはそれがなく ``as_of`` が ``notice_due`` より後。``open``：まだなく、期限前。``not_applicable``："
        "目標がない。障害を判定した版に障害のイベントに対する通知の規定がない、規定の ``when`` が障害にあてはまらない、"
        "規定が起点とするイベントが ``as_of`` までのログにない（Click So-ko では認知していない）、"
        "またはそのイベントが規定の示す時間帯の外にある（``only if ... during``。Click So-ko では営業時間外に認知した）"
        "のいずれか。``excluded``：原因がポリシーの適用除外事由"
    ),
    (
        "the ``cause`` given in ``outage.started`` (``failure``, ``emergency``, ``planned``, or one the policy "
        "declares such as ``force_majeure``); null when none"
    ): (
        "``outage.started`` で与えられた ``cause``（``failure``、``emergency``、``planned``、"
        "または ``force_majeure`` のようにポリシーが宣言するもの）。ない場合は null"
    ),
    (
        "when the Company recognised the failure: the log's first ``outage.recognized``, whatever event the "
        "notification rules count from (and with none); null when none by ``as_of``, or when the outage is "
        "excluded (``notice_status`` ``excluded``), as ``notified_at`` is"
    ): (
        "当社が障害を認知した時刻：ログにある最初の ``outage.recognized``。"
        "通知の規定が起点とするイベントにはよらず、規定がなくても示す。``as_of`` までに認知していない場合と、"
        "障害が適用外の場合（``notice_status`` が ``excluded``）は、``notified_at`` と同じく null"
    ),
    (
        "the first ``outage.notified`` (the first report of the failure's status), whichever rule it meets; null "
        "when none by ``as_of``, or when the outage is excluded (``notice_status`` ``excluded``)"
    ): (
        "最初の ``outage.notified``（障害状況の一報）。どの規定を満たすものでもよい。"
        "``as_of`` までにない場合と、障害が適用外の場合（``notice_status`` が ``excluded``）は null"
    ),
    (
        "minutes of this outage inside the period up to ``as_of`` that are not downtime: time outside its "
        "service's hours, in maintenance windows, validly noticed planned stops or exclusions, or all "
        "of it when the outage itself is excluded or an excused emergency; fractional"
    ): (
        "この障害のうち、期間内の ``as_of`` までで停止時間にならない時間（分）：そのサービスの提供時間帯の外、"
        "定期メンテナンスの枠、有効に通知された計画停止、ポリシーの適用除外事由にあたる時間。障害そのものが適用外か、"
        "除外される緊急停止の場合はそのすべて。小数"
    ),
    "the policy version in force at the outage's start, which judged it (Article 5)": (
        "障害の開始時点で有効で、それを判定した規定の版（第5条）"
    ),
    "every notification rule on an outage event, the first one's verdict also above": (
        "障害のイベントに対するすべての通知の規定。最初の規定の判定は上のフィールドにもある"
    ),
    (
        "minutes of ``excused_minutes`` outside the service's hours (a service provided in a calendar's hours, "
        "``hours business``: the time its calendar is closed); 0 for a service provided around the clock"
    ): (
        "``excused_minutes`` のうち、サービス提供時間帯の外の時間（分）（カレンダーの営業時間に提供するサービス、"
        "``hours business`` で、そのカレンダーが営業していない時間）。24時間提供するサービスでは 0"
    ),
    (
        "the measured service that is down, as ``outage.started`` names it (``content``): the outage counts "
        "against that service only, and its ``downtime_minutes`` and ``excused_minutes`` are measured in that "
        "service's time; null when it names none: it counts against every measured service, its minutes measured "
        "in the time of ``availability.service``"
    ): (
        "停止している測定対象のサービス。``outage.started`` が指定するもの（``content``）。"
        "障害はそのサービスにだけ算入し、``downtime_minutes`` と ``excused_minutes`` はそのサービスの時間で測る。"
        "指定がない場合は null で、測定対象のすべてのサービスに算入し、その時間は ``availability.service`` の時間で測る"
    ),
    # -- PolicyRef -------------------------------------------------------------------------------------------
    "Which policy (and version) a report or a row was judged under.": (
        "レポートまたは行を判定したポリシー（とその版）。"
    ),
    "the policy's name from its header (``Click So-ko``)": "ヘッダーにあるポリシーの名前（``Click So-ko``）",
    "the policy's ``version`` (``2026.1``)": "ポリシーの ``version``（``2026.1``）",
    (
        "the calendar date this version takes effect (``effective`` in its header, ``YYYY-MM-DD`` in the policy's "
        "time zone); null when the policy states none"
    ): (
        "この版の適用開始日（ヘッダーの ``effective``。ポリシーのタイムゾーンでの暦日 ``YYYY-MM-DD``）。"
        "ポリシーに定めがない場合は null"
    ),
    (
        "the SHA-256 of this version's text as read, 64 lowercase hex digits: of a file's bytes as they are on "
        "disk (what ``sha256sum`` prints for it), of a text given to the API its UTF-8 bytes; two texts of one "
        "``version`` differ here. Null when not known (a policy built from a model, a report read back from a "
        "JSON written without this key)"
    ): (
        "読んだときのこの版のテキストの SHA-256。小文字の16進数64桁。ファイルならディスク上のバイト列のもの"
        "（``sha256sum`` が示す値）、API に渡したテキストならその UTF-8 のバイト列のもの。同じ ``version`` の"
        "二つのテキストはここで区別できる。分からない場合は null（モデルから作ったポリシー、このキーのない JSON "
        "から読み戻したレポート）"
    ),
    # -- RetentionRow ----------------------------------------------------------------------------------------
    "A backup deletion in the period and whether it respected retention.": (
        "期間内のバックアップの削除と、保存期間を守ったかどうか。"
    ),
    "the backup's id, from its ``backup.completed`` and ``backup.deleted`` (``DB-1015``)": (
        "バックアップの ID。その ``backup.completed`` と ``backup.deleted`` による（``DB-1015``）"
    ),
    "the backup kind of the ``backup.deleted`` (``database``)": (
        "``backup.deleted`` のバックアップの種類（``database``）"
    ),
    (
        "when the backup completed, ISO 8601 in the policy's time zone; null when the log has no "
        "``backup.completed`` for the id (a ``data`` violation says so)"
    ): (
        "バックアップが完了した時刻。ポリシーのタイムゾーンでの ISO 8601。"
        "ログにその ID の ``backup.completed`` がない場合は null（``data`` の違反がそれを示す）"
    ),
    "when it was deleted (``backup.deleted``), in the period": "期間内に削除された時刻（``backup.deleted``）",
    (
        "the end of its retention: completion plus the kind's ``keep`` (months by calendar-month arithmetic); null "
        "when the kind has no retention rule or the completion is unknown"
    ): (
        "保存期間の終わり：完了時刻にその種類の ``keep`` を加えたもの（月は暦月で計算する）。"
        "種類に保存期間の規定がないか、完了時刻が不明な場合は null"
    ),
    (
        "true when deleted at or after ``keep_until``, or when retention cannot be judged (no rule, no completion); "
        "false when deleted before it (a ``backup_retention`` violation is listed)"
    ): (
        "``keep_until`` 以降に削除した場合、または保存期間を判定できない場合（規定がない、完了がない）は true。"
        "それより前に削除した場合は false（``backup_retention`` の違反を挙げる）"
    ),
    "the policy version in force at the deletion, which judged it (Article 5)": (
        "削除の時点で有効で、それを判定した規定の版（第5条）"
    ),
    # -- SameDay ---------------------------------------------------------------------------------------------
    "The derived same-day guideline (reported, never a breach).": (
        "導き出した当日対応の目安（報告するが、未達にはならない）。"
    ),
    (
        "whether the guideline applies: the clock started on a business day at or before the cut-off (Click So-ko: "
        "14:00, 4 business hours before the 18:00 close)"
    ): (
        "目安が適用されるかどうか：クロックが営業日の受付の締め時刻以前に起算した（Click So-ko では 14:00。"
        "18:00 の終業の4営業時間前）"
    ),
    (
        "the close of that business day, by which an answer is expected, ISO 8601 in the policy's time zone; null "
        "when the guideline does not apply"
    ): (
        "その営業日の終業時刻（それまでに回答が見込まれる）。ポリシーのタイムゾーンでの ISO 8601。"
        "目安が適用されない場合は null"
    ),
    (
        "true when the first response came by ``due``; false when it came later, or none came and ``due`` had passed "
        "at ``as_of``; null when the guideline does not apply or is still undecided"
    ): (
        "最初の応答が ``due`` までにあった場合は true。それより後だった場合、"
        "または応答がなく ``as_of`` の時点で ``due`` を過ぎていた場合は false。目安が適用されないか、"
        "まだ決まらない場合は null"
    ),
    # -- Step ------------------------------------------------------------------------------------------------
    "One step of an explanation: what happened or was derived, when, and under which article.": (
        "説明の1ステップ：何が起きたか、または何を導いたか、いつか、どの条項によるか。"
    ),
    (
        "what happened or was derived, in the engine's English (for engineers and alerts; the customer documents "
        "word each verdict from the row's fields, in the report's language)"
    ): (
        "起きたこと、または導いたこと。エンジンの英語の文言（技術者とアラート向け。顧客向けの文書は、"
        "各判定を行のフィールドからレポートの言語で書く）"
    ),
    (
        "the instant the step is about, ISO 8601 in the policy's time zone with its offset; null for a step that is "
        "not one instant (a rule chosen, a day of the business-time walk, a total)"
    ): (
        "ステップが扱う時点。ポリシーのタイムゾーンでの時差の付いた ISO 8601。"
        "一つの時点でないステップ（選んだ規定、営業時間をたどる計算の1日、合計）では null"
    ),
    "the article of the policy the step applies (``Article 3.2``); null when the step cites none": (
        "ステップが適用するポリシーの条項（``Article 3.2``）。条項を示していない場合は null"
    ),
    # -- StopRow ---------------------------------------------------------------------------------------------
    "A planned stop and whether its notice was valid.": "計画停止と、その通知が有効だったかどうか。",
    "the planned stop's id from the log (``STOP-01``)": "ログにある計画停止の ID（``STOP-01``）",
    (
        "the start of the stop window [start, end) of its latest ``stop.announced`` (a changed window: the final "
        "one), ISO 8601 in the policy's time zone with its offset"
    ): (
        "最後の ``stop.announced`` による停止の時間帯 ``[start, end)`` の開始（時間帯が変更された場合は最終のもの）。"
        "ポリシーのタイムゾーンでの時差の付いた ISO 8601"
    ),
    "the end of that window (exclusive), same form": "その時間帯の終了（この時刻を含まない）。形式は同じ",
    "when the first valid notice of the final window was sent; when none is valid, its first notice": (
        "最終の時間帯についての最初の有効な通知を送った時刻。有効な通知がない場合は、最初の通知の時刻"
    ),
    (
        "true when a notice of the final window was sent by a channel the policy allows in time (see "
        "``notice_deadline``): the window is then excused from the availability of each service whose hours say "
        "``except planned stops``; false otherwise (a ``stop_notice_invalid`` violation is listed)"
    ): (
        "最終の時間帯の通知を、ポリシーが認める手段で期限までに（``notice_deadline`` を参照）送った場合は true："
        "その時間帯は、営業時間に ``except planned stops`` と書いた各サービスの稼働率の計算から除外される。"
        "それ以外は false（``stop_notice_invalid`` の違反を挙げる）"
    ),
    "the channel of the notice in ``notice_at``, as the log spells it (``email``, ``web``)": (
        "``notice_at`` の通知の手段。ログの表記のまま（``email``、``web``）"
    ),
    (
        "the notice deadline: a notice ``before start date`` is in time before it (Click So-ko: 00:00 of the day "
        "after the date 7 days before the start date), one ``before start`` at it at the latest (the start less "
        "the notice); null when the policy has no planned-stop rule"
    ): (
        "通知の期限。``before start date`` の通知はこの時点より前なら期限内（Click So-ko では、開始日の7日前の日の"
        "翌日の 00:00）、``before start`` の通知は遅くともこの時点までなら期限内（開始から通知の期間を引いた時点）。"
        "ポリシーに計画停止の規定がない場合は null"
    ),
    "the policy version in force at the stop's start, which judged it (Article 5)": (
        "計画停止の開始時点で有効で、それを判定した規定の版（第5条）"
    ),
    # -- TargetRow -------------------------------------------------------------------------------------------
    (
        "The verdict on one named target of an incident: a target on a named clock\n"
        "(``resolve``, ``first_reply``, ``respond``, ``update``) or a notification rule on an incident event."
    ): (
        "案件の名前付きの目標一つの判定：名前付きのクロックの目標（``resolve``、``first_reply``、"
        "``respond``、``update``）、または案件のイベントに対する通知の規定。"
    ),
    (
        "the target's name: its kind for a target on a clock (``resolve``, ``first_reply``), the rule's name for a "
        "notification rule (``recovery``)"
    ): (
        "目標の名前：クロックの目標ではその種類（``resolve``、``first_reply``）、"
        "通知の規定では規定の名前（``recovery``）"
    ),
    (
        "``respond``, ``resolve``, ``first_reply`` or ``update``: a target on a named clock; ``notify``: a "
        "notification rule that starts on an ``incident.*`` event"
    ): (
        "``respond``、``resolve``、``first_reply``、``update``：名前付きのクロックの目標。``notify``："
        "``incident.*`` のイベントで始まる通知の規定"
    ),
    "the named clock the target is measured on (``resolution``); null for a notification rule": (
        "目標を測る名前付きのクロック（``resolution``）。通知の規定では null"
    ),
    (
        "``met``: stopped (or sent) within the target; ``breached``: the running time passed the target, stopped or "
        "not (``update``: an update came late or not at all); ``open``: running, below the warning threshold; "
        "``at_risk``: running, at or past the clock's warning threshold; ``paused``: the clock is paused at "
        "``as_of``; ``excluded``: the incident's cause is one the policy excludes; ``not_applicable``: the clock "
        "never started, or the rule does not apply to this incident; ``cancelled``: the clock was cancelled "
        "(``cancels at``) before the target ran out: withdrawn, neither met nor breached. On a clock with ``not due "
        "at``: ``open`` while a hold holds ``as_of``, and ``breached`` only if the clock still ran when the hold its "
        "due time passed in ended (else ``met``)"
    ): (
        "``met``：目標の時間内に停止した（または送信した）。``breached``：停止したかどうかにかかわらず、"
        "計測時間が目標を超えた（``update``：更新が遅れたか、なかった）。``open``：計測中で、警告しきい値未満。"
        "``at_risk``：計測中で、クロックの警告しきい値に達したか超えた。``paused``："
        "``as_of`` の時点でクロックが一時停止中。``excluded``：案件の原因がポリシーの適用除外事由。``not_applicable``："
        "クロックが一度も開始しなかった、または規定がこの案件に適用されない。``cancelled``："
        "目標の期限より前にクロックが取り消された（``cancels at``）：取り下げで、達成でも未達でもない。"
        "``not due at`` のあるクロックでは、``as_of`` が保留の中にある間は ``open`` で、期限が保留の中で過ぎた場合は、"
        "その保留が終わった時点でクロックがまだ動いていたときだけ ``breached``（そうでなければ ``met``）"
    ),
    (
        "when the target falls due, ISO 8601 in the policy's time zone: for ``breached`` the instant the running "
        "time passed the target (``update``: the first missed update's); for ``open`` and ``at_risk`` the due time "
        "as of ``as_of`` (``update``: the next update's); null when ``paused`` (it moves while paused), "
        "``excluded``, ``not_applicable``, ``cancelled``, for an ``update`` target that is met, and for a target met "
        "while its clock was paused (none was in force then)"
    ): (
        "目標の期限。ポリシーのタイムゾーンでの ISO 8601：``breached`` では計測時間が目標を超えた時点（``update``："
        "最初に漏れた更新の期限）。``open`` と ``at_risk`` では ``as_of`` の時点での期限（``update``："
        "次の更新の期限）。``paused``（一時停止中は動くため）、``excluded``、``not_applicable``、"
        "``cancelled`` の場合、達成した ``update`` の目標、クロックの一時停止中に達成した目標"
        "（そのとき期限はありません）では null"
    ),
    (
        "when the clock stopped (or the notification was sent): the judged cycle's stop (the cycle that ran out, "
        "else the last); for ``update``, the last update; null when none by ``as_of``, when a reset cut the cycle "
        "that ran out, and for ``cancelled`` (a cancel meets nothing)"
    ): (
        "クロックが停止した（または通知を送った）時刻：判定した回（期限を過ぎた回、なければ最後の回）の停止。"
        "``update`` では最後の更新。``as_of`` までにない場合、期限を過ぎた回をリセットが打ち切った場合、"
        "``cancelled`` の場合は null（取り消しは何も達成しない）"
    ),
    (
        "the target's duration in minutes: business minutes for a target in business time, elapsed minutes "
        "otherwise; fractional. With an out-of-hours tail, the judged cycle's (the one that ran out, else the last): "
        "its time added when that cycle started outside the calendar's open hours"
    ): (
        "目標の時間（分）：営業時間で数える目標では営業時間の分、それ以外は経過時間の分。小数。"
        "営業時間外の加算がある場合は、判定した回（期限を過ぎた回、なければ最後の回）のもの："
        "その回がカレンダーの営業時間外に始まったときは、加算した時間を含む"
    ),
    (
        "business (or elapsed) minutes the clock ran; for ``update``, since the last update; null for a notification "
        "rule and for a clock that never started"
    ): (
        "クロックが計測した営業時間（または経過時間）の分数。``update`` では最後の更新からのもの。通知の規定と、"
        "一度も開始しなかったクロックでは null"
    ),
    "``update``: how many updates came late or not at all": "``update``：遅れたか、なかった更新の回数",
    "``at_risk``: the last of the clock's warning thresholds passed, in percent of the target (``75`` of "
    "``at risk at 50%, 75% of target``); null for any other status": (
        "``at_risk``：越えたクロックの警告しきい値のうち最後のもの。目標に対する百分率（``at risk at 50%, 75% of "
        "target`` の ``75``）。ほかの状態では null"
    ),
    "the article the target applies (``Article 3.2``); null when the rule cites none": (
        "目標が適用する条項（``Article 3.2``）。規定が条項を示していない場合は null"
    ),
    # -- TrendFigure -----------------------------------------------------------------------------------------
    "One commitment's figure in one month of the trend, as that month's own report gives it.": (
        "前月までとの比較の1ヶ月における、一つの項目の数値。その月自身のレポートが示すとおり。"
    ),
    (
        "what is measured: ``response`` (a priority's response target), ``target`` (a named target of a priority, "
        "such as ``first reply within 30 business minutes on chat``), ``notice`` (a notification rule, on outages "
        "such as the recovery notice or on incident events), ``stop_notice`` (the notice of planned stops), "
        "``availability`` (a measured service, for one of its targets), ``backup`` (a backup kind taken every day or "
        "every N hours) or ``continuous_backup`` (a continuous backup kind)"
    ): (
        "測るもの：``response``（優先度の応答目標）、"
        "``target``（``first reply within 30 business minutes on chat`` のような、優先度の名前付きの目標）、"
        "``notice``（通知の規定。復旧情報通知のような障害に対するもの、または案件のイベントに対するもの）、"
        "``stop_notice``（計画停止の事前通知）、``availability``（測定するサービスの、その目標の一つについて）、"
        "``backup``（毎日または N 時間ごとに取得するバックアップの種類）、"
        "``continuous_backup``（逐次バックアップの種類）のいずれか"
    ),
    (
        "the priority (``P1``), named target (``first_reply``), notification rule (``recovery``), planned-stop rule, "
        "service (``content``) or backup kind (``database``) the figure is about, as the policy names it"
    ): (
        "数値が対象とする優先度（``P1``）、名前付きの目標（``first_reply``）、通知の規定（``recovery``）、"
        "計画停止の規定、サービス（``content``）、バックアップの種類（``database``）。ポリシーでの名前のまま"
    ),
    (
        "how many were judged: incidents ``met`` or ``breached`` (their response, named target or notification "
        "rule), outages whose notice is ``met`` or ``breached``, planned stops listed, backup days (or windows) "
        "``ok`` or ``missed``; null for ``availability`` and ``continuous_backup``. An incident's verdict counts "
        "in one month: not in a month it was carried into after it settled (a response when sent, a breach at "
        "its due time; never before the incident's last reprioritisation), nor in a month whose next month "
        "lists it again and it settled in that one"
    ): (
        "判定した数：（応答、名前付きの目標、通知の規定が）``met`` または ``breached`` の案件、"
        "通知が ``met`` または ``breached`` の障害、挙げた計画停止、"
        "``ok`` または ``missed`` のバックアップの日（または取得期間）。"
        "``availability`` と ``continuous_backup`` では null。案件の判定は一つの月でだけ数える："
        "確定した（応答は送った時、未達はその期限の時。ただし案件の最後の優先度変更より前にはならない）後に持ち越された月では数えず、"
        "翌月の一覧にも載り、その翌月に確定したものはその翌月で数える"
    ),
    (
        "how many of those met the target (``met``, a stop's notice valid, or backups ``ok``); null for "
        "``availability`` and ``continuous_backup``"
    ): (
        "そのうち目標を達成した数（``met``、計画停止の通知が有効、またはバックアップが ``ok``）。"
        "``availability`` と ``continuous_backup`` では null"
    ),
    (
        "the figure as a fraction from 0 to 1: ``met / judged``, or for ``availability`` the month's availability "
        "ratio (the lowest of its measurement periods, as the summary shows it); null when nothing was judged"
    ): (
        "0 から 1 の小数で表した数値：``met / judged``、"
        "または ``availability`` ではその月の稼働率（総括が示すとおり、その月の測定期間のうち最も低いもの）。"
        "判定したものがない場合は null"
    ),
    (
        "``ratio`` minus the previous month's, as a fraction (0.05 is 5 percentage points); null in the first month "
        "and when either month has no figure"
    ): (
        "``ratio`` から前月の値を引いたもの。小数で表す（0.05 は 5 ポイント）。最初の月と、"
        "どちらかの月に数値がない場合は null"
    ),
    "for ``target``: the priority whose named target it is (``P1``); null otherwise": (
        "``target`` について：その名前付きの目標を持つ優先度（``P1``）。それ以外では null"
    ),
    "for ``target``: the named clock the target is measured on (``chat``); null otherwise": (
        "``target`` について：目標を測る名前付きのクロック（``chat``）。それ以外では null"
    ),
    (
        "for ``availability``: the ``when`` condition of the target, as written (``plan = premium``): the customers "
        "it is promised to; null for the service's target without ``when`` and otherwise"
    ): (
        "``availability`` について：目標の ``when`` 条件。書かれたとおり（``plan = premium``）："
        "その目標を約束する顧客。サービスの ``when`` のない目標と、それ以外では null"
    ),
    (
        "for ``continuous_backup``: how many backups of the kind completed in the month in the primary zone itself "
        "(a zone problem), as the summary counts them; null when none of the kind completed in the month (nothing "
        "was judged, which the report reads as none recorded, as its summary does) and otherwise"
    ): (
        "``continuous_backup`` について：その月に完了したその種類のバックアップのうち、"
        "主ゾーンそのもので取得したもの（ゾーンの問題）の数。総括と同じ数え方。"
        "その月にその種類の完了が1件もない場合（何も判定していない。レポートは総括と同じく「記録なし」とする）と、"
        "それ以外では null"
    ),
    (
        "for ``continuous_backup``: how many backups of the kind completed in the month state no zone, so where they "
        "were taken cannot be verified (``data`` violations, counted apart as the summary counts them); null when "
        "none of the kind completed in the month and otherwise"
    ): (
        "``continuous_backup`` について：その月に完了したその種類のバックアップのうち、ゾーンの記載がなく、"
        "どこで取得したかを確認できないものの数（``data`` の違反。総括と同じく別に数える）。"
        "その月にその種類の完了が1件もない場合と、それ以外では null"
    ),
    # -- TrendMonth ------------------------------------------------------------------------------------------
    "One month of the trend against earlier months: each commitment's figure in it.": (
        "前月までとの比較の1ヶ月：その月の各項目の数値。"
    ),
    "the calendar month, as its first day (``YYYY-MM-01``) in the policy's time zone": (
        "暦月。ポリシーのタイムゾーンでのその月の初日（``YYYY-MM-01``）で表す"
    ),
    (
        "the first instant the figures cover, ISO 8601 in the policy's time zone: the month's 00:00 on its first "
        "day, or ``from`` when the period starts later in that month"
    ): (
        "数値が対象とする最初の時点。ポリシーのタイムゾーンでの ISO 8601：その月の初日の 00:00、"
        "または期間がその月の途中から始まる場合は ``from``"
    ),
    "the end (exclusive): the next month's first 00:00, or ``to`` when the period ends earlier": (
        "終了（この時刻を含まない）：翌月の初日の 00:00、または期間がそれより前に終わる場合は ``to``"
    ),
    "true for the last month, the report's own (current) month": "最後の月（レポート自身の月、つまり当月）では true",
    (
        "the figures, by commitment (responses per priority, named targets, notices, planned-stop notices, "
        "availability per service and target, backups per kind, continuous backups) in the policy's order (the "
        "month's version's; then the named targets of incidents judged under another, by priority)"
    ): (
        "項目ごとの数値（優先度ごとの応答、名前付きの目標、通知、計画停止の事前通知、サービスと目標ごとの稼働率、"
        "種類ごとのバックアップ、逐次バックアップ）。ポリシーでの順（その月の版の順。その後に、"
        "別の版で判定した案件の名前付きの目標を優先度の順に）"
    ),
    # -- Violation -------------------------------------------------------------------------------------------
    "Something to alert on: a breach, a missed backup, an invalid notice, bad data.": (
        "アラートを出すべき事項：未達、バックアップの未実施、無効な通知、不正なデータ。"
    ),
    (
        "what it is: ``response_breached``, ``notice_breached``, ``target_breached`` (a named target), "
        "``stop_notice_invalid``, ``backup_missed``, ``backup_retention``, ``backup_zone``, ``availability`` (a "
        "complete period below target) or ``data`` (a contradiction in the events)"
    ): (
        "違反の種類：``response_breached``、``notice_breached``、``target_breached``（名前付きの目標）、"
        "``stop_notice_invalid``、``backup_missed``、``backup_retention``、``backup_zone``、"
        "``availability``（目標を下回った完了済みの期間）、``data``（イベントの矛盾）のいずれか"
    ),
    (
        "what it is about: an incident, outage, stop or backup id from the log; a missed day is ``KIND:YYYY-MM-DD`` "
        "(``files:2026-11-14``), a missed window of N hours ``KIND:START``; an availability period "
        "``SERVICE:YYYY-MM-DD`` (its first day)"
    ): (
        "対象：ログにある案件、障害、計画停止、バックアップの ID。"
        "未実施の日は ``KIND:YYYY-MM-DD``（``files:2026-11-14``）、未実施の N 時間の取得期間は ``KIND:START``。"
        "稼働率の期間は ``SERVICE:YYYY-MM-DD``（その初日）"
    ),
    (
        "the violation in one line of the engine's English (for alerts and logs; the customer documents word it from "
        "the data, in the report's language)"
    ): "違反を1行で表すエンジンの英語の文言（アラートとログ向け。顧客向けの文書は、データからレポートの言語で書く）",
    (
        "when it happened or fell due (a response or notice due time, the end of a missed day or window, a deletion, "
        "a stop's start, the end of a period), ISO 8601 in the policy's time zone; null when it is not tied to one "
        "instant (listed last)"
    ): (
        "起きた時刻、または期限になった時刻（応答や通知の期限、未実施の日や取得期間の終わり、削除、計画停止の開始、"
        "期間の終わり）。ポリシーのタイムゾーンでの ISO 8601。一つの時点に結びつかない場合は null（最後に挙げる）"
    ),
    "the article of the rule broken (``Article 3.2``); null for ``data`` and rules that cite none": (
        "破られた規定の条項（``Article 3.2``）。``data`` と、条項を示していない規定では null"
    ),
    (
        'the tool that wrote the report, its name and version (``{"name": "sla-dsl", "version": "0.1.0"}``): '
        "with each version's ``sha256``, what reproduces it; null when not known (a report read back from a JSON "
        "written without this key)"
    ): (
        'レポートを書いたツールの名前と版（``{"name": "sla-dsl", "version": "0.1.0"}``）。'
        "各版の ``sha256`` とともに、レポートを再現するためのもの。分からない場合は null（このキーのない JSON "
        "から読み戻したレポート）"
    ),
    # -- BreachCreditRow (credits per breached target) --------------------------------------------------------
    (
        "the service credits owed per breached target (a priority's ``credit 5% per breach``): one row per credit "
        "line and measurement period that holds a breach of its target, by period, then priority; empty when "
        "the policy states none or none is breached"
    ): (
        "目標未達1件あたりのサービスクレジット（優先度の ``credit 5% per breach``）：クレジットの行と、"
        "その目標の未達がある測定期間ごとに一行。測定期間、優先度の順。ポリシーに定めがないか、未達がない場合は空"
    ),
    ("The service credit owed for the breaches of one target of a priority in one measurement period."): (
        "一つの測定期間に、優先度の一つの目標の未達に対して発生するサービスクレジット。"
    ),
    ("the priority whose rule's ``credit`` line gives the credit (``P1``)"): (
        "クレジットを定める ``credit`` 行がある規定の優先度（``P1``）"
    ),
    (
        "the target the credit line belongs to: ``respond`` (the plain response target when ``clock`` is null, "
        "else a response target on that clock), ``resolve``, ``first_reply`` or ``update``"
    ): (
        "クレジットの行が属する目標：``respond``（``clock`` が null なら通常の応答目標、そうでなければ"
        "その起算点の応答目標）、``resolve``、``first_reply``、``update``"
    ),
    ("the named clock the target is measured on (``resolution``); null for the plain response target"): (
        "目標を計る名前付きの起算点（``resolution``）。通常の応答目標では null"
    ),
    (
        "the ``when`` condition of the priority's rule that judged the incidents, as written (the customers it "
        "is for); null for the rule without ``when``"
    ): (
        "案件を判定した優先度の規定の ``when`` 条件（書かれたとおり。その規定の対象の顧客）。``when`` のない規"
        "定では null"
    ),
    ("the measurement period of the credit line: ``month``, ``quarter`` or ``period`` (the evaluated one)"): (
        "クレジットの行の測定期間：``month``、``quarter``、``period``（評価期間）"
    ),
    ("the start of the measurement period in the policy's time zone (not cut to the evaluated period)"): (
        "測定期間の始まり（ポリシーのタイムゾーン）。評価期間で切らない"
    ),
    ("its end (exclusive); a period that starts before ``from`` or ends after ``to`` owes no credit here"): (
        "その終わり（この時刻を含まない）。``from`` より前に始まるか ``to`` より後に終わる測定期間は、"
        "この報告ではクレジットが発生しない"
    ),
    ("the period lies wholly in the evaluated one and is over at ``as_of``; false: the figures so far"): (
        "測定期間全体が評価期間に入り、``as_of`` の時点で終わっている。false のときは、その時点までの数値"
    ),
    ("how many breaches of the target count in the period (one per incident): due in it, or made by a change in it"): (
        "その測定期間に数える目標の未達の数（案件1件につき一つ）：期限がその期間にあるもの、またはその期間の変更で"
        "未達になったもの"
    ),
    ("the credit per breach, in percent of the period's fee (``5.0``)"): (
        "未達1件あたりのクレジット。その期間の料金に対する百分率（``5.0``）"
    ),
    ("the most owed for the period, in percent of the fee (``25.0``); null when the line states no cap"): (
        "その期間の上限。料金に対する百分率（``25.0``）。行に上限がなければ null"
    ),
    (
        "the credit owed for the period, in percent of its fee: ``breaches`` x ``per_breach``, at most ``cap`` "
        "and at most 100, and within ``shared_cap`` with the period's other rows when it has one; 0 for a period "
        "the evaluated one cuts (a report over all of it settles it)"
    ): (
        "その期間に発生するクレジット。料金に対する百分率：``breaches`` × ``per_breach``。``cap`` と 100 を超えない。"
        "``shared_cap`` があれば、その期間のほかの行と合わせてその範囲に収める。"
        "評価期間で切れる測定期間では 0（測定期間全体を対象とする報告で確定する）"
    ),
    ("the priority's article (``Article 5``); null when it cites none"): (
        "優先度の条項（``Article 5``）。条項を示していなければ null"
    ),
    (
        "the ids of the incidents whose breach is counted, by the instant it counts at (its due time, or the change "
        "that made it one), then id"
    ): ("未達を数えた案件の ID。数える時点（期限、または未達にした変更の時刻）、ID の順"),
    (
        "when several credit lines (two versions') share the period for this target of the priority's rule: the "
        "most their rows owe together, in percent of the fee, the highest ``cap`` among them (100 for a line "
        "without one); the rows are settled in the order of their first breach, each owed what is left of it, so "
        "``credit`` may be below this row's own figure; not in the JSON (null) when the row's line is the only one, "
        "or in a period the evaluated one cuts (its other part's lines are not known)"
    ): (
        "優先度の規定のこの目標について、一つの測定期間を複数のクレジットの行（二つの版の行）が分け合うとき："
        "それらの行が合わせて発生させるクレジットの上限。料金に対する百分率で、各行の ``cap`` のうち最も高いもの"
        "（上限のない行は 100）。行は最初の目標未達が早い順に、上限の残りの範囲でクレジットを割り当てるため、"
        "``credit`` はこの行だけの計算より小さくなることがある。その期間の行が一つだけのとき、また評価期間で切れる"
        "測定期間（ほかの部分の行がわからない）では JSON に含めない（null）"
    ),
    (
        "the policy versions whose credit line the row's credit is of (``version`` as each states it), by "
        "effective date: those with the line in force during the measurement period (two versions with the same "
        "line share one row), else the latest with it begun before the period ends; two rows of one period that "
        "share every other key are told apart by it. Empty when not known (a report read back from a JSON "
        "written without this key)"
    ): (
        "この行のクレジットがどの規定の版の行のものか（各版が記す ``version``）。発効日の順："
        "測定期間中に効力のある版のうちその行を持つもの（同じ行を持つ二つの版は一行を分け合う）、"
        "なければ期間の終わりより前に発効した版のうちその行を持つ最新のもの。"
        "ほかのキーがすべて同じ一つの期間の二つの行は、これで見分けられる。"
        "わからないとき（このキーのない JSON から読み戻したレポート）は空"
    ),
    # -- in_summary (IncidentRow, TargetRow: sla_dsl.report.settled) ---------------------------------------------
    (
        "whether the report's summary counts this response verdict: false for a verdict an earlier period's report "
        "counted (the incident carried over, its verdict settled before ``from``: met when the response was sent, "
        "breached at its due time, never before its last reprioritisation or change of an attribute, which can "
        "change it) and for one the next period's report counts (settled at or after ``to`` of an incident not "
        "completed before it); an open, at-risk or excluded incident is counted. Counting the rows with it by "
        "``status`` gives the summary's figures per priority, with a trend or without. Null when not known (a "
        "report read back from a JSON written without this key)"
    ): (
        "レポートの総括がこの応答の判定を数えるかどうか。前の期間のレポートが数えた判定（持ち越した案件で、"
        "``from`` より前に確定した判定。達成は応答の時点、未達は期限の時点で確定するが、判定を変えうる最後の"
        "優先度の変更や属性の変更より前には確定しない）と、次の期間のレポートが数える判定（``to`` より前に"
        "完了していない案件で、``to`` 以降に確定した判定）では false。対応中、要注意、適用外の案件は数える。"
        "真の行を ``status`` ごとに数えると、前月までとの比較があってもなくても、優先度ごとの総括の数になる。"
        "わからないとき（このキーのない JSON から読み戻したレポート）は null"
    ),
    (
        "whether the report's summary counts this verdict: false for a verdict an earlier period's report counted "
        "(the incident, or outage, carried over and the verdict settled before ``from``: met at ``met_at``, "
        "breached at ``due``) and for one the next period's counts (settled at or after ``to`` of one not "
        "completed, or an outage still down, before it); a status that does not settle (open, at risk, paused, "
        "excluded, not applicable, cancelled) is counted. Counting the rows with it by ``status`` gives the "
        "summary's figures per named target or notification rule. Null when not known (a report read back from a "
        "JSON written without this key)"
    ): (
        "レポートの総括がこの判定を数えるかどうか。前の期間のレポートが数えた判定（持ち越した案件や障害で、"
        "``from`` より前に確定した判定。達成は ``met_at``、未達は ``due`` の時点で確定する）と、次の期間の"
        "レポートが数える判定（``to`` より前に完了していない案件や、``to`` の時点でまだ停止中の障害で、"
        "``to`` 以降に確定した判定）では false。確定しない状態（対応中、要注意、一時停止、適用外、対象外、"
        "取り消し）は数える。真の行を ``status`` ごとに数えると、名前付きの目標ごと、通知の規定ごとの総括の"
        "数になる。わからないとき（このキーのない JSON から読み戻したレポート）は null"
    ),
    # -- the ids of rows no event names (sla_dsl.report.row_ids) ----------------------------------------------
    (
        "the window's id: its rule's ``name`` and the day its recurrence schedules (``regular:2026-11-26``; the "
        "day it starts when that is not known), as its calendar event's ``UID`` names it: a window a holiday "
        "moved keeps it. A key after the others; the ``id`` column of the Parquet table"
    ): (
        "枠の ID。定期メンテナンスの規定の ``name`` と、繰り返しが定める日（``regular:2026-11-26``。"
        "わからなければ枠の始まる日）で、カレンダーの予定の ``UID`` と同じ。祝日で移った枠も同じ ID のまま。"
        "ほかのキーの後のキー。Parquet の表の ``id`` 列"
    ),
    (
        "the period's id, as availability violations and ``sla explain`` name it: the service and the first day "
        "of ``start`` (``content:2026-11-01``), then the condition of a target with ``when`` in a compact form "
        "(``content:2026-11-01:plan=premium``); a figure without a target (``availability measured``) whose row "
        "starts on the day a row of the service's target does (a later version adds the target) has "
        "``:measured`` after it (``content:2026-11-15:measured``), so no two rows share one. A key after the "
        "others; the explanation steps' ``id`` in the Parquet tables"
    ): (
        "測定期間の ID。稼働率の違反と ``sla explain`` が使うもの：サービスと ``start`` の日"
        "（``content:2026-11-01``）、``when`` のある目標ではその条件を短く書いたもの"
        "（``content:2026-11-01:plan=premium``）が続く。目標のない数値（``availability measured``）の行が、"
        "そのサービスの目標の行と同じ日に始まるとき（後の版が目標を加えたとき）は、その後に ``:measured`` が付き"
        "（``content:2026-11-15:measured``）、二つの行が同じ ID になることはない。ほかのキーの後のキー。"
        "Parquet の表では説明の手順の ``id``"
    ),
    (
        "the id of the period the credit is for, as its row in ``availability_periods`` has it "
        "(``content:2026-11-01:plan=premium``). A key after the others; the explanation steps' ``id`` in the "
        "Parquet tables"
    ): (
        "クレジットの対象の測定期間の ID。``availability_periods`` のその行と同じ"
        "（``content:2026-11-01:plan=premium``）。ほかのキーの後のキー。Parquet の表では説明の手順の ``id``"
    ),
    (
        "the row's id, as its ``backup_missed`` violation names it: the kind and the day (``files:2026-11-14``), "
        "or for a window of N hours its start (``logs:2026-11-02T12:00:00+09:00``). A key after the others; the "
        "``id`` column of the Parquet table"
    ): (
        "行の ID。``backup_missed`` の違反と同じ：バックアップの種類と日（``files:2026-11-14``）、"
        "N 時間ごとの取得期間ではその始まり（``logs:2026-11-02T12:00:00+09:00``）。"
        "ほかのキーの後のキー。Parquet の表の ``id`` 列"
    ),
    (
        "the month's id (``2026-11``): its row's key in the Parquet tables, which its figures "
        "(``trend_figures.id``) carry as their month's. A key after the others"
    ): (
        "月の ID（``2026-11``）。Parquet の表での行のキーで、その月の数値（``trend_figures.id``）にも入る。"
        "ほかのキーの後のキー"
    ),
    # -- Period ----------------------------------------------------------------------------------------------
    'The evaluated period [from, to) and the "as of" instant.': "評価期間 ``[from, to)`` と、判定の「時点」。",
    (
        "written as ``from``: the first instant of the period (inclusive), ISO 8601 in the policy's time zone with "
        "its offset; a plain date given to ``--from`` means 00:00 of that day in that zone"
    ): (
        "``from`` として書く：期間の最初の時点（この時刻を含む）。ポリシーのタイムゾーンでの時差の付いた ISO 8601。"
        "``--from`` に日付だけを与えると、そのタイムゾーンでのその日の 00:00 を表す"
    ),
    "written as ``to``: the end of the period (exclusive), in the same form": (
        "``to`` として書く：期間の終わり（この時刻を含まない）。形式は同じ"
    ),
    (
        "the instant the report is judged as of: events after it are ignored (``--as-of``, by default ``to``); same "
        "form"
    ): "レポートを判定する時点：それより後のイベントは無視する（``--as-of``、既定は ``to``）。形式は同じ",
    # -- CreditTotalRow (the cap on the sum of every credit of a period) --------------------------------------
    "The credits of one measurement period, before and after the cap on their sum.": (
        "一つの測定期間のクレジットの、合計の上限を適用する前と後。"
    ),
    "every credit counted is final (false: a credit per breach of a period not over at ``as_of``, its figure so far)": (
        "数えたクレジットがすべて確定している（false：``as_of`` の時点で終わっていない測定期間の目標未達1件あたりの"
        "クレジットがあり、ここまでの値）"
    ),
    "the article of the cap (``Article 6.3``); null when it cites none": (
        "上限の条項（``Article 6.3``）。示さなければ null"
    ),
    "the cap on that sum, in percent of the period's fee (``30.0``)": (
        "その合計の上限。測定期間の料金に対する百分率（``30.0``）"
    ),
    "the credit owed for the period after the cap, in percent of its fee: the smaller of ``credits`` and ``cap``": (
        "上限を適用した後に返還するクレジット。測定期間の料金に対する百分率で、``credits`` と ``cap`` の小さいほう"
    ),
    "the header's cap on the sum of every credit of a period (``credit total at most 30% monthly``): one row per "
    "measurement period of the cap that holds a credit, by start, with the credits before the cap, the cap and what "
    "is owed after it; empty when the policy states no such cap or no credit is owed": (
        "ヘッダーに書く測定期間ごとのクレジットの合計の上限（``credit total at most 30% monthly``）。クレジットのある"
        "上限の測定期間ごとに一行、開始の順で、上限を適用する前の合計、上限、適用した後に返還する分を示す。"
        "ポリシーにその上限がないか、返還するクレジットがなければ空"
    ),
    "the measurement period of the cap: ``month``, ``quarter`` or ``period`` (the evaluated one)": (
        "上限の測定期間：``month``、``quarter``、``period``（評価期間）"
    ),
    "the start of the measurement period in the policy's time zone": "測定期間の開始。ポリシーのタイムゾーンで示す",
    "the sum of the period's credits before the cap, in percent of its fee: its rows of ``credits`` "
    "(``credit_percent``) and of ``breach_credits`` (``credit``)": (
        "上限を適用する前の、その測定期間のクレジットの合計。料金に対する百分率で、``credits`` の行"
        "（``credit_percent``）と ``breach_credits`` の行（``credit``）の和"
    ),
    "the version whose cap applied (the one in force at the period's start)": (
        "適用した上限を定める規定の版（測定期間の開始の時点で有効な版）"
    ),
}
