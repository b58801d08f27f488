"""The words of the policy pages say what the policy and the evaluator do, in the page's language.

A review of the example policies' pages (``policies/examples/*.sla``) found sentences that were
untrue or not Japanese; each test below is one of its findings, asserted on the exact words:

* a business day of 8.5 hours said to be 8 (integer truncation);
* a worked deadline computed by the default rule of a priority whose rules are chosen by
  attributes (``when plan = premium``), disagreeing with ``sla deadline --attribute``;
* every clock called the "response clock";
* a duration counted on a calendar other than ``business`` not naming it (``desk_en`` on the
  English page);
* ``only if ... during NAME hours`` said as 「営業日内」 (on its days) for its open hours;
* availability targets with ``when`` and every target's period missing from the services table;
* ``every 12 hours`` said as 「12時ごとに」 (at 12 o'clock);
* a holiday code (``GB-ENG``) shown raw;
* the English page's introduction on the Japanese page of a policy without an original, and an
  empty 提供者 row;
* Japanese typography: 「（金）: 」, an overnight range without 「翌」, spaces between Japanese
  words, line breaks inside Japanese sentences, ASCII colons in the version history.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.docs import calendar_text as ct
from sla_dsl.docs import computed, history
from sla_dsl.docs import text as tx
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang import model as m
from sla_dsl.policy import load_policy
from sla_dsl.policy.compiled import Policy
from sla_dsl.policy.load import compile_path

from .conftest import ROOT, Build
from .htmltables import squash, tables, text_of

EXAMPLES = ROOT / "policies/examples"
#: The example policies' pages in the project's site, by language.
PAGE = {
    "london": {"ja": "sla/london-desk-example", "en": "en/sla/london-desk-example"},
    "plans": {"ja": "sla/plans-example", "en": "en/sla/plans-example"},
    "helpdesk": {"ja": "sla/helpdesk", "en": "en/sla/helpdesk"},
    "saturday": {"ja": "sla/saturday-support-example", "en": "en/sla/saturday-support-example"},
    "clicksoko": {"ja": "sla/click-so-ko", "en": "en/sla/click-so-ko"},
}


def _texts(page: str, tag: str) -> list[str]:
    """The text of every ``<tag>`` of a page's article (tags stripped, entities read, spaces collapsed)."""
    article = page.split("<article", 1)[-1].split("</article>", 1)[0]
    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", article, flags=re.S)
    return [squash(html.unescape(re.sub(r"<[^>]+>", "", x))) for x in found]


def _cell(page: str, table: str, row_id: str) -> str:
    return next(r for r in tables(page)[table] if r.id == row_id).cells[-1]


def _policy_with(tmp_path: Path, source: Path, old: str, new: str) -> Policy:
    text = source.read_text("utf-8")
    assert text.count(old) == 1, old
    path = tmp_path / source.name
    path.write_text(text.replace(old, new), "utf-8")
    return load_policy(str(path))


def _page(policy: Policy, lang: str) -> str:
    return render_policy(policy, PageContext(lang=lang, source_url=""))


# -- 1. a business day's hours, exact ------------------------------------------------------------


def test_a_business_day_of_eight_and_a_half_hours_is_not_said_to_be_eight(site: Build) -> None:
    """London desk, Mon-Fri 09:00-17:30: a business day is 8.5 hours (it said 8, ``int()``)."""
    ja = _texts(site.page(PAGE["london"]["ja"]), "li")
    en = _texts(site.page(PAGE["london"]["en"]), "li")
    assert "英語窓口：月〜金 09:00〜17:30、イングランドの祝日を除く、ロンドン時間で判定、1営業日は8.5営業時間 §" in ja
    assert (
        "English desk: Mon–Fri 09:00–17:30, except public holidays in England, counted in London time, "
        "1 business day = 8.5 business hours §" in en
    )
    # the Company's calendar of the same page keeps its whole 7 hours
    assert "当社営業時間：月〜金 10:00〜12:00、13:00〜18:00、日本の祝日を除く、1営業日は7営業時間 §" in ja


