"""Shared pieces of the report tests: the example month, an in-process ``sla``, and the language scanner."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sla_dsl.cli.app import main
from sla_dsl.lang.model import Label
from sla_dsl.policy import load_policies

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]
JAPANESE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60]")
#: Latin words a Japanese page may show outside the log's ids and the policy's own texts.
JA_LATIN_OK = {"ID", "PDF"}
#: The head's line on what reproduces a report: each version's fingerprint (12 hex digits of its SHA-256)
#: and the tool's name, data as an id is, the same in either language.
ABOUT_DATA = re.compile(r"SHA-256|\b[0-9a-f]{12}\b|sla-dsl")


def sla(*args: str | Path) -> tuple[int, str, str]:
    """Run ``sla`` in this process: (exit code, stdout, stderr)."""
    raw = io.BytesIO()
    out, err = io.TextIOWrapper(raw, encoding="utf-8", write_through=True), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    out.flush()
    return code, raw.getvalue().decode("utf-8"), err.getvalue()


def _labels(node: Any) -> list[Label]:
    if isinstance(node, Label):
        return [node]
    if isinstance(node, BaseModel):
        return [x for name in type(node).model_fields for x in _labels(getattr(node, name))]
    if isinstance(node, tuple | list):
        return [x for item in node for x in _labels(item)]
    return []


@functools.cache
def listed_backup_ids() -> tuple[str, ...]:
    """The ids of the example month's missed backup days (``files:2026-11-14``), which the violations table
    lists as ``sla explain`` takes them, as it lists every other id."""
    code, out, err = sla("evaluate", POLICY, EXAMPLE, *MONTH, "--format", "json", "--no-trend")
    assert code == 0, err
    return tuple(v["id"] for v in json.loads(out)["violations"] if v["kind"] == "backup_missed")


def allowed_words(lang: str) -> list[str]:
    """Texts a page may show whatever its language: the log's ids and zones, the ids of the backup days it
    misses, the policy's own texts."""
    words: set[str] = set(listed_backup_ids())
    for line in EXAMPLE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            ev = json.loads(line)
            words.update(str(ev[k]) for k in ("id", "zone", "primary_zone") if ev.get(k))
    policy = load_policies([str(POLICY)])[0]
    words.update(p.id for p in policy.model.priorities)
    words.update({policy.name, policy.version})
    words.update(t for lab in _labels(policy.model) for t in [lab.text(lang)] if t)
    return sorted(words, key=len, reverse=True)


class _Text(HTMLParser):
    """The text a person reads in an HTML page: text nodes and the aria-label/title/alt attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self._skip += 1
        self.parts += [v for k, v in attrs if k in ("aria-label", "title", "alt") and v]

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def readable(text: str, fmt: str) -> str:
    """What a person reads of a rendered output."""
    if fmt != "html":
        return text
    parser = _Text()
    parser.feed(text)
    return "\n".join(parser.parts)


def foreign(text: str, lang: str, allowed: list[str]) -> list[str]:
    """Fragments of the other language in ``text``: English words on a ja page, Japanese on an en page."""
    for word in allowed:
        text = text.replace(word, " ")
    text = ABOUT_DATA.sub(" ", text)
    if lang == "ja":
        return sorted(set(re.findall(r"[A-Za-z][A-Za-z_./-]*", text)) - JA_LATIN_OK)
    return sorted(set(JAPANESE.findall(text)))


def ids_of_every_kind(report: dict[str, Any], each: int = 2) -> list[str]:
    """Up to ``each`` ids of every kind the report lists."""
    kinds: dict[str, list[str]] = {}
    for key in ("incidents", "outages", "planned_stops", "retention"):
        kinds[key] = [r["id"] for r in report[key]]
    days = [f"{b['kind']}:{b['day']}" for b in report["backups"]]
    kinds["backup days"] = list(dict.fromkeys(days))
    for v in report["violations"]:
        kinds.setdefault(f"violation {v['kind']}", []).append(v["id"])
    return list(dict.fromkeys(i for ids in kinds.values() for i in list(dict.fromkeys(ids))[:each]))
