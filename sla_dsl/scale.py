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
  a bad policy or an empty period fails at once, with the one-run message. A
  version with errors is refused as :func:`~sla_dsl.load_policy` refuses its
  file: a :class:`~sla_dsl.lang.diagnostics.PolicyError` naming the file (in a
  directory of versions, the one at fault) and its lines (``render()`` shows
  each with its excerpt, as ``sla evaluate`` writes it). What the client
  refuses about the period and the frame's columns is said in the policy's
  primary language, as :func:`sla_dsl.evaluate` says it (:func:`client_lang`),
  naming the API's parameters (``start``, ``end``, ``as_of``), not the
  command's flags.
* A partition's reading and judging, and the client's unpickling and finishing,
  run with the cyclic garbage collector paused, as :func:`~.evaluation.judge_log`
  runs one whole log: they build hundreds of thousands of long-lived records
  that hold no cycles, and every generation-2 pass would walk them all (measured
  on a 4M-event log: the client's unpickling and finish 8.8 CPU s with the
  collector, 2.6 without; a 1M-event log's 16 partitions 4.9 CPU s with it, 3.3
  without). When it is
  switched back on, what was built is moved to the oldest generation
  (``gc.freeze()`` then ``gc.unfreeze()``: a list splice) instead of being walked
  by the next young collection (0.7 s on the client for a 4M-event log's 955,000
  incidents); it is collected as usual from there.
* The partition key is the id as the reader files it: stripped of the blanks
  at either end (``" INC-2 "`` is ``INC-2``). Dask's shuffle and Spark's
  repartitioning hash the id stripped of :data:`BLANKS`, so that the events of
  one id meet in one partition however their cells space it; a hash of the raw
  cell would put ``INC-2`` and ``" INC-2 "`` apart, and the merge refuse them.
* A file partition (:func:`judge_file`: one Parquet file that holds all the
  events of its ids) is read by pyarrow inside the task and judged as an Arrow
  table, never a pandas frame; a file pyarrow cannot read is read again by
  :func:`~.events.arrow_files.read_arrow`, whose located problem (E117) is the partial's.
* Every task carries the digest of the client's code (:func:`code_digest`: the
  bytes of each module of the package, the grammar and the version, never a
  path or a file's times, so one wheel installed on every node at other paths
  and times is one code) and the arguments in one payload (:func:`task`): a
  worker or executor whose ``sla_dsl`` is other code than the client's refuses
  the task before anything else (:func:`arguments`: the arguments are unpickled
  only then), naming where its ``sla_dsl`` is, in the policy's primary language;
  partial results of other code are never merged into a report. The payload is
  a dict of text and bytes, read the same by any release that has this check,
  whatever the arguments of its functions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import pickle
import re
import socket
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, NoReturn

import holidays
import pyarrow as pa
import pyarrow.parquet as pq

from ._version import __version__
from .errors import InputError
from .evaluation import Time, api_lang, check_as_of
from .evaluation.common import Versions
from .evaluation.partition import Partial, failed, finish, judge_partition, merge
from .evaluation.result import Evaluation
from .events.arrow_files import read_arrow
from .events.partitions import LINE, read_partition
from .events.problems import EventInputError, RowSource
from .events.table_schema import lacks_columns
from .files import collector_paused as paused_everywhere
from .i18n import message
from .lang.compile import Compiled
from .lang.diagnostics import PolicyError, policy_language
from .lang.plain import grammar_text
from .lang.source import read_policy_file_digest
from .policy.compiled import Policy, declared_types
from .policy.load import compile_path, compile_text, policy_files

__all__ = [
    "BLANKS",
    "OtherCodeError",
    "PolicyText",
    "arguments",
    "check_period",
    "client_lang",
    "code_digest",
    "collector_paused",
    "finish_blobs",
    "judge_events",
    "judge_file",
    "judge_table",
    "older_code",
    "pickled",
    "policies_of",
    "policy_texts",
    "refuse_lacking",
    "task",
]


#: The blanks that the partition key of an id leaves out at either end: every character ``str.isspace``
#: takes. The reader strips an id of Unicode's White_Space (:data:`~.events.fields.Id`: the same, less
#: U+001C-U+001F), so ids it reads as one always share a key; two it reads apart may, which costs nothing.
BLANKS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


