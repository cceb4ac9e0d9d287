"""Persons across petitions and links between petitions, computed from indexed documents alone.

Nothing is merged: a person's record is a view over every petition naming that person (at that place),
and a link says which evidence ties two petitions. Both use a back-end's two lookups:

- ``documents(conditions, limit)``: stored documents matching every condition, a condition being a list
  of (field, values) alternatives (any value of any alternative matches);
- ``document(petition_id)``: one stored document or None.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from indexer.search import Link, PersonPetition, PersonRecord, fen_to_yuan
from indexer.similarity import NEAR_DUPLICATE_MIN, estimate_similarity
from triage.errors import InputError
from triage.gazetteer import TOWNSHIP_SUFFIXES, VILLAGE_SUFFIXES, strip_suffix

Condition = list[tuple[str, list[str]]]
FindDocuments = Callable[[list[Condition], int], list[dict[str, Any]]]
GetDocument = Callable[[str], "dict[str, Any] | None"]

PERSON_LIMIT = 1000  # petitions in one person's record
CANDIDATE_LIMIT = 200  # candidates per lookup when looking for links
WEIGHT_SAME_VILLAGE = 1.0
WEIGHT_SAME_TOWNSHIP = 0.7


def place_condition(place: str) -> Condition:
    """A place as typed: with its suffix (柳树村, 东关镇) it must be exactly a village or a township of the
    petition; without one (柳树) it matches either by stem."""
    stem = strip_suffix(strip_suffix(place, TOWNSHIP_SUFFIXES), VILLAGE_SUFFIXES)
    if stem != place:
        return [("townships", [place]), ("villages", [place])]
    return [("places", [place])]


def build_person_record(documents: FindDocuments, name: str, place: str | None = None) -> PersonRecord:
    """Every petition naming ``name`` (never a petitioner: they are not indexed), at ``place`` if given."""
    if not name or not name.strip():
        raise InputError("person record: the person's name is empty")
    name = name.strip()
    conditions: list[Condition] = [[("persons", [name])]]
    if place:
        conditions.append(place_condition(place.strip()))
    docs = documents(conditions, PERSON_LIMIT)
    docs.sort(key=lambda d: (d.get("date") or "", d["id"]))
    petitions: list[PersonPetition] = []
    roles: dict[str, None] = {}
    levels: dict[str, None] = {}
    for doc in docs:
        entries = [p for p in doc.get("people") or [] if p.get("name") == name]
        first = entries[0] if entries else {}
        for entry in entries:
            if entry.get("role"):
                roles.setdefault(entry["role"], None)
            if entry.get("level"):
                levels.setdefault(entry["level"], None)
        petitions.append(
            PersonPetition(
                petition_id=doc["id"],
                received_at=doc.get("received_at"),
                role=first.get("role"),
                level=first.get("level"),
                party=first.get("party"),
                townships=list(doc.get("townships") or []),
                villages=list(doc.get("villages") or []),
                primary_domain=doc.get("domain"),
                unit=doc.get("unit"),
                amount_total=fen_to_yuan(doc.get("amount_total")),
                amount_max=fen_to_yuan(doc.get("amount_max")),
            )
        )
    dates = [d["date"] for d in docs if d.get("date")]
    return PersonRecord(
        name=name,
        place=place,
        petitions=petitions,
        roles=list(roles),
        levels=list(levels),
        amount_total=round(sum(p.amount_total for p in petitions), 2),
        amount_max=max((p.amount_max for p in petitions), default=0.0),
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
    )


def find_related(
    documents: FindDocuments, document: GetDocument, petition_id: str, limit: int = 10
) -> list[Link]:
    """Petitions linked to ``petition_id``: the same accused at the same village or township, or nearly
    the same text. Best first (evidence weights summed), at most ``limit``."""
    doc = document(petition_id)
    if doc is None:
        raise InputError(f"related: petition {petition_id!r} is not in the search index")
    links: dict[str, Link] = {}

    def add(other_id: str, reason: str, weight: float, evidence: dict[str, Any]) -> None:
        link = links.setdefault(other_id, Link(other_id, 0.0, [], []))
        if reason not in link.reasons:
            link.reasons.append(reason)
        link.score = round(link.score + weight, 4)
        link.evidence.append({"reason": reason, **evidence})

    for name in doc.get("accused") or []:
        seen: set[str] = set()
        for field, level, weight in (
            ("villages", "village", WEIGHT_SAME_VILLAGE),
            ("townships", "township", WEIGHT_SAME_TOWNSHIP),
        ):
            places = list(doc.get(field) or [])
            if not places:
                continue
            for other in documents([[("accused", [name])], [(field, places)]], CANDIDATE_LIMIT):
                if other["id"] == petition_id or other["id"] in seen:
                    continue
                seen.add(other["id"])
                shared = [p for p in other.get(field) or [] if p in places]
                roles = [p.get("role") for p in other.get("people") or [] if p.get("name") == name]
                add(
                    other["id"],
                    "shared_accused",
                    weight,
                    {
                        "person": name,
                        "role": next((r for r in roles if r), None),
                        "place": shared[0] if shared else None,
                        "place_level": level,
                    },
                )

    signature = doc.get("minhash") or []
    bands = list(doc.get("lsh") or [])
    if bands:
        for other in documents([[("lsh", bands)]], CANDIDATE_LIMIT):
            if other["id"] == petition_id:
                continue
            similarity = estimate_similarity(signature, other.get("minhash") or [])
            if similarity >= NEAR_DUPLICATE_MIN:
                shared_bands = len(set(bands) & set(other.get("lsh") or []))
                add(
                    other["id"],
                    "near_duplicate",
                    similarity,
                    {"similarity": round(similarity, 2), "shared_bands": shared_bands},
                )

    ranked = sorted(links.values(), key=lambda link: (-link.score, link.petition_id))
    return ranked[:limit]


class PersonsAndLinks:
    """What both back-ends build the same way on top of their ``_documents(conditions, limit)`` and
    ``_document(petition_id)`` look-ups: a person's record and a petition's related petitions."""

    def _documents(self, conditions: list[Condition], limit: int) -> list[dict[str, Any]]:
        raise NotImplementedError

    def _document(self, petition_id: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def person_record(self, name: str, place: str | None = None) -> PersonRecord:
        return build_person_record(self._documents, name, place)

    def related(self, petition_id: str, limit: int = 10) -> list[Link]:
        return find_related(self._documents, self._document, petition_id, limit)
