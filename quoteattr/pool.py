"""Batches of texts through a spaCy pipeline: in this process, or in worker processes the
library owns.

:func:`run_batch` parses a batch the way ``nlp.pipe`` does (each component over the whole
batch), but without touching the pipeline's error handlers: when a component raises, the
batch is done again text by text, each component called on its own, which finds the text that
fails and its error. Nothing of the caller's pipeline changes, so threads may share it.

:class:`Pool` runs batches in worker processes started with ``spawn``. spaCy's own
``nlp.pipe(n_process=2)`` joins workers that are blocked on a full queue, so a consumer that
stops early (``break``, ``close()``, a full disk, a closed pipe, Ctrl-C) waits forever, and a
killed parent leaves its workers running. Here:

- each worker loads the pipeline once (by model name and component config through
  :func:`quoteattr.pipelines.load`, so the default model is verified in each; any other
  pipeline is sent pickled), parses and extracts, and sends back quote dicts
  (``Quote.to_dict()``) or an error for each text, never Docs, with the warnings it raised;
- the parent sends each worker a few units of a batch at a time, which it parses as one
  batch (the next when it sends them back; never more than its share of the units waiting,
  so that the end of a run is shared out), over pipes of its own, so a worker reads its pipe
  whenever it is sent something and neither side waits on the other; a worker runs one
  thread, and its numeric libraries one each (a second thread in a process made the parse
  11-14% slower), and keeps the memory it frees for the next batch (:mod:`quoteattr.heap`);
- :meth:`Pool.close` ends the workers within seconds whatever they are doing (SIGTERM, then
  SIGKILL), and a worker whose parent dies exits at once on Linux (the kernel kills it), and
  elsewhere when it next reads or writes its pipe;
- a worker that dies (killed, out of memory) is replaced; the texts of the batch it was
  parsing are parsed again one by one, and a text that takes a second worker with it becomes
  an error (``Failed(died=True)``); the batches it had not started are sent elsewhere;
- after its first 200,000 characters (which fill spaCy's tokenizer cache, filled only
  outside a zone), a worker parses each unit inside ``nlp.memory_zone()``, so the strings of
  novel text do not pile up in a long-running worker.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from . import pipelines
from .chunks import sentence_count
from .component import DOCUMENT_KEY
from .core.bylines import with_author
from .core.confidence import ConfidenceModel
from .core.layout import TEXT_KEY
from .core.lexicon import Lexicons, confidence_model
from .core.run import extract_doc
from .errors import Errors, QuoteattrError, outside_stacklevel
from .heap import keep_freed_memory
from .model import Profile, Quote
from .pipelines import DEFAULT_MODEL, components
from .threads import one_thread_each

__all__ = ["Failed", "Found", "Outcome", "Pool", "Source", "Task", "describe_exit", "run_batch"]


@attrs.frozen
class Task:
    """One text to parse: whether to count its sentences (a chunk of a longer text), the
    id of its document and where the text starts in it, which the quote-mark warnings name
    (:data:`quoteattr.component.DOCUMENT_KEY`), and the byline of a whole document, whose
    writer is its "I" (:func:`quoteattr.core.bylines.with_author`)."""

    text: str
    count: bool = False
    id: str | None = None
    start: int = 0
    author: str | tuple[str, ...] | None = None


#: Units of one batch a worker is sent at once, parsed as one batch, while enough wait for
#: every worker: a batch of 32 articles parsed 2-5% faster than four of 8 (and takes about
#: four times the memory, as in one process; the memory budget sized the batch). A worker
#: is sent nothing more until it sends them back (a wait of a millisecond or so against
#: seconds of parsing), and never more than its share of the units waiting: units held in
#: advance could not go to the other worker, which then sat idle at the end of a run while
#: this one parsed them (about 6% of a 200-article run on two workers).
_GROUP = 4
#: Batches submitted and not yet collected, per worker: enough units wait in the pool that
#: a worker always finds one when it is done.
_JOBS_PER_WORKER = 2
#: Texts a unit holds at most. A submitted batch goes to the workers in units this small, so
#: that the last of a run is shared out: 32 articles of 13,000 to 32,000 words in one unit
#: left one worker parsing alone at the end of each batch (units go in groups of up to
#: ``_GROUP`` while many wait).
_UNIT = 8
#: Characters a worker parses outside a memory zone before it parses each unit inside one.
#: spaCy's tokenizer caches how it split a chunk ("said," -> "said" ",") only outside a
#: zone, so a worker that parsed everything in zones split every word of every text anew;
#: the first 200,000 characters (about 50 articles) fill the cache with the common words of
#: the run, and the strings they leave behind are a bounded one-time cost.
_UNZONED = 200_000
#: prctl's request for a signal when the parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1
#: Seconds a worker gets to exit after it is asked to (pipe closed, or SIGTERM).
_GRACE = 3.0
#: Workers that may die in a row before they are ready before the pool gives up.
_FAILED_STARTS = 3


@attrs.frozen
class Found:
    """A text's quotes (Quote objects in this process, ``to_dict()`` dicts from a worker),
    its sentence count (0 unless asked for) and, for a chunk, the confidence model its
    quotes were scored with, to score again the quotes the byline names once the chunks are
    joined."""

    quotes: list[Any]
    sentences: int = 0
    model: ConfidenceModel | None = None


@attrs.frozen
class Failed:
    """Why a text has no quotes: the exception its processing raised, or how the worker
    processes that parsed it died (``died``)."""

    reason: str
    died: bool = False


Outcome = Found | Failed


# ---------------------------------------------------------------------------------------------
# One batch, in this process


def _reason(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}"


@attrs.frozen
class _Finder:
    """Where a parsed Doc's quotes come from: the quoteattr component's extension, or
    :func:`~quoteattr.core.run.extract_doc` with these lexicons and profile (when the
    pipeline has no component, or one of another profile, or the component is the last of
    the pipeline; a skipped component does not run)."""

    extension: str | None
    skip: frozenset[str] = frozenset()
    lexicons: Lexicons | None = None
    profile: Profile = Profile.CLAIMS

    @classmethod
    def of(cls, nlp: Language, profile: Profile | None) -> _Finder:
        own = components(nlp)
        if own and (profile is None or own[0].profile == profile):
            last, proc = nlp.pipeline[-1]
            if proc is own[0]:
                # Nothing after the component reads what it sets: the same call it makes,
                # here, gives its Quotes without their round trip through to_dict() and
                # from_dict() (0.3% of the parse on the development set).
                return cls(None, frozenset({last}), own[0].lexicons, own[0].profile)
            return cls(own[0].extension, frozenset(), own[0].lexicons, own[0].profile)
        names = frozenset(name for name, proc in nlp.pipeline if proc in own)
        lexicons = own[0].lexicons if own else None
        return cls(None, names, lexicons, profile if profile is not None else Profile.CLAIMS)

    @property
    def model(self) -> ConfidenceModel:
        """The confidence model the quotes are scored with."""
        return confidence_model(self.lexicons, self.profile)


def _make_doc(nlp: Language, task: Task) -> Doc:
    """The task's Doc, not yet parsed, with its document's id and start for the component."""
    doc = nlp.make_doc(task.text)
    doc.user_data[TEXT_KEY] = task.text  # the stages read it instead of rebuilding doc.text
    if task.id is not None:
        doc.user_data[DOCUMENT_KEY] = (task.id, task.start)
    return doc


def _parse(nlp: Language, tasks: Sequence[Task], skip: frozenset[str] = frozenset()) -> list[Doc]:
    """Runs every component over the batch, as ``nlp.pipe`` does in one process (but those
    of ``skip``)."""
    docs = [_make_doc(nlp, task) for task in tasks]
    for name, proc in nlp.pipeline:
        if name in skip:
            continue
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=max(1, len(docs))))
        else:
            docs = [proc(doc) for doc in docs]
    if len(docs) != len(tasks):
        # A component whose own error handler drops failing Docs (the caller set it).
        raise RuntimeError(f"{len(tasks) - len(docs)} Docs dropped out of the batch")
    return docs


def _outcome(doc: Doc, task: Task, finder: _Finder, plain: bool) -> Outcome:
    """A parsed Doc's quotes (dicts when ``plain``), or the error that finding them raised."""
    extension = finder.extension
    try:
        data = doc._.get(f"{extension}_data") if extension is not None else None
        if data is not None and task.author is None:
            quotes: list[Any] = list(data) if plain else [Quote.from_dict(d) for d in data]
        else:
            if data is not None:  # the component's quotes, found without the byline
                found = [Quote.from_dict(d) for d in data]
                found = with_author(task.text, found, task.author, finder.model)
            else:
                found = extract_doc(
                    doc,
                    finder.lexicons,
                    author=task.author,
                    profile=finder.profile,
                    doc_id=task.id,
                    start=task.start,
                )
            quotes = [q.to_dict() for q in found] if plain else list(found)
        if task.count:  # a chunk: the byline is read once the chunks are joined
            return Found(quotes, sentence_count(doc), finder.model)
        return Found(quotes)
    except Exception as err:
        return Failed(_reason(err))


