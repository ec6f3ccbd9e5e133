"""The site's colours, light and dark, grown from one brand colour (BRAND_COLOUR).

The reviewed design (forest green, #2d5a37, on cream) is the base: every token that
carries the brand is today's colour turned to the brand's hue and saturation, then
moved in lightness, step by step, until each text/background pair it takes part in
reaches WCAG AA (4.5:1 for text, 3:1 for the focus ring). The brand colour itself is
the light accent, as given; one that cannot carry text on cream is refused with the
nearest lightness that can (`usable`). The neutrals of the light mode (cream, oat,
ink) and the earth and danger colours stay as they are.
"""

import colorsys
import re

from .images import BRAND as BASE_BRAND  # the base design's, the drawn images' too

HEX = re.compile(r"#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
TEXT, UI = 4.5, 3.0  # WCAG AA: body text, and a focus ring against what it surrounds
STEP = 0.005  # lightness (0..1) per step

# Today's palette, the derivation's base. Tokens in TINTED follow the brand's hue.
LIGHT = {
    "bg": "#fbfaf6",  # cream, the mark's stroke
    "surface": "#f0ede4",  # oat: footer, quiet panels
    "card": "#ffffff",
    "text": "#1f2421",
    "muted": "#4a514c",
    "accent": "#2d5a37",  # the brand colour, the mark's field
    "accent-hover": "#1f4228",
    "accent-text": "#ffffff",
    "accent-soft": "#e2ebdd",  # tint behind highlights
    "earth": "#7a4f24",  # saddle leather: kickers, small accents
    "border": "#8a8f88",  # form fields and controls (3:1)
    "line": "#dcd7c9",  # decorative dividers
    "focus": "#2f7a45",  # a leaf green: the brand's, 3:1 on every background
    "danger": "#a4161a",
    "ok": "#2d5a37",
    "band": "#2d5a37",  # the call-to-action band
    "band-text": "#fbfaf6",
}
DARK = {  # night in the stable: the brand's black, warm light text
    "bg": "#0e1310",  # three levels about 8 L* apart: bg, surface, card
    "surface": "#1a261d",
    "card": "#2e4033",  # a lift above the surface, so a card on a band still shows
    "text": "#ebe8df",
    "muted": "#c3c7bf",
    "accent": "#9fd1a9",
    "accent-hover": "#bde3c4",
    "accent-text": "#102015",
    "accent-soft": "#1c3022",  # the surface's level, greener
    "earth": "#dcb483",
    "border": "#7d857c",
    "line": "#405446",  # still a line on the lifted card
    "focus": "#c2ecca",
    "danger": "#ff9a9a",
    "ok": "#9fd1a9",
    "band": "#0e341e",  # a deep saturated green, the brand's at night
    "band-text": "#ebe8df",
}
MODES = {"light": LIGHT, "dark": DARK}
# Per mode, in order: (token, lightness direction, [(foreground, background, ratio)]).
# A token is the base turned to the brand's hue, then moved in its direction until
# every pair holds; "=token" copies one already made, "brand" is the brand colour.
BACKGROUNDS = ("bg", "surface", "card")
ON_SOFT = ("text", "muted", "accent")  # text on the tint behind highlights
# The hover colour: as a link on the backgrounds, and behind a button's text.
HOVER = [("accent-hover", b, TEXT) for b in BACKGROUNDS]
HOVER += [("accent-text", "accent-hover", TEXT)]
STEPS = {
    "light": [
        ("accent", "brand", [("accent", b, TEXT) for b in BACKGROUNDS]),
        ("accent-text", "pick", [("accent-text", "accent", TEXT)]),
        ("accent-hover", -1, HOVER),
        ("accent-soft", +1, [(f, "accent-soft", TEXT) for f in ON_SOFT]),
        ("ok", "=accent", []),
        ("band", "=accent", []),
        ("band-text", "pick", [("band-text", "band", TEXT)]),
        ("focus", -1, [("focus", b, UI) for b in (*BACKGROUNDS, "accent-soft")]),
    ],
    "dark": [
        ("bg", -1, []),
        ("surface", -1, []),
        ("card", -1, [(f, b, TEXT) for f in ("text", "muted") for b in BACKGROUNDS]),
        ("line", 0, []),
        ("accent", +1, [("accent", b, TEXT) for b in BACKGROUNDS]),
        ("accent-text", -1, [("accent-text", "accent", TEXT)]),
        ("accent-hover", +1, HOVER),
        ("accent-soft", -1, [(f, "accent-soft", TEXT) for f in ON_SOFT]),
        ("ok", "=accent", []),
        ("band", -1, [("band-text", "band", TEXT)]),
        ("focus", +1, [("focus", b, UI) for b in (*BACKGROUNDS, "accent-soft")]),
    ],
}


class ColourError(ValueError):
    """A brand colour the palette cannot be made from: the contrast it reached (0
    when another pair failed) and the nearest usable colour (None: none is)."""

    def __init__(self, ratio: float = 0.0):
        self.ratio, self.usable = ratio, None
        super().__init__(f"contrast {ratio:.2f}")


def parse(value: str) -> str:
    """A colour as "#rrggbb"; ValueError when it is none."""
    match = HEX.fullmatch(str(value).strip())
    if not match:
        raise ValueError(value)
    digits = match[1].lower()
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits))


