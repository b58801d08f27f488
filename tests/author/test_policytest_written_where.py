"""What a policy author writes wrong in a test file is refused where it is written, with what to write.

A QA pass as a Japanese policy author found four gaps in ``sla test``:

* a misspelt status or field inside ``expect.incidents`` (``status: breachd``, ``respons_due``) ran the case
  and failed it with Python's quotes inside backticks (``期待 `'breachd'` ``) and no field named, where a
  misspelt kind of violation is refused where it is written with the kinds and the near one;
* a bare date as ``deadline.from`` (or a business-time question's) was read as 00:00, where ``sla deadline
  --from`` refuses it;
* an event with a time without an offset and an unknown priority said only the first;
* ``targets: {"A5:response": ...}`` (the plain ``respond within``) said the report had no targets at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from expect_case import HEAD, run_case  # (tests/author on the path: pytest's rootdir-less import)

_run = run_case


def test_a_misspelt_status_is_refused_at_it_with_the_statuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + '      incidents:\n        A5: {status: breachd, respons_due: "2026-11-16T12:00:00+09:00"}\n'
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:8:22: error: [E162] ケース `x`：`expect.incidents.A5` の `status` に `breachd` は書けません\n"
        "  ヒント: `breached` の誤りではありませんか？"
        "書ける値は `met`、`breached`、`open`、`at_risk`、`excluded` です\n"
    )
    code, out, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert err == (
        f"{path}:8:22: error: [E162] case `x`: `breachd` is not a value of `status` in `expect.incidents.A5`\n"
        "  help: did you mean `breached`? the values are met, breached, open, at_risk, excluded\n"
    )


def test_a_bare_misspelt_status_is_refused_at_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err, path = _run(tmp_path, capsys, HEAD + "      incidents: {A5: breachd}\n", "--lang", "en")
    assert code == 1 and err.startswith(f"{path}:7:23: error: [E162] case `x`: `breachd` is not a value of `status`")


def test_a_misspelt_field_is_refused_at_it_with_the_fields(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HEAD + '      incidents:\n        A5: {status: breached, respons_due: "2026-11-16T12:00:00+09:00"}\n'
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    first, help, *rest = err.splitlines()
    assert first == f"{path}:8:32: error: [E160] ケース `x`：`expect.incidents.A5` にキー `respons_due` はありません"
    assert (
        help.startswith("  ヒント: `response_due` の誤りではありませんか？書けるキーは `id`、`priority`、") and not rest
    )
    assert "`status`" in help and "`clock_start`" in help and "'" not in err


def test_an_outage_field_gets_the_near_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HEAD + "      outages: {O1: {downtime: 60}}\n"
    code, _, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert code == 1
    assert err.startswith(
        f"{path}:7:22: error: [E160] case `x`: unknown key `downtime` in `expect.outages.O1`\n"
        "  help: did you mean `downtime_minutes`? the keys are id, start, end, downtime_minutes,"
    ), err


def test_a_planned_stop_expects_true_or_false(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err, path = _run(tmp_path, capsys, HEAD + "      planned_stops: {S1: ok}\n", "--lang", "en")
    assert code == 1
    assert err == (
        f"{path}:7:27: error: [E162] case `x`: `ok` is not a value of `notice_ok` in `expect.planned_stops.S1`\n"
        "  help: the values are true, false\n"
    )


def test_a_value_that_differs_is_shown_without_python_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + "      incidents: {A5: met}\n"
    code, out, _, _ = _run(tmp_path, capsys, text)
    assert code == 1 and "    `incidents` の `A5` の `status`：期待 `met`、実際 `breached`\n" in out, out
    code, out, _, _ = _run(tmp_path, capsys, text, "--lang", "en")
    assert code == 1 and "    incidents A5 status: expected `met`, got `breached`\n" in out, out


@pytest.mark.parametrize(
    ("question", "column", "ja", "en"),
    [
        (
            'deadline: {priority: P1, from: 2026-11-16}\n    expect: "2026-11-16T12:00:00+09:00"',
            30,
            "期限を計算するコマンドの `--from` と同じく、時差の付いた時刻を書いてください："
            '`from: "2026-11-16T00:00:00+09:00"`',
            'write a time with its UTC offset, as `sla deadline --from` takes: `from: "2026-11-16T00:00:00+09:00"`',
        ),
        (
            'business_time: {from: 2026-11-16, to: "2026-11-17T00:00:00+09:00"}\n    expect: 7',
            21,
            "`business_time` は時差の付いた二つの時刻の間の営業時間を数えます："
            '`from: "2026-11-16T00:00:00+09:00"` と書いてください',
            "`business_time` counts the business time between two times with their UTC offsets: "
            'write `from: "2026-11-16T00:00:00+09:00"`',
        ),
        (
            'add_business_time: {from: 2026-11-16, hours: 3}\n    expect: "2026-11-16T12:00:00+09:00"',
            25,
            "`add_business_time` は時差の付いた時刻に営業時間を足します："
            '`from: "2026-11-16T00:00:00+09:00"` と書いてください',
            "`add_business_time` adds business hours to a time with its UTC offset: "
            'write `from: "2026-11-16T00:00:00+09:00"`',
        ),
    ],
)
def test_a_bare_date_is_refused_where_sla_deadline_refuses_it(
    question: str, column: int, ja: str, en: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = f"cases:\n  - name: x\n    {question}\n"
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:3:{column}: error: [E162] ケース `x`：`from` の `2026-11-16` には時差がありません"
        f"（ポリシーの時差を付けて `2026-11-16THH:MM+09:00` と書いてください）\n  ヒント: {ja}\n"
    )
    code, out, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert err.endswith(f"  help: {en}\n")


def test_a_naive_to_of_business_time_gets_its_line_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "cases:\n  - name: x\n"
        '    business_time: {from: "2026-11-16T09:00:00+09:00", to: "2026-11-16 18:00"}\n    expect: 7\n'
    )
    code, _, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert code == 1 and err.startswith(f"{path}:3:56: error: [E162] case `x`: to `2026-11-16 18:00` has no UTC offset")
    assert err.endswith('`to: "2026-11-16T18:00:00+09:00"`\n'), err


def test_dates_stay_where_the_commands_take_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # (`maintenance` as `sla maintenance --from`, a `period` as `sla evaluate --from`)
    text = (
        "cases:\n  - name: m\n    maintenance: {from: 2026-11-01, to: 2026-12-01}\n"
        '    expect: ["2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00"]\n'
        + HEAD.replace("cases:\n", "").replace("name: x", "name: e")
        + "      incidents: {A5: breached}\n"
    )
    code, out, err, _ = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, err) == (0, ""), out


def test_every_problem_of_one_event_is_said_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        "cases:\n  - name: x\n    period: {from: 2026-11-01, to: 2026-12-01}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-16 10:00", id: A6, priority: P9}\n'
        "      - {event: incident.reported, at: 2026-11-16T10:00:00+09:00, priority: P8, cause: rain}\n"
        "    expect:\n      no_violations: true\n"
    )
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:5: error: [E105] `at` に時差（`+09:00` など）がありません：`2026-11-16 10:00`\n"
        "  ヒント: ポリシーの時差を付けて `2026-11-16T10:00:00+09:00` と書いてください\n"
        f"{path}:5: error: [E120] `incident.reported` の優先度 `P9` はポリシーにありません\n"
        "  ヒント: ポリシーにあるのは `P1`、`P2`、`P3` です\n"
        f"{path}:6: error: [E102] フィールド `id` がありません（どのイベントにも必要です）\n"
        f"{path}:6: error: [E120] `incident.reported` の優先度 `P8` はポリシーにありません\n"
        "  ヒント: ポリシーにあるのは `P1`、`P2`、`P3` です\n"
        f"{path}:6: error: [E122] `incident.reported` の原因 `rain` はポリシーにありません\n"
        "  ヒント: ポリシーにあるのは `customer_fault`、`emergency`、`failure`、`force_majeure`、`planned` です\n"
        "不正なイベントが 2 行あります（E120：2 行、E102：1 行、E105：1 行、E122：1 行）\n"
    ), err


def test_the_plain_response_under_targets_says_where_its_verdict_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + '      targets: {"A5:response": breached}\n'
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:7:17: error: [E160] ケース `x`：`targets` にキー `A5:response` はありません。"
        "名前のない `respond within` の判定は `targets` ではなく、案件の `status` です\n"
        "  ヒント: `incidents: {A5: {status: breached}}` と書いてください\n"
    )
    code, out, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert err == (
        f"{path}:7:17: error: [E160] case `x`: unknown key `A5:response` in `targets`: the verdict of the plain "
        "`respond within` is the incident's own `status`, not a row of `targets`\n"
        "  help: write `incidents: {A5: {status: breached}}`\n"
    )
