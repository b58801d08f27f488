"""The cluster page's Dask example and promises, and the columnar page's list types, in both languages.

- The example read Parquet with ``dd.read_parquet(...)`` while the next paragraph says to pass
  ``dtype_backend="pyarrow"``, and judged the frame twice (``evaluate`` then ``evaluate_tables``) where
  ``sla_dsl.report_tables(report)`` gives the tables of the report it has.
- The page promised the report of one run byte for byte without the caveat the events page makes: a
  partition sees only its own ids, so the note on an id in another Unicode form may differ.
- The columnar page writes a list column as ``list<string>`` where a report's Parquet file shows
  ``list<element: string>``: the page says both.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import sla_dsl

from .conftest import ROOT

PAGES = [ROOT / "docs" / "engineers" / f"cluster.{lang}.md" for lang in ("en", "ja")]


def _dask_example(text: str) -> str:
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    return next(b for b in blocks if "import sla_dsl.dask" in b)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_the_dask_example_reads_arrow_columns_and_judges_once(page: Path) -> None:
    text = page.read_text("utf-8")
    example = _dask_example(text)
    assert 'dd.read_parquet("s3://bucket/events/2026/", dtype_backend="pyarrow")' in example
    assert "sla_dsl.dask.evaluate(" in example and "tables = sla_dsl.report_tables(report)" in example
    assert "evaluate_tables(" not in example  # (the frame judged once)
    assert "import sla_dsl\n" in example and callable(sla_dsl.report_tables)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_the_byte_for_byte_promise_carries_the_events_page_caveat(page: Path) -> None:
    text = page.read_text("utf-8")
    intro = " ".join(text[: text.index("```sh")].split())
    assert "(events.md#how-events-are-read)" in intro
    assert ("Unicode form" if page.name.endswith(".en.md") else "Unicode の表し方") in intro
    events = (ROOT / "docs" / "engineers" / page.name.replace("cluster", "events")).read_text("utf-8")
    assert "{#how-events-are-read}" in events


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_columnar_page_names_a_list_as_a_parquet_file_shows_it(lang: str) -> None:
    policy = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
    report = sla_dsl.evaluate(policy, ROOT / "examples" / "events-2026-11.jsonl", "2026-11-01", "2026-12-01")
    page = (ROOT / "docs" / "engineers" / f"columnar.{lang}.md").read_text("utf-8")
    lists = []
    for name, table in sla_dsl.report_tables(report).items():
        out = io.BytesIO()
        pq.write_table(table, out)
        read = pq.read_schema(io.BytesIO(out.getvalue()))
        lists += [(name, f) for f in read if str(f.type).startswith("list<")]
    assert lists, "no list column in the report's tables"
    for name, field in lists:
        assert f"| `{field.name}` | `list<" in page, (name, field.name)
        assert f"`{field.type}`" in page, (lang, str(field.type))
