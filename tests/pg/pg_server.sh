#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: `pg_server.sh start <state dir>` runs initdb into
# a temporary folder as an unprivileged user, turns TLS on with a certificate authority made
# here, starts the server with pg_ctl on a free loopback port and writes into <state dir>:
#   url        postgresql://switchboard:<password>@127.0.0.1:<port>/switchboard?sslmode=require
#              (a role that may create databases: each suite makes its own)
#   ca.pem     the authority that signed the server's certificate (sslmode=verify-full)
#   skip       instead of the above when no server can be started, with the reason
# `pg_server.sh stop <state dir>` stops it and removes its folder. No system service is used.
set -euo pipefail

cmd="${1:-}"
state="${2:-}"
[ -n "$cmd" ] && [ -n "$state" ] || { echo "usage: $0 start|stop <state dir>" >&2; exit 2; }
mkdir -p "$state"

as_owner() {
    if [ -n "${PG_OWNER:-}" ]; then runuser -u "$PG_OWNER" -- "$@"; else "$@"; fi
}

stop() {
    [ -f "$state/datadir" ] || return 0
    local dir
    dir="$(cat "$state/datadir")"
    PG_OWNER="$(cat "$state/owner" 2>/dev/null || true)"
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$(cat "$state/bindir")/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    rm -f "$state/datadir" "$state/url" "$state/ca.pem" "$state/owner" "$state/bindir"
}

skip() {
    echo "$1" > "$state/skip"
    echo "PostgreSQL tests will skip: $1"
    exit 0
}

if [ "$cmd" = stop ]; then
    stop
    exit 0
fi
[ "$cmd" = start ] || { echo "usage: $0 start|stop <state dir>" >&2; exit 2; }

stop # a server left by an interrupted run
rm -f "$state/skip"

bindir="${SWITCHBOARD_PG_BINDIR:-}"
if [ -z "$bindir" ]; then
    for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        [ -x "$candidate/initdb" ] && { bindir="$candidate"; break; }
    done
fi
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] ||
    skip "no PostgreSQL server binaries (apt install postgresql-15, or set SWITCHBOARD_PG_BINDIR)"
command -v openssl >/dev/null || skip "no openssl to make the test server's certificate"

# initdb refuses to run as root: the server runs as an unprivileged user.
PG_OWNER=""
if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then PG_OWNER=postgres; else PG_OWNER=nobody; fi
fi

# In the temporary folder ($TMPDIR), not the build folder: the unprivileged owner must reach it.
dir="$(mktemp -d -t switchboard-pg.XXXXXX)"
echo "$dir" > "$state/datadir"
echo "$bindir" > "$state/bindir"
echo "$PG_OWNER" > "$state/owner"
chmod 0755 "$dir"

# A password with the characters a URL must escape, new for each run.
password="s3cret@:/%$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
admin_password="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
printf '%s\n' "$admin_password" > "$dir/adminpw"

# TLS: an authority, and a certificate for localhost / 127.0.0.1 signed by it.
(
    cd "$dir"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Switchboard test CA" \
        -keyout ca.key -out ca.pem >/dev/null 2>&1
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server.key \
        -out server.csr >/dev/null 2>&1
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > san.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
        -extfile san.ext -out server.crt >/dev/null 2>&1
    chmod 0600 server.key
)
if [ -n "$PG_OWNER" ]; then chown -R "$PG_OWNER" "$dir"; fi

as_owner "$bindir/initdb" -D "$dir/data" -U switchboard_admin --pwfile="$dir/adminpw" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat >> "$dir/data/postgresql.conf" <<EOF
# 127.0.0.2 too: a client that reaches it finds a name the certificate does not carry.
listen_addresses = '127.0.0.1,127.0.0.2'
port = $port
unix_socket_directories = '$dir'
max_connections = 300
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
# A test server: its files are thrown away, so it need not wait for the disk.
fsync = off
full_page_writes = off
EOF

as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }

PGPASSWORD="$admin_password" "$bindir/psql" -q -h 127.0.0.1 -p "$port" -U switchboard_admin \
    -d postgres -v ON_ERROR_STOP=1 -v pw="$password" >/dev/null <<'EOF'
CREATE ROLE switchboard LOGIN CREATEDB PASSWORD :'pw';
CREATE DATABASE switchboard OWNER switchboard;
EOF

encoded="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$password")"
cp "$dir/ca.pem" "$state/ca.pem"
printf 'postgresql://switchboard:%s@127.0.0.1:%s/switchboard?sslmode=require\n' "$encoded" "$port" > "$state/url"
chmod 0600 "$state/url"
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
