"""Tests for quoteattr.evaluate: hand-made documents, and a cross-check against the reference."""

from __future__ import annotations

import importlib.util
import itertools
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quoteattr.errors import QuoteattrError
from quoteattr.evaluate import (
    PRF,
    Judgement,
    Ratio,
    Scores,
    calibration_error,
    format_table,
    judge,
    same_name,
    score,
    score_names,
)

# Letters only, so nothing is trimmed and offsets are easy to count.
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def gold(
    *parts: tuple[int, int],
    kind: str = "direct",
    speaker: tuple[int, int] | None = None,
    canonical: str | None = None,
    cue: tuple[int, int] | None = None,
) -> dict[str, Any]:
    """A gold quote in the corpus schema."""
    out: dict[str, Any] = {
        "kind": kind,
        "content": [parts[0][0], parts[-1][1]],
        "content_spans": [list(p) for p in parts],
        "speaker": list(speaker) if speaker else None,
        "cue": list(cue) if cue else None,
    }
    if canonical is not None:
        out["speaker_canonical"] = canonical
    return out


def pred(
    *parts: tuple[int, int],
    kind: str = "direct",
    mention: tuple[int, int] | None = None,
    name: str | None = None,
    cue: tuple[int, int] | None = None,
    confidence: float = 1.0,
) -> dict[str, Any]:
    """A predicted quote shaped like Quote.to_dict() output (only the keys the scorer reads)."""
    speaker = None
    if mention is not None or name is not None:
        span = {"text": "", "start": mention[0], "end": mention[1]} if mention else None
        speaker = {"name": name or "", "kind": "person", "mention": span}
    return {
        "kind": kind,
        "start": parts[0][0],
        "end": parts[-1][1],
        "parts": [list(p) for p in parts],
        "cue": {"text": "", "start": cue[0], "end": cue[1]} if cue else None,
        "speaker": speaker,
        "confidence": confidence,
    }


def run(
    golds: list[dict[str, Any]], preds: list[dict[str, Any]], text: str = LETTERS, **kw: Any
) -> Scores:
    """Scores one document."""
    return score([{"id": "d", "text": text, "quotes": golds}], [{"id": "d", "quotes": preds}], **kw)


# ---------------------------------------------------------------------------------------------
# Trimming


@pytest.mark.parametrize(
    ("text", "gold_span", "pred_span"),
    [
        ("“We have to win the peace,” he said.", (0, 28), (1, 25)),
        ('He said "no." Then', (8, 13), (9, 11)),
        ("He said: — yes; —", (7, 17), (11, 14)),
        ("  'padded'  ", (0, 12), (3, 9)),
    ],
)
def test_trimming_ignores_edge_marks_spaces_and_punctuation(
    text: str, gold_span: tuple[int, int], pred_span: tuple[int, int]
) -> None:
    """Quote marks, spaces and punctuation at either edge do not count as content."""
    assert run([gold(gold_span)], [pred(pred_span)], text=text).exact.tp == 1


def test_trimming_keeps_question_marks() -> None:
    """A question mark is content, so leaving it out is not an exact match."""
    text = '"Why?" she asked.'
    scores = run([gold((0, 6))], [pred((1, 4))], text=text)
    assert (scores.exact.tp, scores.cov30.content.tp) == (0, 1)


def test_quote_of_only_punctuation_is_not_scored() -> None:
    """A piece with nothing left after trimming is dropped, gold or predicted."""
    scores = run([gold((0, 4))], [pred((0, 4))], text='"--" and more')
    assert (scores.gold, scores.pred) == (0, 0)


# ---------------------------------------------------------------------------------------------
# Thresholds (gold is LETTERS[0:10], 10 characters)


