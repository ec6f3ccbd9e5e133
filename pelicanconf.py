"""Development settings: relative URLs, live preview. publishconf.py builds on these."""

import sys
from pathlib import Path

# ---------------------------------------------------------------------------------
# OWNER: fill in these details. They appear in the footer, on the contact and privacy
# pages, in the checklist PDFs and in search results. A value left as None is simply
# not shown; nothing here is made up. The ".example" addresses are placeholders that
# cannot work: replace them (`invoke check` warns, `invoke publish` refuses to deploy).
# ---------------------------------------------------------------------------------
BUSINESS = {
    "name": None,  # trade name as registered, e.g. "... Hippisch Virtueel Assistent"
    "owner": "Wilhelmien",  # as she signs her posts
    "email": "info@hippisch-va.example",  # OWNER: your real e-mail address
    "phone": None,  # e.g. "06 12345678": call and (a 06 number) WhatsApp links
    "kvk": None,  # KvK number, 8 digits
    "region": None,  # where you work, e.g. "Gelderland en omstreken"
}
SITE_PUBLIC_URL = "https://www.hippisch-va.example"  # OWNER: the address of the site
# Your booking page (Calendly, Cal.com, Zcal, SimplyBook or the like), e.g.
# "https://calendly.com/jouwnaam/kennismaking". When set, "Plan een
# kennismakingsgesprek" leads there (a plain link: nothing of the tool loads before a
# reader taps it). BOOKING_TOOL names it on the privacy page, e.g. "Calendly (VS)";
# left None, the page names the address's host.
BOOKING_URL = None
BOOKING_TOOL = None
# ---------------------------------------------------------------------------------

AUTHOR = BUSINESS["owner"]
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
#   written, so before findability's Pagefind run reads the pages.
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

# Main menu: (key of the label in theme/strings.yaml, URL relative to the site root).
MENU_ITEMS = [
    ("menu_home", ""),
    ("menu_services", "diensten/"),
    ("menu_about", "over-mij/"),
    ("menu_blog", "blog/"),
    ("menu_contact", "contact/"),
]

# The services, by their heading in content/pages/diensten.md: the icon of each card
# (door, horseshoe, agenda, phone, invoice, clock, helmet, heart) and, if you like, a
# "vanaf" price shown on it, e.g. "price": "€ 35 per uur". A service not named here
# gets the horseshoe and no price.
SERVICES = {
    "Planning": {"icon": "agenda", "price": None},
    "Administratie": {"icon": "invoice", "price": None},
    "Agendabeheer": {"icon": "clock", "price": None},
    "Telefonische opvang": {"icon": "phone", "price": None},
}
# The post whose worksheet the home page invites readers to (its slug).
WORKSHEET_TEASER = "dilemmas"

# The next step after each article (plugins/funnel). One block per name; an article
# picks one with `Cta: naam` in its metadata, or `Cta: none` for no block at all.
# "url" is relative to the site root; the link carries the article's slug as ?bron=.
# "booking": True leads to BOOKING_URL instead, when that is set.
CTAS = {
    "kennismaking": {
        "title": "Plan een gratis kennismakingsgesprek",
        "text": "Benieuwd wat je zou kunnen uitbesteden? In een vrijblijvend gesprek "
        "kijken we samen naar jouw doelen en taken.",
        "button": "Plan een kennismakingsgesprek",
        "url": "contact/#contactformulier",
        "booking": True,
    },
    "vraag": {
        "title": "Heb je een vraag?",
        "text": "Stel je vraag via het contactformulier; "
        "je krijgt persoonlijk antwoord.",
        "button": "Stel je vraag",
        "url": "contact/#contactformulier",
    },
    "nieuwsbrief": {
        "title": "Meer tips in je mailbox",
        "text": "Schrijf je in voor de nieuwsbrief en mis geen nieuwe blogpost.",
        "button": "Naar de aanmelding",
        "url": "#nieuwsbrief",
    },
}
CTA_DEFAULT = "kennismaking"

# Where each form posts: "contact" and "newsletter". Leave a form out (or FORMS empty)
# and it opens the reader's own e-mail program, addressed to BUSINESS["email"] (without
# JavaScript: a mail link). One of, per form:
#   {"provider": "netlify"}                                     Netlify Forms
#   {"provider": "backend", "endpoint": "https://formspree.io/f/...",
#    "recipient": "Formspree (VS)"}                             a form backend
#   {"provider": "mailing", "endpoint": "https://.../subscribe",
#    "recipient": "...", "field_names": {"email": "EMAIL"}}     a mailing tool's signup
# Optional: "honeypot" and "redirect_field" (the backend's names for them).
# The privacy page and the CSP (form-action) follow these settings by themselves.
FORMS = {}
# Without a mailing tool in FORMS, the newsletter signup is left out (False), so that no
# reader signs up for a list that is kept by hand; True shows it as a signup by e-mail.
NEWSLETTER_BY_MAIL = False

# The privacy page (theme/templates/privacy.html) takes its facts from the settings:
# BUSINESS, FORMS and ANALYTICS above, and these choices of the owner's.
PRIVACY = {
    "host": None,  # OWNER: who hosts the site, e.g. "Netlify (VS)" or "TransIP (NL)"
    # How long each kind of data is kept (as the page says it: "... bewaar ik ...").
    "keep_messages": "tot je vraag beantwoord is, en daarna hoogstens een jaar",
    "keep_clients": "zeven jaar, zo lang als de Belastingdienst dat vraagt",
    "keep_newsletter": "tot je je afmeldt",
    "keep_logs": "hoogstens vier weken",
}

# Cookie-free statistics, off by default. To switch on, e.g. Plausible:
# ANALYTICS = {"name": "Plausible Analytics (EU)",
#              "script": "https://plausible.io/js/script.js",
#              "endpoint": "https://plausible.io/api/event",
#              "attributes": {"data-domain": "www.example.nl"}}
# Only then is the script included; the CSP and the privacy page change with it.
ANALYTICS = None

# Findability (plugins/findability): Pagefind search on /zoeken/, related posts,
# next/previous links, share links, Open Graph images and JSON-LD.
DIRECT_TEMPLATES += ["search"]
SEARCH_URL = "zoeken/"
SEARCH_SAVE_AS = "zoeken/index.html"
# Before Contact: the menu ends with its call to action.
MENU_ITEMS.insert(-1, ("menu_search", SEARCH_URL))
RELATED_POSTS_MAX = 3
# Checklists (plugins/embeds): the one an article gets when it names none
# (`Checklist: naam` picks another, `Checklist: none` switches it off).
CHECKLIST_DEFAULT = "uitbesteden"
# The worksheet under every article (content/worksheets/<name>.yaml); an article picks
# another with `Worksheet: name`, or none with `Worksheet: none`.
WORKSHEET_DEFAULT = "doelen"
