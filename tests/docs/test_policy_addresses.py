"""Each policy's pages have an address of their own, and a clash of two stops the build.

Two policies named in Japanese (``sla "ホスティングプラス"``, ``sla "ホスティングライト"``) both had
``sla/policy/``: the second policy's pages silently replaced the first's (mkdocs printed only an INFO
line), and even one such policy had an address that said nothing. The address now comes from the
English title when the name has no Latin letter (else ``policy-`` and a short hash of the name), a
``slugs:`` entry in ``mkdocs.yml`` can give it, and two policies that would still share one stop the
build with a message naming both files and the address. Names with Latin letters keep their address.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from sla_dsl.docs.plugin import SlaPlugin

POLICY = """sla "{name}" {{
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  title {title}
}}
article 1 "対象" / "Scope" {{
  text "本 SLA の対象" / "What this SLA covers"
}}
calendar business "営業時間" / "Business hours" [art 1] {{
  days mon..fri
  hours 09:00-18:00
}}
priority P1 "緊急" / "Critical" [art 1] {{
  respond within 2 business hours
}}
"""


def _plugin(tmp_path: Path, policies: dict[str, tuple[str, str]], extra: str = "") -> SlaPlugin:
    """The ``sla`` plugin of a site of ``policies`` (file: (name, title)), configured as mkdocs does."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs/index.md").write_text("# t\n", "utf-8")
    for file, (name, title) in policies.items():
        (tmp_path / file).write_text(POLICY.format(name=name, title=title), "utf-8")
    listed = ", ".join(policies)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nplugins:\n  - sla:\n      policies: [{listed}]\n      schemas: false\n      today: 2026-04-01\n"
        + extra,
        "utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["sla"]
    assert isinstance(plugin, SlaPlugin)
    config.plugins.on_config(config)
    plugin.mkdocs_config = config  # type: ignore[attr-defined]
    return plugin


def _pages(plugin: SlaPlugin) -> set[str]:
    config = plugin.mkdocs_config  # type: ignore[attr-defined]
    files = config.plugins.on_files(Files([]), config=config)
    assert files is not None
    return {f.src_uri for f in files if f.src_uri.endswith("index.md")}


def test_a_japanese_name_takes_its_address_from_the_english_title(tmp_path: Path) -> None:
    plugin = _plugin(
        tmp_path,
        {
            "plus.sla": ("ホスティングプラス", '"ホスティングプラス" / "Hosting Plus"'),
            "lite.sla": ("ホスティングライト", '"ホスティングライト" / "Hosting Lite"'),
        },
    )
    assert [g.slug for g in plugin.groups] == ["hosting-plus", "hosting-lite"]
    assert {"sla/hosting-plus/ja/index.md", "sla/hosting-lite/ja/index.md"} <= _pages(plugin)


def test_without_an_english_title_a_stable_address_of_its_own(tmp_path: Path) -> None:
    plugin = _plugin(
        tmp_path,
        {
            "plus.sla": ("ホスティングプラス", '"ホスティングプラス"'),
            "lite.sla": ("ホスティングライト", '"ホスティングライト"'),
        },
    )
    slugs = [g.slug for g in plugin.groups]
    assert len(set(slugs)) == 2 and all(s.startswith("policy-") and s != "policy" for s in slugs)
    (tmp_path / "again").mkdir()
    again = _plugin(tmp_path / "again", {"x.sla": ("ホスティングプラス", '"ホ"')})
    assert again.groups[0].slug == slugs[0], "the same name, the same address at every build"


def test_latin_names_keep_their_address(tmp_path: Path) -> None:
    plugin = _plugin(tmp_path, {"c.sla": ("Click So-ko", '"クリック倉庫" / "Something Else"')})
    assert plugin.groups[0].slug == "click-so-ko"


def test_two_policies_of_one_address_stop_the_build_naming_both(tmp_path: Path) -> None:
    with pytest.raises(PluginError) as err:
        _plugin(
            tmp_path,
            {
                "plus.sla": ("ホスティングプラス", '"ホスティングプラス" / "Hosting"'),
                "lite.sla": ("ホスティングライト", '"ホスティングライト" / "Hosting"'),
            },
        )
    text = str(err.value)
    assert str(tmp_path / "plus.sla") in text and str(tmp_path / "lite.sla") in text
    assert "`sla/hosting/`" in text and "slugs:" in text


def test_slugs_give_the_address(tmp_path: Path) -> None:
    plugin = _plugin(
        tmp_path,
        {
            "plus.sla": ("ホスティングプラス", '"ホスティングプラス" / "Hosting"'),
            "lite.sla": ("ホスティングライト", '"ホスティングライト" / "Hosting"'),
        },
        '      slugs: {"ホスティングライト": lite}\n',
    )
    assert [g.slug for g in plugin.groups] == ["hosting", "lite"]
    assert {"sla/hosting/ja/index.md", "sla/lite/ja/index.md"} <= _pages(plugin)


def test_a_slug_that_is_no_address_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PluginError, match="ホスティングライト"):
        _plugin(
            tmp_path,
            {"lite.sla": ("ホスティングライト", '"ホスティングライト" / "Hosting"')},
            '      slugs: {"ホスティングライト": "Lite Plan/"}\n',
        )


def test_a_slugs_name_of_no_policy_is_refused(tmp_path: Path) -> None:
    """A misspelt name under ``slugs:`` left its policy at the address made for it, unsaid."""
    with pytest.raises(PluginError) as err:
        _plugin(
            tmp_path,
            {"lite.sla": ("ホスティングライト", '"ホスティングライト" / "Hosting Lite"')},
            '      slugs: {"ホスティングライトー": lite}\n',
        )
    text = str(err.value)
    assert '`sla "ホスティングライトー"`' in text and '`sla "ホスティングライト"`' in text, text