def _alone(nlp: Language, task: Task, finder: _Finder, plain: bool) -> Outcome:
    """One text through the pipeline, each component called directly, so that it raises."""
    try:
        doc = _make_doc(nlp, task)
        for name, proc in nlp.pipeline:
            if name not in finder.skip:
                doc = proc(doc)
    except Exception as err:
        return Failed(_reason(err))
    return _outcome(doc, task, finder, plain)


def run_batch(
    nlp: Language,
    tasks: Sequence[Task],
    *,
    plain: bool = False,
    profile: Profile | None = None,
) -> list[Outcome]:
    """Parses a batch and finds each text's quotes; one outcome per task, in order.

    The components run over the whole batch; when one raises (spaCy 3.8's parser fails a
    whole batch for one bad Doc), the batch is done again text by text, so only the text
    that fails gets a :class:`Failed`. The pipeline's error handlers are left as they are.

    Args:
        nlp: the pipeline (with or without the quoteattr component).
        tasks: the texts, each with its document's id and start when known.
        plain: give quotes as ``Quote.to_dict()`` dicts (to send to another process).
        profile: what counts as a quote; None: the quoteattr component's profile (claims
            without one).

    Returns:
        a :class:`Found` or :class:`Failed` for each task.
    """
    finder = _Finder.of(nlp, profile)
    try:
        docs = _parse(nlp, tasks, finder.skip)
    except Exception:
        return [_alone(nlp, task, finder, plain) for task in tasks]
    return [_outcome(doc, task, finder, plain) for doc, task in zip(docs, tasks, strict=True)]


