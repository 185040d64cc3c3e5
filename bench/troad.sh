#!/usr/bin/env bash
# Benchmarks T-Road against the same trivial backend reached (a) directly and (b) through two nginx
# reverse-proxy hops with TLS 1.3 mutual authentication between them, and prints requests/s and
# p50/p99 latency of each, then the ratios c/a and c/b and the latency T-Road adds:
#   (a) direct:  load -> nginx backend (a fixed 120-byte JSON)
#   (b) 2 hops:  load -> nginx hop1 (plain HTTP) =mTLS 1.3=> nginx hop2 -> nginx backend
#   (c) T-Road:  load -> NDC's security server =mTLS 1.3, signed=> MOI's security server
#                -> nginx backend; both servers log every exchange durably (a local journal,
#                copied to PostgreSQL 10 ms later) before releasing the response.
# T-Road runs as deployed: the real executable (app/target/smartgov.jar, built here), three
# processes `smartgov central`, `smartgov security-server` of TW/GOV/MOI (provider) and of
# TW/GOV/NDC (client), each with its own throwaway PostgreSQL database, data folder, generated
# secrets and ports. The members, subsystems and the service are registered through the central
# server's management API, the security servers register themselves with one-time tokens and learn
# about each other from the signed global configuration (polled every 30 s, the default), the
# service backend is set through MOI's admin API and the access right granted with
# `smartgov access-rights grant`.
# Max throughput: wrk, closed loop (-t1, TROAD_BENCH_CONNECTIONS connections, after a warm-up).
# Latency: bench's FixedRateLoad, open loop at TROAD_BENCH_RATE requests/s (latency counted from
# when each request was due, so no coordinated omission).
# Usage: bench/troad.sh   (PostgreSQL on 127.0.0.1:5432, user postgres; installs nginx, wrk, curl,
# openssl and jq with apt-get if missing). Environment knobs, with defaults:
#   TROAD_BENCH_SECONDS=20 TROAD_BENCH_CONNECTIONS=64 TROAD_BENCH_RATE=500
#   TROAD_BENCH_JVM_OPTS="-Xms1g -Xmx1g -XX:+UseParallelGC"   (JVM of each of the three smartgov processes)
#   TROAD_BENCH_SCENARIOS="a b c"   a subset runs only those (no ratios then)
#   TROAD_BENCH_WARMUP=90   seconds of closed-loop load on (c) before its throughput run (a and b: 5 s).
#                           Each of the three JVMs compiles its own code: after 15 s the JIT threads
#                           still took about half of the CPU counted per request on 2 busy cores.
#                           Their share during the run is printed: if it is large, raise this.
#   TROAD_BENCH_JFR=1   also records a JFR profile (settings=profile) of each security server during
#                       the throughput run of (c), kept as bench/target/troad-ndc-client.jfr and
#                       bench/target/troad-moi-provider.jfr
#   TROAD_BENCH_PERF=1  also records the whole machine with Linux perf (`perf record -a -g`, package
#                       linux-perf) during the throughput run of (c), kept as bench/target/troad-perf.data;
#                       the JVMs then run with frame pointers and write the symbols of their compiled
#                       code to /tmp/perf-<pid>.map when they stop, so `perf report -i
#                       bench/target/troad-perf.data --sort comm,dso` names Java methods too. Shows what
#                       JFR does not: time in the kernel (sockets, thread wake-ups) and in PostgreSQL
#   TROAD_BENCH_TIMELINE=1  also captures the loopback packets of the fixed-rate run of (c) with
#                       tcpdump and prints where an exchange's time goes between them
#                       (bench/exchange-timeline.py: each hop, each side's commit on PostgreSQL's
#                       port); use a rate that leaves gaps between exchanges, e.g. TROAD_BENCH_RATE=100
#   TROAD_BENCH_POSTGRES=shared   all databases on the PostgreSQL at 5432 (one WAL for both message
#                              logs); "own": each security server's database in a throwaway cluster of
#                              its own (pg_createcluster, needs root; the settings of the one at 5432),
#                              as each member runs its own database server. No difference measured at
#                              200/s (docs/benchmarks.md), so shared stays the default
#   TROAD_BENCH_PORT_BASE=27080   ports used: base .. base+3, base+10 .. base+15 and base+20 .. base+21, all on 127.0.0.1;
#                                 keep them below the ephemeral range (/proc/sys/net/ipv4/ip_local_port_range,
#                                 32768-60999 here), or an outgoing connection may take one first
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
cd "$here"

seconds=${TROAD_BENCH_SECONDS:-20}
connections=${TROAD_BENCH_CONNECTIONS:-64}
rate=${TROAD_BENCH_RATE:-500}
scenarios=${TROAD_BENCH_SCENARIOS:-a b c}
warmup_c=${TROAD_BENCH_WARMUP:-90}
jvm_opts=${TROAD_BENCH_JVM_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}
if [ "${TROAD_BENCH_PERF:-}" = 1 ]; then
  command -v perf >/dev/null || { echo "TROAD_BENCH_PERF=1 needs perf (Debian package linux-perf)" >&2; exit 2; }
  jvm_opts="$jvm_opts -XX:+PreserveFramePointer -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit"
fi
base=${TROAD_BENCH_PORT_BASE:-27080}
if [ -n "${TROAD_BENCH_LOG:-}" ] && [ "$TROAD_BENCH_LOG" != postgres ]; then
  echo "TROAD_BENCH_LOG is gone: (c) runs the real security servers, whose message log is always durable" >&2
  exit 2
fi
backend_port=$base
hop1_port=$((base + 1))
hop2_port=$((base + 2))
central_port=$((base + 3))
client_port=$((base + 10))       # NDC's security server: client port (the load goes here)
moi_provider_port=$((base + 11)) # MOI's security server: provider port (mutual TLS, from NDC's)
ndc_provider_port=$((base + 12)) # NDC's own provider port (unused by the benchmark)
moi_client_port=$((base + 13))   # MOI's own client port (unused by the benchmark)
ndc_admin_port=$((base + 14))    # management API, health and metrics of NDC's security server
moi_admin_port=$((base + 15))    # the same for MOI's
moi_postgres_port=$((base + 20)) # the PostgreSQL clusters of MOI's and NDC's security servers
ndc_postgres_port=$((base + 21)) # (TROAD_BENCH_POSTGRES=own)
path=/person-record/A123456789
client_id=TW/GOV/NDC/mydata
service=TW/GOV/MOI/household/person-record
backend_body='{"id":"A123456789","name":"Wang Xiao-ming","household":"Taipei City, Da-an District","born":"1990-01-01"}'
with_troad=""
ran() { [[ " $scenarios " == *" $1 "* ]]; } # was scenario $1 asked for?
if ran c; then with_troad=1; fi

missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
command -v jq >/dev/null || missing+=(jq)
if [ "${TROAD_BENCH_TIMELINE:-}" = 1 ]; then
  command -v tcpdump >/dev/null || missing+=(tcpdump)
  command -v python3 >/dev/null || missing+=(python3)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian packages"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

# bench: FixedRateLoad; app: the smartgov executable, built once (app/target/smartgov.jar)
./mvnw -q -DskipTests -Dspotless.check.skip=true -pl "${with_troad:+app,}bench" -am package \
  dependency:build-classpath -Dmdep.outputFile=target/troad-bench.cp
cp="bench/target/classes:$(cat bench/target/troad-bench.cp)"
build="commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then build="$build with uncommitted changes"; fi

postgres_mode=${TROAD_BENCH_POSTGRES:-shared}
case $postgres_mode in
  own)
    if ! command -v pg_createcluster >/dev/null || [ "$(id -u)" != 0 ]; then
      echo "TROAD_BENCH_POSTGRES=own needs pg_createcluster (Debian's postgresql-common) and root; using the shared PostgreSQL" >&2
      postgres_mode=shared
    fi ;;
  shared) ;;
  *) echo "TROAD_BENCH_POSTGRES is own or shared, not $postgres_mode" >&2; exit 2 ;;
esac
own_postgres_ports=""
if [ "$postgres_mode" = own ]; then own_postgres_ports="$moi_postgres_port $ndc_postgres_port"; fi
for port in $backend_port $hop1_port $hop2_port $central_port $client_port $moi_provider_port \
  $ndc_provider_port $moi_client_port $ndc_admin_port $moi_admin_port $own_postgres_ports; do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "port $port is in use; set TROAD_BENCH_PORT_BASE to a free range" >&2
    exit 1
  fi
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

work=$(mktemp -d /tmp/troad-bench.XXXXXX)
chmod 700 "$work"
db_prefix="smartgov_troadbench_$$" # databases ${db_prefix}_central, _moi, _ndc, owned by role $db_prefix
db_created=""
declare -A pids=()
nodes=(central moi ndc)
# Where each node's database lives: the central server's always on the PostgreSQL at 5432; with
# TROAD_BENCH_POSTGRES=own each security server has a throwaway cluster of its own, as deployed
# (each member runs its own database server), so that the two message logs do not share one WAL;
# they still share this machine's disk.
declare -A pg_port=([central]=5432 [moi]=5432 [ndc]=5432)
pg_version=""
pg_clusters=()
pg() { # node, psql arguments...: psql as postgres on the node's PostgreSQL
  local name=$1
  shift
  psql -h 127.0.0.1 -p "${pg_port[$name]}" -U postgres "$@"
}
pg_servers() { # one node per PostgreSQL server the nodes use
  if [ "$postgres_mode" = own ]; then echo central moi ndc; else echo central; fi
}
cleanup() {
  set +e
  local name pid
  for name in "${nodes[@]}"; do
    if [ -n "${pids[$name]:-}" ]; then kill "${pids[$name]}" 2>/dev/null; fi
  done
  for name in "${nodes[@]}"; do # graceful shutdown first (server.shutdown=graceful), then KILL
    pid=${pids[$name]:-}
    [ -n "$pid" ] || continue
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "smartgov $name (pid $pid) did not stop within 20 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
    wait "$pid" 2>/dev/null
  done
  for instance in backend hop1 hop2; do
    if [ -s "$work/$instance/nginx.pid" ]; then
      kill "$(cat "$work/$instance/nginx.pid")" 2>/dev/null
    fi
  done
  sleep 0.5
  if [ -n "$db_created" ]; then
    for name in "${nodes[@]}"; do
      pg "$name" -q -c "DROP DATABASE IF EXISTS ${db_prefix}_$name WITH (FORCE)" postgres >/dev/null 2>&1
    done
    for name in $(pg_servers); do
      pg "$name" -q -c "DROP ROLE IF EXISTS $db_prefix" postgres >/dev/null 2>&1
    done
  fi
  for cluster in "${pg_clusters[@]}"; do
    pg_dropcluster --stop "$pg_version" "$cluster" >/dev/null 2>&1
  done
  if [ -n "$db_created" ]; then # the nodes' logs (JSON, no secrets), for a look after the run
    mkdir -p bench/target/troad-logs
    for name in "${nodes[@]}"; do
      if [ -f "$work/$name.log" ]; then cp "$work/$name.log" "bench/target/troad-logs/$name.log"; fi
    done
  fi
  if [ -n "${keep_jfr:-}" ]; then
    for name in ndc-client moi-provider; do
      if [ -s "$work/troad-$name.jfr" ]; then cp "$work/troad-$name.jfr" "bench/target/troad-$name.jfr"; fi
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- certificates for (b): one CA, hop2's server certificate, hop1's client certificate (EC P-256)
pki="$work/pki"
mkdir -p "$pki"
(
  cd "$pki"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=bench nginx CA" -keyout ca.key -out ca.pem 2>/dev/null
  for name in hop1 hop2; do
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
      -subj "/CN=$name" -keyout $name.key -out $name.csr 2>/dev/null
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n' >$name.ext
    openssl x509 -req -in $name.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
      -extfile $name.ext -out $name.pem 2>/dev/null
  done
)

# --- three nginx instances, each with its own prefix, config and pid file
nginx_conf() { # name, server block
  mkdir -p "$work/$1"
  cat >"$work/$1/nginx.conf" <<EOF
worker_processes auto;
pid $work/$1/nginx.pid;
error_log $work/$1/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/$1/body;
  proxy_temp_path $work/$1/proxy;
  fastcgi_temp_path $work/$1/fastcgi;
  uwsgi_temp_path $work/$1/uwsgi;
  scgi_temp_path $work/$1/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
$2
}
EOF
  nginx -p "$work/$1" -c "$work/$1/nginx.conf" -e "$work/$1/error.log"
}
nginx_conf backend "
  server {
    listen 127.0.0.1:$backend_port;
    location / {
      default_type application/json;
      return 200 '$backend_body';
    }
  }"
