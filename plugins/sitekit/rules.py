"""What the build tells the author about a post or page without refusing it.

At the end of every build (`invoke check`, `invoke build`, the preview, `publish`),
each post and page Pelican read is checked on its own source lines and its HTML:
header fields the site does not read, a field line below the blank line, a date in
the future, a missing summary or photo, the example text of `invoke new-post`,
links to what the build did not write (sitekit.findings.outputs), images on
another website or without a description, headings that skip a level, a title used
twice, and a file in the posts' folders the build does not read. And in the owner's
settings, an example address (`.example`) she has
not replaced: a warning, an error when PUBLISHING (publishconf.py). Each is reported
(sitekit.findings.report, report_setting) with its code and parameters; the author's
catalog (authoring/problems.nl.yaml) words it and says how bad it is.
"""

import difflib
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from zoneinfo import ZoneInfo

from markdown.extensions.meta import META_RE
from pelican import signals
from pelican.contents import Article
from pelican.readers import MarkdownReader

from . import build, findings
from .findings import outputs, report, report_setting
from .header import known_fields, split_header
from .markup import AllowedMarkup
from .owner import own_file

# The example body `invoke new-post` writes (authoring/new_post.py).
PLACEHOLDER = "Schrijf hier je post. Een lege regel begint een nieuwe alinea."
FENCE = re.compile(r"^\s*(```|~~~)")
DUTCH_FIELDS = {
    "titel": "Title",
    "datum": "Date",
    "categorie": "Category",
    "samenvatting": "Summary",
    "beschrijving": "Description",
    "werkblad": "Worksheet",
    "checklijst": "Checklist",
}
INTRASITE = re.compile(r"^[{|]\w+[|}]")  # {static}, {filename}: Pelican checks those
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "//")
PAGE_SUFFIXES = ("", ".html", ".htm")
KINDS = ("articles", "translations", "drafts", "drafts_translations", "pages")
KINDS += ("hidden_pages", "hidden_translations", "draft_pages", "draft_translations")


