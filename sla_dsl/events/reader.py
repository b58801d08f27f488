"""Read event logs (JSON Lines; CSV: :mod:`.csv_reader`; Parquet and Arrow: :mod:`.arrow_files`) into an
:class:`.EventLog`.

Design notes
------------
* Streaming: the log is read line by line, each line at most
  :data:`MAX_LINE_BYTES` long (:mod:`.lines`: the bounded reader, the cap, and
  gzip, bzip2 and xz logs read as they are decompressed), and each event is
  filed in compact form at once; nothing holds the whole text. Except a plain
  JSON Lines file of a size :func:`~.lines.columns_worth` takes: Arrow's JSON
  reader parses it in C++ and its columns are filed whole (:mod:`.jsonl_columns`),
  each row they cannot take filed here from its line (:func:`jsonl_by_columns`);
  a file Arrow would read otherwise than the lines is read line by line after
  all, so the meaning and every message are this module's (and a progress bar
  the columns moved goes on from there, not back: :class:`~.collect.Shown`).
* Two paths to one meaning: the fast path (:mod:`.fast`) files the common,
  well-formed line with plain Python; anything else goes to the pydantic
  models, which decide and word the error (:mod:`.validate`).
* Every bad line is reported (not only the first) as a :class:`Problem`
  ``file:LINE: error: [E1xx] message`` filed in the log; at the end the log
  settles them (:mod:`.problems`): all raised as one :class:`EventInputError`,
  or with ``skip_invalid`` their lines left out and listed in
  ``EventLog.skipped``. With ``defer`` the reader leaves them pending, for the
  evaluator to settle together with its own check of the values the policy
  must know (priorities, backup kinds, causes): one run, every problem, in
  line order. A log that could not be read to its end is settled at once.
* JSON Lines: blank lines and lines whose first non-blank character is ``#``
  are ignored (CSV: before its header only). A UTF-8 byte-order mark is
  accepted at the start of any line (logs merged by ``cat``, each with its
  mark). Whether a log is CSV, and reading it: :mod:`.csv_reader`; a first line
  that names the columns otherwise than a CSV header is read is one E110 on
  its line (past blank, comment or byte-order-mark lines: not always line 1;
  not an E100 for each line), and a log whose first lines are none of them JSON
  stops after :data:`_MOST_ALIKE` of them.
* A key of no field is an extra field, kept out of the verdicts; except a
  field of the contract written otherwise (``" cause"``, ``"Cause"``, with no
  value under ``cause``) and an attribute split out of ``attributes``
  (``"attributes.plan"``): E109 at its line (:func:`misnamed_problems`), as a
  table's columns (E115) and a CSV header (E110) are refused, for every reader
  of JSON (the lines, Arrow's columns, :func:`iter_events`, the API's dicts).
  Only a line with a key outside the contract is looked at (one subset test
  of its keys, at C speed).
* ``orjson`` parses JSON (about 5x faster here than ``json``); it accepts
  exactly standard JSON.
* The API's events (:func:`log_from`): a dict event whose text field is
  bytes (an ``id`` of ``b"INC-1"``) is E106, as a number is and as a bytes
  cell of a table is (:mod:`.arrow`): the models would decode it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import orjson

from ..files import collector_paused
from ..i18n import CATALOGUE, message
from ..lang.diagnostics import Both, Code, Words, listing, policy_language, words
from ..lang.plain import Declared
from .collect import Progress, Shown, _Collector, _file_name
from .csv_reader import _is_header, first_line, header_like, read_csv
from .fast import HOUR_OF, REST_OF, fast_epoch, fast_payload, inside, plain
from .fields import BLANKS, CONTRACT_KEYS, KNOWN_FIELDS, flattened_key, meant_field
from .keys import may_repeat, repeated_key
from .lines import (
    MAX_LINE_BYTES,
    READ_ERRORS,
    NotText,
    UnreadableCompression,
    bounded_lines,
    columnar_magic,
    columns_worth,
    compressed_as,
    decompress_tool,
    drop_rest,
    foreign_text,
    is_columnar_path,
    not_utf8,
    not_utf8_help,
    piped_table,
    read_failure,
    refuse_foreign,
    text_stream,
    too_long,
    uncompressed,
)
from .models_given import unvalidated
from .problems import EventInputError, Problem, cannot_read, not_events, problem
from .read_again import cells_again, items_again
from .schema import (
    BUILTIN_COUNT,
    CODE,
    FAMILY_OF,
    PAYLOAD_BY_CODE,
    STRAY_BY_CODE,
    BaseEvent,
    EventLog,
    Rec,
    declare_types,
    event_type,
)
from .validate import ARRAY_HELP, blank_row, file_refused, kind_of, no_values_as_none, unknown_type, validate_mapping

if TYPE_CHECKING:
    from ..policy.compiled import Policy

__all__ = [
    "MAX_LINE_BYTES",
    "EventInputError",
    "Problem",
    "Progress",
    "fast_epoch",
    "iter_events",
    "log_from",
    "read_csv",
    "read_events",
    "read_jsonl",
    "read_text",
    "validate_mapping",
]

_loads: Callable[[bytes], Any] = orjson.loads
_JSONError: tuple[type[Exception], ...] = (orjson.JSONDecodeError, UnicodeDecodeError)


def _json_problem(source: str, line: int, raw: bytes, exc: Exception, compressed: str | None = None) -> Problem:
    """The problem of a line orjson refused: not UTF-8 (E113; ``compressed``: the compression the log is
    read through, which its help decompresses first), or not JSON (E100)."""
    bad_text = not_utf8(raw)
    if bad_text is not None:
        return problem(source, line, "E113", bad_text, not_utf8_help(source, compressed))
    hint = ARRAY_HELP if raw[:1] == b"[" or raw.rstrip(b",") in (b"{", b"}", b"]") else None
    if isinstance(exc, json.JSONDecodeError):
        msg = _WHERE.sub("", exc.msg)  # the column is said apart; a ':' of the message itself stays
        said = json_detail(msg[0].lower() + msg[1:] if msg[1:2].islower() else msg)  # (not `uTF-8`)
        detail = Code(said) if isinstance(said, str) else said  # (orjson's own English, quoted in Japanese)
        return problem(source, line, "E100", words("events.E100.at", detail=detail, column=str(exc.colno)), hint)
    return problem(source, line, "E100", words("events.E100.plain", detail=Code(str(exc))), hint)


#: The place a JSON decoder may put after its message (``: line 1 column 6 (char 5)``).
_WHERE = re.compile(r": line \d+ column \d+ \(char \d+\)$")


def _json_details() -> dict[str, Words]:
    """What orjson says of a line it refuses (its English, as the catalogue's ``events.json.*`` has it)
    -> the catalogue's words for it."""
    said = [words(k) for k, m in CATALOGUE.items() if k.startswith("events.json.") and "{" not in m.en]
    said += [words("events.json.literal", literal=Code(v)) for v in ("null", "true", "false")]  # `null` in ja
    said += [words("events.json.comma", close=Both(f"`{c}`", f"'{c}'")) for c in "}]"]
    return {w.text("en"): w for w in said}


_JSON_DETAILS = _json_details()


def json_detail(text: str) -> Words | str:
    """orjson's ``text`` about a line, as catalogue words when it is one of its usual messages."""
    return _JSON_DETAILS.get(text, text)


#: Event type -> its code, the group it is filed in, its payload fields, the contract's fields it does not carry.
_Kinds = dict[str, tuple[int, dict[str, list[Rec]], tuple[str, ...], frozenset[str]]]


def read_jsonl(
    stream: IO[bytes],
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    log: EventLog | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
    not_jsonl: bool = False,
) -> EventLog:
    """Read a JSON Lines stream into an :class:`EventLog` (raises EventInputError; see ``defer`` above).

    ``declared``: the event types the policy declares (``event incident.chat_started ...``). ``not_jsonl``:
    a log whose first lines are none of them JSON is no JSON Lines, and its reading stops after them
    (:func:`_not_jsonl`: a log file; a request's body has its own bound on the problems it lists)."""
    mine = declare_types(declared)
    col = _Collector(log or EventLog(source), skip_invalid, defer, mine)
    col.compressed = compressed_as(stream)
    kinds = _kinds(col.log, mine)
    loads = _loads
    count = bytes.count
    known = CONTRACT_KEYS
    hour_of, rest_of = HOUR_OF, REST_OF
    cap = MAX_LINE_BYTES
    filed = 0
    read = 0
    lineno = 0
    try:
        for lineno, raw in enumerate(bounded_lines(stream, b""), 1):
            if progress is not None:
                read += len(raw)
                if lineno % 100_000 == 0:
                    progress(lineno, read)
            if len(raw) > cap:
                if col.too_long(stream, raw, lineno, "bytes"):
                    continue
                break
            try:
                data = loads(raw)
            except _JSONError:
                data = _odd_line(col, raw, lineno)
                if data is _SKIP:
                    if not_jsonl and len(col.log.problems) == _MOST_ALIKE and _not_jsonl(col, stream, lineno):
                        break
                    continue
            if type(data) is dict:
                # A key named twice (orjson keeps the last value): screened at C speed (:mod:`.keys`).
                if count(raw, b",") + 1 != len(data) and _repeats(col, raw, data, lineno):
                    continue
                # A key of no field (most lines have none): a field of the contract written otherwise?
                if not data.keys() <= known and _misnamed(col, data, lineno):
                    continue
            # What _file does, inlined for the common line (a million lines make
            # every step count): a dict of a known type whose ``at`` is in the
            # tables of fast_epoch. Anything else -- not a dict, a missing key, an
            # unknown type, a time not seen before, a fraction of a second, a time
            # outside the supported years (never in the tables: see .fast) --
            # raises a KeyError or a TypeError here and goes to _file, which takes
            # the long way. (Decoding many lines as one JSON array saves orjson
            # calls but measured no faster, and then each line must be proven to
            # hold exactly one value.)
            try:
                code, group, fields, stray = kinds[data["event"]]
                ident = data["id"]
                at = data["at"]
                epoch = hour_of[at[:13]] + rest_of[at[13:]]
            except (KeyError, TypeError):
                filed += _file(col, kinds, exact_id(raw, data), lineno)
                continue
            if type(ident) is str:
                payload = fast_payload(data, code, fields) if fields else ()
                if payload is not None:
                    recs = group.get(ident)
                    if recs is not None:  # a known id was checked when first filed
                        recs.append((epoch, code, payload, lineno))
                    elif ident and not ident[0].isspace() and not ident[-1].isspace():  # plain()
                        group[ident] = [(epoch, code, payload, lineno)]
                    else:
                        col.take(data, lineno)
                        continue
                    filed += 1
                    # (a field of the contract its type does not carry: filed, and noted as unread)
                    if len(data) > 3 and not stray.isdisjoint(data):
                        col.log.note_stray(code, ident, epoch, lineno, data)
                    continue
            col.take(exact_id(raw, data), lineno)
    except READ_ERRORS as exc:
        col.stopped(lineno + 1, exc, stream)
    col.log.count += filed
    return col.finish()


def _kinds(log: EventLog, declared: frozenset[str]) -> _Kinds:
    """The event types a log takes (the contract's and ``declared``), each with where it is filed."""
    groups = log.groups
    return {
        name: (code, groups[FAMILY_OF[code]], PAYLOAD_BY_CODE[code], STRAY_BY_CODE[code])
        for name, code in CODE.items()
        if code < BUILTIN_COUNT or name in declared
    }


def _file_line(col: _Collector, kinds: _Kinds, raw: bytes, lineno: int) -> int:
    """File one line (no longer than the cap) as :func:`read_jsonl` does, the long way: 1 if filed here,
    0 if passed over or handed to take()."""
    try:
        data = _loads(raw)
    except _JSONError:
        data = _odd_line(col, raw, lineno)
        if data is _SKIP:
            return 0
    if type(data) is dict and raw.count(b",") + 1 != len(data) and _repeats(col, raw, data, lineno):
        return 0
    if type(data) is dict and not data.keys() <= CONTRACT_KEYS and _misnamed(col, data, lineno):
        return 0
    return _file(col, kinds, exact_id(raw, data), lineno)


def exact_id(raw: bytes, data: Any) -> Any:
    """``data`` with its ``id`` as the line wrote it when that is an integer too long for 64 bits, which orjson
    reads as a float (its last digits lost): E106's help then gives the value to write, the digits as a
    string, as it does for a shorter one. Read again by :mod:`json`, whose integers have any length, only
    for such a line (an ``id`` that is a float); else ``data`` as it is."""
    if type(data) is not dict or type(data.get("id")) is not float:
        return data
    try:
        exact = json.loads(raw)
    except ValueError:  # (also a number of more digits than Python converts: the help without an example)
        return data
    if type(exact) is dict and type(exact.get("id")) is int:
        return {**data, "id": exact["id"]}
    return data


def jsonl_by_columns(
    path: Path,
    source: str,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
) -> EventLog | None:
    """A plain JSON Lines file read by Arrow (:mod:`.jsonl_columns`), each row it cannot file on columns
    filed here from its line; None when Arrow cannot read the file as the lines would be read (then
    :func:`read_jsonl` reads it)."""
    from .jsonl_columns import read_jsonl_columns

    mine = declare_types(declared)
    col = _Collector(EventLog(source), skip_invalid, defer, mine)
    kinds = _kinds(col.log, mine)

    def line(raw: bytes, lineno: int) -> None:
        filed = _file_line(col, kinds, raw, lineno)  # (which may count the event itself: first)
        col.log.count += filed

    if not read_jsonl_columns(path, col.log, line, progress=progress, declared=mine):
        return None
    return col.finish()


def _file(col: _Collector, kinds: _Kinds, data: Any, lineno: int) -> int:
    """File one decoded line the long way: 1 if filed here, 0 if handed to take()."""
    if type(data) is dict:
        event = data.get("event")
        kind = kinds.get(event) if type(event) is str else None
        ident = data.get("id")
        at = data.get("at")
        if kind is not None and type(ident) is str and type(at) is str:
            code, group, fields, stray = kind
            epoch = fast_epoch(at)
            payload = () if not fields else fast_payload(data, code, fields)
            # (a time outside the supported years: take() files it, noting the time as the line gives it)
            if (
                epoch is not None
                and payload is not None
                and inside(epoch)
                and (group.get(ident) is not None or plain(ident))
            ):
                recs = group.setdefault(ident, [])
                recs.append((epoch, code, payload, lineno))
                if not stray.isdisjoint(data):  # a field of the contract its type does not carry: noted
                    col.log.note_stray(code, ident, epoch, lineno, data)
                return 1
    col.take(data, lineno)
    return 0


_SKIP = object()

#: The lines that are not JSON, from a log's start and no event among them, after which its reading
#: stops (:func:`_not_jsonl`): not one problem for each of a million lines of another format.
_MOST_ALIKE = 20


def _not_jsonl(col: _Collector, stream: Any, lineno: int) -> bool:
    """When every problem of the log so far is a line that is not JSON (E100; :data:`_MOST_ALIKE` of them,
    the last at ``lineno``) and no event was filed, the log is not JSON Lines: file one fatal problem
    at the next line that counts the lines left unread (they are read to be counted, not parsed), and
    say True (the reading stops)."""
    if any(p.code != "E100" for p in col.log.problems) or col.log.count or any(col.log.groups):
        return False
    left, last = 0, b"\n"
    try:
        for piece in iter(partial(stream.read, 1 << 20), b""):
            left += piece.count(b"\n")
            last = piece[-1:]
    except READ_ERRORS as exc:
        col.stopped(lineno + 1, exc, stream)
        return True
    left += last != b"\n"  # (a last line without its end)
    said = words("events.E100.not_jsonl", first=str(_MOST_ALIKE), left=f"{left:,}")
    col.bad(lineno + 1, "E100", said, words("events.E100.not_jsonl.help"), fatal=True)
    return True


def _repeats(col: _Collector, raw: bytes, data: dict[str, Any], lineno: int) -> bool:
    """Whether the line's JSON object names a key twice (then filed as its problem, E100)."""
    problem_ = repeated_problem(col.log.source, lineno, raw, data)
    if problem_ is None:
        return False
    col.log.problems.append(problem_)
    return True


def repeated_problem(source: str, line: int, raw: bytes, data: Any) -> Problem | None:
    """E100 when the JSON object text ``raw`` of ``line`` (decoded to ``data``) names a key twice, else None."""
    if type(data) is not dict or not may_repeat(raw, data):
        return None
    key = repeated_key(raw, data)
    if key is None:
        return None
    return problem(source, line, "E100", words("events.E100.repeated", key=key), words("events.E100.repeated.help"))


def _misnamed(col: _Collector, data: dict[str, Any], lineno: int) -> bool:
    """Whether the line's object gives a field of the contract under another name (then filed as its
    problems, E109: :func:`misnamed_problems`)."""
    found = misnamed_problems(col.log.source, lineno, data)
    col.log.problems.extend(found)
    return bool(found)


#: What each key of no field seen is (a field of the contract written otherwise, :data:`_FLAT`, or None:
#: an extra key): most logs repeat a few such keys on every line.
_KEY_KIND: dict[str, str | None] = {}
_FLAT = "attributes."


def _key_kind(key: str) -> str | None:
    if key in _KEY_KIND:
        return _KEY_KIND[key]
    kind = _FLAT if flattened_key(key) else meant_field(key)
    if len(_KEY_KIND) < 10_000:
        _KEY_KIND[key] = kind
    return kind


def misnamed_problems(source: str, line: int, data: Mapping[Any, Any]) -> list[Problem]:
    """E109 for the keys of an event that give a field of the contract under another name, as a table's
    columns (E115) and a CSV header (E110) are refused: in another case or with blanks around it
    (``Cause``, `` cause``: :func:`~.fields.meant_field`), when the event gives no value under the field's
    own name (else it is an extra key, as any other); and an attribute split out of ``attributes``
    (``attributes.plan``, as ``pd.json_normalize`` writes it). Such a key is no field: its value would be
    left unread in silence (an incident's cause, a premium customer's plan). A key given ``null`` gives
    nothing (as Arrow reads the line: an absent key), and is passed over."""
    fields: list[tuple[str, str]] = []
    flat: list[str] = []
    for key, value in data.items():
        if value is None or type(key) is not str or key in CONTRACT_KEYS:
            continue
        kind = _key_kind(key)
        if kind == _FLAT:
            flat.append(key)
        elif kind is not None and data.get(kind) is None:
            fields.append((key, kind))
    out: list[Problem] = []
    if fields:
        keys = listing([_quoted(k) for k, _ in fields], ", ")
        names = listing([f"`{f}`" for _, f in fields], ", ")
        said = words("events.E109.misnamed", keys=keys)
        out.append(problem(source, line, "E109", said, words("events.E109.misnamed.help", found=keys, names=names)))
    if flat:
        said = words("events.E109.flattened", keys=listing([_quoted(k) for k in flat], ", "))
        given = {k.strip(BLANKS)[len(_FLAT) :]: data[k] for k in flat}
        example = json.dumps({"attributes": given}, ensure_ascii=False, default=str)
        if len(example) > 100:
            example = '{"attributes": {"plan": "premium"}}'
        out.append(problem(source, line, "E109", said, words("events.E109.flattened.help", example=f"`{example}`")))
    return out


def _quoted(key: str) -> str:
    """A key as a message shows it: in backquotes, a character that would break the line escaped."""
    return "`" + json.dumps(key, ensure_ascii=False)[1:-1] + "`"


def _odd_line(col: _Collector, raw: bytes, lineno: int) -> Any:
    """A line orjson did not take as it is: a BOM, blanks, a comment, or not JSON (or not UTF-8)."""
    if raw.startswith(b"\xef\xbb\xbf"):  # (at any line: the trace of logs merged by `cat`, no data)
        raw = raw[3:]
    text = raw.strip()
    if not text or text[:1] == b"#":
        return _SKIP
    try:
        return _loads(text)
    except _JSONError as exc:
        col.log.problems.append(_json_problem(col.log.source, lineno, text, exc, col.compressed))
        return _SKIP


def read_events(
    path: str | Path,
    *,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    defer: bool = False,
    declared: Collection[str] = (),
    policy: Policy | Iterable[Policy] | None = None,
) -> EventLog:
    """Read an event log file (``-`` for stdin): ``.csv`` (or ``.csv.gz`` ...) as CSV, ``.parquet``, ``.arrow``
    and a directory as Arrow (:mod:`.arrow_files`); anything else by its content: CSV when its first line
    (past blank and ``#`` lines) is a CSV header naming ``event``, ``at`` and ``id``, Parquet or Arrow by
    their magic bytes, else JSON Lines.

    A gzip, bzip2 or xz log is read as it is decompressed, known by its first bytes. ``policy``: the
    policy (or its versions) whose declared event types (``event incident.chat_started ...``) the log may
    carry; ``declared``: those types by name. Any other type is an error (E103).
    """
    if policy is not None:
        declared = _declared_by(policy, declared)
    # A log is millions of small acyclic tuples: the cyclic collector would
    # walk them again and again while they are created, for nothing.
    with collector_paused():
        return _read_events(path, skip_invalid=skip_invalid, progress=progress, defer=defer, declared=declared)


def _declared_by(policy: Any, declared: Collection[str]) -> frozenset[str]:
    """The event types ``policy`` (a :class:`~sla_dsl.policy.Policy` or an iterable of its versions)
    declares, with ``declared``; anything else is a TypeError naming it."""
    from ..policy.compiled import Policy, declared_types

    versions = [policy] if isinstance(policy, Policy) else policy
    if isinstance(versions, (str, bytes, os.PathLike, Mapping)) or not isinstance(versions, Iterable):
        raise TypeError(message("author.api.policy_type.reader", "en", kind=type(policy).__name__))
    versions = list(versions)
    if not all(isinstance(p, Policy) for p in versions):
        found = next(type(p).__name__ for p in versions if not isinstance(p, Policy))
        # (in the primary language of the versions given among them, as the API's entries refuse)
        given = [p for p in versions if isinstance(p, Policy)]
        lang = policy_language(min(given, key=lambda p: p.effective).model) if given else "en"
        raise TypeError(message("author.api.version_type.reader", lang, kind=found))
    types = declared_types(versions)
    return Declared.of(types | frozenset(declared), types.zone)


def _is_csv(path: Path) -> bool:
    name = path.name.lower()
    for suffix in (".gz", ".bz2", ".xz"):
        name = name.removesuffix(suffix)
    return name.endswith(".csv")


def _read_events(
    path: str | Path, *, skip_invalid: bool, progress: Progress | None, defer: bool, declared: Collection[str]
) -> EventLog:
    name = str(path)
    opts: dict[str, Any] = {"skip_invalid": skip_invalid, "progress": progress, "defer": defer, "declared": declared}
    try:
        if name == "-":
            name = "<stdin>"
            if sys.stdin is None:  # started with stdin closed (`<&-`)
                raise cannot_read(name, words("events.stdin_closed"))
            stdin = sys.stdin.buffer
            _refuse_columnar_pipe(stdin, name)
            refuse_foreign(stdin)
            return _read_lines(uncompressed(stdin), name, False, opts)
        p = Path(path)
        # Parquet and Arrow IPC by their name, or by their first bytes whatever the name (an export
        # saved as `events.jsonl`, a file with no suffix): never read as lines of text.
        if is_columnar_path(p):
            from .arrow_files import read_arrow  # Parquet and Arrow IPC: pyarrow is imported only for them

            return read_arrow(p, **opts)
        if p.is_file():  # (a pipe must not lose its first bytes: its stream is looked at by peek)
            with p.open("rb") as fh:
                found = foreign_text(fh.read(512))
            if found is not None:
                raise NotText(*found)
        if columns_worth(p):  # a large plain file: read by Arrow in C++ when it can
            shown = Shown(progress) if progress is not None else None
            if _is_csv(p):
                from .csv_columns import csv_by_columns  # (pyarrow is imported only for a large log)

                log = csv_by_columns(p, name, **{**opts, "progress": shown})
            else:
                log = jsonl_by_columns(p, name, **{**opts, "progress": shown})
            if log is not None:
                return _read_again(log, p)
            if shown is not None:  # read again line by line: the bar goes on from where it stands
                opts["progress"] = shown.again(p.stat().st_size)
        with p.open("rb") as fb:
            _refuse_columnar_pipe(fb, name)  # a pipe (`<(cat events.parquet)`): a regular file was known above
            stream = uncompressed(fb)
            if stream is not fb:
                _refuse_compressed_table(stream, name)
            return _read_again(_read_lines(stream, name, _is_csv(p), opts), p)
    except UnreadableCompression as exc:
        code, message, hint = exc.wording()
        raise EventInputError([problem(name, 1, code, message, hint, fatal=True)]) from None
    except NotText as exc:
        code, message, hint = exc.wording(name)
        raise EventInputError([problem(name, 1, code, message, hint, fatal=True)]) from None
    except OSError as exc:
        raise cannot_read(name, exc) from None


def _read_again(log: EventLog, path: Path) -> EventLog:
    """``log``, read from the text file ``path``, asked for a cell it did not note: its line read again
    (:mod:`.read_again`; not a pipe, which would wait for lines that never come)."""
    if path.is_file():
        log.read_again(cells_again(path, _is_csv(path)))
    return log


def _read_lines(stream: IO[bytes], name: str, csv_named: bool, opts: dict[str, Any]) -> EventLog:
    """A log of lines: CSV when its name says so or its first line is a CSV header of events (standard
    input, a pipe, a file named otherwise); else JSON Lines."""
    refuse_foreign(stream)  # (UTF-16 text once decompressed; a file's first bytes were looked at before)
    if not csv_named:
        line, number, stream = first_line(stream)
        csv_named = _is_header(line)
        hint = None if csv_named else header_like(line)
        if hint is not None:  # (a header of another dialect: not one "not JSON" for each line of the log)
            header = [c.strip() for c in next(csv.reader([line.decode("utf-8", "replace")]), [])]
            # (on its own line: after blank or comment lines, or a byte-order mark's line, it is not line 1)
            key = "events.E110.not_csv" if number == 1 else "events.E110.not_csv.later"
            said = words(key, columns=listing([f"`{c}`" for c in header], ", "))
            raise EventInputError([problem(name, number, "E110", said, hint, fatal=True)])
    if not csv_named:
        return read_jsonl(stream, name, **opts, not_jsonl=True)
    text = text_stream(stream)
    try:
        return read_csv(text, name, **opts)
    finally:
        text.detach()


def _refuse_columnar_pipe(stream: Any, name: str) -> None:
    """One fatal E117 when a stream that is not a regular file (stdin, a named pipe) holds Parquet or
    Arrow: they are read from a file, whose end holds the footer."""
    kind = columnar_magic(stream.peek(6)[:6]) if hasattr(stream, "peek") else None
    if kind is None:
        return
    raise EventInputError([piped_table(name, 1, kind, stdin=name == "<stdin>")])


def _refuse_compressed_table(stream: Any, name: str) -> None:
    """One fatal E117 when a compressed log holds Parquet or Arrow (``events.parquet.gz``): it is read
    from a file, not as it is decompressed, and never as lines of text."""
    try:
        kind = columnar_magic(stream.peek(6)[:6])
    except READ_ERRORS as exc:  # (said here: the decompressor has used up the bytes it failed on)
        code, message, hint = read_failure(exc, stream, _file_name(name))
        raise EventInputError([problem(name, 1, code, message, hint, fatal=True)]) from None
    compression = compressed_as(stream)
    if kind is None or compression is None:
        return
    said = words("events.E117.compressed", kind=compression, table=words(f"events.word.{kind.lower()}"))
    hint = words("events.E117.compressed.help", tool=f"`{decompress_tool(compression)} {name}`")
    raise EventInputError([problem(name, 1, "E117", said, hint, fatal=True)])


def iter_events(path: str | Path, *, declared: Collection[str] = ()) -> Iterator[BaseEvent]:
    """Yield each event of a JSON Lines file as a model (raises on the first bad line)."""
    source = str(path)
    mine = declare_types(declared)
    with Path(path).open("rb") as fb:
        try:
            stream = uncompressed(fb)
        except UnreadableCompression as exc:
            code, message, hint = exc.wording()
            raise EventInputError([problem(source, 1, code, message, hint, fatal=True)]) from None
        lines = enumerate(bounded_lines(stream, b""), 1)
        lineno = 0
        while True:
            try:
                lineno, raw = next(lines, (0, b""))
            except READ_ERRORS as exc:
                code, message, hint = read_failure(exc, stream, _file_name(source))
                raise EventInputError([problem(source, lineno + 1, code, message, hint, fatal=True)]) from None
            if not raw:
                return
            if len(raw) > MAX_LINE_BYTES:
                try:
                    length = drop_rest(stream, raw)
                except READ_ERRORS:
                    length = None
                code, message, hint, _ = too_long(length, "bytes")
                raise EventInputError([problem(source, lineno, code, message, hint, fatal=True)])
            text = raw.removeprefix(b"\xef\xbb\xbf").strip()
            if not text or text[:1] == b"#":
                continue
            try:
                data = _loads(text)
            except _JSONError as exc:
                raise EventInputError([_json_problem(source, lineno, text, exc, compressed_as(stream))]) from None
            repeated = repeated_problem(source, lineno, text, data)
            if repeated is not None:
                raise EventInputError([repeated])
            misnamed = misnamed_problems(source, lineno, data) if type(data) is dict else []
            if misnamed:
                raise EventInputError(misnamed)
            ev, problems = validate_mapping(exact_id(text, data), source, lineno, mine)
            if ev is None:
                raise EventInputError(problems)
            yield ev


def _columnar(events: Any) -> bool:
    """A pyarrow, pandas or polars table (or any Arrow stream), read by :mod:`.arrow`."""
    root = type(events).__module__.split(".", 1)[0]
    return root in ("pyarrow", "pandas", "polars") or hasattr(events, "__arrow_c_stream__")


def read_text(text: str, source: str = "<events>", *, fmt: str = "jsonl", declared: Collection[str] = ()) -> EventLog:
    """Read events from a string (tests and small tools)."""
    if fmt == "csv":
        return read_csv(io.StringIO(text, newline=""), source, declared=declared)
    return read_jsonl(io.BytesIO(text.encode()), source, declared=declared)


def log_from(
    events: Any,
    source: str | None = None,
    *,
    declared: Collection[str] = (),
    defer: bool = False,
    skip_invalid: bool = False,
    lang: str = "en",
) -> EventLog:
    """An :class:`EventLog` from an iterable of event models or dicts, a table or DataFrame, a log,
    or the path of a log file (read as :func:`read_events` reads it).

    ``declared``: the event types the policies declare (any other type is an error). Anything else
    (bytes, a number, None, a single dict) is a TypeError saying what is taken, not one problem per
    character or key. A log is handed back as it is: whoever judges it again judges a log of its own
    (:func:`sla_dsl.evaluation.own_log`). ``defer``, ``skip_invalid``: as the readers take them (the
    evaluator settles the problems of the events with its own check of their values, as ``sla
    evaluate`` does: every problem, in order). ``lang``: the language of the TypeError (an API entry's: the
    policy's primary language)."""
    if isinstance(events, EventLog):
        return events
    mine = declare_types(declared)
    kind = type(events).__name__
    if isinstance(events, (str, os.PathLike)):
        return read_events(os.fspath(events), declared=mine, defer=defer, skip_invalid=skip_invalid)
    if _columnar(events):
        from .arrow import read_table

        try:
            return read_table(events, source or "<table>", declared=mine, defer=defer, skip_invalid=skip_invalid)
        except TypeError as exc:  # (a column, not a table: said in ``lang`` as the other types are)
            if lang == "en" or str(exc) != str(not_events(events)):
                raise
            raise not_events(events, lang) from None
    if isinstance(events, Mapping):  # one event, or a mapping of them: its keys would be read as events
        raise TypeError(message("author.api.events_mapping", lang, kind=kind))
    if isinstance(events, (bytes, bytearray, memoryview)) or not isinstance(events, Iterable):
        raise not_events(events, lang)
    log = EventLog(source or "<events>")
    for i, item in enumerate(events, 1):
        line = i
        if isinstance(item, BaseEvent):
            line = item.line or i
            fields = unvalidated(item)
            if fields is None:
                name = event_type(item)
                if CODE.get(name, BUILTIN_COUNT) >= BUILTIN_COUNT and name not in mine:
                    log.problems.append(unknown_type(log.source, line, name, mine))
                    continue
                log.add_event(item, line)
                continue
            item = fields  # (made without validation, ``model_construct``: read as the dict of its fields)
        elif not isinstance(item, Mapping):  # (said in the API's words: no JSON here)
            log.problems.append(_not_an_event(log.source, i, item))
            continue
        if item and blank_row(item):  # a row of empty cells (``df.to_dict("records")`` of a spreadsheet's `,,,`)
            continue  # no event, as the CSV file's row or the DataFrame's (a dict of nothing, `{}`, is E102)
        item = no_values_as_none(item)  # (pandas' NaN, NaT: no value, as a DataFrame's null cell)
        misnamed = misnamed_problems(log.source, line, item)
        if misnamed:  # (``df.to_dict("records")`` of a frame of ``pd.json_normalize``: ``attributes.plan``)
            log.problems.extend(misnamed)
            continue
        given = _bytes_given(item)
        if given:  # text as bytes: refused as a number is (the models would decode it)
            file_refused(log, item, _bytes_problems(log.source, line, item, given), line, mine)
            continue
        ev, problems = validate_mapping(item, log.source, line, mine)
        if ev is None:  # (its values set aside when they can be read: the evaluator checks them too)
            file_refused(log, item, problems, line, mine)
        else:
            log.add_event(ev, line, item)
    if isinstance(events, Sequence):  # (its items looked at again for a time E124 quotes as given)
        log.read_again(items_again(events))
    return log.finish(skip_invalid, defer)


def _not_an_event(source: str, line: int, item: Any) -> Problem:
    """E101 for an item of the API's events that is neither a dict nor an event model: what is taken,
    and for a model or a dataclass of the caller's own, how to pass its fields."""
    if hasattr(type(item), "model_dump"):
        convert: str | None = "item.model_dump()"
    elif hasattr(type(item), "__dataclass_fields__"):
        convert = "dataclasses.asdict(item)"
    else:
        convert = None
    hint = words("events.E101.api.help", convert=convert) if convert else None
    return problem(source, line, "E101", words("events.E101.api", name=type(item).__name__), hint)


#: The text fields of an event: an id, a type's payload that is a name (``priority``, ``channel``...).
_TEXT_FIELDS = ("id", *(f for f in KNOWN_FIELDS if f not in ("attributes", "start", "end")))
_BYTES = (bytes, bytearray, memoryview)


def _bytes_given(item: Any) -> list[str]:
    """The text fields of a dict event (and ``attributes``, when a name or value in it is) given as bytes."""
    if not isinstance(item, Mapping):
        return []
    out = [f for f in _TEXT_FIELDS if isinstance(item.get(f), _BYTES)]
    attrs = item.get("attributes")
    if isinstance(attrs, Mapping) and any(isinstance(x, _BYTES) for kv in attrs.items() for x in kv):
        out.append("attributes")
    return out


def _bytes_problems(source: str, line: int, item: Mapping[str, Any], fields: list[str]) -> list[Problem]:
    """E106 for each of ``fields`` of ``item`` that is given as bytes, not text (an id ``b"INC-1"``),
    as for a number; inside ``attributes``, for the first name or value that is."""
    out: list[Problem] = []
    for f in fields:
        if f != "attributes":
            out.append(problem(source, line, "E106", words("events.E106", field=f, kind=kind_of(item[f])), column=f))
            continue
        for name, value in item[f].items():
            if isinstance(name, _BYTES):
                said = words("events.E106.attribute_name", kind=kind_of(name))
            elif isinstance(value, _BYTES):
                said = words("events.E106.attribute_value", name=str(name), kind=kind_of(value))
            else:
                continue
            out.append(problem(source, line, "E106", said, column=f))
            break
    return out
