"""The contract's event types in a policy's own words: ``event incident.responded "…" / "…"`` relabels it.

A second provider's policy got Click So-ko's words for the contract's events (「障害状況の一報の通知」,
「当社が障害を認知」, 「エンド・ユーザー様への一次回答」) on its site, in ``sla explain`` and in its reports,
and the statement that would give its own was refused (E248). It is now a relabel: the words people read
change, everywhere the type is named; its meaning, its life cycle and every verdict do not. A relabelled
type is no declared type (no W247, nothing new for the log), an outage, stop or backup type may be
relabelled (a new type of those families is still E249), a type relabelled twice is E247, and a policy
that relabels nothing reads as before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl.authoring.hover import hover_text
from sla_dsl.cli import main
from sla_dsl.docs.layout import PageContext
from sla_dsl.docs.render import render_policy
from sla_dsl.lang.compile import compile_text

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
HELPDESK = ROOT / "policies" / "examples"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
RELABELS = """
event outage.recognized "障害の把握" / "Failure noticed"
event outage.notified "第一報の送付" / "First notice sent"
event incident.responded "初回のご回答" / "First answer"
"""


def _relabelled(extra: str = RELABELS) -> str:
    """Click So-ko's policy with ``extra`` before its first article (its rules name these types)."""
    text = CLICKSOKO.read_text("utf-8")
    at = text.index("\narticle")
    return text[:at] + "\n" + extra + text[at:]


def _file(tmp_path: Path, text: str, name: str = "p.sla") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _sla(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def _codes(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in compile_text(text).diagnostics]


def _line_of(text: str, needle: str, nth: int = 1) -> int:
    return [i for i, x in enumerate(text.splitlines(), 1) if needle in x][nth - 1]


# ---- the checks ------------------------------------------------------------------------------------


def test_sla_check_accepts_a_relabel_of_every_family(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An incident, outage, stop and backup type relabelled: no E248, no W247 (backup.deleted is named by no
    rule of the policy), nothing said."""
    extra = RELABELS + (
        'event stop.announced "作業のお知らせ" / "Work notice"\n'
        'event backup.completed "保存完了" / "Saved"\n'
        'event backup.deleted "保存データの消去" / "Saved data erased"\n'
    )
    text = _relabelled(extra)
    assert _codes(text) == []
    assert main(["check", str(_file(tmp_path, text))]) == 0
    assert "E248" not in capsys.readouterr().out


def test_a_type_relabelled_twice_is_e247_at_the_second() -> None:
    text = _relabelled(RELABELS + 'event outage.notified "一報" / "First report"\n')
    (diag,) = compile_text(text).diagnostics
    assert (diag.code, diag.span.line) == ("E247", _line_of(text, "event outage.notified", 2))
    assert diag.message == "the contract's event type `outage.notified` is given new words twice"
    assert diag.help == f"keep one; the first is on line {_line_of(text, 'event outage.notified')}"


def test_a_new_type_of_a_fixed_family_is_still_e249() -> None:
    text = _relabelled(RELABELS + 'event outage.paged "呼び出し" / "Paged"\n')
    assert _codes(text) == [("E249", _line_of(text, "event outage.paged"))]


def test_a_relabel_needs_a_label_in_every_language_of_the_policy() -> None:
    """Click So-ko declares ``languages ja, en``: a Japanese text alone has no English (E263)."""
    assert "languages ja, en" in CLICKSOKO.read_text("utf-8")
    text = _relabelled('event incident.responded "初回のご回答"\n')
    assert _codes(text) == [("E263", _line_of(text, "event incident.responded"))]


def test_the_compiled_policy_carries_the_relabels_and_declares_no_type() -> None:
    policy = sla_dsl.load_policy(_relabelled())
    assert policy.event_types == frozenset()
    assert {k: (v.ja, v.en) for k, v in policy.relabels.items()} == {
        "outage.recognized": ("障害の把握", "Failure noticed"),
        "outage.notified": ("第一報の送付", "First notice sent"),
        "incident.responded": ("初回のご回答", "First answer"),
    }
    assert sla_dsl.load_policy(CLICKSOKO).relabels == {}


# ---- verdicts and Click So-ko's own outputs ----------------------------------------------------------


def test_the_verdicts_are_the_same_with_and_without_the_relabels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = _sla(capsys, "evaluate", str(CLICKSOKO), str(EVENTS), *MONTH, "--format", "json")
    relabelled = _sla(capsys, "evaluate", str(_file(tmp_path, _relabelled())), str(EVENTS), *MONTH, "--format", "json")
    assert _without_hashes(json.loads(plain)) == _without_hashes(json.loads(relabelled))


def _without_hashes(report: dict[str, Any]) -> dict[str, Any]:
    """A JSON report without the hashes of its policy's text (two texts, one meaning: other bytes)."""
    for ref in (report["policy"], *report.get("versions", [])):
        assert len(ref.pop("sha256")) == 64
    return report


@pytest.mark.parametrize(
    ("lang", "recognized", "notified"),
    [
        ("ja", "当社が障害を認知", "障害状況の一報を通知（期限内）"),
        ("en", "the Company recognised the failure", "first status report sent (in time)"),
    ],
)
def test_click_sokos_explanation_keeps_the_contracts_words(
    capsys: pytest.CaptureFixture[str], lang: str, recognized: str, notified: str
) -> None:
    said = _sla(capsys, "explain", str(CLICKSOKO), str(EVENTS), "OUT-01", *MONTH, "--lang", lang)
    steps = [re.sub(r"^\s*\S+ \S+ \S+ \S+\s+|^\s*\S+ \S+\s+", "", x) for x in said.splitlines()]
    assert any(s.endswith(recognized) for s in steps), said
    assert any(s.endswith(notified) for s in steps), said


# ---- the words people read -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "recognized", "notified", "gone"),
    [
        ("ja", "「障害の把握」を記録", "「第一報の送付」を記録（期限内）", ["当社が障害を認知", "障害状況の一報"]),
        ("en", "“Failure noticed” recorded", "“First notice sent” recorded (in time)", ["recognised", "first status"]),
    ],
)
def test_explain_names_a_relabelled_outage_event_by_the_policys_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, recognized: str, notified: str, gone: list[str]
) -> None:
    policy = _file(tmp_path, _relabelled())
    said = _sla(capsys, "explain", str(policy), str(EVENTS), "OUT-01", *MONTH, "--lang", lang)
    assert recognized in said and notified in said, said
    assert not [g for g in gone if g in said], said