# ---------------------------------------------------------------------------------------------
# Where a worker gets its pipeline


@attrs.frozen
class Source:
    """How a worker gets its pipeline: by model name and component config (loaded and cached
    by :func:`quoteattr.pipelines.load`), or the pipeline itself, pickled."""

    model: str | None = DEFAULT_MODEL
    config: str = "{}"  # the component config, as JSON
    pickled: bytes | None = None
    profile: Profile | None = None  # the profile asked for (None: the component's)

    @classmethod
    def of(cls, nlp: Language | None, profile: Profile | None = None) -> Source:
        """The source of a pipeline: its model and config when :func:`quoteattr.load` loaded
        it (and it was not changed since), else the pipeline pickled.

        Raises:
            QuoteattrError: [E032] when the pipeline cannot be pickled.
        """
        if nlp is None:
            return cls(profile=profile)
        key = pipelines.key_of(nlp)
        if key is not None:
            return cls(key[0], json.dumps(key[1], sort_keys=True), profile=profile)
        try:
            return cls(None, pickled=pickle.dumps(nlp), profile=profile)
        except Exception as err:
            hint = (
                "load it with quoteattr.load(model, config=...), make its components "
                "picklable, or use n_process=1"
            )
            raise QuoteattrError(Errors.E032.format(reason=_reason(err), hint=hint)) from err

    def open(self) -> Language:
        """The pipeline (in the worker)."""
        if self.pickled is not None:
            nlp: Language = pickle.loads(self.pickled)
            return nlp
        assert self.model is not None
        return pipelines.load(self.model, config=json.loads(self.config))


# ---------------------------------------------------------------------------------------------
# The worker process


def _send(conn: Connection, message: object) -> None:
    try:
        conn.send(message)
    except OSError:
        os._exit(0)  # the parent is gone: nobody is left to read the results


def _receive(tasks: Connection) -> Any:
    """The parent's next message; exits the process when the parent is gone."""
    try:
        return tasks.recv()
    except (EOFError, OSError):
        os._exit(0)  # the parent died (SIGKILL, or it closed the pipe without a word)


