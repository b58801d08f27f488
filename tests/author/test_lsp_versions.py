"""``sla lsp`` checks an open policy with the other versions of its directory, as ``sla check DIR`` does.

Two files of one directory are versions of one policy; each alone is clean, and ``sla check DIR``
refuses the pair (here E306: one ``version``). A real ``sla lsp`` process is driven over stdio (the
session tests' client); what the server keeps between checks is tested on :class:`Versions` itself.
Nothing here measures time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from author.test_lsp_session import GOOD, Client

from sla_dsl.authoring import lspversions
from sla_dsl.authoring.lspversions import MAX_FILES, Versions
from sla_dsl.cli import main
from sla_dsl.policy.load import compile_text

#: GOOD is version "1" from 2026-04-01; a later version that forgot to raise its `version`
LATER = GOOD.replace("effective 2026-04-01", "effective 2026-05-01")
#: the earlier version numbered "0": no longer the later one's `version`
RENUMBERED = GOOD.replace('version "1"', 'version "0"')
#: where `version "1"` stands in either (0-based line, UTF-16 column)
VERSION_LINE = {"start": {"line": 2, "character": 2}, "end": {"line": 2, "character": 13}}


@pytest.fixture
def ready() -> Iterator[Client]:
    c = Client()
    assert "capabilities" in c.initialize()["result"]
    yield c
    c.kill()


def versions(folder: Path, **texts: str) -> dict[str, str]:
    """Write each policy to ``folder`` (``a=...`` as ``a.sla``); their URIs by name."""
    uris = {}
    for name, text in texts.items():
        path = folder / f"{name}.sla"
        path.write_text(text, "utf-8")
        uris[name] = path.as_uri()
    return uris


def sla_check_says(folder: Path, code: str, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> str:
    """The words of the one ``code`` finding ``sla check .`` says on stderr run in ``folder``, its place left out."""
    monkeypatch.chdir(folder)
    assert main(["check", "."]) == 1
    (line,) = [x for x in capsys.readouterr().err.splitlines() if f"[{code}]" in x]
    return line.split(f"[{code}] ", 1)[1]


def until(client: Client, uri: str, done: Callable[[list[dict[str, Any]]], bool]) -> list[dict[str, Any]]:
    """The diagnostics of ``uri`` once a publication of them is ``done``."""
    while not done(found := client.diagnostics(uri)):
        pass
    return found


def whole(text: str) -> dict[str, str]:
    return {"text": text}


def test_two_open_versions_of_one_version_get_sla_check_s_e306_and_lose_it_when_one_is_fixed(
    ready: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    uris = versions(tmp_path, a=GOOD, b=LATER)
    said = sla_check_says(tmp_path, "E306", capsys, monkeypatch)
    assert "a.sla" in said  # (the other file, by its name)
    ready.open(uris["a"], GOOD)
    (e306,) = ready.open(uris["b"], LATER)  # the later version is the one refused, as by `sla check`
    assert e306["code"] == "E306" and e306["severity"] == 1 and e306["range"] == VERSION_LINE
    assert e306["message"].split("\n")[0] == said
    assert e306["relatedInformation"][0]["location"]["uri"] == uris["a"]
    assert until(ready, uris["a"], lambda d: d == []) == []  # the earlier one: nothing, as `sla check` says
    # the earlier version renumbered in the editor (not on the disk): the later one is clean again
    ready.change(uris["a"], 2, whole(RENUMBERED))
    assert ready.diagnostics(uris["b"]) == []
    published = ready.wait(
        lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["version"] == 2
    )
    assert published["params"]["uri"] == uris["a"] and published["params"]["diagnostics"] == []
    assert ready.finish() == 0


def test_a_finding_about_a_file_not_open_is_shown_on_the_open_version_it_names(
    ready: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    uris = versions(tmp_path, a=GOOD, b=LATER)
    said = sla_check_says(tmp_path, "E306", capsys, monkeypatch)
    (shown,) = ready.open(uris["a"], GOOD)
    assert shown["code"] == "E306" and shown["range"] == VERSION_LINE  # at its own `version` line
    assert shown["message"].split("\n")[0] == f"同じポリシーの別の版 b.sla:3:3 についての指摘：{said}"
    assert shown["relatedInformation"][0]["location"]["uri"] == uris["b"]
    reply = ready.request(
        "textDocument/hover", {"textDocument": {"uri": uris["a"]}, "position": {"line": 0, "character": 0}}
    )
    published = ready.sent_before(reply, "textDocument/publishDiagnostics")
    assert {m["params"]["uri"] for m in published} == {uris["a"]}  # nothing for the file that is not open
    ready.change(uris["a"], 2, whole(RENUMBERED))
    assert ready.diagnostics(uris["a"]) == []
    assert ready.finish() == 0


def test_closing_a_version_shows_its_finding_on_the_open_one_it_names(ready: Client, tmp_path: Path) -> None:
    uris = versions(tmp_path, a=GOOD, b=LATER)
    ready.open(uris["a"], GOOD)
    assert [d["code"] for d in ready.open(uris["b"], LATER)] == ["E306"]
    assert until(ready, uris["a"], lambda d: d == []) == []
    ready.notify("textDocument/didClose", {"textDocument": {"uri": uris["b"]}})
    assert ready.diagnostics(uris["b"]) == []
    (shown,) = until(ready, uris["a"], lambda d: d != [])
    assert shown["code"] == "E306" and shown["message"].startswith("同じポリシーの別の版 b.sla:3:3 ")
    assert ready.finish() == 0


def test_other_directories_hidden_files_other_extensions_and_unsaved_files_are_not_versions(
    ready: Client, tmp_path: Path
) -> None:
    (tmp_path / "other").mkdir()
    versions(tmp_path / "other", b=LATER)
    versions(tmp_path, **{".hidden": LATER})
    (tmp_path / "b.sla.bak").write_text(LATER, "utf-8")
    uris = versions(tmp_path, a=GOOD)
    assert (
        ready.open((tmp_path / "unsaved.sla").as_uri(), LATER) == []
    )  # not on the disk: `sla check` reads no such file
    assert ready.open(uris["a"], GOOD) == []
    assert ready.finish() == 0


# ---- what the server keeps between checks -----------------------------------------------------------


def test_an_unchanged_version_is_neither_compiled_again_nor_a_changed_one_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = GOOD.replace("languages ja, en", "languages en")
    uris = versions(
        tmp_path,
        a=english,
        b=english.replace("2026-04-01", "2026-05-01"),
        c=english.replace("2026-04-01", "2026-06-01").replace('"1"', '"3"'),
    )
    compiled: list[str] = []
    real = lspversions.compile_text

    def counted(text: str, file: str = "<policy>") -> Any:
        compiled.append(file)
        return real(text, file)

    monkeypatch.setattr(lspversions, "compile_text", counted)
    kept = Versions()
    a = compile_text(english, uris["a"])

    def findings() -> list[str]:
        found = kept.beside(uris["a"], english, a, {uris["a"]: english}).found.get(uris["a"], [])
        return [s.text for s in found]

    first = findings()
    assert first == [
        "in another version of this policy, b.sla:3:3: version 1 (effective 2026-05-01) is also the version of "
        "`a.sla`, which takes effect on 2026-04-01"
    ]
    assert sorted(compiled) == ["b.sla", "c.sla"]  # (the open document's own compile is the check's)
    assert findings() == first and len(compiled) == 2
    (tmp_path / "b.sla").write_text(english.replace("2026-04-01", "2026-05-01").replace('"1"', '"2"'), "utf-8")
    assert findings() == []
    assert compiled[2:] == ["b.sla"]


def test_a_directory_of_too_many_policies_is_not_compared(tmp_path: Path) -> None:
    uris = versions(tmp_path, a=GOOD, b=LATER)
    for i in range(MAX_FILES - 1):
        (tmp_path / f"x{i:03}.sla").write_text("", "utf-8")
    a = compile_text(GOOD, uris["a"])
    assert Versions().beside(uris["a"], GOOD, a, {uris["a"]: GOOD}).found == {}
    (tmp_path / "x000.sla").unlink()  # MAX_FILES: compared
    assert list(Versions().beside(uris["a"], GOOD, a, {uris["a"]: GOOD}).found) == [uris["a"]]
