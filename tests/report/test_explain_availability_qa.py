"""What a QA pass found in ``sla explain SERVICE:YYYY-MM-DD``, in Japanese and English.

* An excluded outage or an excused emergency of a service provided in business hours said its whole time
  "is taken out of the measured time" when that time lay outside the service hours: the formula below
  took out ``0:00``. Each outage now says what it takes out, and its time already not measured apart.
* A quarter cut by a report of one month said ``the measurement period (quarter) starts (until 1 Dec)``
  on 1 November: it now says the whole quarter and the part judged, and the quarter's first day names
  the period too (``q:2026-10-01``, as ``breach_credits`` keys name a cut period).
* ``web:2026-11-1`` and ``web:`` were refused as no incident, outage, stop or backup with no list of the
  periods: an id of a service's name and ``:`` is refused naming the periods there are.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .helpers import MONTH, ROOT, sla

PLANS = (ROOT / "policies" / "examples" / "plans.sla", ROOT / "policies" / "examples" / "plans.jsonl")
POLICY = """sla "Avail test" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
  title "稼働率テスト" / "Availability test"
}

article 1 "稼働率" / "Availability"

calendar business "営業時間" / "Business hours" [art 1] {
  days mon..fri
  hours 10:00-12:00, 13:00-18:00
  holidays JP
}

calendar always "常時" / "Always" {
  days mon..sun
  hours 00:00-24:00
}

service web "ウェブ" / "Web" [art 1] {
  hours always except maintenance, planned stops
  availability target 99.9% monthly
}

service desk "窓口" / "Desk" [art 1] {
  hours business
  availability target 99.0% monthly
}

service q "四半期" / "Quarterly" [art 1] {
  hours always
  availability target 99.5% quarterly
}

planned stop "計画停止" / "Planned stops" [art 1] {
  notice 3 days before start by email
  emergency without notice, excused
}

exclude force_majeure "不可抗力" / "Force majeure" [art 1]
"""
# a failure in the desk's hours; an excused emergency on a Sunday and force majeure at 03:00 (both outside)
EVENTS = [
    {"event": "outage.started", "at": "2026-11-05T10:00:00+09:00", "id": "O3", "cause": "failure"},
    {"event": "outage.ended", "at": "2026-11-05T11:00:00+09:00", "id": "O3"},
    {"event": "outage.started", "at": "2026-11-22T10:00:00+09:00", "id": "O8", "cause": "emergency"},
    {"event": "outage.ended", "at": "2026-11-22T10:20:00+09:00", "id": "O8"},
    {"event": "outage.started", "at": "2026-11-24T03:00:00+09:00", "id": "O10", "cause": "force_majeure"},
    {"event": "outage.ended", "at": "2026-11-24T04:00:00+09:00", "id": "O10"},
]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    policy, log = tmp_path / "av.sla", tmp_path / "av.jsonl"
    policy.write_text(POLICY, "utf-8")
    log.write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    return policy, log


def _run(*args: str | Path) -> list[str]:
    code, out, err = sla(*args)
    assert code == 0, err
    return out.splitlines()


# ---- outages outside the service hours ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "emergency", "excluded", "measured"),
    [
        (
            "en",
            "  Sun 22 Nov 10:00  emergency stop O8 (until Sun 22 Nov 10:20): 0:00 of excused time, not downtime"
            " (0:20 overlapping other time not measured counts once); outage O8 (until Sun 22 Nov 10:20): 0:20 in"
            " the period; an emergency stop that is not downtime: 0:00 of it is taken out of the measured time,"
            " 0:20 of it lies outside the service hours or in excused time, not measured anyway",
            "  Tue 24 Nov 03:00  outage O10 (until Tue 24 Nov 04:00): 1:00 in the period; excluded: 0:00 of it is"
            " taken out of the measured time, 1:00 of it lies outside the service hours or in excused time, not"
            " measured anyway",
            "  measured time = 133:00 − 0:00 excused − 0:00 excluded = 133:00",
        ),
        (
            "ja",
            "  11月22日(日) 10:00  緊急停止 O8（11月22日(日) 10:20 まで）：停止時間に数えない除外時間 0:00"
            "（ほかの除外時間と重なる 0:20 は1回だけ数えます）。"
            "障害 O8（11月22日(日) 10:20 まで）：この期間に 0:20、"
            "停止時間に数えない緊急停止のため測定時間から除くのは 0:00、"
            "うち 0:20 はサービス提供時間外または除外時間内で、すでに測定時間に含まれません",
            "  11月24日(火) 03:00  障害 O10（11月24日(火) 04:00 まで）：この期間に 1:00、"
            "適用外のため測定時間から除くのは 0:00、"
            "うち 1:00 はサービス提供時間外または除外時間内で、すでに測定時間に含まれません",
            "  測定時間 ＝ 133:00 − 除外時間 0:00 − 適用外 0:00 ＝ 133:00",
        ),
    ],
)
def test_an_outage_outside_the_service_hours_takes_nothing_out(
    files: tuple[Path, Path], lang: str, emergency: str, excluded: str, measured: str
) -> None:
    lines = _run("explain", *files, "desk:2026-11-01", *MONTH, "--lang", lang)
    assert emergency in lines, "\n".join(lines)
    assert excluded in lines, "\n".join(lines)
    assert measured in lines, "\n".join(lines)


def test_an_outage_wholly_measured_still_takes_out_all_of_it(files: tuple[Path, Path]) -> None:
    """On a service measured around the clock the excluded outage's hour is all taken out, said as before."""
    lines = _run("explain", *files, "web:2026-11-01", *MONTH, "--lang", "en")
    said = "  Tue 24 Nov 03:00  outage O10 (until Tue 24 Nov 04:00): 1:00 in the period; excluded: its 1:00 is taken"
    assert said + " out of the measured time" in lines, "\n".join(lines)
    assert "  measured time = 720:00 − 0:20 excused − 1:00 excluded = 718:40" in lines


