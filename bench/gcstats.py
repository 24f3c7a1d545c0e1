"""Garbage collections seen by a gunicorn worker, for `make bench` only.

gunicorn.conf.py installs this when BENCH_GC_STATS names a folder: each worker
counts the collections of each generation, their pauses, and how many of them
ran while a request was being served, and writes them to <folder>/<pid>.json
when it exits. Production never sets BENCH_GC_STATS.
"""

import gc
import json
import os
import threading
import time
from pathlib import Path

_lock = threading.Lock()
_state = {
    "requests": 0,
    "active": 0,  # requests being served now (several with threaded workers)
    "started": 0.0,
    "generations": {
        str(g): {"collections": 0, "in_requests": 0, "pause_ms": 0.0, "max_ms": 0.0}
        for g in range(3)
    },
}


def _on_gc(phase, info):
    if phase == "start":
        _state["started"] = time.perf_counter()
        return
    pause = (time.perf_counter() - _state["started"]) * 1000
    stats = _state["generations"][str(info["generation"])]
    stats["collections"] += 1
    stats["in_requests"] += bool(_state["active"])
    stats["pause_ms"] += pause
    stats["max_ms"] = max(stats["max_ms"], pause)


def install():
    """In a worker just forked: what the garbage collector tracks, then every collection."""
    _state["pid"] = os.getpid()
    _state["frozen_objects"] = gc.get_freeze_count()
    _state["tracked_objects"] = len(gc.get_objects())
    _state["thresholds"] = gc.get_threshold()
    gc.callbacks.append(_on_gc)


def request_started():
    with _lock:
        _state["active"] += 1


def request_finished():
    with _lock:
        _state["active"] -= 1
        _state["requests"] += 1


def write(folder):
    _state["tracked_objects_at_exit"] = len(gc.get_objects())
    path = Path(folder) / f"{os.getpid()}.json"
    path.write_text(json.dumps({k: v for k, v in _state.items() if k not in ("active", "started")}))
