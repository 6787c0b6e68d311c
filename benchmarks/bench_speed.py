"""Throughput, in one interleaved run: the parse alone, quoteattr's own work, extract_many in
one and two processes, what that makes a day, peak memory, and cost per word by length.

Every repetition times, on its own ``--docs`` articles (the first repetition the first
articles of the file, the next the articles after them, and so on) and in an order that
rotates from one repetition to the next (so that a slow spell of a shared machine hits each
measure in turn):

- ``parse``: ``nlp.pipe`` of the spaCy model as it is shipped, without quoteattr (the spaCy
  parse alone);
- ``own``: ``extract_doc`` on the Docs that parse made (quoteattr's own work);
- ``fast parse``: the same, with quoteattr's exact attribute ruler in the place of spaCy's
  (the parse of ``quoteattr.load()``, quoteattr's components left out). Own work is given as
  a share of both parses; the goal is checked against the faster one, the stricter reading;
- ``many1`` and ``many2``: ``extract_many`` with the quoteattr pipeline, ``n_process`` 1 and 2
  (``many2`` starts its two worker processes at each call);
- ``kept2``: the same through ``quoteattr.Workers(nlp, n_process=2)``, whose two workers are
  started once, before the repetitions, and parse every repetition's articles, as ``many1``'s
  pipeline does in this process: the 2-process speed-up against ``many1`` compares processes
  that have parsed as much (new workers parsed about 5% slower), and the goal and the
  projection of articles a day use it;
- ``new1``: ``extract_many`` in one process with a pipeline loaded for that run (as each
  worker loads one), for a second speed-up that compares the processes alone;
- ``long`` and ``short``: ``extract_doc`` on one text made of ``--long`` articles joined by
  blank lines, and on the same articles one by one, each run holding its quotes to its end
  (the long text's call must), twice each in the order long, short, dropped, dropped, short,
  long, where ``dropped`` runs the articles again dropping each one's quotes as they come
  (both parsed once before the runs, as extract_many parses: quoteattr's sentence marks,
  then the parse);
- ``spin``: two CPU-bound Python processes at once against one after the other (about 2 when
  two cores are free, about 1 when other work holds one).

No pipeline parses an article twice, as on a stream of news: spaCy's tokenizer and
lemmatizer cache what they saw, and the same 200 articles parsed again in the same process
went 5-11% faster, which flattered the parse alone and ``extract_many`` in one process
against the worker processes, new at each call. The pipelines are warmed up on other
articles first, and the long text is parsed by a pipeline of its own. When the file has
fewer than ``--docs`` times ``--repeat`` articles, later repetitions reuse articles (printed).

Each timed run starts after a full garbage collection, so that none pays for collecting
what the runs before it left: one full collection of this process, which holds four
pipelines and 200 parsed Docs, took 50-70 ms and fell on the long text or on the short
articles by chance. The process asks for one OpenBLAS thread, as the command line and the
worker processes do (``quoteattr.threads``; the parse ran 13% faster), and keeps the memory it
frees, as they do too (``quoteattr.heap``: fewer page faults).

Ratios are taken within a repetition (the two timings are minutes apart at most) and given as
the median with the lowest and highest over the repetitions. The 2-process figures are given
for the whole call (the workers' start, about 2 s, included) and from the first result on,
which is the rate of a long run; the projection of articles a day uses the latter and 760
words an article. Words are whitespace-separated. Peak memory: this process's (VmHWM, with
the parsed Docs it holds) and the highest peak of one worker (its VmHWM, read as the run
ends; no thread samples it, since this process must stay single-threaded). The goals (issue 16)
are printed next to the figures; nothing passes below them.

    python benchmarks/bench_speed.py [--data PATH] [--docs 200] [--repeat 4] [--long 64]

Texts come from ``../shared/data/polnear-train.jsonl`` when it exists, else the seed article
repeated. This prints figures; it is not a test.
"""

from __future__ import annotations

from quoteattr.heap import keep_freed_memory
from quoteattr.threads import prefer_one_thread

# Before spaCy imports numpy, as the command line and the worker processes do: one OpenBLAS
# thread parsed 13% faster, and timing this process's parse with two against workers with
# one would flatter the workers (quoteattr.threads). The same for the allocator's settings
# (quoteattr.heap).
prefer_one_thread()
keep_freed_memory()

import argparse  # noqa: E402
import gc  # noqa: E402
import multiprocessing  # noqa: E402
import os  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import spacy  # noqa: E402
from bench_extract import DEFAULT_DATA, read_texts  # noqa: E402
from bench_memory import rss_kb, workers  # noqa: E402

