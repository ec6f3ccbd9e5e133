"""`make serve`'s preview: saving a post reloads the open page by itself."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.support.server import free_port


@pytest.fixture
def preview(tmp_path):
    """`invoke livereload` running in a copy of the project, so edits stay there."""
    copy_project(tmp_path)
    port = free_port()
    invoke = [sys.executable, "-m", "invoke", "livereload", "--port", str(port)]
    log = open(tmp_path / "preview.log", "w")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        invoke, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT
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
    log.close()


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


def wait_for_log(project: Path, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        log = (project / "preview.log").read_text(encoding="utf-8", errors="replace")
        if text in log:
            return log
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not in the preview's output:\n{log}")


@pytest.mark.browser
def test_a_broken_post_is_reported_and_the_preview_carries_on(page, preview):
    url, project = preview
    broken = project / "content/posts/kapot.md"
    broken.write_text("Title: Kapot\nDate: morgen ofzo\n\nTekst.\n", encoding="utf-8")
    log = wait_for_log(project, "De site is niet bijgewerkt")
    assert "kapot.md" in log
    assert page.goto(url + "/blog/dilemmas/").status == 200
    # Once the post is mended, the next save builds the site again.
    builds = log.count("Done: Processed")
    broken.write_text(
        "Title: Weer heel\nDate: 2024-02-01\n\nTekst.\n", encoding="utf-8"
    )
    deadline = time.monotonic() + 30
    while wait_for_log(project, "Done: Processed").count("Done: Processed") == builds:
        assert time.monotonic() < deadline, "the mended post was not built"
        time.sleep(0.2)
    page.goto(url + "/blog/archief/")
    assert page.get_by_text("Weer heel").is_visible()
