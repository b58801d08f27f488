"""``sla diff``'s change notice, as the Click So-ko contract manager read it (QA of a year-end version).

A QA pass on a version 2026.2 of clicksoko.sla effective 2026-11-16, that closes the company from 2026-12-29 to
2027-01-03 and drops the AMI backup (with its reference in item 7), found:

1. ``当社営業時間の休業日：なし → 2026年12月29日〜2027年1月3日``: the old calendar did close on national holidays
   (``holidays JP``), so a customer read "no closed days before". The company's own closures are named as such
   (``会社独自の休業日`` / ``company closure days``), never as closed days at all.
2. ``データ管理の値を決める規定：バックアップ「…」、… → …`` repeated the line ``バックアップ「AMI …」を削除``: an
   item's references to a rule the version removes go with that rule, whose removal is listed; for every kind of
   rule an item can name. What else changed of the item's rules is still said, without the rule removed.
3. The notice's dates had no weekday (``2026年11月16日適用``) where every other output writes
   ``2026年11月16日(月)``, and it never said in what zone its dates and times are: it says them with the weekday
   (:func:`sla_dsl.i18n.format_date`) and the policy's zone once, in both languages.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from sla_dsl.authoring.semdiff import (
    change_text,
    diff_models,
    notice_words,
    render_json,
    render_markdown,
    render_text,
)
from sla_dsl.docs import history
from sla_dsl.lang import model as m
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")

HOLIDAYS = "  holidays JP                                  # reading 2: national holidays (holidays package)\n"
AMI = CLICKSOKO[
    CLICKSOKO.index("backup machine_image") : CLICKSOKO.index("}\n", CLICKSOKO.index("backup machine_image")) + 2
]


def _model(text: str) -> m.PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _edited(text: str, *edits: tuple[str, str]) -> str:
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


#: the QA's version 2026.2: later, the year-end closure added, the AMI backup and its reference removed
QA_EDITS = (
    ('version "2026.1"', 'version "2026.2"'),
    ("effective 2026-04-01", "effective 2026-11-16"),
    (HOLIDAYS, HOLIDAYS + "  closed 2026-12-29..2027-01-03\n"),
    (AMI, ""),
    ("backup files, backup machine_image", "backup files"),
)


def _qa() -> tuple[m.PolicyModel, m.PolicyModel]:
    return _model(CLICKSOKO), _model(_edited(CLICKSOKO, *QA_EDITS))


def _notice(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    words = notice_words(old, new, lang)  # type: ignore[arg-type]
    return [change_text(c, words, old, new) for c in diff_models(old, new)]


def _text(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    return render_text(old, new, diff_models(old, new), lang).splitlines()  # type: ignore[arg-type]


def _markdown(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> str:
    return render_markdown(old, new, diff_models(old, new), lang)  # type: ignore[arg-type]


def _history(old: m.PolicyModel, new: m.PolicyModel, lang: str) -> list[str]:
    return [html.unescape(c.describe(lang)) for c in history.diff(old, new)]


# ---- 1. the company's own closures, not closed days ------------------------------------------------------


def test_the_qa_notice_names_the_company_s_own_closures() -> None:
    old, new = _qa()
    assert "当社営業時間の会社独自の休業日：なし → 2026年12月29日(火)〜2027年1月3日(日)" in _notice(old, new, "ja")
    assert "Company business hours company closure days: none -> Tue 29 Dec 2026 to Sun 3 Jan 2027" in _notice(
        old, new, "en"
    )
    for lang in ("ja", "en"):
        said = "\n".join(_notice(old, new, lang))
        assert "の休業日：なし" not in said.replace("会社独自の休業日", ""), said
        assert "closed dates" not in said, said


def test_the_author_s_text_names_them_alike() -> None:
    old, new = _qa()
    assert "~ 当社営業時間の会社独自の休業日：なし → 2026年12月29日〜2027年1月3日" in _text(old, new, "ja")
    assert "~ Company business hours company closure days: none -> 2026-12-29..2027-01-03" in _text(old, new, "en")


def test_yearly_closures_are_the_company_s_own_too() -> None:
    old = _model(CLICKSOKO)
    new = _model(_edited(CLICKSOKO, (HOLIDAYS, HOLIDAYS + "  closed yearly 12-29..01-03\n")))
    assert _notice(old, new, "ja") == [
        "当社営業時間の会社独自の毎年の休業日：なし → 12月29日〜1月3日（初回は2026年12月29日(火)）"
    ]
    assert _notice(old, new, "en") == [
        "Company business hours yearly company closure days: none -> December 29 to January 3 "
        "(first on Tue 29 Dec 2026)"
    ]


def _year_end(effective: str, closed: str = "  closed yearly 12-29..01-03\n") -> m.PolicyModel:
    head = ('  version "2026.1"\n  effective 2026-04-01\n', f'  version "2027.1"\n  effective {effective}\n')
    return _model(_edited(CLICKSOKO, head, (HOLIDAYS, HOLIDAYS + closed)))


def test_a_yearly_closure_added_says_the_first_day_it_closes_under_the_new_version() -> None:
    """QA of Article 5 changes: the notice said a year-end closure is added (``12月29日〜1月3日``), not which year-end
    is the first under the version (2027-04-01's: December 2027); in every form, as a field in the JSON."""
    old, new = _model(CLICKSOKO), _year_end("2027-04-01")
    closure = "当社営業時間の会社独自の毎年の休業日：なし → 12月29日〜1月3日"
    assert f"- {closure}（初回は2027年12月29日(水)）" in _markdown(old, new, "ja").splitlines()
    assert (
        "- Company business hours yearly company closure days: none -> December 29 to January 3 (first on Wed 29 Dec "
        "2027)"
    ) in _markdown(old, new, "en").splitlines()
    assert f"~ {closure}（初回は2027年12月29日）" in _text(old, new, "ja")
    assert (
        "~ Company business hours yearly company closure days: none -> December 29 to January 3 (first on 2027-12-29)"
    ) in _text(old, new, "en")
    assert _history(old, new, "ja")[-1] == f"{closure}（初回は2027年12月29日(水)）"
    (row,) = [
        r for r in json.loads(render_json(old, new, diff_models(old, new)))["changes"] if r["field"] == "closed_yearly"
    ]
    assert row["first_closed"] == [{"first": [12, 29], "last": [1, 3], "date": "2027-12-29"}]
    assert "(first on 2027-12-29)" in row["text"]
    # a version taking effect inside the closure: that day; a closure kept from the old version: no first day
    assert _notice(old, _year_end("2027-01-02"), "en")[-1].endswith("January 3 (first on Sat 2 Jan 2027)")
    kept = _year_end("2028-04-01", "  closed yearly 12-29..01-03, 08-13..08-15\n")
    said = _notice(_year_end("2027-04-01"), kept, "en")[-1]
    assert said.endswith(
        "December 29 to January 3 -> December 29 to January 3, August 13 to August 15 (first on Sun 13 Aug 2028)"
    ), said
    other = [
        r for r in json.loads(render_json(old, new, diff_models(old, new)))["changes"] if r["field"] != "closed_yearly"
    ]
    assert other and all("first_closed" not in r for r in other)


def test_a_yearly_named_holiday_added_says_its_first_date_under_the_new_version() -> None:
    """QA: a yearly closure added said its first day (``（初回は2027年12月29日(水)）``, ``first_closed``); a yearly
    named holiday added (a closure of one day each year, with its name) said none, in no form."""
    old = _model(CLICKSOKO)
    new = _year_end("2027-06-01", '  holiday yearly 05-01 "創立記念日" / "Foundation day"\n')
    holiday = "当社営業時間の名前のある会社独自の毎年の休業日：なし → 毎年5月1日「創立記念日」"
    assert f"- {holiday}（初回は2028年5月1日(月)）" in _markdown(old, new, "ja").splitlines()
    assert (
        '- Company business hours yearly named company closure days: none -> every year on May 1 "Foundation day" '
        "(first on Mon 1 May 2028)"
    ) in _markdown(old, new, "en").splitlines()
    assert f"~ {holiday}（初回は2028年5月1日）" in _text(old, new, "ja")
    assert _history(old, new, "ja")[-1] == f"{holiday}（初回は2028年5月1日(月)）"
    (row,) = [
        r
        for r in json.loads(render_json(old, new, diff_models(old, new)))["changes"]
        if r["field"] == "yearly_holidays"
    ]
    assert row["first_closed"] == [{"month": 5, "day": 1, "nth": None, "weekday": None, "date": "2028-05-01"}]
    assert "(first on 2028-05-01)" in row["text"]
    # one on a weekday of a month, added beside one kept: the added one alone has its first date
    both = _year_end(
        "2028-12-01",
        '  holiday yearly 05-01 "創立記念日" / "Foundation day"\n'
        '  holiday yearly 4th thu of nov "感謝祭" / "Thanksgiving"\n',
    )
    said = _notice(new, both, "en")[-1]
    assert '-> every year on May 1 "Foundation day", every year on the 4th Thursday of November' in said, said
    assert said.endswith("(first on Thu 22 Nov 2029)") and said.count("first on") == 1, said
    (row,) = [
        r
        for r in json.loads(render_json(new, both, diff_models(new, both)))["changes"]
        if r["field"] == "yearly_holidays"
    ]
    assert row["first_closed"] == [{"month": 11, "day": None, "nth": 4, "weekday": "thu", "date": "2029-11-22"}]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("ja", "当社営業時間の会社独自の休業日：なし → 2026年12月29日(火)〜2027年1月3日(日)"),
        ("en", "Company business hours company closure days: none -> Tue 29 Dec 2026 to Sun 3 Jan 2027"),
    ],
)
def test_the_site_s_history_says_them_as_the_notice(lang: str, line: str) -> None:
    old, new = _qa()
    assert line in _history(old, new, lang)


