"""The browser gate: each chosen page in real Chromium, in parallel browser contexts,
with the CSP its path gets on the host sent as a header: no CSP violation, no request
to another host, no script error, and zero axe-core violations.

Pages are served straight from the built folder under the site's own address (its
SITEURL, else a local stand-in), so absolute links and CSP 'self' mean what they
will mean online, and nothing leaves the machine.
"""

import asyncio
import mimetypes
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

from . import Finding, tools
from .links import page_url, site_base

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push([e.violatedDirective, e.blockedURI, e.sample]);
});
"""
AXE_RUN = "axe.run(document, {resultTypes: ['violations']})"
TYPES = {".webmanifest": "application/manifest+json", ".mjs": "text/javascript"}


def workers() -> int:
    """Pages open at once, each in a browser context of its own: one per core (on a
    busy machine more only add switching)."""
    return max(2, min(4, os.cpu_count() or 1))


class Host:
    """Answers the browser's requests for the site's address from the built folder,
    with the headers the host sends (the CSP of that path), and the 404 page."""

    def __init__(self, site: Path, base: str, policy: Callable[[str], str]):
        self.site, self.base, self.policy = site, base, policy

    def file(self, path: str) -> Path | None:
        found = self.site / path.lstrip("/")
        if found.is_dir():
            found = found / "index.html"
        inside = found.resolve().is_relative_to(self.site)
        return found if inside and found.is_file() else None

    async def answer(self, route) -> None:
        path = route.request.url.removeprefix(self.base).split("?")[0].split("#")[0]
        found = self.file(unquote(path) or "/")
        status = 200
        if found is None:
            found, status = self.site / "404.html", 404
        kind = TYPES.get(found.suffix) or mimetypes.guess_type(found.name)[0]
        headers = {
            "Content-Security-Policy": self.policy(path),
            "Content-Type": kind or "application/octet-stream",
            "Cache-Control": "no-store",
        }
        await route.fulfill(status=status, headers=headers, body=found.read_bytes())


def console_error(message) -> bool:
    """A console error, but not Chromium's echo of a CSP violation (told as such)."""
    return message.type == "error" and "Content Security Policy" not in message.text


async def check_page(page, url: str, axe: str, idle: bool) -> dict:
    """Open one page, run `axe` (axe-core's source) in it; what it did that the site
    does not allow."""
    requests, errors = [], []
    on_request = lambda request: requests.append(request.url)  # noqa: E731
    on_error = lambda error: errors.append(str(error))  # noqa: E731
    on_console = lambda msg: console_error(msg) and errors.append(msg.text)  # noqa: E731
    page.on("request", on_request)
    page.on("pageerror", on_error)
    page.on("console", on_console)
    try:
        response = await page.goto(url, wait_until="load")
        await page.evaluate(axe)
        violations = (await page.evaluate(AXE_RUN))["violations"]
        if idle:  # late requests come from the site's own scripts, shared by a shape
            await page.wait_for_load_state("networkidle")  # its wait overlaps axe's
        found = {
            "status": response.status if response else 0,
            "csp": await page.evaluate("window.__cspViolations || []"),
            "requests": requests[:],
            "errors": errors[:],
            "axe": violations,
        }
        return found
    finally:
        page.remove_listener("request", on_request)
        page.remove_listener("pageerror", on_error)
        page.remove_listener("console", on_console)


def page_findings(page: str, found: dict, base: str) -> list[Finding]:
    """A page's browser results as findings."""
    findings = []
    if found["status"] != 200 and page != "404.html":
        findings.append(Finding("status", page, 0, {"status": found["status"]}))
    for directive, blocked, sample in found["csp"]:
        params = {"directive": directive, "url": blocked, "html": sample}
        findings.append(Finding("csp", page, 0, params))
    own = (base + "/", "data:", "blob:", "about:")
    blocked = {url for _directive, url, _sample in found["csp"]}  # said once, above
    for url in found["requests"]:
        if not url.startswith(own) and url not in blocked:
            findings.append(Finding("foreign-request", page, 0, {"url": url}))
    for error in found["errors"]:
        findings.append(Finding("script-error", page, 0, {"detail": error}))
    for violation in found["axe"]:
        for node in violation["nodes"]:
            params = {"rule": violation["id"], "detail": violation["help"]}
            params["html"] = node.get("html", "")
            findings.append(Finding("axe", page, 0, params))
    return findings


async def check_all(
    site: Path,
    base: str,
    pages: dict[str, bool],
    policy: Callable[[str], str],
    progress: Callable[[int], None],
) -> list[Finding]:
    from playwright.async_api import async_playwright

    host = Host(site, base, policy)
    axe = tools.axe().read_text(encoding="utf-8")
    queue = list(pages.items())
    findings: list[Finding] = []

    async def work(browser) -> None:
        context = await browser.new_context(service_workers="block")
        await context.route(f"{base}/**", host.answer)
        await context.add_init_script(RECORD_VIOLATIONS)
        tab = await context.new_page()
        while queue:
            page, representative = queue.pop(0)
            url = page_url(page, base)
            found = await check_page(tab, url, axe, representative)
            findings.extend(page_findings(page, found, base))
            progress(1)
        await context.close()

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=tools.chromium(), args=CHROMIUM_FLAGS
        )
        try:
            await asyncio.gather(*(work(browser) for _ in range(workers())))
        finally:
            await browser.close()
    return findings


def check_pages(
    site: Path,
    public_url: str,
    pages: dict[str, bool],
    policy: Callable[[str], str],
    progress: Callable[[int], None] = lambda done: None,
) -> list[Finding]:
    """Check `pages` (built paths; True: the one page of its shape, which also waits
    for the network to go quiet) in Chromium; `policy(path)` is the CSP of a path."""
    base = site_base(public_url)
    site = site.resolve()
    # A thread of its own: a caller may be running an event loop (Playwright's
    # synchronous API, in the tests).
    with ThreadPoolExecutor(1) as thread:
        checked = thread.submit(
            asyncio.run, check_all(site, base, pages, policy, progress)
        )
        return checked.result()
