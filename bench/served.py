"""`triage serve` in a child process on a free loopback port, for the load bench and the tests that need the
app as it really runs (waitress, threads, its own process)."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TRIAGE = [sys.executable, "-m", "triage.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served_app(data_dir: Path, env: dict[str, str], log_path: Path, *, startup_s: float = 120) -> Iterator[str]:
    """Start `triage serve --data DATA_DIR`, wait until /login answers, yield the base URL, stop it."""
    port = free_port()
    with Path(log_path).open("w", encoding="utf-8") as log:
        server = subprocess.Popen([*TRIAGE, "serve", "--data", str(data_dir), "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_s
        while True:
            try:
                urllib.request.urlopen(f"{base}/login", timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"triage serve did not start: {Path(log_path).read_text()[-2000:]}") from None
                time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def api_call(base: str, token: str, method: str, path: str, body: Any = None,
             timeout: float = 60) -> tuple[int, Any]:
    """(status, decoded JSON) of one API request with a bearer token; HTTP errors are returned, not raised."""
    data = None if body is None else json.dumps(body, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def make_user(data_dir: Path, env: dict[str, str], name: str, role: str) -> str:
    """Add a user with ROLE and return a fresh API token for it."""
    subprocess.run([*TRIAGE, "user", "add", name, "--role", role, "--password", f"pw-{name}-2026",
                    "--data", str(data_dir)], check=True, env=env, capture_output=True, timeout=120)
    out = subprocess.run([*TRIAGE, "user", "token", name, "--data", str(data_dir)], check=True, env=env,
                         capture_output=True, text=True, timeout=120)
    return out.stdout.strip().split()[-1]
