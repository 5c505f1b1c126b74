#!/usr/bin/env python3
"""The embedded server under fire: signed webhooks are still answered while it is attacked.

    tests/reliability/under_fire.py --bin-dir build/bin [--seconds 20] [--slowloris 300]
        [--idle 1000] [--flood 4] [--attack-addresses 1]

Runs switchboard-sandbox and `switchboard --headless` as their own processes, measures signed
status callbacks (Twilio's signature, a new MessageSid each, from 127.0.0.2 as Twilio is another
address than the attacker) on their own, then again while, at the same time and from
127.0.0.1 (or N addresses with --attack-addresses: 127.0.0.1, 127.0.0.3 and on):
  slowloris  connections sending a request head one byte a second, reopened when closed;
  idle       connections that send nothing, reopened when closed;
  flood      threads posting unsigned junk to /twilio/sms-status at full speed (keep-alive).
Prints what each side saw and the server's RSS before and after; exits 1 unless every signed
webhook was answered 200 within --max-latency seconds (1 s) and the RSS grew by less than
--max-rss-growth-mb (32 MB; it is about +1 MB: the junk is refused before it costs memory, and
the webhook inspector keeps only 20 refused requests a second, so the flood neither grows the
store nor fills its page cache).
"""
import argparse
import base64
import hashlib
import hmac
import os
import resource
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

