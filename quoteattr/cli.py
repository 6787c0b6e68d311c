"""The command line: arguments and I/O only.

quoteattr extract [INPUT ...] [--format table|jsonl|json|csv|html] [--output PATH] [--model NAME]
                  [--title TITLE] [--profile claims|quotes] [--kinds K,...] [--categories C,...]
                  [--speaker-kinds S,...] [--min-confidence X] [--first-names]
quoteattr evaluate GOLD.jsonl PRED.jsonl [--kinds direct,mixed] [--json]
quoteattr speakers PRED.jsonl [...] [--format csv|jsonl] [--output PATH] [--min-quotes N]
                   [--first-names]
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from . import pipelines
from .batch import extract_many
from .errors import Errors, QuoteattrError, QuoteattrWarning
from .evaluate import format_table, score
from .gender import first_names, with_first_names
from .io.formats import FORMATS, Result, render_csv, render_json, render_jsonl, render_table
from .io.html import DEFAULT_TITLE, render_html
from .io.progress import Progress
from .io.records import Record, read_done, read_inputs
from .model import Profile, Quotes
from .pipelines import DEFAULT_MODEL

__all__ = ["main"]


def _positive_int(value: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an integer") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive integer")
    return number


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="quoteattr", description="Who said what in English news.")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="find the quotes of documents")
    ex.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="INPUT",
        help="text files, .jsonl files of {id, text} records, or - for standard input",
    )
    ex.add_argument("--format", choices=FORMATS, default="table", help="output format")
    ex.add_argument("--output", "-o", metavar="PATH", help="write here instead of stdout")
    ex.add_argument("--model", default=DEFAULT_MODEL, help="an installed spaCy pipeline")
    ex.add_argument(
        "--title", default=DEFAULT_TITLE, help="the page's title and heading (--format html)"
    )
    ex.add_argument(
        "--batch-size", type=_positive_int, default=32, help="documents per nlp.pipe batch"
    )
    ex.add_argument(
        "--n-process", type=_positive_int, default=1, help="worker processes for nlp.pipe"
    )
    ex.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress line on stderr (default: on a terminal, for several documents)",
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="append to the --output JSONL file, skipping the ids it already holds",
    )
    ex.add_argument(
        "--warnings",
        action="store_true",
        help="show the quote-mark warnings (W001, W002) of each document on stderr",
    )
    ex.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default=Profile.CLAIMS.value,
        help="what counts as a quote: every attributed claim, or what was said or written",
    )
    ex.add_argument("--kinds", type=_listed, help="keep these quote kinds (direct,mixed,...)")
    ex.add_argument(
        "--categories", type=_listed, help="keep these cue categories (speech,writing,...)"
    )
    ex.add_argument(
        "--speaker-kinds", type=_listed, help="keep these speaker kinds (person,organization,...)"
    )
    ex.add_argument("--min-confidence", type=float, help="keep quotes this confident or more")
    ex.add_argument(
        "--first-names",
        action="store_true",
        help="complete and check speaker genders by first name (needs quoteattr[gender])",
    )
    ev = sub.add_parser("evaluate", help="score predictions against a gold JSONL file")
    ev.add_argument("gold", help="gold JSONL (id, text, quotes)")
    ev.add_argument("pred", help="predictions JSONL as written by `extract --format jsonl`")
    ev.add_argument("--kinds", help="only these gold kinds, comma-separated (direct,mixed,...)")
    ev.add_argument("--json", action="store_true", help="print the summary as JSON")
    sp = sub.add_parser("speakers", help="one table of speakers over extraction output")
    sp.add_argument(
        "pred", nargs="+", metavar="PRED", help="JSONL files written by `extract --format jsonl`"
    )
    sp.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format")
    sp.add_argument("--output", "-o", metavar="PATH", help="write here instead of stdout")
    sp.add_argument(
        "--min-quotes", type=_positive_int, default=1, help="leave out entities quoted less"
    )
    sp.add_argument(
        "--first-names",
        action="store_true",
        help="complete and check the entities' genders by first name (needs quoteattr[gender])",
    )
    return ap


def _listed(value: str) -> list[str]:
    """An argparse type: comma-separated values ("direct,mixed")."""
    return [v.strip() for v in value.split(",") if v.strip()]


def _results(
    records: Iterable[Record],
    model: str,
    batch_size: int,
    n_process: int,
    profile: str = Profile.CLAIMS.value,
) -> Iterator[Result]:
    """Runs the pipeline over the records: one result per record, in order, errors as text."""
    nlp = pipelines.load(model)
    for doc_id, outcome in extract_many(
        records, nlp=nlp, batch_size=batch_size, n_process=n_process, profile=profile
    ):
        yield doc_id, str(outcome) if isinstance(outcome, QuoteattrError) else outcome


def _selected(results: Iterable[Result], args: argparse.Namespace) -> Iterator[Result]:
    """The results with extract's filters and first names applied (errors pass through).

    The filters' values are checked and the first-name table loaded here, before any
    document is read or any output file opened.
    """
    wanted = {
        "kinds": args.kinds,
        "categories": args.categories,
        "speaker_kinds": args.speaker_kinds,
        "min_confidence": args.min_confidence,
    }
    Quotes().filter(**wanted)  # [E020] for a bad value
    names = first_names() if args.first_names else None  # [E021] without the extra

    def applied() -> Iterator[Result]:
        for doc_id, outcome in results:
            if not isinstance(outcome, str):
                outcome = Quotes(outcome).filter(**wanted)
                if names is not None:
                    outcome = with_first_names(outcome, names)
            yield doc_id, outcome

    return applied()


def _skip_done(records: Iterable[Record], done: set[str], progress: Progress) -> Iterator[Record]:
    """Leaves out the records whose id a resumed output file already holds."""
    for r in records:
        if r.id in done:
            progress.skipped += 1
        else:
            yield r


def _keep_texts(records: Iterable[Record], texts: dict[str, list[str]]) -> Iterator[Record]:
    """Passes the records on, keeping each one's text under its id (the html page shows it)."""
    for r in records:
        texts.setdefault(r.id, []).append(r.text or "")
        yield r


