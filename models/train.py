"""Train a classifier from files: what ``triage train`` runs.

``python -m models.train --taxonomy T --data F [--data F …] --out DIR [--model-type baseline|transformer]
[--base-model PATH] [--option KEY=JSON …]``
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from models import Classifier, TrainingRecord, read_training_data, train_model
from triage.errors import TriageError
from triage.taxonomy import load_taxonomy


def run_training(
    taxonomy_path: str | Path | None,
    data_paths: Sequence[str | Path],
    out_dir: str | Path,
    model_type: str = "baseline",
    base_model: str | Path | None = None,
    extra_records: Sequence[TrainingRecord] = (),
    progress: Callable[[str], None] | None = print,
    **opts: object,
) -> Classifier:
    """Read the data files with the taxonomy (the shipped one when ``taxonomy_path`` is None), add
    ``extra_records`` (clerk corrections), train, and save the model to ``out_dir``."""
    taxonomy = load_taxonomy(taxonomy_path)
    records: list[TrainingRecord] = []
    for path in data_paths:
        part = read_training_data(Path(path), taxonomy)
        if progress:
            progress(f"{path}: {len(part)} records")
        records.extend(part)
    records.extend(extra_records)
    model = train_model(
        taxonomy,
        records,
        model_type=model_type,
        base_model=Path(base_model) if base_model else None,
        progress=progress,
        **opts,
    )
    model.save(Path(out_dir))
    if progress:
        progress(f"saved {model.version} to {out_dir}")
    return model


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m models.train", description=__doc__)
    parser.add_argument("--taxonomy", type=Path, default=None, help="taxonomy YAML (default: the shipped one)")
    parser.add_argument("--data", type=Path, action="append", required=True, help="JSONL or CSV, repeatable")
    parser.add_argument("--out", type=Path, required=True, help="directory to write the model to")
    parser.add_argument("--model-type", choices=("baseline", "transformer"), default="baseline")
    parser.add_argument("--base-model", type=Path, default=None, help="local checkpoint to fine-tune")
    parser.add_argument("--option", action="append", default=[], help="model option KEY=JSON, repeatable")
    args = parser.parse_args(argv)
    try:
        opts = {k: json.loads(v) for k, v in (o.split("=", 1) for o in args.option)}
    except ValueError as exc:
        print(f"error: --option must be KEY=JSON: {exc}", file=sys.stderr)
        return 2
    try:
        run_training(args.taxonomy, args.data, args.out, args.model_type, args.base_model, **opts)
    except (TriageError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