@pytest.mark.parametrize(
    ("minutes", "ja", "en"),
    [
        (420, "7営業時間", "7 business hours"),
        (510, "8.5営業時間", "8.5 business hours"),
        (495, "8.25営業時間", "8.25 business hours"),
        (440, "7営業時間20分", "7 business hours 20 minutes"),
        (60, "1営業時間", "1 business hour"),
        (80, "1営業時間20分", "1 business hour 20 minutes"),
    ],
)
def test_an_amount_of_business_time_is_exact(minutes: int, ja: str, en: str) -> None:
    length = dt.timedelta(minutes=minutes)
    assert (tx.business_hours(length, "ja"), tx.business_hours(length, "en")) == (ja, en)


# -- 2. the worked example follows the rules chosen by attributes -----------------------------------


def test_the_worked_example_uses_the_rule_the_attributes_select(site: Build) -> None:
    """Plans example: one row per rule, with the values that select it, due as the evaluator computes
    (it showed 緊急 twice, both by the standard rule, and no premium or English-line deadline)."""
    ja = [r.cells for r in tables(site.page(PAGE["plans"]["ja"]))["examples"]]
    start = "2026年4月3日(金) 17:00"
    assert ja == [
        ["問題の優先順位", "適用される属性", "応答目標時間", "起算", "期限"],
        ["緊急", "契約プラン = スタンダード", "4営業時間", start, "2026年4月6日(月) 14:00"],
        ["緊急（プレミアム）", "契約プラン = プレミアム", "1時間", start, "2026年4月3日(金) 18:00"],
        ["高", "受付窓口 = 日本語", "1営業日", start, "2026年4月6日(月) 17:00"],
        ["高（英語窓口）", "受付窓口 = 英語", "7営業時間（英語窓口の受付時間）", start, "2026年4月4日(土) 00:00"],
    ]
    en = [r.cells for r in tables(site.page(PAGE["plans"]["en"]))["examples"]]
    assert en[0] == ["Priority", "For", "Response target", "Clock starts", "Due"]
    assert en[2] == ["Urgent (premium)", "Plan = Premium", "1 hour", "Fri 3 Apr 2026 17:00", "Fri 3 Apr 2026 18:00"]
    assert en[4][0:3] == ["High (English line)", "Support line = English", "7 business hours (English desk hours)"]


@pytest.mark.parametrize(
    ("priority", "attribute", "due"),
    [
        ("P1", "plan=standard", "2026-04-06T14:00:00+09:00"),
        ("P1", "plan=premium", "2026-04-03T18:00:00+09:00"),
        ("P2", "channel=ja", "2026-04-06T17:00:00+09:00"),
        ("P2", "channel=en", "2026-04-04T00:00:00+09:00"),
    ],
)
def test_the_worked_example_agrees_with_sla_deadline(priority: str, attribute: str, due: str) -> None:
    """Each row of the worked example is what ``sla deadline --attribute`` says for its values."""
    policy = load_policy(str(EXAMPLES / "plans.sla"))
    example = computed.examples(policy, dt.date(2026, 4, 1))
    assert example is not None and example.start.isoformat() == "2026-04-03T17:00:00+09:00"
    name, value = attribute.split("=")
    row = next(r for r in example.rows if r.rule.id == priority and r.attributes == {name: value})
    assert row.due.isoformat() == due
    sla = Path(sys.executable).with_name("sla")
    args = [str(sla), "deadline", str(EXAMPLES / "plans.sla"), "--priority", priority]
    args += ["--from", example.start.isoformat(), "--attribute", attribute]
    said = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout.strip()
    assert said == due


