"""Peer benchmark on the 2020 TipDM Cup problem C (7 categories of citizen messages).

Trains on ``train_tokenized.csv`` (pre-segmented words, stop words removed) and evaluates on
``sample_labeled.jsonl`` (raw subject + text, segmented with jieba by the model). The official sample
is contained in the training file, so every training row that is a near-duplicate of a sample message
(Jaccard similarity of the word sets >= 0.5) is dropped before training; the figures are therefore
on messages the model has not seen.

``--cv K`` instead trains and scores the same model over K stratified folds of ``train_tokenized.csv`` (every
message scored once by a model that did not see it; pre-segmented text on both sides, as a held-back part
of the training file would be), and prints the pooled macro-F1 and the per-fold figures. Messages repeated on
the board may fall in two folds, so this figure can be a little optimistic; the sample figure is the stricter
one.

``python -m models.tipdm_benchmark --data-dir ../shared/data/tipdm2020 [--config word+char] [--out DIR]
[--cv K]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from sklearn.model_selection import StratifiedKFold

from models import read_training_data, train_model
from models.features import segment_words
from models.records import TrainingRecord
from triage.evaluation.classification import evaluate_classifier, format_classification_report, score_labels
from triage.taxonomy import Taxonomy, load_taxonomy

TAXONOMY = Path(__file__).resolve().parent.parent / "corpora" / "eval" / "tipdm_taxonomy.yaml"
DUPLICATE_JACCARD = 0.5


def drop_near_duplicates(
    train: Sequence[TrainingRecord], held_out: Sequence[str], threshold: float = DUPLICATE_JACCARD
) -> tuple[list[TrainingRecord], int]:
    """Training records whose word set is not a near-duplicate of any held-out text; and how many went."""
    train_sets = [set(r.text.split()) for r in train]
    postings: dict[str, set[int]] = defaultdict(set)
    for i, words in enumerate(train_sets):
        for w in words:
            postings[w].add(i)
    dropped: set[int] = set()
    for text in held_out:
        words = set(segment_words(text))
        candidates = set().union(*(postings.get(w, set()) for w in words)) if words else set()
        for i in candidates:
            union = len(words | train_sets[i])
            if union and len(words & train_sets[i]) / union >= threshold:
                dropped.add(i)
    return [r for i, r in enumerate(train) if i not in dropped], len(dropped)


def cross_validate(
    taxonomy: Taxonomy,
    records: Sequence[TrainingRecord],
    folds: int,
    model_type: str,
    opts: dict[str, object],
) -> int:
    """Pooled macro-F1 of ``folds`` models, each scoring the fold it did not train on."""
    if folds < 2:
        raise SystemExit("--cv needs at least 2 folds")
    codes = list(taxonomy.domain_codes)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    labels = [r.domain for r in records]
    gold: list[str] = []
    predicted: list[str] = []
    for k, (train_idx, test_idx) in enumerate(splitter.split(labels, labels), 1):
        model = train_model(taxonomy, [records[i] for i in train_idx], model_type=model_type, **opts)
        fold_gold = [labels[i] for i in test_idx]
        fold_pred = [p.primary_domain for p in model.predict([records[i].text for i in test_idx])]
        fold = score_labels(fold_gold, fold_pred, codes)
        print(f"fold {k}/{folds}: {len(test_idx)} messages, "
              f"accuracy {fold['accuracy']:.4f}, macro-F1 {fold['macro_f1']:.4f}")
        gold += fold_gold
        predicted += fold_pred
    pooled = score_labels(gold, predicted, codes)
    print(f"{folds}-fold cross-validation on {len(records)} messages: accuracy {pooled['accuracy']:.4f}, "
          f"macro-F1 {pooled['macro_f1']:.4f}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.tipdm_benchmark", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=Path("../shared/data/tipdm2020"))
    parser.add_argument("--config", default="word+char", help="baseline feature set: word+char, word, char")
    parser.add_argument("--model-type", default="baseline")
    parser.add_argument("--option", action="append", default=[], help="model option KEY=JSON, repeatable")
    parser.add_argument("--out", type=Path, default=None, help="save the trained model here")
    parser.add_argument("--json", type=Path, default=None, help="write the report as JSON here")
    parser.add_argument("--cv", type=int, default=0, metavar="K",
                        help="K-fold cross-validation on the training file")
    args = parser.parse_args(argv)
    taxonomy = load_taxonomy(TAXONOMY)
    train = read_training_data(args.data_dir / "train_tokenized.csv", taxonomy)
    opts: dict[str, object] = {k: json.loads(v) for k, v in (o.split("=", 1) for o in args.option)}
    if args.model_type == "baseline":
        opts["features"] = args.config
    if args.cv:
        return cross_validate(taxonomy, train, args.cv, args.model_type, opts)
    sample = [
        json.loads(line)
        for line in (args.data_dir / "sample_labeled.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = [f"{row.get('subject', '')}\n{row['text']}" for row in sample]
    train, dropped = drop_near_duplicates(train, texts)
    print(f"training rows: {len(train)} ({dropped} near-duplicates of the sample dropped)")
    model = train_model(taxonomy, train, model_type=args.model_type, progress=print, **opts)
    gold = [TrainingRecord(text=t, domain=taxonomy.domain_code(row["label"]))
            for t, row in zip(texts, sample, strict=True)]
    report = evaluate_classifier(model, gold)
    print(format_classification_report(report))
    if args.out:
        model.save(args.out)
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
