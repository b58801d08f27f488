"""The base of the typed model: where a node stands, the node every model derives from, texts and references.

Design notes
------------
* Every node is a frozen pydantic model (:class:`Node`) and keeps the :class:`Span`
  of the source text it came from, so that checks and verdicts can point back at
  the line.
* Human-facing text is a :class:`Label` (Japanese and English). Article
  references are kept as written (``3.1.4`` means Article 3, section 1, row 4).
* Equality of two policies "by meaning" ignores spans: use :func:`meaning`.
  :func:`walk` yields every model inside a node, for the checks and tools that
  look through a whole policy.
* This module imports no other part of the model: every other ``model_*``
  module builds on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Span(BaseModel):
    """Where a node stands in its source: 1-based line and column, end exclusive."""

    model_config = ConfigDict(frozen=True)

    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1


NO_SPAN = Span()


def walk(node: Any) -> Iterator[BaseModel]:
    """Every model inside ``node`` (a model, or a tuple or list of them), each before the models it holds:
    what the checks, the language check and the language server look through."""
    if isinstance(node, BaseModel):
        yield node
        for name in type(node).model_fields:
            yield from walk(getattr(node, name))
    elif isinstance(node, tuple | list):
        for item in node:
            yield from walk(item)


class Node(BaseModel):
    """Base of every model node: frozen, and remembers its span."""

    # (each model's validator built when first needed: a policy read back from the compiled cache is never
    # validated, and building them all cost every run about 20 ms)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    span: Span = Field(default=NO_SPAN, repr=False)


class Label(Node):
    """A text for people, in Japanese and English (either may be missing)."""

    ja: str | None = None
    en: str | None = None

    def text(self, lang: str = "en") -> str:
        """The text in ``lang``, falling back to the other language, then to ``""``."""
        first, second = (self.ja, self.en) if lang == "ja" else (self.en, self.ja)
        return first or second or ""


class ArticleRef(Node):
    """A reference to the source document, e.g. ``3.1.4`` (Article 3, section 1, row 4)."""

    parts: tuple[int, ...]

    @property
    def article(self) -> int:
        return self.parts[0]

    def __str__(self) -> str:
        return ".".join(str(p) for p in self.parts)


def is_span_field(name: str) -> bool:
    """Whether a model field says where something stands (``span``, ``timezone_span``), not what it means."""
    return name == "span" or name.endswith("_span")


def meaning(node: BaseModel) -> Any:
    """The node as plain data without spans: equal for policies that mean the same."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if not is_span_field(k)}
        if isinstance(value, list | tuple):
            return [strip(v) for v in value]
        return value

    return strip(node.model_dump(mode="json"))
