"""The Python API reference in the page's language: mkdocstrings' docstrings, in Japanese on the Japanese site.

Design notes
------------
* The reference blocks of a page (``::: sla_dsl.evaluate``) are rendered by mkdocstrings(-python) from the
  code's docstrings, read by griffe. The docstrings are English and stay the source; their Japanese is a
  note keyed by the English text, gettext-style, in :data:`sla_dsl.i18n.api_notes.API_NOTES` (its module
  says how the notes are written), as the schema tables' descriptions are (:mod:`.field_notes`).
* How the site is built: mkdocs-static-i18n builds the default language (Japanese, at ``/``) with mkdocs'
  own ``build()``, then, from its ``on_post_build``, calls ``build()`` again for each other language. Each
  build runs every plugin's events again, ``on_config`` included, and mkdocstrings' ``on_config`` makes a
  new set of handlers each time: the Python handler of a build has its own griffe collection, loaded from
  the source on the build's first ``:::`` block and dropped at its end (``on_post_build`` tears it down).
  A build's griffe objects are therefore that build's alone, and no language's pages see another's.
* The mechanism: before mkdocstrings renders a Japanese page (the ``sla`` plugin's ``on_page_markdown``,
  for every page written in Japanese), :meth:`Translation.page` asks the build's Python handler, through
  mkdocstrings' own calls (``MkdocstringsPlugin.get_handler``, ``handler.get_options``,
  ``handler.collect``), for the object of each ``:::`` block of the page, with the block's options, and
  puts a new griffe ``Docstring`` holding its Japanese note on the object and on everything under it. The
  block then renders exactly as on the English page (same templates, same Markdown and extensions, same
  autorefs), from the Japanese text: signatures, names, types, headings and their ids (the anchors other
  pages link to) do not change, and ````code```` in a note is code as in the docstring. The English build
  never calls it: its page is mkdocstrings' own output, byte for byte.
* Why not the other ways. A griffe extension (mkdocstrings-python's ``extensions:``) runs when the build's
  handler loads the package, but its options are the same for both builds (``mkdocs.yml``): it cannot
  tell the Japanese build from the English one without a side channel (a global, or rewriting
  mkdocstrings' configuration per build), nor which objects a page shows. mkdocstrings-python has no
  option that replaces a docstring, and a block's options are the same on both pages (the translations
  test compares them). Rewriting the rendered HTML (``on_page_content``) would need each docstring's
  English rendered again, byte for byte as the templates render it, to find and replace it. Changing the
  handler's objects before the page renders uses mkdocstrings' public calls and lets it render the
  Japanese itself.
* Which docstrings: every one under a block's object is given its note (its members, inherited ones
  included, and theirs). One with no note gets a marker instead (``sla-dsl-missing-note-N``): a page that
  *shows* one (mkdocstrings' templates and the block's options decide which members a page shows) stops
  the build in ``on_page_content`` (:meth:`Translation.check` raises :class:`.field_notes.MissingNote`,
  naming the object as the page shows it, ``sla_dsl.policy.Policy.due``, and the notes' file), so a
  Japanese page never shows an English docstring nor a meaning the code no longer has, and a member the
  page does not show needs no note. :func:`shown` says which docstrings a block shows, with
  mkdocstrings-python's own filter, for the test that lists the missing and stale notes without a build
  (``tests/docs/test_api_notes_ja.py``).
* An object is translated once per build (``obj.extra["sla_dsl"]``, griffe's place for an extension's
  data): a second Japanese page showing it keeps its Japanese. A page of another language in the same
  build showing an object a Japanese page showed would show the Japanese; no page does (the English-only
  pages of the Japanese site have no ``:::`` block).
* mkdocstrings-python writes one word of its own in English that its language files do not translate:
  ``Bases:`` before a class's bases. :func:`localize_labels` gives it in Japanese on a Japanese page
  (:data:`sla_dsl.i18n.api_notes.LABELS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from ..i18n.api_notes import API_NOTES, LABELS
from .field_notes import MissingNote

if TYPE_CHECKING:
    from griffe import Alias, Object

__all__ = ["NOTES_MODULE", "Block", "Translation", "blocks", "localize_labels", "shown"]

#: Where the notes are, for the error that asks for one.
NOTES_MODULE = "sla_dsl/i18n/api_notes.py"
#: mkdocstrings' ``:::`` line (its ``AutoDocProcessor.regex``), one line at a time.
_AUTODOC = re.compile(r"^(#{1,6} *|)::: ?(?P<name>.+?) *$")
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_MARKER = "sla-dsl-missing-note-"
_MARKED = re.compile(rf"{_MARKER}(\d+)")
#: mkdocstrings-python's line before a class's bases (``class.html.jinja``), its word in English.
_BASES = re.compile(r'(<p class="doc doc-class-bases">\s*)Bases: ')
#: The key of this package's data in a griffe object's ``extra``.
_EXTRA = "sla_dsl"


@dataclass(frozen=True)
class Block:
    """A ``::: identifier`` block of a page: the object and the YAML indented under the line."""

    identifier: str
    config: dict[str, Any] = field(default_factory=dict)

    @property
    def options(self) -> dict[str, Any]:
        """The block's own options (``options:``), merged by the handler with the site's."""
        options = self.config.get("options") or {}
        return dict(options) if isinstance(options, dict) else {}


def blocks(markdown: str) -> list[Block]:
    """Every mkdocstrings block of ``markdown``, in order: its ``:::`` lines outside fenced code, each with
    the YAML indented under it (mkdocstrings reads the same lines)."""
    found: list[Block] = []
    lines = markdown.splitlines()
    fence = ""
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        opening = _FENCE.match(line)
        if fence:
            if opening and line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = _AUTODOC.match(line)
        if match is None:
            continue
        yaml_lines = []
        if k + 1 < len(lines) and not lines[k].strip() and lines[k + 1].startswith(("    handler:", "    options:")):
            k += 1  # (options one blank line below the ``:::`` line: mkdocstrings reads them too)
        while k < len(lines) and lines[k].startswith("    ") and lines[k].strip():
            yaml_lines.append(lines[k][4:])
            k += 1
        config = yaml.safe_load("\n".join(yaml_lines)) if yaml_lines else None
        found.append(Block(match.group("name"), config if isinstance(config, dict) else {}))
    return found


def _members(obj: Object | Alias) -> Mapping[str, Object | Alias]:
    """``obj``'s members, inherited ones included (its own only when a base cannot be resolved)."""
    from griffe import AliasResolutionError, CyclicAliasError

    try:
        return obj.all_members
    except (AliasResolutionError, CyclicAliasError):
        return obj.members


