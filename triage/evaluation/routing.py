"""Routing evaluation: route gold petitions (the corpus format, `gold.route.unit`) and count what is right.

Also home of ``detect_task``, which tells `triage evaluate` what a gold file measures.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from triage.errors import InputError
from triage.service import Pipeline, parse_petition


def detect_task(path: Path) -> str:
    """'route' for corpus files with gold routes, 'extract' for gold persons/amounts or NER files,
    'classify' for labelled texts."""
    name = Path(path).name
    if name.endswith((".txt", ".json")) and not name.endswith(".jsonl"):
        return "extract"
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                first = json.loads(line)
            except json.JSONDecodeError:
                return "classify"  # CSV
            if not isinstance(first, dict):
                break
            gold = first.get("gold") or {}
            if isinstance(gold, dict) and "route" in gold:
                return "route"
            if "label" in first or "domain" in first:
                return "classify"
            return "extract"
    raise InputError(f"{path}: cannot tell what this gold file measures; pass --task")


def read_gold_routes(path: Path) -> list[dict[str, Any]]:
    records = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path} line {number}: not valid JSON: {exc.msg}") from exc
            route = (raw.get("gold") or {}).get("route")
            if not route or "unit" not in route:
                raise InputError(f"{path} line {number}: no gold.route.unit")
            records.append(raw)
    return records


def evaluate_routing(path: Path, pipeline: Pipeline, max_chars: int = 200_000) -> dict[str, Any]:
    gold = read_gold_routes(path)
    petitions = [parse_petition(r, max_chars, where=f"{path} {r.get('id')}") for r in gold]
    results = pipeline.triage_many(petitions)
    right = 0
    by_rule: Counter[str] = Counter()
    right_by_rule: Counter[str] = Counter()
    mistakes: Counter[tuple[str, str]] = Counter()
    examples: list[dict[str, str]] = []
    kind_right = domain_right = 0
    for raw, result in zip(gold, results, strict=True):
        gold_route = raw["gold"]["route"]
        rule = gold_route.get("rule", "?")
        by_rule[rule] += 1
        if result.route.unit == gold_route["unit"]:
            right += 1
            right_by_rule[rule] += 1
        else:
            mistakes[(gold_route["unit"], result.route.unit)] += 1
            if len(examples) < 20:
                examples.append({"id": raw["id"], "gold": gold_route["unit"], "got": result.route.unit,
                                 "gold_rule": rule, "got_rule": result.route.rule})
        kind_right += raw.get("kind") == result.classification.kind
        domain_right += raw.get("domain") == result.classification.primary_domain
    n = len(gold)
    return {
        "n": n,
        "unit_accuracy": right / n if n else 0.0,
        "kind_accuracy": kind_right / n if n else 0.0,
        "domain_accuracy": domain_right / n if n else 0.0,
        "by_rule": {r: {"n": by_rule[r], "right": right_by_rule[r]} for r in sorted(by_rule)},
        "mistakes": [{"gold": g, "got": o, "n": c} for (g, o), c in mistakes.most_common(15)],
        "examples": examples,
    }


def format_routing_report(report: dict[str, Any]) -> str:
    lines = [
        f"petitions: {report['n']}",
        f"unit accuracy:    {report['unit_accuracy']:.4f}",
        f"kind accuracy:    {report['kind_accuracy']:.4f}",
        f"primary domain:   {report['domain_accuracy']:.4f}",
        "",
        f"{'gold rule':<18}{'n':>6}{'right':>8}{'acc':>8}",
    ]
    for rule, row in report["by_rule"].items():
        acc = row["right"] / row["n"] if row["n"] else 0.0
        lines.append(f"{rule:<18}{row['n']:>6}{row['right']:>8}{acc:>8.3f}")
    if report["mistakes"]:
        lines += ["", "most frequent mistakes (gold unit -> routed unit):"]
        lines += [f"  {m['gold']} -> {m['got']}: {m['n']}" for m in report["mistakes"]]
    if report["examples"]:
        lines += ["", "examples (ids):"]
        lines += [f"  {e['id']}: gold {e['gold']} ({e['gold_rule']}), got {e['got']} ({e['got_rule']})"
                  for e in report["examples"]]
    return "\n".join(lines)
