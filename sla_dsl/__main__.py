"""``python -m sla_dsl``: the ``sla`` command, as the console script runs it (:func:`sla_dsl._entry.run`)."""

from ._entry import run

run()
