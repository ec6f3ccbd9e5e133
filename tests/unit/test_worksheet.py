"""Worksheet definitions: loading, strict validation with precise messages, fuzzing."""

import contextlib
import textwrap

import pytest
import yaml
from embeds.worksheet import parse_file, parse_text
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit.errors import DefinitionError
from sitekit.filters import dutch_number

from authoring.messages import problem_from_error
from tests.conftest import ROOT

FILE = "content/worksheets/doelen.yaml"


def load(text: str):
    return parse_text(textwrap.dedent(text), FILE, "doelen")


def error_of(text: str) -> str:
    """The Dutch line the author reads for the definition's mistake."""
    with pytest.raises(DefinitionError) as caught:
        load(text)
    return str(problem_from_error(caught.value))


VALID = """\
title: Test
sections:
  - name: doelen
    title: Doelen
    repeat: {min: 1, max: 3, add: Doel toevoegen, item: Doel}
    fields:
      - {name: doel, label: Doel, type: text}
      - {name: uren, label: Uren, type: number}
      - {name: zelf, label: Zelf, type: yesno}
    verdict:
      label: Besluit
      rules:
        - {when: {zelf: ja}, then: keep}
  - name: som
    title: Som
    fields:
      - {name: tarief, label: Tarief, type: money, default: 45}
      - {name: soort, label: Soort, type: choice, choices: [a, b]}
      - {name: totaal, label: Totaal, type: money, compute: sum(uren) * tarief}
"""


def test_the_dilemmas_worksheet_has_the_four_parts_of_the_post():
    sheet = parse_file(ROOT / FILE)
    assert [s.title for s in sheet.sections] == [
        "Mijn doelstellingen",
        "Wat heeft mij afgeleid?",
        "Reken het uit",
        "Mijn volgende stap",
    ]
    goals, tasks, sums, _step = sheet.sections
    qualities = [f.name for f in goals.fields if f.type == "yesno"]
    assert qualities == ["helder", "concreet", "uitdagend", "meetbaar", "tijdvak"]
    assert {r.then for r in tasks.verdict.rules} | {tasks.verdict.otherwise} == {
        "keep",
        "outsource",
        "unsure",
    }
    assert sums.fields[0].default == 2.5
    computed = {f.name: f.formula for f in sums.fields if f.compute is not None}
    assert set(computed) == {"uren_kwijt", "omzet_kwijt", "klanten_extra"}
    assert len(sheet.version) == 12


def test_a_valid_definition_parses_with_trees_and_defaults():
    sheet = load(VALID)
    total = sheet.sections[1].fields[2]
    assert total.compute == ["*", ["sum", "uren"], ["f", "tarief"]]
    assert sheet.sections[1].fields[0].default == 45.0
    assert sheet.sections[0].repeat.max == 3


def test_version_changes_with_the_definition():
    assert load(VALID).version == load(VALID).version
    assert load(VALID).version != load(VALID.replace("Totaal", "Som")).version


