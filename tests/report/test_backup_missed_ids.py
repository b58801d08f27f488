"""The violations table lists a missed backup day or window by its id, as it lists every other violation.

Every other row of the violations table is listed by the id the JSON gives and ``sla explain`` takes
(``INC-001``, ``DB-1015``, ``content:2026-11-01:plan=premium``). A missed backup day was listed by its
date alone (``11月14日(土)`` / ``Sat 14 Nov``, a window by its start): an id ``sla explain`` refuses, the
same for two kinds missed on one day, and a day before the time the row is listed at (the day's end,
``11月15日(日) 00:00``). It is now listed by its id: ``files:2026-11-14``,
``logs:2026-11-01T00:00:00+09:00``.
"""

from __future__ import annotations

import json
import re

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

PLANS, PLANS_LOG = ROOT / "policies" / "examples" / "plans.sla", ROOT / "policies" / "examples" / "plans.jsonl"
KIND = {"ja": "バックアップ未実施", "en": "backup missed"}


def _listed(policy: object, log: object, lang: str) -> list[str]:
    """The ID cells of the text report's violations table on its rows of missed backups."""
    code, out, err = sla("evaluate", policy, log, *MONTH, "--lang", lang, "--limit", "0")
    assert code == 0, err
    block = next(b for b in out.split("\n\n") if b.startswith(("違反・要対応事項", "Violations")))
    rows = [re.split(r"\s{2,}", x.strip()) for x in block.splitlines()[2:]]
    return [r[2] for r in rows if len(r) > 2 and r[1] == KIND[lang]]


def _ids(policy: object, log: object) -> list[str]:
    code, out, err = sla("evaluate", policy, log, *MONTH, "--format", "json")
    assert code == 0, err
    return [v["id"] for v in json.loads(out)["violations"] if v["kind"] == "backup_missed"]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_missed_day_is_listed_by_its_id(lang: str) -> None:
    assert _listed(POLICY, EXAMPLE, lang) == ["files:2026-11-14"] == _ids(POLICY, EXAMPLE)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_two_kinds_missed_on_one_day_are_told_apart(lang: str) -> None:
    """The plans example misses its daily database backups and its logs every 12 hours."""
    listed = _listed(PLANS, PLANS_LOG, lang)
    assert listed == _ids(PLANS, PLANS_LOG)
    assert "database:2026-11-01" in listed and "logs:2026-11-01T00:00:00+09:00" in listed
    assert len(set(listed)) == len(listed)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_list_it_alike(fmt: str) -> None:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", fmt, "--lang", "ja")
    assert code == 0, err
    assert "files:2026-11-14" in out


def test_the_listed_id_is_explained() -> None:
    (listed,) = _listed(POLICY, EXAMPLE, "ja")
    code, out, err = sla("explain", POLICY, EXAMPLE, listed, "--lang", "ja")
    assert code == 0, err
    assert out.startswith("ファイルバックアップサービス（2026年11月14日(土)）：未実施")
