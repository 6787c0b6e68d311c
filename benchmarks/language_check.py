"""The language check's figures: its false alarms on English news and what it catches.

    python benchmarks/language_check.py [--data ../shared/data/polnear-train.jsonl]

prints the share of common English words (quoteattr/lexicons/english_words.txt) in the
development set's articles (lowest, 1st percentile, median) and how many of them the check
would warn about, then the same for the example sentences spaCy ships for every other
language it has (``spacy.lang.<code>.examples``), each language's sentences as one text.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import statistics

import spacy.lang

from quoteattr.core.language import MIN_WORDS, THRESHOLD, english_share, looks_english


def spacy_examples() -> dict[str, str]:
    """Every language's example sentences that spaCy ships, English left out, as one text."""
    texts = {}
    for module in pkgutil.iter_modules(spacy.lang.__path__):
        if not module.ispkg or module.name == "en":
            continue
        try:
            examples = importlib.import_module(f"spacy.lang.{module.name}.examples")
        except ImportError:
            continue
        texts[module.name] = " ".join(examples.sentences)
    return texts


def main() -> None:
    """Prints the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data",
        default="../shared/data/polnear-train.jsonl",
        help="a JSON Lines file of English articles with 'text'",
    )
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    shares = sorted(english_share(t).share for t in texts)
    alarms = sum(not looks_english(t) for t in texts)
    print(f"threshold {THRESHOLD:.0%} of at least {MIN_WORDS} words")
    print(
        f"English articles: {len(texts)}, share lowest {shares[0]:.1%}, "
        f"1st percentile {shares[len(shares) // 100]:.1%}, median "
        f"{statistics.median(shares):.1%}; warned about: {alarms}"
    )
    examples = spacy_examples()
    judged = {k: t for k, t in examples.items() if english_share(t).words >= MIN_WORDS}
    caught = sorted(k for k, t in judged.items() if not looks_english(t))
    missed = sorted(set(judged) - set(caught))
    highest = max(judged, key=lambda k: english_share(judged[k]).share)
    print(
        f"spaCy's examples: {len(examples)} other languages, {len(judged)} with {MIN_WORDS} "
        f"words or more; warned about: {len(caught)}; missed: {missed or 'none'}; highest "
        f"share {english_share(judged[highest]).share:.1%} ({highest})"
    )
    short = sorted(set(examples) - set(judged))
    print(f"too short to judge: {short or 'none'}")


if __name__ == "__main__":
    main()
