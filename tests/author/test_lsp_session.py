"""``sla lsp``'s session: the life cycle, unknown methods and notifications, documents the client did not
open, and the framing of a message whose ``Content-Length`` is too small.

A real ``sla lsp`` process is driven over stdio. Nothing here measures time: a wait has a generous
guard only so that a server that stopped answering fails the test instead of hanging it. That nothing
was sent (no ``window/showMessage``, no diagnostics) is checked on what arrived before the answer to a
later request: the server handles messages in order and writes what one causes before it reads the next.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from queue import Empty
from typing import Any

import pytest

pytest.importorskip("pygls")

from reliability.test_lsp_stdio import RawClient

ROOT = Path(__file__).resolve().parents[2]
#: A hang guard per awaited message; generous for a loaded machine, never a timing assertion.
WAIT = 60
GOOD = (
    'sla "T" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n  languages ja, en\n}\n\n'
    'calendar business "営業時間😀" / "Biz" {\n  days mon..fri\n  hours 09:00-18:00\n}\n\n'
    'priority P1 "優先度😀😀１" / "P1" { respond within 4 business hours }\n'
)


class Client(RawClient):
    """An LSP client over a real ``sla lsp`` process (the reliability tests' raw client: its framing, its
    readers), that waits for messages by what they say and keeps every one received."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        super().__init__(env)
        self.seen: list[dict[str, Any]] = []  # every message received, in order
        self.next_id = 0

    def wait(self, match: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first message not waited for yet for which ``match`` is true."""
        for msg in self.seen:
            if not msg.get("_taken") and match(msg):
                msg["_taken"] = True
                return msg
        while True:
            try:
                msg = self.inbox.get(timeout=WAIT)
            except Empty:
                said = b"".join(self.stderr).decode(errors="replace")
                raise AssertionError(f"the server stopped answering; stderr: {said}") from None
            self.seen.append(msg)
            if match(msg):
                msg["_taken"] = True
                return msg

    def request(self, method: str, params: Any = None, *, with_params: bool = True) -> dict[str, Any]:
        """The whole response (``result`` or ``error``) to a request."""
        self.next_id += 1
        ident = self.next_id
        message: dict[str, Any] = {"id": ident, "method": method}
        if with_params:
            message["params"] = params
        self.send(message)
        return self.wait(lambda m: m.get("id") == ident and "method" not in m)

    def notify(self, method: str, params: Any = None, *, with_params: bool = True) -> None:
        self.send({"method": method, **({"params": params} if with_params else {})})

    def initialize(self, capabilities: dict[str, Any] | None = None, **more: Any) -> dict[str, Any]:
        params = {"processId": None, "rootUri": None, "capabilities": capabilities or {}, **more}
        reply = self.request("initialize", params)
        self.notify("initialized", {})
        return reply

    def open(self, uri: str, text: str) -> list[dict[str, Any]]:
        doc = {"uri": uri, "languageId": "sla", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": doc})
        return self.diagnostics(uri)

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return list(msg["params"]["diagnostics"])

    def change(self, uri: str, version: int, *changes: dict[str, Any]) -> None:
        params = {"textDocument": {"uri": uri, "version": version}, "contentChanges": list(changes)}
        self.notify("textDocument/didChange", params)

    def at(self, method: str, uri: str, line: int, character: int) -> Any:
        """The result of a request about a position of a document (failing on an error response)."""
        position = {"line": line, "character": character}
        reply = self.request(method, {"textDocument": {"uri": uri}, "position": position})
        assert "error" not in reply, reply
        return reply["result"]

    def format(self, uri: str) -> dict[str, Any]:
        options = {"tabSize": 2, "insertSpaces": True}
        return self.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": options})

    def sent_before(self, reply: dict[str, Any], method: str) -> list[dict[str, Any]]:
        """The messages of ``method`` the server sent before ``reply``."""
        upto = next(i for i, msg in enumerate(self.seen) if msg is reply)
        return [msg for msg in self.seen[:upto] if msg.get("method") == method]

    def finish(self) -> int:
        """``shutdown`` (answered), ``exit``: the process's exit status."""
        reply = self.request("shutdown")
        assert reply.get("result") is None and "error" not in reply, reply
        self.notify("exit")
        return self.proc.wait(timeout=WAIT)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=WAIT)


@pytest.fixture
def client() -> Iterator[Client]:
    c = Client()
    yield c
    c.kill()


