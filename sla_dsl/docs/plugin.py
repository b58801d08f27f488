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
            slugs: {"ホスティングプラス": hosting-plus}  # a policy's address by its `sla` name (optional)

* For each policy (versions of one policy share its ``sla "name"`` and are
  ordered by effective date; the newest is rendered) the plugin adds
  ``<path>/<slug>/<lang>/index.md`` per language and ``<path>/<slug>/source.md``
  (plus ``source-<version>.md`` for older versions), where ``slug`` comes from
  the policy's name (``Click So-ko``: ``click-so-ko``), from its English title
  when the name has no Latin letter (:func:`policy_slug`), or from ``slugs``.
  Two policies of one address stop the build (``PluginError``, naming both
  files): never one policy's pages in place of another's. The pages are
  generated files (``File.generated``): nothing is written into ``docs/``.
  They are in the site's navigation only if ``nav`` lists them (or there is no ``nav``).
* Computed parts (maintenance windows, worked deadlines) start from the build
  date in the policy's time zone, so a page built later never lists past dates
  as upcoming. ``today: YYYY-MM-DD`` in ``mkdocs.yml`` or the environment
  variable ``SLA_DOCS_TODAY`` fixes the date instead, for reproducible builds
  and tests: every page is then dated that day too (its ``update_date``, which
  mkdocs writes as the sitemap's ``<lastmod>`` and as the time in the gzipped
  sitemap's header; each language's ``sitemap.xml.gz`` bears the root's), so
  the whole site is the same bytes whenever it is built. The windows are also written as an iCalendar feed per language,
  in the language's words (:mod:`.ical`): ``<path>/<slug>/maintenance.ics``
  in each language's folder with ``i18n`` (below), else
  ``<path>/<slug>/<lang>/maintenance.ics``; each page links its own.
* Versions (Article 5): the page is the newest version's. Its worked deadlines
  and same-day examples start from the build date or, when it takes effect later
  (a change published ahead of its date), from its ``effective`` date: those it
  judges by, never dates an earlier version still governs. Its maintenance list
  starts from the build date whatever the version (the README's promise), each
  window from the version in force on its day, as ``sla maintenance`` and ``sla
  evaluate`` take it (:meth:`.VersionsInForce.windows`), a window of another
  version than the page's said so. Such a page says from when the version
  applies, which versions apply until then (each linked to its source page
  outside the customers' build) and from when its dates are; on the customers'
  build, which has no page of the earlier versions, their history rows say which
  one is in force on the build date and which the page shows. The feed gives the
  same windows for a year (:func:`.ical.windows_in_force`). The placeholders of hand-written pages
  (:mod:`.facts`) are the newest version's from the same date. A set of
  versions ``sla evaluate`` refuses (two of one day, another time zone) stops
  the build (``PluginError``).
* With ``mkdocs-static-i18n`` (plugin ``i18n``) the site is built once per
  language; each build generates only its own language's page, at
  ``<path>/<slug>/index.md`` under the language's folder (none for the default
  language), and tells the i18n plugin the page's other-language versions so
  Material's language switcher stays on the same page (the source pages too).
  Without ``i18n`` the pages are ``<path>/<slug>/<lang>/index.md``, each
  linking to the others.
* A policy that declares its languages (``languages en``) has, in a language it
  is not written in, its page in its own primary language (labels, headings and
  the words around them alike, ``<html lang="en">``) under a note in the
  page's language that it is written in that language only: as a hand-written
  English-only page in the Japanese build (never English labels among Japanese
  words under ``lang="ja"``).
* The site's chrome speaks the page's language (:mod:`.chrome`): a heading's
  permalink title, the 404 page (``<lang>/404.html`` for a language other
  than the default), and search: each language's pages search an index of
  that language's site only (``<lang>/search/search_index.json``), where the
  i18n plugin writes one index of all languages. Material's search runs in
  the plugin's worker (:mod:`.search`), which finds a Japanese word inside a
  longer one (コンテンツ in デジタルコンテンツ).
* ``customer: true`` is the customers' build (``mkdocs-customer.yml``): no
  policy-source pages, no links to source lines, no schema files; a site of
  one policy opens on the policy page itself (``index.md``).
* The sitemap (``sitemap.xml`` and ``sitemap.xml.gz``, at the site's root): a
  sitemap lists absolute URLs (sitemaps.org), so it is written only when
  ``site_url`` is set (``mkdocs serve`` sets it); without one, mkdocs-static-i18n's
  template would write ``None`` for the site's address and mkdocs' own an empty
  list, so none is written. mkdocs-static-i18n writes one sitemap of every
  language's pages, each with its other-language versions (``hreflang``), from
  the pages each language's build had when it sorted them, before this plugin
  added its own: the plugin gives the template every language's pages instead,
  the generated ones included.
* Hand-written pages can ask for generated reference text with markers, each
  alone on a line: ``<!-- sla:events-schema -->``, ``<!-- sla:report-schema -->``,
  ``<!-- sla:cli -->``, ``<!-- sla:error-codes -->`` (:mod:`.codes`) and
  ``<!-- sla:text FILE -->`` (a text file from the docs directory, shown verbatim). The JSON Schema files are added as
  ``<path>/schema/events.schema.json`` and ``report.schema.json``. The first four are written in the page's
  language (its suffix's: ``events.ja.md``; English for a page without one); a schema description with no
  Japanese note stops the build of a Japanese page (``PluginError``, naming the model and field).
* Hand-written pages state what the policy decides (hours, targets, cut-off times, maintenance windows,
  notice periods, holidays) with placeholders ``<!-- sla:fact NAME -->`` (inline, in a sentence or a table
  cell), filled in the page's language from the newest version of the first configured policy, its worked
  examples from the date its page starts from (:mod:`.facts`, which lists them): the project's reading of
  the SLA follows an edit of the policy as the SLA page does. A placeholder the plugin does not know, or
  an ``sla:`` comment inside a line that is no ``sla:fact``, stops the build (``PluginError``, naming the
  page and the placeholder).
* A policy that does not compile stops the build with its diagnostics
  (``PluginError``), the same messages ``sla check`` prints.
"""

from __future__ import annotations

import copy
import datetime as dt
import gzip
import hashlib
import os
import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url, write_file
from mkdocs.utils.templates import TemplateContext

from ..errors import InputError
from ..evaluation.common import Versions
from ..i18n import message
from ..lang.diagnostics import PolicyError, refusal_language, render_all
from ..lang.source import read_policy_file
from ..policy import load_policy
from ..policy.compiled import Policy
from . import api_notes, chrome, codes, facts, history, ical, schema
from . import search as site_search
from .event_types import declared_markdown
from .field_notes import MissingNote
from .layout import heading_text
from .render import PageContext, front_matter, render_policy
from .source import CSS, JS, render_source
from .text import LANGS, esc, policy_title, t
from .text import date as tx_date

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
    #: a policy's address under ``path`` by its ``sla`` name, where the one made from its name or English title
    #: will not do (two policies that would share one)
    slugs = c.Type(dict, default={})


@dataclass
class _Group:
    """The versions of one policy, oldest first."""

    slug: str
    versions: list[tuple[Policy, str]] = field(default_factory=list)  # (policy, source text)

    @property
    def newest(self) -> Policy:
        return self.versions[-1][0]


#: one ``<url>`` entry of a sitemap, as mkdocs-static-i18n's template writes it (with the white space before it)
_SITEMAP_URL = re.compile(r"\s*<url>.*?</url>", re.S)
_SITEMAP_LOC = re.compile(r"<loc>\s*(.*?)\s*</loc>", re.S)


def _gzip_mtime(path: Path) -> int:
    """The time in a gzip file's header (seconds since 1970), 0 when it cannot be read."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return 0
    return int.from_bytes(head[4:8], "little") if len(head) == 8 and head[:2] == b"\x1f\x8b" else 0


def _prefix(lang: str, default: str) -> str:
    """The folder of ``lang``'s site under mkdocs-static-i18n: none for the default language."""
    return "" if lang == default else f"{lang}/"


def _same_page(pages: dict[str, File]) -> None:
    """Tell mkdocs-static-i18n that ``pages`` are one page in each language: its language switcher (Material's
    language menu) then leads from each to the others, not to whatever page it last showed."""
    for lang, page in pages.items():
        page.alternates = pages  # type: ignore[attr-defined]
        page.locale = page.locale_alternate_of = page.localization = lang  # type: ignore[attr-defined]
        page.norm_src_uri = page.src_uri  # type: ignore[attr-defined]


def _relative_alternate(alt: object) -> object:
    """An item of Material's language menu (``extra.alternate``) whose link is a path from the site's root
    (``/en/``) made relative to that root (``en/``), which Material's ``url`` filter makes relative to the
    page; any other item as it is."""
    if not isinstance(alt, dict):
        return alt
    link = alt.get("link")
    if isinstance(link, str) and link.startswith("/") and not link.startswith("//"):
        return {**alt, "link": link.lstrip("/") or "./"}
    return alt


def _ahead_note(group: _Group, today: dt.date, lang: str, sources: Sequence[File], page: File) -> str:
    """On the page of a version that takes effect after ``today``: a note of the date it applies from, the
    versions in force until then (each linked to its source page when there are such pages) and that the
    page's dates start there; empty when the version is in force."""
    newest = group.newest
    if today >= newest.effective:
        return ""
    day = tx_date(newest.effective, lang)
    said = [esc(t("ahead", lang, version=newest.version, date=day))]
    # the versions in force from today until the newest's date (the earliest also before its own date)
    earlier = [(k, pol) for k, (pol, _) in enumerate(group.versions[:-1]) if group.versions[k + 1][0].effective > today]
    if earlier:
        names = []
        for n, (k, pol) in enumerate(earlier):
            name = esc(pol.version)
            if len(sources) == len(group.versions):
                name = f'<a href="{sources[k].url_relative_to(page)}">{name}</a>'
            if n and pol.effective > today:  # a version that takes over before the newest's date
                name = t("ahead_from", lang, v=name, date=esc(tx_date(pol.effective, lang)))
            names.append(name)
        key = "ahead_until_one" if len(names) == 1 else "ahead_until_many"
        said.append(t(key, lang, v=t("ahead_sep", lang).join(names)))
        said.append(esc(t("ahead_computed", lang, date=day, today=tx_date(today, lang))))
    sep = "" if lang == "ja" else " "
    return (
        f'<div class="admonition note sla-version-ahead" id="version-ahead" lang="{lang}">'
        f'<p class="admonition-title">{esc(t("ahead_title", lang, date=day))}</p>'
        f"<p>{sep.join(said)}</p></div>\n"
    )


def _written_only_note(lang: str, written: str) -> str:
    """On the ``lang`` page of a policy written in ``written`` only (``languages en``): a note, in ``lang``,
    that the page is in the policy's language (nothing when that is ``lang``)."""
    if written == lang:
        return ""
    return (
        f'<div class="admonition note sla-written-only" id="written-only" lang="{lang}">'
        f'<p class="admonition-title">{esc(t(f"written_only_title.{written}", lang))}</p>'
        f"<p>{esc(t(f'written_only.{written}', lang))}</p></div>\n"
    )


def _after_meta(markdown: str, block: str) -> str:
    """``markdown`` (a policy page) with ``block`` after the line of its facts (version, effective date)."""
    if not block:
        return markdown
    at = markdown.find('<dl class="sla-meta">')
    end = markdown.find("\n", at) if at >= 0 else -1
    if end < 0:
        raise PluginError("sla: the policy page has no line of facts to put the note of its date after")
    return f"{markdown[: end + 1]}\n{block}{markdown[end + 1 :]}"


def slugify(name: str) -> str:
    """A URL segment for a policy name: ``Click So-ko`` -> ``click-so-ko``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "policy"


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def policy_slug(policy: Policy) -> str:
    """The address of ``policy``'s pages under the plugin's ``path``: from its ``sla`` name when the name has a
    letter of the Latin alphabet (``Click So-ko`` -> ``click-so-ko``), else from its English title (``sla
    "ホスティングプラス"`` titled ``"Hosting Plus"`` -> ``hosting-plus``), else ``policy-`` and a short hash of the
    name, the same at every build (never one ``policy`` for every Japanese name)."""
    name = policy.name
    if re.search(r"[A-Za-z]", name):
        return slugify(name)
    english = policy.model.header.title.en or ""
    if re.search(r"[A-Za-z]", english):
        return slugify(english)
    return f"policy-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:8]}"


def _primary(policy: Policy) -> str:
    """The language messages about ``policy`` are in, as ``sla check``'s: its primary, English without one."""
    declared = policy.model.header.languages
    return declared[0] if declared else "en"


class SlaPlugin(BasePlugin[SlaPluginConfig]):  # type: ignore[no-untyped-call]
    """Renders each configured policy as Japanese and English pages, with its highlighted source."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.paths: list[Path] = []
        self.schema_files: dict[str, File] = {}
        self.page_langs: dict[str, str] = {}
        #: the language each policy page's text is in, by (this build's language, page): the page's own
        #: but for a language the policy is not written in (``languages en``), where it is the policy's
        self.text_langs: dict[tuple[str | None, str], str] = {}
        #: each language's search index (``search_index.json`` text), kept from its build until all are built
        self.search_indexes: dict[str, str] = {}
        #: each language's pages (the generated ones too), kept from its build for the sitemap of all languages
        self.sitemap_pages: dict[str, Sequence[File]] = {}
        self._builds = 0  # builds under way: mkdocs-static-i18n builds the other languages inside the first
        #: (Material's search worker, ours) as paths in the site, when the theme has Material's (:mod:`.search`)
        self.search_worker: tuple[str, str] | None = None
        #: this build's Japanese docstrings (each build has its own mkdocstrings handler and griffe objects)
        self.api_docs = api_notes.Translation()

    # -- configuration ------------------------------------------------------------------
    def fixed_date(self) -> dt.date | None:
        """The build date ``today`` (``mkdocs.yml``) or ``SLA_DOCS_TODAY`` fixes; None when neither is set."""
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
        return None

    def reference_date(self, group: _Group) -> dt.date:
        """The date the computed parts of ``group``'s pages start from: the fixed build date, else today in
        the policy's time zone."""
        fixed = self.fixed_date()
        return fixed if fixed is not None else dt.datetime.now(group.newest.tz).date()

    def page_date(self, group: _Group) -> dt.date:
        """The date the computed parts of ``group``'s page (the newest version's) start from: the build's
        reference date, or the newest version's ``effective`` date when an earlier version given is in force
        until then (the page shows what the newest version judges by)."""
        reference = self.reference_date(group)
        if len(group.versions) > 1:
            return max(reference, group.newest.effective)
        return reference

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Compile every configured policy and group the versions of each."""
        self.api_docs = api_notes.Translation()  # (mkdocstrings makes this build's handlers in its on_config)
        base = Path(config.config_file_path or ".").resolve().parent
        self.paths = [(base / p).resolve() for p in self.config.policies]
        by_name: dict[str, _Group] = {}
        files: dict[str, Path] = {}  # the first file of each policy (its `sla` name)
        for path in self.paths:
            # read as `sla check` reads it: a file not there, a directory, one the system will not open and
            # one that is not UTF-8 are its E001, named as `sla check` names them (never a traceback)
            text, refused = read_policy_file(path)
            if text is None:
                raise PluginError("sla: " + render_all(refused, None, False, refusal_language(refused) or "en"))
            try:
                policy = load_policy(path)
            except PolicyError as exc:
                # in the policy's primary language, as `sla check` (English when it declares none)
                heading = message("cli.docs.not_compiled", exc.lang, path=path)
                raise PluginError(f"sla: {heading}\n{exc.render(False)}") from None
            group = by_name.setdefault(policy.name, _Group(self._slug(policy)))
            group.versions.append((policy, text))
            files.setdefault(policy.name, path)
        self._check_slugs(by_name)
        unknown = sorted(set(self.config.slugs) - set(by_name))
        if unknown:  # (a misspelt name would leave its policy at the address made for it, unsaid)
            lang = _primary(next(iter(by_name.values())).newest) if by_name else "en"
            names = ("、" if lang == "ja" else ", ").join(f'`sla "{n}"`' for n in sorted(by_name))
            raise PluginError("sla: " + message("cli.docs.slug_unknown", lang, name=unknown[0], names=names))
        by_slug: dict[str, str] = {}  # the policy (its `sla` name) at each address
        for name, group in by_name.items():
            other = by_slug.setdefault(group.slug, name)
            if other != name:  # (never one policy's pages in place of another's)
                first = by_name[other].newest
                raise PluginError(
                    "sla: "
                    + message(
                        "cli.docs.slug_clash",
                        _primary(first),
                        first=files[other],
                        second=files[name],
                        first_name=other,
                        second_name=name,
                        slug=f"{self.config.path.strip('/')}/{group.slug}/",
                    )
                )
        for group in by_name.values():
            group.versions.sort(key=lambda v: (v[0].effective, v[0].version))
            try:  # (versions `sla evaluate` refuses: the site could not agree with it)
                Versions([pol for pol, _ in group.versions])
            except InputError as exc:
                raise PluginError(f"sla: {exc}") from None
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

    def _check_slugs(self, by_name: dict[str, _Group]) -> None:
        """Refuse a ``slugs`` entry that is no address (``hosting-plus``: small letters, digits, hyphens), in
        the primary language of the policy it names (of the first policy for a name of none, as a name of no
        policy is refused), as the other refusals of the policies' addresses."""
        first = _primary(next(iter(by_name.values())).newest) if by_name else "en"
        for name, slug in self.config.slugs.items():
            if not isinstance(slug, str) or not _SLUG.fullmatch(slug):
                lang = _primary(by_name[name].newest) if name in by_name else first
                raise PluginError("sla: " + message("cli.docs.slug_invalid", lang, name=name, slug=slug))

    def _slug(self, policy: Policy) -> str:
        """The address of ``policy``'s pages: the one ``slugs`` gives its name, else :func:`policy_slug`."""
        given = self.config.slugs.get(policy.name)
        return given if isinstance(given, str) else policy_slug(policy)

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
        """Add the policy pages, their sources, the stylesheet, the schema files and the search worker."""
        root = self.config.path.strip("/")
        self._add_search_worker(files, config)
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
        i18n = self._i18n(config)
        if i18n is not None:
            self.sitemap_pages[i18n[0]] = files.documentation_pages()
        return files

    def _add_group(self, files: Files, config: MkDocsConfig, root: str, group: _Group) -> None:
        base = f"{root}/{group.slug}"
        i18n = self._i18n(config)
        prefix = "" if i18n is None else _prefix(i18n[0], i18n[1])

        def generated(uri: str, content: str, lang_prefix: str = prefix) -> File:
            f = File.generated(config, uri, content=content)
            f.dest_uri = lang_prefix + f.dest_uri
            return f

        langs = list(self.config.languages)
        # under mkdocs-static-i18n: this build's language, and every language a page has a version in
        everywhere = [] if i18n is None else list(dict.fromkeys([*langs, i18n[0]]))

        def localized(uri: str, content: str) -> File:
            """This build's page ``uri``, known to mkdocs-static-i18n as one page in every language."""
            f = generated(uri, content)
            if i18n is not None:
                _same_page(
                    {lang: f if lang == i18n[0] else generated(uri, "", _prefix(lang, i18n[1])) for lang in everywhere}
                )
            return f

        reference = self.reference_date(group)
        build = langs if i18n is None else [i18n[0]]
        declared = group.newest.model.header.languages

        def written_in(lang: str) -> str:
            """The language of ``lang``'s page: its own, or the policy's primary where the policy is not written
            in ``lang`` (``languages en``)."""
            return lang if not declared or lang in declared else declared[0]

        feeds: dict[str, File] = {}  # each language's feed, in its words
        for lang in build:
            uri = f"{base}/maintenance.ics" if i18n is not None else f"{base}/{lang}/maintenance.ics"
            # each window from the version in force at its start, as `sla evaluate` judges it
            said = written_in(lang)  # (the words of the page it goes with)
            feeds[lang] = generated(uri, ical.maintenance_ics([pol for pol, _ in group.versions], reference, said))
            files.append(feeds[lang])
        sources: list[File] = []
        if not self.config.customer:
            for i, (pol, text) in enumerate(group.versions):
                newest = i == len(group.versions) - 1
                uri = f"{base}/source.md" if newest else f"{base}/source-{slugify(pol.version)}.md"
                # in the build's language (Japanese at the root of the full site); the source itself as written
                lang = i18n[0] if i18n else "en"
                # (the policy by its title in that language, as its page heads it; its `sla` name without one)
                named = policy_title(pol.model.header, lang)
                title = f"{t('source_page', lang)}{'：' if lang == 'ja' else ': '}{named} {pol.version}"
                body = f"{front_matter(title)}\n# {heading_text(title)}\n\n{render_source(text, pol.model)}\n"
                f = localized(uri, body)
                files.append(f)
                sources.append(f)
        # the customers' site of one policy opens on the policy itself
        home = "index.md" if self.config.customer and len(self.groups) == 1 else f"{base}/index.md"
        if i18n is None:
            pages = {lang: generated(home.replace("index.md", f"{lang}/index.md"), "") for lang in langs}
        else:
            pages = {lang: generated(home, "", _prefix(lang, i18n[1])) for lang in everywhere}
            _same_page(pages)
        for lang in build:
            page = pages[lang]
            # a language the policy is not written in: its page in the policy's own (its primary), said so
            written = written_in(lang)
            versions: list[tuple[Policy, list[history.Change], str | None]] = []
            prev: Policy | None = None
            for k, (pol, _) in enumerate(group.versions):
                changes = history.diff(prev.model, pol.model) if prev is not None else []
                url = sources[k].url_relative_to(page) if len(group.versions) > 1 and sources else None
                versions.append((pol, changes, url))
                prev = pol
            others = {k: v.url_relative_to(page) for k, v in pages.items() if k in langs}
            ctx = PageContext(
                lang=written,
                source_url=sources[-1].url_relative_to(page) if sources else "",
                other_langs=others if len(langs) > 1 and i18n is None else {},
                reference=self.page_date(group),
                today=reference,
                maintenance_count=self.config.maintenance_count,
                moved_years=self.config.moved_years,
                versions=versions,
                ics_url=feeds[lang].url_relative_to(page),
                customer=self.config.customer,
                original=self._original(config, group),
            )
            ahead = _ahead_note(group, reference, written, sources, page)
            note = _written_only_note(lang, written)
            page.content_string = _after_meta(render_policy(group.newest, ctx), note + ahead)
            files.append(page)
            self.page_langs[page.src_uri] = lang
            self.text_langs[(i18n[0] if i18n else None, page.src_uri)] = written

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

    def _page_lang(self, page: Page, config: MkDocsConfig) -> str | None:
        """The language of ``page``'s text; None for a hand-written page of a site without mkdocs-static-i18n.

        A policy page has its own language (the policy's, where the policy
        is not written in the page's: ``languages en``); under mkdocs-static-i18n a
        hand-written page keeps the language it is written in: that of its
        suffix (``index.ja.md``), and English for a page without one (the
        authors' and engineers' pages, built in every language's site).
        """
        i18n = self._i18n(config)
        uri = page.file.src_uri
        if i18n is None:
            return self.text_langs.get((None, uri), self.page_langs.get(uri))
        return self.text_langs.get((i18n[0], uri), i18n[0]) if uri in self.page_langs else self._written_in(page)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page | None:
        """Date the page by the fixed build date, when there is one, not the clock: mkdocs writes a page's
        ``update_date`` as its ``<lastmod>`` in the sitemap and dates the gzipped sitemap by the latest."""
        fixed = self.fixed_date()
        if fixed is not None:
            page.update_date = fixed.isoformat()
        return page

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Title every heading's permalink (``¶``) in the page's language."""
        lang = self._page_lang(page, config)
        # a docstring shown with no Japanese note (sla_dsl.docs.api_notes) stops the build, naming the object
        try:
            self.api_docs.check(html)
        except MissingNote as exc:  # a docstring whose Japanese is not written yet
            raise PluginError(f"sla: {page.file.src_uri}: {exc}") from None
        if lang is not None and "doc-class-bases" in html:
            html = api_notes.localize_labels(html, lang)
        return chrome.with_permalink_title(html, t("permalink", lang)) if lang in LANGS else html

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Without the site's address, the language menu and ``<link rel="alternate">`` lead to each language
        relatively, as every other link: mkdocs-static-i18n gives a home page (and a page with no version in
        a language) its language's home as an absolute path (``/en/``), which a site served under a path
        (``/sla-dsl/``) or opened from files cannot follow. With ``site_url`` they stay as they are: under
        that address. (The 404 pages keep absolute links: they are served at any address.)"""
        if config.site_url:
            return context
        extra = vars(config.extra)  # the attribute mkdocs-static-i18n sets for this page, which the theme reads
        alternates = extra.get("alternate", config.extra.get("alternate"))
        if isinstance(alternates, list):
            extra["alternate"] = [_relative_alternate(alt) for alt in alternates]
        return context

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Tag a page with the language of its text (``<html lang="ja">``), and each link of the language
        menu with its language; in a language's site other than the default's, make the page's search use
        that language's index."""
        output = chrome.with_menu_langs(self._with_search_worker(output))
        i18n = self._i18n(config)
        if i18n is not None and i18n[0] != i18n[1]:
            output = chrome.with_base(output, get_relative_url(f"{i18n[0]}/", page.url).rstrip("/") + "/")
        lang = self._page_lang(page, config)
        if lang is None:
            return output
        return re.sub(r'(<html\b[^>]*\blang=")[^"]*(")', rf"\g<1>{lang}\g<2>", output, count=1)

    def _add_search_worker(self, files: Files, config: MkDocsConfig) -> None:
        """Material's search worker behind ours, which finds a Japanese word inside a longer one (:mod:`.search`)."""
        self.search_worker = None
        material = next((f.src_uri for f in files if site_search.MATERIAL_WORKER.fullmatch(f.src_uri)), None)
        if config.theme.name != "material" or material is None:
            return
        ours = site_search.worker_uri(material)
        if files.get_file_from_path(ours) is None:
            files.append(File.generated(config, ours, content=site_search.worker_js(material)))
        self.search_worker = (material, ours)

    def _with_search_worker(self, output: str) -> str:
        """A page or 404 page whose search runs in our worker (:meth:`_add_search_worker`)."""
        return site_search.with_worker(output, *self.search_worker) if self.search_worker else output

    # -- the 404 page ----------------------------------------------------------------------
    def _build_lang(self, config: MkDocsConfig) -> str:
        """The language of this build's chrome: the i18n build's, else the theme's (English if neither is ours)."""
        i18n = self._i18n(config)
        lang = i18n[0] if i18n is not None else str(config.theme.get("language") or "en")
        return lang if lang in LANGS else "en"

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files) -> jinja2.Environment | None:
        """Give Material a 404 page in the build's language (unless the site overrides ``404.html`` itself)."""
        custom = config.theme.custom_dir
        if config.theme.name != "material" or (custom and Path(custom, "404.html").is_file()):
            return env
        ours = jinja2.DictLoader({"404.html": chrome.NOT_FOUND_TEMPLATE})
        env.loader = jinja2.ChoiceLoader([ours, env.loader] if env.loader is not None else [ours])
        return env

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        """The 404 page's words; its language menu leads to each language's home page. The sitemap's pages."""
        if template_name == "sitemap.xml" and self.sitemap_pages:
            # mkdocs-static-i18n's sitemap template lists the pages of ``i18n_alternates``, language by language
            context["i18n_alternates"] = dict(self.sitemap_pages)  # type: ignore[typeddict-unknown-key]
            return context
        if template_name != "404.html":
            return context
        lang = self._build_lang(config)
        homepage = context["nav"].homepage
        words = {
            "title": t("not_found_title", lang),
            "text": t("not_found", lang),
            "home": t("not_found_home", lang),
            # absolute, as every link of mkdocs' error pages (``base_url`` is the site's path)
            "home_url": context["base_url"].rstrip("/") + "/" + (homepage.url if homepage is not None else ""),
        }
        context["sla_not_found"] = words  # type: ignore[typeddict-unknown-key]
        # mkdocs-static-i18n points the menu at the page last rendered by setting the attribute (which the
        # theme reads first) and keeps the languages' home pages in the item: show those for this page only
        homes = config.extra.get("alternate")
        if isinstance(homes, list):
            vars(config.extra)["alternate"] = copy.deepcopy(homes)
        return context

    def on_post_template(self, output: str, /, *, template_name: str, config: MkDocsConfig) -> str | None:
        """Write the 404 page of a language other than the default to ``<lang>/404.html``: mkdocs writes
        every build's at the root, where the default language's belongs. No sitemap without ``site_url``."""
        if template_name == "sitemap.xml":
            # a sitemap's URLs are absolute (sitemaps.org): without the site's address it has none to list
            return output if config.site_url else ""  # "" writes neither sitemap.xml nor sitemap.xml.gz
        if template_name != "404.html":
            return output
        output = chrome.with_menu_langs(self._with_search_worker(output))
        vars(config.extra).pop("alternate", None)  # the 404 page's menu (above); the pages get theirs from i18n
        i18n = self._i18n(config)
        if i18n is None or i18n[0] == i18n[1]:
            return output
        root = urlsplit(config.site_url or "/").path.rstrip("/") + f"/{i18n[0]}/"
        write_file(chrome.with_base(output, root).encode("utf-8"), os.path.join(config.site_dir, i18n[0], "404.html"))
        return ""  # nothing for mkdocs to write at the root ("Template skipped ... empty output", at INFO)

    # -- one search index per language -------------------------------------------------------
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Count the builds under way (mkdocs-static-i18n runs the other languages' inside the first)."""
        if self._builds == 0:  # a new site: forget the last one's pages
            self.sitemap_pages.clear()
        self._builds += 1

    @event_priority(-50)  # after the search plugin wrote this build's index, before mkdocs-static-i18n merges
    def _keep_search_index(self, *, config: MkDocsConfig) -> None:
        i18n = self._i18n(config)
        path = Path(config.site_dir, "search", "search_index.json")
        if i18n is not None and path.is_file():
            self.search_indexes[i18n[0]] = path.read_text("utf-8")

    @event_priority(-110)  # after mkdocs-static-i18n built the other languages and wrote one index of all
    def _write_search_indexes(self, *, config: MkDocsConfig) -> None:
        self._builds -= 1
        i18n = self._i18n(config)
        if self._builds > 0 or i18n is None:
            return
        for lang, text in self.search_indexes.items():
            folder = _prefix(lang, i18n[1])
            index = chrome.relocated_index(text, folder) if folder else text
            write_file(index.encode("utf-8"), os.path.join(config.site_dir, folder, "search", "search_index.json"))
        self.search_indexes.clear()
        self._write_language_sitemaps(config, i18n[1])

    def _write_language_sitemaps(self, config: MkDocsConfig, default: str) -> None:
        """``<lang>/sitemap.xml`` (and ``.gz``) for each language other than the default: the root sitemap's
        entries under that language's folder, as a sitemap may list only what is under its own (sitemaps.org).
        The theme reads the sitemap under each other-language link of a page (``en/sitemap.xml`` from a
        Japanese page) to lead its language menu to the same page; without one it asks a missing file."""
        root = Path(config.site_dir, "sitemap.xml")
        if not config.site_url or not root.is_file():
            return
        text = root.read_text("utf-8")
        entries = _SITEMAP_URL.findall(text)
        if not entries:
            return
        head, tail = text[: text.index(entries[0])], text[text.rindex(entries[-1]) + len(entries[-1]) :]
        base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
        mtime = _gzip_mtime(root.with_name("sitemap.xml.gz"))  # each dated as the root's (mkdocs': its pages')
        for lang in self.sitemap_pages:
            if lang == default:
                continue
            own = [e for e in entries if (m := _SITEMAP_LOC.search(e)) and m[1].startswith(f"{base}{lang}/")]
            body = (head + "".join(own) + tail).encode("utf-8")
            write_file(body, os.path.join(config.site_dir, lang, "sitemap.xml"))
            write_file(gzip.compress(body, mtime=mtime), os.path.join(config.site_dir, lang, "sitemap.xml.gz"))

    on_post_build = CombinedEvent(_keep_search_index, _write_search_indexes)

    def on_build_error(self, *, error: Exception) -> None:
        """Forget a failed build's state."""
        self._builds = 0
        self.search_indexes.clear()
        self.sitemap_pages.clear()

    @staticmethod
    def _written_in(page: Page) -> str | None:
        """The language a hand-written page is written in, under mkdocs-static-i18n: its suffix's
        (``index.ja.md``), or English for a page without one; None for a file the i18n plugin did not sort."""
        localization = getattr(page.file, "localization", None)
        if isinstance(localization, str):
            return localization
        return "en" if isinstance(getattr(page.file, "locale", None), str) else None

    def _english_only_note(self, page: Page, config: MkDocsConfig) -> str:
        """On a Japanese build's English-only page (the SLA's English reading): a note, in Japanese, that the
        page is in English only (nothing on any other page)."""
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
        # a Japanese page's reference blocks (`::: sla_dsl.evaluate`) show the docstrings' Japanese notes:
        # put them in this build's mkdocstrings objects before the page renders them (sla_dsl.docs.api_notes)
        if self._page_lang(page, config) == "ja":
            self.api_docs.page(markdown, config.plugins.get("mkdocstrings"))
        markdown = self._english_only_note(page, config) + markdown
        markdown = self._facts(markdown, page)
        if "sla:" not in markdown:
            return markdown

        def link(f: File) -> str:
            return posixpath.relpath(f.src_uri, posixpath.dirname(page.file.src_uri) or ".")

        def replace(match: re.Match[str]) -> str:
            what, arg = match.group(1), match.group(2)
            lang = self._written_in(page) or "en"
            try:  # (in the page's language: events.ja.md, events.en.md; the same for reports)
                if what == "events-schema" and "events" in self.schema_files:
                    declared = [(f"{p.name} {p.version}", p.model) for g in self.groups for p, _ in g.versions]
                    return schema.events_markdown(link(self.schema_files["events"]), lang) + declared_markdown(
                        declared, lang
                    )
                if what == "report-schema" and "report" in self.schema_files:
                    return schema.report_markdown(link(self.schema_files["report"]), lang)
            except MissingNote as exc:  # a description whose Japanese is not written yet
                raise PluginError(f"sla: {page.file.src_uri}: {exc}") from None
            if what == "cli":  # (in the page's language: cli.ja.md, cli.en.md)
                return schema.cli_markdown(lang)
            if what == "error-codes":  # (in the page's language: errors.ja.md, errors.en.md)
                return codes.codes_markdown(lang)
            if what == "text" and arg:
                return self._text_block(config, page, arg)
            raise PluginError(f"sla: unknown marker `{match.group(0).strip()}` in {page.file.src_uri}")

        return _MARKER.sub(replace, markdown)

    def _facts(self, markdown: str, page: Page) -> str:
        """``markdown`` with each ``<!-- sla:fact NAME -->`` filled from the newest version of the first policy,
        in the page's language (:mod:`.facts`); a placeholder it does not know stops the build, naming the page."""
        group = self.groups[0] if self.groups else None
        # (from the date the newest version applies: what the SLA page shows; :meth:`page_date`)
        policy, reference = (group.newest, self.page_date(group)) if group is not None else (None, dt.date.min)
        try:
            return facts.fill(markdown, policy, self._written_in(page) or "en", reference)
        except facts.UnknownFact as exc:
            raise PluginError(f"sla: {page.file.src_uri}: {exc}") from None

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
