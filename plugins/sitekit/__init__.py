"""Site-wide theme support: Dutch filters, UI strings, hashed assets, templates."""

import hashlib
import logging
from pathlib import Path

import yaml
from jinja2 import ChoiceLoader, FileSystemLoader
from pelican import signals
from pelican.contents import Content, Static

from . import build, findings, rules
from .assets import AssetManifest
from .colours import colours_css
from .dates import SLUG
from .feeds import restore_titles
from .files import write_atomically
from .filters import (
    dutch_date,
    lead_paragraph,
    page_sections,
    reading_minutes,
    soft_hyphens,
)
from .header import declare
from .images import brand_colour
from .indent import Unindent
from .mark import inline, mark_svg
from .owner import site_menu
from .reading import use_reusing_reader, use_sized_rst_images
from .security import content_security_policy

logger = logging.getLogger(__name__)

# Mail programs (Outlook above all) refuse longer mailto: links. The templates hand it
# to the scripts that make one (data-mail-max: forms.js, embeds' worksheet.js).
MAIL_LINK_MAX = 2000
# The header fields the theme reads (sitekit.header collects every plugin's FIELDS).
FIELDS = {"description", "photo", "photo_alt", "sitemap"}


def load_strings(settings: dict) -> dict:
    """The Dutch UI strings from the theme, with `UI_STRINGS` overrides applied."""
    path = Path(settings["THEME"]) / "strings.yaml"
    with open(path, encoding="utf-8") as handle:
        # libyaml's loader: parsing this file in Python was a tenth of a preview pass.
        strings = yaml.load(
            handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    overrides = settings.get("UI_STRINGS", {})
    unknown = sorted(set(overrides) - set(strings))
    if unknown:
        raise ValueError(f"UI_STRINGS: unknown keys {unknown}; see {path}")
    return {**strings, **overrides}


def add_plugin_folders(settings: dict, plugin: Path) -> None:
    """Give the theme a plugin's `templates/` and `static/` folder, those it has (at
    initialized)."""
    settings.setdefault("PLUGIN_TEMPLATE_PATHS", []).append(str(plugin / "templates"))
    if (plugin / "static").is_dir():
        paths = settings["THEME_STATIC_PATHS"]
        settings["THEME_STATIC_PATHS"] = [*paths, str(plugin / "static")]


def on_initialized(pelican) -> None:
    settings = pelican.settings
    build.start(settings).ui = load_strings(settings)
    settings.setdefault("PLUGIN_TEMPLATE_PATHS", [])
    declare(pelican.plugins)
    add_owner_assets(settings)


def add_owner_assets(settings: dict) -> None:
    """Give the theme what the owner's settings make (at initialized): css/colours.css,
    the colour tokens made from BRAND_COLOUR, img/icon.svg, the mark on that colour
    (also inline for the templates, `MARK_SVG`), and img/logo.svg or .png, her LOGO.
    Written into the cache, in a folder named by what they hold, found before the
    theme's own static folder."""
    mark = mark_svg(settings)
    build.of(settings).context["MARK_SVG"] = inline(mark)
    made = {
        "css/colours.css": colours_css(brand_colour(settings)),
        "img/icon.svg": mark + "\n",
    }
    made = {name: text.encode("utf-8") for name, text in made.items()}
    if settings.get("LOGO"):
        made["img/logo" + Path(settings["LOGO"]).suffix.lower()] = Path(
            settings["LOGO"]
        ).read_bytes()
    digest = hashlib.sha256(repr(sorted(made.items())).encode()).hexdigest()[:12]
    folder = Path(settings["CACHE_PATH"]).resolve() / "owner" / digest
    for name, data in made.items():
        if not (folder / name).is_file():
            write_atomically(folder / name, data)
    settings["THEME_STATIC_PATHS"] = [str(folder), *settings["THEME_STATIC_PATHS"]]


def resolve_menu(generators) -> None:
    """all_generators_finalized: the menu's pages as the addresses they are built at
    (in the context, for the templates); a page that does not exist stops the build
    at its line of the owner's settings."""
    context = generators[0].context
    pages = [*context.get("pages", []), *context.get("hidden_pages", [])]
    context["MENU_ITEMS"] = site_menu(generators[0].settings, pages)


def on_generator_init(generator) -> None:
    state = build.of(generator.settings)
    # Created here, after every plugin's `initialized` has added its static paths.
    if not hasattr(state, "assets"):
        state.assets = AssetManifest(generator.settings)
    assets = state.assets
    generator.context.update(state.context)  # the values derived from the settings
    env = generator.env
    env.add_extension(Unindent)
    # `tojson` (the JSON-LD, the worksheet's data) without the spaces after , and :
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":")}
    env.filters.update(
        dutch_date=dutch_date,
        lead_paragraph=lead_paragraph,
        page_sections=page_sections,
        reading_minutes=reading_minutes,
        soft_hyphens=soft_hyphens,
    )
    extra = generator.settings["PLUGIN_TEMPLATE_PATHS"]
    if extra:
        env.loader = ChoiceLoader([env.loader, FileSystemLoader(extra)])
    env.globals.update(
        T=state.ui,
        asset=assets.url,
        csp=content_security_policy(generator.settings),
        SLUG_PATTERN=SLUG.pattern,
        MAIL_LINK_MAX=MAIL_LINK_MAX,
    )


