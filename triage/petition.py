"""The domain model: a petition as received, what was extracted from it, how it was classified and routed.

Plain frozen dataclasses, no I/O. ``TriageResult.to_contract()`` produces exactly the output record of
CONTRACT.md (``triage process``); everything else in the system reads and writes these types.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any

CHANNELS = ("letter", "visit", "web", "phone")
# Received dates outside these are typing errors (and the search index cannot hold years before 1678).
RECEIVED_RANGE = (date(1949, 10, 1), date(2099, 12, 31))


def parse_received_date(value: Any) -> date:
    """An ISO date (YYYY-MM-DD, a longer timestamp is cut to its date) within ``RECEIVED_RANGE``;
    ValueError with the reason otherwise."""
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ValueError(f"received_at {value!r} is not an ISO date (YYYY-MM-DD)") from None
    return check_received_date(day, f"received_at {value!r}")


def check_received_date(day: date, what: str) -> date:
    """``day`` when it is within ``RECEIVED_RANGE``; ValueError naming ``what`` otherwise."""
    low, high = RECEIVED_RANGE
    if not low <= day <= high:
        raise ValueError(f"{what} is outside {low.isoformat()} … {high.isoformat()}")
    return day


def normalize_text(text: str) -> str:
    """Text as the system keeps it: NFC, no NUL or other control characters but newlines and tabs."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")


def make_petition_id(text: str, received_at: date | None = None) -> str:
    """A petition id made by hashing its content, so that re-importing the same letter changes nothing."""
    digest = hashlib.sha256()
    digest.update(" ".join(normalize_text(text).split()).encode("utf-8"))
    digest.update(b"\x00" + (received_at.isoformat() if received_at else "").encode("ascii"))
    return "p-" + digest.hexdigest()[:16]


@dataclass(frozen=True)
class Petition:
    """A petition as received (信访件). ``source`` says where it came from: file, row, page, OCR confidence."""

    id: str
    text: str
    channel: str | None = None
    received_at: date | None = None
    title: str | None = None
    source: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Person:
    """A person named or described in the text: ``name`` is None for a role mentioned without a name."""

    name: str | None
    role: str | None
    level: str  # TAXONOMY.md level code
    party: str  # accused | petitioner | other
    mentions: tuple[tuple[int, int], ...] = ()
    place: str | None = None  # the township or village the text ties this person to, when it does

    def to_contract(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "level": self.level,
            "party": self.party,
            "mentions": [list(m) for m in self.mentions],
        }


@dataclass(frozen=True)
class Amount:
    text: str
    value: float
    currency: str
    qualifier: str  # exact | about | over | under | range
    low: float
    high: float
    start: int
    end: int

    def to_contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": _number(self.value),
            "currency": self.currency,
            "qualifier": self.qualifier,
            "low": _number(self.low),
            "high": _number(self.high),
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Place:
    text: str
    province: str | None
    city: str | None
    county: str | None
    township: str | None
    village: str | None
    start: int
    end: int

    def to_contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "province": self.province,
            "city": self.city,
            "county": self.county,
            "township": self.township,
            "village": self.village,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class DateSpan:
    text: str
    start: int
    end: int
    date_from: date | None
    date_to: date | None

    def to_contract(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
        }


@dataclass(frozen=True)
class Organisation:
    """A body named in the text; ``department`` is the county department name without county prefix."""

    text: str
    department: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    persons: tuple[Person, ...] = ()
    amounts: tuple[Amount, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateSpan, ...] = ()
    organisations: tuple[Organisation, ...] = ()

    @property
    def accused(self) -> tuple[Person, ...]:
        return tuple(p for p in self.persons if p.party == "accused")


@dataclass(frozen=True)
class DomainScore:
    code: str
    score: float


@dataclass(frozen=True)
class Classification:
    kind: str
    primary_domain: str
    domains: tuple[DomainScore, ...]  # every domain of the taxonomy, highest score first
    kind_score: float = 1.0
    model: str = "unknown"

    @property
    def primary_score(self) -> float:
        for d in self.domains:
            if d.code == self.primary_domain:
                return d.score
        return 0.0


@dataclass(frozen=True)
class Route:
    unit: str
    rule: str  # not_accusation | uncertain | cadre_authority | place | fallback
    reason: str
    review: bool
    deadline_accept: date | None
    deadline_conclude: date | None
    escalate: bool = False

    def to_contract(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "rule": self.rule,
            "reason": self.reason,
            "review": self.review,
            "deadline_accept": self.deadline_accept.isoformat() if self.deadline_accept else None,
            "deadline_conclude": self.deadline_conclude.isoformat() if self.deadline_conclude else None,
            "escalate": self.escalate,
        }


@dataclass(frozen=True)
class TriageResult:
    petition_id: str
    classification: Classification
    extraction: Extraction
    route: Route
    versions: dict[str, str] = field(default_factory=dict)

    def to_contract(self) -> dict[str, Any]:
        c = self.classification
        e = self.extraction
        return {
            "id": self.petition_id,
            "kind": c.kind,
            "primary_domain": c.primary_domain,
            "domains": [{"code": d.code, "score": round(float(d.score), 4)} for d in c.domains],
            "persons": [p.to_contract() for p in e.persons],
            "amounts": [a.to_contract() for a in e.amounts],
            "places": [p.to_contract() for p in e.places],
            "dates": [d.to_contract() for d in e.dates],
            "route": self.route.to_contract(),
        }


def _number(value: float) -> float | int:
    """Money as an int when it is whole (20000, not 20000.0), else rounded to the fen."""
    if float(value).is_integer():
        return int(value)
    return round(float(value), 2)
