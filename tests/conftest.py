"""Shared fixtures: one real build of the site per session, served with a strict CSP."""

import os
import shutil
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from tests.support.server import SiteServer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
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
# The test build: the real content plus fixture posts (hostile text, enough posts to
# paginate), with two posts a page so that pagination is exercised.
TEST_OVERRIDES = ["DEFAULT_PAGINATION=2"]


def build_site(
    content: Path, output: Path, settings: str = "pelicanconf.py", *extra: str
) -> subprocess.CompletedProcess:
    """Run Pelican the way the tasks do, with warnings fatal."""
    command = [
        sys.executable,
        "-m",
        "pelican",
        str(content),
        "-s",
        str(ROOT / settings),
        "-o",
        str(output),
        "--fatal",
        "warnings",
        *(("-e", *extra) if extra else ()),
    ]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def copy_content(target: Path) -> Path:
    """A copy of content/ with the fixture posts and checklists added, to build from."""
    content = target / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(FIXTURES / "posts", content / "posts" / "fixtures")
    shutil.copytree(FIXTURES / "checklists", content / "checklists", dirs_exist_ok=True)
    return content


def copy_project(target: Path) -> Path:
    """What the build tasks need (content, theme, plugins, settings, tasks.py) in a
    folder of its own, so a test can change it freely."""
    for name in ("content", "theme", "plugins", "authoring"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copyfile(ROOT / name, target / name)
    return target


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The built test site (or, with SITE_OUTPUT set, an already built folder)."""
    if os.environ.get("SITE_OUTPUT"):
        return Path(os.environ["SITE_OUTPUT"]).resolve()
    work = tmp_path_factory.mktemp("site")
    output = work / "output"
    result = build_site(copy_content(work), output, "pelicanconf.py", *TEST_OVERRIDES)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def production_site(tmp_path_factory) -> Path:
    """The site as `invoke publish` builds it: absolute URLs, feeds, clean output."""
    work = tmp_path_factory.mktemp("production")
    output = work / "output"
    output.mkdir()
    (output / "stale.html").write_text("left over from an earlier build")
    result = build_site(copy_content(work), output, "publishconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def server(site):
    with SiteServer(site) as running:
        yield running


@pytest.fixture(scope="session")
def base_url(server) -> str:
    """The local server; or, for a production build, the public address (SITE_URL)."""
    return os.environ.get("SITE_URL", "").rstrip("/") or server.url


@pytest.fixture
def context(context, request):
    """For a production build (`invoke publish` sets SITE_URL), pages link to the
    public address with absolute URLs. The browser asks for that address and every
    such request is answered by the local server, headers included: pages run on
    their real origin, CSP 'self' means what it will mean there, and nothing leaves
    the machine. Requests to other hosts are left alone, so the probe still sees them.
    """
    public = os.environ.get("SITE_URL", "").rstrip("/")
    if public:
        local = request.getfixturevalue("server").url
        context.route(f"{public}/**", partial(answer_locally, public, local))
    return context


def answer_locally(public: str, local: str, route) -> None:
    """Fetch a request for the public address from the local server instead."""
    path = route.request.url.removeprefix(public)
    route.fulfill(response=route.fetch(url=local + path, max_redirects=0))


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Service workers off, unless a test module turns them on (test_offline.py): the
    site's worker fetches pages itself, past `route` (answering the public address
    locally, stand-in pages)."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = shutil.which("chromium")
    assert chromium, "Chromium is missing: run scripts/system-deps"
    return {
        **browser_type_launch_args,
        "executable_path": chromium,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture
def probe(page, base_url):
    """A page that records CSP violations, console errors and every request it makes."""
    from tests.support.probe import PageProbe

    return PageProbe(page, base_url)


# A fixture of its own module, shared by the publish and browser tests: imported here
# so that the session starts one nginx, not one per test module.
from tests.support.nginx import nginx  # noqa: E402, F401