@pytest.mark.parametrize(
    ("pred_span", "expected"),
    [
        ((7, 10), (0, 0, 0)),  # cov 0.3: not above 0.3
        ((6, 10), (1, 0, 0)),  # cov 0.4, jac 0.4
        ((0, 5), (1, 0, 1)),  # jac 0.5: at least 0.5
        ((0, 8), (1, 0, 1)),  # cov 0.8: not above 0.8
        ((0, 9), (1, 1, 1)),
        ((0, 20), (1, 1, 1)),  # jac 10/20
        ((0, 21), (1, 1, 0)),  # jac 10/21
    ],
)
def test_thresholds_at_their_edges(
    pred_span: tuple[int, int], expected: tuple[int, int, int]
) -> None:
    """cov30 and cov80 need strictly more than the threshold, jac50 at least half."""
    scores = run([gold((0, 10))], [pred(pred_span)])
    assert tuple(lv.content.tp for lv in scores.levels) == expected


# ---------------------------------------------------------------------------------------------
# Matching


def test_one_prediction_matches_one_gold_quote() -> None:
    """A prediction spanning two gold quotes is matched to one of them only."""
    scores = run([gold((0, 10)), gold((10, 20))], [pred((0, 20))])
    assert scores.cov30.content == PRF(tp=1, n_pred=1, n_gold=2)


def test_one_gold_quote_matches_one_prediction() -> None:
    """Two predictions of the same gold quote count one true positive."""
    scores = run([gold((0, 10))], [pred((0, 10)), pred((0, 9))])
    assert scores.cov30.content == PRF(tp=1, n_pred=2, n_gold=1)


def test_greedy_matching_takes_the_higher_coverage_first() -> None:
    """The prediction goes to the gold quote it covers best, here the one with speaker A."""
    golds = [gold((0, 10), speaker=(40, 41)), gold((10, 20), speaker=(45, 46))]
    scores = run(golds, [pred((0, 14), mention=(40, 41))])
    assert scores.cov30.speaker == Ratio(1, 1)


def test_greedy_matching_breaks_coverage_ties_by_jaccard() -> None:
    """Of two predictions covering all of a gold quote, the tighter one is matched."""
    golds = [gold((0, 10), speaker=(40, 41))]
    preds = [pred((0, 20), mention=(45, 46)), pred((0, 10), mention=(40, 41))]
    assert run(golds, preds).cov30.speaker == Ratio(1, 1)


def test_exact_match_is_one_to_one() -> None:
    """Two identical gold quotes need two identical predictions."""
    scores = run([gold((0, 10)), gold((0, 10))], [pred((0, 10))])
    assert scores.exact == PRF(tp=1, n_pred=1, n_gold=2)


# ---------------------------------------------------------------------------------------------
# Multi-part quotes (gold "A," he said, "B." as LETTERS[0:10] + LETTERS[20:30])


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (((0, 10), (20, 30)), (1, 1, 1, 1)),  # the same two pieces
        (((0, 10),), (1, 0, 1, 0)),  # one piece: cov 0.5, jac 0.5
        (((0, 30),), (1, 1, 1, 0)),  # the envelope: cov 1, jac 20/30
        (((0, 4), (20, 22)), (0, 0, 0, 0)),  # cov 6/20
    ],
)
def test_multi_part_quotes_compare_the_union_of_their_parts(
    parts: tuple[tuple[int, int], ...], expected: tuple[int, int, int, int]
) -> None:
    """A quote's characters are its parts together, without what lies between them."""
    scores = run([gold((0, 10), (20, 30))], [pred(*parts)])
    assert (*(lv.content.tp for lv in scores.levels), scores.exact.tp) == expected


# ---------------------------------------------------------------------------------------------
# Speakers


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ((40, 45), Ratio(1, 1)),
        ((44, 50), Ratio(1, 1)),
        ((45, 50), Ratio(0, 1)),
        (None, Ratio(0, 1)),
    ],
)
def test_speaker_is_correct_when_the_mention_overlaps(
    mention: tuple[int, int] | None, expected: Ratio
) -> None:
    """The predicted mention must share a character with the gold speaker span."""
    scores = run([gold((0, 10), speaker=(40, 45))], [pred((0, 10), mention=mention, name="x")])
    assert scores.cov30.speaker == expected