import quoteattr  # noqa: E402
from quoteattr.errors import QuoteattrWarning  # noqa: E402
from quoteattr.extract import extract_doc  # noqa: E402
from quoteattr.fastruler import use_fast_ruler  # noqa: E402
from quoteattr.pipelines import DEFAULT_MODEL, load_pipeline  # noqa: E402

WORDS_PER_ARTICLE = 760


def words(texts: Sequence[str]) -> int:
    """Whitespace-separated words, the unit of the rates."""
    return sum(len(t.split()) for t in texts)


def timed_many(
    nlp: Any, texts: Sequence[str], batch_size: int, n_process: int, kept: Any = None
) -> tuple[float, float, int]:
    """extract_many over the texts (through ``kept``, a :class:`quoteattr.Workers`, when
    given): seconds for the whole call and from the first result to the last, and the
    highest peak resident memory of a worker process in kB (0 in one process)."""
    gc.collect()
    start = end = time.perf_counter()
    first = None
    peak = 0
    stream = (
        kept.extract_many(texts, batch_size=batch_size)
        if kept is not None
        else quoteattr.extract_many(texts, nlp=nlp, batch_size=batch_size, n_process=n_process)
    )
    for k, _ in enumerate(stream, 1):
        end = time.perf_counter()
        if first is None:
            first = end
        if k == len(texts) and (n_process > 1 or kept is not None):
            # The workers' peak (VmHWM), read after the last result and before they exit.
            # Not sampled by a thread: a process that has ever run a second thread parses
            # 14% slower (quoteattr.threads), and this one times the parse in one process.
            peak = max((rss_kb(pid)[1] for pid in workers()), default=0)
    return end - start, end - (first if first is not None else start), peak


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def parallelism(n: int = 10_000_000) -> float:
    """How much faster two CPU-bound processes finish together than one after the other."""
    start = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - start
    procs = [multiprocessing.Process(target=_spin, args=(n,)) for _ in range(2)]
    start = time.perf_counter()
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    return serial / (time.perf_counter() - start)


def spread(values: Sequence[float], fmt: str) -> str:
    """The median with the lowest and highest value: ``1.85 [1.80-1.90]``."""
    med, lo, hi = statistics.median(values), min(values), max(values)
    return f"{med:{fmt}} [{lo:{fmt}}-{hi:{fmt}}]"


