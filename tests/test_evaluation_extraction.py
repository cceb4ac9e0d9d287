"""The extraction evaluator (triage/evaluation/extraction.py): gold formats, part selection, and the arithmetic of
precision, recall, F1 and level accuracy. Texts here are invented."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from triage.errors import InputError
from triage.evaluation.extraction import evaluate_extraction, main, part_selector, read_gold


class ScriptedAnalyzer:
    """Answers each text with the persons and amounts given for it: the evaluator is what is tested here."""

    version = "scripted"

    def __init__(self, answers):
        self.answers = answers

    def extract(self, text, received_at=None):
        persons, amounts = self.answers.get(text, ([], []))
        return SimpleNamespace(
            persons=[SimpleNamespace(name=n, role=r, party=p, level=lv) for n, r, p, lv in persons],
            amounts=[SimpleNamespace(value=v, currency=c) for v, c in amounts])


def write_labels(tmp_path, labels):
    texts = tmp_path / "texts.jsonl"
    texts.write_text("".join(json.dumps({"mid": key, "body": text}, ensure_ascii=False) + "\n"
                             for key, text, _ in labels), encoding="utf-8")
    path = tmp_path / "labels.jsonl"
    rows = [{"source": "texts.jsonl", "key": "mid", "text": "body", "note": "invented"}]
    rows += [dict(id=key, **label) for key, _, label in labels]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


LABELS = [
    ("a1", "村主任赵青山侵占补偿款3万元。", {"persons": ["赵青山"], "amounts": [{"value": 30000}], "part": "dev"}),
    ("a2", "我叫孙小梅，反映低保问题。", {"persons": ["孙小梅"], "amounts": [], "part": "dev2"}),
    ("a3", "会计钱多多收了500元。", {"persons": ["钱多多"], "amounts": [{"value": 500}], "part": "dev40"}),
    ("a4", "镇长周某挪用资金2万元。", {"persons": ["周某"], "amounts": [{"value": 20000}], "part": "dev41"}),
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


def test_precision_recall_and_f1_are_counted_over_pairs(tmp_path):
    path = write_labels(tmp_path, LABELS)
    answers = {
        LABELS[0][1]: ([("赵青山", "村主任", "accused", "village"), ("补偿款", None, "other", None)],
                       [(30000, "CNY")]),
        LABELS[1][1]: ([("孙小梅", None, "petitioner", None)], [(5, "CNY")]),
        LABELS[2][1]: ([], [(500, "CNY"), (500, "CNY")]),
        LABELS[3][1]: ([("周某", "镇长", "accused", "township")], [(20000, "USD")]),
    }
    report = evaluate_extraction(tmp_path / "texts.jsonl", ScriptedAnalyzer(answers), labels=path)
    # names: gold 5 (a1-a4, a6); predicted 4 (two in a1, one in a2, one in a4); right 3
    assert report["person_names"] == {"precision": 0.75, "recall": 0.6, "f1": round(2 * .75 * .6 / 1.35, 4),
                                      "tp": 3, "predicted": 4, "gold": 5}
    # sums: gold 4; predicted 5 (a1, a2 false, a3 twice of which one right, a4 wrong currency); right 2
    assert report["amounts"]["tp"] == 2 and report["amounts"]["predicted"] == 5 and report["amounts"]["gold"] == 4
    assert report["amounts"]["precision"] == 0.4 and report["amounts"]["recall"] == 0.5
    assert report["texts"] == 6


def test_level_accuracy_counts_gold_accused_found_as_accused(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "c1", "text": "甲文", "received_at": "2026-01-05", "gold": {
            "persons": [{"name": "赵青山", "role": "村主任", "level": "village", "party": "accused"},
                        {"name": None, "role": "镇长", "level": "township", "party": "accused"}],
            "amounts": []}},
        {"id": "c2", "text": "乙文", "gold": {
            "persons": [{"name": "周某", "role": "副局长", "level": "county_dept", "party": "accused"}]}},
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    answers = {"甲文": ([("赵青山", "村主任", "accused", "village"), (None, "镇长", "accused", "county")], []),
               "乙文": ([("周某", "副局长", "other", "county_dept")], [])}
    report = evaluate_extraction(corpus, ScriptedAnalyzer(answers))
    assert report["format"] == "corpus"
    assert report["accused"] == {"gold": 3, "found_as_accused": 2, "level_accuracy": round(1 / 3, 4)}
    assert "amounts" not in report  # c1 says there are none and none were found


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
    assert main([str(tmp_path / "texts.jsonl"), "--labels", str(path), "--part", "dev,dev41", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["texts"] == 2
    # 赵青山 after 村主任 and 周某 after 镇长 are the plainest forms the analyzer reads; so are 3万元 and 2万元
    assert report["person_names"]["f1"] == 1.0 and report["amounts"]["f1"] == 1.0
    assert main([str(tmp_path / "texts.jsonl"), "--labels", str(path), "--part", "nope"]) == 1
    assert "no labels of part 'nope'" in capsys.readouterr().err
