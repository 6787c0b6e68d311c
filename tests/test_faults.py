"""Fault injection (issue 15): early stops, killed processes, signals, full disks, closed pipes,
hostile ids and texts, outputs that are inputs, concurrent runs, shared pipelines, long texts
under a memory budget, and the exit statuses (the tampered model is tests/test_verify.py's).

Most tests run on a stand-in pipeline (``tests/standin.py``: a cheap fake parser and a
component that raises, kills its process or sleeps on demand), so that worker processes start
in about two seconds and nothing waits for the model; the tests marked ``model`` use the real
one. Command-line runs that need real processes and signals run ``tests/standin.py`` as a
script in a subprocess.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quoteattr
import quoteattr.pipelines
from quoteattr import QuoteattrError
from quoteattr.batch import extract_many, extract_with
from quoteattr.chunks import chunk_chars
from quoteattr.cli import main
from quoteattr.io import read_inputs
from quoteattr.io.formats import CSV_COLUMNS, render_csv, render_table
from quoteattr.io.job import Exit, parse_size
from quoteattr.io.outputs import lock
from quoteattr.pool import _UNIT, Pool, Source, Task, _Finder, _zone_for, run_batch
from quoteattr.threads import ONE_THREAD

from . import standin
from .conftest import ROOT

pytestmark = pytest.mark.faults

SCRIPT = str(ROOT / "tests" / "standin.py")
FINE = "“Fine,” Anna Smith said."
LATER = "“Later,” said John Brown.\n\nNothing else."
GRUMBLE = "“No,” he grumbled."


def alive(pids: list[int]) -> list[int]:
    """The pids that are still running processes (not zombies)."""
    out = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if "zombie" not in status:
            out.append(pid)
    return out


def children_of(pid: int) -> list[int]:
    """The direct children of a process, from /proc."""
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        kids.extend(int(k) for k in (task / "children").read_text().split())
    return kids


def gone_within(pids: list[int], seconds: float) -> bool:
    """Whether every one of the pids has exited within ``seconds``."""
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pids)


@pytest.fixture(scope="module")
def faulty() -> Any:
    """The stand-in pipeline with the fault-injecting component."""
    return standin.standin("test_faults")


def outcomes(results: list[Any]) -> list[Any]:
    """Each result's quote count, or its error message."""
    return [len(o) if isinstance(o, list) else str(o) for _, o in results]


# ---------------------------------------------------------------------------------------------
# 1. worker processes: early stops, deaths, signals


def test_early_close_with_two_processes_returns_within_seconds(faulty: Any) -> None:
    """Closing the stream while both workers are busy returns in well under 10 s and leaves
    no worker behind (spaCy's own n_process=2 never returned)."""
    texts = [f"“Quote {i},” Smith said. SLEEP:0.3" for i in range(100)]
    stream = extract_many(texts, nlp=faulty, n_process=2, batch_size=8)
    next(stream)
    workers = [p.pid for p in multiprocessing.active_children() if p.pid is not None]
    started = time.monotonic()
    stream.close()
    took = time.monotonic() - started
    assert (len(workers), took < 10, alive(workers), multiprocessing.active_children()) == (
        2,
        True,
        [],
        [],
    )


@pytest.mark.model
def test_issue_reproduction_early_close_with_the_model() -> None:
    """The issue's own reproduction, with the default model, returns within seconds."""
    docs = [f"“Quote {i},” Smith said. " * 200 for i in range(100)]
    g = quoteattr.extract_many(docs, n_process=2, batch_size=8)
    next(g)
    started = time.monotonic()
    g.close()
    assert (time.monotonic() - started < 10, multiprocessing.active_children()) == (True, [])


def test_breaking_out_of_the_loop_ends_the_workers(faulty: Any) -> None:
    """A consumer that breaks out of its loop (the stream is dropped) ends the workers."""
    texts = [f"“Quote {i},” Smith said. SLEEP:0.3" for i in range(60)]
    workers: list[int] = []
    for _ in extract_many(texts, nlp=faulty, n_process=2, batch_size=4):
        workers = [p.pid for p in multiprocessing.active_children() if p.pid is not None]
        break
    assert (len(workers), gone_within(workers, 10)) == (2, True)


def test_exception_in_the_consumer_ends_the_workers(faulty: Any) -> None:
    """An exception raised by the consumer between results ends the workers, and is the one
    the caller sees."""
    texts = [f"“Quote {i},” Smith said. SLEEP:0.3" for i in range(60)]
    workers: list[int] = []
    with (
        pytest.raises(ZeroDivisionError),
        contextlib.closing(extract_many(texts, nlp=faulty, n_process=2, batch_size=4)) as stream,
    ):
        for _ in stream:
            workers = [p.pid for p in multiprocessing.active_children() if p.pid]
            _ = 1 / 0
    assert (len(workers), gone_within(workers, 10)) == (2, True)


