"""``sla fmt``, ``diff``, ``replay``, ``test`` and ``lsp``: the tools for policy authors.

Design notes
------------
* This module declares the arguments and runs ``sla fmt`` over files (it
  writes them through :func:`sla_dsl.files.write_atomic`). Each other handler
  imports its module of :mod:`sla_dsl.authoring` (``semdiff``, ``replay``,
  ``policytest``, ``lsp``) when it runs, so building the parser stays cheap.
* Exit codes follow ``sla``'s: 0 success; 1 invalid input (a policy with
  errors, a bad event log or test file), or a check that fails (``fmt
  --check`` on an unformatted file, ``diff --exit-code`` with differences,
  ``test`` with a failing case); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from typing import Any

from .langs import lang_option, model_lang


def _fmt(args: argparse.Namespace) -> int:
    """``sla fmt POLICY... [--check]``."""
    from ..authoring.fmt import format_text
    from ..files import write_atomic
    from ..i18n import message
    from ..lang.diagnostics import render_all
    from ..lang.source import read_policy_file, read_policy_stdin
    from ..policy.load import compile_text
    from .app import use_color

    status = 0
    changed = unchanged = 0
    first_lang: str | None = None  # the count at the end is in the first policy's language, as sla check's
    for path in args.policy:
        # stdin and files go through the one reader of policy text (bytes: BOM, UTF-8, NUL, size cap)
        if path == "-":
            name = "<stdin>"
            source, diags = read_policy_stdin(name)
        else:
            name = path
            source, diags = read_policy_file(path)
        if source is None:  # no header to read the language from
            lang = model_lang(args, None)
            first_lang = first_lang or lang
            print(render_all(diags, None, use_color(sys.stderr), lang), file=sys.stderr)
            status = 1
            continue
        compiled = compile_text(source, name)
        lang = model_lang(args, compiled.model)
        first_lang = first_lang or lang
        if compiled.errors:
            print(render_all(compiled.errors, source, use_color(sys.stderr), lang), file=sys.stderr)
            print(f"sla fmt: {name}: {message('cli.fmt.not_formatted', lang)}", file=sys.stderr)
            status = 1
            continue
        result = format_text(source, lang)
        if path == "-" and not args.check:
            sys.stdout.write(result)
            continue
        if result == source:
            unchanged += 1
            continue
        changed += 1
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(_lines(source), _lines(result), name, f"{name} (formatted)"))
            status = 1
        else:
            try:
                write_atomic(path, result)
            except OSError as exc:
                reason = exc.strerror or str(exc)  # the system's words, as it gives them
                print(f"sla fmt: {name}: {message('author.fmt.cannot_write', lang, reason=reason)}", file=sys.stderr)
                status = 1
    if args.policy != ["-"]:
        key = f"cli.fmt.{'would' if args.check else 'reformatted'}.{'one' if changed == 1 else 'other'}"
        print(message(key, first_lang or model_lang(args, None), changed=changed, unchanged=unchanged), file=sys.stderr)
    return status


def _lines(text: str) -> list[str]:
    """Lines with their ends, split only at ``\n`` as the parser counts them (U+2028 in a comment is no line end)."""
    return [line for line in re.split(r"(?<=\n)", text) if line]


def _diff(args: argparse.Namespace) -> int:
    from ..authoring.semdiff import cmd_diff

    return cmd_diff(args)


def _replay(args: argparse.Namespace) -> int:
    from ..authoring.replay import cmd_replay

    return cmd_replay(args)


def _test(args: argparse.Namespace) -> int:
    from ..authoring.policytest import cmd_test

    return cmd_test(args)


def _lsp(args: argparse.Namespace) -> int:
    from ..authoring.lsp import cmd_lsp

    return cmd_lsp(args)


def add_parsers(sub: argparse._SubParsersAction[Any]) -> None:
    """Register the authoring commands on the ``sla`` subparsers."""
    p = sub.add_parser(
        "fmt",
        help="rewrite policies in the canonical layout (comments kept)",
        description="Rewrite policy files in the canonical layout, in place; `-` reads stdin and writes stdout. "
        "Exit 1 when a policy has errors (it is left alone) or, with --check, when a file is not formatted.",
    )
    p.add_argument("policy", nargs="+", metavar="POLICY", help="policy files, or `-` for stdin")
    p.add_argument("--check", action="store_true", help="change nothing; print a unified diff and exit 1 if needed")
    lang_option(p, "the messages about the policies")
    p.set_defaults(func=_fmt)

    p = sub.add_parser(
        "diff",
        help="what changed between two versions of a policy, by meaning",
        description="Compare two policy versions by meaning: layout, comments and order do not count. "
        "Exit 0 whether or not they differ (1 with --exit-code when they differ, like git diff).",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument(
        "--format", choices=("text", "json", "markdown"), default="text", help="text, json or markdown (default: text)"
    )
    lang_option(p, "the wording and the messages about the policies")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when the versions differ in meaning")
    p.set_defaults(func=_diff)

    p = sub.add_parser(
        "replay",
        help="what-if: judge one event log under two versions and show what changes",
        description="Evaluate the same events under OLD and NEW and report incidents that flip, availability "
        "moving, maintenance windows moving and violations appearing or going away.",
    )
    p.add_argument("old", metavar="OLD")
    p.add_argument("new", metavar="NEW")
    p.add_argument("events", metavar="EVENTS")
    p.add_argument("--from", dest="start", required=True, metavar="TIME", help="period start (ISO 8601 or date)")
    p.add_argument("--to", dest="end", required=True, metavar="TIME", help="period end, exclusive")
    p.add_argument("--as-of", dest="as_of", metavar="TIME", help="judge as of this instant (default: --to)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text or json (default: text)")
    p.add_argument("--exit-code", action="store_true", help="exit 1 when any verdict changes")
    lang_option(p, "the messages about the policies")
    p.set_defaults(func=_replay)

    p = sub.add_parser(
        "test",
        help="run YAML expectations against a policy, like opa test",
        description="Run the cases of YAML test files (or directories of them) against POLICY. "
        "Exit 1 when a case fails (with a readable diff) or a test file is invalid.",
    )
    p.add_argument("policy", metavar="POLICY")
    p.add_argument("tests", nargs="+", metavar="TESTS", help="YAML files or directories holding *.yaml files")
    p.add_argument("--run", metavar="TEXT", help="run only cases whose name contains TEXT")
    p.add_argument("-v", "--verbose", action="store_true", help="list every case, not only failures")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text or json (default: text)")
    lang_option(p, "the messages about the policy")
    p.set_defaults(func=_test)

    p = sub.add_parser(
        "lsp",
        help="run the language server (stdio) for editors",
        description="A Language Server Protocol server over stdio: diagnostics, hover, go-to-definition, "
        "formatting and completion for .sla files. Needs the `pygls` package.",
    )
    p.add_argument("--stdio", action="store_true", help="use stdio (the default and only transport)")
    p.set_defaults(func=_lsp)
