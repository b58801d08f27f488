"""MkDocs plugin ``sla``: every configured policy becomes pages of the site.

Design notes
------------
* Configuration (``mkdocs.yml``)::

      plugins:
        - sla:
            policies: [policies/clicksoko.sla]   # relative to mkdocs.yml
            languages: [ja, en]
            path: sla                            # where the pages go
            today: 2026-04-01                    # reference date of computed dates
            maintenance_count: 12

* For each policy (versions of one policy share its ``sla "name"`` and are
  ordered by effective date; the newest is rendered) the plugin adds
  ``<path>/<slug>/<lang>/index.md`` per language and ``<path>/<slug>/source.md``
  (plus ``source-<version>.md`` for older versions), where ``slug`` comes from
  the policy's name. The pages are generated files (``File.generated``): nothing
  is written into ``docs/``.
* ``today`` fixes the date the computed parts start from, so a build is
  reproducible; it defaults to the newest version's effective date.
* Hand-written pages can ask for generated reference text with markers, each
  alone on a line: ``<!-- sla:events-schema -->``, ``<!-- sla:report-schema -->``,
  ``<!-- sla:cli -->`` and ``<!-- sla:text FILE -->`` (a text file from the docs
  directory, shown verbatim). The JSON Schema files are added as
  ``<path>/schema/events.schema.json`` and ``report.schema.json``.
* A policy that does not compile stops the build with its diagnostics
  (``PluginError``), the same messages ``sla check`` prints.
"""

from __future__ import annotations

import datetime as dt
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
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from ..lang.diagnostics import PolicyError
from ..policy import load_policy
from ..policy.compiled import Policy
from . import history, schema
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

    # -- configuration ------------------------------------------------------------------
    def reference_date(self, group: _Group) -> dt.date:
        """The date the computed parts of ``group``'s pages start from."""
        today = self.config.today
        if isinstance(today, dt.date):
            return today
        if isinstance(today, str) and today:
            try:
                return dt.date.fromisoformat(today)
            except ValueError:
                raise PluginError(f"sla: `today` must be a date (YYYY-MM-DD), not `{today}`") from None
        return group.newest.effective

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
                raise PluginError(f"sla: policy {path} does not compile:\n{exc.render(False)}") from None
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
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Add the policy pages, their sources, the stylesheet and the schema files."""
        root = self.config.path.strip("/")
        if self.groups:
            files.append(File.generated(config, f"{root}/sla.css", content=CSS))
            files.append(File.generated(config, f"{root}/sla.js", content=JS))
        for group in self.groups:
            self._add_group(files, config, root, group)
        if self.config.schemas:
            for name, make in (("events", schema.events_schema), ("report", schema.report_schema)):
                f = File.generated(config, f"{root}/schema/{name}.schema.json", content=schema.dumps(make()))
                files.append(f)
                self.schema_files[name] = f
        return files

    def _add_group(self, files: Files, config: MkDocsConfig, root: str, group: _Group) -> None:
        base = f"{root}/{group.slug}"
        sources: list[File] = []
        for i, (pol, text) in enumerate(group.versions):
            newest = i == len(group.versions) - 1
            uri = f"{base}/source.md" if newest else f"{base}/source-{slugify(pol.version)}.md"
            title = f"{t('source_page', 'en')}: {pol.name} {pol.version}"
            body = f'---\ntitle: "{esc(title)}"\n---\n\n# {esc(title)}\n\n{render_source(text, pol.model)}\n'
            f = File.generated(config, uri, content=body)
            files.append(f)
            sources.append(f)
        langs = list(self.config.languages)
        pages = {lang: File.generated(config, f"{base}/{lang}/index.md", content="") for lang in langs}
        for lang, page in pages.items():
            versions: list[tuple[Policy, list[history.Change], str | None]] = []
            prev: Policy | None = None
            for (pol, _), src in zip(group.versions, sources, strict=True):
                changes = history.diff(prev.model, pol.model) if prev is not None else []
                url = src.url_relative_to(page) if len(group.versions) > 1 else None
                versions.append((pol, changes, url))
                prev = pol
            ctx = PageContext(
                lang=lang,
                source_url=sources[-1].url_relative_to(page),
                other_langs={k: v.url_relative_to(page) for k, v in pages.items()} if len(langs) > 1 else {},
                reference=self.reference_date(group),
                maintenance_count=self.config.maintenance_count,
                moved_years=self.config.moved_years,
                versions=versions,
            )
            page.content_string = render_policy(group.newest, ctx)
            files.append(page)
            self.page_langs[page.src_uri] = lang

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Tag a rendered policy page with its language (``<html lang="ja">``)."""
        lang = self.page_langs.get(page.file.src_uri)
        if lang is None:
            return output
        return re.sub(r'(<html\b[^>]*\blang=")[^"]*(")', rf"\g<1>{lang}\g<2>", output, count=1)

    # -- markers in hand-written pages --------------------------------------------------
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Replace ``<!-- sla:... -->`` markers with generated reference text."""
        if "sla:" not in markdown:
            return markdown

        def link(f: File) -> str:
            return posixpath.relpath(f.src_uri, posixpath.dirname(page.file.src_uri) or ".")

        def replace(match: re.Match[str]) -> str:
            what, arg = match.group(1), match.group(2)
            if what == "events-schema" and "events" in self.schema_files:
                return schema.events_markdown(link(self.schema_files["events"]))
            if what == "report-schema" and "report" in self.schema_files:
                return schema.report_markdown(link(self.schema_files["report"]))
            if what == "cli":
                return schema.cli_markdown()
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
