"""Every exception class the package defines survives pickling: its type, ``str()``, ``lang`` and what it
holds (``diagnostics``, ``problems``, its words) are the same on the other side.

``pickle.loads(pickle.dumps(PolicyError(...)))`` raised ``AttributeError: 'str' object has no attribute
'header'``: unpickling called ``PolicyError(text)``, its text taken for its list of diagnostics. So a
``ProcessPoolExecutor`` task that raised one broke the pool (every task pending failed with
``BrokenProcessPool``) and a ``multiprocessing.Pool`` waited for ever; ``FormatError`` failed the same way
(its text taken for a catalogue key). The classes are found by walking the package, so that a new one
must be given an example here.
"""

from __future__ import annotations

import ast
import copyreg
import datetime as dt
import importlib
import io
import pickle
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import sla_dsl
from sla_dsl.errors import InputError, PicklesAsIs, SlaError, UsageError
from sla_dsl.events.problems import problem
from sla_dsl.lang.diagnostics import words

ROOT = Path(__file__).resolve().parents[2]
CLICKSOKO = ROOT / "policies" / "clicksoko.sla"
EVENT = {"event": "incident.reported", "at": "2026-11-02T10:00:00+09:00", "id": "I-1", "priority": "P1"}


def _raised(call: Callable[[], object]) -> BaseException:
    try:
        call()
    except BaseException as exc:
        return exc
    raise AssertionError("no error raised")


def _classes() -> Iterator[type[BaseException]]:
    """Every exception class defined in a module of ``sla_dsl``: those of each module that defines a class
    with a base (imported: not the others, such as ``sla_dsl.dask``, whose import changes how every
    exception pickles in this process, see :func:`_round_trip`)."""
    package = ROOT / "sla_dsl"
    for path in sorted(package.rglob("*.py")):
        if path.name == "__main__.py":
            continue
        if not any(isinstance(n, ast.ClassDef) and n.bases for n in ast.walk(ast.parse(path.read_bytes()))):
            continue
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type) and issubclass(value, BaseException) and value.__module__ == name:
                yield value


def _name(cls: type[BaseException]) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"


DEFINED = sorted(set(map(_name, _classes())))


#: A policy with two errors, one in each priority.
TWO_ERRORS = """\
sla "x" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  title "x" / "x"
  languages LANG
}

priority P1 "a" / "a" {
  respond within 4 business hours on nope
}
priority P2 "b" / "b" {
  respond within 4 business hours on nada
}
"""


def _policy_error(lang: str) -> BaseException:
    return _raised(lambda: sla_dsl.load_policy(TWO_ERRORS.replace("LANG", lang)))


def _policy() -> sla_dsl.Policy:
    return sla_dsl.load_policy(CLICKSOKO)


def _mark() -> yaml.Mark:
    return yaml.Mark("cases.yaml", 10, 2, 4, None, None)


def _scale() -> Any:
    return importlib.import_module("sla_dsl.scale")


def _in_a_module(name: str, *args: object) -> BaseException:
    module, _, cls = name.rpartition(".")
    made = getattr(importlib.import_module(module), cls)(*args)
    assert isinstance(made, BaseException)
    return made


