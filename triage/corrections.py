"""Clerks' corrections as training data (`triage train --include-corrections`, and the person-name tagger's
`python -m models.name_tagger train --from-store`).

A petition whose current result a clerk has looked at — corrected its kind or primary domain, or accepted it as
it stands — is a labelled example in the office's own words. Each becomes one ``TrainingRecord``:

- the text is the title (when the petition has one) and the text: the clerk judged both, and the title's words
  are the subject in the office's own terms (at triage time the classifier reads the text alone);
- the primary domain and the kind are the current ones (the clerk's correction when there is one);
- the other domains: when the clerk *accepted*, every other domain the model scored at ``OTHER_DOMAIN_SCORE`` or
  more; when the clerk *corrected* the primary domain, none (the model's other guesses are not confirmed);
- the weight is ``CORRECTED_WEIGHT`` for a corrected label (the model was wrong there, and an office has few
  such examples beside thousands of generated ones) and 1 for an accepted one.

Corrections of the unit, persons, amounts or places alone say nothing about the classification and are left out.
With ``taxonomy`` given, records whose codes it does not know are left out and counted.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

CLASSIFICATION_FIELDS = ("kind", "primary_domain")
OTHER_DOMAIN_SCORE = 0.5
CORRECTED_WEIGHT = 2.0


def training_record_from(record: dict[str, Any]):
    """The training record of one stored record (``Store.get_record``), or None when no clerk confirmed or
    corrected its classification."""
    from models.records import TrainingRecord

    result = record.get("result")
    fields = {c["field"] for c in record.get("corrections") or []}
    if not result or not fields & {*CLASSIFICATION_FIELDS, "accept"}:
        return None
    corrected = bool(fields & set(CLASSIFICATION_FIELDS))
    primary = result.get("primary_domain")
    if not primary:
        return None
    others: tuple[str, ...] = ()
    if "primary_domain" not in fields:
        others = tuple(d["code"] for d in result.get("domains") or []
                       if d.get("code") != primary and float(d.get("score") or 0) >= OTHER_DOMAIN_SCORE)
    text = "\n".join(part for part in (record.get("title"), record.get("text")) if part)
    return TrainingRecord(text=text, domain=primary, kind=result.get("kind"), domains=(primary, *others),
                          weight=CORRECTED_WEIGHT if corrected else 1.0)


def training_records(records: Iterable[dict[str, Any]], taxonomy: Any = None) -> tuple[list, int]:
    """(training records, number left out because ``taxonomy`` does not know their codes)."""
    out, unknown = [], 0
    for record in records:
        example = training_record_from(record)
        if example is None:
            continue
        if taxonomy is not None and (
            any(code not in taxonomy.domain_codes for code in example.all_domains)
            or (example.kind is not None and example.kind not in taxonomy.kind_codes)
        ):
            unknown += 1
            continue
        out.append(example)
    return out, unknown


def training_records_from_store(store: Any, taxonomy: Any = None) -> tuple[list, int]:
    """Every petition in ``store`` whose classification a clerk corrected or accepted, as training records,
    and the number left out for codes ``taxonomy`` does not know."""
    return training_records(reviewed_records(store), taxonomy)


def reviewed_records(store: Any) -> Iterable[dict[str, Any]]:
    """The stored records of every petition a clerk corrected or accepted, in id order."""
    for petition_id in sorted({c.petition_id for c in store.corrections()}):
        record = store.get_record(petition_id)
        if record is not None:
            yield record


PERSON_FIELDS = ("persons", "accept")


def name_example_from(record: dict[str, Any]) -> tuple[str, set[str]] | None:
    """(text, the names of its persons) of a stored record whose persons a clerk corrected or whose result a clerk
    accepted as it stands — labelled text for the person-name tagger — or None. A petition with no named person
    is an example too: it teaches where names are not."""
    result = record.get("result")
    fields = {c["field"] for c in record.get("corrections") or []}
    if not result or not record.get("text") or not fields & set(PERSON_FIELDS):
        return None
    names = {str(p["name"]) for p in result.get("persons") or [] if isinstance(p, dict) and p.get("name")}
    return record["text"], names


def name_examples_from_store(store: Any) -> list[tuple[str, set[str]]]:
    """Every petition in ``store`` whose persons a clerk corrected or whose result a clerk accepted, as (text,
    names) pairs for ``NameTagger.train``."""
    examples = (name_example_from(r) for r in reviewed_records(store))
    return [e for e in examples if e is not None]
