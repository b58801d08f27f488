"""``GET /``: a small live dashboard, in Japanese (default) or English.

Design notes
------------
* Words from the typed catalogue (:mod:`sla_dsl.i18n.serve`, ``serve.dashboard.*``,
  whose checks cover both languages); :func:`words` gives the page's script them by
  name. ``tests/serve`` renders the page in both and checks every word is used.
* The page is one HTML document with its data embedded as JSON and a short
  script; it refreshes the data from ``/dashboard.json`` every 10 seconds and
  redraws the countdowns every second. Data is put in the page with
  ``textContent`` only, never as HTML.
* A row names its priority as the report does (:meth:`~sla_dsl.report.words.PolicyWords.priority`):
  its id and its label in the page's language (``P2 優先度２``), from the version that judged it; a
  notification rule without a label by its name, as the report's table of targets does.
* One row per open target (:func:`.tracking.watched`): the priority's
  response target of each incident not responded, each named target
  (resolution, periodic update, first reply...) and notification rule of an
  incident not met, and each notification rule of an outage still waiting
  for its notice. A target is named by the report's words
  (``report.targets.*``) or, for a notification rule, by its label in the
  policy.
* Countdowns are in business time (of a target counted in business time), overdue ones too: with each row the server
  sends the business time left as of now (negative once overdue, as the API's
  ``business_seconds_left``), and once for each calendar the rows count (its
  ``clocks``) the business-hours intervals from now on (to a day past the
  latest due time); the script takes off only the business time elapsed
  since. So the countdown, and the overdue count after it, stand still over
  lunch, nights and holidays, as the SLA's clock does, without the browser
  knowing the calendar. A paused target's clock stands still: its row shows
  the time left, unchanged.
* ``/dashboard.json`` is made for thousands of open rows (6,000 rows: 1.85 MB
  and 0.69 s of CPU a fetch when each row carried its labels and its own
  intervals): a row is an array (:data:`COLUMNS`), its priority and target
  are indexes into ``texts`` (each label sent once), its countdown's calendar
  an index into ``clocks``; :func:`rows` reads it back as dicts. The script
  builds the table's rows when the rows change (a fetch whose rows, labels or
  due times differ) and otherwise, every second, writes only the countdown
  cells and the class of a row that has become overdue.
* The page shows at most :data:`ROWS` rows (``limit``, up to :data:`MAX_ROWS`), those needing attention
  first (:func:`_attention`: breached or overdue, at risk, the others; each by due instant), says how many
  there are in all and links to the next ones (``offset``): 60,000 open incidents made a page of 13 MB.
  Only the rows shown are worded and counted down.
* A target at risk on a clock with several warning thresholds (``at risk at 50%, 75% of target``) says
  the one it has passed after its status, as the report's tables do (``要注意（目標の 75% が経過）``:
  :meth:`~sla_dsl.report.words.PolicyWords.at_risk_status`); those words are sent once in ``texts``, the
  row's ``risk`` their index. With one threshold the status is the plain word, as before.
* The page says the zone of its times as the report does (``時刻はすべて日本時間です。``,
  ``All times are Halifax time (UTC-4).``: :func:`zone_line`), for a reader who is elsewhere.
* It fits a phone: below 40rem the table turns into one card per row, each
  cell under its column's word; an id is cut to three lines (one on a wide
  screen) with the whole id in its ``title``, so no id, however long, widens
  the page.
* The ``due`` column shows a due time to the minute (``2026-11-30 12:00``),
  and to the second when it is not a whole minute (``2026-11-30 12:00:30``:
  a target counted from an event's second), as the countdown beside it
  counts the seconds: both say the same instant, in either language. On a day the zone changes its
  offset a due time, and the "updated" time, carry that offset as the report writes a time
  (``2026-10-25 02:10 (+01:00)``: :func:`~sla_dsl.i18n.offset_on_change`), so a time of the hour the clocks
  repeat says which it is; the rows are in the order of their instants (``due_epoch``), not of these texts.
* The month's availability is written as the reports write a figure (``99.335%``: ``availability_text``,
  by :func:`~sla_dsl.report.words.percent_against`), and the next maintenance window as the site's table
  of windows says it (``2026年12月24日(木) 22:00〜24:00``, ``Thu 24 Dec 2026 22:00–24:00``: :func:`window_text`).
* A target counted in elapsed time (``within 2 hours``) counts down around
  the clock. The column's header says what it counts as the report's tables
  do: ``残り（営業時間）`` when every row counts business time; otherwise the
  plain ``残り`` and every countdown marked with what it counts (``（経過時間）``,
  ``（営業時間）``), from each row's ``counts``.
* For a screen reader (WCAG 2.1 AA): the cards, the table and its links to other rows are the page's
  ``main`` landmark (the title, the language switch and the times' zone its header); the table is named by
  its heading; the link to the other language says its word in that language (``lang="en"``
  ``English`` on the Japanese page), so it is read in that language's voice. On a phone the table's
  header row is hidden from sight only (clipped, as the report's stacked tables do), not with
  ``display: none``, which took the column headers from a screen reader too; the column's word in each
  card is dark enough for WCAG's 4.5:1 on a breached or at-risk row's colour. Each row's id is its header
  (``<th scope="row">``, styled as the other cells), said with each of its cells (WCAG 1.3.1); an empty cell
  (``-``) is read as ``なし`` / ``none`` (the dash ``aria-hidden``, the word visually hidden).
* The updates (the countdowns every second, the data every 10 seconds) stop and start again by a button in
  the header (``自動更新を一時停止`` / ``Pause updates``, then ``自動更新を再開``; WCAG 2.2.2: moving, updating
  content a reader can pause); while they stand still a status line says so, and resuming fetches the data
  at once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson

from ..evaluation.in_force import VersionsInForce
from ..i18n import format_date, format_datetime, message, offset_on_change, window_hours
from ..i18n.serve import DASHBOARD_WORDS
from ..policy.compiled import Policy
from ..report.target_names import target_among
from ..report.words import PolicyWords, percent_against
from ..report.zones import zone_words
from .tracking import RESPONSE, Tracker, Watched, watched

LANGS = ("ja", "en")


def words(lang: str) -> dict[str, str]:
    """The words the page's script reads (``W.title``, ``W["s_" + status]``) in ``lang``, from the catalogue."""
    out = {name: message(f"serve.dashboard.{name}", lang) for name in DASHBOARD_WORDS}
    out["other"] = message("site.lang_name", "en" if lang == "ja" else "ja")  # the other language, in its own name
    return out


