"""The lines ``--skip-invalid`` left out, listed on a customer's page, name an event type and an attribute by
the policy's words, as the page's ``data`` notes do (a declared type's label, a contract type's words, an
attribute's label); the log's values, and a name the policy does not label, stay quoted as data.

They were quoted as the engine names them: 「incident.reported」の優先度「P9」, 「incident.plan_changed」の属性
「plan」の値「gold」, internal names of the contract and the policy on a reader's page.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import sla
from .test_data_notes_reader import V1

LINES = [
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A-1", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A-2", "priority": "P9"},
    {"event": "incident.plan_changed", "at": "2026-11-02T11:00:00+09:00", "id": "A-1", "attributes": {"plan": "gold"}},
    {"event": "incident.reopened", "at": "2026-11-02T13:00:00+09:00"},
    {"event": "incident.resolvd", "at": "2026-11-02T12:00:00+09:00", "id": "A-1"},
]


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("left_out")
    (policy := tmp / "plans.sla").write_text(V1, "utf-8")
    (log := tmp / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in LINES), "utf-8")
    return policy, log


def _page(files: tuple[Path, Path], fmt: str, lang: str) -> str:
    policy, log = files
    args = ("--from", "2026-11-01", "--to", "2026-12-01", "--skip-invalid", "--no-trend", "--lang", lang)
    code, out, err = sla("evaluate", policy, log, *args, "--format", fmt)
    assert code in (0, 1), err
    return out


@pytest.mark.parametrize("fmt", ["html", "text", "markdown"])
def test_the_policy_s_words_in_japanese(files: tuple[Path, Path], fmt: str) -> None:
    page = _page(files, fmt, "ja")
    assert "障害の報告を受けた時点の優先度「P9」はポリシーにありません" in page
    assert "「契約プランの変更」の属性契約プランの値「gold」は宣言されていません" in page
    assert "フィールド「id」がありません（どのイベントにも必要です）" in page  # (every event: no type named)
    assert "イベント種別「incident.resolvd」はありません" in page  # (a type of the log's, no policy's: data)
    for name in ("incident.reported", "incident.plan_changed", "incident.reopened", "「plan」"):
        assert name not in page, name


def test_the_policy_s_words_in_english(files: tuple[Path, Path]) -> None:
    page = _page(files, "html", "en")
    assert "unknown priority “P9” in the receipt of the failure report" in page
    assert "unknown value “gold” of attribute Plan in “Plan changed”" in page
    assert "missing field “id” (required for every event)" in page
    assert "incident.reported" not in page and "“plan”" not in page


def test_the_json_keeps_the_engine_s_words(files: tuple[Path, Path]) -> None:
    skipped = json.loads(_page(files, "json", "ja"))["input"]["skipped"]
    assert any("unknown priority `P9` in `incident.reported`" in s for s in skipped), skipped
