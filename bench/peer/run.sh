#!/usr/bin/env bash
# Convenience wrapper: start server.js, run load.js against it, stop the server.
# Arguments are passed to load.js (defaults: 40 clients, 3 s warm-up, 10 s window).
#   ./run.sh --clients 1
# By default the server is pinned to CPU 0 and the load process to CPU 1, as in
# the reference measurement; PIN=0 lets the scheduler place them freely.
# The last stdout line is load.js's JSON. Installs node_modules on first use.
set -euo pipefail
cd "$(dirname "$0")"

[ -d node_modules ] || npm ci --no-audit --no-fund >&2

# The server's stdout goes to a FIFO held open on fd 3, so the "ready <port>"
# line can be read while the server keeps running in this shell's background.
fifo="$(mktemp -u)"
mkfifo "$fifo"
exec 3<>"$fifo"
rm -f "$fifo"
server_pin=() load_pin=()
if [ "${PIN:-1}" != 0 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  server_pin=(taskset -c 0) load_pin=(taskset -c 1)
fi

# taskset execs node, so $! is the server's own pid (needed for /proc/PID/stat).
"${server_pin[@]}" node server.js --port 0 >&3 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT

if ! read -r -t 15 -u 3 word port || [ "$word" != ready ]; then
  echo "run.sh: server did not report ready" >&2
  exit 1
fi

set +e
"${load_pin[@]}" node load.js --url "ws://127.0.0.1:$port" --clients 40 --warmup 3 --seconds 10 \
  --seed 1 --start-length 1000 "$@" --server-pid "$pid"
rc=$?
set -e

kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
exit "$rc"
