"""`make audit`: Lighthouse 12 (mobile) and page weights against the production settings.

Serves the site with gunicorn on AUDIT_PORT, runs Lighthouse from a project-local
npm install (.tmp/audit/node_modules) with Debian's Chromium, and prints the four
category scores, Lighthouse's transfer size and our own gzip size of each page's
HTML+CSS+JS (budget: 30 KiB). Run it through make, which sets the production env.
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from chromium import CHROMIUM_ARGS  # scripts/chromium.py, beside this file

ROOT = Path(__file__).resolve().parent.parent
AUDIT_DIR = ROOT / ".tmp" / "audit"
LIGHTHOUSE_VERSION = "12.8.2"
LIGHTHOUSE = AUDIT_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home page": "/",
    "priority page": "/priorities/a-decent-home-for-everyone/",
    "partnership page": "/fairer-together/",
}
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
BUDGET_BYTES = 30 * 1024
NODE = shutil.which("node") or sys.exit("make audit needs Node.js (apt-get install nodejs npm).")


def run(*command, **kwargs):
    subprocess.run(command, check=True, cwd=ROOT, **kwargs)  # noqa: S603, S607


def install_lighthouse():
    if not LIGHTHOUSE.exists():
        AUDIT_DIR.mkdir(parents=True, exist_ok=True)
        run(
            "npm", "install", "--prefix", str(AUDIT_DIR), "--no-audit", "--no-fund",
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        )  # fmt: skip


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
        return response.read()


def compressed_page_weight(base_url, path):
    """gzip -9 size of the HTML and every stylesheet and script it links to."""
    html = fetch(base_url + path)
    assets = re.findall(rb'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(rb'<script[^>]+src="([^"]+)"', html)
    bodies = [html] + [fetch(base_url + asset.decode()) for asset in assets]
    return sum(len(gzip.compress(body, compresslevel=9)) for body in bodies)


def lighthouse(url, report_path, attempts=3):
    """Lighthouse's report; a busy machine sometimes spoils the trace (NO_NAVSTART), so retry."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    for attempt in range(1, attempts + 1):
        finished = subprocess.run(  # noqa: S603 - our own arguments
            [
                NODE, str(LIGHTHOUSE), url, "--quiet", "--form-factor=mobile",
                "--output=json", f"--output-path={report_path}",
                f"--chrome-flags={' '.join(CHROME_FLAGS)}",
            ],
            cwd=ROOT, env=env, check=False,
        )  # fmt: skip
        if finished.returncode == 0:
            return json.loads(report_path.read_text())
        print(f"Lighthouse failed on {url} (attempt {attempt} of {attempts})", file=sys.stderr)
    raise SystemExit(f"Lighthouse could not audit {url}; see {report_path}")


def main():
    port = int(os.environ.get("AUDIT_PORT", "8390"))
    base_url = f"http://127.0.0.1:{port}"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{AUDIT_DIR / 'db.sqlite3'}")
    os.environ.setdefault("MEDIA_ROOT", str(AUDIT_DIR / "media"))
    python = sys.executable
    install_lighthouse()
    run(python, "manage.py", "collectstatic", "--noinput", "--verbosity", "0")
    run(python, "manage.py", "migrate", "--noinput", "--verbosity", "0")
    run(python, "manage.py", "load_seed_content")

    gunicorn = subprocess.Popen(  # noqa: S603
        [str(Path(python).parent / "gunicorn"), "islington.wsgi", "--bind",
         f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
    )  # fmt: skip
    try:
        for _ in range(50):
            try:
                fetch(base_url + "/")
                break
            except OSError:
                time.sleep(0.2)
        for path in PAGES.values():  # make the image renditions before measuring
            fetch(base_url + path)

        rows = []
        for name, path in PAGES.items():
            report = lighthouse(base_url + path, AUDIT_DIR / f"{name.replace(' ', '-')}.json")
            scores = {key: round(c["score"] * 100) for key, c in report["categories"].items()}
            transfer = report["audits"]["total-byte-weight"]["numericValue"]
            rows.append((name, path, scores, transfer, compressed_page_weight(base_url, path)))
    finally:
        gunicorn.terminate()
        gunicorn.wait()

    print(f"\nLighthouse {LIGHTHOUSE_VERSION}, mobile, production settings under gunicorn")
    print(f"{'page':<18} {'perf':>4} {'a11y':>4} {'best':>4} {'seo':>4} "
          f"{'transfer (all)':>15} {'HTML+CSS+JS gzip':>17}")  # fmt: skip
    over_budget = False
    for name, _path, s, transfer, weight in rows:
        over_budget |= weight > BUDGET_BYTES
        print(
            f"{name:<18} {s['performance']:>4} {s['accessibility']:>4} "
            f"{s['best-practices']:>4} {s['seo']:>4} {transfer / 1024:>12.1f} KiB "
            f"{weight / 1024:>13.1f} KiB"
        )
    print(f"Budget for HTML+CSS+JS: {BUDGET_BYTES // 1024} KiB compressed. Reports: {AUDIT_DIR}")
    return 1 if over_budget else 0


if __name__ == "__main__":
    sys.exit(main())
