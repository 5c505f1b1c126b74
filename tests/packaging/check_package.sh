#!/usr/bin/env bash
# Checks the .deb scripts/package made, as a package manager and a desktop will see it:
# lintian reports no error; the desktop entry and the AppStream metainfo pass their validators;
# the package holds every file the issue lists; the programs unpacked from it (dpkg -x) answer
# --version and --help, and a sandbox `switchboard --headless` answers health over HTTP.
# Usage: check_package.sh <switchboard_*.deb>
set -euo pipefail
deb="$1"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

work=$(mktemp -d)
trap '[ -n "${server:-}" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

# 1. lintian: no errors.
if lintian --fail-on error --no-tag-display-limit "$deb" > "$work/lintian" 2>&1; then
    pass "lintian: no errors ($(grep -c '^W:' "$work/lintian" || true) warnings)"
else
    cat "$work/lintian" >&2
    fail "lintian reports errors"
fi

# 2. What the package holds.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/files"
app=org.switchboard.Switchboard
for path in /usr/bin/switchboard /usr/bin/switchboard-sandbox \
    /usr/share/applications/$app.desktop /usr/share/metainfo/$app.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$app.svg \
    /usr/share/icons/hicolor/16x16/apps/$app.png /usr/share/icons/hicolor/22x22/apps/$app.png \
    /usr/share/icons/hicolor/24x24/apps/$app.png /usr/share/icons/hicolor/32x32/apps/$app.png \
    /usr/share/icons/hicolor/48x48/apps/$app.png /usr/share/icons/hicolor/64x64/apps/$app.png \
    /usr/share/icons/hicolor/128x128/apps/$app.png /usr/share/icons/hicolor/256x256/apps/$app.png \
    /usr/share/icons/hicolor/512x512/apps/$app.png \
    /usr/share/man/man1/switchboard.1.gz /usr/share/man/man1/switchboard-sandbox.1.gz \
    /usr/lib/systemd/user/switchboard-headless.service \
    /usr/share/doc/switchboard/copyright /usr/share/doc/switchboard/changelog.gz \
    /usr/share/doc/switchboard/examples/switchboard.env.example; do
    grep -qx "$path" "$work/files" && pass "has $path" || fail "the package lacks $path"
done
# Dependencies computed by dpkg-shlibdeps: Qt's libraries appear with versions.
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libqt6core6 libqt6widgets6 libqt6httpserver6 libphonenumber8 libqt6keychain1 libqt6multimedia6; do
    [[ "$depends" == *"$lib"* ]] && pass "depends on $lib" || fail "Depends lacks $lib: $depends"
done

# 3. The validators, on the files as installed.
dpkg-deb -x "$deb" "$work/root"
if desktop-file-validate "$work/root/usr/share/applications/$app.desktop"; then
    pass "desktop-file-validate"
else
    fail "desktop-file-validate"
fi
if appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/$app.metainfo.xml" \
    > "$work/appstream" 2>&1; then
    pass "appstreamcli validate --no-net"
else
    cat "$work/appstream" >&2
    fail "appstreamcli validate"
fi
for page in switchboard switchboard-sandbox; do
    if warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' man --warnings -E UTF-8 -l \
        "$work/root/usr/share/man/man1/$page.1.gz" 2>&1 >/dev/null) && [ -z "$warnings" ]; then
        pass "man page $page renders without warnings"
    else
        fail "man page $page: $warnings"
    fi
done

# 4. The unpacked programs run.
bin="$work/root/usr/bin"
export QT_QPA_PLATFORM=offscreen HOME="$work/home" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
version=$("$bin/switchboard" --version) && [[ "$version" == "switchboard "* ]] &&
    pass "switchboard --version: $version" || fail "switchboard --version: $version"
"$bin/switchboard" --help | grep -q -- "--headless" && pass "switchboard --help" ||
    fail "switchboard --help"
"$bin/switchboard-sandbox" --version | grep -q "switchboard-sandbox" &&
    pass "switchboard-sandbox --version" || fail "switchboard-sandbox --version"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
env -u TWILIO_ACCOUNT_SID SWITCHBOARD_PORT="$port" SWITCHBOARD_DATA_DIR="$work/data" \
    SWITCHBOARD_API_TOKEN=package-check "$bin/switchboard" --headless > "$work/headless.log" 2>&1 &
server=$!
health=""
for _ in $(seq 1 100); do
    health=$(curl -fsS "http://127.0.0.1:$port/api/v1/twilio/health" 2>/dev/null) && break
    sleep 0.1
done
if [[ "$health" == *'"status":"ok"'* || "$health" == *'"status": "ok"'* ]] &&
    [[ "$health" == *sandbox* ]]; then
    pass "switchboard --headless (sandbox) answers health: $health"
else
    cat "$work/headless.log" >&2
    fail "switchboard --headless did not answer health: $health"
fi
kill "$server" && wait "$server" 2>/dev/null || true
server=

# 5. Data outlives the package: nothing in it lives under a user's home or /var.
if grep -E '^/(home|root|var)/' "$work/files"; then
    fail "the package ships files in a user's data"
else
    pass "no file under /home, /root or /var: removing the package leaves the user's data alone"
fi

# 6. As root (CI, a fresh container): install it with apt as a user would, run the installed
# receiver once so it makes its data folder, remove the package, and find the data still there.
if [ "$(id -u)" -eq 0 ] && [ "${SWITCHBOARD_PACKAGE_INSTALL:-1}" = 1 ]; then
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$(realpath "$deb")" > "$work/apt" 2>&1; then
        pass "apt install ./$(basename "$deb")"
        [ -x /usr/bin/switchboard ] && [ -x /usr/bin/switchboard-sandbox ] &&
            pass "switchboard and switchboard-sandbox are in /usr/bin" || fail "not in /usr/bin"
        /usr/bin/switchboard --version >/dev/null && pass "installed switchboard --version" ||
            fail "installed switchboard --version"
        port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
        env -u TWILIO_ACCOUNT_SID -u SWITCHBOARD_DATA_DIR SWITCHBOARD_PORT="$port" \
            SWITCHBOARD_API_TOKEN=package-check /usr/bin/switchboard --headless > "$work/installed.log" 2>&1 &
        server=$!
        for _ in $(seq 1 100); do
            curl -fsS "http://127.0.0.1:$port/api/v1/twilio/health" >/dev/null 2>&1 && break
            sleep 0.1
        done
        kill "$server" && wait "$server" 2>/dev/null || true
        server=
        database=$(sed -n 's/.*database: //p' "$work/installed.log" | head -1)
        DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq switchboard > "$work/apt" 2>&1 ||
            fail "apt remove switchboard: $(cat "$work/apt")"
        [ ! -e /usr/bin/switchboard ] && pass "apt remove took /usr/bin/switchboard away" ||
            fail "/usr/bin/switchboard is still there after apt remove"
        if [ -n "$database" ] && [ -f "$database" ]; then
            pass "the user's database $database is still there after apt remove"
        else
            fail "the user's database ($database) is gone after apt remove"
        fi
    else
        cat "$work/apt" >&2
        fail "apt install ./$(basename "$deb")"
    fi
else
    echo "skip: installing with apt needs root (SWITCHBOARD_PACKAGE_INSTALL=0 skips it)"
fi

[ "$failures" -eq 0 ] && echo "package check: all passed" || echo "package check: $failures failed" >&2
exit $((failures > 0))
