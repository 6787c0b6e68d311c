"""Tests for quoteattr.to_dataframe: one row per quote or failed document, the CSV columns,
typed."""

from __future__ import annotations

import csv
import io
import re
import sys
from typing import Any

import pandas as pd
import pytest

import quoteattr
from quoteattr.errors import QuoteattrError
from quoteattr.io.dataframe import DATAFRAME_COLUMNS, FRAME_DTYPES
from quoteattr.io.formats import CSV_COLUMNS, quote_row, render_csv
from quoteattr.model import Quote, QuoteKind
from tests.samples import MINISTER, TEXT

BARE = Quote(
    kind=QuoteKind.DIRECT,
    text=TEXT[34:63],
    start=34,
    end=63,
    parts=((34, 42), (53, 63)),
    confidence=0.3,
)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows as dicts of plain Python values, missing values as None."""
    plain = frame.astype(object)
    return [
        {k: None if pd.isna(v) else v for k, v in row.items()}
        for row in plain.to_dict(orient="records")
    ]


def test_columns_are_the_csv_columns_and_the_speaker_id() -> None:
    """The DataFrame has the CSV columns in order, ``speaker_id`` after ``speaker``."""
    frame = quoteattr.to_dataframe([MINISTER])
    at = CSV_COLUMNS.index("speaker") + 1
    expected = (*CSV_COLUMNS[:at], "speaker_id", *CSV_COLUMNS[at:])
    assert (tuple(frame.columns), DATAFRAME_COLUMNS) == (expected, expected)


def test_rows_are_quote_rows() -> None:
    """Each row holds quote_row's values, so the DataFrame and the CSV agree."""
    frame = quoteattr.to_dataframe([MINISTER, BARE], doc_id="d")
    assert records(frame) == [
        {**quote_row("d", 0, MINISTER), "speaker_id": None},
        {**quote_row("d", 1, BARE), "speaker_id": None},
    ]


def test_rows_match_the_csv_output() -> None:
    """Written as CSV, the DataFrame's rows are the CSV writer's rows, error rows included."""
    results: list[tuple[str, Any]] = [("d", [MINISTER, BARE]), ("e", "[E007] e: gone.")]
    frame = quoteattr.to_dataframe(results)
    from_csv = list(csv.DictReader(io.StringIO("".join(render_csv(results)))))
    frame = frame.drop(columns="speaker_id")
    from_frame = list(csv.DictReader(io.StringIO(frame.to_csv(index=False))))
    assert from_frame == from_csv


def test_dtypes() -> None:
    """Offsets and indices are nullable Int64, kinds categorical, text columns string."""
    frame = quoteattr.to_dataframe([MINISTER])
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
        "doc_id": "string",
        "quote_index": "Int64",
        "attribution": "Int64",
        "kind": "category",
        "speaker": "string",
        "speaker_id": "string",
        "speaker_kind": "category",
        "speaker_gender": "category",
        "gender_evidence": "string",
        "role": "string",
        "organization": "string",
        "mention": "string",
        "mention_start": "Int64",
        "mention_end": "Int64",
        "cue": "string",
        "cue_category": "category",
        "cue_start": "Int64",
        "cue_end": "Int64",
        "start": "Int64",
        "end": "Int64",
        "text": "string",
        "context": "string",
        "confidence": "Float64",
        "error": "string",
    }


def test_dtypes_are_frame_dtypes() -> None:
    """FRAME_DTYPES names each column's dtype as the frame has it."""
    frame = quoteattr.to_dataframe([("a", [MINISTER]), ("b", "[E007] b: gone.")])
    assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == FRAME_DTYPES


def test_kind_categories_are_every_enum_value() -> None:
    """The kind columns know every value of their enum, whatever the data holds."""
    frame = quoteattr.to_dataframe([MINISTER])
    columns = ("kind", "speaker_kind", "speaker_gender", "cue_category")
    assert [list(frame[c].cat.categories) for c in columns] == [
        ["direct", "indirect", "mixed"],
        ["person", "organization", "unnamed", "unknown"],
        ["female", "male", "unknown"],
        ["speech", "writing", "report", "belief"],
    ]


def test_missing_speaker_and_cue_are_na() -> None:
    """A quote with no speaker and no cue has <NA> in those columns, offsets included."""
    row = quoteattr.to_dataframe([BARE]).iloc[0]
    assert [c for c in DATAFRAME_COLUMNS if pd.isna(row[c])] == [
        "doc_id",
        "attribution",
        "speaker",
        "speaker_id",
        "speaker_kind",
        "speaker_gender",
        "gender_evidence",
        "role",
        "organization",
        "mention",
        "mention_start",
        "mention_end",
        "cue",
        "cue_category",
        "cue_start",
        "cue_end",
        "context",
        "error",
    ]


def test_empty_input_gives_an_empty_frame_with_the_same_dtypes() -> None:
    """No quotes give no rows, and the columns keep their dtypes."""
    empty, full = quoteattr.to_dataframe([]), quoteattr.to_dataframe([MINISTER])
    assert (len(empty), empty.dtypes.to_dict()) == (0, full.dtypes.to_dict())


