"""Codes given to declared event types by two threads at once (a service loading two policies that
declare types of their own, each judged in its own thread): every type keeps a code of its own.

A code is the number of types known when the type is added: two threads adding types at once could both
take one number, and the events of one type be judged as the other's.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest

from sla_dsl.events import compact


class AddedMeanwhile(list[str]):
    """The list of types, on which another thread declares ``incident.bravo_given`` while the main
    thread is adding ``incident.alpha_given`` (between the code it took and its type added)."""

    def __init__(self, items: list[str]) -> None:
        super().__init__(items)
        self.other: threading.Thread | None = None

    def append(self, name: str) -> None:
        if self.other is None and threading.current_thread() is threading.main_thread():
            self.other = threading.Thread(target=compact.declare_types, args=({"incident.bravo_given"},))
            self.other.start()
            self.other.join(timeout=0.5)  # (it waits for the main thread, or it has added its type)
        super().append(name)


@pytest.fixture
def codes(monkeypatch: pytest.MonkeyPatch) -> AddedMeanwhile:
    """The module's tables of codes as copies, so the types declared here stay out of the process's."""
    types = AddedMeanwhile(list(compact.TYPES))
    monkeypatch.setattr(compact, "TYPES", types)
    table: Any
    for table in ("CODE", "RANK", "FAMILY_OF", "PAYLOAD_BY_CODE", "STRAY_BY_CODE"):
        monkeypatch.setattr(compact, table, type(getattr(compact, table))(getattr(compact, table)))
    return types


def test_two_threads_declaring_types_at_once_give_each_its_own_code(codes: AddedMeanwhile) -> None:
    compact.declare_types({"incident.alpha_given"})
    assert codes.other is not None
    codes.other.join()
    for name in ("incident.alpha_given", "incident.bravo_given"):
        code = compact.CODE[name]
        assert compact.TYPES[code] == name
    assert len(compact.TYPES) == len(compact.RANK) == len(compact.FAMILY_OF) == len(compact.STRAY_BY_CODE)
    assert compact.RANK[compact.CODE["incident.alpha_given"]] < compact.RANK[compact.CODE["incident.bravo_given"]]
