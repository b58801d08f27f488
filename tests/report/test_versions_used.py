"""The report names every version that judged a row it lists (Article 5), in every format and language.

Version ``2026.2`` of the example policy takes effect on Sun 1 Nov 2026 and halves the P1 target (4 → 2
business hours). An incident reported on Fri 30 Oct, under ``2026.1``, is carried over into November and
judged under ``2026.1``: the November report's line of versions must name ``2026.1`` as well, and the P1
target beside its verdict must say the 4 hours it was judged by, not only the 2 hours of ``2026.2`` (a
3.5-hour response would read as met against 2 hours). The JSON's ``versions`` stays what the contract
says: every version given, whether or not it judged anything in the period.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.policy import load_policies
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import MONTH, POLICY, sla

V1 = POLICY.read_text("utf-8")
P1 = (
    ("respond within 4 business hours", "respond within 2 business hours"),
    ("same day if received 4 hours before close of business", "same day if received 2 hours before close of business"),
)
OCT = [  # reported under 2026.1, responded in November after 3.5 business hours
    '{"event": "incident.reported", "at": "2026-10-30T17:00:00+09:00", "id": "OCT", "priority": "P1"}',
    '{"event": "incident.responded", "at": "2026-11-02T13:30:00+09:00", "id": "OCT"}',
]
NOV = [  # under 2026.2
    '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "NOV", "priority": "P1"}',
    '{"event": "incident.responded", "at": "2026-11-02T11:30:00+09:00", "id": "NOV"}',
]

VERSIONS = {"en": "Policy versions: 2026.1, 2026.2.", "ja": "適用した規定の版：2026.1、2026.2。"}
TARGET = {
    "en": "within 4 business hours (within 2 business hours from Sun 1 Nov)",
    "ja": "4営業時間以内（11月1日(日)から2営業時間以内）",
}


def _version(tmp_path: Path, version: str, effective: str, changes: tuple[tuple[str, str], ...] = ()) -> Path:
    text = V1.replace('version "2026.1"', f'version "{version}"').replace(
        "effective 2026-04-01", f"effective {effective}"
    )
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / f"{version}.sla"
    path.write_text(text, "utf-8")
    return path


def _policies(tmp_path: Path) -> list[Path]:
    return [_version(tmp_path, "2026.1", "2026-04-01"), _version(tmp_path, "2026.2", "2026-11-01", P1)]


def _log(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "events.jsonl"
    path.write_text("".join(line + "\n" for line in lines), "utf-8")
    return path


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_version_that_judged_a_carried_over_incident_is_named(tmp_path: Path, fmt: str, lang: str) -> None:
    log = _log(tmp_path, *OCT, *NOV)
    out = _run("evaluate", *_policies(tmp_path), log, *MONTH, "--format", fmt, "--lang", lang, "--no-trend")
    assert VERSIONS[lang] in out, out[:600]
    # the summary and the incidents table: the target each verdict was judged by
    assert out.count(TARGET[lang]) == 2, out


def test_the_rows_read_back_from_json_name_the_same_versions(tmp_path: Path) -> None:
    """A report read back (rows that name their version by ``policy_version`` only) says the same."""
    paths = _policies(tmp_path)
    log = _log(tmp_path, *OCT, *NOV)
    back = Report.model_validate(json.loads(_run("evaluate", *paths, log, *MONTH, "--format", "json", "--no-trend")))
    assert [v.version for v in back.versions_used()] == ["2026.1", "2026.2"]
    assert [v.version for v in back.versions_in_force()] == ["2026.2"]  # (in force during November: 2026.2 only)
    for lang in ("en", "ja"):
        text = render(back, "text", lang=lang, policies=load_policies(paths))
        assert VERSIONS[lang] in text and text.count(TARGET[lang]) == 2, text


def test_an_outage_carried_over_names_its_version_but_not_in_the_targets(tmp_path: Path) -> None:
    """An outage begun under 2026.1 on 31 Oct and ended in November: 2026.1 judged a row of the report,
    so the line of versions names it; no incident was judged by it, so the P1 target is 2026.2's alone."""
    log = _log(
        tmp_path,
        '{"event": "outage.started", "at": "2026-10-31T23:00:00+09:00", "id": "O", "cause": "failure"}',
        '{"event": "outage.ended", "at": "2026-11-01T01:00:00+09:00", "id": "O"}',
        *NOV,
    )
    out = _run("evaluate", *_policies(tmp_path), log, *MONTH, "--lang", "en", "--no-trend")
    assert VERSIONS["en"] in out, out[:600]
    assert "within 2 business hours  " in out and TARGET["en"] not in out, out


def test_one_version_in_force_and_judging_everything_is_named_alone(tmp_path: Path) -> None:
    log = _log(tmp_path, *NOV)
    out = _run("evaluate", *_policies(tmp_path), log, *MONTH, "--lang", "en", "--no-trend")
    assert "Policy version: 2026.2." in out and "2026.1" not in out.split("\n\n")[0], out[:600]


def test_the_json_lists_every_version_given_and_the_report_only_those_used(tmp_path: Path) -> None:
    """A version that takes effect after the period judges nothing in it: the JSON's ``versions`` still
    lists it (the contract: every version given, by date; each row's ``policy_version`` names the one
    that judged it), the document's line of versions does not."""
    paths = [*_policies(tmp_path), _version(tmp_path, "2027.1", "2027-01-01")]
    log = _log(tmp_path, *OCT, *NOV)
    report = json.loads(_run("evaluate", *paths, log, *MONTH, "--format", "json", "--no-trend"))
    assert [(v["version"], v["effective"]) for v in report["versions"]] == [
        ("2026.1", "2026-04-01"),
        ("2026.2", "2026-11-01"),
        ("2027.1", "2027-01-01"),
    ]
    assert {row["policy_version"] for row in report["incidents"]} == {"2026.1", "2026.2"}
    text = _run("evaluate", *paths, log, *MONTH, "--lang", "en", "--no-trend")
    assert VERSIONS["en"] in text and "2027.1" not in text, text[:600]
