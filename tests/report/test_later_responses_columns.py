"""What the summary leaves to the next period (responses settled at or after ``to``) read on columns.

:func:`sla_dsl.report.settled.later_responses` reads the judged incidents' ``settled`` column (each
incident's :func:`~sla_dsl.report.settled.response_settled`, :meth:`~sla_dsl.evaluation.result.Verdicts.settled`)
to pass over those settled before ``to``; on random months of incidents (reprioritised after ``to``, open,
excluded, completed on either side of it), it counts exactly what the row by row reading counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.result import Verdicts
from sla_dsl.events.reader import log_from
from sla_dsl.report.settled import later_responses, response_settled

from .test_compact import MONTH, TOKYO, events, policy


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(evs=events(), to_day=st.integers(2, 30), as_of_days=st.integers(0, 25))
def test_later_responses_on_columns_count_as_row_by_row(
    evs: list[dict[str, Any]], to_day: int, as_of_days: int
) -> None:
    end = dt.datetime(2026, 11, to_day, tzinfo=TOKYO)
    as_of = end + dt.timedelta(days=as_of_days)
    result = judge_log([policy()], log_from(evs), MONTH[0], end, as_of)
    judged = result.incidents
    assert isinstance(judged, Verdicts)
    settled = judged.settled()
    assert settled.tolist() == [response_settled(i) for i in judged]
    assert later_responses(judged, end) == later_responses(list(judged), end)
