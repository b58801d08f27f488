"""Leftovers of the site's QA passes, each asserted on the words a reader sees:

* the plan table named a priority by its bare id (``P1``), an internal name on a Japanese page, where the
  report and the change notice name it by its rules' labels (``緊急（プレミアム）／緊急``);
* English yearly closures read ``every year 12-29 to 01-03`` (and a window on a day of the year ``every year
  on 08-13``), the dates as the file writes them, where the Japanese says 毎年12月29日〜1月3日 and the version
  history says ``December 29 to January 3``;
* the version history (and ``sla diff``'s change notice, which it shares) printed a priority's whole list of
  named targets, before and after, when one target changed;
* a skipped maintenance window's row (``sla-skipped``) had no style: it read as a window;
* a priority's named targets ran into the line before them (``1 business hourResolution: ...``) wherever
  the cell's text is taken without its tags: the site's search index;
* the Zendesk mapping had no event for an agent's reopen of a pending ticket, which a pause ``until B, C``
  waits for (``pauses at incident.info_provided until incident.customer_replied, incident.reopened``).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.authoring.semdiff import diff_models, render_markdown, render_text
from sla_dsl.docs import history
from sla_dsl.docs import text as tx
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text, load_policy
from sla_dsl.policy.compiled import Policy

from . import test_examples
from .cdp import Browser, headless, needs_chromium
from .conftest import ROOT, Build
from .htmltables import tables
from .test_maintenance_table import LONDON
from .test_translations import without_comments

EXAMPLES = ROOT / "policies/examples"
HELPDESK = (EXAMPLES / "helpdesk.sla").read_text("utf-8")
MAPPING = {"ja": ROOT / "docs/engineers/mapping.ja.md", "en": ROOT / "docs/engineers/mapping.en.md"}


def _page(policy: Policy, lang: str) -> str:
    return render_policy(policy, PageContext(lang=lang, source_url=""))


def _edited(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# ---- 1. the plan table names a priority by its label ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("ja", ["契約プラン = プレミアム", "緊急（プレミアム）／緊急", "緊急（プレミアム）", "1時間"]),
        ("en", ["Plan = Premium", "Urgent (premium) / Urgent", "Urgent (premium)", "1 hour"]),
    ],
)
def test_the_plan_table_names_a_priority_by_its_label(lang: str, row: list[str]) -> None:
    rows = [r.cells for r in tables(_page(load_policy(EXAMPLES / "plans.sla"), lang))["plans"][1:]]
    assert row in rows, rows
    assert not [r for r in rows if r[1] in ("P1", "P2")], rows


def test_a_priority_without_labels_keeps_its_id() -> None:
    """The id is the only name a priority of unlabelled rules has (the rule column says it too)."""
    text = (EXAMPLES / "plans.sla").read_text("utf-8")
    text = _edited(
        text,
        ('priority P1 "緊急（プレミアム）" / "Urgent (premium)" [art 3]', "priority P1 [art 3]"),
        ('priority P1 "緊急" / "Urgent" [art 3]', "priority P1 [art 3]"),
    )
    rows = [r.cells for r in tables(_page(sla_dsl.load_policy(text), "ja"))["plans"][1:]]
    assert ["契約プラン = プレミアム", "P1", "P1", "1時間"] in rows, rows


# ---- 2. yearly dates in words ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "ja", "en"),
    [
        ((12, 29), (1, 3), "毎年12月29日〜1月3日", "every year from December 29 to January 3"),
        ((8, 13), (8, 15), "毎年8月13日〜8月15日", "every year from August 13 to August 15"),
        ((2, 29), (2, 29), "毎年2月29日", "every year on February 29"),
    ],
)
def test_a_yearly_closure_in_words(first: tuple[int, int], last: tuple[int, int], ja: str, en: str) -> None:
    r = m.YearlyRange(first=first, last=last)
    assert (tx.yearly_range(r, "ja"), tx.yearly_range(r, "en")) == (ja, en)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ja", "休業日：毎年12月29日〜1月3日"), ("en", "closed: every year from December 29 to January 3")],
)
def test_the_calendar_list_says_the_closure_in_words(lang: str, said: str) -> None:
    page = _page(load_policy(EXAMPLES / "helpdesk.sla"), lang)
    calendar = re.search(r'<li id="calendar-business">(.*?)</li>', page, re.S)
    assert calendar is not None
    text = html.unescape(re.sub(r"<[^>]+>", "", calendar.group(1)))
    assert said in text, text
    assert not re.search(r"\b\d\d-\d\d\b", text), text  # (never as the file writes it)


def test_a_window_on_a_day_of_the_year_in_words() -> None:
    """The maintenance rule's day, as the version history says it (``every year on August 13``)."""
    on = m.DayOfYear(month=8, day=13)
    assert (tx.recurrence(on, "ja"), tx.recurrence(on, "en")) == ("毎年8月13日", "every year on August 13")


