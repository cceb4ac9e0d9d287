"""Load test of the web app as it runs (`triage serve`: waitress, 8 threads) on loopback: concurrent clients,
each a mix of a clerk's and an investigator's work, for a fixed time. Prints requests/s, errors and latency
percentiles per kind of request. Not a timed test: figures go in docs/security.md and docs/performance.md.

    .venv/bin/python -m bench.load                        # 8 clients, 60 s, 500 petitions loaded first
    .venv/bin/python -m bench.load --clients 16 --seconds 120 --preload 2000

Kinds of request, drawn at random per client (weights): intake (POST /api/petitions: store, triage, index) 2,
search (GET /api/search, a word and a filter) 4, review (GET /api/petitions?review=1, then GET one petition and
POST an accept) 2, process (POST /api/process, nothing stored) 2. The clients run in this process on the same
machine as the server, so the figures are for both sharing its cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from bench.run import bench_texts, pct
from bench.served import TRIAGE, api_call, make_user, served_app

WORDS = ["低保", "村支书", "补偿款", "危房改造", "扶贫", "挪用", "张某", "村主任"]
DOMAINS = ["social_assistance", "land_compensation", "housing", "poverty_alleviation", None]
KINDS = [("intake", 2), ("search", 4), ("review", 2), ("process", 2)]


class Client(threading.Thread):
    def __init__(self, n: int, base: str, tokens: dict[str, str], texts: list[dict], until: float,
                 results: dict[str, list[tuple[float, int]]], lock: threading.Lock):
        super().__init__(daemon=True)
        self.rng = random.Random(n)
        self.n, self.base, self.tokens, self.texts, self.until = n, base, tokens, texts, until
        self.results, self.lock = results, lock

    def timed(self, kind: str, role: str, method: str, path: str, body=None):
        start = time.perf_counter()
        try:
            status, answer = api_call(self.base, self.tokens[role], method, path, body, timeout=60)
        except OSError as exc:  # refused, reset, timed out: an error, not a crash of the bench
            status, answer = 599, {"error": str(exc)}
        with self.lock:
            self.results[kind].append(((time.perf_counter() - start) * 1000, status))
        return status, answer

    def run(self) -> None:
        i = 0
        while time.monotonic() < self.until:
            i += 1
            kind = self.rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
            row = self.rng.choice(self.texts)
            if kind == "intake":
                self.timed(kind, "clerk", "POST", "/api/petitions",
                           {"text": f"{row['text']}（第{self.n}-{i}次登记）", "channel": "visit"})
            elif kind == "process":
                self.timed(kind, "clerk", "POST", "/api/process", {"id": f"c{self.n}-{i}", "text": row["text"]})
            elif kind == "search":
                query = {"q": self.rng.choice(WORDS), "limit": 20}
                domain = self.rng.choice(DOMAINS)
                if domain:
                    query["domain"] = domain
                self.timed(kind, "investigator", "GET", "/api/search?" + urllib.parse.urlencode(query))
            else:
                status, listing = self.timed(kind, "clerk", "GET", "/api/petitions?review=1&limit=20")
                items = (listing or {}).get("items") or [] if status == 200 else []
                if items:
                    pid = urllib.parse.quote(self.rng.choice(items)["id"], safe="")
                    self.timed(kind, "clerk", "GET", f"/api/petitions/{pid}")
                    self.timed(kind, "clerk", "POST", f"/api/petitions/{pid}/corrections", {"field": "accept"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--preload", type=int, default=500, help="petitions ingested before the clients start")
    parser.add_argument("--data", type=Path, default=None, help="data folder (a temporary one when unset)")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "data"
        texts = bench_texts(max(args.preload, 200))
        batch = Path(tmp) / "preload.jsonl"
        batch.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in texts[:args.preload]),
                         encoding="utf-8")
        subprocess.run([*TRIAGE, "ingest", str(batch), "--data", str(data), "--quiet"], env=env,
                       capture_output=True, timeout=3600)
        tokens = {role: make_user(data, env, f"load_{role}", role) for role in ("clerk", "investigator")}
        results: dict[str, list[tuple[float, int]]] = defaultdict(list)
        lock = threading.Lock()
        with served_app(data, env, Path(tmp) / "serve.log") as base:
            api_call(base, tokens["clerk"], "POST", "/api/process", {"id": "warm", "text": texts[0]["text"]})
            until = time.monotonic() + args.seconds
            start = time.perf_counter()
            clients = [Client(n, base, tokens, texts, until, results, lock) for n in range(args.clients)]
            for client in clients:
                client.start()
            for client in clients:
                client.join()
            elapsed = time.perf_counter() - start

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"{args.clients} clients for {elapsed:.0f} s after {args.preload} petitions preloaded")
    print(f"{'request':10} {'count':>7} {'per s':>7} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    total = errors = 0
    for kind in [k for k, _ in KINDS]:
        rows = results.get(kind) or []
        if not rows:
            continue
        times = [t for t, _ in rows]
        bad = [s for _, s in rows if s >= 500 or s == 429]
        total += len(rows)
        errors += len(bad)
        print(f"{kind:10} {len(rows):7d} {len(rows) / elapsed:7.1f} {len(bad):7d} {pct(times, 0.5):8.1f}"
              f" {pct(times, 0.95):8.1f} {pct(times, 0.99):8.1f}")
    print(f"{'all':10} {total:7d} {total / elapsed:7.1f} {errors:7d}")
    other = sorted({s for rows in results.values() for _, s in rows if s >= 400 and s < 500 and s != 429})
    if other:
        print(f"client errors (4xx) seen: {other}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
