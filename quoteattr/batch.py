"""Many documents at once, and documents longer than the pipeline takes in one piece.

:func:`extract_many` streams ``(id, quotes or error)`` results: one result per input record,
in input order, in bounded memory. A record that cannot be used and a document whose
processing raises each give an error result for that record only; the stream goes on.

Records are read as the work needs them and cut into pieces: a text longer than the memory
budget allows (:func:`quoteattr.chunks.chunk_chars`) or than ``nlp.max_length`` is cut into
paragraph-aligned chunks (:mod:`quoteattr.chunks`). Pieces go in batches of at most
``batch_size`` texts and at most that many characters together, parsed here
(:func:`quoteattr.pool.run_batch`) or by worker processes (:class:`quoteattr.pool.Pool`).
The first batch holds one text, so that the first result comes out after one document, not
after a whole batch (a ramp 1, 2, 4, ... cost 7% on 20-document streams for nothing more).
"""

from __future__ import annotations

import json
import os
import warnings
import weakref
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from . import pipelines
from .chunks import ChunkQuotes, chunk_chars, merge, split_text
from .core.bylines import record_author, with_author
from .core.confidence import ConfidenceModel
from .core.language import language_warning
from .core.run import profile_of
from .errors import Errors, QuoteattrError, QuoteattrWarning, outside_stacklevel
from .model import Profile, Quote, Quotes
from .pipelines import DEFAULT_MODEL
from .pool import Failed, Outcome, Pool, Source, Task, run_batch
from .texts import lone_surrogate

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BatchResult", "Workers", "extract_many", "extract_with"]

#: One record's outcome: its id, and its quotes or the error that kept it from being processed.
BatchResult = tuple[str, list[Quote] | QuoteattrError]


@attrs.frozen
class _Input:
    """A record as read: its id, and its text and author or the error that makes it
    unusable."""

    id: str
    text: str | None = None
    author: str | list[str] | None = None
    error: QuoteattrError | None = None


def _record(index: int, record: object) -> _Input:
    """A record's id, text and author, or the error that makes it unusable."""

    def bad(doc_id: str, reason: str) -> _Input:
        return _Input(doc_id, error=QuoteattrError(Errors.E014.format(id=doc_id, reason=reason)))

    def checked(doc_id: str, text: object, author: object = None) -> _Input:
        if not isinstance(text, str):
            if text is None:
                return bad(doc_id, "no 'text' string")
            return bad(doc_id, f"'text' has type {type(text).__name__}, not str")
        error = lone_surrogate(text)
        if error is not None:
            return _Input(doc_id, error=error)
        try:
            return _Input(doc_id, text, record_author(author))
        except ValueError as err:
            return bad(doc_id, str(err))

    if isinstance(record, str):
        return checked(str(index), record)
    if isinstance(record, Mapping):
        raw_id = record.get("id")
        doc_id = str(index) if raw_id is None else str(raw_id)
        return checked(doc_id, record.get("text"), record.get("author"))
    if isinstance(record, tuple | list):
        if len(record) != 2:
            return bad(
                str(index), f"a {type(record).__name__} of {len(record)} items, not (id, text)"
            )
        return checked(str(record[0]), record[1])
    if hasattr(record, "id") and hasattr(record, "text"):  # quoteattr.io.Record and the like
        doc_id = str(record.id)
        error = getattr(record, "error", None)
        if error is not None:
            return _Input(doc_id, error=QuoteattrError(str(error)))
        return checked(doc_id, record.text, getattr(record, "author", None))
    got = type(record).__name__
    return bad(str(index), f"got {got}; expected a str, an (id, text) pair or a dict with 'text'")


@attrs.define
class _Piece:
    """One text's worth of a record: a whole document, or a chunk of a long one."""

    id: str
    text: str  # the chunk ("" for a record that is not processed)
    start: int  # where the chunk starts in the record's text
    last: bool  # the record's last piece
    whole: str | None = None  # the record's text, when it has several pieces
    author: str | list[str] | None = None  # the record's byline
    error: QuoteattrError | None = None  # why the record is not processed
    outcome: Outcome | None = None

    @property
    def settled(self) -> bool:
        return self.error is not None or self.outcome is not None


