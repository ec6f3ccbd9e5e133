"""The live preview of `make serve`: builds the site, serves output/, reloads the page.

Pelican runs in this process with its content cache, so a rebuild reads only what
changed. When the only change is a saved post or page, the *fast pass* writes just
that page and the browser reloads; the *full pass* follows in the background (lists,
feeds, related posts, the search index) and leaves output/ as a clean build would,
without the files of deleted posts. Anything else (a template, a setting, a
worksheet, a checklist, an image, a new or deleted file) takes the full pass at once.
While a pass fails, every page shows the error line at its top over the last good
version; a page's warnings show on it, quieter, and those of the settings files (her
settings' reminders) on every page, folded away; while the full pass is behind, pages
say that search is catching up. The
reload script and the notices are added as pages are served: never in output/.
The editor (authoring/editor.py) is served at /schrijven/, also never in output/.
"""

import errno
import json
import logging
import os
import re
import signal
import threading
import time
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from jinja2 import FileSystemBytecodeCache
from markupsafe import escape
from pelican import Pelican, signals
from pelican.log import init as init_logging
from pelican.settings import read_settings
from pelican.writers import Writer
from sitekit.findings import asked
from sitekit.owner import OWNER_FILE

from . import editor as cms
from .messages import (
    PREVIEW,
    WARNING,
    DutchBuildLog,
    busy_port,
    dutch_build_log,
    report_lines,
    worded,
)
from .publishing import written_item
from .source import site_settings, written_setting

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
ASSETS = {  # authoring/preview_assets/, served under /_preview/: the preview's only
    "reload.js": "text/javascript",
    "preview.css": "text/css",
}
STATE_FILE = "preview.json"  # in CACHE_PATH: the address new-post prints
WRITTEN_FILE = "preview-written.json"  # in CACHE_PATH: what the last full pass wrote
BODY = re.compile(rb"<body\b[^>]*>")
HASHED = re.compile(r"\.[0-9a-f]{10}\.\w+$")  # sitekit's content-hashed asset names
# The names the preview answers to: a page of another site whose name was made to
# point at 127.0.0.1 (DNS rebinding) must not read the drafts.
LOCAL_NAMES = {"127.0.0.1", "localhost", "::1"}
GENERATION = re.compile(r"[0-9]{1,18}")  # ?since= on /_preview/events
HEAD_END = b"</head>"
# What the author sees (Dutch, one line each).
SEARCH_BEHIND = "Zoeken, overzichten en gerelateerde posts worden bijgewerkt…"
LAST_GOOD = "Hieronder staat de laatste versie die wel lukte."
SETTINGS_REMINDERS = "Herinneringen bij je instellingen ({count})"


class Cancelled(BaseException):
    """A full pass stopped because the author saved again (a BaseException: Pelican
    logs and carries on after an Exception in some stages)."""


class PreviewWriter(Writer):
    """Pelican's writer, told by the preview which pages to write and when to stop."""

    selected: set[str] | None = None  # source paths; None: every page
    cancelled = staticmethod(lambda: False)

    def write_file(self, name, template, context, *args, **kwargs):
        if self.cancelled():
            raise Cancelled
        item = written_item(kwargs)
        if self.selected is not None and (
            item is None or item.source_path not in self.selected
        ):
            asked(self.settings, name)  # kept from the last pass: a link to it resolves
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, *args, **kwargs):
        if self.selected is None:
            return super().write_feed(elements, context, path, *args, **kwargs)
        if path:
            asked(self.settings, path)
        return None


