"""The baseline to beat: textacy's ``direct_quotations`` as predictions for ``quoteattr evaluate``.

Parses every document with the default pipeline (``quoteattr.pipelines.load_pipeline()``), runs
``textacy.extract.triples.direct_quotations`` on it and writes one ``{"id", "quotes"}`` line per
document in quoteattr's prediction format. textacy raises on some documents (an odd number of
quote marks, for one); those get no quotes and are counted.

    python benchmarks/textacy_baseline.py [--data PATH] [--limit N] [--output PATH]
    python -m quoteattr.cli evaluate GOLD.jsonl PRED.jsonl [--kinds direct]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Token
from textacy.extract.triples import direct_quotations

from quoteattr.pipelines import load_pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-train.jsonl"
DEFAULT_OUTPUT = Path("textacy.pred.jsonl")


def _span(doc: Doc, tokens: Sequence[Token]) -> dict[str, Any]:
    """``{"text", "start", "end"}`` from the first to the last of some tokens."""
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return {"text": span.text, "start": span.start_char, "end": span.end_char}


def textacy_quotes(doc: Doc) -> list[dict[str, Any]]:
    """textacy's triples as prediction dicts; raises what textacy raises."""
    quotes = []
    for triple in direct_quotations(doc):
        content = triple.content  # a Span, quote marks included
        speaker = None
        if triple.speaker:
            mention = _span(doc, triple.speaker)
            speaker = {
                "name": mention["text"],
                "kind": "unknown",
                "role": None,
                "organization": None,
                "mention": mention,
            }
        start, end = content.start_char, content.end_char
        quotes.append(
            {
                "kind": "direct",
                "start": start,
                "end": end,
                "parts": [[start, end]],
                "cue": _span(doc, triple.cue) if triple.cue else None,
                "speaker": speaker,
                "confidence": 1.0,
            }
        )
    return quotes


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with 'id' and 'text'")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="predictions JSONL")
    ap.add_argument("--n-process", type=int, default=1, help="nlp.pipe processes")
    args = ap.parse_args(argv)

    with args.data.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    records = records[: args.limit] if args.limit is not None else records

    nlp = load_pipeline()
    texts = (r["text"] for r in records)
    docs = nlp.pipe(texts, batch_size=32, n_process=args.n_process)
    raised: Counter[str] = Counter()
    n_quotes = 0
    start = time.perf_counter()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for record, doc in zip(records, docs, strict=True):
            try:
                quotes = textacy_quotes(doc)
            except Exception as err:  # textacy bails out on the whole document
                reason = re.sub(r"[0-9]+", "N", str(err)).split(";")[0]
                raised[f"{type(err).__name__}: {reason}"] += 1
                quotes = []
            n_quotes += len(quotes)
            out.write(json.dumps({"id": record["id"], "quotes": quotes}) + "\n")

    print(f"docs {len(records)}  quotes {n_quotes}  ({time.perf_counter() - start:.0f} s)")
    print(f"textacy raised on {sum(raised.values())} of {len(records)} docs")
    for reason, n in raised.most_common():
        print(f"  {n:5d}  {reason}")
    print(f"wrote {args.output}")
    print(f"score: python -m quoteattr.cli evaluate {args.data} {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
