"""Evaluate a domain/kind classifier on gold records: accuracy, macro-F1, per-class table, confusion matrix,
calibration of the primary-domain score (reliability table, ECE) and prediction speed.

``python -m triage.evaluation.classification GOLD.jsonl [--model DIR] [--taxonomy FILE]
[--messages MESSAGES.jsonl] [--json]``: GOLD is JSONL/CSV training-format records, or, with
``--messages``, a labels file keyed by message id (``{"id", "domain", "kind"}``) joined to the texts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from triage.errors import InputError, TriageError

CALIBRATION_BINS = 10
REVIEW_THRESHOLD = 0.4  # ROUTING.md's default review_threshold


def evaluate_classifier(model: Any, records: Sequence[Any], review_threshold: float = REVIEW_THRESHOLD) -> dict:
    """Predict every record's text and compare with its ``domain`` (and ``kind`` where given).

    ``records`` are ``models.TrainingRecord``-like objects (``text``, ``domain``, ``kind``, ``domains``).
    """
    if not records:
        raise InputError("no gold records to evaluate")
    texts = [r.text for r in records]
    started = time.perf_counter()
    predictions = model.predict(texts)
    seconds = time.perf_counter() - started
    domain_codes = list(model.taxonomy.domain_codes)
    kind_codes = list(model.taxonomy.kind_codes)

    gold_domains = [r.domain for r in records]
    pred_domains = [p.primary_domain for p in predictions]
    report: dict[str, Any] = {
        "model": getattr(model, "version", "unknown"),
        "records": len(records),
        "domain": score_labels(gold_domains, pred_domains, domain_codes),
        "calibration": calibration_table(
            [p.primary_score for p in predictions], [g == p for g, p in zip(gold_domains, pred_domains, strict=True)]
        ),
        "review": review_summary(
            [p.primary_score for p in predictions],
            [g == p for g, p in zip(gold_domains, pred_domains, strict=True)],
            review_threshold,
        ),
        "seconds": round(seconds, 3),
        "texts_per_second": round(len(records) / seconds, 1) if seconds > 0 else None,
    }
    with_kind = [i for i, r in enumerate(records) if getattr(r, "kind", None)]
    if with_kind:
        report["kind"] = score_labels(
            [records[i].kind for i in with_kind], [predictions[i].kind for i in with_kind], kind_codes
        )
    multi = [i for i, r in enumerate(records) if len(getattr(r, "domains", ()) or ()) > 1]
    if multi:
        report["multi_label"] = multi_label_scores(
            [set(records[i].domains) for i in range(len(records))],
            [{d.code for d in p.domains if d.score >= 0.5} for p in predictions],
        )
    return report


def score_labels(gold: Sequence[str], pred: Sequence[str], codes: Sequence[str]) -> dict:
    """Accuracy, macro-F1 over the classes present in gold, per-class P/R/F1/support, confusion matrix."""
    if len(gold) != len(pred):
        raise ValueError("gold and predictions differ in length")
    labels = [c for c in codes if c in set(gold) | set(pred)]
    labels += sorted((set(gold) | set(pred)) - set(labels))
    index = {c: i for i, c in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        matrix[index[g]][index[p]] += 1
    per_class: dict[str, dict] = {}
    for c in labels:
        i = index[c]
        tp = matrix[i][i]
        support = sum(matrix[i])
        predicted = sum(row[i] for row in matrix)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[c] = {
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "support": support,
            "predicted": predicted,
        }
    in_gold = [c for c in labels if per_class[c]["support"] > 0]
    correct = sum(1 for g, p in zip(gold, pred, strict=True) if g == p)
    return {
        "accuracy": correct / len(gold) if gold else 0.0,
        "macro_f1": sum(per_class[c]["f1"] for c in in_gold) / len(in_gold) if in_gold else 0.0,
        "per_class": per_class,
        "labels": labels,
        "confusion": matrix,
    }


def calibration_table(scores: Sequence[float], correct: Sequence[bool], bins: int = CALIBRATION_BINS) -> dict:
    """Reliability table of a confidence score: per bin count, mean score, accuracy; ECE (weighted gap)."""
    rows = []
    total = len(scores)
    ece = 0.0
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            i for i, s in enumerate(scores) if (low <= s < high) or (b == bins - 1 and s == high)
        ]
        if not members:
            continue
        mean_score = sum(scores[i] for i in members) / len(members)
        accuracy = sum(1 for i in members if correct[i]) / len(members)
        ece += len(members) / total * abs(mean_score - accuracy)
        rows.append({"low": low, "high": high, "count": len(members), "mean_score": mean_score, "accuracy": accuracy})
    return {"bins": rows, "ece": ece}


def review_summary(scores: Sequence[float], correct: Sequence[bool], threshold: float) -> dict:
    """What the router's threshold does: share sent to review, accuracy of the rest and of the reviewed."""
    auto = [i for i, s in enumerate(scores) if s >= threshold]
    review = [i for i, s in enumerate(scores) if s < threshold]
    return {
        "threshold": threshold,
        "review_share": len(review) / len(scores) if scores else 0.0,
        "auto_accuracy": sum(correct[i] for i in auto) / len(auto) if auto else None,
        "review_accuracy": sum(correct[i] for i in review) / len(review) if review else None,
    }


