"""The numeric libraries' thread counts in the processes quoteattr owns (quoteattr.threads)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from quoteattr.threads import ONE_THREAD, one_thread_each, prefer_one_thread

from .conftest import ROOT


def test_processes_started_inside_ask_for_one_thread_and_the_variables_go_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Inside, each unset variable is "1" and one the caller set keeps its value; after,
    the ones set inside are gone again."""
    for name in ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "4")
    with one_thread_each():
        inside = {name: os.environ.get(name) for name in ONE_THREAD}
    after = {name: os.environ.get(name) for name in ONE_THREAD}
    assert (inside, after) == (
        {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "4", "MKL_NUM_THREADS": "1"},
        {"OPENBLAS_NUM_THREADS": None, "OMP_NUM_THREADS": "4", "MKL_NUM_THREADS": None},
    )


def test_once_numpy_is_imported_the_variables_are_left_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a process that has imported numpy already (this one) nothing is set: it would no
    longer change OpenBLAS's threads."""
    for name in ONE_THREAD:
        monkeypatch.delenv(name, raising=False)
    assert (prefer_one_thread(), [os.environ.get(n) for n in ONE_THREAD]) == (
        False,
        [None, None, None],
    )


def test_a_fresh_process_gets_one_openblas_thread() -> None:
    """Called before numpy is imported, the variables are set, and numpy's OpenBLAS then
    starts no thread of its own: the process has one thread."""
    code = (
        "from quoteattr.threads import prefer_one_thread\n"
        "set_them = prefer_one_thread()\n"
        "import os, numpy\n"
        "numpy.ones((64, 64)) @ numpy.ones((64, 64))\n"
        "print(set_them, os.environ['OPENBLAS_NUM_THREADS'], len(os.listdir('/proc/self/task')))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ONE_THREAD}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["True", "1", "1"]
