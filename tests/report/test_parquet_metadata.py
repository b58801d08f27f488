"""Every report table says what it rests on: the policy texts' SHA-256, the period, the tool's version.

A Parquet file read alone (copied into a data lake, far from the run that wrote it) must say which
policy text and which tool made its verdicts, as the JSON report's ``policy``, ``versions`` and
``generator`` do (an auditor's question: a line changed without a new ``version`` changes verdicts).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

import sla_dsl
from sla_dsl.report.tables import METADATA_KEY, TABLE_NAMES

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
PERIOD = ("--from", "2026-11-01", "--to", "2026-12-01")


def _header(report_json: dict[str, Any]) -> dict[str, Any]:
    said = {k: report_json[k] for k in ("policy", "versions", "period", "timezone", "generator")}
    given = report_json["input"]
    said["input"] = {
        "events": given["events"],
        "duplicates": given["duplicates"],
        "skipped_lines": len(given["skipped"]),
    }
    return said


def test_every_file_carries_the_json_reports_header(tmp_path: Path) -> None:
    # a policy file with CRLF line ends and a byte-order mark: its hash is of the bytes as read
    policy = tmp_path / "clicksoko.sla"
    policy.write_bytes(b"\xef\xbb\xbf" + POLICY.read_bytes().replace(b"\n", b"\r\n"))
    run = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(policy), str(EXAMPLE), *PERIOD]
    out = tmp_path / "report"
    subprocess.run([*run, "--format", "parquet", "--output", str(out)], check=True, capture_output=True)
    said = json.loads(subprocess.run([*run, "--format", "json"], check=True, capture_output=True).stdout)
    want = _header(said)
    assert want["policy"]["sha256"] == hashlib.sha256(policy.read_bytes()).hexdigest()
    assert want["generator"] == {"name": "sla-dsl", "version": sla_dsl.__version__}
    for name in TABLE_NAMES:
        meta = pq.read_schema(out / f"{name}.parquet").metadata
        assert meta is not None and json.loads(meta[METADATA_KEY.encode()]) == want, name


def test_the_api_tables_carry_it_too() -> None:
    report = sla_dsl.evaluate(sla_dsl.load_policy(POLICY), EXAMPLE, "2026-11-01", "2026-12-01")
    want = _header(report.model_dump(mode="json"))
    tables = sla_dsl.report_tables(report)
    assert set(tables) == set(TABLE_NAMES)
    for name, table in tables.items():
        assert table.schema.metadata is not None
        assert json.loads(table.schema.metadata[METADATA_KEY.encode()]) == want, name


def test_it_counts_the_lines_left_out(tmp_path: Path) -> None:
    """What was read, counted: a dashboard built from the tables alone can show the data's quality."""
    log = tmp_path / "events.jsonl"
    lines = EXAMPLE.read_text("utf-8").splitlines()
    log.write_text("\n".join([*lines, '{"event": "incident.reported"}', "not json", lines[1]]) + "\n", "utf-8")
    out = tmp_path / "report"
    run = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(POLICY), str(log), *PERIOD, "--skip-invalid"]
    subprocess.run([*run, "--format", "parquet", "--output", str(out)], check=True, capture_output=True)
    said = json.loads(subprocess.run([*run, "--format", "json"], check=True, capture_output=True).stdout)
    meta = pq.read_schema(out / "incidents.parquet").metadata
    assert meta is not None
    got = json.loads(meta[METADATA_KEY.encode()])["input"]
    assert len(said["input"]["skipped"]) == 2 and said["input"]["duplicates"] >= 1  # (the line repeated)
    assert got == {"events": said["input"]["events"], "duplicates": said["input"]["duplicates"], "skipped_lines": 2}
