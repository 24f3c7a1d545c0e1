"""Real servers for the tests: gunicorn on the production settings, a private redis-server,
a throwaway database, and a separate editor process that changes content.

Ports are free ones the OS hands out, or taken from TEST_SERVER_PORTS ("21000-21099")
on a machine where each user keeps to a range. Nothing here touches a shared Redis
or an existing database.
"""

import contextlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
POSTGRES_SERVER = os.environ.get("MULTI_SERVER_POSTGRES", "postgres://postgres@127.0.0.1:5432")
EDITOR_PASSWORD = "a-test-only-password"
WORKERS_PER_SERVER = 2
_ports_given = set()
HEADING = re.compile(r"<h1[^>]*>(.*?)</h1>")


def unavailable(reason):
    if os.environ.get("CI"):
        pytest.fail(f"{reason}: CI must provide it.")
    pytest.skip(reason)


def free_port():
    """A port nothing listens on: from TEST_SERVER_PORTS when set, else any the OS offers."""
    span = os.environ.get("TEST_SERVER_PORTS", "")
    candidates = range(int(span.split("-")[0]), int(span.split("-")[1]) + 1) if span else [0]
    for candidate in candidates:
        if candidate in _ports_given:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            port = probe.getsockname()[1]
        _ports_given.add(port)
        return port
    raise RuntimeError(f"No free port in {span}")


def wait_until(check, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"{what} did not happen within {timeout} s")


class CuttableProxy:
    """A TCP proxy a test can cut, as a network failure does: open connections are
    dropped and new ones refused, so what a client sends meanwhile never arrives."""

    def __init__(self, target_port):
        self.port = free_port()
        self.target_port = target_port
        self.sockets = []
        self.lock = threading.Lock()
        self.restore()

    def restore(self):
        self.listener = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self):
        # shutdown() first: a thread blocked in accept() would keep a closed socket listening.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        with self.lock:
            for each in self.sockets:
                with contextlib.suppress(OSError):
                    each.shutdown(socket.SHUT_RDWR)
                each.close()
            self.sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        for each in (source, sink):
            with contextlib.suppress(OSError):
                each.shutdown(socket.SHUT_RDWR)


class RedisServer:
    """A redis-server of our own, reached through a proxy that a test may cut (every
    call then fails, and nothing sent meanwhile arrives) and restore, data intact."""

    def __init__(self):
        binary = shutil.which("redis-server")
        if binary is None:
            unavailable("redis-server is not installed")
        self.port = free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
        wait_until(self.answers, 10, "redis-server start")
        self.proxy = CuttableProxy(self.port)
        self.url = f"redis://127.0.0.1:{self.proxy.port}/0"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=2)

    def answers(self):
        import redis

        try:
            return self.client().ping()
        except redis.RedisError:
            return False

    def cut(self):
        self.proxy.cut()
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", self.proxy.port)) != 0, "the cut failed"

    def restore(self):
        self.proxy.restore()

    def page_keys(self):
        return [key for key in self.client().keys("*") if b"pagecache:page:" in key]

    def stop(self):
        self.proxy.cut()
        self.process.terminate()
        self.process.wait(timeout=10)


class Database:
    """A new database: PostgreSQL under a unique name, or an SQLite file."""

    def __init__(self, engine):
        self.engine = engine
        if engine == "sqlite":
            self.folder = tempfile.mkdtemp(prefix="islington-servers-")
            self.url = f"sqlite:///{self.folder}/db.sqlite3"
            return
        import psycopg

        self.name = f"islington_servers_{secrets.token_hex(4)}"
        try:
            self.admin = psycopg.connect(
                f"{POSTGRES_SERVER}/postgres", autocommit=True, connect_timeout=3
            )
        except psycopg.OperationalError as error:
            unavailable(f"PostgreSQL at {POSTGRES_SERVER} is unreachable ({error})")
        self.admin.execute(f'CREATE DATABASE "{self.name}"')
        self.url = f"{POSTGRES_SERVER}/{self.name}"

    def drop(self):
        if self.engine == "sqlite":
            shutil.rmtree(self.folder, ignore_errors=True)
            return
        self.admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.admin.close()


def environment(database, redis_url="", **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.multi_server_settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DJANGO_SECURE_COOKIES": "false",
        "DATABASE_URL": database.url,
        "PAGE_CACHE_WARM_RENDITIONS": "false",
        "WEB_CONCURRENCY": str(WORKERS_PER_SERVER),
        "GUNICORN_THREADS": "2",
        "DJANGO_SUPERUSER_PASSWORD": EDITOR_PASSWORD,
        "MEDIA_ROOT": tempfile.mkdtemp(prefix="islington-media-"),
        **extra,
    }
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    return env


