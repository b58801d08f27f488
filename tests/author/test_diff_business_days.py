"""``sla diff`` names every rule whose business days mean another length when a calendar's standard day changes.

QA found that an Article 5 edit of Click So-ko's business hours from ``10:00-12:00, 13:00-18:00`` to
``09:00-12:00, 13:00-18:00`` was said only as the calendar's change (``1日の営業時間：7時間 → 8時間``): P2's
``respond within 1 business day``, now 8 business hours instead of 7, P3's 5 business days (40 instead of 35)
and the P2/P3 completion after 10 business days without a reply, all longer (``sla deadline`` moves), were
not named, in the text, the JSON or the change notice. ``1 business day`` is the calendar's standard day
(the reference's "Durations"); the diff compared the rules as written.

Each such rule is now a change of its field, said with the business hours before and after
(``1営業日以内（7営業時間） → 1営業日以内（8営業時間）``); a change of the hours that keeps the length, a
target in business hours, a target due ``by end of`` a business day and a calendar other than the one changed
name nothing more.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import (
    RENDERERS,
    change_text,
    diff_models,
    notice_words,
    render_json,
    render_text,
)
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text
from sla_dsl.policy.compiled import Policy

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
PLANS = (ROOT / "policies" / "examples" / "plans.sla").read_text("utf-8")
HELPDESK = (ROOT / "policies" / "examples" / "helpdesk.sla").read_text("utf-8")

HOURS = "hours 10:00-12:00, 13:00-18:00 "
#: QA's edit: a new version whose business day starts an hour earlier (7 -> 8 business hours a day)
RELEASE = [('version "2026.1"', 'version "2026.2"'), ("effective 2026-04-01", "effective 2026-11-16")]
EARLIER = [*RELEASE, (HOURS, "hours 09:00-12:00, 13:00-18:00 ")]


def _edit(text: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _versions(text: str, edits: list[tuple[str, str]]) -> tuple[PolicyModel, PolicyModel]:
    return _model(text), _model(_edit(text, edits))


def _text(old: PolicyModel, new: PolicyModel, lang: str) -> list[str]:
    return render_text(old, new, diff_models(old, new), lang).splitlines()  # type: ignore[arg-type]


def _notice(old: PolicyModel, new: PolicyModel, lang: str) -> list[str]:
    words = notice_words(old, new, lang)  # type: ignore[arg-type]
    return [change_text(c, words, old, new) for c in diff_models(old, new)]


def _named(old: PolicyModel, new: PolicyModel) -> list[tuple[str, str, str | None]]:
    return [(c.section, c.key, c.field) for c in diff_models(old, new)]


# ---- QA's repro --------------------------------------------------------------------------------------

P2_TARGET = {
    "ja": "P2 優先度２の応答目標時間：1営業日以内（7営業時間） → 1営業日以内（8営業時間）",
    "en": "P2 Priority 2 response target: within 1 business day (7 business hours) -> "
    "within 1 business day (8 business hours)",
}
P3_TARGET = {
    "ja": "P3 優先度３の応答目標時間：5営業日以内（35営業時間） → 5営業日以内（40営業時間）",
    "en": "P3 Priority 3 response target: within 5 business days (35 business hours) -> "
    "within 5 business days (40 business hours)",
}
SILENCE = {
    "ja": ("返答がないまま10営業日（70営業時間）が経過した場合", "返答がないまま10営業日（80営業時間）が経過した場合"),
    "en": ("10 business days (70 business hours) after", "10 business days (80 business hours) after"),
}


def test_a_longer_business_day_names_every_rule_in_business_days() -> None:
    old, new = _versions(CLICKSOKO, EARLIER)
    assert _named(old, new) == [
        ("header", "", "version"),
        ("header", "", "effective"),
        ("calendar", "business", "hours"),
        ("priority", "P2", "target"),
        ("priority", "P2", "completion"),
        ("priority", "P3", "target"),
        ("priority", "P3", "completion"),
    ]
    # (what `sla deadline` says: P2 from Tuesday 10:00 is due at 18:00 under OLD, at 10:00 the next day under NEW)
    assert Policy(old).calendar().day_length.total_seconds() == 7 * 3600
    assert Policy(new).calendar().day_length.total_seconds() == 8 * 3600


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_is_said_with_its_business_hours_before_and_after(lang: str) -> None:
    old, new = _versions(CLICKSOKO, EARLIER)
    for lines, mark in ((_text(old, new, lang), "~ "), (_notice(old, new, lang), "")):
        assert lines[3] == mark + P2_TARGET[lang]
        assert lines[5] == mark + P3_TARGET[lang]
        for completion in (lines[4], lines[6]):
            before, after = SILENCE[lang]
            assert completion.startswith(mark + ("P2 " if completion is lines[4] else "P3 "))
            assert completion.index(before) < completion.index(after)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_change_notice_names_them_under_their_article(lang: str) -> None:
    old, new = _versions(CLICKSOKO, EARLIER)
    notice = RENDERERS["markdown"](old, new, diff_models(old, new), lang)  # type: ignore[arg-type]
    article_3 = notice[notice.index("## 第3条" if lang == "ja" else "## Article 3") :]
    assert f"- {P2_TARGET[lang]}\n" in article_3
    assert f"- {P3_TARGET[lang]}\n" in article_3
    assert article_3.count(SILENCE[lang][1]) == 2


def test_the_json_gives_what_each_business_day_means_in_each_version() -> None:
    old, new = _versions(CLICKSOKO, EARLIER)
    rows = json.loads(render_json(old, new, diff_models(old, new), "en"))["changes"]
    target = next(r for r in rows if (r["key"], r["field"]) == ("P2", "target"))
    assert target["old"]["duration"] == {"amount": 1, "unit": "day", "calendar": "business", "business_minutes": 420}
    assert target["new"]["duration"] == {"amount": 1, "unit": "day", "calendar": "business", "business_minutes": 480}
    assert target["text"] == P2_TARGET["en"]
    completion = next(r for r in rows if (r["key"], r["field"]) == ("P3", "completion"))
    assert completion["old"]["silence"]["duration"]["business_minutes"] == 4200
    assert completion["new"]["silence"]["duration"]["business_minutes"] == 4800
    # (a change of the calendar itself has no durations; the header's none either)
    assert "business_minutes" not in json.dumps([r for r in rows if r["section"] != "priority"])


def test_the_reverse_diff_says_the_day_getting_shorter() -> None:
    new, old = _versions(CLICKSOKO, EARLIER)
    assert "~ P2 優先度２の応答目標時間：1営業日以内（8営業時間） → 1営業日以内（7営業時間）" in _text(old, new, "ja")


# ---- what does not change the standard day, or does not depend on it, names nothing more -------------


@pytest.mark.parametrize(
    "edit",
    [
        "hours 11:00-13:00, 14:00-19:00 ",  # the same 7 hours, an hour later
        "hours 10:00-11:00, 12:00-18:00 ",  # the lunch hour moved
    ],
    ids=["shifted", "lunch-moved"],
)
def test_hours_of_the_same_length_name_no_rule(edit: str) -> None:
    old, new = _versions(CLICKSOKO, [(HOURS, edit)])
    assert _named(old, new) == [("calendar", "business", "hours")]
    assert "営業時間）" not in "\n".join(_text(old, new, "ja"))


def test_a_target_due_by_the_end_of_a_business_day_is_not_named() -> None:
    """``by end of 1st business day`` falls due at the close of a business day, whatever the day's length (the
    calendar's line says the close moved): only the completion after 10 business days is P2's change."""
    by_end = _edit(CLICKSOKO, [("respond within 1 business day", "respond by end of 1st business day")])
    old, new = _versions(by_end, [(HOURS, "hours 09:00-12:00, 13:00-18:00 ")])
    assert ("priority", "P2", "target") not in _named(old, new)
    assert ("priority", "P2", "completion") in _named(old, new)
    assert ("priority", "P3", "target") in _named(old, new)


def test_business_hours_are_not_named() -> None:
    """P1's 4 business hours and the notification's 3 are the same length in both versions."""
    old, new = _versions(CLICKSOKO, EARLIER)
    keys = {key for _, key, _ in _named(old, new)}
    assert "P1" not in keys and "recovery" not in keys


def test_a_shorter_saturday_keeps_the_standard_day() -> None:
    """A calendar with per-weekday hours: ``1 business day`` is the length most open weekdays have (Monday to
    Friday's), so Saturday's hours change nothing else; Monday to Friday's change the business days."""
    week = "  hours mon..fri 10:00-12:00, 13:00-18:00\n  hours sat 10:00-13:00\n"
    text = _edit(CLICKSOKO, [("  days mon..fri\n  " + HOURS, week + "  #")])
    old, new = _versions(text, [("hours sat 10:00-13:00", "hours sat 10:00-12:00")])
    assert _named(old, new) == [("calendar", "business", "day_hours")]
    old, new = _versions(text, [("hours mon..fri 10:00-12:00", "hours mon..fri 09:00-12:00")])
    assert [k for s, k, _ in _named(old, new) if s == "priority"] == ["P2", "P2", "P3", "P3"]
    assert P2_TARGET["en"] in _notice(old, new, "en")


# ---- two calendars: only the rules on the one whose day changed -----------------------------------------

#: plans.sla with its English line's P2 rule in days of the English desk (16:00-24:00: 8 hours a day)
DESK_DAYS = _edit(PLANS, [("respond within 7 desk_en hours", "respond within 1 desk_en day")])


def test_of_two_calendars_only_the_rules_on_the_changed_one_are_named() -> None:
    old, new = _versions(DESK_DAYS, [("hours 16:00-24:00", "hours 15:00-24:00")])
    assert _named(old, new) == [("calendar", "desk_en", "hours"), ("priority", "P2 when channel = en", "target")]
    assert _text(old, new, "ja")[1] == (
        "~ P2 高（英語窓口）（受付窓口が英語の場合）の応答目標時間："
        "1営業日以内（英語窓口の受付時間、8営業時間） → 1営業日以内（英語窓口の受付時間、9営業時間）"
    )
    assert _notice(old, new, "en")[1] == (
        "P2 High (English line) (when Support line is English) response target: "
        "within 1 business day (English desk hours, 8 business hours) -> "
        "within 1 business day (English desk hours, 9 business hours)"
    )


def test_the_other_calendar_changed_names_the_other_rule() -> None:
    old, new = _versions(DESK_DAYS, [("hours 10:00-12:00, 13:00-18:00", "hours 10:00-18:00")])
    assert _named(old, new) == [("calendar", "business", "hours"), ("priority", "P2", "target")]
    assert _text(old, new, "en")[1] == (
        "~ P2 High (in all other cases) response target: within 1 business day (7 business hours) -> "
        "within 1 business day (8 business hours)"
    )


# ---- named targets, `update every`, a backup's retention --------------------------------------------------


def test_named_targets_and_updates_in_business_days_are_named_each_in_the_notice() -> None:
    """helpdesk.sla's day (8 hours) shortened to 7: P1's resolve within 2 business days and an update every
    business day, P2's and P3's resolve targets, P3's response; business hours and minutes stay."""
    text = _edit(HELPDESK, [("update every 4 business hours", "update every 1 business day")])
    old, new = _versions(text, [("hours 09:00-12:00, 13:00-18:00", "hours 09:00-12:00, 13:00-17:00")])
    assert _named(old, new) == [
        ("calendar", "business", "hours"),
        ("priority", "P1", "targets"),
        ("priority", "P2", "targets"),
        ("priority", "P3", "target"),
        ("priority", "P3", "targets"),
    ]
    notice = _notice(old, new, "en")
    p1 = notice[1].split("; ")
    by = "“First reply to the customer”, information given to the end user"  # (the help desk's words for one)
    assert p1 == [
        "P1 Urgent target on a clock: resolve within 2 business days (16 business hours) on Time to resolution -> "
        "resolve within 2 business days (14 business hours) on Time to resolution",
        "P1 Urgent target on a clock: update every 1 business day (8 business hours) on Time to resolution by "
        f"{by} -> update every 1 business day (7 business hours) on Time to resolution by {by}",
    ]
    assert "first reply" not in notice[2]  # (30 business minutes: the same)
    assert notice[3] == "P3 Normal response target: within 2 business days (16 business hours) -> " + (
        "within 2 business days (14 business hours)"
    )
    ja = _notice(old, new, "ja")[1]
    assert "解決までの時間で解決2営業日（16営業時間）以内 → 解決までの時間で解決2営業日（14営業時間）以内" in ja


def test_a_retention_in_business_days_is_named() -> None:
    text = _edit(
        CLICKSOKO,
        [
            (
                "  every 1 day\n  keep 7 days\n}\n\nbackup machine",
                "  every 1 day\n  keep 5 business days\n}\n\nbackup machine",
            )
        ],
    )
    old, new = _versions(text, [(HOURS, "hours 09:00-12:00, 13:00-18:00 ")])
    assert ("backup", "files", "keep") in _named(old, new)
    assert "~ ファイルバックアップサービスの保存期間：5営業日（35営業時間） → 5営業日（40営業時間）" in _text(
        old, new, "ja"
    )


def test_a_rule_added_with_business_days_is_said_as_written() -> None:
    """A priority added has nothing to compare its days with: it is said as the policy writes it."""
    p4 = 'priority P4 "優先度４" / "Priority 4" [art 3.2] {\n  respond within 10 business days\n}\n\n# --- Article 3.1'
    old, new = _versions(CLICKSOKO, [*EARLIER, ("# --- Article 3.1", p4)])
    assert "+ 優先度「P4 優先度４」を追加（応答目標時間：10営業日以内）" in _text(old, new, "ja")
    rows = json.loads(render_json(old, new, diff_models(old, new), "en"))["changes"]
    added = next(r for r in rows if r["op"] == "added")
    assert "business_minutes" not in json.dumps(added)


@pytest.mark.parametrize(
    ("hours", "ja", "en"),
    [
        ("hours 09:30-12:00, 13:00-18:00 ", "1営業日以内（7.5営業時間）", "within 1 business day (7.5 business hours)"),
        (
            "hours 10:00-12:00, 13:00-18:20 ",
            "1営業日以内（7営業時間20分）",
            "within 1 business day (7 business hours 20 minutes)",
        ),
    ],
    ids=["half-hour", "twenty-minutes"],
)
def test_a_day_of_no_whole_hours_is_said_exactly(hours: str, ja: str, en: str) -> None:
    old, new = _versions(CLICKSOKO, [(HOURS, hours)])
    assert f"~ P2 優先度２の応答目標時間：1営業日以内（7営業時間） → {ja}" in _text(old, new, "ja")
    assert f"~ P2 Priority 2 response target: within 1 business day (7 business hours) -> {en}" in _text(old, new, "en")


# ---- business days against business hours --------------------------------------------------------------

#: QA's Article 5 edit: P2 from `1 business day` (7 business hours) to 6 business hours, the day kept
TO_HOURS = [*RELEASE, ("respond within 1 business day ", "respond within 6 business hours ")]
P2_TO_HOURS = {
    "ja": "P2 優先度２の応答目標時間：1営業日以内（7営業時間） → 6営業時間以内",
    "en": "P2 Priority 2 response target: within 1 business day (7 business hours) -> within 6 business hours",
}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_target_in_business_days_changed_to_hours_says_the_hours_of_the_days(lang: str) -> None:
    # QA: the notice said `1営業日以内 → 6営業時間以内`; a customer could not tell that the target got an hour
    # shorter (a business day is 7 business hours here), nor the author in the text or the JSON
    old, new = _versions(CLICKSOKO, TO_HOURS)
    assert _text(old, new, lang)[2] == "~ " + P2_TO_HOURS[lang]
    assert _notice(old, new, lang)[2] == P2_TO_HOURS[lang]
    notice = RENDERERS["markdown"](old, new, diff_models(old, new), lang)  # type: ignore[arg-type]
    assert f"- {P2_TO_HOURS[lang]}\n" in notice
    # and back: the hours first, then the days with what they mean
    back = _text(new, old, lang)[2]
    assert back.endswith(
        (
            "6営業時間以内 → 1営業日以内（7営業時間）",
            "within 6 business hours -> within 1 business day (7 business hours)",
        )
    )


def test_the_json_gives_the_minutes_of_the_business_days_changed_to_hours() -> None:
    old, new = _versions(CLICKSOKO, TO_HOURS)
    rows = json.loads(render_json(old, new, diff_models(old, new), "en"))["changes"]
    target = next(r for r in rows if (r["key"], r["field"]) == ("P2", "target"))
    assert target["old"]["duration"] == {"amount": 1, "unit": "day", "calendar": "business", "business_minutes": 420}
    assert target["new"]["duration"] == {"amount": 6, "unit": "hour", "calendar": "business"}
    assert target["text"] == P2_TO_HOURS["en"]


def test_business_days_changed_to_elapsed_hours_or_kept_in_days_say_nothing_more() -> None:
    # (elapsed hours are no business time to compare with; 1 -> 2 business days compare as written)
    for edit in ("respond within 9 hours ", "respond within 2 business days "):
        old, new = _versions(CLICKSOKO, [*RELEASE, ("respond within 1 business day ", edit)])
        assert "（7営業時間）" not in _text(old, new, "ja")[2]
