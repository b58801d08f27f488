"""A value of ``expect`` of the wrong kind is refused where it is written, with what to write.

A QA pass found that ``sla test`` ran a case and failed it (「期待 `15%`、実際 `15.0`」) for a number field
given a text, for ``incidents: INC-1`` where a mapping of rows goes, and for a priority the policy does not
have; that a bare date of an expected instant lost the path of its field; that the help of an unknown value
of ``deadline.attributes`` said 「…ではありませんか？。値は…」; and that the business-time questions'
bare dates were told about ``sla deadline``'s ``--from``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from expect_case import HEAD, POLICY, run_case  # (tests/author on the path: pytest's rootdir-less import)

from sla_dsl.cli.app import main

_run = run_case


def test_a_text_for_a_number_is_refused_at_it_with_the_number_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + '      breach_credits:\n        "P1:respond:2026-11-01": {credit: "15%"}\n'
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:8:43: error: [E162] ケース `x`：`expect.breach_credits.P1:respond:2026-11-01` の `credit` は"
        "数で書いてください。`15%` と書かれています\n"
        "  ヒント: `credit: 15` と書いてください\n"
    )
    code, out, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:8:43: error: [E162] case `x`: `credit` in `expect.breach_credits.P1:respond:2026-11-01` "
        "must be a number, found `15%`\n"
        "  help: write `credit: 15`\n"
    )


@pytest.mark.parametrize(
    ("section", "help"),
    [
        ('credits: {"content:2026-11-01": "10%"}', "write `credit_percent: 10`"),  # (a bare value: its field)
        ('availability: "99.9%"', "write `ratio: 0.999`"),  # (a ratio is a fraction)
        ("incidents: {A5: {at_risk_percent: yes}}", "write `at_risk_percent: 1.5`"),
        ("incidents: {A5: {priority: 1}}", 'write `priority: "1"`'),
        ("incidents: {A5: {response_due: 5}}", 'write `response_due: "2026-11-30T12:00:00+09:00"`'),
        ('breach_credits: {"P1:respond:2026-11-01": {breaches: 1.5}}', "write `breaches: 3`"),
        ('breach_credits: {"P1:respond:2026-11-01": {incidents: A5}}', "write `incidents: [INC-1, INC-2]`"),
        ('breach_credits: {"P1:respond:2026-11-01": {credit: null}}', "write `credit: 1.5`"),
    ],
)
def test_every_typed_field_is_checked_the_same_way(
    section: str, help: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, _ = _run(tmp_path, capsys, HEAD + f"      {section}\n", "--lang", "en")
    assert (code, out) == (1, "")
    assert "error: [E162] case `x`: `" in err and err.endswith(f"  help: {help}\n"), err


def test_a_null_where_the_field_may_be_null_is_not_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HEAD + "      incidents: {A5: {responded_at: null, cause: null, priority: P1}}\n"
    code, out, err, _ = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, err) == (0, ""), out + err


@pytest.mark.parametrize(
    ("value", "line"),
    [("A5", "incidents: {A5: met}"), ("[A5]", "incidents: {INC-1: met}"), ("3", "incidents: {INC-1: met}")],
)
def test_a_section_that_is_not_a_mapping_of_rows_is_refused_at_it(
    value: str, line: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, path = _run(tmp_path, capsys, HEAD + f"      incidents: {value}\n")
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:7:18: error: [E162] ケース `x`：`expect.incidents` は ID から `status` か項目への"
        "マッピングで書いてください\n"
        f"  ヒント: `{line}` と書いてください\n"
    )


def test_a_priority_the_policy_does_not_have_is_refused_with_its_priorities(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + "      incidents: {A5: {priority: P9}}\n"
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:7:34: error: [E162] ケース `x`：`expect.incidents.A5` の `priority` に `P9` は書けません\n"
        "  ヒント: 書ける値は `P1`、`P2`、`P3` です\n"
    )
    code, out, err, path = _run(tmp_path, capsys, HEAD + "      incidents: {A5: {priority: p2}}\n", "--lang", "en")
    assert err == (
        f"{path}:7:34: error: [E162] case `x`: `p2` is not a value of `priority` in `expect.incidents.A5`\n"
        "  help: did you mean `P2`? the values are P1, P2, P3\n"
    )


def test_a_bare_date_of_an_expected_instant_names_its_place_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = HEAD + '      breach_credits:\n        "P1:respond:2026-11-01": {start: 2026-11-01}\n'
    code, out, err, path = _run(tmp_path, capsys, text)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:8:42: error: [E162] ケース `x`：`expect.breach_credits.P1:respond:2026-11-01.start` の "
        "`2026-11-01` には時差がありません（ポリシーの時差を付けて `2026-11-01THH:MM+09:00` と書いてください）\n"
        '  ヒント: 期待するのは日付ではなく時刻です。時刻と時差を書いてください：`start: "2026-11-01THH:MM+09:00"`\n'
    )


def test_an_expected_instant_under_targets_keeps_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = HEAD + '      targets:\n        "A5:resolve": {due: "2026-11-20T10:00"}\n'
    code, out, err, path = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith(f"{path}:8:29: error: [E162] case `x`: expect.targets.A5:resolve.due "), err


def test_an_unknown_attribute_value_is_one_sentence_with_its_near_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "cases:\n  - name: x\n"
        '    deadline: {priority: P1, from: "2026-11-16T10:00:00+09:00", attributes: {plan: premiun}}\n'
        '    expect: "2026-11-16T14:00:00+09:00"\n'
    )
    policy = tmp_path / "p.sla"
    policy.write_text(
        POLICY.read_text("utf-8")
        + '\nattribute plan "契約プラン" / "Plan" {\n  value standard "スタンダード" / "Standard"\n'
        '  value premium "プレミアム" / "Premium"\n  default standard\n}\n',
        "utf-8",
    )
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    for lang, help in (
        ("ja", "  ヒント: `premium` の誤りではありませんか？値は `standard`、`premium` です\n"),
        ("en", "  help: did you mean `premium`? its values are `standard`, `premium`\n"),
    ):
        code = main(["test", "--lang", lang, str(policy), str(path)])
        out, err = capsys.readouterr()
        assert (code, out) == (1, "")
        assert err.endswith(help), err


@pytest.mark.parametrize(
    ("question", "help"),
    [
        (
            'business_time: {from: 2026-11-16, to: "2026-11-17T00:00:00+09:00"}\n    expect: 7',
            "`business_time` は時差の付いた二つの時刻の間の営業時間を数えます："
            '`from: "2026-11-16T00:00:00+09:00"` と書いてください',
        ),
        (
            'add_business_time: {from: 2026-11-16, hours: 3}\n    expect: "2026-11-16T12:00:00+09:00"',
            "`add_business_time` は時差の付いた時刻に営業時間を足します："
            '`from: "2026-11-16T00:00:00+09:00"` と書いてください',
        ),
        (
            'maintenance: {from: 2026-11-01, to: "2026-12-01T10:00"}\n    expect: []',
            "時刻には時差を付けてください（日付だけならポリシーのタイムゾーンの 0 時です）："
            '`to: "2026-12-01T10:00:00+09:00"`',
        ),
    ],
)
def test_a_time_without_its_offset_is_told_in_the_words_of_its_question(
    question: str, help: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err, _ = _run(tmp_path, capsys, f"cases:\n  - name: x\n    {question}\n")
    assert (code, out) == (1, "")
    assert err.endswith(f"  ヒント: {help}\n"), err
    assert "--from" not in err
