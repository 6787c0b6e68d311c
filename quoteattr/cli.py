"""The command line: arguments, and nothing else.

quoteattr extract [INPUT ...] [--format table|jsonl|json|csv|html] [--output PATH] [--model NAME]
                  [--title TITLE] [--memory-budget SIZE] ...
quoteattr evaluate GOLD.jsonl PRED.jsonl [--kinds direct,mixed] [--json]

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
    ev = sub.add_parser("evaluate", help="score predictions against a gold JSONL file")
    ev.add_argument("gold", help="gold JSONL (id, text, quotes)")
    ev.add_argument("pred", help="predictions JSONL as written by `extract --format jsonl`")
    ev.add_argument("--kinds", help="only these gold kinds, comma-separated (direct,mixed,...)")
    ev.add_argument("--json", action="store_true", help="print the summary as JSON")
    return ap


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
        return guarded(lambda: _evaluate(args), sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
