"""The transformer classifier: a BERT encoder with two heads (multi-label domains, kind).

By default a small BERT is trained from scratch on a character vocabulary built from the training texts
(saved with the model; nothing is downloaded). With ``base_model`` a local checkpoint directory (any
``transformers`` encoder with its tokenizer) is fine-tuned instead. Trains on the GPU when
``torch.cuda.is_available()``, else on the CPU, with the same code.
"""

from __future__ import annotations

import json
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import AutoConfig, AutoModel, AutoTokenizer, BertConfig, get_linear_schedule_with_warmup

from models.baseline import build_classifications, make_version
from models.features import normalize_for_features
from models.records import TrainingRecord
from models.taxonomy_io import load_saved_taxonomy, save_taxonomy
from triage.errors import ConfigError, ModelError
from triage.petition import Classification
from triage.taxonomy import Taxonomy

MODEL_TYPE = "transformer"
WEIGHTS_FILE = "weights.pt"
VOCAB_FILE = "vocab.json"
ENCODER_CONFIG = "encoder_config.json"
TOKENIZER_DIR = "tokenizer"
SPECIAL_TOKENS = ("[PAD]", "[UNK]", "[CLS]", "[SEP]")
DEFAULT_OPTIONS = {
    "layers": 4,
    "hidden": 256,
    "heads": 4,
    "intermediate": 1024,
    "max_length": 256,
    "epochs": 4,
    "batch_size": 32,
    "learning_rate": None,  # 5e-4 from scratch, 3e-5 when fine-tuning
    "warmup": 0.1,
    "min_char_count": 2,
    "max_steps": None,  # stop after this many optimiser steps (tests)
    "seed": 13,
    "device": None,  # "cuda" / "cpu"; default: cuda when available
}


class CharTokenizer:
    """One id per character; digits collapsed and text normalised as the baseline does."""

    def __init__(self, vocab: list[str]) -> None:
        self.vocab = vocab
        self.index = {ch: i for i, ch in enumerate(vocab)}
        self.pad_id, self.unk_id, self.cls_id = 0, 1, 2

    @classmethod
    def build(cls, texts: Sequence[str], min_count: int) -> CharTokenizer:
        counts = Counter(ch for t in texts for ch in normalize_for_features(t) if not ch.isspace())
        chars = sorted((ch for ch, n in counts.items() if n >= min_count), key=lambda ch: (-counts[ch], ch))
        return cls([*SPECIAL_TOKENS, *chars])

    def encode(self, texts: Sequence[str], max_length: int) -> list[list[int]]:
        out = []
        for t in texts:
            ids = [self.index.get(ch, self.unk_id) for ch in normalize_for_features(t) if not ch.isspace()]
            out.append([self.cls_id, *ids[: max_length - 1]])
        return out


class PretrainedTokenizer:
    """A local checkpoint's own tokenizer."""

    def __init__(self, tokenizer) -> None:  # noqa: ANN001
        self.tokenizer = tokenizer
        self.pad_id = tokenizer.pad_token_id or 0

    def encode(self, texts: Sequence[str], max_length: int) -> list[list[int]]:
        return self.tokenizer(list(texts), truncation=True, max_length=max_length)["input_ids"]


class DomainKindNetwork(nn.Module):
    def __init__(self, encoder: nn.Module, hidden: int, n_domains: int, n_kinds: int, dropout: float) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.domain_head = nn.Linear(hidden, n_domains)
        self.kind_head = nn.Linear(hidden, n_kinds)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state[:, 0]
        hidden = self.dropout(hidden)
        return self.domain_head(hidden), self.kind_head(hidden)


