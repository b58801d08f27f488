"""``sla_dsl.reader``: the event log readers under their first name (now :mod:`sla_dsl.events.reader`).

The same module object, not a copy: ``sla_dsl.reader.read_events`` is
``sla_dsl.events.reader.read_events``, and patching one patches the other. A type checker does not
run the swap, so it reads the readers' names (their ``__all__``) from the import below.

A thread that imports ``sla_dsl.reader`` while another thread is importing it for the first time waits
for that import, then holds this module object, not the readers' module the swap puts in its place: so
a name read from this one is the readers' (``__getattr__``), or ``from sla_dsl.reader import
read_events`` in the threads of a service starting up would be an ImportError.
"""

import sys
from typing import TYPE_CHECKING, Any

if not TYPE_CHECKING:  # (a type checker reads the names from the import below)

    def __getattr__(name: str) -> Any:
        from .events import reader

        return getattr(reader, name)


from .events import reader as _reader

if TYPE_CHECKING:  # (every name of the readers' __all__)
    from .events.reader import *  # noqa: F403

sys.modules[__name__] = _reader
