"""The site's version history says a calendar's week as ``sla diff`` does: by the week it opens.

The same week written otherwise (``days mon..fri`` with ``hours ...``, or ``hours mon..fri ...``) was three
changes in the history, two of them false; Saturday added was Monday to Friday removed.
"""

from __future__ import annotations

import html

from sla_dsl.docs import history
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text

from .conftest import ROOT

CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
WEEK = (
    "  days mon..fri\n  hours 10:00-12:00, 13:00-18:00               # reading 3: the lunch hour is not business time\n"
)
MON_FRI = "  hours mon..fri 10:00-12:00, 13:00-18:00\n"


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _week(lines: str) -> m.PolicyModel:
    assert CLICKSOKO.count(WEEK) == 1
    return _model(CLICKSOKO.replace(WEEK, lines).replace('version "2026.1"', 'version "2026.2"'))


def _lines(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    return [html.unescape(c.describe(lang)) for c in history.diff(old, new)]


def test_the_same_week_written_otherwise_is_no_change_in_the_history() -> None:
    assert history.diff(_model(CLICKSOKO), _week(MON_FRI)) == []


def test_saturday_added_is_said_alone_in_the_history() -> None:
    old, new = _model(CLICKSOKO), _week(MON_FRI + "  hours sat 10:00-13:00\n")
    assert _lines(old, new, "ja") == ["当社営業時間の営業日を追加：土は10:00〜13:00"]
    assert _lines(old, new, "en") == ["Company business hours days added: Sat 10:00-13:00"]
