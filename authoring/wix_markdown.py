"""Wix rich content as Markdown: markdownify, taught Wix's markup and this site's
Markdown (Python-Markdown with `extra`), so every word shows exactly as typed.

Only what markdownify cannot know lives here: Wix's styled spans and line breaks,
"·" lines and one-quote paragraphs, image and video embeds, and escaping for the
dialect the site's build reads. No tag of the source is ever passed through as HTML,
and no text becomes markup: a code block is fenced with more backticks than any run
in it, and text, link targets and image addresses are escaped so that no line break
or quote can end what they stand in (tests/authoring/test_wix_import.py proves it
with arbitrary text in every place).
"""

import re
import warnings
from collections.abc import Callable
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from markdownify import MarkdownConverter

# A post's text that looks like a file name or address is still text: no warning.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

# The alt text of an image that had none: not empty (the build stops on that), and
# `invoke check` asks the author to replace it (authoring/wix_check.py).
MISSING_ALT = "Afbeelding zonder beschrijving"
BLOCKS = {
    "p", "div", "section", "article", "li", "ul", "ol", "blockquote", "figure",
    "figcaption", "table", "thead", "tbody", "tr", "td", "th", "pre", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "main", "body", "[document]",
}  # fmt: skip
LINES = ["p", "li", "h1", "h2", "h3", "h4", "h5", "h6"]
# Where a code block can be fenced: nothing around it but these.
CONTAINERS = {"[document]", "html", "body", "main", "article", "section", "div"}
CONTAINERS |= {"figure", "header", "footer", "aside", "nav"}
DROP = ["script", "style", "noscript", "button", "svg", "template", "form", "input"]
BULLET = re.compile(r"^[·•]\s*")
QUOTES = (
    ("“", "”"), ('"', '"'), ("„", "”"), ("„", "“"), ("‘", "’"), ("'", "'"), ("«", "»")
)  # fmt: skip
# Markdown specials inside a line, and what only counts at the start of a line.
INLINE = re.compile(r"([\\`*_\[\]{}|])")
TAG_START = re.compile(r"<(?!\s)")
ENTITY = re.compile(r"&(?=[#A-Za-z])")  # browsers read &copy and &#0 without a ;
LINE_START = re.compile(r"^(#|>|[-+]|\d+(?=[.)]))")
NESTED = re.compile(r"\n{2,}(?=(?:-|1\.) )")
BLANK_LINES = re.compile(r"\n[ \t]*(?=\n)")
BACKTICKS = re.compile(r"`+")
NOT_ESCAPABLE = {"=": "&#61;", "~": "&#126;", ":": "&#58;"}
HOST = re.compile(r"^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}([/?#]|$)", re.I)
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
VIDEO_HOSTS = {
    "youtube.com": "https://www.youtube.com/watch?v={}",
    "youtube-nocookie.com": "https://www.youtube.com/watch?v={}",
    "youtu.be": "https://www.youtube.com/watch?v={}",
    "vimeo.com": "https://vimeo.com/{}",
}


def escape(text: str) -> str:
    """Text as Markdown that shows exactly these characters, wherever it stands."""
    text = ENTITY.sub("&amp;", INLINE.sub(r"\\\1", text))
    return TAG_START.sub("&lt;", text)


def escape_line_start(text: str) -> str:
    """Keep a line of text from starting a heading, quote, list, table or fence."""
    if text[:1] in NOT_ESCAPABLE:
        return NOT_ESCAPABLE[text[0]] + text[1:]
    match = LINE_START.match(text)
    if not match:
        return text
    if match[1][0].isdigit():
        return match[1] + "\\" + text[len(match[1]) :]
    return "\\" + text


def link_target(href: str) -> str | None:
    """A safe, Markdown-ready link target; None for one that must not be a link."""
    href = href.strip()
    if HOST.match(href):
        href = "https://" + href
    parts = urlsplit(href)
    if parts.scheme.lower() not in SAFE_SCHEMES or not (parts.netloc or parts.path):
        return None
    return quote(href, safe="/:?#=&;%+@,~!$*")  # no quotes: a link title


def video_link(src: str) -> str | None:
    """The page of a YouTube or Vimeo embed."""
    parts = urlsplit(src if "//" in src else "https://" + src)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("player.")
    if host not in VIDEO_HOSTS:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if host == "youtu.be" or "embed" in segments or "video" in segments:
        ident = segments[-1] if segments else ""
    else:
        ident = dict(p.split("=", 1) for p in parts.query.split("&") if "=" in p).get(
            "v", ""
        )
    return VIDEO_HOSTS[host].format(ident) if re.fullmatch(r"[\w-]+", ident) else None


