"""``sla test POLICY... TESTS...`` takes the policy's versions as ``sla evaluate`` and ``sla deadline`` do.

Before, it took one policy file: ``sla test versions/ t.yaml`` was ``E001 this is a directory, not a policy
file`` with no help, and ``sla test v1.sla v2.sla t.yaml`` read ``v2.sla`` as a test file. Now each case is
answered by the version in force at its ``from`` (events judged under every version, as ``sla evaluate``
judges them), with the note ``sla deadline`` gives, and paths in the wrong order are refused saying what to
write.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.policytest import load_cases, run, run_case
from sla_dsl.cli import main

VERSION = """\
sla "M" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages en
}}
calendar business {{
  days mon..fri
  hours 09:00-18:00
}}
clock response {{
  starts at incident.reported
}}
{extra}priority P1 "Urgent" {{
  respond within {hours} business hours
}}
"""

V1 = VERSION.format(version="1", effective="2026-04-01", hours=4, extra="")
#: From October P1 is due in 2 business hours, P2 exists, and incidents carry a plan.
V2 = VERSION.format(
    version="2",
    effective="2026-10-01",
    hours=2,
    extra='priority P2 "Low" {\n  respond within 8 business hours\n}\n'
    "attribute plan {\n  values standard, premium\n  default standard\n}\n",
)

CASES = """\
cases:
  - name: September, under version 1
    deadline: {priority: P1, from: "2026-09-04T16:00:00+09:00"}
    expect: "2026-09-07T11:00:00+09:00"
  - name: November, under version 2
    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}
    expect: "2026-11-27T18:00:00+09:00"
"""

EVENTS_CASE = """\
cases:
  - name: each incident under the version in force at its report
    events:
      - {event: incident.reported, at: "2026-09-04T16:00:00+09:00", id: INC-1, priority: P1}
      - {event: incident.reported, at: "2026-11-27T16:00:00+09:00", id: INC-2, priority: P1}
    period: {from: 2026-09-01, to: 2026-12-01}
    expect:
      incidents:
        INC-1: {status: breached, response_due: "2026-09-07T11:00:00+09:00", policy_version: "1"}
        INC-2: {status: breached, response_due: "2026-11-27T18:00:00+09:00", policy_version: "2"}
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "versions"
    folder.mkdir()
    (folder / "v1.sla").write_text(V1, "utf-8")
    (folder / "v2.sla").write_text(V2, "utf-8")
    tests = tmp_path / "vt.yaml"
    tests.write_text(CASES, "utf-8")
    return {"dir": folder, "v1": folder / "v1.sla", "v2": folder / "v2.sla", "tests": tests}