@pytest.mark.parametrize(
    ("name", "correct"),
    [
        ("Jim Mattis", True),
        ("Mattis", True),
        ("Mr. Mattis", True),
        ("Dr Jim Mattis Jr.", True),
        ("Mattis's", True),
        ("Mattis\u2019s", True),
        ("MATTIS", True),
        ("Jim Matt", False),
        ("Mr.", False),
        ("", False),
    ],
)
def test_speaker_is_correct_when_the_surnames_agree(name: str, correct: bool) -> None:
    """Without overlap, the surname of the predicted name must equal the canonical one's."""
    golds = [gold((0, 10), speaker=(40, 45), canonical="Jim Mattis")]
    scores = run(golds, [pred((0, 10), mention=(20, 25), name=name)])
    assert (scores.cov30.speaker, scores.cov30.name) == (Ratio(correct, 1), Ratio(correct, 1))


def test_name_accuracy_ignores_overlap() -> None:
    """Name accuracy judges the name alone, even when the mention overlaps."""
    golds = [gold((0, 10), speaker=(40, 45), canonical="Jim Mattis")]
    scores = run(golds, [pred((0, 10), mention=(40, 45), name="he")])
    assert (scores.cov30.speaker, scores.cov30.name) == (Ratio(1, 1), Ratio(0, 1))


@pytest.mark.parametrize(("mention", "expected_tp"), [(None, 1), ((40, 45), 0)])
def test_attribution_without_gold_speaker_needs_no_predicted_speaker(
    mention: tuple[int, int] | None, expected_tp: int
) -> None:
    """A gold quote with no source is attributed correctly only when none is predicted."""
    scores = run([gold((0, 10))], [pred((0, 10), mention=mention)])
    assert (scores.cov30.attribution.tp, scores.cov30.speaker) == (expected_tp, Ratio(0, 0))


def test_attribution_needs_a_match_and_the_right_speaker() -> None:
    """Attribution counts matched pairs with a correct speaker, over all quotes."""
    golds = [gold((0, 10), speaker=(40, 41)), gold((10, 20), speaker=(45, 46)), gold((25, 30))]
    preds = [pred((0, 10), mention=(40, 41)), pred((10, 20), mention=(40, 41))]
    assert run(golds, preds).cov30.attribution == PRF(tp=1, n_pred=2, n_gold=3)


# ---------------------------------------------------------------------------------------------
# Cues


@pytest.mark.parametrize(
    ("gold_cue", "pred_cue", "expected"),
    [
        ((40, 44), (42, 48), Ratio(1, 1)),
        ((40, 44), (44, 48), Ratio(0, 1)),
        ((40, 44), None, Ratio(0, 1)),
        (None, (40, 44), Ratio(0, 0)),
    ],
)
def test_cue_is_correct_when_it_overlaps(
    gold_cue: tuple[int, int] | None, pred_cue: tuple[int, int] | None, expected: Ratio
) -> None:
    """Cue accuracy counts matched pairs whose gold has a cue; the predicted cue must overlap."""
    scores = run([gold((0, 10), cue=gold_cue)], [pred((0, 10), cue=pred_cue)])
    assert scores.cov30.cue == expected


# ---------------------------------------------------------------------------------------------
# By kind


def test_recall_and_speaker_accuracy_by_gold_kind() -> None:
    """Recall and speaker accuracy are broken down by the gold quote's kind, at cov30."""
    golds = [
        gold((0, 10), kind="direct", speaker=(40, 41)),
        gold((10, 20), kind="indirect", speaker=(45, 46)),
        gold((20, 30), kind="indirect"),
    ]
    preds = [pred((0, 10), kind="indirect", mention=(40, 41)), pred((10, 20), mention=(40, 41))]
    actual = {k.kind: (k.recall, k.speaker) for k in run(golds, preds).by_kind}
    assert actual == {"direct": (Ratio(1, 1), Ratio(1, 1)), "indirect": (Ratio(1, 2), Ratio(0, 1))}