#: How far ahead business-hour intervals are sent for a countdown.
_HORIZON_DAYS = 45
#: How far past the due time (or now, when later) they are sent, for the overdue count (the page
#: fetches new data every 10 seconds).
_PAST_DUE = 86_400.0


def _intervals(rules: Any, cal: str | None, now: float, until: float) -> list[list[float]]:
    """The business-hour intervals of ``cal`` in [now, until) (all of it for elapsed time)."""
    if until <= now:
        return []
    if cal is None:
        return [[_num(now), _num(until)]]
    c = rules.calendar(cal)
    tz = rules.tz
    day = dt.datetime.fromtimestamp(now, tz).date()
    last = min(dt.datetime.fromtimestamp(until, tz).date(), day + dt.timedelta(days=_HORIZON_DAYS))
    out: list[list[float]] = []
    while day <= last:
        for a, b in c.open_intervals(day):
            lo, hi = max(a.timestamp(), now), min(b.timestamp(), until)
            if hi > lo:
                out.append([_num(lo), _num(hi)])
        day += dt.timedelta(days=1)
    return out


def _num(x: float) -> float:
    """A number as sent: a whole one without its ``.0``, any other to the millisecond."""
    return int(x) if float(x).is_integer() else round(x, 3)


def _label(w: Watched, pw: PolicyWords, lang: str) -> str:
    """The target's name in ``lang``: the report's word for its kind with the clock it is measured on (a
    response on a second clock is not the first: ``応答（次回回答）``; a next reply by its clock's label:
    :func:`sla_dsl.report.target_names.target_on`), a notification rule's label (its name without one, as the
    report's table of targets names it)."""
    if w.kind == RESPONSE:
        return message("report.targets.respond", lang)
    if w.kind != "notify":
        return target_among(pw, w.kind, w.clock)
    rule = next((n for n in w.rules.model.notifications if n.name == w.target), None)
    return (rule.label.text(lang) if rule is not None else "") or w.target


