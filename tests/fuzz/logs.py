"""Hypothesis strategies for event logs: valid-looking stories, then hostile lines.

Design notes
------------
- **Stories, not noise.** A log is a few stories about ids from small pools:
  an incident reported, perhaps suspected, answered, resolved, reprioritized;
  an outage started, recognised, notified, ended; a planned stop announced; a
  run of daily backups, some deleted. Times cluster where the rules have edges
  (business-hour boundaries, holidays, the monthly maintenance night, the
  period's ends) and are written with any offset, with or without fractions,
  so that one instant has many spellings.
- **Then hostility.** Some events get an odd time (numeric strings, year 1 or
  9999, offsets past ±24 h, leap seconds, a naive time), an odd id (control
  characters, HTML, a newline, 5,000 characters), an odd value (lists, numbers,
  deep nesting), a missing or renamed field, or a twin at the same instant
  that contradicts it; some lines get byte damage (NUL, invalid UTF-8, a cut).
- **Records stay records.** A log is a :class:`Layout` (format, byte-order
  mark, gzip, leading comment or header lines) and a list of records, so the
  runner can shuffle and duplicate whole records (a quoted CSV cell may hold a
  line break) and write the file the same way again.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import shlex
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

TOKYO = dt.timezone(dt.timedelta(hours=9))
START = dt.datetime(2026, 11, 1, tzinfo=TOKYO)
COLUMNS = ["event", "at", "id", "priority", "cause", "channel", "start", "end", "kind", "zone", "primary_zone"]
COLUMNS += ["attributes"]
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Layout:
    """How the records of a log are written: format, mark, compression and the lines kept at the top."""

    suffix: str = ".jsonl"
    bom: bool = False
    gz: bool = False
    head: tuple[bytes, ...] = ()


@dataclass(frozen=True)
class LogCase:
    """A generated log and the commands to run on it (the first is the JSON evaluation)."""

    layout: Layout
    records: list[bytes]
    commands: list[list[str]]
    seed: int = 0
    ids: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"LogCase({self.layout.suffix}, <{len(self.records)} records>, {self.commands}, seed={self.seed})"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(repr(self))


def render(layout: Layout, records: list[bytes]) -> bytes:
    """The file's bytes: head lines, records, each ending in a line feed; marked and compressed as asked."""
    data = b"".join(line + b"\n" for line in (*layout.head, *records))
    if layout.bom:
        data = b"\xef\xbb\xbf" + data
    if layout.gz:
        data = gzip.compress(data, mtime=0)
    return data


def split(data: bytes, suffix: str) -> tuple[Layout, list[bytes]]:
    """The layout and records of a log file (the inverse of :func:`render`)."""
    gz = data.startswith(GZIP_MAGIC)
    if gz:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return Layout(suffix=suffix), [data]
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    head: list[bytes] = []
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith(b"#")):
        head.append(lines.pop(0))
    if suffix.startswith(".csv") and lines:
        head.append(lines.pop(0))
        lines = _csv_records(lines)
    return Layout(suffix=suffix, bom=bom, gz=gz, head=tuple(head)), lines


def _csv_records(lines: list[bytes]) -> list[bytes]:
    """Join physical lines into CSV records: a record ends where its quotes are balanced."""
    out: list[bytes] = []
    pending: list[bytes] = []
    for line in lines:
        pending.append(line)
        if b"\n".join(pending).count(b'"') % 2 == 0:
            out.append(b"\n".join(pending))
            pending = []
    if pending:
        out.append(b"\n".join(pending))
    return out


# -- times -------------------------------------------------------------------------------------------