# ---------------------------------------------------------------------------------------------
# Reliability


@pytest.mark.parametrize(
    ("confidence", "slot"),
    [(0.0, 0), (0.49, 0), (0.5, 1), (0.69, 1), (0.7, 2), (0.8, 3), (0.89, 3), (0.9, 4), (1.0, 4)],
)
def test_reliability_bins_by_confidence(confidence: float, slot: int) -> None:
    """Each prediction falls in one bin: [0, .5), [.5, .7), [.7, .8), [.8, .9), [.9, 1]."""
    scores = run([], [pred((0, 10), confidence=confidence)])
    assert [b.precision.total for b in scores.reliability] == [int(i == slot) for i in range(5)]


def test_reliability_precision_counts_correct_attributions() -> None:
    """A bin's precision is the share of its predictions with a correct attribution at cov30."""
    golds = [gold((0, 10), speaker=(40, 41)), gold((10, 20), speaker=(45, 46))]
    preds = [
        pred((0, 10), mention=(40, 41), confidence=0.95),  # right
        pred((10, 20), mention=(40, 41), confidence=0.92),  # wrong speaker
        pred((30, 35), confidence=0.6),  # no gold quote
    ]
    actual = [b.precision for b in run(golds, preds).reliability]
    assert actual == [Ratio(0, 0), Ratio(0, 1), Ratio(0, 0), Ratio(0, 0), Ratio(1, 2)]


def test_reliability_bin_labels() -> None:
    """Bins are half-open except the last, which includes 1.0."""
    labels = [b.label for b in run([], []).reliability]
    assert labels == ["[0.0, 0.5)", "[0.5, 0.7)", "[0.7, 0.8)", "[0.8, 0.9)", "[0.9, 1.0]"]


# ---------------------------------------------------------------------------------------------
# Kinds filter


def test_kinds_filter_keeps_gold_and_predictions_of_those_kinds() -> None:
    """With kinds={"direct"}, gold and predicted quotes of other kinds are left out."""
    golds = [gold((0, 10), kind="direct"), gold((10, 20), kind="indirect")]
    preds = [pred((0, 10), kind="direct"), pred((10, 20), kind="indirect")]
    scores = run(golds, preds, kinds={"direct"})
    assert (scores.gold, scores.pred, scores.cov30.content.tp) == (1, 1, 1)


def test_kinds_filter_uses_the_predicted_kind() -> None:
    """A prediction of another kind does not match a gold quote of the kept kind."""
    scores = run([gold((0, 10), kind="direct")], [pred((0, 10), kind="mixed")], kinds={"direct"})
    assert scores.cov30.content == PRF(tp=0, n_pred=0, n_gold=1)


def test_kinds_filter_accepts_a_single_kind_as_a_string() -> None:
    """kinds="direct" means {"direct"}, not a set of letters."""
    assert run([], [], kinds="direct").kinds == frozenset({"direct"})


# ---------------------------------------------------------------------------------------------
# Documents


def test_missing_prediction_documents_are_counted() -> None:
    """Gold documents without a prediction document are reported; extra ids are ignored."""
    golds = [{"id": i, "text": LETTERS, "quotes": [gold((0, 10))]} for i in ("a", "b", "c")]
    preds = [{"id": "b", "quotes": [pred((0, 10))]}, {"id": "z", "quotes": [pred((0, 10))]}]
    scores = score(golds, preds)
    assert (scores.missing_ids, scores.docs_missing, scores.pred) == (("a", "c"), 2, 1)


def test_error_document_counts_as_one_without_quotes() -> None:
    """A prediction document with an "error" key and no quotes is present but empty."""
    golds = [{"id": "a", "text": LETTERS, "quotes": [gold((0, 10))]}]
    scores = score(golds, [{"id": "a", "error": "E008"}])
    assert (scores.docs_missing, scores.gold, scores.pred) == (0, 1, 0)


