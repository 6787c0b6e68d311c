"""Builds the API reference from the docstrings, with pdoc, into a directory.

    python -m pip install -e ".[docs]"
    python docs/build_api.py apidocs          # then open apidocs/index.html

Every module of the package gets its page. Any warning pdoc gives (an annotation it cannot
resolve, a module that fails to import, a docstring link it cannot follow) is an error, so
the build fails rather than shipping a page with a hole; the test suite runs this script
(tests/test_docs.py).
"""

from __future__ import annotations

import argparse
import pkgutil
import warnings
from pathlib import Path

import pdoc
import pdoc.extract

import quoteattr


def specs() -> list[str]:
    """The module names to give pdoc so that every module of quoteattr is documented once.

    A package's ``__all__`` hides the modules it does not list from pdoc's walk, so those
    are named on their own; a module the walk already covers is not named again (pdoc warns
    about a module given twice).
    """
    names = ["quoteattr"]
    names += [m.name for m in pkgutil.walk_packages(quoteattr.__path__, "quoteattr.")]
    chosen: list[str] = []
    covered: set[str] = set()
    for name in names:
        if name not in covered:
            chosen.append(name)
            covered |= set(pdoc.extract.walk_specs([name]))
    return chosen


def main() -> None:
    """Builds the reference into the directory given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output", type=Path, help="the directory to write the HTML into")
    args = parser.parse_args()
    warnings.simplefilter("error")
    pdoc.pdoc(*specs(), output_directory=args.output)


if __name__ == "__main__":
    main()
