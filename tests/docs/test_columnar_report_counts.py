"""What the columnar page tells an analyst who counts the report's tables is what the tables do.

* ``incidents.parquet`` lists the incidents carried over from an earlier period (not completed at
  ``from``), whose response an earlier report counted: grouping its ``status`` gave 2 of 4 P1 responses
  met where the summary says 1 of 2. The page says so, and where the summary's figures are in the tables:
  the rows whose ``in_summary`` is true are the verdicts the summary counts (the response breaches are also
  the ``violations`` of kind ``response_breached``).
* Some column names are SQL keywords DuckDB refuses unquoted (``select start, end from ...`` is a syntax
  error): the page names every one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

import sla_dsl
from sla_dsl.report.render import render
from sla_dsl.report.tables import SCHEMAS, write_parquet

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "docs" / "engineers"
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"


def ev(event: str, at: str, ident: str, **more: str) -> dict[str, str]:
    return {"event": event, "at": f"{at}:00+09:00", "id": ident, **more}


EVENTS = [
    # completed in September, before the month: only its earliest event reaches back, so October is a trend month
    ev("incident.reported", "2026-09-30T10:00", "E", priority="P1"),
    ev("incident.responded", "2026-09-30T10:30", "E"),
    ev("incident.resolved", "2026-09-30T12:00", "E"),
    # carried over into November, not completed: A breached at its due time in October, B met in October
    ev("incident.reported", "2026-10-27T10:00", "A", priority="P1"),
    ev("incident.reported", "2026-10-28T10:00", "B", priority="P1"),
    ev("incident.responded", "2026-10-28T11:00", "B"),
    # November's own: C answered late, D in time
    ev("incident.reported", "2026-11-02T10:00", "C", priority="P1"),
    ev("incident.responded", "2026-11-02T18:00", "C"),
    ev("incident.reported", "2026-11-04T10:00", "D", priority="P1"),
    ev("incident.responded", "2026-11-04T11:00", "D"),
]


def page(lang: str) -> str:
    text = (PAGES / f"columnar.{lang}.md").read_text("utf-8")
    return text[text.index("{#report-out}") : text.index("<!-- generated: report-tables -->")]


@pytest.fixture(scope="module")
def november() -> tuple[sla_dsl.Policy, sla_dsl.report.Report]:
    policy = sla_dsl.load_policy(CLICKSOKO)
    return policy, sla_dsl.evaluate(policy, EVENTS, "2026-11-01", "2026-12-01")


def test_the_summary_s_figures_are_where_the_page_says(
    november: tuple[sla_dsl.Policy, sla_dsl.report.Report], tmp_path: Path
) -> None:
    policy, report = november
    write_parquet(report, tmp_path)

    def sql(query: str) -> list[tuple[object, ...]]:
        return duckdb.sql(re.sub(r"\{(\w+)\}", lambda m: f"'{tmp_path / m.group(1)}.parquet'", query)).fetchall()

    # every row listed, those carried over too
    assert sql("select id, status from {incidents} order by id") == [
        ("A", "breached"),
        ("B", "met"),
        ("C", "breached"),
        ("D", "met"),
    ]
    summary = render(report, "text", lang="en", policies=[policy])
    assert "1 of 2 met (50.0%)" in summary  # the summary counts November's responses only
    breaches = sql(
        "select i.priority, count(*) from {violations} v join {incidents} i on v.id = i.id"
        " where v.kind = 'response_breached' group by all"
    )
    assert breaches == [("P1", 1)]
    p1 = sql(
        'select f.judged, f.met from (select row_number() over () - 1 as "row", "current" from {trend}) t'
        ' join {trend_figures} f on f."row" = t."row" where t."current" and f.subject = \'P1\''
    )
    assert p1 == [(2, 1)]
    # the rows the summary counts, by the flag the page names, in the page's own query
    for lang in ("en", "ja"):
        text = page(lang)
        assert "`response_breached`" in text and "`in_summary`" in text, lang
        flat = " ".join(text.split())  # (the query may run over two lines of the page)
        query = re.search(r"`(select status, count\(\*\) from 'report/incidents.parquet' where in_summary[^`]*)`", flat)
        assert query is not None, lang
        said = query.group(1).replace("'report/incidents.parquet'", "{incidents}")
        assert sorted(sql(said)) == [("breached", 1), ("met", 1)], lang


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_names_every_column_sql_must_quote(lang: str) -> None:
    refused = []
    for name in sorted({c.name for columns in SCHEMAS.values() for c in columns}):
        try:
            duckdb.sql(f'select {name} from (select 1 as "{name}")').fetchall()
        except duckdb.Error:
            refused.append(name)
    assert "end" in refused and "table" in refused
    line = next(x for x in page(lang).splitlines() if "SQL" in x and "`end`" in x)
    assert sorted(re.findall(r"`(\w+)`", line.split("SQL")[0])) == refused
