#!/usr/bin/env python3
"""Crash safety, measured: nothing lost and nothing sent twice, whatever happens to the process.

Each round starts `switchboard-sandbox` (the offline Twilio and SendGrid) as its own process and
`switchboard --headless` against it, on a fresh data folder and a port of its own. Client
threads send distinct SMS, WhatsApp messages, emails and calls through the local API, each
carrying a unique marker (an SMS's or WhatsApp message's body, an email's subject, a call's
`to` number). Some send an `Idempotency-Key` and retry on connection errors and 5xx with the
same key; the others do not retry a request whose answer was lost (only one refused before it
reached the port, which cannot have been read). Meanwhile Switchboard is killed with SIGKILL at
random moments (during start-up, right after it starts listening while resumed work and new
requests race, or while busy) and restarted on the same data folder. Once every client is done
it runs undisturbed until its outbox has drained and every status has settled; then the
sandbox's records (Messages.json, Calls.json, GET /sandbox/emails) are compared with the store
(the local API's listings):

- every acknowledged request (2xx) was sent exactly once; an unacknowledged one 0 or 1 times
  (an email acknowledged only as `pending`, stored but not yet accepted by SendGrid, may end
  `unknown` when its request to SendGrid was cut off: SendGrid cannot be asked whether it got
  it, so it is never sent again; counted apart, not as lost);
- every send has its row in the store, with the sandbox's SID and its final status;
- no status moved backwards: neither while a watcher thread read the listings during the
  kills, nor in any row's status history.

Prints `round N: requested R / acknowledged A / sent once S / lost L / duplicated D` per round
(and per channel); the exit status is 1 if anything was lost, duplicated, moved backwards or
left unsettled. Python 3 standard library only.

CI: 5 rounds of 200 sends (CTest `reliability_crash`). The long run, by hand:
    tests/reliability/crash_harness.py --bin-dir build/bin --rounds 20 --sends 1000
"""

import argparse
import base64
import http.client
import json
import os
import queue
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ACCOUNT_SID = "AC" + "0" * 29 + "15c"  # 'AC' + 32 hex
AUTH_TOKEN = "harness-sandbox-auth-token-15"
API_TOKEN = "harness-api-token-15"
SENDGRID_KEY = "SG.harness.crash-safety-15"
FROM_NUMBER = "+15005550006"
WHATSAPP_FROM = "whatsapp:+14155238886"
SMS_TO = "+14155550100"
WHATSAPP_TO = "whatsapp:+14155550123"
# An approved template (README, "The sandbox"): it goes whatever the 24-hour window says.
TEMPLATE_SID = "HX611d3e3343e5194d7f290e44b392b617"
CHANNELS = ("sms", "whatsapp", "email", "call")
API = "/api/v1/twilio"

MESSAGE_RANK = {"scheduled": 1, "accepted": 2, "queued": 3, "sending": 4, "sent": 5,
                "partially_delivered": 6, "delivered": 10, "undelivered": 10, "failed": 10,
                "canceled": 10, "read": 11}
CALL_RANK = {"queued": 1, "initiated": 2, "ringing": 3, "in-progress": 4, "completed": 5,
             "busy": 5, "no-answer": 5, "failed": 5, "canceled": 5}
EMAIL_RANK = {"pending": 1, "queued": 2, "unknown": 3, "processed": 4, "deferred": 5,
              "delivered": 6, "bounce": 7, "dropped": 7, "failed": 7, "spamreport": 8}
RANKS = {"sms": MESSAGE_RANK, "whatsapp": MESSAGE_RANK, "call": CALL_RANK, "email": EMAIL_RANK}
# Where each channel's sends end in the sandbox, for any recipient the harness uses.
FINAL = {"sms": {"delivered", "undelivered", "failed"},
         "whatsapp": {"read", "undelivered", "failed"},
         "call": {"completed", "busy", "no-answer", "failed", "canceled"},
         "email": {"delivered", "bounce", "dropped", "spamreport"}}

