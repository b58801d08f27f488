"""What the Dask and Spark entry points share: the policy as text that travels to workers, judging one partition.

Design notes
------------
* Workers get the policy as its *text* (a few kilobytes, inside the task), not
  as a path: a cluster's machines need no shared file system and no copy of the
  file. Each worker process compiles each text once and keeps it
  (:func:`policies_of`); a partition's task then costs the judging alone.
* A partition's events come as an Arrow table or a pandas DataFrame with the
  columns of the columnar event schema and, optionally, ``line``: each event's
  line in the original log (:mod:`sla_dsl.events.partitions`).
* The policy and the period are checked on the client before any work is sent:
  a bad policy or an empty period fails at once, with the one-run message.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .errors import InputError
from .evaluation import period_bounds
from .evaluation.common import Versions
from .evaluation.partition import Partial, failed, judge_partition
from .events.partitions import read_partition
from .events.problems import EventInputError
from .policy.compiled import Policy, declared_types
from .policy.load import load_policy

__all__ = ["PolicyText", "check_period", "judge_events", "judge_table", "policies_of", "policy_texts"]

Time = dt.datetime | dt.date


class PolicyText(NamedTuple):
    """A policy version as it travels to workers: the name its messages use, and its text."""

    name: str
    text: str


def policy_texts(policy: str | Path | Policy | Sequence[str | Path | Policy]) -> tuple[PolicyText, ...]:
    """The texts of the policy versions given as files, or as loaded policies that remember their file."""
    items: Sequence[str | Path | Policy] = [policy] if isinstance(policy, str | Path | Policy) else policy
    out: list[PolicyText] = []
    for item in items:
        if isinstance(item, Policy):
            if item.path is None:
                raise InputError("a policy compiled from text has no file to send to workers: give its file or text")
            item = item.path
        path = Path(item)
        if isinstance(item, str) and ("\n" in item or "{" in item):
            out.append(PolicyText("<policy>", item))
            continue
        try:
            out.append(PolicyText(str(path), path.read_text("utf-8")))
        except OSError as exc:
            raise InputError(f"{path}: cannot read the policy ({exc.strerror or exc})") from None
    if not out:
        raise InputError("no policy to evaluate against")
    return tuple(out)


@functools.lru_cache(maxsize=16)
def policies_of(texts: tuple[PolicyText, ...]) -> list[Policy]:
    """The compiled policy versions of ``texts`` (once per process)."""
    policies = []
    for name, text in texts:
        policy = load_policy(text)
        if name != "<policy>":
            policy.path = name
        policies.append(policy)
    return policies


def check_period(texts: tuple[PolicyText, ...], start: Time, end: Time, as_of: Time | None) -> None:
    """Refuse a bad policy or period on the client, before any work is sent."""
    period_bounds(Versions(policies_of(texts)), start, end, as_of)


def judge_events(
    texts: tuple[PolicyText, ...],
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    skip_invalid: bool,
) -> Partial:
    """On a worker: judge one partition's events under the policy texts (compiled once per process)."""
    return judge_table(policies_of(texts), events, start, end, as_of, source=source, skip_invalid=skip_invalid)


def judge_table(
    policy: Policy | Sequence[Policy],
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    source: str = "<events>",
    skip_invalid: bool = False,
) -> Partial:
    """Judge one partition's events (a pyarrow Table or RecordBatch, or a pandas DataFrame) into a
    :class:`Partial`; events that cannot be read become its problems, raised where the partials meet."""
    try:
        log = read_partition(events, source, declared=declared_types(policy))
    except EventInputError as exc:  # the reading stopped: its problems go to the merge
        return failed(source, list(exc.problems))
    return judge_partition(policy, log, start, end, as_of, skip_invalid=skip_invalid)