def test_figures_are_zero_without_predictions() -> None:
    """Precision, recall and F1 are 0.0, not an error, when nothing is predicted."""
    content = run([gold((0, 10))], []).cov30.content
    assert (content.precision, content.recall, content.f1) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("golds", "preds"),
    [
        ([gold((0, 100))], []),
        ([], [pred((5, 3))]),
        ([], [pred((0, 10), confidence=1.5)]),
        ([{"kind": "direct"}], []),
        ([], [{"kind": "direct", "speaker": None}]),
    ],
)
def test_bad_quote_data_raises_e003(
    golds: list[dict[str, Any]], preds: list[dict[str, Any]]
) -> None:
    """Offsets outside the text, missing offsets or a bad confidence raise a coded error."""
    with pytest.raises(QuoteattrError, match=r"^\[E003\]"):
        run(golds, preds)


def test_gold_document_without_text_raises_e003() -> None:
    """A gold document must carry its text."""
    with pytest.raises(QuoteattrError, match=r"^\[E003\].*'text'"):
        score([{"id": "a", "quotes": []}], [])


# ---------------------------------------------------------------------------------------------
# Output


def test_to_dict_is_json_safe_fractions() -> None:
    """to_dict() survives a JSON round trip and gives figures as fractions."""
    golds = [gold((0, 10), speaker=(40, 41), cue=(42, 44))]
    summary = run(golds, [pred((0, 10), mention=(40, 41), confidence=0.75)]).to_dict()
    assert json.loads(json.dumps(summary)) == summary
    assert (summary["attribution.cov30"], summary["reliability.cov30"][2]) == (
        {"p": 1.0, "r": 1.0, "f1": 1.0},
        {"low": 0.7, "high": 0.8, "count": 1, "precision": 1.0},
    )


def test_format_table_shows_percentages_with_one_decimal() -> None:
    """The table gives each level's figures as percentages, '-' where nothing was counted."""
    table = format_table(run([gold((0, 10)), gold((10, 20))], [pred((0, 10))]))
    rows = {line.split()[0]: line.split()[1:] for line in table.splitlines() if line.strip()}
    assert rows["cov30"] == ["100.0", "50.0", "66.7", "100.0", "50.0", "66.7", "-", "-", "-"]
    assert rows["exact"] == ["100.0", "50.0", "66.7"]
    assert rows["[0.9,"] == ["1.0]", "1", "100.0"]


# ---------------------------------------------------------------------------------------------
# Cross-check against the reference scorer (../shared/tools/score.py)

SHARED = Path(__file__).parents[2] / "shared"
REFERENCE = SHARED / "tools" / "score.py"
SEED_GOLD = SHARED / "seeds" / "nato-iraq-reuters.gold.jsonl"
POLNEAR = SHARED / "data" / "polnear-train.jsonl"


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    """The reference scorer, imported from its path."""
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is absent")
    spec = importlib.util.spec_from_file_location("quoteattr_reference_score", REFERENCE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(name: str) -> list[dict[str, Any]]:
    """The seed gold, or the first 50 PolNeAR training documents; skips when absent."""
    path = SEED_GOLD if name == "seed" else POLNEAR
    if not path.exists():
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, 50) if line.strip()]


def _speaker(q: dict[str, Any], span: list[int] | None, name: str | None) -> dict[str, Any] | None:
    if span is None and name is None:
        return None
    mention = {"text": "", "start": span[0], "end": span[1]} if span else None
    return {
        "name": name or "",
        "kind": "unknown",
        "role": None,
        "organization": None,
        "mention": mention,
    }


