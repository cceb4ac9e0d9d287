"""Train the optional person-name tagger (``triage/nlp/tagger.py``) and measure what it adds.

    python -m models.name_tagger train GOLD [--format corpus|kg|cluener|bio|labels] --out DIR
        [--max-iterations N]
    python -m models.name_tagger evaluate GOLD [--format …] [--labels … --part dev|test] --tagger DIR

``GOLD`` is any gold file the extraction evaluation reads (``triage.evaluation.extraction``): an office's
labelled text, the project's corpus, or a public NER set for a benchmark. ``evaluate`` prints the person-name
figures of the pipeline without and with the tagger on the same texts.
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
    from triage.nlp.tagger import NameTagger

    parser = argparse.ArgumentParser(prog="python -m models.name_tagger", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    train = sub.add_parser("train", help="train a tagger on labelled text")
    train.add_argument("gold", type=Path)
    train.add_argument("--format", choices=FORMATS + tuple(FORMAT_ALIASES), default=None)
    train.add_argument("--out", type=Path, required=True)
    train.add_argument("--max-iterations", type=int, default=150)
    ev = sub.add_parser("evaluate", help="person-name figures without and with a tagger")
    ev.add_argument("gold", type=Path)
    ev.add_argument("--format", choices=FORMATS + tuple(FORMAT_ALIASES), default=None)
    ev.add_argument("--labels", default=None)
    ev.add_argument("--part", default=None)
    ev.add_argument("--tagger", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            fmt = FORMAT_ALIASES.get(args.format, args.format) if args.format else detect_format(args.gold)
            gold = read_gold(args.gold, fmt)
            examples = [(g.text, g.names) for g in gold if g.names is not None]
            if not examples:
                raise InputError(f"{args.gold}: no names to learn from in this gold file")
            tagger = NameTagger.train(examples, args.out, max_iterations=args.max_iterations, progress=print)
            print(f"saved to {args.out}: {tagger.meta['sentences']} sentences, {tagger.meta['names']} names, "
                  f"{tagger.meta['seconds']} s")
            return 0
        analyzers = (("rules only", Analyzer()), ("rules + tagger", Analyzer(name_tagger=args.tagger)))
        for label, analyzer in analyzers:
            report = evaluate_extraction(args.gold, analyzer, args.format, args.labels, None, 0, args.part)
            p = report.get("person_names", {"precision": 0.0, "recall": 0.0, "f1": 0.0})
            print(f"{label:15s} person names  P {p['precision']:.3f}  R {p['recall']:.3f}  F1 {p['f1']:.3f}  "
                  f"({report['texts']} texts)")
        return 0
    except (InputError, ModelError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
