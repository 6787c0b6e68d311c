"""One thread for the numeric libraries, in the processes quoteattr owns.

OpenBLAS starts a thread of its own in every process that imports numpy (one per core less
one). spaCy's small models gain nothing from it, and a process with a second thread pays for
it on every allocation (glibc's malloc locks once a process has two): on the development set
the parse ran 11-14% slower. The worker processes of :class:`quoteattr.pool.Pool` and the
command line therefore ask for one thread, unless the environment sets a number already. A
program that imports quoteattr as a library keeps what it has: set
``OPENBLAS_NUM_THREADS=1`` before numpy is imported for the same gain.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

__all__ = ["ONE_THREAD", "one_thread_each", "prefer_one_thread"]

#: The environment variables that set the numeric libraries' thread counts.
ONE_THREAD = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def _unset() -> list[str]:
    return [name for name in ONE_THREAD if name not in os.environ]


@contextlib.contextmanager
def one_thread_each() -> Iterator[None]:
    """Processes started inside ask for one thread for each numeric library (they inherit the
    environment); the variables set here are removed again after."""
    added = _unset()
    for name in added:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def prefer_one_thread() -> bool:
    """For a process quoteattr owns (the command line): one thread for each numeric library,
    when numpy is not imported yet (after, the variables would do nothing) and the
    environment sets no number; returns whether it set them."""
    if "numpy" in sys.modules:
        return False
    for name in _unset():
        os.environ[name] = "1"
    return True
