"""build_document is a pure function: petitioner masked, names kept whole, money in fen; and the pieces
it uses (segmentation, highlights, MinHash). Every text here is invented."""

from __future__ import annotations

import copy

import pytest

from indexer.document import build_document
from indexer.highlight import highlight_text, join_words
from indexer.segment import segment_query, subwords
from indexer.similarity import band_keys, estimate_similarity, minhash_signature

TEXT = (
    "举报人孙丽华（身份证号110101199003071234，电话13800001111，座机0571-88886666）反映："
    "柳树村村主任赵德胜冒领低保金7961.62元，孙丽华多次反映无果。"
)

# (text, parts the segmented query must give)
QUERIES = [
    ("张建国", [["张建国"]]),
    ("张建国 低保", [["张建国"], ["低保"]]),
    ("  ，。 ", []),
    ("ABC", [["abc"]]),
]

# (words of a segmented text, query parts, expected highlight)
HIGHLIGHTS = [
    ("村支书 张建国 在 2019 年", [["张建国"]], "村支书<em>张建国</em>在2019年"),
    ("危房改造 补助", [["危房"]], "<em>危房</em>改造补助"),
    ("柳树 村 的 事", [["柳树", "村"]], "<em>柳树村</em>的事"),
    ("A&B 公司 <b>", [["公司"]], "A&amp;B<em>公司</em>&lt;b&gt;"),
    ("ABC Ltd 公司", [["ltd"]], "ABC <em>Ltd</em>公司"),
    ("ABCD 公司", [["bc"]], "ABCD公司"),  # a Latin part only as a whole word
    ("没有 匹配", [["张建国"]], "没有匹配"),
]


def record(text=TEXT, **result_changes):
    start = text.find("孙丽华")
    accused = text.find("赵德胜")
    amount = text.find("7961.62元")
    result = {
        "id": "p-x",
        "kind": "accusation",
        "primary_domain": "social_assistance",
        "domains": [
            {"code": "social_assistance", "score": 0.8},
            {"code": "poverty_alleviation", "score": 0.35},
            {"code": "other", "score": 0.1},
        ],
        "persons": [
            {
                "name": "孙丽华",
                "role": None,
                "level": "unknown",
                "party": "petitioner",
                "mentions": [[start, start + 3]],
            },
            {
                "name": "赵德胜",
                "role": "村主任",
                "level": "village",
                "party": "accused",
                "mentions": [[accused, accused + 3]],
            },
            {"name": None, "role": "村会计", "level": "village", "party": "accused", "mentions": []},
        ],
        "amounts": [
            {
                "text": "7961.62元",
                "value": 7961.62,
                "currency": "CNY",
                "qualifier": "exact",
                "low": 7961.62,
                "high": 7961.62,
                "start": amount,
                "end": amount + 8,
            },
            {
                "text": "3万美元",
                "value": 30000,
                "currency": "USD",
                "qualifier": "exact",
                "low": 30000,
                "high": 30000,
                "start": 0,
                "end": 0,
            },
        ],
        "places": [
            {
                "text": "柳树村",
                "province": None,
                "city": None,
                "county": None,
                "township": "东关镇",
                "village": "柳树村",
                "start": 0,
                "end": 3,
            }
        ],
        "dates": [],
        "route": {
            "unit": "qs.tc.dongguan",
            "rule": "place",
            "reason": "…",
            "review": False,
            "deadline_accept": None,
            "deadline_conclude": None,
        },
    }
    result.update(result_changes)
    return {
        "id": "p-x",
        "text": text,
        "title": "孙丽华的举报信",
        "channel": "letter",
        "received_at": "2026-03-02",
        "stored_at": "2026-03-03T08:00:00+00:00",
        "status": "new",
        "result": result,
    }


def test_petitioner_identity_is_masked_everywhere():
    doc = build_document(record())
    dumped = repr(doc)
    for secret in ("孙丽华", "110101199003071234", "13800001111", "0571-88886666", "88886666"):
        assert secret not in dumped
    assert doc["text"].count("某某") == 2  # the mention and the later unmarked occurrence
    assert "某某" in doc["title"]
    assert "[身份证号]" in doc["text"] and doc["text"].count("[电话]") == 2


