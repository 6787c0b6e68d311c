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

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any, Literal

import attrs

from .errors import Errors, QuoteattrError

__all__ = [
    "LEVELS",
    "PRF",
    "RELIABILITY_EDGES",
    "TRIM_CHARS",
    "KindScores",
    "Level",
    "LevelScores",
    "NameScores",
    "Ratio",
    "ReliabilityBin",
    "Scores",
    "format_table",
    "same_name",
    "score",
    "score_names",
]

#: Characters trimmed from both ends of every content piece before comparing.
TRIM_CHARS = frozenset(
    " \t\r\n\"'`.,;:-"
    "\u201c\u201d\u201e\u201f\u00ab\u00bb"  # double quote marks and guillemets
    "\u2018\u2019\u201a\u2039\u203a"  # single quote marks and angle quotes
    "\u2014\u2013"  # em and en dash
)

#: Bin edges of the reliability table: [0, .5), [.5, .7), [.7, .8), [.8, .9), [.9, 1].
RELIABILITY_EDGES = (0.0, 0.5, 0.7, 0.8, 0.9, 1.0)

# Words that are never a surname. Honorifics: "Mr. Mattis" must agree with "Jim Mattis";
# generational suffixes: "Martin Luther King Jr." has the surname "King".
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "prof", "president", "rev"})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_WORD = re.compile(r"[\w'-]+")

_Span = tuple[int, int]


# ----------------------------------------------------------------------------------------------
# Result objects


@attrs.frozen
class Ratio:
    """A count of hits out of a count of trials (an accuracy, a recall, a precision)."""

    hits: int
    total: int

    @property
    def value(self) -> float | None:
        """``hits / total``, or None when there were no trials."""
        return self.hits / self.total if self.total else None


