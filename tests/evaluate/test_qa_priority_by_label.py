"""An event's priority written by the priority's label is told the id to write.

Found by a QA pass as a Zendesk administrator: a ticket exported with Zendesk's priority ``urgent`` to a
policy whose rule is ``priority P1 "緊急" / "Urgent"`` was refused (E120) with only the list of ids
(`P1`, `P2`, ...), leaving the reader to guess that ``urgent`` is ``P1``. The help now says which
priority's label the value is, in the reader's language, and the id the event gives.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli.app import main

POLICY = """\
sla "Zendesk" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
clock response "初回返信" / "First reply" {
  starts at incident.reported
}
priority P1 "緊急" / "Urgent" {
  respond within 1 hour
}
priority P2 "高" / "High" {
  respond within 4 hours
}
"""
HELP = {
    "ja": "ヒント: `urgent` は優先度 `P1`（緊急）の名称です。イベントの優先度には `P1` を書いてください",
    "en": "help: `urgent` is the label of priority `P1` (Urgent): the event gives its id, `P1`",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_label_for_a_priority_id(tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "p.sla").write_text(POLICY, "utf-8")
    lines = [
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "ZD-1", "priority": "urgent"},
        {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "ZD-2", "priority": "P9"},
    ]
    (tmp_path / "e.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), "utf-8")
    args = ["evaluate", str(tmp_path / "p.sla"), str(tmp_path / "e.jsonl"), "--from", "2026-11-01"]
    code = main([*args, "--to", "2026-12-01", "--lang", lang])
    err = capsys.readouterr().err
    assert code == 1
    assert "e.jsonl:1: error: [E120]" in err
    assert HELP[lang] in err, err
    # a value that is no label keeps the list of the ids
    known = {"ja": "ポリシーにあるのは `P1`、`P2` です", "en": "the policy knows `P1`, `P2`"}
    assert known[lang] in err.split("e.jsonl:2:")[1], err
