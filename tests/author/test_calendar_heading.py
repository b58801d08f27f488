"""``sla calendar``'s heading names the calendar by its label, in the command's language.

It showed the calendar's id, ``2026年12月  テスト保守 · business``, in Japanese too: the heading now
shows the label the calendar declares in that language (``営業時間``), and the id only for a calendar
that declares no label.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

HEADER = """sla "テスト保守" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages {languages}
}}
"""
CALENDAR = """calendar business {label}{{
  days mon..fri
  hours 09:00-12:00, 13:00-17:30
  holidays JP
  closed yearly 12-29..01-03
}}
priority P1 "緊急"{en} {{
  respond within 2 business hours
}}
"""


def _heading(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *lang: str) -> str:
    policy = tmp_path / "policy.sla"
    policy.write_text(text, "utf-8")
    capsys.readouterr()
    code = main(["calendar", str(policy), "--month", "2026-12", *lang])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    return out.splitlines()[0]


def _policy(languages: str, label: str) -> str:
    en = ' / "Urgent"' if "en" in languages else ""
    return HEADER.format(languages=languages) + CALENDAR.format(label=label, en=en)


@pytest.mark.parametrize(
    ("languages", "label", "lang", "heading"),
    [
        # QA's policy (`languages ja`): the Japanese label
        ("ja", '"営業時間" ', (), "2026年12月  テスト保守 · 営業時間（日本時間）"),
        # a policy in both languages: the label of the command's language
        ("ja, en", '"営業時間" / "Business hours" ', (), "2026年12月  テスト保守 · 営業時間（日本時間）"),
        (
            "ja, en",
            '"営業時間" / "Business hours" ',
            ("--lang", "en"),
            "December 2026  テスト保守 · Business hours (Japan time)",
        ),
        # no label: the id, the only name it has
        ("ja", "", (), "2026年12月  テスト保守 · business（日本時間）"),
    ],
)
def test_the_heading_names_the_calendar_by_its_label(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    languages: str,
    label: str,
    lang: tuple[str, ...],
    heading: str,
) -> None:
    assert _heading(tmp_path, capsys, _policy(languages, label), *lang) == heading
