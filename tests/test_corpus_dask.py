"""Tests for quoteattr.corpus.speaker_table_of_bag: the table as a dask reduction."""

from __future__ import annotations

import pytest

pytest.importorskip("dask.bag")

import dask
import dask.bag as db

from quoteattr.corpus import speaker_table_of_bag, table_of_records

from .test_corpus import DOCS


def records() -> list[dict[str, object]]:
    """The test documents as extraction records, with a failed one in the middle."""
    out: list[dict[str, object]] = [
        {"id": str(i), "quotes": [q.to_dict() for q in doc]} for i, doc in enumerate(DOCS)
    ]
    out.insert(3, {"id": "bad", "error": "[E015] bad: processing failed"})
    return out


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_bag_reduction_gives_the_in_process_table(scheduler: str) -> None:
    """Seven partitions combined two by two give the rows and summary of one process."""
    expected = table_of_records(records())
    bag = db.from_sequence(records(), npartitions=7)
    with dask.config.set(scheduler=scheduler):
        table = speaker_table_of_bag(bag, split_every=2).compute()
    assert (table.rows(), table.summary()) == (expected.rows(), expected.summary())
