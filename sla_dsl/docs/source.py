"""The highlighted policy source, with an anchor for every line and declaration.

Design notes
------------
* The file is highlighted by :class:`sla_dsl.lang.lexer.SlaLexer` with Pygments'
  ``linespans``, so every line is ``<span id="L-12">``. Each top-level
  declaration is then wrapped in ``<span class="sla-decl" id="L12-L20">`` (the
  GitHub form of a line range), which the rendered pages link to and the
  stylesheet highlights when it is the URL's target.
* Top-level declarations never overlap, so the wrapping spans nest cleanly.
* A section of a rendered page may cover several declarations (``L38-L64``);
  :data:`JS` highlights any range ``#La-Lb`` named by the URL, line by line, and
  scrolls to it, so such links need no element of their own.
* The result is one raw HTML block, which Markdown passes through untouched.
* The same script makes each box the theme wraps a table in (``.md-typeset__scrollwrap``, which scrolls
  sideways on a phone) a region named by the heading above it that the Tab key reaches (WCAG 2.1.1):
  the theme's box took no focus, so a keyboard could not scroll a wide table's hidden columns into view.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pygments import highlight
from pygments.formatters import HtmlFormatter

from ..lang import model as m
from ..lang.lexer import SlaLexer

__all__ = ["CSS", "JS", "declarations", "range_id", "render_source"]

#: Styles for the source page and the rendered policy pages.
CSS = """\
.sla-decl { display: block; }
.sla-decl:target { background: var(--md-code-hl-color--light, rgba(255, 235, 59, .25)); }
.highlight span[id^="L-"]:target { background: var(--md-code-hl-color--light, rgba(255, 235, 59, .25)); }
.sla-src { font-size: .7rem; margin-top: -.6em; }
.sla-src a { color: var(--md-default-fg-color--light); }
/* authors' links to source lines (the § of a row, "policy source, lines a-b") are for a desk, not a phone */
@media screen and (max-width: 44.9375em) { .sla-src { display: none; } }
.sla-source .sla-hl { background: var(--md-code-hl-color--light, rgba(255, 235, 59, .25)); }
.sla-postponed :is(td, th) { font-weight: 600; }
/* a maintenance window skipped (`if not a business day: skip`): the row muted, its day struck through (the date,
   third from the end: no, [rule], date, window, remark); the remark says why, unstruck */
.md-typeset tr.sla-skipped :is(td, th) { color: var(--md-default-fg-color--light); }
.md-typeset tr.sla-skipped :is(td, th):nth-last-child(3) { text-decoration: line-through; }
.sla-lang { float: right; font-size: .75rem; }
/* text for a screen reader only (an empty cell's word, read in place of its "—"): no room taken */
.sla-vh { display: inline-block; width: 1px; height: 1px; margin: 0 -1px 0 0; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; vertical-align: top; }
.sla-table td, .sla-table th { vertical-align: top; }
/* Japanese wraps between words (phrases), never inside a word; long Latin words may still break. Not in a
   table's cells: a phrase kept whole there widens its column, and at a desk's width the table ran past the
   page (its last column behind a scroll bar) */
[lang="ja"] .md-typeset, .md-typeset [lang="ja"] { word-break: auto-phrase; line-break: strict; }
.md-typeset :is(td, th), .md-typeset :is(td, th) [lang="ja"] { word-break: normal; }
.md-typeset table:not([class]) thead th { white-space: nowrap; }
/* a row's header (the cell that names it: a service, an item, a date; th scope="row", read with each of the
   row's cells) looks as the other cells of its row: the theme's cell, not its bold column header */
.md-typeset table:not([class]) tbody th { font-weight: inherit;
  border-top: .05rem solid var(--md-typeset-table-color); }
.md-typeset table:not([class]) :is(td, tbody th) { overflow-wrap: normal; min-width: 5em; }
@media screen and (max-width: 30em) { .md-typeset table:not([class]) :is(td, tbody th) { min-width: 7em; } }
/* the original SLA's text (plugin: <!-- sla:text FILE -->), its lines as they are but wrapped at the column's edge:
   on a phone's screen its lines ran past the screen, each to be scrolled sideways, and the block stood at the
   screen's edge (the theme's pre for code reaches past the column there, its code padded; this one has no code) */
.md-typeset pre.sla-original { white-space: pre-wrap; overflow-wrap: anywhere; margin-left: 0; margin-right: 0; }
.sla-meta { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1.2em; margin: 1em 0; }
.sla-meta-row { display: contents; }
.sla-meta dt { font-weight: 700; }
.sla-meta dd { margin: 0; }
.sla-contract { border-left: .25rem solid var(--md-primary-fg-color); padding: .2em 1em; margin: 1em 0;
  background: var(--md-code-bg-color); }
.sla-contract p { margin: .35em 0; }
/* the label above a quotation of the contract: the page's text colour, not the light one (on the quotation's grey,
   #717171 on #f5f5f5, 4.47:1, under WCAG's 4.5:1 for text this small) */
.sla-contract-label { font-size: .7rem; font-weight: 700; color: var(--md-default-fg-color); }
/* a link in running text is underlined: the theme tells it by its colour alone, 2.34:1 against the text
   (#4051b5 on #212121; WCAG 1.4.1 asks 3:1 or a mark other than colour) */
