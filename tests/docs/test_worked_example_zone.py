"""A worked example counted on a calendar in another zone says each instant on that desk's clock too.

The London desk of a Tokyo policy: its Friday 16:30 is Saturday 01:30 in Tokyo (00:30 in British
Summer Time). The page said only the Tokyo time, true but unreadable for the person working the
desk; each start and due of a target on that calendar now also reads on London's wall clock, in
the words the calendar section names the zone with (``ロンドン時間`` / ``London time``), each
instant with its own offset (the clocks change between a start and its due). A calendar in the
policy's own zone, written or not, has no second time.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sla_dsl.docs import computed
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.policy import load_policy
from sla_dsl.policy.compiled import Policy

from .htmltables import tables
from .test_page_words import EXAMPLES, _policy_with

LONDON = EXAMPLES / "london_desk.sla"
TOKYO, GB = ZoneInfo("Asia/Tokyo"), ZoneInfo("Europe/London")

HEAD = {
    "ja": ["問題の優先順位", "応答目標時間", "起算", "期限"],
    "en": ["Priority", "Response target", "Clock starts", "Due"],
}


def _rows(policy: Policy, lang: str, today: dt.date) -> list[list[str]]:
    page = render_policy(policy, PageContext(lang=lang, source_url="", reference=today))
    return [r.cells for r in tables(page)["examples"]]


def _intro(policy: Policy, lang: str, today: dt.date) -> str:
    page = render_policy(policy, PageContext(lang=lang, source_url="", reference=today))
    return html.unescape(page.split('<table id="examples">', 1)[0].rsplit("<p>", 1)[1].split("</p>", 1)[0])


def _sla_deadline(path: Path, priority: str, start: dt.datetime) -> dt.datetime:
    sla = Path(sys.executable).with_name("sla")
    args = [str(sla), "deadline", str(path), "--priority", priority, "--from", start.isoformat()]
    said = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True).stdout.strip()
    return dt.datetime.fromisoformat(said)


# -- the London desk, in winter, in summer and across each change of the clocks ---------------------

#: reference date -> (start, P1 due, P2 due), each as (Tokyo, London) in the English page's form
LONDON_CASES = {
    # winter (GMT, Tokyo 9 hours ahead)
    dt.date(2026, 12, 1): (
        ("Sat 5 Dec 2026 01:30", "Fri 4 Dec 2026 16:30"),
        ("Mon 7 Dec 2026 21:00", "Mon 7 Dec 2026 12:00"),
        ("Tue 8 Dec 2026 01:30", "Mon 7 Dec 2026 16:30"),
    ),
    # summer (BST, Tokyo 8 hours ahead)
    dt.date(2026, 7, 1): (
        ("Sat 4 Jul 2026 00:30", "Fri 3 Jul 2026 16:30"),
        ("Mon 6 Jul 2026 20:00", "Mon 6 Jul 2026 12:00"),
        ("Tue 7 Jul 2026 00:30", "Mon 6 Jul 2026 16:30"),
    ),
    # started in summer time, due after the clocks go back (25 October 2026)
    dt.date(2026, 10, 19): (
        ("Sat 24 Oct 2026 00:30", "Fri 23 Oct 2026 16:30"),
        ("Mon 26 Oct 2026 21:00", "Mon 26 Oct 2026 12:00"),
        ("Tue 27 Oct 2026 01:30", "Mon 26 Oct 2026 16:30"),
    ),
    # started in winter time, due after the clocks go forward (29 March 2026)
    dt.date(2026, 3, 23): (
        ("Sat 28 Mar 2026 01:30", "Fri 27 Mar 2026 16:30"),
        ("Mon 30 Mar 2026 20:00", "Mon 30 Mar 2026 12:00"),
        ("Tue 31 Mar 2026 00:30", "Mon 30 Mar 2026 16:30"),
    ),
}


def _ja(moment: str) -> str:
    """``Sat 5 Dec 2026 01:30`` as the Japanese page writes it: ``2026年12月5日(土) 01:30``."""
    t = dt.datetime.strptime(moment, "%a %d %b %Y %H:%M")
    youbi = "月火水木金土日"[t.weekday()]
    return f"{t.year}年{t.month}月{t.day}日({youbi}) {t:%H:%M}"


@pytest.mark.parametrize("today", list(LONDON_CASES), ids=str)
def test_the_london_example_says_each_instant_in_london_time_too(today: dt.date) -> None:
    (start, start_gb), (p1, p1_gb), (p2, p2_gb) = LONDON_CASES[today]
    policy = load_policy(str(LONDON))
    en = _rows(policy, "en", today)
    assert en == [
        HEAD["en"],
        [
            "Priority 1",
            "4 business hours (English desk)",
            f"{start} (London time: {start_gb})",
            f"{p1} (London time: {p1_gb})",
        ],
        [
            "Priority 2",
            "1 business day (English desk)",
            f"{start} (London time: {start_gb})",
            f"{p2} (London time: {p2_gb})",
        ],
    ]
    ja = _rows(policy, "ja", today)
    assert ja == [
        HEAD["ja"],
        [
            "優先度１",
            "4営業時間（英語窓口）",
            f"{_ja(start)}（ロンドン時間 {_ja(start_gb)}）",
            f"{_ja(p1)}（ロンドン時間 {_ja(p1_gb)}）",
        ],
        [
            "優先度２",
            "1営業日（英語窓口）",
            f"{_ja(start)}（ロンドン時間 {_ja(start_gb)}）",
            f"{_ja(p2)}（ロンドン時間 {_ja(p2_gb)}）",
        ],
    ]
    # the sentence before the table says the start both ways too (the start is the desk's Friday)
    assert _intro(policy, "en", today) == (
        f"Deadlines for a clock that starts {start} (London time: {start_gb}), computed from the policy:"
    )
    assert _intro(policy, "ja", today) == (
        f"{_ja(start)}（ロンドン時間 {_ja(start_gb)}）に応答の起算が始まった場合の期限（ポリシーから計算）："
    )


def _instant(said: str, zone: ZoneInfo) -> dt.datetime:
    """``Sat 5 Dec 2026 01:30`` on the wall clock of ``zone``, as an aware instant."""
    return dt.datetime.strptime(said, "%a %d %b %Y %H:%M").replace(tzinfo=zone)


def _both(cell: str) -> tuple[dt.datetime, dt.datetime]:
    """``Sat 5 Dec 2026 01:30 (London time: Fri 4 Dec 2026 16:30)`` read as its two aware instants."""
    match = re.fullmatch(r"(.+) \(London time: (.+)\)", cell)
    assert match is not None, cell
    return _instant(match[1], TOKYO), _instant(match[2], GB)


@pytest.mark.parametrize("today", [dt.date(2026, 10, 19), dt.date(2026, 3, 23)], ids=str)
def test_both_times_of_a_row_are_the_instant_sla_deadline_says(today: dt.date) -> None:
    """Across a change of the clocks: each London time shown is the same instant as the Tokyo time
    beside it, and ``sla deadline`` started at the London time given with London's offset says it."""
    policy = load_policy(str(LONDON))
    example = computed.examples(policy, today)
    assert example is not None and example.zone == GB
    for row, cells in zip(example.rows, _rows(policy, "en", today)[1:], strict=True):
        assert row.zone == GB
        (tokyo_start, london_start), (tokyo_due, london_due) = _both(cells[2]), _both(cells[3])
        assert tokyo_start == london_start == example.start, cells[2]
        assert tokyo_due == london_due == row.due, cells[3]
        due = _sla_deadline(LONDON, row.rule.id, london_start)  # --from with London's offset
        assert due == row.due and due.utcoffset() == dt.timedelta(hours=9), row.rule.id
    offsets = {example.start.astimezone(GB).utcoffset(), example.rows[-1].due.astimezone(GB).utcoffset()}
    assert offsets == {dt.timedelta(0), dt.timedelta(hours=1)}  # the example does cross the change