def perfect(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predictions that copy the gold."""
    out = []
    for doc in docs:
        quotes = []
        for q in doc["quotes"]:
            parts = q.get("content_spans") or [q["content"]]
            name = q.get("speaker_canonical") or q.get("speaker_text")
            quotes.append(
                {
                    "kind": q["kind"],
                    "start": parts[0][0],
                    "end": parts[-1][1],
                    "parts": parts,
                    "cue": {"text": "", "start": q["cue"][0], "end": q["cue"][1]}
                    if q["cue"]
                    else None,
                    "speaker": _speaker(q, q["speaker"], name if q["speaker"] else None),
                    "confidence": 1.0,
                }
            )
        out.append({"id": doc["id"], "quotes": quotes})
    return out


def perturbed(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Predictions with shifted spans, dropped and invented quotes, wrong speakers and cues."""
    rng = random.Random(0)
    out: list[dict[str, Any]] = []
    for doc in docs:
        n = len(doc["text"])
        if len(docs) > 1 and rng.random() < 0.05:
            continue  # a missing document
        if len(docs) > 1 and rng.random() < 0.05:
            out.append({"id": doc["id"], "error": "failed"})
            continue
        speakers = [(q["speaker"], q.get("speaker_text")) for q in doc["quotes"] if q["speaker"]]
        quotes = []
        for q in perfect([doc])[0]["quotes"]:
            if rng.random() < 0.15:
                continue
            parts = []
            shift = 25 if rng.random() < 0.6 else 0
            for s, e in q["parts"]:
                s = min(max(0, s + rng.randint(-shift, shift)), n)
                e = min(max(s, e + rng.randint(-shift, shift)), n)
                parts.append([s, e])
            parts.sort()
            q = dict(q, parts=parts, start=parts[0][0], end=max(e for _, e in parts))
            roll = rng.random()
            if roll < 0.15:
                q["speaker"] = None
            elif roll < 0.35 and speakers:
                span, text = rng.choice(speakers)
                q["speaker"] = _speaker(q, span, text)
            elif roll < 0.45:
                q["speaker"] = _speaker(q, None, rng.choice(["Mr. Nobody", "he", "Stoltenberg"]))
            if rng.random() < 0.2:
                q["cue"] = None
            q["confidence"] = round(rng.random(), 2)
            q["kind"] = rng.choice(["direct", "indirect", "mixed", q["kind"], q["kind"]])
            quotes.append(q)
        for _ in range(rng.randint(0, 3)):
            s = rng.randrange(n)
            e = min(n, s + rng.randint(1, 150))
            quotes.append(
                {
                    "kind": "indirect",
                    "start": s,
                    "end": e,
                    "parts": [[s, e]],
                    "cue": None,
                    "speaker": None,
                }
            )
        out.append({"id": doc["id"], "quotes": quotes})
    return out


def assert_agrees(expected: Any, actual: Any, key: str) -> None:
    """Every figure within 0.005, counts equal, the same keys and the same Nones."""
    if isinstance(expected, dict):
        assert sorted(actual) == sorted(expected), key
        for k in expected:
            assert_agrees(expected[k], actual[k], f"{key}.{k}")
    elif expected is None or isinstance(expected, int):
        assert actual == expected, key
    else:
        assert actual == pytest.approx(expected, abs=0.005), key


@pytest.mark.devset
@pytest.mark.parametrize("source", ["seed", "polnear"])
@pytest.mark.parametrize(
    "make", [perfect, perturbed, lambda docs: []], ids=["perfect", "perturbed", "none"]
)
@pytest.mark.parametrize("kinds", [None, {"direct"}], ids=["all", "direct"])
def test_agrees_with_the_reference_scorer(
    reference: ModuleType, source: str, make: Any, kinds: set[str] | None
) -> None:
    """Every figure the reference reports agrees within half a point."""
    docs = read_gold(source)
    preds = make(docs)
    ref_docs, ref_preds = docs, preds
    if kinds is not None:  # the reference has no filter: hand it filtered documents
        ref_docs = [dict(d, quotes=[q for q in d["quotes"] if q["kind"] in kinds]) for d in docs]
        ref_preds = [
            dict(d, quotes=[q for q in d.get("quotes", []) if q["kind"] in kinds]) for d in preds
        ]
    expected = reference.score(ref_docs, ref_preds)
    actual = score(docs, preds, kinds=kinds).to_dict()
    assert_agrees(expected, {k: actual[k] for k in expected}, "scores")


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Jens Stoltenberg", "Jens Stoltenberg", True),
        ("jens stoltenberg.", "Jens Stoltenberg", True),  # case and punctuation
        ("the State Department", "State Department", True),  # a leading "the"
        ("Clinton campaign’s", "Clinton campaign", True),  # a possessive, curly or not
        ("Donald J. Trump", "Donald Trump", True),  # a fuller form of the same name
        ("Trump", "Donald Trump", False),  # a bare surname is not the canonical name
        ("Bill Clinton", "Hillary Clinton", False),
        ("", "", False),  # nothing names nothing
    ],
)
def test_same_name(predicted: str, gold: str, expected: bool) -> None:
    """Names agree up to case, punctuation, "the", possessives and fuller forms."""
    assert same_name(predicted, gold) is expected


