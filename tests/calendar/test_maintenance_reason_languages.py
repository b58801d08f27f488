"""``sla maintenance --format json`` (and ``sla calendar``'s) says why a window moved in the languages the policy
declares, as ``sla deadline`` labels its targets.

Found: every window had ``reason`` (English) and ``reason_ja`` (Japanese) whatever the policy declares: a
policy written in English only (``languages en``) gave ``reason_ja`` its English label (``Company outing``)
or the catalogue's ``休業日``, a Japanese-only one gave ``reason`` its Japanese label (``社内行事``). A field is
now there for each declared language only; a policy that declares none keeps both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """sla "Moves" {
  format 1
  version "1.0"
  effective 2026-01-01
  timezone Asia/Tokyo
  provider PROVIDER
LANGUAGES}

calendar business BUSINESS {
  days mon..fri
  hours 09:00-18:00
  holidays JP
  holiday 2026-10-22 OUTING
  closed 2026-12-24
}

maintenance regular MAINTENANCE {
  every month on 4th thu, 22:00-24:00
  if not a business day: next business day
  calendar business
  notice none
}

priority P1 URGENT {
  respond within 4 business hours
  complete on incident.resolved
}
"""

TEXTS = {
    "en": {
        "PROVIDER": '"Example Co."',
        "BUSINESS": '"Business hours"',
        "OUTING": '"Company outing"',
        "MAINTENANCE": '"Regular maintenance"',
        "URGENT": '"Urgent"',
    },
    "ja": {
        "PROVIDER": '"例株式会社"',
        "BUSINESS": '"営業時間"',
        "OUTING": '"社内行事"',
        "MAINTENANCE": '"定期メンテナンス"',
        "URGENT": '"緊急"',
    },
    "both": {
        "PROVIDER": '"例株式会社" / "Example Co."',
        "BUSINESS": '"営業時間" / "Business hours"',
        "OUTING": '"社内行事" / "Company outing"',
        "MAINTENANCE": '"定期メンテナンス" / "Regular maintenance"',
        "URGENT": '"緊急" / "Urgent"',
    },
}


def _policy(tmp_path: Path, texts: str, languages: str) -> Path:
    text = POLICY.replace("LANGUAGES", f"  languages {languages}\n" if languages else "")
    for key, value in TEXTS[texts].items():
        text = text.replace(key, value)
    path = tmp_path / "p.sla"
    path.write_text(text, "utf-8")
    return path


def _moved(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    code = main(list(args))
    out = capsys.readouterr().out
    assert code == 0, out
    return [w for w in json.loads(out)["maintenance"] if w["moved"]]


# (texts, languages, the moved windows' reasons: Thu 22 Oct the company's holiday, Thu 24 Dec a closure)
CASES = [
    ("en", "en", [{"reason": "Company outing"}, {"reason": "company closure"}]),
    ("ja", "ja", [{"reason_ja": "社内行事"}, {"reason_ja": "休業日"}]),
    (
        "both",
        "ja, en",
        [{"reason": "Company outing", "reason_ja": "社内行事"}, {"reason": "company closure", "reason_ja": "休業日"}],
    ),
    (
        "both",
        "",
        [{"reason": "Company outing", "reason_ja": "社内行事"}, {"reason": "company closure", "reason_ja": "休業日"}],
    ),
]


@pytest.mark.parametrize(("texts", "languages", "reasons"), CASES)
def test_maintenance_json_gives_the_reason_in_the_declared_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], texts: str, languages: str, reasons: list[dict[str, str]]
) -> None:
    policy = _policy(tmp_path, texts, languages)
    moved = _moved(capsys, "maintenance", str(policy), "--from", "2026-10-01", "--to", "2027-01-01", "--format", "json")
    assert [{k: v for k, v in w.items() if k.startswith("reason")} for w in moved] == reasons


@pytest.mark.parametrize(("texts", "languages", "reasons"), CASES)
def test_calendar_json_gives_the_reason_in_the_declared_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], texts: str, languages: str, reasons: list[dict[str, str]]
) -> None:
    policy = _policy(tmp_path, texts, languages)
    moved = _moved(capsys, "calendar", str(policy), "--month", "2026-10", "--format", "json")
    assert [{k: v for k, v in w.items() if k.startswith("reason")} for w in moved] == reasons[:1]


def test_a_window_that_did_not_move_has_no_reason_in_each_declared_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = _policy(tmp_path, "en", "en")
    code = main(["maintenance", str(policy), "--from", "2026-11-01", "--to", "2026-12-01", "--format", "json"])
    out = capsys.readouterr().out
    assert code == 0, out
    (window,) = json.loads(out)["maintenance"]
    assert not window["moved"] and window["reason"] is None and "reason_ja" not in window
