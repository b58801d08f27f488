"""The trend table's change column says in words which way a figure went, not by its colour and sign alone
(WCAG 1.4.1): ``+12.0ポイント（改善）`` / ``-4.5 pt (worse)``. It said ``+12.0ポイント`` in green and ``-4.5ポイント``
in red, which a screen reader, a reader who does not tell the colours apart and a print in black and white
read as a bare sign. For a count of faults a rise is worse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report import TrendFigure
from sla_dsl.report.trend import _change
from sla_dsl.report.words import PolicyWords

from .helpers import MONTH, POLICY, sla
from .trend_log import write_two_months


@pytest.fixture(scope="module")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_two_months(tmp_path_factory.mktemp("trend") / "events-2026-10-11.jsonl")


@pytest.mark.parametrize(
    ("lang", "better", "worse"),
    [("ja", "+12.0ポイント（改善）", "-4.5ポイント（悪化）"), ("en", "+12.0 pt (better)", "-4.5 pt (worse)")],
)
def test_the_html_change_column_says_better_or_worse(two_months: Path, lang: str, better: str, worse: str) -> None:
    code, out, err = sla("evaluate", POLICY, two_months, *MONTH, "--format", "html", "--lang", lang)
    assert code == 0, err
    trend = out[out.index('<section id="trend">') :].split("</section>", 1)[0]
    changes = [re.sub(r"<[^>]+>|\s", "", row.rsplit("<td", 1)[1].split(">", 1)[1]) for row in trend.split("<tr")[2:]]
    assert better.replace(" ", "") in changes and worse.replace(" ", "") in changes
    # the words are the cell's own, in the colour it had, on one line as before
    assert f'<td class="num good nowrap">{better}</td>' in trend
    assert f'<td class="num bad nowrap">{worse}</td>' in trend


@pytest.mark.parametrize(
    ("lang", "rise", "fall"), [("ja", "+2件（悪化）", "-1件（改善）"), ("en", "+2 (worse)", "-1 (better)")]
)
def test_more_faults_are_worse(lang: str, rise: str, fall: str) -> None:
    w = PolicyWords([sla_dsl.load_policy(POLICY)], lang)

    def faults(n: int) -> TrendFigure:
        return TrendFigure(commitment="continuous_backup", subject="continuous", faults=n)

    assert _change(w, faults(3), faults(1)) == (rise, "bad")
    assert _change(w, faults(1), faults(2)) == (fall, "good")
