"""What a search asks and what it answers, the same for every back-end.

``SearchResult.to_json()`` is CONTRACT.md's ``triage search --json`` object (extended with a few fields
per hit). Amounts are asked in yuan and compared with every CNY amount of a petition (a petition matches
``min_amount``/``max_amount`` when one of its amounts lies in the range); dates are compared with the
petition's received date (its stored date when it has none), both bounds inclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from triage.errors import InputError
from triage.petition import RECEIVED_RANGE

FACETS = ("domain", "unit", "township", "kind", "month")
FACET_FIELDS = {"domain": "domain", "unit": "unit", "township": "townships", "kind": "kind", "month": "month"}
FACET_SIZE = 50
SORTS = ("relevance", "date")
MAX_WINDOW = 10_000  # offset + limit
MAX_AMOUNT_YUAN = 1e13  # 10 万亿元: above every real sum, within the index's 64-bit fen


@dataclass
class SearchQuery:
    """A search: free text (Chinese words, names; whitespace separates parts, all must match) and filters.

    ``domain`` matches the primary domain; ``person`` any named person but the petitioner; ``level`` the
    level of an accused person; ``township``/``village`` the places of the petition."""

    text: str = ""
    domain: str | None = None
    kind: str | None = None
    unit: str | None = None
    township: str | None = None
    village: str | None = None
    person: str | None = None
    level: str | None = None
    min_amount: float | None = None  # yuan
    max_amount: float | None = None  # yuan
    since: date | str | None = None
    until: date | str | None = None
    status: str | None = None
    sort: str = "relevance"
    limit: int = 20
    offset: int = 0

    def checked(self) -> SearchQuery:
        """This query with dates parsed; InputError naming the field for a bad value."""
        if self.sort not in SORTS:
            raise InputError(f"search: unknown sort {self.sort!r}; valid: {', '.join(SORTS)}")
        if self.limit < 0 or self.offset < 0 or self.limit + self.offset > MAX_WINDOW:
            raise InputError(f"search: limit and offset must be >= 0 with limit + offset <= {MAX_WINDOW}")
        for name in ("min_amount", "max_amount"):
            value = getattr(self, name)
            valid = isinstance(value, int | float) and 0 <= value <= MAX_AMOUNT_YUAN
            if value is not None and not valid:
                raise InputError(f"search: {name} must be a number of yuan from 0 to {MAX_AMOUNT_YUAN:.0e},"
                                 f" not {value!r}")
        return SearchQuery(
            **{**asdict(self), "since": _date(self.since, "since"), "until": _date(self.until, "until")}
        )

    def filters(self) -> list[tuple[str, str]]:
        """(document field, value) pairs of the keyword filters that are set."""
        pairs = [
            ("domain", self.domain),
            ("kind", self.kind),
            ("unit", self.unit),
            ("townships", self.township),
            ("villages", self.village),
            ("persons", self.person),
            ("levels", self.level),
            ("status", self.status),
        ]
        return [(name, value) for name, value in pairs if value]

    def amount_range_fen(self) -> tuple[int | None, int | None]:
        low = None if self.min_amount is None else int(round(self.min_amount * 100))
        high = None if self.max_amount is None else int(round(self.max_amount * 100))
        return low, high


def _date(value: date | str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value))
        except ValueError:
            raise InputError(f"search: {name} must be an ISO date (2026-03-02), not {value!r}") from None
    low, high = RECEIVED_RANGE  # no petition was received outside it; the index cannot hold year 1
    return min(max(day, low), high)


@dataclass
class Hit:
    id: str
    score: float
    highlight: str
    received_at: str | None = None
    primary_domain: str | None = None
    unit: str | None = None
    kind: str | None = None
    township: str | None = None
    persons: list[str] = field(default_factory=list)


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "hits": [{**asdict(hit), "score": round(hit.score, 4)} for hit in self.hits],
            "facets": self.facets,
        }


@dataclass
class PersonPetition:
    """One petition naming the person: the person's role there, the petition's places, money and date."""

    petition_id: str
    received_at: str | None
    role: str | None
    level: str | None
    party: str | None
    townships: list[str]
    villages: list[str]
    primary_domain: str | None
    unit: str | None
    amount_total: float  # yuan, sum of the petition's CNY amounts
    amount_max: float  # yuan


@dataclass
class PersonRecord:
    """Every indexed petition naming ``name`` (at ``place`` when given): a view, never a merge."""

    name: str
    place: str | None
    petitions: list[PersonPetition]
    roles: list[str]
    levels: list[str]
    amount_total: float  # yuan, over the petitions
    amount_max: float  # yuan, largest single amount
    first_date: str | None
    last_date: str | None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Link:
    """Another petition related to the one asked about, with the evidence for each reason.

    ``reasons`` holds ``shared_accused`` (the same accused name at the same village or township) and/or
    ``near_duplicate`` (most of the text is the same); ``evidence`` one dict per finding."""

    petition_id: str
    score: float
    reasons: list[str]
    evidence: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def fen_to_yuan(fen: int | None) -> float:
    if not fen:
        return 0.0
    return fen / 100 if fen % 100 else float(fen // 100)
