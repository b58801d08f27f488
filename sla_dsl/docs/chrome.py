"""The site's chrome in each language: the 404 page, heading permalinks, one search index per language.

Design notes
------------
* With mkdocs-static-i18n the site is built once per language into one
  ``site_dir`` (the default language at the root, the others under
  ``<lang>/``). What mkdocs writes at a fixed place (``404.html``,
  ``search/search_index.json``) is therefore written by every build, the last
  one winning, and the i18n plugin merges all the languages' search entries
  into the one root index. The plugin (:mod:`.plugin`) moves each language's
  copy to its own folder; this module holds the pure parts: the 404 template,
  the rewriting of a page's HTML and of a search index.
* Material fetches ``search/search_index.json`` relative to the page's
  ``base`` (in the ``__config`` JSON of every page) and resolves the results'
  locations against it; a page of another language gets its language's folder
  as its base (:func:`with_base`), and that language's index lists its
  locations relative to that folder (:func:`relocated_index`).
* Python-Markdown's ``toc`` gives every heading's ``¶`` one title, English by
  default; :func:`with_permalink_title` puts the page's language's words there.
* Material's language menu names each language in that language (``日本語``, ``English``) and marks
  its link with ``hreflang`` only: a screen reader then reads ``日本語`` on an English page in the English
  voice (WCAG 3.1.2, language of parts). :func:`with_menu_langs` gives each link the ``lang`` of its
  language.
* Words a person reads come from the catalogue (``site.not_found*``,
  ``site.permalink``); the template only places them.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

__all__ = ["NOT_FOUND_TEMPLATE", "relocated_index", "with_base", "with_menu_langs", "with_permalink_title"]

#: Material's ``404.html`` with the words of the build's language (``sla_not_found``, set by the plugin):
#: its own says "404 - Not found" in every language and keeps the site name alone as the title.
NOT_FOUND_TEMPLATE = """{% extends "main.html" %}
{% block htmltitle %}
  <title>{{ sla_not_found.title | e }} - {{ config.site_name | e }}</title>
{% endblock %}
{% block content %}
  <h1>{{ sla_not_found.title | e }}</h1>
  <p>{{ sla_not_found.text | e }}</p>
  <p><a href="{{ sla_not_found.home_url | e }}">{{ sla_not_found.home | e }}</a></p>
{% endblock %}
"""

_HEADERLINK = re.compile(r'(<a\b[^>]*\bclass="headerlink"[^>]*\btitle=")[^"]*(")')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


def with_permalink_title(content: str, title: str) -> str:
    """``content`` (a page's HTML) with ``title`` as the tooltip of every heading's permalink."""
    words = html.escape(title, quote=True)
    return _HEADERLINK.sub(lambda m: f"{m.group(1)}{words}{m.group(2)}", content)


_MENU_LINK = re.compile(r'<a\b(?![^>]*\blang=)([^>]*\bhreflang="([^"]+)"[^>]*\bclass="md-select__link"[^>]*)>')


def with_menu_langs(output: str) -> str:
    """``output`` (a whole page) with each link of the language menu in its own language:
    ``<a href="../" hreflang="ja" class="md-select__link" lang="ja">日本語</a>``."""
    return _MENU_LINK.sub(lambda m: f'<a{m.group(1)} lang="{m.group(2)}">', output)


def with_base(output: str, base: str) -> str:
    """``output`` (a whole page) with ``base`` as the base URL in Material's ``__config``: where the page's
    search fetches its index and resolves the results' locations."""

    def replace(match: re.Match[str]) -> str:
        data: dict[str, Any] = json.loads(match.group(2))
        data["base"] = base
        return f"{match.group(1)}{htmlsafe_json_dumps(data, sort_keys=True)}{match.group(3)}"

    return _CONFIG.sub(replace, output, count=1)


def relocated_index(text: str, folder: str) -> str:
    """A search index (``search_index.json`` text) whose locations are under ``folder`` (``en/``), with
    those locations relative to ``folder`` and every other entry left out."""
    data: dict[str, Any] = json.loads(text)
    data["docs"] = [
        {**doc, "location": doc["location"][len(folder) :]}
        for doc in data.get("docs", [])
        if str(doc.get("location", "")).startswith(folder)
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