def test_a_policy_without_rules_chosen_by_attributes_keeps_its_worked_example(site: Build) -> None:
    """Click So-ko: no column of attributes, one row per priority, as before."""
    rows = [r.cells for r in tables(site.page(PAGE["clicksoko"]["ja"]))["examples"]]
    assert rows[0] == ["問題の優先順位", "応答目標時間", "起算", "期限"]
    assert rows[1] == ["優先度１", "4営業時間", "2026年4月3日(金) 17:00", "2026年4月6日(月) 14:00"]


# -- 3. each clock named for what it measures -------------------------------------------------------


def test_each_clock_is_named_for_what_it_measures(site: Build) -> None:
    """Helpdesk: four clocks, only one of them the response clock (all four were called that)."""
    ja = _texts(site.page(PAGE["helpdesk"]["ja"]), "li")
    starts = [x for x in ja if "起算点" in x]
    assert starts == [
        "応答目標時間の起算点：障害の報告を受けた時点",
        "「解決までの時間」の起算点：問題の原因を製品による可能性があると判断した時点。その判断がない場合は障害の報告を受けた時点",
        "「製品起因の初回回答」の起算点：問題の原因を製品による可能性があると判断した時点",
        "「チャットへの初回回答」の起算点：「チャット開始」",
    ]
    en = [x for x in _texts(site.page(PAGE["helpdesk"]["en"]), "li") if "clock starts" in x]
    assert en == [
        "The response clock starts at the receipt of the failure report.",
        "The “Time to resolution” clock starts at the Company's judgement that the product may be the cause; "
        "when there is no such judgement, at the receipt of the failure report.",
        "The “First reply once the product is suspected” clock starts at the Company's judgement that the "
        "product may be the cause.",
        "The “First reply to a chat” clock starts at “Chat started”.",
    ]


def test_a_clock_without_a_label_is_named_by_its_target_not_its_name(tmp_path: Path) -> None:
    policy = _policy_with(
        tmp_path,
        EXAMPLES / "helpdesk.sla",
        'clock resolution "解決までの時間" / "Time to resolution" [art 5]',
        "clock resolution [art 5]",
    )
    ja, en = _texts(_page(policy, "ja"), "li"), _texts(_page(policy, "en"), "li")
    assert "「解決目標時間」の起算点：問題の原因を製品による可能性があると判断した時点。" in " ".join(ja)
    assert any(x.startswith("The “resolution” clock starts at") for x in en)
    cell = next(r for r in tables(_page(policy, "ja"))["priorities"] if r.id == "priority-p1").cells[2]
    assert "解決：「解決目標時間」で2営業日以内" in cell and "resolution" not in cell


# -- 4. a duration on another calendar names it -----------------------------------------------------


def test_a_target_on_another_calendar_names_it_by_its_label(site: Build) -> None:
    """London desk: both targets count the English desk's hours; the English page said ``desk_en``."""
    ja = {r.id: r.cells[2] for r in tables(site.page(PAGE["london"]["ja"]))["priorities"][1:]}
    en = {r.id: r.cells[2] for r in tables(site.page(PAGE["london"]["en"]))["priorities"][1:]}
    assert ja == {"priority-p1": "4営業時間（英語窓口）", "priority-p2": "1営業日（英語窓口）"}
    assert en == {"priority-p1": "4 business hours (English desk)", "priority-p2": "1 business day (English desk)"}
    for key in ("london", "plans"):
        assert "desk_en" not in text_of(site.page(PAGE[key]["en"]).split("<article", 1)[1])
    plans_ja = [r.cells for r in tables(site.page(PAGE["plans"]["ja"]))["plans"]]
    assert ["受付窓口 = 英語", "高（英語窓口）／高", "高（英語窓口）", "7営業時間（英語窓口の受付時間）"] in plans_ja
    plans_ja = [r.cells for r in tables(site.page(PAGE["plans"]["ja"]))["priorities"]]
    # (each rule of a priority with several says whom it is for)
    assert [
        "高（英語窓口） § 受付窓口が英語の場合に限ります。",
        "",
        "7営業時間（英語窓口の受付時間）",
        "",
        "",
    ] in plans_ja
    # a target on the `business` calendar stays as the contract says it
    assert ["高 § その他の場合に適用します。", "", "1営業日", "", ""] in plans_ja


