"""Stand-ins for the model, and components that misbehave on purpose (fault injection).

A module of its own, not a test module: worker processes import it when they unpickle a
pipeline built here (``spawn`` workers find it on the parent's ``sys.path``), and the command
line run as a script (``python tests/standin.py extract ...``) registers the stand-in
pipeline before ``quoteattr.cli.main`` loads it.

- ``test_chain_parse``: a parser for big texts at a fraction of the model's cost: each
  paragraph is one sentence, every token hanging on the one before.
- ``test_faults``: does what the text asks for: ``grumbled`` raises RuntimeError("cannot
  cope"); ``KILL-ME`` kills its own process with SIGKILL; ``KILL-ONCE:<path>`` does so only
  when ``<path>`` does not exist yet (and creates it); ``SLEEP:<seconds>`` sleeps.
- ``test_batch_sizes``: records the size of each batch it is given, in :data:`BATCHES` (in
  this process).
"""

from __future__ import annotations

import os
import re
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import numpy
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc

#: ``(texts, characters)`` of each batch ``test_batch_sizes`` was given (a call of its pipe).
BATCHES: list[tuple[int, int]] = []

_SLEEP = re.compile(r"SLEEP:([0-9.]+)")
_KILL_ONCE = re.compile(r"KILL-ONCE:(\S+)")


@Language.component("test_chain_parse")
def chain_parse(doc: Doc) -> Doc:
    """A stand-in parser for big texts: each paragraph is one sentence, every token hanging
    on the one before (a parse, so quoteattr runs, at a fraction of the parser's cost)."""
    arr = numpy.zeros((len(doc), 2), dtype="uint64")
    starts = [i for i in range(len(doc)) if i == 0 or "\n" in doc[i - 1].text_with_ws]
    arr[:, 0] = numpy.uint64(2**64 - 1)  # head offset -1
    arr[:, 1] = doc.vocab.strings.add("dep")
    arr[starts, 0] = 0
    arr[starts, 1] = doc.vocab.strings.add("ROOT")
    doc.from_array([HEAD, DEP], arr)
    return doc


@Language.component("test_faults")
def faults(doc: Doc) -> Doc:
    """Raises, kills its own process or sleeps when the text says so."""
    text = doc.text
    if "grumbled" in text:
        raise RuntimeError("cannot cope")
    once = _KILL_ONCE.search(text)
    if once is not None:
        flag = Path(once.group(1))
        if not flag.exists():
            flag.write_text("killed once", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
    if "KILL-ME" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    sleep = _SLEEP.search(text)
    if sleep is not None:
        time.sleep(float(sleep.group(1)))
    return doc


class BatchSizes:
    """Notes the size of each batch it is given (a component with ``pipe``)."""

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        # As spaCy's trainable components do: batch_size Docs at a time from the stream.
        for batch in spacy.util.minibatch(docs, size=batch_size):
            BATCHES.append((len(batch), sum(len(d.text) for d in batch)))
            yield from batch


@Language.factory("test_batch_sizes")
def make_batch_sizes(nlp: Language, name: str) -> BatchSizes:
    """Builds a BatchSizes (a test component)."""
    return BatchSizes()


def standin(*extra: str) -> Language:
    """A blank English pipeline with the stand-in parser, ``extra`` components, then the
    quoteattr component."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_chain_parse")
    for name in extra:
        nlp.add_pipe(name)
    nlp.add_pipe("quoteattr")
    return nlp


def standin_model(path: Path) -> str:
    """Saves the stand-in pipeline (with ``test_faults``, without quoteattr) to ``path`` for
    ``--model``; returns the path as a str."""
    nlp = spacy.blank("en")
    nlp.add_pipe("test_chain_parse")
    nlp.add_pipe("test_faults")
    nlp.to_disk(path)
    return str(path)


if __name__ == "__main__":
    # The command line with the stand-in components registered (workers import this module as
    # their __main__, so they have them too).
    from quoteattr.cli import main

    sys.exit(main())
