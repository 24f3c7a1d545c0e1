"""Debian's Chromium, as the browser tests (tests/browser/) and `make audit` start it.

Quiet flags: no sandbox in containers, no GPU, and no background traffic
(updates, sync, QUIC) that would add requests to what is measured or tested.
"""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
