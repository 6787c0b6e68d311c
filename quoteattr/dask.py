"""Quotes over dask collections: a bag of records, or a DataFrame of texts.

The extra ``pip install "quoteattr[dask]"`` brings dask and distributed. Each partition runs
:func:`quoteattr.batch.extract_many` in whatever process dask gives it; the pipeline is loaded
once per process (:func:`quoteattr.load`'s cache, keyed by the model's name) and kept for every
later partition, so a worker pays the model's load time once. On a ``distributed`` cluster, use
processes with one thread each (``--nthreads 1``): spaCy parses in one thread per process,
and a second thread in the same process only waits for it.

    from dask.distributed import Client
    import dask.bag as db
    from quoteattr.dask import extract_bag

    client = Client("tcp://scheduler:8786")
    bag = db.read_text("articles-*.jsonl").map(json.loads)
    extract_bag(bag).map(json.dumps).to_textfiles("quotes-*.jsonl")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import pipelines
from .batch import extract_many
from .io.dataframe import FRAME_DTYPES, to_dataframe
from .pipelines import DEFAULT_MODEL

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas as pd
    from spacy.language import Language

__all__ = ["FRAME_DTYPES", "extract_bag", "extract_dataframe", "pipeline"]


def pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The pipeline of ``model`` with the quoteattr component, loaded once per process
    (:func:`quoteattr.load`).

    Raises:
        QuoteattrError: [E002] when the pipeline is not installed.
    """
    return pipelines.load(model)


def _plain(results: Iterable[tuple[str, Any]]) -> list[dict[str, Any]]:
    """``extract_many`` results as the records of the JSONL output."""
    out = []
    for doc_id, outcome in results:
        if isinstance(outcome, list):
            out.append({"id": doc_id, "quotes": [q.to_dict() for q in outcome]})
        else:
            out.append({"id": doc_id, "error": str(outcome)})
    return out


def _bag_partition(
    records: Iterable[object], index: Iterable[int], model: str, batch_size: int
) -> list[dict[str, Any]]:
    """Extracts one partition of a bag; a bare text's id is ``<partition>-<position>``."""
    (partition,) = index
    named = ((f"{partition}-{i}", r) if isinstance(r, str) else r for i, r in enumerate(records))
    return _plain(extract_many(named, nlp=pipeline(model), batch_size=batch_size))


def extract_bag(
    bag: dask.bag.Bag, model: str = DEFAULT_MODEL, *, batch_size: int = 32
) -> dask.bag.Bag:
    """Finds the quotes of every record of a dask bag, partition by partition.

    Args:
        bag: records as :func:`~quoteattr.batch.extract_many` takes them: ``(id, text)``
            pairs, mappings with ``"id"`` and ``"text"``, or bare texts, whose id is
            ``"<partition>-<position in the partition>"`` (a bag does not know its
            partitions' lengths before it is computed; give ids to have your own).
        model: the installed spaCy pipeline each worker loads (once).
        batch_size: the most documents in one batch.

    Returns:
        a bag of plain records, one per input record in the same order, as the JSONL
        output writes them: ``{"id", "quotes": [Quote.to_dict(), ...]}`` or
        ``{"id", "error"}``.
    """
    import dask.bag as db

    # One partition index per partition, zipped with the bag's partitions by map_partitions.
    n = bag.npartitions
    index = db.from_sequence(range(n), npartitions=n)  # type: ignore[no-untyped-call]
    result: dask.bag.Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        _bag_partition, index, model=model, batch_size=batch_size
    )
    return result


def _frame_partition(
    frame: pd.DataFrame, text_column: str, id_column: str, model: str, batch_size: int
) -> pd.DataFrame:
    """Extracts one partition of a DataFrame into :func:`~quoteattr.to_dataframe`'s rows."""
    import pandas

    ids = frame[id_column] if id_column in frame.columns else frame.index.to_series()
    texts = (
        None if not isinstance(t, str) and pandas.api.types.is_scalar(t) and pandas.isna(t) else t
        for t in frame[text_column]
    )  # a missing text (None, NaN, NA) is "no text"
    records = zip((str(i) for i in ids), texts, strict=True)
    return to_dataframe(extract_many(records, nlp=pipeline(model), batch_size=batch_size))


def extract_dataframe(
    frame: dask.dataframe.DataFrame,
    text_column: str = "text",
    id_column: str = "id",
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
) -> dask.dataframe.DataFrame:
    """Finds the quotes of the texts of a dask DataFrame, as one row per quote.

    Each partition is :func:`quoteattr.to_dataframe` of its documents' results (the CSV
    output's columns, dtypes :data:`FRAME_DTYPES`): a quote per row, ``doc_id`` naming its
    document; a document that failed is one row with only ``doc_id`` and ``error``; a
    document without quotes has no row. Rows keep the order of the documents; the index is
    each partition's own (0, 1, ...).

    Args:
        frame: a dask DataFrame with a text column.
        text_column: the column of texts.
        id_column: the column of document ids (its values as str); when the frame has no
            such column, the index is the id.
        model: the installed spaCy pipeline each worker loads (once).
        batch_size: the most documents in one batch.

    Returns:
        a dask DataFrame of quote rows.
    """
    meta = to_dataframe([])
    result: dask.dataframe.DataFrame = frame.map_partitions(  # type: ignore[no-untyped-call]
        _frame_partition,
        text_column=text_column,
        id_column=id_column,
        model=model,
        batch_size=batch_size,
        meta=meta,
    )
    return result
