"""``sla test`` tells apart the ``breach_credits`` rows two versions give in one period.

Two versions of a policy that state different credits for one target, both judging incidents of one month,
give a row each (``P1:respond:2026-11-01``, 5% and 8% per breach): the test file keyed them alike, so it could
name only the last. Now each such row is keyed with the version that judged its incidents after the key, as
``:plan=premium`` follows the key of a rule with ``when`` (``P1:respond:2026-11-01:version=2026.1``); the key
without it names no row, and a case that writes it fails naming the keys to write. A row that versions with the
same credit share is keyed by the earliest of them; a key no other row shares stays as it was. A quarter the
evaluated month cuts is keyed by the first day its row's ``start`` gives, the quarter's (the customer report's
table shows the whole quarter). Worked by hand, Asia/Tokyo, elapsed hours.
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
clock response "応答の起算点" / "Response clock" {{ starts at incident.reported }}
clock resolution "解決までの時間" / "Time to resolution" {{
  starts at incident.reported
  stops at incident.resolved
}}
priority P1 "緊急" / "Urgent" [art 5] {{
  respond within {respond}
  credit {percent}% per breach, at most 20% monthly
  resolve within 1 day on resolution
  credit 10% per breach quarterly
  complete on incident.resolved
}}
"""
V1 = VERSION.format(version="2026.1", effective="2026-01-01", respond="1 hour", percent=5)
#: another response target, the same credit as 2026.1's
V2 = VERSION.format(version="2026.2", effective="2026-11-09", respond="2 hours", percent=5)
#: another credit: its breaches have a row of their own in November
V3 = VERSION.format(version="2026.3", effective="2026-11-16", respond="1 hour", percent=8)


def _incident(ident: str, day: str, responded: str, resolved: str) -> list[dict[str, str]]:
    return [
        {"event": "incident.reported", "at": f"2026-11-{day}T10:00:00+09:00", "id": ident, "priority": "P1"},
        {"event": "incident.responded", "at": f"2026-11-{day}T{responded}:00+09:00", "id": ident},
        {"event": "incident.resolved", "at": f"2026-11-{resolved}:00+09:00", "id": ident},
    ]


EVENTS = [
    *_incident("A", "02", "12:00", "02T13:00"),  # answered after 2 hours: a breach under every version
    *_incident("D", "03", "10:30", "05T10:00"),  # resolved after 2 days: the quarter's breach (from 1 October)
    *_incident("B", "10", "13:00", "10T14:00"),  # after 3 hours, under 2026.2 (else 2026.1)
    *_incident("C", "17", "13:00", "17T14:00"),  # under 2026.3 (else 2026.2)
]


def _files(tmp_path: Path, versions: dict[str, str], expect: str) -> list[str]:
    paths = []
    for name, text in versions.items():
        (tmp_path / name).write_text(text, "utf-8")
        paths.append(str(tmp_path / name))
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    case = (
        "cases:\n  - name: credits\n    events_file: events.jsonl\n"
        '    period: {from: "2026-11-01", to: "2026-12-01", as_of: "2027-01-10T00:00:00+09:00"}\n'
        "    expect:\n      breach_credits:\n" + expect
    )
    (tmp_path / "t.yaml").write_text(case, "utf-8")
    return [*paths, str(tmp_path / "t.yaml")]


def _test(files: list[str], capsys: pytest.CaptureFixture[str], lang: str = "en") -> tuple[int, str]:
    code = main(["test", "--lang", lang, *files])
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def test_each_versions_row_has_its_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect = (
        '        "P1:respond:2026-11-01:version=2026.1": {credit: 10, breaches: 2, incidents: [A, B]}\n'
        '        "P1:respond:2026-11-01:version=2026.3": {credit: 8, breaches: 1, incidents: [C]}\n'
        '        "P1:resolve@resolution:2026-10-01": {credit: 0, breaches: 1, complete: false, incidents: [D]}\n'
    )
    code, out = _test(_files(tmp_path, {"v1.sla": V1, "v3.sla": V3}, expect), capsys)
    assert code == 0, out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "breach_credits P1:respond:2026-11-01: rows of several versions of the policy share this key: "
            "write one of `P1:respond:2026-11-01:version=2026.1`, `P1:respond:2026-11-01:version=2026.3`",
        ),
        (
            "ja",
            "`breach_credits` の `P1:respond:2026-11-01`：このキーには規定の版ごとの行が複数あります。"
            "`P1:respond:2026-11-01:version=2026.1`、`P1:respond:2026-11-01:version=2026.3` のいずれかで"
            "書いてください",
        ),
    ],
)
def test_the_key_they_share_names_the_keys_to_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    files = _files(tmp_path, {"v1.sla": V1, "v3.sla": V3}, '        "P1:respond:2026-11-01": 8\n')
    code, out = _test(files, capsys, lang)
    assert code == 1 and said in out, out


def test_versions_with_one_credit_share_a_row_keyed_by_the_earliest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    expect = (
        '        "P1:respond:2026-11-01:version=2026.1": {credit: 10, incidents: [A, B]}\n'
        '        "P1:respond:2026-11-01:version=2026.3": {credit: 8, incidents: [C]}\n'
    )
    code, out = _test(_files(tmp_path, {"v1.sla": V1, "v2.sla": V2, "v3.sla": V3}, expect), capsys)
    assert code == 0, out


def test_a_key_no_other_row_shares_has_no_version(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    expect = '        "P1:respond:2026-11-01": {credit: 15, incidents: [A, B, C]}\n'
    code, out = _test(_files(tmp_path, {"v1.sla": V1, "v2.sla": V2}, expect), capsys)
    assert code == 0, out
