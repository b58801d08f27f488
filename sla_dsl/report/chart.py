"""The availability timeline of the HTML report: an inline SVG with a legend, labelled outages and a day axis.

Design notes
------------
* The HTML report draws it where it has its availability section
  (:mod:`.render`): a policy that measures no service's availability has no
  timeline.
* One bar spans the period; regular maintenance, validly noticed planned
  stops, excluded outages and counted outages are drawn over it in the colours
  of :data:`KEYS`, each with a tooltip (``<title>``) in the report's language.
  The legend is HTML with a colour key per entry (a small SVG square, which
  prints where CSS backgrounds do not).
* Colour is never the only sign (WCAG 1.4.1, 1.4.11): a noticed planned stop is striped, where
  maintenance is solid (:data:`STRIPES`, in the chart and in its legend key); every outage has a dark
  outline, so a bar shows against the band whatever its colour (the yellow of an excluded outage is
  1.2:1 to the band's green); and the label of an outage that does not count says why in words
  (``OUT-05 0:00 適用外``, ``OUT-06 0:00 除外時間内``: :data:`NOT_COUNTED`), where only its colour did.
* An outage is at least :data:`MIN_WIDTH` units wide so a ten-minute outage is
  visible, and is labelled above the bar with its id and downtime (``h:mm``, or ``h:mm:ss``
  as the outages table writes it), on a leader line down to the bar. Labels are measured
  (:func:`text_width`, from the display width of their characters: a Japanese character one
  em) and placed from left to right (:func:`place_labels`): over their outage, slid sideways
  where need be, on one of up to :data:`LANES` rows where the label touches no other, its
  leader line crosses no label below it and no leader line of a label above crosses it (outages
  in the same hour stack on one line): the place that covers the fewest leader lines of the
  outages after it, then the lowest; a label that fits nowhere is left out, and the
  number left out is said under the axis, pointing to the outages table. Two labels are never
  drawn on one spot.
* The axis has a tick per day and a date every seven days from the first, every fourteen (or
  more) where seven days are narrower than a date, and none that would touch another; the first
  and last dates are always written, anchored inward so neither end is cut
  (:func:`axis_days`). The SVG scales with the page (``viewBox``) and keeps a minimum width on
  narrow screens, where its box scrolls sideways (see the report's stylesheet).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Sequence
from typing import NamedTuple

from ..i18n import format_month, message, offset_on_change
from ..i18n.width import display_width
from . import Report
from .escape import html_text
from .operations import to_the_second
from .sections import one_year, period_span
from .words import PolicyWords, hours_minutes


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
#: The kinds drawn striped rather than solid (the legend's key too): a noticed planned stop, told from
#: maintenance (solid) without its colour.
STRIPES = frozenset({"stop"})
#: The outline of every outage's bar (a bar of any colour shows against the band).
OUTLINE = "#212121"
#: The words an outage's label adds when it does not count as downtime, by its kind.
NOT_COUNTED = {
    "excluded": "report.timeline.not_counted.excluded",
    "excused_outage": "report.timeline.not_counted.excused",
}
#: The kinds of outage (outlined, :data:`OUTLINE`), those above and the one that counts.
OUTAGES = frozenset({*NOT_COUNTED, "downtime"})
WIDTH = 1000
MARGIN = 36
MIN_WIDTH = 4.0
#: The most rows of outage labels above the bar; a label that fits none is left out, and counted.
LANES = 6
LANE_HEIGHT = 16
BAR_HEIGHT = 34
#: The type sizes of the outage labels and the axis dates (units of the ``viewBox``).
LABEL_SIZE = 12
AXIS_SIZE = 13
#: Units kept free between two labels side by side.
GAP = 6.0
#: Outages whose labels' leader lines are this close (units) share one spot: a label may stand on the
#: other's line, which then reads as the line of both (two outages in the same hour).
SAME_SPOT = 6.0


class Box(NamedTuple):
    """The room a label takes: from ``left`` to ``right`` on its row ``lane`` (0: the row next to the bar;
    the axis dates are on row -1)."""

    left: float
    right: float
    lane: int


def text_width(text: str, size: float) -> float:
    """The width ``text`` takes at type size ``size``, over-estimated a little: a wide character
    (:func:`~sla_dsl.i18n.width.display_width`: Japanese) one em, any other two thirds of one (a proportional
    Latin face, its halo included), so that labels kept this far apart never touch."""
    columns = display_width(text)
    wide = columns - len(text)  # (a wide character takes two columns)
    return size * (wide * 1.0 + (len(text) - wide) * 0.66)


def _t(t: dt.datetime, lang: str) -> str:
    """A time in a tooltip: ``11月1日 01:30``; on a day its zone changes its offset with that offset, as the
    tables write it (:func:`~sla_dsl.i18n.offset_on_change`: ``29 Mar 01:30 (+01:00)``, ``29 Mar 03:00
    (+02:00)``)."""
    return f"{_day(t.date(), lang)} {t.hour:02d}:{t.minute:02d}{offset_on_change(t)}"


def _day(d: dt.date, lang: str) -> str:
    return f"{d.month}月{d.day}日" if lang == "ja" else f"{d.day} {_EN_MONTHS[d.month - 1]}"


_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Label(NamedTuple):
    """An outage's label placed above the bar: its text centred at ``x``, its leader line at ``line``."""

    text: str
    x: float
    line: float
    box: Box


