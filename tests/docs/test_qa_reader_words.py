"""A customer's reading of the Click So-ko page (and every policy page like it) as Japanese prose.

A review as a customer of Click So-ko (an office manager reading the page, not an engineer) found words
the page's generators put together without reading the result:

* a service's hours leaving out two things said ``（定期メンテナンスを除く、計画停止を除く）``: one
  ``を除く`` for both, as ``sla diff`` says it (``except regular maintenance and planned stops``);
* the recovery notice's condition said ``「当社営業時間」の営業時間内`` (the calendar's label is already
  hours): ``当社営業時間内``, as the SLA says it;
* the backups table's frequency of a continuous backup said ``逐次バックアップ`` (the kind again, under
  頻度), its method cell blank where the table's other empty cells say ``—`` (and なし to a screen reader),
  and the SLA items table's remark a list of nouns (``逐次バックアップ。異なるアベイラビリティ・ゾーン。``).

Each is checked on every policy page the site builds, in both languages, so another policy cannot bring
the same words back."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sla_dsl.docs import facts
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy

from .conftest import ROOT

POLICIES = [ROOT / "policies/clicksoko.sla", *sorted((ROOT / "policies/examples").glob("*.sla"))]


def _page(path: Path, lang: str) -> str:
    ctx = PageContext(lang=lang, source_url="", reference=dt.date(2026, 4, 1), maintenance_count=3)
    return render_policy(load_policy(path), ctx)


def _clicksoko(lang: str) -> str:
    return _page(ROOT / "policies/clicksoko.sla", lang)


def _plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.stem)
def test_no_japanese_page_says_except_twice_or_hours_of_hours(path: Path) -> None:
    text = _plain(_page(path, "ja"))
    assert not re.findall(r"（[^（）]*を除く、[^（）]*を除く）", text)
    assert not re.findall(r"時間」の営業時間", text)


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.stem)
def test_no_english_page_says_except_twice(path: Path) -> None:
    assert not re.findall(r"\(except [^()]*, except ", _plain(_page(path, "en")))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "24時間365日（定期メンテナンス、計画停止を除く）"),
        ("en", "24 hours, 365 days (except regular maintenance and planned stops)"),
    ],
)
def test_the_content_service_leaves_out_both_in_one_phrase(lang: str, said: str) -> None:
    assert said in _plain(_clicksoko(lang))


def test_the_recovery_notice_is_limited_to_the_companys_hours_as_the_sla_says() -> None:
    assert "当社が障害を認知した時点が当社営業時間内の場合に限ります。" in _plain(_clicksoko("ja"))


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_cell_of_a_backups_table_is_blank(path: Path, lang: str) -> None:
    html = _page(path, lang)
    if '<table id="backups">' not in html:
        pytest.skip("no backups")
    table = html.split('<table id="backups">', 1)[1].split("</table>", 1)[0]
    cells = re.findall(r"<t[dh]\b[^>]*>(.*?)</t[dh]>", table, re.S)
    assert cells and all(_plain(c).strip() for c in cells), cells


@pytest.mark.parametrize(("lang", "often"), [("ja", "逐次"), ("en", "continuous")])
def test_a_continuous_backups_frequency_says_how_often(lang: str, often: str) -> None:
    table = _clicksoko(lang).split('<table id="backups">', 1)[1].split("</table>", 1)[0]
    row = next(r for r in table.split("<tr")[1:] if 'id="backup-continuous"' in r)
    assert re.findall(r"<td>(.*?)</td>", row, re.S)[1] == often


def test_the_items_remark_of_a_continuous_backup_is_a_sentence() -> None:
    assert "逐次バックアップ。異なるアベイラビリティ・ゾーンで取得。" in _plain(_clicksoko("ja"))


@pytest.mark.parametrize("path", POLICIES, ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_reading_names_each_backup_kind_by_its_label(path: Path, lang: str) -> None:
    """The project's reading (``<!-- sla:fact backups -->``) said the kinds by their names alone (``database、
    files、machine_image``, ``continuousのバックアップ``): English words on the Japanese page. Each is now
    named with its label where first said, as the exclusions' causes and the events are."""
    policy = load_policy(path)
    said = facts.fill("<!-- sla:fact backups -->", policy, lang, dt.date(2026, 4, 1))
    for b in policy.model.backups:
        label = b.label.text(lang)
        if label:
            assert f"`{b.kind}`（{label}）" in said if lang == "ja" else f"`{b.kind}` ({label})" in said, said
    if lang == "ja":
        assert "のバックアップのバックアップ" not in said and "）のバックアップは" not in said, said
