"""A missing ``events_file`` is a located test-file error at its value (E160), in ja and en; a policy
refused for its size or a NUL is worded in the language its header declares, with the byte count."""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main
from sla_dsl.lang.source import MAX_POLICY_BYTES, decode_policy, read_policy_file

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`
CASE = "cases:\n  - name: x\n    events_file: nope.jsonl\n    period: {from: 2026-11-30, to: 2026-12-07}\n"
CASE += "    expect:\n      incidents: {INC-A: open}\n"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "[E160] case `x`: cannot read the log `"),
        ("ja", "[E160] ケース `x`：`events_file` のログ `"),
    ],
)
def test_a_missing_events_file_is_located_at_its_value(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(CASE, "utf-8")
    capsys.readouterr()
    assert main(["test", "--lang", lang, str(POLICY), str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{path}:3:18: error: {said}"), err
    assert "sla: error" not in err and "sla: エラー" not in err
    assert "\n  ヒント: " in err if lang == "ja" else "\n  help: " in err


def test_a_bad_line_of_an_events_file_keeps_its_own_frame(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ev.jsonl").write_text("{not json\n", "utf-8")
    path = tmp_path / "t.yaml"
    path.write_text(CASE.replace("nope.jsonl", "ev.jsonl"), "utf-8")
    capsys.readouterr()
    assert main(["test", "--lang", "en", str(POLICY), str(path)]) == 1
    assert f"{tmp_path / 'ev.jsonl'}:1: error: [E10" in capsys.readouterr().err


def _big(tmp_path: Path) -> tuple[Path, str]:
    text = POLICY.read_text("utf-8") + "#" * (MAX_POLICY_BYTES + 100) + "\n"
    path = tmp_path / "big.sla"
    path.write_text(text, "utf-8")
    return path, text


def test_a_policy_over_the_cap_is_refused_in_its_language_with_its_size(tmp_path: Path) -> None:
    path, text = _big(tmp_path)
    size = f"{len(text.encode()):,}"
    _, by_file = read_policy_file(path)
    _, by_text = decode_policy(text, str(path))  # as the language server reads it
    for diags in (by_file, by_text):
        assert diags[0].code == "E001" and diags[0].languages == ("ja", "en")
        assert size in diags[0].message


def test_a_policy_with_a_nul_is_refused_in_its_language(tmp_path: Path) -> None:
    text = POLICY.read_text("utf-8").replace("format 1", "format\x001", 1)
    path = tmp_path / "nul.sla"
    path.write_text(text, "utf-8")
    for _, diags in (read_policy_file(path), decode_policy(text, str(path))):
        assert diags[0].code == "E001" and diags[0].languages == ("ja", "en")