@attrs.frozen
class PRF:
    """Precision, recall and F1 of ``tp`` true positives among predicted and gold items."""

    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        """``tp / n_pred``, 0.0 when nothing was predicted."""
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """``tp / n_gold``, 0.0 when there is no gold."""
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall, 0.0 when both are 0."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        """Returns ``{"p", "r", "f1"}`` as fractions."""
        return {"p": self.precision, "r": self.recall, "f1": self.f1}


@attrs.frozen
class Level:
    """A matching level: a measure of overlap and the threshold a pair must pass.

    ``cov`` is ``|gold & pred| / |gold|`` and must be strictly above the threshold; ``jac`` is
    ``|gold & pred| / |gold | pred|`` and must be at least the threshold.
    """

    name: str
    measure: Literal["cov", "jac"]
    threshold: Fraction

    def passes(self, inter: int, n_gold: int, n_union: int) -> bool:
        """Whether a pair with these character counts is close enough to match (exactly).

        Args:
            inter: characters in both quotes.
            n_gold: characters in the gold quote.
            n_union: characters in either quote.

        Returns:
            True when the pair may be matched at this level.
        """
        num, den = self.threshold.numerator, self.threshold.denominator
        if self.measure == "cov":
            return inter * den > num * n_gold
        return inter * den >= num * n_union


#: The three matching levels, loosest first.
LEVELS = (
    Level("cov30", "cov", Fraction(3, 10)),
    Level("cov80", "cov", Fraction(4, 5)),
    Level("jac50", "jac", Fraction(1, 2)),
)


@attrs.frozen
class LevelScores:
    """Every figure at one matching level.

    ``speaker`` is over matched pairs whose gold has speaker information, ``name`` over those
    whose gold has a canonical name, ``cue`` over those whose gold has a cue.
    """

    level: str
    content: PRF
    attribution: PRF
    speaker: Ratio
    name: Ratio
    cue: Ratio


@attrs.frozen
class KindScores:
    """Figures for the gold quotes of one kind, at cov30.

    ``recall`` is matched gold quotes out of all gold quotes of the kind; ``speaker`` is the
    speaker accuracy over the matched ones with speaker information.
    """

    kind: str
    recall: Ratio
    speaker: Ratio


@attrs.frozen
class ReliabilityBin:
    """Predicted quotes whose confidence falls in ``[low, high)`` (``[low, high]`` for the last).

    ``precision`` counts those whose attribution is correct at cov30 out of all in the bin.
    """

    low: float
    high: float
    precision: Ratio

    @property
    def label(self) -> str:
        """The interval as text, e.g. ``"[0.5, 0.7)"``."""
        close = "]" if self.high >= RELIABILITY_EDGES[-1] else ")"
        return f"[{self.low:.1f}, {self.high:.1f}{close}"


@attrs.frozen
class Scores:
    """The result of :func:`score`.

    ``by_kind`` is sorted by kind; ``kinds`` is the kinds filter that was applied (None for
    all kinds).
    """

    docs: int
    missing_ids: tuple[str, ...]
    gold: int
    pred: int
    cov30: LevelScores
    cov80: LevelScores
    jac50: LevelScores
    exact: PRF
    by_kind: tuple[KindScores, ...]
    reliability: tuple[ReliabilityBin, ...]
    kinds: frozenset[str] | None = None

    @property
    def docs_missing(self) -> int:
        """How many gold documents have no prediction document with their id."""
        return len(self.missing_ids)

    @property
    def levels(self) -> tuple[LevelScores, LevelScores, LevelScores]:
        """The three levels in the order of :data:`LEVELS`."""
        return (self.cov30, self.cov80, self.jac50)

    def to_dict(self) -> dict[str, Any]:
        """Returns a JSON-safe summary; figures are fractions in [0, 1] or None.

        The keys are those of the reference scorer's ``--json`` output (``"content.cov30"``,
        ``"speaker_acc.jac50"``, ``"recall_by_kind.cov30"``...), plus ``"missing_ids"``,
        ``"kinds"`` and ``"reliability.cov30"``.
        """
        out: dict[str, Any] = {
            "docs": self.docs,
            "docs_missing": self.docs_missing,
            "gold": self.gold,
            "pred": self.pred,
        }
        for lv in self.levels:
            out[f"content.{lv.level}"] = lv.content.to_dict()
        out["content.exact"] = self.exact.to_dict()
        for lv in self.levels:
            out[f"attribution.{lv.level}"] = lv.attribution.to_dict()
            out[f"speaker_acc.{lv.level}"] = lv.speaker.value
            out[f"name_acc.{lv.level}"] = lv.name.value
            out[f"cue_acc.{lv.level}"] = lv.cue.value
        out["recall_by_kind.cov30"] = {k.kind: k.recall.value for k in self.by_kind}
        out["speaker_acc_by_kind.cov30"] = {
            k.kind: k.speaker.value for k in self.by_kind if k.speaker.total
        }
        out["reliability.cov30"] = [
            {
                "low": b.low,
                "high": b.high,
                "count": b.precision.total,
                "precision": b.precision.value,
            }
            for b in self.reliability
        ]
        out["missing_ids"] = list(self.missing_ids)
        out["kinds"] = sorted(self.kinds) if self.kinds is not None else None
        return out


# ----------------------------------------------------------------------------------------------
# Reading the input


@attrs.frozen
class _Gold:
    chars: frozenset[int]
    lo: int
    hi: int
    kind: str
    speaker: _Span | None
    named: bool
    surname: str | None
    cue: _Span | None


@attrs.frozen
class _Pred:
    chars: frozenset[int]
    lo: int
    hi: int
    mention: _Span | None
    has_speaker: bool
    surname: str | None
    cue: _Span | None
    confidence: float


def _bad(reason: str, data: object) -> QuoteattrError:
    return QuoteattrError(Errors.E003.format(reason=reason, data=data))


def _pair(value: Any, data: object) -> _Span:
    """``(start, end)`` from a ``[start, end]`` pair."""
    try:
        start, end = value
        return int(start), int(end)
    except (TypeError, ValueError):
        raise _bad(f"expected a [start, end] pair, got {value!r}", data) from None


def _optional_span(value: Any, data: object) -> _Span | None:
    """``(start, end)`` from a pair, a ``{"start", "end"}`` mapping, or None when absent."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        if value.get("start") is None or value.get("end") is None:
            return None
        return _pair((value["start"], value["end"]), data)
    return _pair(value, data)


def _trim(text: str, start: int, end: int) -> _Span:
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end


def _chars(text: str, pieces: Iterable[Any], data: object) -> frozenset[int]:
    """The union of the trimmed pieces' character offsets."""
    out: set[int] = set()
    for piece in pieces:
        start, end = _pair(piece, data)
        if not 0 <= start <= end <= len(text):
            raise _bad(f"offsets ({start}, {end}) lie outside the text ({len(text)} chars)", data)
        start, end = _trim(text, start, end)
        out.update(range(start, end))
    return frozenset(out)


