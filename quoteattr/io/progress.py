"""A progress line for long runs: documents done, failures and rate, redrawn in place.

It writes to a stream (standard error in the command line) with carriage returns, at most
a few times a second, and only where someone is watching: by default when the stream is a
terminal and the run has more than one document.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import IO

__all__ = ["Progress"]


class Progress:
    """Counts documents and redraws one status line.

    Args:
        stream: where the line goes (a terminal, usually standard error).
        enabled: True to draw whatever the stream is, False never to draw; None (the
            default) draws on a terminal once a second document is done.
        skipped: documents left out before the run (``--resume``), shown in the line.
        interval: the least time between two redraws, in seconds.
        clock: a monotonic clock in seconds (tests pass their own).
    """

    def __init__(
        self,
        stream: IO[str],
        *,
        enabled: bool | None = None,
        skipped: int = 0,
        interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream
        self.enabled = enabled
        self.skipped = skipped
        self.interval = interval
        self.clock = clock
        self.done = 0
        self.failed = 0
        self.started = clock()
        self._drawn_at: float | None = None
        self._width = 0

    def _active(self) -> bool:
        if self.enabled is not None:
            return self.enabled
        return self.done > 1 and self.stream.isatty()

    def update(self, *, failed: bool = False) -> None:
        """Counts one more document, and redraws the line when it is time."""
        self.done += 1
        self.failed += failed
        now = self.clock()
        if self._drawn_at is None or now - self._drawn_at >= self.interval:
            self._draw(now)

    def message(self, line: str) -> None:
        """Writes a line of its own (an error, say) without mixing it into the status line."""
        self._clear()
        self.stream.write(line + "\n")
        self._drawn_at = None  # redraw at the next update
        self.stream.flush()

    def close(self) -> None:
        """Draws the final counts and ends the line."""
        if self._width:
            self._draw(self.clock())
            self.stream.write("\n")
            self.stream.flush()
            self._width = 0

    def line(self, now: float) -> str:
        """The status text: ``1,234 docs, 2 failed, 5.1 docs/s, 0:04:02``.

        Args:
            now: the clock's time.
        """
        elapsed = now - self.started
        seconds = int(elapsed)
        clock = f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        docs = "doc" if self.done == 1 else "docs"
        text = f"{self.done:,} {docs}, {self.failed:,} failed"
        if elapsed >= 0.1:  # a rate over less is noise
            text += f", {self.done / elapsed:,.1f} docs/s"
        if self.skipped:
            text += f", {self.skipped:,} skipped (done before)"
        return f"{text}, {clock}"

    def _draw(self, now: float) -> None:
        if not self._active():
            return
        text = self.line(now)
        self.stream.write("\r" + text.ljust(self._width))
        self.stream.flush()
        self._width = len(text)
        self._drawn_at = now

    def _clear(self) -> None:
        if self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self._width = 0