def is_quote(text: str) -> bool:
    """A paragraph that is one quotation, like “Great things ...!”."""
    return len(text) > 2 and any(
        text.startswith(o) and text.endswith(c) and c not in text[1:-1]
        for o, c in QUOTES
    )


def styled(tag: Tag) -> str | None:
    """The tag a styled Wix span stands for (bold, italic, underline)."""
    style = re.sub(r"\s+", "", tag.get("style", "")).lower()
    if re.search(r"font-weight:(bold|[6-9]00)", style):
        return "strong"
    if "font-style:italic" in style:
        return "em"
    if "text-decoration:underline" in style:
        return "u"
    return None


def starts_line(node) -> bool:
    """True when the text node begins a line of the output."""
    while True:
        before = node.previous_sibling
        while isinstance(before, NavigableString) and not before.strip():
            before = before.previous_sibling
        if before is None:
            node = node.parent
            if node is None or node.name in BLOCKS:
                return True
            continue
        return isinstance(before, Tag) and before.name in BLOCKS | {"br"}


def followed_by_link(node) -> bool:
    """True when a link's "[" comes right after this text node."""
    while node.next_sibling is None and node.parent and node.parent.name not in BLOCKS:
        node = node.parent
    after = node.next_sibling
    while isinstance(after, Tag) and after.name != "a" and after.contents:
        if after.name in ("strong", "em", "u", "b", "i"):
            return False  # its own marker comes first
        after = after.contents[0]
    return isinstance(after, Tag) and after.name == "a"


def prepare(soup: BeautifulSoup) -> BeautifulSoup:
    """Wix's markup made plain: the same clean-up for every source."""
    for tag in soup.find_all(DROP):
        tag.decompose()
    for span in soup.find_all("span"):
        span.name = styled(span) or span.name
    for name in ("b", "i"):
        for tag in soup.find_all(name):
            tag.name = {"b": "strong", "i": "em"}[name]
    # Wix keeps line breaks of a paragraph as raw newlines (white-space: pre-wrap).
    for text in soup.find_all(string=re.compile("\n")):
        if text.find_parent(LINES) and not text.find_parent("pre"):
            for number, part in enumerate(re.split(r"[ \t]*\n[ \t]*", str(text))):
                if number:
                    text.insert_before(soup.new_tag("br"))
                if part:
                    text.insert_before(NavigableString(part))
            text.extract()
    # Adjacent runs of one style are one run: **a****b** would not be bold.
    for tag in soup.find_all(["strong", "em", "u"]):
        after = tag.next_sibling
        while isinstance(after, Tag) and after.name == tag.name:
            after.extract()
            for child in list(after.children):
                tag.append(child)
            after = tag.next_sibling
    for paragraph in soup.find_all("p"):
        text = paragraph.get_text().strip()
        if BULLET.match(text) and BULLET.sub("", text):
            first = next(s for s in paragraph.strings if s.strip())
            first.replace_with(BULLET.sub("", first.lstrip()))
            listing = paragraph.find_previous_sibling()
            if listing is None or not listing.get("data-dots"):
                listing = soup.new_tag("ul", attrs={"data-dots": "1"})
                paragraph.insert_before(listing)
            listing.append(paragraph.extract())
            paragraph.name = "li"
        elif (
            is_quote(text)
            and "\n" not in text
            and not paragraph.find("br")
            and not paragraph.find_parent(["blockquote", "li", "td", "th"])
        ):
            paragraph.wrap(soup.new_tag("blockquote"))
    return soup


def around(text: str, opening: str, closing: str) -> str:
    """Inline markup around the text, with the spaces at its edges kept outside; an
    empty line inside (two line breaks) would end the paragraph and leave the markup
    open, so it is a single line break."""
    text = BLANK_LINES.sub("", text)
    stripped = text.strip()
    if not stripped:
        return " " if text else ""
    before = " " if text[0].isspace() else ""
    after = " " if text[-1].isspace() else ""
    return f"{before}{opening}{stripped}{closing}{after}"


