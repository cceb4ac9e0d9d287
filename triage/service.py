"""Use cases: triage, intake, correction, reindexing. Combines the store, the NLP, the classifier and routing.

The search index is passed in (anything with ``index_records``, ``rebuild``, ``delete``): the core never
imports ``indexer/``; the command line and the web app compose the two.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, Protocol

from triage.errors import InputError, TriageError
from triage.petition import CHANNELS, Petition, TriageResult, normalize_text, parse_received_date
from triage.routing import RULES_VERSION, Office, route_petition
from triage.store import Store
from triage.taxonomy import Taxonomy

log = logging.getLogger(__name__)
BATCH_SIZE = 256


class Analyzer(Protocol):
    version: str

    def extract_many(self, items: Iterable[tuple[str, date | None]], n_process: int = 1) -> list: ...


class Classifier(Protocol):
    taxonomy: Taxonomy
    version: str

    def predict(self, texts: Sequence[str]) -> list: ...


class SearchIndex(Protocol):
    def index_records(self, records: Iterable[dict]) -> int: ...

    def rebuild(self, records: Iterable[dict]) -> int: ...


class Pipeline:
    """Reads and routes petitions: extraction, classification, the rules. Loaded once, used for every item."""

    def __init__(self, analyzer: Analyzer, classifier: Classifier, office: Office):
        self.analyzer = analyzer
        self.classifier = classifier
        self.office = office
        self._domain_labels = {d.code: d.label for d in classifier.taxonomy.domains}
        self.versions = {
            "model": classifier.version,
            "extract": analyzer.version,
            "rules": RULES_VERSION,
            "units": office.source,
        }

    def triage_many(self, petitions: Sequence[Petition], n_process: int = 1) -> list[TriageResult]:
        if not petitions:
            return []
        extractions = self.analyzer.extract_many([(p.text, p.received_at) for p in petitions], n_process=n_process)
        classifications = self.classifier.predict([p.text for p in petitions])
        results = []
        for petition, extraction, classification in zip(petitions, extractions, classifications, strict=True):
            route = route_petition(
                classification, extraction, self.office, petition.text, petition.received_at, self._domain_labels
            )
            results.append(TriageResult(petition.id, classification, extraction, route, dict(self.versions)))
        return results

    def triage(self, petition: Petition) -> TriageResult:
        return self.triage_many([petition])[0]


# -- `triage process`: JSON Lines in, one line out per line in, nothing stored ----------------------------

def parse_petition(raw: Any, max_chars: int, where: str = "input") -> Petition:
    """A petition from one decoded input object (CONTRACT.md's line format); InputError naming the problem."""
    if not isinstance(raw, dict):
        raise InputError(f"{where}: a petition is a JSON object with 'id' and 'text'")
    pid = raw.get("id")
    if pid is None or (isinstance(pid, str) and not pid.strip()):
        raise InputError(f"{where}: missing 'id'")
    if not isinstance(pid, str | int) or isinstance(pid, bool):
        raise InputError(f"{where}: 'id' must be a string")
    pid = str(pid)
    text = raw.get("text")
    if text is None:
        raise InputError(f"petition {pid}: missing 'text'")
    if not isinstance(text, str):
        raise InputError(f"petition {pid}: 'text' must be a string")
    text = normalize_text(text)
    if not text.strip():
        raise InputError(f"petition {pid}: empty text")
    if len(text) > max_chars:
        raise InputError(f"petition {pid}: text of {len(text)} characters is over the limit of {max_chars}")
    channel = raw.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise InputError(f"petition {pid}: unknown channel {channel!r}; valid: {', '.join(CHANNELS)}")
    received = raw.get("received_at")
    received_at = None
    if received not in (None, ""):
        try:
            received_at = parse_received_date(received)
        except ValueError as exc:
            raise InputError(f"petition {pid}: {exc}") from None
    title = raw.get("title")
    return Petition(id=pid, text=text, channel=channel, received_at=received_at,
                    title=title if isinstance(title, str) else None)


def decode_lines(stream: Iterable[bytes]) -> Iterator[str | InputError]:
    """Lines of a byte stream as text: UTF-8 (with or without BOM), else GB18030 (GBK is common in offices);
    UTF-16 when the stream starts with its BOM. A line that is neither becomes an InputError in its place."""
    iterator = iter(stream)
    first = next(iterator, None)
    if first is None:
        return
    if first.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = first + b"".join(iterator)
        yield from data.decode("utf-16", errors="replace").splitlines()
        return
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    for number, raw in enumerate(_chain(first, iterator), start=1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield raw.decode("gb18030")
            except UnicodeDecodeError:
                yield InputError(f"line {number}: neither UTF-8 nor GB18030 text")


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def process_lines(
    lines: Iterable[str | InputError], pipeline: Pipeline, max_chars: int, n_process: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[dict[str, Any]]:
    """Triage JSON Lines; yields one output record per input line, in order (error records included).
    Blank lines are skipped. With ``n_process`` > 1 the batches are triaged by that many forked worker
    processes, which share the loaded pipeline copy-on-write (no per-worker start-up)."""
    if n_process > 1:
        yield from _process_parallel(_batches(lines, max_chars, batch_size), pipeline, n_process)
        return
    for batch in _batches(lines, max_chars, batch_size):
        yield from _answers(batch, pipeline.triage_many(_petitions(batch)))


Batch = list[tuple[int, "Petition | dict[str, Any]"]]


def _batches(lines: Iterable[str | InputError], max_chars: int, batch_size: int) -> Iterator[Batch]:
    batch: Batch = []
    for number, line in enumerate(lines, start=1):
        if isinstance(line, InputError):
            batch.append((number, {"id": None, "error": str(line)}))
        elif line.strip():
            batch.append((number, _parse_line(line, number, max_chars)))
        else:
            continue
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


def _petitions(batch: Batch) -> list[Petition]:
    return [item for _, item in batch if isinstance(item, Petition)]


def _answers(batch: Batch, results: Sequence[TriageResult]) -> Iterator[dict[str, Any]]:
    petitions = _petitions(batch)
    by_item = {id(p): r for p, r in zip(petitions, results, strict=True)}
    for _, item in batch:
        yield by_item[id(item)].to_contract() if isinstance(item, Petition) else item


_WORKER_PIPELINE: Pipeline | None = None  # set in the parent before forking; the workers inherit it


def _triage_in_worker(petitions: list[Petition]) -> list[TriageResult]:
    assert _WORKER_PIPELINE is not None
    return _WORKER_PIPELINE.triage_many(petitions)


def _process_parallel(batches: Iterator[Batch], pipeline: Pipeline, n_process: int) -> Iterator[dict[str, Any]]:
    """Batches triaged by ``n_process`` forked workers, a window of a few batches at a time (bounded memory),
    answers in input order."""
    import multiprocessing

    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline
    with multiprocessing.get_context("fork").Pool(n_process) as pool:
        window: list[Batch] = []
        for batch in batches:
            window.append(batch)
            if len(window) >= 2 * n_process:
                yield from _run_window(pool, window)
                window = []
        if window:
            yield from _run_window(pool, window)


def _run_window(pool: Any, window: list[Batch]) -> Iterator[dict[str, Any]]:
    for batch, results in zip(window, pool.map(_triage_in_worker, [_petitions(b) for b in window]), strict=True):
        yield from _answers(batch, results)


def _parse_line(line: str, number: int, max_chars: int) -> Petition | dict[str, Any]:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"line {number}: not valid JSON: {exc.msg} at column {exc.colno}"}
    try:
        return parse_petition(raw, max_chars, where=f"line {number}")
    except InputError as exc:
        pid = raw.get("id") if isinstance(raw, dict) else None
        return {"id": str(pid) if isinstance(pid, str | int) and not isinstance(pid, bool) else None,
                "error": str(exc)}


# -- intake: store first, then triage and index; retried without loss or duplication ------------------

@dataclass
class IngestSummary:
    stored: int = 0
    duplicates: int = 0
    triaged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": self.stored,
            "duplicates": self.duplicates,
            "triaged": self.triaged,
            "failed": [{"source": s, "message": m} for s, m in self.failed],
        }


class Service:
    """The use cases over one store, one pipeline (loaded on first use) and one search index."""

    def __init__(self, store: Store, pipeline_factory: Callable[[], Pipeline], index: SearchIndex | None = None,
                 files_dir=None):
        self.store = store
        self._pipeline_factory = pipeline_factory
        self._pipeline: Pipeline | None = None
        self._pipeline_lock = threading.Lock()
        self.index = index
        self.files_dir = files_dir

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline, loaded on first use, once even when several threads ask at the same time."""
        if self._pipeline is None:
            with self._pipeline_lock:
                if self._pipeline is None:
                    self._pipeline = self._pipeline_factory()
        return self._pipeline

    def store_petition(self, petition: Petition, original: tuple[str, bytes] | None = None) -> bool:
        """Put a petition in the store of record (durably) before anything else; True when new."""
        sha = None
        if original is not None and self.files_dir is not None:
            sha = self.store.add_file(self.files_dir, original[0], original[1])
        return self.store.add_petition(petition, original_sha256=sha)

    def ingest(
        self,
        items: Iterable[Any],
        progress: Callable[[int], None] | None = None,
        batch_size: int = 64,
    ) -> IngestSummary:
        """Store every item, then triage and index what is new or still pending.

        ``items`` are Petitions, or intake results: objects with ``petition`` (an IntakeItem) or with
        ``source`` and ``message`` (an IntakeFailure, recorded and reported; the batch goes on)."""
        summary = IngestSummary()
        chunk: list[tuple[Petition, str | None]] = []
        for item in items:
            if hasattr(item, "message") and hasattr(item, "source") and not hasattr(item, "petition"):
                summary.failed.append((item.source, item.message))
                self.store.add_intake_failure(item.source, item.message, getattr(item, "item_id", None))
                log.warning("intake failure in %s", item.source)
            else:
                petition = getattr(item, "petition", item)
                if petition.text.strip():
                    chunk.append((petition, getattr(item, "original_bytes_sha256", None)))
                else:
                    message = f"petition {petition.id}: empty text"
                    summary.failed.append((petition.id, message))
                    self.store.add_intake_failure(petition.id, message, petition.id)
            if progress:
                progress(1)
            if len(chunk) >= batch_size:
                self._store_and_triage(chunk, summary)
                chunk = []
        self._store_and_triage(chunk, summary)
        summary.triaged += self.triage_pending()
        return summary

    def _store_and_triage(self, chunk: list[tuple[Petition, str | None]], summary: IngestSummary) -> None:
        """Store a chunk in one transaction, then triage and index the new ones (stored first, always)."""
        if not chunk:
            return
        new = self.store.add_petitions(chunk)
        summary.stored += sum(new)
        summary.duplicates += len(new) - sum(new)
        summary.triaged += self.triage_stored([p.id for (p, _), is_new in zip(chunk, new, strict=True) if is_new])

    def triage_pending(self) -> int:
        """Triage every stored petition that has no result yet (after a crash or a failed triage)."""
        pending = self.store.pending_ids()
        done = 0
        for start in range(0, len(pending), 64):
            done += self.triage_stored(pending[start:start + 64])
        return done

    def triage_stored(self, ids: Sequence[str]) -> int:
        petitions = [p for p in (self.store.get_petition(i) for i in ids) if p is not None]
        if not petitions:
            return 0
        results = self.pipeline.triage_many(petitions)
        self.store.save_results([flag_low_ocr_confidence(p, r) for p, r in zip(petitions, results, strict=True)])
        self.index_ids([p.id for p in petitions])
        return len(results)

    def index_ids(self, ids: Iterable[str]) -> None:
        if self.index is None:
            return
        records = [r for r in (self.store.get_record(i) for i in ids) if r is not None]
        try:
            self.index.index_records(records)
        except TriageError:
            raise
        except Exception:  # the index is derived: a failed update is repaired by `triage reindex`
            log.exception("indexing %d records failed; run `triage reindex`", len(records))
            raise

    def reindex(self) -> int:
        if self.index is None:
            return 0
        return self.index.rebuild(self.store.iter_records())

    def correct(self, petition_id: str, field: str, value: Any, user: str | None = None,
                remark: str | None = None) -> dict[str, Any]:
        """Store a clerk's correction beside the original result, re-index, return the current record."""
        self._check_correction(field, value)
        self.store.add_correction(petition_id, field, value, user=user, remark=remark)
        self.store.audit("correct", user=user, target=petition_id, detail={"field": field})
        self.index_ids([petition_id])
        record = self.store.get_record(petition_id)
        assert record is not None
        return record

    def _check_correction(self, field: str, value: Any) -> None:
        taxonomy = self.pipeline.classifier.taxonomy
        if field == "primary_domain" and value not in taxonomy.domain_codes:
            raise InputError(f"unknown domain {value!r}; valid: {', '.join(taxonomy.domain_codes)}")
        if field == "kind" and value not in taxonomy.kind_codes:
            raise InputError(f"unknown kind {value!r}; valid: {', '.join(taxonomy.kind_codes)}")
        if field == "unit" and not self.pipeline.office.has_unit(str(value)):
            valid = ", ".join(u.id for u in self.pipeline.office.units)
            raise InputError(f"unknown unit {value!r}; valid: {valid}")
        if field in ("persons", "amounts", "places") and not isinstance(value, list):
            raise InputError(f"a correction of {field} is the whole corrected list")


OCR_REVIEW_REASON = "扫描件文字识别置信度低（{:.2f}），请对照原件核对。"


def flag_low_ocr_confidence(petition: Petition, result: TriageResult) -> TriageResult:
    """A result whose text was read by OCR with low confidence goes to a clerk's review, whatever its rule:
    the route says so in its reason (docs/intake.md)."""
    from triage.intake import REVIEW_THRESHOLD  # here, not at the top: the intake package imports readers

    confidence = (petition.source or {}).get("ocr_confidence")
    if not isinstance(confidence, int | float) or confidence >= REVIEW_THRESHOLD:
        return result
    route = replace(result.route, review=True,
                    reason=result.route.reason + OCR_REVIEW_REASON.format(confidence))
    return replace(result, route=route)
