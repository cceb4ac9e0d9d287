"""A model directory carries the taxonomy it was trained on (``taxonomy.yaml``), so it loads on its own."""

from __future__ import annotations

from pathlib import Path

import yaml

from triage.errors import ConfigError, ModelError
from triage.taxonomy import Taxonomy, load_taxonomy

TAXONOMY_FILE = "taxonomy.yaml"


def save_taxonomy(taxonomy: Taxonomy, directory: Path) -> None:
    def entries(codes):  # noqa: ANN001, ANN202
        return [{"code": c.code, "label": c.label, "description": c.description} for c in codes]

    data = {"domains": entries(taxonomy.domains), "kinds": entries(taxonomy.kinds)}
    (Path(directory) / TAXONOMY_FILE).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )


def load_saved_taxonomy(directory: Path) -> Taxonomy:
    path = Path(directory) / TAXONOMY_FILE
    if not path.is_file():
        raise ModelError(f"{directory}: model directory has no {TAXONOMY_FILE}")
    try:
        return load_taxonomy(path)
    except ConfigError as exc:
        raise ModelError(f"{directory}: the model's taxonomy does not load: {exc}") from exc
