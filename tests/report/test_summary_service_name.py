"""A service without a label is named by its name in the summary, in every format and language.

The summary's availability rows named a service by its label alone, so a service written without
one read ``Availability ()`` (``稼働率（）``), and with a ``when`` target ``Availability (, other
customers)`` and ``Availability (, customers whose plan is Premium)``. The notify rows already fell back to the name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import sla

POLICY = """sla "No label" { format 1  version "1"  effective 2026-01-01  timezone Europe/London  languages en, ja }
attribute plan { value standard  value premium "プレミアム" / "Premium"  default standard }
calendar always { days mon..sun  hours 00:00-24:00 }
service portal {
  hours always
  availability target 99.9% monthly when plan = premium
  availability target 99.5% monthly
}
priority P1 { respond within 4 hours }
"""
EVENT = '{"event": "incident.reported", "at": "2026-01-05T10:00:00+00:00", "id": "A", "priority": "P1"}\n'
SAID = {
    "en": ("Availability (portal, other customers)", "Availability (portal, customers whose plan is Premium)"),
    "ja": ("稼働率（portal、その他の顧客）", "稼働率（portal、planがプレミアムの顧客）"),
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_service_without_a_label_is_named(tmp_path: Path, fmt: str, lang: str) -> None:
    policy, events = tmp_path / "p.sla", tmp_path / "ev.jsonl"
    policy.write_text(POLICY, "utf-8")
    events.write_text(EVENT, "utf-8")
    code, out, err = sla(
        "evaluate", policy, events, "--from", "2026-01-01", "--to", "2026-02-01", "--format", fmt, "--lang", lang
    )
    assert code == 0, err
    plain, premium = SAID[lang]
    assert plain in out and premium in out
    assert "Availability ()" not in out and "Availability (, " not in out
    assert "稼働率（）" not in out and "稼働率（、" not in out
