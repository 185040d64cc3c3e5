#!/usr/bin/env bash
# Benchmarks the trust module on this machine and prints its figures:
#   signatures/s and verifications/s (one thread, raw JDK vs SmartGov's JWS),
#   messages/s signed and verified through Merkle batches,
#   durable transparency-log appends/s on PostgreSQL (group commit),
#   inclusion-proof latency at 10 million leaves.
# Usage: bench/trust.sh [jdbc-url]   (default: a throwaway database on 127.0.0.1:5432, dropped after)
# Set SMARTGOV_BENCH_LEAVES to change the 10,000,000-leaf tree (e.g. 1000000 for a quick run).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
cd "$here"
./mvnw -q -DskipTests -Dspotless.check.skip=true -pl bench -am package

db=""
url="${1:-}"
if [ -z "$url" ]; then
  db="smartgov_bench_$$"
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db" postgres
  trap 'psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres' EXIT
  url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres&reWriteBatchedInserts=true"
fi
"$JAVA_HOME/bin/java" -Xmx4g -Dsmartgov.bench.log-size="${SMARTGOV_BENCH_LEAVES:-10000000}" \
  -jar bench/target/smartgov-bench.jar "$url"