class PolicyText(NamedTuple):
    """A policy version as it travels to workers: the name its messages use, its text, and the SHA-256 of
    its file's bytes as read (the reports' ``sha256``, as ``sla evaluate`` gives it for the file: a byte
    order mark or CRLF line ends are in the file's bytes and not in its text); None: of the text."""

    name: str
    text: str
    sha256: str | None = None


def policy_texts(policy: str | Path | Policy | Sequence[str | Path | Policy]) -> tuple[PolicyText, ...]:
    """The texts of the policy versions given as files or directories of them (every ``*.sla`` file), or as
    loaded policies that remember their file: the text each was compiled from (:attr:`Policy.source`), not
    its file read again, which may have been saved since (a policy built from a model alone: its file)."""
    items: Sequence[str | Path | Policy] = [policy] if isinstance(policy, str | Path | Policy) else policy
    if isinstance(items, Mapping | bytes) or not isinstance(items, Iterable):  # (a Compiled of compile_policy)
        raise TypeError(message("author.api.policy_type", "en", kind=type(policy).__name__))  # (as evaluate says it)
    items = list(items)
    out: list[PolicyText] = []
    for k, item in enumerate(items):
        if not isinstance(item, str | Path | Policy):
            raise TypeError(message("author.api.version_type", "en", k=k, kind=type(item).__name__))
        if isinstance(item, Policy):
            if item.path is None:
                lang = policy_language(item.model)
                raise InputError(message("author.api.policy_without_file", lang), lang=lang)
            if item.source is not None:  # (the text it was compiled from: its file may have been saved since)
                out.append(PolicyText(item.path, item.source, item.sha256))
                continue
            item = item.path
        path = Path(item)
        if isinstance(item, str) and ("\n" in item or "{" in item):
            out.append(PolicyText("<policy>", item))
            continue
        for file in policy_files([str(path)]):  # a directory: its versions, as ``sla evaluate`` reads them
            text, _, digest = read_policy_file_digest(file)  # (as ``sla evaluate`` reads it: a BOM, its size)
            if text is None:  # missing, unreadable, not UTF-8: E001 naming the file, as load_policy says it
                _refuse(compile_path(file))
            out.append(PolicyText(str(file), text, digest))
    if not out:
        raise InputError("no policy to evaluate against")
    return tuple(out)


def refuse_lacking(columns: Iterable[Any], source: str, lang: str = "en") -> None:
    """Refuse, as one run does (E115), a Dask or Spark frame without the columns every event needs:
    they are known on the client from its metadata, before the shuffle on ``id`` needs one of them.
    Said in ``lang`` (the policy's primary language: :func:`client_lang`)."""
    lacking = lacks_columns(map(str, columns), RowSource.of(source))
    if lacking is not None:
        raise EventInputError([lacking], None if lang == "en" else lang)


@functools.lru_cache(maxsize=16)
def policies_of(texts: tuple[PolicyText, ...]) -> list[Policy]:
    """The compiled policy versions of ``texts`` (once per process). A version with errors is refused as
    :func:`~sla_dsl.load_policy` refuses its file: a :class:`PolicyError` whose diagnostics name the file
    (``<policy>``: a text given as such) and whose ``render()`` shows their lines, as ``sla evaluate``."""
    policies = []
    for name, text, digest in texts:
        compiled = compile_text(text, name)
        if compiled.model is None or compiled.errors:
            _refuse(compiled)
        sha256 = digest or compiled.sha256  # (the file's bytes, as one run hashes them)
        policy = Policy(compiled.model, path=None if name == "<policy>" else name, sha256=sha256)
        policy.warnings = compiled.warnings
        policies.append(policy)
    return policies


def _refuse(compiled: Compiled) -> NoReturn:
    """Raise the :class:`PolicyError` of a policy with errors, as :func:`~sla_dsl.load_policy` raises it."""
    raise PolicyError(
        compiled.errors or compiled.diagnostics,
        compiled.source,
        policy_language(compiled.model),
        header_read=compiled.model is not None,
    )


def client_lang(texts: tuple[PolicyText, ...]) -> str:
    """The language the client's refusals are said in: the primary language of the policy (of its earliest
    version), as :func:`sla_dsl.evaluate` says them (:func:`~sla_dsl.evaluation.api_lang`)."""
    return api_lang(policies_of(texts))


