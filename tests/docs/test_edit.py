"""An edit to the policy (Article 5) changes the published pages with no other edit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, mkdocs_build
from .htmltables import tables, text_of

pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")

OLD_P1 = "respond within 4 business hours"
NEW_P1 = "respond within 2 business hours"
OLD_MT = "every month on 4th thu, 22:00-24:00"
NEW_MT = "every month on 3rd wed, 22:00-24:00"


def _edited(text: str, version: str | None = None) -> str:
    assert text.count(OLD_P1) == 1 and text.count(OLD_MT) == 1
    text = text.replace(OLD_P1, NEW_P1).replace(OLD_MT, NEW_MT)
    if version:
        text = text.replace('version "2026.1"', f'version "{version}"').replace(
            "effective 2026-04-01", "effective 2026-10-01"
        )
    return text


def _site(tmp: Path, policies: list[Path], today: str = "2026-04-01") -> Path:
    docs = tmp / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Test site\n", "utf-8")
    listed = "\n".join(f"        - {p}" for p in policies)
    config = tmp / "mkdocs.yml"
    config.write_text(
        f"site_name: edited\ntheme:\n  name: material\nplugins:\n  - sla:\n      policies:\n{listed}\n"
        f"      today: {today}\n",
        "utf-8",
    )
    return config


def test_edited_policy_changes_the_site(tmp_path: Path) -> None:
    policy = tmp_path / "clicksoko.sla"
    policy.write_text(_edited((ROOT / "policies/clicksoko.sla").read_text("utf-8")), "utf-8")
    build = mkdocs_build(_site(tmp_path, [policy]), tmp_path / "site")
    en_html, ja_html = build.page("sla/click-so-ko/en"), build.page("sla/click-so-ko/ja")
    en, ja = text_of(en_html), text_of(ja_html)

    p1_en = next(r for r in tables(en_html)["priorities"] if r.id == "priority-p1")
    p1_ja = next(r for r in tables(ja_html)["priorities"] if r.id == "priority-p1")
    assert p1_en.cells[2] == "2 business hours" and p1_ja.cells[2] == "2営業時間"
    assert "4 business hours" not in en and "4営業時間" not in ja

    assert "the 3rd Wednesday of every month 22:00–24:00" in en
    assert "毎月第3水曜日 22:00〜24:00" in ja
    assert "4th Thursday of every month" not in en and "毎月第4木曜日" not in ja
    dates = [r.cells[1] for r in tables(en_html)["maintenance-windows"][1:]]
    assert dates[:3] == ["Wed 15 Apr 2026", "Wed 20 May 2026", "Wed 17 Jun 2026"]
    assert not any(d.startswith("Thu") for d in dates)

    example = {r.cells[0]: r.cells for r in tables(en_html)["examples"][1:]}
    assert example["Priority 1"][2:] == ["Fri 3 Apr 2026 17:00", "Mon 6 Apr 2026 11:00"]
    assert "Mon 6 Apr 2026 14:00" not in en
    assert "received Wed 1 Apr 2026 at 14:00, due Wed 1 Apr 2026 16:00" in en


def test_postponed_window_is_marked(tmp_path: Path) -> None:
    build = mkdocs_build(_site(tmp_path, [ROOT / "policies/clicksoko.sla"], today="2027-09-01"), tmp_path / "site")
    rows = tables(build.page("sla/click-so-ko/en"))["maintenance-windows"][1:]
    assert rows[0].cells[1:] == [
        "Fri 24 Sep 2027",
        "22:00–24:00",
        "postponed from Thu 23 Sep 2027 (Autumnal Equinox Day)",
    ]
    ja_rows = tables(build.page("sla/click-so-ko/ja"))["maintenance-windows"][1:]
    assert ja_rows[0].cells[3] == "2027年9月23日(木)（秋分の日）から延期"
    assert 'class="sla-postponed"' in build.page("sla/click-so-ko/en")


def test_two_versions_give_a_history(tmp_path: Path) -> None:
    old = ROOT / "policies/clicksoko.sla"
    new = tmp_path / "clicksoko-2026.2.sla"
    new.write_text(_edited(old.read_text("utf-8"), version="2026.2"), "utf-8")
    build = mkdocs_build(_site(tmp_path, [new, old]), tmp_path / "site")
    en_html = build.page("sla/click-so-ko/en")
    rows = tables(en_html)["versions"][1:]
    assert [r.cells[0] for r in rows] == ["2026.1", "2026.2"]
    assert rows[0].cells[2] == "first version"
    assert "P1 Priority 1 response target: within 4 business hours -> within 2 business hours" in rows[1].cells[2]
    assert (
        "Regular maintenance stop day: 4th Thursday of every month -> 3rd Wednesday of every month" in rows[1].cells[2]
    )
    # the newest version is the one rendered; the older source has its own page
    assert next(r for r in tables(en_html)["priorities"] if r.id == "priority-p1").cells[2] == "2 business hours"
    assert (build.site / "sla/click-so-ko/source-2026-1/index.html").exists()
    ja_rows = tables(build.page("sla/click-so-ko/ja"))["versions"][1:]
    assert "P1 優先度１の応答目標時間：4営業時間以内 → 2営業時間以内" in ja_rows[1].cells[2]
    assert "定期メンテナンス停止の実施日：毎月第4木曜日 → 毎月第3水曜日" in ja_rows[1].cells[2]


def test_a_broken_policy_stops_the_build(tmp_path: Path) -> None:
    policy = tmp_path / "broken.sla"
    policy.write_text((ROOT / "policies/clicksoko.sla").read_text("utf-8").replace(OLD_P1, "respond within 4 hurs"))
    config = _site(tmp_path, [policy])
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0
    # at the bad unit itself, with the unit it misspells
    line = policy.read_text("utf-8").splitlines().index("  respond within 4 hurs") + 1
    # in the policy's primary language (Japanese), as `sla check` says it
    assert f"broken.sla:{line}:20: error: [E015]" in proc.stderr, proc.stderr
    assert "`4 hours` と書いてください" in proc.stderr
