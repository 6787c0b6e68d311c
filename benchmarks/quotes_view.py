"""Writes the development view of the ``quotes`` profile from polnear-train's gold.

    python benchmarks/quotes_view.py -o quotes-view.jsonl
    quoteattr extract ../shared/data/polnear-train.jsonl --profile quotes --format jsonl -o q.jsonl
    quoteattr evaluate quotes-view.jsonl q.jsonl

Cue categories come from quoteattr's shipped cue lexicon, applied to the lemmas the default
pipeline's tagger and lemmatizer give the gold cue's words; a content is a clause when it has a
finite verb (a VB[DPZ] or MD tag). The rules of the view are in
:mod:`quoteattr.evaluate.views`. The output is derived from the corpus: keep it out of the
repository.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from quoteattr.core.lexicon import default_lexicons
from quoteattr.evaluate.views import quotes_view
from quoteattr.model import CueCategory
from quoteattr.pipelines import load_pipeline

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "data" / "polnear-train.jsonl"
_FINITE = frozenset({"VBD", "VBP", "VBZ", "MD"})


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args(argv)
    docs = [json.loads(line) for line in args.gold.open(encoding="utf-8") if line.strip()]
    nlp = load_pipeline()
    cues = default_lexicons().cues
    strings = set()
    for doc in docs:
        for q in doc["quotes"]:
            if q.get("cue"):
                strings.add(doc["text"][q["cue"][0] : q["cue"][1]])
            strings.add(doc["text"][q["content"][0] : q["content"][1]])
    parsed = {}
    with nlp.select_pipes(enable=["tok2vec", "tagger", "attribute_ruler", "lemmatizer"]):
        for s, d in zip(sorted(strings), nlp.pipe(sorted(strings), batch_size=256), strict=True):
            parsed[s] = [(t.lower_, t.lemma_.lower(), t.tag_) for t in d]

    unknown: Counter[str] = Counter()

    def categorize(cue: str) -> CueCategory | None:
        low = " ".join(cue.lower().split())
        for phrase, category in cues.phrases.items():
            if phrase in low:
                return category
        if low.strip() == ":":
            return CueCategory.SPEECH  # a name and a colon: a transcript or headline line
        words = {word for word, _, _ in parsed.get(cue, [])}
        for _, lemma, _ in parsed.get(cue, []):
            for table in (cues.verbs, cues.adjectives):
                if lemma in table:
                    return table[lemma]
            if lemma in cues.nouns:
                return cues.nouns[lemma].category
            # a frame "ccomp:W" counts only with its word: "made it clear", not "made a call"
            frames = [
                category
                for frame, category in cues.frames.get(lemma, {}).items()
                if not frame.startswith("ccomp:") or frame[6:] in words
            ]
            if frames:
                return frames[0]
        unknown[low] += 1
        return None

    def is_clause(content: str) -> bool:
        return any(tag in _FINITE for _, _, tag in parsed.get(content, []))

    kept = total = 0
    with args.output.open("w", encoding="utf-8") as out:
        for doc in docs:
            view = quotes_view(doc, categorize, is_clause)
            total += len(doc["quotes"])
            kept += len(view["quotes"])
            out.write(json.dumps(view, ensure_ascii=False) + "\n")
    kinds = Counter(
        q["kind"] for line in args.output.open(encoding="utf-8") for q in json.loads(line)["quotes"]
    )
    print(f"{total} gold attributions -> {kept} quotes in the view ({dict(kinds)})")
    print(f"cues the lexicon does not know: {sum(unknown.values())} ({len(unknown)} distinct)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