class Preview:
    """The state of one preview session: the builds, what they wrote, the notices."""

    def __init__(self, settings_file: Path):
        self.settings_file = settings_file
        self.lock = threading.Condition()
        self.pending: set[Path] = set()  # changed paths not yet built
        self.generation = 0  # counts finished passes; pages reload when it grows
        self.errors: list[str] = []  # the lines of the last pass's errors
        self.warnings: list = []  # its warnings (Problems), shown on their own pages
        self.page_sources: dict[str, Path] = {}  # a written page -> its post or page
        self.behind = False  # the full pass has yet to follow a fast pass
        self.sources: set[str] = set()  # posts and pages of the last full pass
        self.written: set[str] = set()  # what the pass being run wrote
        self.sources_written: set[str] = set()  # the posts and pages it wrote
        self.unread = False  # the settings could not be read yet: a stand-in
        try:
            self.settings = self.read_settings()
        except SystemExit as stop:  # a broken settings file: shown in the banner
            self.errors, self.unread = [str(stop.code)], True
            self.settings = fallback_settings(settings_file)
        self.output = Path(self.settings["OUTPUT_PATH"]).resolve()
        self.content = Path(self.settings["PATH"]).resolve()
        self.cache = Path(self.settings["CACHE_PATH"])
        # Connected before Pelican registers the plugins, so these run first: a full
        # pass can stop before the plugins' work on the articles and before Pagefind,
        # and Pagefind indexes no deleted post.
        signals.article_generator_finalized.connect(self.stop_if_saved, weak=False)
        signals.get_writer.connect(self.writer, weak=False)
        signals.content_written.connect(self.record, weak=False)
        signals.feed_written.connect(self.record, weak=False)
        signals.finalized.connect(self.remove_stale, weak=False)

    def read_settings(self) -> dict:
        """The settings for one pass: the content cache on, uncompressed (gzip was a
        tenth of a fast pass), and compiled templates kept between passes."""
        settings = project_settings(
            self.settings_file,
            CACHE_CONTENT=True,
            LOAD_CONTENT_CACHE=True,
            GZIP_CACHE=False,
        )
        compiled = Path(settings["CACHE_PATH"]) / "jinja"
        compiled.mkdir(parents=True, exist_ok=True)
        settings["JINJA_ENVIRONMENT"] = {
            **settings["JINJA_ENVIRONMENT"],
            "bytecode_cache": FileSystemBytecodeCache(str(compiled)),
        }
        return settings

    # -- signal handlers --------------------------------------------------------------

    def writer(self, pelican) -> type:
        return self._writer

    def stop_if_saved(self, *sender) -> None:
        if self._writer.cancelled():
            raise Cancelled

    def record(self, path, context=None, **kwargs) -> None:
        page = Path(path).resolve().relative_to(self.output).as_posix()
        self.written.add(page)
        item = written_item(context)
        if item is not None:
            self.sources_written.add(item.source_path)
            self.page_sources[page] = Path(item.source_path).resolve()

    def remove_stale(self, pelican) -> None:
        """After a full pass: remove what the last one wrote and this one did not."""
        if self._writer.selected is not None:
            return
        self.stop_if_saved()
        path = self.cache / WRITTEN_FILE
        before = set(json.loads(path.read_text())) if path.is_file() else set()
        for stale in sorted(before - self.written):
            target = self.output / stale
            target.unlink(missing_ok=True)
            folder = target.parent
            while (
                folder != self.output and folder.is_dir() and not any(folder.iterdir())
            ):
                folder.rmdir()
                folder = folder.parent
            logger.debug("preview: removed %s", stale)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(sorted(self.written)))

    # -- passes -----------------------------------------------------------------------

    def run(self, selected: set[str] | None, cancellable: bool = False) -> bool:
        """One build; `selected`: the sources whose pages alone are written."""
        self._writer = type(
            "Writer",
            (PreviewWriter,),
            {
                "selected": selected,
                "cancelled": staticmethod(
                    (lambda: bool(self.pending)) if cancellable else (lambda: False)
                ),
            },
        )
        self.written, self.sources_written = set(), set()
        stopped: list[str] = []  # the line of settings that cannot be read
        started = time.perf_counter()
        with dutch_build_log(self.content, self.settings_file) as log:
            try:
                settings = self.read_settings()
                settings["SEARCH_INDEX"] = selected is None
                Pelican(settings).run()
            except Cancelled:
                return False
            except SystemExit as stop:  # the settings cannot be read: one line already
                stopped.append(str(stop.code))
            except Exception as problem:  # noqa: BLE001 (told to the author, by `log`)
                log.exception_raised(problem)
        took = time.perf_counter() - started
        if selected is None:
            self.sources = self.sources_written
        # Every problem as the one Dutch line `invoke build` prints, in its order.
        for line in [*stopped, *report_lines(log.problems)]:
            printed(line)
        warned = [p for p in log.problems if p.level == WARNING]
        errors = [p for p in log.problems if p.level != WARNING]
        self.errors = [*stopped, *report_lines(errors)]
        self.warnings = warned
        if self.unread and not self.errors:  # read at last: the editor's settings too
            self.settings.update(settings)
            self.unread = False
        if not self.errors:
            what = "pagina" if selected is not None else "hele site, zoeken ook"
            seconds = f"{took:.1f}".replace(".", ",")
            print(f"Bijgewerkt ({what}) in {seconds} s", flush=True)
        return True

    def fast_sources(self, changed: set[Path]) -> set[str] | None:
        """The saved posts and pages, when they are all that changed; else None."""
        paths = {str(path) for path in changed}
        fast = not self.errors and paths and paths <= self.sources
        if fast and all(Path(path).is_file() for path in paths):
            return paths
        return None

    def build_loop(self) -> None:
        """Build what the watchers report, fast pass first; runs until the end."""
        while True:
            with self.lock:
                # Wake now and then: a Ctrl+C that lands on another thread is only
                # handled (as KeyboardInterrupt) once this thread runs again.
                while not self.lock.wait_for(lambda: self.pending or self.behind, 0.5):
                    pass
                changed, self.pending = self.pending, set()
            if changed:
                selected = self.fast_sources(changed)
                self.run(selected)
                self.behind = selected is not None and not self.errors
                self.reload()
            elif self.run(None, cancellable=True):
                self.behind = False
                self.reload()

    def reload(self) -> None:
        with self.lock:
            self.generation += 1
            self.lock.notify_all()

    def changed(self, paths: set[Path]) -> None:
        with self.lock:
            self.pending |= paths
            self.lock.notify_all()

    # -- what the served pages get ----------------------------------------------------

    def notices(self, source: Path | None = None) -> bytes:
        """The errors of the last pass, and the warnings of the page's own source."""
        parts = []
        if self.errors:
            lines = "".join(f"<p>{escape(line)}</p>" for line in self.errors)
            parts.append(
                f'<div class="preview-notice preview-error" role="alert">'
                f"{lines}<p>{LAST_GOOD}</p></div>"
            )
        root = self.settings_file.parent
        own = [w for w in self.warnings if (root / w.file).resolve() == source]
        if own:
            lines = "".join(f"<p>{escape(str(line))}</p>" for line in own)
            quiet = "preview-notice preview-warning"
            parts.append(f'<div class="{quiet}" role="status">{lines}</div>')
        if self.behind:
            notice = f"<p>{SEARCH_BEHIND}</p>"
            parts.append(f'<div class="preview-notice" role="status">{notice}</div>')
        settings = {self.settings_file.resolve(), (root / OWNER_FILE).resolve()}
        reminders = [w for w in self.warnings if (root / w.file).resolve() in settings]
        if reminders:  # on every page, folded away
            lines = "".join(f"<p>{escape(str(line))}</p>" for line in reminders)
            summary = SETTINGS_REMINDERS.format(count=len(reminders))
            parts.append(
                f'<details class="preview-settings"><summary>{summary}</summary>'
                f"{lines}</details>"
            )
        return "".join(parts).encode()

    def page(self, html: bytes, file: Path | None = None) -> bytes:
        """A built page as the preview serves it: reload script and notices added
        (`file`: the page in output/, whose source's warnings it shows)."""
        head = (
            b'<link rel="stylesheet" href="/_preview/preview.css">'
            b'<script src="/_preview/reload.js" defer data-generation="'
            + str(self.generation).encode()
            + b'"></script>'
        )
        html = html.replace(HEAD_END, head + HEAD_END, 1)
        body = BODY.search(html)
        if body is None:
            return html
        page = file.resolve() if file else self.output
        shown = page.relative_to(self.output).as_posix() if file else ""
        notices = self.notices(self.page_sources.get(shown))
        return html[: body.end()] + notices + html[body.end() :]


