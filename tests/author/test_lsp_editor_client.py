"""``sla lsp`` driven as an editor client drives it: what a QA pass over stdio found.

A real ``sla lsp`` process is driven over stdio (the session tests' client). Nothing here measures
time: a wait has a generous guard only so that a server that stopped answering fails the test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from author.test_lsp_session import GOOD, Client, at_word

ROOT = Path(__file__).resolve().parents[2]
WAIT = 60
#: one semantic error (an unknown calendar), nothing that fails to parse
BROKEN = GOOD.replace("respond within 4 business hours", "respond within 4 business hours on nowhere")
#: ``sla lsp`` with every compile counted on stderr
COUNTING = (
    "import sys; import sla_dsl.authoring.lsp as lsp; real = lsp.compile_text\n"
    "def counted(*a, **k):\n    sys.stderr.write('COMPILED\\n'); sys.stderr.flush(); return real(*a, **k)\n"
    "lsp.compile_text = counted\nfrom sla_dsl.cli import main\nsys.exit(main(['lsp']))\n"
)


class Counting(Client):
    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", COUNTING], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        import threading
        from queue import Queue

        self.inbox = Queue()
        self.backlog = []
        self.stderr = []
        self.seen = []
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain, daemon=True).start()


@pytest.fixture
def ready() -> Iterator[Client]:
    c = Client()
    assert "capabilities" in c.initialize()["result"]
    yield c
    c.kill()


def frame(message: dict[str, object]) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_deeply_nested_json_is_a_parse_error_and_the_server_stays_up(ready: Client) -> None:
    ready.open("file:///a.sla", GOOD)
    deep = '{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{"a":' + "[" * 5000 + "]" * 5000 + "}}"
    ready.raw(b"Content-Length: %d\r\n\r\n" % len(deep) + deep.encode())
    error = ready.wait(lambda m: "error" in m and m.get("id") is None)
    assert error["error"]["code"] == -32700
    row, col = at_word(GOOD, "business hours")
    assert ready.at("textDocument/hover", "file:///a.sla", row, col) is not None  # the document is still open
    assert ready.finish() == 0


def test_hover_definition_and_completion_work_in_a_document_with_a_semantic_error(ready: Client) -> None:
    assert any(d["code"] == "E218" or d["severity"] == 1 for d in ready.open("file:///b.sla", BROKEN))
    row, col = at_word(BROKEN, "business hours", 2)
    assert ready.at("textDocument/hover", "file:///b.sla", row, col) is not None
    # every token of the broken policy: hover, definition and completion never answer with an error
    for r, line in enumerate(BROKEN.split("\n")):
        for c in range(0, len(line.encode("utf-16-le")) // 2 + 1, 3):
            for method in ("textDocument/hover", "textDocument/definition", "textDocument/completion"):
                ready.at(method, "file:///b.sla", r, c)


def test_changes_sent_together_are_compiled_once_and_diagnostics_carry_the_version() -> None:
    c = Counting()
    try:
        c.initialize()
        c.open("file:///c.sla", GOOD)
        before = sum(line == b"COMPILED\n" for line in c.stderr)
        batch = b""
        for v in range(2, 12):
            change = {"range": {"start": {"line": 0, "character": 5}, "end": {"line": 0, "character": 6}}, "text": "U"}
            params = {"textDocument": {"uri": "file:///c.sla", "version": v}, "contentChanges": [change]}
            batch += frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": params})
        row, col = at_word(GOOD, "business hours")
        hover = {"textDocument": {"uri": "file:///c.sla"}, "position": {"line": row, "character": col}}
        batch += frame({"jsonrpc": "2.0", "id": 99, "method": "textDocument/hover", "params": hover})
        assert len(batch) < 4096  # one atomic write to the pipe
        c.raw(batch)
        assert "result" in c.wait(lambda m: m.get("id") == 99)
        published = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics")
        assert published["params"]["version"] == 11
        assert c.finish() == 0
        compiled = sum(line == b"COMPILED\n" for line in c.stderr) - before
        assert 1 <= compiled <= 2, compiled
    finally:
        c.kill()


def test_execute_command_is_not_advertised_and_is_refused_in_the_server_s_words(client: Client) -> None:
    caps = client.initialize()["result"]["capabilities"]
    assert "executeCommandProvider" not in caps
    reply = client.request("workspace/executeCommand", {"command": "foo"})
    assert reply["error"]["code"] == -32601 and "`workspace/executeCommand`" in reply["error"]["message"]
    assert b"Unable to deserialize" not in b"".join(client.stderr)


@pytest.mark.parametrize(
    ("locale", "said"),
    [("en", "`params.position` is missing"), ("ja", "`params.position` がありません")],
)
def test_invalid_params_name_the_field(client: Client, locale: str, said: str) -> None:
    client.initialize(locale=locale)
    reply = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.sla"}})
    assert reply["error"]["code"] == -32602 and said in reply["error"]["message"], reply
    reply = client.request(
        "textDocument/hover", {"textDocument": {"uri": "file:///x.sla"}, "position": {"line": "x", "character": 0}}
    )
    assert "`params.position.line`" in reply["error"]["message"], reply


def test_jsonrpc_ids_and_versions(ready: Client) -> None:
    ready.raw(frame({"jsonrpc": "2.0", "id": None, "method": "shutdown"}))
    reply = ready.wait(lambda m: "id" in m and m["id"] is None)
    assert "result" in reply or "error" in reply
    ready.raw(frame({"id": 41, "method": "textDocument/hover", "params": {}}))
    assert ready.wait(lambda m: m.get("id") == 41)["error"]["code"] == -32600
    ready.raw(frame({"jsonrpc": "1.0", "id": 42, "method": "textDocument/hover", "params": {}}))
    assert ready.wait(lambda m: m.get("id") == 42)["error"]["code"] == -32600


def test_a_markdown_document_is_not_checked(ready: Client) -> None:
    doc = {"uri": "file:///notes.md", "languageId": "markdown", "version": 1, "text": "# notes\n"}
    ready.notify("textDocument/didOpen", {"textDocument": doc})
    reply = ready.request(
        "textDocument/hover", {"textDocument": {"uri": "file:///notes.md"}, "position": {"line": 0, "character": 0}}
    )
    assert ready.sent_before(reply, "textDocument/publishDiagnostics") == []
    doc = {"uri": "file:///p.sla", "languageId": "plaintext", "version": 1, "text": GOOD}
    ready.notify("textDocument/didOpen", {"textDocument": doc})
    assert ready.diagnostics("file:///p.sla") == []  # a .sla file is checked whatever its language id


def test_the_end_of_input_without_shutdown_exits_1(ready: Client) -> None:
    assert ready.proc.stdin is not None
    ready.proc.stdin.close()
    assert ready.proc.wait(timeout=WAIT) == 1


def test_the_end_of_input_after_shutdown_exits_0(ready: Client) -> None:
    assert "error" not in ready.request("shutdown")
    assert ready.proc.stdin is not None
    ready.proc.stdin.close()
    assert ready.proc.wait(timeout=WAIT) == 0


@pytest.fixture
def client() -> Iterator[Client]:
    c = Client()
    yield c
    c.kill()
