"""Tests for quoteattr.dask: bags and DataFrames, in-process and on a two-worker cluster."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import spacy

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import dask.bag as db
import dask.dataframe as dd
import pandas as pd

import quoteattr
import quoteattr.dask
from quoteattr.batch import extract_many
from quoteattr.dask import FRAME_DTYPES, extract_bag, extract_dataframe, pipeline
from quoteattr.io.dataframe import DATAFRAME_COLUMNS

MINISTER = "“We will win,” the minister said."
TWO = "“Fine,” Anna Smith said.\n\n“Later,” said John Brown."
NONE = "Nothing was said here."

RECORDS: list[Any] = [
    ("a", MINISTER),
    {"id": "b", "text": TWO},
    {"id": "c"},
    ("d", NONE),
    ("e", ""),
    ("f", TWO),
]


def plain(results: Any) -> list[dict[str, Any]]:
    """extract_many results as JSONL records."""
    return [
        {"id": i, "quotes": [q.to_dict() for q in o]}
        if isinstance(o, list)
        else {"id": i, "error": str(o)}
        for i, o in results
    ]


@pytest.fixture
def local_pipeline(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes this process's pipeline cache hold the session pipeline."""
    monkeypatch.setattr(quoteattr.pipelines, "_CACHE", {(quoteattr.DEFAULT_MODEL, "{}"): nlp})


# ---------------------------------------------------------------------------------------------
# in-process (dask's synchronous scheduler)


def test_pipeline_is_loaded_once_per_process_and_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """pipeline(name) loads each model on its first call only."""
    loads: list[str] = []

    def load_pipeline(model: str) -> object:
        loads.append(model)
        return spacy.blank("en")

    monkeypatch.setattr(quoteattr.pipelines, "load_pipeline", load_pipeline)
    monkeypatch.setattr(quoteattr.pipelines, "_CACHE", {})
    first = pipeline("m1")
    assert (pipeline("m1") is first, pipeline("m2") is not first, loads) == (
        True,
        True,
        ["m1", "m2"],
    )


@pytest.mark.model
@pytest.mark.usefixtures("local_pipeline")
def test_bag_gives_extract_manys_records_in_order(nlp: Any) -> None:
    """A bag of records gives, in order, the records extract_many's results make."""
    bag = db.from_sequence(RECORDS, npartitions=3)
    expected = plain(extract_many(RECORDS, nlp=nlp))
    assert extract_bag(bag).compute(scheduler="sync") == expected


@pytest.mark.model
@pytest.mark.usefixtures("local_pipeline")
def test_bag_of_bare_texts_ids_are_partition_and_position() -> None:
    """A bare text's id is ``<partition>-<position in the partition>``."""
    bag = db.from_sequence([MINISTER, NONE, TWO, NONE], npartitions=2)
    ids = [r["id"] for r in extract_bag(bag).compute(scheduler="sync")]
    assert ids == ["0-0", "0-1", "1-0", "1-1"]


@pytest.mark.model
@pytest.mark.usefixtures("local_pipeline")
def test_dataframe_rows_are_quotes_and_errors() -> None:
    """A DataFrame gives a row per quote and an error row per failed document, in order."""
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [MINISTER, None, NONE, TWO]})
    rows = extract_dataframe(dd.from_pandas(frame, npartitions=2)).compute(scheduler="sync")
    assert (
        list(rows["doc_id"]),
        list(rows["quote_index"]),
        [None if pd.isna(e) else e for e in rows["error"]],
    ) == (
        ["a", "b", "d", "d"],
        [0, pd.NA, 0, 1],
        [None, "[E014] Record b: no 'text' string.", None, None],
    )


@pytest.mark.model
@pytest.mark.usefixtures("local_pipeline")
def test_dataframe_is_to_dataframe_of_the_same_records(nlp: Any) -> None:
    """The dask frame and quoteattr.to_dataframe over extract_many agree, error rows and
    dtypes included."""
    ids, texts = ["a", "b", "c", "d"], [MINISTER, None, NONE, TWO]
    frame = pd.DataFrame({"id": ids, "text": texts})
    rows = extract_dataframe(dd.from_pandas(frame, npartitions=1)).compute(scheduler="sync")
    records = zip(ids, texts, strict=True)
    pd.testing.assert_frame_equal(rows, quoteattr.to_dataframe(extract_many(records, nlp=nlp)))


@pytest.mark.model
@pytest.mark.usefixtures("local_pipeline")
def test_dataframe_columns_and_dtypes() -> None:
    """The rows have to_dataframe's columns, with the dtypes of FRAME_DTYPES (meta and data
    alike)."""
    frame = dd.from_pandas(pd.DataFrame({"id": ["a"], "text": [MINISTER]}), npartitions=1)
    result = extract_dataframe(frame)
    computed = result.compute(scheduler="sync")
    assert (
        list(computed.columns),
        {c: str(t) for c, t in computed.dtypes.items()},
        {c: str(t) for c, t in result.dtypes.items()},
    ) == (list(DATAFRAME_COLUMNS), FRAME_DTYPES, FRAME_DTYPES)


@pytest.mark.model
@pytest.mark.usefixtures("local_pipeline")
def test_dataframe_without_id_column_uses_the_index() -> None:
    """Without the id column, each row's index value is the document id."""
    frame = pd.DataFrame({"body": [NONE, MINISTER]}, index=["x", "y"])
    rows = extract_dataframe(dd.from_pandas(frame, npartitions=1), text_column="body")
    assert list(rows.compute(scheduler="sync")["doc_id"]) == ["y"]


# ---------------------------------------------------------------------------------------------
# a LocalCluster: two worker processes, one thread each


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a two-process LocalCluster, closed after the module.

    The scheduler's HTTP server takes a free port (``:0``): with the default, or with
    ``dashboard_address=None``, it asks for 8787 and warns when another cluster on the machine
    holds it, which fails the run (warnings are errors here).
    """
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.mark.model
def test_bag_on_a_cluster_gives_the_same_records(client: Any, nlp: Any) -> None:
    """On two worker processes a bag gives the records extract_many gives here, and each
    worker loads the pipeline once for all its partitions."""
    bag = db.from_sequence(RECORDS * 2, npartitions=6)
    records = client.compute(extract_bag(bag)).result()
    loaded = client.run(quoteattr.pipelines.loaded)
    assert (records, sorted(loaded.values())) == (
        plain(extract_many(RECORDS * 2, nlp=nlp)),
        [[quoteattr.DEFAULT_MODEL]] * 2,
    )


@pytest.mark.model
def test_dataframe_on_a_cluster(client: Any) -> None:
    """On two worker processes a DataFrame gives one row per quote, in document order."""
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [MINISTER, TWO, NONE, TWO]})
    rows = client.compute(extract_dataframe(dd.from_pandas(frame, npartitions=2))).result()
    assert list(rows["doc_id"]) == ["a", "b", "b", "d", "d"]
