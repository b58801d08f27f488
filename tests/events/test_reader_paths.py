"""The JSON Lines reader's fast paths file exactly what the models alone would, on random logs.

``read_jsonl`` files the common line with plain Python (inlined in its loop, then
:func:`~sla_dsl.events.reader._file`, then :func:`~sla_dsl.events.fast.fast_record`) and hands
anything else to the pydantic models. The reference here hands *every* line to the models
(:func:`~sla_dsl.events.validate.validate_mapping`): the same log must come out (the same ids in
the same order, the same records with the same line numbers, the same count) and the same
problems, on logs full of the hard cases: blank, comment and whitespace lines, CRLF, a BOM,
duplicate keys, lines that are not objects or not JSON or not UTF-8, deep nesting, unicode
escapes (lone surrogates too), huge numbers, escaped newlines, odd times and offsets, ids, times and
types with blanks around them, declared event types, a line over the cap, and the same log
gzip-compressed.
"""

from __future__ import annotations

import gzip
import io
import json
from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.events import PAYLOAD, EventInputError, EventLog, Problem, declare_types, read_jsonl
from sla_dsl.events.lines import MAX_LINE_BYTES, too_long, uncompressed
from sla_dsl.events.problems import in_line_order, problem
from sla_dsl.events.reader import _json_problem, repeated_problem
from sla_dsl.events.validate import validate_mapping

DECLARED = declare_types({"incident.chat_started"})
TYPES = [
    "incident.reported",
    "incident.product_suspected",
    "incident.responded",
    "incident.resolved",
    "incident.reprioritized",
    "incident.chat_started",
    "incident.unknown_thing",
    "outage.started",
    "outage.ended",
    "stop.announced",
    "backup.completed",
    "backup.deleted",
    "nonsense",
    " incident.reported",
    "outage.ended\u3000",
    "\tincident.chat_started ",
    " incident.unknown_thing",
    " ",
]
FIELDS = ["priority", "cause", "attributes", "service", "channel", "start", "end", "kind", "zone", "primary_zone"]

ODD_TIMES = [
    "2026-11-02T10:00:00+09:00",
    "2026-11-02T10:00:00Z",
    "2026-11-02T01:00:00+00:00",
    "2026-11-02T10:00:00-05:30",
    "2026-11-02T10:00:00.5+09:00",
    "2026-11-02T10:00:00.123456+09:00",
    "2026-11-02T10:00:00.1234567+09:00",
    "2026-11-02T10:00:00.+09:00",
    "2026-11-02T23:59:59.999999-23:59",
    "2026-11-02t10:00:00z",
    "2026-11-02 10:00:00+09:00",
    "2026-11-02T10:00:00+24:00",
    "2026-11-02T10:00:00+09:60",
    "2026-11-02T10:00:00",
    "2026-11-02",
    "2026-02-30T10:00:00+09:00",
    "2026-11-02T24:00:00+09:00",
    "2026-11-02T10:00:60+09:00",
    "2026-11-02T10:00:00+0900",
    "２０２６-11-02T10:00:00+09:00",
    "1793581200",
    "",
    " 2026-11-02T10:00:00+09:00",
    "2026-11-02T10:00:00Z\t",
    "\u30002026-11-02T10:00:00.5+09:00\u00a0",
    " 2026-11-02T10:00:00",
    "  ",
]
_times = st.one_of(
    st.sampled_from(ODD_TIMES),
    st.builds(
        "2026-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}{}{}".format,
        st.integers(1, 12),
        st.integers(1, 28),
        st.integers(0, 23),
        st.integers(0, 59),
        st.integers(0, 59),
        st.sampled_from(["", ".0", ".25", ".000001", ".999999", ".3333333"]),
        st.sampled_from(["Z", "+09:00", "-05:00", "+05:45", "+00:00", "-00:00"]),
    ),
)
_words = st.sampled_from(["P1", "P2", "INC-1", "INC-2", "OUT-1", "database", "email", "az-a", "force_majeure"])
ODD_WORDS = ["", " ", " P1", "P1 ", "\tINC-1", "INC-1\u3000", "\u00a0x", "x\u0085", "\u200bx", "\x1cx", "é", "\n"]
_odd_words = st.sampled_from(ODD_WORDS)
_texts = st.one_of(_words, _words, _odd_words, st.text(max_size=4))
_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=False), _texts)
_attributes = st.one_of(
    st.none(),
    st.dictionaries(st.sampled_from(["plan", "region", " plan", ""]), _texts, max_size=2),
    st.just("plan"),
    st.just({"plan": 1}),
)


