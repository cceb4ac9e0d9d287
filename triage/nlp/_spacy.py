"""spaCy, imported without torch.

spaCy's machine-learning library thinc imports torch when it is installed (2–3 s of start-up on this
machine) only to offer torch-backed layers, which this pipeline never uses: it is a tokenizer and rule
components. While spaCy is first imported, ``import torch`` is made to fail, so thinc records that torch is
absent; the block is lifted at once, and the transformer classifier (models/transformer.py) imports torch
normally when it is used. When torch or thinc is already loaded, nothing is blocked.
"""

from __future__ import annotations

import sys


def _import_spacy():
    block = "torch" not in sys.modules and "thinc" not in sys.modules
    if block:
        sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError
    try:
        import spacy
        import spacy.language
        import spacy.tokens
        import spacy.util
    finally:
        if block and "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


spacy = _import_spacy()
Language = spacy.language.Language
Doc = spacy.tokens.Doc
get_words_and_spaces = spacy.util.get_words_and_spaces
