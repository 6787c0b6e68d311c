"""The quote-mark warnings [W001] and [W002] name the document and its offset, and point at
the user's line whatever path raised them (issue 14: they said no document and pointed at
quoteattr's component.py)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pytest

import quoteattr
from quoteattr.errors import QuoteattrWarning, outside_stacklevel

UNCLOSED = "He said “oops.\n\nThe minister said: “We will win.”"
OPEN_AT = 8  # the “ of "“oops."


def caught(call: Callable[[], object]) -> list[warnings.WarningMessage]:
    """The quote-mark warnings a call raises."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        call()
    return [w for w in record if str(w.message).startswith(("[W001]", "[W002]"))]


def where(record: list[warnings.WarningMessage]) -> list[tuple[str, str]]:
    """Each warning's start (up to its context) and the file it points at."""
    return [(str(w.message).split(" is not closed")[0], w.filename) for w in record]


@pytest.mark.model
@pytest.mark.parametrize("path", ["extract", "nlp", "nlp.pipe"])
def test_a_single_text_warns_at_the_callers_line(nlp: Any, path: str) -> None:
    """extract(text), nlp(text) and nlp.pipe (the component) warn at this file's line,
    without a document id (they have none)."""
    calls: dict[str, Callable[[], object]] = {
        "extract": lambda: quoteattr.extract(UNCLOSED, nlp=nlp),
        "nlp": lambda: nlp(UNCLOSED),
        "nlp.pipe": lambda: list(nlp.pipe([UNCLOSED])),
    }
    assert where(caught(calls[path])) == [(f"[W002] Quote opened at offset {OPEN_AT}", __file__)]


@pytest.mark.model
def test_extract_many_names_the_document(nlp: Any) -> None:
    """extract_many names each document a warning is about, and points at the loop."""
    records = [("fine", "“Yes,” he said."), ("doc-7", UNCLOSED)]
    assert where(caught(lambda: list(quoteattr.extract_many(records, nlp=nlp)))) == [
        (f"[W002] Quote opened at offset {OPEN_AT} of document 'doc-7'", __file__)
    ]


@pytest.mark.model
def test_to_dataframe_of_extract_many_points_at_the_callers_line(nlp: Any) -> None:
    """Consumed inside quoteattr (to_dataframe), the warning still points at the user's line."""
    pytest.importorskip("pandas")
    record = caught(
        lambda: quoteattr.to_dataframe(quoteattr.extract_many([("d", UNCLOSED)], nlp=nlp))
    )
    assert where(record) == [(f"[W002] Quote opened at offset {OPEN_AT} of document 'd'", __file__)]


@pytest.mark.model
def test_a_chunked_document_gives_offsets_into_the_whole_text(
    small_max_length: Any, seed_text: str
) -> None:
    """A quote mark left open in a later chunk of a long document is at its offset in the
    whole document (not in the chunk), through extract and extract_many alike."""
    text = seed_text + "\n\n" + UNCLOSED
    at = len(seed_text) + 2 + OPEN_AT
    expected = f"[W002] Quote opened at offset {at}"
    whole = caught(lambda: quoteattr.extract(text, nlp=small_max_length))
    many = caught(lambda: list(quoteattr.extract_many([("long", text)], nlp=small_max_length)))
    assert (where(whole), where(many)) == (
        [(expected, __file__)],
        [(f"{expected} of document 'long'", __file__)],
    )


def test_outside_stacklevel_skips_quoteattr_frames() -> None:
    """Called from this file the level is 1: this frame is the user's."""
    assert outside_stacklevel() == 1


@pytest.mark.model
def test_a_filter_by_code_still_silences_one_warning(nlp: Any) -> None:
    """The documented filter on the message's code works on the new messages."""
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", message=r"\[W002\]", category=QuoteattrWarning)
        list(quoteattr.extract_many([("d", UNCLOSED)], nlp=nlp))
    assert [str(w.message)[:6] for w in record if issubclass(w.category, QuoteattrWarning)] == []
