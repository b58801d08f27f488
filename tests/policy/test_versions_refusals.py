"""Versions that cannot be judged together, and the files a list of versions names (Article 5).

QA's t14: two files of one ``version`` ("2026.1", effective 2026-04-01 and 2026-11-16) passed ``sla check
DIR`` and ``sla evaluate``, whose report then printed the earlier version's words for the later one's due
times, and whose JSON ``policy_version`` could not tell them apart: now E306 at the later file's ``version``
line, and the evaluation's refusal. QA's t8: a file of ``sla "Other Product"`` among the versions was
accepted silently: now E307 at its ``sla`` line (the language has no renaming across versions). A macOS
``._a-2026.1.sla`` beside the versions made ``sla evaluate DIR`` fail with E001 (a NUL byte): hidden files
of a directory are not read. A file given twice (as a file and in its directory) was refused as taking
effect on the same day as itself: it is read once.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from policy_edits import CLICKSOKO, edited, line_of

from sla_dsl.errors import InputError
from sla_dsl.evaluation.common import Versions
from sla_dsl.lang.model import NO_SPAN
from sla_dsl.policy import load_policy
from sla_dsl.policy.load import (
    check_versions,
    compile_text,
    compile_versions,
    load_policies,
    policy_files,
    statement_span,
)

HEAD = '  version "2026.1"\n  effective 2026-04-01\n'
VERSION = line_of(CLICKSOKO, '  version "2026.1"')
NAME = line_of(CLICKSOKO, 'sla "Click So-ko" {')


def _version(
    folder: Path, name: str, version: str, effective: str, policy: str = "Click So-ko", target: str = ""
) -> Path:
    text = edited(CLICKSOKO, (HEAD, f'  version "{version}"\n  effective {effective}\n'))
    if policy != "Click So-ko":
        text = edited(text, ('sla "Click So-ko" {', f'sla "{policy}" {{'))
    if target:
        text = edited(text, ("respond within 4 business hours", target))
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def _sla(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def _english_words(text: str) -> set[str]:
    """Latin words outside backticks (as tests/policy/test_japanese_diagnostics.py looks for them)."""
    return set(re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", text)))


# -- one `version` for two files (E306) ----------------------------------------------------------------


def test_two_versions_of_one_version_are_e306_at_the_later_files_version_line(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.1", "2026-11-16")
    for given in ([a, b], [b, a]):  # (the later by date, whatever the order of the list)
        found = compile_versions([str(p) for p in given])
        by_file = {c.file: c.diagnostics for c in found}
        assert by_file[str(a)] == []
        (d,) = by_file[str(b)]
        assert (d.code, d.severity.value, d.span.line, d.span.column) == ("E306", "error", VERSION, 3)
        assert d.span.end_column == 3 + len('version "2026.1"')
        assert d.message == (
            f"version 2026.1 (effective 2026-11-16) is also the version of `{a}`, which takes effect on 2026-04-01"
        )
        assert d.help is not None and "raise the later version's `version`" in d.help
        assert d.text("ja") == (
            f"版 2026.1（適用開始日 2026年11月16日(月)）は、`{a}`（適用開始日 2026年4月1日(水)）と同じ版です"
        )


def test_the_evaluation_refuses_two_versions_of_one_version(tmp_path: Path) -> None:
    a = load_policy(_version(tmp_path, "a.sla", "2026.1", "2026-04-01"))
    b = load_policy(_version(tmp_path, "b.sla", "2026.1", "2026-11-16", target="respond within 2 business hours"))
    with pytest.raises(InputError) as caught:
        check_versions([a, b], "en")
    assert str(caught.value) == (
        f"{b.path}:{VERSION}:3: [E306] version 2026.1 (effective 2026-11-16) is also the version of `{a.path}`, which "
        'takes effect on 2026-04-01\nhelp: raise the later version\'s `version` (`version "2026.2"`): a report '
        "and the JSON's "
        "`policy_version` name the version that judged each item by its number, and cannot tell two of one "
        "number apart"
    )
    with pytest.raises(InputError, match="同じ版です"):  # in the policy's primary language without `lang`
        Versions([b, a])  # (the API's, replay's and the Dask/Spark entries' versions)


def test_a_refusal_names_the_line_of_the_text_compiled_not_of_the_file_saved_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file saved between its compile and the refusal (an author editing while ``sla serve`` reloads): the
    refusal named the line its ``version`` or ``effective`` statement stood at in the file read again, another
    line of the text compiled (a comment, or the end of the file), or the file alone once it was removed."""
    import sla_dsl.policy.load as load

    compiled = load.load_policy

    def saved_after_compile(path: str | Path) -> object:
        policy = compiled(path)
        text = Path(path).read_text("utf-8")  # (saved again with three lines more above the header)
        Path(path).write_text("# one\n# two\n# three\n" + text, "utf-8")
        return policy

    monkeypatch.setattr(load, "load_policy", saved_after_compile)
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.1", "2026-11-16")
    with pytest.raises(InputError) as caught:
        load_policies([str(a), str(b)], "en")
    assert str(caught.value).startswith(f"{b}:{VERSION}:3: [E306] version 2026.1 (effective 2026-11-16)")
    # the line named is the compiled text's `version` line (the file now holds it three lines below)
    assert CLICKSOKO.split("\n")[VERSION - 1] == '  version "2026.1"'
    assert b.read_text("utf-8").split("\n")[VERSION + 2] == '  version "2026.1"'
    monkeypatch.undo()

    effective = line_of(CLICKSOKO, "  effective 2026-04-01")
    first = load_policy(_version(tmp_path, "c.sla", "2026.3", "2026-12-01"))
    same_day = load_policy(_version(tmp_path, "d.sla", "2026.4", "2026-12-01"))
    assert same_day.path is not None
    Path(same_day.path).unlink()  # (removed since: it is still located in the text compiled)
    with pytest.raises(InputError) as caught:
        check_versions([first, same_day], "en")
    assert str(caught.value).startswith(
        f"{same_day.path}:{effective}:3: [E304] version 2026.4 takes effect on 2026-12-01"
    )

    # `sla check` and the language server (:func:`compare_versions`) locate it in, and quote, the text compiled
    e = _version(tmp_path, "e.sla", "2026.5", "2027-01-01")
    f = _version(tmp_path, "f.sla", "2026.5", "2027-02-01")
    found = compile_versions([str(e), str(f)])
    f.write_text("# one\n# two\n# three\n" + f.read_text("utf-8"), "utf-8")
    (d,) = found[1].diagnostics
    rendered = d.render(found[1].source, lang="en")
    assert rendered.startswith(f"{f}:{VERSION}:3: error: [E306]")
    assert f'{VERSION} |   version "2026.5"' in rendered


