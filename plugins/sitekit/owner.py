"""The owner's settings: content/instellingen.yaml, read into the settings the plugins
use (BUSINESS, MENU_ITEMS, CTAS, FORMS, ...), by pelicanconf.py.

The file is checked whole before anything is used: a mistake is a SettingsError with
file, line, field path, a code and its parameters (data), and stops the build. The
Dutch words of every code are in the author's catalog, authoring/problems.nl.yaml.
"""

import difflib
import re
from pathlib import Path

import yaml

from . import colours, logo

# A plausible e-mail address: something, @, a domain with a dot and a top-level part of
# two or more (`marieke@stal` is none). The `pattern` of every e-mail field (the
# browser checks it, with or without forms.js) and the check of the owner's address.
EMAIL_PATTERN = r"[^@\s]+@[^@\s]+\.[^@\s.]{2,}"

OWNER_FILE = "content/instellingen.yaml"  # in the project, next to pelicanconf.py
# What the file may hold. A value is "text" (None allowed), "yes/no", "email",
# "colour", a mapping with these keys (a dict), ("each", spec): a mapping of names
# the owner chooses, ("list", spec), or ("maybe", spec): spec or empty.
TEXT, FLAG, EMAIL, COLOUR = "text", "yes/no", "email", "colour"
FORM = {
    "provider": TEXT,
    "endpoint": TEXT,
    "recipient": TEXT,
    "field_names": ("each", TEXT),
    "honeypot": TEXT,
    "redirect_field": TEXT,
}
SCHEMA = {
    "business": {
        "name": TEXT,
        "owner": TEXT,
        "email": EMAIL,
        "phone": TEXT,
        "kvk": TEXT,
        "region": TEXT,
    },
    "site_public_url": TEXT,
    "menu": ("list", {"label": TEXT, "page": TEXT}),
    "brand_colour": COLOUR,
    "logo": TEXT,
    "booking_url": TEXT,
    "booking_tool": TEXT,
    "ctas": (
        "each",
        {"title": TEXT, "text": TEXT, "button": TEXT, "url": TEXT, "booking": FLAG},
    ),
    "cta_default": TEXT,
    "forms": ("each", FORM),
    "newsletter_by_mail": FLAG,
    "privacy": {
        "host": TEXT,
        "keep_messages": TEXT,
        "keep_clients": TEXT,
        "keep_newsletter": TEXT,
        "keep_logs": TEXT,
    },
    "analytics": (
        "maybe",
        {
            "name": TEXT,
            "script": TEXT,
            "endpoint": TEXT,
            "attributes": ("each", TEXT),
        },
    ),
    "services": ("each", {"icon": TEXT, "price": TEXT}),
    "testimonials": FLAG,
    "worksheet_teaser": TEXT,
    "worksheet_default": TEXT,
    "checklist_default": TEXT,
}
# The setting each key fills; the others are the key in capitals.
SETTING_NAMES = {"menu": "MENU_ITEMS"}
REQUIRED = ("business", "site_public_url", "menu", "brand_colour")
LOGO_FOLDER = "images"  # in the content folder, next to the settings file

# The kind of value each spec wants (a term of the catalog, for "hier hoort ...").
KINDS = {
    TEXT: "setting-text",
    FLAG: "setting-flag",
    EMAIL: "setting-email",
    COLOUR: "setting-colour",
    "each": "setting-block",
    "list": "setting-list",
    "mapping": "setting-block",
}
# What YAML says, as the kind of layout mistake (a term of the catalog).
YAML_PROBLEMS = {
    "mapping values are not allowed": "yaml-colon-misplaced",
    "could not find expected ':'": "yaml-colon-missing",
    "found unexpected end of stream": "yaml-quote-open",
    "while scanning a quoted scalar": "yaml-quote-open",
    "expected <block end>": "yaml-indent",
    "did not find expected key": "yaml-indent",
    "did not find expected '-'": "yaml-indent-list",
}


