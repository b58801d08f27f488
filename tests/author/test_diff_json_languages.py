"""``sla diff --format json`` gives each label of a change's ``old`` and ``new`` values (``{"ja": ...,
"en": ...}``) in the languages the version declares (both for one that declares none), as ``sla deadline``
labels its targets: a policy written in English only has no Japanese texts, and its ``ja`` field repeated
the English text (``{"ja": "Urgent", "en": "Urgent"}``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.cli import main

OLD = """sla "N" {{
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title {title}
{languages}}}
calendar business {calendar} {{
  days mon..fri
  hours 09:00-17:00
}}
clock response {clock} {{ starts at incident.reported }}
priority P1 {p1} {{
  respond within 4 business hours
  complete on incident.resolved
}}
"""
NEW_PRIORITY = """priority P2 {p2} {{
  respond within 8 business hours
  complete on incident.resolved
}}
"""
TEXTS = {
    "en": {"title": '"T"', "calendar": '"Business"', "clock": '"Response"', "p1": '"Urgent"', "p2": '"Normal"'},
    "ja": {"title": '"T"', "calendar": '"営業"', "clock": '"応答"', "p1": '"緊急"', "p2": '"通常"'},
    "": {
        "title": '"T" / "T"',
        "calendar": '"営業" / "Business"',
        "clock": '"応答" / "Response"',
        "p1": '"緊急" / "Urgent"',
        "p2": '"通常" / "Normal"',
    },
}


def _labels(value: Any) -> list[dict[str, Any]]:
    """Every map of a value whose keys are languages (a label's)."""
    if isinstance(value, dict):
        here = [value] if value and set(value) <= {"ja", "en"} else []
        return here + [x for v in value.values() for x in _labels(v)]
    if isinstance(value, list):
        return [x for v in value for x in _labels(v)]
    return []


@pytest.mark.parametrize(("declared", "keys"), [("en", ["en"]), ("ja", ["ja"]), ("", ["ja", "en"])])
def test_labels_in_the_declared_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], declared: str, keys: list[str]
) -> None:
    texts = TEXTS[declared]
    languages = f"  languages {declared}\n" if declared else ""
    old = OLD.format(languages=languages, **texts)
    new = old.replace('version "1.0"', 'version "2.0"') + NEW_PRIORITY.format(**texts)
    new = new.replace(texts["p1"], texts["p1"].replace("Urgent", "Very urgent").replace("緊急", "最緊急"))
    (tmp_path / "old.sla").write_text(old, "utf-8")
    (tmp_path / "new.sla").write_text(new, "utf-8")
    code = main(["diff", str(tmp_path / "old.sla"), str(tmp_path / "new.sla"), "--format", "json"])
    out = capsys.readouterr().out
    assert code in (0, 1), out
    doc = json.loads(out)
    label = next(c for c in doc["changes"] if c["key"] == "P1" and c["field"] == "label")
    added = next(c for c in doc["changes"] if c["key"] == "P2" and c["op"] == "added")
    assert list(label["old"]) == keys and list(label["new"]) == keys, label
    assert list(added["new"]["label"]) == keys, added["new"]
    found = _labels([label["old"], label["new"], added["new"]])
    assert len(found) >= 4 and all(list(x) == keys for x in found), found
    if declared == "en":
        assert label["old"] == {"en": "Urgent"} and label["new"] == {"en": "Very urgent"}
    elif declared == "ja":
        assert label["old"] == {"ja": "緊急"} and label["new"] == {"ja": "最緊急"}
    else:
        assert label["old"] == {"ja": "緊急", "en": "Urgent"}, label


def test_a_version_labels_in_its_own_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """OLD declares English only, NEW both: each value is labelled in its own version's languages."""
    old = OLD.format(languages="  languages en\n", **TEXTS["en"])
    both = dict(TEXTS[""], p1='"最緊急" / "Very urgent"')
    new = OLD.format(languages="  languages ja, en\n", **both).replace('version "1.0"', 'version "2.0"')
    (tmp_path / "old.sla").write_text(old, "utf-8")
    (tmp_path / "new.sla").write_text(new, "utf-8")
    main(["diff", str(tmp_path / "old.sla"), str(tmp_path / "new.sla"), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    label = next(c for c in doc["changes"] if c["key"] == "P1" and c["field"] == "label")
    assert label["old"] == {"en": "Urgent"}, label
    assert label["new"] == {"ja": "最緊急", "en": "Very urgent"}, label
