-- wrk script: POSTs pre-signed status callbacks ($BENCH_REQUESTS, one per line), each once in
-- turn. Requests are formatted once in init() so the timed loop costs wrk nothing.
local requests = {}
local n = 0
local i = 0
local path = os.getenv("BENCH_PATH") or "/twilio/sms-status"

function init(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    local sig, token, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
    n = n + 1
    requests[n] = wrk.format("POST", path, {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Twilio-Signature"] = sig,
      ["I-Twilio-Idempotency-Token"] = token,
    }, body)
  end
end

function request()
  i = i + 1
  if i > n then i = 1 end
  return requests[i]
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d seconds=%.3f errors=%d\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
