"""``sla fmt``, ``sla fmt -`` and the language server agree on CRLF line ends and a byte-order mark.

QA's finding: ``sla fmt --check`` passed a formatted CRLF file and ``sla fmt`` left it unchanged, but once
anything else changed ``sla fmt`` rewrote every line to LF and dropped a BOM; the language server compared
its result with the raw text, so it always rewrote a CRLF or BOM document the command called formatted;
``sla fmt -`` printed LF for CRLF input. The rule now: a text is compared as every command reads it (LF, no
BOM) and written with the line end of its first line and its BOM (:class:`~sla_dsl.authoring.fmt.LineStyle`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import LineStyle, format_text
from sla_dsl.authoring.lsp import format_edits
from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "fmt"
MESSY = (GOLDEN / "messy.sla").read_text("utf-8")
FORMATTED = (GOLDEN / "messy.expected.sla").read_text("utf-8")
BOM = b"\xef\xbb\xbf"


def _crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    ("raw", "newline", "bom"),
    [
        (b"a\r\nb\n", "\r\n", False),
        (b"a\nb\r\n", "\n", False),
        (b"a\rb", "\r", False),
        (BOM + b"a\r\n", "\r\n", True),
        ("\ufeffa\n", "\n", True),
        ("no line end", "\n", False),
    ],
)
def test_the_style_is_that_of_the_first_line_end_and_the_bom(raw: bytes | str, newline: str, bom: bool) -> None:
    assert LineStyle.of(raw) == LineStyle(newline=newline, bom=bom)
    assert LineStyle(newline=newline, bom=bom).apply("x\ny\n") == ("\ufeff" if bom else "") + f"x{newline}y{newline}"


@pytest.mark.parametrize("bom", [b"", BOM], ids=["crlf", "crlf+bom"])
def test_a_formatted_crlf_file_is_left_as_it_is(bom: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.sla"
    data = bom + _crlf(FORMATTED)
    path.write_bytes(data)
    assert main(["fmt", "--check", "--lang", "en", str(path)]) == 0
    assert main(["fmt", "--lang", "en", str(path)]) == 0
    assert "0 files reformatted, 1 left unchanged" in capsys.readouterr().err
    assert path.read_bytes() == data


@pytest.mark.parametrize("bom", [b"", BOM], ids=["crlf", "crlf+bom"])
def test_a_file_formatted_keeps_its_crlf_and_its_bom(bom: bytes, tmp_path: Path) -> None:
    path = tmp_path / "p.sla"
    path.write_bytes(bom + _crlf(MESSY))
    assert main(["fmt", "--lang", "en", str(path)]) == 0
    assert path.read_bytes() == bom + _crlf(FORMATTED)  # (before: LF throughout, the BOM dropped)
    assert main(["fmt", "--check", "--lang", "en", str(path)]) == 0


def test_an_lf_file_stays_lf(tmp_path: Path) -> None:
    path = tmp_path / "p.sla"
    path.write_bytes(MESSY.encode("utf-8"))
    assert main(["fmt", "--lang", "en", str(path)]) == 0
    assert path.read_bytes() == FORMATTED.encode("utf-8")


@pytest.mark.parametrize("bom", [b"", BOM], ids=["crlf", "crlf+bom"])
def test_stdin_gives_its_line_ends_back(bom: bytes) -> None:
    for given in (MESSY, FORMATTED):
        proc = subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", "fmt", "-"], input=bom + _crlf(given), capture_output=True, cwd=ROOT
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout == bom + _crlf(FORMATTED)  # (before: LF, no BOM)


@pytest.mark.parametrize("bom", ["", "\ufeff"], ids=["crlf", "crlf+bom"])
def test_the_language_server_agrees(bom: str) -> None:
    formatted = bom + FORMATTED.replace("\n", "\r\n")
    assert format_edits(formatted) == []  # (before: a whole-document edit to LF)
    (edit,) = format_edits(bom + MESSY.replace("\n", "\r\n"))
    assert edit.new_text == formatted
    assert edit.range.start.line == 0 and edit.range.end.line == MESSY.count("\n")


def test_the_formatter_itself_takes_and_gives_normalised_text() -> None:
    assert format_text("\ufeff" + MESSY.replace("\n", "\r\n")) == FORMATTED
