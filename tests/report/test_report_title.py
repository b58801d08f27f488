"""The report's title gives a period other than a calendar month by both ends written alike.

``--from 2026-11-03T12:00+09:00 --to 2026-11-20T15:00+09:00`` was titled ``（2026年11月3日(火) 〜 11月20日(金)
15:00）`` (the start's time dropped) and in English ``Tue 3 Nov 2026 〜 Fri 20 Nov 15:00`` (the Japanese
wave dash). Now both ends have their time, and the English range is ``start - end`` as the tables write
one; a period from midnight to midnight is its first and last day.
"""

from __future__ import annotations

import pytest

from .helpers import EXAMPLE, POLICY, sla


@pytest.mark.parametrize(
    ("period", "ja", "en"),
    [
        (
            ("2026-11-03T12:00+09:00", "2026-11-20T15:00+09:00"),
            "Click So-ko サービスレベル報告書（2026年11月3日(火) 12:00 〜 11月20日(金) 15:00）",
            "Click So-ko: service level report, Tue 3 Nov 2026 12:00 - Fri 20 Nov 15:00",
        ),
        (
            ("2026-11-03T12:00+09:00", "2026-11-20"),
            "Click So-ko サービスレベル報告書（2026年11月3日(火) 12:00 〜 11月20日(金) 00:00）",
            "Click So-ko: service level report, Tue 3 Nov 2026 12:00 - Fri 20 Nov 00:00",
        ),
        (
            ("2026-11-02", "2026-11-16"),
            "Click So-ko サービスレベル報告書（2026年11月2日(月) 〜 11月15日(日)）",
            "Click So-ko: service level report, Mon 2 Nov 2026 - Sun 15 Nov",
        ),
        (
            ("2026-11-03", "2026-11-04"),
            "Click So-ko サービスレベル報告書（2026年11月3日(火)）",
            "Click So-ko: service level report, Tue 3 Nov 2026",
        ),
        (
            ("2026-11-01", "2026-12-01"),
            "Click So-ko サービスレベル報告書（2026年11月度）",
            "Click So-ko: service level report, November 2026",
        ),
        (
            ("2026-12-15", "2027-01-15"),
            "Click So-ko サービスレベル報告書（2026年12月15日(火) 〜 2027年1月14日(木)）",
            "Click So-ko: service level report, Tue 15 Dec 2026 - Thu 14 Jan 2027",
        ),
    ],
)
def test_the_title_writes_both_ends_alike(period: tuple[str, str], ja: str, en: str) -> None:
    for lang, title in (("ja", ja), ("en", en)):
        for fmt in ("text", "markdown", "html"):
            code, out, err = sla(
                "evaluate", POLICY, EXAMPLE, "--from", period[0], "--to", period[1], "--format", fmt, "--lang", lang
            )
            assert code == 0, err
            assert title in out, (fmt, out.splitlines()[0])
            if lang == "en":
                assert "〜" not in out.split("\n", 1)[0]
