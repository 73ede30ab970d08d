# Shared helpers of the bench/ scripts (sourced, not run). Bash, as root.
#
# Every script creates its own network namespaces (prefix jsctp-bench-<pid>), runs every
# program inside them and removes them on exit, also after a failure or Ctrl-C (trap). Nothing
# is sent outside 127.0.0.0/8 or those namespaces.

set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
JAR=${JAR:-$REPO_DIR/sctp-examples/target/sctp-examples.jar}
USRSCTP_BIN=${USRSCTP_BIN:-/usr/lib/usrsctp}
BUILD_DIR=${BUILD_DIR:-$REPO_DIR/bench/build}
NS_PREFIX="jsctp-bench-$$"
NAMESPACES=()
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

require_root_tools() {
  [[ $(id -u) -eq 0 ]] || die "run as root (ip netns, nft)"
  local t
  for t in ip ss gcc "$JAVA" "$@"; do
    command -v "$t" >/dev/null || die "missing tool $t (apt-get install iproute2 gcc nftables tshark libusrsctp-dev libusrsctp-examples)"
  done
  [[ -f /usr/include/usrsctp.h ]] || die "missing /usr/include/usrsctp.h (apt-get install libusrsctp-dev)"
  [[ -x $USRSCTP_BIN/tsctp ]] || die "missing $USRSCTP_BIN/tsctp (apt-get install libusrsctp-examples)"
  [[ -f $JAR ]] || die "missing $JAR: build it with mvn -B -q -pl sctp-examples -am package -DskipTests"
}

# Kills the processes of one namespace (by pid, only those still in it) and deletes it.
ns_remove() {
  local ns=$1 pid inode
  inode=$(stat -L -c %i "/run/netns/$ns" 2>/dev/null) || return 0
  for pid in $(ip netns pids "$ns" 2>/dev/null); do
    [[ $(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null) == "$inode" ]] && kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 0.3
  for pid in $(ip netns pids "$ns" 2>/dev/null); do
    [[ $(stat -L -c %i "/proc/$pid/ns/net" 2>/dev/null) == "$inode" ]] && kill -KILL "$pid" 2>/dev/null || true
  done
  ip netns del "$ns" 2>/dev/null || true
}

cleanup_namespaces() {
  local ns
  for ns in "${NAMESPACES[@]}"; do ns_remove "$ns"; done
  NAMESPACES=()
}
trap 'cleanup_namespaces' EXIT
trap 'exit 130' INT TERM

# ns_create NAME: a fresh namespace with lo up; sets NS_NAME to its full name (not in a
# subshell: the list of namespaces to remove on exit must see it).
ns_create() {
  NS_NAME="$NS_PREFIX-$1"
  ip netns add "$NS_NAME"
  NAMESPACES+=("$NS_NAME")
  ip netns exec "$NS_NAME" ip link set lo up
}

# in_ns NS CMD...: runs CMD inside the namespace.
in_ns() { local ns=$1; shift; ip netns exec "$ns" "$@"; }

# udp_port_free NS PORT: true when nothing in the namespace has bound UDP PORT.
udp_port_free() {
  ! in_ns "$1" ss -H -u -a -n | awk '{print $4}' | grep -qE "[:.]$2\$"
}

# next_port: sets PORT to the next UDP port after PORT that is free in namespace NS (globals; not
# in a subshell)
next_port() { PORT=$((PORT + 1)); while ! udp_port_free "$NS" "$PORT"; do PORT=$((PORT + 1)); done; }

# wait_udp_bound NS PORT [TIMEOUT_S]: waits until something binds UDP PORT in the namespace.
wait_udp_bound() {
  local ns=$1 port=$2 t=${3:-30} i
  for ((i = 0; i < t * 20; i++)); do
    udp_port_free "$ns" "$port" || return 0
    sleep 0.05
  done
  die "nothing bound UDP port $port in $ns after ${t}s"
}

# check_ports NS PORT...: dies if any port is taken.
check_ports() {
  local ns=$1 p; shift
  for p in "$@"; do udp_port_free "$ns" "$p" || die "UDP port $p is taken in $ns"; done
}

# The debug shim: tsctp and discard_server of the Debian build switch on full debug output,
# which costs them about 2.7x; preloading this turns the switch into a no-op.
build_shim() {
  mkdir -p "$BUILD_DIR"
  if [[ ! -f $BUILD_DIR/nodebug.so || $BENCH_DIR/lib.sh -nt $BUILD_DIR/nodebug.so ]]; then
    cat >"$BUILD_DIR/nodebug.c" <<'C'
#include <stdint.h>
int usrsctp_sysctl_set_sctp_debug_on(uint32_t value) { (void)value; return 0; }
C
    gcc -O2 -shared -fPIC -o "$BUILD_DIR/nodebug.so" "$BUILD_DIR/nodebug.c"
  fi
  SHIM=$BUILD_DIR/nodebug.so
}

# build_c NAME [LIBS...]: compiles bench/c/NAME.c to $BUILD_DIR/NAME when needed.
build_c() {
  local name=$1; shift
  mkdir -p "$BUILD_DIR"
  if [[ ! -x $BUILD_DIR/$name || $BENCH_DIR/c/$name.c -nt $BUILD_DIR/$name ]]; then
    gcc -O2 -Wall -o "$BUILD_DIR/$name" "$BENCH_DIR/c/$name.c" "$@"
  fi
}

# wait_line FILE REGEX T: waits (up to T s) until FILE has a line matching REGEX; echoes it
wait_line() {
  local file=$1 re=$2 t=$3 i line
  for ((i = 0; i < t * 10; i++)); do
    line=$(grep -E -m1 "$re" "$file" 2>/dev/null || true)
    [[ -n $line ]] && { echo "$line"; return 0; }
    sleep 0.1
  done
  return 1
}

# median of numbers on stdin (one per line)
median() {
  sort -g | awk '{a[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# kv LINE KEY: the value of KEY=VALUE in a line
kv() { sed -nE "s/.*(^| )$2=([^ ]+).*/\\2/p" <<<"$1" | head -1; }

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

# machine_info: the description every results file starts with (as # comments).
machine_info() {
  echo "# date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "# git: $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null) ($(git -C "$REPO_DIR" rev-parse --abbrev-ref HEAD 2>/dev/null))"
  echo "# nproc: $(nproc)"
  echo "# uname -r: $(uname -r)"
  echo "# java: $("$JAVA" -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "# usrsctp: $(dpkg-query -W -f='${Version}' libusrsctp2 2>/dev/null || echo unknown)"
  lscpu | head -20 | sed 's/^/# lscpu: /'
  echo "# loadavg at start: $(loadavg)"
}

# proc_cpu_s PID: user+system CPU seconds of a process so far
proc_cpu_s() {
  awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print ($12 + $13) / hz}' "/proc/$1/stat"
}
