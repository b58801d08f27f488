"""The language server's hovers in the document's primary language (Japanese first).

A ``languages ja, en`` policy (Click So-ko, with a London desk, a clock with a whole life cycle, an
out-of-hours target, a declared event, an attribute with ``when`` rules, targets and notify rules)
gets every hover in Japanese: no Latin word outside backticked code (the names the author wrote) but
``UTC`` in a zone's offsets. The same policy with ``languages en, ja`` reads as the hovers always did.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.authoring.hover import declared_event_hover, hover_calendar, hover_text, when_hover
from sla_dsl.lang import model as m
from sla_dsl.lang.diagnostics import policy_language
from sla_dsl.policy.load import compile_text

ROOT = Path(__file__).resolve().parents[2]
EXTRA = """
event incident.withdrawn "お客様による取り下げ" / "Withdrawn by the customer" [art 5]

calendar desk_en "英語窓口" / "English desk" [art 2.1.2] {
  timezone Europe/London
  hours mon..fri 09:00-17:30
  holidays GB-ENG
}

clock resolution "解決までの時間" / "Time to resolution" [art 3.2] {
  starts at incident.product_suspected, else incident.reported
  pauses at incident.info_provided until incident.customer_replied
  stops at incident.resolved
  resets at incident.reprioritized
  restarts at incident.customer_replied
  cancels at incident.withdrawn
  at risk at 75% of target
}

attribute plan "契約プラン" / "Plan" [art 5] {
  value standard "スタンダード" / "Standard"
  value premium "プレミアム" / "Premium"
  default standard
}

priority P4 "優先度４（プレミアム）" / "Priority 4 (premium)" [art 3.2] {
  when plan = premium
  respond within 2 business hours
  resolve within 2 hours on resolution, plus 24 hours if received outside business hours
  complete on incident.resolved
}

priority P4 "優先度４" / "Priority 4" [art 3.2] {
  respond within 4 desk_en hours
  first reply within 3 business days on resolution
  complete on incident.resolved
}

service portal "管理画面" / "Admin portal" [art 2.1.1] {
  hours always
  availability target 99.9% monthly when plan = premium
  availability target 99.0% quarterly
}

notify first_report "障害の第一報（プレミアム）" / "First report of an outage (premium)" [art 3.1.4] {
  when plan = premium
  within 30 minutes after outage.started
  met by outage.notified
}
"""
JA = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8") + EXTRA  # `languages ja, en`
EN = JA.replace("languages ja, en", "languages en, ja")

#: Latin a Japanese hover may show outside code: the offsets of a zone
JA_LATIN_OK = {"UTC"}


def latin_outside_code(text: str) -> set[str]:
    """The Latin words of ``text`` outside its backticked code spans (names as the author wrote them)."""
    return set(re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", text))) - JA_LATIN_OK


def test_the_check_finds_english_left_outside_code() -> None:
    assert latin_outside_code("**クロック `resolution`** starts at `incident.reported`") == {"starts", "at"}
    assert latin_outside_code("タイムゾーン `Europe/London`：ロンドン時間（UTC+0、夏時間はUTC+1）") == set()


@functools.cache
def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.text("en") for d in compiled.errors]
    return compiled.model


def hover(text: str, needle: str, offset: int = 0, lang: str | None = None) -> str:
    """The hover at ``offset`` characters into the first line holding ``needle``, in the policy's language."""
    pm = _model(text)
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if needle in x)
    said = hover_text(pm, text, row, lines[row].index(needle) + offset, lang or policy_language(pm))
    assert said is not None, needle
    return said


