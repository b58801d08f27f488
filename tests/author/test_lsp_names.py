"""``sla lsp``: what a name names depends on where it stands; completion offers what fits where the cursor
is; hover and definition keep to the right lines while the text is broken; an unreadable text's E001 is in
the policy's language.

Click So-ko has a service and a notify rule both called ``recovery``, a calendar ``business`` named in
comments, and a backup ``continuous`` that is a keyword too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types as t

# (tests/author is on the path as pytest imports its test files: the stdio client is that module's)
from test_lsp_session import GOOD, Client, at_word, lines_of

from sla_dsl.authoring.hover import completing, definition_at, hover_text, in_comment_or_text, reference_at
from sla_dsl.authoring.lsp import Documents, Shift, apply_change, completion_items, format_edits
from sla_dsl.lang import model as m
from sla_dsl.policy.load import compile_text

ROOT = Path(__file__).resolve().parents[2]
POLICY = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")
LINES = lines_of(POLICY)


def line_no(prefix: str) -> int:
    """The 0-based line that starts with ``prefix``."""
    return next(i for i, x in enumerate(LINES) if x.startswith(prefix))


def on(needle: str, offset: int = 1) -> tuple[int, int]:
    """0-based line and column ``offset`` characters into the first ``needle`` (all ASCII before it)."""
    row = next(i for i, x in enumerate(LINES) if needle in x)
    return row, LINES[row].index(needle) + offset


@pytest.fixture(scope="module")
def model() -> m.PolicyModel:
    compiled = compile_text(POLICY)
    assert compiled.model is not None and not compiled.errors
    return compiled.model


# ---- a name names what the grammar makes it where it stands (finding 3) -------------------------------


@pytest.mark.parametrize(
    ("needle", "offset", "declared"),
    [
        ("rules notify recovery", len("rules notify r"), "notify recovery"),  # not `service recovery`
        ("rules calendar business, service recovery", len("rules calendar business, service r"), "service recovery"),
        ("rules calendar business", len("rules calendar b"), "calendar business"),
        ("notify recovery", len("notify r"), "notify recovery"),  # a declaration's own name: itself
        ("service recovery", len("service r"), "service recovery"),
        ("rules priority P1, priority P2", len("rules priority P1, priority P"), "priority P2"),
        ("respond within 4 business hours", len("respond within 4 b"), "calendar business"),
        ("respond within 4 business hours", len("respond within 4 business"), "calendar business"),  # just after
        ("rules backup database, backup continuous", len("rules backup database, backup c"), "backup continuous"),
    ],
)
def test_definition_follows_the_kind_of_reference(
    model: m.PolicyModel, needle: str, offset: int, declared: str
) -> None:
    row, col = on(needle, offset)
    span = definition_at(model, POLICY, row, col)
    assert span is not None and span.line == line_no(declared) + 1 and span.column == 1


@pytest.mark.parametrize(
    ("needle", "offset"),
    [
        ("# reading 3", len("# reading 3: th")),  # a comment that says `business`
        ("reading 3", len("reading 3: the business")),
        ('"当社営業時間" / "Company business hours"', len('"当社営業時間" / "Company b')),  # a text
        ("at risk at 75% of target", len("at risk at 75% of ta")),  # a keyword
        ("  calendar business", 3),  # the keyword before a name
    ],
)
def test_nothing_is_named_in_comments_texts_and_keywords(model: m.PolicyModel, needle: str, offset: int) -> None:
    row, col = on(needle, offset)
    assert definition_at(model, POLICY, row, col) is None
    assert hover_text(model, POLICY, row, col) is None


def test_a_comment_naming_a_calendar_is_a_comment() -> None:
    line = '  hours 10:00-12:00   # business, as `business` in a text: "business"'
    assert not in_comment_or_text(line, line.index("hours"))
    assert in_comment_or_text(line, line.index("#")) and in_comment_or_text(line, line.index("business"))
    text = 'note "a # b" # c'
    assert in_comment_or_text(text, text.index("a #")) and not in_comment_or_text(text, text.index(" # c"))
    assert in_comment_or_text(text, text.index("c"))
    assert not in_comment_or_text(text, text.index('"'), cursor=True)  # typing before the quote
    assert in_comment_or_text('note "abc', len('note "abc'), cursor=True)  # a text not closed yet
    assert not in_comment_or_text('note "abc" x', len('note "abc"'), cursor=True)  # after the closing quote


def test_what_the_reference_is(model: m.PolicyModel) -> None:
    row, col = on("rules notify recovery", len("rules notify r"))
    ref = reference_at(POLICY, row + 1, col + 1)
    assert ref is not None and (ref.kind, ref.name, ref.declares) == ("notify", "recovery", False)
    row, col = on("starts at incident.product_suspected", len("starts at i"))
    ref = reference_at(POLICY, row + 1, col + 1)
    assert ref is not None and (ref.kind, ref.name) == ("event", "incident.product_suspected")


def test_hover_on_rules_notify_recovery_is_not_the_service() -> None:
    service = (
        'service recovery "障害、異常に対する復旧作業" / "Recovery work for failures and anomalies" [art 2.1.3] {\n'
    )
    assert service in POLICY
    text = POLICY.replace(service, service + "  availability target 99% when plan = standard\n") + (
        '\nattribute plan "プラン" / "Plan" {\n  value standard "標準" / "Standard"\n  default standard\n}\n'
    )
    compiled = compile_text(text)
    assert compiled.model is not None and not compiled.errors, [d.text("en") for d in compiled.errors]
    lines = lines_of(text)
    row = next(i for i, x in enumerate(lines) if "rules notify recovery" in x)
    col = lines[row].index("recovery") + 1
    assert hover_text(compiled.model, text, row, col) is None  # the notify rule has no `when`
    row = next(i for i, x in enumerate(lines) if "service recovery" in x and "rules" in x)
    col = lines[row].index("service recovery") + len("service r")
    said = hover_text(compiled.model, text, row, col)
    assert said is not None and said.startswith("**service recovery**")  # a service's targets: it has `when`


def test_definition_and_hover_over_stdio_keep_to_the_kind_and_leave_comments_alone() -> None:
    client = Client()
    try:
        client.initialize()
        uri = "file:///work/names.sla"
        assert client.open(uri, POLICY) == []
        row, col = on("rules notify recovery", len("rules notify r"))
        found = client.at("textDocument/definition", uri, row, col)
        assert found["range"]["start"] == {"line": line_no("notify recovery"), "character": 0}
        row, col = on("# reading 3", len("# reading 3: the b"))
        assert client.at("textDocument/definition", uri, row, col) is None
        assert client.at("textDocument/hover", uri, row, col) is None
        assert client.finish() == 0
    finally:
        client.kill()


# ---- completion (finding 4) --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def docs() -> Iterator[Documents]:
    d = Documents()
    d.open("u", POLICY)
    assert d.check("u", POLICY) == []
    yield d


def labels(items: list[t.CompletionItem]) -> list[str]:
    return [i.label for i in items]


def test_completion_after_a_dot_replaces_the_whole_dotted_word(docs: Documents) -> None:
    row, col = on("starts at incident.product_suspected", len("starts at incident."))
    items = completion_items(docs, "u", t.Position(line=row, character=col))
    assert items and all(i.label.startswith("incident.") for i in items)
    start = LINES[row].index("incident.product_suspected")
    for item in items:
        edit = item.text_edit
        assert isinstance(edit, t.TextEdit) and edit.new_text == item.label
        assert edit.range.start == t.Position(line=row, character=start)
        assert edit.range.end == t.Position(line=row, character=start + len("incident.product_suspected"))


def test_completion_offers_what_fits_each_label_once(docs: Documents) -> None:
    def offered(row: int, col: int) -> list[str]:
        found = labels(completion_items(docs, "u", t.Position(line=row, character=col)))
        assert len(found) == len(set(found)), found  # each label once (`business`, `continuous`)
        return found

    row, col = on("respond within 4 business hours", len("respond within 4 "))
    assert set(offered(row, col)) == {"business", "always", *"second seconds minute minutes hour hours".split()} | {
        *"day days week weeks month months".split()
    }
    row, col = on("rules notify recovery", len("rules notify "))
    assert offered(row, col) == ["recovery"]
    row, col = on("rules backup database", len("rules "))
    assert "backup" in offered(row, col) and "respond" not in offered(row, col)
    row = line_no("priority P1")
    found = offered(row + 1, 2)  # a statement of a priority
    assert "respond" in found and "calendar" not in found and "incident.reported" not in found
    assert {"calendar", "priority", "notify"} <= set(offered(0, 0))  # a declaration
    row, col = on("# reading 3", len("# reading 3: the b"))
    assert offered(row, col) == []  # in a comment


def test_completion_where_the_text_before_does_not_parse_offers_everything() -> None:
    text = POLICY.replace("  respond within 4 business hours\n", "  respond within 4 business hours @@\n  \n", 1)
    d = Documents()
    d.open("u", POLICY)
    assert d.check("u", POLICY) == []  # the names come from the last clean text
    assert d.change("u", [t.TextDocumentContentChangeWholeDocument(text=text)])
    assert d.check("u", text) != []
    row = next(i for i, x in enumerate(lines_of(text)) if x.endswith("@@")) + 1
    found = labels(completion_items(d, "u", t.Position(line=row, character=2)))
    assert {"respond", "calendar", "incident.reported", "business", "P1"} <= set(found)
    assert len(found) == len(set(found))
    where = completing(text, row, 2)
    assert where is not None and where.accepts is None


def test_completion_over_stdio_has_text_edits() -> None:
    client = Client()
    try:
        client.initialize()
        uri = "file:///work/complete-dot.sla"
        client.open(uri, POLICY)
        row, col = on("starts at incident.product_suspected", len("starts at incident."))
        position = {"line": row, "character": col}
        context = {"triggerKind": 2, "triggerCharacter": "."}
        reply = client.request(
            "textDocument/completion", {"textDocument": {"uri": uri}, "position": position, "context": context}
        )
        items = reply["result"]["items"]
        assert items and all("textEdit" in i and i["label"].startswith("incident.") for i in items)
        assert client.finish() == 0
    finally:
        client.kill()


# ---- while the text is broken (finding 5) -------------------------------------------------------------


def test_definition_while_broken_follows_the_lines_that_moved() -> None:
    client = Client()
    try:
        client.initialize()
        uri = "file:///work/moved.sla"
        assert client.open(uri, GOOD) == []
        cal = lines_of(GOOD).index('calendar business "営業時間😀" / "Biz" {')
        insert = {"start": {"line": cal, "character": 0}, "end": {"line": cal, "character": 0}}
        client.change(uri, 2, {"range": insert, "text": "oops\n\n\n"})
        assert [d["code"] for d in client.diagnostics(uri)] == ["E016"]
        row, col = at_word(GOOD, "4 business", len("4 bus"))
        found = client.at("textDocument/definition", uri, row + 3, col)
        assert found["range"]["start"] == {"line": cal + 3, "character": 0}
        said = client.at("textDocument/hover", uri, row + 3, col)
        assert said["contents"]["value"].startswith("**4営業時間**")
        assert client.at("textDocument/hover", uri, cal, 1) is None  # on the broken line itself
        assert client.finish() == 0
    finally:
        client.kill()


def test_the_lines_shared_before_and_after_a_change() -> None:
    then = "a\nb\nc\nd\ne"
    shift = Shift(then, "a\nb\nX\nY\nd\ne")
    assert [shift.to_then(i) for i in range(6)] == [0, 1, None, None, 3, 4]
    assert [shift.to_now(i) for i in range(5)] == [0, 1, None, 4, 5]
    same = Shift(then, then)
    assert [same.to_then(i) for i in range(5)] == [0, 1, 2, 3, 4]


# ---- changes count lines as LSP does (finding 2) ------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x1d", "\x1e"])
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_change_counts_lines_as_lsp_does(separator: str, newline: str) -> None:
    text = newline.join(["# a" + separator + "b", "c😀d", "e"])
    change = t.TextDocumentContentChangePartial(
        range=t.Range(start=t.Position(line=1, character=3), end=t.Position(line=2, character=0)), text="X"
    )
    assert apply_change(text, change) == newline.join(["# a" + separator + "b", "c😀Xe"])  # (😀: two UTF-16 units)
    past = t.TextDocumentContentChangePartial(
        range=t.Range(start=t.Position(line=9, character=0), end=t.Position(line=9, character=0)), text="!"
    )
    assert apply_change(text, past) == text + "!"
    whole = t.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_change(text, whole) == "new"


# ---- E001 in the policy's language ------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["ver\x00sion", "ver\ud800sion"])
def test_an_unreadable_text_is_refused_in_its_header_s_language(bad: str) -> None:
    text = GOOD.replace("version", bad, 1)
    (d,) = Documents().check("file:///nul.sla", text)
    assert d.code == "E001" and d.message.startswith(("ファイルに `NUL` バイト", "テキストに正しくない文字")), d.message
    with pytest.raises(Exception, match=r"^整形できません："):
        format_edits(text)
    english = text.replace("languages ja, en", "languages en, ja")
    (d,) = Documents().check("file:///nul-en.sla", english)
    assert d.code == "E001" and not d.message.startswith(("ファイル", "テキスト")), d.message
