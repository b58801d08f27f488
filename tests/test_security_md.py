"""SECURITY.md stays true: every limit in its table is the constant it names, with the value it states."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "SECURITY.md").read_text("utf-8")


def _rows() -> list[tuple[str, list[str], str]]:
    """(limit cell, constant names, module) of each row of the limits table."""
    rows = []
    for line in TEXT.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].endswith(".py`"):
            names = re.findall(r"`([A-Z_]+)`", cells[2])
            module = re.findall(r"`(sla_dsl/[\w/]+)\.py`", cells[2])[0].replace("/", ".")
            rows.append((cells[1], names, module))
    return rows


def _spellings(value: object) -> set[str]:
    """How a limit may be written in the table: 1,048,576 or 1048576 or 1 MiB."""
    if isinstance(value, dict):
        return set().union(*(_spellings(v) for v in value.values()))
    if not isinstance(value, int):
        return set()
    out = {f"{value:,}", str(value)}
    if value >= 1 << 20 and value % (1 << 20) == 0:
        out.add(f"{value >> 20} MiB")
    return out


def test_the_limits_table_names_real_constants_with_their_values() -> None:
    rows = _rows()
    assert len(rows) >= 8, "the limits table of SECURITY.md was not found"
    for limit, names, module_name in rows:
        module = importlib.import_module(module_name)
        for name in names:
            assert hasattr(module, name), f"SECURITY.md names `{name}` in {module_name}, which has none"
            value = getattr(module, name)
            assert any(s in limit for s in _spellings(value)), f"SECURITY.md says `{limit}` for {name} = {value}"


def test_security_md_names_no_host_or_address_for_reports() -> None:
    assert "security advisory" in TEXT
    assert not re.search(r"[\w.-]+@[\w-]+\.\w+|https?://", TEXT)
