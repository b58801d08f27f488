"""The error-code page says what ``sla test`` says of a test file it refuses (E160-E163), as it does for the
policy's diagnostics: each message a row's message, each help a row's help, in English and in Japanese.

The page's completeness test covered the ``diag.*`` entries only, so the words of the test files' errors
(``author.test.*``) were never checked: the helps of a YAML file that cannot be read (a tab, an unclosed ``[``,
an alias without its anchor, ...; ``author.test.yaml.*.help``) reached the error through a tuple the page's
reader did not follow, and were on no row.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.cli.app import main
from sla_dsl.docs.codes import worded

from .test_codes_match_cli import _rows, _says

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
CASE = 'cases:\n  - name: a\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
#: test files sla test refuses, by the code it gives: YAML it cannot read, a key given twice, a bad value,
#: a range that ends before it starts
FILES = {
    "tab": ("E160", "cases:\n\t- name: a\n"),
    "unclosed": ("E160", CASE + '    expect: ["2026-11-30T12:00:00+09:00"\n'),
    "flow": ("E160", CASE + '    expect: ["a" b]\n'),
    "alias": ("E160", CASE + "    expect: *nowhere\n"),
    "anchor": ("E160", "cases:\n  - &a {name: a}\n  - &a {name: b}\n"),
    "escape": ("E160", CASE + '    expect: "\\q"\n'),
    "tag": ("E160", CASE + "    expect: !!python/name:os.system\n"),
    "documents": ("E160", CASE + "---\ncases: []\n"),
    "indent": ("E160", "cases:\n  - name: a\n   deadline: x\n"),
    "mapping value": ("E160", CASE + "    expect: a: b\n"),
    "quote": ("E160", CASE + '    expect: "2026\n'),
    "twice": ("E160", CASE + '    expect: "2026-11-30T12:00:00+09:00"\n    expect: "2026-11-30T12:00:00+09:00"\n'),
    "not a time": (
        "E162",
        'cases:\n  - name: a\n    deadline: {priority: P1, from: "friday"}\n    expect: "2026-11-30T12:00:00+09:00"\n',
    ),
    "reversed": (
        "E163",
        "cases:\n  - name: a\n    maintenance: {from: 2026-12-01, to: 2026-11-01}\n    expect: []\n",
    ),
}
_HEADER = re.compile(r"^\S.*?:\d+(?::\d+)?: error: \[(E16\d)\] (.*)$")
_HELP = re.compile(r"^\s+(?:help|ヒント): (.*)$")


def _printed(path: Path, lang: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str, str]]:
    """(code, message, help) of each error ``sla test --lang LANG`` prints for the test file ``path``."""
    main(["test", str(POLICY), str(path), "--lang", lang])
    out: list[tuple[str, str, str]] = []
    for line in capsys.readouterr().err.splitlines():
        if hit := _HEADER.match(line):
            out.append((hit.group(1), " ".join(hit.group(2).split()), ""))
        elif (hint := _HELP.match(line)) and out and not out[-1][2]:
            code, message, _ = out[-1]
            out[-1] = (code, message, " ".join(hint.group(1).split()))
    return out


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", sorted(FILES))
def test_the_page_has_what_sla_test_prints_of_a_test_file(
    name: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = FILES[name]
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    printed = _printed(path, lang, capsys)
    assert [c for c, _, _ in printed] == [code], printed
    _, message, hint = printed[0]
    rows = _rows(lang)[code]
    assert any(_says(m, message) for m, _ in rows), (message, rows)
    if hint:  # (a help on the page as a help, never as a message)
        assert any(_says(h, hint) for _, h in rows), (hint, [h for _, h in rows])


def test_the_yaml_helps_are_on_e160_s_row() -> None:
    helps = set(worded()["E160"].helps)
    for key in (
        "author.test.yaml.tab.help",
        "author.test.yaml.unclosed.help",
        "author.test.yaml.flow.help",
        "author.test.yaml.indent.help",
        "author.test.yaml.no_anchor.help",
        "author.test.yaml.anchor_twice.help",
        "author.test.yaml.escape.help",
        "author.test.yaml.tag.help",
        "author.test.yaml.documents.help",
        "author.test.yaml.quote.help",
        "author.test.yaml.mapping_value.help",
    ):
        assert key in helps, key
