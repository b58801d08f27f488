"""Problems found in an event log: one located message each, raised together.

Design notes
------------
* A :class:`Problem` is ``file:LINE: error: [E1xx] message`` with an optional
  ``help`` line. Every check of a line files its problems in the log
  (``EventLog.problems``): the readers' checks of the format and the
  evaluator's check against the policies (a priority, backup kind or cause the
  policy does not know). ``EventLog.settle`` then decides once for all of them,
  in line order: raise them as one :class:`EventInputError`, or with
  ``skip_invalid`` keep them as skipped lines, one entry per line. So one run
  reports every problem, and with ``skip_invalid`` the events filed plus the
  lines skipped plus the blank and comment lines are the lines read.
* A ``fatal`` problem means the reading stopped before the end (a line that
  never ends, a damaged compressed stream): it is raised even with
  ``skip_invalid``, since the events after it are unknown and a report on part
  of a log must not pass for one on all of it.
* Languages: a problem is written from the message catalogue (``events.*``,
  :func:`problem`): its ``message`` and ``help`` are always the English, which
  the JSON report's ``skipped`` and the 422 bodies of ``sla serve`` give as
  they are (tools read them); its ``words`` let :meth:`Problem.render` write
  it in Japanese. The readers and the evaluator know no language, so whoever
  knows one writes the problems that reach it in that language with
  :func:`event_problems_in`: a command in its own (``--lang``, else the
  policy's), the API's entries that take a policy (``sla_dsl.evaluate``,
  ``judge``, ``evaluate_log``) in the policy's primary language
  (:func:`sla_dsl.evaluation.api_words`). A reader called on its own
  (``read_events``) has no policy and raises them in English. The frame
  ``file:LINE: error: [E1xx] ...`` is the same in every language, as a policy
  diagnostic's.
* What the API says of ``events`` of a type it does not take
  (:func:`not_events`) is the catalogue's ``author.api.events_type``, its one
  text in each language.
"""

from __future__ import annotations

import errno
import os
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..errors import InputError, printable
from ..i18n import message
from ..lang.diagnostics import Arg, Both, Code, WordedInputError, Words, words


class Source(str):
    """The name of an event source, with the reader's hold on the values its events give in another form.

    Pickled (a problem raised on a Dask or Spark worker), it is its name: :attr:`written` is the
    reader's hold on its input in this process (a frame in memory, files on this machine, the texts
    it noted), only asked while the problems are written, and is left behind.
    """

    #: The cell of a row (a line) and column (a field) as the input gave it, in text (None when unknown):
    #: set by the reader, asked only when a problem quotes a value the log holds in another form (E123's
    #: and E124's time).
    written: Callable[[int, str], str | None] | None = None

    def __reduce__(self) -> tuple[Callable[..., str], tuple[Any, ...]]:
        return str, (str(self),)


class Noted(dict[tuple[int, str], str]):
    """:attr:`Source.written` of a text log: the times outside the supported years as their lines gave
    them, by line and field, noted as the lines were read (the lines are not kept: a pipe cannot be
    read again, and a good line costs nothing); any other cell read again from the file when the log
    is one (:attr:`again`, :mod:`.read_again`: E124 quotes a time inside the years)."""

    #: The file's cells read again (None: standard input, a pipe, a log of no file).
    again: Callable[[int, str], str | None] | None = None

    def __call__(self, line: int, column: str) -> str | None:
        said = self.get((line, column))
        if said is None and self.again is not None:
            return self.again(line, column)
        return said


class RowSource(Source):
    """The name of a columnar event source (Parquet, Arrow): its events are rows, not lines.

    A directory of files numbers its rows on from one file to the next (``parts``:
    the first row of each file and its name), so one number still names one row
    and :func:`located` names the file and its own row.

    Pickled, it is its name and its ``parts`` (its :attr:`~Source.written` left behind).
    """

    parts: tuple[tuple[int, str], ...] = ()

    @classmethod
    def of(cls, name: str, parts: Sequence[tuple[int, str]] = ()) -> RowSource:
        """The source ``name``, made of the files ``parts`` (first global row, file name)."""
        source = cls(name)
        source.parts = tuple(parts)
        return source

    def __reduce__(self) -> tuple[Callable[..., RowSource], tuple[str, tuple[tuple[int, str], ...]]]:
        return RowSource.of, (str(self), self.parts)


