"""The timeline never draws two labels on one spot: outage labels and axis dates, in months crowded
with outages and in reports of more than one month.

The chart put an outage's label on the next of three rows when it would touch the one before, and
on the last row, already taken, when all three were: in a two-month report ``OOUT-09 0:25`` and
``OOUT-10 0:50`` printed on top of each other, and ``OUT-09 0:25`` crossed the leader line of
``OUT-08``. The axis kept a weekly date unless it was within 70 units of the last one, less than a
Japanese date takes: ``11月26日`` ran into ``12月1日``. Now each label is measured (by the display width
of its characters), slid sideways or raised to a free row (up to six) where it touches no other label
and no leader line crosses it, and left out, and counted under the axis, where none is free; the axis
writes a date every seven days (fourteen, or more, where seven are too narrow) and none that touches
another.

The geometry is checked on the SVG with the chart's own measure of a label (a little wider than the
text: :func:`sla_dsl.report.chart.text_width`) and, in Chromium, with the real boxes of the text.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import NamedTuple

import pytest
from docs.cdp import Browser

import sla_dsl
from sla_dsl.i18n import message
from sla_dsl.i18n.width import display_width
from sla_dsl.report.chart import NOT_COUNTED
from sla_dsl.report.render import render

from .conftest import needs_chromium
from .helpers import EXAMPLE, POLICY

JST = dt.timezone(dt.timedelta(hours=9))
_TEXT = re.compile(r'<text x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)" text-anchor="(\w+)">([^<]*)</text>')
_LINE = re.compile(r'<line x1="([\d.]+)" y1="([\d.]+)" x2="[\d.]+" y2="([\d.]+)" stroke="#555" stroke-width="0.6"/>')
_SVG = re.compile(r'<svg [^>]*viewBox="0 0 (\d+) (\d+)"[^>]*class="timeline">.*?</svg>', re.S)


class Box(NamedTuple):
    text: str
    left: float
    right: float
    top: float
    bottom: float


def _width(text: str, size: float) -> float:
    """The width of ``text`` at type size ``size``: a wide character one em, any other 0.62 em (a little
    more than the Latin letters and digits of an id take on average)."""
    wide = display_width(text) - len(text)
    return size * (wide + (len(text) - wide) * 0.62)


def _boxes(svg: str) -> list[Box]:
    out = []
    for x, y, size, anchor, text in _TEXT.findall(svg):
        at, s, w = float(x), float(size), _width(text, float(size))
        left = at - w / 2 if anchor == "middle" else at if anchor == "start" else at - w
        out.append(Box(text, left, left + w, float(y) - 0.8 * s, float(y) + 0.2 * s))
    return out


def _overlapping(boxes: list[Box]) -> list[tuple[str, str]]:
    return [
        (a.text, b.text)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a.left < b.right and b.left < a.right and a.top < b.bottom and b.top < a.bottom
    ]


def _log(outages: list[tuple[str, dt.datetime, dt.timedelta]]) -> list[dict[str, str]]:
    events = []
    for ident, start, length in outages:
        events.append({"event": "outage.started", "at": start.isoformat(), "id": ident, "cause": "failure"})
        events.append({"event": "outage.ended", "at": (start + length).isoformat(), "id": ident})
    return sorted(events, key=lambda e: e["at"])


def _random(n: int, seed: int, days: int = 30, width: int = 3) -> list[tuple[str, dt.datetime, dt.timedelta]]:
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 1, tzinfo=JST)
    return [
        (
            f"OUT-{i:0{width}d}",
            start + dt.timedelta(minutes=rng.randrange(days * 24 * 60)),
            dt.timedelta(minutes=rng.randrange(5, 300)),
        )
        for i in range(n)
    ]


def _two_months() -> list[dict[str, str]]:
    """The example month and its outages five weeks earlier, renamed ``O…`` (the report's repro)."""
    lines = [json.loads(line) for line in EXAMPLE.read_text("utf-8").splitlines() if line.startswith("{")]
    october = []
    for ev in lines:
        if ev["event"].startswith("outage."):
            at = dt.datetime.fromisoformat(ev["at"]) - dt.timedelta(days=35)
            october.append({**ev, "id": "O" + ev["id"], "at": at.isoformat()})
    return october + lines


def _svg(events: list[dict[str, str]], start: str, end: str, lang: str) -> str:
    policy = sla_dsl.load_policy(POLICY)
    t0, t1 = (dt.datetime.fromisoformat(d).replace(tzinfo=JST) for d in (start, end))
    report = sla_dsl.evaluate(policy, events, t0, t1)
    html = render(report, "html", lang=lang, policies=[policy])
    found = _SVG.search(html)
    assert found, "no timeline"
    return found.group(0)


CASES = {
    "example": lambda: [json.loads(x) for x in EXAMPLE.read_text("utf-8").splitlines() if x.startswith("{")],
    "two-months": _two_months,
    "crowded-20": lambda: _log(_random(20, 1)),
    "crowded-60": lambda: _log(_random(60, 2)),
    "crowded-200": lambda: _log(_random(200, 3)),
    "long-ids": lambda: _log([(f"MAINT-2026-{i:05d}", s, d) for i, (_, s, d) in enumerate(_random(25, 4))]),
    "same-hour": lambda: _log(
        [(f"OUT-{i}", dt.datetime(2026, 11, 10, 9, 5 * i, tzinfo=JST), dt.timedelta(minutes=30)) for i in range(9)]
    ),
}
PERIOD = {"two-months": ("2026-10-01", "2026-12-01")}


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_no_two_labels_touch_and_no_leader_crosses_a_label(case: str, lang: str) -> None:
    events = CASES[case]()
    svg = _svg(events, *PERIOD.get(case, ("2026-11-01", "2026-12-01")), lang)
    width = float(_SVG.search(svg).group(1))  # type: ignore[union-attr]
    boxes = _boxes(svg)
    assert _overlapping(boxes) == []
    assert all(0 <= b.left and b.right <= width for b in boxes), [b for b in boxes if b.left < 0 or b.right > width]
    # each outage's leader line runs from its label down to the bar: through no other label, but for
    # labels of outages at the same spot (a line within 6 units), which stack on one line
    # (an outage's label: its id and downtime, and the words of one that counts none: test_chart_not_colour_alone)
    words = "|".join(re.escape(message(k, lang, label="").strip()) for k in NOT_COUNTED.values())
    outage_boxes = [b for b in boxes if re.search(rf" \d+:\d\d(:\d\d)?( ({words}))?$", b.text)]
    lines = [(float(x), float(y1), float(y2)) for x, y1, y2 in _LINE.findall(svg)]
    assert len(lines) == len(outage_boxes)
    own = {b.text: x for b, (x, _, _) in zip(outage_boxes, lines, strict=True)}
    for x, top, bottom in lines:
        crossed = [
            b.text
            for b in outage_boxes
            if b.left < x < b.right and top < b.bottom and b.top < bottom and abs(own[b.text] - x) > 6
        ]
        assert crossed == [], (x, crossed)
    # every outage labelled, or counted as left out under the axis
    outages = len({e["id"] for e in events if e["event"] == "outage.started"})
    note = re.search(r"ほか (\d+) 件の障害はラベルを省略|(\d+) more outages? not labelled", svg)
    left_out = int(next(g for g in note.groups() if g)) if note else 0
    assert len(outage_boxes) + left_out == outages, (len(outage_boxes), left_out, outages)


def test_the_two_month_report_labels_every_outage_and_drops_the_crowded_date() -> None:
    svg = _svg(_two_months(), "2026-10-01", "2026-12-01", "ja")
    texts = [t for *_, t in _TEXT.findall(svg)]
    assert "OOUT-09 0:25" in texts and "OOUT-10 0:50" in texts and "OUT-09 0:25" in texts
    assert "ラベルを省略" not in svg
    dates = [t for t in texts if re.fullmatch(r"\d+月\d+日", t)]
    assert dates[0] == "10月1日" and dates[-1] == "12月1日"
    assert "11月26日" not in dates  # five days before the last date: no room for it


def test_a_year_thins_the_axis_dates() -> None:
    policy = sla_dsl.load_policy(POLICY)
    start, end = dt.datetime(2026, 1, 1, tzinfo=JST), dt.datetime(2027, 1, 1, tzinfo=JST)
    report = sla_dsl.evaluate(policy, _log(_random(12, 5, days=365)), start, end)
    svg = _SVG.search(render(report, "html", lang="ja", policies=[policy])).group(0)  # type: ignore[union-attr]
    dates = [b for b in _boxes(svg) if re.fullmatch(r"\d+月\d+日", b.text)]
    assert 8 <= len(dates) <= 30, [b.text for b in dates]
    assert _overlapping(dates) == []


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("timeline")
    policy = sla_dsl.load_policy(POLICY)
    out = {}
    for case, events in (("two-months", _two_months()), ("crowded-60", _log(_random(60, 2)))):
        t0, t1 = (
            dt.datetime.fromisoformat(d).replace(tzinfo=JST) for d in PERIOD.get(case, ("2026-11-01", "2026-12-01"))
        )
        report = sla_dsl.evaluate(policy, events, t0, t1)
        for lang in ("ja", "en"):
            out[case, lang] = folder / f"{case}-{lang}.html"
            out[case, lang].write_text(render(report, "html", lang=lang, policies=[policy]), "utf-8")
    return out


@needs_chromium
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("case", ["two-months", "crowded-60"])
def test_the_labels_as_drawn_do_not_touch(
    pages: dict[tuple[str, str], Path], browser: Browser, case: str, lang: str, width: int
) -> None:
    browser.open(pages[case, lang].as_uri(), width=width, height=900)
    boxes = [
        Box(t, x0, x1, y0, y1)
        for t, x0, x1, y0, y1 in browser.evaluate(
            "Array.from(document.querySelectorAll('svg.timeline text')).map(t => { const r = t.getBBox();"
            " return [t.textContent, r.x, r.x + r.width, r.y, r.y + r.height]; })"
        )
    ]
    assert len(boxes) > 20
    # the glyphs' boxes, which include the line's leading: shrink each by a unit so that two rows of
    # labels one above the other, touching by their leading only, do not count
    inner = [Box(b.text, b.left, b.right, b.top + 1, b.bottom - 1) for b in boxes]
    assert _overlapping(inner) == []
