"""A later version that keeps the original (``source``) of an earlier one (Article 5).

Version ``2026.3`` of the example policy keeps ``source "clicksoko-sla-ja.txt"`` but changes its rules
(maintenance on the 3rd Wednesday 21:00-23:00, a planned stop's notice 2 weeks, P2 within 5 business
hours, the AMI backup and an exclusion removed) and Article 5's text (a second sentence). Its Japanese
page shows the original's lines, which are ``2026.1``'s text: each box says so, a sentence says the rules
under them are ``2026.3``'s (its changes in the version history), and Article 5's new sentence is on the
page in a box of its own. The page of the first version, and a policy's without versions, are as before.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.docs import history, original
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import Policy

from .conftest import ROOT, Build, mkdocs_build

V1 = (ROOT / "policies/clicksoko.sla").read_text("utf-8")
ORIGINAL = ROOT / "docs/original/clicksoko-sla-ja.txt"
ADDED = "変更の 30 日前までにお客様に通知します。"
ADDED_EN = "It notifies customers at least 30 days before a change."
OLD_LABEL = "契約本文（原文のとおり）"
LABEL = "契約本文（版 2026.1 の原文のとおり）"
EDIT_LABEL = "版 2026.3 で定めた本文"
SAID = (
    "各条の原文の枠の後に示す規定は、このページの版 2026.3 のもので、"
    '版 2026.1 からの変更点は<a href="#version-history">改版履歴</a>に示しています。'
)


def _v3() -> str:
    """2026.3: the rules changed, Article 5's text given a second sentence, the ``source`` kept."""
    text = V1
    for old, new in (
        ('version "2026.1"', 'version "2026.3"'),
        ("effective 2026-04-01", "effective 2026-10-01"),
        ("every month on 4th thu, 22:00-24:00", "every month on 3rd wed, 21:00-23:00"),
        ("notice 1 week before start date by email", "notice 2 weeks before start date by email"),
        ("respond within 1 business day ", "respond within 5 business hours "),
        (", backup machine_image\n", "\n"),
        ('exclude customer_fault "利用者の故意または過失に起因するサービス停止"', "# (removed)"),
        (
            'text "当社は、本書の内容を変更する場合があります。"',
            f'text "当社は、本書の内容を変更する場合があります。{ADDED}"',
        ),
        (
            '/ "The Company may change the contents of this document."',
            f'/ "The Company may change the contents of this document. {ADDED_EN}"',
        ),
    ):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    start = text.index('backup machine_image "AMI')
    text = text[:start] + text[text.index("}\n", start) + 2 :]
    return re.sub(r"# \(removed\).*\n", "\n", text)


