"""Live SLA tracking: ``sla serve``, an HTTP service over a database of events.

Design notes
------------
* A stage above evaluation and authoring (``tests/test_layout.py``): it stores
  events, judges them with :mod:`sla_dsl.evaluation` as of now, renders with
  :mod:`sla_dsl.report`, and never judges anything itself.
* Modules, in the order data flows: :mod:`.store` (SQLAlchemy Core over SQLite
  or PostgreSQL, with versioned migrations), :mod:`.ingest` (a request body to
  validated rows, with the CLI reader's messages), :mod:`.live` (the live view
  kept up to date incrementally), :mod:`.tracking` (the live answers and the
  transitions of open targets), :mod:`.alerts` (timers and the
  webhook sender), :mod:`.metrics`, :mod:`.dashboard`, :mod:`.app` (the
  FastAPI routes).
* The web stack is an optional extra (``pip install 'sla-dsl[serve]'``): the
  ``sla`` command itself never imports this package unless ``sla serve`` runs.
"""

from .app import Settings, create_app

__all__ = ["Settings", "create_app"]
