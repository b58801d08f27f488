"""Every row of the SLA's tables is on the rendered pages, in both languages.

Walks the tables of the English reading (``docs/original/clicksoko-sla-en.md``):
the service-hours table, the SLA-items table (rows 1-7, with the sub-rows of
row 7) and the priority table. For each row it finds the row on the rendered
English page (names and values) and on the rendered Japanese page, where the
texts must be the original's own words (``docs/original/clicksoko-sla-ja.txt``,
compared without spaces and line breaks, as the original is wrapped) and the
values the same numbers in Japanese units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from .conftest import POLICY_PAGE, ROOT, Build
from .htmltables import Row, squash, tables

READING = ROOT / "docs/original/clicksoko-sla-en.md"
ORIGINAL = ROOT / "docs/original/clicksoko-sla-ja.txt"

#: English value -> the Japanese the rendered page must show for it.
_UNITS_JA = {
    "business hours": "営業時間",
    "business hour": "営業時間",
    "business days": "営業日",
    "business day": "営業日",
    "hours": "時間",
    "days": "日",
    "month": "ヶ月",
}
_VALUE = re.compile(r"\b(\d+|one) (business hours?|business days?|hours|days|month)\b")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


@dataclass
class ReadingRow:
    table: str
    cells: list[str]


def _reading_tables() -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for line in READING.read_text("utf-8").splitlines():
        if not line.startswith("|"):
            current = None
            continue
        cells = [squash(c.replace("**", "")) for c in line.strip().strip("|").split("|")]
        if current is None:
            current = out.setdefault(cells[1], [])
        elif not all(set(c) <= set("-: ") for c in cells):
            current.append(cells)
    return out


def _values(text: str) -> list[tuple[str, str]]:
    """(English, Japanese) forms of the durations, times and frequencies in ``text``."""
    found: list[tuple[str, str]] = []
    for amount, unit in _VALUE.findall(text):
        n = "1" if amount == "one" else amount
        found.append((f"{n} {unit}", f"{n}{_UNITS_JA[unit]}"))
    found += [(t, t) for t in _TIME.findall(text)]
    if "once a day" in text.lower():
        found.append(("once a day", "毎日 1回"))
    return found


def _nospace(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def pages(site: Build) -> dict[str, dict[str, list[Row]]]:
    return {lang: tables(site.page(POLICY_PAGE[lang])) for lang in ("ja", "en")}


@pytest.fixture(scope="module")
def original() -> str:
    return _nospace(ORIGINAL.read_text("utf-8"))


def _in_original(text: str, original: str) -> None:
    assert text and _nospace(text) in original, f"{text!r} is not the original's wording"


def _check_values(source: str, en_row: Row, ja_row: Row) -> None:
    for en, ja in _values(source):
        assert en in en_row.text, f"{en!r} missing from the English row {en_row.cells}"
        assert _nospace(ja) in _nospace(ja_row.text), f"{ja!r} missing from the Japanese row {ja_row.cells}"


def test_reading_has_the_three_tables() -> None:
    t = _reading_tables()
    assert len(t["Service"]) == 3 and len(t["Item"]) == 9 and len(t["Definition"]) == 3


def test_service_hours_rows(pages: dict[str, dict[str, list[Row]]], original: str) -> None:
    en_rows, ja_rows = pages["en"]["service-hours"][1:], pages["ja"]["service-hours"][1:]
    for no, service, standard in _reading_tables()["Service"]:
        en = next(r for r in en_rows if r.cells[0] == no)
        ja = next(r for r in ja_rows if r.cells[0] == no)
        assert en.cells[1].removesuffix(" §") == service
        _in_original(ja.cells[1].removesuffix(" §"), original)
        _check_values(standard.replace(",", ""), en, ja)
        if not _values(standard):
            assert standard in en.cells[2]


def test_sla_item_rows(pages: dict[str, dict[str, list[Row]]], original: str) -> None:
    en_rows, ja_rows = pages["en"]["sla-items"][1:], pages["ja"]["sla-items"][1:]
    seen: set[str] = set()
    last = ""
    for no, item, description, value in _reading_tables()["Item"]:
        if no:  # a numbered row
            last = no
            seen.add(no)
            en = next(r for r in en_rows if r.id == f"item-{no}")
            ja = next(r for r in ja_rows if r.id == f"item-{no}")
            assert en.cells[1].startswith(item), (item, en.cells)
            _in_original(ja.cells[1].split(" ")[0] if no == "7" else ja.cells[1], original)
            if no != "7":
                _in_original(ja.cells[2], original)
                if value and not _values(value):
                    assert en.cells[3] == value
                    _in_original(ja.cells[3], original)
        # row 7's sub-rows are one rendered row per backup service, found by its name
        if last == "7":
            en_sub = next((r for r in en_rows if description in r.text), None)
            assert en_sub is not None, f"no rendered row for {description!r}"
            ja_sub = ja_rows[en_rows.index(en_sub)]
            _in_original(ja_sub.cells[-3], original)
            _check_values(value, en_sub, ja_sub)
        else:
            _check_values(value, en, ja)
    assert seen == {str(n) for n in range(1, 8)}


def test_priority_rows(pages: dict[str, dict[str, list[Row]]], original: str) -> None:
    en_rows, ja_rows = pages["en"]["priorities"][1:], pages["ja"]["priorities"][1:]
    for prio, definition, target, guideline in _reading_tables()["Definition"]:
        en = next(r for r in en_rows if r.id == f"priority-p{prio}")
        ja = next(r for r in ja_rows if r.id == f"priority-p{prio}")
        assert en.cells[1] == definition
        assert en.cells[2] == target
        assert guideline.split(":")[0] in en.cells[3]
        for cell in (ja.cells[0].removesuffix(" §"), ja.cells[1], ja.cells[3]):
            _in_original(cell, original)
        _check_values(target, en, ja)
        _in_original(ja.cells[2], original)  # "4営業時間" is the original's own word