def _under(obj: Object | Alias, where: str) -> Iterator[tuple[str, Object]]:
    """``(where, object)`` of ``obj`` and of everything under it, each object once (aliases resolved; an
    alias to a module, an import, is not followed). ``where`` names it as the page does."""
    from griffe import Alias, AliasResolutionError, CyclicAliasError

    todo: list[tuple[str, Object | Alias]] = [(where, obj)]
    seen: set[int] = set()
    while todo:
        path, item = todo.pop(0)
        try:
            target = item.final_target if isinstance(item, Alias) else item
        except (AliasResolutionError, CyclicAliasError):
            continue
        if id(target) in seen or (item is not obj and isinstance(item, Alias) and target.is_module):
            continue
        seen.add(id(target))
        yield path, target
        todo.extend((f"{path}.{name}", member) for name, member in _members(target).items())


@dataclass
class Translation:
    """One build's Japanese docstrings (the griffe objects are the build's: see the module's notes)."""

    notes: Mapping[str, str] = field(default_factory=lambda: API_NOTES)
    #: ``(where, English)`` of each docstring given a marker, by the marker's number
    missing: list[tuple[str, str]] = field(default_factory=list)

    def page(self, markdown: str, mkdocstrings: Any) -> None:
        """Put the Japanese in every docstring under the objects of ``markdown``'s blocks, in the Python
        handler of ``mkdocstrings`` (the build's ``MkdocstringsPlugin``), before the page renders them."""
        found = blocks(markdown)
        if not found or mkdocstrings is None:
            return
        from mkdocstrings import CollectionError, MkdocstringsPlugin

        if not isinstance(mkdocstrings, MkdocstringsPlugin) or not mkdocstrings.plugin_enabled:
            return
        for block in found:
            if mkdocstrings.handlers.get_handler_name(block.config) != "python":
                continue
            handler = mkdocstrings.get_handler("python")
            try:
                obj = handler.collect(block.identifier, handler.get_options(block.options))
            except CollectionError:
                continue  # (mkdocstrings says so when it renders the block)
            self.translate(obj, block.identifier)

    def translate(self, obj: Object | Alias, where: str) -> None:
        """Give ``obj`` and everything under it their Japanese docstrings (a marker where there is no note)."""
        from griffe import Docstring

        for path, target in _under(obj, where):
            done = target.extra[_EXTRA]
            if done.get("docstring"):
                continue
            done["docstring"] = True
            old = target.docstring
            if old is None or not old.value:
                continue
            japanese = self.notes.get(old.value)
            if japanese is None:
                japanese = f"{_MARKER}{len(self.missing)}"
                self.missing.append((path, old.value))
            target.docstring = Docstring(
                japanese,
                lineno=old.lineno,
                endlineno=old.endlineno,
                parent=target,
                parser=old.parser,
                parser_options=old.parser_options,
            )

    def check(self, html: str) -> None:
        """Raise :class:`MissingNote` if ``html`` (a rendered page) shows a docstring that has no note."""
        numbers = dict.fromkeys(int(m.group(1)) for m in _MARKED.finditer(html))
        found = [self.missing[n] for n in numbers if n < len(self.missing)]
        if found:
            raise MissingNote(
                "\n".join(
                    f"no Japanese note for the docstring of `{where}` in {NOTES_MODULE}: {text!r}"
                    for where, text in found
                )
            )


