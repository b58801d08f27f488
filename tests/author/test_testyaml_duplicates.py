"""``sla test`` refuses a key given twice in one mapping of a test file (E160 at the second key).

PyYAML keeps the last value of a repeated key and drops the first without a word: a case with two
``events:`` lists ran only the second, and an event giving ``priority: P1`` and ``priority: P3``
was judged as P3, both passing with exit 0. A JSON Lines log refuses the same (E100), a CSV log a
repeated column (E110). Each test fails on the code before: the file was read, and its cases passed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.authoring import testyaml
from sla_dsl.cli import main
from sla_dsl.errors import InputError

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`

TWO_EVENT_LISTS = """\
cases:
  - name: two events keys
    period: {from: 2026-11-30, to: 2026-12-07}
    events:
      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1}
      - {event: incident.responded, at: "2026-11-30T16:00:00+09:00", id: INC-A}
    expect:
      incidents: {INC-A: breached}
    events:
      - {event: incident.reported, at: "2026-12-01T10:00:00+09:00", id: INC-B, priority: P1}
    expect:
      incidents: {INC-B: breached}
"""

PRIORITY_TWICE = """\
cases:
  - name: priority twice
    period: {from: 2026-11-30, to: 2026-12-07}
    events:
      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1, priority: P3}
    expect:
      incidents:
        INC-A: {response_due: "2026-12-04T18:00:00+09:00"}
"""


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_two_events_lists_in_one_case_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "twice.yaml"
    path.write_text(TWO_EVENT_LISTS, "utf-8")
    code, out, err = _run(["test", str(POLICY), str(path), "-v"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:9:5: error: [E160] 同じマッピングにキー `events` が 2 回以上あります"
        "（最初は 4 行目 5 文字目）\n"
        "  ヒント: キーは 1 つのマッピングに 1 回だけ書いてください。両方の値が要るなら、"
        "1 つのリストかマッピングにまとめるか、ケースを 2 つに分けてください\n"
    )
    code, out, err = _run(["test", "--lang", "en", str(POLICY), str(path), "-v"], capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"{path}:9:5: error: [E160] key `events` is given more than once in one mapping "
        "(first at line 4, column 5)\n"
        "  help: give each key once: if both values are meant, merge them into one list or mapping, "
        "or split the case in two\n"
    )


def test_a_field_given_twice_in_one_event_is_refused_at_its_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "priority.yaml"
    path.write_text(PRIORITY_TWICE, "utf-8")
    code, out, err = _run(["test", "--lang", "en", str(POLICY), str(path)], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"{path}:5:94: error: [E160] key `priority` is given more than once in one mapping "
        "(first at line 5, column 80)\n"
    )
    code, out, err = _run(["test", str(POLICY), str(path)], capsys)
    assert (code, out) == (1, "")
    assert (
        f"{path}:5:94: error: [E160] 同じマッピングにキー `priority` が 2 回以上あります（最初は 5 行目 80 文字目）"
        in err
    )


@pytest.mark.parametrize(
    ("text", "where", "key", "first"),
    [
        # a case's name given twice: the first name was lost
        (
            'cases:\n  - name: x\n    name: y\n    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
            '    expect: "2026-11-30T12:00:00+09:00"\n',
            ":3:5:",
            "name",
            "line 2, column 5",
        ),
        # inside `expect`, in a flow mapping
        ("cases:\n  - name: x\n    expect: {a: 1, b: 2, a: 3}\n", ":3:26:", "a", "line 3, column 14"),
        # keys as the test reads them: `1` and "1" are one key
        ("cases:\n  - name: x\n    expect: {1: met, '1': breached}\n", ":3:22:", "1", "line 3, column 14"),
        # at the top of the file
        ("cases: []\ncases:\n  - name: x\n", ":2:1:", "cases", "line 1, column 1"),
        # a key a merge (`<<`) brings may be given again, as YAML means it; one given twice may not
        ("base: &b {x: 1}\nm:\n  <<: *b\n  x: 2\n  y: 3\n  y: 4\ncases: []\n", ":6:3:", "y", "line 5, column 3"),
        # line ends of a Windows file count once
        ("cases: []\r\nother: 1\r\ncases: []\r\n", ":3:1:", "cases", "line 1, column 1"),
    ],
)
def test_every_repeated_key_is_located(tmp_path: Path, text: str, where: str, key: str, first: str) -> None:
    path = tmp_path / "dup.yaml"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(InputError) as info:
        testyaml.load(path, "en")
    message = str(info.value)
    assert message.startswith(f"{path}{where} error: [E160] key `{key}` is given more than once"), message
    assert f"(first at {first})" in message


def test_the_json_lines_log_and_the_test_file_agree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same event, a log line and an inline event, is refused by both (E100 / E160), never judged."""
    log = tmp_path / "events.jsonl"
    log.write_text(
        '{"event": "incident.reported", "at": "2026-11-30T10:00:00+09:00", "id": "INC-A", '
        '"priority": "P1", "priority": "P3"}\n',
        "utf-8",
    )
    argv = ["evaluate", "--lang", "en", str(POLICY), str(log), "--from", "2026-11-30", "--to", "2026-12-07"]
    assert _run(argv, capsys)[0] == 1
    path = tmp_path / "priority.yaml"
    path.write_text(PRIORITY_TWICE, "utf-8")
    assert _run(["test", "--lang", "en", str(POLICY), str(path)], capsys)[0] == 1
