"""A SIGHUP while ``sla serve`` starts is remembered and the policy files are reloaded once it is ready
(a QA report): ``systemctl reload`` (the unit's ``ExecReload=/bin/kill -HUP $MAINPID``) during a slow start
stopped the service instead (exit 129, ``sla: stopped by SIGHUP``).

The service runs as a real process, its start held at a known point by the test (no timing): a wrapper
makes the step wait for a file the test writes once it has sent the signal, so the signal arrives while
the service is being built, whatever the machine's speed. Two points: while the policy files are read
(before the service exists) and while the database is migrated (the service being built).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from .conftest import POLICY, wait_for

#: The wrapper: ``sla`` with one step of the start held until the file ``go`` exists (``ready`` written first).
WRAPPER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    where, ready, go, *argv = sys.argv[1:]

    def held(step):
        def run(*args, **kwargs):
            Path(ready).write_text("starting")
            while not os.path.exists(go):
                time.sleep(0.01)
            return step(*args, **kwargs)
        return run

    if where == "policies":
        import sla_dsl.cli.serve as cli_serve
        cli_serve.load_policies = held(cli_serve.load_policies)
    else:
        from sla_dsl.serve.store import Store
        Store.migrate = held(Store.migrate)
    from sla_dsl.cli.app import main
    sys.exit(main(argv))
    """
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP on this system")
@pytest.mark.parametrize("where", ["policies", "database"])
def test_a_sighup_during_the_start_reloads_once_ready(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "policies"
    folder.mkdir()
    text = POLICY.read_text("utf-8")
    (folder / "clicksoko.sla").write_text(text, "utf-8")
    wrapper = tmp_path / "wrapper.py"
    wrapper.write_text(WRAPPER, "utf-8")
    ready, go = tmp_path / "ready", tmp_path / "go"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    cmd = [sys.executable, str(wrapper), where, str(ready), str(go), "serve", str(folder), "--db", db]
    env = {**os.environ, "LC_ALL": "C.UTF-8", "NO_COLOR": "1"}
    proc = subprocess.Popen([*cmd, "--port", str(port)], stderr=subprocess.PIPE, text=True, env=env)
    try:
        wait_for(lambda: ready.exists() or proc.poll() is not None, "the start to reach the held step")
        assert proc.poll() is None, proc.communicate()[1]
        # a new version added to the folder, then `systemctl reload` while the service is still starting
        later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
        new = text.replace('version "2026.1"', 'version "2099.1"').replace("effective 2026-04-01", f"effective {later}")
        (folder / "later.sla").write_text(new, "utf-8")
        proc.send_signal(signal.SIGHUP)
        go.write_text("go")

        def versions() -> list[str] | None:
            assert proc.poll() is None, f"sla serve ended (exit {proc.returncode}): {proc.communicate()[1]}"
            try:
                return [v["version"] for v in httpx.get(f"{url}/policies").json()["versions"]]
            except httpx.TransportError:
                return None

        # not stopped: it serves, and the reload the signal asked for has added the new version (or the start
        # read it, when the signal came while the files were being read)
        wait_for(lambda: "2099.1" in (versions() or []), "the version the reload adds")
        assert versions() == ["2026.1", "2099.1"]
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "stopped by SIGHUP" not in err
    # said in the policy's language (clicksoko.sla: `languages ja, en`)
    assert "起動中に `SIGHUP` を受けました。準備ができたので、ポリシーのファイルを読み直します" in err
    if where == "database":  # (held while reading the files, the start reads the new one itself)
        assert "版 `2099.1` を加えました" in err
