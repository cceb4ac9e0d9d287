"""Word segmentation for the search index: documents and queries are cut the same way.

This module is the one place outside ``triage/nlp`` allowed to import jieba (STYLE.md keeps spaCy, jieba
and transformers in ``triage/nlp``): the index needs only jieba's word cutter, and keeping it here lets
the index stay usable while ``triage.nlp`` grows. When ``triage.nlp`` offers a segmentation function of
its own, :func:`segment` should call it instead; the index must then be rebuilt (``triage reindex``),
because documents and queries have to be cut by the same segmenter.

The segmenter is a private ``jieba.Tokenizer`` (the global one is left alone) loaded with the project's
domain dictionary ``triage/data/lexicon_domain.txt`` when it exists, and with the words of the taxonomy's
labels and descriptions (危房改造, 低保金, 优亲厚友 …), so that scheme names stay whole words.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from importlib import resources

import jieba

from triage.taxonomy import default_taxonomy

_WORD_SPLIT_RE = re.compile(r"[、，,；;。（）()“”\"/\s]+")
_LOCK = threading.Lock()


def _taxonomy_words() -> list[str]:
    words: list[str] = []
    taxonomy = default_taxonomy()
    for code in taxonomy.domains + taxonomy.kinds:
        for text in (code.label, code.description):
            for word in _WORD_SPLIT_RE.split(text or ""):
                if 2 <= len(word) <= 8 and not word.isascii():
                    words.append(word)
    return words


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    with _LOCK:
        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        user_dict = resources.files("triage.data").joinpath("lexicon_domain.txt")
        if user_dict.is_file():
            with resources.as_file(user_dict) as path:
                tokenizer.load_userdict(str(path))
        for word in _taxonomy_words():
            tokenizer.add_word(word)
        return tokenizer


def segment(text: str) -> list[str]:
    """The words of ``text`` in order, without whitespace; punctuation marks are words of their own."""
    if not text:
        return []
    return [word for word in _tokenizer().lcut(text) if word.strip()]


def subwords(words: list[str]) -> list[str]:
    """The dictionary words inside longer words (危房改造 → 危房, 改造), as jieba's search mode finds them,
    so that a query for a part of a compound word finds it; words already in ``words`` are left out."""
    freq = _tokenizer().FREQ
    have = set(words)
    found: dict[str, None] = {}
    for word in words:
        if len(word) <= 2:
            continue
        for size in (2, 3):
            for i in range(len(word) - size + 1):
                gram = word[i:i + size]
                if gram != word and gram not in have and freq.get(gram):
                    found.setdefault(gram, None)
    return list(found)


def segment_query(text: str) -> list[list[str]]:
    """A query as the user typed it: one list of lower-cased words per whitespace-separated part,
    punctuation dropped (张建国 低保 → [[张建国], [低保]]; 柳树村 → [[柳树, 村]])."""
    parts: list[list[str]] = []
    for part in text.split():
        words = [w.lower() for w in segment(part) if any(ch.isalnum() for ch in w)]
        if words:
            parts.append(words)
    return parts
