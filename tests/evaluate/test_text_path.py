"""The ``sla evaluate --format text`` path made cheaper (issue 14), each change held to the old result.

- reading Parquet never imports pandas (pyarrow does on ``pa.array``/``pa.scalar`` of Python values);
- ``python -m sla_dsl._entry`` (:func:`sla_dsl._entry.run`) ends the process without the teardown,
  with the same output and exit status as :func:`sla_dsl._entry.main`;
- ``sla evaluate`` run as the console script (``run``) never imports pandas, even for the json and
  parquet formats, whose pyarrow calls would; its outputs are those of ``main``;
- incidents in report order on a column equal the sort by (clock, id) they replace;
- the text table's display widths equal ``unicodedata``'s, character by character;
- capped lists of the text report (not met, at risk, violations) show the first rows of the
  whole list and count the rest, for every ``--limit``;
- the console script starts numpy's OpenBLAS with one thread, unless ``OPENBLAS_NUM_THREADS`` says otherwise.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sla_dsl.evaluation.incident_columns import report_permutation
from sla_dsl.evaluation.incidents import Incident
from sla_dsl.events.arrow_columns import _bools
from sla_dsl.events.table_schema import events_table
from sla_dsl.i18n.width import display_width

from .helpers import POLICY_PATH, ROOT

EXAMPLE = ROOT / "examples" / "events-2026-11.jsonl"
MONTH = ["--from", "2026-11-01", "--to", "2026-12-01"]


def _events() -> list[dict[str, object]]:
    lines = EXAMPLE.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def test_reading_parquet_and_the_text_report_import_no_pandas(tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(_events()), path)
    code = (
        "import sys\n"
        "from sla_dsl.cli import main\n"
        f"code = main(['evaluate', {str(POLICY_PATH)!r}, {str(path)!r}, *{MONTH!r}])\n"
        "assert code == 0, code\n"
        "assert 'pandas' not in sys.modules, 'pandas imported'\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    assert "INC-001" in res.stdout


def _entry(*args: str, how: str) -> subprocess.CompletedProcess[str]:
    """The console script as ``python -m sla_dsl._entry`` (run) or through ``main()`` with ``sys.exit``."""
    argv = ["sla", *args]
    code = f"import sys; sys.argv = {argv!r}\nfrom sla_dsl import _entry\n" + (
        "_entry.run()\n" if how == "run" else "sys.exit(_entry.main())\n"
    )
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", str(POLICY_PATH), str(EXAMPLE), *MONTH),
        ("evaluate", str(POLICY_PATH), str(EXAMPLE), *MONTH, "--format", "json", "--lang", "en"),
        ("evaluate", str(POLICY_PATH), str(EXAMPLE), "--from", "2026-12-01", "--to", "2026-11-01"),  # status 1
        ("evaluate", str(POLICY_PATH), str(EXAMPLE), "--from", "2026-11-01"),  # usage: status 2
        ("check", str(POLICY_PATH)),
    ],
    ids=["text", "json", "input-error", "usage-error", "check"],
)
def test_run_ends_with_the_output_and_status_of_main(args: tuple[str, ...]) -> None:
    ran, returned = _entry(*args, how="run"), _entry(*args, how="main")
    assert (ran.returncode, ran.stdout, ran.stderr) == (returned.returncode, returned.stdout, returned.stderr)
    assert "Traceback" not in ran.stderr


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_run_evaluates_without_pandas_and_writes_what_main_writes(tmp_path: Path, fmt: str) -> None:
    out = {how: tmp_path / how for how in ("run", "main")}
    results = {}
    for how, where in out.items():
        extra = ("--output", str(where)) if fmt == "parquet" else ()
        argv = ["sla", "evaluate", str(POLICY_PATH), str(EXAMPLE), *MONTH, "--format", fmt, *extra]
        code = f"import sys; sys.argv = {argv!r}\nfrom sla_dsl import _entry\n" + (
            "_entry.run()\n" if how == "run" else "sys.exit(_entry.main())\n"
        )
        run = [sys.executable, "-X", "importtime", "-c", code]
        results[how] = subprocess.run(run, capture_output=True, text=True, cwd=ROOT, timeout=120)
    ran, returned = results["run"], results["main"]
    assert ran.returncode == returned.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout == returned.stdout
    assert "pandas.core" not in ran.stderr  # -X importtime lists every module loaded
    assert "pandas.core" in returned.stderr  # what it saves: main() lets pyarrow import pandas
    if fmt == "parquet":
        names = sorted(p.name for p in out["main"].iterdir())
        assert names and names == sorted(p.name for p in out["run"].iterdir())
        assert all((out["run"] / n).read_bytes() == (out["main"] / n).read_bytes() for n in names)


def test_run_keeps_the_verdicts_and_the_log_to_the_end_and_main_does_not(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    import sla_dsl.cli.evaluate as evaluate
    from sla_dsl import _entry
    from sla_dsl.evaluation.result import Evaluation
    from sla_dsl.events.schema import EventLog

    monkeypatch.setattr(sys, "argv", ["sla", "evaluate", str(POLICY_PATH), str(EXAMPLE), *MONTH, "--format", "json"])
    monkeypatch.setattr(evaluate, "KEPT", None)  # restored after the test, whatever run() set
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))  # run() adds a finder refusing pandas: not after
    request.addfinalizer(gc.enable if gc.isenabled() else gc.disable)  # main() turns the collector off
    assert _entry.main() == 0
    assert evaluate.KEPT is None  # a process that goes on frees its verdicts
    exits: list[int] = []
    monkeypatch.setattr(_entry.os, "_exit", exits.append)
    _entry.run()
    assert exits == [0]
    kept = evaluate.KEPT
    assert isinstance(kept, list) and len(kept) == 2
    assert isinstance(kept[0], Evaluation) and isinstance(kept[1], EventLog)  # the verdicts, the read log


def _incident(ident: str, clock: float) -> Incident:
    return Incident(ident, None, "P1", clock, None, clock, "reported", None)  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["INC-1", "INC-2", "inc-1", "INC-10", "", "INC-1\x00", "障害-1"]),
            st.sampled_from([0.0, 1.0, 1.5, -3600.0, 1.8e9, 1.8e9 + 1e-6]),
        ),
        max_size=40,
    )
)
def test_report_order_is_the_sort_by_clock_then_id(facts: list[tuple[str, float]]) -> None:
    items = [_incident(ident, clock) for ident, clock in facts]
    expected = sorted(items, key=lambda i: (i.clock, i.ident))
    assert [id(items[k]) for k in report_permutation(items)] == [id(i) for i in expected]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_text_width_is_unicodedata_east_asian_width(text: str) -> None:
    assert display_width(text) == sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@given(st.lists(st.booleans(), max_size=70))
def test_arrow_booleans_from_their_bits(flags: list[bool]) -> None:
    assert _bools(flags).to_pylist() == flags


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_capped_lists_are_the_first_rows_of_the_whole_list(lang: str) -> None:
    from sla_dsl.evaluation import judge_log
    from sla_dsl.events.reader import read_events
    from sla_dsl.report.sections import one_year, sections
    from sla_dsl.report.words import PolicyWords

    from .helpers import policy, t

    pol = policy()
    result = judge_log(pol, read_events(EXAMPLE), t("2026-11-01 00:00"), t("2026-12-01 00:00"))
    report, violations = result.skeleton, result.violations()
    w = PolicyWords([pol], lang, report.period.start.date(), one_year(report))
    whole = {p.key: p.rows for p in sections(report, w, result.incidents, violations, None)}
    for key in ("not-met", "at-risk", "violations"):
        assert whole[key], key
    for limit in range(1, 12):
        capped = {p.key: p.rows for p in sections(report, w, result.incidents, violations, limit)}
        for key in ("not-met", "at-risk", "violations"):
            rows, shown = whole[key], capped[key]
            if len(rows) <= limit:
                assert shown == rows, (key, limit)
            else:
                assert shown[:-1] == rows[:limit], (key, limit)
                assert shown[-1][0] == w.m("report.more", n=f"{len(rows) - limit:,}"), (key, limit)


_BLAS_THREADS = """
import ctypes, os, sys
from sla_dsl import _entry
assert "numpy" not in sys.modules, "numpy imported with the entry module, before its setup"
_entry.main = lambda: print(os.environ.get("OPENBLAS_NUM_THREADS")) or 0  # the command: what numpy sees
sys.argv = ["sla", "check", "policy.sla"]
exit_ = os._exit
os._exit = lambda code: None
_entry.run()
import numpy
libs = sorted({line.split()[-1] for line in open("/proc/self/maps") if "openblas" in line.lower()})
get = next((getattr(ctypes.CDLL(p), n) for p in libs for n in (
    "scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads")
    if hasattr(ctypes.CDLL(p), n)), None)