def verdict(value: float, goal: float, above: bool) -> str:
    """'met' or 'NOT met', for a goal of at least (``above``) or at most ``goal``."""
    return "met" if (value >= goal if above else value <= goal) else "NOT met"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with a 'text' field")
    ap.add_argument("--docs", type=int, default=200, help="documents for the speed runs")
    ap.add_argument("--repeat", type=int, default=4, help="interleaved repetitions")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--long", type=int, default=64, help="articles joined into the long text")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore", category=QuoteattrWarning)

    warm_n = 5
    wanted = args.docs * args.repeat + warm_n
    articles, source = read_texts(args.data, wanted)
    reused = len(articles) < wanted
    warm = articles[-warm_n:]
    if not reused:
        articles = articles[:-warm_n]
    slices = [
        [articles[(r * args.docs + i) % len(articles)] for i in range(args.docs)]
        for r in range(args.repeat)
    ]
    plain = load_pipeline()  # the spaCy model as shipped
    fast = load_pipeline()  # and as quoteattr.load() runs it, without quoteattr's components
    use_fast_ruler(fast)
    nlp = quoteattr.load()
    bs = args.batch_size
    # Parsed as extract_many parses: quoteattr's sentence marks first, then the parse; by a
    # pipeline of its own, so that neither timed pipeline has seen these articles.
    other = load_pipeline()
    other.add_pipe("quoteattr_sentences", before="parser")
    short_docs = list(other.pipe(slices[0][: args.long], batch_size=bs))
    long_text = "\n\n".join(slices[0][: args.long])
    long_doc = other(long_text)
    long_words = words([long_text])
    list(plain.pipe(warm, batch_size=bs))  # warm-up, on articles no repetition times
    list(fast.pipe(warm, batch_size=bs))
    timed_many(nlp, warm, bs, 1)
    kept = quoteattr.Workers(nlp, n_process=2)  # ended with this process
    timed_many(None, warm, bs, 2, kept)
    print(f"data: {source}")
    n_words = statistics.median(words(texts) for texts in slices)
    print(f"{args.repeat} repetitions, each on its own {args.docs} docs (median "
          f"{n_words:,.0f} words); batch size {bs}")  # fmt: skip
    if reused:
        print(f"   (the file has {len(articles)} articles: later repetitions reuse some)")
    print(f"machine: {os.cpu_count()} cores; Python {platform.python_version()}, "
          f"spaCy {spacy.__version__}, {DEFAULT_MODEL} {plain.meta.get('version')}")  # fmt: skip

    docs: list[Any] = []
    times: dict[str, list[float]] = {}
    texts: list[str] = []
    worker_peak_kb = [0]  # the highest peak of one worker process over the runs

    def parse_and_own() -> None:
        # One after the other: own work runs on the Docs of this parse (parsing the texts
        # again first would time the parse on articles its pipeline has seen).
        gc.collect()
        start = time.perf_counter()
        docs[:] = list(plain.pipe(texts, batch_size=bs))
        times.setdefault("parse", []).append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        for doc in docs:
            extract_doc(doc)
        times.setdefault("own", []).append(time.perf_counter() - start)
        gc.collect()
        start = time.perf_counter()
        for _ in fast.pipe(texts, batch_size=bs):
            pass
        times.setdefault("fast", []).append(time.perf_counter() - start)

    def many(n: int) -> Callable[[], None]:
        def run() -> None:
            whole, steady, peak = timed_many(nlp, texts, bs, n)
            worker_peak_kb[0] = max(worker_peak_kb[0], peak)
            times.setdefault(f"many{n}", []).append(whole)
            times.setdefault(f"many{n} steady", []).append(steady)

        return run

    def kept2() -> None:
        _, steady, peak = timed_many(None, texts, bs, 2, kept)
        worker_peak_kb[0] = max(worker_peak_kb[0], peak)
        times.setdefault("kept2 steady", []).append(steady)

    def new1() -> None:
        # One process with a pipeline loaded for this run, as each worker loads one: the
        # 2-process speed-up against it compares the processes alone, where against
        # ``nlp`` it also counts what that pipeline learnt from the earlier repetitions.
        fresh = load_pipeline()
        use_fast_ruler(fresh)
        fresh.add_pipe("quoteattr_sentences", before="parser")
        fresh.add_pipe("quoteattr")
        _, steady, _ = timed_many(fresh, texts, bs, 1)
        times.setdefault("new1 steady", []).append(steady)

    def length() -> None:
        # Both hold their quotes until the run ends, as the long text's call must: quotes
        # dropped as each article's come (``dropped``) left the collector less to look at,
        # and made the articles 4-5% cheaper than the same work on the long text.
        spent = {"long": 0.0, "short": 0.0, "dropped": 0.0}
        held: list[Any] = []
        for name in ("long", "short", "dropped", "dropped", "short", "long"):  # a drift hits all
            held.clear()
            gc.collect()
            start = time.perf_counter()
            if name == "dropped":
                for doc in short_docs:
                    extract_doc(doc)
            else:
                held.extend(
                    extract_doc(doc) for doc in ([long_doc] if name == "long" else short_docs)
                )
            spent[name] += time.perf_counter() - start
        held.clear()
        for name, seconds in spent.items():
            times.setdefault(name, []).append(seconds)

    def spin() -> None:
        times.setdefault("parallel", []).append(parallelism())

    runs = [parse_and_own, many(1), many(2), kept2, new1, length, spin]
    for r in range(args.repeat):
        texts[:] = slices[r]
        shift = r % len(runs)
        for run in runs[shift:] + runs[:shift]:
            run()
        print(f"   repetition {r + 1} of {args.repeat} done", flush=True)

    t = {k: v for k, v in times.items()}
    n = [words(texts) for texts in slices]
    after_first = [w - words(texts[:1]) for w, texts in zip(n, slices, strict=True)]
    rate = {
        k: [w / s for w, s in zip(n, t[k], strict=True)]
        for k in ("parse", "fast", "many1", "many2")
    }
    steady = {
        k: [w / s for w, s in zip(after_first, t[f"{k} steady"], strict=True)]
        for k in ("many1", "many2", "kept2", "new1")
    }
    own_stock = [100 * o / p for o, p in zip(t["own"], t["parse"], strict=True)]
    own_pct = [100 * o / p for o, p in zip(t["own"], t["fast"], strict=True)]
    ratio = [p / m for p, m in zip(t["parse"], t["many1"], strict=True)]
    ratio_fast = [p / m for p, m in zip(t["fast"], t["many1"], strict=True)]
    up_whole = [a / b for a, b in zip(t["many1"], t["many2"], strict=True)]
    up = [b / a for a, b in zip(steady["many1"], steady["kept2"], strict=True)]
    up_cold = [b / a for a, b in zip(steady["many1"], steady["many2"], strict=True)]
    up_new = [b / a for a, b in zip(steady["new1"], steady["many2"], strict=True)]
    per_day = [r * 86_400 / WORDS_PER_ARTICLE for r in steady["kept2"]]
    per_day_cold = [r * 86_400 / WORDS_PER_ARTICLE for r in steady["many2"]]
    by_length = [lo / sh for lo, sh in zip(t["long"], t["short"], strict=True)]
    by_length_dropped = [lo / sh for lo, sh in zip(t["long"], t["dropped"], strict=True)]

    print("\nwords/s, median [lowest-highest] over the repetitions")
    print(f"   parse alone (nlp.pipe, 1 process)           {spread(rate['parse'], ',.0f')}")
    print(f"   the same, quoteattr's attribute ruler       {spread(rate['fast'], ',.0f')}")
    print(f"   extract_many, 1 process                     {spread(rate['many1'], ',.0f')}")
    print(f"   extract_many, 2 processes, whole call       {spread(rate['many2'], ',.0f')}")
    print(f"   extract_many, 1 process, after 1st result   {spread(steady['many1'], ',.0f')}")
    print(f"   extract_many, 2 processes, after 1st result {spread(steady['many2'], ',.0f')}")
    print(f"   extract_many, 1 process, new pipeline, after 1st {spread(steady['new1'], ',.0f')}")
    print(f"   Workers kept, 2 processes, after 1st result {spread(steady['kept2'], ',.0f')}")
    print("\nratios within each repetition, median [lowest-highest]")
    med = statistics.median
    print(f"   own work (extract_doc on parsed Docs), % of the parse with quoteattr's ruler: "
          f"{spread(own_pct, '.2f')}  goal <= 3%: {verdict(med(own_pct), 3.0, False)}")  # fmt: skip
    print(f"   the same, % of the parse of the model as shipped: {spread(own_stock, '.2f')}")
    print(f"   extract_many / nlp.pipe words/s, 1 process: {spread(ratio, '.3f')}"
          f"  goal >= 0.97: {verdict(med(ratio), 0.97, True)}")  # fmt: skip
    print(f"   extract_many / nlp.pipe with quoteattr's ruler, 1 process: "
          f"{spread(ratio_fast, '.3f')}")  # fmt: skip
    print(f"   speed-up, 2 processes kept across calls (quoteattr.Workers), after the first "
          f"result: {spread(up, '.2f')}  goal >= 1.8: {verdict(med(up), 1.8, True)}")  # fmt: skip
    print(f"   the same, 2 processes new at each call (extract_many): {spread(up_cold, '.2f')}")
    print(f"   the same, against one process with a pipeline new to this run, as each new "
          f"worker's is: {spread(up_new, '.2f')}")  # fmt: skip
    print(f"   speed-up, 2 processes, whole call (workers' start included): "
          f"{spread(up_whole, '.2f')}")  # fmt: skip
    print(f"   articles a day at the 2-process rate ({WORDS_PER_ARTICLE} words each): "
          f"{spread([d / 1e6 for d in per_day], '.2f')} million"
          f"  goal >= 1.05 million: {verdict(med(per_day), 1.05e6, True)}")  # fmt: skip
    print(f"   the same, 2 processes new at each call: "
          f"{spread([d / 1e6 for d in per_day_cold], '.2f')} million")  # fmt: skip
    print(f"   own work per word, one {long_words:,}-word text / the same {args.long} articles: "
          f"{spread(by_length, '.2f')}"
          f"  goal <= 1.1: {verdict(med(by_length), 1.1, False)}")  # fmt: skip
    print(f"   the same, the articles' quotes dropped as they come: "
          f"{spread(by_length_dropped, '.2f')}")  # fmt: skip
    print(f"   two CPU-bound processes at once / one after the other (2 = two free cores): "
          f"{spread(t['parallel'], '.2f')}")  # fmt: skip
    print("\npeak resident memory")
    print(f"   this process (VmHWM, holding {len(texts)} parsed Docs): "
          f"{rss_kb(os.getpid())[1] / 1024:,.0f} MB")  # fmt: skip
    print(f"   one worker process, highest: {worker_peak_kb[0] / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