#: Examples of each class by its full name: raised by the package where a call raises one.
EXAMPLES: dict[str, Callable[[], list[BaseException]]] = {
    "sla_dsl.errors.PicklesAsIs": lambda: [PicklesAsIs("wrong", 2)],
    "sla_dsl.errors.SlaError": lambda: [SlaError("wrong")],
    "sla_dsl.errors.InputError": lambda: [InputError("bad"), InputError("悪い", lang="ja", framed=True)],
    "sla_dsl.errors.NaiveDatetimeError": lambda: [
        _raised(lambda: _policy().response_due("P1", "2026-11-27T16:00:00")),
    ],
    "sla_dsl.errors.UsageError": lambda: [UsageError("--from: bad", lang="ja")],
    "sla_dsl.lang.diagnostics.PolicyError": lambda: [_policy_error("ja"), _policy_error("en")],
    "sla_dsl.lang.diagnostics.WordedInputError": lambda: [
        _in_a_module("sla_dsl.lang.diagnostics.WordedInputError", words("diag.word.invalid_policy")),
    ],
    "sla_dsl.events.problems.EventInputError": lambda: [
        _raised(lambda: sla_dsl.evaluate(_policy(), [{**EVENT, "priority": "P9"}, {**EVENT, "at": "x"}], *PERIOD)),
    ],
    "sla_dsl.events.problems.EventSourceError": lambda: [
        _raised(lambda: sla_dsl.evaluate(_policy(), str(ROOT / "no-such-log.jsonl"), *PERIOD)),
    ],
    "sla_dsl.calendars.bounds.OutOfRangeError": lambda: [
        _raised(lambda: sla_dsl.evaluate(_policy(), [EVENT], "2026-11-01", "3000-01-01")),
    ],
    "sla_dsl.evaluation.partition.PartitionError": lambda: [
        _in_a_module(
            "sla_dsl.evaluation.partition.PartitionError",
            words("events.partition.split", id="I-1", key="id", more="", help=""),
        ),
    ],
    "sla_dsl.policy.compiled.NoCalendarError": lambda: [
        _in_a_module("sla_dsl.policy.compiled.NoCalendarError", "no business calendar"),
    ],
    "sla_dsl.policy.compiled.NotInPolicyError": lambda: [
        _raised(lambda: _policy().response_due("P9", "2026-11-27T16:00:00+09:00")),
        _raised(lambda: _policy().add_business_time("2026-11-27T16:00:00+09:00", dt.timedelta(hours=1), "nope")),
    ],
    "sla_dsl.authoring.fmt.FormatError": lambda: [
        _in_a_module("sla_dsl.authoring.fmt.FormatError", "author.fmt.lost_token"),
        _in_a_module("sla_dsl.authoring.fmt.FormatError", "author.fmt.lost_token", "ja"),
    ],
    "sla_dsl.authoring.lsp.RequestFailed": lambda: [_in_a_module("sla_dsl.authoring.lsp.RequestFailed", "boom")],
    "sla_dsl.authoring.testyaml.RepeatedKey": lambda: [
        _in_a_module("sla_dsl.authoring.testyaml.RepeatedKey", "cases", _mark(), _mark()),
    ],
    "sla_dsl.cli.app.Stopped": lambda: [_in_a_module("sla_dsl.cli.app.Stopped", 15)],
    "sla_dsl.docs.facts.UnknownFact": lambda: [_in_a_module("sla_dsl.docs.facts.UnknownFact", "no fact `x`")],
    "sla_dsl.docs.field_notes.MissingNote": lambda: [_in_a_module("sla_dsl.docs.field_notes.MissingNote", "no note")],
    "sla_dsl.events.csv_columns._TooMany": lambda: [_in_a_module("sla_dsl.events.csv_columns._TooMany")],
    "sla_dsl.events.jsonl_columns._NotLines": lambda: [_in_a_module("sla_dsl.events.jsonl_columns._NotLines")],
    "sla_dsl.events.keys.RepeatedKey": lambda: [_in_a_module("sla_dsl.events.keys.RepeatedKey", "id")],
    "sla_dsl.events.lines.NotText": lambda: [_in_a_module("sla_dsl.events.lines.NotText", "utf-16", "UTF-16", "gzip")],
    "sla_dsl.events.lines.UnreadableCompression": lambda: [
        _in_a_module("sla_dsl.events.lines.UnreadableCompression", "zstd"),
    ],
    "sla_dsl.lang.values.Invalid": lambda: [_in_a_module("sla_dsl.lang.values.Invalid")],
    "sla_dsl.scale.OtherCodeError": lambda: [
        _raised(lambda: _scale().arguments({**_scale().task(_scale().policy_texts(CLICKSOKO)), "code": "other"}))
    ],
    "sla_dsl.serve.app.ApiError": lambda: [_in_a_module("sla_dsl.serve.app.ApiError", 404, "no such policy", "list")],
    "sla_dsl.serve.ingest.Rejected": lambda: [
        _in_a_module("sla_dsl.serve.ingest.Rejected", (problem("<body>", 1, "E102", words("events.E102.event")),)),
    ],
}
PERIOD = ("2026-11-01", "2026-12-01")

#: Classes that do not pickle yet (none: kept for a class that cannot, with the reason).
NOT_YET: dict[str, str] = {}


#: What must be the same after a round trip, beside the type and ``str()``.
HELD = ("lang", "framed", "diagnostics", "source", "header_read", "problems", "words", "key", "kind", "signum")


def _round_trip(exc: BaseException, protocol: int) -> BaseException:
    """``exc`` pickled as its class says (a library may register a reducer for every exception class of the
    process, as Dask's ``tblib`` does when imported: left out, as in a worker without it) and unpickled."""
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol)
    pickler.dispatch_table = {
        k: v for k, v in copyreg.dispatch_table.items() if not (isinstance(k, type) and issubclass(k, BaseException))
    }
    pickler.dump(exc)
    back = pickle.loads(out.getvalue())
    assert isinstance(back, BaseException)
    return back


def test_every_exception_class_of_the_package_has_an_example() -> None:
    assert DEFINED == sorted(EXAMPLES), "give each new exception class an example in EXAMPLES"
    assert set(NOT_YET) <= set(EXAMPLES)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[n])) if n in NOT_YET else n
        for n in sorted(EXAMPLES)
    ],
)
def test_an_error_of_the_package_is_the_same_after_pickling(name: str) -> None:
    examples = EXAMPLES[name]()
    assert examples
    for exc in examples:
        assert _name(type(exc)) == name, exc
        for protocol in (2, pickle.HIGHEST_PROTOCOL):
            back = _round_trip(exc, protocol)
            assert type(back) is type(exc)
            assert str(back) == str(exc)
            assert vars(back).keys() == vars(exc).keys()
            for attr in HELD:
                assert getattr(back, attr, None) == getattr(exc, attr, None), attr


def test_a_policy_error_keeps_its_diagnostics_and_language() -> None:
    exc = _policy_error("ja")
    assert isinstance(exc, sla_dsl.PolicyError)
    back = _round_trip(exc, pickle.DEFAULT_PROTOCOL)
    assert isinstance(back, sla_dsl.PolicyError)
    assert back.lang == "ja"
    assert [d.code for d in back.diagnostics] == [d.code for d in exc.diagnostics]
    assert len(back.diagnostics) == 2
    assert back.render() == exc.render()  # (written from its diagnostics and source again)
    assert "（ほか1件）" in str(back)
