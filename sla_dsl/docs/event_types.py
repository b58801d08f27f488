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
* A contract type the policy relabels (``event outage.notified "…" / "…"``) is
  listed apart, as the contract's event in the policy's words: it adds no
  type to the log (the engineers' table of declared types leaves it out),
  and every rule on the page names it by that label in place of the
  contract's words.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import message
from ..lang import model as m
from . import text as tx


def event_types_html(nodes: Sequence[m.EventType], lang: str) -> str:
    """The list of declared event types, in ``lang`` (HTML), then the contract's types the policy relabels
    (``event incident.responded "…" / "…"``) in a list of their own: they add nothing to the log."""
    out = []
    for key, listed in (
        ("event_types", [e for e in nodes if not e.relabels]),
        ("event_relabels", [e for e in nodes if e.relabels]),
    ):
        items = []
        for e in listed:
            label = tx.esc(e.label.text(lang))
            if lang == "en":
                label = f"{label} (<code>{tx.esc(e.name)}</code>)"
            items.append(f'<li id="event-{tx.esc(e.name.replace(".", "-").replace("_", "-"))}">{label}</li>')
        if items:
            out.append(f"<p>{tx.esc(tx.t(key, lang))}</p><ul>{''.join(items)}</ul>")
    return "".join(out)


def declared_markdown(models: Sequence[tuple[str, m.PolicyModel]], lang: str = "en") -> str:
    """For the engineers' event reference, in ``lang`` (the page's): the event types the site's policies
    declare, with their labels in Japanese and English (``models``: (policy name and version, model)); empty
    when none declares any. The labels are the policy's, in both columns on either page; the policy is named
    as the site's navigation names it, by its title in the page's language, with its version
    (``ヘルプデスク サービスレベル合意書 1.0``), by the given name only when it has no title."""
    rows = [
        f"| `{e.name}` | {_cell(e.label.ja or '')} | {_cell(e.label.en or '')} | {_cell(_policy(name, model, lang))} |"
        for name, model in models
        for e in model.declared_events
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


def _policy(name: str, model: m.PolicyModel, lang: str) -> str:
    """The policy of a row: its title in ``lang`` and its version, else ``name`` (its name and version)."""
    h = model.header
    return f"{tx.policy_title(h, lang)} {h.version}" if h.title.text(lang) else name


def _cell(text: str) -> str:
    """``text`` in a cell of a Markdown table: HTML-escaped, a ``|`` not ending the cell."""
    return tx.esc(text).replace("|", "&#124;")
