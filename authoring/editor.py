"""The editor of `make serve` at /schrijven/: Decap CMS in the browser, never published.

Decap's own files come from node_modules (npm, pinned), served by the preview under
/schrijven/decap/; its local backend, decap-server, runs beside the preview on
127.0.0.1 (port 8081) and reads and writes content/ in place. The CMS configuration is
made from the site on each load (categories, worksheets, checklists, calls to action,
pages); editor.js reads and writes the site's own header format, and her settings file
(the "Instellingen" form) changing only the values that changed. The "Publiceren"
button runs `invoke publish` and streams its lines back; it answers only to the editor
page, which alone gets the token of this preview session.
"""

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
from pathlib import Path

from markupsafe import escape
from sitekit import owner
from sitekit.header import read_source

HERE = Path(__file__).parent
PATH = "/schrijven/"
DECAP = Path("node_modules/decap-cms/dist")  # in the project
SERVER = Path("node_modules/decap-server/dist/index.js")
# Other npm files the editor page loads, by the name it asks for under /schrijven/:
# js-yaml (pinned) reads and writes her settings file in editor.js.
LIBRARIES = {"js-yaml.js": Path("node_modules/js-yaml/dist/js-yaml.min.js")}
ICONS = Path("theme/templates/partials/icons.html")  # the services' icons, by name
HOST = "127.0.0.1"
PORT = 8081
ASSETS = {  # authoring/editor_assets/, served under /schrijven/
    "editor.js": "text/javascript",
    "editor.css": "text/css",
}
DECAP_TYPES = {
    ".js": "text/javascript",
    ".css": "text/css",
    ".wasm": "application/wasm",
}
# The editor page's policy, as strict as Decap runs: it styles its components with
# inline <style> elements, compiles functions (it does not start without
# 'unsafe-eval'), reads uploads from blob: URLs and talks to decap-server.
CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self'; "
    "connect-src 'self' blob: http://{host}:{port}; frame-src 'self'; "
    "worker-src 'self' blob:; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
# What the author sees (Dutch, one line each).
PORT_BUSY = (
    "make serve: let op: poort {port} is al in gebruik, dus de editor op {url} kan "
    "niet opslaan (stop het andere programma op die poort, of start opnieuw met "
    "invoke livereload --editor-port {other})"
)
NO_NODE = (
    "make serve: let op: Node.js ontbreekt, dus de editor op {url} kan niet opslaan "
    "(installeer Node.js, zie de handleiding, en start make serve opnieuw)"
)
NO_DECAP = (
    "make serve: let op: de editor is niet geïnstalleerd (node_modules ontbreekt; "
    "start de site met make serve, dat installeert hem)"
)
BUSY_PUBLISHING = "Er wordt al gepubliceerd; wacht tot dat klaar is."
PUBLISHED = "Klaar: de site is gepubliceerd."
NOT_PUBLISHED = "Niet gepubliceerd: los de fouten hierboven op en probeer het opnieuw."

