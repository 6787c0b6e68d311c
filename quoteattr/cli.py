"""The command line: arguments, and nothing else.

quoteattr extract [INPUT ...] [--format table|jsonl|json|csv|html] [--output PATH] [--model NAME]
                  [--title TITLE] [--memory-budget SIZE] [--profile claims|quotes]
                  [--kinds K,...] [--categories C,...] [--speaker-kinds S,...]
                  [--min-confidence X] [--first-names] ...
quoteattr evaluate GOLD.jsonl PRED.jsonl [--kinds direct,mixed] [--json]
quoteattr speakers PRED.jsonl [...] [--format csv|jsonl] [--output PATH] [--min-quotes N]
                   [--first-names]

What ``extract`` does, and the exit statuses (0 all good, 1 some documents failed, 2 a usage
or fatal error, 130 interrupted), are :mod:`quoteattr.io.job`'s.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from .errors import Errors, QuoteattrError
from .evaluate import format_table, score
from .io.formats import FORMATS
from .io.html import DEFAULT_TITLE
from .io.job import (
    ExtractJob,
    guarded,
    parse_size,
    resume_hint,
    run_extract,
    sigterm_interrupts,
)
from .io.speakers import render_speakers_csv, render_speakers_jsonl, speaker_table
from .model import Profile
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


def _size(value: str) -> int:
    """An argparse type: a memory size (2G, 1500M, bytes)."""
    try:
        return parse_size(value)
    except QuoteattrError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


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
        "--batch-size", type=_positive_int, default=32, help="the most documents in one batch"
    )
    ex.add_argument(
        "--n-process",
        type=_positive_int,
        default=1,
        help="processes that parse (above 1: worker processes, each loading the model)",
    )
    ex.add_argument(
        "--memory-budget",
        type=_size,
        default=None,
        metavar="SIZE",
        help="memory the parsing may use, all processes together (2G, 1500M; default: 2 GiB "
        "a process); long texts are parsed in chunks that fit",
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
        help="continue the --output JSONL file of an interrupted run: skip the inputs whose "
        "results it holds (checked by position and id) and append the rest",
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


def _job(args: argparse.Namespace) -> ExtractJob:
    return ExtractJob(
        inputs=args.inputs,
        format=args.format,
        output=args.output,
        model=args.model,
        title=args.title,
        batch_size=args.batch_size,
        n_process=args.n_process,
        memory_budget=args.memory_budget,
        progress=args.progress,
        resume=args.resume,
        warnings=args.warnings,
        profile=args.profile,
        kinds=args.kinds,
        categories=args.categories,
        speaker_kinds=args.speaker_kinds,
        min_confidence=args.min_confidence,
        first_names=args.first_names,
    )


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
    table = speaker_table(args.pred)
    rows = table.rows(min_quotes=args.min_quotes, first_names=args.first_names)
    render = render_speakers_jsonl if args.format == "jsonl" else render_speakers_csv
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            out.writelines(render(rows))
    else:
        sys.stdout.writelines(render(rows))
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
    """Runs the command line; returns the exit status (see :mod:`quoteattr.io.job`)."""
    args = _parser().parse_args(argv)
    with sigterm_interrupts():
        if args.command == "extract":
            job = _job(args)
            return guarded(
                lambda: run_extract(job, stdout=sys.stdout, stderr=sys.stderr),
                sys.stderr,
                resume_hint=resume_hint(job),
            )
        if args.command == "speakers":
            return guarded(lambda: _speakers(args), sys.stderr)
        return guarded(lambda: _evaluate(args), sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
