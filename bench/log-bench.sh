#!/bin/sh
# Runs LogBench on a throwaway database of the local PostgreSQL, then drops it.
# Usage: bench/log-bench.sh [host] (default 127.0.0.1; user $PGUSER or postgres)
set -eu
cd "$(dirname "$0")/.."
host=${1:-127.0.0.1}
user=${PGUSER:-postgres}
db="logbench_$(date +%s)"
./mvnw -q -pl trust,bench package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/log-bench.cp
. .mvn/find-jdk.sh
psql -h "$host" -U "$user" -qc "CREATE DATABASE $db"
trap 'psql -h "$host" -U "$user" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/log-bench.cp)" \
    tw.smartgov.bench.LogBench "jdbc:postgresql://$host:5432/$db?user=$user"
