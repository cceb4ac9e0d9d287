"""The transformer classifier: a tiny BERT (2 layers, 64 wide) trained from scratch for a few steps on
inline petitions written for these tests, and fine-tuned from a local checkpoint directory."""

from __future__ import annotations

import pytest

from models import TrainingRecord, load_model, train_model
from triage.errors import ConfigError
from triage.taxonomy import default_taxonomy

TINY = {"layers": 2, "hidden": 64, "heads": 2, "intermediate": 128, "max_length": 64, "batch_size": 8}

# (domain, other domains, kind, text)
PETITIONS = [
    ("social_assistance", ["housing"], "accusation", "村支书冒领低保金，还骗取危房改造补助"),
    ("social_assistance", [], "accusation", "村干部截留低保金和临时救助款"),
    ("social_assistance", [], "accusation", "死亡人员的低保金一直被村会计冒领"),
    ("housing", [], "accusation", "危房改造补助被村干部克扣"),
    ("housing", [], "accusation", "村书记虚报危房改造户骗取补助资金"),
    ("land_compensation", [], "accusation", "村干部截留征地补偿款和青苗补偿费"),
    ("land_compensation", [], "accusation", "拆迁安置款被村主任挪用"),
    ("work_style", [], "appeal", "本人对所受党内警告处分不服，提出申诉"),
    ("work_style", [], "appeal", "我对记过处分决定不服，申请复查"),
    ("other", [], "suggestion", "建议加强村务公开，多听群众意见"),
]


def records() -> list[TrainingRecord]:
    return [TrainingRecord(text=t, domain=d, kind=k, domains=(d, *o)) for d, o, k, t in PETITIONS] * 3


@pytest.mark.slow
def test_tiny_transformer_learns_saves_and_loads(tmp_path):
    messages: list[str] = []
    model = train_model(
        default_taxonomy(), records(), model_type="transformer", progress=messages.append,
        epochs=30, learning_rate=3e-3, device="cpu", **TINY,
    )
    assert any("epoch 1/30" in m for m in messages) and any("done" in m for m in messages)
    texts = [t for _, _, _, t in PETITIONS]
    results = model.predict(texts)
    for result in results:
        assert [d.score for d in result.domains] == sorted((d.score for d in result.domains), reverse=True)
        assert len(result.domains) == len(default_taxonomy().domain_codes)
        assert all(0.0 <= d.score <= 1.0 for d in result.domains)
        assert result.model.startswith("transformer-")
    right = sum(r.primary_domain == d for r, (d, _, _, _) in zip(results, PETITIONS, strict=True))
    assert right >= 7, [r.primary_domain for r in results]
    assert sum(r.kind == k for r, (_, _, k, _) in zip(results, PETITIONS, strict=True)) >= 8

    model.save(tmp_path / "model")
    loaded = load_model(tmp_path / "model")
    again = loaded.predict(texts)
    assert [r.primary_domain for r in again] == [r.primary_domain for r in results]
    assert again[0].domains[0].score == pytest.approx(results[0].domains[0].score, abs=1e-5)
    assert loaded.version == model.version


@pytest.mark.slow
def test_fine_tune_from_a_local_checkpoint(tmp_path):
    """A local checkpoint directory (here a tiny BERT with a WordPiece vocabulary, written by the test)."""
    from transformers import BertConfig, BertModel, BertTokenizerFast

    checkpoint = tmp_path / "checkpoint"
    checkpoint.mkdir()
    chars = sorted({ch for _, _, _, t in PETITIONS for ch in t})
    (checkpoint / "vocab.txt").write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]) + "\n", encoding="utf-8"
    )
    BertTokenizerFast(vocab_file=str(checkpoint / "vocab.txt")).save_pretrained(str(checkpoint))
    config = BertConfig(vocab_size=5 + len(chars), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    BertModel(config).save_pretrained(str(checkpoint))

    model = train_model(default_taxonomy(), records(), model_type="transformer", base_model=checkpoint,
                        epochs=1, max_steps=3, device="cpu", max_length=64, batch_size=8)
    model.save(tmp_path / "tuned")
    loaded = load_model(tmp_path / "tuned")
    assert loaded.predict(["低保金被冒领"])[0].domains == model.predict(["低保金被冒领"])[0].domains
    with pytest.raises(ConfigError, match="no config.json"):
        train_model(default_taxonomy(), records(), model_type="transformer", base_model=tmp_path)
