"""A figure shown beside its target is never rounded onto the target's other side.

An outage of 3:35:25 in November against Click So-ko's content service with a target of 99.5% gives
0.99499961: below target, a 10% credit owed. Rounded to the nearest it read ``99.500%  未達`` beside
``99.5%以上`` in the summary, ``稼働率 99.5000% が 99.5% を下回ったため`` in the credits and
``availability 99.5000% … below the target 99.5%`` in ``sla explain``. Below the target it is cut
down (``99.4999%``, ``99.499%``); the per-period table, the credits, the availability table and
``sla explain`` say it alike (:func:`sla_dsl.report.words.percent_against`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.report.words import percent_against

from .helpers import MONTH, POLICY, readable, sla

#: Click So-ko with a target on its content service, and a credit below it.
TARGET = POLICY.read_text("utf-8").replace(
    "  availability measured                        # reading 13: no percentage is promised\n",
    "  availability target 99.5% monthly\n  credit below 99.5% 10%, below 99.0% 25%, below 95.0% 100%\n",
)
#: 3:35:25 down of 718:00 measured (720 hours less the 2-hour maintenance): 0.99499961
EDGE = [
    {"event": "outage.started", "at": "2026-11-10T04:00:00+09:00", "id": "OUT-E", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-11-10T07:35:25+09:00", "id": "OUT-E"},
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("edge")
    policy, log = folder / "target.sla", folder / "edge.jsonl"
    assert "availability target 99.5% monthly" in TARGET
    policy.write_text(TARGET, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EDGE), "utf-8")
    return policy, log


def test_percent_against_keeps_the_side_of_the_target() -> None:
    assert percent_against(0.99499961, 99.5, 4) == "99.4999%"
    assert percent_against(0.99499961, 99.5, 3) == "99.499%"
    assert percent_against(0.99499961, None, 4) == "99.5000%"  # no target: the nearest
    assert percent_against(0.995536, 99.9, 3) == "99.554%"  # far from the target: the nearest
    assert percent_against(0.995, 99.5, 4) == "99.5000%"  # on the target: met
    assert percent_against(0.99895, 99.9, 2) == "99.89%"  # not 99.90%
    assert percent_against(0.9990004, 99.9, 3) == "99.900%"
    assert percent_against(1.0, 99.9, 3) == "100.000%"
    assert percent_against(0.0, 99.5, 4) == "0.0000%"


def test_the_json_figure_is_below_the_target(files: tuple[Path, Path]) -> None:
    code, out, err = sla("evaluate", *files, *MONTH, "--format", "json")
    assert code == 0, err
    report = json.loads(out)
    (period,) = report["availability_periods"]
    assert period["ratio"] == pytest.approx(0.99499961, abs=1e-8) and period["met"] is False
    assert [c["credit_percent"] for c in report["credits"]] == [10.0]
    # the engine's own words, in the violation's message and the period's steps, cut it down too
    (v,) = [v for v in report["violations"] if v["kind"] == "availability"]
    assert v["message"].endswith("99.4999% below the target 99.5%"), v["message"]
    assert "99.5000%" not in out  # (nor in the credits' and the periods' steps)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_no_figure_beside_the_target_reads_as_the_target(files: tuple[Path, Path], fmt: str) -> None:
    for lang in ("ja", "en"):
        code, out, err = sla("evaluate", *files, *MONTH, "--format", fmt, "--lang", lang)
        assert code == 0, err
        text = readable(out, fmt)
        assert "99.500%" not in text and "99.5000%" not in text, (fmt, lang)
        assert "99.499%" in text  # the summary (three decimals)
        assert text.count("99.4999%") >= 4  # availability table, per-period table, credit row and reason
        if lang == "ja":
            assert "稼働率 99.4999% が 99.5% を下回ったため" in text


def test_explain_says_the_figure_below_the_target(files: tuple[Path, Path]) -> None:
    for lang, said in (("en", "availability 99.4999% from"), ("ja", "の稼働率 99.4999% が目標 99.5% を下回る")):
        code, out, err = sla("explain", *files, "content:2026-11-01", "--lang", lang)
        assert code == 0, err
        assert said in out and "99.5000%" not in out, out


def test_the_trend_says_the_figure_as_the_summary_does(files: tuple[Path, Path], tmp_path: Path) -> None:
    """With a log that reaches back to 1 October, the trend's November availability reads ``99.499%``."""
    policy, log = files
    anchor = {"event": "backup.completed", "at": "2026-10-01T02:00:00+09:00", "id": "B-1", "kind": "database"}
    longer = tmp_path / "two-months.jsonl"
    longer.write_text(log.read_text("utf-8") + json.dumps(anchor) + "\n", "utf-8")
    code, out, err = sla("evaluate", policy, longer, *MONTH, "--format", "text", "--lang", "en")
    assert code == 0, err
    trend = out[out.index("Trend against earlier months") :].split("\n\n", 1)[0]
    line = next(x for x in trend.splitlines() if x.strip().startswith("Availability"))
    assert "99.499%" in line and "99.500%" not in line, line