def _value_text(value: Any, draw: Any) -> str:
    """``value`` as JSON text, sometimes with its non-ASCII (or all) characters as \\u escapes."""
    return json.dumps(value, ensure_ascii=draw(st.booleans()))


_GOOD: dict[str, Any] = {
    "priority": "P1",
    "cause": "force_majeure",
    "attributes": {"plan": "premium"},
    "service": "web",
    "channel": "email",
    "start": "2026-11-05T22:00:00+09:00",
    "end": "2026-11-06T00:00:00+09:00",
    "kind": "database",
    "zone": "az-c",
    "primary_zone": "az-a",
}


def _hard(field: str, draw: Any) -> Any:
    """A value for ``field`` that the fast path may or may not take."""
    if field in ("at", "start", "end"):
        return draw(st.one_of(_times, _scalars))
    if field == "attributes":
        return draw(_attributes)
    if field == "event":
        return draw(st.one_of(st.sampled_from(TYPES), _scalars))
    return draw(st.one_of(_words, _odd_words, _scalars))


@st.composite
def _event_line(draw: Any) -> str:
    etype = draw(st.sampled_from(TYPES))
    event: dict[str, Any] = {"event": etype, "at": draw(_times), "id": draw(_words)}
    for field in PAYLOAD.get(etype, ()):
        if draw(st.integers(0, 4)):
            event[field] = _GOOD[field]
    for _ in range(draw(st.integers(0, 2))):  # a few fields changed, added or left out
        field = draw(st.sampled_from(["event", "at", "id", *FIELDS]))
        if draw(st.integers(0, 4)):
            event[field] = _hard(field, draw)
        else:
            event.pop(field, None)
    pairs = [(k, _value_text(v, draw)) for k, v in event.items()]
    extra = draw(
        st.sampled_from(
            [
                None,
                '"note": "line one\\nline two"',
                '"n": 123456789012345678901234567890',
                '"n": 1e308',
                '"n": 1e400',
                '"deep": ' + "[" * 300 + "]" * 300,
                '"deeper": ' + "[" * 1100 + "]" * 1100,
                '"s": "\\ud83d\\ude00 \\u00e9"',
                '"s": "\\ud800"',
                '"s": "tab\\there"',
            ]
        )
    )
    if extra is not None:
        key, value = extra.split(": ", 1)
        pairs.append((json.loads(key), value))
    pairs = draw(st.permutations(pairs))
    if pairs and draw(st.integers(0, 5)) == 0:  # a key twice: the last one counts, in both paths
        key, _ = draw(st.sampled_from(pairs))
        pairs.append((key, _value_text(_hard(key, draw) if key in _GOOD or key in ("event", "at", "id") else 1, draw)))
    sep = draw(st.sampled_from([", ", ",", " , "]))
    return "{" + sep.join(f"{json.dumps(k)}: {v}" for k, v in pairs) + "}"


_odd_lines = st.sampled_from(
    [
        "",
        "   ",
        "\t",
        "\x0c",
        "# a comment",
        "   # indented comment",
        "[]",
        "42",
        '"text"',
        "null",
        "{",
        "{}",
        '{"event": "incident.responded"} {"x": 1}',
        '{"event": "incident.responded",}',
        "NaN",
    ]
)


@st.composite
def _log(draw: Any) -> bytes:
    lines = draw(st.lists(st.one_of(_event_line(), _event_line(), _event_line(), _odd_lines), max_size=25))
    ends = [draw(st.sampled_from(["\n", "\n", "\r\n", " \n"])) for _ in lines]
    data = b"".join(line.encode() + end.encode() for line, end in zip(lines, ends, strict=True))
    if draw(st.booleans()) and lines:
        data = data.rstrip(b"\r\n")  # no end of line after the last line
    if draw(st.integers(0, 9)) == 0:
        data = b"\xef\xbb\xbf" + data
    if data and draw(st.integers(0, 9)) == 0:  # a byte that is not UTF-8, somewhere
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x80"])) + data[at:]
    if draw(st.integers(0, 49)) == 0:  # a line over the cap
        at = draw(st.integers(0, len(lines)))
        parts = data.split(b"\n")
        parts.insert(min(at, len(parts)), b'{"x": "' + b"a" * MAX_LINE_BYTES + b'"}')
        data = b"\n".join(parts)
    return data


