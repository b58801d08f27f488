"""The TextMate grammar, the Pygments lexer's words, and the pre-commit hook definitions.

The TextMate grammar is read as an editor reads it (:class:`TextMate`: at each point of a line, the
pattern whose match starts first, the earlier pattern on a tie; a ``begin``/``end`` region up to its end,
its inner patterns skipped over; captures scoped by group), over whole policies: every keyword of the
language, wherever it stands (``rules calendar business, service portal``, ``hours business except
maintenance, planned stops``, not only at the start of a line), gets a keyword's scope; so do the names
of days (``on last weekday``). Searching each word alone (`` calendar ``) cannot tell: a pattern anchored
at the start of a line matches it there.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from lark import Token
from pygments.token import Keyword, Name

from sla_dsl.lang.lexer import SlaLexer
from sla_dsl.lang.parser import build_parser, get_parser

ROOT = Path(__file__).resolve().parents[2]
GRAMMAR = json.loads((ROOT / "editors" / "sla.tmLanguage.json").read_text("utf-8"))
POLICIES = sorted((ROOT / "policies").rglob("*.sla"))

#: The scopes a word of the language may have: a keyword, a declaration's, a unit, a constant (days).
KEYWORD_SCOPES = ("keyword.", "storage.type.", "support.constant.")

#: Every keyword the policies leave out, and each declaration word where no declaration starts.
SAMPLE = """sla "Sample" {
  format 1
  version "1"
  effective 2026-04-01
  timezone Asia/Tokyo
  languages en
}
attribute plan {
  values standard, premium
  default standard
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
}
priority P1 {
  when plan = premium and plan != standard
  respond by end of 1st business day
  resolve within 30 minutes on resolution, plus 1 minute if received outside business hours
}
priority P1 {
  respond within 90 seconds
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
    """A small TextMate tokeniser of one line at a time over the grammar's top-level patterns."""

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

    def scopes(self, line: str) -> list[tuple[int, int, str]]:
        """(start, end, scope) of each scoped piece of ``line``."""
        out: list[tuple[int, int, str]] = []
        pos = 0
        while pos < len(line):
            hit = self._first(self.patterns, line, pos)
            if hit is None:
                break
            p, found = hit
            if "begin" in p:  # a region: up to the first end not inside one of its own patterns
                inner = [{"match": p["end"], "name": "end"}, *p.get("patterns", [])]
                at = found.end()
                while True:
                    step = self._first(inner, line, at)
                    if step is None or step[0]["name"] == "end":
                        end = len(line) if step is None else step[1].end()
                        break
                    at = max(step[1].end(), at + 1)
                out.append((found.start(), end, p["name"]))
                pos = max(end, pos + 1)
                continue
            if "captures" in p:
                for group, scope in p["captures"].items():
                    if found.group(int(group)) is not None:
                        out.append((found.start(int(group)), found.end(int(group)), scope["name"]))
            else:
                out.append((found.start(), found.end(), p["name"]))
            pos = max(found.end(), pos + 1)
        return out

    def scope_of(self, line: str, start: int, end: int) -> str | None:
        """The scope of the piece of ``line`` that covers [start, end), if one does."""
        return next((scope for a, b, scope in self.scopes(line) if a <= start and end <= b), None)


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


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_keyword_has_a_keyword_scope_where_it_stands(name: str) -> None:
    lines = TEXTS[name].split("\n")
    missing = []
    for tok in _keyword_tokens(TEXTS[name]):
        assert tok.line is not None and tok.column is not None
        line = lines[tok.line - 1]
        scope = TM.scope_of(line, tok.column - 1, tok.column - 1 + len(tok))
        if scope is None or not scope.startswith(KEYWORD_SCOPES):
            missing.append((tok.line, str(tok), scope, line))
    assert missing == []


@pytest.mark.parametrize(
    ("line", "word", "scope"),
    [
        ("  rules calendar business, service recovery", "calendar", "keyword."),
        ("  rules calendar business, service recovery", "service", "keyword."),
        ("  rules notify recovery, planned stop", "planned", "keyword."),
        ("  hours always except maintenance, planned stops", "maintenance", "keyword."),
        ("  hours always except maintenance, planned stops", "planned", "keyword."),
        ("  every month on last weekday, 22:00-24:00", "weekday", "support.constant.weekday"),
        ("calendar business {", "calendar", "storage.type.declaration"),
        ("calendar business {", "business", "entity.name.type"),
        ('  note "calendar service"', "service", "string."),
        ("  # rules calendar business", "calendar", "comment."),
    ],
)
def test_words_where_they_stand(line: str, word: str, scope: str) -> None:
    start = line.index(word)
    found = TM.scope_of(line, start, start + len(word))
    assert found is not None and found.startswith(scope), (line, word, found)


def test_the_textmate_reader_reads_strings_with_escapes() -> None:
    line = r'  note "a \" calendar" calendar'
    assert TM.scope_of(line, line.index("calendar"), line.index("calendar") + 8) == "string.quoted.double.sla"
    last = line.rindex("calendar")
    assert TM.scope_of(line, last, last + 8) == "keyword.other.sla"


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
