"""The baseline classifier, the training-data readers and the classification evaluation, on tiny models
trained on the fly from inline petitions written for these tests."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from models import TrainingRecord, load_model, read_training_data, records_from_dicts, train_model
from models.train import main as train_main
from models.train import run_training
from triage.errors import ConfigError, InputError, ModelError
from triage.evaluation.classification import (
    calibration_table,
    evaluate_classifier,
    evaluate_classifier_file,
    format_classification_report,
    multi_label_scores,
    score_labels,
)
from triage.taxonomy import default_taxonomy, load_taxonomy

# An office's own three-domain taxonomy, and short texts in each (written for these tests).
OFFICE_TAXONOMY = """\
domains:
  - {code: roads, label: 道路交通}
  - {code: schools, label: 学校教育}
  - {code: water, label: 供水供电}
"""
PHRASES = {
    "roads": ["公路坑洼不平", "红绿灯坏了", "公交车班次太少", "道路施工拖延", "桥梁年久失修", "路口拥堵严重"],
    "schools": ["学校乱收补课费", "教师体罚学生", "校车超载", "幼儿园收费过高", "学生食堂不卫生", "学校强制订教辅"],
    "water": ["小区经常停水", "自来水发黄", "电压不稳经常跳闸", "水费收费过高", "供电线路老化", "水管爆裂无人修"],
}
PREFIXES = ["反映", "投诉", "希望尽快解决", "群众意见很大"]

# The shipped taxonomy: (domain, other domains, kind, text).
PETITIONS = [
    ("social_assistance", ["housing"], "accusation", "村支书冒领低保金，还骗取危房改造补助"),
    ("social_assistance", ["housing"], "accusation", "村主任给亲戚办低保，危房改造补助也给了亲戚"),
    ("social_assistance", [], "accusation", "村干部截留低保金和临时救助款"),
    ("social_assistance", [], "accusation", "死亡人员的低保金一直被村会计冒领"),
    ("housing", [], "accusation", "危房改造补助被村干部克扣"),
    ("housing", [], "accusation", "村书记虚报危房改造户骗取补助资金"),
    ("land_compensation", [], "accusation", "村干部截留征地补偿款和青苗补偿费"),
    ("land_compensation", [], "accusation", "拆迁安置款被村主任挪用"),
    ("work_style", [], "appeal", "本人对所受党内警告处分不服，提出申诉"),
    ("work_style", [], "appeal", "我对记过处分决定不服，申请复查"),
    ("other", [], "suggestion", "建议加强村务公开，多听群众意见"),
    ("other", [], "non_jurisdiction", "邻居欠钱不还，请求帮忙追讨"),
]

BAD_FILES = [
    # (file name, content, words the message must contain)
    ("bad_domain.jsonl", '{"text": "公路坑洼", "domain": "天气"}\n',
     ["bad_domain.jsonl:1", "天气", "roads", "schools", "water"]),
    ("bad_kind.jsonl", '{"text": "公路坑洼", "domain": "roads", "kind": "praise"}\n',
     ["bad_kind.jsonl:1", "praise", "accusation", "appeal"]),
    ("bad_json.jsonl", '{"text": "公路坑洼", "domain": "roads"}\n{oops\n', ["bad_json.jsonl:2", "JSON"]),
    ("no_text.jsonl", '{"domain": "roads"}\n', ["no_text.jsonl:1", "text"]),
    ("bad_label.csv", "label,text\n道路交通,公路坑洼\n天气,下雨了\n", ["bad_label.csv:3", "天气", "道路交通"]),
    ("no_text_column.csv", "label,body\n道路交通,公路坑洼\n", ["no_text_column.csv", "tokens"]),
    ("empty.jsonl", "\n", ["empty.jsonl", "no training records"]),
    ("data.txt", "公路坑洼\n", ["data.txt", ".jsonl", ".csv"]),
]


def office_rows() -> list[dict]:
    return [
        {"text": f"{prefix}{phrase}", "domain": code}
        for code, phrases in PHRASES.items()
        for phrase in phrases
        for prefix in PREFIXES
    ]


@pytest.fixture(scope="module")
def office_taxonomy(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("office") / "taxonomy.yaml"
    path.write_text(OFFICE_TAXONOMY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def petition_model(tmp_path_factory):
    taxonomy = default_taxonomy()
    records = [
        TrainingRecord(text=t, domain=d, kind=k, domains=(d, *others)) for d, others, k, t in PETITIONS
    ]
    model = train_model(taxonomy, records)
    directory = tmp_path_factory.mktemp("petition_model")
    model.save(directory)
    return model, directory


def test_round_trip_predicts_the_same(petition_model):
    model, directory = petition_model
    loaded = load_model(directory)
    texts = ["村支书冒领低保金", "请求复查我的处分"]
    assert loaded.version == model.version
    assert loaded.predict(texts) == model.predict(texts)
    assert loaded.version.startswith("baseline-")


def test_every_domain_scored_highest_first(petition_model):
    model, _ = petition_model
    for result in model.predict(["村干部截留低保金", "公路坑洼", ""]):
        codes = [d.code for d in result.domains]
        assert sorted(codes) == sorted(default_taxonomy().domain_codes)
        scores = [d.score for d in result.domains]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 <= s <= 1.0 for s in scores)
        assert result.primary_domain == codes[0]
        assert 0.0 <= result.kind_score <= 1.0
        assert result.model == model.version


def test_training_texts_get_their_labels(petition_model):
    model, _ = petition_model
    results = model.predict([t for _, _, _, t in PETITIONS])
    right = sum(r.primary_domain == d for r, (d, _, _, _) in zip(results, PETITIONS, strict=True))
    kinds = sum(r.kind == k for r, (_, _, k, _) in zip(results, PETITIONS, strict=True))
    assert right >= len(PETITIONS) - 1
    assert kinds >= len(PETITIONS) - 1


def test_multi_label_second_domain_scores_high(petition_model):
    model, _ = petition_model
    result = model.predict(["村支书冒领低保金，还骗取危房改造补助"])[0]
    ranked = [d.code for d in result.domains]
    assert set(ranked[:2]) == {"social_assistance", "housing"}


def test_custom_taxonomy_csv_tokens_and_jsonl_labels(tmp_path, office_taxonomy):
    rows = office_rows()
    csv_path = tmp_path / "train.csv"
    csv_path.write_text(
        "tokens,label\n" + "".join(f"{r['text'][:2]} {r['text'][2:]},{label_of(r['domain'])}\n" for r in rows[::2]),
        encoding="utf-8",
    )
    jsonl_path = tmp_path / "train.jsonl"
    jsonl_path.write_text(
        "".join(json.dumps({"text": r["text"], "domain": label_of(r["domain"])}, ensure_ascii=False) + "\n"
                for r in rows[1::2]),
        encoding="utf-8",
    )
    taxonomy = load_taxonomy(office_taxonomy)
    from_csv = read_training_data(csv_path, taxonomy)
    assert from_csv[0].text == "反映 公路坑洼不平" and from_csv[0].domain == "roads" and from_csv[0].kind is None
    messages: list[str] = []
    model = run_training(office_taxonomy, [csv_path, jsonl_path], tmp_path / "model", progress=messages.append)
    assert any("records" in m for m in messages)
    loaded = load_model(tmp_path / "model")
    assert loaded.taxonomy.domain_codes == ["roads", "schools", "water"]
    results = loaded.predict(["马路上坑洼太多", "学校收补课费", "家里又停水了"])
    assert [r.primary_domain for r in results] == ["roads", "schools", "water"]
    assert [len(r.domains) for r in results] == [3, 3, 3]
    assert not model.predicts_kind and results[0].kind_score == 0.0


def label_of(code: str) -> str:
    return {"roads": "道路交通", "schools": "学校教育", "water": "供水供电"}[code]


@pytest.mark.parametrize(("name", "content", "words"), BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_bad_training_data_named_with_valid_choices(tmp_path, office_taxonomy, name, content, words):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_training_data(path, load_taxonomy(office_taxonomy))
    for word in words:
        assert word in str(caught.value)


def test_train_model_rejects_unknown_codes_and_types():
    taxonomy = default_taxonomy()
    with pytest.raises(InputError, match="valid: poverty_alleviation"):
        train_model(taxonomy, [TrainingRecord(text="x", domain="weather")])
    with pytest.raises(ConfigError, match="baseline, transformer"):
        train_model(taxonomy, [TrainingRecord(text="x", domain="other")], model_type="forest")


def test_missing_or_corrupt_model_dir(tmp_path, petition_model):
    with pytest.raises(ModelError, match="not found"):
        load_model(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="meta.json"):
        load_model(tmp_path / "empty")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "meta.json").write_text('{"type": "forest", "version": "x"}', encoding="utf-8")
    with pytest.raises(ModelError, match="unknown model type"):
        load_model(broken)
    _, directory = petition_model
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    for name in ("meta.json", "taxonomy.yaml"):  # the weights are missing, then corrupt
        (corrupt / name).write_bytes((directory / name).read_bytes())
    (corrupt / "vocab.json").write_bytes((directory / "vocab.json").read_bytes())
    (corrupt / "baseline.npz").write_bytes(b"not an archive")
    with pytest.raises(ModelError, match="does not load"):
        load_model(corrupt)


def test_nb_weighting_learns_saves_and_folds_the_ratio_into_the_weights(tmp_path):
    from models.baseline import _nb_ratio, _presence

    taxonomy = default_taxonomy()
    records = [TrainingRecord(text=t, domain=d, kind=k, domains=(d, *others)) for d, others, k, t in PETITIONS]
    plain = train_model(taxonomy, records)
    nb = train_model(taxonomy, records, nb_weighting=True)
    assert nb.options["nb_weighting"] is True and nb.version != plain.version
    assert not np.allclose(nb.domain_head.coef, plain.domain_head.coef)
    results = nb.predict([t for _, _, _, t in PETITIONS])
    right = sum(r.primary_domain == d for r, (d, _, _, _) in zip(results, PETITIONS, strict=True))
    assert right >= len(PETITIONS) - 1
    nb.save(tmp_path)
    assert load_model(tmp_path).predict(["村支书冒领低保金"]) == nb.predict(["村支书冒领低保金"])
    # the ratio by hand: feature 0 in both positives, feature 1 in the negative only (alpha 1)
    x = sp.csr_matrix(np.array([[1.0, 0.0], [2.0, 0.0], [0.0, 3.0]]))
    ratio = _nb_ratio(_presence(x), np.array([True, True, False]), np.ones(3), 1.0)
    assert ratio == pytest.approx([np.log((3 / 4) / (1 / 3)), np.log((1 / 4) / (2 / 3))], rel=1e-5)


def test_shared_domain_calibration_ranks_domains_by_decision_value(tmp_path, office_taxonomy):
    taxonomy = load_taxonomy(office_taxonomy)
    records = records_from_dicts(office_rows(), taxonomy)
    per_domain = train_model(taxonomy, records, min_calibration_records=20)
    shared = train_model(taxonomy, records, min_calibration_records=20, shared_domain_calibration=True)
    assert shared.version != per_domain.version
    # one sigmoid for every domain, fitted on out-of-fold decisions; per domain, three different ones
    assert len(set(shared.domain_head.platt_a.tolist())) == 1 and len(set(shared.domain_head.platt_b.tolist())) == 1
    assert len(set(per_domain.domain_head.platt_a.tolist())) == 3
    assert shared.domain_head.platt_a[0] > 0  # a larger decision value means a higher probability
    texts = ["学校的路灯坏了", "水费太高了", "公交车上学生很多", "停电影响学校上课", "反映问题"]
    x = shared.features(texts)
    decision = np.asarray(x @ shared.domain_head.coef + shared.domain_head.intercept)
    codes = taxonomy.domain_codes
    results = shared.predict(texts)
    for result, row in zip(results, decision, strict=True):
        assert result.primary_domain == codes[int(np.argmax(row))]
        assert [d.code for d in result.domains] == [codes[j] for j in np.argsort(-row, kind="stable")]
    shared.save(tmp_path)
    assert load_model(tmp_path).predict(texts) == results


def test_weights_make_a_correction_count(tmp_path):
    taxonomy = default_taxonomy()
    base = [TrainingRecord(text=t, domain=d, kind=k) for d, _, k, t in PETITIONS]
    text = "修村里的水渠"
    corrected = train_model(taxonomy, [*base, TrainingRecord(text=text, domain="collective_assets", weight=5.0)])
    assert corrected.predict([text])[0].primary_domain == "collective_assets"


def test_training_command_line(tmp_path, office_taxonomy, capsys):
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in office_rows()), encoding="utf-8")
    assert train_main(["--taxonomy", str(office_taxonomy), "--data", str(data), "--out", str(tmp_path / "m")]) == 0
    assert (tmp_path / "m" / "meta.json").is_file()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "domain": "天气"}\n', encoding="utf-8")
    assert train_main(["--taxonomy", str(office_taxonomy), "--data", str(bad), "--out", str(tmp_path / "n")]) == 1
    assert "天气" in capsys.readouterr().err


# -- evaluation -----------------------------------------------------------------------------------------

# gold, predicted: a: 2 of 3 right, b: 1 of 1 right (plus one wrong prediction of b), c: 0 of 1.
GOLD = ["a", "a", "a", "b", "c"]
PRED = ["a", "a", "b", "b", "a"]


def test_scores_on_a_hand_computed_example():
    scores = score_labels(GOLD, PRED, ["a", "b", "c"])
    assert scores["accuracy"] == pytest.approx(3 / 5)
    # a: P 2/3, R 2/3, F1 2/3; b: P 1/2, R 1, F1 2/3; c: P 0, R 0, F1 0.
    assert scores["per_class"]["a"]["f1"] == pytest.approx(2 / 3)
    assert scores["per_class"]["b"]["precision"] == pytest.approx(1 / 2)
    assert scores["per_class"]["b"]["f1"] == pytest.approx(2 / 3)
    assert scores["per_class"]["c"]["f1"] == 0.0
    assert scores["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3)
    assert scores["confusion"] == [[2, 1, 0], [0, 1, 0], [1, 0, 0]]


def test_calibration_on_a_hand_computed_example():
    table = calibration_table([0.95, 0.95, 0.35, 0.35], [True, False, True, True])
    # bin 0.9-1.0: mean 0.95, accuracy 0.5 (gap 0.45); bin 0.3-0.4: mean 0.35, accuracy 1 (gap 0.65).
    assert [(b["count"], b["accuracy"]) for b in table["bins"]] == [(2, 1.0), (2, 0.5)]
    assert table["ece"] == pytest.approx(0.5 * 0.45 + 0.5 * 0.65)
    multi = multi_label_scores([{"a", "b"}, {"c"}], [{"a"}, {"c", "d"}])
    assert multi["micro_precision"] == pytest.approx(2 / 3)
    assert multi["micro_recall"] == pytest.approx(2 / 3)


def test_evaluate_a_model_and_format_the_report(petition_model, tmp_path):
    model, directory = petition_model
    records = records_from_dicts(
        [{"text": t, "domain": d, "kind": k, "domains": [d, *o]} for d, o, k, t in PETITIONS], model.taxonomy
    )
    report = evaluate_classifier(model, records)
    predictions = model.predict([r.text for r in records])
    expected = sum(p.primary_domain == r.domain for p, r in zip(predictions, records, strict=True)) / len(records)
    assert report["domain"]["accuracy"] == pytest.approx(expected)
    assert set(report) >= {"domain", "kind", "calibration", "review", "multi_label", "texts_per_second"}
    text = format_classification_report(report)
    for words in ("macro-F1", "confusion", "ECE", "social_assistance", "review threshold 0.4"):
        assert words in text
    # Labels keyed by id, joined to a messages file (as for the hand-labelled real messages).
    messages = tmp_path / "messages.jsonl"
    labels = tmp_path / "labels.jsonl"
    messages.write_text(
        "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n"
                for i, (_, _, _, t) in enumerate(PETITIONS)),
        encoding="utf-8",
    )
    labels.write_text(
        "".join(json.dumps({"id": str(i), "domain": d, "kind": k}) + "\n" for i, (d, _, k, _) in enumerate(PETITIONS)),
        encoding="utf-8",
    )
    assert "records: 12" in evaluate_classifier_file(model, messages, labels=labels)
    labels.write_text('{"id": "999", "domain": "other"}\n', encoding="utf-8")
    with pytest.raises(InputError, match="999"):
        evaluate_classifier_file(model, messages, labels=labels)


def test_scores_are_probabilities_after_calibration():
    """With enough records the Platt-scaled scores are spread over [0, 1], not stuck at one value."""
    taxonomy = default_taxonomy()
    records = [TrainingRecord(text=t, domain=d, kind=k) for d, _, k, t in PETITIONS] * 20
    model = train_model(taxonomy, records, folds=2)
    scores = [d.score for d in model.predict(["村支书冒领低保金"])[0].domains]
    assert scores[0] > 0.5 and scores[-1] < 0.2
    assert all(not math.isnan(s) for s in scores)


def test_cross_validation_scores_every_record_once_with_a_model_that_did_not_see_it(office_taxonomy, capsys):
    from models.tipdm_benchmark import cross_validate

    taxonomy = load_taxonomy(office_taxonomy)
    records = records_from_dicts(office_rows(), taxonomy)
    # a record whose label contradicts its words: no model that did not train on it gets it right
    records.append(TrainingRecord(text="反映公路坑洼不平红绿灯坏了", domain="water"))
    assert cross_validate(taxonomy, records, 3, "baseline", {}) == 0
    out = capsys.readouterr().out
    folds = re.findall(r"fold \d/3: (\d+) messages", out)
    assert sum(map(int, folds)) == len(records)
    pooled = re.search(r"3-fold cross-validation on (\d+) messages: accuracy ([\d.]+), macro-F1 ([\d.]+)",
                       out)
    assert int(pooled.group(1)) == len(records)
    assert 0.9 < float(pooled.group(2)) < 1.0  # the planted record is missed


def test_the_version_names_the_dictionary_the_words_are_cut_with():
    """The word features come from the domain dictionary's segmentation: a word it gains makes another model."""
    import dataclasses

    from models.baseline import make_version
    from triage.nlp.lexicon import load_lexicon

    records = [TrainingRecord(text=t, domain=d, kind=k, domains=(d, *others)) for d, others, k, t in PETITIONS]
    lexicon = load_lexicon()
    grown = dataclasses.replace(lexicon, domain_words=(*lexicon.domain_words, ("扶贫联络员", 30000, "title")))
    assert make_version("baseline", records, {}) == make_version("baseline", records, {}, lexicon)
    assert make_version("baseline", records, {}, grown) != make_version("baseline", records, {}, lexicon)