# ---- 3. a named target changed is said alone --------------------------------------------------------------------

RESOLVE = "resolve within 2 business days on resolution"
REPLY = "  first reply within 2 business hours on suspicion\n"


def _history(*edits: tuple[str, str]) -> dict[str, list[str]]:
    old, new = sla_dsl.load_policy(HELPDESK).model, sla_dsl.load_policy(_edited(HELPDESK, *edits)).model
    changes = history.diff(old, new)
    return {lang: [html.unescape(c.describe(lang)) for c in changes] for lang in ("ja", "en")}


def test_one_named_target_changed_is_said_alone() -> None:
    said = _history((RESOLVE, RESOLVE.replace("2 business days", "3 business days")))
    assert said["ja"] == ["P1 緊急の計測目標：解決までの時間で解決2営業日以内 → 解決までの時間で解決3営業日以内"]
    assert said["en"] == [
        "P1 Urgent target on a clock: resolve within 2 business days on Time to resolution -> "
        "resolve within 3 business days on Time to resolution"
    ]


def test_a_named_target_added_and_one_removed_are_said_alone() -> None:
    added = _history((REPLY, REPLY + "  respond within 8 business hours on resolution\n"))
    assert added["ja"] == ["P1 緊急の計測目標を追加：解決までの時間で応答8営業時間以内"]
    assert added["en"] == ["P1 Urgent target on a clock added: respond within 8 business hours on Time to resolution"]
    removed = _history((REPLY, ""))
    assert removed["ja"] == ["P1 緊急の計測目標を削除：製品起因の初回回答で初回回答2営業時間以内"]
    assert removed["en"] == [
        "P1 Urgent target on a clock removed: first reply within 2 business hours on "
        "First reply once the product is suspected"
    ]


def test_sla_diffs_notice_says_it_alone_and_the_authors_text_keeps_the_list() -> None:
    """``sla diff --format markdown`` is the notice the history shares; the author's text still shows the
    whole list, as it shows every credit tier."""
    old = sla_dsl.load_policy(HELPDESK).model
    new = sla_dsl.load_policy(_edited(HELPDESK, (RESOLVE, RESOLVE.replace("2 business", "3 business")))).model
    changes = diff_models(old, new)
    notice = render_markdown(old, new, changes, lang="ja")
    assert "- P1 緊急の計測目標：解決までの時間で解決2営業日以内 → 解決までの時間で解決3営業日以内\n" in notice
    assert "初回回答" not in notice and "更新" not in notice  # (the targets that stayed)
    text = render_text(old, new, changes)
    assert "~ P1 Urgent targets on clocks: resolve within 2 business days on Time to resolution, first reply" in text


# ---- 4. a skipped maintenance window reads as skipped ---------------------------------------------------------