#: (needle, offset into it): a duration, calendars, clocks, an out-of-hours tail, a contract event, a
#: declared event, an attribute value, a priority's `when`, a service and a notify rule with `when`
PLACES = [
    ("respond within 4 business hours", len("respond within 4 b")),
    ("respond within 4 desk_en hours", len("respond within 4 d")),
    ("within 30 minutes after", len("within 3")),
    ("  calendar business", len("  calendar b")),
    ("calendar desk_en", len("calendar d")),
    ("clock resolution", len("clock r")),
    ("clock response", len("clock r")),
    ("if received outside business hours", len("if received o")),
    (
        "starts at incident.product_suspected, else incident.reported",
        len("starts at incident.product_suspected, else i"),
    ),
    ("cancels at incident.withdrawn", len("cancels at i")),
    ("value standard", len("value s")),
    ("when plan = premium", len("when plan = p")),
    ("priority P4", len("priority P")),
    ("service portal", len("service p")),
    ("notify first_report", len("notify f")),
]


def test_the_policies_declare_their_languages() -> None:
    assert policy_language(_model(JA)) == "ja" and policy_language(_model(EN)) == "en"


@pytest.mark.parametrize(("needle", "offset"), PLACES)
def test_every_japanese_hover_is_japanese(needle: str, offset: int) -> None:
    said = hover(JA, needle, offset)
    assert re.search("[\u3040-\u30ff\u4e00-\u9fff]", said), said
    assert latin_outside_code(said) == set(), said


@pytest.mark.parametrize(("needle", "offset"), PLACES)
def test_every_english_hover_is_english(needle: str, offset: int) -> None:
    said = hover(EN, needle, offset)
    labels = {"スタンダード", "プレミアム", "お客様による取り下げ"}  # the English names a value by both its labels
    for word in labels:
        said = said.replace(word, "")
    assert not re.search("[\u3040-\u30ff\u4e00-\u9fff]", said), said


def test_a_duration() -> None:
    ja = hover(JA, "respond within 4 business hours", len("respond within 4 b"))
    assert ja.startswith("**4営業時間** ＝ カレンダー `business`（当社営業時間）の営業時間で4時間：")
    # the next Friday 16:00; due Monday 12:00 unless a holiday is in between
    assert re.search(r"\d{4}年\d+月\d+日\(金\) 16:00 に起算すると、期限は \d{4}年\d+月\d+日\(.\) \d\d:\d\d$", ja), ja
    en = hover(EN, "respond within 4 business hours", len("respond within 4 b"))
    assert re.fullmatch(
        r"\*\*4 business hours\*\* = 4 h of `business` time: from Fri 16:00 due \w\w\w \d\d:\d\d "
        r"\(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\)",
        en,
    ), en
    ja = hover(JA, "respond within 4 desk_en hours", len("respond within 4 d"))
    assert ja.startswith("**4営業時間** ＝ カレンダー `desk_en`（英語窓口）の営業時間で4時間：")
    ja = hover(JA, "within 30 minutes after", len("within 3"))
    assert ja.startswith("**30分**（経過時間）：") and "16:00 に起算すると、期限は" in ja and ja.endswith(" 16:30")
    en = hover(EN, "within 30 minutes after", len("within 3"))
    assert re.fullmatch(r"\*\*30 minutes\*\* of elapsed time: from Fri 16:00 \S+ due Fri 16:30 \S+", en), en


def test_a_calendar_in_london_with_english_holidays() -> None:
    ja = hover(JA, "calendar desk_en", len("calendar d"))
    assert ja == (
        "**カレンダー `desk_en`** — 英語窓口\n\n"
        "タイムゾーン `Europe/London`：ロンドン時間（UTC+0、夏時間はUTC+1）\n\n"
        "月〜金 09:00〜17:30（1日8.5時間）\n\n"
        "祝日（`GB-ENG`）：イングランドの祝日は休業"
    )
    en = hover(EN, "calendar desk_en", len("calendar d"))
    assert en == (
        "**calendar desk_en** — English desk\n\n"
        "time zone Europe/London: London time (UTC+0, UTC+1 in summer)\n\n"
        "mon..fri 09:00-17:30 (8.5 h a day)\n\n"
        "holidays GB-ENG (England)"
    )
    ja = hover(JA, "  calendar business", len("  calendar b"))
    assert "月〜金 10:00〜12:00、13:00〜18:00（1日7時間）" in ja and "祝日（`JP`）：日本の祝日は休業" in ja


