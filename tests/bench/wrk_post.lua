-- wrk script: POSTs pre-signed status callbacks, each line of $BENCH_REQUESTS once, in turn.
local lines = {}
local n = 0
local i = 0
local path = os.getenv("BENCH_PATH") or "/twilio/sms-status"

function init(args)
  for line in io.lines(os.getenv("BENCH_REQUESTS")) do
    n = n + 1
    lines[n] = line
  end
end

function request()
  i = i + 1
  if i > n then i = 1 end
  local sig, token, body = lines[i]:match("^([^\t]*)\t([^\t]*)\t(.*)$")
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = sig,
    ["I-Twilio-Idempotency-Token"] = token,
  }, body)
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d seconds=%.3f errors=%d\n",
    summary.requests, summary.duration / 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
