"""MkDocs plugin ``sla``: every configured policy becomes pages of the site.

Design notes
------------
* Configuration (``mkdocs.yml``)::

      plugins:
        - sla:
            policies: [policies/clicksoko.sla]   # relative to mkdocs.yml
            languages: [ja, en]
            path: sla                            # where the pages go
            maintenance_count: 12
            customer: false                      # true: customer pages only, no source links

* For each policy (versions of one policy share its ``sla "name"`` and are
  ordered by effective date; the newest is rendered) the plugin adds
  ``<path>/<slug>/<lang>/index.md`` per language and ``<path>/<slug>/source.md``
  (plus ``source-<version>.md`` for older versions), where ``slug`` comes from
  the policy's name. The pages are generated files (``File.generated``): nothing
  is written into ``docs/``.
* Computed parts (maintenance windows, worked deadlines) start from the build
  date in the policy's time zone, so a page built later never lists past dates
  as upcoming. ``today: YYYY-MM-DD`` in ``mkdocs.yml`` or the environment
  variable ``SLA_DOCS_TODAY`` fixes the date instead, for reproducible builds
  and tests. The windows are also written as an iCalendar feed
  ``<path>/<slug>/maintenance.ics`` (:mod:`.ical`).
* With ``mkdocs-static-i18n`` (plugin ``i18n``) the site is built once per
  language; each build generates only its own language's page, at
  ``<path>/<slug>/index.md`` under the language's folder (none for the default
  language), and tells the i18n plugin the page's other-language versions so
  Material's language switcher stays on the same page. Without ``i18n`` the
  pages are ``<path>/<slug>/<lang>/index.md``, each linking to the others.
* ``customer: true`` is the customers' build (``mkdocs-customer.yml``): no
  policy-source pages, no links to source lines, no schema files; a site of
  one policy opens on the policy page itself (``index.md``).
* Hand-written pages can ask for generated reference text with markers, each
  alone on a line: ``<!-- sla:events-schema -->``, ``<!-- sla:report-schema -->``,
  ``<!-- sla:cli -->``, ``<!-- sla:error-codes -->`` (:mod:`.codes`) and
  ``<!-- sla:text FILE -->`` (a text file from the docs directory, shown verbatim). The JSON Schema files are added as
  ``<path>/schema/events.schema.json`` and ``report.schema.json``.
* A policy that does not compile stops the build with its diagnostics
  (``PluginError``), the same messages ``sla check`` prints.
"""

from __future__ import annotations

import datetime as dt
import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..i18n import message
from ..lang.diagnostics import PolicyError
from ..policy import load_policy
from ..policy.compiled import Policy
from . import codes, history, ical, schema
from .event_types import declared_markdown
from .render import PageContext, render_policy
from .source import CSS, JS, render_source
from .text import LANGS, esc, t

__all__ = ["SlaPlugin", "SlaPluginConfig"]

_MARKER = re.compile(r"^<!--\s*sla:([a-z-]+)(?:\s+(\S+))?\s*-->\s*$", re.MULTILINE)


class SlaPluginConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``sla`` plugin."""

    policies = c.ListOfItems(c.Type(str), default=[])
    languages = c.ListOfItems(c.Choice(LANGS), default=list(LANGS))
    path = c.Type(str, default="sla")
    today = c.Optional(c.Type((str, dt.date)))
    maintenance_count = c.Type(int, default=12)
    moved_years = c.Type(int, default=5)
    schemas = c.Type(bool, default=True)
    customer = c.Type(bool, default=False)
    originals = c.Type(str, default="original")


@dataclass
class _Group:
    """The versions of one policy, oldest first."""

    slug: str
    versions: list[tuple[Policy, str]] = field(default_factory=list)  # (policy, source text)

    @property
    def newest(self) -> Policy:
        return self.versions[-1][0]


def slugify(name: str) -> str:
    """A URL segment for a policy name: ``Click So-ko`` -> ``click-so-ko``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "policy"


