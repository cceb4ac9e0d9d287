"""Domain and kind classifiers (TAXONOMY.md): one interface, two model types.

- ``baseline``: word + character n-gram TF-IDF and calibrated linear SVMs (fast; the default model);
- ``transformer``: a small BERT trained from scratch on a character vocabulary, or fine-tuned from a
  local checkpoint directory (``base_model``). Nothing is downloaded.

A model directory holds ``meta.json`` (type, version, options), ``taxonomy.yaml`` and the weights;
:func:`load_model` dispatches on ``meta.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from models.records import TrainingRecord, read_training_data, records_from_dicts
from triage.errors import ModelError
from triage.petition import Classification
from triage.taxonomy import Taxonomy

MODEL_TYPES = ("baseline", "transformer")

__all__ = [
    "MODEL_TYPES",
    "Classifier",
    "TrainingRecord",
    "default_model_dir",
    "load_model",
    "read_training_data",
    "records_from_dicts",
    "train_model",
]


@runtime_checkable
class Classifier(Protocol):
    taxonomy: Taxonomy
    version: str  # e.g. "baseline-2026-11-24-1a2b3c4d", recorded with each result

    def predict(self, texts: Sequence[str]) -> list[Classification]: ...

    def save(self, directory: Path) -> None: ...


def default_model_dir() -> Path:
    """Where the default model lives: ``models/default/`` in the package (built by ``models.build_default``)."""
    return Path(__file__).resolve().parent / "default"


def load_model(directory: str | Path) -> Classifier:
    """Load a saved model; ``ModelError`` when the directory is missing, incomplete or corrupt."""
    directory = Path(directory)
    meta_path = directory / "meta.json"
    if not directory.is_dir():
        raise ModelError(f"{directory}: model directory not found")
    if not meta_path.is_file():
        raise ModelError(f"{directory}: not a model directory (no meta.json)")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{meta_path}: cannot read model metadata: {exc}") from exc
    if not isinstance(meta, dict) or "version" not in meta:
        raise ModelError(f"{meta_path}: model metadata lacks 'type' or 'version'")
    model_type = meta.get("type")
    if model_type == "baseline":
        from models.baseline import BaselineClassifier

        return BaselineClassifier.load(directory, meta)
    if model_type == "transformer":
        from models.transformer import TransformerClassifier

        return TransformerClassifier.load(directory, meta)
    raise ModelError(f"{meta_path}: unknown model type {model_type!r}; valid: {', '.join(MODEL_TYPES)}")


def train_model(
    taxonomy: Taxonomy,
    records: Sequence[TrainingRecord],
    model_type: str = "baseline",
    base_model: Path | None = None,
    progress: Callable[[str], None] | None = None,
    **opts: object,
) -> Classifier:
    """Train a model of ``model_type`` on ``records`` (every record's codes must be the taxonomy's).

    Clerk corrections are simply more records (often with ``weight`` > 1). ``opts`` are passed to the
    model type (see ``models.baseline.DEFAULT_OPTIONS`` and ``models.transformer.DEFAULT_OPTIONS``).
    """
    from triage.errors import ConfigError, InputError

    if model_type not in MODEL_TYPES:
        raise ConfigError(f"unknown model type {model_type!r}; valid: {', '.join(MODEL_TYPES)}")
    if not records:
        raise InputError("no training records")
    domains, kinds = set(taxonomy.domain_codes), set(taxonomy.kind_codes)
    for i, r in enumerate(records, start=1):
        bad = [d for d in r.all_domains if d not in domains]
        if bad:
            raise InputError(
                f"training record {i}: unknown domain {bad[0]!r}; valid: {', '.join(taxonomy.domain_codes)}"
            )
        if r.kind is not None and r.kind not in kinds:
            raise InputError(
                f"training record {i}: unknown kind {r.kind!r}; valid: {', '.join(taxonomy.kind_codes)}"
            )
    if model_type == "baseline":
        if base_model is not None:
            raise ConfigError("--base-model applies to the transformer model type only")
        from models.baseline import train_baseline

        return train_baseline(taxonomy, records, progress=progress, **opts)
    from models.transformer import train_transformer

    return train_transformer(taxonomy, records, base_model=base_model, progress=progress, **opts)