# -- which rows say a second time ---------------------------------------------------------------------


def _changed(tmp_path: Path, old: str, new: str) -> tuple[Path, Policy]:
    """The London desk example with ``old`` replaced by ``new``, and where it was written."""
    return tmp_path / LONDON.name, _policy_with(tmp_path, LONDON, old, new)


def test_by_the_end_of_a_desk_day_says_london_time(tmp_path: Path) -> None:
    """``by end of 2nd desk_en day`` from Friday: due at Tuesday's 17:30 close in London, Wednesday
    02:30 in Tokyo."""
    path, policy = _changed(tmp_path, "respond within 1 desk_en day", "respond by end of 2nd desk_en day")
    today = dt.date(2026, 12, 1)
    assert _rows(policy, "en", today)[2][1:] == [
        "by the end of the 2nd business day (English desk)",
        "Sat 5 Dec 2026 01:30 (London time: Fri 4 Dec 2026 16:30)",
        "Wed 9 Dec 2026 02:30 (London time: Tue 8 Dec 2026 17:30)",
    ]
    assert _rows(policy, "ja", today)[2][3] == "2026年12月9日(水) 02:30（ロンドン時間 2026年12月8日(火) 17:30）"
    example = computed.examples(policy, today)
    assert example is not None
    assert _sla_deadline(path, "P2", example.start) == example.rows[1].due


