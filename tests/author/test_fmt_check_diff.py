"""``sla fmt --check`` prints a unified diff that applies, also to a file with no final line end.

QA's finding: on a file whose last line has no line end, ``--check`` printed ``-}`` and ``+}`` run together on
one line (``-}+}``), without the ``\\ No newline at end of file`` line ``diff -u`` writes, and ``patch
--dry-run`` refused it. The diff is applied here by a small applier of the test's own, and by ``patch`` when
the machine has it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sla_dsl.cli import main

GOLDEN = Path(__file__).parent / "golden" / "fmt"
MESSY = (GOLDEN / "messy.sla").read_text("utf-8")
FORMATTED = (GOLDEN / "messy.expected.sla").read_text("utf-8")
HEADER = 'sla "x" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages en\n}'
NO_MARK = "\\ No newline at end of file\n"


def _split(text: str) -> list[str]:
    return [line for line in re.split(r"(?<=\n)", text) if line]


def _apply(old: str, diff: str) -> str:
    """``old`` patched by the unified ``diff`` (a strict applier: every context and removed line must match)."""
    entries: list[list[str]] = []  # [tag, text] of the hunks' lines; ["@", header]
    for line in _split(diff):
        if line.startswith(("--- ", "+++ ")) and not entries:
            continue
        if line.startswith("@@"):
            entries.append(["@", line])
        elif line == NO_MARK:
            assert entries and entries[-1][0] in " -+" and entries[-1][1].endswith("\n")
            entries[-1][1] = entries[-1][1][:-1]  # that line has no line end
        else:
            assert line[0] in " -+", line
            entries.append([line[0], line[1:]])
    src, out, pos = _split(old), [], 0
    for tag, text in entries:
        if tag == "@":
            found = re.match(r"@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@", text)
            assert found is not None, text
            start = int(found[1]) - (0 if found[2] == "0" else 1)
            out += src[pos:start]
            pos = start
        elif tag == "+":
            out.append(text)
        else:
            assert src[pos] == text, (src[pos], text)
            if tag == " ":
                out.append(text)
            pos += 1
    return "".join(out + src[pos:])


def _check_diff(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(["fmt", "--check", "--lang", "en", str(path)]) == 1
    return capsys.readouterr().out


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_a_file_without_a_final_line_end(newline: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (HEADER + "\n\nexclude   a\nexclude b  # last").replace("\n", newline)
    path = tmp_path / "p.sla"
    path.write_bytes(text.encode("utf-8"))
    diff = _check_diff(path, capsys)
    assert f"-exclude b  # last\n{NO_MARK}" in diff  # (before: `-exclude b  # last+exclude b  # last`)
    assert f"+exclude b                                      # last{newline}" in diff
    assert main(["fmt", "--lang", "en", str(path)]) == 0
    assert _apply(text, diff) == path.read_bytes().decode("utf-8")


def test_a_diff_of_the_body_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "messy.sla"
    path.write_text(MESSY, "utf-8")
    assert NO_MARK not in (diff := _check_diff(path, capsys))
    assert _apply(MESSY, diff) == FORMATTED


@pytest.mark.skipif(shutil.which("patch") is None, reason="no `patch` on this machine")
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_patch_applies_it(newline: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (HEADER + "\n\nexclude   a\nexclude b").replace("\n", newline)
    path = tmp_path / "p.sla"
    path.write_bytes(text.encode("utf-8"))
    diff = _check_diff(path, capsys)
    target = tmp_path / "patched.sla"
    target.write_bytes(text.encode("utf-8"))
    proc = subprocess.run(
        ["patch", "--batch", "--silent", str(target)], input=diff.encode("utf-8"), capture_output=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert main(["fmt", "--lang", "en", str(path)]) == 0
    assert target.read_bytes() == path.read_bytes()
    assert main(["fmt", "--check", "--lang", "en", str(target)]) == 0
