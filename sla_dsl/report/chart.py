"""The availability timeline of the HTML report: an inline SVG with a legend, labelled outages and a day axis.

Design notes
------------
* One bar spans the period; regular maintenance, validly noticed planned
  stops, excluded outages and counted outages are drawn over it in the colours
  of :data:`KEYS`, each with a tooltip (``<title>``) in the report's language.
  The legend is HTML with a colour key per entry (a small SVG square, which
  prints where CSS backgrounds do not).
* An outage is at least :data:`MIN_WIDTH` units wide so a ten-minute outage is
  visible, and is labelled above the bar with its id and downtime (``h:mm``, or ``h:mm:ss``
  as the outages table writes it);
  labels that would overlap go to the next of up to :data:`LANES` rows.
* The axis has a tick per day and a date every seven days; the first and last
  labels are anchored inward so neither end is cut. The SVG scales with the
  page (``viewBox``) and keeps a minimum width on narrow screens, where its box
  scrolls sideways (see the report's stylesheet).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..i18n import format_month, message
from . import Report
from .escape import html_text
from .operations import to_the_second
from .words import hours_minutes


class Key(NamedTuple):
    """One entry of the legend: its message key and colour."""

    key: str
    colour: str


KEYS: dict[str, Key] = {
    "up": Key("report.legend.up", "#a5d6a7"),
    "maintenance": Key("report.legend.maintenance", "#616161"),
    "stop": Key("report.legend.stop", "#1e88e5"),
    "excluded": Key("report.legend.excluded", "#f9a825"),
    "downtime": Key("report.legend.downtime", "#d32f2f"),
    "excused_outage": Key("report.legend.excused_outage", "#ba68c8"),
}
WIDTH = 1000
MARGIN = 36
MIN_WIDTH = 4.0
LANES = 3
LANE_HEIGHT = 16
BAR_HEIGHT = 34


def _t(t: dt.datetime, lang: str) -> str:
    return f"{_day(t.date(), lang)} {t.hour:02d}:{t.minute:02d}"


def _day(d: dt.date, lang: str) -> str:
    return f"{d.month}月{d.day}日" if lang == "ja" else f"{d.day} {_EN_MONTHS[d.month - 1]}"


_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def timeline_svg(report: Report, lang: str) -> str:
    """The timeline as inline SVG (with its aria-label and tooltips in ``lang``)."""
    e = html_text
    p0, p1 = report.period.start.timestamp(), report.period.end.timestamp()
    span = max(p1 - p0, 1.0)
    inner = WIDTH - 2 * MARGIN

    def x(t: float) -> float:
        return round(MARGIN + (min(max(t, p0), p1) - p0) / span * inner, 2)

    top = LANES * LANE_HEIGHT + 8
    shapes: list[str] = []
    labels: list[str] = []

    def bar(a: float, b: float, y: float, h: float, colour: str, tip: str) -> tuple[float, float] | None:
        x0, x1 = x(a), x(b)
        if x1 <= x0 and b <= a:
            return None
        width = max(x1 - x0, MIN_WIDTH)
        shapes.append(
            f'<rect x="{x0}" y="{y}" width="{width:.2f}" height="{h}" fill="{colour}"><title>{e(tip)}</title></rect>'
        )
        return x0, x0 + width

    for mw in report.maintenance:
        tip = message("report.tip.maintenance", lang, start=_t(mw.start, lang), end=_t(mw.end, lang))
        bar(mw.start.timestamp(), mw.end.timestamp(), top, BAR_HEIGHT, KEYS["maintenance"].colour, tip)
    for s in report.planned_stops:
        if s.notice_ok:
            tip = message("report.tip.stop", lang, id=s.id, start=_t(s.start, lang), end=_t(s.end, lang))
            bar(s.start.timestamp(), s.end.timestamp(), top, BAR_HEIGHT, KEYS["stop"].colour, tip)
    as_of = report.period.as_of.timestamp()
    lane_end = [float("-inf")] * LANES
    sec = to_the_second(report)  # (as the outages table writes the downtimes)
    for o in sorted(report.outages, key=lambda o: o.start.timestamp()):  # (instants: a repeated hour)
        end = o.end.timestamp() if o.end else as_of
        if o.notice_status == "excluded":
            kind = "excluded"
        elif o.downtime_minutes:
            kind = "downtime"
        else:
            kind = "excused_outage"
        end_text = _t(o.end, lang) if o.end else message("report.still_open", lang)
        hmm = hours_minutes(o.downtime_minutes, sec)
        tip = message("report.tip.outage", lang, id=o.id, start=_t(o.start, lang), end=end_text, downtime=hmm)
        drawn = bar(o.start.timestamp(), end, top + 6, BAR_HEIGHT - 12, KEYS[kind].colour, tip)
        if drawn is None:
            continue
        text = f"{o.id} {hmm}"
        mid = (drawn[0] + drawn[1]) / 2
        half = len(text) * 3.7
        lane = next((i for i in range(LANES) if lane_end[i] < mid - half - 4), LANES - 1)
        lane_end[lane] = mid + half
        ly = top - 4 - (LANES - 1 - lane) * LANE_HEIGHT
        anchor = "middle"
        if mid - half < 0:
            anchor, mid = "start", 0.0
        elif mid + half > WIDTH:
            anchor, mid = "end", float(WIDTH)
        labels.append(
            f'<line x1="{(drawn[0] + drawn[1]) / 2:.2f}" y1="{ly + 2}" x2="{(drawn[0] + drawn[1]) / 2:.2f}" '
            f'y2="{top}" stroke="#555" stroke-width="0.6"/>'
            f'<text x="{mid:.2f}" y="{ly}" font-size="12" text-anchor="{anchor}">{e(text)}</text>'
        )
    ticks: list[str] = []
    tz = report.period.start.tzinfo
    day = report.period.start.date()
    axis = top + BAR_HEIGHT
    first = True
    while True:
        t = dt.datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()
        if t > p1:
            break
        if t >= p0:
            ticks.append(f'<line x1="{x(t)}" y1="{axis}" x2="{x(t)}" y2="{axis + 5}" stroke="#555"/>')
            last = t + 86400 > p1
            near_end = not last and (p1 - t) / span * inner < 70  # would touch the last label
            if first or last or ((day - report.period.start.date()).days % 7 == 0 and not near_end):
                anchor = "start" if first else ("end" if last else "middle")
                label = e(_day(day, lang))
                ticks.append(f'<text x="{x(t)}" y="{axis + 18}" font-size="13" text-anchor="{anchor}">{label}</text>')
            first = False
        day += dt.timedelta(days=1)
    height = axis + 26
    aria = message(
        "report.timeline.aria",
        lang,
        month=format_month(report.period.start.date(), lang),
        outages=len(report.outages),
        maintenance=len(report.maintenance),
        stops=sum(s.notice_ok for s in report.planned_stops),
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{e(aria)}" class="timeline">'
        f"<title>{e(aria)}</title>"
        f'<rect x="{MARGIN}" y="{top}" width="{inner}" height="{BAR_HEIGHT}" fill="{KEYS["up"].colour}"/>'
        + "".join(shapes)
        + "".join(labels)
        + f'<line x1="{MARGIN}" y1="{axis}" x2="{WIDTH - MARGIN}" y2="{axis}" stroke="#555"/>'
        + "".join(ticks)
        + "</svg>"
    )


def legend_html(lang: str) -> str:
    """The legend: a colour key and a word per kind of interval."""
    items = [
        f'<li><svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="{k.colour}"/></svg>'
        f"{html_text(message(k.key, lang))}</li>"
        for k in KEYS.values()
    ]
    return '<ul class="legend">' + "".join(items) + "</ul>"