def _rgb(colour: str) -> tuple[float, float, float]:
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(min(max(c, 0), 1) * 255):02x}" for c in rgb)


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _lighter(colour: str, amount: float) -> str:
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    return _hex(colorsys.hls_to_rgb(h, min(max(lightness + amount, 0), 1), s))


def _turned(base: str, brand: str) -> str:
    """`base` turned from the base brand's hue and saturation to `brand`'s."""
    h0, _l0, s0 = colorsys.rgb_to_hls(*_rgb(BASE_BRAND))
    h1, _l1, s1 = colorsys.rgb_to_hls(*_rgb(brand))
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(base))
    if brand == BASE_BRAND:
        return base  # the reviewed palette, exactly
    return _hex(colorsys.hls_to_rgb((h + h1 - h0) % 1, lightness, min(s * s1 / s0, 1)))


def _holds(colours: dict, pairs) -> bool:
    return all(contrast(colours[f], colours[b]) >= r - 1e-9 for f, b, r in pairs)


def _mode(brand: str, base: dict, steps) -> dict:
    colours = dict(base)
    for token, how, pairs in steps:
        if how == "brand":
            colours[token] = brand
            if not _holds(colours, pairs):
                worst = min(contrast(colours[f], colours[b]) for f, b, _r in pairs)
                raise ColourError(worst)
        elif how == "pick":  # text on a colour: the base's, else the other end
            options = [base[token], base["text"], base["card"]]
            colours[token] = next(
                (c for c in options if _holds({**colours, token: c}, pairs)), None
            )
            if colours[token] is None:
                raise ColourError()
        elif isinstance(how, str):
            colours[token] = colours[how[1:]]
        else:
            colours[token] = _turned(base[token], brand)
            for _step in range(int(1 / STEP) + 1):
                if _holds(colours, pairs) or not how:
                    break
                colours[token] = _lighter(colours[token], how * STEP)
        if not _holds(colours, pairs):
            raise ColourError()
    return colours


def palette(brand: str, suggest: bool = True) -> dict[str, dict[str, str]]:
    """The light and dark colours for `brand` ("#rrggbb"); ColourError, with the
    nearest usable colour when `suggest`, when the palette cannot reach the contrast."""
    try:
        modes = {mode: _mode(brand, base, STEPS[mode]) for mode, base in MODES.items()}
    except ColourError as error:
        if suggest:
            error.usable = usable(brand)
        raise
    return modes


def usable(brand: str) -> str | None:
    """The colour nearest `brand` (same hue and saturation, the least change in
    lightness) from which the palette reaches the contrast; None when none does."""
    for step in range(1, int(1 / STEP) + 1):
        for sign in (-1, 1):
            candidate = _lighter(brand, sign * step * STEP)
            try:
                palette(candidate, suggest=False)
            except ColourError:
                continue
            return candidate
    return None


def pairs(mode: str) -> list[tuple[str, str, float]]:
    """Every text/background pair the palette guarantees in `mode`."""
    return [pair for _t, _h, found in STEPS[mode] for pair in found]


def colours_css(brand: str) -> str:
    """The colour tokens as CSS: light on :root, dark in its media query."""
    modes = palette(parse(brand))

    def block(colours: dict) -> str:
        return "".join(f"--{name}:{value};" for name, value in colours.items())

    return (
        "/* Colour tokens, made by the build from BRAND_COLOUR "
        "(plugins/sitekit/colours.py). */\n"
        f":root{{{block(modes['light'])}}}\n"
        f"@media (prefers-color-scheme:dark){{:root{{{block(modes['dark'])}}}}}\n"
    )
