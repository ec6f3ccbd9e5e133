"""Old Wix posts into Markdown: from the blog feed, a saved post page or a text copy.

Every source becomes a list of blocks (paragraphs, list items, quotes, headings,
images) with the author's words untouched; the same clean-up then applies to all of
them: "·" lines become a list, a line that is one quotation becomes a blockquote.
"""

import hashlib
import json
import logging
import os
import re
import tempfile
import urllib.request
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, NavigableString, Tag
from sitekit.dates import EXAMPLE as DATE_EXAMPLE
from sitekit.dates import DateError, read_date

from .source import SETTINGS_FILE, read_source, site_settings, slug_for

logger = logging.getLogger(__name__)

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
HASH_FIELD = "Import_hash"
BULLET = re.compile(r"^[·•]\s*")
QUOTES = ("“", "”"), ('"', '"'), ("„", "”"), ("‘", "’"), ("'", "'")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "januari", "january"),
            ("feb", "februari", "february"),
            ("mrt", "maart", "mar", "march"),
            ("apr", "april"),
            ("mei", "may"),
            ("jun", "juni", "june"),
            ("jul", "juli", "july"),
            ("aug", "augustus", "august"),
            ("sep", "sept", "september"),
            ("okt", "oktober", "oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
DATE_LINE = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)
# Lines of a text copy that are the page around the post, not the post.
CHROME = re.compile(
    r"^(top of page|bottom of page|\d+\s*min\.?\s*(lezen|read)|bijgewerkt:.*|updated:.*"
    r"|\d+ weergaven.*|\d+ views.*|\d+ opmerkingen.*|\d+ comments.*)$",
    re.IGNORECASE,
)
# Lines of the header above the title of a text copy.
META_LINE = re.compile(
    r"^(foto van schrijver|writer's picture|\d+\s*min\.?\s*(lezen|read)|·"
    r"|bijgewerkt:.*|updated:.*)$",
    re.IGNORECASE,
)
FOOTER = re.compile(
    r"^(\d+ weergaven|\d+ views|\d+ opmerkingen|recente blogposts|recent posts"
    r"|alles weergeven|see all|bottom of page)",
    re.IGNORECASE,
)
SKIP_TAGS = {"script", "style", "noscript", "button", "svg", "template", "iframe"}
INLINE_TAGS = {"span", "strong", "b", "em", "i", "u", "a", "br", "s", "sub", "sup"}


class WixImportError(Exception):
    """The source cannot be imported; the message says why and what to do."""


@dataclass
class Post:
    """One Wix post, ready to be written as Markdown."""

    title: str
    blocks: list[tuple] = field(default_factory=list)
    date: datetime | date | None = None
    wix_url: str | None = None
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    summary: str = ""
    images: list[str] = field(default_factory=list)


