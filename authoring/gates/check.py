"""All gates on one built site, side by side: the HTML checker on the chosen pages
(its own process), the link check over the whole output (a thread) and the browser
on the chosen pages."""

import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import Finding, browser, html, tools
from .links import check_links
from .pages import Choice


class Progress:
    """One Dutch line that counts the checked pages, rewritten in place on a
    terminal, else printed at every quarter."""

    def __init__(self, total: int, stream=sys.stdout):
        self.total, self.done, self.stream = total, 0, stream
        self.shown = -1

    def __call__(self, count: int) -> None:
        self.done += count
        tty = self.stream.isatty()
        quarter = 4 * self.done // max(self.total, 1)
        if tty or quarter != self.shown or self.done == self.total:
            self.shown = quarter
            end = "\r" if tty and self.done < self.total else "\n"
            text = f"Controleren: {self.done} van {self.total} pagina's"
            print(text, end=end, file=self.stream, flush=True)


def run(
    site: Path,
    public_url: str,
    choice: Choice,
    policy: Callable[[str], str],
    root: Path = tools.ROOT,
    progress: Callable[[int], None] | None = None,
) -> list[Finding]:
    """Every finding of every gate on `site`; raises ToolMissing before anything
    runs when a tool is not installed, RuntimeError when a tool fails."""
    from playwright.async_api import Error as PlaywrightError

    site = site.resolve()
    tools.check_all(root)
    checker = html.start(site, choice.html, root)
    try:
        with ThreadPoolExecutor(1) as links:  # while the browser mostly waits
            linked = links.submit(check_links, site, public_url)
            progress = progress or Progress(len(choice.browser))
            found = browser.check_pages(
                site, public_url, choice.browser, policy, progress
            )
            found += linked.result()
        found += html.findings(checker, site)
    except PlaywrightError as error:
        raise RuntimeError(f"Chromium: {error.message.splitlines()[0]}") from None
    finally:
        if checker.poll() is None:
            checker.kill()
            checker.wait()
    return found
