"""The HTML a post may contain: what Markdown itself makes, nothing else.

One rule for the build and `invoke check`: the build's reader (sitekit.reading) stops
on a post whose HTML has anything else (MarkupError), and the check reports each
(authoring/lint.py); authoring/messages.py words both for the author. Raw HTML an author
types is allowed as long as Markdown could have made it; a form, frame, script, style,
base or meta tag, an event handler, inline style or a `javascript:` address is refused.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# What Markdown with `extra` makes (footnotes make a div, fenced code a class), and a
# few harmless text elements an author may type.
ELEMENTS = {
    "p", "br", "hr", "a", "em", "strong", "code", "pre", "blockquote", "ul", "ol",
    "li", "h1", "h2", "h3", "h4", "h5", "h6", "img", "table", "thead", "tbody",
    "tfoot", "tr", "th", "td", "caption", "dl", "dt", "dd", "abbr", "sup", "sub",
    "del", "ins", "s", "u", "b", "i", "mark", "kbd", "samp", "var", "small", "q",
    "cite", "div", "span", "details", "summary", "figure", "figcaption",
}  # fmt: skip
# Attributes every allowed element may have (attr_list writes id and class), and the
# ones that belong to a single element.
COMMON = {"id", "class", "title", "lang", "dir"}
ATTRIBUTES = {
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "details": {"open"},
    "div": {"markdown"},  # md_in_html, read by Markdown itself
}
ADDRESSES = {"href", "src"}
SCHEMES = ("http", "https", "mailto", "tel")
FRAMES = ("iframe", "frame", "frameset", "object", "embed")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
IGNORED_IN_ADDRESS = re.compile(r"[\x00-\x20]")  # a browser skips these in a scheme


@dataclass(frozen=True)
class Refusal:
    """Something a post may not contain: its `kind` (frame, script, style, handler,
    element, attribute or address), `what` the message names, and the `needle` that
    finds its line in the source."""

    kind: str
    what: str
    needle: str


class MarkupError(ValueError):
    """A post's HTML holds what the site refuses: `refused`, each at its line of the
    source file in `lines` (for a field, `field` names it)."""

    def __init__(self, refused: list[Refusal], lines: list[int] | None = None):
        super().__init__("refused HTML: " + ", ".join(r.what for r in refused))
        self.refused, self.lines = refused, lines or [1] * len(refused)
        self.field: str | None = None


def address_scheme(value: str) -> str:
    """The scheme of a link or image address as a browser reads it ('' for none)."""
    match = SCHEME.match(IGNORED_IN_ADDRESS.sub("", value).lower())
    return match[1] if match else ""


def refused_in(tag: str, attrs: list[tuple[str, str | None]]) -> list[Refusal]:
    """What the site refuses in one start tag."""
    found = []
    if tag in FRAMES:
        found.append(Refusal("frame", tag, "<" + tag))
    elif tag in ("script", "style"):
        found.append(Refusal(tag, "<style>", "<" + tag))
    elif tag not in ELEMENTS:
        found.append(Refusal("element", f"<{tag}>", "<" + tag))
    allowed = COMMON | ATTRIBUTES.get(tag, set())
    for name, value in attrs:
        if name == "style":
            found.append(Refusal("style", "style=", "style="))
        elif name.startswith("on"):
            found.append(Refusal("handler", name, name))
        elif tag in ELEMENTS and name not in allowed:
            found.append(Refusal("attribute", name, name))
        elif name in ADDRESSES and address_scheme(value or "") not in ("", *SCHEMES):
            scheme = address_scheme(value or "")
            found.append(Refusal("address", f"{scheme}:", scheme))
    return found


class AllowedMarkup(HTMLParser):
    """Reads HTML and calls `refuse` for everything the site does not allow."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refused: list[Refusal] = []

    def handle_starttag(self, tag, attrs):
        for refusal in refused_in(tag, attrs):
            self.refuse(refusal)

    def refuse(self, refusal: Refusal) -> None:
        self.refused.append(refusal)


def refusals(html: str) -> list[Refusal]:
    """Everything in `html` a post may not contain, in order."""
    parser = AllowedMarkup()
    parser.feed(str(html))
    parser.close()
    return parser.refused
