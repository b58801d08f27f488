"""A diagnostic never writes a control character from the policy raw: message, source line and help.

``sla check`` echoed the policy's bytes: a time zone holding ``ESC [2J`` cleared the reader's terminal from
the E205 message and again from the source line under it, a right-to-left override reversed the rest of
the line, and the caret, counted on the raw line, no longer stood under the span once the line was
shown escaped. Each control character is now shown as its escape (``\\x1b``) in the message (so the
language server and JSON get the escaped text too), the help and the excerpt, and the caret counts the
escaped line's columns, full-width characters as two, tabs kept.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.i18n.width import display_width
from sla_dsl.lang.diagnostics import Diagnostic, PolicyError
from sla_dsl.lang.model import Span

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
ZONE = "Asia/\x1b[2J\x1b]0;PWN\x07\u202eTokyo"
ZONE_SHOWN = "Asia/\\x1b[2J\\x1b]0;PWN\\x07\\u202eTokyo"
CONTROL = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))] + ["\u202e"]


def _bad_zone() -> str:
    text = CLICKSOKO.read_text("utf-8")
    assert "timezone Asia/Tokyo" in text
    return text.replace("timezone Asia/Tokyo", f'timezone "{ZONE}"', 1)


def _caret_under(rendered: str, excerpt_at: int) -> tuple[str, str]:
    """The excerpt's text and the text its carets stand under (in terminal columns)."""
    lines = rendered.splitlines()
    shown = lines[excerpt_at].split(" | ", 1)[1]
    marks = lines[excerpt_at + 1].split(" | ", 1)[1] if " | " in lines[excerpt_at + 1] else ""
    pad = len(marks) - len(marks.lstrip(" "))
    width = len(marks.strip())
    col = 0
    start = end = None
    for i, ch in enumerate(shown):
        if col == pad and start is None:
            start = i
        col += display_width(ch)
        if col == pad + width and start is not None:
            end = i + 1
            break
    assert start is not None and end is not None, (shown, marks)
    return shown, shown[start:end]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_an_unknown_zone_is_quoted_with_escapes(lang: str) -> None:
    with pytest.raises(PolicyError) as caught:
        sla_dsl.load_policy(_bad_zone())
    (d,) = [d for d in caught.value.diagnostics if d.code == "E205"]
    assert f"`{ZONE_SHOWN}`" in d.message  # the field tools read (the language server, JSON)
    rendered = caught.value.render(lang=lang)
    assert not any(ch in rendered for ch in CONTROL), rendered
    assert f"`{ZONE_SHOWN}`" in rendered.splitlines()[0]
    shown, under = _caret_under(rendered, 1)
    assert under == f'"{ZONE_SHOWN}"', (shown, under)


def test_sla_check_writes_no_control_character(tmp_path: Path) -> None:
    policy = tmp_path / "p.sla"
    policy.write_text(_bad_zone(), "utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "sla_dsl.cli", "check", str(policy)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    said = proc.stdout + proc.stderr
    assert ZONE_SHOWN in said and not any(ch in said for ch in CONTROL), said


@pytest.mark.parametrize(
    ("line", "span", "under"),
    [
        # a control character before the span: the caret moves with the escaped line
        ('  x "\x1b[2J全角" bad', "bad", "bad"),
        # the span is the control character itself
        ("  calendar busi\x1b[31mness", "\x1b", "\\x1b"),
        # a span over one: as wide as its escape
        ('  timezone "a\x07b"', '"a\x07b"', '"a\\x07b"'),
        # a tab before the span stays a tab; a C1 control and an override are escaped
        ("\tx \x85\u202e y", "y", "y"),
    ],
)
def test_the_caret_stands_under_the_span_in_the_escaped_line(line: str, span: str, under: str) -> None:
    source = f"first\n{line}\nlast\n"
    column = line.index(span) + 1
    d = Diagnostic(
        code="E999", message="m", span=Span(line=2, column=column, end_line=2, end_column=column + len(span))
    )
    rendered = d.render(source)
    assert not any(ch in rendered for ch in CONTROL), rendered
    lines = rendered.splitlines()
    if "\t" in line:  # the caret's padding copies the tab: compare the characters before the carets
        text, marks = lines[1].split(" | ", 1)[1], lines[2].split(" | ", 1)[1]
        head = marks[: len(marks) - len(marks.lstrip("\t "))]
        assert head.startswith("\t") and text[len(head) :].startswith(under)
        return
    assert _caret_under(rendered, 1)[1] == under


def test_a_message_or_help_holding_a_control_character_is_shown_escaped() -> None:
    d = Diagnostic(code="E999", message="bad `a\x1bb`", help="write `c\rd`", span=Span(line=1, column=1, end_column=2))
    rendered = d.render("x\n")
    assert "bad `a\\x1bb`" in rendered and "write `c\\rd`" in rendered
    assert "\x1b" not in d.header() and "\x1b" not in rendered and "\r" not in rendered