def place_labels(items: Sequence[tuple[str, float]], size: float = LABEL_SIZE) -> tuple[list[Label], int]:
    """Rows for labels ``(text, x of its outage)``, placed from left to right, and how many fit no row.

    A label stands above its outage: its box holds the x of its leader line (centred on it where there
    is room, else slid sideways, never past either end of the chart). It touches no other label
    (:data:`GAP` apart), its leader line down to the bar crosses no label on a lower row, and no leader
    line of a label on a higher row crosses it, but for labels at the same spot (:data:`SAME_SPOT`),
    which stack; at most :data:`LANES` rows. Of the places left, a label takes the one that covers the
    fewest lines of the outages after it (a line under a label would send that outage's label above
    it, where its line would cross it), then the lowest row, then the one nearest to centred."""
    items = sorted(items, key=lambda item: item[1])
    lines = [line for _, line in items]
    placed: list[Label] = []
    left_out = 0
    for k, (text, line) in enumerate(items):
        width = text_width(text, size)
        near = [
            lb
            for lb in placed
            if lb.box.right + GAP + width > line - width and lb.box.left - GAP - width < line + width
        ]
        best: tuple[int, int, float, Label] | None = None
        for lane in range(LANES):
            for left in _lefts(line, width, lane, near):
                box = Box(left, left + width, lane)
                score = (_covered(lines, k, box, line), lane, abs(left + width / 2 - line))
                if best is None or score < best[:3]:
                    best = (*score, Label(text, round(left + width / 2, 2), line, box))
            if best is not None and best[0] == 0:
                break  # (no higher row does better)
        if best is None:
            left_out += 1
        else:
            placed.append(best[3])
    return placed, left_out


def _lefts(line: float, width: float, lane: int, near: Sequence[Label]) -> list[float]:
    """Where on row ``lane`` the left edge of a label of ``width`` over ``line`` may go, clear of the
    labels ``near`` it (as :func:`place_labels` says): the place nearest to centred, and the ends of
    each stretch that is free."""
    lo, hi = max(0.0, line - width + 2), min(WIDTH - width, line - 2)
    blocked: list[tuple[float, float]] = []  # left edges (open intervals) that would touch a label near
    for other in near:
        if abs(line - other.line) <= SAME_SPOT:  # (one spot: stacked, one line for both)
            if other.box.lane == lane:
                return []
        elif other.box.lane == lane:
            blocked.append((other.box.left - GAP - width, other.box.right + GAP))
        elif other.box.lane < lane:  # my line would run down past it
            if other.box.left - GAP / 2 <= line <= other.box.right + GAP / 2:
                return []
        else:  # its line runs down past me
            blocked.append((other.line - GAP / 2 - width, other.line + GAP / 2))
    free: list[tuple[float, float]] = []
    at = lo
    for a, b in sorted(blocked):
        if a >= at and min(a, hi) >= at:
            free.append((at, min(a, hi)))
        at = max(at, b)
        if at > hi:
            break
    if at <= hi:
        free.append((at, hi))
    centred = line - width / 2
    out = {min(max(centred, a), b) for a, b in free} | {x for span in free for x in span}
    return sorted(out, key=lambda t: abs(t + width / 2 - line))


def _covered(lines: Sequence[float], k: int, box: Box, line: float) -> int:
    """How many outages after the ``k``-th have their line under ``box`` (not at its own spot)."""
    a = bisect.bisect_left(lines, box.left - GAP / 2, lo=k + 1)
    b = bisect.bisect_right(lines, box.right + GAP / 2, lo=a)
    return sum(1 for x in lines[a:b] if abs(x - line) > SAME_SPOT)


