"""A report read back from its JSON renders what the report rendered, the backups taken included.

The summary reads a continuous backup kind none of whose backups completed in the period as ``記録なし`` /
``確認できず`` ("none recorded", "cannot be verified"), from ``Report.backups_taken``. That count was kept
out of the JSON, and nothing else in it says so (a clean continuous backup that is not deleted is in no
row), so the report read back from its JSON rendered the kind "no problem found", "met". The count is
now the JSON's last key (``backups_taken``), which the contract allows ("more may be added"); the keys
before it are written as they were.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.evaluation import judge
from sla_dsl.report import Report
from sla_dsl.report.render import render

from .helpers import EXAMPLE, POLICY

LINES = [x for x in EXAMPLE.read_text("utf-8").splitlines() if x.strip()]
DOCUMENTS = [(fmt, lang) for fmt in ("text", "markdown", "html") for lang in ("ja", "en")]


@pytest.fixture(scope="module")
def without_continuous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example month without its continuous backups."""
    path = tmp_path_factory.mktemp("taken") / "events.jsonl"
    path.write_text("\n".join(x for x in LINES if '"continuous"' not in x) + "\n", "utf-8")
    return path


def _documents(report: Report, policy: sla_dsl.Policy) -> list[str]:
    return [render(report, fmt, lang=lang, policies=[policy], limit=0) for fmt, lang in DOCUMENTS]


@pytest.mark.parametrize("case", ["none taken", "example"])
def test_the_documents_of_a_report_read_back_from_its_json_are_the_report_s(
    without_continuous: Path, case: str
) -> None:
    policy = sla_dsl.load_policy(POLICY)
    log = without_continuous if case == "none taken" else EXAMPLE
    report = sla_dsl.evaluate(policy, log, "2026-11-01", "2026-12-01")
    back = Report.model_validate_json(report.model_dump_json())
    assert back.backups_taken == report.backups_taken
    assert _documents(back, policy) == _documents(report, policy)
    if case == "none taken":
        text = render(back, "text", lang="ja", policies=[policy])
        row = next(x for x in text.splitlines() if "逐次バックアップ（別ゾーン）" in x)
        assert "記録なし" in row and "確認できず" in row, row  # (it read 問題なし, 達成)


def test_the_json_adds_one_last_key_and_keeps_the_others_as_they_were(without_continuous: Path) -> None:
    """The command's bytes are those of the document without the key, the key added at its end; the
    streamed writer (``judge(...).write_json``) writes the same."""
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, without_continuous, "2026-11-01", "2026-12-01")
    text = render(report, "json")
    data = json.loads(text)
    # (each key added since at the end)
    assert list(data)[-4:] == ["backups_taken", "breach_credits", "credit_totals", "generator"]
    assert data["backups_taken"] == {"database": 30, "files": 29, "machine_image": 30}
    later = ("backups_taken", "breach_credits", "credit_totals", "generator")
    before = json.dumps({k: v for k, v in data.items() if k not in later}, ensure_ascii=False, indent=2)
    head = before.removesuffix("\n}")
    assert text.startswith(head + ',\n  "backups_taken": {')
    out = Path(without_continuous.parent / "streamed.json")
    with out.open("wb") as stream:
        judge(policy, without_continuous, "2026-11-01", "2026-12-01").write_json(stream)
    assert out.read_text("utf-8") == text


def test_a_json_written_without_the_key_reads_as_it_did(without_continuous: Path) -> None:
    """A report written before the key was kept has no count: its continuous kind reads as it did then."""
    policy = sla_dsl.load_policy(POLICY)
    report = sla_dsl.evaluate(policy, without_continuous, "2026-11-01", "2026-12-01")
    older = json.loads(report.model_dump_json())
    del older["backups_taken"]
    back = Report.model_validate(older)
    assert back.backups_taken is None
    text = render(back, "text", lang="en", policies=[policy])
    assert "no problem found" in next(x for x in text.splitlines() if "Continuous backup (another zone)" in x)
