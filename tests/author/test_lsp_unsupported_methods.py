"""A request of a method ``sla lsp`` does not support is Method not found (-32601), whatever its parameters.

Before: a method of the protocol that the server has no handler for was read with the protocol's parameter
types first, so ``textDocument/references`` without its ``context`` was answered Invalid params (-32602),
as if the server would answer it once the parameters were right. Now the parameters of a method the server
does not support are not read: the answer is -32601 (after the life cycle's own answers: before
``initialize`` -32002, after ``shutdown`` -32600), and a supported method's bad parameters are still -32602.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("pygls")

# (tests/author is on the path as pytest imports its test files: the stdio client is that module's)
from test_lsp_session import Client

WITHOUT_CONTEXT = {"textDocument": {"uri": "file:///x.sla"}, "position": {"line": 0, "character": 0}}


@pytest.fixture
def client() -> Iterator[Client]:
    c = Client()
    yield c
    c.kill()


@pytest.mark.parametrize(
    ("method", "params"),
    [
        ("textDocument/references", WITHOUT_CONTEXT),  # (its `context` is required)
        ("textDocument/references", {**WITHOUT_CONTEXT, "context": {"includeDeclaration": True}}),
        ("textDocument/rename", {"textDocument": {"uri": 5}}),
        ("textDocument/codeAction", [1, 2]),
        ("textDocument/documentSymbol", "x"),
    ],
)
def test_an_unsupported_method_is_not_found_whatever_its_parameters(
    client: Client, method: str, params: object
) -> None:
    client.initialize()
    reply = client.request(method, params)
    assert reply["error"]["code"] == -32601 and method in reply["error"]["message"], reply
    assert client.finish() == 0


def test_a_supported_method_s_bad_parameters_are_still_invalid_params(client: Client) -> None:
    client.initialize()
    reply = client.request("textDocument/hover", {"textDocument": {"uri": "file:///x.sla"}})
    assert reply["error"]["code"] == -32602, reply
    assert client.finish() == 0


def test_the_life_cycle_answers_first(client: Client) -> None:
    assert client.request("textDocument/references", WITHOUT_CONTEXT)["error"]["code"] == -32002
    client.initialize()
    assert "error" not in client.request("shutdown")
    assert client.request("textDocument/references", WITHOUT_CONTEXT)["error"]["code"] == -32600
    client.notify("exit")
    assert client.proc.wait(timeout=60) == 0
