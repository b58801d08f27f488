"""An SRE's QA pass over Click So-ko's outputs with monitoring outages: four places where they disagreed.

* A first report sent before the Company recognised the failure does not count for the notice target
  (:func:`sla_dsl.evaluation.outages._notice`: the verdict is late), but ``sla explain`` said it was sent
  ``(in time)`` and never said the target was missed, and the outages table showed it beside ``late`` as
  the notice. Now explain says it was sent before the recognition and does not count, and that none that
  counts was sent (as for an outage with no notice), or the later one that counts with its verdict; the
  table marks it not counted with a note why, or shows the notice that counts. The JSON is unchanged.
* ``sla explain`` called time hidden by an overlapping excluded outage "excused time (maintenance, noticed
  stop)"; it now gives the reasons of the outages table's "Not counted" column.
* The note under the outages table summed the outages of the measured service only, without saying so,
  beside an outage of another service: it now names the service it adds up.
* The data violation of an outage with no start called it a stop: now an outage, in both languages; a
  planned stop's words still say stop.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.i18n import message

from .helpers import MONTH, POLICY, sla

#: a first report at 10:02, before the recognition at 10:05 (due 14:05: 3 business hours after it)
EARLY = [
    {"event": "outage.started", "at": "2026-11-11T10:00:00+09:00", "id": "N-EARLY", "service": "content"},
    {"event": "outage.notified", "at": "2026-11-11T10:02:00+09:00", "id": "N-EARLY"},
    {"event": "outage.recognized", "at": "2026-11-11T10:05:00+09:00", "id": "N-EARLY"},
    {"event": "outage.ended", "at": "2026-11-11T10:30:00+09:00", "id": "N-EARLY"},
]
#: ... and a second one after the due time: the one the target counts, late
LATER = [*EARLY, {"event": "outage.notified", "at": "2026-11-11T15:00:00+09:00", "id": "N-EARLY"}]
#: an excluded outage FM (force majeure) overlapping F2 by half an hour
OVERLAP = [
    {
        "event": "outage.started",
        "at": "2026-11-10T02:00:00+09:00",
        "id": "FM",
        "service": "content",
        "cause": "force_majeure",
    },
    {"event": "outage.ended", "at": "2026-11-10T04:00:00+09:00", "id": "FM"},
    {"event": "outage.started", "at": "2026-11-10T03:30:00+09:00", "id": "F2", "service": "content"},
    {"event": "outage.ended", "at": "2026-11-10T05:00:00+09:00", "id": "F2"},
]
#: two overlapping outages of the measured service and one of `support`, which is not measured
SERVICES = [
    {"event": "outage.started", "at": "2026-11-10T10:00:00+09:00", "id": "A", "service": "content"},
    {"event": "outage.ended", "at": "2026-11-10T12:00:00+09:00", "id": "A"},
    {"event": "outage.started", "at": "2026-11-10T11:00:00+09:00", "id": "B", "service": "content"},
    {"event": "outage.ended", "at": "2026-11-10T13:00:00+09:00", "id": "B"},
    {"event": "outage.started", "at": "2026-11-11T10:00:00+09:00", "id": "S", "service": "support"},
    {"event": "outage.ended", "at": "2026-11-11T10:30:00+09:00", "id": "S"},
]
ORPHAN = [{"event": "outage.ended", "at": "2026-11-05T12:00:00+09:00", "id": "O-ORPHAN"}]


def _log(tmp_path: Path, events: list[dict[str, Any]]) -> Path:
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(e) + "\n" for e in events), "utf-8")
    return log


def _run(*args: str | Path) -> str:
    code, out, err = sla(*args)
    assert code == 0, err
    return out


def _explain(log: Path, ident: str, lang: str, *more: str) -> list[str]:
    """The lines of the id's first explanation (an outage's, before the data violation of the same id)."""
    out = _run("explain", POLICY, log, ident, *MONTH, "--lang", lang, "--quiet", *more)
    return out.split("\n\n")[0].splitlines()


def _report(log: Path, lang: str, fmt: str = "text") -> str:
    return _run("evaluate", POLICY, log, *MONTH, "--lang", lang, "--format", fmt, "--quiet", "--no-trend")


# -- 1. a notice before the recognition -----------------------------------------------------------------


EXPLAIN_EARLY = {
    "en": [
        "  Wed 11 Nov 10:02  first status report sent (before the Company's recognition of the failure, which "
        "the target counts from: it does not count for the target)",
        "  Wed 11 Nov 10:05  the Company recognised the failure",
        "  Wed 11 Nov 10:30  service available again (down 0:30)",
        "  Wed 11 Nov 14:05  Recovery-information notice time due: within 3 business hours",
        "  Tue 1 Dec 00:00  no notice that counts for the target by then: late",
    ],
    "ja": [
        "  11月11日(水) 10:02  障害状況の一報を通知（目標の起算点である当社が障害を認知した時点より前のため、"
        "目標の達成に数えません）",
        "  11月11日(水) 10:05  当社が障害を認知",
        "  11月11日(水) 10:30  サービス復旧（停止 0:30）",
        "  11月11日(水) 14:05  復旧情報通知時間の期限：3営業時間以内",
        "  12月1日(火) 00:00  この時点で目標に数える通知なし：期限超過",
    ],
}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_explain_says_a_notice_before_the_recognition_does_not_count(tmp_path: Path, lang: str) -> None:
    lines = _explain(_log(tmp_path, EARLY), "N-EARLY", lang)
    assert lines[0].endswith("Recovery-information notice time: late" if lang == "en" else "復旧情報通知時間：期限超過")
    assert lines[-5:] == EXPLAIN_EARLY[lang]
    assert not any("(in time)" in line or "（期限内）" in line for line in lines)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "  Wed 11 Nov 15:00  status report sent (0:55 after the due time)"),
        ("ja", "  11月11日(水) 15:00  障害状況の報告を通知（期限から 0:55 超過）"),
    ],
)
def test_explain_says_the_later_notice_the_target_counts(tmp_path: Path, lang: str, said: str) -> None:
    lines = _explain(_log(tmp_path, LATER), "N-EARLY", lang)
    assert lines[-1] == said
    assert lines[-5] == EXPLAIN_EARLY[lang][0]  # (the first: not counted)
    assert not any("by then" in line or "この時点で" in line for line in lines)


def test_explain_before_the_due_time_says_none_that_counts_is_sent_yet(tmp_path: Path) -> None:
    lines = _explain(_log(tmp_path, EARLY), "N-EARLY", "en", "--as-of", "2026-11-11T11:00:00+09:00")
    assert lines[0].endswith("Recovery-information notice time: awaiting notice")
    assert "  Wed 11 Nov 11:00  no notice that counts for the target by then: awaiting notice" in lines


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize(
    ("lang", "cell", "note"),
    [
        (
            "en",
            "Wed 11 Nov 10:02 (not counted)",
            "A notice marked “not counted” was sent before the Company's recognition of the failure, which its "
            "notice target counts from: it does not meet the target.",
        ),
        (
            "ja",
            "11月11日(水) 10:02（目標に数えない）",
            "「目標に数えない」とした通知は、通知目標の起算点である当社が障害を認知した時点より前に送られたため、"
            "目標の達成に数えません。",
        ),
    ],
)
def test_the_outages_table_does_not_show_it_as_the_notice(
    tmp_path: Path, fmt: str, lang: str, cell: str, note: str
) -> None:
    out = _report(_log(tmp_path, EARLY), lang, fmt)
    row = next(line for line in out.splitlines() if "N-EARLY" in line and ("10:00" in line))
    assert cell in row and ("late" in row if lang == "en" else "期限超過" in row)
    assert note in out


def test_the_outages_table_shows_the_notice_that_counts(tmp_path: Path) -> None:
    out = _report(_log(tmp_path, LATER), "en")
    row = next(line for line in out.splitlines() if line.startswith("  N-EARLY"))
    assert "Wed 11 Nov 15:00  late" in row and "10:02" not in row and "not counted" not in out


def test_the_json_keeps_its_contract(tmp_path: Path) -> None:
    (o,) = json.loads(_report(_log(tmp_path, EARLY), "en", "json"))["outages"]
    assert o["notified_at"] == "2026-11-11T10:02:00+09:00" and o["notice_status"] == "breached"
    assert o["notices"][0]["met_at"] is None


#: two rules: one after the start (the 10:02 notice meets it), one after the recognition (it does not)
TWO_RULES = """sla "Two" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}
calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-18:00
}
priority P1 "緊急" / "P1" { respond within 8 business hours }
notify rec "復旧通知" / "Recovery" {
  within 1 business hour after outage.recognized
  met by outage.notified
}
notify first "第一報" / "First report" {
  within 30 minutes after outage.started
  met by outage.notified
}
"""


def test_several_rules_each_say_whether_they_count_it(tmp_path: Path) -> None:
    policy = tmp_path / "two.sla"
    policy.write_text(TWO_RULES, "utf-8")
    log = _log(tmp_path, [{k: v for k, v in e.items() if k != "service"} for e in EARLY])
    out = _run("explain", policy, log, "N-EARLY", *MONTH, "--lang", "en", "--quiet")
    assert (
        "Wed 11 Nov 10:02  first status report sent (Recovery: before the Company's recognition of the failure, "
        "which the target counts from: it does not count for the target; First report: in time)" in out
    )
    table = _run("evaluate", policy, log, *MONTH, "--lang", "en", "--quiet", "--no-trend")
    rows = [line for line in table.splitlines() if "Recovery " in line or "First report " in line]
    assert any("First report" in r and "Wed 11 Nov 10:02" in r and "notified in time" in r for r in rows)
    assert not any("Recovery" in r and "10:02" in r for r in rows)


# -- 2. time hidden by an overlapping excluded outage ---------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said", "column"),
    [
        (
            "en",
            "0:30 of it is not downtime (overlapping excluded outage FM: 0:30)",
            "overlapping excluded outage FM: 0:30",
        ),
        (
            "ja",
            "うち 0:30 は停止時間に数えません（適用外の障害 FM と重なる時間：0:30）",
            "適用外の障害 FM と重なる時間：0:30",
        ),
    ],
)
def test_explain_gives_the_reasons_of_the_not_counted_column(tmp_path: Path, lang: str, said: str, column: str) -> None:
    log = _log(tmp_path, OVERLAP)
    out = "\n".join(_explain(log, "F2", lang))
    assert said in out
    assert "maintenance" not in out and "定期メンテナンス" not in out and "noticed stop" not in out
    assert column in next(line for line in _report(log, lang).splitlines() if line.startswith("  F2"))


# -- 3. the overlap note beside an outage of a service not measured -------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "en",
            "Overlapping outages count once: the own downtimes of the outages counted against “Digital content "
            "management service” add to 4:00, its total downtime is 3:00.",
        ),
        (
            "ja",
            "停止時間は重なった時間を1回だけ数えます。「デジタルコンテンツ管理サービス」に算入する各障害の停止時間の"
            "合計 4:00 に対し、合計の停止時間は 3:00 です。",
        ),
    ],
)
def test_the_overlap_note_says_which_outages_it_adds(tmp_path: Path, fmt: str, lang: str, note: str) -> None:
    out = _report(_log(tmp_path, SERVICES), lang, fmt)
    assert note in out  # (the table lists 4:30: S, of `support`, is not in the sum, and the note says so)
    assert "the outages' own downtimes" not in out and "数えます。各障害の停止時間の合計" not in out


# -- 4. an outage with no start is an outage ------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "there are events of outage “O-ORPHAN”, but no record of the start of the outage"),
        ("ja", "障害「O-ORPHAN」のイベントがありますが、その障害の発生の記録がありません"),
    ],
)
def test_an_outage_without_its_start_is_called_an_outage(tmp_path: Path, lang: str, said: str) -> None:
    log = _log(tmp_path, ORPHAN)
    out = _report(log, lang)
    assert said in out and "stop" not in said
    assert said in "\n".join(_explain(log, "O-ORPHAN", lang))
    assert "stop" not in message("site.event.outage.started", "en") and "停止" not in message(
        "site.event.outage.started", "ja"
    )
    # (a planned stop's words still say stop)
    assert "planned stop" in message("site.event.stop.announced", "en")
    assert "計画停止" in message("site.event.stop.announced", "ja")