PAGE_HTML = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta name="editor-token" content="{token}">
<link rel="icon" href="data:,">
<title>Schrijven – {site}</title>
<link rel="cms-config-url" type="text/yaml" href="{path}config.yml">
<link rel="stylesheet" href="{path}editor.css">
</head>
<body>
<dialog class="publish-log" aria-labelledby="publish-title">
<h2 id="publish-title">Publiceren</h2>
<pre aria-live="polite"></pre>
<form method="dialog"><button>Sluiten</button></form>
</dialog>
<button type="button" class="publish-button">Publiceren</button>
<script src="{path}decap/decap-cms.js"></script>
<script src="{path}js-yaml.js"></script>
<script src="{path}editor.js" data-urls="{urls}" data-strings="{strings}"></script>
</body>
</html>
"""
STRINGS = {  # for editor.js
    "preview": "Voorbeeld van deze pagina op je site",
    "save_first": "Sla op om het voorbeeld te zien; het werkt zich bij na elke keer "
    "opslaan.",
    "open": "Open het voorbeeld in een nieuw venster",
    "failed": "Publiceren kon niet starten; staat make serve nog aan?",
    # Decap's own words where they would mix up saving with putting the site online.
    "decap": {
        "editor": {
            "editorToolbar": {
                "publishing": "Opslaan…",
                "publish": "Opslaan",
                "published": "Opgeslagen",
                "publishNow": "Nu opslaan",
                "publishAndCreateNew": "Opslaan en een nieuwe beginnen",
                "publishAndDuplicate": "Opslaan en kopiëren",
                "deletePublishedEntry": "Verwijderen",
                "deleteEntry": "Verwijderen",
            },
            "editorWidgets": {
                "markdown": {
                    "strikethrough": "Doorhalen",
                    "headings": "Kopjes",
                    "quote": "Citaat",
                },
            },
            "editor": {
                "onPublishing": "Nu opslaan?",
                "onDeletePublishedEntry": "Weet je zeker dat je dit wilt verwijderen?",
            },
        },
        "ui": {
            "toast": {
                "entryPublished": "Opgeslagen",
                "onFailToPublishEntry": "Opslaan lukte niet: %{details}",
            },
        },
    },
}


class Editor:
    """The editor of one preview session: its token, decap-server, publishing."""

    def __init__(self, project: Path, settings: dict, port: int = PORT):
        self.project = project
        self.settings = settings
        self.port = port
        self.token = secrets.token_urlsafe(32)
        self.server: subprocess.Popen | None = None
        self.publishing = threading.Lock()

    # -- decap-server -----------------------------------------------------------------

    def start(self, url: str) -> str | None:
        """Start decap-server on 127.0.0.1; the Dutch line when it cannot run."""
        address = url + PATH.lstrip("/")
        if not (self.project / DECAP / "decap-cms.js").is_file():
            return NO_DECAP
        with socket.socket() as probe:
            # As Node binds: closed connections of an earlier run do not count.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((HOST, self.port))
            except OSError:
                return PORT_BUSY.format(
                    port=self.port, url=address, other=self.port + 1
                )
        environment = {
            **os.environ,
            "PORT": str(self.port),
            "BIND_HOST": HOST,
            "MODE": "fs",
            "GIT_REPO_DIRECTORY": str(self.project),
            "LOG_LEVEL": "error",
            "ORIGIN": url.rstrip("/"),
        }
        try:
            self.server = subprocess.Popen(
                ["node", str(self.project / SERVER)],
                cwd=self.project,
                env=environment,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,  # its English log is not for her
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl+C reaches the preview, which stops it
            )
        except FileNotFoundError:
            return NO_NODE.format(url=address)
        return None

    def stop(self) -> None:
        if self.server is None:
            return
        self.server.terminate()
        try:
            self.server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()
        self.server = None

    # -- what the editor page gets ----------------------------------------------------

    def policy(self) -> str:
        return CSP.format(host=HOST, port=self.port)

    def decap_file(self, name: str) -> Path | None:
        """A file of Decap's dist/ folder (no sub-folders), if it is there."""
        file = self.project / DECAP / name
        if "/" in name or "\\" in name or name.startswith(".") or not file.is_file():
            return None
        return file

    def page(self) -> bytes:
        settings = self.settings
        urls = {
            "posts": settings["ARTICLE_URL"],
            "drafts": settings["DRAFT_URL"],
            "pages": settings["PAGE_URL"],
        }
        return PAGE_HTML.format(
            token=self.token,
            site=escape(settings["SITENAME"]),
            path=PATH,
            urls=escape(json.dumps(urls)),
            strings=escape(json.dumps(STRINGS, ensure_ascii=False)),
        ).encode()

    def config(self) -> bytes:
        """Decap's configuration, made from the site as it is now (JSON is YAML)."""
        return json.dumps(cms_config(self.project, self.settings, self.port)).encode()

    def library(self, name: str) -> Path | None:
        """One of LIBRARIES, if it is installed."""
        file = self.project / LIBRARIES[name] if name in LIBRARIES else None
        return file if file is not None and file.is_file() else None

    def allowed(self, headers, origin: str) -> bool:
        """A request from the editor page itself: its token, this origin and host."""
        host = origin.removeprefix("http://")
        given = headers.get("X-Editor-Token", "")
        return (
            headers.get("Host") == host
            and headers.get("Origin") == origin
            and secrets.compare_digest(given.encode(), self.token.encode())
        )

    def publish(self, send) -> None:
        """Run `invoke publish`; `send(event, line)` each line as it comes."""
        if not self.publishing.acquire(blocking=False):
            send("line", BUSY_PUBLISHING)
            send("done", "1")
            return
        try:
            process = subprocess.Popen(
                [sys.executable, "-m", "invoke", "publish"],
                cwd=self.project,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                bufsize=1,
            )
            try:
                for line in process.stdout:
                    if line.strip():
                        send("line", line.rstrip())
                code = process.wait()
            except BaseException:  # the page went away: let the publish finish alone
                threading.Thread(target=process.communicate, daemon=True).start()
                raise
            send("line", PUBLISHED if code == 0 else NOT_PUBLISHED)
            send("done", str(code))
        finally:
            self.publishing.release()


