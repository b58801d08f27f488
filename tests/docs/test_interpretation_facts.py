"""The project's reading of the SLA (``docs/original/interpretation.*.md``) says what the policy says.

Every fact on those pages that the policy decides is a placeholder (``<!-- sla:fact NAME -->``) that the
``sla`` plugin fills from the compiled policy (:mod:`sla_dsl.docs.facts`): after a change under Article 5
(the P1 target and its same-day cutoff, two company holidays, the maintenance day and hours, as QA's
patch made it) both languages say the new facts and none of the old ones. The pages are rendered through
the plugin's page hook (``on_page_markdown``), as the build calls it, with no build; one test reads the
project's built site (the session's ``site``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

import sla_dsl
from sla_dsl.docs import facts
from sla_dsl.docs.plugin import SlaPlugin

from .conftest import ROOT, Build
from .test_translations import Page, english_runs

POLICY = ROOT / "policies" / "clicksoko.sla"
PAGES = {lang: ROOT / f"docs/original/interpretation.{lang}.md" for lang in ("ja", "en")}
#: A change under Article 5 (the P1 target and the same-day cut-off moved), as text replacements
CHANGE = (
    ("respond within 4 business hours", "respond within 3 business hours"),
    ("same day if received 4 hours before close of business", "same day if received 3 hours before close of business"),
    (
        "  holidays JP                                  # reading 2: national holidays (holidays package)\n",
        '  holidays JP\n  holiday 2026-11-27 "創立記念日" / "Founding day"\n'
        '  holiday 2027-01-28 "臨時休業日" / "Extra closure"\n',
    ),
    ("every month on 4th thu, 22:00-24:00", "every month on 3rd wed, 21:00-23:00"),
)
TODAY = "2026-11-15"

NEW = {
    "ja": [
        "毎月第3水曜日の21:00から23:00まで。",
        "営業日の15:00（終業時刻18:00の3時間前）以前に起算した優先度１（P1）の案件は",
        "優先度１（P1）の応答目標時間（3営業時間）と合っている",
        "月曜日 15:00 ＋ 3営業時間 ＝ 月曜日 18:00 であり、火曜日 10:00 ではない",
        "創立記念日（2026年11月27日(金)）、臨時休業日（2027年1月28日(木)）",
    ],
    "en": [
        "21:00 to 23:00 on the 3rd Wednesday of every month.",
        "A Priority 1 (P1) case whose clock starts on a business day at or before 15:00 (3 hours before the 18:00",
        "the Priority 1 (P1) response target (3 business hours)",
        "Mon 15:00 + 3 business hours = Mon 18:00, not Tue 10:00",
        "Founding day (Fri 27 Nov 2026), Extra closure (Thu 28 Jan 2027)",
    ],
}
OLD = {
    "ja": ["第4木曜日", "22:00", "24:00", "14:00", "4営業時間", "4時間前", "休業日などの例外：なし"],
    "en": ["4th Thursday", "22:00", "24:00", "14:00", "4 business hours", "4 hours before", "declares: none"],
}


def _changed(tmp_path: Path) -> Path:
    text = POLICY.read_text("utf-8")
    for old, new in CHANGE:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "clicksoko.sla"
    path.write_text(text, "utf-8")
    return path


def _plugin(policy: Path, lang: str) -> tuple[SlaPlugin, Any]:
    """The plugin configured with ``policy``, and the config of ``lang``'s build under mkdocs-static-i18n."""
    plugin = SlaPlugin()
    plugin.load_config({"policies": [str(policy)], "today": TODAY})
    i18n = SimpleNamespace(current_language=lang, default_language="ja")
    config: Any = SimpleNamespace(
        config_file_path=str(ROOT / "mkdocs.yml"),
        markdown_extensions=[],
        extra_css=[],
        extra_javascript=[],
        plugins={"i18n": i18n},
    )
    plugin.on_config(config)
    return plugin, config


