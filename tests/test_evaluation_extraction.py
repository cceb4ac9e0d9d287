"""The extraction evaluator (triage/evaluation/extraction.py): gold formats, part selection, and the arithmetic of
precision, recall, F1 and level accuracy. The texts are invented and in forms the analyzer reads plainly (covered by
tests/test_nlp_extraction.py); the gold labels here differ from its output on purpose, so every count is known."""

from __future__ import annotations

import json

import pytest

from triage.errors import InputError
from triage.evaluation.extraction import evaluate_extraction, main, part_selector, read_gold
from triage.nlp import Analyzer


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


def write_labels(tmp_path, labels):
    texts = tmp_path / "texts.jsonl"
    texts.write_text("".join(json.dumps({"mid": key, "body": text}, ensure_ascii=False) + "\n"
                             for key, text, _ in labels), encoding="utf-8")
    path = tmp_path / "labels.jsonl"
    rows = [{"source": "texts.jsonl", "key": "mid", "text": "body", "note": "invented"}]
    rows += [dict(id=key, **label) for key, _, label in labels]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# what the analyzer finds in each text, and how the gold differs from it:
# a1 赵青山 and 30000 (gold adds 李四, not in the text: a missed name); a2 孙小梅 (gold has no name: a false one; gold
# has a sum of 100 the text lacks: a missed sum); a3 钱多多 and 500 (gold lists 500 twice: one missed); a4 周某 and
# 20000 CNY (gold adds 王五, and says USD: a false sum and a missed one); a5 nothing; a6 吴某某 and 1000.
LABELS = [
    ("a1", "村主任赵青山侵占补偿款3万元。", {"persons": ["赵青山", "李四"], "amounts": [{"value": 30000}],
                                       "part": "dev"}),
    ("a2", "我叫孙小梅，反映低保问题。", {"persons": [], "amounts": [{"value": 100}], "part": "dev2"}),
    ("a3", "会计钱多多收了500元。", {"persons": ["钱多多"], "amounts": [{"value": 500}, {"value": 500}],
                               "part": "dev40"}),
    ("a4", "镇长周某挪用资金2万元。", {"persons": ["周某", "王五"], "amounts": [{"value": 20000, "currency": "USD"}],
                               "part": "dev41"}),
    ("a5", "无人名的一条留言。", {"persons": [], "amounts": [], "part": "test"}),
    ("a6", "书记吴某某收受1000元。", {"persons": ["吴某某"], "amounts": [{"value": 1000}], "part": "test2"}),
]


@pytest.mark.parametrize("spec, parts", [
    (None, {"dev", "dev2", "dev40", "dev41", "test", "test2"}),
    ("dev", {"dev"}),
    ("test,test2", {"test", "test2"}),
    ("dev40-dev55", {"dev40", "dev41"}),
    ("dev41-dev40", {"dev40", "dev41"}),
    ("dev*", {"dev", "dev2", "dev40", "dev41"}),
    ("dev?", {"dev2"}),
    ("dev, test", {"dev", "test"}),
])
def test_part_selection(tmp_path, spec, parts):
    gold = read_gold(write_labels(tmp_path, LABELS), "labels", part=spec)
    by_key = {key: label["part"] for key, _, label in LABELS}
    assert {by_key[g.key] for g in gold} == parts


def test_part_selector_never_selects_unlabelled_parts():
    assert part_selector(None)(None)
    assert not part_selector("dev*")(None)
    assert not part_selector("dev40-dev55")("dev39")
    assert part_selector("dev40-dev55")("dev55")


def test_a_part_that_selects_nothing_is_an_error(tmp_path):
    path = write_labels(tmp_path, LABELS)
    with pytest.raises(InputError, match="no labels of part 'dev99'"):
        read_gold(path, "labels", part="dev99")
    with pytest.raises(InputError, match="names no part"):
        read_gold(path, "labels", part=" , ")


def test_precision_recall_and_f1_are_counted_over_pairs(tmp_path, analyzer):
    path = write_labels(tmp_path, LABELS)
    report = evaluate_extraction(tmp_path / "texts.jsonl", analyzer, labels=path, part="dev*")
    assert report["texts"] == 4
    # names: found 赵青山, 孙小梅, 钱多多, 周某 (4); gold 赵青山, 李四, 钱多多, 周某, 王五 (5); right 3
    assert report["person_names"] == {"precision": 0.75, "recall": 0.6, "f1": round(2 * .75 * .6 / 1.35, 4),
                                      "tp": 3, "predicted": 4, "gold": 5}
    # sums: found 30000, 500, 20000 CNY (3); gold 30000, 100, 500, 500, 20000 USD (5); right 2
    assert report["amounts"] == {"precision": round(2 / 3, 4), "recall": 0.4, "f1": 0.5,
                                 "tp": 2, "predicted": 3, "gold": 5}


