"""Tests for quoteattr.cli: ``main([...])`` called in-process, files in tmp_path."""

from __future__ import annotations

import csv
import io
import json
import runpy
import sys
import types
import warnings
from pathlib import Path
from typing import Any

import pytest

import quoteattr
import quoteattr.component
import quoteattr.pool
from quoteattr import Quote
from quoteattr.cli import main
from quoteattr.io.formats import CSV_COLUMNS, quote_row

MINISTER = "“We will win,” the minister said."
TWO = "“Fine,” Anna Smith said.\n\n“Later,” said John Brown."
NONE = "Nothing was said here."

GOLD_TEXT = "“We will win,” the minister said. He said that taxes would fall."
GOLD = {
    "id": "d1",
    "text": GOLD_TEXT,
    "quotes": [
        {"kind": "direct", "content_spans": [[0, 14]], "speaker": [15, 27], "cue": [28, 32]},
        {"kind": "indirect", "content_spans": [[47, 63]], "speaker": [34, 36], "cue": [37, 41]},
    ],
}
PRED = {
    "id": "d1",
    "quotes": [
        Quote.from_dict(
            {
                "kind": "direct",
                "text": "“We will win,”",
                "start": 0,
                "end": 14,
                "cue": {"text": "said", "start": 28, "end": 32},
                "speaker": {
                    "name": "the minister",
                    "mention": {"text": "the minister", "start": 15, "end": 27},
                },
                "confidence": 0.95,
            }
        ).to_dict()
    ],
}


@pytest.fixture
def shared_nlp(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Makes the command line use the session pipeline; returns the model names it asked for."""
    requested: list[str] = []

    def load(model: str = quoteattr.DEFAULT_MODEL, **_: Any) -> Any:
        requested.append(model)
        return nlp

    monkeypatch.setattr(quoteattr.pipelines, "load", load)
    return requested


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    """Writes a file in tmp_path and returns its path as a string."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Runs ``main(argv)``; returns the exit status, stdout and stderr."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def jsonl(text: str) -> list[dict[str, Any]]:
    """Parses JSON Lines output."""
    return [json.loads(line) for line in text.splitlines()]


# ---------------------------------------------------------------------------------------------
# extract: output formats


@pytest.mark.model
def test_table_names_the_speaker(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The default table (with the pipeline the CLI loads itself) names the minister."""
    path = write(tmp_path, "a.txt", MINISTER)
    status, out, _ = run(capsys, "extract", path)
    lines = out.splitlines()
    assert (status, lines[0], lines[1].startswith("  the minister (")) == (
        0,
        f"{path}: 1 quote",
        True,
    )


@pytest.mark.model
def test_jsonl_gives_one_record_per_doc_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """``--format jsonl`` writes one ``{"id", "quotes"}`` line per input, in input order."""
    paths = [write(tmp_path, f"{n}.txt", t) for n, t in (("b", TWO), ("a", MINISTER), ("c", NONE))]
    status, out, _ = run(capsys, "extract", "--format", "jsonl", *paths)
    records = jsonl(out)
    assert (status, [(r["id"], sorted(r)) for r in records]) == (
        0,
        [(p, ["id", "quotes"]) for p in paths],
    )


@pytest.mark.model
def test_jsonl_id_is_the_path_as_given(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    shared_nlp: list[str],
) -> None:
    """A relative path is reported as written on the command line."""
    write(tmp_path, "a.txt", MINISTER)
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "extract", "--format", "jsonl", "./a.txt")
    assert [r["id"] for r in jsonl(out)] == ["./a.txt"]


@pytest.mark.model
def test_jsonl_quotes_round_trip_through_from_dict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Any, shared_nlp: list[str]
) -> None:
    """Each quote dict of the JSONL output rebuilds, with Quote.from_dict, the pipeline's quote."""
    paths = [write(tmp_path, "a.txt", MINISTER), write(tmp_path, "b.txt", TWO)]
    _, out, _ = run(capsys, "extract", "--format", "jsonl", *paths)
    rebuilt = [[Quote.from_dict(d) for d in r["quotes"]] for r in jsonl(out)]
    assert rebuilt == [nlp(MINISTER)._.quotes, nlp(TWO)._.quotes]


@pytest.mark.model
def test_json_is_an_array_of_the_jsonl_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """``--format json`` prints one JSON array holding the records ``--format jsonl`` prints."""
    paths = [write(tmp_path, "a.txt", MINISTER), str(tmp_path / "missing.txt")]
    _, lines, _ = run(capsys, "extract", "--format", "jsonl", *paths)
    _, array, _ = run(capsys, "extract", "--format", "json", *paths)
    assert json.loads(array) == jsonl(lines)


@pytest.mark.model
def test_csv_header_is_csv_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """``--format csv`` starts with the columns of CSV_COLUMNS."""
    _, out, _ = run(capsys, "extract", "--format", "csv", write(tmp_path, "a.txt", MINISTER))
    assert next(csv.reader(io.StringIO(out))) == list(CSV_COLUMNS)


@pytest.mark.model
def test_csv_rows_are_the_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], nlp: Any, shared_nlp: list[str]
) -> None:
    """``--format csv`` gives one row per quote, as quote_row flattens it (None as empty)."""
    paths = [write(tmp_path, "a.txt", MINISTER), write(tmp_path, "b.txt", TWO)]
    status, out, _ = run(capsys, "extract", "--format", "csv", *paths)
    expected = [
        {k: "" if v is None else str(v) for k, v in quote_row(path, i, q).items()}
        for path, text in zip(paths, (MINISTER, TWO), strict=True)
        for i, q in enumerate(nlp(text)._.quotes)
    ]
    assert (status, list(csv.DictReader(io.StringIO(out)))) == (0, expected)


