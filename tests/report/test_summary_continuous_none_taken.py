"""A continuous backup kind with no backup in the period is not "met": nothing was judged.

The summary row of a continuous kind (``backup continuous { continuous; in another zone }``) counts its
backups with a zone problem. With no backup of the kind in the log it read ``問題なし`` / ``達成``
("no problem found", "met"), though nothing had been judged. Now it reads ``記録なし`` / ``確認できず``
("none recorded", "cannot be verified"), from how many backups of each kind the evaluator saw completed in
the period (``Report.backups_taken``, the JSON's last key); one clean backup in the period reads as before.
A report read back from its JSON reads the same (``test_json_read_back_backups.py``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import EXAMPLE, MONTH, POLICY, sla
from .test_summary_named_targets import summary_rows

CONTINUOUS = {"ja": "逐次バックアップ（別ゾーン）", "en": "Continuous backup (another zone)"}
LINES = [x for x in EXAMPLE.read_text("utf-8").splitlines() if x.strip()]
CLEAN = {
    "event": "backup.completed",
    "at": "2026-11-02T00:05:00+09:00",
    "id": "CB-X",
    "kind": "continuous",
    "zone": "ap-northeast-1c",
    "primary_zone": "ap-northeast-1a",
}


def _log(tmp_path: Path, *extra: dict[str, str]) -> Path:
    """The example month without its continuous backups, and ``extra``."""
    kept = [x for x in LINES if '"continuous"' not in x] + [json.dumps(e) for e in extra]
    path = tmp_path / "events.jsonl"
    path.write_text("\n".join(kept) + "\n", "utf-8")
    return path


def _row(log: Path, lang: str) -> list[str]:
    code, out, err = sla("evaluate", POLICY, log, *MONTH, "--lang", lang)
    assert code == 0, err
    return summary_rows(out)[CONTINUOUS[lang]]


@pytest.mark.parametrize(
    ("lang", "said"), [("ja", ["記録なし", "確認できず"]), ("en", ["none recorded", "cannot be verified"])]
)
def test_no_backup_of_the_kind_is_not_met(tmp_path: Path, lang: str, said: list[str]) -> None:
    assert _row(_log(tmp_path), lang)[1:3] == said


@pytest.mark.parametrize(("lang", "said"), [("ja", ["問題なし", "達成"]), ("en", ["no problem found", "met"])])
def test_a_clean_backup_in_the_period_is_met(tmp_path: Path, lang: str, said: list[str]) -> None:
    assert _row(_log(tmp_path, CLEAN), lang)[1:3] == said


def test_a_backup_before_the_period_does_not_count(tmp_path: Path) -> None:
    october = {**CLEAN, "at": "2026-10-31T23:00:00+09:00"}
    assert _row(_log(tmp_path, october), "en")[1:3] == ["none recorded", "cannot be verified"]


def test_markdown_and_html_say_it_too(tmp_path: Path) -> None:
    log = _log(tmp_path)
    for fmt, lang, line in (
        (
            "markdown",
            "en",
            "| Continuous backup (another zone) | taken in a zone other than the primary one | none recorded |",
        ),
        ("html", "ja", "記録なし"),
    ):
        code, out, err = sla("evaluate", POLICY, log, *MONTH, "--lang", lang, "--format", fmt)
        assert code == 0, err
        assert line in out, fmt


def test_the_json_and_the_python_dump_keep_the_count(tmp_path: Path) -> None:
    log = _log(tmp_path)
    code, out, err = sla("evaluate", POLICY, log, *MONTH, "--format", "json")
    assert code == 0, err
    assert "continuous" not in json.loads(out)["backups_taken"]
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, log, "2026-11-01", "2026-12-01")
    assert report.backups_taken is not None and "continuous" not in report.backups_taken
    assert report.backups_taken["database"] == 30
    back = Report.model_validate(report.model_dump())
    assert back == report
    text = render(back, "text", lang="en", policies=[policy])
    assert "none recorded" in next(x for x in text.splitlines() if CONTINUOUS["en"] in x)
    # read back from its JSON, which has the count: the row reads the same
    from_json = Report.model_validate_json(report.model_dump_json())
    assert from_json.backups_taken == report.backups_taken
    text = render(from_json, "text", lang="en", policies=[policy])
    assert "none recorded" in next(x for x in text.splitlines() if CONTINUOUS["en"] in x)
    # a JSON written without the count (before it was kept there): the row reads as it did then
    older = json.loads(report.model_dump_json())
    del older["backups_taken"]
    text = render(Report.model_validate(older), "text", lang="en", policies=[policy])
    assert "no problem found" in next(x for x in text.splitlines() if CONTINUOUS["en"] in x)
