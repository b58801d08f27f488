"""The timeline says what each bar is without its colour (WCAG 1.4.1 and 1.4.11).

An accessibility audit (axe-core and by hand) found the kinds of the timeline told apart by colour alone:
an excluded outage (yellow, 1.2:1 to the band's green), one inside excused time (purple) and a noticed
planned stop (blue, as thin as an outage). Now a planned stop is striped where maintenance is solid, in
the chart and in its legend key; every outage's bar has a dark outline; and the label of an outage that
counts no downtime says why in words (the example's OUT-05 excluded, OUT-06 inside a noticed stop).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

import pytest

import sla_dsl
from sla_dsl.i18n import message
from sla_dsl.report import Report
from sla_dsl.report.chart import KEYS, OUTLINE
from sla_dsl.report.render import render

from .helpers import EXAMPLE, POLICY

_SVG = re.compile(r'<svg [^>]*class="timeline">(.*?)</svg>', re.S)
_LEGEND = re.compile(r'<ul class="legend">(.*?)</ul>', re.S)


@cache
def _month() -> tuple[sla_dsl.Policy, Report]:
    policy = sla_dsl.load_policy(POLICY)
    events = [json.loads(x) for x in EXAMPLE.read_text("utf-8").splitlines() if x.startswith("{")]
    jst = dt.timezone(dt.timedelta(hours=9))
    return policy, sla_dsl.evaluate(
        policy, events, dt.datetime(2026, 11, 1, tzinfo=jst), dt.datetime(2026, 12, 1, tzinfo=jst)
    )


def _page(lang: str) -> tuple[str, str]:
    """The example month's HTML report in ``lang``, and its timeline's SVG body."""
    policy, report = _month()
    page = render(report, "html", lang=lang, policies=[policy])
    svg = _SVG.search(page)
    assert svg
    return page, svg.group(1)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_outage_that_counts_no_downtime_says_why_in_its_label(lang: str) -> None:
    _, body = _page(lang)
    labels = re.findall(r'<text [^>]*text-anchor="middle">([^<]*)</text>', body)
    excluded = message("report.timeline.not_counted.excluded", lang, label="OUT-05 0:00")
    excused = message("report.timeline.not_counted.excused", lang, label="OUT-06 0:00")
    assert excluded in labels and excused in labels, labels
    assert excluded != "OUT-05 0:00" and excused != "OUT-06 0:00"
    # the outages that count keep their id and downtime alone
    assert "OUT-01 0:50" in labels


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_noticed_stop_is_striped_and_every_outage_outlined(lang: str) -> None:
    _, report = _month()
    page, body = _page(lang)
    rects = re.findall(r"<rect ([^>]*)><title>([^<]*)</title></rect>", body)
    stops = [a for a, tip in rects if "STOP-01" in tip]
    assert stops and all('fill="url(#sla-stripes)"' in a for a in stops)
    assert '<pattern id="sla-stripes"' in body  # (defined in the chart that uses it)
    maintenance = [a for a, tip in rects if KEYS["maintenance"].colour in a]
    assert maintenance and not any("url(" in a for a in maintenance)  # solid: told from a stop by the stripes
    outages = [a for a, tip in rects if "OUT-" in tip]
    assert len(outages) == len(report.outages)
    assert all(f'stroke="{OUTLINE}"' in a for a in outages)
    legend = _LEGEND.search(page)
    assert legend
    keys = legend.group(1).split("</li>")
    stop_key = next(k for k in keys if message("report.legend.stop", lang) in k)
    assert 'fill="url(#sla-key-stop)"' in stop_key and '<pattern id="sla-key-stop"' in stop_key
    assert len(re.findall(r'id="sla-stripes"', page)) == 1  # (one chart: the pattern's id once in the page)
