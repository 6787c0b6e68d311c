"""Many documents at once, and documents longer than the pipeline takes in one piece.

:func:`extract_many` streams ``(id, quotes or error)`` results over ``nlp.pipe``: one result
per input record, in input order, in constant memory. A record that cannot be used and a
document whose processing raises each give an error result for that record only; the stream
goes on.

A text longer than the pipeline's ``nlp.max_length`` is cut into paragraph-aligned chunks
(:mod:`quoteattr.chunks`), each chunk one Doc on its way through the pipe.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs
from spacy.tokens import Doc

from . import pipelines
from .chunks import ChunkQuotes, merge, sentence_count, split_text
from .core.bylines import record_author, with_author
from .core.run import extract_doc
from .errors import Errors, QuoteattrError
from .model import Quote, Quotes
from .pipelines import components
from .texts import lone_surrogate

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["BatchResult", "extract_many"]

#: One record's outcome: its id, and its quotes or the error that kept it from being processed.
BatchResult = tuple[str, list[Quote] | QuoteattrError]

# ---------------------------------------------------------------------------------------------
# extract_many


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
    """One Doc's worth of a record, on its way through ``nlp.pipe``."""

    seq: int  # its place in the stream of pieces: the context passed through nlp.pipe
    id: str
    text: str  # the chunk ("" for a record that is not processed)
    start: int  # where the chunk starts in the record's text
    last: bool  # the record's last piece
    whole: str | None = None  # the record's text, when it has several pieces
    error: QuoteattrError | None = None
    author: str | list[str] | None = None  # the record's byline


@attrs.define
class _Feed:
    """Turns records into pieces for ``nlp.pipe``, remembering the pieces in flight.

    One generator (:meth:`pieces`) serves every ``nlp.pipe`` stream of a run, so that a
    stream started after a broken one goes on where the pieces left off.
    """

    records: Iterator[object]
    nlp: Language
    pending: deque[_Piece] = attrs.field(factory=deque)
    seq: int = 0
    done: bool = False
    failure: BaseException | None = None  # what the records' own iterator raised

    def pieces(self) -> Iterator[tuple[str, int]]:
        """Yields ``(text, seq)`` for nlp.pipe(as_tuples=True), one or more per record."""
        index = 0
        while True:
            try:
                record = next(self.records)
            except StopIteration:
                self.done = True
                return
            except Exception as err:
                self.failure = err
                raise
            got = _record(index, record)
            index += 1
            text = got.text
            if text is None:
                # Goes through the pipe as an empty Doc, so that results keep their order
                # and the pieces in flight stay few whatever the input.
                yield self._add(_Piece(self.seq, got.id, "", 0, True, error=got.error))
                continue
            spans = split_text(text, self.nlp.max_length)
            whole = text if len(spans) > 1 else None
            for k, (s, e) in enumerate(spans):
                last = k == len(spans) - 1
                piece = _Piece(self.seq, got.id, text[s:e], s, last, whole, author=got.author)
                yield self._add(piece)

    def _add(self, piece: _Piece) -> tuple[str, int]:
        self.pending.append(piece)
        self.seq += 1
        return piece.text, piece.seq


def _quote_extension(nlp: Language) -> str | None:
    """The Doc extension the pipeline's quoteattr component fills, if it has one."""
    own = components(nlp)
    return own[0].extension if own else None


def _drop(_name: str, _proc: object, _docs: object, _error: Exception) -> None:
    """A spaCy error handler that lets the failing Docs drop out of ``nlp.pipe``.

    :func:`extract_many` notices the gap (each Doc carries its place in the stream) and
    processes the missing Docs again one by one, which finds the one that fails and its error.
    Module-level so that worker processes can use it.
    """


@contextlib.contextmanager
def _dropping_errors(nlp: Language) -> Iterator[None]:
    """Installs :func:`_drop` as the error handler of the pipeline and of every component
    that takes one, and restores theirs after.

    spaCy 3.8's parser and entity recognizer are Cython classes that cannot store a handler
    (``nlp.set_error_handler`` raises AttributeError on them): they keep raising, which
    breaks the stream in one process (extract_many then redoes the Docs in flight) and drops
    the batch in a worker process (the pipeline's default handler takes it).
    """
    saved = []
    for _, proc in nlp.pipeline:
        getter = getattr(proc, "get_error_handler", None)
        setter = getattr(proc, "set_error_handler", None)
        if getter is None or setter is None:
            continue
        previous = getter()
        try:
            setter(_drop)
        except AttributeError:
            continue
        saved.append((setter, previous))
    default = nlp.default_error_handler
    nlp.default_error_handler = _drop
    try:
        yield
    finally:
        nlp.default_error_handler = default
        for setter, previous in saved:
            setter(previous)


