"""Pictures: images resized at build time, and content markup that fits any screen.

An author drops a photo of any size in content/images/. Its original is never
published: every page that shows it gets a <picture> of resized WebP and JPEG variants
(`resize`), written into the page after Pelican wrote it (`markup`), so it works the
same for Markdown images, cover images (`Image:`) and the theme's own <img> tags.
Nothing else in content/images/ is published (dotfiles, notes, SVGs, HEIC photos); a
page that shows or links one stops the build with a `resize.PictureError`.
"""

import posixpath
import re
from pathlib import Path

from pelican import signals

from . import resize
from .markup import for_feed, rewrite
from .resize import PictureError, refusal

_state: dict = {}
# The end of an attribute value naming a raster image: where a link may need rewriting.
RASTER_END = re.compile(r'\.(?:jpe?g|png|webp|gif|tiff?)"', re.I)
# Where a page names a file: to find links to a file that is not published.
NAMED = re.compile(r'\b(?:src|href|srcset)="([^"]+)"', re.I)


def on_initialized(pelican) -> None:
    _state.clear()
    _state["settings"] = pelican.settings
    _state["sources"] = {}  # URL of an original, relative to the site root -> Path
    _state["made"] = {}  # that URL -> resize.Picture
    _state["refused"] = {}  # URL of a file in content/images/ -> PictureError reason


def on_static_finalized(generator) -> None:
    """Keep raster originals linkable (`{static}`) but never copy them to the output;
    nothing else in content/images/ is copied either."""
    images = (Path(generator.path) / "images").resolve()
    kept = []
    for static in generator.context["staticfiles"]:
        source = Path(static.source_path)
        if not source.resolve().is_relative_to(images):
            kept.append(static)
        elif reason := refusal(source):
            _state["refused"][static.url] = reason
        else:
            _state["sources"][static.url] = source
    generator.context["staticfiles"][:] = kept  # the generator's own list


def picture_for(source: Path, url: str, settings: dict) -> resize.Picture:
    """The variants of the original `source` published at `url`, made once a build."""
    made = _state.setdefault("made", {})
    if url not in made:
        made[url] = resize.make(
            source,
            Path(settings["OUTPUT_PATH"]) / posixpath.dirname(url),
            Path(settings["CACHE_PATH"]) / "pictures",
            url,
        )
    return made[url]


def public_picture(url: str) -> resize.Picture | None:
    """The variants of the original at `url` (relative to the site root), if any."""
    source = _state.get("sources", {}).get(url)
    return picture_for(source, url, _state["settings"]) if source else None


def _site_url(src: str, page_url: str, siteurl: str) -> str:
    """`src` as written in a page at `page_url`, relative to the site root."""
    if siteurl and "://" in siteurl and src.startswith(siteurl + "/"):
        return src[len(siteurl) + 1 :]
    if "://" in src or src.startswith("data:"):
        return ""
    if src.startswith("/"):
        return src.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url), src))


def _refuse_links(page: str, page_url: str) -> None:
    """Stop the build at a page that shows or links a file that is not published."""
    refused = _state["refused"]
    if not any(posixpath.basename(url) in page for url in refused):
        return
    siteurl = _state["settings"].get("SITEURL", "")
    for named in NAMED.findall(page):
        for src in named.split(","):
            url = _site_url(src.strip().split(" ")[0].split("#")[0], page_url, siteurl)
            if url in refused:
                raise PictureError(url, refused[url])


def _finder(page_url: str):
    """Finds the variants of an <img src> written in the page at `page_url`."""
    siteurl = _state["settings"].get("SITEURL", "")

    def find(src: str) -> resize.Picture | None:
        return public_picture(_site_url(src.split("#")[0], page_url, siteurl))

    return find


def on_feed_generated(context: dict, feed) -> None:
    """Feed items show the widest JPEG: the original is not published."""
    if "settings" not in _state:
        return
    find = _finder("")
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
    if not path.endswith(".html") or "settings" not in _state:
        return
    file = Path(path)
    text = file.read_text("utf-8")
    output = Path(_state["settings"]["OUTPUT_PATH"]).resolve()
    page_url = file.resolve().relative_to(output).as_posix()
    _refuse_links(text, page_url)
    if not _has_work(text):
        return
    find = _finder(page_url)

    label = _state["settings"]["UI"]["table_label"]
    new = rewrite(text, find, label)
    if new != text:
        file.write_text(new, "utf-8")


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.static_generator_finalized.connect(on_static_finalized)
    signals.content_written.connect(on_content_written)
    signals.feed_generated.connect(on_feed_generated)
