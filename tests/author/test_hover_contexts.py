"""Hovers that say what a word means where it stands, not what it would mean elsewhere.

* A duration that is no target is not counted forward to a due instant: a planned stop's notice is
  counted back from the stop (``before start date``: on or before the date that much before the stop's
  start date, any time that day; ``before start``: at least that much before it starts); a backup's
  ``every N hours`` is judged in windows of N hours from each local midnight, ``every N days`` on each
  calendar day in the N days ending with it; ``keep`` is how long a backup is kept; a same-day guideline's
  lead is counted back from the close. Targets still read as they did.
* A clock's hover names each target it measures by its rule: two rules of ``P1`` (``when``) are told
  apart by their labels, and by their lines when the labels do not tell them apart.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from sla_dsl.authoring.clock_words import hover_clock
from sla_dsl.authoring.hover import hover_text
from sla_dsl.lang import model as m
from sla_dsl.policy.load import compile_text

HEAD = """sla "H" {{
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages {lang}
}}
calendar business "営業時間" / "Business hours" {{ days mon..fri hours 09:00-18:00 }}
clock response {{ starts at incident.reported }}
"""

BODY = """priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  same day if received 2 hours before close of business
}
planned stop "計画停止" / "Planned stops" {
  notice 1 week before start date by email
  emergency without notice, counts as downtime
}
backup logs "ログ" / "Logs" {
  every 12 hours
  keep 7 days
}
backup db "データベース" / "Database" {
  every 2 days
}
"""

MONTHS = {
    m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)
}


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.text("en") for d in compiled.errors]
    return compiled.model


def hover(lang: str, needle: str, body: str = BODY) -> str:
    """The hover on the last character of ``needle`` (the first line holding it) in the policy of ``body``."""
    text = HEAD.format(lang=lang) + body
    lines = text.split("\n")
    row = next(i for i, x in enumerate(lines) if needle in x)
    said = hover_text(_model(text), text, row, lines[row].index(needle) + len(needle) - 1, lang)
    assert said is not None, needle
    return said


def _dates_en(text: str) -> list[dt.date]:
    return [dt.date(int(y), MONTHS[mo], int(d)) for d, mo, y in re.findall(r"\w\w\w (\d+) (\w\w\w) (\d{4})", text)]


def _dates_ja(text: str) -> list[dt.date]:
    return [dt.date(int(y), int(mo), int(d)) for y, mo, d in re.findall(r"(\d{4})年(\d+)月(\d+)日", text)]


def _no_latin_outside_code(text: str) -> bool:
    return not re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", text))


def test_a_notice_before_the_start_date_counts_back_to_a_date() -> None:
    en = hover("en", "notice 1")
    assert "elapsed" not in en and "due" not in en, en
    assert "on or before the date 7 days before the stop's start date" in en and "any time that day" in en, en
    stop, last = _dates_en(en)
    assert stop - last == dt.timedelta(days=7) and stop.weekday() == 4, en
    ja = hover("ja", "notice 1")
    assert "7日前の日以前" in ja and "期限" not in ja and _no_latin_outside_code(ja), ja
    stop, last = _dates_ja(ja)
    assert stop - last == dt.timedelta(days=7), ja


def test_a_notice_before_the_start_counts_back_from_the_instant() -> None:
    body = BODY.replace("notice 1 week before start date", "notice 2 days before start")
    en = hover("en", "notice 2", body)
    assert "at least 2 days before the stop starts" in en, en
    assert re.search(r"starting Fri 16:00 \S+ needs notice by Wed 16:00 \S+$", en), en
    ja = hover("ja", "notice 2", body)
    assert "開始時刻の2日前までに" in ja and "16:00 に始まる停止" in ja and _no_latin_outside_code(ja), ja


def test_a_backup_every_n_hours_is_windows_from_midnight() -> None:
    en = hover("en", "every 12")
    assert "Fri 16:00" not in en and "due" not in en, en
    assert "windows of 12 hours from each midnight in Asia/Tokyo (00:00-12:00, 12:00-24:00)" in en, en
    ja = hover("ja", "every 12")
    assert "0時から12時間ごとに区切った枠（00:00〜12:00、12:00〜24:00）" in ja and _no_latin_outside_code(ja), ja


def test_a_backup_every_n_days_is_judged_on_each_day() -> None:
    en = hover("en", "every 2")
    assert "each calendar day in Asia/Tokyo needs a completed backup in the 2 days ending with it" in en, en
    day, first = _dates_en(en)[:2]
    assert day - first == dt.timedelta(days=1), en
    ja = hover("ja", "every 2")
    assert "その日で終わる2日間のうちに" in ja and _no_latin_outside_code(ja), ja


def test_keep_is_how_long_a_backup_is_kept() -> None:
    en = hover("en", "keep 7")
    assert re.fullmatch(
        r"\*\*7 days\*\* of elapsed time to keep: a backup completed Fri 16:00 \S+ must be kept until Fri 16:00 \S+; "
        r"deleted earlier, a retention violation",
        en,
    ), en
    ja = hover("ja", "keep 7")
    assert "保存が必要" in ja and "期限" not in ja and _no_latin_outside_code(ja), ja


def test_a_same_day_lead_counts_back_from_the_close() -> None:
    en = hover("en", "received 2")
    assert "at least 2 hours before the close of a business day" in en and "closing 18:00: by 16:00)" in en, en
    ja = hover("ja", "received 2")
    assert "終業の2時間前までに" in ja and "終業 18:00 なので 16:00 まで" in ja and _no_latin_outside_code(ja), ja


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_a_target_still_counts_forward(lang: str) -> None:
    said = hover(lang, "respond within 4")
    assert ("due" in said) if lang == "en" else ("期限" in said), said


TWO_RULES = """attribute plan "契約" / "Plan" {
  value standard "標準" / "Standard"
  value premium "上位" / "Premium"
  default standard
}
clock resolution {
  starts at incident.reported
  stops at incident.resolved
}
priority P1 "緊急（上位）" / "Urgent (premium)" {
  when plan = premium
  respond within 1 hour
  resolve within 2 hours on resolution
}
priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  resolve within 3 business days on resolution
}
"""


def _measures(body: str, lang: str) -> str:
    pm = _model(HEAD.format(lang=lang) + body)
    (clock,) = [c for c in pm.clocks if c.name == "resolution"]
    return hover_clock(clock, pm, lang).split("\n")[-1]


def test_a_clock_names_each_target_by_its_rule_s_label() -> None:
    assert _measures(TWO_RULES, "en") == (
        "- measures: P1 Urgent (premium): resolve 2 hours; P1 Urgent: resolve 3 business days"
    )
    assert _measures(TWO_RULES, "ja") == "- 計測する目標：`P1` 緊急（上位）の解決 2時間、`P1` 緊急の解決 3営業日"


def test_rules_without_labels_apart_are_named_by_their_lines() -> None:
    body = TWO_RULES.replace('"緊急（上位）" / "Urgent (premium)" ', "").replace('"緊急" / "Urgent" ', "")
    lines = (HEAD.format(lang="en") + body).split("\n")
    first, second = (i + 1 for i, x in enumerate(lines) if x.startswith("priority P1"))
    assert _measures(body, "en") == (
        f"- measures: P1 (line {first}): resolve 2 hours; P1 (line {second}): resolve 3 business days"
    )
    assert _measures(body, "ja") == (
        f"- 計測する目標：`P1` （{first}行目）の解決 2時間、`P1` （{second}行目）の解決 3営業日"
    )


@pytest.mark.parametrize("label", ["", '"緊急" / "Urgent" '])
def test_the_only_rule_of_its_id_is_its_id(label: str) -> None:
    body = TWO_RULES.split("priority P1")[0] + f"priority P1 {label}{{\n  respond within 1 hour\n"
    body += "  resolve within 2 hours on resolution\n}\n"
    assert _measures(body, "en") == "- measures: P1 resolve 2 hours"