def test_a_calendar_s_days_hours_and_closures() -> None:
    text = JA.replace(
        "  hours mon..fri 09:00-17:30\n",
        "  hours mon, wed 09:00-17:30\n  hours sat 22:00-02:00\n  closed 2026-12-24..2026-12-26\n",
    )
    cal = _model(text).calendar("desk_en")
    ja = hover_calendar(cal, "ja")
    assert "月・水 09:00〜17:30（1日8.5時間）。土 22:00〜翌02:00（1日4時間）" in ja and "休業日の規則 1 件" in ja
    assert latin_outside_code(ja) == set(), ja
    en = hover_calendar(cal)
    assert "mon, wed 09:00-17:30 (8.5 h a day); sat 22:00-02:00 (4 h a day)" in en and "1 closure rule(s)" in en


def test_a_clock_with_its_whole_life_cycle() -> None:
    pm = _model(JA)
    (clock,) = [c for c in pm.clocks if c.name == "resolution"]
    assert hover_clock(clock, pm, "ja") == "\n".join(
        [
            "**クロック `resolution`** 解決までの時間",
            "- 計測開始：`incident.product_suspected`（問題の原因を製品による可能性があると判断した時点）、"
            "なければ `incident.reported`（障害の報告を受けた時点）",
            "- `incident.info_provided`（エンド・ユーザー様への情報提供）から"
            "`incident.customer_replied`（エンド・ユーザー様からの返答）まで一時停止",
            "- `incident.resolved`（回避策または問題解決に必要な情報の受領）で停止",
            "- `incident.reprioritized`（優先度の変更）で0から計測し直し",
            "- 停止後は`incident.customer_replied`（エンド・ユーザー様からの返答）で0から計測を再開",
            "- `incident.withdrawn`（「お客様による取り下げ」）で計測を取り消し（目標は判定せずに取り下げ）",
            "- 目標の75%が経過すると要注意",
            "- 計測する目標：`P4` 優先度４（プレミアム）の解決 2時間（営業時間外の受付は24時間を加算）、"
            # (a first reply on a clock that restarts is a next reply: called by the clock's label, quoted)
            "`P4` 優先度４の「解決までの時間」 3営業日",
        ]
    )
    assert hover_clock(clock, _model(EN)) == "\n".join(
        [
            "**clock `resolution`** Time to resolution",
            "- starts at `incident.product_suspected`, else `incident.reported`",
            "- pauses at `incident.info_provided` until `incident.customer_replied`",
            "- stops at `incident.resolved`",
            "- starts again from zero at `incident.reprioritized`",
            "- once stopped, starts again from zero at `incident.customer_replied`",
            "- cancelled at `incident.withdrawn`: its targets withdrawn, unjudged",
            "- at risk at 75% of a target",
            "- measures: P4 Priority 4 (premium): resolve 2 hours (+24 hours out of hours); "
            "P4 Priority 4: “Time to resolution” 3 business days",
        ]
    )


def test_a_target_s_time_out_of_hours() -> None:
    ja = hover(JA, "if received outside business hours", len("if received o"))
    assert ja == "\n".join(
        [
            "**営業時間外の受付** クロック `resolution` の解決目標",
            "- クロックの計測（開始、やり直し、再開のたびに始まる一回分）がカレンダー `business`（当社営業時間）の"
            "営業時間外に始まると、計測できる時間は 2時間＋24時間",
            "- 営業時間内に始まると 2時間",
        ]
    )
    en = hover(EN, "if received outside business hours", len("if received o"))
    assert en == "\n".join(
        [
            "**out of hours** `resolve` on clock `resolution`",
            "- a cycle of the clock (its start, each reset or restart) that starts outside the open hours of "
            "calendar `business` has 2 hours + 24 hours of running time",
            "- one that starts in its open hours has 2 hours",
        ]
    )


