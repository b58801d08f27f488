"""A report asked of ``sla serve`` again and again leaves no versions behind: the service does not grow
with every look over days.

Each report judges the stored events anew (new :class:`~sla_dsl.evaluation.common.Rules` for its versions).
The evaluator's memos of a version were tables of its modules keyed by ``id(rules)``, which kept the rules
of every report alive for the life of the process; they live on the rules now and die with them. What the
tracker keeps on purpose (its last reports, the live view's versions) is left aside by emptying its cache:
objects are counted, never memory or time.
"""

from __future__ import annotations

import gc
from pathlib import Path

import sqlalchemy as sa

from sla_dsl.evaluation.common import Rules
from sla_dsl.policy import Policy, load_policies
from sla_dsl.serve.ingest import parse_body, unique
from sla_dsl.serve.store import EVENTS as STORED
from sla_dsl.serve.store import Store
from sla_dsl.serve.tracking import FakeClock, Tracker

from .conftest import EVENTS, POLICY, tokyo


def _rules_of(policy: Policy) -> int:
    """How many live :class:`Rules` judge by ``policy``."""
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Rules) and o.policy is policy)


def test_reports_asked_again_and_again_keep_no_versions(tmp_path: Path) -> None:
    (policy,) = load_policies([str(POLICY)])  # (this test's own: no other test holds it)
    store = Store(f"sqlite:///{tmp_path / 'sla.db'}")
    store.migrate()
    with store.engine.begin() as conn:
        conn.execute(sa.delete(STORED))
    clock = FakeClock(tokyo(2026, 12, 10))
    store.add_events(unique(parse_body(EVENTS.read_bytes(), [policy])), clock.now())
    tracker = Tracker(store, [policy], clock)
    month = (tokyo(2026, 11, 1), tokyo(2026, 12, 1))

    def reports(n: int) -> int:
        for k in range(n):  # (each as of another hour: none is the tracker's cached one)
            said = tracker.report(*month, tokyo(2026, 11, 2 + k % 28, k % 24), "text", "en")
            assert said.startswith("Click So-ko: service level report, November 2026")
            tracker.now_view()
        tracker._cache.clear()  # (the reports it keeps on purpose)
        return _rules_of(policy)

    after_one = reports(1)
    assert reports(30) == after_one
