"""A policy that relabels a contract event is worded in time linear in its rules.

Found by a hostile-input pass: a policy of 4,000 priorities that gives ``incident.responded`` words of its own
took 117 s for ``sla evaluate --format text`` of a 24-line log (2 s without the relabel): every row of the
summary read its target in the contract's words (:meth:`PolicyWords.unrelabelled`) through a fresh copy of the
policy model, whose lookups started cold each time. The copy is made once per version and language, and a
text is read in contract words only to compare two versions' texts. Counted here, not timed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.policy import load_policy
from sla_dsl.report import sections
from sla_dsl.report.words import PolicyWords

ROOT = Path(__file__).resolve().parents[2]
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"  # (it relabels incident.responded and .resolved)


def test_the_contract_words_of_a_version_are_made_once() -> None:
    policy = load_policy(HELPDESK)
    w = PolicyWords([policy], "en")
    assert w.unrelabelled() is not w  # (the policy relabels contract events)
    assert w.unrelabelled() is w.unrelabelled()
    assert w.version(policy.version).unrelabelled() is w.unrelabelled()
    assert PolicyWords([policy], "ja").unrelabelled().lang == "ja"


def test_one_version_in_force_reads_no_text_in_contract_words(monkeypatch: pytest.MonkeyPatch) -> None:
    policy = load_policy(HELPDESK)
    w = PolicyWords([policy], "en")
    asked: list[PolicyWords] = []
    real = PolicyWords.unrelabelled

    def counted(self: PolicyWords) -> PolicyWords:
        asked.append(self)
        return real(self)

    monkeypatch.setattr(PolicyWords, "unrelabelled", counted)
    assert sections._during([w], w, lambda v: "within 1 hour") == "within 1 hour"
    assert asked == []
