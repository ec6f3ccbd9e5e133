"""Old Wix posts into Markdown: from the blog feed, a saved post page or a text copy.

Every source becomes the post's rich content as HTML plus its metadata; the HTML is
turned into Markdown by authoring/wix_markdown.py and its images are downloaded by
authoring/wix_fetch.py. One run writes all its posts or none: everything is written
to a staging folder first and moved into content/ at the end.
"""

import hashlib
import html
import json
import os
import re
import shutil
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup
from sitekit.dates import SLUG, DateError, read_date
from sitekit.header import read_source
from sitekit.lines import line_in, line_with

from .catalog import Problem, worded, words
from .messages import shown
from .source import SETTINGS_FILE, site_settings, slug_for
from .wix_fetch import DEADLINE, FetchError, fetch_image
from .wix_markdown import MISSING_ALT, WixConverter, one_line, prepare, to_markdown

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
HASH_FIELD = "Import_hash"
TRUNCATED = ("…", "...")
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
# Wix's image service: /media/<id>/v1/<transformation>/<name> is a resized copy.
WIX_STATIC = "https://static.wixstatic.com"
TRANSFORMATION = re.compile(r"(/media/[^/?#]+)/v1/.*$")
MIRRORED = re.compile(r"(?:^|/)(static\.wixstatic\.com/media/.+)$")
WIX_FILE = re.compile(r"^[0-9a-f]{6}_[0-9a-f]{32}~mv2\.\w+$")
VIDEO = re.compile(r"youtube|youtu\.be|vimeo")
NAME_LENGTH = 80  # characters of a slug or image name: a file name and an address
SOURCE_SHOWN = 80  # characters of a skipped image's source in the report
IMPORT_DEADLINE = 15 * 60  # seconds for all downloads of one import


class WixImportError(Exception):
    """The source cannot be imported: a code of the catalog, its parameters and the
    line; the message is the catalog's."""

    def __init__(self, code: str, line: int = 1, **params):
        self.code, self.line, self.params = code, line, params
        super().__init__(words(code, params)[0])

    def told(self, source: str | Path) -> str:
        """The one line the author reads, naming the source file."""
        return str(worded(str(source), self.line, self.code, self.params))


FEEDS = (".xml", ".rss")
SOURCE_SUFFIXES = (*FEEDS, ".html", ".htm", ".txt", "")


@dataclass
class Post:
    """One Wix post, ready to be written as Markdown."""

    title: str
    html: str = ""
    date: datetime | date | str | None = None
    wix_url: str | None = None
    author: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    cover: str | None = None
    teaser_only: bool = False
    skipped: list[str] = field(default_factory=list)  # image sources not imported

    def embeds(self) -> tuple[list[str], list[tuple[str, str]]]:
        """The post's images (each once, in order) and its videos (title, page)."""
        found: list[str] = []
        converter = WixConverter(lambda src: found.append(src) or src)
        converter.convert_soup(prepare(BeautifulSoup(self.html, "html.parser")))
        return list(dict.fromkeys(found)), converter.videos

    def markdown(self, local: dict[str, str] | None = None) -> str:
        """The body as Markdown, with images at their `local` addresses."""
        local = local or {}
        return to_markdown(self.html, lambda src: local.get(src, src))


# -- metadata -----------------------------------------------------------------------
def one_line_value(value: str) -> str:
    """A metadata value on one line: line breaks and control characters are spaces."""
    cleaned = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c for c in value
    )
    return " ".join(cleaned.split())


def encoded_path(path: str) -> str:
    """An old address's path percent-encoded as the build wants it."""
    return quote(unquote(path), safe="/-._~")


