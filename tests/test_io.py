"""Tests for quoteattr.io: reading input records and rendering results, no model needed."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from quoteattr.cli import Format
from quoteattr.errors import QuoteattrError, QuoteattrWarning
from quoteattr.io import FORMATS, Record, read_inputs
from quoteattr.io.formats import (
    CSV_COLUMNS,
    json_line,
    output_format,
    quote_row,
    render_csv,
    render_json,
    render_jsonl,
    render_table,
)
from quoteattr.io.records import check_encoding, count_records
from quoteattr.model import Gender, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan
from tests.samples import MINISTER, TEXT

SPLIT = Quote(
    kind=QuoteKind.DIRECT,
    text=TEXT[34:63],
    start=34,
    end=63,
    parts=((34, 42), (53, 63)),
    confidence=0.3,
    sentence=1,
    paragraph=0,
)


def write(tmp_path: Path, name: str, content: str | bytes) -> str:
    """Writes a file in tmp_path and returns its path as a string."""
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def read(inputs: list[str], stdin: bytes | None = None) -> list[Record]:
    """All the records of ``read_inputs``."""
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(read_inputs(inputs, stdin=stream))


def test_premise_hand_built_quotes_fit_the_text() -> None:
    """The hand-built quotes are offsets into TEXT (the premise of the tests below)."""
    assert (TEXT[0:14], TEXT[34:63], SPLIT.part_texts) == (
        MINISTER.text,
        SPLIT.text,
        ("“Later,”", "“we rest.”"),
    )


# ---------------------------------------------------------------------------------------------
# records: text files and standard input


def test_text_file_is_one_record_named_by_its_path(tmp_path: Path) -> None:
    """A file that is not .jsonl is one document whose id is the path as given."""
    path = write(tmp_path, "a.txt", TEXT)
    assert read([path]) == [Record(path, text=TEXT)]


def test_text_file_keeps_its_text_exactly(tmp_path: Path) -> None:
    """The text is not altered: CRLF line ends and edge spaces stay (offsets point into it)."""
    body = "  One.\r\n\r\nTwo.  \n"
    path = write(tmp_path, "a.md", body.encode("utf-8"))
    assert read([path]) == [Record(path, text=body)]


def test_inputs_keep_their_order(tmp_path: Path) -> None:
    """Records come in the order of the inputs, files and standard input mixed."""
    a, b = write(tmp_path, "a.txt", "A"), write(tmp_path, "b.txt", "B")
    assert [r.id for r in read([b, "-", a], stdin=b"S")] == [b, "-", a]


def test_stdin_is_read_for_dash() -> None:
    """``-`` reads the given stream as one document with id ``-``."""
    assert read(["-"], stdin=TEXT.encode("utf-8")) == [Record("-", text=TEXT)]


def test_stdin_defaults_to_sys_stdin_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a stream, ``-`` reads ``sys.stdin.buffer``."""
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(buffer=io.BytesIO(b"piped")))
    assert list(read_inputs(["-"])) == [Record("-", text="piped")]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"caf\xe9", "invalid UTF-8 at byte 3"),
        (b"\xff", "invalid UTF-8 at byte 0"),
        (b"text\x00more", "binary data (NUL bytes), not text"),
        (b"\x00\xff", "binary data (NUL bytes), not text"),
    ],
)
def test_unreadable_bytes_give_e007(tmp_path: Path, raw: bytes, reason: str) -> None:
    """Bytes that are not UTF-8 text give a record with an [E007] error and no text."""
    path = write(tmp_path, "bad.txt", raw)
    assert read([path]) == [Record(path, error=f"[E007] {path}: {reason}.")]


def test_unreadable_stdin_gives_e007() -> None:
    """Standard input that is not UTF-8 gives an [E007] error naming ``<stdin>``."""
    assert read(["-"], stdin=b"\xc3") == [
        Record("-", error="[E007] <stdin>: invalid UTF-8 at byte 0.")
    ]


def test_missing_file_gives_e007(tmp_path: Path) -> None:
    """A path that does not exist gives an [E007] error with the system's reason."""
    path = str(tmp_path / "missing.txt")
    assert read([path]) == [Record(path, error=f"[E007] {path}: No such file or directory.")]


def test_empty_directory_gives_e007(tmp_path: Path) -> None:
    """A directory with no document in it gives an [E007] error, not nothing."""
    reason = "the directory holds no .txt or .jsonl file (compressed or not)"
    assert read([str(tmp_path)]) == [Record(str(tmp_path), error=f"[E007] {tmp_path}: {reason}.")]


