"""Diagnostics that used to come without a ``help:`` line, and refusals worded in the wrong language.

W202 (a weekday listed twice), E001 for a text holding a NUL, the defensive E010 for a Lark failure
other than unexpected input, each with a help in Japanese and English; ``sla check -`` words a refused
text in the language its bytes declare, as ``sla fmt -`` does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from lark.exceptions import LarkError

from sla_dsl.lang import parser, source
from sla_dsl.policy.load import compile_policy, compile_text

ROOT = Path(__file__).resolve().parents[2]
HEADER = 'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}\n'
W202 = HEADER + "calendar business {\n  days tue, mon..fri\n  hours 10:00-18:00\n}\n"


def _no_english(ja: str) -> bool:
    return not re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", ja))


def test_a_weekday_listed_twice_says_which_one_to_write_once() -> None:
    (d,) = compile_policy(W202).diagnostics
    assert d.code == "W202" and d.help_words is not None
    assert d.help_text("en") == d.help == "write `tue` once (the repeat is ignored)"
    assert d.help_text("ja") == "`tue` は一度だけ書いてください。二度目は無視されます"
    # true: the repeat changes nothing
    model = compile_policy(W202).model
    assert model is not None
    (calendar,) = model.calendars
    assert [str(day) for day in calendar.days] == ["tue", "mon", "wed", "thu", "fri"]


def test_a_nul_byte_says_to_remove_it_at_the_place_shown() -> None:
    text, (d,) = source.decode_policy('sla "T" {\n\x00}\n', "p.sla")
    assert text is None and d.code == "E001" and (d.span.line, d.span.column) == (2, 1)
    assert d.help_words is not None
    assert d.help_text("en") == (
        "remove the NUL byte at the place shown; if the file is not text, check that this is the policy file"
    )
    ja = d.help_text("ja") or ""
    assert "`NUL`" in ja and _no_english(ja)


def test_the_defensive_cannot_parse_has_a_help(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> object:
        raise LarkError("grammar broke\nsecond line")

    monkeypatch.setattr(parser, "parse_tree", fail)  # (compile imports it when it compiles: 997b982)
    found = [d for d in compile_text(HEADER, "p.sla").diagnostics if d.code == "E010"]
    (d,) = found
    assert d.message == "cannot parse: grammar broke"
    assert d.help_words is not None and d.help_text("en") == d.help
    assert (
        d.help
        == "compare the text with the language reference; if it is written right, report this as a bug of the checker"
    )
    ja = f"{d.text('ja')}\n{d.help_text('ja')}"
    assert "`grammar broke`" in ja and _no_english(ja)


_JA_HEAD = b'sla "T" {\n  languages ja, en\n}\n'


@pytest.mark.parametrize(
    ("data", "ja"),
    [
        (_JA_HEAD + b"\x00", "バイトがあります"),
        (_JA_HEAD + b"# \xff\n", "のテキストではありません"),
        (_JA_HEAD + b"#" * source.MAX_POLICY_BYTES, "バイトを超えています"),
    ],
    ids=["nul", "not-utf8", "too-big"],
)
def test_sla_check_stdin_words_a_refusal_in_the_declared_language(data: bytes, ja: str) -> None:
    def check(*args: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", "check", *args, "-"],
            input=data,
            capture_output=True,
            cwd=ROOT,
            env={**os.environ, "NO_COLOR": "1", "LC_ALL": "C", "LANG": "C"},
            timeout=120,
        )
        assert (proc.returncode, proc.stdout) == (1, b"")
        return proc.stderr.decode("utf-8")

    said = check()
    assert "[E001]" in said and ja in said and said.endswith("エラー1件、警告0件\n"), said
    english = check("--lang", "en")
    assert "[E001]" in english and english.endswith("1 error, 0 warnings\n") and ja not in english
