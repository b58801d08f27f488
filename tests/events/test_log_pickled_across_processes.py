"""A log read in one process and judged in another (a worker of a ``ProcessPoolExecutor`` returning what
``read_events`` read, a service keeping read logs in a cache of pickles): the same report.

The events of a type a policy declares (``incident.chat_started`` of the helpdesk example) are filed under
a code given in the process that read them, in the order the process met declared types: another process
knows the type by another code, or by none yet.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import sla_dsl
from sla_dsl.events.compact import BUILTIN_COUNT, TYPES
from sla_dsl.reader import read_events

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "examples" / "helpdesk.sla"
LOG = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"

#: Another process: twelve other types declared before the helpdesk's, then the log read and pickled.
READ_ELSEWHERE = f"""
import pickle, sys
import sla_dsl
from sla_dsl.events.compact import declare_types
from sla_dsl.reader import read_events
declare_types({{f"incident.a{{k:02d}}_other" for k in range(12)}})
policy = sla_dsl.load_policy({str(POLICY)!r})
sys.stdout.buffer.write(pickle.dumps(read_events({str(LOG)!r}, policy=policy)))
"""


def test_a_log_pickled_in_another_process_is_judged_as_the_log_read_here() -> None:
    pickled = subprocess.run([sys.executable, "-c", READ_ELSEWHERE], capture_output=True, check=True).stdout
    policy = sla_dsl.load_policy(POLICY)
    here = sla_dsl.evaluate(policy, read_events(LOG, policy=policy), "2026-11-01", "2026-12-01")
    log = pickle.loads(pickled)
    assert "incident.chat_started" in TYPES[BUILTIN_COUNT:]
    report = sla_dsl.evaluate(policy, log, "2026-11-01", "2026-12-01")
    assert report.model_dump_json() == here.model_dump_json()
    assert "clock `chat` starts at chat_started" in report.model_dump_json()
    # and once more, pickled here (the codes of this process) and read back
    again = sla_dsl.evaluate(policy, pickle.loads(pickle.dumps(log)), "2026-11-01", "2026-12-01")
    assert again.model_dump_json() == here.model_dump_json()