@attrs.define
class _Feed:
    """Reads records as batches are needed and cuts them into pieces."""

    records: Iterator[object]
    limit: int  # the most characters of one piece, and of one batch
    queued: deque[_Piece] = attrs.field(factory=deque)
    index: int = 0
    ended: bool = False
    failure: Exception | None = None  # what the records' own iterator raised

    @property
    def more(self) -> bool:
        return bool(self.queued) or not self.ended

    def take(self, size: int) -> list[_Piece]:
        """The next pieces: at most ``size``, whose texts hold at most ``limit`` characters
        together (a piece longer than what is left starts the next batch)."""
        batch: list[_Piece] = []
        chars = 0
        while len(batch) < size and (self.queued or self._read()):
            piece = self.queued[0]
            if batch and chars + len(piece.text) > self.limit:
                break
            batch.append(self.queued.popleft())
            chars += len(piece.text)
        return batch

    def _read(self) -> bool:
        """Reads one record into pieces; False when there are no more."""
        if self.ended:
            return False
        try:
            record = next(self.records)
        except StopIteration:
            self.ended = True
            return False
        except Exception as err:
            self.failure = err  # raised after the results of the records before it
            self.ended = True
            return False
        got = _record(self.index, record)
        self.index += 1
        text = got.text
        if text is None:
            self.queued.append(_Piece(got.id, "", 0, True, error=got.error))
            return True
        message = language_warning(text, got.id)  # [W003], naming the record
        if message is not None:
            warnings.warn(message, QuoteattrWarning, stacklevel=outside_stacklevel())
        spans = split_text(text, self.limit)
        whole = text if len(spans) > 1 else None
        for k, (s, e) in enumerate(spans):
            last = k == len(spans) - 1
            self.queued.append(_Piece(got.id, text[s:e], s, last, whole, got.author))
        return True


@attrs.define
class _Assembler:
    """Turns settled pieces back into one result per record, in order."""

    chunks: list[ChunkQuotes] = attrs.field(factory=list)
    error: QuoteattrError | None = None
    model: ConfidenceModel | None = None  # what a long record's chunks were scored with

    def ready(self, pending: deque[_Piece]) -> Iterator[BatchResult]:
        """Yields the results of the records whose pieces at the front are all settled."""
        while pending and pending[0].settled:
            yield from self._add(pending.popleft())

    def _add(self, piece: _Piece) -> Iterator[BatchResult]:
        if piece.error is not None:
            self.error = piece.error
        elif self.error is None:
            outcome = piece.outcome
            if isinstance(outcome, Failed):
                message = Errors.E025 if outcome.died else Errors.E015
                self.error = QuoteattrError(
                    message.format(id=piece.id, reason=outcome.reason, how=outcome.reason)
                )
            elif outcome is not None:
                try:
                    quotes = [
                        q if isinstance(q, Quote) else Quote.from_dict(q) for q in outcome.quotes
                    ]
                except QuoteattrError as err:
                    reason = f"QuoteattrError: {err}"
                    self.error = QuoteattrError(Errors.E015.format(id=piece.id, reason=reason))
                else:
                    self.chunks.append(ChunkQuotes(piece.start, quotes, outcome.sentences))
                    self.model = outcome.model
        if not piece.last:
            return
        if self.error is not None:
            yield piece.id, self.error
        elif piece.whole is None:  # found with its byline (pool.Task.author)
            yield piece.id, Quotes(self.chunks[0].quotes if self.chunks else [])
        else:
            # The writer's "I" is read over the whole text, once its chunks are joined.
            quotes = merge(piece.whole, self.chunks, self.model)
            yield piece.id, Quotes(with_author(piece.whole, quotes, piece.author, self.model))
        self.chunks, self.error, self.model = [], None, None


def _task(piece: _Piece) -> Task:
    """The task of a piece: a whole document carries its byline, a chunk does not."""
    if piece.whole is not None:
        return Task(piece.text, True, piece.id, piece.start)
    author = piece.author if isinstance(piece.author, str | None) else tuple(piece.author)
    return Task(piece.text, False, piece.id, piece.start, author)


class _Runner(Protocol):
    """Where batches are parsed: here, or in a pool of worker processes."""

    @property
    def capacity(self) -> int: ...

    def submit(self, job: int, tasks: Sequence[Task]) -> None: ...

    def collect(self) -> tuple[int, list[Outcome]]: ...

    def close(self, *, graceful: bool = False) -> None: ...


