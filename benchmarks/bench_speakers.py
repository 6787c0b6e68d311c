"""Memory and time of the speakers table over a long stream of documents.

    python benchmarks/bench_speakers.py [--docs 20000] [--pred PRED.jsonl] [--seed 13]

The table (``quoteattr.SpeakerTable``) is fed ``--docs`` documents one at a time, as
``quoteattr speakers`` feeds it, and the memory it holds is printed at checkpoints: Python's
allocations still alive (``tracemalloc``), with the process's resident memory
(``/proc/self/status``) beside them. The documents are:

- with ``--pred``: the records of an extraction output file (``quoteattr extract --format
  jsonl``), recycled in order until there are ``--docs`` of them (every pass repeats the
  same names, so memory should stop growing after the first pass);
- without it: synthetic documents, 4 to 30 quotes each, whose speakers are drawn (Zipf-like,
  seeded) from 3,000 people, written with and without middle initials, as bare surnames,
  after datelines, and 300 organisations with their acronyms, plus unresolved pronouns and
  unnamed sources. New names keep appearing for as long as the pool has unseen ones.

It prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import string
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from quoteattr import Cue, CueCategory, Quote, QuoteKind, Speaker, SpeakerKind
from quoteattr.corpus import SpeakerTable

CHECKPOINTS = (1000, 2000, 5000, 10000, 15000, 20000)


def rss_mb() -> float:
    """The resident memory of this process, in MB (0.0 where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _word(rng: random.Random, n: int) -> str:
    return rng.choice(string.ascii_uppercase) + "".join(
        rng.choice(string.ascii_lowercase) for _ in range(n - 1)
    )


def synthetic(n_docs: int, seed: int) -> Iterator[list[Quote]]:
    """Synthetic documents of quotes (see the module docstring)."""
    rng = random.Random(seed)
    people = [
        (_word(rng, rng.randint(3, 8)), rng.choice(string.ascii_uppercase), _word(rng, 7))
        for _ in range(3000)
    ]
    orgs = [[_word(rng, rng.randint(4, 9)) for _ in range(rng.randint(2, 4))] for _ in range(300)]
    # Cumulative weights, computed once: random.choices would sum them on every call.
    weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(people))))
    org_weights = list(itertools.accumulate(1 / (i + 1) for i in range(len(orgs))))
    roles = ["Sen.", "Gov.", "spokesman", "President", None, None, None]
    kinds = list(QuoteKind)
    cats = list(CueCategory)
    for _ in range(n_docs):
        quotes = []
        for _ in range(rng.randint(4, 30)):
            r = rng.random()
            if r < 0.07:
                speaker = Speaker(rng.choice(["he", "she", "I", "they"]), SpeakerKind.UNKNOWN)
            elif r < 0.30:
                speaker = Speaker(rng.choice(["officials", "a spokesman"]), SpeakerKind.UNNAMED)
            elif r < 0.40:
                words = rng.choices(orgs, cum_weights=org_weights)[0]
                name = " ".join(words) if rng.random() < 0.7 else "".join(w[0] for w in words)
                speaker = Speaker(name, SpeakerKind.ORGANIZATION)
            else:
                first, initial, last = rng.choices(people, cum_weights=weights)[0]
                form = rng.random()
                name = (
                    f"{first} {last}"
                    if form < 0.6
                    else f"{first} {initial}. {last}"
                    if form < 0.8
                    else last
                    if form < 0.95
                    else f"{rng.choice(['BOSTON', 'MIAMI', 'ROME'])} - {first} {last}"
                )
                speaker = Speaker(name, SpeakerKind.PERSON, role=rng.choice(roles))
            cue = Cue("said", 20, 24, "say", rng.choice(cats))
            quotes.append(
                Quote(rng.choice(kinds), "x" * 10, 0, 10, ((0, 10),), cue=cue, speaker=speaker)
            )
        yield quotes


def read_records(path: Path) -> list[list[dict[str, Any]]]:
    """The quotes (as dicts) of each record of an extraction output file."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line).get("quotes") or [] for line in fh if line.strip()]


def recycled(records: list[list[dict[str, Any]]], n_docs: int) -> Iterator[list[Quote]]:
    """The documents of an extraction output file, in order, again and again."""
    for _, quotes in zip(range(n_docs), itertools.cycle(records), strict=False):
        yield [Quote.from_dict(q) for q in quotes]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=20000, help="documents in the stream")
    ap.add_argument("--pred", type=Path, help="recycle this extraction output instead")
    ap.add_argument("--seed", type=int, default=13, help="seed of the synthetic documents")
    args = ap.parse_args(argv)
    if args.pred:
        records = read_records(args.pred)  # read before the tracing starts
        source = recycled(records, args.docs)
        label = f"{args.pred} ({len(records):,} documents) recycled"
    else:
        source = synthetic(args.docs, args.seed)
        label = f"synthetic (seed {args.seed})"
    print(f"documents: {label}")
    print(
        f"{'docs':>7}{'quotes':>10}{'names':>8}{'table MB':>10}{'KB/name':>9}"
        f"{'RSS MB':>9}{'add ms/doc':>12}"
    )
    table = SpeakerTable()
    quotes = 0
    adding = 0.0
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    marks: list[float] = []
    for n, doc in enumerate(source, start=1):
        quotes += len(doc)
        t0 = time.perf_counter()
        table.add(doc)
        adding += time.perf_counter() - t0
        if n in CHECKPOINTS or n == args.docs:
            del doc
            mb = (tracemalloc.get_traced_memory()[0] - base) / 2**20
            print(
                f"{n:>7,}{quotes:>10,}{table.names:>8,}{mb:>10.2f}"
                f"{mb * 1024 / max(table.names, 1):>9.2f}{rss_mb():>9.1f}{adding / n * 1000:>12.3f}"
            )
            marks.append(mb)
    tracemalloc.stop()
    t0 = time.perf_counter()
    rows = table.rows()
    print(
        f"table: {marks[0]:.2f} MB after the first checkpoint, {marks[-1]:.2f} MB at the end "
        f"({marks[-1] - marks[0]:+.2f} MB); rows(): {len(rows):,} entities in "
        f"{time.perf_counter() - t0:.2f} s (tracemalloc off)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
