"""The message catalogue: every message renders in each language, and none is left untranslated."""

from __future__ import annotations

import datetime as dt
import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sla_dsl.i18n import (
    CATALOGUE,
    LANGS,
    format_date,
    format_datetime,
    format_minutes,
    format_month,
    message,
)

JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
#: Latin words a Japanese text may hold: abbreviations Japanese documents write in Latin
#: letters, and the command's own option names and formats (in the "--limit" hint).
JA_LATIN_OK = {"ID", "SLA", "PDF", "SHA", "iCalendar", "limit", "json", "markdown", "html"}  # (SHA: SHA-256)
#: ... and the names of the formats and standards an event log is written in, and units of size.
JA_LATIN_OK |= {"JSON", "CSV", "UTF", "ISO", "UTC", "Parquet", "Arrow", "Feather", "IPC", "null", "MiB", "KiB"}
#: Text in backticks is syntax or the user's input (a field name, a command to type): never translated.
CODE_SPAN = re.compile("`[^`]*`")


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def _filled(key: str, lang: str) -> str:
    template = getattr(CATALOGUE[key], lang)
    return message(key, lang, **{f: "⟨x⟩" for f in _fields(template)})


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_message_renders_in_each_language_with_the_same_fields(key: str) -> None:
    entry = CATALOGUE[key]
    assert _fields(entry.ja) == _fields(entry.en), key
    for lang in LANGS:
        assert _filled(key, lang).strip(), (key, lang)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_no_message_is_left_untranslated(key: str) -> None:
    """Japanese text holds no English word; English text holds no Japanese."""
    ja = CODE_SPAN.sub("", _filled(key, "ja").replace("⟨x⟩", ""))
    en = _filled(key, "en").replace("⟨x⟩", "")
    latin = set(re.findall(r"[A-Za-z]+", ja)) - JA_LATIN_OK
    assert not latin, f"{key}: English left in the Japanese text: {sorted(latin)}"
    # only fields (``{label}``, ``「{label}」``, a range ``{start} 〜 {end}``): nothing to translate
    if ja.strip(" ()（）:：、。,「」“”〜=\n"):  # (or a frame: `\n  = {help}: {text}`)
        assert JAPANESE.search(ja) or ja.strip() in JA_LATIN_OK, f"{key}: the Japanese text is not Japanese: {ja!r}"
    assert not JAPANESE.search(en), f"{key}: Japanese in the English text: {en!r}"


def test_catalogue_check_fails_on_an_untranslated_message() -> None:
    """The check above can fail: an English template copied into ``ja`` is caught."""
    from sla_dsl.i18n.msg import Msg

    bad = Msg("response due {due}", "response due {due}")
    latin = set(re.findall(r"[A-Za-z]+", bad.ja.replace("{due}", ""))) - JA_LATIN_OK
    assert latin == {"response", "due"}


def test_dates_times_and_durations_per_language() -> None:
    t = dt.datetime(2026, 11, 2, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert format_datetime(t, "ja") == "2026年11月2日(月) 15:00"
    assert format_datetime(t, "en") == "Mon 2 Nov 2026 15:00"
    assert format_datetime(t, "ja", year=False) == "11月2日(月) 15:00"
    assert format_date(t.date(), "en", year=False) == "Mon 2 Nov"
    assert format_month(t.date(), "ja") == "2026年11月度"
    assert format_month(t.date(), "en") == "November 2026"
    assert format_minutes(42840.0) == "714:00"
    assert format_minutes(72) == "1:12"
    assert format_minutes(0.4) == "0:00"
    assert message(
        "report.v.response_late",
        "ja",
        priority="P1",
        due=t,
        responded=t + dt.timedelta(minutes=72),
        late=message("report.late_by", "ja", late=dt.timedelta(minutes=72)),  # (how late: one phrase)
    ) == ("P1の応答期限 2026年11月2日(月) 15:00 に対し 2026年11月2日(月) 16:12 に応答（1:12 超過）")


@given(st.integers(min_value=-(10**7), max_value=10**7))
def test_h_mm_reads_back_as_the_minutes(minutes: int) -> None:
    text = format_minutes(minutes)
    sign = -1 if text.startswith("-") else 1
    h, m = text.lstrip("-").replace(",", "").split(":")
    assert len(m) == 2 and 0 <= int(m) < 60
    assert sign * (int(h) * 60 + int(m)) == minutes


def test_an_unknown_key_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        message("report.nope", "ja")
