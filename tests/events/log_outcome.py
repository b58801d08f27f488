"""What reading a log gave, to compare two readers of the same file: the log's records, count, unread
fields and problems, or the problems it was refused for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sla_dsl.events import EventInputError
from sla_dsl.events.schema import EventLog


def outcome(log_of: Callable[[], EventLog]) -> tuple[Any, ...]:
    try:
        log = log_of()
    except EventInputError as exc:
        return ("error", [(p.line, p.code, p.message) for p in exc.problems])
    # (the unread fields in line order: the readers note them in their own orders, and the evaluator
    # never depends on it: evaluation/select.py)
    unread = sorted(log.unread, key=lambda u: (u.line, u.field))
    said = [(p.line, p.code, p.message) for p in (*log.problems, *log.left_out)]
    return ("log", log.groups, log.count, unread, said)
