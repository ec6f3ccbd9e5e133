"""Tasks for writing, checking and publishing the site: `invoke --list` shows them."""

import logging
import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, task
from pelican import main as pelican_main
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

ROOT = Path(__file__).parent
DEV_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"
# Reading the settings also makes plugins/ importable (see pelicanconf.py).
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(str(ROOT / DEV_SETTINGS))}
OUTPUT = ROOT / SETTINGS["OUTPUT_PATH"]
HOST, PORT = "127.0.0.1", 8000
CACHED = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true")


class ContentErrorsOnOneLine(logging.Filter):
    """A mistake in a post or definition is the author's to fix: Pelican reports it
    with a traceback; show her the message alone, which names the file and field."""

    def filter(self, record: logging.LogRecord) -> bool:
        from embeds.errors import DefinitionError

        if record.exc_info and isinstance(record.exc_info[1], DefinitionError):
            record.exc_info = None
        return True


logging.getLogger("pelican").addFilter(ContentErrorsOnOneLine())


def pelican_run(settings_file: str, *extra: str) -> None:
    """Build the site; any warning fails the build, so no post is silently dropped."""
    args = ["-s", settings_file, "--fatal", "warnings", *extra]
    pelican_main(args)


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task
def build(c):
    """Build the site for local preview into output/."""
    pelican_run(DEV_SETTINGS)


@task
def rebuild(c):
    """Build from scratch: empty output/ first."""
    pelican_run(DEV_SETTINGS, "--delete-output-directory")


@task(pre=[build])
def serve(c):
    """Serve output/ on http://127.0.0.1:8000 without reloading."""
    pelican_run(DEV_SETTINGS, "--listen", "--bind", HOST, "--port", str(PORT))


@task(help={"port": "port to serve on (default 8000)"})
def livereload(c, port=PORT):
    """Build, serve on http://127.0.0.1:8000 and reload the page when a file changes."""
    from livereload import Server

    def cached_build():
        try:
            pelican_run(
                DEV_SETTINGS, "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"
            )
        except SystemExit as stop:
            if stop.code:
                print("De site is niet bijgewerkt: los de fout hierboven op en sla op.")

    cached_build()
    server = Server()
    for pattern in [
        "*.py",
        f"{SETTINGS['PATH']}/**/*",
        f"{SETTINGS['THEME']}/**/*",
        "plugins/**/*.*",
    ]:
        server.watch(pattern, cached_build, delay=0.1)
    print(f"Voorbeeld: http://{HOST}:{port}/  (stoppen: Ctrl+C)", flush=True)
    server.serve(host=HOST, port=int(port), root=str(OUTPUT), open_url_delay=None)


@task(
    help={
        "target": "github-pages, netlify, cloudflare or rsync (default: DEPLOY_TARGET)",
        "dry-run": "rsync: only list what would change; github-pages: commit, no push",
    }
)
def publish(c, target=None, dry_run=False):
    """Check the content, build for production, run the gates, deploy if all pass."""
    from hosting.deploy import DeployError, github_pages, rsync, target_settings

    settings = {
        **DEFAULT_CONFIG,
        **get_settings_from_file(str(ROOT / PUBLISH_SETTINGS)),
    }
    try:
        chosen = target_settings(settings, target)
    except DeployError as error:
        raise Exit(str(error), code=2) from None
    content_check(publishing=True)
    pelican_run(PUBLISH_SETTINGS)
    output = ROOT / settings["OUTPUT_PATH"]
    # The quick gates first; the first failure stops the run (and the deploy).
    files = sorted((ROOT / "tests/gates").glob("test_*.py"))
    files.sort(key=lambda path: "browser" in path.name)
    gates = c.run(
        shlex.join([sys.executable, "-m", "pytest", "-x", "-q", *map(str, files)]),
        env={"SITE_OUTPUT": str(output), "SITE_URL": settings["SITEURL"]},
        pty=False,
        warn=True,
    )
    if not gates.ok:
        raise Exit(
            "Niet gepubliceerd: de controles hierboven vonden fouten. "
            "Los ze op en probeer het opnieuw.",
            code=1,
        )
    try:
        if chosen["target"] == "github-pages":
            github_pages(
                output,
                chosen["remote"],
                chosen["branch"],
                chosen["cname"],
                "Site bijgewerkt met invoke publish",
                push=not dry_run,
            )
        elif chosen["target"] == "rsync":
            print(rsync(output, chosen["destination"], dry_run=dry_run), end="")
    except DeployError as error:
        raise Exit(f"Niet (volledig) gepubliceerd: {error}", code=1) from None
    done = {
        "github-pages": f"naar de branch {chosen.get('branch')}",
        "rsync": f"naar {chosen.get('destination')}",
        "netlify": "in output/; de host zet die map online",
        "cloudflare": "in output/; de host zet die map online",
    }[chosen["target"]]
    print(("Proefrun: " if dry_run else "Gepubliceerd ") + done)


