"""``sla explain`` of a credit the header's ``credit total at most 30% monthly`` caps ends with the cap: the
period's total before it, the cap and what is owed in all. It said the row's own credit alone (``20% of the
fee is credited``), which a reader took as owed when the cap cut the period's total.

Hand-computed: in November 2026 one P1 and one P2 incident each miss ``respond within 1 hour`` (20% each,
40% in all, above the cap of 30%: 30% owed); the web service is down 10 hours (98.6111%, below 99.0%: 25%),
65% in all with it. Without the header's cap the explanation is the one before the cap existed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "Cap" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
  credit total at most 30% monthly [art 6]
}

article 6 "サービスクレジット" / "Service credits"

calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}

service web "ウェブ" / "Web" [art 6] {
  hours always
  availability target 99.9% monthly
  credit below 99.0% 25%
}

priority P1 "緊急" / "Urgent" [art 6] {
  respond within 1 hour
  credit 20% per breach, at most 25% monthly
}

priority P2 "高" / "High" [art 6] {
  respond within 1 hour
  credit 20% per breach, at most 25% monthly
}
"""

INCIDENTS = [
    {"event": "incident.reported", "at": "2026-11-05T09:00:00+09:00", "id": "INC-1", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-05T12:00:00+09:00", "id": "INC-1"},
    {"event": "incident.reported", "at": "2026-11-06T09:00:00+09:00", "id": "INC-2", "priority": "P2"},
    {"event": "incident.responded", "at": "2026-11-06T12:00:00+09:00", "id": "INC-2"},
]
OUTAGE = [
    {"event": "outage.started", "at": "2026-11-03T10:00:00+09:00", "id": "OUT-1", "service": "web"},
    {"event": "outage.ended", "at": "2026-11-03T20:00:00+09:00", "id": "OUT-1"},
]

CAP_JA = "クレジットの合計の上限"
CAP_EN = "cap on the total of credits"


def _explain(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    policy: str,
    events: list[dict[str, str]],
    *args: str,
    later: str = "",
) -> str:
    """``sla explain`` of ``policy`` (and a ``later`` version of it) over ``events``, its standard output."""
    p, log = tmp_path / "p.sla", tmp_path / "e.jsonl"
    p.write_text(policy, "utf-8")
    paths = [str(p)]
    if later:
        (tmp_path / "later.sla").write_text(later, "utf-8")
        paths.append(str(tmp_path / "later.sla"))
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    assert main(["explain", *paths, str(log), *args]) == 0
    return capsys.readouterr().out


def test_a_credit_per_breach_says_the_cap_that_cut_the_periods_total(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ja = _explain(tmp_path, capsys, POLICY, INCIDENTS, "P1:respond:2026-11-01", "--lang", "ja")
    lines = ja.splitlines()
    assert lines[-2] == "  料金の 20% をクレジットとして返還"
    assert lines[-1] == (
        "  クレジットの合計の上限（第6条）：この測定期間のクレジットの合計は、このクレジット 20% を含めて 40%。"
        "上限 30% を超えるため、測定期間全体で返還するのは料金の 30%"
    )
    en = _explain(tmp_path, capsys, POLICY, INCIDENTS, "P2:respond:2026-11-01", "--lang", "en")
    assert en.splitlines()[-1] == (
        "  cap on the total of credits (Art. 6): the period's credits, this 20% among them, add up to 40%, "
        "above the cap of 30%: 30% of the fee is credited for the period in all"
    )
    dumped = json.loads(
        _explain(tmp_path, capsys, POLICY, INCIDENTS, "P1:respond:2026-11-01", "--lang", "en", "--format", "json")
    )
    assert dumped[0]["explanation"]["summary"][-1] == en.splitlines()[-1].strip()


def test_an_availability_credit_says_the_cap_and_the_total_with_the_breaches(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _explain(tmp_path, capsys, POLICY, OUTAGE + INCIDENTS, "web:2026-11-01", "--lang", "ja")
    assert out.splitlines()[-1] == (
        "  クレジットの合計の上限（第6条）：この測定期間のクレジットの合計は、このクレジット 25% を含めて 65%。"
        "上限 30% を超えるため、測定期間全体で返還するのは料金の 30%"
    )
    dumped = json.loads(
        _explain(tmp_path, capsys, POLICY, OUTAGE, "web:2026-11-01", "--lang", "en", "--format", "json")
    )
    assert dumped[0]["explanation"]["summary"][-1] == (
        "cap on the total of credits (Art. 6): the period's credits, this 25% among them, add up to 25%, "
        "within the cap of 30%: 25% of the fee is credited for the period in all"
    )


def test_a_period_not_over_says_the_total_is_not_final(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = _explain(
        tmp_path, capsys, POLICY, INCIDENTS, "P1:respond:2026-11-01", "--lang", "ja", "--as-of", "2026-11-20"
    )
    assert out.splitlines()[-1].endswith("返還するのは料金の 30%（測定期間が終わっていないため確定していません）")


def test_without_the_cap_the_explanation_is_as_before(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = POLICY.replace("  credit total at most 30% monthly [art 6]\n", "")
    for ident in ("P1:respond:2026-11-01", "web:2026-11-01"):
        for lang in ("ja", "en"):
            text = _explain(tmp_path, capsys, plain, OUTAGE + INCIDENTS, ident, "--lang", lang)
            dumped = _explain(tmp_path, capsys, plain, OUTAGE + INCIDENTS, ident, "--lang", lang, "--format", "json")
            for out in (text, dumped):
                assert CAP_JA not in out and CAP_EN not in out
    ja = _explain(tmp_path, capsys, plain, INCIDENTS, "P1:respond:2026-11-01", "--lang", "ja")
    assert ja.splitlines()[-4:] == [
        "  クレジットの規定（規定の版 1）：目標未達1件につき料金の 20%、月あたり上限 25%",
        "  目標未達 1 件 × 20% ＝ 20%",
        "  上限 25% の範囲内：20%",
        "  料金の 20% をクレジットとして返還",
    ]
    web = _explain(tmp_path, capsys, plain, OUTAGE, "web:2026-11-01", "--lang", "en")
    assert web.splitlines()[-1] == "  service credit: 25% of the fee (availability 98.6111% below 99%, Art. 6)"


def test_the_cap_is_that_of_the_version_in_force_at_the_periods_start(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Version 2, from 15 November, drops the cap: November's credits are of version 1's period (its start),
    summed under version 1's cap, as the report sums them."""
    later = POLICY.replace("  credit total at most 30% monthly [art 6]\n", "").replace('version "1"', 'version "2"')
    later = later.replace("effective 2026-04-01", "effective 2026-11-15")
    out = _explain(tmp_path, capsys, POLICY, INCIDENTS, "P2:respond:2026-11-01", "--lang", "en", later=later)
    assert out.splitlines()[-1].endswith("above the cap of 30%: 30% of the fee is credited for the period in all")
    first = POLICY.replace("  credit total at most 30% monthly [art 6]\n", "")
    capped = POLICY.replace('version "1"', 'version "2"').replace("effective 2026-04-01", "effective 2026-11-15")
    out = _explain(tmp_path, capsys, first, INCIDENTS, "P2:respond:2026-11-01", "--lang", "en", later=capped)
    assert CAP_EN not in out  # (version 2's cap is not the one of a period that began under version 1)