def test_by_the_end_of_a_business_day_on_another_calendar_names_it(tmp_path: Path) -> None:
    policy = _policy_with(
        tmp_path, EXAMPLES / "london_desk.sla", "respond within 1 desk_en day", "respond by end of 2nd desk_en day"
    )
    ja = next(r for r in tables(_page(policy, "ja"))["priorities"] if r.id == "priority-p2").cells[2]
    en = next(r for r in tables(_page(policy, "en"))["priorities"] if r.id == "priority-p2").cells[2]
    assert ja == "2営業日目の終業時刻まで（英語窓口）"
    assert en == "by the end of the 2nd business day (English desk)"


# -- 5. notify only during a calendar's hours -------------------------------------------------------


def test_only_during_a_calendars_hours_means_its_open_hours(site: Build) -> None:
    """Plans example, calendar ``business`` labelled 「営業日」: it read 「営業日内の場合に限ります」. A calendar whose
    label already says hours (Click So-ko's 「当社営業時間」) is said as the SLA says it: 当社営業時間内, not
    「当社営業時間」の営業時間内."""
    ja = _texts(site.page(PAGE["plans"]["ja"]), "li")
    assert "当社が障害を認知した時点が「営業日」の営業時間内の場合に限ります。" in ja
    assert not any("営業日内" in x for x in ja)
    en = _texts(site.page(PAGE["plans"]["en"]), "li")
    assert (
        "Only when the Company's recognition of the failure falls within the open hours of the “Business days” "
        "calendar." in en
    )
    clicksoko = _texts(site.page(PAGE["clicksoko"]["ja"]), "li")
    assert "当社が障害を認知した時点が当社営業時間内の場合に限ります。" in clicksoko


# -- 6. every availability target in the services table ---------------------------------------------


def test_every_availability_target_is_in_the_services_table(site: Build) -> None:
    """Plans example: the premium target (with ``when``) was missing, and every target's period."""
    ja, en = site.page(PAGE["plans"]["ja"]), site.page(PAGE["plans"]["en"])
    # content is under Article 6, portal under Article 2: each article's services table, the second id made unique
    assert _cell(ja, "service-hours-2", "service-content") == (
        "24時間365日 稼働率目標 99.9%（月ごと、契約プランがプレミアムの顧客） 稼働率目標 99.5%（月ごと、その他の顧客）"
    )
    assert _cell(ja, "service-hours", "service-portal") == "24時間365日 稼働率目標 99%（四半期ごと）"
    assert _cell(en, "service-hours-2", "service-content") == (
        "24 hours, 365 days "
        "availability target 99.9% (monthly; customers whose Plan is Premium) "
        "availability target 99.5% (monthly; other customers)"
    )
    assert _cell(en, "service-hours", "service-portal") == "24 hours, 365 days availability target 99% (quarterly)"
    # the credit table's line of a target, in Japanese punctuation
    credits = [r.cells[0] for r in tables(ja)["credits"] if r.cells[0]]
    assert credits[1:] == [
        "コンテンツ配信 契約プランがプレミアムの顧客 目標 99.9%、月ごと",
        "コンテンツ配信 その他の顧客 目標 99.5%、月ごと",
    ]


def test_a_target_written_below_the_general_one_is_shown_as_never_applying(tmp_path: Path) -> None:
    policy = _policy_with(
        tmp_path,
        EXAMPLES / "plans.sla",
        "  availability target 99.0% quarterly\n",
        "  availability target 99.0% quarterly\n  availability target 99.5% quarterly when plan = premium\n",
    )
    assert _cell(_page(policy, "ja"), "service-hours", "service-portal") == (
        "24時間365日 稼働率目標 99%（四半期ごと） 稼働率目標 99.5%（四半期ごと、契約プランがプレミアムの顧客）："
        "前に書かれた目標が先に適用されるため、適用されません"
    )


