"""A separate process that changes content, for tests/servers.py's Editor.

Reads blocks of Python from stdin, each ended by a line `# end`, runs each with
Django set up (as `manage.py shell` would), and prints `# done` after it. Blocks
share one namespace, so a test can keep objects between them.
"""

import sys
import traceback

import django


def main():
    django.setup()
    namespace = {}
    print("ready", flush=True)
    block = []
    for line in sys.stdin:
        if line.rstrip("\n") != "# end":
            block.append(line)
            continue
        try:
            exec("".join(block), namespace)  # noqa: S102 - the tests' own code
        except Exception:
            traceback.print_exc(file=sys.stdout)
        block = []
        print("# done", flush=True)


if __name__ == "__main__":
    main()
