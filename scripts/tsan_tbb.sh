#!/usr/bin/env bash
# Builds oneTBB with ThreadSanitizer into build/tbb-tsan (once; later calls
# find it there). ThreadSanitizer sees only instrumented code: against
# Debian's uninstrumented libtbb it misses the happens-before of TBB's task
# hand-over and reports dozens of races that are none (inside TBB's own
# partitioner as much as in campusflow). The source is Debian's, of the very
# version libtbb-dev installed, fetched with a private apt configuration so
# that the system's package lists stay as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$PWD/build/tbb-tsan
[ -f "$prefix/lib/cmake/TBB/TBBConfig.cmake" ] && exit 0
version=$(dpkg-query -W -f='${source:Version}' libtbb-dev)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/parts" "$work/lists/partial"
cat > "$work/parts/debian-src.sources" <<SOURCES
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
apt=(apt-get -qq -o APT::Sandbox::User=root -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts="$work/parts"
     -o Dir::State::Lists="$work/lists")
sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_if_needed "${apt[@]}" update
(cd "$work" && "${apt[@]}" source --download-only "onetbb=$version")
tar -xf "$work"/onetbb_*.orig.tar.* -C "$work"
cmake -S "$work"/oneTBB-* -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTBB_SANITIZE=thread \
  -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF -DTBBMALLOC_BUILD=OFF -DTBB_STRICT=OFF -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/build" -j "$(nproc)" >/dev/null
cmake --install "$work/build" >/dev/null
echo "oneTBB $version with ThreadSanitizer in $prefix"
