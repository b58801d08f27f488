"""The timeline's title counts the planned stops it names: the validly noticed ones it draws.

November 2026 of the example has two planned stops, STOP-01 noticed in time and STOP-02 not (too late, and
by web). The chart draws STOP-01 only (the legend's 通知済み計画停止 / "noticed planned stop"); its title said
``計画停止 1 件`` / ``1 planned stop``, which a reader of the planned-stops table (two rows) reads as wrong.
The title now names what it counts: ``通知済み計画停止 1 件`` / ``1 noticed planned stop``.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

import sla_dsl
from sla_dsl.i18n import message
from sla_dsl.report.render import render

from .helpers import EXAMPLE, POLICY

_SVG = re.compile(r'<svg [^>]*aria-label="([^"]*)"[^>]*class="timeline"><title>([^<]*)</title>(.*?)</svg>', re.S)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ja", "、通知済み計画停止 1 件"), ("en", ", 1 noticed planned stop")],
)
def test_the_title_counts_the_noticed_stops_it_draws_and_says_so(lang: str, said: str) -> None:
    policy = sla_dsl.load_policy(POLICY)
    events = [json.loads(x) for x in EXAMPLE.read_text("utf-8").splitlines() if x.startswith("{")]
    jst = dt.timezone(dt.timedelta(hours=9))
    report = sla_dsl.evaluate(
        policy, events, dt.datetime(2026, 11, 1, tzinfo=jst), dt.datetime(2026, 12, 1, tzinfo=jst)
    )
    assert [s.notice_ok for s in report.planned_stops] == [True, False]  # two stops, one validly noticed
    page = render(report, "html", lang=lang, policies=[policy])
    m = _SVG.search(page)
    assert m
    aria, title, body = m.groups()
    assert aria == title and title.endswith(said), title
    drawn = re.findall(r"<title>([^<]*)</title></rect>", body)
    stop = message("report.tip.stop", lang, id="", start="", end="").split(" ")[0]  # 計画停止 / planned
    assert len([t for t in drawn if t.startswith(stop)]) == 1  # what the title counts is what is drawn
    # and it names them as the legend does
    assert message("report.legend.stop", lang) in message("report.timeline.stops.one", lang, n=1)
