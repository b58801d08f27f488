"""Every ``sla`` block of the service-desk mapping page, checked as a reader uses it.

A block that starts with the ``sla`` header is a whole policy: ``sla check`` passes it as it is, with no
diagnostic. Every other block is a part of one (event types, a clock, and in a ``# in the priority:`` comment
the target to write in a priority): put into the whole policy of its section when the section has one (the
reader's own policy for that desk), else into Click So-ko's, with that target in P1, it compiles with no
diagnostic but W248 (Click So-ko's P1 has a same-day guideline, which a named target does not take). A block
that declares a priority is a whole policy: added to another, its priority would be a second one.

Found by the QA: Request Tracker's block was a clock and a priority with a plain ``respond within`` and no
``clock response``; pasted as a policy, the plain target fell to the first clock, ``resolution``, whose stop and
reset it cannot judge, and ``sla check`` refused it (E242).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from desk_exports import CLICKSOKO, PAGE, PAGE_JA, ROOT, without_comments

from sla_dsl.policy import compile_text

FENCE = re.compile(r"```sla\n(.*?)```", re.S)


def blocks(page: Path) -> list[tuple[str, str]]:
    """(the level-2 section's heading, the block) of each ``sla`` block of ``page``, in the page's order."""
    found: list[tuple[str, str]] = []
    section = ""
    for part in re.split(r"(```.*?```)", page.read_text("utf-8"), flags=re.S):  # (a `#` in code is no heading)
        block = FENCE.fullmatch(part)
        if block:
            found.append((section, block.group(1)))
        elif not part.startswith("```"):
            section = ["", *re.findall(r"^## (.+)$", part, re.M)][-1] or section
    return found


def is_whole(block: str) -> bool:
    return re.match(r"\s*sla \"", block) is not None


BLOCKS = blocks(PAGE)
WHOLE = {section: block for section, block in BLOCKS if is_whole(block)}


def test_the_blocks_are_the_same_on_the_japanese_page() -> None:
    # (their comments are in Japanese there: the code, line for line)
    assert [without_comments(b) for _, b in blocks(PAGE_JA)] == [without_comments(b) for _, b in BLOCKS]
    assert len(BLOCKS) >= 7 and WHOLE  # (the page's blocks were found, a whole policy among them)


@pytest.mark.parametrize("block", [b for _, b in BLOCKS], ids=[f"block-{i}" for i in range(len(BLOCKS))])
def test_a_block_that_declares_a_priority_is_a_whole_policy(block: str) -> None:
    if re.search(r"^priority ", block, re.M):
        assert is_whole(block), block


@pytest.mark.parametrize("section", sorted(WHOLE))
def test_each_whole_policy_passes_sla_check(section: str, tmp_path: Path) -> None:
    path = tmp_path / "policy.sla"
    path.write_text(WHOLE[section], "utf-8")
    done = compile_text(WHOLE[section], str(path))
    assert done.diagnostics == [] and done.model is not None, done.diagnostics
    cmd = [sys.executable, "-m", "sla_dsl.cli", "check", "--lang", "en", str(path)]
    checked = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert checked.returncode == 0 and "error" not in checked.stdout + checked.stderr, checked


def with_part(policy: str, block: str) -> str:
    """``policy`` with ``block`` after it and, in its first priority, the statements the block's comments give
    (``# in the priority: ...``); one that says how the priority completes (``complete on ...``) takes the
    place of the priority's own."""
    for rule in re.findall(r"# in the priority: (.*)", block):
        first = policy.index("\npriority ")
        if rule.startswith("complete on "):
            own = re.compile(
                r"^  complete on [^\n]*,[ \t]*(?:#[^\n]*)?\n(?:    [^\n]*\n)*?|^  complete on [^\n]*\n", re.M
            )
            found = own.search(policy, first)
            end = policy.find("\n}", first)
            if found is not None and found.start() < end:
                policy = f"{policy[: found.start()]}  {rule}\n{policy[found.end() :]}"
                continue
        at = policy.index("\n", policy.index("respond within", first)) + 1
        policy = f"{policy[:at]}  {rule}\n{policy[at:]}"
    return f"{policy}\n{block}"


PARTS = [(section, block) for section, block in BLOCKS if not is_whole(block)]


@pytest.mark.parametrize(("section", "block"), PARTS, ids=[f"part-{i}" for i in range(len(PARTS))])
def test_each_part_compiles_in_a_policy(section: str, block: str) -> None:
    """Each part, in its section's whole policy or else in Click So-ko's, makes a policy with no diagnostic (and
    no clock left unused: W240 would say a part names no target for its clock)."""
    policy = WHOLE.get(section) or CLICKSOKO.read_text("utf-8")
    done = compile_text(with_part(policy, block))
    assert {d.code for d in done.diagnostics} <= {"W248"}, done.diagnostics
    assert done.model is not None
