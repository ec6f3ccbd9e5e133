"""Pictures: images resized at build time, and content markup that fits any screen.

An author drops a photo of any size in content/images/. Its original is never
published: every page that shows it gets a <picture> of resized WebP and JPEG variants
(`resize`), written into the page after Pelican wrote it (`markup`), so it works the
same for Markdown images, cover images (`Image:`) and the theme's own <img> tags.
"""

import posixpath
import re
from pathlib import Path

from pelican import signals

from . import resize
from .markup import for_feed, rewrite

_state: dict = {}
# The end of an attribute value naming a raster image: where a link may need rewriting.
RASTER_END = re.compile(r'\.(?:[jJ][pP][eE]?[gG]|[pP][nN][gG]|[wW][eE][bB][pP])"')


def on_initialized(pelican) -> None:
    _state.clear()
    _state["settings"] = pelican.settings
    _state["sources"] = {}  # URL of an original, relative to the site root -> Path
    _state["made"] = {}  # that URL -> resize.Picture


def on_static_finalized(generator) -> None:
    """Keep raster originals linkable (`{static}`) but never copy them to the output."""
    kept = []
    for static in generator.context["staticfiles"]:
        if Path(static.source_path).suffix.lower() in resize.RASTER:
            _state["sources"][static.url] = Path(static.source_path)
        else:
            kept.append(static)
    generator.context["staticfiles"][:] = kept  # the generator's own list


def picture_for(source: Path, url: str, settings: dict) -> resize.Picture:
    """The variants of the original `source` published at `url`, made once a build."""
    made = _state.setdefault("made", {})
    if url not in made:
        made[url] = resize.make(
            source,
            Path(settings["OUTPUT_PATH"]) / posixpath.dirname(url),
            Path(settings["CACHE_PATH"]) / "pictures",
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
    if not _has_work(text):
        return
    output = Path(_state["settings"]["OUTPUT_PATH"]).resolve()
    find = _finder(file.resolve().relative_to(output).as_posix())

    label = _state["settings"]["UI"]["table_label"]
    new = rewrite(text, find, label)
    if new != text:
        file.write_text(new, "utf-8")


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.static_generator_finalized.connect(on_static_finalized)
    signals.content_written.connect(on_content_written)
    signals.feed_generated.connect(on_feed_generated)
