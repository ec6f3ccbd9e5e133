"""The invoke tasks are wired to the tools, and stop with a message on bad input."""

import os
import subprocess
import sys

from tests.conftest import ROOT, copy_project


def invoke(*args: str, cwd=ROOT, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
    )


def test_new_post_refuses_a_title_whose_post_exists_and_writes_nothing():
    before = sorted((ROOT / "content/posts").iterdir())
    result = invoke("new-post", "Dilemma's")
    assert result.returncode == 1
    assert "content/posts/dilemmas.md bestaat al" in result.stdout
    assert sorted((ROOT / "content/posts").iterdir()) == before


def test_import_wix_names_the_file_when_it_cannot_be_read(tmp_path):
    broken = tmp_path / "blog-feed.xml"
    broken.write_text('<?xml version="1.0"?><rss><channel><item>', encoding="utf-8")
    result = invoke("import-wix", str(broken))
    assert result.returncode == 1
    assert f"{broken}: de feed is geen geldige XML" in result.stdout


def test_import_wix_leaves_the_hand_written_first_post_alone():
    before = (ROOT / "content/posts/dilemmas.md").read_bytes()
    result = invoke("import-wix", "tests/fixtures/wix/dilemmas-wix-page.txt")
    assert result.returncode == 1
    assert "content/posts/dilemmas.md: niet overschreven" in result.stdout
    assert (ROOT / "content/posts/dilemmas.md").read_bytes() == before


def test_build_reports_a_content_mistake_on_one_line_without_a_traceback(tmp_path):
    copy_project(tmp_path)
    post = tmp_path / "content/posts/dilemmas.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.replace("Slug: dilemmas", "Slug: dilemmas\nWorksheet: doelenn")
    )
    env = {**os.environ, "COLUMNS": "300"}  # keep the log line unwrapped
    result = invoke("build", cwd=tmp_path, env=env)
    assert result.returncode == 1
    log = result.stdout + result.stderr
    assert "dilemmas.md:" in log and "unknown worksheet 'doelenn'" in log
    assert "Traceback" not in log and "raise " not in log
    assert not (tmp_path / "output/blog/dilemmas/index.html").exists()
