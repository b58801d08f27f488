"""Evaluations running at once in several threads never leave the cyclic garbage collector off.

Each place that pauses the collector (an evaluation, a log read, a report's rows built) read whether it was
on, turned it off and, at its end, turned it back on if it had been on. The collector is the process's: a
thread that read "off" while another evaluation ran, then turned it off after that one had turned it back
on, left it off for good (measured: 60 rounds of 64 evaluations on 8 threads left it off after most), and
an evaluation ending first turned it on under another still building its rows. Every place now pauses it
through :func:`sla_dsl.files.collector_paused`, which counts who holds it: the first in notes whether it
was on, the last out turns it back on. Tested by calling the holders' ends in an interleaved order by
hand, never by racing threads.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
import sla_dsl.evaluation as evaluation
from sla_dsl import files

from .helpers import ROOT, policy

EVENTS = [{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P1"}]
PERIOD = ("2026-11-01", "2026-12-01")


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """The collector on when a test starts, and on again (no pause held) when it ends, whatever it did."""
    assert gc.isenabled()
    try:
        yield
    finally:
        pause = getattr(files, "_PAUSE", None)
        while pause is not None and pause.holders > 0:
            files.resume_collector()
        gc.enable()


def test_the_last_holder_out_turns_the_collector_back_on_in_either_order() -> None:
    for first_out in ("a", "b"):
        files.pause_collector()  # a
        assert not gc.isenabled()
        files.pause_collector()  # b, while a holds it: reads "off", and must not keep it off for good
        files.resume_collector()  # the first out (a or b): the other still holds it
        assert not gc.isenabled(), first_out
        files.resume_collector()  # the last out
        assert gc.isenabled(), first_out


def test_a_holder_that_comes_and_goes_while_another_holds_it_changes_nothing() -> None:
    files.pause_collector()
    for _ in range(3):
        files.pause_collector()
        files.resume_collector()
        assert not gc.isenabled()
    files.resume_collector()
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    with files.collector_paused():
        with files.collector_paused():
            pass
        assert not gc.isenabled()
    assert not gc.isenabled()
    sla_dsl.evaluate(policy(), EVENTS, *PERIOD)
    assert not gc.isenabled()


def test_the_collector_is_on_after_an_evaluation_and_after_one_that_fails() -> None:
    sla_dsl.evaluate(policy(), EVENTS, *PERIOD)
    assert gc.isenabled()
    with pytest.raises(sla_dsl.InputError):
        sla_dsl.evaluate(policy(), [{**EVENTS[0], "at": "2026-11-02T10:00:00"}], *PERIOD)
    assert gc.isenabled()


def test_an_evaluation_ending_first_leaves_the_collector_paused_for_rows_still_being_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    report = sla_dsl.evaluate(policy(), EVENTS, *PERIOD)
    assert len(report.incidents) == 1
    building = report.incidents._all()  # (a report's rows, built one by one with the collector paused)
    real = evaluation.judge_log
    started: list[bool] = []

    def judge_log(*args: Any, **kwargs: Any) -> evaluation.Evaluation:
        if not started:
            started.append(next(building) is not None)  # rows start being built while the evaluation runs
        return real(*args, **kwargs)

    monkeypatch.setattr(evaluation, "judge_log", judge_log)
    try:
        evaluation.judge(policy(), EVENTS, *PERIOD, trend=False)  # ends before the rows do
        assert started == [True]
        assert not gc.isenabled()  # (it was turned back on by the evaluation's end, under the rows' building)
    finally:
        building.close()
    assert gc.isenabled()


def test_every_place_that_pauses_the_collector_goes_through_collector_paused() -> None:
    allowed = {
        "sla_dsl/files.py",  # the pause itself
        "sla_dsl/_entry.py",  # the `sla` command's process: off until it exits, never turned back on
    }
    found = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "sla_dsl").rglob("*.py")
        if re.search(r"\bgc\.(disable|enable)\(", path.read_text("utf-8"))
    )
    assert set(found) <= allowed, found


def test_the_api_page_says_the_collector_is_paused_process_wide() -> None:
    for page, said in (("api.en.md", "paused for the whole process"), ("api.ja.md", "プロセス全体で止まります")):
        text = " ".join((Path(ROOT) / "docs" / "engineers" / page).read_text("utf-8").split())
        assert said in text, page
