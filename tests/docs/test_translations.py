"""A page written in both languages (``docs/**/x.ja.md`` beside ``x.en.md``) says the same thing in both.

The pairs are found by globbing, so a page translated later is checked too. For each pair:

* the same headings, level by level, in the same order (``#``, ``##``, ... outside code);
* the same fenced code blocks in the same order, byte for byte once their ``#`` comments are taken out (code is
  code in either language; a comment is text a person reads, in the page's language: ``test_ja_code_comments``);
  on the pages of :data:`MESSAGES`, whose Python samples print messages for a person (the mapping page's
  converters: what they left out, and why a fact is no event), the Japanese page's print Japanese: a string
  of its Python blocks may differ where it is in Japanese and the English one is not, with the same fields
  (``{key}``) if it is an f-string, and so may a docstring (on as many lines); every other part of the code
  is the same (:func:`same_python`);
* the same link targets (the ``(...)`` of ``[text](target)``), as a multiset;
* the same ``<!-- sla:... -->`` markers and mkdocstrings blocks (``::: sla_dsl.evaluate`` and its
  indented options) in the same order (each is text the site generates);
* and the Japanese page's prose, outside code blocks, inline code, link targets, HTML comments,
  mkdocstrings blocks and attribute lists (``{#anchor}``), has no run of two English words (a word of
  three or more Latin letters followed by another): a Japanese reader meets English only in code, and
  in the few product names of :data:`NAMES`.

These are read from the Markdown source, with no build, so they run in a moment.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"

#: Pairs that are not translations of each other, by their path under docs/ without the suffix. Their
#: Japanese page's prose is still checked for English (:func:`test_japanese_prose_has_no_english`).
NOT_TRANSLATIONS: dict[str, str] = {
    # The Japanese home page is a short guide for the SLA's Japanese readers (the SLA, the original, the
    # authors' guide); the English one is the project's home page for engineers (what the engine is, how
    # to install it and build the site). Two pages with different readers, not one page in two languages.
    "index": "the Japanese home page is for the SLA's readers, the English one for engineers",
}

#: Product and company names a Japanese sentence may name in Latin letters.
NAMES: tuple[str, ...] = (
    "Click So-ko",
    "MIC",
    "mkdocs",
    "MkDocs",
    "Jira Service Management",  # (before "Jira": the names are taken out in this order)
    "Jira",
    "ServiceNow",
    "Request Tracker",
    "Zendesk",
    "Parquet",
    "Arrow",
    "DuckDB",
    "GitHub",
)

#: Pages (by their path under docs/ without the suffix) whose Python samples print messages for a person, in the
#: page's language (:func:`same_python`).
MESSAGES: frozenset[str] = frozenset({"engineers/mapping"})
#: Japanese: kana, kanji, full-width forms (``：``, ``（``).
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+\S")
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
_REFERENCE = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?(\S+?)>?(?:[ \t].*)?$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MARKER = re.compile(r"<!--\s*sla:.*?-->", re.DOTALL)
#: A ``#`` comment in a code block (policy, Python, YAML, shell): a ``#`` at the start of a line or after a blank,
#: then a blank or the end of the line, and the rest of the line with the blanks before it.
_CODE_COMMENT = re.compile(r"(?:^|[ \t]+)#(?=[ \t]|$).*$", re.MULTILINE)
#: A mkdocstrings block: ``::: sla_dsl.evaluate`` and the indented lines of its options, documentation the
#: site generates from the code (in English in either language's site).
_AUTODOC = re.compile(r"^:::[ \t]+\S+[ \t]*(?:\n[ \t]+\S.*)*", re.MULTILINE)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
#: An attribute list (attr_list): a heading's anchor ``{#lexical-rules}``, a class; part of an address, not read.
_ATTRS = re.compile(r"\{:?[ \t]*(?:[#.]|[A-Za-z_][\w-]*=)[^{}\n]*\}")
#: Two English words in a row: one of three or more Latin letters, then another after a space or a mark.
_ENGLISH_RUN = re.compile(r"(?<![A-Za-z])[A-Za-z]{3,}(?:['’-][A-Za-z]+)*[ \t\n,;:/&.!?()\"'-]+[A-Za-z]+")


def without_comments(block: str) -> str:
    """``block`` with its ``#`` comments taken out, every line kept: the code, which is the same in either language."""
    return _CODE_COMMENT.sub("", block)


def english_runs(text: str, names: tuple[str, ...] = NAMES) -> list[str]:
    """The runs of two English words in ``text`` (Japanese prose, its code already taken out), the
    product ``names`` aside: what a Japanese page must not hold (the other docs tests ask it too)."""
    for name in names:
        text = re.sub(rf"(?<![A-Za-z]){re.escape(name)}(?![A-Za-z])", "〓", text)
    return [m.group(0) for m in _ENGLISH_RUN.finditer(text)]


