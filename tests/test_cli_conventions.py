"""The command line as spaCy's users expect it (issue 14), run with typer's CliRunner: the
traps that gave a wrong result without a word, defaults in --help, --version,
``python -m quoteattr``, the format from -o's extension, directories, compressed files and
--encoding, evaluate's refusals and --match-names, warnings that name the document."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.core import TyperGroup, TyperOption
from typer.testing import CliRunner

import quoteattr
import quoteattr.io.job
import quoteattr.pipelines
from quoteattr.cli import app
from tests.test_cli import GOLD, GOLD_TEXT, PRED

MINISTER = "“We will win,” the minister said."
TWO = "“Fine,” Anna Smith said.\n\n“Later,” said John Brown."

runner = CliRunner()
# Help and errors drawn by rich: its colours (FORCE_COLOR in CI) and box lines left out.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_BOX = re.compile(r"[│╭╮╰╯─]+")


def plain(text: str) -> str:
    """Rich output as plain words: colours and boxes removed, white space collapsed."""
    return " ".join(_BOX.sub(" ", _ANSI.sub("", text)).split())


def invoke(*args: str, stdin: str | bytes | None = None) -> Any:
    """Runs the command line in this process; the result has exit_code, stdout, stderr."""
    return runner.invoke(app, list(args), input=stdin, env={"COLUMNS": "200"})


@pytest.fixture
def shared_nlp(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Makes the command line use the session pipeline."""
    monkeypatch.setattr(quoteattr.pipelines, "load", lambda *a, **k: nlp)


def write(path: Path, content: str | bytes) -> str:
    """Writes a file (text as UTF-8) and returns its path as a string."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------------------------------------
# the traps of the issue: each gave a wrong result without a word


def _parsed(fmt: str, text: str) -> Any:
    """An output file's content read back in the format it should be in."""
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in text.splitlines()]
    if fmt == "json":
        return [r["id"] for r in json.loads(text)]
    if fmt == "csv":
        return sorted({row["doc_id"] for row in csv.DictReader(io.StringIO(text))})
    return text.startswith("<!DOCTYPE html>")


@pytest.mark.model
@pytest.mark.parametrize(
    ("name", "fmt"),
    [("out.jsonl", "jsonl"), ("out.json", "json"), ("OUT.CSV", "csv"), ("out.html", "html")],
)
def test_output_extension_sets_the_format(
    tmp_path: Path, shared_nlp: None, name: str, fmt: str
) -> None:
    """``-o out.jsonl`` (and .json, .csv, .html) writes that format, not the table."""
    source = write(tmp_path / "a.txt", MINISTER)
    target = tmp_path / name
    result = invoke("extract", source, "-o", str(target))
    expected = True if fmt == "html" else [source]
    assert (result.exit_code, _parsed(fmt, target.read_text("utf-8"))) == (0, expected)


def test_a_format_that_contradicts_the_extension_is_an_error(tmp_path: Path) -> None:
    """``--format table -o out.csv`` exits 2 with [E034] before reading or writing anything."""
    target = tmp_path / "out.csv"
    result = invoke("extract", "missing.txt", "--format", "table", "-o", str(target))
    assert (result.exit_code, result.stderr, target.exists()) == (
        2,
        f"quoteattr: [E034] --format table contradicts --output {target}, whose extension "
        "means csv: leave --format out (the extension decides), or name the output "
        "otherwise.\n",
        False,
    )


@pytest.mark.model
def test_an_agreeing_format_and_an_unknown_extension_are_fine(
    tmp_path: Path, shared_nlp: None
) -> None:
    """--format csv with out.csv, and --format jsonl with an extension that means nothing,
    write what was asked."""
    source = write(tmp_path / "a.txt", MINISTER)
    agreeing = invoke("extract", source, "--format", "csv", "-o", str(tmp_path / "o.csv"))
    other = invoke("extract", source, "--format", "jsonl", "-o", str(tmp_path / "o.out"))
    assert (
        agreeing.exit_code,
        _parsed("csv", (tmp_path / "o.csv").read_text("utf-8")),
        other.exit_code,
        _parsed("jsonl", (tmp_path / "o.out").read_text("utf-8")),
    ) == (0, [source], 0, [source])


# One document of test_cli's evaluate files: its first gold quote and the prediction of it.
GOLD_QUOTE = GOLD["quotes"][0]
PRED_QUOTE = PRED["quotes"][0]


