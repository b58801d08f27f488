"""A same-day guideline on a calendar in another zone is stated on that desk's clock, its example on both.

``same day if received 4 hours before close of desk_en`` in a Tokyo policy whose London desk closes at
17:30 London time: the page said the rule on the policy's clock only, ``by 22:30 (4 hours before the
02:30 close)``, true in winter alone (21:30 and 01:30 in British Summer Time) and not the same day in
Tokyo. It now says the rule on the desk's clock, ``by 13:30 London time (4 hours before the 17:30
close)``, right in every season, and its example on both clocks, in the worked example's words
(``site.local_time``). Each instant shown is the evaluator's (``same_day_of`` on the desk's local
date) and ``sla deadline``'s. A guideline on a calendar in the policy's zone reads as before.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from sla_dsl.docs import computed
from sla_dsl.docs.render import PageContext, render_policy
from sla_dsl.evaluation.common import Rules
from sla_dsl.evaluation.incident_rows import same_day_of
from sla_dsl.policy.compiled import Policy

from .test_page_words import _policy_with
from .test_worked_example_zone import GB, LONDON, TOKYO, _instant, _ja, _sla_deadline

GUIDE = "  same day if received 4 hours before close of desk_en\n"

#: reference date -> (cutoff, due), each as (Tokyo, London) in the English page's form
CASES = {
    # winter (GMT, Tokyo 9 hours ahead)
    dt.date(2026, 12, 1): (
        ("Tue 1 Dec 2026 22:30", "Tue 1 Dec 2026 13:30"),
        ("Wed 2 Dec 2026 02:30", "Tue 1 Dec 2026 17:30"),
    ),
    # summer (BST, Tokyo 8 hours ahead)
    dt.date(2026, 7, 1): (
        ("Wed 1 Jul 2026 21:30", "Wed 1 Jul 2026 13:30"),
        ("Thu 2 Jul 2026 01:30", "Wed 1 Jul 2026 17:30"),
    ),
    # the last business day of summer time and the first after the clocks go back (25 October 2026)
    dt.date(2026, 10, 23): (
        ("Fri 23 Oct 2026 21:30", "Fri 23 Oct 2026 13:30"),
        ("Sat 24 Oct 2026 01:30", "Fri 23 Oct 2026 17:30"),
    ),
    dt.date(2026, 10, 26): (
        ("Mon 26 Oct 2026 22:30", "Mon 26 Oct 2026 13:30"),
        ("Tue 27 Oct 2026 02:30", "Mon 26 Oct 2026 17:30"),
    ),
    # the last business day of winter time and the first after the clocks go forward (29 March 2026)
    dt.date(2026, 3, 27): (
        ("Fri 27 Mar 2026 22:30", "Fri 27 Mar 2026 13:30"),
        ("Sat 28 Mar 2026 02:30", "Fri 27 Mar 2026 17:30"),
    ),
    dt.date(2026, 3, 30): (
        ("Mon 30 Mar 2026 21:30", "Mon 30 Mar 2026 13:30"),
        ("Tue 31 Mar 2026 01:30", "Mon 30 Mar 2026 17:30"),
    ),
}


@pytest.fixture(scope="module")
def london(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Policy]:
    """The London desk example whose P1 has a same-day guideline on the desk, and where it was written."""
    tmp = tmp_path_factory.mktemp("same_day_zone")
    old = "  respond within 4 desk_en hours\n"
    return tmp / LONDON.name, _policy_with(tmp, LONDON, old, old + GUIDE)


def _line(policy: Policy, lang: str, today: dt.date, priority: str = "p1") -> str:
    """The text of a priority's same-day paragraph, without its badge."""
    page = render_policy(policy, PageContext(lang=lang, source_url="", reference=today))
    found = re.search(rf'<p class="sla-same-day[^"]*" id="same-day-p-{priority}">(.*?)</p>', page, flags=re.S)
    assert found is not None
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<span class="sla-badge">.*?</span>', "", found[1])))


