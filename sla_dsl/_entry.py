"""The ``sla`` console script: sets the process up, then runs :func:`sla_dsl.cli.main`.

A command such as ``sla check`` lives for well under a second and frees almost
everything by reference counting, so the cyclic garbage collector is switched
off before the heavy imports (it otherwise runs many times while pydantic and
lark build their classes). The long-running ``sla lsp`` keeps it on. Library
users importing :mod:`sla_dsl` are not affected.

Design notes
------------
* :func:`run` is the process's whole life (``python -m sla_dsl._entry``): the
  command, then its output flushed and the process ended at once with its exit
  status (``os._exit``). Tearing the interpreter down object by object (every
  module, and the verdicts of a year's log that ``sla evaluate`` keeps to the
  end for it: :data:`sla_dsl.cli.evaluate.KEPT`) took about a fifth of a
  second of a year's ``sla evaluate --format text`` and gave nothing: the
  operating system takes the memory back whole. Nothing the commands write is
  left to the teardown: files are written and closed (or replaced atomically)
  before a command returns, and no ``atexit`` hook of ours exists.
* :func:`main` returns the status instead, for callers in a process that goes
  on (the tests).
* pyarrow imports pandas the first time it converts Python or numpy values
  (``pa.array``, ``pa.scalar``), only to recognise pandas objects among them:
  about a tenth of a CPU second of every ``sla evaluate --format json`` or
  ``parquet``. ``sla evaluate`` never hands pyarrow a pandas object (it reads
  files; DataFrames come in through the Python API), so :func:`run` makes
  pandas unimportable in that command's process (:class:`_NoPandas`): pyarrow's
  probe then finds none. The library and the other commands
  are not affected. (Not ``sys.modules["pandas"] = None``: pyarrow's probe
  takes that None for the module.)
* numpy's OpenBLAS starts a pool of threads when numpy is imported, one per
  core, whether or not any matrix is ever multiplied: about 0.08 CPU seconds of
  every command on this 2-core machine (0.18 s for ``import numpy``, 0.10 s with
  one thread). No command of ours multiplies matrices (the judge's numpy work is
  element-wise, sorting and searching, which OpenBLAS plays no part in), so the
  console script asks for one thread (``OPENBLAS_NUM_THREADS``) before anything
  imports numpy, unless the user has set it. The library leaves it alone: a
  program that imports :mod:`sla_dsl` may well multiply matrices.
"""

from __future__ import annotations

import gc
import importlib.abc
import os
import sys
from typing import NoReturn

#: What the console script sets in its own environment unless the user has (see the module's notes).
PROCESS_ENV = {"OPENBLAS_NUM_THREADS": "1"}


def _setup() -> None:
    """Set :data:`PROCESS_ENV`, before numpy is first imported."""
    for name, value in PROCESS_ENV.items():
        os.environ.setdefault(name, value)


def _asked_lang() -> str | None:
    """The ``--lang`` of the command line, read before the parser is (the catalogue not yet loaded)."""
    args = sys.argv[1:]
    for k, arg in enumerate(args):
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang" and k + 1 < len(args):
            return args[k + 1]
    return None


def _command() -> str | None:
    return next((a for a in sys.argv[1:] if not a.startswith("-")), None)


def main() -> int:
    """Entry point of the ``sla`` console script."""
    if _command() != "lsp":
        gc.disable()
    from .cli import main as cli_main

    return cli_main()


class _NoPandas(importlib.abc.MetaPathFinder):
    """Refuses to import pandas (see the module's notes)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        """Raise for ``pandas`` and its submodules; leave every other module to the next finder."""
        if fullname == "pandas" or fullname.startswith("pandas."):
            raise ModuleNotFoundError("sla evaluate runs without pandas", name=fullname)


def run() -> NoReturn:
    """:func:`main`, then the output flushed and the process ended with its status, without the teardown."""
    _setup()
    try:
        if _command() == "evaluate":
            from .cli import evaluate

            evaluate.KEPT = []  # its verdicts stay to the end: nothing frees them object by object
            sys.meta_path.insert(0, _NoPandas())  # pyarrow's probe finds no pandas
        code = main()
    except KeyboardInterrupt:  # Ctrl-C while the command's modules load, before it can say so itself
        code = 130
        if sys.stderr is not None:  # (closed, `2>&-`: print(file=None) would write on stdout)
            print("sla: 中断しました" if _asked_lang() == "ja" else "sla: interrupted", file=sys.stderr)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # a reader that went away (`| head`)
        pass
    except ValueError:  # a stream the command closed
        pass
    except OSError as exc:  # what was left to write is lost (a full disk): never a silent success
        from .cli.app import cannot_write

        if code == 0:
            code = 1
        if sys.stderr is not None:
            print(cannot_write(exc), file=sys.stderr)
    try:
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):  # nowhere left to say anything
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