def test_a_row_on_the_policy_s_own_calendar_has_no_second_time(tmp_path: Path) -> None:
    """A London-desk policy whose first target counts on the Tokyo calendar: the start is Tokyo's
    Friday, said once; the desk's row alone says London time."""
    path, policy = _changed(tmp_path, "respond within 4 desk_en hours", "respond within 4 business hours")
    today = dt.date(2026, 12, 1)
    example = computed.examples(policy, today)
    assert example is not None and example.zone is None
    assert [r.zone for r in example.rows] == [None, GB]
    en = _rows(policy, "en", today)
    assert en[1] == ["Priority 1", "4 business hours", "Fri 4 Dec 2026 17:00", "Mon 7 Dec 2026 14:00"]
    assert en[2] == [
        "Priority 2",
        "1 business day (English desk)",
        "Fri 4 Dec 2026 17:00 (London time: Fri 4 Dec 2026 08:00)",
        "Sat 5 Dec 2026 02:30 (London time: Fri 4 Dec 2026 17:30)",
    ]
    ja = _rows(policy, "ja", today)
    assert ja[1][2:] == ["2026年12月4日(金) 17:00", "2026年12月7日(月) 14:00"]
    assert ja[2][2:] == [
        "2026年12月4日(金) 17:00（ロンドン時間 2026年12月4日(金) 08:00）",
        "2026年12月5日(土) 02:30（ロンドン時間 2026年12月4日(金) 17:30）",
    ]
    assert (
        _intro(policy, "ja", today) == "2026年12月4日(金) 17:00に応答の起算が始まった場合の期限（ポリシーから計算）："
    )
    for row in example.rows:
        assert _sla_deadline(path, row.rule.id, example.start) == row.due


@pytest.mark.parametrize("zone", ["  # no zone: the policy's", "  timezone Asia/Tokyo"], ids=["none", "Asia/Tokyo"])
def test_a_calendar_in_the_policy_s_zone_shows_no_second_time(tmp_path: Path, zone: str) -> None:
    """The same desk on Tokyo's clock (no ``timezone``, or the policy's own written out): one time each."""
    _, policy = _changed(tmp_path, "  timezone Europe/London", zone)
    today = dt.date(2026, 12, 1)
    example = computed.examples(policy, today)
    assert example is not None and example.zone is None and all(r.zone is None for r in example.rows)
    assert _rows(policy, "en", today)[1] == [
        "Priority 1",
        "4 business hours (English desk)",
        "Fri 4 Dec 2026 16:30",
        "Mon 7 Dec 2026 12:00",
    ]
    ja = _rows(policy, "ja", today)
    assert ja[1][2:] == ["2026年12月4日(金) 16:30", "2026年12月7日(月) 12:00"]
    assert "London" not in str(_rows(policy, "en", today)) and "ロンドン" not in str(ja)