def _surname(name: Any) -> str | None:
    """The last word of a name that is not an honorific or a suffix, without a possessive 's."""
    if not isinstance(name, str):
        return None
    words = _WORD.findall(name.lower().replace("\u2019", "'"))
    words = [w.removesuffix("'s").strip("'-") for w in words if w not in _HONORIFICS]
    words = [w for w in words if w and w not in _SUFFIXES]
    return words[-1] if words else None


def _gold_quote(text: str, q: Mapping[str, Any]) -> _Gold:
    pieces = q.get("content_spans") or ([q["content"]] if q.get("content") else None)
    if pieces is None:
        raise _bad("a gold quote needs 'content_spans' or 'content'", q)
    chars = _chars(text, pieces, q)
    canonical = q.get("speaker_canonical")
    return _Gold(
        chars=chars,
        lo=min(chars, default=0),
        hi=max(chars, default=-1) + 1,
        kind=str(q.get("kind", "unknown")),
        speaker=_optional_span(q.get("speaker"), q),
        named=bool(canonical),
        surname=_surname(canonical),
        cue=_optional_span(q.get("cue"), q),
    )


def _pred_quote(text: str, q: Mapping[str, Any]) -> _Pred:
    if q.get("parts"):
        pieces = q["parts"]
    elif q.get("start") is not None and q.get("end") is not None:
        pieces = [(q["start"], q["end"])]
    elif q.get("content") is not None:
        pieces = [_optional_span(q["content"], q)]
    else:
        raise _bad("a predicted quote needs 'parts', 'start' and 'end', or 'content'", q)
    chars = _chars(text, pieces, q)
    speaker = q.get("speaker")
    mention = None
    if isinstance(speaker, Mapping):
        # Our Speaker dicts give offsets in "mention"; accept a speaker that gives them itself.
        mention = _optional_span(speaker.get("mention"), q) or _optional_span(speaker, q)
    try:
        confidence = float(q.get("confidence", 1.0))
    except (TypeError, ValueError):
        raise _bad(f"confidence {q.get('confidence')!r} is not a number", q) from None
    if not 0.0 <= confidence <= 1.0:
        raise _bad(f"confidence {confidence} is not in [0, 1]", q)
    return _Pred(
        chars=chars,
        lo=min(chars, default=0),
        hi=max(chars, default=-1) + 1,
        mention=mention,
        has_speaker=bool(speaker),
        surname=_surname(speaker.get("name")) if isinstance(speaker, Mapping) else None,
        cue=_optional_span(q.get("cue"), q),
        confidence=confidence,
    )


def _doc_field(doc: Mapping[str, Any], key: str, role: str) -> Any:
    if not isinstance(doc, Mapping) or key not in doc:
        keys = sorted(doc) if isinstance(doc, Mapping) else type(doc).__name__
        raise _bad(f"a {role} document needs {key!r}", keys)
    return doc[key]


# ----------------------------------------------------------------------------------------------
# Scoring


