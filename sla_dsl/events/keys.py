"""A JSON object that names one key twice: found, never resolved in silence.

Design notes
------------
* ``{"priority": "P1", "priority": "P2"}`` is JSON a parser reads without a word
  (orjson and ``json`` keep the last value): which value the writer meant is
  unknown, as with a CSV header or a table naming a column twice (E110, E115).
  So every reader of JSON text refuses it, naming the key: a JSON Lines line
  (E100), the JSON text of an ``attributes`` cell, and an Arrow ``map`` cell
  holding one key twice.
* orjson has no hook for a repeated key, and the JSON Lines reader is the hot
  path, so a line is first screened at C speed (:func:`may_repeat`): an object
  of ``n`` keys written without a repeat holds at least ``n - 1`` commas, and
  one with a repeat at least ``n`` (the keys it has, plus the one repeated).
  A line with exactly ``n - 1`` commas has no repeated key at any depth: its
  commas are all the separators of its own keys, so no nested object or array
  has two members. Only the other lines (an ``attributes`` object, a comma in a
  value) are looked at again (:func:`repeated_key`): a second screen counts
  ``":`` against the keys of the object and of the objects in it, and only
  when that does not settle it (a key spaced from its colon, ``":`` inside a
  string, an object deeper down) is the text parsed again by ``json`` with a
  hook that sees every key.
* orjson reads 1,024 levels of nesting, ``json`` fewer (Python's recursion
  limit): a text too deep for ``json`` is walked token by token instead
  (:data:`TOKEN`), with the same answer, never a traceback.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import PicklesAsIs

__all__ = ["TOKEN", "RepeatedKey", "may_repeat", "repeated_key", "unique_pairs"]

#: A JSON string (its escapes passed over) or one of the characters that open, close or separate values.
TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[][{}:,]', re.DOTALL)


class RepeatedKey(PicklesAsIs, ValueError):
    """A JSON object names ``key`` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(f"key `{key}` is given more than once")
        self.key = key


def unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json``: the object as a dict, or :class:`RepeatedKey` for its first
    key named twice."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise RepeatedKey(key)
            seen.add(key)
    return out


def may_repeat(raw: bytes, data: dict[str, Any]) -> bool:
    """The cheap screen: False when the JSON object text ``raw`` (decoded to ``data``) cannot name a key
    twice, True when :func:`repeated_key` must look (see the design notes)."""
    return raw.count(b",") + 1 != len(data)


#: A key spaced from its colon (JSON's whitespace): the ``":`` count of the second screen misses it.
_SPACED = (b" :", b"\t:", b"\r:", b"\n:")


def repeated_key(raw: bytes | str, data: dict[str, Any]) -> str | None:
    """The first key named twice in one object of the JSON object text ``raw`` (already decoded to
    ``data`` by a parser that keeps the last value), or None."""
    text = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    keys = len(data)
    for value in data.values():
        if type(value) is dict:
            keys += len(value)
    # Each key written with its colon right after it holds one ``":``; more of them than the keys found
    # is a key repeated, or ``":`` inside a string: only then, or with a key spaced from its colon,
    # is the text parsed again.
    if text.count(b'":') == keys and not any(s in text for s in _SPACED):
        return None
    try:
        json.loads(text, object_pairs_hook=unique_pairs)
    except RepeatedKey as exc:
        return exc.key
    except RecursionError:
        return _deep_repeated_key(text)
    except ValueError:
        return None  # (the caller's parser took it: not said twice)
    return None


def _deep_repeated_key(text: bytes) -> str | None:
    """:func:`repeated_key` of a valid JSON text nested deeper than ``json`` parses, without recursion:
    the same key (an object's first key named twice, the first object closed with one)."""
    keys: list[set[str]] = []  # of each value still open (an array's stays empty)
    twice: list[str | None] = []
    last = b""
    for match in TOKEN.finditer(text):
        token = match.group()
        if token in (b"{", b"["):
            keys.append(set())
            twice.append(None)
        elif token in (b"}", b"]"):
            keys.pop()
            key = twice.pop()
            if key is not None:
                return key
        elif token == b":":
            name: str = json.loads(last)  # the key, the string just before its colon
            if name in keys[-1] and twice[-1] is None:
                twice[-1] = name
            keys[-1].add(name)
        last = token
    return None
