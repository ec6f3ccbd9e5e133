"""The owner's settings file (sitekit.owner) and the colours made from her brand colour
(sitekit.colours): each mistake is one Dutch line at its line; every colour the build
accepts reaches WCAG AA in every pair, light and dark."""

import colorsys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sitekit import colours
from sitekit.owner import SettingsError, owner_settings

from tests.conftest import ROOT

REAL = (ROOT / "content" / "instellingen.yaml").read_text(encoding="utf-8")


def written(tmp_path: Path, old: str, new: str) -> Path:
    """The real settings file with `old` replaced by `new`."""
    assert old in REAL, old
    path = tmp_path / "instellingen.yaml"
    path.write_text(REAL.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


def told(path: Path) -> str:
    with pytest.raises(SettingsError) as caught:
        owner_settings(path)
    return str(caught.value).replace(str(path.parent) + "/", "")


def test_the_real_file_gives_the_settings_the_plugins_read():
    values = owner_settings(ROOT / "content" / "instellingen.yaml")
    assert values["BUSINESS"]["owner"] == values["AUTHOR"] == "Wilhelmien"
    assert values["MENU_ITEMS"][-1] == ("Contact", "contact")
    assert values["CTAS"]["nieuwsbrief"]["url"] == "#nieuwsbrief"
    assert values["CTA_DEFAULT"] in values["CTAS"]
    assert values["SERVICES"]["Planning"] == {"icon": "agenda", "price": None}
    assert values["TESTIMONIALS"] is True
    assert values["FORMS"] == {} and values["ANALYTICS"] is None


MISTAKES = [
    (
        "yaml syntax",
        "  region: null",
        "  region: Gelderland: Noord-Veluwe",
        "region:",
        "fout: de instellingen zijn niet te lezen: er staat een dubbele punt op een "
        "plek waar dat niet kan",
    ),
    (
        "not a colour",
        'brand_colour: "#2d5a37"',
        "brand_colour: bosgroen",
        "brand_colour:",
        "fout: brand_colour: 'bosgroen' is geen kleur (schrijf een kleur als",
    ),
    (
        "colour without quotes",
        'brand_colour: "#2d5a37"',
        "brand_colour: #2d5a37",
        "brand_colour:",
        "fout: brand_colour: de kleur staat niet tussen aanhalingstekens",
    ),
    (
        "not an e-mail address",
        "email: info@hippisch-va.example",
        "email: info@hippisch-va",
        "email:",
        "fout: business.email: 'info@hippisch-va' is geen e-mailadres (schrijf een "
        "adres als naam@jouwbedrijf.nl)",
    ),
    (
        "unknown key",
        "newsletter_by_mail: false",
        "newsleter_by_mail: false",
        "newsleter_by_mail:",
        "fout: 'newsleter_by_mail' kent de site niet (bedoel je newsletter_by_mail?)",
    ),
    (
        "unknown key inside a block",
        "  region: null",
        "  regio: Gelderland",
        "regio:",
        "fout: business: 'regio' kent de site niet (bedoel je region?)",
    ),
    (
        "wrong type",
        "testimonials: true",
        "testimonials: misschien",
        "testimonials:",
        "fout: testimonials: hier hoort ja of nee (true of false), maar er staat "
        "'misschien'",
    ),
    (
        "a list where a menu goes",
        "menu:\n  - label: Home\n    page: home",
        "menu: Home\nmenu_old:\n  - label: Home\n    page: home",
        "menu: Home",
        "fout: menu: hier hoort een lijst (regels die met - beginnen), maar er staat "
        "'Home'",
    ),
    (
        "too light a colour",
        'brand_colour: "#2d5a37"',
        'brand_colour: "#f5d000"',
        "brand_colour:",
        "fout: brand_colour: met #f5d000 is tekst niet goed genoeg te lezen (contrast "
        '1,3:1, minstens 4,5:1 nodig) (neem "#7d6a00": dezelfde kleur, iets donkerder)',
    ),
]


@pytest.mark.parametrize(
    "old, new, at, expected", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES]
)
def test_each_mistake_is_one_dutch_line_at_its_line(tmp_path, old, new, at, expected):
    path = written(tmp_path, old, new)
    line = told(path)
    assert line.startswith(f"instellingen.yaml:{line_of(path, at)}: {expected}"), line
    assert "\n" not in line and "Traceback" not in line


def test_a_suggested_colour_is_accepted():
    with pytest.raises(colours.ColourError) as refused:
        colours.palette("#f5d000")
    suggestion = refused.value.usable
    assert colours.palette(suggestion)  # no error
    hue, _light, saturation = colorsys.rgb_to_hls(*colours._rgb("#f5d000"))
    hue2, _light2, saturation2 = colorsys.rgb_to_hls(*colours._rgb(suggestion))
    assert abs(hue - hue2) < 0.01 and abs(saturation - saturation2) < 0.02


def test_todays_colour_gives_the_reviewed_palette():
    made = colours.palette(colours.BASE_BRAND)
    assert made == {"light": colours.LIGHT, "dark": colours.DARK}
    css = colours.colours_css("#2D5A37")
    assert "--accent:#2d5a37;" in css and "--focus:#8a3b00;" in css


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 0xFFFFFF))
def test_every_accepted_colour_reaches_aa_in_every_pair(number):
    brand = f"#{number:06x}"
    try:
        made = colours.palette(brand, suggest=False)
    except colours.ColourError:
        return
    for mode, found in made.items():
        assert found["accent" if mode == "light" else "text"]
        for fore, back, ratio in colours.pairs(mode):
            assert colours.contrast(found[fore], found[back]) >= ratio, (
                mode,
                fore,
                back,
            )
