"""A request body of events -> validated rows to store, or the located problems.

Design notes
------------
* One reader: the body goes through :func:`sla_dsl.events.read_jsonl`, the
  reader of ``sla evaluate``, with the source name ``<request>``; so a bad line
  gets the same code and message as on the command line (``<request>:3:
  error: [E104] ...``), and the events are then checked against the policies by
  the evaluator's own check (an unknown priority is E120 there and here).
* A body is one JSON object, a JSON array of objects, or JSON Lines. A single
  (possibly pretty-printed) object or an array is re-written as JSON Lines
  first, one event a line, so line numbers count events.
* A key given twice in one object (``"priority": "P1", "priority": "P2"``, at
  any depth) must reach the reader, which refuses it (E100, as in a log):
  decoding the body to re-write it would keep the last value in silence. So
  an event that names a key twice (found by the reader's own screens of
  :mod:`sla_dsl.events.keys`, the first run over the whole body at once) is
  written as its own text, its line breaks made blanks (JSON allows none
  inside a string), and the reader refuses what was sent. (An event over the
  reader's 1 MiB line as written is refused as too long instead.)
* Every problem in one answer, in line order, as ``sla evaluate`` lists them:
  the reader defers its problems (``defer=True``) and the evaluator's check
  settles them with its own; an event before the live window (below) is
  added in its place. A client that fixes what one answer lists hears of
  nothing new the next time. (A body with no event the reader could file, or
  whose reading stopped, is answered with the reader's problems alone: there
  is nothing more to check.)
* All or nothing: any problem rejects the whole batch, and nothing is stored.
* The stored form is the event's canonical JSON (keys sorted, no blanks); its
  SHA-256 is the key that makes an exact duplicate (same fields and values,
  whatever their order) stored once. An extra field is kept as sent: an
  integer past 64 bits (which orjson would read as a float) is read and
  written by the standard library's ``json`` instead, exactly.
* A body may begin with a UTF-8 byte order mark, as a file given to ``sla
  evaluate`` may: it is dropped before anything else.
* A text holding the character U+0000 (NUL, ``\\u0000`` in JSON) is refused,
  E109, located by line and field (:func:`_nul_field`): PostgreSQL's text
  cannot hold it, and an event the service may store on one database and not
  on the other would make the answer depend on ``--db``. (``sla evaluate``
  reads it: a file has no such limit.)
* What is stored is judged, so an event the live view cannot judge is
  refused (E123, located, as an event outside the supported years): one older
  than its window (``not_before``: see :data:`.tracking.LIVE_DAYS`), which it
  would never judge, and one dated after the service's clock (``now``) by more
  than :data:`CLOCK_SKEW` (``2062`` for ``2026``, a wrong time zone), which it
  would judge only decades on, or never. Within the tolerance an event is
  stored and judged once its time comes (the live view judges as of now; the
  timers look again at that instant: :class:`.alerts.Timers`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import math
import re
from collections.abc import Sequence
from typing import Any

import orjson

from ..errors import PicklesAsIs
from ..evaluation import check_log
from ..evaluation.common import Versions
from ..events import CODE, FAMILIES, FAMILY_OF, EventInputError, EventLog, Problem, fast_epoch, read_jsonl
from ..events.keys import TOKEN, may_repeat, repeated_key
from ..events.problems import in_line_order, problem
from ..events.schema import instant_of, trimmed
from ..lang.diagnostics import words
from ..policy.compiled import Policy, declared_types
from .store import EventRow
from .tracking import LIVE_DAYS

SOURCE = "<request>"
#: A 422 answer lists at most this many problems (and says how many more there were).
MAX_PROBLEMS = 100
#: How far (seconds) an event may lie after the service's clock and still be stored. The clocks of
#: monitoring and ticket systems drift from the service's by seconds (by well under one when NTP keeps
#: them), and an event may be stamped a moment before it reaches a service whose clock is behind; five
#: minutes takes all of that in, while a wrong year, month, day or time zone lies hours or more ahead.
CLOCK_SKEW = 300.0


#: A run of digits as long as the largest 64-bit integers (orjson reads a longer integer as a float).
_LONG = re.compile(rb"\d{19}")
_BOM = b"\xef\xbb\xbf"

#: A request with no event in its body.
_EMPTY = problem(SOURCE, 1, "E100", words("events.E100.empty_body"), words("events.E100.empty_body.help"))


class Rejected(PicklesAsIs):
    """A batch with problems: every one located by line of the request body."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def json(self) -> dict[str, Any]:
        """The 422 answer's body."""
        shown = self.problems[:MAX_PROBLEMS]
        body: dict[str, Any] = {
            "error": "invalid events; nothing of this batch was stored",
            "problems": [
                {"line": p.line, "code": p.code, "message": p.message, "help": p.help, "text": str(p)} for p in shown
            ],
        }
        if len(self.problems) > len(shown):
            body["more_problems"] = len(self.problems) - len(shown)
        return body


