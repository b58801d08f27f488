"""An E124 about a notification rule names the rule by its label in the message's language, as the reports do.

It said ``the deadline of notification `ack` of incident `N```: the rule's internal name, where every other
text a person reads names it ``“Acknowledgement”`` (English) or ``「受付」`` (Japanese). The name is kept,
in backticks, for a rule without a label. Every path that files an E124 words it so: a text log, a CSV
file, a Parquet file, and a worker's problems sent back to the client (rebuilt from their words).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from sla_dsl.evaluation import judge_log
from sla_dsl.evaluation.partition import judge_partition
from sla_dsl.events import log_from, read_events
from sla_dsl.events.problems import EventInputError, Problem
from sla_dsl.policy import Policy, load_policy

from .test_bounded_time import refused, sla

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
PERIOD = ["--from", "2200-12-01", "--to", "2201-01-01"]
RULE = "{\n  within 3 business days after incident.reported\n  met by incident.responded\n}\n"
ACK = '\nnotify ack "受付" / "Acknowledgement" ' + RULE
BARE = "\nnotify ack " + RULE
REPORTED = {"event": "incident.reported", "at": "2200-12-31T10:00:00+09:00", "id": "N", "priority": "P1"}
RECOGNIZED = [
    {"event": "outage.started", "at": "2200-12-31T10:00:00+09:00", "id": "O", "service": "content"},
    {"event": "outage.recognized", "at": "2200-12-31T16:00:00+09:00", "id": "O"},
]

EN = "the deadline of notification “Acknowledgement” of incident `N` falls after the supported years"
JA = "案件 `N` の通知「受付」の期限が扱える年（1900 年から 2200 年まで）より後になります"
EN_BARE = "the deadline of notification `ack` of incident `N` falls after the supported years"
JA_BARE = "案件 `N` の通知 `ack` の期限が扱える年（1900 年から 2200 年まで）より後になります"


def _policy(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "p.sla"
    path.write_text(CLICKSOKO + extra, "utf-8")
    return path


def _e124(problems: list[Problem], lang: str) -> str:
    [said] = [p.render(lang) for p in problems if p.code == "E124"]
    return said


def _refused(policy: Policy, source: object) -> list[Problem]:
    log = read_events(source) if isinstance(source, Path) else log_from(source)
    with pytest.raises(EventInputError) as caught:
        judge_log(policy, log, "2200-12-01", "2201-01-01")
    return list(caught.value.problems)


def test_the_command_names_the_rule_by_its_label(tmp_path: Path) -> None:
    policy = _policy(tmp_path, ACK)
    path = tmp_path / "late.jsonl"
    path.write_text(json.dumps(REPORTED) + "\n", "utf-8")
    err = refused(sla("evaluate", policy, path, *PERIOD, "--lang", "en"))
    assert f"{path}:1: error: [E124] {EN}, 1900 to 2200 " in err, err
    assert "`ack`" not in err
    err = refused(sla("evaluate", policy, path, *PERIOD))
    assert f"{path}:1: error: [E124] {JA}" in err, err
    assert "ack" not in err


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_every_reader(tmp_path: Path, suffix: str) -> None:
    policy = load_policy(_policy(tmp_path, ACK))
    path = tmp_path / f"late{suffix}"
    if suffix == ".jsonl":
        path.write_text(json.dumps(REPORTED) + "\n", "utf-8")
    elif suffix == ".csv":
        path.write_text(",".join(REPORTED) + "\n" + ",".join(REPORTED.values()) + "\n", "utf-8")
    else:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        pq.write_table(pa.Table.from_pylist([REPORTED]), path)
    problems = _refused(policy, path)
    assert EN in _e124(problems, "en")
    assert JA in _e124(problems, "ja")


def test_a_worker_sends_the_words_back(tmp_path: Path) -> None:
    """A partition judged on a worker: its problems, pickled to the client, are written there in its language."""
    policy = load_policy(_policy(tmp_path, ACK))
    partial = judge_partition(policy, log_from([REPORTED]), "2200-12-01", "2201-01-01")
    problems = pickle.loads(pickle.dumps(partial.problems))
    assert EN in _e124(problems, "en")
    assert JA in _e124(problems, "ja")


def test_a_rule_without_a_label_is_named_by_its_name(tmp_path: Path) -> None:
    policy = load_policy(_policy(tmp_path, BARE))
    problems = _refused(policy, [REPORTED])
    assert EN_BARE in _e124(problems, "en")
    assert JA_BARE in _e124(problems, "ja")


def test_an_outage_notice_names_its_rule_by_its_label(tmp_path: Path) -> None:
    """The clicksoko policy's ``notify recovery "復旧情報通知時間" / "Recovery-information notice time"``."""
    policy = load_policy(_policy(tmp_path, ""))
    problems = _refused(policy, RECOGNIZED)
    en, ja = _e124(problems, "en"), _e124(problems, "ja")
    assert "the deadline of notification “Recovery-information notice time” of outage `O` falls after" in en, en
    assert "障害 `O` の通知「復旧情報通知時間」の期限が" in ja, ja
