#!/usr/bin/env bash
# Captures a short usrsctp association (SCTP over UDP, RFC 6951) inside a private network
# namespace and prints every SCTP packet as hex (the UDP payload only), one packet per line:
#   frame-number<TAB>chunk summary<TAB>hex
# Needs root, iproute2, tshark and libusrsctp-examples. Nothing leaves the namespace: only its
# own loopback interface is up.
#   usage: scripts/capture-usrsctp.sh OUT.pcapng > packets.tsv
set -euo pipefail
out=${1:?usage: capture-usrsctp.sh OUT.pcapng}
ns=jsctp-cap
server_udp=9899
client_udp=9900

ip netns add "$ns"
cleanup() {
  ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
  ip netns del "$ns" 2>/dev/null || true
}
trap cleanup EXIT
ip netns exec "$ns" ip link set lo up

ip netns exec "$ns" tshark -q -i lo -f "udp port $server_udp or udp port $client_udp" -w "$out" 2>/dev/null &
tshark_pid=$!
sleep 2
ip netns exec "$ns" /usr/lib/usrsctp/echo_server "$server_udp" "$client_udp" >/dev/null 2>&1 &
server_pid=$!
sleep 1
# Three lines: the first goes alone, the next two are bundled; a long one is fragmented.
{ echo "hello"; sleep 0.5; printf 'second line\nthird line\n'; sleep 0.5;
  head -c 3000 /dev/zero | tr '\0' 'x'; echo; sleep 3; } |
  ip netns exec "$ns" /usr/lib/usrsctp/client 127.0.0.1 7 0 "$client_udp" "$server_udp" >/dev/null 2>&1 || true
sleep 1
kill "$server_pid" 2>/dev/null || true
sleep 1
kill "$tshark_pid" 2>/dev/null || true
wait "$tshark_pid" 2>/dev/null || true

tshark -r "$out" -d "udp.port==$client_udp,sctp" -o sctp.checksum:crc-32c \
  -T fields -E separator=/t -e frame.number -e _ws.col.Info -e udp.payload
