"""``sla replay`` compares the compact verdicts, never every incident's row.

On a log of 80,000 incidents ``sla replay`` peaked at about 1.5 GB (``sla evaluate`` at 310 MB) and
took some 11 CPU seconds: comparing the two reports built every incident's row, explanation
included, and held them all (by id, for both versions), and each response breach's violation model.
It now reads the verdicts the rows are built from (their status, due time, named targets and words),
and builds only the rows of what changed. These tests count the rows built, and compare the output,
text and JSON in both languages, with the replay of the same reports whose rows are all built (the
way every report was read before) on random logs.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.authoring import replay as replay_module
from sla_dsl.authoring.replay import Replay, render_text, replay
from sla_dsl.evaluation import result as evaluation_result
from sla_dsl.policy.compiled import Policy
from sla_dsl.report import Report

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = (ROOT / "policies" / "examples" / "helpdesk.sla").read_text("utf-8")
JST = dt.timezone(dt.timedelta(hours=9))
START, END = dt.datetime(2026, 11, 1, tzinfo=JST), dt.datetime(2026, 12, 1, tzinfo=JST)


def _versions() -> tuple[Policy, Policy]:
    old = sla_dsl.load_policy(HELPDESK)
    new_text = (
        HELPDESK.replace('version "1.0"', 'version "1.1"')
        .replace("respond within 1 business hour", "respond within 30 business minutes", 1)
        .replace("resolve within 2 business days", "resolve within 1 business day", 1)
        .replace("first reply within 30 business minutes on chat", "first reply within 1 business hour on chat", 1)
    )
    return old, sla_dsl.load_policy(new_text)


def _at(t: dt.datetime) -> str:
    return t.isoformat()


def _log(rng: random.Random, n: int) -> list[dict[str, Any]]:
    """``n`` random incidents of November 2026: answered, paused, resolved or open, some in a chat, some
    told in contradictory order (a violation of kind ``data``), some reported twice under one id."""
    out: list[dict[str, Any]] = []
    for k in range(n):
        ident = f"R-{k % max(1, n - 3)}"  # (the last few ids repeat earlier ones)
        t = START + dt.timedelta(minutes=rng.randrange(0, 28 * 24 * 60))
        out.append(
            {"event": "incident.reported", "at": _at(t), "id": ident, "priority": rng.choice(["P1", "P2", "P3"])}
        )
        if rng.random() < 0.3:
            out.append({"event": "incident.chat_started", "at": _at(t), "id": ident})
        if rng.random() < 0.4:
            t += dt.timedelta(minutes=rng.randrange(5, 300))
            out.append({"event": "incident.product_suspected", "at": _at(t), "id": ident})
        for kind in ("incident.responded", "incident.info_provided", "incident.customer_replied", "incident.resolved"):
            if rng.random() < 0.75:
                step = dt.timedelta(minutes=rng.randrange(-30 if rng.random() < 0.05 else 1, 60 * 30))
                t += step
                out.append({"event": kind, "at": _at(t), "id": ident})
    rng.shuffle(out)
    return out


def _rows_built(report: Report) -> Report:
    """``report`` with every incident row and violation built now (how the replay read them before)."""
    return report.model_copy(update={"incidents": list(report.incidents), "violations": list(report.violations)})


def _outputs(result: Replay, lang: str) -> tuple[str, str]:
    return render_text(result, lang), json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2)


@pytest.mark.parametrize("seed", range(6))
def test_the_replay_of_the_verdicts_is_that_of_the_rows(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    rng = random.Random(seed)
    old, new = _versions()
    events = _log(rng, rng.randint(20, 80))
    as_of = END - dt.timedelta(hours=rng.randrange(0, 24 * 10))
    evaluate = replay_module._evaluate
    for lang in ("en", "ja"):
        fast = replay(old, new, events, START, END, as_of, lang)
        with monkeypatch.context() as m:
            m.setattr(replay_module, "_evaluate", lambda *a: _rows_built(evaluate(*a)))
            slow = replay(old, new, events, START, END, as_of, lang)
        assert _outputs(fast, lang) == _outputs(slow, lang)
    assert fast.incidents and fast.targets and fast.violations  # (the comparison had something to compare)


def test_no_incident_row_is_built_and_only_the_changed_breaches(monkeypatch: pytest.MonkeyPatch) -> None:
    built = {"rows": 0, "breaches": 0}
    row, breach = evaluation_result.row, evaluation_result.breach

    def counted_row(*args: Any) -> Any:
        built["rows"] += 1
        return row(*args)

    def counted_breach(*args: Any) -> Any:
        built["breaches"] += 1
        return breach(*args)

    monkeypatch.setattr(evaluation_result, "row", counted_row)
    monkeypatch.setattr(evaluation_result, "breach", counted_breach)
    old, new = _versions()
    result = replay(old, new, _log(random.Random(7), 400), START, END, None, "en")
    changed = [v for v in result.violations if v.kind == "response_breached"]
    assert len(result.incidents) < 400 and changed
    assert built == {"rows": 0, "breaches": len(changed)}
    assert result.counts["old"] and sum(result.counts["new"].values()) == sum(result.counts["old"].values())
