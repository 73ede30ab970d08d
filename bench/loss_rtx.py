#!/usr/bin/env python3
"""DATA chunk retransmissions per direction, from tshark fields on stdin (standard library only).

  tshark -r CAP.pcapng -o sctp.relative_tsns:FALSE -d udp.port==P,sctp ... -Y sctp.data_tsn_raw \\
      -T fields -e frame.time_relative -e udp.srcport -e sctp.data_tsn_raw | loss_rtx.py CLIENT_UDP_PORT

Prints one line: c2s_tsns c2s_rtx c2s_rtx_timeout s2c_tsns s2c_rtx s2c_rtx_timeout, where c2s is
what the client (UDP source port CLIENT_UDP_PORT) sent and s2c what the server sent; tsns counts
the distinct DATA chunks (TSNs), rtx those sent more than once and rtx_timeout those sent again
at least 0.9 s after their first transmission (a T3-rtx retransmission: RTO.min is 1 s on both
stacks, a fast retransmission on loopback follows the loss within milliseconds).
"""
import sys

TIMEOUT_S = 0.9


def main():
    client_port = sys.argv[1]
    first = {"c2s": {}, "s2c": {}}
    sends = {"c2s": {}, "s2c": {}}
    late = {"c2s": set(), "s2c": set()}
    for line in sys.stdin:
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or not parts[2]:
            continue
        t = float(parts[0])
        d = "c2s" if parts[1] == client_port else "s2c"
        for tsn in parts[2].split(","):
            if tsn not in first[d]:
                first[d][tsn] = t
                sends[d][tsn] = 1
            else:
                sends[d][tsn] += 1
                if t - first[d][tsn] >= TIMEOUT_S:
                    late[d].add(tsn)
    out = []
    for d in ("c2s", "s2c"):
        out += [len(first[d]), sum(1 for n in sends[d].values() if n > 1), len(late[d])]
    print(" ".join(str(v) for v in out))


if __name__ == "__main__":
    main()