class _Here:
    """Parses each batch in this process, when it is collected (inside a memory zone when
    the pipeline is this run's alone)."""

    capacity = 1

    def __init__(self, nlp: Language, zone: bool = False, profile: Profile | None = None) -> None:
        self.nlp = nlp
        self.zone = zone
        self.profile = profile
        self._queue: deque[tuple[int, Sequence[Task]]] = deque()

    def submit(self, job: int, tasks: Sequence[Task]) -> None:
        self._queue.append((job, tasks))

    def collect(self) -> tuple[int, list[Outcome]]:
        job, tasks = self._queue.popleft()
        if not self.zone:
            return job, run_batch(self.nlp, tasks, profile=self.profile)
        # The strings of the batch's words are freed after it; the quotes are plain objects.
        with self.nlp.memory_zone():
            return job, run_batch(self.nlp, tasks, profile=self.profile)

    def close(self, *, graceful: bool = False) -> None:
        self._queue.clear()


def _stream(
    records: Iterable[object], runner: _Runner, limit: int, batch_size: int
) -> Iterator[BatchResult]:
    """The results of the records, parsed by ``runner``; closes it at the end, early or not."""
    feed = _Feed(iter(records), limit)
    pending: deque[_Piece] = deque()  # every piece read and not yet turned into a result
    jobs: dict[int, list[_Piece]] = {}  # batches submitted and not yet collected
    assembler = _Assembler()
    size = 1  # the first batch is one text, so that the first result comes out at once
    number = 0
    finished = False
    try:
        while True:
            while len(jobs) < runner.capacity and feed.more:
                batch = feed.take(size)
                size = batch_size
                pending.extend(batch)
                work = [p for p in batch if p.error is None]
                if work:
                    tasks = [_task(p) for p in work]
                    runner.submit(number, tasks)
                    jobs[number] = work
                    number += 1
                yield from assembler.ready(pending)
            yield from assembler.ready(pending)
            if not jobs:
                if not feed.more:
                    break
                continue
            done, outcomes = runner.collect()
            for piece, outcome in zip(jobs.pop(done), outcomes, strict=True):
                piece.outcome = outcome
        finished = True
    finally:
        # An early stop (the consumer closed the stream, an exception, Ctrl-C) ends worker
        # processes at once; a finished run lets them exit.
        runner.close(graceful=finished)
    if feed.failure is not None:
        raise feed.failure  # the records' own iterator failed


def _processes(n_process: int) -> int:
    return (os.cpu_count() or 1) if n_process == -1 else max(1, n_process)


def extract_many(
    records: Iterable[object],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    memory_budget: int | None = None,
    profile: Profile | str | None = None,
    memory_zone: bool = False,
) -> Iterator[BatchResult]:
    """Finds the quotes of many documents, streaming one result per record in input order.

    Memory stays bounded on any number of documents: records are read as the work needs
    them and only the documents in flight are held; no batch holds more text than the
    memory budget allows.

    With ``n_process`` above 1, worker processes parse (:class:`quoteattr.pool.Pool`): they
    load the pipeline themselves (a pipeline from :func:`quoteattr.load` by its model and
    config, any other sent pickled), and end within seconds when the stream is closed early,
    raises or is interrupted. A worker that dies has its documents parsed again, each on its
    own; a document that a second worker dies on gets [E025].

    Args:
        records: each one a text (its id is its 0-based position, as a str), an
            ``(id, text)`` pair, or a mapping with ``"text"``, ``"id"`` (the position when
            ``"id"`` is absent) and optionally ``"author"`` (a byline or a list of names:
            the "I" of a one-writer piece is that writer, see
            :func:`quoteattr.entities.with_author`); objects with ``id``, ``text``,
            ``error`` and ``author`` attributes (:class:`quoteattr.io.Record`) are taken too.
        nlp: the pipeline (default: :func:`quoteattr.load`, loaded once per process). With the
            quoteattr component its results are used; without it, the quotes are found in
            the parsed Docs.
        batch_size: the most documents in one batch.
        n_process: processes that parse (-1: one per CPU).
        memory_budget: bytes the parsing may use, all processes together (default: 2 GiB per
            process); it sets the longest text parsed at once
            (:func:`quoteattr.chunks.chunk_chars`).
        profile: what counts as a quote (:class:`~quoteattr.model.Profile`); None: the
            profile of the pipeline's quoteattr component, else ``claims``. When the
            component has another profile, it does not run and the quotes are found with its
            cues under this one.
        memory_zone: in one process, parse each batch inside ``nlp.memory_zone()``, so that
            the strings of new words do not pile up over a long stream of novel text (worker
            processes always do). Only when no other thread uses the pipeline during the run:
            the zone frees the strings of every Doc made meanwhile.

    Yields:
        ``(id, quotes)``, or ``(id, error)`` with a :class:`~quoteattr.QuoteattrError`:
        [E014] for a record with no text, whose text is not a str, or whose author is
        neither a str nor a list of str (the record's error for a
        :class:`~quoteattr.io.Record` read with one); [E024] for a text with a lone
        surrogate; [E015] for a document whose processing raised; [E025] for a document
        two worker processes died on. None of them stops the stream.

    Raises:
        QuoteattrError: [E002] when ``nlp`` is None and the default pipeline is not
            installed ([E029] when it is not the pinned one); [E030] for a memory budget too
            small; [E031] when worker processes cannot start; [E032] for a pipeline that
            cannot be sent to them; [E019] for an unknown profile.
    """
    chosen = profile_of(profile) if profile is not None else None
    if _processes(n_process) == 1:
        pipeline = nlp if nlp is not None else pipelines.load()
        yield from _here(records, pipeline, batch_size, memory_budget, memory_zone, chosen)
    else:
        source = Source.of(nlp, chosen)
        yield from _pooled(records, source, nlp, batch_size, _processes(n_process), memory_budget)


