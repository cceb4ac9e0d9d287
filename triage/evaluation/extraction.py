"""Extraction evaluation: precision, recall and F1 of person names and amounts, level accuracy of the accused.

Gold formats (``fmt``; detected from the file when None):

- ``corpus``   the project's corpus JSONL: ``{"id", "text", "received_at", "gold": {"persons": [{"name", "role",
  "level", "party"}], "amounts": [{"value", "currency"}]}}``;
- ``kg``       ``{"text", "entities": [{"name", "entity_type": PER|MONEY|…, "start", "end"}]}`` (end exclusive);
- ``cluener``  CLUENER2020: concatenated JSON objects ``{"text", "label": {"name": {NAME: [[s, e]]}}}``;
- ``bio``      one character and tag a line, blank line between sentences; ``B-PER.NAM``/``I-PER.NAM`` (or
  ``B-PER``/``B-NAME``) are names;
- ``labels``   hand labels keyed by the id of a record in a file that is not in the project: the first line
  ``{"source": PATH, "key": FIELD, "text": FIELD}``, then ``{"id", "persons": [names], "amounts": [{"value",
  "currency"}], "levels": {name: level}, "parties": {name: party}, "part": "dev"|"test"}``; PATH is relative to
  the labels file, or given with ``texts``; ``part`` selects the labels of some parts: a name (``dev``), a
  comma-separated list (``test,test2``), a range of numbered parts (``dev40-dev55``) or a shell pattern (``dev*``:
  every dev part).

Names and amounts are compared per text as sets: a name is right when the same string is extracted
from the same text; an amount when its value (to the fen) and currency are. Where the gold gives each name's part
(``party``: accused, petitioner, other; the corpus and ``parties`` of hand labels), the parts of the names found
are compared too: accuracy, and precision, recall and F1 of ``petitioner`` and ``accused`` among those names.

    python -m triage.evaluation.extraction GOLD [--format corpus|kg|cluener|bio|labels] [--texts PATH]
        [--part dev|test|test,test2|dev40-dev55|'dev*'] [--errors N] [--json]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from triage.errors import InputError

FORMATS = ("corpus", "kg", "cluener", "bio", "labels")
PARTIES = ("accused", "petitioner", "other")
REPORTED_PARTIES = ("petitioner", "accused")  # the parts whose precision, recall and F1 the report gives
# names the command line also accepts
FORMAT_ALIASES = {"corruption_kg": "kg", "weibo": "bio", "ccdi": "labels", "duty_crime": "labels"}


@dataclass
class GoldText:
    key: str
    text: str
    names: set[str] | None  # None: this gold says nothing about names
    amounts: Counter | None  # (value, currency) -> count
    accused_levels: dict[str, str] = field(default_factory=dict)  # name or role -> level
    received_at: date | None = None
    parties: dict[str, str] = field(default_factory=dict)  # name -> accused | petitioner | other


def detect_format(path: Path) -> str:
    if path.suffix in (".txt", ".bio", ".char"):
        return "bio"
    with open(path, encoding="utf-8") as handle:
        head = handle.read(4000)
    first = head.lstrip()[:1]
    if first == "{" and "\n" in head.strip() and not head.lstrip().split("\n", 1)[0].rstrip().endswith("}"):
        return "cluener"
    line = head.lstrip().split("\n", 1)[0]
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: cannot tell the gold format ({exc}); give --format {'|'.join(FORMATS)}") from exc
    if "source" in record and "key" in record:
        return "labels"
    if "entities" in record:
        return "kg"
    if "gold" in record:
        return "corpus"
    if "label" in record:
        return "cluener"
    raise InputError(f"{path}: cannot tell the gold format from its first line; give --format {'|'.join(FORMATS)}")


def _money_key(value: Any, currency: str | None) -> tuple[float, str]:
    return round(float(value), 2), (currency or "CNY")


def read_gold(path: Path, fmt: str, texts: Path | None = None, part: str | None = None) -> list[GoldText]:
    if fmt not in FORMATS:
        raise InputError(f"unknown gold format {fmt!r}; valid: {', '.join(FORMATS)}")
    reader = {"corpus": _read_corpus, "kg": _read_kg, "cluener": _read_cluener, "bio": _read_bio,
              "labels": _read_labels}[fmt]
    if fmt == "labels":
        return _read_labels(path, texts, part)
    return reader(path)


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from exc
    return rows


def _read_corpus(path: Path) -> list[GoldText]:
    out = []
    for i, row in enumerate(_read_jsonl(path)):
        gold = row.get("gold") or {}
        persons = gold.get("persons")
        amounts = gold.get("amounts")
        levels = {}
        for p in persons or []:
            if p.get("party") == "accused" and p.get("level"):
                levels[p.get("name") or f"role:{p.get('role')}"] = p["level"]
        received = row.get("received_at")
        out.append(GoldText(
            str(row.get("id", i)), row["text"],
            None if persons is None else {p["name"] for p in persons if p.get("name")},
            None if amounts is None else Counter(_money_key(a["value"], a.get("currency")) for a in amounts),
            levels,
            date.fromisoformat(received) if received else None,
            {p["name"]: p["party"] for p in persons or [] if p.get("name") and p.get("party")},
        ))
    return out


def _read_kg(path: Path) -> list[GoldText]:
    from triage.nlp.amounts import build_amount_regex, find_amounts
    from triage.nlp.lexicon import load_lexicon

    lexicon = load_lexicon()
    amount_re = build_amount_regex(list(lexicon.currencies))
    out = []
    for i, row in enumerate(_read_jsonl(path)):
        names = {e["name"] for e in row["entities"] if e["entity_type"] == "PER"}
        money: Counter = Counter()
        for e in row["entities"]:
            if e["entity_type"] == "MONEY":
                found = find_amounts(e["name"], amount_re, lexicon.currencies)
                money[_money_key(found[0].value, found[0].currency) if found else (e["name"], "?")] += 1
        out.append(GoldText(str(i), row["text"], names, money))
    return out


def _read_cluener(path: Path) -> list[GoldText]:
    decoder = json.JSONDecoder()
    raw = path.read_text(encoding="utf-8")
    pos, out = 0, []
    while True:
        while pos < len(raw) and raw[pos].isspace():
            pos += 1
        if pos >= len(raw):
            break
        record, pos = decoder.raw_decode(raw, pos)
        names = set((record.get("label") or {}).get("name", {}))
        out.append(GoldText(str(len(out)), record["text"], names, None))
    return out


def _read_bio(path: Path) -> list[GoldText]:
    out: list[GoldText] = []
    chars: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if not chars:
            return
        names, current = set(), ""
        for ch, tag in zip(chars, tags, strict=False):
            kind = tag[2:] if len(tag) > 2 else ""
            is_name = kind in ("PER.NAM", "PER", "NAME", "NR")
            if tag.startswith(("B-", "S-")) and is_name:
                if current:
                    names.add(current)
                current = ch
            elif tag.startswith(("I-", "M-", "E-")) and is_name and current:
                current += ch
            else:
                if current:
                    names.add(current)
                current = ""
        if current:
            names.add(current)
        out.append(GoldText(str(len(out)), "".join(chars), names, None))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split()
            if not parts:
                flush()
                continue
            if len(parts) == 1:  # a space character with its tag
                chars.append(" ")
                tags.append(parts[0])
            else:
                chars.append(parts[0][0] if parts[0] else " ")
                tags.append(parts[-1])
    flush()
    return out


def part_selector(spec: str | None) -> Callable[[str | None], bool]:
    """What ``--part`` selects: None keeps every label; otherwise a comma-separated list of part names, ranges of
    numbered parts with one prefix (``dev40-dev55``) and shell patterns (``dev*``)."""
    if spec is None:
        return lambda part: True
    names: set[str] = set()
    patterns: list[str] = []
    for item in (x.strip() for x in spec.split(",")):
        if not item:
            continue
        bounds = re.fullmatch(r"([A-Za-z_]+)(\d+)-\1(\d+)", item)
        if bounds:
            low, high = sorted((int(bounds.group(2)), int(bounds.group(3))))
            names.update(f"{bounds.group(1)}{n}" for n in range(low, high + 1))
        elif any(ch in item for ch in "*?["):
            patterns.append(item)
        else:
            names.add(item)
    if not names and not patterns:
        raise InputError(f"--part {spec!r} names no part")
    return lambda part: part is not None and (part in names or any(fnmatch.fnmatchcase(part, p) for p in patterns))


def _read_labels(path: Path, texts: Path | None, part: str | None = None) -> list[GoldText]:
    rows = _read_jsonl(path)
    if not rows or "source" not in rows[0]:
        raise InputError(f"{path}: the first line must be {{\"source\": PATH, \"key\": FIELD, \"text\": FIELD}}")
    meta, labels = rows[0], rows[1:]
    source = texts or (path.parent / meta["source"])
    if not source.exists():
        raise InputError(f"{path}: the labelled texts {source} are not here; give --texts PATH")
    by_key = {}
    for i, record in enumerate(_read_jsonl(source)):
        key = str(record.get(meta["key"], i)) if meta["key"] != "#" else str(i)
        by_key[key] = record
    selected = part_selector(part)
    out = []
    for label in labels:
        if not selected(label.get("part")):
            continue
        record = by_key.get(str(label["id"]))
        if record is None:
            raise InputError(f"{path}: label id {label['id']!r} is not in {source}")
        text = record[meta.get("text", "text")]
        levels = {k: v for k, v in (label.get("levels") or {}).items()}
        parties = dict(label.get("parties") or {})
        unknown = sorted(set(parties.values()) - set(PARTIES))
        if unknown:
            raise InputError(f"{path}: label {label['id']!r} has parts {unknown}; valid: {', '.join(PARTIES)}")
        out.append(GoldText(
            str(label["id"]), text, set(label.get("persons") or []),
            None if "amounts" not in label
            else Counter(_money_key(a["value"], a.get("currency")) for a in label["amounts"] or []),
            levels,
            parties=parties,
        ))
    if part is not None and not out:
        raise InputError(f"{path}: no labels of part {part!r}")
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def evaluate_extraction(gold_path: str | Path, analyzer: Any, fmt: str | None = None,
                        labels: str | Path | None = None, texts: str | Path | None = None, errors: int = 0,
                        part: str | None = None) -> dict[str, Any]:
    """Run ``analyzer.extract`` on every gold text and compare. Returns a report dict (see
    ``format_extraction_report``).

    ``gold_path`` is a gold file, or with ``labels`` (hand labels keyed by id) the file of texts they label;
    ``texts`` gives the texts of a labels file instead; ``part`` keeps the labels of one part (dev, test);
    ``errors`` > 0 keeps that many mismatching examples (names and values only, for a developer's eyes)."""
    path = Path(gold_path)
    if labels is not None:
        path, texts = Path(labels), path
        fmt = "labels"
    if not path.exists():
        raise InputError(f"{path}: no such gold file")
    fmt = FORMAT_ALIASES.get(fmt, fmt) if fmt else detect_format(path)
    gold = read_gold(path, fmt, Path(texts) if texts else None, part)
    name_counts = [0, 0, 0]
    amount_counts = [0, 0, 0]
    level_right = level_total = accused_found = 0
    party_pairs: Counter = Counter()  # (gold part, extracted part) of each gold name found
    party_gold = 0
    examples: list[dict[str, Any]] = []
    started = time.perf_counter()
    chars = 0
    for item in gold:
        extraction = analyzer.extract(item.text, item.received_at)
        chars += len(item.text)
        if item.names is not None:
            predicted = {p.name for p in extraction.persons if p.name}
            tp = len(predicted & item.names)
            name_counts[0] += tp
            name_counts[1] += len(predicted)
            name_counts[2] += len(item.names)
            if errors and predicted != item.names and len(examples) < errors:
                examples.append({"id": item.key, "missed": sorted(item.names - predicted),
                                 "spurious": sorted(predicted - item.names)})
        if item.amounts is not None:
            predicted_amounts = Counter(_money_key(a.value, a.currency) for a in extraction.amounts)
            tp = sum((predicted_amounts & item.amounts).values())
            amount_counts[0] += tp
            amount_counts[1] += sum(predicted_amounts.values())
            amount_counts[2] += sum(item.amounts.values())
            if errors and predicted_amounts != item.amounts and len(examples) < errors:
                examples.append({"id": item.key, "missed_amounts": sorted(map(str, item.amounts - predicted_amounts)),
                                 "spurious_amounts": sorted(map(str, predicted_amounts - item.amounts))})
        if item.parties:
            by_name = {p.name: p.party for p in extraction.persons if p.name}
            party_gold += len(item.parties)
            wrong = []
            for name, party in item.parties.items():
                if name in by_name:
                    party_pairs[(party, by_name[name])] += 1
                    if by_name[name] != party:
                        wrong.append([name, party, by_name[name]])
            if errors and wrong and len(examples) < errors:
                examples.append({"id": item.key, "party (name, gold, extracted)": wrong})
        for who, level in item.accused_levels.items():
            level_total += 1
            match = None
            for p in extraction.persons:
                if (who.startswith("role:") and p.name is None and p.role and who[5:] in p.role) or p.name == who:
                    match = p
                    break
            if match is not None and match.party == "accused":
                accused_found += 1
                level_right += match.level == level
    elapsed = time.perf_counter() - started
    report: dict[str, Any] = {
        "gold": str(path) + (f" [{part}]" if part else ""), "format": fmt, "texts": len(gold),
        "analyzer": getattr(analyzer, "version", "?"),
        "seconds": round(elapsed, 3), "texts_per_second": round(len(gold) / elapsed, 1) if elapsed else None,
        "chars_per_second": round(chars / elapsed) if elapsed else None,
    }
    if name_counts[2] or name_counts[1]:
        report["person_names"] = _prf(*name_counts)
    if amount_counts[2] or amount_counts[1]:
        report["amounts"] = _prf(*amount_counts)
    if level_total:
        report["accused"] = {"gold": level_total, "found_as_accused": accused_found,
                             "level_accuracy": round(level_right / level_total, 4)}
    if party_gold:
        report["parties"] = _party_report(party_pairs, party_gold)
    if errors:
        report["examples"] = examples
    return report


def _party_report(pairs: Counter, n_gold: int) -> dict[str, Any]:
    """Accuracy of the parts of the gold names found, and precision/recall/F1 of petitioner and accused among them."""
    found = sum(pairs.values())
    report: dict[str, Any] = {
        "gold": n_gold, "found": found,
        "accuracy": round(sum(n for (g, p), n in pairs.items() if g == p) / found, 4) if found else None,
        "confusion": {f"{g}->{p}": n for (g, p), n in sorted(pairs.items())},
    }
    for party in REPORTED_PARTIES:
        tp = pairs[(party, party)]
        report[party] = _prf(tp, sum(n for (_g, p), n in pairs.items() if p == party),
                             sum(n for (g, _p), n in pairs.items() if g == party))
    return report


def format_extraction_report(report: dict[str, Any]) -> str:
    lines = [f"extraction evaluation of {report['analyzer']} on {report['gold']} ({report['format']}, "
             f"{report['texts']} texts, {report['texts_per_second']} texts/s)"]
    for key, label in (("person_names", "person names"), ("amounts", "amounts")):
        if key in report:
            r = report[key]
            lines.append(f"  {label:13s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
                         f"(tp {r['tp']}, predicted {r['predicted']}, gold {r['gold']})")
    if "accused" in report:
        a = report["accused"]
        lines.append(f"  accused       level accuracy {a['level_accuracy']:.3f} "
                     f"({a['found_as_accused']} of {a['gold']} found as accused)")
    if "parties" in report:
        r = report["parties"]
        accuracy = "n/a" if r["accuracy"] is None else f"{r['accuracy']:.3f}"
        lines.append(f"  parts         accuracy {accuracy} over the {r['found']} of {r['gold']} gold names found")
        for party in REPORTED_PARTIES:
            q = r[party]
            lines.append(f"    {party:11s} P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
                         f"(tp {q['tp']}, predicted {q['predicted']}, gold {q['gold']}, among the names found)")
    for example in report.get("examples", []):
        lines.append("  ! " + json.dumps(example, ensure_ascii=False))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triage.evaluation.extraction", description=__doc__.split("\n")[0])
    parser.add_argument("gold")
    parser.add_argument("--format", choices=FORMATS + tuple(FORMAT_ALIASES), default=None)
    parser.add_argument("--labels", default=None, help="hand labels keyed by id; GOLD is then the labelled texts")
    parser.add_argument("--units", default=None, help="units file whose gazetteer the analyzer uses")
    parser.add_argument("--texts", default=None, help="the labelled texts, for --format labels")
    parser.add_argument("--errors", type=int, default=0, help="show this many mismatching examples")
    parser.add_argument("--part", default=None,
                        help="only the labels of these parts, for --format labels: a name (dev), a list (test,test2), "
                        "a range (dev40-dev55) or a pattern ('dev*')")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    from triage.nlp import Analyzer

    try:
        gazetteer = None
        if args.units:
            from triage.routing import load_office

            gazetteer = load_office(Path(args.units)).gazetteer
        report = evaluate_extraction(args.gold, Analyzer(gazetteer), args.format, args.labels, args.texts,
                                     args.errors, args.part)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_extraction_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
