"""The note on the page of a version published ahead of its date, in Japanese type.

With two versions in force before it, the Japanese note read ``それまでは版 2026.1、2026.2（2026年6月1日(月)から）
を順に適用します。``: a half-width space between the closing parenthesis and を. It now lists them after
a colon, as the page's other lists: ``それまでは、次の版を順に適用します：2026.1、2026.2（…から）。``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

import sla_dsl
from sla_dsl.docs.plugin import _ahead_note, _Group

from .conftest import ROOT

V1 = (ROOT / "policies/clicksoko.sla").read_text("utf-8")


def _version(version: str, effective: str) -> str:
    return V1.replace('version "2026.1"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )


@pytest.fixture(scope="module")
def group() -> _Group:
    """Three versions: 2026.1 in force, 2026.2 from 1 Jun 2026, 2026.3 from 1 Sep 2026."""
    g = _Group("click-so-ko")
    for version, effective in (("2026.1", "2026-04-01"), ("2026.2", "2026-06-01"), ("2026.3", "2026-09-01")):
        text = _version(version, effective)
        g.versions.append((sla_dsl.load_policy(text), text))
    return g


def _said(group: _Group, lang: str) -> str:
    note = _ahead_note(group, dt.date(2026, 5, 1), lang, [], None)  # type: ignore[arg-type]
    return re.sub(r"<[^>]+>", "", note)


def test_the_japanese_note_lists_the_versions_in_japanese_type(group: _Group) -> None:
    said = _said(group, "ja")
    assert "それまでは、次の版を順に適用します：2026.1、2026.2（2026年6月1日(月)から）。" in said, said
    assert not re.search(r"[）」] |\s[をがはにの]", said), said  # no half-width space in Japanese type


def test_the_english_note(group: _Group) -> None:
    said = _said(group, "en")
    assert "Until then, versions 2026.1, 2026.2 (from Mon 1 Jun 2026) apply in turn." in said, said
