"""An exclusion is named under the article the policy gives it, never under a fixed "Article 4".

helpdesk.sla excludes ``customer_fault`` under Article 6 (``exclude customer_fault … [art 6]``), but ``sla
explain`` of its excluded incident H6 and the report's ``適用外（第4条）`` said Article 4; plans.sla gives its
exclusion no article, and was still told Article 4. Now an excluded incident or outage is worded under the
article of the exclusion that applied (``第6条により適用外（お客様の責による問題）``), without a number when
it cites none; a line about exclusions in general (the availability table's row) lists their articles, or
none; and the appendix of articles lists the exclusion's article when an exclusion was applied (the summary
row whose count it changed cites it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

EXAMPLES = ROOT / "policies" / "examples"
HELPDESK, HELPDESK_EVENTS = EXAMPLES / "helpdesk.sla", EXAMPLES / "helpdesk-events.jsonl"
PLANS = EXAMPLES / "plans.sla"
AS_OF = "2026-11-27T12:00:00+09:00"


def _out(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


def _rows(out: str, title: str) -> list[list[str]]:
    block = next(b for b in out.split("\n\n") if b.startswith(title))
    return [re.split(r"\s{2,}", x.strip()) for x in block.splitlines()[2:] if x.startswith("  ")]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "第6条により適用外（お客様の責による問題）：目標なし"),
        ("en", "excluded under Art. 6 (Caused by the customer): no target"),
    ],
)
def test_an_excluded_incident_is_explained_under_its_exclusion_s_article(lang: str, said: str) -> None:
    out = _out("explain", HELPDESK, HELPDESK_EVENTS, "H6", "--lang", lang, "--as-of", AS_OF)
    assert said in out, out
    assert "第4条" not in out and "Article 4" not in out and "Art. 4" not in out


def test_the_appendix_lists_the_article_of_an_exclusion_that_applied() -> None:
    """H6 (P1) is excluded under Article 6: the P1 response row cites it, so the appendix lists it."""
    out = _out("evaluate", HELPDESK, HELPDESK_EVENTS, *MONTH, "--as-of", AS_OF, "--format", "text", "--lang", "ja")
    summary = {r[0]: r for r in _rows(out, "総括")}
    assert summary["P1 緊急の応答"][-1] == "第5条、第6条"
    assert summary["P2 高の応答"][-1] == "第5条"  # no P2 was excluded
    assert ["第6条", "適用除外", "お客様の責による問題"] in _rows(out, "参照した規定")
    en = _out("evaluate", HELPDESK, HELPDESK_EVENTS, *MONTH, "--as-of", AS_OF, "--format", "html", "--lang", "en")
    assert 'id="art-6"' in en and 'href="#art-6"' in en


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "復旧情報通知時間：第4条により適用外（天災地変その他の不可抗力によるサービス停止）"),
        ("en", "Recovery-information notice time: excluded under Art. 4 (Service stops caused by natural disasters"),
    ],
)
def test_an_excluded_outage_is_explained_under_its_exclusion_s_article(lang: str, said: str) -> None:
    """Click So-ko's exclusions cite Article 4: so said, from the policy (OUT-05 is force majeure)."""
    out = _out("explain", POLICY, EXAMPLE, "OUT-05", "--lang", lang)
    assert said in out.splitlines()[0], out


def test_the_availability_row_names_the_exclusions_articles() -> None:
    ja = _out("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "text", "--lang", "ja")
    assert ["適用外（第4条）", "2:00"] in _rows(ja, "稼働率")
    en = _out("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "text", "--lang", "en")
    assert ["Excluded (Art. 4)", "2:00"] in _rows(en, "Availability")
    # the summary's availability row cites the exclusion that applied to an outage (OUT-05), so the
    # appendix lists Article 4
    assert next(r for r in _rows(ja, "総括") if r[0].startswith("稼働率"))[-1] == "第2条の(1) 項番1、第4条"
    assert any(r[0] == "第4条" for r in _rows(ja, "参照した規定"))


def test_several_articles_are_listed(tmp_path: Path) -> None:
    policy = tmp_path / "clicksoko.sla"
    text = POLICY.read_text("utf-8")
    old = '"Service stops caused by the user\'s intent or negligence" [art 4]'
    assert old in text
    policy.write_text(text.replace(old, old.replace("[art 4]", "[art 4.2]")), "utf-8")
    ja = _out("evaluate", policy, EXAMPLE, *MONTH, "--format", "text", "--lang", "ja")
    assert _rows(ja, "稼働率")[2][0] == "適用外（第4条、第4条の(2)）"
    en = _out("evaluate", policy, EXAMPLE, *MONTH, "--format", "text", "--lang", "en")
    assert _rows(en, "Availability")[2][0] == "Excluded (Art. 4, Art. 4.2)"


@pytest.fixture(scope="module")
def plans_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An outage of plans.sla's content service by force majeure, an exclusion that cites no article."""
    events = [
        {"event": "outage.started", "at": "2026-11-10T10:00:00+09:00", "id": "FM-1", "cause": "force_majeure"},
        {"event": "outage.ended", "at": "2026-11-10T11:00:00+09:00", "id": "FM-1"},
    ]
    path = tmp_path_factory.mktemp("plans") / "fm.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_exclusion_without_an_article_is_named_without_a_number(plans_log: Path, lang: str) -> None:
    explained = _out("explain", PLANS, plans_log, "FM-1", "--lang", lang)
    said = "復旧情報の通知：適用外（不可抗力）" if lang == "ja" else "Recovery notice: excluded (Force majeure)"
    assert said in explained.splitlines()[0], explained
    out = _out("evaluate", PLANS, plans_log, *MONTH, "--format", "text", "--lang", lang)
    rows = _rows(out, "稼働率" if lang == "ja" else "Availability")
    assert rows[2] == (["適用外", "1:00"] if lang == "ja" else ["Excluded", "1:00"])
    for text in (explained, out):  # no exclusion is said to be under an article
        assert not re.search(r"により適用外|excluded under|適用外（第", text)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_no_fixed_article_is_left_in_the_report(fmt: str) -> None:
    """The helpdesk report (exclusions under Article 6) and Click So-ko's (Article 4: from its policy) say no
    "Article 4" of their own: the legend of the timeline included."""
    for lang in ("ja", "en"):
        out = _out("evaluate", HELPDESK, HELPDESK_EVENTS, *MONTH, "--as-of", AS_OF, "--format", fmt, "--lang", lang)
        assert "第4条" not in out and "Article 4" not in out and "Art. 4" not in out, (fmt, lang)
        out = _out("evaluate", POLICY, EXAMPLE, *MONTH, "--format", fmt, "--lang", lang)
        assert "Article 4" not in out, (fmt, lang)  # (its `第4条` / `Art. 4` are the policy's own [art 4])
