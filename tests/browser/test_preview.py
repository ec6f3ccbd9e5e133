"""`make serve`'s preview: saving a post reloads the open page by itself."""

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

PROJECT_FILES = ["content", "theme", "plugins", "pelicanconf.py", "tasks.py"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def preview(tmp_path):
    """`invoke livereload` running in a copy of the project, so edits stay there."""
    for name in PROJECT_FILES:
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copyfile
        copy(source, tmp_path / name)
    port = free_port()
    invoke = [sys.executable, "-m", "invoke", "livereload", "--port", str(port)]
    process = subprocess.Popen(
        invoke, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield url, tmp_path
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.browser
def test_saving_a_post_reloads_the_page(page, preview):
    url, project = preview
    page.goto(url + "/blog/dilemmas/")
    page.wait_for_load_state("networkidle")
    post: Path = project / "content/posts/dilemmas.md"
    post.write_text(
        post.read_text(encoding="utf-8") + "\nEen zin die er net bij kwam.\n",
        encoding="utf-8",
    )
    page.get_by_text("Een zin die er net bij kwam.").wait_for(timeout=15_000)


@pytest.mark.browser
def test_a_broken_post_keeps_the_preview_running(page, preview):
    url, project = preview
    (project / "content/posts/kapot.md").write_text(
        "Title: Kapot\nDate: morgen ofzo\n\nTekst.\n", encoding="utf-8"
    )
    time.sleep(2)
    assert page.goto(url + "/blog/dilemmas/").status == 200
