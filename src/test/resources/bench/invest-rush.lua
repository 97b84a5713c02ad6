-- W1 invest rush for wrk (InvestRushBenchmark). Arguments after "--": the file of listing ids,
-- the file of bearer tokens (one investor per line), the prefix of the answer files, and this
-- run's own prefix of idempotency keys (the warm-up and the rush bid for the same investors, and a
-- key is the investor's: a key used again with another body is refused as reused).
--
-- Every connection bids 50-200 CNY for a random investor on a random listing this thread still
-- believes open, with a new idempotency key, until every listing has answered LISTING_NOT_OPEN.
-- A bid's X-Request-Id carries its send time, listing, amount and investor; the server echoes it,
-- so each answer is matched to its bid whatever connection it came back on. Each thread writes
-- one line per answer to <prefix>-<thread>.tsv:
--   status, latency (us), answered at (us), listing index, amount (fen), investor index,
--   investment id (201) or problem code.
-- A thread stops once its listings are all closed and every bid it sent has its answer, and says so
-- in <prefix>-<thread>.done; its connections send liveness requests meanwhile (not written, not
-- counted). An answer that carries
-- no id of ours is written as NO_REQUEST_ID.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } credence_timespec;
  int clock_gettime(int clock_id, credence_timespec *tp);
]]
local now_ts = ffi.new("credence_timespec[1]")
local function micros()
  ffi.C.clock_gettime(1, now_ts) -- CLOCK_MONOTONIC: comparable across threads
  return tonumber(now_ts[0].tv_sec) * 1000000 + math.floor(tonumber(now_ts[0].tv_nsec) / 1000)
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

local listings, tokens, open = {}, {}, {}
local out, prefix, key_prefix
local stopped = false
local sent, answered, written, counter = 0, 0, 0, 0

function init(args)
  for line in io.lines(args[1]) do
    listings[#listings + 1] = line
    open[#open + 1] = #listings
  end
  for line in io.lines(args[2]) do
    tokens[#tokens + 1] = line
  end
  prefix = args[3]
  key_prefix = args[4]
  out = assert(io.open(prefix .. "-" .. thread_no .. ".tsv", "w"))
  math.randomseed(thread_no * 7919 + micros() % 1000003)
end

local checked = false

function request()
  if thread_no == 1 and not checked then
    -- wrk calls the first thread's request() once before it starts, to check what it returns;
    -- that request is never sent.
    checked = true
    return wrk.format("GET", "/actuator/health/liveness", { ["X-Request-Id"] = "liveness.w1" })
  end
  if #open == 0 then
    return wrk.format("GET", "/actuator/health/liveness", { ["X-Request-Id"] = "liveness.w1" })
  end
  local listing = open[math.random(#open)]
  local user = math.random(#tokens)
  local amount = math.random(4) * 5000
  counter = counter + 1
  sent = sent + 1
  local id = "w1." .. micros() .. "." .. listing .. "." .. amount .. "." .. user
  return wrk.format("POST", "/api/v1/listings/" .. listings[listing] .. "/investments", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[user],
    ["Idempotency-Key"] = key_prefix .. "-" .. thread_no .. "-" .. counter,
    ["X-Request-Id"] = id,
  }, '{"amount":"' .. string.format("%d.%02d", math.floor(amount / 100), amount % 100) .. '"}')
end

local function close_listing(listing)
  for i = #open, 1, -1 do
    if open[i] == listing then
      table.remove(open, i)
    end
  end
end

function response(status, headers, body)
  local id = headers["X-Request-Id"] or headers["x-request-id"]
  local t0, listing, amount, user = (id or ""):match("^w1%.(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if t0 then
    local t1 = micros()
    answered = answered + 1
    local what
    if status == 201 then
      what = body:match('"investmentId"%s*:%s*"([^"]+)"') or "?"
    else
      what = body:match('"code"%s*:%s*"([^"]+)"') or ("HTTP" .. status)
      if what == "LISTING_NOT_OPEN" then
        close_listing(tonumber(listing))
      end
    end
    out:write(status, "\t", t1 - tonumber(t0), "\t", t1, "\t", listing, "\t", amount, "\t",
      user, "\t", what, "\n")
    written = written + 1
    if written % 2000 == 0 then
      out:flush()
    end
  elseif id ~= "liveness.w1" then
    -- A bid answered without its id (not from the application): counted, never matched.
    answered = answered + 1
    out:write(status, "\t0\t", micros(), "\t0\t0\t0\tNO_REQUEST_ID\n")
  end
  if #open == 0 and answered == sent and not stopped then
    stopped = true
    out:close()
    -- wrk itself runs until its duration (or SIGINT): the driver sends SIGINT once every thread
    -- has left this file.
    assert(io.open(prefix .. "-" .. thread_no .. ".done", "w")):close()
    wrk.thread:stop()
  end
end
