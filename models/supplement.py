"""Write the classifier supplement ``models/data/supplement.jsonl`` from ``supplement_phrases.yaml``.

The generated corpora hold rural accusations; a message board also gets civil disputes, complaints about
companies, consultations and proposals about public works. This adds a few hundred such messages (domain
mostly ``other``, kinds ``non_jurisdiction`` and ``suggestion``) so that the default model has seen them.
Deterministic: ``python -m models.supplement`` rewrites the same file.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import yaml

from triage.errors import ConfigError
from triage.taxonomy import default_taxonomy

DATA = Path(__file__).resolve().parent / "data"
PHRASES = DATA / "supplement_phrases.yaml"
OUTPUT = DATA / "supplement.jsonl"
VARIANTS = 6
SEED = 20261124


def generate_supplement(phrases: Path = PHRASES, variants: int = VARIANTS, seed: int = SEED) -> list[dict]:
    raw = yaml.safe_load(phrases.read_text(encoding="utf-8"))
    taxonomy = default_taxonomy()
    rng = random.Random(seed)
    rows: list[dict] = []
    for i, topic in enumerate(raw["topics"]):
        domain, kind = topic.get("domain"), topic.get("kind")
        if domain not in taxonomy.domain_codes or kind not in taxonomy.kind_codes:
            raise ConfigError(
                f"{phrases}: topics[{i}]: unknown domain {domain!r} or kind {kind!r}; "
                f"valid domains: {', '.join(taxonomy.domain_codes)}; kinds: {', '.join(taxonomy.kind_codes)}"
            )
        for subject in topic["subjects"]:
            for _ in range(variants):
                text = (
                    rng.choice(raw["openings"])
                    + rng.choice(raw["places"])
                    + rng.choice(("", "", "最近", "长期以来", "近半年来"))
                    + subject
                    + "。"
                    + rng.choice(raw["requests"][kind])
                )
                rows.append({"id": f"sup-{len(rows) + 1:05d}", "text": text, "kind": kind, "domain": domain,
                             "domains": [domain]})
    return rows


def main() -> int:
    rows = generate_supplement()
    OUTPUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{OUTPUT}: {len(rows)} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