@pytest.fixture
def ready(client: Client) -> Client:
    """A client whose server is initialized."""
    assert "capabilities" in client.initialize()["result"]
    return client


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def at_word(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """0-based line and UTF-16 column of ``offset`` characters into the first ``needle``."""
    lines = lines_of(text)
    row = next(i for i, x in enumerate(lines) if needle in x)
    head = lines[row][: lines[row].index(needle) + offset]
    return row, len(head.encode("utf-16-le")) // 2


# ---- positions are UTF-16 whatever the client offers (finding 1) ------------------------------------


def test_a_client_offering_utf8_first_gets_utf16_positions_everywhere(client: Client) -> None:
    reply = client.initialize({"general": {"positionEncodings": ["utf-8", "utf-16"]}})
    assert reply["result"]["capabilities"]["positionEncoding"] == "utf-16"
    uri = "file:///work/u8.sla"
    bad = GOOD.replace("business hours }", "business hourz }")
    (diag,) = client.open(uri, bad)
    row, col = at_word(bad, "hourz }", len("hour"))
    assert diag["range"]["start"] == {"line": row, "character": col}  # UTF-16: each emoji counts two
    text = GOOD + "# 終わりのコメント"
    client.change(uri, 2, {"text": text})
    assert client.diagnostics(uri) == []
    (edit,) = client.format(uri)["result"]
    last = lines_of(text)[-1]
    assert edit["range"]["end"] == {"line": len(lines_of(text)) - 1, "character": len(last)}  # not its UTF-8 bytes
    assert client.finish() == 0


def test_a_client_offering_only_utf32_still_gets_utf16(client: Client) -> None:
    reply = client.initialize({"general": {"positionEncodings": ["utf-32"]}})
    assert reply["result"]["capabilities"]["positionEncoding"] == "utf-16"
    uri = "file:///work/u32.sla"
    client.open(uri, GOOD)
    row, col = at_word(GOOD, "4 business", len("4 bus"))
    found = client.at("textDocument/definition", uri, row, col)
    assert found["range"]["start"] == {
        "line": lines_of(GOOD).index('calendar business "営業時間😀" / "Biz" {'),
        "character": 0,
    }
    assert client.finish() == 0


# ---- an incremental change lands where the editor made it (finding 2) ---------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e"])
def test_a_change_below_a_line_holding_a_unicode_separator(ready: Client, separator: str) -> None:
    text = GOOD.replace("  languages ja, en\n", f"  languages ja, en\n  # 注記{separator}続き\n")
    uri = "file:///work/separator.sla"
    assert ready.open(uri, text) == []
    row = lines_of(text).index("}")  # the header's closing brace, as the editor counts lines
    ready.change(
        uri,
        2,
        {
            "range": {"start": {"line": row, "character": 0}, "end": {"line": row, "character": 0}},
            "text": '  title "題" / "T"\n',
        },
    )
    assert ready.diagnostics(uri) == []
    (edit,) = ready.format(uri)["result"]
    assert f'  # 注記{separator}続き\n  title "題" / "T"\n}}\n' in edit["newText"]
    assert ready.finish() == 0


# ---- unknown methods and notifications (finding 6) --------------------------------------------------


def test_an_unknown_request_without_parameters_is_method_not_found(ready: Client) -> None:
    for method in ("foo/bar", "$/foo"):
        reply = ready.request(method, with_params=False)
        assert reply["error"]["code"] == -32601 and method in reply["error"]["message"], reply
    assert ready.request("foo/bar", {})["error"]["code"] == -32601
    assert ready.finish() == 0


def test_unknown_notifications_and_a_bad_cancel_are_ignored_silently(ready: Client) -> None:
    for method in ("foo/notif", "$/foo", "$/cancelRequest"):
        ready.notify(method, with_params=False)
        ready.notify(method, None)
    ready.notify("$/cancelRequest", {"id": 999})
    ready.notify("textDocument/didOpen", {"textDocument": {"uri": 1}})  # parameters that do not fit
    reply = ready.request(
        "textDocument/hover", {"textDocument": {"uri": "file:///x.sla"}, "position": {"line": 0, "character": 0}}
    )
    assert reply["result"] is None
    assert ready.sent_before(reply, "window/showMessage") == []
    assert ready.finish() == 0


# ---- documents the client did not open (findings 7, 8) ----------------------------------------------


def test_changes_and_saves_of_documents_not_open_are_ignored_and_the_disk_is_not_read(
    ready: Client, tmp_path: Path
) -> None:
    on_disk = tmp_path / "on-disk.sla"
    on_disk.write_text(GOOD.replace("hours }", "hourz }"), "utf-8")  # an error, were it read
    uri = on_disk.as_uri()
    ready.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    ready.notify("textDocument/didSave", {"textDocument": {"uri": (tmp_path / "gone.sla").as_uri()}})
    ready.change((tmp_path / "gone.sla").as_uri(), 2, {"text": GOOD})
    closed = "file:///work/closed.sla"
    ready.open(closed, GOOD)
    ready.notify("textDocument/didClose", {"textDocument": {"uri": closed}})
    assert ready.diagnostics(closed) == []
    ready.change(
        closed, 3, {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}
    )
    reply = ready.request(
        "textDocument/hover", {"textDocument": {"uri": closed}, "position": {"line": 0, "character": 0}}
    )
    assert reply["result"] is None
    assert ready.sent_before(reply, "window/showMessage") == []
    published = ready.sent_before(reply, "textDocument/publishDiagnostics")
    assert [m["params"]["uri"] for m in published] == [closed, closed]  # its open and its close only
    assert ready.finish() == 0


def test_formatting_a_document_not_open_is_refused_without_reading_the_disk(ready: Client, tmp_path: Path) -> None:
    on_disk = tmp_path / "messy.sla"
    on_disk.write_text(GOOD.replace("  format 1", "format 1"), "utf-8")  # formatting would change it
    for uri in (on_disk.as_uri(), "untitled:Untitled-1", (tmp_path / "gone.sla").as_uri()):
        reply = ready.format(uri)
        assert reply["error"]["code"] == -32803, reply
        assert reply["error"]["message"] == f"the document {uri} is not open; open it in the editor first"
    closed = "file:///work/ja-closed.sla"  # a `languages ja, en` document: refused in Japanese once closed
    ready.open(closed, GOOD)
    ready.notify("textDocument/didClose", {"textDocument": {"uri": closed}})
    reply = ready.format(closed)
    assert reply["error"]["message"] == f"文書 `{closed}` は開かれていません。エディターで開いてから依頼してください"
    assert ready.finish() == 0


# ---- the life cycle (finding 9) ---------------------------------------------------------------------


def test_exit_without_shutdown_ends_the_process_with_status_1(ready: Client) -> None:
    ready.notify("exit")
    assert ready.proc.wait(timeout=WAIT) == 1


def test_requests_after_shutdown_are_invalid_and_answered(ready: Client) -> None:
    assert ready.request("shutdown")["result"] is None
    for method, params in (
        ("textDocument/hover", {"textDocument": {"uri": "file:///x.sla"}, "position": {"line": 0, "character": 0}}),
        ("foo/bar", {}),
        ("shutdown", None),
    ):
        reply = ready.request(method, params)
        assert reply["error"]["code"] == -32600, reply
        assert "shut down" in reply["error"]["message"]
    ready.notify("exit")
    assert ready.proc.wait(timeout=WAIT) == 0


def test_requests_before_initialize_and_a_second_initialize_are_refused(client: Client) -> None:
    position = {"line": 0, "character": 0}
    reply = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.sla"}, "position": position})
    assert reply["error"]["code"] == -32002, reply
    assert client.request("foo/bar", with_params=False)["error"]["code"] == -32002
    assert "capabilities" in client.initialize()["result"]
    again = client.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    assert again["error"]["code"] == -32600 and "already initialized" in again["error"]["message"], again
    assert client.finish() == 0


def test_the_session_answers_are_in_the_client_s_language(client: Client) -> None:
    assert "capabilities" in client.initialize(locale="ja")["result"]
    reply = client.request("foo/bar")
    assert reply["error"]["message"] == "このサーバーには `foo/bar` というメソッドはありません"
    reply = client.format("untitled:Untitled-2")
    assert (
        reply["error"]["message"]
        == "文書 `untitled:Untitled-2` は開かれていません。エディターで開いてから依頼してください"
    )
    assert client.finish() == 0


# ---- framing (finding 10) -----------------------------------------------------------------------------


def test_a_too_small_content_length_costs_one_message_not_the_next(ready: Client) -> None:
    position = {"line": 0, "character": 0}
    body = json.dumps(
        {
            "jsonrpc": "2.0",
            "id": 500,
            "method": "textDocument/hover",
            "params": {"textDocument": {"uri": "file:///a"}, "position": position},
        }
    ).encode()
    ready.raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 3) + body)
    error = ready.wait(lambda m: "error" in m and m.get("id") is None)
    assert error["error"]["code"] == -32700
    reply = ready.request("textDocument/hover", {"textDocument": {"uri": "file:///a"}, "position": position})
    assert reply["result"] is None
    assert ready.finish() == 0