def test_sla_check_and_sla_evaluate_of_the_directory(tmp_path: Path) -> None:
    _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.1", "2026-11-16")
    check = _sla("check", tmp_path, "--lang", "en")
    assert check.returncode == 1
    assert check.stderr.startswith(f"{b}:{VERSION}:3: error: [E306] version 2026.1 (effective 2026-11-16)")
    events = tmp_path / "events.jsonl"
    events.write_text(
        '{"event": "incident.reported", "at": "2026-11-16T10:00:00+09:00", "id": "A", "priority": "P1"}\n'
    )
    res = _sla("evaluate", tmp_path, events, "--from", "2026-11-01", "--to", "2026-12-01")
    assert (res.returncode, res.stdout) == (1, "")
    assert res.stderr.startswith(f"sla: エラー: {b}:{VERSION}:3：[E306] 版 2026.1（適用開始日 2026年11月16日(月)）は、")
    assert "ヒント: 後の版の `version` を上げてください" in res.stderr and "Traceback" not in res.stderr


def test_e306_at_the_latest_version_gives_the_line_to_write(tmp_path: Path) -> None:
    # QA: an author who copied 2026.1 to make next month's version and kept its `version "2026.1"` was told
    # to raise it, not to what: the help gives a number after every version given
    a = _version(tmp_path, "a.sla", "2026.9", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.10", "2026-07-01")
    c = _version(tmp_path, "c.sla", "2026.9", "2027-01-01")
    found = {x.file: x.diagnostics for x in compile_versions([str(a), str(b), str(c)])}
    (d,) = found[str(c)]
    assert d.code == "E306" and d.help_text("en").startswith(
        'raise the later version\'s `version` (`version "2026.11"`): '
    )
    assert d.help_text("ja").startswith('後の版の `version` を上げてください（`version "2026.11"`）。')
    with pytest.raises(InputError, match=re.escape('`version "2026.11"`')):
        check_versions([load_policy(p) for p in (a, b, c)], "en")
    # a version between others (2026.9 again in May, before 2026.10): no one number to give
    m = _version(tmp_path, "c.sla", "2026.9", "2026-05-01")
    found = {x.file: x.diagnostics for x in compile_versions([str(a), str(b), str(m)])}
    (d,) = found[str(m)]
    assert d.code == "E306" and d.help_text("en").startswith("raise the later version's `version`: ")
    # versions that are no numbers: the rule alone
    s1 = _version(tmp_path, "s1.sla", "spring", "2026-04-01")
    s2 = _version(tmp_path, "s2.sla", "spring", "2026-10-01")
    found = {x.file: x.diagnostics for x in compile_versions([str(s1), str(s2)])}
    assert found[str(s2)][0].help_text("en").startswith("raise the later version's `version`: ")


def test_versions_of_other_numbers_are_not_refused(tmp_path: Path) -> None:
    a = load_policy(_version(tmp_path, "a.sla", "2026.1", "2026-04-01"))
    b = load_policy(_version(tmp_path, "b.sla", "2026.1.0", "2026-11-16"))  # (another text: two versions)
    check_versions([a, b])
    assert [c.diagnostics for c in compile_versions([str(a.path), str(b.path)])] == [[], []]


# -- another policy among the versions (E307) ----------------------------------------------------------


def test_a_version_of_another_name_is_e307_naming_both(tmp_path: Path) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    other = _version(tmp_path, "other.sla", "2026.5", "2026-11-20", policy="Other Product")
    first, second = compile_versions([str(a), str(other)])
    assert first.diagnostics == []
    (d,) = second.diagnostics
    assert (d.code, d.span.line, d.span.column, d.span.end_line) == ("E307", NAME, 1, NAME)
    assert (
        d.message == f"version 2026.5 is of the policy `Other Product`, not `Click So-ko` as `{a}` (version 2026.1) is"
    )
    assert d.help == (
        'the versions of one policy share its name (`sla "Click So-ko"`): correct the name, or give another '
        "policy to a command of its own"
    )
    assert (
        d.text("ja")
        == f"版 2026.5 はポリシー `Other Product` のもので、`{a}`（版 2026.1）の `Click So-ko` と異なります"
    )
    with pytest.raises(InputError) as caught:
        load_policies([str(a), str(other)], "en")
    assert str(caught.value).startswith(
        f"{other}:{NAME}:1: [E307] version 2026.5 is of the policy `Other Product`, not `Click So-ko` as `{a}` "
        "(version 2026.1) is\nhelp: the versions of one policy share its name"
    )


def test_the_japanese_of_the_new_codes_has_no_english_words(tmp_path: Path) -> None:
    a = _version(tmp_path, "版1.sla", "2026.1", "2026-04-01")
    same = _version(tmp_path, "版2.sla", "2026.1", "2026-11-16")
    other = _version(tmp_path, "版3.sla", "2026.3", "2026-12-01", policy="別")
    seen = set()
    for c in compile_versions([str(a), str(same), str(other)]):
        for d in c.diagnostics:
            seen.add(d.code)
            ja = f"{d.text('ja')}\n{d.help_text('ja')}"
            for path in (a, same, other):  # (the files' names: a path is written as it is)
                ja = ja.replace(str(path), "")
            assert not _english_words(ja), ja
            assert d.text("en") == d.message and d.help_text("en") == d.help
    assert seen == {"E306", "E307"}


def test_the_version_statement_is_found_outside_texts_and_comments() -> None:
    text = (
        'sla "version \\"x\\"" {  # version "no"\n'
        '  title "a version "  / "b"  format 1\n'
        '  effective 2026-04-01  version "3"\n'
        "  timezone Asia/Tokyo\n}\n"
    )
    model = compile_text(text, "t.sla").model
    assert model is not None and model.header.version == "3"
    span = statement_span(text, model.header, "version")
    assert span is not None and (span.line, span.column, span.end_column) == (3, 25, 36)
    name = statement_span(text, model.header, "sla")
    assert name is not None and (name.line, name.column) == (1, 1)
    assert statement_span(text, model.header.model_copy(update={"span": NO_SPAN}), "version") is None
    # the compile keeps where the statements stand (what a refusal of versions names)
    assert model.header.version_span == span
    assert (model.header.effective_span.line, model.header.effective_span.column) == (3, 3)


# -- hidden files, and a file given twice -----------------------------------------------------------------


def test_hidden_files_of_a_directory_are_not_read(tmp_path: Path) -> None:
    a = _version(tmp_path, "a-2026.1.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b-2026.2.sla", "2026.2", "2026-11-16")
    (tmp_path / "._a-2026.1.sla").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")  # AppleDouble
    (tmp_path / ".draft.sla").write_text("not a policy", "utf-8")
    assert policy_files([str(tmp_path)]) == [a, b]
    assert [p.version for p in load_policies([str(tmp_path)])] == ["2026.1", "2026.2"]
    assert _sla("check", tmp_path).returncode == 0
    hidden_only = tmp_path / "hidden"
    hidden_only.mkdir()
    (hidden_only / "._a.sla").write_bytes(b"\x00")
    with pytest.raises(InputError, match=r"directory holds no \.sla policy file"):
        policy_files([str(hidden_only)])
    # a hidden file named on its own is read: only a directory's are passed over
    assert policy_files([str(tmp_path / ".draft.sla")]) == [tmp_path / ".draft.sla"]


def test_a_file_given_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-11-16")
    monkeypatch.chdir(tmp_path)
    for given in ([str(tmp_path), str(a)], [str(a), "a.sla", "./a.sla", str(b)], [str(tmp_path), str(tmp_path)]):
        assert [p.version for p in load_policies(given)] == ["2026.1", "2026.2"], given
        assert [c.diagnostics for c in compile_versions(given)] == [[], []], given
    link = tmp_path / "link"
    link.mkdir()
    (link / "a.sla").symlink_to(a)
    assert policy_files([str(a), str(link / "a.sla")]) == [a]
    res = _sla("check", tmp_path, a)
    assert (res.returncode, res.stderr) == (0, "")


def test_the_effective_dates_are_unchanged_by_reading_once(tmp_path: Path) -> None:
    # (the refusal of two versions of one day still holds for two files)
    a = _version(tmp_path, "a.sla", "2026.1", "2026-04-01")
    b = _version(tmp_path, "b.sla", "2026.2", "2026-04-01")
    with pytest.raises(InputError, match="the same day as"):
        load_policies([str(a), str(b)], "en")
    assert load_policy(a).effective == dt.date(2026, 4, 1)
