"""The embedded index on disk: safe to reopen, rebuild swaps versions atomically, other instances follow."""

from __future__ import annotations

import pytest
from test_indexer_search import RECORDS

from indexer import SearchQuery, open_index


def test_reopen_keeps_the_documents(tmp_path):
    index = open_index(tmp_path)
    index.index_records(RECORDS)
    index.close()
    again = open_index(tmp_path)
    assert again.count() == len(RECORDS)
    assert again.search(SearchQuery(text="王某")).total == 1
    again.close()


def test_rebuild_swaps_the_version_and_removes_the_old_one(tmp_path):
    index = open_index(tmp_path)
    index.index_records(RECORDS)
    first = (tmp_path / "index" / "CURRENT").read_text().split()[0]
    assert index.rebuild(RECORDS[:2]) == 2
    second = (tmp_path / "index" / "CURRENT").read_text().split()[0]
    assert second != first
    assert sorted(p.name for p in (tmp_path / "index").glob("v-*")) == [second]
    assert index.count() == 2
    index.close()


def test_another_instance_follows_a_rebuild_and_new_documents(tmp_path):
    reader = open_index(tmp_path)
    writer = open_index(tmp_path)
    writer.index_records(RECORDS[:3])
    assert reader.count() == 3
    writer.rebuild(RECORDS)
    assert reader.count() == len(RECORDS)
    assert reader.search(SearchQuery(text="刘红梅")).total == 1
    reader.index_records([dict(RECORDS[0], id="p-99")])
    assert writer.count() == len(RECORDS) + 1
    reader.close()
    writer.close()


def test_failed_rebuild_keeps_the_live_index(tmp_path):
    index = open_index(tmp_path)
    index.index_records(RECORDS)

    def broken():
        yield RECORDS[0]
        raise RuntimeError("store went away")

    with pytest.raises(RuntimeError):
        index.rebuild(broken())
    assert index.count() == len(RECORDS)
    assert len(list((tmp_path / "index").glob("v-*"))) == 1
    index.close()
