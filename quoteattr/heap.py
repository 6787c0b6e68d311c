"""Freed memory kept for the next batch, in the processes quoteattr owns.

glibc's malloc serves a block above its mmap threshold (128 kB at first, raised as such
blocks are freed) with a fresh mapping that it unmaps again when the block is freed, and
hands the top of its heap back to the system once more than the trim threshold of it is
free. The parse allocates and frees arrays of many sizes on every batch, so the same memory
went back to the system and came again as new pages, each one a page fault: about 137,000 of
them on 200 development articles in one process, against 11,000-21,000 with the settings
here. The command line on the first 200 development articles (``quoteattr extract
first200.jsonl --format jsonl -o out.jsonl --n-process 1``, the model's load included) took
20.8-20.9 s with them and 22.0-22.1 s without, the same output. Blocks of up to 32 MiB (the
most mallopt takes) come from the heap, and up to 1 GiB of free heap is kept, so a process's
resident memory stays near its peak instead of going down between batches.

:func:`keep_freed_memory` sets this in the worker processes of :class:`quoteattr.pool.Pool`
and in the command line. A program that imports quoteattr as a library keeps its own
allocator's settings; it may call the function itself (glibc only; elsewhere it does
nothing).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

__all__ = ["MMAP_THRESHOLD", "TRIM_THRESHOLD", "keep_freed_memory"]

#: Blocks below this come from the heap, not from a mapping of their own (glibc's most).
MMAP_THRESHOLD = 32 * 1024 * 1024
#: Free memory at the top of the heap kept before any goes back to the system.
TRIM_THRESHOLD = 1024 * 1024 * 1024

# mallopt's parameters (malloc.h).
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def keep_freed_memory() -> bool:
    """Sets this process's allocator to keep freed memory (see the module); returns whether
    it could (False where the C library is not glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    if not hasattr(libc, "gnu_get_libc_version"):
        return False  # musl has a mallopt that does nothing
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    # The mmap threshold first: setting it turns glibc's own adjustment of both off.
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