def test_the_built_stylesheet_styles_a_skipped_window(site: Build) -> None:
    css = (site.site / "sla/sla.css").read_text("utf-8")
    rules = dict(re.findall(r"([^{}]*?)\s*\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))
    rules = {k.strip(): v for k, v in rules.items()}
    assert "color: var(--md-default-fg-color--light)" in rules[".md-typeset tr.sla-skipped :is(td, th)"], css
    assert "line-through" in rules[".md-typeset tr.sla-skipped :is(td, th):nth-last-child(3)"], css
    # and the policy pages of both languages link that file
    for uri in ("sla/click-so-ko", "en/sla/click-so-ko"):
        hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"', site.page(uri))
        linked = {(site.site / uri / href).resolve() for href in hrefs}
        assert (site.site / "sla/sla.css").resolve() in linked, (uri, hrefs)


@pytest.mark.parametrize("several", [True, False], ids=["with-a-rule-column", "one-rule"])
def test_the_struck_cell_of_a_skipped_row_is_its_day(tmp_path: Path, several: bool) -> None:
    """The stylesheet strikes the third cell from the end: the day, whether or not the table has a rule column."""
    text = LONDON if several else re.sub(r"maintenance night .*?\n}\n", "", LONDON, flags=re.S)
    path = tmp_path / "ldn.sla"
    path.write_text(text, "utf-8")
    ctx = PageContext(lang="en", source_url="", reference=dt.date(2026, 4, 28), maintenance_count=3)
    page = render_policy(load_policy(path), ctx)
    rows = re.findall(r'<tr class="sla-skipped">(.*?)</tr>', page, re.S)
    assert rows, page
    for row in rows:
        cells = re.findall(r'<(?:td|th scope="row")>(.*?)</t[dh]>', row, re.S)
        assert cells[-3] == "Mon 4 May 2026" and cells[-1].startswith("skipped"), cells
        assert len(cells) == (5 if several else 4), cells


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    yield from headless(tmp_path_factory)


@needs_chromium
def test_a_skipped_row_is_muted_and_its_day_struck_in_a_browser(site: Build, browser: Browser, tmp_path: Path) -> None:
    """The built stylesheet on a page with a skipped window, as Chromium computes it: the row's text muted, its day
    struck through, the remark that says why not struck, and the windows around it untouched."""
    ctx = PageContext(lang="en", source_url="", reference=dt.date(2026, 4, 28), maintenance_count=3)
    path = tmp_path / "ldn.sla"
    path.write_text(LONDON, "utf-8")
    table = re.search(r'<table id="maintenance-windows">.*?</table>', render_policy(load_policy(path), ctx), re.S)
    assert table is not None
    # the site's stylesheets as its pages link them: Material's (its colours) and the plugin's
    sheets = [*sorted((site.site / "assets/stylesheets").glob("main.*.min.css")), site.site / "sla/sla.css"]
    links = "".join(f'<link rel="stylesheet" href="{sheet.as_uri()}">' for sheet in sheets)
    page = tmp_path / "skipped.html"
    page.write_text(
        f'<!doctype html><html><head><meta charset="utf-8">{links}</head>'
        f'<body><article class="md-typeset">{table.group(0)}</article></body></html>',
        "utf-8",
    )
    browser.open(page.as_uri())
    styles = browser.evaluate(
        """[...document.querySelectorAll("#maintenance-windows tbody tr")].map(tr => ({
            skipped: tr.className === "sla-skipped",
            cells: [...tr.cells].map(td => ({text: td.innerText, color: getComputedStyle(td).color,
                                               line: getComputedStyle(td).textDecorationLine}))}))"""
    )
    skipped = [r for r in styles if r["skipped"]]
    windows = [r for r in styles if not r["skipped"]]
    assert len(skipped) == 1 and windows, styles
    day, remark = skipped[0]["cells"][-3], skipped[0]["cells"][-1]
    assert day["text"] == "Mon 4 May 2026" and day["line"] == "line-through", day
    assert remark["text"].startswith("skipped") and remark["line"] == "none", remark
    assert all(c["line"] == "none" for r in windows for c in r["cells"]), windows
    # muted: Material's light text colour (rgba(0, 0, 0, 0.54)), the windows its default (0.87)
    muted = {c["color"] for c in skipped[0]["cells"]}
    assert muted == {"rgba(0, 0, 0, 0.54)"} and muted.isdisjoint(c["color"] for r in windows for c in r["cells"])


# ---- 5. a named target is not run into the line before it -----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "1営業時間 解決：「解決までの時間」で2営業日以内 初回回答："),
        ("en", "1 business hour Resolution: within 2 business days on the “Time to resolution” clock First reply:"),
    ],
)
def test_the_priority_cells_text_keeps_its_lines_apart(lang: str, said: str) -> None:
    """The cell's text with its tags stripped, as mkdocs' search indexes it."""
    page = _page(load_policy(EXAMPLES / "helpdesk.sla"), lang)
    row = re.search(r'<tr id="priority-p1">(.*?)</tr>', page, re.S)
    assert row is not None
    cell = re.findall(r'<(?:td|th scope="row")>(.*?)</t[dh]>', row.group(1), re.S)[2]
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", cell))).strip()
    assert text.startswith(said), text


