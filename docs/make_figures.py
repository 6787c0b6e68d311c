"""Makes the charts of docs/analysis.md from an extraction of the development set.

    quoteattr extract ../shared/data/polnear-train.jsonl --format jsonl -o pred.jsonl
    pip install -e ".[plot,gender]"
    python docs/make_figures.py pred.jsonl [--out docs/figures]

Writes four PNG files, charts of aggregate counts only (no text of the articles):
``top-speakers.png``, ``gender-share.png`` (by quotes, from the text alone and with first
names), ``speaker-kinds.png`` and ``cue-categories.png``, and prints the figures they show.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import matplotlib
import matplotlib.figure

import quoteattr
from quoteattr import plot
from quoteattr.gender import first_names, with_first_names

DOCS = Path(__file__).resolve().parent


def documents(path: Path) -> Iterator[tuple[str, Any]]:
    """The ``(id, quotes or error)`` of each document of an extraction output file."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if "quotes" in record:
                yield record["id"], [quoteattr.Quote.from_dict(q) for q in record["quotes"]]
            else:
                yield record["id"], str(record.get("error"))


def main(argv: Sequence[str] | None = None) -> int:
    """Writes the charts and prints what they show."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path, help="quoteattr extract --format jsonl output")
    ap.add_argument("--out", type=Path, default=DOCS / "figures")
    args = ap.parse_args(argv)
    matplotlib.rcParams.update({"font.size": 10, "svg.hashsalt": "quoteattr"})
    args.out.mkdir(parents=True, exist_ok=True)

    names = first_names()
    table, named = quoteattr.SpeakerTable(), quoteattr.SpeakerTable()
    results = []
    for doc_id, outcome in documents(args.pred):
        table.add(outcome if isinstance(outcome, list) else quoteattr.QuoteattrError(outcome))
        if isinstance(outcome, list):
            named.add(with_first_names(outcome, names))
        results.append((doc_id, outcome))
    speakers = table.to_dataframe()
    speakers_named = named.to_dataframe(first_names=names)
    quotes = quoteattr.to_dataframe(results, speakers=table)

    ax = plot.top_speakers(speakers_named, n=20)
    ax.set_title(f"The 20 most quoted speakers of {len(results)} articles (first names on)")
    ax.figure.savefig(args.out / "top-speakers.png", dpi=110)

    fig = matplotlib.figure.Figure(figsize=(7.0, 3.6), layout="constrained")
    top, bottom = fig.subplots(2, 1)
    plot.gender_share(speakers, ax=top)
    top.set_title("People quoted, by gender, from the text alone (quotes)")
    plot.gender_share(speakers_named, ax=bottom)
    bottom.set_title("With first names (the gender extra)")
    fig.savefig(args.out / "gender-share.png", dpi=110)

    ax = plot.speaker_kinds(quotes)
    ax.figure.savefig(args.out / "speaker-kinds.png", dpi=110)

    ax = plot.cue_categories(quotes, by="speaker_kind")
    ax.figure.savefig(args.out / "cue-categories.png", dpi=110)

    people = speakers_named[speakers_named["kind"] == "person"]
    print(f"documents {len(results)}, quote rows {len(quotes)}, entities {len(speakers)}")
    for title, frame in (("text only", speakers), ("with first names", speakers_named)):
        persons = frame[frame["kind"] == "person"]
        by = persons.groupby("gender", observed=False)["quotes"].sum()
        total = int(by.sum())
        shares = ", ".join(f"{g} {int(n):,} ({n / total:.1%})" for g, n in by.items())
        print(f"quotes of people by gender, {title}: {shares}")
    print(f"people: {len(people)}")
    kinds = quotes[quotes["error"].isna()]["speaker_kind"].value_counts(dropna=False)
    print("quotes by speaker kind:", kinds.to_dict())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