# -- 7. a frequency is a span, never a time of day -------------------------------------------------


def test_every_12_hours_is_a_span_not_12_oclock(site: Build) -> None:
    ja = {r.cells[0]: r.cells[2] for r in tables(site.page(PAGE["plans"]["ja"]))["backups"][1:]}
    en = {r.cells[0]: r.cells[2] for r in tables(site.page(PAGE["plans"]["en"]))["backups"][1:]}
    assert ja == {"データベース": "毎日1回", "ログ": "12時間ごとに1回"}
    assert en == {"Database": "once a day", "Logs": "once every 12 hours"}


@pytest.mark.parametrize(
    ("amount", "unit", "calendar", "ja", "en"),
    [
        (12, m.TimeUnit.HOUR, None, "12時間ごとに1回", "once every 12 hours"),
        (1, m.TimeUnit.HOUR, None, "1時間ごとに1回", "once every hour"),
        (30, m.TimeUnit.MINUTE, None, "30分ごとに1回", "once every 30 minutes"),
        (45, m.TimeUnit.SECOND, None, "45秒ごとに1回", "once every 45 seconds"),
        (1, m.TimeUnit.DAY, None, "毎日1回", "once a day"),
        (2, m.TimeUnit.DAY, None, "2日ごとに1回", "once every 2 days"),
        (1, m.TimeUnit.WEEK, None, "毎週1回", "once a week"),
        (2, m.TimeUnit.WEEK, None, "2週間ごとに1回", "once every 2 weeks"),
        (1, m.TimeUnit.MONTH, None, "毎月1回", "once a month"),
        (3, m.TimeUnit.MONTH, None, "3ヶ月ごとに1回", "once every 3 months"),
        (4, m.TimeUnit.HOUR, "business", "4営業時間ごとに1回", "once every 4 business hours"),
        (1, m.TimeUnit.DAY, "business", "1営業日ごとに1回", "once every business day"),
    ],
)
def test_every_unit_of_a_frequency(amount: int, unit: m.TimeUnit, calendar: str | None, ja: str, en: str) -> None:
    d = m.Duration(amount=amount, unit=unit, calendar=calendar)
    assert (tx.every(d, "ja"), tx.every(d, "en")) == (ja, en)


# -- 8. holiday codes named as places ---------------------------------------------------------------


def test_a_holiday_code_is_named_as_a_place(site: Build) -> None:
    ja, en = site.page(PAGE["london"]["ja"]), site.page(PAGE["london"]["en"])
    ja_hours = "英語窓口：月〜金 09:00〜17:30（イングランドの祝日を除く）"
    assert _cell(ja, "service-hours", "service-support-en") == ja_hours
    assert _cell(en, "service-hours", "service-support-en") == (
        "English desk: Mon–Fri 09:00–17:30 (except public holidays in England)"
    )
    for page in (ja, en):
        assert "GB-ENG" not in text_of(page.split("<article", 1)[1])


@pytest.mark.parametrize(
    ("code", "ja", "en"),
    [
        ("JP", "日本", "Japan"),
        ("GB-ENG", "イングランド", "England"),
        ("GB-SCT", "スコットランド", "Scotland"),
        ("US", "米国", "the United States"),
        ("DE", "ドイツ", "Germany"),
        ("PT", "ポルトガル", "Portugal"),  # not in the table: CLDR's name (Babel)
        ("US-CA", "カリフォルニア", "California"),  # ISO 3166-2's name and its translation (pycountry)
    ],
)
def test_region_names(code: str, ja: str, en: str) -> None:
    assert (ct.region_name(code, "ja"), ct.region_name(code, "en")) == (ja, en)


# -- 9. the introduction and the header of a policy without an original ---------------------------


