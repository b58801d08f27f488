"""What a QA pass found after event relabels landed, in Japanese and English.

* ``sla explain`` of an incident completed by silence said the contract's "no reply after information"
  whatever the rule's events were: relabelled, or the policy's own declared types.
* The site page joined ``starts at A, else B`` with "when there is no such judgement", the contract's
  word for ``incident.product_suspected``, whatever ``A`` was.
* A version that only relabels an event made the report's summary read as a changed notice target.
* ``sla diff`` quoted a relabel with straight quotes beside the contract's words in curly ones, put spaces
  around 「…」 in Japanese, and named Click So-ko's response clock's start ``起算点の起算点``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import sla_dsl
from sla_dsl.cli import main
from sla_dsl.docs.layout import PageContext
from sla_dsl.docs.render import render_policy

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
ALL = """
event incident.reported "受付ZZ" / "Ticket opened ZZ"
event incident.product_suspected "製品疑いZZ" / "Product suspected ZZ"
event incident.info_provided "情報提供ZZ" / "Info given ZZ"
event incident.customer_replied "顧客返信ZZ" / "Customer answered ZZ"
event outage.recognized "障害把握ZZ" / "Outage detected ZZ"
event backup.deleted "バックアップ削除ZZ" / "Backup removed ZZ"
"""
OWN = """sla "Own" {
  format 1
  version "1.0"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages ja, en
  title "自前" / "Own"
}

calendar business "営業時間" / "Business hours" {
  days mon..fri
  hours 09:00-18:00
}

event incident.waiting "返答待ち" / "Waiting on the customer"
event incident.customer_back "お客様から連絡" / "Customer back"

clock response "応答" / "Response" {
  starts at incident.responded, else incident.reported
}

priority P1 "緊急" / "Urgent" {
  respond within 4 business hours
  complete on incident.resolved, or 3 business days after incident.waiting without incident.customer_back
}
"""
OWN_EVENTS = (
    '{"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "T1", "priority": "P1"}\n'
    '{"event": "incident.responded", "at": "2026-11-02T11:00:00+09:00", "id": "T1"}\n'
    '{"event": "incident.waiting", "at": "2026-11-02T12:00:00+09:00", "id": "T1"}\n'
)


def _relabelled(extra: str = ALL) -> str:
    """Click So-ko's policy with ``extra`` before its first article."""
    text = CLICKSOKO.read_text("utf-8")
    at = text.index("\narticle")
    return text[:at] + "\n" + extra + text[at:]


def _file(tmp_path: Path, text: str, name: str = "p.sla") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _sla(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


# ---- 1. sla explain of a completion by silence -------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "11月18日(水) 17:44  「情報提供ZZ」の後、「顧客返信ZZ」がないまま10営業日が経過（完了）"),
        (
            "en",
            "Wed 18 Nov 17:44  10 business days passed after “Info given ZZ” without “Customer answered ZZ”"
            " (completed)",
        ),
    ],
)
def test_a_silence_on_relabelled_types_is_said_in_the_policys_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    policy = _file(tmp_path, _relabelled())
    out = _sla(capsys, "explain", policy, EVENTS, "INC-025", *MONTH, "--lang", lang)
    assert out.splitlines()[-1] == "  " + said, out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "11月5日(木) 12:00  「返答待ち」の後、「お客様から連絡」がないまま3営業日が経過（完了）"),
        (
            "en",
            "Thu 5 Nov 12:00  3 business days passed after “Waiting on the customer” without “Customer back”"
            " (completed)",
        ),
    ],
)
def test_a_silence_on_declared_types_is_said_by_the_rules_own_events(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    policy, log = _file(tmp_path, OWN), _file(tmp_path, OWN_EVENTS, "e.jsonl")
    out = _sla(capsys, "explain", policy, log, "T1", *MONTH, "--lang", lang)
    assert out.splitlines()[-1] == "  " + said, out


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "11月18日(水) 17:44  情報提供後、返答がないまま10営業日が経過（完了）"),
        ("en", "Wed 18 Nov 17:44  10 business days passed after information with no reply (completed)"),
    ],
)
def test_click_sokos_silence_keeps_the_slas_words(capsys: pytest.CaptureFixture[str], lang: str, said: str) -> None:
    out = _sla(capsys, "explain", CLICKSOKO, EVENTS, "INC-025", *MONTH, "--lang", lang)
    assert out.splitlines()[-1] == "  " + said, out


# ---- 2. the site page's `else` ----------------------------------------------------------------------


