"""``from sla_dsl.reader import read_events`` in two threads of a process starting up (a service's workers
importing on their first request): both get the readers.

``sla_dsl.reader`` puts the readers' module in its own place once imported. A thread that imports it
while another thread is importing it first waits for that import, then holds the module object the other
thread is running, not the one put in its place: it must find the readers' names there too.
"""

from __future__ import annotations

import subprocess
import sys

#: Thread A imports ``sla_dsl.reader``; the import of the readers it runs is held a moment (a finder that
#: waits), so that thread B asks for ``sla_dsl.reader`` meanwhile.
RACE = """
import sys, threading, time
import sla_dsl

inside = threading.Event()

class Slow:
    def find_spec(self, name, path=None, target=None):
        if name == "sla_dsl.events.reader" and threading.current_thread().name == "A":
            inside.set()
            time.sleep(0.5)  # (thread B asks for sla_dsl.reader meanwhile, and waits for this import)
        return None

sys.meta_path.insert(0, Slow())
got = {}

def a():
    import sla_dsl.reader as r
    got["A"] = r.read_events

def b():
    try:
        from sla_dsl.reader import read_events
        got["B"] = read_events
    except ImportError as exc:
        got["B"] = exc

first = threading.Thread(target=a, name="A")
first.start()
inside.wait(10)
second = threading.Thread(target=b, name="B")
second.start()
first.join()
second.join()
from sla_dsl.events.reader import read_events
print(got["A"] is read_events, got["B"] is read_events, repr(got["B"])[:200])
"""


def test_a_thread_importing_the_readers_while_another_does_gets_them() -> None:
    out = subprocess.run([sys.executable, "-c", RACE], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.split()[:2] == ["True", "True"], out
