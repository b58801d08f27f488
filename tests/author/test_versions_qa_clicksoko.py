"""A contract manager's QA pass on changing the Click So-ko policy under Article 5 with versions.

* Two versions of one effective date are refused by every command (``sla evaluate``, ``sla replay``,
  ``sla deadline`` on a directory) at the later one's ``effective`` line, with the code and the help, as
  ``sla check`` says it (E304), not as a bare sentence without a place.
* ``sla diff OLD NEW`` shows the differences of any two files, but warns, at NEW's line, of a pair the other
  commands would not take as a change from OLD to NEW: NEW before OLD (W308), one effective date (E304),
  another time zone (E305), another name (E307); its change notice does not announce a change from a date
  on or before OLD's, and says that NEW does not follow OLD.
* ``sla replay`` writes its period and its per-period lines as the reports write them, and a maintenance
  window's hours as the site does (``22:00〜24:00``).
* The English notice and version history start a line with a capital, and say in English that only the
  Japanese wording of a text changed.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from sla_dsl.authoring.diff_changes import diff_models
from sla_dsl.authoring.semdiff import render_markdown
from sla_dsl.cli import main
from sla_dsl.docs import history
from sla_dsl.lang import model as m
from sla_dsl.policy.load import compile_path

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EVENTS = ROOT / "examples" / "events-2026-11.jsonl"
TEXT = POLICY.read_text("utf-8")
LINES = TEXT.splitlines()
EFFECTIVE = next(n for n, s in enumerate(LINES, 1) if s.strip().startswith("effective "))
TIMEZONE = next(n for n, s in enumerate(LINES, 1) if s.strip().startswith("timezone "))
NAME = next(n for n, s in enumerate(LINES, 1) if s.startswith('sla "'))
PERIOD = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _version(folder: Path, name: str, *edits: tuple[str, str]) -> Path:
    """The Click So-ko policy as version 2026.2, with ``edits`` (each found once)."""
    text = TEXT.replace('version "2026.1"', 'version "2026.2"')
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def _first(folder: Path) -> Path:
    path = folder / "a.sla"
    path.write_text(TEXT, "utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---- 1. one effective date, refused with its place, code and help by every command ------------------------


def test_one_effective_date_is_refused_at_the_effective_line_by_every_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "versions"
    folder.mkdir()
    a, b = _first(folder), _version(folder, "b.sla")
    ja = (
        f"sla: エラー: {b}:{EFFECTIVE}:3：[E304] 版 2026.2 の適用開始日 2026年4月1日(水) は、`{a}`（版 2026.1）"
        "と同じ日です\nヒント: その日から適用される版がファイルの順で決まってしまいます。"
        "版 2026.2 が新しい版なら、`effective 2026-04-02` 以降の日付を書くか、どちらかの版を外してください\n"
    )
    commands = [
        ["evaluate", str(a), str(b), str(EVENTS), *PERIOD],
        ["evaluate", str(folder), str(EVENTS), *PERIOD],
        ["replay", str(folder), str(a), str(EVENTS), *PERIOD],
        ["deadline", str(folder), "--priority", "P1", "--from", "2026-11-27T16:00:00+09:00"],
    ]
    for argv in commands:
        assert _run(capsys, *argv) == (1, "", ja), argv
    en = _run(capsys, *commands[0], "--lang", "en")
    assert en == (
        1,
        "",
        f"sla: error: {b}:{EFFECTIVE}:3: [E304] version 2026.2 takes effect on 2026-04-01, the same day as `{a}` "
        "(version 2026.1)\nhelp: which version is in force from that day would depend on the order of the files: "
        "if version 2026.2 is the new one, write `effective 2026-04-02` or a later date, or leave one of them out\n",
    )
    # the place is the one `sla check` gives, with the same code
    _, _, checked = _run(capsys, "check", str(folder), "--lang", "en")
    assert checked.startswith(f"{b}:{EFFECTIVE}:3: error: [E304] version 2026.2 takes effect on 2026-04-01")


def test_the_other_refusals_of_versions_carry_their_code_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _first(tmp_path)
    seoul = _version(
        tmp_path,
        "seoul.sla",
        ("effective 2026-04-01", "effective 2026-12-01"),
        ("timezone Asia/Tokyo", "timezone Asia/Seoul"),
    )
    code, _, err = _run(capsys, "evaluate", str(a), str(seoul), str(EVENTS), *PERIOD)
    assert code == 1
    assert err.startswith(f"sla: エラー: {seoul}:{TIMEZONE}:3：[E305] 版 2026.2 のタイムゾーン `Asia/Seoul` は、")


# ---- 2. sla diff of two files that are no change from OLD to NEW ---------------------------------------------


def test_diff_warns_of_a_new_version_before_the_old_one_and_its_notice_announces_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _first(tmp_path)
    back = _version(tmp_path, "back.sla", ("effective 2026-04-01", "effective 2026-01-01"))
    code, out, err = _run(capsys, "diff", str(a), str(back), "--format", "markdown")
    assert code == 0
    assert err.startswith(
        f"{back}:{EFFECTIVE}:3: warning: [W308] 版 2026.2 の適用開始日 2026年1月1日(木) は、`{a}`（版 2026.1）の"
        "適用開始日 2026年4月1日(水) より前です。この版は、その版に続く版ではありません\n"
        f"{EFFECTIVE} |   effective 2026-01-01\n"
    )
    assert "  ヒント: 変更のお知らせは、新しい版を前の版に続く変更として告知します。" in err
    # the notice still lists the differences, but announces no change from a past date
    assert "より以下のとおり変更いたします" not in out and "」変更のお知らせ" not in out
    assert out.startswith("# 「Click So-ko における Service Level Agreement（SLA）」二つの版の違い\n")
    assert (
        "これは変更のお知らせではありません。2026.2版の適用開始日（2026年1月1日(木)）は2026.1版の適用開始日"
        "（2026年4月1日(水)）より後ではなく、2026.2版は2026.1版に続く版ではありません。以下は二つの版の違いです。"
    ) in out
    assert "- 規定の適用開始日：2026年4月1日(水) → 2026年1月1日(木)" in out
    code, out, err = _run(capsys, "diff", str(a), str(back), "--format", "markdown", "--lang", "en")
    assert err.startswith(
        f"{back}:{EFFECTIVE}:3: warning: [W308] version 2026.2 takes effect on 2026-01-01, before `{a}` (version "
        "2026.1), which takes effect on 2026-04-01: it does not follow it\n"
    )
    assert "with effect from" not in out and "This is not a change notice" in out
    # text and JSON: the differences as ever, the warning on stderr; the JSON says the pair does not follow
    code, out, err = _run(capsys, "diff", str(a), str(back), "--format", "json")
    assert code == 0 and "[W308]" in err
    doc = json.loads(out)
    assert doc["follows"] is False and doc["equal"] is False
    code, out, err = _run(capsys, "diff", str(a), str(back))
    assert "~ 規定の適用開始日：2026年4月1日 → 2026年1月1日" in out and "[W308]" in err


@pytest.mark.parametrize(
    ("code", "edits", "line", "column"),
    [
        ("E304", (), EFFECTIVE, 3),
        (
            "E305",
            (("effective 2026-04-01", "effective 2026-12-01"), ("timezone Asia/Tokyo", "timezone Asia/Seoul")),
            TIMEZONE,
            3,
        ),
        (
            "E307",
            (("effective 2026-04-01", "effective 2026-12-01"), ('sla "Click So-ko"', 'sla "Click So-ko 2"')),
            NAME,
            1,
        ),
    ],
)
def test_diff_warns_of_a_pair_that_would_be_refused_as_versions(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    code: str,
    edits: tuple[tuple[str, str], ...],
    line: int,
    column: int,
) -> None:
    a = _first(tmp_path)
    new = _version(tmp_path, "new.sla", *edits)
    status, out, err = _run(capsys, "diff", str(a), str(new), "--lang", "en")
    assert status == 0 and "~ policy version: 2026.1 -> 2026.2" in out  # (the differences, as ever)
    assert err.startswith(f"{new}:{line}:{column}: warning: [{code}] version 2026.2 ")
    assert "\n  help: " in err
    assert err.endswith(
        "sla: note: these two files would be refused as versions of one policy, for the reasons above; their "
        "differences are shown all the same\n"
    )
    _, _, ja = _run(capsys, "diff", str(a), str(new))
    assert f": warning: [{code}] 版 2026.2 " in ja
    assert ja.endswith(
        "sla: 注記: この二つのファイルは、上の理由により一つのポリシーの版としては受け付けられません。"
        "違いはそのまま示します\n"
    )


def test_a_same_day_notice_announces_no_change(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _first(tmp_path)
    same = _version(tmp_path, "same.sla", ("notice 1 week before", "notice 2 weeks before"))
    _, out, _ = _run(capsys, "diff", str(a), str(same), "--format", "markdown")
    assert "より以下のとおり変更いたします" not in out and "これは変更のお知らせではありません。" in out
    assert "- 計画停止の事前通知：1週間 → 2週間" in out


def test_diff_of_a_following_version_says_nothing_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = _first(tmp_path)
    later = _version(tmp_path, "later.sla", ("effective 2026-04-01", "effective 2026-12-01"))
    code, out, err = _run(capsys, "diff", str(a), str(later), "--format", "markdown")
    assert (code, err) == (0, "")
    assert (
        "MIC株式会社は、「Click So-ko における Service Level Agreement（SLA）」を2026年12月1日(火)より"
        "以下のとおり" in out
    )
    _, out, _ = _run(capsys, "diff", str(a), str(later), "--format", "json")
    assert json.loads(out)["follows"] is True


# ---- 3. sla replay's dates and windows ---------------------------------------------------------------------


def test_replay_writes_its_period_and_windows_as_the_reports_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _first(tmp_path)
    moved = _version(
        tmp_path,
        "moved.sla",
        ("effective 2026-04-01", "effective 2026-10-01"),
        ("every month on 4th thu, 22:00-24:00", "every month on 3rd wed, 22:00-24:00"),
    )
    _, out, _ = _run(capsys, "replay", str(a), str(moved), str(EVENTS), *PERIOD)
    lines = out.splitlines()
    assert lines[0] == (
        "再判定 Click So-ko 2026.1 → 2026.2：2026年11月1日(日) 00:00 〜 2026年12月1日(火) 00:00"
        "（2026年12月1日(火) 00:00 時点）"
    )
    assert "  移動 2026年11月26日(木) 22:00〜24:00 → 2026年11月18日(水) 22:00〜24:00" in lines
    assert any(
        x.startswith(
            "  デジタルコンテンツ管理サービス、11月1日(日) 00:00 〜 12月1日(火) 00:00（月次）、"
            "稼働率の測定値（目標なし）："
        )
        for x in lines
    ), out
    assert "T00:00:00+09:00" not in out and "-00:00" not in out and "2026-11-01" not in out
    _, out, _ = _run(capsys, "replay", str(a), str(moved), str(EVENTS), *PERIOD, "--lang", "en")
    lines = out.splitlines()
    assert lines[0] == (
        "replay Click So-ko 2026.1 -> 2026.2: Sun 1 Nov 2026 00:00 to Tue 1 Dec 2026 00:00 (as of Tue 1 Dec 2026 00:00)"
    )
    assert "  moved Thu 26 Nov 2026 22:00–24:00 -> Wed 18 Nov 2026 22:00–24:00" in lines
    assert "T00:00:00+09:00" not in out


# ---- 4. the English notice and version history -------------------------------------------------------------


def _models(tmp_path: Path) -> tuple[m.PolicyModel, m.PolicyModel]:
    a = _first(tmp_path)
    new = _version(
        tmp_path,
        "new.sla",
        ("effective 2026-04-01", "effective 2026-12-01"),
        ("notice 1 week before", "notice 2 weeks before"),
        ('"当社は、本書の内容を変更する場合があります。"', '"当社は、本書の内容を変更することがあります。"'),
    )
    old_model, new_model = compile_path(str(a)).model, compile_path(str(new)).model
    assert old_model is not None and new_model is not None
    return old_model, new_model


def test_the_english_notice_capitalises_each_line_and_says_a_japanese_only_change(tmp_path: Path) -> None:
    old, new = _models(tmp_path)
    notice = render_markdown(old, new, diff_models(old, new), "en")
    assert "- Policy version: 2026.1 -> 2026.2" in notice
    assert "- Planned stops notice: 1 week -> 2 weeks" in notice
    assert (
        '- Article 5 text: Japanese wording changed (English unchanged: "The Company may change the contents of '
        'this document.")'
    ) in notice
    assert "「" not in notice.split("## General")[1]  # (no Japanese text in the English changes)
    # the Japanese notice shows the Japanese texts, as before
    ja = render_markdown(old, new, diff_models(old, new), "ja")
    assert (
        "- 第5条の本文：「当社は、本書の内容を変更する場合があります。」 → "
        "「当社は、本書の内容を変更することがあります。」" in ja
    )


def test_the_english_version_history_capitalises_each_line(tmp_path: Path) -> None:
    old, new = _models(tmp_path)
    lines = [html.unescape(c.describe("en")) for c in history.diff(old, new)]
    assert "Planned stops notice: 1 week -> 2 weeks" in lines
    assert (
        'Article 5 text: Japanese wording changed (English unchanged: "The Company may change the contents of '
        'this document.")' in lines
    )


def test_a_line_that_starts_with_the_policy_text_keeps_it(tmp_path: Path) -> None:
    """A priority's id (or a label) the policy writes in lower case is not capitalised."""
    a = _first(tmp_path)
    new = _version(
        tmp_path,
        "new.sla",
        ("effective 2026-04-01", "effective 2026-12-01"),
        ("respond within 4 business hours", "respond within 2 business hours"),
    )
    for path in (a, new):  # (the item that lists P1 lists `urgent`)
        path.write_text(re.sub(r"\bpriority P1\b", "priority urgent", path.read_text("utf-8")), "utf-8")
    old_c, new_c = compile_path(str(a)), compile_path(str(new))
    assert not old_c.errors and not new_c.errors, [d.header() for d in [*old_c.errors, *new_c.errors]]
    old_model, new_model = old_c.model, new_c.model
    assert old_model is not None and new_model is not None
    notice = render_markdown(old_model, new_model, diff_models(old_model, new_model), "en")
    assert "- urgent Priority 1 response target: within 4 business hours -> within 2 business hours" in notice
