"""Every app's tests run: pytest only looks in the folders pyproject.toml names."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_folder_of_tests_is_in_pytests_testpaths():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())
    testpaths = set(settings["tool"]["pytest"]["ini_options"]["testpaths"])
    folders_with_tests = {
        folder.name
        for folder in ROOT.iterdir()
        if folder.is_dir() and not folder.name.startswith(".") and any(folder.rglob("test_*.py"))
    }
    assert folders_with_tests - testpaths == set()
