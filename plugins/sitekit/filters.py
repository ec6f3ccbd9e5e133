"""Jinja filters for Dutch dates and reading time, independent of the OS locale."""

import math
import re
from datetime import date, datetime

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def dutch_date(value: date | datetime) -> str:
    """Format a date the Dutch way, e.g. "12 maart 2024"."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def word_count(html: str) -> int:
    """Count the words of an HTML fragment, ignoring its tags."""
    return len(_WORD.findall(_TAG.sub(" ", html)))


def reading_minutes(html: str, words_per_minute: int = 200) -> int:
    """Minutes it takes to read an HTML fragment: at least one."""
    return max(1, math.ceil(word_count(html) / words_per_minute))
