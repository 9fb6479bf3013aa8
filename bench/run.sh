#!/usr/bin/env bash
# The spine benchmark of Bearing, end to end on SQLite, in one command:
#
#   bash bench/run.sh
#
# It builds bearing and the bench tools into a temporary directory, generates
# 100,000 decisions into a fresh SQLite database (timed), starts
# `bearing serve` on a free port of 127.0.0.1 with that database and
# bench/bare beside it, then measures:
#   - decision JSON (GET /api/v1/decisions/DEC-n), open loop, 2,000 req/s, 20 s
#   - decision page (GET /decisions/DEC-n, signed in), open loop, 2,000 req/s, 20 s
#   - search (GET /api/v1/decisions?q=WORD&limit=20), open loop at a rate it
#     sustains: half of what a 5 s closed-loop probe reaches, at most 100 req/s
#   - maximum throughput with 50 concurrent clients, 10 s each, for decision
#     JSON and for bare net/http
#   - the server's peak resident memory (VmHWM) after all of that
#   - `bearing import adr` of 1,000 generated Nygard-format ADR files into a
#     fresh database (skipped if this build has no `import adr`)
# and prints a summary table with the targets. Everything listens on
# 127.0.0.1 only; every process it starts is stopped on exit and the
# temporary directory removed (KEEP=1 keeps it). It takes about 3 minutes.
#
# Knobs (environment): DECISIONS=100000 RATE=2000 DURATION=20s
# MAX_DURATION=10s CONCURRENCY=50 SEARCH_RATE=auto ADR_FILES=1000.
set -euo pipefail
cd "$(dirname "$0")/.."

DECISIONS=${DECISIONS:-100000}
RATE=${RATE:-2000}
DURATION=${DURATION:-20s}
MAX_DURATION=${MAX_DURATION:-10s}
CONCURRENCY=${CONCURRENCY:-50}
SEARCH_RATE=${SEARCH_RATE:-auto}
ADR_FILES=${ADR_FILES:-1000}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bearing-bench.XXXXXX")
bin=$tmp/bin
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ "${KEEP:-}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }
clk=$(getconf CLK_TCK)
# cpu_ticks PID: user+system CPU time of a process so far, in clock ticks.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# per_request TICKS REQUESTS: microseconds of CPU per request.
per_request() { awk -v t="$1" -v n="$2" -v c="$clk" 'BEGIN { if (n > 0) printf "%.0f", t / c * 1e6 / n }'; }
# busy_ticks: CPU time all processes of the machine have used, in ticks.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
# child_ticks: CPU time of this shell's finished children (the load runs).
child_ticks() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
secs() { sed -n 's/^\([0-9.]*\)s$/\1/p' <<<"$1"; }

# wait_for FILE PATTERN: print the first line of FILE matching the sed
# pattern's capture, waiting up to 60 s for it to appear.
wait_for() {
  local file=$1 pattern=$2 out
  for _ in $(seq 1 600); do
    out=$(sed -n "s/$pattern/\1/;T;p;q" "$file" 2>/dev/null || true)
    if [ -n "$out" ]; then echo "$out"; return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for $file:" >&2
  cat "$file" >&2
  return 1
}

# jget FILE KEY: a number from the indented JSON that bench/load writes.
jget() { sed -n "s/^  \"$2\": \([0-9.eE+-]*\),\{0,1\}$/\1/;T;p;q" "$1"; }

# load NAME ARGS...: run bench/load, show its summary, keep its JSON.
load() {
  local name=$1
  shift
  "$bin/load" --json "$@" >"$tmp/$name.json"
}

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${load_start%% *}" 'BEGIN { exit !(l > 0.5) }'; then
  echo "warning: load average is $load_start before starting: other work on this machine will lower the numbers" >&2
fi

step "Build (go build -o $bin)"
mkdir -p "$bin"
go build -o "$bin/bearing" ./cmd/bearing
for tool in gen load bare; do go build -o "$bin/$tool" "./bench/$tool"; done

