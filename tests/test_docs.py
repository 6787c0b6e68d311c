"""Docs that cannot go stale: the code blocks of README.md and docs/*.md run, and show what
they print.

Every fenced block carries its language: ```python blocks are run, ```text blocks are output
(or a synopsis), ```sh blocks are shell commands. The Python blocks of one file run in order,
in one namespace, in a fresh Python process, in a temporary directory that holds a copy of
the repository's ``seeds/`` and an ``articles.jsonl`` of two records (the seed article and a
one-line text), as a reader's own articles file would. Markers on the line before a block:

- ``<!-- skip: reason -->`` before a ```python block: not run (pseudo-code, or it needs a
  cluster); :data:`SKIPPED` lists every such block, so that none is skipped silently.
- a ```text block right after a ```python block (blank lines between at most) is that
  block's output: it must be what the block prints.
- ``<!-- output of: quoteattr ARGS -->`` before a ```text block: the block is what the
  command prints (standard output), run in the same temporary directory.

``QUOTEATTR_UPDATE_DOCS=1 pytest tests/test_docs.py`` writes the real output into the files'
output blocks (and still fails, so that the diff is looked at before it is committed).
"""

from __future__ import annotations

import itertools
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
#: The files whose fences need not carry a language: the HTML page's section, written with
#: the browser test's screenshot and left as it was made.
UNLABELLED_OK = {"docs/html.md"}
LANGUAGES = {"python", "text", "sh"}
#: Every ```python block that is not run, by file and reason.
SKIPPED = [
    ("docs/scale.md", "needs a dask scheduler at tcp://scheduler:8786 and the archive on S3"),
]
UPDATE = os.environ.get("QUOTEATTR_UPDATE_DOCS") == "1"

_FENCE = re.compile(r"^```(\S*)\s*$")
_MARKER = re.compile(r"^<!--\s*(skip|output of):\s*(.*?)\s*-->$")


@attrs.frozen
class Block:
    """A fenced block: its file, the line numbers of its fences (0-based), language, text,
    and the marker on the line before it."""

    path: str
    start: int
    end: int
    language: str
    text: str
    skip: str | None = None
    output_of: str | None = None


def parse(path: str, markdown: str) -> list[Block]:
    """The fenced blocks of a Markdown text, in order."""
    lines = markdown.split("\n")
    blocks = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].rstrip() != "```":
            end += 1
        before = next((lines[k].strip() for k in range(i - 1, -1, -1) if lines[k].strip()), "")
        marker = _MARKER.match(before)
        kind, value = (marker.group(1), marker.group(2)) if marker else (None, None)
        text = "\n".join(lines[i + 1 : end])
        skip = value if kind == "skip" else None
        output_of = value if kind == "output of" else None
        blocks.append(Block(path, i, end, opening.group(1), text, skip, output_of))
        i = end + 1
    return blocks


def output_blocks(blocks: list[Block], lines: list[str]) -> dict[int, Block]:
    """The ```text block that shows each ```python block's output, by the python block's
    index: the next block, when only blank lines lie between."""
    paired = {}
    for k, (block, after) in enumerate(itertools.pairwise(blocks)):
        gap = lines[block.end + 1 : after.start]
        if block.language == "python" and after.language == "text" and not any(map(str.strip, gap)):
            paired[k] = after
    return paired


def relative(path: Path) -> str:
    """A doc's path relative to the repository, with forward slashes."""
    return path.relative_to(ROOT).as_posix()


def every_block() -> dict[str, list[Block]]:
    """The blocks of every doc file, by relative path."""
    return {relative(p): parse(relative(p), p.read_text(encoding="utf-8")) for p in DOCS}


def clean(text: str) -> str:
    """Text as shown in a doc: trailing spaces and trailing blank lines removed."""
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n"))


