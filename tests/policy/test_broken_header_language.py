"""A policy whose header is wrong still speaks the languages its header declares.

A header that failed to build (``effective 2026-02-30``) or to parse (``version 2026.1`` without
quotes) was dropped with everything in it, its ``languages ja, en`` too: the model was ``None`` and
the diagnostics of a Japanese policy came out in the locale's language (English in the C locale),
in ``sla check``, ``sla serve`` and the language server alike. The ``languages`` statement is now
read whenever it can be; only a header whose ``languages`` cannot be read falls back to the locale.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from policy_edits import CLICKSOKO
from policy_edits import edited as edited_text

from sla_dsl.authoring.lsp import Documents
from sla_dsl.cli import main
from sla_dsl.lang.diagnostics import PolicyError, policy_language
from sla_dsl.policy import compile_text, load_policy

LANGUAGES = "  languages ja, en                             # Japanese first: outputs default to it\n"


def edited(*edits: tuple[str, str]) -> str:
    """The bundled policy (``languages ja, en``) with each ``(old, new)`` made once."""
    return edited_text(CLICKSOKO, *edits)


BAD_DATE = ("  effective 2026-04-01", "  effective 2026-02-30")  # the header does not build
NO_QUOTES = ('  version "2026.1"', "  version 2026.1")  # the header does not parse
OPENED_TWICE = ('sla "Click So-ko" {', 'sla "Click So-ko" {{')  # nor does this one


def check(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "policy.sla"
    path.write_text(text, "utf-8")
    assert main(["check", str(path)]) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize(
    ("edit", "code"),
    [(BAD_DATE, "E209"), (NO_QUOTES, "E011"), (OPENED_TWICE, "E011")],
)
def test_the_declared_language_is_kept(edit: tuple[str, str], code: str) -> None:
    compiled = compile_text(edited(edit), "t.sla")
    assert [d.code for d in compiled.diagnostics] == [code]
    assert compiled.model is not None and compiled.model.header.languages == ("ja", "en")
    assert policy_language(compiled.model) == "ja"


def test_sla_check_writes_a_bad_date_in_japanese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = check(tmp_path, edited(BAD_DATE), capsys)
    lines = err.rstrip().split("\n")
    assert lines[0].endswith("error: [E209] `2026-02-30` は正しい日付ではありません")
    assert lines[3] == "  ヒント: 実在する日付を `YYYY-MM-DD` の形で書いてください"
    assert lines[-1] == "エラー1件、警告0件"


def test_sla_check_writes_a_parse_error_of_the_header_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = check(tmp_path, edited(NO_QUOTES), capsys)
    lines = err.rstrip().split("\n")
    assert lines[0].endswith(
        '[E011] `2026.1` はここには書けません。ここに書けるのは引用符で囲んだ文字列（例："2026.1"）です'
    )
    assert lines[-1] == "エラー1件、警告0件"


def test_loading_says_which_language(tmp_path: Path) -> None:
    path = tmp_path / "policy.sla"
    path.write_text(edited(BAD_DATE), "utf-8")
    with pytest.raises(PolicyError) as caught:
        load_policy(str(path))
    assert (caught.value.lang, caught.value.header_read) == ("ja", True)
    assert "正しい日付ではありません" in caught.value.render()


def test_sla_serve_refuses_in_japanese(tmp_path: Path) -> None:
    path = tmp_path / "policy.sla"
    path.write_text(edited(BAD_DATE), "utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "serve", str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
        check=False,
    )
    assert proc.returncode == 1
    assert "[E209] `2026-02-30` は正しい日付ではありません" in proc.stderr


@pytest.mark.parametrize(
    ("edit", "said"),
    [(BAD_DATE, "`2026-02-30` は正しい日付ではありません"), (NO_QUOTES, "`2026.1` はここには書けません")],
)
def test_the_language_server_writes_in_japanese(edit: tuple[str, str], said: str) -> None:
    diags = Documents().check("file:///policy.sla", edited(edit))
    assert len(diags) == 1 and diags[0].message.startswith(said)


def test_the_header_languages_win_over_the_locale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    english_first = edited(BAD_DATE, (LANGUAGES, "  languages en, ja\n"))
    assert check(tmp_path, english_first, capsys).rstrip().endswith("\n1 error, 0 warnings")
    declares_none = edited(BAD_DATE, (LANGUAGES, ""))  # English, as any policy that declares none
    assert check(tmp_path, declares_none, capsys).rstrip().endswith("\n1 error, 0 warnings")
    # only a `languages` that cannot be read falls back to the locale
    unreadable = edited(BAD_DATE, (LANGUAGES, "  languages 3\n"))
    compiled = compile_text(unreadable, "t.sla")
    assert compiled.model is None
    assert check(tmp_path, unreadable, capsys).rstrip().endswith("\nエラー1件、警告0件")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert check(tmp_path, unreadable, capsys).rstrip().endswith("\n1 error, 0 warnings")
