"""How fast is the embedded search index? A script printing figures, not a timed test.

    .venv/bin/python bench/search_bench.py --n 100000

Petitions come from the project's generator (corpora/generate.py, split ``bench``); their ``result`` is
made from the generator's gold facts (no NLP runs: the figure is the indexer's own cost, segmentation
and MinHash included). Reported: build time of a full ``rebuild`` (petitions/s), index size, and median
and p95 latency of a one-word query, a two-word query with two filters, and a facet query (an empty
query under one filter: hits by date and the five facets), plus a person record and a related lookup.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpora.generate import generate_petitions  # noqa: E402
from indexer import SearchQuery, open_index  # noqa: E402
from indexer.segment import segment  # noqa: E402

WORDS = [
    "低保",
    "危房改造",
    "补偿款",
    "村支书",
    "冒领",
    "贪污",
    "工程",
    "扶贫",
    "宅基地",
    "公款吃喝",
    "营养餐",
    "征地",
    "虚报",
    "村会计",
    "镇长",
    "集体",
    "补贴",
    "好处费",
    "医保",
    "挪用",
]
STATUSES = ("new", "reviewed", "closed")


def record_from_gold(item: dict[str, Any], number: int) -> dict[str, Any]:
    """A store record whose ``result`` is built from the generator's gold facts."""
    text = item["text"]
    gold = item["gold"]
    persons = []
    for person in gold["persons"]:
        start = text.find(person["name"]) if person.get("name") else -1
        persons.append({**person, "mentions": [[start, start + len(person["name"])]] if start >= 0 else []})
    amounts = []
    for amount in gold["amounts"]:
        start = max(text.find(amount["text"]), 0)
        amounts.append(
            {
                **amount,
                "low": amount["value"],
                "high": amount["value"],
                "start": start,
                "end": start + len(amount["text"]),
            }
        )
    places = [
        {
            "text": (p.get("township") or "") + (p.get("village") or ""),
            "province": None,
            "city": None,
            "county": None,
            "township": p.get("township"),
            "village": p.get("village"),
            "start": 0,
            "end": 0,
        }
        for p in gold["places"]
    ]
    domains = [{"code": code, "score": round(0.9 - 0.2 * i, 2)} for i, code in enumerate(item["domains"])]
    result = {
        "id": item["id"],
        "kind": item["kind"],
        "primary_domain": item["domain"],
        "domains": domains,
        "persons": persons,
        "amounts": amounts,
        "places": places,
        "dates": [],
        "route": {
            **gold["route"],
            "reason": "",
            "review": False,
            "deadline_accept": None,
            "deadline_conclude": None,
        },
    }
    return {
        "id": item["id"],
        "text": text,
        "title": None,
        "channel": item.get("channel"),
        "received_at": item.get("received_at"),
        "stored_at": "2026-06-01T00:00:00+00:00",
        "status": STATUSES[number % 3],
        "result": result,
    }


def measure(name: str, runs: list[float]) -> None:
    runs_ms = sorted(r * 1000 for r in runs)
    p95 = runs_ms[min(len(runs_ms) - 1, int(round(0.95 * len(runs_ms))) - 1)]
    print(
        f"{name:<44} median {statistics.median(runs_ms):6.1f} ms   p95 {p95:6.1f} ms   ({len(runs_ms)} runs)"
    )


def timed(index, query: SearchQuery) -> tuple[float, int]:
    start = time.perf_counter()
    result = index.search(query)
    return time.perf_counter() - start, result.total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="petitions to index")
    parser.add_argument("--seed", type=int, default=7, help="generator seed")
    parser.add_argument("--runs", type=int, default=200, help="runs per query kind")
    parser.add_argument("--data", type=Path, default=None, help="data folder (default: a temporary one)")
    args = parser.parse_args()

    start = time.perf_counter()
    records = [
        record_from_gold(item, i)
        for i, item in enumerate(generate_petitions(args.n, args.seed, split="bench"))
    ]
    chars = sum(len(r["text"]) for r in records)
    print(
        f"generated {len(records)} petitions ({chars / len(records):.0f} characters each on average) "
        f"in {time.perf_counter() - start:.1f} s (not counted)"
    )
    segment("预热")  # build the analyzer once (about 3 s), not counted

    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        index = open_index(data)
        start, cpu_start = time.perf_counter(), time.process_time()
        count = index.rebuild(records)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        size = sum(p.stat().st_size for p in (data / "index").rglob("*") if p.is_file())
        print(
            f"build (rebuild of {count} petitions)              {elapsed:6.1f} s   "
            f"{count / elapsed:8.0f} petitions/s"
        )
        print(
            f"build, CPU time of this process (all threads) {cpu:6.1f} s   {count / cpu:8.0f} petitions/CPU-s"
        )
        print(
            f"load average during the run                   {' '.join(f'{x:.1f}' for x in os.getloadavg())} "
            f"on {os.cpu_count()} cores"
        )
        print(
            f"index size                                   {size / 2**20:6.1f} MiB   "
            f"({size / count:.0f} bytes per petition)"
        )

        rng = random.Random(args.seed)
        domains = sorted({r["result"]["primary_domain"] for r in records})
        accused = [
            p
            for r in records
            for p in r["result"]["persons"]
            if p["party"] == "accused" and p.get("name") and "某" not in p["name"]
        ]
        for word in WORDS[:5]:  # warm caches
            index.search(SearchQuery(text=word))

        word_runs, totals = [], []
        for _ in range(args.runs):
            seconds, total = timed(index, SearchQuery(text=rng.choice(WORDS)))
            word_runs.append(seconds)
            totals.append(total)
        measure(f"one word (median {statistics.median(totals):.0f} hits)", word_runs)

        two_runs, totals = [], []
        for _ in range(args.runs):  # two words of one petition, filtered by its township and domain
            record = rng.choice([r for r in rng.sample(records, 20) if r["result"]["places"]] or records)
            words = [w for w in segment(record["text"]) if len(w) >= 2 and w.isalpha()] or ["反映", "问题"]
            first, second = rng.sample(words, 2) if len(words) >= 2 else (words[0], words[0])
            township = next((p["township"] for p in record["result"]["places"] if p["township"]), None)
            query = SearchQuery(
                text=f"{first} {second}", township=township, domain=record["result"]["primary_domain"]
            )
            seconds, total = timed(index, query)
            two_runs.append(seconds)
            totals.append(total)
        measure(f"two words + township + domain (median {statistics.median(totals):.0f})", two_runs)

        facet_runs, totals = [], []
        for _ in range(args.runs):
            seconds, total = timed(index, SearchQuery(domain=rng.choice(domains)))
            facet_runs.append(seconds)
            totals.append(total)
        measure(f"facets: empty query + domain (median {statistics.median(totals):.0f})", facet_runs)

        everything = [timed(index, SearchQuery())[0] for _ in range(max(10, args.runs // 10))]
        measure("facets over every petition", everything)

        person_runs = []
        for _ in range(max(10, args.runs // 4)):
            person = rng.choice(accused)
            start = time.perf_counter()
            index.person_record(person["name"])
            person_runs.append(time.perf_counter() - start)
        measure("person record", person_runs)

        related_runs = []
        for _ in range(max(10, args.runs // 4)):
            start = time.perf_counter()
            index.related(rng.choice(records)["id"])
            related_runs.append(time.perf_counter() - start)
        measure("related (shared accused, near-duplicates)", related_runs)
        index.close()


if __name__ == "__main__":
    main()