def axis_days(days: Sequence[tuple[str, float]], size: float = AXIS_SIZE) -> list[tuple[str, float, str]]:
    """The dates the axis writes, of ``(text, x)`` for each day in the period: ``(text, x, anchor)``.

    The first and the last day always, anchored inward so neither end is cut; between them every
    seventh day from the first, every fourteenth or more when seven days are too narrow for a date,
    and none whose text would touch another (:data:`GAP` apart)."""
    if not days:
        return []
    first, last = days[0], days[-1]
    out = [(first[0], first[1], "start")]
    boxes = [(first[1], first[1] + text_width(first[0], size))]
    if len(days) > 1:
        out.append((last[0], last[1], "end"))
        boxes.append((last[1] - text_width(last[0], size), last[1]))
    if len(days) > 2:
        week = (days[-1][1] - days[0][1]) / (len(days) - 1) * 7
        widest = max(text_width(t, size) for t, _ in days)
        step = 7 * max(1, math.ceil((widest + GAP) / max(week, 1e-9)))
        for text, x in days[step : len(days) - 1 : step]:
            half = text_width(text, size) / 2
            if all(x + half + GAP <= a or b + GAP <= x - half for a, b in boxes):
                out.append((text, x, "middle"))
                boxes.append((x - half, x + half))
    return sorted(out, key=lambda d: d[1])


def timeline_svg(report: Report, lang: str, outages_title: str | None = None) -> str:
    """The timeline as inline SVG (with its aria-label and tooltips in ``lang``); a note on outages left
    without a label refers to the outages table by its heading ``outages_title`` (the plain heading when
    not given: :func:`~.operations.outages_title` words it from the notification rules)."""
    e = html_text
    p0, p1 = report.period.start.timestamp(), report.period.end.timestamp()
    span = max(p1 - p0, 1.0)
    inner = WIDTH - 2 * MARGIN

    def x(t: float) -> float:
        return round(MARGIN + (min(max(t, p0), p1) - p0) / span * inner, 2)

    bars: list[_Bar] = []

    def bar(a: float, b: float, dy: float, h: float, kind: str, tip: str) -> tuple[float, float] | None:
        x0, x1 = x(a), x(b)
        if x1 <= x0 and b <= a:
            return None
        width = max(x1 - x0, MIN_WIDTH)
        bars.append(_Bar(x0, dy, width, h, kind, tip))
        return x0, x0 + width

    for mw in report.maintenance:
        tip = message("report.tip.maintenance", lang, start=_t(mw.start, lang), end=_t(mw.end, lang))
        bar(mw.start.timestamp(), mw.end.timestamp(), 0, BAR_HEIGHT, "maintenance", tip)
    for s in report.planned_stops:
        if s.notice_ok:
            tip = message("report.tip.stop", lang, id=s.id, start=_t(s.start, lang), end=_t(s.end, lang))
            bar(s.start.timestamp(), s.end.timestamp(), 0, BAR_HEIGHT, "stop", tip)
    as_of = report.period.as_of.timestamp()
    sec = to_the_second(report)  # (as the outages table writes the downtimes)
    items: list[tuple[str, float]] = []
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
        drawn = bar(o.start.timestamp(), end, 6, BAR_HEIGHT - 12, kind, tip)
        if drawn is not None:
            said = f"{o.id} {hmm}"
            if kind in NOT_COUNTED:  # (why it counts no downtime, in words: not its colour alone)
                said = message(NOT_COUNTED[kind], lang, label=said)
            items.append((said, round((drawn[0] + drawn[1]) / 2, 2)))
    labels, left_out = place_labels(items)
    lanes = max((lb.box.lane + 1 for lb in labels), default=1)
    top = lanes * LANE_HEIGHT + 8
    shapes = [
        f'<rect x="{b.x}" y="{top + b.dy}" width="{b.width:.2f}" height="{b.height}" {_paint(b.kind, "sla-stripes")}>'
        f"<title>{e(b.tip)}</title></rect>"
        for b in bars
    ]
    lines: list[str] = []
    texts: list[str] = []
    for lb in labels:
        ly = top - 4 - lb.box.lane * LANE_HEIGHT
        lines.append(
            f'<line x1="{lb.line:.2f}" y1="{ly + 2}" x2="{lb.line:.2f}" y2="{top}" stroke="#555" stroke-width="0.6"/>'
        )
        texts.append(f'<text x="{lb.x:.2f}" y="{ly}" font-size="{LABEL_SIZE}" text-anchor="middle">{e(lb.text)}</text>')
    ticks: list[str] = []
    days: list[tuple[str, float]] = []
    tz = report.period.start.tzinfo
    day = report.period.start.date()
    axis = top + BAR_HEIGHT
    while True:
        t = dt.datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()
        if t > p1:
            break
        if t >= p0:
            ticks.append(f'<line x1="{x(t)}" y1="{axis}" x2="{x(t)}" y2="{axis + 5}" stroke="#555"/>')
            days.append((_day(day, lang), x(t)))
        day += dt.timedelta(days=1)
    for text, at, anchor in axis_days(days):
        ticks.append(f'<text x="{at}" y="{axis + 18}" font-size="{AXIS_SIZE}" text-anchor="{anchor}">{e(text)}</text>')
    height = axis + 26
    if left_out:  # the outages without a label, said under the axis on a row of its own
        table = outages_title or message("report.outages", lang)
        unlabelled = "report.timeline.unlabelled.one" if left_out == 1 else "report.timeline.unlabelled"
        said = message(unlabelled, lang, n=left_out, table=table)
        ticks.append(
            f'<text x="{MARGIN}" y="{height + 8}" font-size="{AXIS_SIZE}" text-anchor="start">{e(said)}</text>'
        )
        height += 18
    aria = _aria(report, lang)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{e(aria)}" class="timeline">'
        f"<title>{e(aria)}</title>"
        + _stripes("sla-stripes")
        + f'<rect x="{MARGIN}" y="{top}" width="{inner}" height="{BAR_HEIGHT}" fill="{KEYS["up"].colour}"/>'
        + "".join(shapes)
        + "".join(lines)
        + "".join(texts)
        + f'<line x1="{MARGIN}" y1="{axis}" x2="{WIDTH - MARGIN}" y2="{axis}" stroke="#555"/>'
        + "".join(ticks)
        + "</svg>"
    )


