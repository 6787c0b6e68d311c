"""Tests for ``quoteattr speakers``: the speakers table of extraction output, in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from quoteattr.cli import main
from quoteattr.corpus import ROW_COLUMNS
from quoteattr.io.speakers import read_results

from .test_corpus import DOCS


def write_records(tmp_path: Path, name: str, records: list[dict[str, Any]]) -> str:
    """Writes records as JSON Lines; returns the path."""
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def records() -> list[dict[str, Any]]:
    """The test documents as the lines of `quoteattr extract --format jsonl`, one failed."""
    out: list[dict[str, Any]] = [
        {"id": f"d{i}", "quotes": [q.to_dict() for q in doc]} for i, doc in enumerate(DOCS)
    ]
    out.append({"id": "bad.txt", "error": "[E007] bad.txt: binary data (NUL bytes), not text"})
    return out


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Runs ``main(argv)``; returns the exit status, stdout and stderr."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_csv_table_of_entities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default CSV has the row columns and one row per entity, most quoted first."""
    path = write_records(tmp_path, "pred.jsonl", records())
    status, out, _ = run(capsys, "speakers", path)
    rows = list(csv.DictReader(io.StringIO(out)))
    obama = next(r for r in rows if r["id"] == "barack-obama")
    assert (status, tuple(rows[0]), obama["variants"], obama["quotes"], obama["role"]) == (
        0,
        ROW_COLUMNS,
        "Barack Obama | Obama",
        "2",
        "President",
    )


def test_summary_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Standard error gets the figures: documents, failures, pronouns, unnamed, headings."""
    path = write_records(tmp_path, "pred.jsonl", records())
    _, _, err = run(capsys, "speakers", path)
    assert err.startswith("quoteattr: 7 documents (1 failed), 15 quotes: 12 by 6 entities") and (
        "1 by unresolved pronouns, 1 by unnamed sources" in err
        and "1 by datelines and headings" in err
    )


def test_jsonl_to_a_file_with_min_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--format jsonl -o PATH --min-quotes 3`` writes the entities quoted 3 times or more."""
    path = write_records(tmp_path, "pred.jsonl", records())
    out_path = tmp_path / "speakers.jsonl"
    status, out, _ = run(
        capsys, "speakers", path, "--format", "jsonl", "-o", str(out_path), "--min-quotes", "3"
    )
    rows = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
    assert (status, out, [(r["id"], r["quotes"], r["kind"]) for r in rows]) == (
        0,
        "",
        [("donald-trump", 3, "person")],
    )


def test_several_files_make_one_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two output files (a resumed run's parts) give the table of all their records."""
    whole = write_records(tmp_path, "all.jsonl", records())
    a = write_records(tmp_path, "a.jsonl", records()[:3])
    b = write_records(tmp_path, "b.jsonl", records()[3:])
    assert run(capsys, "speakers", a, b) == run(capsys, "speakers", whole)


def test_a_line_that_is_no_record_is_a_coded_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A line that is not JSON stops the command with [E006] naming the file and line."""
    path = tmp_path / "pred.jsonl"
    path.write_text(json.dumps(records()[0]) + "\n\n{not json\n", encoding="utf-8")
    status, out, err = run(capsys, "speakers", str(path))
    assert (status, out, err.startswith(f"quoteattr: [E006] {path}: line 3: not JSON")) == (
        2,
        "",
        True,
    )


def test_a_bad_quote_names_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A quote that ``Quote.from_dict`` rejects is [E006] for its line, with the [E003]."""
    bad = {"id": "x", "quotes": [{"kind": "shouted", "text": "a", "start": 0, "end": 1}]}
    path = write_records(tmp_path, "pred.jsonl", [records()[0], bad])
    status, _, err = run(capsys, "speakers", path)
    assert (status, "line 2: [E003]" in err) == (2, True)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('["a list"]', "not an extraction record"),
        ('{"id": "a", "text": "an input record"}', "not an extraction record"),
        ('{"id": "a", "quotes": "no list"}', "not an extraction record"),
    ],
)
def test_read_results_rejects_lines_that_are_not_records(
    tmp_path: Path, line: str, reason: str
) -> None:
    """An input file or other JSON given by mistake is an error, not an empty table."""
    path = tmp_path / "x.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(Exception, match=rf"\[E006\] .*line 1: {reason}"):
        list(read_results(str(path)))


def test_missing_file_is_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file that cannot be opened ends the command with status 2 and the OS message."""
    status, _, err = run(capsys, "speakers", str(tmp_path / "nope.jsonl"))
    assert (status, "No such file" in err) == (2, True)
