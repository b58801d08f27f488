"""``sla lsp``: a correctly refused request (formatting a broken document) is answered with its
``RequestFailed`` error and not logged by pygls as an exception; anything else still is."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls")

ROOT = Path(__file__).resolve().parents[2]
BROKEN = 'sla "T" {\n  format 1\n  languages ja, en\n}\ncalendar business {\n  days mon..fri\x00\n}\n'


def _frame(message: dict[str, Any]) -> bytes:
    body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _answers(stdout: bytes) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    while stdout:
        head, _, rest = stdout.partition(b"\r\n\r\n")
        length = int(next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:")).split(b":")[1])
        msg = json.loads(rest[:length])
        stdout = rest[length:]
        if "id" in msg and "method" not in msg:
            out[msg["id"]] = msg
    return out


@pytest.mark.parametrize(
    ("text", "refused"),
    # (a syntax error is refused; a document that parses, whatever the checker says of it, is formatted, as
    # `sla fmt` formats it)
    [(BROKEN, True), (BROKEN.replace("\x00", ""), False), ("{", True)],
    ids=["nul", "error", "unclosed"],
)
def test_formatting_a_broken_document_is_answered_without_an_exception_logged(text: str, refused: bool) -> None:
    uri = "file:///work/broken.sla"
    doc = {"uri": uri, "languageId": "sla", "version": 1, "text": text}
    messages = [
        {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}},
        {"method": "initialized", "params": {}},
        {"method": "textDocument/didOpen", "params": {"textDocument": doc}},
        {
            "id": 2,
            "method": "textDocument/formatting",
            "params": {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}},
        },
        {"id": 3, "method": "shutdown", "params": None},
        {"method": "exit", "params": None},
    ]
    proc = subprocess.run(
        [sys.executable, "-m", "sla_dsl.cli", "lsp"],
        input=b"".join(_frame(m) for m in messages),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    answers = _answers(proc.stdout)
    if refused:
        error = answers[2]["error"]
        assert error["code"] == -32803 and "\n" not in error["message"]  # RequestFailed, one readable line
    else:
        assert isinstance(answers[2]["result"], list), answers[2]
    assert "result" in answers[3]
    assert b"Exception occurred" not in proc.stderr and b"Traceback" not in proc.stderr, proc.stderr


def _sent_for(exc: BaseException, caplog: pytest.LogCaptureFixture) -> tuple[list[Any], list[str]]:
    """What the server's protocol sends for a request whose handler raised ``exc``, and what pygls logs."""
    from sla_dsl.authoring import lsp

    protocol = lsp.build_server().protocol
    sent: list[Any] = []
    protocol._send_response = lambda msg_id, result=None, error=None: sent.append((msg_id, result, error))  # type: ignore[method-assign]
    future: Future[Any] = Future()
    future.set_exception(exc)
    with caplog.at_level(logging.ERROR, logger="pygls"):
        protocol._send_handler_result(future, msg_id=7)
    return sent, [r.getMessage() for r in caplog.records if r.name.startswith("pygls")]


def test_a_refusal_is_not_logged_but_a_real_internal_error_is(caplog: pytest.LogCaptureFixture) -> None:
    from sla_dsl.authoring.lsp import RequestFailed

    sent, logged = _sent_for(RequestFailed("cannot format: the document has errors"), caplog)
    ((ident, result, error),) = sent
    assert ident == 7 and result is None and error.code == -32803 and "has errors" in error.message
    assert logged == []
    caplog.clear()
    sent, logged = _sent_for(ValueError("a bug"), caplog)
    ((ident, _, error),) = sent
    assert ident == 7 and error.code == -32603  # pygls's InternalError, as before
    assert any("Exception occurred" in line for line in logged), logged
