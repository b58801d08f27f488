"""An outage judged by two notification rules: each late notice is worded from its own rule.

The outage row's ``notice_due`` and ``notified_at`` are the first rule's; a violation of the second
rule used to be worded from them: "recovery notice due -: sent Wed 4 Nov 13:00 (- late)" when the
first rule did not apply (recognised outside business hours), and, worse, the first rule's due time
when it did, met ("due Wed 4 Nov 11:10: sent 11:05"), a notice on time listed as the violation.
``sla explain`` said "first status report sent (in time)" right after "Recovery 24x7: breached".
Now the violation names its rule by label, with that rule's due time, notice and lateness (elapsed
for an elapsed rule), in every output and both languages; the explanation says each rule's verdict.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import sla_dsl

from .helpers import sla

POLICY = """sla "Notify" {
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages en, ja
}
calendar business "営業時間" / "Business" {
  days mon..fri
  hours 09:00-17:00
}
priority P1 "緊急" / "P1" { respond within 8 business hours }
notify rec "復旧通知" / "Recovery" {
  within 1 business hour after outage.recognized
  only if outage.recognized during business hours
  met by outage.notified
}
notify rec2 "終日通知" / "Recovery 24x7" {
  within WITHIN after outage.started
  met by outage.notified
}
"""
#: started 08:00, recognised 08:30 (before the business hours: `rec` does not apply), notified 13:00;
#: `rec2` (4 hours after the start) was due 12:00: 1:00 late in elapsed time
OUTSIDE = [
    '{"event":"outage.started","at":"2026-11-04T08:00:00Z","id":"O1"}',
    '{"event":"outage.recognized","at":"2026-11-04T08:30:00Z","id":"O1"}',
    '{"event":"outage.ended","at":"2026-11-04T11:00:00Z","id":"O1"}',
    '{"event":"outage.notified","at":"2026-11-04T13:00:00Z","id":"O1"}',
]
#: started 10:00, recognised 10:10, notified 11:05: `rec` met (due 11:10), `rec2` (1 hour after the
#: start) breached (due 11:00, 0:05 late)
INSIDE = [
    '{"event":"outage.started","at":"2026-11-04T10:00:00Z","id":"O2"}',
    '{"event":"outage.recognized","at":"2026-11-04T10:10:00Z","id":"O2"}',
    '{"event":"outage.notified","at":"2026-11-04T11:05:00Z","id":"O2"}',
    '{"event":"outage.ended","at":"2026-11-04T12:00:00Z","id":"O2"}',
]
MONTH = ("--from", "2026-11-01", "--to", "2026-12-01")


def _files(tmp_path: Path, within: str, events: list[str]) -> tuple[Path, Path]:
    policy, log = tmp_path / "policy.sla", tmp_path / "events.jsonl"
    policy.write_text(POLICY.replace("WITHIN", within), "utf-8")
    log.write_text("\n".join(events) + "\n", "utf-8")
    return policy, log


@pytest.fixture
def outside(tmp_path: Path) -> tuple[Path, Path]:
    return _files(tmp_path, "4 hours", OUTSIDE)


@pytest.fixture
def inside(tmp_path: Path) -> tuple[Path, Path]:
    return _files(tmp_path, "1 hour", INSIDE)


def _violation_lines(files: tuple[Path, Path], lang: str, fmt: str) -> list[str]:
    code, out, err = sla("evaluate", *files, *MONTH, "--format", fmt, "--lang", lang)
    assert code == 0, err
    return [line for line in out.splitlines() if ("O1" in line or "O2" in line) and ("late" in line or "遅延" in line)]


WORDS = {
    ("outside", "en"): "Recovery 24x7 due Wed 4 Nov 12:00: sent Wed 4 Nov 13:00 (1:00 late, elapsed time)",
    ("outside", "ja"): "終日通知の期限 11月4日(水) 12:00 に対し 11月4日(水) 13:00 に送信（経過時間で 1:00 超過）",
    ("inside", "en"): "Recovery 24x7 due Wed 4 Nov 11:00: sent Wed 4 Nov 11:05 (0:05 late, elapsed time)",
    ("inside", "ja"): "終日通知の期限 11月4日(水) 11:00 に対し 11月4日(水) 11:05 に送信（経過時間で 0:05 超過）",
}


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case", ["outside", "inside"])
def test_the_second_rules_violation_is_worded_from_its_own_rule(
    request: pytest.FixtureRequest, case: str, lang: str, fmt: str
) -> None:
    files = request.getfixturevalue(case)
    lines = _violation_lines(files, lang, fmt)
    assert len(lines) == 1, lines
    line = lines[0]
    assert WORDS[(case, lang)] in line, line
    # nothing of the first rule: not its due time (met, 11:10), no "-" for a due time it never had
    assert "11:10" not in line and "(- " not in line and "（- " not in line, line


def test_the_violation_names_its_rule(inside: tuple[Path, Path]) -> None:
    report = sla_dsl.evaluate(
        sla_dsl.load_policy(inside[0]),
        str(inside[1]),
        dt.datetime(2026, 11, 1, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
    )
    (v,) = [v for v in report.violations if v.kind == "notice_breached"]
    assert v.target is not None and (v.target.name, v.target.kind, v.target.priority) == ("rec2", "notify", None)
    assert v.target.met_at == dt.datetime(2026, 11, 4, 11, 5, tzinfo=dt.UTC)
    assert "target" not in v.model_dump(mode="json")  # (the JSON report is unchanged)


EXPLAINED = {
    (
        "outside",
        "en",
    ): "Wed 4 Nov 13:00  first status report sent (Recovery 24x7: 1:00 after the due time, elapsed time)",
    ("outside", "ja"): "11月4日(水) 13:00  障害状況の一報を通知（終日通知：期限から経過時間で 1:00 超過）",
    ("inside", "en"): (
        "Wed 4 Nov 11:05  first status report sent "
        "(Recovery: in time; Recovery 24x7: 0:05 after the due time, elapsed time)"
    ),
    ("inside", "ja"): (
        "11月4日(水) 11:05  障害状況の一報を通知（復旧通知：期限内、終日通知：期限から経過時間で 0:05 超過）"
    ),
}


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("case", ["outside", "inside"])
def test_explain_says_each_rules_verdict_on_the_notice(request: pytest.FixtureRequest, case: str, lang: str) -> None:
    files = request.getfixturevalue(case)
    code, out, err = sla("explain", *files, "O1" if case == "outside" else "O2", "--lang", lang)
    assert code == 0, err
    assert EXPLAINED[(case, lang)] in out, out
    assert "(in time)" not in out and "（期限内）" not in out, out


@pytest.mark.parametrize(
    ("lang", "reason"),
    [("en", "recognised outside business hours: no notice target"), ("ja", "営業時間外に認知したため通知目標の対象外")],
)
def test_explain_says_why_the_first_rule_set_no_target_though_a_notice_was_sent(
    outside: tuple[Path, Path], lang: str, reason: str
) -> None:
    code, out, err = sla("explain", *outside, "O1", "--lang", lang)
    assert code == 0, err
    line = next(x for x in out.splitlines() if "08:30" in x)
    assert reason in line, out