@needs_chromium
@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "ja",
            ["1営業時間", "解決：「解決までの時間」で2営業日以内", "初回回答：「製品起因の初回回答」で2営業時間以内"],
        ),
        ("en", ["1 business hour", "Resolution: within 2 business days on the “Time to resolution” clock"]),
    ],
)
def test_the_browser_shows_each_line_without_a_space_of_its_own(
    site: Build, browser: Browser, lang: str, lines: list[str]
) -> None:
    """The white space before each line break is not shown: the lines as they were, no space at either end."""
    uri = "sla/helpdesk" if lang == "ja" else "en/sla/helpdesk"
    browser.open((site.site / uri / "index.html").as_uri())
    shown = browser.evaluate('document.querySelector("#priority-p1").cells[2].innerText')
    assert shown.split("\n")[: len(lines)] == lines, shown


def test_the_search_index_keeps_a_priority_cells_lines_apart(site: Build) -> None:
    index = json.loads((site.site / "en/search/search_index.json").read_text("utf-8"))
    text = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("sla/helpdesk/"))
    assert "1 business hour Resolution: within 2 business days" in text
    assert "clock First reply: within 2 business hours" in text
    assert "hourResolution" not in text and "clockFirst" not in text and "clockPeriodic" not in text


# ---- 6. Zendesk: an agent's reopen of a pending ticket, for a pause until B, C ---------------------------------

REOPEN = "pauses at incident.info_provided until incident.customer_replied, incident.reopened"


def _fragment(lang: str) -> str:
    blocks = re.findall(r"```sla\n(.*?)```", MAPPING[lang].read_text("utf-8"), re.S)
    found = [b for b in blocks if REOPEN in b]
    assert len(found) == 1, f"{MAPPING[lang].name}: no sla block with `{REOPEN}`"
    return found[0]


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("ja", "エージェントの監査で、`status` を `pending` から `open` にする `Change`"),
        ("en", "`Change` of `status` from `pending` to `open` in an audit by an agent"),
    ],
)
def test_the_zendesk_table_maps_an_agents_reopen(lang: str, row: str) -> None:
    page = MAPPING[lang].read_text("utf-8")
    zendesk = page.split("## Zendesk", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in zendesk.splitlines() if ln.startswith("| ") and row in ln]
    assert len(lines) == 1 and "`incident.reopened`" in lines[0], lines


def test_the_pending_fragment_is_checked_as_the_docs_examples_are() -> None:
    """The same block in both languages (its comment in each language), among the blocks ``test_examples``
    parses, and a whole policy with it (Click So-ko's, its P1 with the target the fragment's comment gives)
    compiles without a diagnostic."""
    block = _fragment("en")
    assert without_comments(_fragment("ja")) == without_comments(block)  # (each page's comments in its language)
    examples = [str(p.values[0]) for p in test_examples.EXAMPLES]
    assert block in examples and _fragment("ja") in examples  # (the ja and en pages)
    policy = _with_fragment(block)
    done = compile_text(policy)
    assert done.diagnostics == [] and done.model is not None, done.diagnostics
    clock = next(c for c in done.model.clocks if c.name == "resolution")
    assert [p.until for p in clock.pauses] == [("incident.customer_replied", "incident.reopened")]


def _with_fragment(block: str) -> str:
    rule = re.search(r"# in the priority: (.*)", block)
    assert rule is not None
    src = (ROOT / "policies/clicksoko.sla").read_text("utf-8")
    at = src.index("\n", src.index("respond within", src.index("priority P1"))) + 1
    return f"{src[:at]}  {rule.group(1)}\n{src[at:]}\n{block}"


def _converter(reopened: str | None) -> types.ModuleType:
    """The page's Zendesk converter as it is, with ``REOPENED`` set as a reader sets it."""
    page = MAPPING["en"].read_text("utf-8")
    code = next(b for b in re.findall(r"```python\n(.*?)```", page, re.S) if b.startswith("# zendesk_events.py"))
    assert code.count("\nREOPENED = None ") == 1
    module = types.ModuleType("zendesk_events")
    exec(compile(code, "zendesk_events.py", "exec"), module.__dict__)
    module.REOPENED = reopened
    return module