EDGES = [
    "2026-11-02T09:59:59", "2026-11-02T10:00:00", "2026-11-02T12:00:00", "2026-11-02T13:00:00",
    "2026-11-02T17:59:59.999999", "2026-11-02T18:00:00", "2026-11-03T10:00:00", "2026-11-23T11:00:00",
    "2026-11-26T22:00:00", "2026-11-26T23:59:59", "2026-11-27T00:00:00", "2026-11-27T16:00:00",
    "2026-11-30T23:59:59.999999", "2026-12-01T00:00:00", "2026-11-01T00:00:00", "2026-10-31T23:59:59",
    "2026-11-06T14:00:00", "2026-11-06T14:00:01",
]  # fmt: skip
OFFSETS = ["+09:00", "+09:00", "Z", "+00:00", "-05:00", "+14:00", "-12:00", "+05:45", "+09:30", "-00:00"]
HOSTILE_TIMES: list[Any] = [
    "20261102", "1793581200000", "1793581200", "2026-11-02T10:00:00", "2026-11-02T10:00:00+25:00",
    "2026-11-02T10:00:00+09:60", "2026-02-30T10:00:00+09:00", "0001-01-01T00:00:00+09:00",
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+00:00",
    "1026-11-02T10:00:00+09:00", "1970-01-01T00:00:00Z", "2026-11-02T24:00:00+09:00",
    "2026-11-02T10:00:60+09:00", "2026-11-02 10:00:00+09:00", "2026-11-02t10:00:00z", "2026-W45-1T10:00+09:00",
    "2026-306T10:00:00+09:00", "+02026-11-02T10:00:00+09:00", "2026-11-02T10:00:00,5+09:00",
    "2026-11-02T10:00:00.1234567+09:00", "２０２６-11-02T10:00:00+09:00", "2026-11-02T10:00:00+0900",
    "2026-11-02T10:00:00+09", "2026-11-02T10:00+09:00", "2026-11-02T10+09:00", "2026-11-02", "", " ",
    "2026-11-02T10:00:00+09:00\n", "2026-11-02T10:00:00+09:00:30", None, 1793581200, 1.5e300, True, [], {},
    "NaN", "Infinity", "-2026-11-02T10:00:00+09:00",
]  # fmt: skip


@st.composite
def epochs(draw: st.DrawFn) -> float:
    """An instant near the November 2026 period: anywhere in it, or on an edge the rules care about."""
    if draw(st.integers(0, 2)) == 0:
        base = dt.datetime.fromisoformat(draw(st.sampled_from(EDGES))).replace(tzinfo=TOKYO)
        return base.timestamp()
    seconds = draw(st.integers(-2 * 86400, 32 * 86400))
    micros = draw(st.one_of(st.just(0), st.integers(0, 999_999)))
    return START.timestamp() + seconds + micros / 1e6


@st.composite
def time_text(draw: st.DrawFn, epoch: float) -> Any:
    """``epoch`` written with some offset and precision; now and then a hostile value instead."""
    if draw(st.integers(0, 24)) == 0:
        return draw(st.sampled_from(HOSTILE_TIMES))
    offset = draw(st.sampled_from(OFFSETS))
    sign = -1 if offset.startswith("-") else 1
    delta = dt.timedelta(0) if offset == "Z" else dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6]))
    t = dt.datetime.fromtimestamp(epoch, dt.timezone(sign * delta))
    spec = draw(st.sampled_from(["seconds", "auto", "microseconds", "milliseconds"]))
    text = t.replace(tzinfo=None).isoformat(timespec=spec)
    return text + offset


# -- ids, values, stories ----------------------------------------------------------------------------

HOSTILE_IDS = [
    "", " ", "\x1b[31mred\x1b[0m", "a\rb", "<b>x</b>\n| y |", "#4521", "x" * 5000, "\u202eabc", "ＩＮＣ-1", "null",
    "INC-1 ", " INC-1", "\x00", "a,b", '"q"', "-x", "\u2028", "INC-1\t",
]  # fmt: skip
HOSTILE_VALUES: list[Any] = [None, "", 0, -1, 10**30, 1.5, True, [], {}, ["P1"], {"a": 1}, "x" * 300, "P1\n"]


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.one_of(st.integers(1, 6).map(lambda n: f"{prefix}-{n:03d}"), st.sampled_from(HOSTILE_IDS))


def _after(t: float) -> st.SearchStrategy[float]:
    steps = [-3600, 0, 1, 60, 4 * 3600, 86400, 3 * 86400, 10 * 86400, 20 * 86400]
    return st.one_of(st.sampled_from(steps), st.integers(-86400, 25 * 86400)).map(lambda d: t + d)


