"""Loading and strictly validating worksheet definitions (YAML in content/worksheets/).

Every problem is a finding naming the file, the line, the path inside the definition
(e.g. `sections[1].fields[2].type`) and what was expected; each section and field is
checked on its own, so one DefinitionError holds them all (`findings`).
"""

import hashlib
import json
import logging
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml
from sitekit.errors import DefinitionError

from . import formula

logger = logging.getLogger(__name__)

FIELD_TYPES = ("text", "textarea", "number", "money", "date", "yesno", "choice")
NUMERIC = ("number", "money")
VERDICTS = ("keep", "outsource", "unsure")
# The stored values of a yes/no answer: stable identifiers (in saved answers and in
# verdict rules), never shown; the reader sees the ws_yes/ws_no strings.
YES_NO = ("ja", "nee")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
RESERVED = {"sum"}


@dataclass
class Field:
    name: str
    label: str
    type: str
    help: str = ""
    required: bool = False
    default: object = None
    choices: list[str] = field(default_factory=list)
    formula: str = ""
    compute: object = None
    unit: str = ""  # shown after the number: "uur per maand", "klanten"
    decimals: int = 2  # places a number is rounded to (half away from zero)
    approximate: bool = False  # a result shown as "ongeveer 3"

    @property
    def options(self) -> list[str]:
        """The values a reader can pick: ja/nee for yes/no, else the choices."""
        return list(YES_NO) if self.type == "yesno" else self.choices


@dataclass
class Repeat:
    min: int
    max: int
    add: str
    item: str


@dataclass
class Rule:
    when: dict[str, str]
    then: str


@dataclass
class Verdict:
    label: str
    rules: list[Rule]
    otherwise: str = "unsure"


@dataclass
class Section:
    name: str
    title: str
    fields: list[Field]
    help: str = ""
    repeat: Repeat | None = None
    verdict: Verdict | None = None
    recap: bool = False  # its written answers shown again in the result card


@dataclass
class Worksheet:
    name: str
    title: str
    sections: list[Section]
    intro: str = ""
    version: str = ""

    def fields(self) -> list[Field]:
        return [f for section in self.sections for f in section.fields]

    def rules_json(self, section: Section) -> list:
        """A section's verdict rules as [[{field: value}, verdict], ...]."""
        return [[rule.when, rule.then] for rule in section.verdict.rules]


@dataclass
class _Places:
    """Where names and formulas were written, for checks that span the definition."""

    names: list = field(default_factory=list)  # (name, node of its `name:`)
    formulas: dict = field(default_factory=dict)  # computed field -> `compute:` node


