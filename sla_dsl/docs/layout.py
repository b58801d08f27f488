"""The frame of a policy page: where each declaration goes, and the means of writing the page.

Design notes
------------
* The page follows the source document: a title, then each ``article`` of the
  policy in order, and inside an article the declarations whose ``[art N.S...]``
  reference points there, grouped by section ``S`` (``### 1. Service hours``).
  Declarations without a reference, or pointing at an article the policy does
  not declare, are collected under "Other rules" at the end, so nothing in the
  policy goes unshown (:func:`by_section`; kinds in :data:`KIND_ORDER`).
* Headings are Markdown (they feed the table of contents), their text escaped
  as such (:func:`heading_text`: ``<``, ``>``, ``&`` as entities, control
  characters as their escapes); tables and
  paragraphs are raw HTML built here, so rows can carry ids that the SLA-items
  table links to and every text is escaped exactly once. Anchors are
  ``kind-name`` (``priority-p1``, ``backup-database``, ``item-4``).
* Each section ends its heading block with a link to its lines on the source
  page (``source.md#L91-L99``), see :mod:`.source`; a customers' page
  (no ``source_url``) has none.
* :class:`PageWriter` holds these means of writing (headings with ids, source
  links, tables, the "reading" badge); what each kind of declaration says is
  :mod:`.render`'s, which builds on it. Nothing here knows a declaration's
  words beyond the catalogue keys of its own links and badge.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lang import model as m
from ..policy.compiled import Policy
from ..report.escape import markdown_heading
from . import text as tx
from .history import Change
from .source import range_id

__all__ = ["KIND_ORDER", "Block", "PageContext", "PageWriter", "anchor", "by_section", "heading_text"]


@dataclass
class PageContext:
    """Where the page sits: links it needs and the settings of the computed parts."""

    lang: str
    source_url: str
    other_langs: dict[str, str] = field(default_factory=dict)
    reference: dt.date | None = None
    #: the build's date: the maintenance list starts there, each window from the version in force on its day
    #: (``reference`` is later when the page's version is published ahead of its date)
    today: dt.date | None = None
    maintenance_count: int = 12
    moved_years: int = 5
    versions: Sequence[tuple[Policy, Sequence[Change], str | None]] = ()
    ics_url: str = ""
    customer: bool = False
    original: str | None = None


def anchor(kind: str, name: str | int) -> str:
    """The id of a declaration on a rendered page: ``priority-p1``."""
    return re.sub(r"[^a-z0-9]+", "-", f"{kind}-{name}".lower()).strip("-")


# Which (article, section) a declaration belongs to -------------------------------------


@dataclass
class Block:
    """The declarations of one section of an article (``article`` 0: those of no declared article), by kind."""

    article: int
    section: int
    nodes: dict[str, list[m.Node]] = field(default_factory=dict)


#: the kinds of declaration, in the order a section shows them (each is a field of the policy model)
KIND_ORDER = (
    "services",
    "calendars",
    "planned_stops",
    "maintenance",
    "items",
    "notifications",
    "backups",
    "event_types",
    "attributes",
    "clocks",
    "priorities",
    "exclusions",
)


def by_section(model: m.PolicyModel) -> tuple[dict[int, list[Block]], list[Block]]:
    """Each declared article's sections in order, and the block of the declarations placed in none."""
    declared = {a.number for a in model.articles}
    by_key: dict[tuple[int, int], Block] = {}
    orphans = Block(0, 0)
    for kind in KIND_ORDER:
        for node in getattr(model, kind):
            ref: m.ArticleRef | None = getattr(node, "ref", None)
            if ref is None or ref.article not in declared:
                orphans.nodes.setdefault(kind, []).append(node)
                continue
            key = (ref.article, ref.parts[1] if len(ref.parts) > 1 else 0)
            by_key.setdefault(key, Block(*key)).nodes.setdefault(kind, []).append(node)
    per_article: dict[int, list[Block]] = {}
    for key in sorted(by_key):
        per_article.setdefault(key[0], []).append(by_key[key])
    return per_article, [orphans] if orphans.nodes else []


# The means of writing a page -------------------------------------------------------------


