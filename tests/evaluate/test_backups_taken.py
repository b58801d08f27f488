"""How many backups of each kind completed in the period: counted once where the partitions meet.

The summary reads a continuous backup kind with none in the period as not verified
(``tests/report/test_summary_continuous_none_taken.py``), from ``Report.backups_taken``, which the
evaluator fills when it judges the backups. Backups are judged where the partials meet
(:func:`sla_dsl.evaluation.partition.finish`), so a log judged in partitions by id counts what one run
counts; the count is each id's first completion in the period, and the JSON's last key (``backups_taken``),
so a report read back from its JSON reads the same.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.partition import finish, judge_partition, merge
from sla_dsl.events.reader import read_jsonl
from sla_dsl.events.schema import EventLog

from .helpers import ROOT, TZ, policy

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
START, END = dt.datetime(2026, 11, 1, tzinfo=TZ), dt.datetime(2026, 12, 1, tzinfo=TZ)
LINES = [x for x in EXAMPLE.read_text("utf-8").splitlines() if x.strip() and not x.startswith("#")]
#: a continuous backup completed again (only the first counts) and one in October (outside the period)
MORE = [
    {"event": "backup.completed", "at": "2026-11-02T00:06:00+09:00", "id": "CB-1101-00", "kind": "continuous"},
    {"event": "backup.completed", "at": "2026-10-31T23:00:00+09:00", "id": "CB-OCT", "kind": "continuous"},
]


def _log(lines: list[str]) -> EventLog:
    return read_jsonl(io.BytesIO(("\n".join(lines) + "\n").encode()), "<events>")


def _expected(lines: list[str]) -> dict[str, int]:
    first: dict[str, tuple[str, str]] = {}
    for line in lines:
        e = json.loads(line)
        if e["event"] == "backup.completed" and e["id"] not in first:
            first[e["id"]] = (e["kind"], e["at"])
    counts: dict[str, int] = {}
    for kind, at in first.values():
        if START <= dt.datetime.fromisoformat(at) < END:
            counts[kind] = counts.get(kind, 0) + 1
    return counts


def test_one_run_counts_each_kind_s_first_completions_in_the_period() -> None:
    lines = LINES + [json.dumps(e) for e in MORE]
    report = judge_log(policy(), _log(lines), START, END).skeleton
    assert report.backups_taken == _expected(lines)
    assert report.backups_taken["continuous"] == sum('"continuous"' in x for x in LINES)
    assert report.model_dump(mode="json")["backups_taken"] == _expected(lines)


@pytest.mark.parametrize("seed", range(5))
def test_a_partitioned_run_counts_what_one_run_counts(seed: int) -> None:
    lines = LINES + [json.dumps(e) for e in MORE]
    rnd = random.Random(seed)
    n = rnd.randint(2, 4)
    ids = sorted({json.loads(x)["id"] for x in lines})
    where = {ident: rnd.randrange(n) for ident in ids}
    parts = [[x for x in lines if where[json.loads(x)["id"]] == k] for k in range(n)]
    partials = [judge_partition(policy(), _log(p), START, END) for p in parts]
    merged = finish(policy(), merge(partials), START, END)
    one = judge_log(policy(), _log(lines), START, END)
    assert merged.skeleton.backups_taken == one.skeleton.backups_taken == _expected(lines)