def names(folder: Path, suffix: str) -> list[str]:
    return sorted(path.stem for path in folder.glob(f"*{suffix}"))


def categories(posts: Path, default: str) -> list[str]:
    """The categories the posts use, the default one included."""
    found = {default}
    for path in posts.rglob("*.md"):
        field = read_source(path).first("category")
        if field and field.value:
            found.add(field.value)
    return sorted(found, key=str.lower)


def choice(label: str, name: str, options: list[str], default: str | None) -> dict:
    """A select of what exists, with `none` for nothing; empty means the default."""
    hint = f"Leeg: de standaard ({default})." if default else "Leeg: geen."
    return {
        "label": label,
        "name": name,
        "widget": "select",
        "required": False,
        "options": [*options, {"label": "geen", "value": "none"}],
        "hint": hint,
    }


def status(label: str, published: str, *more: dict) -> dict:
    """The Status select: a draft, published (named `published`) and `more`."""
    return {
        "label": label,
        "name": "status",
        "widget": "select",
        "options": [
            {"label": "Concept (niet op de site)", "value": "draft"},
            {"label": published, "value": "published"},
            *more,
        ],
        "default": "published",
    }


def text(label: str, name: str, hint: str = "", **more) -> dict:
    """A line of text she may leave empty (null in the file)."""
    return {
        "label": label,
        "name": name,
        "widget": "string",
        "required": False,
        "hint": hint,
        **more,
    }


def flag(label: str, name: str, hint: str) -> dict:
    return {
        "label": label,
        "name": name,
        "widget": "boolean",
        "required": False,
        "hint": hint,
    }


def pick(label: str, name: str, options: list[str], hint: str) -> dict:
    return {
        "label": label,
        "name": name,
        "widget": "select",
        "required": False,
        "options": options,
        "hint": hint,
    }


