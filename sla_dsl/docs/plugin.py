"""MkDocs plugin ``sla``: renders configured policies into pages."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin


class SlaPluginConfig(Config):
    """Options of the ``sla`` plugin."""

    policies = c.ListOfItems(c.Type(str), default=[])


class SlaPlugin(BasePlugin[SlaPluginConfig]):
    """Renders each configured policy as Japanese and English pages."""
