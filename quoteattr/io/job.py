"""The ``extract`` command as a function: inputs in, an output written, an exit status out.

The command line only parses its arguments into an :class:`ExtractJob` and calls
:func:`run_extract` through :func:`guarded`, which turns what can go wrong into the exit
status and one line on standard error:

====  ==============================================================================
0     every document has its result, none of them an error
1     every document has its result, and some are error records (a file that cannot be
      read, a document that failed); they are in the output and on standard error
2     a usage error or a fatal one: bad options, a missing or tampered model, an output
      that is an input or that another run holds, an output that cannot be written (a
      full disk; a closed pipe, quietly), an internal error (with its traceback)
130   interrupted (Ctrl-C or SIGTERM): what was finished is written; a JSON Lines output
      continues with ``--resume``
====  ==============================================================================

The format is the one asked for, else the one the output's extension means (``-o out.csv``
writes CSV), else the table; a format that contradicts the extension is [E034]. Warnings
(the documents' [W003] language check, a directory's [W005] left-out files, and with
``--warnings`` the quote-mark [W001] and [W002]) and error lines go to standard error above
the progress bar (:mod:`quoteattr.io.progress`), whose total is counted in a thread while
the model loads (:func:`quoteattr.io.records.count_records`).

Resuming (``--resume``) goes by position: the output's first N records must be the results
of the first N inputs, and their ids must agree, record by record ([E028] otherwise); those
inputs are skipped and the rest appended. Repeated ids are allowed (each record has its own
result) but warned about ([W004]).
"""

from __future__ import annotations

import contextlib
import enum
import os
import re
import signal
import sys
import threading
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

import attrs

from ..errors import Errors, QuoteattrError, QuoteattrWarning, Warnings
from ..gender import FirstNames, first_names, with_first_names
from ..model import Quotes
from ..verify import DEFAULT_MODEL
from .formats import (
    DEFAULT_TITLE,
    FORMATS,
    Result,
    output_format,
    render_csv,
    render_json,
    render_jsonl,
    render_table,
)
from .outputs import (
    OutputClosed,
    OutputFailed,
    check_not_an_input,
    is_closed_pipe,
    open_output,
    resumable,
)
from .progress import Progress
from .records import Done, Record, check_encoding, count_records, read_inputs
from .sanitize import terminal

__all__ = [
    "Exit",
    "ExtractJob",
    "Interrupted",
    "guarded",
    "interrupt_note",
    "parse_size",
    "resume_hint",
    "run_extract",
    "sigterm_interrupts",
]


class Exit(enum.IntEnum):
    """The exit statuses of the command line."""

    OK = 0
    DOCUMENTS_FAILED = 1
    FATAL = 2
    INTERRUPTED = 130


class Interrupted(KeyboardInterrupt):
    """SIGTERM, raised where the program is, as Ctrl-C raises KeyboardInterrupt."""


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """Makes SIGTERM raise :class:`Interrupted` (in the main thread), so that a terminated
    run unwinds like an interrupted one: workers stopped, finished results written."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: let the clean-up finish
        raise Interrupted()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)


def parse_size(value: str) -> int:
    """Bytes from a size: ``2G``, ``1.5GB``, ``1500M``, ``512MiB``, ``2000000000``
    (K, M, G and T are powers of 1024).

    Raises:
        QuoteattrError: [E033] for anything else.
    """
    match = _SIZE.fullmatch(value)
    if match is None:
        raise QuoteattrError(Errors.E033.format(value=value))
    number, unit = match.groups()
    return int(float(number) * 1024 ** "_kmgt".index(unit.lower() or "_"))


@attrs.frozen
class ExtractJob:
    """What ``quoteattr extract`` is asked to do (its options, parsed)."""

    inputs: list[str] = attrs.field(factory=lambda: ["-"])
    format: str | None = None  # None: from the output's extension, else the table
    output: str | None = None
    model: str = DEFAULT_MODEL
    title: str = DEFAULT_TITLE
    batch_size: int = 32
    n_process: int = 1
    memory_budget: int | None = None
    progress: bool | None = None
    resume: bool = False
    warnings: bool = False
    profile: str | None = None
    kinds: list[str] | None = None
    categories: list[str] | None = None
    speaker_kinds: list[str] | None = None
    min_confidence: float | None = None
    first_names: bool = False
    encoding: str = "utf-8"


@attrs.define
class _Tally:
    """What the run has done, for the exit status and the last message."""

    written: int = 0
    failed: int = 0
    repeated: int = 0


#: How many repeated ids are named on standard error before the rest are only counted.
_REPEATS_SHOWN = 10


def _watch_ids(records: Iterable[Record], progress: Progress, tally: _Tally) -> Iterator[Record]:
    """Passes the records on, warning [W004] about ids seen before."""
    first: dict[int, int] = {}  # hash of an id -> the position where it first came
    for position, record in enumerate(records, start=1):
        seen = first.setdefault(hash(record.id), position)
        if seen != position:
            tally.repeated += 1
            if tally.repeated <= _REPEATS_SHOWN:
                text = Warnings.W004.format(position=position, id=record.id, first=seen)
                progress.message(f"quoteattr: warning: {terminal(text)}")
        yield record


def _loaded(records: Iterable[Record], progress: Progress) -> Iterator[Record]:
    """The records, telling the progress bar that the model is loaded when the first one is
    asked for (in one process the batch loads the model before it reads a record), so that
    the rate is measured from the first document's parse on, not from the first result."""
    progress.started()
    yield from records


