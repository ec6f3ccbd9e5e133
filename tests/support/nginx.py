"""A real nginx (Debian's package) on 127.0.0.1 serving a production build with the
generated rules: one per test session, for tests/publish/test_nginx.py and
tests/browser/test_offline.py."""

import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import build_site, copy_content
from tests.publish.hosting import HOST
from tests.support.server import free_port

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
CONFIG = """
load_module {brotli};
user root;
daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    # The generated server block, with this machine's address and folder: the
    # site's rules come unchanged from the generated snippet.
    server {{
        listen 127.0.0.1:{port};
        server_name {host};
        root {root};
        include {snippet};
    }}
    # The generated port-80 block, on a port of this machine.
    include {work}/redirect.conf;
}}
"""
# The first server block of the generated sites-available file: the one on port 80.
PORT_80 = re.compile(r"^server \{\n(?:.*\n)*?\}\n", re.M)


@pytest.fixture(scope="session")
def nginx(tmp_path_factory, browser_name):
    """nginx on 127.0.0.1 serving a production build made for that address.

    It asks for `browser_name` so that every test here carries the browser parameter:
    pytest groups tests by it, and would otherwise start this server twice.
    """
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    # The output in a folder of its own: the example goes next to the content.
    output = work / "elders" / "output"
    built = build_site(copy_content(work), output, "publishconf.py", f'SITEURL="{url}"')
    assert built.returncode == 0, built.stdout + built.stderr
    assert not (output.parent / "deploy").exists()
    snippet = work / f"deploy/nginx/snippets/{HOST}.conf"
    server = (work / f"deploy/nginx/sites-available/{HOST}.conf").read_text()
    redirect_port = free_port()
    redirect = PORT_80.search(server)[0].replace("listen [::]:80;\n", "")
    (work / "redirect.conf").write_text(
        redirect.replace("listen 80;", f"listen 127.0.0.1:{redirect_port};")
    )
    conf = work / "nginx.conf"
    conf.write_text(
        CONFIG.format(
            brotli=BROTLI, work=work, port=port, host=HOST, root=output, snippet=snippet
        )
    )
    command = [NGINX, "-p", str(work), "-c", str(conf)]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "nginx did not start"
                time.sleep(0.1)
        yield {
            "url": url,
            "output": output,
            "error_log": work / "error.log",
            "port_80": f"http://127.0.0.1:{redirect_port}",
        }
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fetch(url: str, encoding: str) -> tuple[dict, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return dict(response.headers), response.read()
