"""An unknown event type (E208) written with the words of a known one in another form is offered that
one: ``incident.customer_reply`` is three edits from ``incident.customer_replied``, past the two a
misspelling may take, and was given only the list of types. A name of other words gets no guess."""

from __future__ import annotations

import pytest

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.policy import compile_text

TEXT = """sla "Test" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
}

priority P1 {
  respond within 4 hours
}

clock response {
  starts at EVENT, else incident.reported
}
"""


def _e208(event: str) -> Diagnostic:
    (d,) = [d for d in compile_text(TEXT.replace("EVENT", event), "t.sla").diagnostics if d.code == "E208"]
    return d


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("incident.customer_reply", "incident.customer_replied"),
        ("incident.customer_replies", "incident.customer_replied"),
        ("outage.notify", "outage.notified"),
        ("stop.announce", "stop.announced"),
    ],
)
def test_the_same_words_in_another_form_are_offered(written: str, meant: str) -> None:
    d = _e208(written)
    assert (d.help or "").startswith(f"did you mean `{meant}`?"), d.help
    assert f"`{meant}` の誤りではありませんか？" in (d.help_text("ja") or "")


@pytest.mark.parametrize(
    "written", ["incident.customer_complained", "incident.plan_changed", "incident.reply", "outage.customer_replied"]
)
def test_other_words_get_no_guess(written: str) -> None:
    d = _e208(written)
    assert "did you mean" not in (d.help or "") and "誤りではありませんか" not in (d.help_text("ja") or ""), d.help
