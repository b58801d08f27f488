"""``sla test`` refuses what it does not read: a test that cannot fail is refused, not passed.

Each case of the QA's file passed with exit 0 before: a misspelt section of ``expect`` (``incident``), a
kind of violation no report lists (``response_breachd``), an ``expect`` that checks nothing, a key no
question reads (``when`` in a ``deadline``, ``asof`` in a ``period``, ``expected_failure`` on a case, a
misspelt ``attributes``). Each is now a located error (E160 for a key, E162 for a value) at the key's
own ``FILE:LINE:COL``, naming the keys (or kinds) that are read and the near one, in its own frame
only (no ``sla: error:`` before it), in the policy's language or ``--lang``'s.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl import load_policy
from sla_dsl.authoring.policytest import VIOLATION_KINDS, Case, load_cases, run_case
from sla_dsl.cli import main
from sla_dsl.errors import InputError
from sla_dsl.i18n import CATALOGUE

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"  # `languages ja, en`
PERIOD = "    period: {from: 2026-11-30, to: 2026-12-07}\n"
EVENTS = '    events:\n      - {event: incident.reported, at: "2026-11-30T10:00:00+09:00", id: INC-A, priority: P1}\n'
DEADLINE = '    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n'
DUE = '    expect: "2026-11-30T12:00:00+09:00"\n'


def _case(body: str) -> str:
    return "cases:\n  - name: x\n" + body


def _run(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *lang: str) -> tuple[int, str, str]:
    path = tmp_path / "t.yaml"
    path.write_text(text, "utf-8")
    capsys.readouterr()
    code = main(["test", *lang, str(POLICY), str(path)])
    out, err = capsys.readouterr()
    return code, out, err.replace(str(path), "t.yaml")


# the cases of the QA's t1.yaml, one per file: each passed (exit 0) before
REFUSED = [
    pytest.param(
        _case(PERIOD + EVENTS + "    expect:\n      incident: {INC-A: met}\n"),
        "t.yaml:7:7: error: [E160] case `x`: unknown key `incident` in `expect`\n"
        "  help: did you mean `incidents`? the keys are incidents, outages, planned_stops, targets, "
        "availability, availability_periods, credits, breach_credits, credit_totals, violations, no_violations\n",
        "t.yaml:7:7: error: [E160] ケース `x`：`expect` にキー `incident` はありません\n"
        "  ヒント: `incidents` の誤りではありませんか？",
        id="incident-for-incidents",
    ),
    pytest.param(
        _case(PERIOD + EVENTS + "    expect:\n      no_violations: [response_breachd]\n"),
        "t.yaml:7:23: error: [E162] case `x`: `response_breachd` in `expect.no_violations` is not a kind of "
        "violation\n  help: did you mean `response_breached`? the kinds are response_breached, target_breached, "
        "notice_breached, stop_notice_invalid, backup_missed, backup_retention, backup_zone, availability, data\n",
        "t.yaml:7:23: error: [E162] ケース `x`：`expect.no_violations` の `response_breachd` は違反の種類ではありません"
        "\n  ヒント: `response_breached` の誤りではありませんか？違反の種類は `response_breached`、",
        id="unknown-kind-in-no-violations",
    ),
    pytest.param(
        _case(PERIOD + EVENTS + "    expect: {}\n"),
        "t.yaml:6:5: error: [E160] case `x`: `expect` checks nothing: a case that checks nothing cannot fail\n"
        "  help: say what the report must show, e.g. `incidents: {INC-1: met}`\n",
        "t.yaml:6:5: error: [E160] ケース `x`：`expect` に確かめることが書かれていません。",
        id="empty-expect",
    ),
    pytest.param(
        _case('    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00", when: "2026-11-27"}\n' + DUE),
        "t.yaml:3:65: error: [E160] case `x`: unknown key `when` in `deadline`\n"
        "  help: the keys are priority, from, attributes\n",
        "t.yaml:3:65: error: [E160] ケース `x`：`deadline` にキー `when` はありません\n"
        "  ヒント: 書けるキーは `priority`、`from`、`attributes` です\n",
        id="unknown-key-in-deadline",
    ),
    pytest.param(
        _case(DEADLINE + DUE + "    expected_failure: true\n"),
        "t.yaml:5:5: error: [E160] case `x`: unknown key `expected_failure`\n"
        "  help: the keys are name, deadline, expect\n",
        "t.yaml:5:5: error: [E160] ケース `x`：キー `expected_failure` はありません\n",
        id="unknown-key-on-a-case",
    ),
    pytest.param(
        _case(
            '    period: {from: 2026-11-30, to: 2026-12-07, asof: "2026-12-03T11:00:00+09:00"}\n'
            + EVENTS
            + "    expect:\n      incidents: {INC-A: breached}\n"
        ),
        "t.yaml:3:48: error: [E160] case `x`: unknown key `asof` in `period`\n"
        "  help: did you mean `as_of`? the keys are from, to, as_of\n",
        "t.yaml:3:48: error: [E160] ケース `x`：`period` にキー `asof` はありません\n",
        id="asof-for-as_of",
    ),
    pytest.param(
        _case('    deadline: {priority: P1, from: "2026-11-27T16:00:00+09:00", attribute: {plan: premium}}\n' + DUE),
        "t.yaml:3:65: error: [E160] case `x`: unknown key `attribute` in `deadline`\n"
        "  help: did you mean `attributes`? the keys are priority, from, attributes\n",
        "t.yaml:3:65: error: [E160] ケース `x`：`deadline` にキー `attribute` はありません\n",
        id="attribute-for-attributes",
    ),
]


@pytest.mark.parametrize(("text", "en", "ja"), REFUSED)
def test_what_the_test_does_not_read_is_refused_at_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, en: str, ja: str
) -> None:
    assert _run(tmp_path, capsys, text, "--lang", "en") == (1, "", en)
    code, out, err = _run(tmp_path, capsys, text)  # the policy's primary language: Japanese
    assert (code, out) == (1, "") and err.startswith(ja), err


@pytest.mark.parametrize(
    ("body", "said"),
    [
        # an expect that checks nothing, whatever its form
        (PERIOD + EVENTS + "    expect:\n", "t.yaml:6:5: error: [E160] case `x`: `expect` checks nothing"),
        (PERIOD + EVENTS + "    expect: {incidents: {}}\n", "[E160] case `x`: `expect` checks nothing"),
        (PERIOD + EVENTS + "    expect: {no_violations: false}\n", "[E160] case `x`: `expect` checks nothing"),
        (PERIOD + EVENTS + "    expect: {violations: []}\n", "[E160] case `x`: `expect` checks nothing"),
        # an expect that is not a mapping of sections
        (PERIOD + EVENTS + "    expect: met\n", "t.yaml:6:5: error: [E162] case `x`: `expect` must be a mapping of"),
        # the items of `violations`
        (
            PERIOD + EVENTS + "    expect:\n      violations:\n        - {kind: response_breached, idd: INC-A}\n",
            "t.yaml:8:37: error: [E160] case `x`: unknown key `idd` in `expect.violations`\n"
            "  help: did you mean `id`? the keys are kind, id",
        ),
        (
            PERIOD + EVENTS + "    expect:\n      violations:\n        - {kind: response_breached}\n",
            "t.yaml:8:11: error: [E160] case `x` needs `id`",
        ),
        (
            PERIOD + EVENTS + "    expect:\n      violations:\n        - {kind: notice_missed, id: OUT-1}\n",
            "t.yaml:8:12: error: [E162] case `x`: `notice_missed` in `expect.violations` is not a kind of "
            "violation\n  help: did you mean `notice_breached`?",
        ),
        (
            PERIOD + EVENTS + "    expect:\n      no_violations: {response_breached: true}\n",
            "t.yaml:7:7: error: [E162] case `x`: `expect.no_violations` must be `true`, a kind of violation or a "
            "list of kinds",
        ),
        # a period where no events are judged
        (
            DEADLINE + PERIOD + DUE,
            "t.yaml:4:5: error: [E160] case `x`: `period` goes only with `events` or `events_file`\n"
            "  help: the keys are name, deadline, expect",
        ),
        # a misspelt question is named as the near one
        (
            '    deadlin: {priority: P1, from: "2026-11-27T16:00:00+09:00"}\n' + DUE,
            "t.yaml:3:5: error: [E160] case `x`: unknown key `deadlin`\n  help: did you mean `deadline`?",
        ),
        (
            "    maintenance: {from: 2026-11-01, to: 2026-12-01, form: 2026-01-01}\n    expect: []\n",
            "t.yaml:3:53: error: [E160] case `x`: unknown key `form` in `maintenance`\n"
            "  help: did you mean `from`? the keys are from, to",
        ),
    ],
)
def test_more_that_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, said: str) -> None:
    code, out, err = _run(tmp_path, capsys, _case(body), "--lang", "en")
    assert (code, out) == (1, "") and said in err, err
    assert "sla: error" not in err


def test_a_key_at_the_top_of_the_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _case(DEADLINE + DUE) + "case:\n  - name: y\n" + DEADLINE + DUE
    assert _run(tmp_path, capsys, text, "--lang", "en") == (
        1,
        "",
        "t.yaml:5:1: error: [E160] unknown key `case` at the top of the test file\n"
        "  help: did you mean `cases`? the keys are cases\n",
    )


def test_every_case_of_a_file_is_checked_before_any_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The refusal comes from reading the file: no case is run (nothing on stdout) when a later one is bad."""
    text = _case(DEADLINE + DUE) + "  - name: y\n" + DEADLINE + DUE + "    expected_failure: true\n"
    code, out, err = _run(tmp_path, capsys, text, "--lang", "en")
    assert (code, out) == (1, "") and err.startswith("t.yaml:8:5: error: [E160] case `y`: unknown key"), err