# ---- 2. an item's rules: a rule removed is said once ---------------------------------------------------------


def test_the_qa_notice_says_the_ami_backup_removed_once() -> None:
    old, new = _qa()
    for lang, removed in (
        ("ja", "バックアップ「AMI バックアップ（OSドライブバックアップ）」を削除"),
        ("en", "Backup: AMI backup (OS drive backup) removed"),
    ):
        notice = _markdown(old, new, lang)
        assert notice.count("AMI") == 1, notice
        assert f"- {removed}\n" in notice
        assert "値を決める規定" not in notice and "rules giving its value" not in notice
    changes = json.loads(render_json(old, new, diff_models(old, new), "ja"))["changes"]
    assert [(c["op"], c["section"]) for c in changes if c["section"] in ("item", "backup")] == [("removed", "backup")]
    assert not [line for line in _history(old, new, "ja") if "データ管理" in line]


#: an item 8 naming an exclusion, a clock and a calendar of its own, so that every kind an item names is at hand
ITEM_8 = (
    'calendar desk "問い合わせ窓口" / "Help desk" {\n  days mon..fri\n  hours 09:00-17:00\n}\n\n'
    'item 8 "その他" / "Other" [art 3.1.7] {\n'
    "  rules exclude force_majeure, exclude customer_fault, clock response, calendar desk\n}\n\n"
    "# --- Article 4: exclusions"
)
BASE = _edited(CLICKSOKO, ("# --- Article 4: exclusions", ITEM_8))


