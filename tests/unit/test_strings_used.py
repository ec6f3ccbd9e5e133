"""Every UI string in theme/strings.yaml is used: no dead text to keep up to date."""

import re

import yaml

from tests.conftest import ROOT

SUFFIXES = (".html", ".py", ".js", ".xml")


def sources(*folders: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8")
        for folder in folders
        for path in sorted((ROOT / folder).rglob("*"))
        if path.suffix in SUFFIXES and "__pycache__" not in path.parts
    )


def test_every_ui_string_is_used():
    strings = yaml.safe_load((ROOT / "theme/strings.yaml").read_text(encoding="utf-8"))
    code = sources("theme", "plugins", "authoring") + (
        ROOT / "pelicanconf.py"
    ).read_text(encoding="utf-8")
    scripts = sources("plugins/embeds/static")
    # Keys a template builds from a prefix: T['form_' ~ name], T["share_" ~ key].
    prefixes = tuple(re.findall(r"T\[\s*['\"](\w+)['\"]\s*~", code))
    # The worksheet script gets ws_js_* and ws_verdict_* without "ws_"/"js_"
    # (embeds.worksheet.script_strings): S.key, t("key"), notice("key"), S["x_" + k].
    script_prefixes = tuple(re.findall(r"S\[\s*\"(\w+)\"\s*\+", scripts))
    unused = []
    for key in strings:
        if key.startswith(prefixes) or re.search(rf"\b{key}\b", code):
            continue
        short = key.removeprefix("ws_").removeprefix("js_")
        if key.startswith(("ws_js_", "ws_verdict_")) and (
            short.startswith(script_prefixes)
            or re.search(rf"\bS\.{short}\b|\"{short}\"", scripts)
        ):
            continue
        unused.append(key)
    assert unused == []
