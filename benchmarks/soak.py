"""Soak: 20,000 documents through ``quoteattr extract --n-process 2``, killed and resumed at
random, must come out as 20,000 records, in input order, none lost and none twice.

    python benchmarks/soak.py [--docs 20000] [--faults 10] [--seed 15] [--workdir DIR]
    python benchmarks/soak.py --memory-only [--docs 20000]

The documents are short synthetic news paragraphs (a quote, a speaker with a made-up name,
a sentence of filler) whose made-up words are nearly all new, so that every document brings
words the model has never seen (the case where a long-running process's vocabulary grows);
every 500th repeats the id of the one before, to check that resuming goes by position. The
command runs with ``--resume`` into one JSON Lines file; once it has written a random 1 to
2,500 more records, one of these faults hits it:

- SIGKILL of the parent (no clean-up runs: the workers must notice and exit on their own),
- SIGTERM or SIGINT of the parent (it stops its workers and exits 130),
- SIGKILL of one worker (the run goes on: the worker is replaced, its documents redone);

each kind comes in turn, in a random order; after ``--faults`` faults the command runs to
its end. The script then checks the output: records in = records out, the ids in input
order, no record twice, no error record, and the quotes of 300 documents drawn at random
equal to what ``extract_many`` in this process finds.
It prints those counts, the exit statuses, the workers left behind after a killed parent,
and the highest resident memory of the parent and of any worker, sampled every 0.2 s.

Last, memory on novel text without faults: the same documents with two workers (which parse
inside ``nlp.memory_zone()``: their memory should stay flat; the figure is this process's and
both workers' together), in one process as the command line parses (memory zones too), through
``extract_many(memory_zone=True)``, and through ``extract_many`` with a caller's pipeline and
no zone (the default, as the pipeline may be shared with other threads: spaCy's string store
keeps every new word). ``--memory-only`` runs this part alone, on ``--docs`` documents. This
prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

CONSONANTS = "bcdfghjklmnprstvz"
VOWELS = "aeiou"
QUOTES = [
    "We will not accept this",
    "The numbers speak for themselves",
    "Nobody told us anything",
    "It is a good day for the city",
    "We have to win the peace",
    "This was never about money",
]
FILLER = [
    "The council met on Tuesday.",
    "Officials said the vote was delayed.",
    "The plan was announced last week.",
    "Critics called the decision rushed.",
]


def word(rng: random.Random) -> str:
    """A made-up word of three or four syllables, capitalised: nearly every one is new (17 x 5
    letters a syllable give 85**3 + 85**4, about 52 million, words)."""
    syllables = (rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(3, 4)))
    return "".join(syllables).capitalize()


def documents(n: int, seed: int) -> list[dict[str, str]]:
    """``n`` short synthetic documents; every 500th repeats the id of the one before."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        doc_id = f"s{i - 1:05d}" if i % 500 == 499 else f"s{i:05d}"
        who = f"{word(rng)} {word(rng)}"
        text = (
            f"“{rng.choice(QUOTES)}, {word(rng).lower()},” {who} said on {word(rng)} Street. "
            f"{rng.choice(FILLER)} {word(rng)} {word(rng).lower()} the {word(rng).lower()}."
        )
        docs.append({"id": doc_id, "text": text})
    return docs


