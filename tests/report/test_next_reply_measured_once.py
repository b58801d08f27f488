"""The report's table of targets names a next reply's clock once.

A first reply on a clock with ``restarts at`` is a next reply, called by its clock's label (``次の回答`` /
``Reply to each message``; ``次回回答`` / ``Next reply`` without one). Its row of the table of targets had that
label in the target column and again in the "measured on" column. Every other row names what it measures in the
target column and its clock in "measured on" (``-``: a notification rule, on no clock); the summary names a
next reply by its label alone, without its clock. So the row keeps the label as its target and says ``-`` where
it is measured, in text, Markdown and HTML; the table keeps its six columns, and a first reply on a clock that
does not restart keeps its clock's label there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.cli import main

from .test_next_reply_named import EVENTS, NAME, PERIOD, POLICY

FIRST = {"en": ["A", "First reply", "Product suspected"], "ja": ["A", "初回回答", "製品起因"]}
TITLE = {"en": "Verdicts per target", "ja": "目標別の判定"}


def _table(page: str, fmt: str, lang: str) -> list[list[str]]:
    """The rows of the table of targets (its cells), without its header."""
    text = page.split(TITLE[lang], 1)[1]
    rows: list[list[str]] = []
    for line in text.splitlines()[1:]:
        if fmt == "html":
            if "</table>" in line:
                break
            found = re.findall(r"<t[dh](?: [^>]*)?>(.*?)</t[dh]>", line)
            # (an empty cell's dash, read as its word: the dash)
            cells = [re.sub(r'<span aria-hidden="true">-</span><span class="vh">[^<]*</span>', "-", c) for c in found]
        elif fmt == "markdown":
            if rows and not line.startswith("|"):
                break
            cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        else:
            if not line.strip():
                break
            cells = re.split(r"\s{2,}", line.strip())
        if cells and cells[0] == "A":
            rows.append(cells)
    return rows


def _report(tmp_path: Path, capsys: pytest.CaptureFixture[str], policy: str, lang: str, fmt: str) -> str:
    path, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    path.write_text(policy, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    assert main(["evaluate", str(path), str(log), *PERIOD, "--lang", lang, "--format", fmt, "--no-trend"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_the_label_is_the_target_and_measured_on_is_a_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, fmt: str
) -> None:
    rows = _table(_report(tmp_path, capsys, POLICY, lang, fmt), fmt, lang)
    assert len(rows) == 2 and all(len(r) == 6 for r in rows), rows
    assert rows[0][:3] == ["A", NAME[lang], "-"], rows
    assert rows[1][:3] == FIRST[lang], rows  # (a first reply on a clock that does not restart: its clock)


@pytest.mark.parametrize(("lang", "name"), [("en", "Next reply"), ("ja", "次回回答")])
def test_a_clock_without_a_label_is_not_named_by_its_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, name: str
) -> None:
    policy = POLICY.replace(' "次の回答" / "Reply to each message"', "")
    rows = _table(_report(tmp_path, capsys, policy, lang, "markdown"), "markdown", lang)
    assert rows[0][:3] == ["A", name, "-"], rows  # (was `next_reply`, the clock's id, in "measured on")
