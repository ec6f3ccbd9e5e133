"""The import contracts in pyproject.toml (`lint-imports`): sitekit is the core every
plugin may import, the other plugins do not import each other, and neither plugins
nor the author's tools import the tests. Scripts keep the same order: a theme script
imports only the theme's, a plugin's script its own and the theme's."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
PACKAGES = ("plugins", "authoring", "tests")
# A relative import in a module (as sitekit.assets rewrites them): its file name.
SCRIPT_IMPORT = re.compile(r"""(?:\bfrom|\bimport\s*\()\s*["']\./([\w.-]+\.js)["']""")


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    """lint-imports in `root`, with plugins/ on the path as Pelican has it."""
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": "plugins", "PATH": ""},
        capture_output=True,
        text=True,
    )


def python_tree(target: Path) -> Path:
    """The project's Python packages and contracts, without its content and data."""
    shutil.copyfile(ROOT / "pyproject.toml", target / "pyproject.toml")
    for package in PACKAGES:
        for source in (ROOT / package).rglob("*.py"):
            copy = target / source.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, copy)
    return target


def test_the_code_keeps_every_import_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_plugin_importing_another_breaks_a_contract(tmp_path):
    tree = python_tree(tmp_path)
    assert lint_imports(tree).returncode == 0
    for module, line in [
        ("plugins/findability/related.py", "from pictures.resize import refusal"),
        ("plugins/sitekit/files.py", "import hosting"),
        ("plugins/hosting/compress.py", "from authoring import catalog"),
        ("authoring/catalog.py", "from tests.support import server"),
    ]:
        path = tree / module
        original = path.read_text(encoding="utf-8")
        path.write_text(f"{original}\n{line}  # noqa\n", encoding="utf-8")
        result = lint_imports(tree)
        assert result.returncode == 1, (module, result.stdout[-2000:])
        name = module.split("/")[-2]
        assert f"{name} is not allowed to import" in result.stdout, result.stdout
        path.write_text(original, encoding="utf-8")


def script_boundaries_broken(root: Path) -> list[str]:
    """Imports of a script outside what it may import. Every static folder is served as
    one `js/` (sitekit.add_plugin_folders), so nothing else keeps a plugin's script from
    a module the site lacks when that plugin is left out."""
    theme = root / "theme" / "static" / "js"
    scripts = [*theme.glob("*.js"), *(root / "plugins").glob("*/static/js/*.js")]
    return [
        f"{script.relative_to(root)} imports {name}"
        for script in sorted(scripts)
        for name in SCRIPT_IMPORT.findall(script.read_text(encoding="utf-8"))
        if not any((folder / name).is_file() for folder in (script.parent, theme))
    ]


def test_scripts_import_only_their_own_folder_and_the_theme(tmp_path):
    assert script_boundaries_broken(ROOT) == []
    for part in ("theme", "plugins/embeds", "plugins/offline"):
        shutil.copytree(ROOT / part / "static/js", tmp_path / part / "static/js")
    assert script_boundaries_broken(tmp_path) == []
    for script, name in [
        ("theme/static/js/forms.js", "store.js"),
        ("plugins/offline/static/js/offline.js", "form.js"),
    ]:
        path = tmp_path / script
        path.write_text(f'import {{ x }} from "./{name}";\n' + path.read_text("utf-8"))
    assert script_boundaries_broken(tmp_path) == [
        "plugins/offline/static/js/offline.js imports form.js",
        "theme/static/js/forms.js imports store.js",
    ]
