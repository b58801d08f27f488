"""The domain of a maintenance feed's UIDs is ASCII, the same at every run, and of one policy only.

It was the policy name's own characters, lowercased, with a hyphen for anything else:
``regular-2026-11-26@クリック倉庫.sla-dsl``, and ``Click So-ko!`` gave ``click-so-ko`` as ``Click So-ko``
does, so two feeds subscribed side by side shared their events' UIDs. A name of plain Latin words
keeps its address (the site's); any other gets the site's Latin address (from the name, else the
English title, else ``policy``) and a hash of the name.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

import sla_dsl

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = (ROOT / "policies" / "clicksoko.sla").read_text("utf-8")


def uid_domain(policy: sla_dsl.Policy) -> str:
    from sla_dsl.report.ical import uid_domain as domain_of

    return domain_of(policy)


def _policy(name: str) -> sla_dsl.Policy:
    text = CLICKSOKO.replace('sla "Click So-ko" {', f'sla "{name}" {{', 1)
    assert text != CLICKSOKO or name == "Click So-ko"
    return sla_dsl.load_policy(text)


def _uids(tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / "p.sla"
    path.write_text(CLICKSOKO.replace('sla "Click So-ko" {', f'sla "{name}" {{', 1), "utf-8")
    args = ["maintenance", str(path), "--from", "2026-11-01", "--to", "2027-01-01", "--format", "ics"]
    proc = subprocess.run([sys.executable, "-m", "sla_dsl.cli", *args], capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    return [str(e["uid"]) for e in Calendar.from_ical(proc.stdout).walk("VEVENT")]


def test_a_japanese_name_gives_an_ascii_domain_stable_across_runs(tmp_path: Path) -> None:
    first = _uids(tmp_path, "クリック倉庫")
    assert first == _uids(tmp_path, "クリック倉庫")
    assert first[0].startswith("regular-2026-11-26@") and first[0].isascii()
    domain = first[0].partition("@")[2]
    assert re.fullmatch(r"click-so-ko-[a-z0-9-]+-[0-9a-f]{8}\.sla-dsl", domain), domain  # (the English title's)


def test_names_that_differ_by_punctuation_do_not_collide() -> None:
    plain, shouted = uid_domain(_policy("Click So-ko")), uid_domain(_policy("Click So-ko!"))
    assert plain == "click-so-ko.sla-dsl"  # (as before: the feeds already subscribed keep their UIDs)
    assert shouted != plain and shouted.startswith("click-so-ko-") and shouted.isascii()


@pytest.mark.parametrize("name", ["クリック倉庫", "Click So-ko!", "Café Desk", "Ldn Desk", "W", "株式会社"])
def test_every_domain_is_ascii_and_a_host_name(name: str) -> None:
    domain = uid_domain(_policy(name))
    assert domain.isascii() and domain.endswith(".sla-dsl")
    label = domain.removesuffix(".sla-dsl")
    assert label and all(c.islower() or c.isdigit() or c == "-" for c in label) and not label.startswith("-")


def test_two_japanese_names_with_one_english_title_differ() -> None:
    assert uid_domain(_policy("クリック倉庫")) != uid_domain(_policy("クリック倉庫２"))
