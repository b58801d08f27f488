"""The bundled policy in each primary language, for tests of which language the API's refusals speak:
as written (Japanese first) and with its ``languages`` line turned round (English first)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import sla_dsl

CLICKSOKO = Path(__file__).resolve().parents[2] / "policies" / "clicksoko.sla"


@cache
def japanese() -> sla_dsl.Policy:
    return sla_dsl.load_policy(CLICKSOKO)


@cache
def english() -> sla_dsl.Policy:
    text = CLICKSOKO.read_text("utf-8")
    assert "  languages ja, en " in text
    return sla_dsl.load_policy(text.replace("  languages ja, en ", "  languages en, ja ", 1))
