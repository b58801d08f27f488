"""What the API says when ``policy`` is no policy: a dict, or an event log given to ``load_policy``.

``sla_dsl.evaluate({"a": 1}, ...)`` iterated the dict as a list of versions and said ``policy[0]:
expected a Policy, found str: load it with sla_dsl.load_policy('a')``; a mapping is now refused as
such (``found dict``), as a single dict is refused for ``events``. ``sla_dsl.load_policy`` of an event
log's path gave E011, a syntax error at 2:1; it now says what the commands that read policies say
(the log's name tells it, as it tells them): an event log, not a policy, to give to ``evaluate``.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any

import pytest

import sla_dsl
from sla_dsl import InputError

ROOT = Path(__file__).resolve().parents[2]
LOG = "examples/events-2026-11.jsonl"


@pytest.mark.parametrize("given", [{"a": 1}, {}, OrderedDict(v=1)])
def test_a_mapping_as_policy_is_refused_as_a_mapping(given: Any) -> None:
    with pytest.raises(TypeError) as caught:
        sla_dsl.evaluate(given, [], "2026-11-01", "2026-12-01")
    assert str(caught.value) == f"policy: expected a Policy or a sequence of its versions, found {type(given).__name__}"


@pytest.mark.parametrize("given", [LOG, Path(LOG), "logs/events.csv.gz", "exports/events.parquet"])
def test_load_policy_of_an_event_log_says_so(given: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    with pytest.raises(InputError) as caught:
        sla_dsl.load_policy(given)
    said = str(caught.value)
    path = str(given)
    assert said.startswith(f"`{path}` is an event log, not a policy: `sla_dsl.load_policy` reads policies only")
    assert f"sla_dsl.evaluate(policy, {path!r}, start, end)" in said
    assert not isinstance(caught.value, sla_dsl.PolicyError)


def test_the_commands_say_the_same_of_it(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from sla_dsl.cli.app import main

    monkeypatch.chdir(ROOT)
    assert main(["check", LOG, "--lang", "en"]) == 2
    assert f"`{LOG}` (path 1) is an event log, not a policy" in capsys.readouterr().err


def test_a_policy_text_and_a_policy_path_load_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert sla_dsl.load_policy("policies/clicksoko.sla").name == "Click So-ko"
    with pytest.raises(sla_dsl.PolicyError):  # (a missing policy file: E001, as before)
        sla_dsl.load_policy("policies/missing.sla")