nginx_conf hop2 "
  upstream backend { server 127.0.0.1:$backend_port; keepalive 128; }
  server {
    listen 127.0.0.1:$hop2_port ssl;
    ssl_protocols TLSv1.3;
    ssl_certificate $pki/hop2.pem;
    ssl_certificate_key $pki/hop2.key;
    ssl_client_certificate $pki/ca.pem;
    ssl_verify_client on;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
    }
  }"
nginx_conf hop1 "
  upstream hop2 { server 127.0.0.1:$hop2_port; keepalive 128; }
  server {
    listen 127.0.0.1:$hop1_port;
    location / {
      proxy_pass https://hop2;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_ssl_protocols TLSv1.3;
      proxy_ssl_certificate $pki/hop1.pem;
      proxy_ssl_certificate_key $pki/hop1.key;
      proxy_ssl_trusted_certificate $pki/ca.pem;
      proxy_ssl_verify on;
      proxy_ssl_name localhost;
      proxy_ssl_session_reuse on;
    }
  }"

url_a="http://127.0.0.1:$backend_port$path"
url_b="http://127.0.0.1:$hop1_port$path"
url_c="http://127.0.0.1:$client_port/r1/$service/A123456789"
header_c="X-Road-Client: $client_id"
for url in "$url_a" "$url_b"; do
  curl -fsS -o /dev/null "$url" || { echo "$url failed" >&2; tail -n 5 "$work"/*/error.log >&2; exit 1; }
done

# --- T-Road as deployed: central server and two security servers, separate smartgov processes
secret() { openssl rand -hex 24; }
declare -A admin_password=() admin_port=([central]=$central_port [moi]=$moi_admin_port [ndc]=$ndc_admin_port)
declare -A role_name=([central]="central server" [moi]="MOI's security server" [ndc]="NDC's security server")

show_log() { # name: the last lines of a node's (JSON) log, readable
  echo "--- last lines of the log of smartgov $1 (all of it: bench/target/troad-logs/$1.log):" >&2
  tail -n "${2:-25}" "$work/$1.log" | jq -rR '(fromjson? | "\(.["@timestamp"]) \(.log.level) \(.log.logger): \(.message)\(if .error then " | \(.error.type): \(.error.message)" else "" end)") // .' >&2
}
smartgov_start() { # name [VAR=value ...] -- role and its options
  local name=$1
  shift
  local settings=()
  while [ "$1" != -- ]; do settings+=("$1"); shift; done
  shift
  mkdir -p "$work/$name"
  admin_password[$name]=$(secret)
  # secrets go through the environment, as in production, never on a command line
  (
    export SMARTGOV_DB_URL="jdbc:postgresql://127.0.0.1:${pg_port[$name]}/${db_prefix}_$name"
    export SMARTGOV_DB_USER="$db_prefix" SMARTGOV_DB_PASSWORD="$db_password"
    SMARTGOV_TRUST_KEYSTORE_PASSWORD=$(secret)
    export SMARTGOV_TRUST_KEYSTORE_PASSWORD SMARTGOV_ADMIN_PASSWORD="${admin_password[$name]}"
    export SMARTGOV_DATA_DIR="$work/$name/data" SMARTGOV_PORT="${admin_port[$name]}"
    for setting in "${settings[@]}"; do export "${setting?}"; done
    # shellcheck disable=SC2086
    exec "$JAVA_HOME/bin/java" $jvm_opts -Dserver.address=127.0.0.1 -jar "$work/smartgov.jar" "$@"
  ) >"$work/$name.log" 2>&1 &
  pids[$name]=$!
}
wait_ready() { # name, seconds: until its readiness probe answers 200
  for _ in $(seq $(($2 * 2))); do
    if curl -fs -o /dev/null "http://127.0.0.1:${admin_port[$1]}/actuator/health/readiness"; then return 0; fi
    if ! kill -0 "${pids[$1]}" 2>/dev/null; then
      echo "smartgov $1 (${role_name[$1]}) exited during start-up" >&2
      show_log "$1"
      exit 1
    fi
    sleep 0.5
  done
  echo "smartgov $1 (${role_name[$1]}) not ready after $2 s" >&2
  show_log "$1"
  exit 1
}
admin_api() { # node, method, path, body file or "", content type: prints the answer, fails on non-2xx
  local code data=()
  if [ -n "$4" ]; then data=(-H "Content-Type: $5" --data-binary "@$4"); fi
  code=$(curl -sS -o "$work/api.out" -w '%{http_code}' -X "$2" "${data[@]}" \
    -K <(printf 'user = "admin:%s"\n' "${admin_password[$1]}") "http://127.0.0.1:${admin_port[$1]}$3")
  if [ "${code:0:1}" != 2 ]; then
    echo "$2 $3 on smartgov $1 answered HTTP $code: $(cat "$work/api.out")" >&2
    exit 1
  fi
  cat "$work/api.out"
}
json() { # jq arguments...: writes the JSON document to a new file, prints its name
  local file
  file=$(mktemp "$work/body.XXXXXX")
  jq -n "$@" >"$file"
  echo "$file"
}

if [ -n "$with_troad" ]; then
  echo "starting T-Road: smartgov central, then the security servers of TW/GOV/MOI and TW/GOV/NDC ..."
  cp app/target/smartgov.jar "$work/smartgov.jar" # a rebuild during the run does not touch it
  db_password=$(secret)
  db_created=1
  if [ "$postgres_mode" = own ]; then
    # the shared PostgreSQL's settings that matter for the message logs, so that only the
    # topology differs between the two modes
    pg_version=$(pg central -At -c 'SHOW server_version_num' postgres | cut -c1-2)
    pg_settings=()
    for setting in shared_buffers autovacuum fsync synchronous_commit full_page_writes wal_compression \
      max_wal_size checkpoint_timeout wal_sync_method; do
      pg_settings+=(-o "$setting=$(pg central -At -c "SHOW $setting" postgres)")
    done
    declare -A own_port=([moi]=$moi_postgres_port [ndc]=$ndc_postgres_port)
    for name in moi ndc; do
      pg_clusters+=("troadbench_${name}_$$")
      pg_createcluster --quiet --start --start-conf=manual -p "${own_port[$name]}" "${pg_settings[@]}" \
        "$pg_version" "troadbench_${name}_$$" -- --auth=trust >/dev/null
      pg_port[$name]=${own_port[$name]}
    done
  fi
  for name in "${nodes[@]}"; do
    pg "$name" -q -v ON_ERROR_STOP=1 postgres >/dev/null <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_prefix') THEN
    CREATE ROLE $db_prefix LOGIN PASSWORD '$db_password';
  END IF;
END \$\$;
CREATE DATABASE ${db_prefix}_$name OWNER $db_prefix;
EOF
  done
  if [ "${TROAD_BENCH_JFR:-}" = 1 ]; then keep_jfr=1; fi
  central_url="http://127.0.0.1:$central_port"

  # 1. the central server; members, subsystems and the service through its management API
  smartgov_start central "SMARTGOV_TROAD_CENTRAL_URL=$central_url" -- central
  wait_ready central 180
  for member in "TW/GOV/NDC|National Development Council" "TW/GOV/MOI|Ministry of the Interior"; do
    admin_api central POST /admin/troad/members \
      "$(json --arg id "${member%%|*}" --arg name "${member#*|}" '{id: $id, name: $name}')" application/json >/dev/null
  done
  for subsystem in TW/GOV/NDC/mydata TW/GOV/MOI/household; do
    admin_api central POST /admin/troad/subsystems "$(json --arg id $subsystem '{id: $id}')" application/json >/dev/null
  done
  cat >"$work/person-record.json" <<'EOF'
{
  "openapi": "3.0.3",
  "info": {"title": "Household registration record (benchmark)", "version": "1.0.0"},
  "paths": {
    "/{nationalId}": {
      "get": {
        "operationId": "get",
        "parameters": [
          {"name": "nationalId", "in": "path", "required": true,
           "schema": {"type": "string", "pattern": "^[A-Z][12][0-9]{8}$"}}
        ],
        "responses": {
          "200": {
            "description": "The record",
            "content": {"application/json": {"schema": {"type": "object", "properties": {
              "id": {"type": "string"}, "name": {"type": "string"},
              "household": {"type": "string"}, "born": {"type": "string", "format": "date"}}}}}
          }
        }
      }
    }
  }
}
EOF
  admin_api central PUT "/admin/troad/services/$service" "$work/person-record.json" application/json >/dev/null
  curl -fsS -o "$work/anchor.json" "$central_url/troad/anchor.json" # out of band, as an agency would
  if [ "$(jq -r .centralUrl "$work/anchor.json")" != "$central_url" ]; then
    echo "the central server's anchor names $(jq -r .centralUrl "$work/anchor.json"), not $central_url" >&2
    exit 1
  fi
  declare -A token=()
  for server in "moi|TW/GOV/MOI|TW/GOV/MOI/household|$moi_provider_port" \
    "ndc|TW/GOV/NDC|TW/GOV/NDC/mydata|$ndc_provider_port"; do
    IFS='|' read -r name owner clients port <<<"$server"
    token[$name]=$(admin_api central POST /admin/troad/security-servers/tokens \
      "$(json --arg owner "$owner" --arg address "https://127.0.0.1:$port" --arg client "$clients" \
        '{owner: $owner, code: "ss1", address: $address, clients: [$client]}')" application/json | jq -r .token)
  done

  # 2. both security servers at once: each registers with its token, then fetches the configuration
  smartgov_start moi "SMARTGOV_TROAD_REGISTRATION_TOKEN=${token[moi]}" \
    SMARTGOV_TROAD_SECURITYSERVER_BINDHOST=127.0.0.1 -- \
    security-server --member TW/GOV/MOI --clients TW/GOV/MOI/household --central-url "$central_url" \
    --anchor-file "$work/anchor.json" --public-host 127.0.0.1 \
    --client-port "$moi_client_port" --provider-port "$moi_provider_port"
  smartgov_start ndc "SMARTGOV_TROAD_REGISTRATION_TOKEN=${token[ndc]}" \
    SMARTGOV_TROAD_SECURITYSERVER_BINDHOST=127.0.0.1 -- \
    security-server --member TW/GOV/NDC --clients TW/GOV/NDC/mydata --central-url "$central_url" \
    --anchor-file "$work/anchor.json" --public-host 127.0.0.1 \
    --client-port "$client_port" --provider-port "$ndc_provider_port"
  wait_ready moi 180
  wait_ready ndc 180

  # 3. MOI provides the service, backed by the nginx backend, and grants NDC's mydata access to it
  admin_api moi PUT /admin/troad/security-server/services \
    "$(json --arg service $service --arg backend "http://127.0.0.1:$backend_port/person-record" \
      --rawfile openapi "$work/person-record.json" '{service: $service, backend: $backend, openapi: $openapi}')" \
    application/json >/dev/null
  SMARTGOV_ADMIN_PASSWORD="${admin_password[moi]}" "$JAVA_HOME/bin/java" -jar "$work/smartgov.jar" \
    access-rights grant --server "http://127.0.0.1:$moi_admin_port" --client $client_id --service $service

  # 4. whichever server registered second is known to the other once it fetched the configuration
  #    again: asked to now, rather than waiting for its next poll
  echo "refreshing the security servers' global configuration ..."
  echo '{}' >"$work/empty.json"
  for name in moi ndc; do
    admin_api $name POST /admin/troad/security-server/global-configuration/refresh "$work/empty.json" \
      application/json >/dev/null
  done
  body=""
  for _ in $(seq 120); do
    body=$(curl -s -H "$header_c" "$url_c") && [ "$body" = "$backend_body" ] && break
    for name in "${nodes[@]}"; do
      if ! kill -0 "${pids[$name]}" 2>/dev/null; then
        echo "smartgov $name (${role_name[$name]}) exited" >&2
        show_log "$name"
        exit 1
      fi
    done
    sleep 1
  done
  if [ "$body" != "$backend_body" ]; then
    echo "T-Road call still failing after 120 s: $body" >&2
    show_log ndc 15
    show_log moi 15
    exit 1
  fi
  curl -fsS -o /dev/null -H "$header_c" "$url_c" || { show_log ndc; exit 1; }
  echo "T-Road up: $url_c answers through both security servers"
fi

# --- max throughput, closed loop
declare -A rps p50w p99w r50 r99
ticks() { # CPU ticks (user + system) of one process
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
postgres_cpu() { # CPU ticks of all PostgreSQL processes (the message logs' database work)
  local total=0 pid
  for pid in $(pgrep -u postgres); do
    total=$((total + $(ticks "$pid")))
  done
  echo "$total"
}
declare -A cpu_ms=()
jit_ticks() { # CPU ticks of the JIT compiler threads of a JVM (those alive now)
  local total=0 task
  for task in /proc/"$1"/task/*; do
    if grep -q '^C[12] CompilerThre' "$task/comm" 2>/dev/null; then total=$((total + $(ticks "$1/task/${task##*/}"))); fi
  done
  echo "$total"
}
per_request_ms() { # ticks, requests
  awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN {printf "%.2f", 1000 * t / hz / n}'
}
# shellcheck disable=SC2034,SC2154 # writes the caller's associative array through a name reference
sample_cpu() { # name of an associative array: CPU ticks of each node, its JIT threads, PostgreSQL
  local -n into=$1
  local name
  for name in "${nodes[@]}"; do
    into[$name]=$(ticks "${pids[$name]}")
    into[jit_$name]=$(jit_ticks "${pids[$name]}")
  done
  into[postgres]=$(postgres_cpu)
}
phases() { # node, file: count and histogram buckets of timer troad.exchange.phase per side and phase,
  # and of the message log's group commits (side "log": phase "commit", seconds; "appends", per commit)
  admin_api "$1" GET /actuator/prometheus "" "" 2>/dev/null \
    | awk '/^troad_exchange_phase_seconds_(count|bucket|sum)\{/ {
        # label names matched with what precedes them: "le=" also ends "role="
        match($0, /[{,]phase="[a-z]+"/); phase = substr($0, RSTART + 8, RLENGTH - 9)
        match($0, /[{,]side="[a-z]+"/); side = substr($0, RSTART + 7, RLENGTH - 8)
        kind = ($1 ~ /_sum/) ? "sum" : "count"
        if ($1 ~ /_bucket/) { match($0, /[{,]le="[^"]+"/); kind = substr($0, RSTART + 5, RLENGTH - 6) }
        print side, phase, kind, $NF }
      /^smartgov_log_commit_seconds_(count|bucket|sum)\{log="msglog-/ {
        kind = ($1 ~ /_sum/) ? "sum" : "count"
        if ($1 ~ /_bucket/) { match($0, /[{,]le="[^"]+"/); kind = substr($0, RSTART + 5, RLENGTH - 6) }
        print "log", "commit", kind, $NF }
      /^smartgov_log_commit_appends_(count|sum)\{log="msglog-/ {
        print "log", "appends", ($1 ~ /_sum/) ? "sum" : "count", $NF }
      /^smartgov_log_journal_write_seconds_(count|bucket|sum)\{log="msglog-/ {
        kind = ($1 ~ /_sum/) ? "sum" : "count"
        if ($1 ~ /_bucket/) { match($0, /[{,]le="[^"]+"/); kind = substr($0, RSTART + 5, RLENGTH - 6) }
        print "journal", "write", kind, $NF }' >"$2" || true
}
wrk_run() { # scenario, url, warm-up seconds, [header]
  local scenario=$1 url=$2 warm=$3 out name n
  local header=()
  if [ $# -ge 4 ]; then header=(-H "$4"); fi
  wrk -t1 -c"$connections" -d"${warm}s" "${header[@]}" "$url" >/dev/null
  if [ "$scenario" = c ] && [ -n "${keep_jfr:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "${pids[ndc]}" JFR.start name=bench settings=profile filename="$work/troad-ndc-client.jfr" >/dev/null
    "$JAVA_HOME/bin/jcmd" "${pids[moi]}" JFR.start name=bench settings=profile filename="$work/troad-moi-provider.jfr" >/dev/null
  fi
  declare -A before=() after=()
  local perf_pid=""
  if [ "$scenario" = c ] && [ "${TROAD_BENCH_PERF:-}" = 1 ]; then
    mkdir -p bench/target
    perf record -a -g -F 499 -o bench/target/troad-perf.data -- sleep "$seconds" >/dev/null 2>&1 &
    perf_pid=$!
  fi
  if [ "$scenario" = c ]; then phases ndc "$work/ndc.max.before"; phases moi "$work/moi.max.before"; sample_cpu before; fi
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency "${header[@]}" "$url")
  if [ -n "$perf_pid" ]; then wait "$perf_pid" || echo "warning: perf record failed" >&2; fi
  if [ "$scenario" = c ]; then
    sample_cpu after
    phases ndc "$work/ndc.max.after"; phases moi "$work/moi.max.after"
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    for name in "${nodes[@]}" postgres; do
      cpu_ms[$name]=$(per_request_ms $((after[$name] - before[$name])) "$n")
    done
    cpu_ms[smartgov]=$(per_request_ms $((after[central] + after[moi] + after[ndc] - before[central] - before[moi] - before[ndc])) "$n")
    cpu_ms[jit]=$(per_request_ms $((after[jit_central] + after[jit_moi] + after[jit_ndc] - before[jit_central] - before[jit_moi] - before[jit_ndc])) "$n")
  fi
  if [ "$scenario" = c ] && [ -n "${keep_jfr:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "${pids[ndc]}" JFR.stop name=bench >/dev/null
    "$JAVA_HOME/bin/jcmd" "${pids[moi]}" JFR.stop name=bench >/dev/null
  fi
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then
    echo "warning: scenario $scenario had errors:" >&2
    grep "Non-2xx\|Socket errors" <<<"$out" >&2
  fi
  rps[$scenario]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50w[$scenario]=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99w[$scenario]=$(awk '$1 == "99%" {print $2}' <<<"$out")
}
echo "max throughput: wrk -t1 -c$connections -d${seconds}s (after a warm-up: 5 s for a and b, ${warmup_c} s for c) ..."
for scenario in $scenarios; do
  case $scenario in
    a) wrk_run a "$url_a" 5 ;;
    b) wrk_run b "$url_b" 5 ;;
    c) wrk_run c "$url_c" "$warmup_c" "$header_c" ;;
  esac
done

# --- latency at a fixed rate, open loop
fixed_run() { # scenario, url, [header]; runs $after_warmup, if set, once the 5 s of warm-up are over
  local out pid
  "$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$cp" tw.smartgov.bench.FixedRateLoad \
    "$2" "$rate" "$seconds" 5 "${@:3}" >"$work/fixed-$1.out" &
  pid=$!
  if [ -n "${after_warmup:-}" ]; then sleep 6; "$after_warmup"; fi # 6: the load generator's JVM starts first
  wait "$pid"
  out=$(cat "$work/fixed-$1.out")
  if ! grep -q " errors=0 " <<<"$out"; then echo "warning: scenario $1 at $rate/s: $out" >&2; fi
  r50[$1]=$(sed -n 's/.*p50_ms=\([^ ]*\).*/\1/p' <<<"$out")
  r99[$1]=$(sed -n 's/.*p99_ms=\([^ ]*\).*/\1/p' <<<"$out")
}
phases_before() { phases ndc "$work/ndc.phases.before"; phases moi "$work/moi.phases.before"; }
measure_start() { # the measured part of the fixed-rate run of (c) begins
  phases_before
  if [ "${TROAD_BENCH_TIMELINE:-}" = 1 ]; then
    timeout "$((seconds - 1))" tcpdump -Z root -i lo -s 96 -w "$work/timeline.pcap" "tcp port $client_port or tcp port \
$moi_provider_port or tcp port $backend_port or tcp port ${pg_port[moi]} or tcp port ${pg_port[ndc]}" >/dev/null 2>&1 &
    timeline_pid=$!
  fi
}
# The throughput run leaves the message logs' databases with a gigabyte of WAL to write back and
# tables to vacuum: done first, so that the fixed-rate run measures T-Road, not that backlog.
settle_databases() {
  local db
  for db in moi ndc; do
    pg "$db" -q -c "VACUUM (ANALYZE)" "${db_prefix}_$db" >/dev/null
  done
  for db in $(pg_servers); do
    pg "$db" -q -c "CHECKPOINT" postgres >/dev/null
  done
  settle_disk
}
# The disk holding PostgreSQL's data goes on writing (and, mounted with `discard`, trimming the
# recycled WAL) for a while after the checkpoint; commits wait behind that I/O. Waits, at most
# 90 s, until a second passes with less than 1 MiB written or trimmed, and says how long it took.
settle_disk() {
  local dev waited=0 before after
  dev=$(df --output=source "$(psql -h 127.0.0.1 -U postgres -At -c 'SHOW data_directory' postgres 2>/dev/null || echo /)" 2>/dev/null | tail -1)
  dev=${dev#/dev/}
  if ! grep -qw "$dev" /proc/diskstats; then return 0; fi
  sync
  io() { awk -v d="$dev" '$3 == d { print $10 + $17 }' /proc/diskstats; } # sectors written + discarded
  before=$(io)
  while [ "$waited" -lt 90 ]; do
    sleep 1; waited=$((waited + 1)); after=$(io)
    if [ $((after - before)) -lt 2048 ]; then break; fi
    before=$after
  done
  disk_settled="${disk_settled:+$disk_settled, }${waited} s"
}
# What this machine's database and disk take at the fixed rate without T-Road: a durable insert of
# a record's size, and a round trip that writes nothing (pgbench, one client, open loop: its
# latency counts from when each transaction was due). Machines of one kind differ by a factor of
# two here from day to day; T-Road's added latency holds one such commit on each side (overlapped).
commit_floor() {
  command -v pgbench >/dev/null || return 0
  local db="${db_prefix}_ndc" kind script
  pg ndc -q -c "CREATE TABLE bench_commit_floor (id bigserial PRIMARY KEY, data bytea NOT NULL)
      WITH (toast_tuple_target = 8160); ALTER TABLE bench_commit_floor ALTER data SET STORAGE EXTERNAL" "$db" >/dev/null || return 0
  echo "INSERT INTO bench_commit_floor (data) VALUES (decode(repeat('a5', 2500), 'hex'));" >"$work/floor-insert.sql"
  echo "SELECT 1;" >"$work/floor-select.sql"
  for kind in insert select; do
    rm -f "$work"/floor-"$kind"-log*
    pgbench -h 127.0.0.1 -p "${pg_port[ndc]}" -U postgres -n -c1 -R "$rate" -T 10 -l --log-prefix="$work/floor-$kind-log" \
      -f "$work/floor-$kind.sql" "$db" >/dev/null 2>&1 || return 0
    floor[$kind]=$(cat "$work"/floor-"$kind"-log* | awk '{print $3}' | sort -n | awk '{v[NR] = $1} END {if (NR) printf "%.2f", v[int((NR + 1) / 2)] / 1000}')
  done
}
declare -A floor=()
echo "latency at a fixed rate: $rate requests/s for ${seconds}s (after 5 s; for c, after vacuuming the message logs' databases, a checkpoint and the disk falling quiet) ..."
for scenario in $scenarios; do
  case $scenario in
    a) fixed_run a "$url_a" ;;
    b) fixed_run b "$url_b" ;;
    c) settle_databases
       # the phases of the measured requests only: the warm-up's first seconds include new connections
       after_warmup=measure_start fixed_run c "$url_c" "$header_c"
       if [ -n "${timeline_pid:-}" ]; then
         wait "$timeline_pid" || true
         python3 "$here/bench/exchange-timeline.py" "$work/timeline.pcap" "$client_port" "$moi_provider_port" \
           "$backend_port" "${pg_port[moi]},${pg_port[ndc]}" >"$work/timeline.txt" 2>&1 || true
       fi
       phases ndc "$work/ndc.phases.after"; phases moi "$work/moi.phases.after"
       mkdir -p "$here/bench/target/troad-phases"; cp "$work"/*.phases.* "$here/bench/target/troad-phases/"
       commit_floor ;;
  esac
done

records() { # node: name=tree size of each transparency log in its database (its message log)
  pg "$1" -At -c "SELECT string_agg(name || '=' || tree_size, ' ' ORDER BY name) FROM trust.log_state" \
    "${db_prefix}_$1" 2>/dev/null || true
}
record_sizes() { # node: mean bytes of a record as appended, and as stored (compressed or not) with its index rows
  pg "$1" -At -c "SELECT round(avg(octet_length(data))) || ' B appended, '
      || round(avg(pg_column_size(data))) || ' B stored'
      || coalesce(' (' || max(pg_column_compression(data)) || ')', '') FROM trust.log_leaf" \
    "${db_prefix}_$1" 2>/dev/null || true
}
if [ -n "$with_troad" ]; then
  records_ndc=$(records ndc)
  records_moi=$(records moi)
  sizes_ndc=$(record_sizes ndc)
  sizes_moi=$(record_sizes moi)
fi

echo
echo "T-Road benchmark on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load generator on the same machine"
echo "load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (other processes compete for the cores if these exceed ~2)"
if [ -n "$with_troad" ]; then
  echo "T-Road: the smartgov executable as deployed ($build), three processes (central, two security servers), each $jvm_opts and its own database (PostgreSQL: $postgres_mode)"
fi
echo "backend: nginx $(nginx -v 2>&1 | sed 's|.*/||'), fixed JSON"
printf '%-44s %12s %10s %10s %14s %14s\n' "scenario" "requests/s" "p50 (max)" "p99 (max)" "p50 @$rate/s" "p99 @$rate/s"
row() {
  if ! ran "$2"; then return; fi
  printf '%-44s %12.0f %10s %10s %11.2f ms %11.2f ms\n' "$1" "${rps[$2]}" "${p50w[$2]}" "${p99w[$2]}" "${r50[$2]}" "${r99[$2]}"; }
row "(a) direct to the nginx backend" a
row "(b) two nginx hops, TLS 1.3 mutual auth" b
row "(c) T-Road, message log on (PostgreSQL)" c
if [ -n "$with_troad" ]; then
  echo "T-Road CPU per request at max throughput: ${cpu_ms[smartgov]} ms in the three smartgov JVMs (NDC's security server ${cpu_ms[ndc]}, MOI's ${cpu_ms[moi]}, central ${cpu_ms[central]}: not on the data path); all PostgreSQL processes (the message logs, and anyone else's queries): ${cpu_ms[postgres]} ms"
  echo "of which the JIT compiler threads, still compiling after ${warmup_c} s of warm-up: ${cpu_ms[jit]} ms (if more than a few % of it, the JVMs were not warm yet: raise TROAD_BENCH_WARMUP)"
fi
# the ratios and the added latency need their reference scenarios; the issue's targets for T-Road
# (>= 2,000 requests/s, c/b >= 10 %, p50 added <= 3 ms at a moderate fixed rate) are checked
# against whatever this run measured
awk -v has_a="$(ran a && echo 1)" -v has_b="$(ran b && echo 1)" -v has_c="$(ran c && echo 1)" \
  -v a="${rps[a]:-0}" -v b="${rps[b]:-0}" -v c="${rps[c]:-0}" -v a50="${r50[a]:-0}" -v c50="${r50[c]:-0}" \
  -v a99="${r99[a]:-0}" -v c99="${r99[c]:-0}" -v b50="${r50[b]:-0}" -v rate="$rate" '
  function verdict(ok) { return ok ? "met" : "NOT met" }
  BEGIN {
    if (has_a && has_b && has_c) printf "c/a = %.1f%%   c/b = %.1f%%   b/a = %.1f%%\n", 100 * c / a, 100 * c / b, 100 * b / a
    if (has_a && has_c) {
      hops = has_b ? sprintf(" (by the two nginx hops: p50 %.2f ms)", b50 - a50) : ""
      printf "latency added by T-Road at %s requests/s: p50 %.2f ms, p99 %.2f ms%s\n", rate, c50 - a50, c99 - a99, hops
    }
    if (!has_c) exit
    printf "targets of T-Road on this machine: >= 2,000 requests/s: %.0f (%s)", c, verdict(c >= 2000)
    if (has_b) printf "; c/b >= 10 %%: %.1f %% (%s)", 100 * c / b, verdict(c >= 0.10 * b)
    if (has_a && rate <= 500) printf "; p50 added <= 3 ms at %s/s: %.2f ms (%s)", rate, c50 - a50, verdict(c50 - a50 <= 3)
    if (has_a && rate > 500) printf "; p50 added: %s/s is not a moderate rate, use TROAD_BENCH_RATE=200", rate
    printf "\n"
  }'

if [ -n "$with_troad" ]; then
  for name in ndc moi; do # mean messages per batch signature (each batch: one signature, one verification at the peer)
    admin_api "$name" GET /actuator/prometheus "" "" >"$work/$name.metrics" 2>/dev/null || true
    awk -v node="$name" '/^troad_signature_batches_total/ {b += $2} /^troad_signature_messages_total/ {m += $2}
      END {if (b > 0) printf "%s: %d messages signed in %d batch signatures, %.1f per batch\n", node, m, b, m / b}' "$work/$name.metrics"
  done
  # where the time of an exchange went during the fixed-rate run (after its warm-up): the p50 and
  # p99 of each phase, read off the histogram buckets of timer troad.exchange.phase (the upper bound of
  # the bucket holding it), and the mean (the timer's sum over its count)
  for name in ndc moi; do
    side=client; if [ "$name" = moi ]; then side=provider; fi
    awk -v node="$name" -v side="$side" -v rate="$rate" '
      FNR == NR { if ($1 == side) before[$2 " " $3] = $4; next }
      $1 == side { after[$2 " " $3] = $4; if ($3 != "count" && $3 != "sum" && $3 != "+Inf") bounds[$2] = bounds[$2] " " $3 }
      END {
        line = ""; means = ""; tail = ""
        split("receive verify upstream sign log send", order, " ")
        for (i = 1; i <= 6; i++) {
          p = order[i]; n = after[p " count"] - before[p " count"]
          if (n <= 0) continue
          means = means sprintf(" %s %.3f", p, 1000 * (after[p " sum"] - before[p " sum"]) / n)
          k = split(bounds[p], le, " ")
          for (j = 1; j <= k; j++) {
            if (after[p " " le[j]] - before[p " " le[j]] >= n / 2) { line = line sprintf(" %s %.2f", p, 1000 * le[j]); break }
          }
          for (j = 1; j <= k; j++) {
            if (after[p " " le[j]] - before[p " " le[j]] >= 0.99 * n) { tail = tail sprintf(" %s %.2f", p, 1000 * le[j]); break }
          }
        }
        if (line != "") printf "%s (%s side), p50 ms of each phase at %s/s (bucket bound):%s\n", node, side, rate, line
        if (tail != "") printf "%s (%s side), p99 ms of each phase at %s/s (bucket bound):%s\n", node, side, rate, tail
        if (means != "") printf "%s (%s side), mean ms of each phase at %s/s:%s\n", node, side, rate, means
      }' "$work/$name.phases.before" "$work/$name.phases.after" 2>/dev/null || true
  done
  # the message logs' group commits: what one costs at the fixed rate, how many records each carried
  for name in ndc moi; do
    awk -v node="$name" -v rate="$rate" '
      # files: 1 before and 2 after the fixed-rate run, 3 before and 4 after the throughput run
      BEGIN { for (i = 1; i < ARGC; i++) file_of[ARGV[i]] = i }
      function delta(last, key) { return value[last, key] - value[last - 1, key] }
      $1 == "log" {
        value[file_of[FILENAME], $2 " " $3] += $4
        if ($2 == "commit" && $3 != "count" && $3 != "sum" && $3 != "+Inf" && !($3 in seen)) { seen[$3] = 1; le[++k] = $3 }
      }
      END {
        for (i = 2; i <= k; i++) for (j = i; j > 1 && le[j] + 0 < le[j - 1] + 0; j--) { t = le[j]; le[j] = le[j - 1]; le[j - 1] = t }
        n = delta(2, "commit count")
        if (n > 0) {
          p50 = "?"
          for (i = 1; i <= k; i++) if (delta(2, "commit " le[i]) >= n / 2) { p50 = sprintf("%.2f", 1000 * le[i]); break }
          printf "%s message log, group commits at %s/s: p50 %s ms (bucket bound), mean %.3f ms, %.1f records per commit\n", \
            node, rate, p50, 1000 * delta(2, "commit sum") / n, delta(2, "appends sum") / delta(2, "appends count")
        }
        m = delta(4, "commit count")
        if (m > 0) printf "%s message log, group commits at max throughput: mean %.3f ms, %.1f records per commit\n", \
          node, 1000 * delta(4, "commit sum") / m, delta(4, "appends sum") / delta(4, "appends count")
      }' "$work/$name.phases.before" "$work/$name.phases.after" "$work/$name.max.before" "$work/$name.max.after" 2>/dev/null || true
    # with the local journal (the default), a record is durable after one journal write, and the
    # group commits above are copies to PostgreSQL that nobody waits for
    awk -v node="$name" -v rate="$rate" '
      BEGIN { for (i = 1; i < ARGC; i++) file_of[ARGV[i]] = i }
      function delta(last, key) { return value[last, key] - value[last - 1, key] }
      $1 == "journal" {
        value[file_of[FILENAME], $3] += $4
        if ($3 != "count" && $3 != "sum" && $3 != "+Inf" && !($3 in seen)) { seen[$3] = 1; le[++k] = $3 }
      }
      END {
        for (i = 2; i <= k; i++) for (j = i; j > 1 && le[j] + 0 < le[j - 1] + 0; j--) { t = le[j]; le[j] = le[j - 1]; le[j - 1] = t }
        n = delta(2, "count")
        if (n > 0) {
          p50 = "?"; p99 = "?"
          for (i = 1; i <= k; i++) if (delta(2, le[i]) >= n / 2) { p50 = sprintf("%.2f", 1000 * le[i]); break }
          for (i = 1; i <= k; i++) if (delta(2, le[i]) >= 0.99 * n) { p99 = sprintf("%.2f", 1000 * le[i]); break }
          printf "%s message log, journal writes (what a record waits for) at %s/s: p50 %s ms, p99 %s ms (bucket bounds), mean %.3f ms\n", \
            node, rate, p50, p99, 1000 * delta(2, "sum") / n
        }
        m = delta(4, "count")
        if (m > 0) printf "%s message log, journal writes at max throughput: mean %.3f ms\n", node, 1000 * delta(4, "sum") / m
      }' "$work/$name.phases.before" "$work/$name.phases.after" "$work/$name.max.before" "$work/$name.max.after" 2>/dev/null || true
  done
  if [ -n "${floor[insert]:-}" ]; then
    echo "this machine's PostgreSQL at $rate/s without T-Road (pgbench, one client, 10 s): a durable insert of 2,500 bytes p50 ${floor[insert]} ms, a round trip (SELECT 1) p50 ${floor[select]:-?} ms"
  fi
  echo "message log records (trust.log_state, durable on PostgreSQL): NDC's security server ${records_ndc:-unknown}; MOI's ${records_moi:-unknown}"
  echo "record size: NDC's ${sizes_ndc:-unknown}; MOI's ${sizes_moi:-unknown}"
  if [ -n "${disk_settled:-}" ]; then echo "before the fixed-rate run of (c), the disk fell quiet after: $disk_settled"; fi
  for name in "${nodes[@]}"; do # what the nodes complained about during the run
    warnings=$(jq -rR 'fromjson? | select(.log.level == "WARN" or .log.level == "ERROR") | "\(.log.level) \(.log.logger): \(.message)"' \
      "$work/$name.log" | cut -c1-200 | sort | uniq -c | sort -rn)
    if [ -n "$warnings" ]; then
      echo "smartgov $name logged warnings or errors:"
      head -n 5 <<<"$warnings"
    fi
  done
  if [ -s "$work/timeline.txt" ]; then
    echo "where an exchange's time went at $rate/s, from loopback packet times (TROAD_BENCH_TIMELINE=1):"
    cat "$work/timeline.txt"
  fi
  echo "logs of the three nodes: bench/target/troad-logs/{central,moi,ndc}.log"
  if [ -n "${keep_jfr:-}" ]; then
    echo "JFR of the security servers (throughput run): bench/target/troad-ndc-client.jfr, bench/target/troad-moi-provider.jfr"
  fi
  if [ "${TROAD_BENCH_PERF:-}" = 1 ]; then
    echo "perf of the machine (throughput run): perf report -i bench/target/troad-perf.data --sort comm,dso (Java symbols: /tmp/perf-<pid>.map)"
  fi
fi
