"""Quotes as a pandas DataFrame: the rows and columns of the CSV output, typed.

One row per quote, and one row per document that failed (only its ``doc_id`` and ``error``),
as the CSV output and :func:`quoteattr.dask.extract_dataframe` give them, so that
``to_dataframe(extract_many(records))`` keeps every document a run was given.

pandas is an optional extra (``pip install "quoteattr[pandas]"``), imported on the first call,
so ``import quoteattr`` never needs it. The row flattening is
:func:`~quoteattr.io.formats.quote_row`, the same as the CSV output's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..errors import Errors, QuoteattrError
from ..model import CueCategory, Quote, QuoteKind, SpeakerKind
from .formats import CSV_COLUMNS, quote_row

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DATAFRAME_COLUMNS", "FRAME_DTYPES", "to_dataframe"]

#: The DataFrame's columns: the CSV output's, ``error`` last (None on a quote's row).
DATAFRAME_COLUMNS = CSV_COLUMNS

_CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": tuple(k.value for k in QuoteKind),
    "speaker_kind": tuple(k.value for k in SpeakerKind),
    "cue_category": tuple(c.value for c in CueCategory),
}

#: The dtype of each column, by name: the kinds ``category`` (over every value of their enum),
#: offsets and ``quote_index`` nullable ``Int64`` (a failed document's row has none),
#: ``confidence`` ``Float64``, the rest ``string``. :mod:`quoteattr.dask` uses the same.
FRAME_DTYPES: dict[str, str] = {
    name: (
        "category"
        if name in _CATEGORIES
        else "Int64"
        if name in ("quote_index", "start", "end") or name.endswith(("_start", "_end"))
        else "Float64"
        if name == "confidence"
        else "string"
    )
    for name in DATAFRAME_COLUMNS
}

#: One document's outcome as :func:`quoteattr.extract_many` and the readers give it: its
#: quotes, or the error (an exception or its message) that kept it from being processed.
Outcome = Sequence[Quote] | BaseException | str

Pairs = Iterable[tuple[str, Outcome]]


def _pandas() -> ModuleType:
    try:
        import pandas
    except ImportError as err:
        raise ImportError(Errors.E011.format(reason=err)) from err
    return pandas


def _bad(reason: str) -> QuoteattrError:
    return QuoteattrError(Errors.E013.format(reason=reason))


def _rows(items: Iterable[Any], doc_id: str | None) -> Iterator[dict[str, Any]]:
    """Flattens bare quotes (one document) or ``(doc_id, quotes)`` pairs, never a mix."""
    form = None
    index = 0
    for item in items:
        if isinstance(item, Quote):
            if form == "pairs":
                raise _bad("a Quote among (doc_id, quotes) pairs")
            form = "quotes"
            yield quote_row(doc_id, index, item)
            index += 1
            continue
        if not (isinstance(item, tuple) and len(item) == 2):
            raise _bad(f"got a {type(item).__name__}")
        if form == "quotes":
            raise _bad("a (doc_id, quotes) pair among Quote objects")
        if doc_id is not None:
            raise _bad("doc_id= is for a single document's quotes, the pairs carry their own")
        form = "pairs"
        name, quotes = item
        if isinstance(quotes, BaseException | str):
            # A document that failed keeps its row, as in the CSV output and the dask frame:
            # a run over 1,000 articles with one bad record still gives a table of all 1,000.
            yield {"doc_id": str(name), "error": str(quotes)}
            continue
        if not isinstance(quotes, Iterable):
            raise _bad(f"document {name!r} has a {type(quotes).__name__}, not quotes")
        for i, q in enumerate(quotes):
            if not isinstance(q, Quote):
                raise _bad(f"document {name!r} holds a {type(q).__name__}, not a Quote")
            yield quote_row(str(name), i, q)


def to_dataframe(
    quotes: Iterable[Quote] | Pairs | Mapping[str, Outcome],
    *,
    doc_id: str | None = None,
) -> pd.DataFrame:
    """Returns the quotes as a DataFrame, one row per quote and per failed document.

    The columns are :data:`DATAFRAME_COLUMNS` (the CSV output's), as
    :func:`~quoteattr.io.formats.quote_row` fills them, with the dtypes of
    :data:`FRAME_DTYPES`: ``kind``, ``speaker_kind``, ``cue_category`` categorical over every
    value of their enum; offsets and ``quote_index`` Int64 (missing as ``<NA>``);
    ``confidence`` Float64; the rest ``string``. A document that failed (its outcome an
    exception or an error message, as :func:`quoteattr.extract_many` and the readers give
    it) is one row with only ``doc_id`` and ``error``; ``frame[frame.error.isna()]`` keeps
    the quotes. A document without quotes has no row.

    Args:
        quotes: one document's quotes; or ``(doc_id, quotes or error)`` pairs (what
            :func:`quoteattr.extract_many` yields), or a mapping doc_id -> quotes or error,
            for many documents (``quote_index`` counts within each).
        doc_id: the ``doc_id`` of every row of one document's quotes (default: missing).

    Returns:
        the DataFrame, indexed 0, 1, ...; no rows give an empty one with the same columns
        and dtypes.

    Raises:
        ImportError: [E011] when pandas is not installed.
        QuoteattrError: [E013] for anything but quotes or pairs (or a mix of both), a pair
            holding something other than quotes or an error, or ``doc_id`` given with pairs.
    """
    pandas = _pandas()
    items: Iterable[Any] = quotes.items() if isinstance(quotes, Mapping) else quotes
    rows = list(_rows(items, doc_id))
    columns = {}
    for name in DATAFRAME_COLUMNS:
        values = [row.get(name) for row in rows]
        dtype: Any = FRAME_DTYPES[name]
        if name in _CATEGORIES:
            dtype = pandas.CategoricalDtype(categories=_CATEGORIES[name])
        columns[name] = pandas.Series(values, dtype=dtype)
    frame: pd.DataFrame = pandas.DataFrame(columns)
    return frame