def _sla(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_a_directory_of_versions(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert _sla(["test", str(files["dir"]), str(files["tests"])], capsys) == (0, "PASS: 2/2\n", "")


def test_version_files_then_test_files(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _sla(["test", str(files["v1"]), str(files["v2"]), str(files["tests"]), "-v"], capsys)
    t = files["tests"]
    assert (code, err) == (0, "")
    assert out == (
        f"PASS: {t}:2: September, under version 1\n"
        "    note: judged under version 1 (effective 2026-04-01)\n"
        f"PASS: {t}:5: November, under version 2\n"
        "    note: judged under version 2 (effective 2026-10-01)\n" + "-" * 72 + "\nPASS: 2/2\n"
    )
    code, out, _ = _sla(["test", str(files["dir"]), str(files["tests"]), "-v", "--lang", "ja"], capsys)
    assert code == 0
    assert "    注記：規定の版 1（2026年4月1日(水) から適用）で判定しました\n" in out
    assert "    注記：規定の版 2（2026年10月1日(木) から適用）で判定しました\n" in out


def test_the_json_names_the_version(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _sla(["test", str(files["dir"]), str(files["tests"]), "--format", "json"], capsys)
    assert code == 0
    assert [c["notes"] for c in json.loads(out)] == [
        ["judged under version 1 (effective 2026-04-01)"],
        ["judged under version 2 (effective 2026-10-01)"],
    ]


def test_the_later_version_alone_says_none_was_in_force(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """As ``sla deadline`` given the new file alone: computed under it all the same, with a note."""
    code, out, _ = _sla(["test", str(files["v2"]), str(files["tests"])], capsys)
    assert code == 1
    assert out == (
        f"FAIL: {files['tests']}:2: September, under version 1\n"
        "    deadline: expected 2026-09-07T11:00:00+09:00, got 2026-09-04T18:00:00+09:00\n"
        "    note: no version in force yet: judged under version 2 (effective 2026-10-01), the earliest given\n"
        + "-" * 72
        + "\nPASS: 1/2\nFAIL: 1/2\n"
    )


def test_events_are_judged_under_every_version(files: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(EVENTS_CASE, "utf-8")
    (outcome,) = run([load_policy(files["v1"]), load_policy(files["v2"])], [path])
    assert outcome.problems == []
    assert outcome.notes == [
        "judged under version 1 (effective 2026-04-01)",
        "judged under version 2 (effective 2026-10-01)",
    ]
    (alone,) = run(load_policy(files["v1"]), [path])  # (one version: INC-2 is due in 4 business hours)
    assert alone.problems == [
        "incidents INC-2 response_due: expected `2026-11-27T18:00:00+09:00`, got `2026-11-30T11:00:00+09:00`",
        "incidents INC-2 policy_version: expected `2`, got `1`",
    ]


def test_a_priority_the_version_in_force_lacks(files: dict[str, Path], tmp_path: Path) -> None:
    """Refused at it, in ``sla deadline``'s words, naming the later version that has it and from when."""
    path = tmp_path / "p2.yaml"
    path.write_text(
        "cases:\n  - name: P2 in September\n"
        '    deadline: {priority: P2, from: "2026-09-04T16:00:00+09:00"}\n'
        '    expect: "2026-09-07T16:00:00+09:00"\n',
        "utf-8",
    )
    versions = [load_policy(files["v1"]), load_policy(files["v2"])]
    (case,) = load_cases(path)
    with pytest.raises(ValueError) as err:
        run_case(versions, case)
    assert str(err.value) == (
        f"{path}:3:16: error: [E162] case `P2 in September`: unknown priority `P2` in version 1 "
        "(effective 2026-04-01), the version in force at `from` (it has P1)\n"
        "  help: version 2 defines `P2` from 2026-10-01"
    )


def test_an_attribute_the_version_in_force_lacks(files: dict[str, Path], tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        "cases:\n  - name: premium in September\n"
        '    deadline: {priority: P1, from: "2026-09-04T16:00:00+09:00", attributes: {plan: premium}}\n'
        '    expect: "2026-09-07T11:00:00+09:00"\n'
        "  - name: gold in November\n"
        '    deadline: {priority: P1, from: "2026-11-04T16:00:00+09:00", attributes: {plan: gold}}\n'
        '    expect: "2026-11-04T18:00:00+09:00"\n',
        "utf-8",
    )
    versions = [load_policy(files["v1"]), load_policy(files["v2"])]
    september, november = load_cases(path, "ja")
    with pytest.raises(ValueError) as err:
        run_case(versions, september)
    assert str(err.value) == (
        f"{path}:3:65: error: [E162] ケース `premium in September`：属性 `plan` は、`from` の時点で適用中の"
        "規定の版 1（2026年4月1日(水) から適用）に宣言されていません\n"
        "  ヒント: 属性 `plan` は規定の版 2 が 2026年10月1日(木) から宣言しています"
    )
    with pytest.raises(ValueError) as err:
        run_case(versions, november)
    assert str(err.value).startswith(
        f"{path}:6:65: error: [E162] ケース `gold in November`：属性 `plan` の値 `gold` は、`from` の時点で"
        "適用中の規定の版 2（2026年10月1日(木) から適用）に宣言されていません"
    )


@pytest.mark.parametrize(
    ("order", "en", "ja"),
    [
        (
            ["tests", "dir"],
            "sla: error: `{tests}` is a test file: write the policy first, `sla test POLICY... TESTS...`\n",
            "sla: エラー: `{tests}` はテストファイルです。`sla test POLICY... TESTS...` のように、"
            "ポリシーを先に書いてください\n",
        ),
        (
            ["v1", "v2"],
            "sla: error: no test file: write `sla test POLICY... TESTS...`, the policy (.sla files, or "
            "directories of versions) then the test files (.yaml) or directories of them\n",
            "sla: エラー: テストファイルがありません：`sla test POLICY... TESTS...` のように、ポリシー（`.sla` "
            "ファイル、または版ごとのファイルを入れたディレクトリ）の後に、テストファイル（`.yaml`）かそれを"
            "入れたディレクトリを書いてください\n",
        ),
        (
            ["v1", "tests", "v2"],
            "sla: error: `{v2}` is a policy after the test files: write every version of the policy first, "
            "`sla test POLICY... TESTS...`\n",
            "sla: エラー: `{v2}` はテストファイルの後にあるポリシーです。`sla test POLICY... TESTS...` の"
            "ように、ポリシーの版をすべて先に書いてください\n",
        ),
    ],
    ids=["tests first", "no test file", "policy after tests"],
)
def test_paths_in_the_wrong_order_say_what_to_write(
    order: list[str], en: str, ja: str, files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["test", *(str(files[k]) for k in order)]
    names = {k: str(v) for k, v in files.items()}
    assert _sla([*argv, "--lang", "en"], capsys) == (2, "", en.format(**names))
    assert _sla([*argv, "--lang", "ja"], capsys) == (2, "", ja.format(**names))


def test_a_directory_of_tests_and_policies_after_the_policy_holds_tests(
    files: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As before: a directory after the first path that holds test files is one of test files."""
    both = tmp_path / "both"
    both.mkdir()
    (both / "v2.sla").write_text(V2, "utf-8")
    (both / "t.yaml").write_text(CASES.split("  - name: November")[0], "utf-8")
    assert _sla(["test", str(files["v1"]), str(both)], capsys) == (0, "PASS: 1/1\n", "")


MAINTENANCE = 'maintenance regular "Regular" {{\n  every month on {nth} thu, 22:00-24:00\n  notice none\n}}\n'


def test_each_maintenance_window_is_the_versions_in_force_at_its_start(tmp_path: Path) -> None:
    """As ``sla maintenance`` lists them: the fourth Thursday under version 1, the second from October."""
    v1 = load_policy(V1 + MAINTENANCE.format(nth="4th"))
    v2 = load_policy(V2 + MAINTENANCE.format(nth="2nd"))
    path = tmp_path / "m.yaml"
    path.write_text(
        "cases:\n  - name: windows\n    maintenance: {from: 2026-09-01, to: 2026-12-01}\n    expect:\n"
        '      - "2026-09-24T22:00:00+09:00/2026-09-25T00:00:00+09:00"\n'
        '      - "2026-10-08T22:00:00+09:00/2026-10-09T00:00:00+09:00"\n'
        '      - "2026-11-12T22:00:00+09:00/2026-11-13T00:00:00+09:00"\n',
        "utf-8",
    )
    (outcome,) = run([v2, v1], [path])  # (in any order, as sla evaluate takes them)
    assert outcome.problems == []
    assert outcome.notes == [
        "judged under version 1 (effective 2026-04-01)",
        "judged under version 2 (effective 2026-10-01)",
    ]
    (alone,) = run(v2, [path])  # (one version: its second Thursdays throughout, September's before it took effect)
    assert alone.problems[1:3] == [
        "  - 2026-09-24T22:00:00+09:00/2026-09-25T00:00:00+09:00",
        "  + 2026-09-10T22:00:00+09:00/2026-09-11T00:00:00+09:00",
    ]
