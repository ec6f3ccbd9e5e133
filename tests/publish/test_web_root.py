"""A deploy is readable by the web server: folders 755, files 644 on every target,
even from a build folder made private (mkdtemp's 700) under the strictest umask.
Checked with a real nginx whose workers run as www-data, on a fresh web root."""

import os
import shutil
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from hosting.deploy import github_pages, rsync

from authoring.publishing import fresh_folder, replace_folder
from tests.conftest import build_site, copy_content
from tests.publish.test_deploy import git, repository_with_remote
from tests.support.nginx import CONFIG, NGINX
from tests.support.server import free_port


def modes(folder: Path) -> set[tuple[str, str]]:
    """(kind, mode) of the folder and everything in it."""
    found = set()
    for path in [folder, *folder.rglob("*")]:
        kind = "folder" if path.is_dir() else "file"
        found.add((kind, oct(stat.S_IMODE(path.stat().st_mode))))
    return found


READABLE = {("folder", "0o755"), ("file", "0o644")}


@pytest.fixture(scope="module")
def private_build(tmp_path_factory):
    """A production build in publish's own fresh folder, written under umask 077."""
    work = tmp_path_factory.mktemp("web-root")
    content = copy_content(work)
    old = os.umask(0o077)
    try:
        site = fresh_folder(work)
        built = build_site(content, site, "publishconf.py")
    finally:
        os.umask(old)
    assert built.returncode == 0, built.stdout + built.stderr
    return site


@pytest.fixture
def www():
    """A server's /var/www: readable by everyone, outside pytest's private folders."""
    folder = Path(tempfile.mkdtemp(prefix="harden-www-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def served(root: Path, paths: list[str]) -> list[int]:
    """The status nginx, its workers running as www-data, answers for each path."""
    work = root.parent / "nginx"
    work.mkdir()
    port = free_port()
    config = CONFIG.format(
        brotli="/usr/lib/nginx/modules/ngx_http_brotli_static_module.so",
        work=work,
        port=port,
        host="localhost",
        root=root,
        snippet=work / "empty.conf",
    ).replace("user root;", "user www-data;")
    (work / "empty.conf").write_text("index index.html;\n")
    (work / "redirect.conf").write_text("")
    (work / "nginx.conf").write_text(config)
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")])
    try:
        statuses = []
        for path in paths:
            for _ in range(100):
                try:
                    url = f"http://127.0.0.1:{port}/{path}"
                    with urllib.request.urlopen(url, timeout=5) as response:
                        statuses.append(response.status)
                    break
                except urllib.error.HTTPError as error:
                    statuses.append(error.code)
                    break
                except OSError:
                    assert process.poll() is None, "nginx did not start"
                    time.sleep(0.1)
        return statuses
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_first_rsync_deploy_is_readable_by_nginx(private_build, www):
    root = www / "site"  # a fresh web root: rsync makes it
    rsync(private_build, f"{root}/")
    assert modes(root) == READABLE
    pages = ["", "blog/dilemmas/", "sitemap.xml"]
    assert served(root, pages) == [200, 200, 200]


def test_rsync_repairs_a_web_root_left_private(private_build, www):
    root = www / "site"
    root.mkdir(mode=0o700)
    (root / "index.html").write_text("oud")
    (root / "index.html").chmod(0o600)
    rsync(private_build, f"{root}/")
    assert modes(root) == READABLE


def test_the_hosts_output_folder_is_readable(private_build, tmp_path):
    copy = tmp_path / ".publish-copy"
    shutil.copytree(private_build, copy, copy_function=shutil.copy2)
    copy.chmod(0o700)
    output = tmp_path / "output"
    replace_folder(copy, output)
    assert modes(output) == READABLE


def test_github_pages_gets_readable_files(private_build, tmp_path, monkeypatch):
    # Git keeps only the executable bit: a file that reaches the build with it (a
    # picture copied from a USB stick or a Windows share) is still pushed as 644.
    copy = tmp_path / ".publish-copy"
    shutil.copytree(private_build, copy, copy_function=shutil.copy2)
    next(copy.glob("theme/img/*.png")).chmod(0o700)
    repo, remote = repository_with_remote(tmp_path)
    monkeypatch.chdir(repo)
    github_pages(copy, "origin", "gh-pages", None, "eerste keer")
    listed = git("ls-tree", "-r", "gh-pages", cwd=remote).splitlines()
    assert {line.split()[0] for line in listed} == {"100644"}