def shown(obj: Object | Alias, options: Any, where: str) -> Iterator[tuple[str, Object | Alias]]:
    """``(where, object)`` of ``obj`` and of each member a block shows under it, as mkdocstrings-python's
    templates choose them (``children.html.jinja``, with its filter :func:`do_filter_objects`), with the
    block's ``options`` (``handler.get_options``). ``where`` names each as the page does."""
    yield where, obj
    yield from _shown_members(obj, options, where, options.members)


def _shown_members(
    obj: Object | Alias, options: Any, where: str, members_list: bool | list[str] | None
) -> Iterator[tuple[str, Object | Alias]]:
    from mkdocstrings_handlers.python import do_filter_objects

    if not (obj.is_class or obj.is_module):
        return  # (a function's or an attribute's template shows no members)
    groups: list[Mapping[str, Object | Alias]]
    if options.group_by_category:
        groups = [obj.attributes, obj.type_aliases, obj.classes, obj.functions]
        if options.show_submodules:
            groups.append(obj.modules)
    else:
        groups = [obj.all_members]
    for group in groups:
        chosen = do_filter_objects(
            dict(group),
            filters=options.filters,
            members_list=members_list,
            inherited_members=options.inherited_members,
            keep_no_docstrings=options.show_if_no_docstring,
        )
        for member in chosen:
            if options.filters != "public" and members_list is None and member.is_imported and not member.is_public:
                continue
            if obj.is_class and member.is_function and member.name == "__init__" and options.merge_init_into_class:
                continue
            path = f"{where}.{member.name}"
            yield path, member
            yield from _shown_members(member, options, path, None)


def localize_labels(html: str, lang: str) -> str:
    """``html`` (a rendered page) with the words mkdocstrings-python's templates write in English whatever
    the language (``Bases:``) in ``lang``'s words."""
    if lang != "ja":
        return html
    return _BASES.sub(lambda m: m.group(1) + LABELS["Bases:"], html)
