"""The editor of `make serve` at /schrijven/: Decap CMS in the browser, never published.

Decap's own files come from node_modules (npm, pinned), served by the preview under
/schrijven/decap/; its local backend, decap-server, runs beside the preview on
127.0.0.1 (port 8081) and reads and writes content/ in place. The CMS configuration is
made from the site on each load (categories, worksheets, checklists, calls to action);
editor.js reads and writes the site's own header format. The "Publiceren" button runs
`invoke publish` and streams its lines back; it answers only to the editor page, which
alone gets the token of this preview session.
"""

import json
import os
import secrets
import socket
import subprocess
import sys
import threading
from pathlib import Path

from markupsafe import escape

from .source import read_source

HERE = Path(__file__).parent
PATH = "/schrijven/"
DECAP = Path("node_modules/decap-cms/dist")  # in the project
SERVER = Path("node_modules/decap-server/dist/index.js")
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
        {
            "label": "Concept of gepubliceerd",
            "name": "status",
            "widget": "select",
            "options": [
                {"label": "Concept (niet op de site)", "value": "draft"},
                {"label": "Gepubliceerd", "value": "published"},
            ],
            "default": "published",
        },
        body,
    ]
    pages_fields = [
        title,
        slug,
        description,
        {**image, "label": "Foto", "name": "photo", "hint": ""},
        {**image_alt, "label": "Beschrijving van de foto", "name": "photo_alt"},
        {
            "label": "Zichtbaarheid",
            "name": "status",
            "widget": "select",
            "options": [
                {"label": "Concept (niet op de site)", "value": "draft"},
                {"label": "Op de site", "value": "published"},
                {"label": "Op de site, niet in lijsten", "value": "hidden"},
            ],
            "default": "published",
        },
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
        ],
    }