def window_text(start: dt.datetime, end: dt.datetime, lang: str) -> str:
    """A maintenance window as the site's table of the next windows says it: ``2026年12月24日(木) 22:00〜24:00``
    / ``Thu 24 Dec 2026 22:00–24:00`` (an end at midnight is 24:00 of its day), ``22:00〜翌02:00`` for one
    that ends later the next day (:func:`~sla_dsl.i18n.window_hours`, which the site's table writes too), both
    ends in full for a longer one; on a day the zone changes its offset each time with that offset, as the
    report writes it (``01:00 (+01:00)–04:00 (+02:00)``: two hours)."""
    if end.date() <= start.date() + dt.timedelta(days=1):
        return message(
            "serve.window.day", lang, date=format_date(start.date(), lang), hours=window_hours(start, end, lang)
        )
    return message("serve.window.days", lang, start=format_datetime(start, lang), end=format_datetime(end, lang))


def _due_text(t: dt.datetime) -> str:
    """A due time as the ``due`` column shows it: ``2026-11-30 12:00``, with its seconds when it has some
    (``2026-11-30 12:00:30``, cut to the second as the countdown counts them), as the report shows a
    duration to the second only when one is not a whole number of minutes; on a day the zone changes its
    offset with that offset, as the report writes a time (``2026-10-25 02:10 (+01:00)``: :func:`_wall`)."""
    return _wall(t, "%Y-%m-%d %H:%M:%S" if t.second or t.microsecond else "%Y-%m-%d %H:%M")


def _wall(t: dt.datetime, form: str) -> str:
    """``t`` written by ``form``, with its offset on a day its zone changes it (:func:`offset_on_change`:
    ``02:10`` of the hour the clocks go back is said twice, and ``01:30`` then ``03:00`` the day they go
    forward is 30 minutes, not 90); a zone that keeps one offset (Tokyo) shows none."""
    return f"{t.strftime(form)}{offset_on_change(t)}"


#: What each element of a row of ``/dashboard.json`` is, in order: ``priority`` and ``target`` index
#: ``texts``; ``clock`` indexes ``clocks`` (what the countdown counts, and its intervals); ``running`` is 1
#: while the countdown runs, 0 for a paused clock; ``risk`` indexes ``texts`` for the status of a target at
#: risk on a clock with several warning thresholds, the one passed said (``要注意（目標の 75% が経過）``), else null.
COLUMNS = ("id", "priority", "target", "status", "due", "due_epoch", "left", "clock", "running", "risk")


def rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of :func:`data` as dicts, by :data:`COLUMNS` (labels and countdown intervals filled in):
    what the page's script reads them as."""
    out = []
    for values in data["incidents"]:
        r = dict(zip(COLUMNS, values, strict=True))
        clock = data["clocks"][r["clock"]]
        r["priority"], r["target"] = data["texts"][r["priority"]], data["texts"][r["target"]]
        r["risk"] = data["texts"][r["risk"]] if r["risk"] is not None else None
        r["running"] = bool(r["running"])
        r["counts"] = clock["counts"]
        r["intervals"] = clock["intervals"] if r["running"] else []
        out.append(r)
    return out


#: The dashboard shows at most this many rows unless ``limit`` says otherwise, and never more than
#: :data:`MAX_ROWS`; the others are counted (``total``) and reached by ``offset`` (the page's link).
ROWS = 1000
MAX_ROWS = 5000
#: The order of a row's status in the page: overdue first, then at risk, then the others.
_RANK = {"breached": 0, "at_risk": 1}


def _attention(w: Watched, now: float) -> tuple[int, bool, float, str, str, str]:
    """Where a row stands in the page: breached (or overdue) first, then at risk, then the others; each by
    its due instant, soonest first (a paused one, with none, last), then by id and target."""
    overdue = w.due is not None and w.running and w.due < now
    rank = 0 if overdue else _RANK.get(w.status, 2)
    return (rank, w.due is None, w.due or 0.0, w.item, w.target, w.clock or "")


