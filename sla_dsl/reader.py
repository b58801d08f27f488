"""``sla_dsl.reader``: the event log readers under their first name (now :mod:`sla_dsl.events.reader`).

The same module object, not a copy: ``sla_dsl.reader.read_events`` is
``sla_dsl.events.reader.read_events``, and patching one patches the other.
"""

import sys

from .events import reader as _reader

sys.modules[__name__] = _reader
