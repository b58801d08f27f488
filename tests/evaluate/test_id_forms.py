"""An event for an unknown id that is a known id in another Unicode form: the data note says so.

Ids are compared as written (the contract): ``INC-が`` composed (NFC) and decomposed (``か`` and a combining
sound mark, NFD), or ``ｶﾞ-1`` (half width) and ``ガ-1``, are two ids. A response logged under the other form
was an event for an unknown incident, and both ids look the same: the note could not show why. Now it
names the id it equals once normalized and the line that opens it, in both languages, on the columnar and
the per-incident judge, for incidents, outages and backups; the matching is unchanged, and nothing is
normalized while every id is known.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

import sla_dsl
from evaluate.helpers import ev, policy, t
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from, read_events
from sla_dsl.report import Report, Violation
from sla_dsl.report.data_notes import note_text
from sla_dsl.report.render import render

GA = "INC-が"
GA_NFD = unicodedata.normalize("NFD", GA)
HALF, FULL = "ｶﾞ-1", "ガ-1"
CAFE = "café-1"
CAFE_NFD = unicodedata.normalize("NFD", CAFE)
assert GA != GA_NFD and CAFE != CAFE_NFD

EVENTS = [
    ev("incident.reported", "2026-11-05 10:00", GA, priority="P1"),
    ev("incident.responded", "2026-11-05 10:30", GA_NFD),  # line 2: GA decomposed
    ev("incident.reported", "2026-11-06 10:00", HALF, priority="P1"),
    ev("incident.responded", "2026-11-06 10:30", FULL),  # line 4: HALF in full width
    ev("incident.responded", "2026-11-06 10:40", "GHOST"),  # line 5: no other form of a known id
    ev("outage.started", "2026-11-10 10:00", CAFE, service="content"),
    ev("outage.ended", "2026-11-10 11:00", CAFE_NFD),  # line 7
    ev("backup.completed", "2026-11-12 01:00", CAFE, kind="database"),
    ev("backup.deleted", "2026-11-12 03:00", CAFE_NFD, kind="database"),  # line 9
]

COMPOSED_EN = (
    "the id `{id}` is written in another Unicode form than `{known}`, the id opened at line {line} "
    "(a character composed in one, decomposed in the other): ids are compared as written, so these are two; "
    "write them the same way"
)
WIDTH_EN = (
    "the id `{id}` is written in another Unicode form than `{known}`, the id opened at line {line} "
    "(full-width or half-width characters, or another compatibility form)"
)


def _data(report: Report) -> dict[str, Violation]:
    return {v.id: v for v in report.violations if v.kind == "data"}


@pytest.fixture(scope="module", params=[True, False], ids=["columns", "per-incident"])
def report(request: pytest.FixtureRequest) -> Report:
    log = log_from(EVENTS)
    return judge_log(policy(), log, t("2026-11-01 00:00"), t("2026-12-01 00:00"), batch=request.param).report()


def test_the_english_note_says_the_id_is_a_known_one_in_another_form(report: Report) -> None:
    data = _data(report)
    said = data[GA_NFD].message
    assert said.startswith(f"<events>:2: event for unknown incident `{GA_NFD}` (no incident.reported); "), said
    assert COMPOSED_EN.format(id=GA_NFD, known=GA, line=1) in said, said
    said = data[FULL].message
    assert said.startswith(f"<events>:4: event for unknown incident `{FULL}` (no incident.reported); "), said
    assert WIDTH_EN.format(id=FULL, known=HALF, line=3) in said, said
    assert data["GHOST"].message == "<events>:5: event for unknown incident `GHOST` (no incident.reported)"


def test_outages_and_backups_say_it_too(report: Report) -> None:
    said = [v.message for v in report.violations if v.kind == "data" and v.id == CAFE_NFD]
    assert len(said) == 2, said
    outage, backup = sorted(said, key=lambda s: "outage" not in s)
    assert outage.startswith(f"<events>:7: event for unknown outage `{CAFE_NFD}` (no outage.started); "), outage
    assert COMPOSED_EN.format(id=CAFE_NFD, known=CAFE, line=6) in outage
    assert backup.startswith(f"<events>:9: backup.deleted for unknown backup `{CAFE_NFD}` (no backup.completed); ")
    assert COMPOSED_EN.format(id=CAFE_NFD, known=CAFE, line=8) in backup


def test_the_matching_is_unchanged(report: Report) -> None:
    """The ids stay two: the response in the other form does not answer the incident."""
    rows = {r.id: r for r in report.incidents}
    assert set(rows) == {GA, HALF}
    assert rows[GA].responded_at is None and rows[HALF].responded_at is None
    assert {o.id for o in report.outages} == {CAFE}


def test_the_japanese_words(report: Report) -> None:
    v = _data(report)[GA_NFD]
    assert v.note is not None
    said = note_text(v.note, v.id, "ja", str, str, str)
    assert (
        f"案件 `{GA_NFD}` のイベントがありますが、その報告（`incident.reported`）の記録がありません。"
        f"ID `{GA_NFD}` は、1 行目に記録のある ID `{GA}` と文字の表し方（濁点などを一文字に合成するか、"
        "分けて書くか）だけが違います。ID は書かれたとおりに比べるため、別の ID です。同じ書き方にそろえてください"
    ) in said
    v = _data(report)[FULL]
    assert v.note is not None
    said = note_text(v.note, v.id, "ja", str, str, str)
    assert (
        f"ID `{FULL}` は、3 行目に記録のある ID `{HALF}` と文字の幅（全角か半角か）などの表し方だけが違います" in said
    )
    out = render(report, "text", lang="ja", policies=[policy()], limit=0)
    assert f"1 行目に記録のあるID「{GA}」と文字の表し方" in out and "`" not in out


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_every_reader_locates_both_lines(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"events{suffix}"
    rows = [{k: v for k, v in e.items() if k != "attributes"} for e in EVENTS[:2]]
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    elif suffix == ".csv":
        cols = ["event", "at", "id", "priority"]
        path.write_text(
            ",".join(cols) + "\n" + "".join(",".join(str(r.get(c, "")) for c in cols) + "\n" for r in rows), "utf-8"
        )
    else:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        pq.write_table(pa.Table.from_pylist([{**r, "priority": r.get("priority")} for r in rows]), path)
    report = sla_dsl.evaluate(policy(), read_events(path), t("2026-11-01 00:00"), t("2026-12-01 00:00"))
    [v] = [v for v in report.violations if v.kind == "data"]
    line = 2 if suffix == ".csv" else 1  # (a CSV file's header is its line 1; a table's rows count from 1)
    said = COMPOSED_EN.format(id=GA_NFD, known=GA, line=line)
    if suffix == ".parquet":  # (a table's row is a row, as its problems name it)
        said = said.replace(f"at line {line} ", f"at row {line} ")
    assert said in v.message, v.message


def test_events_without_lines_name_no_line() -> None:
    from sla_dsl.report import DataNote

    note = DataNote(what="unknown_incident", known_id=GA)
    said = note_text(note, GA_NFD, "en", str, str, str)
    assert said.endswith(
        f"than `{GA}`, an id the log opens (a character composed in one, decomposed in the other): "
        "ids are compared as written, so these are two; write them the same way"
    ), said
    assert f"ログにある ID `{GA}` と" in note_text(note, GA_NFD, "ja", str, str, str)


def test_nothing_is_normalized_while_every_id_is_known(monkeypatch: pytest.MonkeyPatch) -> None:
    """The known ids are indexed only when an unknown id is met: a clean log asks nothing of them."""
    asked: list[str] = []
    monkeypatch.setattr("sla_dsl.evaluation.id_forms.KnownIds._index", lambda self: asked.append("index") or ({}, {}))
    clean = [e for e in EVENTS if e["id"] in (GA, HALF, CAFE)]
    for batch in (True, False):
        judge_log(policy(), log_from(clean), t("2026-11-01 00:00"), t("2026-12-01 00:00"), batch=batch).report()
    assert asked == []
    judge_log(policy(), log_from(EVENTS), t("2026-11-01 00:00"), t("2026-12-01 00:00")).report()
    assert asked == ["index"] * 3  # (once per family: incidents, outages, backups)