def test_doc_id_defaults_to_missing() -> None:
    """Without ``doc_id`` the doc_id column is <NA>."""
    assert quoteattr.to_dataframe([MINISTER])["doc_id"].isna().tolist() == [True]


def test_pairs_give_rows_of_many_documents() -> None:
    """``(doc_id, quotes)`` pairs give each document's rows, indexed within the document."""
    frame = quoteattr.to_dataframe([("a", [MINISTER, BARE]), ("b", []), ("c", [BARE])])
    assert frame[["doc_id", "quote_index", "start"]].values.tolist() == [
        ["a", 0, 0],
        ["a", 1, 34],
        ["c", 0, 34],
    ]


def test_mapping_is_read_as_pairs() -> None:
    """A mapping doc_id -> quotes gives the same frame as its items."""
    docs = {"a": [MINISTER], "b": [BARE]}
    pd.testing.assert_frame_equal(
        quoteattr.to_dataframe(docs), quoteattr.to_dataframe(list(docs.items()))
    )


def test_a_generator_of_quotes_is_accepted() -> None:
    """Any iterable of quotes works, a generator included."""
    frame = quoteattr.to_dataframe(q for q in [MINISTER, BARE])
    assert frame["quote_index"].tolist() == [0, 1]


@pytest.mark.parametrize(
    ("items", "doc_id", "reason"),
    [
        ([MINISTER, ("a", [BARE])], None, "a (doc_id, quotes) pair among Quote objects"),
        ([("a", [BARE]), MINISTER], None, "a Quote among (doc_id, quotes) pairs"),
        ([("a", 3)], None, "document 'a' has a int, not quotes"),
        ([("a", ["not a quote"])], None, "document 'a' holds a str, not a Quote"),
        (["text"], None, "got a str"),
        ([("a", [BARE])], "x", "doc_id= is for a single document's quotes"),
    ],
    ids=["pair-after-quote", "quote-after-pair", "not-quotes", "not-a-quote", "str", "doc-id"],
)
def test_bad_input_raises_e013(items: list[Any], doc_id: str | None, reason: str) -> None:
    """Anything but quotes or pairs, a mix of both, or doc_id with pairs raises [E013]."""
    with pytest.raises(QuoteattrError, match=r"^\[E013\] .*: " + re.escape(reason)):
        quoteattr.to_dataframe(items, doc_id=doc_id)


def test_a_failed_document_is_a_row_with_its_error() -> None:
    """An error in place of a document's quotes (an exception, as extract_many yields it, or
    a message) gives that document one row, with only its id and the error."""
    results: list[tuple[str, Any]] = [
        ("a", [MINISTER]),
        ("b", QuoteattrError("[E014] Record b: no 'text' string.")),
        ("c", "[E007] c: gone."),
        ("d", [BARE]),
    ]
    frame = quoteattr.to_dataframe(results)
    rows = records(frame)
    assert [(r["doc_id"], r["quote_index"], r["error"]) for r in rows] == [
        ("a", 0, None),
        ("b", None, "[E014] Record b: no 'text' string."),
        ("c", None, "[E007] c: gone."),
        ("d", 0, None),
    ]
    assert {k: v for k, v in rows[1].items() if v is not None} == {
        "doc_id": "b",
        "error": "[E014] Record b: no 'text' string.",
    }


def test_a_mapping_may_hold_errors() -> None:
    """A mapping doc_id -> quotes or error gives the same frame as its items."""
    docs: dict[str, Any] = {"a": [MINISTER], "b": QuoteattrError("[E015] b: failed.")}
    pd.testing.assert_frame_equal(
        quoteattr.to_dataframe(docs), quoteattr.to_dataframe(list(docs.items()))
    )


@pytest.mark.model
def test_extract_many_output_with_a_failed_record(nlp: Any) -> None:
    """to_dataframe(extract_many(...)) takes a stream in which one record failed."""
    records_in: list[Any] = [("a", "“We will win,” the minister said."), {"id": "b"}]
    frame = quoteattr.to_dataframe(quoteattr.extract_many(records_in, nlp=nlp))
    assert frame[["doc_id", "speaker", "error"]].astype(object).where(
        frame[["doc_id", "speaker", "error"]].notna(), None
    ).values.tolist() == [
        ["a", "the minister", None],
        ["b", None, "[E014] Record b: no 'text' string."],
    ]


def test_without_pandas_raises_e011(monkeypatch: pytest.MonkeyPatch) -> None:
    """When pandas cannot be imported, to_dataframe raises ImportError [E011] naming the
    extra to install."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'^\[E011\] .*pip install "quoteattr\[pandas\]"'):
        quoteattr.to_dataframe([MINISTER])


def test_import_quoteattr_does_not_import_pandas() -> None:
    """pandas stays an optional extra: importing quoteattr does not load it."""
    import subprocess

    code = "import sys, quoteattr; print('pandas' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout == "False\n"
