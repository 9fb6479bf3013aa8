#!/usr/bin/env bash
# Durability test: no acknowledged write is lost when the server is killed.
#
#   bash bench/durability.sh sqlite
#   bash bench/durability.sh postgres   # uses $BEARING_TEST_POSTGRES, default
#                                       # postgres://postgres@127.0.0.1:5432/postgres
#
# It builds bearing and bench/durability into a temporary directory, creates
# a fresh database (a SQLite file, or a throwaway PostgreSQL database named
# bearing_durability_<random>), a member and an API token with the command
# line, and starts `bearing serve` on a free port of 127.0.0.1. Four
# concurrent writers POST decisions and append every acknowledged (201) key
# and title to a file, fsynced line by line. Every WRITE_SECONDS (3) the
# server is killed with SIGKILL mid-stream and restarted on the same
# database, CYCLES (3) times; the writers keep trying throughout (their
# errors while the server is down are expected and not acknowledged). Then
# the verifier checks that every acknowledged key exists with its title at
# version 1 through the API, and that the database is intact (SQLite:
# PRAGMA integrity_check and the FTS5 integrity-check; PostgreSQL: every
# decision has its creation event). It prints the counts and exits non-zero
# on any loss. Processes, the temporary directory and the PostgreSQL
# database are removed on exit. It takes about 20 s plus the build.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=${1:-}
case $engine in
  sqlite | postgres) ;;
  *)
    echo "usage: bash bench/durability.sh sqlite|postgres" >&2
    exit 2
    ;;
esac
CYCLES=${CYCLES:-3}
WRITE_SECONDS=${WRITE_SECONDS:-3}
admin=${BEARING_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bearing-durability.XXXXXX")
bin=$tmp/bin
server_pid=""
writer_pid=""
pgdb=""
cleanup() {
  local rc=$?
  if [ -n "$writer_pid" ]; then kill "$writer_pid" 2>/dev/null || true; wait "$writer_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pgdb" ]; then "$bin/durability" dropdb --admin "$admin" --name "$pgdb" || rc=1; fi
  if [ "$rc" != 0 ] && [ -f "$tmp/server.log" ]; then
    echo "--- server log (last 20 lines)" >&2
    tail -n 20 "$tmp/server.log" >&2
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
started=$(date +%s)
say() { printf '[%3ds] %s\n' "$(($(date +%s) - started))" "$*"; }

say "durability test on $engine: build"
mkdir -p "$bin"
go build -o "$bin/bearing" ./cmd/bearing
go build -o "$bin/durability" ./bench/durability

if [ "$engine" = sqlite ]; then
  dsn=$tmp/durability.db
else
  read -r pgdb dsn < <("$bin/durability" createdb --admin "$admin")
  [ -n "$pgdb" ] || { echo "could not create a PostgreSQL database" >&2; exit 1; }
fi
say "database: ${pgdb:-$dsn}"
"$bin/bearing" user create --database "$dsn" --email writer@example.com --name "Durability Writer" \
  --role member < <(echo password1234)
token=$("$bin/bearing" token create --database "$dsn" --user writer@example.com --name durability)
port=$("$bin/durability" freeport)
url=http://127.0.0.1:$port

start_server() {
  "$bin/bearing" serve --addr "127.0.0.1:$port" --database "$dsn" --log-level warn 2>>"$tmp/server.log" &
  server_pid=$!
  "$bin/durability" wait --url "$url" --timeout 30s
}
acked() { wc -l <"$tmp/acks.tsv" | tr -d ' '; }

start_server
say "server up at $url (pid $server_pid); starting 4 writers"
touch "$tmp/acks.tsv"
"$bin/durability" write --url "$url" --token "$token" --acks "$tmp/acks.tsv" --writers 4 \
  --max-duration 90s 2>"$tmp/writer.log" &
writer_pid=$!
for cycle in $(seq 1 "$CYCLES"); do
  sleep "$WRITE_SECONDS"
  kill -KILL "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  say "cycle $cycle/$CYCLES: killed the server with SIGKILL ($(acked) acknowledged so far)"
  sleep 0.5
  start_server
  say "cycle $cycle/$CYCLES: restarted on the same database (pid $server_pid)"
done
sleep 1
kill -TERM "$writer_pid"
wait "$writer_pid"
writer_pid=""
cat "$tmp/writer.log"

say "verify"
"$bin/durability" verify --url "$url" --token "$token" --acks "$tmp/acks.tsv" --database "$dsn"
kill -TERM "$server_pid"
wait "$server_pid" || true
server_pid=""
say "durability test on $engine passed"