def test_a_killed_workers_documents_are_retried(faulty: Any, tmp_path: Path) -> None:
    """A worker killed in the middle of a batch (here by its own document, once) is replaced;
    its documents are parsed again and every one gets its quotes, in order."""
    flag = tmp_path / "killed"
    texts = [FINE] * 6 + [f"{FINE}\n\nKILL-ONCE:{flag}"] + [LATER] * 6
    results = list(extract_many(texts, nlp=faulty, n_process=2, batch_size=4))
    assert (flag.exists(), [i for i, _ in results], outcomes(results)) == (
        True,
        [str(i) for i in range(13)],
        [1] * 13,
    )


def test_a_document_that_kills_two_workers_is_an_error_record(faulty: Any) -> None:
    """A document that takes its worker down twice becomes an [E025] record; the documents
    of its batch are parsed again alone and get their quotes; no worker is left."""
    texts = [FINE, FINE, f"{FINE} KILL-ME", FINE, LATER]  # one quote each
    results = list(extract_many(texts, nlp=faulty, n_process=2, batch_size=8))
    assert (outcomes(results), multiprocessing.active_children()) == (
        [
            1,
            1,
            "[E025] 2: the worker process died while processing it, twice (killed by "
            "SIGKILL, as the out-of-memory killer does); the document is not processed.",
            1,
            1,
        ],
        [],
    )


def test_worker_killed_from_outside_loses_nothing(faulty: Any) -> None:
    """A worker killed by someone else (the out-of-memory killer, an operator) costs
    nothing: every document still gets its quotes."""
    texts = [f"“Quote {i},” Smith said. SLEEP:0.05" for i in range(40)]
    results = []
    stream = extract_many(texts, nlp=faulty, n_process=2, batch_size=4)
    results.append(next(stream))
    victim = multiprocessing.active_children()[0].pid
    assert victim is not None
    os.kill(victim, signal.SIGKILL)
    results.extend(stream)
    assert (outcomes(results), alive([victim])) == ([1] * 40, [])


def test_warnings_of_workers_reach_the_caller(faulty: Any) -> None:
    """A quote-mark warning raised in a worker is raised again in the caller's process,
    naming the document and pointing at the caller's line, as in one process."""
    with pytest.warns(quoteattr.QuoteattrWarning, match=r"\[W002\]") as record:
        list(extract_many([("w-1", "He said “oops.\n\nFine.")], nlp=faulty, n_process=2))
    assert [(str(w.message).split(" is not")[0], w.filename) for w in record] == [
        ("[W002] Quote opened at offset 8 of document 'w-1'", __file__)
    ]


def test_a_pipeline_that_cannot_load_in_the_workers_is_an_error(tmp_path: Path) -> None:
    """A worker that cannot load its pipeline ends the run with that error ([E002])."""
    with pytest.raises(QuoteattrError, match=r"^\[E002\] "):
        list(extract_with_model([FINE], "no_such_pipeline_xyz"))
    assert multiprocessing.active_children() == []


def extract_with_model(records: list[str], model: str) -> Iterator[Any]:
    """extract_with by model name, with two processes."""
    return extract_with(records, model, n_process=2)


PARENT = """
import sys
sys.path.insert(0, {root!r})
import quoteattr
from tests.standin import standin
nlp = standin("test_faults")
texts = [{text!r}] * {count}
for doc_id, _ in quoteattr.extract_many(texts, nlp=nlp, n_process=2, batch_size={batch}):
    print(doc_id, flush=True)
"""


def parent_script(text: str, count: int, batch: int) -> str:
    """A script that runs extract_many with two processes on ``count`` copies of ``text``
    and prints each id as its result comes."""
    return PARENT.format(root=str(ROOT), text=text, count=count, batch=batch)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_parent_leaves_no_worker(sig: int) -> None:
    """When the parent is killed outright (no clean-up runs), its workers see their pipe
    close and exit within seconds."""
    code = parent_script("“Fine,” Anna Smith said. SLEEP:0.2", 200, 2)
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as parent:
        assert parent.stdout is not None
        parent.stdout.readline()  # the workers are running
        workers = [p for p in children_of(parent.pid) if "spawn_main" in _cmdline(p)]
        parent.send_signal(sig)
        parent.wait(10)
    assert (len(workers), gone_within(workers, 10)) == (2, True)


def test_a_parent_killed_while_its_workers_parse_leaves_no_worker() -> None:
    """A worker in the middle of a long parse (a minute) when its parent is killed is
    killed with it (Linux's parent-death signal), not when it next reads its pipe."""
    code = parent_script("“Slow,” Anna Smith said. SLEEP:60", 2, 1)
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as parent:
        deadline = time.monotonic() + 60
        workers: list[int] = []
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = [p for p in children_of(parent.pid) if "spawn_main" in _cmdline(p)]
        time.sleep(8)  # both load the stand-in and start on their text
        parent.kill()
        parent.wait(10)
    assert (len(workers), gone_within(workers, 5)) == (2, True)