def located(source: str, line: int, column: str | None = None, lang: str = "en") -> str:
    """``file:LINE`` of a text log, or ``file: row N, column `c``` of a columnar one (row 0: the column),
    in ``lang`` (``file: N 行目、列 `c```)."""
    if not isinstance(source, RowSource):
        return f"{source}:{line}" if line else source
    name = str(source)
    if source.parts and line:
        k = bisect_right([first for first, _ in source.parts], line) - 1
        if k >= 0:
            first, name = source.parts[k]
            line = line - first + 1
    where = [message("events.where.row", lang, n=line)] if line else []
    if column:
        where.append(message("events.where.column", lang, name=column))
    if not where:
        return name
    return f"{name}: {('、' if lang == 'ja' else ', ').join(where)}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem in an event log (``column``: the field at fault, named for a columnar source).

    ``message`` and ``help`` are the English; ``words`` and ``help_words``, when set, are the catalogue
    entries they were written from (see :func:`problem`), which :meth:`render` writes in another language.
    """

    source: str
    line: int
    code: str
    message: str
    help: str | None = None
    fatal: bool = False
    column: str | None = None
    words: Words | None = None
    help_words: Words | None = None

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (English when it has no catalogue words)."""
        return self.words.text(lang) if lang != "en" and self.words is not None else self.message

    def help_text(self, lang: str = "en") -> str | None:
        """The help in ``lang``, as :meth:`text`."""
        return self.help_words.text(lang) if lang != "en" and self.help_words is not None else self.help

    def render(self, lang: str = "en") -> str:
        """``file:LINE: error: [E1xx] message`` and its ``help:`` line, in ``lang``, as a policy diagnostic
        writes its help (``  help: ...`` / ``  ヒント: ...``, :meth:`~sla_dsl.lang.diagnostics.Diagnostic.render`).

        A value from the log (an id, a time, a key) may hold a newline or another control character:
        it is shown as its escape (``\\n``, ``\\x1b``), so that one problem is its one line and its help
        line, and no value can write a line that passes for another problem's."""
        # The frame is the same in every language, as a policy diagnostic's (``file:line:col: error:
        # [E...] ...``): tools and editors match it; the location's words, the message and the help are
        # in ``lang``.
        text = printable(
            f"{located(self.source, self.line, self.column, lang)}: error: [{self.code}] {self.text(lang)}"
        )
        hint = self.help_text(lang)
        if hint:
            text += f"\n  {message('diag.word.help', lang)}: {printable(hint)}"
        return text

    def __str__(self) -> str:
        return self.render("en")


def problem(
    source: str,
    line: int,
    code: str,
    words: Words,
    help: Words | None = None,
    *,
    fatal: bool = False,
    column: str | None = None,
) -> Problem:
    """A problem worded from the catalogue (``events.*``): its English fields filled from the words.

    A row of a table is located by its column too (``row 4, column `priority```): the evaluator's checks
    of the values a policy must know (E120-E122, E130), of the attributes it declares (E128, E129: the
    ``attributes`` column) and of the supported years (E123, E124: an event time, a deadline counted
    from one) know no column, so it is the field they name; E124 quotes the time as the row gave it
    (:attr:`Source.written`), not as the instant it is in UTC (E123's caller quotes it so and names
    its column: :meth:`~.compact.EventLog.written`)."""
    if column is None and isinstance(source, RowSource):
        if code in _VALUE_CODES:
            column, words = _row_value(source, line, code, words)
        elif code in _ATTRIBUTE_CODES:
            column = "attributes"
    return Problem(
        source,
        line,
        code,
        words.text("en"),
        help.text("en") if help is not None else None,
        fatal,
        column,
        words,
        help,
    )


#: The evaluator's problems of a value (E120-E124, E130) and the column each is about, by its field's words.
_VALUE_CODES = frozenset({"E120", "E121", "E122", "E123", "E124", "E130"})
#: The evaluator's problems of an attribute (E128, E129): a table holds attributes in its ``attributes`` column.
_ATTRIBUTE_CODES = frozenset({"E128", "E129"})
#: Those about a time (its column: the field named ``name``, else ``at``).
_TIME_CODES = frozenset({"E123", "E124"})
_VALUE_COLUMNS = {
    "events.field.priority": "priority",
    "events.field.cause": "cause",
    "events.field.backup_kind": "kind",
    "events.field.service": "service",
}