SID = "AC" + "f1" * 16
TOKEN = "under-fire-auth-token"
API_TOKEN = "under-fire-api-token"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kb(pid, field="VmRSS"):
    """VmRSS, or RssAnon: the process's own memory, without the pages of files it maps (the
    store maps up to 256 MB of its SQLite file, so a growing webhook log shows in VmRSS)."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def twilio_signature(url, params):
    data = url + "".join(k + params[k] for k in sorted(params))
    digest = hmac.new(TOKEN.encode(), data.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def http_request(source, port, raw, timeout):
    """One request on a new connection from `source`; (status, seconds) or (None, seconds)."""
    started = time.monotonic()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout,
                                      source_address=(source, 0)) as s:
            s.sendall(raw)
            answer = b""
            while b"\r\n" not in answer:
                chunk = s.recv(4096)
                if not chunk:
                    break
                answer += chunk
            # Read to the end of the body so the time is the whole answer's.
            head, _, body = answer.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value.strip())
            while len(body) < length:
                chunk = s.recv(4096)
                if not chunk:
                    break
                body += chunk
            status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1 ") else None
            return status, time.monotonic() - started
    except OSError:
        return None, time.monotonic() - started


class Prober(threading.Thread):
    """Signed status callbacks, one every `interval` seconds, each on a new connection."""

    def __init__(self, port, interval, timeout):
        super().__init__(daemon=True)
        self.port, self.interval, self.timeout = port, interval, timeout
        self.results = []  # (status, seconds)
        self.stop = threading.Event()
        self.counter = 0

    def one(self):
        self.counter += 1
        params = {"AccountSid": SID, "MessageSid": "SM%032x" % (time.time_ns() + self.counter),
                  "MessageStatus": "delivered", "From": "+15005550006", "To": "+14155550100"}
        url = f"http://127.0.0.1:{self.port}/twilio/sms-status"
        body = urllib.parse.urlencode(params).encode()
        raw = (f"POST /twilio/sms-status HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
               f"Content-Type: application/x-www-form-urlencoded\r\n"
               f"X-Twilio-Signature: {twilio_signature(url, params)}\r\n"
               f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
        return http_request("127.0.0.2", self.port, raw, self.timeout)

    def run(self):
        while not self.stop.is_set():
            self.results.append(self.one())
            self.stop.wait(self.interval)


class Holders(threading.Thread):
    """`count` connections kept open: silent (idle) or trickling a head (slowloris)."""

    def __init__(self, port, count, trickle, addresses):
        super().__init__(daemon=True)
        self.port, self.count, self.trickle, self.addresses = port, count, trickle, addresses
        self.stop = threading.Event()
        self.opened = self.closed_by_server = self.refused = 0
        self.live = {}

    def open_one(self, n):
        try:
            s = socket.socket()
            s.setblocking(False)
            s.bind((self.addresses[n % len(self.addresses)], 0))
            s.connect_ex(("127.0.0.1", self.port))
            self.live[s] = 0
            self.opened += 1
        except OSError:
            self.refused += 1

    def run(self):
        head = (f"POST /twilio/sms-status HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
                "X-Filler: " + "a" * 4000).encode()
        n = 0
        while not self.stop.is_set():
            while len(self.live) < self.count and not self.stop.is_set():
                self.open_one(n)
                n += 1
            for s in list(self.live):
                try:
                    if self.trickle and self.live[s] < len(head):
                        sent = s.send(head[self.live[s]:self.live[s] + 1])
                        self.live[s] += sent
                    data = s.recv(4096)
                    if data == b"" or data:
                        # An answer (408, 503) or a close: the server let go of it.
                        if data.startswith(b"HTTP/1.1 503"):
                            self.refused += 1
                        else:
                            self.closed_by_server += 1
                        s.close()
                        del self.live[s]
                except BlockingIOError:
                    pass
                except OSError:
                    self.closed_by_server += 1
                    s.close()
                    del self.live[s]
            self.stop.wait(1.0 if self.trickle else 0.2)
        for s in self.live:
            s.close()


class Flood(threading.Thread):
    """Unsigned junk posted to a webhook route as fast as the server answers, keep-alive."""

    def __init__(self, port, address):
        super().__init__(daemon=True)
        self.port, self.address = port, address
        self.stop = threading.Event()
        self.sent = 0
        self.statuses = {}

    def run(self):
        body = b"MessageSid=SMjunk&MessageStatus=delivered&" + b"x=" + b"j" * 512
        raw = (f"POST /twilio/sms-status HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n"
               "Content-Type: application/x-www-form-urlencoded\r\n"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
        s = None
        while not self.stop.is_set():
            try:
                if s is None:
                    s = socket.create_connection(("127.0.0.1", self.port), timeout=5,
                                                 source_address=(self.address, 0))
                s.sendall(raw)
                answer = s.recv(65536)
                if not answer:
                    s.close()
                    s = None
                    continue
                self.sent += 1
                status = answer[9:12].decode(errors="replace")
                self.statuses[status] = self.statuses.get(status, 0) + 1
                if b"Connection: close" in answer or status == "503":
                    s.close()
                    s = None
            except OSError:
                if s:
                    s.close()
                s = None
                time.sleep(0.01)


def summary(results, limit):
    times = sorted(t for _, t in results)
    bad = [r for r in results if r[0] != 200 or r[1] > limit]
    if not times:
        return "no requests", bad
    q = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0]] * 99
    return (f"{len(results)} signed webhooks: median {statistics.median(times) * 1000:.1f} ms, "
            f"p99 {q[98] * 1000:.1f} ms, max {times[-1] * 1000:.1f} ms, "
            f"not 200 in time: {len(bad)}"), bad


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin-dir", required=True)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--slowloris", type=int, default=300)
    ap.add_argument("--idle", type=int, default=1000)
    ap.add_argument("--flood", type=int, default=4)
    ap.add_argument("--attack-addresses", type=int, default=1)
    ap.add_argument("--max-latency", type=float, default=1.0)
    ap.add_argument("--max-rss-growth-mb", type=float, default=32)
    args = ap.parse_args()

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    if args.slowloris + args.idle + 64 > hard:
        print(f"RLIMIT_NOFILE is {hard}: fewer connections than asked", file=sys.stderr)
    work = tempfile.mkdtemp(prefix="sb-under-fire-")
    sandbox = subprocess.Popen(
        [os.path.join(args.bin_dir, "switchboard-sandbox"), "--account-sid", SID,
         "--auth-token", TOKEN, "--delay-ms", "50"], stdout=subprocess.PIPE, text=True)
    line = sandbox.stdout.readline().strip()
    if not line.startswith("SANDBOX_URL="):
        print("the sandbox did not start:", line)
        return 1
    port = free_port()
    env = {"PATH": "/usr/bin:/bin", "HOME": work, "QT_QPA_PLATFORM": "offscreen",
           "SWITCHBOARD_DATA_DIR": os.path.join(work, "data"), "SWITCHBOARD_PORT": str(port),
           "SWITCHBOARD_API_TOKEN": API_TOKEN, "SWITCHBOARD_PUBLIC_URL": f"http://127.0.0.1:{port}",
           "TWILIO_ACCOUNT_SID": SID, "TWILIO_AUTH_TOKEN": TOKEN,
           "TWILIO_PHONE_NUMBER": "+15005550006", "TWILIO_API_BASE_URL": line[len("SANDBOX_URL="):]}
    console = subprocess.Popen([os.path.join(args.bin_dir, "switchboard"), "--headless"], env=env,
                               stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "log"), "w"))
    code = 1
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/twilio/health", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        else:
            print("switchboard did not answer health in 60 s")
            return 1

        calm = Prober(port, 0.05, 10)
        for _ in range(100):
            calm.results.append(calm.one())
        calm_text, _ = summary(calm.results, args.max_latency)
        print("calm:     " + calm_text)
        rss_before = rss_kb(console.pid)
        anon_before = rss_kb(console.pid, "RssAnon")

        # 127.0.0.2 is Twilio's: the attacker's N addresses are 127.0.0.1, then .3 on.
        addresses = ["127.0.0.1"] + [f"127.0.0.{i}" for i in range(3, args.attack_addresses + 2)]
        attackers = [Holders(port, args.slowloris, True, addresses),
                     Holders(port, args.idle, False, addresses)]
        attackers += [Flood(port, addresses[i % len(addresses)]) for i in range(args.flood)]
        for a in attackers:
            a.start()
        time.sleep(2)  # the holders open their connections
        prober = Prober(port, 0.1, 10)
        prober.start()
        time.sleep(args.seconds)
        prober.stop.set()
        prober.join()
        for a in attackers:
            a.stop.set()
        for a in attackers:
            a.join()
        rss_after = rss_kb(console.pid)
        anon_after = rss_kb(console.pid, "RssAnon")

        fire_text, bad = summary(prober.results, args.max_latency)
        print("fire:     " + fire_text)
        slow, idle, floods = attackers[0], attackers[1], attackers[2:]
        print(f"slowloris: {slow.opened} opened, {slow.closed_by_server} cut off by the server, "
              f"{slow.refused} refused (503 or connect error)")
        print(f"idle:      {idle.opened} opened, {idle.closed_by_server} cut off by the server, "
              f"{idle.refused} refused (503 or connect error)")
        statuses = {}
        for f in floods:
            for k, v in f.statuses.items():
                statuses[k] = statuses.get(k, 0) + v
        total = sum(f.sent for f in floods)
        print(f"flood:     {total} junk requests answered in {args.seconds:.0f} s "
              f"({total / args.seconds:.0f}/s), by status {dict(sorted(statuses.items()))}")
        growth_mb = (rss_after - rss_before) / 1024
        print(f"server RSS: {rss_before / 1024:.1f} MB before the attack, {rss_after / 1024:.1f} MB "
              f"after ({(rss_after - rss_before) / 1024:+.1f} MB); of it anonymous (heap, not the "
              f"mapped store): {anon_before / 1024:.1f} -> {anon_after / 1024:.1f} MB "
              f"({(anon_after - anon_before) / 1024:+.1f} MB)")
        if console.poll() is not None:
            print("switchboard exited during the attack")
        elif bad:
            print("FAIL: signed webhooks not answered 200 within "
                  f"{args.max_latency} s: {bad[:5]}")
        elif growth_mb > args.max_rss_growth_mb:
            print(f"FAIL: RSS grew by more than {args.max_rss_growth_mb} MB")
        else:
            code = 0
    finally:
        console.terminate()
        sandbox.terminate()
        for p in (console, sandbox):
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        # The data folder and the server's log are kept only when they explain a failure.
        if code == 0:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"server log and data kept in {work}")
    return code


if __name__ == "__main__":
    sys.exit(main())
