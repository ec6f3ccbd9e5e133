"""Hashed asset names, with module imports rewritten to the hashed names they load."""

import re

import pytest
from sitekit.assets import AssetManifest


@pytest.fixture
def theme(tmp_path):
    static = tmp_path / "theme" / "static"
    (static / "js").mkdir(parents=True)
    (static / "css").mkdir()
    (static / "css/site.css").write_text("body{}")
    (static / "js/store.js").write_text("export const x = 1;\n")
    (static / "js/main.js").write_text(
        'import { x } from "./store.js";\nconst y = import("./store.js");\n'
    )
    settings = {
        "THEME": str(tmp_path / "theme"),
        "THEME_STATIC_PATHS": ["static"],
        "THEME_STATIC_DIR": "theme",
        "OUTPUT_PATH": str(tmp_path / "out"),
    }
    return static, settings


def test_names_carry_a_content_hash(theme):
    static, settings = theme
    first = AssetManifest(settings).url("css/site.css")
    assert re.fullmatch(r"theme/css/site\.[0-9a-f]{10}\.css", first)
    (static / "css/site.css").write_text("body{color:red}")
    assert AssetManifest(settings).url("css/site.css") != first


def test_module_imports_point_at_hashed_names_in_minified_scripts(theme, tmp_path):
    static, settings = theme
    manifest = AssetManifest(settings)
    main = manifest.url("js/main.js")
    store = manifest.url("js/store.js")
    manifest.write()
    written = (tmp_path / "out" / main).read_text()
    store_name = store.rsplit("/", 1)[1]
    imports = f'import{{x}}from"./{store_name}";const y=import("./{store_name}")'
    assert written == imports
    assert (tmp_path / "out" / store).read_text() == "export const x=1"


def test_only_hashed_copies_stay_in_the_output(theme, tmp_path):
    _, settings = theme
    unhashed = tmp_path / "out/theme/css/site.css"
    unhashed.parent.mkdir(parents=True)
    unhashed.write_text("body{}")  # as Pelican's static generator copies it
    manifest = AssetManifest(settings)
    hashed = manifest.url("css/site.css")
    manifest.write()
    assert not unhashed.exists()
    assert (tmp_path / "out" / hashed).read_text() == "body{}"


def test_a_change_in_an_import_changes_the_importer(theme):
    static, settings = theme
    before = AssetManifest(settings).url("js/main.js")
    (static / "js/store.js").write_text("export const x = 2;\n")
    assert AssetManifest(settings).url("js/main.js") != before


def test_unknown_asset_is_an_error(theme):
    _, settings = theme
    with pytest.raises(FileNotFoundError, match="nope.js"):
        AssetManifest(settings).url("js/nope.js")


def test_a_stylesheet_is_one_file_made_of_its_parts(theme, tmp_path):
    static, settings = theme
    plugin = tmp_path / "plugin" / "static"
    (plugin / "css").mkdir(parents=True)
    (plugin / "css/extra.css").write_text(".b{}\n")
    settings["THEME_STATIC_PATHS"].append(str(plugin))
    (static / "css/base.css").write_text(".a{}\n")
    (static / "css/site.css").write_text(
        '/* parts */\n@import "base.css";\n@import "extra.css";\n'
    )
    for part in ("site.css", "base.css", "extra.css"):  # Pelican's plain copies
        (tmp_path / "out/theme/css").mkdir(parents=True, exist_ok=True)
        (tmp_path / "out/theme/css" / part).write_text("copy")
    manifest = AssetManifest(settings)
    hashed = manifest.url("css/site.css")
    manifest.write()
    assert (tmp_path / "out" / hashed).read_text() == ".a{}.b{}"
    assert sorted(p.name for p in (tmp_path / "out/theme/css").iterdir()) == [
        hashed.rsplit("/", 1)[1]
    ]
    (plugin / "css/extra.css").write_text(".c{}\n")
    assert AssetManifest(settings).url("css/site.css") != hashed


def test_a_stylesheet_mixing_imports_and_rules_is_an_error(theme):
    static, settings = theme
    (static / "css/base.css").write_text(".a{}")
    (static / "css/site.css").write_text('@import "base.css";\nbody{}')
    with pytest.raises(ValueError, match="mixes @import"):
        AssetManifest(settings).url("css/site.css")
