"""``load_policy`` and ``compile_policy`` read a one-line text that looks like a path as a path.

``load_policy("nope.txt")`` was read as a policy's text (E011, a syntax error in the name), and
``load_policy("")`` as the path of the current directory (E001 "no such file" naming nothing). A line
without a brace or a quote (every policy has its ``sla "..." {`` header) that has a path separator or
a file extension is a path now, so a missing file is E001 naming it; the empty text is a policy without
its header (E217); a policy's text is read as before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.lang.diagnostics import PolicyError

CLICKSOKO = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"


@pytest.mark.parametrize("name", ["nope.txt", "nope.sla", "policies/nope", "dir\\nope", "./v2.SLA2"])
def test_a_missing_file_is_e001_naming_it(name: str) -> None:
    with pytest.raises(PolicyError) as err:
        sla_dsl.load_policy(name)
    assert [d.code for d in err.value.diagnostics] == ["E001"]
    assert str(err.value).startswith(f"{name}: error: [E001] ")  # (no line of a file not there)
    assert sla_dsl.compile_policy(name).file == name


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_text_is_a_policy_without_its_header(text: str) -> None:
    compiled = sla_dsl.compile_policy(text)
    assert compiled.file == "<policy>" and [d.code for d in compiled.diagnostics] == ["E217"]


@pytest.mark.parametrize(
    ("text", "code"),
    [("nope", "E016"), ("version 2026.1", "E016"), ('sla "x.txt"', "E012"), ('sla "a/b" {', "E012")],
)
def test_a_line_that_does_not_look_like_a_path_is_still_a_policy_s_text(text: str, code: str) -> None:
    compiled = sla_dsl.compile_policy(text)
    assert compiled.file == "<policy>" and compiled.diagnostics[0].code == code


def test_a_policy_s_text_and_files_are_read_as_before(tmp_path: Path) -> None:
    text = CLICKSOKO.read_text("utf-8")
    assert sla_dsl.load_policy(text).name == "Click So-ko"
    copy = tmp_path / "policy.txt"  # an existing file, whatever its name
    copy.write_text(text, "utf-8")
    assert sla_dsl.load_policy(str(copy)).path == str(copy)
    assert sla_dsl.load_policy(copy).name == "Click So-ko"