print(get() if get is not None else "unknown")
sys.stdout.flush()
exit_(0)
"""


@pytest.mark.parametrize(("preset", "threads"), [(None, "1"), ("2", "2")])
def test_the_console_script_starts_openblas_with_one_thread_unless_told(preset: str | None, threads: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if preset is not None:
        env["OPENBLAS_NUM_THREADS"] = preset
    res = subprocess.run([sys.executable, "-c", _BLAS_THREADS], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0, res.stderr
    said, started = res.stdout.split()
    assert said == threads  # what the command's process has, before numpy
    if started == "unknown":
        pytest.skip("numpy's BLAS here is not OpenBLAS")
    assert started == threads  # what OpenBLAS itself started


@pytest.mark.parametrize(("lang", "said"), [("ja", "sla: 中断しました\n"), ("en", "sla: interrupted\n")])
def test_ctrl_c_while_the_modules_load_is_said_without_a_traceback(lang: str, said: str) -> None:
    code = (
        "import sys\nfrom sla_dsl import _entry\n"
        f"sys.argv = ['sla', 'check', {str(POLICY_PATH)!r}, '--lang', {lang!r}]\n"
        "def interrupted():\n    raise KeyboardInterrupt\n"
        "_entry.main = interrupted\n_entry.run()\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert (res.returncode, res.stderr) == (130, said)


def test_a_cached_policy_is_judged_without_the_parser(tmp_path: Path) -> None:
    # the policy compiled once into the cache, then judged from Parquet and from JSON Lines by a process of
    # its own: neither loads lark (the parser and the stages after it), Babel (its place names are for
    # messages on times refused for a missing offset), holidays (its tables, and the mark that it has the
    # calendar's regions, are kept) nor numpy.ma, nor builds the
    # validators of the policy's model (read back from the cache, never validated), a cost of every run
    path = tmp_path / "events.parquet"
    pq.write_table(events_table(_events()), path)
    env = {**os.environ, "SLA_DSL_CACHE": str(tmp_path / "cache")}
    loaded: list[str] = []
    for events in (EXAMPLE, path, EXAMPLE):  # (the first fills the cache)
        code = (
            "import sys\n"
            "from sla_dsl.cli import main\n"
            f"code = main(['evaluate', {str(POLICY_PATH)!r}, {str(events)!r}, *{MONTH!r}])\n"
            "assert code == 0, code\n"
            "print(sorted(m for m in sys.modules\n"
            "             if m.split('.')[0] in ('lark', 'babel', 'holidays') or m == 'numpy.ma'))\n"
            "from sla_dsl.lang.model import PolicyModel\n"
            "print(PolicyModel.__pydantic_complete__)\n"
        )
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env
        )
        assert res.returncode == 0, res.stderr
        loaded.append(" ".join(res.stdout.splitlines()[-2:]))
    assert loaded[1:] == ["[] False", "[] False"], loaded
