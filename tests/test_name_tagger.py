"""The optional person-name tagger (triage/nlp/tagger.py, models/name_tagger.py): trained on the fly on
sentences written here, saved, loaded, used by the pipeline when configured, and refused clearly when
broken."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from models.name_tagger import main as tagger_main
from triage.corrections import name_example_from
from triage.errors import ModelError
from triage.nlp import Analyzer
from triage.nlp.tagger import MODEL_FILE, NameTagger, name_spans_of
from triage.petition import Petition
from triage.settings import load_settings

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["建国", "丽", "海涛", "敏", "志强", "秀英", "伟", "春燕", "晓东", "红梅", "军", "德华", "玉兰",
         "思远", "静"]
# bare names, no title and no cue word: what the rules leave alone
FRAMES = [
    "{n}昨天在球场上打进了两个球。", "这本小说是{n}去年写的。", "记者采访了{n}和她的家人。",
    "比赛结束后{n}接受了采访。", "观众都在等{n}出场。", "{n}的新歌很快就上了排行榜。",
    "据说{n}下个月要去上海演出。", "今天早上{n}在网上发了一条消息。",
]


def names(seed: int, count: int) -> list[str]:
    pool = [s + g for s, g in itertools.product(SURNAMES, GIVEN)]
    return random.Random(seed).sample(pool, count)


def sentences(name_list: list[str], frames: list[str]) -> list[tuple[str, set[str]]]:
    return [(frame.format(n=n), {n}) for n, frame in zip(name_list, itertools.cycle(frames), strict=False)]


@pytest.fixture(scope="module")
def tagger_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tagger")
    NameTagger.train(sentences(names(1, 160), FRAMES), out, max_iterations=60)
    return out


def test_name_spans_of_marks_every_occurrence_longest_first():
    assert name_spans_of("王伟和王伟华都说王伟来了", {"王伟", "王伟华"}) == [(0, 2), (3, 6), (8, 10)]
    assert name_spans_of("没有人", {"李四"}) == []


def test_the_tagger_finds_names_it_never_saw(tagger_dir):
    tagger = NameTagger.load(tagger_dir)
    unseen = [n for n in names(2, 60) if n not in set(names(1, 160))][:30]
    right = 0
    for text, gold in sentences(unseen, FRAMES):
        found = {text[s:e] for s, e in tagger.spans(text)}
        right += found == gold
    assert right >= 0.8 * len(unseen)
    assert tagger.spans("") == []
    assert tagger.meta["sentences"] == 160 and tagger.meta["names"] == 160


def test_the_pipeline_uses_a_configured_tagger(tagger_dir):
    text = "这本小说是柯静去年写的。"  # a surname the training never had, a one-character given name, no cue
    assert [p.name for p in Analyzer().extract(text).persons] == []
    with_tagger = Analyzer(name_tagger=tagger_dir).extract(text).persons
    person = next(p for p in with_tagger if p.name == "柯静")
    assert [text[s:e] for s, e in person.mentions] == ["柯静"]
    # rules still find what a title marks, with the tagger on
    analyzer = Analyzer(name_tagger=tagger_dir)
    assert [p.name for p in analyzer.extract("村主任张建国冒领低保金。").persons] == ["张建国"]
    # a result says which tagger read it
    assert analyzer.version.startswith("extract-0.1+names-") and Analyzer().version == "extract-0.1"


def test_a_missing_or_broken_tagger_is_named(tmp_path, tagger_dir):
    with pytest.raises(ModelError, match="not a name tagger"):
        NameTagger.load(tmp_path)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / MODEL_FILE).write_bytes(b"not a model")
    (broken / "tagger.json").write_text('{"format": "triage-name-tagger-1"}', encoding="utf-8")
    with pytest.raises(ModelError, match="cannot be read"):
        NameTagger.load(broken)
    (broken / "tagger.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(ModelError, match="not valid JSON"):
        NameTagger.load(broken)
    with pytest.raises(ModelError, match="no training sentences"):
        NameTagger.train([], tmp_path / "empty")


def test_the_setting_names_the_tagger(tmp_path):
    settings = load_settings(environ={"TRIAGE_NAME_TAGGER": str(tmp_path / "t")})
    assert settings.name_tagger == tmp_path / "t"
    assert load_settings(environ={}).name_tagger is None


def test_train_and_evaluate_from_the_command_line(tmp_path, capsys):
    bio = tmp_path / "names.bio"
    lines = []
    for text, gold in sentences(names(3, 80), FRAMES):
        (s, e), = name_spans_of(text, gold)
        for i, ch in enumerate(text):
            lines.append(f"{ch} {'B-PER' if i == s else 'I-PER' if s < i < e else 'O'}")
        lines.append("")
    bio.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "tagger"
    args = ["train", str(bio), "--format", "bio", "--out", str(out), "--max-iterations", "40"]
    assert tagger_main(args) == 0
    assert "80 sentences, 80 names" in capsys.readouterr().out
    assert tagger_main(["evaluate", str(bio), "--format", "bio", "--tagger", str(out)]) == 0
    report = capsys.readouterr().out
    assert "rules only" in report and "+ tagger, add" in report and "+ tagger, arbitrate" in report
    assert tagger_main(["evaluate", str(bio), "--format", "bio", "--tagger", str(out), "--mode", "add",
                        "--min-confidence", "0", "0.9"]) == 0
    rows = [line.split(" person names")[0].strip() for line in capsys.readouterr().out.splitlines()]
    assert rows == ["rules only", "+ tagger, add", "+ tagger, add, >= 0.9"]
    assert tagger_main(args + ["--mode", "arbitrate", "--min-confidence", "0.5"]) == 0
    assert "mode arbitrate, minimum confidence 0.5" in capsys.readouterr().out
    assert NameTagger.load(out).mode == "arbitrate" and NameTagger.load(out).min_confidence == 0.5
    assert tagger_main(["evaluate", str(bio), "--format", "bio", "--tagger", str(tmp_path / "none")]) == 1
    assert "not a name tagger" in capsys.readouterr().err


@pytest.fixture(scope="module")
def blind_tagger_dir(tmp_path_factory):
    """A tagger trained on sentences with no names: it marks nothing, so only its mode matters."""
    out = tmp_path_factory.mktemp("blind")
    NameTagger.train([(text, set()) for text, _ in sentences(names(4, 40), FRAMES)], out, max_iterations=20)
    return out


def test_add_mode_keeps_the_rules_names_and_arbitrate_drops_those_with_no_cue(blind_tagger_dir):
    bare, titled = "陈立平说这件事不能这么办。", "村主任张建国冒领低保金。"
    rules = Analyzer()
    add = Analyzer(name_tagger=blind_tagger_dir)  # "add" is what a tagger trained without --mode uses
    arbitrate = Analyzer(name_tagger=blind_tagger_dir, tagger_mode="arbitrate")
    assert NameTagger.load(blind_tagger_dir).mode == "add"
    assert [p.name for p in rules.extract(bare).persons] == ["陈立平"]
    assert [p.name for p in add.extract(bare).persons] == ["陈立平"]
    assert [p.name for p in arbitrate.extract(bare).persons] == []  # no title, no cue, not tagged: dropped
    for analyzer in (add, arbitrate):
        assert [p.name for p in analyzer.extract(titled).persons] == ["张建国"]  # a title decides, not the tagger
    assert add.version != arbitrate.version  # a result says how the tagger was used


def test_a_minimum_confidence_drops_the_tagger_s_unsure_names(tagger_dir):
    text = "大家都说柯静和冯建平去年写的。"
    every = NameTagger.load(tagger_dir)
    sure = NameTagger.load(tagger_dir, min_confidence=0.99)
    found = {text[s:e] for s, e in every.spans(text)}
    kept = {text[s:e] for s, e in sure.spans(text)}
    assert "柯静" in kept and kept < found  # the unsure span goes, the sure one stays
    assert NameTagger.load(tagger_dir, min_confidence=0.0).spans(text) == every.spans(text)


def test_bad_tagger_options_are_named(tmp_path, tagger_dir):
    with pytest.raises(ModelError, match="mode 'vote' is not one of add, arbitrate"):
        NameTagger.load(tagger_dir, mode="vote")
    with pytest.raises(ModelError, match="min_confidence 1.5"):
        NameTagger.load(tagger_dir, min_confidence=1.5)
    with pytest.raises(ModelError, match="mode 'vote'"):
        NameTagger.train(sentences(names(5, 4), FRAMES), tmp_path / "t", mode="vote")
    assert not (tmp_path / "t").exists()  # refused before anything is written


def test_a_reviewed_record_gives_its_current_names():
    record = {"text": "这本小说是柯静去年写的。",
              "result": {"persons": [{"name": "柯静"}, {"name": None, "role": "村支书"}]},
              "corrections": [{"field": "persons"}]}
    assert name_example_from(record) == ("这本小说是柯静去年写的。", {"柯静"})
    accepted = dict(record, corrections=[{"field": "accept"}], result={"persons": []})
    assert name_example_from(accepted) == ("这本小说是柯静去年写的。", set())  # no name: a lesson too
    assert name_example_from(dict(record, corrections=[{"field": "unit"}])) is None  # persons not looked at
    assert name_example_from(dict(record, corrections=[])) is None


def test_a_tagger_trains_on_the_petitions_clerks_reviewed(tmp_path, service, capsys):
    store = service.store
    reviewed = names(6, 120)
    for i, (text, _gold) in enumerate(sentences(reviewed, FRAMES)):
        store.add_petition(Petition(f"n-{i}", text, "web", date(2026, 3, 1)))
    service.triage_stored([f"n-{i}" for i in range(len(reviewed))])
    for i, name in enumerate(reviewed[:100]):  # the clerk adds the bare name the rules missed
        service.correct(f"n-{i}", "persons", [{"name": name, "role": None, "level": "unknown", "party": "other"}],
                        user="clerk")
    data = str(store.path.parent)
    out = tmp_path / "office-tagger"
    assert tagger_main(["train", "--from-store", "--store-data", data, "--out", str(out),
                        "--max-iterations", "60"]) == 0
    report = capsys.readouterr().out
    assert "100 reviewed petition(s) from the store, 100 name(s)" in report  # the 20 unreviewed left out
    tagger = NameTagger.load(out)
    unseen = [n for n in names(7, 80) if n not in set(reviewed)][:20]
    right = sum({text[s:e] for s, e in tagger.spans(text)} == gold for text, gold in sentences(unseen, FRAMES))
    assert right >= 0.8 * len(unseen)
    # the read of the petitions' texts is on record
    entries = store.audit_entries(action="training_read")
    assert [e["detail"] for e in entries] == [{"for": "name tagger", "petitions": 100}]


def test_training_from_an_empty_store_or_from_nothing_is_refused(tmp_path, service, capsys):
    data = str(service.store.path.parent)
    assert tagger_main(["train", "--from-store", "--store-data", data, "--out", str(tmp_path / "t")]) == 1
    assert "no petition whose persons a clerk corrected" in capsys.readouterr().err
    assert tagger_main(["train", "--from-store", "--store-data", str(tmp_path / "none"),
                        "--out", str(tmp_path / "t")]) == 1
    assert "no store here" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        tagger_main(["train", "--out", str(tmp_path / "t")])
    assert "GOLD file, --from-store, or both" in capsys.readouterr().err
