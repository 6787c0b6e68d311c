"""The command line (typer, as spaCy's): arguments, and nothing else.

    quoteattr extract [INPUT ...] [-o PATH] [--format table|jsonl|json|csv|html] ...
    quoteattr evaluate GOLD.jsonl PRED.jsonl [--kinds direct,mixed] [--match-names] [--json]
    quoteattr speakers PRED.jsonl [...] [-o PATH] [--format csv|jsonl] [--min-quotes N]
    quoteattr --version

``quoteattr --help`` and ``quoteattr COMMAND --help`` list every option with its default;
``python -m quoteattr`` is the same program. What ``extract`` does, and the exit statuses (0
all good, 1 some documents failed, 2 a usage or fatal error, 130 interrupted), are
:mod:`quoteattr.io.job`'s; ``evaluate`` is :mod:`quoteattr.io.evaluation`'s.
"""

from __future__ import annotations

import contextlib
import enum
import platform
import sys
from collections.abc import Sequence
from importlib.metadata import version as installed
from typing import Annotated

import typer

from . import __version__
from .errors import QuoteattrError
from .heap import keep_freed_memory
from .io.evaluation import run_evaluate
from .io.formats import DEFAULT_TITLE, output_format
from .io.job import (
    ExtractJob,
    guarded,
    interrupt_note,
    parse_size,
    resume_hint,
    run_extract,
    sigterm_interrupts,
)
from .io.speakers import render_speakers_csv, render_speakers_jsonl, speaker_table
from .model import Profile
from .threads import prefer_one_thread
from .verify import DEFAULT_MODEL

__all__ = ["app", "main"]


class Format(enum.StrEnum):
    """The formats ``extract`` writes (:data:`quoteattr.io.formats.FORMATS`)."""

    TABLE = "table"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


class SpeakersFormat(enum.StrEnum):
    """The formats ``speakers`` writes."""

    CSV = "csv"
    JSONL = "jsonl"


app = typer.Typer(
    name="quoteattr",
    help="Who said what in English news: quotes, their speakers and cues.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,  # errors are quoteattr: lines (quoteattr.io.job.guarded)
    context_settings={"help_option_names": ["-h", "--help"]},
)

_IN, _OUT, _RUN, _FILTER = "Input", "Output", "Processing", "Filters (applied to each document)"


