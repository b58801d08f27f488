"""Issue 17, item 21: ``sla lsp`` over stdio keeps answering whatever it is sent.

A real subprocess is driven with raw bytes: malformed framing (a bad or missing
``Content-Length``, a body that is not JSON) and hostile documents (NUL bytes,
a 5,000-digit number, an overflowing duration, the year 9999, CR-only line
ends, a document over the size cap). Every document gets its diagnostics
published, formatting a broken one is an error response with a readable
message, and at the end ``shutdown`` still gets its answer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from queue import Empty, Queue
from typing import Any

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).resolve().parents[2]
CLEAN = (
    'sla "Test" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}\n\n'
    "calendar business {\n  days mon..fri\n  hours 10:00-12:00, 13:00-18:00\n  holidays JP\n}\n\n"
    "priority P1 {\n  respond within 4 business hours\n}\n"
)
#: A hang guard per awaited message; generous for a loaded machine, never a timing assertion.
WAIT = 60


class RawClient:
    """An LSP client that can also send bytes no well-behaved client would."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sla_dsl.cli", "lsp"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        self.inbox: Queue[dict[str, Any]] = Queue()
        self.backlog: list[dict[str, Any]] = []
        self.next_id = 100
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr: list[bytes] = []
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.stderr.append(line)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        out = self.proc.stdout
        while True:
            headers: dict[str, str] = {}
            while True:
                line = out.readline()
                if not line:
                    return
                if not line.strip():
                    break
                key, _, value = line.decode("ascii").partition(":")
                headers[key.strip().lower()] = value.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"]))))

    def raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id

    def wait(self, match: Any) -> dict[str, Any]:
        """The first message for which ``match`` is true (others are kept for a later wait)."""
        for i, msg in enumerate(self.backlog):
            if match(msg):
                return self.backlog.pop(i)
        while True:
            try:
                msg = self.inbox.get(timeout=WAIT)
            except Empty:
                raise AssertionError(
                    "the server stopped answering; stderr: " + b"".join(self.stderr).decode()
                ) from None
            if match(msg):
                return msg
            self.backlog.append(msg)

    def request(self, method: str, params: Any) -> dict[str, Any]:
        ident = self.new_id()
        self.send({"id": ident, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return list(msg["params"]["diagnostics"])

    def open(self, uri: str, text: str) -> list[dict[str, Any]]:
        doc = {"uri": uri, "languageId": "sla", "version": 1, "text": text}
        self.send({"method": "textDocument/didOpen", "params": {"textDocument": doc}})
        return self.diagnostics(uri)

    def still_answers(self) -> None:
        position = {"line": 0, "character": 0}
        reply = self.request(
            "textDocument/completion", {"textDocument": {"uri": "file:///none.sla"}, "position": position}
        )
        assert "result" in reply or "error" in reply


@pytest.fixture
def client() -> Iterator[RawClient]:
    c = RawClient()
    reply = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    assert "capabilities" in reply["result"]
    c.send({"method": "initialized", "params": {}})
    yield c
    if c.proc.poll() is None:
        c.proc.kill()
        c.proc.wait(timeout=WAIT)


def finish(c: RawClient) -> None:
    """``shutdown`` is answered and ``exit`` ends the process with status 0."""
    reply = c.request("shutdown", None)
    assert "error" not in reply and reply.get("result") is None
    c.send({"method": "exit", "params": None})
    assert c.proc.wait(timeout=WAIT) == 0


def _codes(diags: list[dict[str, Any]]) -> list[str]:
    return [str(d["code"]) for d in diags]


def test_item21_a_bad_content_length_is_answered_and_the_server_resynchronises(client: RawClient) -> None:
    body = json.dumps({"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": None}).encode()
    client.raw(b"Content-Length: abc\r\n\r\n" + body)
    client.still_answers()
    error = client.wait(lambda m: "error" in m and m.get("id") is None)
    assert "`Content-Length: abc`" in error["error"]["message"]
    error = client.wait(lambda m: "error" in m and m.get("id") == 7)  # the request inside is answered too
    assert "Content-Length" in error["error"]["message"]
    finish(client)


def test_item21_a_missing_content_length_is_answered(client: RawClient) -> None:
    body = json.dumps({"jsonrpc": "2.0", "method": "initialized", "params": {}}).encode()
    client.raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + body)
    client.still_answers()
    error = client.wait(lambda m: "error" in m)
    assert "Content-Length" in error["error"]["message"]
    finish(client)


def test_item21_a_request_with_invalid_parameters_is_answered(client: RawClient) -> None:
    reply = client.request("textDocument/completion", {"textDocument": {"uri": "file:///x.sla"}, "position": {}})
    assert reply["error"]["code"] == -32602 and "textDocument/completion" in reply["error"]["message"]
    client.still_answers()
    finish(client)


def test_item21_a_body_that_is_not_json_is_answered(client: RawClient) -> None:
    client.raw(b"Content-Length: 9\r\n\r\n{not json")
    error = client.wait(lambda m: "error" in m)
    assert error["error"]["code"] == -32700
    client.still_answers()
    finish(client)


@pytest.mark.parametrize(
    ("name", "text", "codes"),
    [
        ("nul", CLEAN.replace("mon..fri", "mon..fri\x00"), ["E001"]),
        ("5000 digits", CLEAN.replace("within 4", "within " + "9" * 5000), ["E215"]),
        ("overflowing duration", CLEAN.replace("within 4", "within 99999999999999999999"), ["E215"]),
        ("year 9999", CLEAN.replace("2026-04-01", "9999-12-31"), None),
        ("cr-only", CLEAN.replace("\n", "\r"), []),
        ("cr-only error", CLEAN.replace("\n", "\r").replace("fri", "fry"), ["E210"]),
        ("huge", CLEAN + "#" * (2 << 20) + "\n", ["E001"]),
        ("lone surrogate", CLEAN.replace("mon..fri", "mon..fri \ud800"), ["E001"]),
    ],
)
def test_item21_hostile_documents_get_diagnostics(
    client: RawClient, name: str, text: str, codes: list[str] | None
) -> None:
    uri = f"file:///work/{name.replace(' ', '-')}.sla"
    diags = client.open(uri, text)
    if codes is not None:
        assert _codes(diags) == codes
    for d in diags:
        assert "Traceback" not in d["message"]
    client.still_answers()
    finish(client)


def test_item21_the_same_document_changed_to_something_hostile_replaces_stale_diagnostics(
    client: RawClient,
) -> None:
    uri = "file:///work/changing.sla"
    assert _codes(client.open(uri, CLEAN.replace("fri", "fry"))) == ["E210"]
    hostile = CLEAN.replace("within 4", "within " + "9" * 5000)
    change = {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": hostile}]}
    client.send({"method": "textDocument/didChange", "params": change})
    diags = client.diagnostics(uri)
    assert diags and "E210" not in _codes(diags)
    finish(client)


@pytest.mark.parametrize(
    "text",
    [
        CLEAN.replace("within 4", "within " + "9" * 5000),
        CLEAN.replace("within 4", "within 99999999999999999999"),
    ],
    ids=["5000-digits", "overflow"],
)
def test_item21_formatting_a_document_that_parses_is_formatted_whatever_its_numbers(
    client: RawClient, text: str
) -> None:
    """A number the checker refuses is a check error, not a syntax error: the document is formatted (as `sla
    fmt` formats it), its number kept as written, with no exception."""
    uri = "file:///work/broken-fmt.sla"
    client.open(uri, text)
    reply = client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    assert "error" not in reply and isinstance(reply["result"], list), reply
    for edit in reply["result"]:  # (a whole-document edit, when the layout changes: the number as written)
        assert "99999999999999999999" in edit["newText"], edit
    finish(client)


@pytest.mark.parametrize(
    "text",
    [CLEAN.replace("mon..fri", "mon..fri\x00"), "{"],
    ids=["nul", "unclosed"],
)
def test_item21_formatting_a_broken_document_is_a_readable_error(client: RawClient, text: str) -> None:
    uri = "file:///work/broken-fmt.sla"
    client.open(uri, text)
    reply = client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    assert "error" in reply, reply
    message = reply["error"]["message"]
    assert message.startswith("cannot format: "), message
    assert "Traceback" not in message and "Error:" not in message and "\n" not in message
    finish(client)


def test_item21_formatting_a_cr_only_document_replaces_every_line(client: RawClient) -> None:
    """A CR-only document's lines are counted at its CRs, and the edit keeps its line ends (as `sla fmt`
    keeps a file's)."""
    uri = "file:///work/cr.sla"
    text = CLEAN.replace("\n", "\r").replace("  format 1", "format 1")
    assert client.open(uri, text) == []
    reply = client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    (edit,) = reply["result"]
    assert edit["newText"] == CLEAN.replace("\n", "\r")
    assert edit["range"]["end"]["line"] == CLEAN.count("\n")
    finish(client)


# ---- in process: the pieces behind the answers above ----------------------------------------------


def test_item21_an_exception_while_compiling_is_published_as_an_internal_diagnostic(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sla_dsl.authoring import lsp

    def broken(text: str, file: str = "<policy>") -> Any:
        raise OverflowError("date value out of range")

    monkeypatch.setattr(lsp, "compile_text", broken)
    (d,) = lsp.Documents().check("file:///x.sla", CLEAN)
    assert d.code == "E000" and d.severity == 1
    assert d.message.startswith("internal error while checking this policy: OverflowError: date value out of range")


def _frames(data: bytes) -> tuple[list[Any], list[bytes]]:
    """What pygls would read from ``data`` through the framing reader, and the answers sent."""
    import io

    from sla_dsl.authoring.lspframing import FramedReader

    sent: list[bytes] = []
    reader = FramedReader(io.BytesIO(data), sent.append, lambda reason: None)
    messages = []
    while True:
        header = reader.readline()
        if not header:
            break
        assert header.startswith(b"Content-Length: ") and reader.readline() == b"\r\n"
        messages.append(json.loads(reader.read(int(header.split(b":")[1]))))
    return messages, sent


def test_item21_framing_edge_cases() -> None:
    good = b'{"jsonrpc":"2.0","method":"x"}'
    data = (
        b"content-length: %d\r\n\r\n" % len(good)
        + good  # lower-case header name: accepted
        + b"Content-Length: 0\r\n\r\n"  # empty body: answered
        + b"Content-Length: 99999999999\r\n\r\n"  # over the cap, and the input ends inside it: answered, no hang
    )
    messages, sent = _frames(data)
    assert messages == [{"jsonrpc": "2.0", "method": "x"}]
    assert len(sent) == 2 and all(b'"code": -32700' in s for s in sent)