@pytest.mark.model
def test_csv_failed_document_gets_an_error_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """A document that cannot be read gives a CSV row with its id and the error only."""
    missing = str(tmp_path / "missing.txt")
    _, out, _ = run(capsys, "extract", "--format", "csv", missing)
    (row,) = csv.DictReader(io.StringIO(out))
    filled = {k: v for k, v in row.items() if v}
    assert filled == {"doc_id": missing, "error": f"[E007] {missing}: No such file or directory."}


@pytest.mark.model
def test_output_option_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """``--output PATH`` writes what stdout would have shown, and stdout stays empty."""
    path = write(tmp_path, "a.txt", MINISTER)
    target = tmp_path / "out.jsonl"
    _, to_stdout, _ = run(capsys, "extract", "--format", "jsonl", path)
    status, out, _ = run(capsys, "extract", "--format", "jsonl", "--output", str(target), path)
    assert (status, out, target.read_text(encoding="utf-8")) == (0, "", to_stdout)


@pytest.mark.model
def test_output_into_a_missing_directory_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """``--output`` into a directory that does not exist exits 2 with a message, no traceback."""
    path = write(tmp_path, "a.txt", MINISTER)
    target = str(tmp_path / "no" / "out.jsonl")
    status, _, err = run(capsys, "extract", "--output", target, path)
    assert (status, err.startswith("quoteattr: ")) == (2, True)


@pytest.mark.model
@pytest.mark.parametrize("batch_size", ["1", "2", "32"])
def test_batch_size_does_not_change_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str], batch_size: str
) -> None:
    """Results keep their order and content whatever the batch size, error records included."""
    paths = [
        write(tmp_path, "a.txt", MINISTER),
        str(tmp_path / "missing.txt"),
        write(tmp_path, "b.txt", TWO),
    ]
    _, one_batch, _ = run(capsys, "extract", "--format", "jsonl", "--batch-size", "100", *paths)
    _, out, _ = run(capsys, "extract", "--format", "jsonl", "--batch-size", batch_size, *paths)
    assert out == one_batch


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_batch_size_must_be_a_positive_integer(
    capsys: pytest.CaptureFixture[str], value: str
) -> None:
    """A batch size below 1 is a usage error, status 2 (0 used to crash with StopIteration)."""
    status = main(["extract", "--batch-size", value, "x.txt"])
    assert (status, "--batch-size" in capsys.readouterr().err) == (2, True)


# ---------------------------------------------------------------------------------------------
# extract: bad input