def test_a_contract_event_and_a_declared_one() -> None:
    needle, at = "else incident.reported", len("else i")
    assert hover(JA, needle, at) == "イベントログのイベント `incident.reported`（障害の報告を受けた時点）"
    assert hover(EN, needle, at) == "event `incident.reported` (the receipt of the failure report) of the event log"
    (declared,) = _model(JA).event_types
    assert declared_event_hover(declared, "ja") == (
        "このポリシーが宣言するイベント `incident.withdrawn`：お客様による取り下げ\n\n"
        "イベントログに記録できます（`event`、`at`、`id`）。クロック、目標、完了条件、通知規則で指定できます"
    )
    assert declared_event_hover(declared) == (
        "event `incident.withdrawn` declared by this policy: お客様による取り下げ / Withdrawn by the customer\n\n"
        "The event log may carry it (`event`, `at`, `id`); clocks, targets, completion and notify rules may name it."
    )


def test_an_attribute_value_and_the_rules_for_it() -> None:
    assert hover(JA, "value standard", len("value s")) == "**属性 `plan`（契約プラン）の値 `standard`**：スタンダード"
    assert hover(EN, "value standard", len("value s")) == (
        "**value `standard`** of attribute `plan`: スタンダード / Standard"
    )
    lines = JA.split("\n")
    premium = next(i for i, x in enumerate(lines) if x.startswith('priority P4 "優先度４（')) + 1
    general = next(i for i, x in enumerate(lines) if x.startswith('priority P4 "優先度４"')) + 1
    assert hover(JA, "when plan = premium", len("when plan = p")) == (
        "**優先度 `P4`**：上から順に、条件が当てはまる最初の規定を適用\n\n"
        f"- `plan = standard`：{general} 行目\n"
        f"- `plan = premium`：{premium} 行目（`when plan = premium`）"
    )
    assert hover(EN, "priority P4", len("priority P")) == (
        "**priority P4**: the first rule in file order whose condition holds applies\n\n"
        f"- plan = standard: line {general}\n"
        f"- plan = premium: line {premium} (`when plan = premium`)"
    )


def test_a_service_and_a_notify_rule_with_when() -> None:
    pm, lines = _model(JA), JA.split("\n")
    row = next(i for i, x in enumerate(lines) if "99.9% monthly when" in x)
    recovery = next(i for i, x in enumerate(lines) if x.startswith("notify recovery")) + 1
    first = next(i for i, x in enumerate(lines) if x.startswith("notify first_report")) + 1
    assert when_hover(pm, "portal", 1, 1, "ja") == (
        "**サービス `portal`**：上から順に、条件が当てはまる最初の稼働率目標を適用\n\n"
        "- `plan = standard`：99%（四半期ごと）（`when` のない目標）\n"
        f"- `plan = premium`：99.9%（月ごと）（{row + 1} 行目、`when plan = premium`）"
    )
    assert when_hover(pm, "portal", 1, 1) == (
        "**service portal**: the first availability target in file order whose condition holds\n\n"
        "- plan = standard: 99% quarterly (the target without `when`)\n"
        f"- plan = premium: 99.9% monthly (line {row + 1}, `when plan = premium`)"
    )
    assert when_hover(pm, "first_report", 1, 1, "ja") == (
        "**通知規則**：条件が当てはまる通知規則はすべて適用（択一ではありません）\n\n"
        f"- `plan = standard`：`recovery`（{recovery} 行目）\n"
        f"- `plan = premium`：`recovery`（{recovery} 行目）、`first_report`（{first} 行目）"
    )
    assert when_hover(pm, "first_report", 1, 1) == (
        "**notifications**: every notify rule whose condition holds applies (they are not alternatives)\n\n"
        f"- plan = standard: `recovery` (line {recovery})\n"
        f"- plan = premium: `recovery` (line {recovery}), `first_report` (line {first})"
    )
