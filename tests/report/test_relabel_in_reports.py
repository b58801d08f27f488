"""The human reports name a relabelled contract event type by the policy's label, as ``sla explain`` does.

A policy that relabels ``incident.responded`` ("First reply to the customer") still read
``response due Mon 2 Nov 15:00: responded Mon 2 Nov 16:12 (1:12 late)`` in its violations and
``Responded`` / ``Notified`` above its tables. The violations now name the event by its label in
quotes (``“First reply to the customer” recorded Mon 2 Nov 16:12``), a target whose clock one
relabelled event stops too, and a column of a relabelled type's times is headed by its label, or,
when the label is too wide for a header, keeps its header with a note naming the event. A policy
without relabels reads as it did; the JSON's ``message`` stays the engine's English. Each test but
the last two fails on the code before.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.report.render import render

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
HELPDESK = ROOT / "policies" / "examples" / "helpdesk.sla"
HELPDESK_LOG = ROOT / "policies" / "examples" / "helpdesk-events.jsonl"
MONTH = ("2026-11-01", "2026-12-01")
RELABELS = """
event incident.responded "お客様への初回回答" / "First reply to the customer"
event outage.notified "第一報の送付" / "First notice sent"
"""


def _shown(text: str, fmt: str, lang: str, log: Path = EVENTS, as_of: str | None = None) -> str:
    policy = sla_dsl.load_policy(text)
    report = sla_dsl.evaluate(policy, str(log), *MONTH, *([as_of] if as_of else []))
    return render(report, fmt, lang=lang, policies=[policy])


def _relabelled(extra: str = RELABELS) -> str:
    return CLICKSOKO.read_text("utf-8") + extra


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_violations_name_the_response_and_notice_by_their_labels_in_english(fmt: str) -> None:
    shown = _shown(_relabelled(), fmt, "en")
    assert "response due Mon 2 Nov 15:00: “First reply to the customer” recorded Mon 2 Nov 16:12 (1:12 late)" in shown
    assert "response due Mon 30 Nov 11:00: no “First reply to the customer” recorded as of Tue 1 Dec 00:00" in shown
    assert "due Wed 18 Nov 15:00: “First notice sent” recorded Wed 18 Nov 15:30 (0:30 late)" in shown
    assert "due Mon 30 Nov 11:05: no “First notice sent” recorded as of Tue 1 Dec 00:00" in shown
    assert "responded Mon 2 Nov" not in shown and "none sent" not in shown


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_violations_name_the_response_and_notice_by_their_labels_in_japanese(fmt: str) -> None:
    shown = _shown(_relabelled(), fmt, "ja")
    assert "応答期限 11月2日(月) 15:00 に対し 11月2日(月) 16:12 に「お客様への初回回答」を記録（1:12 超過）" in shown
    assert "応答期限 11月30日(月) 11:00 を過ぎても「お客様への初回回答」の記録なし（12月1日(火) 00:00 時点）" in shown
    assert "期限 11月18日(水) 15:00 に対し 11月18日(水) 15:30 に「第一報の送付」を記録（0:30 超過）" in shown
    assert "16:12 に応答" not in shown and "送信なし" not in shown


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_columns_of_the_events_times_are_headed_by_their_labels(lang: str) -> None:
    lines = _shown(_relabelled(), "text", lang).splitlines()
    responded, notified, none = (
        ("「お客様への初回回答」", "「第一報の送付」", "「お客様への初回回答」なし")
        if lang == "ja"
        else ("“First reply to the customer”", "“First notice sent”", "no “First reply to the customer”")
    )
    not_met = next(line for line in lines if line.lstrip().startswith("ID") and "INC" not in line and responded in line)
    assert ("応答" if lang == "ja" else "Responded") not in not_met.replace(responded, "")
    assert any(line.lstrip().startswith("ID") and notified in line for line in lines)
    assert any(line.lstrip().startswith("INC-053") and none in line for line in lines)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_label_too_wide_for_a_header_is_said_under_the_table(lang: str) -> None:
    wide = (
        '\nevent incident.responded "お客様への最初の回答を担当者が送ったこと"'
        ' / "The first reply a person on the desk sent to the customer"\n'
    )
    shown = _shown(_relabelled(wide), "text", lang)
    if lang == "ja":
        assert "※ 「応答」の列は、「お客様への最初の回答を担当者が送ったこと」を記録した時刻です" in shown
    else:
        assert "Note: Responded: when “The first reply a person on the desk sent to the customer” was recorded" in shown
    start = "起算時刻" if lang == "ja" else "Clock start"
    header = next(line for line in shown.splitlines() if line.lstrip().startswith("ID") and start in line)
    assert ("応答" if lang == "ja" else "Responded") in header
    assert "The first reply a person" not in header and "担当者" not in header


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_help_desk_names_its_relabelled_events(lang: str) -> None:
    shown = _shown(HELPDESK.read_text("utf-8"), "text", lang, HELPDESK_LOG, "2026-11-27T12:00:00+09:00")
    if lang == "ja":
        assert (
            "P3 通常の初回回答の期限 11月26日(木) 13:15 に対し 11月26日(木) 13:30 に「お客様への初回回答」を記録"
            in shown
        )
        assert "P1 緊急の解決の期限 11月26日(木) 18:00 を過ぎても「解決策のご案内」の記録なし" in shown
    else:
        assert (
            "P3 Normal first reply due Thu 26 Nov 13:15: “First reply to the customer” recorded Thu 26 Nov 13:30"
            in shown
        )
        assert "P1 Urgent resolution due Thu 26 Nov 18:00: no “Solution given to the customer” recorded as of" in shown


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_relabels_the_contract_words_stay(lang: str) -> None:
    shown = _shown(CLICKSOKO.read_text("utf-8"), "text", lang)
    said = "11月2日(月) 16:12 に応答（1:12 超過）" if lang == "ja" else "responded Mon 2 Nov 16:12 (1:12 late)"
    assert said in shown
    assert "「" + "お客様" not in shown and "recorded" not in shown


def test_the_json_message_stays_the_engines_english() -> None:
    policy = sla_dsl.load_policy(_relabelled())
    report = sla_dsl.evaluate(policy, str(EVENTS), *MONTH)
    messages = [v.message for v in report.violations]
    assert messages and not any("First reply to the customer" in m or "First notice sent" in m for m in messages)
