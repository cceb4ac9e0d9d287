"""Clerks' corrections feed training (`triage train --include-corrections`): which corrections become training
records and with what labels, and that a model trained with them moves toward the clerk's answer."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner
from conftest import TRAINING, write_jsonl

from models import load_model
from triage.cli import cli
from triage.corrections import CORRECTED_WEIGHT, training_record_from, training_records_from_store
from triage.petition import Petition
from triage.taxonomy import load_taxonomy

# A text the tiny model has never seen the like of: a village cultural square whose funds went missing.
ODD = "青龙村文化广场的建设资金三十万元去向不明，村里没有公示，请上级查一查。"


def record(fields, primary="collective_assets", domains=(("collective_assets", 0.7), ("work_style", 0.6))):
    return {"id": "r1", "title": "反映问题", "text": ODD,
            "result": {"kind": "accusation", "primary_domain": primary,
                       "domains": [{"code": c, "score": s} for c, s in domains]},
            "corrections": [{"field": f, "value": None} for f in fields]}


def test_an_accepted_result_is_a_record_with_the_models_other_domains():
    example = training_record_from(record(["accept"]))
    assert example.text == "反映问题\n" + ODD
    assert (example.domain, example.kind, example.domains, example.weight) == \
        ("collective_assets", "accusation", ("collective_assets", "work_style"), 1.0)


def test_a_corrected_primary_domain_keeps_only_the_clerks_answer_and_counts_more():
    example = training_record_from(record(["primary_domain"], primary="construction_procurement"))
    assert example.domain == "construction_procurement" and example.domains == ("construction_procurement",)
    assert example.weight == CORRECTED_WEIGHT


def test_corrections_that_say_nothing_of_the_classification_are_left_out():
    assert training_record_from(record(["unit", "persons"])) is None
    assert training_record_from(record([])) is None
    assert training_record_from({"id": "x", "text": ODD, "result": None, "corrections": []}) is None


def test_train_with_corrections_moves_the_model_toward_the_clerks_answer(tmp_path, service):
    store = service.store
    for i in range(3):
        store.add_petition(Petition(f"c-{i}", f"{ODD}（第{i + 1}封）", "letter", date(2026, 3, 2 + i)))
    store.add_petition(Petition("c-unit", "城关镇桃园村村支书冒领低保金。", "letter", date(2026, 3, 9)))
    service.triage_stored(["c-0", "c-1", "c-2", "c-unit"])
    for i in range(3):
        service.correct(f"c-{i}", "primary_domain", "construction_procurement", user="clerk", remark="工程项目")
    service.correct("c-unit", "unit", "qs.petition", user="clerk")
    examples, unknown = training_records_from_store(store, load_taxonomy())
    assert sorted(e.text[-4:] for e in examples) == ["第1封）", "第2封）", "第3封）"] and unknown == 0

    data = write_jsonl(tmp_path / "train.jsonl", [{"text": t, "domain": d, "kind": k} for d, k, t in TRAINING])
    runner = CliRunner()
    scores = {}
    for name, extra in (("without", []), ("with", ["--include-corrections", "--store-data",
                                                    str(service.store.path.parent)])):
        out = tmp_path / name
        result = runner.invoke(cli, ["train", "--data", str(data), "--out", str(out), *extra])
        assert result.exit_code == 0, result.output
        prediction = load_model(out).predict([ODD])[0]
        scores[name] = {d.code: d.score for d in prediction.domains}["construction_procurement"]
        if extra:
            assert "3 petition(s) corrected or accepted by clerks added" in result.output
    assert scores["with"] > scores["without"] + 0.1, scores
    # reading the petitions' texts (petitioners' identities among them) for training is on record
    assert [e["detail"] for e in store.audit_entries(action="training_read")] == [
        {"for": "classifier", "petitions": 3}]


def test_train_leaves_out_corrections_with_codes_the_office_taxonomy_lacks(tmp_path, service):
    service.store.add_petition(Petition("t-1", ODD, "letter", date(2026, 3, 2)))
    service.triage_stored(["t-1"])
    service.correct("t-1", "accept", None, user="clerk")
    taxonomy = tmp_path / "office.yaml"
    taxonomy.write_text("domains:\n  - {code: money, label: 资金}\n  - {code: conduct, label: 作风}\n",
                        encoding="utf-8")
    data = write_jsonl(tmp_path / "office.jsonl", [{"text": "挪用资金", "domain": "money"},
                                                   {"text": "工作作风差", "domain": "conduct"}] * 3)
    result = CliRunner().invoke(cli, ["train", "--taxonomy", str(taxonomy), "--data", str(data), "--out",
                                      str(tmp_path / "m"), "--include-corrections", "--store-data",
                                      str(service.store.path.parent)])
    assert result.exit_code == 0, result.output
    assert "0 petition(s)" in result.output and "1 left out" in result.output
    assert json.loads((tmp_path / "m" / "meta.json").read_text())


def test_train_passes_model_options_and_names_bad_ones(tmp_path):
    data = write_jsonl(tmp_path / "train.jsonl", [{"text": t, "domain": d, "kind": k} for d, k, t in TRAINING])
    runner = CliRunner()
    result = runner.invoke(cli, ["train", "--data", str(data), "--out", str(tmp_path / "nb"),
                                 "--option", "nb_weighting=true", "--option", "c=0.8"])
    assert result.exit_code == 0, result.output
    options = json.loads((tmp_path / "nb" / "meta.json").read_text(encoding="utf-8"))["options"]
    assert options["nb_weighting"] is True and options["c"] == 0.8
    result = runner.invoke(cli, ["train", "--data", str(data), "--out", str(tmp_path / "x"),
                                 "--option", "nb_weighting"])
    assert result.exit_code != 0 and "KEY=JSON" in result.output
    result = runner.invoke(cli, ["train", "--data", str(data), "--out", str(tmp_path / "y"), "--option", "colour=1"])
    assert result.exit_code != 0 and "colour" in result.output and "nb_weighting" in result.output
    assert not (tmp_path / "y").exists()
