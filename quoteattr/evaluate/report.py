"""The scores as the table ``quoteattr evaluate`` prints."""

from __future__ import annotations

from collections.abc import Sequence

from .scores import Scores

__all__ = ["format_table"]


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _row(cells: Sequence[str], widths: Sequence[int]) -> str:
    """The first cell left-aligned, the others right-aligned, each in its width."""
    first, *rest = cells
    right = "".join(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))
    return (first.ljust(widths[0]) + right).rstrip()


# The level table: a label column, then three groups of three figures.
_GROUPS = ("content", "attribution", "accuracy")
_LABEL_WIDTH = 8
_FIGURE_WIDTH = 8
_GAP = "   "


def _level_row(label: str, groups: Sequence[Sequence[str]]) -> str:
    cells = ("".join(c.rjust(_FIGURE_WIDTH) for c in group) for group in groups)
    return (label.ljust(_LABEL_WIDTH) + _GAP.join(cells)).rstrip()


def format_table(scores: Scores) -> str:
    """Renders the scores as plain-text tables, percentages with one decimal.

    Args:
        scores: what :func:`score` returned.

    Returns:
        A header line, then three tables separated by blank lines: content and attribution
        P/R/F1 with speaker, name and cue accuracy per level (and exact content match); recall
        and speaker accuracy by gold kind at cov30; attribution precision at cov30 by
        confidence, and the calibration error. ``-`` marks a figure with nothing to count.
    """
    kinds = ", ".join(sorted(scores.kinds)) if scores.kinds is not None else "all"
    lines = [
        f"docs {scores.docs} (missing {scores.docs_missing})  gold {scores.gold}  "
        f"pred {scores.pred}  kinds {kinds}",
        "",
    ]
    group_width = 3 * _FIGURE_WIDTH
    titles = _GAP.join(f" {t} ".center(group_width - 2, "-").rjust(group_width) for t in _GROUPS)
    lines.append(" " * _LABEL_WIDTH + titles)
    prf_head = ("P", "R", "F1")
    lines.append(_level_row("level", (prf_head, prf_head, ("speaker", "name", "cue"))))
    for lv in scores.levels:
        content = (lv.content.precision, lv.content.recall, lv.content.f1)
        attribution = (lv.attribution.precision, lv.attribution.recall, lv.attribution.f1)
        accuracy = (lv.speaker.value, lv.name.value, lv.cue.value)
        groups = [[_pct(v) for v in group] for group in (content, attribution, accuracy)]
        lines.append(_level_row(lv.level, groups))
    exact = (scores.exact.precision, scores.exact.recall, scores.exact.f1)
    lines.append(_level_row("exact", [[_pct(v) for v in exact]]))

    lines += ["", "by gold kind, at cov30"]
    kind_widths = (_LABEL_WIDTH + 2, 8, 8, 9)
    lines.append(_row(["kind", "gold", "recall", "speaker"], kind_widths))
    for k in scores.by_kind:
        cells = [k.kind, str(k.recall.total), _pct(k.recall.value), _pct(k.speaker.value)]
        lines.append(_row(cells, kind_widths))

    lines += ["", "reliability: attribution precision at cov30 by confidence"]
    bin_widths = (_LABEL_WIDTH + 4, 6, 11)
    lines.append(_row(["confidence", "pred", "precision"], bin_widths))
    for b in scores.reliability:
        cells = [b.label, str(b.precision.total), _pct(b.precision.value)]
        lines.append(_row(cells, bin_widths))
    if scores.calibration_error is not None:
        lines.append(
            f"calibration error (mean |confidence - precision| over 10 bins): "
            f"{scores.calibration_error:.3f}"
        )
    return "\n".join(lines)
