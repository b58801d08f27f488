"""``sla test`` compares times as instants, refuses one without an offset, and says where and what.

Before: a maintenance window written in UTC (``13:00Z/15:00Z``) failed against the same window in
Tokyo time; an expected time without an offset failed with ``expected 2026-11-30T12:00:00, got
2026-11-30T12:00:00+09:00`` (``from`` without one is refused with E162); an availability failure named
no service (``availability  ratio``, ``` `availability` の `` の `ratio` ```); an E162 pointed at the
case's first line, not at the field; the error was framed twice (``sla: error: t.yaml:8: error:
[E162]``, in Japanese ``sla: エラー: …: error:``); and the events given in a case were refused on their
form before the policy could say what it does not know (a priority), one refusal hiding the next.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *lang: str) -> tuple[int, str, str]:
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    capsys.readouterr()
    code = main(["test", "-v", *lang, str(POLICY), str(path)])
    out, err = capsys.readouterr()
    return code, out.replace(str(path), "t.yaml"), err.replace(str(path), "t.yaml")


WINDOWS = """\
cases:
  - name: windows in UTC
    maintenance: {from: 2026-11-01, to: 2027-01-01}
    expect:
      - "2026-11-26T13:00:00Z/2026-11-26T15:00:00Z"
      - "2026-12-24T13:00:00+00:00/2026-12-24T15:00:00+00:00"
"""


def test_windows_are_compared_as_instants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, WINDOWS, "--lang", "en")
    assert (code, out.splitlines()[0], out.splitlines()[-1]) == (0, "PASS: t.yaml:2: windows in UTC", "PASS: 1/1")


def test_a_window_that_differs_is_shown_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = WINDOWS.replace("2026-12-24T13:00:00+00:00", "2026-12-17T13:00:00+00:00")
    code, out, _ = _run(tmp_path, capsys, text, "--lang", "en")
    assert code == 1
    assert out.startswith(
        "FAIL: t.yaml:2: windows in UTC\n"
        "    maintenance windows differ (- expected, + actual):\n"
        "      - 2026-12-17T13:00:00+00:00/2026-12-24T15:00:00+00:00\n"
        "      + 2026-12-24T22:00:00+09:00/2026-12-25T00:00:00+09:00\n"
    ), out


@pytest.mark.parametrize(
    ("text", "en", "ja"),
    [
        (
            'cases:\n  - name: naive\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
            '    expect: "2026-11-30T12:00:00"\n',
            "t.yaml:4:5: error: [E162] case `naive`: expect `2026-11-30T12:00:00` has no UTC offset "
            "(write it with the policy's offset: `2026-11-30T12:00:00+09:00`)\n",
            "t.yaml:4:5: error: [E162] ケース `naive`：`expect` の `2026-11-30T12:00:00` には時差が"
            "ありません（ポリシーの時差を付けて `2026-11-30T12:00:00+09:00` と書いてください）\n",
        ),
        (
            'cases:\n  - name: naive\n    add_business_time: {from: "2026-11-27T16:00:00+09:00", hours: 4}\n'
            "    expect: 2026-11-30\n",
            "t.yaml:4:5: error: [E162] case `naive`: expect `2026-11-30` has no UTC offset "
            "(write it with the policy's offset: `2026-11-30THH:MM+09:00`)\n",
            "t.yaml:4:5: error: [E162] ケース `naive`：`expect` の `2026-11-30` には時差",
        ),
        (
            "cases:\n  - name: naive\n    maintenance: {from: 2026-11-01, to: 2026-12-01}\n    expect:\n"
            '      - "2026-11-26T22:00:00+09:00/2026-11-27T00:00:00"\n',
            "t.yaml:5:9: error: [E162] case `naive`: expect `2026-11-27T00:00:00` has no UTC offset "
            "(write it with the policy's offset: `2026-11-27T00:00:00+09:00`)\n",
            "t.yaml:5:9: error: [E162] ケース `naive`：`expect` の `2026-11-27T00:00:00` には時差",
        ),
        (
            "cases:\n  - name: naive\n    maintenance: {from: 2026-11-01, to: 2026-12-01}\n    expect:\n"
            '      - "2026-11-26T22:00:00+09:00"\n',
            "t.yaml:5:9: error: [E162] case `naive`: `2026-11-26T22:00:00+09:00` in `expect` is not a "
            "`START/END` window\n"
            '  help: e.g. `"2026-11-26T22:00:00+09:00/2026-11-27T00:00:00+09:00"`\n',
            "t.yaml:5:9: error: [E162] ケース `naive`：`expect` の `2026-11-26T22:00:00+09:00` は "
            "`START/END` の時間帯ではありません",
        ),
        (
            "cases:\n  - name: naive\n    period: {from: 2026-11-30, to: 2026-12-07}\n    events:\n"
            '      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1}\n'
            "    expect:\n      incidents:\n"
            '        INC-A: {status: breached, response_due: "2026-11-30T14:00:00"}\n',
            "t.yaml:8:49: error: [E162] case `naive`: expect.incidents.INC-A.response_due `2026-11-30T14:00:00` "
            "has no UTC offset "
            "(write it with the policy's offset: `2026-11-30T14:00:00+09:00`)\n",
            "t.yaml:8:49: error: [E162] ケース `naive`：`expect.incidents.INC-A.response_due` の "
            "`2026-11-30T14:00:00` には時差",
        ),
        # the field at fault, not the case's first line
        (
            'cases:\n  - name: naive\n    deadline:\n      priority: P1\n      from: "2026-11-27T16:00:00"\n'
            '    expect: "2026-11-30T12:00:00+09:00"\n',
            "t.yaml:5:7: error: [E162] case `naive`: from `2026-11-27T16:00:00` has no UTC offset "
            "(write it with the policy's offset: `2026-11-27T16:00:00+09:00`)\n",
            "t.yaml:5:7: error: [E162] ケース `naive`：`from` の `2026-11-27T16:00:00` には時差",
        ),
        (
            'cases:\n  - name: p9\n    deadline:\n      from: "2026-11-27T16:00:00+09:00"\n      priority: P9\n'
            '    expect: "2026-11-30T12:00:00+09:00"\n',
            "t.yaml:5:7: error: [E162] case `p9`: unknown priority `P9`",
            "t.yaml:5:7: error: [E162] ケース `p9`：",
        ),
    ],
)
def test_a_time_without_an_offset_is_refused_where_it_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, en: str, ja: str
) -> None:
    code, out, err = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, out) == (1, "") and err.startswith(en), err
    code, out, err = _run(tmp_path, capsys, text)
    # one frame, the contract's, in every language: nothing before it (no `sla: エラー:`)
    assert (code, out) == (1, "") and err.startswith(ja), err


def test_an_expected_time_in_another_zone_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (
        'cases:\n  - name: utc\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
        '    expect: "2026-11-30T03:00:00Z"\n'
        "  - name: due in UTC\n    period: {from: 2026-11-30, to: 2026-12-07}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1}\n'
        '      - {event: incident.responded, at: "2026-11-30T13:30:00+09:00", id: INC-A}\n'
        "    expect:\n      incidents:\n"
        '        INC-A: {status: met, response_due: "2026-11-30T06:00:00Z"}\n'
    )
    code, out, _ = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, out.splitlines()[-1]) == (0, "PASS: 2/2"), out


AVAILABILITY = """\
cases:
  - name: down
    period: {from: 2026-11-30, to: 2026-12-07}
    events:
      - {event: outage.started, at: "2026-12-01T10:50:00+09:00", id: OUT-1, cause: failure}
      - {event: outage.ended, at: "2026-12-01T11:50:00+09:00", id: OUT-1}
    expect:
      availability: {ratio: 1.0}
