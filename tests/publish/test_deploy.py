"""Deploying for real: GitHub Pages into a local bare repository, rsync into a local
folder, and `invoke publish` that deploys only when every quality gate passes."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hosting.deploy import DeployError, github_pages, rsync, target_settings

from tests.conftest import build_site
from tests.publish.hosting import HOST, ROOT
from tests.support.tasks import invoke

# Everything of the project but what is installed, built or cached.
NOT_COPIED = {"node_modules", "output", "cache", "deploy", "benchmarks", "__pycache__"}


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def repository_with_remote(work: Path) -> tuple[Path, Path]:
    """A project repository whose `origin` is a local bare repository."""
    remote, repo = work / "remote.git", work / "project"
    git("init", "--bare", "--quiet", str(remote), cwd=work)
    repo.mkdir(exist_ok=True)
    git("init", "--quiet", "-b", "main", cwd=repo)
    git("config", "user.name", "Test", cwd=repo)
    git("config", "user.email", "test@example.com", cwd=repo)
    git("remote", "add", "origin", str(remote), cwd=repo)
    return repo, remote


def project_copy(target: Path, filled_in: bool = True, **settings: str) -> Path:
    """The project (real content only) in a folder of its own, settings appended,
    with the owner's placeholder addresses filled in (unless filled_in is False)."""
    target.mkdir()
    for source in sorted(ROOT.iterdir()):
        if source.name in NOT_COPIED or source.name.startswith("."):
            continue
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(source, target / source.name, ignore=ignore)
        else:
            shutil.copyfile(source, target / source.name)
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    if filled_in:
        owner = target / "content/instellingen.yaml"
        text = owner.read_text(encoding="utf-8")
        owner.write_text(text.replace("hippisch-va.example", "stal-test.nl"), "utf-8")
    with open(target / "publishconf.py", "a", encoding="utf-8") as conf:
        for name, value in settings.items():
            conf.write(f"{name} = {value!r}\n")
    return target


def invoke_publish(project: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", "publish", *options],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_github_pages_branch_holds_the_site_and_keeps_its_cname(
    production_site, tmp_path, monkeypatch
):
    repo, remote = repository_with_remote(tmp_path)
    monkeypatch.chdir(repo)
    for message in ["eerste keer", "tweede keer"]:
        github_pages(production_site, "origin", "gh-pages", HOST, message)
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    built = sorted(
        p.relative_to(production_site).as_posix()
        for p in production_site.rglob("*")
        if p.is_file()
    )
    assert sorted(set(files) - {"CNAME", ".nojekyll"}) == built
    assert git("show", "gh-pages:CNAME", cwd=remote) == HOST
    log = git("log", "--format=%s", "gh-pages", cwd=remote).splitlines()
    assert log == ["tweede keer", "eerste keer"]
    assert git("branch", "--list", cwd=remote).split() == ["gh-pages"]


