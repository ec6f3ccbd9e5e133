"""Save -> reloaded page in the live preview, measured in real Chromium.

Run with `invoke bench --preview`. Per size: a copy of the project with the corpus
(benchmarks/corpus.py, one checklist in use) as its content, `invoke livereload`
running in it, and Chromium showing one post. Each measurement appends a sentence to
that post and takes the time from just before the file write to the end of the load
event of the page that shows the sentence (the browser's clock, performance.timing,
against the same system clock). It then waits for the full pass (search and lists)
before the next save, and reports that time too.
"""

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

from benchmarks.corpus import build_corpus
from tests.conftest import CHROMIUM_FLAGS, ROOT, copy_project
from tests.support.preview import FULL_PASS, READY
from tests.support.server import free_port

WORK = ROOT / "benchmarks" / "work"
POST = "posts/bench/bench-0.md"
PAGE = "/blog/bench-0/"
# In every page the tab loads: at its load event, if it shows the awaited sentence and
# is the first to, keep when its load started (the preview told it) and ended.
RECORDER = """
addEventListener("load", () => {
  const marker = sessionStorage.getItem("marker");
  const shown = marker && document.body.innerText.includes(marker);
  if (shown && !sessionStorage.getItem("seen")) {
    const now = performance.timeOrigin + performance.now();
    sessionStorage.setItem("seen", JSON.stringify([performance.timeOrigin, now]));
  }
});
"""


def project(size: int) -> Path:
    """A copy of the project with `size` corpus posts as its content."""
    folder = WORK / f"preview-n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    build_corpus(copy_project(folder), size)  # replaces the copied content/
    return folder


def wait_for(log: Path, text: str, count: int, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while log.read_text(errors="replace").count(text) < count:
        if time.monotonic() > deadline:
            raise SystemExit(f"{text!r} not seen in {log}")
        time.sleep(0.02)


def seen(page, timeout: float = 120) -> list[float]:
    """The recorder's times, once a page with the sentence has loaded."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            found = page.evaluate("sessionStorage.getItem('seen')")
        except PlaywrightError:  # the page is reloading right now
            found = None
        if found:
            return json.loads(found)
        time.sleep(0.02)
    raise SystemExit("the saved sentence never showed in the browser")


def measure(size: int, repeats: int, browser) -> dict:
    folder = project(size)
    port = free_port()
    log = folder / "preview.log"
    with open(log, "w") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(port)],
            cwd=folder,
            stdout=stream,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for(log, READY, 1)
        page = browser.new_page()
        page.add_init_script(RECORDER)
        page.goto(f"http://127.0.0.1:{port}{PAGE}")
        post = folder / "content" / POST
        reloads, settled = [], []
        for repeat in range(repeats):
            time.sleep(1)  # the author reads before she saves again
            marker = f"Meting {repeat} van de preview."
            passes = log.read_text(errors="replace").count(FULL_PASS)
            text = post.read_text(encoding="utf-8") + f"\n{marker}\n"
            page.evaluate(f"sessionStorage.setItem('marker', {marker!r})")
            page.evaluate("sessionStorage.removeItem('seen')")
            started = time.time()
            post.write_text(text, encoding="utf-8")
            told, loaded = (ms / 1000 - started for ms in seen(page))
            reloads.append(loaded)
            wait_for(log, FULL_PASS, passes + 1)
            settled.append(time.time() - started)
            print(
                f"{size:>5} posts #{repeat + 1}: reloaded {loaded:.2f} s (told "
                f"{told:.2f} s), "
                f"full pass done {settled[-1]:.1f} s",
                flush=True,
            )
        page.close()
    finally:
        process.terminate()
        process.wait(timeout=30)
    return {"reload": reloads, "settled": settled}


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def run(sizes: list[int], repeats: int) -> str:
    """Measure every size; the Markdown table of the results."""
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"),
            args=CHROMIUM_FLAGS,
        )
        for size in sizes:
            results[size] = measure(size, repeats, browser)
        browser.close()
    lines = [
        f"Save -> reloaded page, {repeats} saves per size, seconds: median "
        "(min-max). *Full pass* is save -> lists, feeds, related posts and the "
        "search index up to date.",
        "",
        "| posts | save -> reloaded page | save -> full pass done |",
        "| ---: | ---: | ---: |",
    ]
    for size, found in results.items():
        lines.append(
            f"| {size} | {spread(found['reload'])} | {spread(found['settled'])} |"
        )
    return "\n".join(lines) + "\n"