MARKER = re.compile(r"hx\d+r\d+n\d+")


def log(*args):
    print(*args, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Answer:
    def __init__(self, status, body, error=None):
        self.status = status  # 0: no answer (connection refused, reset, timeout)
        self.body = body
        self.error = error

    def json(self):
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None


def request(port, method, path, body=None, headers=None, timeout=30.0):
    """One request on a fresh connection; never raises for network errors."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        data = None if body is None else json.dumps(body).encode()
        h = {"Connection": "close"}
        if data is not None:
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        return Answer(r.status, r.read())
    except (OSError, http.client.HTTPException) as e:
        return Answer(0, b"", e)
    finally:
        conn.close()


# ---------------------------------------------------------------------------------------------
# The processes


class Sandbox:
    def __init__(self, bin_dir, console_url, workdir):
        self.log_path = os.path.join(workdir, "sandbox.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [os.path.join(bin_dir, "switchboard-sandbox"), "--port", "0",
             "--account-sid", ACCOUNT_SID, "--auth-token", AUTH_TOKEN, "--delay-ms", "20",
             "--console-url", console_url, "--sendgrid-api-key", SENDGRID_KEY],
            stdout=subprocess.PIPE, stderr=self.log, env=clean_env())
        self.url = None
        self.public_key = None
        deadline = time.monotonic() + 20
        while (self.url is None or self.public_key is None) and time.monotonic() < deadline:
            line = self.proc.stdout.readline().decode().strip()
            if not line:
                if self.proc.poll() is not None:
                    break
                continue
            if line.startswith("SANDBOX_URL="):
                self.url = line[len("SANDBOX_URL="):]
            elif line.startswith("SENDGRID_WEBHOOK_PUBLIC_KEY="):
                self.public_key = line[len("SENDGRID_WEBHOOK_PUBLIC_KEY="):]
        if self.url is None or self.public_key is None:
            self.stop()
            raise RuntimeError("switchboard-sandbox did not print SANDBOX_URL= and "
                               "SENDGRID_WEBHOOK_PUBLIC_KEY= (see %s)" % self.log_path)
        threading.Thread(target=self._drain, daemon=True).start()
        u = urllib.parse.urlsplit(self.url)
        self.port = u.port
        self.basic = "Basic " + base64.b64encode(
            ("%s:%s" % (ACCOUNT_SID, AUTH_TOKEN)).encode()).decode()

    def _drain(self):
        for line in self.proc.stdout:
            self.log.write(line)

    def get(self, path):
        a = request(self.port, "GET", path, headers={"Authorization": self.basic})
        if a.status != 200:
            raise RuntimeError("sandbox GET %s: %s %s" % (path, a.status, a.error or a.body[:200]))
        return a.json()

    def twilio_list(self, resource, key):
        items = []
        path = "/2010-04-01/Accounts/%s/%s.json?PageSize=1000" % (ACCOUNT_SID, resource)
        while path:
            page = self.get(path)
            items += page.get(key, [])
            path = page.get("next_page_uri")
        return items

    def messages(self):
        return self.twilio_list("Messages", "messages")

    def calls(self):
        return self.twilio_list("Calls", "calls")

    def emails(self):
        return self.get("/sandbox/emails").get("emails", [])

    def inbound(self, form):
        body = urllib.parse.urlencode(form).encode()
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request("POST", "/sandbox/inbound", body=body,
                         headers={"Authorization": self.basic,
                                  "Content-Type": "application/x-www-form-urlencoded"})
            r = conn.getresponse()
            return r.status, r.read()
        finally:
            conn.close()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def clean_env():
    env = dict(os.environ)
    for name in list(env):
        if name.startswith(("TWILIO_", "SENDGRID_", "SWITCHBOARD_")):
            del env[name]
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


class Switchboard:
    """switchboard --headless on one data folder and port, started and killed again and again."""

    def __init__(self, bin_dir, workdir, port, sandbox):
        self.binary = os.path.join(bin_dir, "switchboard")
        self.port = port
        self.log_path = os.path.join(workdir, "switchboard.log")
        self.log = open(self.log_path, "ab")
        self.env = clean_env()
        self.env.update({
            "SWITCHBOARD_DATA_DIR": os.path.join(workdir, "data"),
            "SWITCHBOARD_PORT": str(port),
            "SWITCHBOARD_API_TOKEN": API_TOKEN,
            "SWITCHBOARD_API_RATE": "0",
            "SWITCHBOARD_RECONCILE_AFTER_S": "1",
            "SWITCHBOARD_LOG_MAX_MB": "0",
            "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "TWILIO_PHONE_NUMBER": FROM_NUMBER,
            "TWILIO_WHATSAPP_NUMBER": WHATSAPP_FROM,
            "TWILIO_API_BASE_URL": sandbox.url,
            "TWILIO_CONTENT_BASE_URL": sandbox.url,
            "TWILIO_MESSAGING_BASE_URL": sandbox.url,
            "SENDGRID_API_KEY": SENDGRID_KEY,
            "SENDGRID_API_BASE_URL": sandbox.url,
            "SENDGRID_FROM_EMAIL": "support@sandbox.test",
            "SENDGRID_WEBHOOK_PUBLIC_KEY": sandbox.public_key,
            "SENDGRID_DAILY_LIMIT": "0",
            "QT_LOGGING_RULES": "switchboard.http.info=true",
        })
        self.proc = None
        self.starts = 0
        self.kills = 0

    def start(self):
        self.starts += 1
        self.log.write(("=== start %d at %.3f\n" % (self.starts, time.time())).encode())
        self.log.flush()
        self.proc = subprocess.Popen([self.binary, "--headless"], stdout=self.log,
                                     stderr=subprocess.STDOUT, env=self.env)
        self.started_at = time.monotonic()

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def healthy(self):
        return request(self.port, "GET", API + "/health", timeout=2).status == 200

    def wait_healthy(self, timeout=30.0, stop=None):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if stop is not None and stop.is_set():
                return False
            if not self.alive():
                raise RuntimeError("switchboard exited by itself with %s (see %s)"
                                   % (self.proc.returncode, self.log_path))
            if self.healthy():
                return True
            time.sleep(0.005)
        return False

    def kill(self, reason):
        if self.alive():
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.kills += 1
            self.log.write(("=== killed (%s) at %.3f\n" % (reason, time.time())).encode())
            self.log.flush()

    def stop(self):
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill("did not stop on SIGTERM")
        self.log.close()


# ---------------------------------------------------------------------------------------------
# The clients


class Send:
    def __init__(self, index, channel, marker, keyed, rnd):
        self.index = index
        self.channel = channel
        self.marker = marker
        self.key = "key-" + marker if keyed else None
        self.outcome = None  # ack | unack | refused
        self.answer = None   # the last answer's status and body
        self.ref = None      # the id the answer gave: SID, call SID or email id
        self.attempts = 0
        self.acked_as = None  # the status the acknowledgement gave
        if channel == "sms":
            self.path = API + "/send-sms"
            self.body = {"to": SMS_TO, "body": "Harness message %s" % marker}
        elif channel == "whatsapp":
            self.path = API + "/send-whatsapp"
            if rnd.random() < 0.5:  # free text: the round opened the customer's window
                self.body = {"to": WHATSAPP_TO, "body": "Harness WhatsApp %s" % marker}
            else:
                self.body = {"to": WHATSAPP_TO, "contentSid": TEMPLATE_SID,
                             "contentVariables": {"1": marker, "2": "#%d" % index,
                                                  "3": "Monday"}}
        elif channel == "email":
            self.path = API + "/send-email"
            self.body = {"to": "customer%d@example.com" % index,
                         "subject": "Harness email %s" % marker,
                         "text": "Crash-safety harness, email %s." % marker}
        else:
            # A number of its own marks the call (a call has no body); 415-2xx-xxxx.
            self.to = "+1415%07d" % (2000000 + index)
            self.path = API + "/initiate-call"
            self.body = {"to": self.to}

    def run(self, port, deadline):
        headers = {"Authorization": "Bearer " + API_TOKEN}
        if self.key:
            headers["Idempotency-Key"] = self.key
        while True:
            self.attempts += 1
            a = request(port, "POST", self.path, self.body, headers)
            self.answer = a
            refused_at_door = a.status == 0 and isinstance(a.error, ConnectionRefusedError)
            if refused_at_door or (self.key and (a.status == 0 or a.status >= 500)):
                # Nothing listens (it was killed or is starting); or with a key, any lost or
                # failed answer: the same key again can never make a second send.
                if time.monotonic() > deadline:
                    self.outcome = "unack"
                    return
                time.sleep(0.02 if refused_at_door else 0.05)
                continue
            break
        j = a.json() if a.status else None
        if 200 <= a.status < 300:
            self.ref = (j or {}).get("sid") or (j or {}).get("callSid") or (j or {}).get("id")
            # An email replayed as `unknown`: its request's answer was lost, sent or not.
            self.acked_as = (j or {}).get("status")
            unknown = self.channel == "email" and self.acked_as == "unknown"
            self.outcome = "unack" if unknown else "ack"
        elif a.status == 0 or a.status >= 500:
            self.outcome = "unack"
        elif a.status == 409 and (j or {}).get("error", {}).get("dialled") == "unknown":
            self.outcome = "unack"  # a call whose first request's outcome nobody knows
        else:
            self.outcome = "refused"


class Watcher(threading.Thread):
    """Reads the listings over and over while the kills go on: a status seen must never be
    followed by a lower one (which would mean something shown was never durable)."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port = port
        self.stop_event = threading.Event()
        self.seen = {}  # (channel kind, id) -> (rank, status)
        self.backwards = []
        self.reads = 0

    def run(self):
        headers = {"Authorization": "Bearer " + API_TOKEN}
        while not self.stop_event.is_set():
            for kind, path, key, idkey in (("message", "/messages?limit=100", "messages", "sid"),
                                           ("call", "/calls?limit=100", "calls", "callSid"),
                                           ("email", "/emails?limit=100", "emails", "id")):
                a = request(self.port, "GET", API + path, headers=headers, timeout=5)
                if a.status != 200:
                    continue
                self.reads += 1
                for row in (a.json() or {}).get(key, []):
                    self.observe(kind, row, idkey)
            self.stop_event.wait(0.05)

    def observe(self, kind, row, idkey):
        ident = row.get(idkey) or row.get("id")
        status = row.get("status")
        ranks = CALL_RANK if kind == "call" else EMAIL_RANK if kind == "email" else MESSAGE_RANK
        rank = ranks.get(status, 0)
        if not ident or rank == 0:
            return
        before = self.seen.get((kind, ident))
        if before and rank < before[0]:
            self.backwards.append("%s %s: %s seen, then %s" % (kind, ident, before[1], status))
        if not before or rank > before[0]:
            self.seen[(kind, ident)] = (rank, status)


# ---------------------------------------------------------------------------------------------
# A round


def store_list(port, what, key):
    rows, before = [], None
    headers = {"Authorization": "Bearer " + API_TOKEN}
    while True:
        path = "%s/%s?limit=500" % (API, what) + ("&before=%s" % before if before else "")
        a = request(port, "GET", path, headers=headers)
        if a.status != 200:
            raise RuntimeError("GET %s: %s %s" % (path, a.status, a.error or a.body[:200]))
        page = a.json()
        rows += page.get(key, [])
        before = page.get("next")
        if not before:
            return rows


def snapshot(sandbox, port, channels):
    """The sandbox's records and the store's rows, each by marker."""
    snap = {"sandbox": {c: {} for c in CHANNELS}, "store": {c: {} for c in CHANNELS}}
    for m in sandbox.messages():
        found = MARKER.search(m.get("body") or "")
        if found:
            channel = "whatsapp" if (m.get("to") or "").startswith("whatsapp:") else "sms"
            snap["sandbox"][channel].setdefault(found.group(0), []).append(m)
    for c in sandbox.calls():
        snap["sandbox"]["call"].setdefault(c.get("to"), []).append(c)
    for e in sandbox.emails() if "email" in channels else []:
        found = MARKER.search(e.get("subject") or "")
        if found:
            snap["sandbox"]["email"].setdefault(found.group(0), []).append(e)
    for m in store_list(port, "messages", "messages"):
        # The listing also has each email's outbox entry (channel email): GET emails is the
        # email's own record.
        found = MARKER.search(m.get("body") or "")
        if found and m.get("direction") == "outbound" and m.get("channel") in ("sms", "whatsapp"):
            snap["store"][m.get("channel")].setdefault(found.group(0), []).append(m)
    for c in store_list(port, "calls", "calls"):
        snap["store"]["call"].setdefault(c.get("to"), []).append(c)
    for e in store_list(port, "emails", "emails"):
        found = MARKER.search(e.get("subject") or "")
        if found:
            snap["store"]["email"].setdefault(found.group(0), []).append(e)
    return snap


def key_of(send):
    return send.to if send.channel == "call" else send.marker


def sid_of(channel, record, sandbox_side):
    if channel == "email":
        # Our own id, which SendGrid carries as a custom arg: an email whose answer was lost
        # has no X-Message-Id here, yet its events find it by this.
        return record.get("switchboard_id") if sandbox_side else record.get("id")
    if channel == "call":
        return record.get("sid") if sandbox_side else record.get("callSid")
    return record.get("sid")


def settled(sends, snap):
    """What is not settled yet: a send the sandbox has that is not final there or whose row
    does not agree, a row still waiting to be sent. And, apart, the calls placed whose row
    never learnt their SID (an unacknowledged call; see --lenient-calls)."""
    waiting, unmatched = [], []
    for s in sends:
        k = key_of(s)
        copies = snap["sandbox"][s.channel].get(k, [])
        rows = snap["store"][s.channel].get(k, [])
        for rec in copies:
            status = "delivered" if s.channel == "email" else rec.get("status")
            if status not in FINAL[s.channel]:
                waiting.append("%s %s: %s in the sandbox" % (s.channel, k, status))
            elif (s.channel == "call" and s.outcome != "ack" and rows
                  and not any(r.get("callSid") for r in rows)):
                unmatched.append("call %s: Twilio placed %s (%s); the store's row has no SID "
                                 "(%s, answer %s)" % (k, rec.get("sid"), status,
                                                      s.outcome, s.answer.status))
            elif not any(sid_of(s.channel, r, False) == sid_of(s.channel, rec, True)
                         and r.get("status") == status for r in rows):
                waiting.append("%s %s: the store has %s, the sandbox %s" % (
                    s.channel, k, [r.get("status") for r in rows], status))
        if not copies:
            for r in rows:
                if s.channel == "email" and r.get("status") in ("unknown", "failed"):
                    continue  # its answer was lost and it is not sent again; or refused
                if s.channel == "call" and not r.get("callSid"):
                    continue  # not dialled again by itself
                waiting.append("%s %s: row %s never reached the sandbox" % (
                    s.channel, k, r.get("status")))
    return waiting, unmatched


def history_backwards(port, snap):
    """Each row's current status is the highest its history ever reached."""
    problems = []
    headers = {"Authorization": "Bearer " + API_TOKEN}
    for channel in CHANNELS:
        ranks = RANKS[channel]
        for rows in snap["store"][channel].values():
            for r in rows:
                if channel in ("sms", "whatsapp"):
                    a = request(port, "GET", "%s/sms-status/%s" % (API, r.get("sid")),
                                headers=headers)
                    steps = [h.get("status") for h in (a.json() or {}).get("history", [])]
                elif channel == "call":
                    steps = [h.get("status") for h in r.get("history", [])]
                else:
                    a = request(port, "GET", "%s/email-status/%s" % (API, r.get("id")),
                                headers=headers)
                    steps = [e.get("event") for e in (a.json() or {}).get("events", [])]
                top = max([ranks.get(x, 0) for x in steps] + [0])
                if ranks.get(r.get("status"), 0) < top:
                    problems.append("%s %s: status %s below its history %s" % (
                        channel, sid_of(channel, r, False), r.get("status"), steps))
    return problems


def run_round(number, args, rnd, workroot):
    t0 = time.monotonic()
    workdir = os.path.join(workroot, "round%d" % number)
    os.makedirs(workdir)
    port = free_port()
    sandbox = Sandbox(args.bin_dir, "http://localhost:%d" % port, workdir)
    app = Switchboard(args.bin_dir, workdir, port, sandbox)
    try:
        return _run_round(number, args, rnd, workdir, sandbox, app, t0)
    finally:
        app.stop()
        sandbox.stop()


def _run_round(number, args, rnd, workdir, sandbox, app, t0):
    channels = [c for c in CHANNELS if c in args.channels]
    sends = []
    for i in range(args.sends):
        channel = channels[i % len(channels)]
        marker = "hx%dr%dn%d" % (args.seed, number, i)
        sends.append(Send(i, channel, marker, rnd.random() < args.keyed, rnd))
    rnd.shuffle(sends)

    # The first start, undisturbed: a customer writes on WhatsApp, which opens the window for
    # free text (its webhook is stored before the sandbox hears 200).
    app.start()
    if not app.wait_healthy(60):
        raise RuntimeError("switchboard did not answer health (see %s)" % app.log_path)
    if "whatsapp" in channels:
        status, body = sandbox.inbound({"From": WHATSAPP_TO, "To": WHATSAPP_FROM,
                                        "Body": "Hello, harness round %d" % number,
                                        "Channel": "whatsapp", "ProfileName": "Harness"})
        if status != 201 or json.loads(body).get("webhook", {}).get("status") != 200:
            raise RuntimeError("the WhatsApp window could not be opened: %s %s" % (status, body))

    work = queue.Queue()
    for s in sends:
        work.put(s)
    # Spread the sends so that a round sees many kills: each client waits about `pace`
    # between its requests.
    pace = args.spread * args.clients / max(1, args.sends)
    deadline = time.monotonic() + args.spread * 10 + 120

    def client(crnd):
        while True:
            try:
                s = work.get_nowait()
            except queue.Empty:
                return
            s.run(app.port, deadline)
            time.sleep(crnd.uniform(0, 2 * pace))

    watcher = Watcher(app.port)
    watcher.start()
    done = threading.Event()
    kill_log = []

    krnd = random.Random(rnd.random())

    exits = []  # starts that ended by themselves: a crash, whatever the cause

    def killer():
        rnd = krnd
        while not done.is_set():
            mode = rnd.choice(["start-up", "listening", "listening", "busy", "busy", "busy"])
            if mode == "start-up":
                time.sleep(rnd.uniform(0, 0.15))
            else:
                try:
                    up = app.wait_healthy(60, stop=done)
                except RuntimeError as e:
                    exits.append("start %d: %s" % (app.starts, e))
                    app.start()
                    continue
                if not up:
                    break
                if mode == "listening":
                    time.sleep(rnd.uniform(0, 0.05))
                else:
                    done.wait(rnd.uniform(0.1, 1.5))
                    if done.is_set():
                        break
            app.kill(mode)
            kill_log.append((round(time.monotonic() - t0, 3), mode))
            time.sleep(rnd.uniform(0, 0.2))
            app.start()

    threads = [threading.Thread(target=client, args=(random.Random(rnd.random()),))
               for _ in range(args.clients)]
    for t in threads:
        t.start()
    k = threading.Thread(target=killer)
    k.start()
    for t in threads:
        t.join()
    done.set()
    k.join()
    sent_in = time.monotonic() - t0

    # Undisturbed until everything has settled.
    if not app.alive():
        app.start()
    if not app.wait_healthy(60):
        raise RuntimeError("switchboard did not come back (see %s)" % app.log_path)
    drain_deadline = time.monotonic() + args.drain
    while True:
        snap = snapshot(sandbox, app.port, channels)
        waiting, unmatched = settled(sends, snap)
        if not waiting or time.monotonic() > drain_deadline:
            break
        time.sleep(0.5)
    watcher.stop_event.set()
    watcher.join()
    history = history_backwards(app.port, snap)

    # The verdict, per send.
    stats = {c: dict(requested=0, acknowledged=0, sent_once=0, lost=0, duplicated=0,
                     unacknowledged=0, refused=0, pending_unknown=0) for c in channels}
    problems = []
    for s in sends:
        st = stats[s.channel]
        st["requested"] += 1
        k = key_of(s)
        copies = snap["sandbox"][s.channel].get(k, [])
        rows = snap["store"][s.channel].get(k, [])
        if s.outcome == "ack":
            st["acknowledged"] += 1
        elif s.outcome == "refused":
            st["refused"] += 1
            problems.append("%s %s refused: HTTP %s %s" % (
                s.channel, k, s.answer.status, s.answer.body[:300].decode(errors="replace")))
        else:
            st["unacknowledged"] += 1
        if len(copies) > 1:
            st["duplicated"] += 1
            problems.append("%s %s sent %d times: %s (key %s, %d attempts)" % (
                s.channel, k, len(copies), [sid_of(s.channel, c, True) for c in copies],
                s.key, s.attempts))
        elif len(copies) == 1:
            st["sent_once"] += 1
        elif (s.outcome == "ack" and s.channel == "email" and s.acked_as == "pending"
              and [r.get("status") for r in rows] == ["unknown"]):
            # Acknowledged as stored, not as sent; then its request to SendGrid was cut off
            # by a kill. SendGrid cannot be asked, so the email says `unknown` and is not sent
            # again (a duplicate cannot be taken back): the documented outcome, not a loss.
            st["pending_unknown"] += 1
        elif s.outcome == "ack":
            st["lost"] += 1
            problems.append("%s %s acknowledged (%s %s) but never sent; store rows %s" % (
                s.channel, k, s.answer.status, s.answer.body[:300].decode(errors="replace"),
                [r.get("status") for r in rows]))
        if len(rows) > 1:
            problems.append("%s %s has %d rows in the store" % (s.channel, k, len(rows)))
        if s.outcome == "ack" and s.ref and rows and not any(
                s.ref in (r.get("sid"), r.get("callSid"), r.get("id")) for r in rows):
            problems.append("%s %s: acknowledged as %s, the store has %s" % (
                s.channel, k, s.ref, [sid_of(s.channel, r, False) for r in rows]))
    problems += ["exited by itself: " + e for e in exits]
    problems += ["unsettled: " + w for w in waiting]
    if not args.lenient_calls:
        problems += ["unmatched: " + u for u in unmatched]
    problems += ["moved backwards (watched): " + b for b in watcher.backwards]
    problems += ["moved backwards (history): " + h for h in history]

    total = {k2: sum(st[k2] for st in stats.values()) for k2 in next(iter(stats.values()))}
    log("round %d: requested %d / acknowledged %d / sent once %d / lost %d / duplicated %d"
        % (number, total["requested"], total["acknowledged"], total["sent_once"],
           total["lost"], total["duplicated"]))
    for c in channels:
        st = stats[c]
        log("  %-8s requested %d / acknowledged %d / sent once %d / lost %d / duplicated %d"
            " (unacknowledged %d, refused %d%s)"
            % (c, st["requested"], st["acknowledged"], st["sent_once"], st["lost"],
               st["duplicated"], st["unacknowledged"], st["refused"],
               ", acknowledged as pending then cut off mid-request: unknown %d"
               % st["pending_unknown"] if c == "email" else ""))
    modes = {}
    for _, mode in kill_log:
        modes[mode] = modes.get(mode, 0) + 1
    log("  %d kills (%s), %d starts; sends done in %.1f s, settled in %.1f s; "
        "%d listings watched, %d statuses backwards; %d calls placed whose row has no SID"
        % (len(kill_log), ", ".join("%s %d" % m for m in sorted(modes.items())), app.starts,
           sent_in, time.monotonic() - t0 - sent_in, watcher.reads,
           len(watcher.backwards) + len(history), len(unmatched)))
    if args.lenient_calls:
        for u in unmatched[:args.show]:
            log("  note " + u)
    for p in problems[:args.show]:
        log("  PROBLEM " + p)
    if len(problems) > args.show:
        log("  ... and %d more problems" % (len(problems) - args.show))
    if problems:
        log("  logs: %s" % workdir)
    return not problems


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bin-dir", default=os.path.join(here, "..", "..", "build", "bin"),
                        help="where switchboard and switchboard-sandbox are")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sends", type=int, default=200, help="per round")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seed", type=int, default=None,
                        help="for the kill schedule, channels and keys (default: random)")
    parser.add_argument("--keyed", type=float, default=0.5,
                        help="share of requests with an Idempotency-Key")
    parser.add_argument("--spread", type=float, default=None,
                        help="seconds over which a round's sends are spread "
                             "(default: 6, or sends/100 if more)")
    parser.add_argument("--drain", type=float, default=90,
                        help="seconds a round may take to settle after the last send")
    parser.add_argument("--channels", default=",".join(CHANNELS))
    parser.add_argument("--lenient-calls", action="store_true",
                        help="only note, not fail on, a call Twilio placed whose row never "
                             "learnt its SID (killed between Twilio's answer and its commit; "
                             "builds before the start-up sweep found such calls)")
    parser.add_argument("--show", type=int, default=30, help="problems printed per round")
    parser.add_argument("--keep", action="store_true", help="keep the logs and data folders")
    args = parser.parse_args()
    args.channels = [c.strip() for c in args.channels.split(",") if c.strip()]
    if args.seed is None:
        args.seed = random.SystemRandom().randrange(1, 10 ** 6)
    if args.spread is None:
        args.spread = max(6.0, args.sends / 100.0)
    for name in ("switchboard", "switchboard-sandbox"):
        if not os.access(os.path.join(args.bin_dir, name), os.X_OK):
            sys.exit("crash_harness: no %s in %s (--bin-dir)" % (name, args.bin_dir))
    log("crash harness: seed %d, %d rounds of %d sends, %d clients, channels %s"
        % (args.seed, args.rounds, args.sends, args.clients, ",".join(args.channels)))
    rnd = random.Random(args.seed)
    workroot = tempfile.mkdtemp(prefix="switchboard-crash-")
    ok = True
    started = time.monotonic()
    try:
        for n in range(1, args.rounds + 1):
            ok = run_round(n, args, rnd, workroot) and ok
    except Exception:
        ok = False
        raise
    finally:
        log("%s in %.0f s (seed %d)" % ("all rounds clean" if ok else "FAILED",
                                          time.monotonic() - started, args.seed))
        if ok and not args.keep:
            shutil.rmtree(workroot, ignore_errors=True)
        else:
            log("logs and data folders: %s" % workroot)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