def gold_and_pred(tmp_path: Path, gold_id: str, pred_id: str) -> tuple[str, str]:
    """A gold file of one document and a predictions file with its quote, under two ids."""
    gold = {"id": gold_id, "text": GOLD_TEXT, "quotes": [GOLD_QUOTE]}
    pred = {"id": pred_id, "quotes": [PRED_QUOTE]}
    return (
        write(tmp_path / "gold.jsonl", json.dumps(gold, ensure_ascii=False) + "\n"),
        write(tmp_path / "pred.jsonl", json.dumps(pred, ensure_ascii=False) + "\n"),
    )


def test_evaluate_with_no_matching_id_exits_2_and_says_how_to_pair(tmp_path: Path) -> None:
    """Predictions made from another folder (ids are paths as typed) match no gold id:
    evaluate exits 2 with [E036] and points at --match-names, instead of printing zeros."""
    gold, pred = gold_and_pred(tmp_path, "articles/a.txt", "../corpus/articles/a.txt")
    result = invoke("evaluate", gold, pred)
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "quoteattr: [E036] No predicted document has the id of a gold document (1 gold ids, "
        "such as 'articles/a.txt'; 1 predicted ids, such as '../corpus/articles/a.txt'): "
        "every figure would be zero. Their file names agree: pair them by file name with "
        "--match-names (ids are the paths as typed, so a run from another folder gives "
        "other ids).\n",
    )


def test_evaluate_with_unrelated_files_exits_2(tmp_path: Path) -> None:
    """Files about different documents: [E036], without the --match-names hint."""
    gold, pred = gold_and_pred(tmp_path, "a", "b")
    result = invoke("evaluate", gold, pred)
    assert (
        result.exit_code,
        result.stderr.endswith("Are both files about the same documents?\n"),
    ) == (
        2,
        True,
    )


def test_evaluate_match_names_scores_output_of_another_folder(tmp_path: Path) -> None:
    """--match-names pairs ``../corpus/articles/a.txt`` with gold ``polnear/a`` and scores
    them as if the ids were the same."""
    same = invoke("evaluate", *gold_and_pred(tmp_path / "same", "a", "a"), "--json")
    named = invoke(
        "evaluate",
        *gold_and_pred(tmp_path / "named", "polnear/a", "../corpus/articles/a.txt.gz"),
        "--json",
        "--match-names",
    )
    summary = json.loads(named.stdout)
    assert (named.exit_code, summary, summary["content.cov30"]["f1"]) == (
        0,
        json.loads(same.stdout),
        1.0,
    )


def test_evaluate_match_names_refuses_two_documents_of_one_name(tmp_path: Path) -> None:
    """Two predicted documents with one file name cannot be paired by name: [E038], 2."""
    gold, _ = gold_and_pred(tmp_path, "a", "a")
    pred = write(
        tmp_path / "two.jsonl",
        '{"id": "x/a.txt", "quotes": []}\n{"id": "y/a.txt", "quotes": []}\n',
    )
    result = invoke("evaluate", gold, pred, "--match-names")
    assert (result.exit_code, result.stderr.split(" have the same")[0]) == (
        2,
        "quoteattr: [E038] --match-names: 'x/a.txt' and 'y/a.txt' of the predictions file",
    )


def test_evaluate_unknown_kind_exits_2(tmp_path: Path) -> None:
    """``--kinds direkt`` is [E037] and status 2, not a table of zeros."""
    gold, pred = gold_and_pred(tmp_path, "a", "a")
    result = invoke("evaluate", gold, pred, "--kinds", "direkt")
    assert (result.exit_code, result.stderr) == (
        2,
        "quoteattr: [E037] Unknown quote kind 'direkt' in kinds=; choose from direct, "
        "indirect, mixed.\n",
    )


def test_extract_unknown_kind_exits_2(tmp_path: Path) -> None:
    """extract's ``--kinds direkt`` is a coded error with status 2, before any document."""
    result = invoke("extract", "missing.txt", "--kinds", "direkt")
    assert (result.exit_code, result.stderr.startswith("quoteattr: [E020] ")) == (2, True)


def test_evaluate_names_the_gold_documents_without_a_prediction(tmp_path: Path) -> None:
    """Some gold documents without a prediction are scored as predicting nothing, and said."""
    gold = {"id": "b", "text": GOLD_TEXT, "quotes": [GOLD_QUOTE]}
    gold_path, pred_path = gold_and_pred(tmp_path, "a", "a")
    with open(gold_path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(gold, ensure_ascii=False) + "\n")
    result = invoke("evaluate", gold_path, pred_path)
    assert (result.exit_code, result.stderr) == (
        0,
        "quoteattr: warning: 1 of 2 gold documents have no prediction and count as "
        "predicting no quote: 'b'\n",
    )


