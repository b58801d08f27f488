"""``sla explain`` as a Japanese customer reads it (a QA pass over the examples).

* The response's step of the help desk's H9 said 「「お客様への初回回答」を記録（期限内）」 just below 「初回回答
  （チャットへの初回回答）：未達」: the （期限内） is the (unnamed) response target's verdict, but read as the
  named target's. Where the step is worded by the policy's own words for ``incident.responded``, the verdict
  now names the response (（応答は期限内）, ``(response in time)``). Click So-ko, which relabels nothing, says
  ``応答（期限内）`` as before.
* An excluded outage or incident said the exclusion's label twice, on one line (OUT-05: 「原因：天災地変…
  サービス停止。第4条により適用外（天災地変…サービス停止）」; H6, and INC-055 over two lines): it is said
  once, by the exclusion's step.

These tests failed before the fix.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import EXAMPLE, MONTH, POLICY, ROOT, sla

EXAMPLES = ROOT / "policies" / "examples"
HELPDESK, HELPDESK_EVENTS = EXAMPLES / "helpdesk.sla", EXAMPLES / "helpdesk-events.jsonl"
AS_OF = "2026-11-27T12:00:00+09:00"


def _explain(*args: str | Path) -> str:
    code, out, err = sla("explain", *args)
    assert code == 0, err
    return out


def _steps(out: str) -> list[str]:
    """The step lines of a text explanation, without their time (``  11月26日(木) 13:30  ``)."""
    return [re.sub(r"^\s+\S+( \S+)*?  ", "", x) for x in out.splitlines() if x.startswith("  ")]


@pytest.mark.parametrize(
    ("lang", "said", "breached"),
    [
        ("ja", "「お客様への初回回答」を記録（応答は期限内）", "初回回答（チャットへの初回回答）：未達"),
        (
            "en",
            "“First reply to the customer” recorded (response in time)",
            "First reply (First reply to a chat): breached",
        ),
    ],
)
def test_the_relabelled_response_names_the_response_target(lang: str, said: str, breached: str) -> None:
    out = _explain(HELPDESK, HELPDESK_EVENTS, "H9", "--as-of", AS_OF, "--lang", lang)
    assert breached in out and said in out, out
    bare = "を記録（期限内）" if lang == "ja" else "recorded (in time)"
    assert bare not in out, out


@pytest.mark.parametrize(("lang", "said"), [("ja", "応答（期限内）"), ("en", "responded (in time)")])
def test_click_soko_s_response_step_is_as_before(lang: str, said: str) -> None:
    """Click So-ko gives ``incident.responded`` no words of its own: its step already says 応答."""
    out = _explain(POLICY, EXAMPLE, "INC-055", *MONTH, "--lang", lang)
    assert said in _steps(out), out
    assert "応答は" not in out and "response in time" not in out


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize(
    ("policy", "events", "item", "more"),
    [
        (POLICY, EXAMPLE, "OUT-05", MONTH),
        (POLICY, EXAMPLE, "INC-055", MONTH),
        (HELPDESK, HELPDESK_EVENTS, "H6", ["--as-of", AS_OF]),
    ],
)
def test_an_exclusion_s_cause_is_said_once(policy: Path, events: Path, item: str, more: list[str], lang: str) -> None:
    out = _explain(policy, events, item, *more, "--lang", lang)
    labels = {
        "OUT-05": ("天災地変その他の不可抗力によるサービス停止", "Service stops caused by natural disasters"),
        "INC-055": ("利用者の故意または過失に起因するサービス停止", "Service stops caused by the user's intent"),
        "H6": ("お客様の責による問題", "Caused by the customer"),
    }
    label = labels[item][lang == "en"]
    steps = "\n".join(_steps(out))
    assert steps.count(label) == 1, out
    excluded = "により適用外（" if lang == "ja" else "excluded under Art."
    assert next(s for s in _steps(out) if label in s).count(excluded) == 1, out  # (said by the exclusion)