def _guarded(nlp: Language, stream: Iterator[Any]) -> Iterator[Any]:
    """Pulls from ``nlp.pipe`` with errors dropped; between items the pipeline is as it was.

    spaCy reads the handlers when a component starts on the stream (and a worker process when
    it starts), which happens inside ``next``; the caller's own ``nlp(text)`` calls between
    results still raise as usual.
    """
    while True:
        with _dropping_errors(nlp):
            try:
                item = next(stream)
            except StopIteration:
                return
        yield item


def _process_alone(nlp: Language, text: str) -> Doc:
    """Runs the pipeline on one text, calling each component directly so that it raises."""
    doc = nlp.make_doc(text)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@attrs.define
class _Assembler:
    """Turns processed pieces back into one result per record."""

    nlp: Language
    extension: str | None
    chunks: list[ChunkQuotes] = attrs.field(factory=list)
    error: QuoteattrError | None = None

    def add(self, piece: _Piece, doc: Doc | None) -> Iterator[BatchResult]:
        """Takes a piece and its Doc (None when it dropped out of the pipe); yields the
        record's result after its last piece."""
        if piece.error is not None:
            self.error = piece.error
        elif self.error is None:
            try:
                if doc is None:
                    doc = _process_alone(self.nlp, piece.text)
                quotes = self._quotes(doc)
                sentences = sentence_count(doc) if piece.whole is not None else 0
                self.chunks.append(ChunkQuotes(piece.start, quotes, sentences))
            except Exception as err:
                reason = f"{type(err).__name__}: {err}"
                self.error = QuoteattrError(Errors.E015.format(id=piece.id, reason=reason))
        if not piece.last:
            return
        if self.error is not None:
            yield piece.id, self.error
        else:
            quotes, text = self.chunks[0].quotes, piece.text
            if piece.whole is not None:
                quotes, text = merge(piece.whole, self.chunks), piece.whole
            yield piece.id, Quotes(with_author(text, quotes, piece.author))
        self.chunks, self.error = [], None

    def _quotes(self, doc: Doc) -> list[Quote]:
        if self.extension is not None:
            found = doc._.get(self.extension)
            if found is not None:
                return list(found)
        return extract_doc(doc)


def extract_many(
    records: Iterable[object],
    *,
    nlp: Language | None = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[BatchResult]:
    """Finds the quotes of many documents, streaming one result per record in input order.

    Memory stays constant on any number of documents: records are read as ``nlp.pipe``
    needs them and only the documents in flight are held.

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
        batch_size: documents per ``nlp.pipe`` batch.
        n_process: worker processes for ``nlp.pipe``.

    Yields:
        ``(id, quotes)``, or ``(id, error)`` with a :class:`~quoteattr.QuoteattrError`:
        [E014] for a record with no text, whose text is not a str, or whose author is
        neither a str nor a list of str (the record's error for a
        :class:`~quoteattr.io.Record` read with one); [E015] for a document whose
        processing raised. Neither stops the stream.

    Raises:
        QuoteattrError: [E002] when ``nlp`` is None and the default pipeline is not installed.
    """
    pipeline = nlp if nlp is not None else pipelines.load()
    feed = _Feed(iter(records), pipeline)
    pieces = feed.pieces()
    assembler = _Assembler(pipeline, _quote_extension(pipeline))

    def settle(upto: int) -> Iterator[BatchResult]:
        """Pieces before ``upto`` that did not come out of the pipe: redo them one by one."""
        while feed.pending and feed.pending[0].seq < upto:
            yield from assembler.add(feed.pending.popleft(), None)

    while True:
        seq_at_start = feed.seq
        # A generator: closed below, which also stops worker processes.
        stream: Any = pipeline.pipe(
            pieces, as_tuples=True, batch_size=batch_size, n_process=n_process
        )
        try:
            for doc, seq in _guarded(pipeline, stream):
                yield from settle(seq)
                yield from assembler.add(feed.pending.popleft(), doc)
        except Exception:
            # The stream itself broke, not one component on some Docs (the handler takes
            # those): redo the pieces in flight alone, then go on with a new stream.
            if feed.failure is None and feed.seq == seq_at_start and not feed.pending:
                raise  # it broke before taking any input: the pipeline cannot run at all
            yield from settle(feed.seq)
            if feed.failure is not None:
                raise feed.failure from None  # the records' own iterator failed
            if feed.done:
                return
            continue
        finally:
            stream.close()
        yield from settle(feed.seq)
        return
