"""Peak memory of a 3 MB article under a memory budget, with the default model.

Each configuration runs in a fresh process of its own (so that its peak is its own), where a
thread samples the resident memory of the process and of its worker processes every 0.1 s
(``/proc``, Linux):

    python benchmarks/bench_memory.py [--size 3000000] [--budget 2G] [--data PATH] [--compare]
    python benchmarks/bench_memory.py --per-char 100000,200000

1. ``extract_many`` in one process under ``--budget``: the process's peak (VmHWM);
2. ``extract_many`` with two processes under the same budget (shared by the two workers):
   the highest sum of the parent's and the workers' resident memory, and each one's peak;
3. with ``--compare``, one process with chunks as long as spaCy's ``max_length`` (1,000,000
   characters), which is what a budget of 4 GiB or more allows: the memory the budget saves.

``--per-char`` measures what the budget is sized from instead: each size's text parsed as one
Doc, in a fresh process, and its peak above the loaded model, per character.

The article is the development set's texts joined by blank lines up to ``--size``
characters (the seed article repeated when the data is absent). This prints figures; it is not
a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-train.jsonl"
SEED = REPO / "seeds" / "nato-iraq-reuters.txt"


def article(data: Path, size: int) -> tuple[str, str]:
    """One long text of ``size`` characters, and where it came from."""
    pieces: list[str] = []
    total = 0
    if data.exists():
        source = f"texts of {data.name} joined by blank lines"
        with data.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    text = json.loads(line)["text"]
                    pieces.append(text)
                    total += len(text) + 2
                    if total >= size:
                        break
    if total < size:
        seed = SEED.read_text(encoding="utf-8")
        source = f"{SEED.name} repeated"
        pieces = [seed] * (size // (len(seed) + 2) + 1)
    return "\n\n".join(pieces)[:size], source


def rss_kb(pid: int) -> tuple[int, int]:
    """A process's resident memory and its peak (VmRSS, VmHWM), in kB; zeros when gone."""
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0
    fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def workers() -> list[int]:
    """This process's worker processes (not multiprocessing's small resource tracker)."""
    out: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        for kid in (task / "children").read_text().split():
            try:
                command = Path(f"/proc/{kid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"spawn_main" in command:
                out.append(int(kid))
    return out


class Sampler:
    """Samples the resident memory of this process and its workers every 0.1 s."""

    def __init__(self) -> None:
        self.peak_sum = 0
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(0.1):
            total = 0
            for pid in [me, *workers()]:
                rss, hwm = rss_kb(pid)
                total += rss
                self.peaks[pid] = max(self.peaks.get(pid, 0), hwm, rss)
            self.peak_sum = max(self.peak_sum, total)


def child(config: str, args: argparse.Namespace) -> dict[str, Any]:
    """Runs one configuration in this process; returns its figures."""
    import quoteattr
    from quoteattr.chunks import chunk_chars, split_text
    from quoteattr.io.job import parse_size

    warnings.simplefilter("ignore")
    text, source = article(args.data, args.size)
    budget = parse_size(args.budget)
    processes = 2 if config == "two" else 1
    if config == "compare":
        budget = 64 * 2**30  # chunks as long as max_length
    nlp = quoteattr.load() if processes == 1 else None
    longest = min(1_000_000, chunk_chars(budget, processes))
    start = time.perf_counter()
    with Sampler() as sampler:
        ((_, quotes),) = list(
            quoteattr.extract_many([text], nlp=nlp, n_process=processes, memory_budget=budget)
        )
    seconds = time.perf_counter() - start
    me = os.getpid()
    return {
        "config": config,
        "source": source,
        "chars": len(text),
        "processes": processes,
        "budget": budget,
        "chunk": longest,
        "chunks": len(split_text(text, longest)),
        "quotes": len(quotes) if isinstance(quotes, list) else str(quotes),
        "seconds": seconds,
        "own_peak_mb": max(rss_kb(me)[1], sampler.peaks.get(me, 0)) / 1024,
        "worker_peaks_mb": sorted(v / 1024 for k, v in sampler.peaks.items() if k != me),
        "tree_peak_mb": sampler.peak_sum / 1024,
    }


def per_char(size: int, data: Path) -> dict[str, Any]:
    """Parses ``size`` characters as one Doc; the peak above the loaded model."""
    import quoteattr

    warnings.simplefilter("ignore")
    text, _ = article(data, size)
    nlp = quoteattr.pipelines.load_pipeline()
    nlp("Warm up. “Yes,” he said.")
    base = rss_kb(os.getpid())[1]
    nlp(text)
    peak = rss_kb(os.getpid())[1]
    return {"size": size, "base_mb": base / 1024, "above_mb": (peak - base) / 1024}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--size", type=int, default=3_000_000, help="characters of the article")
    ap.add_argument("--budget", default="2G", help="the memory budget (2G, 1500M, ...)")
    ap.add_argument("--compare", action="store_true", help="also run without the budget's cut")
    ap.add_argument("--per-char", help="sizes to parse as one Doc each (100000,200000)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        if args.child.startswith("doc:"):
            print(json.dumps(per_char(int(args.child[4:]), args.data)))
        else:
            print(json.dumps(child(args.child, args)))
        return 0
    if args.per_char:
        for size in (int(x) for x in args.per_char.split(",")):
            cmd = [sys.executable, __file__, "--child", f"doc:{size}", "--data", str(args.data)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=True)
            r = json.loads(done.stdout.splitlines()[-1])
            print(
                f"{size:9,} characters as one Doc: peak {r['above_mb']:,.0f} MB above the "
                f"loaded model ({r['base_mb']:,.0f} MB), "
                f"{r['above_mb'] * 2**20 / size / 1000:.2f} kB per character"
            )
        return 0
    configs = ["one", "two"] + (["compare"] if args.compare else [])
    for config in configs:
        cmd = [sys.executable, __file__, "--child", config, "--data", str(args.data)]
        cmd += ["--size", str(args.size), "--budget", args.budget]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        r = json.loads(done.stdout.splitlines()[-1])
        if config == "one":
            print(f"article: {r['chars']:,} characters ({r['source']}); budget {args.budget}")
        label = {
            "one": f"1 process, budget {args.budget}",
            "two": f"2 processes, budget {args.budget} shared",
            "compare": "1 process, chunks of max_length (no budget's cut)",
        }[config]
        print(f"\n{label}: {r['chunks']} chunks of at most {r['chunk']:,} characters")
        print(f"   {r['quotes']:,} quotes in {r['seconds']:.0f} s")
        if r["processes"] == 1:
            print(f"   peak resident memory (VmHWM): {r['own_peak_mb']:,.0f} MB")
        else:
            workers = ", ".join(f"{mb:,.0f}" for mb in r["worker_peaks_mb"])
            print(f"   parent peak {r['own_peak_mb']:,.0f} MB; worker peaks {workers} MB")
            print(f"   highest sum of parent and workers: {r['tree_peak_mb']:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
