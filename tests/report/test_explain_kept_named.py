"""``sla explain`` says why a NAMED day-based target is due at another time than the one it names, as it says it
of the response target: ``resolve by 16:00 of 2nd business day on resolution`` due on a day whose hours close
at 15:00 (`` (that day closes at 15:00)``) or open at 17:00 (`` (that day opens at 17:00)``).

Only the response's due step said it (``test_explain_kept_due``); a named target's line gave the due time
alone, unexplained. The day is that of the cycle the verdict judges (after a reset, the new cycle's), and the
words are the same whichever judge made the rows (the columnar one or the per-incident one). These tests
failed before the change.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.evaluation import judge_log
from sla_dsl.events import log_from
from sla_dsl.report.render import render_explain

from .helpers import sla

POLICY = """sla "N" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業" / "Business" {
  days mon..fri
  hours 09:00-17:00
  hours 2026-11-30 09:00-15:00
  hours 2026-12-01 17:00-20:00
}
clock response "応答" / "Response" { starts at incident.reported }
clock resolution "解決" / "Resolution" {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.customer_replied
}
priority P1 "a" / "a" {
  respond by 16:00 of 1st business day
  first reply by 16:00 of 1st business day on resolution
  resolve by 16:00 of 2nd business day on resolution
  complete on incident.resolved
}
"""

TOKYO = dt.timezone(dt.timedelta(hours=9))
START, END = dt.datetime(2026, 11, 1, tzinfo=TOKYO), dt.datetime(2026, 12, 31, tzinfo=TOKYO)

#: A: reported Fri 27 Nov: its 1st business day (Mon 30 Nov) closes at 15:00, its 2nd (Tue 1 Dec) opens at
#: 17:00. R: reported Thu 26 Nov (its 1st business day, Fri 27 Nov, holds 16:00), the clock reset on Fri 27
#: Nov: the cycle judged counts from Friday, whose 1st business day closes at 15:00. B: reported Tue 24 Nov,
#: due at the times its targets name (16:00 of Wed 25 and Thu 26 Nov): nothing more to say.
EVENTS = [
    {"event": "incident.reported", "at": "2026-11-27T10:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.reported", "at": "2026-11-26T10:00:00+09:00", "id": "R", "priority": "P1"},
    {"event": "incident.customer_replied", "at": "2026-11-27T10:00:00+09:00", "id": "R"},
    {"event": "incident.reported", "at": "2026-11-24T10:00:00+09:00", "id": "B", "priority": "P1"},
]

#: per language: the first reply's words (due Mon 30 Nov 15:00, closing), the resolution's (due Tue 1 Dec
#: 17:00, opening)
SAID = {
    "en": (
        "First reply (Resolution): breached, due Mon 30 Nov 15:00 (that day closes at 15:00)",
        "Resolution (Resolution): breached, due Tue 1 Dec 17:00 (that day opens at 17:00)",
    ),
    "ja": (
        "初回回答（解決）：未達、期限 11月30日(月) 15:00（その日は15:00に終業）",
        "解決（解決）：未達、期限 12月1日(火) 17:00（その日は17:00に始業）",
    ),
}


@pytest.fixture(scope="module")
def policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(POLICY)


def _explained(policy: sla_dsl.Policy, ident: str, lang: str, batch: bool) -> str:
    """``sla explain``'s text of ``ident`` from the rows one judge made (the columnar one, or one at a time)."""
    result = judge_log([policy], log_from(EVENTS), START, END, batch=batch)
    report = result.report()
    rows = [r for r in report.incidents if r.id == ident]
    return render_explain(report, rows, "text", lang=lang, policies=[policy])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_named_targets_due_time_says_why_on_either_path(policy: sla_dsl.Policy, lang: str) -> None:
    texts = [_explained(policy, "A", lang, batch) for batch in (True, False)]
    assert texts[0] == texts[1]
    for said in SAID[lang]:
        assert said in texts[0], texts[0]
    # a time the day holds: the due time alone
    plain = [_explained(policy, "B", lang, batch) for batch in (True, False)]
    assert plain[0] == plain[1]
    close, opening = ("終業", "始業") if lang == "ja" else ("closes at", "opens at")
    assert close not in plain[0] and opening not in plain[0], plain[0]
    assert ("期限 11月25日(水) 16:00" if lang == "ja" else "due Wed 25 Nov 16:00") in plain[0], plain[0]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_day_is_that_of_the_cycle_judged(policy: sla_dsl.Policy, lang: str) -> None:
    """After a reset the due day counts from the new cycle's start (Friday), not the clock's first (Thursday,
    whose 1st business day holds 16:00: nothing to say)."""
    first_reply = SAID[lang][0]
    for batch in (True, False):
        text = _explained(policy, "R", lang, batch)
        assert first_reply in text, text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_sla_explain_says_it(tmp_path: Path, lang: str) -> None:
    path, log = tmp_path / "p.sla", tmp_path / "events.jsonl"
    path.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    code, out, err = sla("explain", path, log, "A", "--lang", lang, "--from", "2026-11-01", "--to", "2026-12-31")
    assert code == 0, err
    for said in SAID[lang]:
        assert said in out, out
    # the response's due step says it as before
    assert ("（その日は15:00に終業）" if lang == "ja" else "on the 1st business day (that day closes at 15:00)") in out
