"""Speaker gender: coverage and accuracy on hand-labelled speakers, with and without first names.

    quoteattr extract ../shared/data/polnear-train.jsonl --format jsonl -o pred.jsonl
    pip install -e ".[gender]"
    python benchmarks/gender_speakers.py pred.jsonl [--labels tests/data/gender_speakers.jsonl]
        [--thresholds] [-v]

The labels (``tests/data/gender_speakers.jsonl``) give, for every person speaker that the
extraction found in 41 development-set articles that nobody read while writing rules, the
gender of the person its name names, read from the article and from what is known of the
public figure ("unknown" when neither tells), or ``"person": false`` for a name that names
no person ("Muhammad Ali Center", "Exit polls"). A speaker is one name in one document; its
predicted gender is the one the document gives it (:func:`quoteattr.gender.document_genders`),
from the text alone and then with :func:`quoteattr.gender.with_first_names`.

Coverage: the share of named people (the labels' persons, of known gender or not) given a
gender. Accuracy: the share right among those of known gender that got one.

``--thresholds`` prints how the first-name table's threshold was chosen: on the other 799
articles, the speakers whose text gives an honorific ("Mr.", "Ms.") or a gendered role word
("congresswoman") are taken as right, and the table's given names are scored against them at
each threshold.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from quoteattr import Gender, Quote
from quoteattr.gender import (
    FIRST_NAME,
    FirstNames,
    document_genders,
    first_names,
    given_name,
    with_first_names,
)
from quoteattr.io.evaluation import read_jsonl

REPO = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = REPO / "tests" / "data" / "gender_speakers.jsonl"


def predictions(path: Path, wanted: set[str] | None = None) -> dict[str, list[Quote]]:
    """The quotes of each document of an extraction output file (only ``wanted`` ids)."""
    out = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if wanted is None or record["id"] in wanted:
                out[record["id"]] = [Quote.from_dict(q) for q in record.get("quotes") or ()]
    return out


class Tally:
    """Coverage and accuracy of one setting over the labels."""

    def __init__(self) -> None:
        self.people = 0  # named people (labels with person true)
        self.given = 0
        self.known_given = 0  # of known gender and given one
        self.right = 0
        self.unknown_given = 0  # the article does not tell, and a gender was given
        self.not_people = 0
        self.not_people_given = 0
        self.missing = 0  # labelled speakers the predictions no longer have
        self.by_evidence: Counter[tuple[str, bool]] = Counter()
        self.wrong: list[str] = []

    def add(self, label: dict[str, Any], got: Gender | None, evidence: str | None) -> None:
        """Scores one labelled speaker (``got`` None: not in the predictions)."""
        if got is None:
            self.missing += 1
            return
        if not label["person"]:
            self.not_people += 1
            if got != Gender.UNKNOWN:
                self.not_people_given += 1
                self.wrong.append(f"{label['name']!r} (no person): {got} by {evidence}")
            return
        self.people += 1
        if got == Gender.UNKNOWN:
            return
        self.given += 1
        if label["gender"] == "unknown":
            self.unknown_given += 1
            return
        self.known_given += 1
        ok = got.value == label["gender"]
        self.right += ok
        self.by_evidence[(str(evidence), ok)] += 1
        if not ok:
            self.wrong.append(
                f"{label['doc']} {label['name']!r}: {got} by {evidence}, is {label['gender']}"
            )

    def lines(self, title: str) -> list[str]:
        """The figures, as printed."""
        cov = 100.0 * self.given / self.people if self.people else 0.0
        acc = 100.0 * self.right / self.known_given if self.known_given else 0.0
        out = [
            f"{title}: named people {self.people}, given a gender {self.given} "
            f"(coverage {cov:.1f}%); right {self.right} of {self.known_given} of known gender "
            f"(accuracy {acc:.1f}%); given to people the article does not tell "
            f"{self.unknown_given}; to {self.not_people_given} of {self.not_people} names "
            f"of no person; labels missing from the predictions {self.missing}",
        ]
        evidence = sorted({e for e, _ in self.by_evidence})
        for e in evidence:
            ok, bad = self.by_evidence[(e, True)], self.by_evidence[(e, False)]
            out.append(f"    by {e:<10} {ok + bad:>4} given, {bad:>2} wrong")
        return out


def score(
    labels: Sequence[dict[str, Any]], docs: dict[str, list[Quote]], names: FirstNames | None
) -> Tally:
    """Scores the document genders of the labelled speakers (with first names if given)."""
    tally = Tally()
    for doc_id in dict.fromkeys(label["doc"] for label in labels):
        quotes = docs.get(doc_id, [])
        if names is not None:
            quotes = with_first_names(quotes, names)
        genders = document_genders(quotes)
        by_mention = {
            (q.speaker.mention.start, q.speaker.mention.end): q.speaker.name
            for q in quotes
            if q.speaker is not None and q.speaker.mention is not None
        }
        for label in (lb for lb in labels if lb["doc"] == doc_id):
            name = label["name"]
            if name not in genders:  # the name changed: the speaker at the same mention
                name = by_mention.get(tuple(label["mention"]), name)
            found = genders.get(name)
            tally.add(label, found.gender if found else None, found.evidence if found else None)
    return tally


def silver(docs: dict[str, list[Quote]], skip: set[str]) -> list[tuple[str, Gender]]:
    """The given names of the person speakers whose text gives an honorific or a role word,
    with that gender, one per name and document, outside ``skip``."""
    out = []
    for doc_id, quotes in docs.items():
        if doc_id in skip:
            continue
        for name, dg in document_genders(quotes).items():
            given = given_name(name)
            if given is not None and dg.evidence in ("honorific", "title"):
                out.append((given, dg.gender))
    return out


def thresholds(pairs: Iterable[tuple[str, Gender]], table: FirstNames) -> list[str]:
    """Accuracy and coverage of the table on the silver pairs at several thresholds."""
    pairs = list(pairs)
    lines = [f"silver speakers (honorific or role word, other articles): {len(pairs)}"]
    lines.append("threshold  coverage  accuracy  wrong")
    for t in (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3):
        probe = FirstNames(table.shares, t)
        got = [(probe.gender(g), gold) for g, gold in pairs]
        given = [(p, gold) for p, gold in got if p != Gender.UNKNOWN]
        right = sum(p == gold for p, gold in given)
        cov = 100.0 * len(given) / len(pairs) if pairs else 0.0
        acc = 100.0 * right / len(given) if given else 0.0
        lines.append(f"{t:>9.2f}  {cov:>7.1f}%  {acc:>7.1f}%  {len(given) - right:>5}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Prints the figures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pred", type=Path, help="quoteattr extract --format jsonl output")
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    ap.add_argument("--thresholds", action="store_true", help="how the threshold was chosen")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the wrong genders")
    args = ap.parse_args(argv)
    labels = read_jsonl(args.labels)
    ids = {label["doc"] for label in labels}
    docs = predictions(args.pred, None if args.thresholds else ids)
    table = first_names()
    print(f"{len(labels)} labelled speakers in {len(ids)} articles")
    for title, names in (("text only", None), (f"with first names ({FIRST_NAME})", table)):
        tally = score(labels, docs, names)
        print("\n".join(tally.lines(title)))
        if args.verbose:
            print("\n".join("    wrong: " + w for w in tally.wrong))
    if args.thresholds:
        print("\n".join(thresholds(silver(docs, ids), table)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