class WixConverter(MarkdownConverter):
    """markdownify with the site's Markdown dialect and Wix's embeds."""

    class Options:
        heading_style = "atx"
        bullets = "-"
        table_infer_header = True
        escape_misc = False

    def __init__(self, image: Callable[[str], str] | None = None, **options):
        super().__init__(**options)
        self.image = image or (lambda src: src)
        self.videos: list[tuple[str, str]] = []

    def escape(self, text, parent_tags):
        return escape(text)

    def process_text(self, el, parent_tags=None):
        text = super().process_text(el, parent_tags)
        if not text or "_noformat" in (parent_tags or ()):
            return text
        if starts_line(el):
            stripped = text.lstrip()
            text = text[: len(text) - len(stripped)] + escape_line_start(stripped)
        if text.endswith("!") and followed_by_link(el):
            text = text[:-1] + "\\!"  # "![" would start an image
        return text

    def convert_strong(self, el, text, parent_tags):
        return around(text, "**", "**")

    def convert_em(self, el, text, parent_tags):
        return around(text, "*", "*")

    def convert_u(self, el, text, parent_tags):
        return around(text, "<u>", "</u>")

    convert_ins = convert_u

    def convert_a(self, el, text, parent_tags):
        target = link_target(el.get("href") or "")
        return around(text, "[", f"]({target})") if target else text

    def convert_code(self, el, text, parent_tags):
        if "_noformat" not in parent_tags:  # inline code on one line: a line break
            text = re.sub(r"\s*\n\s*", " ", text)  # inside could end it early
        return super().convert_code(el, text, parent_tags)

    def convert_pre(self, el, text, parent_tags):
        """A code block at the top: fenced with more backticks than any run inside,
        so no line of the code can close it. Inside a list, quote, table, paragraph
        or link a fence does not work: each line is inline code there."""
        if not text.strip("\n"):
            return ""
        if any(t not in CONTAINERS and not t.startswith("_") for t in parent_tags):
            lines = [line for line in text.split("\n") if line.strip()]
            code = "  \n".join(
                super(WixConverter, self).convert_code(el, line, set())
                for line in lines
            )
            return f"\n\n{code}\n\n"
        longest = max((len(run) for run in BACKTICKS.findall(text)), default=0)
        fence = "`" * max(3, longest + 1)
        code = text.strip("\n")
        return f"\n\n{fence}\n{code}\n{fence}\n\n"

    def convert_hN(self, n, el, text, parent_tags):
        if "_inline" in parent_tags:
            return text
        text = re.sub(r"\s+", " ", text).strip()
        if text.endswith("#"):
            text = text[:-1] + "\\#"
        return f"\n\n{'#' * min(6, max(2, n))} {text}\n\n" if text else ""

    def convert_hr(self, el, text, parent_tags):
        return "\n\n***\n\n"

    def convert_img(self, el, text, parent_tags):
        src = el.get("src") or ""
        if not src or src.startswith("data:"):
            return ""
        figure = el.find_parent("figure")
        caption = figure.find("figcaption") if figure else None
        alt = " ".join((el.get("alt") or "").split()) or (
            " ".join(caption.get_text().split()) if caption else ""
        )
        target = self.image(src)
        if not target.startswith("{static}/"):  # not downloaded: the address as is
            target = link_target(target)
        if not target:
            return ""
        image = f"![{escape(alt or MISSING_ALT)}]({target})"
        inline = "_inline" in parent_tags or el.find_parent("a") is not None
        return image if inline else f"\n\n{image}\n\n"

    def convert_figcaption(self, el, text, parent_tags):
        return f"\n\n*{text.strip()}*\n\n" if text.strip() else ""

    def convert_iframe(self, el, text, parent_tags):
        page = video_link(el.get("src") or el.get("data-src") or "")
        if not page:
            return ""
        title = " ".join((el.get("title") or "").split()) or "Bekijk de video"
        self.videos.append((title, page))
        return f"\n\n[Video: {escape(title)}]({page})\n\n"

    def convert_li(self, el, text, parent_tags):
        text = (text or "").strip()
        if not text:
            return "\n"
        bullet = "1." if el.parent is not None and el.parent.name == "ol" else "-"
        # A nested list follows its item's text directly, or it takes in the items
        # after it (Python-Markdown reads a blank line there as a looser list).
        text = NESTED.sub("\n", text)
        lines = text.split("\n")
        indented = [lines[0]] + [("    " + line if line else "") for line in lines[1:]]
        return f"{bullet} " + "\n".join(indented) + "\n"

    def convert_list(self, el, text, parent_tags):
        if "li" in parent_tags:
            return "\n" + text.rstrip() + "\n"
        return "\n\n" + text + "\n"

    convert_ul = convert_list
    convert_ol = convert_list

    def convert_td(self, el, text, parent_tags):
        return " " + text.strip().replace("\n", " ") + " |"

    convert_th = convert_td


def to_markdown(html: str | Tag, image: Callable[[str], str] | None = None) -> str:
    """Markdown of Wix rich content; `image` maps an image address to the one to use."""
    soup = html if isinstance(html, Tag) else BeautifulSoup(html, "html.parser")
    converter = WixConverter(image)
    text = converter.convert_soup(prepare(soup))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def one_line(html: str) -> str:
    """Markdown of a piece of HTML on one line, text only (a summary)."""
    soup = BeautifulSoup(html, "html.parser")
    for embed in soup.find_all(["img", "iframe", "table", "hr"]):
        embed.decompose()
    return " ".join(to_markdown(soup).replace("  \n", " ").split())