@dataclass(frozen=True)
class Page:
    """A Markdown page split into its fenced code blocks and its prose (every other line, in order)."""

    path: Path
    code: tuple[str, ...]
    prose: str

    @classmethod
    def read(cls, path: Path) -> Page:
        code: list[str] = []
        prose: list[str] = []
        block: list[str] | None = None
        fence = ""
        for line in path.read_text("utf-8").splitlines(keepends=True):
            if block is None:
                opening = _FENCE.match(line)
                if opening:
                    block, fence = [line], opening.group(1)
                else:
                    prose.append(line)
                continue
            block.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                code.append("".join(block))
                block = None
        assert block is None, f"{path.relative_to(ROOT)}: a code block is never closed: {block[0]!r}"
        return cls(path, tuple(code), "".join(prose))

    def headings(self) -> list[str]:
        """The level of each heading (``#``, ``##`` ...), in order."""
        return [m.group(1) for line in self.prose.splitlines() if (m := _HEADING.match(line))]

    def links(self) -> Counter[str]:
        """Every link target of the page (inline, reference definitions, autolinks), counted."""
        text = _COMMENT.sub("", _INLINE_CODE.sub("", self.prose))
        targets = _LINK.findall(text) + _REFERENCE.findall(text)
        return Counter(targets + [m.group(0)[1:-1] for m in _AUTOLINK.finditer(text)])

    def markers(self) -> list[str]:
        """The generated text of the page, in order: its ``<!-- sla:... -->`` markers and mkdocstrings blocks."""
        found = sorted([*_MARKER.finditer(self.prose), *_AUTODOC.finditer(self.prose)], key=lambda m: m.start())
        return [" ".join(m.group(0).split()) for m in found]

    def words(self) -> str:
        """The text a reader reads: the prose without inline code, link targets, comments, mkdocstrings
        blocks, HTML tags or attribute lists (a heading's ``{#anchor}``)."""
        text = _AUTODOC.sub(" ", _COMMENT.sub(" ", self.prose))
        text = _INLINE_CODE.sub(" ", text)
        text = _LINK.sub("]", text)
        text = _REFERENCE.sub(" ", text)
        text = _AUTOLINK.sub(" ", text)
        text = _ATTRS.sub(" ", text)
        return _TAG.sub(" ", text)


def _pairs() -> list[tuple[str, Path, Path]]:
    """(name, ja, en) of every page written in both languages, by its path under docs/ without the suffix."""
    found = []
    for ja in sorted(DOCS.rglob("*.ja.md")):
        en = ja.with_name(ja.name.removesuffix(".ja.md") + ".en.md")
        if en.is_file():
            found.append((ja.relative_to(DOCS).as_posix().removesuffix(".ja.md"), ja, en))
    return found


PAIRS = _pairs()
TRANSLATIONS = [p for p in PAIRS if p[0] not in NOT_TRANSLATIONS]


