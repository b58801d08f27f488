"""No input, however malformed, produces an exception or hangs: only diagnostics or success."""

from __future__ import annotations

import re
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.lang.compile import decode_source
from sla_dsl.policy import compile_path, compile_text

POLICY = (Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla").read_text("utf-8")
TOKENS = re.findall(r'"(?:\\.|[^"\\\n])*"|#[^\n]*|\s+|[A-Za-z_][\w.]*|\d[\d:.\-%a-z]*|.', POLICY)
POOL = sorted({t for t in TOKENS if t.strip() and not t.startswith("#")})


def assert_only_diagnostics(text: str) -> None:
    compiled = compile_text(text, "fuzz.sla")
    if not compiled.errors:
        assert compiled.model is not None
    for d in compiled.diagnostics:
        assert d.span.line >= 1 and d.span.column >= 1
        assert d.code[0] in "EW"
        d.render(text)  # rendering never fails either


mutation = st.tuples(
    st.sampled_from(["delete", "duplicate", "swap", "insert", "replace"]),
    st.integers(min_value=0, max_value=len(TOKENS) - 1),
    st.integers(min_value=0, max_value=len(TOKENS) - 1),
    st.sampled_from(POOL),
)


def apply(tokens: list[str], op: tuple[str, int, int, str]) -> list[str]:
    kind, i, j, word = op
    i %= len(tokens)
    j %= len(tokens)
    out = list(tokens)
    if kind == "delete":
        del out[i]
    elif kind == "duplicate":
        out.insert(i, out[i])
    elif kind == "swap":
        out[i], out[j] = out[j], out[i]
    elif kind == "insert":
        out.insert(i, " " + word + " ")
    else:
        out[i] = word
    return out or [" "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutation, min_size=1, max_size=4))
def test_token_mutations_give_diagnostics_or_success(ops: list[tuple[str, int, int, str]]) -> None:
    tokens = list(TOKENS)
    for op in ops:
        tokens = apply(tokens, op)
    assert_only_diagnostics("".join(tokens))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    assert_only_diagnostics(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(data: bytes) -> None:
    text, diags = decode_source(data, "fuzz.sla")
    if text is None:
        assert diags and diags[0].code == "E001"
    else:
        assert_only_diagnostics(text)


def test_ten_megabytes_of_nesting_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "deep.sla"
    path.write_text("{" * 10_000_000)
    started = time.monotonic()
    compiled = compile_path(path)
    assert [d.code for d in compiled.diagnostics] == ["E001"]
    assert "at most" in compiled.diagnostics[0].message
    assert time.monotonic() - started < 30  # a hang guard, not a performance assertion


def test_deep_nesting_within_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "deep.sla"
    path.write_text('sla "x" ' + "{" * 500_000 + "}" * 500_000)
    compiled = compile_path(path)
    assert compiled.errors


def test_many_declarations_are_all_reported_but_capped() -> None:
    text = "\n".join(f"priority P{i} {{ respond within 4 bizness hours }}" for i in range(500))
    compiled = compile_text(text, "many.sla")
    assert 10 < len(compiled.diagnostics) <= 100
