"""No petition text and no person's name in the logs at INFO or above: `triage process`, `triage ingest`
(with a bad line among good ones) and the web app under `triage serve`, all at `-v` (INFO), from stderr."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import write_jsonl

TRIAGE = [sys.executable, "-m", "triage.cli"]
PETITIONS = [
    {"id": "log-1", "channel": "letter", "received_at": "2026-03-01",
     "text": "我叫周秀英，电话13912345678。反映东关镇柳树村村支书马国梁侵占危房改造补助款2万元。"},
    {"id": "log-2", "channel": "web", "received_at": "2026-03-02",
     "text": "举报人：钱文斌。枫林乡上坪村村主任邓建华冒领低保金3000余元。"},
]
SECRETS = ["周秀英", "钱文斌", "马国梁", "邓建华", "13912345678", "危房改造补助款", "冒领低保金"]


def run(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*TRIAGE, "-v", *args], capture_output=True, text=True, env=env, timeout=300,
                          **kwargs)


def leaks(output: str) -> list[str]:
    """The secrets found in a log, as written or percent-encoded (a logged request line is encoded)."""
    return [s for s in SECRETS if s in output or urllib.parse.quote(s) in output]


@pytest.fixture
def env(tmp_path, tiny_model_dir):
    return {**os.environ, "TRIAGE_MODEL_DIR": str(tiny_model_dir), "TRIAGE_DATA_DIR": str(tmp_path / "data")}


@pytest.mark.slow
def test_process_and_ingest_log_no_text_or_names(tmp_path, env):
    path = write_jsonl(tmp_path / "in.jsonl", PETITIONS)
    with path.open("a", encoding="utf-8") as f:
        f.write('{"id": "log-bad", "text": "马国梁又一次…\n')  # broken JSON: its error must not echo the text
    processed = run(["process", str(path)], env)
    assert processed.returncode == 1  # the broken line
    assert "马国梁" in processed.stdout  # the output holds the extraction; the log does not
    assert leaks(processed.stderr) == []
    ingested = run(["ingest", str(path), "--data", str(tmp_path / "data")], env)
    assert ingested.returncode == 1
    assert "log-bad" in ingested.stderr or "line 3" in ingested.stderr  # the failure is named
    assert leaks(ingested.stderr) == []


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_web_app_logs_no_search_words_or_names(tmp_path, env):
    data = tmp_path / "data"
    path = write_jsonl(tmp_path / "in.jsonl", PETITIONS)
    assert run(["ingest", str(path), "--data", str(data)], env).returncode == 0
    assert run(["user", "add", "inv", "--role", "investigator", "--password", "pw-for-logs-1", "--data",
                str(data)], env).returncode == 0
    token = run(["user", "token", "inv", "--data", str(data)], env).stdout.strip().split()[-1]
    port = free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen([*TRIAGE, "-v", "serve", "--data", str(data), "--port", str(port)],
                                  stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/login", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        for word in ("马国梁", "周秀英", "13912345678"):
            request = urllib.request.Request(f"{base}/api/search?q={urllib.parse.quote(word)}",
                                             headers={"Authorization": f"Bearer {token}"})
            with urllib.request.urlopen(request, timeout=30) as response:
                assert response.status == 200
        request = urllib.request.Request(f"{base}/api/petitions/log-1",
                                         headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            assert "马国梁" in response.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = log_path.read_text(encoding="utf-8")
    assert "serving on" in output  # the log was captured
    assert leaks(output) == [], output[-2000:]


def test_secrets_are_really_in_the_petitions():
    """The test above could not fail if the petitions did not hold what it looks for."""
    texts = "".join(p["text"] for p in PETITIONS)
    assert all(s in texts for s in SECRETS)
    assert Path(__file__).exists()