@pytest.mark.parametrize("today", list(CASES), ids=str)
def test_the_rule_is_on_the_desk_s_clock_and_the_example_on_both(london: tuple[Path, Policy], today: dt.date) -> None:
    (cut, cut_gb), (due, due_gb) = CASES[today]
    _, policy = london
    assert _line(policy, "en", today) == (
        "Same-day guideline: for a Priority 1 case received on a business day by 13:30 London time "
        "(4 hours before the 17:30 close), the response target falls due the same day. "
        f"Example: received {cut.rsplit(' ', 1)[0]} at {cut.rsplit(' ', 1)[1]} (London time: {cut_gb}), "
        f"due {due} (London time: {due_gb})."
    )
    ja = _line(policy, "ja", today)
    assert ja == (
        "当日回答の目安：営業日のロンドン時間13:30まで（終業時刻17:30の4時間前）に受けた優先度１の案件は、"
        "応答目標時間の期限が同じ日のうちになります。"
        f"例：{_ja(cut)}（ロンドン時間 {_ja(cut_gb)}）に受けた場合の期限は"
        f"{_ja(due)}（ロンドン時間 {_ja(due_gb)}）です。"
    )
    assert not re.search(r"[A-Za-z]", ja)


@pytest.mark.parametrize("today", list(CASES), ids=str)
def test_each_time_shown_is_the_evaluator_s_and_sla_deadline_s(london: tuple[Path, Policy], today: dt.date) -> None:
    """Both clocks of each instant name one instant; the cutoff and close are ``same_day_of``'s on the
    desk's local date, and ``sla deadline`` started at the London cutoff, with London's offset, says
    the due shown, which is the close."""
    (cut, cut_gb), (due, due_gb) = CASES[today]
    path, policy = london
    start, start_gb = _instant(cut, TOKYO), _instant(cut_gb, GB)
    end, end_gb = _instant(due, TOKYO), _instant(due_gb, GB)
    assert start == start_gb and end == end_gb
    rule = policy.model.priority("P1").same_day
    assert rule is not None
    found = same_day_of(Rules(policy), rule, start_gb.date().toordinal())
    assert found is not None
    close, cutoff, _ = found
    assert (start.timestamp(), end.timestamp()) == (cutoff, close)
    assert (f"{start_gb:%H:%M}", f"{end_gb:%H:%M}") == ("13:30", "17:30")  # as the rule states them
    said = _sla_deadline(path, "P1", start_gb)
    assert said == end and said.utcoffset() == dt.timedelta(hours=9)
    got = computed.cutoff(policy, policy.model.priority("P1"), today)
    assert got is not None and got.zone == GB and got.holds
    assert (str(got.local_cutoff), str(got.local_close)) == ("13:30", "17:30")
    assert (str(got.cutoff), str(got.close)) == (f"{start:%H:%M}", f"{end:%H:%M}")  # the policy's clock


def test_a_guideline_on_the_policy_s_zone_says_one_time(tmp_path: Path) -> None:
    """A priority counted on the company calendar (Tokyo, the policy's zone): one time each, as before."""
    old = "  respond within 4 desk_en hours\n"
    new = "  respond within 4 business hours\n  same day if received 4 hours before close of business\n"
    policy = _policy_with(tmp_path, LONDON, old, new)
    today = dt.date(2026, 12, 1)
    got = computed.cutoff(policy, policy.model.priority("P1"), today)
    assert got is not None and got.zone is None
    assert (got.local_cutoff, got.local_close) == (got.cutoff, got.close)
    assert _line(policy, "en", today) == (
        "Same-day guideline: for a Priority 1 case received on a business day by 14:00 (4 hours before the "
        "18:00 close), the response target falls due the same day. "
        "Example: received Tue 1 Dec 2026 at 14:00, due Tue 1 Dec 2026 18:00."
    )
    assert _line(policy, "ja", today) == (
        "当日回答の目安：営業日の14:00まで（終業時刻18:00の4時間前）に受けた優先度１の案件は、"
        "応答目標時間の期限が同じ日のうちになります。例：2026年12月1日(火) 14:00に受けた場合の期限は"
        "2026年12月1日(火) 18:00です。"
    )
