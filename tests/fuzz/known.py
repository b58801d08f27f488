"""Findings already filed and not fixed yet: each is a corpus entry, marked ``xfail(strict=True)``.

When the fix lands, the corpus entry passes, its strict mark fails the suite, and the
entry's line here is removed: that also stops generated inputs with the same signature
from being forgiven.
"""

from __future__ import annotations

from .harness import Known

#: Corpus file name -> the finding it reproduces (item of issue 17, and a pattern on the signature).
KNOWN: dict[str, Known] = {}
