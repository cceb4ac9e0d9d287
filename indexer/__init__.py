"""The search index: petitions → documents (a pure function), bulk sync, rebuild, search, persons, links.

The index is always rebuildable from the store of record (``triage reindex``). Two back-ends answer the
same :class:`SearchIndex` protocol and pass the same tests: the embedded tantivy index under
``data_dir/index/`` (the default) and an Elasticsearch cluster (``--search-url`` / ``TRIAGE_SEARCH_URL``).
See docs/search.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from indexer.document import build_document
from indexer.search import Hit, Link, PersonPetition, PersonRecord, SearchQuery, SearchResult

__all__ = [
    "Hit",
    "Link",
    "PersonPetition",
    "PersonRecord",
    "SearchIndex",
    "SearchQuery",
    "SearchResult",
    "build_document",
    "open_index",
]


class SearchIndex(Protocol):
    def index_records(self, records: Iterable[dict]) -> int:
        """Add or replace (by id) the documents of these store records, in bulk; how many were indexed."""

    def delete(self, ids: Iterable[str]) -> None:
        """Remove these petitions from the index (unknown ids are ignored)."""

    def rebuild(self, records: Iterable[dict]) -> int:
        """Index every record into a new version and switch to it atomically; how many were indexed."""

    def search(self, query: SearchQuery) -> SearchResult:
        """Hits (with highlights) and facet counts for a query."""

    def count(self) -> int:
        """How many petitions are indexed."""

    def person_record(self, name: str, place: str | None = None) -> PersonRecord:
        """Every petition naming that person (at that township or village), with roles, sums, dates."""

    def related(self, petition_id: str, limit: int = 10) -> list[Link]:
        """Petitions sharing an accused person at the same village/township, and near-duplicates."""

    def close(self) -> None:
        """Release the index (files, connections)."""


def open_index(data_dir: Path, search_url: str | None = None, prefix: str = "triage") -> SearchIndex:
    """The embedded index under ``data_dir/index`` or, with ``search_url``, the Elasticsearch index
    behind the alias ``<prefix>-petitions`` (created on first use)."""
    if search_url:
        from indexer.elastic import ElasticIndex

        return ElasticIndex(search_url, prefix=prefix)
    from indexer.embedded import EmbeddedIndex

    return EmbeddedIndex(Path(data_dir))