def test_wrong_field_type_names_file_line_path_and_choices():
    text = VALID.replace(
        "{name: uren, label: Uren, type: number}",
        "{name: uren, label: Uren, type: nummer}",
    )
    assert error_of(text) == (
        "content/worksheets/doelen.yaml:8: fout: sections[0].fields[1].type: 'nummer' "
        "kan hier niet (bedoel je number? kies uit: text, textarea, number, money, "
        "date, yesno, choice)"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("title: Test", "title: Test\ncolor: red"),
            ":2: fout: color: onbekende sleutel 'color'",
        ),
        (
            ("label: Doel,", "label: [Doel],"),
            ":7: fout: sections[0].fields[0].label: hier hoort tekst, maar er staat "
            "een lijst",
        ),
        (
            ("max: 3", "max: drie"),
            ":5: fout: sections[0].repeat.max: hier hoort een heel getal, maar er "
            "staat tekst 'drie'",
        ),
        (
            ("max: 3", "max: 0"),
            "repeat.max: hier hoort een heel getal van minstens 1, maar er staat 0",
        ),
        (
            ("name: uren,", "name: doel,"),
            ":8: fout: sections[0].fields[1].name: de naam 'doel' is al gebruikt bij "
            "sections[0].fields[0].name",
        ),
        (
            ("name: som", "name: doelen"),
            ":14: fout: sections[1].name: de naam 'doelen' is al gebruikt",
        ),
        (
            ("sum(uren) * tarief", "sum(uren) * (tarief"),
            "sections[1].fields[2].compute: de formule 'sum(uren) * (tarief' klopt "
            "niet bij teken 20",
        ),
        (
            ("sum(uren) * tarief", "sum(uren) * prijs"),
            ":19: fout: sections[1].fields[2].compute: de formule 'sum(uren) * prijs' "
            "noemt het onbekende veld 'prijs' (kies uit: tarief, totaal, uren)",
        ),
        (
            ("sum(uren) * tarief", "uren * tarief"),
            "het veld 'uren' staat in de herhaalde sectie 'doelen' (tel de rijen op "
            "met sum(uren))",
        ),
        (
            ("sum(uren) * tarief", "sum(tarief)"),
            "sum(tarief) kan alleen met een veld uit een herhaalde sectie",
        ),
        (
            ("sum(uren) * tarief", "tarief / (2 - 2)"),
            "de formule 'tarief / (2 - 2)' deelt door nul",
        ),
        (
            ("sum(uren) * tarief", "tarief + soort"),
            "het veld 'soort' is choice: een formule rekent alleen met number- en "
            "money-velden",
        ),
        (
            ("{zelf: ja}", "{zelf: misschien}"),
            "rules[0].when.zelf: 'misschien' kan hier niet (kies uit: ja, nee)",
        ),
        (
            ("{zelf: ja}", "{doel: ja}"),
            "rules[0].when.doel: een regel kan alleen ja/nee- en keuzevelden testen",
        ),
        (
            ("then: keep", "then: houden"),
            "'houden' kan hier niet (kies uit: keep, outsource, unsure)",
        ),
        (
            ("default: 45", "default: veel"),
            "fields[0].default: hier hoort een getal, maar er staat tekst 'veel'",
        ),
        (
            ("choices: [a, b]", "choices: [a, a]"),
            "choices: een keuze staat er twee keer",
        ),
        (("sections:", "sections: []\nx:"), ":3: fout: x: onbekende sleutel 'x'"),
    ],
)
def test_each_mistake_gets_a_precise_message(change, expected):
    old, new = change
    assert old in VALID
    message = error_of(VALID.replace(old, new, 1))
    assert message.startswith(FILE)
    assert expected in message


def test_cycles_between_computed_fields_are_named():
    text = VALID + (
        "      - {name: a, label: A, type: number, compute: b + 1}\n"
        "      - {name: b, label: B, type: number, compute: a * 2}\n"
    )
    assert "rekenen met elkaar in een kring: a -> b -> a" in error_of(text)


def test_yaml_syntax_errors_and_aliases_are_definition_errors():
    assert error_of("title: [unclosed\nsections: x\n").startswith(
        FILE + ":2: fout: de opmaak (YAML) klopt hier niet"
    )
    assert "ankers en verwijzingen" in error_of("title: &t T\nsections: *t\n")
    assert error_of("").startswith(FILE + ":1: fout: het bestand is leeg")
    assert "hier hoort een blok met title" in error_of("- just\n- a list\n")


def test_dutch_number_notation():
    assert dutch_number(1250.5, "money") == "€ 1.250,50"
    assert dutch_number(2.5) == "2,5"
    assert dutch_number(8.0) == "8"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_worksheet_or_a_definition_error(text):
    with contextlib.suppress(DefinitionError):
        parse_text(text, FILE, "x")


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=12),
    st.sampled_from(
        ["text", "number", "money", "yesno", "choice", "a + b", "sum(x)", "ja"]
    ),
)
KEYS = st.sampled_from(
    [
        "title",
        "sections",
        "name",
        "fields",
        "type",
        "label",
        "repeat",
        "min",
        "max",
        "add",
        "item",
        "verdict",
        "rules",
        "when",
        "then",
        "compute",
        "choices",
        "default",
    ]
)
DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(DOCUMENTS)
def test_any_structure_gives_a_worksheet_or_a_definition_error(document):
    with contextlib.suppress(DefinitionError):
        parse_text(yaml.safe_dump(document, allow_unicode=True), FILE, "x")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_file_gives_a_worksheet_or_a_definition_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "x.yaml"
    path.write_bytes(data)
    with contextlib.suppress(DefinitionError):
        parse_file(path)


