"""Run fuzz inputs through the ``sla`` command in this process and judge every outcome.

Design notes
------------
- **In-process, guarded.** Each command is ``sla_dsl.cli.app.main(argv)`` with
  stdout and stderr redirected to memory: a thousand runs cost what a thousand
  subprocess start-ups would cost for ten. Two guards make that safe. A
  per-command deadline (``SLA_FUZZ_DEADLINE``, 20 s) is a ``SIGALRM`` timer
  whose handler raises :class:`Hang`, a ``BaseException`` so that ``main``'s
  ``except Exception`` (exit 3) cannot swallow it; it detects an endless loop,
  it is not a speed limit. A memory guard lowers ``RLIMIT_AS`` to what the
  process already uses plus ``SLA_FUZZ_MEMORY_MB`` (2048) for the command, so
  that runaway allocation ends as a ``MemoryError`` (exit 3, a finding) rather
  than the machine's OOM killer. Where either is unavailable (no ``SIGALRM``,
  not the main thread, no ``resource``) the run goes unguarded.
  No subprocess is needed for the commands fuzzed here; the language server,
  whose framing only a real pipe exercises, is driven over stdio by
  ``tests/reliability/test_lsp_stdio.py``.
- **What is a finding.** Exit status other than 0 or 1 (the fuzzer's
  arguments are always well-formed, so 2 is a finding too), the words
  ``Traceback`` or ``internal error`` on either stream, an exit 1 with nothing
  said on stderr (except from ``test``, ``fmt --check`` and ``diff``, whose
  failing checks are their output), or a :class:`Hang`.
- **Findings are kept.** The input, a ``.corpus`` copy of it that names its
  commands on ``# fuzz:`` lines, and a note saying what failed and how to rerun
  it by hand are written to ``SLA_FUZZ_SAVE`` or to ``fuzz-failures`` under
  pytest's temporary folder; to make a finding a regression case, copy the
  ``.corpus`` file into ``tests/fuzz/corpus/`` (see its README). With
  ``SLA_FUZZ_COLLECT=1`` nothing fails: every finding is saved and counted,
  and the summary lists them by signature (a survey of a long run).
- **Known findings.** A bug already filed (an item of issue 17 not fixed yet)
  is a corpus entry with an ``xfail(strict=True)`` mark naming the item, and a
  pattern matching its :attr:`Outcome.signature`. Generated inputs that match
  it are counted, not failed, so the suite stays green while the fix is under
  way; when the fix lands the corpus entry passes, its strict mark turns the
  suite red, and removing the entry removes the pattern with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shlex
import signal
import threading
import time
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from sla_dsl.cli.app import main

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "policies" / "clicksoko.sla"
LOG = ROOT / "examples" / "events-2026-11.jsonl"
#: A policy with attributes and `when` on priorities, notify rules and availability targets (issue 13).
PLANS = ROOT / "policies" / "examples" / "plans.sla"
CORPUS = Path(__file__).resolve().parent / "corpus"

#: The whole fuzz run's time box in seconds (corpus replay, then generation).
SECONDS = float(os.environ.get("SLA_FUZZ_SECONDS", "120"))
#: A command running longer than this is reported as a hang (a detector, never a speed assertion).
DEADLINE = float(os.environ.get("SLA_FUZZ_DEADLINE", "20"))
#: Address space one command may add to the process before it gets a MemoryError.
MEMORY_MB = int(os.environ.get("SLA_FUZZ_MEMORY_MB", "2048"))
#: Hypothesis shrinking of a failing generated input (off by default: a hang shrinks slowly).
SHRINK = os.environ.get("SLA_FUZZ_SHRINK", "") not in ("", "0")
#: Survey mode: save and count every finding, fail nothing (to list what a long run meets).
COLLECT = os.environ.get("SLA_FUZZ_COLLECT", "") not in ("", "0")


class Hang(BaseException):
    """A command ran past :data:`DEADLINE`; carries the innermost frames at that moment."""


@dataclass
class Outcome:
    """What one ``sla`` command did."""

    argv: list[str]
    code: int
    stdout: bytes
    stderr: str
    seconds: float
    hang: str | None = None

    @property
    def problem(self) -> str | None:
        """Why this outcome is a finding, or ``None`` when it is a proper success or a proper refusal."""
        if self.hang is not None:
            return f"no answer after {DEADLINE:g} s (hang detector) in {self.hang}"
        text = self.stderr + self.stdout.decode("utf-8", "replace")
        if "Traceback (most recent call last)" in text:
            return "a traceback reached the user"
        if self.code not in (0, 1, 2):  # 2: wrong usage (a flag's value), said on stderr as a refusal
            return f"exit status {self.code}"
        if "internal error" in self.stderr:
            return "an internal error was reported"
        if self.code == 2 and not self.stderr.strip():
            return "exit status 2 with nothing said on stderr"
        if self.code == 1 and not self.stderr.strip() and self.argv[:1] not in (["test"], ["fmt"], ["diff"]):
            return "exit status 1 with nothing said on stderr"
        return None

    @property
    def signature(self) -> str:
        """A one-line summary used to match known findings: command, problem, error line; numbers as ``N``."""
        lines = [ln for ln in self.stderr.splitlines() if "internal error" in ln or "Traceback" in ln]
        detail = lines[0] if lines else (self.stderr.strip().splitlines() or [""])[-1]
        detail = re.sub(r"\(this is a bug in sla.*", "", detail)
        text = f"{self.argv[0] if self.argv else ''}: {self.problem}: {detail}"
        return re.sub(r"\d+", "N", text)[:300]


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise :class:`Hang` in this thread after ``seconds`` (a no-op where SIGALRM is unavailable)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def on_alarm(_signum: int, frame: FrameType | None) -> None:
        stack = traceback.extract_stack(frame)
        ours = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack if "sla_dsl" in f.filename]
        raise Hang(" < ".join(reversed(ours[-4:])) or "code outside sla_dsl")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _address_space() -> int | None:
    """Bytes of address space this process uses now (Linux), or ``None``."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


