"""How much quoteattr adds to a spaCy parse: parse time against extraction time, same texts.

Parses the texts with the default pipeline (``quoteattr.pipelines.load_pipeline()``, without the
quoteattr component), then times ``extract_doc`` over the parsed Docs and prints the extraction
time as a percentage of the parse time; the target is below 5%. It also times speaker
resolution alone (``quoteattr.core.run.resolve`` on what the earlier stages found) and prints it
as a percentage of the extraction and of parse plus extraction.

    python benchmarks/bench_extract.py [--data PATH] [--limit 200] [--repeat 3] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
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
TARGET_PCT = 5.0


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
    ap.add_argument("--repeat", type=int, default=3, help="extraction runs; the best is kept")
    ap.add_argument("--profile", action="store_true", help="cProfile one extraction pass")
    args = ap.parse_args(argv)

    texts, source = read_texts(args.data, args.limit)
    print(f"data: {source}")
    nlp = load_pipeline()
    nlp("Warm-up: “Load everything first,” she said.")

    start = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32, n_process=1))
    parse_s = time.perf_counter() - start
    tokens = sum(len(doc) for doc in docs)

    best = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", QuoteattrWarning)
        for _ in range(max(1, args.repeat)):
            start = time.perf_counter()
            found, failed = extract_all(docs)
            best = min(best, time.perf_counter() - start)
        n_quotes = sum(len(quotes) for quotes in found)

        resolve_s = float("inf")
        for _ in range(max(1, args.repeat)):
            findings = [find(doc, default_lexicons()) for doc in docs if len(doc)]
            start = time.perf_counter()
            for doc, stages in zip((d for d in docs if len(d)), findings, strict=True):
                resolve(doc, stages, default_lexicons())
            resolve_s = min(resolve_s, time.perf_counter() - start)

    overhead = 100 * best / parse_s
    head = ("docs", "tokens", "parse s", "tokens/s", "extract s", "overhead %", "target")
    row = (
        str(len(docs)),
        str(tokens),
        f"{parse_s:.2f}",
        f"{tokens / parse_s:,.0f}",
        f"{best:.3f}",
        f"{overhead:.2f}",
        f"< {TARGET_PCT:g}% {'met' if overhead < TARGET_PCT else 'MISSED'}",
    )
    widths = [max(len(h), len(c)) + 2 for h, c in zip(head, row, strict=True)]
    print("".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    print("".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    print(f"quotes found: {n_quotes}; docs where extraction raised: {failed}")
    print(
        f"speaker resolution: {resolve_s:.3f} s, {100 * resolve_s / best:.1f}% of the extraction"
        f" (which includes it), {100 * resolve_s / (parse_s + best):.2f}% of parse + extraction"
    )
    print(f"extraction: best of {max(1, args.repeat)} runs; parse: nlp.pipe, batch 32, 1 process")

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