class _Node:
    """A YAML node with the file and path it came from, for precise messages."""

    def __init__(self, node: yaml.Node, file: str, path: str):
        self.node = node
        self.file = file
        self.path = path

    @property
    def line(self) -> int:
        return self.node.start_mark.line + 1

    def fail(self, code: str, **params):
        raise DefinitionError(self.file, code, self.path, self.line, **params)

    def child(self, node: yaml.Node, suffix: str) -> "_Node":
        joiner = "" if suffix.startswith("[") or not self.path else "."
        return _Node(node, self.file, self.path + joiner + suffix)

    def mapping(self, required: tuple, optional: tuple) -> dict[str, "_Node"]:
        if not isinstance(self.node, yaml.MappingNode):
            self.fail("mapping-expected", keys=list(required))
        found: dict[str, _Node] = {}
        for key, value in self.node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag != _STR:
                _Node(key, self.file, self.path).fail("key-not-word")
            child = self.child(value, key.value)
            at_key = _Node(key, self.file, child.path)
            if key.value in found:
                at_key.fail("key-twice")
            if key.value not in required + optional:
                options = list(required + optional)
                at_key.fail("key-unknown", value=key.value, options=options)
            found[key.value] = child
        missing = [key for key in required if key not in found]
        if missing:
            self.fail("key-missing", keys=missing)
        return found

    def sequence(self, non_empty: bool = True) -> list["_Node"]:
        if not isinstance(self.node, yaml.SequenceNode):
            self.fail("list-expected")
        if non_empty and not self.node.value:
            self.fail("list-empty")
        return [self.child(item, f"[{i}]") for i, item in enumerate(self.node.value)]

    def scalar(self, tag: str, expected: str):
        if not isinstance(self.node, yaml.ScalarNode) or self.node.tag != tag:
            self.fail("value-wrong-kind", expected=expected, **_shown(self.node))
        try:
            return _CONSTRUCT[tag](self.node)
        except (ValueError, OverflowError):
            self.fail("value-wrong-kind", expected=expected, value=self.node.value)

    def text(self) -> str:
        value = self.scalar(_STR, "text")
        if not value.strip():
            self.fail("text-empty")
        return value.strip()

    def integer(self, low: int = 0) -> int:
        value = self.scalar(_INT, "whole-number")
        if value < low:
            self.fail("number-too-small", low=low, value=value)
        return value

    def number(self) -> float:
        if isinstance(self.node, yaml.ScalarNode) and self.node.tag == _INT:
            return float(self.integer(low=-(10**15)))
        value = self.scalar(_FLOAT, "number")
        if value != value or value in (float("inf"), float("-inf")):
            self.fail("number-infinite")
        return value

    def boolean(self) -> bool:
        return self.scalar(_BOOL, "true-or-false")

    def one_of(self, options: tuple | list) -> str:
        value = self.node.value if isinstance(self.node, yaml.ScalarNode) else None
        if not isinstance(value, str) or value not in options:
            shown = {"value": value} if isinstance(value, str) else _shown(self.node)
            self.fail("value-not-allowed", options=list(options), **shown)
        return value


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_CONSTRUCT = {
    _STR: _CONSTRUCTOR.construct_yaml_str,
    _INT: _CONSTRUCTOR.construct_yaml_int,
    _FLOAT: _CONSTRUCTOR.construct_yaml_float,
    _BOOL: _CONSTRUCTOR.construct_yaml_bool,
}


def _shown(node: yaml.Node) -> dict:
    """What a node holds: its kind (a catalog term) and its value as written."""
    if isinstance(node, yaml.MappingNode):
        return {"found": "mapping"}
    if isinstance(node, yaml.SequenceNode):
        return {"found": "list"}
    kinds = {_STR: "text", _INT: "number", _FLOAT: "number", _BOOL: "true-false"}
    return {"found": kinds.get(node.tag, "empty"), "value": node.value}


def _compose(text: str, file: str) -> yaml.Node:
    """The YAML node tree, refusing aliases (they would make cycles and bombs)."""
    try:
        events = list(yaml.parse(text, Loader=yaml.SafeLoader))
        for event in events:
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1
                raise DefinitionError(file, "yaml-anchor", "", line)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as problem:
        mark = problem.problem_mark or problem.context_mark
        line = mark.line + 1 if mark else None
        tab = any(t in str(problem.problem) for t in ("\\t", "\t"))
        code = "yaml-tab" if tab else "yaml-invalid"
        raise DefinitionError(file, code, "", line, detail=problem.problem) from None
    except yaml.YAMLError as problem:
        raise DefinitionError(file, "yaml-invalid", detail=str(problem)) from None
    except RecursionError:
        raise DefinitionError(
            file, "yaml-invalid", detail="nested too deeply"
        ) from None
    if node is None:
        raise DefinitionError(file, "worksheet-empty")
    return node


def _checked(found: list, check, *args, **params):
    """`check(*args, **params)`, its DefinitionError added to `found` (then None)."""
    try:
        return check(*args, **params)
    except DefinitionError as error:
        found += error.findings
        return None


def parse_text(text: str, file: str, name: str) -> Worksheet:
    """Parse and validate one worksheet definition given as text; a DefinitionError
    holds every mistake found (`findings`, in the order of the file)."""
    root = _Node(_compose(text, file), file, "")
    keys = root.mapping(("title", "sections"), ("intro",))
    places = _Places()
    found: list[DefinitionError] = []
    title = _checked(found, keys["title"].text)
    intro = _checked(found, keys["intro"].text) if "intro" in keys else ""
    sections = [
        _checked(found, _section, item, places, found)
        for item in keys["sections"].sequence()
    ]
    if not found:  # the checks across the definition need every part
        sheet = Worksheet(name=name, title=title, intro=intro, sections=sections)
        _check_names(places, found)
        _check_formulas(sheet, places, found)
    if found:
        raise DefinitionError.collected(sorted(found, key=lambda e: e.line or 0))
    payload = json.dumps(asdict(sheet), sort_keys=True, ensure_ascii=False)
    sheet.version = hashlib.sha256(payload.encode()).hexdigest()[:12]
    return sheet


