"""Petitioner protection (举报人保护): a record as a role without the right to the petitioner's identity sees it.

The petitioner's name becomes 某某 wherever it occurs (their mentions and every other occurrence of the
name in the text and title), mobile/landline numbers become [电话] and 18-digit identity numbers
[身份证号]; the offsets of everything else the extraction found are moved to match the masked text.
Contact details kept by the intake forms and unknown source fields are dropped.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_right
from typing import Any

PETITIONER_MASK = "某某"
PHONE_MASK = "[电话]"
ID_MASK = "[身份证号]"
ID_RE = re.compile(r"(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
PHONE_RE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7})(?![0-9])")
# Fields of ``source`` (where a petition came from) that never carry an identity.
SAFE_SOURCE_KEYS = ("file", "format", "row", "line", "sheet", "page", "pages", "ocr", "ocr_confidence",
                    "sha256", "form", "paragraph")


def petitioners_of(results: list[dict[str, Any] | None]) -> list[dict[str, Any]]:
    return [p for result in results for p in (result or {}).get("persons") or []
            if isinstance(p, dict) and p.get("party") == "petitioner"]


def petitioner_names(record: dict[str, Any], history: list[dict[str, Any]] | None = None) -> list[str]:
    results = [record.get("result")] + [h.get("result") for h in history or []]
    names = {p["name"] for p in petitioners_of(results) if p.get("name")}
    contact = (record.get("source") or {}).get("contact") or {}
    if isinstance(contact, dict) and contact.get("name"):
        names.add(str(contact["name"]))
    return sorted((n for n in names if len(n) >= 2), key=len, reverse=True)


def has_identity(record: dict[str, Any]) -> bool:
    """Whether showing this record unmasked reveals a petitioner's identity or a phone/ID number."""
    text = f"{record.get('title') or ''}\n{record.get('text') or ''}"
    result = record.get("result") or {}
    petitioners = [p for p in result.get("persons") or [] if isinstance(p, dict) and p.get("party") == "petitioner"]
    return bool(
        any(p.get("name") or p.get("mentions") for p in petitioners)
        or (record.get("source") or {}).get("contact")
        or PHONE_RE.search(text) or ID_RE.search(text)
    )


def mask_spans(text: str, petitioners: list[dict[str, Any]], names: list[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) spans of ``text`` to mask, in order."""
    spans: list[tuple[int, int, str]] = []
    for person in petitioners:
        for mention in person.get("mentions") or []:
            start, end = int(mention[0]), int(mention[1])
            if 0 <= start < end <= len(text):
                spans.append((start, end, PETITIONER_MASK))
    for name in names:
        for found in re.finditer(re.escape(name), text):
            spans.append((found.start(), found.end(), PETITIONER_MASK))
    spans += [(m.start(), m.end(), ID_MASK) for m in ID_RE.finditer(text)]
    spans += [(m.start(), m.end(), PHONE_MASK) for m in PHONE_RE.finditer(text)]
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged and span[0] < merged[-1][1]:
            continue
        merged.append(span)
    return merged


class OffsetMap:
    """Moves offsets of the original text to the masked text; a position inside a masked span moves to
    the span's start (for a start) or end (for an end)."""

    def __init__(self, spans: list[tuple[int, int, str]]):
        self.spans = spans
        self.starts = [s[0] for s in spans]
        self.shift: list[int] = []
        total = 0
        for start, end, replacement in spans:
            total += len(replacement) - (end - start)
            self.shift.append(total)

    def _map(self, position: int, is_end: bool) -> int:
        i = bisect_right(self.starts, position) - 1
        if i < 0:
            return position
        start, end, replacement = self.spans[i]
        before = self.shift[i - 1] if i > 0 else 0
        if position >= end:
            return position + self.shift[i]
        if position == start:
            return start + before
        return start + before + (len(replacement) if is_end else 0)

    def start(self, position: int) -> int:
        return self._map(position, False)

    def end(self, position: int) -> int:
        return self._map(position, True)


def apply_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, position = [], 0
    for start, end, replacement in spans:
        out.append(text[position:start])
        out.append(replacement)
        position = end
    out.append(text[position:])
    return "".join(out)


def mask_result(result: dict[str, Any] | None, offsets: OffsetMap, names: list[str]) -> dict[str, Any] | None:
    """A triage result with petitioners masked and every offset moved to the masked text."""
    if not result:
        return result
    result = copy.deepcopy(result)
    for person in result.get("persons") or []:
        if not isinstance(person, dict):
            continue
        if person.get("party") == "petitioner" or person.get("name") in names:
            person["name"] = PETITIONER_MASK if person.get("name") else None
        person["mentions"] = [[offsets.start(int(m[0])), offsets.end(int(m[1]))]
                              for m in person.get("mentions") or []]
    for group in ("amounts", "places", "dates"):
        for item in result.get(group) or []:
            if isinstance(item, dict) and isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                item["start"], item["end"] = offsets.start(item["start"]), offsets.end(item["end"])
    return result


def mask_persons_value(value: Any, names: list[str]) -> Any:
    """A corrected persons list with the petitioners' names masked."""
    if not isinstance(value, list):
        return value
    masked = []
    for person in value:
        if isinstance(person, dict) and (person.get("party") == "petitioner" or person.get("name") in names):
            person = dict(person, name=PETITIONER_MASK if person.get("name") else None)
        masked.append(person)
    return masked


def mask_text(text: str, names: list[str]) -> str:
    return apply_spans(text, mask_spans(text, [], names))


def mask_record(record: dict[str, Any], history: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The record (and its result history) as a role without the identity right sees it."""
    names = petitioner_names(record, history)
    petitioners = petitioners_of([record.get("result")] + [h.get("result") for h in history or []])
    text = str(record.get("text") or "")
    spans = mask_spans(text, petitioners, names)
    offsets = OffsetMap(spans)
    masked = dict(record)
    masked["text"] = apply_spans(text, spans)
    masked["title"] = mask_text(record["title"], names) if record.get("title") else record.get("title")
    masked["result"] = mask_result(record.get("result"), offsets, names)
    masked["source"] = {k: v for k, v in (record.get("source") or {}).items() if k in SAFE_SOURCE_KEYS}
    masked["corrections"] = [
        dict(c, value=mask_persons_value(c["value"], names)) if c.get("field") == "persons" else dict(c)
        for c in record.get("corrections") or []
    ]
    masked["masked"] = True
    if history is not None:
        masked["history"] = [dict(h, result=mask_result(h["result"], offsets, names)) for h in history]
    return masked
