#!/usr/bin/env python3
"""Where a T-Road exchange's time goes, from loopback packet timestamps.

Reads a tcpdump capture of the benchmark's fixed-rate run of (c) (see TROAD_BENCH_TIMELINE in
bench/troad.sh) and follows each exchange that did not overlap another one through its packets:

  t0 the request reaches NDC's client port        t4 MOI's response leaves for NDC
  t1 NDC's request leaves for MOI's provider port  t5 MOI's trailer (its record is durable) leaves
  t2 MOI's request leaves for the nginx backend    t6 NDC's response leaves for the load generator
  t3 nginx's response reaches MOI

and, on PostgreSQL's port, each side's group commit: the statement's first packet and the
database's answer. Prints the p50, mean and p90 of each interval. Packet times are the kernel's,
so nothing here runs inside the measured processes; only exchanges that had the machine to
themselves are counted, so the rate must leave gaps between exchanges (100/s does).

usage: exchange-timeline.py capture.pcap [client_port provider_port backend_port postgres_port[,port]]
"""
import statistics
import subprocess
import sys


def packets(pcap):
    """(time, source port, destination port, payload length) of every packet with a payload."""
    out = subprocess.run(["tcpdump", "-r", pcap, "-tt", "-nn", "-q"], capture_output=True, text=True, check=True)
    found = []
    for line in out.stdout.splitlines():
        fields = line.split()
        try:
            time = float(fields[0])
            source, destination, length = fields[2], fields[4].rstrip(":"), int(fields[-1])
        except (ValueError, IndexError):
            continue
        if length > 0:
            found.append((time, int(source.rsplit(".", 1)[1]), int(destination.rsplit(".", 1)[1]), length))
    found.sort()
    return found


def main():
    if len(sys.argv) not in (2, 6):
        sys.exit(__doc__)
    client, provider, backend = (int(p) for p in sys.argv[2:5]) if len(sys.argv) == 6 else (27090, 27091, 27080)
    # one port, or MOI's and NDC's comma-separated when each has a PostgreSQL of its own
    postgres = {int(p) for p in sys.argv[5].split(",")} if len(sys.argv) == 6 else {5432}
    ev = packets(sys.argv[1])

    def following(i, match):
        for j in range(i + 1, min(i + 400, len(ev))):
            if match(ev[j]):
                return j
        return None

    intervals = {}

    def add(name, seconds):
        intervals.setdefault(name, []).append(seconds * 1000)

    exchanges = 0
    for i, (t0, _, dport, _) in enumerate(ev):
        if dport != client:
            continue
        j1 = following(i, lambda e: e[2] == provider)
        j2 = j1 and following(j1, lambda e: e[2] == backend)
        j3 = j2 and following(j2, lambda e: e[1] == backend)
        j4 = j3 and following(j3, lambda e: e[1] == provider)
        j5 = j4 and following(j4, lambda e: e[1] == provider)
        j6 = j4 and following(j4, lambda e: e[1] == client)
        next_request = following(i, lambda e: e[2] == client)
        if None in (j1, j2, j3, j4, j5, j6) or (next_request is not None and next_request < j6):
            continue
        exchanges += 1
        t1, t2, t3, t4, t5, t6 = (ev[j][0] for j in (j1, j2, j3, j4, j5, j6))
        add("t1-t0  NDC: request in -> out to MOI (sign)", t1 - t0)
        add("t2-t1  MOI: request in -> backend (verify, access)", t2 - t1)
        add("t3-t2  nginx backend", t3 - t2)
        add("t4-t3  MOI: backend's answer -> response out (sign)", t4 - t3)
        add("t5-t4  MOI: response out -> trailer (its commit)", t5 - t4)
        add("t6-t4  NDC: response in -> out (verify, its commit)", t6 - t4)
        add("t6-t5  NDC: trailer in -> response out", t6 - t5)
        add("t6-t0  the exchange through both servers", t6 - t0)
        # statements on PostgreSQL's port after the backend answered: MOI's commit first, then NDC's
        statements = [k for k in range(j3, j6) if ev[k][2] in postgres and ev[k][3] > 1000]
        if len(statements) < 2:
            continue
        moi = ev[statements[0]]
        ndc = next((ev[k] for k in statements[1:] if ev[k][1] != moi[1]), None)
        if ndc is None:
            continue
        answers = {}
        for k in range(statements[0], j6 + 1):
            e = ev[k]
            if e[1] in postgres and e[2] in (moi[1], ndc[1]) and e[2] not in answers and e[0] > moi[0]:
                answers[e[2]] = e[0]
        if moi[1] in answers and ndc[1] in answers and answers[ndc[1]] > ndc[0]:
            add("MOI: response out -> its statement sent", moi[0] - t4)
            add("MOI: statement -> database's answer (commit)", answers[moi[1]] - moi[0])
            add("MOI: database's answer -> trailer out", t5 - answers[moi[1]])
            add("NDC: response in -> its statement sent", ndc[0] - t4)
            add("NDC: statement -> database's answer (commit)", answers[ndc[1]] - ndc[0])
            add("NDC: database's answer -> response out", t6 - answers[ndc[1]])
    print(f"{exchanges} exchanges that had the machine to themselves")
    for name, values in intervals.items():
        values.sort()
        print(f"{name:52s} p50 {values[len(values) // 2]:6.3f} ms  mean {statistics.mean(values):6.3f}"
              f"  p90 {values[int(len(values) * 0.9)]:6.3f}")


if __name__ == "__main__":
    main()
