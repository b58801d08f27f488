"""Lines a Berlin policy's author got wrong, each said at its line with the line to write.

Before: ``languages en, de`` was told to write ``languages ja, en`` (another primary language, and never
which codes there are); ``at risk at 75%`` without ``of target`` was put at the ``}`` of the next line with
the forms of the statement; and ``respond within 30 minutes 24x7`` got a list of expected words only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.lang.compile import compile_text

ROOT = Path(__file__).resolve().parents[2]
HEAD = """\
sla "Nordlicht IT Managed Service" {
  format 1
  version "2026.1"
  effective 2026-01-01
  timezone Europe/Berlin
  languages en
}

calendar support "Support hours" {
  hours mon..thu 08:00-18:00
  hours fri 08:00-16:00
}

clock response "Time to first response" {
  starts at incident.reported
}

clock resolution "Time to resolution" {
  starts at incident.reported
  stops at incident.resolved
  at risk at 75% of target
}

priority P1 "Critical" {
  respond within 30 minutes
  resolve within 4 hours on resolution
}
"""


def _errors(text: str) -> list[tuple[str, int, int, str, str | None, str | None]]:
    result = compile_text(text, "v.sla")
    return [
        (
            d.code,
            d.span.line,
            d.span.column,
            d.message,
            d.help,
            d.help_words.text("ja") if d.help_words is not None else None,
        )
        for d in result.diagnostics
        if d.is_error
    ]


def test_the_policy_is_valid() -> None:
    assert _errors(HEAD) == []


@pytest.mark.parametrize(
    ("line", "fix"),
    [
        ("languages en, de", "languages en"),
        ("languages de, en", "languages en"),
        ("languages ja, fr, en", "languages ja, en"),
        ("languages de", "languages ja, en"),  # (nothing left: both)
    ],
)
def test_an_unknown_language_keeps_the_authors_order_and_names_the_codes(line: str, fix: str) -> None:
    found = _errors(HEAD.replace("  languages en\n", f"  {line}\n"))
    assert len(found) == 1 and found[0][0] == "E260", found
    _, _, _, _, help, ja = found[0]
    assert (
        help
        == f"the languages are `ja` (Japanese) and `en` (English): write `{fix}` (the first is the primary language)"
    )
    assert ja == f"書ける言語は `ja`（日本語）と `en`（英語）です。`{fix}` と書いてください（最初の言語が主言語です）"


def test_an_alias_beside_an_unknown_code_leaves_the_unknown_one_out() -> None:
    found = _errors(HEAD.replace("  languages en\n", "  languages jp, de\n"))
    helps = [f[4] for f in found]
    assert all(h is not None and "`languages ja`" in h for h in helps), helps


@pytest.mark.parametrize(
    ("written", "fix", "column"),
    [
        ("at risk at 75%", "at risk at 75% of target", 17),
        ("at risk at 50%, 75%", "at risk at 50%, 75% of target", 22),
        ("at risk at 50%, 75% of", "at risk at 50%, 75% of target", 25),
    ],
)
def test_an_at_risk_line_without_of_target_is_said_at_its_end(written: str, fix: str, column: int) -> None:
    found = _errors(HEAD.replace("  at risk at 75% of target\n", f"  {written}\n"))
    assert found == [
        (
            "E011",
            21,
            column,
            "the `at risk` line does not end with `of target`",
            f"write `{fix}`",
            f"`{fix}` と書いてください",
        )
    ], found


@pytest.mark.parametrize(
    ("old", "new", "duration", "fix"),
    [
        ("respond within 30 minutes", "respond within 30 minutes 24x7", "30 minutes", "respond within 30 minutes"),
        ("respond within 30 minutes", "respond within 30 minutes 24/7", "30 minutes", "respond within 30 minutes"),
        (
            "resolve within 4 hours on resolution",
            "resolve within 4 hours 24x7 on resolution",
            "4 hours",
            "resolve within 4 hours on resolution",
        ),
    ],
)
def test_around_the_clock_after_elapsed_time_gives_the_line_without_it(
    old: str, new: str, duration: str, fix: str
) -> None:
    found = _errors(HEAD.replace(f"  {old}\n", f"  {new}\n"))
    assert len(found) == 1 and found[0][0] == "E011", found
    _, line, column, _, help, ja = found[0]
    assert (line, column) == (25 if old.startswith("respond") else 26, new.index("24") + 3)
    assert help == (
        f"elapsed time (`{duration}`) already counts around the clock, every hour of every day: write `{fix}`"
    )
    assert ja == f"経過時間（`{duration}`）は、もともと毎日 24 時間数えます。`{fix}` と書いてください"


def test_the_reference_names_the_supported_languages() -> None:
    en = (ROOT / "docs" / "reference" / "language.en.md").read_text("utf-8")
    ja = (ROOT / "docs" / "reference" / "language.ja.md").read_text("utf-8")
    assert "The\nlanguages are `ja` (Japanese) and `en` (English)" in en
    assert "書ける言語は `ja`（日本語）と `en`（英語）です" in ja
