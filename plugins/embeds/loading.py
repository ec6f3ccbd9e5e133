"""Finding definition files in a content folder, one definition per file."""

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sitekit.errors import DefinitionError

T = TypeVar("T")

# Where each kind of definition lives in the content folder, and its file suffixes.
DEFINITIONS = {
    "worksheet": ("worksheets", (".yaml", ".yml")),
    "checklist": ("checklists", (".md", ".markdown")),
}


def load_folder(
    folder: Path, suffixes: tuple[str, ...], parse: Callable[[Path], T]
) -> dict[str, T]:
    """Parse every definition in `folder`, keyed by file name without suffix."""
    found: dict[str, T] = {}
    origin: dict[str, Path] = {}
    if not folder.is_dir():
        return found
    for file in sorted(folder.iterdir()):
        if file.suffix not in suffixes or file.name.startswith((".", "_")):
            continue
        name = file.stem
        if name in origin:
            raise DefinitionError(
                file, "name-taken", name=name, other=origin[name].name
            )
        origin[name] = file
        found[name] = parse(file)
    return found
