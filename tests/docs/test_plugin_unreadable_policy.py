"""A policy the docs build cannot read stops it as ``sla check`` says it: a directory, a file not there and
a file that is not UTF-8 (which was a ``UnicodeDecodeError`` traceback) are E001 naming the file, the
byte that is not UTF-8 at its line and column. A ``slugs:`` address that is no address is refused in the
primary language of the policy it names, as the other refusals of the policies' addresses (it was English
whatever the policy's language)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from sla_dsl.docs.plugin import SlaPlugin

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`, `sla "Click So-ko"`


def _refusal(tmp_path: Path, name: str, slugs: dict[str, Any] | None = None) -> str:
    plugin = SlaPlugin()
    plugin.load_config({"policies": [name], **({"slugs": slugs} if slugs else {})})
    config: Any = SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    with pytest.raises(PluginError) as info:
        plugin.on_config(config)
    return str(info.value)


def test_a_directory_named_as_a_policy_is_named_without_a_place(tmp_path: Path) -> None:
    (tmp_path / "p.sla").mkdir()
    said = _refusal(tmp_path, "p.sla")
    assert said == f"sla: {tmp_path / 'p.sla'}: error: [E001] this is a directory, not a policy file", said


def test_a_missing_policy_is_named_as_sla_check_names_it(tmp_path: Path) -> None:
    said = _refusal(tmp_path, "nope.sla")
    assert said == f"sla: {tmp_path / 'nope.sla'}: error: [E001] no such file", said


def test_a_policy_that_is_not_utf8_is_located_at_the_byte(tmp_path: Path) -> None:
    text = POLICY.read_text("utf-8").replace('version "2026.1"', 'version "2026.1 \xe9"')
    (tmp_path / "sjis.sla").write_bytes(text.encode("latin-1", "replace"))
    said = _refusal(tmp_path, "sjis.sla")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "\xe9" in row)
    # (worded in the language its header declares, read from the bytes, as `sla check` words it)
    assert said.startswith(f"sla: {tmp_path / 'sjis.sla'}:{line}:"), said
    assert "error: [E001]" in said and "UTF-8" in said


@pytest.mark.parametrize(
    ("languages", "said"),
    [("languages ja, en", "に書いたアドレス `Lite Plan/` は使えません"), ("languages en, ja", "is not one")],
)
def test_a_slug_that_is_no_address_is_refused_in_the_policy_language(tmp_path: Path, languages: str, said: str) -> None:
    (tmp_path / "p.sla").write_text(POLICY.read_text("utf-8").replace("languages ja, en", languages), "utf-8")
    text = _refusal(tmp_path, "p.sla", {"Click So-ko": "Lite Plan/"})
    assert text.startswith("sla: ") and said in text, text
