"""The TextMate grammar, the Pygments lexer's words, and the pre-commit hook definitions.

The TextMate grammar is read as an editor reads it (:class:`TextMate`: at each point of a line, the
pattern whose match starts first, the earlier pattern on a tie; a ``begin``/``end`` region up to its end,
its inner patterns skipped over; captures scoped by group), over whole policies: every keyword of the
language, wherever it stands (``rules calendar business, service portal``, ``hours business except
maintenance, planned stops``, not only at the start of a line), gets a keyword's scope; so do the names
of days (``on last weekday``). Searching each word alone (`` calendar ``) cannot tell: a pattern anchored
at the start of a line matches it there.

A declaration keyword has the declaration's scope only where the parser reads a top-level declaration
starting, outside every block; inside a block (``{ ... }``, a region of the grammar open across lines) it
names what is declared elsewhere: ``calendar business`` in a maintenance block, ``rules calendar business``.
Before, the grammar gave the declaration's scope to any of them at the start of a line, indented or not, so
``calendar business`` in a maintenance block read as a calendar declared there.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from lark import Token, Tree
from pygments.token import Keyword, Name

from sla_dsl.lang.lexer import SlaLexer
from sla_dsl.lang.parser import build_parser, get_parser

#: a scoped piece of a line: (start, end, scope, depth), the depth of the regions it is inside
Piece = tuple[int, int, str, int]

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = json.loads((ROOT / "editors" / "sla.tmLanguage.json").read_text("utf-8"))
POLICIES = sorted((ROOT / "policies").rglob("*.sla"))

#: The scopes a word of the language may have: a keyword, a declaration's, a unit, a constant (days).
KEYWORD_SCOPES = ("keyword.", "storage.type.", "support.constant.")
#: The scopes of a declaration's keyword and of the name it declares.
DECLARATION, DECLARED_NAME = "storage.type.declaration.", "entity.name.type."

#: Every keyword the policies leave out, and each declaration word where no declaration starts.
SAMPLE = """sla "Sample" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
  credit total at most 30% monthly
}
attribute plan {
  values standard, premium
  default standard
  changes at incident.reprioritized
}
calendar business {
  days mon..fri
  hours 09:00-18:00
  open 2026-05-02
  closed yearly 12-31
}
service portal {
  hours business except maintenance, planned stops
  availability target 99.5% per period
}
maintenance monthly_last {
  every month on last weekday, 22:00-24:00
  calendar business
  if not a business day: previous business day
}
maintenance yearly {
  every year on 12-30, 01:00-02:00
  calendar business
  if not a business day: skip
}
planned stop {
  notice 2 weeks before start date by email
  emergency without notice, excused
}
clock response { starts at incident.reported }
clock resolution {
  starts at incident.reported
  stops at incident.resolved
  resets at incident.reprioritized
  restarts at incident.customer_replied
  cancels at incident.info_provided
  not due at incident.responded until incident.resolved
}
priority P1 {
  when plan = premium and plan != standard
  respond by end of 1st business day
  resolve within 30 minutes on resolution, plus 1 minute if received outside business hours
}
priority P1 {
  respond within 90 seconds
  credit 5% per breach, at most 25% monthly
  first reply within 1 second on resolution
}
notify n { within 1 hour after outage.started met by outage.notified }
backup db { every 1 day }
exclude force_majeure
item 1 {
  rules calendar business, service portal, maintenance yearly, clock resolution, priority P1
  rules notify n, backup db, exclude force_majeure, planned stop
}
"""


class TextMate:
    """A small TextMate tokeniser over the grammar's top-level patterns, one line at a time as an editor reads
    a document: at each point, the pattern whose match starts first, the earlier pattern on a tie (an open
    region's ``end`` before its own patterns); a ``begin``/``end`` region stays open across lines (a block
    ``{ ... }``), its patterns the only ones tried inside it; each piece scoped with its depth, the region's
    name under the pieces inside it."""

    def __init__(self, grammar: dict[str, Any]) -> None:
        self.repository = grammar["repository"]
        self.patterns = self._flatten(grammar["patterns"])

    def _flatten(self, patterns: list[dict[str, Any]]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for p in patterns:
            if "include" in p:
                out += self._flatten([self.repository[p["include"].lstrip("#")]])
            elif "match" in p or "begin" in p:
                out.append(p)
            else:
                out += self._flatten(p["patterns"])
        return out

    @staticmethod
    def _first(patterns: list[dict[str, Any]], line: str, pos: int) -> tuple[dict[str, Any], re.Match[str]] | None:
        best: tuple[dict[str, Any], re.Match[str]] | None = None
        for p in patterns:
            found = re.compile(p.get("match") or p["begin"]).search(line, pos)
            if found is not None and (best is None or found.start() < best[1].start()):
                best = (p, found)
        return best

    @staticmethod
    def _captured(captures: dict[str, Any] | None, found: re.Match[str], depth: int) -> list[Piece]:
        return [
            (found.start(int(group)), found.end(int(group)), scope["name"], depth)
            for group, scope in (captures or {}).items()
            if found.group(int(group)) is not None
        ]

    def document(self, text: str) -> list[list[Piece]]:
        """The scoped pieces of each line of ``text``: (start, end, scope, depth)."""
        stack: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []  # the regions open, outermost first
        since: list[int] = []  # where each open region starts on the line being read (0: on an earlier line)
        lines: list[list[Piece]] = []
        for line in text.split("\n"):
            pieces: list[Piece] = []
            since = [0] * len(stack)
            pos = 0
            while pos <= len(line):
                depth = len(stack)
                candidates = [{"match": stack[-1][0]["end"], "end": True}, *stack[-1][1]] if stack else self.patterns
                hit = self._first(candidates, line, pos)
                if hit is None:
                    break
                p, found = hit
                if p.get("end") is True:  # the open region ends (a zero-width end: at the same point)
                    region, _ = stack.pop()
                    pieces += self._captured(region.get("endCaptures"), found, depth)
                    if "name" in region:
                        pieces.append((since.pop(), found.end(), region["name"], depth - 1))
                    else:
                        since.pop()
                    pos = found.end()
                    continue
                if "begin" in p:
                    assert found.end() > found.start(), p["begin"]
                    pieces += self._captured(p.get("beginCaptures"), found, depth + 1)
                    stack.append((p, self._flatten(p.get("patterns", []))))
                    since.append(found.start())
                elif "captures" in p:
                    pieces += self._captured(p["captures"], found, depth)
                else:
                    pieces.append((found.start(), found.end(), p["name"], depth))
                pos = found.end() if found.end() > pos else pos + 1
            for k, (region, _) in enumerate(stack):  # the regions still open run to the end of the line
                if "name" in region:
                    pieces.append((since[k], len(line), region["name"], k))
            lines.append(pieces)
        return lines

    @staticmethod
    def innermost(pieces: list[Piece], start: int, end: int) -> str | None:
        """The scope of the innermost piece that covers [start, end), if one does."""
        covering = [(depth, scope) for a, b, scope, depth in pieces if a <= start and end <= b]
        return max(covering)[1] if covering else None

    def scope_of(self, line: str, start: int, end: int) -> str | None:
        """The scope of the piece of ``line``, read alone (outside every block), that covers [start, end)."""
        return self.innermost(self.document(line)[0], start, end)


TM = TextMate(GRAMMAR)


def _keywords() -> dict[str, str]:
    """The grammar's keyword terminals: name -> word."""
    return {
        str(t.name): str(t.pattern.value)
        for t in get_parser().terminals
        if t.pattern.type == "str" and str(t.pattern.value).isalpha() and str(t.pattern.value) != "art"
    }


