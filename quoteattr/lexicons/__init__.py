"""Read-only word lists, kept as data files beside this module.

``cue_verbs.txt`` maps reporting-verb lemmas to a :class:`~quoteattr.model.CueCategory`;
``cue_phrases.txt`` does the same for multiword cues ("according to", "told reporters").
Users extend them through the component config, never by mutating what is returned here.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType

from ..errors import Errors, QuoteattrError
from ..model import CueCategory

__all__ = ["cue_phrases", "cue_verbs", "parse_lexicon", "quotation_only"]


def parse_lexicon(lines: list[str], source: str) -> dict[str, CueCategory]:
    """Parses ``entry<TAB>category`` lines; ``#`` starts a comment.

    Args:
        lines: the file's lines.
        source: the file name, for error messages.

    Returns:
        entry -> category, first occurrence winning.

    Raises:
        QuoteattrError: [E005] on a line without a category or with an unknown one.
    """
    out: dict[str, CueCategory] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise QuoteattrError(
                Errors.E005.format(path=source, line=number, reason="expected 'entry<TAB>category'")
            )
        entry, category = fields[0].strip().lower(), fields[1].strip()
        try:
            cat = CueCategory(category)
        except ValueError:
            raise QuoteattrError(
                Errors.E005.format(
                    path=source, line=number, reason=f"unknown category {category!r}"
                )
            ) from None
        out.setdefault(entry, cat)
    return out


def _read(name: str) -> Mapping[str, CueCategory]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return MappingProxyType(parse_lexicon(text.splitlines(), name))


@functools.cache
def cue_verbs() -> Mapping[str, CueCategory]:
    """Reporting-verb lemma -> category (read-only)."""
    return _read("cue_verbs.txt")


@functools.cache
def cue_phrases() -> Mapping[str, CueCategory]:
    """Multiword cue (lower-case words joined by spaces) -> category (read-only)."""
    return _read("cue_phrases.txt")


@functools.cache
def quotation_only() -> frozenset[str]:
    """Verb lemmas that are cues of direct quotes only, never of reported clauses."""
    text = resources.files(__package__).joinpath("quotation_only.txt").read_text(encoding="utf-8")
    return frozenset(
        line.split("#", 1)[0].strip().lower()
        for line in text.splitlines()
        if line.split("#", 1)[0].strip()
    )