def _without(text: str, start: str) -> str:
    """``text`` without the declaration that starts with ``start`` (up to its closing brace, or its line)."""
    i = text.index(start)
    line_end = text.index("\n", i) + 1
    j = text.index("}\n", i) + 2 if "{" in text[i:line_end] else line_end
    return text[:i] + text[j:]


#: kind -> (the declaration removed, the item's reference to it dropped)
REMOVALS: dict[str, tuple[str, tuple[str, str]]] = {
    "calendar": ("calendar desk ", (", calendar desk\n", "\n")),
    "service": ("service recovery ", ("rules calendar business, service recovery", "rules calendar business")),
    "maintenance": ("maintenance regular ", ("  rules maintenance regular\n", "")),
    "planned_stop": ("planned stop ", ("  rules planned stop\n", "")),
    "clock": ("clock response ", (" clock response,", "")),
    "priority": ("priority P3 ", ("priority P2, priority P3", "priority P2")),
    "notify": ("notify recovery ", ("  rules notify recovery\n", "")),
    "backup": ("backup machine_image ", ("backup files, backup machine_image", "backup files")),
    "exclude": ("exclude customer_fault ", (" exclude customer_fault,", "")),
}


@pytest.mark.parametrize("kind", sorted(REMOVALS))
def test_a_rule_an_item_names_removed_is_said_once(kind: str) -> None:
    start, reference = REMOVALS[kind]
    old, new = _model(BASE), _model(_edited(_without(BASE, start), reference))
    changes = diff_models(old, new)
    assert [(c.op, c.section) for c in changes] == [("removed", kind)], changes
    for lang in ("ja", "en"):
        assert len(_notice(old, new, lang)) == len(_text(old, new, lang)) == 1