#: Attribute values an event may carry: those ``policies/examples/plans.sla`` declares, and odd ones.
ATTRIBUTE_VALUES = {"plan": ["standard", "premium", "gold"], "channel": ["ja", "en", "fr"], "tier": ["x"]}


@st.composite
def attributes(draw: st.DrawFn) -> Any:
    """An event's ``attributes`` (issue 13): mostly declared names and values, sometimes not an object."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from([[], "plan=premium", {"plan": 1}, {"plan": None}, {"": "x"}, {"plan": "x" * 300}]))
    names = draw(st.lists(st.sampled_from(list(ATTRIBUTE_VALUES)), max_size=2, unique=True))
    return {n: draw(st.sampled_from(ATTRIBUTE_VALUES[n])) for n in names}


@st.composite
def incident(draw: st.DrawFn) -> list[dict[str, Any]]:
    """An incident's events: reported, then any of the later steps."""
    ident, t0 = draw(_ids("INC")), draw(epochs())
    prio = draw(st.one_of(st.sampled_from(["P1", "P2", "P3"]), st.sampled_from(["P9", "p1", " P1 ", ""])))
    out: list[dict[str, Any]] = [{"event": "incident.reported", "at": t0, "id": ident, "priority": prio}]
    if draw(st.integers(0, 5)) == 0:
        out[0]["cause"] = draw(st.sampled_from(["force_majeure", "customer_fault", "other"]))
    if draw(st.booleans()):
        out[0]["attributes"] = draw(attributes())
    for step in ("product_suspected", "responded", "info_provided", "customer_replied", "resolved", "reprioritized"):
        if draw(st.booleans()):
            ev: dict[str, Any] = {"event": f"incident.{step}", "at": draw(_after(t0)), "id": ident}
            if step == "reprioritized":
                ev["priority"] = draw(st.sampled_from(["P1", "P2", "P3", "P7"]))
            out.append(ev)
    return out


@st.composite
def outage(draw: st.DrawFn) -> list[dict[str, Any]]:
    """An outage's events: started, recognised, notified, ended (each perhaps missing)."""
    ident, t0 = draw(_ids("OUT")), draw(epochs())
    first: dict[str, Any] = {"event": "outage.started", "at": t0, "id": ident}
    if draw(st.booleans()):
        first["cause"] = draw(st.sampled_from(["force_majeure", "customer_fault", "other"]))
    if draw(st.booleans()):
        first["attributes"] = draw(attributes())
    out = [first]
    for step in ("recognized", "notified", "ended"):
        if draw(st.integers(0, 3)) > 0:
            out.append({"event": f"outage.{step}", "at": draw(_after(t0)), "id": ident})
    return out


