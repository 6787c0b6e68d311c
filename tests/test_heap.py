"""quoteattr.heap: freed memory kept for the next batch (issue 16)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# A 20 MiB block, written, freed, then the same again: page faults of the second round.
# glibc maps a block that size afresh each time (its threshold rises to the size of the
# block freed, and a block that size is mapped again), so each round faults in every page;
# with the heap kept, the second round reuses the first round's pages.
SCRIPT = """
import ctypes, resource, sys
from quoteattr.heap import keep_freed_memory
kept = keep_freed_memory() if sys.argv[1] == "keep" else False
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
size = 20 * 1024 * 1024
def round_trip():
    block = libc.malloc(size)
    ctypes.memset(block, 1, size)
    libc.free(block)
round_trip()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
round_trip()
print(kept, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def faults(mode: str) -> tuple[bool, int]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True
    ).stdout.split()
    return out[0] == "True", int(out[1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_kept_memory_is_reused_without_page_faults() -> None:
    """The second 20 MiB round faults in every page (5,120) by default and almost none once
    the heap is kept; mallopt took both settings (it refuses an mmap threshold above
    32 MiB)."""
    pages = 20 * 1024 * 1024 // 4096
    (set_, kept), (_, default) = faults("keep"), faults("default")
    assert (set_, kept < pages // 20, default > pages // 2) == (True, True, True), (kept, default)
