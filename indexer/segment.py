"""Word segmentation for the search index: documents and queries are cut the same way.

Words come from :meth:`triage.nlp.Analyzer.tokens` (jieba with the project's domain dictionary; the
index imports no NLP library itself). One analyzer is built per process, on first use (~3 s). Changing
the segmenter or its dictionary changes the words of new documents and queries: run ``triage reindex``.

Segmenters disagree with themselves across contexts (危房改造 is one word in a document, 危房 one word in a
query), so each document also carries its ``subwords``: the 2-character pieces of every longer Chinese
word and the 3-character pieces of words of four or more, so that a query word found inside a longer
document word still matches.
"""

from __future__ import annotations

import threading
from functools import lru_cache

from triage.nlp import Analyzer

_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    with _LOCK:
        return Analyzer()


def segment(text: str) -> list[str]:
    """The words of ``text`` in order, without whitespace; punctuation marks are words of their own."""
    if not text or not text.strip():
        return []
    return [word for word in _analyzer().tokens(text) if word.strip()]


def _is_chinese(word: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" for ch in word)


def subwords(words: list[str]) -> list[str]:
    """Pieces of longer Chinese words not already in ``words``:
    危房改造 → 危房, 房改, 改造, 危房改, 房改造."""
    have = set(words)
    found: dict[str, None] = {}
    for word in words:
        if len(word) <= 2 or not _is_chinese(word):
            continue
        for size in (2, 3):
            if size >= len(word):
                break
            for i in range(len(word) - size + 1):
                piece = word[i : i + size]
                if piece not in have:
                    found.setdefault(piece, None)
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
