"""The formula language: parsing, validation helpers, evaluation, fuzzing."""

import contextlib

import pytest
from embeds.formula import constant, evaluate, parse, references, zero_divisions
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit.errors import DefinitionError

from authoring.messages import problem_from_error


def test_precedence_parentheses_and_sum():
    assert parse("a + b * 2") == ["+", ["f", "a"], ["*", ["f", "b"], 2.0]]
    assert parse("(a + b) * 2") == ["*", ["+", ["f", "a"], ["f", "b"]], 2.0]
    assert parse("sum(uren) / -2,5") == ["/", ["sum", "uren"], ["neg", 2.5]]
    assert parse("10 - 4 - 3") == ["-", ["-", 10.0, 4.0], 3.0]


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("a +", "de formule 'a +' klopt niet bij teken 4"),
        ("a b", "de formule 'a b' klopt niet bij teken 3"),
        ("(a", "de formule '(a' klopt niet bij teken 3"),
        ("a % b", "de formule 'a % b' klopt niet bij teken 3"),
        ("sum(2)", "de formule 'sum(2)' klopt niet bij teken 5"),
        ("sum a", "de formule 'sum a' klopt niet bij teken 5"),
        ("   ", "de formule is leeg"),
        ("(" * 60 + "1" + ")" * 60, f"de formule '{'(' * 60}1{')' * 60}' klopt niet"),
    ],
)
def test_syntax_errors_say_where(text, dutch):
    with pytest.raises(DefinitionError) as caught:
        parse(text, "f.yaml", "x.compute", 3)
    assert str(caught.value).startswith("f.yaml:3: x.compute: formula-")
    assert problem_from_error(caught.value).message == f"x.compute: {dutch}"


def test_references_constants_and_zero_division():
    assert references(parse("a * sum(b) + a")) == ({"a"}, {"b"})
    assert constant(parse("(2 - 2) * 3")) == 0
    assert constant(parse("a - 2")) is None
    assert zero_divisions(parse("a / (1 - 1)")) == ["division by zero"]
    assert zero_divisions(parse("a / (b - 1)")) == []


def test_evaluation_empty_fields_and_run_time_division_by_zero():
    values = {"a": 3.0, "b": None, "rows": [1.5, None, 2.0]}
    assert evaluate(parse("a * 2 + 1"), values) == 7.0
    assert evaluate(parse("a + b"), values) is None
    assert evaluate(parse("sum(rows) * a"), values) == 10.5
    assert evaluate(parse("a / (a - 3)"), values) is None
    assert evaluate(parse("c + 1"), values, {"c": parse("a * a")}) == 10.0


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab sum()+-*/.,0123456789_x\n", max_size=40) | st.text())
def test_any_text_parses_or_raises_a_definition_error(text):
    with contextlib.suppress(DefinitionError):
        parse(text)
