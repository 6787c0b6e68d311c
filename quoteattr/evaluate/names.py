"""Name accuracy of speaker resolution: resolved names against hand labels."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

__all__ = ["NameScores", "same_name", "score_names"]

_NAME_WORD = re.compile(r"[^\W_]+")
_NAME_POSSESSIVE = re.compile(r"['’]s\b")


def _name_words(name: str) -> list[str]:
    """Lower-case words of a name, without possessive 's and a leading "the"."""
    words = _NAME_WORD.findall(_NAME_POSSESSIVE.sub("", name.lower()))
    return words[1:] if words[:1] == ["the"] else words


def same_name(predicted: str, gold: str) -> bool:
    """True when a predicted canonical name names the gold one.

    Case, punctuation and a leading "the" are ignored; a name agrees with a fuller or shorter
    form of itself when the shorter has at least two words and both end in the same word
    ("Donald Trump" and "Donald J. Trump"), never when it is a bare surname ("Trump").
    """
    p, g = _name_words(predicted), _name_words(gold)
    if p == g:
        return bool(p)
    small, big = (p, g) if len(p) <= len(g) else (g, p)
    return len(small) >= 2 and small[-1] == big[-1] and set(small) <= set(big)


@attrs.frozen
class NameScores:
    """Name accuracy of speaker resolution, beside the mention-text baseline."""

    total: int
    correct: int
    baseline: int
    by_category: Mapping[str, tuple[int, int]]  # category -> (correct, total)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def baseline_accuracy(self) -> float:
        return self.baseline / self.total if self.total else 0.0


def score_names(items: Iterable[tuple[Mapping[str, Any], str, str]]) -> NameScores:
    """Scores resolved names against hand labels.

    Args:
        items: ``(label, name, kind)``: the label (``speaker_text``, ``canonical`` or None
            when the article never names the referent, ``category``), and the predicted
            name and kind.

    Returns:
        the scores. A label with a canonical name is right when :func:`same_name` agrees;
        one without is right when the prediction claims no named entity (kind "unknown" or
        "unnamed", or the mention text itself). The baseline takes the mention text as the
        name.
    """
    total = correct = baseline = 0
    categories: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for label, name, kind in items:
        mention = str(label["speaker_text"])
        gold = label.get("canonical")
        if gold is None:
            good = kind in {"unknown", "unnamed"} or same_name(name, mention)
            base = True
        else:
            good = same_name(name, str(gold))
            base = same_name(mention, str(gold))
        total += 1
        correct += good
        baseline += base
        cell = categories[str(label.get("category", ""))]
        cell[0] += good
        cell[1] += 1
    return NameScores(
        total, correct, baseline, {k: (v[0], v[1]) for k, v in sorted(categories.items())}
    )
