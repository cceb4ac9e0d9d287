"""The spaCy pipeline: a jieba tokenizer with the domain dictionary, and four small components.

| component        | reads                                   | sets                                   |
|------------------|-----------------------------------------|----------------------------------------|
| tokenizer        | text                                    | tokens (jieba words, domain dictionary)|
| triage_amounts   | doc.text                                 | doc._.amounts                          |
| triage_dates     | doc.text, doc._.received_at              | doc._.dates                            |
| triage_places    | tokens, doc._.amounts, doc._.dates      | doc._.places, doc._.organisations      |
| triage_persons   | tokens, doc._.places, amounts, dates    | doc._.persons                          |
"""

from __future__ import annotations

import functools
import logging
import os
import re
from pathlib import Path
from typing import Any

import jieba

from triage.gazetteer import Gazetteer
from triage.nlp._spacy import Doc, Language, get_words_and_spaces, spacy
from triage.nlp.amounts import build_amount_regex, find_amounts
from triage.nlp.dates import find_dates
from triage.nlp.lexicon import Lexicon, load_lexicon
from triage.nlp.persons import PersonFinder
from triage.nlp.places import build_organisation_regex, find_organisations, find_place_parts, group_places

jieba.setLogLevel(logging.WARNING)  # its start-up lines are DEBUG noise on the command line

for _name in ("amounts", "dates", "places", "organisations", "persons"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())
if not Doc.has_extension("received_at"):
    Doc.set_extension("received_at", default=None)
if not Doc.has_extension("token_spans"):
    Doc.set_extension("token_spans", default=None)


def doc_text(doc: Doc) -> str:
    """The text of the doc, kept by the tokenizer (``doc.text`` rebuilds it from the tokens every call)."""
    return doc.user_data.get("triage_text") or doc.text


def doc_tokens(doc: Doc) -> list[tuple[str, int, int]]:
    """(word, start, end) of every token, character offsets into the text."""
    if doc._.token_spans is None:
        doc._.token_spans = [(t.text, t.idx, t.idx + len(t.text)) for t in doc]
    return doc._.token_spans


@functools.lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, str], dict[str, int]]:
    """Tags and frequencies of jieba's main dictionary, read once per process (the file has 350,000 lines)."""
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    fields = path.read_text(encoding="utf-8").split()
    if len(fields) % 3:
        raise ValueError(f"{path}: expected 'word frequency tag' on every line")
    tags = dict(zip(fields[0::3], fields[2::3], strict=True))
    freqs = {word: int(freq) for word, freq in zip(fields[0::3], fields[1::3], strict=True)}
    for word, _freq, tag in load_lexicon().domain_words:  # the domain dictionary's words count as words too, and
        if word not in tags or tags[word].startswith("nr"):  # as the words it says they are where jieba calls
            tags[word] = tag                                  # them names (路基 nrt)
    return tags, freqs


def load_word_tags() -> dict[str, str]:
    """Part-of-speech tags of jieba's main dictionary (word → tag), to tell names from other words; shared, not
    to be changed."""
    return _jieba_dictionary()[0]


def load_word_freqs() -> dict[str, int]:
    """Frequencies of jieba's main dictionary (word → count): a frequent word is rarely a name; shared."""
    return _jieba_dictionary()[1]


def gazetteer_to_config(gazetteer: Gazetteer | None) -> dict[str, Any] | None:
    if gazetteer is None:
        return None
    return {
        "province": gazetteer.province,
        "city": gazetteer.city,
        "county": gazetteer.county,
        "townships": {k: list(v) for k, v in gazetteer.townships.items()},
        "departments": list(gazetteer.departments),
    }


def gazetteer_from_config(config: dict[str, Any] | None) -> Gazetteer | None:
    if not config:
        return None
    return Gazetteer(
        province=config.get("province"),
        city=config.get("city"),
        county=config.get("county"),
        townships={k: tuple(v) for k, v in (config.get("townships") or {}).items()},
        departments=tuple(config.get("departments") or ()),
    )


# The segmentation of the last texts the pipeline read (its tokenizer's __call__, not the plain ``cut`` the
# search index uses for its own words), so that the classifier's word features (models/features.py) reuse it
# instead of segmenting every text a second time. It only has to outlive one batch: a plain dict, cleared when
# it holds more than _SEGMENTATIONS_MAX_CHARS characters of text; get and set are atomic under the GIL, so
# the threads of the web app may share it.
_SEGMENTATIONS: dict[str, tuple[str, ...]] = {}
_SEGMENTATIONS_MAX_CHARS = 2_000_000
_segmented_chars = 0


def remember_segmentation(text: str, words: list[str]) -> None:
    global _segmented_chars
    if _segmented_chars + len(text) > _SEGMENTATIONS_MAX_CHARS:
        _SEGMENTATIONS.clear()
        _segmented_chars = 0
    _SEGMENTATIONS[text] = tuple(words)
    _segmented_chars += len(text)


@functools.lru_cache(maxsize=1)
def _plain_segmenter() -> JiebaTokenizer:
    return JiebaTokenizer(None, load_lexicon(), None)


def segment(text: str) -> list[str]:
    """The words of ``text`` as the pipeline's tokenizer cuts it (the domain dictionary, every character kept):
    the pipeline's own cut when it has just read this text, else a cut with the domain dictionary alone."""
    words = _SEGMENTATIONS.get(text)
    if words is not None:
        return list(words)
    return _plain_segmenter().cut(text)


