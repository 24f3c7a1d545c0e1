#!/usr/bin/env bash
# Drive the production server (gunicorn, production settings) on loopback with wrk
# for a bounded time, and report errors and p99 latency. Fails if any request errs.
# Called by `make loadtest`, which passes the production environment in.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${LOADTEST_DURATION:-60}
CONNECTIONS=${LOADTEST_CONNECTIONS:-32}
THREADS=${LOADTEST_THREADS:-2}
PORT=${LOADTEST_PORT:-8089}
WORKERS=${LOADTEST_WORKERS:-2}
THREADS_PER_WORKER=${LOADTEST_GUNICORN_THREADS:-4}
PY=.venv/bin/python

if ! command -v wrk >/dev/null 2>&1; then
    echo "Installing wrk (the load generator) with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

$PY manage.py collectstatic --noinput --verbosity 0
$PY manage.py migrate --noinput --verbosity 0
$PY manage.py load_seed_content >/dev/null

# As production runs it: gunicorn.conf.py, with its worker and thread counts from here.
WEB_CONCURRENCY=$WORKERS GUNICORN_THREADS=$THREADS_PER_WORKER GUNICORN_ACCESS_LOG="" \
    .venv/bin/gunicorn --config gunicorn.conf.py --bind "127.0.0.1:$PORT" \
    --error-logfile .tmp/loadtest-gunicorn.log --log-level warning islington.wsgi &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/readyz"; echo

echo "wrk: ${DURATION}s, ${CONNECTIONS} connections, ${THREADS} threads, gunicorn with ${WORKERS} workers x ${THREADS_PER_WORKER} threads"
RESULT=$(mktemp)
LOADTEST_RESULT=$RESULT wrk --threads "$THREADS" --connections "$CONNECTIONS" \
    --duration "${DURATION}s" --timeout 10s --latency \
    --script loadtest/urls.lua "http://127.0.0.1:$PORT"
ERRORS=$(cat "$RESULT"); rm -f "$RESULT"
if [ "$ERRORS" != "0" ]; then
    echo "FAILED: $ERRORS requests went wrong (see .tmp/loadtest-gunicorn.log)" >&2
    exit 1
fi
