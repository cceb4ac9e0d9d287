"""The hand-label sets of corpora/eval/: ids and codes only (never text), taxonomy codes, no message in two sets."""

import json
from collections import Counter
from pathlib import Path

import pytest

from triage.taxonomy import default_taxonomy

EVAL = Path(__file__).resolve().parent.parent / "corpora" / "eval"
SETS = ("", "_b", "_c", "_d", "_e", "_f", "_g", "_h")


def _rows(suffix: str) -> list[dict]:
    path = EVAL / f"messages_labels{suffix}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("suffix", SETS)
def test_each_set_holds_100_labels_of_taxonomy_codes_and_no_text(suffix):
    taxonomy = default_taxonomy()
    rows = _rows(suffix)
    assert len(rows) == 100
    for row in rows:
        assert set(row) == {"id", "kind", "domain"}, row
        assert row["kind"] in taxonomy.kind_codes
        assert row["domain"] in taxonomy.domain_codes


def test_no_message_is_labelled_in_two_sets():
    counts = Counter(row["id"] for suffix in SETS for row in _rows(suffix))
    assert [i for i, n in counts.items() if n > 1] == []
    assert len(counts) == 100 * len(SETS)


def test_the_labelling_guide_names_every_set():
    guide = (EVAL / "LABELLING.md").read_text(encoding="utf-8")
    for suffix in SETS:
        assert f"messages_labels{suffix}.jsonl" in guide
