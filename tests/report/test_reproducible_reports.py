"""What reproduces a report (from an auditor's QA pass): each version's fingerprint and the tool's version.

A policy edited without a new ``version`` (line 95's ``4 business hours`` made ``8``) turned P1's
verdicts from 20 of 23 not met to 23 of 23 met, and nothing in the report told the two texts apart: the
JSON names each version by the SHA-256 of its file's bytes (``sha256sum``), and the tool by its name and
version (``generator``); the documents show the first 12 hex digits and the tool in their head. With
``--skip-invalid`` the documents say how many lines were left out and list them (they were on stderr and
in the JSON's ``input.skipped`` only).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report.render import render

from .helpers import EXAMPLE, MONTH, POLICY, sla

BAD = '{"event":"incident.reported","at":"2026-11-10T10:00:00+09:00","id":"BAD-1","priority":"P9"}'


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """Click So-ko with P1's response target at 8 business hours, its ``version`` unchanged."""
    lines = POLICY.read_text("utf-8").split("\n")
    assert lines[94].strip() == "respond within 4 business hours"
    lines[94] = lines[94].replace("4 business hours", "8 business hours")
    path = tmp_path / "edited.sla"
    path.write_text("\n".join(lines), "utf-8")
    return path


def test_the_json_names_each_version_by_the_sha256_of_its_file(edited: Path) -> None:
    code, out, _ = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["policy"]["sha256"] == _digest(POLICY) == sla_dsl.load_policy(POLICY).sha256
    assert [v["sha256"] for v in data["versions"]] == [_digest(POLICY)]
    assert list(data["policy"]) == ["name", "version", "effective", "sha256"]
    assert list(data)[-1] == "generator"
    assert data["generator"] == {"name": "sla-dsl", "version": sla_dsl.__version__}
    code, other, _ = sla("evaluate", edited, EXAMPLE, *MONTH, "--format", "json")
    assert code == 0
    changed = json.loads(other)["policy"]
    assert changed["version"] == data["policy"]["version"]  # one version, two texts
    assert changed["sha256"] == _digest(edited) != data["policy"]["sha256"]


def test_the_fingerprint_is_of_the_bytes_as_read(tmp_path: Path) -> None:
    """CRLF line ends and a byte-order mark are read as the same policy, but are other bytes: ``sha256sum``."""
    crlf = tmp_path / "crlf.sla"
    crlf.write_bytes(b"\xef\xbb\xbf" + POLICY.read_bytes().replace(b"\n", b"\r\n"))
    assert sla_dsl.load_policy(crlf).sha256 == _digest(crlf) != _digest(POLICY)
    text = POLICY.read_text("utf-8")
    assert sla_dsl.load_policy(text).sha256 == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert sla_dsl.compile_policy(POLICY).sha256 == _digest(POLICY)


def test_the_cluster_engines_give_a_file_the_fingerprint_one_run_gives_it(tmp_path: Path) -> None:
    """Dask and Spark ship the policy's text to their workers: its hash travels with it, of the file's bytes
    (the text of a file with a byte-order mark and CRLF line ends is other bytes)."""
    from sla_dsl.scale import policies_of, policy_texts

    crlf = tmp_path / "crlf.sla"
    crlf.write_bytes(b"\xef\xbb\xbf" + POLICY.read_bytes().replace(b"\n", b"\r\n"))
    for path in (crlf, POLICY):
        (policy,) = policies_of(policy_texts(path))
        assert policy.sha256 == sla_dsl.load_policy(path).sha256 == _digest(path)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_text_report_shows_the_fingerprint_and_the_tool(lang: str, edited: Path) -> None:
    code, out, _ = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", lang)
    assert code == 0
    head = out.split("\n\n")[0]
    short = _digest(POLICY)[:12]
    about = head.splitlines()[-1]
    assert short in about and _digest(POLICY)[:13] not in about, about
    assert f"sla-dsl {sla_dsl.__version__}" in about
    if lang == "ja":
        assert about.startswith("この報告書について：") and "2026.1：" + short in about, about
    else:
        assert about.startswith("About this report: ") and "2026.1: " + short in about, about
    code, other, _ = sla("evaluate", edited, EXAMPLE, *MONTH, "--lang", lang)
    assert _digest(edited)[:12] in other.split("\n\n")[0] and short not in other


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_documents_show_the_fingerprint(fmt: str) -> None:
    for lang in ("ja", "en"):
        code, out, _ = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--lang", lang, "--format", fmt)
        assert code == 0 and _digest(POLICY)[:12] in out and sla_dsl.__version__ in out


@pytest.fixture
def bad_log(tmp_path: Path) -> Path:
    path = tmp_path / "bad.jsonl"
    path.write_text(EXAMPLE.read_text("utf-8") + BAD + "\n", "utf-8")
    return path


def _line_of_bad(path: Path) -> int:
    return path.read_text("utf-8").splitlines().index(BAD) + 1


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_line_left_out_is_said_in_the_report(fmt: str, lang: str, bad_log: Path) -> None:
    code, out, _ = sla("evaluate", POLICY, bad_log, *MONTH, "--skip-invalid", "--lang", lang, "--format", fmt)
    assert code == 0
    line = str(_line_of_bad(bad_log))
    if lang == "ja":
        assert "イベントログの 1 行を不正なため除外しました" in out
        assert "除外したイベント行" in out and "優先度" in out and "P9" in out
        assert "unknown priority" not in out
    else:
        assert "1 line of the event log was left out as invalid" in out
        assert "Event lines left out" in out and "unknown priority" in out
    row = next(r for r in out.splitlines() if "E120" in r and line in r)
    assert ("「P9」" if lang == "ja" else "“P9”") in row and "`" not in row  # (data quoted, no code markup)


def test_the_lines_left_out_are_capped_with_a_count_of_the_rest(tmp_path: Path) -> None:
    log = tmp_path / "bad.jsonl"
    bad = [BAD.replace("BAD-1", f"BAD-{k}") for k in range(5)]
    log.write_text(EXAMPLE.read_text("utf-8") + "\n".join(bad) + "\n", "utf-8")
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, log, "2026-11-01", "2026-12-01", skip_invalid=True)
    text = render(report, "text", lang="en", policies=[policy], limit=2)
    part = text.split("Event lines left out\n")[1].split("\n\n")[0]
    assert sum("E120" in r for r in part.splitlines()) == 2 and "and 3 more" in part
    assert "5 lines of the event log were left out" in text
    full = render(report, "markdown", lang="en", policies=[policy])
    assert full.split("## Event lines left out")[1].count("E120") == 5
