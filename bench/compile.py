"""How long compiling a policy takes: warm in-process, and `sla check` as a whole process.

Run: ``python bench/compile.py [POLICY]``. Prints medians; never used as a test.
Targets (issue: the policy language): parse and compile under 50 ms warm; the
whole `sla check` process under 0.5 s.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from sla_dsl.lang.parser import parse_tree
from sla_dsl.policy import compile_path, compile_text

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: object, n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append(time.perf_counter() - t)
    return out


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "policies" / "clicksoko.sla"
    text = path.read_text("utf-8")
    compile_path(path)  # warm: parser tables, holiday data, regexes
    parse = statistics.median(timed(lambda: parse_tree(text), 30))
    full = statistics.median(timed(lambda: compile_text(text, str(path)), 30))
    print(f"policy: {path.name} ({len(text.splitlines())} lines)")
    print(f"parse only (warm):                 {parse * 1000:7.1f} ms")
    print(f"parse + build + check (warm):      {full * 1000:7.1f} ms   target < 50 ms")
    runs = []
    for _ in range(7):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "sla_dsl._entry", "check", str(path)], capture_output=True)
        runs.append(time.perf_counter() - t)
        assert proc.returncode == 0, proc.stderr.decode()
    print(f"`sla check` process (median of 7): {statistics.median(runs) * 1000:7.1f} ms   target < 500 ms")
    startup = []
    for _ in range(7):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        startup.append(time.perf_counter() - t)
    print(f"  of which bare interpreter start: {statistics.median(startup) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
