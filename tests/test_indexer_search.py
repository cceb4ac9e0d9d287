"""One suite for every search back-end: the embedded tantivy index always, the osmem emulator when it
starts, a real Elasticsearch cluster when TRIAGE_TEST_ES_URL is set. Every text here is invented."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from es_server import emulator, real_cluster_url

from indexer import SearchQuery, open_index
from triage.errors import InputError

# (id, text, received_at, status, result fields) — result None for a petition not yet triaged.
# persons: (name, role, level, party); places: (township, village); amounts in yuan.
PETITIONS = [
    (
        "p-01",
        "东关镇柳树村村支书张建国在2019年危房改造中优亲厚友，虚报冒领补助资金2万元。举报人李秀英，电话13912345678。",
        "2026-01-10",
        "new",
        dict(
            kind="accusation",
            domain="housing",
            unit="qs.tc.dongguan",
            persons=[("张建国", "村支书", "village", "accused"), ("李秀英", None, "unknown", "petitioner")],
            places=[("东关镇", "柳树村")],
            amounts=[20000],
        ),
    ),
    (
        "p-02",
        "反映东关镇柳树村村支书张建国私自发包集体鱼塘，承包费8000元没有入村账。",
        "2026-02-15",
        "reviewed",
        dict(
            kind="accusation",
            domain="collective_assets",
            unit="qs.tc.dongguan",
            persons=[("张建国", "村支书", "village", "accused")],
            places=[("东关镇", "柳树村")],
            amounts=[8000],
        ),
    ),
    (
        "p-03",
        "城关镇民政所王某在低保评审中收受好处费3000元，群众意见很大。",
        "2026-02-20",
        "new",
        dict(
            kind="accusation",
            domain="social_assistance",
            unit="qs.tc.chengguan",
            persons=[("王某", "民政所所长", "township", "accused")],
            places=[("城关镇", None)],
            amounts=[3000],
        ),
    ),
    (
        "p-04",
        "枫林乡上坪村会计刘红梅虚报耕地地力保护补贴，涉及金额约5万元。",
        "2026-03-05",
        "closed",
        dict(
            kind="accusation",
            domain="agri_subsidy",
            unit="qs.tc.fenglin",
            persons=[("刘红梅", "村会计", "village", "accused")],
            places=[("枫林乡", "上坪村")],
            amounts=[50000],
        ),
    ),
    (
        "p-05",
        "东关镇柳树村村支书张建国在2019年危房改造中优亲厚友，虚报冒领补助资金2万元。举报人李秀英，电话13912345678。"
        "请组织调查。",
        "2026-03-20",
        "new",
        dict(
            kind="accusation",
            domain="housing",
            unit="qs.tc.dongguan",
            persons=[("张建国", "村支书", "village", "accused"), ("李秀英", None, "unknown", "petitioner")],
            places=[("东关镇", "柳树村")],
            amounts=[20000],
        ),
    ),
    (
        "p-06",
        "建议县里加强对农村道路建设的监督，公开A&B公司承建工程的招投标信息。",
        "2026-03-25",
        "new",
        dict(
            kind="suggestion",
            domain="construction_procurement",
            unit="qs.petition",
            persons=[],
            places=[],
            amounts=[],
        ),
    ),
    (
        "p-07",
        "白石镇青龙村村主任张建国强占村民宅基地，还殴打上门讨说法的群众。",
        "2026-04-02",
        "new",
        dict(
            kind="accusation",
            domain="land_compensation",
            unit="qs.tc.baishi",
            persons=[("张建国", "村主任", "village", "accused")],
            places=[("白石镇", "青龙村")],
            amounts=[],
        ),
    ),
    ("p-08", "关于东关镇道路项目的情况反映，联系人张建国。", None, "new", None),
]

# (query, the ids it must find, in any order)
SEARCHES = [
    (dict(text="张建国"), {"p-01", "p-02", "p-05", "p-07", "p-08"}),
    (dict(text="王某"), {"p-03"}),
    (dict(text="危房"), {"p-01", "p-05"}),  # a part of the indexed word 危房改造
    (dict(text="柳树村 鱼塘"), {"p-02"}),
    (dict(text="招投标"), {"p-06"}),
    (dict(text="李秀英"), set()),  # the petitioner: masked
    (dict(text="13912345678"), set()),  # the petitioner's phone: masked
    (dict(text="不存在的词语"), set()),
    (dict(domain="housing"), {"p-01", "p-05"}),
    (dict(kind="suggestion"), {"p-06"}),
    (dict(unit="qs.tc.dongguan"), {"p-01", "p-02", "p-05"}),
    (dict(township="东关镇"), {"p-01", "p-02", "p-05"}),
    (dict(village="上坪村"), {"p-04"}),
    (dict(person="张建国"), {"p-01", "p-02", "p-05", "p-07"}),
    (dict(person="李秀英"), set()),
    (dict(level="township"), {"p-03"}),
    (dict(status="closed"), {"p-04"}),
    (dict(min_amount=10000), {"p-01", "p-04", "p-05"}),
    (dict(max_amount=5000), {"p-03"}),
    (dict(min_amount=5000, max_amount=10000), {"p-02"}),
    (dict(min_amount=20000, max_amount=20000), {"p-01", "p-05"}),
    (dict(since="2026-03-01"), {"p-04", "p-05", "p-06", "p-07", "p-08"}),  # p-08: its stored date
    (dict(until="2026-02-15"), {"p-01", "p-02"}),
    (dict(since="2026-02-15", until="2026-02-20"), {"p-02", "p-03"}),
    (dict(text="张建国", township="东关镇", min_amount=10000), {"p-01", "p-05"}),
    (dict(text="张建国 鱼塘", unit="qs.tc.dongguan", status="reviewed"), {"p-02"}),
]


def make_record(petition_id, text, received_at, status, fields):
    record = {
        "id": petition_id,
        "text": text,
        "title": None,
        "channel": "letter",
        "received_at": received_at,
        "stored_at": "2026-04-10T09:00:00+00:00",
        "status": status,
        "result": None,
    }
    if fields is None:
        return record
    persons = []
    for name, role, level, party in fields["persons"]:
        start = text.find(name)
        persons.append(
            {
                "name": name,
                "role": role,
                "level": level,
                "party": party,
                "mentions": [[start, start + len(name)]] if start >= 0 else [],
            }
        )
    places = [
        {
            "text": (t or "") + (v or ""),
            "province": None,
            "city": None,
            "county": None,
            "township": t,
            "village": v,
            "start": 0,
            "end": 0,
        }
        for t, v in fields["places"]
    ]
    amounts = [
        {
            "text": f"{a}元",
            "value": a,
            "currency": "CNY",
            "qualifier": "exact",
            "low": a,
            "high": a,
            "start": 0,
            "end": 0,
        }
        for a in fields["amounts"]
    ]
    domains = [{"code": fields["domain"], "score": 0.9}, {"code": "other", "score": 0.05}]
    record["result"] = {
        "id": petition_id,
        "kind": fields["kind"],
        "primary_domain": fields["domain"],
        "domains": domains,
        "persons": persons,
        "amounts": amounts,
        "places": places,
        "dates": [],
        "route": {
            "unit": fields["unit"],
            "rule": "place",
            "reason": "…",
            "review": False,
            "deadline_accept": None,
            "deadline_conclude": None,
        },
    }
    return record


RECORDS = [make_record(*row) for row in PETITIONS]


@pytest.fixture(scope="session")
def emulator_url():
    try:
        with emulator() as url:
            yield url
    except Exception as exc:  # no binary for this platform, or it did not start
        pytest.skip(f"osmem emulator did not start: {exc}")


def _elastic_index(url: str):
    prefix = "t" + uuid.uuid4().hex[:10]
    index = open_index(Path("."), search_url=url, prefix=prefix)
    return index, prefix


@pytest.fixture(
    params=[
        "embedded",
        pytest.param("emulator", marks=pytest.mark.es),
        pytest.param("elasticsearch", marks=pytest.mark.es),
    ]
)
def make_index(request, tmp_path):
    """A function returning a fresh, empty index of the back-end under test (closed and removed after)."""
    opened = []

    def make():
        if request.param == "embedded":
            index = open_index(tmp_path / f"data{len(opened)}")
        else:
            if request.param == "emulator":
                url = request.getfixturevalue("emulator_url")
            else:
                url = real_cluster_url()
                if not url:
                    pytest.skip(
                        "TRIAGE_TEST_ES_URL is not set: no real Elasticsearch cluster to test against"
                    )
            index, _prefix = _elastic_index(url)
        opened.append(index)
        return index

    yield make
    for index in opened:
        client = getattr(index, "client", None)
        if client is not None:
            client.indices.delete(index=f"{index.alias}-v*", allow_no_indices=True)
            client.indices.delete_index_template(name=index.alias)
        index.close()


@pytest.fixture
def index(make_index):
    idx = make_index()
    assert idx.index_records(RECORDS) == len(RECORDS)
    return idx


def ids(result):
    return {hit.id for hit in result.hits}


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[str(q) for q, _ in SEARCHES])
def test_search_finds_exactly(index, query, expected):
    result = index.search(SearchQuery(**query))
    assert ids(result) == expected
    assert result.total == len(expected)


def test_count(index):
    assert index.count() == len(RECORDS)


def test_sort_by_date_newest_first(index):
    result = index.search(SearchQuery(text="张建国", sort="date"))
    assert [hit.id for hit in result.hits] == ["p-08", "p-07", "p-05", "p-02", "p-01"]


def test_empty_query_lists_everything_by_date(index):
    result = index.search(SearchQuery())
    assert result.total == len(RECORDS)
    assert [hit.id for hit in result.hits][:3] == ["p-08", "p-07", "p-06"]


def test_relevance_ranks_the_two_word_match_first(index):
    result = index.search(SearchQuery(text="张建国"))
    assert result.hits[0].score >= result.hits[-1].score
    result = index.search(SearchQuery(text="柳树村"))
    assert ids(result) == {"p-01", "p-02", "p-05"}


def test_pages_do_not_overlap(index):
    full = [hit.id for hit in index.search(SearchQuery(text="张建国", sort="date", limit=10)).hits]
    first = index.search(SearchQuery(text="张建国", sort="date", limit=2))
    second = index.search(SearchQuery(text="张建国", sort="date", limit=2, offset=2))
    assert [h.id for h in first.hits + second.hits] == full[:4]
    assert first.total == second.total == 5


def test_limit_zero_gives_counts_and_facets_only(index):
    result = index.search(SearchQuery(text="张建国", limit=0))
    assert (result.total, result.hits) == (5, [])
    assert result.facets["township"] == {"东关镇": 3, "白石镇": 1}


def test_hits_carry_fields(index):
    hit = index.search(SearchQuery(text="鱼塘")).hits[0]
    assert (hit.id, hit.received_at, hit.primary_domain, hit.unit, hit.kind, hit.township, hit.persons) == (
        "p-02",
        "2026-02-15",
        "collective_assets",
        "qs.tc.dongguan",
        "accusation",
        "东关镇",
        ["张建国"],
    )


def test_highlights_mark_words_without_spaces(index):
    result = index.search(SearchQuery(text="张建国"))
    for hit in result.hits:
        assert "<em>张建国</em>" in hit.highlight
        assert " " not in hit.highlight
    hit = index.search(SearchQuery(text="危房")).hits[0]
    assert "<em>危房</em>改造" in hit.highlight


def test_highlights_escape_html(index):
    hit = index.search(SearchQuery(text="招投标")).hits[0]
    assert "A&amp;B公司" in hit.highlight
    assert "<em>招投标</em>" in hit.highlight


def test_petitioner_never_shown(index):
    for hit in index.search(SearchQuery(limit=50)).hits + index.search(SearchQuery(text="举报人")).hits:
        assert "李秀英" not in hit.highlight
        assert "13912345678" not in hit.highlight
        assert "李秀英" not in hit.persons
    hit = index.search(SearchQuery(text="举报人")).hits[0]
    assert "某某" in hit.highlight


def test_facets_count_what_matches(index):
    facets = index.search(SearchQuery()).facets
    assert facets["domain"]["housing"] == 2
    assert facets["unit"]["qs.tc.dongguan"] == 3
    assert facets["township"] == {"东关镇": 3, "城关镇": 1, "枫林乡": 1, "白石镇": 1}
    assert facets["kind"] == {"accusation": 6, "suggestion": 1}
    assert facets["month"] == {"2026-01": 1, "2026-02": 2, "2026-03": 3, "2026-04": 2}
    facets = index.search(SearchQuery(text="张建国")).facets
    assert facets["township"] == {"东关镇": 3, "白石镇": 1}


def test_to_json_follows_the_contract(index):
    out = index.search(SearchQuery(text="王某", limit=5)).to_json()
    assert out["total"] == 1
    assert set(out["hits"][0]) >= {"id", "score", "highlight"}
    assert set(out["facets"]) == {"domain", "unit", "township", "kind", "month"}


def test_upsert_is_idempotent(index):
    before = [(h.id, h.highlight) for h in index.search(SearchQuery(text="张建国", sort="date")).hits]
    assert index.index_records(RECORDS) == len(RECORDS)
    assert index.count() == len(RECORDS)
    after = [(h.id, h.highlight) for h in index.search(SearchQuery(text="张建国", sort="date")).hits]
    assert after == before
    changed = dict(RECORDS[3], status="reviewed")
    index.index_records([changed])
    assert index.count() == len(RECORDS)
    assert ids(index.search(SearchQuery(status="closed"))) == set()
    assert "p-04" in ids(index.search(SearchQuery(status="reviewed")))


def test_delete(index):
    index.delete(["p-06", "p-unknown"])
    assert index.count() == len(RECORDS) - 1
    assert index.search(SearchQuery(kind="suggestion")).total == 0
    assert index.search(SearchQuery(text="招投标")).total == 0


def test_rebuild_gives_the_same_hits(index):
    queries = [SearchQuery(**q) for q, _ in SEARCHES]
    before = [sorted(ids(index.search(q))) for q in queries]
    assert index.rebuild(iter(RECORDS)) == len(RECORDS)
    assert index.count() == len(RECORDS)
    assert [sorted(ids(index.search(q))) for q in queries] == before


def test_rebuild_drops_what_the_store_no_longer_has(index):
    assert index.rebuild(RECORDS[:3]) == 3
    assert index.count() == 3
    assert index.search(SearchQuery(text="刘红梅")).total == 0


def test_person_record_at_a_village(index):
    record = index.person_record("张建国", "柳树村")
    assert [p.petition_id for p in record.petitions] == ["p-01", "p-02", "p-05"]
    assert record.roles == ["村支书"]
    assert record.levels == ["village"]
    assert record.amount_total == 48000
    assert record.amount_max == 20000
    assert (record.first_date, record.last_date) == ("2026-01-10", "2026-03-20")
    assert record.petitions[1].villages == ["柳树村"]


def test_person_record_everywhere_and_by_place_stem(index):
    everywhere = index.person_record("张建国")
    assert [p.petition_id for p in everywhere.petitions] == ["p-01", "p-02", "p-05", "p-07"]
    assert set(everywhere.roles) == {"村支书", "村主任"}
    assert [p.petition_id for p in index.person_record("张建国", "白石镇").petitions] == ["p-07"]
    assert [p.petition_id for p in index.person_record("张建国", "青龙").petitions] == ["p-07"]


def test_person_record_of_a_petitioner_is_empty(index):
    assert index.person_record("李秀英").petitions == []
    with pytest.raises(InputError):
        index.person_record(" ")


def test_related_links_with_evidence(index):
    links = {link.petition_id: link for link in index.related("p-01")}
    assert set(links) == {"p-02", "p-05"}  # not p-07: another 张建国, in another township
    assert set(links["p-05"].reasons) == {"shared_accused", "near_duplicate"}
    assert links["p-02"].reasons == ["shared_accused"]
    shared = next(e for e in links["p-02"].evidence if e["reason"] == "shared_accused")
    assert (shared["person"], shared["place"], shared["place_level"], shared["role"]) == (
        "张建国",
        "柳树村",
        "village",
        "村支书",
    )
    duplicate = next(e for e in links["p-05"].evidence if e["reason"] == "near_duplicate")
    assert duplicate["similarity"] >= 0.8
    assert list(links) == ["p-05", "p-02"] or links["p-05"].score > links["p-02"].score


def test_related_unknown_petition(index):
    with pytest.raises(InputError, match="p-none"):
        index.related("p-none")
    assert index.related("p-06") == []


def test_bad_query_values(index):
    for query in (SearchQuery(sort="oldest"), SearchQuery(since="yesterday"), SearchQuery(min_amount=-1)):
        with pytest.raises(InputError):
            index.search(query)


def test_untriaged_record_is_searchable(make_index):
    index = make_index()
    index.index_records([RECORDS[-1]])
    result = index.search(SearchQuery(text="道路"))
    assert ids(result) == {"p-08"}
    assert result.hits[0].primary_domain is None


@pytest.mark.parametrize("bad", [1e20, float("nan"), float("inf"), -1])
def test_amounts_beyond_the_index_range_are_refused(index, bad):
    """Found by fuzzing the API: max_amount=9.2e16 overflowed the 64-bit fen field."""
    with pytest.raises(InputError, match="max_amount"):
        index.search(SearchQuery(max_amount=bad))


def test_dates_before_the_first_petition_are_clamped(index):
    everything = index.search(SearchQuery(limit=0)).total
    assert index.search(SearchQuery(since="0001-01-01", until="9999-12-31", limit=0)).total == everything
