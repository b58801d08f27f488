"""Read event logs (JSON Lines or CSV) into an :class:`~sla_dsl.events.EventLog`.

Design notes
------------
* Streaming: the file is read line by line and each event is filed in compact
  form at once; nothing holds the whole text.
* Two paths to one meaning. A fast path handles the common, well-formed line
  (JSON object, known type, string fields, ``at`` in the plain
  ``YYYY-MM-DDTHH:MM:SS[.f]±HH:MM`` form) with plain Python. Anything it does
  not accept goes to the pydantic models of :mod:`sla_dsl.events`, which decide
  and word the error; so the models are the single definition of what is valid.
* Every bad line is reported (not only the first) as a :class:`Problem`
  ``file:LINE: error[E1xx]: message``; the whole list is raised as one
  :class:`EventInputError`. With ``skip_invalid`` the bad lines are left out
  and their problems kept in ``EventLog.skipped`` for the report.
* Blank lines and lines whose first non-blank character is ``#`` are ignored,
  in both formats. A UTF-8 byte-order mark is accepted.
* CSV has the same columns as the JSON fields; the header names them, in any
  order; empty cells mean "absent"; extra columns are kept like extra JSON keys.
* ``orjson`` parses JSON (about 5x faster here than ``json``); it accepts
  exactly standard JSON.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import gc
import io
import json
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import orjson
from pydantic import ValidationError

from ..errors import InputError
from .schema import CODE, EVENT_ADAPTER, FAMILY_OF, PAYLOAD, TYPES, BaseEvent, EventLog, Rec

_loads: Callable[[bytes], Any] = orjson.loads
_JSONError: tuple[type[Exception], ...] = (orjson.JSONDecodeError, UnicodeDecodeError)

Progress = Callable[[int, int], None]
"""Called now and then with (lines read, bytes read)."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an event log."""

    source: str
    line: int
    code: str
    message: str
    help: str | None = None

    def __str__(self) -> str:
        text = f"{self.source}:{self.line}: error[{self.code}]: {self.message}"
        if self.help:
            text += f"\n  = help: {self.help}"
        return text


