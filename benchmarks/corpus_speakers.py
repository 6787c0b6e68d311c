"""Speakers across documents: how many rows one real person or organisation gets, before and
after the merging rules of ``quoteattr.corpus``, and which merges are wrong.

    quoteattr extract ../shared/data/polnear-train.jsonl --format jsonl -o pred.jsonl
    python benchmarks/corpus_speakers.py pred.jsonl [--data ../shared/data/polnear-train.jsonl]
        [--gold tests/data/corpus_speakers.jsonl] [-v]

The hand-checked list (``tests/data/corpus_speakers.jsonl``) gives, for each of 80 entities,
the speaker names of the predictions that name it (``variants``) and names that contain it
but are not names (headline fragments: ``unscored``). Everything else is another entity.

Before: one row per speaker name (``quoteattr.speakers`` groups by name and kind). After:
one row per entity of ``SpeakerTable.rows()``. For each entity, its main row is the one that
holds most of its quotes; a variant is joined when it is in that row. A merge is wrong when a
row holds a variant of a listed entity and a name that is neither its variant nor unscored.

The figures are given on the whole corpus and outlet by outlet (a table built on the
documents of one ``meta.publisher`` only, scored on the variants that outlet uses), with the
mean and the worst outlet. The rules have no parameter fitted to the data, so the outlet
figures are the held-out figures: no outlet's documents tuned anything used on another.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import quoteattr
from quoteattr.corpus import SpeakerTable, clean_name, merging
from quoteattr.io.evaluation import read_jsonl

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear-train.jsonl"
DEFAULT_GOLD = REPO / "tests" / "data" / "corpus_speakers.jsonl"


# The merging rules of quoteattr.corpus, by the Merger method that applies each (rule 1 is
# the name key itself and cannot be left out).
RULES = (
    ("- 2 middles", "_full_names"),
    ("- 3 descr.", "_descriptors"),
    ("- 4 surnames", "_bare_surnames"),
    ("- 5 spellings", "_first_name_forms"),
    ("- 6 acronyms", "_acronyms"),
    ("- 7 bodies", "_bodies"),
)


class Scores:
    """The figures of one table against the list."""

    def __init__(
        self,
        gold: Sequence[dict[str, Any]],
        name_quotes: Counter[str],
        before_rows: dict[str, int],
        after_groups: list[set[str]],
    ) -> None:
        self.entities = 0
        self.multi = 0  # entities seen under more than one name
        self.names_before = 0  # distinct names (= rows before) over the multi entities
        self.rows_before = 0
        self.rows_after = 0
        self.variants = 0  # variants beyond the first, over the multi entities
        self.joined = 0
        self.quotes = 0
        self.main_before = 0
        self.main_after = 0
        self.wrong: list[tuple[str, list[str]]] = []
        self.missed: list[tuple[str, str]] = []
        row_of = {name: i for i, g in enumerate(after_groups) for name in g}
        for entity in gold:
            present = [v for v in entity["variants"] if name_quotes[v]]
            if not present:
                continue
            self.entities += 1
            quotes = sum(name_quotes[v] for v in present)
            self.quotes += quotes
            self.main_before += max(name_quotes[v] for v in present)
            per_row: Counter[int] = Counter()
            for v in present:
                per_row[row_of[v]] += name_quotes[v]
            main, in_main = per_row.most_common(1)[0]
            self.main_after += in_main
            if len(present) > 1:
                self.multi += 1
                self.names_before += len(present)
                self.rows_before += sum(before_rows[v] for v in present)
                self.rows_after += len(per_row)
                self.variants += len(present) - 1
                self.joined += sum(1 for v in present if row_of[v] == main) - 1
                self.missed += [(entity["entity"], v) for v in present if row_of[v] != main]
            allowed = set(entity["variants"]) | set(entity.get("unscored", ()))
            for row in sorted({row_of[v] for v in present}):
                extra = sorted(after_groups[row] - allowed)
                if extra:
                    self.wrong.append((entity["entity"], extra))

    @property
    def join_rate(self) -> float:
        return 100.0 * self.joined / self.variants if self.variants else 100.0


def build(records: Iterable[dict[str, Any]]) -> tuple[Counter[str], dict[str, int], SpeakerTable]:
    """Name counts, rows per name before (one per name and kind), and the table after."""
    table = SpeakerTable()
    name_quotes: Counter[str] = Counter()
    kinds: dict[str, set[str]] = defaultdict(set)
    for record in records:
        if "error" in record and "quotes" not in record:
            table.add_failed()
            continue
        quotes = [quoteattr.Quote.from_dict(q) for q in record.get("quotes") or ()]
        table.add(quotes)
        for entity in quoteattr.speakers(quotes):
            if entity.kind in (quoteattr.SpeakerKind.PERSON, quoteattr.SpeakerKind.ORGANIZATION):
                name_quotes[entity.name] += len(entity.quotes)
                kinds[entity.name].add(entity.kind.value)
    return name_quotes, {n: len(k) for n, k in kinds.items()}, table


def score(records: Iterable[dict[str, Any]], gold: Sequence[dict[str, Any]]) -> Scores:
    """Builds the table of the records and scores it against the list."""
    name_quotes, before_rows, table = build(records)
    groups = [set(r.variants) for r in table.rows()]
    for name in name_quotes:  # names dropped as headings are rows of their own, for scoring
        if not any(name in g for g in groups):
            groups.append({name})
    return Scores(gold, name_quotes, before_rows, groups)


def line(label: str, s: Scores) -> str:
    """One row of the figures table."""
    per_before = s.names_before / s.multi if s.multi else 0.0
    per_after = s.rows_after / s.multi if s.multi else 0.0
    main_b = 100.0 * s.main_before / s.quotes if s.quotes else 0.0
    main_a = 100.0 * s.main_after / s.quotes if s.quotes else 0.0
    return (
        f"{label:<14}{s.entities:>5}{s.multi:>7}{per_before:>9.2f}{per_after:>8.2f}"
        f"{s.joined:>7}/{s.variants:<4}{s.join_rate:>7.1f}{main_b:>9.1f}{main_a:>8.1f}"
        f"{len(s.wrong):>7}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred", type=Path, help="JSONL written by `quoteattr extract --format jsonl`")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the corpus (for publishers)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the hand-checked list")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the missed variants")
    ap.add_argument(
        "--merges", action="store_true", help="list every row that merges several names"
    )
    ap.add_argument(
        "--ablate", action="store_true", help="the figures with each merging rule left out"
    )
    args = ap.parse_args(argv)
    gold = read_jsonl(args.gold)
    preds = read_jsonl(args.pred)
    publisher: dict[str, str] = {}
    if args.data.exists():
        for r in read_jsonl(args.data):
            publisher[str(r["id"])] = str((r.get("meta") or {}).get("publisher", "?"))
    else:
        print(f"{args.data} not found: outlet figures left out", file=sys.stderr)

    whole = score(preds, gold)
    head = (
        f"{'':<14}{'ents':>5}{'multi':>7}{'names/e':>9}{'rows/e':>8}"
        f"{'joined':>12}{'join%':>7}{'main% b':>9}{'main% a':>8}{'wrong':>7}"
    )
    print(f"{len(gold)} listed entities; predictions: {args.pred}")
    print(head)
    print(line("all documents", whole))
    outlets = sorted(set(publisher.values()))
    per: list[tuple[str, Scores]] = []
    for outlet in outlets:
        s = score([p for p in preds if publisher.get(str(p["id"])) == outlet], gold)
        per.append((outlet, s))
        print(line(outlet, s))
    if per:
        rates = [s.join_rate for _, s in per if s.variants]
        worst = min(per, key=lambda p: p[1].join_rate if p[1].variants else 101.0)
        print(
            f"outlets: join% mean {sum(rates) / len(rates):.1f}, worst {worst[1].join_rate:.1f}"
            f" ({worst[0]}); wrong merges {sum(len(s.wrong) for _, s in per)}"
        )
    print(
        "ents: listed entities quoted; multi: those quoted under several names; names/e: "
        "their distinct speaker names\n(one row each before); rows/e: their rows after; "
        "joined: variants in the entity's main row;\nmain%: share of the listed entities' "
        "quotes in their biggest row, before (b) and after (a); wrong: wrong merges."
    )
    print(f"\nwrong merges ({len(whole.wrong)}):")
    for entity, extra in whole.wrong:
        print(f"  {entity}: with {', '.join(repr(x) for x in extra)}")
    print(f"\nvariants not joined ({len(whole.missed)}):")
    if args.verbose:
        for entity, v in whole.missed:
            print(f"  {entity}: {v!r}")
    else:
        print("  " + ", ".join(repr(v) for _, v in whole.missed))
    if args.ablate:
        all_rules = [m for _, m in RULES]
        print("\nwith one rule left out (all documents):")
        print(head)
        for label, methods in [*((lbl, [m]) for lbl, m in RULES), ("rule 1 only", all_rules)]:
            saved = {m: getattr(merging.Merger, m) for m in methods}
            for m in methods:
                setattr(merging.Merger, m, lambda self: None)
            try:
                print(line(label, score(preds, gold)))
            finally:
                for m, method in saved.items():
                    setattr(merging.Merger, m, method)
    rows = build(preds)[2].rows()
    merged = [r for r in rows if len({clean_name(v).key for v in r.variants}) > 1]
    print(
        f"\nrows that merge names written differently: {len(merged)} of {len(rows)} "
        f"({sum(r.quotes for r in merged):,} quotes)"
    )
    if args.merges:
        for r in merged:
            print(f"  {r.quotes:5d}  {' | '.join(r.variants)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
