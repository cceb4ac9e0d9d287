"""The Elasticsearch back-end (``--search-url`` / ``TRIAGE_SEARCH_URL``), with the official client.

- An index template ``<prefix>-petitions`` gives every ``<prefix>-petitions-v<time>`` index the mapping:
  text fields use a whitespace + lowercase analyzer over the pre-segmented text (a plain cluster needs
  no Chinese plugin), keyword fields are ``keyword``, money ``long`` fen, dates ``date``.
- Searches go through the alias ``<prefix>-petitions``; ``rebuild`` bulk-loads a new versioned index and
  moves the alias in one ``_aliases`` call (atomic), then deletes the old index.
- Writes use ``elasticsearch.helpers.streaming_bulk`` with ``max_retries`` (back-off on 429), then
  refresh the alias so that what was written is searchable on return.
- Facets are ``terms`` aggregations. Highlights are made by :mod:`indexer.highlight` from ``_source``, so
  they are the same as the embedded index's.

OpenSearch-compatible servers (the osmem emulator used by the tests) reject the client's compatibility
mimetype ``application/vnd.elasticsearch+json; compatible-with=8`` (406). When the server says it is
OpenSearch, the client is rebuilt with ``node_class=PlainMimetypeNode``, a transport node that sends
plain ``application/json`` / ``application/x-ndjson`` instead; the client's product check still needs
the server's ``X-Elastic-Product: Elasticsearch`` header, which the emulator sends.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator
from typing import Any

from elastic_transport import Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from elasticsearch.helpers import BulkIndexError, streaming_bulk

from indexer.document import KEYWORD_FIELDS, build_document
from indexer.highlight import highlight_text
from indexer.links import Condition, PersonsAndLinks
from indexer.search import FACET_FIELDS, FACET_SIZE, Hit, SearchQuery, SearchResult
from indexer.segment import segment_query
from triage.errors import ConfigError

log = logging.getLogger(__name__)

BULK_CHUNK = 500
BULK_RETRIES = 5
REQUEST_TIMEOUT_S = 30
ANALYZER = "petition_words"
_COMPAT_RE = re.compile(r"application/vnd\.elasticsearch\+([a-z-]+); ?compatible-with=\d+")

KEYWORDS = KEYWORD_FIELDS

SETTINGS: dict[str, Any] = {
    "number_of_shards": 1,
    "analysis": {
        "analyzer": {ANALYZER: {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}}
    },
}
MAPPINGS: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        **{name: {"type": "keyword"} for name in KEYWORDS},
        "text": {"type": "text", "analyzer": ANALYZER},
        "title": {"type": "text", "analyzer": ANALYZER},
        "subwords": {"type": "text", "analyzer": ANALYZER, "index_options": "freqs"},
        "amounts": {"type": "long"},
        "amount_max": {"type": "long"},
        "amount_total": {"type": "long"},
        "date": {"type": "date", "format": "strict_date"},
        "received_at": {"type": "date", "format": "strict_date"},
        "minhash": {"type": "long", "index": False, "doc_values": False},
        "people": {"type": "object", "enabled": False},
    },
}


class PlainMimetypeNode(Urllib3HttpNode):
    """A transport node sending ``application/json`` where the client asks for the Elasticsearch
    compatibility mimetype, for OpenSearch-compatible servers."""

    def perform_request(
        self,
        method: str,
        target: str,
        body: bytes | None = None,
        headers: Any = None,
        request_timeout: Any = None,
    ) -> Any:  # type: ignore[override]
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                value = headers.get(name)
                if value:
                    headers[name] = _COMPAT_RE.sub(r"application/\1", value)
        return super().perform_request(
            method, target, body=body, headers=headers, request_timeout=request_timeout
        )


def connect(url: str) -> Elasticsearch:
    """A client for ``url``; ConfigError naming the URL when nothing answers there."""
    options: dict[str, Any] = {
        "request_timeout": REQUEST_TIMEOUT_S,
        "max_retries": 3,
        "retry_on_timeout": True,
    }
    client = Elasticsearch(url, **options)
    try:
        info = client.info()
    except (ApiError, TransportError) as exc:
        raise ConfigError(f"search server {url}: does not answer as Elasticsearch: {exc}") from exc
    if (info.get("version") or {}).get("distribution") == "opensearch":
        client.close()
        client = Elasticsearch(url, node_class=PlainMimetypeNode, **options)
    return client


class ElasticIndex(PersonsAndLinks):
    """The SearchIndex protocol on an Elasticsearch cluster."""

    def __init__(self, url: str, prefix: str = "triage", client: Elasticsearch | None = None) -> None:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", prefix):
            raise ConfigError(
                f"search index prefix {prefix!r}: use lower-case letters, digits, '-', '_', '.'"
            )
        self.url = url
        self.client = client or connect(url)
        self.alias = f"{prefix}-petitions"
        self._ensure()

    def _ensure(self) -> None:
        try:
            self.client.indices.put_index_template(
                name=self.alias,
                index_patterns=[f"{self.alias}-v*"],
                template={"settings": SETTINGS, "mappings": MAPPINGS},
                priority=100,
            )
        except ApiError as exc:  # a server without templates still gets the mapping at index creation
            log.warning("search server %s: index template not stored (%s)", self.url, exc.message)
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._create_version()
            self.client.indices.put_alias(index=name, name=self.alias)

    def _create_version(self) -> str:
        name = f"{self.alias}-v{time.time_ns()}"
        self.client.indices.create(index=name, settings=SETTINGS, mappings=MAPPINGS)
        return name

    def _bulk(self, actions: Iterable[dict[str, Any]]) -> int:
        count = 0
        try:
            for ok, _item in streaming_bulk(
                self.client, actions, chunk_size=BULK_CHUNK, max_retries=BULK_RETRIES, raise_on_error=True
            ):
                count += 1 if ok else 0
        except BulkIndexError as exc:
            reasons = {str((e.get("index") or e.get("delete") or {}).get("error")) for e in exc.errors[:3]}
            raise ConfigError(
                f"search server {self.url}: {len(exc.errors)} documents not indexed: "
                f"{'; '.join(sorted(reasons))}"
            ) from exc
        return count

    def _actions(self, records: Iterable[dict], index: str) -> Iterator[dict[str, Any]]:
        for record in records:
            doc = build_document(record)
            yield {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": doc}

    def index_records(self, records: Iterable[dict]) -> int:
        count = self._bulk(self._actions(records, self.alias))
        self.client.indices.refresh(index=self.alias)
        return count

    def delete(self, ids: Iterable[str]) -> None:
        actions = ({"_op_type": "delete", "_index": self.alias, "_id": str(i)} for i in ids)
        for _ok, _item in streaming_bulk(
            self.client, actions, chunk_size=BULK_CHUNK, max_retries=BULK_RETRIES, raise_on_error=False
        ):
            pass  # a missing id is not an error
        self.client.indices.refresh(index=self.alias)

    def rebuild(self, records: Iterable[dict]) -> int:
        name = self._create_version()
        try:
            count = self._bulk(self._actions(records, name))
            self.client.indices.refresh(index=name)
        except BaseException:
            self.client.indices.delete(index=name)
            raise
        old = (
            list(self.client.indices.get_alias(name=self.alias).body)
            if self.client.indices.exists_alias(name=self.alias)
            else []
        )
        actions: list[dict[str, Any]] = [{"remove": {"index": o, "alias": self.alias}} for o in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for o in old:
            self.client.indices.delete(index=o)
        log.info("search index rebuilt: %d petitions in %s", count, name)
        return count

    # -- reading ----------------------------------------------------------------------------------
    def _query(self, query: SearchQuery) -> tuple[dict[str, Any], bool]:
        must: list[dict[str, Any]] = []
        parts = segment_query(query.text)
        for part in parts:
            whole = "".join(part)
            should: list[dict[str, Any]] = []
            for field in ("text", "title"):
                should.append({"term": {field: whole}})
                if len(part) > 1:
                    should.append({"match_phrase": {field: " ".join(part)}})
            should.append({"term": {"subwords": whole}})
            must.append({"bool": {"should": should, "minimum_should_match": 1}})
        filters: list[dict[str, Any]] = [{"term": {name: value}} for name, value in query.filters()]
        low, high = query.amount_range_fen()
        if low is not None or high is not None:
            bounds = {k: v for k, v in (("gte", low), ("lte", high)) if v is not None}
            filters.append({"range": {"amounts": bounds}})
        if query.since or query.until:
            bounds = {k: v.isoformat() for k, v in (("gte", query.since), ("lte", query.until)) if v}
            filters.append({"range": {"date": bounds}})
        if not must and not filters:
            return {"match_all": {}}, False
        return {"bool": {"must": must, "filter": filters}}, bool(parts)

    def search(self, query: SearchQuery) -> SearchResult:
        query = query.checked()
        es_query, has_text = self._query(query)
        by_date = query.sort == "date" or not has_text
        sort: list[Any] = (
            [{"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
            if by_date
            else ["_score", {"date": {"order": "desc", "missing": "_last"}}, {"id": "asc"}]
        )
        response = self.client.search(
            index=self.alias,
            query=es_query,
            from_=query.offset,
            size=query.limit,
            sort=sort,
            track_total_hits=True,
            aggs={
                name: {"terms": {"field": field, "size": FACET_SIZE}} for name, field in FACET_FIELDS.items()
            },
        )
        parts = segment_query(query.text)
        hits = []
        for item in response["hits"]["hits"]:
            doc = item["_source"]
            hits.append(
                Hit(
                    id=doc["id"],
                    score=0.0 if by_date else float(item.get("_score") or 0.0),
                    highlight=highlight_text(doc["text"], parts),
                    received_at=doc.get("received_at"),
                    primary_domain=doc.get("domain"),
                    unit=doc.get("unit"),
                    kind=doc.get("kind"),
                    township=(doc.get("townships") or [None])[0],
                    persons=list(doc.get("persons") or []),
                )
            )
        aggregations = response.get("aggregations") or {}
        facets = {
            name: {
                str(b["key"]): int(b["doc_count"]) for b in (aggregations.get(name) or {}).get("buckets", [])
            }
            for name in FACET_FIELDS
        }
        return SearchResult(total=int(response["hits"]["total"]["value"]), hits=hits, facets=facets)

    def count(self) -> int:
        return int(self.client.count(index=self.alias)["count"])

    def _documents(self, conditions: list[Condition], limit: int) -> list[dict[str, Any]]:
        filters = [
            {
                "bool": {
                    "should": [{"terms": {field: list(values)}} for field, values in condition if values],
                    "minimum_should_match": 1,
                }
            }
            for condition in conditions
        ]
        response = self.client.search(
            index=self.alias, query={"bool": {"filter": filters}}, size=limit, sort=[{"id": "asc"}]
        )
        return [item["_source"] for item in response["hits"]["hits"]]

    def _document(self, petition_id: str) -> dict[str, Any] | None:
        try:
            docs = self._documents([[("id", [petition_id])]], 1)
        except NotFoundError:
            return None
        return docs[0] if docs else None

    def close(self) -> None:
        self.client.close()
