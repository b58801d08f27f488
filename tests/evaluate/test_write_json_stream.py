"""``judge(...).write_json(stream)`` refuses a text stream before it writes anything, saying what to pass.

``write_json(io.StringIO())`` (or ``sys.stdout``) failed deep inside with ``TypeError: string argument
expected, got 'bytes'``, after the write had started. It now refuses a text stream (or what is no
stream) at once, in the policy's primary language as the API's other refusals, naming the binary
streams to pass; a binary stream gets the bytes it always got. Fails on the code before.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.evaluation import judge

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`: its refusals in Japanese
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ("2026-11-01", "2026-12-01")


def _judged(text: str | None = None) -> Any:
    policy = sla_dsl.load_policy(text if text is not None else POLICY)
    return judge(policy, str(EVENTS), *MONTH)


class _Said(io.StringIO):
    """A text stream that counts what is written to it."""

    writes = 0

    def write(self, s: Any) -> int:
        self.writes += 1
        return super().write(s)


@pytest.mark.parametrize("make", [_Said, lambda: sys.stdout], ids=["StringIO", "stdout"])
def test_a_text_stream_is_refused_before_anything_is_written(make: Any, capsys: pytest.CaptureFixture[str]) -> None:
    out = make()
    with pytest.raises(TypeError) as caught:
        _judged().write_json(out)
    said = str(caught.value)
    assert said.startswith("`out` にはバイナリのストリームを渡してください")
    assert "`sys.stdout.buffer`" in said and '`open(path, "wb")`' in said and "bytes" not in said
    if isinstance(out, _Said):
        assert out.writes == 0 and out.getvalue() == ""
    else:
        assert capsys.readouterr().out == ""


def test_the_refusal_is_in_english_for_an_english_policy(tmp_path: Path) -> None:
    text = POLICY.read_text("utf-8").replace("languages ja, en", "languages en, ja")
    with pytest.raises(TypeError, match=r"^out: expected a binary stream, found StringIO: .*sys\.stdout\.buffer"):
        _judged(text).write_json(io.StringIO())
    with open(tmp_path / "report.json", "w", encoding="utf-8") as f, pytest.raises(TypeError, match="TextIOWrapper"):
        _judged(text).write_json(f)  # type: ignore[arg-type]
    assert (tmp_path / "report.json").read_text("utf-8") == ""
    with pytest.raises(TypeError, match="found str"):
        _judged(text).write_json(str(tmp_path / "report.json"))  # type: ignore[arg-type]


def test_a_binary_stream_gets_the_report(tmp_path: Path) -> None:
    result = _judged()
    buffer = io.BytesIO()
    result.write_json(buffer)
    with open(tmp_path / "report.json", "wb") as f:
        result.write_json(f)
    assert buffer.getvalue() == (tmp_path / "report.json").read_bytes()
    assert buffer.getvalue().startswith(b"{\n")
