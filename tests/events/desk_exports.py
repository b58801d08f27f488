"""What the tests of service-desk exports share: the mapping page's converters, and judging their lines.

Each converter is a python block of ``docs/engineers/mapping.en.md`` whose first line names the file a reader
saves it as (``# jira_events.py < issues.jsonl > events.jsonl``): the tests find it by that name, never by its
place on the page, and run it as it is there, as a script or imported (its stdin loop under ``__main__``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
PAGE = ROOT / "docs" / "engineers" / "mapping.en.md"
#: The page in Japanese: the same converters but for their comments and the messages they print for a person,
#: which are in Japanese (``tests/docs/test_translations.py``, ``test_mapping_ja_messages.py``).
PAGE_JA = PAGE.with_name("mapping.ja.md")


class Fate(NamedTuple):
    """One fact a converter read and what the page's table makes of it: an event type, or ``skip: why``."""

    at: str
    what: str
    fate: str
    priority: str | None = None


#: A ``#`` comment of a code block (as ``tests/docs/test_translations.py`` takes them out): the Japanese page's
#: are in Japanese, its code is the English page's
_COMMENT = re.compile(r"(?:^|[ \t]+)#(?=[ \t]|$).*$", re.MULTILINE)


def without_comments(block: str) -> str:
    """``block`` with its ``#`` comments taken out, every line kept: the code, the same on either page."""
    return _COMMENT.sub("", block)


def events_of(fates: list[Fate]) -> list[tuple[str, str]]:
    """(event, time) of the fates that are events: the lines a converter writes, in order."""
    return [(f.fate, f.at) for f in fates if not f.fate.startswith("skip:")]


def skips_of(key: str, fates: list[Fate]) -> list[str]:
    """The lines a converter writes on stderr for ticket ``key``'s fates: each fact that is no event, with why."""
    return [f"{key} {f.at} {f.what}: {f.fate}" for f in fates if f.fate.startswith("skip:")]


def page_script(name: str, page: Path = PAGE) -> str:
    """The mapping page's one python block whose first line is ``# name ...`` (``page``: the page in another
    language)."""
    blocks: list[str] = re.findall(r"```python\n(.*?)```", page.read_text("utf-8"), re.S)
    (block,) = [b for b in blocks if b.split(maxsplit=2)[:2] == ["#", name]]
    return block


def page_module(name: str) -> ModuleType:
    """The page's script ``name`` imported: its functions and constants, its stdin loop not run."""
    module = ModuleType(name.removesuffix(".py"))
    exec(compile(page_script(name), f"{PAGE}:{name}", "exec"), module.__dict__)
    return module


def run_script(name: str, records: list[dict[str, Any]], page: Path = PAGE) -> subprocess.CompletedProcess[str]:
    """The page's script ``name`` run on ``records``, one JSON line each, as a reader runs it."""
    stdin = "".join(json.dumps(r) + "\n" for r in records)
    cmd = [sys.executable, "-c", page_script(name, page)]
    return subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60)


def converted(name: str, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The event lines the page's script ``name`` writes for ``records``."""
    done = run_script(name, records)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def judge(policy: Path, lines: list[dict[str, Any]], tmp_path: Path, period: tuple[str, str]) -> dict[str, Any]:
    """The one incident of ``sla evaluate --format json`` of ``policy`` on ``lines`` over ``period``."""
    log = tmp_path / "events.jsonl"
    log.write_text("".join(json.dumps(line) + "\n" for line in lines), "utf-8")
    args = ["--from", period[0], "--to", period[1], "--format", "json", "--no-trend"]
    cmd = [sys.executable, "-m", "sla_dsl.cli", "evaluate", str(policy), str(log), *args]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode in (0, 1), done.stderr  # 1: the period's backups are missing, not a bad log
    (incident,) = json.loads(done.stdout)["incidents"]
    return dict(incident)