def _write(chunks: Iterable[str], out: IO[str]) -> None:
    for chunk in chunks:
        out.write(chunk)


def _extract(args: argparse.Namespace) -> int:
    failed = 0
    done: set[str] = set()
    if args.resume:
        if args.format != "jsonl" or not args.output:
            raise QuoteattrError(Errors.E016)
        done, failed = read_done(args.output)  # earlier failures still fail the run
    progress = Progress(sys.stderr, enabled=args.progress)

    def counted(results: Iterable[Result]) -> Iterator[Result]:
        nonlocal failed
        for doc_id, outcome in results:
            if isinstance(outcome, str):
                failed += 1
                progress.message(f"quoteattr: {doc_id}: {outcome}")
            progress.update(failed=isinstance(outcome, str))
            yield doc_id, outcome

    texts: dict[str, list[str]] = {}
    records = read_inputs(args.inputs)
    if args.resume:
        records = _skip_done(records, done, progress)
    if args.format == "html":
        records = _keep_texts(records, texts)
    results = _results(records, args.model, args.batch_size, args.n_process, args.profile)
    results = counted(_selected(results, args))
    chunks: Iterable[str]
    if args.format == "jsonl":
        chunks = render_jsonl(results)
    elif args.format == "json":
        chunks = [render_json(results)]
    elif args.format == "csv":
        chunks = render_csv(results)
    elif args.format == "html":
        documents = ((i, texts[i].pop(0), outcome) for i, outcome in results)
        chunks = render_html(documents, title=args.title)
    else:
        chunks = render_table(results)
    try:
        with warnings.catch_warnings():
            # An unclosed quote mark is the source's typo, not the user's: over 100,000
            # articles its warnings would bury the real errors, so they are opt-in.
            if not args.warnings:
                warnings.simplefilter("ignore", QuoteattrWarning)
            if args.output:
                mode = "a" if args.resume else "w"
                with open(args.output, mode, encoding="utf-8", newline="") as out:
                    _write(chunks, out)
            else:
                _write(chunks, sys.stdout)
    finally:
        progress.close()
    return 1 if failed else 0


def _read_jsonl(path: str) -> list[dict[str, Any]]:
    """Reads a JSONL file; a line that is not JSON or not UTF-8 raises a coded error."""
    out = []
    with open(path, "rb") as fh:
        for number, raw in enumerate(fh, start=1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as err:
                reason = f"invalid UTF-8 at byte {err.start}"
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=reason)
                ) from None
            if not line.strip():
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as err:
                reason = f"not JSON ({err.msg})"
                raise QuoteattrError(
                    Errors.E006.format(path=path, line=number, reason=reason)
                ) from None
    return out


def _evaluate(args: argparse.Namespace) -> int:
    kinds = set(args.kinds.split(",")) if args.kinds else None
    scores = score(_read_jsonl(args.gold), _read_jsonl(args.pred), kinds=kinds)
    if args.json:
        print(json.dumps(scores.to_dict(), indent=1))
    else:
        print(format_table(scores))
    return 0


def _speakers(args: argparse.Namespace) -> int:
    from .io.speakers import render_speakers_csv, render_speakers_jsonl, speaker_table

    table = speaker_table(args.pred)
    rows = table.rows(min_quotes=args.min_quotes, first_names=args.first_names)
    render = render_speakers_jsonl if args.format == "jsonl" else render_speakers_csv
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            _write(render(rows), out)
    else:
        _write(render(rows), sys.stdout)
    s = table.summary()
    print(
        f"quoteattr: {s.documents:,} documents ({s.failed_documents:,} failed), "
        f"{s.quotes:,} quotes: {s.entity_quotes:,} by {s.entities:,} entities "
        f"({len(rows):,} written), {s.unknown_quotes:,} by unresolved pronouns, "
        f"{s.unnamed_quotes:,} by unnamed sources, {s.no_speaker_quotes:,} without a "
        f"speaker, {s.heading_quotes:,} by datelines and headings",
        file=sys.stderr,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit status (1 when any document failed)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "speakers":
            return _speakers(args)
        return _evaluate(args)
    except QuoteattrError as err:
        print(f"quoteattr: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"quoteattr: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