def heading_text(text: str) -> str:
    """``text`` as the literal text of a Markdown heading (:func:`~sla_dsl.report.escape.markdown_heading`:
    what Markdown would read escaped, ``<``, ``>`` and ``&`` as entities, since Python-Markdown shows ``\\<``
    as it is; control characters as their escapes)."""
    return markdown_heading(text)


class PageWriter:
    """The Markdown of one policy's page in one language, as it is written: ``out``, block by block."""

    def __init__(self, policy: Policy, ctx: PageContext) -> None:
        self.policy = policy
        self.model = policy.model
        self.ctx = ctx
        self.lang = ctx.lang
        self.out: list[str] = []
        #: the tables' ids so far: a second table of one kind (services in two articles) gets ``-2``
        self._table_ids: dict[str, int] = {}

    def L(self, lab: m.Label) -> str:
        """A label in the page's language, escaped."""
        return tx.esc(lab.text(self.lang))

    def t(self, key: str, **values: object) -> str:
        """The catalogue's words for ``key`` in the page's language (not escaped)."""
        return tx.t(key, self.lang, **values)

    def dur(self, d: m.Duration) -> str:
        """A duration in the page's language, escaped."""
        return tx.esc(tx.duration(d, self.lang))

    def html(self, block: str) -> None:
        """Add a block of raw HTML (already escaped)."""
        self.out.append(block.strip() + "\n")

    def heading(self, level: int, text: str, ident: str, span: m.Span | None = None) -> None:
        """Add a Markdown heading with the id ``ident`` (then a link to ``span``'s source lines, if given)."""
        safe = heading_text(text)  # heading text is Markdown: nothing in it may read as markup
        self.out.append(f"{'#' * level} {safe} {{#{ident}}}\n")
        if span is not None:
            self.src(span)

    def src(self, *spans: m.Span) -> None:
        """Add a link to the source lines of ``spans``, from the first to the last (none on customer pages)."""
        if not self.ctx.source_url or not spans:
            return
        first, last = min(s.line for s in spans), max(s.end_line for s in spans)
        whole = m.Span(line=first, end_line=last)
        words = self.t("source_lines", a=first, b=last) if last > first else self.t("source_line", a=first)
        self.html(f'<p class="sla-src"><a href="{self.ctx.source_url}#{range_id(whole)}">{tx.esc(words)}</a></p>')

    def row_src(self, span: m.Span) -> str:
        """A small link from a table row to its declaration's lines (none on customer pages)."""
        if not self.ctx.source_url:
            return ""
        a, b = span.line, max(span.end_line, span.line)
        said = self.t("source_lines", a=a, b=b) if b > a else self.t("source_line", a=a)
        return f' <a class="sla-src" href="{self.ctx.source_url}#{range_id(span)}" title="{tx.esc(said)}">§</a>'

    def table(self, ident: str, head: Sequence[str], rows: Sequence[str], numbered: bool = False) -> None:
        """Add a table with the id ``ident``: its header cells and its rows (``<tr>`` HTML, already escaped);
        ``numbered``: its first column is a number (項番), as narrow as its numbers (``sla-no``, as the rows
        mark its cells)."""
        seen = self._table_ids[ident] = self._table_ids.get(ident, 0) + 1
        ident = ident if seen == 1 else f"{ident}-{seen}"
        ths = "".join(
            f'<th class="sla-no">{h}</th>' if numbered and not i else f"<th>{h}</th>" for i, h in enumerate(head)
        )
        body = "\n".join(rows)
        # Material wraps every table in a box that scrolls sideways on a narrow screen (.md-typeset__scrollwrap)
        self.html(f'<table id="{ident}">\n<thead><tr>{ths}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>')

    def badge(self) -> str:
        """The mark in front of a sentence that is the project's reading, not contract text."""
        return f'<span class="sla-badge">{tx.esc(self.t("reading"))}</span>'

    def reading(self, text: str) -> None:
        """A sentence that is the project's reading of the SLA, marked as such (already escaped)."""
        self.html(f'<p class="sla-reading"><span class="sla-badge">{tx.esc(self.t("reading"))}</span>{text}</p>')
