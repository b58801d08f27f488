"""A request body of events -> validated rows to store, or the located problems.

Design notes
------------
* One reader: the body goes through :func:`sla_dsl.events.read_jsonl`, the
  reader of ``sla evaluate``, with the source name ``<request>``; so a bad line
  gets the same code and message as on the command line (``<request>:3:
  error[E104]: ...``), and the events are then checked against the policies by
  the evaluator's own check (an unknown priority is E120 there and here).
* A body is one JSON object, a JSON array of objects, or JSON Lines. A single
  (possibly pretty-printed) object or an array is re-written as JSON Lines
  first, one event a line, so line numbers count events.
* All or nothing: any problem rejects the whole batch, and nothing is stored.
* The stored form is the event's canonical JSON (keys sorted, no blanks); its
  SHA-256 is the key that makes an exact duplicate (same fields and values,
  whatever their order) stored once.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Sequence
from typing import Any

import orjson

from ..evaluation import check_log
from ..evaluation.common import Versions
from ..events import CODE, FAMILIES, FAMILY_OF, EventInputError, EventLog, Problem, fast_epoch, read_jsonl
from ..events.problems import problem
from ..events.schema import instant_of
from ..lang.diagnostics import words
from ..policy.compiled import Policy, declared_types
from .store import EventRow

SOURCE = "<request>"
#: A 422 answer lists at most this many problems (and says how many more there were).
MAX_PROBLEMS = 100


#: A request with no event in its body.
_EMPTY = problem(SOURCE, 1, "E100", words("events.E100.empty_body"), words("events.E100.empty_body.help"))


class Rejected(Exception):
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


def _as_lines(body: bytes) -> bytes:
    """JSON Lines for the reader: an object or array is re-written one event a line."""
    stripped = body.strip()
    if stripped[:1] in (b"{", b"["):
        try:
            whole = orjson.loads(stripped)
        except orjson.JSONDecodeError:
            return body  # JSON Lines (or bad JSON: the reader locates it)
        items = whole if isinstance(whole, list) else [whole]
        return b"".join(orjson.dumps(item) + b"\n" for item in items)
    return body


def parse_body(body: bytes, policies: Sequence[Policy]) -> list[EventRow]:
    """The events of a request body, validated, in body order (raises :class:`Rejected`)."""
    lines = _as_lines(body)
    if not lines.strip():
        raise Rejected((_EMPTY,))
    try:
        log = read_jsonl(io.BytesIO(lines), SOURCE, declared=declared_types(policies))
    except EventInputError as exc:
        raise Rejected(tuple(exc.problems)) from None
    if log.count == 0:
        raise Rejected((_EMPTY,))
    rows = [_row(orjson.loads(raw)) for raw in io.BytesIO(lines) if raw.strip() and raw.strip()[:1] != b"#"]
    _check_against_policies(log, policies)
    return rows


def _row(data: dict[str, Any]) -> EventRow:
    body = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    epoch = fast_epoch(data["at"])
    if epoch is None:
        epoch = instant_of(data["at"])  # as the models read it, for a declared type too
    event = str(data["event"])
    return EventRow(
        key=hashlib.sha256(body.encode()).hexdigest(),
        family=FAMILIES[FAMILY_OF[CODE[event]]],
        ident=str(data["id"]),
        event=event,
        at_epoch=epoch,
        body=body,
    )


def _check_against_policies(log: EventLog, policies: Sequence[Policy]) -> None:
    """The evaluator's own check of a log (times in the supported years, known priorities, kinds, causes)."""
    try:
        check_log(_versions(policies), log)
    except EventInputError as exc:
        raise Rejected(tuple(exc.problems)) from None


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
