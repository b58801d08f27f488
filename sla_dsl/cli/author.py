"""``sla fmt``, ``diff``, ``replay``, ``test`` and ``lsp``: the tools for policy authors.

Design notes
------------
* This module declares the arguments and runs ``sla fmt`` over files and
  directories of them (it writes them through
  :func:`sla_dsl.files.write_atomic`): a policy is formatted whenever its text
  parses, whatever else ``sla check`` finds in it, and a directory's ``*.sla``
  files each, as every command reads a directory of versions. Each other handler
  imports its module of :mod:`sla_dsl.authoring` (``semdiff``, ``replay``,
  ``policytest``, ``lsp``) when it runs, so building the parser stays cheap.
* An input error of ``sla test`` that is located in its own frame (a test
  file's ``FILE:LINE:COL: error: [E16x] ...``, an event's ``FILE:LINE: error:
  [E1xx] ...``) is printed as it is, like ``sla check``'s diagnostics, not
  behind ``sla: error:``: one frame, the same in every language.
* Exit codes follow ``sla``'s: 0 success; 1 invalid input (a policy with
  errors, for ``fmt`` one that does not parse; a bad event log or test file),
  or a check that fails (``fmt --check`` on an unformatted file, ``diff
  --exit-code`` with differences, ``test`` with a failing case, or with no case
  to run: a ``--run`` no name contains, test files with no case); 2 wrong usage
  (``test``: paths that are not the policy's versions, then the test files).
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from ..errors import printable
from ..i18n import message
from .langs import diagnostics_lang, lang_option, model_lang, stdin_once

if TYPE_CHECKING:
    from ..authoring.fmt import LineStyle


def _fmt(args: argparse.Namespace) -> int:
    """``sla fmt POLICY... [--check]``: each file, each ``*.sla`` file of a directory (the versions of a
    policy, as ``sla evaluate`` reads them), or ``-``; formatted whenever its text parses, whatever the
    checks find in it (an undeclared calendar is ``sla check``'s to say), and left alone, with its syntax
    errors, when it does not."""
    from ..authoring.fmt import LineStyle, format_text, syntax_errors
    from ..events.problems import os_reason
    from ..files import write_atomic
    from ..lang.diagnostics import refusal_language, render_all, words
    from ..lang.source import read_policy_file, read_policy_stdin, read_policy_stream
    from ..policy.load import compile_text
    from .app import use_color

    stdin_once(args)
    status = 0
    changed = unchanged = failed = 0  # (failed: not formatted for errors, or not read)
    first_lang: str | None = None  # the count at the end is in the first policy's language, as sla check's
    for path in _fmt_paths(args):
        if path is None:  # (a directory without a policy file: said)
            status, failed = 1, failed + 1
            continue
        # stdin and files go through the one reader of policy text (bytes: BOM, UTF-8, NUL, size cap); the
        # bytes it read give the line ends and the byte-order mark that the result is written with
        raw: bytes | None = None
        if path == "-":
            name = "<stdin>"
            if sys.stdin is None:
                source, diags = read_policy_stdin(name)
            else:
                tap = _Tap(sys.stdin.buffer)
                source, diags = read_policy_stream(cast(BinaryIO, tap), name)
                raw = tap.read_so_far()
        else:
            name = path
            source, diags = read_policy_file(path)
            raw = _bytes_of(path) if source is not None else None
        if source is None:  # no header to read the language from, unless its bytes hold one (Shift_JIS)
            declared = refusal_language(diags)
            lang = diagnostics_lang(args, declared) if declared is not None else model_lang(args, None)
            first_lang = first_lang or lang
            print(render_all(diags, None, use_color(sys.stderr), lang), file=sys.stderr)
            status, failed = 1, failed + 1
            continue
        compiled = compile_text(source, name)
        lang = model_lang(args, compiled.model)
        first_lang = first_lang or lang
        args.said_lang = lang  # (a stop, or a stdout that cannot be written: said in it)
        syntax = syntax_errors(compiled.errors)
        if syntax:  # (a text that does not parse: its syntax errors, as sla check says them; the rest is check's)
            print(render_all(syntax, source, use_color(sys.stderr), lang), file=sys.stderr)
            print(printable(f"sla fmt: {name}: {message('cli.fmt.not_formatted', lang)}"), file=sys.stderr)
            status, failed = 1, failed + 1
            continue
        # compared normalised (LF, no byte-order mark), written in the style of the bytes read
        result = format_text(source, lang)
        style = LineStyle.of(raw) if raw is not None else LineStyle()
        if result == source:
            unchanged += 1
        elif path == "-" or args.check:
            changed += 1
        if path == "-" and not args.check:
            sys.stdout.write(style.apply(result))  # (counted with the files: formatted, onto stdout)
            continue
        if result == source:
            continue
        if args.check:
            before = _as_read(raw, source, style)
            sys.stdout.writelines(_unified_diff(before, style.apply(result), name, f"{name} (formatted)"))
            status = 1
        else:
            try:
                write_atomic(path, style.apply(result))
            except OSError as exc:  # not reformatted: counted with the files that failed
                said = words("author.fmt.cannot_write", reason=os_reason(exc)).text(lang)  # (as sla evaluate's)
                print(printable(f"sla fmt: {name}: {said}"), file=sys.stderr)
                status, failed = 1, failed + 1
            else:
                changed += 1
    if args.policy != ["-"]:
        key = f"cli.fmt.{'would' if args.check else 'reformatted'}.{'one' if changed == 1 else 'other'}"
        said = first_lang or model_lang(args, None)
        note = message("author.fmt.failed", said, failed=failed) if failed else ""
        print(message(key, said, changed=changed, unchanged=unchanged) + note, file=sys.stderr)
    return status


def _fmt_paths(args: argparse.Namespace) -> Iterator[str | None]:
    """The paths ``sla fmt`` formats: each given, a directory's ``*.sla`` files in name order (its hidden
    ones left out, as every command reads a directory of versions); ``None`` for a directory with none,
    said on stderr in ``--lang``, else the help's language (no policy to take one from)."""
    from ..errors import InputError
    from ..policy.load import directory_policies

    for path in args.policy:
        if path == "-" or not os.path.isdir(path):
            yield path
            continue
        try:
            found = directory_policies(Path(path), path, model_lang(args, None))
        except InputError as exc:
            print(printable(f"sla fmt: {exc}"), file=sys.stderr)
            yield None
            continue
        yield from (str(f) for f in found)