# -- Markdown -----------------------------------------------------------------------
def escape(text: str) -> str:
    """Text as Markdown that shows exactly these characters."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([`*_\[\]])", r"\\\1", text)
    text = re.sub(r"<(?=[A-Za-z/!?])", "&lt;", text)
    return re.sub(r"&(?=#?\w+;)", "&amp;", text)


def escape_line_start(text: str) -> str:
    """Keep a paragraph from starting a heading, quote or list by accident."""
    text = re.sub(r"^(#|>)", r"\\\1", text)
    text = re.sub(r"^([-+])(\s)", r"\\\1\2", text)
    return re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", text)


def is_quote(text: str) -> bool:
    """A paragraph that is one quotation, like “Great things ...!”."""
    return len(text) > 2 and any(
        text.startswith(o) and text.endswith(c) and c not in text[1:-1]
        for o, c in QUOTES
    )


def tidy(blocks: list[tuple]) -> list[tuple]:
    """The same clean-up for every source: bullet lines, quoted lines."""
    result = []
    for block in blocks:
        if block[0] == "p":
            text = block[1]
            if BULLET.match(text) and BULLET.sub("", text):
                block = ("li", BULLET.sub("", text))
            elif is_quote(text):
                block = ("quote", text)
        result.append(block)
    return result


def to_markdown(blocks: list[tuple]) -> str:
    """Markdown of the blocks: one blank line between them, list items together."""
    out: list[str] = []
    previous = None
    for block in tidy(blocks):
        kind = block[0]
        if kind == "li":
            line = f"- {block[1]}"
        elif kind == "oli":
            line = f"1. {block[1]}"
        elif kind == "quote":
            line = "\n".join(
                f"> {part}" if part else ">" for part in block[1].split("\n")
            )
        elif kind == "h":
            line = f"{'#' * block[1]} {block[2]}"
        elif kind == "img":
            line = f"![{escape(block[2])}]({block[1]})"
        elif kind == "hr":
            line = "***"
        else:
            line = escape_line_start(block[1])
        if out and not (kind == previous and kind in ("li", "oli")):
            out.append("")
        out.append(line)
        previous = kind
    return "\n".join(out) + "\n"


# -- text copies --------------------------------------------------------------------
def parse_date_text(text: str) -> date | None:
    match = DATE_LINE.match(text.strip())
    if match and match[2].lower() in MONTHS:
        return date(int(match[3]), MONTHS[match[2].lower()], int(match[1]))
    return None


def from_text(text: str) -> Post:
    """A text copy of a Wix post page: chrome off, the first real line is the title.

    Above the title Wix may show the writer's photo and name, the date and the reading
    time; when such a header is there, the title is the first line after it.
    """
    lines = [line.strip() for line in text.replace("\r\n", "\n").split("\n")]
    shown = [n for n, line in enumerate(lines) if line and not CHROME.match(line)]
    header = [
        n for n in shown[:6] if META_LINE.match(lines[n]) or parse_date_text(lines[n])
    ]
    if header:
        shown = [n for n in shown if n > max(header)]
    if not shown:
        raise WixImportError("er staat geen tekst in dit bestand")
    start = shown[0]
    dates = [parse_date_text(lines[n]) for n in header]
    post = Post(title=lines[start], date=next((d for d in dates if d), None))
    for line in lines[start + 1 :]:
        if FOOTER.match(line):
            break
        if line:
            post.blocks.append(("p", escape(line)))
    return post


# -- HTML (feed items and saved pages) -----------------------------------------------
def inline(node) -> str:
    """Markdown of an element's inline content."""
    if isinstance(node, NavigableString):
        return escape(re.sub(r"\s+", " ", str(node).replace("\xa0", " ")))
    if not isinstance(node, Tag) or node.name in SKIP_TAGS:
        return ""
    inner = "".join(inline(child) for child in node.children)
    if node.name == "br":
        return "  \n"
    if node.name in ("strong", "b") and inner.strip():
        return f"**{inner.strip()}**"
    if node.name in ("em", "i") and inner.strip():
        return f"*{inner.strip()}*"
    if node.name == "a" and node.get("href") and inner.strip():
        return f"[{inner.strip()}]({node['href']})"
    return inner


def image_of(node: Tag) -> tuple | None:
    img = node if node.name == "img" else node.find("img")
    if not img:
        return None
    src = img.get("src") or img.get("data-src") or img.get("data-pin-media")
    if not src or src.startswith("data:"):
        return None
    return ("img", src, img.get("alt", "").strip())


def html_blocks(container: Tag) -> list[tuple]:
    """The blocks of a piece of Wix rich content."""
    blocks: list[tuple] = []
    for node in container.children:
        if isinstance(node, NavigableString):
            text = inline(node).strip()
            if text:
                blocks.append(("p", text))
            continue
        if not isinstance(node, Tag) or node.name in SKIP_TAGS:
            continue
        name = node.name
        if name in ("p", "pre") or name in INLINE_TAGS:
            if node.find("img"):
                found = image_of(node)
                if found:
                    blocks.append(found)
            text = inline(node).strip()
            if text:
                blocks.append(("p", text))
        elif re.fullmatch(r"h[1-6]", name):
            text = inline(node).strip()
            if text:
                blocks.append(("h", max(2, int(name[1])), text))
        elif name in ("ul", "ol"):
            for item in node.find_all("li", recursive=False):
                text = " ".join(
                    inline(p).strip() for p in (item.find_all("p") or [item])
                ).strip()
                if text:
                    blocks.append(("li" if name == "ul" else "oli", text))
        elif name == "blockquote":
            parts = [inline(p).strip() for p in (node.find_all("p") or [node])]
            text = "\n\n".join(p for p in parts if p)
            if text:
                blocks.append(("quote", text))
        elif name in ("figure", "img"):
            found = image_of(node)
            if found:
                blocks.append(found)
            caption = node.find("figcaption") if name == "figure" else None
            if caption and inline(caption).strip():
                blocks.append(("p", inline(caption).strip()))
        elif name == "hr":
            blocks.append(("hr",))
        else:
            blocks.extend(html_blocks(node))
    return blocks


