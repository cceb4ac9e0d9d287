"""A trained person-name tagger: a character CRF (python-crfsuite) over the pipeline's own segmentation.

The rule-based person finder trusts a name when a title, a cue word or an anonymised form marks it; news and
social text name people bare (温格说, 金庸的小说). A tagger trained on labelled sentences finds those. It is
optional: an office trains one on its own labelled text (or a benchmark on a public NER set) with
``python -m models.name_tagger train``, and the pipeline uses it when the setting ``name_tagger`` names its
directory. What it reads: the characters, the jieba segmentation with the domain dictionary (word position and
the dictionary's part-of-speech tag of the word) and the surname list. What it sets: spans of person names,
which the person component adds as candidates beside its own.

The model is crfsuite's own binary file plus ``tagger.json`` (format, training figures); no pickle.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pycrfsuite

from triage.errors import ModelError

MODEL_FILE = "names.crfsuite"
META_FILE = "tagger.json"
FORMAT = "triage-name-tagger-1"


def _char_type(ch: str) -> str:
    if "\u4e00" <= ch <= "\u9fff":
        return "cjk"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    if ch.isspace():
        return "space"
    return "punct"


class _Featurizer:
    def __init__(self) -> None:
        from triage.nlp.lexicon import load_lexicon
        from triage.nlp.pipeline import load_word_tags, segment

        lexicon = load_lexicon()
        self.surnames = lexicon.surnames
        self.compound = lexicon.compound_surnames
        self.tags = load_word_tags()
        self.segment = segment

    def tokens(self, text: str) -> list[tuple[str, int, int]]:
        out, pos = [], 0
        for word in self.segment(text):
            start = text.find(word, pos)
            if start < 0:  # the segmenter normalised something: fall back to characters
                return [(ch, i, i + 1) for i, ch in enumerate(text)]
            out.append((word, start, start + len(word)))
            pos = start + len(word)
        return out

    def features(self, text: str, tokens: Sequence[tuple[str, int, int]] | None = None) -> list[list[str]]:
        tokens = tokens if tokens is not None else self.tokens(text)
        n = len(text)
        pos = ["S"] * n
        tag = ["-"] * n
        tok = [""] * n
        for word, s, e in tokens:
            t = self.tags.get(word, "oov")
            for i in range(s, min(e, n)):
                pos[i] = "S" if e - s == 1 else ("B" if i == s else ("E" if i == e - 1 else "M"))
                tag[i] = t
                tok[i] = word if len(word) <= 4 else ""
        padded = "\x02\x02" + text + "\x03\x03"
        feats = []
        for i, ch in enumerate(text):
            j = i + 2
            f = [
                "bias", f"c={ch}", f"c-1={padded[j - 1]}", f"c+1={padded[j + 1]}", f"c-2={padded[j - 2]}",
                f"c+2={padded[j + 2]}", f"b-1={padded[j - 1]}{ch}", f"b+1={ch}{padded[j + 1]}",
                f"t={_char_type(ch)}", f"p={pos[i]}", f"g={tag[i]}", f"pg={pos[i]}{tag[i]}",
            ]
            if ch in self.surnames:
                f.append("sur")
            if text[i:i + 2] in self.compound:
                f.append("sur2")
            if tok[i]:
                f.append(f"w={tok[i]}")
            if i > 0:
                f.append(f"g-1={tag[i - 1]}")
                if padded[j - 1] in self.surnames:
                    f.append("sur-1")
            if i + 1 < n:
                f.append(f"g+1={tag[i + 1]}")
            feats.append(f)
        return feats


def name_spans_of(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Every occurrence of every name (longest first, no overlaps): gold spans from a set of names."""
    taken = [False] * len(text)
    spans = []
    for name in sorted(set(names), key=len, reverse=True):
        if not name:
            continue
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not any(taken[start:end]):
                spans.append((start, end))
                for i in range(start, end):
                    taken[i] = True
            start = text.find(name, end)
    return sorted(spans)


