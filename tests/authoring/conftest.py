"""A private site folder to write posts into: the real settings, a copy of content/."""

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def workspace(tmp_path) -> Path:
    """A folder with pelicanconf.py, the theme and content/; returns the settings."""
    shutil.copy(ROOT / "pelicanconf.py", tmp_path / "pelicanconf.py")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "theme").symlink_to(ROOT / "theme")
    return tmp_path / "pelicanconf.py"
