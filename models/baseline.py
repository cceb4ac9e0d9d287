"""The fast baseline classifier: word + character-n-gram TF-IDF, one linear SVM per domain and per kind,
each calibrated with Platt scaling on out-of-fold decision values.

Domain scores are multi-label probabilities in [0, 1] ("this domain applies"); the primary domain is the
highest. With the option ``shared_domain_calibration`` one sigmoid, fitted on every domain's out-of-fold
decision values together, turns every domain's decision into its probability, so the domains rank as the SVMs'
decision values do (per-domain sigmoids can reorder them). Kind scores are the per-kind probabilities normalised
to sum to one. Records may carry weights (clerk corrections count more).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.svm import LinearSVC

from models.features import analyze_words, strip_spaces
from models.records import TrainingRecord
from models.taxonomy_io import load_saved_taxonomy, save_taxonomy
from triage.errors import ModelError
from triage.nlp.lexicon import Lexicon, load_lexicon
from triage.petition import Classification, DomainScore
from triage.taxonomy import Taxonomy

MODEL_TYPE = "baseline"
WEIGHTS_FILE = "baseline.npz"
VOCAB_FILE = "vocab.json"
DEFAULT_OPTIONS = {
    "c": 0.5,  # LinearSVC regularisation
    "word_max_features": 60000,
    "char_max_features": 80000,
    "char_ngram_max": 3,
    "folds": 3,
    "seed": 13,
    "features": "word+char",  # or "word", "char"
    "min_calibration_records": 200,
    "secondary_weight": 0.5,  # weight of a record as a positive of a domain that is not its primary one
    "balance_kinds": False,  # weight kinds inversely to their frequency (the corpora are mostly accusations)
    "nb_weighting": False,  # scale each feature by its naive-Bayes log-count ratio per label (NB-SVM)
    "nb_alpha": 1.0,  # smoothing of those counts
    "shared_domain_calibration": False,  # one sigmoid for every domain: the primary is the highest decision value
}
FIXED_SIGMOID = (2.0, 0.0)  # sigmoid(2 * decision): margin +1 -> 0.88, -1 -> 0.12
FEATURE_SETS = ("word+char", "word", "char")


@dataclass
class _Head:
    """One group of binary linear scorers with their Platt parameters (a sigmoid of a*decision + b)."""

    codes: list[str]
    coef: np.ndarray  # (n_features, n_codes) float32
    intercept: np.ndarray  # (n_codes,)
    platt_a: np.ndarray
    platt_b: np.ndarray
    constant: np.ndarray  # nan, or a fixed probability for a code never/always seen

    def probabilities(self, features: sp.csr_matrix) -> np.ndarray:
        decision = features @ self.coef + self.intercept
        proba = 1.0 / (1.0 + np.exp(-(decision * self.platt_a + self.platt_b)))
        fixed = ~np.isnan(self.constant)
        if fixed.any():
            proba[:, fixed] = self.constant[fixed]
        return np.asarray(proba)


class BaselineClassifier:
    """TF-IDF + calibrated linear SVMs. Build with :func:`train_baseline`, reload with :meth:`load`."""

    model_type = MODEL_TYPE

    def __init__(
        self,
        taxonomy: Taxonomy,
        word_vectorizer: TfidfVectorizer,
        char_vectorizer: TfidfVectorizer,
        domain_head: _Head,
        kind_head: _Head | None,
        version: str,
        options: dict,
        training: dict,
    ) -> None:
        self.taxonomy = taxonomy
        self.word_vectorizer = word_vectorizer
        self.char_vectorizer = char_vectorizer
        self.domain_head = domain_head
        self.kind_head = kind_head
        self.version = version
        self.options = options
        self.training = training

    @property
    def predicts_kind(self) -> bool:
        """False when the training data had no kinds: ``kind`` is then the taxonomy's first, score 0."""
        return self.kind_head is not None

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        feature_set = self.options.get("features", "word+char")
        return _features(self.word_vectorizer, self.char_vectorizer, texts, feature_set)

    def predict_scores(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """Domain probabilities (n, n_domains) in taxonomy order, and kind probabilities or None."""
        x = self.features(texts)
        domains = self.domain_head.probabilities(x)
        kinds = None
        if self.kind_head is not None:
            kinds = self.kind_head.probabilities(x)
            kinds = kinds / np.clip(kinds.sum(axis=1, keepdims=True), 1e-9, None)
        return domains, kinds

    def predict(self, texts: Sequence[str]) -> list[Classification]:
        if not texts:
            return []
        domains, kinds = self.predict_scores(list(texts))
        return build_classifications(self.taxonomy, self.version, domains, kinds)

    def save(self, directory: Path) -> None:
        """Plain arrays and JSON, no pickle: a model directory loads under any scikit-learn version."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {}
        vocab: dict[str, list[str]] = {}
        for name, vectorizer in (("word", self.word_vectorizer), ("char", self.char_vectorizer)):
            if hasattr(vectorizer, "vocabulary_"):
                terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
                vocab[name] = terms
                arrays[f"{name}_idf"] = vectorizer.idf_.astype(np.float32)
        for name, head in (("domain", self.domain_head), ("kind", self.kind_head)):
            if head is None:
                continue
            for field in ("coef", "intercept", "platt_a", "platt_b", "constant"):
                arrays[f"{name}_{field}"] = getattr(head, field)
        np.savez_compressed(directory / WEIGHTS_FILE, **arrays)
        (directory / VOCAB_FILE).write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        save_taxonomy(self.taxonomy, directory)
        meta = {
            "type": MODEL_TYPE,
            "version": self.version,
            "options": self.options,
            "training": self.training,
            "domains": self.domain_head.codes,
            "kinds": self.kind_head.codes if self.kind_head else [],
        }
        (directory / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, meta: dict) -> BaselineClassifier:
        taxonomy = load_saved_taxonomy(directory)
        try:
            options = {**DEFAULT_OPTIONS, **meta.get("options", {})}
            vocab = json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8"))
            with np.load(directory / WEIGHTS_FILE) as data:
                arrays = {k: data[k] for k in data.files}
            word, char = _make_vectorizers(options, min_df=1, vocab=vocab)
            for name, vectorizer in (("word", word), ("char", char)):
                if name in vocab:
                    vectorizer.idf_ = arrays[f"{name}_idf"]
            heads = {}
            for name, codes in (("domain", meta["domains"]), ("kind", meta.get("kinds") or [])):
                if not codes:
                    heads[name] = None
                    continue
                heads[name] = _Head(
                    list(codes),
                    *(arrays[f"{name}_{f}"] for f in ("coef", "intercept", "platt_a", "platt_b", "constant")),
                )
            if heads["domain"].codes != taxonomy.domain_codes:
                raise ValueError("the weights' domains differ from the model's taxonomy.yaml")
        except (OSError, ValueError, KeyError, TypeError, json.JSONDecodeError, zipfile.BadZipFile) as exc:
            raise ModelError(f"{directory}: baseline model does not load: {exc}") from exc
        return cls(
            taxonomy, word, char, heads["domain"], heads["kind"],
            version=str(meta["version"]), options=options, training=dict(meta.get("training", {})),
        )


def build_classifications(
    taxonomy: Taxonomy, version: str, domains: np.ndarray, kinds: np.ndarray | None
) -> list[Classification]:
    """Classification records from score matrices in taxonomy order (shared by every model type)."""
    codes = taxonomy.domain_codes
    kind_codes = taxonomy.kind_codes
    out: list[Classification] = []
    for i in range(domains.shape[0]):
        order = np.argsort(-domains[i], kind="stable")
        scored = tuple(DomainScore(codes[j], float(domains[i, j])) for j in order)
        if kinds is not None:
            k = int(np.argmax(kinds[i]))
            kind, kind_score = kind_codes[k], float(kinds[i, k])
        else:
            kind, kind_score = (kind_codes[0] if kind_codes else "accusation"), 0.0
        out.append(
            Classification(
                kind=kind, primary_domain=scored[0].code, domains=scored, kind_score=kind_score, model=version
            )
        )
    return out


def make_version(
    model_type: str, records: Sequence[TrainingRecord], options: dict, lexicon: Lexicon | None = None
) -> str:
    """``<type>-<YYYY-MM-DD>-<8 hex>``: the hash covers the training records, the options and the domain dictionary
    the words are cut with (``lexicon``, the project's by default: a word it gains changes the features, so the
    model)."""
    digest = hashlib.sha256(json.dumps(options, sort_keys=True, default=str).encode())
    entries = (lexicon or load_lexicon()).jieba_entries()
    digest.update(json.dumps(sorted(entries), ensure_ascii=False).encode())
    for r in records:
        digest.update(
            json.dumps([r.text, r.domain, r.kind, list(r.domains), r.weight], ensure_ascii=False).encode()
        )
    return f"{model_type}-{datetime.now(UTC).date().isoformat()}-{digest.hexdigest()[:8]}"


def train_baseline(
    taxonomy: Taxonomy,
    records: Sequence[TrainingRecord],
    progress: Callable[[str], None] | None = None,
    **opts: object,
) -> BaselineClassifier:
    say = progress or (lambda message: None)
    options = {**DEFAULT_OPTIONS, **{k: v for k, v in opts.items() if k in DEFAULT_OPTIONS}}
    unknown = set(opts) - set(DEFAULT_OPTIONS)
    if unknown:
        raise ValueError(f"unknown baseline options {sorted(unknown)}; valid: {sorted(DEFAULT_OPTIONS)}")
    texts = [r.text for r in records]
    weights = np.array([r.weight for r in records], dtype=np.float64)
    min_df = 2 if len(records) >= 500 else 1
    say(f"baseline: {len(records)} records, building features")
    word, char = _make_vectorizers(options, min_df)
    if options["features"] not in FEATURE_SETS:
        raise ValueError(f"unknown feature set {options['features']!r}; valid: {', '.join(FEATURE_SETS)}")
    word.fit(texts) if "word" in options["features"] else None
    char.fit(texts) if "char" in options["features"] else None
    x = _features(word, char, texts, options["features"])
    say(f"baseline: {x.shape[1]} features")

    domain_codes = taxonomy.domain_codes
    y_domains = np.zeros((len(records), len(domain_codes)), dtype=bool)
    # Per record and domain weight: a secondary domain counts less, so the primary tends to rank first.
    w_domains = np.repeat(weights[:, None], len(domain_codes), axis=1)
    index = {c: j for j, c in enumerate(domain_codes)}
    for i, r in enumerate(records):
        for code in r.all_domains:
            y_domains[i, index[code]] = True
            if code != r.domain:
                w_domains[i, index[code]] *= float(options["secondary_weight"])
    say("baseline: fitting domain scorers")
    domain_head = _fit_head(x, y_domains, w_domains, domain_codes, options,
                            shared_calibration=bool(options["shared_domain_calibration"]))

    kind_head = None
    with_kind = [i for i, r in enumerate(records) if r.kind is not None]
    if with_kind:
        kind_codes = taxonomy.kind_codes
        kind_index = {c: j for j, c in enumerate(kind_codes)}
        y_kinds = np.zeros((len(with_kind), len(kind_codes)), dtype=bool)
        for row, i in enumerate(with_kind):
            y_kinds[row, kind_index[records[i].kind]] = True  # type: ignore[index]
        say(f"baseline: fitting kind scorers on {len(with_kind)} records")
        kind_weights = weights[with_kind].copy()
        if options["balance_kinds"]:
            counts = y_kinds.sum(axis=0)
            present = counts > 0
            per_kind = np.where(present, len(with_kind) / (present.sum() * np.maximum(counts, 1)), 0.0)
            kind_weights *= y_kinds.astype(float) @ per_kind
        w_kinds = np.repeat(kind_weights[:, None], len(kind_codes), axis=1)
        kind_head = _fit_head(x[with_kind], y_kinds, w_kinds, kind_codes, options)

    training = {
        "records": len(records),
        "records_with_kind": len(with_kind),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "domain_counts": {c: int(y_domains[:, j].sum()) for j, c in enumerate(domain_codes)},
    }
    version = make_version(MODEL_TYPE, records, options)
    say(f"baseline: done ({version})")
    return BaselineClassifier(taxonomy, word, char, domain_head, kind_head, version, options, training)


def _make_vectorizers(
    options: dict, min_df: int, vocab: dict[str, list[str]] | None = None
) -> tuple[TfidfVectorizer, TfidfVectorizer]:
    """The word and character vectorizers; with ``vocab`` (a saved model) their vocabularies are fixed."""
    word = TfidfVectorizer(
        analyzer=analyze_words,
        sublinear_tf=True,
        min_df=min_df,
        max_features=None if vocab else int(options["word_max_features"]),
        vocabulary=vocab.get("word") if vocab else None,
        dtype=np.float32,
    )
    char = TfidfVectorizer(
        analyzer="char",
        preprocessor=strip_spaces,
        ngram_range=(1, int(options["char_ngram_max"])),
        sublinear_tf=True,
        min_df=min_df,
        max_features=None if vocab else int(options["char_max_features"]),
        vocabulary=vocab.get("char") if vocab else None,
        dtype=np.float32,
    )
    return word, char


def _features(
    word: TfidfVectorizer, char: TfidfVectorizer, texts: Sequence[str], feature_set: str
) -> sp.csr_matrix:
    parts = []
    if "word" in feature_set:
        parts.append(word.transform(texts))
    if "char" in feature_set:
        parts.append(char.transform(texts))
    return sp.hstack(parts, format="csr") * np.float32(1 / np.sqrt(len(parts)))


def _presence(x: sp.csr_matrix) -> sp.csr_matrix:
    """1 where a feature occurs in a record, 0 elsewhere."""
    present = x.copy()
    present.data = np.ones_like(present.data)
    return present


def _nb_ratio(present: sp.csr_matrix, y: np.ndarray, w: np.ndarray, alpha: float) -> np.ndarray:
    """Naive-Bayes log-count ratio of every feature for one binary label (Wang and Manning's NB-SVM): how much
    more often, in proportion, the feature occurs in the positives than in the negatives (weighted records).
    ``present`` is the records' feature matrix with every stored value 1 (:func:`_presence`)."""
    pos = np.asarray(present.T @ (w * y)).ravel() + alpha
    neg = np.asarray(present.T @ (w * ~y)).ravel() + alpha
    return np.log((pos / pos.sum()) / (neg / neg.sum())).astype(np.float32)


def _fit_binary(
    x: sp.csr_matrix, y: np.ndarray, w: np.ndarray, c: float, seed: int, nb_alpha: float | None = None,
    present: sp.csr_matrix | None = None,
) -> tuple[np.ndarray, float]:
    """One linear SVM. With ``nb_alpha`` the features are scaled by their NB log-count ratio first (counted on
    ``present``, x's presence matrix); the ratio is folded into the returned weights, so scoring stays one product
    with the plain features."""
    ratio = None
    if nb_alpha is not None:
        ratio = _nb_ratio(present if present is not None else _presence(x), y.astype(bool), w, nb_alpha)
    svm = LinearSVC(C=c, random_state=seed)
    svm.fit(x if ratio is None else x @ sp.diags(ratio), y.astype(int), sample_weight=w)
    coef = svm.coef_.ravel().astype(np.float32)
    return (coef if ratio is None else coef * ratio), float(svm.intercept_[0])


def _fit_head(
    x: sp.csr_matrix, y: np.ndarray, w: np.ndarray, codes: list[str], options: dict,
    shared_calibration: bool = False,
) -> _Head:
    """Binary scorers of ``codes`` with their sigmoids: one per code, or with ``shared_calibration`` one fitted on
    every calibrated code's out-of-fold decision values together (the codes then rank by decision value)."""
    n, k = y.shape
    c, seed = float(options["c"]), int(options["seed"])
    nb = float(options["nb_alpha"]) if options.get("nb_weighting") else None
    constant = np.full(k, np.nan)
    positives = y.sum(axis=0)
    for j in range(k):
        if positives[j] == 0:
            constant[j] = 0.0
        elif positives[j] == n:
            constant[j] = 1.0
    trainable = [j for j in range(k) if np.isnan(constant[j])]

    # Out-of-fold decision values for Platt scaling.
    folds = min(int(options["folds"]), n) if n >= int(options["min_calibration_records"]) else 0
    oof = np.zeros((n, k))
    present = _presence(x) if nb is not None else None  # counted once for every label and fold
    if folds >= 2:
        for train_idx, test_idx in KFold(folds, shuffle=True, random_state=seed).split(np.arange(n)):
            fold_present = present[train_idx] if present is not None else None
            for j in trainable:
                y_fold = y[train_idx, j]
                if y_fold.all() or not y_fold.any():
                    oof[test_idx, j] = 1.0 if y_fold.all() else -1.0
                    continue
                coef, intercept = _fit_binary(x[train_idx], y_fold, w[train_idx, j], c, seed, nb, fold_present)
                oof[test_idx, j] = x[test_idx] @ coef + intercept

    coef_matrix = np.zeros((x.shape[1], k), dtype=np.float32)
    intercepts = np.zeros(k, dtype=np.float32)
    platt_a = np.ones(k, dtype=np.float32)
    platt_b = np.zeros(k, dtype=np.float32)
    calibrated = [j for j in trainable if folds >= 2 and 0 < y[:, j].sum() < n]
    shared = None
    if shared_calibration and calibrated:
        shared = _fit_platt(oof[:, calibrated].ravel(order="F"), y[:, calibrated].ravel(order="F"),
                            w[:, calibrated].ravel(order="F"))
    for j in trainable:
        coef_matrix[:, j], intercepts[j] = _fit_binary(x, y[:, j], w[:, j], c, seed, nb, present)
        if j in calibrated:
            platt_a[j], platt_b[j] = shared if shared is not None else _fit_platt(oof[:, j], y[:, j], w[:, j])
        else:
            platt_a[j], platt_b[j] = FIXED_SIGMOID
    return _Head(codes, coef_matrix, intercepts, platt_a, platt_b, constant)


def _fit_platt(decision: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """Platt scaling with Platt's smoothed targets (as sklearn's sigmoid calibration does)."""
    n_pos = float(w[y].sum())
    n_neg = float(w[~y].sum())
    t_pos = (n_pos + 1.0) / (n_pos + 2.0)
    t_neg = 1.0 / (n_neg + 2.0)
    # A logistic fit on soft targets: duplicate each point with both labels, weighted by the target.
    d = np.concatenate([decision, decision]).reshape(-1, 1)
    labels = np.concatenate([np.ones(len(y)), np.zeros(len(y))])
    target = np.where(y, t_pos, t_neg)
    sample_weight = np.concatenate([w * target, w * (1 - target)])
    lr = LogisticRegression(C=1e4)
    lr.fit(d, labels, sample_weight=sample_weight)
    return float(lr.coef_[0, 0]), float(lr.intercept_[0])