def reference(data: bytes, source: str, compressed: str | None = None) -> tuple[EventLog, list[Problem]]:
    """Every line to the models: what the reader must file, and the problems it must find (``compressed``: the
    compression the reader reads it through, which the help of a line not UTF-8 decompresses first)."""
    log = EventLog(source)
    for lineno, raw in enumerate(io.BytesIO(data), 1):
        if len(raw) > MAX_LINE_BYTES:
            code, message, hint, fatal = too_long(len(raw), "bytes")
            log.problems.append(problem(source, lineno, code, message, hint, fatal=fatal))
            continue
        if raw.startswith(b"\xef\xbb\xbf"):  # (at any line: logs merged by `cat`)
            raw = raw[3:]
        text = raw.strip()
        if not text or text[:1] == b"#":
            continue
        try:
            value = orjson.loads(text)
        except (orjson.JSONDecodeError, UnicodeDecodeError) as exc:
            log.problems.append(_json_problem(source, lineno, text, exc, compressed))
            continue
        repeated = repeated_problem(source, lineno, text, value)  # a key given twice: not read at all
        if repeated is not None:
            log.problems.append(repeated)
            continue
        ev, problems = validate_mapping(value, source, lineno, DECLARED)
        if ev is None:
            log.problems.extend(problems)
        else:
            log.add_event(ev, lineno)
    return log, in_line_order(log.problems)


def read(stream: io.BufferedReader | Any, source: str) -> tuple[EventLog, list[Problem]]:
    """What ``read_jsonl`` files and finds (the problems it raises or leaves pending)."""
    log = EventLog(source)
    try:
        read_jsonl(stream, source, log=log, defer=True, declared=DECLARED)
    except EventInputError as exc:
        return log, exc.problems
    return log, in_line_order(log.problems)


def _same(got: tuple[EventLog, list[Problem]], want: tuple[EventLog, list[Problem]]) -> None:
    (log, problems), (ref, ref_problems) = got, want
    for family, expected in zip(log.groups, ref.groups, strict=True):
        assert list(family.items()) == list(expected.items())  # ids in the same order too
    assert log.count == ref.count
    assert problems == ref_problems


@settings(max_examples=400, deadline=None)
@given(_log())
def test_fast_paths_file_what_the_models_file(data: bytes) -> None:
    _same(read(io.BufferedReader(io.BytesIO(data)), "ev.jsonl"), reference(data, "ev.jsonl"))


@settings(max_examples=60, deadline=None)
@given(_log())
def test_gzip_log_reads_as_the_plain_one(data: bytes) -> None:
    stream = uncompressed(io.BufferedReader(io.BytesIO(gzip.compress(data))))
    _same(read(stream, "ev.jsonl.gz"), reference(data, "ev.jsonl.gz", "gzip"))


def test_every_odd_time_and_word_in_every_place() -> None:
    lines = []
    for value in ["2026-11-02T10:00:00+09:00", *ODD_TIMES]:
        for place in ("at", "start", "end"):
            stop = {"event": "stop.announced", "at": "2026-11-01T10:00:00+09:00", "id": "S-1", **_GOOD}
            lines.append(json.dumps({**stop, place: value}))
    for word in ["P1", *ODD_WORDS]:
        for place in ("id", "priority", "cause"):
            event = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "INC-1", "priority": "P1"}
            lines.append(json.dumps({**event, place: word}))
        lines.append(json.dumps({**event, "attributes": {"plan": word}}))
        lines.append(json.dumps({**event, "attributes": {word: "premium"}}))
    data = "\n".join(lines).encode()
    _same(read(io.BufferedReader(io.BytesIO(data)), "ev.jsonl"), reference(data, "ev.jsonl"))
