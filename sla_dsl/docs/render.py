"""A compiled policy rendered as one Markdown page per language, laid out like the source.

Design notes
------------
* The page follows the source document: a title, a line of facts (provider,
  version, effective date, time zone), then each ``article`` of the policy in
  order, its declarations grouped by section, and "Other rules" for those
  placed in no declared article; the version history last. Where each
  declaration goes, the anchors, the source links and the raw-HTML tables are
  :mod:`.layout`'s (:class:`.layout.PageWriter`, which the page builds on);
  this module says what each kind of declaration says (``r_<kind>``).
* With the original contract text (``source "..."`` in the header), the
  Japanese page shows each article's own lines verbatim and the declarations
  under them as the project's reading; the English page reads it. The
  sentences of an article's ``text`` the original does not have (an author's
  edit under Article 5) follow the original's box in a box of their own, labelled
  with the page's version (:func:`.original.added`): never left off the page.
* Versions keep their original (``source``) as it was: on the page of a later
  version than the earliest of that ``source``, the box says it is that
  version's original (契約本文（版 2026.1 の原文のとおり）) and a sentence under
  the intro says the rules under it are the page's version's, its changes in
  the version history. The first version's page, and a policy's without
  versions, are as before.
* Values come from the model (labels, durations, hours) or from
  :mod:`.computed` (dates and deadlines); the words around them from
  :mod:`.text`.
* Every declaration that takes a ``note`` shows it with the rule (the grammar's
  ``note`` in a block: services, calendars, planned stops, maintenance, clocks,
  priorities, notify rules, backups, attributes), unless the Japanese page shows
  the original's own lines; attributes are listed with their values by their
  labels and the value taken when none is given.
* The table of the next maintenance windows names each window's rule when the
  policy has several, says a window's real length when the clocks change in it
  (London's 01:15-01:45 on 25 October 2026 runs from the first 01:15 to the
  second 01:45: 1 h 30 min) and writes each end of such a window with its
  offset, as every time of a day the clocks change is written
  (:func:`sla_dsl.i18n.window_hours`, which the dashboard writes too), and
  lists among the windows, by date, the scheduled days ``if not a business
  day: skip`` drops; the list of the next years' moved
  windows has the skipped ones too. The windows are listed once, after the last
  maintenance rule, wherever the rules sit.
* A priority with several rules (``when``) says under each rule's label whom it
  is for: two rules often share a label.
* :class:`PageContext` and :func:`anchor` live in :mod:`.layout` and are
  importable from here as before.
* The title is text from the policy, and Material prints a page's front-matter
  ``title`` into ``<title>``, the header and the navigation as HTML, unescaped:
  :func:`front_matter` writes it HTML-escaped (it shows as written, never runs),
  its control characters as their escapes (:func:`~sla_dsl.errors.printable`),
  as YAML valid for any text (an invalid front matter is read as Markdown).
  The plugin's source pages take theirs from here too.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from ..calendars.recurrence import Window
from ..errors import printable
from ..i18n import window_hours
from ..lang import model as m
from ..lang import service_plans
from ..lang.check_clocks import response_clock
from ..policy.compiled import Policy
from . import calendar_text as ct
from . import computed, original, plans
from . import text as tx
from .event_types import event_types_html
from .layout import KIND_ORDER, Block, PageContext, PageWriter, anchor, by_section
from .plans import owes_credits
from .targets import clock_lines, clock_name, targets_html

__all__ = ["PageContext", "anchor", "front_matter", "render_policy"]


# The renderer ----------------------------------------------------------------------------


class _Page(PageWriter):
    """Builds the Markdown of one policy in one language."""

    # -- the page -------------------------------------------------------------------------
    def render(self) -> str:
        h = self.model.header
        title = tx.policy_title(h, self.lang)
        self.out.append(front_matter(title))
        switch = " · ".join(
            f'<a href="{url}" hreflang="{lang}" lang="{lang}">{tx.t("lang_name", lang)}</a>'
            for lang, url in self.ctx.other_langs.items()
        )
        if switch:
            self.html(f'<p class="sla-lang">{switch}</p>')
        self.heading(1, title, "top", h.span)
        meta = (
            *([(self.t("provider"), self.L(h.provider))] if self.L(h.provider) else []),  # none when it names none
            (self.t("version"), tx.esc(h.version)),
            (self.t("effective"), tx.esc(tx.date(h.effective, self.lang))),
            (self.t("timezone"), tx.esc(tx.zone(self.policy.tz, self.lang))),
            *([(self.t("credit_total"), self.credit_total(h.credit_total))] if h.credit_total else []),
            *([] if owes_credits(self.model) else [(self.t("no_credits"), tx.esc(self.t("no_credits.text")))]),
        )
        self.html(
            '<dl class="sla-meta">'
            + "".join(f'<div class="sla-meta-row"><dt>{k}</dt><dd>{v}</dd></div>' for k, v in meta)
            + "</dl>"
        )
        contract = original.articles(self.ctx.original) if self.ctx.original and self.lang == "ja" else None
        # the Japanese page shows the original's text; the English page reads it; without an original, neither
        intro = "intro_ja" if contract else "intro_en" if self.ctx.original and self.lang != "ja" else "intro_policy"
        self.html(f'<p class="sla-intro">{tx.esc(self.t(intro))}</p>')
        first = self.original_version() if contract is not None else None
        if first is not None:  # the original is an earlier version's: the rules under it are this page's
            history = f'<a href="#version-history">{tx.esc(self.t("history"))}</a>'
            said = self.t("contract_version", v=tx.esc(first.version), page=tx.esc(h.version), history=history)
            self.html(f'<p class="sla-intro">{said}</p>')
        if contract and contract.get(0):
            self.contract(contract[0], first)
        per_article, orphans = by_section(self.model)
        for art in self.model.articles:
            heading = self.t("article", n=art.number, title=art.title.text(self.lang))
            self.heading(2, heading, anchor("article", art.number), art.span)
            if contract is not None:
                lines = contract.get(art.number, [])
                self.contract(lines, first)
                self.version_text([s for text in art.text for s in original.added(text.text(self.lang), lines)])
            else:
                for text in art.text:
                    self.html(f"<p>{self.L(text)}</p>")
            blocks = per_article.get(art.number, [])
            if blocks:
                self.html(f'<p class="sla-reading-head">{tx.esc(self.t("reading_head"))}</p>')
            for block in blocks:
                self.block(block, 3)
        for block in orphans:
            self.heading(2, self.t("sec_other"), "other-rules")
            self.block(block, 3, headed=False)
        self.history()
        return "\n".join(self.out)

    def contract(self, lines: Sequence[str], first: Policy | None = None) -> None:
        """The original's own lines of one article, verbatim (the contract text); ``first``: the version whose
        original it is, when that is earlier than the page's (:meth:`original_version`)."""
        if not lines:
            return
        body = "".join(f"<p>{tx.esc(line)}</p>" for line in lines)
        said = self.t("contract_label") if first is None else self.t("contract_label_of", v=first.version)
        label = tx.esc(said)
        self.html(f'<div class="sla-contract" lang="ja"><p class="sla-contract-label">{label}</p>{body}</div>')

    def version_text(self, sentences: Sequence[str]) -> None:
        """The sentences of an article's ``text`` that the original does not have (an edit of the page's
        version), in a box of their own after the original's, labelled with the version."""
        if not sentences:
            return
        body = "".join(f"<p>{tx.esc(s)}</p>" for s in sentences)
        label = tx.esc(self.t("version_text", v=self.model.header.version))
        self.html(
            f'<div class="sla-contract sla-version-text" lang="ja"><p class="sla-contract-label">{label}</p>'
            f"{body}</div>"
        )

    def original_version(self) -> Policy | None:
        """The earliest version (of those the page is given) with the page's ``source``, when it is earlier
        than the page's: the one the original is the text of. None on its own page and without versions."""
        source = self.model.header.source
        same = [pol for pol, _, _ in self.ctx.versions if pol.model.header.source == source]
        if not same or same[0] is self.policy or same[0].effective >= self.policy.effective:
            return None
        return same[0]

    @property
    def notes_shown(self) -> bool:
        """Whether the policy's ``note`` texts go on the page (not when the original's lines are shown)."""
        return not (self.ctx.original and self.lang == "ja")

    def small_notes(self, notes: Sequence[m.Label], after: str = "-") -> str:
        """A declaration's ``note`` texts as small lines under ``after`` (the cell's or item's text: the
        first on its own line only after some), none when hidden (:attr:`notes_shown`)."""
        lines = [f"<small>{self.L(n)}</small>" for n in notes if n.text(self.lang)] if self.notes_shown else []
        said = "<br>".join(lines)
        return f"<br>{said}" if said and after else said

    def block(self, block: Block, level: int, headed: bool = True) -> None:
        kinds = block.nodes
        if headed and block.section:
            title = self._section_title(block)
            spans = [n.span for nodes in kinds.values() for n in nodes]
            ident = f"section-{block.article}-{block.section}"
            self.heading(level, f"{block.section}. {title}", ident)
            self.src(*spans)
            level += 1
        for kind in KIND_ORDER:
            nodes = kinds.get(kind)
            if nodes:
                getattr(self, f"r_{kind}")(nodes, level, block)

    def _section_title(self, block: Block) -> str:
        kinds = block.nodes
        if "services" in kinds:
            return self.t("sec_service_hours")
        if "items" in kinds:
            return self.t("sec_items")
        if "priorities" in kinds or "clocks" in kinds:
            return self.t("sec_response")
        for nodes in kinds.values():
            lab = getattr(nodes[0], "label", None)
            if isinstance(lab, m.Label) and lab.text(self.lang):
                return lab.text(self.lang)
        return self.t("sec_other")

    # -- services and calendars ------------------------------------------------------------
    def hours_text(self, sh: m.ServiceHours) -> str:
        name = sh.calendar or ""
        if sh.always and not name:
            base = self.t("always")
        else:
            base = self.calendar_text(self.model.calendar(name)) if name else ""
        excepts = [self.t("except_maint")] * sh.except_maintenance + [self.t("except_planned")] * (
            sh.except_planned_stops
        )
        if excepts:  # (one "except" for both: 定期メンテナンス、計画停止を除く / regular maintenance and planned stops)
            x = self.t("except", x=tx.join(excepts, self.lang) if self.lang == "ja" else " and ".join(excepts))
            base += f"（{x}）" if self.lang == "ja" else f" ({x})"
        return base

    def calendar_text(self, cal: m.Calendar) -> str:
        lab = self.L(cal.label) or tx.esc(cal.name)
        if len(cal.days) == 7 and cal.hours and all(r.start.minutes == 0 and r.end.minutes == 1440 for r in cal.hours):
            return lab
        parts = [ct.hours_text(cal, self.lang, html=True)]  # (its ranges of hours never split across lines)
        extra = [tx.esc(self.t("holidays", c=ct.region_name(c, self.lang))) for c in cal.holidays]
        sep = "：" if self.lang == "ja" else ": "
        text = f"{lab}{sep}{' '.join(p for p in parts if p)}"
        if extra:  # (in English a name's own parentheses become brackets within these: `Belgium [BE-Flemish]`)
            inner = tx.join(extra, "ja") if self.lang == "ja" else ", ".join(map(tx.nested, extra))
            text += f"（{inner}）" if self.lang == "ja" else f" ({inner})"
        return text

    def credit_total(self, cap: m.CreditTotal) -> str:
        """The header's cap on the total of every credit of a period, in words (with its article)."""
        per = plans.period_words(cap.period, self.lang)
        text = self.t("credit_total.text", p=tx.percent(cap.percent), per=per)
        if cap.ref is not None:
            text += self.t("credit_total.ref", n=str(cap.ref))
        return tx.esc(text)

    def r_services(self, nodes: list[m.Service], level: int, block: Block) -> None:
        rows = []
        for i, svc in enumerate(nodes, 1):
            no = svc.ref.parts[2] if svc.ref and len(svc.ref.parts) > 2 else i
            extra = "".join(f"<br>{tx.esc(line)}" for line in self.availability_lines(svc))
            if not extra and svc.availability_measured:
                extra = "<br><small>" + tx.esc(self.t("availability_measured")) + "</small>"
            notes = self.small_notes(svc.notes)
            rows.append(
                f'<tr id="{anchor("service", svc.name)}"><td class="sla-no">{no}</td>'
                f'<th scope="row">{self.L(svc.label)}{self.row_src(svc.span)}</th>'
                f"<td>{self.hours_text(svc.hours)}{extra}{notes}</td></tr>"
            )
        self.table("service-hours", [self.t("no"), self.t("service"), self.t("standard")], rows, numbered=True)
        plans.credit_table(nodes, self.lang, self.table, self.model)  # service credits (issue 13)

    def availability_lines(self, svc: m.Service) -> list[str]:
        """Every availability target of a service, in the order they are tried, each with its measurement
        period and, when the service has several, whom it is for (the credit table's words)."""
        lines = []
        targets = service_plans.ordered(svc)
        # those written below the target without `when` never apply: that one takes every customer left
        tried = next((i + 1 for i, t in enumerate(targets) if t.when is None), len(targets))
        for i, target in enumerate(targets):
            p, per = tx.percent(target.percent), plans.period_words(target.period, self.lang)
            who = plans.whom(self.model, target.when, self.lang)
            if i >= tried:
                lines.append(self.t("availability_never", p=p, per=per, who=who))
            elif tried == 1:  # the one target every customer is promised
                lines.append(self.t("availability_period", p=p, per=per))
            else:
                lines.append(self.t("availability_for", p=p, per=per, who=who))
        return lines

    def r_calendars(self, nodes: list[m.Calendar], level: int, block: Block) -> None:
        self.heading(level, self.t("calendars"), f"calendars-{block.article}-{block.section}")
        items = []
        for cal in nodes:
            facts = [tx.esc(ct.hours_text(cal, self.lang))]
            facts += [tx.esc(self.t("holidays", c=ct.region_name(c, self.lang))) for c in cal.holidays]
            facts += [tx.esc(f) for f in ct.calendar_facts(cal, self.lang)]
            closed = [tx.date_range(r, self.lang) for r in cal.closed]
            closed += [tx.yearly_range(r, self.lang) for r in cal.closed_yearly]
            if closed:
                facts.append(tx.esc(self.t("closed", d=tx.join(closed, self.lang))))
            if cal.open:
                opened = tx.join([tx.date_range(r, self.lang) for r in cal.open], self.lang)
                facts.append(tx.esc(self.t("open_extra", d=opened)))
            if cal.has_hours and len(cal.open_weekdays()) < 7:
                day = self.policy.calendar(cal.name).day_length  # exact: 8.5 hours, not 8
                facts.append(tx.esc(self.t("day_hours", h=tx.business_hours(day, self.lang))))
            notes = self.small_notes(cal.notes)
            sep = "：" if self.lang == "ja" else ": "
            items.append(
                f'<li id="{anchor("calendar", cal.name)}"><strong>{self.L(cal.label) or tx.esc(cal.name)}</strong>'
                f"{sep}{tx.join([f for f in facts if f], self.lang)}{notes}{self.row_src(cal.span)}</li>"
            )
        self.html("<ul>\n" + "\n".join(items) + "\n</ul>")

    # -- planned stops and maintenance --------------------------------------------------------
    def r_planned_stops(self, nodes: list[m.PlannedStop], level: int, block: Block) -> None:
        for ps in nodes:
            if len(nodes) > 1 or not block.section:
                self.heading(level, ps.label.text(self.lang) or ps.name, anchor("planned_stop", ps.name), ps.span)
            else:
                self.html(f'<span id="{anchor("planned_stop", ps.name)}"></span>')
            chans = tx.join([tx.channel(c, self.lang) for c in ps.channels], self.lang)
            where = self.t("anchor_start_date" if ps.anchor is m.NoticeAnchor.START_DATE else "anchor_start")
            lines = [tx.esc(self.t("stop_notice", anchor=where, d=tx.duration(ps.notice, self.lang), ch=chans))]
            if ps.emergency_allowed:
                key = "emergency_downtime" if ps.emergency_counts_as_downtime else "emergency_excused"
                lines.append(self.badge() + tx.esc(self.t(key)))
            self.html("<ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>")
            for n in ps.notes if self.notes_shown else ():
                self.html(f'<p class="sla-note">{self.L(n)}</p>')

    def r_maintenance(self, nodes: list[m.Maintenance], level: int, block: Block) -> None:
        for mt in nodes:
            if len(nodes) > 1 or not block.section:
                self.heading(level, mt.label.text(self.lang) or mt.name, anchor("maintenance", mt.name), mt.span)
            else:
                self.html(f'<span id="{anchor("maintenance", mt.name)}"></span>')
            when = f"{tx.recurrence(mt.on, self.lang)} {tx.time_range(mt.hours, self.lang)}"
            lines = [f"<strong>{tx.esc(when)}</strong>"]
            if mt.calendar:
                lines.append(self.badge() + tx.esc(self.t(f"maint_roll_{mt.roll.value}")))
            lines.append(
                tx.esc(
                    self.t("notice_before", d=tx.duration(mt.notice, self.lang)) if mt.notice else self.t("notice_none")
                )
            )
            lines.append(tx.esc(self.t("maint_excused" if mt.excused else "maint_counts")))
            self.html('<ul class="sla-maintenance-rule">' + "".join(f"<li>{x}</li>" for x in lines) + "</ul>")
            for n in mt.notes if self.notes_shown else ():
                self.html(f'<p class="sla-note">{self.L(n)}</p>')
        # the windows of every rule, once: after the last rule described (rules may sit in several sections)
        self._maintenance_shown += len(nodes)
        if self._maintenance_shown >= len(self.model.maintenance):
            self.maintenance_lists(level)

    _maintenance_shown = 0

    def maintenance_lists(self, level: int) -> None:
        """The next windows from the build date, with the scheduled days ``skip`` drops among them (by date),
        each window's rule when there are several, and a window's real length when the clocks change in it;
        then the windows moved, and the days skipped, in the next years. With several versions each window
        is the version's in force on its day (as ``sla maintenance`` and the evaluator take it), named when
        it is not this page's version."""
        ref = self.ctx.reference or self.model.header.effective
        start = min(self.ctx.today or ref, ref)
        policies = [pol for pol, _, _ in self.ctx.versions] or [self.policy]
        if self.policy not in policies:
            policies = [self.policy]
        found = computed.next_windows_in_force(policies, start, self.ctx.maintenance_count)
        rules = {(id(p), mt.name): mt for p in policies for mt in p.model.maintenance}
        several = len({mt.name for p in {id(p): p for _, p in found}.values() for mt in p.model.maintenance}) > 1
        several = several or len(self.model.maintenance) > 1
        title = self.t("next_windows", n=len(found), d=tx.date(start, self.lang))
        self.heading(level, title, "maintenance-next")
        rows: list[tuple[float, str]] = []  # (when, row): the windows by their instants, skipped days among them
        for i, (w, pol) in enumerate(found, 1):
            rule_of = rules[(id(pol), w.name)]
            # (HTML: the dates and times of the row marked as never split across lines, tx.nowrap)
            notes = [self._moved_note(w, html=True)] if w.moved else []
            notes += [tx.esc(note) for note in self._length_note(w, rule_of)]
            if pol is not self.policy:
                notes.append(tx.esc(self.t("window_version", v=pol.version)))
            cls = ' class="sla-postponed"' if w.moved else ""
            rule = f"<td>{self._maintenance_name(rule_of)}</td>" if several else ""
            rows.append(
                (
                    w.start.timestamp(),
                    f'<tr{cls}><td class="sla-no">{i}</td>{rule}'
                    f'<th scope="row">{tx.nowrap(tx.date(w.day, self.lang))}</th>'
                    f"<td>{tx.nowrap(window_hours(w.start, w.end, self.lang))}</td>"
                    f"<td>{self._notes_joined(notes)}</td></tr>",
                )
            )
        last = found[-1][0].day if found else start + dt.timedelta(days=366)
        for pol, sk in self._skipped(policies, start, last):
            rule_of = rules[(id(pol), sk.name)]
            rule = f"<td>{self._maintenance_name(rule_of)}</td>" if several else ""
            rows.append(
                (
                    dt.datetime.combine(sk.day, dt.time(), self.policy.tz).timestamp()
                    + rule_of.hours.start.minutes * 60,
                    # (its cells as they are: the stylesheet narrows the first and keeps the day whole by place)
                    f'<tr class="sla-skipped"><td>{tx.empty(self.lang)}</td>{rule}'
                    f'<th scope="row">{tx.esc(tx.date(sk.day, self.lang))}</th>'
                    f"<td>{tx.empty(self.lang)}</td><td>{tx.esc(self._skipped_note(sk))}</td></tr>",
                )
            )
        head = [self.t("no"), *([self.t("maint_rule")] if several else [])]
        head += [self.t("date"), self.t("window"), self.t("remark")]
        self.table("maintenance-windows", head, [row for _, row in sorted(rows, key=lambda r: r[0])], numbered=True)
        if self.ctx.ics_url:
            link = f'<a href="{self.ctx.ics_url}" type="text/calendar">{tx.esc(self.t("ics_link"))}</a>'
            self.html(f'<p class="sla-ics">{link}{tx.esc(self.t("ics_hint"))}</p>')
        until = computed.years_on(start, self.ctx.moved_years)
        moved = [w for w, _ in computed.windows_in_force(policies, start, until) if w.moved]
        skipped = [sk for _, sk in self._skipped(policies, start, until)]
        sep = "：" if self.lang == "ja" else ": "
        said = [(w.day, f"{tx.esc(tx.date(w.day, self.lang))}{sep}{tx.esc(self._moved_note(w))}") for w in moved]
        said += [(s.day, f"{tx.esc(tx.date(s.day, self.lang))}{sep}{tx.esc(self._skipped_note(s))}") for s in skipped]
        items = [f"<li>{text}</li>" for _, text in sorted(said, key=lambda x: x[0])]
        items = items or [f"<li>{tx.esc(self.t('no_moves'))}</li>"]
        # (the heading names skipped windows where a rule may skip one)
        skips = any(mt.roll is m.Roll.SKIP and mt.calendar for p in policies for mt in p.model.maintenance)
        heading = self.t("upcoming_moves_skips" if skips else "upcoming_moves", y=self.ctx.moved_years)
        self.html(f"<p><strong>{tx.esc(heading)}</strong></p>")
        self.html('<ul id="maintenance-moved">' + "".join(items) + "</ul>")

    @staticmethod
    def _skipped(policies: Sequence[Policy], start: dt.date, end: dt.date) -> list[tuple[Policy, computed.Skipped]]:
        """The days ``skip`` drops in ``[start, end]``, each of the version in force that day."""
        return sorted(
            (
                (pol, sk)
                for pol in policies
                for sk in computed.skipped_windows(pol, start, end)
                if computed.in_force_on(policies, sk.day) is pol
            ),
            key=lambda ps: ps[1].day,
        )

    def _maintenance_name(self, mt: m.Maintenance) -> str:
        return self.L(mt.label) or tx.esc(mt.name)

    def _notes_joined(self, notes: Sequence[str]) -> str:
        return ("。" if self.lang == "ja" else "; ").join(notes)

    def _moved_note(self, w: Window, html: bool = False) -> str:
        """Where window ``w`` moved from and why; ``html``: as HTML, its date never split across lines."""
        reason = (w.reason_ja if self.lang == "ja" else w.reason) or ""
        key = "postponed" if w.day > w.scheduled else "brought_forward"
        if html:
            return self.t(key, d=tx.nowrap(tx.date(w.scheduled, self.lang)), r=tx.esc(reason))
        return self.t(key, d=tx.date(w.scheduled, self.lang), r=reason)

    def _skipped_note(self, s: computed.Skipped) -> str:
        return self.t("skipped", r=s.reason_ja if self.lang == "ja" else s.reason)

    def _length_note(self, w: Window, mt: m.Maintenance) -> list[str]:
        """The window's real length, when the clocks change in it (a night the clocks go back or forward):
        ``01:15〜01:45`` on London's autumn night runs from the first 01:15 to the second 01:45, 1 h 30 min."""
        wall = mt.hours.end.minutes - mt.hours.start.minutes
        wall += 1440 if wall <= 0 else 0
        real = round((w.end.timestamp() - w.start.timestamp()) / 60)
        return [self.t("real_length", d=_elapsed(real, self.lang))] if real != wall else []

    # -- SLA items, notifications, backups ----------------------------------------------------
    def _rule_label(self, r: m.ItemRef) -> str:
        """The label a reader knows a rule by, HTML-escaped (its internal name only when it has none; a clock
        without one by what it measures). A priority with several rules (``when plan = premium``) is named by
        its rule without a condition, the one for every incident, not by whichever rule is written first."""
        general = sorted(self.model.priorities, key=lambda p: p.when is not None)  # (a stable sort)
        pools: dict[str, list[tuple[str, m.Label]]] = {
            "priority": [(p.id, p.label) for p in general],
            "planned_stop": [(p.name, p.label) for p in self.model.planned_stops],
            "service": [(x.name, x.label) for x in self.model.services],
            "calendar": [(x.name, x.label) for x in self.model.calendars],
            "maintenance": [(x.name, x.label) for x in self.model.maintenance],
            "notify": [(x.name, x.label) for x in self.model.notifications],
            "backup": [(x.kind, x.label) for x in self.model.backups],
            "exclude": [(x.cause, x.label) for x in self.model.exclusions],
        }
        for name, lab in pools.get(r.kind, []):
            if name == r.name and lab.text(self.lang):
                return tx.esc(lab.text(self.lang))
        if r.kind == "clock":  # by its label, else by what it measures (``応答目標時間``), as everywhere
            clock = next((c for c in self.model.clocks if c.name == r.name), None)
            if clock is not None:
                return clock_name(clock, self.model, self.lang)
        return tx.esc(r.name)

    def _rule_link(self, r: m.ItemRef) -> str:
        return f'<a href="#{anchor(r.kind, r.name)}">{self._rule_label(r)}</a>'

    def r_items(self, nodes: list[m.Item], level: int, block: Block) -> None:
        rows = []
        backups = {b.kind: b for b in self.model.backups}
        for item in nodes:
            links = tx.join([self._rule_link(r) for r in item.rules], self.lang)
            subs = [backups[r.name] for r in item.rules if r.kind == "backup" and r.name in backups]
            if not item.value.text(self.lang) and subs and len(subs) == len(item.rules):
                span = len(subs)
                desc = f"<br><small>{self.L(item.description)}</small>" if item.description.text(self.lang) else ""
                for k, b in enumerate(subs):
                    lead = (
                        f'<tr id="{anchor("item", item.number)}"><td class="sla-no" rowspan="{span}">{item.number}</td>'
                        f'<th scope="row" rowspan="{span}">{self.L(item.label)}{desc}</th>'
                        if k == 0
                        else "<tr>"
                    )
                    rows.append(
                        f"{lead}<td>{self.L(b.label)}</td><td>{self.backup_summary(b)}</td>"
                        f"<td>{self._rule_link(m.ItemRef(kind='backup', name=b.kind))}</td></tr>"
                    )
                continue
            rows.append(
                f'<tr id="{anchor("item", item.number)}"><td class="sla-no">{item.number}</td>'
                f'<th scope="row">{self.L(item.label)}</th><td>{self.L(item.description)}</td>'
                f"<td>{self.L(item.value)}</td><td>{links}</td></tr>"
            )
        head = [self.t("no"), self.t("item_name"), self.t("item_desc"), self.t("item_value"), self.t("item_rules")]
        self.table("sla-items", head, rows, numbered=True)

    def backup_summary(self, b: m.Backup) -> str:
        parts: list[str] = []
        if b.method.text(self.lang):
            parts.append(self.L(b.method))
        if b.continuous:
            parts.append(tx.esc(self.t("continuous")))
        if b.every:
            parts.append(tx.esc(tx.every(b.every, self.lang)))
        if b.keep:
            parts.append(tx.esc(self.t("keep", d=tx.duration(b.keep, self.lang))))
        if b.other_zone:
            parts.append(tx.esc(self.t("another_zone.summary")))
        return ("。" if self.lang == "ja" else "; ").join(parts) + ("。" if self.lang == "ja" and parts else "")

    def r_notifications(self, nodes: list[m.Notify], level: int, block: Block) -> None:
        for n in nodes:
            self.heading(level, n.label.text(self.lang) or n.name, anchor("notify", n.name), n.span)
            lines = [
                self.t(
                    "notify_within",
                    e=tx.event(n.after, self.lang),
                    d=tx.esc(tx.duration(n.within, self.lang)),
                    m=tx.event(n.met_by, self.lang),
                )
            ]
            if n.only_during:  # within the calendar's open hours, not "on its days"
                cal = self.model.calendar(n.only_during)
                hours = self.lang == "ja" and cal.label.text(self.lang).endswith("時間")  # (当社営業時間内)
                lines.append(
                    self.t(
                        "notify_only.hours" if hours else "notify_only",
                        e=tx.event(n.after, self.lang),
                        c=self.L(cal.label) or tx.esc(cal.name),
                    )
                )
            if n.when is not None:  # `when plan = premium` (issue 13)
                lines.append(tx.esc(plans.only_for(self.model, n.when, self.lang)))
            self.html("<ul>" + "".join(f"<li>{x}</li>" for x in lines) + "</ul>")
            for note in n.notes if self.notes_shown else ():
                self.html(f'<p class="sla-note">{self.L(note)}</p>')

    def r_backups(self, nodes: list[m.Backup], level: int, block: Block) -> None:
        self.heading(level, self.t("backups"), f"backups-{block.article}-{block.section}")
        self.src(*(b.span for b in nodes))
        rows = []
        for b in nodes:
            rows.append(
                f'<tr id="{anchor("backup", b.kind)}"><th scope="row">{self.L(b.label)}</th>'
                f"<td>{self.L(b.method) + self.small_notes(b.notes, self.L(b.method)) or tx.empty(self.lang)}</td>"
                f"<td>{tx.esc(tx.every(b.every, self.lang) if b.every else self.t('continuous.frequency'))}</td>"
                f"<td>{tx.esc(tx.duration(b.keep, self.lang)) if b.keep else tx.empty(self.lang)}</td>"
                f"<td>{tx.esc(self.t('another_zone')) if b.other_zone else tx.empty(self.lang)}</td></tr>"
            )
        head = [self.t("kind"), self.t("method"), self.t("frequency"), self.t("retention"), self.t("location")]
        self.table("backups", head, rows)

    # -- attributes ---------------------------------------------------------------------------
    def r_attributes(self, nodes: list[m.Attribute], level: int, block: Block) -> None:
        """The attributes records carry (``plan``): each by its label, its values by theirs, the value taken
        when none is given, the events that change it during an incident (``changes at``) and its notes;
        the rules they choose are the plan table's."""
        self.heading(level, self.t("attributes"), f"attributes-{block.article}-{block.section}")
        self.html(f"<p>{tx.esc(self.t('attributes_intro'))}</p>")
        sep = "：" if self.lang == "ja" else ": "
        items = []
        for a in nodes:
            values = tx.esc(tx.join([a.value_text(v, self.lang) for v in a.values], self.lang))
            if a.default is not None:
                values += tx.esc(self.t("attribute_default", v=a.value_text(a.default, self.lang)))
            changes = plans.changes_words(a, self.lang)  # (the events that change it during an incident)
            items.append(
                f'<li id="{anchor("attribute", a.name)}"><strong>{self.L(a.label) or tx.esc(a.name)}</strong>'
                f"{sep}{values}{f'<br>{changes}' if changes else ''}{self.small_notes(a.notes)}"
                f"{self.row_src(a.span)}</li>"
            )
        self.html('<ul class="sla-attributes">\n' + "\n".join(items) + "\n</ul>")

    # -- response to failures ----------------------------------------------------------------
    def r_event_types(self, nodes: list[m.EventType], level: int, block: Block) -> None:
        self.html(event_types_html(nodes, self.lang))  # event types the policy declares (issue 12)

    def r_clocks(self, nodes: list[m.ClockRule], level: int, block: Block) -> None:
        for c in nodes:
            starts = self.clock_starts(c.starts)
            lines = [self.clock_start_line(c, starts)]
            lines += clock_lines(c, self.lang)  # pauses, stops, resets (issue 12)
            if len(c.risk_thresholds) > 1:  # `at risk at 50%, 75% of target`
                first, several = tx.percent(c.risk_thresholds[0]), tx.percents(c.risk_thresholds, self.lang)
                lines.append(self.badge() + tx.esc(self.t("at_risk.several", p=several, first=first)))
            elif c.at_risk_percent is not None:
                lines.append(self.badge() + tx.esc(self.t("at_risk", p=tx.percent(c.at_risk_percent))))
            lines += [self.L(n) for n in c.notes] if self.notes_shown else []
            self.html(f'<ul id="{anchor("clock", c.name)}">' + "".join(f"<li>{x}</li>" for x in lines) + "</ul>")

    def clock_starts(self, starts: Sequence[str]) -> str:
        """A clock's start events, each after the one it stands in for (``starts at A, else B``): after the
        contract's judgement that the product may be the cause in its own words, as Click So-ko's SLA says
        it (``その判断がない場合は``), after any other event neutrally (``それがない場合は``)."""
        said = tx.event(starts[0], self.lang) if starts else ""
        for before, e in itertools.pairwise(starts):
            judged = before == "incident.product_suspected" and self.model.relabel(before) is None
            said += self.t("else" if judged else "else.none") + tx.event(e, self.lang)
        return said

    def clock_start_line(self, c: m.ClockRule, starts: str) -> str:
        """Where a clock starts, the clock named for what it measures: the response target's clock as such,
        another by its label, else by the targets measured on it (``解決目標時間の起算点``)."""
        if c is response_clock(self.model):
            return self.t("clock_starts", e=starts)
        return self.t("clock_starts_named", c=clock_name(c, self.model, self.lang), e=starts)

    def target_text(self, target: m.Target) -> str:
        return tx.target_text(target, self.lang)

    def completion_text(self, c: m.Completion) -> str:
        parts = [self.t("complete_on", e=tx.event(e, self.lang)) for e in c.on]
        if c.silence:
            s = c.silence
            parts.append(
                self.t(
                    "complete_silence",
                    d=tx.esc(tx.duration(s.duration, self.lang)),
                    a=tx.event(s.after, self.lang),
                    u=tx.event(s.unless, self.lang),
                )
            )
        return self.t("or").join(parts)

    #: the kinds whose declarations each get a heading of their own in a block (several notify rules, ...)
    _HEADED = ("calendars", "planned_stops", "maintenance", "notifications", "backups")

    def r_priorities(self, nodes: list[m.Priority], level: int, block: Block) -> None:
        # after another kind's headed declarations in the block, the table has a heading of its own: it is no
        # part of the last of them (a notify rule's)
        if any(kind in block.nodes for kind in self._HEADED):
            self.heading(level, self.t("sec_response"), f"response-{block.article}-{block.section}")
        rows = []
        seen: set[str] = set()
        for p in nodes:
            # (the anchor on the first rule of an id; each rule of an id with several, with whom it is for)
            ident = "" if p.id in seen else f' id="{anchor("priority", p.id)}"'
            seen.add(p.id)
            rows.append(
                f'<tr{ident}><th scope="row">{self.L(p.label) or tx.esc(p.id)}'
                f"{self.row_src(p.span)}{self.rule_for(p)}</th>"
                f"<td>{self.L(p.definition)}{self.small_notes(p.notes, self.L(p.definition))}</td>"
                f"<td><strong>{tx.esc(self.target_text(p.target))}</strong>"
                f"{targets_html(p, self.model, self.lang)}</td>"
                f"<td>{self.L(p.completion.guideline)}</td>"
                f"<td><small>{self.completion_text(p.completion)}</small></td></tr>"
            )
        head = [self.t("prio"), self.t("definition"), self.t("target"), self.t("guideline"), self.t("completion")]
        self.table("priorities", head, rows)
        plans.plan_table(self.model, self.lang, self.table, self.target_text)  # which rule for which plan (issue 13)
        for a in plans.changing_attributes(self.model) if any(p.when is not None for p in nodes) else []:
            self.html(f'<p class="sla-attribute-changes">{plans.changes_words(a, self.lang)}</p>')  # `changes at`
        for p in nodes:
            self.same_day(p)
        self.examples(level)

    def rule_for(self, p: m.Priority) -> str:
        """Under the label of a rule of a priority with several rules: whom it applies to (``契約プランが
        プレミアムの場合に限ります。``, ``その他の場合に適用します。``), as two rules often share a label."""
        if len(self.model.rules_of(p.id)) < 2:
            return ""
        said = plans.only_for(self.model, p.when, self.lang) if p.when is not None else self.t("rule_otherwise")
        return f"<br><small>{tx.esc(said)}</small>"

    def same_day(self, p: m.Priority) -> None:
        """The same-day guideline: its rule on the wall clock of its calendar (``by 13:30 London time`` for a
        calendar with its own zone) and an example said on the policy's clock and that calendar's."""
        ref = self.ctx.reference or self.model.header.effective
        cut = computed.cutoff(self.policy, p, ref)
        if cut is None:
            return
        name = p.label.text(self.lang) or p.id
        by: object = cut.cutoff
        at: object = cut.cutoff
        if cut.zone is not None:  # the rule on the desk's clock, right in every season; the example on both
            zone = ct.zone_text(cut.zone.key, self.lang)
            by = self.t("clock_in_zone", t=cut.local_cutoff, z=zone)
            there = tx.moment(cut.example_start.astimezone(cut.zone), self.lang)
            at = self.t("local_time", t=cut.cutoff, z=zone, local=there)
        text = self.t(
            "same_day_rule", p=name, cut=by, close=cut.local_close, d=tx.duration(cut.before_close, self.lang)
        )
        check = self.t(
            "same_day_check",
            day=tx.date(cut.example_start.date(), self.lang),
            cut=at,
            due=self.moment_in(cut.example_due, cut.zone),
        )
        self.html(
            f'<p class="sla-same-day sla-reading" id="same-day-{anchor("p", p.id)}">{self.badge()}'
            f"{tx.esc(text)}{tx.esc(check)}</p>"
        )

    def examples(self, level: int) -> None:
        """The worked deadlines: one row per rule of each priority, with the attribute values that select it
        (``契約プラン = プレミアム``) where a priority has rules with ``when``, due as the evaluator computes."""
        ref = self.ctx.reference or self.model.header.effective
        ex = computed.examples(self.policy, ref)
        if ex is None:
            return
        self.heading(level, self.t("examples"), "worked-examples")
        self.html(f"<p>{tx.esc(self.t('example_intro', start=self.moment_in(ex.start, ex.zone)))}</p>")
        chosen = any(row.attributes for row in ex.rows)
        rows = []
        for row in ex.rows:
            p = row.rule
            attrs = (
                f"<td>{tx.esc(plans.values_words(self.model, row.attributes, self.lang)) or tx.empty(self.lang)}</td>"
            )
            rows.append(
                f'<tr><th scope="row">{self.L(p.label) or tx.esc(p.id)}</th>{attrs if chosen else ""}'
                f"<td>{tx.esc(self.target_text(p.target))}</td>"
                f"<td>{self.moment_html(ex.start, row.zone)}</td>"
                f"<td><strong>{self.moment_html(row.due, row.zone)}</strong></td></tr>"
            )
        head = [self.t("prio"), *([plans.example_head(self.lang)] if chosen else [])]
        head += [self.t("target"), self.t("clock_start"), self.t("due")]
        self.table("examples", head, rows)

    def moment_in(self, t: dt.datetime, zone: ZoneInfo | None) -> str:
        """``t`` on the policy's wall clock and, for a calendar with its own zone, on that calendar's too:
        ``2026年12月5日(土) 01:30（ロンドン時間 2026年12月4日(金) 16:30）``."""
        said = tx.moment(t, self.lang)
        if zone is None:
            return said
        there = tx.moment(t.astimezone(zone), self.lang)  # aware: each instant its own offset (summer time)
        return self.t("local_time", t=said, z=ct.zone_text(zone.key, self.lang), local=there)

    def moment_html(self, t: dt.datetime, zone: ZoneInfo | None) -> str:
        """:meth:`moment_in` as HTML for a table's cell: each date and time in it never split across lines."""
        said = tx.moment_html(t, self.lang)
        if zone is None:
            return said
        there = tx.moment_html(t.astimezone(zone), self.lang)
        return self.t("local_time", t=said, z=tx.esc(ct.zone_text(zone.key, self.lang)), local=there)

    # -- exclusions and history ------------------------------------------------------------------
    def r_exclusions(self, nodes: list[m.Exclusion], level: int, block: Block) -> None:
        """The exclusions: under a heading of their own where their block has other kinds above them or is
        that of no article (``exclude force_majeure "不可抗力"`` with no ``[art]``: it ran on in the attributes'
        section), as :meth:`r_attributes`; their intro neutral, for one or several."""
        if block.article == 0 or len(block.nodes) > 1:
            self.heading(level, self.t("exclusions"), f"exclusions-{block.article}-{block.section}")
        self.html(f"<p>{tx.esc(self.t('exclusions_intro' if len(nodes) > 1 else 'exclusions_intro.one'))}</p>")
        items = "".join(
            f'<li id="{anchor("exclude", x.cause)}">{self.L(x.label) or tx.esc(x.cause)}</li>' for x in nodes
        )
        self.html(f'<ul class="sla-exclusions">{items}</ul>')
        self.src(*(x.span for x in nodes))

    def history(self) -> None:
        self.heading(2, self.t("history"), "version-history")
        rows = []
        versions = self.ctx.versions or [(self.policy, [], None)]
        for pol, changes, url in versions:
            h = pol.model.header
            ver = f'<a href="{url}">{tx.esc(h.version)}</a>' if url else tx.esc(h.version)
            text = (
                "<br>".join(c.describe(self.lang) for c in changes)
                if changes
                else tx.esc(self.t("first_version") if pol is versions[0][0] else self.t("no_changes"))
            )
            if not url and pol is not self.policy:  # no page of its own to read it on: said which this page is
                said = []
                today = self.ctx.today
                if today is not None and computed.in_force_on([v[0] for v in versions], today) is pol:
                    said.append(self.t("history_in_force", date=tx.date(today, self.lang)))
                page = self.model.header
                said.append(self.t("history_not_shown", v=page.version, date=tx.date(page.effective, self.lang)))
                sep = "" if self.lang == "ja" else " "
                text += f'<br><span class="sla-history-note">{tx.esc(sep.join(said))}</span>'
            day = tx.nowrap(tx.date(h.effective, self.lang))
            rows.append(f'<tr><th scope="row">{ver}</th><td>{day}</td><td>{text}</td></tr>')
        head = [self.t("version"), self.t("effective"), self.t("changes")]
        self.table("versions", head, rows)


