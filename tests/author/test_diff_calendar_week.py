"""``sla diff`` compares a calendar by the week it opens, and says a change of it per weekday.

A review found ``days mon..fri`` with ``hours 10:00-12:00, 13:00-18:00`` rewritten as ``hours mon..fri
10:00-12:00, 13:00-18:00`` (the same week: ``sla check`` accepts both, ``sla evaluate`` gives the same
verdicts) reported as three changes, two of them false (no days, no hours, 0 hours a day), and Saturday
added next to it said as Monday to Friday removed. The fields ``days``, ``hours`` and ``day_hours`` were
compared one by one, as written. And the author's English text named calendars, clocks and event types
inside a value by the policy file's names (``within 7 desk_en hours``) where every other form said labels.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import change_text, diff_models, notice_words, render_json, render_markdown, render_text
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
HELPDESK = (ROOT / "policies" / "examples" / "helpdesk.sla").read_text("utf-8")

WEEK = (
    "  days mon..fri\n  hours 10:00-12:00, 13:00-18:00               # reading 3: the lunch hour is not business time\n"
)
FORMATS = ("text", "json", "markdown")


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _week(lines: str) -> PolicyModel:
    """clicksoko.sla with its business calendar's week written as ``lines``."""
    assert CLICKSOKO.count(WEEK) == 1
    return _model(CLICKSOKO.replace(WEEK, lines))


def _text(old: PolicyModel, new: PolicyModel, lang: str) -> list[str]:
    return render_text(old, new, diff_models(old, new), lang).splitlines()  # type: ignore[arg-type]


def _notice(old: PolicyModel, new: PolicyModel, lang: str) -> list[str]:
    words = notice_words(old, new, lang)  # type: ignore[arg-type]
    return [change_text(c, words, old, new) for c in diff_models(old, new)]


def _said(old: PolicyModel, new: PolicyModel, fmt: str, lang: str) -> str:
    """What ``sla diff --format fmt --lang lang`` writes for people: JSON's words (texts and details) only."""
    from sla_dsl.authoring.semdiff import RENDERERS

    out = RENDERERS[fmt](old, new, diff_models(old, new), lang)  # type: ignore[arg-type]
    if fmt != "json":
        return out
    rows = json.loads(out)["changes"]
    return "\n".join(part for row in rows for part in (row["text"], *row["details"]))


# ---- one week, whatever lines write it ---------------------------------------------------------


@pytest.mark.parametrize(
    "lines",
    [
        "  hours mon..fri 10:00-12:00, 13:00-18:00\n",
        "  hours mon..fri 10:00-12:00, 13:00-18:00               # reading 3\n",
        "  days mon..fri\n  hours mon..fri 13:00-18:00, 10:00-12:00\n",
        "  hours mon..wed 10:00-12:00, 13:00-18:00\n  hours thu, fri 10:00-12:00, 13:00-18:00\n",
    ],
    ids=["per-weekday", "with-comment", "days-and-per-weekday", "two-lines"],
)
def test_the_same_week_written_otherwise_is_no_change(lines: str) -> None:
    old, new = _model(CLICKSOKO), _week(lines)
    assert diff_models(old, new) == []
    assert _text(old, new, "ja") == ["意味の変更はありません"]
    assert _text(old, new, "en") == ["no change in meaning"]
    assert json.loads(render_json(old, new, [], "ja"))["equal"] is True
    assert json.loads(render_json(old, new, diff_models(old, new), "ja"))["equal"] is True


def test_touching_ranges_are_one_range() -> None:
    old = _week("  days mon..fri\n  hours 10:00-18:00\n")
    new = _week("  days mon..fri\n  hours 10:00-12:00, 12:00-18:00\n")
    assert diff_models(old, new) == []


# ---- a change of the week, per weekday ---------------------------------------------------------

MON_FRI = "  hours mon..fri 10:00-12:00, 13:00-18:00\n"