step "Generate $DECISIONS decisions into $tmp/bench.db"
"$bin/gen" --database "$tmp/bench.db" --decisions "$DECISIONS" --seed 1 | tee "$tmp/gen.log"
token=$(tail -n 1 "$tmp/gen.log")
gen_line=$(grep '^generated ' "$tmp/gen.log")
gen_secs=$(sed -n 's/.* in \([0-9.]*\)s: .*/\1/p' <<<"$gen_line")
gen_rate=$(sed -n 's/.*s: \([0-9]*\) decisions\/s/\1/p' <<<"$gen_line")
db_mb=$(($(stat -c %s "$tmp/bench.db") / 1048576))

step "Start bearing serve and bench/bare"
"$bin/bearing" serve --addr 127.0.0.1:0 --database "$tmp/bench.db" --log-level warn 2>"$tmp/server.log" &
server_pid=$!
pids+=("$server_pid")
"$bin/bare" --addr 127.0.0.1:0 >"$tmp/bare.log" 2>&1 &
pids+=($!)
url=$(wait_for "$tmp/server.log" '.*listening on \(http:[^ ]*\).*')
bare_url=$(wait_for "$tmp/bare.log" '^listening on \(http:.*\)$')
echo "bearing: $url (pid $server_pid)   bare: $bare_url"

# Everything from here to the end of the HTTP runs is checked for CPU used
# by other work on the machine, which would lower the numbers.
busy0=$(busy_ticks) kids0=$(child_ticks) mine0=$(($(cpu_ticks "$server_pid") + $(cpu_ticks "${pids[1]}")))
http0=$(date +%s)

step "Decision JSON: open loop, $RATE req/s, $DURATION"
c0=$(cpu_ticks "$server_pid")
load json --url "$url" --token "$token" --keys "$DECISIONS" --target json --rate "$RATE" --duration "$DURATION" --warmup 2s

c1=$(cpu_ticks "$server_pid")
step "Decision page: open loop, $RATE req/s, $DURATION"
load page --url "$url" --keys "$DECISIONS" --target page --rate "$RATE" --duration "$DURATION" --warmup 2s
c2=$(cpu_ticks "$server_pid")
# Requests sent in each open-loop run, warm-up included.
sent=$(awk -v r="$RATE" -v d="$(secs "$DURATION")" 'BEGIN { if (d != "") print int(r * (d + 2)) }')
json_cpu=$(per_request $((c1 - c0)) "${sent:-0}")
page_cpu=$(per_request $((c2 - c1)) "${sent:-0}")

step "Search"
if [ "$SEARCH_RATE" = auto ]; then
  echo "probing: closed loop, 2 clients, 5 s"
  load search-probe --url "$url" --token "$token" --target search --concurrency 2 --duration 5s
  probe=$(jget "$tmp/search-probe.json" achieved_rps)
  SEARCH_RATE=$(awk -v p="$probe" 'BEGIN { r = int(p / 2); if (r > 100) r = 100; if (r < 1) r = 1; print r }')
  echo "sustainable rate: half of $probe req/s, at most 100: $SEARCH_RATE req/s"
fi
load search --url "$url" --token "$token" --target search --rate "$SEARCH_RATE" --duration "$DURATION" --warmup 1s

step "Maximum throughput, $CONCURRENCY clients, $MAX_DURATION: decision JSON"
load max-json --url "$url" --token "$token" --keys "$DECISIONS" --target json --concurrency "$CONCURRENCY" --duration "$MAX_DURATION" --warmup 1s

step "Maximum throughput, $CONCURRENCY clients, $MAX_DURATION: bare net/http"
load max-bare --url "$bare_url" --target bare --concurrency "$CONCURRENCY" --duration "$MAX_DURATION" --warmup 1s

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
mine1=$(($(cpu_ticks "$server_pid") + $(cpu_ticks "${pids[1]}")))
others=$(awk -v b="$(($(busy_ticks) - busy0))" -v m="$((mine1 - mine0 + $(child_ticks) - kids0))" -v c="$clk" \
  'BEGIN { o = (b - m) / c; if (o < 0) o = 0; printf "%.0f", o }')
http_secs=$(($(date +%s) - http0))
rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$server_pid/status")
rss_mb=$((rss_kb / 1024))
rss_now_mb=$(($(awk '/^VmRSS:/ { print $2 }' "/proc/$server_pid/status") / 1024))
server_errors=$(grep -c 'level=ERROR' "$tmp/server.log" || true)
if [ "$server_errors" -gt 0 ]; then
  echo "the server logged $server_errors errors, the first ones:" >&2
  grep -m 5 'level=ERROR' "$tmp/server.log" >&2 || true
