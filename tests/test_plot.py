"""Charts of who gets quoted (quoteattr.plot): what each draws, from the tables quoteattr makes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import quoteattr
from quoteattr import Cue, CueCategory, Gender, Quote, QuoteKind, Speaker, SpeakerKind, plot
from quoteattr.corpus import SpeakerTable
from quoteattr.errors import QuoteattrError


def q(
    name: str | None,
    kind: SpeakerKind = SpeakerKind.PERSON,
    gender: Gender = Gender.UNKNOWN,
    category: CueCategory = CueCategory.SPEECH,
) -> Quote:
    """A quote of ``name`` (None: no speaker) with a cue of ``category``."""
    evidence = "title" if gender != Gender.UNKNOWN else None
    speaker = Speaker(name, kind, gender=gender, gender_evidence=evidence) if name else None
    return Quote(
        kind=QuoteKind.DIRECT,
        text="“x”",
        start=0,
        end=3,
        parts=((0, 3),),
        cue=Cue("said", 4, 8, "say", category),
        speaker=speaker,
    )


DOCS = [
    [q("Ann Lee", gender=Gender.FEMALE)] * 3 + [q("Bo Chan", gender=Gender.MALE)],
    [
        q("NATO", SpeakerKind.ORGANIZATION),
        q("officials", SpeakerKind.UNNAMED, category=CueCategory.BELIEF),
    ],
    [q("Cy Doe"), q(None, category=CueCategory.REPORT)],
]


def table() -> SpeakerTable:
    """The speakers table of DOCS."""
    t = SpeakerTable()
    for quotes in DOCS:
        t.add(quotes)
    return t


def bars(ax: Axes) -> list[tuple[str, float]]:
    """The labels and lengths of the horizontal bars drawn first, bottom to top."""
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.containers[0]]
    return list(zip(labels, widths, strict=True))


def test_top_speakers_draws_the_most_quoted_first() -> None:
    """One bar per entity, the most quoted at the top, coloured by gender; a new Figure's
    Axes when none is given."""
    ax = plot.top_speakers(table(), n=3)
    assert isinstance(ax.figure, Figure)
    assert bars(ax) == [("Cy Doe", 1), ("Bo Chan", 1), ("Ann Lee", 3)]
    colours = [p.get_facecolor() for p in ax.containers[0]]
    assert colours[1] != colours[2] != colours[0]  # unknown, male, female
    assert ax.get_title() == "The 3 most quoted speakers"


def test_top_speakers_takes_a_frame_or_rows_and_people_only() -> None:
    """The DataFrame, the rows and the table give the same bars; kinds=("person",) leaves the
    organisation out."""
    t = table()
    got = [bars(plot.top_speakers(x)) for x in (t, t.rows(), t.to_dataframe())]
    assert got[0] == got[1] == got[2]
    people = [label for label, _ in bars(plot.top_speakers(t, kinds=("person",)))]
    assert "NATO" in dict(got[0]) and "NATO" not in people


def test_gender_share_by_quotes_and_by_people() -> None:
    """Ann Lee's 3 quotes, Bo Chan's 1 and Cy Doe's 1 are 60/20/20 by quotes, a third each
    by people; the organisation does not count."""
    by_quotes = plot.gender_share(table())
    by_people = plot.gender_share(table(), by="people")
    assert [round(p.get_width(), 2) for p in by_quotes.patches] == [0.6, 0.2, 0.2]
    assert [round(p.get_width(), 2) for p in by_people.patches] == [0.33, 0.33, 0.33]
    assert by_quotes.get_title().endswith(": 5 quotes")


def test_speaker_kinds_counts_every_quote_but_failed_documents() -> None:
    """Shares of the quotes table by speaker kind, a quote without a speaker counted apart and
    a failed document's row left out."""
    frame = quoteattr.to_dataframe([*enumerate(DOCS), ("bad", "[E007] bad: gone.")])
    ax = plot.speaker_kinds(frame)
    legend = ax.get_legend()
    assert legend is not None
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == ["person", "organization", "unnamed", "no speaker"]
    assert [round(p.get_width() * 8) for p in ax.patches] == [5, 1, 1, 1]


def test_cue_categories_split_by_a_column() -> None:
    """Quotes by cue category, stacked by speaker kind when asked."""
    frame = quoteattr.to_dataframe(list(enumerate(DOCS)))
    plain = plot.cue_categories(frame)
    assert [p.get_height() for p in plain.patches] == [6, 0, 1, 1]
    split = plot.cue_categories(frame, by="speaker_kind")
    legend = split.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "person",
        "organization",
        "unnamed",
        "no speaker",
    ]


def test_drawing_on_given_axes_and_saving(tmp_path: Path) -> None:
    """A chart drawn on Axes of one's own figure is saved with it as a PNG."""
    fig = Figure()
    left, right = fig.subplots(1, 2)
    assert plot.gender_share(table(), ax=left) is left
    plot.top_speakers(table(), ax=right)
    fig.savefig(tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"


def test_a_table_without_the_columns_is_e022() -> None:
    """A quotes table given where a speakers table is needed is [E022], naming the columns."""
    with pytest.raises(QuoteattrError, match=r"\[E022\] plot\.top_speakers\(\) needs .*name"):
        plot.top_speakers(quoteattr.to_dataframe(DOCS[0]))
    with pytest.raises(QuoteattrError, match=r"\[E022\].*by='docs'"):
        plot.gender_share(table(), by="docs")


def test_without_matplotlib_is_e023(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without matplotlib a chart is an ImportError [E023] that says what to install."""
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r"\[E023\].*quoteattr\[plot\]"):
        plot.top_speakers(table())


def test_import_quoteattr_does_not_import_matplotlib() -> None:
    """matplotlib is loaded by a chart, not by import quoteattr or quoteattr.plot."""
    import subprocess

    code = "import quoteattr, quoteattr.plot, sys; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
