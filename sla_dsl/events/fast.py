"""The fast path of the readers: a well-formed event line filed with plain Python.

Design notes
------------
* Two paths to one meaning. This path handles the common, well-formed event
  (a JSON object or CSV row of a known type, string fields, ``at`` in the plain
  ``YYYY-MM-DDTHH:MM:SS[.f](Z|±HH:MM)`` form) and returns None for anything
  else, which then goes to the pydantic models of :mod:`.schema`: they decide
  and word the error, so the models are the single definition of what is
  valid. The fast path must therefore accept a subset of what the models
  accept, with the same meaning: an offset is ``±HH:MM`` with HH at most 23 and
  MM at most 59 (``+25:00`` and ``+09:60`` go to the models, which refuse
  them); a test compares the two paths offset by offset.
* Times are turned into POSIX seconds through two tables filled as lines are
  read (the date and hour; the minutes, seconds and offset): most lines of a
  log repeat both, so most times cost two dict look-ups.
* A time outside the supported years (:mod:`~sla_dsl.calendars.bounds`) is
  refused by the evaluator, which quotes it as the line gives it (E123), where
  the log holds an instant: so the fast path leaves such an event to the models,
  and the reader notes its time as given (``EventLog.note_written``), for those
  events alone. The hour table holds only the hours whose every time is inside,
  so the readers' inlined look-up sends the others the long way at no cost to
  the common line.
* Blanks around a value (:data:`~.fields.BLANKS`: ``event, at, id`` in a
  hand-written CSV) are not part of it, for the models as for this path: a
  value with blanks around it is not plain, and an event whose values are
  plain once trimmed (:func:`trimmed_row`) is filed from them here, as the
  models would file it (the collector tries it before the models,
  :meth:`~.collect._Collector.take`), so such a log (a spreadsheet's CSV) keeps
  the line readers' fast path.
* An event with a field of the contract its type does not carry (``attributes``
  on a response, ``priority`` on a backup) is filed here as any other, and its
  caller notes the field as never read (``EventLog.note_stray``, see
  :mod:`.schema`): a ticket system that stamps the priority on every event
  keeps the fast path.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..calendars.bounds import MAX_EPOCH, MIN_EPOCH
from .schema import BLANKS, BUILTIN_COUNT, CODE, KNOWN_FIELDS, PAYLOAD_BY_CODE, attributes_text

_OFFSETS: dict[str, int] = {}
_DAYS: dict[str, int] = {}
_EPOCH_ORD = dt.date(1970, 1, 1).toordinal()


def _offset(text: str) -> int | None:
    """Seconds east of UTC of ``Z`` or ``±HH:MM`` (HH <= 23, MM <= 59, as the models), else None."""
    sec = _OFFSETS.get(text)
    if sec is None:
        if text == "Z":
            sec = 0
        elif len(text) == 6 and text[0] in "+-" and text[3] == ":" and _ascii_digits(text[1:3] + text[4:6]):
            hours, minutes = int(text[1:3]), int(text[4:6])
            if hours > 23 or minutes > 59:
                return None
            sec = (hours * 3600 + minutes * 60) * (1 if text[0] == "+" else -1)
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
    hour = HOUR_OF.get(text[:13])
    if hour is not None:
        rest = REST_OF.get(text[13:])
        if rest is not None:
            return hour + rest
        if text[19:20] == ".":
            end = 20
            while text[end : end + 1] in ASCII_DIGITS:
                end += 1
            rest = REST_OF.get(text[13:19] + text[end:])
            if rest is not None and 21 <= end <= 26:
                frac: float = int(text[20:end]) / 10 ** (end - 20)
                return hour + rest + frac
    return _parse_epoch(text)


ASCII_DIGITS = frozenset("0123456789")


def _ascii_digits(text: str) -> bool:
    """Only the digits 0-9 (``int`` and ``isdigit`` also take other scripts' digits)."""
    return text.isascii() and text.isdigit()


#: ``YYYY-MM-DDTHH`` -> POSIX seconds of that hour in UTC, before the offset
#: (filled as lines are read, like the next table): only the hours whose every time, at any offset,
#: lies inside the supported years (:data:`FIRST_HOUR` to :data:`LAST_HOUR`; see the notes).
HOUR_OF: dict[str, float] = {}
#: ``:MM:SS`` + offset -> seconds into the hour minus the offset's seconds.
REST_OF: dict[str, int] = {}
#: The most an offset moves a time (``±23:59``), and so the hours of :data:`HOUR_OF`: from the hour
#: whose time at the latest offset is the first inside, to the hour whose time at the earliest offset
#: (and a second's fraction under its last) is the last inside.
_MOST_OFFSET = 23 * 3600 + 59 * 60
FIRST_HOUR = MIN_EPOCH + _MOST_OFFSET
LAST_HOUR = MAX_EPOCH - _MOST_OFFSET - 3600


def inside(epoch: float) -> bool:
    """Whether an instant lies inside the supported years, as the evaluator checks it (E123)."""
    return MIN_EPOCH <= epoch <= MAX_EPOCH


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
        while i < len(rest) and rest[i] in ASCII_DIGITS:
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
    if len(HOUR_OF) < 1_000_000 and FIRST_HOUR <= day + h * 3600 <= LAST_HOUR:
        HOUR_OF[text[:13]] = float(day + h * 3600)
    if len(REST_OF) < 100_000:
        REST_OF[text[13:19] + rest] = mi * 60 + s - off
    hour = float(day + h * 3600 - off)
    return hour + mi * 60 + s + frac


def plain(value: Any) -> bool:
    """A non-empty string without surrounding blanks (what the models accept unchanged)."""
    return type(value) is str and value != "" and not value[0].isspace() and not value[-1].isspace()


#: The fields whose text the models trim (every text of the contract but those inside ``attributes``).
_TRIMMED = ("event", "at", "id", *(f for f in KNOWN_FIELDS if f != "attributes"))


def trimmed_row(d: dict[str, Any]) -> dict[str, Any] | None:
    """``d`` with the blanks around its texts of the contract trimmed (``" 2026-11-05T15:04:05+09:00"``,
    ``" incident.reported"``), as the models trim them; None when no such text has any."""
    out: dict[str, Any] | None = None
    for f in _TRIMMED:
        v = d.get(f)
        if type(v) is str and v and (v[0] in BLANKS or v[-1] in BLANKS):
            if out is None:
                out = dict(d)
            out[f] = v.strip(BLANKS)
    return out


_OPTIONAL = {"cause", "zone", "primary_zone", "attributes", "service"}
_SLOW = object()


def fast_attributes(value: Any) -> Any:
    """An incident's ``attributes`` object as :func:`.schema.attributes_text` stores it, or ``_SLOW``
    for anything but an object of plain strings (the models decide, and word the error)."""
    if type(value) is not dict or not all(plain(k) and plain(v) for k, v in value.items()):
        return _SLOW
    return attributes_text(value)


def fast_record(d: Any, declared: frozenset[str] = frozenset()) -> tuple[int, str, float, tuple[Any, ...]] | None:
    """The compact form of a well-formed event mapping, or None to take the slow path.

    ``declared``: the event types the policy declares (any other declared type goes to the slow path,
    which refuses it)."""
    if type(d) is not dict:
        return None
    event = d.get("event")
    code = CODE.get(event) if type(event) is str else None
    ident: str = d.get("id")  # type: ignore[assignment]
    if code is None or not plain(ident) or (code >= BUILTIN_COUNT and event not in declared):
        return None
    epoch = fast_epoch(d.get("at"))
    if epoch is None or not MIN_EPOCH <= epoch <= MAX_EPOCH:
        return None  # (outside the supported years: the models file it, and its time is noted as given)
    fields = PAYLOAD_BY_CODE[code]
    payload = () if not fields else fast_payload(d, code, fields)
    if payload is None:
        return None
    return code, ident, epoch, payload


_STOP = CODE["stop.announced"]


def fast_payload(d: dict[str, Any], code: int, fields: tuple[str, ...]) -> tuple[Any, ...] | None:
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
        elif f == "attributes":
            v = fast_attributes(v)
            if v is _SLOW:
                return None
        elif not plain(v):
            return None
        payload.append(v)
    if code == _STOP and not MIN_EPOCH <= payload[1] < payload[2] <= MAX_EPOCH:
        return None  # an end not after the start, or a time outside the supported years: the models'
    return tuple(payload)
