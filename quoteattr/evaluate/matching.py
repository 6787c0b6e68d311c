"""Matching predicted quotes to gold ones and counting: :func:`score`."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from ..errors import bad_data
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

__all__ = ["CALIBRATION_BINS", "Judgement", "judge", "score"]

#: Equal-width confidence bins over which the calibration error is averaged.
CALIBRATION_BINS = 10


@attrs.frozen
class Judgement:
    """Whether one predicted quote is right, at cov30: its content matched a gold quote
    (``content``), and its speaker too (``attribution``). ``index`` is its place among its
    document's predicted quotes, as given."""

    doc_id: str
    index: int
    confidence: float
    content: bool
    attribution: bool


# Words that are never a surname. Honorifics: "Mr. Mattis" must agree with "Jim Mattis";
# generational suffixes: "Martin Luther King Jr." has the surname "King".
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "prof", "president", "rev"})
_SURNAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
_SURNAME_WORD = re.compile(r"[\w'-]+")

_Span = tuple[int, int]

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
    index: int  # its place among its document's predicted quotes
    chars: frozenset[int]
    lo: int
    hi: int
    mention: _Span | None
    has_speaker: bool
    surname: str | None
    cue: _Span | None
    confidence: float


def _pair(value: Any, data: object) -> _Span:
    """``(start, end)`` from a ``[start, end]`` pair."""
    try:
        start, end = value
        return int(start), int(end)
    except (TypeError, ValueError):
        raise bad_data(f"expected a [start, end] pair, got {value!r}", data) from None


def _optional_span(value: Any, data: object) -> _Span | None:
    """``(start, end)`` from a pair, a ``{"start", "end"}`` mapping, or None when absent."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        if value.get("start") is None or value.get("end") is None:
            return None
        return _pair((value["start"], value["end"]), data)
    return _pair(value, data)


def _trim_piece(text: str, start: int, end: int) -> _Span:
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
            raise bad_data(
                f"offsets ({start}, {end}) lie outside the text ({len(text)} chars)", data
            )
        start, end = _trim_piece(text, start, end)
        out.update(range(start, end))
    return frozenset(out)


def _surname_of(name: Any) -> str | None:
    """The last word of a name that is not an honorific or a suffix, without a possessive 's."""
    if not isinstance(name, str):
        return None
    words = _SURNAME_WORD.findall(name.lower().replace("\u2019", "'"))
    words = [w.removesuffix("'s").strip("'-") for w in words if w not in _HONORIFICS]
    words = [w for w in words if w and w not in _SURNAME_SUFFIXES]
    return words[-1] if words else None


def _gold_quote(text: str, q: Mapping[str, Any]) -> _Gold:
    pieces = q.get("content_spans") or ([q["content"]] if q.get("content") else None)
    if pieces is None:
        raise bad_data("a gold quote needs 'content_spans' or 'content'", q)
    chars = _chars(text, pieces, q)
    canonical = q.get("speaker_canonical")
    return _Gold(
        chars=chars,
        lo=min(chars, default=0),
        hi=max(chars, default=-1) + 1,
        kind=str(q.get("kind", "unknown")),
        speaker=_optional_span(q.get("speaker"), q),
        named=bool(canonical),
        surname=_surname_of(canonical),
        cue=_optional_span(q.get("cue"), q),
    )


def _pred_quote(text: str, index: int, q: Mapping[str, Any]) -> _Pred:
    if q.get("parts"):
        pieces = q["parts"]
    elif q.get("start") is not None and q.get("end") is not None:
        pieces = [(q["start"], q["end"])]
    elif q.get("content") is not None:
        pieces = [_optional_span(q["content"], q)]
    else:
        raise bad_data("a predicted quote needs 'parts', 'start' and 'end', or 'content'", q)
    chars = _chars(text, pieces, q)
    speaker = q.get("speaker")
    mention = None
    if isinstance(speaker, Mapping):
        # Our Speaker dicts give offsets in "mention"; accept a speaker that gives them itself.
        mention = _optional_span(speaker.get("mention"), q) or _optional_span(speaker, q)
    try:
        confidence = float(q.get("confidence", 1.0))
    except (TypeError, ValueError):
        raise bad_data(f"confidence {q.get('confidence')!r} is not a number", q) from None
    if not 0.0 <= confidence <= 1.0:
        raise bad_data(f"confidence {confidence} is not in [0, 1]", q)
    return _Pred(
        index=index,
        chars=chars,
        lo=min(chars, default=0),
        hi=max(chars, default=-1) + 1,
        mention=mention,
        has_speaker=bool(speaker),
        surname=_surname_of(speaker.get("name")) if isinstance(speaker, Mapping) else None,
        cue=_optional_span(q.get("cue"), q),
        confidence=confidence,
    )