def test_a_hand_made_case_is_refused_as_a_file_is() -> None:
    """``run_case`` checks a case built in Python too: ``expect: {}`` is refused, not passed."""
    spec = {
        "name": "x",
        "period": {"from": "2026-11-30", "to": "2026-12-07"},
        "events": [],
        "expect": {"incident": {"INC-A": "met"}},
    }
    with pytest.raises(InputError, match=r"x.yaml:7: error: \[E160\] case `x`: unknown key `incident` in `expect`"):
        run_case(load_policy(POLICY), Case(name="x", file="x.yaml", line=7, spec=spec))


def test_the_bundled_test_files_use_only_keys_that_are_read() -> None:
    files = [*(ROOT / "policies" / "tests").glob("*.yaml"), *(ROOT / "policies" / "examples").glob("*.yaml")]
    assert len(files) >= 7
    assert all(load_cases(f) for f in files)  # (refused with InputError otherwise)


def test_the_kinds_are_the_kinds_a_report_lists() -> None:
    """Every kind of violation the report words (``report.kind.*`` but ``other``) is one ``sla test`` takes."""
    worded = {k.removeprefix("report.kind.") for k in CATALOGUE if k.startswith("report.kind.")} - {"other"}
    assert set(VIOLATION_KINDS) == worded
