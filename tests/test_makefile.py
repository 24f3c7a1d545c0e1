"""`make help` is where a newcomer looks first: it must name every target."""

import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAKEFILE = ROOT / "Makefile"


def phony_targets():
    text = MAKEFILE.read_text().replace("\\\n", " ")
    targets = []
    for match in re.finditer(r"^\.PHONY:(.*)$", text, re.MULTILINE):
        targets.extend(match.group(1).split())
    return targets


def test_the_makefile_declares_its_targets():
    # Every rule a person would type is .PHONY, so the list below is the whole menu.
    rules = set(re.findall(r"^([a-z][a-z0-9_-]*):", MAKEFILE.read_text(), re.MULTILINE))
    assert rules - set(phony_targets()) == set()
    assert {"run", "test", "help"} <= set(phony_targets())


def test_make_help_lists_every_target_with_one_line_each():
    # -s: no "make: Entering directory" noise; help needs no venv, so this is quick.
    output = subprocess.run(
        [shutil.which("make"), "-s", "help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    listed = [line.split()[1] for line in output.splitlines() if line.startswith("make ")]
    missing = [target for target in phony_targets() if target not in listed]
    assert missing == [], f"make help leaves out: {', '.join(missing)}"
    assert len(listed) == len(set(listed)), "a target is listed twice"