def old_address(url: str) -> str | None:
    """The path of an absolute old address, percent-encoded as the build wants it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.path.strip("/"):
        return None
    return encoded_path(parts.path)


def normal_address(value: str) -> str | None:
    """An old address as the import writes it, whether given as a path or a URL."""
    return old_address(value if "://" in value else urljoin("https://wix/", value))


def original_image(src: str) -> str | None:
    """The full-size address of a Wix image: no resizing, no blurred placeholder."""
    src = src.strip().replace("\\", "/")
    mirrored = MIRRORED.search(src)
    if mirrored and not urlsplit(src).scheme:  # ../../static.wixstatic.com/media/...
        src = "https://" + mirrored[1]
    if urlsplit(src).scheme not in ("http", "https"):
        name = unquote(src.split("?")[0].rsplit("/", 1)[-1])
        # A copy the browser saved next to the page is named after its media id.
        return f"{WIX_STATIC}/media/{name}" if WIX_FILE.match(name) else None
    return TRANSFORMATION.sub(r"\1", src)


def clean_images(soup: BeautifulSoup) -> list[str]:
    """Point every image at its original; a placeholder and its image become one.
    Returns the sources of the images dropped: not on the internet (file:, a path on
    the computer it was saved on, an image inside the page)."""
    previous, dropped = None, []
    for img in soup.find_all("img"):
        sources = [img.get(a) for a in ("data-pin-media", "src", "data-src")]
        src = next((s for s in sources if s and not s.startswith("data:")), "")
        original = original_image(src) if src else None
        if original and previous is not None and original == previous["src"]:
            previous["alt"] = previous.get("alt") or img.get("alt") or ""
            original = None
        elif not original:
            dropped.append(shortened(src or next((s for s in sources if s), "")))
        if not original:
            img.decompose()
            continue
        img["src"] = original
        previous = img
    return [source for source in dropped if source]


def shortened(text: str) -> str:
    """A long source (an image inside the page) as the author can read it."""
    text = one_line_value(text)
    return text if len(text) <= SOURCE_SHOWN else text[: SOURCE_SHOWN - 1] + "…"


def cover_image(src: str, post: "Post") -> str | None:
    """The original of a cover image; one not on the internet is named as skipped."""
    original = original_image(src)
    if not original:
        post.skipped.append(shortened(src))
    return original


def own_summary(description: str, body: str) -> str:
    """The summary the author wrote on Wix, as Markdown on one line; "" for Wix's own
    excerpt (the first words of the post, its blocks run together and cut anywhere):
    then the site makes one from the text, between words."""
    text = BeautifulSoup(description, "html.parser").get_text()
    squeezed = re.sub(r"\s+", "", text)
    start = re.sub(r"\s+", "", BeautifulSoup(body, "html.parser").get_text())
    if not squeezed or text.rstrip().endswith(TRUNCATED) or start.startswith(squeezed):
        return ""
    return one_line(description)


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
        raise WixImportError("wix-text-empty")
    start = shown[0]
    dates = [parse_date_text(lines[n]) for n in header]
    body = []
    for line in lines[start + 1 :]:
        if FOOTER.match(line):
            break
        if line:
            body.append(f"<p>{html.escape(line)}</p>")
    return Post(
        title=lines[start],
        html="".join(body),
        date=next((d for d in dates if d), None),
    )


# -- feeds --------------------------------------------------------------------------
def from_rss(text: str) -> list[Post]:
    """Every item of a Wix blog feed (blog-feed.xml)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise WixImportError("wix-feed-invalid", error.position[0]) from error
    posts = []
    for item in root.iter("item"):
        content = item.findtext("content:encoded", namespaces=NS)
        description = (item.findtext("description") or "").strip()
        soup = BeautifulSoup(content or description, "html.parser")
        skipped = clean_images(soup)
        categories = [
            html.unescape(c.text.strip()) for c in item.findall("category") if c.text
        ]
        post = Post(
            title=html.unescape((item.findtext("title") or "").strip()),
            html=str(soup),
            wix_url=old_address(item.findtext("link") or ""),
            author=html.unescape(item.findtext("dc:creator", namespaces=NS) or "")
            or None,
            category=categories[0] if categories else None,
            tags=categories[1:],
            teaser_only=not (content or "").strip(),
            skipped=skipped,
        )
        published = (item.findtext("pubDate") or "").strip()
        if published:
            try:
                post.date = parsedate_to_datetime(published)
            except (TypeError, ValueError):
                post.date = None
        post.summary = own_summary(description, post.html)
        enclosure = item.find("enclosure")
        if enclosure is not None and enclosure.get("url"):
            post.cover = cover_image(enclosure.get("url"), post)
        posts.append(post)
    if not posts:
        raise WixImportError("wix-feed-empty")
    return posts


# -- saved pages --------------------------------------------------------------------
def page_data(soup: BeautifulSoup) -> dict:
    """The page's JSON-LD BlogPosting, if it has one."""
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            found = json.loads(script.string or "")
        except ValueError:
            continue
        for candidate in found if isinstance(found, list) else [found]:
            if isinstance(candidate, dict) and "Posting" in str(candidate.get("@type")):
                return candidate
    return {}


