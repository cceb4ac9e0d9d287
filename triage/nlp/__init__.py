"""Chinese text analysis: segmentation and extraction of persons, money, places, dates and organisations.

The only package of the project that imports spaCy and jieba. ``Analyzer`` is what the rest of the
system calls; the pipeline and its components are in :mod:`triage.nlp.pipeline`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from triage.gazetteer import Gazetteer
from triage.petition import Extraction

EXTRACT_VERSION = "extract-0.1"

__all__ = ["Analyzer", "EXTRACT_VERSION"]


class Analyzer:
    """Builds the pipeline once (dictionary, regexes, tables); ``extract`` is then pure per text.

    >>> analyzer = Analyzer()
    >>> [a.value for a in analyzer.extract("村支书冒领低保金2.3万元").amounts]
    [23000.0]
    """

    version = EXTRACT_VERSION

    def __init__(self, gazetteer: Gazetteer | None = None, name_tagger: str | Path | None = None,
                 tagger_mode: str | None = None, tagger_min_confidence: float | None = None):
        from triage.nlp.pipeline import build_pipeline

        self.gazetteer = gazetteer
        self.name_tagger = name_tagger
        self.nlp = build_pipeline(gazetteer, name_tagger, tagger_mode, tagger_min_confidence)
        if name_tagger:
            import hashlib

            from triage.nlp.tagger import MODEL_FILE

            tagger = self.nlp.get_pipe("triage_persons")  # the loaded tagger's effective options
            options = f"{tagger.tagger_mode}:{tagger.tagger_min_confidence}".encode()
            digest = hashlib.sha256((Path(name_tagger) / MODEL_FILE).read_bytes() + options).hexdigest()[:8]
            self.version = f"{EXTRACT_VERSION}+names-{digest}"  # results say which tagger read them, and how
        self._tokenizer = self.nlp.tokenizer

    def tokens(self, text: str) -> list[str]:
        """The jieba segmentation with the domain dictionary (whitespace dropped)."""
        return [w for w in self._tokenizer.cut(text) if w.strip()]

    def extract(self, text: str, received_at: date | None = None) -> Extraction:
        doc = self.nlp.make_doc(text)
        doc._.received_at = received_at
        for _name, component in self.nlp.pipeline:
            doc = component(doc)
        return Extraction(
            persons=tuple(doc._.persons),
            amounts=tuple(doc._.amounts),
            places=tuple(doc._.places),
            dates=tuple(doc._.dates),
            organisations=tuple(doc._.organisations),
        )

    def extract_many(self, items: Iterable[tuple[str, date | None]], n_process: int = 1) -> list[Extraction]:
        """Extraction of many texts, in order. ``n_process`` is accepted for the interface; the work runs in
        this process (one text takes well under a millisecond)."""
        return [self.extract(text, received_at) for text, received_at in items]
