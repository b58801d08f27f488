"""A notification rule on an incident event declared before the outages' rule changes nothing for outages.

The outages' notice (``notice_status``, ``notice_due``) is judged by the first rule on an outage event.
It used to be the first rule whose ``after`` event had a code other than 0 in the outage family's lookup,
which took any family-qualified name: a rule ``after incident.product_suspected`` declared first judged
every outage (never recognised as an incident event: "not applicable"), and the explanation of an
outage cited the first rule of the file. And a late incident notification was listed among the
violations as a late *recovery* notice, a word of the Click So-ko policy.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import sla_dsl

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
TOKYO = dt.timezone(dt.timedelta(hours=9))
START, END = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 1, tzinfo=TOKYO)

ACK = """notify ack "受付連絡" / "Acknowledgement" {
  within 1 hour after incident.product_suspected
  met by incident.responded
}

"""


@pytest.fixture(scope="module")
def first_ack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = POLICY.read_text("utf-8")
    anchor = 'notify recovery "復旧情報通知時間"'
    assert anchor in source
    path = tmp_path_factory.mktemp("notify") / "ack_first.sla"
    path.write_text(source.replace(anchor, ACK + anchor, 1), "utf-8")
    return path


def _outages(policy: Path) -> list[tuple[str, str, dt.datetime | None]]:
    report = sla_dsl.evaluate(sla_dsl.load_policy(policy), str(EVENTS), START, END)
    return [(o.id, o.notice_status, o.notice_due) for o in report.outages]


def test_outages_are_judged_by_the_outages_rule(first_ack: Path) -> None:
    plain = _outages(POLICY)
    assert any(status == "met" for _, status, _ in plain)  # (the month has a notice to judge)
    assert _outages(first_ack) == plain


def _sla(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_an_outage_is_explained_under_the_outages_rule(first_ack: Path) -> None:
    said = _sla("explain", str(first_ack), str(EVENTS), "OUT-01", "--from", "2026-11-01", "--to", "2026-12-01")
    assert "復旧情報通知時間" in said and "受付連絡" not in said


@pytest.mark.parametrize(
    ("lang", "late", "recovery"), [("ja", "通知の遅延", "復旧情報通知の遅延"), ("en", "notice late", "recovery")]
)
def test_a_late_incident_notice_is_not_called_a_recovery_notice(
    first_ack: Path, lang: str, late: str, recovery: str
) -> None:
    text = _sla(
        "evaluate", str(first_ack), str(EVENTS), "--from", "2026-11-01", "--to", "2026-12-01", "--format", "text",
        "--lang", lang,
    )  # fmt: skip
    rows = [line for line in text.splitlines() if "INC-" in line and late in line]
    assert rows, "no late incident notification listed among the violations"
    assert not any(recovery in line for line in rows)
