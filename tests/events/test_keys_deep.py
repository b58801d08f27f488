"""A key given twice in a line nested deeper than ``json`` parses: found, never a traceback.

orjson reads 1,024 levels of nesting; the stdlib ``json`` that looks again for a
repeated key hit Python's recursion limit first, and ``sla evaluate`` stopped
with an internal error on such a line.
"""

from __future__ import annotations

import json

import pytest

from sla_dsl.events.keys import RepeatedKey, _deep_repeated_key, repeated_key, unique_pairs
from sla_dsl.events.reader import EventInputError, read_text

HEAD = '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1", '
DEEP = "[" * 1000 + "]" * 1000


def _problems(text: str) -> list[str]:
    with pytest.raises(EventInputError) as exc:
        read_text(text, "log.jsonl")
    return [f"{p.line} {p.code} {p.message}" for p in exc.value.problems]


def test_a_key_given_twice_beside_a_deep_value_is_e100() -> None:
    # `":` inside a string sends the line to the second look, which parses it again
    line = HEAD + '"note": "a\\":b", "x": ' + DEEP + ', "note": "c"}'
    assert _problems(line + "\n") == ["1 E100 key `note` is given more than once in one object"]


def test_a_deep_line_without_a_repeat_is_read_on() -> None:
    line = HEAD + '"note": "a\\":b", "x": ' + DEEP + "}"
    assert read_text(line + "\n", "log.jsonl").count == 1


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "a": {"b": 1, "b": 2}}',
        '{"a": [{"x": 1}, {"x": 2}], "c": {"d": 1, "e": {"f": 1, "f": 2, "e": 3}}, "c": 1}',
        '{"pri\\u006frity": 1, "priority": 2}',
        '{"a": "\\":{[,", "b": 1, "c" : 2, "c": 3}',
        '{"a": "\\\\", "b": [1, 2, {"a": 1}], "a ": 3}',
    ],
)
def test_the_deep_walk_names_the_key_json_names(text: str) -> None:
    try:
        json.loads(text, object_pairs_hook=unique_pairs)
        expected = None
    except RepeatedKey as exc:
        expected = exc.key
    assert _deep_repeated_key(text.encode()) == expected
    assert repeated_key(text, json.loads(text)) == expected
