""":class:`PolicyWords` finds the version that judged a row by what says which it is, not by the first
version whose name matches.

Two versions that share one ``version`` label are refused by ``sla evaluate`` (the report could not tell
them apart), but the report's words are also built from policies a caller hands them: a compact verdict
names its own policy, a :class:`PolicyRef` a version's name and date, and only a row read back from JSON
its name alone. Here both versions are labelled ``2026.1``; the later one (from Mon 16 Nov) promises 2
business hours instead of 4.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import sla_dsl
from sla_dsl.policy import Policy
from sla_dsl.report import PolicyRef
from sla_dsl.report.words import PolicyWords

from .helpers import POLICY

TZ = ZoneInfo("Asia/Tokyo")


def _twins() -> tuple[Policy, Policy]:
    text = POLICY.read_text("utf-8")
    later = text.replace("effective 2026-04-01", "effective 2026-11-16").replace(
        "respond within 4 business hours", "respond within 2 business hours"
    )
    return sla_dsl.load_policy(text), sla_dsl.load_policy(later)


def test_a_compact_verdict_is_worded_by_its_own_policy() -> None:
    early, late = _twins()
    for start in (dt.date(2026, 11, 1), dt.date(2026, 11, 20)):  # the words of either version's time
        w = PolicyWords([early, late], "en", start)
        for judged in (early, late):
            row = SimpleNamespace(rules=SimpleNamespace(policy=judged, version=judged.version), priority="P1")
            assert w.for_row(row).policy is judged, (start, judged.effective)


def test_a_row_read_back_is_worded_by_the_version_so_named_in_force_at_its_start() -> None:
    early, late = _twins()
    w = PolicyWords([early, late], "en", dt.date(2026, 11, 1))
    after = SimpleNamespace(policy_version="2026.1", clock_start=dt.datetime(2026, 11, 17, 10, tzinfo=TZ))
    before = SimpleNamespace(policy_version="2026.1", clock_start=dt.datetime(2026, 11, 13, 10, tzinfo=TZ))
    assert w.for_row(after).target("P1") == "within 2 business hours"
    assert w.for_row(before).target("P1") == "within 4 business hours"


def test_versions_named_with_their_dates_are_those_versions() -> None:
    early, late = _twins()
    w = PolicyWords([early, late], "en", dt.date(2026, 11, 1))
    ref = PolicyRef(name=late.name, version=late.version, effective=late.effective)
    (only,) = w.during([ref])
    assert only.policy is late and only.target("P1") == "within 2 business hours"
    assert w.version("2026.1", late.effective).policy is late
    assert [x.policy for x in w.during([early.version])] == [early, late]  # a bare name: every one so named


def test_a_report_row_is_worded_by_the_version_so_named_in_force_at_its_start() -> None:
    from sla_dsl.report import OutageRow

    early, late = _twins()
    after = OutageRow.model_construct(policy_version="2026.1", start=dt.datetime(2026, 11, 17, 10, tzinfo=TZ))
    before = OutageRow.model_construct(policy_version="2026.1", start=dt.datetime(2026, 11, 13, 10, tzinfo=TZ))
    unnamed = OutageRow.model_construct(start=dt.datetime(2026, 11, 17, 10, tzinfo=TZ))
    w = PolicyWords([early, late], "en", dt.date(2026, 11, 1))
    assert w.for_row(after).policy is late and w.for_row(before).policy is early
    assert w.for_row(unnamed) is w
    alone = PolicyWords([early], "en", dt.date(2026, 11, 1))  # (one version: whatever the row's start)
    assert alone.for_row(after) is alone and alone.for_row(unnamed) is alone
    other = OutageRow.model_construct(policy_version="2027.1", start=dt.datetime(2026, 11, 17, 10, tzinfo=TZ))
    assert alone.for_row(other) is alone  # (a name no version given has: these words)


def test_the_codes_a_column_holds_are_each_code_once_in_order() -> None:
    import numpy as np

    from sla_dsl.report import _codes_given

    rng = np.random.default_rng(7)
    for n, k in ((0, 1), (1, 1), (50, 3), (1000, 40)):
        kind = rng.integers(0, k, n).astype(np.intp) * 3
        assert _codes_given(kind) == sorted(set(kind.tolist())), (n, k)
