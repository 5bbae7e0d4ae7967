-- wrk script of the HTTP load benchmark (run-http-bench.sh): MCP tools/call over Streamable HTTP on one
-- session that the runner initialized once (curl), reused by every connection.
--
--   wrk -t T -c C -d 10s -s mcp.lua http://127.0.0.1:PORT/mcp -- REQUESTS_FILE SESSION_ID [PROTOCOL_VERSION]
--
-- REQUESTS_FILE holds one request per line without jsonrpc and id, e.g.
-- {"method":"tools/call","params":{...}} (mcpmix.mjs bodies); every request sends the next one (each
-- thread starts at another place of the list) with "jsonrpc":"2.0" and an id unique in the run. SESSION_ID "-" sends no session headers (the trivial QHttpServer route). Headers as the SDK
-- client sends them: Accept (both types), Content-Type, Mcp-Session-Id, MCP-Protocol-Version.
-- SESSION_ID "2026": MCP 2026-07-28, no session: the envelope goes into params._meta of every request and
-- the headers MCP-Protocol-Version, Mcp-Method and Mcp-Name (params.name) go with it, as the SDK 2.x client
-- sends them.
-- done() prints one line `WRK_JSON {...}`: requests, rps, latency percentiles (ms), socket errors, and the
-- answers that were not 200 or carried a JSON-RPC error or an isError result (counted in response()).

local threads = {}
local next_thread = 0

function setup(thread)
   thread:set("tid", next_thread)
   next_thread = next_thread + 1
   table.insert(threads, thread)
end

local params = {}
local headers = {}
local requestHeaders = {} -- per request (2026: Mcp-Method and Mcp-Name differ), else nil
local envelope = '"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28",' ..
   '"io.modelcontextprotocol/clientCapabilities":{}}' 
local counter = 0
local path = "/"
bad_status = 0
bad_body = 0

function init(args)
   local file = args[1]
   local session = args[2] or "-"
   local version = args[3] or "2025-11-25"
   for line in io.lines(file) do
      if #line > 0 then params[#params + 1] = line:sub(2) end -- without the opening brace
   end
   assert(#params > 0, "no request bodies in " .. tostring(file))
   headers["Content-Type"] = "application/json"
   headers["Accept"] = "application/json, text/event-stream"
   if session == "2026" then
      for i, line in ipairs(params) do
         local method = line:match('"method":"([^"]+)"')
         local name = line:match('"params":{"name":"([^"]+)"')
         local h = {["Content-Type"] = headers["Content-Type"], ["Accept"] = headers["Accept"],
                    ["MCP-Protocol-Version"] = "2026-07-28", ["Mcp-Method"] = method, ["Mcp-Name"] = name}
         requestHeaders[i] = h
         if line:find('"params":{', 1, true) then
            params[i] = line:gsub('"params":{', '"params":{' .. envelope .. ',', 1)
         else
            params[i] = line:sub(1, -2) .. ',"params":{' .. envelope .. '}}'
         end
      end
   elseif session ~= "-" and session ~= "" then
      headers["Mcp-Session-Id"] = session
      headers["MCP-Protocol-Version"] = version
   end
   path = wrk.path
   counter = (tid or 0) * 37
end

function request()
   counter = counter + 1
   local i = (counter % #params) + 1
   local body = '{"jsonrpc":"2.0","id":' .. ((tid or 0) * 1000000000 + counter) .. ',' .. params[i]
   return wrk.format("POST", path, requestHeaders[i] or headers, body)
end

function response(status, hdrs, body)
   if status ~= 200 then
      bad_status = bad_status + 1
   elseif not body:find('"result"', 1, true) or body:find('"isError":true', 1, true) then
      bad_body = bad_body + 1
   end
end

function done(summary, latency, requests)
   local bs, bb = 0, 0
   for _, t in ipairs(threads) do
      bs = bs + (t:get("bad_status") or 0)
      bb = bb + (t:get("bad_body") or 0)
   end
   local e = summary.errors
   io.write(string.format(
      'WRK_JSON {"requests":%d,"duration_s":%.3f,"rps":%.1f,"bytes":%d,' ..
      '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"mean_ms":%.3f,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},"bad_status":%d,"bad_body":%d}\n',
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.bytes,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000,
      e.connect, e.read, e.write, e.status, e.timeout, bs, bb))
end
