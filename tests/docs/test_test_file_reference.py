"""The command line page's reference of ``sla test``'s files ("The test file", ``#test-files``) is complete and true.

Every example of the section is a test file that passes against ``policies/clicksoko.sla`` (the log an
``events_file`` example names is the project's example log, beside it), in both languages; and the section
names, in code, every key the test reads and every value it checks, read from the code
(:mod:`sla_dsl.authoring.policytest`): so a key added to the reader without a word here fails.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sla_dsl.authoring import policytest
from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
LOG = ROOT / "examples" / "events-2026-11.jsonl"
PAGES = {lang: ROOT / "docs" / "engineers" / f"cli.{lang}.md" for lang in ("en", "ja")}
_BLOCK = re.compile(r"^```yaml\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _section(lang: str) -> str:
    """The section ``{#test-files}`` of the page in ``lang``, to the next heading of its level."""
    text = PAGES[lang].read_text("utf-8")
    start = re.search(r"^## .*\{#test-files\}$", text, re.MULTILINE)
    assert start is not None, f"no section {{#test-files}} in {PAGES[lang]}"
    end = re.search(r"^## ", text[start.end() :], re.MULTILINE)
    return text[start.start() : start.end() + end.start()] if end else text[start.start() :]


def _examples(lang: str) -> list[str]:
    return _BLOCK.findall(_section(lang))


def test_the_section_has_an_example_of_each_question() -> None:
    questions = {q for block in _examples("en") for q in policytest.QUESTIONS if re.search(rf"^    {q}:", block, re.M)}
    assert questions == set(policytest.QUESTIONS)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_every_example_passes(lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = _examples(lang)
    assert blocks
    shutil.copy(LOG, tmp_path / LOG.name)
    for i, block in enumerate(blocks):
        path = tmp_path / f"example-{i}.yaml"
        path.write_text(block, "utf-8")
        code = main(["test", "--lang", "en", "-v", str(POLICY), str(path)])
        out, err = capsys.readouterr()
        assert (code, err) == (0, ""), (block, out, err)
        assert "FAIL" not in out and "PASS: " in out, out


def _read_keys() -> set[str]:
    """Every key ``sla test`` reads and every value it checks by name, from the code."""
    keys = {"cases", "name", "expect", "period", *policytest.QUESTIONS, *policytest.PERIOD_KEYS}
    keys |= {k for ks in policytest.QUESTION_KEYS.values() for k in ks}
    keys |= {*policytest.SECTIONS, *policytest.VIOLATION_KEYS, *policytest.VIOLATION_KINDS}
    for section, field in policytest.BARE_FIELD.items():
        keys.add(field)
        model = policytest.row_model(section)
        assert model is not None, section
        values = policytest.field_values(model.model_fields[field].annotation) or ()
        keys |= {policytest.value_text(v) for v in values if v is not None}
    return keys


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_section_names_every_key_the_test_reads(lang: str) -> None:
    written = set(re.findall(r"`([^`\s]+)`", _section(lang)))
    assert sorted(_read_keys() - written) == []


def test_every_section_of_expect_has_its_row() -> None:
    # (a section of expect added without a row of the table under "What `expect` checks of the report")
    rows = set(re.findall(r"^\| `([a-z_]+)` \|", _section("en"), re.MULTILINE))
    assert set(policytest.SECTIONS) <= rows, set(policytest.SECTIONS) - rows
