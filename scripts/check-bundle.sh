#!/usr/bin/env bash
# Checks what a release would upload to Maven Central, without uploading anything.
#
# The Central Portal plugin of the release profile (sctp-bom/pom.xml) stages, checksums, zips and
# uploads in one goal, bound to deploy, that does nothing for a -SNAPSHOT version. So this script
# releases a copy of the working tree: it copies it (no .git, no target), drops -SNAPSHOT from the
# version, starts a stand-in for the portal's upload endpoint on 127.0.0.1
# (scripts/release/StandInPortal.java), runs `mvn -Prelease deploy` against it (tests skipped,
# nothing installed into ~/.m2, a throwaway server entry for the plugin's credentials), and checks
# the bundle the stand-in received with scripts/release/CheckBundle.java: every published module's
# POM, jar, sources and javadoc jars with their checksums (and signatures when a key is
# configured), the POM metadata, the BOM, the module descriptors and the reproducible timestamps.
#
# Run by scripts/test.sh after the tests; alone: scripts/check-bundle.sh [extra mvn arguments].
# A few minutes, most of it compiling and javadoc. Needs network only for plugins not yet in
# ~/.m2. CHECK_BUNDLE_OUT=FILE keeps a copy of the bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=$(pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/jsctp-bundle.XXXXXX")
portal_pid=
cleanup() {
  if [[ -n "$portal_pid" ]]; then kill "$portal_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

snapshot=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' sctp-bom/pom.xml | head -1)
release=${snapshot%-SNAPSHOT}
echo "check-bundle: releasing a copy of the tree as $release in $work"

mkdir "$work/tree"
tar --exclude=./.git --exclude='./*/target' --exclude=./target -cf - . | tar -xf - -C "$work/tree"
find "$work/tree" -name pom.xml -exec sed -i "s|<version>$snapshot</version>|<version>$release</version>|" {} +

cat > "$work/settings.xml" <<'XML'
<settings>
  <servers>
    <!-- The plugin reads credentials before it uploads; the stand-in portal ignores them. -->
    <server><id>central</id><username>check-bundle</username><password>unused</password></server>
  </servers>
</settings>
XML

java "$tree/scripts/release/StandInPortal.java" "$work/port" "$work/uploaded.zip" &
portal_pid=$!
for _ in $(seq 1 100); do
  [[ -s "$work/port" ]] && break
  sleep 0.2
done
[[ -s "$work/port" ]] || { echo "check-bundle: the stand-in portal did not start" >&2; exit 1; }

(
  cd "$work/tree"
  mvn -B -q -gs "$work/settings.xml" -Prelease -DskipTests -Dmaven.install.skip=true \
    -DcentralBaseUrl="http://127.0.0.1:$(cat "$work/port")" -DwaitUntil=uploaded \
    deploy "$@"
) > "$work/mvn.log" 2>&1 || { tail -60 "$work/mvn.log" >&2; echo "check-bundle: the release build failed" >&2; exit 1; }

[[ -s "$work/uploaded.zip" ]] || { echo "check-bundle: nothing was uploaded" >&2; exit 1; }
if [[ -n "${CHECK_BUNDLE_OUT:-}" ]]; then cp "$work/uploaded.zip" "$CHECK_BUNDLE_OUT"; fi
java "$tree/scripts/release/CheckBundle.java" "$work/uploaded.zip" "$work/tree" "$release"