def test_reading_goes_on_after_an_error(tmp_path: Path) -> None:
    """A missing file does not stop the inputs after it."""
    good = write(tmp_path, "good.txt", "fine")
    records = read([str(tmp_path / "missing.txt"), good])
    assert records[1] == Record(good, text="fine")


# ---------------------------------------------------------------------------------------------
# records: JSONL files


def jsonl_file(tmp_path: Path, *lines: str | dict[str, Any], ending: str = "\n") -> str:
    """Writes a .jsonl file of the given lines (dicts are dumped) and returns its path."""
    text = ending.join(
        x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines
    )
    return write(tmp_path, "docs.jsonl", text + ending)


def test_jsonl_gives_a_record_per_line(tmp_path: Path) -> None:
    """Each ``{"id", "text"}`` line is one record."""
    path = jsonl_file(tmp_path, {"id": "a", "text": TEXT}, {"id": "b", "text": "B"})
    assert read([path]) == [Record("a", text=TEXT), Record("b", text="B")]


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_jsonl_line_ends_do_not_matter(tmp_path: Path, ending: str) -> None:
    """LF and CRLF files give the same records."""
    path = jsonl_file(tmp_path, {"id": "a", "text": "A"}, {"id": "b", "text": "B"}, ending=ending)
    assert read([path]) == [Record("a", text="A"), Record("b", text="B")]


def test_jsonl_text_with_a_line_separator_stays_one_record(tmp_path: Path) -> None:
    """A U+2028 inside a JSON string (written raw) does not split the line."""
    path = jsonl_file(tmp_path, '{"id": "a", "text": "one\u2028two"}')
    assert read([path]) == [Record("a", text="one\u2028two")]


@pytest.mark.parametrize(
    ("data", "expected_id"),
    [
        ({"text": "T"}, "{path}:2"),
        ({"id": None, "text": "T"}, "{path}:2"),
        ({"id": 7, "text": "T"}, "7"),
        ({"id": "x", "text": "T", "extra": 1}, "x"),
    ],
    ids=["absent", "null", "number", "string"],
)
def test_jsonl_id(tmp_path: Path, data: dict[str, Any], expected_id: str) -> None:
    """The id is the record's "id" as a string, or ``path:line`` when it is absent or null."""
    path = jsonl_file(tmp_path, {"id": "first", "text": "F"}, data)
    assert read([path])[1] == Record(expected_id.format(path=path), text="T")


def test_jsonl_blank_lines_are_skipped_but_counted(tmp_path: Path) -> None:
    """Blank lines give no record, and line numbers still count them."""
    path = jsonl_file(tmp_path, "", {"text": "T"}, "   ", "{bad")
    assert [r.id for r in read([path])] == [f"{path}:2", f"{path}:4"]


def test_jsonl_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    """A UTF-8 byte order mark before the first record does not spoil it."""
    path = write(tmp_path, "docs.jsonl", b'\xef\xbb\xbf{"id": "a", "text": "A"}\n')
    assert read([path]) == [Record("a", text="A")]


@pytest.mark.parametrize(
    ("line", "expected_id", "reason"),
    [
        ("{oops", "{path}:1", "not JSON (Expecting property name enclosed in double quotes)"),
        ("[1, 2]", "{path}:1", "expected a JSON object with 'id' and 'text'"),
        ('"just a string"', "{path}:1", "expected a JSON object with 'id' and 'text'"),
        ('{"id": "n"}', "n", "no 'text' string"),
        ('{"id": "n", "text": null}', "n", "no 'text' string"),
        ('{"id": "n", "text": ["a"]}', "n", "'text' is not a string"),
    ],
    ids=["not-json", "array", "string", "no-text", "null-text", "list-text"],
)
def test_jsonl_bad_line_gives_e006(
    tmp_path: Path, line: str, expected_id: str, reason: str
) -> None:
    """A line that is not a usable record gives an [E006] error naming the file and line."""
    path = jsonl_file(tmp_path, line)
    assert read([path]) == [
        Record(expected_id.format(path=path), error=f"[E006] {path}: line 1: {reason}.")
    ]


