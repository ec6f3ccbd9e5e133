"""Page-weight report: bytes per page type, requests before first render, Lighthouse.

Run with `invoke weight`. Builds the real site (development settings, so that it can be
served locally) into benchmarks/work/weight-site, weighs one page of each type, and runs
Lighthouse (mobile) on the home, article, Diensten and contact pages served with the
site's CSP.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.pageweight import (  # noqa: E402
    BROTLI_QUALITY,
    GZIP_LEVEL,
    brotlied,
    gzipped,
    page_types,
    weigh,
)
from tests.conftest import CHROMIUM_FLAGS  # noqa: E402
from tests.support.server import SiteServer  # noqa: E402

WORK = ROOT / "benchmarks" / "work"
REPORT = ROOT / "benchmarks" / "weight.md"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
AUDITED = ("home", "article", "diensten", "contact")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def build(output: Path) -> None:
    shutil.rmtree(output, ignore_errors=True)
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py"]
    command += ["-o", str(output), "--fatal", "warnings"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)


def lighthouse(url: str, report: Path) -> dict[str, int]:
    """Mobile Lighthouse scores (0-100) per category, read from its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
    ]
    env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {
        name: round(categories[name]["score"] * 100)
        if categories[name]["score"] is not None
        else -1
        for name in CATEGORIES
    }


def kb(n: int) -> str:
    return f"{n / 1024:.1f}"


def bytes_table(site: Path) -> tuple[str, dict[str, str]]:
    lines = [
        f"Bytes in KB (1024); gzip level {GZIP_LEVEL}, brotli quality "
        f"{BROTLI_QUALITY}. CSS and JS count every file the page loads, ES module "
        "imports included; images, icons and fonts excluded. *Before render*: "
        "requests before first render (the HTML plus render-blocking stylesheets "
        "and synchronous scripts in the head).",
        "",
        "| page type | file | HTML raw / gz / br | CSS raw / gz / br "
        "| JS raw / gz / br | total gz | total br | before render |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    urls = {}
    for kind, page in page_types(site).items():
        w = weigh(site, page)
        cells = [
            " / ".join(kb(getattr(part, k)) for k in ("raw", "gzip", "brotli"))
            for part in (w.html, w.css, w.js)
        ]
        lines.append(
            f"| {kind} | `{w.page}` | {' | '.join(cells)} | {kb(w.total.gzip)} "
            f"| {kb(w.total.brotli)} | {w.requests_before_render} |"
        )
        urls[kind] = page.relative_to(site).as_posix().removesuffix("index.html")
    worksheet = sorted(
        {
            script
            for page in site.rglob("*.html")
            for script in weigh(site, page).scripts
            if "worksheet" in script
        }
    )
    for script in worksheet:
        data = (site / script).read_bytes()
        lines.append(
            f"\nWorksheet script `{script}`: {kb(len(data))} KB raw, "
            f"{kb(gzipped(data))} KB gzip, {kb(brotlied(data))} KB brotli."
        )
    return "\n".join(lines) + "\n", urls


def scores_table(site: Path, urls: dict[str, str]) -> str:
    lines = [
        "Lighthouse 12.2.3, mobile (simulated throttling; the performance score moves "
        "with machine load, here a load average of "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs), served locally with "
        "the site's CSP and gzip, as the hosts serve it.",
        "",
        "| page type | " + " | ".join(CATEGORIES) + " |",
        "| --- |" + " ---: |" * len(CATEGORIES),
    ]
    with SiteServer(site, compress=True) as server:
        for kind in AUDITED:
            if kind not in urls:
                continue
            scores = lighthouse(
                f"{server.url}/{urls[kind]}", WORK / f"lighthouse-{kind}.json"
            )
            lines.append(
                f"| {kind} | " + " | ".join(str(scores[c]) for c in CATEGORIES) + " |"
            )
            print(lines[-1], flush=True)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--write", action="store_true", help="write weight.md")
    args = parser.parse_args(argv)
    WORK.mkdir(parents=True, exist_ok=True)
    site = WORK / "weight-site"
    build(site)
    text, urls = bytes_table(site)
    print(text, flush=True)
    if not args.no_lighthouse:
        scores = scores_table(site, urls)
        print(scores)
        text += "\n" + scores
    if args.write:
        REPORT.write_text(
            "# Page weight\n\nGenerated by `invoke weight`; do not edit by hand.\n\n"
            + text,
            encoding="utf-8",
        )
        print(f"Report written to {REPORT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
