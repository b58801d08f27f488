"""The ``sla`` command's argument parser, in Japanese or in English: its help and its usage errors.

Design notes
------------
* argparse writes its own words in English (``usage:``, ``positional arguments``, ``options``,
  ``show this help message and exit``, its usage errors) through :mod:`gettext`, for which
  Python ships no Japanese; installing a catalogue there would switch the whole process. So a
  parser knows its language instead, as a class attribute (:func:`parser_class`): the
  subcommands' parsers argparse builds are of the top parser's class, so they speak its
  language too. Their words come from the catalogue (``cli.help.*``): the section titles and
  ``-h``'s help when a parser is made, the ``usage:`` prefix in :class:`HelpFormatter`.
* argparse builds a usage error's message in English before it calls
  :meth:`Parser.error`; :func:`usage_error` matches it against Python 3.11's templates
  (the English of ``cli.help.error.*``, word for word) and words it in the parser's
  language, the names and values argparse quoted kept as they are. A message none matches is
  written as argparse wrote it; the values the command's own types refuse
  (:func:`whole_number`) are worded in the parser's language already.
* English is argparse's own, byte for byte (``docs/engineers/cli.en.md`` shows it; ``cli.ja.md`` the Japanese): the
  formatter changes nothing for it. Japanese is wrapped by display width (a kanji takes two
  columns; argparse's :mod:`textwrap` counts characters and breaks only at spaces), between
  any two characters but never inside a Latin word or a backtick quote, nor before 、。）
  or a small kana; its usage lines are indented as far as the Japanese prefix reaches.
* A path where the parser put it but the command cannot take it is wrong usage too:
  :func:`refuse_logs_among_policies` refuses an event log among the policies of ``sla
  evaluate`` and ``sla explain`` (``POLICY [POLICY ...] EVENTS [ID]``: argparse gives the
  last paths to EVENTS and ID, so a second log would be read as a policy), in the help's
  language, before anything is read.
* Its own module so that ``app`` (the main) and the command modules share it without
  importing each other.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, NoReturn

from ..errors import UsageError
from ..i18n import message
from ..i18n.width import display_width
from ..lang.diagnostics import DiagLang

__all__ = [
    "USAGE_ERRORS",
    "HelpFormatter",
    "Parser",
    "is_log_name",
    "parser_class",
    "refuse_logs_among_policies",
    "refuse_logs_as_policies",
    "usage_error",
    "whole_number",
    "wrap",
]

#: argparse's usage errors that are whole messages (``cli.help.error.<key>``)
WHOLE = ("required", "unrecognized", "ambiguous", "one_of_required")
#: ... and those argparse says of one argument, after ``argument FLAG: `` (``cli.help.error.argument``)
OF_ARGUMENT = (
    "invalid_choice",
    "expected_one",
    "expected_at_least_one",
    "invalid_value",
    "not_allowed_with",
    "ignored_explicit",
)
#: Every usage error of argparse that :func:`usage_error` words, by catalogue key.
USAGE_ERRORS = (*WHOLE, "argument", *OF_ARGUMENT)


@functools.cache
def _template(key: str) -> re.Pattern[str]:
    """argparse's English of ``cli.help.error.<key>`` as a pattern, a named group for each field."""
    parts = re.split(r"\{(\w+)\}", message(f"cli.help.error.{key}", "en"))
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)), re.S)


def _matched(text: str, keys: Iterable[str], lang: str) -> str | None:
    for key in keys:
        found = _template(key).fullmatch(text)
        if found:
            return message(f"cli.help.error.{key}", lang, **found.groupdict())
    return None


def usage_error(text: str, lang: str) -> str:
    """argparse's English usage error ``text`` in ``lang``; as it is when it matches none of argparse's
    templates (or in English)."""
    if lang == "en":
        return text
    whole = _matched(text, WHOLE, lang)
    if whole is not None:
        return whole
    found = _template("argument").fullmatch(text)
    if found is None:
        return text
    said = found["message"]  # one of argparse's, or a refusal of a type of ours (already in ``lang``)
    inner = _matched(said, OF_ARGUMENT, lang)
    return message("cli.help.error.argument", lang, argument=found["argument"], message=inner or said)


