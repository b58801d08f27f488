"""Every subpackage ships: a non-editable `pip install .` must not lose one; the release is written once."""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_subpackage_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "sla_dsl").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    assert "sla_dsl.grammars" in listed
    assert (ROOT / "grammars" / "sla.lark").is_file()


def test_the_version_is_written_once_in_sla_dsl_version() -> None:
    """The installed package's metadata (pip, ``importlib.metadata``) and what ``sla --version``, the report's
    ``generator.version`` and ``/healthz`` say come from one line: pyproject.toml asks setuptools to read it."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" not in project["project"], "the version is written in sla_dsl/_version.py only"
    assert "version" in project["project"]["dynamic"]
    attr = project["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    module, _, name = attr.rpartition(".")
    assert importlib.import_module(module).__dict__[name] == importlib.import_module("sla_dsl._version").__version__
    # setuptools reads the value without importing the package (whose dependencies a build does not have) only
    # when the module assigns it a literal
    tree = ast.parse((ROOT / (module.replace(".", "/") + ".py")).read_text("utf-8"))
    literals = [
        n.value.value
        for n in tree.body
        if isinstance(n, ast.Assign)
        and [getattr(t, "id", None) for t in n.targets] == [name]
        and isinstance(n.value, ast.Constant)
        and isinstance(n.value.value, str)
    ]
    assert len(literals) == 1
