#!/usr/bin/env bash
# Runs one benchmark main class from e2e-tests against the built jar; prints figures and the machine.
# Usage: scripts/bench.sh ingest|e2e|dedupe|rules|identity [options]   (builds first unless SKIP_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B -q -DskipTests install
fi
mvn -B -q -pl e2e-tests dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="e2e-tests/target/classes:$(cat e2e-tests/target/bench.classpath)"
which="${1:-ingest}"; shift || true
case "$which" in
  ingest) main=dev.orchestrator.e2e.bench.IngestBenchmark ;;
  e2e)    main=dev.orchestrator.e2e.bench.EndToEndBenchmark ;;
  dedupe) main=dev.orchestrator.e2e.bench.DedupeBenchmark ;;
  rules|enrichment) main=dev.orchestrator.e2e.bench.RulesAndEnrichmentBenchmark ;;
  identity) main=dev.orchestrator.e2e.bench.IdentityIndexBenchmark ;;
  *) echo "unknown benchmark '$which' (ingest|e2e|dedupe|rules|identity)" >&2; exit 2 ;;
esac
exec java -cp "$cp" "$main" "$@"