#: never at the start of a Japanese line (closing brackets, punctuation, small kana), never at its end (opening
#: brackets)
_NO_START = frozenset("、。，．）」』】〕：；！？・ー),.:;!?]}ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ")
_NO_END = frozenset("（「『【〔([{")
#: a space, a run of printable ASCII (a word, a flag) and backtick quotes (`git diff`: never broken), or one
#: other character
_UNIT = re.compile(r" |(?:`[^`]*`|[!-_a-~])+|.", re.S)


def wrap(text: str, width: int) -> list[str]:
    """``text`` (its whitespace already one space) in lines of at most ``width`` columns, a kanji two:
    broken at a space or between any two characters, never inside a Latin word or a backtick quote, before
    a closing mark or after an opening one; a word longer than a line has one of its own."""
    units: list[str] = []
    glued = False  # the last unit must not end a line (an opening bracket)
    for piece in _UNIT.findall(text):
        if piece == " ":
            units.append(piece)
        elif units and units[-1] != " " and (glued or piece[0] in _NO_START):
            units[-1] += piece
        else:
            units.append(piece)
        glued = piece != " " and piece[-1] in _NO_END
    lines: list[str] = []
    line = ""
    for unit in units:
        if unit == " ":
            line += " " if line else ""
        elif line.strip() and display_width(line + unit) > width:
            lines.append(line.rstrip())
            line = unit
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


