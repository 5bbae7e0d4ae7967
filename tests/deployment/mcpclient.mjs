// One MCP session with the official TypeScript SDK client against a deployed jcr-mcp-server (a container,
// or replicas behind nginx), for tests/deployment/docker-test.sh and scaleout-test.sh. The SDK comes from
// tests/e2e-http's pinned install (package-lock.json), so this folder needs no npm project of its own.
//
//   node mcpclient.mjs --url http://127.0.0.1:PORT --transport streamable-http|sse|2026 --data CSV_FOLDER
//                      [--calls N] [--kill-pid PID --kill-after K] [--token T]
//
// initialize, tools/list (the six tools), then N search_journal calls cycling through journals of
// JCR2025-UTF8.csv: each answer must name the journal and carry its IF from the CSV (expected values
// come from the data, never from this file). With --kill-pid, that process is SIGKILLed after K calls
// and the same session must go on. `--transport 2026`: the SDK 2.x client (@modelcontextprotocol/client, same
// install) pinned to MCP 2026-07-28 over Streamable HTTP: no session at all, every request on its own.
// Prints one JSON line: {sessionId, calls, serverVersion, journals}.
// Exits 1 with the reason on any failure.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

import { readCsvObjects } from "../e2e/showjcrfiles.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const sdkRoot = path.join(process.env.JCR_E2E_HTTP_DIR ?? path.join(here, "../e2e-http"),
                          "node_modules/@modelcontextprotocol/sdk/dist/esm");
const importSdk = (file) => import(pathToFileURL(path.join(sdkRoot, file)).href);
const { Client } = await importSdk("client/index.js");
const { SSEClientTransport } = await importSdk("client/sse.js");
const { StreamableHTTPClientTransport } = await importSdk("client/streamableHttp.js");

const { values: options } = parseArgs({
  options: {
    url: { type: "string" },
    transport: { type: "string", default: "streamable-http" },
    data: { type: "string" },
    calls: { type: "string", default: "6" },
    "kill-pid": { type: "string" },
    "kill-after": { type: "string", default: "3" },
    token: { type: "string" },
  },
});

function fail(message) {
  console.error(`mcpclient: FAIL: ${message}`);
  process.exit(1);
}

if (!options.url || !options.data) fail("--url and --data are required");
const TOOL_NAMES = ["search_journal", "get_partition_trends", "check_warning_journals", "compare_journals",
                    "get_journal", "filter_journals", "check_references"];

/** Journals of the newest JCR table with a numeric IF and a unique title: what the calls ask for. */
function expectedJournals() {
  const rows = readCsvObjects(path.join(options.data, "JCR2025-UTF8.csv"));
  const titles = new Map();
  for (const row of rows) {
    const title = row.Journal.trim().toUpperCase();
    titles.set(title, (titles.get(title) ?? 0) + 1);
  }
  const usable = rows.filter((row) => /^\d+(\.\d+)?$/.test(row["IF(2025)"]) && titles.get(row.Journal.trim().toUpperCase()) === 1);
  if (usable.length === 0) fail(`no journal with a numeric IF in ${options.data}/JCR2025-UTF8.csv`);
  // Spread over the file (the first rows of the real file are all famous ones).
  const step = Math.max(1, Math.floor(usable.length / 16));
  return usable.filter((_, i) => i % step === 0).slice(0, 16);
}

function text(result) {
  return result.content.filter((c) => c.type === "text").map((c) => c.text).join("\n");
}

const requestInit = options.token ? { headers: { Authorization: `Bearer ${options.token}` } } : undefined;
const base = new URL(options.url);
let transport;
let client;
if (options.transport === "2026") {
  const sdk2 = await import(pathToFileURL(path.join(process.env.JCR_E2E_HTTP_DIR ?? path.join(here, "../e2e-http"),
                                                    "node_modules/@modelcontextprotocol/client/dist/index.mjs")).href);
  transport = new sdk2.StreamableHTTPClientTransport(new URL("/mcp", base), { requestInit });
  client = new sdk2.Client({ name: "jcr-mcp-deployment-test", version: "1.0.0" },
                           { capabilities: {}, versionNegotiation: { mode: { pin: "2026-07-28" } } });
} else {
  transport = options.transport === "sse"
    ? new SSEClientTransport(new URL("/sse", base), { requestInit })
    : new StreamableHTTPClientTransport(new URL("/mcp", base), { requestInit });
  client = new Client({ name: "jcr-mcp-deployment-test", version: "1.0.0" }, { capabilities: {} });
}
const clientErrors = [];
client.onerror = (e) => clientErrors.push(String(e));

const journals = expectedJournals();
const calls = Number(options.calls);
const killAfter = Number(options["kill-after"]);
let done = 0;
try {
  await client.connect(transport);
  const info = client.getServerVersion();
  if (info?.name !== "jcr-mcp") fail(`initialize: server name ${JSON.stringify(info?.name)}, not jcr-mcp`);
  if (options.transport === "2026" && (client.getNegotiatedProtocolVersion() !== "2026-07-28" || transport.sessionId))
    fail(`2026: negotiated ${client.getNegotiatedProtocolVersion()}, session ${transport.sessionId}`);
  const { tools } = await client.listTools();
  const names = tools.map((t) => t.name);
  if (JSON.stringify(names) !== JSON.stringify(TOOL_NAMES)) fail(`tools/list: ${names.join(", ")}`);

  for (; done < calls; ++done) {
    if (options["kill-pid"] && done === killAfter) {
      process.kill(Number(options["kill-pid"]), "SIGKILL");
      console.error(`mcpclient: killed replica pid ${options["kill-pid"]} after ${done} calls`);
    }
    const row = journals[done % journals.length];
    const result = await client.callTool({ name: "search_journal", arguments: { journal_name: row.Journal } });
    const answer = text(result);
    if (result.isError) fail(`search_journal ${row.Journal}: isError: ${answer}`);
    const first = result.structuredContent?.results?.[0]?.profile;
    if (first?.title?.toUpperCase() !== row.Journal.trim().toUpperCase())
      fail(`search_journal ${row.Journal}: first match ${JSON.stringify(first?.title)}`);
    if (!answer.includes(row["IF(2025)"]))
      fail(`search_journal ${row.Journal}: the answer lacks the CSV's IF(2025) ${row["IF(2025)"]}: ${answer.slice(0, 400)}`);
  }
  const health = await (await fetch(new URL("/health", base))).json();
  console.log(JSON.stringify({
    transport: options.transport,
    sessionId: transport.sessionId ?? null,
    calls: done,
    serverVersion: info.version,
    journals: health.tableRows?.journal ?? null,
    builtAt: health.builtAt ?? null,
    health: health.status,
  }));
  await client.close();
} catch (e) {
  fail(`after ${done} of ${calls} calls: ${e?.stack ?? e}${clientErrors.length ? `\nclient errors: ${clientErrors.join("; ")}` : ""}`);
}
process.exit(0);
