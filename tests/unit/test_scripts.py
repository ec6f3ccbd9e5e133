"""The worksheet's JavaScript modules pass their own unit tests in Node (tests/js),
as written and as the site serves them (minified)."""

import shutil
import subprocess
from pathlib import Path

from sitekit.assets import minify_js

from tests.support.node import NODE_FLAGS, ROOT, SCRIPTS


def passes_node_tests(root: Path) -> None:
    tests = sorted(str(path) for path in (root / "tests" / "js").glob("*.test.mjs"))
    assert len(tests) >= 4, tests
    result = subprocess.run(
        ["node", *NODE_FLAGS, "--test", *tests],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout


def test_the_worksheet_modules_pass_their_node_tests():
    passes_node_tests(ROOT)


def test_the_minified_modules_pass_the_same_node_tests(tmp_path):
    shutil.copytree(ROOT / "tests" / "js", tmp_path / "tests" / "js")
    scripts = tmp_path / SCRIPTS.relative_to(ROOT)
    scripts.mkdir(parents=True)
    for source in SCRIPTS.glob("*.js"):
        minified = minify_js(source.read_text(encoding="utf-8"))
        assert len(minified) < 0.85 * source.stat().st_size, source.name
        (scripts / source.name).write_text(minified, encoding="utf-8")
    passes_node_tests(tmp_path)
