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
  remember the line they start on (:class:`Map`), for located errors.
* Errors are :class:`~sla_dsl.errors.InputError` in the form of event-log
  problems: ``FILE:LINE[:COL]: error: [E16x] message`` and a ``help`` line
  (see :func:`problem`). Control characters in them are shown escaped. They
  are worded from the catalogue (``author.test.*``) in the language asked
  for (``sla test``'s ``--lang``, else the policy's primary language).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError
from ..i18n import message as said
from ..report.escape import printable

#: Largest test file read, in bytes.
MAX_BYTES = 4 * 1024 * 1024
#: Deepest nesting of mappings and lists.
MAX_DEPTH = 32
#: Most values a document may stand for once every alias is expanded.
MAX_VALUES = 200_000


def problem(where: str, code: str, message: str, help: str | None = None, lang: str = "en") -> InputError:
    """An input error ``WHERE: error: [CODE] message`` with a ``help`` line, its words in ``lang``."""
    # the frame is the same in every language, as a policy diagnostic's (the contract's `file:line:col: error:`)
    text = f"{printable(where)}: error: [{code}] {printable(message)}"
    if help:
        text += said("author.test.help", lang, help=said("diag.word.help", lang), text=printable(help))
    return InputError(text, lang=lang)


class Map(dict[str, Any]):
    """A YAML mapping that remembers the line it starts on."""

    line: int = 0


class _Loader(yaml.SafeLoader):
    """SafeLoader without timestamps (times stay strings) and with line numbers on mappings."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> Map:
    out = Map({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def load(path: Path, lang: str = "en") -> Any:
    """The document of one test file (InputError naming the file, line and column when it cannot be, in ``lang``)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise problem(str(path), "E160", said("author.test.no_such_file", lang), lang=lang) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise problem(str(path), "E160", said("author.test.cannot_read", lang, reason=reason), lang=lang) from None
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
    except UnicodeDecodeError:
        raise problem(str(path), "E160", said("author.test.not_utf8", lang, encoding="UTF-8"), lang=lang) from None
    try:
        _check_nesting(text, path, lang)
        doc = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        invalid = said("author.test.invalid_yaml", lang, yaml="YAML", problem=exc.problem)
        raise problem(where, "E160", invalid, lang=lang) from None
    except yaml.YAMLError as exc:
        invalid = said("author.test.invalid_yaml", lang, yaml="YAML", problem=exc)
        raise problem(str(path), "E160", invalid, lang=lang) from None
    _check_size(doc, path, lang)
    return doc


def _check_nesting(text: str, path: Path, lang: str) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                mark = event.start_mark
                raise problem(
                    f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path),
                    "E161",
                    said("author.test.too_deep", lang, limit=MAX_DEPTH),
                    said("author.test.too_deep.help", lang),
                    lang,
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


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