def extract_with(
    records: Iterable[object],
    model: str = DEFAULT_MODEL,
    *,
    config: Mapping[str, Any] | None = None,
    batch_size: int = 32,
    n_process: int = 1,
    memory_budget: int | None = None,
    memory_zone: bool = False,
    profile: Profile | str | None = None,
) -> Generator[BatchResult, None, None]:
    """:func:`extract_many` with the pipeline ``quoteattr.load(model, config=config)``:
    with several processes only the workers load it, so this process does not hold a model.

    Args:
        records: as :func:`extract_many` takes them.
        model: the installed pipeline's name.
        config: the quoteattr component's config.
        batch_size: the most documents in one batch.
        n_process: processes that parse (-1: one per CPU).
        memory_budget: as :func:`extract_many` takes it.
        memory_zone: in one process, parse each batch inside ``nlp.memory_zone()``, so that
            the strings of new words do not pile up over a long run (workers always do).
            Only when no other thread uses the pipeline during the run: the zone frees the
            strings of every Doc made meanwhile (the command line's case).
        profile: what counts as a quote (None: the component config's, else claims).

    Yields:
        the results, as :func:`extract_many` does.
    """
    chosen = profile_of(profile) if profile is not None else None
    if _processes(n_process) == 1:
        pipeline = pipelines.load(model, config=config)
        yield from _here(records, pipeline, batch_size, memory_budget, memory_zone, chosen)
    else:
        config_json = json.dumps(dict(config or {}), sort_keys=True)
        source = Source(model, config_json, profile=chosen)
        yield from _pooled(records, source, None, batch_size, _processes(n_process), memory_budget)


