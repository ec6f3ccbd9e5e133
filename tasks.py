"""Tasks for writing, checking and publishing the site: `invoke --list` shows them."""

import shlex
import shutil
import sys
from pathlib import Path

from invoke import Exit, task
from pelican import main as pelican_main
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

ROOT = Path(__file__).parent
sys.path.append(str(ROOT / "plugins"))  # hosting.deploy, for `invoke publish`
DEV_SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"
SETTINGS = {**DEFAULT_CONFIG, **get_settings_from_file(str(ROOT / DEV_SETTINGS))}
OUTPUT = ROOT / SETTINGS["OUTPUT_PATH"]
HOST, PORT = "127.0.0.1", 8000
CACHED = ("CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true")


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
    """Build for production, run the quality gates on it, deploy only if all pass."""
    from hosting.deploy import DeployError, github_pages, rsync, target_settings

    settings = {
        **DEFAULT_CONFIG,
        **get_settings_from_file(str(ROOT / PUBLISH_SETTINGS)),
    }
    try:
        chosen = target_settings(settings, target)
    except DeployError as error:
        raise Exit(str(error), code=2) from None
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


@task(pre=[build])
def check(c):
    """Build, then run the quality gates against the built site."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest tests/gates", pty=False)


@task
def lint(c):
    """Check code style with ruff."""
    c.run(f"{shlex.quote(sys.executable)} -m ruff check .")
    c.run(f"{shlex.quote(sys.executable)} -m ruff format --check .")


@task(pre=[lint])
def test(c):
    """Run every test: unit, build, browser and the quality gates."""
    c.run(f"{shlex.quote(sys.executable)} -m pytest", pty=False)
