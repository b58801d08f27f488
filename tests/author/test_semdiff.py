"""``sla diff``: golden outputs on pairs of versions of clicksoko.sla, one kind of change each.

Set ``UPDATE_GOLDEN=1`` to rewrite the golden files after a deliberate change of wording.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sla_dsl.authoring.fmt import format_text
from sla_dsl.authoring.semdiff import diff_models, render_json, render_markdown, render_text
from sla_dsl.cli import main
from sla_dsl.lang.model import PolicyModel
from sla_dsl.policy import compile_text

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
GOLDEN = Path(__file__).parent / "golden" / "diff"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))

BASE = POLICY.read_text("utf-8")
EXCLUDES = "\n".join(ln for ln in BASE.splitlines() if ln.startswith("exclude "))


def _reordered(text: str) -> str:
    """The exclusions moved to the top and P2/P3 swapped: the same policy in another order."""
    body = text.replace(EXCLUDES, "")
    body = body.replace("# --- Calendars", EXCLUDES + "\n\n# --- Calendars", 1)
    p2 = body[body.index("priority P2") : body.index("priority P3")]
    p3 = body[body.index("priority P3") : body.index("# --- Article 3.1")]
    return body.replace(p2 + p3, p3 + "\n" + p2)


def _messy(text: str) -> str:
    """Same tokens, different whitespace."""
    return "\n".join(" " * (n % 7) + ln.strip() for n, ln in enumerate(text.splitlines()))


#: name -> (old -> new) replacements applied to clicksoko.sla
PAIRS: dict[str, list[tuple[str, str]]] = {
    "p1-two-business-hours": [("respond within 4 business hours", "respond within 2 business hours")],
    "lunch-removed": [("hours 10:00-12:00, 13:00-18:00", "hours 10:00-18:00")],
    "lunch-moved-and-longer-day": [("hours 10:00-12:00, 13:00-18:00", "hours 09:00-11:30, 12:30-19:00")],
    "maintenance-third-wednesday": [("every month on 4th thu", "every month on 3rd wed")],
    "maintenance-roll-and-hours": [
        ("if not a business day: next business day", "if not a business day: skip"),
        ("every month on 4th thu, 22:00-24:00", "every month on last fri, 23:00-24:00"),
    ],
    "new-exclusion": [(EXCLUDES, EXCLUDES + '\nexclude planned_work "計画作業" / "Planned work" [art 4]')],
    "exclusion-removed": [(EXCLUDES.splitlines()[1], "")],
    "version-and-effective-date": [
        ('version "2026.1"', 'version "2026.2"'),
        ("effective 2026-04-01", "effective 2026-10-01"),
    ],
    "year-end-closure": [
        ("  holidays JP", "  holidays JP\n  closed yearly 12-29..01-03\n  closed 2026-08-13..2026-08-15")
    ],
    "p2-end-of-business-day": [("respond within 1 business day", "respond by end of 1st business day")],
    "planned-stop-notice": [("notice 1 week before start date by email", "notice 2 weeks before start by email, web")],
    "notification-target": [
        ("within 3 business hours after outage.recognized", "within 2 business hours after outage.recognized")
    ],
    "backup-retention": [("  every 1 day\n  keep 7 days", "  every 1 day\n  keep 14 days")],
    "clock-and-risk": [
        ("at risk at 75% of target", "at risk at 50% of target"),
        ("starts at incident.product_suspected, else incident.reported", "starts at incident.reported"),
    ],
    "availability-target": [("  availability measured", "  availability target 99.5%")],
    "new-priority": [
        (
            "# --- Article 3.1",
            (
                'priority P4 "優先度４" / "Priority 4" [art 3.2] {\n'
                "  respond within 10 business days\n}\n\n# --- Article 3.1"
            ),
        )
    ],
    "calendar-removed-and-service-hours": [
        (
            (
                'calendar always "24時間365日" / "24 hours, 365 days" [art 2.1.1] {\n'
                "  days mon..sun\n  hours 00:00-24:00\n}\n"
            ),
            "",
        ),
        ("hours always except maintenance, planned stops", "hours business except maintenance"),
    ],
    "labels-and-texts": [
        ('"優先度１" / "Priority 1"', '"最優先" / "Top priority"'),
        (
            '"The Company may change the contents of this document."',
            '"The Company may change this document at any time."',
        ),
        (
            'value "当社営業時間" / "Company business hours"',
            'value "当社営業時間（平日）" / "Company business hours (weekdays)"',
        ),
    ],
    "completion-rule": [
        (
            "complete on incident.resolved  ",
            "complete on incident.resolved, or 5 business days after incident.info_provided "
            "without incident.customer_replied  ",
        )
    ],
}


def _new_text(name: str) -> str:
    text = BASE
    for old, new in PAIRS[name]:
        assert old in text, (name, old)
        text = text.replace(old, new, 1)
    return text


def _model(text: str) -> PolicyModel:
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.header() for d in compiled.errors]
    return compiled.model


def _golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, "utf-8")
    assert actual == path.read_text("utf-8")


@pytest.mark.parametrize("name", ["reformatted", "reordered"])
def test_layout_and_order_are_no_change(name: str) -> None:
    new = _messy(BASE) if name == "reformatted" else _reordered(BASE)
    assert new != BASE
    old_m, new_m = _model(BASE), _model(new)
    assert diff_models(old_m, new_m) == []
    assert render_text(old_m, new_m, []) == "no change in meaning\n"


def test_messy_text_really_is_messy() -> None:
    assert format_text(_messy(BASE)) == BASE


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_golden_text_diff(name: str) -> None:
    old_m, new_m = _model(BASE), _model(_new_text(name))
    changes = diff_models(old_m, new_m)
    assert changes, "an edit must show as a change"
    _golden(f"{name}.txt", render_text(old_m, new_m, changes))
    _golden(f"{name}.ja.txt", render_text(old_m, new_m, changes, "ja"))


def test_reverse_diff_swaps_added_and_removed() -> None:
    old_m, new_m = _model(BASE), _model(_new_text("new-exclusion"))
    forward = diff_models(old_m, new_m)
    backward = diff_models(new_m, old_m)
    assert [c.op for c in forward] == ["added"] and [c.op for c in backward] == ["removed"]


def _release() -> str:
    text = BASE
    for name in ("p1-two-business-hours", "lunch-removed", "maintenance-third-wednesday", "new-exclusion",
                 "version-and-effective-date"):  # fmt: skip
        for old, new in PAIRS[name]:
            text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_markdown_change_notice(lang: str) -> None:
    old_m, new_m = _model(BASE), _model(_release())
    notice = render_markdown(old_m, new_m, diff_models(old_m, new_m), lang)  # type: ignore[arg-type]
    _golden(f"release-notice.{lang}.md", notice)
    assert ("2026年10月1日(木)" if lang == "ja" else "Thu 1 Oct 2026") in notice


def test_json_diff() -> None:
    old_m, new_m = _model(BASE), _model(_release())
    doc = json.loads(render_json(old_m, new_m, diff_models(old_m, new_m)))
    assert doc["equal"] is False and doc["new"]["effective"] == "2026-10-01"
    p1 = next(c for c in doc["changes"] if c["section"] == "priority")
    assert p1["key"] == "P1" and p1["field"] == "target"
    assert p1["old"]["duration"]["amount"] == 4 and p1["new"]["duration"]["amount"] == 2
    assert p1["text"] == "P1 Priority 1 response target: within 4 business hours -> within 2 business hours"
    cal = next(c for c in doc["changes"] if c["section"] == "calendar")
    assert "break 12:00-13:00 removed" in cal["details"]


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "new.sla"
    new.write_text(_release(), "utf-8")
    assert main(["diff", "--lang", "en", str(POLICY), str(new)]) == 0
    assert (
        "~ P1 Priority 1 response target: within 4 business hours -> within 2 business hours" in capsys.readouterr().out
    )
    # without --lang, in the new version's primary language (issue 16: Japanese for `languages ja, en`)
    assert main(["diff", str(POLICY), str(new)]) == 0
    assert "~ P1 優先度１の応答目標時間：4営業時間以内 → 2営業時間以内\n" in capsys.readouterr().out
    assert main(["diff", "--exit-code", str(POLICY), str(new)]) == 1
    assert main(["diff", "--exit-code", str(POLICY), str(POLICY)]) == 0
    bad = tmp_path / "bad.sla"
    bad.write_text(BASE.replace("4 business hours", "4 business hurs"), "utf-8")
    capsys.readouterr()
    assert main(["diff", "--lang", "en", str(POLICY), str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "error: [E011]" in captured.err
