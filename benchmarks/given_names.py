"""Writes ``quoteattr/lexicons/given_names.txt``, the gender most given names carry, which
pronoun resolution uses to keep a "she" from a man and a "he" from a woman.

The table is nomquamgender's (the ``gender`` extra, MIT-licensed; its copyright notice is
kept in the file's header), cut to what the core needs, fixed before any development-set
figure was looked at: names its sources counted 1,000 times or more, whose share of women is
within 0.1 of 0 or 1 (the threshold of :data:`quoteattr.gender.DEFAULT_THRESHOLD`, which the
opt-in first-name table uses). The core never reports a gender from this list: it only says
which people a gendered pronoun or courtesy title cannot refer to when the text itself says
nothing of their gender (docs/speakers.md).

    pip install "quoteattr[gender]"
    python benchmarks/given_names.py [-o quoteattr/lexicons/given_names.txt]
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from quoteattr.gender import DEFAULT_THRESHOLD, FirstNames
from quoteattr.model import Gender

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "quoteattr" / "lexicons" / "given_names.txt"
MIN_COUNT = 1000

HEADER = f"""\
# The gender a given name carries, for pronoun agreement only: a name here keeps a "she"
# from a man and a "he" from a woman when the text says nothing of the person's gender. It
# is never reported as anyone's gender. Written by benchmarks/given_names.py from the name
# data of nomquamgender 0.1.4: names counted {MIN_COUNT:,} times or more whose share of women
# is within {DEFAULT_THRESHOLD} of 0 or 1. One entry a line: the name (lower case), a tab,
# "female" or "male".
#
# nomquamgender: Copyright (c) 2022 Ian Van Buskirk. Permission is hereby granted, free of
# charge, to any person obtaining a copy of this software and associated documentation files
# (the "Software"), to deal in the Software without restriction, including without
# limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
# sell copies of the Software, and to permit persons to whom the Software is furnished to do
# so, subject to the following conditions: The above copyright notice and this permission
# notice shall be included in all copies or substantial portions of the Software. THE
# SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING
# BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
# CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE,
# ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
# THE SOFTWARE.
"""


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    table = FirstNames.load(DEFAULT_THRESHOLD, MIN_COUNT)
    rows = []
    for name in sorted(table.shares):
        gender = table.gender(name)
        if gender is not Gender.UNKNOWN and name.isalpha():
            rows.append(f"{name}\t{gender.value}\n")
    args.output.write_text(HEADER + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} names -> {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