def content_check(content: str | None = None, publishing: bool = False) -> None:
    """The content check; stops the task when it finds an error."""
    from authoring.lint import main as lint_main

    folder = Path(content) if content else None
    if lint_main(ROOT / DEV_SETTINGS, folder, publishing=publishing):
        sys.exit(1)


def run_gates(c) -> None:
    c.run(f"{shlex.quote(sys.executable)} -m pytest tests/gates", pty=False)


@task(help={"content": "folder to check instead of content/"})
def check(c, content=None):
    """Check the posts and pages: one line per problem, with what to do."""
    content_check(content)


@task(pre=[build])
def gates(c):
    """Build, then run the quality gates (HTML, accessibility, CSP, links)."""
    run_gates(c)


@task
def lint(c):
    """Check code style with ruff."""
    c.run(f"{shlex.quote(sys.executable)} -m ruff check .")
    c.run(f"{shlex.quote(sys.executable)} -m ruff format --check .")


@task(pre=[lint])
def test(c):
    """Run every test: unit, build, browser and the quality gates."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)


@task(name="new-post", help={"title": "the title of the post, in quotes"})
def new_post(c, title):
    """Start a new post: content/posts/<slug>.md with today's date and every field."""
    from authoring.new_post import PostExists
    from authoring.new_post import new_post as write_post

    try:
        path, url = write_post(title, ROOT / DEV_SETTINGS)
    except (PostExists, ValueError) as problem:
        print(problem)
        sys.exit(1)
    print(f"Nieuwe post: {path.relative_to(ROOT)}")
    print(f"Bekijken (terwijl make serve draait): {url}")


@task(
    name="import-wix",
    help={
        "source": "blog-feed.xml, a saved post page (.html) or a text copy (.txt)",
        "force": "overwrite a post that was edited after its import",
        "date": "date of a text copy, e.g. '2024-01-15 09:00'",
        "wix_url": "old address of a text copy, e.g. /post/dilemma-s",
    },
)
def import_wix(c, source, force=False, date=None, wix_url=None):
    """Turn old Wix posts into Markdown posts in content/posts/."""
    from authoring.wix_import import WixImportError, import_wix, report

    try:
        outcome = import_wix(Path(source), ROOT / DEV_SETTINGS, force, date, wix_url)
    except WixImportError as problem:
        print(f"{source}: {problem}")
        sys.exit(1)
    sys.exit(report(outcome, ROOT))


@task(
    help={
        "sizes": "article counts, comma-separated (default 100,1000)",
        "repeats": "cold builds per variant and size (default 3)",
        "stock": "also build stock Pelican with its simple theme (default on)",
        "write": "put the table into benchmarks/README.md (default on)",
        "profile": "instead, profile one full build of this many articles",
        "against": "instead, A/B the full build against the theme and plugins of "
        "this git ref, at the largest size, and check the output is byte-identical",
    }
)
def bench(
    c, sizes="100,1000", repeats=3, stock=True, write=True, profile=0, against=""
):
    """Benchmark build time and memory: our plugins against plain Pelican."""
    args = ["--sizes", sizes, "--repeats", str(repeats)]
    args += ["--profile", str(profile)] if profile else []
    args += ["--against", against] if against else []
    args += [] if stock else ["--no-stock"]
    args += ["--write"] if write else []
    command = [sys.executable, "benchmarks/bench.py", *args]
    c.run(shlex.join(command), pty=False)


@task(
    help={
        "lighthouse": "run Lighthouse on home, article and contact (default on)",
        "write": "write the report to benchmarks/weight.md (default on)",
    }
)
def weight(c, lighthouse=True, write=True):
    """Report page weight per page type, requests before render and Lighthouse."""
    args = [] if lighthouse else ["--no-lighthouse"]
    args += ["--write"] if write else []
    command = [sys.executable, "benchmarks/weight.py", *args]
    c.run(shlex.join(command), pty=False)


@task
def screenshots(c):
    """Screenshots of each page type at 390/768/1366 px, light and dark."""
    from scripts.screenshots import main

    print(f"Bekijk ze in {main(ROOT / 'screenshots')}")
