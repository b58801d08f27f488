"""An unknown id that is a known one written in another Unicode form: the hint its data note gives.

Design notes
------------
* Ids are compared as written (the contract): ``が`` written as one character
  (NFC) and as ``か`` with a combining sound mark (NFD) are two ids, and so are
  ``ｶﾞ`` (half width) and ``ガ``. A response logged by one system under the
  other form is then an event for an unknown incident, and both forms look the
  same on screen: the note alone cannot show why. So when an id is unknown (no
  ``incident.reported``, ``outage.started`` or ``backup.completed``), the note
  names the known id it equals once both are normalized (NFC, else NFKC) and
  the line of that id's first event (:attr:`~sla_dsl.report.DataNote.known_id`).
  The matching itself is unchanged.
* Off the hot path: nothing is normalized until an unknown id is met; then the
  family's known ids are indexed once (:class:`KnownIds`), and each unknown id
  costs two normalizations and two look-ups.
* A partitioned run (:mod:`.partition`) sees the ids of its partition only: two
  forms of one id hashed into different partitions get no hint.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from typing import Literal, NamedTuple

from ..events.schema import Rec
from ..report import DataNote, DataWhat

__all__ = ["Known", "KnownIds", "opened_at", "unknown_note"]

#: The forms an unknown id is compared in, in turn: canonical (composed or not), then compatibility (widths).
_FORMS: tuple[Literal["NFC", "NFKC"], ...] = ("NFC", "NFKC")


class Known(NamedTuple):
    """A known id an unknown one equals once both are normalized, and the line of its first event (0: none)."""

    ident: str
    line: int


def opened_at(groups: Mapping[str, list[Rec]], first: int) -> Iterable[tuple[str, int]]:
    """Each id of ``groups`` that has an event of type ``first`` (its opening), with that event's line."""
    for ident, recs in groups.items():
        line = next((r[3] for r in recs if r[1] == first), None)
        if line is not None:
            yield ident, line


class KnownIds:
    """The known ids of a family (given lazily: ``opened``, each id with the line that opens it), by their
    NFC and NFKC forms, indexed when first asked."""

    def __init__(self, opened: Iterable[tuple[str, int]]) -> None:
        self._opened = opened
        self._forms: tuple[dict[str, Known], dict[str, Known]] | None = None

    def like(self, ident: str) -> Known | None:
        """The known id ``ident`` equals in NFC, else in NFKC, when it is not that id as written (the one
        opened first when several are); None when none."""
        if self._forms is None:
            self._forms = self._index()
        for form, index in zip(_FORMS, self._forms, strict=True):
            known = index.get(unicodedata.normalize(form, ident))
            if known is not None and known.ident != ident:
                return known
        return None

    def _index(self) -> tuple[dict[str, Known], dict[str, Known]]:
        nfc: dict[str, Known] = {}
        nfkc: dict[str, Known] = {}
        for ident, line in self._opened:
            known = Known(ident, line)
            for form, index in zip(_FORMS, (nfc, nfkc), strict=True):
                key = unicodedata.normalize(form, ident)
                held = index.get(key)
                if held is None or (line, ident) < (held.line, held.ident):
                    index[key] = known
        return nfc, nfkc


def unknown_note(what: DataWhat, ident: str, known: KnownIds | None) -> DataNote:
    """The note of an event for the unknown id ``ident`` (``unknown_incident``...), naming the known id it
    equals in another Unicode form, and the line that opens it, when there is one."""
    like = known.like(ident) if known is not None else None
    if like is None:
        return DataNote(what=what)
    return DataNote(what=what, known_id=like.ident, other_line=like.line)
