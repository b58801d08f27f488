"""The customers' site (``mkdocs-customer.yml``): the SLA in Japanese first, the original, nothing else."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import ROOT, mkdocs_build
from .htmltables import tables, text_of

pytest.importorskip("mkdocs", reason="mkdocs is not installed (pip install -e '.[test]')")


def test_customer_site(tmp_path: Path) -> None:
    build = mkdocs_build(ROOT / "mkdocs-customer.yml", tmp_path / "site")
    assert "WARNING" not in build.output, build.output
    ja, en = build.page(""), build.page("en")
    # Japanese at the root, the policy itself is the home page; English under en/
    assert re.search(r'<html lang="ja"', ja) and re.search(r'<html lang="en"', en)
    assert "第3条（SLA の設定）" in text_of(ja) and "Article 3 (SLA settings)" in text_of(en)
    assert tables(ja)["maintenance-windows"][1].cells[1] == "2026年4月23日(木)"
    # no author-only clutter: no links to policy source lines, no source pages, no engineers' pages
    for page in (ja, en):
        assert "sla-src" not in page and "§" not in page and "ポリシー定義" not in text_of(page)
        assert "policy source" not in text_of(page).lower()
    built = {p.relative_to(build.site).as_posix() for p in build.site.rglob("index.html")}
    assert not any(p.startswith(("engineers/", "authors/", "reference/", "operators/")) for p in built), built
    assert not any("source" in p for p in built), built
    assert {"original/index.html", "en/original/index.html"} <= built
    assert (build.site / "sla/click-so-ko/maintenance.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    # Material's language menu goes between the two versions of the same page
    assert re.search(r'href="[^"]*en/"[^>]*hreflang="en"', ja)