def _skip_done(records: Iterable[Record], done: Done) -> Iterator[Record]:
    """Leaves out the inputs whose results the output file holds, checking their ids."""
    written = done.ids()
    position = 0
    for position, record in enumerate(records, start=1):
        if position > done.count:
            yield record
            continue
        id_there = next(written)
        if id_there != record.id:
            reason = (
                f"its record {position} is {id_there!r}, but input record {position} is "
                f"{record.id!r}"
            )
            raise QuoteattrError(Errors.E028.format(path=done.path, reason=reason))
    if position < done.count:
        reason = f"it holds {done.count} records, the input only {position}"
        raise QuoteattrError(Errors.E028.format(path=done.path, reason=reason))


def _keep_texts(records: Iterable[Record], texts: dict[str, list[str]]) -> Iterator[Record]:
    """Passes the records on, keeping each one's text under its id (the html page shows it)."""
    for r in records:
        texts.setdefault(r.id, []).append(r.text or "")
        yield r


def run_extract(
    job: ExtractJob,
    *,
    stdout: IO[str],
    stderr: IO[str],
    stdin: IO[bytes] | None = None,
) -> int:
    """Runs ``quoteattr extract``: reads the inputs, writes the results, returns the status.

    Errors that end the run are raised (:func:`guarded` turns them into a status); an error
    of one document is its error record, a line on ``stderr``, and status 1.

    Args:
        job: the options.
        stdout: where the output goes without ``job.output``.
        stderr: error lines, warnings and the progress line.
        stdin: what ``-`` reads (default: ``sys.stdin.buffer``).

    Returns:
        :attr:`Exit.OK` or :attr:`Exit.DOCUMENTS_FAILED`.

    Raises:
        QuoteattrError: [E016] for ``--resume`` without a JSON Lines ``--output``, [E026] for
            an output that is an input, [E027] for an output another run holds, [E028] for an
            output written from other inputs, [E002]/[E029] for the model, [E034] for a
            format the output's extension contradicts, [E035] for an unknown encoding, ...
        OSError: when the output cannot be written.
        OutputClosed: when the reader of the output pipe has gone.
        KeyboardInterrupt: when interrupted (:class:`Interrupted` for SIGTERM).
    """
    fmt = output_format(job.format, job.output)  # [E034]
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    job = attrs.evolve(job, format=fmt)
    encoding = check_encoding(job.encoding)  # [E035]
    if job.resume and (fmt != "jsonl" or not job.output):
        raise QuoteattrError(Errors.E016)
    if stdin is None and "-" in job.inputs:
        stdin = sys.stdin.buffer
    if job.output:
        check_not_an_input(job.output, job.inputs, stdin)
    # The filters' values are checked and the first-name table loaded before any document
    # is read or any output opened.
    wanted: dict[str, Any] = {
        "kinds": job.kinds,
        "categories": job.categories,
        "speaker_kinds": job.speaker_kinds,
        "min_confidence": job.min_confidence,
    }
    Quotes().filter(**wanted)  # [E020] for a bad value
    names = first_names() if job.first_names else None  # [E021] without the extra
    progress = Progress(stderr, enabled=job.progress, loading=loading(job))
    tally = _Tally()
    try:
        if progress.active:
            _count_inputs(job.inputs, encoding, progress)
        # Imported here, once the progress bar says what loads: the batch imports spaCy,
        # which takes a second (the command line has not imported it before).
        from ..batch import extract_with

        with (
            open_output(
                job.output, stdout=stdout, streamed=fmt == "jsonl", resume=job.resume
            ) as out,
            warnings.catch_warnings(),
        ):
            _show_warnings(progress, quote_marks=job.warnings)
            records: Iterable[Record] = _watch_ids(
                read_inputs(job.inputs, stdin, encoding=encoding), progress, tally
            )
            if out.done is not None:
                tally.failed += out.done.failed  # earlier failures still fail the run
                progress.skip(out.done.count)
                records = _skip_done(records, out.done)
            texts: dict[str, list[str]] = {}
            if job.format == "html":
                records = _keep_texts(records, texts)
            if job.n_process == 1:
                records = _loaded(records, progress)
            results = extract_with(
                records,
                job.model,
                batch_size=job.batch_size,
                n_process=job.n_process,
                memory_budget=job.memory_budget,
                memory_zone=True,  # this run is the pipeline's only user
                profile=job.profile,
            )
            with contextlib.closing(results):
                chosen = _selected(results, wanted, names)
                for chunk in _render(job, _counted(chosen, progress, tally), texts):
                    out.write(chunk)
    finally:
        if tally.repeated > _REPEATS_SHOWN:
            more = tally.repeated - _REPEATS_SHOWN
            progress.message(f"quoteattr: warning: {more:,} more records repeat an earlier id")
        progress.close()
    return Exit.DOCUMENTS_FAILED if tally.failed else Exit.OK