def _aria(report: Report, lang: str) -> str:
    """The chart's title: the period it covers, named as the report's heading names it (a calendar month,
    ``2026年11月度``; else its two ends, :func:`~.sections.period_span`), and what it draws, counted: the
    planned stops it draws are those validly noticed, and the title names them so (``通知済み計画停止 1 件``,
    as the legend does), not every stop of the period."""
    start, end = report.period.start, report.period.end
    y, mo = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    one_month = start.day == 1 and start.time() == dt.time() and end == start.replace(year=y, month=mo)
    if one_month:
        key, period = "report.timeline.title", format_month(start.date(), lang)
    else:
        key, period = (
            "report.timeline.title_span",
            period_span(PolicyWords([], lang, year=one_year(report)), start, end),
        )

    def counted(what: str, n: int) -> str:
        return message(f"report.timeline.{what}.{'one' if n == 1 else 'other'}", lang, n=n)

    return message(
        key,
        lang,
        period=period,
        outages=counted("outages", len(report.outages)),
        maintenance=counted("maintenance", len(report.maintenance)),
        stops=counted("stops", sum(1 for s in report.planned_stops if s.notice_ok)),  # (those drawn)
    )


def legend_html(lang: str) -> str:
    """The legend: a key (its colour, striped as its bars are) and a word per kind of interval."""
    items = [
        f'<li><svg width="14" height="14" aria-hidden="true">{_stripes(f"sla-key-{kind}") if kind in STRIPES else ""}'
        f'<rect width="14" height="14" {_paint(kind, f"sla-key-{kind}")}/></svg>'
        f"{html_text(message(k.key, lang))}</li>"
        for kind, k in KEYS.items()
    ]
    return '<ul class="legend">' + "".join(items) + "</ul>"


class _Bar(NamedTuple):
    """An interval drawn over the band: where (units of the ``viewBox``), its kind (:data:`KEYS`) and tooltip."""

    x: float
    #: below the top of the band
    dy: float
    width: float
    height: float
    kind: str
    tip: str


def _stripes(pattern: str) -> str:
    """The striped fill of :data:`STRIPES` (a noticed planned stop), as ``<defs>`` naming it ``pattern``."""
    colour = KEYS["stop"].colour
    return (
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{colour}"/>'
        f'<rect width="2" height="6" fill="#ffffff"/></pattern></defs>'
    )


def _paint(kind: str, pattern: str) -> str:
    """The attributes that paint a bar (or a legend's key) of ``kind``: its colour, or the stripes named
    ``pattern``; an outage's outline."""
    fill = f'fill="url(#{pattern})"' if kind in STRIPES else f'fill="{KEYS[kind].colour}"'
    if kind in OUTAGES:
        fill += f' stroke="{OUTLINE}" stroke-width="0.8"'
    return fill
