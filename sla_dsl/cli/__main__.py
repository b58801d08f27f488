"""``python -m sla_dsl.cli``: the ``sla`` command."""

import sys

from .app import main

sys.exit(main())