def data(tracker: Tracker, lang: str, *, offset: int = 0, limit: int = ROWS) -> dict[str, Any]:
    """What the page shows, as JSON (the rows as :data:`COLUMNS`: :func:`rows`): the ``limit`` rows from the
    ``offset``-th on in the order of :func:`_attention`, with how many there are in all (``total``),
    ``returned`` and the ``offset`` of the next page (``next``, null after the last); only those rows are
    worded and counted down."""
    result, now = tracker.now_view()
    every = sorted(watched(result), key=lambda w: _attention(w, now))
    chosen = every[offset : offset + limit]
    texts: dict[str, int] = {}
    clocks: dict[tuple[str, str | None], int] = {}
    words: dict[str, PolicyWords] = {}
    until: dict[tuple[str, str | None], tuple[Any, float]] = {}  # (rules, until) of each clock's intervals

    def text(t: str) -> int:
        return texts.setdefault(t, len(texts))

    passed: dict[tuple[str, str, str | None], float | None] | None = None  # (looked up once one is at risk)
    out: list[list[Any]] = []
    rank: dict[int, int] = {}
    for w in chosen:
        rules = w.rules
        clock = (rules.version, w.calendar)
        index = clocks.setdefault(clock, len(clocks))
        running = w.due is not None and w.running
        if not running:  # paused: its clock stands still
            left = w.held if w.held is not None else 0.0
        else:
            assert w.due is not None
            left = rules.between(now, w.due, w.calendar) if now < w.due else -rules.between(w.due, now, w.calendar)
            upto = max(w.due, now) + _PAST_DUE
            if upto > until.get(clock, (rules, 0.0))[1]:
                until[clock] = (rules, upto)
        pw = words.get(rules.version) or words.setdefault(rules.version, PolicyWords([rules.policy], lang))
        priority = pw.priority_of(w) if w.priority else "-"  # (by the rule that judged it, as the report)
        due = _due_text(rules.dt(w.due)) if w.due is not None else "-"
        risk = None
        if w.status == "at_risk" and w.family == "incident" and len(pw.risk_thresholds(w.clock)) > 1:
            passed = _passed(result) if passed is None else passed
            pct = passed.get((w.item, w.target, w.clock))
            said = pw.at_risk_status(w.status, message("serve.dashboard.s_at_risk", lang), pct, w.clock)
            risk = text(said) if pct is not None else None
        rank[len(out)] = _attention(w, now)[0]
        out.append(
            [
                w.item,
                text(priority),
                text(_label(w, pw, lang)),
                w.status,
                due,
                w.due,
                _num(left),
                index,
                int(running),
                risk,
            ]
        )
    labels = list(texts)
    ranked = sorted(
        range(len(out)), key=lambda k: (rank[k], out[k][5] is None, out[k][5] or 0.0, out[k][0], labels[out[k][2]])
    )
    out = [out[k] for k in ranked]
    for r in out:
        r[5] = _num(r[5]) if r[5] is not None else None
    today = dt.datetime.fromtimestamp(now, tracker.tz).date()
    policy = max((p for p in tracker.policies if p.effective <= today), key=lambda p: p.effective, default=None)
    policy = policy or min(tracker.policies, key=lambda p: p.effective)
    # (each window from the version in force at its start, as `sla maintenance` and the evaluator take it: a
    # version added to start later moves the windows after its date)
    ahead = VersionsInForce(tracker.policies).windows(today, today + dt.timedelta(days=100))
    windows = [w for w, _ in ahead if w.end.timestamp() > now]
    month = tracker.month_view(now)
    shown = [now, *(r[5] for r in out if r[5] is not None), *(w.end.timestamp() for w in windows[:1])]
    return {
        "lang": lang,
        "now": now,
        "now_text": _wall(dt.datetime.fromtimestamp(now, policy.tz), "%Y-%m-%d %H:%M:%S"),
        "zone": zone_line(policy, min(shown), max(shown), lang),
        "texts": labels,
        "clocks": [
            {
                "counts": "elapsed" if cal is None else "business",
                "intervals": _intervals(until[(v, cal)][0], cal, now, until[(v, cal)][1]) if (v, cal) in until else [],
            }
            for v, cal in clocks
        ],
        "incidents": out,
        "total": len(every),
        "returned": len(out),
        "offset": offset,
        "next": offset + len(out) if offset + len(out) < len(every) else None,
        "limit": limit,
        "maintenance": window_text(windows[0].start, windows[0].end, lang) if windows else None,
        "availability": round(month.skeleton.availability.ratio * 100, 3),
        # (as the reports write a figure with no target beside it: ``99.335%``)
        "availability_text": percent_against(month.skeleton.availability.ratio, None, 3),
    }


