"""Downloading a Wix image safely: public web addresses only, small, and a real image.

The host is resolved first and every address it resolves to is checked; the
connection then goes to the checked address, so a second lookup cannot point it
elsewhere. Redirects are followed by hand, each one checked the same way. A download
has one deadline for all of it: a server that sends a byte every few seconds is cut
off when it passes, not only one that goes silent.
"""

import contextlib
import http.client
import io
import ipaddress
import socket
import ssl
import threading
import time
import warnings
from urllib.parse import urljoin, urlsplit

from PIL import Image

from .catalog import words

TIMEOUT = 10  # seconds, per connection and per read
DEADLINE = 60  # seconds for one download, redirects included
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 3
# The image types a browser shows, and the file suffix each is saved with.
FORMATS = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp"}


class FetchError(Exception):
    """The image was not downloaded: a code of the catalog and its parameters; the
    message says why, in Dutch."""

    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(words(code, params)[0])


def public_addresses(host: str, port: int, allow_loopback: bool) -> list[str]:
    """Every address of `host`; refused when any of them is not on the public internet.

    `allow_loopback` lets tests fetch from their own server on 127.0.0.1; the
    command line never sets it.
    """
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError("download-host-unknown", host=host) from error
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if address.is_loopback and allow_loopback:
            pass
        elif not address.is_global or address.is_multicast:
            raise FetchError("download-host-local", host=host, address=str(address))
        addresses.append(str(address))
    return addresses


def connect(scheme: str, host: str, port: int, address: str, timeout: float, watch):
    """An HTTP(S) connection to the checked address, with the name for TLS; its
    socket is given to `watch` (a Watchdog) before anything is sent or received."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    sock = socket.create_connection((address, port), timeout=timeout)
    watch(sock)
    if scheme == "https":
        context = ssl.create_default_context()
        sock = context.wrap_socket(sock, server_hostname=host)
    connection.sock = sock
    return connection


class Watchdog:
    """Cuts a connection off when the deadline (time.monotonic) passes, whatever it
    is waiting for; `fired` tells afterwards whether it did."""

    def __init__(self, deadline: float):
        self.fired = False
        self.sock: socket.socket | None = None
        self.timer = threading.Timer(max(0.0, deadline - time.monotonic()), self.cut)
        self.timer.daemon = True

    def watch(self, sock: socket.socket) -> None:
        self.sock = sock
        if self.fired:
            self.cut()

    def cut(self) -> None:
        self.fired = True
        if self.sock is not None:
            with contextlib.suppress(OSError):  # closed already
                self.sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self):
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()


def download(
    url: str,
    allow_loopback: bool = False,
    timeout: float = TIMEOUT,
    deadline: float | None = None,
) -> bytes:
    """The bytes at `url` (http or https, public, at most MAX_BYTES), fetched before
    `deadline` (time.monotonic; DEADLINE seconds from now when not given)."""
    deadline = time.monotonic() + DEADLINE if deadline is None else deadline
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("download-not-http")
        port = parts.port or (443 if scheme == "https" else 80)
        address = public_addresses(parts.hostname, port, allow_loopback)[0]
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        if time.monotonic() >= deadline:
            raise FetchError("download-too-slow")
        watchdog = Watchdog(deadline)
        try:
            with watchdog:
                connection = connect(
                    scheme, parts.hostname, port, address, timeout, watchdog.watch
                )
                connection.request("GET", path, headers={"User-Agent": "wix-import"})
                response = connection.getresponse()
                if response.status in (301, 302, 303, 307, 308):
                    url = urljoin(url, response.getheader("Location") or "")
                    connection.close()
                    continue
                if response.status != 200:
                    raise FetchError("download-status", status=response.status)
                data = response.read(MAX_BYTES + 1)
                connection.close()
            if watchdog.fired:
                raise FetchError("download-too-slow")
        except TimeoutError as error:
            raise FetchError("download-too-slow") from error
        except (OSError, http.client.HTTPException) as error:
            if watchdog.fired:
                raise FetchError("download-too-slow") from error
            raise FetchError("download-unreachable") from error
        if len(data) > MAX_BYTES:
            raise FetchError("download-too-large", most=MAX_BYTES // 1024 // 1024)
        return data
    raise FetchError("download-redirects")


def image_suffix(data: bytes) -> str:
    """The suffix for these bytes; refused when they are not a whole image."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format
                image.verify()
    except Exception as error:  # Pillow raises many kinds for broken files
        raise FetchError("download-not-an-image") from error
    if kind not in FORMATS:
        raise FetchError("download-image-kind", kind=kind)
    return FORMATS[kind]


def fetch_image(
    url: str,
    allow_loopback: bool = False,
    timeout: float = TIMEOUT,
    deadline: float | None = None,
) -> tuple[bytes, str]:
    """The image at `url` and the suffix to save it with, fetched before `deadline`."""
    data = download(url, allow_loopback, timeout, deadline)
    return data, image_suffix(data)