@contextlib.contextmanager
def _memory_guard(extra_mb: int) -> Iterator[None]:
    """Lower the soft address-space limit to current use + ``extra_mb`` for the block."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    used = _address_space()
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if used is None or extra_mb <= 0:
        yield
        return
    limit = used + extra_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    if soft != resource.RLIM_INFINITY:
        limit = min(limit, soft)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run_sla(argv: Sequence[str]) -> Outcome:
    """Run ``sla ARGV`` in this process, guarded; capture its exit status and output."""
    out = io.BytesIO()
    text_out = io.TextIOWrapper(out, encoding="utf-8", errors="backslashreplace", write_through=True)
    err = io.StringIO()
    hang: str | None = None
    code = -1
    started = time.monotonic()
    with contextlib.redirect_stdout(text_out), contextlib.redirect_stderr(err):
        try:
            with _memory_guard(MEMORY_MB), _deadline(DEADLINE):
                code = main(list(argv))
        except Hang as exc:
            hang = str(exc)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    with contextlib.suppress(ValueError):
        text_out.flush()
    return Outcome(list(argv), code, out.getvalue(), err.getvalue(), time.monotonic() - started, hang)


# -- counting and saving --------------------------------------------------------------------------


@dataclass
class Stats:
    """What the fuzz run tried, for the one-line summary."""

    policies: int = 0
    logs: int = 0
    corpus: int = 0
    commands: int = 0
    started: float = field(default_factory=time.monotonic)
    #: When the last fuzz test ended (the summary is printed after the whole session).
    ended: float | None = None

    def seconds(self) -> float:
        """How long the fuzz tests ran, corpus replay included."""
        return (self.ended or time.monotonic()) - self.started

    known: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    exits: Counter[tuple[str, int]] = field(default_factory=Counter)

    def line(self) -> str:
        """``fuzz: N policies, M logs, T s`` plus the corpus and the known findings seen."""
        text = (
            f"fuzz: {self.policies} policies, {self.logs} logs, {self.seconds():.0f} s "
            f"({self.corpus} corpus cases, {self.commands} commands)"
        )
        if self.known:
            text += "; known findings met: " + ", ".join(f"{k} x{n}" for k, n in sorted(self.known.items()))
        if COLLECT:
            text += "; exit statuses: " + ", ".join(f"{c} {k}: {n}" for (c, k), n in sorted(self.exits.items()))
        if self.found:
            text += f"; {sum(self.found.values())} findings saved in {save_dir()}:\n" + "\n".join(
                f"  {n:4d} x {sig}" for sig, n in self.found.most_common()
            )
        return text


STATS = Stats()


@dataclass(frozen=True)
class Known:
    """A finding already filed: which item of the issue it is, and a pattern on :attr:`Outcome.signature`."""

    item: str
    pattern: str

    def matches(self, outcome: Outcome) -> bool:
        """Whether ``outcome`` is this finding."""
        return re.search(self.pattern, outcome.signature) is not None


def save_dir() -> Path:
    """Where findings are written: ``SLA_FUZZ_SAVE``, else ``fuzz-failures`` in pytest's temp folder."""
    configured = os.environ.get("SLA_FUZZ_SAVE")
    folder = Path(configured) if configured else _BASETEMP[0] / "fuzz-failures"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_BASETEMP: list[Path] = [Path(os.environ.get("TMPDIR", "/tmp"))]


def set_basetemp(path: Path) -> None:
    """Tell the harness pytest's temporary folder (the default place for findings)."""
    _BASETEMP[0] = path


def save_finding(
    data: bytes,
    suffix: str,
    commands: Sequence[Sequence[str]],
    outcome: Outcome,
    problem: str | None = None,
    ready: bytes | None = None,
) -> Path:
    """Write a failing input, a corpus-ready copy (``ready``) and a note on how to rerun it; return the input's path."""
    digest = hashlib.sha1(data).hexdigest()[:12]
    folder = save_dir()
    path = folder / f"finding-{digest}{suffix}"
    path.write_bytes(data)
    if ready is not None:
        path.with_name(f"finding-{digest}.corpus{suffix}").write_bytes(ready)
    steps = "\n".join("sla " + shlex.join(fill(c, path)) for c in commands)
    note = (
        f"{problem or outcome.problem}\n\ncommand: sla {shlex.join(outcome.argv)}\nexit status: {outcome.code}\n"
        f"stderr (first 2000 characters):\n{outcome.stderr[:2000]}\n\n"
        f"the commands run on this input:\n{steps}\n\n"
        f"to keep it as a regression case (the copy names its commands on # fuzz: lines):\n"
        f"  cp {path.with_name(f'finding-{digest}.corpus{suffix}')} tests/fuzz/corpus/NNN-short-name{suffix}\n"
    )
    path.with_suffix(suffix + ".txt").write_text(note, encoding="utf-8")
    return path


def fill(command: Sequence[str], file: Path) -> list[str]:
    """A command template with ``{file}``, ``{policy}``, ``{plans}`` and ``{log}`` replaced by paths."""
    values = {"{file}": str(file), "{policy}": str(POLICY), "{log}": str(LOG), "{plans}": str(PLANS)}
    return [values.get(arg, arg) for arg in command]


class Finding(AssertionError):
    """A fuzz input made ``sla`` misbehave; the message says how and where the input was saved."""
