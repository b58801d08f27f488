"""Event logs for the partition tests: random stories of every family, a generated large log, and frames.

Design notes
------------
- Random logs are small stories about ids from small pools, with the edges the
  merge must get right: outages that overlap one another, planned stops and the
  maintenance night, excluded causes, backups of one day in different ids,
  deletions, zones, exact duplicates, same-instant contradictions, events before
  a report, unknown ids, fractional seconds.
- A log is a list of lines (JSON text) so that the one-run reading and the
  partitioned one see the same line numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pandas as pd
from hypothesis import strategies as st

import sla_dsl

ROOT = Path(__file__).resolve().parents[2]
POLICY_PATH = ROOT / "policies" / "clicksoko.sla"
TOKYO = dt.timezone(dt.timedelta(hours=9))
START = dt.datetime(2026, 11, 1, tzinfo=TOKYO)
COLUMNS = ["event", "at", "id", "priority", "cause", "channel", "start", "end", "kind", "zone", "primary_zone"]
# Instants the rules care about: business-hour edges, a holiday (23 Nov), the maintenance night (26 Nov 22:00)
EDGES = [
    "2026-11-02T10:00:00",
    "2026-11-02T12:00:00",
    "2026-11-02T13:00:00",
    "2026-11-02T18:00:00",
    "2026-11-20T17:30:00",
    "2026-11-23T11:00:00",
    "2026-11-26T22:00:00",
    "2026-11-27T00:00:00",
    "2026-11-30T23:59:59",
]


@cache
def policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY_PATH)


@cache
def two_versions() -> list[sla_dsl.Policy]:
    """The policy and a version effective mid-month with a shorter P1 target."""
    text = POLICY_PATH.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    v2 = v2.replace("respond within 4 business hours", "respond within 2 business hours")
    return [policy(), sla_dsl.load_policy(v2)]


#: Service credits per breached target (``credit N% per breach``) on each priority's response target: a cap,
#: none, and each measurement period, so the merged report's ``breach_credits`` is tested too.
CREDIT_LINES = {
    "respond within 4 business hours": "credit 5% per breach, at most 25% monthly",
    "respond within 1 business day": "credit 10% per breach quarterly",
    "respond within 5 business days": "credit 2% per breach, at most 3% per period",
}


def _credited(text: str) -> str:
    for target, line in CREDIT_LINES.items():
        text = text.replace(f"  {target}", f"  {target}\n  {line}", 1)
    return text


@cache
def credited() -> sla_dsl.Policy:
    """The policy with a credit per breach on every priority's response target."""
    return sla_dsl.load_policy(_credited(POLICY_PATH.read_text("utf-8")))


@cache
def credited_versions() -> list[sla_dsl.Policy]:
    """Two versions whose credit lines differ: the second, from mid-month, with a shorter P1 target and its own
    credit per breach (the line of the version that judged an incident applies)."""
    text = POLICY_PATH.read_text("utf-8")
    v2 = text.replace('version "2026.1"', 'version "2026.2"').replace("effective 2026-04-01", "effective 2026-11-16")
    v2 = v2.replace("respond within 4 business hours", "respond within 2 business hours\n  credit 7% per breach")
    return [credited(), sla_dsl.load_policy(v2)]


@st.composite
def epochs(draw: st.DrawFn) -> float:
    if draw(st.integers(0, 2)) == 0:
        return dt.datetime.fromisoformat(draw(st.sampled_from(EDGES))).replace(tzinfo=TOKYO).timestamp()
    seconds = draw(st.integers(-3 * 86400, 32 * 86400))
    micros = 250_000 if draw(st.integers(0, 7)) == 0 else 0
    return START.timestamp() + seconds + micros / 1e6


def _after(t: float) -> st.SearchStrategy[float]:
    return st.sampled_from([0, 1, 600, 4 * 3600, 86400, 3 * 86400, 12 * 86400, -3600]).map(lambda d: t + d)


def _ident(prefix: str) -> st.SearchStrategy[str]:
    return st.integers(1, 5).map(lambda n: f"{prefix}-{n}")