def from_rss(text: str) -> list[Post]:
    """Every item of a Wix blog feed (blog-feed.xml)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise WixImportError(f"de feed is geen geldige XML ({error})") from error
    posts = []
    for item in root.iter("item"):
        title = (item.findtext("title") or "").strip()
        html = item.findtext("content:encoded", namespaces=NS) or item.findtext(
            "description", ""
        )
        soup = BeautifulSoup(html, "html.parser")
        post = Post(title=title, blocks=html_blocks(soup))
        published = item.findtext("pubDate")
        if published:
            post.date = parsedate_to_datetime(published.strip())
        link = (item.findtext("link") or "").strip()
        post.wix_url = urlsplit(link).path or None
        post.author = (item.findtext("dc:creator", namespaces=NS) or "").strip() or None
        post.categories = [c.text.strip() for c in item.findall("category") if c.text]
        description = (item.findtext("description") or "").strip()
        if description and not description.endswith(("…", "...")):
            post.summary = BeautifulSoup(description, "html.parser").get_text(" ")
        enclosure = item.find("enclosure")
        if enclosure is not None and enclosure.get("url"):
            post.images.append(enclosure.get("url"))
        posts.append(post)
    if not posts:
        raise WixImportError("de feed bevat geen posts (geen <item>)")
    return posts


def from_page(text: str) -> Post:
    """A Wix post page saved from the browser: the article without the page."""
    soup = BeautifulSoup(text, "html.parser")

    def meta(*names: str) -> str:
        for name in names:
            tag = soup.find("meta", attrs={"property": name}) or soup.find(
                "meta", attrs={"name": name}
            )
            if tag and tag.get("content"):
                return tag["content"].strip()
        return ""

    data: dict = {}
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            found = json.loads(script.string or "")
        except ValueError:
            continue
        if isinstance(found, dict) and "BlogPosting" in str(found.get("@type")):
            data = found
    heading = soup.select_one('[data-hook="post-title"]') or soup.find("h1")
    title = (
        (heading.get_text(" ", strip=True) if heading else "")
        or data.get("headline", "")
        or meta("og:title")
    )
    body = (
        soup.select_one('[data-hook="post-description"]')
        or soup.select_one('[data-hook="rich-content-viewer"]')
        or soup.find("article")
    )
    if not title or body is None:
        raise WixImportError(
            "dit is geen opgeslagen Wix-post: geen titel of artikeltekst gevonden"
        )
    for chrome in body.select(
        '[data-hook="post-header"], [data-hook="post-footer"], [data-hook="post-title"]'
    ):
        chrome.decompose()
    post = Post(title=title, blocks=html_blocks(body))
    published = meta("article:published_time") or data.get("datePublished", "")
    if published:
        post.date = datetime.fromisoformat(published.replace("Z", "+00:00"))
    else:
        shown = soup.select_one('[data-hook="time-ago"]')
        post.date = parse_date_text(shown.get_text(strip=True)) if shown else None
    canonical = soup.find("link", rel="canonical")
    url = (canonical.get("href") if canonical else "") or meta("og:url")
    post.wix_url = urlsplit(url).path or None
    author = data.get("author")
    post.author = (author.get("name") if isinstance(author, dict) else None) or None
    post.summary = meta("description", "og:description")
    if post.summary.endswith(("…", "...")):
        post.summary = ""
    return post


def read_posts(source: Path) -> list[Post]:
    """The posts in a feed, page or text copy, told apart by their content."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise WixImportError(f"kan {source} niet lezen ({error})") from error
    head = text.lstrip()[:500].lower()
    if head.startswith("<?xml") or head.startswith("<rss"):
        return from_rss(text)
    if head.startswith(("<!doctype html", "<html")) or "<article" in text:
        return [from_page(text)]
    return [from_text(text)]


# -- writing ------------------------------------------------------------------------
def content_hash(text: str) -> str:
    """The hash of a post without its own hash line."""
    kept = [line for line in text.split("\n") if not line.startswith(f"{HASH_FIELD}:")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]


def edited(path: Path) -> bool:
    """True when the file was written or changed by hand since its last import."""
    text = path.read_text(encoding="utf-8")
    stored = read_source(path).first(HASH_FIELD.lower())
    return stored is None or stored.value != content_hash(text)


def image_name(url: str) -> str:
    """A safe file name for a Wix image: its media id, else the last part of the URL."""
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    if "media" in segments[:-1]:
        name = segments[segments.index("media") + 1]
    else:
        name = segments[-1] if segments else ""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "afbeelding"