def test_level_accuracy_counts_gold_accused_found_as_accused(tmp_path, analyzer):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "c1", "text": "村主任张建国冒领低保金5000元。", "received_at": "2026-01-05", "gold": {
            "persons": [{"name": "张建国", "role": "村主任", "level": "village", "party": "accused"}],
            "amounts": [{"value": 5000}]}},
        # the analyzer reads 王小明 as the writer and 孙某 as a township head: the gold says otherwise on purpose
        {"id": "c2", "text": "我叫王小明，举报镇长孙某。", "gold": {
            "persons": [{"name": "王小明", "level": "village", "party": "accused"},
                        {"name": "孙某", "role": "镇长", "level": "county", "party": "accused"}]}},
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report = evaluate_extraction(corpus, analyzer)
    assert report["format"] == "corpus"
    assert report["accused"] == {"gold": 3, "found_as_accused": 2, "level_accuracy": round(1 / 3, 4)}
    assert report["person_names"]["tp"] == 3 and report["person_names"]["gold"] == 3
    assert report["amounts"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "predicted": 1, "gold": 1}


def test_parts_are_compared_for_the_gold_names_found(tmp_path, analyzer):
    # the analyzer reads 孙小梅 as the writer, 赵青山 as accused (a village title) and 钱多多 as other (a title
    # with no level, no misconduct word it knows); 李四 is not in its text
    labels = [
        ("b1", "我叫孙小梅，反映低保问题。", {"persons": ["孙小梅"], "parties": {"孙小梅": "petitioner"}}),
        ("b2", "村主任赵青山侵占补偿款3万元。", {"persons": ["赵青山"], "parties": {"赵青山": "accused"}}),
        ("b3", "会计钱多多收了500元。", {"persons": ["钱多多"], "parties": {"钱多多": "accused"}}),
        ("b4", "无人名的一条留言。", {"persons": ["李四"], "parties": {"李四": "other"}}),
    ]
    report = evaluate_extraction(tmp_path / "texts.jsonl", analyzer, labels=write_labels(tmp_path, labels), errors=5)
    parties = report["parties"]
    assert (parties["gold"], parties["found"], parties["accuracy"]) == (4, 3, round(2 / 3, 4))
    assert parties["confusion"] == {"accused->accused": 1, "accused->other": 1, "petitioner->petitioner": 1}
    assert parties["petitioner"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "predicted": 1, "gold": 1}
    assert parties["accused"] == {"precision": 1.0, "recall": 0.5, "f1": round(2 * .5 / 1.5, 4),
                                  "tp": 1, "predicted": 1, "gold": 2}
    assert {"id": "b3", "party (name, gold, extracted)": [["钱多多", "accused", "other"]]} in report["examples"]


def test_an_unknown_part_in_the_labels_is_an_error(tmp_path):
    labels = [("b1", "我叫孙小梅。", {"persons": ["孙小梅"], "parties": {"孙小梅": "writer"}})]
    with pytest.raises(InputError, match="has parts \\['writer'\\]"):
        read_gold(write_labels(tmp_path, labels), "labels")


def test_other_gold_formats_are_read(tmp_path):
    kg = tmp_path / "kg.jsonl"
    kg.write_text(json.dumps({"text": "赵青山受贿2.5万元", "entities": [
        {"name": "赵青山", "entity_type": "PER", "start": 0, "end": 3},
        {"name": "2.5万元", "entity_type": "MONEY", "start": 5, "end": 10}]}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    (gold,) = read_gold(kg, "kg")
    assert gold.names == {"赵青山"} and dict(gold.amounts) == {(25000.0, "CNY"): 1}

    cluener = tmp_path / "cluener.json"
    cluener.write_text('{"text": "孙小梅说", "label": {"name": {"孙小梅": [[0, 2]]}}}\n'
                       '{"text": "无名", "label": {}}\n', encoding="utf-8")
    assert [g.names for g in read_gold(cluener, "cluener")] == [{"孙小梅"}, set()]

    bio = tmp_path / "weibo.bio"
    bio.write_text("钱 B-PER.NAM\n多 I-PER.NAM\n多 I-PER.NAM\n说 O\n\n周 B-PER\n某 I-PER\n", encoding="utf-8")
    assert [g.names for g in read_gold(bio, "bio")] == [{"钱多多"}, {"周某"}]


def test_the_command_line_runs_the_real_analyzer(tmp_path, capsys):
    path = write_labels(tmp_path, LABELS)
    assert main([str(tmp_path / "texts.jsonl"), "--labels", str(path), "--part", "test,dev40", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["texts"] == 2
    assert report["person_names"]["f1"] == 1.0  # 钱多多; nothing in a5
    assert report["amounts"]["tp"] == 1 and report["amounts"]["gold"] == 2  # 500 once of twice
    assert main([str(tmp_path / "texts.jsonl"), "--labels", str(path), "--part", "nope"]) == 1
    assert "no labels of part 'nope'" in capsys.readouterr().err
