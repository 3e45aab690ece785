-- wrk script for bench/run.sh: optional POST body, and one machine-readable result line.
--
-- Environment (read once per wrk thread):
--   BENCH_METHOD   GET (default) or POST
--   BENCH_BODY     request body for POST (already form-urlencoded)
--   BENCH_COOKIE   Cookie header value (signed-in pages, and the CSRF cookie of the login form)
-- The POST used by bench/run.sh is a login to /login/permit with a valid CSRF token and an unknown
-- permit number: the portal still spends a full Argon2id hash on it (so that an unknown number takes as
-- long as a wrong password) and answers with the generic error, which is the costliest anonymous request.

local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local cookie = os.getenv("BENCH_COOKIE")

wrk.method = method
if method == "POST" then
  wrk.body = body or ""
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

-- Printed after wrk's own report; bench/run.sh reads this line. Latencies in microseconds.
function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d rps=%.1f p50_us=%d p99_us=%d non2xx3xx=%d socket_errors=%d\n",
    summary.requests,
    summary.requests / seconds,
    latency:percentile(50.0),
    latency:percentile(99.0),
    e.status,
    e.connect + e.read + e.write + e.timeout))
end
