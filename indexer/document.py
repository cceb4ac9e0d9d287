"""Petition record → search document: a pure function, the same document for every back-end.

The record is the store's dict (id, text, title, channel, received_at, stored_at, status, result) where
``result`` is the ``triage process`` output of CONTRACT.md with the clerk's corrections applied, or None.

Petitioner protection: the document never carries the petitioner's identity. Every mention of a person
whose party is ``petitioner`` (and every other occurrence of that name in the text or title) becomes
``某某``; mobile and landline phone numbers become ``[电话]`` and 18-digit identity numbers
``[身份证号]``. Petitioners are never listed in the person fields.

Text fields hold words separated by single spaces (see :mod:`indexer.segment`), so that a plain
whitespace analyzer indexes them on any back-end. Names of the persons the extraction found are kept as
whole words whatever the segmenter would do with them. Money is integer fen (1 yuan = 100 fen), CNY only.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from indexer.segment import segment, subwords
from indexer.similarity import band_keys, minhash_signature
from triage.gazetteer import TOWNSHIP_SUFFIXES, VILLAGE_SUFFIXES, strip_suffix

PETITIONER_MASK = "某某"
PHONE_MASK = "[电话]"
ID_MASK = "[身份证号]"
DOMAIN_SCORE_MIN = 0.3  # secondary domains at or above this score go into the ``domains`` field

_ID_RE = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_PHONE_RE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7})(?![0-9])")

# Fields every back-end maps: keyword fields hold exact strings, numbers are integers, dates ISO dates.
KEYWORD_FIELDS = (
    "id",
    "kind",
    "domain",
    "domains",
    "unit",
    "status",
    "channel",
    "persons",
    "accused",
    "roles",
    "person_roles",
    "levels",
    "townships",
    "villages",
    "places",
    "month",
    "lsh",
)
TEXT_FIELDS = ("text", "title", "subwords")
INTEGER_FIELDS = ("amounts", "amount_max", "amount_total")
DATE_FIELDS = ("date",)


def build_document(record: dict[str, Any]) -> dict[str, Any]:
    """The search document of one petition record (see the module docstring)."""
    result = record.get("result") or {}
    persons = [p for p in result.get("persons") or [] if isinstance(p, dict)]
    petitioners = [p for p in persons if p.get("party") == "petitioner"]
    others = [p for p in persons if p.get("party") != "petitioner"]
    petitioner_names = sorted({p["name"] for p in petitioners if p.get("name")}, key=len, reverse=True)
    kept_names = sorted({p["name"] for p in others if p.get("name")} - set(petitioner_names))

    text = str(record.get("text") or "")
    spans = _petitioner_spans(text, petitioners, petitioner_names) + _number_spans(text)
    spans += _name_spans(text, others, kept_names)
    words, masked = _segment_masked(text, spans)
    title = str(record.get("title") or "")
    title_words, _ = _segment_masked(
        title,
        _petitioner_spans(title, [], petitioner_names)
        + _number_spans(title)
        + _name_spans(title, [], kept_names),
    )

    places = [p for p in result.get("places") or [] if isinstance(p, dict)]
    townships = _unique(p.get("township") for p in places)
    villages = _unique(p.get("village") for p in places)
    amounts = [
        _fen(a.get("value"))
        for a in result.get("amounts") or []
        if isinstance(a, dict) and (a.get("currency") or "CNY") == "CNY"
    ]
    amounts = [a for a in amounts if a is not None]
    day = _day(record.get("received_at")) or _day(record.get("stored_at"))
    route = result.get("route") or {}
    primary = result.get("primary_domain")
    domains = _unique(
        [primary]
        + [
            d.get("code")
            for d in result.get("domains") or []
            if isinstance(d, dict) and (d.get("score") or 0) >= DOMAIN_SCORE_MIN
        ]
    )
    accused = [p for p in others if p.get("party") == "accused"]
    signature = minhash_signature(masked)
    return {
        "id": str(record["id"]),
        "text": " ".join(words),
        "title": " ".join(title_words),
        "subwords": " ".join(subwords(words + title_words)),
        "kind": result.get("kind"),
        "domain": primary,
        "domains": domains,
        "unit": route.get("unit"),
        "status": record.get("status"),
        "channel": record.get("channel"),
        "persons": kept_names,
        "accused": _unique(p.get("name") for p in accused),
        "roles": _unique(p.get("role") for p in others),
        "person_roles": _unique(
            f"{p['name']}|{p['role']}" for p in others if p.get("name") and p.get("role")
        ),
        "levels": _unique(p.get("level") for p in accused),
        "townships": townships,
        "villages": villages,
        "places": _unique(
            [strip_suffix(t, TOWNSHIP_SUFFIXES) for t in townships]
            + [strip_suffix(v, VILLAGE_SUFFIXES) for v in villages]
        ),
        "amounts": sorted(set(amounts)),
        "amount_max": max(amounts) if amounts else None,
        "amount_total": sum(amounts) if amounts else None,
        "date": day.isoformat() if day else None,
        "received_at": _day(record.get("received_at")).isoformat()
        if _day(record.get("received_at"))
        else None,
        "month": day.strftime("%Y-%m") if day else None,
        "minhash": signature,
        "lsh": band_keys(signature),
        "people": [
            {
                "name": p.get("name") if p.get("name") in kept_names else None,
                "role": p.get("role"),
                "level": p.get("level"),
                "party": p.get("party"),
            }
            for p in others
        ],
    }


def _unique(values: Any) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(str(value), None)
    return list(seen)


def _fen(value: Any) -> int | None:
    try:
        return int(round(float(value) * 100))
    except (TypeError, ValueError):
        return None


def _day(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _mention_spans(text: str, person: dict[str, Any]) -> list[tuple[int, int]]:
    spans = []
    for mention in person.get("mentions") or []:
        try:
            start, end = int(mention[0]), int(mention[1])
        except (TypeError, ValueError, IndexError):
            continue
        if 0 <= start < end <= len(text):
            spans.append((start, end))
    return spans


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(word)
    while word and start >= 0:
        spans.append((start, start + len(word)))
        start = text.find(word, start + len(word))
    return spans


def _petitioner_spans(text: str, petitioners: list[dict[str, Any]], names: list[str]) -> list[tuple]:
    spans = [(s, e, PETITIONER_MASK) for p in petitioners for s, e in _mention_spans(text, p)]
    spans += [(s, e, PETITIONER_MASK) for name in names for s, e in _occurrences(text, name)]
    return spans


def _number_spans(text: str) -> list[tuple]:
    spans = [(m.start(), m.end(), ID_MASK) for m in _ID_RE.finditer(text)]
    spans += [(m.start(), m.end(), PHONE_MASK) for m in _PHONE_RE.finditer(text)]
    return spans


def _name_spans(text: str, persons: list[dict[str, Any]], names: list[str]) -> list[tuple]:
    spans: list[tuple] = [(s, e, None) for p in persons if p.get("name") for s, e in _mention_spans(text, p)]
    spans += [(s, e, None) for name in names for s, e in _occurrences(text, name)]
    return spans


def _segment_masked(text: str, spans: list[tuple]) -> tuple[list[str], str]:
    """Words of ``text`` with masked spans replaced and kept spans as whole words; and the masked text.

    Spans are (start, end, replacement or None to keep the span as one word). Masks win over kept
    names, longer spans over shorter ones; overlapping spans after the first are dropped."""
    ordered = sorted(spans, key=lambda s: (s[0], s[2] is None, -(s[1] - s[0])))
    chosen: list[tuple] = []
    covered_to = 0
    for span in ordered:
        if span[0] >= covered_to:
            chosen.append(span)
            covered_to = span[1]
        elif span[2] is not None and chosen:  # a mask overlapping an earlier span: the mask covers both
            last = chosen.pop()
            chosen.append((last[0], max(last[1], span[1]), span[2]))
            covered_to = max(covered_to, span[1])
    words: list[str] = []
    masked: list[str] = []
    position = 0
    for start, end, replacement in chosen:
        words += segment(text[position:start])
        masked.append(text[position:start])
        piece = text[start:end] if replacement is None else replacement
        words += piece.split()
        masked.append(piece)
        position = end
    words += segment(text[position:])
    masked.append(text[position:])
    return words, "".join(masked)