@st.composite
def incident(draw: st.DrawFn) -> list[dict[str, Any]]:
    ident, t0 = draw(_ident("INC")), draw(epochs())
    out: list[dict[str, Any]] = []
    if draw(st.integers(0, 7)):
        rep: dict[str, Any] = {"event": "incident.reported", "at": t0, "id": ident}
        rep["priority"] = draw(st.sampled_from(["P1", "P2", "P3"]))
        if draw(st.integers(0, 5)) == 0:
            rep["cause"] = draw(st.sampled_from(["force_majeure", "customer_fault"]))
        out.append(rep)
    for step in ("product_suspected", "responded", "info_provided", "customer_replied", "resolved", "reprioritized"):
        if draw(st.booleans()):
            ev: dict[str, Any] = {"event": f"incident.{step}", "at": draw(_after(t0)), "id": ident}
            if step == "reprioritized":
                ev["priority"] = draw(st.sampled_from(["P1", "P2", "P3"]))
            out.append(ev)
    return out


@st.composite
def outage(draw: st.DrawFn) -> list[dict[str, Any]]:
    ident, t0 = draw(_ident("OUT")), draw(epochs())
    first: dict[str, Any] = {"event": "outage.started", "at": t0, "id": ident}
    if draw(st.booleans()):
        first["cause"] = draw(st.sampled_from(["failure", "emergency", "planned", "force_majeure", "customer_fault"]))
    out = [first] if draw(st.integers(0, 7)) else []
    for step in ("recognized", "notified", "ended"):
        if draw(st.integers(0, 3)):
            out.append({"event": f"outage.{step}", "at": draw(_after(t0)), "id": ident})
    return out


@st.composite
def stop(draw: st.DrawFn) -> list[dict[str, Any]]:
    t0 = draw(epochs())
    begin = t0 + draw(st.sampled_from([3 * 86400, 8 * 86400, 10 * 86400]))
    end = begin + draw(st.sampled_from([3600, 7200, 86400]))
    channel = draw(st.sampled_from(["email", "email", "web"]))
    return [
        {
            "event": "stop.announced",
            "at": t0,
            "id": draw(_ident("STOP")),
            "channel": channel,
            "start": begin,
            "end": end,
        }
    ]


@st.composite
def backups(draw: st.DrawFn) -> list[dict[str, Any]]:
    kind = draw(st.sampled_from(["database", "files", "machine_image", "continuous"]))
    t0 = draw(epochs())
    out: list[dict[str, Any]] = []
    for day in range(draw(st.integers(1, 6))):
        ident = draw(st.one_of(st.just(f"BK-{kind}-{day}"), _ident("BK")))
        ev: dict[str, Any] = {"event": "backup.completed", "at": t0 + day * 86400, "id": ident, "kind": kind}
        if draw(st.integers(0, 2)) == 0:
            ev["zone"] = draw(st.sampled_from(["az-a", "az-c"]))
            ev["primary_zone"] = "az-a"
        out.append(ev)
        if draw(st.integers(0, 4)) == 0:
            out.append({"event": "backup.deleted", "at": draw(_after(ev["at"])), "id": ident, "kind": kind})
    return out


def _twin(ev: dict[str, Any]) -> dict[str, Any]:
    """An event at the same instant about the same id that says something else."""
    twin = dict(ev)
    if "priority" in twin:
        twin["priority"] = "P3" if twin["priority"] != "P3" else "P1"
    elif twin["event"] == "outage.started":
        twin["cause"] = "force_majeure" if twin.get("cause") is None else None
    elif "kind" in twin:
        twin["zone"] = "az-z"
    return {k: v for k, v in twin.items() if v is not None}


def _text(ev: dict[str, Any]) -> str:
    out = dict(ev)
    for k in ("at", "start", "end"):
        if isinstance(out.get(k), float):
            out[k] = dt.datetime.fromtimestamp(out[k], TOKYO).isoformat()
    return json.dumps(out)


@st.composite
def logs(draw: st.DrawFn) -> list[str]:
    """The lines of a random log: a few stories of every family, shuffled, some events twice or contradicted."""
    stories = draw(st.lists(st.one_of(incident(), incident(), outage(), stop(), backups()), max_size=12))
    events = [ev for story in stories for ev in story]
    for ev in list(events):
        roll = draw(st.integers(0, 11))
        if roll == 0:
            events.append(dict(ev))  # an exact duplicate
        elif roll == 1:
            events.append(_twin(ev))  # a contradiction at the same instant
    lines = [_text(ev) for ev in draw(st.permutations(events))]
    if lines and draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "# a comment line: numbering goes on")
    return lines


