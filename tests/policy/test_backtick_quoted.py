"""A backtick the parser cannot take is quoted as a code span quotes one (`` ` ``), not as a run of three.

``hours business ``` ` (a stray backtick at the end of a line) was refused with "unexpected ```, expected
..." (``` ``` はここには書けません``), which reads as a Markdown fence, not as the one character at fault:
every message quotes a token in backticks. A token that holds backticks is padded with one backtick fewer
than its longest run of them, so that the message's own pair makes a code span of it, as Markdown writes one.
"""

from __future__ import annotations

import pytest

import sla_dsl
from sla_dsl.lang.diagnostics import PolicyError

POLICY = """sla "T" {{
  format 1
  version "1"
  effective 2026-01-01
  timezone UTC
  languages {languages}
}}
calendar always "24h" {{ days mon..sun  hours 00:00-24:00 }}
service portal "Portal" {{
  hours always {stray}
}}
"""


def _first(stray: str, lang: str = "en") -> str:
    with pytest.raises(PolicyError) as err:
        sla_dsl.load_policy(POLICY.format(languages="ja, en" if lang == "ja" else "en", stray=stray))
    return err.value.diagnostics[0].text(lang)


@pytest.mark.parametrize(
    ("stray", "en", "ja"),
    [
        ("`", "unexpected `` ` ``, expected ", "`` ` `` はここには書けません。"),
        ("``x", "unexpected ``` ``x ```, expected ", "``` ``x ``` はここには書けません。"),
    ],
)
def test_a_backtick_is_quoted_as_a_code_span(stray: str, en: str, ja: str) -> None:
    assert _first(stray).startswith(en)
    assert _first(stray, "ja").startswith(ja)


def test_another_token_is_quoted_as_before() -> None:
    assert _first("$").startswith("unexpected `$`, expected ")