def _version(value: bool) -> None:
    if value:
        python = platform.python_version()
        typer.echo(f"quoteattr {__version__} (spaCy {installed('spacy')}, Python {python})")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Who said what in English news: quotes, their speakers and cues.

    Exit status: 0 all good, 1 some documents failed (their error records are in the
    output), 2 a usage or fatal error, 130 interrupted (Ctrl-C, SIGTERM).
    """


def _listed(value: str | None) -> list[str] | None:
    """Comma-separated values ("direct,mixed"), or None."""
    if value is None:
        return None
    return [v.strip() for v in value.split(",") if v.strip()]


@app.command(no_args_is_help=False)
def extract(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="INPUT",
            help="Text files, .jsonl files of {id, text} records, directories of them "
            "(.txt and .jsonl files, in subdirectories too), .gz/.bz2/.xz compressed, or - "
            "for standard input.",
            show_default="-",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write here instead of standard output; its extension (.jsonl, .json, "
            ".csv, .html) sets the format.",
            rich_help_panel=_OUT,
        ),
    ] = None,
    format: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format; must agree with --output's extension.",
            show_default="from --output's extension, else table",
            rich_help_panel=_OUT,
        ),
    ] = None,
    title: Annotated[
        str,
        typer.Option(
            metavar="TEXT", help="The page's title and heading (html).", rich_help_panel=_OUT
        ),
    ] = DEFAULT_TITLE,
    encoding: Annotated[
        str,
        typer.Option(
            metavar="NAME",
            help="The inputs' text encoding (latin-1, cp1252, ...).",
            rich_help_panel=_IN,
        ),
    ] = "utf-8",
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Continue the --output JSON Lines file of an interrupted run: skip the "
            "inputs whose results it holds (checked by position and id), append the rest.",
            rich_help_panel=_OUT,
        ),
    ] = False,
    model: Annotated[
        str,
        typer.Option(metavar="NAME", help="An installed spaCy pipeline.", rich_help_panel=_RUN),
    ] = DEFAULT_MODEL,
    batch_size: Annotated[
        int,
        typer.Option(
            min=1, metavar="N", help="The most documents in one batch.", rich_help_panel=_RUN
        ),
    ] = 32,
    n_process: Annotated[
        int,
        typer.Option(
            min=1,
            metavar="N",
            help="Processes that parse (above 1: worker processes, each loading the model).",
            rich_help_panel=_RUN,
        ),
    ] = 1,
    memory_budget: Annotated[
        str | None,
        typer.Option(
            metavar="SIZE",
            help="Memory the parsing may use, all processes together (2G, 1500M); long "
            "texts are parsed in chunks that fit.",
            show_default="2G a process",
            rich_help_panel=_RUN,
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar on standard error.",
            show_default="on a terminal",
            rich_help_panel=_RUN,
        ),
    ] = None,
    warnings: Annotated[
        bool,
        typer.Option(
            "--warnings",
            help="Also show the quote-mark warnings (W001, W002) of each document.",
            rich_help_panel=_RUN,
        ),
    ] = False,
    profile: Annotated[
        Profile,
        typer.Option(
            help="What counts as a quote: every attributed claim, or what was said or written.",
            rich_help_panel=_FILTER,
        ),
    ] = Profile.CLAIMS,
    kinds: Annotated[
        str | None,
        typer.Option(
            metavar="K,...",
            help="Keep these quote kinds (direct,mixed,...).",
            rich_help_panel=_FILTER,
        ),
    ] = None,
    categories: Annotated[
        str | None,
        typer.Option(
            metavar="C,...",
            help="Keep these cue categories (speech,writing,...).",
            rich_help_panel=_FILTER,
        ),
    ] = None,
    speaker_kinds: Annotated[
        str | None,
        typer.Option(
            metavar="S,...",
            help="Keep these speaker kinds (person,organization,...).",
            rich_help_panel=_FILTER,
        ),
    ] = None,
    min_confidence: Annotated[
        float | None,
        typer.Option(
            metavar="X", help="Keep quotes this confident or more.", rich_help_panel=_FILTER
        ),
    ] = None,
    first_names: Annotated[
        bool,
        typer.Option(
            "--first-names",
            help="Complete and check speaker genders by first name (needs quoteattr\\[gender]).",
            rich_help_panel=_FILTER,
        ),
    ] = False,
) -> None:
    """Find the quotes of documents, with their speakers and cues."""

    def job() -> ExtractJob:
        return ExtractJob(
            inputs=list(inputs or ["-"]),
            format=format.value if format is not None else None,
            output=output,
            model=model,
            title=title,
            batch_size=batch_size,
            n_process=n_process,
            memory_budget=parse_size(memory_budget) if memory_budget is not None else None,
            progress=progress,
            resume=resume,
            warnings=warnings,
            profile=profile.value,
            kinds=_listed(kinds),
            categories=_listed(categories),
            speaker_kinds=_listed(speaker_kinds),
            min_confidence=min_confidence,
            first_names=first_names,
            encoding=encoding,
        )

    hint = note = None
    with contextlib.suppress(QuoteattrError):  # [E033], said by the run below
        hint, note = resume_hint(job()), interrupt_note(job())
    status = guarded(
        lambda: run_extract(job(), stdout=sys.stdout, stderr=sys.stderr),
        sys.stderr,
        resume_hint=hint,
        interrupted=note,
    )
    raise typer.Exit(status)


@app.command(no_args_is_help=True)
def evaluate(
    gold: Annotated[
        str, typer.Argument(metavar="GOLD.jsonl", help="Gold JSONL (id, text, quotes).")
    ],
    pred: Annotated[
        str,
        typer.Argument(
            metavar="PRED.jsonl", help="Predictions JSONL as `extract --format jsonl` writes it."
        ),
    ],
    kinds: Annotated[
        str | None,
        typer.Option(
            metavar="K,...",
            help="Score only these quote kinds (direct,indirect,mixed).",
            show_default="every kind",
        ),
    ] = None,
    match_names: Annotated[
        bool,
        typer.Option(
            "--match-names",
            help="Pair documents by file name (a/b/AP-1.txt and AP-1 are AP-1), not by id "
            "(the path as typed).",
        ),
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Score predictions against gold quotes (the PolNeAR scoring rules)."""
    status = guarded(
        lambda: run_evaluate(
            gold,
            pred,
            kinds=_listed(kinds),
            match_names=match_names,
            as_json=json,
            stdout=sys.stdout,
            stderr=sys.stderr,
        ),
        sys.stderr,
    )
    raise typer.Exit(status)


@app.command(no_args_is_help=True)
def speakers(
    pred: Annotated[
        list[str],
        typer.Argument(
            metavar="PRED.jsonl...", help="JSONL files written by `extract --format jsonl`."
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write here instead of standard output; its extension (.csv, .jsonl) sets "
            "the format.",
        ),
    ] = None,
    format: Annotated[
        SpeakersFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format; must agree with --output's extension.",
            show_default="from --output's extension, else csv",
        ),
    ] = None,
    min_quotes: Annotated[
        int, typer.Option(min=1, metavar="N", help="Leave out entities quoted less often.")
    ] = 1,
    first_names: Annotated[
        bool,
        typer.Option(
            "--first-names",
            help="Complete and check the entities' genders by first name (needs "
            "quoteattr\\[gender]).",
        ),
    ] = False,
) -> None:
    """One table of the people and organisations quoted, names merged, over extract's output."""

    def run() -> int:
        chosen = format.value if format is not None else None
        fmt = output_format(chosen, output, choices=tuple(SpeakersFormat), default="csv")
        table = speaker_table(pred)
        rows = table.rows(min_quotes=min_quotes, first_names=first_names)
        render = render_speakers_jsonl if fmt == "jsonl" else render_speakers_csv
        if output:
            with open(output, "w", encoding="utf-8", newline="") as out:
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

    raise typer.Exit(guarded(run, sys.stderr))


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command line; returns the exit status (see :mod:`quoteattr.io.job`).

    Args:
        argv: the arguments (default: ``sys.argv[1:]``).

    Returns:
        0, 1, 2 (a usage error too, with typer's message on standard error) or 130.
    """
    # Before spaCy imports numpy: one OpenBLAS thread parses 13% faster (quoteattr.threads).
    prefer_one_thread()
    keep_freed_memory()  # and 5% faster again without page faults (quoteattr.heap)
    command = typer.main.get_command(app)
    with sigterm_interrupts():
        try:
            command.main(
                args=list(argv) if argv is not None else None,
                prog_name="quoteattr",
                standalone_mode=True,
            )
        except SystemExit as done:
            code = done.code
            return code if isinstance(code, int) else (0 if code is None else 2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
