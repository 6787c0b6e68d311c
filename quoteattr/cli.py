"""The command line: arguments and I/O only.

quoteattr extract [INPUT ...] [--format table|jsonl|json|csv|html] [--output PATH] [--model NAME]
quoteattr evaluate GOLD.jsonl PRED.jsonl [--kinds direct,mixed] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from .errors import Errors, QuoteattrError
from .extract import DEFAULT_MODEL
from .io.formats import FORMATS, Result, render_csv, render_json, render_jsonl, render_table
from .io.html import render_html
from .io.records import Record, read_inputs

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
        "--batch-size", type=_positive_int, default=32, help="documents per nlp.pipe batch"
    )
    ev = sub.add_parser("evaluate", help="score predictions against a gold JSONL file")
    ev.add_argument("gold", help="gold JSONL (id, text, quotes)")
    ev.add_argument("pred", help="predictions JSONL as written by `extract --format jsonl`")
    ev.add_argument("--kinds", help="only these gold kinds, comma-separated (direct,mixed,...)")
    ev.add_argument("--json", action="store_true", help="print the summary as JSON")
    return ap


def _results(records: Iterable[Record], model: str, batch_size: int) -> Iterator[Result]:
    """Runs the pipeline over the readable records; every record gives one result, in order."""
    from . import load

    nlp = load(model)
    batch: list[Record] = []

    def flush() -> Iterator[Result]:
        texts = [r for r in batch if r.error is None]
        try:
            docs = iter(list(nlp.pipe((r.text or "" for r in texts), batch_size=batch_size)))
        except Exception:  # one bad document must not sink its batch: redo one by one
            docs = iter(_one_by_one(nlp, texts))
        for r in batch:
            if r.error is not None:
                yield r.id, r.error
                continue
            doc = next(docs)
            yield r.id, doc if isinstance(doc, str) else doc._.quotes

    for record in records:
        batch.append(record)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()


def _one_by_one(nlp: Any, records: list[Record]) -> Iterator[Any]:
    for r in records:
        try:
            yield nlp(r.text or "")
        except Exception as err:
            yield f"{type(err).__name__}: {err}"


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

    def counted(results: Iterable[Result]) -> Iterator[Result]:
        nonlocal failed
        for doc_id, outcome in results:
            if isinstance(outcome, str):
                failed += 1
                print(f"quoteattr: {doc_id}: {outcome}", file=sys.stderr)
            yield doc_id, outcome

    texts: dict[str, list[str]] = {}
    records = read_inputs(args.inputs)
    if args.format == "html":
        records = _keep_texts(records, texts)
    results = counted(_results(records, args.model, args.batch_size))
    chunks: Iterable[str]
    if args.format == "jsonl":
        chunks = render_jsonl(results)
    elif args.format == "json":
        chunks = [render_json(results)]
    elif args.format == "csv":
        chunks = render_csv(results)
    elif args.format == "html":
        chunks = render_html((i, texts[i].pop(0), outcome) for i, outcome in results)
    else:
        chunks = render_table(results)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            _write(chunks, out)
    else:
        _write(chunks, sys.stdout)
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
    from .evaluate import format_table, score

    kinds = set(args.kinds.split(",")) if args.kinds else None
    scores = score(_read_jsonl(args.gold), _read_jsonl(args.pred), kinds=kinds)
    if args.json:
        print(json.dumps(scores.to_dict(), indent=1))
    else:
        print(format_table(scores))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit status (1 when any document failed)."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        return _evaluate(args)
    except QuoteattrError as err:
        print(f"quoteattr: {err}", file=sys.stderr)
        return 2
    except OSError as err:
        print(f"quoteattr: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
