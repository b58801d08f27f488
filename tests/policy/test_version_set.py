"""``sla check`` checks the policies it is given as versions of one policy, as ``sla evaluate`` reads them.

QA's vers1: ``a.sla`` (version 2026.1, effective 2026-04-01) and ``b.sla`` (version 2026.2, effective
2026-01-01) passed ``sla check``, and November was judged under 2026.1: the version with the higher number
was never in force after March (W307). QA's vers2: two versions of one day passed ``sla check`` and were
refused by ``sla evaluate`` (E304 now, in the refusal's words, at the version's ``effective`` line). QA's
``sla check vers1``: a directory was E001 in English; it is now read as ``sla evaluate`` reads it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.errors import InputError
from sla_dsl.policy import load_policy
from sla_dsl.policy.load import check_versions, compile_versions, version_order

HEAD = '  version "2026.1"\n  effective 2026-04-01\n'
EFFECTIVE = line_of(CLICKSOKO, "  effective 2026-04-01")


def _version(folder: Path, name: str, version: str, effective: str, zone: str = "Asia/Tokyo") -> Path:
    text = edited(CLICKSOKO, (HEAD, f'  version "{version}"\n  effective {effective}\n'))
    if zone != "Asia/Tokyo":
        text = text.replace("timezone Asia/Tokyo ", f"timezone {zone} ", 1)
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def _check(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "check", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


@pytest.mark.parametrize(
    ("version", "order"),
    [("2026.1", (2026, 1)), ("2026.10", (2026, 10)), ("2026.0", (2026,)), ("3", (3,)), ("1.2.0", (1, 2))],
)
def test_a_numbered_version_has_an_order(version: str, order: tuple[int, ...]) -> None:
    assert version_order(version) == order


@pytest.mark.parametrize("version", ["spring", "2026a", "v2", "", "2026..1", "1" * 100])
def test_any_other_version_has_none(version: str) -> None:
    assert version_order(version) is None


def test_a_later_number_that_takes_effect_earlier_is_warned_of(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-01-01")
    first, second = compile_versions([str(a), str(b)])
    assert first.diagnostics == []
    (d,) = second.diagnostics
    assert (d.code, d.severity.value, d.span.line, d.span.column) == ("W307", "warning", EFFECTIVE, 3)
    assert d.message == (
        f"version 2026.2 takes effect on 2026-01-01, but `{a}` (version 2026.1), a lower version, takes effect "
        "later, on 2026-04-01: the version in force on a day is the last to take effect by then, so version 2026.2 "
        "is in force only until 2026-03-31"
    )
    assert d.text("ja") == (
        f"版 2026.2 の適用開始日は 2026年1月1日(木) ですが、番号の小さい`{a}`（版 2026.1）の適用開始日は"
        "それより後の 2026年4月1日(水) です。ある日に適用されるのはその日までに最後に適用が始まった版なので、"
        "版 2026.2 が適用されるのは 2026年3月31日(火) までです"
    )
    # the help says what to write: the new one's date after the other's, or the other's number above it
    assert d.help_text("en") == (
        "a later version takes a higher number and a later effective date: if version 2026.2 is the new one, "
        "write `effective 2026-04-02` or a later date; if version 2026.1 is, give it a `version` higher than 2026.2"
    )
    assert d.help_text("ja") == (
        "新しい版には、大きい番号と後の適用開始日を付けてください。版 2026.2 が新しい版なら `effective 2026-04-02` "
        "以降の日付を、版 2026.1 が新しい版ならその `version` を 2026.2 より大きい番号にしてください"
    )
    # in order, or with versions that have no order, nothing is said
    c = _version(tmp_path, "c.sla", "2026.2", "2026-10-01")
    assert [x.diagnostics for x in compile_versions([str(a), str(c)])] == [[], []]
    s = _version(tmp_path, "s.sla", "spring", "2026-01-01")
    assert [x.diagnostics for x in compile_versions([str(a), str(s)])] == [[], []]


def test_the_same_effective_date_is_refused_in_the_words_of_evaluate(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-04-01")
    _, second = compile_versions([str(a), str(b)])
    (d,) = second.errors
    assert (d.code, d.span.line, d.span.column) == ("E304", EFFECTIVE, 3)
    for lang, sep in (("en", ": "), ("ja", "：")):
        with pytest.raises(InputError) as refused:
            check_versions([load_policy(a), load_policy(b)], lang, [str(a), str(b)])
        # (at the `effective` line, with the code and the help, as the other refusals of versions)
        help_word = "help" if lang == "en" else "ヒント"
        assert str(refused.value) == f"{b}:{EFFECTIVE}:3{sep}[E304] {d.text(lang)}\n{help_word}: {d.help_text(lang)}"


def test_another_time_zone_is_refused_as_evaluate_refuses_it(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-10-01", zone="Asia/Seoul")
    _, second = compile_versions([str(a), str(b)])
    (d,) = second.errors
    assert (d.code, d.span.line) == ("E305", line_of(CLICKSOKO, "timezone Asia/Tokyo"))
    assert d.message == f"version 2026.2 is in time zone `Asia/Seoul`, not `Asia/Tokyo` as `{a}` (version 2026.1) is"
    with pytest.raises(InputError) as refused:
        check_versions([load_policy(a), load_policy(b)], "en", [str(a), str(b)])
    assert d.message in str(refused.value)


def test_a_policy_with_errors_is_not_compared(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-04-01")
    b.write_text(b.read_text("utf-8").replace("business hours\n", "busness hours\n", 1), "utf-8")
    assert [d.code for c in compile_versions([str(a), str(b)]) for d in c.diagnostics] == ["E207"]


def test_sla_check_of_the_two_files_warns(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-01-01")
    done = _check(a, b)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith(f"{b}:{EFFECTIVE}:3: warning: [W307] 版 2026.2 の適用開始日は")
    assert done.stderr.endswith("エラー0件、警告1件\n")


def test_sla_check_of_a_directory_checks_its_versions(tmp_path: Path) -> None:
    _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-04-01")
    done = _check(tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith(f"{b}:{EFFECTIVE}:3: error: [E304] 版 2026.2 の適用開始日 ")
    assert "E001" not in done.stderr and done.stderr.endswith("エラー1件、警告0件\n")
    (tmp_path / "b.sla").unlink()
    assert _check(tmp_path).returncode == 0


def test_a_directory_without_policies_is_refused_in_the_commands_language(tmp_path: Path) -> None:
    done = _check("--lang", "ja", tmp_path)
    assert (done.returncode, done.stderr) == (
        1,
        f"sla: エラー: {tmp_path}：ディレクトリにポリシーファイル（`.sla`）がありません\n",
    )
    done = _check(tmp_path)
    assert (done.returncode, done.stderr) == (1, f"sla: error: {tmp_path}: directory holds no .sla policy file\n")


def test_one_effective_date_says_the_effective_line_to_write_at_the_new_version(tmp_path: Path) -> None:
    # QA: a new version given the old one's date was told to change "the effective date", not to what
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2027.1", "2026-04-01")
    (d,) = compile_versions([str(a), str(b)])[1].errors
    assert d.help_text("en").endswith(
        "if version 2027.1 is the new one, write `effective 2026-04-02` or a later date, or leave one of them out"
    )
    assert "`effective 2026-04-02` 以降の日付を書くか" in d.help_text("ja")
    # versions without an order (not numbers): at the later one in the list, with the rule alone
    spring = _version(tmp_path, "c.sla", "spring", "2026-04-01")
    (d,) = compile_versions([str(a), str(spring)])[1].errors
    assert d.help_text("en").endswith("give this version another effective date, or leave one of them out")


def test_one_effective_date_says_the_line_to_write_whichever_order_the_files_come_in(tmp_path: Path) -> None:
    # QA: the new version given first (`sla check new.sla old.sla`) landed on the older one, with the rule alone
    old = _version(tmp_path, "old.sla", "2026.1", "2026-04-01")
    new = _version(tmp_path, "new.sla", "2027.1", "2026-04-01")
    at_new, at_old = compile_versions([str(new), str(old)])
    assert at_old.errors == []
    (d,) = at_new.errors
    assert (d.code, d.span.line) == ("E304", EFFECTIVE)
    assert d.text("ja").endswith(f"は、`{old}`（版 2026.1）と同じ日です")
    assert d.help_text("ja").endswith(
        "版 2027.1 が新しい版なら、`effective 2026-04-02` 以降の日付を書くか、どちらかの版を外してください"
    )
    # the commands that judge refuse it there too
    for order in ([new, old], [old, new]):
        with pytest.raises(InputError) as caught:
            check_versions([load_policy(p) for p in order])
        assert str(caught.value).startswith(f"{new}:{EFFECTIVE}:3：[E304] 版 2027.1 の")
        assert "`effective 2026-04-02` 以降の日付を書くか" in str(caught.value)
