"""The ``sla`` command: a thin layer over the library.

Exit codes (documented in the README): 0 success; 1 the policy or the events
are invalid (located messages on stderr, nothing on stdout); 2 wrong usage;
3 an internal error (a bug: reported in one line, never as a traceback).
The help and argparse's usage errors are in the language of
:func:`~.langs.help_lang` (``--lang``, else the locale), worded by :mod:`.parsing`.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import dataclasses
import errno
import importlib
import io
import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any, TextIO, cast

from .._version import __version__
from ..errors import SlaError, UsageError
from ..events.problems import STDOUT_CLOSED
from ..i18n import message
from ..lang.diagnostics import PolicyError, refusal_language, render_all, summary
from ..policy.load import compile_versions
from .langs import (
    diagnostics_lang,
    help_lang,
    lang_option,
    last_words_lang,
    model_lang,
    stdin_once,
    usage_lang,
)
from .parsing import parser_class, refuse_logs_as_policies

#: Modules that add subcommands with ``add_parsers(subparsers, lang)``, by command.
COMMANDS = {
    "deadline": "sla_dsl.cli.times",
    "maintenance": "sla_dsl.cli.times",
    "calendar": "sla_dsl.cli.times",
    "evaluate": "sla_dsl.cli.evaluate",
    "explain": "sla_dsl.cli.evaluate",
    "fmt": "sla_dsl.cli.author",
    "diff": "sla_dsl.cli.author",
    "replay": "sla_dsl.cli.author",
    "test": "sla_dsl.cli.author",
    "lsp": "sla_dsl.cli.author",
    "serve": "sla_dsl.cli.serve",
}
COMMAND_MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set or the terminal is ``TERM=dumb`` (one
    that draws no escape sequences: Emacs's shell, a cron mail)."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def cmd_check(args: argparse.Namespace) -> int:
    """``sla check POLICY...``: print every diagnostic; exit 1 if there are any.

    The words are in ``--lang``, else in the primary language the policy's header declares
    (``languages ja, en``: Japanese; for a text refused before parsing, as the header its bytes show
    declares, whether it came from a file or ``-``), else the usage language; the count at the end is
    in the first policy's.
    The policies are read as ``sla evaluate`` reads them (a directory: its ``*.sla`` files; ``-``: the
    standard input, as sla fmt) and checked together as versions of one policy as well.
    """
    stdin_once(args)
    status = 0
    chunks: list[str] = []
    n_err = n_warn = 0
    left_out: list[str] = []
    first_lang: str | None = None
    checked = compile_versions(args.policy, usage_lang(args))
    for compiled in checked:
        path = compiled.file
        # a text refused before parsing (`-` too big, with a NUL, not UTF-8): the languages its bytes declare,
        # as sla fmt words it
        declared = refusal_language(compiled.diagnostics) if compiled.model is None else None
        lang = diagnostics_lang(args, declared) if declared is not None else model_lang(args, compiled.model)
        first_lang = first_lang or lang
        diags = compiled.diagnostics
        if args.errors_only:
            diags = [d for d in diags if d.is_error]
        if diags:
            status = 1
            chunks.append(render_all(diags, compiled.source, use_color(sys.stderr), lang))
            n_err += sum(d.is_error for d in diags)
            n_warn += sum(not d.is_error for d in diags)
        note = compiled.not_shown(lang)
        if note:
            left_out.append(note if len(checked) == 1 else f"{path}: {note}")
    if chunks:
        total = summary(n_err, n_warn, first_lang or "en")
        for note in left_out:  # (`; ` in English, `。` in Japanese)
            total = message("diag.word.summary_more", first_lang or "en", summary=total, more=note)
        print("\n\n".join(chunks) + "\n\n" + total, file=sys.stderr)
    return status


def build_parser(command: str | None = None, lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser, its help and usage errors in ``lang``; with ``command``, only the module that
    serves it is imported."""
    parser = parser_class(lang)(prog="sla", description=message("cli.help.description", lang))
    parser.add_argument(
        "--version", action="version", version=f"sla {__version__}", help=message("cli.help.version", lang)
    )
    # `sla --lang ja --help`, `sla --lang ja check ...`: the language of the help (help_lang reads it) and
    # of a command's own --lang when that is not given; hidden, so that the help reads as it did
    parser.add_argument(
        "--lang", choices=("ja", "en"), dest="top_lang", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=parser_class(lang))
    sub.required = True
    p = sub.add_parser("check", help=message("cli.help.check", lang))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=message("cli.help.check.policy", lang))
    p.add_argument("--errors-only", action="store_true", help=message("cli.help.check.errors_only", lang))
    lang_option(p, lang)
    p.set_defaults(func=cmd_check)
    wanted = [COMMANDS[command]] if command in COMMANDS else [] if command == "check" else list(COMMAND_MODULES)
    for name in wanted:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_parsers(sub, lang)
    return parser


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (``kill``, ``timeout``, ``docker stop``, a closed terminal), raised where the
    command is, as Ctrl-C raises KeyboardInterrupt: what it was writing is cleaned up the same way (the
    temporary files removed, the earlier report or tables left as they were), instead of the process
    ending on the spot with its temporary files left behind."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: The signals :func:`main` turns into :class:`Stopped` (those whose handler is the system's default).