@pytest.fixture
def mixed_jsonl(tmp_path: Path) -> str:
    """A JSONL file whose line 1 has no "text", line 2 is not JSON and line 3 is good."""
    lines = [
        json.dumps({"id": "untitled", "title": "no text here"}),
        "{not json",
        json.dumps({"id": "good", "text": MINISTER}, ensure_ascii=False),
    ]
    return write(tmp_path, "docs.jsonl", "\n".join(lines) + "\n")


@pytest.mark.model
def test_jsonl_input_bad_lines_give_error_records(
    mixed_jsonl: str, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """Each bad line gives an [E006] record naming the file and line; the good one is processed."""
    _, out, _ = run(capsys, "extract", "--format", "jsonl", mixed_jsonl)
    records = jsonl(out)
    assert [(r["id"], r.get("error")) for r in records] == [
        ("untitled", f"[E006] {mixed_jsonl}: line 1: no 'text' string."),
        (
            f"{mixed_jsonl}:2",
            f"[E006] {mixed_jsonl}: line 2: not JSON "
            "(Expecting property name enclosed in double quotes).",
        ),
        ("good", None),
    ]


@pytest.mark.model
def test_jsonl_input_good_line_after_bad_ones_is_processed(
    mixed_jsonl: str, capsys: pytest.CaptureFixture[str], nlp: Any, shared_nlp: list[str]
) -> None:
    """The good record after two bad lines gets its quotes."""
    _, out, _ = run(capsys, "extract", "--format", "jsonl", mixed_jsonl)
    quotes = [Quote.from_dict(d) for d in jsonl(out)[2]["quotes"]]
    assert quotes == nlp(MINISTER)._.quotes


@pytest.mark.model
def test_jsonl_input_bad_lines_exit_1_and_are_reported(
    mixed_jsonl: str, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """Failed records make the exit status 1 and each is reported on stderr."""
    status, _, err = run(capsys, "extract", "--format", "jsonl", mixed_jsonl)
    assert (status, [line.split(": ")[1] for line in err.splitlines()]) == (
        1,
        ["untitled", f"{mixed_jsonl}:2"],
    )


@pytest.mark.model
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "No such file or directory"),
        (b"caf\xe9 au lait", "invalid UTF-8 at byte 3"),
        (b"\x7fELF\x02\x01\x00\x00binary", "binary data (NUL bytes), not text"),
    ],
    ids=["missing", "invalid-utf8", "nul-bytes"],
)
def test_unreadable_file_gives_e007_record_and_exit_1(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    shared_nlp: list[str],
    content: bytes | None,
    reason: str,
) -> None:
    """A file that cannot be read as text gives an [E007] record; the next file is processed."""
    bad = str(tmp_path / "bad.txt") if content is None else write(tmp_path, "bad.txt", content)
    good = write(tmp_path, "good.txt", MINISTER)
    status, out, _ = run(capsys, "extract", "--format", "jsonl", bad, good)
    records = jsonl(out)
    assert (status, records[0], [r["id"] for r in records], "quotes" in records[1]) == (
        1,
        {"id": bad, "error": f"[E007] {bad}: {reason}."},
        [bad, good],
        True,
    )


@pytest.mark.model
def test_failure_inside_the_pipeline_fails_only_that_document(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    shared_nlp: list[str],
) -> None:
    """When finding the quotes fails on one document of a batch (in the component, or after the
    parse when the component is the pipeline's last), the others still get their quotes."""
    real = quoteattr.component.extract_doc

    def flaky(doc: Any, lexicon: Any = None, **options: Any) -> list[Quote]:
        if "grumbled" in doc.text:
            raise RuntimeError("cannot cope")
        return real(doc, lexicon, **options)

    monkeypatch.setattr(quoteattr.component, "extract_doc", flaky)
    monkeypatch.setattr(quoteattr.pool, "extract_doc", flaky)
    paths = [
        write(tmp_path, n, t) for n, t in (("a.txt", MINISTER), ("b.txt", "“No,” he grumbled."))
    ]
    status, out, _ = run(capsys, "extract", "--format", "jsonl", *paths)
    records = jsonl(out)
    assert (status, len(records[0]["quotes"]), records[1]) == (
        1,
        1,
        {
            "id": paths[1],
            "error": f"[E015] {paths[1]}: processing failed: RuntimeError: cannot cope.",
        },
    )