def rss_kb(pid: int) -> int:
    """A process's resident memory in kB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def workers_of(pid: int) -> list[int]:
    """The worker processes of a process (its children that run multiprocessing's
    spawn_main)."""
    out = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return out
    for task in tasks:
        try:
            kids = (task / "children").read_text().split()
        except OSError:
            continue
        for kid in kids:
            try:
                if b"spawn_main" in Path(f"/proc/{kid}/cmdline").read_bytes():
                    out.append(int(kid))
            except OSError:
                continue
    return out


def alive(pids: list[int]) -> list[int]:
    """Those of the pids that are running (not gone, not zombies)."""
    out = []
    for pid in pids:
        try:
            if "zombie" not in Path(f"/proc/{pid}/status").read_text():
                out.append(pid)
        except OSError:
            continue
    return out


class Watch:
    """Samples the memory of a run (parent and workers) every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.parent_peak = 0
        self.worker_peak = 0
        self.workers_seen: set[int] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            self.parent_peak = max(self.parent_peak, rss_kb(self.pid))
            kids = workers_of(self.pid)
            self.workers_seen.update(kids)
            self.worker_peak = max(self.worker_peak, 0, *(rss_kb(k) for k in kids))

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def lines(path: Path) -> int:
    """How many whole lines a file has (0 when it does not exist)."""
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def run_once(
    cmd: list[str], out: Path, fault: str | None, rng: random.Random, total: int
) -> dict[str, Any]:
    """Runs the command once; the fault hits it after it has written a random 1 to 2,500
    more records (None: it runs to its end)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watch = Watch(proc.pid)
    orphans: list[int] = []

    def wait_for(more: int) -> None:
        target = min(total - 1, lines(out) + more)
        while lines(out) < target and proc.poll() is None:
            time.sleep(0.02)

    if fault is not None:
        wait_for(rng.randint(1, 2500))
        if proc.poll() is None:
            workers = workers_of(proc.pid)
            if fault == "SIGKILL worker" and workers:
                os.kill(rng.choice(workers), signal.SIGKILL)
                # the run goes on: let it write more, then stop it with SIGTERM
                wait_for(rng.randint(1, 1000))
                if proc.poll() is None:
                    proc.send_signal(signal.SIGTERM)
            else:
                sig = {"SIGKILL parent": signal.SIGKILL, "SIGTERM parent": signal.SIGTERM}
                proc.send_signal(sig.get(fault, signal.SIGINT))
                if fault == "SIGKILL parent":
                    proc.wait()
                    deadline = time.monotonic() + 5
                    while alive(workers) and time.monotonic() < deadline:
                        time.sleep(0.05)
                    orphans = alive(workers)
    _, err = proc.communicate()
    watch.stop()
    return {
        "status": proc.returncode,
        "stderr": err.decode(errors="replace").strip(),
        "orphans": orphans,
        "watch": watch,
    }


def check(
    inputs: list[dict[str, str]], out: Path, sample: int, rng: random.Random
) -> dict[str, Any]:
    """Compares the output file with the inputs, and a sample of records with a fresh run."""
    import quoteattr

    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    out_ids = [r["id"] for r in records]
    in_ids = [d["id"] for d in inputs]
    positions = rng.sample(range(min(len(records), len(inputs))), sample)
    warnings.simplefilter("ignore")
    fresh = quoteattr.extract_many([inputs[p]["text"] for p in positions])
    mismatched = sum(
        [q.to_dict() for q in outcome] != records[p].get("quotes")
        for p, (_, outcome) in zip(positions, fresh, strict=True)
    )
    in_order = out_ids == in_ids
    # A record twice would make the output longer than the input and shift every id after
    # it: with the ids in input order and the counts equal, nothing is missing or doubled.
    return {
        "records_in": len(inputs),
        "records_out": len(records),
        "ids_in_order": in_order,
        "missing": max(0, len(inputs) - len(records)),
        "extra": max(0, len(records) - len(inputs)),
        "errors": sum("error" in r for r in records),
        "sample": sample,
        "sample_mismatched": mismatched,
    }


def memory_on_novel_text(inputs: list[dict[str, str]]) -> None:
    """Resident memory every tenth of the documents: this process's and both workers' (two
    processes); then this process's, parsing as the command line does in one process (memory
    zones), with extract_many(memory_zone=True), and with extract_many's default (none)."""
    import quoteattr
    from quoteattr.batch import extract_with

    warnings.simplefilter("ignore")
    texts = [d["text"] for d in inputs]
    step = max(1, len(texts) // 10)
    runs = [
        ("2 processes; this process and both workers",
         lambda: quoteattr.extract_many(texts, n_process=2)),
        ("1 process, as the command line (memory zones); this process",
         lambda: extract_with(texts, memory_zone=True)),
        ("1 process, extract_many(memory_zone=True); this process",
         lambda: quoteattr.extract_many(texts, memory_zone=True)),
        ("1 process, extract_many with a caller's pipeline (no zone); this process",
         lambda: quoteattr.extract_many(texts)),
    ]  # fmt: skip
    for label, run in runs:
        marks = []
        start = time.monotonic()
        for i, _ in enumerate(run(), start=1):
            if i % step == 0 or i == len(texts):
                if label.startswith("2"):
                    kb = sum(rss_kb(p) for p in [os.getpid(), *workers_of(os.getpid())])
                else:
                    kb = rss_kb(os.getpid())
                marks.append((i, kb))
        seconds = time.monotonic() - start
        print(f"\nmemory on novel text, {label}, MB ({seconds:.0f} s):")
        print("   " + ", ".join(f"{i:,}: {kb / 1024:,.0f}" for i, kb in marks))
        first = marks[0][1]
        print(f"   growth from {marks[0][0]:,} documents to the end: "
              f"{(marks[-1][1] - first) / 1024:+,.1f} MB")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--faults", type=int, default=10, help="faults before the run may finish")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--sample", type=int, default=300, help="records checked against a fresh run")
    ap.add_argument("--workdir", type=Path, default=None, help="default: a temporary directory")
    ap.add_argument("--skip-memory", action="store_true", help="no memory run on novel text")
    ap.add_argument("--memory-only", action="store_true", help="only the memory run")
    args = ap.parse_args(argv)
    if args.memory_only:
        memory_on_novel_text(documents(args.docs, args.seed))
        return 0
    # A shell starts a background job with SIGINT ignored, and the runs would inherit that:
    # they must take Ctrl-C as a terminal user's run does.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    rng = random.Random(args.seed)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="quoteattr-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    inputs = documents(args.docs, args.seed)
    source = work / "in.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in inputs), encoding="utf-8")
    out = work / "out.jsonl"
    out.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "quoteattr.cli", "extract", str(source), "--format", "jsonl"]
    cmd += ["-o", str(out), "--n-process", "2", "--resume", "--no-progress"]
    kinds = ["SIGKILL parent", "SIGTERM parent", "SIGINT parent", "SIGKILL worker"]
    plan = (kinds * (args.faults // len(kinds) + 1))[: args.faults]
    rng.shuffle(plan)  # every kind of fault, in a random order
    faults: collections.Counter[str] = collections.Counter()
    statuses: collections.Counter[tuple[str, int]] = collections.Counter()
    orphans = parent_peak = worker_peak = 0
    workers_started: set[int] = set()
    start = time.monotonic()
    print(f"{args.docs:,} documents in {source}; faults: {args.faults}, seed {args.seed}")
    runs = 0
    while True:
        fault = plan[runs] if runs < args.faults else None
        result = run_once(cmd, out, fault, rng, args.docs)
        runs += 1
        watch: Watch = result["watch"]
        parent_peak = max(parent_peak, watch.parent_peak)
        worker_peak = max(worker_peak, watch.worker_peak)
        workers_started |= watch.workers_seen
        orphans += len(result["orphans"])
        label = fault or "none (to the end)"
        faults[label] += 1
        statuses[(label, result["status"])] += 1
        written = lines(out)
        print(f"  run {runs:2}: {label:18} exit {result['status']:4}  {written:6,} records")
        if fault is None:
            if result["status"] not in (0, 1):
                print(f"    stderr: {result['stderr']}")
            if result["status"] in (0, 1) or runs > args.faults + 5:
                break
    seconds = time.monotonic() - start
    print(f"\n{runs} runs in {seconds:.0f} s; exit statuses by fault:")
    for (label, status), n in sorted(statuses.items()):
        print(f"   {label:18} exit {status:4}  x{n}")
    figures = check(inputs, out, min(args.sample, args.docs), rng)
    print("\nrecords in = records out: "
          f"{figures['records_in']:,} in, {figures['records_out']:,} out; "
          f"ids in input order: {figures['ids_in_order']}; missing {figures['missing']}, "
          f"extra (twice) {figures['extra']}; error records {figures['errors']}")  # fmt: skip
    print(f"sample of {figures['sample']} records against a fresh extract_many: "
          f"{figures['sample_mismatched']} differ")  # fmt: skip
    print(f"workers left running 5 s after their parent was SIGKILLed: {orphans}")
    print(f"worker processes started over all runs: {len(workers_started)}")
    print(f"peak resident memory: parent {parent_peak / 1024:,.0f} MB, "
          f"largest worker {worker_peak / 1024:,.0f} MB")  # fmt: skip
    ok = (
        figures["ids_in_order"]
        and figures["missing"] == figures["extra"] == 0
        and figures["sample_mismatched"] == 0
        and orphans == 0
    )
    print("verdict:", "nothing lost, nothing twice, nothing left running" if ok else "FAILED")
    if not args.skip_memory:
        memory_on_novel_text(inputs)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
