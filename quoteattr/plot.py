"""Charts of who gets quoted: the most quoted speakers, shares by gender and by speaker kind,
quotes by cue category.

matplotlib is an optional extra (``pip install "quoteattr[plot]"``). Each function takes the
tables quoteattr makes (the speakers table, :meth:`quoteattr.SpeakerTable.to_dataframe`, and
the quotes table, :func:`quoteattr.to_dataframe`), draws on the Axes given or on a new
Figure's, and returns the Axes; nothing is shown (no ``pyplot``, no window): save it with
``ax.figure.savefig("chart.png")`` or let a notebook display ``ax.figure``.

    table = quoteattr.SpeakerTable()
    for doc_id, quotes in quoteattr.extract_many(records):
        table.add(quotes)
    ax = quoteattr.plot.top_speakers(table, n=10)
    ax.figure.savefig("top.png", dpi=150)
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .corpus import SpeakerTable
from .errors import Errors, QuoteattrError
from .io.dataframe import speakers_dataframe
from .model import CueCategory, Gender, SpeakerKind

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["COLORS", "cue_categories", "gender_share", "speaker_kinds", "top_speakers"]

#: Colours by value (the Okabe-Ito palette, which colour-blind readers tell apart), and
#: neither of the colours that stand for a gender by custom.
COLORS: dict[str, str] = {
    Gender.FEMALE.value: "#E69F00",
    Gender.MALE.value: "#0072B2",
    Gender.UNKNOWN.value: "#BBBBBB",
    SpeakerKind.PERSON.value: "#0072B2",
    SpeakerKind.ORGANIZATION.value: "#009E73",
    SpeakerKind.UNNAMED.value: "#E69F00",
    SpeakerKind.UNKNOWN.value: "#BBBBBB",
    "no speaker": "#666666",
    "none": "#666666",
    CueCategory.SPEECH.value: "#0072B2",
    CueCategory.WRITING.value: "#56B4E9",
    CueCategory.REPORT.value: "#009E73",
    CueCategory.BELIEF.value: "#CC79A7",
}


def _matplotlib() -> ModuleType:
    try:
        import matplotlib.figure
    except ImportError as err:
        raise ImportError(Errors.E023.format(reason=err)) from err
    return matplotlib.figure


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    """``ax``, or the Axes of a new Figure (not a pyplot one: nothing opens a window)."""
    figure = _matplotlib()
    if ax is not None:
        return ax
    fig = figure.Figure(figsize=size, layout="constrained")
    axes: Axes = fig.subplots()
    return axes


def _plot_frame(table: Any, function: str, columns: Sequence[str], what: str) -> pd.DataFrame:
    """A speakers or quotes table as a DataFrame that has ``columns``."""
    if isinstance(table, SpeakerTable | list):  # a table or its rows
        table = speakers_dataframe(table)
    missing = [c for c in columns if c not in getattr(table, "columns", ())]
    if missing:
        reason = f"got a {type(table).__name__} without the column(s) {', '.join(missing)}"
        raise QuoteattrError(Errors.E022.format(function=function, what=what, reason=reason))
    frame: pd.DataFrame = table
    return frame


_SPEAKERS = "a speakers table (SpeakerTable, its rows or SpeakerTable.to_dataframe())"
_QUOTES = "a quotes table (quoteattr.to_dataframe())"


def top_speakers(
    speakers: Any,
    n: int = 15,
    *,
    kinds: Sequence[str] = (SpeakerKind.PERSON.value, SpeakerKind.ORGANIZATION.value),
    ax: Axes | None = None,
) -> Axes:
    """The most quoted speakers, one bar each, coloured by gender (organisations grey).

    Args:
        speakers: a :class:`~quoteattr.SpeakerTable`, its rows, or its DataFrame.
        n: how many speakers.
        kinds: the speaker kinds shown (default people and organisations; ``("person",)``
            for people only).
        ax: the Axes to draw on (default: a new Figure's).

    Returns:
        the Axes.

    Raises:
        ImportError: [E023] when matplotlib is not installed.
        QuoteattrError: [E022] for a table without the speakers table's columns.
    """
    frame = _plot_frame(speakers, "top_speakers", ("name", "kind", "quotes", "gender"), _SPEAKERS)
    frame = frame[frame["kind"].astype("string").isin(list(kinds))]
    top = frame.sort_values("quotes", ascending=False, kind="stable").head(n).iloc[::-1]
    ax = _axes(ax, (7.0, 0.32 * max(len(top), 3) + 1.2))
    genders = top["gender"].astype("string").fillna(Gender.UNKNOWN.value)
    ax.barh(top["name"].astype(str), top["quotes"].astype(int), color=[COLORS[g] for g in genders])
    from matplotlib.patches import Patch

    handles = [
        Patch(
            color=COLORS[g.value],
            label="unknown, or an organisation" if g == Gender.UNKNOWN else g.value,
        )
        for g in Gender
    ]
    ax.legend(handles=handles, title="gender", loc="lower right", frameon=False)
    ax.set_xlabel("quotes")
    ax.set_title(f"The {len(top)} most quoted speakers")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def gender_share(
    speakers: Any,
    *,
    by: str = "quotes",
    ax: Axes | None = None,
) -> Axes:
    """The share of women, men and people of unknown gender among the people quoted.

    Args:
        speakers: a :class:`~quoteattr.SpeakerTable`, its rows, or its DataFrame (people
            only are counted; organisations have no gender).
        by: ``"quotes"`` (each person weighs their quotes) or ``"people"`` (one each).
        ax: the Axes to draw on (default: a new Figure's).

    Returns:
        the Axes: one horizontal bar split by gender, each share written on it.

    Raises:
        ImportError: [E023] when matplotlib is not installed.
        QuoteattrError: [E022] for a table without the speakers table's columns, or an
            unknown ``by``.
    """
    frame = _plot_frame(speakers, "gender_share", ("kind", "quotes", "gender"), _SPEAKERS)
    if by not in ("quotes", "people"):
        reason = f"by={by!r} is neither 'quotes' nor 'people'"
        raise QuoteattrError(Errors.E022.format(function="gender_share", what="by", reason=reason))
    people = frame[frame["kind"].astype("string") == SpeakerKind.PERSON.value]
    genders = people["gender"].astype("string").fillna(Gender.UNKNOWN.value)
    weights = people["quotes"].astype(int) if by == "quotes" else genders.map(lambda _g: 1)
    totals = {g.value: int(weights[genders == g.value].sum()) for g in Gender}
    return _shares_bar(
        totals,
        ax,
        title=f"Who is quoted, by gender ({'quotes' if by == 'quotes' else 'people'})",
        unit="quotes" if by == "quotes" else "people",
    )


def speaker_kinds(quotes: Any, *, ax: Axes | None = None) -> Axes:
    """The share of quotes by speaker kind: people, organisations, unnamed sources ("a
    spokesman"), unresolved pronouns, and quotes without a speaker.

    Args:
        quotes: a quotes table (:func:`quoteattr.to_dataframe`); rows of failed documents
            are left out.
        ax: the Axes to draw on (default: a new Figure's).

    Returns:
        the Axes: one horizontal bar split by speaker kind.

    Raises:
        ImportError: [E023] when matplotlib is not installed.
        QuoteattrError: [E022] for a table without the quotes table's columns.
    """
    frame = _plot_frame(quotes, "speaker_kinds", ("speaker_kind", "error"), _QUOTES)
    frame = frame[frame["error"].isna()]
    kinds = frame["speaker_kind"].astype("string").fillna("no speaker")
    totals = {k: int((kinds == k).sum()) for k in [*(s.value for s in SpeakerKind), "no speaker"]}
    return _shares_bar(totals, ax, title="Who is quoted, by kind of source", unit="quotes")


def cue_categories(quotes: Any, *, by: str | None = None, ax: Axes | None = None) -> Axes:
    """Quotes by cue category (speech, writing, report, belief), one bar each, split by a
    column when asked ("speaker_kind", "speaker_gender", "kind").

    Args:
        quotes: a quotes table (:func:`quoteattr.to_dataframe`); rows of failed documents
            and quotes without a cue are left out.
        by: a column of the table whose values split each bar (default: none).
        ax: the Axes to draw on (default: a new Figure's).

    Returns:
        the Axes.

    Raises:
        ImportError: [E023] when matplotlib is not installed.
        QuoteattrError: [E022] for a table without the columns.
    """
    columns = ("cue_category", "error", *((by,) if by else ()))
    frame = _plot_frame(quotes, "cue_categories", columns, _QUOTES)
    frame = frame[frame["error"].isna() & frame["cue_category"].notna()]
    categories = [c.value for c in CueCategory]
    ax = _axes(ax, (7.0, 3.6))
    cats = frame["cue_category"].astype("string")
    if by is None:
        counts = [int((cats == c).sum()) for c in categories]
        ax.bar(categories, counts, color=[COLORS[c] for c in categories])
    else:
        values = (
            frame[by].astype("string").fillna("no speaker" if by.startswith("speaker") else "none")
        )
        order = [v for v in _order(by) if (values == v).any()]
        order += sorted(set(values) - set(order))
        bottom = [0] * len(categories)
        for value in order:
            counts = [int(((cats == c) & (values == value)).sum()) for c in categories]
            ax.bar(categories, counts, bottom=bottom, label=value, color=COLORS.get(value))
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        ax.legend(title=by.replace("_", " "), frameon=False)
    ax.set_ylabel("quotes")
    ax.set_title("Quotes by cue category")
    ax.spines[["top", "right"]].set_visible(False)
    return ax


def _order(column: str) -> list[str]:
    if column == "speaker_gender":
        return [g.value for g in Gender]
    if column == "speaker_kind":
        return [k.value for k in SpeakerKind]
    return []


def _shares_bar(totals: dict[str, int], ax: Axes | None, *, title: str, unit: str) -> Axes:
    """One horizontal bar split into the shares of ``totals``, each labelled."""
    ax = _axes(ax, (7.0, 2.2))
    total = sum(totals.values())
    left = 0.0
    for label, count in totals.items():
        share = count / total if total else 0.0
        if not share:
            continue
        ax.barh([0], [share], left=left, color=COLORS.get(label), label=label, height=0.6)
        if share >= 0.06:
            ax.text(
                left + share / 2,
                0,
                f"{share:.0%}",
                ha="center",
                va="center",
                color="white" if label != Gender.UNKNOWN.value else "black",
            )
        left += share
    ax.set_xlim(0, 1)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:.0%}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=len(totals), frameon=False)
    ax.set_title(f"{title}: {total:,} {unit}")
    ax.spines[["top", "right", "left"]].set_visible(False)
    return ax
