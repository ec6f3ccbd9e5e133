"""One Dutch catalog: every code the plugins and the gates raise has its words in
authoring/problems.nl.yaml, every entry there is raised somewhere, and each fills
in without a placeholder left over."""

import ast
import re
from pathlib import Path

import pytest
from pictures.resize import refusal as refusal_of
from sitekit.markup import refusals

from authoring.catalog import catalog, words
from tests.conftest import ROOT

SOURCES = [*sorted((ROOT / "plugins").rglob("*.py"))]
SOURCES += sorted((ROOT / "authoring").rglob("*.py"))
# Calls that take a finding's code, and the position of the code among their
# arguments.
CODE_ARGUMENT = {
    "DefinitionError": 1,
    "DateError": 0,
    "SettingsError": 3,  # sitekit.owner: (file, line, path, code, **params)
    "LogoError": 0,
    "DeployError": 0,
    "FetchError": 0,
    "WixImportError": 0,
    "note": 1,  # wix_import's note(needle, code, **params)
    "_checked": 2,  # worksheet: _checked(found, node.fail, code, **params)
    "SlugError": 0,
    "fail": 0,
    "_fail": 0,
    "Finding": 0,
    "add": 2,  # invoke check's Checker.add(doc, line, code, **params)
    "report": 2,  # sitekit.findings.report(source_path, line, code, **params)
    "report_setting": 1,  # sitekit.findings.report_setting(path, code, **params)
    "worded": 2,  # authoring.messages.worded(file, line, code, params)
    "words": 0,  # authoring.catalog.words(code, params)
}
# Functions that hand back a code for a caller to raise.
CODE_RETURNS = {"problem"}
# Tables whose values are codes (English text or a key -> the code).
CODE_TABLES = {"RST_REFUSED", "MISSING_FIELD", "MISSING"}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _constants(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    if isinstance(node, ast.Call) and _name(node.func) == "get" and len(node.args) > 1:
        return _constants(node.args[1])  # a table's default: TABLE.get(key, "code")
    return []


def raised_codes() -> dict[str, str]:
    """Every code written in the source where a finding is made: code -> where."""
    found = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            codes = []
            if isinstance(node, ast.Call) and _name(node.func) in CODE_ARGUMENT:
                index = CODE_ARGUMENT[_name(node.func)]
                if len(node.args) > index:
                    codes = _constants(node.args[index])
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                codes = _constants(node.value)
            elif (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Dict)
                and any(
                    isinstance(t, ast.Name) and t.id in CODE_TABLES
                    for t in node.targets
                )
            ):
                codes = [c for v in node.value.values for c in _constants(v)]
            elif isinstance(node, ast.FunctionDef) and node.name in CODE_RETURNS:
                codes = [
                    c
                    for r in ast.walk(node)
                    if isinstance(r, ast.Return) and r.value is not None
                    for c in _constants(r.value)
                ]
            for code in codes:
                found.setdefault(code, where)
    # axe rules with words of their own
    from authoring.gates.words import AXE_CODES

    for code in AXE_CODES.values():
        found.setdefault(code, "authoring/gates/words.py")
    # families worded as prefix + kind: what a post may not contain, and why a
    # picture is not published
    html = (
        '<iframe src="https://x"></iframe><script></script><style></style><form>'
        '<p style="x" onclick="x" srcdoc="x"><a href="javascript:x">a</a></p>'
    )
    for refusal in refusals(html):
        found.setdefault(f"refused-{refusal.kind}", "plugins/sitekit/markup.py")
    for name in ("a.heic", "a.svg", "a.txt"):
        found.setdefault(f"picture-{refusal_of(Path(name))}", "plugins/pictures")
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and _name(node.func) == "PictureError":
                for reason in _constants(node.args[1]) if len(node.args) > 1 else []:
                    found.setdefault(f"picture-{reason}", path.name)
    return found


def test_every_code_raised_has_dutch_words():
    problems = catalog()["problems"]
    missing = {c: w for c, w in raised_codes().items() if c not in problems}
    assert missing == {}


def test_every_catalog_entry_is_raised():
    raised = raised_codes()
    assert sorted(set(catalog()["problems"]) - set(raised)) == []


@pytest.mark.parametrize("code", sorted(catalog()["problems"]))
def test_each_entry_fills_in_completely(code):
    """With every placeholder given a value, nothing of the template is left."""
    entry = catalog()["problems"][code]
    names = set(re.findall(r"(?<!\{)\{(\w+)", entry["message"] + entry["advice"]))
    params = {name: "x" for name in names}
    params |= {"options": ["a", "b"], "keys": ["a"], "names": ["a", "b", "a"]}
    message, advice, level = words(code, params)
    assert level in ("fout", "waarschuwing")
    for text in (message, advice):
        assert text and "\n" not in text
        assert not any(f"{{{name}" in text for name in names), text


def test_every_term_the_settings_files_name_is_in_the_catalog():
    """The kinds of value and layout mistakes sitekit.owner and authoring.source
    name by their term."""
    from sitekit.owner import KINDS, YAML_PROBLEMS

    from authoring.source import PYTHON_ERRORS

    named = {*KINDS.values(), *YAML_PROBLEMS.values(), "yaml-other"}
    named |= {*PYTHON_ERRORS.values(), "python-other"}
    named |= {"darker", "lighter", "empty", "list"}
    assert named - set(catalog()["terms"]) == set()