def _quote_list(doc: Mapping[str, Any], role: str) -> Sequence[Mapping[str, Any]]:
    """A document's ``quotes``: a list of objects ([E003] for anything else)."""
    quotes = doc.get("quotes") or ()
    if not isinstance(quotes, list | tuple):
        raise bad_data(
            f"a {role} document's 'quotes' must be a list, not {quotes!r}", doc.get("id")
        )
    for q in quotes:
        if not isinstance(q, Mapping):
            raise bad_data(f"a {role} quote must be an object, not {q!r}", doc.get("id"))
    return quotes


def _doc_field(doc: Mapping[str, Any], key: str, role: str) -> Any:
    if not isinstance(doc, Mapping) or key not in doc:
        keys = sorted(doc) if isinstance(doc, Mapping) else type(doc).__name__
        raise bad_data(f"a {role} document needs {key!r}", keys)
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
class _LevelTally:
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
    return _run(gold_docs, pred_docs, kinds)[0]


def judge(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Mapping[str, Any]],
    *,
    kinds: Iterable[str] | None = None,
) -> list[Judgement]:
    """Judges each predicted quote at cov30, as :func:`score` counts it: the data to fit or
    check a confidence on.

    Args and Raises: as for :func:`score`.

    Returns:
        one judgement per scored prediction (one with some content), in document order.
    """
    return _run(gold_docs, pred_docs, kinds)[1]


def calibration_error(judged: Iterable[Judgement]) -> float | None:
    """The mean gap between confidence and attribution precision: over
    :data:`CALIBRATION_BINS` equal-width confidence bins, ``|mean confidence - precision|``,
    weighted by the bin's share of the predictions (None for no predictions)."""
    bins: list[list[Judgement]] = [[] for _ in range(CALIBRATION_BINS)]
    for j in judged:
        bins[min(CALIBRATION_BINS - 1, int(j.confidence * CALIBRATION_BINS))].append(j)
    total = sum(len(b) for b in bins)
    if not total:
        return None
    gap = 0.0
    for b in bins:
        if b:
            mean = sum(j.confidence for j in b) / len(b)
            right = sum(j.attribution for j in b) / len(b)
            gap += len(b) * abs(mean - right)
    return gap / total


def _run(
    gold_docs: Iterable[Mapping[str, Any]],
    pred_docs: Iterable[Mapping[str, Any]],
    kinds: Iterable[str] | None,
) -> tuple[Scores, list[Judgement]]:
    keep = frozenset([kinds] if isinstance(kinds, str) else kinds) if kinds is not None else None
    predicted: dict[str, Sequence[Mapping[str, Any]]] = {}
    for doc in pred_docs:
        predicted[str(_doc_field(doc, "id", "predicted"))] = _quote_list(doc, "predicted")

    tallies = {lv.name: _LevelTally() for lv in LEVELS}
    kind_gold: Counter[str] = Counter()
    kind_hit: Counter[str] = Counter()
    kind_speaker: defaultdict[str, Counter[bool]] = defaultdict(Counter)
    bins: list[Counter[bool]] = [Counter() for _ in RELIABILITY_EDGES[1:]]
    missing: list[str] = []
    judged: list[Judgement] = []
    n_docs = n_gold = n_pred = exact_tp = 0

    for doc in gold_docs:
        n_docs += 1
        doc_id = str(_doc_field(doc, "id", "gold"))
        text = str(_doc_field(doc, "text", "gold"))
        if doc_id not in predicted:
            missing.append(doc_id)
        golds = [_gold_quote(text, q) for q in _quote_list(doc, "gold") if _keep(q, keep)]
        golds = [g for g in golds if g.chars]
        preds = [
            _pred_quote(text, k, q)
            for k, q in enumerate(predicted.get(doc_id, ()))
            if _keep(q, keep)
        ]
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
            matched_preds: set[int] = set()
            for gi, pi in _match(level, overlaps, golds, preds):
                matched_preds.add(pi)
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
                    judged.append(
                        Judgement(
                            doc_id, p.index, p.confidence, pi in matched_preds, pi in correct_preds
                        )
                    )

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
    scores = Scores(
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
        calibration_error=calibration_error(judged),
    )
    return scores, judged


def _keep(q: Mapping[str, Any], kinds: frozenset[str] | None) -> bool:
    return kinds is None or q.get("kind", "unknown") in kinds