def test_petitioner_is_no_person():
    doc = build_document(record())
    assert doc["persons"] == ["赵德胜"]
    assert doc["accused"] == ["赵德胜"]
    assert doc["person_roles"] == ["赵德胜|村主任"]
    assert doc["roles"] == ["村主任", "村会计"]
    assert doc["levels"] == ["village"]
    assert all(p["party"] != "petitioner" for p in doc["people"])


def test_names_stay_whole_words():
    doc = build_document(record())
    assert "赵德胜" in doc["text"].split()


def test_keyword_money_and_date_fields():
    doc = build_document(record())
    assert (doc["domain"], doc["domains"], doc["kind"], doc["unit"]) == (
        "social_assistance",
        ["social_assistance", "poverty_alleviation"],
        "accusation",
        "qs.tc.dongguan",
    )
    assert doc["amounts"] == [796162]  # fen, CNY only
    assert doc["amount_max"] == doc["amount_total"] == 796162
    assert (doc["date"], doc["received_at"], doc["month"]) == ("2026-03-02", "2026-03-02", "2026-03")
    assert (doc["townships"], doc["villages"], doc["places"]) == (["东关镇"], ["柳树村"], ["东关", "柳树"])
    assert len(doc["minhash"]) == 64 and len(doc["lsh"]) == 16


def test_build_document_is_pure():
    original = record()
    kept = copy.deepcopy(original)
    assert build_document(original) == build_document(original)
    assert original == kept


def test_untriaged_record_uses_its_stored_date():
    doc = build_document(
        {
            "id": "p-y",
            "text": "情况反映",
            "received_at": None,
            "stored_at": "2026-05-01T10:00:00+00:00",
            "status": "new",
            "result": None,
        }
    )
    assert (doc["kind"], doc["domain"], doc["persons"], doc["amounts"]) == (None, None, [], [])
    assert (doc["date"], doc["received_at"], doc["month"]) == ("2026-05-01", None, "2026-05")


def test_mask_wins_over_an_overlapping_name():
    text = "王小明和王小明华都在场"
    rec = record(
        text=text,
        persons=[
            {"name": "王小明", "role": None, "level": "unknown", "party": "petitioner", "mentions": [[0, 3]]},
            {
                "name": "王小明华",
                "role": "村会计",
                "level": "village",
                "party": "accused",
                "mentions": [[4, 8]],
            },
        ],
    )
    doc = build_document(rec)
    assert "王小明" not in doc["text"] and "王小明" not in doc["subwords"]


@pytest.mark.parametrize(("text", "parts"), QUERIES)
def test_segment_query(text, parts):
    assert segment_query(text) == parts


def test_subwords_are_pieces_of_long_chinese_words():
    assert subwords(["危房改造", "补助", "ABCD"]) == ["危房", "房改", "改造", "危房改", "房改造"]


@pytest.mark.parametrize(("words", "parts", "expected"), HIGHLIGHTS)
def test_highlight(words, parts, expected):
    assert highlight_text(words, parts) == expected


def test_highlight_is_a_fragment_around_the_first_match():
    words = " ".join(["前文"] * 100 + ["张建国"] + ["后文"] * 100)
    out = highlight_text(words, [["张建国"]])
    assert "<em>张建国</em>" in out and len(out) < 200


def test_join_words_keeps_spaces_between_latin_words_only():
    assert join_words(["ABC", "Ltd", "公司", "2", "万元"]) == "ABC Ltd公司2万元"


def test_near_duplicates_share_bands_and_others_do_not():
    first = "东关镇柳树村村支书在危房改造中优亲厚友，虚报冒领补助资金，请求组织调查处理。"
    again = first + "此事已反映多次。"
    other = "城关镇民政所工作人员在低保评审中收受好处费，群众意见很大。"
    a, b, c = (minhash_signature(t) for t in (first, again, other))
    assert estimate_similarity(a, b) >= 0.6
    assert estimate_similarity(a, c) < 0.2
    assert set(band_keys(a)) & set(band_keys(b))
    assert minhash_signature("短") == [] and band_keys([]) == []
