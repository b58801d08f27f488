"""Catalogue section: the SLA site's words for clocks, named targets, plan and credit tables
(:mod:`sla_dsl.docs.targets`, :mod:`sla_dsl.docs.plans`) and the places whose public holidays a
calendar leaves out: keys ``site.targets.*``, ``site.plans.*`` and ``site.region.*``.

Design notes
------------
* Moved here from two module-local ja/en dicts so the catalogue's checks (both languages by
  type, no English in the Japanese, the same fields) cover them. A target's kind (``応答`` /
  ``Response``) is the report's word (``report.targets.<kind>`` in :mod:`.tables`), the same
  on the site.
* ``site.region.<code>`` names a holiday code of the ``holidays`` package (``JP``, ``GB-ENG``)
  in words where the project's words differ from CLDR's (``米国``) or CLDR has none (a
  subdivision); any other code is named by :func:`sla_dsl.i18n.places.region_name` from CLDR
  (a country), ISO 3166-2 (a subdivision), or as its country and code (``米国・US-VI``), never in
  English on a Japanese page.
* Separators keep their spaces (``" or "``, ``"、かつ"``): the renderers join with them.
* Attribute values and event names arrive as fields: they are the policy's, never translated here.
"""

from __future__ import annotations

from .msg import Msg

__all__ = ["SITE_TABLES"]

SITE_TABLES: dict[str, Msg] = {
    # a clock's life cycle and a priority's named targets
    # Japanese without spaces around the fields: a space between two Japanese words shows on the page
    "site.targets.pauses": Msg("{a}から{u}まで一時停止", "pauses at {a} until {u}"),
    "site.targets.not_due": Msg(
        "{a}から{u}まで期限を適用しない（計測は継続）", "not due from {a} until {u} (counting on, no deadline applied)"
    ),
    "site.targets.stops": Msg("{e}で停止", "stops at {e}"),
    "site.targets.resets": Msg("{e}で0からやり直し", "restarts from zero at {e}"),
    "site.targets.restarts": Msg("停止後は{e}で0から計測を再開", "once stopped, starts again from zero at {e}"),
    "site.targets.cancels": Msg(
        "{e}で計測を取り消し（目標は判定せずに取り下げ）", "cancelled at {e} (its targets withdrawn, unjudged)"
    ),
    "site.targets.by_day": Msg("{what}：「{clock}」で{d}", "{what}: {d} on the “{clock}” clock"),
    "site.targets.within": Msg("{what}：「{clock}」で{d}以内", "{what}: within {d} on the “{clock}” clock"),
    # after a target's line: Request Tracker's OutOfHours, on the `business` calendar (what "business hours"
    # means in a policy, as :func:`sla_dsl.docs.text.on_calendar` says it), and on another ({c}: by its label)
    "site.targets.out_of_hours": Msg(
        "（営業時間外の受付は{d}を加算）", " (plus {d} if received outside business hours)"
    ),
    "site.targets.out_of_hours_on": Msg(
        "（「{c}」の営業時間外の受付は{d}を加算）", " (plus {d} if received outside the open hours of “{c}”)"
    ),
    "site.targets.update": Msg(
        "定期更新：「{clock}」の計測中は{d}ごとに{by}",
        "Periodic update: {by} at least every {d} while the “{clock}” clock runs",
    ),
    "site.targets.or": Msg("または", " or "),
    # a target's service credit per missed target (`credit 5% per breach, at most 25% monthly`)
    "site.targets.credit": Msg(
        "サービスクレジット：目標未達の案件1件につき料金の{percent}（{period}に合計{cap}）",
        "Service credit: {percent} of the fee per incident that misses it (summed per {period}{cap})",
    ),
    "site.targets.credit_cap": Msg("、上限{cap}", ", at most {cap}"),
    "site.targets.credit_period.month": Msg("月ごと", "month"),
    "site.targets.credit_period.quarter": Msg("四半期ごと", "quarter"),
    "site.targets.credit_period.period": Msg("評価期間ごと", "evaluated period"),
    # the plan table: which rule of a priority applies to which attribute values
    "site.plans.plan": Msg("属性", "Attributes"),
    "site.plans.priority": Msg("優先度", "Priority"),
    "site.plans.rule": Msg("適用される規定", "Rule that applies"),
    "site.plans.target": Msg("応答目標", "Response target"),
    # the credit table
    "site.plans.service": Msg("サービス", "Service"),
    "site.plans.figure": Msg("稼働率（測定期間ごと）", "Availability (per measurement period)"),
    "site.plans.credit": Msg("サービスクレジット（料金に対する割合）", "Service credit (share of the fee)"),
    "site.plans.below": Msg("{p} 未満", "below {p}"),
    "site.plans.target_line": Msg("目標 {p}", "target {p}"),
    "site.plans.month": Msg("月ごと", "monthly"),
    "site.plans.quarter": Msg("四半期ごと", "quarterly"),
    "site.plans.period": Msg("評価期間ごと", "per evaluated period"),
    # a `when` condition in words
    # {v}: the values' labels (issue 16), Japanese without spaces
    "site.plans.eq": Msg("{a}が{v}", "{a} is {v}"),
    "site.plans.ne": Msg("{a}が{v}以外", "{a} is not {v}"),
    "site.plans.in": Msg("{a}が{v}のいずれか", "{a} is one of {v}"),
    "site.plans.not_in": Msg("{a}が{v}のいずれでもない", "{a} is none of {v}"),
    "site.plans.and": Msg("、かつ", " and "),
    "site.plans.only_for": Msg("{c}の場合に限ります。", "Only when {c}."),
    # an attribute with `changes at`: the events that change it during an incident
    "site.plans.changes": Msg(
        "{a}は{events}で案件の途中でも変わります。", "{a} may change during an incident, at {events}."
    ),
    "site.plans.customers": Msg("{c}の顧客", "customers whose {c}"),
    "site.plans.others": Msg("その他の顧客", "other customers"),
    "site.plans.sep": Msg("、", ", "),
    # a priority with too many combinations to list: its rules in file order, the first that holds applies
    "site.plans.in_order": Msg(
        "{n}. {c}（上から順に、最初に当てはまる規定）", "{n}. {c} (the first that holds, from the top)"
    ),
    "site.plans.otherwise": Msg("上記以外", "none of the above"),
    # the worked example's column of the attribute values that select a priority's rule
    "site.plans.example_for": Msg("適用される属性", "For"),
    # countries and subdivisions of a calendar's public holidays (``holidays GB-ENG``), by their codes
    **{
        f"site.region.{code}": Msg(ja, en)
        for code, ja, en in (
            ("US", "米国", "the United States"),
            ("GB", "英国", "the United Kingdom"),
            ("GB-ENG", "イングランド", "England"),
            ("GB-SCT", "スコットランド", "Scotland"),
            ("GB-WLS", "ウェールズ", "Wales"),
            ("GB-NIR", "北アイルランド", "Northern Ireland"),
            ("NL", "オランダ", "the Netherlands"),
            ("HK", "香港", "Hong Kong"),
            ("PH", "フィリピン", "the Philippines"),
        )
    },
}