def test_a_worker_runs_one_thread(faulty: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker process has one thread, its numeric libraries included (OpenBLAS starts a
    thread of its own unless told not to): a second thread made every parse slower. The
    variable is set for the worker only."""
    for name in ONE_THREAD:
        monkeypatch.delenv(name, raising=False)  # a dask cluster of another test sets them
    with Pool(Source.of(faulty), 1) as pool:
        pool.start()
        pool.submit(1, [Task("“Yes,” Smith said.")])
        pool.collect()
        (pid,) = pool.pids
        threads = len(list(Path(f"/proc/{pid}/task").iterdir()))
        environ = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    assert (
        threads,
        b"OPENBLAS_NUM_THREADS=1" in environ,
        "OPENBLAS_NUM_THREADS" in os.environ,
    ) == (
        1,
        True,
        False,
    )


UNGUARDED = """
import sys
sys.path.insert(0, {root!r})
import quoteattr
from tests.standin import standin
nlp = standin("test_faults")
print(len(list(quoteattr.extract_many(["x"] * 4, nlp=nlp, n_process=2))), flush=True)
"""


def test_a_script_without_a_main_guard_fails_with_a_message(tmp_path: Path) -> None:
    """Workers that die while starting (a script file with no ``__main__`` guard re-runs
    itself in each of them) end the run with [E031] naming the guard, where the pool was left
    with no worker and waited for ever."""
    script = tmp_path / "unguarded.py"
    script.write_text(UNGUARDED.format(root=str(ROOT)), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert (run.returncode, run.stdout) == (1, "")
    assert "[E031]" in run.stderr
    assert "__main__" in run.stderr.splitlines()[-1]


def _cmdline(pid: int) -> str:
    """A process's command line (a worker's runs multiprocessing's ``spawn_main``)."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    return raw.replace(b"\0", b" ").decode(errors="replace")


# ---------------------------------------------------------------------------------------------
# 1. the command line: signals, closed pipes, full disks


@pytest.fixture(scope="module")
def standin_model(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The stand-in pipeline saved to disk, for --model."""
    return standin.standin_model(tmp_path_factory.mktemp("model") / "standin")


def slow_jsonl(path: Path, n: int, pause: float = 0.05) -> str:
    """A JSONL input of ``n`` documents that take ``pause`` seconds each."""
    lines = [
        json.dumps({"id": f"d{i}", "text": f"“Fine {i},” Anna Smith said. SLEEP:{pause}"})
        for i in range(n)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def cli(model: str, *args: str, **popen: Any) -> subprocess.Popen[bytes]:
    """Starts ``quoteattr extract`` (with the stand-in components) in a subprocess."""
    cmd = [sys.executable, SCRIPT, "extract", "--model", model, "--n-process", "2", *args]
    return subprocess.Popen(cmd, stdout=popen.pop("stdout", subprocess.PIPE), **popen)


def wait_for_lines(path: Path, n: int, timeout: float = 60) -> None:
    """Waits until a file has at least ``n`` lines."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} did not reach {n} lines")


@pytest.mark.parametrize(
    ("sig", "group", "said"),
    [
        (signal.SIGINT, False, "interrupted"),
        (signal.SIGINT, True, "interrupted"),
        (signal.SIGTERM, False, "terminated (SIGTERM)"),
    ],
    ids=["SIGINT", "ctrl-c-to-the-group", "SIGTERM"],
)
def test_interrupted_run_exits_130_and_resumes(
    tmp_path: Path, standin_model: str, sig: int, group: bool, said: str
) -> None:
    """SIGINT (to the parent, or Ctrl-C to the whole process group) and SIGTERM end the run
    with status 130 within seconds, workers gone, the finished records written, a hint to
    resume and no worker traceback; --resume then completes the file, each record once."""
    inputs = slow_jsonl(tmp_path / "in.jsonl", 120)
    out = tmp_path / "out.jsonl"
    # One document a batch, so that records come one by one while the signal is sent: with
    # batches of 32, each worker sent its 60 records at once at the end, and on a busy
    # machine the run could end between the third line and the signal (status 0, nothing
    # left to interrupt).
    run = cli(
        standin_model, inputs, "--format", "jsonl", "-o", str(out), "--batch-size", "1",
        stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    wait_for_lines(out, 3)
    workers = [p for p in children_of(run.pid) if "spawn_main" in _cmdline(p)]
    started = time.monotonic()
    if group:
        os.killpg(run.pid, sig)
    else:
        run.send_signal(sig)
    _, err = run.communicate(timeout=20)
    took = time.monotonic() - started
    written = out.read_bytes().count(b"\n")
    again = subprocess.run(
        [sys.executable, SCRIPT, "extract", "--model", standin_model, "--n-process", "2",
         inputs, "--format", "jsonl", "-o", str(out), "--resume"],
        capture_output=True, check=False,
    )  # fmt: skip
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert (
        run.returncode,
        took < 10,
        gone_within(workers, 5),
        err.decode(),
        0 < written < 120,
        again.returncode,
        ids,
    ) == (
        130,
        True,
        True,
        f"quoteattr: {said}: the results finished before it are written; run the same "
        f"command with --resume to continue {out}\n",
        True,
        0,
        [f"d{i}" for i in range(120)],
    )


def test_closed_pipe_ends_the_run_quietly(tmp_path: Path, standin_model: str) -> None:
    """A reader that stops reading (``| head``) ends the run within seconds with status 2,
    nothing on stderr, and no worker left."""
    inputs = slow_jsonl(tmp_path / "in.jsonl", 200, pause=0.01)
    with cli(standin_model, inputs, "--format", "jsonl", stderr=subprocess.PIPE) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.read(100)
        workers = [p for p in children_of(run.pid) if "spawn_main" in _cmdline(p)]
        run.stdout.close()
        started = time.monotonic()
        run.wait(20)
        took = time.monotonic() - started
        err = run.stderr.read()
    assert (run.returncode, took < 10, err, gone_within(workers, 5)) == (2, True, b"", True)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_full_disk_ends_the_run_with_a_message(
    tmp_path: Path, standin_model: str, fmt: str
) -> None:
    """Writing to a full disk (``-o /dev/full``) ends the run with status 2, a message that
    names the file and the reason, and no worker left."""
    inputs = slow_jsonl(tmp_path / "in.jsonl", 40, pause=0.01)
    run = cli(standin_model, inputs, "--format", fmt, "-o", "/dev/full", stderr=subprocess.PIPE)
    _, err = run.communicate(timeout=60)
    assert (run.returncode, err.decode()) == (
        2,
        "quoteattr: cannot write /dev/full: No space left on device\n",
    )


# ---------------------------------------------------------------------------------------------
# 2. ids and texts that cannot be written as they are

HOSTILE = [
    {"id": "b\ud800", "text": FINE},
    {"id": "c", "text": "x\udcff y"},
    {"id": "d", "text": LATER},
]


@pytest.fixture
def standin_cli(monkeypatch: pytest.MonkeyPatch, faulty: Any) -> None:
    """Makes the command line (in this process) use the stand-in pipeline."""
    monkeypatch.setattr(quoteattr.pipelines, "load", lambda *a, **k: faulty)


def hostile_jsonl(tmp_path: Path) -> str:
    """A JSONL input whose ids and texts hold lone surrogates (as JSON escapes)."""
    path = tmp_path / "hostile.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="ascii")
    return str(path)


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Runs ``main(argv)``; returns the exit status, stdout and stderr."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.usefixtures("standin_cli")
@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table", "html"])
def test_surrogate_ids_and_texts_in_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """A lone surrogate in an id is written (escaped) in every format, one in a text is that
    document's [E024] error record; every document is in the output, which is UTF-8."""
    target = tmp_path / f"out.{fmt}"
    status, _, err = run_main(
        capsys, "extract", hostile_jsonl(tmp_path), "--format", fmt, "-o", str(target)
    )
    text = target.read_bytes().decode("utf-8")  # raises if it is not UTF-8
    assert (status, "[E024]" in err, "b\\ud800" in text, text.count("[E024]") >= 1) == (
        1,
        True,
        True,
        True,
    )


@pytest.mark.usefixtures("standin_cli")
def test_surrogate_ids_round_trip_through_jsonl_and_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """JSON Lines writes a lone surrogate as JSON's own escape: the id reads back as the same
    string, so a resumed run recognises it and writes nothing twice."""
    inputs = hostile_jsonl(tmp_path)
    out = tmp_path / "out.jsonl"
    run_main(capsys, "extract", inputs, "--format", "jsonl", "-o", str(out))
    lines = out.read_text("utf-8").splitlines()
    out.write_text("\n".join(lines[:1]) + "\n", encoding="utf-8")  # killed after the first
    status, _, _ = run_main(
        capsys, "extract", inputs, "--format", "jsonl", "-o", str(out), "--resume"
    )
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert (status, [r["id"] for r in records], records[1]["error"][:6]) == (
        1,
        ["b\ud800", "c", "d"],
        "[E024]",
    )


def test_extract_names_a_lone_surrogate() -> None:
    """extract() of a text with a lone surrogate raises [E024] with its offset, not spaCy's
    UnicodeEncodeError."""
    with pytest.raises(QuoteattrError) as info:
        quoteattr.extract("ab\udc80", nlp=standin.standin())
    assert str(info.value).startswith("[E024] The text has a lone surrogate (U+DC80) at offset 2")


# ---------------------------------------------------------------------------------------------
# 3. an output that is an input


@pytest.mark.usefixtures("standin_cli")
@pytest.mark.parametrize("how", ["same-path", "hard-link", "symlink", "stdin"])
def test_output_that_is_an_input_is_refused(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    how: str,
) -> None:
    """``-o`` naming an input file (under any name, or as standard input) exits 2 with
    [E026] before anything is written; the input is intact."""
    source = tmp_path / "docs.jsonl"
    source.write_text(json.dumps({"id": "a", "text": FINE}) + "\n", encoding="utf-8")
    before = source.read_bytes()
    target = tmp_path / "alias.jsonl"
    inputs = [str(source)]
    if how == "same-path":
        target = source
    elif how == "hard-link":
        os.link(source, target)
    elif how == "symlink":
        target.symlink_to(source)
    else:
        target = source
        inputs = ["-"]
        stdin = open(source, encoding="utf-8")  # noqa: SIM115
        request.addfinalizer(stdin.close)
        monkeypatch.setattr(sys, "stdin", stdin)
    status, _, err = run_main(capsys, "extract", *inputs, "--format", "jsonl", "-o", str(target))
    assert (status, err.split(" ", 2)[1], source.read_bytes()) == (2, "[E026]", before)


# ---------------------------------------------------------------------------------------------
# 4. resuming: by position and id, locked


@pytest.mark.usefixtures("standin_cli")
def test_resume_keeps_repeated_ids_and_ids_that_print_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Repeated ids and ids that print alike (1 and "1") lose nothing on resume: it goes by
    position; each repeat is warned about ([W004])."""
    path = tmp_path / "in.jsonl"
    records = [{"id": 1, "text": FINE}, {"id": "1", "text": LATER}, {"id": "a", "text": FINE}]
    records += [{"id": "a", "text": LATER}, {"id": "b", "text": FINE}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_main(capsys, "extract", str(path), "--format", "jsonl", "-o", str(out))
    complete = out.read_bytes()
    out.write_bytes(b"".join(complete.splitlines(keepends=True)[:3]))  # killed after three
    status, _, err = run_main(
        capsys, "extract", str(path), "--format", "jsonl", "-o", str(out), "--resume"
    )
    warned = [line for line in err.splitlines() if "[W004]" in line]
    assert (status, out.read_bytes(), len(warned), warned[0]) == (
        0,
        complete,
        2,
        "quoteattr: warning: [W004] Record 2 repeats the id '1' of record 1: each record still "
        "gets its own result, in input order, but a reader keyed by id will mix them up.",
    )


@pytest.mark.usefixtures("standin_cli")
@pytest.mark.parametrize("resume", [True, False], ids=["resume", "fresh"])
def test_a_locked_output_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], resume: bool
) -> None:
    """While another run holds the output's lock, a second run (resumed or not) exits 2
    with [E027] and leaves the file as it is."""
    inputs = tmp_path / "in.jsonl"
    inputs.write_text(json.dumps({"id": "a", "text": FINE}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "x", "quotes": []}\n', encoding="utf-8")
    fd = os.open(out, os.O_RDWR)
    try:
        lock(fd, str(out))  # the other run
        flags = ["--resume"] if resume else []
        status, _, err = run_main(
            capsys, "extract", str(inputs), "--format", "jsonl", "-o", str(out), *flags
        )
    finally:
        os.close(fd)
    assert (status, err.split(" ", 2)[1], out.read_text("utf-8")) == (
        2,
        "[E027]",
        '{"id": "x", "quotes": []}\n',
    )


def test_two_concurrent_resumes_write_each_record_once(tmp_path: Path, standin_model: str) -> None:
    """Two resumed runs started on one output at once: one writes, the other is refused
    ([E027]); every record is in the file once."""
    inputs = slow_jsonl(tmp_path / "in.jsonl", 40, pause=0.1)
    out = tmp_path / "out.jsonl"
    args = (inputs, "--format", "jsonl", "-o", str(out), "--resume")
    runs = [cli(standin_model, *args, stderr=subprocess.PIPE) for _ in range(2)]
    results = sorted((r.wait(60), r.communicate()[1].decode().split(" ", 2)[1:2]) for r in runs)
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert (results, ids) == ([(0, []), (2, ["[E027]"])], [f"d{i}" for i in range(40)])


# ---------------------------------------------------------------------------------------------
# 5. one pipeline shared by threads


def test_threads_sharing_a_pipeline_leave_its_error_handlers_alone(faulty: Any) -> None:
    """Four threads running extract_many on one pipeline, twelve times over, each get their
    own results, and afterwards the caller's own nlp.pipe still raises on a failing text
    (extract_many no longer swaps the pipeline's error handlers)."""
    texts = [FINE, GRUMBLE, LATER, GRUMBLE]
    expected = [
        1,
        "[E015] 1: processing failed: RuntimeError: cannot cope.",
        1,
        "[E015] 3: processing failed: RuntimeError: cannot cope.",
    ]
    seen: list[Any] = []

    def work() -> None:
        seen.append(outcomes(list(extract_many(texts, nlp=faulty, batch_size=2))))

    raised = 0
    for _ in range(12):
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        try:
            list(faulty.pipe([GRUMBLE]))
        except RuntimeError:
            raised += 1
    assert (seen == [expected] * 48, raised) == (True, 12)


# ---------------------------------------------------------------------------------------------
# 6. text that other programs would run


INJECTED = [
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"),
    ("plain", "plain"),
]


@pytest.mark.parametrize(("value", "cell"), INJECTED, ids=[c for c, _ in INJECTED])
def test_csv_cells_are_not_formulas(value: str, cell: str) -> None:
    """A CSV cell (id, speaker, quote, error) that a spreadsheet would run as a formula
    starts with an apostrophe; others are as they were."""
    quote = quoteattr.Quote.from_dict(
        {
            "kind": "direct",
            "text": value,
            "start": 0,
            "end": len(value),
            "speaker": {"name": value, "kind": "person"},
        }
    )
    text = "".join(render_csv([(value, [quote]), (value, f"{value} failed")]))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["doc_id"], r["speaker"], r["text"], r["error"]) for r in rows] == [
        (cell, cell, cell, ""),
        (cell, "", "", cell + " failed"),
    ]
    assert list(rows[0]) == list(CSV_COLUMNS)


ESCAPES = "\x1b]0;owned\x07\x1b[2J\u202e\x9b"
CONTROLS = "\x1b\x07\u202e\x9b"


def test_table_shows_control_sequences_escaped() -> None:
    """ESC, BEL, OSC, CSI, the 8-bit CSI and a direction override in ids, names, cues,
    quotes and errors reach the table as visible escapes, never as themselves."""
    value = f"a{ESCAPES}b"
    quote = quoteattr.Quote.from_dict(
        {
            "kind": "direct",
            "text": value,
            "start": 0,
            "end": len(value),
            "speaker": {"name": value, "kind": "person"},
            "cue": {"text": value, "start": 0, "end": len(value)},
        }
    )
    table = "".join(render_table([(value, [quote]), (value, value)]))
    shown = "a\\x1b]0;owned\\x07\\x1b[2J\\u202e\\x9bb"
    assert (any(c in table for c in CONTROLS), table.count(shown)) == (False, 6)


@pytest.mark.usefixtures("standin_cli")
def test_error_lines_on_stderr_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The error line of a document whose id holds control sequences shows them escaped."""
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"id": f"x{ESCAPES}", "text": None}) + "\n", encoding="utf-8")
    _, _, err = run_main(capsys, "extract", str(path), "--format", "jsonl")
    assert (any(c in err for c in CONTROLS), "x\\x1b]0;owned\\x07" in err) == (False, True)


# ---------------------------------------------------------------------------------------------
# 8. memory: long texts under a budget, the first results at once


def test_three_megabyte_article_under_a_two_gigabyte_budget() -> None:
    """A 3 MB article under a 2 GiB budget is parsed in chunks no batch of which holds more
    than the budget's characters (the stand-in parser in place of the model, whose peak the
    benchmark measures); every quote is found, at its offset in the whole text."""
    para = (
        "“We have to win the peace,” Jens Stoltenberg told a news conference on Tuesday.\n\n"
        "The alliance has said little about the mission so far, officials said.\n\n"
    )
    text = para * (3_000_000 // len(para))
    budget = parse_size("2G")
    nlp = standin.standin("test_batch_sizes")
    standin.BATCHES.clear()
    ((_, quotes),) = list(extract_many([text], nlp=nlp, memory_budget=budget))
    n = text.count("“We have")
    limit = chunk_chars(budget)
    assert (
        0 < max(chars for _, chars in standin.BATCHES) <= limit < 1_000_000,
        len(quotes),
        all(text[q.start : q.end] == q.text for q in quotes),
        [q.start for q in quotes] == [i * len(para) for i in range(n)],
    ) == (True, n, True, True)


def test_extract_parses_a_long_text_a_chunk_at_a_time() -> None:
    """extract() of a text longer than the default budget allows parses one chunk a batch."""
    text = (FINE + "\n\n") * (chunk_chars() // len(FINE) + 100)
    nlp = standin.standin("test_batch_sizes")
    standin.BATCHES.clear()
    quotes = quoteattr.extract(text, nlp=nlp)
    most = max(chars for _, chars in standin.BATCHES)
    assert (len(quotes), len(standin.BATCHES) > 1, most <= chunk_chars()) == (
        text.count(FINE),
        True,
        True,
    )


@pytest.mark.parametrize("zone", [True, False], ids=["zone", "no-zone"])
def test_one_process_with_a_memory_zone_keeps_no_new_words(
    monkeypatch: pytest.MonkeyPatch, zone: bool
) -> None:
    """In one process, as the command line runs (memory_zone=True), the strings of new
    words are freed after each batch; with a caller's pipeline (no zone) spaCy keeps them."""
    nlp = standin.standin()
    monkeypatch.setattr(quoteattr.pipelines, "load", lambda *a, **k: nlp)
    word = "Zorblatquuxian" if zone else "Vexmorthulian"
    results = list(extract_with([f"“Yes,” {word} said."], memory_zone=zone))
    assert (outcomes(results), word in nlp.vocab.strings) == ([1], not zone)