#: Bytes of JSON Lines counted before the run starts; more are counted in a thread while the
#: model loads, up to :data:`_COUNTED_IN_THREAD` (reading 16 MiB takes about 0.02 s).
_COUNTED_FIRST = 16 * 2**20
_COUNTED_IN_THREAD = 2**30


def _count_inputs(inputs: list[str], encoding: str, progress: Progress) -> None:
    """Gives the progress bar its total: counted at once when the inputs are small, else in a
    thread while the model loads; a total too costly to count stays unknown."""
    with contextlib.suppress(Exception):  # the bar only goes without its total
        total = count_records(inputs, encoding=encoding, limit=_COUNTED_FIRST)
        if total is not None:
            progress.set_total(total)
            return

    def count() -> None:
        with contextlib.suppress(Exception):
            total = count_records(inputs, encoding=encoding, limit=_COUNTED_IN_THREAD)
            if total is not None:
                progress.set_total(total)

    threading.Thread(target=count, name="quoteattr-count", daemon=True).start()


def _show_warnings(progress: Progress, *, quote_marks: bool) -> None:
    """Sends warnings to standard error as ``quoteattr: warning: ...`` lines above the
    progress bar (in a ``warnings.catch_warnings()`` block, which restores the defaults).

    Args:
        progress: where the lines go.
        quote_marks: show the quote-mark warnings [W001] and [W002] too.
    """

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: IO[str] | None = None,
        line: str | None = None,
    ) -> None:
        if issubclass(category, QuoteattrWarning):
            text = f"quoteattr: warning: {message}"
        else:
            text = warnings.formatwarning(message, category, filename, lineno, line).rstrip()
        progress.message(terminal(text))

    warnings.showwarning = show
    # Each document's warning, not only the first of its kind.
    warnings.simplefilter("always", QuoteattrWarning)
    if not quote_marks:
        # An unclosed quote mark is the source's typo, not the user's: over 100,000 articles
        # its warnings would bury the real errors, so they are opt-in.
        warnings.filterwarnings("ignore", message=r"\[W00[12]\]", category=QuoteattrWarning)


def _selected(
    results: Iterable[tuple[str, Any]], wanted: dict[str, Any], names: FirstNames | None
) -> Iterator[tuple[str, Any]]:
    """The results with the filters and the first names applied (errors pass through)."""
    for doc_id, outcome in results:
        if not isinstance(outcome, QuoteattrError):
            outcome = Quotes(outcome).filter(**wanted)
            if names is not None:
                outcome = with_first_names(outcome, names)
        yield doc_id, outcome