def test_rsync_mirrors_the_site_and_removes_a_deleted_post(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.copyfile(
        ROOT / "tests/fixtures/posts/extra-2.md", content / "posts/extra-2.md"
    )
    output, server = tmp_path / "output", tmp_path / "www"
    assert build_site(content, output, "publishconf.py").returncode == 0
    post = Path("blog/testpost-2/index.html")
    rsync(output, f"{server}/")
    assert (server / post).is_file()
    assert (server / "index.html").read_bytes() == (output / "index.html").read_bytes()

    (content / "posts/extra-2.md").unlink()
    assert build_site(content, output, "publishconf.py").returncode == 0
    preview = rsync(output, f"{server}/", dry_run=True)
    assert f"*deleting   {post}" in preview
    assert (server / post).is_file(), "a dry run changes nothing"

    rsync(output, f"{server}/")
    assert not (server / post).exists()
    assert not (server / post.parent).exists()
    mirrored = sorted(p.relative_to(server) for p in server.rglob("*"))
    assert mirrored == sorted(p.relative_to(output) for p in output.rglob("*"))


def told(error: DeployError) -> str:
    """The line `invoke publish` prints for it."""
    from authoring.messages import worded

    return str(worded("publish", 0, error.code, error.params))


def test_targets_say_what_they_miss_and_need_nothing_else():
    with pytest.raises(DeployError) as caught:
        target_settings({}, None)
    assert "zet DEPLOY_TARGET in publishconf.py" in told(caught.value)
    with pytest.raises(DeployError) as caught:
        target_settings({}, "ftp")
    assert told(caught.value).startswith("publish: fout: onbekend doel 'ftp' (kies uit")
    with pytest.raises(DeployError) as caught:
        target_settings({"DEPLOY_TARGET": "rsync"}, None)
    assert "zet RSYNC_DESTINATION in publishconf.py" in told(caught.value)
    assert target_settings({}, "netlify") == {"target": "netlify"}
    assert (
        target_settings({"SITE_PUBLIC_URL": "https://wil.github.io"}, "github-pages")[
            "cname"
        ]
        is None
    )


def test_publish_deploys_nothing_when_a_gate_fails(tmp_path):
    server = tmp_path / "www"
    project = project_copy(
        tmp_path / "project", DEPLOY_TARGET="rsync", RSYNC_DESTINATION=f"{server}/"
    )
    # A post whose raw HTML the Nu Html Checker rejects (a block inside a paragraph).
    (project / "content/posts/kapot.md").write_text(
        "Title: Kapot\nDate: 2024-03-01 10:00\nCategory: Ondernemen\nTags: planning\n"
        "Summary: Een post met een fout in de HTML.\n\n<span><div>blok</div></span>\n",
        encoding="utf-8",
    )
    preview = project / "output/index.html"
    preview.parent.mkdir()
    preview.write_text("het voorbeeld van de auteur", encoding="utf-8")
    result = invoke_publish(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Niet gepubliceerd" in result.stderr
    # One line: the post and the line of the HTML, what is wrong, what to do.
    found = [line for line in result.stdout.splitlines() if "kapot" in line]
    assert found == [
        "content/posts/kapot.md:7: fout: de HTML van deze pagina is niet geldig "
        "(controleer de HTML die je zelf in de post schreef, of schrijf het als "
        "gewone Markdown)"
    ]
    assert "Alles in orde" not in result.stdout
    assert "assert" not in result.stdout and "Traceback" not in result.stderr
    # The preview's output/ is left alone; the fresh build folder is gone.
    assert [p.name for p in (project / "output").iterdir()] == ["index.html"]
    assert preview.read_text(encoding="utf-8") == "het voorbeeld van de auteur"
    assert not list(project.glob(".publish-*"))
    assert not server.exists()


def test_publish_without_a_target_stops_before_building(tmp_path):
    project = project_copy(tmp_path / "project")
    result = invoke_publish(project)
    assert result.returncode == 2
    assert "zet DEPLOY_TARGET in publishconf.py" in result.stderr
    assert not (project / "output").exists()


def test_publish_to_github_pages_end_to_end(tmp_path):
    project = project_copy(tmp_path / "project", DEPLOY_TARGET="github-pages")
    _, remote = repository_with_remote(tmp_path)
    result = invoke_publish(project)
    assert result.returncode == 0, result.stdout + result.stderr
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).split()
    assert {"CNAME", "_headers", "_redirects", "index.html", "index.html.br"} <= set(
        files
    )
    assert "blog/dilemmas/index.html" in files
    assert "tasks.py" not in files


def test_publish_refuses_while_the_owner_placeholders_remain(tmp_path):
    project = project_copy(
        tmp_path / "project",
        filled_in=False,
        DEPLOY_TARGET="rsync",
        RSYNC_DESTINATION=str(tmp_path / "server"),
    )
    result = invoke_publish(project)
    assert result.returncode != 0
    line = next(
        number
        for number, text in enumerate(
            (project / "content/instellingen.yaml").read_text().splitlines(), 1
        )
        if text.startswith("site_public_url:")
    )
    assert (
        f"content/instellingen.yaml:{line}: fout: site_public_url is nog een "
        "voorbeeldadres" in result.stdout
    )
    assert not (tmp_path / "server").exists()
    assert not (project / "output").exists()


def test_publish_again_checks_what_changed_and_says_what_it_sent(tmp_path):
    server = tmp_path / "www"
    project = project_copy(
        tmp_path / "project", DEPLOY_TARGET="rsync", RSYNC_DESTINATION=f"{server}/"
    )
    for name in ("extra-1.md", "extra-2.md"):  # posts of one shape, tag and category
        shutil.copyfile(
            ROOT / "tests/fixtures/posts" / name, project / "content/posts" / name
        )
    first = invoke_publish(project)
    assert first.returncode == 0, first.stdout + first.stderr
    # A summary, not rsync's list of every file; the progress as it checks.
    assert ">f+++" not in first.stdout
    done = first.stdout.strip().splitlines()[-1]
    assert done.startswith(f"Gepubliceerd naar {server}/: ")
    assert done.endswith(" bestanden nieuw, 0 gewijzigd, 0 weggehaald")
    checked = re.findall(r"Controleren: (\d+) van (\d+) pagina's", first.stdout)
    assert checked and checked[-1][0] == checked[-1][1]

    post = project / "content/posts/dilemmas.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nEen zin erbij.\n", "utf-8")
    again = invoke_publish(project, "--verbose")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "Een zin erbij." in (server / "blog/dilemmas/index.html").read_text()
    lines = again.stdout.strip().splitlines()
    summary = next(line for line in lines if line.startswith("Gepubliceerd"))
    changed = int(re.search(r"(\d+) gewijzigd", summary)[1])
    assert 0 < changed == sum(line.startswith("  gewijzigd: ") for line in lines)
    assert "  gewijzigd: blog/dilemmas/index.html" in lines
    # One page of every shape and the changed ones, not the whole site again.
    rechecked = re.findall(r"Controleren: (\d+) van (\d+) pagina's", again.stdout)
    assert int(rechecked[-1][1]) < int(checked[-1][1])


