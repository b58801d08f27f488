"""A backup's ``keep`` in business time counts business time of its calendar, as a target does.

``keep 5 business days`` was added as five elapsed days (the calendar of the duration was
dropped), so a backup deleted after five calendar days but before five business days passed as
kept. Hand-worked on the calendar Mon-Fri 10:00-12:00, 13:00-18:00 with Japanese holidays
(none between 6 and 13 November 2026): a backup completed Fri 6 Nov 01:00 is kept five business
days until Thu 12 Nov 18:00 (Fri, Mon, Tue, Wed, Thu), not Wed 11 Nov 01:00.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from report.helpers import sla

import sla_dsl
from sla_dsl.evaluation.partition import finish, merge
from sla_dsl.lang import model as m
from sla_dsl.policy import Policy
from sla_dsl.scale import judge_table

from .helpers import TZ, t

HEADER = (
    'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n'
    'calendar business "B" {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  holidays JP\n}\n'
    'priority P1 "P1" {\n  respond within 4 business hours\n  complete on incident.resolved\n}\n'
)
START, END = t("2026-11-01 00:00"), t("2026-11-15 00:00")


def policy(keep: str) -> Policy:
    return sla_dsl.load_policy(HEADER + f'backup files "F" {{\n  every 1 day\n  keep {keep}\n}}\n')


def events(completed: str, deleted: str) -> list[dict[str, str]]:
    return [
        {"event": "backup.completed", "at": t(completed).isoformat(), "id": "B1", "kind": "files"},
        {"event": "backup.deleted", "at": t(deleted).isoformat(), "id": "B1", "kind": "files"},
    ]


@pytest.mark.parametrize(
    ("keep", "completed", "deleted", "until", "ok"),
    [
        # the reviewer's case: five business days run to Thu 12 Nov 18:00
        ("5 business days", "2026-11-06 01:00", "2026-11-11 02:00", "2026-11-12 18:00", False),
        ("5 business days", "2026-11-06 01:00", "2026-11-12 18:00", "2026-11-12 18:00", True),
        ("5 days", "2026-11-06 01:00", "2026-11-11 02:00", "2026-11-11 01:00", True),  # elapsed: as before
        # Fri 17:00-18:00 and Mon 10:00-12:00 are three hours: the fourth ends Mon 14:00
        ("4 business hours", "2026-11-06 17:00", "2026-11-09 12:00", "2026-11-09 14:00", False),
        ("4 hours", "2026-11-06 17:00", "2026-11-09 12:00", "2026-11-06 21:00", True),
        # Fri 17:30-18:00, then an hour from Mon 10:00
        ("90 business minutes", "2026-11-06 17:30", "2026-11-09 10:30", "2026-11-09 11:00", False),
    ],
)
def test_keep_counts_time_of_its_calendar(keep: str, completed: str, deleted: str, until: str, ok: bool) -> None:
    report = sla_dsl.evaluate(policy(keep), events(completed, deleted), START, END)
    (row,) = report.retention
    assert (row.keep_until, row.ok) == (t(until), ok)
    assert [v.id for v in report.violations if v.kind == "backup_retention"] == ([] if ok else ["B1"])


@pytest.mark.parametrize("keep", ["5 business days", "4 business hours", "90 business minutes", "3 days"])
def test_keep_ends_where_the_same_target_falls_due(keep: str) -> None:
    """The end of retention is the due time of a target of the same duration from the completion."""
    p = policy(keep)
    report = sla_dsl.evaluate(p, events("2026-11-06 17:30", "2026-11-09 10:30"), START, END)
    rule = p.model.backups[0]
    assert rule.keep is not None
    (row,) = report.retention
    assert row.keep_until == p.due(m.Within(duration=rule.keep), t("2026-11-06 17:30"))


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "policy.sla"
    path.write_text(HEADER + 'backup files "F" {\n  every 1 day\n  keep 5 business days\n}\n', "utf-8")
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events("2026-11-06 01:00", "2026-11-11 02:00")), "utf-8")
    return path, log


PERIOD = ["--from", "2026-11-01", "--to", "2026-11-15", "--no-trend"]


def test_the_words_of_the_step_the_report_and_explain(files: tuple[Path, Path]) -> None:
    path, log = files
    code, out, err = sla("evaluate", path, log, *PERIOD, "--format", "json")
    assert code == 0, err
    (row,) = json.loads(out)["retention"]
    assert row["keep_until"] == "2026-11-12T18:00:00+09:00" and row["ok"] is False
    assert [s["text"] for s in row["explain"]] == [
        "files backup completed Fri 06 Nov 01:00",
        "keep 5 business days: until Thu 12 Nov 18:00",
        "deleted Wed 11 Nov 02:00: too early, retention violated",
    ]
    said = {
        "ja": ("F：11月6日(金) 01:00 取得分を 11月11日(水) 02:00 に削除（保存期限 11月12日(木) 18:00）", "5営業日保存"),
        "en": ("F taken Fri 6 Nov 01:00 deleted Wed 11 Nov 02:00, before Thu 12 Nov 18:00", "kept 5 business days"),
    }
    for lang, (violation, rule) in said.items():
        code, out, err = sla("evaluate", path, log, *PERIOD, "--lang", lang)
        assert code == 0, err
        assert violation in out and rule in out
    explained = {
        "ja": "11月12日(木) 18:00  保存期限（5営業日保存）",
        "en": "Thu 12 Nov 18:00  end of retention (5 business days)",
    }
    for lang, line in explained.items():
        code, out, err = sla("explain", path, log, "B1", *PERIOD[:4], "--lang", lang)
        assert code == 0, err
        assert f"  {line}" in out.splitlines()


def test_json_parquet_table_and_partitions_agree(files: tuple[Path, Path], tmp_path: Path) -> None:
    path, log = files
    until = dt.datetime(2026, 11, 12, 18, tzinfo=TZ)
    code, _, err = sla("evaluate", path, log, *PERIOD, "--format", "parquet", "--output", tmp_path / "tables")
    assert code == 0, err
    (row,) = pq.read_table(tmp_path / "tables" / "retention.parquet").to_pylist()
    assert (row["keep_until"], row["ok"]) == (until, False)
    p = sla_dsl.load_policy(path)
    table = pa.Table.from_pylist([json.loads(line) for line in log.read_text("utf-8").splitlines()])
    (from_table,) = sla_dsl.evaluate(p, table, START, END).retention
    assert (from_table.keep_until, from_table.ok) == (until, False)
    merged = finish(p, merge([judge_table(p, table.to_pandas(), START, END)]), START, END)
    out = io.BytesIO()
    merged.write_json(out)
    (from_parts,) = json.loads(out.getvalue())["retention"]
    assert (from_parts["keep_until"], from_parts["ok"]) == ("2026-11-12T18:00:00+09:00", False)
