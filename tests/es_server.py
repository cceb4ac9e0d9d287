"""An Elasticsearch-compatible server for the indexer tests: the osmem in-memory OpenSearch emulator
(PyPI ``osmem-server``), started on 127.0.0.1 on a free port, or a real cluster named by
``TRIAGE_TEST_ES_URL``. Used by tests/test_indexer_search.py; not a conftest, so nothing starts unless an
Elasticsearch-backed test runs."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager

STARTUP_TIMEOUT_S = 20.0
REAL_CLUSTER_ENV = "TRIAGE_TEST_ES_URL"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def emulator() -> Iterator[str]:
    """The URL of a running emulator, stopped (stdin closed, then killed) on exit. The server also
    exits by itself when this process dies (it watches our pid). Raises OsmemError when it cannot start."""
    from osmem_server import OsmemServer

    server = OsmemServer.start(
        japanese=False, addr=f"127.0.0.1:{free_port()}", startup_timeout=STARTUP_TIMEOUT_S
    )
    try:
        yield server.url
    finally:
        server.close(grace=2.0)
        if server.process.stdout is not None:  # the launcher leaves its pipe open
            server.process.stdout.close()


def real_cluster_url() -> str | None:
    return os.environ.get(REAL_CLUSTER_ENV) or None
