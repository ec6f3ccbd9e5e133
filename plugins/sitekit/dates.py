"""Dates as a Dutch author writes them: day first (`01-02-2025` is 1 februari 2025);
and slugs as a web address needs them.

The build's reader (sitekit.reading), `invoke check` and `invoke import-wix --date` all
read dates with `read_date`, so a date means the same thing everywhere. A year written
first (`2025-02-01`) is read year-month-day; a two-digit year or a month over 12 is
never guessed at: that is an error with an example.
"""

import re

from pelican.utils import SafeDatetime

from .filters import MONTHS_NL

EXAMPLE = "01-02-2025 10:00 voor 1 februari 2025, of 2025-02-01 10:00"
_SEP = r"[-/.]"
_TIME = r"(?:[ T]+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?)?"
_YEAR_FIRST = re.compile(
    rf"(?P<year>\d{{4}}){_SEP}(?P<month>\d{{1,2}}){_SEP}"
    rf"(?P<day>\d{{1,2}}){_TIME}"
)
_DAY_FIRST = re.compile(
    rf"(?P<day>\d{{1,2}}){_SEP}(?P<month>\d{{1,2}}){_SEP}"
    rf"(?P<year>\d{{4}}){_TIME}"
)
_WRITTEN = re.compile(
    rf"(?P<day>\d{{1,2}})\s+(?P<name>[a-z]+)\s+(?P<year>\d{{4}}){_TIME}"
)
# A full ISO timestamp as Wix or another tool writes it, with seconds and a zone.
_ISO_ZONED = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})"
)


# A slug is one segment of a web address: what real blogs use, so that a migrating
# author keeps her addresses (double hyphens and underscores included). The site's
# scripts read it from here (the SLUG_PATTERN global, forms.js).
SLUG = re.compile(r"[a-z0-9_-]+")


class Unreadable(ValueError):
    """A value that cannot be read: `code` names it (authoring/problems.nl.yaml),
    `params` are its data."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code, self.params = code, params


class SlugError(Unreadable):
    """A slug with characters that do not belong in a web address."""


def read_slug(text: str) -> str:
    """A slug as written, if it is lowercase letters, digits, hyphens and
    underscores."""
    value = str(text).strip()
    if value and not SLUG.fullmatch(value):
        raise SlugError("slug-unusable", value=value)
    return value


class DateError(Unreadable):
    """A date that cannot be read, or does not exist."""


def read_date(text: str) -> SafeDatetime:
    """The moment `text` names, day first; DateError when unreadable or ambiguous."""
    value = " ".join(str(text).replace("_", " ").split()).lower()
    if _ISO_ZONED.fullmatch(value.upper()):
        return SafeDatetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    match = (
        _YEAR_FIRST.fullmatch(value)
        or _DAY_FIRST.fullmatch(value)
        or _WRITTEN.fullmatch(value)
    )
    if not match:
        raise DateError("date-unreadable", value=text)
    parts = match.groupdict()
    if parts.get("name"):
        names = [m for m in MONTHS_NL if m.startswith(parts["name"][:3])]
        if parts["name"] not in MONTHS_NL and len(parts["name"]) != 3 or not names:
            raise DateError("date-month-unknown", month=parts["name"], value=text)
        parts["month"] = MONTHS_NL.index(names[0]) + 1
    try:
        return SafeDatetime(
            int(parts["year"]),
            int(parts["month"]),
            int(parts["day"]),
            int(parts["hour"] or 0),
            int(parts["minute"] or 0),
            int(parts["second"] or 0),
        )
    except ValueError:
        raise DateError("date-impossible", value=text) from None