RESULTS = """\
title: Test
sections:
  - name: reken
    title: Reken
    fields:
      - {name: uren, label: Uren, type: number, unit: uur}
      - {name: klanten, label: Klanten, type: number, compute: uren / 6, %s}
"""


def test_a_result_declares_its_unit_rounding_and_approximation():
    sheet = load(RESULTS % "unit: klanten, decimals: 0, approximate: true")
    uren, klanten = sheet.fields()
    assert (uren.unit, uren.decimals, uren.approximate) == ("uur", 2, False)
    assert (klanten.unit, klanten.decimals, klanten.approximate) == ("klanten", 0, True)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("decimals: 7", "decimals: hier horen 0 tot 4 decimalen, maar er staat 7"),
        (
            "decimals: -1",
            "decimals: hier hoort een heel getal van minstens 0, maar er staat -1",
        ),
        (
            "decimals: 1.5",
            "decimals: hier hoort een heel getal, maar er staat een getal '1.5'",
        ),
        ("unit: ''", "unit: hier hoort tekst, maar het is leeg"),
        (
            "approximate: ja",
            "approximate: hier hoort true of false, maar er staat tekst 'ja'",
        ),
        ("rounding: 0", "onbekende sleutel 'rounding'"),
    ],
)
def test_wrong_result_keys_are_named_precisely(extra, message):
    assert message in error_of(RESULTS % extra)


def test_only_numbers_have_units_and_only_results_are_approximate():
    text = VALID.replace(
        "{name: doel, label: Doel, type: text}",
        "{name: doel, label: Doel, type: text, unit: uur}",
    )
    assert "alleen een veld met type: number of money heeft unit" in error_of(text)
    text = RESULTS.replace(
        ", type: number, unit: uur}", ", type: number, approximate: true}"
    )
    assert "alleen een berekend veld (met compute:) kan approximate hebben" in error_of(
        text % "unit: x"
    )


def test_a_section_may_be_recapped_at_the_end():
    """recap: true shows a section's written answers again under the result."""
    assert [s.recap for s in parse_file(ROOT / FILE).sections] == [
        True,
        False,
        False,
        True,
    ]
    assert [s.recap for s in load(VALID).sections] == [False, False]
    text = VALID.replace("    title: Som\n", "    title: Som\n    recap: true\n")
    assert [s.recap for s in load(text).sections] == [False, True]
    wrong = VALID.replace("    title: Som\n", "    title: Som\n    recap: ja\n")
    assert "recap: hier hoort true of false, maar er staat tekst 'ja'" in error_of(
        wrong
    )


def test_every_mistake_of_a_worksheet_is_told_at_once():
    """Each field and section is checked on its own: three mistakes, three lines, in
    the order of the file (a field with a mistake is left out, not a second one)."""
    text = (
        VALID.replace("type: number}", "type: nummer}")
        .replace("default: 45}", "default: 45, decimals: 7}")
        .replace("title: Som", "title: ''")
    )
    with pytest.raises(DefinitionError) as caught:
        load(text)
    told = [str(problem_from_error(f)) for f in caught.value.findings]
    assert [line.split(" (")[0] for line in told] == [
        f"{FILE}:8: fout: sections[0].fields[1].type: 'nummer' kan hier niet",
        f"{FILE}:15: fout: sections[1].title: hier hoort tekst, maar het is leeg",
        f"{FILE}:17: fout: sections[1].fields[0].decimals: hier horen 0 tot 4 "
        "decimalen, maar er staat 7",
    ]
