#!/usr/bin/env bash
# Benchmarks T-Road against the same trivial backend reached (a) directly and (b) through two nginx
# reverse-proxy hops with TLS 1.3 mutual authentication between them, and prints requests/s and
# p50/p99 latency of each, then the ratios c/a and c/b and the latency T-Road adds:
#   (a) direct:  load -> nginx backend (a fixed 120-byte JSON)
#   (b) 2 hops:  load -> nginx hop1 (plain HTTP) =mTLS 1.3=> nginx hop2 -> nginx backend
#   (c) T-Road:  load -> client security server =mTLS 1.3, signed=> provider security server
#                -> nginx backend; both servers log every exchange durably on PostgreSQL
#                before releasing the response (group commit).
# Max throughput: wrk, closed loop (-t1, TROAD_BENCH_CONNECTIONS connections, after a warm-up).
# Latency: bench's FixedRateLoad, open loop at TROAD_BENCH_RATE requests/s (latency counted from
# when each request was due, so no coordinated omission).
# Usage: bench/troad.sh   (PostgreSQL on 127.0.0.1:5432, user postgres; installs nginx and wrk
# with apt-get if missing). Environment knobs, with defaults:
#   TROAD_BENCH_SECONDS=20 TROAD_BENCH_CONNECTIONS=64 TROAD_BENCH_RATE=500
#   TROAD_BENCH_JVM_OPTS="-Xms2g -Xmx2g -XX:+UseParallelGC"   (JVM of the T-Road nodes)
#   TROAD_BENCH_SCENARIOS="a b c"   a subset runs only those (no ratios then)
#   TROAD_BENCH_LOG=postgres   "memory" swaps the durable log for InMemoryMessageLog, to isolate its cost
#   TROAD_BENCH_JFR=1   also records a JFR profile (settings=profile) of the nodes during the
#                       throughput run of (c), kept as bench/target/troad.jfr
#   TROAD_BENCH_PORT_BASE=47080   ports used: base .. base+12, all on 127.0.0.1
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$here/.mvn/find-jdk.sh"
cd "$here"

seconds=${TROAD_BENCH_SECONDS:-20}
connections=${TROAD_BENCH_CONNECTIONS:-64}
rate=${TROAD_BENCH_RATE:-500}
scenarios=${TROAD_BENCH_SCENARIOS:-a b c}
message_log=${TROAD_BENCH_LOG:-postgres}
jvm_opts=${TROAD_BENCH_JVM_OPTS:--Xms2g -Xmx2g -XX:+UseParallelGC}
base=${TROAD_BENCH_PORT_BASE:-47080}
backend_port=$base
hop1_port=$((base + 1))
hop2_port=$((base + 2))
client_port=$((base + 10))
provider_port=$((base + 11)) # and base + 12: the client server's own provider port
path=/person-record/A123456789
client_id=TW/GOV/NDC/mydata
service=TW/GOV/MOI/household/person-record

missing=()
command -v nginx >/dev/null || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian packages"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

./mvnw -q -DskipTests -Dspotless.check.skip=true -pl bench -am package \
  dependency:build-classpath -Dmdep.outputFile=target/troad-bench.cp
cp="bench/target/classes:$(cat bench/target/troad-bench.cp)"

for port in $backend_port $hop1_port $hop2_port $client_port $provider_port $((provider_port + 1)); do
  if ss -Hltn "sport = :$port" | grep -q .; then
    echo "port $port is in use; set TROAD_BENCH_PORT_BASE to a free range" >&2
    exit 1
  fi
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

