"""One number rule: the page's JavaScript (run in Node) and the build's Python agree
on every formula result and every number shown, huge and tiny included."""

import pytest
from embeds.formula import evaluate
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit.filters import dutch_number

from tests.support.node import NodeModules

NAMES = ("a", "b", "c", "r")
numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e4, max_value=1e4).map(lambda x: round(x, 3)),
    st.integers(-(10**22), 10**22).map(float),
    st.sampled_from([0.125, 0.005, 2.675, 1.005, 1e21, 5e-324, 1e-7, -0.0]),
)
leaves = st.one_of(
    numbers.filter(lambda x: x >= 0),
    st.sampled_from(NAMES[:3]).map(lambda name: ["f", name]),
    st.just(["sum", "r"]),
)
trees = st.recursive(
    leaves,
    lambda inner: st.one_of(
        st.tuples(st.sampled_from("+-*/"), inner, inner).map(list),
        inner.map(lambda tree: ["neg", tree]),
    ),
    max_leaves=12,
)
answers = st.fixed_dictionaries(
    {
        "a": st.none() | numbers,
        "b": st.none() | numbers,
        "c": st.none() | numbers,
        "r": st.lists(st.none() | numbers, max_size=4),
    }
)


@pytest.fixture(scope="module")
def node():
    with NodeModules() as running:
        yield running


def same(python: float | None, javascript: float | int | None) -> bool:
    """The same value (JSON gives whole numbers as int; -0 becomes 0 in JSON)."""
    if python is None or javascript is None:
        return python is javascript
    return python == float(javascript)


@settings(max_examples=3000, deadline=None)
@given(trees, answers)
def test_a_formula_gives_the_same_value_in_python_and_javascript(node, tree, values):
    expected = evaluate(tree, values)
    actual = node.call("formulas.js", "evaluate", tree, values)
    assert same(expected, actual), (tree, values, expected, actual)
    if expected is not None:
        assert node.call("numbers.js", "formatNumber", expected, "money", 0) == (
            dutch_number(expected, "money", 0)
        )


@settings(max_examples=3000, deadline=None)
@given(numbers, st.sampled_from(["number", "money"]), st.integers(0, 4))
def test_a_number_is_shown_the_same_in_python_and_javascript(node, value, kind, places):
    shown = dutch_number(value, kind, places)
    assert node.call("numbers.js", "formatNumber", value, kind, places) == shown
    assert shown.replace(".", "").replace(",", "").lstrip("€ -").isdigit()


@settings(max_examples=1000, deadline=None)
@given(numbers)
def test_what_is_shown_as_money_reads_back_as_the_rounded_number(node, value):
    shown = dutch_number(value, "money")
    expected = float(shown.removeprefix("€ ").replace(".", "").replace(",", "."))
    assert float(node.call("numbers.js", "parseNumber", shown)) == expected


def test_rounding_is_half_away_from_zero_on_the_decimal_value(node):
    for value, shown in [(0.125, "0,13"), (2.675, "2,68"), (-0.125, "-0,13")]:
        assert dutch_number(value) == shown
        assert node.call("numbers.js", "formatNumber", value) == shown
    assert dutch_number(-0.001) == "0"
    assert dutch_number(1e21, "money", 0) == "€ 1.000.000.000.000.000.000.000"