_WHITESPACE = re.compile(r"\s+", re.ASCII)  # argparse's: an ideographic space is a character, not a break


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with the ``usage:`` prefix from the catalogue and Japanese wrapped by width."""

    def __init__(self, prog: str, lang: DiagLang) -> None:
        super().__init__(prog)
        self.lang = lang

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        if prefix is None:
            prefix = message("cli.help.usage", self.lang)
        # argparse indents the usage's next lines by len(prefix): measured on an ASCII stand-in as wide
        stand_in = "u" * display_width(prefix)
        return prefix + super()._format_usage(usage, actions, groups, stand_in)[len(stand_in) :]

    def _split_lines(self, text: str, width: int) -> list[str]:
        if self.lang == "en":
            return super()._split_lines(text, width)
        return wrap(_WHITESPACE.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if self.lang == "en":
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in wrap(_WHITESPACE.sub(" ", text).strip(), width - len(indent)))


class Parser(argparse.ArgumentParser):
    """argparse in :attr:`lang`: its words from the catalogue, exit code 2 on usage errors."""

    lang: ClassVar[DiagLang] = "en"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = message("cli.help.positionals", self.lang)
        self._optionals.title = message("cli.help.options", self.lang)
        self.add_argument("-h", "--help", action="help", help=message("cli.help.help", self.lang))

    def _get_formatter(self) -> argparse.HelpFormatter:
        return HelpFormatter(self.prog, self.lang)

    def _print_message(self, message: str, file: Any = None) -> None:
        """argparse's, except that a help or version on stdout that cannot be written (``> /dev/full``) is
        not swallowed: ``sla``'s main says so, exit 1, as for any command's output; stderr's is lost as
        argparse loses it (nowhere to say it)."""
        if message and (file or sys.stderr) is sys.stdout:
            sys.stdout.write(message)
            sys.stdout.flush()
            return
        super()._print_message(message, file)

    def error(self, text: str) -> NoReturn:
        """Print the usage and ``prog: error: text`` (its words in :attr:`lang`); exit 2."""
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message('diag.word.error', self.lang)}: {usage_error(text, self.lang)}", file=sys.stderr)
        sys.exit(2)


class JapaneseParser(Parser):
    """:class:`Parser` in Japanese."""

    lang: ClassVar[DiagLang] = "ja"


def parser_class(lang: str) -> type[Parser]:
    """The parser class that speaks ``lang`` (English unless ``ja``)."""
    return JapaneseParser if lang == "ja" else Parser


def whole_number(lang: str, *, low: int = 0, below: int | None = None) -> Callable[[str], int]:
    """An argparse ``type``: a whole number from ``low`` (``negative`` below 0, else ``out of range``)
    up to but not including ``below``, refused in ``lang`` (a usage error, exit 2)."""
    return functools.partial(_whole_number, lang=lang, low=low, below=below)


def _whole_number(text: str, *, lang: str, low: int, below: int | None) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(message("cli.help.value.not_whole", lang, text=text)) from None
    if value < low or (below is not None and value >= below):
        key = "negative" if value < 0 and low == 0 else "out_of_range"
        raise argparse.ArgumentTypeError(message(f"cli.help.value.{key}", lang, text=text)) from None
    return value


#: The names of an event log (before a ``.gz``, ``.bz2`` or ``.xz``), besides Parquet's and Arrow's: never a
#: policy's.
LOG_SUFFIXES = (".jsonl", ".ndjson", ".json", ".csv")


def is_log_name(path: str) -> bool:
    """Whether ``path`` is named as an event log is (``a.jsonl``, ``b.csv.gz``, a ``logs.parquet`` directory)."""
    from ..events.lines import ARROW_SUFFIXES

    name = os.path.basename(path.rstrip("/" + os.sep)).lower()
    for suffix in (".gz", ".bz2", ".xz"):
        name = name.removesuffix(suffix)
    return name.endswith((*LOG_SUFFIXES, *ARROW_SUFFIXES))


def refuse_logs_among_policies(policies: list[str], events: str, command: str, lang: str) -> None:
    """Refuse (wrong usage, exit 2) an event log among the policies of ``sla evaluate`` or ``sla explain``
    (``command``): ``POLICY a.jsonl POLICY b.jsonl`` parses as versions then one log, and would fail on the
    first line of ``a.jsonl`` read as a policy. The refusal, in ``lang``, names the path and says what to
    write instead: one log per run, the logs merged first (``cat`` for JSON Lines), or a directory of
    Parquet files."""
    from ..report.escape import printable

    logs = [p for p in policies if is_log_name(p)]
    if not logs:
        return
    shown = [*logs, events] if is_log_name(events) else logs
    plain = len(shown) > 1 and all(os.path.basename(p).lower().endswith(".jsonl") for p in shown)
    merged = " ".join(shlex.quote(p) for p in shown) if plain else "a.jsonl b.jsonl"
    said = message(
        "cli.evaluate.log_among_policies",
        lang,
        path=printable(logs[0]),
        n=policies.index(logs[0]) + 1,
        command=command,
        usage="POLICY [POLICY ...] EVENTS" + (" ID" if command == "explain" else ""),
        merge=printable(f"cat {merged} > all.jsonl"),
    )
    raise UsageError(said, lang=lang)


#: The commands that read policies only, and the arguments that name them: an event log there is refused
#: (:func:`refuse_logs_as_policies`). ``sla evaluate`` and ``sla explain`` take a log after their
#: policies (:func:`refuse_logs_among_policies`).
POLICY_ARGUMENTS = {
    "check": ("policy",),
    "fmt": ("policy",),
    "test": ("policy",),
    "deadline": ("policy",),
    "maintenance": ("policy",),
    "calendar": ("policy",),
    "diff": ("old", "new"),
}


def refuse_logs_as_policies(args: argparse.Namespace, lang: str) -> None:
    """Refuse (wrong usage, exit 2) an event log where a command of :data:`POLICY_ARGUMENTS` reads a
    policy (``sla check policy.sla events.jsonl``: its first line would be refused as a policy's, `{`
    unexpected), naming the path and what to write instead, in ``lang``, before anything is read; as
    :func:`refuse_logs_among_policies` refuses one among the policies of ``sla evaluate``."""
    from ..report.escape import printable

    command = getattr(args, "command", None)
    paths: list[str] = []
    for name in POLICY_ARGUMENTS.get(command or "", ()):
        given = getattr(args, name, None)
        paths += given if isinstance(given, list) else [given] if isinstance(given, str) else []
    logs = [p for p in paths if is_log_name(p)]
    if not logs:
        return
    policies = [p for p in paths if not is_log_name(p)] or ["POLICY"]
    run = " ".join(["sla evaluate", *(shlex.quote(p) for p in policies), shlex.quote(logs[0]), "--from … --to …"])
    said = message(
        "cli.policies.log_given",
        lang,
        path=printable(logs[0]),
        n=paths.index(logs[0]) + 1,
        command=command,
        run=printable(run),
    )
    raise UsageError(said, lang=lang)
