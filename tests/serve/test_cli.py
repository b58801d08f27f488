"""``sla serve`` on the command line: usage, refusals and warnings, a real server, SIGHUP."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from .conftest import POLICY, wait_for
from .test_api import reported

ROOT = Path(__file__).resolve().parents[2]


def sla(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sla_dsl._entry", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_usage_is_exit_2() -> None:
    r = sla("serve")
    assert r.returncode == 2 and "POLICY" in r.stderr


def test_refusals_are_one_line_and_exit_1_or_2(tmp_path: Path) -> None:
    missing = sla("serve", str(POLICY), "--token-file", str(tmp_path / "none"), "--lang", "en")
    assert missing.returncode == 1 and "cannot read the token file" in missing.stderr
    assert "Traceback" not in missing.stderr
    short = tmp_path / "short"
    short.write_text("abc\n")
    assert "at least 16 characters" in sla("serve", str(POLICY), "--token-file", str(short), "--lang", "en").stderr
    hook = sla("serve", str(POLICY), "--webhook", "file:///etc/passwd", "--lang", "en")
    assert hook.returncode == 2 and "is not an http:// or https:// URL" in hook.stderr  # a flag's value: usage
    # a --db that names no database this service uses is a flag's value that is not valid: usage, exit 2
    db = sla("serve", str(POLICY), "--db", "mysql://x", "--lang", "en")
    assert db.returncode == 2 and "unsupported database URL `mysql:...`" in db.stderr


def test_warns_beyond_loopback_without_a_token(tmp_path: Path) -> None:
    # The database cannot be opened, so it stops once it listens: only the warning is checked (said once the
    # address is bound: a free port).
    db = f"sqlite:///{tmp_path}/no/such/dir/x.db"
    r = sla("serve", str(POLICY), "--host", "0.0.0.0", "--port", str(_free_port()), "--db", db, "--lang", "en")
    assert "sla: warning: listening on 0.0.0.0 without --token-file" in r.stderr
    assert r.returncode == 1 and "cannot open the database" in r.stderr and "Traceback" not in r.stderr


def test_serves_and_reloads_on_sighup(tmp_path: Path) -> None:
    policies = tmp_path / "policies"
    policies.mkdir()
    text = POLICY.read_text("utf-8")
    (policies / "v1.sla").write_text(text, "utf-8")
    token = tmp_path / "token"
    token.write_text("a-long-enough-token-123\n")
    port = _free_port()
    db = f"sqlite:///{tmp_path / 'sla.db'}"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sla_dsl._entry",
            "serve",
            str(policies),
            "--port",
            str(port),
            "--db",
            db,
            "--token-file",
            str(token),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _up(url), "the server", 60)
        auth = {"Authorization": "Bearer a-long-enough-token-123"}
        assert (
            httpx.post(url + "/events", json=reported("S-1", "2026-11-27T16:00:00+09:00"), headers=auth).status_code
            == 200
        )
        v2 = text.replace('version "2026.1"', 'version "2099.1"').replace(
            "effective 2026-04-01", "effective 2099-01-01"
        )
        (policies / "v2.sla").write_text(v2, "utf-8")
        os.kill(proc.pid, signal.SIGHUP)
        versions = lambda: [v["version"] for v in httpx.get(url + "/policies").json()["versions"]]  # noqa: E731
        wait_for(lambda: versions() == ["2026.1", "2099.1"], "the reloaded version")
    finally:
        err = _stop(proc)
    assert proc.returncode == 0, err  # SIGTERM: a clean shutdown
    # (said in the policy's primary language, as a reload's other lines)
    assert "版 `2099.1` を加えました（適用開始日 2099年1月1日(木)）" in err and "Traceback" not in err


def test_clock_skew_is_0_to_a_day(tmp_path: Path) -> None:
    for skew in ("-1", "86401"):
        r = sla("serve", str(POLICY), "--clock-skew", skew, "--db", f"sqlite:///{tmp_path / 'sla.db'}")
        assert r.returncode == 2 and f"`{skew}`" in r.stderr and "Traceback" not in r.stderr


def test_a_port_past_65535_is_refused(tmp_path: Path) -> None:
    for port in ("65536", "99999"):
        r = sla("serve", str(POLICY), "--port", port, "--db", f"sqlite:///{tmp_path / 'sla.db'}")
        assert r.returncode == 2 and f"`{port}`" in r.stderr and "Traceback" not in r.stderr


#: A response target of one minute on a 24-hour calendar: an incident reported five minutes ago is due
#: already, so its alerts fire as soon as it is stored.
MINUTE = """sla "Minute" {
  format 1
  version "1"
  effective 2026-01-01
  timezone Asia/Tokyo
  languages ja, en
}

calendar always "終日" / "All day" {
  days mon..sun
  hours 00:00-24:00
}

clock response "起算点" / "Start of the clock" {
  starts at incident.reported
  at risk at 50% of target
}

priority P1 "優先度1" / "Priority 1" {
  respond within 1 always minute
}
"""


def test_the_log_never_shows_a_webhook_s_secret(tmp_path: Path) -> None:
    # httpx logs each request it sends at INFO with its whole URL; the service's log said it too
    import datetime as dt
    import http.server
    import threading

    got: list[bytes] = []

    class Hook(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            got.append(self.rfile.read(int(self.headers.get("content-length", 0))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    hook = http.server.HTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    secret = f"http://user:pa55word@127.0.0.1:{hook.server_address[1]}/hook?token=t0ken"
    policy = tmp_path / "minute.sla"
    policy.write_text(MINUTE, "utf-8")
    port = _free_port()
    argv = ["serve", str(policy), "--port", str(port), "--db", f"sqlite:///{tmp_path / 'sla.db'}", "--webhook", secret]
    proc = subprocess.Popen(
        [sys.executable, "-m", "sla_dsl._entry", *argv], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _up(url), "the server", 60)
        at = (dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)).isoformat(timespec="seconds")
        event = {"event": "incident.reported", "at": at, "id": "L-1", "priority": "P1"}
        assert httpx.post(url + "/events", json=event).status_code == 200
        wait_for(lambda: len(got) >= 2, "the at-risk and breach alerts at the webhook")
    finally:
        err = _stop(proc)
        hook.shutdown()
    assert "案件 `L-1` の応答（未達" in err  # (the service's own log is still there, in the policy's language)
    assert "pa55word" not in err and "t0ken" not in err and "HTTP Request" not in err


def _stop(proc: subprocess.Popen[str]) -> str:
    """Stop a server with SIGTERM (killed if it has not stopped in 30 s); what it wrote on stderr."""
    proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return str(err)


def _up(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=1).status_code == 200
    except httpx.HTTPError:
        time.sleep(0.1)
        return False


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port
