"""Name accuracy of speaker resolution on the hand-labelled mentions of tests/data.

``tests/data/speaker_names.jsonl`` holds 220 speaker mentions of the development set
(pronouns, bare names, descriptions), each labelled by reading its article with the canonical
name it refers to, or null when the article never names it. This parses their articles with
the default pipeline, resolves each mention as quoteattr resolves speakers, given the
article's byline as ``quoteattr extract`` reads it from a record's ``meta``
(:func:`quoteattr.core.run.resolve_mentions`), and prints the name accuracy
(:func:`quoteattr.evaluate.score_names`) beside the baseline that takes the mention text as
the name.

    python benchmarks/speaker_names.py [--data ../shared/data/polnear-train.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections.abc import Sequence
from pathlib import Path

from quoteattr.core.run import resolve_mentions
from quoteattr.errors import QuoteattrWarning
from quoteattr.evaluate import score_names
from quoteattr.pipelines import load_pipeline

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "tests" / "data" / "speaker_names.jsonl"
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-train.jsonl"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="polnear-train.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the wrong names")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} not found: the labels need their articles")
        return 1
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    wanted = {label["doc"] for label in labels}
    texts, authors = {}, {}
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in wanted:
                texts[doc["id"]] = doc["text"]
                authors[doc["id"]] = doc.get("meta", {}).get("author")  # the byline
    nlp = load_pipeline()
    items = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteattrWarning)
        for doc_id, doc in zip(texts, nlp.pipe(texts.values()), strict=True):
            mine = [label for label in labels if label["doc"] == doc_id]
            spans = [tuple(label["speaker"]) for label in mine]
            found = resolve_mentions(doc, spans, author=authors[doc_id])
            items += [(label, r.name, r.kind.value) for label, r in zip(mine, found, strict=True)]
    scores = score_names(items)
    print(f"labelled mentions: {scores.total} in {len(texts)} articles")
    print(f"name accuracy: {100 * scores.accuracy:.1f}  ({scores.correct}/{scores.total})")
    print(f"baseline, mention text as name: {100 * scores.baseline_accuracy:.1f}")
    for category, (good, total) in scores.by_category.items():
        print(f"  {category:12s} {good:4d}/{total:<4d} {100 * good / total:5.1f}")
    if args.verbose:
        for label, name, kind in items:
            if not score_names([(label, name, kind)]).correct:
                gold = label["canonical"]
                print(f"  {label['speaker_text']!r:32} -> {name!r} ({kind}); label {gold!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