def _page(tmp_path: Path, text: str, lang: str) -> str:
    """The site page of policy ``text`` as words: its tags left out."""
    page = render_policy(sla_dsl.load_policy(_file(tmp_path, text)), PageContext(lang=lang, source_url=""))
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "応答目標時間の起算点：「お客様への一次回答」。それがない場合は障害の報告を受けた時点"),
        ("en", "The response clock starts at “First reply”; when there is none, at the receipt of the failure report."),
    ],
)
def test_a_clock_starting_at_another_event_says_no_judgement(tmp_path: Path, lang: str, said: str) -> None:
    text = OWN.replace(
        'event incident.waiting "',
        'event incident.responded "お客様への一次回答" / "First reply"\nevent incident.waiting "',
    )
    page = _page(tmp_path, text, lang)
    assert said in page, page
    assert "judgement" not in page and "判断" not in page


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ja", "応答目標時間の起算点：「製品疑いZZ」。それがない場合は「受付ZZ」"),
        ("en", "The response clock starts at “Product suspected ZZ”; when there is none, at “Ticket opened ZZ”."),
    ],
)
def test_a_relabelled_judgement_is_said_neutrally(tmp_path: Path, lang: str, said: str) -> None:
    assert said in _page(tmp_path, _relabelled(), lang)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "ja",
            "応答目標時間の起算点：問題の原因を製品による可能性があると判断した時点。その判断がない場合は障害の報告を受けた時点",
        ),
        (
            "en",
            "The response clock starts at the Company's judgement that the product may be the cause; when there is"
            " no such judgement, at the receipt of the failure report.",
        ),
    ],
)
def test_click_sokos_page_keeps_its_words(tmp_path: Path, lang: str, said: str) -> None:
    assert said in _page(tmp_path, CLICKSOKO.read_text("utf-8"), lang)


# ---- 5. a version that only relabels changes no target ------------------------------------------------


def _versions(tmp_path: Path) -> Path:
    """Click So-ko's policy, and from 15 November the same rules with its events relabelled."""
    folder = tmp_path / "versions"
    folder.mkdir()
    text = CLICKSOKO.read_text("utf-8")
    (folder / "a.sla").write_text(text, "utf-8")
    later = (
        _relabelled()
        .replace('version "2026.1"', 'version "2026.2"')
        .replace("effective 2026-04-01", "effective 2026-11-15")
    )
    assert later != _relabelled()
    (folder / "b.sla").write_text(later, "utf-8")
    return folder


@pytest.mark.parametrize(
    ("lang", "target", "changed"),
    [
        ("ja", "3営業時間以内（「障害把握ZZ」が営業時間内の場合）", "から"),
        ("en", "within 3 business hours (when “Outage detected ZZ” falls in business hours)", " from "),
    ],
)
def test_a_version_that_only_relabels_keeps_one_notice_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, target: str, changed: str
) -> None:
    out = _sla(capsys, "evaluate", _versions(tmp_path), EVENTS, *MONTH, "--lang", lang, "--no-trend", "--quiet")
    row = next(x for x in out.splitlines() if ("復旧情報通知時間" if lang == "ja" else "Recovery-information") in x)
    assert target in row, row
    assert row.count("3営業時間以内" if lang == "ja" else "within 3 business hours") == 1, row
    assert "11月15日" not in row and "15 Nov" not in row, row


# ---- 7. sla diff ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "added", "removed"),
    [
        (
            "ja",
            "+ 契約のイベント「障害の報告を受けた時点」を規定の名称で表示：「受付ZZ」",
            "- 契約のイベント「バックアップの削除」の規定の名称「バックアップ削除ZZ」を削除（契約の名称に戻ります）",
        ),
        (
            "en",
            '+ the contract\'s event "the receipt of the failure report" now called "Ticket opened ZZ"',
            '- the contract\'s event "a deleted backup" no longer called "Backup removed ZZ" (the contract\'s words'
            " again)",
        ),
    ],
)
def test_sla_diff_quotes_a_relabel_and_the_contracts_words_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, added: str, removed: str
) -> None:
    plain = _file(tmp_path, CLICKSOKO.read_text("utf-8"), "plain.sla")
    relabelled = _file(tmp_path, _relabelled().replace('version "', 'version "9.', 1), "relabelled.sla")
    assert added in _sla(capsys, "diff", plain, relabelled, "--lang", lang).splitlines()
    back = _file(tmp_path, CLICKSOKO.read_text("utf-8").replace('version "', 'version "10.', 1), "back.sla")
    assert removed in _sla(capsys, "diff", relabelled, back, "--lang", lang).splitlines()


def test_sla_diff_names_the_start_of_click_sokos_clock_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CLICKSOKO.read_text("utf-8")
    new = text.replace("starts at incident.product_suspected, else incident.reported", "starts at incident.reported")
    out = _sla(capsys, "diff", CLICKSOKO, _file(tmp_path, new), "--lang", "ja")
    assert (
        "~ 応答目標時間の起算点：問題の原因を製品による可能性があると判断した時点（なければ障害の報告を受けた時点）"
        in out
    )
    assert "起算点の起算点" not in out