class TransformerClassifier:
    model_type = MODEL_TYPE

    def __init__(
        self,
        taxonomy: Taxonomy,
        network: DomainKindNetwork,
        tokenizer: CharTokenizer | PretrainedTokenizer,
        version: str,
        options: dict,
        training: dict,
        predicts_kind: bool,
    ) -> None:
        self.taxonomy = taxonomy
        self.network = network.eval()
        self.tokenizer = tokenizer
        self.version = version
        self.options = options
        self.training = training
        self.predicts_kind = predicts_kind
        self.device = next(network.parameters()).device

    def predict_scores(self, texts: Sequence[str], batch_size: int = 64) -> tuple[np.ndarray, np.ndarray]:
        encoded = self.tokenizer.encode(texts, int(self.options["max_length"]))
        order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
        domains = np.zeros((len(texts), len(self.taxonomy.domain_codes)), dtype=np.float32)
        kinds = np.zeros((len(texts), len(self.taxonomy.kind_codes)), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(order), batch_size):
                idx = order[start : start + batch_size]
                ids, mask = _pad([encoded[i] for i in idx], self.tokenizer.pad_id, self.device)
                domain_logits, kind_logits = self.network(ids, mask)
                domains[idx] = torch.sigmoid(domain_logits).float().cpu().numpy()
                kinds[idx] = torch.softmax(kind_logits, dim=-1).float().cpu().numpy()
        return domains, kinds

    def predict(self, texts: Sequence[str]) -> list[Classification]:
        if not texts:
            return []
        domains, kinds = self.predict_scores(list(texts))
        return build_classifications(self.taxonomy, self.version, domains, kinds if self.predicts_kind else None)

    def save(self, directory: Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        encoder = self.network.encoder
        (directory / ENCODER_CONFIG).write_text(encoder.config.to_json_string(), encoding="utf-8")
        torch.save({k: v.detach().cpu() for k, v in self.network.state_dict().items()}, directory / WEIGHTS_FILE)
        if isinstance(self.tokenizer, CharTokenizer):
            (directory / VOCAB_FILE).write_text(json.dumps(self.tokenizer.vocab, ensure_ascii=False), encoding="utf-8")
        else:
            self.tokenizer.tokenizer.save_pretrained(str(directory / TOKENIZER_DIR))
        save_taxonomy(self.taxonomy, directory)
        meta = {
            "type": MODEL_TYPE,
            "version": self.version,
            "options": {k: v for k, v in self.options.items() if k != "device"},
            "training": self.training,
            "predicts_kind": self.predicts_kind,
            "tokenizer": "char" if isinstance(self.tokenizer, CharTokenizer) else "pretrained",
            "domains": self.taxonomy.domain_codes,
            "kinds": self.taxonomy.kind_codes,
        }
        (directory / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path, meta: dict, device: str | None = None) -> TransformerClassifier:
        taxonomy = load_saved_taxonomy(directory)
        try:
            config = AutoConfig.for_model(**json.loads((directory / ENCODER_CONFIG).read_text(encoding="utf-8")))
            if meta.get("tokenizer") == "pretrained":
                tokenizer: CharTokenizer | PretrainedTokenizer = PretrainedTokenizer(
                    AutoTokenizer.from_pretrained(str(directory / TOKENIZER_DIR), local_files_only=True)
                )
            else:
                tokenizer = CharTokenizer(json.loads((directory / VOCAB_FILE).read_text(encoding="utf-8")))
            options = {**DEFAULT_OPTIONS, **meta.get("options", {})}
            network = DomainKindNetwork(
                AutoModel.from_config(config),
                config.hidden_size,
                len(taxonomy.domain_codes),
                len(taxonomy.kind_codes),
                float(getattr(config, "hidden_dropout_prob", 0.1)),
            )
            state = torch.load(directory / WEIGHTS_FILE, map_location="cpu", weights_only=True)
            network.load_state_dict(state)
        except (OSError, ValueError, KeyError, RuntimeError, json.JSONDecodeError) as exc:
            raise ModelError(f"{directory}: transformer model does not load: {exc}") from exc
        network.to(_device(device))
        return cls(
            taxonomy,
            network,
            tokenizer,
            version=str(meta["version"]),
            options=options,
            training=dict(meta.get("training", {})),
            predicts_kind=bool(meta.get("predicts_kind", True)),
        )


def train_transformer(
    taxonomy: Taxonomy,
    records: Sequence[TrainingRecord],
    base_model: Path | None = None,
    progress: Callable[[str], None] | None = None,
    **opts: object,
) -> TransformerClassifier:
    say = progress or (lambda message: None)
    unknown = set(opts) - set(DEFAULT_OPTIONS)
    if unknown:
        raise ValueError(f"unknown transformer options {sorted(unknown)}; valid: {sorted(DEFAULT_OPTIONS)}")
    options = {**DEFAULT_OPTIONS, **opts}
    if options["learning_rate"] is None:
        options["learning_rate"] = 3e-5 if base_model else 5e-4
    seed = int(options["seed"])
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    device = _device(options["device"])
    texts = [r.text for r in records]

    if base_model is not None:
        base_model = Path(base_model)
        if not (base_model / "config.json").is_file():
            raise ConfigError(f"{base_model}: not a local model checkpoint (no config.json)")
        tokenizer: CharTokenizer | PretrainedTokenizer = PretrainedTokenizer(
            AutoTokenizer.from_pretrained(str(base_model), local_files_only=True)
        )
        encoder = AutoModel.from_pretrained(str(base_model), local_files_only=True)
        hidden = encoder.config.hidden_size
        say(f"transformer: fine-tuning {base_model.name} ({sum(p.numel() for p in encoder.parameters())} parameters)")
    else:
        tokenizer = CharTokenizer.build(texts, int(options["min_char_count"]))
        config = BertConfig(
            vocab_size=len(tokenizer.vocab),
            hidden_size=int(options["hidden"]),
            num_hidden_layers=int(options["layers"]),
            num_attention_heads=int(options["heads"]),
            intermediate_size=int(options["intermediate"]),
            max_position_embeddings=int(options["max_length"]),
            type_vocab_size=1,
            pad_token_id=0,
        )
        encoder = AutoModel.from_config(config)
        hidden = config.hidden_size
        say(
            f"transformer: from scratch, {len(tokenizer.vocab)} characters, "
            f"{sum(p.numel() for p in encoder.parameters())} parameters"
        )
    domain_codes, kind_codes = taxonomy.domain_codes, taxonomy.kind_codes
    network = DomainKindNetwork(
        encoder, hidden, len(domain_codes), len(kind_codes), float(getattr(encoder.config, "hidden_dropout_prob", 0.1))
    ).to(device)

    encoded = tokenizer.encode(texts, int(options["max_length"]))
    d_index = {c: j for j, c in enumerate(domain_codes)}
    k_index = {c: j for j, c in enumerate(kind_codes)}
    y_domains = torch.zeros((len(records), len(domain_codes)))
    y_kinds = torch.full((len(records),), -100, dtype=torch.long)
    for i, r in enumerate(records):
        for code in r.all_domains:
            y_domains[i, d_index[code]] = 1.0
        if r.kind is not None:
            y_kinds[i] = k_index[r.kind]
    weights = torch.tensor([r.weight for r in records], dtype=torch.float32)
    predicts_kind = bool((y_kinds >= 0).any())

    batch_size = int(options["batch_size"])
    epochs = int(options["epochs"])
    steps_per_epoch = math.ceil(len(records) / batch_size)
    total = steps_per_epoch * epochs
    if options["max_steps"] is not None:
        total = min(total, int(options["max_steps"]))
    optimizer = torch.optim.AdamW(network.parameters(), lr=float(options["learning_rate"]), weight_decay=0.01)
    schedule = get_linear_schedule_with_warmup(optimizer, int(total * float(options["warmup"])), total)
    bce = nn.BCEWithLogitsLoss(reduction="none")
    ce = nn.CrossEntropyLoss(reduction="none", ignore_index=-100)
    say(f"transformer: {len(records)} records, {epochs} epochs of {steps_per_epoch} steps on {device}")

    step = 0
    epoch_seconds: list[float] = []
    network.train()
    for epoch in range(epochs):
        started = time.perf_counter()
        # Batches of similar length (less padding), in random order.
        order = sorted(range(len(records)), key=lambda i: (len(encoded[i]), random.random()))
        batches = [order[s : s + batch_size] for s in range(0, len(order), batch_size)]
        random.shuffle(batches)
        running = 0.0
        for b, idx in enumerate(batches, start=1):
            ids, mask = _pad([encoded[i] for i in idx], tokenizer.pad_id, device)
            domain_logits, kind_logits = network(ids, mask)
            w = weights[idx].to(device)
            loss_domains = (bce(domain_logits, y_domains[idx].to(device)).mean(dim=1) * w).sum() / w.sum()
            target_kinds = y_kinds[idx].to(device)
            has_kind = target_kinds >= 0
            loss = loss_domains
            if has_kind.any():
                loss = loss + (ce(kind_logits, target_kinds) * w)[has_kind].sum() / w[has_kind].sum()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(network.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            running += float(loss.detach())
            if b % 50 == 0:
                say(f"transformer: epoch {epoch + 1}/{epochs} step {b}/{len(batches)} loss {running / b:.4f}")
            if step >= total:
                break
        epoch_seconds.append(time.perf_counter() - started)
        say(
            f"transformer: epoch {epoch + 1}/{epochs} done, loss {running / max(1, b):.4f}, "
            f"{epoch_seconds[-1]:.1f} s"
        )
        if step >= total:
            break
    network.eval()
    training = {
        "records": len(records),
        "records_with_kind": int((y_kinds >= 0).sum()),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "device": str(device),
        "steps": step,
        "epoch_seconds": [round(s, 1) for s in epoch_seconds],
        "base_model": base_model.name if base_model else None,
    }
    version = make_version(MODEL_TYPE, records, {k: v for k, v in options.items() if k != "device"})
    say(f"transformer: done ({version})")
    return TransformerClassifier(taxonomy, network, tokenizer, version, options, training, predicts_kind)


def _device(requested: object) -> torch.device:
    if requested:
        return torch.device(str(requested))
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _pad(sequences: list[list[int]], pad_id: int, device: torch.device) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), width), dtype=torch.long)
    for i, s in enumerate(sequences):
        ids[i, : len(s)] = torch.tensor(s, dtype=torch.long)
        mask[i, : len(s)] = 1
    return ids.to(device), mask.to(device)
