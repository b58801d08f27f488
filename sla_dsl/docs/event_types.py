"""The event types a policy declares, on its page: their labels in the page's language.

Design notes
------------
* A policy may add incident event types to the contract's
  (``event incident.chat_started "チャット開始" / "Chat started"``). The page
  lists them under their article (or under "Other rules") by label; the
  English page adds the type as the event log writes it, for the engineers who
  write logs; the Japanese page shows labels only, no internal names.
* Wherever a rule on the page names a declared event (a clock start, a pause,
  an update target), :func:`sla_dsl.docs.text.event` names it by its label too
  (:func:`sla_dsl.docs.text.declared_events`, set around each page).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import message
from ..lang import model as m
from . import text as tx


def event_types_html(nodes: Sequence[m.EventType], lang: str) -> str:
    """The list of declared event types, in ``lang`` (HTML)."""
    items = []
    for e in nodes:
        label = tx.esc(e.label.text(lang))
        if lang == "en":
            label = f"{label} (<code>{tx.esc(e.name)}</code>)"
        items.append(f'<li id="event-{tx.esc(e.name.replace(".", "-").replace("_", "-"))}">{label}</li>')
    return f"<p>{tx.esc(tx.t('event_types', lang))}</p><ul>{''.join(items)}</ul>"


def declared_markdown(models: Sequence[tuple[str, m.PolicyModel]], lang: str = "en") -> str:
    """For the engineers' event reference, in ``lang`` (the page's): the event types the site's policies
    declare, with their labels in Japanese and English (``models``: (policy name and version, model)); empty
    when none declares any. The labels are the policy's, in both columns on either page."""
    rows = [
        f"| `{e.name}` | {tx.esc(e.label.ja or '')} | {tx.esc(e.label.en or '')} | {tx.esc(name)} |"
        for name, model in models
        for e in model.event_types
    ]
    if not rows:
        return ""
    text = message(
        "site.schema.declared.text",
        lang,
        example='`event incident.chat_started "…" / "…"`',
        event="`event`",
        at="`at`",
        id="`id`",
        code="E103",
    )
    english, policy = message("site.schema.declared.english", lang), message("site.schema.declared.policy", lang)
    return (
        f"\n### {message('site.schema.declared.title', lang)} {{#declared-event-types}}\n\n{text}\n\n"
        # the labels' columns: 日本語 is the language's own name, on either page
        f"| `event` | 日本語 | {english} | {policy} |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )
