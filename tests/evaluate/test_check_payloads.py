"""The policy checks of a read log (E120-E122, E130, E128) read each family's distinct payloads once.

``check_log`` gathers the values used from the distinct payloads of a family (one pass in C)
and tells the types apart by a payload's length; a record taken out by one check leaves its
payload in that set, so the next checks must look again at the records still filed before
they file a problem. These cases pin both: every checked field of every type is found and
located, and a record with two unknown values has both reported (one run lists every problem),
the record taken out once every check has seen it.
"""

from __future__ import annotations

import pytest

from sla_dsl.evaluation.select import PAYLOAD_SIZES, distinct_payloads
from sla_dsl.events.schema import BUILTIN_COUNT, FAMILY_OF, PAYLOAD_BY_CODE, TYPES
from sla_dsl.reader import EventInputError

from .helpers import ev, run


def problems(events: list[dict[str, object]]) -> list[tuple[int | None, str, str]]:
    with pytest.raises(EventInputError) as info:
        run(events)
    return [(p.line, p.code, p.message) for p in info.value.problems]


def test_a_payload_length_names_its_type_within_its_family() -> None:
    for code in range(BUILTIN_COUNT):
        if PAYLOAD_BY_CODE[code]:
            assert PAYLOAD_SIZES[(FAMILY_OF[code], len(PAYLOAD_BY_CODE[code]))] == code, TYPES[code]


def test_every_checked_field_of_every_type_is_found_and_located() -> None:
    events = [
        ev("incident.reported", "2026-11-02 10:00", "I", priority="P2"),
        ev("incident.reprioritized", "2026-11-02 11:00", "I", priority="P7"),
        ev("incident.reported", "2026-11-03 10:00", "J", priority="P2", cause="gremlins"),
        ev("backup.completed", "2026-11-02 02:00", "B", kind="database"),
        ev("backup.deleted", "2026-11-03 02:00", "B", kind="tape"),
        ev("outage.started", "2026-11-02 02:00", "O", service="teleport"),
    ]
    found = problems(events)
    assert [(line, code) for line, code, _ in found] == [(2, "E120"), (3, "E122"), (5, "E121"), (6, "E130")]
    assert "`P7` in `incident.reprioritized`" in found[0][2]
    assert "`tape` in `backup.deleted`" in found[2][2]


def test_a_record_with_two_unknown_values_has_both_reported() -> None:
    events = [
        ev("incident.reported", "2026-11-02 10:00", "I", priority="P9", cause="gremlins"),
        ev("outage.started", "2026-11-02 02:00", "O", cause="gremlins", service="teleport"),
        ev("incident.reported", "2026-11-02 10:00", "K", priority="P2", attributes={"colour": "red"}),
    ]
    found = problems(events)
    # I: unknown priority and cause; O: unknown cause and service; K: an attribute no version declares
    assert [(line, code) for line, code, _ in found] == [
        (1, "E120"),
        (1, "E122"),
        (2, "E122"),
        (2, "E130"),
        (3, "E128"),
    ]


def test_the_distinct_payloads_of_a_family() -> None:
    recs = [(0.0, 0, ("P1", None, None), 1), (1.0, 2, (), 2), (2.0, 0, ("P1", None, None), 3)]
    assert distinct_payloads({"A": recs[:2], "B": recs[2:]}) == {("P1", None, None), ()}
