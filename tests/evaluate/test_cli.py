"""``sla evaluate`` and ``sla explain`` end to end, as a user runs them (subprocess)."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import POLICY_PATH, ROOT

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
CORPUS = json.loads((ROOT / "tests" / "events" / "malformed.json").read_text("utf-8"))
GOOD = '{"event":"incident.reported","at":"2026-11-02T10:00:00+09:00","id":"INC-1","priority":"P1"}'
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]


def sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )


@pytest.mark.parametrize("case", CORPUS, ids=[c["name"] for c in CORPUS])
def test_malformed_event_exits_1_without_traceback(case: dict[str, str], tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text(f"{GOOD}\n{case['line'] * case.get('repeat', 1)}\n", encoding="utf-8")
    res = sla("evaluate", POLICY_PATH, log, *MONTH, "--format", "json", "--lang", "en")
    assert res.returncode == 1
    assert res.stdout == ""
    assert "Traceback" not in res.stderr
    assert f"events.jsonl:2: error: [{case['code']}] " in res.stderr
    assert case["message"] in res.stderr


def test_every_bad_line_listed_and_skip_invalid_goes_on(tmp_path: Path) -> None:
    log = tmp_path / "events.jsonl"
    log.write_text("\n".join([GOOD, CORPUS[0]["line"], CORPUS[5]["line"], GOOD]) + "\n", encoding="utf-8")
    res = sla("evaluate", POLICY_PATH, log, *MONTH)
    assert res.returncode == 1 and ":2: error: [E100]" in res.stderr and ":3: error: [E103]" in res.stderr
    res = sla("evaluate", POLICY_PATH, log, *MONTH, "--format", "json", "--skip-invalid", "--lang", "en")
    assert res.returncode == 0
    report = json.loads(res.stdout)
    assert len(report["input"]["skipped"]) == 2 and "skipped" in res.stderr
    assert report["input"]["duplicates"] == 1


def test_example_month_json_has_the_contract_keys() -> None:
    res = sla(
        "evaluate",
        POLICY_PATH,
        EXAMPLE,
        "--from",
        "2026-11-01T00:00:00+09:00",
        "--to",
        "2026-12-01",
        "--format",
        "json",
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    for key in (
        "policy",
        "period",
        "incidents",
        "outages",
        "planned_stops",
        "maintenance",
        "availability",
        "backups",
        "violations",
    ):
        assert key in report
    assert report["period"] == {
        "from": "2026-11-01T00:00:00+09:00",
        "to": "2026-12-01T00:00:00+09:00",
        "as_of": "2026-12-01T00:00:00+09:00",
    }
    inc = report["incidents"][0]
    assert set(inc) >= {"id", "priority", "clock_start", "response_due", "responded_at", "status", "completed_at"}
    assert len(report["backups"]) == 3 * 30
    statuses = {i["status"] for i in report["incidents"]}
    assert statuses == {"met", "breached", "open", "at_risk", "excluded"}
    assert {o["notice_status"] for o in report["outages"]} == {"met", "breached", "not_applicable", "excluded"}


def test_text_markdown_html_reports() -> None:
    text = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--lang", "en")
    assert text.returncode == 0 and "Availability" in text.stdout and "Violations" in text.stdout
    md = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", "markdown", "--lang", "ja")
    assert md.returncode == 0 and md.stdout.startswith("# Click So-ko サービスレベル報告書（2026年11月度）")
    page = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", "html")
    assert page.returncode == 0 and "<svg" in page.stdout and page.stdout.rstrip().endswith("</html>")


def test_reports_default_to_the_policys_primary_language(tmp_path: Path) -> None:
    """`languages ja, en` makes Japanese the default; a policy that declares `en` first gets English."""
    for fmt in ("text", "markdown", "html"):
        res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", fmt)
        assert res.returncode == 0 and "サービスレベル報告書（2026年11月度）" in res.stdout, fmt
    english = tmp_path / "en.sla"
    english.write_text(POLICY_PATH.read_text("utf-8").replace("languages ja, en", "languages en, ja"), "utf-8")
    res = sla("evaluate", english, EXAMPLE, *MONTH)
    assert res.returncode == 0 and res.stdout.startswith("Click So-ko: service level report, November 2026")
    res = sla("explain", english, EXAMPLE, "INC-001")
    assert res.returncode == 0 and res.stdout.startswith("Incident INC-001 (P1 Priority 1, policy version 2026.1)")


def test_policy_directory_and_several_versions(tmp_path: Path) -> None:
    v2 = POLICY_PATH.read_text("utf-8").replace('version "2026.1"', 'version "2026.2"')
    (tmp_path / "a.sla").write_text(POLICY_PATH.read_text("utf-8"), encoding="utf-8")
    (tmp_path / "b.sla").write_text(v2.replace("effective 2026-04-01", "effective 2026-11-16"), encoding="utf-8")
    res = sla("evaluate", tmp_path, EXAMPLE, *MONTH, "--format", "json")
    assert res.returncode == 0, res.stderr
    versions = {i["policy_version"] for i in json.loads(res.stdout)["incidents"]}
    assert versions == {"2026.1", "2026.2"}
    (tmp_path / "c.sla").write_text(v2.replace("2026.2", "2026.3"), encoding="utf-8")
    res = sla("evaluate", tmp_path, EXAMPLE, *MONTH)  # the versions declare Japanese first: the refusal is in it
    assert res.returncode == 1 and "同じ日" in res.stderr, res.stderr
    res = sla("evaluate", tmp_path, EXAMPLE, *MONTH, "--lang", "en")
    assert res.returncode == 1 and "same day" in res.stderr, res.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-11-01T00:00:00", "--to", "2026-12-01"], "has no UTC offset"),
        (["--from", "november", "--to", "2026-12-01"], "is not an ISO 8601 time"),
        (["--from", "2026-12-01", "--to", "2026-11-01"], "the period is empty"),
    ],
)
def test_a_bad_period_is_wrong_usage_exit_2(args: list[str], message: str) -> None:
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *args, "--lang", "en")
    assert res.returncode == 2 and message in res.stderr and res.stdout == ""


@pytest.mark.parametrize("name", ["nope.jsonl", "nope.csv", "nope.parquet", "nope.arrow"])
def test_missing_events_file_and_usage(name: str) -> None:
    res = sla("evaluate", POLICY_PATH, name, *MONTH, "--lang", "en")
    assert res.returncode == 1 and res.stderr == f"sla: error: {name}: cannot read events: No such file or directory\n"
    res = sla("evaluate", POLICY_PATH, name, *MONTH)  # the policy's language
    assert res.returncode == 1 and res.stderr == f"sla: エラー: {name}: イベントを読めません：ファイルがありません\n"
    assert sla("evaluate", POLICY_PATH, EXAMPLE).returncode == 2  # --from/--to are required


def test_explain_one_incident() -> None:
    res = sla("explain", POLICY_PATH, EXAMPLE, "INC-001")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[:3] == [
        "案件 INC-001（P1 優先度１、規定の版 2026.1）：未達",
        "判定期間：2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00（2026年12月1日(火) 00:00 時点）",
        "根拠：第3条の(2)（SLA の設定）P1 優先度１",
    ]
    en = sla("explain", POLICY_PATH, EXAMPLE, "INC-001", "--lang", "en")
    assert en.stdout.startswith("Incident INC-001 (P1 Priority 1, policy version 2026.1): breached\n")
    assert en.stdout.count("Art. 3.2") == 1  # the article once, not on every line
    res = sla("explain", POLICY_PATH, EXAMPLE, "NOPE", *MONTH)
    assert res.returncode == 1 and "`NOPE`" in res.stderr


def test_text_summary_caps_long_lists() -> None:
    full = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--lang", "en")
    assert full.returncode == 0 and "more (--limit 0" not in full.stdout  # the month fits the default 50
    capped = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--limit", "3", "--lang", "en")
    assert capped.returncode == 0
    violations = capped.stdout.split("Violations and items to act on (")[1].split("\n\n")[0]
    total = int(violations.split(")")[0])
    rows = [ln for ln in violations.splitlines()[2:] if ln.strip()]
    assert (
        len(rows) == 4
        and rows[-1].strip() == f"… and {total - 3:,} more (--limit 0 lists all; json, markdown and html always do)"
    )
    assert sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--limit", "0", "--lang", "en").stdout == full.stdout
    markdown = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--limit", "3", "--format", "markdown").stdout
    assert "ほか" not in markdown and markdown.count("| **応答目標の未達** |") >= 4


def test_negative_limit_is_a_usage_error() -> None:
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--limit", "-1")
    assert res.returncode == 2 and "`-1` is negative" in res.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_output_file_holds_what_stdout_gets(tmp_path: Path, fmt: str) -> None:
    shown = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", fmt)
    out = tmp_path / f"report.{fmt}"
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", fmt, "--output", out)
    assert res.returncode == 0 and res.stdout == "" and res.stderr == ""
    assert out.read_text("utf-8") == shown.stdout and shown.returncode == 0


def test_output_file_replaced_whole_keeping_its_mode_or_left_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o640)
    assert sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--format", "json", "--output", out).returncode == 0
    assert json.loads(out.read_text("utf-8"))["incidents"] and out.stat().st_mode & 0o777 == 0o640
    before = out.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event": "incident.reported"}\n')
    res = sla("evaluate", POLICY_PATH, bad, *MONTH, "--format", "json", "--output", out)
    assert res.returncode == 1 and "bad.jsonl:1" in res.stderr
    assert out.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "report.json"]


@pytest.mark.parametrize(
    ("where", "words", "ja"),
    [
        ("dir", "is a directory: give the file to write the report into", " はディレクトリです。"),
        ("no/such/r.txt", "there is no directory", "：ディレクトリ `"),
    ],
)
def test_output_file_that_cannot_be_written_is_refused_before_the_work(
    tmp_path: Path, where: str, words: str, ja: str
) -> None:
    (tmp_path / "dir").mkdir()
    target = tmp_path / where
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--output", target, "--lang", "en")
    assert res.returncode == 2 and res.stdout == "" and "Traceback" not in res.stderr  # the flag's value: usage
    assert res.stderr.startswith(f"sla: error: --output `{target}`") and words in res.stderr, res.stderr
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--output", target)  # the policy's language
    assert res.returncode == 2 and res.stderr.startswith(f"sla: エラー: `--output` の `{target}`{ja}"), res.stderr


def test_events_from_a_closed_stdin_are_an_input_error_not_a_bug() -> None:
    argv = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(POLICY_PATH), "-", *MONTH]
    res = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0  # an empty stdin is an empty log
    closed = subprocess.run(  # the shell's `<&-`: the child starts with no descriptor 0
        ["sh", "-c", 'exec "$@" <&-', "sh", *argv], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert closed.returncode == 1 and closed.stdout == ""
    assert closed.stderr == "sla: エラー: <stdin>: イベントを読めません：標準入力が閉じています\n"
    closed = subprocess.run(
        ["sh", "-c", 'exec "$@" <&-', "sh", *argv, "--lang", "en"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert closed.stderr == "sla: error: <stdin>: cannot read events: the standard input is closed\n"


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_report_that_cannot_be_written_on_stdout_is_an_error_not_a_bug_or_a_success(fmt: str) -> None:
    argv = [sys.executable, "-m", "sla_dsl._entry", "evaluate", str(POLICY_PATH), str(EXAMPLE), *MONTH, "--format", fmt]
    with open("/dev/full", "w") as full:  # a full disk
        res = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 1
    assert res.stderr == "sla: エラー: 標準出力にレポートを書けません：ディスクに空きがありません\n"
    closed = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *argv], capture_output=True, text=True, cwd=ROOT)
    assert (
        closed.returncode == 1
        and closed.stderr == "sla: エラー: 標準出力にレポートを書けません：標準出力が閉じています\n"
    )
    argv.extend(["--lang", "en"])
    with open("/dev/full", "w") as full:
        res = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert res.stderr == "sla: error: cannot write the report on the standard output: No space left on device\n"
    closed = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *argv], capture_output=True, text=True, cwd=ROOT)
    assert (
        closed.stderr == "sla: error: cannot write the report on the standard output: the standard output is closed\n"
    )


def test_any_command_that_cannot_write_its_output_says_so() -> None:
    argv = [sys.executable, "-m", "sla_dsl._entry", "calendar", str(POLICY_PATH), "--month", "2026-11"]
    with open("/dev/full", "w") as full:
        res = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 1 and res.stderr == "sla: エラー: 出力を書けません：ディスクに空きがありません\n"
    argv.extend(["--lang", "en"])  # (the policy's primary language is Japanese)
    with open("/dev/full", "w") as full:
        res = subprocess.run(argv, stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 1 and res.stderr == "sla: error: cannot write the output: No space left on device\n"
    closed = subprocess.run(["sh", "-c", 'exec "$@" >&-', "sh", *argv], capture_output=True, text=True, cwd=ROOT)
    assert (
        closed.returncode == 1
        and closed.stderr == "sla: error: cannot write the output: the standard output is closed\n"
    )


def test_output_into_a_device_or_through_a_link_writes_into_it_never_replaces_it(tmp_path: Path) -> None:
    shown = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH).stdout
    stdout = tmp_path / "stdout"  # as /dev/stdout, a link to the pipe behind descriptor 1 (and, unlike
    stdout.symlink_to("/proc/self/fd/1")  # /dev/stdout, harmless to replace if the code ever did)
    res = sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--output", stdout)
    assert res.returncode == 0 and res.stdout == shown and stdout.is_symlink()
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sla_dsl.cli",
            "evaluate",
            str(POLICY_PATH),
            str(EXAMPLE),
            *MONTH,
            "--output",
            str(fifo),
        ],
        cwd=ROOT,
    )
    assert fifo.read_text("utf-8") == shown and proc.wait(timeout=120) == 0
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a file put in its place
    real = tmp_path / "reports" / "november.txt"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.txt"
    link.symlink_to(real)
    assert sla("evaluate", POLICY_PATH, EXAMPLE, *MONTH, "--output", link).returncode == 0
    assert link.is_symlink() and real.read_text("utf-8") == shown


def test_calendar_lists_every_maintenance_window_of_a_day(tmp_path: Path) -> None:
    # (one window a day was kept: a second maintenance starting the same day was left out of the grid's list)
    extra = 'maintenance extra "追加メンテ" / "Extra maintenance" {\n  every month on day 26, 20:00-21:00\n}\n'
    policy = tmp_path / "two.sla"
    policy.write_text(POLICY_PATH.read_text("utf-8") + "\n" + extra, "utf-8")
    res = sla("calendar", policy, "--month", "2026-11")
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stdout.splitlines() if line.startswith(" 26M")]
    assert lines == [" 26M 追加メンテ 20:00-21:00", " 26M 定期メンテナンス停止 22:00-24:00"]
