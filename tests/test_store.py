"""The store of record on a real SQLite file: round trips, idempotence, corrections beside results, audit."""

import sqlite3
import threading
from datetime import date

import pytest

from triage.errors import InputError
from triage.petition import (
    Amount,
    Classification,
    DomainScore,
    Extraction,
    Person,
    Petition,
    Route,
    TriageResult,
    make_petition_id,
)
from triage.store import Store


def make_result(petition_id, unit="qs.tc.dongguan", review=False):
    return TriageResult(
        petition_id=petition_id,
        classification=Classification("accusation", "housing", (DomainScore("housing", 0.9),
                                                                 DomainScore("other", 0.1))),
        extraction=Extraction(
            persons=(Person("张建国", "村支书", "village", "accused", ((0, 3),)),),
            amounts=(Amount("2万元", 20000, "CNY", "exact", 20000, 20000, 10, 13),),
        ),
        route=Route(unit, "cadre_authority", "理由", review, date(2026, 3, 17), date(2026, 5, 1)),
        versions={"model": "m1", "rules": "r1"},
    )


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "t.sqlite3")
    yield s
    s.close()


def test_round_trip(store):
    p = Petition("a1", "张建国贪污危房改造款2万元", "letter", date(2026, 3, 2), title="反映问题", source={"file": "x"})
    assert store.add_petition(p)
    assert store.get_petition("a1") == p
    assert store.pending_ids() == ["a1"]
    store.save_result(make_result("a1"))
    record = store.get_record("a1")
    assert record["status"] == "new"
    assert record["result"]["route"]["unit"] == "qs.tc.dongguan"
    assert record["result"]["amounts"][0]["value"] == 20000
    assert record["versions"] == {"model": "m1", "rules": "r1"}
    assert store.pending_ids() == []


def test_idempotent_add(store):
    p = Petition("a1", "同一封信", "letter", None)
    assert store.add_petition(p) is True
    assert store.add_petition(p) is False
    assert store.count_petitions() == 1


def test_content_hash_ids_are_stable():
    assert (make_petition_id("张三  反映\n问题", date(2026, 1, 1))
            == make_petition_id("张三 反映 问题", date(2026, 1, 1)))
    assert make_petition_id("张三反映问题") != make_petition_id("李四反映问题")


def test_empty_text_refused(store):
    with pytest.raises(InputError, match="empty text"):
        store.add_petition(Petition("e1", "   ", None, None))
    assert store.count_petitions() == 0


def test_correction_kept_beside_original(store):
    store.add_petition(Petition("a1", "文本内容足够长的一封信", None, None))
    store.save_result(make_result("a1"))
    store.add_correction("a1", "unit", "qs.tc.fenglin", user="clerk", remark="地点有误")
    record = store.get_record("a1")
    assert record["result"]["route"]["unit"] == "qs.tc.fenglin"
    assert record["status"] == "reviewed"
    assert record["corrections"][0]["remark"] == "地点有误"
    history = store.result_history("a1")
    assert history[0]["result"]["route"]["unit"] == "qs.tc.dongguan"  # the original is untouched
    assert [r["id"] for r in store.list_records(unit="qs.tc.fenglin")] == ["a1"]
    assert store.list_records(unit="qs.tc.dongguan") == []


def test_correction_of_unknown_field(store):
    store.add_petition(Petition("a1", "文本", None, None))
    store.save_result(make_result("a1"))
    with pytest.raises(InputError, match="valid: kind"):
        store.add_correction("a1", "text", "x")


def test_queue_orders(store):
    for i, day in enumerate([5, 1, 3]):
        store.add_petition(Petition(f"p{i}", f"第{i}封信", None, date(2026, 3, day)))
        store.save_result(make_result(f"p{i}", review=(i == 1)))
    assert [r["id"] for r in store.list_records(order="newest")] == ["p0", "p2", "p1"]
    assert [r["id"] for r in store.list_records(review=True)] == ["p1"]
    with pytest.raises(InputError):
        store.list_records(order="sideways")


def test_iter_records_in_batches(store):
    for i in range(7):
        store.add_petition(Petition(f"p{i}", f"信{i}", None, None))
    assert [r["id"] for r in store.iter_records(batch=3)] == [f"p{i}" for i in range(7)]


def test_audit_chain_detects_tampering(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = Store(path)
    store.audit("login", user="clerk", remote="127.0.0.1")
    store.audit("view", user="clerk", target="a1")
    store.audit("search", user="inv", detail={"q": "x"})
    assert store.verify_audit() == (True, None)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store._conn().execute("UPDATE audit SET user = 'x' WHERE seq = 2")
    # someone with the file drops the trigger and edits a row: the chain shows where
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_no_update")
    raw.execute("UPDATE audit SET user = 'mallory' WHERE seq = 2")
    raw.commit()
    raw.close()
    assert store.verify_audit() == (False, 2)


def test_backup_while_writing(tmp_path):
    store = Store(tmp_path / "live.sqlite3")
    stop = threading.Event()

    def writer():
        i = 0
        while not stop.is_set() and i < 2000:
            store.add_petition(Petition(f"w{i}", f"信件{i}", None, None))
            i += 1

    t = threading.Thread(target=writer)
    t.start()
    try:
        copy = store.backup(tmp_path / "backup" / "copy.sqlite3")
    finally:
        stop.set()
        t.join()
    restored = Store(copy)
    n = restored.count_petitions()
    assert n >= 0
    assert [r["id"] for r in restored.iter_records()] == [f"w{i}" for i in range(n)]
    assert restored._conn().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_files_by_content_hash(store, tmp_path):
    sha = store.add_file(tmp_path / "files", "letter.pdf", b"%PDF-1.4 test")
    assert store.add_file(tmp_path / "files", "again.pdf", b"%PDF-1.4 test") == sha
    assert (tmp_path / "files" / sha[:2] / sha).read_bytes() == b"%PDF-1.4 test"
    assert store.get_file(sha)["name"] == "letter.pdf"