fi

step "Import $ADR_FILES ADR files"
adr_secs=""
if "$bin/bearing" help | grep -q 'import adr'; then
  adr_dir=$tmp/adr
  mkdir -p "$adr_dir"
  for i in $(seq 1 "$ADR_FILES"); do
    printf '# %d. Use service mesh number %d for internal traffic\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nTeams call each other over plain HTTP and every team has solved retries, timeouts and mutual TLS differently. Incident %d showed that we cannot see which service calls which.\n\n## Decision\n\nWe will route internal traffic through the mesh and give every service an identity of its own.\n\n## Consequences\n\nEvery service gets a sidecar. Latency grows by about a millisecond per hop; in exchange we get uniform retries, mutual TLS and a service graph.\n' \
      "$i" "$i" "$i" >"$adr_dir/$(printf '%04d' "$i")-use-service-mesh-number-$i.md"
  done
  t0=$(date +%s%N)
  "$bin/bearing" import adr "$adr_dir" --database "$tmp/adr.db"
  t1=$(date +%s%N)
  adr_secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  echo "imported $ADR_FILES files in ${adr_secs}s"
else
  echo "skipped: this build of bearing has no 'import adr' command"
fi

step "Summary ($(nproc) CPUs shared by server and load generator; load average $load_start at start, $load_end after the HTTP runs)"
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "") print "n/a"; else if (v + 0 < t + 0) print "met"; else print "MISSED" }'; }
row() { printf '%-44s %14s %12s %8s\n' "$1" "$2" "$3" "$4"; }
row "measurement" "result" "target" "verdict"
row "generate $DECISIONS decisions" "${gen_secs}s (${gen_rate}/s)" "" ""
row "database size" "${db_mb} MB" "" ""
for name in json page search; do
  f=$tmp/$name.json
  rate=$(jget "$f" rate)
  case $name in
    json) label="decision JSON at $rate req/s"; key=p99_ms; target=5 ;;
    page) label="decision page at $rate req/s"; key=p99_ms; target=10 ;;
    search) label="search at $rate req/s"; key=p50_ms; target=20 ;;
  esac
  for k in p50_ms p99_ms; do
    v=$(jget "$f" "$k")
    if [ "$k" = "$key" ]; then
      row "$label: ${k%_ms}" "$v ms" "< $target ms" "$(verdict "$v" "$target")"
    else
      row "$label: ${k%_ms}" "$v ms" "" ""
    fi
  done
  row "$label: ok / errors" "$(jget "$f" ok) / $(jget "$f" error_count)" "" ""
  cpu=""
  if [ "$name" = json ]; then cpu=$json_cpu; elif [ "$name" = page ]; then cpu=$page_cpu; fi
  if [ -n "$cpu" ]; then row "$label: server CPU per request" "$cpu µs" "" ""; fi
done
row "max throughput, $CONCURRENCY clients: decision JSON" "$(jget "$tmp/max-json.json" achieved_rps) req/s" "" ""
row "  p50 / p99" "$(jget "$tmp/max-json.json" p50_ms) / $(jget "$tmp/max-json.json" p99_ms) ms" "" ""
row "max throughput, $CONCURRENCY clients: bare net/http" "$(jget "$tmp/max-bare.json" achieved_rps) req/s" "" ""
row "  p50 / p99" "$(jget "$tmp/max-bare.json" p50_ms) / $(jget "$tmp/max-bare.json" p99_ms) ms" "" ""
row "CPU used by other processes in HTTP runs" "${others} CPU-s" "" ""
row "  (of CPU time available)" "$(($(nproc) * http_secs)) CPU-s" "" ""
row "errors in the server log" "$server_errors" "" ""
row "server peak RSS (VmHWM)" "${rss_mb} MB" "< 200 MB" "$(verdict "$rss_mb" 200)"
row "server RSS at the end (VmRSS)" "${rss_now_mb} MB" "" ""
if [ -n "$adr_secs" ]; then
  row "import $ADR_FILES ADR files" "${adr_secs}s" "< 2 s" "$(verdict "$adr_secs" 2)"
else
  row "import $ADR_FILES ADR files" "skipped" "< 2 s" "n/a"
fi
