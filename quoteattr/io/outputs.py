"""Where results are written, safely: never over an input, one writer at a time, whole files.

- :func:`check_not_an_input`: ``-o`` naming an input file (the same file under any name: a
  symbolic or hard link, or standard input redirected from it) is [E026], before anything is
  opened for writing; truncating it first would destroy the input before it is read.
- :func:`open_output` for JSON Lines (the format ``--resume`` continues) writes into the file
  itself, each record flushed as it is written, under an exclusive lock (``flock``): a second
  run on the same file is [E027] instead of writing every record again. A killed run leaves
  whole records and at most one cut line, which :func:`quoteattr.io.records.read_done`
  repairs.
- :func:`open_output` for the one-shot formats (JSON, CSV, the table, HTML) writes a
  temporary file beside the target and renames it over the target at the end: a run that
  stops early leaves the old file as it was, never half a file.
- Standard output and other files that are not regular files (a pipe, ``/dev/full``) are
  written directly, each piece flushed; a reader that closed the pipe (``| head``) is
  :class:`OutputClosed`.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO

from ..errors import Errors, QuoteattrError
from .records import Done, read_done

__all__ = [
    "Output",
    "OutputClosed",
    "OutputFailed",
    "check_not_an_input",
    "is_closed_pipe",
    "lock",
    "open_output",
    "resumable",
]


class OutputClosed(Exception):
    """The reader of the output (a pipe) has gone: nothing more can be written."""


class OutputFailed(Exception):
    """The output cannot be written (a full disk, say); the message names it and why."""


def _same(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def check_not_an_input(output: str, inputs: Sequence[str], stdin: IO[bytes] | None) -> None:
    """Refuses an output file that is one of the inputs.

    Args:
        output: the output path.
        inputs: the input paths (``-`` is standard input).
        stdin: standard input, to compare when ``-`` is an input.

    Raises:
        QuoteattrError: [E026] when the output is an input's file.
    """
    try:
        target = os.stat(output)
    except OSError:
        return  # a file that does not exist yet is no input
    if not stat.S_ISREG(target.st_mode):
        return  # /dev/stdout, a pipe: reading and writing do not clobber each other
    for path in inputs:
        try:
            if path == "-":
                if stdin is None:
                    continue
                other = os.fstat(stdin.fileno())
            else:
                other = os.stat(path)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            continue
        if _same(target, other):
            name = "standard input" if path == "-" else path
            raise QuoteattrError(Errors.E026.format(output=output, input=name))


def lock(fd: int, path: str) -> None:
    """Takes the exclusive lock of an open file, or raises [E027] when another process
    holds it (POSIX ``flock``; where there is none, no lock is taken)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise QuoteattrError(Errors.E027.format(path=path)) from None


class Output:
    """A place to write text to, a piece at a time.

    Attributes:
        done: for a resumed JSON Lines file, what the earlier run wrote (else None).
    """

    def __init__(
        self, stream: IO[str], name: str, *, flush: bool, done: Done | None = None
    ) -> None:
        self.stream = stream
        self.name = name
        self.flush = flush
        self.done = done

    def write(self, text: str) -> None:
        """Writes a piece (flushed for a streamed output).

        Raises:
            OutputClosed: when the reader of a pipe has gone.
            OutputFailed: when the piece cannot be written (a full disk, say).
        """
        try:
            self.stream.write(text)
            if self.flush:
                self.stream.flush()
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as err:
            raise OutputFailed(f"cannot write {self.name}: {err.strerror or err}") from err


def _regular_or_absent(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True


def _mode(path: str) -> int:
    """The permission bits a file written at ``path`` should have: the existing file's, else
    what ``open`` would give (0666 less the umask)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(path).st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def _closing(stream: IO[str], path: str, *, sync: bool = False) -> Iterator[IO[str]]:
    """Closes a stream at the end: when all went well, its last flush (and ``fsync``) may
    fail with [OutputFailed]; after an error, closing is quiet, so that the first error is
    the one reported."""
    try:
        yield stream
    except BaseException:
        with contextlib.suppress(OSError):
            stream.close()
        raise
    try:
        stream.flush()
        if sync:
            os.fsync(stream.fileno())
        stream.close()
    except OSError as err:
        with contextlib.suppress(OSError):
            stream.close()
        raise OutputFailed(f"cannot write {path}: {err.strerror or err}") from err


@contextlib.contextmanager
def _streamed(path: str, resume: bool) -> Iterator[Output]:
    """A JSON Lines file written in place, locked, each record flushed."""
    regular = _regular_or_absent(path)
    if resume and not regular:
        raise QuoteattrError(Errors.E016)
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
    fd = os.open(path, flags, 0o666)
    try:
        if regular:
            lock(fd, path)
        done = read_done(path) if resume else None
        if regular and not resume:
            os.ftruncate(fd, 0)  # only now: the lock is ours
        stream = open(fd, "w", encoding="utf-8", newline="", closefd=False)  # noqa: SIM115
        with _closing(stream, path):
            yield Output(stream, path, flush=True, done=done)
    finally:
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def _atomic(path: str) -> Iterator[Output]:
    """A file written whole: into a temporary file beside it, renamed over it at the end."""
    folder, name = os.path.split(os.path.abspath(path))
    fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
    try:
        stream = open(fd, "w", encoding="utf-8", newline="")  # noqa: SIM115
        with _closing(stream, path, sync=True):
            yield Output(stream, path, flush=False)
        os.chmod(temp, _mode(path))
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


@contextlib.contextmanager
def _direct(path: str) -> Iterator[Output]:
    """A file that is not a regular file (a pipe, a device): written as it is."""
    stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    with _closing(stream, path):
        yield Output(stream, path, flush=True)


@contextlib.contextmanager
def open_output(
    path: str | None, *, stdout: IO[str], streamed: bool, resume: bool = False
) -> Iterator[Output]:
    """Opens where the results go.

    Args:
        path: the output file, or None for ``stdout``.
        stdout: standard output.
        streamed: the format is JSON Lines: written in place and locked (else a one-shot
            format, written whole through a temporary file).
        resume: continue the JSON Lines file an earlier run wrote (``Output.done`` says
            what it holds; a cut last line is removed first).

    Raises:
        QuoteattrError: [E027] when another run holds the file's lock; [E016] when asked to
            resume into something that is not a regular file.
        OSError: when the file cannot be opened.
    """
    if path is None:
        yield Output(stdout, "standard output", flush=True)
    elif streamed:
        with _streamed(path, resume) as out:
            yield out
    elif _regular_or_absent(path):
        with _atomic(path) as out:
            yield out
    else:
        with _direct(path) as out:
            yield out


def resumable(path: str | None) -> bool:
    """Whether ``--resume`` can continue this output: a regular file, or none yet."""
    return path is not None and _regular_or_absent(path)


def is_closed_pipe(err: BaseException) -> bool:
    """Whether an error says the reader of a pipe has gone."""
    return isinstance(err, OutputClosed) or (isinstance(err, OSError) and err.errno == errno.EPIPE)