@st.composite
def stop(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A planned stop announced for a window."""
    t0 = draw(epochs())
    begin = draw(_after(t0))
    end = draw(_after(begin))
    channel = draw(st.sampled_from(["email", "email", "phone", ""]))
    ev = {"event": "stop.announced", "at": t0, "id": draw(_ids("STOP")), "channel": channel}
    return [{**ev, "start": begin, "end": end}]


@st.composite
def backups(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A run of backups of one kind, some in other zones, some deleted."""
    kind = draw(st.sampled_from(["database", "files", "machine_image", "continuous", "tape"]))
    t0 = draw(epochs())
    out: list[dict[str, Any]] = []
    for day in range(draw(st.integers(1, 12))):
        ident = draw(st.one_of(st.just(f"BK-{kind}-{day}"), _ids("BK")))
        ev: dict[str, Any] = {"event": "backup.completed", "at": t0 + day * 86400, "id": ident, "kind": kind}
        if draw(st.integers(0, 2)) == 0:
            ev["zone"] = draw(st.sampled_from(["ap-northeast-1a", "ap-northeast-1c", "us-east-1a"]))
            ev["primary_zone"] = draw(st.sampled_from(["ap-northeast-1a", "ap-northeast-1c"]))
        out.append(ev)
        if draw(st.integers(0, 4)) == 0:
            out.append({"event": "backup.deleted", "at": draw(_after(ev["at"])), "id": ident, "kind": kind})
    return out


@st.composite
def hostile(draw: st.DrawFn, ev: dict[str, Any]) -> dict[str, Any]:
    """The event with one thing wrong: a value, a field, an id, or a twin's content."""
    ev = dict(ev)
    how = draw(st.sampled_from(["value", "drop", "extra", "rename", "id", "type", "nest"]))
    keys = sorted(ev)
    if how == "value":
        ev[draw(st.sampled_from(keys))] = draw(st.sampled_from(HOSTILE_VALUES))
    elif how == "drop":
        ev.pop(draw(st.sampled_from(keys)))
    elif how == "extra":
        ev[draw(st.sampled_from(["note", "Priority", "ID", "", "at ", "\x00"]))] = draw(st.sampled_from(HOSTILE_VALUES))
    elif how == "rename":
        key = draw(st.sampled_from(keys))
        ev[key.upper()] = ev.pop(key)
    elif how == "id":
        ev["id"] = draw(st.sampled_from(HOSTILE_IDS))
    elif how == "type":
        ev["event"] = draw(st.sampled_from(["incident.unknown", "Incident.Reported", "backup", "", 7]))
    else:
        depth = draw(st.sampled_from([10, 200, 900]))
        ev["note"] = json.loads("[" * depth + "]" * depth)
    return ev


def _twin(ev: dict[str, Any]) -> dict[str, Any]:
    """An event at the same instant about the same id that says something else."""
    twin = dict(ev)
    if "priority" in twin:
        twin["priority"] = "P3" if twin["priority"] != "P3" else "P1"
    elif twin.get("event") == "outage.started":
        twin["cause"] = None if twin.get("cause") else "force_majeure"
    elif "kind" in twin:
        twin["zone"] = "elsewhere-1z"
    else:
        twin["event"] = "incident.resolved" if twin.get("event") != "incident.resolved" else "incident.responded"
    return {k: v for k, v in twin.items() if v is not None}


def _jsonl(draw: st.DrawFn, ev: dict[str, Any]) -> bytes:
    ascii_only = draw(st.booleans())
    compact = draw(st.booleans())
    text = json.dumps(ev, ensure_ascii=ascii_only, separators=(",", ":") if compact else None)
    return text.encode("utf-8", "surrogatepass")


def _csv(ev: dict[str, Any]) -> bytes:
    buf = io.StringIO()
    row = ["" if ev.get(c) is None else json.dumps(ev[c]) if c == "attributes" else str(ev.get(c)) for c in COLUMNS]
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue().rstrip("\n").encode("utf-8", "surrogatepass")


@st.composite
def damage(draw: st.DrawFn, line: bytes) -> bytes:
    """Byte damage to one record: a cut, a NUL, invalid UTF-8, a CR, a very long tail."""
    i = draw(st.integers(0, len(line)))
    how = draw(st.sampled_from(["cut", "nul", "utf8", "cr", "long", "bom", "garbage", "deep"]))
    if how == "cut":
        return line[:i]
    if how == "deep":
        depth = draw(st.sampled_from([1000, 5000, 100_000]))
        return b'{"event": "incident.reported", "id": ' + b"[" * depth + b"]" * depth + b"}"
    if how == "long":
        return line[:i] + b"x" * draw(st.sampled_from([10_000, 200_000])) + line[i:]
    if how == "garbage":
        return draw(st.binary(max_size=40)).replace(b"\n", b" ")
    piece = {"nul": b"\x00", "utf8": b"\xff\xc3", "cr": b"\r", "bom": b"\xef\xbb\xbf"}[how]
    return line[:i] + piece + line[i:]


PERIODS = [
    ("2026-11-01", "2026-12-01"),
    ("2026-11-01", "2026-12-01"),
    ("2026-11-02T10:00:00+09:00", "2026-11-03T00:00:00Z"),
    ("2026-10-01", "2027-01-01"),
    ("2026-11-01", "2026-11-02"),
    ("2026-11-26T00:00:00-12:00", "2026-11-28T00:00:00+14:00"),
]


@st.composite
def log_cases(draw: st.DrawFn) -> LogCase:
    """A log of a few stories, some events and lines made hostile, in JSON Lines or CSV, and its commands."""
    stories = draw(st.lists(st.one_of(incident(), outage(), stop(), backups()), max_size=10))
    events = [ev for story in stories for ev in story]
    if events and draw(st.integers(0, 3)) == 0:
        events.append(_twin(draw(st.sampled_from(events))))
    for i in range(len(events)):
        if draw(st.integers(0, 11)) == 0:
            events[i] = draw(hostile(events[i]))
    suffix = draw(st.sampled_from([".jsonl", ".jsonl", ".jsonl", ".csv"]))
    records: list[bytes] = []
    for ev in events:
        times = {k: draw(time_text(v)) for k, v in ev.items() if k in ("at", "start", "end") and isinstance(v, float)}
        written = {**ev, **times}
        line = _csv(written) if suffix == ".csv" else _jsonl(draw, written)
        if draw(st.integers(0, 29)) == 0:
            line = draw(damage(line))
        records.append(line)
    records = draw(st.permutations(records)) if draw(st.booleans()) else records
    head: tuple[bytes, ...] = (b"# fuzz log",) if draw(st.booleans()) else ()
    if suffix == ".csv":
        head += (",".join(COLUMNS).encode(),)
    layout = Layout(suffix, bom=draw(st.integers(0, 9)) == 0, gz=draw(st.integers(0, 14)) == 0, head=head)
    if layout.gz:
        layout = Layout(suffix + ".gz", layout.bom, True, head)
    start, end = draw(st.sampled_from(PERIODS))
    # the plans example half the time, so that attributes choose rules, notices and credits (issue 13)
    policy = draw(st.sampled_from(["{policy}", "{plans}"]))
    main = ["evaluate", policy, "{file}", "--from", start, "--to", end]
    if draw(st.integers(0, 3)) == 0:
        main += ["--as-of", draw(st.sampled_from(["2026-11-15", "2026-11-01T00:00:00+09:00", "2026-11-30T18:00:00Z"]))]
    if draw(st.booleans()):
        main.append("--skip-invalid")
    commands = [[*main, "--format", "json"]]
    if draw(st.integers(0, 2)) == 0:
        commands.append([*main, "--format", draw(st.sampled_from(["text", "markdown", "html"]))])
    ids = sorted({str(ev.get("id")) for ev in events if isinstance(ev.get("id"), str)})
    ids = [i for i in ids if i.strip() and not i.startswith("-") and "\x00" not in i]
    if ids and draw(st.integers(0, 3)) == 0:
        explain = ["explain", policy, "{file}", draw(st.sampled_from(ids))]
        if draw(st.booleans()):
            explain += ["--from", start, "--to", end]
        commands.append(explain)
    return LogCase(layout, records, commands, seed=draw(st.integers(0, 2**32 - 1)), ids=ids)


DEFAULT_LOG_COMMAND = [
    "evaluate",
    "{policy}",
    "{file}",
    "--from",
    "2026-11-01",
    "--to",
    "2026-12-01",
    "--format",
    "json",
]


def corpus_log_commands(head: tuple[bytes, ...]) -> list[list[str]]:
    """Commands named on ``# fuzz:`` lines in a corpus log's head, else one JSON evaluation of November 2026."""
    named = [shlex.split(h.decode("utf-8", "replace")[len("# fuzz: ") :]) for h in head if h.startswith(b"# fuzz: ")]
    return named or [DEFAULT_LOG_COMMAND]


def corpus_seeds(head: tuple[bytes, ...]) -> list[int]:
    """Shuffle seeds named on ``# fuzz-seed:`` lines (a finding's own shuffle), plus 0 and 1."""
    values = [h.partition(b":")[2].strip() for h in head if h.startswith(b"# fuzz-seed:")]
    return [*(int(x) for x in values if x.isdigit()), 0, 1]