@pytest.mark.parametrize("zone", [True, False], ids=["zone", "no-zone"])
def test_extract_many_in_one_process_takes_a_memory_zone_when_asked(
    zone: bool,
) -> None:
    """extract_many(memory_zone=True) in one process frees the strings of new words after
    each batch; by default (the caller's pipeline may be shared) spaCy keeps them."""
    nlp = standin.standin()
    word = "Quorblendivar" if zone else "Plinthomerage"
    results = list(extract_many([f"“Yes,” {word} said."], nlp=nlp, memory_zone=zone))
    assert (outcomes(results), word in nlp.vocab.strings) == ([1], not zone)


def test_a_last_component_is_called_once_for_the_same_quotes() -> None:
    """With the quoteattr component last, its quotes are found without it (no round trip
    through dicts), equal to those read from its data when another component follows it."""
    texts = ["“Yes,” the mayor said.", "He said the plan would fail. “No,” she said."]
    last = standin.standin()
    followed = standin.standin()
    followed.add_pipe("test_batch_sizes")
    runs = [list(extract_many(texts, nlp=nlp)) for nlp in (last, followed)]
    assert runs[0] == runs[1]
    assert sum(len(quotes) for _, quotes in runs[0]) >= 2
    assert _Finder.of(last, None).skip == {"quoteattr"}
    assert _Finder.of(followed, None).skip == set()