@pytest.mark.parametrize(
    ("lang", "said", "gone"),
    [
        ("ja", "「障害の把握」がないため対象外", "当社が障害を認知していない"),
        ("en", "no notice target until “Failure noticed”", "not recognised by the Company"),
    ],
)
def test_the_report_says_why_no_notice_in_the_policys_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str, gone: str
) -> None:
    policy = _file(tmp_path, _relabelled())
    report = _sla(capsys, "evaluate", str(policy), str(EVENTS), *MONTH, "--format", "markdown", "--lang", lang)
    row = next(x for x in report.splitlines() if x.startswith("| OUT-02 |"))
    assert said in row and gone not in report, row


@pytest.mark.parametrize(
    ("lang", "said", "gone"),
    [
        ("ja", "（「障害の把握」が営業時間内の場合）", "（営業時間内に認知した場合）"),
        ("en", "(when “Failure noticed” falls in business hours)", "(when recognised in business hours)"),
    ],
)
def test_the_summary_words_a_notice_target_by_the_relabelled_recognition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str, gone: str
) -> None:
    policy = _file(tmp_path, _relabelled())
    report = _sla(capsys, "evaluate", str(policy), str(EVENTS), *MONTH, "--lang", lang)
    assert said in report and gone not in report, report[:2000]


