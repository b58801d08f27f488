"""The ``sla`` console script: sets the process up, then runs :func:`sla_dsl.cli.main`.

A command such as ``sla check`` lives for well under a second and frees almost
everything by reference counting, so the cyclic garbage collector is switched
off before the heavy imports (it otherwise runs many times while pydantic and
lark build their classes). The long-running ``sla lsp`` keeps it on. Library
users importing :mod:`sla_dsl` are not affected.
"""

from __future__ import annotations

import gc
import sys


def main() -> int:
    """Entry point of the ``sla`` console script."""
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    if command != "lsp":
        gc.disable()
    from .cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