def test_a_budget_too_small_is_named() -> None:
    """A budget that leaves no room to parse is [E030]."""
    with pytest.raises(QuoteattrError, match=r"^\[E030\] A memory budget of 600 MiB is too"):
        list(extract_many([FINE], nlp=standin.standin(), n_process=2, memory_budget=600 * 2**20))


def test_the_first_batch_is_one_document_so_results_come_at_once() -> None:
    """The first batch is one document: the first result does not wait for a whole batch
    of 32; the batches after it are full."""
    standin.BATCHES.clear()
    list(extract_many([FINE] * 100, nlp=standin.standin("test_batch_sizes"), batch_size=32))
    assert [n for n, _ in standin.BATCHES] == [1, 32, 32, 32, 3]


# ---------------------------------------------------------------------------------------------
# 9. exit statuses and errors


@pytest.mark.usefixtures("standin_cli")
def test_exit_status_0_1_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """0 when every document has its quotes, 1 when some are error records, 2 for a fatal
    error (an unknown model) and for bad options."""
    good = tmp_path / "good.txt"
    good.write_text(FINE, encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    ok, _, _ = run_main(capsys, "extract", str(good))
    failed, _, _ = run_main(capsys, "extract", str(good), missing)
    usage = main(["extract", "--batch-size", "0", str(good)])
    capsys.readouterr()
    assert (ok, failed, usage) == (Exit.OK, Exit.DOCUMENTS_FAILED, Exit.FATAL)


@pytest.mark.parametrize(
    ("value", "size"),
    [("2G", 2 * 2**30), ("1.5GB", 3 * 2**29), ("1500M", 1500 * 2**20), ("512MiB", 2**29),
     ("2000000000", 2_000_000_000), ("64k", 65536)],
)  # fmt: skip
def test_memory_sizes(value: str, size: int) -> None:
    """--memory-budget takes sizes in bytes, K, M, G, T (powers of 1024)."""
    assert parse_size(value) == size


def test_a_memory_size_that_is_not_one_is_named() -> None:
    """Anything else is [E033]."""
    with pytest.raises(QuoteattrError, match=r"^\[E033\] Not a memory size: 'lots'"):
        parse_size("lots")


@pytest.mark.usefixtures("standin_cli")
def test_resume_into_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--resume into something that is not a regular file (it would be read without end) is
    [E016], status 2."""
    good = tmp_path / "good.txt"
    good.write_text(FINE, encoding="utf-8")
    status, _, err = run_main(
        capsys, "extract", str(good), "--format", "jsonl", "-o", "/dev/zero", "--resume"
    )
    assert (status, err.split(" ", 2)[1]) == (2, "[E016]")


@pytest.mark.usefixtures("standin_cli")
def test_an_internal_error_exits_2_with_its_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash that is not a document's (a bug) exits 2, not 1 like a failed document, and
    says so with its traceback."""

    def broken(*_: Any, **__: Any) -> Iterator[Any]:
        raise RuntimeError("a bug")

    monkeypatch.setattr(quoteattr.io.job, "read_inputs", broken)
    status, _, err = run_main(capsys, "extract", "a.txt")
    assert (status, err.splitlines()[0], err.splitlines()[-1]) == (
        2,
        "quoteattr: internal error; please report it with this traceback:",
        "RuntimeError: a bug",
    )


@pytest.mark.usefixtures("standin_cli")
@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_an_interrupted_one_shot_output_leaves_the_old_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Ctrl-C in the middle of a JSON, CSV or HTML run exits 130 and leaves the output file
    as it was (written through a temporary file, renamed at the end), with no temporary
    file left behind."""
    real = quoteattr.io.job.read_inputs

    def interrupted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        records = real(*args, **kwargs)
        yield next(records)
        raise KeyboardInterrupt

    monkeypatch.setattr(quoteattr.io.job, "read_inputs", interrupted)
    good = tmp_path / "good.txt"
    good.write_text(FINE, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    out.write_text("the old results\n", encoding="utf-8")
    status, _, err = run_main(
        capsys, "extract", str(good), str(good), "--format", fmt, "-o", str(out)
    )
    assert (status, err, out.read_text("utf-8"), sorted(p.name for p in tmp_path.iterdir())) == (
        130,
        f"quoteattr: interrupted: nothing is written to {out}; to continue a run later, "
        "write JSON Lines to a file (-o FILE.jsonl) and use --resume\n",
        "the old results\n",
        ["good.txt", f"out.{fmt}"],
    )


def test_evaluate_of_a_quote_that_is_not_an_object_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``"quotes": [5]`` in a file to evaluate is [E003] and status 2, not a traceback."""
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x", "quotes": [5]}) + "\n", "utf-8")
    status, _, err = run_main(capsys, "evaluate", str(path), str(path))
    assert (status, err) == (
        2,
        "quoteattr: [E003] Bad quote data: a predicted quote must be an object, not 5 (in 'a').\n",
    )


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"text": None}, "'text' must be a string, not None"),
        ({"start": 0.0}, "'start' must be an integer, not 0.0"),
        ({"sentence": "x"}, "'sentence' must be an integer, not 'x'"),
        ({"confidence": "high"}, "'confidence' must be a number, not 'high'"),
        ({"parts": [[0, 1.5]]}, "parts must be a list of [start, end] pairs of integers"),
    ],
    ids=["text-none", "float-offset", "sentence-str", "confidence-str", "float-part"],
)
def test_quote_from_dict_refuses_wrong_types(change: dict[str, Any], reason: str) -> None:
    """Quote.from_dict refuses what to_dict never writes, with [E003] naming it."""
    data = {"kind": "direct", "text": "“x”", "start": 0, "end": 3, **change}
    with pytest.raises(QuoteattrError) as info:
        quoteattr.Quote.from_dict(data)
    assert str(info.value).startswith(f"[E003] Bad quote data: {reason}")