def test_a_weekday_opened_is_said_alone_with_its_hours() -> None:
    old, new = _model(CLICKSOKO), _week(MON_FRI + "  hours sat 10:00-13:00\n")
    assert _text(old, new, "ja") == ["~ 当社営業時間の営業日を追加：土は10:00〜13:00"]
    assert _text(old, new, "en") == ["~ Company business hours days added: Sat 10:00-13:00"]
    assert _notice(old, new, "ja") == ["当社営業時間の営業日を追加：土は10:00〜13:00"]
    assert _notice(old, new, "en") == ["Company business hours days added: Sat 10:00-13:00"]
    assert "- 当社営業時間の営業日を追加：土は10:00〜13:00" in render_markdown(old, new, diff_models(old, new), "ja")
    (row,) = json.loads(render_json(old, new, diff_models(old, new), "en"))["changes"]
    assert (row["field"], row["old"], row["details"]) == ("day_hours", [], [])
    assert [line["days"] for line in row["new"]] == [["sat"]]


def test_a_weekday_closed_is_said_alone_with_its_hours() -> None:
    old, new = (
        _week(MON_FRI + "  hours sat 10:00-13:00\n"),
        _week("  days mon..thu\n  hours 10:00-12:00, 13:00-18:00\n"),
    )
    assert _text(old, new, "ja") == [
        "~ 当社営業時間の営業日を削除：金は10:00〜12:00、13:00〜18:00",
        "~ 当社営業時間の営業日を削除：土は10:00〜13:00",
    ]
    assert _text(old, new, "en") == [
        "~ Company business hours days removed: Fri 10:00-12:00, 13:00-18:00",
        "~ Company business hours days removed: Sat 10:00-13:00",
    ]


def test_the_hours_of_some_weekdays_with_the_hours_of_their_day() -> None:
    saturday = MON_FRI + "  hours sat 10:00-13:00\n"
    old, new = _week(saturday), _week(saturday.replace("mon..fri 10:00-12:00", "mon..fri 09:00-12:00"))
    # (the calendar's line; the targets in business days it lengthens follow: test_diff_business_days.py)
    assert _text(old, new, "ja")[:1] == [
        "~ 当社営業時間の曜日別の時間帯：月・火・水・木・金は10:00〜12:00、13:00〜18:00 → "
        "月・火・水・木・金は09:00〜12:00、13:00〜18:00（開始時刻：10:00 → 09:00、1日の営業時間：7時間 → 8時間）"
    ]
    assert _text(old, new, "en")[:1] == [
        "~ Company business hours hours of some weekdays: Mon, Tue, Wed, Thu, Fri 10:00-12:00, 13:00-18:00 -> "
        "Mon, Tue, Wed, Thu, Fri 09:00-12:00, 13:00-18:00 (opens 10:00 -> 09:00; 7 -> 8 business hours a day)"
    ]


def test_every_open_day_changed_alike_is_a_change_of_the_hours() -> None:
    """However each version writes its week: the hours of every open day, as a single-line ``hours``."""
    old, new = _model(CLICKSOKO), _week("  hours mon..fri 10:00-18:00\n")
    assert _text(old, new, "ja")[:1] == [
        "~ 当社営業時間の時間帯：10:00〜12:00、13:00〜18:00 → 10:00〜18:00（休憩12:00〜13:00を廃止、"
        "1日の営業時間：7時間 → 8時間）"
    ]


def test_hours_past_midnight_are_said_by_their_length() -> None:
    old = _week(MON_FRI + "  hours sat 22:00-02:00\n")
    new = _week(MON_FRI + "  hours sat 22:00-03:00\n")
    assert _text(old, new, "en") == [
        "~ Company business hours hours of some weekdays: Sat 22:00-02:00 -> Sat 22:00-03:00"
        " (closes 02:00 -> 03:00; 4 -> 5 business hours a day)"
    ]


# ---- declarations inside a value by their labels, in every form and language ----------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_calendar_inside_a_value_is_named_by_its_label(fmt: str, lang: str) -> None:
    old = _model(PLANS)
    new = _model(PLANS.replace("respond within 7 desk_en hours", "respond within 6 desk_en hours"))
    said = _said(old, new, fmt, lang)
    assert "desk_en" not in said
    assert ("English desk hours" if lang == "en" else "英語窓口の受付時間") in said


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_clocks_and_events_inside_a_value_are_named_by_their_labels(fmt: str, lang: str) -> None:
    old = _model(HELPDESK)
    new = _model(
        HELPDESK.replace(
            "first reply within 2 business hours on suspicion", "first reply within 3 business hours on suspicion"
        )
    )
    said = _said(old, new, fmt, lang)
    for name in (" on suspicion", " on resolution", "incident.responded", "incident.info_provided"):
        assert name not in said, name
    if lang == "en":
        assert "first reply within 3 business hours on First reply once the product is suspected" in said