def _row_value(source: RowSource, line: int, code: str, said: Words) -> tuple[str | None, Words]:
    """The column a value problem of row ``line`` is about, and its words quoting the value as written."""
    args = dict(said.args)
    if code not in _TIME_CODES:
        field = args.get("field")
        return (_VALUE_COLUMNS.get(field.key) if isinstance(field, Words) else None), said
    name = args.get("name")
    column = name if isinstance(name, str) and name else "at"
    cell = source.written(line, column) if source.written is not None and line else None
    if cell is not None:
        args["time"] = cell
        said = Words(said.key, tuple(args.items()))
    return column, said


def in_line_order(problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` ordered by source and line (a line's own problems keep their order); the rows of a
    directory by file and row, so that a file's column problem comes before its rows and after the
    rows of the files before it."""
    return sorted(problems, key=_place)


def _place(p: Problem) -> tuple[str, int]:
    """Where ``p`` is, as its file and its line or row in that file."""
    source = p.source
    if isinstance(source, RowSource) and source.parts and p.line:
        k = bisect_right([first for first, _ in source.parts], p.line) - 1
        if k >= 0:
            first, name = source.parts[k]
            return name, p.line - first + 1
    return str(source), p.line


def by_line(problems: Iterable[Problem], lang: str = "en") -> list[str]:
    """One text per invalid line, in line order: the problems of that line, one under the other."""
    lines: dict[tuple[str, int], list[str]] = {}
    for p in in_line_order(problems):
        lines.setdefault((p.source, p.line), []).append(p.render(lang))
    return ["\n".join(texts) for texts in lines.values()]


def invalid_summary(problems: Sequence[Problem], lang: str = "en") -> str:
    """``3 invalid event lines (E102 on 2, E100 on 1)`` (``rows`` for a columnar source) /
    ``不正なイベントが 3 行あります（E102：2 行、E100：1 行）``: the last line under the list, so that a
    log refused a hundred thousand times over says at a glance what is wrong with it.

    A problem at no line (a table's column, a row of a frame with no ``line`` column) is not a line:
    those are counted as problems (``2 problems (E116: 2)``, ``…, and 2 other problems``)."""
    lines: dict[str, set[tuple[str, int]]] = {}
    elsewhere: dict[str, int] = {}
    for p in problems:
        if p.line:
            lines.setdefault(p.code, set()).add((p.source, p.line))
        else:
            elsewhere[p.code] = elsewhere.get(p.code, 0) + 1
    n = len(set().union(*lines.values())) if lines else 0
    m = sum(elsewhere.values())
    unit = "row" if any(isinstance(p.source, RowSource) for p in problems) else "line"
    if not m:
        said = message(f"events.summary.{unit}.{_many(n)}", lang, n=f"{n:,}")
    elif not n:
        said = message(f"events.summary.problems.{_many(m)}", lang, n=f"{m:,}")
    else:
        rows = message(f"events.summary.{unit}.{_many(n)}", lang, n=f"{n:,}")
        said = message(f"events.summary.and_problems.{_many(m)}", lang, summary=rows, n=f"{m:,}")
    if n + m < 2:
        return said
    counts = {code: len(where) for code, where in lines.items()}
    for code, k in elsewhere.items():
        counts[code] = counts.get(code, 0) + k
    phrase = "events.summary.code" if not m else "events.summary.code.times"
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    codes = ("、" if lang == "ja" else ", ").join(message(phrase, lang, code=code, n=f"{k:,}") for code, k in ranked)
    return message("events.summary.by_code", lang, summary=said, codes=codes)


def _many(n: int) -> str:
    return "one" if n == 1 else "other"


def not_events(events: Any, lang: str = "en") -> TypeError:
    """What the API says of ``events`` it does not take (bytes, a number, a Series or an Array): what it
    takes, in ``lang`` (the catalogue's ``author.api.events_type``)."""
    return TypeError(message("author.api.events_type", lang, kind=type(events).__name__))


class EventInputError(InputError):
    """One or more event lines are invalid; ``problems`` lists every one.

    Its text is English unless ``lang`` is given: :meth:`in_lang` gives the same error in a
    command's language."""

    framed = True

    def __init__(self, problems: list[Problem], lang: str | None = None) -> None:
        self.problems = in_line_order(problems)
        body = "\n".join(p.render(lang or "en") for p in self.problems)
        if len(self.problems) > 1:
            body += "\n" + invalid_summary(self.problems, lang or "en")
        super().__init__(body, lang=lang)

    def in_lang(self, lang: str) -> EventInputError:
        """The same problems, written in ``lang``."""
        return EventInputError(self.problems, lang)

    def __reduce__(self) -> tuple[type[EventInputError], tuple[list[Problem], str | None]]:
        # (raised on a Dask or Spark worker, it is rebuilt on the client from its problems, not its text)
        return type(self), (self.problems, self.lang)


class EventSourceError(WordedInputError):
    """An event log that cannot be opened or read at all (no such file, stdin closed), worded from the
    catalogue: English unless ``lang`` is given (:meth:`in_lang`)."""


#: The system's errors a person meets reading a log or writing a report, by errno: worded in the catalogue.
_OS_WORDS = {
    errno.ENOENT: "enoent",
    errno.EACCES: "eacces",
    errno.EISDIR: "eisdir",
    errno.ENOTDIR: "enotdir",
    errno.EEXIST: "eexist",
    errno.ENOSPC: "enospc",
    errno.EDQUOT: "edquot",
    errno.EFBIG: "efbig",
    errno.EROFS: "erofs",
    errno.EIO: "eio",
    errno.ELOOP: "eloop",
    errno.ENAMETOOLONG: "enametoolong",
    errno.ENXIO: "enxio",
    errno.EBADF: "ebadf",
    errno.EPERM: "eperm",
    errno.ESPIPE: "espipe",
    errno.EMFILE: "emfile",
    errno.ENFILE: "emfile",
    errno.ENOMEM: "enomem",
    errno.EBUSY: "ebusy",
    errno.ETXTBSY: "ebusy",
    errno.EINVAL: "einval",
    errno.ENODEV: "enxio",
    errno.ESTALE: "estale",
    errno.EXDEV: "exdev",
    errno.ENOTEMPTY: "enotempty",
}
#: The reason of the error a write to a closed standard output raises (``sla``'s main puts it there).
STDOUT_CLOSED = "the standard output is closed"


def os_reason(exc: OSError) -> Arg:
    """Why the system refused, for a person: a common error (by its errno) in the catalogue's Japanese and
    the system's own English (``os.strerror``: not a library's wrapping of it, as pyarrow's ``Error
    writing bytes to file. Detail: [errno 28] ...``); any other error's text as it is, quoted in Japanese."""
    if exc.strerror == STDOUT_CLOSED:
        return words("events.os.stdout_closed")
    key = _OS_WORDS.get(exc.errno) if exc.errno is not None else None
    if key is not None:
        return Both(words(f"events.os.{key}").text("ja"), os.strerror(exc.errno or 0))
    said = exc.strerror or str(exc) or type(exc).__name__
    return Both(words("events.os.other", reason=Code(said)).text("ja"), said)


def cannot_read(name: str, exc: OSError | Words) -> EventSourceError:
    """``NAME: cannot read events: DETAIL``, the system's words for the common errors in the catalogue."""
    detail = exc if isinstance(exc, Words) else os_reason(exc)
    return EventSourceError(words("events.cannot_read", name=name, detail=detail))


@contextmanager
def event_problems_in(lang: str) -> Iterator[None]:
    """Inside: an event log's problems (bad lines, a file that cannot be read) and the other worded input
    errors (a report's tables that cannot be written) are raised in ``lang`` (a command's language: the
    readers, the evaluator and the writers know none)."""
    try:
        yield
    except (EventInputError, WordedInputError) as exc:
        raise exc.in_lang(lang) from None


def no_events_warning(log: Any, lang: str) -> str | None:
    """The warning a command writes on stderr, in ``lang``, when the event log ``log`` (just read) holds no
    event and no problem: an empty file, or blank lines, comments or a CSV header only; a Parquet or
    Arrow file (or directory) of no rows, said in a table's words. Its report
    judges nothing, which is no error (exit 0), but must not pass unnoticed for a month without
    incidents."""
    if log.count or any(log.groups) or log.problems or log.left_out:
        return None
    key = "events.no_events.rows" if isinstance(log.source, RowSource) else "events.no_events"  # (a table's words)
    said = message(key, lang, source=printable(str(log.source)))
    return f"sla: {message('diag.word.warning', lang)}: {said}"
