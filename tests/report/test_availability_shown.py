"""The availability the report shows: none for a policy that measures none, and which period a figure is.

helpdesk.sla has no ``service``: it measures no availability, yet its report had an availability section
claiming ``100.0000%``. Now the section is left out when no service is measured, in every format.

Over several months the summary's availability figure is the lowest measurement period's (a bad October is
not averaged away by a good November), next to the availability table's figure over the whole period; it
read ``98.975%`` with nothing saying so beside ``99.1971%``. Now it names the period it is:
``98.975%（最も低い月：2026年10月度）`` / ``98.975% (lowest month: October 2026)``; a single period (or
periods with one figure) needs no such word.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sla_dsl.i18n import message

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, readable, sla

EXAMPLES = ROOT / "policies" / "examples"
HELPDESK, HELPDESK_EVENTS = EXAMPLES / "helpdesk.sla", EXAMPLES / "helpdesk-events.jsonl"
PLANS = EXAMPLES / "plans.sla"


def _out(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_no_availability_section_without_a_measured_service(fmt: str, lang: str) -> None:
    title, ratio = message("report.availability", lang), message("report.ratio", lang)
    out = _out("evaluate", HELPDESK, HELPDESK_EVENTS, *MONTH, "--format", fmt, "--lang", lang)
    sections = {"text": f"\n\n{title}\n", "markdown": f"\n## {title}\n", "html": '<section id="availability">'}
    assert sections[fmt] not in out
    assert "100.0000%" not in out and "100.000%" not in out
    # nor a summary row of it (the timeline of the HTML page is another matter: :mod:`sla_dsl.report.chart`)
    summary = {
        "text": lambda: out.split(f"\n\n{message('report.summary', lang)}\n", 1)[1].split("\n\n", 1)[0],
        "markdown": lambda: out.split(f"\n## {message('report.summary', lang)}\n", 1)[1].split("\n## ", 1)[0],
        "html": lambda: readable(out.split('<section id="summary">', 1)[1].split("</section>", 1)[0], fmt),
    }[fmt]()
    assert "P1 " in summary and ratio not in summary
    # a policy that measures a service keeps it
    kept = _out("evaluate", POLICY, EXAMPLE, *MONTH, "--format", fmt, "--lang", lang)
    assert sections[fmt] in kept


def _summary_cell(out: str, start: str) -> str:
    """The result cell of the text summary's row whose label starts with ``start``."""
    block = next(b for b in out.split("\n\n") if b.startswith(("総括", "Summary")))
    row = next(x for x in block.splitlines() if x.strip().startswith(start))
    return re.split(r"\s{2,}", row.strip())[2]


@pytest.fixture(scope="module")
def two_months(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Click So-ko's content service down 3 hours in October and 1 hour in November."""
    events = [
        {"event": "outage.started", "at": "2026-10-06T10:00:00+09:00", "id": "O-10", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-10-06T13:00:00+09:00", "id": "O-10"},
        {"event": "outage.started", "at": "2026-11-10T10:00:00+09:00", "id": "O-11", "cause": "failure"},
        {"event": "outage.ended", "at": "2026-11-10T11:00:00+09:00", "id": "O-11"},
    ]
    path = tmp_path_factory.mktemp("months") / "two.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "said"),
    [("ja", "（最も低い月：2026年10月度）"), ("en", " (lowest month: October 2026)")],
)
def test_the_lowest_month_of_several_is_named(two_months: Path, lang: str, said: str) -> None:
    out = _out(
        "evaluate", POLICY, two_months, "--from", "2026-10-01", "--to", "2026-12-01", "--format", "text", "--lang", lang
    )
    cell = _summary_cell(out, message("report.commit.availability", lang))
    assert cell.endswith(said), cell
    figure = cell.removesuffix(said)
    # October: 3:00 down of 742:00 measured (the month less its 2-hour maintenance)
    assert figure == f"{(1 - 180 / (742 * 60)) * 100:.3f}%"
    assert f"{(1 - 240 / (1460 * 60)) * 100:.4f}%" in out  # the whole period's, in the availability table
    # one month alone: its own figure, no word of periods
    one = _out("evaluate", POLICY, two_months, *MONTH, "--format", "text", "--lang", lang)
    assert _summary_cell(one, message("report.commit.availability", lang)).endswith("%")


def test_a_lowest_period_other_than_a_month_is_named_by_its_ends(tmp_path: Path) -> None:
    """plans.sla measures its portal per quarter: September and October lie in two quarters."""
    log = tmp_path / "portal.jsonl"
    events = [
        {"event": "outage.started", "at": "2026-10-06T10:00:00+09:00", "id": "P-1", "service": "portal"},
        {"event": "outage.ended", "at": "2026-10-06T12:00:00+09:00", "id": "P-1"},
    ]
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    args = ("evaluate", PLANS, log, "--from", "2026-09-01", "--to", "2026-11-01", "--format", "text")
    ja = _summary_cell(_out(*args, "--lang", "ja"), "稼働率（管理画面）")
    assert ja.endswith("（最も低い測定期間：10月1日(木) 00:00 〜 11月1日(日) 00:00）"), ja
    en = _summary_cell(_out(*args, "--lang", "en"), "Availability (Admin portal)")
    assert en.endswith(" (lowest measurement period: Thu 1 Oct 00:00 - Sun 1 Nov 00:00)"), en