class Workers:
    """Worker processes kept from one stream to the next.

    ``extract_many(..., n_process=2)`` starts its workers at each call, and a new worker
    parses about 5% slower than a pipeline that has parsed before (spaCy's tokenizer cache and
    lexemes fill as it goes): on calls of 200 articles, two new workers made 1.63 times the
    words a second of one process that had parsed the calls before, and two kept ones 1.88
    times (``benchmarks/bench_speed.py``). :class:`Workers` starts them once, for a program
    that calls again and again (a feed read every few minutes, a notebook)::

        with quoteattr.Workers(n_process=2) as workers:
            for day in days:
                for doc_id, outcome in workers.extract_many(day):
                    ...

    Each stream gives what ``extract_many`` gives with the same pipeline, profile and
    budget, and the workers deal with faults as its workers do (:class:`quoteattr.pool.Pool`).
    One stream at a time: a second one started while another is open raises [E040]. A
    stream stopped early (``break``, ``close()``, an exception) ends the workers at once,
    as ``extract_many``'s are ended, and the next stream starts new ones. The workers end at
    :meth:`close`, at the end of the ``with`` block, when the object is garbage-collected,
    and with this process.

    Args:
        nlp: the pipeline, sent to the workers as ``extract_many`` sends it (default: the
            default model, loaded by the workers only).
        n_process: worker processes (-1: one per CPU).
        profile: what counts as a quote, as for ``extract_many``.
        memory_budget: bytes the workers may use together, as for ``extract_many``.

    Raises:
        QuoteattrError: as ``extract_many`` does when its workers start ([E002], [E029],
            [E031], [E032]), and [E019] for an unknown profile.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        n_process: int = -1,
        profile: Profile | str | None = None,
        memory_budget: int | None = None,
    ) -> None:
        chosen = profile_of(profile) if profile is not None else None
        self._source = Source.of(nlp, chosen)
        self._nlp = nlp
        self._processes = _processes(n_process)
        self._memory_budget = memory_budget
        self._pool: Pool | None = None
        self._closed = False
        self._busy = False
        self._start()

    @property
    def pids(self) -> list[int]:
        """The process ids of the live workers (none between an early stop and the next
        stream)."""
        return self._pool.pids if self._pool is not None else []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Ends the workers (within seconds, whatever they are doing); a stream still open
        raises [E040] at its next batch."""
        self._closed = True
        self._stop()

    def extract_many(
        self, records: Iterable[object], *, batch_size: int = 32
    ) -> Iterator[BatchResult]:
        """The results of the records, in input order, one per record, as
        :func:`extract_many` streams them.

        Raises:
            QuoteattrError: [E040] when the workers are closed, or run another stream.
        """
        if self._closed:
            raise QuoteattrError(Errors.E040.format(problem="are closed"))
        if self._busy:
            raise QuoteattrError(
                Errors.E040.format(
                    problem="run another stream: finish or close it before starting a new one"
                )
            )
        self._busy = True
        try:
            if self._pool is None:
                self._start()
            assert self._pool is not None
            runner = _Kept(self, self._pool)
            limit = _pool_limit(self._pool, self._nlp, self._memory_budget)
            yield from _stream(records, runner, limit, max(1, batch_size))
        finally:
            self._busy = False

    def _start(self) -> None:
        pool = _started(self._source, self._processes)
        self._pool = pool
        # Not a reference to self: the workers end when these Workers are collected.
        self._ending = weakref.finalize(self, pool.close)

    def _stop(self, *, graceful: bool = True) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            self._ending.detach()
            pool.close(graceful=graceful)


class _Kept:
    """A :class:`Workers`' pool as a stream's runner: a finished stream leaves it running,
    an early stop ends it."""

    def __init__(self, owner: Workers, pool: Pool) -> None:
        self.owner = owner
        self.pool = pool
        self.capacity = pool.capacity

    def submit(self, job: int, tasks: Sequence[Task]) -> None:
        self._check()
        self.pool.submit(job, tasks)

    def collect(self) -> tuple[int, list[Outcome]]:
        self._check()
        return self.pool.collect()

    def close(self, *, graceful: bool = False) -> None:
        if not graceful and self.owner._pool is self.pool:
            # Batches are still in the workers: end them, as extract_many does.
            self.owner._stop(graceful=False)

    def _check(self) -> None:
        if self.owner._pool is not self.pool:
            raise QuoteattrError(Errors.E040.format(problem="were closed during this stream"))


def _here(
    records: Iterable[object],
    nlp: Language,
    batch_size: int,
    memory_budget: int | None,
    zone: bool = False,
    profile: Profile | None = None,
) -> Iterator[BatchResult]:
    limit = min(nlp.max_length, chunk_chars(memory_budget, 1))
    yield from _stream(records, _Here(nlp, zone, profile), limit, max(1, batch_size))


def _pooled(
    records: Iterable[object],
    source: Source,
    nlp: Language | None,
    batch_size: int,
    processes: int,
    memory_budget: int | None,
) -> Iterator[BatchResult]:
    pool = _started(source, processes)
    limit = _pool_limit(pool, nlp, memory_budget)
    yield from _stream(records, pool, limit, max(1, batch_size))


def _started(source: Source, processes: int) -> Pool:
    """A pool whose workers have loaded their pipeline; none is left when they cannot."""
    pool = Pool(source, processes)
    try:
        pool.start()
    except BaseException:
        pool.close()
        raise
    return pool


def _pool_limit(pool: Pool, nlp: Language | None, memory_budget: int | None) -> int:
    """The longest text a pool's worker parses at once: what the memory budget allows each
    process, and no more than the pipeline's ``max_length`` (the workers' when this process
    holds no pipeline)."""
    limit = chunk_chars(memory_budget, pool.processes)
    longest = nlp.max_length if nlp is not None else pool.max_length
    return min(limit, longest) if longest is not None else limit
