"""A stand-in for a form backend: records what is posted, then redirects (303)."""

from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs

from tests.support.server import LocalServer

# The fields a backend reads as "where to go next" (Formspree-like, mailing tools).
REDIRECT_FIELDS = ("_next", "redirect")


class FormBackend(LocalServer):
    """Listen on 127.0.0.1 on a free port; keep every POST as (path, fields)."""

    def __init__(self):
        self.received: list[tuple[str, dict[str, list[str]]]] = []
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                fields = parse_qs(body, keep_blank_values=True, strict_parsing=False)
                backend.received.append((self.path, fields))
                target = next(
                    (fields[name][0] for name in REDIRECT_FIELDS if name in fields),
                    None,
                )
                if target:
                    self.send_response(303)
                    self.send_header("Location", target)
                    self.send_header("Content-Length", "0")
                else:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/plain; charset=utf-8")
                    self.send_header("Content-Length", "2")
                self.end_headers()
                if not target:
                    self.wfile.write(b"ok")

            def log_message(self, format, *args):
                pass

        super().__init__(Handler)
