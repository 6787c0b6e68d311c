"""Quotes.filter(profile="quotes") on claims against extracting with profile="quotes".

    quoteattr extract ../shared/data/polnear-train.jsonl --format jsonl -o claims.jsonl
    quoteattr extract ../shared/data/polnear-train.jsonl --format jsonl --profile quotes \\
        -o quotes.jsonl
    python benchmarks/filter_profile.py claims.jsonl quotes.jsonl [-v]

Prints how many quotes both give (the same content parts), how many only the filter keeps
(reported speech under a negated cue: only the parse tells) or only the profile finds, and,
of the quotes both give, how many differ in each other field (a split part's sentence, its
context).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from quoteattr import Quote, Quotes


def documents(path: Path) -> Iterator[tuple[str, list[Quote]]]:
    """The quotes of each document of an extraction output file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            yield record["id"], [Quote.from_dict(q) for q in record.get("quotes") or ()]


FIELDS = ("text", "kind", "cue", "speaker", "confidence", "sentence", "paragraph", "context")


def main(argv: Sequence[str] | None = None) -> int:
    """Prints the comparison."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("claims", type=Path, help="extract output with the claims profile")
    ap.add_argument("quotes", type=Path, help="extract output with the quotes profile")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the differences")
    args = ap.parse_args(argv)
    found = dict(documents(args.quotes))
    both = only_filter = only_profile = 0
    differ: Counter[str] = Counter()
    examples: list[str] = []
    for doc_id, claims in documents(args.claims):
        filtered = {q.parts: q for q in Quotes(claims).filter(profile="quotes")}
        extracted = {q.parts: q for q in found.get(doc_id, [])}
        for parts, q in filtered.items():
            other = extracted.get(parts)
            if other is None:
                only_filter += 1
                examples.append(f"only filter  {doc_id} {q!r}")
                continue
            both += 1
            for name in FIELDS:
                if getattr(q, name) != getattr(other, name):
                    differ[name] += 1
        for parts, q in extracted.items():
            if parts not in filtered:
                only_profile += 1
                examples.append(f"only profile {doc_id} {q!r}")
    print(
        f"quotes both give: {both}; only the filter: {only_filter}; only the profile: "
        f"{only_profile}"
    )
    print(
        "of those both give, differing in: "
        + (", ".join(f"{name} {n}" for name, n in differ.most_common()) or "nothing")
    )
    if args.verbose:
        print("\n".join(examples))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
