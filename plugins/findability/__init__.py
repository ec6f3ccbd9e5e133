"""Findability: site search, related and neighbouring posts, sharing, rich results.

Stages, one module each: `related` (related posts and next/previous), `share` (share
links), `ogimage` (the Open Graph images: the default and one per post), `structured`
(JSON-LD of the business), `search` (the Pagefind index, built after every build).
"""

import posixpath
from pathlib import Path

from pelican import signals
from sitekit import build
from sitekit.assets import hashed_name

from . import ogimage
from .related import RelatedIndex
from .search import build_index
from .share import share_links
from .structured import organization

# partials/recent_posts.html lists the three newest other posts; related posts skip
# them so that no post is offered twice under an article.
RECENT_POSTS_SHOWN = 3

# The header fields this plugin reads (collected by sitekit.header).
FIELDS = {"image", "image_alt"}


def on_initialized(pelican) -> None:
    settings = pelican.settings
    settings.setdefault("RELATED_POSTS_MAX", 3)
    settings.setdefault("SEARCH_LANGUAGE", settings["DEFAULT_LANG"])
    png = ogimage.render(
        ogimage.Drawing.of(
            settings, settings["SITENAME"], settings.get("SITE_DESCRIPTION") or "", ""
        )
    )
    path = hashed_name(f"{settings['THEME_STATIC_DIR']}/img/og-default.png", png)
    state = build.of(settings)
    state.og_images = {path: png}  # written at finalized, with each post's
    state.context["OG_DEFAULT_IMAGE"] = {
        "url": f"{settings['SITE_PUBLIC_URL']}/{path}",
        "width": ogimage.WIDTH,
        "height": ogimage.HEIGHT,
        "alt": settings["SITENAME"],
    }
    state.context["ORGANIZATION_LD"] = organization(settings)


def post_image(article, settings: dict) -> dict | None:
    """The post's own `Image:` as Open Graph wants it: the widest JPEG pictures
    published of it (`article.image_jpeg`), since the original is not published."""
    image = getattr(article, "image_jpeg", None)
    if image is None:
        return None
    return {
        "url": posixpath.join(settings["SITE_PUBLIC_URL"], image.path),
        "alt": article.metadata.get("image_alt") or "",
        "width": image.width,
        "height": image.height,
    }


def on_articles_finalized(generator) -> None:
    """Attach related, older and newer posts, share links and an image to each post."""
    settings = generator.settings
    articles = generator.articles
    index = RelatedIndex(articles)
    around = index.neighbours()
    newest = index.ordered
    for article in articles:
        recent = [o for o in newest[: RECENT_POSTS_SHOWN + 1] if o is not article]
        article.related_posts = index.related(
            article,
            settings["RELATED_POSTS_MAX"],
            exclude=recent[:RECENT_POSTS_SHOWN],
        )
        article.previous_post, article.next_post = around[id(article)]
        findable(article, settings)
    for translation in generator.translations:  # no neighbours: not in the lists
        translation.related_posts = []
        translation.previous_post = translation.next_post = None
        findable(translation, settings)


def findable(article, settings: dict) -> None:
    """A post's public address, share links and Open Graph image."""
    article.public_url = f"{settings['SITE_PUBLIC_URL']}/{article.url}"
    article.share_links = share_links(article.public_url, article.title)
    article.og_image = post_image(article, settings) or drawn_image(article, settings)


def drawn_image(article, settings: dict) -> dict:
    """A post without its own `Image:`: its title on the brand's green, written at
    the end of the build (on_finalized)."""
    png = ogimage.post_image(
        ogimage.Drawing.of(
            settings, article.title, settings["SITENAME"], article.category.name
        ),
        Path(settings["CACHE_PATH"]) / "og",
    )
    path = hashed_name(f"{settings['THEME_STATIC_DIR']}/img/og/{article.slug}.png", png)
    build.of(settings).og_images[path] = png
    return {
        "url": f"{settings['SITE_PUBLIC_URL']}/{path}",
        "width": ogimage.WIDTH,
        "height": ogimage.HEIGHT,
        "alt": article.title,
    }


def on_finalized(pelican) -> None:
    """Write the Open Graph images, then index the finished site."""
    output = Path(pelican.output_path)
    for path, png in build.of(pelican.settings).og_images.items():
        target = output / path
        if not (target.is_file() and target.read_bytes() == png):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(png)
    if pelican.settings.get("SEARCH_INDEX", True):  # off in the preview's fast pass
        build_index(output, pelican.settings["SEARCH_LANGUAGE"])


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.finalized.connect(on_finalized)
