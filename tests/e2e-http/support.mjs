// Helpers of the HTTP end-to-end tests: where the server, the data and Node 22 are, building the database
// once, reading the ShowJCR CSV files (expected values come from the source, never hard-coded), starting
// `jcr-mcp-server --transport http --port 0` and waiting for its ready line (docs/http-transport.md), and
// connecting the official SDK client over Streamable HTTP or legacy SSE.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

export { text } from "../e2e/commonchecks.mjs";
import { ensureDatabase as buildDatabaseOnce } from "../e2e/showjcrfiles.mjs";

export const here = path.dirname(fileURLToPath(import.meta.url));

/** The server binary (CTest passes $<TARGET_FILE:jcr-mcp-server>). */
export const serverBinary = process.env.JCR_MCP_SERVER ?? path.resolve(here, "../../../build/server/jcr-mcp-server");
/** The binary whose `sync` command builds the database (the real CLI). */
export const syncBinary = process.env.JCR_MCP_SYNC ?? serverBinary;
/** The real ShowJCR files (read-only, never copied). */
export const dataDir = process.env.JCR_MCP_DATA_SOURCE ?? path.resolve(here, "../../../shared/showjcr");
/** Where the test database is built (once; reused while it exists). */
export const databasePath = process.env.JCR_MCP_E2E_DB ?? path.resolve(here, "../../../build/e2e-http/jcr.db");
/** Node >= 22 for the conformance suite (the npm package `node` pinned in package.json). */
export const node22 = process.env.JCR_MCP_NODE22 ?? path.join(here, "node_modules/node/bin/node");
/** Where per-run results (conformance per scenario) are written; defaults beside the database. */
export const resultsDir = process.env.JCR_MCP_E2E_RESULTS ?? path.dirname(databasePath);

export const READY_LINE = /^jcr-mcp-server: listening on (http:\/\/(\S+):(\d+)) \((\S+)\)$/m;

export function hasData() {
  return existsSync(path.join(dataDir, "JCR2025-UTF8.csv"));
}

export function hasServer() {
  return existsSync(serverBinary);
}

/** Builds the database from the real data with the server's own `sync` command, unless it exists. */
export function ensureDatabase() {
  buildDatabaseOnce(syncBinary, dataDir, databasePath);
}

/**
 * Starts `jcr-mcp-server --transport TRANSPORT --port 0 --db DB` and resolves when the ready line
 * `jcr-mcp-server: listening on http://HOST:PORT (TRANSPORT)` appears on stderr.
 * Returns { base, port, host, transport, child, stderr(), stop() }; stop() sends SIGTERM and resolves
 * with the exit code (or the signal name).
 */
export function startServer({ transport = "http", database = databasePath, env = {}, args = [], timeoutMs = 30_000 } = {}) {
  const child = spawn(serverBinary, ["--transport", transport, "--port", "0", "--db", database, ...args], {
    cwd: "/",
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  let out = "";
  child.stdout.on("data", (d) => { out += d.toString(); });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));
  let ready = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no ready line within ${timeoutMs} ms; stderr:\n${err}`));
    }, timeoutMs);
    child.on("error", (e) => { clearTimeout(timer); reject(e); });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before its ready line; stderr:\n${err}\nstdout:\n${out}`));
    });
    child.stderr.on("data", (d) => {
      err += d.toString();
      const m = READY_LINE.exec(err);
      if (m && !ready) {
        ready = true;
        clearTimeout(timer);
        const [, base, host, port, transportName] = m;
        resolve({
          base,
          host,
          port: Number(port),
          transport: transportName,
          child,
          stderr: () => err,
          stdout: () => out,
          exited,
          async stop(timeout = 10_000) {
            if (child.exitCode !== null || child.signalCode !== null) return exited;
            child.kill("SIGTERM");
            const killer = setTimeout(() => child.kill("SIGKILL"), timeout);
            const result = await exited;
            clearTimeout(killer);
            return result;
          },
        });
      }
    });
  });
}

/** SDK client over Streamable HTTP (`/mcp`) or legacy SSE (`/sse`); returns { client, transport }. */
export async function connectClient(base, kind, { headers, capabilities = {} } = {}) {
  const requestInit = headers ? { headers } : undefined;
  const transport = kind === "sse"
    ? new SSEClientTransport(new URL("/sse", base), { requestInit })
    : new StreamableHTTPClientTransport(new URL("/mcp", base), { requestInit });
  const client = new Client({ name: "jcr-mcp-e2e-http", version: "1.0.0" }, { capabilities });
  const errors = [];
  client.onerror = (e) => errors.push(e);
  await client.connect(transport);
  return { client, transport, errors };
}

/** Raw fetch with the headers a Streamable HTTP client sends; body is a JS value or undefined. */
export async function post(base, pathName, body, headers = {}) {
  return fetch(new URL(pathName, base), {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}


export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The major version of the Node.js at `binary` (0 when it does not run). */
export function nodeMajor(binary) {
  const run = spawnSync(binary, ["--version"], { encoding: "utf8" });
  return Number(/^v(\d+)/.exec(run.stdout ?? "")?.[1] ?? 0);
}

/** Why a conformance suite at `cli` cannot run here (`npmName` for the message), or false when it can. */
export function conformanceSkipReason(cli, npmName) {
  return !hasServer() ? "the server binary is missing (set JCR_MCP_SERVER)"
    : !hasData() ? "the ShowJCR data folder is missing"
    : !existsSync(cli) ? `npm ci has not installed ${npmName}`
    : nodeMajor(node22) < 22 ? `no Node >= 22 at ${node22} (set JCR_MCP_NODE22)` : false;
}

/** Runs a conformance suite's CLI under Node 22 (killed after `timeoutMs`); resolves { code, output }. */
export function runConformanceCli(cli, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(node22, [cli, ...args], { cwd: here, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } });
    let output = "";
    child.stdout.on("data", (d) => { output += d.toString(); });
    child.stderr.on("data", (d) => { output += d.toString(); });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("exit", (code, signal) => { clearTimeout(timer); resolve({ code: code ?? signal, output }); });
  });
}