# ---- a quarter cut by a report of one month ----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "  Sun 1 Nov 00:00  the judged part (Sun 1 Nov 00:00 to Tue 1 Dec 00:00) of the measurement period"
            " (quarter, Thu 1 Oct 00:00 to Fri 1 Jan 2027 00:00) starts",
        ),
        (
            "ja",
            "  11月1日(日) 00:00  測定期間（四半期、10月1日(木) 00:00 〜 2027年1月1日(金) 00:00）のうち判定する部分"
            "（11月1日(日) 00:00 〜 12月1日(火) 00:00）の開始",
        ),
    ],
)
@pytest.mark.parametrize("ident", ["q:2026-11-01", "q:2026-10-01"])
def test_a_cut_quarter_says_the_whole_and_the_part_judged(
    files: tuple[Path, Path], lang: str, said: str, ident: str
) -> None:
    lines = _run("explain", *files, ident, *MONTH, "--lang", lang)
    assert said in lines, "\n".join(lines)


def test_the_plans_quarter_is_named_by_either_first_day() -> None:
    """The row's start (and its id) is the judged part's first day; the quarter's first day names it too."""
    got = [
        json.loads("\n".join(_run("explain", *PLANS, i, *MONTH, "--format", "json")))
        for i in ("portal:2026-11-01", "portal:2026-10-01")
    ]
    assert got[0] == got[1]
    assert got[0][0]["id"] == "portal:2026-11-01" and got[0][0]["start"].startswith("2026-11-01")
    assert got[0][0]["complete"] is False
    lines = _run("explain", *PLANS, "portal:2026-10-01", *MONTH, "--lang", "en")
    assert "(quarter, Thu 1 Oct 00:00 to Fri 1 Jan 2027 00:00)" in lines[3], lines[3]


def test_a_whole_month_keeps_its_start_line(files: tuple[Path, Path]) -> None:
    lines = _run("explain", *files, "desk:2026-11-01", *MONTH, "--lang", "en")
    assert "  Sun 1 Nov 00:00  the measurement period (month) starts (until Tue 1 Dec 00:00)" in lines


# ---- ids of a service's name and `:` --------------------------------------------------------------


@pytest.mark.parametrize("ident", ["web:2026-11-1", "web:", "web:20261101", "web:2026-11-01:plan"])
@pytest.mark.parametrize(
    ("lang", "listed"),
    [
        ("en", "(its measurement periods: `web:2026-11-01`, `desk:2026-11-01`, `q:2026-11-01`)\n"),
        ("ja", "（この判定期間の測定期間：`web:2026-11-01`、`desk:2026-11-01`、`q:2026-11-01`）\n"),
    ],
)
def test_an_id_of_a_service_and_a_colon_names_the_periods(
    files: tuple[Path, Path], ident: str, lang: str, listed: str
) -> None:
    code, out, err = sla("explain", *files, ident, *MONTH, "--lang", lang)
    assert (code, out) == (1, "")
    assert f"`{ident}`" in err and err.endswith(listed), err
