"""``sla lsp`` says what a person reads in the server's language: its answers to messages it cannot read
(broken framing), the session's answers and its log lines on stderr, not English only.

The server's language (what concerns no document): the client's ``locale`` (LSP 3.16, ``initialize``) when it
is Japanese, else the primary language of the policy open in the editor, else English; the environment's
when the client names no locale and no policy is open. A log line about a document is in that document's
language. Before, the reader's answers (``the message body is not JSON``, ``cannot read a message with no
Content-Length header``, ...) and every log line were English whatever the client's locale or the policy's
languages, and the session's answers followed the locale only (``en-US`` with a Japanese policy open: English).
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

pytest.importorskip("pygls")

from author.test_lsp_session import GOOD, Client

from sla_dsl.authoring import lsp
from sla_dsl.authoring.lspframing import MAX_MESSAGE_BYTES, FramedReader

ENGLISH_FIRST = GOOD.replace("  languages ja, en\n", "  languages en, ja\n")
assert ENGLISH_FIRST != GOOD


def in_japanese(text: str) -> bool:
    """Japanese words, and no Latin word outside a code span (what the client sent, a protocol's name)."""
    bare = re.sub(r"`[^`]*`", "", text)
    return not re.findall(r"[A-Za-z]+", bare) and re.search("[\u3040-\u30ff\u4e00-\u9fff]", bare) is not None


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


#: stdin bytes no well-behaved client sends, each answered (or logged) by the reader
BROKEN: dict[str, bytes] = {
    "not JSON": frame(b"{not json"),
    "too deep": frame(b'{"a":' + b"[" * 5000 + b"]" * 5000 + b"}"),
    "not an object": frame(b"[1, 2]"),
    "not JSON-RPC": frame(b'{"id": 1, "method": "x"}'),
    "no Content-Length": b'Content-Type: x\r\n\r\n{"jsonrpc":"2.0","id":7,"method":"x"}\r\n'
    + frame(b'{"jsonrpc":"2.0"}'),
    "bad Content-Length": b"Content-Length: abc\r\n\r\n" + frame(b'{"jsonrpc":"2.0"}'),
    "too large": b"Content-Length: %d\r\n\r\n" % (MAX_MESSAGE_BYTES + 1),
    "ends in headers": b"Content-Length: 10\r\n",
    "ends in a body": b"Content-Length: 10\r\n\r\n{}",
    "glued": frame(b'{"jsonrpc":"2.0","id":1,"method":"x"}')[:-3] + frame(b'{"jsonrpc":"2.0"}'),
}


def read_all(data: bytes, lang: Callable[[], str] | None) -> tuple[list[str], list[str]]:
    """What the reader answers (each error response's message) and logs, reading ``data`` to its end."""
    sent: list[bytes] = []
    said: list[str] = []
    reader = FramedReader(io.BytesIO(data), sent.append, said.append, lang=lang)
    while reader.readline():
        reader.read(0)
    answers = [json.loads(m.split(b"\r\n\r\n", 1)[1])["error"]["message"] for m in sent]
    return answers, said


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_the_reader_answers_and_logs_in_the_server_s_language(name: str) -> None:
    answers, said = read_all(BROKEN[name], lambda: "ja")
    assert said, "each is logged"
    assert set(answers) <= set(said)  # (an answer is the line logged)
    for text in said:
        assert in_japanese(text), (name, text)
    english, logged = read_all(BROKEN[name], None)  # (English by default, as before)
    assert len(english) == len(answers) and len(logged) == len(said)
    assert all(not in_japanese(text) for text in logged), logged


def test_the_english_is_what_the_reader_always_said() -> None:
    answers, _ = read_all(BROKEN["no Content-Length"] + BROKEN["too large"], None)
    assert answers[0] == "cannot read a message with no Content-Length header: it needs `Content-Length: <bytes>`"
    assert answers[1] == "this request was not read: its Content-Length header is missing or invalid"
    assert (
        answers[2]
        == f"a message of {MAX_MESSAGE_BYTES + 1:,} bytes is over the {MAX_MESSAGE_BYTES:,} this server reads"
    )
    answers, _ = read_all(BROKEN["not JSON"], lambda: "ja")
    assert answers[0].startswith("メッセージの本文が `JSON` ではありません（`Expecting property name")


def test_the_server_s_language() -> None:
    docs = lsp.Documents("en")
    assert docs.lang == "en"
    docs.default = "ja"  # (the environment's, as `sla`'s help: LANG=ja_JP.UTF-8)
    assert docs.lang == "ja"
    docs.locale = "en-us"  # a client that names a locale other than Japanese, nothing open: English
    assert docs.lang == "en"
    docs.open("file:///p.sla", GOOD)
    docs.check("file:///p.sla", GOOD)  # a policy of `languages ja, en` open: its primary language
    assert docs.lang == "ja"
    docs.open("file:///q.sla", ENGLISH_FIRST)
    docs.check("file:///q.sla", ENGLISH_FIRST)
    assert docs.lang == "ja"  # (the first opened)
    docs.close("file:///p.sla")
    assert docs.lang == "en"  # (the one open now)
    docs.locale = "ja-jp"  # a Japanese client: Japanese whatever is open
    assert docs.lang == "ja"
    docs.close("file:///q.sla")
    docs.locale = None
    docs.default = "en"
    assert docs.lang == "en"


def test_a_log_line_about_a_document_is_in_its_language(caplog: pytest.LogCaptureFixture) -> None:
    docs = lsp.Documents("en")
    docs.open("file:///p.sla", GOOD)
    docs.check("file:///p.sla", GOOD)
    with caplog.at_level(logging.ERROR, logger="sla_dsl.lsp"):
        docs.settle("file:///p.sla", GOOD, RuntimeError("boom"))
    (line,) = [r.getMessage() for r in caplog.records if r.name == "sla_dsl.lsp"]
    assert line == "`file:///p.sla` の検査中に内部エラーが発生しました：`RuntimeError: boom`"

    @lsp.quietly(docs.lang_of)
    def did_save(_ls: Any, params: Any) -> None:
        raise ValueError("bad")

    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="sla_dsl.lsp"):
        did_save(None, type("P", (), {"text_document": type("D", (), {"uri": "file:///p.sla"})()})())
    (line,) = [r.getMessage() for r in caplog.records if r.name == "sla_dsl.lsp"]
    assert line == "`did_save` で内部エラーが発生しました：`ValueError: bad`"


