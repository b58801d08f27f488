"""The tables of incidents name the version that judged each row when more than one judged the report's.

QA of Article 5 changes: over December and January, with version 2027.1 (P2 within 6 business hours) effective
2027-01-01, the table of incidents not met listed ``INC-902``, due under 2026.1's 7 hours, beside ``INC-903``, due
under 2027.1's 6, while the summary's target read ``1営業日以内（2027年1月1日(金)から6営業時間以内）``: the JSON and
``sla explain`` said which version judged each, the text, Markdown and HTML reports did not. They now add a last
column, ``判定した版`` / ``Version``, only then: a report one version judged is unchanged (its
golden files are), and the row's header (its id, ``<th scope="row">``) stays first.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docs.cdp import Browser

from .conftest import needs_chromium
from .helpers import POLICY, sla
from .test_report_layout import _FITS

CLICKSOKO = POLICY.read_text("utf-8")
PERIOD = ["--from", "2026-12-01", "--to", "2027-02-01", "--as-of", "2027-02-01"]
EVENTS = [
    {"event": "incident.reported", "at": "2026-12-31T17:00:00+09:00", "id": "INC-902", "priority": "P2"},
    {"event": "incident.responded", "at": "2027-01-04T17:30:00+09:00", "id": "INC-902"},
    {"event": "incident.reported", "at": "2027-01-04T10:00:00+09:00", "id": "INC-903", "priority": "P2"},
    {"event": "incident.responded", "at": "2027-01-04T17:30:00+09:00", "id": "INC-903"},
]


def _edited(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("judged-version")
    versions = root / "policies"
    versions.mkdir()
    (versions / "clicksoko-2026.1.sla").write_text(CLICKSOKO, "utf-8")
    new = _edited(CLICKSOKO, 'version "2026.1"\n  effective 2026-04-01', 'version "2027.1"\n  effective 2027-01-01')
    new = _edited(new, "respond within 1 business day ", "respond within 6 business hours ")
    (versions / "clicksoko.sla").write_text(new, "utf-8")
    (root / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    (root / "old.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS[:2]), "utf-8")
    return root


def _report(folder: Path, fmt: str, lang: str, policy: Path | None = None, log: str = "events.jsonl") -> str:
    code, out, err = sla(
        "evaluate", policy or folder / "policies", folder / log, *PERIOD, "--format", fmt, "--lang", lang
    )
    assert code == 0, err
    return out


@pytest.mark.parametrize(
    ("lang", "header", "row"),
    [
        ("ja", "判定した版", r"INC-902 .*第3条の\(2\)\s+2026\.1\n  INC-903 .*第3条の\(2\)\s+2027\.1\n"),
        ("en", "Version", r"INC-902 .*Art\. 3\.2\s+2026\.1\n  INC-903 .*Art\. 3\.2\s+2027\.1\n"),
    ],
)
def test_the_text_report_names_each_row_s_version(folder: Path, lang: str, header: str, row: str) -> None:
    text = _report(folder, "text", lang)
    line = next(s for s in text.splitlines() if s.lstrip().startswith("ID ") and "INC" not in s)
    assert line.rstrip().endswith(header), line
    assert re.search(row, text), text


def test_markdown_and_html_name_it_too(folder: Path) -> None:
    md = _report(folder, "markdown", "en")
    assert "| Article | Version |" in md
    assert re.search(r"\| INC-902 \|.*\| Art\. 3\.2 \| 2026\.1 \|", md) and re.search(
        r"\| INC-903 \|.*\| 2027\.1 \|", md
    )
    html = _report(folder, "html", "ja")
    table = html[html.index('<section id="not-met">') :].split("</section>", 1)[0]
    assert "<th>判定した版</th>" in table or ">判定した版</th>" in table, table
    rows = re.findall(r"<tr>.*?</tr>", table.split("<tbody>", 1)[1], re.S)
    assert [r.startswith('<tr><th scope="row"') and r.count("<th") == 1 for r in rows] == [True, True]
    assert [re.findall(r"<td[^>]*>([^<]*)</td></tr>$", r) for r in rows] == [["2026.1"], ["2027.1"]]


def test_a_report_one_version_judged_has_no_such_column(folder: Path) -> None:
    # both versions given, only 2026.1 judging: nothing to tell apart
    text = _report(folder, "text", "en", log="old.jsonl")
    line = next(s for s in text.splitlines() if s.lstrip().startswith("ID ") and "INC" not in s)
    assert "INC-902" in text and line.rstrip().endswith("Article"), line
    md = _report(folder, "markdown", "en", folder / "policies" / "clicksoko-2026.1.sla")
    assert "| Art. 3.2 |\n" in md and "| Article | Version |" not in md


@pytest.fixture(scope="module")
def screen(browser: Browser) -> Iterator[Browser]:
    browser.call("Emulation.setEmulatedMedia", session=True, media="")
    yield browser


@needs_chromium
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_column_fits_a_1280_px_screen_and_a_phone_keeps_the_id(
    folder: Path, screen: Browser, lang: str, tmp_path: Path
) -> None:
    page = tmp_path / f"versions-{lang}.html"
    page.write_text(_report(folder, "html", lang), "utf-8")
    screen.open(page.as_uri(), width=1280, height=900)
    assert screen.evaluate(_FITS) == []
    screen.open(page.as_uri(), width=375, height=900)
    first = screen.evaluate("getComputedStyle(document.querySelector('#not-met tbody th:first-child')).position")
    assert first == "sticky"