def _die_with_parent() -> None:
    """Asks Linux to kill this worker when its parent dies, also in the middle of a parse
    (elsewhere the worker sees its pipe close when it reads or sends next, after the text it
    parses). A worker whose parent died before the request is made exits at once."""
    if not sys.platform.startswith("linux"):
        return
    parent = multiprocessing.parent_process()
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if parent is not None and os.getppid() != parent.pid:
        os._exit(0)


def _caught(records: list[warnings.WarningMessage]) -> list[tuple[type[Warning], str]]:
    """Warnings as (category, message) pairs that pickle (other categories become
    UserWarning)."""
    out = []
    for w in records:
        category = w.category
        if category.__module__ not in ("builtins", "quoteattr.errors"):
            category = UserWarning
        out.append((category, str(w.message)))
    return out


def _zone_for(
    nlp: Language, tasks: Sequence[Task], unzoned: int
) -> tuple[contextlib.AbstractContextManager[Any], int]:
    """Where a batch is parsed: outside a memory zone while the batch fits in the
    ``unzoned`` characters left (the tokenizer's cache fills), else inside
    ``nlp.memory_zone()``; with the characters left after it."""
    size = sum(len(task.text) for task in tasks)
    if size <= unzoned:
        return contextlib.nullcontext(), unzoned - size
    return nlp.memory_zone(), 0


def _work(tasks: Connection, results: Connection) -> None:
    """A worker process: take its :class:`Source`, load the pipeline, then parse batches
    until told to stop."""
    # Ctrl-C reaches the whole process group; the parent decides what to do about it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    # One thread: the parent sends units only when the worker holds none, so the worker
    # reads its pipe when it is free. A second thread (a listener on the pipe, as here
    # before) made every parse 14% slower: glibc's malloc locks once a process has two.
    # Freed memory stays for the next unit instead of coming back as new pages (.heap).
    keep_freed_memory()
    source: Source = _receive(tasks)
    try:
        nlp = source.open()
    except Exception as err:
        _send(results, ("fatal", str(err) if isinstance(err, QuoteattrError) else _reason(err)))
        return
    _send(results, ("ready", os.getpid(), nlp.max_length))
    unzoned = _UNZONED
    while (group := _receive(tasks)) is not None:
        # Units sent together are parsed as one batch, and sent back one by one.
        _send(results, ("start", [unit_id for unit_id, _ in group]))
        batch = [task for _, unit in group for task in unit]
        zone, unzoned = _zone_for(nlp, batch, unzoned)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with zone:
                outcomes = run_batch(nlp, batch, plain=True, profile=source.profile)
        raised = _caught(caught)
        at = 0
        for unit_id, unit in group:
            _send(results, ("done", unit_id, outcomes[at : at + len(unit)], raised))
            raised, at = [], at + len(unit)


# ---------------------------------------------------------------------------------------------
# The parent's side


def describe_exit(code: int | None) -> str:
    """How a process ended, from its exit code (negative: the signal that killed it)."""
    if code is None:
        return "it did not exit"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == signal.SIGKILL:
            return f"killed by {name}, as the out-of-memory killer does"
        return f"killed by {name}"
    return f"exit status {code}"


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignores SIGINT while a worker starts, so that it starts ignoring it (an ignored signal
    stays ignored across exec): Ctrl-C is the parent's to handle, and a worker still
    importing spaCy would print a traceback. Only the main thread may change handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


@attrs.define
class _Unit:
    """Tasks of one job, sent to a worker together."""

    id: int
    job: int
    indices: list[int]
    tasks: list[Task]
    alone: bool = False  # a text a worker died on: parsed with no other


@attrs.define
class _Job:
    """A batch as submitted: its outcomes so far, and how often each task's worker died."""

    outcomes: list[Outcome | None]
    left: int
    deaths: list[int]


@attrs.define(eq=False)
class _Worker:
    process: BaseProcess
    tasks: Connection  # parent -> worker
    results: Connection  # worker -> parent
    units: dict[int, _Unit] = attrs.field(factory=dict)  # sent, in the order sent
    started: set[int] = attrs.field(factory=set)  # the units it is parsing
    ready: bool = False
    broken: bool = False  # a send failed: it is dying


def _joins(first: _Unit, other: _Unit) -> bool:
    """Whether ``other`` may be sent to a worker with ``first``, to be parsed in one batch."""
    return first.job == other.job and not (first.alone or other.alone)


def _reap(worker: _Worker) -> None:
    """Waits for a worker that was told to end or has died, kills it if it has not ended
    within the grace time, and closes its pipes."""
    worker.process.join(_GRACE)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(_GRACE)
    for conn in (worker.tasks, worker.results):
        conn.close()