def _loads(raw: bytes) -> Any:
    """JSON text as Python values, every integer exact (orjson, or ``json`` for a very long one)."""
    value = orjson.loads(raw)
    return json.loads(raw) if _LONG.search(raw) else value


def _dumps(value: Any, *, sort: bool = False) -> bytes:
    """Compact JSON of ``value`` (keys sorted with ``sort``), an integer past 64 bits written exactly."""
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort else 0)
    except orjson.JSONEncodeError:
        return json.dumps(value, sort_keys=sort, separators=(",", ":"), ensure_ascii=False).encode()


def _as_lines(body: bytes) -> bytes:
    """JSON Lines for the reader: an object or array is re-written one event a line (an event that names
    a key twice as its own text, for the reader to refuse)."""
    stripped = body.strip()
    if stripped[:1] in (b"{", b"["):
        try:
            whole = _loads(stripped)
        except (orjson.JSONDecodeError, ValueError, RecursionError):
            return body  # JSON Lines (or bad JSON: the reader locates it)
        items = whole if isinstance(whole, list) else [whole]
        if not _any_may_repeat(stripped, items):
            return b"".join(_dumps(item) + b"\n" for item in items)
        texts = _elements(stripped) if isinstance(whole, list) else [stripped]
        return b"".join(
            (_one_line(raw) if _names_twice(raw, item) else _dumps(item)) + b"\n"
            for item, raw in zip(items, texts, strict=True)
        )
    return body


def _any_may_repeat(text: bytes, items: Sequence[Any]) -> bool:
    """The reader's first screen (:func:`~sla_dsl.events.keys.may_repeat`) over a whole object or array:
    False when no object in it can name a key twice (the commas are exactly the separators of the
    array's items and of their own keys)."""
    separators = len(items) - 1 if text[:1] == b"[" else 0
    separators += sum(len(item) - 1 for item in items if type(item) is dict and item)
    return text.count(b",") != separators


def _elements(array: bytes) -> list[bytes]:
    """The text of each item of the JSON array ``array`` (valid JSON: orjson has read it), in order."""
    out: list[bytes] = []
    depth, start = 0, 1
    for token in TOKEN.finditer(array):
        char = token.group()
        if char in (b"[", b"{"):
            depth += 1
        elif char in (b"]", b"}"):
            depth -= 1
            if depth == 0 and array[start : token.start()].strip():
                out.append(array[start : token.start()].strip())
        elif char == b"," and depth == 1:
            out.append(array[start : token.start()].strip())
            start = token.end()
    return out


def _names_twice(raw: bytes, item: Any) -> bool:
    """Whether the event text ``raw`` (decoded to ``item``) names a key twice in one object."""
    return type(item) is dict and may_repeat(raw, item) and repeated_key(raw, item) is not None


def _one_line(raw: bytes) -> bytes:
    """The JSON text ``raw`` on one line: a line break is only ever a blank between its tokens."""
    return raw.replace(b"\r", b" ").replace(b"\n", b" ")


def parse_body(
    body: bytes,
    policies: Sequence[Policy],
    not_before: float | None = None,
    *,
    now: float | None = None,
    skew: float = CLOCK_SKEW,
) -> list[EventRow]:
    """The events of a request body, validated, in body order (raises :class:`Rejected` with every
    problem of the batch); with ``not_before``, an event at an earlier instant is a problem (the live
    view would never judge it), and with ``now``, one later than ``now`` by more than ``skew`` seconds."""
    lines = _as_lines(body.removeprefix(_BOM))
    if not lines.strip():
        raise Rejected((_EMPTY,))
    try:
        log = read_jsonl(io.BytesIO(lines), SOURCE, declared=declared_types(policies), defer=True)
    except EventInputError as exc:  # nothing filed, or the reading stopped: nothing more to check
        raise Rejected(tuple(exc.problems)) from None
    if log.count == 0 and not log.problems:  # (refused lines whose values wait for the check: not empty)
        raise Rejected((_EMPTY,))
    unread = {p.line for p in log.problems}  # the lines the reader refused: no event to look at
    numbered = [
        (n, _row(_loads(raw)))
        for n, raw in enumerate(io.BytesIO(lines), 1)
        if n not in unread and raw.strip() and raw.strip()[:1] != b"#"
    ]
    problems = _check_against_policies(log, policies)
    problems += _nul_problems(lines, unread)
    if not_before is not None or now is not None:
        outside = {p.line for p in problems if p.code == "E123"}  # outside the supported years: said once
        inside = [(n, r) for n, r in numbered if n not in outside]
        problems += _not_judged(inside, policies, not_before, now, skew)
    if problems:
        raise Rejected(tuple(in_line_order(problems)))
    return [r for _, r in numbered]


