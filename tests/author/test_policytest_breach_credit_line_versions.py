"""``sla test`` and ``sla explain`` name a shared ``breach_credits`` key's rows by the versions whose credit line
each is, as the report's ``policy_versions`` column does.

Two rows of one period that share a key (two versions' credit lines) were keyed ``:version=V`` with the earliest
version that judged the row's incidents, while the report's column lists the versions whose credit line the row
is. They differ when a later version states an earlier one's line again: 2026.1 (5% per breach) judged X,
reported on 31 October and breached on 1 November; 2026.2 (8%, from 1 November) judged B; 2026.3 (5% again,
from 16 November) judged C. November's 5% row counts X and C and its column says ``2026.3`` (the version
with that line in force in November), but the test file had to write ``:version=2026.1``, a version the
report does not name for the row, and ``sla explain`` took only that. Now both key a row by the first version
its column lists, and any version it lists names it. Worked by hand, Asia/Tokyo, elapsed hours.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

VERSION = """\
sla "Desk" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  provider "MIC株式会社" / "MIC"
  languages ja, en
}}
priority P1 "緊急" / "Urgent" [art 5] {{
  respond within {respond}
  credit {percent}% per breach, at most 20% monthly
}}
"""
#: 5% per breach; a day to respond: X, reported at 20:00 on 31 October, breaches at 20:00 on 1 November
V1 = VERSION.format(version="2026.1", effective="2026-01-01", respond="1 day", percent=5)
#: 8% per breach from 1 November
V2 = VERSION.format(version="2026.2", effective="2026-11-01", respond="1 hour", percent=8)
#: 5% per breach again from 16 November: the line of 2026.1
V3 = VERSION.format(version="2026.3", effective="2026-11-16", respond="1 hour", percent=5)


def ev(event: str, at: str, ident: str, **more: str) -> dict[str, str]:
    return {"event": event, "at": f"2026-{at}:00+09:00", "id": ident, **more}


EVENTS = [
    ev("incident.reported", "10-31T20:00", "X", priority="P1"),  # never answered: due 1 November 20:00 (2026.1)
    ev("incident.reported", "11-10T10:00", "B", priority="P1"),
    ev("incident.responded", "11-10T13:00", "B"),  # 3 hours: a breach of 2026.2's line
    ev("incident.reported", "11-17T10:00", "C", priority="P1"),
    ev("incident.responded", "11-17T13:00", "C"),  # a breach of 2026.3's line, 2026.1's
]
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2027-01-10T00:00:00+09:00"]


def _files(tmp_path: Path, versions: dict[str, str], expect: str, events: list[dict[str, str]]) -> list[str]:
    paths = []
    for name, text in versions.items():
        (tmp_path / name).write_text(text, "utf-8")
        paths.append(str(tmp_path / name))
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    case = (
        "cases:\n  - name: credits\n    events_file: events.jsonl\n"
        '    period: {from: "2026-11-01", to: "2026-12-01", as_of: "2027-01-10T00:00:00+09:00"}\n'
        "    expect:\n      breach_credits:\n" + expect
    )
    (tmp_path / "t.yaml").write_text(case, "utf-8")
    return [*paths, str(tmp_path / "t.yaml")]


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out + err


def _versions_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[float, list[str]]:
    files = [str(tmp_path / n) for n in ("v1.sla", "v2.sla", "v3.sla")]
    code, out = _run(["evaluate", *files, str(tmp_path / "events.jsonl"), *PERIOD, "--format", "json"], capsys)
    assert code == 0, out
    return {r["per_breach"]: r["policy_versions"] for r in json.loads(out)["breach_credits"]}


def test_each_row_is_keyed_by_the_versions_its_column_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect = (
        '        "P1:respond:2026-11-01:version=2026.3": {credit: 10, breaches: 2, incidents: [X, C]}\n'
        '        "P1:respond:2026-11-01:version=2026.2": {credit: 8, breaches: 1, incidents: [B]}\n'
    )
    files = _files(tmp_path, {"v1.sla": V1, "v2.sla": V2, "v3.sla": V3}, expect, EVENTS)
    assert _versions_column(tmp_path, capsys) == {5.0: ["2026.3"], 8.0: ["2026.2"]}  # (what the report shows)
    code, out = _run(["test", "--lang", "en", *files], capsys)
    assert code == 0, out


def test_the_version_that_only_judged_an_incident_names_no_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expect = '        "P1:respond:2026-11-01:version=2026.1": {credit: 10}\n'
    files = _files(tmp_path, {"v1.sla": V1, "v2.sla": V2, "v3.sla": V3}, expect, EVENTS)
    code, out = _run(["test", "--lang", "en", *files], capsys)
    assert code == 1, out
    assert "P1:respond:2026-11-01:version=2026.3" in out, out


def test_the_shared_key_names_the_keys_to_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _files(tmp_path, {"v1.sla": V1, "v2.sla": V2, "v3.sla": V3}, '        "P1:respond:2026-11-01": 8\n', EVENTS)
    code, out = _run(["test", "--lang", "en", *files], capsys)
    said = (
        "breach_credits P1:respond:2026-11-01: rows of several versions of the policy share this key: "
        "write one of `P1:respond:2026-11-01:version=2026.2`, `P1:respond:2026-11-01:version=2026.3`"
    )
    assert code == 1 and said in out, out


def test_any_version_a_row_lists_names_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2026.1 in force to 9 November and 2026.3 from 16 November state one line: the row of C lists both
    v2 = V2.replace("effective 2026-11-01", "effective 2026-11-09")
    events = EVENTS[1:]
    for version in ("2026.1", "2026.3"):
        expect = (
            f'        "P1:respond:2026-11-01:version={version}": {{credit: 5, incidents: [C]}}\n'
            '        "P1:respond:2026-11-01:version=2026.2": {credit: 8, incidents: [B]}\n'
        )
        files = _files(tmp_path, {"v1.sla": V1, "v2.sla": v2, "v3.sla": V3}, expect, events)
        if version == "2026.1":
            assert _versions_column(tmp_path, capsys) == {5.0: ["2026.1", "2026.3"], 8.0: ["2026.2"]}
        code, out = _run(["test", "--lang", "en", *files], capsys)
        assert code == 0, (version, out)


def test_explain_takes_the_version_the_column_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = _files(tmp_path, {"v1.sla": V1, "v2.sla": V2, "v3.sla": V3}, '        "P1:respond:2026-11-01": 8\n', EVENTS)
    logs = [*files[:3], str(tmp_path / "events.jsonl")]
    code, out = _run(["explain", *logs, "P1:respond:2026-11-01:version=2026.3", *PERIOD, "--lang", "en"], capsys)
    assert code == 0, out
    assert "X" in out and "C" in out and "incident B" not in out, out
    code, out = _run(["explain", *logs, "P1:respond:2026-11-01:version=2026.1", *PERIOD, "--lang", "en"], capsys)
    assert code == 1, out


def test_explain_of_a_version_no_row_is_lists_the_versions_that_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``:version=2026.1`` names no row of the key (2026.1 only judged X): the refusal listed the forms of
    the ids explain takes, never the versions that name a row; it now lists them, from the rows'
    ``policy_versions``, in both languages."""
    files = _files(tmp_path, {"v1.sla": V1, "v2.sla": V2, "v3.sla": V3}, '        "P1:respond:2026-11-01": 8\n', EVENTS)
    logs = [*files[:3], str(tmp_path / "events.jsonl")]
    ident = "P1:respond:2026-11-01:version=2026.1"
    code, out = _run(["explain", *logs, ident, *PERIOD, "--lang", "en"], capsys)
    assert code == 1, out
    assert (
        f"no row of credits per missed target `{ident}` in the period Sun 1 Nov 2026 00:00 to Tue 1 Dec 2026 00:00 "
        "(its rows by version: `P1:respond:2026-11-01:version=2026.2`, `P1:respond:2026-11-01:version=2026.3`)"
    ) in out, out
    assert "Traceback" not in out
    code, out = _run(["explain", *logs, "P1:respond:2026-11-01:version=9", *PERIOD, "--lang", "ja"], capsys)
    assert code == 1, out
    assert (
        "2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00 の目標未達のサービスクレジットに "
        "`P1:respond:2026-11-01:version=9` という行はありません（版ごとの行の ID："
        "`P1:respond:2026-11-01:version=2026.2`、`P1:respond:2026-11-01:version=2026.3`）"
    ) in out, out


def test_explain_lists_every_version_a_row_lists(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 2026.1 in force to 9 November and 2026.3 from 16 November state one line: the row of C lists both
    v2 = V2.replace("effective 2026-11-01", "effective 2026-11-09")
    files = _files(
        tmp_path, {"v1.sla": V1, "v2.sla": v2, "v3.sla": V3}, '        "P1:respond:2026-11-01": 8\n', EVENTS[1:]
    )
    logs = [*files[:3], str(tmp_path / "events.jsonl")]
    code, out = _run(["explain", *logs, "P1:respond:2026-11-01:version=2026.4", *PERIOD, "--lang", "en"], capsys)
    assert code == 1, out
    assert (
        "(its rows by version: `P1:respond:2026-11-01:version=2026.1`, `P1:respond:2026-11-01:version=2026.2`, "
        "`P1:respond:2026-11-01:version=2026.3`)"
    ) in out, out