# -- large logs and frames -------------------------------------------------------------------------


def generate(path: Path, n_events: int, seed: int = 14) -> int:
    """Write a log of about ``n_events`` events over November 2026 (incidents, outages, stops, backups)."""
    rng = random.Random(seed)
    month = 30 * 86400
    base = START.timestamp()
    rows: list[dict[str, Any]] = []

    def put(event: str, at: float, ident: str, **fields: Any) -> None:
        rows.append(
            {"event": event, "at": dt.datetime.fromtimestamp(int(base + at), TOKYO).isoformat(), "id": ident, **fields}
        )

    for d in range(30):
        for k in ("database", "files", "machine_image"):
            if rng.random() < 0.97:
                put("backup.completed", d * 86400 + 7200, f"{k}-{d}", kind=k)
        put(
            "backup.completed",
            d * 86400 + 3600,
            f"cb-{d}",
            kind="continuous",
            zone=rng.choice(["az-a", "az-c"]),
            primary_zone="az-a",
        )
    for i in range(max(n_events // 400, 5)):
        s = rng.uniform(-86400, month)
        put("outage.started", s, f"OUT-{i}", cause=rng.choice(["failure", "failure", "emergency", "force_majeure"]))
        put("outage.recognized", s + rng.choice([300, 40000]), f"OUT-{i}")
        put("outage.notified", s + rng.uniform(600, 20000), f"OUT-{i}")
        if rng.random() < 0.95:
            put("outage.ended", s + rng.uniform(300, 7200), f"OUT-{i}")
    for i in range(4):
        s = rng.uniform(8 * 86400, month)
        at = s - rng.uniform(3, 10) * 86400
        start = dt.datetime.fromtimestamp(int(base + s), TOKYO).isoformat()
        end = dt.datetime.fromtimestamp(int(base + s + 7200), TOKYO).isoformat()
        put("stop.announced", at, f"STOP-{i}", channel=rng.choice(["email", "web"]), start=start, end=end)
    i = 0
    while len(rows) < n_events:
        i += 1
        ident = f"INC-{i}"
        s = rng.uniform(-5 * 86400, month)
        put("incident.reported", s, ident, priority=rng.choice(["P1", "P2", "P3"]))
        if rng.random() < 0.6:
            s += rng.uniform(600, 7200)
            put("incident.product_suspected", s, ident)
        if rng.random() < 0.9:
            put("incident.responded", s + rng.uniform(600, 3 * 86400), ident)
        put("incident.info_provided", s + rng.uniform(86400, 6 * 86400), ident)
        if rng.random() < 0.5:
            put("incident.resolved", s + rng.uniform(6 * 86400, 9 * 86400), ident)
        if rng.random() < 0.01:
            rows.append(dict(rows[-1]))  # an exact duplicate
    rng.shuffle(rows)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return len(rows)


def frame(lines: list[str] | Path) -> pd.DataFrame:
    """A pandas DataFrame of a log's events, each with its ``line`` (blank and comment lines numbered, not kept)."""
    texts = lines.read_text("utf-8").splitlines() if isinstance(lines, Path) else lines
    rows = []
    for n, text in enumerate(texts, 1):
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        row = orjson.loads(text)
        row["line"] = n
        rows.append(row)
    columns = [*COLUMNS, "line"]
    out = pd.DataFrame(rows, columns=columns)
    text_columns = {c: object for c in COLUMNS}
    return out.astype(text_columns).where(out.notna(), None).astype({"line": "int64"})


def respaced(log: Path, out: Path) -> Path:
    """``log`` with the id of every other event spaced at either end (``" INC-2\\u3000"``), as a hand-made export
    may have it: one id to the reader, which strips it, whatever the spacing of its events' cells."""
    texts = log.read_text("utf-8").splitlines()
    spaced = []
    for n, text in enumerate(texts):
        if text.strip() and not text.lstrip().startswith("#") and n % 2:
            row = orjson.loads(text)
            row["id"] = f" {row['id']}\u3000\t"
            text = json.dumps(row, ensure_ascii=False)
        spaced.append(text)
    out.write_text("\n".join(spaced) + "\n", "utf-8")
    return out