def test_score_names_with_and_without_a_canonical_label() -> None:
    """A null label is right when no named entity is claimed; the baseline is the mention."""
    items = [
        (
            {"speaker_text": "he", "canonical": "Jim Mattis", "category": "pronoun"},
            "Jim Mattis",
            "person",
        ),
        ({"speaker_text": "he", "canonical": "Jim Mattis", "category": "pronoun"}, "he", "unknown"),
        ({"speaker_text": "they", "canonical": None, "category": "pronoun"}, "they", "unknown"),
        (
            {"speaker_text": "they", "canonical": None, "category": "pronoun"},
            "Iraq",
            "organization",
        ),
        (
            {"speaker_text": "Mattis", "canonical": "Jim Mattis", "category": "surname"},
            "Jim Mattis",
            "person",
        ),
    ]
    scores = score_names(items)
    assert (scores.total, scores.correct, scores.baseline) == (5, 3, 2)
    assert dict(scores.by_category) == {"pronoun": (2, 4), "surname": (1, 1)}
    assert (scores.accuracy, scores.baseline_accuracy) == (0.6, 0.4)


# ---------------------------------------------------------------------------------------------
# Judgements and calibration


def test_judge_marks_each_prediction_as_scored() -> None:
    """judge() gives each prediction its content match and its attribution at cov30, with
    its place among the document's predictions."""
    golds = [gold((0, 10), speaker=(20, 24)), gold((30, 40), speaker=(45, 50))]
    preds = [
        pred((0, 10), mention=(20, 24), confidence=0.9),  # right
        pred((30, 40), mention=(11, 15), confidence=0.6),  # content right, speaker wrong
        pred((51, 52), mention=(11, 15), confidence=0.3),  # no gold there
    ]
    judged = judge([{"id": "d", "text": LETTERS, "quotes": golds}], [{"id": "d", "quotes": preds}])
    assert [(j.index, j.confidence, j.content, j.attribution) for j in judged] == [
        (0, 0.9, True, True),
        (1, 0.6, True, False),
        (2, 0.3, False, False),
    ]


def test_calibration_error_weights_each_bins_gap() -> None:
    """Two predictions at 0.9, one right, give a gap of 0.4 in their bin; one at 0.15,
    wrong, a gap of 0.15: the mean over the three is (2 * 0.4 + 0.15) / 3."""
    judged = [
        Judgement("d", 0, 0.9, True, True),
        Judgement("d", 1, 0.9, True, False),
        Judgement("d", 2, 0.15, False, False),
    ]
    assert calibration_error(judged) == pytest.approx((2 * 0.4 + 0.15) / 3)


def test_calibration_error_of_nothing_is_none() -> None:
    """No predictions, no calibration error."""
    assert calibration_error([]) is None


def test_scores_carry_the_calibration_error_and_the_table_prints_it() -> None:
    """score() computes the calibration error of its predictions; format_table prints it."""
    scores = run(
        [gold((0, 10), speaker=(20, 24))], [pred((0, 10), mention=(20, 24), confidence=0.8)]
    )
    assert scores.calibration_error == pytest.approx(0.2)
    assert "calibration error (mean |confidence - precision| over 10 bins): 0.200" in format_table(
        scores
    )