def check_period(texts: tuple[PolicyText, ...], start: Time, end: Time, as_of: Time | None) -> None:
    """Refuse a bad policy or period on the client, before any work is sent (an ``as_of`` before ``start``
    too, as the API's ``evaluate`` refuses it), in the policy's primary language."""
    policies = policies_of(texts)
    check_as_of(Versions(policies), start, end, as_of, api_lang(policies))


def judge_events(
    texts: tuple[PolicyText, ...],
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    skip_invalid: bool,
    where: str | None = None,
) -> Partial:
    """On a worker: judge one partition's events under the policy texts (compiled once per process);
    ``where``: the file they were read from, which their problems name."""
    return judge_table(
        policies_of(texts), events, start, end, as_of, source=source, skip_invalid=skip_invalid, where=where
    )


def judge_table(
    policy: Policy | Sequence[Policy],
    events: Any,
    start: Time,
    end: Time,
    as_of: Time | None = None,
    *,
    source: str = "<events>",
    skip_invalid: bool = False,
    where: str | None = None,
) -> Partial:
    """Judge one partition's events (a pyarrow Table or RecordBatch, or a pandas DataFrame) into a
    :class:`Partial`; events that cannot be read become its problems, raised where the partials meet
    (``where``: the file the events were read from, which the problems name)."""
    with collector_paused():
        try:
            log = read_partition(events, source, declared=declared_types(policy), where=where)
        except EventInputError as exc:  # the reading stopped: its problems go to the merge
            return failed(source, list(exc.problems))
        partial = judge_partition(policy, log, start, end, as_of, skip_invalid=skip_invalid)
        del log  # freed first: the collector's next pass walks the partial, not the partition's records
    return partial


def judge_file(
    texts: tuple[PolicyText, ...],
    path: str,
    start: Time,
    end: Time,
    as_of: Time | None,
    source: str,
    skip_invalid: bool,
    first: int | None = None,
    name: str | None = None,
) -> Partial:
    """On a worker: read one Parquet file (all the events of its ids) with pyarrow and judge it.

    ``path``: where the worker reads it (absolute: a worker's working directory is not the client's);
    ``name``: the file as the caller gave it, which its problems name (None: ``path``), as one run names
    it: a file the worker cannot read too (E117).

    ``first``: the number of the file's first row among all the files' rows, whose ``source`` (a
    :class:`~.events.problems.RowSource` of the files) names a row by its file and its row there, as the
    one-run reader's problems do: the records are numbered so (a ``line`` column of the file's own left
    out), and the notes on contradictions name the rows as one run does. None: the file's ``line`` column
    names each event's line of the original log, ``source`` (without one, the file's own rows name them).
    A problem of the whole file (a column it lacks, one of the wrong type) names the file either way."""
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowException):
        try:  # the one-run reader words the problem: E117, located at the file
            read_arrow(path, declared=declared_types(policies_of(texts)), name=name)
        except EventInputError as exc:
            return failed(source, list(exc.problems))
        raise
    if first is not None:
        if LINE in table.column_names:
            table = table.drop_columns([LINE])
        table = table.append_column(LINE, pa.array(range(first, first + table.num_rows), pa.int64()))
        partial = judge_events(texts, table, start, end, as_of, source, skip_invalid)
    else:  # the original log's lines (a ``line`` column) under its name, else the file's own rows
        where = RowSource.of(name or path)
        partial = judge_events(texts, table, start, end, as_of, str(source), skip_invalid, where=where)
    return _at_file(partial, name or path)


def _at_file(partial: Partial, path: str) -> Partial:
    """``partial`` with the problems of its whole file (at no row: a column it lacks, one of the wrong
    type) named by the file, as one run over the directory names them, not by the log's name."""
    if all(p.line for p in partial.problems):
        return partial
    at = RowSource.of(path)
    return partial._replace(problems=[p if p.line else dataclasses.replace(p, source=at) for p in partial.problems])


def pickled(partial: Partial) -> bytes:
    """A partial as the bytes that travel to the client (unpickled there with the collector paused)."""
    return pickle.dumps(partial, protocol=pickle.HIGHEST_PROTOCOL)


def finish_blobs(
    texts: tuple[PolicyText, ...], blobs: Sequence[bytes], start: Time, end: Time, as_of: Time | None
) -> Evaluation:
    """On the client: the evaluation of the whole log from its pickled partials (merged here)."""
    with collector_paused():
        merged = merge([pickle.loads(b) for b in blobs])
        return finish(policies_of(texts), merged, start, end, as_of)


