"""Write the classifier supplement ``models/data/supplement.jsonl``.

The generated corpora hold rural accusations; a message board also gets civil disputes, complaints about
companies, consultations and proposals about public works. The supplement adds such messages (domain mostly
``other``, kinds ``non_jurisdiction`` and ``suggestion``, and some accusations written the city way) so that
the default model has seen them. Two sources, both written by the project:

- ``supplement_phrases.yaml``: one-sentence messages (an opening, a place, a subject, a request);
- ``supplement_letters.yaml``: board letters with a title line and a body of several sentences (an opening,
  a masked place such as ``K3县``, since when, one to three of the topic's details in order, remarks any
  writer adds, the request of the letter's kind, a closing).

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
LETTERS = DATA / "supplement_letters.yaml"
LETTER_VARIANTS = 14
OUTPUT = DATA / "supplement.jsonl"
VARIANTS = 6
SEED = 20261124


def _check_labels(path: Path, where: str, domain: object, kind: object) -> None:
    taxonomy = default_taxonomy()
    if domain not in taxonomy.domain_codes or kind not in taxonomy.kind_codes:
        raise ConfigError(
            f"{path}: {where}: unknown domain {domain!r} or kind {kind!r}; "
            f"valid domains: {', '.join(taxonomy.domain_codes)}; kinds: {', '.join(taxonomy.kind_codes)}"
        )


def generate_supplement(
    phrases: Path = PHRASES,
    variants: int = VARIANTS,
    seed: int = SEED,
    letters: Path | None = LETTERS,
    letter_variants: int = LETTER_VARIANTS,
) -> list[dict]:
    raw = yaml.safe_load(phrases.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    rows: list[dict] = []
    for i, topic in enumerate(raw["topics"]):
        domain, kind = topic.get("domain"), topic.get("kind")
        _check_labels(phrases, f"topics[{i}]", domain, kind)
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
    if letters is not None:
        for text, kind, domain in generate_letters(letters, letter_variants, rng):
            rows.append({"id": f"sup-{len(rows) + 1:05d}", "text": text, "kind": kind, "domain": domain,
                         "domains": [domain]})
    return rows


def _masked_place(raw: dict, rng: random.Random) -> str:
    form = rng.choice(raw["masked_places"]["forms"])
    letter = rng.choice(raw["masked_places"]["letters"])
    # one letter a place, as the board writes it: A市A3区, K9县
    return form.replace("{L}", letter).replace("{n}", str(rng.randint(1, 12)))


def generate_letters(path: Path, variants: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(text, kind, domain) of ``variants`` letters per topic of ``supplement_letters.yaml``."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str, str]] = []
    for i, topic in enumerate(raw["letters"]):
        domain, kind = topic.get("domain"), topic.get("kind")
        _check_labels(path, f"letters[{i}]", domain, kind)
        details = topic["details"]
        for _ in range(variants):
            place = _masked_place(raw, rng)
            fields = {
                "place": place,
                "estate": rng.choice(raw["masked_places"]["estates"]),
                "street": rng.choice(raw["masked_places"]["streets"]),
            }
            title = rng.choice(topic["titles"]).format(**fields)
            chosen = sorted(rng.sample(range(len(details)), rng.randint(1, min(3, len(details)))))
            remarks = raw["remarks"]["any"] + raw["remarks"].get(kind, [])
            body = (
                rng.choice(raw["openings"])
                + rng.choice(("", "", f"家住{place}，", f"{place}{fields['street']}一带，"))
                + rng.choice(raw["times"])
                + "".join(details[j] for j in chosen)
                + "".join(rng.sample(remarks, rng.randint(0, 2)))
                + rng.choice(raw["requests"][kind])
                + rng.choice(raw["closings"])
            )
            out.append((f"{title}\n{body}", kind, domain))
    return out


def main() -> int:
    rows = generate_supplement()
    OUTPUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{OUTPUT}: {len(rows)} records")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
