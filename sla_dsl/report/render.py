"""Render a :class:`~sla_dsl.report.Report`: JSON, terminal text, Markdown, HTML (and PDF from the HTML).

Design notes
------------
* JSON is ``model_dump(mode="json")``: the contract, nothing rewritten.
  :func:`write_json` writes the same text for a report whose incident rows
  come as dicts, one at a time (a year's log does not fit as one model):
  the rest of the report goes through ``model_dump`` as usual (dumped by
  ``orjson`` where that is ``json.dumps``'s text: :func:`_dump_json`) and the rows
  through ``orjson``, which writes the same JSON for the values a row holds
  (strings, booleans, null, datetimes with ``Z`` for UTC as pydantic does; no
  floats). A test checks that both paths give the same bytes. ``sla evaluate
  --format json`` hands it :class:`ItemSource` lists instead, whose rows write
  their own JSON items from columns (:mod:`.json_columns`), in this process;
  ``tests/report/test_json_columns.py`` holds those bytes to the row path's.
* Text, Markdown and HTML are the customer's monthly document, built from one
  list of sections (:mod:`.sections`), so the three always show the same
  facts, in the report's language: by default the policy's primary language
  (``languages ja, en`` in its header), every word from the message catalogue
  (:mod:`sla_dsl.i18n`). HTML adds the timeline chart (:mod:`.chart`) where the
  report has its availability section (a policy that measures no service's
  availability has neither: :func:`.sections.measures_availability`), links
  from rows to the appendix of articles, a viewport for phones (the summary
  and the tables whose rows are each one matter stacked, a card per row with
  each value beside its column's name, written once per column in the
  stylesheet; any other table scrolls sideways in its own box with its first
  column kept in view; headers never break inside a word) and a print
  stylesheet (A4 portrait: small print type, tables wrapped to the page with
  their headers repeated and a pixel from either edge so no border is cut,
  rows kept whole, as are the lines of one outage, a long id broken anywhere
  rather than pushing columns off the page, the chart scaled to the page).
  On every medium a long text wraps where a time, an article (``第2条の(1) 項番1``)
  and each day of a list of days (``11月5日(木)、11月6日(金)``) stay whole: a
  time may break between its date and its time only in a table of eight
  columns or more (:data:`_MANY`), which fits a 1280 px screen only so; and
  :mod:`.pdf` adds each page's header and footer (title, page number) and
  prints the PDF with headless Chromium where one is installed.
  For a keyboard and a screen reader (WCAG 2.1 AA): the title and the period are the page's header, the
  sections its ``main``; a box that scrolls sideways (a table's, the chart's) is a region named by its
  section's heading that the Tab key reaches (:func:`_scroll_box`), so its hidden columns can be scrolled
  into view without a mouse.
* Ids and other text from the event log are shown, never obeyed: every cell
  of the text report (and of ``sla explain``) goes through
  :func:`.escape.printable`, of Markdown through :func:`.escape.markdown_cell`,
  of HTML through :func:`.escape.html_text` (see :mod:`.escape`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import IO, Any, Protocol, cast

import orjson

from ..i18n.width import display_width
from ..policy.compiled import Policy
from . import IncidentRow, OutageRow, Report, RetentionRow, StopRow, Violation
from .blocks import write_blocks
from .breach_credits import breach_credit_parts
from .chart import legend_html, timeline_svg
from .credit_totals import credit_total_parts
from .credits import credit_parts
from .escape import html_text, markdown_cell, printable
from .explain import explain, render_explanations
from .parts import IncidentLike, Part
from .pdf import css_string, page_css
from .rows import compact
from .sections import articles, head_lines, heading, one_year, sections, trend_note
from .targets import target_parts
from .trend import trend_parts
from .words import Anchor, Cell, Link, Links, Mark, PolicyWords, default_lang

__all__ = ["IncidentLike", "ItemSource", "RowSource", "dump_items", "render", "render_explain", "write_json"]

FORMATS = ("text", "json", "markdown", "html")


def render(
    report: Report,
    fmt: str,
    *,
    lang: str | None = None,
    policies: Sequence[Policy] = (),
    incidents: Sequence[IncidentLike] | None = None,
    violations: Sequence[Violation] | None = None,
    limit: int | None = None,
) -> str:
    """The report as ``json``, ``text``, ``markdown`` or ``html``.

    ``lang`` defaults to the policy's primary language. ``incidents`` stands in
    for ``report.incidents`` in the tables (compact verdicts whose explanations
    are never built), and ``violations`` for ``report.violations``; JSON always
    uses the report itself. ``limit`` caps the long lists of the text summary
    (incidents not met, at risk, violations) with a line saying how many more
    there are; the documents (markdown, html) and JSON always list every row.
    """
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    incidents = compact(report.incidents) if incidents is None else incidents  # a lazy report's verdicts
    violations = compact(report.violations) if violations is None else violations
    language = lang or default_lang(policies)
    w = PolicyWords(policies, language, report.period.start.date(), one_year(report))
    cap = limit if fmt == "text" and limit else None
    parts = sections(
        report,
        w,
        report.incidents if incidents is None else incidents,
        report.violations if violations is None else violations,
        cap,
    )
    # availability per period and service credits (issue 13), the credits per breached target, and the
    # period's total before and after the header's cap on it
    parts[2:2] = credit_parts(report, w) + breach_credit_parts(report, w) + credit_total_parts(report, w)
    # the trend against earlier months, after the summary (issue 16), its note saying what its figures are
    trend = [t._replace(notes=_said_after(t.notes, trend_note(report, w), w)) for t in trend_parts(report, w)]
    parts[1:1] = trend
    parts += target_parts(report, w, report.incidents if incidents is None else incidents, cap)  # issue 12
    used = w.during(report.versions_used(incidents))  # (its rules named in every version the report used)
    parts.append(articles(w, parts, used))  # the appendix every row's article links to, last
    if fmt == "markdown":
        return _markdown(report, parts, w, incidents)
    if fmt == "html":
        return _html(report, parts, w, incidents)
    return _text(report, parts, w, incidents)


def _said_after(notes: tuple[str, ...], more: str, w: PolicyWords) -> tuple[str, ...]:
    """``notes`` with ``more`` said after the first (one paragraph: sentences run on)."""
    if not notes:
        return (more,)
    return (notes[0] + ("" if w.lang == "ja" else " ") + more, *notes[1:])


def render_explain(
    report: Report,
    rows: Sequence[IncidentRow | OutageRow | StopRow | RetentionRow],
    fmt: str,
    *,
    lang: str | None = None,
    policies: Sequence[Policy] = (),
) -> str:
    """The explanation of the given rows (text: one instant per line; json: the rows).

    Without the item's events (``sla explain`` passes them: :mod:`sla_dsl.cli.explain`),
    the steps come from the rows alone.
    """
    if fmt == "json":
        return json.dumps([r.model_dump(mode="json") for r in rows], ensure_ascii=False, indent=2) + "\n"
    w = PolicyWords(policies, lang or default_lang(policies), report.period.start.date(), one_year(report))
    return render_explanations([explain(r, report, w) for r in rows], report, w)


_JSON_ROW = orjson.OPT_INDENT_2 | orjson.OPT_UTC_Z


class RowSource(Protocol):
    """Rows of a long list, each built as its JSON value when asked for (a block at a time)."""

    def __len__(self) -> int: ...
    def json_rows(self, start: int, stop: int) -> Iterable[dict[str, Any]]: ...


class ItemSource(Protocol):
    """Rows of a long list that write themselves as its JSON items, a span of ``block`` rows at a time
    (``sla evaluate --format json``: built on columns, :mod:`sla_dsl.evaluation.json_blocks`)."""

    block: int

    def __len__(self) -> int: ...
    def json_items(self, start: int, stop: int, first: bool) -> bytes | memoryview: ...


JsonList = ItemSource | RowSource | Iterable[dict[str, Any]]


def write_json(
    report: Report,
    rows: JsonList,
    out: IO[bytes],
    violations: JsonList | None = None,
) -> None:
    """Write ``render(report, "json")`` with ``rows`` as its incident rows, row by row.

    ``report`` has no incident rows of its own; each row is the ``model_dump(mode="json")``
    of an IncidentRow, except that times may still be datetimes. The violations (as many
    as the breaches) are written the same way: ``violations`` when given, else the report's.
    Rows from a :class:`RowSource` are rendered in blocks, on two cores when there are
    many (:func:`.blocks.write_blocks`); an :class:`ItemSource` writes its rows' JSON itself,
    a span at a time, the same way.
    """
    text = _dump_json(report.model_copy(update={"violations": []}).model_dump(mode="json"))
    # Top-level keys: a string value cannot hold a raw newline, so these lines are the keys.
    inc_key, vio_key = b'\n  "incidents": [],\n', b'\n  "violations": [],\n'
    inc = text.index(inc_key)
    vio = text.index(vio_key, inc)
    out.write(text[:inc])
    _write_list(out, "incidents", rows)
    out.write(text[inc + len(inc_key) : vio])
    _write_list(out, "violations", (v.model_dump() for v in report.violations) if violations is None else violations)
    out.write(text[vio + len(vio_key) :])


def _dump_json(data: Any) -> bytes:
    """A ``model_dump(mode="json")`` as ``render`` writes it (``json.dumps`` with an indent, UTF-8), dumped
    by ``orjson`` (a tenth of the time: ``json.dumps`` indents in pure Python) when that is the same text.

    ``orjson`` with ``OPT_INDENT_2`` writes what ``json.dumps(..., ensure_ascii=False, indent=2)`` does
    for such values but for floats that are not finite (``NaN``) or below ``1e-4`` (``1e-05``): with one
    of those, or a value ``orjson`` refuses, ``json.dumps`` writes it."""
    if not _odd_floats(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except TypeError:  # an integer past 64 bits, a lone surrogate: json.dumps writes them
            pass
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


def _odd_floats(data: Any) -> bool:
    """Whether a float of ``data`` (dicts and lists) is one ``orjson`` writes otherwise than ``json.dumps``."""
    stack = [data]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            stack.extend(x.values())
        elif isinstance(x, list | tuple):
            stack.extend(x)
        elif isinstance(x, float) and not (x == 0.0 or 1e-4 <= abs(x) < float("inf")):
            return True  # nan too: every comparison is false
    return False


def _write_list(out: IO[bytes], key: str, rows: JsonList) -> None:
    """``\n  "key": [...],\n`` as ``json.dumps(..., indent=2)`` writes it at the top level."""
    out.write(f'\n  "{key}": ['.encode())
    if hasattr(rows, "json_items"):
        items = cast(ItemSource, rows)
        n = len(items)
        for a in range(0, n, items.block):  # in this process: cheap enough that a fork costs more than it saves
            out.write(items.json_items(a, min(a + items.block, n), a == 0))
    elif hasattr(rows, "json_rows"):
        source = cast(RowSource, rows)
        n = len(source)
        write_blocks(out, n, lambda a, b: _json_block(source.json_rows(a, b), a == 0))
    else:
        n = 0
        chunk: list[dict[str, Any]] = []
        for r in rows:
            chunk.append(r)
            if len(chunk) >= 2000:
                out.write(_json_block(chunk, n == 0))
                n += len(chunk)
                chunk.clear()
        out.write(_json_block(chunk, n == 0))
        n += len(chunk)
    out.write(b"\n  ],\n" if n else b"],\n")


#: How orjson writes ``{"": [row]}`` around the row: then indented as an item of a top-level list.
_ITEM_HEAD, _ITEM_TAIL = len(b'{\n  "": ['), len(b"\n  ]\n}")


def _json_block(rows: Iterable[dict[str, Any]], first: bool) -> bytes:
    """Rows as the indented items of a top-level list (the first one without a comma before it).

    Each row is dumped as the one item of a list under a key, where orjson indents it as the report's
    top-level lists have their items, so no pass over its bytes adds the indent; the rows are still
    dumped one at a time as they are built (``tests/events/test_json_block.py`` compares the bytes)."""
    dumps, head, tail = orjson.dumps, _ITEM_HEAD, -_ITEM_TAIL
    parts = [dumps({"": [r]}, option=_JSON_ROW)[head:tail] for r in rows]
    if not parts:
        return b""
    body = b",".join(parts)
    return body if first else b"," + body


def dump_items(rows: Iterable[dict[str, Any]], first: bool) -> bytes:
    """Row dicts as the indented items of a top-level list, as the streamed report writes them."""
    return _json_block(rows, first)


def _plain(cell: Cell) -> str:
    return cell if isinstance(cell, str) else cell.text


def _is_more(row: list[Cell]) -> bool:
    return bool(row) and _plain(row[0]).startswith("…") and not any(_plain(c) for c in row[1:])


class _CellWidths(dict[str, int]):
    """Columns each distinct cell of one report takes, measured once (a year's tables repeat the
    same words in thousands of rows)."""

    def __missing__(self, cell: str) -> int:
        width = self[cell] = display_width(cell)
        return width


def _text(report: Report, parts: list[Part], w: PolicyWords, incidents: Sequence[IncidentLike]) -> str:
    lines = [printable(heading(report, w))] + [printable(h) for h in head_lines(report, w, incidents)]
    size = _CellWidths().__getitem__
    for part in parts:
        rows = [[printable(_plain(c)) for c in r] for r in part.rows]
        lines += ["", printable(part.title)]
        if not rows:
            lines.append(f"  {w.m('report.none_line')}")
            continue
        footer = [r[0] for r, raw in zip(rows, part.rows, strict=True) if _is_more(raw)]
        table = [part.header, *(r for r, raw in zip(rows, part.rows, strict=True) if not _is_more(raw))]
        # A column of ASCII text (most are: ids, times, numbers) is measured by len.
        plain = ["".join(r[i] for r in table).isascii() for i in range(len(part.header))]
        widths = [max(map(len if plain[i] else size, (r[i] for r in table))) for i in range(len(part.header))]
        pads = list(zip(widths, plain, strict=True))
        for r in table:
            cells = [c.ljust(wd) if ok else c + " " * (wd - size(c)) for c, (wd, ok) in zip(r, pads, strict=False)]
            lines.append(("  " + "  ".join(cells)).rstrip())
        lines += [f"  {note}" for note in footer]
        lines += [f"  ※ {printable(n)}" if w.lang == "ja" else f"  Note: {printable(n)}" for n in part.notes]
    return "\n".join(lines) + "\n"


def _markdown(report: Report, parts: list[Part], w: PolicyWords, incidents: Sequence[IncidentLike]) -> str:
    lines = [f"# {markdown_cell(heading(report, w))}", ""]
    lines += [markdown_cell(h) + "  " for h in head_lines(report, w, incidents)]
    for part in parts:
        lines += ["", f"## {markdown_cell(part.title)}", ""]
        if not part.rows:
            lines.append(f"_{markdown_cell(w.m('report.none'))}_")
            continue
        lines.append("| " + " | ".join(markdown_cell(h) if h else " " for h in part.header) + " |")
        lines.append("|" + "|".join("---:" if i in part.numeric else "---" for i in range(len(part.header))) + "|")
        lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in part.rows]
        if part.notes:
            lines.append("")
            lines += [f"> {markdown_cell(n)}" for n in part.notes]
    return "\n".join(lines) + "\n"


def _md_cell(cell: Cell) -> str:
    if isinstance(cell, Mark) and cell.tone == "bad":
        return f"**{markdown_cell(cell.text)}**"
    return markdown_cell(_plain(cell))


_STYLE = """
:root{--fg:#1a1a1a;--muted:#555;--line:#d0d0d0;--head:#f3f4f6;--bad:#b71c1c;--warn:#8a5a00;--good:#1b5e20}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",sans-serif;
color:var(--fg);margin:0 auto;padding:1.5rem;max-width:72rem;line-height:1.6;overflow-wrap:anywhere;
font-variant-ligatures:none}
:lang(ja) body,body:lang(ja){word-break:normal;line-break:strict}
h1{font-size:1.6rem;margin:0 0 .4rem;line-height:1.3}
h2{font-size:1.2rem;margin:2rem 0 .5rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
.meta{color:var(--muted);margin:.1rem 0}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:.5rem 0}
table{border-collapse:collapse;min-width:100%}
td,th{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--head);white-space:nowrap;font-weight:600}
:is(td,tbody th){font-variant-numeric:tabular-nums;font-weight:normal}
:is(td,tbody th).num{text-align:right;white-space:nowrap}
:is(td,tbody th).nowrap{white-space:nowrap}
.nw,:is(td,tbody th) a{white-space:nowrap}
:is(td,tbody th).wide{min-width:10rem}
#outages :is(td,tbody th).wide{min-width:8rem}
#trend td:first-child,#trend th:first-child{position:sticky;left:0;background:#fff}
#trend thead th:first-child{background:var(--head)}
@media (max-width:40rem){#trend td:first-child,#trend th:first-child{white-space:normal;min-width:8.5rem;width:8.5rem}}
.vh{display:inline-block;width:1px;height:1px;margin:0 -1px 0 0;overflow:hidden;clip-path:inset(50%);
white-space:nowrap;vertical-align:top}
.bad{color:var(--bad);font-weight:600}.warn{color:var(--warn);font-weight:600}.good{color:var(--good)}
.note{color:var(--muted);font-size:.92rem;margin:.3rem 0}
.chart{overflow-x:auto}
.scroll:focus-visible,.chart:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
svg.timeline{width:100%;min-width:46rem;height:auto;display:block}
svg.timeline text{fill:#222;font-family:inherit;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
ul.legend{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}
ul.legend li{display:flex;align-items:center;gap:.4rem;white-space:nowrap}
a{color:#0b57d0}
:target{background:#fff6cc}
@media (max-width:40rem){body{padding:.8rem;font-size:15px}h1{font-size:1.3rem}td,th{padding:.25rem .45rem}
table{min-width:36rem}}
@media screen and (max-width:40rem){
table:not(.stack) tr:not(.more)>:first-child{position:sticky;left:0;z-index:1;background:#fff;
box-shadow:inset -1px 0 0 var(--line)}
table:not(.stack) thead tr:not(.more)>th:first-child{background:var(--head)}
table:not(.stack):not(.few) :is(td,tbody th).wide:first-child{min-width:8rem;width:8rem}
table.few{min-width:100%}table.few :is(td,tbody th).wide{min-width:6rem}
table.stack{min-width:0;width:100%}
table.stack,table.stack tbody,table.stack tr,table.stack :is(td,tbody th){display:block}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
table.stack tr{border:1px solid var(--line);margin:0 0 .6rem}
table.stack :is(td,tbody th){border:0;border-top:1px solid var(--line);position:relative;padding-left:6.4rem;
min-width:0;text-align:left;white-space:normal}
table.stack :is(td,tbody th)::before{position:absolute;left:.45rem;width:5.6rem;color:var(--muted);
font-weight:600}
table.stack :is(td,tbody th):first-child{border-top:0;padding-left:.45rem;background:var(--head);font-weight:600}
table.stack :is(td,tbody th):first-child::before{content:none}
}
@media print{
@page{size:A4 portrait;margin:16mm 12mm 14mm}
body{max-width:none;padding:0;font-size:9pt;line-height:1.45}
h1{font-size:15pt}
h2{font-size:11.5pt;margin:1.1rem 0 .4rem;break-after:avoid}
.note{font-size:8.5pt}
.scroll,.chart{overflow:visible;margin:.3rem 0}
.scroll{padding:0 1px}
table{min-width:0;width:100%;font-size:8pt;line-height:1.35}
thead{display:table-header-group}
tr,tbody.item,figure,svg.timeline{break-inside:avoid}
td,th{padding:.15rem .25rem}
thead th{white-space:normal;overflow-wrap:normal}
:is(td,tbody th).wide{min-width:0;overflow-wrap:break-word}
:lang(ja) thead th,:lang(ja) :is(td,tbody th).wide,:lang(ja) .note{word-break:auto-phrase}
:is(td,tbody th).token{overflow-wrap:anywhere}
#trend td:first-child,#trend th:first-child{position:static}
svg.timeline{min-width:0;width:100%}
a{color:inherit;text-decoration:none}
a[href^="http"]::after{content:" <" attr(href) ">"}
.noprint{display:none}
thead th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


#: A run of Latin letters, digits and signs with no space, longer than a cell kept on one line (20):
#: an id from the log (``3f2b8c1e…``, 120 hex digits) that print may break anywhere (``td.token``,
#: ``overflow-wrap: anywhere``, which lets the column's minimum width shrink where ``break-word`` does
#: not, so the other columns stay on the page). Japanese text is never one: it keeps breaking between
#: phrases (``word-break: auto-phrase``, which ``anywhere`` would override).
_TOKEN = re.compile(r"[!-~]{21,}")

#: A column name's unit in parentheses at its end (``停止時間（時間:分）``, ``残り（営業時間）``, ``Downtime
#: (h:mm)``): kept on one line (``.nw``), as print breaks Japanese between phrases and split ``（時間:`` from
#: ``分）``; a longer parenthesis (``除外時間（定期メンテナンス・通知済み計画停止）``) may wrap.
_UNIT = re.compile(r"(.+?)([（(][^（）()]{1,8}[）)])")


def _header_cell(name: str) -> str:
    """A column's name as the HTML of its ``<th>``: the unit at its end never split (:data:`_UNIT`)."""
    unit = _UNIT.fullmatch(name)
    if unit is None:
        return html_text(name)
    return f'{html_text(unit[1])}<span class="nw">{html_text(unit[2])}</span>'


#: A date as the report writes it (``11月6日(金)``, ``2026年11月6日(金)``, ``Fri 6 Nov``, ``Fri 6 Nov 2026``).
_DAY = (
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日\([月火水木金土日]\)"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?: \d{4})?"
)
#: A time of day, with the offset of an hour a zone repeats (``01:40 (-05:00)``).
_CLOCK = r"\d{2}:\d{2}(?: \([+-]\d{2}:\d{2}\))?"
#: A cell that is one time (``11月6日(金) 12:00``): kept on one line (``td.nowrap``), but in a table of
#: :data:`_MANY` columns, which may break it between its date and its time (``td.when``), each whole.
_WHEN = re.compile(rf"({_DAY}) ({_CLOCK})")
#: An item of a list of dates or times (the backups table's days and windows missed): kept whole
#: (``span.nw``), where Japanese wrapped by phrase in print would break ``11月`` / ``6日(金)``.
_LIST_ITEM = re.compile(rf"(?:{_DAY})(?: {_CLOCK})?")
#: Columns from which a table lets its times break between date and time (``td.when``): the outages
#: table judged by several notification rules (eight columns, four of times) fits a 1280 px screen only
#: so, and with its column of time not counted (nine) only with its long cells wrapped at 8rem
#: (``#outages td.wide``), not the 10rem of other tables. A narrower table keeps each time on one line
#: and wraps its long text instead: letting the times wrap too, the browser would squeeze every column
#: alike and break times the table has room for.
_MANY = 8
#: Tables a phone shows as a card per row, each value beside its column's name (``table.stack``), where a
#: table of the usual shape would show one column and scroll: those whose rows are each one matter with
#: long words (the summary: a commitment with a long name and target). Every other table (ids, times and
#: counts) keeps its first column in view while the rest scrolls sideways.
_STACKED = frozenset({"summary", "availability-periods", "credits", "breach-credits", "stops", "backups", "violations"})


def _kept(text: str) -> str:
    """``text`` as HTML; a list of dates or times (``11月5日(木)、11月6日(金)``, each item a
    :data:`_LIST_ITEM`) with each item kept on one line, the list breaking between them."""
    e = html_text
    sep = "、" if "、" in text else ", "
    items = text.split(sep)
    if len(items) < 2 or not all(_LIST_ITEM.fullmatch(i) for i in items):
        return e(text)
    return e(sep).join(f'<span class="nw">{e(i)}</span>' for i in items)


def _td(cell: Cell, numeric: bool, rows: int = 1, times: bool = False, head: bool = False, empty: str = "") -> str:
    """A cell as HTML (over ``rows`` rows); with ``times``, a time may break between its date and its time
    (a table of :data:`_MANY` columns). With ``head``, a cell that names its row (:attr:`Part.heads`: the
    row's first, the id, the period, the commitment; a violation's kind and id), a ``<th scope="row">`` a
    screen reader reads out before each of the row's other cells (WCAG 1.3.1), styled as the other cells of
    the body are (``:is(td,tbody th)``). An empty cell,
    drawn ``-``, is read as ``empty`` (``なし``, from the catalogue) rather than "dash" or "hyphen": the dash hidden
    from assistive technology (``aria-hidden``), the word visually hidden (``.vh``), which every screen reader
    reads, where an ``aria-label`` on a span of no role is not reliably read."""
    e = html_text
    classes = []
    if numeric:
        classes.append("num")
    body: str
    ident = ""
    if isinstance(cell, Link):
        body = f'<a href="#{e(cell.anchor)}">{e(cell.text)}</a>'
        classes.append("nowrap")
    elif isinstance(cell, Links):
        body = e(cell.sep).join(f'<a href="#{e(link.anchor)}">{e(link.text)}</a>' for link in cell.links)
        if len(cell.links) <= 3:  # the list on one line: a line never starts with its comma (``、第4条``)
            classes.append("nowrap")
    elif isinstance(cell, Anchor):
        body = e(cell.text)
        ident = f' id="{e(cell.anchor)}"'
        if len(cell.text) <= 20:  # an article (``第2条の(1) 項番1``), never ``第2条の(1)`` / ``項番1``
            classes.append("nowrap")
    elif isinstance(cell, Mark):
        if cell.tone:
            classes.append(cell.tone)
        short = len(cell.text) <= 8 or numeric  # (a figure said in words, ``+12.0ポイント（改善）``: one line too)
        body = e(cell.text) if short else _kept(cell.text)
        classes.append("nowrap" if short else "wide")  # a verdict on one line; a reason readable
    elif times and len(cell) <= 20 and (when := _WHEN.fullmatch(cell)):
        body = f'<span class="nw">{e(when.group(1))}</span> <span class="nw">{e(when.group(2))}</span>'
        classes.append("when")  # a time in a table of many columns: its date above its time where need be
    elif cell == "-" and empty:
        body = f'<span aria-hidden="true">-</span><span class="vh">{e(empty)}</span>'
        classes.append("nowrap")
    elif len(cell) <= 20 and (cell.isascii() or display_width(cell) <= 20):
        body = e(cell)
        classes.append("nowrap")  # ids, figures and short words never broken inside
    else:
        body = _kept(cell)
        classes.append("wide")
        if _TOKEN.search(cell):  # a long id: in print, broken anywhere rather than pushing columns off the page
            classes.append("token")
    cls = f' class="{" ".join(classes)}"' if classes else ""
    span = f' rowspan="{rows}"' if rows > 1 else ""
    tag, scope = ("th", ' scope="row"') if head else ("td", "")
    return f"<{tag}{scope}{ident}{cls}{span}>{body}</{tag}>"


def _html_rows(part: Part, empty: str) -> list[str]:
    """The table's body. A row that continues the one above (:attr:`Part.joined`) leaves out the cells the
    row above spans over it (``rowspan``), and the rows of one item are a ``tbody`` of their own
    (``tbody.item``), which print keeps on one page."""
    times = len(part.header) >= _MANY
    if not part.joined:
        rows = [
            "<tr>"
            + "".join(_td(c, i in part.numeric, 1, times, i in part.heads, empty) for i, c in enumerate(r))
            + "</tr>"
            for r in part.rows
        ]
        return ["<tbody>", *rows, "</tbody>"]
    joined = part.joined
    out: list[str] = []
    for n, r in enumerate(part.rows):
        skip = joined[n] if n < len(joined) else 0
        more = 0  # the rows below that continue this one, and how many of its cells they share
        while n + more + 1 < len(joined) and joined[n + more + 1]:
            more += 1
        shared = joined[n + 1] if more else 0
        cells = [
            _td(c, i in part.numeric, more + 1 if i < shared else 1, times, i in part.heads, empty)
            for i, c in enumerate(r)
            if i >= skip
        ]
        row = ('<tr class="more">' if skip else "<tr>") + "".join(cells) + "</tr>"
        out.append(row if skip else ("</tbody>" if out else "") + '<tbody class="item">' + row)
    return [*out, "</tbody>"]


def _shape(part: Part) -> str:
    """The class of a section's table: ``stack`` (a card per row on a phone: :data:`_STACKED`), ``few``
    (three columns or fewer: on a phone as narrow as its cells allow, where a wider table keeps a minimum
    width and scrolls), or none."""
    if part.key in _STACKED and not part.joined:
        return "stack"
    return "few" if len(part.header) <= 3 else ""


def _stack_css(parts: Sequence[Part]) -> str:
    """The name of each column of a stacked table (:data:`_STACKED`) beside its values on a phone: one CSS
    rule per column (``#summary :is(td,tbody th):nth-child(2)::before{content:"目標"}``), not a label in every
    cell; a row header after the first column (:attr:`Part.heads`) labelled as a ``td`` is."""
    rules = [
        f"#{part.key} :is(td,tbody th):nth-child({i + 1})::before{{content:{css_string(h)}}}"
        for part in parts
        if part.rows and _shape(part) == "stack"
        for i, h in enumerate(part.header)
        if i > 0
    ]
    return "@media screen and (max-width:40rem){" + "".join(rules) + "}" if rules else ""


def _scroll_box(kind: str, title: str) -> str:
    """The opening tag of a box that scrolls sideways on a narrow screen (a table's ``scroll``, the chart's
    ``chart``): a region named by its section's heading that the keyboard can reach (``tabindex="0"``), so
    one who does not use a mouse can scroll it with the arrow keys and a screen reader says what it holds."""
    return f'<div class="{kind}" role="region" aria-label="{html_text(title)}" tabindex="0">'


def _html(report: Report, parts: list[Part], w: PolicyWords, incidents: Sequence[IncidentLike]) -> str:
    e = html_text
    title = heading(report, w)
    out = [
        f'<!doctype html>\n<html lang="{e(w.lang)}">\n<head>\n<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>\n<style>{_STYLE}{_stack_css(parts)}{page_css(title, w.lang)}</style>",
        "</head>\n<body>",
        f"<header>\n<h1>{e(title)}</h1>",
    ]
    out += [f'<p class="meta">{e(h)}</p>' for h in head_lines(report, w, incidents)]
    out.append("</header>\n<main>")
    for n, part in enumerate(parts):
        key = f' id="{e(part.key)}"' if part.key else ""
        out.append(f"<section{key}>\n<h2>{e(part.title)}</h2>")
        if part.rows:
            shape = f' class="{_shape(part)}"' if _shape(part) else ""
            out.append(f"{_scroll_box('scroll', part.title)}<table{shape}>")
            heads = "".join(f'<th scope="col">{_header_cell(h)}</th>' for h in part.header)
            out.append(f"<thead><tr>{heads}</tr></thead>")
            out += _html_rows(part, w.m("report.cell.empty"))
            out.append("</table></div>")
        else:
            out.append(f"<p>{e(w.m('report.none'))}</p>")
        mark = "※ " if w.lang == "ja" else ""
        out += [f'<p class="note">{mark}{e(note)}</p>' for note in part.notes]
        out.append("</section>")
        if n == 0 and any(p.key == "availability" for p in parts):  # (a policy measuring no service: none)
            table = next((p.title for p in parts if p.key == "outages"), None)  # (the note on labels left out)
            chart = _scroll_box("chart", w.m("report.timeline"))
            out.append(
                f'<section id="timeline">\n<h2>{e(w.m("report.timeline"))}</h2>\n<figure style="margin:0">'
                f"{chart}{timeline_svg(report, w.lang, table)}</div>\n{legend_html(w.lang)}</figure>\n"
                "</section>"
            )
    out.append(f'<p class="note noprint">{e(w.m("report.pdf_note"))}</p>')
    out.append("</main>\n</body>\n</html>\n")
    return "\n".join(out)
