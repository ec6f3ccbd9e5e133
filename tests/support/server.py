"""A static file server for the built site that sends the production CSP headers."""

import gzip
import socket
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from hosting.compress import TEXT_SUFFIXES

from authoring.source import site_settings


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_policy(path: str = "") -> str:
    """The CSP that the site's settings produce for a path, as hosts will send it."""
    from sitekit.security import content_security_policy

    return content_security_policy(site_settings(), path)


class Handler(SimpleHTTPRequestHandler):
    policy = ""  # one policy for every path, when given
    settings: dict = {}
    compress = False  # gzip text files, as hosts do, when the browser accepts it

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and accepts and path.suffix in TEXT_SUFFIXES):
            return super().do_GET()
        if not path.is_file():
            return super().do_GET()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self):
        from sitekit.security import content_security_policy

        policy = self.policy or content_security_policy(self.settings, self.path)
        self.send_header("Content-Security-Policy", policy)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        """Serve the site's own 404 page, as static hosts do."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


class LocalServer:
    """An HTTP server on 127.0.0.1 on a free port, run in a background thread while
    used as a context manager."""

    def __init__(self, handler):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class SiteServer(LocalServer):
    """Serve a folder on 127.0.0.1 on a free port, in a background thread.

    Each response carries the CSP the settings give its path (the search page its
    own), as the generated host rules do; or `policy` on every path, when given.
    """

    def __init__(
        self,
        root: Path,
        policy: str | None = None,
        settings: dict | None = None,
        compress: bool = False,
    ):
        settings = settings or site_settings()
        handler = type(
            "SiteHandler",
            (Handler,),
            {"policy": policy or "", "settings": settings, "compress": compress},
        )
        super().__init__(partial(handler, directory=str(root)))
        from sitekit.security import content_security_policy

        self.policy = policy or content_security_policy(settings)
