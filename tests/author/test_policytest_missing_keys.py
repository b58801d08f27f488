"""``sla test``: a key the report does not have is named with the keys it has.

Before, a wrong key under ``targets``, ``availability_periods`` or ``credits`` (or an id under
``incidents``) said ``expected in the report, but it is not there`` and nothing more: the author had to run
``sla evaluate --format json`` to find how the report spells it. Now it names the keys near it, else those of
its incident or service, else the first few of the section, else that the section has none.
"""

from __future__ import annotations

from pathlib import Path

from sla_dsl import load_policy
from sla_dsl.authoring.policytest import load_cases, run_case

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
EVENTS = ROOT / "policies" / "examples" / "plans.jsonl"


def _problems(tmp_path: Path, expect: str, lang: str = "en") -> list[str]:
    path = tmp_path / "t.yaml"
    path.write_text(
        f"cases:\n  - name: keys\n    events_file: {EVENTS}\n"
        f"    period: {{from: 2026-11-01, to: 2027-01-01}}\n    expect:\n{expect}",
        "utf-8",
    )
    (case,) = load_cases(path, lang)
    return run_case(load_policy(PLANS), case).problems


def test_a_misspelt_key_is_named_with_the_near_ones(tmp_path: Path) -> None:
    expect = (
        '      targets: {"OUT-1:first_reprot": met}\n'
        '      credits: {"content:2026-11-01:plan=premum": 25.0}\n'
        '      availability_periods: {"portal:2027-01-01": {met: true}}\n'
    )
    assert _problems(tmp_path, expect) == [
        "targets OUT-1:first_reprot: expected in the report, but it is not there; did you mean `OUT-1:first_report`?",
        "availability_periods portal:2027-01-01: expected in the report, but it is not there; "
        "did you mean `portal:2026-11-01`, `content:2026-11-01`?",
        "credits content:2026-11-01:plan=premum: expected in the report, but it is not there; "
        "did you mean `content:2026-11-01:plan=premium`, `content:2026-11-01`?",
    ]
    assert _problems(tmp_path, '      targets: {"OUT-1:first_reprot": met}\n', "ja") == [
        "`targets` の `OUT-1:first_reprot`：レポートにありません。`OUT-1:first_report` の誤りではありませんか？"
    ]


def test_a_key_nothing_is_near_lists_its_records_keys_or_the_sections(tmp_path: Path) -> None:
    expect = (
        '      targets: {"OUT-1:zzzzzzzzzzzz": met}\n      credits: {"nothing:here": 1}\n      incidents: {XYZ: met}\n'
    )
    assert _problems(tmp_path, expect) == [
        "incidents XYZ: expected in the report, but it is not there; the report has "
        "`INC-PREMIUM`, `INC-STANDARD`, `INC-EN`, `INC-JA`, `INC-NIGHT`",
        "targets OUT-1:zzzzzzzzzzzz: expected in the report, but it is not there; the report has "
        "`OUT-1:recovery`, `OUT-1:first_report` for `OUT-1`",
        "credits nothing:here: expected in the report, but it is not there; the report has "
        "`content:2026-11-01:plan=premium`, `content:2026-11-01`",  # (the policy's order of targets)
    ]
    assert _problems(tmp_path, '      targets: {"OUT-1:zzzzzzzzzzzz": met}\n', "ja") == [
        "`targets` の `OUT-1:zzzzzzzzzzzz`：レポートにありません。レポートにある `OUT-1` のキー："
        "`OUT-1:recovery`、`OUT-1:first_report`"
    ]


def test_a_section_the_report_has_nothing_under(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "cases:\n  - name: none\n    events: []\n    period: {from: 2026-11-01, to: 2026-12-01}\n"
        '    expect:\n      targets: {"INC-1:resolve": met}\n',
        "utf-8",
    )
    (case,) = load_cases(path)
    assert run_case(load_policy(PLANS), case).problems == [
        "targets INC-1:resolve: expected in the report, but it is not there; the report has none under `targets`"
    ]