def test_the_reader_resynchronises_on_a_content_length_in_mid_line() -> None:
    import io

    from sla_dsl.authoring.lspframing import FramedReader

    good = b'{"jsonrpc":"2.0","id":1,"method":"x"}'
    data = b"Content-Length: %d\r\n\r\n" % (len(good) - 3) + good + b"Content-Length: %d\r\n\r\n" % len(good) + good
    sent: list[bytes] = []
    said: list[str] = []
    reader = FramedReader(io.BytesIO(data), sent.append, said.append)
    header = reader.readline()
    assert header == b"Content-Length: %d\r\n" % len(good) and reader.readline() == b"\r\n"
    assert reader.read(len(good)) == good  # the second message, whole
    assert reader.readline() == b""
    assert len(sent) == 1 and b"-32700" in sent[0]  # the first, cut short, answered as not JSON
    assert "skipped 3 bytes before a `Content-Length` header" in said


def test_a_header_that_only_ends_in_content_length_is_a_header_of_its_own() -> None:
    import io

    from sla_dsl.authoring.lspframing import FramedReader

    good = b'{"jsonrpc":"2.0","id":1,"method":"x"}'
    data = b"Content-Length: %d\r\nX-Content-Length: 3\r\n\r\n" % len(good) + good
    sent: list[bytes] = []
    reader = FramedReader(io.BytesIO(data), sent.append, lambda reason: None)
    assert reader.readline() == b"Content-Length: %d\r\n" % len(good) and reader.readline() == b"\r\n"
    assert reader.read(len(good)) == good and sent == []