def test_what_else_changed_of_an_item_s_rules_is_said_without_the_rule_removed() -> None:
    old, new = _qa()
    new = _model(_edited(_edited(CLICKSOKO, *QA_EDITS), ("backup continuous, backup files", "backup continuous")))
    item = [line for line in _notice(old, new, "ja") if line.startswith("データ管理")]
    assert item == [
        "データ管理の値を決める規定：バックアップ「データベースバックアップサービス」、バックアップ「逐次バックアップ」、"
        "バックアップ「ファイルバックアップサービス」 → バックアップ「データベースバックアップサービス」、"
        "バックアップ「逐次バックアップ」"
    ]
    (en,) = [line for line in _text(old, new, "en") if "Data management" in line]
    assert "AMI" not in en and 'backup: "File backup service" ->' in en
    # (the values stay exact: OLD's references as OLD has them)
    (row,) = [c for c in json.loads(render_json(old, new, diff_models(old, new), "en"))["changes"] if c["key"] == "7"]
    assert {"kind": "backup", "name": "machine_image"} in row["old"] and "AMI" not in row["text"]


def test_a_rule_added_that_an_item_names_is_said_with_the_item() -> None:
    """The addition does not say which item the new rule serves: the item's change does."""
    added = _model(
        _edited(
            CLICKSOKO,
            (
                AMI,
                AMI
                + AMI.replace("machine_image", "logs").replace("AMI バックアップ（OSドライブバックアップ）", "ログ"),
            ),
            ("backup files, backup machine_image", "backup files, backup machine_image, backup logs"),
        )
    )
    lines = _notice(_model(CLICKSOKO), added, "ja")
    assert len(lines) == 2 and lines[0].startswith("バックアップ「ログ」を追加"), lines
    assert lines[1].startswith("データ管理の値を決める規定：") and lines[1].endswith("バックアップ「ログ」"), lines


def test_a_reference_dropped_to_a_rule_kept_is_an_item_s_change() -> None:
    old, new = _model(BASE), _model(_edited(BASE, (", calendar desk\n", "\n")))
    assert [(c.op, c.section, c.field) for c in diff_models(old, new)] == [("changed", "item", "rules")]


# ---- 3. the notice's dates: with the weekday, in the policy's zone ------------------------------------------


def test_the_qa_notice_dates_have_their_weekday() -> None:
    old, new = _qa()
    ja, en = _markdown(old, new, "ja"), _markdown(old, new, "en")
    assert "- 変更前：2026.1版（2026年4月1日(水)適用）\n" in ja
    assert "- 変更後：2026.2版（**2026年11月16日(月)適用**）\n" in ja
    assert "を2026年11月16日(月)より以下のとおり変更いたします。" in ja
    assert "- 規定の適用開始日：2026年4月1日(水) → 2026年11月16日(月)\n" in ja
    assert "- Previous: version 2026.1 (effective Wed 1 Apr 2026)\n" in en
    assert "- New: version 2026.2 (**effective Mon 16 Nov 2026**)\n" in en
    assert "with effect from Mon 16 Nov 2026." in en
    assert "- Policy effective date: Wed 1 Apr 2026 -> Mon 16 Nov 2026\n" in en