def settings_collection(project: Path, settings: dict, content: str) -> dict:
    """Her settings file as one form, "Instellingen" (editor.js's `pelican-settings`
    format reads and writes it; forms and analytics are kept but not shown)."""
    file = Path(settings.get("OWNER_SETTINGS_FILE") or project / owner.OWNER_FILE)
    if not file.is_absolute():
        file = project / file
    relative = file.resolve().relative_to(project.resolve()).as_posix()
    pages = names(project / content / settings["PAGE_PATHS"][0], ".md")
    index = settings["INDEX_URL"]
    icons = re.findall(
        r'^\s+"([a-z]+)": \'', (project / ICONS).read_text("utf-8"), re.M
    )
    posts = names(project / content / settings["ARTICLE_PATHS"][0], ".md")
    fields = [
        {
            "label": "Je bedrijf",
            "name": "business",
            "widget": "object",
            "collapsed": False,
            "hint": "In de voettekst, op de contact- en privacypagina, in de PDF's "
            "en in zoekmachines.",
            "fields": [
                text("Handelsnaam", "name", "Zoals bij de KvK."),
                {
                    "label": "Je naam",
                    "name": "owner",
                    "widget": "string",
                    "hint": "Zo onderteken je je posts.",
                },
                {
                    "label": "E-mailadres",
                    "name": "email",
                    "widget": "string",
                    "pattern": [
                        owner.EMAIL_PATTERN,
                        "Schrijf een adres als naam@jouwbedrijf.nl.",
                    ],
                    "hint": "Een adres met .example erin is een voorbeeld: vul je "
                    "echte in.",
                },
                text(
                    "Telefoonnummer",
                    "phone",
                    "Bijv. 06 12345678: bellen en (met een 06-nummer) WhatsApp.",
                ),
                text("KvK-nummer", "kvk", "8 cijfers."),
                text("Waar je werkt", "region", "Bijv. Gelderland en omstreken."),
            ],
        },
        {
            "label": "Het adres van je site",
            "name": "site_public_url",
            "widget": "string",
            "hint": "Bijv. https://www.jouwbedrijf.nl",
        },
        {
            "label": "Het menu",
            "name": "menu",
            "widget": "list",
            "label_singular": "menu-item",
            "summary": "{{fields.label}}",
            "hint": "Van links naar rechts; het laatste item wordt de knop rechts.",
            "fields": [
                {"label": "Wat er staat", "name": "label", "widget": "string"},
                {
                    "label": "Pagina",
                    "name": "page",
                    "widget": "select",
                    "options": [
                        *pages,
                        {"label": f"je blog ({index})", "value": index},
                    ],
                },
            ],
        },
        {
            "label": "Merkkleur",
            "name": "brand_colour",
            "widget": "color",
            "allowInput": True,
            "pattern": [
                "^#[0-9a-fA-F]{6}$",
                "Een hekje en zes tekens 0-9 of a-f, zoals #2d5a37.",
            ],
            "hint": "De site maakt er al je kleuren van, licht en donker, en zorgt "
            "dat tekst goed leesbaar blijft. Kan dat niet met deze kleur, dan noemt "
            "het voorbeeld na het opslaan een kleur die wel kan.",
        },
        {
            "label": "Logo",
            "name": "logo",
            "widget": "image",
            "required": False,
            "media_folder": f"/{content}/images",
            "public_folder": "images",
            "choose_url": False,
            "hint": "Een .svg of .png van minstens 512 bij 512 pixels. Leeg: het "
            "hoefijzer-merkje.",
        },
        text(
            "Je afsprakenpagina",
            "booking_url",
            "Bijv. https://calendly.com/jouwnaam/kennismaking. Dan leidt "
            '"Plan een kennismakingsgesprek" daarheen.',
        ),
        text(
            "Naam van die dienst",
            "booking_tool",
            "Voor de privacypagina, bijv. Calendly (VS).",
        ),
        {
            "label": "Oproepen onder je posts",
            "name": "ctas",
            "widget": "list",
            "label_singular": "oproep",
            "summary": "{{fields.name}}: {{fields.title}}",
            "hint": 'Een post kiest er een bij "Oproep onder de post".',
            "fields": [
                {
                    "label": "Naam",
                    "name": "name",
                    "widget": "string",
                    "pattern": [
                        "^[a-z0-9-]+$",
                        "Kleine letters, cijfers en streepjes.",
                    ],
                },
                {"label": "Kop", "name": "title", "widget": "string"},
                {"label": "Tekst", "name": "text", "widget": "text"},
                {"label": "Knop", "name": "button", "widget": "string"},
                {
                    "label": "Adres",
                    "name": "url",
                    "widget": "string",
                    "hint": "Vanaf de hoofdmap van de site, bijv. "
                    "contact/#contactformulier.",
                },
                flag(
                    "Naar je afsprakenpagina",
                    "booking",
                    "Aan: de knop leidt naar je afsprakenpagina, als die is ingevuld.",
                ),
            ],
        },
        {
            "label": "Standaardoproep",
            "name": "cta_default",
            "widget": "select",
            "options": sorted(settings.get("CTAS") or {}),
            "hint": "Onder een post die er zelf geen kiest. Een nieuwe oproep staat "
            "hier na opslaan en verversen.",
        },
        flag(
            "Nieuwsbrief per e-mail",
            "newsletter_by_mail",
            "Zonder nieuwsbriefdienst: aan toont de aanmelding per e-mail, uit "
            "laat haar weg.",
        ),
        {
            "label": "Privacy",
            "name": "privacy",
            "widget": "object",
            "hint": "Hoe lang je gegevens bewaart, zoals de privacypagina het "
            'zegt: "… bewaar ik …".',
            "fields": [
                text("Wie je site host", "host", "Bijv. Netlify (VS) of TransIP (NL)."),
                text("Berichten", "keep_messages"),
                text("Klantgegevens", "keep_clients"),
                text("Nieuwsbrief", "keep_newsletter"),
                text("Logbestanden", "keep_logs"),
            ],
        },
        {
            "label": "Je diensten",
            "name": "services",
            "widget": "list",
            "label_singular": "dienst",
            "summary": "{{fields.name}}",
            "hint": "Bij hun kopje in de pagina diensten; een dienst die hier niet "
            "staat, krijgt het hoefijzer en geen prijs.",
            "fields": [
                {"label": "Kopje", "name": "name", "widget": "string"},
                {
                    "label": "Pictogram",
                    "name": "icon",
                    "widget": "select",
                    "options": icons,
                },
                text("Vanaf-prijs", "price", "Bijv. € 35 per uur."),
            ],
        },
        flag(
            "Wat klanten zeggen",
            "testimonials",
            "Aan: op de home-, diensten- en over-mij-pagina, uit "
            "wat-klanten-zeggen.md (als je die schrijft).",
        ),
        pick(
            "Werkblad op de homepagina",
            "worksheet_teaser",
            posts,
            "De post naar wiens werkblad de homepagina verwijst.",
        ),
        pick(
            "Standaardwerkblad",
            "worksheet_default",
            names(project / content / "worksheets", ".yaml"),
            "Onder elke post die er zelf geen kiest.",
        ),
        pick(
            "Standaardchecklist",
            "checklist_default",
            names(project / content / "checklists", ".md"),
            "Onder een post die er zelf geen noemt.",
        ),
    ]
    return {
        "name": "instellingen",
        "label": "Instellingen",
        "format": "pelican-settings",
        "extension": "yaml",
        "editor": {"preview": False},
        "files": [
            {
                "name": "instellingen",
                "label": "Je instellingen",
                "file": relative,
                "fields": fields,
            }
        ],
    }


