"""Score predicted quotes against gold annotations: pure functions over plain dicts.

The rules are those of the project's data README ("Scoring rules"), which
``../shared/tools/score.py`` implements for reference; this module agrees with it figure for
figure on well-formed input and differs only where noted below.

* Every content piece is trimmed of edge whitespace, quote marks and punctuation
  (:data:`TRIM_CHARS`); a quote's characters are the union of its trimmed pieces, and a quote
  with no characters left is not scored at all (neither gold nor predicted).
* Gold and predicted quotes are matched one to one at three :data:`LEVELS`: ``cov30`` and
  ``cov80`` (``|gold & pred| / |gold|`` strictly above 0.3 or 0.8) and ``jac50``
  (``|gold & pred| / |gold | pred|`` at least 0.5). Matching is greedy: the pair with the highest
  score goes first, ties going to the higher Jaccard, then to the later gold quote and the later
  prediction (the reference's order, so that both pick the same pairs). ``exact`` counts gold
  and predicted quotes with the same characters, one to one.
* A matched pair's speaker is correct when the predicted mention overlaps the gold speaker span,
  or when the gold gives a ``speaker_canonical`` name and the surnames agree. Attribution
  counts a matched pair whose speaker is correct; a gold quote with no speaker information
  counts when the prediction names no speaker either.
* The cue is correct when the predicted cue overlaps the gold cue.

Where this module departs from the reference, on purpose:

* ``exact`` is one to one: two identical gold quotes need two identical predictions (the
  reference compares sets and counts them once).
* Surnames: a name with no surname left (``"Mr."``) never agrees with anything, where the
  reference lets two missing surnames agree; a curly apostrophe (U+2019) counts as an
  apostrophe, so that a possessive loses its 's either way.
* Malformed input raises :class:`~quoteattr.errors.QuoteattrError` ``[E003]``: content offsets
  outside the text, a quote without content offsets, a confidence outside [0, 1].
"""

from __future__ import annotations

from .matching import Judgement, calibration_error, judge, score
from .names import NameScores, same_name, score_names
from .report import format_table
from .scores import (
    LEVELS,
    PRF,
    RELIABILITY_EDGES,
    TRIM_CHARS,
    KindScores,
    Level,
    LevelScores,
    Ratio,
    ReliabilityBin,
    Scores,
)

__all__ = [
    "LEVELS",
    "PRF",
    "RELIABILITY_EDGES",
    "TRIM_CHARS",
    "Judgement",
    "KindScores",
    "Level",
    "LevelScores",
    "NameScores",
    "Ratio",
    "ReliabilityBin",
    "Scores",
    "calibration_error",
    "format_table",
    "judge",
    "same_name",
    "score",
    "score_names",
]