class AppServer:
    """gunicorn as production runs it (gunicorn.conf.py), logging which worker answered."""

    def __init__(self, env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = Path(tempfile.mkstemp(prefix="islington-access-", suffix=".log")[1])
        self.process = subprocess.Popen(
            [
                GUNICORN, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}",
                "--access-logfile", str(self.log), "--access-logformat", "%(p)s %(r)s %(s)s",
                "islington.wsgi",
            ],
            cwd=PROJECT,
            env=env,
        )  # fmt: skip
        wait_until(lambda: visit(f"{self.url}/healthz")[0] == 200, 60, f"{self.url} start")

    def workers_by_tag(self):
        """Which worker (pid) answered each request tagged `?utm_content=<tag>`."""
        answered = {}
        for line in self.log.read_text().splitlines():
            found = re.match(r"<(\d+)> \S+ \S*utm_content=([\w-]+)", line)
            if found:
                answered[found.group(2)] = found.group(1)
        return answered

    def stop(self):
        self.process.send_signal(signal.SIGINT)  # a quick shutdown; SIGTERM waits for clients
        self.process.wait(timeout=30)
        self.log.unlink(missing_ok=True)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(NoRedirects)


def visit(url, headers=None, data=None, opener=None):
    """(status, headers, text) as a browser's first request sees them: redirects not followed."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)  # noqa: S310
    try:
        with (opener or _opener).open(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()
    except OSError:
        return 0, {}, ""


class Editor:
    """A separate Python process with Django set up, as a management command or the
    scheduler is: it runs the code it is sent (in autocommit mode, as a command does)
    and answers with what the code printed."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-u", "-m", "tests.content_editor"],
            cwd=PROJECT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "ready"

    def run(self, code):
        self.process.stdin.write(code.strip() + "\n# end\n")
        self.process.stdin.flush()
        lines = []
        while (line := self.process.stdout.readline()) != "# done\n":
            assert line, "the editor process died"
            lines.append(line)
        output = "".join(lines)
        assert "Traceback" not in output, output
        return output.strip()

    def stop(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


class Site:
    """App servers over one database, the cache they share (if any), and an editor."""

    def __init__(self, servers, editor, redis=None):
        self.servers = servers
        self.editor = editor
        self.redis = redis
        self.requests_sent = 0

    def visit_many(self, path, count=24, headers=None):
        """`count` anonymous requests for `path`, eight at a time, spread over every server.

        Returns [(server, worker pid, status, headers, text)]."""
        tags = [f"r{self.requests_sent + n}" for n in range(count)]
        self.requests_sent += count
        separator = "&" if "?" in path else "?"

        def one(index_tag):
            index, tag = index_tag
            server = self.servers[index % len(self.servers)]
            status, response_headers, text = visit(
                f"{server.url}{path}{separator}utm_content={tag}", headers
            )
            return server, tag, status, response_headers, text

        with ThreadPoolExecutor(8) as pool:
            results = list(pool.map(one, enumerate(tags)))
        time.sleep(0.2)  # gunicorn writes the access log after the response
        pids = {}
        for server in self.servers:
            pids.update(server.workers_by_tag())
        return [(server, pids.get(tag), s, h, t) for server, tag, s, h, t in results]

    def warm(self, *paths):
        """Visit until every worker of every server has the pages cached."""
        for path in paths:
            for _ in range(10):
                answers = self.visit_many(path, 16)
                hit_by = {answer[1] for answer in answers if answer[3].get("X-Page-Cache") == "hit"}
                if len(hit_by) >= WORKERS_PER_SERVER * len(self.servers):
                    break

    def after_change(self, path, sees_change, count=24, settle=1.0):
        """Wait `settle` seconds (the promise: within one second), then ask at least `count`
        times, in batches until every worker of every server has answered.

        Returns (how many saw the change, how many were sent, how many workers answered)."""
        time.sleep(settle)
        answers = []
        workers = set()
        while len(answers) < count * 4:
            answers += self.visit_many(path, count)
            workers = {(server.url, pid) for server, pid, *_ in answers}
            if len(workers) >= WORKERS_PER_SERVER * len(self.servers):
                break
        seen = [answer for answer in answers if sees_change(*answer[2:])]
        print(
            f"  {path}: {len(seen)}/{len(answers)} requests saw the change, "
            f"answered by {len(workers)} workers on {len(self.servers)} server(s)"
        )
        if len(seen) < len(answers):
            missed = Counter(
                (status, headers.get("X-Page-Cache"), tuple(HEADING.findall(body)))
                for _server, _pid, status, headers, body in answers
                if not sees_change(status, headers, body)
            )
            print(f"    the others: {missed}")
        return len(seen), len(answers), len(workers)
