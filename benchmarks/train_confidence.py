"""Trains the confidence models, and measures them leave-one-publisher-out.

A quote's confidence should be the chance that it is correctly attributed (its content
matches a gold attribution at cov30 and its speaker is right), on news from any outlet. The
model is a logistic regression over what a quote says of how it was found
(:func:`quoteattr.core.confidence.quote_features`): fitted on six of polnear-train's seven
outlets, it is scored on the seventh, for each outlet in turn, against the rule table it
replaces (rule precision times speaker-kind factor). The figures: calibration error (mean
|confidence - precision| over 10 bins, weighted) and Brier score, per held-out outlet, their
mean and the worst outlet. Then it fits on all seven outlets and, with ``--write``, writes
the models the library ships (``quoteattr/lexicons/confidence-<profile>.json``).

    DATA=../shared/data/polnear-train.jsonl
    quoteattr extract $DATA --format jsonl -o claims.jsonl
    quoteattr extract $DATA --profile quotes --format jsonl -o quotes.jsonl
    python benchmarks/quotes_view.py -o view.jsonl
    python benchmarks/train_confidence.py --claims claims.jsonl --quotes quotes.jsonl \\
        --view view.jsonl [--write]

Quotes without a speaker are left out of the fit: they get 0.05 whatever the model says.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from quoteattr.core.confidence import SPEAKERLESS, ConfidenceModel, confidence, quote_features
from quoteattr.evaluate import Judgement, calibration_error, judge
from quoteattr.io.evaluation import read_jsonl
from quoteattr.model import Profile, Quote

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "polnear-train.jsonl"
SHIPPED = REPO / "quoteattr" / "lexicons"
# A cue lemma gets a weight of its own when the training outlets use it this often.
MIN_LEMMA = 30
# L2 penalty of the weights (the intercept is free): a fixed prior, not tuned on the data.
L2 = 1.0


def examples(
    gold: list[dict[str, Any]], pred: list[dict[str, Any]], profile: Profile
) -> list[tuple[str, Quote, Judgement]]:
    """(outlet, quote, judgement) for every scored prediction."""
    outlet = {d["id"]: d.get("meta", {}).get("publisher", "?") for d in gold}
    quotes = {
        (d["id"], i): Quote.from_dict(q) for d in pred for i, q in enumerate(d.get("quotes", ()))
    }
    return [(outlet[j.doc_id], quotes[(j.doc_id, j.index)], j) for j in judge(gold, pred)]


def fit(rows: list[tuple[str, Quote, Judgement]], profile: Profile) -> ConfidenceModel:
    """A logistic regression fitted by Newton's method with an L2 penalty."""
    train = [(q, j) for _, q, j in rows if q.speaker is not None]
    counts = Counter(q.cue.lemma for q, _ in train if q.cue is not None)
    lemmas = frozenset(lemma for lemma, n in counts.items() if n >= MIN_LEMMA)
    feats = [quote_features(q, lemmas, profile=profile) for q, _ in train]
    names = sorted({f for fs in feats for f in fs})
    index = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(train), len(names) + 1))
    x[:, 0] = 1.0
    for r, fs in enumerate(feats):
        for f in fs:
            x[r, index[f] + 1] = 1.0
    y = np.array([float(j.attribution) for _, j in train])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return ConfidenceModel(
        intercept=float(w[0]),
        weights={n: float(w[k + 1]) for n, k in index.items()},
        lemmas=lemmas,
        profile=profile,
    )


def rule_table(q: Quote) -> float:
    """The confidence the rule table gives a quote (the baseline)."""
    if q.speaker is None or q.rule is None:
        return SPEAKERLESS
    return confidence(q.kind, q.rule, q.speaker.kind)


def scores(rows: list[tuple[str, Quote, Judgement]], predict: Any) -> tuple[float, float]:
    """Calibration error and Brier score of ``predict`` on ``rows``."""
    judged = [
        Judgement(j.doc_id, j.index, predict(q), j.content, j.attribution) for _, q, j in rows
    ]
    brier = sum((x.confidence - x.attribution) ** 2 for x in judged) / len(judged)
    return calibration_error(judged) or 0.0, brier


def row(label: str, n: int | None, rules: tuple[float, float], model: tuple[float, float]) -> None:
    """Prints one row of the table."""
    cells = [str(n) if n is not None else "", f"{rules[0]:.3f}", f"{model[0]:.3f}"]
    cells += [f"{rules[1]:.4f}", f"{model[1]:.4f}"]
    print(f"{label:16}" + "".join(f"{c:>13}" for c in cells))


def report(profile: Profile, rows: list[tuple[str, Quote, Judgement]]) -> ConfidenceModel:
    outlets = sorted({o for o, _, _ in rows})
    print(f"\n{profile.value}: {len(rows)} scored predictions")
    heads = ("n", "rules cal", "model cal", "rules brier", "model brier")
    print(f"{'held-out outlet':16}" + "".join(f"{h:>13}" for h in heads))
    figures = []
    for outlet in outlets:
        test = [r for r in rows if r[0] == outlet]
        model = fit([r for r in rows if r[0] != outlet], profile)
        rules, model_s = scores(test, rule_table), scores(test, model)
        figures.append((outlet, rules, model_s))
        row(outlet, len(test), rules, model_s)
    for label, pick in (("mean", None), ("worst", True)):
        if pick is None:
            r = [sum(f[1][k] for f in figures) / len(figures) for k in (0, 1)]
            m = [sum(f[2][k] for f in figures) / len(figures) for k in (0, 1)]
        else:
            worst = max(figures, key=lambda f: f[2][0])
            label = f"worst: {worst[0]}"[:16]
            r, m = list(worst[1]), list(worst[2])
        row(label, None, (r[0], r[1]), (m[0], m[1]))
    final = fit(rows, profile)
    row("all (in-sample)", len(rows), scores(rows, rule_table), scores(rows, final))
    return final


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--claims", type=Path, required=True, help="claims predictions JSONL")
    ap.add_argument("--quotes", type=Path, help="quotes predictions JSONL")
    ap.add_argument("--view", type=Path, help="the quotes development view JSONL")
    ap.add_argument("--write", action="store_true", help="write the shipped models")
    args = ap.parse_args(argv)
    gold = read_jsonl(args.gold)
    runs = [(Profile.CLAIMS, gold, read_jsonl(args.claims))]
    if args.quotes and args.view:
        view = read_jsonl(args.view)
        runs.append((Profile.QUOTES, view, read_jsonl(args.quotes)))
    for profile, g, p in runs:
        model = report(profile, examples(g, p, profile))
        if args.write:
            path = SHIPPED / f"confidence-{profile.value}.json"
            path.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