def test_publish_and_gates_without_their_tools_name_the_tool_and_the_command(
    tmp_path,
):
    project = project_copy(tmp_path / "project", DEPLOY_TARGET="netlify")
    (project / "node_modules").unlink()
    (project / "node_modules").mkdir()  # `npm ci` never ran
    for task in ("publish", "gates"):
        result = (
            invoke_publish(project) if task == "publish" else invoke(task, cwd=project)
        )
        assert result.returncode == 2, task
        # Publish checks her content first (it needs no tools); nothing else fails.
        assert ": fout:" not in result.stdout and "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines() == [
            "De controles kunnen niet draaien: de HTML-controle (vnu-jar) ontbreekt op "
            "deze computer (aan je tekst ligt het niet; er is niets gepubliceerd). "
            "Installeer het met: npm ci --no-audit --no-fund --ignore-scripts (of: "
            "make serve)"
        ]
    assert not list(project.glob(".publish-*"))
    assert not (project / "output").exists()


def test_each_missing_system_tool_is_named_with_its_install_command(
    tmp_path, monkeypatch
):
    from authoring.gates import ToolMissing, tools

    monkeypatch.setenv("PATH", str(tmp_path))  # nothing installed
    for check, tool, package in [
        (tools.vnu, "Java (voor de HTML-controle)", "default-jre-headless"),
        (tools.chromium, "de browser Chromium", "chromium"),
    ]:
        with pytest.raises(ToolMissing) as missing:
            check()
        assert missing.value.tool == tool
        assert missing.value.command == f"sudo apt-get install -y {package}"
