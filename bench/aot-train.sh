#!/usr/bin/env bash
# Trains an AOT cache (JDK 25: JEP 483 class loading and linking, JEP 514 one-step training,
# JEP 515 method profiles) for the tools of the examples jar, so that they start with their
# classes loaded and linked and with the profiles of a training run. The training run is the
# jar's aot-training tool: in one JVM, an echo server and a throughput server on 127.0.0.1 with
# echo-client (small and large messages) and tput-client (8 KiB and 1 KiB) against them, a few
# seconds each: association setup, data both ways, shutdown. As root it runs in a network
# namespace made for it; otherwise on the host's 127.0.0.1 (UDP ports 29899 and 29900, see
# --udp-port). Nothing is sent outside 127.0.0.0/8.
#
#   sudo JAVA=/path/to/jdk-25/bin/java bench/aot-train.sh [--seconds 3] [--out FILE] [--udp-port P]
#
# Writes sctp-examples/target/jsctp-tools.aot (about 30 MB; the training's output in FILE.log),
# then checks that the JVM maps it. Run a tool with it, with the same JDK and the jar at the
# same path (the cache records both, and the jar's size and time: rebuild the jar, retrain):
#
#   $JAVA -XX:AOTCache=sctp-examples/target/jsctp-tools.aot -jar sctp-examples/target/sctp-examples.jar echo-server ...
#
# Exits 2 when JAVA is older than JDK 25 (JDK 17 does not know -XX:AOTCache). docs/aot-cache.md
# describes training a cache for an application of your own; bench/aot.sh measures this one.
source "$(dirname "$0")/lib.sh"

SECONDS_PER_PHASE=3
OUT=$REPO_DIR/sctp-examples/target/jsctp-tools.aot
UDP_PORT=29899
while (($#)); do
  case $1 in
    --seconds) SECONDS_PER_PHASE=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --udp-port) UDP_PORT=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown option $1" ;;
  esac
done

# java_feature JAVA: the feature release of a JDK (17, 25, ...)
java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -nE 's/^ *java\.specification\.version = ([0-9]+).*/\1/p' | head -1
}

command -v "$JAVA" >/dev/null || die "no java at JAVA=$JAVA"
FEATURE=$(java_feature "$JAVA")
if [[ -z $FEATURE || $FEATURE -lt 25 ]]; then
  log "error: the AOT cache needs JDK 25 or later (-XX:AOTCacheOutput, JEPs 483, 514, 515);"
  log "       JAVA=$JAVA is JDK ${FEATURE:-unknown}. Run with JAVA=/path/to/jdk-25/bin/java."
  exit 2
fi
[[ -f $JAR ]] || die "missing $JAR: build it with mvn -B -q -pl sctp-examples -am clean package -DskipTests"

TRAIN=("$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$OUT" -jar "$JAR" aot-training
  --seconds "$SECONDS_PER_PHASE" --udp-port "$UDP_PORT")
rm -f "$OUT" "$OUT.config"
log "training $OUT with JDK $FEATURE ($JAVA) on $JAR; output in $OUT.log"
if [[ $(id -u) -eq 0 ]] && command -v ip >/dev/null; then
  ns_create aot; in_ns "$NS_NAME" "${TRAIN[@]}" >"$OUT.log" 2>&1 || die "training failed: see $OUT.log"
else
  "${TRAIN[@]}" >"$OUT.log" 2>&1 || die "training failed: see $OUT.log"
fi
[[ -f $OUT ]] || die "no cache written: see $OUT.log"
# AOTMode=on fails instead of running without the cache when the JVM cannot map it.
"$JAVA" -XX:AOTCache="$OUT" -XX:AOTMode=on -jar "$JAR" --version >/dev/null 2>>"$OUT.log" ||
  die "the JVM does not map $OUT: see $OUT.log"
log "wrote $OUT ($(stat -c %s "$OUT") bytes); run a tool with:"
log "  $JAVA -XX:AOTCache=$OUT -jar $JAR <tool> ..."
