"""An example nginx configuration: a server block and the site's rules as a snippet."""

import re
from pathlib import Path
from urllib.parse import unquote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .policy import HASHED_ASSET_NGINX, IMMUTABLE, REVALIDATE
from .redirects import Redirect

TEMPLATES = Path(__file__).parent / "templates"
UNSAFE = re.compile(r'["\\$\x00-\x1f]')


def quoted(value: str) -> str:
    """A double-quoted nginx string; refuses what could change the configuration."""
    if UNSAFE.search(value):
        raise ValueError(f"{value!r} cannot be written into an nginx configuration")
    return f'"{value}"'


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["q"] = quoted
    env.filters["unquote"] = unquote
    return env


def nginx_files(
    security: dict[str, str],
    redirects: list[Redirect],
    server_name: str,
    root: str,
    search: list[tuple[str, dict[str, str]]] = (),
) -> dict[str, str]:
    """The two files, keyed by their path under /etc/nginx/. `search`: locations
    with headers of their own (the search page and Pagefind's bundle, their CSP)."""
    env = environment()
    snippet = f"snippets/{server_name}.conf"
    context = {
        "security": security,
        "search": search,
        "redirects": redirects,
        "server_name": server_name,
        "root": root,
        "snippet": snippet,
        "hashed_asset": HASHED_ASSET_NGINX,
        "immutable": IMMUTABLE,
        "revalidate": REVALIDATE,
    }
    return {
        f"sites-available/{server_name}.conf": env.get_template(
            "nginx-server.conf"
        ).render(context),
        snippet: env.get_template("nginx-snippet.conf").render(context),
    }
