"""The same-day guideline's step says ``open`` until the guideline is decided, never ``not met`` before.

A P1 of Click So-ko reported Tue 10 Nov 10:00 is expected to be answered by 18:00 that day. As of
11:00 with no response the report's ``same_day.met`` is null (undecided), but the explanation step
said ``(not met; a guideline, not a breach)``: both the rows (the Python API) and the columns
(``sla evaluate --format json`` and ``--format parquet``) worded it from ``met`` alone. The step now
says ``open`` while ``met`` is null, as the status step says of a response not yet due (and as
``sla explain`` says ``same-day guideline (open)``); it says ``not met`` once the close has passed
with no answer, or the answer came after it.

Every case is judged in batches and one by one, written from rows and from columns, in one block
(mixed verdicts, so the columns' per-row wording is exercised) and one incident at a time.
"""

from __future__ import annotations

from typing import Any

import pytest

from evaluate.helpers import ev, policy, report_json, t
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from

GUIDE = "same-day guideline: clock started by 14:00 on a business day, answer expected by"
TAIL = "; a guideline, not a breach)"

#: (id, events' (type, time), as of, the step's verdict word, ``same_day.met``)
CASES: list[tuple[str, list[tuple[str, str]], str, str, bool | None]] = [
    ("AHEAD", [("incident.reported", "2026-11-10 10:00")], "2026-11-10 11:00", "open", None),
    # as of the close itself: not yet passed (decided only after it)
    ("AT_CLOSE", [("incident.reported", "2026-11-10 10:00")], "2026-11-10 18:00", "open", None),
    ("PASSED", [("incident.reported", "2026-11-10 10:00")], "2026-11-10 18:01", "not met", False),
    (
        "KEPT",
        [("incident.reported", "2026-11-10 10:00"), ("incident.responded", "2026-11-10 10:30")],
        "2026-11-10 11:00",
        "met",
        True,
    ),
    (
        "LATE",
        [("incident.reported", "2026-11-10 10:00"), ("incident.responded", "2026-11-10 18:30")],
        "2026-11-10 19:00",
        "not met",
        False,
    ),
]


def _step(row: dict[str, Any]) -> str:
    (only,) = [s["text"] for s in row["explain"] if s["text"].startswith("same-day guideline")]
    text: str = only
    return text


def _judged(cases: list[tuple[str, list[tuple[str, str]], str]], as_of: str, batch: bool, columns: bool) -> Any:
    events = [
        ev(kind, at, ident, **({"priority": "P1"} if kind == "incident.reported" else {}))
        for ident, evs, _ in cases
        for kind, at in evs
    ]
    result = judge_log(policy(), log_from(events), t("2026-11-01 00:00"), t("2026-12-01 00:00"), t(as_of), batch=batch)
    return {r["id"]: r for r in report_json(result, columns)["incidents"]}


@pytest.mark.parametrize("columns", [True, False], ids=["columns", "rows"])
@pytest.mark.parametrize("batch", [True, False], ids=["batch", "one_by_one"])
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_the_step_says_open_until_the_guideline_is_decided(
    case: tuple[str, list[tuple[str, str]], str, str, bool | None], batch: bool, columns: bool
) -> None:
    ident, evs, as_of, word, met = case
    row = _judged([(ident, evs, as_of)], as_of, batch, columns)[ident]
    assert row["same_day"] == {"applies": True, "due": "2026-11-10T18:00:00+09:00", "met": met}
    assert _step(row) == f"{GUIDE} Tue 10 Nov 18:00 ({word}{TAIL}"


@pytest.mark.parametrize("batch", [True, False], ids=["batch", "one_by_one"])
def test_one_block_of_mixed_verdicts_words_each_row_and_both_paths_agree(batch: bool) -> None:
    # as of Tue 10 Nov 11:00: Monday's are decided, Tuesday's unanswered one is not
    as_of = "2026-11-10 11:00"
    cases = [
        ("MON_KEPT", [("incident.reported", "2026-11-09 10:00"), ("incident.responded", "2026-11-09 11:00")], as_of),
        ("TUE_OPEN", [("incident.reported", "2026-11-10 10:00")], as_of),
        ("MON_NONE", [("incident.reported", "2026-11-09 10:00")], as_of),
        ("MON_LATE", [("incident.reported", "2026-11-09 10:00"), ("incident.responded", "2026-11-09 19:00")], as_of),
        ("TUE_KEPT", [("incident.reported", "2026-11-10 10:00"), ("incident.responded", "2026-11-10 10:05")], as_of),
    ]
    by_columns = _judged(cases, as_of, batch, True)
    assert by_columns == _judged(cases, as_of, batch, False)
    expected = {
        "MON_KEPT": ("Mon 09 Nov", "met", True),
        "TUE_OPEN": ("Tue 10 Nov", "open", None),
        "MON_NONE": ("Mon 09 Nov", "not met", False),
        "MON_LATE": ("Mon 09 Nov", "not met", False),
        "TUE_KEPT": ("Tue 10 Nov", "met", True),
    }
    got = {i: (_step(r), r["same_day"]["met"]) for i, r in by_columns.items()}
    assert got == {i: (f"{GUIDE} {day} 18:00 ({word}{TAIL}", met) for i, (day, word, met) in expected.items()}
