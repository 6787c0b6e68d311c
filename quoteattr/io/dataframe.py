"""Quotes as a pandas DataFrame: one row per quote, the columns of the CSV output.

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

__all__ = ["DATAFRAME_COLUMNS", "to_dataframe"]

#: The DataFrame's columns: the CSV columns without ``error`` (a DataFrame row is a quote).
DATAFRAME_COLUMNS = tuple(c for c in CSV_COLUMNS if c != "error")

_INTS = ("quote_index", "start", "end")
_OPTIONAL_INTS = ("mention_start", "mention_end", "cue_start", "cue_end")
_CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": tuple(k.value for k in QuoteKind),
    "speaker_kind": tuple(k.value for k in SpeakerKind),
    "cue_category": tuple(c.value for c in CueCategory),
}

Pairs = Iterable[tuple[str, Sequence[Quote]]]


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
        if isinstance(quotes, str):
            raise _bad(f"document {name!r} has an error record ({quotes}); leave it out first")
        for i, q in enumerate(quotes):
            if not isinstance(q, Quote):
                raise _bad(f"document {name!r} holds a {type(q).__name__}, not a Quote")
            yield quote_row(str(name), i, q)


def to_dataframe(
    quotes: Iterable[Quote] | Pairs | Mapping[str, Sequence[Quote]],
    *,
    doc_id: str | None = None,
) -> pd.DataFrame:
    """Returns the quotes as a DataFrame, one row per quote.

    The columns are :data:`DATAFRAME_COLUMNS` (the CSV columns without ``error``), as
    :func:`~quoteattr.io.formats.quote_row` fills them. Dtypes: ``quote_index``, ``start``,
    ``end`` int64; the cue and mention offsets Int64 (missing as ``<NA>``); ``kind``,
    ``speaker_kind``, ``cue_category`` categorical over every value of their enum; the
    ``confidence`` float64; the rest ``string``.

    Args:
        quotes: one document's quotes; or ``(doc_id, quotes)`` pairs, or a mapping
            doc_id -> quotes, for many documents (``quote_index`` counts within each).
        doc_id: the ``doc_id`` of every row of one document's quotes (default: missing).

    Returns:
        the DataFrame; no quotes give an empty one with the same columns and dtypes.

    Raises:
        ImportError: [E011] when pandas is not installed.
        QuoteattrError: [E013] for anything but quotes or pairs (or a mix of both), a pair
            holding an error message, or ``doc_id`` given with pairs.
    """
    pandas = _pandas()
    items: Iterable[Any] = quotes.items() if isinstance(quotes, Mapping) else quotes
    rows = list(_rows(items, doc_id))
    columns = {}
    for name in DATAFRAME_COLUMNS:
        values = [row[name] for row in rows]
        if name in _CATEGORIES:
            dtype: Any = pandas.CategoricalDtype(categories=_CATEGORIES[name])
        elif name in _INTS:
            dtype = "int64"
        elif name in _OPTIONAL_INTS:
            dtype = "Int64"
        elif name == "confidence":
            dtype = "float64"
        else:
            dtype = "string"
        columns[name] = pandas.Series(values, dtype=dtype)
    frame: pd.DataFrame = pandas.DataFrame(columns)
    return frame
