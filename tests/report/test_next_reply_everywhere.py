"""A first reply measured on a clock that starts again at each message (``restarts at``: Zendesk's next reply
time) is called by its clock's declared label (``次の回答`` / ``Reply to each message``), else ``次回回答`` /
``Next reply``, wherever a person reads it, as the report does (:mod:`sla_dsl.report.target_names`):
``sla deadline --all`` / ``--target`` (text and the JSON label map), the ``sla serve`` dashboard and the
timers' lines of the log, the editor's hover on the target's line (its clock, its out-of-hours tail) and the
docs site's name of a clock without a label (``次回回答目標時間``, never ``初回回答目標時間``). Within a sentence
the label is quoted, as the other sentences quote a label they insert (``P1 Urgent “Reply to each message”
due …``, ``P1 緊急の「次の回答」の期限``): a label keeps its own capitals. A first reply on a clock that does
not restart keeps its name everywhere.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.authoring.hover import hover_text
from sla_dsl.cli import main
from sla_dsl.docs.targets import clock_name
from sla_dsl.serve import dashboard
from sla_dsl.serve.ingest import parse_body
from sla_dsl.serve.store import Store
from sla_dsl.serve.timer_words import alert_name
from sla_dsl.serve.tracking import TARGET_BREACHED, FakeClock, Tracker

from .test_next_reply_named import POLICY as NAMED

#: the named-target test's policy, its next reply given more time for a message out of hours (the hover's part)
POLICY = NAMED.replace("on next_reply\n", "on next_reply, plus 2 hours if received outside business hours\n")
#: the same without the restarting clock's label
BARE = POLICY.replace(' "次の回答" / "Reply to each message"', "")

NAME = {"en": "Reply to each message", "ja": "次の回答"}
NEXT = {"en": "Next reply", "ja": "次回回答"}
FIRST = {"en": "First reply", "ja": "初回回答"}
TOKYO = dt.timezone(dt.timedelta(hours=9))
LANGS = ["en", "ja"]


def _policy_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "p.sla"
    path.write_text(text, "utf-8")
    return str(path)


DEADLINE = ["--priority", "P1", "--from", "2026-11-20T10:00:00+09:00"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("which", [["--all"], ["--target", "first_reply"]])
def test_deadline_calls_it_by_its_clock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, which: list[str]
) -> None:
    for text, word in ((POLICY, NAME[lang]), (BARE, NEXT[lang])):
        assert main(["deadline", _policy_file(tmp_path, text), *DEADLINE, *which, "--lang", lang]) == 0
        lines = [x.split("  ")[-1].strip() for x in capsys.readouterr().out.splitlines() if "first_reply" in x]
        # the next reply by its clock's label alone (no clock after it: the label is the clock's);
        # the first reply on the other clock keeps its name, with its clock
        other = {"en": "First reply (Product suspected)", "ja": "初回回答（製品起因）"}[lang]
        assert lines == [word, other], lines


def test_deadline_json_labels_it_by_its_clock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for text, words in ((POLICY, NAME), (BARE, NEXT)):
        assert main(["deadline", _policy_file(tmp_path, text), *DEADLINE, "--all", "--format", "json"]) == 0
        targets = json.loads(capsys.readouterr().out)["targets"]
        labels = {t["clock"]: t["label"] for t in targets}
        assert labels["next_reply"] == {"ja": words["ja"], "en": words["en"]}, labels
        assert labels["suspicion"] == {"ja": "初回回答（製品起因）", "en": "First reply (Product suspected)"}


EVENTS = [
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.customer_replied", "at": "2026-11-20T10:30:00+09:00", "id": "A"},
]
NOW = dt.datetime(2026, 11, 20, 10, 40, tzinfo=TOKYO).timestamp()


@pytest.mark.parametrize("lang", LANGS)
def test_the_dashboard_calls_it_by_its_clock(tmp_path: Path, lang: str) -> None:
    for n, (text, word) in enumerate(((POLICY, NAME[lang]), (BARE, NEXT[lang]))):
        policy = sla_dsl.load_policy(text)
        store = Store(f"sqlite:///{tmp_path / f'sla{n}.db'}")
        store.migrate()
        try:
            store.add_events(parse_body("\n".join(json.dumps(e) for e in EVENTS).encode(), [policy]), NOW)
            rows = dashboard.rows(dashboard.data(Tracker(store, [policy], FakeClock(NOW)), lang))
        finally:
            store.close()
        targets = sorted(r["target"] for r in rows)
        # the response (not yet given) and the next reply (the customer wrote at 10:30) are open
        assert targets == sorted([{"en": "Response", "ja": "応答"}[lang], word]), targets


@pytest.mark.parametrize("text, word", [(POLICY, NAME["ja"]), (BARE, NEXT["ja"])])
def test_a_timer_line_calls_it_by_its_clock(text: str, word: str) -> None:
    policy = sla_dsl.load_policy(text)

    def said(clock: str) -> str:
        at = dt.datetime(2026, 11, 20, 11, 30, tzinfo=TOKYO).timestamp()
        kw = {"lang": "ja", "tz": TOKYO, "policies": [policy], "version": "1.0"}
        return alert_name(TARGET_BREACHED, "A", at, target="first_reply", clock=clock, **kw)  # type: ignore[arg-type]

    assert word in said("next_reply") and FIRST["ja"] not in said("next_reply"), said("next_reply")
    assert FIRST["ja"] in said("suspicion"), said("suspicion")


def _hovers(text: str, lang: str) -> list[str]:
    """Every hover on the line of the first reply measured on the restarting clock."""
    model = sla_dsl.load_policy(text).model
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if "on next_reply" in x)
    found = (hover_text(model, text, row, col, lang) for col in range(len(lines[row])))
    return list(dict.fromkeys(h for h in found if h is not None))


@pytest.mark.parametrize("lang", LANGS)
def test_the_hover_calls_it_by_its_clock(lang: str) -> None:
    quoted = {"en": f"“{NAME['en']}”", "ja": f"「{NAME['ja']}」"}[lang]
    for text, word in ((POLICY, quoted), (BARE, NEXT[lang].lower() if lang == "en" else NEXT[lang])):
        hovers = _hovers(text, lang)
        clock = next(h for h in hovers if "next_reply`**" in h)  # (on the clock's name)
        measures = clock.splitlines()[-1]
        assert word in measures and "first reply" not in measures.lower() and FIRST["ja"] not in measures, clock
        ooh = next(h for h in hovers if h.startswith(("**out of hours**", "**営業時間外の受付**")))
        heading = ooh.splitlines()[0]
        assert word in heading and "first reply" not in heading and FIRST["ja"] not in heading, ooh


def test_the_other_clock_keeps_the_first_reply_in_the_hover() -> None:
    model = sla_dsl.load_policy(POLICY).model
    lines = POLICY.split("\n")
    row = next(i for i, x in enumerate(lines) if "on suspicion" in x)
    said = hover_text(model, POLICY, row, lines[row].index("suspicion"), "en") or ""
    assert said.splitlines()[-1] == "- measures: P1 first reply 1 hour", said


@pytest.mark.parametrize("lang, word", [("ja", "次回回答目標時間"), ("en", "next reply")])
def test_the_docs_site_names_a_bare_clock_by_the_next_reply(lang: str, word: str) -> None:
    model = sla_dsl.load_policy(BARE).model
    clocks = {c.name: c for c in model.clocks}
    assert clock_name(clocks["next_reply"], model, lang) == word
    suspicion = BARE.replace(' "製品起因" / "Product suspected"', "")
    model = sla_dsl.load_policy(suspicion).model
    other = next(c for c in model.clocks if c.name == "suspicion")
    assert clock_name(other, model, lang) == {"ja": "初回回答目標時間", "en": "first reply"}[lang]


REPORT_EVENTS = [
    {"event": "incident.reported", "at": "2026-11-20T10:00:00+09:00", "id": "A", "priority": "P1"},
    {"event": "incident.responded", "at": "2026-11-20T10:10:00+09:00", "id": "A"},
    {"event": "incident.customer_replied", "at": "2026-11-20T10:30:00+09:00", "id": "A"},
    {"event": "incident.responded", "at": "2026-11-20T13:00:00+09:00", "id": "A"},
]


@pytest.mark.parametrize("lang", LANGS)
def test_a_violation_quotes_the_label(tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str) -> None:
    for text, goal in (
        (POLICY, {"en": "P1 Urgent “Reply to each message” due", "ja": "P1 緊急の「次の回答」の期限"}),
        (BARE, {"en": "P1 Urgent next reply due", "ja": "P1 緊急の次回回答の期限"}),
    ):
        log = tmp_path / "events.jsonl"
        log.write_text("".join(json.dumps(e) + "\n" for e in REPORT_EVENTS), "utf-8")
        args = [_policy_file(tmp_path, text), str(log), "--from", "2026-11-01", "--to", "2026-12-01"]
        assert main(["evaluate", *args, "--lang", lang, "--no-trend"]) == 0
        out = capsys.readouterr().out
        assert [x for x in out.splitlines() if goal[lang] in x], out