def printed(line: str) -> None:
    print(line, flush=True)


class Handler(SimpleHTTPRequestHandler):
    """Serves output/ with the preview's additions; /_preview/events says when to
    reload (Server-Sent Events); the editor under /schrijven/."""

    preview: Preview
    names: frozenset[str] = frozenset(LOCAL_NAMES)  # and the address it listens on
    editor: cms.Editor

    def do_GET(self):
        if not self.local():
            return self.send_error(HTTPStatus.MISDIRECTED_REQUEST)
        path = self.path.split("?", 1)[0]
        if path.startswith(cms.PATH) or path == cms.PATH.rstrip("/"):
            return self.editor_file(path)
        if path == "/_preview/events":
            return self.events()
        if path.startswith("/_preview/"):
            return self.asset(path.removeprefix("/_preview/"))
        file = Path(self.translate_path(path))
        if file.is_dir() and path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            return self.html(200, file.read_bytes(), file)
        if not file.exists() and not file.is_dir():
            page = self.preview.output / "404.html"
            body = page.read_bytes() if page.is_file() else EMPTY_PAGE
            return self.html(404, body)
        return super().do_GET()

    def do_HEAD(self):
        if not self.local():
            return self.send_error(HTTPStatus.MISDIRECTED_REQUEST)
        return super().do_HEAD()

    def local(self) -> bool:
        """Whether the request names this machine in its Host header."""
        name = urlsplit("//" + (self.headers.get("Host") or "")).hostname
        return name in self.names

    def html(self, status: int, body: bytes, file: Path | None = None) -> None:
        self.send(status, "text/html", self.preview.page(body, file))

    def asset(self, name: str) -> None:
        if name not in ASSETS:
            return self.send_error(404)
        self.send(200, ASSETS[name], (HERE / "preview_assets" / name).read_bytes())

    def send(self, status: int, media_type: str, body: bytes, *headers) -> None:
        self.send_response(status)
        text = media_type.startswith("text/")
        self.send_header("Content-Type", media_type + ("; charset=utf-8" * text))
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    # -- the editor -------------------------------------------------------------------

    def origin(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def editor_file(self, path: str) -> None:
        """The editor page, its configuration and script, and Decap's files."""
        editor = self.editor
        if self.headers.get("Host") != self.origin().removeprefix("http://"):
            return self.send_error(403)
        policy = ("Content-Security-Policy", editor.policy())
        name = path.removeprefix(cms.PATH)
        if path == cms.PATH.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", cms.PATH)
            return self.end_headers()
        if name == "":
            page = editor.page()
            return self.send(
                200, "text/html", page, policy, ("X-Frame-Options", "DENY")
            )
        if name == "config.yml":
            return self.send(200, "text/yaml", editor.config())
        if name in cms.ASSETS:
            body = (cms.HERE / "editor_assets" / name).read_bytes()
            return self.send(200, cms.ASSETS[name], body)
        library = editor.library(name)
        if library is not None:
            return self.send(200, "text/javascript", library.read_bytes())
        file = editor.decap_file(name.removeprefix("decap/"))
        if name.startswith("decap/") and file is not None:
            media_type = cms.DECAP_TYPES.get(file.suffix, "application/json")
            return self.send(200, media_type, file.read_bytes())
        return self.send_error(404)

    def do_POST(self):
        if not self.local():
            return self.send_error(HTTPStatus.MISDIRECTED_REQUEST)
        if self.path != cms.PATH + "publiceren":
            return self.send_error(404)
        if not self.editor.allowed(self.headers, self.origin()):
            return self.send_error(403)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()

        def send(event: str, line: str) -> None:
            self.wfile.write(f"event: {event}\ndata: {line}\n\n".encode())
            self.wfile.flush()

        try:
            self.editor.publish(send)
        except (BrokenPipeError, ConnectionResetError):
            return

    def events(self) -> None:
        """One `reload` event as soon as a pass newer than the page has finished."""
        given = parse_qs(urlsplit(self.path).query).get("since", ["0"])
        if len(given) != 1 or not GENERATION.fullmatch(given[0]):
            return self.send_error(HTTPStatus.BAD_REQUEST)
        since = int(given[0])
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        preview = self.preview
        try:
            while True:
                with preview.lock:
                    preview.lock.wait_for(lambda: preview.generation > since, 15)
                    newer = preview.generation > since
                self.wfile.write(b"event: reload\ndata: \n\n" if newer else b": -\n\n")
                self.wfile.flush()
                if newer:
                    return
        except (BrokenPipeError, ConnectionResetError):
            return

    def end_headers(self):
        # Hashed assets never change; everything else is asked again on each load.
        fresh = HASHED.search(self.path.split("?", 1)[0])
        self.send_header("Cache-Control", "max-age=3600" if fresh else "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        pass


EMPTY_PAGE = (  # what a path shows while no build has succeeded yet
    b"<!doctype html><html lang=nl><head><title>Voorbeeld</title></head>"
    b"<body></body></html>"
)


def watch(preview: Preview, paths: list[Path], recursive: bool) -> None:
    """Report changed files to the preview (a thread per call)."""
    from watchfiles import watch as watch_files

    def relevant(change, path: str) -> bool:
        name = os.path.basename(path)
        return not (
            name.startswith((".", "#"))
            or name.endswith(("~", ".pyc", ".swp", ".tmp"))
            or "__pycache__" in path
            or (not recursive and not name.endswith(".py"))
        )

    existing = [str(path) for path in paths if path.exists()]
    while True:  # a warning logged in this thread raises (Pelican's fatal logger)
        try:
            for changes in watch_files(
                *existing,
                watch_filter=relevant,
                recursive=recursive,
                step=20,
                debounce=400,
            ):
                preview.changed({Path(path) for _, path in changes})
        except RuntimeError:
            time.sleep(0.5)


def project_settings(settings_file: Path, **overrides) -> dict:
    """The settings, with the output folder in the project wherever we run, and a
    cache folder of the preview's own (its content cache is not gzipped)."""
    settings = site_settings(settings_file, **overrides)
    project = settings_file.parent
    settings["OUTPUT_PATH"] = str(project / settings["OUTPUT_PATH"])
    settings["CACHE_PATH"] = str(project / settings["CACHE_PATH"] / "preview")
    return settings


def fallback_settings(settings_file: Path) -> dict:
    """While the settings file cannot be read: Pelican's defaults, in the project,
    with the content folder the owner's settings file is in and the theme the file's
    line `THEME = "..."` names (both are watched, so the preview builds again when
    she mends either)."""
    project = settings_file.parent
    content = project / Path(OWNER_FILE).parent
    override = {"PATH": str(content)}
    theme = written_setting(settings_file, "THEME")
    if theme and (project / theme).is_dir():
        override["THEME"] = str(project / theme)
    settings = read_settings(None, override=override)
    settings["OUTPUT_PATH"] = str(project / settings["OUTPUT_PATH"])
    settings["CACHE_PATH"] = str(project / settings["CACHE_PATH"] / "preview")
    return settings


def running_address(url: str, settings_file: Path) -> str:
    """`url` on the address of the preview running for this project, if one runs."""
    path = Path(project_settings(settings_file)["CACHE_PATH"]) / STATE_FILE
    try:
        found = json.loads(path.read_text())
        os.kill(found["pid"], 0)
    except (OSError, ValueError, KeyError):
        return url
    return re.sub(r"^http://[^/]+/", found["url"], url)


def stop(signum, frame) -> None:
    raise KeyboardInterrupt


def serve(
    settings_file: Path, host: str, port: str, editor_port: int = cms.PORT
) -> int:
    """Build, serve and rebuild until Ctrl+C; returns the exit code."""
    if not str(port).isdigit() or not 0 < int(port) < 65536:
        print(worded(PREVIEW, 0, "port-not-a-number", {"port": port}), flush=True)
        return 2
    signal.signal(signal.SIGTERM, stop)
    project = settings_file.parent
    try:
        preview = Preview(settings_file)
    except Exception as problem:  # noqa: BLE001 (a broken settings file: one line)
        log = DutchBuildLog(project / "content", settings_file)
        log.exception_raised(problem)
        for line in report_lines(log.problems):
            printed(line)
        return 1
    names = Handler.names | ({host} - {"", "0.0.0.0", "::"})
    editor = cms.Editor(project, preview.settings, int(editor_port))
    handler = type(
        "PreviewHandler",
        (Handler,),
        {"preview": preview, "names": names, "editor": editor},
    )
    try:
        server = ThreadingHTTPServer(
            (host, int(port)), partial(handler, directory=str(preview.output))
        )
    except OSError as problem:
        busy = problem.errno == errno.EADDRINUSE
        print(
            busy_port(port)
            if busy
            else worded(PREVIEW, 0, "port-not-allowed", {"port": port})
        )
        return 1
    server.daemon_threads = True
    # Between passes nothing is shown; during a pass, each problem's Dutch line.
    init_logging(level=logging.WARNING, fatal="warnings", handler=logging.NullHandler())
    # The first build before any other thread starts: PDF workers fork from it.
    preview.output.mkdir(parents=True, exist_ok=True)
    preview.run(None)
    url = f"http://{host}:{port}/"
    state = preview.cache / STATE_FILE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text(json.dumps({"url": url, "pid": os.getpid()}))
    folders = [Path(preview.settings[key]) for key in ("PATH", "THEME")]
    for target, args in (
        (watch, (preview, [*folders, project / "plugins"], True)),
        (watch, (preview, [project], False)),
        (server.serve_forever, ()),
    ):
        threading.Thread(target=target, args=args, daemon=True).start()
    print(f"Voorbeeld: {url}  (stoppen: Ctrl+C)", flush=True)
    try:
        problem = editor.start(url)
        print(problem or f"Schrijven in de browser: {url}{cms.PATH[1:]}", flush=True)
        preview.build_loop()
    except KeyboardInterrupt:
        print("Voorbeeld gestopt.", flush=True)
    finally:
        editor.stop()
        state.unlink(missing_ok=True)
        server.server_close()
    return 0
