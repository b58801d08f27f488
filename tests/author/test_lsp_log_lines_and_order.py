"""``sla lsp``'s stderr and the order of its diagnostics, as a QA pass over stdio found them.

Found: a message whose parameters do not fit the LSP types got pygls's English "Unable to deserialize
message" on stderr before the server's own line in its language (the guide promises one line each, in
the server's language); and in a directory of two versions, the findings about the versions were
published after the document's own diagnostics, whatever their lines, where ``sla check DIR`` orders
them by line.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

from author.test_lsp_session import GOOD, Client

from sla_dsl.cli import main

ROOT = Path(__file__).resolve().parents[2]
#: a hang guard, never a timing assertion
WAIT = 60
BAD_POSITION = {"line": -1, "character": 0}


def frame(message: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def messages(out: bytes) -> list[dict[str, Any]]:
    """The messages of the server's output, in order."""
    found = []
    while out:
        head, _, rest = out.partition(b"\r\n\r\n")
        length = re.search(rb"Content-Length: (\d+)", head)
        assert length is not None, head
        size = int(length.group(1))
        found.append(json.loads(rest[:size]))
        out = rest[size:]
    return found


def in_japanese(text: str) -> bool:
    """Japanese words, and no Latin word outside a code span (what the client sent, a Python error)."""
    bare = re.sub(r"`[^`]*`", "", text)
    return not re.findall(r"[A-Za-z]+", bare) and re.search("[\u3040-\u30ff\u4e00-\u9fff]", bare) is not None


def test_messages_that_do_not_fit_get_one_line_each_in_the_server_s_language() -> None:
    hover = {"textDocument": {"uri": "file:///x.sla"}, "position": BAD_POSITION}
    change = {"range": {"start": BAD_POSITION, "end": {"line": 0, "character": 0}}, "text": "x"}
    session = [
        {"id": 1, "method": "initialize", "params": {"processId": None, "capabilities": {}, "locale": "ja"}},
        {"method": "initialized", "params": {}},
        {"id": 2, "method": "textDocument/hover", "params": hover},  # a request: answered
        {  # a notification: ignored
            "method": "textDocument/didChange",
            "params": {"textDocument": {"uri": "file:///x.sla", "version": 1}, "contentChanges": [change]},
        },
        {"id": 77, "error": "x"},  # a response to no request of the server's, not a response at all
        {"id": 3, "method": "shutdown"},
        {"method": "exit"},
    ]
    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "lsp"],
        input=b"".join(frame(m) for m in session),
        capture_output=True,
        cwd=ROOT,
        timeout=WAIT,
    )
    assert proc.returncode == 0
    answers = {m.get("id"): m for m in messages(proc.stdout)}
    assert answers[2]["error"]["code"] == -32602  # the request is answered
    lines = proc.stderr.decode("utf-8").splitlines()
    assert len(lines) == 3, lines  # one per message that did not fit
    assert not [line for line in lines if "Unable to" in line], lines
    for line in lines:
        assert line.startswith("sla lsp: ") and in_japanese(line.removeprefix("sla lsp: ")), line
    assert "`textDocument/hover` のパラメーターが正しくありません" in lines[0]
    assert lines[1].startswith("sla lsp: `textDocument/didChange` を無視しました。")


@pytest.fixture
def ready() -> Iterator[Client]:
    c = Client()
    assert "capabilities" in c.initialize()["result"]
    yield c
    c.kill()


def sla_check_order(folder: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, int]]:
    """(code, line, column) of what ``sla check DIR`` says about ``b.sla``, in the order it says them."""
    assert main(["check", "--lang", "en", str(folder)]) == 1
    out = []
    for line in capsys.readouterr().err.splitlines():
        hit = re.match(r".*b\.sla:(\d+):(\d+): \w+: \[(\w+)\]", line)
        if hit:
            out.append((hit.group(3), int(hit.group(1)), int(hit.group(2))))
    return out


def test_an_open_version_s_diagnostics_are_in_sla_check_s_order(
    ready: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # two copies: the later one (by name) has its `version` (E306, line 3) and `effective` (E304, line 4)
    for name in ("a", "b"):
        (tmp_path / f"{name}.sla").write_text(GOOD, "utf-8")
    said = sla_check_order(tmp_path, capsys)
    assert [code for code, _, _ in said] == ["E306", "E304"]
    ready.open((tmp_path / "a.sla").as_uri(), GOOD)
    shown = ready.open((tmp_path / "b.sla").as_uri(), GOOD)
    places = [(d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in shown]
    assert places == said
    assert ready.finish() == 0


def test_the_document_s_own_warnings_and_the_findings_are_ordered_together(
    ready: Client, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the later version's own warnings (W260, after its findings) are published after them, as said
    later = GOOD + '\nattribute plan "p" / "p" {\n  values a, b\n  default a\n}\n'
    (tmp_path / "a.sla").write_text(GOOD, "utf-8")
    (tmp_path / "b.sla").write_text(later, "utf-8")
    said = sla_check_order(tmp_path, capsys)
    assert [code for code, _, _ in said] == ["E306", "E304", "W260", "W260"]
    ready.open((tmp_path / "a.sla").as_uri(), GOOD)
    shown = ready.open((tmp_path / "b.sla").as_uri(), later)
    places = [(d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in shown]
    assert places == said