def _passed(result: Any) -> dict[tuple[str, str, str | None], float | None]:
    """The last warning threshold each target at risk has passed (its row's ``at_risk_percent``), by (incident,
    target, clock) as :class:`~.tracking.Watched` names them: the response as :data:`~.tracking.RESPONSE`."""
    out: dict[tuple[str, str, str | None], float | None] = {}
    for inc in result.incidents:
        if inc.status == "at_risk":
            out[(inc.ident, RESPONSE, None)] = inc.risk_percent
        for v in inc.targets:
            if v.status == "at_risk":
                out[(inc.ident, v.name, v.clock)] = v.risk_percent
    return out


def zone_line(policy: Policy, start: float, end: float, lang: str) -> str:
    """The zone the page's times are in, as the report's head says it (``時刻はすべて日本時間です。``, ``All
    times are Halifax time (UTC-4).``), with the offsets in force from ``start`` to ``end`` (the times shown)."""
    tz = policy.model.header.timezone
    first = dt.datetime.fromtimestamp(start, policy.tz)
    if tz == "Asia/Tokyo":
        return message("report.tz_japan", lang)
    if "/" in tz or tz == "UTC":
        last = dt.datetime.fromtimestamp(end + 1.0, policy.tz)
        return message("report.tz_zone", lang, zone=zone_words(tz, first, last, PolicyWords([policy], lang)))
    offset = first.strftime("%z")
    return message("report.tz_offset", lang, offset=f"{offset[:3]}:{offset[3:]}" if offset else "")


#: What JSON inside ``<script>`` must not hold as it is: ``<`` opens ``</script>``, ``<!--`` and
#: ``<script`` (the script data states), ``>`` and ``&`` for good measure, U+2028/U+2029 end a line
#: in older JavaScript. Each appears in JSON only inside a string, where ``\uXXXX`` is the same text.
_SCRIPT_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def script_json(value: object) -> str:
    """``value`` as JSON safe to embed in an HTML ``<script>`` element."""
    return orjson.dumps(value).decode().translate(_SCRIPT_ESCAPES)


def page(tracker: Tracker, lang: str, *, offset: int = 0, limit: int = ROWS) -> str:
    """The dashboard's HTML in ``lang``: the rows of :func:`data` from ``offset``, at most ``limit``."""
    w = words(lang)
    other = "en" if lang == "ja" else "ja"
    embedded = script_json({"words": w, "data": data(tracker, lang, offset=offset, limit=limit)})
    return _HTML.format(lang=lang, title=w["title"], other=other, other_label=w["other"], embedded=embedded)


_HTML = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, "IPAGothic", sans-serif; margin: 1.5rem; color: #1b1b1b; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .35rem .7rem; text-align: left; vertical-align: top; }}
/* a row's header (its id): a cell of the row to the eye, bold only on a breached row as the others */
tbody th {{ font-weight: inherit; }}
/* text for a screen reader only (an empty cell's word): no room taken */
.vh {{ display: inline-block; width: 1px; height: 1px; margin: 0 -1px 0 0; overflow: hidden; clip-path: inset(50%);
       white-space: nowrap; vertical-align: top; }}
