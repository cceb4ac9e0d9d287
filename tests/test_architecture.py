"""Who may import whom (STYLE.md): the core never imports web/ or indexer/; only the NLP and model code import
spaCy, jieba or transformers; inside the core only the store speaks SQL."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NLP_LIBS = {"spacy", "jieba", "transformers", "torch"}


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


CORE = [p for p in modules("triage") if p.name != "cli.py"]


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_does_not_import_web_or_indexer(path):
    assert not imports_of(path) & {"web", "indexer"}


ALL = modules("triage") + modules("indexer") + modules("web") + modules("models")


@pytest.mark.parametrize("path", ALL, ids=lambda p: str(p.relative_to(ROOT)))
def test_only_nlp_and_models_import_nlp_libraries(path):
    rel = path.relative_to(ROOT).as_posix()
    if rel.startswith(("triage/nlp/", "models/")):
        return
    assert not imports_of(path) & NLP_LIBS, f"{rel} imports {imports_of(path) & NLP_LIBS}"


@pytest.mark.parametrize("path", modules("triage") + modules("web"), ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_store_speaks_sql(path):
    if path.relative_to(ROOT).as_posix() == "triage/store.py":
        return
    assert "sqlite3" not in imports_of(path)


def test_core_import_has_no_side_effects():
    import subprocess
    import sys

    code = "import sys, triage.petition, triage.routing, triage.store, triage.service; " \
           "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy','jieba','transformers','torch'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
