#!/usr/bin/env bash
# Counts the context switches of each thread of the given processes over an interval, grouped by
# thread name (trailing digits dropped, so a pool's threads add up), most switches first:
#   voluntary  involuntary  threads  name
# Voluntary switches are waits (a thread parked, blocked on a socket or a lock), involuntary ones
# preemptions. Divided by the requests served in the interval, they say how many times an exchange
# handed work from one thread to another: on a machine with few cores, each wake-up of an idle
# thread costs CPU and latency that no Java profiler shows.
# Usage: bench/context-switches.sh seconds pid...
#   e.g. during the fixed-rate run of bench/troad.sh:
#   bench/context-switches.sh 10 $(pgrep -f 'smartgov.jar security-server')
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 seconds pid..." >&2
  exit 2
fi
seconds=$1
shift
snapshot() { # one line per thread: tid voluntary involuntary pid:name
  local pid
  for pid in "$@"; do
    awk -v pid="$pid" '
      FNR == 1 { if (tid != "") print tid, v, nv, pid ":" name; tid = FILENAME; sub(/.*task\//, "", tid); sub(/\/status$/, "", tid) }
      /^Name:/ { name = $2 $3 $4 }
      /^voluntary_ctxt_switches/ { v = $2 }
      /^nonvoluntary_ctxt_switches/ { nv = $2 }
      END { if (tid != "") print tid, v, nv, pid ":" name }' /proc/"$pid"/task/*/status 2>/dev/null || true
  done
}
before=$(mktemp)
after=$(mktemp)
trap 'rm -f "$before" "$after"' EXIT
snapshot "$@" >"$before"
sleep "$seconds"
snapshot "$@" >"$after"
printf '%10s %11s %7s  %s\n' voluntary involuntary threads "pid:thread name (Linux keeps 15 characters)"
awk 'FILENAME == ARGV[1] { v[$1] = $2; nv[$1] = $3; next }
  { name = $4; sub(/[0-9]+$/, "", name)
    dv[name] += $2 - ($1 in v ? v[$1] : 0); dn[name] += $3 - ($1 in nv ? nv[$1] : 0); threads[name]++ }
  END { for (k in dv) if (dv[k] + dn[k] > 0) printf "%10d %11d %7d  %s\n", dv[k], dn[k], threads[k], k }' \
  "$before" "$after" | sort -rn