def multi_label_scores(gold: Sequence[set[str]], pred: Sequence[set[str]]) -> dict:
    """Micro precision/recall/F1 of the domain sets (a domain predicted when its score >= 0.5)."""
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    n_pred = sum(len(p) for p in pred)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"micro_precision": precision, "micro_recall": recall, "micro_f1": f1}


def format_classification_report(report: dict) -> str:
    """The report as text: summary lines, per-class tables, confusion matrices, reliability table."""
    lines = [f"model: {report['model']}   records: {report['records']}"]
    for part in ("domain", "kind"):
        if part not in report:
            continue
        scores = report[part]
        lines.append("")
        lines.append(f"{part}: accuracy {scores['accuracy']:.4f}   macro-F1 {scores['macro_f1']:.4f}")
        lines.append(_per_class_table(scores))
        lines.append("")
        lines.append(f"{part} confusion (rows gold, columns predicted):")
        lines.append(_confusion_table(scores))
    if "multi_label" in report:
        m = report["multi_label"]
        lines.append("")
        lines.append(
            f"domains (score >= 0.5): micro-P {m['micro_precision']:.4f}  micro-R {m['micro_recall']:.4f}  "
            f"micro-F1 {m['micro_f1']:.4f}"
        )
    cal = report["calibration"]
    lines.append("")
    lines.append(f"primary-domain score calibration: ECE {cal['ece']:.4f}")
    lines.append(f"{'bin':>11} {'count':>6} {'mean score':>10} {'accuracy':>9}")
    for row in cal["bins"]:
        lines.append(
            f"{row['low']:.1f}-{row['high']:.1f}".rjust(11)
            + f" {row['count']:>6} {row['mean_score']:>10.3f} {row['accuracy']:>9.3f}"
        )
    review = report["review"]
    lines.append("")
    auto = "n/a" if review["auto_accuracy"] is None else f"{review['auto_accuracy']:.4f}"
    rev = "n/a" if review["review_accuracy"] is None else f"{review['review_accuracy']:.4f}"
    lines.append(
        f"review threshold {review['threshold']}: {review['review_share']:.1%} to review; "
        f"accuracy of the rest {auto}, of the reviewed {rev}"
    )
    if report.get("texts_per_second"):
        lines.append(f"speed: {report['texts_per_second']} texts/s ({report['seconds']} s)")
    return "\n".join(lines)


def _per_class_table(scores: dict) -> str:
    width = max(12, *(len(c) for c in scores["labels"]))
    out = [f"{'class':<{width}} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>7}"]
    for code in scores["labels"]:
        row = scores["per_class"][code]
        out.append(
            f"{code:<{width}} {row['precision']:>9.3f} {row['recall']:>7.3f} {row['f1']:>7.3f} {row['support']:>7}"
        )
    return "\n".join(out)


def _confusion_table(scores: dict) -> str:
    labels = scores["labels"]
    short = [c[:6] for c in labels]
    width = max(12, *(len(c) for c in labels))
    out = [" " * width + "".join(f"{s:>7}" for s in short)]
    for code, row in zip(labels, scores["confusion"], strict=True):
        out.append(f"{code:<{width}}" + "".join(f"{n:>7}" for n in row))
    return "\n".join(out)


def read_labelled_messages(labels_path: Path, messages_path: Path, taxonomy: Any) -> list:
    """Gold records from a labels file keyed by message id joined to the messages' texts (subject + text)."""
    from models.records import records_from_dicts

    texts: dict[str, str] = {}
    try:
        for line in messages_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts[str(row["id"])] = "\n".join(x for x in (row.get("subject"), row.get("text")) if x)
    except (OSError, json.JSONDecodeError, KeyError) as exc:
        raise InputError(f"{messages_path}: cannot read messages: {exc}") from exc
    rows = []
    for number, line in enumerate(labels_path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            label = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{labels_path}:{number}: not valid JSON: {exc.msg}") from exc
        message_id = str(label.get("id"))
        if message_id not in texts:
            raise InputError(f"{labels_path}:{number}: message id {message_id!r} not in {messages_path}")
        rows.append({**label, "text": texts[message_id]})
    return records_from_dicts(rows, taxonomy, source=str(labels_path))


def read_gold_records(model: Any, gold: Path, labels: Path | None = None) -> list:
    """Gold records for ``model``'s taxonomy: a training-format file, or texts ``gold`` + ``labels`` by id."""
    from models import read_training_data

    if labels is not None:
        return read_labelled_messages(Path(labels), Path(gold), model.taxonomy)
    return read_training_data(Path(gold), model.taxonomy)


def evaluate_classifier_file(model: Any, gold: Path, labels: Path | None = None) -> str:
    """``triage evaluate GOLD --task classify [--labels FILE]``: the formatted report."""
    return format_classification_report(evaluate_classifier(model, read_gold_records(model, gold, labels)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m triage.evaluation.classification", description=__doc__)
    parser.add_argument("gold", type=Path, help="gold records (JSONL/CSV), or labels keyed by id with --messages")
    parser.add_argument("--model", type=Path, default=None, help="model directory (default: the default model)")
    parser.add_argument("--messages", type=Path, default=None, help="messages JSONL the labels' ids refer to")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    from models import default_model_dir, load_model

    try:
        model = load_model(args.model or default_model_dir())
        if args.messages:
            records = read_gold_records(model, args.messages, labels=args.gold)
        else:
            records = read_gold_records(model, args.gold)
        report = evaluate_classifier(model, records)
    except TriageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else format_classification_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