def _elapsed(minutes: int, lang: str) -> str:
    """An elapsed time to the minute: ``1時間30分`` / ``1 hour 30 minutes``, ``1時間`` / ``1 hour``."""
    h, rest = divmod(minutes, 60)
    hs, ms = ("" if h == 1 else "s"), ("" if rest == 1 else "s")
    if h and rest:
        return tx.t("elapsed_hm", lang, h=h, m=rest, hs=hs, ms=ms)
    return tx.t("elapsed_h", lang, h=h, s=hs) if h else tx.t("elapsed_m", lang, m=rest, s=ms)


#: what a YAML double-quoted scalar cannot hold as itself: ``\\``, ``"`` and every character outside YAML's
#: printable set (the C0 and C1 controls, DEL, the surrogates, U+FFFE and U+FFFF) or a line break to YAML 1.1
_YAML_ESCAPED = re.compile('[\\\\"]|[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')


def _yaml_escape(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in '\\"':
        return "\\" + ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _yaml_str(s: str) -> str:
    """``s`` as a YAML double-quoted scalar that reads back as ``s``, whatever it holds."""
    return '"' + _YAML_ESCAPED.sub(_yaml_escape, s) + '"'


def front_matter(title: str) -> str:
    """The front matter of a generated page titled ``title`` (text from the policy, shown as written).

    Material prints a page's ``title`` into its header, navigation and ``<title>`` as HTML, unescaped:
    the title goes in HTML-escaped (``&lt;img&gt;`` shows as ``<img>``, never runs), its control
    characters as their escapes (:func:`~sla_dsl.errors.printable`), in YAML valid for any text.
    """
    return f"---\ntitle: {_yaml_str(html.escape(printable(title), quote=False))}\n---\n"


def render_policy(policy: Policy, ctx: PageContext) -> str:
    """The Markdown page of ``policy`` in ``ctx.lang``."""
    # its declared event types and its calendars named by their labels
    with tx.declared_events(policy.model), tx.calendar_labels(policy.model):
        return _Page(policy, ctx).render()
