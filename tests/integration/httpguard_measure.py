#!/usr/bin/env python3
"""Figures for the embedded server's guard (not a CTest test): run by hand.

    tests/integration/httpguard_measure.py build/bin/httpguard_server [--only smuggle,crlf,...]

Starts httpguard_server (default limits unless told) and reports, from the server's own
getrusage() and /proc/self/status:
  smuggle   RSS before/after four 100 MB bodies declared in ways Qt 6.4 and a naive front
            end read differently (two Content-Length, obs-fold, TE chunked+identity, a bad
            field name), and how many body bytes the server took before closing
  crlf      server CPU for 1 MB and 4 MB of bare CRLF, and for 1 MB / 4 MB of small
            pipelined GETs (linear framing)
  slowloris how long a trickling head and a silent connection survive
  caps      1,100 idle connections at RLIMIT_NOFILE 1,024: how many are kept, how many
            refused, whether another client is served meanwhile, server CPU while held
  emfile    the same with the caps out of the way, so accept() runs out of descriptors
"""
import argparse
import os
import socket
import subprocess
import threading
import time


class Server:
    def __init__(self, binary, *args):
        self.proc = subprocess.Popen([binary, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     text=True)
        line = self.proc.stdout.readline().split()
        self.port = int(line[1])
        self.max_connections = line[3] if len(line) > 3 else "?"

    def stats(self):
        self.proc.stdin.write("stats\n")
        self.proc.stdin.flush()
        fields = dict(kv.split("=") for kv in self.proc.stdout.readline().split()[1:])
        return {k: int(v) for k, v in fields.items()}

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(10)


def connect(port, source="127.0.0.1"):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def first_answer(s, timeout=5):
    s.settimeout(timeout)
    try:
        return s.recv(200).split(b"\r\n")[0].decode(errors="replace")
    except (socket.timeout, ConnectionResetError) as e:
        return type(e).__name__


def smuggle(binary):
    heads = {
        "two Content-Length": b"Content-Length: 100000000\r\nContent-Length: 5\r\n",
        "obs-fold": b"Content-Length:\r\n 100000000\r\n",
        "TE chunked+identity": b"Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
        "bad name + length": b"Bad Name: 1\r\nContent-Length: 100000000\r\n",
    }
    server = Server(binary)
    before = server.stats()
    print(f"smuggle: RSS before {before['rss_kb'] / 1024:.1f} MB")
    # Body bytes that a front end reading the length differently takes for small requests.
    request = b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n"
    chunk = request * (65536 // len(request))
    for name, head in heads.items():
        s = connect(server.port)
        s.sendall(b"POST /echo HTTP/1.1\r\nHost: x\r\n" + head + b"\r\n")
        if b"chunked" in head:
            s.sendall(b"5F5E100\r\n")  # one chunk of 100,000,000 bytes
        sent, start = 0, time.monotonic()
        s.settimeout(10)
        try:
            while sent < 100_000_000:
                s.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            pass
        answer = first_answer(s, 2)
        s.close()
        print(f"  {name:22s} answer {answer!r:40s} body bytes sent before close "
              f"{sent / 1e6:7.2f} MB in {time.monotonic() - start:5.2f} s; "
              f"RSS {server.stats()['rss_kb'] / 1024:.1f} MB")
    time.sleep(2)
    after = server.stats()
    print(f"smuggle: RSS after {after['rss_kb'] / 1024:.1f} MB (2 s later); "
          f"server CPU {after['cpu_ms'] - before['cpu_ms']} ms")
    server.close()


def drain(s, until_closed):
    total = 0
    s.settimeout(30)
    try:
        while True:
            data = s.recv(1 << 20)
            if not data:
                break
            total += len(data)
            if until_closed is not None and total >= until_closed:
                break
    except (socket.timeout, ConnectionResetError):
        pass
    return total


def crlf(binary):
    server = Server(binary)
    for label, payload in [("1 MB CRLF", b"\r\n" * 500_000), ("4 MB CRLF", b"\r\n" * 2_000_000)]:
        before = server.stats()["cpu_ms"]
        s = connect(server.port)
        start = time.monotonic()
        try:
            s.sendall(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = first_answer(s)
        drain(s, None)
        s.close()
        time.sleep(0.2)
        print(f"crlf: {label}: answer {answer!r}, {time.monotonic() - start:.2f} s, "
              f"server CPU {server.stats()['cpu_ms'] - before} ms")
    one = b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n"
    for megabytes in (1, 4):
        count = megabytes * 1_000_000 // len(one)
        before = server.stats()["cpu_ms"]
        s = connect(server.port)
        answer_size = len(b"HTTP/1.1 200 Ok\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nfast")
        reader = threading.Thread(target=lambda: drain(s, count * answer_size))
        reader.start()
        start = time.monotonic()
        s.sendall(one * count)
        reader.join()
        s.close()
        print(f"crlf: {megabytes} MB of pipelined GETs ({count} requests): "
              f"{time.monotonic() - start:.2f} s, server CPU {server.stats()['cpu_ms'] - before} ms")
    server.close()


def slowloris(binary):
    server = Server(binary)
    s = connect(server.port)
    s.sendall(b"GET /fast HTTP/1.1\r\n")
    start = time.monotonic()
    s.settimeout(1)
    answer = b""
    while time.monotonic() - start < 60:
        try:
            s.sendall(b"X-Slow: 1\r\n")
            data = s.recv(200)
            if not data:
                break
            answer += data
        except socket.timeout:
            continue
        except (BrokenPipeError, ConnectionResetError):
            break
    status = answer.split(b"\r\n")[0]
    print(f"slowloris: a head trickled one line a second survived "
          f"{time.monotonic() - start:.1f} s, answer {status!r}")
    s = connect(server.port)
    start = time.monotonic()
    s.settimeout(60)
    data = s.recv(200)
    print(f"slowloris: a silent connection survived {time.monotonic() - start:.1f} s, "
          f"answer {data!r}")
    server.close()


def open_idle(port, count, sources):
    held, start = [], time.monotonic()
    for i in range(count):
        held.append(connect(port, sources[i % len(sources)]))
    time.sleep(0.5)
    refused = kept = 0
    for s in held:
        s.setblocking(False)
        try:
            data = s.recv(100)
            refused += data.startswith(b"HTTP/1.1 503")
        except BlockingIOError:
            kept += 1
        except ConnectionResetError:
            refused += 1
    return held, kept, refused, time.monotonic() - start


def caps(binary):
    for sources in (["127.0.0.1"], ["127.0.0.%d" % i for i in range(1, 6)]):
        server = Server(binary, "--nofile", "1024")
        print(f"caps: RLIMIT_NOFILE 1024 (max-connections {server.max_connections}, per address "
              f"32), 1100 idle connections from {len(sources)} address(es)")
        cpu0 = server.stats()["cpu_ms"]
        held, kept, refused, took = open_idle(server.port, 1100, sources)
        print(f"  opened in {took:.2f} s: {kept} kept open, {refused} refused with 503, "
              f"server reports open={server.stats()['open']}")
        other = connect(server.port, "127.0.0.9")
        t = time.monotonic()
        other.sendall(b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
        print(f"  another address meanwhile: {first_answer(other)!r} "
              f"in {(time.monotonic() - t) * 1000:.0f} ms")
        other.close()
        time.sleep(5)
        print(f"  server CPU over the run so far {server.stats()['cpu_ms'] - cpu0} ms "
              f"(5 s of it holding the connections)")
        time.sleep(6)
        print(f"  after the 10 s header timeout: open={server.stats()['open']}")
        for s in held:
            s.close()
        server.close()


def emfile(binary):
    # Caps above the file limit, as if the rest of the process had used the descriptors up.
    server = Server(binary, "--nofile", "1024", "--max-connections", "5000", "--per-address", "5000")
    print("emfile: RLIMIT_NOFILE 1024, caps out of the way, 1100 idle connections")
    cpu0 = server.stats()["cpu_ms"]
    held, kept, refused, took = open_idle(server.port, 1100, ["127.0.0.1"])
    print(f"  opened in {took:.2f} s: {kept} kept open, {refused} refused with 503")
    other = connect(server.port, "127.0.0.9")
    other.sendall(b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
    print(f"  another client meanwhile: {first_answer(other)!r}")
    other.close()
    cpu1 = server.stats()["cpu_ms"]
    time.sleep(5)
    print(f"  server CPU while holding them for 5 s: {server.stats()['cpu_ms'] - cpu1} ms "
          f"({cpu1 - cpu0} ms before)")
    for s in held:
        s.close()
    time.sleep(0.5)
    other = connect(server.port, "127.0.0.9")
    other.sendall(b"GET /fast HTTP/1.1\r\nHost: x\r\n\r\n")
    print(f"  after the clients close: {first_answer(other)!r}")
    other.close()
    server.close()


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--only", default="smuggle,crlf,slowloris,caps,emfile")
    args = ap.parse_args()
    for part in args.only.split(","):
        globals()[part](args.binary)