def test_a_policy_without_an_original_has_no_english_intro_and_no_empty_provider(site: Build) -> None:
    ja, en = site.page(PAGE["london"]["ja"]), site.page(PAGE["london"]["en"])
    intro = re.search(r'<p class="sla-intro">(.*?)</p>', ja)
    assert intro is not None and intro.group(1) == (
        "このページは SLA のポリシー定義から作成しています。"
        "「読み方」と記した文は、SLA が明記していない点を当社がどう読むかの説明です。"
    )
    assert "英語のページ" not in text_of(ja) and "Japanese original" not in text_of(en)
    assert "<dt>提供者</dt>" not in ja and "<dt>Provider</dt>" not in en
    assert "<dt>版</dt><dd>2026.3</dd>" in ja
    # a policy that names its provider keeps the row
    assert "<dt>提供者</dt><dd>サンプル株式会社</dd>" in site.page(PAGE["helpdesk"]["ja"])
    # the policy with an original keeps its two introductions
    assert "各条の枠内は契約本文（原文のとおり）です。" in text_of(site.page(PAGE["clicksoko"]["ja"]))
    assert "This English page is a reading of the Japanese original" in text_of(site.page(PAGE["clicksoko"]["en"]))


# -- 10. Japanese typography ------------------------------------------------------------------------


def test_a_moved_window_is_listed_with_a_full_width_colon(site: Build) -> None:
    ja = _texts(site.page(PAGE["saturday"]["ja"]), "li")
    assert "2027年2月12日(金)：2027年2月11日(木)（建国記念の日）から延期" in ja
    assert not any("）: " in x for x in ja)
    en = _texts(site.page(PAGE["saturday"]["en"]), "li")
    assert "Fri 12 Feb 2027: postponed from Thu 11 Feb 2027 (Foundation Day)" in en


def test_an_overnight_window_ends_the_next_day(site: Build) -> None:
    """London desk's quarter-end maintenance, 22:00-02:00 Tokyo time."""
    ja, en = site.page(PAGE["london"]["ja"]), site.page(PAGE["london"]["en"])
    assert "2026年3月から3ヶ月ごとの末日 22:00〜翌02:00" in _texts(ja, "li")
    assert "the last day of every 3rd month from March 2026 22:00–02:00 the next day" in _texts(en, "li")
    assert tables(ja)["maintenance-windows"][1].cells[1:3] == ["2026年6月30日(火)", "22:00〜翌02:00"]
    assert tables(en)["maintenance-windows"][1].cells[1:3] == ["Tue 30 Jun 2026", "22:00–02:00 the next day"]


@pytest.mark.parametrize(
    ("start", "end", "ja", "en"),
    [
        (1320, 360, "22:00〜翌06:00", "22:00–06:00 the next day"),
        (1320, 1440, "22:00〜24:00", "22:00–24:00"),
        (1320, 0, "22:00〜24:00", "22:00–24:00"),
        (600, 720, "10:00〜12:00", "10:00–12:00"),
    ],
)
def test_time_ranges(start: int, end: int, ja: str, en: str) -> None:
    r = m.TimeRange(start=m.ClockTime(minutes=start), end=m.ClockTime(minutes=end))
    assert (tx.time_range(r, "ja"), tx.time_range(r, "en")) == (ja, en)


def test_no_space_between_japanese_words_on_the_helpdesk_page(site: Build) -> None:
    ja = site.page(PAGE["helpdesk"]["ja"])
    lines = _texts(ja, "li")
    assert "エンド・ユーザー様への情報提供からエンド・ユーザー様からの返答まで一時停止" in lines
    # (the help desk calls the contract's incident.resolved and incident.responded its own way)
    assert "「解決策のご案内」で停止" in lines
    assert _cell(ja, "priorities", "priority-p1") == "「解決策のご案内」で完了"
    target = next(r for r in tables(ja)["priorities"] if r.id == "priority-p1").cells[2]
    assert target == (
        "1営業時間 解決：「解決までの時間」で2営業日以内 初回回答：「製品起因の初回回答」で2営業時間以内 "
        "定期更新：「解決までの時間」の計測中は4営業時間ごとに「お客様への初回回答」または"
        "エンド・ユーザー様への情報提供"
    )
    japanese = r"[\u3040-\u30ff\u3400-\u9fff（）「」、。：]"
    # (white space just before a line break is no space between words: a browser shows none at a line's end)
    shown = re.sub(r"\s+<br>", "<br>", ja)
    spaced = [x for x in _texts(shown, "li") + _texts(shown, "td") if re.search(rf"{japanese} {japanese}", x)]
    assert not spaced


