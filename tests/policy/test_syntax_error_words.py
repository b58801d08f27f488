"""The words of syntax errors: every terminal of the grammar has words, and the Japanese reads right.

QA found the grammar's internal names in messages (``holidays 日本``: 「ここに書けるのは名前、`region`です」;
``from 2026/03``: 「`yearmonth`です」, with no example), E013's Japanese help reading 「46行目の次の宣言より前に」
(the next declaration *is* on line 46), and a Shift_JIS policy refused in English with no word of its
encoding, though its ASCII ``languages ja, en`` line can be read from its bytes.
"""

from __future__ import annotations

from pathlib import Path

from policy_edits import CLICKSOKO, edited

from sla_dsl.i18n import CATALOGUE, message
from sla_dsl.lang import diagnostics
from sla_dsl.lang.parser import TERMINAL_EXAMPLES, TERMINAL_WORDS, expected_words, get_parser
from sla_dsl.lang.source import decode_policy, read_policy_file
from sla_dsl.policy import compile_text


def _named_terminals() -> set[str]:
    parser = get_parser()
    ignored = set(parser.lexer_conf.ignore)
    return {t.name for t in parser.terminals if t.pattern.type == "re" and t.name not in ignored}


def test_every_terminal_of_the_grammar_has_words_in_both_languages() -> None:
    named = _named_terminals()
    assert {"NAME", "STRING", "REGION", "YEARMONTH"} <= named
    for name in sorted(named | {"$END"}):
        assert name in TERMINAL_WORDS and name in TERMINAL_EXAMPLES, name
        key = f"diag.expected.{name}"
        assert key in CATALOGUE, key
        (phrase,) = expected_words({name})
        assert not isinstance(phrase, str), name  # a catalogue phrase, not the terminal's name
        assert phrase.text("en") == TERMINAL_WORDS[name], name
        assert name.lower() not in phrase.text("ja") and name not in phrase.text("ja"), name


def test_expected_region_and_year_month_are_worded() -> None:
    text = edited(CLICKSOKO, ("  holidays JP ", "  holidays 日本 "))
    (d,) = compile_text(text, "t.sla").errors
    assert d.text("ja") == "`日本` はここには書けません。ここに書けるのは国と地域のコード（例：`US-NY`）、名前です"
    text = edited(
        CLICKSOKO, ("  every month on 4th thu, 22:00-24:00 ", "  every 3 months from April on 4th thu, 22:00-24:00 ")
    )
    (d,) = compile_text(text, "t.sla").errors
    assert d.text("ja") == "`April` はここには書けません。ここに書けるのは年月（例：`2026-03`）です"
    assert d.message == "unexpected `April`, expected a year and month such as `2026-03`"


def test_an_unclosed_block_names_the_line_of_the_next_declaration() -> None:
    text = edited(CLICKSOKO, ("  holidays JP", "  holidays JP\n}\ncalendar x {"))
    text = edited(text, ("}\n\ncalendar always", "\n\ncalendar always"))
    (d,) = [d for d in compile_text(text, "t.sla").errors if d.code == "E013"]
    line = text.split("\n").index('calendar always "24時間365日" / "24 hours, 365 days" [art 2.1.1] {') + 1
    assert d.help_text("ja") == f"{line}行目の宣言より前に `}}` を書いてください"
    assert d.help == f"add `}}` before the next declaration on line {line}"
    assert message("diag.E013.help", "ja", line="46") == "46行目の宣言より前に `}` を書いてください"


def test_a_shift_jis_policy_is_refused_in_its_declared_language(tmp_path: Path) -> None:
    path = tmp_path / "sjis.sla"
    path.write_bytes(CLICKSOKO.encode("cp932"))
    text, (d,) = read_policy_file(path)
    assert text is None and d.code == "E001"
    assert d.languages == ("ja", "en") and diagnostics.refusal_language([d]) == "ja"
    assert d.text("ja") == "ファイルが `UTF-8` のテキストではありません（`Shift_JIS` で保存されているようです）"
    assert d.help_text("ja") == "ポリシーを `Shift_JIS` ではなく `UTF-8` で保存し直してください"
    assert (d.message, d.help) == (
        "the file is not UTF-8 text (it looks like Shift_JIS)",
        "save the policy again as UTF-8, not Shift_JIS",
    )


def test_sla_check_says_the_shift_jis_refusal_in_japanese(tmp_path: Path) -> None:
    """The command took its language from the locale when no model was left: English."""
    import subprocess
    import sys

    path = tmp_path / "sjis.sla"
    path.write_bytes(CLICKSOKO.encode("cp932"))
    for command in ("check", "fmt"):
        done = subprocess.run(
            [sys.executable, "-m", "sla_dsl.cli", command, str(path)], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 1 and "ファイルが `UTF-8` のテキストではありません" in done.stderr, done.stderr


def test_other_bytes_that_are_not_utf8_keep_their_words() -> None:
    _, (d,) = decode_policy(CLICKSOKO.encode("utf-16"))  # (UTF-16 is named: tests/policy/test_qa_author_words.py)
    assert d.message == "the file is not UTF-8 text (it looks like UTF-16LE)" and d.languages == ("ja", "en")
    english = CLICKSOKO.replace("languages ja, en", "languages en, ja").replace("Click So-ko", "Click So-ko\xe9")
    _, (d,) = decode_policy(english.encode("latin-1", errors="replace"))
    assert d.message == "the file is not UTF-8 text" and diagnostics.refusal_language([d]) == "en"