def cms_config(project: Path, settings: dict, port: int) -> dict:
    content = Path(settings["PATH"])
    relative = content.resolve().relative_to(project.resolve()).as_posix()
    posts = f"{relative}/{settings['ARTICLE_PATHS'][0]}"
    pages = f"{relative}/{settings['PAGE_PATHS'][0]}"
    images = f"{relative}/images"
    title = {"label": "Titel", "name": "title", "widget": "string"}
    slug = {
        "label": "Slug (het adres)",
        "name": "slug",
        "widget": "string",
        "pattern": [
            "^[a-z0-9]+(-[a-z0-9]+)*$",
            "Alleen kleine letters, cijfers en streepjes, zoals mijn-eerste-post.",
        ],
        "hint": "Het laatste stuk van het adres, zoals stalplanning in "
        "/blog/stalplanning/. Verander het niet meer na het publiceren.",
    }
    date = {
        "label": "Datum",
        "name": "date",
        "widget": "datetime",
        "format": "DD-MM-YYYY HH:mm",
        "date_format": "DD-MM-YYYY",
        "time_format": "HH:mm",
        "default": "{{now}}",
    }
    image = {
        "label": "Omslagfoto",
        "name": "image",
        "widget": "image",
        "required": False,
        "media_folder": f"/{images}",
        "public_folder": "images",
        "choose_url": False,
        "hint": "Boven de post, op de kaartjes en bij delen op sociale media.",
    }
    image_alt = {
        "label": "Beschrijving van de omslagfoto",
        "name": "image_alt",
        "widget": "string",
        "required": False,
        "hint": "Wat er op de foto te zien is, in één zin.",
    }
    description = {
        "label": "Beschrijving voor zoekmachines",
        "name": "description",
        "widget": "string",
        "required": False,
    }
    body = {"label": "Tekst", "name": "body", "widget": "markdown"}
    defaults = settings.get
    posts_fields = [
        title,
        slug,
        date,
        {
            "label": "Categorie",
            "name": "category",
            "widget": "select",
            "options": categories(project / posts, settings["DEFAULT_CATEGORY"]),
            "default": settings["DEFAULT_CATEGORY"],
        },
        {
            "label": "Tags",
            "name": "tags",
            "widget": "list",
            "required": False,
            "hint": "Komma ertussen, zoals: planning, administratie",
        },
        {
            "label": "Samenvatting",
            "name": "summary",
            "widget": "text",
            "hint": "Eén of twee zinnen, op de kaartjes en in zoekmachines.",
        },
        choice(
            "Werkblad onder de post",
            "worksheet",
            names(project / relative / "worksheets", ".yaml"),
            defaults("WORKSHEET_DEFAULT"),
        ),
        choice(
            "Checklist onder de post",
            "checklist",
            names(project / relative / "checklists", ".md"),
            defaults("CHECKLIST_DEFAULT"),
        ),
        choice(
            "Oproep onder de post",
            "cta",
            sorted(defaults("CTAS") or {}),
            defaults("CTA_DEFAULT"),
        ),
        description,
        image,
        image_alt,
        status("Concept of gepubliceerd", "Gepubliceerd"),
        body,
    ]
    pages_fields = [
        title,
        slug,
        description,
        {**image, "label": "Foto", "name": "photo", "hint": ""},
        {**image_alt, "label": "Beschrijving van de foto", "name": "photo_alt"},
        status(
            "Zichtbaarheid",
            "Op de site",
            {"label": "Op de site, niet in lijsten", "value": "hidden"},
        ),
        body,
    ]
    collection = {
        "extension": "md",
        "create": True,
        "slug": "{{fields.slug}}",
        "sortable_fields": ["title"],
    }
    return {
        "locale": "nl",
        "backend": {"name": "proxy", "proxy_url": f"http://{HOST}:{port}/api/v1"},
        "media_folder": images,
        "public_folder": "{static}/images",
        "site_url": "/",
        "display_url": "/",
        "show_preview_links": False,
        "collections": [
            {
                **collection,
                "name": "posts",
                "label": "Posts",
                "label_singular": "post",
                "folder": posts,
                "format": "pelican-post",
                "summary": "{{title}} ({{date}})",
                "sortable_fields": ["date", "title"],
                "fields": posts_fields,
            },
            {
                **collection,
                "name": "pages",
                "label": "Pagina's",
                "label_singular": "pagina",
                "folder": pages,
                "format": "pelican-page",
                "fields": pages_fields,
            },
            settings_collection(project, settings, relative),
        ],
    }
