"""An attribute's value written in other capitals than the policy declares it is told the value meant.

Found by a QA pass as a Zendesk administrator: a ticket exported with ``"plan": "Premium"`` (a desk's
field written as its title) for a policy that declares ``value premium`` was refused (E129) with only the
list of values, leaving the reader to see that ``Premium`` is ``premium``; a priority in other capitals
(E120) names the one meant. E129 now names it too, in Japanese and English, from every reader: JSON
Lines, CSV, Parquet and the events of a ``sla test`` case.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
PLANS = ROOT / "policies" / "examples" / "plans.sla"
EVENT = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1"}
HELP = {
    "ja": "  ヒント: `premium` の誤りではありませんか？使える値：`premium`、`standard`\n",
    "en": "  help: did you mean `premium`? its values are `premium`, `standard`\n",
}


def _log(tmp_path: Path, suffix: str, value: str) -> Path:
    path = tmp_path / f"e.{suffix}"
    attributes = f'{{"plan": "{value}"}}'
    if suffix == "jsonl":
        path.write_text(
            '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "A", "priority": "P1", '
            f'"attributes": {attributes}}}\n',
            "utf-8",
        )
    elif suffix == "csv":
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow([*EVENT, "attributes"])
            writer.writerow([*EVENT.values(), attributes])
    else:
        pq.write_table(pa.table({k: [v] for k, v in {**EVENT, "attributes": attributes}.items()}), path)
    return path


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_value_in_other_capitals_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, lang: str
) -> None:
    log = _log(tmp_path, suffix, "Premium")
    args = ["evaluate", str(PLANS), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", lang]
    assert main(args) == 1
    err = capsys.readouterr().err
    place = {"jsonl": "e.jsonl:1", "csv": "e.csv:2", "parquet": "e.parquet: 1 行目、列 `attributes`"}[suffix]
    if lang == "en":
        place = place.replace(": 1 行目、列", ": row 1, column")
    head = (
        place
        + ": error: [E129] "
        + {
            "ja": "`incident.reported` の属性 `plan` の値 `Premium` は宣言されていません\n",
            "en": "unknown value `Premium` of attribute `plan` in `incident.reported`\n",
        }[lang]
    )
    assert head + HELP[lang] in err, err


def test_another_value_gets_the_list_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = _log(tmp_path, "jsonl", "gold")
    assert main(["evaluate", str(PLANS), str(log), "--from", "2026-11-01", "--to", "2026-12-01"]) == 1
    err = capsys.readouterr().err
    assert "  help: its values are `premium`, `standard`\n" in err and "did you mean" not in err, err


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_events_of_a_test_case_are_told_it_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(
        "cases:\n  - name: plan\n    period: {from: 2026-11-01, to: 2026-12-01}\n    events:\n"
        '      - {event: incident.reported, at: "2026-11-02T10:00:00+09:00", id: A, priority: P1,'
        " attributes: {plan: Premium}}\n"
        "    expect: {no_violations: true}\n",
        "utf-8",
    )
    assert main(["test", "--lang", lang, str(PLANS), str(path)]) == 1
    err = capsys.readouterr().err
    assert "t.yaml:5: " in err and "[E129]" in err and HELP[lang] in err, err


@pytest.mark.parametrize("suffix", ["jsonl", "csv", "parquet"])
def test_a_value_written_by_its_label_is_told_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    """``value premium "プレミアム" / "Premium"``: an export that writes the value's label (``プレミアム``) is told
    the name to write, as E120 tells a priority's label (before: the list of values alone)."""
    log = _log(tmp_path, suffix, "プレミアム")
    args = ["evaluate", str(PLANS), str(log), "--from", "2026-11-01", "--to", "2026-12-01", "--lang", "ja"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (
        "  ヒント: `プレミアム` は属性 `plan` の値 `premium`（プレミアム）の名称です。"
        "イベントには `premium` を書いてください\n" in err
    ), err
