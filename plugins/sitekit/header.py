"""A post's header as Python-Markdown's `meta` extension reads it, with line numbers.

Shared by the build's reader (sitekit.reading), which refuses a header that a stray
line cuts short, and by its rules (sitekit.rules), which read every field.
"""

from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.meta import BEGIN_RE, END_RE, META_MORE_RE, META_RE

# The header fields Pelican itself reads; each plugin declares those it reads next to
# its handlers (`FIELDS` in its package), collected by `declare` as it registers.
PELICAN_FIELDS = {
    "title",
    "date",
    "modified",
    "category",
    "tags",
    "summary",
    "slug",
    "status",
    "lang",
    "translation",
    "template",
    "url",
    "save_as",
    "author",
    "authors",
}
_declared: set[str] = set()


def declare(plugins) -> None:
    """Collect the FIELDS each of Pelican's loaded plugins declares (at initialized)."""
    _declared.clear()
    for plugin in plugins:
        _declared.update(getattr(plugin, "FIELDS", ()))


def known_fields() -> set[str]:
    """The header fields the site reads: Pelican's and the plugins' (a near miss of
    one of these is a typo; any other field is not used)."""
    return PELICAN_FIELDS | _declared


@dataclass
class Field:
    """One metadata field as written: its name, line and value lines."""

    name: str
    line: int
    values: list[str] = field(default_factory=list)

    @property
    def value(self) -> str:
        return "\n".join(self.values).strip()


@dataclass
class Source:
    """A Markdown post split like Python-Markdown's `meta` extension splits it."""

    path: Path
    lines: list[str]
    fields: list[Field]
    body_start: int  # 1-based number of the first line after the header
    interrupted: int | None = None  # a line that ended the header without a blank line

    def first(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.name.lower() == key), None)

    def line_of(self, needle: str, start: int, exact: bool = False) -> int | None:
        """The first line from `start` on holding `needle` (any case), else from the
        start of the body; else `start`, or None when `exact`."""
        if needle:
            for first in (start, self.body_start):
                for number in range(first, len(self.lines) + 1):
                    if needle.lower() in self.lines[number - 1].lower():
                        return number
        return None if exact else start

    @property
    def body(self) -> str:
        return "\n".join(self.lines[self.body_start - 1 :])


def split_header(text: str, path: Path) -> Source:
    """Split `text` into metadata fields and body with the `meta` extension's rules."""
    lines = text.split("\n")
    fields: list[Field] = []
    index = 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    current: Field | None = None
    interrupted = None
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            index += 1
            break
        match = META_RE.match(line)
        if match:
            current = Field(match.group("key").strip(), index + 1)
            current.values.append(match.group("value").strip())
            fields.append(current)
        else:
            more = META_MORE_RE.match(line)
            if not (more and current):
                interrupted = index + 1 if fields else None
                break
            current.values.append(more.group("value").strip())
        index += 1
    return Source(path, lines, fields, index + 1, interrupted)


class HeaderError(ValueError):
    """A line that is no field ends the header early: the fields below it are lost
    (they become text on the page). `line` is that line, `field` the first lost one."""

    def __init__(self, line: int, name: str):
        super().__init__(f"regel {line} is geen veld: {name} en wat volgt tellen niet")
        self.line, self.field = line, name


def lost_field(source: Source) -> tuple[int, str] | None:
    """(the interrupting line, the first known field below it), when a line that is
    no field cuts the header short before a field the site reads; else None."""
    if source.interrupted is None:
        return None
    for line in source.lines[source.interrupted - 1 :]:
        if not line.strip():
            return None
        match = META_RE.match(line)
        if match and match["key"].lower() in known_fields():
            return source.interrupted, match["key"]
    return None


def read_source(path: Path) -> Source:
    """Read a post as UTF-8 (as Pelican does) and split it; tabs count as four spaces,
    as in Markdown."""
    text = path.read_text(encoding="utf-8").replace("\r\n", "\n").expandtabs(4)
    return split_header(text.removeprefix("\ufeff"), path)
