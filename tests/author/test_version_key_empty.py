"""``KEY:version=`` with no version after ``version=``, in a test file and to ``sla explain``.

``sla test`` took ``P1:respond:2026-11-01:version=`` for a key the report lacks ("expected in the report, but
it is not there; did you mean ..."), and ``sla explain`` said there was no row ``...:version=`` in the period:
neither said that no version was named. ``sla test`` now refuses the key where it is written (E162 at its
line and column), with the keys of the rows by version (the key alone when one row has it); ``sla explain``
says that a version must be named after ``version=``, with the ids of the key's rows by version.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from author.test_policytest_breach_credit_versions import EVENTS, V1, V3, _files

from sla_dsl.cli import main


def _test(tmp_path: Path, capsys: pytest.CaptureFixture[str], expect: str, lang: str) -> tuple[int, str]:
    files = _files(tmp_path, {"v1.sla": V1, "v3.sla": V3}, expect)
    capsys.readouterr()
    code = main(["test", "--lang", lang, *files])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "t.yaml:7:9: error: [E162] case `credits`: the key `P1:respond:2026-11-01:version=` of `breach_credits` "
            "names no version after `version=`\n"
            "  help: write the version whose credit line the row is after `version=`: "
            "`P1:respond:2026-11-01:version=2026.1`, `P1:respond:2026-11-01:version=2026.3`",
        ),
        (
            "ja",
            "t.yaml:7:9: error: [E162] ケース `credits`：`breach_credits` のキー `P1:respond:2026-11-01:version=` は "
            "`version=` の後に版を書いていません\n"
            "  ヒント: `version=` の後に、行のクレジットを定めた版を書いてください："
            "`P1:respond:2026-11-01:version=2026.1`、`P1:respond:2026-11-01:version=2026.3`",
        ),
    ],
)
def test_a_test_file_key_with_no_version_is_refused_where_it_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, said: str
) -> None:
    code, out = _test(tmp_path, capsys, '        "P1:respond:2026-11-01:version=": 8\n', lang)
    assert code == 1 and said in out, out


def test_a_key_of_one_row_with_no_version_says_to_write_it_without(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = _test(tmp_path, capsys, '        "P1:resolve@resolution:2026-10-01:version=": 0\n', "en")
    assert code == 1 and "[E162]" in out, out
    assert "help: one row has this key: write it without `:version=`: `P1:resolve@resolution:2026-10-01`" in out


def test_explain_says_a_version_must_be_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name, text in (("v1.sla", V1), ("v3.sla", V3)):
        (tmp_path / name).write_text(text, "utf-8")
    (tmp_path / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in EVENTS), "utf-8")
    args = [str(tmp_path / "v1.sla"), str(tmp_path / "v3.sla"), str(tmp_path / "events.jsonl")]
    period = ["--from", "2026-11-01", "--to", "2026-12-01", "--as-of", "2027-01-10T00:00:00+09:00"]
    said = {}
    for lang in ("en", "ja"):
        capsys.readouterr()
        assert main(["explain", *args, "P1:respond:2026-11-01:version=", *period, "--lang", lang]) == 1
        said[lang] = capsys.readouterr().err
    ids = "`P1:respond:2026-11-01:version=2026.1`, `P1:respond:2026-11-01:version=2026.3`"
    assert said["en"].startswith("sla: error: `P1:respond:2026-11-01:version=` names no version after `version=`")
    assert said["en"].rstrip().endswith(f": {ids})"), said["en"]
    assert "は `version=` の後に版を書いていません" in said["ja"]
    assert ids.replace(", ", "、") in said["ja"]
    capsys.readouterr()
    assert main(["explain", *args, "P1:respond:2026-10-01:version=", *period, "--lang", "en"]) == 1
    assert (
        "names no version after `version=`, and there is no row of credits per missed target `P1:respond:2026-10-01`"
        in capsys.readouterr().err
    )