.md-typeset :is(p, li) a:not(.headerlink, .md-button) { text-decoration: underline; }
.sla-reading-head { font-size: .75rem; color: var(--md-default-fg-color--light); }
.sla-badge { display: inline-block; font-size: .65rem; font-weight: 700; padding: 0 .4em; margin-right: .4em;
  border: 1px solid currentColor; border-radius: .2rem; color: var(--md-accent-fg-color--transparent, #555);
  color: var(--md-default-fg-color--light); white-space: nowrap; }
/* the source page: line numbers stand clear of the code */
.sla-source .linenos { padding-right: 1em; margin-right: .8em; user-select: none;
  border-right: 1px solid var(--md-default-fg-color--lightest); }
/* a date, a time or a range of times in a table (.sla-nowrap: sla_dsl.docs.text.nowrap; a skipped window's day by
   its place, the cell struck through) is never split across lines on paper, nor on a screen as wide as a
   tablet's: not 2026年11月26日 / (木), nor 22:00〜 / 24:00 (on a phone's, whole dates would widen the tables past
   the screen, where they wrap as before) */
@media print, screen and (min-width: 45em) {
  .md-typeset .sla-nowrap, .md-typeset tr.sla-skipped :is(td, th):nth-last-child(3) { white-space: nowrap; } }
/* a column of numbers (項番; a skipped window's —) as narrow as its numbers, not the width a column of words is
   given (on a phone's screen the maintenance table then fits) */
.md-typeset table:not([class]) :is(td, th).sla-no, .md-typeset tr.sla-skipped td:first-child { min-width: 0;
  width: 1%; white-space: nowrap; padding-left: .6em; padding-right: .6em; }
/* on paper: no heading at a page's foot without what it heads, nor the sentence that leads to a table (計算例's)
   without the table (Material wraps a table in .md-typeset__scrollwrap), and no row of a table split across two
   pages */
@media print {
  .md-typeset__scrollwrap { overflow: visible; } .md-header, .md-sidebar, .md-footer { display: none; }
  .md-typeset :is(h1, h2, h3, h4) { break-after: avoid; page-break-after: avoid; }
  /* (a rule of its own: a browser without :has() drops only this one) */
  .md-typeset p:has(+ .md-typeset__scrollwrap, + table) { break-after: avoid; page-break-after: avoid; }
  .md-typeset tr { break-inside: avoid; page-break-inside: avoid; }
}
"""

#: Highlights the lines of the range in the URL (``#L38-L64``) on the source page; makes each box a wide table
#: scrolls in a named region the keyboard reaches.
JS = """\
(function () {
  function highlight() {
    document.querySelectorAll(".sla-hl").forEach(function (e) { e.classList.remove("sla-hl"); });
    var m = /^#L(\\d+)(?:-L(\\d+))?$/.exec(window.location.hash);
    if (!m) { return; }
    var first = null;
    for (var n = +m[1]; n <= +(m[2] || m[1]); n++) {
      var line = document.getElementById("L-" + n);
      if (line) { line.classList.add("sla-hl"); first = first || line; }
    }
    if (first) { first.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", highlight);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
(function () {
  // A table wider than the screen scrolls in the theme's box (.md-typeset__scrollwrap, made by its script),
  // which the keyboard did not reach: each box becomes a region the Tab key reaches, named by the heading
  // above its table, so its columns past the edge can be scrolled into view without a mouse.
  function heading(el) {
    for (var e = el; e && !e.classList.contains("md-content__inner"); e = e.parentElement) {
      for (var p = e.previousElementSibling; p; p = p.previousElementSibling) {
        if (/^H[1-6]$/.test(p.tagName)) {
          var h = p.cloneNode(true);
          h.querySelectorAll(".headerlink").forEach(function (a) { a.remove(); });
          return h.textContent.trim();
        }
      }
    }
    return "";
  }
  function reachable() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      var name = heading(box);
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      if (name) { box.setAttribute("aria-label", name); }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(reachable);
  }
  window.addEventListener("load", reachable);
})();
"""

_LINE = re.compile(r'<span id="L-(\d+)">')


def range_id(span: m.Span) -> str:
    """The anchor of a declaration's lines: ``L12-L20`` (``L12`` for one line)."""
    return f"L{span.line}" if span.end_line <= span.line else f"L{span.line}-L{span.end_line}"


def declarations(model: m.PolicyModel) -> list[m.Span]:
    """The spans of every top-level declaration, in source order."""
    nodes: Iterable[m.Node] = (
        model.header,
        *model.articles,
        *model.calendars,
        *model.services,
        *model.planned_stops,
        *model.maintenance,
        *model.clocks,
        *model.priorities,
        *model.notifications,
        *model.backups,
        *model.exclusions,
        *model.items,
    )
    spans = sorted(
        {n.span.line: n.span for n in nodes if n.span is not m.NO_SPAN and n.span.line > 0}.values(),
        key=lambda s: s.line,
    )
    out: list[m.Span] = []
    for s in spans:
        if out and s.line <= out[-1].end_line:
            continue
        out.append(s)
    return out


def render_source(text: str, model: m.PolicyModel) -> str:
    """The policy ``text`` as highlighted HTML with line and declaration anchors."""
    formatter = HtmlFormatter(linespans="L", linenos="inline", wrapcode=True, cssclass="highlight sla-source")
    body = highlight(text, SlaLexer(), formatter)
    starts = {s.line: s for s in declarations(model)}
    ends: dict[int, int] = {s.end_line: s.line for s in starts.values()}
    pieces = _LINE.split(body)
    out = [pieces[0]]
    for i in range(1, len(pieces), 2):
        n = int(pieces[i])
        chunk = pieces[i + 1]
        if n in starts:
            out.append(f'<span class="sla-decl" id="{range_id(starts[n])}">')
        out.append(f'<span id="L-{n}">')
        if n in ends:
            # the line's own span closes at its first "</span>" that ends the line
            head, sep, tail = chunk.partition("\n</span>")
            chunk = head + sep + "</span>" + tail if sep else chunk + "</span>"
        out.append(chunk)
    return "".join(out)