"""


def test_an_availability_failure_names_the_service(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(tmp_path, capsys, AVAILABILITY, "--lang", "en")
    assert code == 1 and "    availability content ratio: expected `1.0`, got `0.99404" in out, out
    code, out, _ = _run(tmp_path, capsys, AVAILABILITY)
    assert code == 1 and "    `availability` の `content` の `ratio`：期待 `1.0`、実際 `0.99404" in out, out


def test_every_problem_of_the_events_of_a_case_is_said_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line's form (no offset, no id) and a value the policy does not know (P9) are said together, as
    ``sla evaluate`` says them for a log, each at its line of the test file."""
    text = (
        "cases:\n  - name: bad events\n    period: {from: 2026-11-30, to: 2026-12-07}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-30T10:00:00", priority: P1}\n'
        '      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: B, priority: P9}\n'
        "    expect: {no_violations: true}\n"
    )
    code, out, err = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, out) == (1, "")
    assert err == (
        "t.yaml:5: error: [E105] `at` has no UTC offset: `2026-11-30T10:00:00`\n"
        "  help: write it with the policy's offset: `2026-11-30T10:00:00+09:00`\n"
        "t.yaml:5: error: [E102] missing field `id` (required for every event)\n"
        "t.yaml:6: error: [E120] unknown priority `P9` in `incident.reported`\n"
        "  help: the policy knows `P1`, `P2`, `P3`\n"
        "2 invalid event lines (E102 on 1, E105 on 1, E120 on 1)\n"
    )