def test_no_line_break_inside_a_japanese_paragraph_of_the_docs() -> None:
    """A line break inside a Japanese paragraph of ``docs/*.ja.md`` renders as a space."""
    japanese = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60、。「」]")
    pages = sorted(ROOT.glob("docs/**/*.ja.md"))
    assert pages
    for page in pages:
        lines = page.read_text("utf-8").splitlines()
        for a, b in itertools.pairwise(lines):
            prose = a and b and not a.startswith(("#", "|", "<", "-", "`")) and not b.startswith(("#", "|", "<", "-"))
            if prose and japanese.search(a[-1:]) and japanese.search(b[:1]):
                pytest.fail(f"{page.relative_to(ROOT)}: a line break inside a sentence: {a!r} / {b!r}")


def test_the_home_page_sentences_have_no_space_where_the_source_broke_the_line(site: Build) -> None:
    paragraphs = _texts(site.page(""), "p")
    assert (
        "このサイトは、Click So-ko の SLA をポリシー定義ファイルから作成しています。"
        "SLA が改定されると、このサイトの内容も改定後の定めに合わせて作り直されます。" in paragraphs
    )
    assert (
        "定期メンテナンスの予定は、カレンダーのアプリで購読できます（SLA のページの「カレンダーに登録」）。"
        "イベントの形式、レポートの形式、Python からの利用など、エンジニア向けのページはメニューの"
        "「エンジニア向け」にあります。" in paragraphs
    )


def test_the_version_history_in_japanese_type(tmp_path: Path) -> None:
    """A changed field reads 「：」 (not ``: ``) and its time ranges 〜, as everywhere else on the page."""
    source = (EXAMPLES / "plans.sla").read_text("utf-8")
    old_path, new_path = tmp_path / "v1.sla", tmp_path / "v2.sla"
    old_path.write_text(source, "utf-8")
    new_path.write_text(source.replace("hours 10:00-12:00, 13:00-18:00", "hours 09:00-18:00"), "utf-8")
    old, new = compile_path(str(old_path)).model, compile_path(str(new_path)).model
    assert old is not None and new is not None
    ja = [html.unescape(c.describe("ja")) for c in history.diff(old, new)]
    # (and P2's 1 business day, now 9 business hours: tests/author/test_diff_business_days.py)
    assert ja == [
        "営業日の時間帯：10:00〜12:00、13:00〜18:00 → 09:00〜18:00"
        "（休憩12:00〜13:00を廃止、開始時刻：10:00 → 09:00、1日の営業時間：7時間 → 9時間）",
        "P2 高（その他の場合）の応答目標時間：1営業日以内（7営業時間） → 1営業日以内（9営業時間）",
    ]
    en = [html.unescape(c.describe("en")) for c in history.diff(old, new)]
    assert en == [
        "Business days opening hours: 10:00-12:00, 13:00-18:00 -> 09:00-18:00 "
        "(break 12:00-13:00 removed; opens 10:00 -> 09:00; 7 -> 9 business hours a day)",
        "P2 High (in all other cases) response target: within 1 business day (7 business hours) -> "
        "within 1 business day (9 business hours)",
    ]


def test_a_completion_by_silence_reads_as_english() -> None:
    """It read "... after information given to the end user with no a reply from the end user"."""
    page = _page(load_policy(str(ROOT / "policies" / "clicksoko.sla")), "en")
    assert "without a reply from the end user" in page
    assert "with no a " not in page