class EventInputError(InputError):
    """One or more event lines are invalid; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.source, p.line))
        lines = {(p.source, p.line) for p in self.problems}
        body = "\n".join(str(p) for p in self.problems)
        summary = f"{len(lines)} invalid event line{'s' if len(lines) != 1 else ''}"
        super().__init__(f"{body}\n{summary}" if len(self.problems) > 1 else body)


# -- fast path --------------------------------------------------------------------

_OFFSETS: dict[str, int] = {}
_DAYS: dict[str, int] = {}
_EPOCH_ORD = dt.date(1970, 1, 1).toordinal()


def _offset(text: str) -> int | None:
    sec = _OFFSETS.get(text)
    if sec is None:
        if text == "Z":
            sec = 0
        elif len(text) == 6 and text[0] in "+-" and text[3] == ":" and _ascii_digits(text[1:3] + text[4:6]):
            sec = (int(text[1:3]) * 3600 + int(text[4:6]) * 60) * (1 if text[0] == "+" else -1)
        else:
            return None
        _OFFSETS[text] = sec
    return sec


def _day(text: str) -> int | None:
    sec = _DAYS.get(text)
    if sec is None:
        try:
            sec = (dt.date.fromisoformat(text).toordinal() - _EPOCH_ORD) * 86400
        except ValueError:
            return None
        if len(_DAYS) < 100_000:
            _DAYS[text] = sec
    return sec


def fast_epoch(text: Any) -> float | None:
    """POSIX seconds of ``YYYY-MM-DDTHH:MM:SS[.ffffff](Z|±HH:MM)``, or None if not that form."""
    if type(text) is not str:
        return None
    # The common case in two dict look-ups, split after the hour: the date and
    # hour seen before, and the ``:MM:SS`` and offset seen before. A fraction of
    # a second is added to the whole seconds as _parse_epoch adds it.
    hour = _HOUR_OF.get(text[:13])
    if hour is not None:
        rest = _REST_OF.get(text[13:])
        if rest is not None:
            return hour + rest
        if text[19:20] == ".":
            end = 20
            while text[end : end + 1] in _ASCII_DIGITS:
                end += 1
            rest = _REST_OF.get(text[13:19] + text[end:])
            if rest is not None and 21 <= end <= 26:
                frac: float = int(text[20:end]) / 10 ** (end - 20)
                return hour + rest + frac
    return _parse_epoch(text)


_ASCII_DIGITS = frozenset("0123456789")


def _ascii_digits(text: str) -> bool:
    """Only the digits 0-9 (``int`` and ``isdigit`` also take other scripts' digits)."""
    return text.isascii() and text.isdigit()


#: ``YYYY-MM-DDTHH`` -> POSIX seconds of that hour in UTC, before the offset
#: (filled as lines are read, like the next table).
_HOUR_OF: dict[str, float] = {}
#: ``:MM:SS`` + offset -> seconds into the hour minus the offset's seconds.
_REST_OF: dict[str, int] = {}


def _parse_epoch(text: str) -> float | None:
    if len(text) < 20 or text[10] != "T" or text[13] != ":" or text[4] != "-" or text[7] != "-":
        return None
    if not _ascii_digits(text[0:4] + text[5:7] + text[8:10] + text[11:13] + text[14:16] + text[17:19]):
        return None  # the models decide (and word the error)
    day = _day(text[:10])
    if day is None:
        return None
    rest = text[19:]
    frac = 0.0
    if rest[:1] == ".":
        i = 1
        while i < len(rest) and rest[i] in _ASCII_DIGITS:
            i += 1
        if i == 1 or i > 7:
            return None
        frac = int(rest[1:i]) / 10 ** (i - 1)
        rest = rest[i:]
    off = _offset(rest)
    if off is None or text[16] != ":":
        return None
    try:
        h, mi, s = int(text[11:13]), int(text[14:16]), int(text[17:19])
    except ValueError:
        return None
    if h > 23 or mi > 59 or s > 59:
        return None
    if len(_HOUR_OF) < 1_000_000:
        _HOUR_OF[text[:13]] = float(day + h * 3600)
    if len(_REST_OF) < 100_000:
        _REST_OF[text[13:19] + rest] = mi * 60 + s - off
    hour = float(day + h * 3600 - off)
    return hour + mi * 60 + s + frac


def _plain(value: Any) -> bool:
    """A non-empty string without surrounding blanks (what the models accept unchanged)."""
    return type(value) is str and value != "" and not value[0].isspace() and not value[-1].isspace()


_OPTIONAL = {"cause", "zone", "primary_zone"}


def _fast(d: Any) -> tuple[int, str, float, tuple[Any, ...]] | None:
    """The compact form of a well-formed event mapping, or None to take the slow path."""
    if type(d) is not dict:
        return None
    event = d.get("event")
    code = CODE.get(event) if type(event) is str else None
    ident: str = d.get("id")  # type: ignore[assignment]
    if code is None or not _plain(ident):
        return None
    epoch = fast_epoch(d.get("at"))
    if epoch is None:
        return None
    fields = _PAYLOAD_BY_CODE[code]
    payload = () if not fields else _fast_payload(d, code, fields)
    if payload is None:
        return None
    return code, ident, epoch, payload


_PAYLOAD_BY_CODE: tuple[tuple[str, ...], ...] = tuple(PAYLOAD.get(t, ()) for t in TYPES)
_STOP = CODE["stop.announced"]


def _fast_payload(d: dict[str, Any], code: int, fields: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The payload fields of a well-formed event, or None to take the slow path."""
    payload: list[Any] = []
    for f in fields:
        v = d.get(f)
        if f == "start" or f == "end":
            v = fast_epoch(v)
            if v is None:
                return None
        elif v is None and f in _OPTIONAL:
            pass
        elif not _plain(v):
            return None
        payload.append(v)
    if code == _STOP and payload[2] <= payload[1]:
        return None
    return tuple(payload)


# -- slow path: the models decide and word the errors ----------------------------------

_KNOWN_TYPES = ", ".join(f"`{t}`" for t in TYPES)


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {
        bool: "a boolean",
        int: "a number",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _messages(exc: ValidationError, data: Mapping[str, Any]) -> list[tuple[str, str, str | None]]:
    """(code, message, help) for each error pydantic found."""
    out: list[tuple[str, str, str | None]] = []
    etype = data.get("event")
    for err in exc.errors(include_url=False):
        kind = err["type"]
        loc = [str(p) for p in err["loc"] if not (isinstance(p, str) and "." in p)]
        field = loc[0] if loc else ""
        value = err.get("input")
        if kind == "union_tag_not_found":
            out.append(("E102", "missing field `event`", None))
        elif kind == "union_tag_invalid":
            if not isinstance(etype, str):
                out.append(("E106", f"field `event` must be a string, found {_kind(etype)}", None))
                continue
            close = difflib.get_close_matches(etype, TYPES, n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"known types: {_KNOWN_TYPES}"
            out.append(("E103", f"unknown event type `{_short(etype)}`", hint))
        elif kind == "missing":
            extras = [k for k in data if isinstance(k, str)]
            close = difflib.get_close_matches(field, extras, n=1)
            out.append(
                (
                    "E102",
                    f"missing field `{field}` (required for `{etype}`)",
                    f"found `{close[0]}`: did you mean `{field}`?" if close else None,
                )
            )
        elif kind == "timezone_aware":
            out.append(
                (
                    "E105",
                    f"`{field}` has no UTC offset: `{_short(value)}`",
                    "write the offset, e.g. `2026-11-02T10:00:00+09:00`",
                )
            )
        elif kind.startswith("datetime") or (kind == "value_error" and field in ("at", "start", "end")):
            if isinstance(value, str):
                msg = f"`{field}` is not an ISO 8601 time: `{_short(value)}`"
            else:
                msg = f"`{field}` must be an ISO 8601 time with a UTC offset, found {_kind(value)}"
            out.append(("E104", msg, None))
        elif kind == "string_type":
            out.append(("E106", f"field `{field}` must be a string, found {_kind(value)}", None))
        elif kind == "string_too_short":
            out.append(("E107", f"field `{field}` is empty", None))
        elif kind == "value_error" and "`end` is not after `start`" in err["msg"]:
            out.append(("E108", "`end` is not after `start`", None))
        else:
            msg = err["msg"][0].lower() + err["msg"][1:]
            out.append(("E109", f"field `{field}`: {msg}" if field else msg, None))
    return out


def validate_mapping(data: Any, source: str, line: int) -> tuple[BaseEvent | None, list[Problem]]:
    """Validate one decoded event: the model, or the problems that name ``line``."""
    if not isinstance(data, Mapping):
        return None, [Problem(source, line, "E101", f"expected a JSON object, found {_kind(data)}")]
    try:
        ev = EVENT_ADAPTER.validate_python(data)
    except ValidationError as exc:
        return None, [Problem(source, line, c, m, h) for c, m, h in _messages(exc, data)]
    return ev.located(source, line), []


# -- the readers ---------------------------------------------------------------------


class _Collector:
    """Files good events and gathers problems for one source."""

    def __init__(self, log: EventLog, skip_invalid: bool) -> None:
        self.log = log
        self.skip_invalid = skip_invalid
        self.problems: list[Problem] = []

    def take(self, data: Any, line: int) -> None:
        fast = _fast(data)
        if fast is not None:
            code, ident, epoch, payload = fast
            self.log.add(code, ident, epoch, payload, line)
            return
        ev, problems = validate_mapping(data, self.log.source, line)
        if ev is None:
            self.problems.extend(problems)
        else:
            self.log.add_event(ev, line)

    def bad(self, line: int, code: str, message: str, help: str | None = None) -> None:
        self.problems.append(Problem(self.log.source, line, code, message, help))

    def finish(self) -> EventLog:
        if self.problems:
            if not self.skip_invalid:
                raise EventInputError(self.problems)
            self.log.skipped.extend(str(p) for p in self.problems)
        return self.log


def _json_error(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "invalid JSON: not UTF-8 text"
    if isinstance(exc, json.JSONDecodeError):
        msg = exc.msg.split(":", 1)[0]
        return f"invalid JSON: {msg[0].lower() + msg[1:]} at column {exc.colno}"
    return f"invalid JSON: {exc}"


#: Event type -> its code, the group it is filed in, its payload fields.
_Kinds = dict[str, tuple[int, dict[str, list[Rec]], tuple[str, ...]]]


def read_jsonl(
    stream: IO[bytes],
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    log: EventLog | None = None,
) -> EventLog:
    """Read a JSON Lines stream into an :class:`EventLog` (raises EventInputError)."""
    col = _Collector(log or EventLog(source), skip_invalid)
    groups = col.log.groups
    kinds: _Kinds = {name: (code, groups[FAMILY_OF[code]], _PAYLOAD_BY_CODE[code]) for name, code in CODE.items()}
    loads = _loads
    hour_of, rest_of = _HOUR_OF, _REST_OF
    filed = 0
    read = 0
    for lineno, raw in enumerate(stream, 1):
        if progress is not None:
            read += len(raw)
            if lineno % 100_000 == 0:
                progress(lineno, read)
        try:
            data = loads(raw)
        except _JSONError:
            data = _odd_line(col, raw, lineno)
            if data is _SKIP:
                continue
        # What _file does, inlined for the common line (a million lines make
        # every step count): a dict of a known type whose ``at`` is in the
        # tables of fast_epoch. Anything else -- not a dict, a missing key, an
        # unknown type, a time not seen before, a fraction of a second --
        # raises a KeyError or a TypeError here and goes to _file, which takes
        # the long way. (Decoding many lines as one JSON array saves orjson
        # calls but measured no faster, and then each line must be proven to
        # hold exactly one value.)
        try:
            code, group, fields = kinds[data["event"]]
            ident = data["id"]
            at = data["at"]
            epoch = hour_of[at[:13]] + rest_of[at[13:]]
        except (KeyError, TypeError):
            filed += _file(col, kinds, data, lineno)
            continue
        if type(ident) is str:
            payload = _fast_payload(data, code, fields) if fields else ()
            if payload is not None:
                recs = group.get(ident)
                if recs is not None:  # a known id was checked when first filed
                    recs.append((epoch, code, payload, lineno))
                    filed += 1
                    continue
                if ident and not ident[0].isspace() and not ident[-1].isspace():  # _plain
                    group[ident] = [(epoch, code, payload, lineno)]
                    filed += 1
                    continue
        col.take(data, lineno)
    col.log.count += filed
    return col.finish()


def _file(col: _Collector, kinds: _Kinds, data: Any, lineno: int) -> int:
    """File one decoded line the long way: 1 if filed here, 0 if handed to take()."""
    if type(data) is dict:
        event = data.get("event")
        kind = kinds.get(event) if type(event) is str else None
        ident = data.get("id")
        at = data.get("at")
        if kind is not None and type(ident) is str and type(at) is str:
            code, group, fields = kind
            epoch = fast_epoch(at)
            payload = () if not fields else _fast_payload(data, code, fields)
            if epoch is not None and payload is not None:
                recs = group.get(ident)
                if recs is not None:
                    recs.append((epoch, code, payload, lineno))
                    return 1
                if _plain(ident):
                    group[ident] = [(epoch, code, payload, lineno)]
                    return 1
    col.take(data, lineno)
    return 0


_SKIP = object()


def _odd_line(col: _Collector, raw: bytes, lineno: int) -> Any:
    """A line orjson did not take as it is: a BOM, blanks, a comment, or invalid JSON."""
    if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    text = raw.strip()
    if not text or text[:1] == b"#":
        return _SKIP
    try:
        return _loads(text)
    except _JSONError as exc:
        col.bad(lineno, "E100", _json_error(exc))
        return _SKIP


class _CsvLines:
    """Physical lines of a CSV stream, counted; ``#`` comments and blank lines only before the header.

    After the header every line is data (RFC 4180 has no comments): a first cell
    such as ``#4521`` is a ticket id, and a line inside a quoted multi-line cell
    is part of that cell. A comment written after the header is read as a row
    and rejected with its line number, never dropped.
    """

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.lineno = 0
        self.in_header = True

    def __iter__(self) -> Iterator[str]:
        for line in self.stream:
            self.lineno += 1
            if self.in_header:
                stripped = line.strip()
                if not stripped or stripped.startswith("#"):
                    continue
                self.in_header = False
            yield line


def read_csv(
    stream: IO[str],
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    log: EventLog | None = None,
) -> EventLog:
    """Read a CSV stream (header row of field names) into an :class:`EventLog`."""
    col = _Collector(log or EventLog(source), skip_invalid)
    lines = _CsvLines(stream)
    rows = csv.reader(lines)
    header = next(rows, None)
    if header is None:
        return col.finish()
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in ("event", "at", "id") if c not in header]
    if missing:
        col.bad(
            lines.lineno,
            "E110",
            "CSV header lacks column " + ", ".join(f"`{c}`" for c in missing),
            "the first row must name the columns, e.g. `event,at,id,priority`",
        )
        raise EventInputError(col.problems)
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        col.bad(
            lines.lineno,
            "E110",
            "CSV header names column " + ", ".join(f"`{c}`" for c in repeated) + " more than once",
            "name each column once: a second cell of the same name would silently replace the first",
        )
        raise EventInputError(col.problems)
    while True:
        lineno = lines.lineno + 1  # a row's number is that of its first physical line
        row = next(rows, None)
        if row is None:
            break
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line between rows
        if progress is not None and lineno % 100_000 == 0:
            progress(lineno, 0)
        if len(row) > len(header):
            col.bad(lineno, "E111", f"{len(row)} cells but the header names {len(header)} columns")
            continue
        col.take({k: v for k, v in zip(header, row, strict=False) if v != ""}, lineno)
    return col.finish()


def read_events(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> EventLog:
    """Read an event log file: ``.csv`` as CSV, anything else (or ``-``) as JSON Lines."""
    # A log is millions of small acyclic tuples: the cyclic collector would
    # walk them again and again while they are created, for nothing.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _read_events(path, skip_invalid=skip_invalid, progress=progress)
    finally:
        if paused:
            gc.enable()


def _read_events(path: str | Path, *, skip_invalid: bool, progress: Progress | None) -> EventLog:
    name = str(path)
    if name == "-":
        return read_jsonl(sys.stdin.buffer, "<stdin>", skip_invalid=skip_invalid, progress=progress)
    p = Path(path)
    try:
        if p.suffix.lower() == ".csv":
            with p.open(encoding="utf-8", newline="") as fh:
                return read_csv(fh, name, skip_invalid=skip_invalid, progress=progress)
        with p.open("rb") as fb:
            return read_jsonl(fb, name, skip_invalid=skip_invalid, progress=progress)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not UTF-8 text") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read events: {exc.strerror or exc}") from None


def iter_events(path: str | Path) -> Iterator[BaseEvent]:
    """Yield each event of a JSON Lines file as a model (raises on the first bad line)."""
    with Path(path).open("rb") as fb:
        for lineno, raw in enumerate(fb, 1):
            text = raw.strip()
            if not text or text[:1] == b"#":
                continue
            try:
                data = _loads(text)
            except _JSONError as exc:
                raise EventInputError([Problem(str(path), lineno, "E100", _json_error(exc))]) from None
            ev, problems = validate_mapping(data, str(path), lineno)
            if ev is None:
                raise EventInputError(problems)
            yield ev


def read_text(text: str, source: str = "<events>", *, fmt: str = "jsonl") -> EventLog:
    """Read events from a string (tests and small tools)."""
    if fmt == "csv":
        return read_csv(io.StringIO(text), source)
    return read_jsonl(io.BytesIO(text.encode()), source)


def log_from(events: Any, source: str | None = None) -> EventLog:
    """An :class:`EventLog` from an iterable of event models or dicts (or a log)."""
    if isinstance(events, EventLog):
        return events
    log = EventLog(source or "<events>")
    problems = []
    for i, item in enumerate(events, 1):
        if isinstance(item, BaseEvent):
            log.add_event(item, item.line or i)
            continue
        ev, probs = validate_mapping(item, log.source, i)
        if ev is None:
            problems.extend(probs)
        else:
            log.add_event(ev, i)
    if problems:
        raise EventInputError(problems)
    return log