@pytest.mark.parametrize("name", ["doc.txt", "-"])
def test_a_byte_order_mark_is_left_out_of_a_text_file(tmp_path: Path, name: str) -> None:
    """A UTF-8 byte order mark starts no text: left out of a .txt file and standard input,
    as of a JSONL file."""
    raw = "\ufeff“Yes,” he said.".encode()
    path = tmp_path / name
    path.write_bytes(raw)
    stdin = io.BytesIO(raw)
    (record,) = read_inputs([str(path) if name != "-" else "-"], stdin=stdin)
    assert record.text == "“Yes,” he said."


def test_a_batch_goes_to_the_workers_in_small_units() -> None:
    """A batch of 20 texts is sent as units of at most 8 (so two workers share the end of a
    run), and every text's outcome comes back in its place; an empty batch is done at once."""
    pool = Pool(Source(), 2)  # not started: only what submit queues is looked at
    pool.submit(1, [Task(f"text {i}") for i in range(20)])
    units = list(pool._waiting)
    assert [len(u.tasks) for u in units] == [_UNIT, _UNIT, 20 - 2 * _UNIT]
    assert [i for u in units for i in u.indices] == list(range(20))
    assert [t.text for u in units for t in u.tasks] == [f"text {i}" for i in range(20)]
    pool.submit(2, [])
    assert pool._finished[-1] == (2, [])
    pool.close()


