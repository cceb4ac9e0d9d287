"""The classifier supplement (models/supplement.py): deterministic, labelled with taxonomy codes, letters
shaped like board messages, and bad phrase files refused with the file and the entry named."""

from __future__ import annotations

import json
import re

import pytest

from models.supplement import LETTERS, OUTPUT, PHRASES, generate_supplement
from triage.errors import ConfigError
from triage.taxonomy import default_taxonomy


def test_generation_is_deterministic_and_matches_the_committed_file():
    rows = generate_supplement()
    assert rows == generate_supplement()
    committed = [json.loads(line) for line in OUTPUT.read_text(encoding="utf-8").splitlines()]
    assert rows == committed, "models/data/supplement.jsonl is stale: run python -m models.supplement"


def test_every_record_has_taxonomy_codes_and_no_unfilled_slot():
    taxonomy = default_taxonomy()
    rows = generate_supplement()
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["kind"] in taxonomy.kind_codes and r["domain"] in taxonomy.domain_codes
        assert r["domains"] == [r["domain"]]
        assert "{" not in r["text"] and "}" not in r["text"], r["text"]
    kinds = {r["kind"] for r in rows}
    assert {"non_jurisdiction", "suggestion", "accusation"} <= kinds


def test_letters_have_a_title_line_a_masked_place_and_a_body_of_several_sentences():
    without = generate_supplement(letters=None)
    letters = generate_supplement()[len(without):]
    assert len(letters) > 300
    for r in letters:
        title, body = r["text"].split("\n")
        assert title and len(body) > len(title)
    masked = [r for r in letters if re.search(r"[A-Z]\d*[市县区]", r["text"])]
    assert len(masked) > len(letters) // 3
    several = [r for r in letters if r["text"].count("。") + r["text"].count("？") >= 3]
    assert len(several) > len(letters) // 2


@pytest.mark.parametrize("field, value", [("kind", "complaint"), ("domain", "traffic")])
def test_unknown_code_in_the_letters_file_is_named(tmp_path, field, value):
    text = LETTERS.read_text(encoding="utf-8")
    first = {"kind": "kind: non_jurisdiction", "domain": "domain: other"}[field]
    bad = tmp_path / "letters.yaml"
    bad.write_text(text.replace(first, f"{field}: {value}", 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"letters\.yaml: letters\[0\]: unknown domain .*{value}"):
        generate_supplement(PHRASES, letters=bad)
