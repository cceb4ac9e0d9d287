"""What a reader yields: an item (one petition taken in from a file) or a failure (one bad part of a file)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from triage.petition import Petition


@dataclass(frozen=True)
class IntakeItem:
    """One petition read from a file, with where it came from and how sure the reading is."""

    petition: Petition
    original_name: str
    original_bytes_sha256: str
    # per page or row: {"page": 1, "source": "ocr"|"text"|"docx"|"row", "confidence": 0.93 or None}
    pages: tuple[dict[str, Any], ...] = ()
    ocr_confidence: float | None = None  # mean over the OCR'd characters; None when nothing was OCR'd
    needs_review: bool = False  # OCR confidence under the review threshold


@dataclass(frozen=True)
class IntakeFailure:
    """A file, row, line or page that could not be taken in; the rest of the batch goes on."""

    source: str  # "letters.csv row 17", "scan.png", "batch.jsonl line 4"
    message: str
    item_id: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


def summarize(results: Iterable[IntakeItem | IntakeFailure]) -> dict[str, Any]:
    """Counts over a batch for a report: items, failures (with messages), pages by source, OCR figures."""
    items = 0
    review = 0
    pages: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    failed: list[dict[str, Any]] = []
    confidences: list[float] = []
    for result in results:
        if isinstance(result, IntakeFailure):
            failed.append({"source": result.source, "message": result.message, "item_id": result.item_id})
            continue
        items += 1
        review += result.needs_review
        formats[str(result.petition.source.get("format", "unknown"))] += 1
        for page in result.pages:
            pages[str(page.get("source"))] += 1
        if result.ocr_confidence is not None:
            confidences.append(result.ocr_confidence)
    return {
        "items": items,
        "failures": len(failed),
        "needs_review": review,
        "formats": dict(sorted(formats.items())),
        "pages": dict(sorted(pages.items())),
        "mean_ocr_confidence": round(sum(confidences) / len(confidences), 4) if confidences else None,
        "failed": failed,
    }
