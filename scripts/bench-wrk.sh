#!/usr/bin/env bash
# Ingest ceiling with wrk (Debian package `wrk`): pre-signed 1 KiB webhooks, distinct ids, against the product and
# the bare receiver baseline, each on fresh durable embedded PostgreSQL; then checks every 202 was stored.
# Usage: scripts/bench-wrk.sh [seconds=15] [connections=32] [warm-up seconds=20]   (needs a built tree:
# mvn -B -DskipTests install). Each receiver is warmed up unmeasured first: after 5-10 s the product's JIT compiler
# still took a seventh of the machine (perf), so a short warm-up measured compilation, not the ingest path.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-15}"; connections="${2:-32}"; warmup="${3:-20}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mvn -B -q -pl e2e-tests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="e2e-tests/target/classes:$(cat e2e-tests/target/bench.classpath)"
work="$(mktemp -d)"; trap 'kill $(jobs -p) 2>/dev/null || true; sleep 2; rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"

run() { # name port start-command...
  local name="$1" port="$2"; shift 2
  "$@" > "$work/$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do curl -s -o /dev/null "http://localhost:$port/health" && break; sleep 1; done
  java -cp "$cp" dev.orchestrator.e2e.bench.SignedRequestsFile "$work/warm.tsv" $((warmup * 4000))
  wrk -t1 -c"$connections" -d"${warmup}s" -s scripts/bench-wrk.lua "http://localhost:$port" -- "$work/warm.tsv" > "$work/$name.warm"
  java -cp "$cp" dev.orchestrator.e2e.bench.SignedRequestsFile "$work/$name.tsv" 200000
  echo "== $name: wrk -t1 -c$connections -d${seconds}s"
  wrk -t1 -c"$connections" -d"${seconds}s" --latency -s scripts/bench-wrk.lua "http://localhost:$port" -- "$work/$name.tsv" \
    | tee "$work/$name.wrk" | grep -E "Latency|50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors"
  sleep 6   # the server recounts its stored events at most every 5 s (HealthService.TOTALS_REUSE)
  # wrk counts the answers it read; requests still in flight when it stops may be stored unanswered, so stored >= acked
  local answered non2xx
  answered=$(cat "$work/$name.warm" "$work/$name.wrk" | awk '/requests in/ {s += $1} END {print s + 0}')
  non2xx=$(cat "$work/$name.warm" "$work/$name.wrk" | awk '/Non-2xx/ {s += $NF} END {print s + 0}')
  echo "acknowledged (2xx, warm-up included): $((answered - non2xx)); stored:" \
    "$(curl -s "http://localhost:$port/metrics" | grep '^orchestrator_events_total ' | cut -d' ' -f2)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run bare 7181 java -Xmx512m -cp "$cp" dev.orchestrator.e2e.bench.BareReceiver 7181 "$work/bare-pg"
# The product's ingest path alone (workers off: verify, store, enqueue, 202 — what the bare receiver does) ...
run product-ingest-only 7183 env WORKER_THREADS=0 java -Xmx512m -jar web-admin/target/crm-orchestrator.jar serve \
  --port 7183 --data-dir "$work/product-ingest"
# ... and with its 4 workers processing every acknowledged event on the same two cores.
run product 7182 java -Xmx512m -jar web-admin/target/crm-orchestrator.jar serve --port 7182 --data-dir "$work/product"