def _keyword_tokens(text: str) -> list[Token]:
    """Every keyword of ``text`` as the parser reads it (so a word is a keyword only where the grammar says)."""
    keywords = _keywords()
    tree = build_parser(keep_all_tokens=True).parse(text)
    return [t for t in tree.scan_values(lambda v: isinstance(v, Token)) if t.type in keywords]


TEXTS = {p.name: p.read_text("utf-8") for p in POLICIES} | {"sample": SAMPLE}


def test_the_texts_hold_every_keyword() -> None:
    seen = {str(t) for text in TEXTS.values() for t in _keyword_tokens(text)}
    assert set(_keywords().values()) <= seen, sorted(set(_keywords().values()) - seen)


def _declarations(text: str) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Where ``text``'s top-level declarations start, as the parser reads them: the (line, column) of each
    one's keyword (``planned`` of ``planned stop``), and of the name it declares (``business`` of ``calendar
    business {``, ``1`` of ``item 1``, the text of ``sla "..."``)."""
    keywords, names = set(), set()
    for decl in build_parser(keep_all_tokens=True).parse(text).children:
        assert isinstance(decl, Tree)
        first, second = sorted(decl.scan_values(lambda v: isinstance(v, Token)), key=lambda t: (t.line, t.column))[:2]
        keywords.add((first.line, first.column))
        if second.type != "STOP":
            names.add((second.line, second.column))
    return keywords, names


def _scopes(text: str) -> Callable[[Token], str | None]:
    """The scope the grammar gives a token of ``text``, the whole text read as an editor reads it."""
    lines = TM.document(text)

    def scope(tok: Token) -> str | None:
        assert tok.line is not None and tok.column is not None
        return TM.innermost(lines[tok.line - 1], tok.column - 1, tok.column - 1 + len(tok))

    return scope


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_keyword_has_a_keyword_scope_where_it_stands(name: str) -> None:
    """A declaration's scope where a top-level declaration starts, and only there: ``calendar business`` in a
    maintenance block and ``rules calendar business`` name a calendar, they declare none."""
    text = TEXTS[name]
    lines = text.split("\n")
    starts, _ = _declarations(text)
    scope = _scopes(text)
    missing = []
    for tok in _keyword_tokens(text):
        found = scope(tok)
        declares = (tok.line, tok.column) in starts
        if found is None or not found.startswith(KEYWORD_SCOPES) or declares != found.startswith(DECLARATION):
            missing.append((tok.line, str(tok), found, lines[tok.line - 1]))
    assert missing == []


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_a_name_is_a_declared_name_only_where_it_is_declared(name: str) -> None:
    text = TEXTS[name]
    lines = text.split("\n")
    _, declared = _declarations(text)
    scope = _scopes(text)
    wrong = []
    for tok in build_parser(keep_all_tokens=True).parse(text).scan_values(lambda v: isinstance(v, Token)):
        found = scope(tok)
        if ((tok.line, tok.column) in declared) != (found is not None and found.startswith(DECLARED_NAME)):
            wrong.append((tok.line, str(tok), found, lines[tok.line - 1]))
    assert wrong == []


def _in_block(line: str) -> str:
    return f"item 1 {{\n{line}\n}}"


@pytest.mark.parametrize(
    ("text", "word", "scope"),
    [
        (_in_block("  rules calendar business, service recovery"), "calendar", "keyword."),
        (_in_block("  rules calendar business, service recovery"), "service", "keyword."),
        (_in_block("  rules notify recovery, planned stop"), "planned", "keyword."),
        (_in_block("  hours always except maintenance, planned stops"), "maintenance", "keyword."),
        (_in_block("  hours always except maintenance, planned stops"), "planned", "keyword."),
        (_in_block("  every month on last weekday, 22:00-24:00"), "weekday", "support.constant.weekday"),
        ("maintenance m {\n  calendar business\n}", "calendar", "keyword.other"),
        ("maintenance m {\n  calendar business\n}", "business", "keyword.other"),
        ("maintenance m {\n  calendar business\n}", "{", "punctuation.section.block.begin"),
        ("maintenance m {\n  calendar business\n}", "}", "punctuation.section.block.end"),
        ("maintenance m { calendar business }", "calendar", "keyword.other"),
        ("clock a { starts at incident.reported } clock b {", "b", "entity.name.type"),
        ("calendar business {", "calendar", "storage.type.declaration"),
        ("calendar business {", "business", "entity.name.type"),
        ('calendar c "{" {\n  days mon\n}\nservice s {', "service", "storage.type.declaration"),
        # a block left open ends where a declaration no statement begins with starts (as the parser reads it)
        ("calendar c {\n  days mon..fri\nitem 1 {\n  rules calendar c\n}", "item", "storage.type.declaration"),
        (_in_block('  note "calendar service"'), "service", "string."),
        (_in_block("  # rules calendar { business"), "business", "comment."),
        ("service s {\n  # }\n  rules calendar business\n}", "calendar", "keyword.other"),
    ],
)
def test_words_where_they_stand(text: str, word: str, scope: str) -> None:
    """The last ``word`` of ``text``, ``text`` read as an editor reads it."""
    *_, last = re.finditer(rf"(?<![\w.]){re.escape(word)}(?![\w.])", text)
    row = text.count("\n", 0, last.start())
    start = last.start() - (text.rfind("\n", 0, last.start()) + 1)
    found = TM.innermost(TM.document(text)[row], start, start + len(word))
    assert found is not None and found.startswith(scope), (text, word, found)


def test_the_textmate_reader_reads_strings_with_escapes() -> None:
    line = r'  note "a \" calendar" calendar'
    assert TM.scope_of(line, line.index("calendar"), line.index("calendar") + 8) == "string.quoted.double.sla"
    last = line.rindex("calendar")
    assert TM.innermost(TM.document(_in_block(line))[1], last, last + 8) == "keyword.other.sla"


def test_the_article_reference() -> None:
    assert re.search(GRAMMAR["repository"]["reference"]["match"], "[art 3.1.4]")
    assert GRAMMAR["scopeName"] == "source.sla" and GRAMMAR["fileTypes"] == ["sla"]


def test_the_pygments_lexer_has_the_same_words_where_they_stand() -> None:
    def kinds(line: str) -> dict[str, Any]:
        return {v: t for t, v in SlaLexer().get_tokens(line) if v.strip()}

    said = kinds("  rules calendar business, service recovery, planned stop")
    assert all(said[w] in Keyword for w in ("rules", "calendar", "service", "planned", "stop"))
    said = kinds("  hours always except maintenance, planned stops")
    assert all(said[w] in Keyword for w in ("except", "maintenance", "planned", "stops"))
    assert kinds("  every month on last weekday, 22:00-24:00")["weekday"] in Name.Constant


def test_pre_commit_hooks() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert hooks["sla-check"]["entry"] == "sla check"
    assert hooks["sla-fmt"]["entry"] == "sla fmt --check"
    assert all(re.search(h["files"], "policies/clicksoko.sla") for h in hooks.values())
