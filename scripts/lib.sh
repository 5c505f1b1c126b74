# Shared by scripts/run and scripts/test (sourced, not run): install what is missing from
# Debian's packages, then configure and build into build/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SWITCHBOARD_BUILD_DIR:-$ROOT/build}"

# What building and running needs (Debian 12: Qt 6.4.2).
RUNTIME_PACKAGES=(cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-multimedia-dev libqt6sql6-sqlite libgl-dev
    qt6-qpa-plugins qtkeychain-qt6-dev fonts-dejavu-core gstreamer1.0-plugins-good
    libphonenumber-dev libsqlite3-dev libssl-dev
    qt6-svg-dev qt6-tools-dev qt6-l10n-tools libqt6sql6-psql)
# What making and checking the .deb needs on top (scripts/package; the tests check it too).
PACKAGE_PACKAGES=(dpkg-dev fakeroot lintian desktop-file-utils appstream man-db)
# What the tests and benchmarks need on top: Node for Prism (the OpenAPI mock server) and
# the Node peer, curl, an X server for GUI tests, wrk for load, a PostgreSQL 15 server (the
# tests start their own, tests/pg/pg_server.sh) and openssl for its certificate.
TEST_PACKAGES=(curl ca-certificates xvfb xauth wrk python3 postgresql-15 openssl)
# Node may already come from elsewhere (e.g. NodeSource), whose nodejs conflicts with Debian's
# npm: take Debian's only when there is no node/npm at all.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    TEST_PACKAGES+=(nodejs npm)
fi

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_packages() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "run as root or install sudo" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    say "configuring and building into $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$BUILD" -j"$(nproc)"
}

SANITIZE_BUILD="${SWITCHBOARD_SANITIZE_BUILD_DIR:-$ROOT/build-sanitize}"

# clang (Debian 12's is 14, matching libfuzzer-14-dev): the same build runs the suites under
# the sanitizers and holds the libFuzzer targets.
build_sanitized() {
    say "configuring and building with clang, AddressSanitizer, UBSan and libFuzzer into $SANITIZE_BUILD"
    cmake -S "$ROOT" -B "$SANITIZE_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_CXX_COMPILER=clang++ -DSWITCHBOARD_SANITIZE=ON -DSWITCHBOARD_FUZZ=ON \
        -DSWITCHBOARD_BENCHMARKS=OFF >/dev/null
    cmake --build "$SANITIZE_BUILD" -j"$(nproc)"
}

# Makes the .deb from the build with CPack (dependencies by dpkg-shlibdeps) and prints its path.
make_package() {
    say "making the .deb with CPack" >&2
    rm -f "$BUILD"/switchboard_*.deb
    (cd "$BUILD" && cpack -G DEB >/dev/null)
    ls "$BUILD"/switchboard_*.deb
}
