"""Which language a command writes its words about a policy in, its help and usage errors in, and the
``--lang`` option that chooses it.

Design notes
------------
* One rule for every command that reads a policy (``check``, ``evaluate``,
  ``explain``, ``deadline``, ``maintenance``, ``calendar``, ``fmt``, ``diff``,
  ``test``, ``replay``, ``serve``): the command's ``--lang`` when given, else
  the policy's primary language (:func:`~sla_dsl.lang.diagnostics.policy_language`:
  the first of ``languages ja, en`` in its header), else English when the
  policy declares none. A header wrong elsewhere (``effective 2026-02-30``)
  still gives the languages its ``languages`` statement declares. When there
  is no header to read them from (a missing, empty or unreadable file, no
  ``sla`` header, or a ``languages`` statement that cannot be read) there is no
  policy language: the help's is used (:func:`usage_lang`: ``--lang``, else
  the locale).
* A :class:`~sla_dsl.lang.diagnostics.PolicyError` carries the language of its
  policy, so ``sla``'s main writes a failed load in it without compiling
  again; :func:`diagnostics_lang` adds the ``--lang`` on top.
* The problems of an event log are the readers' and the evaluator's, which
  know no command: they are English until
  :func:`~sla_dsl.events.problems.event_problems_in` writes them in the
  command's language, on their way to ``sla``'s main.
* Help and usage errors (``sla --help``, ``sla evaluate --help``, ``sla
  evaluate: error: the following arguments are required: --from, --to``) come
  before any policy is read, so :func:`help_lang` has a rule of its own: a
  ``--lang ja|en`` (or ``--lang=ja``) anywhere in the arguments before a
  ``--`` (the last one, as argparse keeps the last), else the locale the
  environment names, in POSIX's order: the first non-empty of ``LC_ALL``,
  ``LC_MESSAGES`` and ``LANG``, Japanese when it starts with ``ja``
  (``ja_JP.UTF-8``, ``ja``), else English (``C``, ``C.UTF-8``, none). GNU's
  ``LANGUAGE`` list is not read: the product has two languages, not a
  preference order. The ``--lang`` counts even where the command has no such
  option (``sla lsp --lang ja``): its usage error is then in Japanese; a value
  that is no language (``--lang fr``) does not count, and argparse refuses it
  in the locale's language. ``sla --lang ja COMMAND ...`` (before the command:
  ``sla --lang ja --help``) is accepted too, though the help does not show it:
  it is the command's ``--lang`` when that is not given.
* Its own module so that ``app`` (the main) and the command modules share it
  without importing each other.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Mapping, Sequence

from ..errors import UsageError
from ..i18n import message
from ..lang.diagnostics import DiagLang, policy_language
from ..lang.model import PolicyModel

__all__ = ["diagnostics_lang", "help_lang", "lang_option", "last_words_lang", "model_lang", "usage_lang"]

#: the environment's locale variables, in the order POSIX gives them precedence
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def diagnostics_lang(args: argparse.Namespace | None, policy_lang: str) -> DiagLang:
    """The command's ``--lang`` if given, else ``policy_lang`` (the policy's language: English unless ``ja``)."""
    given = getattr(args, "lang", None)
    return "ja" if (given or policy_lang) == "ja" else "en"


def model_lang(args: argparse.Namespace | None, model: PolicyModel | None) -> DiagLang:
    """:func:`diagnostics_lang` for a compiled model; ``None`` (the header could not be read): the help's
    language (:func:`usage_lang`)."""
    return diagnostics_lang(args, policy_language(model)) if model is not None else usage_lang(args)


def help_lang(argv: Sequence[str], environ: Mapping[str, str]) -> DiagLang:
    """The language of ``sla``'s help and usage errors: the last ``--lang ja|en`` before any ``--``, else
    the locale of ``environ`` (the first non-empty of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``): Japanese
    when it starts with ``ja``, else English."""
    given: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.removeprefix("--lang=")
        else:
            continue
        if value in ("ja", "en"):
            given = value
    if given is not None:
        return "ja" if given == "ja" else "en"
    locale = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    return "ja" if locale.startswith("ja") else "en"


def usage_lang(args: argparse.Namespace | None) -> DiagLang:
    """The language of a command's refusal before it reads a policy (too few paths, a bad flag): its
    ``--lang`` if given, else the help's (:func:`help_lang`, which ``sla``'s main keeps as ``usage_lang``)."""
    return diagnostics_lang(args, getattr(args, "usage_lang", None) or "en")


def last_words_lang(args: argparse.Namespace | None) -> DiagLang:
    """The language of a command's last words, when it is stopped (Ctrl-C, SIGTERM) or its output cannot
    be written: its ``--lang``, else the language it has come to speak (``args.said_lang``, set once its
    policy is read), else the primary language its policy's header declares (the first ``POLICY``, or
    ``NEW`` for ``diff`` and ``replay``, read again: a stop can come before the command knows it), else the
    help's (:func:`usage_lang`)."""
    said = getattr(args, "said_lang", None)
    if said is not None:
        return diagnostics_lang(args, said)
    from ..lang.source import file_languages

    path = _policy_path(args)
    declared = file_languages(path) if path is not None else None
    return diagnostics_lang(args, declared[0]) if declared else usage_lang(args)


def _policy_path(args: argparse.Namespace | None) -> str | None:
    """The file whose header gives a command's language (:func:`last_words_lang`): a directory's first
    ``*.sla`` file in name order, as the versions are read; ``None`` for none, or the standard input."""
    paths = getattr(args, "policies", None) or getattr(args, "policy", None)
    path = getattr(args, "new", None) if getattr(args, "old", None) is not None else None
    if path is None and isinstance(paths, list) and paths:
        path = paths[0]
    if not isinstance(path, str) or path == "-":
        return None
    if os.path.isdir(path):
        found = sorted(f for f in os.listdir(path) if f.endswith(".sla") and not f.startswith("."))
        return os.path.join(path, found[0]) if found else None
    return path


def stdin_once(args: argparse.Namespace) -> None:
    """Refuse ``-`` among ``args.policy`` more than once (usage, in :func:`usage_lang`): the standard
    input can be read once, and the second would read it empty (E217, no header)."""
    if args.policy.count("-") > 1:
        said = usage_lang(args)
        raise UsageError(message("cli.fmt.stdin_twice", said), lang=said)


def lang_option(p: argparse.ArgumentParser, lang: str, what: str = "messages") -> None:
    """Add ``--lang ja|en`` (default: the policy's primary language) to a command's parser; its help in
    ``lang`` says it sets ``what`` (``cli.help.lang.<what>``: ``policy``, ``diff``, ...)."""
    p.add_argument(
        "--lang",
        choices=("ja", "en"),
        help=message("cli.help.lang", lang, what=message(f"cli.help.lang.{what}", lang)),
    )
