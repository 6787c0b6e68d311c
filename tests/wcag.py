"""WCAG 2.1 contrast, for the tests of the HTML page's colours.

Colours are ``(r, g, b)`` or ``(r, g, b, alpha)`` tuples with channels in 0-255, alpha in 0-1:
what a browser's computed ``rgb()``/``rgba()`` values and the page's ``#rrggbb`` give.
"""

from __future__ import annotations

import re

Colour = tuple[float, ...]


def parse(css: str) -> Colour:
    """``#rrggbb``, ``rgb(r, g, b)`` or ``rgba(r, g, b, a)`` as ``(r, g, b, alpha)``."""
    if css.startswith("#"):
        return (*(float(int(css[i : i + 2], 16)) for i in (1, 3, 5)), 1.0)
    numbers = [float(x) for x in re.findall(r"[\d.]+", css)]
    return (numbers[0], numbers[1], numbers[2], numbers[3] if len(numbers) > 3 else 1.0)


def over(top: Colour, below: Colour) -> Colour:
    """``top`` (with its alpha) composited over the opaque colour ``below``."""
    alpha = top[3] if len(top) > 3 else 1.0
    return tuple(top[i] * alpha + below[i] * (1 - alpha) for i in range(3))


def luminance(colour: Colour) -> float:
    """Relative luminance of an opaque sRGB colour."""
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (x / 255 for x in colour[:3])
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: Colour, b: Colour) -> float:
    """Contrast ratio of two opaque colours, from 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