class SlaPlugin(BasePlugin[SlaPluginConfig]):  # type: ignore[no-untyped-call]
    """Renders each configured policy as Japanese and English pages, with its highlighted source."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.paths: list[Path] = []
        self.schema_files: dict[str, File] = {}
        self.page_langs: dict[str, str] = {}
        self.ics_files: dict[str, File] = {}

    # -- configuration ------------------------------------------------------------------
    def reference_date(self, group: _Group) -> dt.date:
        """The date the computed parts of ``group``'s pages start from."""
        today = self.config.today or os.environ.get("SLA_DOCS_TODAY", "")
        if isinstance(today, dt.date):
            return today
        if isinstance(today, str) and today:
            try:
                return dt.date.fromisoformat(today)
            except ValueError:
                raise PluginError(
                    f"sla: `today` (or SLA_DOCS_TODAY) must be a date (YYYY-MM-DD), not `{today}`"
                ) from None
        return dt.datetime.now(group.newest.tz).date()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Compile every configured policy and group the versions of each."""
        base = Path(config.config_file_path or ".").resolve().parent
        self.paths = [(base / p).resolve() for p in self.config.policies]
        by_name: dict[str, _Group] = {}
        for path in self.paths:
            try:
                text = path.read_text("utf-8")
                policy = load_policy(path)
            except PolicyError as exc:
                # in the policy's primary language, as `sla check` (English when it declares none)
                heading = message("cli.docs.not_compiled", exc.lang, path=path)
                raise PluginError(f"sla: {heading}\n{exc.render(False)}") from None
            except OSError as exc:
                raise PluginError(f"sla: cannot read policy {path}: {exc.strerror}") from None
            group = by_name.setdefault(policy.name, _Group(slugify(policy.name)))
            group.versions.append((policy, text))
        for group in by_name.values():
            group.versions.sort(key=lambda v: (v[0].effective, v[0].version))
        self.groups = list(by_name.values())
        # the pages give their headings ids with `{#id}` (attr_list) and rely on a table of contents
        for ext in ("attr_list", "toc"):
            if ext not in config.markdown_extensions:
                config.markdown_extensions.append(ext)
        css = f"{self.config.path}/sla.css"
        if self.groups and css not in [str(x) for x in config.extra_css]:
            config.extra_css.append(css)
        js = f"{self.config.path}/sla.js"
        if self.groups and js not in [str(x) for x in config.extra_javascript]:
            config.extra_javascript.append(js)
        return config

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer | None:
        """Rebuild when a policy file changes."""
        for path in self.paths:
            server.watch(str(path))
        return server

    # -- generated files -------------------------------------------------------------------
    @staticmethod
    def _i18n(config: MkDocsConfig) -> tuple[str, str] | None:
        """``(language of this build, default language)`` when mkdocs-static-i18n builds the site."""
        plugin = config.plugins.get("i18n")
        current = getattr(plugin, "current_language", None)
        default = getattr(plugin, "default_language", None)
        if isinstance(current, str) and isinstance(default, str):
            return current, default
        return None

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has sorted the hand-written files by language
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Add the policy pages, their sources, the stylesheet and the schema files."""
        root = self.config.path.strip("/")
        if self.groups:
            files.append(File.generated(config, f"{root}/sla.css", content=CSS))
            files.append(File.generated(config, f"{root}/sla.js", content=JS))
        for group in self.groups:
            self._add_group(files, config, root, group)
        if self.config.schemas and not self.config.customer:
            for name, make in (("events", schema.events_schema), ("report", schema.report_schema)):
                f = File.generated(config, f"{root}/schema/{name}.schema.json", content=schema.dumps(make()))
                files.append(f)
                self.schema_files[name] = f
        return files

    def _add_group(self, files: Files, config: MkDocsConfig, root: str, group: _Group) -> None:
        base = f"{root}/{group.slug}"
        i18n = self._i18n(config)
        prefix = "" if i18n is None or i18n[0] == i18n[1] else f"{i18n[0]}/"

        def generated(uri: str, content: str, lang_prefix: str = prefix) -> File:
            f = File.generated(config, uri, content=content)
            f.dest_uri = lang_prefix + f.dest_uri
            return f

        reference = self.reference_date(group)
        ics = generated(f"{base}/maintenance.ics", ical.maintenance_ics(group.newest, reference), "")
        files.append(ics)
        self.ics_files[group.slug] = ics
        sources: list[File] = []
        if not self.config.customer:
            for i, (pol, text) in enumerate(group.versions):
                newest = i == len(group.versions) - 1
                uri = f"{base}/source.md" if newest else f"{base}/source-{slugify(pol.version)}.md"
                # in the build's language (Japanese at the root of the full site); the source itself as written
                lang = i18n[0] if i18n else "en"
                title = f"{t('source_page', lang)}{'：' if lang == 'ja' else ': '}{pol.name} {pol.version}"
                body = f'---\ntitle: "{esc(title)}"\n---\n\n# {esc(title)}\n\n{render_source(text, pol.model)}\n'
                f = generated(uri, body)
                files.append(f)
                sources.append(f)
        langs = list(self.config.languages)
        # the customers' site of one policy opens on the policy itself
        home = "index.md" if self.config.customer and len(self.groups) == 1 else f"{base}/index.md"
        if i18n is None:
            pages = {lang: generated(home.replace("index.md", f"{lang}/index.md"), "") for lang in langs}
            build = langs
        else:
            pages = {
                lang: generated(home, "", "" if lang == i18n[1] else f"{lang}/")
                for lang in dict.fromkeys([*langs, i18n[0]])
            }
            build = [i18n[0]]
            for lang, page in pages.items():  # what mkdocs-static-i18n reads for its language switcher
                page.alternates = pages  # type: ignore[attr-defined]
                page.locale = page.locale_alternate_of = page.localization = lang  # type: ignore[attr-defined]
                page.norm_src_uri = page.src_uri  # type: ignore[attr-defined]
        for lang in build:
            page = pages[lang]
            versions: list[tuple[Policy, list[history.Change], str | None]] = []
            prev: Policy | None = None
            for k, (pol, _) in enumerate(group.versions):
                changes = history.diff(prev.model, pol.model) if prev is not None else []
                url = sources[k].url_relative_to(page) if len(group.versions) > 1 and sources else None
                versions.append((pol, changes, url))
                prev = pol
            others = {k: v.url_relative_to(page) for k, v in pages.items() if k in langs}
            ctx = PageContext(
                lang=lang,
                source_url=sources[-1].url_relative_to(page) if sources else "",
                other_langs=others if len(langs) > 1 and i18n is None else {},
                reference=reference,
                maintenance_count=self.config.maintenance_count,
                moved_years=self.config.moved_years,
                versions=versions,
                ics_url=ics.url_relative_to(page),
                customer=self.config.customer,
                original=self._original(config, group),
            )
            page.content_string = render_policy(group.newest, ctx)
            files.append(page)
            self.page_langs[page.src_uri] = lang

    def _original(self, config: MkDocsConfig, group: _Group) -> str | None:
        """The text of the original the policy header names (``source "..."``), from the docs folder."""
        name = group.newest.model.header.source
        if not name:
            return None
        docs = Path(config.docs_dir).resolve()
        for folder in (docs / self.config.originals, docs, self.paths[0].parent if self.paths else docs):
            path = folder / name
            if path.is_file():
                return path.read_text("utf-8")
        return None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Tag a page with the language of its text (``<html lang="ja">``).

        A policy page has its own language; under mkdocs-static-i18n a
        hand-written page keeps the language it is written in: that of its
        suffix (``index.ja.md``), and English for a page without one (the
        authors' and engineers' pages, built in every language's site).
        """
        lang = self.page_langs.get(page.file.src_uri)
        i18n = self._i18n(config)
        if i18n is not None:
            lang = i18n[0] if page.file.src_uri in self.page_langs else self._written_in(page)
        if lang is None:
            return output
        return re.sub(r'(<html\b[^>]*\blang=")[^"]*(")', rf"\g<1>{lang}\g<2>", output, count=1)

    @staticmethod
    def _written_in(page: Page) -> str | None:
        """The language a hand-written page is written in, under mkdocs-static-i18n: its suffix's
        (``index.ja.md``), or English for a page without one; None for a file the i18n plugin did not sort."""
        localization = getattr(page.file, "localization", None)
        if isinstance(localization, str):
            return localization
        return "en" if isinstance(getattr(page.file, "locale", None), str) else None

    def _english_only_note(self, page: Page, config: MkDocsConfig) -> str:
        """On a Japanese build's English-only page: a note, in Japanese, that the page is for engineers
        and in English (nothing on any other page)."""
        i18n = self._i18n(config)
        if i18n is None or i18n[0] == "en" or page.file.src_uri in self.page_langs or self._written_in(page) != "en":
            return ""
        lang = i18n[0]
        return (
            f'<div class="admonition note sla-english-only" lang="{lang}">'
            f'<p class="admonition-title">{esc(t("english_only_title", lang))}</p>'
            f"<p>{esc(t('english_only', lang))}</p></div>\n\n"
        )

    # -- markers in hand-written pages --------------------------------------------------
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Replace ``<!-- sla:... -->`` markers with generated reference text; mark an English-only page
        in a Japanese build as such."""
        markdown = self._english_only_note(page, config) + markdown
        if "sla:" not in markdown:
            return markdown

        def link(f: File) -> str:
            return posixpath.relpath(f.src_uri, posixpath.dirname(page.file.src_uri) or ".")

        def replace(match: re.Match[str]) -> str:
            what, arg = match.group(1), match.group(2)
            if what == "events-schema" and "events" in self.schema_files:
                declared = [(f"{p.name} {p.version}", p.model) for g in self.groups for p, _ in g.versions]
                return schema.events_markdown(link(self.schema_files["events"])) + declared_markdown(declared)
            if what == "report-schema" and "report" in self.schema_files:
                return schema.report_markdown(link(self.schema_files["report"]))
            if what == "cli":
                return schema.cli_markdown()
            if what == "error-codes":
                return codes.codes_markdown()
            if what == "text" and arg:
                return self._text_block(config, page, arg)
            raise PluginError(f"sla: unknown marker `{match.group(0).strip()}` in {page.file.src_uri}")

        return _MARKER.sub(replace, markdown)

    @staticmethod
    def _text_block(config: MkDocsConfig, page: Page, name: str) -> str:
        docs = Path(config.docs_dir).resolve()
        path = (docs / posixpath.dirname(page.file.src_uri) / name).resolve()
        if docs not in path.parents:
            raise PluginError(f"sla: `{name}` in {page.file.src_uri} is outside the docs directory")
        try:
            text = path.read_text("utf-8")
        except OSError as exc:
            raise PluginError(f"sla: cannot read `{name}` for {page.file.src_uri}: {exc.strerror}") from None
        lang = "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text) else "en"
        return f'<pre class="sla-original" lang="{lang}">{esc(text)}</pre>\n'
