"""The site's Content-Security-Policy, built from the settings in one place."""

from urllib.parse import urlsplit

# Where findability writes Pagefind's bundle. The search page runs Pagefind in a
# worker, and a worker gets the CSP sent with its own script, not the page's.
SEARCH_BUNDLE = "/pagefind/"
# The offline plugin's service worker: at the root, so that it serves the whole site.
# Its name cannot carry a hash, so hosts must send it with `no-cache`.
SERVICE_WORKER = "/sw.js"


def origin(url: str) -> str:
    """The scheme and host of a URL, as CSP source expressions want them."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def form_action_sources(settings: dict) -> list[str]:
    """Origins that the site's forms post to, besides the site itself."""
    endpoints = [form.get("endpoint") for form in settings.get("FORMS", {}).values()]
    return sorted({origin(url) for url in endpoints if url and "://" in url})


def search_path(settings: dict) -> str | None:
    """The URL path of the search page (SEARCH_URL), e.g. "/zoeken/"; None if none."""
    url = (settings.get("SEARCH_URL") or "").strip("/")
    return f"/{url}/" if url else None


def wasm_paths(settings: dict) -> list[str]:
    """URL paths (prefixes) whose responses may compile WebAssembly: the search page
    and Pagefind's bundle, whose worker runs under the CSP of its own script."""
    search = search_path(settings)
    return [search, SEARCH_BUNDLE] if search else []


def allows_wasm(settings: dict, path: str) -> bool:
    """Whether a request path (query string allowed) gets the search page's policy."""
    path = urlsplit(path).path + "/"
    return any(path.startswith(prefix) for prefix in wasm_paths(settings))


def content_security_policy(settings: dict, path: str = "") -> str:
    """The strict policy for a path: nothing inline, nothing from other hosts but
    form targets. Only search (wasm_paths) may compile WebAssembly."""
    scripts = ["'self'"]
    if path and allows_wasm(settings, path):
        # Pagefind compiles its WebAssembly there; 'wasm-unsafe-eval' allows no
        # JavaScript eval and no other origin. Every other page refuses WebAssembly.
        scripts.append("'wasm-unsafe-eval'")
    connect = ["'self'"]
    analytics = settings.get("ANALYTICS") or {}
    if analytics.get("script"):
        scripts.append(origin(analytics["script"]))
        connect.append(origin(analytics.get("endpoint") or analytics["script"]))
    directives = {
        "default-src": ["'self'"],
        "script-src": scripts,
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "connect-src": connect,
        "worker-src": ["'self'"],  # the service worker and Pagefind's worker
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *form_action_sources(settings)],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(
        f"{name} {' '.join(values)}" for name, values in directives.items()
    )