# ---------------------------------------------------------------------------------------------
# extract: standard input


@pytest.mark.model
@pytest.mark.parametrize("inputs", [["-"], []], ids=["dash", "default"])
def test_stdin_is_read_for_dash(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    nlp: Any,
    shared_nlp: list[str],
    inputs: list[str],
) -> None:
    """``-`` (and no INPUT at all) reads standard input as one document with id ``-``."""
    fake = types.SimpleNamespace(buffer=io.BytesIO(MINISTER.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", fake)
    _, out, _ = run(capsys, "extract", "--format", "jsonl", *inputs)
    (record,) = jsonl(out)
    assert (record["id"], [Quote.from_dict(d) for d in record["quotes"]]) == (
        "-",
        nlp(MINISTER)._.quotes,
    )


@pytest.mark.model
def test_stdin_invalid_utf8_gives_an_error_record(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, shared_nlp: list[str]
) -> None:
    """Bytes on standard input that are not UTF-8 give an [E007] record for ``<stdin>``."""
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(b"\xff\xfe")))
    status, out, _ = run(capsys, "extract", "--format", "jsonl", "-")
    assert (status, jsonl(out)) == (
        1,
        [{"id": "-", "error": "[E007] <stdin>: invalid UTF-8 at byte 0."}],
    )


# ---------------------------------------------------------------------------------------------
# extract: arguments and the model


def test_unknown_format_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown ``--format`` exits with status 2 and names the value and the choices."""
    status = main(["extract", "--format", "xml", "a.txt"])
    err = " ".join(capsys.readouterr().err.split())
    assert (status, "Invalid value for '--format'" in err, "'xml' is not one of" in err) == (
        2,
        True,
        True,
    )


def test_missing_command_prints_the_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Running without a command prints the help, naming the commands, with status 2."""
    status = main([])
    out = capsys.readouterr().out
    assert (status, "Usage: quoteattr" in out, all(c in out for c in ("extract", "evaluate"))) == (
        2,
        True,
        True,
    )


