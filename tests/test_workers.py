"""quoteattr.Workers: worker processes kept from one stream to the next (issue 16).

On the stand-in pipeline of ``tests/standin.py``, as the fault tests run, so that workers
start in about two seconds.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from typing import Any

import pytest

import quoteattr
from quoteattr import QuoteattrError
from quoteattr.batch import extract_many

from . import standin
from .test_faults import FINE, GRUMBLE, LATER, alive, gone_within, outcomes

pytestmark = pytest.mark.faults

TEXTS = [FINE, LATER, GRUMBLE, FINE + "\n\n" + LATER] * 3


@pytest.fixture(scope="module")
def faulty() -> Any:
    return standin.standin("test_faults")


def plain(results: list[Any]) -> list[Any]:
    """Each result's id and quote texts, or its error message."""
    return [(i, [q.text for q in o] if isinstance(o, list) else str(o)) for i, o in results]


def test_streams_share_the_workers_and_give_extract_manys_results(faulty: Any) -> None:
    """Three streams run on the same two processes, and each gives what extract_many gives,
    error records included."""
    expected = plain(list(extract_many(TEXTS, nlp=faulty, n_process=2, batch_size=3)))
    with quoteattr.Workers(faulty, n_process=2) as workers:
        pids = sorted(workers.pids)
        got = [plain(list(workers.extract_many(TEXTS, batch_size=3))) for _ in range(3)]
        after = sorted(workers.pids)
    assert (len(pids), after, got) == (2, pids, [expected] * 3)
    assert "[E015]" in str(expected[2][1])  # the grumbling text is an error record
    assert gone_within(pids, 10)


def test_a_second_stream_while_one_is_open_is_refused(faulty: Any) -> None:
    """[E040] for a stream started while another is open; the open one goes on unharmed."""
    with quoteattr.Workers(faulty, n_process=2) as workers:
        first = workers.extract_many(TEXTS, batch_size=2)
        head = next(first)
        with pytest.raises(QuoteattrError, match=r"\[E040\] These Workers run another stream"):
            next(workers.extract_many([FINE]))
        rest = list(first)
        again = plain(list(workers.extract_many([FINE])))
    assert (plain([head, *rest]), again) == (
        plain(list(extract_many(TEXTS, nlp=faulty, batch_size=2))),
        [("0", ["“Fine,”"])],
    )


def test_an_early_stop_ends_the_workers_and_the_next_stream_starts_new_ones(
    faulty: Any,
) -> None:
    """Closing a stream in the middle ends its workers within seconds (their batches are
    not waited for); the next stream runs on new workers and loses nothing."""
    slow = [f"“Quote {i},” Smith said. SLEEP:0.3" for i in range(40)]
    with quoteattr.Workers(faulty, n_process=2) as workers:
        old = workers.pids
        stream = workers.extract_many(slow, batch_size=4)
        next(stream)
        stream.close()
        between = workers.pids
        results = outcomes(list(workers.extract_many(TEXTS[:4])))
        new = workers.pids
    assert (gone_within(old, 10), between, len(new), set(new) & set(old), results) == (
        True,
        [],
        2,
        set(),
        [1, 1, "[E015] 2: processing failed: RuntimeError: cannot cope.", 2],
    )


def test_a_worker_killed_between_streams_is_replaced(faulty: Any) -> None:
    """A worker that died while idle (killed from outside) costs the next stream nothing."""
    with quoteattr.Workers(faulty, n_process=2) as workers:
        list(workers.extract_many([FINE]))
        victim = workers.pids[0]
        os.kill(victim, signal.SIGKILL)
        assert gone_within([victim], 10)
        results = outcomes(list(workers.extract_many([FINE] * 10, batch_size=2)))
    assert results == [1] * 10


def test_closed_workers_refuse_streams_and_leave_no_process(faulty: Any) -> None:
    """After close(), the workers are gone and a new stream is [E040]; a stream left open
    across close() raises [E040] at its next batch instead of waiting for ever."""
    workers = quoteattr.Workers(faulty, n_process=2)
    pids = workers.pids
    open_stream = workers.extract_many([FINE] * 20, batch_size=1)
    next(open_stream)
    workers.close()
    with pytest.raises(QuoteattrError, match=r"\[E040\] These Workers were closed"):
        list(open_stream)
    with pytest.raises(QuoteattrError, match=r"\[E040\] These Workers are closed"):
        next(workers.extract_many([FINE]))
    assert (gone_within(pids, 10), multiprocessing.active_children()) == (True, [])


def test_dropping_the_workers_ends_them(faulty: Any) -> None:
    """Workers nobody closed end when the object is garbage-collected."""
    workers = quoteattr.Workers(faulty, n_process=2)
    pids = workers.pids
    del workers
    gc.collect()
    assert (gone_within(pids, 10), alive(pids)) == (True, [])