# ---------------------------------------------------------------------------------------------
# conventions: help, version, python -m


def test_version_prints_quoteattr_and_spacy_versions() -> None:
    """--version prints the versions and exits 0."""
    result = invoke("--version")
    assert (
        result.exit_code,
        result.stdout.startswith(f"quoteattr {quoteattr.__version__} (spaCy 3.8."),
    ) == (
        0,
        True,
    )


def test_help_shows_the_defaults() -> None:
    """``extract --help`` gives each option's default, as spaCy's commands do."""
    result = invoke("extract", "--help")
    shown = plain(result.stdout)
    expected = [
        "--batch-size N [x>=1] The most documents in one batch. [default: 32]",
        f"[default: {quoteattr.DEFAULT_MODEL}]",
        "[default: (from --output's extension, else table)]",
        "[default: (on a terminal)]",
        "[default: utf-8]",
        "[default: claims]",
    ]
    assert (result.exit_code, [e for e in expected if e not in shown]) == (0, [])


def readme_synopsis() -> dict[str, set[str]]:
    """The options the README's synopsis gives each command ("" for ``quoteattr`` itself)."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line\n", 1)[1]
    block = section.split("```text\n", 1)[1].split("\n```", 1)[0]
    options: dict[str, set[str]] = {}
    command = ""
    for line in block.splitlines():
        words = line.split()
        if line.startswith("quoteattr "):
            command = words[1] if not words[1].startswith("-") else ""
        options.setdefault(command, set()).update(
            w.strip("[]|") for w in words if w.strip("[]|").startswith("-")
        )
    return options


def test_readme_synopsis_names_every_option_and_only_real_ones() -> None:
    """The README's synopsis of each command lists each of its options (by one of its names)
    and no option it lacks, so that it cannot go stale as options come and go."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    commands = {"": group, **group.commands}
    shown, real = {}, {}
    for name, command in commands.items():
        params = [p for p in command.params if p.name != "help" and isinstance(p, TyperOption)]
        names = [set(p.opts) | set(p.secondary_opts) for p in params]
        listed = readme_synopsis().get(name, set())
        shown[name] = sorted(min(n) for n in names if n & listed)
        real[name] = sorted(min(n) for n in names) + sorted(
            o for o in listed if not any(o in n for n in names)
        )
    assert shown == real


def test_python_m_quoteattr_is_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``python -m quoteattr --version`` runs the command line and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["quoteattr", "--version"])
    with pytest.raises(SystemExit) as done:
        runpy.run_module("quoteattr", run_name="__main__")
    assert (done.value.code, capsys.readouterr().out.startswith("quoteattr ")) == (0, True)


def test_command_without_its_arguments_prints_its_help() -> None:
    """``quoteattr evaluate`` alone prints evaluate's help (status 2), not a bare error."""
    result = invoke("evaluate")
    assert (
        result.exit_code,
        "Usage: quoteattr evaluate" in plain(result.stdout + result.stderr),
    ) == (
        2,
        True,
    )


# ---------------------------------------------------------------------------------------------
# inputs: directories, compressed files, encodings


@pytest.mark.model
def test_a_directory_is_read_and_its_other_files_are_named(
    tmp_path: Path, shared_nlp: None
) -> None:
    """A directory stands for its .txt and .jsonl files (compressed ones too, in
    subdirectories, in path order); the others are named in a [W005] warning."""
    folder = tmp_path / "in"
    write(folder / "b.txt", MINISTER)
    write(folder / "a" / "c.txt.gz", gzip.compress(TWO.encode("utf-8")))
    write(folder / "d.jsonl", json.dumps({"id": "d1", "text": MINISTER}) + "\n")
    write(folder / "notes.md", "not a document")
    write(folder / ".hidden.txt", "hidden")
    result = invoke("extract", str(folder), "--format", "jsonl")
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert (result.exit_code, ids, result.stderr) == (
        0,
        [str(folder / "a" / "c.txt.gz"), str(folder / "b.txt"), "d1"],
        f"quoteattr: warning: [W005] {folder}: 1 files are not read (only .txt and .jsonl "
        f"files are, compressed with gzip, bzip2 or xz or not): {folder / 'notes.md'}.\n",
    )


