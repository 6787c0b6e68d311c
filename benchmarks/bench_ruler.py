"""The attribute ruler's time: spaCy's against quoteattr's fast one, on the same Docs.

    python benchmarks/bench_ruler.py [--data PATH] [--docs 200] [--repeat 5] [--whole 3]

The first ``--docs`` development texts are parsed once by the default pipeline up to its
attribute ruler (tok2vec, tagger, quoteattr_sentences, parser; ``nlp.pipe``, batch 32). Each
repetition then runs each ruler over fresh copies of those Docs (copying is not timed), the
two rulers in an order that alternates from one repetition to the next, and checks that both
give the same token attributes. For comparison, the parse up to the ruler is timed once.
With ``--whole N``, the whole parse (``quoteattr.load()`` and ``quoteattr.load(fast_ruler=False)``
without the quoteattr component, ``nlp.pipe``, batch 32) is also timed N times each, in
alternating order. This prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from quoteattr.fastruler import FastAttributeRuler
from quoteattr.pipelines import load, load_pipeline

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear-train.jsonl"
ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


def timed(ruler: Callable[[Doc], Doc], docs: Sequence[Doc]) -> tuple[float, list[Doc]]:
    """Seconds the ruler takes over copies of the Docs, and the copies it changed."""
    copies = [doc.copy() for doc in docs]
    start = time.perf_counter()
    for doc in copies:
        ruler(doc)
    return time.perf_counter() - start, copies


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--whole", type=int, default=0, help="time the whole parse N times each")
    args = ap.parse_args(argv)
    with args.data.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()][: args.docs]
    nlp = load_pipeline()
    nlp.add_pipe("quoteattr_sentences", before="parser")
    stock = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(nlp.vocab)
    fast.add_patterns(stock.patterns)
    before = nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]
    start = time.perf_counter()
    with nlp.select_pipes(enable=before):
        docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - start
    rulers = {"spaCy attribute_ruler": stock, "FastAttributeRuler": fast}
    times: dict[str, list[float]] = {name: [] for name in rulers}
    for rep in range(args.repeat):
        names = list(rulers) if rep % 2 == 0 else list(reversed(rulers))
        out = {}
        for name in names:
            seconds, out[name] = timed(rulers[name], docs)
            times[name].append(seconds)
        a, b = (out[name] for name in rulers)
        same = all(
            np.array_equal(x.to_array(ATTRS), y.to_array(ATTRS)) for x, y in zip(a, b, strict=True)
        )
        if not same:
            print(f"repetition {rep}: the two rulers differ")
            return 1
    tokens = sum(len(doc) for doc in docs)
    print(f"{len(docs)} docs, {tokens:,} tokens; {args.repeat} repetitions, alternating order")
    print(f"parse up to the ruler (once)   {parse:7.2f} s")
    for name, seconds in times.items():
        print(
            f"{name:30} {statistics.median(seconds):7.3f} s median "
            f"[{min(seconds):.3f}-{max(seconds):.3f}]"
        )
    ratios = [s / f for s, f in zip(*times.values(), strict=True)]
    print(f"spaCy / fast, per repetition   {statistics.median(ratios):7.1f}x median")
    print("token attributes (POS TAG MORPH LEMMA DEP HEAD) identical in every repetition")
    if args.whole:
        whole(texts, args.whole)
    return 0


def whole(texts: Sequence[str], repeat: int) -> None:
    """Prints the time of the whole parse with spaCy's ruler and with the fast one."""
    pipelines = {"spaCy attribute_ruler": load(fast_ruler=False), "FastAttributeRuler": load()}
    times: dict[str, list[float]] = {name: [] for name in pipelines}
    for rep in range(repeat):
        names = list(pipelines) if rep % 2 == 0 else list(reversed(pipelines))
        for name in names:
            nlp = pipelines[name]
            with nlp.select_pipes(disable=["quoteattr"]):
                start = time.perf_counter()
                for _ in nlp.pipe(texts, batch_size=32):
                    pass
                times[name].append(time.perf_counter() - start)
    print(f"whole parse, {repeat} repetitions each, alternating order")
    for name, seconds in times.items():
        print(
            f"  with {name:25} {statistics.median(seconds):7.2f} s median "
            f"[{min(seconds):.2f}-{max(seconds):.2f}]"
        )


if __name__ == "__main__":
    raise SystemExit(main())
