"""A later month's report does not count again the responses an earlier month's report judged.

December 2026 over the example log has no incident of its own: it lists the November incidents still
open at 1 December (the contract), and its violations hold the four P3 breaches due in December (a
breach due before ``from`` is not listed again). Its summary said P1 4/4, P2 7/10, P3 7/12: eight
breaches where the violations list has four. Now it counts only the responses not settled before 1
December (P3 0 of 4), and says how many listed incidents were judged in an earlier period; the JSON
rows are those they were. The trend counts each response in one month: November's column is November's
report as of its end, December's the rest, and the months of a two-month report add up to its summary.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import re
from collections import Counter
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation.incidents import Incident
from sla_dsl.evaluation.result import Verdicts
from sla_dsl.evaluation.trend import Span, incident_tallies

from .helpers import EXAMPLE, POLICY, sla

DECEMBER = ["--from", "2026-12-01", "--to", "2027-01-01"]


def _out(*args: str, fmt: str = "text", lang: str = "en") -> str:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *args, "--format", fmt, "--lang", lang)
    assert code == 0, err
    return out


def _summary(out: str) -> dict[str, list[str]]:
    lines = out.split("\n\n")[1].splitlines()[2:]
    return {r[0]: r[1:] for r in (re.split(r"\s{2,}", x.strip()) for x in lines if x.startswith("  ") and "  " in x)}


def test_december_counts_only_what_it_judged() -> None:
    en = _out(*DECEMBER)
    summary = _summary(en)
    assert summary["P1 Priority 1: response"][1:3] == ["nothing to judge", "-"]  # (never "met" over nothing)
    assert summary["P2 Priority 2: response"][1:3] == ["nothing to judge", "-"]
    assert summary["P3 Priority 3: response"][1:3] == ["0 of 4 met (0.0%)", "not met"]
    assert (
        "Note: Incidents listed whose response was judged in an earlier period (counted in that period's report) "
        "are not counted in the responses above: 22." in en
    )
    ja = _out(*DECEMBER, lang="ja")
    assert _summary(ja)["P3 優先度３の応答"][1:3] == ["0/4 件達成（0.0%）", "未達"]
    assert "上の応答の件数に含めていません：一覧の 22 件。" in ja
    assert "この表の件数には、前の期間に応答の判定が確定した 22 件" in ja  # under the incidents table


def test_the_summary_agrees_with_the_violations_and_the_rows_stay() -> None:
    report = json.loads(_out(*DECEMBER, fmt="json"))
    breaches = [v for v in report["violations"] if v["kind"] == "response_breached"]
    assert len(breaches) == 4
    # every incident still listed, with its own verdict (the contract's rows are unchanged)
    listed = Counter((i["priority"], i["status"]) for i in report["incidents"])
    assert listed == {
        ("P1", "met"): 4,
        ("P2", "met"): 7,
        ("P2", "breached"): 3,
        ("P3", "met"): 7,
        ("P3", "breached"): 5,
    }


def test_the_trend_counts_each_response_once() -> None:
    """November to December as one report: the months' figures add up to the summary; December's own
    report: November's column is what November's report said as of its end (21 of 22 for P3)."""
    both = json.loads(_out("--from", "2026-11-01", "--to", "2027-01-01", fmt="json"))
    november, december = both["trend"]
    text = _summary(_out("--from", "2026-11-01", "--to", "2027-01-01"))
    for pid, label in (("P1", "P1 Priority 1"), ("P2", "P2 Priority 2"), ("P3", "P3 Priority 3")):
        n = next(f for f in november["figures"] if f["commitment"] == "response" and f["subject"] == pid)
        d = next(f for f in december["figures"] if f["commitment"] == "response" and f["subject"] == pid)
        met, judged = n["met"] + d["met"], n["judged"] + d["judged"]
        assert text[f"{label}: response"][1].startswith(f"{met} of {judged} met"), (pid, text)
    own = json.loads(_out(*DECEMBER, fmt="json"))["trend"]
    p3 = [next(f for f in m["figures"] if f["subject"] == "P3") for m in own]
    assert [(f["met"], f["judged"]) for f in p3] == [(21, 22), (0, 4)]
    november_alone = _summary(_out("--from", "2026-11-01", "--to", "2026-12-01"))
    assert november_alone["P3 Priority 3: response"][1].startswith("21 of 22 met")


# -- each response in one month of the trend -----------------------------------------------------

EDGES = [1_000_000.0 * k for k in range(5)]
SPANS = [Span(dt.date(2026, 1 + k, 1), a, b) for k, (a, b) in enumerate(itertools.pairwise(EDGES))]


def _incident(k: int, status: str, clock: float, settled: float, completed: float | None) -> Incident:
    return Incident(
        ident=f"I-{k}",
        rules=cast(Any, None),
        priority="P1",
        reported=clock,
        cause=None,
        clock=clock,
        clock_event="incident.reported",
        responded=settled if status == "met" else None,
        due=settled,
        completed=completed,
        status=status,
    )


incidents = st.lists(
    st.tuples(
        st.sampled_from(("met", "breached")),
        st.floats(0, 3_999_999, allow_nan=False),
        st.floats(0, 2_500_000, allow_nan=False),
        st.one_of(st.none(), st.floats(0, 2_500_000, allow_nan=False)),
    ),
    max_size=40,
).map(
    lambda rows: [
        _incident(k, s, clock, clock + settle, None if done is None else clock + done)
        for k, (s, clock, settle, done) in enumerate(rows)
    ]
)


@settings(max_examples=300, deadline=None)
@given(incidents)
def test_every_response_counts_in_exactly_one_month(given_list: list[Incident]) -> None:
    """Incidents whose clock starts in the trend's months, judged (met or breached), completed at any time
    after their clock start or never: each counts once over the months, whatever months list it, but for
    those settled after the last month of incidents not completed by then (the next period's report lists
    them again and counts them, as the report's summary leaves them to it)."""
    tallies = incident_tallies(Verdicts(sorted(given_list, key=lambda i: (i.clock, i.ident))), SPANS)
    judged = sum(t[key].judged for t in tallies for key in t)
    met = sum(t[key].met for t in tallies for key in t)
    end = EDGES[-1]
    done = {i.ident: math.inf if i.completed is None else i.completed for i in given_list}
    here = [i for i in given_list if not (i.due is not None and i.due >= end and done[i.ident] >= end)]
    assert judged == len(here)
    assert met == sum(i.status == "met" for i in here)