def _render(policy: Path, lang: str, markdown: str | None = None) -> str:
    """``docs/original/interpretation.<lang>.md`` (or ``markdown`` on that page) through the page hook."""
    plugin, config = _plugin(policy, lang)
    uri = f"original/interpretation.{lang}.md"
    page: Any = SimpleNamespace(file=SimpleNamespace(src_uri=uri, localization=lang, locale=lang))
    text = PAGES[lang].read_text("utf-8") if markdown is None else markdown
    out = plugin.on_page_markdown(text, page=page, config=config, files=None)  # type: ignore[arg-type]
    assert out is not None
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_change_under_article_5_changes_the_reading(tmp_path: Path, lang: str) -> None:
    page = _render(_changed(tmp_path), lang)
    assert "sla:" not in page, "a placeholder was left"
    for fact in NEW[lang]:
        assert fact in page, fact
    for fact in OLD[lang]:
        assert fact not in page, fact


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_policy_as_it_is(lang: str) -> None:
    page = _render(POLICY, lang)
    said = {
        "ja": [
            "毎月第4木曜日の22:00から24:00（翌日の00:00）まで。",
            "営業日の14:00（終業時刻18:00の4時間前）",
            "例外：なし",
        ],
        "en": [
            "22:00 to 24:00 (the next day's 00:00) on the 4th Thursday",
            "at or before 14:00 (4 hours",
            "declares: none",
        ],
    }[lang]
    for fact in said:
        assert fact in page, fact


def test_the_japanese_reading_holds_no_english(tmp_path: Path) -> None:
    """The facts are worded in Japanese on the Japanese page: English only in code (event names)."""
    for policy in (POLICY, _changed(tmp_path)):
        rendered = tmp_path / "rendered.ja.md"
        rendered.write_text(_render(policy, "ja"), "utf-8")
        runs = english_runs(Page.read(rendered).words())
        assert not runs, runs
        assert not re.search(r"Asia/Tokyo|\bJP\b(?!`)", Page.read(rendered).words())


def test_every_fact_is_on_both_pages_in_the_same_order() -> None:
    """(So a fact added to one language's page is added to the other's.)"""
    names = {
        lang: re.findall(r"<!--\s*sla:fact\s+(\S+)\s*-->", path.read_text("utf-8")) for lang, path in PAGES.items()
    }
    assert names["ja"] == names["en"] and len(names["ja"]) >= 15, names
    policy = sla_dsl.load_policy(POLICY)
    assert set(names["ja"]) <= set(facts.known(policy))


@pytest.mark.parametrize(
    ("markdown", "named"),
    [
        ("営業時間は<!-- sla:fact buisness_hours -->である。", "<!-- sla:fact buisness_hours -->"),
        ("| 9 | 通知 | <!-- sla:fact notify.recover --> |", "<!-- sla:fact notify.recover -->"),
        ("毎月<!-- sla:maintenance -->に行う。", "<!-- sla:maintenance -->"),
    ],
)
def test_an_unknown_placeholder_stops_the_build(markdown: str, named: str) -> None:
    with pytest.raises(PluginError) as info:
        _render(POLICY, "ja", markdown)
    text = str(info.value)
    assert text.startswith("sla: original/interpretation.ja.md: unknown placeholder") and named in text, text


def test_a_block_marker_is_left_to_the_markers() -> None:
    """A marker alone on its line is the plugin's block marker, not a fact (``<!-- sla:cli -->``)."""
    policy = sla_dsl.load_policy(POLICY)
    text = "前\n<!-- sla:cli -->\n後 <!-- sla:fact timezone -->"
    assert facts.fill(text, policy, "ja", dt.date(2026, 11, 15)) == "前\n<!-- sla:cli -->\n後 日本標準時（UTC+9）"


def test_the_built_reading_pages(site: Build) -> None:
    """The project's site: no placeholder left, the policy's facts in each language's page."""
    ja, en = site.page("original/interpretation"), site.page("en/original/interpretation")
    for html in (ja, en):
        assert "sla:fact" not in html and "&lt;!--" not in html
    assert "毎月第4木曜日の22:00から24:00（翌日の00:00）まで" in ja
    assert "22:00 to 24:00 (the next day's 00:00) on the 4th Thursday of every month" in en
