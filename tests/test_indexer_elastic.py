"""What only the Elasticsearch back-end has: the connection, the template, the alias swap. Runs on the
osmem emulator (skipped with the reason when it cannot start) and on TRIAGE_TEST_ES_URL when set."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from es_server import emulator, free_port, real_cluster_url
from test_indexer_search import RECORDS

from indexer import SearchQuery, open_index
from indexer.elastic import PlainMimetypeNode
from triage.errors import ConfigError


@pytest.fixture(scope="module", params=["emulator", "elasticsearch"])
def server_url(request):
    if request.param == "elasticsearch":
        url = real_cluster_url()
        if not url:
            pytest.skip("TRIAGE_TEST_ES_URL is not set: no real Elasticsearch cluster to test against")
        yield url
        return
    try:
        with emulator() as url:
            yield url
    except Exception as exc:
        pytest.skip(f"osmem emulator did not start: {exc}")


@pytest.fixture
def es_index(server_url):
    index = open_index(Path("."), search_url=server_url, prefix="t" + uuid.uuid4().hex[:10])
    yield index
    index.client.indices.delete(index=f"{index.alias}-v*", allow_no_indices=True)
    index.client.indices.delete_index_template(name=index.alias)
    index.close()


def versions(index):
    return sorted(index.client.indices.get_alias(name=index.alias).body)


@pytest.mark.es
def test_alias_moves_to_the_new_version_and_the_old_one_goes(es_index):
    es_index.index_records(RECORDS)
    (first,) = versions(es_index)
    assert es_index.rebuild(RECORDS[:4]) == 4
    (second,) = versions(es_index)
    assert second != first
    assert not es_index.client.indices.exists(index=first)
    assert es_index.count() == 4


@pytest.mark.es
def test_template_gives_new_versions_the_mapping(es_index):
    template = es_index.client.indices.get_index_template(name=es_index.alias)["index_templates"][0]
    assert template["index_template"]["index_patterns"] == [f"{es_index.alias}-v*"]
    (name,) = versions(es_index)
    mapping = es_index.client.indices.get_mapping(index=name)[name]["mappings"]
    assert mapping["properties"]["text"]["analyzer"] == "petition_words"
    assert mapping["properties"]["persons"]["type"] == "keyword"


@pytest.mark.es
def test_reopening_keeps_the_alias(es_index, server_url):
    es_index.index_records(RECORDS)
    prefix = es_index.alias.removesuffix("-petitions")
    again = open_index(Path("."), search_url=server_url, prefix=prefix)
    assert again.count() == len(RECORDS)
    assert again.search(SearchQuery(text="王某")).total == 1
    again.close()


@pytest.mark.es
def test_opensearch_servers_get_the_plain_mimetype_node(es_index):
    info = es_index.client.info()
    uses_plain = es_index.client.transport.node_pool.node_class is PlainMimetypeNode
    assert uses_plain == ((info.get("version") or {}).get("distribution") == "opensearch")


def test_nothing_listening_is_a_config_error():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(ConfigError, match="127.0.0.1"):
        open_index(Path("."), search_url=url)


def test_bad_prefix_is_a_config_error():
    with pytest.raises(ConfigError, match="prefix"):
        open_index(Path("."), search_url="http://127.0.0.1:9", prefix="Bad Prefix")