class SettingsError(ValueError):
    """A mistake in the owner's settings: where (file, line, field path), a code of
    the catalog and its parameters."""

    def __init__(self, file, line: int, path: str, code: str, **params):
        self.file, self.line, self.path = str(file), line, path
        self.code, self.params = code, params
        super().__init__(str(self))

    def __str__(self) -> str:
        """For developers: the code and its parameters (the author reads the
        catalog's words, authoring/messages.py: settings_problem)."""
        details = ", ".join(f"{k}={v!r}" for k, v in sorted(self.params.items()))
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}: {where}{self.code}" + (
            f" ({details})" if details else ""
        )


class _Reader:
    """Checks the composed file against SCHEMA, keeping the line of every value."""

    def __init__(self, file: Path, text: str):
        self.file, self.text = file, text
        self.lines: dict[str, int] = {}

    def fail(self, code: str, node: yaml.Node, path: str, **params):
        raise SettingsError(self.file, node.start_mark.line + 1, path, code, **params)

    def value(self, node: yaml.Node, spec, path: str):
        self.lines[path] = node.start_mark.line + 1
        empty = isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")
        if isinstance(spec, tuple) and spec[0] == "maybe":
            return None if empty else self.value(node, spec[1], path)
        if isinstance(spec, dict):
            return self.mapping(node, spec, path)
        if isinstance(spec, tuple):
            if spec[0] == "list":
                items = self.expect(node, yaml.SequenceNode, "list", path)
                return [self.value(n, spec[1], f"{path}.{i}") for i, n in items]
            pairs = self.expect(node, yaml.MappingNode, "each", path)
            return {key: self.value(n, spec[1], f"{path}.{key}") for key, n in pairs}
        if empty:
            return self.colour_unquoted(node, path) if spec == COLOUR else None
        if not isinstance(node, yaml.ScalarNode):
            self.fail(
                "setting-wrong-kind", node, path, expected=KINDS[spec], **_given(node)
            )
        value = yaml.safe_load(yaml.serialize(node))
        if spec == FLAG:
            if not isinstance(value, bool):
                self.fail(
                    "setting-wrong-kind",
                    node,
                    path,
                    expected=KINDS[FLAG],
                    **_given(node),
                )
            return value
        value = str(value)
        if spec == EMAIL and not re.fullmatch(EMAIL_PATTERN, value):
            self.fail("email-invalid", node, path, value=value)
        if spec == COLOUR:
            return self.colour(node, path, value)
        return value

    def expect(self, node, kind, name: str, path: str):
        if not isinstance(node, kind) and not node.tag.endswith(":null"):
            self.fail(
                "setting-wrong-kind", node, path, expected=KINDS[name], **_given(node)
            )
        if kind is yaml.SequenceNode:
            return list(enumerate(node.value if isinstance(node, kind) else []))
        return self.keys(node) if isinstance(node, kind) else []

    def keys(self, node: yaml.MappingNode) -> list[tuple[str, yaml.Node]]:
        seen = set()
        for key, _value in node.value:
            if key.value in seen:
                self.fail("setting-twice", key, "", key=key.value)
            seen.add(key.value)
        return [(key.value, value) for key, value in node.value]

    def mapping(self, node: yaml.Node, spec: dict, path: str) -> dict:
        pairs = self.expect(node, yaml.MappingNode, "mapping", path)
        found = {}
        for key, value in pairs:
            if key not in spec:
                self.fail("setting-unknown", value, path, value=key, options=[*spec])
            found[key] = self.value(value, spec[key], f"{path}.{key}".lstrip("."))
        for key in REQUIRED if not path else ():
            if key not in found:
                raise SettingsError(self.file, 1, "", "setting-missing", key=key)
        if path and isinstance(spec, dict) and not path.split(".")[-1].isdigit():
            fixed = path in SCHEMA  # a block of fixed keys: what is left out is empty
            for key in spec if fixed else ():
                found.setdefault(key, None)
        return found

    def colour(self, node: yaml.Node, path: str, value: str) -> str:
        try:
            brand = colours.parse(value)
        except ValueError:
            self.fail("colour-invalid", node, path, value=value)
        try:
            colours.palette(brand)
        except colours.ColourError as error:
            if error.usable is None:
                self.fail("colour-contrast-none", node, path, value=value)
            darker = colours.luminance(error.usable) < colours.luminance(brand)
            self.fail(
                "colour-contrast",
                node,
                path,
                value=value,
                ratio=f"{error.ratio:.1f}".replace(".", ","),
                usable=f'"{error.usable}"',
                direction="darker" if darker else "lighter",
            )
        return brand

    def colour_unquoted(self, node: yaml.Node, path: str):
        line = self.text.splitlines()[node.start_mark.line]
        if re.search(r":\s*#", line):
            self.fail("colour-unquoted", node, path)
        self.fail(
            "setting-wrong-kind", node, path, expected=KINDS[COLOUR], found="empty"
        )


