"""An ``event`` declaration counts wherever it starts and however it is broken over lines.

QA's finding: a declared event type was found only when ``event`` began its line, so
``exclude a "あ" / "A" event incident.chat_started "開始" / "Chat started"`` on one line, or ``event  # declared
here`` with the name on the next line, gave E208 (no such event type) on the rules that name it, and ``sla
fmt`` refused the file. Line breaks mean nothing to the grammar: the declared names are now found from the
words of the text, comments and texts skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import format_text
from sla_dsl.cli import main
from sla_dsl.lang.event_types import declared_in
from sla_dsl.policy import compile_text

HEADER = 'sla "x" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
CLOCK = "\nclock chat {\n  starts at incident.chat_started\n  stops at incident.responded\n}\n"
DECLARATION = 'event incident.chat_started "開始" / "Chat started"'
REST = 'incident.chat_started "開始" / "Chat started"'

PLACES = {
    "after another declaration on its line": f'exclude a "あ" / "A" {DECLARATION}\n',
    "a comment between the keyword and the name": f"event # declared here\n  {REST}\n",
    "the name on the next line": f"event\n{REST}\n",
    "after the header's brace": "",  # (the header's `}` and the declaration on one line, below)
    "indented": f"   {DECLARATION}\n",
}


def _policy(place: str) -> str:
    if place == "after the header's brace":
        return HEADER[:-1] + f" {DECLARATION}\n" + CLOCK
    return HEADER + PLACES[place] + CLOCK


@pytest.mark.parametrize("place", PLACES)
def test_the_declaration_is_found(place: str) -> None:
    text = _policy(place)
    assert declared_in(text) == {"incident.chat_started"}
    compiled = compile_text(text)
    assert compiled.errors == [], [d.code for d in compiled.errors]  # (before: E208 at `starts at`)
    assert compiled.model is not None
    assert [e.name for e in compiled.model.event_types] == ["incident.chat_started"]


@pytest.mark.parametrize("place", PLACES)
def test_fmt_formats_it(place: str, tmp_path: Path) -> None:
    text = _policy(place)
    out = format_text(text)
    if "#" in text:  # the comment stays after `event`, the rest on a continuation line
        assert "\nevent" + " " * 42 + '# declared here\n  incident.chat_started "開始" / "Chat started"\n' in out
    else:
        assert f"\n{DECLARATION}\n" in out
    assert format_text(out) == out
    path = tmp_path / "p.sla"
    path.write_text(text, "utf-8")
    assert main(["check", str(path)]) == 0
    assert main(["fmt", str(path)]) == 0 and path.read_text("utf-8") == out


@pytest.mark.parametrize(
    "text",
    [
        "# event incident.chat_started\n",
        'exclude a "event incident.chat_started" / "A"\n',
        'exclude a "a \\" event incident.chat_started" / "A"\n',
        "exclude event\n",
        "event incident.\n",
        "events incident.chat_started\n",
        "the_event incident.chat_started\n",
    ],
)
def test_no_declaration_in_a_comment_a_text_or_another_word(text: str) -> None:
    assert declared_in(text) == frozenset()


def test_a_name_that_cannot_be_declared_is_not_taken() -> None:
    assert declared_in("event outage.x\nevent incident.y") == {"incident.y"}
