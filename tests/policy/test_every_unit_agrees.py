"""``every months``: the count of a recurrence agrees with its unit as ``1 days`` must (W201).

QA: ``every 1 days`` got W201 (singular and plural) and ``every months`` (one month, its count unwritten)
got nothing, nor ``every weeks`` or ``every 3 month from 2026-03``; a backup's ``every days`` (no count,
which the grammar refuses) was told that ``days`` belongs in a ``calendar`` block. Each now gets the line
to write, and the one W201 gives means what the author wrote.
"""

from __future__ import annotations

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.lang.diagnostics import Diagnostic
from sla_dsl.lang.model import meaning
from sla_dsl.policy import compile_text

EVERY = "every month on 4th thu, 22:00-24:00"
BACKUP = "  every 1 day\n  keep 1 month"


def _codes(text: str) -> list[Diagnostic]:
    return list(compile_text(text, "t.sla").diagnostics)


@pytest.mark.parametrize(
    ("written", "said", "fixed"),
    [
        ("every months on 4th thu", "every months", "every month"),
        ("every weeks on thu", "every weeks", "every week"),
        ("every 3 month from 2026-03 on 4th thu", "every 3 month", "every 3 months"),
        ("every 1 months from 2026-03 on last fri", "every 1 months", "every 1 month"),
    ],
)
def test_a_recurrence_whose_unit_does_not_agree_gets_w201(written: str, said: str, fixed: str) -> None:
    text = edited(CLICKSOKO, (EVERY, EVERY.replace("every month on 4th thu", written)))
    (d,) = _codes(text)
    assert d.code == "W201"
    assert d.message == f"`{said}`: singular and plural do not agree"
    assert d.text("ja") == f"`{said}`：単数形と複数形が合っていません"
    assert d.help == f"write `{fixed}`"
    line = line_of(text, written)
    assert (d.span.line, d.span.column) == (line, text.split("\n")[line - 1].index(said) + len("every ") + 1)
    applied = edited(text, (written, written.replace(said, fixed)))
    assert _codes(applied) == []
    model, fixed_model = compile_text(text).model, compile_text(applied).model
    assert model is not None and fixed_model is not None
    assert meaning(model) == meaning(fixed_model)  # (the line to write means what was written)


@pytest.mark.parametrize(
    "written", ["every month on 4th thu", "every week on thu", "every 3 months from 2026-03 on 4th thu"]
)
def test_agreeing_recurrences_get_nothing(written: str) -> None:
    assert _codes(edited(CLICKSOKO, (EVERY, EVERY.replace("every month on 4th thu", written)))) == []


def test_w201_of_a_recurrence_in_a_file_read_declaration_by_declaration() -> None:
    """A syntax error elsewhere: the maintenance is read on its own, its W201 on its own line."""
    text = edited(
        CLICKSOKO,
        (EVERY, EVERY.replace("every month", "every months")),
        ("  hours business\n}\n\nservice recovery", "  hourz business\n}\n\nservice recovery"),
    )
    found = {d.code: d for d in _codes(text)}
    assert set(found) == {"E011", "W201"}
    assert found["W201"].span.line == line_of(text, "every months")
    assert found["W201"].help == "write `every month`"


@pytest.mark.parametrize(("written", "fixed"), [("every days", "every 1 day"), ("every day", "every 1 day")])
def test_a_backup_every_without_its_count_says_the_line_to_write(written: str, fixed: str) -> None:
    text = edited(CLICKSOKO, (BACKUP, BACKUP.replace("every 1 day", written)))
    (d,) = _codes(text)
    assert d.code == "E011"
    assert d.span.line == text[: text.index(f"  {written}\n  keep 1 month")].count("\n") + 1
    assert d.help == f"write `{fixed}`"
    assert d.help_text("ja") == f"`{fixed}` と書いてください"
    assert "calendar" not in (d.help or "")


def test_an_update_every_without_its_count_says_the_line_to_write() -> None:
    line = "  respond within 4 business hours\n"
    text = edited(CLICKSOKO, (line, line + "  update every hours on business by incident.updated\n"))
    (d,) = _codes(text)
    assert d.code == "E011"
    assert d.help == "write `update every 1 hour on business by incident.updated`"
