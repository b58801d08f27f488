"""The policy's methods refuse what they cannot use by saying so, and say the supported years in one wording.

* ``response_due("P9", start, lang="xx")`` answered in English as if ``lang`` were ``"en"``: an unknown
  language is a ValueError naming the two the messages are written in.
* A priority's id that is not text (``response_due(None, start)``, ``priority(1)``) was a KeyError ("no
  priority None"): it is a TypeError naming the type, as the methods' other arguments of another type are.
* ``str(PolicyError)`` is its first diagnostic and how many more it has (``（ほか1件）``): the API pages said
  the first diagnostic alone.
* E123 said the supported years 「1900 年〜2200 年」, the policy's methods and the commands 「1900 年から
  2200 年まで」, the policy checker 「対応する年（1900年から2200年まで）」: one wording now.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from policy_languages import english, japanese  # (tests/policy on the path: pytest's rootdir-less import)

import sla_dsl
from sla_dsl.i18n import message

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
START = dt.datetime(2026, 11, 2, 10, tzinfo=dt.timezone(dt.timedelta(hours=9)))


LANG_CALLS: dict[str, Callable[[sla_dsl.Policy], object]] = {
    "response_due, unknown priority": lambda p: p.response_due("P9", START, lang="xx"),
    "response_due": lambda p: p.response_due("P1", START, lang="EN"),
    "priority": lambda p: p.priority("P1", lang="english"),
    "priority, attributes": lambda p: p.priority("P1", {"x": "y"}, lang=""),
}


@pytest.mark.parametrize("name", sorted(LANG_CALLS))
def test_an_unknown_lang_is_refused_naming_those_taken(name: str) -> None:
    with pytest.raises(ValueError, match=r'`"ja"`、`"en"` のどちらかを渡してください') as ja:
        LANG_CALLS[name](japanese())
    assert not isinstance(ja.value, KeyError)
    with pytest.raises(ValueError, match=r'lang: expected one of `"ja"`, `"en"`, found'):
        LANG_CALLS[name](english())


def test_the_languages_taken_still_answer_in_them() -> None:
    assert japanese().response_due("P1", START, lang="en") == japanese().response_due("P1", START, lang="ja")
    with pytest.raises(KeyError, match="unknown priority"):
        japanese().priority("P9", lang="en")


ID_CALLS: dict[str, tuple[Callable[[sla_dsl.Policy], object], str]] = {
    "response_due(None)": (lambda p: p.response_due(None, START), "NoneType"),  # type: ignore[arg-type]
    "priority(1)": (lambda p: p.priority(1), "int"),  # type: ignore[arg-type]
    "priority(1, attributes)": (lambda p: p.priority(1, {"plan": "x"}), "int"),  # type: ignore[arg-type]
    "response_due(b'P1')": (lambda p: p.response_due(b"P1", START), "bytes"),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(ID_CALLS))
def test_a_priority_id_that_is_not_text_is_a_type_error(name: str) -> None:
    call, kind = ID_CALLS[name]
    with pytest.raises(TypeError) as ja:
        call(japanese())
    assert str(ja.value) == f"優先度の ID には文字列を渡してください（`{kind}` が渡されました）"
    with pytest.raises(TypeError) as en:
        call(english())
    assert str(en.value) == f"priority: expected a priority's id as text, found {kind}"


def test_str_of_a_policy_error_and_what_the_pages_say_of_it() -> None:
    text = CLICKSOKO.read_text("utf-8")
    bad = text.replace("within 4 business hours", "within 4 bizness hours", 1)
    bad = bad.replace("within 1 business day", "within 1 bizness day", 1)
    with pytest.raises(sla_dsl.PolicyError) as caught:
        sla_dsl.load_policy(bad)
    assert len(caught.value.diagnostics) == 2
    assert str(caught.value).endswith("（ほか1件）")
    pages = ROOT / "docs" / "engineers"
    en = " ".join((pages / "api.en.md").read_text("utf-8").split())
    ja = (pages / "api.ja.md").read_text("utf-8")
    assert "its first diagnostic in that language, followed by how many more it has" in en and "`(and 1 more)`" in en
    assert "最初の診断をその言語で書いたもので、ほかにも診断があれば、その数を続けます（`（ほか1件）`" in ja


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_supported_years_are_said_alike(lang: str) -> None:
    years = message("bounds.range", lang, first="1900", last="2200")
    assert years == ("扱える年（1900 年から 2200 年まで）" if lang == "ja" else "the supported years, 1900 to 2200")
    assert message("diag.phrase.range", lang, first="1900", last="2200") == years
    assert years in message("events.E123.at", lang, time="2399-11-02T10:00:00+09:00", first="1900", last="2200")
    said = message("events.E123.named", lang, name="end", time="2399-11-02T10:00:00+09:00", first="1900", last="2200")
    assert years in said
