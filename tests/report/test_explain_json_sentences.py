"""``sla explain --format json`` gives, beside each item's row, the explanation its text prints.

The JSON of ``sla explain`` was the report's row alone: its ``explain`` steps are the engine's English
(``reported Mon 02 Nov 09:00 as P1``) whatever ``--lang`` asked, so a program that shows a Japanese
support desk why an incident is late had to run the command twice, or show English. Each item now has
an ``explanation``: the headline, the period, the article, one line per instant (its instant, that
instant as the text writes it, the sentences) and the undated summary, in the language asked. Put back
together, they are the text ``sla explain`` prints, line for line, for every kind of id.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from .helpers import EXAMPLE, JAPANESE, MONTH, POLICY, ROOT, sla

IDS = [
    "INC-001",  # a breached response
    "INC-015",
    "OUT-04",  # an outage whose notice was late
    "OUT-10",  # still open at the as-of time
    "STOP-01",
    "STOP-02",  # a planned stop without a valid notice
    "files:2026-11-14",  # a backup day missed
    "AMI-1110",  # a backup deleted before its retention
    "CB-1121-06",  # a backup in its primary zone
    "content:2026-11-01",  # a measurement period
]
PLANS = (ROOT / "policies" / "examples" / "plans.sla", ROOT / "policies" / "examples" / "plans.jsonl")


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


def _as_text(item: dict[str, Any]) -> list[str]:
    """The explanation put back together as ``sla explain`` prints it."""
    x = item["explanation"]
    out = [x["headline"], x["period"]]
    out += [x[key] for key in ("note", "article") if x[key]]
    out += [f"  {line['when']}  {line['text']}".rstrip() for line in x["lines"]]
    out += [f"  {line}" for line in x["summary"]]
    return out


def _both(policy: Path, log: Path, ident: str, *flags: str) -> tuple[list[dict[str, Any]], list[str]]:
    items: list[dict[str, Any]] = json.loads(_run("explain", policy, log, ident, *flags, "--format", "json"))
    text = _run("explain", policy, log, ident, *flags).rstrip("\n").split("\n")
    return items, text


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("ident", IDS)
def test_the_json_explanation_is_the_text(ident: str, lang: str) -> None:
    items, text = _both(POLICY, EXAMPLE, ident, *MONTH, "--lang", lang)
    assert items
    rebuilt: list[str] = []
    for n, item in enumerate(items):
        if n:
            rebuilt.append("")
        rebuilt += _as_text(item)
        assert item["explanation"]["lang"] == lang
    assert rebuilt == text


@pytest.mark.parametrize("ident", IDS)
def test_lines_are_dated_in_order_and_in_the_policy_zone(ident: str) -> None:
    items, _ = _both(POLICY, EXAMPLE, ident, *MONTH)
    for item in items:
        lines = item["explanation"]["lines"]
        assert lines
        dated = [dt.datetime.fromisoformat(line["at"]) for line in lines if line["at"] is not None]
        assert dated == sorted(dated)
        assert all(t.utcoffset() == dt.timedelta(hours=9) for t in dated)
        # undated lines come last, each instant is written as the text writes it
        firsts = [n for n, line in enumerate(lines) if line["at"] is None]
        assert firsts == list(range(len(lines) - len(firsts), len(lines)))
        assert all(line["when"] for line in lines if line["at"] is not None)


def test_japanese_is_the_default_and_english_only_when_asked() -> None:
    (ja,), _ = _both(POLICY, EXAMPLE, "INC-001", *MONTH)
    (en,), _ = _both(POLICY, EXAMPLE, "INC-001", *MONTH, "--lang", "en")
    assert ja["explanation"]["lang"] == "ja"
    assert all(JAPANESE.search(line["text"]) for line in ja["explanation"]["lines"])
    assert not any(JAPANESE.search(line["text"]) for line in en["explanation"]["lines"])
    # the row is the same in both: only the explanation is in the language asked
    assert {k: v for k, v in ja.items() if k != "explanation"} == {k: v for k, v in en.items() if k != "explanation"}


def test_a_policy_of_another_provider_and_its_periods() -> None:
    report = json.loads(_run("evaluate", *PLANS, *MONTH, "--format", "json", "--no-trend", "--quiet"))
    idents = [v["id"] for v in report["violations"]][:6]
    assert idents
    for ident in idents:
        for lang in ("ja", "en"):
            items, text = _both(*PLANS, ident, *MONTH, "--lang", lang)
            rebuilt: list[str] = []
            for n, item in enumerate(items):
                rebuilt += [""] * bool(n) + _as_text(item)
            assert rebuilt == text, ident