class _Tap:
    """A byte stream that keeps what is read from it: the reader of policy text reads stdin through it, and
    ``sla fmt -`` writes its result with the line ends and the byte-order mark of those bytes."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.chunks: list[bytes] = []

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.chunks.append(chunk)
        return chunk

    def read_so_far(self) -> bytes:
        return b"".join(self.chunks)


def _bytes_of(path: str) -> bytes | None:
    """The bytes of a regular file that the reader has just read (for its line ends and byte-order mark), at
    most the reader's cap; ``None`` for anything else (a FIFO or a device can be read only once) or when it
    cannot be read again."""
    from ..lang.source import MAX_POLICY_BYTES

    try:
        with open(path, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                return None
            return fh.read(MAX_POLICY_BYTES + 1)
    except OSError:
        return None


def _as_read(raw: bytes | None, source: str, style: LineStyle) -> str:
    """A policy's text as it stands in its file, line ends and byte-order mark included: ``raw`` decoded when
    it is what ``source`` was read from (mixed line ends shown as they are), else ``source`` in ``style``."""
    from ..lang.source import decode_policy

    if raw is not None:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is not None and decode_policy(text)[0] == source:
            return text
    return style.apply(source)


def _unified_diff(before: str, after: str, old: str, new: str) -> Iterator[str]:
    """A unified diff that ``patch`` applies: a last line without a line end is followed by the line
    ``\\ No newline at end of file``, as ``diff -u`` writes it."""
    for line in difflib.unified_diff(_lines(before), _lines(after), old, new):
        yield line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    """Lines with their ends, split only at ``\n`` as the parser counts them (U+2028 in a comment is no line end)."""
    return [line for line in re.split(r"(?<=\n)", text) if line]


def _diff(args: argparse.Namespace) -> int:
    from ..authoring.semdiff import cmd_diff
    from .app import use_color

    return cmd_diff(args, use_color(sys.stderr))


def _replay(args: argparse.Namespace) -> int:
    from ..authoring.replay import cmd_replay

    return cmd_replay(args)


#: An error that carries its own frame, ``FILE:LINE[:COL]: error: [E162] ...`` (a test file's, an event's).
_LOCATED = re.compile(r"[^\n]*: error: \[E\d{3}\] ")


def _test(args: argparse.Namespace) -> int:
    from ..authoring.policytest import cmd_test, refuse_tests_first
    from ..errors import InputError, UsageError
    from .langs import usage_lang

    # (before any policy is read: in the language of the policy given after the test file, else the help's)
    refuse_tests_first([*args.policy, *args.tests], usage_lang(args), getattr(args, "lang", None))
    try:
        return cmd_test(args)
    except InputError as exc:
        text = str(exc)
        if isinstance(exc, UsageError) or not _LOCATED.match(text):
            raise
        # its own frame is the one it is printed in, in every language, as `sla check`'s diagnostics:
        # not `sla: error: FILE:LINE: error: ...` (nor `sla: エラー: ...: error:` in Japanese)
        print("\n".join(printable(line) for line in text.split("\n")), file=sys.stderr)
        return 1


def _lsp(args: argparse.Namespace) -> int:
    from ..authoring.lsp import cmd_lsp

    return cmd_lsp(args)


def add_parsers(sub: argparse._SubParsersAction[Any], lang: str = "en") -> None:
    """Register the authoring commands on the ``sla`` subparsers, their help in ``lang``."""

    def h(key: str) -> str:
        return message(f"cli.help.{key}", lang)

    p = sub.add_parser("fmt", help=h("fmt"), description=h("fmt.description"))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=h("fmt.policy"))
    p.add_argument("--check", action="store_true", help=h("fmt.check"))
    lang_option(p, lang, "policies")
    p.set_defaults(func=_fmt)

    p = sub.add_parser("diff", help=h("diff"), description=h("diff.description"))
    p.add_argument("old", metavar="OLD", help=h("diff.old"))
    p.add_argument("new", metavar="NEW", help=h("diff.new"))
    p.add_argument("--format", choices=("text", "json", "markdown"), default="text", help=h("diff.format"))
    lang_option(p, lang, "diff")
    p.add_argument("--exit-code", action="store_true", help=h("diff.exit_code"))
    p.set_defaults(func=_diff)

    p = sub.add_parser("replay", help=h("replay"), description=h("replay.description"))
    p.add_argument("old", metavar="OLD", help=h("replay.old"))
    p.add_argument("new", metavar="NEW", help=h("replay.new"))
    p.add_argument("events", metavar="EVENTS", help=h("replay.events"))
    p.add_argument("--from", dest="start", required=True, metavar="TIME", help=h("replay.from"))
    p.add_argument("--to", dest="end", required=True, metavar="TIME", help=h("replay.to"))
    p.add_argument("--as-of", dest="as_of", metavar="TIME", help=h("as_of"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=h("text_or_json"))
    p.add_argument("--exit-code", action="store_true", help=h("replay.exit_code"))
    lang_option(p, lang, "policies")
    p.set_defaults(func=_replay)

    p = sub.add_parser("test", help=h("test"), description=h("test.description"))
    p.add_argument("policy", nargs="+", metavar="POLICY", help=h("test.policy"))
    p.add_argument("tests", nargs="+", metavar="TESTS", help=h("test.tests"))
    p.add_argument("--run", metavar="TEXT", help=h("test.run"))
    p.add_argument("-v", "--verbose", action="store_true", help=h("test.verbose"))
    p.add_argument("--format", choices=("text", "json"), default="text", help=h("text_or_json"))
    lang_option(p, lang, "policy")
    p.set_defaults(func=_test)

    p = sub.add_parser("lsp", help=h("lsp"), description=h("lsp.description"))
    p.add_argument("--stdio", action="store_true", help=h("lsp.stdio"))
    p.set_defaults(func=_lsp)
