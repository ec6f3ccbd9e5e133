"""Where in a file a finding is: the one way to find its line.

A finding names the line of the file it is about; when what it knows is a header field
or a piece of text rather than a line, these find it. None when nothing matches or the
file cannot be read: the author's tools point at line 1 then.
"""

from collections.abc import Sequence
from pathlib import Path

from .header import read_source


def line_in(lines: Sequence[str], *needles: str) -> int | None:
    """The number (from 1) of the first of `lines` holding a needle, the needles tried
    in the order given."""
    for needle in needles:
        if needle:
            for number, text in enumerate(lines, 1):
                if needle in text:
                    return number
    return None


def line_with(path: str | Path, *needles: str) -> int | None:
    """The first line of the file `path` holding a needle (see line_in)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return line_in(text.splitlines(), *needles)


def field_line(path: str | Path, key: str) -> int | None:
    """The line of a post's header where the field `key` is set (any case)."""
    try:
        field = read_source(Path(path)).first(key.lower())
    except (OSError, UnicodeDecodeError):
        return None
    return field.line if field else None