def workspace(path: Path) -> Path:
    """A directory like a reader's checkout: seeds/ and an articles.jsonl of two records."""
    path.mkdir(parents=True)
    shutil.copytree(ROOT / "seeds", path / "seeds")
    seed = (ROOT / "seeds" / "nato-iraq-reuters.txt").read_text(encoding="utf-8")
    records = [
        {"id": "nato-iraq-reuters", "text": seed},
        {"id": "minister", "text": "“We will win,” the minister said."},
    ]
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (path / "articles.jsonl").write_text("".join(lines), encoding="utf-8")
    return path


# Runs in a fresh Python: each file's blocks in a namespace of their own, in its directory,
# with the warnings filters of the test suite; one process, so the model loads once.
DRIVER = textwrap.dedent(
    """
    import contextlib, io, json, os, sys, traceback, warnings
    import quoteattr.errors
    warnings.simplefilter("error")
    warnings.filterwarnings("ignore", category=quoteattr.errors.QuoteattrWarning)
    jobs = json.load(sys.stdin)
    report = {}
    for job in jobs:
        os.chdir(job["dir"])
        namespace = {"__name__": "__main__"}
        results = report.setdefault(job["path"], [])
        for line, code in job["blocks"]:
            out = io.StringIO()
            try:
                with contextlib.redirect_stdout(out):
                    exec(compile(code, f"{job['path']}:{line + 2}", "exec"), namespace)
            except BaseException:
                results.append({"line": line, "stdout": out.getvalue(),
                                "error": traceback.format_exc()})
                break
            results.append({"line": line, "stdout": out.getvalue(), "error": None})
    sys.__stdout__.write(json.dumps(report))
    """
)