STOPPING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


#: The stop signals that came while :func:`main` ran, the first first (:func:`_stop`, :func:`_interrupt`):
#: an error raised on the way out of one is the stop, said as such. pydantic turns a KeyboardInterrupt
#: raised in a serializer (a row's ``model_serializer``, while the JSON report is dumped) into its own
#: error, keeping only the interrupt's text.
CAME: list[int] = []


def _stop(signum: int, frame: Any) -> None:
    CAME.append(signum)
    raise Stopped(signum)


def _interrupt(signum: int, frame: Any) -> None:
    """Ctrl-C: Python's own KeyboardInterrupt, the signal remembered in :data:`CAME`."""
    CAME.append(signum)
    signal.default_int_handler(signum, frame)


#: The commands for which SIGHUP means "read the policy files again" (``sla serve``, whose systemd unit
#: reloads with ``kill -HUP``), not "stop": from the process's start a SIGHUP is only remembered here, and
#: the service reloads once it is ready (:func:`sla_dsl.serve.create_app`'s ``held_hup``). A slow start
#: (a large database, a migration) would otherwise end at a ``systemctl reload`` sent meanwhile.
RELOADS_ON_HUP = frozenset({"serve"})
#: Set by a SIGHUP that came before the command handles SIGHUP itself (:data:`RELOADS_ON_HUP`).
HELD_HUP = threading.Event()


def _hold_hup(signum: int, frame: Any) -> None:
    HELD_HUP.set()  # (nothing else in a signal handler: no lock, no log line)


def _stopping(reloads: bool = False) -> dict[int, Any]:
    """Let :data:`STOPPING` raise :class:`Stopped` (in the main thread, for a signal left to the system's
    default: not one a caller handles or ignores, as ``nohup`` ignores SIGHUP); with ``reloads`` (a command
    of :data:`RELOADS_ON_HUP`), SIGHUP is remembered in :data:`HELD_HUP` instead; Ctrl-C left to Python's
    own handler is remembered too (:func:`_interrupt`). The handlers replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    replaced = {}
    for sig in STOPPING:
        if signal.getsignal(sig) is signal.SIG_DFL:
            held = reloads and sig == getattr(signal, "SIGHUP", None)
            replaced[sig] = signal.signal(sig, _hold_hup if held else _stop)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        replaced[signal.SIGINT] = signal.signal(signal.SIGINT, _interrupt)
    return replaced


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sla`` console script."""
    words = list(sys.argv[1:] if argv is None else argv)
    CAME.clear()
    replaced = _stopping(reloads=_command(words) in RELOADS_ON_HUP)
    try:
        return _main(argv)
    finally:
        for sig, handler in replaced.items():
            signal.signal(sig, handler)