def _overlaps(a: _Span | None, b: _Span | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _speaker_ok(g: _Gold, p: _Pred) -> bool | None:
    """Whether the predicted speaker is right; None when the gold has no speaker information."""
    if g.speaker is None and not g.named:
        return None
    if _overlaps(g.speaker, p.mention):
        return True
    return g.named and g.surname is not None and g.surname == p.surname


def _match(
    level: Level,
    overlaps: Sequence[tuple[int, int, int]],
    golds: Sequence[_Gold],
    preds: Sequence[_Pred],
) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of ``(gold index, pred index, shared chars)`` candidates."""
    ranked = []
    for gi, pi, inter in overlaps:
        n_gold = len(golds[gi].chars)
        n_union = n_gold + len(preds[pi].chars) - inter
        if level.passes(inter, n_gold, n_union):
            jac = inter / n_union
            ranked.append((inter / n_gold if level.measure == "cov" else jac, jac, gi, pi))
    ranked.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, _, gi, pi in ranked:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


@attrs.define
class _Tally:
    tp: int = 0
    attr_tp: int = 0
    speaker: Counter[bool] = attrs.field(factory=Counter)
    name: Counter[bool] = attrs.field(factory=Counter)
    cue: Counter[bool] = attrs.field(factory=Counter)


def _ratio(counts: Counter[bool]) -> Ratio:
    return Ratio(counts[True], counts[True] + counts[False])


def score(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Mapping[str, Any]],
    *,
    kinds: Iterable[str] | None = None,
) -> Scores:
    """Scores predicted quotes against gold quotes, document by document.

    Args:
        gold_docs: ``{"id", "text", "quotes": [{"kind", "content_spans" | "content", "cue",
            "speaker", "speaker_canonical"?}]}`` with ``[start, end]`` offsets into ``text``.
        pred_docs: ``{"id", "quotes": [Quote.to_dict() output]}``. Documents are paired with the
            gold by id (a later duplicate id wins); ids absent from the gold are ignored, and a
            document with an ``"error"`` key and no quotes counts as one with no quotes.
        kinds: score only these gold kinds (e.g. ``{"direct"}``). Gold quotes are kept by their
            ``"kind"`` and predicted quotes by their own ``"kind"``, so a prediction of another
            kind is neither counted nor matched; None scores every kind.

    Returns:
        Every figure, see :class:`Scores`.

    Raises:
        QuoteattrError: [E003] on a document without ``id`` or ``text`` (gold) or ``id``
            (predicted), on a quote without content offsets, with offsets outside its text or
            with a confidence outside [0, 1].
    """
    keep = frozenset([kinds] if isinstance(kinds, str) else kinds) if kinds is not None else None
    predicted: dict[str, Sequence[Mapping[str, Any]]] = {}
    for doc in pred_docs:
        predicted[str(_doc_field(doc, "id", "predicted"))] = doc.get("quotes") or ()

    tallies = {lv.name: _Tally() for lv in LEVELS}
    kind_gold: Counter[str] = Counter()
    kind_hit: Counter[str] = Counter()
    kind_speaker: defaultdict[str, Counter[bool]] = defaultdict(Counter)
    bins: list[Counter[bool]] = [Counter() for _ in RELIABILITY_EDGES[1:]]
    missing: list[str] = []
    n_docs = n_gold = n_pred = exact_tp = 0

    for doc in gold_docs:
        n_docs += 1
        doc_id = str(_doc_field(doc, "id", "gold"))
        text = str(_doc_field(doc, "text", "gold"))
        if doc_id not in predicted:
            missing.append(doc_id)
        golds = [_gold_quote(text, q) for q in doc.get("quotes") or () if _keep(q, keep)]
        golds = [g for g in golds if g.chars]
        preds = [_pred_quote(text, q) for q in predicted.get(doc_id, ()) if _keep(q, keep)]
        preds = [p for p in preds if p.chars]
        n_gold += len(golds)
        n_pred += len(preds)
        kind_gold.update(g.kind for g in golds)
        exact_tp += sum(
            (Counter(g.chars for g in golds) & Counter(p.chars for p in preds)).values()
        )

        overlaps = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if g.lo < p.hi and p.lo < g.hi:
                    inter = len(g.chars & p.chars)
                    if inter:
                        overlaps.append((gi, pi, inter))

        for level in LEVELS:
            tally = tallies[level.name]
            correct_preds: set[int] = set()
            for gi, pi in _match(level, overlaps, golds, preds):
                g, p = golds[gi], preds[pi]
                tally.tp += 1
                ok = _speaker_ok(g, p)
                if ok is not None:
                    tally.speaker[ok] += 1
                if ok or (ok is None and not p.has_speaker):
                    tally.attr_tp += 1
                    correct_preds.add(pi)
                if g.named:
                    tally.name[g.surname is not None and g.surname == p.surname] += 1
                if g.cue is not None:
                    tally.cue[_overlaps(g.cue, p.cue)] += 1
                if level is LEVELS[0]:
                    kind_hit[g.kind] += 1
                    if ok is not None:
                        kind_speaker[g.kind][ok] += 1
            if level is LEVELS[0]:
                for pi, p in enumerate(preds):
                    slot = bisect.bisect_right(RELIABILITY_EDGES[1:-1], p.confidence)
                    bins[slot][pi in correct_preds] += 1

    levels = [
        LevelScores(
            level=lv.name,
            content=PRF(tallies[lv.name].tp, n_pred, n_gold),
            attribution=PRF(tallies[lv.name].attr_tp, n_pred, n_gold),
            speaker=_ratio(tallies[lv.name].speaker),
            name=_ratio(tallies[lv.name].name),
            cue=_ratio(tallies[lv.name].cue),
        )
        for lv in LEVELS
    ]
    return Scores(
        docs=n_docs,
        missing_ids=tuple(missing),
        gold=n_gold,
        pred=n_pred,
        cov30=levels[0],
        cov80=levels[1],
        jac50=levels[2],
        exact=PRF(exact_tp, n_pred, n_gold),
        by_kind=tuple(
            KindScores(kind, Ratio(kind_hit[kind], n), _ratio(kind_speaker[kind]))
            for kind, n in sorted(kind_gold.items())
        ),
        reliability=tuple(
            ReliabilityBin(low, high, _ratio(counts))
            for low, high, counts in zip(
                RELIABILITY_EDGES[:-1], RELIABILITY_EDGES[1:], bins, strict=True
            )
        ),
        kinds=keep,
    )


def _keep(q: Mapping[str, Any], kinds: frozenset[str] | None) -> bool:
    return kinds is None or q.get("kind", "unknown") in kinds


# ----------------------------------------------------------------------------------------------
# Rendering


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """The first cell left-aligned, the others right-aligned, each in its width."""
    first, *rest = cells
    right = "".join(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))
    return (first.ljust(widths[0]) + right).rstrip()


# The level table: a label column, then three groups of three figures.
_GROUPS = ("content", "attribution", "accuracy")
_LABEL_WIDTH = 8
_FIGURE_WIDTH = 8
_GAP = "   "


def _level_row(label: str, groups: Sequence[Sequence[str]]) -> str:
    cells = ("".join(c.rjust(_FIGURE_WIDTH) for c in group) for group in groups)
    return (label.ljust(_LABEL_WIDTH) + _GAP.join(cells)).rstrip()


def format_table(scores: Scores) -> str:
    """Renders the scores as plain-text tables, percentages with one decimal.

    Args:
        scores: what :func:`score` returned.

    Returns:
        A header line, then three tables separated by blank lines: content and attribution
        P/R/F1 with speaker, name and cue accuracy per level (and exact content match); recall
        and speaker accuracy by gold kind at cov30; attribution precision at cov30 by
        confidence. ``-`` marks a figure with nothing to count.
    """
    kinds = ", ".join(sorted(scores.kinds)) if scores.kinds is not None else "all"
    lines = [
        f"docs {scores.docs} (missing {scores.docs_missing})  gold {scores.gold}  "
        f"pred {scores.pred}  kinds {kinds}",
        "",
    ]
    group_width = 3 * _FIGURE_WIDTH
    titles = _GAP.join(f" {t} ".center(group_width - 2, "-").rjust(group_width) for t in _GROUPS)
    lines.append(" " * _LABEL_WIDTH + titles)
    prf_head = ("P", "R", "F1")
    lines.append(_level_row("level", (prf_head, prf_head, ("speaker", "name", "cue"))))
    for lv in scores.levels:
        content = (lv.content.precision, lv.content.recall, lv.content.f1)
        attribution = (lv.attribution.precision, lv.attribution.recall, lv.attribution.f1)
        accuracy = (lv.speaker.value, lv.name.value, lv.cue.value)
        groups = [[_pct(v) for v in group] for group in (content, attribution, accuracy)]
        lines.append(_level_row(lv.level, groups))
    exact = (scores.exact.precision, scores.exact.recall, scores.exact.f1)
    lines.append(_level_row("exact", [[_pct(v) for v in exact]]))

    lines += ["", "by gold kind, at cov30"]
    kind_widths = (_LABEL_WIDTH + 2, 8, 8, 9)
    lines.append(_row(["kind", "gold", "recall", "speaker"], kind_widths))
    for k in scores.by_kind:
        cells = [k.kind, str(k.recall.total), _pct(k.recall.value), _pct(k.speaker.value)]
        lines.append(_row(cells, kind_widths))

    lines += ["", "reliability: attribution precision at cov30 by confidence"]
    bin_widths = (_LABEL_WIDTH + 4, 6, 11)
    lines.append(_row(["confidence", "pred", "precision"], bin_widths))
    for b in scores.reliability:
        cells = [b.label, str(b.precision.total), _pct(b.precision.value)]
        lines.append(_row(cells, bin_widths))
    return "\n".join(lines)


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
