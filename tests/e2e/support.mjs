// Helpers of the end-to-end tests: where the server and the data are, building the database once,
// reading the ShowJCR CSV files (to compare the server's answers with the source), and connecting the
// official SDK client over stdio.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The server binary (CTest passes $<TARGET_FILE:jcr-mcp-server>). */
export const serverBinary = process.env.JCR_MCP_SERVER ?? path.resolve(here, "../../../build/server/jcr-mcp-server");
/** The binary whose `sync` command builds the database (the real CLI). */
export const syncBinary = process.env.JCR_MCP_SYNC ?? serverBinary;
/** The real ShowJCR files (read-only, never copied). */
export const dataDir = process.env.JCR_MCP_DATA_SOURCE ?? path.resolve(here, "../../../shared/showjcr");
/** Where the test database is built (once; reused while it exists). */
export const databasePath = process.env.JCR_MCP_E2E_DB ?? path.resolve(here, "../../../build/e2e/jcr.db");

export function hasData() {
  return existsSync(path.join(dataDir, "JCR2025-UTF8.csv"));
}

/** Builds the database from the real data with the server's own `sync` command, unless it exists. */
export function ensureDatabase() {
  if (existsSync(databasePath)) return;
  mkdirSync(path.dirname(databasePath), { recursive: true });
  const run = spawnSync(syncBinary, ["sync", "--from", dataDir, "--db", databasePath], {
    encoding: "utf8",
    timeout: 300_000,
  });
  if (run.status !== 0 || !existsSync(databasePath)) {
    throw new Error(`sync failed (${run.status}): ${run.stderr}\n${run.stdout}`);
  }
}

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF, BOM). Returns arrays of strings. */
export function readCsv(fileName) {
  let text = readFileSync(path.join(dataDir, fileName), "utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The CSV as objects keyed by the header. */
export function readCsvObjects(fileName) {
  const [header, ...rows] = readCsv(fileName);
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ""])));
}

/** Connects an SDK client to a freshly spawned server; returns { client, transport, stderr }. */
export async function connect(extraArgs = [], database = databasePath) {
  const transport = new StdioClientTransport({
    command: serverBinary,
    args: ["--db", database, ...extraArgs],
    stderr: "pipe",
    cwd: "/",
  });
  const stderr = [];
  transport.stderr?.on("data", (chunk) => stderr.push(chunk.toString()));
  const client = new Client({ name: "jcr-mcp-e2e", version: "1.0.0" }, { capabilities: {} });
  await client.connect(transport);
  return { client, transport, stderr };
}
