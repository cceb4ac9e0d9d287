"""The embedded search index (the default): tantivy, under ``DATA_DIR/index/``.

Layout: ``index/CURRENT`` names the live version folder (``index/v-<time>``) and the schema version.
``rebuild`` writes a new version folder, then replaces ``CURRENT`` atomically (write + ``os.replace``)
and removes the older folders; a reader notices the change on its next call. Documents are stored as
their JSON (one stored bytes field) so that hits, person records and links need no other store.
Facets are tantivy ``terms`` aggregations over fast fields. Writes are serialised by a lock in this
process; tantivy's own lock file keeps two processes from writing at once (a writer waits and retries).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import tantivy

from indexer.document import KEYWORD_FIELDS, build_document
from indexer.highlight import highlight_text
from indexer.links import Condition, PersonsAndLinks
from indexer.search import FACET_FIELDS, FACET_SIZE, Hit, SearchQuery, SearchResult
from indexer.segment import segment_query
from triage.errors import ConfigError

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"
KEYWORDS = tuple(f for f in KEYWORD_FIELDS if f != "id")  # the id is a field of its own
FAST_KEYWORDS = {"domain", "unit", "townships", "kind", "month"}
WRITER_HEAP = 64_000_000
REBUILD_HEAP = 256_000_000
WRITER_WAIT_S = 10.0


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", fast=True)
    builder.add_text_field("text", tokenizer_name="whitespace")
    builder.add_text_field("title", tokenizer_name="whitespace")
    builder.add_text_field("subwords", tokenizer_name="whitespace", index_option="freq")
    for name in KEYWORDS:
        builder.add_text_field(name, tokenizer_name="raw", fast=name in FAST_KEYWORDS, index_option="basic")
    builder.add_integer_field("amounts", indexed=True, fast=True)
    builder.add_date_field("date", indexed=True, fast=True)
    builder.add_bytes_field("source", stored=True)
    return builder.build()


def _to_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


class EmbeddedIndex(PersonsAndLinks):
    """The SearchIndex protocol on a tantivy index in ``data_dir/index``."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / "index"
        self.schema = build_schema()
        self._lock = threading.RLock()
        self._pointer_stamp: int | None = None
        self._version: str | None = None
        self._index: tantivy.Index | None = None
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"{self.root}: cannot create the search index folder: {exc}") from exc
        self._open_current()

    # -- versions ---------------------------------------------------------------------------------
    @property
    def _pointer(self) -> Path:
        return self.root / "CURRENT"

    def _read_pointer(self) -> tuple[str, str] | None:
        try:
            parts = self._pointer.read_text(encoding="utf-8").split()
        except FileNotFoundError:
            return None
        return (parts[0], parts[1]) if len(parts) == 2 else None

    def _write_pointer(self, version: str) -> None:
        tmp = self.root / f"CURRENT.{os.getpid()}.{threading.get_ident()}.tmp"
        tmp.write_text(f"{version} {SCHEMA_VERSION}\n", encoding="utf-8")
        os.replace(tmp, self._pointer)

    def _new_version(self) -> tuple[str, tantivy.Index]:
        version = f"v-{time.time_ns()}"
        path = self.root / version
        path.mkdir()
        return version, tantivy.Index(self.schema, path=str(path), reuse=False)

    def _open_current(self) -> None:
        with self._lock:
            pointer = self._read_pointer()
            if pointer and pointer[1] != SCHEMA_VERSION:
                log.warning(
                    "search index %s has schema %s, this version needs %s: starting an empty index; "
                    "run `triage reindex`",
                    self.root,
                    pointer[1],
                    SCHEMA_VERSION,
                )
                pointer = None
            if pointer and (self.root / pointer[0]).is_dir():
                self._index = tantivy.Index(self.schema, path=str(self.root / pointer[0]), reuse=True)
                self._version = pointer[0]
            else:
                self._version, self._index = self._new_version()
                self._write_pointer(self._version)
            self._pointer_stamp = self._pointer.stat().st_mtime_ns

    def _current(self) -> tantivy.Index:
        """The live index, reopened when another process swapped versions, reloaded for new commits."""
        try:
            stamp = self._pointer.stat().st_mtime_ns
        except FileNotFoundError:
            stamp = None
        if stamp != self._pointer_stamp:
            pointer = self._read_pointer()
            if pointer is None or pointer[0] != self._version:
                self._open_current()
            self._pointer_stamp = stamp
        assert self._index is not None
        self._index.reload()
        return self._index

    # -- writing ----------------------------------------------------------------------------------
    def _writer(self, index: tantivy.Index, heap: int = WRITER_HEAP, threads: int = 1) -> tantivy.IndexWriter:
        deadline = time.monotonic() + WRITER_WAIT_S
        while True:
            try:
                return index.writer(heap, threads)
            except ValueError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _to_tantivy(self, doc: dict[str, Any]) -> tantivy.Document:
        out = tantivy.Document()
        out.add_text("id", doc["id"])
        out.add_text("text", doc["text"])
        out.add_text("title", doc["title"])
        out.add_text("subwords", doc["subwords"])
        for name in KEYWORDS:
            value = doc.get(name)
            for item in value if isinstance(value, list) else ([value] if value else []):
                out.add_text(name, item)
        for fen in doc["amounts"]:
            out.add_integer("amounts", fen)
        if doc["date"]:
            out.add_date("date", _to_datetime(date.fromisoformat(doc["date"])))
        out.add_bytes("source", json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        return out

    def index_records(self, records: Iterable[dict]) -> int:
        with self._lock:
            index = self._current()
            writer = self._writer(index)
            count = 0
            try:
                for record in records:
                    doc = build_document(record)
                    writer.delete_documents_by_term("id", doc["id"])
                    writer.add_document(self._to_tantivy(doc))
                    count += 1
                writer.commit()
            except BaseException:
                writer.rollback()
                raise
            finally:
                writer.wait_merging_threads()
            index.reload()
            return count

    def delete(self, ids: Iterable[str]) -> None:
        with self._lock:
            index = self._current()
            writer = self._writer(index)
            try:
                for petition_id in ids:
                    writer.delete_documents_by_term("id", str(petition_id))
                writer.commit()
            finally:
                writer.wait_merging_threads()
            index.reload()

    def rebuild(self, records: Iterable[dict]) -> int:
        with self._lock:
            version, index = self._new_version()
            writer = index.writer(REBUILD_HEAP, 0)
            count = 0
            try:
                for record in records:
                    writer.add_document(self._to_tantivy(build_document(record)))
                    count += 1
                writer.commit()
            except BaseException:
                writer.rollback()
                writer.wait_merging_threads()
                shutil.rmtree(self.root / version, ignore_errors=True)
                raise
            writer.wait_merging_threads()
            old = self._version
            self._write_pointer(version)
            self._index, self._version = index, version
            self._pointer_stamp = self._pointer.stat().st_mtime_ns
            index.reload()
            for path in self.root.glob("v-*"):
                if path.name != version and path.is_dir() and (old is None or path.name <= version):
                    shutil.rmtree(path, ignore_errors=True)
            log.info("search index rebuilt: %d petitions in %s", count, version)
            return count

    # -- reading ----------------------------------------------------------------------------------
    def _query(self, query: SearchQuery) -> tuple[tantivy.Query, bool]:
        schema = self.schema
        clauses: list[tuple[tantivy.Occur, tantivy.Query]] = []
        parts = segment_query(query.text)
        for part in parts:
            whole = "".join(part)
            alternatives = []
            for field in ("text", "title"):
                alternatives.append(tantivy.Query.term_query(schema, field, whole))
                if len(part) > 1:
                    alternatives.append(tantivy.Query.phrase_query(schema, field, part))
            alternatives.append(tantivy.Query.term_query(schema, "subwords", whole))
            clauses.append(
                (
                    tantivy.Occur.Must,
                    tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives]),
                )
            )
        filters: list[tantivy.Query] = [
            tantivy.Query.term_query(schema, name, value) for name, value in query.filters()
        ]
        low, high = query.amount_range_fen()
        if low is not None or high is not None:
            filters.append(tantivy.Query.range_query(schema, "amounts", tantivy.FieldType.Integer, low, high))
        if query.since or query.until:
            filters.append(
                tantivy.Query.range_query(
                    schema,
                    "date",
                    tantivy.FieldType.Date,
                    _to_datetime(query.since) if query.since else None,
                    _to_datetime(query.until) if query.until else None,
                )
            )
        for f in filters:
            clauses.append((tantivy.Occur.Must, tantivy.Query.const_score_query(f, 0.0)))
        if not clauses:
            return tantivy.Query.all_query(), False
        return tantivy.Query.boolean_query(clauses), bool(parts)

    def search(self, query: SearchQuery) -> SearchResult:
        query = query.checked()
        with self._lock:
            index = self._current()
        searcher = index.searcher()
        tq, has_text = self._query(query)
        by_date = query.sort == "date" or not has_text
        if by_date:
            found = searcher.search(
                tq,
                limit=max(query.limit, 1),  # tantivy refuses 0; the extra hit is dropped below
                count=True,
                offset=query.offset,
                order_by_field="date",
                order=tantivy.Order.Desc,
            )
        else:
            found = searcher.search(tq, limit=max(query.limit, 1), count=True, offset=query.offset)
        parts = segment_query(query.text)
        hits = []
        for score, address in found.hits[: query.limit]:
            doc = self._source(searcher, address)
            hits.append(
                Hit(
                    id=doc["id"],
                    score=0.0 if by_date else float(score),
                    highlight=highlight_text(doc["text"], parts),
                    received_at=doc.get("received_at"),
                    primary_domain=doc.get("domain"),
                    unit=doc.get("unit"),
                    kind=doc.get("kind"),
                    township=(doc.get("townships") or [None])[0],
                    persons=list(doc.get("persons") or []),
                )
            )
        aggregations = searcher.aggregate(
            tq,
            {name: {"terms": {"field": field, "size": FACET_SIZE}} for name, field in FACET_FIELDS.items()},
        )
        facets = {
            name: {str(b["key"]): int(b["doc_count"]) for b in aggregations.get(name, {}).get("buckets", [])}
            for name in FACET_FIELDS
        }
        return SearchResult(total=found.count, hits=hits, facets=facets)

    @staticmethod
    def _source(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> dict[str, Any]:
        return json.loads(bytes(searcher.doc(address).get_first("source")).decode("utf-8"))

    def count(self) -> int:
        with self._lock:
            index = self._current()
        return index.searcher().num_docs

    def _documents(self, conditions: list[Condition], limit: int) -> list[dict[str, Any]]:
        with self._lock:
            index = self._current()
        searcher = index.searcher()
        must = []
        for condition in conditions:
            alternatives = [
                tantivy.Query.term_set_query(self.schema, field, list(values))
                for field, values in condition
                if values
            ]
            must.append(
                (
                    tantivy.Occur.Must,
                    tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives]),
                )
            )
        found = searcher.search(tantivy.Query.boolean_query(must), limit=limit, count=False)
        return [self._source(searcher, address) for _, address in found.hits]

    def _document(self, petition_id: str) -> dict[str, Any] | None:
        docs = self._documents([[("id", [petition_id])]], 1)
        return docs[0] if docs else None

    def close(self) -> None:
        with self._lock:
            self._index = None
            self._version = None
            self._pointer_stamp = None
