"""How much quoteattr adds to a spaCy parse: parse time against extraction time, same texts.

Each repetition parses the texts with the default pipeline
(``quoteattr.pipelines.load_pipeline()``, without quoteattr's components) and times
``extract_doc`` over the parsed Docs, the two back to back in an order that alternates; it
prints the extraction time as a percentage of the parse time of the same repetition, as the
median with the lowest and highest over the repetitions (the goal of issue 16 is at most 3%).
It also times speaker resolution alone (``quoteattr.core.run.resolve`` on what the earlier
stages found) and prints it as a percentage of the extraction and of parse plus extraction.
``benchmarks/bench_speed.py`` gives these with the rest of the throughput figures.

    python benchmarks/bench_extract.py [--data PATH] [--limit 200] [--repeat 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import time
import warnings
from collections.abc import Sequence
from pathlib import Path

from spacy.tokens import Doc

from quoteattr.core.lexicon import default_lexicons
from quoteattr.core.run import find, resolve
from quoteattr.errors import QuoteattrWarning
from quoteattr.extract import extract_doc
from quoteattr.model import Quote
from quoteattr.pipelines import load_pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-train.jsonl"
SEED = REPO / "seeds" / "nato-iraq-reuters.txt"
GOAL_PCT = 3.0


def read_texts(path: Path, limit: int) -> tuple[list[str], str]:
    """The first ``limit`` texts of a JSONL file, or the seed article repeated when it is absent."""
    if not path.exists():
        seed = SEED.read_text(encoding="utf-8")
        return [seed] * limit, f"{path} not found: the seed article repeated {limit} times"
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= limit:
                break
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts, str(path)


def extract_all(docs: Sequence[Doc]) -> tuple[list[list[Quote]], int]:
    """Runs ``extract_doc`` on every Doc; returns (each Doc's quotes, docs that raised)."""
    found: list[list[Quote]] = []
    failed = 0
    for doc in docs:
        try:
            found.append(extract_doc(doc))
        except Exception:
            found.append([])
            failed += 1
    return found, failed


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with a 'text' field")
    ap.add_argument("--limit", type=int, default=200, help="number of documents")
    ap.add_argument("--repeat", type=int, default=5, help="interleaved repetitions")
    ap.add_argument("--profile", action="store_true", help="cProfile one extraction pass")
    args = ap.parse_args(argv)

    texts, source = read_texts(args.data, args.limit)
    print(f"data: {source}")
    nlp = load_pipeline()
    nlp("Warm-up: “Load everything first,” she said.")

    docs: list[Doc] = []
    parse_s: list[float] = []
    extract_s: list[float] = []
    repeat = max(1, args.repeat)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteattrWarning)
        for r in range(repeat):
            for step in ("parse", "extract") if r % 2 == 0 or not docs else ("extract", "parse"):
                start = time.perf_counter()
                if step == "parse":
                    docs = list(nlp.pipe(texts, batch_size=32, n_process=1))
                    parse_s.append(time.perf_counter() - start)
                else:
                    found, failed = extract_all(docs)
                    extract_s.append(time.perf_counter() - start)
        n_quotes = sum(len(quotes) for quotes in found)

        resolve_s = float("inf")
        for _ in range(repeat):
            findings = [find(doc, default_lexicons()) for doc in docs if len(doc)]
            start = time.perf_counter()
            for doc, stages in zip((d for d in docs if len(d)), findings, strict=True):
                resolve(doc, stages, default_lexicons())
            resolve_s = min(resolve_s, time.perf_counter() - start)

    tokens = sum(len(doc) for doc in docs)
    shares = [100 * e / p for e, p in zip(extract_s, parse_s, strict=True)]
    overhead = statistics.median(shares)
    parse_med, extract_med = statistics.median(parse_s), statistics.median(extract_s)
    head = ("docs", "tokens", "parse s", "tokens/s", "extract s", "overhead %", "[low-high]")
    row = (
        str(len(docs)),
        str(tokens),
        f"{parse_med:.2f}",
        f"{tokens / parse_med:,.0f}",
        f"{extract_med:.3f}",
        f"{overhead:.2f}",
        f"[{min(shares):.2f}-{max(shares):.2f}]",
    )
    widths = [max(len(h), len(c)) + 2 for h, c in zip(head, row, strict=True)]
    print("".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    print("".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    print(f"goal <= {GOAL_PCT:g}%: {'met' if overhead <= GOAL_PCT else 'NOT met'}")
    print(f"quotes found: {n_quotes}; docs where extraction raised: {failed}")
    print(
        f"speaker resolution: {resolve_s:.3f} s (best of {repeat}), "
        f"{100 * resolve_s / extract_med:.1f}% of the extraction (which includes it), "
        f"{100 * resolve_s / (parse_med + extract_med):.2f}% of parse + extraction"
    )
    print(
        f"medians of {repeat} repetitions, parse and extraction back to back in alternating "
        "order; parse: nlp.pipe, batch 32, 1 process"
    )

    if args.profile:
        profiler = cProfile.Profile()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", QuoteattrWarning)
            profiler.runcall(extract_all, docs)
        print("\nextraction profile, top 15 by cumulative time:")
        pstats.Stats(profiler).strip_dirs().sort_stats("cumulative").print_stats(15)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
