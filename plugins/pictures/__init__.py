"""Pictures: images resized at build time, and content markup that fits any screen.

An author drops a photo of any size in content/images/. Its original is never
published: every page that shows it gets a <picture> of resized WebP and JPEG variants
(`resize`), written into the page after Pelican wrote it (`markup`), so it works the
same for Markdown images, cover images (`Image:`) and the theme's own <img> tags.
Nothing else in content/images/ is published (dotfiles, notes, SVGs, HEIC photos); a
page that shows or links one stops the build with a `resize.PictureError`.
"""

import os
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from pelican import signals
from sitekit import build

from . import resize
from .markup import for_feed, rewrite
from .resize import PictureError, refusal

# The end of an attribute value naming a raster image: where a link may need rewriting.
RASTER_END = re.compile(r'\.(?:jpe?g|png|webp|gif|tiff?)"', re.I)
# Where a page names a file: to find links to a file that is not published.
NAMED = re.compile(r'\b(?:src|href|srcset)="([^"]+)"', re.I)


@dataclass
class Pictures:
    """One build's pictures (`build.Build.pictures`)."""

    settings: dict
    sources: dict = field(default_factory=dict)  # URL of an original -> its Path
    made: dict = field(default_factory=dict)  # that URL -> resize.Picture
    refused: dict = field(default_factory=dict)  # URL in content/images/ -> reason


def on_initialized(pelican) -> None:
    build.of(pelican.settings).pictures = Pictures(pelican.settings)


def on_static_finalized(generator) -> None:
    """Keep raster originals linkable (`{static}`) but never copy them to the output;
    nothing else in content/images/ is copied either."""
    state = build.of(generator.settings).pictures
    images = (Path(generator.path) / "images").resolve()
    kept = []
    for static in generator.context["staticfiles"]:
        source = Path(static.source_path)
        if not source.resolve().is_relative_to(images):
            kept.append(static)
        elif reason := refusal(source):
            state.refused[static.url] = reason
        else:
            state.sources[static.url] = source
    generator.context["staticfiles"][:] = kept  # the generator's own list


def picture_for(state: Pictures, source: Path, url: str) -> resize.Picture:
    """The variants of the original `source` published at `url`, made once a build."""
    if url not in state.made:
        state.made[url] = resize.make(
            source,
            Path(state.settings["OUTPUT_PATH"]) / posixpath.dirname(url),
            Path(state.settings["CACHE_PATH"]) / "pictures",
            url,
        )
    return state.made[url]


def public_picture(state: Pictures, url: str) -> resize.Picture | None:
    """The variants of the original at `url` (relative to the site root), if any."""
    source = state.sources.get(url)
    return picture_for(state, source, url) if source else None


@dataclass(frozen=True)
class PostImage:
    """The widest JPEG of a post's own `Image:`: `path` from the site root."""

    path: str
    width: int
    height: int


def post_image(state: Pictures, article) -> PostImage | None:
    """The post's own `Image:` (a photo in content/images/), published; a value
    that is no such photo stops the build."""
    value = article.metadata.get("image")
    if not value:
        return None
    settings = state.settings
    relative = value.strip().lstrip("/")
    source = (Path(settings["PATH"]) / relative).resolve()
    images = (Path(settings["PATH"]) / "images").resolve()
    if not (source.is_relative_to(images) and source.is_file()) or refusal(source):
        where = os.path.relpath(article.source_path, settings["PATH"])
        raise PictureError(value.strip(), "outside", where=f"{where}: Image")
    largest = picture_for(state, source, relative).largest
    folder = relative.rpartition("/")[0]
    path = posixpath.join(folder, largest.name)
    return PostImage(path, largest.width, largest.height)


def on_articles_finalized(generator) -> None:
    """Publish each post's own `Image:` as `article.image_jpeg` (findability's Open
    Graph image), the posts and their translations."""
    state = build.of(generator.settings).pictures
    for article in [*generator.articles, *generator.translations]:
        article.image_jpeg = post_image(state, article)


def _site_url(src: str, page_url: str, siteurl: str) -> str:
    """`src` as written in a page at `page_url`, relative to the site root."""
    if siteurl and "://" in siteurl and src.startswith(siteurl + "/"):
        return src[len(siteurl) + 1 :]
    if "://" in src or src.startswith("data:"):
        return ""
    if src.startswith("/"):
        return src.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), src))


def _refuse_links(state: Pictures, page: str, page_url: str) -> None:
    """Stop the build at a page that shows or links a file that is not published."""
    refused = state.refused
    if not any(posixpath.basename(url) in page for url in refused):
        return
    siteurl = state.settings.get("SITEURL", "")
    for named in NAMED.findall(page):
        for src in named.split(","):
            url = _site_url(src.strip().split(" ")[0].split("#")[0], page_url, siteurl)
            if url in refused:
                raise PictureError(url, refused[url])


def _finder(state: Pictures, page_url: str):
    """Finds the variants of an <img src> written in the page at `page_url`."""
    siteurl = state.settings.get("SITEURL", "")

    def find(src: str) -> resize.Picture | None:
        return public_picture(state, _site_url(src.split("#")[0], page_url, siteurl))

    return find


def on_feed_generated(context: dict, feed) -> None:
    """Feed items show the widest JPEG: the original is not published."""
    state = getattr(build.of(context), "pictures", None)
    if state is None:
        return
    find = _finder(state, "")
    for item in feed.items:
        for key in ("description", "content"):
            if item.get(key):
                item[key] = for_feed(item[key], find)


def _has_work(page: str) -> bool:
    """Whether `markup.rewrite` may change the page: images, code blocks, tables or
    a link to an image. Most pages have none, and its case-blind link search is
    slow (about a second for 1000 posts)."""
    if "<img" in page or "<pre" in page or "<table" in page:
        return True
    for end in RASTER_END.finditer(page):
        start = page.rfind('"', 0, end.start())
        if page[start - 5 : start].lower() == "href=":
            return True
    return False


def on_content_written(path: str, context: dict) -> None:
    state = getattr(build.of(context), "pictures", None)
    if not path.endswith(".html") or state is None:
        return
    file = Path(path)
    text = file.read_text("utf-8")
    output = Path(state.settings["OUTPUT_PATH"]).resolve()
    page_url = file.resolve().relative_to(output).as_posix()
    _refuse_links(state, text, page_url)
    if not _has_work(text):
        return
    find = _finder(state, page_url)

    label = build.of(context).ui["table_label"]
    new = rewrite(text, find, label)
    if new != text:
        file.write_text(new, "utf-8")


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.static_generator_finalized.connect(on_static_finalized)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.content_written.connect(on_content_written)
    signals.feed_generated.connect(on_feed_generated)
