"""The Dutch words of every finding, from one catalog: `problems.nl.yaml` maps a code
to its `message`, `advice` and, where it is no error, `level`; `terms` names the kinds
of values and things a message mentions.

A placeholder `{name}` takes the finding's parameter `name` (a list is written as
`a, b`); `{name:term}` writes it as its Dutch term, `{name:quoted}` as `'a', 'b'`,
`{name:repr}` as Python writes it (in quotes). A
placeholder that is no parameter is computed from the parameters (`COMPUTED`)."""

import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CATALOG_FILE = Path(__file__).with_name("problems.nl.yaml")
ERROR = "fout"


@cache
def catalog() -> dict:
    return yaml.safe_load(CATALOG_FILE.read_text(encoding="utf-8"))


def term(key) -> str:
    return catalog()["terms"].get(key, str(key))


def choices(params: dict) -> str:
    """The names to choose from, the closest to what was written first."""
    names = [str(o) for o in params.get("options") or () if o]
    given = str(params.get("value") or "")
    close = difflib.get_close_matches(given, names, 1, 0.6)
    hint = f"bedoel je {close[0]}? " if close else ""
    return f"{hint}kies uit: {', '.join(names) or 'nog niets'}"


def nearest(params: dict) -> str:
    """The name meant, when one is close to what was written; else the names."""
    names = [str(o) for o in params.get("options") or () if o]
    close = difflib.get_close_matches(str(params.get("value") or ""), names, 1, 0.6)
    return f"bedoel je {close[0]}?" if close else f"kies uit: {', '.join(names)}"


def shown_value(params: dict) -> str:
    """What was found: its kind (a term) and the value as written."""
    kind, value = params.get("found"), params.get("value")
    parts = [term(kind)] if kind else []
    if value not in (None, ""):
        parts.append(repr(value))
    return " ".join(parts)


def cycle(params: dict) -> str:
    return " -> ".join(params["names"])


def slug(params: dict) -> str:
    """The slug Pelican makes of the value (one the site accepts)."""
    from pelican.settings import DEFAULT_CONFIG

    from .source import slug_for

    return slug_for(str(params.get("value", "")), DEFAULT_CONFIG)


def old_slug(params: dict) -> str:
    """The last part of an old address as a slug, for the example."""
    value = str(params.get("value", "")).rsplit("/", 1)[-1]
    return slug({"value": value}) or "mijn-post"


def post_slug(params: dict) -> str:
    return slug(params) or "mijn-post"


def date_example(params: dict) -> str:
    from sitekit.dates import EXAMPLE

    return EXAMPLE


def blocked(params: dict) -> str:
    """What a Content-Security-Policy directive refused."""
    directive = params.get("directive", "")
    return catalog()["terms"].get(directive) or f"iets wat {directive} weigert"


COMPUTED = {
    "choices": choices,
    "nearest": nearest,
    "shown": shown_value,
    "cycle": cycle,
    "blocked": blocked,
    "slug": slug,
    "old_slug": old_slug,
    "post_slug": post_slug,
    "date_example": date_example,
}


class _Value:
    def __init__(self, value):
        self.value = value

    def __format__(self, spec: str) -> str:
        value = self.value
        if spec == "term":
            return term(value)
        if spec == "quoted":
            return ", ".join(f"'{v}'" for v in value)
        if spec == "repr":
            return repr(value)
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return format(value, spec)


class _Params(dict):
    def __init__(self, params: dict):
        super().__init__({k: _Value(v) for k, v in params.items()})
        self.raw = params

    def __missing__(self, key: str):
        return COMPUTED[key](self.raw)


def words(code: str, params: dict | None = None) -> tuple[str, str, str]:
    """What is wrong, what to do and how bad it is, for a finding `code`."""
    entry = catalog()["problems"][code]
    filled = _Params(params or {})
    return (
        entry["message"].format_map(filled),
        entry["advice"].format_map(filled),
        entry.get("level", ERROR),
    )


@dataclass(frozen=True, order=True)
class Problem:
    """One line of a report: where, how bad, what is wrong and what to do. A line
    that is not known (None, as sitekit.lines finds none) is line 1; 0 is no line."""

    file: str
    line: int
    level: str
    message: str
    advice: str

    def __post_init__(self) -> None:
        if self.line is None:
            object.__setattr__(self, "line", 1)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.level}: {self.message} ({self.advice})"

    @classmethod
    def error(cls, file: str, line: int, message: str, advice: str) -> "Problem":
        return cls(file, line, ERROR, message, advice)


def worded(file: str, line: int, code: str, params: dict | None = None) -> Problem:
    """A finding of `code` as the author reads it, at its file and line (0: none)."""
    message, advice, level = words(code, params)
    return Problem(file, line, level, message, advice)
