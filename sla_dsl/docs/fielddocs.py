"""Field descriptions for the generated schemas, read from the models' own field docs.

Design notes
------------
* A field is documented in its model the way Sphinx reads it: a ``#:``
  comment on the lines just above it, or a string right below it. pydantic
  only puts ``Field(description=...)`` into a JSON Schema, so the site reads
  the source of each model class (with :mod:`ast`) and fills each property's
  ``description`` that has none; the ``.json`` files and the tables then say
  the same.
* Fields are looked up through the class's MRO, so ``at`` and ``id``
  documented once on the base event describe every event.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

__all__ = ["describe", "field_docs", "models_under"]


@cache
def _own_docs(cls: type) -> dict[str, str]:
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    lines = source.splitlines()
    body = ast.parse(source).body
    if not body or not isinstance(body[0], ast.ClassDef):
        return {}
    out: dict[str, str] = {}
    stmts = body[0].body
    for i, stmt in enumerate(stmts):
        if not isinstance(stmt, ast.AnnAssign) or not isinstance(stmt.target, ast.Name):
            continue
        comments: list[str] = []
        k = stmt.lineno - 2
        while k >= 0 and lines[k].strip().startswith("#:"):
            comments.insert(0, lines[k].strip()[2:].strip())
            k -= 1
        after = stmts[i + 1] if i + 1 < len(stmts) else None
        if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant) and isinstance(after.value.value, str):
            comments.append(" ".join(after.value.value.split()))
        if comments:
            out[stmt.target.id] = " ".join(comments)
    return out


def field_docs(cls: type) -> dict[str, str]:
    """``field -> description`` of ``cls``, its own docs first, then its bases'."""
    out: dict[str, str] = {}
    for base in reversed(cls.__mro__):
        if isinstance(base, type) and issubclass(base, BaseModel) and base is not BaseModel:
            out.update(_own_docs(base))
    return out


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def models_under(roots: Iterable[type[BaseModel]]) -> dict[str, type[BaseModel]]:
    """Every model reachable from ``roots`` through field types and subclasses, by class name."""
    out: dict[str, type[BaseModel]] = {}
    todo = list(roots)
    while todo:
        cls = todo.pop()
        if cls.__name__ in out:
            continue
        out[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
        for info in cls.model_fields.values():
            todo.extend(_models_in(info.annotation))
    return out


def describe(schema: dict[str, Any], models: dict[str, type[BaseModel]], root: type[BaseModel] | None = None) -> None:
    """Fill in the ``description`` of every property of ``schema`` (and its ``$defs``) that has none."""
    targets: list[tuple[dict[str, Any], type[BaseModel]]] = []
    if root is not None:
        targets.append((schema, root))
    for name, definition in schema.get("$defs", {}).items():
        if name in models:
            targets.append((definition, models[name]))
    for definition, cls in targets:
        docs = field_docs(cls)
        aliases = {info.serialization_alias or info.alias or key: key for key, info in cls.model_fields.items()}
        for prop, value in definition.get("properties", {}).items():
            if not isinstance(value, dict) or value.get("description"):
                continue
            doc = docs.get(aliases.get(prop, prop))
            if doc is None and "const" in value:
                doc = "always this value: it names the type of the object"
            if doc:
                value["description"] = doc
