"""The cluster page says how messages name a frame's rows as ``sla_dsl.dask`` names them, in both languages.

The page said that a plain ``source=`` string "reads ``file:LINE``, as for a JSON Lines log"; that is
true only of a frame with a ``line`` column. A frame without one is numbered, and its rows are named
``events.jsonl: row 2, column `at``` whatever the name. The page now says when each form is used, and
its examples are the forms the messages take. Fails on the page before.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sla_dsl.events import EventInputError
from sla_dsl.events.problems import located

from .conftest import ROOT

PAGES = {lang: ROOT / "docs" / "engineers" / f"cluster.{lang}.md" for lang in ("en", "ja")}
ROWS = [
    {"event": "incident.reported", "at": "2026-11-02T09:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.reported", "at": "not a time", "id": "B", "priority": "P1"},
]


def _intro(page: Path) -> str:
    text = page.read_text("utf-8")
    return " ".join(text[: text.index("## Dask")].split())


def _named(lines: list[int] | None, lang: str, **source: str) -> str:
    """Where the messages of ``sla_dsl.dask.evaluate`` name the bad row of :data:`ROWS`."""
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    import sla_dsl.dask

    frame = pd.DataFrame(ROWS)
    if lines is not None:
        frame["line"] = lines
    policy = sla_dsl.load_policy(ROOT / "policies" / "clicksoko.sla")
    with pytest.raises(EventInputError) as caught:
        sla_dsl.dask.evaluate(policy, dd.from_pandas(frame, npartitions=1), "2026-11-01", "2026-12-01", **source)
    p = caught.value.problems[0]
    return located(p.source, p.line, p.column, lang)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_says_when_a_row_is_named_by_its_line(lang: str) -> None:
    intro = _intro(PAGES[lang])
    assert "a plain string reads" not in intro and "普通の文字列なら" not in intro
    assert _named([500, 501], lang, source="events.jsonl") == "events.jsonl:501"
    assert _named([500, 501], lang) == "<table>:501"
    assert "`events.jsonl:501`" in intro and "`<table>:501`" in intro


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_page_shows_a_row_of_a_frame_without_lines_as_messages_name_it(lang: str) -> None:
    intro = _intro(PAGES[lang])
    named = _named(None, lang, source="events.jsonl")  # (a file's name, and still its row in the frame)
    shown = re.search(r"``(events\.jsonl: [^`]*`at`) ``", intro)
    assert shown is not None, "the page shows no row of a frame without a `line` column"
    assert shown.group(1) == re.sub(r"\b2\b", "33393", named)