@pytest.mark.model
def test_encoding_option_decodes_the_inputs(tmp_path: Path, shared_nlp: None) -> None:
    """--encoding cp1252 reads a Windows-1252 file that is not UTF-8 (exit 1 without it)."""
    source = write(tmp_path / "a.txt", MINISTER.encode("cp1252"))
    wrong = invoke("extract", source, "--format", "jsonl")
    right = invoke("extract", source, "--format", "jsonl", "--encoding", "cp1252")
    quotes = json.loads(right.stdout)["quotes"]
    assert (wrong.exit_code, right.exit_code, [q["text"] for q in quotes]) == (
        1,
        0,
        ["“We will win,”"],
    )


def test_an_unknown_encoding_is_an_error() -> None:
    """An encoding Python does not know exits 2 with [E035]."""
    result = invoke("extract", "a.txt", "--encoding", "klingon")
    assert (result.exit_code, result.stderr.startswith("quoteattr: [E035] ")) == (2, True)


@pytest.mark.model
def test_stdin_is_read_for_dash(shared_nlp: None) -> None:
    """No input (or -) reads standard input."""
    result = invoke("extract", "--format", "jsonl", stdin=MINISTER)
    assert (result.exit_code, json.loads(result.stdout)["id"]) == (0, "-")


# ---------------------------------------------------------------------------------------------
# Ctrl-C (a real SIGINT to a real run is tests/test_faults.py's)


@pytest.mark.model
@pytest.mark.parametrize(
    ("output", "said"),
    [
        (
            "out.jsonl",
            "the results finished before it are written; run the same command with --resume "
            "to continue {out}",
        ),
        (
            "out.csv",
            "nothing is written to {out}; to continue a run later, write JSON Lines to a file "
            "(-o FILE.jsonl) and use --resume",
        ),
        (
            None,
            "the results finished before it are written; to continue a run later, write JSON "
            "Lines to a file (-o FILE.jsonl) and use --resume",
        ),
    ],
    ids=["jsonl-file", "csv-file", "stdout"],
)
def test_ctrl_c_says_in_one_line_how_to_resume(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shared_nlp: None,
    output: str | None,
    said: str,
) -> None:
    """Ctrl-C exits 130 with one line on stderr naming --resume, whatever the output: how to
    continue a JSON Lines file, else how to write one that can be continued."""
    real = quoteattr.io.job.read_inputs

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        records = real(*args, **kwargs)
        yield next(records)
        raise KeyboardInterrupt

    monkeypatch.setattr(quoteattr.io.job, "read_inputs", interrupted)
    source = write(tmp_path / "a.txt", MINISTER)
    out = str(tmp_path / output) if output else None
    result = invoke("extract", source, source, *(["-o", out] if out else []))
    assert (result.exit_code, result.stderr) == (
        130,
        f"quoteattr: interrupted: {said.format(out=out)}\n",
    )


# ---------------------------------------------------------------------------------------------
# warnings


@pytest.mark.model
def test_language_warning_is_shown_naming_the_document(tmp_path: Path, shared_nlp: None) -> None:
    """A text that is clearly not English gets its [W003] line on stderr, with its id,
    without --warnings (it used to be silenced with the quote-mark warnings)."""
    german = (
        "Die Regierung hat am Montag beschlossen, dass die Steuern im nächsten Jahr nicht "
        "steigen werden. Der Minister sagte, man werde die Ausgaben für Schulen und Straßen "
        "deutlich erhöhen, obwohl die Opposition dagegen protestiert."
    )
    source = write(tmp_path / "de.txt", german)
    result = invoke("extract", source, "--format", "jsonl")
    assert (result.exit_code, result.stderr.split(" does not")[0]) == (
        0,
        f"quoteattr: warning: [W003] Document {source!r}",
    )


def test_the_command_line_starts_without_importing_spacy() -> None:
    """``import quoteattr.cli`` (what ``quoteattr --help`` and the first frame of the progress
    bar wait for) does not import spaCy, which takes a second; ``quoteattr.extract`` still
    does when it is used. A fresh interpreter is the point, so this runs one."""
    code = (
        "import sys, quoteattr.cli; before = 'spacy' in sys.modules; "
        "import quoteattr; quoteattr.extract; print(before, 'spacy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout == "False True\n"


def test_the_function_extract_is_not_hidden_by_its_module() -> None:
    """Importing the module quoteattr.extract leaves quoteattr.extract the function."""
    import quoteattr.extract

    assert (callable(quoteattr.extract), quoteattr.extract.__module__) == (
        True,
        "quoteattr.extract",
    )
