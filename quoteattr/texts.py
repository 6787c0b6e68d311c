"""What a text must be before spaCy can take it: Unicode text, without lone surrogates.

A lone surrogate (a code point of U+D800 to U+DFFF on its own) is what decoding bytes with
``errors="surrogateescape"`` gives, or a JSON string such as ``"b\\ud800"``. Python keeps it in a
``str``, but it is not text: UTF-8 has no encoding for it, so spaCy cannot hash it, and no
output file can hold it as it is.
"""

from __future__ import annotations

import re

from .errors import Errors, QuoteattrError

__all__ = ["SURROGATE", "lone_surrogate"]

#: A code point of the surrogate range.
SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogate(text: str) -> QuoteattrError | None:
    """The [E024] error of a text holding a lone surrogate, or None for a text without one."""
    found = SURROGATE.search(text)
    if found is None:
        return None
    return QuoteattrError(Errors.E024.format(code=ord(found.group()), offset=found.start()))