def test_missing_model_exits_2_with_e002(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--model`` naming a pipeline that is not installed exits 2 with an [E002] message."""
    path = write(tmp_path, "a.txt", MINISTER)
    status, _, err = run(capsys, "extract", "--model", "no_such_pipeline_xyz", path)
    assert (status, err.startswith("quoteattr: [E002] ")) == (2, True)


@pytest.mark.model
def test_model_option_names_the_pipeline_to_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], shared_nlp: list[str]
) -> None:
    """``--model NAME`` is the pipeline the command line loads."""
    run(capsys, "extract", "--model", "my_pipeline", write(tmp_path, "a.txt", MINISTER))
    assert shared_nlp == ["my_pipeline"]


# ---------------------------------------------------------------------------------------------
# evaluate


@pytest.fixture
def gold_pred(tmp_path: Path) -> tuple[str, str]:
    """A gold file with a direct and an indirect quote, and a prediction with the direct one."""
    gold = write(tmp_path, "gold.jsonl", json.dumps(GOLD, ensure_ascii=False) + "\n")
    pred = write(tmp_path, "pred.jsonl", json.dumps(PRED, ensure_ascii=False) + "\n")
    return gold, pred


def test_evaluate_table_shows_cov30_recall(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """The table's cov30 row gives content P 100, R 50 and F1 66.7 (one of two gold found)."""
    status, out, _ = run(capsys, "evaluate", *gold_pred)
    (row,) = [line.split() for line in out.splitlines() if line.startswith("cov30")]
    assert (status, row[:4]) == (0, ["cov30", "100.0", "50.0", "66.7"])


def test_evaluate_json_gives_content_cov30(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--json`` prints JSON whose "content.cov30" holds the precision, recall and F1."""
    status, out, _ = run(capsys, "evaluate", *gold_pred, "--json")
    assert (status, json.loads(out)["content.cov30"]) == (
        0,
        {"p": 1.0, "r": 0.5, "f1": pytest.approx(2 / 3)},
    )


def test_evaluate_kinds_keeps_only_those_gold_quotes(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``--kinds direct`` scores the direct gold quote only, so recall is 1."""
    _, out, _ = run(capsys, "evaluate", *gold_pred, "--kinds", "direct", "--json")
    data = json.loads(out)
    assert (data["gold"], data["content.cov30"]["r"], data["kinds"]) == (1, 1.0, ["direct"])


def test_evaluate_reads_a_gold_file_with_a_byte_order_mark(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A UTF-8 byte order mark at the start of a JSONL file is not part of its first line."""
    gold, pred = gold_pred
    Path(gold).write_bytes(b"\xef\xbb\xbf" + Path(gold).read_bytes())
    status, out, _ = run(capsys, "evaluate", gold, pred, "--json")
    assert (status, json.loads(out)["gold"]) == (0, 2)


def test_evaluate_bad_json_line_exits_2_naming_the_line(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A prediction line that is not JSON exits 2 with an [E006] message, not a traceback."""
    gold, pred = gold_pred
    with open(pred, "a", encoding="utf-8") as fh:
        fh.write("\n{oops\n")
    status, _, err = run(capsys, "evaluate", gold, pred)
    assert (status, err) == (
        2,
        f"quoteattr: [E006] {pred}: line 3: not JSON "
        "(Expecting property name enclosed in double quotes).\n",
    )


def test_evaluate_missing_file_exits_2(
    gold_pred: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A prediction file that does not exist exits 2 with a message."""
    status, _, err = run(capsys, "evaluate", gold_pred[0], str(tmp_path / "nope.jsonl"))
    assert (status, err.startswith("quoteattr: ")) == (2, True)


def test_evaluate_malformed_quote_exits_2_with_e003(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A gold quote with offsets outside its text exits 2 with an [E003] message."""
    gold = {"id": "d1", "text": "short", "quotes": [{"kind": "direct", "content": [0, 99]}]}
    gold_path = write(tmp_path, "gold.jsonl", json.dumps(gold))
    pred_path = write(tmp_path, "pred.jsonl", json.dumps({"id": "d1", "quotes": []}))
    status, _, err = run(capsys, "evaluate", gold_path, pred_path)
    assert (status, err.startswith("quoteattr: [E003] ")) == (2, True)


# ---------------------------------------------------------------------------------------------
# The entry point


def test_main_returns_an_int(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """``main`` returns the exit status as an int (for ``sys.exit``)."""
    assert type(main(["evaluate", *gold_pred])) is int


@pytest.mark.filterwarnings("ignore:'quoteattr.cli' found in sys.modules:RuntimeWarning")
def test_module_run_as_script_exits_with_main_status(
    gold_pred: tuple[str, str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``python -m quoteattr.cli evaluate ...`` exits with the status ``main`` returns."""
    monkeypatch.setattr(sys, "argv", ["quoteattr", "evaluate", *gold_pred, "--json"])
    with pytest.raises(SystemExit) as info:
        runpy.run_module("quoteattr.cli", run_name="__main__")
    assert (info.value.code, json.loads(capsys.readouterr().out)["gold"]) == (0, 2)


@pytest.mark.model
def test_mark_warnings_are_opt_in(
    shared_nlp: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unclosed quote mark is shown only with --warnings, as a line of standard error that
    names the document and the offset; the document is processed either way."""
    path = write(tmp_path, "a.txt", "He said “oops.\n\nThe minister said: “We will win.”")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        status, out, err = run(capsys, "extract", path, "--format", "jsonl")
        loud, _, loud_err = run(capsys, "extract", path, "--format", "jsonl", "--warnings")
    assert [w for w in caught if issubclass(w.category, quoteattr.QuoteattrWarning)] == []
    assert (status, len(jsonl(out)[0]["quotes"]) > 0, err, loud, loud_err) == (
        0,
        True,
        "",
        0,
        f"quoteattr: warning: [W002] Quote opened at offset 8 of document {path!r} is not "
        "closed before the end of its paragraph ('He said “oops.\\n\\nThe minister'): it is "
        "skipped.\n",
    )
