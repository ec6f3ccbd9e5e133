"""The local server compresses as the static hosts do, when asked (benchmarks)."""

import gzip
import urllib.request

from tests.support.server import SiteServer


def fetch(url: str, encoding: str) -> tuple[str | None, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return response.headers["Content-Encoding"], response.read()


def test_text_goes_gzipped_to_a_browser_that_accepts_it(tmp_path):
    page = "<!doctype html><title>Stal</title>" + "<p>Hoefsmid</p>" * 200
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "foto.png").write_bytes(b"\x89PNG not compressed")
    with SiteServer(tmp_path, policy="default-src 'none'", compress=True) as server:
        encoding, body = fetch(server.url + "/", "gzip, br")
        assert encoding == "gzip" and len(body) < len(page) / 10
        assert gzip.decompress(body).decode("utf-8") == page
        assert fetch(server.url + "/", "identity") == (None, page.encode())
        assert fetch(server.url + "/foto.png", "gzip")[0] is None
    with SiteServer(tmp_path, policy="default-src 'none'") as server:
        assert fetch(server.url + "/", "gzip") == (None, page.encode())
