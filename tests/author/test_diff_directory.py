"""``sla diff`` given a directory where a policy file goes says what it compares, and which file is which version.

Before, ``sla diff versions/ new.sla`` said ``versions: error: [E001] this is a directory, not a policy file`` and
nothing more: no hint that ``sla diff`` compares two policy files, nor which of the directory's files holds which
version. Now the refusal has a help naming each ``*.sla`` file's ``version`` and ``effective`` (the earliest first)
and the command with the file of the directory's latest version in its place. Said in the language the command
speaks with no policy read: ``--lang``, else the locale (Japanese for ``ja_JP.UTF-8``, English for the C locale).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sla_dsl.cli import main

POLICY = """\
sla "M" {{
  format 1
  version "{version}"
  effective {effective}
  timezone Asia/Tokyo
  languages ja, en
}}
calendar always "24時間" / "24 hours" {{
  days mon..sun
  hours 00:00-24:00
}}
clock response {{
  starts at incident.reported
}}
priority P1 "緊急" / "Urgent" {{
  respond within {hours} always hours
}}
"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    versions = Path("versions")
    versions.mkdir()
    (versions / "m-2026.2.sla").write_text(POLICY.format(version="2026.2", effective="2026-10-01", hours=2), "utf-8")
    (versions / "m-2026.1.sla").write_text(POLICY.format(version="2026.1", effective="2026-04-01", hours=4), "utf-8")
    Path("new.sla").write_text(POLICY.format(version="2027.1", effective="2027-04-01", hours=1), "utf-8")
    return versions


def _diff(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["diff", *argv])
    captured = capsys.readouterr()
    assert captured.out == ""
    return code, captured.err.splitlines()


JA_HELP = (
    "  ヒント: `sla diff` は二つのポリシーファイル、前の版と後の版を比べます。ディレクトリではなく、"
    "その中の版のファイルを指定してください：`versions/m-2026.1.sla` は版 2026.1（2026年4月1日(水) から適用）、"
    "`versions/m-2026.2.sla` は版 2026.2（2026年10月1日(木) から適用）。たとえば `{command}` と書きます"
)
EN_HELP = (
    "  help: `sla diff` compares two policy files, an earlier version and a later one. Give a version's file, not the "
    "directory: versions/m-2026.1.sla (version 2026.1, effective 2026-04-01), versions/m-2026.2.sla (version 2026.2, "
    "effective 2026-10-01); for example `{command}`"
)


def test_a_directory_as_old_names_its_versions_and_the_command_in_japanese(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    code, err = _diff([str(folder), "new.sla"], capsys)
    assert code == 1
    assert err == [
        "versions: error: [E001] これはディレクトリです。ポリシーファイルではありません",
        JA_HELP.format(command="sla diff versions/m-2026.2.sla new.sla"),
    ]


def test_the_c_locale_says_it_in_english_and_lang_overrides_the_locale(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C")
    code, err = _diff([str(folder), "new.sla"], capsys)
    assert code == 1
    assert err == [
        "versions: error: [E001] this is a directory, not a policy file",
        EN_HELP.format(command="sla diff versions/m-2026.2.sla new.sla"),
    ]
    code, err = _diff(["--lang", "ja", str(folder), "new.sla"], capsys)
    assert code == 1 and err[1] == JA_HELP.format(command="sla diff versions/m-2026.2.sla new.sla")


def test_a_directory_as_new_beside_one_of_its_files_suggests_the_other(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    code, err = _diff([str(folder / "m-2026.2.sla"), str(folder)], capsys)
    assert code == 1
    assert err[1] == EN_HELP.format(command="sla diff versions/m-2026.2.sla versions/m-2026.1.sla")
    code, err = _diff([str(folder), str(folder)], capsys)  # (no file beside it: its two latest)
    assert err[1] == EN_HELP.format(command="sla diff versions/m-2026.1.sla versions/m-2026.2.sla")


def test_a_directory_without_versions_says_what_diff_compares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    Path("empty").mkdir()
    Path("new.sla").write_text(POLICY.format(version="1", effective="2026-04-01", hours=1), "utf-8")
    code, err = _diff(["empty", "new.sla"], capsys)
    assert code == 1
    assert err == [
        "empty: error: [E001] これはディレクトリです。ポリシーファイルではありません",
        "  ヒント: `sla diff` は二つのポリシーファイル、前の版と後の版を比べます。ディレクトリではなく、版のファイルを"
        "指定してください",
    ]