AGENT, REQUESTER, CC = 11, 22, 33


def _ticket(*later: tuple[str, int, list[dict[str, Any]]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A P1 ticket reported by the requester and set pending by the agent, then the audits ``later``."""
    ticket = {"id": 7, "created_at": "2026-11-02T01:00:00Z", "priority": "urgent", "requester_id": REQUESTER}
    made = [
        {"type": "Comment", "author_id": REQUESTER, "public": True},
        {"type": "Create", "field_name": "priority", "value": "urgent"},
        {"type": "Create", "field_name": "status", "value": "new"},
        {"type": "Create", "field_name": "requester_id", "value": str(REQUESTER)},
    ]
    pending = [{"type": "Change", "field_name": "status", "value": "pending", "previous_value": "open"}]
    audits = [
        {"created_at": "2026-11-02T01:00:00Z", "author_id": REQUESTER, "events": made},
        {"created_at": "2026-11-02T02:00:00Z", "author_id": AGENT, "events": pending},
    ]
    audits += [{"created_at": at, "author_id": who, "events": events} for at, who, events in later]
    return ticket, audits


OPEN = {"type": "Change", "field_name": "status", "value": "open", "previous_value": "pending"}


def _fates(reopened: str | None, *later: tuple[str, int, list[dict[str, Any]]]) -> list[tuple[str, str]]:
    ticket, audits = _ticket(*later)
    created = ticket["created_at"]  # (the facts after the ticket's creation)
    return [(what, fate) for at, what, fate, _ in _converter(reopened).fates(ticket, audits, {AGENT}) if at > created]


def test_the_converter_writes_an_agents_reopen_once_reopened_is_set() -> None:
    later = ("2026-11-02T03:00:00Z", AGENT, [OPEN])
    assert _fates("incident.reopened", later) == [
        ("Change status pending", "incident.info_provided"),
        ("Change status open", "incident.reopened"),
    ]
    # until it is set, said on standard error and not written: the policy may not declare the type (E103)
    assert _fates(None, later)[-1] == ("Change status open", "skip: reopened by an agent, and REOPENED is not set")


def test_a_requesters_reply_that_opens_the_ticket_is_no_reopen() -> None:
    """Zendesk opens a pending ticket its requester answers: that is the reply, not an agent's reopen."""
    reply = {"type": "Comment", "author_id": REQUESTER, "public": True}
    assert _fates("incident.reopened", ("2026-11-02T03:00:00Z", REQUESTER, [OPEN, reply]))[1:] == [
        (f"public comment by {REQUESTER}", "incident.customer_replied"),
        ("Change status open", "skip: status `open` is not in the table"),
    ]
    # a CC'd user's comment opening it is neither a reply nor an agent's reopen: the ticket still waits
    cc = {"type": "Comment", "author_id": CC, "public": True}
    assert _fates("incident.reopened", ("2026-11-02T03:00:00Z", CC, [OPEN, cc]))[1:] == [
        (f"public comment by {CC}", "skip: neither an agent nor the requester"),
        ("Change status open", "skip: status `open` is not in the table"),
    ]


def test_the_converted_log_is_judged_under_the_pages_policy(tmp_path: Path) -> None:
    """The converter's lines, ``incident.reopened`` among them, are read by a policy with the page's fragment."""
    ticket, audits = _ticket(("2026-11-02T03:00:00Z", AGENT, [OPEN]))
    module = _converter("incident.reopened")
    lines = [
        {"event": fate, "at": at, "id": "ZD-7"} | ({"priority": p} if p else {})
        for at, _, fate, p in module.fates(ticket, audits, {AGENT})
        if not fate.startswith("skip:")
    ]
    assert [ln["event"] for ln in lines] == ["incident.reported", "incident.info_provided", "incident.reopened"]
    policy, log = tmp_path / "policy.sla", tmp_path / "events.jsonl"
    policy.write_text(_with_fragment(_fragment("en")), "utf-8")
    log.write_text("".join(json.dumps(ln) + "\n" for ln in lines), "utf-8")
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(policy), str(log), "--from", "2026-11-01"]
    done = subprocess.run([*cmd, "--to", "2026-12-01"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode in (0, 1) and "error" not in done.stderr, done.stderr