class Pool:
    """Worker processes that parse batches of texts and send back their quotes.

    Use it as a context manager, or call :meth:`close`. One thread uses a pool at a time.

    Args:
        source: where workers get their pipeline.
        processes: how many workers.
    """

    def __init__(self, source: Source, processes: int) -> None:
        self.source = source
        self.processes = max(1, processes)
        self.max_length: int | None = None
        self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []
        self._jobs: dict[int, _Job] = {}
        self._waiting: deque[_Unit] = deque()
        self._finished: deque[tuple[int, list[Outcome]]] = deque()
        self._unit_ids = 0
        self._failed_starts = 0

    @property
    def capacity(self) -> int:
        """How many batches may be submitted and not yet collected."""
        return _JOBS_PER_WORKER * self.processes

    @property
    def pids(self) -> list[int]:
        """The process ids of the live workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self.close(graceful=kind is None)

    def start(self) -> None:
        """Starts the workers and waits until each has loaded its pipeline.

        Raises:
            QuoteattrError: a worker's load error ([E002], [E029], ...), or [E031] when
                workers keep dying before they are ready.
        """
        # All started before any is sent its source, so that they import in parallel.
        started = [self._spawn(send=False) for _ in range(self.processes)]
        for worker in started:
            self._send_source(worker)
        while not all(w.ready for w in self._workers):
            self._wait()

    def submit(self, job: int, tasks: Sequence[Task]) -> None:
        """Sends a batch to the workers; :meth:`collect` gives its outcomes."""
        if not tasks:
            self._finished.append((job, []))
            return
        self._jobs[job] = _Job([None] * len(tasks), len(tasks), [0] * len(tasks))
        for first in range(0, len(tasks), _UNIT):
            indices = list(range(first, min(first + _UNIT, len(tasks))))
            self._waiting.append(self._unit(job, indices, [tasks[i] for i in indices]))
        self._dispatch()

    def collect(self) -> tuple[int, list[Outcome]]:
        """Waits for a submitted batch to be done; returns its job number and outcomes.

        Warnings the workers raised while parsing it are raised again here.
        """
        while not self._finished:
            if not self._jobs:
                raise RuntimeError("collect() with no batch submitted")
            self._wait()
        return self._finished.popleft()

    def close(self, *, graceful: bool = False) -> None:
        """Ends every worker within seconds and waits for them.

        Args:
            graceful: let the workers finish what they hold and exit on their own (for the
                end of a run); otherwise they are terminated at once.
        """
        workers, self._workers = self._workers, []
        if graceful:
            for w in workers:
                with contextlib.suppress(OSError):
                    w.tasks.send(None)
            deadline = time.monotonic() + _GRACE
            for w in workers:
                w.process.join(max(0.0, deadline - time.monotonic()))
        for w in workers:
            if w.process.is_alive():
                w.process.terminate()
        for w in workers:
            _reap(w)
        self._jobs.clear()
        self._waiting.clear()

    # -- internals -----------------------------------------------------------------------------

    def _unit(
        self, job: int, indices: list[int], tasks: list[Task], *, alone: bool = False
    ) -> _Unit:
        self._unit_ids += 1
        return _Unit(self._unit_ids, job, indices, tasks, alone)

    def _spawn(self, *, send: bool = True) -> _Worker:
        tasks_r, tasks_w = self._context.Pipe(duplex=False)
        results_r, results_w = self._context.Pipe(duplex=False)
        # The source goes through the worker's pipe, not in Process's arguments: a pickled
        # pipeline is megabytes, and multiprocessing writes the arguments into a pipe whose
        # reading end the parent itself holds open until the write ends, so a worker that
        # dies before reading them all (a script without a __main__ guard) hung the parent.
        process = self._context.Process(
            target=_work,
            args=(tasks_r, results_w),
            name="quoteattr-worker",
            daemon=True,
        )
        with _sigint_ignored(), one_thread_each():
            process.start()
        # Only the worker holds these ends now: when it dies, the parent reads EOF, and
        # when the parent dies, the worker does.
        tasks_r.close()
        results_w.close()
        worker = _Worker(process, tasks_w, results_r)
        self._workers.append(worker)
        if send:
            self._send_source(worker)
        return worker

    def _send_source(self, worker: _Worker) -> None:
        try:
            worker.tasks.send(self.source)
        except OSError:
            worker.broken = True  # it died already; _wait buries it

    def _dispatch(self) -> None:
        """Sends waiting units to the idle workers: up to ``_GROUP`` at once, and no more
        than a worker's share of those waiting."""
        while self._waiting:
            worker = next((w for w in self._workers if not w.broken and not w.units), None)
            if worker is None:
                return
            share = max(1, min(_GROUP, len(self._waiting) // len(self._workers)))
            group = [self._waiting.popleft()]
            # Units of one batch only, which the memory budget allowed to be parsed at once;
            # a text a worker died on goes alone, so that it takes no other text with it.
            while len(group) < share and _joins(group[0], self._waiting[0]):
                group.append(self._waiting.popleft())
            for unit in group:
                worker.units[unit.id] = unit
            try:
                worker.tasks.send([(unit.id, unit.tasks) for unit in group])
            except OSError:
                worker.broken = True  # it died; _wait buries it and sends the units again

    def _wait(self) -> None:
        """Waits for any worker to send something or to die, and deals with it."""
        handles: dict[Any, _Worker] = {}
        for w in self._workers:
            handles[w.results] = w
            handles[w.process.sentinel] = w
        for handle in wait(list(handles)):
            worker = handles[handle]
            if worker not in self._workers:
                continue  # buried already, through its other handle
            if not self._read(worker) or handle is worker.process.sentinel:
                self._bury(worker)

    def _read(self, worker: _Worker) -> bool:
        """Handles every message the worker has sent; False once its pipe is closed."""
        try:
            while worker.results.poll():
                self._handle(worker, worker.results.recv())
        except (EOFError, OSError):
            return False
        return True

    def _handle(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            self.max_length = message[2]
            self._failed_starts = 0
        elif kind == "fatal":
            reason = message[1]
            raise QuoteattrError(
                reason if reason.startswith("[E") else Errors.E031.format(reason=reason)
            )
        elif kind == "start":
            worker.started = set(message[1])
        elif kind == "done":
            _, unit_id, outcomes, caught = message
            unit = worker.units.pop(unit_id)
            worker.started.discard(unit_id)
            for category, text in caught:
                # At the user's line, as the same warning in one process is.
                warnings.warn(text, category, stacklevel=outside_stacklevel())
            for index, outcome in zip(unit.indices, outcomes, strict=True):
                self._settle(unit.job, index, outcome)
            self._dispatch()

    def _settle(self, job_id: int, index: int, outcome: Outcome) -> None:
        job = self._jobs[job_id]
        job.outcomes[index] = outcome
        job.left -= 1
        if job.left == 0:
            del self._jobs[job_id]
            self._finished.append((job_id, [o for o in job.outcomes if o is not None]))

    def _bury(self, worker: _Worker) -> None:
        """A worker died: its texts go elsewhere, the one it was parsing alone, and a new
        worker takes its place."""
        self._workers.remove(worker)
        _reap(worker)
        how = describe_exit(worker.process.exitcode)
        if not worker.ready:
            self._failed_starts += 1
            if self._failed_starts >= _FAILED_STARTS:
                reason = (
                    f"{_FAILED_STARTS} died in a row before they were ready ({how}); a "
                    "script that runs extract_many with n_process > 1 must do so under "
                    "`if __name__ == '__main__'`"
                )
                raise QuoteattrError(Errors.E031.format(reason=reason))
        again: list[_Unit] = []
        for unit in worker.units.values():
            if unit.id not in worker.started:
                again.append(unit)  # not started: nothing to blame it for
                continue
            job = self._jobs[unit.job]
            for index, task in zip(unit.indices, unit.tasks, strict=True):
                job.deaths[index] += 1
                if job.deaths[index] >= 2:
                    self._settle(unit.job, index, Failed(how, died=True))
                else:
                    # Alone, so that a text that kills its worker takes no other with it.
                    again.append(self._unit(unit.job, [index], [task], alone=True))
        self._waiting.extendleft(reversed(again))
        # Always a replacement, also while starting: a pool left with no worker would wait
        # for ever on nothing. A script without ``if __name__ == "__main__":`` is the common
        # case: each spawned worker re-runs it and dies before it is ready, and the third
        # death in a row is [E031] instead of a hang.
        self._spawn()
        self._dispatch()