def test_jsonl_invalid_utf8_line_gives_e007(tmp_path: Path) -> None:
    """A line that is not UTF-8 gives an [E007] error for ``path:line``; the others are read."""
    path = write(tmp_path, "docs.jsonl", b'{"id": "a", "text": "A"}\n{"text": "\xe9"}\n')
    assert read([path]) == [
        Record("a", text="A"),
        Record(f"{path}:2", error=f"[E007] {path}:2: invalid UTF-8 at byte 10."),
    ]


def test_jsonl_reading_goes_on_after_bad_lines(tmp_path: Path) -> None:
    """Bad lines do not stop the lines after them."""
    path = jsonl_file(tmp_path, "{bad", {"id": "n"}, {"id": "ok", "text": "fine"})
    assert read([path])[2] == Record("ok", text="fine")


# ---------------------------------------------------------------------------------------------
# inputs: compressed files, directories, encodings, the count for the progress bar

COMPRESS = {"gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}


@pytest.mark.parametrize("ending", list(COMPRESS))
def test_compressed_text_and_jsonl_files_are_read(tmp_path: Path, ending: str) -> None:
    """a.txt.gz (.bz2, .xz) is one text document, b.jsonl.gz a file of records."""
    squeeze = COMPRESS[ending]
    text = write(tmp_path, f"a.txt.{ending}", squeeze(TEXT.encode("utf-8")))
    lines = squeeze(b'{"id": "r1", "text": "One."}\n{"id": "r2", "text": "Two."}\n')
    records = write(tmp_path, f"b.jsonl.{ending}", lines)
    assert read([text, records]) == [
        Record(text, text=TEXT),
        Record("r1", text="One."),
        Record("r2", text="Two."),
    ]


def test_a_corrupt_compressed_file_is_an_error_record(tmp_path: Path) -> None:
    """A .gz file that is not gzip gives an [E007] record; reading goes on."""
    bad = write(tmp_path, "a.txt.gz", b"not gzip at all")
    good = write(tmp_path, "b.txt", "B")
    records = read([bad, good])
    assert (records[0].id, records[0].error, records[1]) == (
        bad,
        f"[E007] {bad}: cannot be decompressed (BadGzipFile: Not a gzipped file (b'no')).",
        Record(good, text="B"),
    )


def test_a_compressed_jsonl_cut_short_keeps_its_whole_records(tmp_path: Path) -> None:
    """A .jsonl.gz cut short gives the records before the cut, then an [E007] record."""
    whole = gzip.compress(b"".join(b'{"id": "r%d", "text": "T"}\n' % i for i in range(500)))
    path = write(tmp_path, "cut.jsonl.gz", whole[: len(whole) // 2])
    records = read([path])
    last = records[-1]
    assert (
        all(r.error is None for r in records[:-1]),
        len(records) > 1,
        last.error is not None and "cannot be decompressed (EOFError" in last.error,
    ) == (True, True, True)


def test_a_directory_stands_for_its_documents_in_path_order(tmp_path: Path) -> None:
    """A directory gives its .txt and .jsonl files (compressed too, in subdirectories),
    sorted by path; hidden ones are left out and the others named in [W005]."""
    write(tmp_path, "b.txt", "B")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "c.TXT.xz", lzma.compress(b"C"))
    write(tmp_path, "a.jsonl", '{"id": "a1", "text": "A"}\n')
    write(tmp_path, ".secret.txt", "S")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git", "x.txt", "X")
    write(tmp_path, "page.html", "<p>")
    with pytest.warns(QuoteattrWarning) as warned:
        records = read([str(tmp_path)])
    assert ([(r.id, r.text) for r in records], [str(w.message) for w in warned]) == (
        [("a1", "A"), (str(tmp_path / "b.txt"), "B"), (str(tmp_path / "sub" / "c.TXT.xz"), "C")],
        [
            f"[W005] {tmp_path}: 1 files are not read (only .txt and .jsonl files are, "
            f"compressed with gzip, bzip2 or xz or not): {tmp_path / 'page.html'}."
        ],
    )


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_encoding_decodes_text_and_jsonl_files(tmp_path: Path, encoding: str) -> None:
    """Text and JSONL files in another encoding are read with ``encoding=``; its byte order
    mark (UTF-16's) is not text."""
    text = write(tmp_path, "a.txt", "Café «au lait»".encode(encoding))
    lines = '{"id": "é", "text": "Zoë"}\r\n{"id": "2", "text": "Ü"}\n'
    records = write(tmp_path, "b.jsonl", lines.encode(encoding))
    assert list(read_inputs([text, records], encoding=encoding)) == [
        Record(text, text="Café «au lait»"),
        Record("é", text="Zoë"),
        Record("2", text="Ü"),
    ]


def test_text_not_in_the_encoding_names_it(tmp_path: Path) -> None:
    """Bytes the encoding cannot decode give [E007] naming the encoding and the byte."""
    path = write(tmp_path, "a.txt", b"ok \x81 here")
    assert list(read_inputs([path], encoding="cp1252")) == [
        Record(path, error=f"[E007] {path}: invalid cp1252 at byte 3.")
    ]


def test_an_unknown_encoding_is_e035() -> None:
    """check_encoding refuses a codec Python does not know, and names a known one."""
    with pytest.raises(QuoteattrError, match=r"^\[E035\] Unknown text encoding 'klingon'"):
        check_encoding("klingon")
    assert check_encoding("Latin-1") == "iso8859-1"


def test_count_records_counts_files_lines_and_directories(tmp_path: Path) -> None:
    """Text files, standard input and missing files count one, JSONL files their non-blank
    lines (compressed too), directories their documents."""
    folder = tmp_path / "dir"
    folder.mkdir()
    write(folder, "x.txt", "X")
    write(folder, "y.jsonl", '{"text": "1"}\n\n{"text": "2"}\r{"text": "3"}')
    inputs = [
        write(tmp_path, "a.txt", "A"),
        write(tmp_path, "b.jsonl.gz", gzip.compress(b'{"text": "1"}\n{"text": "2"}\n')),
        str(tmp_path / "missing.txt"),
        "-",
        str(folder),
    ]
    assert count_records(inputs) == 1 + 2 + 1 + 1 + (1 + 3)


def test_count_records_gives_up_past_its_limit(tmp_path: Path) -> None:
    """Past ``limit`` bytes of JSONL the count is None (unknown), not a wrong number."""
    path = write(tmp_path, "a.jsonl", '{"text": "T"}\n' * 100)
    assert (count_records([path], limit=10_000), count_records([path], limit=100)) == (100, None)


def test_count_records_matches_what_is_read(tmp_path: Path) -> None:
    """The count is the number of records read, bad lines and blank lines included."""
    path = jsonl_file(tmp_path, "", {"text": "T"}, "   ", "{bad", {"id": "n"})
    assert count_records([path]) == len(read([path])) == 3


# ---------------------------------------------------------------------------------------------
# formats: CSV


def test_formats_are_the_cli_choices() -> None:
    """The command line offers exactly the formats of FORMATS, table first (the default)."""
    assert (FORMATS, tuple(Format), output_format(None, None)) == (
        ("table", "jsonl", "json", "csv", "html"),
        FORMATS,
        "table",
    )


def test_quote_row_has_exactly_the_csv_columns() -> None:
    """quote_row gives one value per CSV column, in the columns' order."""
    assert tuple(quote_row("d", 0, MINISTER)) == CSV_COLUMNS


def test_quote_row_flattens_speaker_and_cue() -> None:
    """quote_row copies the speaker, its mention and the cue into flat columns."""
    assert quote_row("doc", 3, MINISTER) == {
        "doc_id": "doc",
        "quote_index": 3,
        "attribution": None,
        "kind": "direct",
        "speaker": "the minister",
        "speaker_kind": "unnamed",
        "speaker_gender": "unknown",
        "gender_evidence": None,
        "role": None,
        "organization": None,
        "mention": "the minister",
        "mention_start": 15,
        "mention_end": 27,
        "cue": "said",
        "cue_category": "speech",
        "cue_start": 28,
        "cue_end": 32,
        "start": 0,
        "end": 14,
        "text": "“We will win,”",
        "context": None,
        "confidence": 0.95,
        "error": None,
    }


def test_quote_row_has_context_attribution_and_gender() -> None:
    """quote_row carries the quote's context sentence, its attribution and the speaker's
    gender with its evidence."""
    quote = Quote(
        kind=QuoteKind.DIRECT,
        text="“x,”",
        start=0,
        end=4,
        parts=((0, 4),),
        speaker=Speaker(
            "Ann Lee", SpeakerKind.PERSON, gender=Gender.FEMALE, gender_evidence="honorific"
        ),
        attribution=2,
        context=TextSpan("“x,” Ms. Lee said.", 0, 18),
    )
    row = quote_row("d", 0, quote)
    assert [row[k] for k in ("attribution", "speaker_gender", "gender_evidence", "context")] == [
        2,
        "female",
        "honorific",
        "“x,” Ms. Lee said.",
    ]


def test_quote_row_without_speaker_or_cue_leaves_them_empty() -> None:
    """A quote with no speaker and no cue has None in all their columns."""
    row = quote_row("doc", 0, SPLIT)
    assert {k for k, v in row.items() if v is None} == {
        "attribution",
        "speaker",
        "speaker_kind",
        "speaker_gender",
        "gender_evidence",
        "context",
        "role",
        "organization",
        "mention",
        "mention_start",
        "mention_end",
        "cue",
        "cue_category",
        "cue_start",
        "cue_end",
        "error",
    }


def test_quote_row_speaker_without_mention() -> None:
    """A speaker without a mention leaves only the mention columns empty."""
    quote = Quote(
        kind=QuoteKind.DIRECT,
        text="“x”",
        start=0,
        end=3,
        parts=((0, 3),),
        speaker=Speaker("Ann", kind=SpeakerKind.PERSON, role="mayor", organization="Town"),
    )
    row = quote_row("d", 0, quote)
    assert [row[k] for k in ("speaker", "role", "organization", "mention", "mention_start")] == [
        "Ann",
        "mayor",
        "Town",
        None,
        None,
    ]


def csv_rows(text: str) -> list[list[str]]:
    """Parses CSV text into rows."""
    return list(csv.reader(io.StringIO(text)))


def test_csv_of_no_results_is_the_header() -> None:
    """No documents give just the header line."""
    assert "".join(render_csv([])) == ",".join(CSV_COLUMNS) + "\n"


def test_csv_has_a_row_per_quote() -> None:
    """Each quote of each document is a row, indexed within its document."""
    rows = csv_rows("".join(render_csv([("d1", [MINISTER, SPLIT]), ("d2", [SPLIT])])))
    text = CSV_COLUMNS.index("text")
    assert [(r[0], r[1], r[text]) for r in rows[1:]] == [
        ("d1", "0", MINISTER.text),
        ("d1", "1", SPLIT.text),
        ("d2", "0", SPLIT.text),
    ]


def test_csv_row_values_are_quote_row_values() -> None:
    """A quote's row holds quote_row's values, None written as an empty field."""
    (_, row) = csv_rows("".join(render_csv([("d1", [MINISTER])])))
    expected = ["" if v is None else str(v) for v in quote_row("d1", 0, MINISTER).values()]
    assert row == expected


def test_csv_document_without_quotes_gives_a_row_with_its_id() -> None:
    """A document with no quotes is a row with its id and nothing else, so that the CSV
    lists every document (issue 15: it used to add no row)."""
    rows = csv_rows("".join(render_csv([("d1", []), ("d2", [SPLIT])])))
    assert ([r[0] for r in rows[1:]], [v for v in rows[1][1:] if v]) == (["d1", "d2"], [])


def test_csv_error_row_has_only_id_and_error() -> None:
    """A failed document is a row with its id and the error, every other field empty."""
    (_, row) = csv_rows("".join(render_csv([("d1", "[E007] d1: gone.")])))
    assert {CSV_COLUMNS[i]: v for i, v in enumerate(row) if v} == {
        "doc_id": "d1",
        "error": "[E007] d1: gone.",
    }


def test_csv_quotes_fields_with_commas_quotes_and_newlines() -> None:
    """Text with commas, double quotes and newlines survives the CSV round trip."""
    text = 'a, "b"\nc'
    quote = Quote(kind=QuoteKind.DIRECT, text=text, start=0, end=len(text), parts=((0, len(text)),))
    (_, row) = csv_rows("".join(render_csv([("d", [quote])])))
    assert row[CSV_COLUMNS.index("text")] == text


# ---------------------------------------------------------------------------------------------
# formats: JSON Lines and JSON


def test_jsonl_record_of_quotes() -> None:
    """A document's line is ``{"id", "quotes"}`` with each quote's to_dict, and a newline."""
    (line,) = render_jsonl([("d1", [MINISTER, SPLIT])])
    assert (line[-1], json.loads(line)) == (
        "\n",
        {"id": "d1", "quotes": [MINISTER.to_dict(), SPLIT.to_dict()]},
    )


def test_jsonl_quotes_round_trip() -> None:
    """The quote dicts of a JSONL line rebuild the quotes with Quote.from_dict."""
    (line,) = render_jsonl([("d1", [MINISTER, SPLIT])])
    assert [Quote.from_dict(d) for d in json.loads(line)["quotes"]] == [MINISTER, SPLIT]


def test_jsonl_record_of_an_error() -> None:
    """A failed document's line is ``{"id", "error"}``."""
    (line,) = render_jsonl([("d1", "[E007] d1: gone.")])
    assert json.loads(line) == {"id": "d1", "error": "[E007] d1: gone."}


def test_jsonl_one_line_per_document_in_order() -> None:
    """Documents give one line each, in order, with or without quotes."""
    lines = list(render_jsonl([("b", []), ("a", "bad"), ("c", [SPLIT])]))
    assert [json.loads(x)["id"] for x in "".join(lines).splitlines()] == ["b", "a", "c"]


def test_jsonl_keeps_non_ascii_text_readable() -> None:
    """Curly quotes are written as themselves, not as \\u escapes."""
    (line,) = render_jsonl([("d1", [MINISTER])])
    assert "“We will win,”" in line


def test_json_line_escapes_lone_surrogates_only() -> None:
    """A lone surrogate becomes JSON's escape (the line is UTF-8 and reads back the same);
    other non-ASCII text stays as it is."""
    data = {"id": "b\ud800", "text": "“x”"}
    line = json_line(data)
    assert (line, json.loads(line) == data, len(line.encode("utf-8")) > 0) == (
        '{"id": "b\\ud800", "text": "“x”"}',
        True,
        True,
    )


def test_json_is_an_array_of_the_jsonl_records() -> None:
    """render_json gives one JSON array of the records render_jsonl writes, in order."""
    results: list[tuple[str, Any]] = [("a", [MINISTER]), ("b", "[E007] b: gone."), ("c", [])]
    expected = [json.loads(line) for line in render_jsonl(results)]
    assert json.loads("".join(render_json(results))) == expected


@pytest.mark.parametrize("n", [0, 1, 3])
def test_json_streamed_is_the_text_json_dumps_gives(n: int) -> None:
    """render_json yields a record at a time the very text of json.dumps(..., indent=2)."""
    results: list[tuple[str, Any]] = [("a", [MINISTER]), ("b", "[E007] b: gone."), ("c", [])]
    records = [json.loads(line) for line in render_jsonl(results[:n])]
    expected = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    assert "".join(render_json(results[:n])) == expected


# ---------------------------------------------------------------------------------------------
# formats: the table


def test_table_block_of_one_quote() -> None:
    """A document's block: a count line, then who (kind) [cue] kind offsets conf, then content."""
    assert "".join(render_table([("d1", [MINISTER])])) == (
        "d1: 1 quote\n"
        "  the minister (unnamed) [said] direct 0-14 conf 0.95\n"
        "      “We will win,”\n"
        "\n"
    )


def test_table_unattributed_quote_shows_placeholders_and_joined_parts() -> None:
    """No speaker shows ``? (-)``, no cue ``[-]``, and the content joins the parts."""
    assert "".join(render_table([("d1", [SPLIT])])).splitlines()[1:3] == [
        "  ? (-) [-] direct 34-63 conf 0.30",
        "      “Later,” “we rest.”",
    ]


@pytest.mark.parametrize(("n", "head"), [(0, "d: 0 quotes"), (1, "d: 1 quote"), (2, "d: 2 quotes")])
def test_table_counts_quotes(n: int, head: str) -> None:
    """The count line says “quote” for one and “quotes” otherwise."""
    assert "".join(render_table([("d", [SPLIT] * n)])).splitlines()[0] == head


def test_table_error_block() -> None:
    """A failed document is one ERROR line."""
    assert "".join(render_table([("d1", "[E007] d1: gone.")])) == "d1: ERROR [E007] d1: gone.\n\n"


def test_table_clips_long_content_and_collapses_whitespace() -> None:
    """Content longer than the width is cut with an ellipsis; runs of whitespace become one."""
    text = "“" + "word\n  " * 10 + "”"
    quote = Quote(kind=QuoteKind.DIRECT, text=text, start=0, end=len(text), parts=((0, len(text)),))
    line = "".join(render_table([("d", [quote])], width=20)).splitlines()[2]
    assert line == "      “word word word wor…"  # 19 characters and the ellipsis
