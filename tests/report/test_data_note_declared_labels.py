"""A ``data`` note on a customer's page names an attribute (and a value of it) that only another version of the
policy declares by that version's label: the latest version that declares it.

The notes took the labels from the version of the report's words alone (in force at ``from``): an attribute
``tier`` that December's version adds, carried by a November event, was quoted as the log wrote it
(「tier」（「gold」）), a name of the log on a reader's page, though the policy gives it a label
(会員区分（ゴールド）); a value ``platinum`` December adds to ``plan`` alike (「platinum」 for プラチナ).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_data_notes_reader import ATTRIBUTES, V1, V2, _evaluate, _log, _notes

#: from January: the attribute relabelled, the value too (the latest version that declares them)
V3 = (
    V2.replace('version "2"', 'version "3"')
    .replace("effective 2026-12-01", "effective 2027-01-01")
    .replace('attribute tier "会員区分" / "Membership"', 'attribute tier "会員ランク" / "Member rank"')
    .replace('value platinum "プラチナ" / "Platinum"', 'value platinum "プラチナ会員" / "Platinum member"')
)


def _policy(folder: Path, *versions: str) -> Path:
    folder.mkdir()
    for n, text in enumerate(versions, 1):
        (folder / f"v{n}.sla").write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _log(tmp_path_factory.mktemp("log") / "plans.jsonl", ATTRIBUTES)


def _note(page: str, ident: str, word: str) -> str:
    (found,) = [n for n in _notes(page) if f"| {ident} |" in n and word in n]
    return found


def test_labels_of_the_version_that_declares_them(tmp_path: Path, log: Path) -> None:
    assert "attribute tier" not in V1 and "platinum" not in V1
    policy = _policy(tmp_path / "two", V1, V2)
    page = _evaluate(policy, log, "markdown", "ja")
    tier = _note(page, "A-1", "定められていないため読みません")
    assert "にある会員区分（ゴールド）は、この案件を判定する規定の版 1 に" in tier, tier
    assert "tier" not in tier and "gold" not in tier
    value = _note(page, "A-2", "この版にこの値のための規定はありません")
    assert "にある契約プランの値プラチナは" in value and "platinum" not in value, value
    change = _note(page, "A-3", "適用しません")
    assert "は契約プランをプラチナに変えますが" in change and "platinum" not in change, change
    english = _evaluate(policy, log, "markdown", "en")
    assert "Membership (Gold) on the receipt of the failure report of “A-1”" in english
    assert "the value Platinum of Plan on" in english and "“platinum”" not in english and "“tier”" not in english


def test_the_latest_version_that_declares_them(tmp_path: Path, log: Path) -> None:
    page = _evaluate(_policy(tmp_path / "three", V1, V2, V3), log, "markdown", "ja")
    assert "にある会員ランク（ゴールド）は" in _note(page, "A-1", "定められていないため読みません")
    assert "にある契約プランの値プラチナ会員は" in _note(page, "A-2", "この版にこの値のための規定はありません")