@pytest.fixture
def client() -> Iterator[Client]:
    c = Client()
    yield c
    c.kill()


def test_a_japanese_policy_open_words_the_session_in_japanese(client: Client) -> None:
    """A client whose locale is English, with a `languages ja, en` policy open: the reader's answers, the
    session's and the log are Japanese; before the policy is open they are English."""
    assert "capabilities" in client.initialize(locale="en-US")["result"]
    client.raw(frame(b"{not json"))
    before = client.wait(lambda m: "error" in m and m.get("id") is None)["error"]["message"]
    assert before.startswith("the message body is not JSON: ")
    client.open("file:///work/p.sla", GOOD)
    client.raw(frame(b"{not json"))
    after = client.wait(lambda m: "error" in m and m.get("id") is None)["error"]["message"]
    assert after.startswith("メッセージの本文が `JSON` ではありません") and in_japanese(after), after
    reply = client.request("foo/bar")
    assert reply["error"]["message"] == "このサーバーには `foo/bar` というメソッドはありません"
    client.notify("textDocument/didChange", {"textDocument": {"uri": "file:///nope.sla", "version": 2}})
    client.notify("textDocument/didChange", {"textDocument": {"uri": "file:///work/closed.sla", "version": 2},
                                              "contentChanges": []})  # fmt: skip
    assert client.finish() == 0
    logged = [line.decode("utf-8").removeprefix("sla lsp: ").strip() for line in client.stderr]
    assert any(line.startswith("メッセージの本文が `JSON` ではありません") for line in logged), logged
    assert (
        "`textDocument/didChange` を無視しました。パラメーターが正しくありません：`params.contentChanges` がありません"
        in logged
    )
    assert "`file:///work/closed.sla` への変更を無視しました。文書が開かれていません" in logged
    assert [line for line in logged if line.startswith("the message body is not JSON")], logged  # (before)
