"""No module of the project assigns a top-level name twice: in the rule modules (triage/nlp/persons.py has a
hundred pattern constants) a second assignment silently replaces the first for every use of it."""

import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("triage", "models", "indexer", "web", "corpora")
MODULES = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))


def top_level_names(source: str) -> Counter:
    names: Counter = Counter()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        names.update(t.id for t in targets if isinstance(t, ast.Name))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_assigned_twice(path):
    twice = [name for name, n in top_level_names(path.read_text(encoding="utf-8")).items() if n > 1]
    assert twice == [], f"{path.relative_to(ROOT)} assigns {twice} more than once"


def test_the_check_sees_a_second_assignment():
    assert top_level_names("A = 1\ndef f(): pass\nA = 2\n")["A"] == 2