def _counted(
    results: Iterable[tuple[str, Any]], progress: Progress, tally: _Tally
) -> Iterator[Result]:
    """The results with errors as messages, each error on stderr, counted."""
    for doc_id, outcome in results:
        failed = isinstance(outcome, QuoteattrError)
        if failed:
            tally.failed += 1
            progress.message(f"quoteattr: {terminal(doc_id)}: {terminal(str(outcome))}")
        progress.update(failed=failed)
        tally.written += 1
        yield doc_id, str(outcome) if failed else outcome


def _render(
    job: ExtractJob, results: Iterator[Result], texts: dict[str, list[str]]
) -> Iterable[str]:
    if job.format == "jsonl":
        return render_jsonl(results)
    if job.format == "json":
        return render_json(results)
    if job.format == "csv":
        return render_csv(results)
    if job.format == "html":
        from .html import render_html  # imports the core, and spaCy

        documents = ((i, texts[i].pop(0), outcome) for i, outcome in results)
        return render_html(documents, title=job.title)
    return render_table(results)


def loading(job: ExtractJob) -> str:
    """What the progress bar says is loading before the first result."""
    workers = f" in {job.n_process} processes" if job.n_process > 1 else ""
    return f"model {job.model}{workers}"


def resume_hint(job: ExtractJob) -> str | None:
    """The output a stopped run can be resumed into (a JSON Lines file), or None."""
    try:
        fmt = output_format(job.format, job.output)
    except QuoteattrError:
        return None
    if fmt == "jsonl" and job.output is not None and resumable(job.output):
        return job.output
    return None


def interrupt_note(job: ExtractJob) -> str:
    """What an interrupted ``extract`` says after "interrupted: ": what is written, and how
    to continue (with ``--resume``, which needs a JSON Lines output file)."""
    path = resume_hint(job)
    if path is not None:
        return (
            "the results finished before it are written; run the same command with --resume "
            f"to continue {path}"
        )
    # Only a JSON Lines file can be continued: a one-shot format (quotes.csv) is renamed into
    # place at the end, and standard output cannot be read back.
    advice = "to continue a run later, write JSON Lines to a file (-o FILE.jsonl) and use --resume"
    if job.output is not None and resumable(job.output):
        return f"nothing is written to {job.output}; {advice}"
    return f"the results finished before it are written; {advice}"


def _quiet_stdout() -> None:
    """Points standard output at the null device, so that the interpreter's last flush does
    not fail again on a closed pipe."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def guarded(
    run: Callable[[], int],
    stderr: IO[str],
    *,
    resume_hint: str | None = None,
    interrupted: str | None = None,
) -> int:
    """Runs a command and turns what ends it early into an exit status and a message.

    Args:
        run: the command; returns its status.
        stderr: where the message goes.
        resume_hint: the output file a JSON Lines run writes, named in the hint to resume.
        interrupted: what Ctrl-C's line says after "interrupted: " (see
            :func:`interrupt_note`); by default what ``resume_hint`` implies.

    Returns:
        the command's status, or :attr:`Exit.FATAL` / :attr:`Exit.INTERRUPTED`.
    """

    def say(text: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            stderr.write(f"quoteattr: {terminal(text)}\n")
            stderr.flush()

    again = f"; run the same command with --resume to continue {resume_hint}" if resume_hint else ""
    try:
        return run()
    except KeyboardInterrupt as err:
        what = "terminated (SIGTERM)" if isinstance(err, Interrupted) else "interrupted"
        if interrupted is None and resume_hint:
            interrupted = f"the results finished before it are written{again}"
        say(f"{what}: {interrupted}" if interrupted else what)
        return Exit.INTERRUPTED
    except QuoteattrError as err:
        say(str(err))
        return Exit.FATAL
    except (OutputClosed, OutputFailed, OSError) as err:
        if is_closed_pipe(err):
            _quiet_stdout()  # the reader has what it wanted: no message
            return Exit.FATAL
        say(f"{err}{again}")
        return Exit.FATAL
    except Exception:
        say("internal error; please report it with this traceback:")
        with contextlib.suppress(OSError, ValueError):
            traceback.print_exc(file=stderr)
        return Exit.FATAL
