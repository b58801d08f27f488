"""The language reference says which roll a maintenance rule takes without ``if not a business day:``.

§Regular maintenance listed the choices (``# or: previous business day, skip, keep``) and never said
which applies when the line is left out. It is ``keep`` (the model's default, ``Roll.KEEP``): the page
says so in each language, and a rule without the line keeps its window on a holiday.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

import sla_dsl
from sla_dsl.lang.model_calendars import Maintenance, Roll

from .conftest import ROOT


def _section(lang: str) -> str:
    text = (ROOT / "docs" / "reference" / f"language.{lang}.md").read_text("utf-8")
    start = text.index("{#regular-maintenance-maintenance}")
    return text[start : text.index("\n## ", start)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", r"Without the `if not a business day:` line .* `keep` is the default"),
        ("ja", r"`if not a business day:` の行を省くと.*省略時は `keep` です"),
    ],
)
def test_the_section_names_the_default(lang: str, said: str) -> None:
    assert re.search(said, _section(lang).replace("\n", " ")), lang


def test_the_default_is_keep() -> None:
    assert Maintenance.model_fields["roll"].default is Roll.KEEP
    policy = sla_dsl.load_policy(
        'sla "K" { format 1  version "1"  effective 2026-01-01  timezone Asia/Tokyo }\n'
        "calendar business { days mon..fri  hours 09:00-18:00  holidays JP }\n"
        "maintenance m { every year on 11-03, 22:00-23:00  calendar business }\n"
        "priority P1 { respond within 1 business hour }\n"
    )
    (window,) = policy.maintenance_windows(dt.date(2026, 11, 1), dt.date(2026, 12, 1))
    assert window.day == dt.date(2026, 11, 3) and not window.moved  # Culture Day: kept on its day
