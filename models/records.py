"""Training records and the training-data readers (CONTRACT.md, `triage train --data FILE`).

JSON Lines: ``{"text": "…", "domain": "<code or label>", "kind": "<optional>", "domains": [optional]}``;
CSV: a ``label`` column (domain code or label) and a ``text`` column or a ``tokens`` column of
space-separated pre-segmented words. Every bad line is an ``InputError`` naming the file, the line and,
for an unknown label, the valid choices.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from triage.errors import ConfigError, InputError
from triage.taxonomy import Taxonomy


@dataclass(frozen=True)
class TrainingRecord:
    """One labelled text. ``domains`` holds every domain that applies (the primary one included);
    ``kind`` is None when the source does not say. ``weight`` lets clerk corrections count more."""

    text: str
    domain: str
    kind: str | None = None
    domains: tuple[str, ...] = ()
    weight: float = 1.0

    @property
    def all_domains(self) -> tuple[str, ...]:
        """The primary domain first, then the other domains that apply, each once."""
        seen = [self.domain]
        for code in self.domains:
            if code not in seen:
                seen.append(code)
        return tuple(seen)


def read_training_data(path: str | Path, taxonomy: Taxonomy) -> list[TrainingRecord]:
    """Read a JSONL or CSV training file into records with the taxonomy's codes."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: training data file not found")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".json", ".ndjson"):
        records = list(_read_jsonl(path, taxonomy))
    elif suffix in (".csv", ".tsv"):
        records = list(_read_csv(path, taxonomy, delimiter="\t" if suffix == ".tsv" else ","))
    else:
        raise InputError(f"{path}: unknown training data format {suffix!r}; valid: .jsonl, .csv, .tsv")
    if not records:
        raise InputError(f"{path}: no training records")
    return records


def records_from_dicts(
    rows: Iterable[dict], taxonomy: Taxonomy, source: str = "<records>"
) -> list[TrainingRecord]:
    """Records from already-parsed mappings (same keys as the JSONL format); errors name ``source``."""
    return [_record_from_mapping(row, taxonomy, source, i) for i, row in enumerate(rows, start=1)]


def _read_jsonl(path: Path, taxonomy: Taxonomy) -> Iterable[TrainingRecord]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read training data: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON: {exc.msg}") from exc
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}: a line must be a JSON object with 'text' and 'domain'")
        yield _record_from_mapping(row, taxonomy, str(path), number)


def _read_csv(path: Path, taxonomy: Taxonomy, delimiter: str) -> Iterable[TrainingRecord]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot read training data: {exc}") from exc
    with handle:
        reader = csv.DictReader(handle, delimiter=delimiter)
        columns = set(reader.fieldnames or ())
        if "label" not in columns and "domain" not in columns:
            raise InputError(f"{path}: a CSV needs a 'label' column; columns found: {sorted(columns)}")
        if "text" not in columns and "tokens" not in columns:
            raise InputError(
                f"{path}: a CSV needs a 'text' or a 'tokens' column; columns found: {sorted(columns)}"
            )
        try:
            for number, row in enumerate(reader, start=2):
                mapping = dict(row)
                if "domain" not in mapping:
                    mapping["domain"] = mapping.get("label")
                if not (mapping.get("text") or "").strip() and "tokens" in mapping:
                    # Pre-segmented words: keep the word boundaries as spaces; the word features split on them.
                    mapping["text"] = " ".join((mapping.get("tokens") or "").split())
                yield _record_from_mapping(mapping, taxonomy, str(path), number)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text: {exc}") from exc
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}: bad CSV: {exc}") from exc


def _record_from_mapping(row: dict, taxonomy: Taxonomy, source: str, number: int) -> TrainingRecord:
    where = f"{source}:{number}"
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: missing or empty 'text'")
    raw_domain = row.get("domain", row.get("label"))
    if not isinstance(raw_domain, str) or not raw_domain.strip():
        raise InputError(f"{where}: missing 'domain' (or 'label'); valid: {', '.join(taxonomy.domain_codes)}")
    domain = _domain_code(taxonomy, raw_domain, where)
    kind = None
    raw_kind = row.get("kind")
    if raw_kind not in (None, ""):
        if not isinstance(raw_kind, str):
            raise InputError(f"{where}: 'kind' must be a string; valid: {', '.join(taxonomy.kind_codes)}")
        try:
            kind = taxonomy.kind_code(raw_kind)
        except ConfigError:
            raise InputError(
                f"{where}: unknown kind {raw_kind!r}; valid: {', '.join(taxonomy.kind_codes)}"
            ) from None
    raw_domains = row.get("domains") or []
    if not isinstance(raw_domains, list) or not all(isinstance(d, str) for d in raw_domains):
        raise InputError(f"{where}: 'domains' must be a list of domain codes or labels")
    domains = tuple(dict.fromkeys([domain, *(_domain_code(taxonomy, d, where) for d in raw_domains)]))
    weight = row.get("weight", 1.0)
    if isinstance(weight, str):
        try:
            weight = float(weight) if weight.strip() else 1.0
        except ValueError:
            raise InputError(f"{where}: 'weight' must be a positive number, got {weight!r}") from None
    if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
        raise InputError(f"{where}: 'weight' must be a positive number, got {weight!r}")
    return TrainingRecord(text=text, domain=domain, kind=kind, domains=domains, weight=float(weight))


def _domain_code(taxonomy: Taxonomy, value: str, where: str) -> str:
    try:
        return taxonomy.domain_code(value)
    except ConfigError:
        choices = ", ".join(f"{d.code} ({d.label})" for d in taxonomy.domains)
        raise InputError(f"{where}: unknown domain {value.strip()!r}; valid: {choices}") from None
