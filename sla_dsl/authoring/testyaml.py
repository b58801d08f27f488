"""Reading ``sla test`` files: YAML with times kept as text, line numbers, and limits.

Design notes
------------
* A test file may come with a repository someone else wrote, so reading it
  must end, quickly and with a located error, whatever it holds. PyYAML's
  composer recurses once per level of nesting (``[[[[...`` 10,000 deep is a
  ``RecursionError``), and aliases share what they name, so a few lines of
  ``&a [*b, *b, ...]`` stand for a billion values that any later ``str`` or
  ``==`` walks one by one.
* So :func:`load` reads at most :data:`MAX_BYTES`, then runs PyYAML's
  parser (a loop, no recursion) over the events and refuses nesting deeper
  than :data:`MAX_DEPTH` at the line and column where it goes too deep, before
  anything is composed. Once loaded, one walk of the document (each shared
  value measured once) counts the values it stands for with every alias
  expanded, and refuses more than :data:`MAX_VALUES`, or an alias inside
  itself; the limits are far above what a test file needs.
* YAML timestamps stay strings (the implicit timestamp resolver is removed),
  so times are read once, by the same rules as the command line. Mappings
  remember the line they start on, the line and column of each key and of
  each item of a list they hold (:class:`Map`), so an error names the key or
  item at fault, not the case.
* A key given twice in one mapping is refused (E160 at the second, naming the
  first): PyYAML keeps the last value and drops the first unsaid, so a case
  with two ``events:`` lists would run only the second, and an event giving
  ``priority`` twice would be judged on one of them. A JSON Lines log refuses
  the same (E100), a CSV log a repeated column (E110). Keys are compared as the
  test reads them (``1`` and ``"1"`` are one key); the keys a merge (``<<``)
  brings may be given again, as YAML means them to be.
* What PyYAML finds wrong is said in the catalogue's words (``author.test.yaml.*``),
  in each language, from its ``problem`` and, where that helps, its ``context``
  (where a ``[``, a quote or a mapping was opened): a tab, an unclosed flow
  collection or quote, a ``:`` or ``-`` out of place, a bad indentation, an
  unknown escape, an anchor given twice or an alias without one, a tag, a
  second document, a character YAML cannot hold. An unclosed ``[`` or ``{`` is
  found from the parser's events (the innermost flow collection still open),
  since PyYAML's error does not always say where it was opened. Any other
  problem is a general sentence in Japanese, PyYAML's own words in English;
  every one keeps its ``FILE:LINE:COL``.
* Errors are :class:`~sla_dsl.errors.InputError` in the form of event-log
  problems: ``FILE:LINE[:COL]: error: [E16x] message`` and a ``help`` line
  (see :func:`problem`). Control characters in them are shown escaped. They
  are worded from the catalogue (``author.test.*``) in the language asked
  for (``sla test``'s ``--lang``, else the policy's primary language).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any, Protocol

import yaml

from ..errors import InputError, PicklesAsIs, place
from ..events.problems import os_reason
from ..i18n import message as said
from ..lang.diagnostics import words
from ..report.escape import printable

#: Largest test file read, in bytes.
MAX_BYTES = 4 * 1024 * 1024
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 32
#: Most values a document may stand for once every alias is expanded.
MAX_VALUES = 200_000


def problem(where: str, code: str, message: str, help: str | None = None, lang: str = "en") -> InputError:
    """An input error ``WHERE: error: [CODE] message`` with a ``help`` line, its words in ``lang``."""
    # the frame is the same in every language, as a policy diagnostic's (the contract's `file:line:col: error:`
    # and its `  help: ` / `  ヒント: ` line: an ASCII colon in Japanese too)
    text = f"{printable(where)}: error: [{code}] {printable(message)}"
    if help:
        text += said("author.test.help", lang, help=said("diag.word.help", lang), text=printable(help))
    return InputError(text, lang=lang, framed=True)


class _Mark(Protocol):
    """A place in the text as PyYAML marks it (its own mark or libyaml's): from 0."""

    index: int
    line: int
    column: int


class Map(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on, where each key is written, and where each
    item of a list it holds is written (lines and columns from 1), for located errors."""

    line: int = 0
    column: int = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: each key's (line, column)
        self.keys_at: dict[str, tuple[int, int]] = {}
        #: for a key whose value is a list, each item's (line, column)
        self.items_at: dict[str, list[tuple[int, int]]] = {}
        #: each key's value's (line, column)
        self.values_at: dict[str, tuple[int, int]] = {}

    def place(self, key: str) -> tuple[int, int]:
        """Where ``key`` is written: (line, column); the mapping's line (column 0: unknown) otherwise."""
        return self.keys_at.get(key, (self.line, 0))

    def value_place(self, key: str) -> tuple[int, int]:
        """Where the value of ``key`` is written; where the key is, when unknown."""
        return self.values_at.get(key) or self.place(key)

    def item_place(self, key: str, index: int) -> tuple[int, int]:
        """Where item ``index`` of the list under ``key`` is written; where the key is, when unknown."""
        items = self.items_at.get(key, [])
        return items[index] if 0 <= index < len(items) else self.place(key)


class RepeatedKey(PicklesAsIs, yaml.MarkedYAMLError):
    """A key given twice in one mapping (PyYAML would keep the last value and drop the first)."""

    def __init__(self, key: str, first: yaml.Mark, again: yaml.Mark) -> None:
        super().__init__("while constructing a mapping", first, f"found key {key!r} again", again)
        self.key, self.first, self.again = key, first, again


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps (times stay strings) and with line numbers on mappings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_MERGE = "tag:yaml.org,2002:merge"


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Map:
    seen: dict[str, yaml.Node] = {}
    for key_node, _ in node.value:
        if key_node.tag == _MERGE or not isinstance(key_node, yaml.ScalarNode):
            continue  # (what `<<` brings may be given again; a list as a key is refused below)
        key = str(loader.construct_object(key_node, deep=True))  # as the Map keeps it: `1` and "1" are one
        if key in seen:
            raise RepeatedKey(str(key_node.value), seen[key].start_mark, key_node.start_mark)
        seen[key] = key_node
    out = Map({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    out.line, out.column = _place(node.start_mark)
    # (after construct_mapping: node.value then holds the keys a merge brought too, marked where written)
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE:
            key = str(loader.construct_object(key_node, deep=True))
            out.keys_at[key] = _place(key_node.start_mark)
            out.values_at[key] = _place(value_node.start_mark)
            if isinstance(value_node, yaml.SequenceNode):
                out.items_at[key] = [_place(item.start_mark) for item in value_node.value]
    return out


def _place(mark: _Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def _at(mark: _Mark, lang: str) -> str:
    """``1 行目 8 文字目`` / ``line 1, column 8``."""
    return said("author.test.yaml.at", lang, line=mark.line + 1, column=mark.column + 1)


def _where(path: Path, mark: _Mark | None) -> str:
    return place(str(path), mark.line + 1, mark.column + 1) if mark is not None else str(path)


def _byte_place(raw: bytes, start: int) -> tuple[int, int]:
    """Line and column (from 1, in characters) of the byte ``raw[start]`` that is not UTF-8, lines counted
    as YAML counts them in its marks (``\\n``, ``\\r\\n``, a lone ``\\r``, NEL and the Unicode line breaks)."""
    lines = _LINE_BREAK.split(raw[:start].decode("utf-8"))
    return len(lines), len(lines[-1]) + 1


_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def load(path: Path, lang: str = "en") -> Any:
    """The document of one test file (InputError naming the file, line and column when it cannot be, in ``lang``)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise problem(str(path), "E160", said("author.test.no_such_file", lang), lang=lang) from None
    except OSError as exc:  # (a directory, a file not allowed: the system's reason, in the catalogue's words)
        reason = words("author.test.cannot_read", reason=os_reason(exc)).text(lang)
        raise problem(str(path), "E160", reason, lang=lang) from None
    if len(raw) > MAX_BYTES:
        raise problem(
            str(path),
            "E161",
            said("author.test.too_large", lang, limit=f"{MAX_BYTES:,}"),
            said("author.test.too_large.help", lang, key="events_file"),
            lang,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # (at the byte, as a policy's E001 is)
        line, column = _byte_place(raw, exc.start)
        not_utf8 = said("author.test.not_utf8", lang, encoding="UTF-8")
        raise problem(place(str(path), line, column), "E160", not_utf8, lang=lang) from None
    flows: list[_Mark] = []  # the flow collections (`[`, `{`) open where the parser stopped
    try:
        _check_nesting(text, path, lang, flows)
        doc = yaml.load(text, Loader=_Loader)
    except RepeatedKey as exc:
        raise problem(
            _where(path, exc.again),
            "E160",
            said("author.test.repeated_key", lang, key=exc.key, at=_at(exc.first, lang)),
            said("author.test.repeated_key.help", lang),
            lang,
        ) from None
    except yaml.MarkedYAMLError as exc:
        message, help = _yaml_words(exc, text, flows[-1] if flows else None, lang)
        invalid = said("author.test.invalid_yaml", lang, yaml="YAML", problem=message)
        raise problem(_where(path, exc.problem_mark), "E160", invalid, help, lang) from None
    except yaml.reader.ReaderError as exc:  # a character YAML cannot hold (a control character)
        raise _bad_character(exc, text, path, lang) from None
    except yaml.YAMLError:
        other = said("author.test.yaml.other", lang, yaml="YAML")
        invalid = said("author.test.invalid_yaml", lang, yaml="YAML", problem=other)
        raise problem(str(path), "E160", invalid, lang=lang) from None
    _check_size(doc, path, lang)
    return doc


#: A line break as PyYAML counts lines (a ``\r\n`` is one).
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _bad_character(exc: yaml.reader.ReaderError, text: str, path: Path, lang: str) -> InputError:
    """The located error for a character YAML cannot hold, with the escape that writes it."""
    code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
    line, column = _line_column(text, int(exc.position))
    escape = f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"
    character = said("author.test.yaml.character", lang, yaml="YAML", char=f"U+{code:04X}")
    return problem(
        place(str(path), line, column),
        "E160",
        said("author.test.invalid_yaml", lang, yaml="YAML", problem=character),
        said("author.test.yaml.character.help", lang, example=f'"{escape}"'),
        lang,
    )


def _line_column(text: str, position: int) -> tuple[int, int]:
    """The line and column (from 1) of ``text[position]``, lines counted as PyYAML counts them."""
    line, start = 1, 0
    for m in _BREAK.finditer(text, 0, position):
        line, start = line + 1, m.end()
    return line, position - start + 1


def _check_nesting(text: str, path: Path, lang: str, flows: list[_Mark]) -> None:
    """Refuse nesting deeper than :data:`MAX_DEPTH`; ``flows`` is left holding the flow collections still open."""
    opened: list[bool] = []  # each collection open: whether it is a flow one (in `flows`)
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            mark = event.start_mark
            opened.append(bool(event.flow_style) and mark is not None)
            if event.flow_style and mark is not None:
                flows.append(mark)
            if len(opened) > MAX_DEPTH:
                raise problem(
                    _where(path, mark),
                    "E161",
                    said("author.test.too_deep", lang, limit=MAX_DEPTH),
                    said("author.test.too_deep.help", lang),
                    lang,
                )
        elif isinstance(event, yaml.CollectionEndEvent) and opened.pop():
            flows.pop()


# ---- PyYAML's problems in words -----------------------------------------------------------------

#: PyYAML's names of the tokens it finds -> the catalogue's (``author.test.yaml.token.*``).
_TOKENS = {
    "<stream end>": "end",
    "<scalar>": "value",
    "<block mapping start>": "key",
    "?": "key",
    "<block sequence start>": "item",
    "-": "item",
    "<block end>": "block_end",
    "<alias>": "alias",
    "<anchor>": "anchor",
    "<tag>": "tag",
    "<document start>": "document_start",
    "<document end>": "document_end",
    "<directive>": "directive",
}
_FOUND = re.compile(r"but (?:found|got) ('[^']*'|\"[^\"]*\")$")
_CLOSE = {"[": "]", "{": "}"}
_HEX = {2: "x", 4: "u", 8: "U"}


def _quoted(text: str) -> str:
    """The character or name PyYAML shows with ``%r`` (``'\\t'``), as it is."""
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return value if isinstance(value, str) else text


def _found(problem: str) -> str | None:
    """The token PyYAML found (``<stream end>``, ``,``), from ``... but found '...'``."""
    m = _FOUND.search(problem)
    return _quoted(m.group(1)) if m else None


def _token(token: str, lang: str) -> str:
    name = _TOKENS.get(token)
    if name is None:  # (a sign: `,`, `]`, `:`)
        return said("author.test.yaml.token.sign", lang, sign=token)
    return said(f"author.test.yaml.token.{name}", lang)


def _yaml_words(exc: yaml.MarkedYAMLError, text: str, flow: _Mark | None, lang: str) -> tuple[str, str | None]:
    """What PyYAML found wrong, and what to write instead, in the catalogue's words in ``lang`` (each key
    written out, so that the error-code page finds the words of E160: :mod:`sla_dsl.docs.code_words`)."""

    problem_, context, opened = exc.problem or "", exc.context or "", exc.context_mark
    found = _found(problem_)
    if m := re.fullmatch(r"found character (.+) that cannot start any token", problem_):
        char = _quoted(m.group(1))
        if char == "\t":
            return said("author.test.yaml.tab", lang), said("author.test.yaml.tab.help", lang)
        return said("author.test.yaml.char", lang, char=char), said(
            "author.test.yaml.char.help", lang, example=f'"{char}…"'
        )
    if found == "<stream end>" and flow is not None:
        bracket = text[flow.index]
        fields = {"open": bracket, "close": _CLOSE.get(bracket, "]"), "at": _at(flow, lang)}
        return said("author.test.yaml.unclosed", lang, **fields), said("author.test.yaml.unclosed.help", lang, **fields)
    if found is not None and problem_.startswith("expected ',' or ") and flow is not None:
        bracket = text[flow.index]
        fields = {"open": bracket, "close": _CLOSE.get(bracket, "]"), "at": _at(flow, lang)}
        return said("author.test.yaml.flow", lang, found=_token(found, lang), **fields), said(
            "author.test.yaml.flow.help", lang, **fields
        )
    if found is not None and problem_.startswith("expected the node content"):
        return (
            (said("author.test.yaml.end", lang), None)
            if found == "<stream end>"
            else (said("author.test.yaml.no_value", lang, found=_token(found, lang)), None)
        )
    if found is not None and problem_.startswith("expected <block end>") and opened is not None:
        what = said("author.test.yaml.list" if "collection" in context else "author.test.yaml.mapping", lang)
        return said("author.test.yaml.indent", lang, found=_token(found, lang), what=what, at=_at(opened, lang)), said(
            "author.test.yaml.indent.help", lang
        )
    if problem_ == "mapping values are not allowed here":
        return said("author.test.yaml.mapping_value", lang), said(
            "author.test.yaml.mapping_value.help", lang, example='name: "a: b"'
        )
    if problem_ in ("sequence entries are not allowed here", "mapping keys are not allowed here"):
        found_ = _token("-" if problem_.startswith("sequence") else "?", lang)
        return said("author.test.yaml.not_here", lang, found=found_), said("author.test.yaml.indent.help", lang)
    if context.startswith("while scanning a quoted scalar") and opened is not None:
        fields = {"quote": text[opened.index], "at": _at(opened, lang)}
        if problem_ == "found unexpected end of stream":
            return said("author.test.yaml.quote", lang, **fields), said("author.test.yaml.quote.help", lang, **fields)
        if problem_ == "found unexpected document separator" and exc.problem_mark is not None:
            separator = text[exc.problem_mark.index : exc.problem_mark.index + 3]
            return said("author.test.yaml.quote_separator", lang, separator=separator, **fields), said(
                "author.test.yaml.quote.help", lang, **fields
            )
    if m := re.fullmatch(r"found unknown escape character (.+)", problem_):
        char = _quoted(m.group(1))
        return said("author.test.yaml.escape", lang, char=char), said("author.test.yaml.escape.help", lang)
    if m := re.fullmatch(r"expected escape sequence of (\d+) hexadecimal numbers, but found .+", problem_):
        n = int(m.group(1))
        return said("author.test.yaml.hex_escape", lang, letter=_HEX.get(n, "x"), n=n), said(
            "author.test.yaml.escape.help", lang
        )
    if (m := re.fullmatch(r"found duplicate anchor (.+); first occurrence", context)) and opened is not None:
        name = _quoted(m.group(1))
        return said("author.test.yaml.anchor_twice", lang, name=name, at=_at(opened, lang)), said(
            "author.test.yaml.anchor_twice.help", lang
        )
    if m := re.fullmatch(r"found undefined alias (.+)", problem_):
        name = _quoted(m.group(1))
        return said("author.test.yaml.no_anchor", lang, name=name), said(
            "author.test.yaml.no_anchor.help", lang, name=name
        )
    if problem_.startswith("expected alphabetic or numeric character") and context in (
        "while scanning an anchor",
        "while scanning an alias",
    ):
        sign = "&" if context.endswith("anchor") else "*"
        return said("author.test.yaml.no_name", lang, sign=sign), said(
            "author.test.yaml.no_name.help", lang, sign=sign, example=f'"{sign}"'
        )
    if problem_ == "could not find expected ':'" and opened is not None:
        return said("author.test.yaml.simple_key", lang, at=_at(opened, lang)), said(
            "author.test.yaml.simple_key.help", lang
        )
    if context == "expected a single document in the stream":
        return said("author.test.yaml.documents", lang), said("author.test.yaml.documents.help", lang, key="cases:")
    if m := re.fullmatch(r"could not determine a constructor for the tag (.+)", problem_):
        return said("author.test.yaml.tag", lang, tag=_quoted(m.group(1))), said("author.test.yaml.tag.help", lang)
    if problem_ == "found unhashable key":
        return said("author.test.yaml.complex_key", lang), said("author.test.yaml.complex_key.help", lang)
    if lang == "en" and problem_:  # PyYAML's own words are English: an English run keeps them
        return problem_, None
    return said("author.test.yaml.other", lang, yaml="YAML"), None


def _children(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [v for v in value.values() if isinstance(v, list | dict)]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, list | dict)]
    return []


def _check_size(doc: Any, path: Path, lang: str) -> None:
    """Refuse a document whose aliases expand beyond :data:`MAX_VALUES` values or into themselves."""
    sizes: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Any, bool]] = [(doc, False)]
    while stack:
        value, done = stack.pop()
        key = id(value)
        if done:
            open_.discard(key)
            sizes[key] = 1 + len(value) + sum(sizes[id(c)] - 1 for c in _children(value))
            if sizes[key] > MAX_VALUES:
                raise problem(
                    str(path),
                    "E161",
                    said("author.test.too_many_values", lang, limit=f"{MAX_VALUES:,}"),
                    said("author.test.too_many_values.help", lang, alias="*name"),
                    lang,
                )
            continue
        if key in sizes or not isinstance(value, list | dict):
            continue
        if key in open_:
            loop = said("author.test.alias_loop", lang)
            raise problem(str(path), "E161", loop, said("author.test.alias_loop.help", lang), lang)
        open_.add(key)
        stack.append((value, True))
        stack.extend((c, False) for c in _children(value))
