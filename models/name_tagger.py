"""Train the optional person-name tagger (``triage/nlp/tagger.py``) and measure what it adds.

    python -m models.name_tagger train [GOLD] [--format corpus|kg|cluener|bio|labels] [--from-store
        [--store-data DIR]] --out DIR [--max-iterations N] [--mode add|arbitrate] [--min-confidence P]
    python -m models.name_tagger evaluate GOLD [--format …] [--labels … --part dev|test] --tagger DIR
        [--mode add|arbitrate] [--min-confidence P …]

``GOLD`` is any gold file the extraction evaluation reads (``triage.evaluation.extraction``): an office's
labelled text, the project's corpus, or a public NER set for a benchmark. ``evaluate`` prints the person-name
figures of the pipeline without the tagger and with it in each mode (or the one given) and at each minimum
confidence given, on the same texts, so that an office chooses them on its own held-out text; ``train`` saves
the chosen ones with the model (``add`` and 0 unless given). ``--from-store`` adds the office's own reviewed
petitions: those whose persons a clerk corrected or whose result a clerk accepted, with the names they then carry.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from triage.errors import InputError, ModelError


def main(argv: Sequence[str] | None = None) -> int:
    from triage.evaluation.extraction import (
        FORMAT_ALIASES,
        FORMATS,
        detect_format,
        evaluate_extraction,
        read_gold,
    )
    from triage.nlp import Analyzer
    from triage.nlp.tagger import MODES, NameTagger

    parser = argparse.ArgumentParser(prog="python -m models.name_tagger", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train a tagger on labelled text")
    train.add_argument("gold", type=Path, nargs="?", default=None)
    train.add_argument("--from-store", action="store_true",
                       help="add the petitions whose persons clerks corrected or whose results they accepted")
    train.add_argument("--store-data", type=Path, default=None,
                       help="with --from-store: the data folder of the store (default: the setting data_dir)")
    train.add_argument("--format", choices=FORMATS + tuple(FORMAT_ALIASES), default=None)
    train.add_argument("--out", type=Path, required=True)
    train.add_argument("--max-iterations", type=int, default=150)
    train.add_argument("--mode", choices=MODES, default="add",
                       help="add the tagger's names (add) or also let it drop the rules' names found with no cue")
    train.add_argument("--min-confidence", type=float, default=0.0,
                       help="keep a tagged name only when every character's label has this marginal probability")
    ev = sub.add_parser("evaluate", help="person-name figures without and with a tagger")
    ev.add_argument("gold", type=Path)
    ev.add_argument("--format", choices=FORMATS + tuple(FORMAT_ALIASES), default=None)
    ev.add_argument("--labels", default=None)
    ev.add_argument("--part", default=None)
    ev.add_argument("--tagger", type=Path, required=True)
    ev.add_argument("--mode", choices=MODES, default=None, help="only this mode (both when not given)")
    ev.add_argument("--min-confidence", type=float, nargs="+", default=[0.0],
                    help="minimum confidences to compare (default 0: every tagged name)")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            if args.gold is None and not args.from_store:
                parser.error("train needs a GOLD file, --from-store, or both")
            examples = []
            if args.gold is not None:
                fmt = FORMAT_ALIASES.get(args.format, args.format) if args.format else detect_format(args.gold)
                gold = read_gold(args.gold, fmt)
                examples = [(g.text, g.names) for g in gold if g.names is not None]
                if not examples:
                    raise InputError(f"{args.gold}: no names to learn from in this gold file")
            if args.from_store:
                examples += _store_examples(args.store_data)
            tagger = NameTagger.train(examples, args.out, max_iterations=args.max_iterations, mode=args.mode,
                                      min_confidence=args.min_confidence, progress=print)
            print(f"saved to {args.out}: {tagger.meta['sentences']} sentences, {tagger.meta['names']} names, "
                  f"{tagger.meta['seconds']} s (mode {tagger.mode}, minimum confidence {tagger.min_confidence})")
            return 0
        NameTagger.load(args.tagger)  # a clear error before the rules-only run when it is no tagger
        analyzers = [("rules only", lambda: Analyzer())]
        for mode in [args.mode] if args.mode else list(MODES):
            for confidence in args.min_confidence:
                label = f"+ tagger, {mode}" + (f", >= {confidence:g}" if confidence else "")
                analyzers.append((label, lambda m=mode, c=confidence: Analyzer(
                    name_tagger=args.tagger, tagger_mode=m, tagger_min_confidence=c)))
        for label, make in analyzers:
            report = evaluate_extraction(args.gold, make(), args.format, args.labels, None, 0, args.part)
            p = report.get("person_names", {"precision": 0.0, "recall": 0.0, "f1": 0.0})
            print(f"{label:27s} person names  P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}  "
                  f"({report['texts']} texts)")
        return 0
    except (InputError, ModelError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _store_examples(data_dir: Path | None) -> list[tuple[str, set[str]]]:
    from triage.corrections import name_examples_from_store
    from triage.settings import load_settings
    from triage.store import Store

    settings = load_settings().with_overrides(data_dir=data_dir)
    if not settings.db_path.is_file():
        raise InputError(f"{settings.db_path}: no store here (give the data folder with --store-data)")
    store = Store(settings.db_path)
    try:
        examples = name_examples_from_store(store)
        # the texts hold petitioners' identities: the read is on record, as every read of them is (docs/security.md)
        store.audit("training_read", detail={"for": "name tagger", "petitions": len(examples)})
    finally:
        store.close()
    if not examples:
        raise InputError(f"{settings.db_path}: no petition whose persons a clerk corrected or whose result a clerk "
                         "accepted")
    names = sum(len(n) for _, n in examples)
    print(f"{len(examples)} reviewed petition(s) from the store, {names} name(s) in them")
    return examples


if __name__ == "__main__":
    sys.exit(main())