class JiebaTokenizer:
    """A private jieba segmenter (so the process-wide jieba dictionary is left alone) with the domain
    dictionary and the gazetteer's names; returns a spaCy Doc whose tokens are the jieba words."""

    def __init__(self, vocab, lexicon: Lexicon, gazetteer: Gazetteer | None):
        self.vocab = vocab
        self.segmenter = jieba.Tokenizer()
        self.segmenter.tmp_dir = os.environ.get("TMPDIR") or None
        self.segmenter.initialize()
        for word, freq, tag in lexicon.jieba_entries():
            self.segmenter.add_word(word, freq, tag)
        if gazetteer is not None:
            names = gazetteer.township_names() + gazetteer.village_names() + list(gazetteer.departments)
            names += [n for n in (gazetteer.county, gazetteer.city, gazetteer.province) if n]
            for name in names:
                self.segmenter.add_word(name, 50000, "ns")

    def cut(self, text: str) -> list[str]:
        return [w for w in self.segmenter.cut(text, cut_all=False, HMM=True) if w]

    def __call__(self, text: str) -> Doc:
        words = self.cut(text)
        remember_segmentation(text, words)
        spans = []
        pos = 0
        for word in words:
            spans.append((word, pos, pos + len(word)))
            pos += len(word)
        if pos != len(text):  # jieba keeps every character; anything else is a bug worth seeing
            raise ValueError("segmentation does not cover the text")
        words, spaces = get_words_and_spaces(words, text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data["triage_text"] = text
        doc._.token_spans = spans if len(words) == len(spans) else None
        return doc


@Language.factory("triage_amounts")
def make_amounts(nlp: Language, name: str):
    lexicon = load_lexicon()
    amount_re = build_amount_regex(list(lexicon.currencies))

    def triage_amounts(doc: Doc) -> Doc:
        doc._.amounts = tuple(find_amounts(doc_text(doc), amount_re, lexicon.currencies))
        return doc

    return triage_amounts


@Language.factory("triage_dates")
def make_dates(nlp: Language, name: str):
    def triage_dates(doc: Doc) -> Doc:
        doc._.dates = tuple(find_dates(doc_text(doc), doc._.received_at))
        return doc

    return triage_dates


@Language.factory("triage_places", default_config={"gazetteer": None})
def make_places(nlp: Language, name: str, gazetteer: dict[str, Any] | None):
    lexicon = load_lexicon()
    gaz = gazetteer_from_config(gazetteer)
    tags = load_word_tags()
    provinces = frozenset(lexicon.provinces)
    org_names = list(lexicon.departments) + (list(gaz.departments) if gaz else [])
    org_re = build_organisation_regex(org_names)

    def triage_places(doc: Doc) -> Doc:
        tokens = doc_tokens(doc)
        blocked = [(a.start, a.end) for a in doc._.amounts] + [(d.start, d.end) for d in doc._.dates]
        orgs = find_organisations(doc_text(doc), org_re, gaz, {s for _, s, _ in tokens}, tags)
        parts = find_place_parts(doc_text(doc), tokens, tags, gaz, provinces,
                                 blocked + [(o.start + (len(o.text) - len(o.text.lstrip("县市区省"))), o.end)
                                            for o in orgs])
        doc._.places = tuple(group_places(parts, doc_text(doc), gaz))
        doc._.organisations = tuple(orgs)
        return doc

    return triage_places


@Language.factory("triage_persons", default_config={"name_tagger": None, "tagger_mode": None,
                                                     "tagger_min_confidence": None})
def make_persons(nlp: Language, name: str, name_tagger: str | None, tagger_mode: str | None,
                 tagger_min_confidence: float | None):
    finder = PersonFinder(load_lexicon(), load_word_tags(), load_word_freqs())
    tagger = None
    if name_tagger:
        from triage.nlp.tagger import NameTagger

        tagger = NameTagger.load(name_tagger, tagger_mode, tagger_min_confidence)
    arbitrate = tagger is not None and tagger.mode == "arbitrate"

    def triage_persons(doc: Doc) -> Doc:
        blocked = [(a.start, a.end) for a in doc._.amounts] + [(d.start, d.end) for d in doc._.dates]
        text, tokens = doc_text(doc), doc_tokens(doc)
        tagged = tagger.spans(text, tokens) if tagger is not None else None
        doc._.persons = tuple(finder.find(text, tokens, list(doc._.places), blocked, tagged, arbitrate))
        return doc

    triage_persons.tagger_mode = tagger.mode if tagger is not None else None  # type: ignore[attr-defined]
    triage_persons.tagger_min_confidence = (  # type: ignore[attr-defined]
        tagger.min_confidence if tagger is not None else None)
    return triage_persons


def build_pipeline(gazetteer: Gazetteer | None = None, name_tagger: str | Path | None = None,
                   tagger_mode: str | None = None, tagger_min_confidence: float | None = None) -> Language:
    """spaCy ``zh`` with the jieba tokenizer and the four components, in order; ``name_tagger`` is the
    directory of an optional trained person-name tagger, used with the mode and confidence saved with it
    unless ``tagger_mode`` or ``tagger_min_confidence`` is given."""
    nlp = spacy.blank("zh")  # default character segmenter, replaced below: no global jieba state touched
    nlp.tokenizer = JiebaTokenizer(nlp.vocab, load_lexicon(), gazetteer)
    nlp.add_pipe("triage_amounts")
    nlp.add_pipe("triage_dates")
    nlp.add_pipe("triage_places", config={"gazetteer": gazetteer_to_config(gazetteer)})
    nlp.add_pipe("triage_persons", config={"name_tagger": str(name_tagger) if name_tagger else None,
                                           "tagger_mode": tagger_mode, "tagger_min_confidence": tagger_min_confidence})
    return nlp


_SPACE = re.compile(r"\s+")