class Elements(AllowedMarkup):
    """Images, links and headings of a post's HTML, in document order (what the
    site refuses in it stopped the build's reader already)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self._heading: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img":
            self.found.append(("img", attributes))
        elif tag == "a" and attributes.get("href") is not None:
            self.found.append(("a", attributes))
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = {"level": int(tag[1]), "text": ""}
            self.found.append(("h", self._heading))

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading["text"] += data


def items(generators) -> list:
    """Every post and page the build read, each once, in source order."""
    found = {}
    for generator in generators:
        for kind in KINDS:
            for item in getattr(generator, kind, []):
                found.setdefault(item.source_path, item)
    return [found[path] for path in sorted(found)]


def unknown_fields(path, source) -> None:
    """Header fields the site does not read, each with what it may have meant (of a
    post the build read, and by the reader of one it could not)."""
    known = known_fields()
    last = source.fields[-1] if source.fields else None
    for field in source.fields:
        key = field.name.lower()
        if key in known:
            continue
        hint = DUTCH_FIELDS.get(key) or next(
            (m.capitalize() for m in difflib.get_close_matches(key, known, 1, 0.8)),
            None,
        )
        if hint:
            report(path, field.line, "field-unknown", name=field.name, hint=hint)
        elif field is last and source.interrupted is None:
            report(path, field.line, "field-is-text", name=field.name)
        else:
            report(path, field.line, "field-unused", name=field.name)


class Rules:
    def __init__(self, settings: dict):
        self.settings = settings
        self.zone = ZoneInfo(settings["TIMEZONE"])
        self.now = datetime.now(self.zone)
        self.links: list[tuple] = []  # checked once the build has written
        self.sources: dict = {}  # source path -> its sitekit.header.Source

    def check(self, item) -> None:
        source = self.read(item.source_path)
        if source is not None:
            self.sources[item.source_path] = source
            self.header(item, source)
            self.body(item, source)

    @staticmethod
    def read(path: str):
        """The Markdown source at `path`, split into header and body (None: none)."""
        if not path.endswith(tuple(MarkdownReader.file_extensions)):
            return None
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        text = text.replace("\r\n", "\n").expandtabs(4).removeprefix("\ufeff")
        return split_header(text, Path(path))

    def header(self, item, source) -> None:
        path = item.source_path
        unknown_fields(path, source)
        slug = source.first("slug")
        if slug and not slug.value:
            report(path, slug.line, "slug-empty")
        title = source.first("title")
        if title and title.value and not getattr(item, "slug", ""):
            report(path, title.line, "slug-impossible")  # else no page, not a word
        date = source.first("date")
        when = getattr(item, "date", None)
        if date and when and item.status != "draft":
            aware = when if when.tzinfo else when.replace(tzinfo=self.zone)
            if aware > self.now:
                report(path, date.line, "date-future", value=date.value)
        if isinstance(item, Article):
            summary = source.first("summary")
            if summary is None:
                report(path, 1, "summary-missing")
            elif not summary.value:
                report(path, summary.line, "summary-empty")
        template = str(getattr(item, "template", "") or "")
        if template in ("home", "about") and not getattr(item, "photo", None):
            report(path, 1, "photo-missing")

    def body(self, item, source) -> None:
        path = item.source_path
        fenced = False
        interrupted = source.interrupted is not None  # the reader refused that
        for number in range(source.body_start, len(source.lines) + 1):
            text = source.lines[number - 1]
            interrupted = interrupted and bool(text.strip())
            if FENCE.match(text):
                fenced = not fenced
            match = None if fenced or interrupted else META_RE.match(text)
            if match and match["key"].lower() in known_fields():
                report(path, number, "field-in-body", name=match["key"])
        placeholder = source.line_of(PLACEHOLDER, source.body_start, exact=True)
        if placeholder:
            report(path, placeholder, "placeholder-left")
        elements = Elements()
        elements.feed(item._content or "")
        cursor = source.body_start
        level = 1  # the page title is the only h1
        for kind, attrs in elements.found:
            needle = {
                "img": attrs.get("src") or "",
                "a": attrs.get("href") or "",
                "h": attrs.get("text", "").strip(),
            }[kind]
            line = cursor = source.line_of(needle, cursor)
            if kind == "img":
                if attrs.get("alt") is None:  # an empty one: Pelican's own warning
                    image = Path(urlsplit(needle).path).name or needle
                    report(path, line, "image-alt-missing", image=image)
                self.links.append((item, line, needle, True))
            elif kind == "a":
                self.links.append((item, line, needle, False))
            else:
                if attrs["level"] == 1:
                    report(path, line, "heading-title", heading=needle)
                elif attrs["level"] > level + 1:
                    wanted, written = "#" * (level + 1), "#" * attrs["level"]
                    report(
                        path, line, "heading-skip",
                        heading=needle, wanted=wanted, written=written,
                    )  # fmt: skip
                level = attrs["level"]

    def link(self, item, line: int, href: str, image: bool = False) -> None:
        href = href.strip()
        public = (self.settings.get("SITE_PUBLIC_URL") or "").rstrip("/")
        if public and href.startswith(public + "/"):
            href = href[len(public) :]
        if INTRASITE.match(href):
            return
        if image and href.lower().startswith(EXTERNAL[:2] + ("//",)):
            report(item.source_path, line, "image-remote", url=href)
            return
        if not href or href.startswith(("#", "?")) or href.lower().startswith(EXTERNAL):
            return
        target = unquote(urlsplit(urljoin("/" + item.url, href)).path).lstrip("/")
        candidates = {target, target.rstrip("/") + "/index.html", target + "index.html"}
        if target == "" or candidates & outputs(self.settings):
            return
        if image:
            code = "image-missing"
        else:
            suffix = Path(target).suffix.lower()
            code = "page-missing" if suffix in PAGE_SUFFIXES else "file-missing"
        report(item.source_path, line, code, url=href)

    def titles_taken(self, found: list) -> None:
        """A title used twice in one language: reported at every file using it."""
        default = self.settings["DEFAULT_LANG"]
        groups: dict[tuple, list] = {}
        for item in found:
            lang = str(getattr(item, "lang", None) or default).strip().lower()
            title = str(getattr(item, "title", "") or "")
            if title:
                group = (isinstance(item, Article), lang, title.lower())
                groups.setdefault(group, []).append(item)
        for same in groups.values():
            for item in same if len(same) > 1 else []:
                others = ", ".join(
                    shown(o.source_path, self.settings) for o in same if o is not item
                )
                source = self.sources.get(item.source_path)
                title = source.first("title") if source else None
                line = title.line if title else 1
                report(
                    item.source_path, line, "title-taken",
                    value=item.title, others=others,
                )  # fmt: skip

    def not_read(self, extensions) -> None:
        """A file in the posts' or pages' folders that no reader reads."""
        content = Path(self.settings["PATH"])
        for key in ("ARTICLE", "PAGE"):
            excludes = self.settings[f"{key}_EXCLUDES"]
            for folder in self.settings[f"{key}_PATHS"]:
                for path in sorted((content / folder).rglob("*")):
                    relative = path.relative_to(content)
                    if (
                        not path.is_file()
                        or any(part.startswith(".") for part in relative.parts)
                        or any(relative.is_relative_to(e) for e in excludes)
                        or path.suffix.lstrip(".") in extensions
                    ):
                        continue
                    folder_shown = shown(path.parent, self.settings)
                    report(path, 1, "not-markdown", name=path.name, folder=folder_shown)


def shown(path, settings: dict) -> str:
    """A file as the author names it: from the content folder's parent."""
    path = Path(path).resolve()
    base = Path(settings["PATH"]).resolve().parent
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)


