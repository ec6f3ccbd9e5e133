"""The worksheet formula language: numbers, + - * /, parentheses, fields, sum(field).

A formula is parsed once, at build time, into a small tree of JSON-friendly lists that
the page's script evaluates with the same rules as `evaluate` here:
  number           -> 2.5
  field            -> ["f", "uurtarief"]
  sum(field)       -> ["sum", "uren"]
  a op b           -> ["+", a, b]   (op one of + - * /)
  -a               -> ["neg", a]
An empty field makes the result empty (None); so does a division by zero at run time.
"""

import math
import re

from sitekit.errors import DefinitionError

MAX_DEPTH = 40  # parentheses and minus signs inside each other
# A longer formula, or a longer chain of steps, is refused: the page's script and
# the checks here walk its tree recursively.
MAX_LENGTH = 1000
MAX_STEPS = 100
_TOKEN = re.compile(r"\s*(?:(\d+(?:[.,]\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(\S))")


class _Unreadable(ValueError):
    """The formula cannot be read at `column` (1-based)."""

    def __init__(self, message: str, column: int):
        super().__init__(message)
        self.column = column


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """Split a formula into (kind, text, column) tokens; kind is num, name or op."""
    tokens = []
    position = 0
    while True:
        match = _TOKEN.match(text, position)
        if not match:
            break
        number, name, other = match.groups()
        column = match.start(match.lastindex) + 1
        if number is not None:
            tokens.append(("num", number.replace(",", "."), column))
        elif name is not None:
            tokens.append(("name", name, column))
        elif other in "+-*/()":
            tokens.append(("op", other, column))
        else:
            raise _Unreadable(f"unexpected character {other!r}", column)
        position = match.end()
    tokens.append(("end", "", len(text) + 1))
    return tokens


class _Parser:
    def __init__(self, text: str):
        self.tokens = _tokens(text)
        self.index = 0
        self.depth = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.index]

    def take(self) -> tuple[str, str, int]:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        kind, value, column = self.take()
        if value != text or kind != "op":
            found = repr(value) if kind != "end" else "the end"
            raise _Unreadable(f"expected {text!r}, found {found}", column)

    def expression(self):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
        node = self.term()
        while self.peek()[:2] in (("op", "+"), ("op", "-")):
            node = [self.take()[1], node, self.term()]
        self.depth -= 1
        return node

    def term(self):
        node = self.factor()
        while self.peek()[:2] in (("op", "*"), ("op", "/")):
            node = [self.take()[1], node, self.factor()]
        return node

    def factor(self):
        kind, value, column = self.take()
        if kind == "num":
            number = float(value)
            if not math.isfinite(number):
                raise ValueError(f"number too large at column {column}")
            return number
        if kind == "op" and value == "-":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise ValueError(f"nested more than {MAX_DEPTH} levels deep")
            node = ["neg", self.factor()]
            self.depth -= 1
            return node
        if kind == "op" and value == "(":
            node = self.expression()
            self.expect(")")
            return node
        if kind == "name" and value == "sum":
            self.expect("(")
            kind, name, column = self.take()
            if kind != "name" or name == "sum":
                raise _Unreadable("expected a field name inside sum()", column)
            self.expect(")")
            return ["sum", name]
        if kind == "name":
            return ["f", value]
        found = repr(value) if kind != "end" else "the end"
        raise _Unreadable(f"expected a number, field or '(', found {found}", column)


def parse(text: str, file: str = "", path: str = "", line: int | None = None):
    """Parse a formula into its tree; a DefinitionError explains what is wrong."""
    if not isinstance(text, str) or not text.strip():
        raise DefinitionError(file, "formula-empty", path, line)
    if len(text) > MAX_LENGTH:
        raise DefinitionError(
            file, "formula-too-long", path, line, length=len(text), most=MAX_LENGTH
        )
    try:
        parser = _Parser(text)
        tree = parser.expression()
        kind, value, column = parser.peek()
        if kind != "end":
            raise _Unreadable(f"unexpected {value!r}", column)
    except (ValueError, RecursionError) as problem:
        column = getattr(problem, "column", None)
        code = "formula-unreadable-at" if column else "formula-unreadable"
        raise DefinitionError(
            file, code, path, line, formula=text, column=column, detail=str(problem)
        ) from None
    if _depth(tree) > MAX_STEPS:
        raise DefinitionError(file, "formula-too-deep", path, line, most=MAX_STEPS)
    return tree


def _depth(tree) -> int:
    """How many operations deep the tree is, counted without recursion."""
    deepest, stack = 0, [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, list) and node[0] not in ("f", "sum"):
            stack.extend((child, depth + 1) for child in node[1:])
    return deepest


def references(tree) -> tuple[set[str], set[str]]:
    """The fields a formula reads directly, and those it sums over a group."""
    direct: set[str] = set()
    summed: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            if node[0] == "f":
                direct.add(node[1])
            elif node[0] == "sum":
                summed.add(node[1])
            else:
                stack.extend(node[1:])
    return direct, summed


def constant(tree) -> float | None:
    """The value of a formula that reads no fields; None when it reads any."""
    if isinstance(tree, float):
        return tree
    if tree[0] in ("f", "sum"):
        return None
    if tree[0] == "neg":
        value = constant(tree[1])
        return None if value is None else -value
    left, right = constant(tree[1]), constant(tree[2])
    if left is None or right is None:
        return None
    return _apply(tree[0], left, right)


def zero_divisions(tree) -> list[str]:
    """Operator descriptions of each division by a constant zero in the formula."""
    found = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if not isinstance(node, list) or node[0] in ("f", "sum"):
            continue
        if node[0] == "/" and constant(node[2]) == 0:
            found.append("division by zero")
        stack.extend(node[1:])
    return found


def _apply(op: str, a: float, b: float) -> float | None:
    if op == "+":
        result = a + b
    elif op == "-":
        result = a - b
    elif op == "*":
        result = a * b
    elif b == 0:
        return None
    else:
        result = a / b
    return result if math.isfinite(result) else None


def evaluate(tree, values: dict, computed: dict | None = None) -> float | None:
    """The value of a formula for the given answers, exactly as the page computes it.

    `values` maps a field to its number (None when empty), and a field in a repeated
    group to the list of its rows' numbers; `computed` maps computed fields to trees.
    """
    computed = computed or {}
    if isinstance(tree, float | int):
        return float(tree)
    kind = tree[0]
    if kind == "f":
        if tree[1] in computed:
            return evaluate(computed[tree[1]], values, computed)
        value = values.get(tree[1])
        return None if value is None or isinstance(value, list) else float(value)
    if kind == "sum":
        total = 0.0
        for value in values.get(tree[1]) or []:
            if value is not None:
                total += value
        return total if math.isfinite(total) else None
    if kind == "neg":
        value = evaluate(tree[1], values, computed)
        return None if value is None else -value
    left = evaluate(tree[1], values, computed)
    right = evaluate(tree[2], values, computed)
    if left is None or right is None:
        return None
    return _apply(kind, left, right)
