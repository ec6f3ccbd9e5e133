"""Jinja filters for Dutch dates, numbers and reading time, independent of the OS
locale."""

import math
import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal

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
# Wide enough for every float's digits (1.8e308) plus its decimals.
_EXACT = Context(prec=400, rounding=ROUND_HALF_UP)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def dutch_date(value: date | datetime) -> str:
    """Format a date the Dutch way, e.g. "12 maart 2024"."""
    return f"{value.day} {MONTHS_NL[value.month - 1]} {value.year}"


def dutch_number(value: float | None, kind: str = "number", decimals: int = 2) -> str:
    """A number the Dutch way: "2,5", "1.250"; money as "€ 1.250,50"; "" for none.

    The one rule, the same as formatNumber in plugins/embeds/static/js/numbers.js:
    round half away from zero on the number's shortest decimal form (repr, which is
    JavaScript's String too: 0.125 -> "0,13"), group thousands with ".", a decimal
    comma, money with "€ " and exactly `decimals` decimals, never "-0".
    """
    if value is None or not math.isfinite(value):
        return ""
    exact = _EXACT.quantize(
        Decimal(repr(abs(float(value)))), Decimal(1).scaleb(-decimals)
    )
    text = f"{exact:,f}".translate(str.maketrans(",.", ".,"))
    if kind != "money" and "," in text:
        text = text.rstrip("0").rstrip(",")
    sign = "-" if value < 0 and exact else ""
    return f"€ {sign}{text}" if kind == "money" else sign + text


def word_count(html: str) -> int:
    """Count the words of an HTML fragment, ignoring its tags."""
    return len(_WORD.findall(_TAG.sub(" ", html)))


def reading_minutes(html: str, words_per_minute: int = 200) -> int:
    """Minutes it takes to read an HTML fragment: at least one."""
    return max(1, math.ceil(word_count(html) / words_per_minute))