@pytest.fixture(scope="module")
def ran(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Runs the ```python blocks of every doc file, returning each block's output or error
    by file, and each file's working directory."""
    base = tmp_path_factory.mktemp("docs")
    jobs, dirs = [], {}
    for path, blocks in every_block().items():
        code = [(b.start, b.text) for b in blocks if b.language == "python" and b.skip is None]
        dirs[path] = workspace(base / path.replace("/", "_"))
        if code:
            jobs.append({"path": path, "dir": str(dirs[path]), "blocks": code})
    done = subprocess.run(
        [sys.executable, "-c", DRIVER],
        input=json.dumps(jobs),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return {"results": json.loads(done.stdout), "dirs": dirs}


def rewrite(path: str, replacements: dict[Block, str]) -> None:
    """Puts the real output into a doc's output blocks."""
    file = ROOT / path
    lines = file.read_text(encoding="utf-8").split("\n")
    for block, output in sorted(replacements.items(), key=lambda kv: -kv[0].start):
        lines[block.start + 1 : block.end] = clean(output).split("\n")
    file.write_text("\n".join(lines), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# the parser


def test_parse_reads_fences_languages_and_markers() -> None:
    """parse() finds each fenced block with its language, text and marker."""
    markdown = (
        "Intro\n\n```python\nprint(1)\n```\n\n```text\n1\n```\n"
        "<!-- skip: needs a cluster -->\n```python\nconnect()\n```\n"
        "<!-- output of: quoteattr extract a.txt -->\n\n```text\nx\n```\n```\nbare\n```"
    )
    assert [(b.language, b.text, b.skip, b.output_of) for b in parse("x.md", markdown)] == [
        ("python", "print(1)", None, None),
        ("text", "1", None, None),
        ("python", "connect()", "needs a cluster", None),
        ("text", "x", None, "quoteattr extract a.txt"),
        ("", "bare", None, None),
    ]


def test_output_blocks_pair_a_python_block_with_the_text_right_after() -> None:
    """A ```text block right after a ```python block is its output; prose between breaks it."""
    markdown = "```python\na\n```\n\n```text\nA\n```\n```python\nb\n```\nProse.\n```text\nB\n```"
    blocks = parse("x.md", markdown)
    paired = output_blocks(blocks, markdown.split("\n"))
    assert {k: b.text for k, b in paired.items()} == {0: "A"}


# ---------------------------------------------------------------------------------------------
# the docs


def test_every_fence_names_its_language() -> None:
    """Every block is python, text or sh, so that no code hides in an unlabelled block."""
    bad = [
        f"{path}:{b.start + 1} {b.language or '(none)'}"
        for path, blocks in every_block().items()
        if path not in UNLABELLED_OK
        for b in blocks
        if b.language not in LANGUAGES
    ]
    assert bad == []


def test_skipped_blocks_are_the_listed_ones() -> None:
    """The ```python blocks marked skip are exactly those of SKIPPED, each with its reason."""
    found = [(path, b.skip) for path, blocks in every_block().items() for b in blocks if b.skip]
    assert found == SKIPPED


def test_the_docs_have_python_blocks() -> None:
    """README.md, docs/notebook.md and docs/scale.md hold Python examples (the test has
    something to run)."""
    counts = {
        path: sum(b.language == "python" and b.skip is None for b in blocks)
        for path, blocks in every_block().items()
    }
    assert all(counts[p] > 0 for p in ("README.md", "docs/notebook.md", "docs/scale.md"))


@pytest.mark.model
@pytest.mark.parametrize("path", [relative(p) for p in DOCS])
def test_python_blocks_run_and_print_what_the_doc_shows(path: str, ran: dict[str, Any]) -> None:
    """Each ```python block of the file runs without an error, and prints what the
    ```text block after it shows."""
    blocks = every_block()[path]
    results = {r["line"]: r for r in ran["results"].get(path, [])}
    errors = [f"{path}:{line + 1}\n{r['error']}" for line, r in results.items() if r["error"]]
    assert errors == []
    lines = (ROOT / path).read_text(encoding="utf-8").split("\n")
    wrong = {}
    for k, shown in output_blocks(blocks, lines).items():
        printed = results[blocks[k].start]["stdout"]
        if clean(printed) != clean(shown.text):
            wrong[shown] = printed
    if wrong and UPDATE:
        rewrite(path, wrong)
        pytest.fail(f"{path}: {len(wrong)} output blocks rewritten; check the diff, run again")
    assert {b.start + 1: clean(b.text) for b in wrong} == {
        b.start + 1: clean(out) for b, out in wrong.items()
    }


@pytest.mark.model
@pytest.mark.parametrize("path", [relative(p) for p in DOCS])
def test_commands_print_what_the_doc_shows(path: str, ran: dict[str, Any]) -> None:
    """Each ``<!-- output of: quoteattr ... -->`` block is what the real command prints."""
    marked = [b for b in every_block()[path] if b.output_of]
    script = shutil.which("quoteattr", path=str(Path(sys.executable).parent))
    assert script is not None, "the quoteattr command is not installed beside this Python"
    wrong = {}
    for block in marked:
        program, *args = block.output_of.split() if block.output_of else [""]
        assert program == "quoteattr", f"{path}:{block.start}: not a quoteattr command"
        done = subprocess.run(
            [script, *args],
            cwd=ran["dirs"][path],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        if clean(done.stdout) != clean(block.text):
            wrong[block] = done.stdout
    if wrong and UPDATE:
        rewrite(path, wrong)
        pytest.fail(f"{path}: {len(wrong)} output blocks rewritten; check the diff, run again")
    assert {b.start + 1: clean(b.text) for b in wrong} == {
        b.start + 1: clean(out) for b, out in wrong.items()
    }


def test_readme_shows_the_main_jobs_real_output() -> None:
    """The README's output of its main job is marked, so the test above runs the command."""
    commands = [b.output_of for b in every_block()["README.md"] if b.output_of]
    assert "quoteattr extract seeds/nato-iraq-reuters.txt" in commands


# ---------------------------------------------------------------------------------------------
# the API reference


def test_api_reference_builds_without_a_warning(tmp_path: Path) -> None:
    """docs/build_api.py builds a page per module with pdoc, warnings as errors (an
    annotation it cannot resolve, a module that fails to import)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "build_api.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    import quoteattr

    modules = {"quoteattr"} | {
        m.name for m in pkgutil.walk_packages(quoteattr.__path__, "quoteattr.")
    }
    pages = {
        p.relative_to(tmp_path).with_suffix("").as_posix().replace("/", ".")
        for p in tmp_path.rglob("*.html")
    }
    assert pages == modules | {"index"}