def test_the_qa_notice_says_its_zone_once() -> None:
    old, new = _qa()
    ja, en = _markdown(old, new, "ja"), _markdown(old, new, "en")
    assert ja.count("日付と時刻はすべて日本標準時（UTC+9）です。") == 1
    assert en.count("All dates and times are in Japan Standard Time (UTC+9).") == 1
    # (a paragraph of its own after the introduction, before the changes)
    assert ja.index("変更いたします。\n\n日付と時刻は") < ja.index("## ")
    assert en.index("Mon 16 Nov 2026.\n\nAll dates and times") < en.index("## ")


def test_a_notice_between_zones_says_each_version_s_zone() -> None:
    old = _model(CLICKSOKO)
    new = _model(
        _edited(
            CLICKSOKO,
            ('version "2026.1"', 'version "2026.2"'),
            ("effective 2026-04-01", "effective 2026-11-16"),
            ("timezone Asia/Tokyo", "timezone Europe/London"),
        )
    )
    assert "日付と時刻は、2026.1版では日本標準時（UTC+9）、2026.2版ではロンドン時間（UTC+0、夏時間はUTC+1）です。" in (
        _markdown(old, new, "ja")
    )
    assert (
        "Dates and times are in Japan Standard Time (UTC+9) in version 2026.1, and in London time (UTC+0, UTC+1 in "
        "summer) in version 2026.2." in _markdown(old, new, "en")
    )


def test_a_calendar_s_own_zone_is_said_with_the_notice_s_zone() -> None:
    desk = 'calendar desk "英語窓口" / "English desk" {\n  timezone Europe/London\n  days mon..fri\n'
    desk += "  hours 09:00-17:00\n}\n\n"
    text = _edited(CLICKSOKO, ("# --- Article 2", desk + "# --- Article 2"))
    old, new = _model(text), _model(_edited(text, ("effective 2026-04-01", "effective 2026-11-16")))
    assert (
        "日付と時刻はすべて日本標準時（UTC+9）です。ただし、独自のタイムゾーンを持つカレンダーの時間帯は、"
        "そのタイムゾーンの時刻です。" in _markdown(old, new, "ja")
    )
    assert (
        "All dates and times are in Japan Standard Time (UTC+9). The hours of a calendar with a time zone of its own "
        "are in that zone." in _markdown(old, new, "en")
    )


def test_a_notice_of_a_version_that_does_not_follow_says_its_dates_and_zone_alike() -> None:
    old, new = _qa()
    ja = _markdown(new, old, "ja")
    assert (
        "- 比較元：2026.2版（2026年11月16日(月)適用）\n" in ja and "日付と時刻はすべて日本標準時（UTC+9）です。" in ja
    )
    en = _markdown(new, old, "en")
    assert "- Compared: version 2026.2 (effective Mon 16 Nov 2026)\n" in en
    assert "All dates and times are in Japan Standard Time (UTC+9)." in en


def test_one_word_for_a_company_closure_and_days_of_the_year_in_words_in_the_text() -> None:
    # QA of Article 5 changes: a named holiday (`独自の休日`) beside a yearly closure (`…毎年の休業期間`) in one notice,
    # and the English text's `12-29..01-03` beside the notice's `December 29 to January 3`
    old = _model(CLICKSOKO)
    added = '  closed yearly 12-29..01-03\n  holiday 2027-05-06 "創立記念日" / "Founding day"\n'
    new = _model(_edited(CLICKSOKO, (HOLIDAYS, HOLIDAYS + added)))
    assert _notice(old, new, "ja") == [
        "当社営業時間の名前のある会社独自の休業日：なし → 2027年5月6日(木)「創立記念日」",
        "当社営業時間の会社独自の毎年の休業日：なし → 12月29日〜1月3日（初回は2026年12月29日(火)）",
    ]
    said = "\n".join([*_notice(old, new, "ja"), *_text(old, new, "ja")])
    assert "休日" not in said.replace("休業日", "") and "休業期間" not in said, said
    assert (
        "~ Company business hours yearly company closure days: none -> December 29 to January 3 (first on 2026-12-29)"
        in _text(old, new, "en")
    )