def _bio(n: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    labels = ["O"] * n
    for s, e in spans:
        labels[s] = "B"
        for i in range(s + 1, e):
            labels[i] = "I"
    return labels


MODES = ("add", "arbitrate")
"""How the person component uses a tagger's names: ``add`` puts them beside its own; ``arbitrate`` also drops a
name the rules found with no title or cue when the tagger does not mark it."""


class NameTagger:
    """``NameTagger.load(dir)``; ``spans(text)`` → [(start, end)] of person names.

    ``mode`` (one of ``MODES``) and ``min_confidence`` (the lowest marginal probability, over a span's characters,
    of the tagger's labels for it; 0 keeps every span) are saved in ``tagger.json`` when the tagger is trained and
    can be overridden when it is loaded, to compare them on held-out text before choosing."""

    def __init__(self, directory: Path, tagger: pycrfsuite.Tagger, meta: dict):
        self.directory = directory
        self.meta = meta
        self.mode = meta.get("mode", "add")
        self.min_confidence = float(meta.get("min_confidence", 0.0))
        self._tagger = tagger
        self._featurizer = _Featurizer()

    @classmethod
    def load(cls, directory: str | Path, mode: str | None = None,
             min_confidence: float | None = None) -> NameTagger:
        directory = Path(directory)
        meta_path = directory / META_FILE
        if not (directory / MODEL_FILE).is_file() or not meta_path.is_file():
            raise ModelError(f"{directory}: not a name tagger (no {MODEL_FILE} and {META_FILE}); "
                             "train one with `python -m models.name_tagger train`")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ModelError(f"{meta_path}: not valid JSON ({exc})") from exc
        if meta.get("format") != FORMAT:
            raise ModelError(f"{meta_path}: format {meta.get('format')!r}, expected {FORMAT!r}")
        if mode is not None:
            meta["mode"] = mode
        if min_confidence is not None:
            meta["min_confidence"] = min_confidence
        _check_options(meta.get("mode", "add"), meta.get("min_confidence", 0.0), meta_path)
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(directory / MODEL_FILE))
        except (OSError, ValueError) as exc:
            raise ModelError(f"{directory / MODEL_FILE}: cannot be read ({exc})") from exc
        return cls(directory, tagger, meta)

    def spans(self, text: str, tokens: Sequence[tuple[str, int, int]] | None = None) -> list[tuple[int, int]]:
        if not text:
            return []
        labels = self._tagger.tag(self._featurizer.features(text, tokens))
        spans, start = [], None
        for i, label in enumerate([*labels, "O"]):
            if label != "I" and start is not None:
                spans.append((start, i))
                start = None
            if label == "B":
                start = i
        if self.min_confidence > 0:  # marginals of the sequence just tagged
            spans = [(s, e) for s, e in spans
                     if min(self._tagger.marginal(labels[i], i) for i in range(s, e)) >= self.min_confidence]
        return spans

    @staticmethod
    def train(
        examples: Iterable[tuple[str, Iterable[str]]],
        out: str | Path,
        *,
        max_iterations: int = 150,
        c1: float = 0.05,
        c2: float = 0.01,
        mode: str = "add",
        min_confidence: float = 0.0,
        progress: Callable[[str], None] | None = None,
    ) -> NameTagger:
        """Train on (text, names in it) pairs; every occurrence of a name is a gold span. ``mode`` and
        ``min_confidence`` are saved with the model (see ``NameTagger``)."""
        _check_options(mode, min_confidence, "name tagger")
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        featurizer = _Featurizer()
        trainer = pycrfsuite.Trainer(verbose=False)
        sentences = names_total = 0
        started = time.perf_counter()
        for text, names in examples:
            if not text:
                continue
            spans = name_spans_of(text, names)
            trainer.append(featurizer.features(text), _bio(len(text), spans))
            sentences += 1
            names_total += len(spans)
            if progress and sentences % 2000 == 0:
                progress(f"name tagger: {sentences} sentences read")
        if sentences == 0:
            raise ModelError("no training sentences for the name tagger")
        trainer.set_params({"c1": c1, "c2": c2, "max_iterations": max_iterations,
                            "feature.possible_transitions": True})
        if progress:
            progress(f"name tagger: training on {sentences} sentences ({names_total} names)")
        trainer.train(str(out / MODEL_FILE))
        meta = {"format": FORMAT, "sentences": sentences, "names": names_total, "c1": c1, "c2": c2,
                "max_iterations": max_iterations, "mode": mode, "min_confidence": min_confidence,
                "seconds": round(time.perf_counter() - started, 1)}
        (out / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        return NameTagger.load(out)


def _check_options(mode: object, min_confidence: object, where: object) -> None:
    if mode not in MODES:
        raise ModelError(f"{where}: mode {mode!r} is not one of {', '.join(MODES)}")
    if not isinstance(min_confidence, (int, float)) or not 0.0 <= float(min_confidence) < 1.0:
        raise ModelError(f"{where}: min_confidence {min_confidence!r} is not a number from 0 up to (not including) 1")
