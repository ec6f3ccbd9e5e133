"""Development settings: relative URLs, live preview. publishconf.py builds on these."""

import sys
from pathlib import Path

SITENAME = "Hippisch virtueel assistent"
SITE_DESCRIPTION = (
    "Planning, administratie, agendabeheer en telefonische opvang uitbesteden: "
    "een hippisch virtueel assistent voor ondernemers in de paardenbranche."
)
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
# Pelican loads each plugin by name from PLUGIN_PATHS but does not make the folder
# importable; ours use each other's modules (e.g. embeds' error type), so it must be.
sys.path.insert(0, str(Path(__file__).resolve().parent / "plugins"))
# The plugins in stage order. Pelican calls the handlers of each signal in this order,
# so the list is the build's order (docs/architecture.md has the whole timeline):
# - sitekit first: its `initialized` and `generator_init` set up what every template
#   uses (T, asset, dutch_date); the other plugins add their templates and static
#   files to its set-up.
# - embeds, funnel, findability: each attaches its parts to the articles.
# - pictures: photos in content/images/ are published resized (480, 960 and 1440 px
#   wide, WebP and JPEG), never as the original; it rewrites each page as it is
#   written, so before findability's Pagefind run reads the pages, and publishes a
#   post's own Image: before findability makes it the Open Graph image.
# - At the end (`finalized`): sitekit writes the hashed assets, findability the Open
#   Graph image and the Pagefind index, offline the service worker (it lists the
#   hashed assets sitekit wrote) and the manifest, and hosting, last, lists the
#   finished output for `_headers` and writes the .gz/.br copies: of Pagefind's and
#   offline's files too.
PLUGINS = [
    "sitekit",
    "embeds",
    "funnel",
    "pictures",
    "findability",
    "offline",
    "hosting",
]

# The owner's settings (her details, menu, colour and logo, calls to action, forms,
# booking page, privacy, statistics, services, testimonials) are hers to edit in
# content/instellingen.yaml: read here into BUSINESS, SITE_PUBLIC_URL, MENU_ITEMS,
# BRAND_COLOUR, LOGO, CTAS, CTA_DEFAULT, FORMS, NEWSLETTER_BY_MAIL, PRIVACY, ANALYTICS,
# BOOKING_URL, BOOKING_TOOL, SERVICES, TESTIMONIALS, WORKSHEET_TEASER,
# WORKSHEET_DEFAULT, CHECKLIST_DEFAULT and AUTHOR. A mistake in it stops here with its
# one Dutch line (sitekit.owner).
from sitekit.owner import OWNER_FILE, SettingsError, owner_settings  # noqa: E402

try:
    globals().update(owner_settings(Path(__file__).resolve().parent / OWNER_FILE))
except SettingsError as error:  # worded from the author's catalog (authoring/)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from authoring.messages import settings_problem

    raise SystemExit(str(settings_problem(error, Path.cwd()))) from error

TIMEZONE = "Europe/Amsterdam"
DEFAULT_LANG = "nl"
DEFAULT_PAGINATION = 10
DEFAULT_CATEGORY = "Ondernemen"
SUMMARY_MAX_LENGTH = 40
READING_WORDS_PER_MINUTE = 200

# URLs: Dutch, readable, and stable (a post's URL is its slug).
ARTICLE_URL = "blog/{slug}/"
ARTICLE_SAVE_AS = "blog/{slug}/index.html"
# A translation (the Slug: of a Dutch post, with `Lang: en`) lives under its language;
# a post that only exists in another language keeps the plain address (sitekit).
ARTICLE_LANG_URL = "{lang}/" + ARTICLE_URL
ARTICLE_LANG_SAVE_AS = "{lang}/" + ARTICLE_SAVE_AS
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{lang}/" + PAGE_URL
PAGE_LANG_SAVE_AS = "{lang}/" + PAGE_SAVE_AS
CATEGORY_URL = "blog/categorie/{slug}/"
CATEGORY_SAVE_AS = "blog/categorie/{slug}/index.html"
CATEGORIES_URL = "blog/categorieen/"
CATEGORIES_SAVE_AS = "blog/categorieen/index.html"
TAG_URL = "blog/tag/{slug}/"
TAG_SAVE_AS = "blog/tag/{slug}/index.html"
TAGS_URL = "blog/tags/"
TAGS_SAVE_AS = "blog/tags/index.html"
ARCHIVES_URL = "blog/archief/"
ARCHIVES_SAVE_AS = "blog/archief/index.html"
INDEX_URL = "blog/"
INDEX_SAVE_AS = "blog/index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/pagina/{number}/", "{base_name}/pagina/{number}/index.html"),
)
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_URL = "concepten/{slug}/"
DRAFT_SAVE_AS = "concepten/{slug}/index.html"
DRAFT_LANG_URL = "concepten/{lang}/{slug}/"
DRAFT_LANG_SAVE_AS = "concepten/{lang}/{slug}/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "sitemap", "robots"]
SITEMAP_SAVE_AS = "sitemap.xml"
ROBOTS_SAVE_AS = "robots.txt"

# Feeds: off while previewing; publishconf.py turns on one Atom feed of all posts.
FEED_ALL_ATOM = None
FEED_ALL_RSS = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 20

MARKDOWN = {
    "extension_configs": {
        # No "smarty": the author's quotes and apostrophes stay exactly as typed.
        "markdown.extensions.extra": {},
        # Aligned table columns as classes, never an inline style (sitekit/aligned.py).
        "sitekit.aligned": {},
    },
    "output_format": "html5",
}
TYPOGRIFY = False
# A reStructuredText post may not pass raw HTML through or pull in another file (such
# as this one): Markdown posts are held to sitekit.markup's allow-list instead.
DOCUTILS_SETTINGS = {"raw_enabled": False, "file_insertion_enabled": False}

# Pelican's Jinja environment does not autoescape by default; ours does, so every value
# an author supplies is escaped unless a template marks it trusted (`|safe`).
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
    "auto_reload": False,
}

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = False

# Publishing (plugins/hosting, see "Publishing" in README.md). Every build writes
# `_headers` and `_redirects` into output/ and an example nginx configuration into
# deploy/nginx/ of the project (next to content/, wherever output/ is: never published).
# Old Wix addresses and the page each now lives at (relative to the site root), e.g.
# {"/post/mijn-oude-post": "blog/mijn-post/"}. A post can instead say where it used to
# be in its own header: `Wix_url: /post/mijn-oude-post`.
WIX_REDIRECTS = {}
PRECOMPRESS = False  # .gz/.br copies of text files: on in publishconf.py
NGINX_ROOT = None  # folder on the web server; None: /var/www/<host of SITE_PUBLIC_URL>

# Findability (plugins/findability): Pagefind search on /zoeken/, related posts,
# next/previous links, share links, Open Graph images and JSON-LD.
DIRECT_TEMPLATES += ["search"]
SEARCH_URL = "zoeken/"
SEARCH_SAVE_AS = "zoeken/index.html"
RELATED_POSTS_MAX = 3