work=$(mktemp -d /tmp/troad-bench.XXXXXX)
db="smartgov_troadbench_$$"
nodes_pid=""
cleanup() {
  set +e
  if [ -n "$nodes_pid" ]; then
    kill "$nodes_pid" 2>/dev/null
    wait "$nodes_pid" 2>/dev/null
  fi
  for instance in backend hop1 hop2; do
    if [ -s "$work/$instance/nginx.pid" ]; then
      kill "$(cat "$work/$instance/nginx.pid")" 2>/dev/null
    fi
  done
  sleep 0.5
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1
  if [ -n "${keep_jfr:-}" ] && [ -f "$work/troad.jfr" ]; then cp "$work/troad.jfr" bench/target/troad.jfr; fi
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
      return 200 '{\"id\":\"A123456789\",\"name\":\"Wang Xiao-ming\",\"household\":\"Taipei City, Da-an District\",\"born\":\"1990-01-01\"}';
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

# --- T-Road: CA, global configuration, two security servers, message log on PostgreSQL
psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE $db" postgres
jdbc="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres&reWriteBatchedInserts=true"
if [ "${TROAD_BENCH_JFR:-}" = 1 ]; then keep_jfr=1; fi
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" $jvm_opts -Dsmartgov.bench.log="$message_log" -cp "$cp" tw.smartgov.bench.TRoadBenchNodes \
  "$jdbc" "http://127.0.0.1:$backend_port/person-record" "$client_port" "$provider_port" "$work/nodes" \
  >"$work/nodes.log" 2>&1 &
nodes_pid=$!

url_a="http://127.0.0.1:$backend_port$path"
url_b="http://127.0.0.1:$hop1_port$path"
url_c="http://127.0.0.1:$client_port/r1/$service/A123456789"
header_c="X-Road-Client: $client_id"

for _ in $(seq 120); do
  if curl -fs -o /dev/null -H "$header_c" "$url_c"; then break; fi
  if ! kill -0 "$nodes_pid" 2>/dev/null; then cat "$work/nodes.log"; exit 1; fi
  sleep 0.5
done
for url in "$url_a" "$url_b"; do
  curl -fsS -o /dev/null "$url" || { echo "$url failed" >&2; tail -n 5 "$work"/*/error.log >&2; exit 1; }
done
curl -fsS -o /dev/null -H "$header_c" "$url_c" || { cat "$work/nodes.log"; exit 1; }

# --- max throughput, closed loop
declare -A rps p50w p99w r50 r99
postgres_cpu() { # CPU ticks of all PostgreSQL processes (the message log's database work)
  local total=0 pid
  for pid in $(pgrep -u postgres); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
wrk_run() { # scenario, url, warm-up seconds, [header]
  local scenario=$1 url=$2 warm=$3 out
  local header=()
  if [ $# -ge 4 ]; then header=(-H "$4"); fi
  wrk -t1 -c"$connections" -d"${warm}s" "${header[@]}" "$url" >/dev/null
  if [ "$scenario" = c ] && [ -n "${keep_jfr:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "$nodes_pid" JFR.start name=bench settings=profile filename="$work/troad.jfr" >/dev/null
  fi
  local cpu0 cpu1 pg0 pg1 n
  cpu0=$(awk '{print $14 + $15}' "/proc/$nodes_pid/stat")
  pg0=$(postgres_cpu)
  out=$(wrk -t1 -c"$connections" -d"${seconds}s" --latency "${header[@]}" "$url")
  cpu1=$(awk '{print $14 + $15}' "/proc/$nodes_pid/stat")
  pg1=$(postgres_cpu)
  if [ "$scenario" = c ]; then
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    nodes_cpu_ms=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN {printf "%.2f", 1000 * t / hz / n}')
    pg_cpu_ms=$(awk -v t=$((pg1 - pg0)) -v hz="$(getconf CLK_TCK)" -v n="$n" 'BEGIN {printf "%.2f", 1000 * t / hz / n}')
  fi
  if [ "$scenario" = c ] && [ -n "${keep_jfr:-}" ]; then
    "$JAVA_HOME/bin/jcmd" "$nodes_pid" JFR.stop name=bench >/dev/null
  fi
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then
    echo "warning: scenario $scenario had errors:" >&2
    grep "Non-2xx\|Socket errors" <<<"$out" >&2
  fi
  rps[$scenario]=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50w[$scenario]=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99w[$scenario]=$(awk '$1 == "99%" {print $2}' <<<"$out")
}
echo "max throughput: wrk -t1 -c$connections -d${seconds}s (after a warm-up) ..."
nodes_cpu_ms=""
pg_cpu_ms=""
for scenario in $scenarios; do
  case $scenario in
    a) wrk_run a "$url_a" 5 ;;
    b) wrk_run b "$url_b" 5 ;;
    c) wrk_run c "$url_c" 15 "$header_c" ;;
  esac
done

# --- latency at a fixed rate, open loop
fixed_run() { # scenario, url, [header]
  local out
  out=$("$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "$cp" tw.smartgov.bench.FixedRateLoad \
    "$2" "$rate" "$seconds" 5 "${@:3}")
  if ! grep -q " errors=0 " <<<"$out"; then echo "warning: scenario $1 at $rate/s: $out" >&2; fi
  r50[$1]=$(sed -n 's/.*p50_ms=\([^ ]*\).*/\1/p' <<<"$out")
  r99[$1]=$(sed -n 's/.*p99_ms=\([^ ]*\).*/\1/p' <<<"$out")
}
echo "latency at a fixed rate: $rate requests/s for ${seconds}s (after 5 s) ..."
for scenario in $scenarios; do
  case $scenario in
    a) fixed_run a "$url_a" ;;
    b) fixed_run b "$url_b" ;;
    c) fixed_run c "$url_c" "$header_c" ;;
  esac
