"""The docs build stops on a policy with errors, in the policy's primary language (issue 16)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from sla_dsl.docs.plugin import SlaPlugin

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"


def _build(tmp_path: Path, text: str) -> str:
    (tmp_path / "bad.sla").write_text(text, "utf-8")
    plugin = SlaPlugin()
    plugin.load_config({"policies": ["bad.sla"]})
    config: Any = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as info:
        plugin.on_config(config)
    return str(info.value)


def test_a_japanese_policy_stops_the_build_in_japanese(tmp_path: Path) -> None:
    bad = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 4 busness hours")
    text = _build(tmp_path, bad)
    assert text.startswith(f"sla: ポリシー {tmp_path / 'bad.sla'} にエラーがあります：\n"), text
    assert "error: [E207] `busness` という名前のカレンダーはありません" in text and "help:" not in text
    english = _build(tmp_path, bad.replace("languages ja, en", "languages en, ja"))
    assert english.startswith(f"sla: policy {tmp_path / 'bad.sla'} does not compile:\n")
    assert "error: [E207] no calendar is called `busness`" in english