@pytest.mark.parametrize(
    ("lang", "words", "contract", "listed"),
    [
        ("ja", ["「障害の把握」", "「第一報の送付」"], "障害状況の一報の通知", "この規定が契約のイベントに付ける名称"),
        (
            "en",
            ["“Failure noticed”", "“First notice sent”"],
            "the first report of the failure",
            "in this policy's words",
        ),
    ],
)
def test_the_site_page_names_relabelled_types_by_the_policys_words(
    lang: str, words: list[str], contract: str, listed: str
) -> None:
    def text(policy: str | Path) -> str:
        page = render_policy(sla_dsl.load_policy(policy), PageContext(lang=lang, source_url=""))
        return re.sub(r"<[^>]+>", " ", page).replace("&#x27;", "'")

    plain, relabelled = text(CLICKSOKO), text(_relabelled())
    assert all(w in relabelled for w in words) and not [w for w in words if w in plain], words
    # the rules' words for the notified type are the policy's (the SLA items' own texts stay as written)
    assert relabelled.count(contract) < plain.count(contract)
    assert listed in relabelled and listed not in plain
    # (declared types are listed apart: Click So-ko declares none)
    assert "Event types this policy adds" not in relabelled and "この規定が定めるイベント" not in relabelled


def test_sla_diff_names_a_changed_relabel_as_a_change_of_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = _file(tmp_path, _relabelled(), "old.sla")
    changed = _relabelled().replace("第一報の送付", "第一報のご連絡").replace("First notice sent", "First notice")
    new = _file(tmp_path, changed.replace('version "', 'version "9.', 1), "new.sla")
    ja = _sla(capsys, "diff", str(old), str(new), "--lang", "ja")
    assert "~ 契約のイベント「障害状況の一報の通知」の名称：「第一報の送付」 → 「第一報のご連絡」" in ja.splitlines(), (
        ja
    )
    en = _sla(capsys, "diff", str(old), str(new), "--lang", "en")
    line = "~ the contract's event \"the first report of the failure's status\" label: "
    assert line + '"First notice sent" -> "First notice"' in en.splitlines(), en
    # a relabel taken back: the contract's words again
    back = _sla(capsys, "diff", str(old), str(_file(tmp_path, CLICKSOKO.read_text("utf-8"), "back.sla")))
    assert "「障害状況の一報の通知」の規定の名称「第一報の送付」を削除" in back, back


@pytest.mark.parametrize(("lang", "words"), [("ja", "「第一報の送付」"), ("en", "“First notice sent”")])
def test_the_hover_of_a_relabelled_type_gives_the_policys_words(lang: str, words: str) -> None:
    text = _relabelled()
    pm = compile_text(text).model
    assert pm is not None
    row = next(i for i, x in enumerate(text.splitlines()) if "met by outage.notified" in x)
    column = text.splitlines()[row].index("outage.notified") + 3
    said = hover_text(pm, text, row, column, lang)
    assert said is not None and words in said, said
    contract = "障害状況の一報の通知" if lang == "ja" else "the first report of the failure's status"
    assert contract in said  # (said to be the contract's words, in place of which the policy's stand)


# ---- the example that shows it ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "responded", "resolved"),
    [
        ("ja", "「お客様への初回回答」を記録（応答は期限内）", "「解決策のご案内」を記録（完了）"),
        (
            "en",
            "“First reply to the customer” recorded (response in time)",
            "“Solution given to the customer” recorded (completed)",
        ),
    ],
)
def test_the_helpdesk_example_speaks_its_own_words(
    capsys: pytest.CaptureFixture[str], lang: str, responded: str, resolved: str
) -> None:
    args = [str(HELPDESK / "helpdesk.sla"), str(HELPDESK / "helpdesk-events.jsonl"), "H1", *MONTH]
    said = _sla(capsys, "explain", *args, "--as-of", "2026-11-27T12:00:00+09:00", "--lang", lang)
    assert responded in said and resolved in said, said


def test_the_helpdesk_example_lists_its_relabels_apart_from_its_declared_type() -> None:
    """The engineers' table of declared types has ``incident.chat_started`` alone; the policy's page lists the
    relabelled types under a list of their own."""
    from sla_dsl.docs.event_types import declared_markdown

    policy = sla_dsl.load_policy(HELPDESK / "helpdesk.sla")
    table = declared_markdown([("Helpdesk 1.0", policy.model)], "en")
    assert "`incident.chat_started`" in table and "incident.responded" not in table
    page = render_policy(policy, PageContext(lang="en", source_url=""))
    declared, relabels = page.split("The contract&#x27;s events, in this policy&#x27;s words")
    assert "Chat started" in declared and "First reply to the customer" not in declared
    assert "First reply to the customer (<code>incident.responded</code>)" in relabels
