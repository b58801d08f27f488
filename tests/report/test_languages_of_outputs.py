"""The ja report (text, Markdown, HTML) and ``sla explain --lang ja`` hold no English fragment or internal
identifier; the en ones hold no Japanese. Ids from the log and the policy's own texts are allowed."""

from __future__ import annotations

import json

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, allowed_words, foreign, readable, sla


def test_the_scanner_finds_what_the_old_report_showed() -> None:
    """The check can fail: English and identifiers of the old ja report are found, ids are not."""
    old = "response_breached  INC-001  P1 response due Mon 02 Nov 15:00  database  email  Asia/Tokyo"
    assert foreign(old, "ja", allowed_words("ja")) == [
        "Asia/Tokyo",
        "Mon",
        "Nov",
        "database",
        "due",
        "email",
        "response",
        "response_breached",
    ]
    assert foreign("Priority 1 優先度１", "en", allowed_words("en")) == ["優", "先", "度", "１"]


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_is_in_one_language(fmt: str, lang: str) -> None:
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", fmt, "--lang", lang, "--limit", "0")
    assert code == 0, err
    assert foreign(readable(out, fmt), lang, allowed_words(lang)) == []


def _listed() -> list[str]:
    code, out, _ = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json")
    assert code == 0
    report = json.loads(out)
    ids = [i["id"] for i in report["incidents"]] + [o["id"] for o in report["outages"]]
    ids += [s["id"] for s in report["planned_stops"]] + [r["id"] for r in report["retention"] if not r["ok"]]
    ids += [v["id"] for v in report["violations"]]
    return list(dict.fromkeys(ids))


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_explain_is_in_one_language(lang: str) -> None:
    allowed = allowed_words(lang)
    for ident in _listed():
        code, out, err = sla("explain", POLICY, EXAMPLE, ident, "--lang", lang)
        assert code == 0, (ident, err)
        assert foreign(out, lang, allowed) == [], (ident, out)