def _site(tmp_path: Path, *policies: str) -> Path:
    (tmp_path / "docs/original").mkdir(parents=True)
    (tmp_path / "docs/index.md").write_text("# t\n", "utf-8")
    shutil.copy(ORIGINAL, tmp_path / "docs/original" / ORIGINAL.name)
    names = []
    for k, text in enumerate(policies):
        names.append(f"p{k}.sla")
        (tmp_path / names[-1]).write_text(text, "utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: t\nplugins:\n  - sla:\n      policies: [{', '.join(names)}]\n      languages: [ja, en]\n"
        "      schemas: false\n      today: 2026-11-01\n",
        "utf-8",
    )
    return config


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The site of 2026.1 and 2026.3, built when 2026.3 is in force."""
    pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")
    tmp = tmp_path_factory.mktemp("both")
    return mkdocs_build(_site(tmp, V1, _v3()), tmp / "site")


def _boxes(page: str) -> list[tuple[str, str, list[str]]]:
    """Each box on the page: its classes, its label and its lines."""
    out = []
    for cls, inner in re.findall(r'<div class="(sla-contract[^"]*)" lang="ja">(.*?)</div>', page, re.S):
        label = re.search(r'<p class="sla-contract-label">(.*?)</p>', inner)
        assert label is not None, inner
        lines = re.findall(r"<p>(.*?)</p>", inner)
        out.append((cls, label.group(1), lines))
    return out


def _article(page: str, n: int) -> str:
    """The HTML of article ``n`` (from its heading to the next ``h2``)."""
    start = page.index(f'id="article-{n}"')
    end = page.find("<h2", start)
    return page[start : end if end >= 0 else len(page)]


# -- a later version: whose text the boxes are ---------------------------------------------------


def test_the_boxes_say_they_are_the_earlier_versions_original(both: Build) -> None:
    page = both.page("sla/click-so-ko/ja")
    boxes = [b for b in _boxes(page) if b[0] == "sla-contract"]
    assert len(boxes) >= 6, boxes
    assert {label for _, label, _ in boxes} == {LABEL}
    assert f'<p class="sla-contract-label">{OLD_LABEL}</p>' not in page
    # the boxes still hold 2026.1's words, now said to be 2026.1's
    words = " ".join(line for _, _, lines in boxes for line in lines)
    assert "第 4木曜日" in words and "1週間前" in words and "AMI バックアップ" in words


def test_a_sentence_says_the_rules_are_the_pages_version(both: Build) -> None:
    page = both.page("sla/click-so-ko/ja")
    assert page.count(SAID) == 1
    assert 'id="version-history"' in page
    # after the intro, before the first box
    assert page.index("各条の枠内は契約本文") < page.index(SAID) < page.index('class="sla-contract"')
    # the readings under the boxes are 2026.3's
    assert "第3水曜日" in page and "2週間前" in page


# -- a later version: the author's edit of an article's text -------------------------------------


def test_the_edited_text_is_on_the_japanese_page_in_its_own_box(both: Build) -> None:
    page = both.page("sla/click-so-ko/ja")
    art5 = _article(page, 5)
    boxes = _boxes(art5)
    assert [(cls, label) for cls, label, _ in boxes] == [
        ("sla-contract", LABEL),
        ("sla-contract sla-version-text", EDIT_LABEL),
    ]
    assert boxes[0][2] == ["当社は、本書の内容を変更する場合があります。"]
    assert boxes[1][2] == [ADDED]  # only the sentence the original does not have
    # no other article has one: their texts are the original's
    assert page.count("sla-version-text") == 1
    assert page.count(ADDED) == 2  # the box, and the version history's change


def test_the_english_page_shows_the_text_and_no_box(both: Build) -> None:
    page = both.page("sla/click-so-ko/en")
    assert ADDED_EN in _article(page, 5)
    assert "sla-contract" not in page and "version-history" in page


# -- the first version, and a policy without versions: as before ----------------------------------


def test_a_policy_without_versions_is_as_before(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")
    page = mkdocs_build(_site(tmp_path, V1), tmp_path / "site").page("sla/click-so-ko/ja")
    assert {label for _, label, _ in _boxes(page)} == {OLD_LABEL}
    assert "sla-version-text" not in page and "の原文のとおり" not in page
    assert "このページの版" not in page


def _page(policy: Policy, versions: list[Policy], lang: str = "ja") -> str:
    entries, prev = [], None
    for pol in versions:
        entries.append((pol, history.diff(prev.model, pol.model) if prev is not None else [], None))
        prev = pol
    ctx = PageContext(lang=lang, source_url="", versions=entries, original=ORIGINAL.read_text("utf-8"))
    return render_policy(policy, ctx)


def test_the_first_versions_page_is_as_before() -> None:
    v1, v3 = sla_dsl.load_policy(V1), sla_dsl.load_policy(_v3())
    page = _page(v1, [v1, v3])
    assert {label for _, label, _ in _boxes(page)} == {OLD_LABEL}
    assert "sla-version-text" not in page and "このページの版" not in page


def test_the_original_is_the_earliest_version_of_the_same_source() -> None:
    """A version before the policy named its original has no part in it: the boxes are 2026.1's."""
    v0 = V1.replace('version "2026.1"', 'version "2025.1"').replace("effective 2026-04-01", "effective 2025-04-01")
    v0 = v0.replace('  source "clicksoko-sla-ja.txt"\n', "")
    policies = [sla_dsl.load_policy(t) for t in (v0, V1, _v3())]
    assert policies[0].model.header.source != policies[1].model.header.source
    assert {label for cls, label, _ in _boxes(_page(policies[2], policies)) if cls == "sla-contract"} == {LABEL}
    assert {label for _, label, _ in _boxes(_page(policies[1], policies))} == {OLD_LABEL}


# -- the sentences the original does not have ---------------------------------------------------


def test_added_compares_sentences_without_spaces_and_widths() -> None:
    lines = original.articles(ORIGINAL.read_text("utf-8"))
    # a sentence with 。 inside brackets is one sentence, and it is the original's
    art1 = (
        "本 SLA の対象サービスは、MIC 株式会社（以下、「当社」と呼称します。）が実施する「Click So-ko」について適用"
        "されます。"
    )
    assert original.sentences(art1) == [art1]
    assert original.added(art1, lines[1]) == []
    # two sentences on two of the original's lines; spaced and widened otherwise than the original
    art2 = (
        "本契約に基づき、当社が提供するサービス提供時間帯は、以下のとおりとします。"
        "但し時間帯により提供するサービスの範囲が異なります。"
    )
    assert original.added(art2, lines[2]) == []
    assert original.added("作業実施日の 1 週間前までにメールにて通知を行います。", lines[2]) == []
    assert original.added("優先度1 実環境における障害で", lines[3]) == []
    assert original.added(f"当社は、本書の内容を変更する場合があります。{ADDED}", lines[5]) == [ADDED]
    assert original.added("本書を変更します", []) == ["本書を変更します"]
