#!/usr/bin/env bash
# THE main job of jsctp (README "Run the demo"): builds the examples jar when needed, then runs
# the in-process multihoming and failover demo.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=sctp-examples/target/sctp-examples.jar
if [[ ! -f $jar ]] || [[ -n $(find sctp-core/src sctp-netty/src sctp-ha-jgroups/src sctp-examples/src pom.xml */pom.xml -newer "$jar" -print -quit 2>/dev/null) ]]; then
  mvn -B -q -DskipTests package
fi
exec java -jar "$jar" "${@:-demo}"
