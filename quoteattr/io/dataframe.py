"""Quotes and speakers as pandas DataFrames: the rows and columns of the CSV outputs, typed.

One row per quote, and one row per document that failed (only its ``doc_id`` and ``error``),
as the CSV output and :func:`quoteattr.dask.extract_dataframe` give them, so that
``to_dataframe(extract_many(records))`` keeps every document a run was given; the columns are
the CSV output's and ``speaker_id``, the speaker's row in a
:class:`~quoteattr.corpus.SpeakerTable` when one is given. :func:`speakers_dataframe` gives
the table's rows, one per entity, with the columns of ``quoteattr speakers``' CSV output.

pandas is an optional extra (``pip install "quoteattr[pandas]"``), imported on the first call,
so ``import quoteattr`` never needs it. The row flattening is
:func:`~quoteattr.io.formats.quote_row`, the same as the CSV output's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ..corpus import ROW_COLUMNS, SpeakerRow, SpeakerTable
from ..errors import Errors, QuoteattrError
from ..model import CueCategory, Gender, Quote, QuoteKind, SpeakerKind
from .formats import CSV_COLUMNS, quote_row

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DATAFRAME_COLUMNS",
    "FRAME_DTYPES",
    "SPEAKER_DTYPES",
    "speakers_dataframe",
    "to_dataframe",
]

#: The DataFrame's columns: the CSV output's, with ``speaker_id`` after ``speaker`` (the
#: speaker's row id in a speakers table, when one is given), ``error`` last (None on a
#: quote's row).
DATAFRAME_COLUMNS = (*CSV_COLUMNS[:4], "speaker", "speaker_id", *CSV_COLUMNS[5:])

_CATEGORIES: dict[str, tuple[str, ...]] = {
    "kind": tuple(k.value for k in QuoteKind),
    "speaker_kind": tuple(k.value for k in SpeakerKind),
    "speaker_gender": tuple(g.value for g in Gender),
    "cue_category": tuple(c.value for c in CueCategory),
}

_COUNTS: tuple[str, ...] = ("quotes", "documents", "direct", "indirect", "mixed")
_COUNTS += tuple(c.value for c in CueCategory)


def _dtype(name: str) -> str:
    if name in _CATEGORIES or name in ("gender", "kind"):
        return "category"
    if name in ("quote_index", "attribution", "start", "end", *_COUNTS):
        return "Int64"
    if name.endswith(("_start", "_end")):
        return "Int64"
    return "Float64" if name == "confidence" else "string"


#: The dtype of each column, by name: the kinds and the speaker's gender ``category`` (over
#: every value of their enum), offsets, ``quote_index`` and ``attribution`` nullable
#: ``Int64`` (a failed document's row has none), ``confidence`` ``Float64``, the rest
#: ``string``. :mod:`quoteattr.dask` uses the same.
FRAME_DTYPES: dict[str, str] = {name: _dtype(name) for name in DATAFRAME_COLUMNS}

#: The dtype of each column of :func:`speakers_dataframe`: ``kind`` and ``gender``
#: categorical over their enums, the counts ``Int64``, the rest ``string`` (``variants``
#: joined with " | ", as in the CSV output).
SPEAKER_DTYPES: dict[str, str] = {name: _dtype(name) for name in ROW_COLUMNS}
_SPEAKER_CATEGORIES = {
    "kind": tuple(k.value for k in SpeakerKind),
    "gender": tuple(g.value for g in Gender),
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


def _rows(
    items: Iterable[Any], doc_id: str | None, speakers: SpeakerTable | None = None
) -> Iterator[dict[str, Any]]:
    for row in _quote_rows(items, doc_id):
        name = row.get("speaker")
        if speakers is not None and name is not None:
            row["speaker_id"] = speakers.id_of(name)
        yield row


def _quote_rows(items: Iterable[Any], doc_id: str | None) -> Iterator[dict[str, Any]]:
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
    speakers: SpeakerTable | None = None,
) -> pd.DataFrame:
    """Returns the quotes as a DataFrame, one row per quote and per failed document.

    The columns are :data:`DATAFRAME_COLUMNS` (the CSV output's and ``speaker_id``), as
    :func:`~quoteattr.io.formats.quote_row` fills them, with the dtypes of
    :data:`FRAME_DTYPES`: ``kind``, ``speaker_kind``, ``speaker_gender`` and
    ``cue_category`` categorical over every value of their enum; offsets, ``quote_index``
    and ``attribution`` Int64 (missing as ``<NA>``); ``confidence`` Float64; the rest
    ``string``. ``context`` is the sentence or sentences that hold the quote
    (``Quote.context``), ``attribution`` the number of its speech event in its document.
    A document that failed (its outcome an exception or an error message, as
    :func:`quoteattr.extract_many` and the readers give it) is one row with only ``doc_id``
    and ``error``; ``frame[frame.error.isna()]`` keeps the quotes. A document without
    quotes has no row.

    Args:
        quotes: one document's quotes; or ``(doc_id, quotes or error)`` pairs (what
            :func:`quoteattr.extract_many` yields), or a mapping doc_id -> quotes or error,
            for many documents (``quote_index`` counts within each).
        doc_id: the ``doc_id`` of every row of one document's quotes (default: missing).
        speakers: a speakers table of these documents (or of more): ``speaker_id`` is the
            id of the row that holds each quote's speaker (:meth:`SpeakerTable.id_of`),
            missing for a speaker in no row. Without one, ``speaker_id`` is missing.

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
    rows = list(_rows(items, doc_id, speakers))
    return _frame(pandas, rows, FRAME_DTYPES, _CATEGORIES)


def _frame(
    pandas: ModuleType,
    rows: Sequence[Mapping[str, Any]],
    dtypes: Mapping[str, str],
    categories: Mapping[str, tuple[str, ...]],
) -> pd.DataFrame:
    columns = {}
    for name, dtype_name in dtypes.items():
        values = [row.get(name) for row in rows]
        dtype: Any = dtype_name
        if name in categories:
            dtype = pandas.CategoricalDtype(categories=categories[name])
        columns[name] = pandas.Series(values, dtype=dtype)
    frame: pd.DataFrame = pandas.DataFrame(columns)
    return frame


def speakers_dataframe(rows: Iterable[SpeakerRow] | SpeakerTable) -> pd.DataFrame:
    """Returns the rows of a speakers table as a DataFrame, one row per entity.

    The columns are :data:`~quoteattr.corpus.ROW_COLUMNS` (those of ``quoteattr speakers``'
    CSV output), with the dtypes of :data:`SPEAKER_DTYPES`: ``id``, ``name``, ``kind``,
    the quotes by kind and cue category, ``documents``, ``role``, ``organization``,
    ``gender``, ``gender_evidence`` and ``variants`` (joined with " | ").

    Args:
        rows: rows as :meth:`SpeakerTable.rows` gives them (first names or not), or a table
            (its rows as ``table.rows()`` gives them).

    Returns:
        the DataFrame, in the rows' order, indexed 0, 1, ...

    Raises:
        ImportError: [E011] when pandas is not installed.
    """
    pandas = _pandas()
    items = rows.rows() if isinstance(rows, SpeakerTable) else rows
    data = []
    for row in items:
        cells = row.to_dict()
        cells["variants"] = " | ".join(row.variants)
        data.append(cells)
    return _frame(pandas, data, SPEAKER_DTYPES, _SPEAKER_CATEGORIES)