def _given(node: yaml.Node) -> dict:
    """What a value is (the parameters `found`, a term, or `value`, as written)."""
    if isinstance(node, yaml.MappingNode):
        return {"found": "setting-block"}
    if isinstance(node, yaml.SequenceNode):
        return {"found": "list"}
    if node.tag.endswith(":null"):
        return {"found": "empty"}
    return {"value": node.value}


def _yaml_error(file: Path, error: yaml.YAMLError) -> SettingsError:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = mark.line + 1 if mark else 1
    text = f"{getattr(error, 'context', '') or ''} {getattr(error, 'problem', '')}"
    if "\\t" in text or "\t" in text:
        return SettingsError(file, line, "", "yaml-tab")
    problem = next((v for k, v in YAML_PROBLEMS.items() if k in text), "yaml-other")
    return SettingsError(file, line, "", "settings-unreadable", problem=problem)


def read(file: Path) -> tuple[dict, dict[str, int]]:
    """The file's values by key, checked, and the line of each field path."""
    try:
        text = Path(file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(file, 1, "", "settings-missing") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise _yaml_error(file, error) from None
    if node is None:
        raise SettingsError(file, 1, "", "setting-missing", key="business")
    reader = _Reader(file, text)
    values = reader.mapping(node, SCHEMA, "")
    if values.get("logo"):
        values["logo"] = _logo(Path(file), values["logo"], reader.lines["logo"])
    return values, reader.lines


def _logo(file: Path, name: str, line: int) -> str:
    """The logo's file (its name, or its path in the content folder), checked."""
    relative = name.strip().strip("/").removeprefix("content/")
    path = file.parent / LOGO_FOLDER / relative.removeprefix(f"{LOGO_FOLDER}/")
    try:
        logo.check(path)
    except logo.LogoError as error:
        params = {"value": name, **error.params}
        raise SettingsError(file, line, "logo", error.code, **params) from None
    return str(path.resolve())


def owner_settings(file: Path) -> dict:
    """The settings the file gives, under the names the plugins read; SettingsError
    for the first mistake in it. Nothing when the content folder it belongs in is not
    there (the build says that, at PATH)."""
    if not Path(file).parent.is_dir():
        return {}
    values, lines = read(file)
    settings = {setting_path(key): values.get(key) for key in SCHEMA if key != "menu"}
    settings["MENU_ITEMS"] = [(i["label"], i["page"]) for i in values["menu"]]
    settings["CTAS"] = settings["CTAS"] or {}
    settings["FORMS"] = settings["FORMS"] or {}
    settings["SERVICES"] = settings["SERVICES"] or {}
    settings["NEWSLETTER_BY_MAIL"] = bool(settings["NEWSLETTER_BY_MAIL"])
    settings["TESTIMONIALS"] = settings["TESTIMONIALS"] is not False
    settings["AUTHOR"] = values["business"]["owner"]
    settings["OWNER_SETTINGS_FILE"] = str(file)
    settings["OWNER_SETTINGS_LINES"] = setting_lines(lines)
    return settings


def setting_path(path: str) -> str:
    """A field path of the file as the path of its setting: `ctas.vraag.url` ->
    `CTAS.vraag.url`."""
    key, _dot, rest = path.partition(".")
    name = SETTING_NAMES.get(key, key.upper())
    return f"{name}.{rest}" if rest else name


def file_path(path: str) -> str:
    """A setting's path as the owner's file writes it (setting_path's way back):
    `FORMS["contact"].endpoint` -> `forms.contact.endpoint`."""
    key, *rest = [p.strip("'\"") for p in re.split(r"[.\[\]]+", path) if p]
    names = {name: key for key, name in SETTING_NAMES.items()}
    return ".".join([names.get(key, key.lower()), *rest])


def setting_lines(lines: dict[str, int]) -> dict[str, int]:
    """The file's lines (from `read`) by the paths of their settings."""
    return {setting_path(path): line for path, line in lines.items()}


def setting_line(lines: dict[str, int], path: str) -> int | None:
    """The line of the value at a setting's path (e.g. `CTAS.kennismaking.title` or
    `FORMS["contact"].endpoint`), or of the nearest value above it."""
    parts = [p.strip("'\"") for p in re.split(r"[.\[\]]+", path) if p]
    while parts:
        if ".".join(parts) in lines:
            return lines[".".join(parts)]
        parts.pop()
    return None


def menu_addresses(
    menu: list, pages: list, fixed: dict[str, str], lines: dict, file: str | None
) -> list[tuple[str, str]]:
    """The menu as (label, address): each item's page found by what the owner wrote
    (`tarieven`, `tarieven/`, `tarieven.md`, `pages/tarieven.md`, or an address the
    site has in `fixed`, such as `blog/`); SettingsError at the first that is none.
    `file`: the settings file, None when it is not the built content folder's (then
    an item that names no page keeps its address as written)."""
    known = dict(fixed)
    for page in pages:
        stem = Path(page.source_path).stem
        for name in (page.slug, stem):
            known.setdefault(name, page.url)
    found = []
    for index, (label, page) in enumerate(menu):
        wanted = (page or "").strip().strip("/").removeprefix("content/")
        wanted = re.sub(r"\.(md|markdown)$", "", wanted.removeprefix("pages/"))
        if wanted not in known and file is None:
            known[wanted] = wanted + "/" if wanted else ""
        if wanted not in known:
            line = lines.get(f"MENU_ITEMS.{index}.page", 1)
            names = sorted(n for n in known if n)
            # The page she meant (a typing error) first, else the first three.
            close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.75)
            examples = close or names[:3]
            where = f"menu.{index}.page"
            raise SettingsError(
                file, line, where, "menu-page-unknown", page=page, examples=examples
            )
        found.append((label, known[wanted]))
    return found


def own_file(settings: dict) -> str | None:
    """The owner's settings file, when it is the built content folder's (a test's
    content folder built with the project's settings is not hers)."""
    file = settings.get("OWNER_SETTINGS_FILE")
    content = Path(settings["PATH"]).resolve()
    return file if file and Path(file).resolve().is_relative_to(content) else None


def site_menu(settings: dict, pages: list) -> list[tuple[str, str]]:
    """MENU_ITEMS with each page's address, among these pages (Pelican's, or what
    the check reads); SettingsError for a page that does not exist, when the
    settings file is that of the content folder (a test's content folder built with
    the project's settings may have other pages)."""
    index = settings["INDEX_URL"]
    return menu_addresses(
        settings.get("MENU_ITEMS", []),
        pages,
        {"": "", index.strip("/"): index},
        settings.get("OWNER_SETTINGS_LINES", {}),
        own_file(settings),
    )
