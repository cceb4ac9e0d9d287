"""Text features shared by the baseline: jieba words (and word bigrams) and character n-grams.

Pre-segmented training text (a CSV ``tokens`` column) keeps its word boundaries as spaces; raw text is
segmented with jieba. Both analyzers are module-level functions so that a fitted vectorizer pickles.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
# Placeholders and digits carry little topic: map every digit run to one symbol.
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def normalize_for_features(text: str) -> str:
    """NFKC (full-width digits and letters to ASCII), lower case, digit runs collapsed to '0'."""
    return _DIGITS.sub("0", unicodedata.normalize("NFKC", text).lower())


def _is_word(token: str) -> bool:
    return any(ch.isalnum() for ch in token)


def segment_words(text: str) -> list[str]:
    """Words of a text as the extraction pipeline cuts it (``triage.nlp.segment``: jieba with the domain
    dictionary, reused when the pipeline has just read the text, so a petition is segmented once), each
    word normalised; whitespace and punctuation dropped. Pre-segmented text keeps its spaces as boundaries."""
    from triage.nlp.pipeline import segment

    words: list[str] = []
    for token in segment(text):
        words.extend(w for w in _SPACE.split(normalize_for_features(token)) if w and _is_word(w))
    return words


def analyze_words(text: str) -> list[str]:
    """Word unigrams and adjacent-word bigrams (the word analyzer of the baseline)."""
    words = segment_words(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def strip_spaces(text: str) -> str:
    """Text for the character n-grams: normalised, without whitespace (so segmented and raw text agree)."""
    return _SPACE.sub("", normalize_for_features(text))
