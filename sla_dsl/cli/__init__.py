"""The ``sla`` command: a thin layer over the library.

:mod:`.app` builds the argument parser and runs ``sla check``; each command
family has its own module, imported only when its command runs: :mod:`.times`
(``deadline``, ``maintenance``, ``calendar``), :mod:`.evaluate` (``evaluate``,
``explain``) and :mod:`.author` (``fmt``, ``diff``, ``replay``, ``test``,
``lsp``).
"""

from .app import main

__all__ = ["main"]