def example_addresses(settings: dict) -> None:
    """An address of her settings that is still an example (`.example`): a warning
    while she previews and builds, an error when PUBLISHING (publishconf.py). Only
    when the settings are the built content's (sitekit.owner.own_file)."""
    if not own_file(settings):
        return
    values = [("SITE_PUBLIC_URL", settings.get("SITE_PUBLIC_URL"))]
    values += [
        (f"BUSINESS.{k}", v) for k, v in (settings.get("BUSINESS") or {}).items()
    ]
    code = (
        "example-address-publish" if settings.get("PUBLISHING") else "example-address"
    )
    for path, value in values:
        if isinstance(value, str) and ".example" in value:
            name, _dot, rest = path.partition(".")  # as her file names it
            key = ".".join(filter(None, (name.lower(), rest)))
            report_setting(path, code, key=key, value=value)


def on_all_generators_finalized(generators) -> None:
    """Every post and page the build read: all but their links now, before
    anything is written (a build that stops while writing has told these)."""
    settings = generators[0].settings
    rules = build.of(settings).rules = Rules(settings)
    found = items(generators)
    for item in found:
        rules.check(item)
    rules.titles_taken(found)
    rules.not_read(generators[0].readers.extensions)


def on_build_start(pelican) -> None:
    """get_generators, the first signal of a build (`initialized` also comes when
    Pelican only serves): her settings' findings first, told even when a post's
    read error stops the build before its generators are done. Adds no generator."""
    example_addresses(pelican.settings)


def on_finalized(pelican) -> None:
    """The links, once what the build writes is known."""
    rules = getattr(build.of(pelican.settings), "rules", None)
    for link in rules.links if rules else ():
        rules.link(*link)


def register() -> None:
    signals.get_generators.connect(on_build_start)
    signals.all_generators_finalized.connect(on_all_generators_finalized)
    signals.finalized.connect(on_finalized)
    signals.finalized.connect(findings.fail_at_the_end)  # after the links are told
