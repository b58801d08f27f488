"""The project's site builds with ``mkdocs build --strict`` and holds the generated pages."""

from __future__ import annotations

import json
import re

from .conftest import POLICY_PAGE, ROOT, Build
from .htmltables import tables, text_of


def test_strict_build_has_no_warning(site: Build) -> None:
    assert "WARNING" not in site.output, site.output
    print(f"site built in {site.seconds:.1f} s")


def test_policy_pages_in_both_languages(site: Build) -> None:
    ja = text_of(site.page(POLICY_PAGE["ja"]))
    en = text_of(site.page(POLICY_PAGE["en"]))
    for n, title in enumerate(
        ["本 SLA の対象範囲", "サービス提供時間帯", "SLA の設定", "SLA の適用外", "SLA の変更"], 1
    ):
        assert f"第{n}条（{title}）" in ja
    for n, title in enumerate(["Scope of this SLA", "Service hours", "SLA settings", "Exclusions from the SLA"], 1):
        assert f"Article {n} ({title})" in en
    # Article order is the policy's
    assert en.index("Article 1 (") < en.index("Article 2 (") < en.index("Article 5 (")


def test_computed_content(site: Build) -> None:
    en = site.page(POLICY_PAGE["en"])
    ja = site.page(POLICY_PAGE["ja"])
    windows = tables(en)["maintenance-windows"][1:]
    assert len(windows) == 12
    assert windows[0].cells[1:3] == ["Thu 23 Apr 2026", "22:00–24:00"]
    # postponements over the next years, with the holiday named
    assert "Fri 24 Sep 2027: postponed from Thu 23 Sep 2027 (Autumnal Equinox Day)" in text_of(en)
    assert "2027年9月24日(金)：2027年9月23日(木)（秋分の日）から延期" in text_of(ja)
    # the P1 same-day cutoff: 4 hours before the 18:00 close
    assert (
        "received on a business day by 14:00 (4 hours before the 18:00 close), the response target falls due "
        "the same day" in text_of(en)
    )
    # worked example: reported Friday 17:00 -> P1 due Monday 14:00
    example = {r.cells[0]: r.cells for r in tables(en)["examples"][1:]}
    assert example["Priority 1"][2:] == ["Fri 3 Apr 2026 17:00", "Mon 6 Apr 2026 14:00"]
    assert example["Priority 2"][3] == "Mon 6 Apr 2026 17:00"
    assert example["Priority 3"][3] == "Fri 10 Apr 2026 17:00"


def test_sections_link_to_source_lines(site: Build) -> None:
    en = site.page(POLICY_PAGE["en"])
    source = site.page("sla/click-so-ko/source")
    links = set(re.findall(r'href="source/#(L\d+(?:-L\d+)?)"', en))
    assert len(links) > 10
    ids = set(re.findall(r'id="(L-?\d+(?:-L\d+)?)"', source))
    ends = {f"L-{n}" for link in links for n in re.findall(r"\d+", link)}
    assert ends <= ids, f"links to lines the source page does not anchor: {sorted(ends - ids)}"
    # P1 and the maintenance declaration have their own anchors (from their first line to their closing brace)
    lines = (ROOT / "policies/clicksoko.sla").read_text("utf-8").splitlines()

    def decl(start: str) -> str:
        first = next(i for i, line in enumerate(lines, 1) if line.startswith(start))
        last = next(i for i, line in enumerate(lines, 1) if i > first and line.startswith("}"))
        return f"L{first}-L{last}"

    p1, regular = decl("priority P1 "), decl("maintenance regular ")
    assert {p1, regular} <= ids
    assert p1 in links
    assert 'class="kd">priority</span>' in source  # highlighted by the sla lexer


def test_items_link_to_rules(site: Build) -> None:
    en = site.page(POLICY_PAGE["en"])
    targets = set(re.findall(r'href="#([a-z0-9-]+)"', en))
    ids = set(re.findall(r'id="([a-z0-9-]+)"', en))
    assert {"priority-p1", "notify-recovery", "backup-database", "maintenance-regular"} <= targets
    assert targets <= ids, sorted(targets - ids)


def test_schemas_and_reference_pages(site: Build) -> None:
    events = json.loads((site.site / "sla/schema/events.schema.json").read_text("utf-8"))
    assert "incident.reported" in events["discriminator"]["mapping"]
    report = json.loads((site.site / "sla/schema/report.schema.json").read_text("utf-8"))
    assert {"policy", "incidents", "outages", "availability", "violations"} <= set(report["properties"])
    en, ja = text_of(site.page("en/engineers/events")), text_of(site.page("engineers/events"))
    for name in events["discriminator"]["mapping"]:
        assert name in en and name in ja  # (the Japanese page too: each event type's table)
    assert "全体のスキーマは events.schema.json です" in ja and "sla-english-only" not in site.page("engineers/events")
    assert "usage: sla" in text_of(site.page("en/engineers/cli"))
    assert "使用法: sla" in text_of(site.page("engineers/cli"))  # (the Japanese page: the Japanese help)
    assert "response_due" in text_of(site.page("engineers/api"))
    language = site.page("reference/language")
    assert 'class="kd">calendar</span>' in language  # ```sla fences use the entry-point lexer