done

records=$(psql -h 127.0.0.1 -U postgres -At -c "SELECT string_agg(name || '=' || tree_size, ' ') FROM trust.log_state" "$db" 2>/dev/null || true)

echo
echo "T-Road benchmark on $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load generator on the same machine"
echo "load average before the run: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg) (other processes compete for the cores if these exceed ~2)"
echo "T-Road nodes: one JVM, $jvm_opts; backend: nginx $(nginx -v 2>&1 | sed 's|.*/||'), fixed JSON"
printf '%-44s %12s %10s %10s %14s %14s\n' "scenario" "requests/s" "p50 (max)" "p99 (max)" "p50 @$rate/s" "p99 @$rate/s"
row() {
  if [[ " $scenarios " != *" $2 "* ]]; then return; fi
  printf '%-44s %12.0f %10s %10s %11.2f ms %11.2f ms\n' "$1" "${rps[$2]}" "${p50w[$2]}" "${p99w[$2]}" "${r50[$2]}" "${r99[$2]}"; }
row "(a) direct to the nginx backend" a
row "(b) two nginx hops, TLS 1.3 mutual auth" b
if [ "$message_log" = memory ]; then
  row "(c) T-Road, message log IN MEMORY (not durable)" c
else
  row "(c) T-Road, message log on (PostgreSQL)" c
fi
if [ -n "$nodes_cpu_ms" ]; then
  echo "T-Road nodes' CPU per request at max throughput: $nodes_cpu_ms ms (both security servers, one JVM); all PostgreSQL processes (the message log, and anyone else's queries): $pg_cpu_ms ms"
fi
if [ "$scenarios" = "a b c" ]; then
awk -v a="${rps[a]}" -v b="${rps[b]}" -v c="${rps[c]}" -v a50="${r50[a]}" -v c50="${r50[c]}" \
  -v a99="${r99[a]}" -v c99="${r99[c]}" -v b50="${r50[b]}" -v rate="$rate" 'BEGIN {
  printf "c/a = %.1f%%   c/b = %.1f%%   b/a = %.1f%%\n", 100 * c / a, 100 * c / b, 100 * b / a
  printf "latency added by T-Road at %s: p50 %.2f ms, p99 %.2f ms (by the two nginx hops: p50 %.2f ms)\n", \
    rate " requests/s", c50 - a50, c99 - a99, b50 - a50
}'
fi
if [ "$message_log" != memory ]; then echo "message log: ${records:-unknown} records (durable on PostgreSQL)"; fi
