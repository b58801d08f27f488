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
  its id and its label in the page's language (``P2 優先度２``), from the version that judged it.
* One row per open target (:func:`.tracking.watched`): the priority's
  response target of each incident not responded, each named target
  (resolution, periodic update, first reply...) and notification rule of an
  incident not met, and each notification rule of an outage still waiting
  for its notice. A target is named by the report's words
  (``report.targets.*``) or, for a notification rule, by its label in the
  policy.
* Countdowns are in business time (of a target counted in business time), overdue ones too: with each row the server
  sends the business time left as of now (negative once overdue, as the API's
  ``business_seconds_left``) and the business-hours intervals of its target's
  calendar from now on (to a day past the due time), and the script takes
  off only the business time elapsed since. So the countdown, and the
  overdue count after it, stand still over lunch, nights and holidays, as the
  SLA's clock does, without the browser knowing the calendar. A paused
  target's clock stands still: its row shows the time left, unchanged.
* The ``due`` column shows a due time to the minute (``2026-11-30 12:00``),
  and to the second when it is not a whole minute (``2026-11-30 12:00:30``:
  a target counted from an event's second), as the countdown beside it
  counts the seconds: both say the same instant, in either language.
* A target counted in elapsed time (``within 2 hours``) counts down around
  the clock. The column's header says what it counts as the report's tables
  do: ``残り（営業時間）`` when every row counts business time; otherwise the
  plain ``残り`` and every countdown marked with what it counts (``（経過時間）``,
  ``（営業時間）``), from each row's ``counts``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson

from ..i18n import message
from ..i18n.serve import DASHBOARD_WORDS
from ..report.words import PolicyWords
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
        return [[now, until]]
    c = rules.calendar(cal)
    tz = rules.tz
    day = dt.datetime.fromtimestamp(now, tz).date()
    last = min(dt.datetime.fromtimestamp(until, tz).date(), day + dt.timedelta(days=_HORIZON_DAYS))
    out: list[list[float]] = []
    while day <= last:
        for a, b in c.open_intervals(day):
            lo, hi = max(a.timestamp(), now), min(b.timestamp(), until)
            if hi > lo:
                out.append([lo, hi])
        day += dt.timedelta(days=1)
    return out


def _label(w: Watched, lang: str) -> str:
    """The target's name in ``lang``: the report's word for its kind, a notification rule's label."""
    if w.kind == RESPONSE:
        return message("report.targets.respond", lang)
    if w.kind != "notify":
        return message(f"report.targets.{w.kind}", lang)
    rule = next((n for n in w.rules.model.notifications if n.name == w.target), None)
    return (rule.label.text(lang) if rule is not None else "") or f"`{w.target}`"


def _due_text(t: dt.datetime) -> str:
    """A due time as the ``due`` column shows it: ``2026-11-30 12:00``, with its seconds when it has some
    (``2026-11-30 12:00:30``, cut to the second as the countdown counts them), as the report shows a
    duration to the second only when one is not a whole number of minutes."""
    return t.strftime("%Y-%m-%d %H:%M:%S" if t.second or t.microsecond else "%Y-%m-%d %H:%M")


def _row(w: Watched, now: float, lang: str) -> dict[str, Any]:
    rules = w.rules
    if w.due is None or not w.running:  # paused: its clock stands still
        left = w.held if w.held is not None else 0.0
        intervals: list[list[float]] = []
    else:
        left = rules.between(now, w.due, w.calendar) if now < w.due else -rules.between(w.due, now, w.calendar)
        intervals = _intervals(rules, w.calendar, now, max(w.due, now) + _PAST_DUE)
    return {
        "id": w.item,
        "priority": PolicyWords([rules.policy], lang).priority(w.priority) if w.priority else "-",
        "target": _label(w, lang),
        "status": w.status,
        "due": _due_text(rules.dt(w.due)) if w.due is not None else "-",
        "due_epoch": w.due,
        "running": w.running and w.due is not None,
        "left": left,
        #: what the countdown counts: its calendar's business time, or elapsed time (a target ``within 2 hours``)
        "counts": "elapsed" if w.calendar is None else "business",
        "intervals": intervals,
    }


def data(tracker: Tracker, lang: str) -> dict[str, Any]:
    """What the page shows, as JSON."""
    result, now = tracker.now_view()
    rows = [_row(w, now, lang) for w in watched(result)]
    rows.sort(key=lambda r: (r["due_epoch"] is None, r["due_epoch"] or 0.0, r["id"], r["target"]))
    today = dt.datetime.fromtimestamp(now, tracker.tz).date()
    policy = max((p for p in tracker.policies if p.effective <= today), key=lambda p: p.effective, default=None)
    policy = policy or min(tracker.policies, key=lambda p: p.effective)
    windows = [w for w in policy.maintenance_windows(today, today + dt.timedelta(days=100)) if w.end.timestamp() > now]
    month = tracker.month_view(now)
    return {
        "lang": lang,
        "now": now,
        "now_text": dt.datetime.fromtimestamp(now, policy.tz).strftime("%Y-%m-%d %H:%M:%S"),
        "incidents": rows,
        "maintenance": (
            f"{windows[0].start.strftime('%Y-%m-%d %H:%M')}–{windows[0].end.strftime('%H:%M')}" if windows else None
        ),
        "availability": round(month.skeleton.availability.ratio * 100, 3),
    }


#: What JSON inside ``<script>`` must not hold as it is: ``<`` opens ``</script>``, ``<!--`` and
#: ``<script`` (the script data states), ``>`` and ``&`` for good measure, U+2028/U+2029 end a line
#: in older JavaScript. Each appears in JSON only inside a string, where ``\uXXXX`` is the same text.
_SCRIPT_ESCAPES = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


def script_json(value: object) -> str:
    """``value`` as JSON safe to embed in an HTML ``<script>`` element."""
    return orjson.dumps(value).decode().translate(_SCRIPT_ESCAPES)


def page(tracker: Tracker, lang: str) -> str:
    """The dashboard's HTML in ``lang``."""
    w = words(lang)
    other = "en" if lang == "ja" else "ja"
    embedded = script_json({"words": w, "data": data(tracker, lang)})
    return _HTML.format(lang=lang, title=w["title"], other=other, other_label=w["other"], embedded=embedded)


_HTML = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: system-ui, "IPAGothic", sans-serif; margin: 1.5rem; color: #1b1b1b; }}
table {{ border-collapse: collapse; min-width: 40rem; }}
th, td {{ border-bottom: 1px solid #ccc; padding: .35rem .7rem; text-align: left; }}
tr.at_risk {{ background: #fff3cd; }}
tr.breached {{ background: #f8d7da; font-weight: bold; }}
.cards {{ display: flex; gap: 2rem; margin: 1rem 0; }}
.card {{ border: 1px solid #ccc; border-radius: 6px; padding: .6rem 1rem; }}
.muted {{ color: #666; font-size: .9em; }}
</style>
</head>
<body>
<header><h1 id="title">{title}</h1>
<a id="switch" href="?lang={other}">{other_label}</a> <span class="muted" id="updated"></span></header>
<section class="cards">
<div class="card"><div id="availability-label"></div><div id="availability"></div></div>
<div class="card"><div id="maintenance-label"></div><div id="maintenance"></div></div>
</section>
<h2 id="open-label"></h2>
<table id="incidents"><thead><tr>
<th data-w="id"></th><th data-w="priority"></th><th data-w="target"></th>
<th data-w="status"></th><th data-w="due"></th><th data-w="left"></th>
</tr></thead><tbody></tbody></table>
<script type="application/json" id="state">{embedded}</script>
<script>
"use strict";
const state = JSON.parse(document.getElementById("state").textContent);
const W = state.words;
let data = state.data, fetched = Date.now();
function put(id, text) {{ document.getElementById(id).textContent = text; }}
function hms(s) {{
  const neg = s < 0; s = Math.abs(Math.round(s));
  const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
  const t = h + ":" + String(m).padStart(2, "0") + ":" + String(r).padStart(2, "0");
  return neg ? W.overdue + " " + t : t;
}}
function left(row, now) {{
  if (!row.running) return row.left;
  let s = 0;  // the business time elapsed since the data was made (its intervals start then)
  for (const [a, b] of row.intervals) {{ const hi = Math.min(b, now); if (hi > a) s += hi - a; }}
  return row.left - s;
}}
function draw() {{
  const now = data.now + (Date.now() - fetched) / 1000;
  put("availability-label", W.availability); put("availability", data.availability.toFixed(3) + " %");
  put("maintenance-label", W.maintenance); put("maintenance", data.maintenance || W.none);
  put("open-label", W.open); put("updated", W.updated + " " + data.now_text);
  // the time left in business time when every row counts it; else the plain header, each time marked
  const business = data.incidents.length > 0 && data.incidents.every(r => r.counts === "business");
  for (const th of document.querySelectorAll("th[data-w]")) {{
    th.textContent = th.dataset.w === "left" && !business ? W.left_plain : W[th.dataset.w];
  }}
  const body = document.querySelector("#incidents tbody");
  body.replaceChildren();
  for (const row of data.incidents) {{
    const tr = document.createElement("tr");
    const status = row.running && now > row.due_epoch ? "breached" : row.status;
    tr.className = status; tr.dataset.id = row.id; tr.dataset.target = row.target;
    const unit = business ? "" : row.counts === "business" ? W.in_business : W.in_elapsed;
    for (const text of [row.id, row.priority, row.target, W["s_" + status], row.due, hms(left(row, now)) + unit]) {{
      const td = document.createElement("td"); td.textContent = text; tr.appendChild(td);
    }}
    tr.lastChild.className = "countdown";
    body.appendChild(tr);
  }}
  if (!data.incidents.length) {{
    const tr = document.createElement("tr"), td = document.createElement("td");
    td.colSpan = 6; td.textContent = W.none; tr.appendChild(td); body.appendChild(tr);
  }}
}}
async function refresh() {{
  try {{
    const r = await fetch("dashboard.json?lang=" + encodeURIComponent(data.lang));
    if (r.ok) {{ data = await r.json(); fetched = Date.now(); }}
  }} catch (e) {{ /* keep the last data */ }}
}}
draw();
setInterval(draw, 1000);
setInterval(refresh, 10000);
</script>
</body>
</html>
"""
