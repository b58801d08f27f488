"""A backup's retention is judged under the version in force when it was taken, as every item is
judged under the version in force at its start: a later version that lengthens `keep` does not
make an earlier backup's deletion a breach, and one that shortens it or drops the kind does not
excuse it."""

from __future__ import annotations

import sla_dsl

from .helpers import POLICY_PATH, ev, t

TEXT = POLICY_PATH.read_text("utf-8")
FILES = """backup files "ファイルバックアップサービス" / "File backup service" [art 3.1.7] {"""


def _version(version: str, effective: str, old: str = "", new: str = "") -> sla_dsl.Policy:
    text = TEXT.replace('version "2026.1"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )
    if old:
        assert old in text
        text = text.replace(old, new, 1)
    return sla_dsl.load_policy(text)


def _retention(versions: list[sla_dsl.Policy], kind: str, taken: str, deleted: str) -> tuple[bool, str, str]:
    events = [ev("backup.completed", taken, "B", kind=kind), ev("backup.deleted", deleted, "B", kind=kind)]
    report = sla_dsl.evaluate(versions, events, t("2026-11-01 00:00"), t("2026-12-01 00:00"))
    (row,) = report.retention
    assert row.keep_until is not None
    return row.ok, row.keep_until.isoformat(), row.policy_version


def test_a_longer_keep_of_a_later_version_is_not_applied_back() -> None:
    versions = [
        _version("2026.1", "2026-04-01", "keep 1 month", "keep 7 days"),
        _version("2026.2", "2026-11-16"),  # keep 1 month
    ]
    got = _retention(versions, "database", "2026-11-01 02:00", "2026-11-17 04:00")
    assert got == (True, "2026-11-08T02:00:00+09:00", "2026.1")


def test_a_shorter_keep_of_a_later_version_does_not_excuse_an_early_deletion() -> None:
    versions = [_version("2026.1", "2026-04-01"), _version("2026.2", "2026-11-16", "keep 1 month", "keep 1 day")]
    got = _retention(versions, "database", "2026-11-10 02:00", "2026-11-17 04:00")
    assert got == (False, "2026-12-10T02:00:00+09:00", "2026.1")


def test_a_kind_a_later_version_drops_keeps_the_retention_it_was_taken_under() -> None:
    text = TEXT[TEXT.index(FILES) :]
    block = text[: text.index("\n}\n") + 3]
    later = TEXT.replace(block, "").replace(", backup files", "")
    later = later.replace('version "2026.1"', 'version "2026.2"').replace(
        "effective 2026-04-01", "effective 2026-11-16"
    )
    versions = [_version("2026.1", "2026-04-01"), sla_dsl.load_policy(later)]
    got = _retention(versions, "files", "2026-11-14 02:00", "2026-11-16 04:00")
    assert got == (False, "2026-11-21T02:00:00+09:00", "2026.1")