def _where(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def test_the_pairs_are_found() -> None:
    names = [name for name, _, _ in PAIRS]
    assert "authors/guide" in names and "original/index" in names, names
    assert set(NOT_TRANSLATIONS) <= set(names), "an excluded pair no longer exists: take it off NOT_TRANSLATIONS"


@pytest.mark.parametrize(("name", "ja", "en"), TRANSLATIONS, ids=[p[0] for p in TRANSLATIONS])
def test_same_headings(name: str, ja: Path, en: Path) -> None:
    """The same number of headings at each level, in the same order."""
    ja_headings, en_headings = Page.read(ja).headings(), Page.read(en).headings()
    assert ja_headings == en_headings, (
        f"{_where(ja)} and {_where(en)} have different headings (levels in order):\n{ja_headings}\n{en_headings}"
    )


class _Worded(ast.NodeTransformer):
    """Every string of a tree as one (the words of a message's field, ``{'公開' if public else '社内'}``)."""

    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant("…") if isinstance(node.value, str) else node


def _fields(node: ast.AST) -> list[str]:
    """The fields of a string (an f-string's ``{...}``), as code, the words they may choose taken out."""
    found = [v.value for v in ast.walk(node) if isinstance(v, ast.FormattedValue)]
    return sorted(ast.unparse(_Worded().visit(ast.parse(ast.unparse(v), mode="eval"))) for v in found)


def _same_nodes(ja: object, en: object) -> bool:
    if isinstance(ja, list) and isinstance(en, list):
        return len(ja) == len(en) and all(_same_nodes(a, b) for a, b in zip(ja, en, strict=True))
    strings = (ast.JoinedStr, ast.Constant)
    if isinstance(ja, strings) and isinstance(en, strings) and _JAPANESE.search(ast.unparse(ja)):
        # a message in Japanese where the English page has one in English, with the same fields
        return not _JAPANESE.search(ast.unparse(en)) and _fields(ja) == _fields(en)
    if not isinstance(ja, ast.AST) or not isinstance(en, ast.AST):
        return ja == en
    if type(ja) is not type(en):
        return False
    return all(_same_nodes(getattr(ja, f), getattr(en, f)) for f in ja._fields)


def same_python(ja: str, en: str) -> bool:
    """Whether the Python blocks ``ja`` and ``en`` (fences included) are the same code but for messages: a
    string (an f-string) of ``ja`` in Japanese where ``en`` has one without Japanese, with the same fields;
    nothing else, not a name nor a string of data, may differ (a docstring is such a string). Their layout is
    compared by :func:`without_comments` but for those strings' lines, a docstring's whole (each line of it)."""

    def body(block: str) -> str:
        return block.split("\n", 1)[1].rsplit("```", 1)[0]

    if not _same_nodes(ast.parse(body(ja)), ast.parse(body(en))):
        return False
    # (the lines, without the messages and the docstrings: the same, so that no statement moved)
    strings = re.compile(r"""f?"(?:[^"\\\n]|\\.)*"|f?'(?:[^'\\\n]|\\.)*'""")

    def layout(block: str) -> list[str]:
        lines = [strings.sub("", line) for line in without_comments(block).splitlines()]
        for node in ast.walk(ast.parse(body(block))):
            if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and (
                ast.get_docstring(node) is not None
            ):
                doc = node.body[0]  # (its lines, counted from the block's fence: line 0)
                lines[doc.lineno : (doc.end_lineno or doc.lineno) + 1] = ["(docstring)"] * (
                    (doc.end_lineno or doc.lineno) - doc.lineno + 1
                )
        return lines

    return layout(ja) == layout(en)


@pytest.mark.parametrize(("name", "ja", "en"), TRANSLATIONS, ids=[p[0] for p in TRANSLATIONS])
def test_same_code_blocks(name: str, ja: Path, en: Path) -> None:
    """Every fenced code block identical in the same order, byte for byte but for its comments (each in its
    page's language) and, on a page of :data:`MESSAGES`, the messages of its Python blocks."""
    ja_code, en_code = Page.read(ja).code, Page.read(en).code
    assert len(ja_code) == len(en_code), f"{_where(ja)}: {len(ja_code)} code blocks, {_where(en)}: {len(en_code)}"
    for n, (a, b) in enumerate(zip(ja_code, en_code, strict=True), 1):
        if name in MESSAGES and a.startswith("```python") and b.startswith("```python"):
            assert same_python(a, b), f"python block {n} differs between {_where(ja)} and {_where(en)}:\n{a}\n---\n{b}"
            continue
        assert without_comments(a) == without_comments(b), (
            f"code block {n} differs between {_where(ja)} and {_where(en)}:\n{a}\n---\n{b}"
        )


def test_the_mapping_page_s_messages_are_in_japanese() -> None:
    """The converters of the Japanese mapping page print Japanese (they were the English page's byte for byte), and
    :func:`same_python` refuses any other difference: a name, a string of data, a message in English."""
    ja, en = (Page.read(DOCS / f"engineers/mapping.{lang}.md").code for lang in ("ja", "en"))
    python = [(a, b) for a, b in zip(ja, en, strict=True) if a.startswith("```python")]
    assert len(python) == 6 and all(a != b for a, b in python)
    a, b = python[0]
    assert same_python(a, b)
    assert not same_python(a.replace('"incident.responded"', '"incident.reply"', 1), b)  # (data)
    assert not same_python(a.replace("：優先度がないため除外しました", ": no priority", 1), b)  # (English)
    assert not same_python(a.replace("{PREFIX}{ticket['id']}：", "{ticket['id']}：", 1), b)  # (a field dropped)
    assert not same_python(a.replace("responded = True", "responded = False", 1), b)
    # a docstring in Japanese (the English page's in English), on as many lines; not one in other English
    (doc,) = [line for line in a.splitlines() if line.startswith('    """チケットの監査の各事実を古い順に')]
    assert not same_python(a.replace(doc, '    """The facts of a ticket, oldest first."""', 1), b)


@pytest.mark.parametrize(("name", "ja", "en"), TRANSLATIONS, ids=[p[0] for p in TRANSLATIONS])
def test_same_links(name: str, ja: Path, en: Path) -> None:
    """The same link targets, each as many times (their order follows each language's sentences)."""
    ja_links, en_links = Page.read(ja).links(), Page.read(en).links()
    assert ja_links == en_links, (
        f"link targets differ: only in {_where(ja)}: {sorted((ja_links - en_links).elements())}; "
        f"only in {_where(en)}: {sorted((en_links - ja_links).elements())}"
    )


@pytest.mark.parametrize(("name", "ja", "en"), TRANSLATIONS, ids=[p[0] for p in TRANSLATIONS])
def test_same_generated_text(name: str, ja: Path, en: Path) -> None:
    """The same ``<!-- sla:... -->`` markers and mkdocstrings blocks (text the site generates), in the same order."""
    assert Page.read(ja).markers() == Page.read(en).markers(), f"{_where(ja)} and {_where(en)}"


@pytest.mark.parametrize(("name", "ja", "en"), PAIRS, ids=[p[0] for p in PAIRS])
def test_japanese_prose_has_no_english(name: str, ja: Path, en: Path) -> None:
    """No two English words in a row in the Japanese page's prose, product names aside."""
    runs = english_runs(Page.read(ja).words())
    assert not runs, f"{_where(ja)}: English in the Japanese prose (put code in `...`): {runs}"
