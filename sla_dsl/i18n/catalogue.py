"""The message catalogue: one :class:`Msg` per key, with its text in every language.

Design notes
------------
* :class:`Msg` (in :mod:`.msg`) has one required field per language, so an entry without its
  Japanese or English text does not type-check.
* :data:`CATALOGUE` is the union of the sections, each a module of its own
  area: :mod:`.report` (monthly report, ``sla explain``), :mod:`.trend` (the
  report's trend against earlier months) and :mod:`.site` (the SLA site), with
  :mod:`.site_tables` (the site's clock, target, plan and credit tables), :mod:`.site_schema` and
  :mod:`.site_columnar` (the words around the engineers' generated schema tables; the tables'
  field notes are not messages but translations of the models' docs, in :mod:`.field_notes_events`
  and :mod:`.field_notes_report`),
  :mod:`.site_facts` (the policy's facts on the site's hand-written pages),
  :mod:`.serve` (the live dashboard) and :mod:`.cli` (the command's words around
  its diagnostics), :mod:`.cli_help` (the command's help and usage errors),
  :mod:`.authoring` (the authors' tools and the policy loader:
  ``sla test``, ``replay``, ``fmt``, the language server), :mod:`.hover` (the language server's
  hovers), :mod:`.diff` (``sla diff``),
  :mod:`.events` (the problems of an event log), :mod:`.terms` (``place.*``: places and time zones,
  named by :mod:`.places`) and :mod:`.bounds` (a time or a result outside the supported years).
  Keys are dotted and start with the section's name (``report.title``,
  ``site.nav.home``), so sections never collide; a test checks it.
"""

from __future__ import annotations

from .authoring import AUTHORING
from .bounds import BOUNDS
from .cli import CLI
from .cli_help import CLI_HELP
from .diagnostics import DIAGNOSTICS
from .diff import DIFF
from .events import EVENTS
from .hover import HOVER
from .msg import Msg
from .report import REPORT
from .serve import SERVE
from .site import SITE
from .site_columnar import SITE_COLUMNAR
from .site_facts import SITE_FACTS
from .site_schema import SITE_SCHEMA
from .site_tables import SITE_TABLES
from .tables import TABLES
from .terms import PLACES
from .trend import TREND

__all__ = ["CATALOGUE", "Msg"]


def _union() -> dict[str, Msg]:
    out: dict[str, Msg] = {}
    sections = (
        REPORT,
        SITE,
        TREND,
        DIAGNOSTICS,
        TABLES,
        CLI,
        CLI_HELP,
        SITE_TABLES,
        SITE_COLUMNAR,
        SITE_SCHEMA,
        SITE_FACTS,
        SERVE,
        AUTHORING,
        HOVER,
        DIFF,
        EVENTS,
        PLACES,
        BOUNDS,
    )
    for section in sections:
        for key, msg in section.items():
            if key in out:
                raise ValueError(f"message key `{key}` defined twice")
            out[key] = msg
    return out


#: Every message of the product, by key.
CATALOGUE: dict[str, Msg] = _union()