def fetch_image(url: str, folder: Path, timeout: float = 5) -> Path | None:
    """Download an image when it can be reached; None when it cannot."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read()
    except (OSError, ValueError) as error:
        logger.debug("image %s not downloaded: %s", url, error)
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / image_name(url)
    target.write_bytes(data)
    return target


def render_post(post: Post, slug: str, body: str, settings: dict) -> str:
    """The Markdown file of an imported post, ending in its own hash."""
    zone = ZoneInfo(settings["TIMEZONE"])
    if isinstance(post.date, datetime):
        when = post.date.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    elif post.date:
        when = post.date.isoformat()
    else:
        when = datetime.now(zone).strftime("%Y-%m-%d %H:%M")
    category = post.categories[0] if post.categories else settings["DEFAULT_CATEGORY"]
    lines = [
        f"Title: {post.title}",
        f"Slug: {slug}",
        f"Date: {when}",
        f"Category: {category}",
    ]
    if post.categories[1:]:
        lines.append(f"Tags: {', '.join(post.categories[1:])}")
    lines.append(f"Summary: {' '.join(post.summary.split())}")
    if post.author and post.author != settings.get("AUTHOR"):
        lines.append(f"Author: {post.author}")
    if post.wix_url:
        lines.append(f"Wix_url: {post.wix_url}")
    text = "\n".join(lines) + "\n\n" + body
    header = "\n".join(lines) + f"\n{HASH_FIELD}: {content_hash(text)}\n\n"
    return header + body


@dataclass
class Outcome:
    """What an import did, for the report to the author."""

    written: list[Path] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)
    images_saved: list[Path] = field(default_factory=list)
    images_missing: list[tuple[str, Path]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def import_wix(
    source: Path,
    settings_file: Path = SETTINGS_FILE,
    force: bool = False,
    when: str | None = None,
    wix_url: str | None = None,
) -> Outcome:
    """Write every post in `source` to content/posts/<slug>.md.

    `when` and `wix_url` fill in what a text copy cannot tell: the date
    (day first, 15-01-2024 09:00, or year first) and the post's old address.
    """
    settings = site_settings(settings_file)
    root = Path(settings_file).resolve().parent
    content = root / settings["PATH"]
    folder = content / settings["ARTICLE_PATHS"][0]
    outcome = Outcome()
    posts = read_posts(Path(source))
    if when:
        try:  # day first, as everywhere: 01-02-2024 is 1 februari 2024
            fixed = read_date(when).replace(tzinfo=ZoneInfo(settings["TIMEZONE"]))
        except DateError as error:
            raise WixImportError(f"{error}: schrijf hem als {DATE_EXAMPLE}") from None
    slugs = [slug_for(post.title, settings) for post in posts]
    for post, slug in zip(posts, slugs, strict=True):
        if not slug:
            raise WixImportError(
                f"van de titel {post.title!r} kan geen slug worden gemaakt"
            )
    # Everything that can stop the import has been checked: now write.
    for post, slug in zip(posts, slugs, strict=True):
        if when:
            post.date = fixed
        if wix_url:
            post.wix_url = urlsplit(wix_url).path or wix_url
        target = folder / f"{slug}.md"
        if target.exists() and not force and edited(target):
            outcome.refused.append(target)
            continue
        blocks = []
        images = [b[1] for b in post.blocks if b[0] == "img"] + [
            url for url in post.images if url not in {b[1] for b in post.blocks}
        ]
        local: dict[str, str] = {}
        for url in images:
            saved = fetch_image(url, content / "images" / slug)
            if saved:
                outcome.images_saved.append(saved)
                local[url] = "{static}/" + saved.relative_to(content).as_posix()
            else:
                outcome.images_missing.append((url, target))
        for block in post.blocks:
            if block[0] == "img" and block[1] in local:
                block = ("img", local[block[1]], block[2])
            blocks.append(block)
        if not post.date:
            outcome.notes.append(
                f"{target}: de datum stond niet in de bron; vul bij Date de echte "
                "datum in"
            )
        if not post.wix_url:
            outcome.notes.append(
                f"{target}: het oude Wix-adres is onbekend; zet het bij Wix_url, "
                "bijvoorbeeld Wix_url: /post/mijn-post"
            )
        text = render_post(post, slug, to_markdown(blocks), settings)
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
        outcome.written.append(target)
    return outcome


def report(outcome: Outcome, root: Path) -> int:
    """Tell the author what happened; the exit code: 1 when a post was left alone."""

    def show(path: Path) -> str:
        path = Path(path).resolve()
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    for path in outcome.written:
        print(f"Geïmporteerd: {show(path)}")
    for path in outcome.images_saved:
        print(f"Afbeelding opgeslagen: {show(path)}")
    for url, path in outcome.images_missing:
        print(
            f"{show(path)}: afbeelding niet te downloaden: {url} (sla hem zelf op in "
            f"content/images/ en pas de link in de post aan)"
        )
    for note in outcome.notes:
        print(note)
    for path in outcome.refused:
        print(
            f"{show(path)}: niet overschreven, want je hebt deze post na het "
            "importeren "
            "aangepast (of zelf geschreven); gebruik --force om hem toch te vervangen"
        )
    return 1 if outcome.refused else 0
