"""Version history: what changed in meaning between consecutive policy versions.

Design notes
------------
* Article 5 lets the Company change the SLA; readers need to see what changed.
  Versions of one policy (same ``sla "name"``) are ordered by effective date and
  each is compared with the one before it.
* The changes are those ``sla diff`` finds (:func:`sla_dsl.authoring.diff_changes.diff_models`),
  so the site and the command never disagree on what changed in meaning: every
  section of the model, a rule of a priority with ``when`` as its own declaration
  (``P1 when plan = premium``), attributes (values, default, labels of values)
  and declared event types included.
* Each change is worded as the change notice of ``sla diff --format markdown``
  words it (:func:`sla_dsl.authoring.semdiff.change_text`): declarations by their
  labels, fields, values, weekdays, periods and conditions in the reader's
  language, with the old version's labels for old values and the new one's for
  new values. A customer reads the same sentence on the site and in the notice.
* The header's version and effective date are the table's own columns, so their
  change is not repeated in the list.
* The notice's Japanese is in Japanese type as it stands (``：`` after a field,
  ``10:00〜12:00``, ``2026年10月1日``, business time as ``7営業時間（英語窓口）``, as
  everywhere else on the page): a line is shown as the notice says it, with no
  touching up here (it used to turn ``: `` into ``：`` and ``-`` into ``〜``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..authoring import diff_changes as dc
from ..authoring import semdiff
from ..i18n import as_lang
from ..lang import model as m
from . import text as tx

__all__ = ["Change", "diff"]

#: The site's kind of a declaration for each section of :func:`diff_models`.
_KINDS: dict[str, str] = {
    "header": "header",
    "article": "articles",
    "calendar": "calendars",
    "service": "services",
    "planned_stop": "planned_stops",
    "maintenance": "maintenance",
    "clock": "clocks",
    "priority": "priorities",
    "attribute": "attributes",
    "event_type": "event_types",
    "notify": "notifications",
    "backup": "backups",
    "exclude": "exclusions",
    "item": "items",
}

#: Header fields the history table shows in columns of their own.
_COLUMNS = frozenset({"version", "effective"})


@dataclass(frozen=True)
class Change:
    """One difference ``sla diff`` finds between two versions, with both versions to word it."""

    #: the model's section the declaration is in (``priorities``, ``attributes`` ...)
    kind: str
    #: the declaration's key (empty for the header and planned stops)
    name: str
    #: ``added``, ``removed`` or ``changed``
    status: str
    change: dc.Change
    old: m.PolicyModel
    new: m.PolicyModel

    def describe(self, lang: str) -> str:
        """One line for people, as the change notice says it (HTML-escaped)."""
        said = as_lang(lang)
        words = semdiff.notice_words(self.old, self.new, said)
        line = semdiff.change_text(self.change, words, self.old, self.new)
        return tx.esc(line)


def diff(old: m.PolicyModel, new: m.PolicyModel) -> list[Change]:
    """Every difference in meaning from ``old`` to ``new``: those of ``sla diff``, in the notice's words."""
    return [
        Change(_KINDS.get(c.section, c.section), c.key, c.op, c, old, new)
        for c in dc.diff_models(old, new)
        if not (c.section == "header" and c.field in _COLUMNS)
    ]