def _not_judged(
    numbered: Sequence[tuple[int, EventRow]],
    policies: Sequence[Policy],
    not_before: float | None,
    now: float | None,
    skew: float,
) -> list[Problem]:
    """The events the live view cannot judge (E123, as an event outside the supported years): before its
    window, or after the service's clock by more than ``skew`` seconds."""
    tz = min(policies, key=lambda p: p.effective).tz

    def time(t: float) -> str:
        return dt.datetime.fromtimestamp(t, tz).isoformat()

    out: list[Problem] = []
    for n, r in numbered:
        if not_before is not None and r.at_epoch < not_before:
            said = words("events.E123.live_window", time=time(r.at_epoch), first=time(not_before), days=str(LIVE_DAYS))
            out.append(problem(SOURCE, n, "E123", said, words("events.E123.live_window.help")))
        elif now is not None and r.at_epoch > now + skew:
            sent = orjson.loads(r.body).get("at")  # as sent: a wrong year or zone is seen as written
            said = words(
                "events.E123.future",
                time=sent if isinstance(sent, str) else time(r.at_epoch),
                now=time(math.floor(now)),
                seconds=f"{skew:g}",
            )
            out.append(problem(SOURCE, n, "E123", said, words("events.E123.future.help")))
    return out


def _nul_problems(lines: bytes, unread: set[int]) -> list[Problem]:
    """E109 for each event read whose text holds U+0000 (a key or a value, at any depth): the database
    cannot store it."""
    out: list[Problem] = []
    for n, raw in enumerate(io.BytesIO(lines), 1):
        if b"\\u0000" not in raw or n in unread:  # (JSON writes the character only as an escape)
            continue
        field = _nul_field(_loads(raw))
        if field is not None:
            said = words("serve.events.nul", field=field)
            out.append(problem(SOURCE, n, "E109", said, words("serve.events.nul.help")))
    return out


def _nul_field(value: Any, where: str = "") -> str | None:
    """The dotted name of the first field whose name or text holds U+0000 (shown as ``\\u0000``), if any."""
    if isinstance(value, str):
        return where if "\x00" in value else None
    items: list[tuple[str, Any]] = []
    if isinstance(value, dict):
        for key, v in value.items():
            name = f"{where}.{key}" if where else str(key)
            if "\x00" in str(key):
                return name.replace("\x00", "\\u0000")
            items.append((name, v))
    elif isinstance(value, list):
        items = [(f"{where}[{i}]", v) for i, v in enumerate(value)]
    for name, v in items:
        found = _nul_field(v, name)
        if found is not None:
            return found.replace("\x00", "\\u0000")
    return None


def _row(data: dict[str, Any]) -> EventRow:
    body = _dumps(data, sort=True).decode()
    epoch = fast_epoch(data["at"])
    if epoch is None:
        epoch = instant_of(data["at"])  # as the models read it, for a declared type too
    event = trimmed(str(data["event"]))  # as the models read it (blanks around it are not part of it)
    return EventRow(
        key=hashlib.sha256(body.encode()).hexdigest(),
        family=FAMILIES[FAMILY_OF[CODE[event]]],
        ident=str(data["id"]).strip(),  # as the models read it (the live view looks items up by it)
        event=event,
        at_epoch=epoch,
        body=body,
    )


def _check_against_policies(log: EventLog, policies: Sequence[Policy]) -> list[Problem]:
    """The evaluator's own check of a log (times in the supported years, known priorities, kinds, causes),
    settled with the problems the reader deferred: all of them, in line order."""
    try:
        check_log(_versions(policies), log)
    except EventInputError as exc:
        return list(exc.problems)
    return []


_VERSIONS: dict[tuple[int, ...], tuple[Sequence[Policy], Versions]] = {}


def _versions(policies: Sequence[Policy]) -> Versions:
    key = tuple(id(p) for p in policies)
    hit = _VERSIONS.get(key)
    if hit is None or any(a is not b for a, b in zip(hit[0], policies, strict=True)):
        _VERSIONS.clear()
        hit = _VERSIONS[key] = (list(policies), Versions(policies))
    return hit[1]


def unique(rows: Sequence[EventRow]) -> list[EventRow]:
    """The rows with exact duplicates inside the batch left out (first kept)."""
    seen: set[str] = set()
    out = []
    for r in rows:
        if r.key not in seen:
            seen.add(r.key)
            out.append(r)
    return out
