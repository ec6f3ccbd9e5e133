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

from authoring.messages import settings_problem
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
    return next(n for n, line in enumerate(lines, 1) if line.lstrip().startswith(text))


def told(path: Path) -> str:
    with pytest.raises(SettingsError) as caught:
        owner_settings(path)
    return str(settings_problem(caught.value, path.parent))


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
    assert "--accent:#2d5a37;" in css and "--focus:#2f7a45;" in css
    # At night a tinted band (surface) stands clearly apart from the page.
    assert colours.contrast(colours.DARK["surface"], colours.DARK["bg"]) >= 1.15
    # ... a card on that band stands apart from it, and the closing band is a deep
    # green of the brand's hue, not a grey one.
    assert colours.contrast(colours.DARK["card"], colours.DARK["surface"]) >= 1.2
    # ... and a card's dividers still show on the lifted card.
    assert colours.contrast(colours.DARK["line"], colours.DARK["card"]) >= 1.2
    _hue, lightness, saturation = colorsys.rgb_to_hls(
        *colours._rgb(colours.DARK["band"])
    )
    assert lightness < 0.2 and saturation >= 0.3


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


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">{}</svg>'


def with_logo(tmp_path: Path, name: str, data: bytes) -> Path:
    (tmp_path / "images").mkdir(exist_ok=True)
    (tmp_path / "images" / name).write_bytes(data)
    return written(tmp_path, "logo: null", f"logo: {name}")


def png(width: int, height: int) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGBA", (width, height), "#7c3aed").save(out, format="PNG")
    return out.getvalue()


LOGOS = [
    (
        "too small a png",
        "logo.png",
        png(300, 120),
        "fout: logo: het logo is 300 bij 120 pixels, te klein voor de app-iconen "
        "(gebruik een PNG van minstens 512 bij 512 pixels, of een SVG)",
    ),
    (
        "an svg with a script",
        "logo.svg",
        SVG.format('<script>alert(1)</script><rect width="9" height="9"/>').encode(),
        "fout: logo: het logo (SVG) bevat een <script>, en dat laat de site niet toe",
    ),
    (
        "an svg with a handler",
        "logo.svg",
        SVG.format('<rect width="9" height="9" onclick="alert(1)"/>').encode(),
        "fout: logo: het logo (SVG) bevat een script (onclick)",
    ),
    (
        "an svg that loads a file from elsewhere",
        "logo.svg",
        SVG.format('<image href="https://example.com/x.png"/>').encode(),
        "fout: logo: het logo (SVG) bevat een link naar buiten",
    ),
    (
        "a jpeg",
        "logo.jpg",
        b"\xff\xd8\xff",
        "fout: logo: het logo 'logo.jpg' is geen SVG of PNG",
    ),
]


@pytest.mark.parametrize(
    "name, data, expected", [m[1:] for m in LOGOS], ids=[m[0] for m in LOGOS]
)
def test_a_logo_the_site_cannot_use_is_told_at_its_line(tmp_path, name, data, expected):
    path = with_logo(tmp_path, name, data)
    assert told(path).startswith(
        f"instellingen.yaml:{line_of(path, 'logo:')}: {expected}"
    )


def test_a_missing_logo_is_told(tmp_path):
    path = written(tmp_path, "logo: null", "logo: mijn-logo.svg")
    assert "het logo 'mijn-logo.svg' staat niet in content/images/" in told(path)


def test_a_good_logo_is_drawn_into_a_square(tmp_path):
    from sitekit.logo import drawn

    svg = SVG.format('<rect width="200" height="100" fill="#7c3aed"/>').encode()
    path = with_logo(tmp_path, "logo.svg", svg)
    logo = owner_settings(path)["LOGO"]
    assert logo == str(tmp_path / "images" / "logo.svg")
    image = drawn(logo, 192)
    assert image.size == (192, 192)
    assert image.getpixel((96, 96)) == (124, 58, 237, 255)  # the logo, wide
    assert image.getpixel((96, 10))[3] == 0  # above it: transparent
