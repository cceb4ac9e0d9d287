"""Near-duplicate detection: MinHash over character shingles, banded for lookup (LSH).

A petition sent again (the same complaint re-typed, re-sent to another office, with a line added) shares
most of its 3-character shingles with the first. Each document stores a 64-value MinHash signature of its
shingles (whitespace and punctuation removed) and 16 band keys of 4 values each; two documents sharing a
band key are candidates, and the share of equal signature values estimates the Jaccard similarity of
their shingle sets (about ±0.06). With 16 bands of 4 rows, pairs above ~0.5 similarity are found with
high probability. Deterministic across processes (no use of Python's randomised ``hash``).
"""

from __future__ import annotations

import re

import numpy as np

SHINGLE = 3
PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
NEAR_DUPLICATE_MIN = 0.5  # estimated Jaccard similarity at or above which two petitions are near-duplicates

_MASK32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20260302)
_A = _rng.integers(1, 2**31, PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _rng.integers(0, 2**32, PERMUTATIONS, dtype=np.uint64)
_P = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77), np.uint64(0xC2B2AE3D))


_NOT_WORD_RE = re.compile(r"[\W_]+")


def _code_points(text: str) -> np.ndarray:
    kept = _NOT_WORD_RE.sub("", text)
    return np.frombuffer(kept.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)


def minhash_signature(text: str) -> list[int]:
    """The MinHash signature (64 ints below 2**32) of the text's character shingles; [] when too short."""
    points = _code_points(text)
    if len(points) < SHINGLE:
        return []
    shingles = (points[:-2] * _P[0] + points[1:-1] * _P[1] + points[2:] * _P[2]) & _MASK32
    shingles = np.unique(shingles)
    hashed = (shingles[:, None] * _A[None, :] + _B[None, :]) & _MASK32
    return hashed.min(axis=0).tolist()


def band_keys(signature: list[int]) -> list[str]:
    """Lookup keys of a signature: one string per band of ROWS values."""
    if not signature:
        return []
    raw = np.asarray(signature, dtype="<u4").tobytes()
    width = ROWS * 4
    return [f"{band}:{raw[band * width : (band + 1) * width].hex()}" for band in range(BANDS)]


def estimate_similarity(first: list[int], second: list[int]) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal values (0 if either is empty)."""
    if not first or not second or len(first) != len(second):
        return 0.0
    return sum(1 for a, b in zip(first, second, strict=True) if a == b) / len(first)