#pause {{ font: inherit; margin: 0 .6rem; }}
tr.at_risk {{ background: #fff3cd; }}
tr.breached {{ background: #f8d7da; font-weight: bold; }}
.cards {{ display: flex; flex-wrap: wrap; gap: 1rem 2rem; margin: 1rem 0; }}
.card {{ border: 1px solid #ccc; border-radius: 6px; padding: .6rem 1rem; }}
.muted {{ color: #666; font-size: .9em; }}
/* an id of any length: cut (one line, three on a phone), the whole id in its title */
.id {{ display: block; max-width: 24rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }}
@media (max-width: 40rem) {{
  body {{ margin: .75rem; }}
  table, tbody, tr, td, tbody th {{ display: block; width: auto; }}
  /* the header row out of sight, not out of the page: a screen reader still names each cell's column */
  thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }}
  tr {{ border: 1px solid #ccc; border-radius: 6px; margin: 0 0 .6rem; padding: .3rem 0; }}
  td, tbody th {{ border: 0; padding: .15rem .7rem; display: flex; gap: .6rem; }}
  /* a column's word in a card: #555, 5.6:1 on a breached row's pink (#666 was 4.3:1, under WCAG's 4.5:1) */
  td::before, tbody th::before {{ content: attr(data-label); flex: 0 0 6.5rem; color: #555; font-weight: normal; }}
  td > *, tbody th > * {{ min-width: 0; }}
  .id {{ max-width: none; white-space: normal; overflow-wrap: anywhere;
         display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; }}
}}
</style>
</head>
<body>
<header><h1 id="title">{title}</h1>
<a id="switch" href="?lang={other}" hreflang="{other}" lang="{other}">{other_label}</a>
<span class="muted" id="updated"></span>
<span class="muted" id="zone"></span>
<button type="button" id="pause"></button><span class="muted" id="held" role="status"></span></header>
<main>
<section class="cards">
<div class="card"><div id="availability-label"></div><div id="availability"></div></div>
<div class="card"><div id="maintenance-label"></div><div id="maintenance"></div></div>
</section>
<h2 id="open-label"></h2>
<table id="incidents" aria-labelledby="open-label"><thead><tr>
<th data-w="id"></th><th data-w="priority"></th><th data-w="target"></th>
<th data-w="status"></th><th data-w="due"></th><th data-w="left"></th>
</tr></thead><tbody></tbody></table>
<p class="muted" id="more"><span id="shown"></span> <a id="first"></a> <a id="next"></a></p>
</main>
<script type="application/json" id="state">{embedded}</script>
<script>
"use strict";
const state = JSON.parse(document.getElementById("state").textContent);
const W = state.words;
// a row of data.incidents: [id, priority, target, status, due, due_epoch, left, clock, running, risk]
const ID = 0, PRIORITY = 1, TARGET = 2, STATUS = 3, DUE = 4, DUE_AT = 5, LEFT = 6, CLOCK = 7, RUNNING = 8, RISK = 9;
let data = state.data, fetched = Date.now();
// the table's rows ([tr, status cell, countdown cell, status words shown] per row of data), and the rows they show
let shown = [], drawn = null;
function put(id, text) {{ document.getElementById(id).textContent = text; }}
function hms(s, past) {{  // past: the due time has passed (overdue, with no business time past it yet: 0:00:00)
  const neg = past || s < 0; s = Math.abs(Math.round(s));
  const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
  const t = h + ":" + String(m).padStart(2, "0") + ":" + String(r).padStart(2, "0");
  return neg ? W.overdue + " " + t : t;
}}
function elapsed(clock, now) {{
  let s = 0;  // the business time elapsed since the data was made (its intervals start then)
  for (const [a, b] of clock.intervals) {{ const hi = Math.min(b, now); if (hi > a) s += hi - a; }}
  return s;
}}
function business() {{  // every row counts business time: the header says it, the countdowns are unmarked
  return data.incidents.length > 0 && data.incidents.every(r => data.clocks[r[CLOCK]].counts === "business");
}}
function empty(cell) {{  // "-" to the eye, its word to a screen reader (not "dash")
  const dash = document.createElement("span"), word = document.createElement("span");
  dash.setAttribute("aria-hidden", "true"); dash.textContent = "-";
  word.className = "vh"; word.textContent = W.none; cell.replaceChildren(dash, word);
}}
function build() {{  // the table's rows, built again only when the rows themselves change
  const words = {{}};
  for (const th of document.querySelectorAll("th[data-w]")) {{
    th.textContent = th.dataset.w === "left" && !business() ? W.left_plain : W[th.dataset.w];
    words[th.dataset.w] = th.textContent;
  }}
  const body = document.querySelector("#incidents tbody");
  shown = [];
  const rows = [];
  for (const row of data.incidents) {{
    const tr = document.createElement("tr");
    tr.dataset.id = row[ID]; tr.dataset.target = data.texts[row[TARGET]];
    const cells = [row[ID], data.texts[row[PRIORITY]], data.texts[row[TARGET]], "", row[DUE], ""];
    ["id", "priority", "target", "status", "due", "left"].forEach((w, i) => {{
      // the id names the row: its header, which a screen reader says with each of the row's cells
      const td = document.createElement(i === 0 ? "th" : "td"); td.dataset.label = words[w];
      if (i === 0) {{
        td.scope = "row";
        const span = document.createElement("span"); span.className = "id";
        span.textContent = cells[i]; span.title = cells[i]; td.appendChild(span);
      }} else if (cells[i] === "-") {{ empty(td); }} else {{ td.textContent = cells[i]; }}
      tr.appendChild(td);
    }});
    tr.lastChild.className = "countdown";
    shown.push([tr, tr.cells[3], tr.lastChild, ""]);
    rows.push(tr);
  }}
  if (!data.incidents.length) {{
    const tr = document.createElement("tr"), td = document.createElement("td");
    td.colSpan = 6; td.textContent = W.none; tr.appendChild(td); rows.push(tr);
  }}
  body.replaceChildren(...rows);
}}
function draw() {{  // every second: the countdowns, and a row's class once it is overdue
  const now = data.now + (Date.now() - fetched) / 1000;
  put("updated", W.updated + " " + data.now_text); put("zone", data.zone);
  const mark = business(), used = data.clocks.map(c => elapsed(c, now));
  data.incidents.forEach((row, i) => {{
    const [tr, statusCell, countdown, was] = shown[i];
    const running = row[RUNNING] === 1;
    const status = running && now > row[DUE_AT] ? "breached" : row[STATUS];
    // at risk: with the warning threshold passed, when the clock has several (its words in data.texts)
    const said = status === "at_risk" && row[RISK] !== null ? data.texts[row[RISK]] : W["s_" + status];
    if (said !== was) {{ tr.className = status; statusCell.textContent = said; shown[i][3] = said; }}
    const clock = data.clocks[row[CLOCK]];
    const unit = mark ? "" : clock.counts === "business" ? W.in_business : W.in_elapsed;
    const text = hms(running ? row[LEFT] - used[row[CLOCK]] : row[LEFT], status === "breached") + unit;
    if (countdown.textContent !== text) countdown.textContent = text;
  }});
}}
function page(offset) {{  // the query of this page of rows, or of another from its offset
  return "?lang=" + encodeURIComponent(data.lang) + "&offset=" + offset + "&limit=" + data.limit;
}}
function more() {{  // the rows not shown: which are, of how many, and links to the first and next pages
  const p = document.getElementById("more"), first = document.getElementById("first");
  const next = document.getElementById("next");
  p.hidden = data.offset === 0 && data.next === null;
  put("shown", W.shown.replace("{{first}}", data.returned ? data.offset + 1 : 0)
    .replace("{{last}}", data.offset + data.returned).replace("{{total}}", data.total));
  first.textContent = W.first; first.href = page(0); first.hidden = data.offset === 0;
  next.textContent = W.next; next.hidden = data.next === null;
  if (data.next !== null) next.href = page(data.next);
}}
function take(fresh) {{  // new data: the rows built again only when they differ from those drawn
  data = fresh; fetched = Date.now();
  put("availability-label", W.availability); put("availability", data.availability_text);
  put("maintenance-label", W.maintenance); put("maintenance", data.maintenance || W.none);
  put("open-label", W.open);
  const rows = JSON.stringify([data.texts, data.clocks.map(c => c.counts),
    data.incidents.map(r => [r[ID], r[PRIORITY], r[TARGET], r[STATUS], r[DUE], r[CLOCK], r[RUNNING]])]);
  if (rows !== drawn) {{ build(); drawn = rows; }}
  more();
  draw();
}}
async function refresh() {{
  try {{
    const r = await fetch("dashboard.json" + page(data.offset));
    if (r.ok) {{ const fresh = await r.json(); if (!paused) take(fresh); }}
  }} catch (e) {{ /* keep the last data */ }}
}}
// the updates (the countdowns every second, the data every 10 seconds) stop and start again by the button
// (WCAG 2.2.2); while they stand still the page says so, and the figures are those of the time it shows
let paused = false;
const pause = document.getElementById("pause");
function held() {{
  pause.textContent = paused ? W.resume : W.pause;
  put("held", paused ? W.held : "");
}}
pause.addEventListener("click", () => {{
  paused = !paused; held();
  if (!paused) {{ draw(); refresh(); }}
}});
held();
take(data);
setInterval(() => {{ if (!paused) draw(); }}, 1000);
setInterval(() => {{ if (!paused) refresh(); }}, 10000);
</script>
</body>
</html>
"""