def collector_paused() -> contextlib.AbstractContextManager[None]:
    """The cyclic garbage collector off while a partition's records are built, what was built settled in the
    oldest generation when it is back on (see the module's notes; until the last of the process's pauses
    ends: :func:`sla_dsl.files.collector_paused`). Settled before the collector is on again: the first
    object made after it is on would start the young collection walking them all."""
    return paused_everywhere(settle=True)


#: The layout of a task's payload (:func:`task`): a later release that changes it still reads ``code``.
TASK = 1


class OtherCodeError(InputError):
    """A worker or executor whose ``sla_dsl`` is other code than the client's (:func:`arguments`)."""


def code_digest(root: Path | None = None, grammar: str | None = None) -> str:
    """The SHA-256 of the code of the package at ``root`` (None: this one, computed once per process): the
    relative path and bytes of each of its modules, the grammar's text, the version and the ``holidays``
    release (its national holidays are counted by the business calendars). No path of the
    installation and no file's times or inode (unlike the compiled cache's fingerprint): the same wheel
    installed on each node of a cluster, at other paths and times, is one code; a module of other bytes
    is another. The ``grammars`` folder is left to the grammar's text: a wheel installs it in the
    package, an editable install or a checkout reads the repository's (or links it)."""
    if root is None and grammar is None:
        return _own_digest()
    root = root if root is not None else _package()
    digest = hashlib.sha256()
    digest.update(f"sla-dsl {__version__}\0".encode())
    # (the national holidays the business calendars count come from `holidays`: another release of it may
    # move a due time on a worker, so it is part of the code compared)
    digest.update(f"holidays {getattr(holidays, '__version__', 'unknown')}\0".encode())
    digest.update(hashlib.sha256((grammar if grammar is not None else grammar_text()).encode("utf-8")).digest())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", "grammars"))
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder, name)
                digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def _own_digest() -> str:
    return code_digest(_package(), grammar_text())


def _package() -> Path:
    """Where this process's ``sla_dsl`` is."""
    return Path(__file__).resolve().parent


def task(texts: tuple[PolicyText, ...], *args: Any) -> dict[str, Any]:
    """The payload of a task sent to a worker or executor: the client's :func:`code_digest`, the language
    its refusal is said in, and the arguments (``texts`` first), pickled, unpickled by :func:`arguments`
    once the worker's code is known to be the client's."""
    return {
        "task": TASK,
        "code": code_digest(),
        "lang": client_lang(texts),
        "arguments": pickle.dumps((texts, *args), protocol=pickle.HIGHEST_PROTOCOL),
    }


#: How a worker's Python refuses a call whose arguments its function does not take (``_blob() takes 1 positional
#: argument but 2 were given``): the name of the function, then the words of the refusal.
_REFUSED_CALL = re.compile(r"^(?P<name>\w+)\(\) (missing \d+ required|takes (from )?\d+|got an unexpected keyword)")


def older_code(exc: BaseException, entries: Iterable[str], lang: str) -> OtherCodeError | None:
    """The refusal, in ``lang``, of a worker whose ``sla_dsl`` is older than the check of the client's code
    (:func:`arguments`): its function of a task's name (one of ``entries``) took other arguments, and its
    Python refused the call (a ``TypeError`` naming the function: ``_judge_frame() missing 5 required
    positional arguments``); ``None`` for any other error. A worker of the client's code takes every task's
    arguments (the call is the client's own), so such a refusal is never this release's."""
    found = _REFUSED_CALL.match(str(exc)) if isinstance(exc, TypeError) else None
    if found is None or found["name"] not in set(entries):
        return None
    return OtherCodeError(message("author.api.older_code", lang, detail=str(exc)), lang=lang)


def arguments(payload: Any) -> tuple[Any, ...]:
    """On a worker or executor, first: the arguments of ``payload`` (:func:`task`), once its code is this
    process's; else :class:`OtherCodeError` naming where this process's ``sla_dsl`` is, in the client's
    language (the policy's primary language)."""
    lang = payload.get("lang") if isinstance(payload, dict) else None
    lang = lang if lang in ("ja", "en") else "en"
    if not isinstance(payload, dict) or payload.get("code") != code_digest():
        said = message("author.api.other_code", lang, host=socket.gethostname(), path=_package())
        raise OtherCodeError(said, lang=lang)
    found: tuple[Any, ...] = pickle.loads(payload["arguments"])
    return found
