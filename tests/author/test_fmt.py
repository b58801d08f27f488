"""``sla fmt``: round trips, golden layouts, comments kept, meaning unchanged."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import format_text, lex
from sla_dsl.cli import main
from sla_dsl.lang.model import meaning
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "fmt"
POLICY = ROOT / "policies" / "clicksoko.sla"


def _valid_policies() -> list[Path]:
    """Every .sla file in the repository that compiles without errors (warnings allowed)."""
    found = []
    for path in sorted(ROOT.glob("**/*.sla")):
        if ".git" in path.parts or "golden" in path.parts:
            continue
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        compiled = compile_text(text, str(path))
        if compiled.model is not None and not compiled.errors:
            found.append(path)
    return found


VALID = _valid_policies()


def test_the_corpus_has_valid_policies() -> None:
    assert POLICY in VALID and len(VALID) >= 5


@pytest.mark.parametrize("path", [p for p in VALID if p.is_relative_to(ROOT / "policies")], ids=lambda p: p.name)
def test_shipped_policies_are_formatted(path: Path) -> None:
    text = path.read_text("utf-8")
    assert format_text(text) == text


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_one_pass_reaches_the_fixed_point_and_keeps_meaning(path: Path) -> None:
    text = path.read_text("utf-8")
    once = format_text(text)
    assert format_text(once) == once
    before, after = compile_text(text).model, compile_text(once).model
    assert before is not None and after is not None
    assert meaning(before) == meaning(after)
    # nothing but whitespace changed
    assert "".join(text.split()) == "".join(once.split()) or _same_tokens(text, once)


def _same_tokens(a: str, b: str) -> bool:
    _, ta, ca = lex(a)
    _, tb, cb = lex(b)
    return [str(t) for t in ta] == [str(t) for t in tb] and len(ca) >= len(cb)


@pytest.mark.parametrize("name", ["messy", "comments"])
def test_golden_layouts(name: str) -> None:
    source = (GOLDEN / f"{name}.sla").read_text("utf-8")
    expected = (GOLDEN / f"{name}.expected.sla").read_text("utf-8")
    assert format_text(source) == expected
    assert format_text(expected) == expected


def _scramble(text: str, seed: int) -> str:
    """The same tokens and comments with the whitespace between tokens shuffled (blank lines kept)."""
    rng = random.Random(seed)
    _, toks, _ = lex(text)
    out = [text[: toks[0].start_pos]]
    for a, b in itertools.pairwise(toks):
        out.append(str(a))
        gap = text[a.end_pos : b.start_pos]
        if "#" in gap or "\n\n" in gap:
            out.append(gap)
        else:
            out.append(rng.choice([" ", "   ", "\n", "\n      ", "\t", " \n  "]))
    out.append(text[toks[-1].start_pos :])
    return "".join(out)


@pytest.mark.parametrize("seed", range(5))
def test_a_scrambled_copy_formats_back_to_the_policy(seed: int) -> None:
    text = POLICY.read_text("utf-8")
    scrambled = _scramble(text, seed)
    assert scrambled != text
    assert format_text(scrambled) == text


def test_every_comment_is_kept_in_order() -> None:
    source = (GOLDEN / "comments.sla").read_text("utf-8")
    _, _, before = lex(source)
    _, _, after = lex(format_text(source))
    assert [str(c).rstrip(" \t") for c in before] == [str(c) for c in after]  # (kept exactly but for ASCII blanks)


def test_check_mode_reports_a_diff_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "messy.sla"
    path.write_text((GOLDEN / "messy.sla").read_text("utf-8"), "utf-8")
    assert main(["fmt", "--check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"--- {path}\n+++ {path} (formatted)\n")
    assert "+  days mon..fri" in out
    assert path.read_text("utf-8") == (GOLDEN / "messy.sla").read_text("utf-8")


def test_in_place_then_check_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "messy.sla"
    path.write_text((GOLDEN / "messy.sla").read_text("utf-8"), "utf-8")
    assert main(["fmt", str(path)]) == 0
    assert path.read_text("utf-8") == (GOLDEN / "messy.expected.sla").read_text("utf-8")
    assert main(["fmt", "--check", str(path)]) == 0
    assert "1 file reformatted" in capsys.readouterr().err


def test_a_file_with_errors_is_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.sla"
    bad = POLICY.read_text("utf-8").replace("4 business hours", "4 business hurs")
    path.write_text(bad, "utf-8")
    assert main(["fmt", "--lang", "en", str(path)]) == 1
    err = capsys.readouterr().err
    assert "error: [E011]" in err and "not formatted" in err
    assert path.read_text("utf-8") == bad
    # without --lang, in the policy's primary language (Japanese), the count at the end too (issue 16)
    assert main(["fmt", str(path)]) == 1
    err = capsys.readouterr().err
    assert "error: [E011]" in err and f"sla fmt: {path}: 整形していません（ポリシーの構文を読めません）\n" in err
    assert err.endswith("\n0 件を整形し、0 件は変更なし、1 件はエラー\n") and "help:" not in err
    assert path.read_text("utf-8") == bad


def test_stdin_to_stdout() -> None:
    source = (GOLDEN / "messy.sla").read_text("utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "fmt", "-"], input=source, capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (GOLDEN / "messy.expected.sla").read_text("utf-8")


def test_check_reads_stdin_as_fmt_does() -> None:
    check = [sys.executable, "-m", "sla_dsl.cli", "check", "-"]
    good = subprocess.run(check, input=POLICY.read_text("utf-8"), capture_output=True, text=True, cwd=ROOT)
    assert good.returncode == 0 and good.stderr == "", good.stderr
    typo = POLICY.read_text("utf-8").replace("4 business hours", "4 busines hours")
    bad = subprocess.run([*check, "--lang", "en"], input=typo, capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "<stdin>:" in bad.stderr and "error: [E207]" in bad.stderr, bad.stderr


@pytest.mark.parametrize("command", ["check", "fmt"])
def test_a_closed_stdin_is_an_e001_not_an_internal_error(command: str) -> None:
    argv = [sys.executable, "-m", "sla_dsl.cli", command, "--lang", "en", "-"]
    res = subprocess.run(["sh", "-c", 'exec "$@" <&-', "sh", *argv], capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 1 and "internal error" not in res.stderr
    assert "<stdin>: error: [E001] cannot read the policy: the standard input is closed" in res.stderr


def test_missing_file_is_a_located_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fmt", "no-such-file.sla"]) == 1
    assert "no-such-file.sla: error: [E001] no such file" in capsys.readouterr().err
