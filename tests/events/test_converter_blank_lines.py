"""The mapping page's JSON Lines converters on an input with blank lines: passed over, never a traceback.

A receiver or an export tool that ends its file with an empty line, or leaves one between records, gave
``json.loads("\\n")`` a JSONDecodeError in ``zendesk_events.py``, ``servicenow_events.py`` and
``alertmanager_events.py`` (the Jira converter already passed them over): the script stopped and every record
after the blank line was left out, unsaid.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from desk_exports import ROOT, page_script

CONVERTERS = ["zendesk_events.py", "jira_events.py", "servicenow_events.py", "alertmanager_events.py"]


@pytest.mark.parametrize("name", CONVERTERS)
@pytest.mark.parametrize("stdin", ["\n", "\n\n", "  \r\n", "\t\n\n"])
def test_blank_lines_alone_convert_to_nothing_without_a_traceback(name: str, stdin: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", page_script(name)], input=stdin, capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout == ""