def test_a_worker_parses_its_first_characters_outside_a_memory_zone() -> None:
    """Units that fit in the characters left are parsed outside a memory zone (their words
    stay, as the tokenizer's cache needs), a unit that does not fit and every one after it
    inside one (their new words are freed)."""
    nlp = standin.standin()
    seen = []
    left = 40
    for word in ("Zarquonish", "Blorfendaling" * 4, "Quintavoxian"):
        tasks = [Task(f"“Yes,” {word} said.")]
        zone, after = _zone_for(nlp, tasks, left)
        with zone:
            run_batch(nlp, tasks)
        seen.append((word in nlp.vocab.strings, left - after))
        left = after
    first = len("“Yes,” Zarquonish said.")
    assert seen == [(True, first), (False, 40 - first), (False, 0)]


def test_a_worker_is_sent_its_share_of_the_waiting_units(faulty: Any) -> None:
    """Of four waiting units, the first of two workers is sent two (its share), the second
    one of the two left, and the last waits in the pool for whichever worker is free first;
    with many waiting, a worker is sent four at once, and never units of two batches (the
    memory budget sized each batch). Every outcome comes back in its place."""
    texts = [f"“Quote {i},” Smith said. SLEEP:0.05" for i in range(4 * _UNIT)]
    with Pool(Source.of(faulty), 2) as pool:
        pool.start()
        pool.submit(1, [Task(t) for t in texts])
        held = [len(w.units) for w in pool._workers]
        waiting = len(pool._waiting)
        job, results = pool.collect()
        pool.submit(2, [Task(FINE)] * (20 * _UNIT))
        many = [len(w.units) for w in pool._workers]
        pool.collect()
        pool.submit(3, [Task(FINE)] * _UNIT)
        pool.submit(4, [Task(FINE)] * (7 * _UNIT))
        pool.submit(5, [Task(FINE)] * _UNIT)
        apart = [sorted({u.job for u in w.units.values()}) for w in pool._workers]
        held_then = [len(w.units) for w in pool._workers]
        for _ in range(3):
            pool.collect()
    assert (held, waiting, job, [len(r.quotes) for r in results if hasattr(r, "quotes")]) == (
        [2, 1],
        1,
        1,
        [1] * len(texts),
    )
    assert (many, apart, held_then) == ([4, 4], [[3], [4]], [1, 3])


def test_a_large_batch_over_two_workers_keeps_every_outcome_in_order(faulty: Any) -> None:
    """Twenty texts in one batch, cut into units over two workers, give twenty results in
    input order, each its own text's quotes."""
    texts = [FINE if i % 2 else GRUMBLE for i in range(20)]
    got = list(extract_many(texts, nlp=faulty, n_process=2, batch_size=20))
    assert [doc_id for doc_id, _ in got] == [str(i) for i in range(20)]
    alone = list(extract_many(texts, nlp=faulty, n_process=1, batch_size=20))
    assert outcomes(got) == outcomes(alone)