def first_of(value) -> str | None:
    """A JSON-LD text given once, as a list or as a thing with a name: the first."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return (value.strip() or None) if isinstance(value, str) else None


def from_page(text: str) -> Post:
    """A Wix post page saved from the browser or a mirroring tool."""
    soup = BeautifulSoup(text, "html.parser")

    def metas(name: str) -> list[str]:
        tags = soup.find_all("meta", attrs={"property": name}) + soup.find_all(
            "meta", attrs={"name": name}
        )
        return [t["content"].strip() for t in tags if (t.get("content") or "").strip()]

    def meta(*names: str) -> str:
        return next((found[0] for name in names if (found := metas(name))), "")

    data = page_data(soup)
    heading = soup.select_one('[data-hook="post-title"]') or soup.find("h1")
    title = (
        (heading.get_text(" ", strip=True) if heading else "")
        or str(data.get("headline") or "")
        or meta("og:title")
    )
    body = (
        soup.select_one('[data-hook="rich-content-viewer"]')
        or soup.select_one('[data-hook="post-description"]')
        or soup.find("article")
    )
    if not title or body is None:
        raise WixImportError("wix-page-not-a-post")
    for chrome in body.select(
        '[data-hook="post-header"], [data-hook="post-footer"], [data-hook="post-title"]'
    ):
        chrome.decompose()
    for player in body.find_all(attrs={"data-src": VIDEO}):
        player.name = "iframe"  # a lazy video player: a link to the video
    post = Post(title=title, skipped=clean_images(body))
    post.html = str(body)
    published = meta("article:published_time") or str(data.get("datePublished") or "")
    try:
        post.date = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        shown = soup.select_one('[data-hook="time-ago"]')
        post.date = parse_date_text(shown.get_text(strip=True)) if shown else None
    # A mirroring tool makes the canonical link relative; og:url stays absolute.
    canonical = soup.find("link", rel="canonical")
    post.wix_url = (
        old_address(meta("og:url"))
        or old_address(canonical.get("href") or "" if canonical else "")
        or old_address(str(data.get("url") or ""))
    )
    post.author = (
        first_of(data.get("author")) or meta("article:author", "author") or None
    )
    post.category = meta("article:section") or first_of(data.get("articleSection"))
    keywords = data.get("keywords") or []
    if isinstance(keywords, str):
        keywords = keywords.split(",")
    keywords = [k.strip() for k in keywords if isinstance(k, str) and k.strip()]
    post.tags = list(dict.fromkeys(metas("article:tag") or keywords))
    summary = meta("description", "og:description")
    post.summary = own_summary(html.escape(summary), post.html)
    cover = meta("og:image")
    post.cover = cover_image(cover, post) if cover else None
    return post


def read_posts(source: Path) -> list[Post]:
    """The posts in a feed, page or text copy, told apart by their content."""
    suffix = source.suffix.lower()
    if suffix not in SOURCE_SUFFIXES and source.is_file():
        raise WixImportError("wix-source-kind", suffix=suffix)
    try:
        text = source.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise WixImportError("not-utf8") from None
    except FileNotFoundError:
        raise WixImportError("wix-source-missing") from None
    except OSError:
        raise WixImportError("wix-source-unreadable") from None
    head = text.lstrip().removeprefix("\ufeff")[:500].lower()
    if head.startswith("<?xml") or head.startswith("<rss") or suffix in FEEDS:
        return from_rss(text)
    if head.startswith(("<!doctype html", "<html")) or "<article" in text:
        return [from_page(text)]
    return [from_text(text)]


# -- writing ------------------------------------------------------------------------
def content_hash(text: str) -> str:
    """The hash of a post without its own hash line."""
    kept = [line for line in text.split("\n") if not line.startswith(f"{HASH_FIELD}:")]
    return hashlib.sha256("\n".join(kept).encode("utf-8")).hexdigest()[:16]


def fields_of(path: Path) -> dict[str, str]:
    """The header of a post already on disk, by lower-case field name."""
    return {f.name.lower(): f.value for f in read_source(path).fields}


def edited(path: Path) -> bool:
    """True when the file was written or changed by hand since its last import."""
    stored = fields_of(path).get(HASH_FIELD.lower())
    return stored is None or stored != content_hash(path.read_text(encoding="utf-8"))


def image_name(url: str, suffix: str, taken: set[str]) -> str:
    """A safe file name for a Wix image: its media id, else the last part of the URL;
    -2, -3, ... when the post has an image of that name already (added to `taken`)."""
    segments = [unquote(s) for s in urlsplit(url).path.split("/") if s]
    name = segments[-1] if segments else ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", name.rsplit(".", 1)[0]).strip("-")
    stem = stem[:NAME_LENGTH].strip("-") or "afbeelding"
    chosen, number = stem + suffix, 2
    while chosen.lower() in taken:
        chosen, number = f"{stem}-{number}{suffix}", number + 1
    taken.add(chosen.lower())
    return chosen


def short_slug(slug: str) -> str:
    """A slug of at most NAME_LENGTH characters, cut between words when it can be."""
    if len(slug) <= NAME_LENGTH:
        return slug
    cut = slug[: NAME_LENGTH + 1]
    cut = cut[: cut.rfind("-")] if "-" in cut[NAME_LENGTH // 2 :] else cut
    return cut[:NAME_LENGTH].strip("-_")


def render_post(post: Post, slug: str, body: str, settings: dict) -> str:
    """The Markdown file of an imported post, ending in its own hash."""
    zone = ZoneInfo(settings["TIMEZONE"])
    if isinstance(post.date, datetime):
        when = post.date.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    elif isinstance(post.date, date):
        when = post.date.isoformat()
    else:
        when = post.date or datetime.now(zone).strftime("%Y-%m-%d %H:%M")
    fields = {
        "Title": post.title,
        "Slug": slug,
        "Date": when,
        "Category": post.category or settings["DEFAULT_CATEGORY"],
        "Tags": ", ".join(one_line_value(t).replace(",", " ") for t in post.tags),
        "Summary": post.summary,
        "Status": "draft" if post.teaser_only else "",
        "Author": post.author if post.author != settings.get("AUTHOR") else "",
        "Wix_url": post.wix_url,
        "Image": post.cover,
        "Image_alt": MISSING_ALT if post.cover else "",
    }
    lines = [
        f"{name}: {one_line_value(value)}"
        for name, value in fields.items()
        if value and one_line_value(value)
    ]
    text = "\n".join(lines) + "\n\n" + body
    header = "\n".join(lines) + f"\n{HASH_FIELD}: {content_hash(text)}\n\n"
    return header + body


@dataclass
class Outcome:
    """What an import did, for the report to the author."""

    written: list[Path] = field(default_factory=list)
    refused: list[Path] = field(default_factory=list)
    images_saved: list[Path] = field(default_factory=list)
    images_missing: list[tuple[str, Path, str]] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


def same_name(name: str, names: tuple[str, ...]) -> bool:
    """Whether `name` is one of `names`, whatever its case and spacing."""
    key = " ".join(name.casefold().split())
    return bool(key) and key in {" ".join(n.casefold().split()) for n in names}


def choose_slugs(posts: list[Post], folder: Path, settings: dict) -> list[str]:
    """A slug per post: posts with the same title get -2, -3, ... and a post already
    imported from another Wix address keeps its file."""
    taken: set[str] = set()
    slugs = []
    for post in posts:
        base = short_slug(slug_for(post.title, settings))
        if not SLUG.fullmatch(base):  # only a slug the site accepts (sitekit.dates)
            raise WixImportError("wix-title-no-slug", value=post.title)
        slug, number = base, 2
        while slug in taken or (
            (folder / f"{slug}.md").exists()
            and post.wix_url
            and normal_address(
                fields_of(folder / f"{slug}.md").get("wix_url", post.wix_url)
            )
            != post.wix_url
        ):
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        slugs.append(slug)
    return slugs


def import_wix(
    source: Path,
    settings_file: Path = SETTINGS_FILE,
    force: bool = False,
    when: str | None = None,
    wix_url: str | None = None,
    allow_loopback: bool = False,
    seconds: float = IMPORT_DEADLINE,
    owner_names: tuple[str, ...] = (),
) -> Outcome:
    """Write every post in `source` to content/posts/<slug>.md, all or none.

    `when` and `wix_url` fill in what a text copy cannot tell: the date
    (day first, 15-01-2024 09:00, or year first) and the post's old address.
    `owner_names` are the names the owner wrote under on Wix: her posts are hers
    (AUTHOR), not a guest author's.
    `allow_loopback` is for tests that serve images from 127.0.0.1; the command
    line never sets it. All downloads end within `seconds`; an image still coming
    then is listed as not downloaded.
    """
    deadline = time.monotonic() + seconds
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
            raise WixImportError(error.code, **error.params) from None
    slugs = choose_slugs(posts, folder, settings)
    with tempfile.TemporaryDirectory(dir=root, prefix=".wix-import-") as staging:
        staged: list[tuple[Path, Path]] = []
        for post, slug in zip(posts, slugs, strict=True):
            target = folder / f"{slug}.md"
            if target.exists() and not force and edited(target):
                outcome.refused.append(target)
                continue
            show = target.relative_to(root).as_posix()
            before = fields_of(target) if target.exists() else {}
            if when:
                post.date = fixed
            elif post.date is None:
                post.date = before.get("date")
            if wix_url:
                post.wix_url = normal_address(wix_url)
            post.wix_url = post.wix_url or before.get("wix_url")
            # A saved page after its feed: the feed's category and tags stay.
            post.category = post.category or before.get("category")
            post.tags = post.tags or [
                t.strip() for t in before.get("tags", "").split(",") if t.strip()
            ]
            post.author = post.author or before.get("author")
            if same_name(post.author or "", owner_names):
                post.author = settings["AUTHOR"]
            images, videos = post.embeds()
            local, names = {}, set()
            for url in dict.fromkeys(images + [post.cover] * bool(post.cover)):
                soon = min(deadline, time.monotonic() + DEADLINE)
                try:
                    data, suffix = fetch_image(url, allow_loopback, deadline=soon)
                except FetchError as problem:
                    outcome.images_missing.append((url, target, str(problem)))
                    continue
                relative = Path("images", slug, image_name(url, suffix, names))
                (Path(staging) / relative).parent.mkdir(parents=True, exist_ok=True)
                (Path(staging) / relative).write_bytes(data)
                staged.append((Path(staging) / relative, content / relative))
                local[url] = "{static}/" + relative.as_posix()
            if post.cover:
                post.cover = local.get(post.cover, "").removeprefix("{static}/")
            text = render_post(post, slug, post.markdown(local), settings)
            author_notes(post, videos, show, text, outcome)
            staged_post = Path(staging) / "posts" / f"{slug}.md"
            staged_post.parent.mkdir(parents=True, exist_ok=True)
            staged_post.write_text(text, encoding="utf-8")
            staged.append((staged_post, target))
            outcome.written.append(target)
        # Everything is ready: move it into place.
        for staged_file, final in staged:
            final.parent.mkdir(parents=True, exist_ok=True)
            os.chmod(staged_file, 0o644)
            shutil.move(staged_file, final)
            if final.suffix != ".md":
                outcome.images_saved.append(final)
    return outcome


def author_notes(
    post: Post,
    videos: list[tuple[str, str]],
    show: str,
    text: str,
    outcome: Outcome,
) -> None:
    """What the author still has to do for this post, one Dutch line each, at the
    line of the post it is about."""
    lines = text.splitlines()

    def note(needle: str, code: str, **params) -> None:
        outcome.notes.append(worded(show, line_in(lines, needle), code, params))

    if post.teaser_only:
        note("Status: draft", "wix-shortened-draft")
    if not post.date:
        note("Date: ", "wix-date-unknown")
    if not post.wix_url:
        note("", "wix-address-unknown")
    for source in post.skipped:
        note("", "wix-image-skipped", source=source)
    for title, page in videos:
        note(page, "wix-video-linked", value=title, page=page)


def report(outcome: Outcome, root: Path) -> int:
    """Tell the author what happened; the exit code: 1 when a post was left alone."""
    for path in outcome.written:
        print(f"Geïmporteerd: {shown(path, root=root)}")
    for path in outcome.images_saved:
        print(f"Afbeelding opgeslagen: {shown(path, root=root)}")
    for url, path, reason in outcome.images_missing:
        params = {"url": url, "reason": reason}
        print(
            worded(
                shown(path, root=root), line_with(path, url), "wix-image-missed", params
            )
        )
    for note in outcome.notes:
        print(note)
    for path in outcome.refused:
        print(worded(shown(path, root=root), 1, "wix-post-edited"))
    return 1 if outcome.refused else 0
