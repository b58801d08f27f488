"""The one-language scan of ``test_languages_of_outputs`` on every example, for every kind of id.

The example month of Click So-ko, the helpdesk example (named targets: resolution, first reply, periodic
update) and the plans example (attributes, availability per plan, a backup every 12 hours): the ja
report (text, Markdown, HTML) holds no English word and no internal name, the en one no Japanese, and
``sla explain --lang ja|en`` is in one language for ids of every kind the report lists (incidents,
outages, planned stops, deletions, backup days and windows, and each kind of violation), two of each.
Allowed: the log's own ids and zones, and the policy's own texts; an attribute value only where the
policy gives it no label in the page's language (issue 16: the plans example labels every value, so a
raw ``premium`` on a Japanese page fails the scan); the id of a period below its availability target
(``content:2026-11-01:plan=premium``) and of a missed backup day or window (``files:2026-11-14``), which
the violations table lists as ``sla explain`` takes it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sla_dsl.policy import load_policies

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, _labels, foreign, ids_of_every_kind, readable, sla

EXAMPLES = ROOT / "policies" / "examples"
#: (policy, log, period options) of each example.
CASES: dict[str, tuple[Path, Path, list[str]]] = {
    "clicksoko": (POLICY, EXAMPLE, MONTH),
    "helpdesk": (
        EXAMPLES / "helpdesk.sla",
        EXAMPLES / "helpdesk-events.jsonl",
        [*MONTH, "--as-of", "2026-11-27T12:00:00+09:00"],
    ),
    "plans": (EXAMPLES / "plans.sla", EXAMPLES / "plans.jsonl", MONTH),
}


def _period_ids(policy: Path, log: Path, period: list[str]) -> list[str]:
    """The ids of the periods below their availability target and of the missed backup days or windows that
    the report lists (an id, as ``INC-001``, the one ``sla explain`` takes)."""
    code, out, err = sla("evaluate", policy, log, *period, "--format", "json")
    assert code == 0, err
    return [v["id"] for v in json.loads(out)["violations"] if v["kind"] in ("availability", "backup_missed")]


def _allowed(policy: Path, log: Path, lang: str, ids: list[str] | None = None) -> list[str]:
    """What either language's page may show: the log's ids and zones (and ``ids``); the policy's name,
    version, priority ids and labels in ``lang``; attribute values without a label in ``lang`` (issue 16)."""
    pol = load_policies([str(policy)])[0]
    labelled = {v.name for a in pol.model.attributes for v in a.labels if v.label.text(lang)}
    words: set[str] = set(ids or ())
    for line in log.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ev: dict[str, Any] = json.loads(line)
            words.update(str(ev[k]) for k in ("id", "zone", "primary_zone") if ev.get(k))
            words.update(str(v) for v in (ev.get("attributes") or {}).values() if str(v) not in labelled)
    words.update(p.id for p in pol.model.priorities)
    words.update({pol.name, pol.version})
    words.update(v for a in pol.model.attributes for v in a.values if v not in labelled)
    words.update(t for lab in _labels(pol.model) for t in [lab.text(lang)] if t)
    return sorted(words, key=len, reverse=True)


def _foreign(text: str, lang: str, allowed: list[str]) -> list[str]:
    """:func:`.helpers.foreign`, taking out allowed words only as whole words (a value named ``en``
    must not hide the ``en`` of an English word)."""
    for word in allowed:
        text = re.sub(rf"(?<![A-Za-z0-9_]){re.escape(word)}(?![A-Za-z0-9_])", " ", text)
    return foreign(text, lang, [])


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_every_example_is_in_one_language(name: str, lang: str) -> None:
    policy, log, period = CASES[name]
    allowed = _allowed(policy, log, lang, _period_ids(policy, log, period))
    for fmt in ("text", "markdown", "html"):
        code, out, err = sla("evaluate", policy, log, *period, "--format", fmt, "--lang", lang, "--limit", "0")
        assert code == 0, err
        assert _foreign(readable(out, fmt), lang, allowed) == [], (name, fmt)
    code, out, err = sla("evaluate", policy, log, *period, "--format", "json")
    assert code == 0, err
    ids = ids_of_every_kind(json.loads(out))
    assert len(ids) >= 3, ids
    for ident in ids:
        code, out, err = sla("explain", policy, log, ident, *period, "--lang", lang)
        assert code == 0, (ident, err)
        assert _foreign(out, lang, allowed) == [], (name, ident, out)


def test_the_example_scan_fails_on_what_it_used_to_find() -> None:
    """The check can fail: a window's id, a service's name, the h/m of the targets table and a raw
    attribute value (``premium``, labelled プレミアム) are found."""
    policy, log, _ = CASES["plans"]
    old = "logs:2026-11-01T00:00:00+09:00  content:2026-11-01  19h / 16h  premium"
    found = _foreign(old, "ja", _allowed(policy, log, "ja"))
    assert found == ["T", "content", "h", "logs", "premium"]


def test_a_japanese_report_with_unlabelled_values_fails_the_scan(tmp_path: Path) -> None:
    """The plans example as it was before its values had labels (issue 16): its ja report shows
    ``premium`` and ``en`` as written, which the scan finds; the labelled example shows neither."""
    policy, log, period = CASES["plans"]
    text = policy.read_text("utf-8")
    for a, b in (("standard", "premium"), ("ja", "en")):
        text = re.sub(rf'value {a} "[^"]*" / "[^"]*"\n\s*value {b} "[^"]*" / "[^"]*"', f"values {a}, {b}", text)
    assert "values standard, premium" in text and "values ja, en" in text
    old = tmp_path / "plans.sla"
    old.write_text(text, "utf-8")
    allowed = _allowed(policy, log, "ja", _period_ids(policy, log, period))
    for path, expected in ((old, ["en", "premium"]), (policy, [])):
        code, out, err = sla("evaluate", path, log, *period, "--format", "text", "--lang", "ja", "--limit", "0")
        assert code == 0, err
        assert _foreign(readable(out, "text"), "ja", allowed) == expected
