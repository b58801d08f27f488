"""Which language a command writes its words about a policy in, and the ``--lang`` option that chooses it.

Design notes
------------
* One rule for every command that reads a policy (``check``, ``evaluate``,
  ``explain``, ``deadline``, ``maintenance``, ``calendar``, ``fmt``, ``diff``,
  ``test``, ``replay``, ``serve``): the command's ``--lang`` when given, else
  the policy's primary language (:func:`~sla_dsl.lang.diagnostics.policy_language`:
  the first of ``languages ja, en`` in its header), else English when the
  policy declares none or its header cannot be read.
* A :class:`~sla_dsl.lang.diagnostics.PolicyError` carries the language of its
  policy, so ``sla``'s main writes a failed load in it without compiling
  again; :func:`diagnostics_lang` adds the ``--lang`` on top.
* The problems of an event log are the readers' and the evaluator's, which
  know no command: they are English until
  :func:`~sla_dsl.events.problems.event_problems_in` writes them in the
  command's language, on their way to ``sla``'s main.
* Its own module so that ``app`` (the main) and the command modules share it
  without importing each other.
"""

from __future__ import annotations

import argparse

from ..lang.diagnostics import DiagLang, policy_language
from ..lang.model import PolicyModel

__all__ = ["diagnostics_lang", "lang_option", "model_lang"]


def diagnostics_lang(args: argparse.Namespace | None, policy_lang: str) -> DiagLang:
    """The command's ``--lang`` if given, else ``policy_lang`` (the policy's language: English unless ``ja``)."""
    given = getattr(args, "lang", None)
    return "ja" if (given or policy_lang) == "ja" else "en"


def model_lang(args: argparse.Namespace | None, model: PolicyModel | None) -> DiagLang:
    """:func:`diagnostics_lang` for a compiled model (``None``: the header could not be read)."""
    return diagnostics_lang(args, policy_language(model))


def lang_option(p: argparse.ArgumentParser, what: str = "the messages") -> None:
    """Add ``--lang ja|en`` (default: the policy's primary language) to a command's parser."""
    p.add_argument(
        "--lang",
        choices=("ja", "en"),
        help=f"language of {what} (default: the policy's primary language, from `languages` "
        "in its header; English when it declares none or the header cannot be read)",
    )
