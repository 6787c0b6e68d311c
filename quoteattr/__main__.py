"""``python -m quoteattr``: the command line (:func:`quoteattr.cli.main`)."""

from __future__ import annotations

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
