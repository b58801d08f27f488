"""The language server, driven over stdio with real LSP JSON-RPC messages."""

from __future__ import annotations

import json
import re
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
POLICY = ROOT / "policies" / "clicksoko.sla"
URI = "file:///work/example.sla"


class Client:
    """A minimal LSP client over a subprocess's stdin and stdout."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sla_dsl.cli", "lsp"],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        self.inbox: Queue[dict[str, Any]] = Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        out = self.proc.stdout
        while True:
            headers: dict[str, str] = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                key, _, value = line.decode("ascii").partition(":")
                headers[key.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.proc.stdin.flush()

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        ident = self.next_id
        self.send({"id": ident, "method": method, "params": params})
        for msg in self.messages():
            if msg.get("id") == ident and "method" not in msg:
                assert "error" not in msg, msg
                return msg.get("result")
        raise AssertionError(f"no answer to {method}")

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def messages(self, timeout: float = 30) -> Iterator[dict[str, Any]]:
        while True:
            try:
                yield self.inbox.get(timeout=timeout)
            except Empty:
                return

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        for msg in self.messages():
            if msg.get("method") == "textDocument/publishDiagnostics" and msg["params"]["uri"] == uri:
                return list(msg["params"]["diagnostics"])
        raise AssertionError("no diagnostics published")

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    c = Client()
    result = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    caps = result["capabilities"]
    assert caps["hoverProvider"] and caps["definitionProvider"] and caps["documentFormattingProvider"]
    assert "completionProvider" in caps
    c.notify("initialized", {})
    yield c
    c.close()


def open_doc(client: Client, uri: str, text: str) -> list[dict[str, Any]]:
    client.notify(
        "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "sla", "version": 1, "text": text}}
    )
    return client.diagnostics(uri)


def test_error_is_published_with_its_range(client: Client) -> None:
    text = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 4 business hurs")
    diags = open_doc(client, "file:///work/broken.sla", text)
    assert len(diags) == 1
    line_no = next(i for i, ln in enumerate(text.split("\n")) if "business hurs" in ln)
    col = text.split("\n")[line_no].index("hurs")
    assert diags[0]["range"] == {
        "start": {"line": line_no, "character": col},
        "end": {"line": line_no, "character": col + 4},
    }
    assert diags[0]["severity"] == 1 and diags[0]["code"] == "E011" and diags[0]["source"] == "sla"


def test_clean_document_then_change_clears_and_sets_diagnostics(client: Client) -> None:
    text = POLICY.read_text("utf-8")
    assert open_doc(client, URI, text) == []
    bad = text.replace("days mon..fri", "days mon..fry")
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": bad}]},
    )
    diags = client.diagnostics(URI)
    assert [d["code"] for d in diags] == ["E210"]
    client.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": text}]},
    )
    assert client.diagnostics(URI) == []


def _position(text: str, needle: str, offset: int = 0) -> dict[str, int]:
    lines = text.split("\n")
    line = next(i for i, ln in enumerate(lines) if needle in ln)
    return {"line": line, "character": lines[line].index(needle) + offset}


def test_hover_on_a_duration_gives_a_worked_example(client: Client) -> None:
    text = POLICY.read_text("utf-8").replace("languages ja, en", "languages en, ja")  # English first
    uri = "file:///work/hover.sla"
    open_doc(client, uri, text)
    pos = _position(text, "4 business hours", 3)
    result = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
    value = result["contents"]["value"]
    assert value.startswith("**4 business hours** = 4 h of `business` time: from Fri 16:00 due ")
    pos = _position(text, "1 business day", 2)
    result = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
    assert "= 7 h of `business` time" in result["contents"]["value"]


def test_hover_on_a_calendar_name(client: Client) -> None:
    text = POLICY.read_text("utf-8").replace("languages ja, en", "languages en, ja")  # English first
    uri = "file:///work/hover2.sla"
    open_doc(client, uri, text)
    pos = _position(text, "  calendar business", 12)
    result = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
    assert "10:00-12:00, 13:00-18:00 (7 h a day)" in result["contents"]["value"]


def test_hovers_are_in_the_policys_primary_language(client: Client) -> None:
    """A `languages ja, en` policy gets its hovers in Japanese, as its diagnostics."""
    text = POLICY.read_text("utf-8")
    uri = "file:///work/hover-ja.sla"
    assert open_doc(client, uri, text) == []

    def hover(needle: str, offset: int) -> str:
        result = client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": _position(text, needle, offset)}
        )
        return str(result["contents"]["value"])

    said = hover("4 business hours", 3)
    assert said.startswith("**4営業時間** ＝ カレンダー `business`（当社営業時間）の営業時間で4時間：")
    assert re.search(r"\d+月\d+日\(金\) 16:00 に起算すると、期限は \d{4}年\d+月\d+日\(.\) \d\d:\d\d$", said), said
    said = hover("  calendar business", 12)
    assert "月〜金 10:00〜12:00、13:00〜18:00（1日7時間）" in said and "日本の祝日は休業" in said
    said = hover("clock response", 7)
    assert said.startswith("**クロック `response`** 応答目標時間の起算点\n- 計測開始：`incident.product_suspected`（")
    for said in (hover("4 business hours", 3), hover("  calendar business", 12), hover("clock response", 7)):
        assert not re.findall(r"[A-Za-z]+", re.sub(r"`[^`]*`", "", said)), said


def test_definition_of_a_calendar(client: Client) -> None:
    text = POLICY.read_text("utf-8")
    uri = "file:///work/def.sla"
    open_doc(client, uri, text)
    pos = _position(text, "  calendar business", 12)
    loc = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": pos})
    decl_line = next(i for i, ln in enumerate(text.split("\n")) if ln.startswith("calendar business"))
    assert loc["uri"] == uri and loc["range"]["start"] == {"line": decl_line, "character": 0}


def test_formatting_returns_the_canonical_text(client: Client) -> None:
    messy = 'sla "X" {   format 1 version "1"\n effective 2026-04-01 timezone Asia/Tokyo }  # c\n'
    uri = "file:///work/fmt.sla"
    open_doc(client, uri, messy)
    edits = client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    assert len(edits) == 1
    assert edits[0]["newText"] == (
        'sla "X" {\n  format 1\n  version "1"\n  effective 2026-04-01\n  timezone Asia/Tokyo\n}' + " " * 46 + "# c\n"
    )
    assert edits[0]["range"]["start"] == {"line": 0, "character": 0}


JAPANESE = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")


def test_completion_offers_keywords_events_and_names(client: Client) -> None:
    """What fits where the cursor is: declarations at the top level, a priority's statements in its block, a
    calendar's name or a unit after a duration's amount, event types where a clock starts."""
    text = POLICY.read_text("utf-8")
    uri = "file:///work/complete.sla"
    open_doc(client, uri, text)

    def labels_at(uri: str, line: int, character: int) -> dict[str, Any]:
        position = {"line": line, "character": character}
        result = client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": position})
        return {i["label"]: i for i in result["items"]}

    assert {"calendar", "priority", "clock"} <= set(labels_at(uri, 0, 0))
    priority = _position(text, "priority P1 ")["line"]
    assert {"respond", "resolve", "complete"} <= set(labels_at(uri, priority + 1, 2))
    assert {"business", "hours"} <= set(labels_at(uri, **_position(text, "respond within 4 business hours", 17)))
    starts = _position(text, "starts at incident.", len("starts at "))
    items = labels_at(uri, **starts)
    assert "incident.reported" in items
    assert items["incident.reported"]["textEdit"]["newText"] == "incident.reported"
    # the details in the document's primary language (Click So-ko: Japanese), as its hovers and diagnostics
    assert items["incident.reported"].get("detail") == "障害の報告を受けた時点"
    english = text.replace("languages ja, en", "languages en, ja")
    open_doc(client, "file:///work/complete-en.sla", english)
    items = labels_at("file:///work/complete-en.sla", **starts)
    assert not any(
        JAPANESE.search(i.get("detail") or "") for label, i in items.items() if label.startswith("incident.")
    )


def test_ranges_count_utf16_units() -> None:
    from sla_dsl.authoring.hover import char_column, utf16_column

    line = 'note "𝒳 営業" / "x"'
    assert utf16_column(line, 7) == 8  # after the astral character
    assert char_column(line, 8) == 7


def test_diagnostics_are_in_the_policys_primary_language(client: Client) -> None:
    """Issue 16: a `languages ja, en` policy gets Japanese diagnostics, an English-first one English."""
    text = POLICY.read_text("utf-8").replace("respond within 4 business hours", "respond within 4 busness hours")
    (ja,) = open_doc(client, "file:///work/ja.sla", text)
    assert ja["code"] == "E207"
    assert ja["message"] == "`busness` という名前のカレンダーはありません\nヒント: `business` の誤りではありませんか？"
    english = text.replace("languages ja, en", "languages en, ja")
    (en,) = open_doc(client, "file:///work/en.sla", english)
    assert en["message"] == "no calendar is called `busness`\nhelp: did you mean `business`?"