def freeze_urls(generators) -> None:
    """all_generators_finalized: compute each article's and page's URL and file name
    once. Pelican formats them from settings and metadata on every access (about 25
    times per article page: related and recent posts, links between posts), a tenth
    of a build. Nothing changes them after this point; `override_url` and
    `override_save_as` are Pelican's own way to fix them (the `URL`/`Save_as`
    metadata). The content cache was saved before this signal, so it keeps none."""
    for generator in generators:
        for value in vars(generator).values():
            if not isinstance(value, list):
                continue
            for item in value:
                if isinstance(item, Content) and not isinstance(item, Static):
                    item.override_url = item.url
                    item.override_save_as = item.save_as


def plain_addresses(generator) -> None:
    """A post or page in another language that is nobody's translation (no Dutch
    one has its slug) keeps the plain address; only translations get `{lang}/`
    (ARTICLE_LANG_URL). At article_generator_pretaxonomy and page_generator_finalized:
    before any plugin reads an address. The posts' translations go to the context
    (`article_translations`, for the sitemap)."""
    if hasattr(generator, "hidden_articles"):
        generator.context["article_translations"] = generator.translations
    for kind in ("articles", "drafts", "pages", "hidden_pages", "draft_pages"):
        for item in getattr(generator, kind, []):
            for key in ("url", "save_as") if not item.in_default_lang else ():
                if not hasattr(item, f"override_{key}"):  # URL:, Save_as: fields
                    setattr(item, f"override_{key}", item._expand_settings(key))


def on_finalized(pelican) -> None:
    """Write the hashed assets the pages use."""
    state = build.of(pelican.settings)
    manifest = getattr(state, "assets", None)
    if manifest is not None:
        manifest.write()
        state.written_assets = sorted(hashed for hashed, _ in manifest.used.values())


def written_assets(settings: dict) -> list[str]:
    """The hashed paths of the theme assets this build wrote (by on_finalized)."""
    return getattr(build.of(settings), "written_assets", [])


def register() -> None:
    findings.register()
    rules.register()
    signals.initialized.connect(on_initialized)
    signals.generator_init.connect(on_generator_init)
    signals.all_generators_finalized.connect(freeze_urls)
    signals.all_generators_finalized.connect(resolve_menu)
    signals.finalized.connect(on_finalized)
    signals.feed_generated.connect(restore_titles)
    signals.article_generator_pretaxonomy.connect(plain_addresses)
    signals.page_generator_finalized.connect(plain_addresses)
    signals.readers_init.connect(use_reusing_reader)
    signals.readers_init.connect(use_sized_rst_images)
