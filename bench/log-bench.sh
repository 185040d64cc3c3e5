#!/bin/sh
# Runs LogBench on a throwaway database of the local PostgreSQL, then drops it.
# Usage: bench/log-bench.sh [host] (default 127.0.0.1; user $PGUSER or postgres)
# LOG_BENCH_OPTS: JVM options, e.g. a shorter run: "-Dsmartgov.bench.appends=20000
#   -Dsmartgov.bench.log-size=10000 -Dsmartgov.bench.proofs=100", or entries of a T-Road record's
#   size for the latency part: -Dsmartgov.bench.append-bytes=2500 (-Dsmartgov.bench.append-rate,
#   -Dsmartgov.bench.append-seconds)
# LOG_BENCH_URL_PARAMS: appended to the JDBC URL, e.g. "&options=-c%20plan_cache_mode%3Dforce_generic_plan"
set -eu
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
user=${PGUSER:-postgres}
db="logbench_$(date +%s)"
./mvnw -q -pl trust,bench package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/log-bench.cp
. .mvn/find-jdk.sh
psql -h "$host" -U "$user" -qc "CREATE DATABASE $db"
trap 'psql -h "$host" -U "$user" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
"$JAVA_HOME/bin/java" ${LOG_BENCH_OPTS:-} -cp "bench/target/classes:$(cat bench/target/log-bench.cp)" \
    tw.smartgov.bench.LogBench "jdbc:postgresql://$host:5432/$db?user=$user${LOG_BENCH_URL_PARAMS:-}"
