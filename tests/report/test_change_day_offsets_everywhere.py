"""On a day the zone changes its offset every time a person reads carries it, as the text report writes it
(:func:`~sla_dsl.i18n.offset_on_change`), not only a time of the hour the zone repeats. These failed before:

* the HTML report's chart labels (an outage from ``29 Mar 01:30`` to ``29 Mar 03:10`` read as 1:40 where it
  lasted 0:40);
* ``sla serve``'s timer and alert lines in Japanese (English gives ISO 8601, which has its offset);
* the dashboard's next maintenance window and ``sla calendar``'s window line (``01:00-04:00`` read as three
  hours where two pass).

A zone that keeps one offset (Tokyo) shows none: the Click So-ko outputs are as they were.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.serve import dashboard
from sla_dsl.serve.timer_words import when

from .helpers import EXAMPLE, MONTH, POLICY, sla
from .test_berlin_qa_words import BERLIN

BERLIN_TZ = ZoneInfo("Europe/Berlin")
OUTAGE = [
    {"event": "outage.started", "at": "2026-03-29T01:30:00+01:00", "id": "O1", "service": "platform"},
    {"event": "outage.ended", "at": "2026-03-29T03:10:00+02:00", "id": "O1"},
]
MAINTENANCE = """maintenance night "夜間保守" / "Night maintenance" {
  every month on last sun, 01:00-04:00
  calendar always
  notice none
}
"""


def _policy(tmp: Path) -> Path:
    text = BERLIN.replace("RISKS", "75%").replace("ANCHOR", "start")
    path = tmp / "nl.sla"
    path.write_text(text.replace('planned stop "計画停止"', MAINTENANCE + 'planned stop "計画停止"'), "utf-8")
    return path


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


LABELS = {
    "en": ("29 Mar 01:30 (+01:00) to 29 Mar 03:10 (+02:00), downtime 0:40", "29 Mar 01:30 to 29 Mar 03:10"),
    "ja": ("3月29日 01:30 (+01:00) 〜 3月29日 03:10 (+02:00)、停止時間 0:40", "3月29日 01:30 〜 3月29日 03:10"),
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_charts_labels_say_the_offsets_of_the_day(tmp_path: Path, lang: str) -> None:
    log = tmp_path / "ev.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in OUTAGE), "utf-8")
    html = _run(
        "evaluate", _policy(tmp_path), log, "--from", "2026-03-01", "--to", "2026-04-01",
        "--format", "html", "--lang", lang, "--quiet",
    )  # fmt: skip
    said, bare = LABELS[lang]
    assert said in html
    assert bare not in html


def test_the_charts_labels_of_tokyo_have_no_offset() -> None:
    html = _run("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "html", "--quiet")
    assert "(+09:00)" not in html


@pytest.mark.parametrize(
    ("at", "said"),
    [
        ("2026-03-29T01:30:00+01:00", "2026年3月29日(日) 01:30 (+01:00)"),
        ("2026-03-29T03:00:00+02:00", "2026年3月29日(日) 03:00 (+02:00)"),
        ("2026-03-29T23:59:30+02:00", "2026年3月29日(日) 23:59:30 (+02:00)"),
        ("2026-03-30T03:00:00+02:00", "2026年3月30日(月) 03:00"),
    ],
)
def test_the_timers_lines_say_the_offsets_of_the_day(at: str, said: str) -> None:
    instant = dt.datetime.fromisoformat(at).timestamp()
    assert when(instant, BERLIN_TZ, "ja") == said
    assert when(instant, BERLIN_TZ, "en") == dt.datetime.fromtimestamp(instant, BERLIN_TZ).isoformat()


def test_the_timers_lines_of_tokyo_have_no_offset() -> None:
    instant = dt.datetime(2026, 11, 30, 11, tzinfo=ZoneInfo("Asia/Tokyo")).timestamp()
    assert when(instant, ZoneInfo("Asia/Tokyo"), "ja") == "2026年11月30日(月) 11:00"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_dashboards_window_says_the_offsets_of_the_day(lang: str) -> None:
    begin = dt.datetime(2026, 3, 29, 1, tzinfo=BERLIN_TZ)
    finish = dt.datetime(2026, 3, 29, 4, tzinfo=BERLIN_TZ)
    said = dashboard.window_text(begin, finish, lang)
    assert "01:00 (+01:00)" in said and "04:00 (+02:00)" in said, said
    # the day after keeps one offset all day
    said = dashboard.window_text(begin + dt.timedelta(days=1), finish + dt.timedelta(days=1), lang)
    assert "(+02:00)" not in said, said


CALENDAR = {
    "en": " 29M Night maintenance 01:00 (+01:00)-04:00 (+02:00)",
    "ja": " 29M 夜間保守 01:00 (+01:00)-04:00 (+02:00)",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sla_calendar_says_the_offsets_of_the_day(tmp_path: Path, lang: str) -> None:
    out = _run("calendar", _policy(tmp_path), "--month", "2026-03", "--lang", lang)
    assert CALENDAR[lang] in out.splitlines(), out
    # October's window (25 Oct, the clocks go back at 03:00): its end is of the repeated hour's day too
    out = _run("calendar", _policy(tmp_path), "--month", "2026-10", "--lang", lang)
    assert any(x.startswith(" 25M") and x.endswith("01:00 (+02:00)-04:00 (+01:00)") for x in out.splitlines()), out
