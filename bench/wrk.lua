-- wrk script for bench/run.sh: optional POST body, and one machine-readable result line.
--
-- Environment (read once per wrk thread):
--   BENCH_METHOD   GET (default) or POST
--   BENCH_BODY     request body for POST (already form-urlencoded)
--   BENCH_COOKIE   Cookie header value (signed-in pages, and the CSRF cookie of the login form)
--   BENCH_MULTIPART_PARTS  POST instead a multipart body of that many tiny file parts (the attacker review's
--                  face-upload body: 60,000 parts are about 4 MB), built here since no environment holds it
-- The POST used by bench/run.sh is a login to /login/permit with a valid CSRF token and an unknown
-- permit number: the portal still spends a full Argon2id hash on it (so that an unknown number takes as
-- long as a wrong password) and answers with the generic error, which is the costliest anonymous request.

local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local cookie = os.getenv("BENCH_COOKIE")

local parts = tonumber(os.getenv("BENCH_MULTIPART_PARTS") or "")

wrk.method = method
if parts then
  wrk.method = "POST"
  local part = '--B\r\nContent-Disposition: form-data; name="x"; filename="a"\r\n\r\nx\r\n'
  wrk.body = string.rep(part, parts) .. "--B--\r\n"
  wrk.headers["Content-Type"] = "multipart/form-data; boundary=B"
elseif method == "POST" then
  wrk.body = body or ""
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

-- A login body's permit number WP2099999999 becomes a different unknown number in every request, as a crowd of
-- people would type: the portal checks one password per account or typed number at a time (SecretChecks), so
-- the same number from every connection would measure that queue, not Argon2. Each wrk thread gets its own range.
threads_set_up = 0
function setup(thread)
  thread:set("id", threads_set_up)
  threads_set_up = threads_set_up + 1
end

if method == "POST" and body and body:find("WP2099999999", 1, true) then
  local counter = 0
  function request()
    counter = counter + 1
    local number = string.format("WP2%02d%07d", (id or 0) % 90, counter % 10000000)
    return wrk.format(nil, nil, nil, (body:gsub("WP2099999999", number)))
  end
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
