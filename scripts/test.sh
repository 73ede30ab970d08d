#!/usr/bin/env bash
# THE test command of jsctp (README "Run the tests"): makes sure the system packages the tests
# need are present, runs every test of every module with `mvn -B verify`, then checks what a
# release would upload to Maven Central with scripts/check-bundle.sh (nothing is uploaded).
#
# Packages: usrsctp (interop peers and the C peer built by the tests), tshark (capture checks),
# nftables and iproute2 (network namespaces and path blackholes), gcc (the C peer).
# As root, missing packages are installed (apt-get update once, then apt-get install -y).
# As another user, the script stops and prints the exact command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libusrsctp2 libusrsctp-dev libusrsctp-examples tshark nftables iproute2 gcc)
missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "scripts/test.sh: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "${missing[@]}"
  else
    echo "scripts/test.sh: missing packages: ${missing[*]}" >&2
    echo "run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

mvn -B verify "$@"
exec scripts/check-bundle.sh
