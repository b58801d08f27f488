"""The docs site's words for clock life cycles and named targets (issue 12), in Japanese and English.

Design notes
------------
* :func:`clock_lines` adds a clock's pauses, stops and resets under its start;
  :func:`targets_html` lists a priority's named targets in the priority table,
  each with the clock it is measured on (by the clock's label). Event names go
  through :func:`.text.event`, so a Japanese page shows no internal name where
  the catalogue has a label.
"""

from __future__ import annotations

from ..lang import model as m
from . import text as tx

WORDS: dict[str, dict[str, str]] = {
    "ja": {
        "pauses": "{a} から {u} まで一時停止",
        "stops": "{e} で停止",
        "resets": "{e} で 0 からやり直し",
        "respond": "応答",
        "resolve": "解決",
        "first_reply": "初回回答",
        "within": "{what}：{clock}で {d} 以内",
        "update": "定期更新：{clock}の計測中は {d} ごとに{by}",
        "or": "または",
    },
    "en": {
        "pauses": "pauses at {a} until {u}",
        "stops": "stops at {e}",
        "resets": "restarts from zero at {e}",
        "respond": "Response",
        "resolve": "Resolution",
        "first_reply": "First reply",
        "within": "{what}: within {d} on {clock}",
        "update": "Periodic update: {by} at least every {d} while {clock} runs",
        "or": " or ",
    },
}


def _w(lang: str, key: str, **values: object) -> str:
    text = WORDS["ja" if lang == "ja" else "en"][key]
    return text.format(**values) if values else text


def clock_lines(c: m.ClockRule, lang: str) -> list[str]:
    """HTML lines for a clock's pauses, stops and resets (none for a clock without them)."""
    out = [_w(lang, "pauses", a=tx.event(p.at, lang), u=tx.event(p.until, lang)) for p in c.pauses]
    if c.stops:
        out.append(_w(lang, "stops", e=_w(lang, "or").join(tx.event(e, lang) for e in c.stops)))
    if c.resets:
        out.append(_w(lang, "resets", e=_w(lang, "or").join(tx.event(e, lang) for e in c.resets)))
    return out


def targets_html(p: m.Priority, model: m.PolicyModel, lang: str) -> str:
    """The named targets of a priority, one per line, for its cell of the priority table."""
    clocks = {c.name: c for c in model.clocks}
    lines = []
    for t in p.targets:
        clock = clocks.get(t.clock)
        name = tx.esc((clock.label.text(lang) if clock else "") or t.clock)
        d = tx.esc(tx.duration(t.duration, lang))
        if t.kind == "update":
            by = _w(lang, "or").join(tx.event(e, lang) for e in t.by)
            lines.append(_w(lang, "update", clock=name, d=d, by=by))
        else:
            lines.append(_w(lang, "within", what=_w(lang, t.kind), clock=name, d=d))
    return "".join(f"<br><small>{x}</small>" for x in lines)
