#!/usr/bin/env python3
"""Webhook-ingest benchmark: signed `sms-status` callbacks per second, driven by wrk on loopback.

Three servers in the same run, in rotating order, each restarted fresh for every run:
  switchboard  - the whole pipeline: size guard, signature check, parse, dedupe, SQLite commit.
                 Its rate counts only callbacks *committed to the database*: from wrk's start
                 until the last row is durable, not until the last HTTP answer.
  node         - the seed's stack: Node + express + the official twilio package's
                 validateRequest, deduplicating in memory (no database).
  bare         - a bare QHttpServer 6.4 route answering the same TwiML (no checks at all).
Prints each run, then the medians and the two ratios. Not a CTest test.
"""
import argparse, os, shutil, signal, socket, sqlite3, statistics, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
PUBLIC = "http://bench.example"
TOKEN = "0123456789abcdef0123456789abcdef"


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def wait_port(port, proc, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise RuntimeError("server exited early")
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close(); return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not listen")


def run_wrk(args, port, requests_file):
    env = dict(os.environ, BENCH_REQUESTS=requests_file)
    out = subprocess.run(["wrk", "-t1", f"-c{args.connections}", f"-d{args.duration}s", "-s",
                          os.path.join(HERE, "wrk_post.lua"), f"http://127.0.0.1:{port}"],
                         env=env, capture_output=True, text=True, check=True).stdout
    line = [l for l in out.splitlines() if l.startswith("BENCH ")][0]
    fields = dict(kv.split("=") for kv in line.split()[1:])
    return int(fields["requests"]), float(fields["seconds"]), int(fields["errors"])


def stored_events(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        n = con.execute("select count(*) from message_events").fetchone()[0]
        con.close(); return n
    except sqlite3.Error:
        return -1


def bench_switchboard(args, requests_file, binary=None):
    data = tempfile.mkdtemp(prefix="sb-bench-")
    port = free_port()
    env = dict(os.environ, TWILIO_ACCOUNT_SID="AC0123456789abcdef0123456789abcdef", TWILIO_AUTH_TOKEN=TOKEN,
               TWILIO_PHONE_NUMBER="+15005550006", TWILIO_API_BASE_URL="http://127.0.0.1:9",
               SWITCHBOARD_PUBLIC_URL=PUBLIC, SWITCHBOARD_PORT=str(port), SWITCHBOARD_DATA_DIR=data,
               SWITCHBOARD_API_TOKEN="bench")
    proc = subprocess.Popen([binary or os.path.join(args.build, "bin", "switchboard"), "--headless"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        db = os.path.join(data, "switchboard.sqlite")
        answered, seconds, errors = run_wrk(args, port, requests_file)
        wrk_end = time.monotonic()
        # Wait until the store has committed everything that was answered.
        last, last_change = -1, time.monotonic()
        while time.monotonic() - last_change < 1.0:
            n = stored_events(db)
            if n != last:
                last, last_change = n, time.monotonic()
                if n >= answered: break
            time.sleep(0.02)
        # wrk's own clock (its start-up, which loads the requests, is not counted) plus however
        # long the store needed after the last answer.
        elapsed = seconds + max(0.0, last_change - wrk_end)
        return last / elapsed, f"{last} committed of {answered} answered, {errors} errors, {elapsed:.2f} s"
    finally:
        proc.send_signal(signal.SIGTERM); proc.wait(30); shutil.rmtree(data, ignore_errors=True)


def bench_simple(args, requests_file, argv, env_extra):
    port = free_port()
    env = dict(os.environ, BENCH_PORT=str(port), **env_extra)
    proc = subprocess.Popen(argv + [str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_port(port, proc)
        answered, seconds, errors = run_wrk(args, port, requests_file)
        return answered / seconds, f"{answered} answered, {errors} errors"
    finally:
        proc.send_signal(signal.SIGTERM); proc.wait(30)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(HERE, "..", "..", "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--duration", type=int, default=5)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--requests", type=int, default=400000, help="distinct signed callbacks to cycle through")
    ap.add_argument("--compare", metavar="SWITCHBOARD",
                    help="another switchboard executable (e.g. an installed earlier build) measured "
                         "in the same runs as 'before'")
    args = ap.parse_args()
    args.build = os.path.abspath(args.build)

    peer = os.path.join(args.build, "bench-node-peer")
    if not os.path.isdir(os.path.join(peer, "node_modules", "twilio")):
        os.makedirs(peer, exist_ok=True)
        shutil.copy(os.path.join(HERE, "node-peer", "package.json"), peer)
        subprocess.run(["npm", "install", "--silent", "--no-audit", "--no-fund", "--prefix", peer], check=True)
    shutil.copy(os.path.join(HERE, "node-peer", "server.js"), peer)

    requests_file = os.path.join(args.build, "bench-requests.tsv")
    subprocess.run([os.path.join(args.build, "bin", "bench_sign_requests"), str(args.requests), TOKEN,
                    PUBLIC + "/twilio/sms-status", requests_file], check=True)

    servers = {
        "switchboard": lambda: bench_switchboard(args, requests_file),
        "node": lambda: bench_simple(args, requests_file, ["node", os.path.join(peer, "server.js")],
                                     {"BENCH_AUTH_TOKEN": TOKEN, "BENCH_PUBLIC_URL": PUBLIC}),
        "bare": lambda: bench_simple(args, requests_file, [os.path.join(args.build, "bin", "bench_bare_qhttpserver")], {}),
    }
    if args.compare:
        servers["before"] = lambda: bench_switchboard(args, requests_file, os.path.abspath(args.compare))
    rates = {name: [] for name in servers}
    names = list(servers)
    for run in range(args.runs):
        for name in names[run % len(names):] + names[:run % len(names)]:
            rate, detail = servers[name]()
            rates[name].append(rate)
            print(f"run {run + 1} {name:12s} {rate:10.0f} req/s  ({detail})", flush=True)
    med = {name: statistics.median(r) for name, r in rates.items()}
    print()
    print(f"wrk -t1 -c{args.connections} -d{args.duration}s, {args.runs} runs, {os.cpu_count()} cores; medians:")
    for name in names:
        print(f"  {name:12s} {med[name]:10.0f} req/s")
    print(f"  switchboard / node = {med['switchboard'] / med['node']:.1f}x")
    print(f"  switchboard / bare = {med['switchboard'] / med['bare']:.2f}x")
    if args.compare:
        print(f"  before / bare      = {med['before'] / med['bare']:.2f}x")
        print(f"  switchboard / before = {med['switchboard'] / med['before']:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
