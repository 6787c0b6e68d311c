"""Name accuracy of speaker resolution on the hand-labelled mentions of tests/data.

Seven label files, each line a speaker mention of the development set (pronouns, bare names,
descriptions) labelled by reading its article with the canonical name it refers to, or null
when the article never names it:

- ``tests/data/speaker_names.jsonl``: 220 mentions from 38 articles, written before the rules
  of the second pass of speaker resolution.
- ``tests/data/speaker_names_aside.jsonl``: 100 mentions from the 41 articles set aside at
  random (``tests/data/aside_articles.json``) before the third pass and left out of every
  error listing read while writing rules since: speaker mentions quoteattr predicted there,
  40 pronouns, 30 one-word names, 25 descriptions and 5 longer names, each labelled by
  reading its article.

- ``tests/data/speaker_names_fresh.jsonl``: 100 mentions from 27 articles taken in a seeded
  random order from those in no other label file, labelled after the pronoun-chain rule of
  ``core/anaphora.py`` was committed, by someone who had not read them: the
  mentions picked by category quotas before any article was read (40 pronouns, 30 one-word
  names, 25 descriptions, 5 longer names; at most 5 an article), each labelled by reading
  its article without looking at quoteattr's answer.

- ``tests/data/speaker_names_fresh2.jsonl``: 100 more, by the same method, from 30 articles
  of another seeded random order, labelled while the rules written from the first fresh
  set's misses were in progress and scored once, after those rules were committed.

- ``tests/data/speaker_names_fresh3.jsonl``: 100 more from 20 articles of a third seeded
  random order (articles in no other label file), the mentions picked by the same quotas in
  a seeded random order within each article, labelled by a reader who had not read the
  articles and never saw quoteattr's answers; their misses are not read while writing rules.

- ``tests/data/speaker_names_fresh4.jsonl``: 100 more from 24 articles of a fourth seeded
  random order (seed 20261201; articles in no other label file and not set aside), picked
  and labelled the same way, and kept unread the same way.

- ``tests/data/speaker_names_fresh5.jsonl``: 100 more from 22 articles of a fifth seeded
  random order (seed 20261202; articles in no other label file and not set aside), picked
  from the claims profile's speaker mentions and labelled the same way, and kept unread the
  same way.

This parses their articles with the default pipeline, resolves each mention as quoteattr
resolves speakers, given the article's byline as ``quoteattr extract`` reads it from a
record's ``meta`` (:func:`quoteattr.core.run.resolve_mentions`), and prints the name accuracy
(:func:`quoteattr.evaluate.score_names`) of each file and both, beside the baseline that
takes the mention text as the name.

    python benchmarks/speaker_names.py [--data ../shared/data/polnear-train.jsonl] [-v]
"""

from __future__ import annotations

import argparse
import json
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quoteattr.core.run import resolve_mentions
from quoteattr.errors import QuoteattrWarning
from quoteattr.evaluate import NameScores, score_names
from quoteattr.pipelines import load_pipeline

REPO = Path(__file__).resolve().parents[1]
LABEL_FILES = {
    "first labels": REPO / "tests" / "data" / "speaker_names.jsonl",
    "set-aside articles": REPO / "tests" / "data" / "speaker_names_aside.jsonl",
    "fresh articles": REPO / "tests" / "data" / "speaker_names_fresh.jsonl",
    "fresh articles, second set": REPO / "tests" / "data" / "speaker_names_fresh2.jsonl",
    "fresh articles, third set": REPO / "tests" / "data" / "speaker_names_fresh3.jsonl",
    "fresh articles, fourth set": REPO / "tests" / "data" / "speaker_names_fresh4.jsonl",
    "fresh articles, fifth set": REPO / "tests" / "data" / "speaker_names_fresh5.jsonl",
}
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-train.jsonl"

Item = tuple[dict[str, Any], str, str]


def _print(title: str, scores: NameScores, articles: int) -> None:
    print(f"{title}: {scores.total} labelled mentions in {articles} articles")
    print(f"  name accuracy: {100 * scores.accuracy:.1f}  ({scores.correct}/{scores.total})")
    print(f"  baseline, mention text as name: {100 * scores.baseline_accuracy:.1f}")
    for category, (good, total) in scores.by_category.items():
        print(f"    {category:12s} {good:4d}/{total:<4d} {100 * good / total:5.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="polnear-train.jsonl")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the wrong names")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} not found: the labels need their articles")
        return 1
    files = {
        title: [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        for title, path in LABEL_FILES.items()
    }
    wanted = {label["doc"] for labels in files.values() for label in labels}
    texts, authors = {}, {}
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            if doc["id"] in wanted:
                texts[doc["id"]] = doc["text"]
                authors[doc["id"]] = doc.get("meta", {}).get("author")  # the byline
    nlp = load_pipeline()
    resolved: dict[tuple[str, int, int], tuple[str, str]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteattrWarning)
        for doc_id, doc in zip(texts, nlp.pipe(texts.values()), strict=True):
            spans = sorted(
                {
                    (label["speaker"][0], label["speaker"][1])
                    for labels in files.values()
                    for label in labels
                    if label["doc"] == doc_id
                }
            )
            for span, r in zip(
                spans, resolve_mentions(doc, spans, author=authors[doc_id]), strict=True
            ):
                resolved[(doc_id, *span)] = (r.name, r.kind.value)
    every: list[Item] = []
    for title, labels in files.items():
        items: list[Item] = [
            (label, *resolved[(label["doc"], *label["speaker"])]) for label in labels
        ]
        _print(title, score_names(items), len({label["doc"] for label in labels}))
        every += items
    _print("all", score_names(every), len(texts))
    if args.verbose:
        for label, name, kind in every:
            if not score_names([(label, name, kind)]).correct:
                gold = label["canonical"]
                print(f"  {label['speaker_text']!r:32} -> {name!r} ({kind}); label {gold!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
