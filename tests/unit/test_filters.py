"""Dutch dates and reading time, without the operating system's locale."""

import locale
from datetime import date, datetime

import pytest
from sitekit.filters import MONTHS_NL, dutch_date, reading_minutes, word_count


@pytest.mark.parametrize("month", range(1, 13))
def test_dutch_date_every_month(month):
    assert dutch_date(date(2024, month, 12)) == f"12 {MONTHS_NL[month - 1]} 2024"


def test_dutch_date_examples():
    assert dutch_date(date(2024, 3, 12)) == "12 maart 2024"
    assert dutch_date(datetime(2023, 10, 1, 23, 59)) == "1 oktober 2023"


def test_dutch_date_ignores_the_locale():
    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "C")
        assert dutch_date(date(2024, 5, 2)) == "2 mei 2024"
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def test_word_count_ignores_tags():
    assert word_count("<p>Een <em>paard</em> in de wei.</p><ul><li>twee</li></ul>") == 6
    assert word_count("<p>Dilemma's zijn o.k.</p>") == 4


@pytest.mark.parametrize(
    ("words", "minutes"), [(0, 1), (1, 1), (200, 1), (201, 2), (1000, 5)]
)
def test_reading_minutes(words, minutes):
    assert reading_minutes("<p>" + "woord " * words + "</p>") == minutes


def test_reading_minutes_speed():
    assert reading_minutes("woord " * 300, words_per_minute=100) == 3
