"""``sla diff`` names a rule the same way in every form and language (the authors' guide).

QA found the text naming rules by their ids (``~ P1 response target``, ``~ backup files retention``) where the
change notice named them by their labels (``P1 Priority 1 response target``, ``File backup service
retention``), and the Japanese text with the id inside (``ファイルバックアップサービス（files）の保存期間``). Now a
priority is named as the report names it, its id before its label, and every other rule by its label alone, in
the text, the JSON's ``text`` and the notice, in Japanese and in English.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import diff_models, render_json, render_markdown, render_text
from sla_dsl.lang import model as m
from sla_dsl.lang.compile import compile_text

ROOT = Path(__file__).resolve().parents[2]
POLICY = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
EDITS = (
    ('version "2026.1"', 'version "2026.2"'),
    ("respond within 4 business hours", "respond within 2 business hours"),
)
NAMES = {
    "en": ("P1 Priority 1 response target: ", "File backup service retention: "),
    "ja": ("P1 優先度１の応答目標時間：", "ファイルバックアップサービスの保存期間："),
}


def _models() -> tuple[m.PolicyModel, m.PolicyModel]:
    new = POLICY
    for a, b in EDITS:
        assert new.count(a) == 1, a
        new = new.replace(a, b)
    files = re.search(r'backup files "[^"]*" / "[^"]*"[^{]*\{[^}]*\}', new)
    assert files is not None and "keep 7 days" in files.group()
    new = new.replace(files.group(), files.group().replace("keep 7 days", "keep 14 days"))
    old_m, new_m = compile_text(POLICY).model, compile_text(new).model
    assert old_m is not None and new_m is not None
    return old_m, new_m


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_form_names_the_rules_alike(lang: str) -> None:
    old, new = _models()
    changes = diff_models(old, new)
    text = render_text(old, new, changes, lang)  # type: ignore[arg-type]
    notice = render_markdown(old, new, changes, lang)  # type: ignore[arg-type]
    rows = [row["text"] for row in json.loads(render_json(old, new, changes, lang))["changes"]]  # type: ignore[arg-type]
    for name in NAMES[lang]:
        assert f"\n~ {name}" in text, text
        assert f"\n- {name}" in notice, notice
        assert any(row.startswith(name) for row in rows), rows
    assert "（files）" not in text and "backup files" not in text and "P1 response" not in text
