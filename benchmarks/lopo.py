"""Figures by outlet on polnear-train: the leave-one-publisher-out protocol.

Every list, weight or threshold fitted to data is measured out of sample: fitted on six of
polnear-train's seven outlets (``meta.publisher``), scored on the seventh, for each outlet in
turn; the mean and the worst outlet are what count, the all-outlets figure beside them. Rules
fitted to nothing (the extraction itself) are scored outlet by outlet in the same table, so
that an outlet they fail stands out.

    quoteattr extract ../shared/data/polnear-train.jsonl --format jsonl -o pred.jsonl
    python benchmarks/lopo.py pred.jsonl [--gold ../shared/data/polnear-train.jsonl]

For the ``quotes`` profile, score against its development view (written by
``benchmarks/quotes_view.py``, which keeps each article's ``meta``):

    python benchmarks/quotes_view.py -o quotes-view.jsonl
    quoteattr extract ../shared/data/polnear-train.jsonl --profile quotes --format jsonl -o q.jsonl
    python benchmarks/lopo.py q.jsonl --gold quotes-view.jsonl
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quoteattr.evaluate import Scores, score
from quoteattr.io.evaluation import read_jsonl

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "polnear-train.jsonl"


def by_publisher(gold: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The gold documents of each outlet (``meta.publisher``)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for doc in gold:
        groups[str(doc.get("meta", {}).get("publisher", "?"))].append(doc)
    return dict(sorted(groups.items()))


def figures(s: Scores) -> dict[str, float]:
    """The figures the protocol reports, in percent (calibration error as a fraction)."""
    lv = s.cov30
    return {
        "content P": 100 * lv.content.precision,
        "content R": 100 * lv.content.recall,
        "content F1": 100 * lv.content.f1,
        "attribution F1": 100 * lv.attribution.f1,
        "speaker": 100 * (lv.speaker.value or 0.0),
        "cue": 100 * (lv.cue.value or 0.0),
        "calibration": s.calibration_error if s.calibration_error is not None else float("nan"),
    }


def table(rows: dict[str, dict[str, float]]) -> str:
    """The figures as a plain-text table, one row per outlet."""
    names = list(next(iter(rows.values())))
    head = "outlet".ljust(20) + "".join(n.rjust(15) for n in names)
    lines = [head]
    for outlet, row in rows.items():
        cells = "".join(
            (f"{row[n]:.3f}" if n == "calibration" else f"{row[n]:.1f}").rjust(15) for n in names
        )
        lines.append(outlet.ljust(20) + cells)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pred", type=Path, help="predictions JSONL (quoteattr extract --format jsonl)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = ap.parse_args(argv)
    gold = read_jsonl(args.gold)
    pred = read_jsonl(args.pred)
    rows = {}
    for outlet, docs in by_publisher(gold).items():
        ids = {d["id"] for d in docs}
        rows[outlet] = figures(score(docs, [p for p in pred if p["id"] in ids]))
    names = list(next(iter(rows.values())))
    held_out = dict(rows)
    rows["mean"] = {n: sum(r[n] for r in held_out.values()) / len(held_out) for n in names}
    worst = min(held_out, key=lambda o: held_out[o]["attribution F1"])
    rows[f"worst: {worst}"] = held_out[worst]
    rows["all outlets"] = figures(score(gold, pred))
    print(f"gold: {args.gold}; predictions: {args.pred}")
    print(table(rows))
    print("worst outlet: lowest attribution F1; calibration: mean |confidence - precision|")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
