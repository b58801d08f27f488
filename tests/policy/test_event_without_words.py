"""``event backup.completed`` without its words: an error at that line with the line to write.

QA: a relabel of a contract event type (``event <type> "ja" / "en" [ref]``) written without its words,
followed by more lines, said ``E012 unexpected end of file`` at the blank line after it (the file did not
end there), or pointed at a ``[art ...]`` with the help of any ``event`` line. It now says, at the end of
the type, that the relabel (or a declaration of the policy's own type) needs its words in each language
the policy declares, with the line to write in those languages.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

CALENDARS = "# --- Calendars"
RELABEL = "the relabel of `backup.completed` has no words: it needs them in each language the policy declares"


def _errors(text: str) -> list[Diagnostic]:
    return [d for d in compile_text(text, "t.sla").diagnostics if d.is_error]


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("event backup.completed\n\n", 'event backup.completed "…" / "…"'),
        (
            'event backup.completed\nevent outage.notified "第一報" / "First notice"\n',
            'event backup.completed "…" / "…"',
        ),
        ("event backup.completed [art 3.1.7]\n", 'event backup.completed "…" / "…" [art 3.1.7]'),
        ("event backup.completed  # 取得完了\n", 'event backup.completed "…" / "…"'),
    ],
)
def test_a_relabel_without_its_words_is_told_at_its_line(written: str, fix: str) -> None:
    text = edited(CLICKSOKO, (CALENDARS, written + CALENDARS))
    (d,) = _errors(text)
    assert d.code == "E011"
    line = line_of(text, "event backup.completed")
    assert (d.span.line, d.span.column) == (line, len("event backup.completed") + 1)
    assert d.message == RELABEL
    assert (
        d.text("ja")
        == "イベント `backup.completed` の言い換えに言葉がありません。ポリシーの各言語で言葉を書いてください"
    )
    assert d.help == f"write `{fix}`"
    assert d.help_text("ja") == f"`{fix}` と書いてください"
    assert "end of file" not in d.message


def test_a_relabel_without_its_words_at_the_end_of_the_file() -> None:
    text = CLICKSOKO + "\nevent backup.completed\n"
    (d,) = _errors(text)
    assert (d.code, d.span.line, d.message) == ("E011", line_of(text, "event backup.completed"), RELABEL)


def test_a_declaration_without_its_words_and_a_policy_of_one_language() -> None:
    text = edited(CLICKSOKO, (CALENDARS, "event incident.chat_started\n\n" + CALENDARS))
    (d,) = _errors(text)
    assert d.message == (
        "the declaration of `incident.chat_started` has no words: it needs them in each language the policy declares"
    )
    assert d.help == 'write `event incident.chat_started "…" / "…"`'
    english = edited(text, ("  languages ja, en", "  languages en"))
    (d,) = _errors(english)
    assert d.help == 'write `event incident.chat_started "…"`'


def test_the_line_written_as_told_checks_clean() -> None:
    text = edited(CLICKSOKO, (CALENDARS, "event backup.completed\n\n" + CALENDARS))
    (d,) = _errors(text)
    fix = (d.help or "").split("`")[1].replace("…", "取得完了", 1).replace("…", "Backup taken", 1)
    assert _errors(edited(text, ("event backup.completed\n", fix + "\n"))) == []
