"""``sla_dsl.reader``: the event log readers under their first name (now :mod:`sla_dsl.events.reader`).

The same module object, not a copy: ``sla_dsl.reader.read_events`` is
``sla_dsl.events.reader.read_events``, and patching one patches the other. A type checker does not
run the swap, so it reads the readers' names (their ``__all__``) from the import below.
"""

import sys
from typing import TYPE_CHECKING

from .events import reader as _reader

if TYPE_CHECKING:  # (every name of the readers' __all__)
    from .events.reader import *  # noqa: F403

sys.modules[__name__] = _reader