def _command(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option, nor the value of a ``--lang``."""
    after_lang = False
    for arg in argv:
        if not arg.startswith("-") and not after_lang:
            return arg
        after_lang = arg == "--lang"
    return None


def _main(argv: Sequence[str] | None) -> int:
    args: argparse.Namespace | None = None
    if sys.stdout is None:  # started with stdout closed (`>&-`): a write says so, as a command's error
        sys.stdout = _ClosedStdout()
    if sys.stderr is None:  # started with stderr closed (`2>&-`): its words are lost, never put on stdout
        sys.stderr = cast(TextIO, _NoStderr())
    utf8_streams()
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        command = _command(argv)
        # help and usage errors come before any policy: --lang, else the environment's locale
        usage = help_lang(argv, os.environ)
        _LAST.args, _LAST.usage = None, usage
        parser = build_parser(command, usage)
        args = parser.parse_args(argv)
        _LAST.args = args
        args.usage_lang = usage  # (a command's own refusals before it reads a policy: cli/langs.py)
        args.held_hup = HELD_HUP  # (a SIGHUP remembered since the start: RELOADS_ON_HUP)
        top_lang = vars(args).pop("top_lang", None)  # `sla --lang ja COMMAND`: as the command's --lang
        if top_lang is not None and getattr(args, "lang", "") is None:
            args.lang = top_lang
        refuse_logs_as_policies(args, usage_lang(args))  # (`sla check policy.sla events.jsonl`)
        code: int = args.func(args)
        return code
    except PolicyError as exc:
        # in the command's --lang, else the policy's primary language, else (no header read) the help's
        lang = diagnostics_lang(args, exc.lang) if exc.header_read else usage_lang(args)
        print(exc.render(use_color(sys.stderr), lang), file=sys.stderr)
        return 1
    except SlaError as exc:
        if exc.framed:  # located frames (`events.jsonl:3: error: [E102] ...`), as `sla check` prints its own
            print(_shown(str(exc)), file=sys.stderr)
        else:  # `error` in the language the message was written in (a policy's, for words about it)
            print(f"sla: {message('diag.word.error', exc.lang or 'en')}: {_shown(str(exc))}", file=sys.stderr)
        return 2 if isinstance(exc, UsageError) else 1
    except KeyboardInterrupt as exc:
        return _stopped(args, exc.signum if isinstance(exc, Stopped) else None)
    except BrokenPipeError:
        # the reader went away (e.g. `| head`); not an error of ours
        sys.stderr.close()
        return 0
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRNOS:
            return _internal(exc)
        # a full disk or quota, a file too large, a closed or failing output: the system's, not a bug of ours
        print(cannot_write(exc), file=sys.stderr)
        return 1
    except Exception as exc:
        if CAME:  # a stop another library made its own error on the way out (see CAME): the stop
            return _stopped(args, CAME[0] if CAME[0] != signal.SIGINT else None)
        return _internal(exc)


def _stopped(args: argparse.Namespace | None, signum: int | None) -> int:
    """Say that ``signum`` (SIGTERM, SIGHUP; ``None``: Ctrl-C) stopped the command; its exit status."""
    # in the command's --lang, else its policy's primary language, else the help's (cli/langs.py)
    lang = last_words_lang(args)
    if signum is not None:
        name = signal.Signals(signum).name
        print(f"sla: {message('cli.stopped', lang, signal=name)}", file=sys.stderr)
        return 128 + signum
    print(f"sla: {message('cli.interrupted', lang)}", file=sys.stderr)
    return 130


#: Errors of writing what a command prints, that the system reports (disk full, quota, file size
#: limit, a closed descriptor, an I/O error): said as the command's error (exit 1), not as a bug.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EBADF, errno.EIO})


def cannot_write(exc: OSError, lang: str | None = None) -> str:
    """The line that says a command's output could not be written (here, and at the process's end), in
    ``lang``; ``None``: the language of the last command's words (:func:`~.langs.last_words_lang`)."""
    from ..events.problems import os_reason
    from ..lang.diagnostics import words

    if lang is None:
        lang = last_words_lang(_LAST.args) if _LAST.args is not None else _LAST.usage
    said = words("cli.cannot_write", reason=os_reason(exc)).text(lang)
    return f"sla: {message('diag.word.error', lang)}: {said}"


@dataclasses.dataclass(slots=True)
class _Last:
    """The arguments of the command :func:`_main` ran last (``None`` before they parse) and its help's
    language: what :func:`cannot_write` words a write that fails at the process's end in."""

    args: argparse.Namespace | None = None
    usage: str = "en"


_LAST = _Last()


def utf8_streams() -> None:
    """Write stdout and stderr in UTF-8 whatever the locale's encoding (``LANG`` unset, ``LC_ALL=POSIX``,
    ``PYTHONIOENCODING=ascii``): a report is UTF-8 by contract, as ``--format json`` and ``--output``
    write it, and a Japanese word is never a crash (docs/engineers/cli)."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not isinstance(stream, io.TextIOWrapper) or not encoding:
            continue
        if codecs.lookup(encoding).name != "utf-8":
            with contextlib.suppress(OSError, ValueError):  # (a stream already closed: nothing to write)
                stream.reconfigure(encoding="utf-8")


def _internal(exc: BaseException) -> int:
    print(
        f"sla: internal error: {type(exc).__name__}: {exc} "
        "(this is a bug in sla; please report it with the command you ran)",
        file=sys.stderr,
    )
    return 3


class _ClosedStdout(io.TextIOBase):
    """What ``sys.stdout`` is when the process has none: not a terminal, and every write an OSError
    (EBADF) that the commands report as theirs, instead of an AttributeError on None."""

    def isatty(self) -> bool:
        return False

    def write(self, text: Any) -> int:
        raise OSError(errno.EBADF, STDOUT_CLOSED)

    @property
    def buffer(self) -> _ClosedStdout:
        return self


class _NoStderr(io.TextIOBase):
    """What ``sys.stderr`` is when the process has none (``2>&-``): not a terminal, and every write lost,
    since there is nowhere to say anything (``print(file=None)`` would put it on stdout, into the report)."""

    def isatty(self) -> bool:
        return False

    def write(self, text: Any) -> int:
        return len(text)


def _shown(text: str) -> str:
    """A message for the terminal: its lines kept, any control character in them (from an id, say) escaped."""
    from ..report.escape import printable

    return "\n".join(printable(line) for line in text.split("\n"))