def parse_file(path: Path) -> Worksheet:
    """Parse and validate a worksheet definition file."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DefinitionError(path, "not-utf8") from None
    return parse_text(text, str(path), Path(path).stem)


def script_strings(strings: dict) -> dict:
    """The UI strings the worksheet script needs, without their "ws_" prefix."""
    return {
        key.removeprefix("ws_").removeprefix("js_"): value
        for key, value in sorted(strings.items())
        if key.startswith(("ws_js_", "ws_verdict_"))
    }


def _identifier(node: _Node) -> str:
    value = node.scalar(_STR, "name")
    if not NAME.match(value) or value in RESERVED:
        node.fail("name-unusable", value=value)
    return value


def _section(node: _Node, places: _Places, found: list) -> Section:
    keys = node.mapping(
        ("name", "title", "fields"), ("help", "repeat", "verdict", "recap")
    )
    before = len(found)
    repeat = _checked(found, _repeat, keys["repeat"]) if "repeat" in keys else None
    name = _checked(found, _identifier, keys["name"])
    places.names.append((name, keys["name"]))
    section = Section(
        name=name,
        title=_checked(found, keys["title"].text),
        help=_checked(found, keys["help"].text) if "help" in keys else "",
        fields=[],
        repeat=repeat,
        recap=_checked(found, keys["recap"].boolean) if "recap" in keys else False,
    )
    repeated = "repeat" in keys
    for item in keys["fields"].sequence():
        section.fields.append(_checked(found, _field, item, repeated, places))
    if len(found) > before:  # its verdict may name a field that was not read
        return section
    if "verdict" in keys:
        if repeat is None:
            keys["verdict"].fail("verdict-not-repeated")
        section.verdict = _verdict(keys["verdict"], section)
    return section


def _repeat(node: _Node) -> Repeat:
    r = node.mapping(("max", "add", "item"), ("min",))
    low = r["min"].integer() if "min" in r else 1
    high = r["max"].integer(low=max(low, 1))
    return Repeat(min=low, max=high, add=r["add"].text(), item=r["item"].text())


def _field(node: _Node, repeated: bool, places: _Places) -> Field:
    keys = node.mapping(
        ("name", "label", "type"),
        ("help", "required", "default", "choices", "compute")
        + ("unit", "decimals", "approximate"),
    )
    item = Field(
        name=_identifier(keys["name"]),
        label=keys["label"].text(),
        type=keys["type"].one_of(FIELD_TYPES),
        help=keys["help"].text() if "help" in keys else "",
    )
    places.names.append((item.name, keys["name"]))
    if "choices" in keys:
        if item.type != "choice":
            keys["choices"].fail("choices-not-choice")
        item.choices = [c.text() for c in keys["choices"].sequence()]
        if len(set(item.choices)) != len(item.choices):
            keys["choices"].fail("choice-twice")
    elif item.type == "choice":
        node.fail("choices-missing")
    if "compute" in keys:
        if item.type not in NUMERIC:
            keys["compute"].fail("compute-not-numeric")
        if repeated:
            keys["compute"].fail("compute-repeated")
        for other in ("required", "default"):
            if other in keys:
                keys[other].fail("compute-filled")
        item.formula = keys["compute"].scalar(_STR, "formula")
        item.compute = formula.parse(
            item.formula, node.file, keys["compute"].path, keys["compute"].line
        )
        places.formulas[item.name] = keys["compute"]
    for key in ("unit", "decimals", "approximate"):
        if key in keys and item.type not in NUMERIC:
            keys[key].fail("numeric-only", key=key)
    if "approximate" in keys and not item.formula:
        keys["approximate"].fail("approximate-not-computed")
    if "unit" in keys:
        item.unit = keys["unit"].text()
    if "decimals" in keys:
        item.decimals = keys["decimals"].integer()
        if item.decimals > 4:
            keys["decimals"].fail("decimals-too-many", value=item.decimals)
    if "approximate" in keys:
        item.approximate = keys["approximate"].boolean()
    if "required" in keys:
        item.required = keys["required"].boolean()
    if "default" in keys:
        default = keys["default"]
        if item.type in NUMERIC:
            item.default = default.number()
        elif item.type in ("yesno", "choice"):
            item.default = default.one_of(item.options)
        elif item.type == "date":
            value = default.scalar(_STR, "date-text")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                default.fail("default-date")
            item.default = value
        else:
            item.default = default.text()
    return item


def _verdict(node: _Node, section: Section) -> Verdict:
    keys = node.mapping(("label", "rules"), ("otherwise",))
    by_name = {f.name: f for f in section.fields}
    rules = []
    for item in keys["rules"].sequence():
        parts = item.mapping(("when", "then"), ())
        when_node = parts["when"]
        when = {}
        for name, value in when_node.mapping((), tuple(by_name)).items():
            target = by_name[name]
            if target.type not in ("yesno", "choice"):
                value.fail("rule-wrong-field")
            when[name] = value.one_of(target.options)
        if not when:
            when_node.fail("rule-empty")
        rules.append(Rule(when=when, then=parts["then"].one_of(VERDICTS)))
    otherwise = keys["otherwise"].one_of(VERDICTS) if "otherwise" in keys else "unsure"
    return Verdict(label=keys["label"].text(), rules=rules, otherwise=otherwise)


def _check_names(places: _Places, found: list) -> None:
    """Section and field names are unique across the whole worksheet."""
    seen: dict[str, str] = {}
    for name, node in places.names:
        if name in seen:
            _checked(found, node.fail, "name-taken", name=name, other=seen[name])
        seen.setdefault(name, node.path)


def _check_formulas(sheet: Worksheet, places: _Places, found: list) -> None:
    """Unknown fields, fields of the wrong kind, constant zero division, cycles:
    each formula's first mistake."""
    computed = {f.name: f.compute for f in sheet.fields() if f.compute is not None}
    for name in computed:
        _checked(found, _check_formula, sheet, places, name)
    if found:
        return
    for name in computed:
        cycle = _cycle_from(name, computed)
        if cycle:
            places.formulas[name].fail("formula-cycle", names=cycle)


