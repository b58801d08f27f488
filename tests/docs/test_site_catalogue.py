"""Every message of the site (catalogue keys ``site.*``) renders in both languages, each in its own language."""

from __future__ import annotations

import re
import string

import pytest

from sla_dsl.i18n import CATALOGUE, message

SITE = sorted(k for k in CATALOGUE if k.startswith("site."))
#: Latin in Japanese text that a Japanese reader sees in the original itself, or as a standard name.
JA_LATIN = {"SLA", "Web", "UTC", "iCalendar"}
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60\u3000-\u303f]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_site_has_its_messages() -> None:
    assert len(SITE) > 80
    assert "site.timezone" in SITE and "site.event.outage.recognized" in SITE
    assert message("site.timezone", "ja") == "標準時"  # 時間帯 is a span of the day, not a time zone


@pytest.mark.parametrize("key", SITE)
def test_message_in_both_languages(key: str) -> None:
    entry = CATALOGUE[key]
    assert _fields(entry.ja) == _fields(entry.en), key
    values = {name: "1" for name in _fields(entry.ja)}
    ja, en = message(key, "ja", **values), message(key, "en", **values)
    assert ja and en and ja != en, key
    assert not JAPANESE.search(en), f"Japanese in the English of {key}: {en}"
    latin = set(re.findall(r"[A-Za-z]{2,}", ja)) - JA_LATIN
    assert not latin, f"English in the Japanese of {key}: {sorted(latin)}"
