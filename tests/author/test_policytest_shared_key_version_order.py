"""``sla test`` offers the keys of ``breach_credits`` rows that versions share in the versions' order.

A case that writes the plain key ``P1:respond:2026-11-01``, which rows of two versions share, is refused with
the keys to write instead. They came in the order of the report's rows (by credit, monthly cap...), so a later
version's key could come first (``version=2026.2``, then ``version=2026.1``); now in the order the versions
take effect, whatever order their files are given in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

VERSION = """sla "V" {{
  format 1
  version "{version}"
  effective {effective}
  timezone UTC
  languages en, ja
}}
calendar always "24h" {{ days mon..sun  hours 00:00-24:00 }}
priority P1 "Urgent" {{
  respond within 4 hours
  credit 5% per breach, at most {cap}% monthly
  complete on incident.resolved
}}
"""
CASE = """cases:
  - name: two versions
    period: {from: 2026-11-01, to: 2026-12-01}
    events:
      - {event: incident.reported, at: "2026-11-02T09:00:00+00:00", id: A, priority: P1}
      - {event: incident.reported, at: "2026-11-20T09:00:00+00:00", id: B, priority: P1}
    expect:
      breach_credits:
        "P1:respond:2026-11-01": 5
"""


@pytest.mark.parametrize("given", [["a.sla", "b.sla"], ["b.sla", "a.sla"]])
def test_the_keys_offered_follow_the_versions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], given: list[str]
) -> None:
    (tmp_path / "a.sla").write_text(VERSION.format(version="2026.1", effective="2026-01-01", cap=25), "utf-8")
    (tmp_path / "b.sla").write_text(VERSION.format(version="2026.2", effective="2026-11-15", cap=10), "utf-8")
    (tmp_path / "t.yaml").write_text(CASE, "utf-8")
    capsys.readouterr()
    code = main(["test", "--lang", "en", *(str(tmp_path / name) for name in given), str(tmp_path / "t.yaml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "write one of `P1:respond:2026-11-01:version=2026.1`, `P1:respond:2026-11-01:version=2026.2`" in out, out