def _check_formula(sheet: Worksheet, places: _Places, name: str) -> None:
    """The first mistake in the formula of the computed field `name`."""
    group_of = {f.name: s.name for s in sheet.sections if s.repeat for f in s.fields}
    kinds = {f.name: f.type for f in sheet.fields()}
    tree = next(f.compute for f in sheet.fields() if f.name == name)
    node = places.formulas[name]
    direct, summed = formula.references(tree)
    for ref in sorted(direct | summed):
        if ref not in kinds:
            known = sorted(n for n, k in kinds.items() if k in NUMERIC)
            text = node.scalar(_STR, "formula")
            node.fail("formula-unknown-field", value=ref, formula=text, options=known)
        if kinds[ref] not in NUMERIC:
            node.fail("formula-wrong-kind", field=ref, kind=kinds[ref])
    for ref in sorted(direct):
        if ref in group_of:
            node.fail("formula-repeated", field=ref, section=group_of[ref])
    for ref in sorted(summed):
        if ref not in group_of:
            node.fail("formula-sum-not-repeated", field=ref)
    if formula.zero_divisions(tree):
        node.fail("formula-zero", formula=node.scalar(_STR, "formula"))


def _cycle_from(start: str, computed: dict) -> list[str]:
    """A dependency path from `start` back to itself, if there is one."""
    stack = [(start, [start])]
    visited = set()
    while stack:
        name, trail = stack.pop()
        direct, _summed = formula.references(computed[name])
        for ref in sorted(direct):
            if ref == start:
                return [*trail, ref]
            if ref in computed and ref not in visited:
                visited.add(ref)
                stack.append((ref, [*trail, ref]))
    return []
